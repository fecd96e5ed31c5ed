"""The SQL of the service-order part of a report (居民点单 → 政府买单): orders placed and
closed in a window, by stage; money paid in the window per fund and per provider; what
the funds have left; providers' finished orders, on time and rated. Counts and sums
only, read with the reports' own SQL (the orders job's code is not used), over the
tables of ``db.models_orders``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from db.models_orders import Fund, OrderEvent, OrderPayment, Provider, ServiceOrder

RATE, REDO = "rate", "redo"  # order_event.action of 群众评单: 满意/基本满意, 不满意


def _in(column, start, end) -> ColumnElement[bool]:
    return and_(column >= start, column < end)


def placed_by_stage(session: Session, start: dt.datetime, end: dt.datetime) -> dict[str, int]:
    """Orders placed (居民点单) in the window, per the stage they are in now."""
    rows = session.execute(
        select(ServiceOrder.stage, func.count())
        .where(_in(ServiceOrder.ordered_at, start, end))
        .group_by(ServiceOrder.stage)
    )
    return {stage: int(n) for stage, n in rows}


def closed(session: Session, start: dt.datetime, end: dt.datetime) -> int:
    """Orders closed (settled, terminated, cancelled or rejected) in the window."""
    return (
        session.scalar(
            select(func.count()).select_from(ServiceOrder).where(_in(ServiceOrder.closed_at, start, end))
        )
        or 0
    )


@dataclass(frozen=True)
class Paid:
    """Money paid in the window to one fund or provider (fen)."""

    key: int
    name: str
    amount: int
    deduction: int  # 核减
    payments: int


def paid_by_fund(session: Session, first: dt.date, last: dt.date) -> list[Paid]:
    """Payments made on days ``[first, last)``, per fund, the most first."""
    rows = session.execute(
        select(
            Fund.id, Fund.name, func.sum(OrderPayment.amount), func.sum(OrderPayment.deduction), func.count()
        )
        .join(Fund, Fund.id == OrderPayment.fund_id)
        .where(_in(OrderPayment.paid_on, first, last))
        .group_by(Fund.id, Fund.name)
        .order_by(func.sum(OrderPayment.amount).desc(), Fund.id)
    )
    return [Paid(i, name, int(a or 0), int(d or 0), int(n)) for i, name, a, d, n in rows]


def paid_by_provider(session: Session, first: dt.date, last: dt.date) -> list[Paid]:
    """Payments made on days ``[first, last)``, per provider, the most first."""
    rows = session.execute(
        select(
            Provider.id,
            Provider.name,
            func.sum(OrderPayment.amount),
            func.sum(OrderPayment.deduction),
            func.count(),
        )
        .join(Provider, Provider.id == OrderPayment.provider_id)
        .where(_in(OrderPayment.paid_on, first, last))
        .group_by(Provider.id, Provider.name)
        .order_by(func.sum(OrderPayment.amount).desc(), Provider.id)
    )
    return [Paid(i, name, int(a or 0), int(d or 0), int(n)) for i, name, a, d, n in rows]


@dataclass(frozen=True)
class FundRecord:
    id: int
    name: str
    year: int
    kind: str
    total: int  # fen
    committed: int  # bound to orders, paid or not
    paid: int


def funds(session: Session, year: int) -> list[FundRecord]:
    """The funds of ``year`` (active or not), in order of entry, with their balances now."""
    rows = session.execute(
        select(Fund.id, Fund.name, Fund.year, Fund.kind, Fund.total, Fund.committed, Fund.paid)
        .where(Fund.year == year)
        .order_by(Fund.id)
    )
    return [FundRecord(i, n, y, k, int(t), int(c), int(p)) for i, n, y, k, t, c, p in rows]


def _answer():
    # A RATE step leaves the order's rating as given (满意 or 基本满意); REDO is 不满意.
    return case((OrderEvent.action == REDO, "unsatisfied"), else_=ServiceOrder.rating)


def ratings(session: Session, start: dt.datetime, end: dt.datetime) -> dict[str, int]:
    """Residents' ratings (群众评单) given in the window: satisfied, basic, unsatisfied."""
    answer = _answer()
    rows = session.execute(
        select(answer, func.count())
        .select_from(OrderEvent)
        .join(ServiceOrder, ServiceOrder.id == OrderEvent.order_id)
        .where(OrderEvent.action.in_((RATE, REDO)), _in(OrderEvent.at, start, end))
        .group_by(answer)
    )
    return {str(a): int(n) for a, n in rows}


def paid(session: Session, first: dt.date, last: dt.date) -> int:
    """Fen paid on days ``[first, last)``."""
    return int(
        session.scalar(
            select(func.coalesce(func.sum(OrderPayment.amount), 0)).where(
                _in(OrderPayment.paid_on, first, last)
            )
        )
        or 0
    )


def placed(session: Session, start: dt.datetime, end: dt.datetime) -> int:
    """Orders placed (居民点单) in the window."""
    return (
        session.scalar(
            select(func.count()).select_from(ServiceOrder).where(_in(ServiceOrder.ordered_at, start, end))
        )
        or 0
    )


@dataclass(frozen=True)
class ProviderTotals:
    """One provider's orders finished in the window and ratings given in it."""

    provider_id: int
    name: str
    finished: int
    on_time: int
    satisfied: int
    basic: int
    unsatisfied: int


def provider_totals(session: Session, start: dt.datetime, end: dt.datetime) -> list[ProviderTotals]:
    """Per provider: orders finished (服务完成) in the window and how many by the deadline,
    and the residents' ratings (群众评单) given in the window."""
    finished = dict(
        (p, (int(n), int(t or 0)))
        for p, n, t in session.execute(
            select(
                ServiceOrder.provider_id,
                func.count(),
                func.sum(case((ServiceOrder.on_time.is_(True), 1), else_=0)),
            )
            .where(_in(ServiceOrder.finished_at, start, end), ServiceOrder.provider_id.is_not(None))
            .group_by(ServiceOrder.provider_id)
        )
    )
    answer = _answer()
    given: dict[int, dict[str, int]] = {}
    for p, a, n in session.execute(
        select(ServiceOrder.provider_id, answer, func.count())
        .select_from(OrderEvent)
        .join(ServiceOrder, ServiceOrder.id == OrderEvent.order_id)
        .where(OrderEvent.action.in_((RATE, REDO)), _in(OrderEvent.at, start, end))
        .group_by(ServiceOrder.provider_id, answer)
    ):
        if p is not None:
            given.setdefault(p, {})[a] = int(n)
    ids = sorted(set(finished) | set(given))
    names = {i: n for i, n in session.execute(select(Provider.id, Provider.name).where(Provider.id.in_(ids)))}
    return [
        ProviderTotals(
            p,
            names.get(p, str(p)),
            finished.get(p, (0, 0))[0],
            finished.get(p, (0, 0))[1],
            given.get(p, {}).get("satisfied", 0),
            given.get(p, {}).get("basic", 0),
            given.get(p, {}).get("unsatisfied", 0),
        )
        for p in ids
    ]
