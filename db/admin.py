"""Queries of the administration job: accounts, pages of the audit log, the file's own checks.

The services in ``desktop.admin`` (and the ``check`` command) ask these; no SQL is
written there. The audit log names what its rows are about by id; :func:`names` turns
the ids of one page into names and numbers, one query per kind of thing.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, Connection, Select, func, select
from sqlalchemy.orm import Session

from db.models import (
    Activity,
    AuditEntry,
    Category,
    Department,
    Grid,
    Redemption,
    Request,
    Resident,
    ResponseTemplate,
    RewardItem,
    ServiceRecord,
    Team,
    User,
    Volunteer,
)


# --- accounts ----------------------------------------------------------------------------
def user_count(session: Session) -> int:
    """How many accounts exist (none: the database still needs its first-run setup)."""
    return session.scalar(select(func.count()).select_from(User)) or 0


def user_by_username(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def users(session: Session) -> list[User]:
    """Every account, in the order they were made."""
    return list(session.scalars(select(User).order_by(User.id)))


def lock_user(session: Session, user_id: int) -> User | None:
    """The account, locked until the transaction ends (``FOR UPDATE`` on PostgreSQL; a
    SQLite write transaction holds the whole file already): the lock-out counter is read
    and changed by one desk at a time."""
    stmt = select(User).where(User.id == user_id).execution_options(populate_existing=True)
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    return session.scalar(stmt)


def user_standing(session: Session, user_id: int) -> tuple[bool, str] | None:
    """``(is_active, role)`` of an account as committed now, or None if it is gone.

    On PostgreSQL the row is held ``FOR SHARE`` until the transaction ends, so an
    administrator's deactivation or role change waits for a write already under way
    and every later write sees it."""
    stmt = select(User.is_active, User.role).where(User.id == user_id)
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(read=True)
    row = session.execute(stmt).first()
    return None if row is None else (bool(row[0]), str(row[1]))


# --- the audit log -----------------------------------------------------------------------
@dataclass(frozen=True)
class AuditQuery:
    """Which rows of the log: by user, time (``since`` ≤ at < ``until``), actions, entities."""

    user_id: int | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    actions: frozenset[str] = frozenset()
    entities: frozenset[str] = frozenset()


@dataclass(frozen=True)
class AuditLine:
    """One row of the log with the full name of its user (None: no such account)."""

    entry: AuditEntry
    full_name: str | None


def _where(query: AuditQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query.user_id is not None:
        conditions.append(AuditEntry.user_id == query.user_id)
    if query.since is not None:
        conditions.append(AuditEntry.at >= query.since)
    if query.until is not None:
        conditions.append(AuditEntry.at < query.until)
    if query.actions:
        conditions.append(AuditEntry.action.in_(sorted(query.actions)))
    if query.entities:
        conditions.append(AuditEntry.entity.in_(sorted(query.entities)))
    return conditions


def audit_count(session: Session, query: AuditQuery | None = None) -> int:
    conditions = _where(query or AuditQuery())
    return session.scalar(select(func.count(AuditEntry.id)).where(*conditions)) or 0


def audit_page(session: Session, offset: int, limit: int, query: AuditQuery | None = None) -> list[AuditLine]:
    """Rows ``[offset, offset+limit)`` of the log (as filtered), newest first."""
    stmt = (
        select(AuditEntry, User.full_name)
        .outerjoin(User, User.id == AuditEntry.user_id)
        .where(*_where(query or AuditQuery()))
        .order_by(AuditEntry.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return [AuditLine(entry, full_name) for entry, full_name in session.execute(stmt)]


def _volunteer_names(via: type, key: ColumnElement) -> Select:
    """``(id, resident name)`` of something that belongs to a volunteer."""
    return (
        select(key, Resident.name)
        .join(Volunteer, Volunteer.id == via.volunteer_id)
        .join(Resident, Resident.id == Volunteer.resident_id)
    )


# kind of thing → SELECT (id, name or number) of it
_NAMES: dict[str, Select] = {
    "user": select(User.id, User.full_name),
    "resident": select(Resident.id, Resident.name),
    "request": select(Request.id, Request.number),
    "volunteer": select(Volunteer.id, Resident.name).join(Resident, Resident.id == Volunteer.resident_id),
    "service_record": _volunteer_names(ServiceRecord, ServiceRecord.id),
    "redemption": _volunteer_names(Redemption, Redemption.id),
    "team": select(Team.id, Team.name),
    "activity": select(Activity.id, Activity.title),
    "reward_item": select(RewardItem.id, RewardItem.name),
    "category": select(Category.id, Category.name),
    "department": select(Department.id, Department.name),
    "template": select(ResponseTemplate.id, ResponseTemplate.title),
    "grid": select(Grid.id, Grid.name),
}
NAMED_KINDS = frozenset(_NAMES)
"""The kinds of thing :func:`names` can name."""


def names(session: Session, kind: str, ids: Iterable[int]) -> dict[int, str]:
    """The names (a request's number) of the things of ``kind`` with these ids; ids that
    no longer exist are left out."""
    wanted: Collection[int] = sorted(set(ids))
    if kind not in _NAMES or not wanted:
        return {}
    stmt = _NAMES[kind]
    key = stmt.selected_columns[0]
    found: dict[int, str] = {}
    for start in range(0, len(wanted), 500):  # SQLite's limit on parameters
        chunk = list(wanted)[start : start + 500]
        found.update({row[0]: row[1] for row in session.execute(stmt.where(key.in_(chunk)))})
    return found


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


# --- what a database is: for backups and restores ---------------------------------------
APP_TABLES = frozenset({"alembic_version", "setting", "app_user", "resident", "audit_log"})
"""Tables every database of this program has, from the first release on."""

_RECORD_TABLES = ("resident", "request", "volunteer")


@dataclass(frozen=True)
class Identity:
    """What a database says about itself (``is_app`` False: not one of this program's)."""

    is_app: bool
    revision: str | None = None
    centre_id: str = ""
    centre_name: str = ""
    records: int = 0
    """Residents, requests and volunteers: 0 for a database nobody has worked in yet."""


def identity(conn: Connection) -> Identity:
    """Read a database's schema revision, centre id and name, and whether it holds records."""
    from sqlalchemy import inspect, text

    from db.settings import CENTRE_ID, CENTRE_NAME

    tables = set(inspect(conn).get_table_names())
    if not APP_TABLES <= tables:
        return Identity(is_app=False)
    revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    settings: dict[str, str] = dict(
        conn.execute(
            text("SELECT key, value FROM setting WHERE key IN (:a, :b)"), {"a": CENTRE_ID, "b": CENTRE_NAME}
        ).all()
    )
    records = sum(
        conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar() or 0
        for table in _RECORD_TABLES
        if table in tables
    )
    return Identity(
        is_app=revision is not None,
        revision=revision,
        centre_id=settings.get(CENTRE_ID, ""),
        centre_name=settings.get(CENTRE_NAME, ""),
        records=records,
    )


def sqlite_identity(path: Path) -> Identity:
    """:func:`identity` of a SQLite file, opened read-only (a file that is not a SQLite
    database at all is not one of this program's either)."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    engine = create_engine(f"sqlite:///file:{path.as_posix()}?mode=ro&uri=true", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return identity(conn)
    except Exception:  # noqa: BLE001 - damaged or foreign: not ours
        return Identity(is_app=False)
    finally:
        engine.dispose()


def row_counts(conn: Connection) -> dict[str, int]:
    """Rows per table (the counts a backup's manifest records)."""
    from sqlalchemy import inspect, text

    return {
        table: conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar() or 0
        for table in sorted(inspect(conn).get_table_names())
    }


def other_sessions(conn: Connection) -> int:
    """PostgreSQL: how many other client sessions have this database open."""
    from sqlalchemy import text

    return (
        conn.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
            )
        ).scalar()
        or 0
    )
