"""The monthly report as an A4 PDF in the layout of an official statistical report.

Page format: **A4 portrait**, as many pages as the figures need. The first page opens
with the title (月报 / 季报 / 年报) and the line every statistical form carries — 填报单位
(the centre), 报告期, 制表日期 — and the cut-off ("数据截至 …"). Numbered sections
follow, each a table with its units and, where a person would rather look than read, a
chart (bar, pie, line; :mod:`desktop.reports.pdf_charts`): the headline figures with 环比
and 同比, channels and categories, hotspots, where requests come from and go to, the
30135 deadlines, follow-up and satisfaction, the share resolved per level, the
department ranking with 红榜 / 黑榜 and the departments named for 整改, the overdue list,
the twelve-month trend, the love bank (with the shop's 进出明细) and the service orders
(:mod:`desktop.reports.orders_pdf`; the love bank and the end of the report are in
:mod:`desktop.reports.pdf_sections`). The narrative sections (本月工作完成情况, 存在问题,
下月工作计划) come last, then the signature lines 单位负责人 / 统计负责人 / 填表人 / 报出日期
beside a space for the seal. Later pages carry a running header; every page "第 X 页 /
共 Y 页". An empty period prints a report that says so, with no chart of nothing.

Printed texts are Simplified Chinese literals (a report is an official document,
whatever the screen language), each printed with per-character font fallback. ReportLab
is imported only here.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.platypus import Spacer

from desktop.printing.fonts import FontChain
from desktop.printing.page import MM, DocumentInfo, PageFooter, RunningHeader
from desktop.printing.template import DocumentTemplate
from desktop.reports import charts, extra, pdf_sections
from desktop.reports.figures import ReportFigures
from desktop.reports.narrative import Narrative
from desktop.reports.orders_pdf import orders_section
from desktop.reports.pdf_builder import (
    DASH,
    EMPTY,
    GRIDS_SHOWN,
    INFO_SIZE,
    OVERDUE_SHOWN,
    PAGE,
    SMALL_SIZE,
    TEXT_SIZE,
    TITLE_SIZE,
    TITLES,
    Builder,
    Target,
    change,
    count,
    cutoff_text,
    date_text,
    hours,
    percent,
    ratio,
    share_of,
)
from desktop.reports.wording import CLOCK_RATES_ZH, CLOCKS_ZH, RATE, THRESHOLDS_ZH, URGENCIES_ZH


class _Report(Builder):
    """The header and the request sections (the others are in ``pdf_sections``)."""

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
        self.headline_table(r.headline)
        t = r.totals
        h = r.handling
        s = self.f.settings
        self.note(
            "说明：办结率＝本期受理诉求中截至统计时已办结（含已回访）件数÷本期受理量；按时率＝本期按时完成件数÷本期应完成件数"
            "（本期内完成的与本期到期仍未完成的）；回访率＝已回访÷应回访；满意率＝"
            + ("（满意＋基本满意）" if s.basically_counts else "满意")
            + "÷回访件数；重办率＝重办÷办结；退回率＝退回÷派单；"
            "直办为社区（村居）层级承办单位办理，转办为镇街道、区级承办单位办理。"
            "比率环比、同比为百分点之差。办理用时按工作日历与办公时间计算。"
        )
        if h.count:
            self.story.append(
                self.para(
                    f"本期办结诉求 {count(h.count)} 件，"
                    f"自派单至办结平均用时 {hours(h.mean_hours)} 个工作小时，"
                    f"中位数 {hours(h.median_hours)} 个工作小时。"
                )
            )
        if t.registered:
            self.story.append(
                self.para(
                    f"本期受理诉求 {count(t.registered)} 件（来访 {count(t.visitors)} 人次），"
                    f"直办 {count(t.direct)} 件、转办 {count(t.transferred)} 件；"
                    f"截至统计时已办结 {count(t.registered_resolved)} 件，"
                    f"办结率 {percent(t.resolution_rate.percent)}%。"
                )
            )

    def channels(self) -> None:
        r = self.f.requests
        self.heading("受理渠道与诉求分类")
        self.chart(charts.channel_pie(self.f))
        names = [c.label for c in r.channels]
        rows: list[list[str]] = []
        shaded: list[int] = []
        for row in r.channel_categories:
            if row.depth == 1:
                shaded.append(len(rows))
            label = row.label if row.depth == 1 else f"　{row.label}"
            rows.append(
                [
                    label,
                    *[count(n) for n in row.counts],
                    count(row.total),
                    ratio(share_of(row.total, r.totals.registered)),
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
            rows.append([f"其余 {len(rest)} 个网格", count(n), ratio(share_of(n, r.totals.registered))])
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
            "（权重按可计算的项目折算）；"
            f"本期派单不少于 {s.minimum_requests} 件的单位参与排名，得分相同者名次并列。"
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
                f"需整改单位（回复率低于 {s.reply_threshold:g}% "
                f"或满意率低于 {s.satisfaction_threshold:g}%）：" + ("；".join(named) or "无")
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
    b = _Report(doc, figures)
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
    pdf_sections.love_bank(b)
    b.heading("居民点单服务")
    orders_section(b, figures.orders)
    for section in figures.extras:
        extra.pdf_section(b, section)
    pdf_sections.narrative(b, narrative.checked())
    pdf_sections.signatures(b, prepared_by)
    if figures.chain_head is not None:  # the paper anchors the audit chain (db.audit)
        head = figures.chain_head
        b.story.append(Spacer(0, 3 * MM))
        b.story.append(
            b.para(
                f"操作日志校验：截至制表时共 {head.count} 条记录，末条编号 {head.id}，末条哈希 {head.hash}",
                doc.style(SMALL_SIZE - 1, textColor=colors.HexColor("#666666")),
            )
        )
    doc.build(
        b.story,
        target,
        running_header=RunningHeader(right=f"报告期：{figures.period.label}"),
        footer=PageFooter(left=f"报告期：{figures.period.label}", right=cutoff_text(figures.cutoff)),
    )
