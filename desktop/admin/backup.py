"""Backups: one zip file holding a verified copy of the database and every attachment.

A SQLite database is copied with SQLite's online backup API (safe while desks are
working) and checked with ``PRAGMA integrity_check``; a PostgreSQL server is dumped with
pg_dump and the dump checked with ``pg_restore --list`` (without pg_dump a server cannot
be backed up here, and the user is told so). The zip (:mod:`desktop.admin.backup_zip`:
manifest, database, attachments, optionally AES-encrypted with a password) is written
under a temporary name, read back whole, and only then renamed: a file named like a
backup is always a whole, verified one. A backup with a password carries this PC's
audit key of the database, when it has it (restoring it on a new PC installs the key);
one without a password never does.

The daily automatic backup runs at the first login of a day, on either backend; 30 are
kept. Restoring is :mod:`desktop.admin.restore`.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from db import admin as admin_repo
from db import audit, pg_tools
from db import settings as settings_repo
from db.migrate import BackupFailed, backup_sqlite_file
from desktop.admin import chain_key
from desktop.admin.backup_zip import (
    DATABASE_NAME,
    MANIFEST,
    PG_DUMP_NAME,
    BackupReader,
    Manifest,
    PasswordNeeded,
    write_zip,
)
from desktop.common.clock import Clock, system_clock
from desktop.common.errors import DomainError
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission

BACKUP_GLOB = "shequ-backup-*.zip"
KEEP_BACKUPS = 30
Report = Callable[[str], None]
"""Hears each step of a backup (an ``N_`` text)."""


class PgDumpMissing(DomainError):
    """A server database cannot be backed up on this PC: pg_dump is not installed."""

    def __init__(self) -> None:
        super().__init__(
            N_(
                "The server database cannot be backed up on this PC: pg_dump (the PostgreSQL client "
                "tools) is not installed. Install them on this PC, or back up on the server."
            )
        )


def database_url(url: str) -> URL:
    """The parsed URL, or a clear message for one that is not a database address."""
    try:
        u = make_url(url)
        backend = u.get_backend_name()
    except (ArgumentError, ValueError) as exc:
        raise DomainError(N_("{url} is not a database address or file."), url=url) from exc
    if backend not in ("sqlite", "postgresql"):
        raise DomainError(N_("{url} is not a database address or file."), url=url)
    if backend == "sqlite" and (not u.database or u.database == ":memory:"):
        raise DomainError(N_("{url} is not a database address or file."), url=url)
    return u


def engine_for(url: str) -> Engine:
    """A short-lived engine for reading what a backup or restore needs to know."""
    return create_engine(url, poolclass=NullPool)


def _folder(target_dir: Path) -> Path:
    if target_dir.exists() and not target_dir.is_dir():
        raise DomainError(
            N_("{path} is a file; backups are written into a folder. Choose a folder."), path=str(target_dir)
        )
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DomainError(
            N_("The backup folder {path} cannot be made: {why}"),
            path=str(target_dir),
            why=exc.strerror or str(exc),
        ) from exc
    return target_dir


def _remove_stale_parts(target_dir: Path, older_than_s: float = 3600) -> None:
    """Leftovers of backups that were killed half-way (never a usable file)."""
    for part in target_dir.glob("*.part"):
        try:
            if time.time() - part.stat().st_mtime > older_than_s:
                part.unlink()
        except OSError:
            pass


def _attachment_files(attachments: Path) -> Iterator[tuple[str, Path]]:
    if attachments.is_dir():
        for path in sorted(attachments.rglob("*")):
            if path.is_file() and not path.name.endswith(".part"):
                yield path.relative_to(attachments).as_posix(), path


def _describe(url: str) -> tuple[admin_repo.Identity, dict[str, int], str]:
    """The database's identity (its centre id made now if it has none), row counts and
    the fingerprint of its audit key."""
    engine = engine_for(url)
    try:
        key_check = ""
        with Session(engine) as session, session.begin():
            conn = session.connection()
            if admin_repo.identity(conn).is_app:
                settings_repo.ensure_centre_id(session)
                key_check = audit.key_check(session)
        with engine.connect() as conn:
            return admin_repo.identity(conn), admin_repo.row_counts(conn), key_check
    except DomainError:
        raise
    except Exception as exc:
        raise DomainError(
            N_("The database could not be opened: {why}"), why=str(exc).strip().splitlines()[0]
        ) from exc
    finally:
        engine.dispose()


def make_backup(
    url: str,
    attachments: Path,
    target_dir: Path,
    *,
    now: Clock = system_clock,
    password: str | None = None,
    report: Report | None = None,
) -> Path:
    """Write ``shequ-backup-YYYYmmdd-HHMMSS.zip`` (the time from ``now``) into
    ``target_dir`` and return its path. ``password``: encrypt it (AES-256)."""
    say = report or (lambda _text: None)
    u = database_url(url)
    sqlite = u.get_backend_name() == "sqlite"
    if sqlite:
        source = Path(str(u.database))
        if not source.is_file():
            raise DomainError(N_("The database file {path} does not exist."), path=str(source))
    elif not pg_tools.tools_installed():
        raise PgDumpMissing()
    target_dir = _folder(target_dir)
    _remove_stale_parts(target_dir)
    made = now()
    final = target_dir / f"shequ-backup-{made:%Y%m%d-%H%M%S}.zip"
    n = 1
    while final.exists():
        n += 1
        final = target_dir / f"shequ-backup-{made:%Y%m%d-%H%M%S}-{n}.zip"
    say(N_("Reading the database…"))
    ident, counts, key_check = _describe(url)
    if not ident.is_app:
        raise DomainError(N_("{url} is not a database of this program."), url=u.render_as_string())
    key = chain_key.load_key(ident.centre_id) if password else None
    audit_key = key.to_json() if key is not None and key.fingerprint == key_check else None
    with tempfile.TemporaryDirectory(prefix="shequ-backup-") as work:
        say(N_("Copying the database…"))
        try:
            if sqlite:
                copy = backup_sqlite_file(source, Path(work), label="backup")
            else:
                copy = pg_tools.dump(url, Path(work) / PG_DUMP_NAME)
        except pg_tools.PgToolMissing as exc:
            raise PgDumpMissing() from exc
        except (BackupFailed, pg_tools.PgToolFailed) as exc:
            raise DomainError(N_("The database could not be copied: {why}"), why=str(exc)) from exc
        files = list(_attachment_files(attachments))
        manifest = Manifest(
            centre_id=ident.centre_id,
            centre_name=ident.centre_name,
            schema_revision=ident.revision or "",
            created_at=made.isoformat(timespec="seconds"),
            backend="sqlite" if sqlite else "postgresql",
            database=DATABASE_NAME if sqlite else PG_DUMP_NAME,
            counts=counts,
            attachments=len(files),
        )
        partial = final.with_name(final.name + ".part")
        try:
            say(N_("Writing the backup file…"))
            write_zip(partial, manifest, copy, files, password=password, audit_key=audit_key)
            pg_tools.pause_for_tests("zip")
            say(N_("Checking the backup file…"))
            with BackupReader(partial, password) as reader:
                reader.verify()
                if reader.manifest != manifest or manifest.database not in reader.names:
                    raise DomainError(N_("The backup file is damaged at {name}."), name=MANIFEST)
            os.replace(partial, final)
        except OSError as exc:
            raise DomainError(
                N_("The backup could not be written: {why}"), why=exc.strerror or str(exc)
            ) from exc
        finally:
            partial.unlink(missing_ok=True)
    return final


# --- the folder of backups ----------------------------------------------------------------
@dataclass(frozen=True)
class BackupFile:
    """One backup in the folder, as the 备份与恢复 page lists it."""

    path: Path
    made: dt.datetime | None
    size: int
    state: str
    """``"verified"`` (a whole backup: only verified files get the final name), ``"password"``
    (verified, encrypted: the details need the password) or ``"damaged"``."""
    centre_name: str = ""


VERIFIED, PASSWORD, DAMAGED = "verified", "password", "damaged"


def _made_from_name(path: Path) -> dt.datetime | None:
    stamp = path.stem.removeprefix("shequ-backup-")[:15]
    try:
        return dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S")
    except ValueError:
        return None


def list_backups(target_dir: Path) -> list[BackupFile]:
    """The backups in the folder, newest first."""
    found: list[BackupFile] = []
    for path in sorted(target_dir.glob(BACKUP_GLOB), reverse=True) if target_dir.is_dir() else []:
        try:
            size = path.stat().st_size
        except OSError:
            continue
        state, centre = DAMAGED, ""
        try:
            with BackupReader(path) as reader:
                if reader.manifest is not None or DATABASE_NAME in reader.names:
                    state = VERIFIED
                    centre = reader.manifest.centre_name if reader.manifest else ""
        except PasswordNeeded:
            state = PASSWORD
        except DomainError:
            pass
        found.append(BackupFile(path, _made_from_name(path), size, state, centre))
    return found


def latest_backup(target_dir: Path) -> Path | None:
    """The newest backup zip in the folder (names sort by time), or None."""
    found = sorted(target_dir.glob(BACKUP_GLOB)) if target_dir.is_dir() else []
    return found[-1] if found else None


def backup_due(
    target_dir: Path, now: Clock = system_clock, *, every: dt.timedelta = dt.timedelta(days=1)
) -> bool:
    """Whether the daily automatic backup should run: none yet, or the newest is a day old."""
    latest = latest_backup(target_dir)
    if latest is None:
        return True
    made = dt.datetime.fromtimestamp(latest.stat().st_mtime)
    return now() - made >= every


def prune(target_dir: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups; returns what was deleted."""
    found = sorted(target_dir.glob(BACKUP_GLOB)) if target_dir.is_dir() else []
    old = found[:-keep] if keep > 0 else found
    for path in old:
        path.unlink(missing_ok=True)
    return old


def daily_backup(
    url: str,
    attachments: Path,
    target_dir: Path,
    now: Clock = system_clock,
    *,
    password: str | None = None,
) -> Path | None:
    """The automatic backup at start-up: made when due (a SQLite file with the online
    backup API, a server with pg_dump), old ones pruned. Raises :class:`PgDumpMissing`
    for a server database on a PC without pg_dump."""
    if not backup_due(target_dir, now):
        return None
    path = make_backup(url, attachments, target_dir, now=now, password=password)
    prune(target_dir)
    return path


def working_copy(target: str, folder: Path) -> str:
    """A database to look at without changing it (screenshots): a verified copy of a
    SQLite file in ``folder`` (opening the copy may upgrade it; the original is never
    touched), or a server database that is already at this version's schema."""
    from db.engine import to_url
    from db.migrate import HEAD, current_revision

    url = to_url(target)
    u = database_url(url)
    if u.get_backend_name() == "sqlite":
        source = Path(str(u.database))
        if not source.is_file():
            raise DomainError(N_("The database file {path} does not exist."), path=str(source))
        try:
            return str(backup_sqlite_file(source, folder, label="copy"))
        except BackupFailed as exc:
            raise DomainError(N_("The database could not be copied: {why}"), why=str(exc)) from exc
    engine = engine_for(url)
    try:
        revision = current_revision(engine)
    except Exception as exc:  # noqa: BLE001 - said to the user
        raise DomainError(
            N_("The database could not be opened: {why}"), why=str(exc).strip().splitlines()[0]
        ) from exc
    finally:
        engine.dispose()
    if revision != HEAD:
        raise DomainError(
            N_(
                "The server database is at schema revision {rev}, not {head}; it is not upgraded for "
                "screenshots. Open it with the program first (which backs it up and upgrades it)."
            ),
            rev=revision or "-",
            head=HEAD,
        )
    return url


def backup_now(
    actor: Actor,
    url: str,
    attachments: Path,
    target_dir: Path,
    *,
    password: str | None = None,
    report: Report | None = None,
    now: Clock = system_clock,
) -> Path:
    """立即备份 on the 备份与恢复 page: :func:`make_backup` for an administrator."""
    actor.require(Permission.MANAGE_BACKUPS)
    return make_backup(url, attachments, target_dir, now=now, password=password, report=report)


def can_back_up(url: str) -> bool:
    """Whether this PC can back the database up: always a file; a server only with pg_dump."""
    return make_url(url).get_backend_name() == "sqlite" or pg_tools.tools_installed()
