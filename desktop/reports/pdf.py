"""The monthly report as an A4 PDF in the layout of an official statistical report.

Page format: **A4 portrait**, as many pages as the figures need. The first page opens
with the title (月报 / 季报 / 年报) and the line every statistical form carries — 填报单位
(the centre), 报告期, 制表日期 — and the cut-off ("数据截至 …"). Numbered sections
follow, each a table with its units and, where a person would rather look than read, a
chart (bar, pie, line; :mod:`desktop.reports.pdf_charts`): the headline figures with 环比
and 同比, channels and categories, hotspots, where requests come from and go to, the
30135 deadlines, follow-up and satisfaction, the share resolved per level, the
department ranking with 红榜 / 黑榜 and the departments named for 整改, the overdue list,
the twelve-month trend, the love bank (with the shop's 进出明细) and, where the orders
job keeps them, the service orders. The narrative sections (本月工作完成情况, 存在问题,
下月工作计划) come last, then the signature lines 单位负责人 / 统计负责人 / 填表人 / 报出日期
beside a space for the seal. Later pages carry a running header; every page "第 X 页 /
共 Y 页". An empty period prints a report that says so, with no chart of nothing.

Printed texts are Simplified Chinese literals (a report is an official document,
whatever the screen language), each printed with per-character font fallback. ReportLab
is imported only here.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from desktop.printing.fonts import FontChain
from desktop.printing.page import (
    A4,
    DARK_GREY,
    GREY,
    MM,
    STRIPE,
    Blank,
    DocumentInfo,
    PageFooter,
    RunningHeader,
)
from desktop.printing.template import DocumentTemplate
from desktop.reports import charts
from desktop.reports.figures import Compared, ReportFigures
from desktop.reports.narrative import Narrative, headings
from desktop.reports.pdf_charts import draw
from desktop.reports.periods import MONTH, QUARTER
from desktop.reports.wording import (
    CLOCK_RATES_ZH,
    CLOCKS_ZH,
    METRICS,
    RATE,
    STAR_NAMES_ZH,
    THRESHOLDS_ZH,
    URGENCIES_ZH,
)

PAGE = A4
TITLE_SIZE = 17
INFO_SIZE = 10
HEADING_SIZE = 12
TEXT_SIZE = 9.5
TABLE_SIZE = 8.5
SMALL_SIZE = 7.5
PADDING = 3
GRIDS_SHOWN = 20
OVERDUE_SHOWN = 30
EMPTY = "本期无数据"
DASH = "—"
SUBTOTAL = "#d9d9d9"  # a subtotal or total row
TITLES = {MONTH: "社区服务工作统计月报", QUARTER: "社区服务工作统计季报"}
NUMERALS = "一二三四五六七八九十"

Target = str | os.PathLike[str] | BinaryIO


# --- numbers as printed -----------------------------------------------------------------------
def count(value: float | None) -> str:
    return DASH if value is None else f"{value:,.0f}"


def percent(value: float | None) -> str:
    """A percentage (already × 100) with one decimal, or — for nothing to measure."""
    return DASH if value is None else f"{value:.1f}"


def ratio(value: float | None) -> str:
    """A share (0 … 1) as a percentage with one decimal."""
    return DASH if value is None else f"{100 * value:.1f}"


def hours(value: float | None) -> str:
    return DASH if value is None else f"{value:.1f}"


def change(value: float | None, kind: str) -> str:
    """环比 / 同比: percentage points for a rate, percent otherwise."""
    if value is None:
        return DASH
    if kind == RATE:
        return f"{value:+.1f}个百分点"
    return f"{value:+.1f}%"


def value_text(item: Compared, value: float | None) -> str:
    kind = METRICS[item.key].kind
    if kind == RATE:
        return percent(value)
    if kind == "hours":
        return hours(value)
    return count(value)


def date_text(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def cutoff_text(moment: dt.datetime) -> str:
    return f"数据截至 {date_text(moment.date())} {moment:%H:%M}"


def section_number(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    return "十" + NUMERALS[n - 11]


class _Builder:
    """The story of one report, section by section."""

    def __init__(self, doc: DocumentTemplate, figures: ReportFigures):
        self.doc = doc
        self.f = figures
        self.chain: FontChain = doc.chain
        self.width = doc.width
        self.story: list[Flowable] = []
        self.sections = 0
        self.text_style = doc.style(TEXT_SIZE, leading=1.5)
        self.cell = doc.style(TABLE_SIZE, leading=1.25)
        self.cell_right = doc.style(TABLE_SIZE, leading=1.25, alignment=TA_RIGHT)
        self.cell_centre = doc.style(TABLE_SIZE, leading=1.25, alignment=TA_CENTER)
        self.head = doc.style(TABLE_SIZE, leading=1.25, alignment=TA_CENTER, textColor=colors.white)
        self.small = doc.style(SMALL_SIZE, leading=1.35, textColor=colors.HexColor(GREY))
        self.heading_style = doc.style(HEADING_SIZE, leading=1.3, spaceBefore=4 * MM, spaceAfter=2 * MM)
        self.sub_style = doc.style(TEXT_SIZE + 0.5, leading=1.3, spaceBefore=2 * MM, spaceAfter=1.5 * MM)

    # --- parts ----------------------------------------------------------------------------
    def para(self, value: str, style=None) -> Paragraph:
        return self.doc.para(value, style or self.text_style)

    def heading(self, title: str) -> None:
        self.sections += 1
        self.story.append(CondPageBreak(40 * MM))
        self.story.append(self.para(f"{section_number(self.sections)}、{title}", self.heading_style))

    def sub(self, title: str) -> None:
        self.story.append(CondPageBreak(25 * MM))
        self.story.append(self.para(title, self.sub_style))

    def note(self, value: str) -> None:
        self.story.append(self.para(value, self.small))

    def table(
        self,
        head: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        align: Sequence[str] = (),
        shaded: Sequence[int] = (),
        unit: str = "",
    ) -> None:
        """A table with a dark head row repeated on every page; numbers right-aligned
        (``align`` per column: l, r, c); ``shaded`` rows (0-based, under the head) grey."""
        scale = self.width / sum(widths)
        widths = [w * scale for w in widths]
        align = list(align) or ["l"] + ["r"] * (len(head) - 1)
        styles = {"l": self.cell, "r": self.cell_right, "c": self.cell_centre}
        data: list[list[Any]] = [[self.para(h, self.head) for h in head]]
        for row in rows:
            data.append([self.para(str(v), styles[a]) for v, a in zip(row, align, strict=True)])
        commands: list[tuple] = [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(DARK_GREY)),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(GREY)),
            ("TOPPADDING", (0, 0), (-1, -1), 1.8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ]
        for i in range(1, len(data)):
            if i - 1 in shaded:
                commands.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor(SUBTOTAL)))
            elif i % 2 == 0:
                commands.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor(STRIPE)))
        if unit:
            self.story.append(self.para(f"计量单位：{unit}", self.doc.style(SMALL_SIZE, alignment=TA_RIGHT)))
        self.story.append(
            self.doc.table(data, widths, commands, padding=PADDING, long=len(data) > 60, repeat_rows=1)
        )
        self.story.append(Spacer(0, 2 * MM))

    def chart(self, chart: charts.Chart) -> None:
        if chart.is_empty:
            self.note(f"{chart.title}：{EMPTY}")
            return
        self.story.append(KeepTogether([draw(chart, self.chain, self.width), Spacer(0, 2 * MM)]))

    # --- the sections ---------------------------------------------------------------------
    def header(self) -> None:
        f = self.f
        title = TITLES.get(f.period.kind, "社区服务工作统计年报")
        self.story.append(self.para(title, self.doc.style(TITLE_SIZE, leading=1.3, alignment=TA_CENTER)))
        self.story.append(Spacer(0, 3 * MM))
        info = self.doc.style(INFO_SIZE)
        cells = [
            [
                self.para(f"填报单位：{f.centre or DASH}", info),
                self.para(f"报告期：{f.period.label}", self.doc.style(INFO_SIZE, alignment=TA_CENTER)),
                self.para(
                    f"制表日期：{date_text(f.cutoff.date())}", self.doc.style(INFO_SIZE, alignment=TA_RIGHT)
                ),
            ]
        ]
        self.story.append(
            self.doc.table(
                cells,
                [self.width * 0.5, self.width * 0.22, self.width * 0.28],
                [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black)],
                padding=0,
            )
        )
        self.story.append(self.para(cutoff_text(f.cutoff), self.doc.style(SMALL_SIZE, alignment=TA_RIGHT)))
        self.story.append(Spacer(0, 2 * MM))
        if f.is_empty:
            self.story.append(
                self.para(
                    f"本报告期（{f.period.label}）内无诉求受理、办理及爱心银行记录，各项指标均为零或无法计算（以“—”表示）。",
                    self.doc.style(TEXT_SIZE + 0.5, leading=1.5, textColor=colors.HexColor("#a00000")),
                )
            )

    def headline(self) -> None:
        r = self.f.requests
        self.heading("诉求办理主要指标")
        rows = []
        for item in r.headline:
            m = METRICS[item.key]
            rows.append(
                [
                    m.printed,
                    m.unit,
                    value_text(item, item.value),
                    value_text(item, item.previous),
                    change(item.month_on_month, m.kind),
                    value_text(item, item.last_year),
                    change(item.year_on_year, m.kind),
                ]
            )
        self.table(
            ["指标", "单位", "本期", "上期", "环比", "去年同期", "同比"],
            rows,
            [30, 12, 18, 18, 22, 18, 22],
            align="lcrrrrr",
        )
        t = r.totals
        h = r.handling
        s = self.f.settings
        self.note(
            "说明：办结率＝本期受理诉求中截至统计时已办结（含已回访）件数÷本期受理量；按时率＝本期按时完成件数÷本期应完成件数"
            "（本期内完成的与本期到期仍未完成的）；回访率＝已回访÷应回访；满意率＝"
            + ("（满意＋基本满意）" if s.basically_counts else "满意")
            + "÷回访件数；重办率＝重办÷办结；退回率＝退回÷派单；直办为社区（村居）层级承办单位办理，转办为镇街道、区级承办单位办理。"
            "比率环比、同比为百分点之差。"
        )
        if h.count:
            self.story.append(
                self.para(
                    f"本期办结诉求 {count(h.count)} 件，自派单至办结平均用时 {hours(h.mean_hours)} 个工作小时，"
                    f"中位数 {hours(h.median_hours)} 个工作小时（按工作日历与办公时间计算）。"
                )
            )
        if t.registered:
            self.story.append(
                self.para(
                    f"本期受理诉求 {count(t.registered)} 件（来访 {count(t.visitors)} 人次），"
                    f"直办 {count(t.direct)} 件、转办 {count(t.transferred)} 件；"
                    f"截至统计时已办结 {count(t.registered_resolved)} 件，办结率 {percent(t.resolution_rate.percent)}%。"
                )
            )

    def channels(self) -> None:
        r = self.f.requests
        self.heading("受理渠道与诉求分类")
        self.chart(charts.channel_pie(self.f))
        names = [c.label for c in r.channels]
        rows, shaded = [], []
        for row in r.channel_categories:
            if row.depth == 1:
                shaded.append(len(rows))
            label = row.label if row.depth == 1 else f"　{row.label}"
            rows.append(
                [
                    label,
                    *[count(n) for n in row.counts],
                    count(row.total),
                    ratio(_share(row.total, r.totals.registered)),
                ]
            )
        rows.append(
            [
                "合计",
                *[count(c.count) for c in r.channels],
                count(r.totals.registered),
                ratio(1 if r.totals.registered else None),
            ]
        )
        shaded.append(len(rows) - 1)
        self.table(
            ["诉求分类", *names, "合计", "占比（%）"],
            rows,
            [34] + [13] * len(names) + [14, 14],
            shaded=shaded,
            unit="件",
        )

    def hotspots(self) -> None:
        r = self.f.requests
        self.heading("热点诉求")
        rows = [
            [
                str(h.rank),
                h.label,
                count(h.count),
                ratio(h.share),
                count(h.previous),
                change(h.change, "count"),
            ]
            for h in r.hotspots
        ]
        if not rows:
            self.note(EMPTY)
            return
        self.table(
            ["排名", "诉求分类", "件数", "占比（%）", "上期", "环比"],
            rows,
            [10, 50, 14, 14, 14, 18],
            align="clrrrr",
            unit="件",
        )
        self.chart(charts.hotspot_bars(self.f))

    def distribution(self) -> None:
        r = self.f.requests
        self.heading("受理分布")
        self.sub("（一）按办理层级")
        self.table(
            ["办理层级", "件数", "占比（%）"],
            [[x.label, count(x.count), ratio(x.share)] for x in r.levels],
            [40, 20, 20],
            unit="件",
        )
        self.sub("（二）按承办单位（主办）")
        self.table(
            ["承办单位", "件数", "占比（%）"],
            [[x.label, count(x.count), ratio(x.share)] for x in r.departments] or [[EMPTY, DASH, DASH]],
            [60, 20, 20],
            unit="件",
        )
        self.sub("（三）按网格")
        shown = list(r.grids[:GRIDS_SHOWN])
        rows = [[x.label, count(x.count), ratio(x.share)] for x in shown]
        rest = r.grids[GRIDS_SHOWN:]
        if rest:
            n = sum(x.count for x in rest)
            rows.append([f"其余 {len(rest)} 个网格", count(n), ratio(_share(n, r.totals.registered))])
        self.table(["网格", "件数", "占比（%）"], rows or [[EMPTY, DASH, DASH]], [60, 20, 20], unit="件")

    def deadlines(self) -> None:
        r = self.f.requests
        self.heading("“30135”办理时限执行情况")
        rows = []
        for c in r.totals.clocks:
            before = r.previous.clock(c.clock).rate.percent
            now = c.rate.percent
            rows.append(
                [
                    CLOCK_RATES_ZH[c.clock],
                    count(c.due),
                    count(c.on_time),
                    count(c.late),
                    count(c.overdue),
                    percent(now),
                    percent(before),
                    change(None if now is None or before is None else now - before, RATE),
                ]
            )
        self.table(
            ["时限", "应办件数", "按时", "超时办结", "超期未办", "按时率（%）", "上期（%）", "环比"],
            rows,
            [24, 14, 12, 14, 14, 16, 14, 20],
            unit="件、%",
        )
        self.note(
            "受理 30 分钟、答复 1 个工作日、办结 3 个工作日、回访 5 个工作日，自派单起按工作日历计算；"
            "各件按其办理时适用的时限判定（管理员另设的时限从其规定）。"
        )
        self.chart(charts.clock_bars(self.f))

    def satisfaction(self) -> None:
        t = self.f.requests.totals
        s = t.satisfaction
        self.heading("回访与满意度")
        shares = s.shares()
        rows = [
            [
                "回访率",
                count(t.follow_up_rate.numerator),
                count(t.follow_up_rate.denominator),
                percent(t.follow_up_rate.percent),
            ],
            ["满意", count(s.satisfied), count(s.total), ratio(shares[0])],
            ["基本满意", count(s.basically), count(s.total), ratio(shares[1])],
            ["不满意", count(s.unsatisfied), count(s.total), ratio(shares[2])],
            ["满意率", count(s.rate.numerator), count(s.rate.denominator), percent(s.rate.percent)],
        ]
        self.table(["项目", "件数", "基数", "比率（%）"], rows, [40, 20, 20, 20], shaded=[0, 4], unit="件、%")
        self.note("满意率计入基本满意。" if s.basically_counts else "满意率不计入基本满意。")
        self.chart(charts.satisfaction_pie(self.f))

    def levels(self) -> None:
        r = self.f.requests
        self.heading("分级办结情况")
        rows = [[x.label, count(x.resolved), ratio(x.share)] for x in r.level_shares]
        rows.append(
            ["镇街道及以下合计", count(r.at_town_or_below.numerator), percent(r.at_town_or_below.percent)]
        )
        self.table(
            ["办结层级", "办结件数", "占比（%）"], rows, [40, 20, 20], shaded=[len(rows) - 1], unit="件"
        )

    def ranking(self) -> None:
        rk = self.f.requests.ranking
        s = self.f.settings
        self.heading("承办单位考评排名")
        rows = []
        for d in rk.rows:
            rows.append(
                [
                    str(d.rank) if d.rank else DASH,
                    d.name,
                    count(d.assigned),
                    percent(d.clock("answer").rate.percent),
                    percent(d.reply_rate.percent),
                    percent(d.on_time_rate.percent),
                    percent(d.satisfaction.rate.percent),
                    percent(d.reopen_rate.percent),
                    hours(d.handling.mean_hours),
                    percent(d.score),
                ]
            )
        if not rows:
            self.note(EMPTY)
            return
        self.table(
            [
                "名次",
                "承办单位",
                "派单量",
                "按时答复率",
                "回复率",
                "按时办结率",
                "满意率",
                "重办率",
                "平均用时（工作小时）",
                "得分",
            ],
            rows,
            [9, 36, 11, 13, 11, 13, 11, 11, 15, 10],
            align="clrrrrrrrr",
            unit="件、%",
        )
        self.note(
            f"得分＝按时办结率×{s.weight_on_time}%＋满意率×{s.weight_satisfaction}%＋（1－重办率）×{s.weight_reopen}%"
            f"（权重按可计算的项目折算）；本期派单不少于 {s.minimum_requests} 件的单位参与排名，得分相同者名次并列。"
        )
        self.story.append(
            self.para("红榜：" + ("、".join(f"{d.name}（第{d.rank}名）" for d in rk.red) or "无"))
        )
        self.story.append(
            self.para("黑榜：" + ("、".join(f"{d.name}（第{d.rank}名）" for d in rk.black) or "无"))
        )
        named = [
            f"{d.name}（" + "，".join(f"{THRESHOLDS_ZH[b]}{percent(_rate(d, b))}%" for b in d.below) + "）"
            for d in rk.below_threshold
        ]
        self.story.append(
            self.para(
                f"需整改单位（回复率低于 {s.reply_threshold:g}% 或满意率低于 {s.satisfaction_threshold:g}%）："
                + ("；".join(named) or "无")
            )
        )
        self.chart(charts.department_bars(self.f))

    def overdue(self) -> None:
        r = self.f.requests
        self.heading("超期未办结诉求")
        self.story.append(
            self.para(f"截至统计时，超过办理时限仍未完成的诉求共 {count(r.overdue_total)} 件。")
        )
        if not r.overdue:
            return
        rows = [
            [
                o.number,
                f"{o.registered_at:%Y-%m-%d}",
                o.category,
                o.department or DASH,
                CLOCKS_ZH.get(o.clock, o.clock),
                f"{o.due_at:%m-%d %H:%M}",
                hours(o.overdue_hours),
                URGENCIES_ZH.get(o.urgency, o.urgency),
            ]
            for o in r.overdue[:OVERDUE_SHOWN]
        ]
        self.table(
            [
                "诉求编号",
                "受理日期",
                "诉求分类",
                "承办单位",
                "超期环节",
                "应完成时间",
                "已超期（工作小时）",
                "紧急程度",
            ],
            rows,
            [24, 15, 30, 28, 11, 16, 14, 10],
            align="lllllrrc",
        )
        if r.overdue_total > OVERDUE_SHOWN:
            self.note(f"以上为超期最久的 {OVERDUE_SHOWN} 件，全部清单见同期 Excel 导出。")

    def trend(self) -> None:
        r = self.f.requests
        self.heading("近12个月趋势")
        self.chart(charts.trend_lines(self.f))
        self.chart(charts.on_time_line(self.f))
        rows = [
            [p.period.label, count(p.registered), count(p.resolutions), percent(p.resolve_on_time.percent)]
            for p in r.trend
        ]
        self.table(["月份", "受理量", "办结量", "按时办结率（%）"], rows, [30, 20, 20, 20], unit="件、%")

    def love_bank(self) -> None:
        lb = self.f.love_bank
        self.heading("爱心银行")
        rows = []
        for item in lb.headline:
            m = METRICS[item.key]
            rows.append(
                [
                    m.printed,
                    m.unit,
                    value_text(item, item.value),
                    value_text(item, item.previous),
                    change(item.month_on_month, m.kind),
                    value_text(item, item.last_year),
                    change(item.year_on_year, m.kind),
                ]
            )
        self.table(
            ["指标", "单位", "本期", "上期", "环比", "去年同期", "同比"],
            rows,
            [30, 12, 18, 18, 22, 18, 22],
            align="lcrrrrr",
        )
        self.sub("（一）服务时长前列的志愿者")
        if lb.top_volunteers:
            self.table(
                ["序号", "姓名", "所属队伍", "服务时长（小时）", "获得积分"],
                [
                    [str(i), v.name, v.team or DASH, hours(v.hours), count(v.points)]
                    for i, v in enumerate(lb.top_volunteers, 1)
                ],
                [10, 30, 40, 20, 20],
                align="cllrr",
            )
        else:
            self.note(EMPTY)
        self.sub("（二）本期晋升星级的志愿者")
        if lb.new_stars:
            self.table(
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
            self.note("本期无志愿者晋升星级。")
        self.sub("（三）爱心超市物品进出明细")
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
            self.table(
                ["物品", "期初库存", "本期入库", "兑换出库", "取消退回", "其他出库", "期末库存"],
                rows,
                [36, 14, 14, 14, 14, 14, 14],
                unit="件",
            )
        else:
            self.note(EMPTY)
        low = "、".join(f"{x.name}（{x.closing}）" for x in lb.low_stock)
        self.story.append(
            self.para(f"库存不足（不多于 {self.f.settings.low_stock} 件）的物品：{low or '无'}。")
        )

    def orders(self) -> None:
        o = self.f.orders
        if o is None:
            return
        from desktop.reports.orders_pdf import orders_section

        self.heading("居民点单服务")
        orders_section(self, o)

    def narrative(self, narrative: Narrative) -> None:
        self.heading("文字说明")
        titles = headings(self.f.period.kind)
        for i, (title, (_heading, body)) in enumerate(zip(titles, narrative.sections(), strict=True), 1):
            self.sub(f"（{NUMERALS[i - 1]}）{title}")
            self.story.append(self.para(body.strip() or "无。"))

    def signatures(self, prepared_by: str) -> None:
        doc = self.doc
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
                    self.para(
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
            [self.width - 45 * MM, 45 * MM],
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT")],
            padding=0,
        )
        self.story.append(Spacer(0, 6 * MM))
        self.story.append(KeepTogether([block]))


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _rate(d, threshold: str) -> float | None:
    return d.reply_rate.percent if threshold == "reply" else d.satisfaction.rate.percent


def build_report(
    figures: ReportFigures,
    narrative: Narrative,
    target: Target,
    *,
    prepared_by: str = "",
    chain: FontChain | None = None,
) -> None:
    """Write the report as an A4 PDF (atomically for a path), fonts embedded.

    Raises :class:`~desktop.common.errors.DomainError` naming a character that no font
    can print.
    """
    title = TITLES.get(figures.period.kind, "社区服务工作统计年报")
    doc = DocumentTemplate(PAGE, DocumentInfo(figures.centre, title, figures.period.label), chain)
    b = _Builder(doc, figures)
    b.header()
    b.headline()
    b.channels()
    b.hotspots()
    b.distribution()
    b.deadlines()
    b.satisfaction()
    b.levels()
    b.ranking()
    b.overdue()
    b.trend()
    b.love_bank()
    b.orders()
    b.narrative(narrative.checked())
    b.signatures(prepared_by)
    doc.build(
        b.story,
        target,
        running_header=RunningHeader(right=f"报告期：{figures.period.label}"),
        footer=PageFooter(left=f"报告期：{figures.period.label}", right=cutoff_text(figures.cutoff)),
    )
