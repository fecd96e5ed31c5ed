"""The request figures of a report (诉求): what each one counts.

A period is counted over its window ``[start, end)``, the end brought back to the
cut-off while the period runs (see :mod:`desktop.reports.periods`):

* **受理量** — requests registered in the window (merged duplicates left out), with
  来访人次 (their head counts), broken down by channel × category (two levels), grid,
  handling level and lead department. **直办** — of them, led by a department at the
  村居/社区 level (the community settles it itself); **转办** — led by a 镇街道 or 区级
  department; requests not yet routed are neither.
* **30135 on-time rates**, per clock: on time / due, where the clocks *due in the period*
  are those met in the window (each step records whether it was on time, judged
  against the deadline the request was given when that clock started, on the calendar
  and limits it ran under) plus those that fell due in the window and are still not met
  at the cut-off (overdue). A clock met late in a later period counts there.
* **办结率** — of the requests registered in the window, the share resolved or closed at
  the cut-off. **回访率** — follow-up calls made / due (the follow-up clock, met on time
  or late). **满意率** — of the follow-up calls made in the window, 满意 (+ 基本满意 when the
  setting says so) / all answers; the three answers are shown apart. **重办率** —
  reopened after 不满意 / resolved, both steps in the window. **退回率** — returned /
  assigned, both in the window. **催办 / 督办** — reminders and supervisions recorded in
  the window.
* **Handling time** — working hours from the assignment to the resolution of the
  requests whose (latest) resolution falls in the window; mean and median, overall and
  per department. It is counted request by request on the calendar, so it is given for
  the period itself, without 环比/同比 (the counts and rates above carry those).
* **Share resolved per level** — the resolutions of the window by the request's
  handling level, and the share resolved at 镇街道 level or below.
* **Overdue list** — open requests whose running clock fell due before the end of the
  window and is not met at the cut-off, the longest overdue first.
* **Trend** — the twelve months ending with the period's last month: registered,
  resolved and 按时办结率.

Departments are the lead department (主办) of each request at the cut-off; their
figures and the ranking are described in :mod:`desktop.reports.ranking`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
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
DEPARTMENT_ACTIONS = ("answer", "resolve", "reopen")
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
        resolutions=events.get(("resolve", True), 0) + events.get(("resolve", False), 0),
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
) -> tuple[list[DepartmentRow], list[repo.DepartmentStep]]:
    start, end = window
    steps = repo.department_steps(session, start, end, DEPARTMENT_ACTIONS)
    assigned = repo.assigned_by_department(session, start, end)
    overdue = repo.overdue_by_department(session, start, end)
    closed = repo.closed_by_department(session, start, end)
    times = handling.by_department(spans, seconds)
    events: dict[int | None, Counter[EventKey]] = {}
    for step in steps:
        events.setdefault(step.department_id, Counter())[(step.action, step.on_time)] += step.count
    ids: set[int | None] = (
        set(events) | set(assigned) | {d for d, _c in overdue} | {d for d, _a in closed} | set(times)
    )
    rows = []
    for department in ids:
        counts = dict(events.get(department, Counter()))
        clock_overdue = {clock: n for (d, clock), n in overdue.items() if d == department}
        reopened = counts.get(("reopen", True), 0) + counts.get(("reopen", False), 0)
        answers = {a: n for (d, a), n in closed.items() if d == department}
        answers["unsatisfied"] = reopened  # a 不满意 follow-up call reopens the request
        rows.append(
            DepartmentRow(
                department_id=department,
                name=names.department(department),
                level=names.department_level(department) or "",
                assigned=assigned.get(department, 0) if department is not None else 0,
                clocks=_clocks(counts, clock_overdue, DEPARTMENT_CLOCKS),
                satisfaction=_satisfaction(answers, settings),
                resolutions=counts.get(("resolve", True), 0) + counts.get(("resolve", False), 0),
                reopened=reopened,
                handling=times.get(department, HandlingTime(0, None, None)),
            )
        )
    return rows, steps


def _level_shares(steps: Sequence[repo.DepartmentStep]) -> tuple[tuple[LevelShare, ...], Ratio]:
    resolved: Counter[str] = Counter()
    for step in steps:
        if step.action == "resolve":
            resolved[step.level] += step.count
    total = sum(resolved.values())
    shares = tuple(LevelShare(lv, LEVELS_ZH[lv], resolved[lv], share(resolved[lv], total)) for lv in LEVELS)
    below = sum(resolved[lv] for lv in TOWN_OR_BELOW)
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
    session: Session, months: Sequence[Period], cutoff: dt.datetime, known: dict[Window, dict[EventKey, int]]
) -> tuple[TrendPoint, ...]:
    windows = [m.window(cutoff) for m in months]
    missing = [w for w in windows if w not in known]
    counted = dict(zip(missing, repo.event_counts(session, missing, TREND_KEYS), strict=True))
    counted.update(known)
    registered = repo.registered_counts(session, windows)
    overdue = repo.overdue_resolve_series(session, windows)
    out = []
    for month, window, n, late in zip(months, windows, registered, overdue, strict=True):
        events = counted[window]
        on_time, met_late = events.get(("resolve", True), 0), events.get(("resolve", False), 0)
        out.append(TrendPoint(month, n, on_time + met_late, Ratio(on_time, on_time + met_late + late)))
    return tuple(out)


@dataclass(frozen=True)
class Resolutions:
    """The figures of a period counted request by request or step by step: handling time,
    the departments' rows and the share resolved per level. They are the costly part of
    a report at district scale, so the service may count them on a second connection
    while the rest is counted (``stamp`` tells whether both saw the same data)."""

    handling: HandlingTime
    departments: tuple[DepartmentRow, ...]
    steps: tuple[repo.DepartmentStep, ...]
    stamp: int


def resolutions(
    session: Session, period: Period, cutoff: dt.datetime, settings: ReportSettings, calendar: WorkCalendar
) -> Resolutions:
    """Handling time and the departments of ``period`` at ``cutoff``."""
    stamp = repo.data_stamp(session)
    window = period.window(cutoff)
    spans = repo.handling_spans(session, *window)
    seconds = handling.working_seconds(spans, calendar)
    rows, steps = _department_rows(session, window, settings, _Names(session), spans, seconds)
    return Resolutions(handling.summary(seconds), tuple(rows), tuple(steps), stamp)


def request_report(
    session: Session,
    period: Period,
    cutoff: dt.datetime,
    settings: ReportSettings,
    calendar: WorkCalendar,
    counted: Resolutions | None = None,
) -> RequestReport:
    """Every request figure of ``period`` at ``cutoff`` (see the module docstring).

    ``counted``: the :func:`resolutions` of the same period, if already counted on
    another connection; they are used only if that connection saw the same data
    (:func:`db.reports.data_stamp`), otherwise they are counted again here.
    """
    if counted is None or counted.stamp != repo.data_stamp(session):
        counted = resolutions(session, period, cutoff, settings, calendar)
    names = _Names(session)
    current = period.window(cutoff)
    previous = period.previous().window(cutoff)
    last_year = period.last_year().window(cutoff)
    now_events, before_events, year_events = repo.event_counts(session, [current, previous, last_year])
    _start, end = current
    registered = _Registered.read(session, current)
    totals = _totals(session, current, now_events, settings, names, by_department=registered.departments)
    before = _totals(session, previous, before_events, settings, names)
    year_ago = _totals(session, last_year, year_events, settings, names)
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
    level_shares, at_town_or_below = _level_shares(counted.steps)
    overdue_total, overdue = _overdue(session, end, cutoff, names, calendar)
    known = {current: now_events, previous: before_events, last_year: year_events}
    trend = _trend(session, period.trend(TREND_MONTHS), cutoff, known)
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
        handling=counted.handling,
        level_shares=level_shares,
        at_town_or_below=at_town_or_below,
        ranking=ranking.rank(counted.departments, settings),
        overdue_total=overdue_total,
        overdue=overdue,
        trend=trend,
    )
