"""The SQL of the requests job (诉求): lists, one request, its lifecycle, the catalogue
and the 30135 limits.

The services in ``desktop.requests`` hold the rules and call these named queries; the
SQL lives here so that a change of schema or index is made in one module.

Lists work at district scale (1,000,000 requests): they are paged by offset in
registration order (newest first) through indexes that lead with the filtered column and
end in ``registered_at``; the clock colour is a range on ``due_at``/``warn_at`` against
the current time, kept on the row by the service.

The list's one search box (``RequestFilter.text``) finds a request by its number (a
prefix range on the unique index), by its resident (the register's own search, so name,
pinyin initials, phone and ID number go through the residents' indexes, then the
requests of those residents through ``ix_request_resident``) and by words of its
description (a ``LIKE`` scan: cheap at centre scale, see docs/performance.md for the
district).

Category labels ("父 / 子") are built by the services (``desktop.common.labels``); the
queries return the two names apart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, delete, func, or_, select
from sqlalchemy.orm import Session, aliased

from db import residents as resident_repo
from db.locks import LockKey, advisory_lock
from db.models import (
    Attachment,
    CalendarOverride,
    Category,
    ClockLimit,
    Department,
    FollowUp,
    Request,
    RequestAssist,
    RequestEvent,
    Resident,
    ResponseTemplate,
    User,
)

OPEN = ("assigned", "accepted", "answered", "resolved")
WAITING = ("registered", "returned", "reopened")
"""Waiting for a (new) assignment: registered without a department, returned, reopened."""

NUMBER_TYPED = re.compile(r"\d{4}-\d{0,2}(-\d{0,6})?")
"""Text shaped like the start of a request number (``2026-11``, ``2026-11-0001``)."""
DESCRIPTION_MIN = 2
"""Words of a description are searched from two characters on (one matches too much)."""


# --- lists -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestFilter:
    """What a request list is narrowed to; every field left at its default means "any"."""

    status: str | None = None  # a status, "open" (a clock is running), "waiting" (WAITING) or None
    colour: str | None = None  # red | yellow | green
    category_id: int | None = None  # a top-level category includes its children
    department_id: int | None = None
    grid_id: int | None = None
    channel: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    resident_id: int | None = None
    number: str = ""  # the start of a request number
    text: str = ""  # the search box: number, resident (name, initials, phone), description


def _text_condition(session: Session, text: str) -> ColumnElement[bool] | None:
    """Requests whose number starts with ``text``, whose resident the register's search
    finds with it, or whose description contains it (None: nothing typed)."""
    q = text.replace("\x00", "").strip()
    if not q:
        return None
    number = _number_prefix(q)
    if NUMBER_TYPED.fullmatch(q):
        return number
    terms = [number]
    residents = resident_repo.matches(session, resident_repo.ResidentFilter(text=q, include_archived=True))
    if residents is not None:
        terms.append(Request.resident_id.in_(select(residents.c.id)))
    if len(q) >= DESCRIPTION_MIN and not q.isascii():
        # Chinese words: a scan of the descriptions (ASCII is initials, digits or a number).
        terms.append(func.lower(Request.description).contains(q.lower(), autoescape=True))
    return or_(*terms)


def _number_prefix(number: str) -> ColumnElement[bool]:
    # A prefix range on the unique index (LIKE would scan: it folds case).
    return and_(Request.number >= number, Request.number < number + "~")


def _conditions(session: Session, f: RequestFilter, now: dt.datetime) -> list[ColumnElement[bool]]:
    c: list[ColumnElement[bool]] = []
    if f.status == "open":
        c.append(Request.due_at.is_not(None))
    elif f.status == "waiting":
        c.append(Request.status.in_(WAITING))
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
        c.append(_number_prefix(f.number.strip()))
    text = _text_condition(session, f.text)
    if text is not None:
        c.append(text)
    return c


def count(session: Session, f: RequestFilter, now: dt.datetime) -> int:
    """How many requests match ``f`` at ``now`` (the colour filters depend on the time)."""
    return session.scalar(select(func.count(Request.id)).where(*_conditions(session, f, now))) or 0


@dataclass(frozen=True)
class RequestRecord:
    """One request as a list shows it, with the names of what it refers to."""

    id: int
    number: str
    registered_at: dt.datetime
    resident_name: str
    channel: str
    category: str  # the category's own name
    parent_category: str | None  # its parent's name (None at the top level)
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
    """One page of the requests matching ``f``: newest first, most urgent due first
    (``order="due"``; requests without a running clock last), or waiting longest first
    (``order="oldest"``)."""
    key = {
        "due": Request.due_at.asc().nulls_last(),
        "oldest": Request.registered_at.asc(),
    }.get(order, Request.registered_at.desc())
    ids = list(
        session.scalars(
            select(Request.id)
            .where(*_conditions(session, f, now))
            .order_by(key, Request.id.asc() if order == "oldest" else Request.id.desc())
            .offset(offset)
            .limit(limit)
        )
    )
    return records(session, ids)


def records(session: Session, ids: Sequence[int]) -> list[RequestRecord]:
    """The requests of ``ids`` in that order (ids no longer found are left out)."""
    if not ids:
        return []
    rows = {r[0]: r for r in session.execute(_listing(select(Request.id).where(Request.id.in_(ids))))}
    out = []
    for i in ids:
        r = rows.get(i)
        if r is None:
            continue
        out.append(
            RequestRecord(
                id=r[0],
                number=r[1],
                registered_at=r[2],
                resident_name=r[3],
                channel=r[4],
                category=r[5],
                parent_category=r[6],
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


# --- registration --------------------------------------------------------------------------
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


def has_active_children(session: Session, category_id: int) -> bool:
    """Whether a category has enabled sub-categories (registration must choose one of them)."""
    return bool(
        session.scalar(
            select(func.count())
            .select_from(Category)
            .where(Category.parent_id == category_id, Category.is_active)
        )
    )


# --- one request -----------------------------------------------------------------------------
@dataclass(frozen=True)
class CategoryName:
    """A category's own name and its parent's (None at the top level)."""

    name: str
    parent: str | None = None


def category_name(session: Session, category_id: int) -> CategoryName | None:
    """The names of one category, or None if it does not exist."""
    category = session.get(Category, category_id)
    if category is None:
        return None
    parent = session.get(Category, category.parent_id) if category.parent_id else None
    return CategoryName(category.name, parent.name if parent else None)


def assist_names(session: Session, request_id: int) -> tuple[str, ...]:
    """The assisting departments (协办单位) of a request, in order of entry."""
    return tuple(
        session.scalars(
            select(Department.name)
            .join(RequestAssist, RequestAssist.department_id == Department.id)
            .where(RequestAssist.request_id == request_id)
            .order_by(Department.id)
        )
    )


def merged_ids(session: Session, request_id: int) -> list[int]:
    """The duplicates merged into a request."""
    return list(session.scalars(select(Request.id).where(Request.merged_into_id == request_id)))


def numbers(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """Request id → request number (诉求编号)."""
    return dict(session.execute(select(Request.id, Request.number).where(Request.id.in_(ids))).all())


def department_names(session: Session) -> dict[int, str]:
    """Department id → name, every department (disabled ones too: history refers to them)."""
    return dict(session.execute(select(Department.id, Department.name)).all())


def user_full_names(session: Session) -> dict[int, str]:
    """User id → full name, as colleagues know each other in a timeline (李秀英, not a login)."""
    return dict(session.execute(select(User.id, User.full_name)).all())


def events(session: Session, request_ids: Sequence[int]) -> list[RequestEvent]:
    """The events of these requests, oldest first: one timeline."""
    return list(
        session.scalars(
            select(RequestEvent)
            .where(RequestEvent.request_id.in_(request_ids))
            .order_by(RequestEvent.at, RequestEvent.id)
        )
    )


@dataclass(frozen=True)
class AttachmentRecord:
    """A file kept with a request (the file itself is in the attachment store)."""

    id: int
    filename: str
    size: int  # bytes


def attachments(session: Session, request_id: int) -> list[AttachmentRecord]:
    """The files attached to a request, in the order they were added."""
    return [
        AttachmentRecord(i, name, size)
        for i, name, size in session.execute(
            select(Attachment.id, Attachment.filename, Attachment.size)
            .where(Attachment.request_id == request_id)
            .order_by(Attachment.id)
        ).all()
    ]


# --- the lifecycle ---------------------------------------------------------------------------
def replace_assists(session: Session, request_id: int, department_ids: Sequence[int]) -> None:
    """Make ``department_ids`` the assisting departments of a request (at an assignment)."""
    session.execute(delete(RequestAssist).where(RequestAssist.request_id == request_id))
    session.flush()
    for department_id in department_ids:
        session.add(RequestAssist(request_id=request_id, department_id=department_id))


def open_follow_up(session: Session, request_id: int) -> FollowUp | None:
    """The follow-up call (回访) of a request that is not done yet, if any."""
    return session.scalar(
        select(FollowUp).where(FollowUp.request_id == request_id, FollowUp.done_at.is_(None))
    )


def follow_ups_due(session: Session, before: dt.datetime, limit: int) -> list[int]:
    """Ids of the requests whose follow-up call is due before ``before``, earliest first."""
    return list(
        session.scalars(
            select(FollowUp.request_id)
            .where(FollowUp.done_at.is_(None), FollowUp.due_at < before)
            .order_by(FollowUp.due_at)
            .limit(limit)
        )
    )


def count_follow_ups_due(session: Session, before: dt.datetime) -> int:
    """How many follow-up calls not done yet are due before ``before``."""
    return (
        session.scalar(
            select(func.count())
            .select_from(FollowUp)
            .where(FollowUp.done_at.is_(None), FollowUp.due_at < before)
        )
        or 0
    )


# --- the catalogue: categories, departments, response templates -----------------------------
@dataclass(frozen=True)
class CategoryRecord:
    """One category row (two levels: ``parent_id`` None at the top)."""

    id: int
    parent_id: int | None
    name: str
    sort_order: int
    is_active: bool


def has_categories(session: Session) -> bool:
    """Whether any category exists (the reference data has been written)."""
    return session.scalar(select(Category.id).limit(1)) is not None


def categories(session: Session, *, active_only: bool = False) -> list[CategoryRecord]:
    """Every category (or only the enabled ones), in their order among siblings."""
    stmt = select(
        Category.id, Category.parent_id, Category.name, Category.sort_order, Category.is_active
    ).order_by(Category.sort_order, Category.id)
    if active_only:
        stmt = stmt.where(Category.is_active)
    return [CategoryRecord(*row) for row in session.execute(stmt)]


def category_names(session: Session) -> dict[int, CategoryName]:
    """Category id → its own name and its parent's, for every category."""
    rows = session.execute(select(Category.id, Category.parent_id, Category.name)).all()
    by_id = {i: name for i, _parent, name in rows}
    return {
        i: CategoryName(name, by_id.get(parent) if parent is not None else None) for i, parent, name in rows
    }


def category_parents(session: Session) -> dict[int, int | None]:
    """Category id → parent id (None at the top level)."""
    return dict(session.execute(select(Category.id, Category.parent_id)).all())


def sibling_categories(session: Session, parent_id: int | None) -> list[Category]:
    """The categories on one level (top level: ``parent_id`` None), in their order."""
    where = Category.parent_id.is_(None) if parent_id is None else Category.parent_id == parent_id
    return list(session.scalars(select(Category).where(where).order_by(Category.sort_order, Category.id)))


def last_sort_order(session: Session, parent_id: int | None) -> int | None:
    """The highest ``sort_order`` on one level, None when the level is empty."""
    where = Category.parent_id.is_(None) if parent_id is None else Category.parent_id == parent_id
    return session.scalar(select(func.max(Category.sort_order)).where(where))


def departments(session: Session, *, active_only: bool = False) -> list[Department]:
    """Every department (or only the enabled ones), in order of entry."""
    stmt = select(Department).order_by(Department.id)
    if active_only:
        stmt = stmt.where(Department.is_active)
    return list(session.scalars(stmt))


def templates(session: Session, category_id: int | None = None) -> list[ResponseTemplate]:
    """Response templates (答复模板) in order of entry: all of them, or those offered for
    ``category_id`` (its own and those for any category)."""
    stmt = select(ResponseTemplate).order_by(ResponseTemplate.id)
    if category_id is not None:
        stmt = stmt.where(
            ResponseTemplate.category_id.is_(None) | (ResponseTemplate.category_id == category_id)
        )
    return list(session.scalars(stmt))


# --- the 30135 limits and the calendar corrections --------------------------------------------
def clock_limits(session: Session) -> list[ClockLimit]:
    """Every ``clock_limit`` row."""
    return list(session.scalars(select(ClockLimit)))


def clock_limit(session: Session, urgency: str | None, category_id: int | None) -> ClockLimit | None:
    """The limit row of exactly this scope (None: "any" urgency / category)."""
    return session.scalars(
        select(ClockLimit).where(
            ClockLimit.urgency.is_(None) if urgency is None else ClockLimit.urgency == urgency,
            ClockLimit.category_id.is_(None)
            if category_id is None
            else ClockLimit.category_id == category_id,
        )
    ).first()


def calendar_overrides(session: Session, year: int | None = None) -> list[CalendarOverride]:
    """The administrator's calendar corrections (of one year, or all), oldest first."""
    stmt = select(CalendarOverride).order_by(CalendarOverride.day)
    if year is not None:
        stmt = stmt.where(
            CalendarOverride.day >= dt.date(year, 1, 1), CalendarOverride.day <= dt.date(year, 12, 31)
        )
    return list(session.scalars(stmt))
