"""The last sections of the report PDF (:mod:`desktop.reports.pdf`): the love bank (爱心银行,
with the 爱心超市's 进出明细), the narrative (文字说明) and the signature lines with the
space for the seal. Each is a function of the report's :class:`~desktop.reports.pdf_builder.Builder`.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.platypus import KeepTogether, Spacer

from desktop.printing.page import GREY, MM, Blank
from desktop.reports.narrative import Narrative, headings
from desktop.reports.pdf_builder import (
    DASH,
    EMPTY,
    NUMERALS,
    SMALL_SIZE,
    TEXT_SIZE,
    Builder,
    count,
    hours,
)
from desktop.reports.wording import STAR_NAMES_ZH


def love_bank(b: Builder) -> None:
    lb = b.f.love_bank
    b.heading("爱心银行")
    b.headline_table(lb.headline)
    b.sub("（一）服务时长前列的志愿者")
    if lb.top_volunteers:
        b.table(
            ["序号", "姓名", "所属队伍", "服务时长（小时）", "获得积分"],
            [
                [str(i), v.name, v.team or DASH, hours(v.hours), count(v.points)]
                for i, v in enumerate(lb.top_volunteers, 1)
            ],
            [10, 30, 40, 20, 20],
            align="cllrr",
        )
    else:
        b.note(EMPTY)
    b.sub("（二）本期晋升星级的志愿者")
    if lb.new_stars:
        b.table(
            ["姓名", "所属队伍", "原星级", "现星级", "累计服务时长（小时）"],
            [
                [
                    v.name,
                    v.team or DASH,
                    STAR_NAMES_ZH[v.stars_before],
                    STAR_NAMES_ZH[v.stars],
                    hours(v.hours),
                ]
                for v in lb.new_stars
            ],
            [30, 40, 16, 16, 24],
            align="llccr",
        )
    else:
        b.note("本期无志愿者晋升星级。")
    b.sub("（三）爱心超市物品进出明细")
    if lb.stock:
        rows = [
            [
                x.name,
                count(x.opening),
                count(x.stocked_in),
                count(x.redeemed),
                count(x.returned),
                count(x.taken_out),
                count(x.closing),
            ]
            for x in lb.stock
        ]
        b.table(
            ["物品", "期初库存", "本期入库", "兑换出库", "取消退回", "其他出库", "期末库存"],
            rows,
            [36, 14, 14, 14, 14, 14, 14],
            unit="件",
        )
    else:
        b.note(EMPTY)
    low = "、".join(f"{x.name}（{x.closing}）" for x in lb.low_stock)
    b.story.append(b.para(f"库存不足（不多于 {b.f.settings.low_stock} 件）的物品：{low or '无'}。"))


def narrative(b: Builder, narrative: Narrative) -> None:
    b.heading("文字说明")
    titles = headings(b.f.period.kind)
    for i, (title, (_heading, body)) in enumerate(zip(titles, narrative.sections(), strict=True), 1):
        b.sub(f"（{NUMERALS[i - 1]}）{title}")
        b.story.append(b.para(body.strip() or "无。"))


def signatures(b: Builder, prepared_by: str) -> None:
    doc = b.doc
    style = doc.style(TEXT_SIZE + 0.5)
    lines = [
        doc.signature_line(
            [Blank("单位负责人：", 24 * MM, 38 * MM), Blank("统计负责人：", 24 * MM, 38 * MM)],
            style,
            padding=0,
            bottom_padding=2,
        ),
        doc.signature_line(
            [Blank("填表人：", 24 * MM, 38 * MM, prepared_by), Blank("报出日期：", 24 * MM, 38 * MM)],
            style,
            padding=0,
            bottom_padding=2,
        ),
    ]
    seal = doc.table(
        [
            [Spacer(0, 34 * MM)],
            [
                b.para(
                    "（单位盖章）",
                    doc.style(SMALL_SIZE, alignment=TA_CENTER, textColor=colors.HexColor(GREY)),
                )
            ],
        ],
        [40 * MM],
        [("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor(GREY)), ("BOTTOMPADDING", (0, 1), (-1, 1), 3)],
        padding=0,
    )
    block = doc.table(
        [[[Spacer(0, 8 * MM), lines[0], Spacer(0, 8 * MM), lines[1]], seal]],
        [b.width - 45 * MM, 45 * MM],
        [("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT")],
        padding=0,
    )
    b.story.append(Spacer(0, 6 * MM))
    b.story.append(KeepTogether([block]))
