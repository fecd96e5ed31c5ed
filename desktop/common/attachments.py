"""The one attachment store: photos, scans, contracts and certificates, kept by content.

Every job that keeps files (requests, orders, visits …) stores their bytes here and keeps
only the SHA-256 (the *ref*) with its own row, so the same photo attached twice is kept
once and a file can never be swapped under its name.

API::

    store = AttachmentStore(db, folder)            # folder: desktop.opening.attachments_dir(url)
    size = check_file(path)                        # DomainError: unreadable, empty, > 20 MB
    ref = store.put(path_or_bytes, name)           # -> StoredRef(sha256, size); name is for messages
    path = store.open(ref.sha256, name)            # -> a local file to open (read it, don't change it)
    store.exists(ref.sha256)                       # -> bool
    store.copy_to(ref.sha256, target, name)        # "save a copy"

Where the bytes live:

- **SQLite** (one PC, or a file for a single office): in the folder beside the database
  file, ``<folder>/<first two hex digits>/<sha256>``; the backup (``desktop.admin.backup``)
  zips that folder with the file.
- **PostgreSQL** (several PCs on one server): in the ``stored_file`` table, so every desk
  opens what another added and the server's backup holds them. The folder is this PC's
  cache: :meth:`~AttachmentStore.open` writes the bytes there (to a temporary name, then
  renamed) and hands back that path. A file that is only in this PC's folder (added
  before the database kept the bytes) is copied into the database the first time it is
  opened or added again, so the other desks see it from then on.

``put`` runs in its own transaction, before the job's: a row naming the file is written
only after its bytes are safe; a failed job transaction leaves at most unused bytes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from db import files as repo
from db.uow import Database
from desktop.common.clock import Clock, system_clock
from desktop.common.errors import DomainError
from desktop.common.i18n import N_

ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
_CHUNK = 1 << 20


@dataclass(frozen=True)
class StoredRef:
    """A stored file: its SHA-256 (what a job's row keeps) and its size in bytes."""

    sha256: str
    size: int


def check_file(path: Path) -> int:
    """The size of a file that may be attached; a clear error if it cannot be."""
    try:
        size = Path(path).stat().st_size
    except OSError:
        raise DomainError(N_("The file {name} cannot be read."), name=Path(path).name) from None
    _check_size(size, Path(path).name)
    return size


def _check_size(size: int, name: str) -> None:
    if size == 0:
        raise DomainError(N_("The file {name} is empty."), name=name)
    if size > ATTACHMENT_MAX_BYTES:
        raise DomainError(
            N_("The file {name} is {mb} MB; at most {max} MB can be attached."),
            name=name,
            mb=round(size / 1024 / 1024),
            max=ATTACHMENT_MAX_BYTES // 1024 // 1024,
        )


class AttachmentStore:
    """Files by content, in the database (PostgreSQL) or the folder (SQLite)."""

    def __init__(self, db: Database, folder: Path | None, now: Clock = system_clock):
        self._db = db
        self._folder = folder
        self._now = now

    @property
    def in_database(self) -> bool:
        """Whether the bytes are kept in the database (shared by every PC)."""
        return self._db.dialect == "postgresql"

    # --- the API -------------------------------------------------------------------------
    def put(self, source: Path | bytes, name: str = "") -> StoredRef:
        """Store a file (a path, or its bytes); its ref. The same content is kept once."""
        if isinstance(source, bytes):
            content = source
            name = name or "?"
        else:
            path = Path(source)
            name = name or path.name
            check_file(path)
            try:
                content = path.read_bytes()
            except OSError as exc:
                raise DomainError(N_("The file {name} cannot be read."), name=name) from exc
        _check_size(len(content), name)
        sha256 = hashlib.sha256(content).hexdigest()
        if self.in_database:
            with self._db.writing() as uow:
                repo.put(uow.session, sha256, content, self._now())
                uow.commit()
        else:
            self._write_local(sha256, content, name)
        return StoredRef(sha256, len(content))

    def exists(self, sha256: str) -> bool:
        if self.in_database:
            with self._db.reading() as uow:
                if repo.has(uow.session, sha256):
                    return True
        path = self._local(sha256)
        return path is not None and path.is_file()

    def open(self, sha256: str, name: str = "") -> Path:
        """A local file holding the content (the folder's file, or this PC's cached copy)."""
        local = self._local(sha256)
        if not self.in_database:
            if local is None or not local.is_file():
                raise self._missing(name)
            return local
        with self._db.reading() as uow:
            stored = repo.has(uow.session, sha256)
        if local is not None and local.is_file() and _digest(local) == sha256:
            if not stored:  # added on this PC before the database kept the bytes
                self._upload(local, sha256)
            return local
        if not stored:
            raise self._missing(name)
        with self._db.reading() as uow:
            content = repo.content(uow.session, sha256)
        if content is None:  # pragma: no cover - deleted between the two reads
            raise self._missing(name)
        return self._write_local(sha256, content, name or sha256)

    def copy_to(self, sha256: str, target: Path, name: str = "") -> None:
        """Copy the content to ``target`` (save a copy)."""
        source = self.open(sha256, name)
        try:
            shutil.copyfile(source, target)
        except OSError as exc:
            raise DomainError(
                N_("The file {name} could not be saved: {why}"), name=name or Path(target).name, why=str(exc)
            ) from exc

    # --- the folder ----------------------------------------------------------------------
    def _local(self, sha256: str) -> Path | None:
        if self._folder is None:
            return None
        return self._folder / sha256[:2] / sha256

    def _missing(self, name: str) -> DomainError:
        return DomainError(
            N_(
                "The file {name} is not in the attachment store; it may have been added on another PC "
                "before files were shared. Ask the PC that added it to open it once."
            ),
            name=name or "?",
        )

    def _write_local(self, sha256: str, content: bytes, name: str) -> Path:
        """Write into the folder: a temporary file, flushed to disk, then renamed."""
        target = self._local(sha256)
        if target is None:
            raise DomainError(N_("No folder for attachments is set up."))
        if target.is_file():
            return target
        tmp = ""
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
            with os.fdopen(fd, "wb") as out:
                out.write(content)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except OSError as exc:
            if tmp:
                Path(tmp).unlink(missing_ok=True)
            raise DomainError(
                N_("The file {name} could not be stored: {why}"), name=name, why=str(exc)
            ) from exc
        return target

    def _upload(self, path: Path, sha256: str) -> None:
        with self._db.writing() as uow:
            repo.put(uow.session, sha256, path.read_bytes(), self._now())
            uow.commit()


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(_CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()
