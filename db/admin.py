"""Queries of the administration job: accounts, pages of the audit log, the file's own checks.

The services in ``desktop.admin`` (and the ``check`` command) ask these; no SQL is
written there.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from db.models import AuditEntry, User


# --- accounts ----------------------------------------------------------------------------
def user_count(session: Session) -> int:
    """How many accounts exist (none: the database still needs its first-run setup)."""
    return session.scalar(select(func.count()).select_from(User)) or 0


def user_by_username(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def users(session: Session) -> list[User]:
    """Every account, in the order they were made."""
    return list(session.scalars(select(User).order_by(User.id)))


# --- the audit log -----------------------------------------------------------------------
def audit_count(session: Session) -> int:
    return session.scalar(select(func.count(AuditEntry.id))) or 0


def audit_page(session: Session, offset: int, limit: int) -> list[AuditEntry]:
    """Rows ``[offset, offset+limit)`` of the log, newest first."""
    return list(
        session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).offset(offset).limit(limit))
    )


# --- the database file's own checks ------------------------------------------------------
def sqlite_file_problems(conn: Connection) -> list[str]:
    """What SQLite's ``integrity_check`` and ``foreign_key_check`` find, in plain words."""
    problems: list[str] = []
    result = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
    if [r[0] for r in result] != ["ok"]:
        problems += [f"integrity_check: {r[0]}" for r in result]
    fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    problems += [f"foreign key broken: table {r[0]} rowid {r[1]} -> {r[2]}" for r in fk]
    return problems


def sqlite_file_is_sound(path: Path) -> bool:
    """Whether a database file (a backup about to be restored) passes ``integrity_check``;
    a file that is not a database at all does not."""
    try:
        check = sqlite3.connect(path)
        try:
            return check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            check.close()
    except sqlite3.Error:
        return False
