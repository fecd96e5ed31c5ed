"""The points ledger (积分台账): how points move, and the rules that keep it honest.

Every movement is one append-only ``LedgerEntry``; a volunteer's balance is the sum of
their entries. ``PointAccount`` caches the sums for fast reads and is the row that is
locked while points move: on SQLite the write transaction began IMMEDIATE, holding the
database's write lock; on PostgreSQL the account row is taken ``FOR UPDATE``. Either
way, two desks redeeming at once are serialised and a balance never goes below zero.

These functions run inside the caller's write transaction and never commit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import LedgerEntry, PointAccount, ServiceRecord
from desktop.common.errors import DomainError
from desktop.common.i18n import N_
from desktop.common.permissions import Actor

EARN = "earn"
REDEEM = "redeem"
FREEZE = "freeze"
RELEASE = "release"
ADJUST = "adjust"
EXPIRE = "expire"
REVERSAL = "reversal"
KINDS = (EARN, REDEEM, FREEZE, RELEASE, ADJUST, EXPIRE, REVERSAL)

KIND_LABELS: dict[str, str] = {
    EARN: N_("Earned"),
    REDEEM: N_("Redeemed"),
    FREEZE: N_("Frozen"),
    RELEASE: N_("Released"),
    ADJUST: N_("Adjusted"),
    EXPIRE: N_("Expired"),
    REVERSAL: N_("Reversal"),
}


def account(session: Session, volunteer_id: int) -> PointAccount:
    """The volunteer's account row, locked for the rest of the transaction."""
    stmt = select(PointAccount).where(PointAccount.volunteer_id == volunteer_id)
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    row = session.scalar(stmt)
    if row is None:
        row = PointAccount(volunteer_id=volunteer_id, available=0, frozen=0, approved_minutes=0)
        session.add(row)
        session.flush()
        if session.get_bind().dialect.name == "postgresql":
            session.scalar(stmt)  # lock the row just made
    return row


def post(
    session: Session,
    actor: Actor,
    volunteer_id: int,
    kind: str,
    *,
    delta: int = 0,
    frozen_delta: int = 0,
    note: str = "",
    reverses: LedgerEntry | None = None,
    service_record_id: int | None = None,
    redemption_id: int | None = None,
    at: dt.datetime | None = None,
) -> LedgerEntry:
    """Append one entry and move the cached balance; refuse to go below zero."""
    if kind not in KINDS:
        raise ValueError(kind)
    acc = account(session, volunteer_id)
    if acc.available + delta < 0:
        raise DomainError(
            N_("Not enough points: {available} available, {needed} needed."),
            available=acc.available,
            needed=-delta,
        )
    if acc.frozen + frozen_delta < 0:
        raise DomainError(N_("Not enough frozen points for this change."))
    entry = LedgerEntry(
        volunteer_id=volunteer_id,
        at=at or dt.datetime.now(),
        kind=kind,
        delta=delta,
        frozen_delta=frozen_delta,
        reverses_id=reverses.id if reverses is not None else None,
        service_record_id=service_record_id,
        redemption_id=redemption_id,
        user_id=actor.user_id,
        username=actor.username,
        note=note.strip(),
    )
    session.add(entry)
    acc.available += delta
    acc.frozen += frozen_delta
    session.flush()
    return entry


def reverse(
    session: Session, actor: Actor, entry: LedgerEntry, note: str, *, at: dt.datetime | None = None
) -> LedgerEntry:
    """A correcting entry with the opposite amounts; an entry is reversed at most once."""
    if entry.kind == REVERSAL:
        raise DomainError(N_("A reversal cannot itself be reversed; make an adjustment instead."))
    already = session.scalar(select(LedgerEntry.id).where(LedgerEntry.reverses_id == entry.id))
    if already is not None:
        raise DomainError(N_("This entry has already been reversed."))
    return post(
        session,
        actor,
        entry.volunteer_id,
        REVERSAL,
        delta=-entry.delta,
        frozen_delta=-entry.frozen_delta,
        note=note,
        reverses=entry,
        service_record_id=entry.service_record_id,
        redemption_id=entry.redemption_id,
        at=at,
    )


@dataclass(frozen=True)
class Sums:
    available: int
    frozen: int


def sums(session: Session, volunteer_id: int) -> Sums:
    """The balance recomputed from the ledger itself (what ``check`` compares with)."""
    row = session.execute(
        select(
            func.coalesce(func.sum(LedgerEntry.delta), 0),
            func.coalesce(func.sum(LedgerEntry.frozen_delta), 0),
        ).where(LedgerEntry.volunteer_id == volunteer_id)
    ).one()
    return Sums(int(row[0]), int(row[1]))


def mismatches(session: Session) -> list[str]:
    """Accounts whose cached balance differs from the sum of their ledger."""
    ledger = {
        v: (int(a), int(f))
        for v, a, f in session.execute(
            select(
                LedgerEntry.volunteer_id, func.sum(LedgerEntry.delta), func.sum(LedgerEntry.frozen_delta)
            ).group_by(LedgerEntry.volunteer_id)
        )
    }
    problems = []
    for acc in session.scalars(select(PointAccount)):
        available, frozen = ledger.pop(acc.volunteer_id, (0, 0))
        if (acc.available, acc.frozen) != (available, frozen):
            problems.append(
                f"point_account volunteer={acc.volunteer_id}: cached {acc.available}/{acc.frozen}, "
                f"ledger {available}/{frozen}"
            )
    for volunteer_id, (available, frozen) in ledger.items():
        if available or frozen:
            problems.append(f"point_account volunteer={volunteer_id}: missing, ledger {available}/{frozen}")
    approved = dict(
        session.execute(
            select(ServiceRecord.volunteer_id, func.sum(ServiceRecord.minutes))
            .where(ServiceRecord.status == "approved")
            .group_by(ServiceRecord.volunteer_id)
        ).all()
    )
    for volunteer_id, minutes in session.execute(
        select(PointAccount.volunteer_id, PointAccount.approved_minutes)
    ):
        if int(approved.get(volunteer_id) or 0) != minutes:
            problems.append(
                f"point_account volunteer={volunteer_id}: cached {minutes} approved minutes, "
                f"records {int(approved.get(volunteer_id) or 0)}"
            )
    return problems
