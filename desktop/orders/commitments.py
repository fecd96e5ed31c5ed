"""Moving a fund's money: committing it to an order, releasing it, paying it out.

The only code that changes ``fund.committed``/``fund.paid`` and an order's fund lines;
each movement is also one append-only ``fund_entry``, so the caches can be checked
against the sums. Every function runs inside the caller's transaction on funds that the
caller has locked with :func:`lock` first — the same discipline as the points ledger:
on PostgreSQL the fund rows are held (``SELECT … FOR UPDATE``), on SQLite the write
transaction (``BEGIN IMMEDIATE``) holds the whole database, so two desks can never both
spend what is left. The database's check constraints (committed ≤ total, paid ≤
committed) are the last line of defence behind the checks here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy.orm import Session

from db import orders_money as money_repo
from db.models_orders import Fund, FundEntry, OrderFund
from desktop.common.errors import DomainError
from desktop.common.i18n import N_
from desktop.common.permissions import Actor
from desktop.orders.money import format_yuan

COMMIT = "commit"
RELEASE = "release"
PAY = "pay"


def lock(s: Session, fund_ids: Iterable[int]) -> dict[int, Fund]:
    """The funds, locked until the transaction ends; ``NotFound``-like error if one is gone."""
    ids = set(fund_ids)
    funds = money_repo.lock_funds(s, ids)
    if len(funds) != len(ids):
        raise DomainError(N_("A fund of this order no longer exists."))
    return funds


def remaining(fund: Fund) -> int:
    """What is left of the fund to commit, in fen."""
    return fund.total - fund.committed


def _entry(
    s: Session,
    actor: Actor,
    line: OrderFund,
    kind: str,
    now: dt.datetime,
    *,
    committed: int = 0,
    paid: int = 0,
    payment_id: int | None = None,
) -> None:
    s.add(
        FundEntry(
            fund_id=line.fund_id,
            order_id=line.order_id,
            at=now,
            kind=kind,
            committed_delta=committed,
            paid_delta=paid,
            payment_id=payment_id,
            user_id=actor.user_id,
            username=actor.username,
        )
    )


def commit(s: Session, actor: Actor, fund: Fund, line: OrderFund, amount: int, now: dt.datetime) -> None:
    """Bind ``amount`` more of ``fund`` to the order of ``line`` (refused beyond the total)."""
    if amount <= 0:
        return
    if amount > remaining(fund):
        raise DomainError(
            N_("The fund “{fund}” has {left} 元 left; {needed} 元 cannot be committed."),
            fund=fund.name,
            left=format_yuan(remaining(fund)),
            needed=format_yuan(amount),
        )
    fund.committed += amount
    line.committed += amount
    _entry(s, actor, line, COMMIT, now, committed=amount)


def release(s: Session, actor: Actor, fund: Fund, line: OrderFund, amount: int, now: dt.datetime) -> None:
    """Give back ``amount`` of what the order has bound but not paid."""
    amount = min(amount, line.committed - line.paid)
    if amount <= 0:
        return
    fund.committed -= amount
    line.committed -= amount
    _entry(s, actor, line, RELEASE, now, committed=-amount)


def release_unpaid(s: Session, actor: Actor, lines: Iterable[OrderFund], now: dt.datetime) -> None:
    """Release everything the order's lines have bound beyond what they paid (撤销, 终止,
    结算). The funds must be locked."""
    lines = list(lines)
    funds = lock(s, (line.fund_id for line in lines))
    for line in lines:
        release(s, actor, funds[line.fund_id], line, line.committed - line.paid, now)


def pay(
    s: Session,
    actor: Actor,
    fund: Fund,
    line: OrderFund,
    amount: int,
    deduction: int,
    payment_id: int,
    now: dt.datetime,
) -> None:
    """Pay ``amount`` from the line and release the ``deduction`` (核减) from what it binds.

    A payment beyond what the line binds (allowed only with the director's written
    reason, checked by the caller) first binds the difference — within the fund's total
    and its cap per order.
    """
    if deduction > 0:
        release(s, actor, fund, line, deduction, now)
    shortfall = line.paid + amount - line.committed
    if shortfall > 0:
        if fund.order_cap is not None and line.committed + shortfall > fund.order_cap:
            raise DomainError(
                N_("The fund “{fund}” pays at most {cap} 元 per order."),
                fund=fund.name,
                cap=format_yuan(fund.order_cap),
            )
        commit(s, actor, fund, line, shortfall, now)
    if amount > 0:
        fund.paid += amount
        line.paid += amount
        _entry(s, actor, line, PAY, now, paid=amount, payment_id=payment_id)


def mismatches(s: Session) -> list[str]:
    """Funds and order fund lines whose cached committed/paid differ from their
    ``fund_entry`` sums, in plain words (``main.py check`` reports them)."""
    out = []
    for m in money_repo.fund_mismatches(s):
        where = (
            f"fund={m.fund_id}" if m.order_id is None else f"order_fund order={m.order_id} fund={m.fund_id}"
        )
        out.append(
            f"{where}: cached committed/paid {m.cached[0]}/{m.cached[1]}, entries {m.summed[0]}/{m.summed[1]}"
        )
    return out
