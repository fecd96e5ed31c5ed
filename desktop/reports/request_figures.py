"""The request figures of a report (诉求): what each one counts.

A period is counted over its window ``[start, end)``, the end brought back to the
cut-off while the period runs (see :mod:`desktop.reports.periods`):

* **受理量** — requests registered in the window (merged duplicates left out), with
  来访人次 (their head counts), broken down by channel × category (two levels), grid,
  handling level and lead department. **直办** — of them, led by a department at the
  村居/社区 level (the community settles it itself); **转办** — led by a 镇街道 or 区级
  department; requests not yet routed are neither.
* **本期办结** — requests whose resolution (the latest, if one was reopened and resolved
  again) falls in the window; the same requests give the **handling time** (working
  hours from the assignment of that round to its resolution, mean and median, overall
  and per department) and the **share resolved per handling level** (and at 镇街道 level
  or below). Handling time is counted request by request on the calendar, so it is given
  for the period itself, without 环比/同比 (the counts and rates carry those).
* **30135 on-time rates**, per clock: on time / due, where the clocks *due in the period*
  are those met in the window (each step records whether it was on time, judged
  against the deadline the request was given when that clock started, on the calendar
  and limits it ran under) plus those that fell due in the window and are still not met
  at the cut-off (overdue). A clock met late in a later period counts there.
* **办结率** — of the requests registered in the window, the share resolved or closed at
  the cut-off. **回访率** — follow-up calls made / due (the follow-up clock, met on time
  or late). **满意率** — of the follow-up calls made in the window, 满意 (+ 基本满意 when the
  setting says so) / all answers; the three answers are shown apart. **重办率** — requests
  reopened after 不满意 in the window / 本期办结. **退回率** — returned / assigned, both in
  the window. **催办 / 督办** — reminders and supervisions recorded in the window.
* **Overdue list** — open requests whose running clock fell due before the end of the
  window and is not met at the cut-off, the longest overdue first.
* **Trend** — the twelve months ending with the period's last month: registered,
  resolved and 按时办结率.

**Departments** are judged on the requests they lead at the cut-off, on each request's
current round (a request reopened and routed again is its new department's): answers
and resolutions of that round made in the window (on time, late) and its clocks overdue
at the cut-off, the follow-up answers (a 满意/基本满意 call closes the request, a 不满意 one
reopens it), and the handling time of their resolutions; requests routed to them in the
window set the minimum for ranking. The ranking itself is in :mod:`desktop.reports.ranking`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from db import reports as repo
from db import requests as request_repo
from db.reports import EventKey
from desktop.common.labels import category_label
from desktop.common.workcalendar import WorkCalendar
from desktop.reports import handling, ranking
from desktop.reports.figures import (
    CLOCKS,
    ChannelCategoryRow,
    ClockFigures,
    Compared,
    CountRow,
    DepartmentRow,
    HandlingTime,
    Hotspot,
    LevelShare,
    OverdueItem,
    Ratio,
    RequestReport,
    RequestTotals,
    Satisfaction,
    TrendPoint,
    share,
)
from desktop.reports.periods import Period
from desktop.reports.settings import ReportSettings
from desktop.reports.wording import (
    CHANNELS_ZH,
    LEVELS_ZH,
    NO_DEPARTMENT,
    NO_GRID,
    REQUEST_METRICS,
)

if TYPE_CHECKING:
    import numpy as np

CHANNELS = tuple(CHANNELS_ZH)
LEVELS = tuple(LEVELS_ZH)
TOWN_OR_BELOW = ("community", "town")
CLOCK_ACTION = {
    "accept": ("accept",),
    "answer": ("answer",),
    "resolve": ("resolve",),
    "follow_up": ("follow_up", "reopen"),
}
DEPARTMENT_CLOCKS = ("answer", "resolve")  # the clocks a department's ranking looks at
OVERDUE_SHOWN = 50
TREND_MONTHS = 12
TREND_KEYS: tuple[EventKey, ...] = (("resolve", True), ("resolve", False))
Window = tuple[dt.datetime, dt.datetime]


class _Names:
    """Names of categories and departments, read once per report."""

    def __init__(self, session: Session):
        self.categories = request_repo.category_names(session)
        self.parents = request_repo.category_parents(session)
        self.departments = repo.departments(session)

    def category(self, category_id: int) -> str:
        name = self.categories.get(category_id)
        return category_label(name.name, name.parent) if name else str(category_id)

    def top(self, category_id: int) -> int:
        parent = self.parents.get(category_id)
        return category_id if parent is None else parent

    def own_name(self, category_id: int) -> str:
        name = self.categories.get(category_id)
        return name.name if name else str(category_id)

    def department(self, department_id: int | None) -> str:
        if department_id is None:
            return NO_DEPARTMENT
        found = self.departments.get(department_id)
        return found.name if found else str(department_id)

    def department_level(self, department_id: int | None) -> str | None:
        found = self.departments.get(department_id) if department_id is not None else None
        return found.level if found else None


def _clocks(
    events: dict[EventKey, int], overdue: dict[str, int], clocks: Sequence[str] = CLOCKS
) -> tuple[ClockFigures, ...]:
    out = []
    for clock in clocks:
        actions = CLOCK_ACTION[clock]
        out.append(
            ClockFigures(
                clock,
                sum(events.get((a, True), 0) for a in actions),
                sum(events.get((a, False), 0) for a in actions),
                overdue.get(clock, 0),
            )
        )
    return tuple(out)


def _satisfaction(counts: dict[str, int], settings: ReportSettings) -> Satisfaction:
    return Satisfaction(
        counts.get("satisfied", 0),
        counts.get("basically", 0),
        counts.get("unsatisfied", 0),
        settings.basically_counts,
    )


def _direct(by_department: dict[int | None, int], names: _Names) -> tuple[int, int]:
    direct = transferred = 0
    for department, n in by_department.items():
        level = names.department_level(department)
        if level == "community":
            direct += n
        elif level is not None:
            transferred += n
    return direct, transferred


def _totals(
    session: Session,
    window: Window,
    events: dict[EventKey, int],
    settings: ReportSettings,
    names: _Names,
    resolved: int,
    *,
    by_department: dict[int | None, int] | None = None,
) -> RequestTotals:
    start, end = window
    registered = repo.registered_totals(session, start, end)
    if by_department is None:
        by_department = repo.registered_by_department(session, start, end)
    direct, transferred = _direct(by_department, names)
    return RequestTotals(
        registered=registered.count,
        visitors=registered.visitors,
        registered_resolved=registered.resolved,
        clocks=_clocks(events, repo.overdue_by_clock(session, start, end)),
        satisfaction=_satisfaction(repo.satisfaction_counts(session, start, end), settings),
        resolutions=resolved,
        reopened=events.get(("reopen", True), 0) + events.get(("reopen", False), 0),
        assigned=events.get(("assign", None), 0),
        returned=events.get(("return", None), 0),
        reminders=events.get(("remind", None), 0),
        supervisions=events.get(("supervise", None), 0),
        direct=direct,
        transferred=transferred,
    )


def _headline(
    current: RequestTotals, previous: RequestTotals, last_year: RequestTotals
) -> tuple[Compared, ...]:
    now, before, year_ago = current.values(), previous.values(), last_year.values()
    return tuple(Compared(m.key, now[m.key], before[m.key], year_ago[m.key]) for m in REQUEST_METRICS)


@dataclass(frozen=True)
class _Registered:
    """The window's registrations broken down, merged duplicates taken away."""

    cells: dict[int, tuple[int, ...]]  # category → counts per channel (CHANNELS order)
    levels: dict[str, int]
    departments: dict[int | None, int]
    grids: dict[int | None, int]

    @classmethod
    def read(cls, session: Session, window: Window) -> _Registered:
        start, end = window
        cells = {
            c: list(n)
            for c, n in repo.registered_by_channel_and_category(session, start, end, CHANNELS).items()
        }
        levels = repo.registered_by_level(session, start, end, LEVELS)
        departments = repo.registered_by_department(session, start, end)
        grids = repo.registered_by_grid(session, start, end)
        for m in repo.merged_in_window(session, start, end):
            if m.channel in CHANNELS and m.category_id in cells:
                cells[m.category_id][CHANNELS.index(m.channel)] -= 1
            levels[m.level] = levels.get(m.level, 0) - 1
            departments[m.department_id] = departments.get(m.department_id, 0) - 1
            grids[m.grid_id] = grids.get(m.grid_id, 0) - 1
        return cls(
            {c: tuple(n) for c, n in cells.items() if any(n)},
            levels,
            {d: n for d, n in departments.items() if n},
            {g: n for g, n in grids.items() if n},
        )

    @property
    def categories(self) -> dict[int, int]:
        return {c: sum(n) for c, n in self.cells.items()}

    @staticmethod
    def read_categories(session: Session, window: Window) -> dict[int, int]:
        """Registrations per category only (the hotspots' previous period)."""
        start, end = window
        counts = {
            c: sum(n)
            for c, n in repo.registered_by_channel_and_category(session, start, end, CHANNELS).items()
        }
        for m in repo.merged_in_window(session, start, end):
            if m.category_id in counts:
                counts[m.category_id] -= 1
        return counts


def _breakdowns(
    registered: _Registered, names: _Names, total: int
) -> tuple[
    tuple[CountRow, ...],
    tuple[ChannelCategoryRow, ...],
    tuple[CountRow, ...],
    tuple[CountRow, ...],
    tuple[CountRow, ...],
]:
    by_channel = [sum(n[i] for n in registered.cells.values()) for i in range(len(CHANNELS))]
    channels = tuple(
        CountRow(c, CHANNELS_ZH[c], n, share(n, total)) for c, n in zip(CHANNELS, by_channel, strict=True)
    )
    # Two levels: each top-level category (the sum of its children), then its children.
    tops: dict[int, list[int]] = {}
    for category_id, counts in registered.cells.items():
        sums = tops.setdefault(names.top(category_id), [0] * len(CHANNELS))
        for i, n in enumerate(counts):
            sums[i] += n
    rows: list[ChannelCategoryRow] = []
    top_rows: list[CountRow] = []
    for top, top_counts in sorted(tops.items(), key=lambda kv: (-sum(kv[1]), kv[0])):
        top_total = sum(top_counts)
        top_name = names.own_name(top)
        rows.append(ChannelCategoryRow(top, top_name, 1, tuple(top_counts), top_total))
        top_rows.append(CountRow(top, top_name, top_total, share(top_total, total)))
        children = [(c, n) for c, n in registered.cells.items() if names.top(c) == top and c != top]
        for child, child_counts in sorted(children, key=lambda kv: (-sum(kv[1]), kv[0])):
            rows.append(ChannelCategoryRow(child, names.own_name(child), 2, child_counts, sum(child_counts)))
    levels = tuple(
        CountRow(lv, LEVELS_ZH[lv], registered.levels.get(lv, 0), share(registered.levels.get(lv, 0), total))
        for lv in LEVELS
    )
    departments = tuple(
        CountRow(d, names.department(d), n, share(n, total))
        for d, n in sorted(registered.departments.items(), key=lambda kv: (-kv[1], names.department(kv[0])))
    )
    return channels, tuple(rows), tuple(top_rows), levels, departments


def _hotspots(
    current: dict[int, int], previous: dict[int, int], names: _Names, total: int, size: int
) -> tuple[Hotspot, ...]:
    ordered = sorted(current.items(), key=lambda kv: (-kv[1], names.category(kv[0])))[:size]
    out: list[Hotspot] = []
    for i, (category_id, n) in enumerate(ordered):
        rank = i + 1 if i == 0 or n != ordered[i - 1][1] else out[-1].rank
        out.append(
            Hotspot(
                rank,
                category_id,
                names.category(category_id),
                n,
                share(n, total),
                previous.get(category_id, 0),
            )
        )
    return tuple(out)


def _department_rows(
    session: Session,
    window: Window,
    settings: ReportSettings,
    names: _Names,
    spans: repo.HandlingSpans,
    seconds: np.ndarray,
) -> list[DepartmentRow]:
    start, end = window
    assigned = repo.assigned_by_department(session, start, end)
    answered = repo.answered_by_department(session, start, end)
    late = repo.late_steps_by_department(session, start, end)
    reopened = repo.reopened_by_department(session, start, end)
    overdue = repo.overdue_by_department(session, start, end)
    closed = repo.closed_by_department(session, start, end)
    resolved = Counter(spans.departments)
    times = handling.by_department(spans, seconds)
    ids: set[int | None] = (
        set(assigned)
        | set(answered)
        | set(resolved)
        | set(reopened)
        | {d for d, _c in overdue}
        | {d for d, _a in closed}
    )
    rows = []
    for d in ids:
        met = {"answer": answered.get(d, 0) if d is not None else 0, "resolve": resolved.get(d, 0)}
        clocks = tuple(
            ClockFigures(c, met[c] - late.get((d, c), 0), late.get((d, c), 0), overdue.get((d, c), 0))
            for c in DEPARTMENT_CLOCKS
        )
        answers = {a: n for (dept, a), n in closed.items() if dept == d}
        answers["unsatisfied"] = reopened.get(d, 0)  # a 不满意 follow-up call reopens the request
        rows.append(
            DepartmentRow(
                department_id=d,
                name=names.department(d),
                level=names.department_level(d) or "",
                assigned=assigned.get(d, 0) if d is not None else 0,
                clocks=clocks,
                satisfaction=_satisfaction(answers, settings),
                resolutions=resolved.get(d, 0),
                reopened=reopened.get(d, 0),
                handling=times.get(d, HandlingTime(0, None, None)),
            )
        )
    return rows


def _level_shares(levels: dict[str, int]) -> tuple[tuple[LevelShare, ...], Ratio]:
    total = sum(levels.values())
    shares = tuple(
        LevelShare(lv, LEVELS_ZH[lv], levels.get(lv, 0), share(levels.get(lv, 0), total)) for lv in LEVELS
    )
    below = sum(levels.get(lv, 0) for lv in TOWN_OR_BELOW)
    return shares, Ratio(below, total)


def _overdue(
    session: Session, before: dt.datetime, cutoff: dt.datetime, names: _Names, calendar: WorkCalendar
) -> tuple[int, tuple[OverdueItem, ...]]:
    total = repo.overdue_count(session, before)
    records = repo.overdue_records(session, before, OVERDUE_SHOWN)
    return total, tuple(overdue_items(records, cutoff, calendar))


def overdue_items(
    records: Sequence[repo.OverdueRecord], cutoff: dt.datetime, calendar: WorkCalendar
) -> list[OverdueItem]:
    """Overdue records as a report lists them, with the working hours past due at the cut-off."""
    return [
        OverdueItem(
            r.id,
            r.number,
            r.registered_at,
            category_label(r.category, r.parent_category),
            r.department,
            r.clock,
            r.due_at,
            calendar.working_time_between(r.due_at, cutoff).total_seconds() / 3600,
            r.urgency,
        )
        for r in records
    ]


def _trend(
    session: Session, months: Sequence[Period], cutoff: dt.datetime, known: dict[Window, RequestTotals]
) -> tuple[TrendPoint, ...]:
    """Registered, resolved and 按时办结率 of each month; months whose window was counted
    for the headline (the period and the one before, for a month) are not counted again."""
    windows = [m.window(cutoff) for m in months]
    missing = [w for w in windows if w not in known]
    events = repo.event_counts(session, missing, TREND_KEYS)
    registered = repo.registered_counts(session, missing)
    resolved = repo.resolved_counts(session, missing)
    overdue = repo.overdue_resolve_series(session, missing)
    counted = {
        w: (n, done, Ratio(e.get(("resolve", True), 0), sum(e.values()) + late))
        for w, e, n, done, late in zip(missing, events, registered, resolved, overdue, strict=True)
    }
    counted.update({w: (t.registered, t.resolutions, t.clock("resolve").rate) for w, t in known.items()})
    return tuple(TrendPoint(month, *counted[w]) for month, w in zip(months, windows, strict=True))


@dataclass(frozen=True)
class Resolutions:
    """The figures of a period counted request by request or step by step: handling time,
    the departments' rows and the share resolved per level. They are the costly part of
    a report at district scale, so the service may count them on a second connection
    while the rest is counted (``stamp`` tells whether both saw the same data)."""

    handling: HandlingTime
    departments: tuple[DepartmentRow, ...]
    levels: dict[str, int]  # requests resolved in the period per handling level
    stamp: int


def resolutions(
    session: Session, period: Period, cutoff: dt.datetime, settings: ReportSettings, calendar: WorkCalendar
) -> Resolutions:
    """Handling time and the departments of ``period`` at ``cutoff``."""
    stamp = repo.data_stamp(session)
    window = period.window(cutoff)
    spans = repo.handling_spans(session, *window)
    seconds = handling.working_seconds(spans, calendar)
    rows = _department_rows(session, window, settings, _Names(session), spans, seconds)
    return Resolutions(handling.summary(seconds), tuple(rows), dict(Counter(spans.levels)), stamp)


def request_report(
    session: Session,
    period: Period,
    cutoff: dt.datetime,
    settings: ReportSettings,
    calendar: WorkCalendar,
    counted: Callable[[], Resolutions] | None = None,
) -> RequestReport:
    """Every request figure of ``period`` at ``cutoff`` (see the module docstring).

    ``counted``: gives the :func:`resolutions` of the same period, being counted on
    another connection meanwhile; they are used only if that connection saw the same
    data as this one (:func:`db.reports.data_stamp`), otherwise they are counted again.
    """
    stamp = repo.data_stamp(session)
    names = _Names(session)
    current = period.window(cutoff)
    previous = period.previous().window(cutoff)
    last_year = period.last_year().window(cutoff)
    now_events, before_events, year_events = repo.event_counts(session, [current, previous, last_year])
    now_resolved, before_resolved, year_resolved = repo.resolved_counts(
        session, [current, previous, last_year]
    )
    _start, end = current
    registered = _Registered.read(session, current)
    totals = _totals(
        session, current, now_events, settings, names, now_resolved, by_department=registered.departments
    )
    before = _totals(session, previous, before_events, settings, names, before_resolved)
    year_ago = _totals(session, last_year, year_events, settings, names, year_resolved)
    channels, channel_categories, categories, levels, departments = _breakdowns(
        registered, names, totals.registered
    )
    grid_names = repo.grid_names(session, [g for g in registered.grids if g is not None])
    grids = tuple(
        CountRow(g, grid_names.get(g, NO_GRID) if g is not None else NO_GRID, n, share(n, totals.registered))
        for g, n in sorted(
            registered.grids.items(), key=lambda kv: (-kv[1], grid_names.get(kv[0], "") if kv[0] else "")
        )
    )
    previous_categories = _Registered.read_categories(session, previous)
    hotspots = _hotspots(
        registered.categories, previous_categories, names, totals.registered, settings.hotspots
    )
    overdue_total, overdue = _overdue(session, end, cutoff, names, calendar)
    known = {current: totals, previous: before, last_year: year_ago}
    trend = _trend(session, period.trend(TREND_MONTHS), cutoff, known)
    found = counted() if counted is not None else None
    if found is None or found.stamp != stamp:
        found = resolutions(session, period, cutoff, settings, calendar)
    level_shares, at_town_or_below = _level_shares(found.levels)
    return RequestReport(
        totals=totals,
        previous=before,
        last_year=year_ago,
        headline=_headline(totals, before, year_ago),
        channels=channels,
        channel_categories=channel_categories,
        categories=categories,
        grids=grids,
        levels=levels,
        departments=departments,
        hotspots=hotspots,
        handling=found.handling,
        level_shares=level_shares,
        at_town_or_below=at_town_or_below,
        ranking=ranking.rank(found.departments, settings),
        overdue_total=overdue_total,
        overdue=overdue,
        trend=trend,
    )
