"""走访计划: the rules of the visit plan and the words of a visit.

"五必访、七必报": residents of five key groups are visited every month (每月必访), and
seven things found on a visit are reported at once (及时上报). Per key group (the
register's tag, by name) a rule says how often — every week, month or quarter — and
whether a phone call counts as a visit. A resident with several tags follows the most
frequent rule; among equally frequent rules a phone call counts only if every one of
them allows it (the stricter reading).

Periods ("windows") are calendar ones: a week is Monday–Sunday, a month and a quarter
are the calendar's. A window's due date is its last working day on the centre's
working-day calendar (:class:`~desktop.common.workcalendar.WorkCalendar`, holidays and
调休 included), the same calendar the 30135 clocks count on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from desktop.common.i18n import N_
from desktop.common.workcalendar import WorkCalendar


class Frequency(StrEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    NONE = "none"
    """Not in the plan."""


FREQUENCY_LABELS: dict[str, str] = {
    Frequency.WEEKLY: N_("Every week"),
    Frequency.MONTHLY: N_("Every month"),
    Frequency.QUARTERLY: N_("Every quarter"),
    Frequency.NONE: N_("Not visited"),
}
FREQUENCY_ZH: dict[str, str] = {"weekly": "每周", "monthly": "每月", "quarterly": "每季度", "none": "不走访"}

# Most frequent first: the order in which a resident's rules compete.
PLANNED: tuple[Frequency, ...] = (Frequency.WEEKLY, Frequency.MONTHLY, Frequency.QUARTERLY)


class Method(StrEnum):
    HOME = "home"
    PHONE = "phone"
    CENTRE = "centre"


METHOD_LABELS: dict[str, str] = {
    Method.HOME: N_("Home visit"),
    Method.PHONE: N_("Phone call"),
    Method.CENTRE: N_("At the centre"),
}
METHOD_ZH: dict[str, str] = {"home": "入户", "phone": "电话", "centre": "到中心"}


class ReportItem(StrEnum):
    """七必报: what a visit may find that must be reported at once."""

    SAFETY = "safety"
    INSTABILITY = "instability"
    SANITATION = "sanitation"
    RENTAL = "rental"
    NEW_MIGRANTS = "new_migrants"
    NEW_PREGNANCY = "new_pregnancy"
    HOSPITALISED = "hospitalised"


ITEM_LABELS: dict[str, str] = {
    ReportItem.SAFETY: N_("Safety hazard"),
    ReportItem.INSTABILITY: N_("Instability factor"),
    ReportItem.SANITATION: N_("Unclean environment"),
    ReportItem.RENTAL: N_("House let out"),
    ReportItem.NEW_MIGRANTS: N_("New migrant population"),
    ReportItem.NEW_PREGNANCY: N_("New pregnancy"),
    ReportItem.HOSPITALISED: N_("Resident seriously ill in hospital"),
}
ITEM_ZH: dict[str, str] = {
    "safety": "安全隐患",
    "instability": "不稳定因素",
    "sanitation": "环境卫生不洁",
    "rental": "房屋出租",
    "new_migrants": "新增流动人口",
    "new_pregnancy": "新增孕妇",
    "hospitalised": "居民重病住院",
}


@dataclass(frozen=True)
class RequestHint:
    """How an item needing action is registered as a request (channel 网格员上报): the
    category by its names (top level, sub-category; the requests job falls back to another
    leaf of the top level, then to 其他, when the administrator renamed them) and the urgency."""

    category: tuple[str, str]
    urgency: str


# Items that need someone to act: each becomes a request in the same step.
ACTION_ITEMS: dict[str, RequestHint] = {
    ReportItem.SAFETY: RequestHint(("安全隐患", "消防隐患"), "yellow"),
    ReportItem.INSTABILITY: RequestHint(("邻里纠纷", "其他邻里矛盾"), "yellow"),
    ReportItem.SANITATION: RequestHint(("环境卫生", "垃圾清运"), "green"),
    ReportItem.HOSPITALISED: RequestHint(("政策咨询", "社保医保"), "yellow"),
}
# Items for the register: returned as prompts to update the resident's record.
REGISTER_ITEMS: tuple[str, ...] = (ReportItem.RENTAL, ReportItem.NEW_MIGRANTS, ReportItem.NEW_PREGNANCY)

REGISTER_PROMPTS: dict[str, str] = {
    ReportItem.RENTAL: N_("The house is let out: record the tenants in the register."),
    ReportItem.NEW_MIGRANTS: N_("New migrant population: register the newcomers."),
    ReportItem.NEW_PREGNANCY: N_("New pregnancy: note it in the resident's record."),
}

# "五必访": the register's tag names (重点帮扶人员 is the register's 重点帮扶).
DEFAULT_RULES: dict[str, tuple[Frequency, bool]] = {
    "困难家庭": (Frequency.MONTHLY, False),
    "重点帮扶": (Frequency.MONTHLY, False),
    "失业人员": (Frequency.MONTHLY, False),
    "独居老人": (Frequency.MONTHLY, False),
    "流动党员": (Frequency.MONTHLY, False),
}


@dataclass(frozen=True)
class Rule:
    tag_name: str
    frequency: Frequency
    phone_counts: bool


def rank(frequency: str, phone_counts: bool) -> int:
    """A rule as one small number: lower is more frequent, and for the same frequency
    the stricter (phone not counted) rule is lower — so ``min()`` (also in SQL) picks
    the rule a resident with several tags follows."""
    return PLANNED.index(Frequency(frequency)) * 2 + (1 if phone_counts else 0)


def unrank(code: int) -> tuple[Frequency, bool]:
    return PLANNED[code // 2], bool(code % 2)


def strongest(rules: Iterable[Rule]) -> Rule | None:
    """The rule a resident with these tags' rules follows, or None if none is planned."""
    planned = [r for r in rules if r.frequency != Frequency.NONE]
    if not planned:
        return None
    return min(planned, key=lambda r: rank(r.frequency, r.phone_counts))


def counts(method: str, phone_counts: bool) -> bool:
    """Whether a visit made this way satisfies a rule."""
    return method != Method.PHONE or phone_counts


# --- windows -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Window:
    """One period of a rule: a week, a month or a quarter, and its due date."""

    frequency: Frequency
    start: dt.date
    end: dt.date  # inclusive
    due: dt.date

    @property
    def label(self) -> str:
        """How the window is printed: 2026-12, 2026年第4季度, 12-07至12-13."""
        if self.frequency == Frequency.MONTHLY:
            return f"{self.start.year}-{self.start.month:02d}"
        if self.frequency == Frequency.QUARTERLY:
            return f"{self.start.year}年第{(self.start.month - 1) // 3 + 1}季度"
        return f"{self.start:%m-%d}至{self.end:%m-%d}"


def bounds(frequency: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the window of ``frequency`` that contains ``day``."""
    f = Frequency(frequency)
    if f == Frequency.WEEKLY:
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    if f == Frequency.MONTHLY:
        start = day.replace(day=1)
    elif f == Frequency.QUARTERLY:
        start = dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    else:
        raise ValueError("a resident not in the plan has no window")
    months = 1 if f == Frequency.MONTHLY else 3
    month = start.month - 1 + months
    following = dt.date(start.year + month // 12, month % 12 + 1, 1)
    return start, following - dt.timedelta(days=1)


def due_date(calendar: WorkCalendar, start: dt.date, end: dt.date) -> dt.date:
    """The last working day from ``start`` to ``end``; ``end`` if none is one."""
    day = end
    while day >= start:
        if calendar.is_workday(day):
            return day
        day -= dt.timedelta(days=1)
    return end


def window(calendar: WorkCalendar, frequency: str, day: dt.date) -> Window:
    """The window of ``frequency`` containing ``day``, with its due date."""
    start, end = bounds(frequency, day)
    return Window(Frequency(frequency), start, end, due_date(calendar, start, end))


def previous(calendar: WorkCalendar, w: Window) -> Window:
    return window(calendar, w.frequency, w.start - dt.timedelta(days=1))


def windows_due_in(calendar: WorkCalendar, frequency: str, first: dt.date, last: dt.date) -> list[Window]:
    """Every window of ``frequency`` whose due date falls from ``first`` to ``last``
    (a report period): what is due in that period."""
    found: list[Window] = []
    w = window(calendar, frequency, first)
    if w.due < first:
        w = window(calendar, frequency, w.end + dt.timedelta(days=1))
    while w.due <= last:
        found.append(w)
        w = window(calendar, frequency, w.end + dt.timedelta(days=1))
    return found
