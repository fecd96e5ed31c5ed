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

from sqlalchemy import func, select
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
    """Append one audit row to the current transaction."""
    _lock_chain(session)
    prev = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    entry = AuditEntry(
        at=at or dt.datetime.now(),
        user_id=user_id,
        username=username,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        before=_dump(before),
        after=_dump(after),
        prev_hash=prev or GENESIS,
    )
    entry.hash = _digest(entry.prev_hash, entry)
    session.add(entry)
    session.flush()
    return entry


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
