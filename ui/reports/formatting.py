"""How the reports screens write figures: values with their unit, 环比 / 同比 with an
arrow, and the colour that says whether a change is good news.

Shared by the dashboard and the report page (neither imports the other). A rate changes
by percentage points, a count by a percentage (:class:`desktop.reports.figures.Compared`).
"""

from __future__ import annotations

import datetime as dt

from desktop.reports.figures import Compared, Ratio
from desktop.reports.wording import COUNT, HOURS, METRICS, MONEY, RATE
from ui.widgets.i18n import Translator, desktop_text
from ui.widgets.palette import GREEN, MUTED, RED

_ = Translator("reports")

DASH = "—"

LOWER_IS_BETTER = frozenset({"reopen_rate", "return_rate", "points_expired"})
"""Figures that are better when they fall."""
NEUTRAL = frozenset(
    {
        "registered",
        "visitors",
        "resolutions",
        "reminders",
        "supervisions",
        "direct",
        "transferred",
        "points_redeemed",
        "orders_placed",
        "orders_closed",
        "orders_paid",
    }
)
"""Figures whose rise or fall is neither good nor bad news in itself."""


def metric_name(key: str) -> str:
    """A headline figure's name on screen (受理量, 按时办结率 …)."""
    return desktop_text(METRICS[key].screen)


def value_text(kind: str, value: float | None) -> str:
    """A figure in its kind: 1,234 · 75.2% · 32.5 (hours) · 1,234.50 (yuan)."""
    if value is None:
        return DASH
    if kind == RATE:
        return f"{value:.1f}%"
    if kind == HOURS:
        return f"{value:,.1f}"
    if kind == MONEY:
        return f"{value:,.2f}"
    return f"{int(round(value)):,}"


def metric_value(key: str, value: float | None) -> str:
    return value_text(METRICS[key].kind, value)


def unit(key: str) -> str:
    """The printed unit of a figure (件, 人, 小时, 元 …); none for a rate (it has its %)."""
    metric = METRICS[key]
    return "" if metric.kind == RATE else metric.unit


def change_text(kind: str, change: float | None) -> str:
    """▲ 3.2% (a count), ▼ 1.5 pts (a rate: percentage points), 持平, or — (nothing to compare)."""
    if change is None:
        return DASH
    if abs(change) < 0.05:
        return _("no change")
    arrow = "▲" if change > 0 else "▼"
    if kind == RATE:
        return _("{arrow} {n} pts", arrow=arrow, n=f"{abs(change):.1f}")
    return f"{arrow} {abs(change):.1f}%"


def change_colour(key: str, change: float | None) -> str:
    """Green for good news, red for bad, grey when neutral or unchanged."""
    if change is None or abs(change) < 0.05 or key in NEUTRAL:
        return MUTED
    better = change < 0 if key in LOWER_IS_BETTER else change > 0
    return GREEN if better else RED


def compared_texts(c: Compared) -> tuple[str, str]:
    """(环比, 同比) of a headline figure."""
    kind = METRICS[c.key].kind
    return change_text(kind, c.month_on_month), change_text(kind, c.year_on_year)


def count_text(n: int | float | None) -> str:
    return value_text(COUNT, n)


def percent_text(value: float | None) -> str:
    """A share 0 … 1 as 75.2% (— for nothing)."""
    return DASH if value is None else f"{100 * value:.1f}%"


def ratio_text(r: Ratio) -> str:
    """75.2% (2,471 / 3,287)."""
    if r.percent is None:
        return DASH
    return f"{r.percent:.1f}% ({r.numerator:,}/{r.denominator:,})"


def rate_text(r: Ratio) -> str:
    return DASH if r.percent is None else f"{r.percent:.1f}%"


def hours_text(hours: float | None) -> str:
    return DASH if hours is None else f"{hours:,.1f}"


def money_text(fen: int) -> str:
    """Fen as yuan: 1,234.50."""
    return f"{fen / 100:,.2f}"


def moment_text(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def cutoff_text(moment: dt.datetime) -> str:
    """As of 2026-11-03 09:00 (截至 …)."""
    return _("as of {moment}", moment=moment_text(moment))
