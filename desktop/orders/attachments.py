"""Files kept with an order (a session's photos, sign-in sheets, the contract) or with a
provider (certificates).

Files are stored by content (SHA-256) in the same attachment store as the requests'
(``desktop.opening.attachments_dir``), so the same photo attached twice is kept once.
Attaching to an order is a step of its history (``Action.ATTACH``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from db.models_orders import OrderAttachment, OrderSession, Provider
from desktop.common import audit
from desktop.common.errors import DomainError, NotFound
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission
from desktop.orders.base import OrdersBase, load_order, record_event
from desktop.orders.states import Action, check, require
from desktop.orders.vocabulary import AttachmentKind

ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024


class AttachmentsPart(OrdersBase):
    def attach_to_order(
        self,
        actor: Actor,
        order_id: int,
        path: Path,
        *,
        kind: str = AttachmentKind.PHOTO,
        session_id: int | None = None,
    ) -> int:
        """Keep a file with an order (optionally with one of its sessions); returns its id."""
        require(actor, Action.ATTACH)
        check_kind = AttachmentKind(kind)
        path = Path(path)
        size = _size(path)
        digest = self._store(path)  # before the transaction: the copy may take a while
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, Action.ATTACH, order.stage)
            if session_id is not None:
                session_row = s.get(OrderSession, session_id)
                if session_row is None or session_row.order_id != order.id:
                    raise DomainError(N_("This session is not one of the order's."))
            row = OrderAttachment(
                order_id=order.id,
                session_id=session_id,
                kind=check_kind.value,
                filename=path.name[:255],
                sha256=digest,
                size=size,
                added_at=now,
                added_by=actor.user_id,
            )
            s.add(row)
            s.flush()
            order.updated_at = now
            record_event(s, actor, order, Action.ATTACH, order.stage, now, note=path.name)
            uow.commit()
            return row.id

    def attach_to_provider(
        self, actor: Actor, provider_id: int, path: Path, *, kind: str = AttachmentKind.CERTIFICATE
    ) -> int:
        """Keep a certificate (or another file) with a provider; returns its id."""
        actor.require(Permission.MANAGE_PROVIDERS)
        check_kind = AttachmentKind(kind)
        path = Path(path)
        size = _size(path)
        digest = self._store(path)
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            provider = s.get(Provider, provider_id)
            if provider is None:
                raise NotFound(N_("This provider no longer exists."))
            row = OrderAttachment(
                provider_id=provider.id,
                kind=check_kind.value,
                filename=path.name[:255],
                sha256=digest,
                size=size,
                added_at=now,
                added_by=actor.user_id,
            )
            s.add(row)
            s.flush()
            provider.updated_at = now
            audit.record(s, actor, "attach", "provider", provider.id, after={"file": path.name}, at=now)
            uow.commit()
            return row.id

    def attachment_path(self, sha256: str) -> Path:
        return self._store_dir() / sha256[:2] / sha256

    def export_attachment(self, actor: Actor, attachment_id: int, target: Path) -> None:
        """Copy an attachment out of the store (to open or save it)."""
        actor.require(Permission.VIEW_ORDERS)
        with self._db.reading() as uow:
            a = uow.session.get(OrderAttachment, attachment_id)
            if a is None:
                raise NotFound(N_("This attachment no longer exists."))
            sha256 = a.sha256
        shutil.copyfile(self.attachment_path(sha256), target)

    def _store_dir(self) -> Path:
        if self._attachments is None:
            raise DomainError(N_("No folder for attachments is set up."))
        return self._attachments

    def _store(self, path: Path) -> str:
        """Copy into the store by SHA-256: written to a temporary file, then renamed."""
        folder = self._store_dir()
        h = hashlib.sha256()
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".part")
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


def _size(path: Path) -> int:
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
    return size
