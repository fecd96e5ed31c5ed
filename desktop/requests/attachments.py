"""Photos and scans kept with a request (附件).

Part of :class:`desktop.requests.service.RequestService`. Files are stored by content
(SHA-256) in the data folder, next to the database, so the same photo attached twice is
kept once; attaching is an action of the lifecycle (``Action.ATTACH``) and appears in
the request's timeline.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from db.models import Attachment, Request
from db.uow import Database
from desktop.common.clock import Clock
from desktop.common.errors import DomainError, found
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission
from desktop.requests.lifecycle import record_event
from desktop.requests.states import Action, check

ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024


class Attachments:
    """The attachment part of the request service."""

    _db: Database
    _now: Clock
    _attachments: Path  # the store: <folder>/<first two hex digits>/<sha256>

    def add_attachment(self, actor: Actor, request_id: int, path: Path) -> int:
        """Store a photo or scan with the request (content-addressed, in the data folder)."""
        path = Path(path)
        try:
            size = path.stat().st_size
        except OSError:
            raise DomainError(N_("The file {name} cannot be read."), name=path.name) from None
        if size == 0:
            raise DomainError(N_("The file {name} is empty."), name=path.name)
        if size > ATTACHMENT_MAX_BYTES:
            raise DomainError(
                N_("The file {name} is {mb} MB; at most {max} MB can be attached."),
                name=path.name,
                mb=round(size / 1024 / 1024),
                max=ATTACHMENT_MAX_BYTES // 1024 // 1024,
            )
        digest = self._store(path)
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            request = found(s.get(Request, request_id), N_("This request no longer exists."))
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

    def attachment_path(self, sha256: str) -> Path:
        return self._attachments / sha256[:2] / sha256

    def _store(self, path: Path) -> str:
        """Copy into the attachment store by SHA-256: written to a temporary file, then renamed."""
        h = hashlib.sha256()
        self._attachments.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self._attachments, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out, path.open("rb") as src:
                for chunk in iter(lambda: src.read(1 << 20), b""):
                    h.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            target = self.attachment_path(h.hexdigest())
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                os.unlink(tmp)
            else:
                os.replace(tmp, target)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise DomainError(
                N_("The file {name} could not be stored: {why}"), name=path.name, why=str(exc)
            ) from exc
        return h.hexdigest()

    def export_attachment(self, actor: Actor, attachment_id: int, target: Path) -> None:
        actor.require(Permission.VIEW_REQUESTS)
        with self._db.reading() as uow:
            a = found(uow.session.get(Attachment, attachment_id), N_("This attachment no longer exists."))
            shutil.copyfile(self.attachment_path(a.sha256), target)
