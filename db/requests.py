"""Queries over requests for lists at district scale (1,000,000 requests).

Lists are paged by offset in registration order (newest first) through indexes that
lead with the filtered column and end in ``registered_at``; the clock colour is a range
on ``due_at``/``warn_at`` against the current time, kept on the row by the service.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from db.locks import LockKey, advisory_lock
from db.models import Category, Department, Request, Resident

OPEN = ("assigned", "accepted", "answered", "resolved")


@dataclass(frozen=True)
class RequestFilter:
    status: str | None = None  # a status, "open" (a clock is running) or None for all
    colour: str | None = None  # red | yellow | green
    category_id: int | None = None  # a top-level category includes its children
    department_id: int | None = None
    grid_id: int | None = None
    channel: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    resident_id: int | None = None
    number: str = ""


def _conditions(session: Session, f: RequestFilter, now: dt.datetime) -> list[ColumnElement[bool]]:
    c: list[ColumnElement[bool]] = []
    if f.status == "open":
        c.append(Request.due_at.is_not(None))
    elif f.status:
        c.append(Request.status == f.status)
    if f.colour == "red":
        c.append(Request.due_at < now)
    elif f.colour == "yellow":
        c.append(and_(Request.warn_at <= now, Request.due_at >= now))
    elif f.colour == "green":
        c.append(Request.warn_at > now)
    if f.category_id is not None:
        children = select(Category.id).where(Category.parent_id == f.category_id)
        c.append(or_(Request.category_id == f.category_id, Request.category_id.in_(children)))
    if f.department_id is not None:
        c.append(Request.lead_department_id == f.department_id)
    if f.grid_id is not None:
        c.append(Request.grid_id == f.grid_id)
    if f.channel:
        c.append(Request.channel == f.channel)
    if f.date_from is not None:
        c.append(Request.registered_at >= dt.datetime.combine(f.date_from, dt.time()))
    if f.date_to is not None:
        c.append(Request.registered_at < dt.datetime.combine(f.date_to + dt.timedelta(days=1), dt.time()))
    if f.resident_id is not None:
        c.append(Request.resident_id == f.resident_id)
    if f.number.strip():
        # A prefix range on the unique index (LIKE would scan: it folds case).
        number = f.number.strip()
        c.append(and_(Request.number >= number, Request.number < number + "~"))
    return c


def count(session: Session, f: RequestFilter, now: dt.datetime) -> int:
    return session.scalar(select(func.count(Request.id)).where(*_conditions(session, f, now))) or 0


@dataclass(frozen=True)
class RequestRecord:
    id: int
    number: str
    registered_at: dt.datetime
    resident_name: str
    channel: str
    category: str
    urgency: str
    status: str
    department: str
    clock: str | None
    warn_at: dt.datetime | None
    due_at: dt.datetime | None
    head_count: int


def _listing(ids_stmt: Select) -> Select:
    parent = aliased(Category)
    return (
        select(
            Request.id,
            Request.number,
            Request.registered_at,
            Resident.name,
            Request.channel,
            Category.name,
            parent.name,
            Request.urgency,
            Request.status,
            Department.name,
            Request.clock,
            Request.warn_at,
            Request.due_at,
            Request.head_count,
        )
        .join(Resident, Resident.id == Request.resident_id)
        .join(Category, Category.id == Request.category_id)
        .outerjoin(parent, parent.id == Category.parent_id)
        .outerjoin(Department, Department.id == Request.lead_department_id)
        .where(Request.id.in_(ids_stmt))
    )


def page(
    session: Session,
    f: RequestFilter,
    now: dt.datetime,
    offset: int,
    limit: int,
    *,
    order: str = "registered",
) -> list[RequestRecord]:
    key = Request.due_at.asc().nulls_last() if order == "due" else Request.registered_at.desc()
    ids = list(
        session.scalars(
            select(Request.id)
            .where(*_conditions(session, f, now))
            .order_by(key, Request.id.desc())
            .offset(offset)
            .limit(limit)
        )
    )
    return records(session, ids)


def records(session: Session, ids: list[int]) -> list[RequestRecord]:
    if not ids:
        return []
    rows = {r[0]: r for r in session.execute(_listing(select(Request.id).where(Request.id.in_(ids))))}
    out = []
    for i in ids:
        r = rows.get(i)
        if r is None:
            continue
        category = f"{r[6]} / {r[5]}" if r[6] else r[5]
        out.append(
            RequestRecord(
                id=r[0],
                number=r[1],
                registered_at=r[2],
                resident_name=r[3],
                channel=r[4],
                category=category,
                urgency=r[7],
                status=r[8],
                department=r[9] or "",
                clock=r[10],
                warn_at=r[11],
                due_at=r[12],
                head_count=r[13],
            )
        )
    return out


def next_number(session: Session, now: dt.datetime) -> str:
    """The next request number of this month, ``2026-11-000123``.

    Called inside a write transaction: SQLite holds the write lock (BEGIN IMMEDIATE);
    PostgreSQL takes an advisory lock so two desks cannot draw the same number.
    """
    advisory_lock(session, LockKey.REQUEST_NUMBER)
    prefix = f"{now:%Y-%m}-"
    last = session.scalar(
        select(func.max(Request.number)).where(Request.number >= prefix, Request.number < prefix + "~")
    )
    seq = int(last[len(prefix) :]) + 1 if last else 1
    return f"{prefix}{seq:06d}"


def recent_similar(
    session: Session,
    *,
    resident_id: int | None,
    address: str,
    category_id: int | None,
    since: dt.datetime,
    exclude_id: int | None = None,
    limit: int = 10,
) -> list[int]:
    """Ids of possible duplicates: same resident, or same address and category, since ``since``."""
    terms = []
    if resident_id is not None:
        terms.append(Request.resident_id == resident_id)
    if address.strip() and category_id is not None:
        terms.append(and_(Request.address == address.strip(), Request.category_id == category_id))
    if not terms:
        return []
    stmt = (
        select(Request.id)
        .where(or_(*terms), Request.registered_at >= since, Request.status != "merged")
        .order_by(Request.registered_at.desc())
        .limit(limit)
    )
    if exclude_id is not None:
        stmt = stmt.where(Request.id != exclude_id)
    return list(session.scalars(stmt))
