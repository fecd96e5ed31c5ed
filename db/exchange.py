"""The SQL of the exchange job (Excel in and out): register look-ups and bulk writes for
imports, the rows of every exported list, and merging duplicate residents.

Why this module writes and reads other jobs' tables: the exchange job is, by its
nature, about the data of every other job — an export reads the requests, the ledger
and the service orders; a merge of two residents must move everything that points at
the archived record (requests, service orders, visits, the volunteer account, tags) in
the *same* transaction as the archiving, or a crash half-way would leave a request
pointing at a record nobody sees. The services of those jobs offer no "move to another
resident" operation, and they cannot be called inside one foreign transaction; the
moves are plain data (a ``resident_id`` changes; no balance, clock or state rule is
involved), so they are done here, at the db level, where every job's table is visible.
Append-only tables (events, ledger entries) are never touched: they keep naming the
request or volunteer they always named, and those rows move. Rules that are more than
data (a volunteer's opening balance) go through the owning job's function instead,
handed in by ``desktop.opening``.

Functions take the caller's session and never commit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, exists, func, insert, inspect, select, update
from sqlalchemy.orm import Session, aliased

from db import love_bank as love_bank_repo
from db import orders as orders_repo
from db import requests as requests_repo
from db import residents as residents_repo
from db.models import (
    Category,
    Department,
    Grid,
    LedgerEntry,
    PointAccount,
    Redemption,
    RedemptionLine,
    Request,
    Resident,
    ResidentTag,
    RewardItem,
    Tag,
    Team,
    User,
    Volunteer,
)

CHUNK = 500
"""Values per ``IN (…)`` list: well under SQLite's and PostgreSQL's parameter limits."""
PAGE = 2000
"""Rows an export reads at a time."""


def _chunks(values: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


# --- imports: what the register already holds ------------------------------------------
@dataclass(frozen=True)
class Known:
    """A resident already in the register, as an import needs to know them."""

    id: int
    name: str
    archived: bool
    is_volunteer: bool


def grids_by_name(session: Session) -> dict[str, int]:
    """Every grid's name → id (an inactive grid still names residents' grids)."""
    return {name: grid_id for grid_id, name in session.execute(select(Grid.id, Grid.name))}


def tags_by_name(session: Session) -> dict[str, int]:
    return {name: tag_id for tag_id, name in session.execute(select(Tag.id, Tag.name))}


def _known(stmt: Select) -> Select:
    volunteer = exists().where(Volunteer.resident_id == Resident.id)
    return stmt.add_columns(Resident.id, Resident.name, Resident.archived, volunteer)


def residents_by_id_number(session: Session, numbers: Iterable[str]) -> dict[str, Known]:
    """ID number → the resident holding it, for the numbers given."""
    found: dict[str, Known] = {}
    for chunk in _chunks(sorted(set(numbers))):
        stmt = _known(select(Resident.id_number)).where(Resident.id_number.in_(chunk))
        for number, rid, name, archived, volunteer in session.execute(stmt.order_by(Resident.id)):
            found.setdefault(number, Known(rid, name, bool(archived), bool(volunteer)))
    return found


def residents_by_name_and_phone(session: Session, phones: Iterable[str]) -> dict[tuple[str, str], Known]:
    """(name, phone) → the resident, for residents holding one of the phones given."""
    found: dict[tuple[str, str], Known] = {}
    for chunk in _chunks(sorted(set(phones))):
        stmt = _known(select(Resident.phone)).where(Resident.phone.in_(chunk))
        for phone, rid, name, archived, volunteer in session.execute(stmt.order_by(Resident.id)):
            found.setdefault((name, phone), Known(rid, name, bool(archived), bool(volunteer)))
    return found


# --- imports: writing ------------------------------------------------------------------
def insert_residents(session: Session, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert residents (column → value dicts) in one batch; their new ids, in order."""
    if not rows:
        return []
    stmt = insert(Resident).returning(Resident.id, sort_by_parameter_order=True)
    ids: list[int] = []
    for chunk in _chunks(rows, 1000):
        ids += list(session.execute(stmt, list(chunk)).scalars())
    return ids


def add_tags(session: Session, pairs: Iterable[tuple[int, int]], *, new: bool = False) -> None:
    """Give residents key groups, as (resident id, tag id); ``new``: none of these
    residents has tags yet, so existing pairs need not be skipped."""
    wanted = sorted(set(pairs))
    if not new and wanted:
        have: set[tuple[int, int]] = set()
        for chunk in _chunks(sorted({r for r, _t in wanted})):
            have |= {
                (r, t)
                for r, t in session.execute(
                    select(ResidentTag.resident_id, ResidentTag.tag_id).where(
                        ResidentTag.resident_id.in_(chunk)
                    )
                )
            }
        wanted = [p for p in wanted if p not in have]
    for chunk in _chunks(wanted, 1000):
        session.execute(insert(ResidentTag), [{"resident_id": r, "tag_id": t} for r, t in chunk])


def residents_for_update(session: Session, ids: Sequence[int]) -> dict[int, Resident]:
    """The residents of ``ids`` as ORM rows, ready to change (locked on PostgreSQL)."""
    out: dict[int, Resident] = {}
    for chunk in _chunks(sorted(set(ids))):
        stmt = select(Resident).where(Resident.id.in_(chunk)).order_by(Resident.id)
        if session.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update()
        out.update({r.id: r for r in session.scalars(stmt)})
    return out


def tag_names_of(session: Session, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    return residents_repo.tags_for(session, list(ids))


# --- exports ---------------------------------------------------------------------------
def _ordered(rows: Iterable[Sequence[Any]], ids: Sequence[int]) -> list[Sequence[Any]]:
    by_id = {r[0]: r for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def resident_rows(session: Session, f: residents_repo.ResidentFilter) -> Iterator[list[tuple]]:
    """The register as the list's filter shows it, in its order, a page at a time:
    (id, name, gender, birth date, id number, phone, address, grid, tags, notes,
    archived, created at)."""
    offset = 0
    while True:
        ids = residents_repo.page_ids(session, f, offset, PAGE)
        if not ids:
            return
        offset += len(ids)
        rows = session.execute(
            select(
                Resident.id,
                Resident.name,
                Resident.gender,
                Resident.birth_date,
                Resident.id_number,
                Resident.phone,
                Resident.address,
                Grid.name,
                Resident.notes,
                Resident.archived,
                Resident.created_at,
            )
            .outerjoin(Grid, Grid.id == Resident.grid_id)
            .where(Resident.id.in_(ids))
        ).all()
        tags = residents_repo.tags_for(session, ids)
        yield [
            (
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                r[6],
                r[7] or "",
                "、".join(tags.get(r[0], ())),
                r[8],
                r[9],
                r[10],
            )
            for r in _ordered(rows, ids)
        ]


def volunteer_rows(session: Session, text: str = "", team_id: int | None = None) -> Iterator[list[tuple]]:
    """The volunteers as the list's search shows them, newest first, a page at a time:
    (id, name, gender, id number, phone, address, team, joined on, approved minutes,
    available, frozen, active)."""
    offset = 0
    while True:
        page = love_bank_repo.volunteer_page(session, text, team_id, offset, PAGE)
        if not page:
            return
        offset += len(page)
        ids = [v.id for v in page]
        rows = session.execute(
            select(
                Volunteer.id,
                Resident.name,
                Resident.gender,
                Resident.id_number,
                Resident.phone,
                Resident.address,
                Team.name,
                Volunteer.joined_on,
                PointAccount.approved_minutes,
                PointAccount.available,
                PointAccount.frozen,
                Volunteer.is_active,
            )
            .join(Resident, Resident.id == Volunteer.resident_id)
            .outerjoin(Team, Team.id == Volunteer.team_id)
            .outerjoin(PointAccount, PointAccount.volunteer_id == Volunteer.id)
            .where(Volunteer.id.in_(ids))
        ).all()
        yield [
            (r[0], r[1], r[2], r[3], r[4], r[5], r[6] or "", r[7], r[8] or 0, r[9] or 0, r[10] or 0, r[11])
            for r in _ordered(rows, ids)
        ]


@dataclass(frozen=True)
class LedgerFilter:
    """Which ledger entries an export holds; every field left at its default means "any"."""

    volunteer_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def ledger_rows(session: Session, f: LedgerFilter) -> Iterator[list[tuple]]:
    """Ledger entries, oldest first, a page at a time: (id, at, volunteer name, kind,
    delta, frozen delta, staff full name or login, note)."""
    conditions = []
    if f.volunteer_id is not None:
        conditions.append(LedgerEntry.volunteer_id == f.volunteer_id)
    if f.date_from is not None:
        conditions.append(LedgerEntry.at >= dt.datetime.combine(f.date_from, dt.time()))
    if f.date_to is not None:
        conditions.append(LedgerEntry.at < dt.datetime.combine(f.date_to + dt.timedelta(days=1), dt.time()))
    last = 0
    while True:
        rows = session.execute(
            select(
                LedgerEntry.id,
                LedgerEntry.at,
                Resident.name,
                LedgerEntry.kind,
                LedgerEntry.delta,
                LedgerEntry.frozen_delta,
                func.coalesce(User.full_name, LedgerEntry.username),
                LedgerEntry.note,
            )
            .join(Volunteer, Volunteer.id == LedgerEntry.volunteer_id)
            .join(Resident, Resident.id == Volunteer.resident_id)
            .outerjoin(User, User.id == LedgerEntry.user_id)
            .where(LedgerEntry.id > last, *conditions)
            .order_by(LedgerEntry.id)
            .limit(PAGE)
        ).all()
        if not rows:
            return
        last = rows[-1][0]
        yield [tuple(r) for r in rows]


@dataclass(frozen=True)
class RedemptionFilter:
    """Which redemptions (兑换记录) an export holds: one volunteer's, one status
    (``desktop.love_bank``'s completed / frozen / cancelled); None means "any"."""

    volunteer_id: int | None = None
    status: str | None = None


def redemption_rows(session: Session, f: RedemptionFilter) -> Iterator[list[tuple]]:
    """Redemptions, newest first (as the lists show them), a page at a time: (id,
    created at, volunteer name, phone, status, points, items as "name×quantity、…",
    staff full name or login, closed at, note)."""
    conditions = []
    if f.volunteer_id is not None:
        conditions.append(Redemption.volunteer_id == f.volunteer_id)
    if f.status is not None:
        conditions.append(Redemption.status == f.status)
    last: int | None = None
    while True:
        page_conditions = list(conditions)
        if last is not None:
            page_conditions.append(Redemption.id < last)
        rows = session.execute(
            select(
                Redemption.id,
                Redemption.created_at,
                Resident.name,
                Resident.phone,
                Redemption.status,
                Redemption.points,
                func.coalesce(func.nullif(User.full_name, ""), User.username, ""),
                Redemption.closed_at,
                Redemption.note,
            )
            .join(Volunteer, Volunteer.id == Redemption.volunteer_id)
            .join(Resident, Resident.id == Volunteer.resident_id)
            .outerjoin(User, User.id == Redemption.created_by)
            .where(*page_conditions)
            .order_by(Redemption.id.desc())
            .limit(PAGE)
        ).all()
        if not rows:
            return
        last = rows[-1][0]
        items: dict[int, list[str]] = {}
        for chunk in _chunks([r[0] for r in rows]):
            for rid, name, quantity in session.execute(
                select(RedemptionLine.redemption_id, RewardItem.name, RedemptionLine.quantity)
                .join(RewardItem, RewardItem.id == RedemptionLine.item_id)
                .where(RedemptionLine.redemption_id.in_(chunk))
                .order_by(RedemptionLine.redemption_id, RewardItem.name)
            ):
                items.setdefault(rid, []).append(f"{name}×{quantity}")
        yield [
            (rid, at, name, phone, status, points, "、".join(items.get(rid, ())), staff, closed, note)
            for rid, at, name, phone, status, points, staff, closed, note in rows
        ]


def request_rows(session: Session, f: requests_repo.RequestFilter, now: dt.datetime) -> Iterator[list[tuple]]:
    """Requests as the list's filter shows them, newest first, a page at a time:
    (id, number, registered at, resident, phone, channel, category, parent category,
    urgency, status, department, due at, description, address, grid, closed at)."""
    offset = 0
    while True:
        page = requests_repo.page(session, f, now, offset, PAGE)
        if not page:
            return
        offset += len(page)
        ids = [r.id for r in page]
        extra = {
            r[0]: r[1:]
            for r in session.execute(
                select(
                    Request.id,
                    Resident.phone,
                    Request.description,
                    Request.address,
                    Grid.name,
                    Request.closed_at,
                )
                .join(Resident, Resident.id == Request.resident_id)
                .outerjoin(Grid, Grid.id == Request.grid_id)
                .where(Request.id.in_(ids))
            )
        }
        out = []
        for r in page:
            phone, description, address, grid, closed_at = extra.get(r.id, (None, "", "", None, None))
            out.append(
                (
                    r.id,
                    r.number,
                    r.registered_at,
                    r.resident_name,
                    phone,
                    r.channel,
                    r.category,
                    r.parent_category,
                    r.urgency,
                    r.status,
                    r.department,
                    r.due_at,
                    description,
                    address,
                    grid or "",
                    closed_at,
                )
            )
        yield out


def has_orders(session: Session) -> bool:
    """Whether this database has the service-order tables (点单服务)."""
    return inspect(session.connection()).has_table("service_order")


# The export of 点单服务 takes the board's own filter, so it writes the rows the board shows.
OrderFilter = orders_repo.OrderFilter


def order_rows(session: Session, f: OrderFilter) -> Iterator[list[tuple]]:
    """Service orders, newest first, a page at a time: (id, number, ordered at,
    resident, category, title, stage, provider, contract amount in fen, deadline,
    rating, finished at)."""
    from db.models_orders import Provider, ServiceOrder

    conditions = orders_repo.board_conditions(f, dt.datetime.now())
    last: int | None = None
    while True:
        page_conditions = list(conditions)
        if last is not None:
            page_conditions.append(ServiceOrder.id < last)
        rows = session.execute(
            select(
                ServiceOrder.id,
                ServiceOrder.number,
                ServiceOrder.ordered_at,
                Resident.name,
                ServiceOrder.category,
                ServiceOrder.title,
                ServiceOrder.stage,
                Provider.name,
                ServiceOrder.contract_amount,
                ServiceOrder.deadline,
                ServiceOrder.rating,
                ServiceOrder.finished_at,
            )
            .join(Resident, Resident.id == ServiceOrder.resident_id)
            .outerjoin(Provider, Provider.id == ServiceOrder.provider_id)
            .where(*page_conditions)
            .order_by(ServiceOrder.id.desc())
            .limit(PAGE)
        ).all()
        if not rows:
            return
        last = rows[-1][0]
        yield [tuple(r) for r in rows]


def category_and_department_names(session: Session) -> tuple[dict[int, str], dict[int, str]]:
    categories = {i: n for i, n in session.execute(select(Category.id, Category.name))}
    departments = {i: n for i, n in session.execute(select(Department.id, Department.name))}
    return categories, departments


# --- merging duplicate residents ---------------------------------------------------------
@dataclass(frozen=True)
class PairRecord:
    """Two residents that may be one person, and why they were suggested."""

    first_id: int
    second_id: int
    reason: str  # name_birth | phone | name_address


SUGGESTION_LIMIT = 500


def suggested_pairs(session: Session, limit: int = SUGGESTION_LIMIT) -> list[PairRecord]:
    """Pairs of residents (not archived) with the same name and birth date, the same
    phone, or the same name and address; each pair once, the first reason found."""
    a, b = aliased(Resident), aliased(Resident)
    ways = (
        ("name_birth", and_(a.name == b.name, a.birth_date == b.birth_date, a.birth_date.is_not(None))),
        ("phone", and_(a.phone == b.phone, a.phone.is_not(None), a.phone != "")),
        ("name_address", and_(a.name == b.name, a.address == b.address, a.address != "")),
    )
    seen: set[tuple[int, int]] = set()
    pairs: list[PairRecord] = []
    for reason, condition in ways:
        stmt = (
            select(a.id, b.id)
            .join(b, and_(condition, a.id < b.id))
            .where(a.archived.is_(False), b.archived.is_(False))
            .order_by(a.id, b.id)
            .limit(limit)
        )
        for first, second in session.execute(stmt):
            if (first, second) not in seen and len(pairs) < limit:
                seen.add((first, second))
                pairs.append(PairRecord(first, second, reason))
    return pairs


def references_to_resident(session: Session) -> list[tuple[str, str]]:
    """(table, column) of every foreign key to ``resident.id`` outside the register
    itself: requests, service orders, visits … whatever jobs the database holds."""
    inspector = inspect(session.connection())
    found = []
    for table in inspector.get_table_names():
        if table in ("resident", "resident_tag", "volunteer"):
            continue
        for fk in inspector.get_foreign_keys(table):
            if fk.get("referred_table") == "resident" and fk.get("referred_columns") == ["id"]:
                found += [(table, column) for column in fk["constrained_columns"]]
    return sorted(found)


def count_references(session: Session, resident_id: int) -> dict[str, int]:
    """Table → how many of its rows point at the resident (tables with none left out)."""
    from sqlalchemy import column, table

    counts: dict[str, int] = {}
    for name, col in references_to_resident(session):
        n = (
            session.scalar(select(func.count()).select_from(table(name)).where(column(col) == resident_id))
            or 0
        )
        if n:
            counts[name] = counts.get(name, 0) + n
    return counts


def move_references(session: Session, from_id: int, to_id: int) -> dict[str, int]:
    """Point every row that names ``from_id`` at ``to_id``; table → rows moved."""
    from sqlalchemy import column, table

    moved: dict[str, int] = {}
    for name, col in references_to_resident(session):
        t = table(name, column(col))
        result = session.execute(update(t).where(t.c[col] == from_id).values({col: to_id}))
        count = getattr(result, "rowcount", 0) or 0
        if count:
            moved[name] = moved.get(name, 0) + count
    return moved


def volunteer_id_of(session: Session, resident_id: int) -> int | None:
    return session.scalar(select(Volunteer.id).where(Volunteer.resident_id == resident_id))


def move_volunteer(session: Session, volunteer_id: int, to_resident_id: int) -> None:
    session.execute(update(Volunteer).where(Volunteer.id == volunteer_id).values(resident_id=to_resident_id))


def move_tags(session: Session, from_id: int, to_id: int) -> int:
    """The key groups of ``from_id`` given to ``to_id`` and taken from ``from_id``; how many moved."""
    from sqlalchemy import delete

    theirs = set(session.scalars(select(ResidentTag.tag_id).where(ResidentTag.resident_id == from_id)))
    mine = set(session.scalars(select(ResidentTag.tag_id).where(ResidentTag.resident_id == to_id)))
    session.execute(delete(ResidentTag).where(ResidentTag.resident_id == from_id))
    new = sorted(theirs - mine)
    if new:
        session.execute(insert(ResidentTag), [{"resident_id": to_id, "tag_id": t} for t in new])
    return len(new)
