"""The one registry of PostgreSQL advisory-lock keys.

Two writers that must not interleave take the same transaction-scoped advisory lock
(``pg_advisory_xact_lock``); two unrelated writers must never share a key, or one desk
waits for another for no reason. Every key lives here so that a new writer picks a new
number and a reader can see who serialises against whom. SQLite needs no advisory locks:
a write transaction (``BEGIN IMMEDIATE``) already holds the whole database.
"""

from __future__ import annotations

from enum import IntEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session


class LockKey(IntEnum):
    """One key per serialised writer; never reuse or renumber a key."""

    AUDIT_CHAIN = 7310001
    """Appending to the hash-chained audit log (one chain, no forks)."""
    REQUEST_NUMBER = 7310003
    """Drawing the next request number (诉求编号) of a day."""
    CLOCK_LIMITS = 7310002
    """Editing 30135 limits and calendar corrections (时限与日历)."""
    CATALOGUE = 7310010
    """Editing categories, departments and answer templates (分类与单位)."""
    ORDER_NUMBER = 7310020
    """Drawing the next service order number (点单编号) of a month."""
    MOVE_TO_SERVER = 7310090
    """Copying a centre into an empty server database (one mover at a time)."""


def advisory_lock(session: Session, key: LockKey) -> None:
    """Hold ``key`` until the current transaction ends (PostgreSQL only; no-op on SQLite)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(int(key))))
