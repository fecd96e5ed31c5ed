"""The report as an Excel workbook: the same figures as the PDF, one sheet per section,
each with a native Excel chart (openpyxl.chart, so the chart follows the cells), and the
rows under the figures — the period's requests, the overdue list, the service hours and
the redemptions — with phones and ID numbers masked.

pandas shapes each table of figures (numbers stay numbers, so a sheet can be summed
and filtered; a rate is a percentage with one decimal, nothing to measure is an empty
cell); openpyxl writes the workbook in its streaming (write-only) mode, so a district's
100,000 requests of a month go to the sheet a page at a time. Both are imported only
when a workbook is written. The file appears whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, BinaryIO

from desktop.reports.excel_parts import (
    HEAD_FILL,
    Sheet,
    bar_chart,
    change,
    frame,
    headline_frame,
    line_chart,
    pct,
    pie_chart,
    rate,
)
from desktop.reports.extra import ExtraSection
from desktop.reports.figures import ReportFigures
from desktop.reports.listings import Listing
from desktop.reports.narrative import Narrative, headings
from desktop.reports.orders_excel import orders_sheet
from desktop.reports.wording import CLOCK_RATES_ZH, STAR_NAMES_ZH, THRESHOLDS_ZH

if TYPE_CHECKING:
    pass

Target = str | os.PathLike[str] | BinaryIO
Progress = Callable[[int, int, str], None]
DATE_FORMAT = "yyyy-mm-dd hh:mm"
DAY_FORMAT = "yyyy-mm-dd"
CHANGE_NOTE = "比率类指标的环比、同比为百分点之差，其余指标为增减百分比；“—”或空白表示无法计算。"


# --- the sheets -------------------------------------------------------------------------------
def _cover(book: Any, f: ReportFigures) -> None:
    s = Sheet(book, "说明", [14, 70])
    title = {"month": "社区服务工作统计月报", "quarter": "社区服务工作统计季报"}.get(
        f.period.kind, "社区服务工作统计年报"
    )
    s.line(title, bold=True, size=14)
    s.blank()
    s.line("填报单位", f.centre)
    s.line("报告期", f.period.label)
    s.line("数据截至", f.cutoff.strftime("%Y-%m-%d %H:%M"))
    s.line("制表日期", f.cutoff.strftime("%Y-%m-%d"))
    s.blank()
    s.line("说明", CHANGE_NOTE)
    s.line("", "各明细表中的电话、身份证号已脱敏（仅保留前后几位）。")
    if f.is_empty:
        s.line("", "本报告期内无诉求受理、办理及爱心银行记录。")


def _headline(book: Any, f: ReportFigures) -> None:
    s = Sheet(book, "主要指标", [16, 8, 12, 12, 10, 12, 10])
    r = f.requests
    s.frame(headline_frame(r.headline), formats={"环比": "0.0", "同比": "0.0"})
    s.blank()
    h = r.handling
    s.line("本期办结件数", h.count)
    s.line("平均办理时长（工作小时）", None if h.mean_hours is None else round(h.mean_hours, 1))
    s.line("办理时长中位数（工作小时）", None if h.median_hours is None else round(h.median_hours, 1))
    s.blank()
    s.line(CHANGE_NOTE)


def _channels(book: Any, f: ReportFigures) -> None:
    r = f.requests
    names = [c.label for c in r.channels]
    s = Sheet(book, "渠道分类", [22] + [10] * (len(names) + 2))
    rows = [[c.label, c.count, pct(c.share)] for c in r.channels]
    first, last = s.frame(frame(rows, ["渠道", "件数", "占比（%）"]))
    if any(c.count for c in r.channels):
        s.chart(pie_chart("受理渠道分布", s, 2, 1, (first, last)), "F1")
    for _ in range(14 - len(rows)):
        s.blank()
    table: list[list[Any]] = []
    subtotal: list[int] = []
    for row in r.channel_categories:
        if row.depth == 1:
            subtotal.append(len(table))
        table.append([row.label if row.depth == 1 else "　" + row.label, *row.counts, row.total])
    table.append(["合计", *[c.count for c in r.channels], r.totals.registered])
    subtotal.append(len(table) - 1)
    s.frame(frame(table, ["诉求分类", *names, "合计"]), subtotal_rows=subtotal)


def _hotspots(book: Any, f: ReportFigures) -> None:
    s = Sheet(book, "热点诉求", [6, 28, 10, 10, 10, 10])
    spots = f.requests.hotspots
    rows = [[h.rank, h.label, h.count, pct(h.share), h.previous, change(h.change)] for h in spots]
    first, last = s.frame(frame(rows, ["排名", "诉求分类", "本期", "占比（%）", "上期", "环比（%）"]))
    if rows:
        chart = bar_chart("热点诉求", s, (3, 3), 2, (first, last), unit="件")
        s.chart(chart, "H2")


def _distribution(book: Any, f: ReportFigures) -> None:
    r = f.requests
    s = Sheet(book, "受理分布", [28, 10, 10])
    s.line("按办理层级", bold=True)
    first, last = s.frame(
        frame([[x.label, x.count, pct(x.share)] for x in r.levels], ["办理层级", "件数", "占比（%）"])
    )
    if any(x.count for x in r.levels):
        s.chart(pie_chart("按办理层级", s, 2, 1, (first, last)), "E1")
    for _ in range(12):
        s.blank()
    s.line("按承办单位（主办）", bold=True)
    s.frame(
        frame([[x.label, x.count, pct(x.share)] for x in r.departments], ["承办单位", "件数", "占比（%）"])
    )
    s.blank()
    s.line("按网格", bold=True)
    s.frame(frame([[x.label, x.count, pct(x.share)] for x in r.grids], ["网格", "件数", "占比（%）"]))


def _deadlines(book: Any, f: ReportFigures) -> None:
    r = f.requests
    s = Sheet(book, "时限执行", [14, 10, 10, 10, 10, 12, 12])
    rows = [
        [
            CLOCK_RATES_ZH[c.clock],
            c.due,
            c.on_time,
            c.late,
            c.overdue,
            rate(c.rate.percent),
            rate(r.previous.clock(c.clock).rate.percent),
        ]
        for c in r.totals.clocks
    ]
    first, last = s.frame(
        frame(
            rows, ["时限", "应办件数", "按时", "超时办结", "超期未办", "本期按时率（%）", "上期按时率（%）"]
        )
    )
    s.chart(bar_chart("“30135”时限按时率", s, (6, 7), 1, (first, last), unit="%"), "A8")


def _satisfaction(book: Any, f: ReportFigures) -> None:
    t = f.requests.totals
    sat = t.satisfaction
    s = Sheet(book, "回访满意度", [14, 10, 10, 10])
    shares = sat.shares()
    rows = [
        ["满意", sat.satisfied, pct(shares[0])],
        ["基本满意", sat.basically, pct(shares[1])],
        ["不满意", sat.unsatisfied, pct(shares[2])],
    ]
    first, last = s.frame(frame(rows, ["回访结果", "件数", "占比（%）"]))
    if sat.total:
        s.chart(pie_chart("回访满意度", s, 2, 1, (first, last)), "F1")
    s.blank()
    s.frame(
        frame(
            [
                [
                    "回访率",
                    t.follow_up_rate.numerator,
                    t.follow_up_rate.denominator,
                    rate(t.follow_up_rate.percent),
                ],
                ["满意率", sat.rate.numerator, sat.rate.denominator, rate(sat.rate.percent)],
            ],
            ["指标", "件数", "基数", "比率（%）"],
        )
    )
    s.line("满意率计入基本满意" if sat.basically_counts else "满意率不计入基本满意")


def _levels(book: Any, f: ReportFigures) -> None:
    r = f.requests
    s = Sheet(book, "分级办结", [18, 10, 10])
    rows = [[x.label, x.resolved, pct(x.share)] for x in r.level_shares]
    first, last = s.frame(frame(rows, ["办结层级", "办结件数", "占比（%）"]))
    if any(x.resolved for x in r.level_shares):
        s.chart(pie_chart("分级办结", s, 2, 1, (first, last)), "E1")
    s.line("镇街道及以下合计", r.at_town_or_below.numerator, rate(r.at_town_or_below.percent), bold=True)


def _ranking(book: Any, f: ReportFigures) -> None:
    rk = f.requests.ranking
    st = f.settings
    s = Sheet(book, "考评排名", [6, 24, 8, 10, 10, 10, 10, 10, 12, 12, 8, 20])
    rows = [
        [
            d.rank,
            d.name,
            d.assigned,
            rate(d.clock("answer").rate.percent),
            rate(d.reply_rate.percent),
            rate(d.on_time_rate.percent),
            rate(d.satisfaction.rate.percent),
            rate(d.reopen_rate.percent),
            None if d.handling.mean_hours is None else round(d.handling.mean_hours, 1),
            None if d.handling.median_hours is None else round(d.handling.median_hours, 1),
            None if d.score is None else round(d.score, 2),
            "、".join(THRESHOLDS_ZH[b] for b in d.below),
        ]
        for d in rk.rows
    ]
    columns = [
        "名次",
        "承办单位",
        "派单量",
        "按时答复率",
        "回复率",
        "按时办结率",
        "满意率",
        "重办率",
        "平均用时（工作小时）",
        "用时中位数（工作小时）",
        "得分",
        "低于标准",
    ]
    first, last = s.frame(frame(rows, columns))
    ranked = sum(1 for d in rk.rows if d.ranked)
    s.blank()
    s.line(
        f"权重：按时办结率 {st.weight_on_time}%，满意率 {st.weight_satisfaction}%，"
        f"未重办 {st.weight_reopen}%；派单不少于 {st.minimum_requests} 件参与排名，"
        "得分相同名次并列。"
    )
    s.line("红榜", "、".join(d.name for d in rk.red) or "无")
    s.line("黑榜", "、".join(d.name for d in rk.black) or "无")
    s.line(
        f"需整改（回复率<{st.reply_threshold:g}% 或满意率<{st.satisfaction_threshold:g}%）",
        "、".join(d.name for d in rk.below_threshold) or "无",
    )
    if ranked:
        s.chart(
            bar_chart("承办单位考评得分", s, (11, 11), 2, (first, first + ranked - 1), unit="分"),
            f"A{s.row + 3}",
        )


def _trend(book: Any, f: ReportFigures) -> None:
    s = Sheet(book, "月度趋势", [12, 10, 10, 14])
    rows = [
        [p.period.label, p.registered, p.resolutions, rate(p.resolve_on_time.percent)]
        for p in f.requests.trend
    ]
    first, last = s.frame(frame(rows, ["月份", "受理量", "办结量", "按时办结率（%）"]))
    s.chart(line_chart("近12个月受理与办结", s, (2, 3), 1, (first, last), "件"), "F1")
    s.chart(line_chart("近12个月按时办结率", s, (4, 4), 1, (first, last), "%"), "F17")


def _love_bank(book: Any, f: ReportFigures) -> None:
    lb = f.love_bank
    s = Sheet(book, "爱心银行", [16, 18, 12, 12, 12, 12, 12])
    s.frame(headline_frame(lb.headline), formats={"环比": "0.0", "同比": "0.0"})
    s.blank()
    s.line("服务时长前列的志愿者", bold=True)
    rows = [[v.name, v.team, round(v.hours, 1), v.points] for v in lb.top_volunteers]
    first, last = s.frame(frame(rows, ["姓名", "所属队伍", "服务时长（小时）", "获得积分"]))
    if rows:
        s.chart(bar_chart("志愿服务时长前列", s, (3, 3), 1, (first, last), unit="小时"), "I2")
    s.blank()
    s.line("本期晋升星级的志愿者", bold=True)
    s.frame(
        frame(
            [
                [v.name, v.team, STAR_NAMES_ZH[v.stars_before], STAR_NAMES_ZH[v.stars], round(v.hours, 1)]
                for v in lb.new_stars
            ],
            ["姓名", "所属队伍", "原星级", "现星级", "累计服务时长（小时）"],
        )
    )
    s.blank()
    s.line("爱心超市物品进出明细", bold=True)
    s.frame(
        frame(
            [
                [x.name, x.opening, x.stocked_in, x.redeemed, x.returned, x.taken_out, x.closing]
                for x in lb.stock
            ],
            ["物品", "期初库存", "本期入库", "兑换出库", "取消退回", "其他出库", "期末库存"],
        )
    )
    s.blank()
    s.line(f"库存不足（不多于 {f.settings.low_stock} 件）", bold=True)
    s.frame(frame([[x.name, x.closing] for x in lb.low_stock], ["物品", "库存"]))


def _narrative(book: Any, f: ReportFigures, narrative: Narrative) -> None:
    s = Sheet(book, "文字说明", [18, 100])
    for title, (_heading, body) in zip(headings(f.period.kind), narrative.sections(), strict=True):
        s.line(title, body or "无", bold=False)


def _listing(book: Any, listing: Listing, written: Callable[[int], None] | None = None) -> int:
    """Write a listing's sheet; ``written(n)`` hears every 5,000 rows how many are done."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill

    s = Sheet(book, listing.sheet, listing.widths)
    s.ws.freeze_panes = "A2"
    head = []
    for name in listing.headers:
        cell = WriteOnlyCell(s.ws, value=name)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEAD_FILL)
        head.append(cell)
    s.ws.append(head)
    n = 0
    for row in listing.rows():
        cells = []
        for v in row:
            if isinstance(v, dt.datetime):
                cell = WriteOnlyCell(s.ws, value=v)
                cell.number_format = DATE_FORMAT
                cells.append(cell)
            elif isinstance(v, dt.date):
                cell = WriteOnlyCell(s.ws, value=v)
                cell.number_format = DAY_FORMAT
                cells.append(cell)
            else:
                cells.append(v)
        s.ws.append(cells)
        n += 1
        if written is not None and n % 5_000 == 0:
            written(n)
    return n


def write_workbook(
    figures: ReportFigures,
    listings: Sequence[Listing],
    target: Target,
    *,
    narrative: Narrative | None = None,
    progress: Progress | None = None,
) -> None:
    """Write the workbook (atomically for a path): the figure sheets, then the listings."""
    from openpyxl import Workbook

    from desktop.printing.template import write_atomically

    book = Workbook(write_only=True)
    parts: list[tuple[str, Callable[[], object]]] = [
        ("说明", lambda: _cover(book, figures)),
        ("主要指标", lambda: _headline(book, figures)),
        ("渠道分类", lambda: _channels(book, figures)),
        ("热点诉求", lambda: _hotspots(book, figures)),
        ("受理分布", lambda: _distribution(book, figures)),
        ("时限执行", lambda: _deadlines(book, figures)),
        ("回访满意度", lambda: _satisfaction(book, figures)),
        ("分级办结", lambda: _levels(book, figures)),
        ("考评排名", lambda: _ranking(book, figures)),
        ("月度趋势", lambda: _trend(book, figures)),
        ("爱心银行", lambda: _love_bank(book, figures)),
    ]
    parts.append(("居民点单", lambda: orders_sheet(book, figures.orders)))
    for section in figures.extras:
        parts.append((section.sheet, partial(excel_sheet, book, section)))
    if narrative is not None:
        parts.append(("文字说明", lambda: _narrative(book, figures, narrative)))
    total = len(parts) + len(listings) + 1
    for listing in listings:
        step = len(parts)

        def written(n: int, step: int = step, sheet: str = listing.sheet) -> None:
            if progress:
                progress(step, total, f"{sheet}：已写 {n:,} 行")

        parts.append((listing.sheet, partial(_listing, book, listing, written)))
    for i, (name, write) in enumerate(parts):
        if progress:
            progress(i, total, name)
        write()
    if progress:
        progress(total - 1, total, "保存")
    write_atomically(target, book.save)
    if progress:
        progress(total, total, "完成")


def excel_sheet(book: Any, section: ExtraSection) -> None:
    """One sheet of the workbook for ``section``: its paragraphs, then its tables."""
    import pandas as pd

    widths = max((len(t.headers) for t in section.tables), default=1)
    s = Sheet(book, section.sheet[:31], [22] + [14] * (widths - 1))
    s.line(section.heading, bold=True, size=13)
    for text in section.paragraphs:
        s.line(text)
    for t in section.tables:
        s.blank()
        s.line(t.title + (f"（单位：{t.unit}）" if t.unit else ""), bold=True)
        s.frame(pd.DataFrame([[_number(v) for v in r] for r in t.rows], columns=list(t.headers)))


def _number(text: str) -> Any:
    """A cell as a number where the text is one (so Excel can sum it), else the text."""
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text
