"""Queries of the visits job (网格走访), written to stay fast at district scale
(200,000 residents, 20,000 of them in key groups).

The due list is one SQL statement: the plan (each key-group resident's most frequent
rule, as the smallest rank code over their tags, from the ``resident_tag`` index), joined
to the resident and to ``visit_summary`` (the last visit per resident, kept by the
recording), with each row's status computed in SQL so that filtering by status, sorting
overdue first and paging happen in the database. Counting and paging are separate calls
so a windowed table asks for the size once and then only for the rows on screen.

Rank codes (``desktop.visits.rules.rank``): ``code // 2`` is the frequency (0 weekly,
1 monthly, 2 quarterly), ``code % 2`` whether a phone call counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    delete,
    exists,
    false,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from db.models import Grid, Resident, ResidentTag, Tag, User
from db.models_visits import GridWorker, Visit, VisitPhoto, VisitReport, VisitRule, VisitSummary
from db.residents import _prefix, normalise_query

OVERDUE, DUE, DONE = 0, 1, 2
STATUS_CODES = {"overdue": OVERDUE, "due": DUE, "done": DONE}


@dataclass(frozen=True)
class PlanWindows:
    """The windows in force on ``as_of`` per frequency (index 0 weekly, 1 monthly,
    2 quarterly): their first day, the first day of the window before, and the due date."""

    as_of: dt.date
    starts: tuple[dt.date, dt.date, dt.date]
    previous_starts: tuple[dt.date, dt.date, dt.date]
    dues: tuple[dt.date, dt.date, dt.date]


@dataclass(frozen=True)
class DueQuery:
    """What the due list is asked for. ``codes`` maps tag id → rank code for every tag
    in the plan."""

    codes: dict[int, int]
    windows: PlanWindows
    grid_id: int | None = None
    worker_id: int | None = None
    status: str | None = None  # overdue | due | done | None (all)
    text: str = ""
    open_only: bool = False  # overdue and due, without done


@dataclass(frozen=True)
class DueRecord:
    resident_id: int
    name: str
    address: str
    grid_id: int | None
    grid_name: str
    code: int
    status: int
    last_counted_on: dt.date | None
    last_on: dt.date | None
    last_visit_id: int | None


# --- rules and workers -----------------------------------------------------------------------
def rules(session: Session) -> list[VisitRule]:
    return list(session.scalars(select(VisitRule).order_by(VisitRule.tag_name)))


def tag_ids_by_name(session: Session) -> dict[str, int]:
    return {name: id_ for id_, name in session.execute(select(Tag.id, Tag.name))}


def tag_counts(session: Session) -> dict[str, int]:
    """Residents (not archived) per tag name."""
    rows = session.execute(
        select(Tag.name, func.count(ResidentTag.resident_id))
        .join(ResidentTag, ResidentTag.tag_id == Tag.id)
        .join(Resident, Resident.id == ResidentTag.resident_id)
        .where(Resident.archived == false())
        .group_by(Tag.name)
    )
    return {name: n for name, n in rows}


def worker_grids(session: Session, user_id: int) -> list[int]:
    return list(session.scalars(select(GridWorker.grid_id).where(GridWorker.user_id == user_id)))


def grid_workers(session: Session) -> list[tuple[int, int]]:
    """Every assignment as ``(user_id, grid_id)``."""
    return [(u, g) for u, g in session.execute(select(GridWorker.user_id, GridWorker.grid_id))]


def set_worker_grids(session: Session, user_id: int, grid_ids: Iterable[int]) -> None:
    session.execute(delete(GridWorker).where(GridWorker.user_id == user_id))
    session.add_all(GridWorker(user_id=user_id, grid_id=g) for g in dict.fromkeys(grid_ids))


# --- the due list -----------------------------------------------------------------------------
def _plan(q: DueQuery):
    code = case(
        *((ResidentTag.tag_id == tag_id, c) for tag_id, c in q.codes.items()),
        else_=99,
    )
    return (
        select(ResidentTag.resident_id.label("resident_id"), func.min(code).label("code"))
        .where(ResidentTag.tag_id.in_(list(q.codes)))
        .group_by(ResidentTag.resident_id)
        .subquery("plan")
    )


def _status(
    q: DueQuery, code: ColumnElement[int], created_at: ColumnElement | InstrumentedAttribute
) -> ColumnElement[int]:
    """Each row's status as a CASE on its rank code, with every date of the code's window
    folded in as a constant: per row it is one or two date comparisons, and where the
    window's due date has passed (as_of > due) the "due" outcome is not even tested."""
    w = q.windows
    branches = []
    for c in sorted(set(q.codes.values())):
        f = c // 2
        counted = VisitSummary.last_on if c % 2 == 1 else VisitSummary.last_in_person_on
        done = counted >= literal(w.starts[f])
        if w.as_of > w.dues[f]:
            branch = case((done, DONE), else_=OVERDUE)
        else:
            missed_before = and_(
                or_(counted.is_(None), counted < literal(w.previous_starts[f])),
                created_at < literal(dt.datetime.combine(w.starts[f], dt.time())),
            )
            branch = case((done, DONE), (missed_before, OVERDUE), else_=DUE)
        branches.append((code == c, branch))
    return case(*branches, else_=DUE)


def _statement(session: Session, q: DueQuery, columns: Sequence):
    plan = _plan(q)
    code = plan.c.code
    counted = case(((code % 2) == 1, VisitSummary.last_on), else_=VisitSummary.last_in_person_on)
    status = _status(q, code, Resident.created_at)
    values = {
        "code": code.label("code"),
        "status": status.label("status"),
        "counted": counted.label("counted"),
    }
    stmt = (
        select(*[values.get(c, c) if isinstance(c, str) else c for c in columns])
        .select_from(plan)
        .join(Resident, Resident.id == plan.c.resident_id)
        .outerjoin(VisitSummary, VisitSummary.resident_id == plan.c.resident_id)
        .where(Resident.archived == false())
    )
    if q.grid_id is not None:
        stmt = stmt.where(Resident.grid_id == q.grid_id)
    if q.worker_id is not None:
        stmt = stmt.where(
            Resident.grid_id.in_(select(GridWorker.grid_id).where(GridWorker.user_id == q.worker_id))
        )
    text = normalise_query(q.text)
    if text:
        if text.isascii() and text.isalpha():
            stmt = stmt.where(_prefix(session, Resident.name_initials, text.lower()))
        else:
            stmt = stmt.where(_prefix(session, Resident.name, text))
    if q.status is not None:
        stmt = stmt.where(status == STATUS_CODES[q.status])
    elif q.open_only:
        stmt = stmt.where(status != DONE)
    return stmt, status


def due_count(session: Session, q: DueQuery) -> int:
    if not q.codes:
        return 0
    stmt, _status = _statement(session, q, [Resident.id])
    return session.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()


def due_counts(session: Session, q: DueQuery) -> dict[int, int]:
    """How many rows per status code (the filter's status ignored): one pass over the
    plan into a single row of sums — no grouping (a GROUP BY on the status CASE sorts
    every row) and no window (it keeps every row to number them)."""
    if not q.codes:
        return {}
    plain = DueQuery(q.codes, q.windows, q.grid_id, q.worker_id, None, q.text)
    stmt, _status = _statement(session, plain, ["status"])
    sub = stmt.subquery()
    total, overdue, done = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((sub.c.status == OVERDUE, 1), else_=0)), 0),
            func.coalesce(func.sum(case((sub.c.status == DONE, 1), else_=0)), 0),
        )
    ).one()
    counts = {OVERDUE: int(overdue), DUE: int(total) - int(overdue) - int(done), DONE: int(done)}
    return {code: n for code, n in counts.items() if n}


def due_first(session: Session, q: DueQuery, limit: int) -> tuple[dict[int, int], list[DueRecord]]:
    """The counts per status (the status filter ignored) and the first ``limit`` rows:
    the counts in one aggregate pass, then the first rows by a top-``limit`` sort — and
    no second statement when the filter leaves nothing to show."""
    if not q.codes:
        return {}, []
    if session.get_bind().dialect.name == "postgresql":
        return _due_first_one_pass(session, q, limit)
    counts = due_counts(session, q)
    if q.status is not None:
        shown = counts.get(STATUS_CODES[q.status], 0)
    elif q.open_only:
        shown = counts.get(OVERDUE, 0) + counts.get(DUE, 0)
    else:
        shown = sum(counts.values())
    return counts, due_page(session, q, 0, limit) if shown else []


def _due_first_one_pass(session: Session, q: DueQuery, limit: int) -> tuple[dict[int, int], list[DueRecord]]:
    """PostgreSQL: the counts as window sums read with the first rows, so the plan is
    joined to the register once (its hash join scans every resident: twice cost twice).
    Run without parallel workers — each worker would build the plan's hash again, which on
    a centre's two-core server costs more than it saves (0.15 s against 0.10 s)."""
    session.execute(sql_text("SET LOCAL max_parallel_workers_per_gather = 0"))
    plain = DueQuery(q.codes, q.windows, q.grid_id, q.worker_id, None, q.text)
    stmt, status = _statement(session, plain, _PAGE_COLUMNS)
    stmt = stmt.add_columns(
        *(
            func.sum(case((status == code, 1), else_=0)).over().label(f"n{code}")
            for code in (OVERDUE, DUE, DONE)
        )
    )
    inner = stmt.subquery("due")
    outer = select(inner)
    if q.status is not None:
        outer = outer.where(inner.c.status == STATUS_CODES[q.status])
    elif q.open_only:
        outer = outer.where(inner.c.status != DONE)
    outer = outer.order_by(inner.c.status, inner.c.grid_id, inner.c.name, inner.c.id).limit(limit)
    rows = session.execute(outer).all()
    if not rows:
        return due_counts(session, q), []
    first = rows[0]._mapping
    counts = {code: int(first[f"n{code}"] or 0) for code in (OVERDUE, DUE, DONE)}
    return {code: n for code, n in counts.items() if n}, _records(
        session, [tuple(r)[: len(_PAGE_COLUMNS)] for r in rows]
    )


def due_page(session: Session, q: DueQuery, offset: int, limit: int) -> list[DueRecord]:
    """One page of the due list: overdue first, then due, then done; by grid and name."""
    if not q.codes:
        return []
    stmt, status = _statement(session, q, _PAGE_COLUMNS)
    stmt = stmt.order_by(status, Resident.grid_id, Resident.name, Resident.id).offset(offset).limit(limit)
    return _records(session, session.execute(stmt).all())


_PAGE_COLUMNS: list = [
    Resident.id,
    Resident.name,
    Resident.address,
    Resident.grid_id,
    "code",
    "status",
    "counted",
    VisitSummary.last_on,
    VisitSummary.last_visit_id,
]


def _records(session: Session, rows: Sequence) -> list[DueRecord]:
    grids = grid_names(session, {r[3] for r in rows if r[3] is not None})
    return [
        DueRecord(
            resident_id=r[0],
            name=r[1],
            address=r[2],
            grid_id=r[3],
            grid_name=grids.get(r[3], "") if r[3] is not None else "",
            code=r[4],
            status=r[5],
            last_counted_on=_date(r[6]),
            last_on=_date(r[7]),
            last_visit_id=r[8],
        )
        for r in rows
    ]


def _date(value: object) -> dt.date | None:
    """A date from SQL (SQLite returns the CASE of two date columns as text)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def grid_names(session: Session, ids: Iterable[int]) -> dict[int, str]:
    ids = list(ids)
    if not ids:
        return {}
    return {i: n for i, n in session.execute(select(Grid.id, Grid.name).where(Grid.id.in_(ids)))}


def tag_names_of(session: Session, resident_ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    if not resident_ids:
        return out
    rows = session.execute(
        select(ResidentTag.resident_id, Tag.name)
        .join(Tag, Tag.id == ResidentTag.tag_id)
        .where(ResidentTag.resident_id.in_(list(resident_ids)))
        .order_by(ResidentTag.resident_id, Tag.id)
    )
    for rid, name in rows:
        out.setdefault(rid, []).append(name)
    return out


def visitor_names(session: Session, visit_ids: Iterable[int]) -> dict[int, str]:
    ids = [i for i in visit_ids if i is not None]
    if not ids:
        return {}
    rows = session.execute(
        select(Visit.id, User.full_name).join(User, User.id == Visit.visitor_id).where(Visit.id.in_(ids))
    )
    return {i: n for i, n in rows}


# --- visits -----------------------------------------------------------------------------------
def current_visits():
    """The condition "this visit is in force": no other entry supersedes it, and it is
    not itself a withdrawal."""
    later = aliased(Visit)
    return and_(~exists().where(later.supersedes_id == Visit.id), Visit.withdrawn == false())


def is_superseded(session: Session, visit_id: int) -> bool:
    return session.scalar(select(Visit.id).where(Visit.supersedes_id == visit_id)) is not None


def refresh_summary(session: Session, resident_id: int) -> None:
    """Recompute the resident's row of ``visit_summary`` from their current visits."""
    session.flush()
    base = select(Visit.id, Visit.visited_on, Visit.method).where(
        Visit.resident_id == resident_id, current_visits()
    )
    rows = session.execute(base.order_by(Visit.visited_on.desc(), Visit.id.desc())).all()
    last_on = rows[0][1] if rows else None
    last_id = rows[0][0] if rows else None
    in_person = next((r[1] for r in rows if r[2] != "phone"), None)
    summary = session.get(VisitSummary, resident_id)
    if summary is None:
        summary = VisitSummary(resident_id=resident_id)
        session.add(summary)
    summary.last_on, summary.last_in_person_on, summary.last_visit_id = last_on, in_person, last_id


def visits_of_resident(session: Session, resident_id: int, *, include_replaced: bool = False) -> list[Visit]:
    stmt = select(Visit).where(Visit.resident_id == resident_id)
    if not include_replaced:
        stmt = stmt.where(current_visits())
    return list(session.scalars(stmt.order_by(Visit.visited_on.desc(), Visit.id.desc())))


def reports_of(session: Session, visit_ids: Sequence[int]) -> dict[int, list[VisitReport]]:
    out: dict[int, list[VisitReport]] = {}
    if not visit_ids:
        return out
    for r in session.scalars(
        select(VisitReport).where(VisitReport.visit_id.in_(list(visit_ids))).order_by(VisitReport.id)
    ):
        out.setdefault(r.visit_id, []).append(r)
    return out


def photos_of(session: Session, visit_ids: Sequence[int]) -> dict[int, list[VisitPhoto]]:
    out: dict[int, list[VisitPhoto]] = {}
    if not visit_ids:
        return out
    for p in session.scalars(
        select(VisitPhoto).where(VisitPhoto.visit_id.in_(list(visit_ids))).order_by(VisitPhoto.id)
    ):
        out.setdefault(p.visit_id, []).append(p)
    return out


def user_names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = [i for i in set(ids) if i is not None]
    if not wanted:
        return {}
    return {i: n for i, n in session.execute(select(User.id, User.full_name).where(User.id.in_(wanted)))}


# --- figures and the ledger -------------------------------------------------------------------
@dataclass(frozen=True)
class PlanMember:
    resident_id: int
    name: str
    address: str
    grid_id: int | None
    code: int
    created_on: dt.date
    left_on: dt.date | None  # archived: the day of the last change (the archiving)


def plan_members(session: Session, codes: dict[int, int], *, grid_id: int | None = None) -> list[PlanMember]:
    """Every resident in the plan, archived ones too (with the day they left), for the
    figures and the ledger of a period."""
    if not codes:
        return []
    q = DueQuery(codes, PlanWindows(dt.date.min, (dt.date.min,) * 3, (dt.date.min,) * 3, (dt.date.min,) * 3))
    plan = _plan(q)
    stmt = (
        select(
            Resident.id,
            Resident.name,
            Resident.address,
            Resident.grid_id,
            plan.c.code,
            Resident.created_at,
            Resident.archived,
            Resident.updated_at,
        )
        .select_from(plan)
        .join(Resident, Resident.id == plan.c.resident_id)
    )
    if grid_id is not None:
        stmt = stmt.where(Resident.grid_id == grid_id)
    return [
        PlanMember(
            r[0],
            r[1],
            r[2],
            r[3],
            int(r[4]),
            r[5].date(),
            r[7].date() if r[6] else None,
        )
        for r in session.execute(stmt.order_by(Resident.grid_id, Resident.name, Resident.id))
    ]


@dataclass(frozen=True)
class VisitFact:
    id: int
    resident_id: int
    visited_on: dt.date
    method: str
    visitor_id: int
    companions: str


def visits_between(
    session: Session, first: dt.date, last: dt.date, *, grid_id: int | None = None
) -> list[VisitFact]:
    """The current visits from ``first`` to ``last`` (both included)."""
    stmt = select(
        Visit.id, Visit.resident_id, Visit.visited_on, Visit.method, Visit.visitor_id, Visit.companions
    ).where(Visit.visited_on >= first, Visit.visited_on <= last, current_visits())
    if grid_id is not None:
        stmt = stmt.where(Visit.resident_id.in_(select(Resident.id).where(Resident.grid_id == grid_id)))
    return [VisitFact(*r) for r in session.execute(stmt.order_by(Visit.visited_on, Visit.id))]


def items_between(session: Session, first: dt.date, last: dt.date) -> list[tuple[str, int | None, int]]:
    """The 七必报 items ticked on current visits from ``first`` to ``last``:
    ``(item, grid_id, request_id or 0)`` rows."""
    rows = session.execute(
        select(VisitReport.item, Visit.grid_id, func.coalesce(VisitReport.request_id, 0))
        .join(Visit, Visit.id == VisitReport.visit_id)
        .where(Visit.visited_on >= first, Visit.visited_on <= last, current_visits())
    )
    return [(i, g, int(r)) for i, g, r in rows]


def grids(session: Session) -> list[tuple[int, str]]:
    return [(i, n) for i, n in session.execute(select(Grid.id, Grid.name).order_by(Grid.name))]


__all__ = [
    "DONE",
    "DUE",
    "OVERDUE",
    "DueQuery",
    "DueRecord",
    "PlanMember",
    "PlanWindows",
    "VisitFact",
]
