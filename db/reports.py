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

from sqlalchemy import ColumnElement, String, and_, case, func, literal, select, type_coerce
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.expression import ScalarSelect

from db.love_bank import APPROVED, CANCELLED
from db.models import (
    AuditEntry,
    Category,
    Department,
    FollowUp,
    Grid,
    LedgerEntry,
    PointAccount,
    Redemption,
    RedemptionLine,
    Request,
    RequestEvent,
    Resident,
    RewardItem,
    ServiceRecord,
    Team,
    Volunteer,
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
    return {clock: int(n) for clock, n in rows}


def satisfaction_counts(session: Session, start: dt.datetime, end: dt.datetime) -> dict[str, int]:
    """Follow-up calls made in the window, per answer (满意 / 基本满意 / 不满意)."""
    rows = session.execute(
        select(FollowUp.satisfaction, func.count())
        .where(_in(FollowUp.done_at, start, end), FollowUp.satisfaction.is_not(None))
        .group_by(FollowUp.satisfaction)
    )
    return {answer: int(n) for answer, n in rows}


# --- per lead department -------------------------------------------------------------------------
@dataclass(frozen=True)
class DepartmentStep:
    """Steps of one kind taken in the window on requests now led by one department, at
    one handling level."""

    department_id: int | None
    level: str
    action: str
    on_time: bool | None
    count: int


def department_steps(
    session: Session, start: dt.datetime, end: dt.datetime, actions: Iterable[str]
) -> list[DepartmentStep]:
    """Steps of ``actions`` in the window, per lead department (at the cut-off), handling
    level and on-time flag."""
    rows = session.execute(
        select(
            Request.lead_department_id, Request.level, RequestEvent.action, RequestEvent.on_time, func.count()
        )
        .select_from(RequestEvent)
        .join(Request, Request.id == RequestEvent.request_id)
        .where(RequestEvent.action.in_(tuple(actions)), _in(RequestEvent.at, start, end))
        .group_by(Request.lead_department_id, Request.level, RequestEvent.action, RequestEvent.on_time)
    )
    return [
        DepartmentStep(department, level, action, None if flag is None else bool(flag), int(n))
        for department, level, action, flag, n in rows
    ]


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
    return {(department, clock): int(n) for department, clock, n in rows}


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
    the lead department, and the day (days since 1970-01-01) and second of the day of the
    assignment and of the resolution. Working hours are counted from these on the
    calendar (``desktop.reports``)."""

    departments: tuple[int | None, ...]
    assigned_days: tuple[int, ...]
    assigned_seconds: tuple[int, ...]
    resolved_days: tuple[int, ...]
    resolved_seconds: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.departments)


EPOCH = dt.date(1970, 1, 1)
EPOCH_ORDINAL = EPOCH.toordinal()


class _Moments:
    """Turns stored moments into (day, second of the day) quickly: SQLite hands them over
    as text ('YYYY-MM-DD HH:MM:SS[.ffffff]', read without parsing), PostgreSQL as
    datetimes; days are counted from 1970-01-01."""

    def __init__(self) -> None:
        self._days: dict[str, int] = {}
        self._minutes = {f"{h:02d}:{m:02d}": h * 3600 + m * 60 for h in range(24) for m in range(60)}

    def day(self, moment: str | dt.datetime) -> int:
        if isinstance(moment, dt.datetime):
            return moment.toordinal() - EPOCH_ORDINAL
        key = moment[:10]
        found = self._days.get(key)
        if found is None:
            found = self._days[key] = dt.date.fromisoformat(key).toordinal() - EPOCH_ORDINAL
        return found

    def second(self, moment: str | dt.datetime) -> int:
        if isinstance(moment, dt.datetime):
            return moment.hour * 3600 + moment.minute * 60 + moment.second
        return self._minutes[moment[11:16]] + int(moment[17:19])


def handling_spans(session: Session, start: dt.datetime, end: dt.datetime) -> HandlingSpans:
    """The assignment and resolution moments of the requests resolved in the window."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    assigned = type_coerce(Request.assigned_at, String) if sqlite else Request.assigned_at
    resolved = type_coerce(Request.resolved_at, String) if sqlite else Request.resolved_at
    rows = session.execute(
        select(Request.lead_department_id, assigned, resolved).where(
            _in(Request.resolved_at, start, end), Request.assigned_at.is_not(None)
        )
    ).all()
    if not rows:
        return HandlingSpans((), (), (), (), ())
    m = _Moments()
    departments, a, r = zip(*rows, strict=True)
    return HandlingSpans(
        tuple(departments),
        tuple(map(m.day, a)),
        tuple(map(m.second, a)),
        tuple(map(m.day, r)),
        tuple(map(m.second, r)),
    )


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
        OverdueRecord(i, number, registered, category, parent_name, department or "", clock, due, urgency)
        for i, number, registered, category, parent_name, department, clock, due, urgency in rows
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


SATISFACTION_ANSWERS = ("satisfied", "basically", "unsatisfied")


def satisfaction_series(
    session: Session, windows: Sequence[tuple[dt.datetime, dt.datetime]]
) -> list[dict[str, int]]:
    """Follow-up calls made in each window per answer, in one statement of range counts."""
    if not windows:
        return []
    columns = [
        select(func.count())
        .select_from(FollowUp)
        .where(FollowUp.satisfaction == answer, _in(FollowUp.done_at, s, e))
        .scalar_subquery()
        for s, e in windows
        for answer in SATISFACTION_ANSWERS
    ]
    row = session.execute(select(*columns)).one()
    n = len(SATISFACTION_ANSWERS)
    return [
        {answer: int(row[i * n + j] or 0) for j, answer in enumerate(SATISFACTION_ANSWERS)}
        for i in range(len(windows))
    ]


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
        names.update(session.execute(select(Grid.id, Grid.name).where(Grid.id.in_(part))).tuples().all())
    return names


# --- the love bank --------------------------------------------------------------------------------
def volunteers_joined(session: Session, start: dt.date, end: dt.date) -> int:
    """Volunteers who joined in ``[start, end)``."""
    return (
        session.scalar(
            select(func.count()).select_from(Volunteer).where(_in(Volunteer.joined_on, start, end))
        )
        or 0
    )


@dataclass(frozen=True)
class ServiceTotals:
    """Approved service served in a window of days."""

    records: int
    volunteers: int
    minutes: int
    points: int


def service_totals(session: Session, start: dt.date, end: dt.date) -> ServiceTotals:
    """Approved service records served in ``[start, end)``: how many, by how many
    volunteers, how long, for how many points."""
    row = session.execute(
        select(
            func.count(),
            func.count(func.distinct(ServiceRecord.volunteer_id)),
            func.coalesce(func.sum(ServiceRecord.minutes), 0),
            func.coalesce(func.sum(ServiceRecord.points), 0),
        ).where(ServiceRecord.status == APPROVED, _in(ServiceRecord.served_on, start, end))
    ).one()
    return ServiceTotals(int(row[0]), int(row[1]), int(row[2]), int(row[3]))


@dataclass(frozen=True)
class LedgerGroup:
    """Ledger entries made in the window of one kind — for a reversal, of the kind it
    reverses — with or without a redemption."""

    kind: str
    reversed_kind: str | None
    for_redemption: bool
    count: int
    delta: int
    frozen_delta: int


def ledger_groups(session: Session, start: dt.datetime, end: dt.datetime) -> list[LedgerGroup]:
    """The points moved in ``[start, end)``, grouped by kind (see :class:`LedgerGroup`)."""
    reversed_entry = aliased(LedgerEntry)
    has_redemption = case((LedgerEntry.redemption_id.is_(None), 0), else_=1)
    rows = session.execute(
        select(
            LedgerEntry.kind,
            reversed_entry.kind,
            has_redemption,
            func.count(),
            func.coalesce(func.sum(LedgerEntry.delta), 0),
            func.coalesce(func.sum(LedgerEntry.frozen_delta), 0),
        )
        .select_from(LedgerEntry)
        .outerjoin(reversed_entry, reversed_entry.id == LedgerEntry.reverses_id)
        .where(_in(LedgerEntry.at, start, end))
        .group_by(LedgerEntry.kind, reversed_entry.kind, has_redemption)
    )
    return [
        LedgerGroup(kind, reversed_kind, bool(redemption), int(n), int(delta), int(frozen))
        for kind, reversed_kind, redemption, n, delta, frozen in rows
    ]


@dataclass(frozen=True)
class VolunteerTotal:
    """A volunteer's approved service in a window (top volunteers)."""

    volunteer_id: int
    name: str
    team: str
    minutes: int
    points: int


def top_volunteers(session: Session, start: dt.date, end: dt.date, limit: int) -> list[VolunteerTotal]:
    """Volunteers by approved minutes served in ``[start, end)``, most first (ties by id)."""
    minutes = func.sum(ServiceRecord.minutes)
    rows = session.execute(
        select(ServiceRecord.volunteer_id, minutes, func.sum(ServiceRecord.points))
        .where(ServiceRecord.status == APPROVED, _in(ServiceRecord.served_on, start, end))
        .group_by(ServiceRecord.volunteer_id)
        .order_by(minutes.desc(), ServiceRecord.volunteer_id)
        .limit(limit)
    ).all()
    names = _volunteer_names(session, [r[0] for r in rows])
    return [VolunteerTotal(v, *names.get(v, ("", "")), int(m), int(p)) for v, m, p in rows]


def _volunteer_names(session: Session, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    if not ids:
        return {}
    rows = session.execute(
        select(Volunteer.id, Resident.name, Team.name)
        .join(Resident, Resident.id == Volunteer.resident_id)
        .outerjoin(Team, Team.id == Volunteer.team_id)
        .where(Volunteer.id.in_(list(ids)))
    )
    return {i: (name, team or "") for i, name, team in rows}


@dataclass(frozen=True)
class StarRise:
    """A volunteer whose approved service passed a star threshold in the window."""

    volunteer_id: int
    name: str
    team: str
    minutes_before: int  # approved before the window
    minutes_after: int  # approved by the end of the window


def _level(minutes, thresholds: Sequence[int]) -> ColumnElement[int]:
    """The star level (0 … len(thresholds)) of an amount of minutes, in SQL;
    ``thresholds`` in minutes, lowest first."""
    whens = [(minutes >= t, level) for level, t in reversed(list(enumerate(thresholds, start=1)))]
    return case(*whens, else_=0)


def star_rises(
    session: Session, start: dt.datetime, end: dt.datetime, thresholds: Sequence[int]
) -> list[StarRise]:
    """Volunteers whose approved minutes (approved in ``[start, end)``) took them past
    one of ``thresholds`` (minutes, lowest first). Approved minutes before the window
    are the volunteer's total (``point_account``) less what was approved since."""
    since = (
        select(
            ServiceRecord.volunteer_id.label("volunteer_id"),
            func.sum(case((ServiceRecord.decided_at < end, ServiceRecord.minutes), else_=0)).label("inside"),
            func.sum(case((ServiceRecord.decided_at >= end, ServiceRecord.minutes), else_=0)).label("later"),
        )
        .where(ServiceRecord.status == APPROVED, ServiceRecord.decided_at >= start)
        .group_by(ServiceRecord.volunteer_id)
        .subquery()
    )
    after = PointAccount.approved_minutes - since.c.later
    before = after - since.c.inside
    rows = session.execute(
        select(since.c.volunteer_id, before, after)
        .join(PointAccount, PointAccount.volunteer_id == since.c.volunteer_id)
        .where(since.c.inside > 0, _level(after, thresholds) > _level(before, thresholds))
        .order_by(after.desc(), since.c.volunteer_id)
    ).all()
    names = _volunteer_names(session, [r[0] for r in rows])
    return [StarRise(v, *names.get(v, ("", "")), int(b), int(a)) for v, b, a in rows]


@dataclass(frozen=True)
class ItemRecord:
    id: int
    name: str
    kind: str
    price: int
    stock: int
    is_active: bool


def reward_items(session: Session) -> list[ItemRecord]:
    """Every item of the 爱心超市, in order of entry."""
    rows = session.execute(
        select(
            RewardItem.id,
            RewardItem.name,
            RewardItem.kind,
            RewardItem.price,
            RewardItem.stock,
            RewardItem.is_active,
        ).order_by(RewardItem.id)
    )
    return [
        ItemRecord(i, name, kind, price, stock, bool(active)) for i, name, kind, price, stock, active in rows
    ]


def items_redeemed(session: Session, start: dt.datetime, end: dt.datetime) -> dict[int, int]:
    """Quantities taken from stock by redemptions made in the window, per item."""
    rows = session.execute(
        select(RedemptionLine.item_id, func.sum(RedemptionLine.quantity))
        .join(Redemption, Redemption.id == RedemptionLine.redemption_id)
        .where(_in(Redemption.created_at, start, end))
        .group_by(RedemptionLine.item_id)
    )
    return {item: int(n) for item, n in rows}


def items_returned(session: Session, start: dt.datetime, end: dt.datetime) -> dict[int, int]:
    """Quantities put back in stock by redemptions cancelled in the window, per item."""
    rows = session.execute(
        select(RedemptionLine.item_id, func.sum(RedemptionLine.quantity))
        .join(Redemption, Redemption.id == RedemptionLine.redemption_id)
        .where(Redemption.status == CANCELLED, _in(Redemption.closed_at, start, end))
        .group_by(RedemptionLine.item_id)
    )
    return {item: int(n) for item, n in rows}


@dataclass(frozen=True)
class StockEdit:
    """An item saved by the coordinator (audit log): the stock before (None for a new
    item) and after, as the audit row recorded them (JSON)."""

    item_id: int
    at: dt.datetime
    before: str
    after: str


def stock_edits(session: Session, since: dt.datetime) -> list[StockEdit]:
    """Items created or changed from ``since`` on, oldest first (stock put in or taken out
    by hand; a handful a month)."""
    rows = session.execute(
        select(AuditEntry.entity_id, AuditEntry.at, AuditEntry.before, AuditEntry.after)
        .where(AuditEntry.entity == "reward_item", AuditEntry.at >= since)
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return [StockEdit(int(item), at, before or "", after or "") for item, at, before, after in rows if item]


# --- rows under the figures (the Excel export) ------------------------------------------------------
@dataclass(frozen=True)
class RequestExportRecord:
    """A request registered in the period, as the export lists it (phone and ID number
    unmasked here; the report masks them)."""

    id: int
    number: str
    registered_at: dt.datetime
    resident: str
    phone: str | None
    id_number: str | None
    channel: str
    category: str
    parent_category: str | None
    grid: str
    level: str
    department: str
    urgency: str
    status: str
    head_count: int
    assigned_at: dt.datetime | None
    resolved_at: dt.datetime | None
    closed_at: dt.datetime | None
    satisfaction: str | None


def request_export_page(
    session: Session, start: dt.datetime, end: dt.datetime, after_id: int, limit: int
) -> list[RequestExportRecord]:
    """Up to ``limit`` requests registered in the window with an id above ``after_id``,
    in id order (page through them by the last id)."""
    parent = aliased(Category)
    rows = session.execute(
        select(
            Request.id,
            Request.number,
            Request.registered_at,
            Resident.name,
            Resident.phone,
            Resident.id_number,
            Request.channel,
            Category.name,
            parent.name,
            Grid.name,
            Request.level,
            Department.name,
            Request.urgency,
            Request.status,
            Request.head_count,
            Request.assigned_at,
            Request.resolved_at,
            Request.closed_at,
            Request.satisfaction,
        )
        .join(Resident, Resident.id == Request.resident_id)
        .join(Category, Category.id == Request.category_id)
        .outerjoin(parent, parent.id == Category.parent_id)
        .outerjoin(Grid, Grid.id == Request.grid_id)
        .outerjoin(Department, Department.id == Request.lead_department_id)
        .where(_registered(start, end), Request.status != MERGED, Request.id > after_id)
        .order_by(Request.id)
        .limit(limit)
    )
    return [
        RequestExportRecord(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            r[6],
            r[7],
            r[8],
            r[9] or "",
            r[10],
            r[11] or "",
            r[12],
            r[13],
            r[14],
            r[15],
            r[16],
            r[17],
            r[18],
        )  # fmt: skip
        for r in rows
    ]


@dataclass(frozen=True)
class ServiceExportRecord:
    """Approved service served in the period (phone unmasked here)."""

    id: int
    served_on: dt.date
    volunteer: str
    phone: str | None
    team: str
    minutes: int
    points: int
    description: str


def service_export_page(
    session: Session, start: dt.date, end: dt.date, after_id: int, limit: int
) -> list[ServiceExportRecord]:
    """Up to ``limit`` approved service records served in the window, id above ``after_id``."""
    rows = session.execute(
        select(
            ServiceRecord.id,
            ServiceRecord.served_on,
            Resident.name,
            Resident.phone,
            Team.name,
            ServiceRecord.minutes,
            ServiceRecord.points,
            ServiceRecord.description,
        )
        .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
        .join(Resident, Resident.id == Volunteer.resident_id)
        .outerjoin(Team, Team.id == Volunteer.team_id)
        .where(
            ServiceRecord.status == APPROVED,
            _in(ServiceRecord.served_on, start, end),
            ServiceRecord.id > after_id,
        )
        .order_by(ServiceRecord.id)
        .limit(limit)
    )
    return [
        ServiceExportRecord(i, day, name, phone, team or "", int(m), int(p), text or "")
        for i, day, name, phone, team, m, p, text in rows
    ]


@dataclass(frozen=True)
class RedemptionExportRecord:
    """One line of a redemption made in the period (phone unmasked here)."""

    redemption_id: int
    created_at: dt.datetime
    volunteer: str
    phone: str | None
    item: str
    quantity: int
    price: int
    status: str


def redemption_export_page(
    session: Session, start: dt.datetime, end: dt.datetime, after_id: int, limit: int
) -> list[RedemptionExportRecord]:
    """Lines of redemptions made in the window, redemption id above ``after_id``; a page
    ends at a whole redemption (``limit`` redemptions)."""
    ids = (
        select(Redemption.id)
        .where(_in(Redemption.created_at, start, end), Redemption.id > after_id)
        .order_by(Redemption.id)
        .limit(limit)
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            Redemption.id,
            Redemption.created_at,
            Resident.name,
            Resident.phone,
            RewardItem.name,
            RedemptionLine.quantity,
            RedemptionLine.price,
            Redemption.status,
        )
        .join(RedemptionLine, RedemptionLine.redemption_id == Redemption.id)
        .join(RewardItem, RewardItem.id == RedemptionLine.item_id)
        .join(Volunteer, Volunteer.id == Redemption.volunteer_id)
        .join(Resident, Resident.id == Volunteer.resident_id)
        .where(Redemption.id.in_(ids))
        .order_by(Redemption.id, RewardItem.id)
    )
    return [
        RedemptionExportRecord(i, at, name, phone, item, int(q), int(p), status)
        for i, at, name, phone, item, q, p, status in rows
    ]
