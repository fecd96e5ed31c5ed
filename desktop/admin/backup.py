"""Backups: one zip file holding a verified copy of the database and every attachment.

The database is copied with SQLite's online backup API (safe while desks are working)
and checked with ``PRAGMA integrity_check`` before it goes into the zip; attachments
are added from the content-addressed store beside the database. The zip is written
under a temporary name and renamed when complete, so a backup is never half a file.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import zipfile
from pathlib import Path

from sqlalchemy.engine import make_url

from db.admin import sqlite_file_is_sound
from db.migrate import BackupFailed, backup_sqlite_file
from desktop.common.clock import Clock, system_clock
from desktop.common.errors import DomainError
from desktop.common.i18n import N_

DATABASE_NAME = "shequ.sqlite3"
ATTACHMENTS_PREFIX = "attachments/"


def make_backup(url: str, attachments: Path, target_dir: Path, *, now: Clock = system_clock) -> Path:
    """Write ``shequ-backup-YYYYmmdd-HHMMSS.zip`` (the time from ``now``) into
    ``target_dir`` and return its path."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database:
        raise DomainError(
            N_("Backups from this program cover a database file; back up a PostgreSQL server with pg_dump.")
        )
    source = Path(u.database)
    if not source.exists():
        raise DomainError(N_("The database file {path} does not exist."), path=str(source))
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = now().strftime("%Y%m%d-%H%M%S")
    final = target_dir / f"shequ-backup-{stamp}.zip"
    with tempfile.TemporaryDirectory() as work:
        try:
            copy = backup_sqlite_file(source, Path(work), label="backup")
        except BackupFailed as exc:
            raise DomainError(N_("The database could not be copied: {why}"), why=str(exc)) from exc
        partial = final.with_suffix(".zip.part")
        try:
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                zf.write(copy, DATABASE_NAME)
                if attachments.is_dir():
                    for path in sorted(attachments.rglob("*")):
                        if path.is_file() and not path.name.endswith(".part"):
                            zf.write(path, ATTACHMENTS_PREFIX + path.relative_to(attachments).as_posix())
            with zipfile.ZipFile(partial) as zf:
                bad = zf.testzip()
            if bad is not None:
                raise DomainError(N_("The backup file is damaged at {name}."), name=bad)
            os.replace(partial, final)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise DomainError(N_("The backup could not be written: {why}"), why=str(exc)) from exc
    return final


BACKUP_GLOB = "shequ-backup-*.zip"
KEEP_BACKUPS = 30


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


def daily_backup(url: str, attachments: Path, target_dir: Path, now: Clock = system_clock) -> Path | None:
    """The automatic backup at start-up: made when due (SQLite files only), old ones pruned."""
    if make_url(url).get_backend_name() != "sqlite" or not backup_due(target_dir, now):
        return None
    path = make_backup(url, attachments, target_dir, now=now)
    prune(target_dir)
    return path


def restore_backup(zip_path: Path, url: str, attachments: Path, safety_dir: Path) -> Path:
    """Put a backup back in place of the database file (and add its attachments).

    Nothing is replaced until the backup has been read whole and its database passed
    ``PRAGMA integrity_check``; the current file is first saved into ``safety_dir`` (so a
    restore can itself be undone), and the new file is moved in with an atomic rename.
    Returns the safety copy of the database that was replaced (or the restored path when
    there was none). The application must not have the database open.
    """
    import shutil

    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database:
        raise DomainError(N_("Only a database file can be restored from a backup zip."))
    target = Path(u.database)
    try:
        zf = zipfile.ZipFile(zip_path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise DomainError(N_("{name} is not a backup of this program."), name=Path(zip_path).name) from exc
    with zf, tempfile.TemporaryDirectory(dir=target.parent if target.parent.exists() else None) as work:
        if DATABASE_NAME not in zf.namelist():
            raise DomainError(N_("{name} is not a backup of this program."), name=Path(zip_path).name)
        bad = zf.testzip()
        if bad is not None:
            raise DomainError(N_("The backup file is damaged at {name}."), name=bad)
        staged = Path(work) / DATABASE_NAME
        with zf.open(DATABASE_NAME) as src, staged.open("wb") as out:
            shutil.copyfileobj(src, out)
        if not sqlite_file_is_sound(staged):
            raise DomainError(
                N_("The database in {name} is damaged; nothing was restored."), name=Path(zip_path).name
            )
        safety = target
        if target.exists():
            try:
                safety = backup_sqlite_file(target, safety_dir, label="before-restore")
            except BackupFailed as exc:
                raise DomainError(N_("The database could not be copied: {why}"), why=str(exc)) from exc
        for suffix in ("-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged, target)
        for name in zf.namelist():
            if name.startswith(ATTACHMENTS_PREFIX) and not name.endswith("/"):
                dest = attachments / name[len(ATTACHMENTS_PREFIX) :]
                if not dest.exists():  # content-addressed: same name, same bytes
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    with zf.open(name) as src, dest.open("wb") as out:
                        shutil.copyfileobj(src, out)
    return safety
