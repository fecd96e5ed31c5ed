"""Putting a backup back in place of the database.

Nothing is replaced until every check has passed, in this order: the zip opens (with its
password, if it has one), no entry's name could land outside its folder, every entry
reads whole; the database in it passes its own check (SQLite: ``integrity_check``; a
dump: ``pg_restore --list``), is one of this program's, of a schema revision this version
knows (not a newer one), and of this centre (the centre id in the database and the
backup's manifest; a database nobody has worked in yet takes any centre's backup).
Then, with no other program using the database (SQLite: every program's presence lock,
see :mod:`desktop.admin.desks_in_use`; PostgreSQL: no other sessions), the current
database is kept (a verified copy in the safety folder) and replaced: a SQLite file by
an atomic rename, a server in one transaction. The result says where the kept copy is.

A password-protected backup carries the audit key (:mod:`desktop.admin.backup`): when it
is the restored database's key (same centre id and fingerprint) and this PC has none, it
is installed, so a centre whose only PC died can go on working on a new one; a different
key this PC has is never overwritten (the backup's is kept beside it, and the result
says so).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from db import admin as admin_repo
from db import audit, pg_tools
from db import settings as settings_repo
from db.admin import Identity, sqlite_file_is_sound, sqlite_identity
from db.migrate import BackupFailed, backup_sqlite_file, known_revisions
from desktop.admin import chain_key
from desktop.admin.backup import PgDumpMissing, database_url, engine_for
from desktop.admin.backup_zip import (
    ATTACHMENTS_PREFIX,
    AUDIT_KEY_NAME,
    DATABASE_NAME,
    PG_DUMP_NAME,
    BackupReader,
    Manifest,
)
from desktop.admin.desks_in_use import sole_user
from desktop.common.errors import DomainError
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds, for the confirmation before a restore."""

    path: Path
    backend: str
    revision: str
    centre_name: str
    created_at: str
    manifest: Manifest | None


@dataclass(frozen=True)
class RestoreResult:
    """A done restore: where the replaced database was kept (None: there was none)."""

    kept: Path | None
    revision: str
    attachments: int
    audit_key: str = ""
    """What became of the audit key the backup carried (:func:`chain_key.install_restored_key`:
    ``installed``, ``present``, ``kept``, ``foreign``); "" when it carried none."""
    audit_key_path: Path | None = None


# --- checks -------------------------------------------------------------------------------
def _not_ours(name: str) -> DomainError:
    return DomainError(
        N_("{name} does not hold a database of this program. Nothing was restored."), name=name
    )


def _check_revision(revision: str, name: str) -> None:
    if revision not in known_revisions():
        raise DomainError(
            N_(
                "{name} was made by a newer version of the program (schema revision {rev}). Install "
                "that version first; nothing was restored and the database was left untouched."
            ),
            name=name,
            rev=revision,
        )


def _check_centre(current: Identity, backup_id: str, backup_name: str, name: str) -> None:
    """Refuse another centre's backup over a database that holds this centre's work."""
    if not current.is_app or current.records == 0:
        return  # nothing to lose: a new or empty database, or a damaged file
    other = (
        backup_id != current.centre_id
        if backup_id and current.centre_id
        else bool(backup_name and current.centre_name and backup_name != current.centre_name)
    )
    if other:
        raise DomainError(
            N_(
                "{name} is a backup of another centre ({other}), not of {this}. Nothing was restored; "
                "the database was left untouched."
            ),
            name=name,
            other=backup_name or "?",
            this=current.centre_name or "?",
        )


def _current_identity(url: str) -> Identity:
    u = database_url(url)
    if u.get_backend_name() == "sqlite":
        target = Path(str(u.database))
        return sqlite_identity(target) if target.exists() else Identity(is_app=False)
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            return admin_repo.identity(conn)
    except Exception as exc:  # noqa: BLE001 - said to the user
        raise DomainError(
            N_("The database could not be opened: {why}"), why=str(exc).strip().splitlines()[0]
        ) from exc
    finally:
        engine.dispose()


def _database_entry(reader: BackupReader) -> str:
    if reader.manifest is not None:
        if reader.manifest.database not in (DATABASE_NAME, PG_DUMP_NAME) or (
            reader.manifest.database not in reader.names
        ):
            raise _not_ours(reader.path.name)
        return reader.manifest.database
    if DATABASE_NAME in reader.names:
        return DATABASE_NAME  # a backup of an earlier version, without a manifest
    raise _not_ours(reader.path.name)


def summarise(zip_path: Path, password: str | None = None) -> BackupSummary:
    """What a backup is (without the full checks of a restore)."""
    with BackupReader(zip_path, password) as reader:
        entry = _database_entry(reader)
        m = reader.manifest
        return BackupSummary(
            path=Path(zip_path),
            backend="postgresql" if entry == PG_DUMP_NAME else "sqlite",
            revision=m.schema_revision if m else "",
            centre_name=m.centre_name if m else "",
            created_at=m.created_at if m else "",
            manifest=m,
        )


# --- the restore ----------------------------------------------------------------------------
def restore_backup(
    zip_path: Path,
    url: str,
    attachments: Path,
    safety_dir: Path,
    *,
    password: str | None = None,
    close_own: Callable[[], None] | None = None,
) -> RestoreResult:
    """Put a backup back in place of the database (see the module's docstring).

    The caller must have closed its own connections to the database — or, in the app,
    pass ``close_own`` (disposing its engine): it is called once every check has passed,
    just before the database is replaced, and this process's own presence is not counted
    as another program. The app then ends: its next start opens the restored database.
    """
    u = database_url(url)
    sqlite = u.get_backend_name() == "sqlite"
    zip_path = Path(zip_path)
    name = zip_path.name
    with BackupReader(zip_path, password) as reader:
        entry = _database_entry(reader)
        if entry == DATABASE_NAME and not sqlite:
            raise DomainError(
                N_(
                    "{name} is a backup of a database file; the database in use is on a server. "
                    "Nothing was restored."
                ),
                name=name,
            )
        if entry == PG_DUMP_NAME and sqlite:
            raise DomainError(
                N_(
                    "{name} is a backup of a server database and cannot be restored into a database file. "
                    "Nothing was restored."
                ),
                name=name,
            )
        reader.verify()
        current = _current_identity(url)
        work_parent = Path(str(u.database)).parent if sqlite else None
        if work_parent is not None:
            work_parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=work_parent, prefix=".restore-") as work:
            staged = Path(work) / entry
            reader.extract(entry, staged)
            if sqlite:
                if not sqlite_file_is_sound(staged):
                    raise DomainError(
                        N_("The database in {name} is damaged; nothing was restored."), name=name
                    )
                found = sqlite_identity(staged)
                if not found.is_app or found.revision is None:
                    raise _not_ours(name)
                revision, backup_id, backup_name = found.revision, found.centre_id, found.centre_name
                if reader.manifest is not None and reader.manifest.centre_id not in ("", backup_id):
                    raise _not_ours(name)  # a manifest that does not belong to its database
            else:
                try:
                    pg_tools.verify_dump(staged)
                except pg_tools.PgToolMissing as exc:
                    raise PgDumpMissing() from exc
                except pg_tools.PgToolFailed as exc:
                    raise _not_ours(name) from exc
                m = reader.manifest
                assert m is not None  # _database_entry: a dump comes with its manifest
                revision, backup_id, backup_name = m.schema_revision, m.centre_id, m.centre_name
            _check_revision(revision, name)
            _check_centre(current, backup_id, backup_name, name)
            if sqlite:
                kept = _replace_file(Path(str(u.database)), staged, safety_dir, close_own)
            else:
                kept = _replace_server(url, staged, safety_dir, close_own)
            count = _add_attachments(reader, attachments)
        key_state, key_at = _install_key(reader, url)
    return RestoreResult(
        kept=kept, revision=revision, attachments=count, audit_key=key_state, audit_key_path=key_at
    )


def _install_key(reader: BackupReader, url: str) -> tuple[str, Path | None]:
    """Install the audit key an encrypted backup carries (see the module's docstring)."""
    if AUDIT_KEY_NAME not in reader.names or not reader.encrypted:
        return "", None
    try:
        found = chain_key.ChainKey.from_json(reader.read(AUDIT_KEY_NAME).decode("utf-8"))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return "foreign", None
    engine = engine_for(url)
    try:
        with Session(engine) as session:
            centre_id = settings_repo.centre_id(session)
            key_check = audit.key_check(session)
    finally:
        engine.dispose()
    return chain_key.install_restored_key(found, centre_id=centre_id, key_check=key_check)


def _replace_file(
    target: Path, staged: Path, safety_dir: Path, close_own: Callable[[], None] | None
) -> Path | None:
    with sole_user(target, skip_this_process=close_own is not None):
        if close_own is not None:
            close_own()
        kept = None
        if target.exists():
            try:
                kept = backup_sqlite_file(target, safety_dir, label="before-restore")
            except BackupFailed:
                # A damaged file is what one restores over: keep its bytes as they are.
                safety_dir.mkdir(parents=True, exist_ok=True)
                kept = safety_dir / f"{target.stem}-before-restore-damaged{target.suffix}"
                n = 1
                while kept.exists():
                    n += 1
                    kept = safety_dir / f"{target.stem}-before-restore-damaged-{n}{target.suffix}"
                try:
                    shutil.copy2(target, kept)
                except OSError as exc:
                    raise DomainError(
                        N_("The current database could not be kept, so nothing was restored: {why}"),
                        why=exc.strerror or str(exc),
                    ) from exc
        for suffix in ("-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        os.replace(staged, target)
        return kept


def _replace_server(url: str, staged: Path, safety_dir: Path, close_own: Callable[[], None] | None) -> Path:
    if close_own is not None:
        close_own()
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            others = admin_repo.other_sessions(conn)
    finally:
        engine.dispose()
    if others:
        raise DomainError(
            N_(
                "The server database is open in {count} other session(s). Close the program on every PC "
                "that uses it, then restore again; nothing was changed."
            ),
            count=others,
        )
    from db.migrate import BackupToolMissing, backup_postgresql

    try:
        kept = backup_postgresql(url, safety_dir, label="before-restore")
    except BackupToolMissing as exc:
        raise PgDumpMissing() from exc
    except BackupFailed as exc:
        raise DomainError(
            N_("The current database could not be kept, so nothing was restored: {why}"), why=str(exc)
        ) from exc
    try:
        pg_tools.restore(url, staged)
    except pg_tools.PgToolMissing as exc:
        raise PgDumpMissing() from exc
    except pg_tools.PgToolFailed as exc:
        raise DomainError(
            N_("The backup could not be restored; the database was left as it was: {why}"), why=str(exc)
        ) from exc
    return kept


def _add_attachments(reader: BackupReader, attachments: Path) -> int:
    """Add the backup's attachments (content-addressed: a file already there is the same)."""
    root = attachments.resolve()
    count = 0
    for name in reader.attachment_names():
        dest = (attachments / name[len(ATTACHMENTS_PREFIX) :]).resolve()
        if not dest.is_relative_to(root):  # names were checked; this is the net under them
            continue
        if dest.exists():
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        partial = dest.with_name(dest.name + ".part")
        reader.extract(name, partial)
        os.replace(partial, dest)
        count += 1
    return count


def restore_now(
    actor: Actor,
    zip_path: Path,
    url: str,
    attachments: Path,
    safety_dir: Path,
    *,
    password: str | None = None,
    close_own: Callable[[], None] | None = None,
) -> RestoreResult:
    """恢复 on the 备份与恢复 page: :func:`restore_backup` for an administrator."""
    actor.require(Permission.MANAGE_BACKUPS)
    return restore_backup(zip_path, url, attachments, safety_dir, password=password, close_own=close_own)
