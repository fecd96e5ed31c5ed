"""Reading the audit log (director and admin): newest first, paged for a windowed table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db import admin as repo
from db.uow import Database
from desktop.common.permissions import Actor, Permission


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    username: str
    action: str
    entity: str
    entity_id: str
    before: str
    after: str


class AuditService:
    def __init__(self, db: Database):
        self._db = db

    def count(self, actor: Actor) -> int:
        actor.require(Permission.VIEW_AUDIT)
        with self._db.reading() as uow:
            return repo.audit_count(uow.session)

    def page(self, actor: Actor, offset: int, limit: int) -> list[AuditRow]:
        actor.require(Permission.VIEW_AUDIT)
        with self._db.reading() as uow:
            return [
                AuditRow(e.id, e.at, e.username, e.action, e.entity, e.entity_id, e.before, e.after)
                for e in repo.audit_page(uow.session, offset, limit)
            ]
