"""The SQL of the orders job (点单服务): the board and one order in full.

The services in ``desktop.orders`` hold the rules and call these named queries; the
registries (menu, providers, funds) are in :mod:`db.orders_registry`, the money (fund
locks and lines, payments) in :mod:`db.orders_money`. The board works at district scale
(100,000 orders): it pages by offset, newest order first, through indexes that lead with
the filtered column and end in ``ordered_at``; "overdue" is a range on ``due_at``, which
the services keep on every order at each step (docs/performance.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, literal_column, select
from sqlalchemy.orm import Session

from db.locks import LockKey, advisory_lock
from db.models import Grid, Request, Resident, User, Volunteer
from db.models_orders import (
    OrderAttachment,
    OrderCandidate,
    OrderEvent,
    OrderFund,
    OrderSession,
    OrderSessionGroup,
    OrderSessionVolunteer,
    OrderTargetTag,
    Provider,
    ServiceOrder,
)
from db.orders_registry import delete_rows

# --- orders: the board -----------------------------------------------------------------------

OPEN_STAGES = (
    "pending_review",
    "to_draft",
    "pending_approval",
    "publicity",
    "to_dispatch",
    "to_accept",
    "in_progress",
    "to_rate",
    "to_check",
    "to_pay",
)


@dataclass(frozen=True)
class OrderFilter:
    """What the board is narrowed to; every field left at its default means "any"."""

    stage: str | None = None  # a stage, "open" (not closed) or None
    overdue: bool = False  # only orders whose stage deadline has passed
    attention: bool = False  # only orders that came back to the community with a warning
    category: str | None = None
    item_id: int | None = None
    provider_id: int | None = None
    fund_id: int | None = None
    grid_id: int | None = None
    resident_id: int | None = None
    date_from: dt.date | None = None  # ordered on or after
    date_to: dt.date | None = None  # ordered on or before
    number: str = ""  # the start of an order number


def _conditions(
    f: OrderFilter, now: dt.datetime, *, with_stage: bool = True, fund_probe: bool = False
) -> list[ColumnElement[bool]]:
    """The filter as SQL conditions. ``fund_probe``: test the fund of each order walked
    (``EXISTS`` on the primary key of ``order_fund``) instead of collecting the fund's
    orders first (``IN``) — the better plan for a page of a large fund, newest first."""
    c: list[ColumnElement[bool]] = []
    if with_stage and f.stage == "open":
        c.append(ServiceOrder.stage.in_(OPEN_STAGES))
    elif with_stage and f.stage:
        c.append(ServiceOrder.stage == f.stage)
    if f.overdue:
        c.append(ServiceOrder.due_at < now)
    if f.attention:
        c.append(ServiceOrder.attention > "")  # a range on the index ("!=" would scan)
    if f.category:
        c.append(ServiceOrder.category == f.category)
    if f.item_id is not None:
        c.append(ServiceOrder.item_id == f.item_id)
    if f.provider_id is not None:
        c.append(ServiceOrder.provider_id == f.provider_id)
    if f.fund_id is not None and fund_probe:
        c.append(
            select(OrderFund.order_id)
            .where(OrderFund.order_id == ServiceOrder.id, OrderFund.fund_id == f.fund_id)
            .exists()
        )
    elif f.fund_id is not None:
        c.append(ServiceOrder.id.in_(select(OrderFund.order_id).where(OrderFund.fund_id == f.fund_id)))
    if f.grid_id is not None:
        c.append(ServiceOrder.grid_id == f.grid_id)
    if f.resident_id is not None:
        c.append(ServiceOrder.resident_id == f.resident_id)
    if f.date_from is not None:
        c.append(ServiceOrder.ordered_at >= dt.datetime.combine(f.date_from, dt.time()))
    if f.date_to is not None:
        c.append(ServiceOrder.ordered_at < dt.datetime.combine(f.date_to + dt.timedelta(days=1), dt.time()))
    number = f.number.replace("\x00", "").strip().upper()
    if number:
        # A prefix range on the unique index (LIKE would scan: it folds case).
        c.append(and_(ServiceOrder.number >= number, ServiceOrder.number < number + "~"))
    return c


def board_conditions(f: OrderFilter, now: dt.datetime) -> list[ColumnElement[bool]]:
    """The board's filter as SQL conditions (the Excel export writes the same rows)."""
    return _conditions(f, now)


def count(session: Session, f: OrderFilter, now: dt.datetime) -> int:
    """How many orders match ``f`` at ``now`` (overdue depends on the time)."""
    return session.scalar(select(func.count(ServiceOrder.id)).where(*_conditions(f, now))) or 0


def stage_counts(session: Session, f: OrderFilter, now: dt.datetime) -> dict[str, tuple[int, int]]:
    """Stage → (orders, of which overdue) among the orders matching ``f`` (its own stage
    left out, so the board can show every column's count while one is selected).

    Two grouped counts. Grouping by the plain column lets SQLite walk
    ``ix_service_order_stage`` — ideal without a filter, or with dates (a skip-scan of
    the same index) — but with a selective filter it would still walk all of it and
    look up every row. Grouping by ``stage || ''`` instead lets the filter's own index
    (and for the overdue count the range ``due_at < now`` of ``ix_service_order_due``)
    lead, and sorts the few rows found.
    """
    where = _conditions(f, now, with_stage=False)
    led_by_stage = (
        not any(
            (
                f.overdue,
                f.attention,
                f.category,
                f.item_id,
                f.provider_id,
                f.fund_id,
                f.grid_id,
                f.resident_id,
            )
        )
        and not f.number.strip()
    )
    by_filter = ServiceOrder.stage.concat(literal_column("''"))
    key = ServiceOrder.stage if led_by_stage else by_filter
    counts = session.execute(select(key, func.count()).where(*where).group_by(key))
    late = session.execute(
        select(by_filter, func.count()).where(*where, ServiceOrder.due_at < now).group_by(by_filter)
    )
    overdue = {stage: n for stage, n in late}
    return {stage: (n, overdue.get(stage, 0)) for stage, n in counts}


def page_ids(session: Session, f: OrderFilter, now: dt.datetime, offset: int, limit: int) -> list[int]:
    """Ids of one page of the orders matching ``f``, newest order first.

    A fund that pays for a good share of the orders is probed order by order along
    ``ix_service_order_ordered`` (the page is found after a few dozen); a small fund's
    orders are collected first.
    """
    probe = False
    if f.fund_id is not None:
        of_fund = session.scalar(select(func.count()).where(OrderFund.fund_id == f.fund_id)) or 0
        orders = session.scalar(select(func.max(ServiceOrder.id))) or 0
        probe = of_fund * 20 > orders
    return list(
        session.scalars(
            select(ServiceOrder.id)
            .where(*_conditions(f, now, fund_probe=probe))
            .order_by(ServiceOrder.ordered_at.desc(), ServiceOrder.id.desc())
            .offset(offset)
            .limit(limit)
        )
    )


@dataclass(frozen=True)
class OrderRecord:
    """One order as the board shows it, with the names of what it refers to."""

    id: int
    number: str
    ordered_at: dt.datetime
    resident_id: int
    resident_name: str
    grid: str
    category: str
    title: str
    stage: str
    attention: str
    provider: str
    budget: int
    contract_amount: int | None
    deadline: dt.date | None
    due_at: dt.datetime | None


def records(session: Session, ids: Sequence[int]) -> list[OrderRecord]:
    """The orders of ``ids`` in that order (ids no longer found are left out)."""
    if not ids:
        return []
    stmt = (
        select(
            ServiceOrder.id,
            ServiceOrder.number,
            ServiceOrder.ordered_at,
            ServiceOrder.resident_id,
            Resident.name,
            Grid.name,
            ServiceOrder.category,
            ServiceOrder.title,
            ServiceOrder.stage,
            ServiceOrder.attention,
            Provider.name,
            ServiceOrder.budget,
            ServiceOrder.contract_amount,
            ServiceOrder.deadline,
            ServiceOrder.due_at,
        )
        .join(Resident, Resident.id == ServiceOrder.resident_id)
        .outerjoin(Grid, Grid.id == ServiceOrder.grid_id)
        .outerjoin(Provider, Provider.id == ServiceOrder.provider_id)
        .where(ServiceOrder.id.in_(list(ids)))
    )
    rows = {r[0]: r for r in session.execute(stmt)}
    out = []
    for i in ids:
        r = rows.get(i)
        if r is not None:
            out.append(
                OrderRecord(
                    id=r[0],
                    number=r[1],
                    ordered_at=r[2],
                    resident_id=r[3],
                    resident_name=r[4],
                    grid=r[5] or "",
                    category=r[6],
                    title=r[7],
                    stage=r[8],
                    attention=r[9],
                    provider=r[10] or "",
                    budget=r[11],
                    contract_amount=r[12],
                    deadline=r[13],
                    due_at=r[14],
                )
            )
    return out


def expired_dispatches(session: Session, now: dt.datetime, limit: int = 1000) -> list[int]:
    """Ids of orders waiting for a provider whose accept-by moment has passed."""
    return list(
        session.scalars(
            select(ServiceOrder.id)
            .where(ServiceOrder.due_at < now, ServiceOrder.stage == "to_accept")
            .order_by(ServiceOrder.due_at)
            .limit(limit)
        )
    )


def orders_of_request(session: Session, request_id: int) -> list[tuple[int, str, str]]:
    """(id, number, stage) of the orders made from a registered request."""
    return [
        (i, n, s)
        for i, n, s in session.execute(
            select(ServiceOrder.id, ServiceOrder.number, ServiceOrder.stage)
            .where(ServiceOrder.request_id == request_id)
            .order_by(ServiceOrder.id)
        )
    ]


# --- orders: writing and one order -----------------------------------------------------------


def next_number(session: Session, now: dt.datetime) -> str:
    """The next order number of this month, ``DD202612-00001``.

    Called inside a write transaction: SQLite holds the write lock (BEGIN IMMEDIATE);
    PostgreSQL takes an advisory lock so two desks cannot draw the same number.
    """
    advisory_lock(session, LockKey.ORDER_NUMBER)
    prefix = f"DD{now:%Y%m}-"
    last = session.scalar(
        select(func.max(ServiceOrder.number)).where(
            ServiceOrder.number >= prefix, ServiceOrder.number < prefix + "~"
        )
    )
    seq = int(last[len(prefix) :]) + 1 if last else 1
    return f"{prefix}{seq:05d}"


def request_basics(session: Session, request_id: int) -> tuple[int, str] | None:
    """(resident id, description) of a registered request, or None."""
    row = session.execute(
        select(Request.resident_id, Request.description).where(Request.id == request_id)
    ).one_or_none()
    return (row[0], row[1]) if row else None


def request_number(session: Session, request_id: int) -> str:
    return session.scalar(select(Request.number).where(Request.id == request_id)) or ""


def target_tag_ids(session: Session, order_id: int) -> list[int]:
    return list(
        session.scalars(
            select(OrderTargetTag.tag_id)
            .where(OrderTargetTag.order_id == order_id)
            .order_by(OrderTargetTag.tag_id)
        )
    )


def replace_target_tags(session: Session, order_id: int, tag_ids: Sequence[int]) -> None:
    delete_rows(session, select(OrderTargetTag).where(OrderTargetTag.order_id == order_id))
    session.add_all(OrderTargetTag(order_id=order_id, tag_id=t) for t in dict.fromkeys(tag_ids))


def candidates(session: Session, order_id: int) -> list[OrderCandidate]:
    """The providers an order is (or was last) offered to, in order of their id."""
    return list(
        session.scalars(
            select(OrderCandidate)
            .where(OrderCandidate.order_id == order_id)
            .order_by(OrderCandidate.provider_id)
        )
    )


def replace_candidates(session: Session, order_id: int, provider_ids: Sequence[int]) -> None:
    delete_rows(session, select(OrderCandidate).where(OrderCandidate.order_id == order_id))
    session.add_all(OrderCandidate(order_id=order_id, provider_id=p) for p in dict.fromkeys(provider_ids))


def events(session: Session, order_id: int) -> list[OrderEvent]:
    """An order's events, oldest first: its whole history."""
    return list(
        session.scalars(
            select(OrderEvent).where(OrderEvent.order_id == order_id).order_by(OrderEvent.at, OrderEvent.id)
        )
    )


def sessions(session: Session, order_id: int) -> list[OrderSession]:
    """The sessions reported for an order, by date."""
    return list(
        session.scalars(
            select(OrderSession)
            .where(OrderSession.order_id == order_id)
            .order_by(OrderSession.held_on, OrderSession.id)
        )
    )


def session_groups(session: Session, session_ids: Sequence[int]) -> dict[int, list[tuple[int, int]]]:
    """Session id → [(tag id, people)]."""
    out: dict[int, list[tuple[int, int]]] = {}
    for sid, tag_id, people in session.execute(
        select(OrderSessionGroup.session_id, OrderSessionGroup.tag_id, OrderSessionGroup.people)
        .where(OrderSessionGroup.session_id.in_(list(session_ids)))
        .order_by(OrderSessionGroup.tag_id)
    ):
        out.setdefault(sid, []).append((tag_id, people))
    return out


@dataclass(frozen=True)
class SessionVolunteerRecord:
    session_id: int
    volunteer_id: int
    name: str
    minutes: int
    service_record_id: int | None


def session_volunteers(session: Session, session_ids: Sequence[int]) -> list[SessionVolunteerRecord]:
    rows = session.execute(
        select(
            OrderSessionVolunteer.session_id,
            OrderSessionVolunteer.volunteer_id,
            Resident.name,
            OrderSessionVolunteer.minutes,
            OrderSessionVolunteer.service_record_id,
        )
        .join(Volunteer, Volunteer.id == OrderSessionVolunteer.volunteer_id)
        .join(Resident, Resident.id == Volunteer.resident_id)
        .where(OrderSessionVolunteer.session_id.in_(list(session_ids)))
        .order_by(OrderSessionVolunteer.session_id, OrderSessionVolunteer.volunteer_id)
    )
    return [SessionVolunteerRecord(*r) for r in rows]


def active_volunteers(session: Session, volunteer_ids: Sequence[int]) -> dict[int, str]:
    """Volunteer id → name, for those of ``volunteer_ids`` who are active volunteers."""
    return dict(
        session.execute(
            select(Volunteer.id, Resident.name)
            .join(Resident, Resident.id == Volunteer.resident_id)
            .where(Volunteer.id.in_(list(volunteer_ids)), Volunteer.is_active)
        ).all()
    )


def group_totals(session: Session, order_id: int) -> dict[int, int]:
    """Key group (tag id) → people of that group served over all the order's sessions."""
    return dict(
        session.execute(
            select(OrderSessionGroup.tag_id, func.sum(OrderSessionGroup.people))
            .join(OrderSession, OrderSession.id == OrderSessionGroup.session_id)
            .where(OrderSession.order_id == order_id)
            .group_by(OrderSessionGroup.tag_id)
        ).all()
    )


@dataclass(frozen=True)
class AttachmentRecord:
    id: int
    kind: str
    filename: str
    size: int
    session_id: int | None
    added_at: dt.datetime


def attachments(
    session: Session, *, order_id: int | None = None, provider_id: int | None = None
) -> list[AttachmentRecord]:
    """The files kept with an order or a provider, in the order they were added."""
    where = (
        OrderAttachment.order_id == order_id
        if order_id is not None
        else OrderAttachment.provider_id == provider_id
    )
    return [
        AttachmentRecord(*r)
        for r in session.execute(
            select(
                OrderAttachment.id,
                OrderAttachment.kind,
                OrderAttachment.filename,
                OrderAttachment.size,
                OrderAttachment.session_id,
                OrderAttachment.added_at,
            )
            .where(where)
            .order_by(OrderAttachment.id)
        )
    ]


def user_full_names(session: Session) -> dict[int, str]:
    """User id → full name, as colleagues know each other in a history (李秀英, not a login)."""
    return dict(session.execute(select(User.id, User.full_name)).all())
