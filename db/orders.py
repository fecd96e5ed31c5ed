"""The SQL of the orders job (点单服务): the menu, providers, funds, the board, one order,
performance and the monthly purchase statement.

The services in ``desktop.orders`` hold the rules and call these named queries. The
board works at district scale (100,000 orders): it pages by offset, newest order first,
through indexes that lead with the filtered column and end in ``ordered_at``; "overdue"
is a range on ``due_at``, which the services keep on every order at each step. Funds
are locked with ``SELECT … FOR UPDATE`` (PostgreSQL; SQLite's write transactions hold
the whole database already) in id order, so two desks committing or paying from the
same fund queue instead of both spending what is left.

One cohesive module of named queries, a little over the house's 600 lines: splitting it
would scatter the job's SQL over files that each only make sense together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, case, func, literal_column, select
from sqlalchemy.orm import Session

from db.locks import LockKey, advisory_lock
from db.models import Grid, Request, Resident, Tag, Team, User, Volunteer
from db.models_orders import (
    Fund,
    FundEntry,
    FundExclusion,
    OrderAttachment,
    OrderCandidate,
    OrderEvent,
    OrderFund,
    OrderPayment,
    OrderSession,
    OrderSessionGroup,
    OrderSessionVolunteer,
    OrderTargetTag,
    Provider,
    ProviderArea,
    ProviderInspection,
    ServiceItem,
    ServiceItemTag,
    ServiceOrder,
)


def _delete(session: Session, rows: Select) -> None:
    """Delete the rows one by one through the ORM and flush, so that what changed is
    announced with its ids (a bulk DELETE would announce "anything", see db.changes)."""
    for row in session.scalars(rows):
        session.delete(row)
    session.flush()


# --- the menu --------------------------------------------------------------------------------


def menu_items(session: Session, *, active_only: bool = False) -> list[ServiceItem]:
    """Menu items by category — categories in the order they were first entered (the
    same on SQLite and PostgreSQL, whose collations differ) — then in their order."""
    stmt = select(ServiceItem).order_by(ServiceItem.id)
    if active_only:
        stmt = stmt.where(ServiceItem.is_active)
    items = list(session.scalars(stmt))
    rank: dict[str, int] = {}
    for item in items:
        rank.setdefault(item.category, len(rank))
    return sorted(items, key=lambda i: (rank[i.category], i.sort_order, i.id))


def menu_categories(session: Session, *, active_only: bool = True) -> list[str]:
    """The categories of the menu, in the order they were first entered."""
    return list(dict.fromkeys(i.category for i in menu_items(session, active_only=active_only)))


def item_tag_ids(session: Session, item_ids: Iterable[int] | None = None) -> dict[int, list[int]]:
    """Menu item id → the key groups (tag ids) it is meant for."""
    stmt = select(ServiceItemTag.item_id, ServiceItemTag.tag_id).order_by(ServiceItemTag.tag_id)
    if item_ids is not None:
        stmt = stmt.where(ServiceItemTag.item_id.in_(list(item_ids)))
    out: dict[int, list[int]] = {}
    for item_id, tag_id in session.execute(stmt):
        out.setdefault(item_id, []).append(tag_id)
    return out


def replace_item_tags(session: Session, item_id: int, tag_ids: Sequence[int]) -> None:
    _delete(session, select(ServiceItemTag).where(ServiceItemTag.item_id == item_id))
    session.add_all(ServiceItemTag(item_id=item_id, tag_id=t) for t in dict.fromkeys(tag_ids))


def item_named(session: Session, category: str, name: str) -> int | None:
    """The id of the menu item of that category and name (case as typed), if any."""
    return session.scalar(
        select(ServiceItem.id).where(ServiceItem.category == category, ServiceItem.name == name)
    )


def last_item_sort(session: Session, category: str) -> int:
    return (
        session.scalar(select(func.max(ServiceItem.sort_order)).where(ServiceItem.category == category)) or 0
    )


def tag_names(session: Session) -> dict[int, str]:
    """Key group (tag) id → name."""
    return dict(session.execute(select(Tag.id, Tag.name)).all())


# --- providers -------------------------------------------------------------------------------


def providers(session: Session, *, active_only: bool = False, kind: str | None = None) -> list[Provider]:
    """Providers in the order they were registered (the services sort them for people)."""
    stmt = select(Provider).order_by(Provider.id)
    if active_only:
        stmt = stmt.where(Provider.is_active)
    if kind:
        stmt = stmt.where(Provider.kind == kind)
    return list(session.scalars(stmt))


def provider_areas(session: Session, provider_ids: Iterable[int] | None = None) -> dict[int, list[str]]:
    """Provider id → its service areas (menu categories)."""
    stmt = select(ProviderArea.provider_id, ProviderArea.category).order_by(ProviderArea.category)
    if provider_ids is not None:
        stmt = stmt.where(ProviderArea.provider_id.in_(list(provider_ids)))
    out: dict[int, list[str]] = {}
    for provider_id, category in session.execute(stmt):
        out.setdefault(provider_id, []).append(category)
    return out


def replace_areas(session: Session, provider_id: int, categories: Sequence[str]) -> None:
    _delete(session, select(ProviderArea).where(ProviderArea.provider_id == provider_id))
    session.add_all(ProviderArea(provider_id=provider_id, category=c) for c in dict.fromkeys(categories))


def provider_id_by(
    session: Session, *, name: str | None = None, credit_code: str | None = None
) -> int | None:
    """The provider with this name or this credit code, if any."""
    if name is not None:
        return session.scalar(select(Provider.id).where(Provider.name == name))
    return session.scalar(select(Provider.id).where(Provider.credit_code == credit_code))


def inspections(session: Session, provider_id: int) -> list[ProviderInspection]:
    """A provider's 年检/年报 results, latest year first."""
    return list(
        session.scalars(
            select(ProviderInspection)
            .where(ProviderInspection.provider_id == provider_id)
            .order_by(ProviderInspection.year.desc())
        )
    )


def latest_inspections(session: Session) -> dict[int, tuple[int, str]]:
    """Provider id → (year, result) of its latest 年检/年报."""
    latest = (
        select(ProviderInspection.provider_id, func.max(ProviderInspection.year).label("year"))
        .group_by(ProviderInspection.provider_id)
        .subquery()
    )
    rows = session.execute(
        select(ProviderInspection.provider_id, ProviderInspection.year, ProviderInspection.result).join(
            latest,
            and_(
                latest.c.provider_id == ProviderInspection.provider_id,
                latest.c.year == ProviderInspection.year,
            ),
        )
    )
    return {provider_id: (year, result) for provider_id, year, result in rows}


def team_names(session: Session) -> dict[int, str]:
    """Love-bank team id → name (a volunteer-team provider may name its team)."""
    return dict(session.execute(select(Team.id, Team.name)).all())


# --- funds -----------------------------------------------------------------------------------


def funds(session: Session, *, year: int | None = None, active_only: bool = False) -> list[Fund]:
    """Funds, latest year first, then in the order they were entered."""
    stmt = select(Fund).order_by(Fund.year.desc(), Fund.id)
    if year is not None:
        stmt = stmt.where(Fund.year == year)
    if active_only:
        stmt = stmt.where(Fund.is_active)
    return list(session.scalars(stmt))


def fund_exclusions(session: Session, fund_ids: Iterable[int] | None = None) -> dict[int, list[str]]:
    """Fund id → the menu categories it may not pay for."""
    stmt = select(FundExclusion.fund_id, FundExclusion.category).order_by(FundExclusion.category)
    if fund_ids is not None:
        stmt = stmt.where(FundExclusion.fund_id.in_(list(fund_ids)))
    out: dict[int, list[str]] = {}
    for fund_id, category in session.execute(stmt):
        out.setdefault(fund_id, []).append(category)
    return out


def replace_exclusions(session: Session, fund_id: int, categories: Sequence[str]) -> None:
    _delete(session, select(FundExclusion).where(FundExclusion.fund_id == fund_id))
    session.add_all(FundExclusion(fund_id=fund_id, category=c) for c in dict.fromkeys(categories))


def fund_id_by_name(session: Session, name: str) -> int | None:
    return session.scalar(select(Fund.id).where(Fund.name == name))


def lock_funds(session: Session, fund_ids: Iterable[int]) -> dict[int, Fund]:
    """The funds of ``fund_ids``, locked until the transaction ends (in id order, so two
    desks locking the same funds cannot deadlock) and read fresh from the database."""
    ids = sorted(set(fund_ids))
    if not ids:
        return {}
    rows = session.scalars(
        select(Fund)
        .where(Fund.id.in_(ids))
        .order_by(Fund.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return {f.id: f for f in rows}


def fund_lines(session: Session, order_id: int) -> list[OrderFund]:
    """An order's fund lines, in order of the fund's id."""
    return list(
        session.scalars(select(OrderFund).where(OrderFund.order_id == order_id).order_by(OrderFund.fund_id))
    )


def delete_fund_lines(session: Session, order_id: int) -> None:
    """Remove an order's fund lines (only when nothing is committed or paid on them)."""
    _delete(session, select(OrderFund).where(OrderFund.order_id == order_id))


def fund_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Fund.id, Fund.name)).all())


@dataclass(frozen=True)
class FundMismatch:
    """A cache that differs from the sums of ``fund_entry`` (found by ``main.py check``)."""

    fund_id: int
    order_id: int | None  # None: the fund's own cache
    cached: tuple[int, int]  # committed, paid
    summed: tuple[int, int]


def fund_mismatches(session: Session) -> list[FundMismatch]:
    """Funds and order fund lines whose cached committed/paid differ from their entries."""
    out: list[FundMismatch] = []
    sums = {
        fid: (c or 0, p or 0)
        for fid, c, p in session.execute(
            select(
                FundEntry.fund_id, func.sum(FundEntry.committed_delta), func.sum(FundEntry.paid_delta)
            ).group_by(FundEntry.fund_id)
        )
    }
    for fid, committed, paid in session.execute(select(Fund.id, Fund.committed, Fund.paid)):
        summed = sums.get(fid, (0, 0))
        if summed != (committed, paid):
            out.append(FundMismatch(fid, None, (committed, paid), summed))
    line_sums = {
        (oid, fid): (c or 0, p or 0)
        for oid, fid, c, p in session.execute(
            select(
                FundEntry.order_id,
                FundEntry.fund_id,
                func.sum(FundEntry.committed_delta),
                func.sum(FundEntry.paid_delta),
            ).group_by(FundEntry.order_id, FundEntry.fund_id)
        )
    }
    lines = {
        (oid, fid): (c, p)
        for oid, fid, c, p in session.execute(
            select(OrderFund.order_id, OrderFund.fund_id, OrderFund.committed, OrderFund.paid)
        )
    }
    for key in sorted(set(line_sums) | set(lines)):
        cached, summed = lines.get(key, (0, 0)), line_sums.get(key, (0, 0))
        if cached != summed:
            out.append(FundMismatch(key[1], key[0], cached, summed))
    return out


@dataclass(frozen=True)
class PaymentRecord:
    """A payment with the names of what it refers to."""

    id: int
    order_id: int
    order_number: str
    order_title: str
    fund_id: int
    fund: str
    provider_id: int
    provider: str
    tranche: str
    amount: int
    deduction: int
    deduction_reason: str
    over_contract_reason: str
    paid_on: dt.date
    voucher: str
    note: str
    at: dt.datetime
    username: str


def _payments(*where: ColumnElement[bool]):
    return (
        select(
            OrderPayment.id,
            OrderPayment.order_id,
            ServiceOrder.number,
            ServiceOrder.title,
            OrderPayment.fund_id,
            Fund.name,
            OrderPayment.provider_id,
            Provider.name,
            OrderPayment.tranche,
            OrderPayment.amount,
            OrderPayment.deduction,
            OrderPayment.deduction_reason,
            OrderPayment.over_contract_reason,
            OrderPayment.paid_on,
            OrderPayment.voucher,
            OrderPayment.note,
            OrderPayment.at,
            OrderPayment.username,
        )
        .join(ServiceOrder, ServiceOrder.id == OrderPayment.order_id)
        .join(Fund, Fund.id == OrderPayment.fund_id)
        .join(Provider, Provider.id == OrderPayment.provider_id)
        .where(*where)
    )


def payments(
    session: Session,
    *,
    order_id: int | None = None,
    fund_id: int | None = None,
    paid_from: dt.date | None = None,
    paid_before: dt.date | None = None,
    limit: int | None = None,
) -> list[PaymentRecord]:
    """Payments of an order, of a fund and/or of a period (``paid_from`` ≤ day <
    ``paid_before``), in the order they were paid."""
    where: list[ColumnElement[bool]] = []
    if order_id is not None:
        where.append(OrderPayment.order_id == order_id)
    if fund_id is not None:
        where.append(OrderPayment.fund_id == fund_id)
    if paid_from is not None:
        where.append(OrderPayment.paid_on >= paid_from)
    if paid_before is not None:
        where.append(OrderPayment.paid_on < paid_before)
    stmt = _payments(*where).order_by(OrderPayment.paid_on, OrderPayment.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [PaymentRecord(*row) for row in session.execute(stmt)]


def voucher_used(session: Session, voucher: str) -> bool:
    return session.scalar(select(OrderPayment.id).where(OrderPayment.voucher == voucher)) is not None


def deductions(session: Session, order_id: int) -> int:
    """The sum of the 核减 of an order's payments, in fen."""
    return (
        session.scalar(select(func.sum(OrderPayment.deduction)).where(OrderPayment.order_id == order_id)) or 0
    )


def has_final_payment(session: Session, order_id: int) -> bool:
    return (
        session.scalar(
            select(OrderPayment.id).where(OrderPayment.order_id == order_id, OrderPayment.tranche == "final")
        )
        is not None
    )


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
    number = f.number.strip().upper()
    if number:
        # A prefix range on the unique index (LIKE would scan: it folds case).
        c.append(and_(ServiceOrder.number >= number, ServiceOrder.number < number + "~"))
    return c


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
    _delete(session, select(OrderTargetTag).where(OrderTargetTag.order_id == order_id))
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
    _delete(session, select(OrderCandidate).where(OrderCandidate.order_id == order_id))
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


def provider_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Provider.id, Provider.name)).all())


# --- performance and statements --------------------------------------------------------------


@dataclass(frozen=True)
class PerformanceRecord:
    """What a provider did: raw sums; the services turn them into rates."""

    provider_id: int
    taken: int  # orders it accepted
    finished: int  # of which finished (reported done)
    on_time: int  # of which finished by the deadline
    rated: int
    rating_total: int  # sum of scores 3/2/1
    checked: int  # orders accepted at 验收
    completion_total: int  # sum of their completion percents
    settled: int
    settled_paid: int  # fen paid on settled orders
    settled_people: int  # people served by settled orders


def performance(
    session: Session, provider_ids: Sequence[int] | None = None, *, since: dt.datetime | None = None
) -> dict[int, PerformanceRecord]:
    """Provider id → its performance over the orders it accepted (since ``since``).

    One pass over the orders grouped by provider, and one over the payments of settled
    orders (what they cost), rather than a join of every order with its fund lines.
    """
    o = ServiceOrder
    score = case(
        (o.rating == "satisfied", 3), (o.rating == "basic", 2), (o.rating == "unsatisfied", 1), else_=0
    )
    settled = o.stage == "settled"
    where: list[ColumnElement[bool]] = [o.provider_id.is_not(None), o.accepted_at.is_not(None)]
    if provider_ids is not None:
        where.append(o.provider_id.in_(list(provider_ids)))
    if since is not None:
        where.append(o.accepted_at >= since)
    stmt = (
        select(
            o.provider_id,
            func.count(o.id),
            func.sum(case((o.finished_at.is_not(None), 1), else_=0)),
            func.sum(case((o.on_time.is_(True), 1), else_=0)),
            func.sum(case((o.rating.is_not(None), 1), else_=0)),
            func.sum(score),
            func.sum(case((o.completion_percent.is_not(None), 1), else_=0)),
            func.sum(func.coalesce(o.completion_percent, 0)),
            func.sum(case((settled, 1), else_=0)),
            func.sum(case((settled, o.actual_people), else_=0)),
        )
        .where(*where)
        .group_by(o.provider_id)
    )
    cost = dict(
        session.execute(
            select(o.provider_id, func.sum(OrderPayment.amount))
            .join(OrderPayment, OrderPayment.order_id == o.id)
            .where(*where, settled)
            .group_by(o.provider_id)
        ).all()
    )
    out = {}
    for (
        pid,
        taken,
        finished,
        on_time,
        rated,
        rating,
        checked,
        completion,
        n_settled,
        people,
    ) in session.execute(stmt):
        out[pid] = PerformanceRecord(
            pid,
            taken,
            finished or 0,
            on_time or 0,
            rated or 0,
            rating or 0,
            checked or 0,
            completion or 0,
            n_settled or 0,
            int(cost.get(pid) or 0),
            people or 0,
        )
    return out
