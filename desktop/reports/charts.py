"""The charts of a report as plain series (Qt-free, ReportLab-free): what the PDF draws
with ``reportlab.graphics`` and what the dashboard's one chart adapter draws on screen,
so a swap of the on-screen chart library touches one file.

Every chart names what each category is (``keys``: a category id, a department id, a
channel code, a month) so that a screen can open the matching list when a bar or a
slice is clicked.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.reports.figures import CountRow, ReportFigures
from desktop.reports.wording import CLOCK_RATES_ZH, SATISFACTION_ZH

BAR, PIE, LINE = "bar", "pie", "line"


@dataclass(frozen=True)
class Series:
    """One named row of values, one per category (None: nothing to show there)."""

    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Chart:
    """A bar, pie or line chart: printed title and unit, category labels (bars, slices,
    points along the axis) with what each one is, and the series drawn over them."""

    key: str
    kind: str
    title: str
    unit: str
    categories: tuple[str, ...]
    keys: tuple[object, ...]
    series: tuple[Series, ...]

    @property
    def is_empty(self) -> bool:
        """Nothing but zeros and blanks: the chart is replaced by "本期无数据"."""
        return not any(v for s in self.series for v in s.values)


def channel_pie(figures: ReportFigures) -> Chart:
    rows = [r for r in figures.requests.channels if r.count]
    return Chart(
        "channels",
        PIE,
        "受理渠道分布",
        "件",
        tuple(r.label for r in rows),
        tuple(r.key for r in rows),
        (Series("受理量", tuple(float(r.count) for r in rows)),),
    )


def hotspot_bars(figures: ReportFigures) -> Chart:
    spots = figures.requests.hotspots
    return Chart(
        "hotspots",
        BAR,
        "热点诉求（按分类）",
        "件",
        tuple(h.label for h in spots),
        tuple(h.category_id for h in spots),
        (
            Series("本期", tuple(float(h.count) for h in spots)),
            Series("上期", tuple(float(h.previous) for h in spots)),
        ),
    )


def clock_bars(figures: ReportFigures) -> Chart:
    now, before = figures.requests.totals, figures.requests.previous
    clocks = [c.clock for c in now.clocks]
    return Chart(
        "clocks",
        BAR,
        "“30135”时限按时率",
        "%",
        tuple(CLOCK_RATES_ZH[c] for c in clocks),
        tuple(clocks),
        (
            Series("本期", tuple(now.clock(c).rate.percent for c in clocks)),
            Series("上期", tuple(before.clock(c).rate.percent for c in clocks)),
        ),
    )


def satisfaction_pie(figures: ReportFigures) -> Chart:
    s = figures.requests.totals.satisfaction
    answers = (("satisfied", s.satisfied), ("basically", s.basically), ("unsatisfied", s.unsatisfied))
    return Chart(
        "satisfaction",
        PIE,
        "回访满意度",
        "件",
        tuple(SATISFACTION_ZH[a] for a, _n in answers),
        tuple(a for a, _n in answers),
        (Series("回访", tuple(float(n) for _a, n in answers)),),
    )


def level_pie(figures: ReportFigures) -> Chart:
    shares = figures.requests.level_shares
    return Chart(
        "levels",
        PIE,
        "分级办结",
        "件",
        tuple(s.label for s in shares),
        tuple(s.level for s in shares),
        (Series("办结", tuple(float(s.resolved) for s in shares)),),
    )


def department_bars(figures: ReportFigures) -> Chart:
    ranked = [r for r in figures.requests.ranking.rows if r.ranked]
    return Chart(
        "departments",
        BAR,
        "承办单位考评得分",
        "分",
        tuple(r.name for r in ranked),
        tuple(r.department_id for r in ranked),
        (Series("得分", tuple(r.score for r in ranked)),),
    )


def trend_lines(figures: ReportFigures) -> Chart:
    points = figures.requests.trend
    return Chart(
        "trend",
        LINE,
        "近12个月受理与办结",
        "件",
        tuple(p.period.short_label for p in points),
        tuple(p.period.code for p in points),
        (
            Series("受理量", tuple(float(p.registered) for p in points)),
            Series("办结量", tuple(float(p.resolutions) for p in points)),
        ),
    )


def on_time_line(figures: ReportFigures) -> Chart:
    points = figures.requests.trend
    return Chart(
        "trend_on_time",
        LINE,
        "近12个月按时办结率",
        "%",
        tuple(p.period.short_label for p in points),
        tuple(p.period.code for p in points),
        (Series("按时办结率", tuple(p.resolve_on_time.percent for p in points)),),
    )


def _count_bars(key: str, title: str, rows: tuple[CountRow, ...]) -> Chart:
    return Chart(
        key,
        BAR,
        title,
        "件",
        tuple(r.label for r in rows),
        tuple(r.key for r in rows),
        (Series("受理量", tuple(float(r.count) for r in rows)),),
    )


def channel_bars(figures: ReportFigures) -> Chart:
    """受理量 by channel, every channel in the vocabulary's order (the dashboard's bars)."""
    return _count_bars("channel_bars", "受理量（按渠道）", figures.requests.channels)


def category_bars(figures: ReportFigures) -> Chart:
    """受理量 by top-level category, most first (key: the category id)."""
    return _count_bars("category_bars", "受理量（按分类）", figures.requests.categories)


def department_counts(figures: ReportFigures) -> Chart:
    """受理量 by lead department, most first (key: the department id, None: not routed)."""
    return _count_bars("department_counts", "受理量（按承办单位）", figures.requests.departments)


def volunteer_bars(figures: ReportFigures) -> Chart:
    top = figures.love_bank.top_volunteers
    return Chart(
        "volunteers",
        BAR,
        "志愿服务时长前列",
        "小时",
        tuple(v.name for v in top),
        tuple(v.volunteer_id for v in top),
        (Series("服务时长", tuple(v.hours for v in top)),),
    )


def all_charts(figures: ReportFigures) -> dict[str, Chart]:
    """Every chart of a report by key."""
    charts = (
        channel_pie(figures),
        hotspot_bars(figures),
        clock_bars(figures),
        satisfaction_pie(figures),
        level_pie(figures),
        department_bars(figures),
        trend_lines(figures),
        on_time_line(figures),
        volunteer_bars(figures),
    )
    return {c.key: c for c in charts}
