"""The SQL of the reports job (月度报表, 数据看板): aggregates over a window of time.

Every figure of a report is a count or a sum over one window ``[start, end)`` of one
indexed time column — when a request was registered, when a step (an event) happened,
when a running clock falls due, when a follow-up call was made, when points moved. The
functions here return those counts and sums, grouped where a report breaks a figure
down (by channel, category, level, department, grid …); they never read whole tables.
The only per-row reads are bounded by the window or by a limit: the two moments of each
request resolved in the window (working hours are counted on the calendar, in Python),
the first rows of the overdue list, the top volunteers, and the pages of rows the Excel
export lists under its figures.

Counts over a window are written as one index range each (``action = ? AND on_time = ?
AND at >= ? AND at < ?``) so that the database counts index entries and reads no table
rows; the covering indexes are made by the reports migration (0005).

The rules — which counts make which rate, what is "due in the period", what a setting
changes — live in ``desktop.reports``; this module only knows how to count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Float, and_, cast, func, literal, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.expression import ScalarSelect

from db.models import (
    Category,
    Department,
    FollowUp,
    Grid,
    Request,
    RequestEvent,
)

RESOLVED_STATES = ("resolved", "closed")
MERGED = "merged"
CLOCK_ACTIONS = ("accept", "answer", "resolve", "follow_up", "reopen")
"""Actions that meet a 30135 clock and carry an on-time flag (``reopen`` meets the
follow-up clock: the call was made, the resident was unsatisfied)."""
PLAIN_ACTIONS = ("assign", "return", "remind", "supervise")
"""Actions counted without an on-time flag."""
CLOSING_ANSWERS = ("satisfied", "basically")
"""Follow-up answers that close a request (不满意 reopens it)."""


def _in(column, start: dt.datetime | dt.date, end: dt.datetime | dt.date) -> ColumnElement[bool]:
    return and_(column >= start, column < end)


def data_stamp(session: Session) -> int:
    """A number that changes with every committed change to requests: the id of the last
    step (every change to a request appends a step in the same transaction). Two read
    transactions that see the same stamp see the same requests."""
    return session.scalar(select(func.max(RequestEvent.id))) or 0


# --- requests registered in the window ------------------------------------------------------
# Breakdowns are counted as one index range per group (``category = ? AND channel = ? AND
# registered_at in the window``), which reads index entries only, instead of sorting the
# window's rows into groups. Merged duplicates are left out of every count: they are
# counted everywhere and then taken away again (there are few of them).


def _registered(start: dt.datetime, end: dt.datetime) -> ColumnElement[bool]:
    return _in(Request.registered_at, start, end)


def _count_where(*conditions: ColumnElement[bool]) -> ScalarSelect:
    return select(func.count()).select_from(Request).where(*conditions).scalar_subquery()


@dataclass(frozen=True)
class RegisteredTotals:
    count: int  # registered in the window, merged duplicates left out
    visitors: int  # their head counts
    resolved: int  # of them, resolved or closed now


def registered_totals(session: Session, start: dt.datetime, end: dt.datetime) -> RegisteredTotals:
    """How many requests were registered in the window, with how many visitors, and how
    many of them are resolved now (merged duplicates left out)."""
    window = _registered(start, end)
    merged = Request.status == MERGED
    row = session.execute(
        select(
            _count_where(window),
            _count_where(merged, window),
            select(func.coalesce(func.sum(Request.head_count), 0)).where(window).scalar_subquery(),
            select(func.coalesce(func.sum(Request.head_count), 0)).where(merged, window).scalar_subquery(),
            _count_where(Request.status.in_(RESOLVED_STATES), window),
        )
    ).one()
    return RegisteredTotals(int(row[0]) - int(row[1]), int(row[2]) - int(row[3]), int(row[4]))


@dataclass(frozen=True)
class MergedRecord:
    """A merged duplicate registered in the window, with what the breakdowns count by."""

    channel: str
    category_id: int
    level: str
    department_id: int | None
    grid_id: int | None


def merged_in_window(session: Session, start: dt.datetime, end: dt.datetime) -> list[MergedRecord]:
    """The merged duplicates registered in the window (taken away from the breakdowns)."""
    rows = session.execute(
        select(
            Request.channel, Request.category_id, Request.level, Request.lead_department_id, Request.grid_id
        ).where(Request.status == MERGED, _registered(start, end))
    )
    return [MergedRecord(*row) for row in rows]


def registered_by_channel_and_category(
    session: Session, start: dt.datetime, end: dt.datetime, channels: Sequence[str]
) -> dict[int, tuple[int, ...]]:
    """Requests registered in the window per category: the count of each of ``channels``
    in that order (merged duplicates included)."""
    window = _registered(start, end)
    columns = [
        _count_where(Request.category_id == Category.id, Request.channel == channel, window)
        for channel in channels
    ]
    rows = session.execute(select(Category.id, *columns))
    return {row[0]: tuple(int(n) for n in row[1:]) for row in rows if any(row[1:])}


def registered_by_level(
    session: Session, start: dt.datetime, end: dt.datetime, levels: Sequence[str]
) -> dict[str, int]:
    """Requests registered in the window per handling level (merged duplicates included)."""
    window = _registered(start, end)
    row = session.execute(select(*[_count_where(Request.level == level, window) for level in levels])).one()
    return {level: int(n) for level, n in zip(levels, row, strict=True)}


def registered_by_department(session: Session, start: dt.datetime, end: dt.datetime) -> dict[int | None, int]:
    """Requests registered in the window per lead department (None: not routed yet;
    merged duplicates included)."""
    window = _registered(start, end)
    rows = session.execute(
        select(Department.id, _count_where(Request.lead_department_id == Department.id, window))
    ).all()
    out: dict[int | None, int] = {department: int(n) for department, n in rows if n}
    none = session.scalar(select(_count_where(Request.lead_department_id.is_(None), window)))
    if none:
        out[None] = int(none)
    return out


def registered_by_grid(session: Session, start: dt.datetime, end: dt.datetime) -> dict[int | None, int]:
    """Requests registered in the window per grid (None: no grid; merged duplicates
    included). One index range per grid: 1,500 grids cost a few milliseconds."""
    window = _registered(start, end)
    rows = session.execute(select(Grid.id, _count_where(Request.grid_id == Grid.id, window))).all()
    out: dict[int | None, int] = {grid: int(n) for grid, n in rows if n}
    none = session.scalar(select(_count_where(Request.grid_id.is_(None), window)))
    if none:
        out[None] = int(none)
    return out


# --- steps (events) in the window ------------------------------------------------------------
EventKey = tuple[str, bool | None]
"""(action, on_time): on_time True/False for the clock actions, None for the others."""


def _event_count(action: str, on_time: bool | None, start: dt.datetime, end: dt.datetime) -> ScalarSelect:
    flag = RequestEvent.on_time.is_(None) if on_time is None else RequestEvent.on_time == literal(on_time)
    return (
        select(func.count())
        .select_from(RequestEvent)
        .where(RequestEvent.action == action, flag, _in(RequestEvent.at, start, end))
        .scalar_subquery()
    )


def event_keys() -> list[EventKey]:
    """Every (action, on_time) pair :func:`event_counts` counts."""
    return [(a, flag) for a in CLOCK_ACTIONS for flag in (True, False)] + [(a, None) for a in PLAIN_ACTIONS]


def event_counts(
    session: Session,
    windows: Sequence[tuple[dt.datetime, dt.datetime]],
    keys: Sequence[EventKey] | None = None,
) -> list[dict[EventKey, int]]:
    """For each window, the number of steps taken in it per (action, on_time) of
    ``keys`` (default: :func:`event_keys`).

    One statement of index range counts (``ix_request_event_report``), so that several
    windows — a period, the one before, the same one a year earlier, a twelve-month
    trend — cost one round trip.
    """
    keys = list(keys if keys is not None else event_keys())
    if not windows or not keys:
        return [{} for _ in windows]
    columns = [_event_count(a, flag, s, e) for s, e in windows for a, flag in keys]
    row = session.execute(select(*columns)).one()
    out = []
    for i in range(len(windows)):
        part = row[i * len(keys) : (i + 1) * len(keys)]
        out.append({key: int(n or 0) for key, n in zip(keys, part, strict=True)})
    return out


def overdue_by_clock(session: Session, start: dt.datetime, end: dt.datetime) -> dict[str, int]:
    """Running clocks that fell due in the window and are still not met (overdue), per clock."""
    rows = session.execute(
        select(Request.clock, func.count())
        .where(_in(Request.due_at, start, end), Request.clock.is_not(None))
        .group_by(Request.clock)
    )
    return {str(clock): int(n) for clock, n in rows}


def satisfaction_counts(session: Session, start: dt.datetime, end: dt.datetime) -> dict[str, int]:
    """Follow-up calls made in the window, per answer (满意 / 基本满意 / 不满意)."""
    rows = session.execute(
        select(FollowUp.satisfaction, func.count())
        .where(_in(FollowUp.done_at, start, end), FollowUp.satisfaction.is_not(None))
        .group_by(FollowUp.satisfaction)
    )
    return {str(answer): int(n) for answer, n in rows}


# --- per lead department -------------------------------------------------------------------------
def late_steps_by_department(
    session: Session, start: dt.datetime, end: dt.datetime
) -> dict[tuple[int | None, str], int]:
    """Answers and resolutions of the requests' current round made late in the window,
    per (lead department, action). Only the late ones are read step by step (about one
    in eight); how many were made at all is on the request rows."""
    rows = session.execute(
        select(Request.lead_department_id, RequestEvent.action, func.count())
        .select_from(RequestEvent)
        .join(Request, Request.id == RequestEvent.request_id)
        .where(
            RequestEvent.action.in_(("answer", "resolve")),
            RequestEvent.on_time == literal(False),
            _in(RequestEvent.at, start, end),
            RequestEvent.round == Request.round,
        )
        .group_by(Request.lead_department_id, RequestEvent.action)
    )
    return {(department, str(action)): int(n) for department, action, n in rows}


def reopened_by_department(session: Session, start: dt.datetime, end: dt.datetime) -> dict[int | None, int]:
    """Requests reopened (重办, a 不满意 follow-up call) in the window, per lead department."""
    rows = session.execute(
        select(Request.lead_department_id, func.count())
        .select_from(RequestEvent)
        .join(Request, Request.id == RequestEvent.request_id)
        .where(
            RequestEvent.action == "reopen",
            # Reopening meets the follow-up clock, so the flag is always set; naming both
            # values lets the index serve it as two ranges.
            RequestEvent.on_time.in_((True, False)),
            _in(RequestEvent.at, start, end),
        )
        .group_by(Request.lead_department_id)
    )
    return {department: int(n) for department, n in rows}


def answered_by_department(session: Session, start: dt.datetime, end: dt.datetime) -> dict[int, int]:
    """Requests whose current round was answered in the window, per lead department (one
    index range per department)."""
    count = (
        select(func.count())
        .select_from(Request)
        .where(Request.lead_department_id == Department.id, _in(Request.answered_at, start, end))
        .scalar_subquery()
    )
    return {department: int(n) for department, n in session.execute(select(Department.id, count)) if n}


def assigned_by_department(session: Session, start: dt.datetime, end: dt.datetime) -> dict[int, int]:
    """Assignments (派单) made in the window, per department assigned to (one index range
    per department)."""
    count = (
        select(func.count())
        .select_from(RequestEvent)
        .where(
            RequestEvent.action == "assign",
            RequestEvent.department_id == Department.id,
            _in(RequestEvent.at, start, end),
        )
        .scalar_subquery()
    )
    return {department: int(n) for department, n in session.execute(select(Department.id, count)) if n}


def overdue_by_department(
    session: Session, start: dt.datetime, end: dt.datetime
) -> dict[tuple[int | None, str], int]:
    """Running clocks that fell due in the window and are not met, per (lead department, clock)."""
    rows = session.execute(
        select(Request.lead_department_id, Request.clock, func.count())
        .where(_in(Request.due_at, start, end), Request.clock.is_not(None))
        .group_by(Request.lead_department_id, Request.clock)
    )
    return {(department, str(clock)): int(n) for department, clock, n in rows}


def closed_by_department(
    session: Session, start: dt.datetime, end: dt.datetime
) -> dict[tuple[int, str], int]:
    """Requests closed in the window — their follow-up call found the resident 满意 or
    基本满意 — per (lead department, answer). (不满意 reopens the request instead: those
    calls are the ``reopen`` steps.) One index range per department and answer."""
    columns = [
        select(func.count())
        .select_from(Request)
        .where(
            Request.lead_department_id == Department.id,
            Request.satisfaction == answer,
            _in(Request.closed_at, start, end),
        )
        .scalar_subquery()
        for answer in CLOSING_ANSWERS
    ]
    out: dict[tuple[int, str], int] = {}
    for department, *counts in session.execute(select(Department.id, *columns)):
        for answer, n in zip(CLOSING_ANSWERS, counts, strict=True):
            if n:
                out[(department, answer)] = int(n)
    return out


# --- handling time ------------------------------------------------------------------------------
@dataclass(frozen=True)
class HandlingSpans:
    """The requests resolved in the window (their latest resolution), column by column:
    the lead department, the handling level and the moments of the assignment and of the
    resolution, in
    seconds since 1970-01-01 00:00 (local office time, as stored). Working hours are
    counted from these on the calendar (``desktop.reports.handling``)."""

    departments: tuple[int | None, ...]
    levels: tuple[str, ...]  # the requests' handling levels
    assigned: tuple[float, ...]
    resolved: tuple[float, ...]

    def __len__(self) -> int:
        return len(self.departments)


def _epoch_seconds(session: Session, column) -> ColumnElement[float]:
    """A stored moment as seconds since 1970-01-01, computed by PostgreSQL (one number per
    moment is far cheaper to hand over than a datetime)."""
    return cast(func.extract("epoch", column), Float)


# A district resolves 100,000 requests a month; SQLAlchemy's row objects would cost more
# than the query itself, so on SQLite the rows are read with the driver's cursor (in the
# session's own transaction). Moments are stored as text in SQLAlchemy's format.
_SQLITE_SPANS = (
    "SELECT lead_department_id, level,"
    " (julianday(assigned_at) - 2440587.5) * 86400.0, (julianday(resolved_at) - 2440587.5) * 86400.0"
    " FROM request WHERE resolved_at >= ? AND resolved_at < ? AND assigned_at IS NOT NULL"
)


def _sqlite_moment(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def handling_spans(session: Session, start: dt.datetime, end: dt.datetime) -> HandlingSpans:
    """The assignment and resolution moments of the requests resolved in the window."""
    if session.get_bind().dialect.name == "sqlite":
        cursor = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            rows = cursor.execute(_SQLITE_SPANS, (_sqlite_moment(start), _sqlite_moment(end))).fetchall()
        finally:
            cursor.close()
    else:
        rows = session.execute(
            select(
                Request.lead_department_id,
                Request.level,
                _epoch_seconds(session, Request.assigned_at),
                _epoch_seconds(session, Request.resolved_at),
            ).where(_in(Request.resolved_at, start, end), Request.assigned_at.is_not(None))
        ).all()
    if not rows:
        return HandlingSpans((), (), (), ())
    departments, levels, assigned, resolved = zip(*rows, strict=True)
    return HandlingSpans(departments, levels, assigned, resolved)


# --- the overdue list --------------------------------------------------------------------------
@dataclass(frozen=True)
class OverdueRecord:
    """An open request whose running clock is past its due moment."""

    id: int
    number: str
    registered_at: dt.datetime
    category: str
    parent_category: str | None
    department: str
    clock: str
    due_at: dt.datetime
    urgency: str


def _overdue(before: dt.datetime) -> list[ColumnElement[bool]]:
    return [Request.due_at < before, Request.clock.is_not(None)]


def overdue_count(session: Session, before: dt.datetime) -> int:
    """How many requests have a running clock that fell due before ``before``."""
    return session.scalar(select(func.count()).select_from(Request).where(*_overdue(before))) or 0


def overdue_records(
    session: Session, before: dt.datetime, limit: int, offset: int = 0
) -> list[OverdueRecord]:
    """The overdue requests, the longest overdue first."""
    parent = aliased(Category)
    rows = session.execute(
        select(
            Request.id,
            Request.number,
            Request.registered_at,
            Category.name,
            parent.name,
            Department.name,
            Request.clock,
            Request.due_at,
            Request.urgency,
        )
        .join(Category, Category.id == Request.category_id)
        .outerjoin(parent, parent.id == Category.parent_id)
        .outerjoin(Department, Department.id == Request.lead_department_id)
        .where(*_overdue(before))
        .order_by(Request.due_at, Request.id)
        .offset(offset)
        .limit(limit)
    )
    return [
        OverdueRecord(
            i, number, registered, category, parent_name, department or "", str(clock), due, urgency
        )
        for i, number, registered, category, parent_name, department, clock, due, urgency in rows
        if due is not None
    ]


# --- series over many windows (trends, comparisons) ------------------------------------------------
def registered_counts(session: Session, windows: Sequence[tuple[dt.datetime, dt.datetime]]) -> list[int]:
    """Requests registered (merged duplicates left out) in each window, in one statement."""
    if not windows:
        return []
    columns = []
    for s, e in windows:
        columns += [
            _count_where(_registered(s, e)),
            _count_where(Request.status == MERGED, _registered(s, e)),
        ]
    row = session.execute(select(*columns)).one()
    return [int(row[2 * i]) - int(row[2 * i + 1]) for i in range(len(windows))]


def resolved_counts(session: Session, windows: Sequence[tuple[dt.datetime, dt.datetime]]) -> list[int]:
    """Requests whose (latest) resolution falls in each window, in one statement."""
    if not windows:
        return []
    columns = [_count_where(_in(Request.resolved_at, s, e)) for s, e in windows]
    return [int(n or 0) for n in session.execute(select(*columns)).one()]


def overdue_resolve_series(session: Session, windows: Sequence[tuple[dt.datetime, dt.datetime]]) -> list[int]:
    """Running resolve clocks that fell due in each window and are not met, in one statement."""
    if not windows:
        return []
    columns = [
        select(func.count())
        .select_from(Request)
        .where(_in(Request.due_at, s, e), Request.clock == "resolve")
        .scalar_subquery()
        for s, e in windows
    ]
    return [int(n or 0) for n in session.execute(select(*columns)).one()]


# --- names ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DepartmentName:
    name: str
    level: str
    is_active: bool


def departments(session: Session) -> dict[int, DepartmentName]:
    """Department id → name, handling level and whether it still takes requests."""
    rows = session.execute(select(Department.id, Department.name, Department.level, Department.is_active))
    return {i: DepartmentName(name, level, bool(active)) for i, name, level, active in rows}


def grid_names(session: Session, ids: Iterable[int]) -> dict[int, str]:
    """Grid id → name for the grids asked for."""
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    names: dict[int, str] = {}
    for chunk in range(0, len(wanted), 500):
        part = wanted[chunk : chunk + 500]
        rows = session.execute(select(Grid.id, Grid.name).where(Grid.id.in_(part)))
        names.update({i: name for i, name in rows})
    return names
