"""Photos and scans kept with a request (附件).

Part of :class:`desktop.requests.service.RequestService`. The bytes go to the one
attachment store (:mod:`desktop.common.attachments`: the folder beside a SQLite file, the
database on a server so every desk opens them), by content (SHA-256), so the same photo
attached twice is kept once; attaching is an action of the lifecycle (``Action.ATTACH``)
and appears in the request's timeline.
"""

from __future__ import annotations

from pathlib import Path

from db.models import Attachment, Request
from db.uow import Database
from desktop.common.attachments import ATTACHMENT_MAX_BYTES, AttachmentStore, check_file
from desktop.common.clock import Clock
from desktop.common.errors import found
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission
from desktop.requests.lifecycle import record_event
from desktop.requests.states import Action, check

__all__ = ["ATTACHMENT_MAX_BYTES", "Attachments"]


class Attachments:
    """The attachment part of the request service."""

    _db: Database
    _now: Clock
    _attachments: Path  # the folder of the store (this PC's cache on a server)

    def add_attachment(self, actor: Actor, request_id: int, path: Path) -> int:
        """Store a photo or scan with the request (content-addressed, shared by all desks)."""
        path = Path(path)
        check_file(path)
        stored = self._files().put(path)  # before the transaction: the copy may take a while
        size, digest = stored.size, stored.sha256
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            request = found(
                s.get(Request, request_id, with_for_update=True), N_("This request no longer exists.")
            )
            check(actor, Action.ATTACH, request.status)
            row = Attachment(
                request_id=request.id,
                filename=path.name[:255],
                sha256=digest,
                size=size,
                added_at=now,
                added_by=actor.user_id,
            )
            s.add(row)
            s.flush()
            status = request.status
            record_event(s, actor, request, Action.ATTACH, status, status, now, note=path.name)
            uow.commit()
            return row.id

    def _files(self) -> AttachmentStore:
        return AttachmentStore(self._db, self._attachments, self._now)

    def store_file(self, path: Path) -> str:
        """Put a file in the attachment store; its SHA-256 (for jobs wired to this store)."""
        return self._files().put(Path(path)).sha256

    def attachment_path(self, sha256: str) -> Path:
        """A local file holding stored content (on a server: fetched into this PC's cache)."""
        return self._files().open(sha256)

    def open_attachment(self, actor: Actor, attachment_id: int) -> Path:
        """A local file holding the attachment, to open it (on a server: this PC's copy)."""
        actor.require(Permission.VIEW_REQUESTS)
        with self._db.reading() as uow:
            a = found(uow.session.get(Attachment, attachment_id), N_("This attachment no longer exists."))
            sha256, name = a.sha256, a.filename
        return self._files().open(sha256, name)

    def export_attachment(self, actor: Actor, attachment_id: int, target: Path) -> None:
        actor.require(Permission.VIEW_REQUESTS)
        with self._db.reading() as uow:
            a = found(uow.session.get(Attachment, attachment_id), N_("This attachment no longer exists."))
            sha256, name = a.sha256, a.filename
        self._files().copy_to(sha256, Path(target), name)
