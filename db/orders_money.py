"""The SQL of the orders job's money: fund locks, an order's fund lines, payments, and
the check that the cached sums equal the fund entries.

Funds are locked with ``SELECT … FOR UPDATE`` (PostgreSQL; SQLite's write transactions
hold the whole database already) in id order, so two desks committing or paying from
the same fund queue instead of both spending what is left, and cannot deadlock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from db.models_orders import (
    Fund,
    FundEntry,
    OrderFund,
    OrderPayment,
    Provider,
    ServiceOrder,
)
from db.orders_registry import delete_rows


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
    delete_rows(session, select(OrderFund).where(OrderFund.order_id == order_id))


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
