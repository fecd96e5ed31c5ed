"""The append-only, hash-chained audit log.

Every change a service makes writes one audit row in the same transaction. Each row's
hash covers its content and the previous row's hash, so a removed or altered row breaks
the chain and ``verify_chain`` names the first broken row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from db.locks import LockKey, advisory_lock
from db.models import AuditEntry

GENESIS = "0" * 64


def _dump(value: Any) -> str:
    if value is None or value == "":
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _digest(prev_hash: str, entry: AuditEntry) -> str:
    payload = "\x1f".join(
        [
            prev_hash,
            entry.at.isoformat(timespec="microseconds"),
            str(entry.user_id or ""),
            entry.username,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.before,
            entry.after,
        ]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _lock_chain(session: Session) -> None:
    # SQLite write transactions already hold the database lock (BEGIN IMMEDIATE);
    # PostgreSQL needs an explicit lock so two desks cannot fork the chain.
    advisory_lock(session, LockKey.AUDIT_CHAIN)


_PENDING = "audit_pending"


def record(
    session: Session,
    *,
    user_id: int | None,
    username: str,
    action: str,
    entity: str,
    entity_id: object = "",
    before: Any = None,
    after: Any = None,
    at: dt.datetime | None = None,
) -> AuditEntry:
    """Queue one audit row; it is written, chained, just before the transaction commits.

    Writing the rows at commit, not where the change happens, means the chain's lock is
    always the last lock a transaction takes. A transaction that holds it is committing
    and waits for nothing, so it can never be one side of a deadlock with two desks
    locking points accounts or stock in different orders.
    """
    entry = AuditEntry(
        at=at or dt.datetime.now(),
        user_id=user_id,
        username=username,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        before=_dump(before),
        after=_dump(after),
    )
    session.info.setdefault(_PENDING, []).append(entry)
    return entry


def write_pending(session: Session) -> None:
    """Chain and insert the queued rows (called by the session right before commit)."""
    pending: list[AuditEntry] = session.info.pop(_PENDING, [])
    if not pending:
        return
    _lock_chain(session)
    prev = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)) or GENESIS
    for entry in pending:
        entry.prev_hash = prev
        entry.hash = prev = _digest(prev, entry)
        session.add(entry)
        session.flush()  # one at a time: ids follow the chain's order


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    write_pending(session)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)


def verify_chain(session: Session) -> list[str]:
    """Problems found in the chain, oldest first; empty when the chain is intact."""
    problems: list[str] = []
    prev = GENESIS
    for entry in _iter_entries(session):
        if entry.prev_hash != prev:
            problems.append(f"audit_log id={entry.id}: previous-hash link broken")
        if _digest(entry.prev_hash, entry) != entry.hash:
            problems.append(f"audit_log id={entry.id}: content does not match its hash")
        prev = entry.hash
    return problems


def _iter_entries(session: Session, batch: int = 5000) -> Iterator[AuditEntry]:
    last_id = 0
    while True:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.id > last_id).order_by(AuditEntry.id).limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        last_id = rows[-1].id


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AuditEntry)) or 0
