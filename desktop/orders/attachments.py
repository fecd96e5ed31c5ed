"""Files kept with an order (a session's photos, sign-in sheets, the contract) or with a
provider (certificates).

Files are stored by content (SHA-256) in the one attachment store
(:mod:`desktop.common.attachments`: the folder beside a SQLite file, the database on a
server so every desk opens them), so the same photo attached twice is kept once.
Attaching to an order is a step of its history (``Action.ATTACH``).
"""

from __future__ import annotations

from pathlib import Path

from db.models_orders import OrderAttachment, OrderSession, Provider
from desktop.common import audit
from desktop.common.attachments import ATTACHMENT_MAX_BYTES, AttachmentStore, StoredRef, check_file
from desktop.common.errors import DomainError, NotFound
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission
from desktop.orders.base import OrdersBase, load_order, record_event
from desktop.orders.states import Action, check, require
from desktop.orders.vocabulary import AttachmentKind

__all__ = ["ATTACHMENT_MAX_BYTES", "AttachmentsPart"]


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
        size, digest = self._put(path)  # before the transaction: the copy may take a while
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
        size, digest = self._put(path)
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

    def open_attachment(self, actor: Actor, attachment_id: int) -> Path:
        """A local file holding the attachment, to open it (on a server: this PC's copy)."""
        actor.require(Permission.VIEW_ORDERS)
        sha256, name = self._attachment_ref(attachment_id)
        return self._files().open(sha256, name)

    def export_attachment(self, actor: Actor, attachment_id: int, target: Path) -> None:
        """Copy an attachment out of the store (to open or save it)."""
        actor.require(Permission.VIEW_ORDERS)
        sha256, name = self._attachment_ref(attachment_id)
        self._files().copy_to(sha256, Path(target), name)

    def _attachment_ref(self, attachment_id: int) -> tuple[str, str]:
        with self._db.reading() as uow:
            a = uow.session.get(OrderAttachment, attachment_id)
            if a is None:
                raise NotFound(N_("This attachment no longer exists."))
            return a.sha256, a.filename

    def _files(self) -> AttachmentStore:
        if self._attachments is None and self._db.dialect != "postgresql":
            raise DomainError(N_("No folder for attachments is set up."))
        return AttachmentStore(self._db, self._attachments, self._now)

    def _put(self, path: Path) -> tuple[int, str]:
        check_file(path)
        stored: StoredRef = self._files().put(path)
        return stored.size, stored.sha256
