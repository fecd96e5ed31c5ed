"""The points ledger (积分台账): how points move, and the rules that keep it honest.

Every movement is one append-only ``LedgerEntry``; a volunteer's balance is the sum of
their entries. ``PointAccount`` caches the sums for fast reads and is the row that is
locked while points move: on SQLite the write transaction began IMMEDIATE, holding the
database's write lock; on PostgreSQL the account row is taken ``FOR UPDATE``. Either
way, two desks redeeming at once are serialised and a balance never goes below zero.

These functions run inside the caller's write transaction and never commit. The caller
says when a movement happens (``at``): it asks its clock once per operation, so every
entry of one operation carries the same moment. ``mismatches``, the check that the
cached sums agree with the ledger, is plain SQL and lives in ``db.love_bank``; it is
re-exported here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db import love_bank as queries
from db.love_bank import (
    ADJUST,
    EARN,
    EXPIRE,
    FREEZE,
    KINDS,
    OPENING,
    REDEEM,
    RELEASE,
    REVERSAL,
    mismatches,
)
from db.models import LedgerEntry, PointAccount
from desktop.common import audit
from desktop.common.errors import DomainError
from desktop.common.i18n import N_
from desktop.common.permissions import Actor
from desktop.common.validation import REASON_MAX, check_text

__all__ = [
    "ADJUST",
    "EARN",
    "EXPIRE",
    "FREEZE",
    "KINDS",
    "KIND_LABELS",
    "OPENING",
    "REDEEM",
    "RELEASE",
    "REVERSAL",
    "Sums",
    "account",
    "mismatches",
    "post",
    "reverse",
    "service_note",
    "sums",
]

KIND_LABELS: dict[str, str] = {
    EARN: N_("Earned"),
    REDEEM: N_("Redeemed"),
    FREEZE: N_("Frozen"),
    RELEASE: N_("Released"),
    ADJUST: N_("Adjusted"),
    EXPIRE: N_("Expired"),
    REVERSAL: N_("Reversal"),
    OPENING: N_("Opening balance"),
}


def service_note(served_on: dt.date, minutes: int) -> str:
    """The stored note of an earning entry: ``2026-11-23 2.5 小时``.

    Notes are records kept in Chinese, like the reasons typed at the desk. Screens and
    the printed statement do not repeat it: they word the day and length of the service
    themselves (``StatementLine.served_on`` / ``service_minutes``).
    """
    return f"{served_on.isoformat()} {round(minutes / 60, 2):g} 小时"


def account(session: Session, volunteer_id: int) -> PointAccount:
    """The volunteer's account row, locked for the rest of the transaction."""
    return queries.lock_account(session, volunteer_id)


def post(
    session: Session,
    actor: Actor,
    volunteer_id: int,
    kind: str,
    *,
    at: dt.datetime,
    delta: int = 0,
    frozen_delta: int = 0,
    note: str = "",
    reverses: LedgerEntry | None = None,
    service_record_id: int | None = None,
    redemption_id: int | None = None,
) -> LedgerEntry:
    """Append one entry at ``at`` and move the cached balance; refuse to go below zero."""
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
        at=at,
        kind=kind,
        delta=delta,
        frozen_delta=frozen_delta,
        reverses_id=reverses.id if reverses is not None else None,
        service_record_id=service_record_id,
        redemption_id=redemption_id,
        user_id=actor.user_id,
        username=actor.username,
        note=check_text(note, REASON_MAX),
    )
    session.add(entry)
    acc.available += delta
    acc.frozen += frozen_delta
    session.flush()
    # Every points movement is in the audit chain too, so 操作日志 shows it and a ledger
    # edited behind the program's back no longer agrees with the chained record.
    audit.record(
        session,
        actor,
        kind,
        "points",
        volunteer_id,
        after={
            "entry": entry.id,
            "delta": delta,
            "frozen_delta": frozen_delta,
            "note": entry.note,
            "reverses": entry.reverses_id,
            "service_record": service_record_id,
            "redemption": redemption_id,
        },
        at=at,
    )
    return entry


def reverse(session: Session, actor: Actor, entry: LedgerEntry, note: str, *, at: dt.datetime) -> LedgerEntry:
    """A correcting entry with the opposite amounts; an entry is reversed at most once."""
    if entry.kind == REVERSAL:
        raise DomainError(N_("A reversal cannot itself be reversed; make an adjustment instead."))
    if queries.reversal_of(session, entry.id) is not None:
        raise DomainError(N_("This entry has already been reversed."))
    return post(
        session,
        actor,
        entry.volunteer_id,
        REVERSAL,
        at=at,
        delta=-entry.delta,
        frozen_delta=-entry.frozen_delta,
        note=note,
        reverses=entry,
        service_record_id=entry.service_record_id,
        redemption_id=entry.redemption_id,
    )


@dataclass(frozen=True)
class Sums:
    available: int
    frozen: int


def sums(session: Session, volunteer_id: int) -> Sums:
    """The balance recomputed from the ledger itself (what ``check`` compares with)."""
    available, frozen = queries.ledger_sums(session, volunteer_id)
    return Sums(available, frozen)
