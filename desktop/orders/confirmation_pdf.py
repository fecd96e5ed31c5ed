"""The 服务确认单 (service confirmation) the resident signs when the work is done.

Page format: **A4 portrait**, numbered "第 X 页 / 共 Y 页" (an order of many sessions
runs over a page). It names the order, the service, the provider and the resident, lists
every session the provider reported (day, people served, what was done, the volunteers
and their hours), shows the planned against the actual targets with the completion rate,
and leaves the resident the 满意 / 基本满意 / 不满意 boxes — ticked when the rating was
already recorded — a space for their opinion and the signature lines (居民, 服务主体,
社区经办人).

Printed in Chinese whatever the screen language (see :mod:`desktop.orders.printout`).
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, BinaryIO

from desktop.orders import printout as p
from desktop.orders.queries import OrderDetail, SessionRow
from desktop.printing.page import A4, MM, Blank, DocumentInfo, PageFooter, RunningHeader

if TYPE_CHECKING:
    from desktop.printing.fonts import FontChain

TITLE = "服务确认单"
PAGE = A4

RATINGS = ("satisfied", "basic", "unsatisfied")


def hours(minutes: int) -> str:
    """``90`` → ``1.5小时``."""
    return f"{round(minutes / 60, 2):g}小时"


def volunteers_text(session: SessionRow) -> str:
    """``张三 2小时、李四 1.5小时``."""
    return "、".join(f"{v.name} {hours(v.minutes)}" for v in session.volunteers)


def build_confirmation(
    detail: OrderDetail,
    centre_name: str,
    target: str | os.PathLike[str] | BinaryIO,
    *,
    operator: str = "",
    printed_at: dt.datetime | None = None,
    chain: FontChain | None = None,
) -> None:
    """Write the confirmation of ``detail`` as an A4 PDF (fonts embedded).

    Raises ``DomainError`` naming a character no font can print.
    """
    from reportlab.platypus import KeepTogether, Spacer

    from desktop.printing.template import DocumentTemplate

    d = detail
    printed_at = printed_at or dt.datetime.now()
    doc = DocumentTemplate(PAGE, DocumentInfo(centre_name, TITLE, d.number), chain)
    text = doc.style(p.TEXT_SIZE)
    story: list = [
        *doc.title_block(TITLE, centre_size=p.CENTRE_SIZE, title_size=p.TITLE_SIZE, gap=1.5 * MM),
        Spacer(0, 4 * MM),
        p.facts_table(
            doc,
            [
                ("工单编号", d.number),
                ("点单日期", p.day(d.ordered_at)),
                ("服务对象", d.resident_name),
                ("联系电话", p.masked(d.resident_phone)),
                ("*居住地址", f"{d.address}（{d.grid}）" if d.grid else d.address),
                ("服务项目", f"{d.category} / {d.title}" if d.category else d.title),
                ("服务主体", d.provider),
                ("完成期限", p.day(d.deadline)),
                ("服务完成", p.day(d.finished_at)),
            ],
        ),
        p.section(doc, "一、服务记录"),
    ]
    rows = [
        (
            str(n),
            f"{s.held_on:%Y-%m-%d}",
            str(s.people),
            s.content,
            volunteers_text(s),
        )
        for n, s in enumerate(d.sessions, start=1)
    ]
    if not rows:
        rows = [("", "", "", "（尚无服务记录）", "")]
    story.append(
        p.grid_table(
            doc,
            ("序号", "服务日期", "服务人数", "服务内容", "参与志愿者及时长"),
            rows,
            p.fill_widths(doc.width, (30, 70, 52, 0, 150)),
            aligns=("R", "", "R", "", ""),
            long=True,
        )
    )
    t = d.targets
    groups = "、".join(f"{name} {n} 人" for name, n in t.actual_groups if name)
    story += [
        p.section(doc, "二、完成情况"),
        p.facts_table(
            doc,
            [
                ("计划服务人数", p.people(t.planned_people)),
                ("实际服务人数", p.people(t.actual_people)),
                ("计划服务场次", p.sessions(t.planned_sessions)),
                ("实际服务场次", p.sessions(t.actual_sessions)),
                ("*重点人群", groups),
                ("*完成率", f"{t.completion_percent}%（{p.BAND_ZH.get(t.band, '')}）"),
            ],
            label_chars=6,
        ),
        p.section(doc, "三、居民评价"),
    ]
    rating = d.rating.value if d.rating is not None else ""
    story.append(p.check_boxes(doc, [(p.RATING_ZH[r], r == rating) for r in RATINGS]))
    story.append(Spacer(0, 2 * MM))
    if d.rating_comment:
        story.append(p.facts_table(doc, [("*意见和建议", d.rating_comment)], columns=1))
    else:  # ruled lines to write on
        story.append(
            doc.signature_line([Blank("意见和建议：", p.label_width(6), None)], text, padding=p.CELL_PADDING)
        )
        for _line in range(2):
            story.append(Spacer(0, 5 * MM))
            story.append(
                doc.signature_line([Blank("", 2 * p.CELL_PADDING + 2, None)], text, padding=p.CELL_PADDING)
            )
    closing = [
        Spacer(0, 6 * MM),
        doc.para("本人确认以上服务已经完成，情况属实。", text),
        Spacer(0, 6 * MM),
        doc.signature_line(
            [
                Blank("服务对象（或家属）签字：", p.label_width(12), 120),
                Blank("日期：", p.label_width(3), 100),
            ],
            text,
            padding=p.CELL_PADDING,
        ),
        Spacer(0, 6 * MM),
        doc.signature_line(
            [Blank("服务主体签字：", p.label_width(7), 120), Blank("日期：", p.label_width(3), 100)],
            text,
            padding=p.CELL_PADDING,
        ),
        Spacer(0, 6 * MM),
        doc.signature_line(
            [
                Blank("社区经办人：", p.label_width(6), 90, filled=operator)
                if operator
                else Blank("社区经办人：", p.label_width(6), 90),
                Blank("签字：", p.label_width(3), 100),
                Blank("日期：", p.label_width(3), 100),
            ],
            text,
            padding=p.CELL_PADDING,
        ),
    ]
    story.append(KeepTogether(closing))
    doc.build(
        story,
        target,
        running_header=RunningHeader(right=f"工单编号：{d.number}", size=p.SMALL_SIZE),
        footer=PageFooter(
            left=f"打印时间 {printed_at:%Y-%m-%d %H:%M}", right=d.number, side_size=p.SMALL_SIZE
        ),
    )
