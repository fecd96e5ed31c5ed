"""Bringing a database to the schema this version of the app expects.

At start-up: an empty database is created at head; an older one is upgraded in place
after a verified backup of the file; a database whose revision this app does not know
(written by a newer version) is refused and left untouched.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

# The newest revision in db/migrations/versions. Start-up compares the database with
# this constant and imports Alembic (about 1 s) only when there is something to do;
# a test keeps it equal to Alembic's own head.
HEAD = "0009"


class DatabaseTooNew(Exception):
    """The database was written by a newer version of the application."""

    def __init__(self, revision: str):
        super().__init__(revision)
        self.revision = revision


class BackupFailed(Exception):
    """The pre-migration backup could not be made or did not verify."""


class BackupToolMissing(Exception):
    """A server database needs an upgrade, and pg_dump (to back it up first) is missing."""

    def __init__(self, tool: str):
        super().__init__(tool)
        self.tool = tool


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    """Alembic's head, read from the migration scripts (imports Alembic)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, or None for an empty one."""
    if "alembic_version" not in inspect(engine).get_table_names():
        return None
    with engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def is_empty(engine: Engine) -> bool:
    return not inspect(engine).get_table_names()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return {rev.revision for rev in script.walk_revisions()}


def backup_sqlite_file(db_path: Path, backup_dir: Path, *, label: str) -> Path:
    """Copy a SQLite database with the online backup API and verify the copy.

    The copy is written under a temporary name (``….sqlite3.part``), opened and checked
    with ``PRAGMA integrity_check`` and its row counts compared with the source; only then
    is it renamed. A process killed half-way leaves a ``.part`` file, never a file named
    like a good backup. A copy that does not verify is deleted and ``BackupFailed`` raised.
    """
    from db.pg_tools import pause_for_tests

    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{db_path.stem}-{label}-{stamp}.sqlite3"
    partial = target.with_name(target.name + ".part")
    try:
        if not db_path.is_file():
            raise BackupFailed(f"{db_path} does not exist")
        src = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        dst = sqlite3.connect(partial)
        with dst:
            src.backup(dst)
        src.close()
        # A backup is one self-contained file: the copy would otherwise keep the WAL
        # journal mode and leave -wal/-shm files beside it when verified read-only.
        dst.execute("PRAGMA journal_mode=DELETE")
        pause_for_tests("copy")
        result = dst.execute("PRAGMA integrity_check").fetchone()[0]
        src_tables = _table_counts(db_path)
        dst.close()
        if result != "ok" or _table_counts(partial) != src_tables:
            raise BackupFailed(f"backup {target} did not verify: {result}")
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupFailed(str(exc)) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def backup_postgresql(url: str, backup_dir: Path, *, label: str) -> Path:
    """A verified pg_dump of a server database (see :mod:`db.pg_tools`).

    Raises ``BackupToolMissing`` when pg_dump is not installed, ``BackupFailed`` when the
    dump fails or does not verify."""
    from db import pg_tools

    u = make_url(url)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{u.database}-{label}-{stamp}.pgdump"
    try:
        return pg_tools.dump(url, target)
    except pg_tools.PgToolMissing as exc:
        raise BackupToolMissing(exc.tool) from exc
    except (pg_tools.PgToolFailed, OSError) as exc:
        raise BackupFailed(str(exc)) from exc


def _table_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def upgrade_database(
    engine: Engine,
    url: str,
    *,
    backup_dir: Path | None,
    without_backup: bool = False,
    starting_data: Callable[[Session], None] | None = None,
) -> Path | None:
    """Bring the database to head. Returns the backup made, if any.

    An existing database is backed up into ``backup_dir`` first (a SQLite file with the
    online backup API, a server with pg_dump), and the backup verified; when pg_dump is
    not installed ``BackupToolMissing`` is raised and nothing is changed, unless the
    administrator chose ``without_backup``. A new database gets its centre id.
    ``starting_data`` (the reference data a new centre starts with) is written after an
    upgrade of a database that has accounts but no categories yet: one set up under the
    first release, before the requests' tables existed.

    Raises ``DatabaseTooNew`` without touching anything when the database carries a
    revision this app does not know.
    """
    current = current_revision(engine)
    if current == HEAD:
        return None
    if current is not None and current not in known_revisions():
        raise DatabaseTooNew(current)
    head = head_revision()
    if current == head:
        return None
    backup = None
    u = make_url(url)
    sqlite = u.get_backend_name() == "sqlite"
    if current is not None and backup_dir is not None:
        if sqlite and u.database:
            backup = backup_sqlite_file(Path(u.database), backup_dir, label=f"before-{head}")
        elif not sqlite:
            try:
                backup = backup_postgresql(url, backup_dir, label=f"before-{head}")
            except BackupToolMissing:
                if not without_backup:
                    raise
    from alembic import command

    with engine.connect() as conn:
        if sqlite:
            # Batch mode rebuilds a table (copy, DROP, rename); with foreign keys on, the
            # DROP of a table other rows point at fails. The switch only works outside a
            # transaction; the keys are checked before the upgrade commits instead.
            set_sqlite_foreign_keys(conn, on=False)
        try:
            with conn.begin():
                cfg = alembic_config(url)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                _stamp_centre_id(conn)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"upgrade would break foreign keys: {broken[:5]}")
        finally:
            if sqlite:
                set_sqlite_foreign_keys(conn, on=True)
    if current is not None and starting_data is not None:
        _add_starting_data(engine, starting_data)
    return backup


def _stamp_centre_id(conn: Connection) -> None:
    from db.settings import CENTRE_ID, new_centre_id

    found = conn.execute(text("SELECT 1 FROM setting WHERE key = :key"), {"key": CENTRE_ID}).first()
    if found is None:
        conn.execute(
            text("INSERT INTO setting (key, value) VALUES (:key, :value)"),
            {"key": CENTRE_ID, "value": new_centre_id()},
        )


def _add_starting_data(engine: Engine, starting_data: Callable[[Session], None]) -> None:
    """The reference data, for an upgraded database with accounts and no categories."""
    with engine.connect() as conn:
        users = conn.execute(text("SELECT count(*) FROM app_user")).scalar()
        categories = conn.execute(text("SELECT count(*) FROM category")).scalar()
    if not users or categories:
        return
    with Session(engine) as session, session.begin():
        starting_data(session)


def set_sqlite_foreign_keys(conn: Connection, *, on: bool) -> None:
    """Switch SQLite's foreign keys on this connection (outside any transaction)."""
    conn.connection.driver_connection.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
