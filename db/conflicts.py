"""Who last changed a record, for the message a desk sees when its form is out of date."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditEntry, User


def last_change(session: Session, entity: str, entity_id: object) -> tuple[str, dt.datetime] | None:
    """``(the user's full name, or login name, when)`` of the newest audit row of a record."""
    row = session.execute(
        select(AuditEntry.username, AuditEntry.at, User.full_name)
        .outerjoin(User, User.id == AuditEntry.user_id)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == str(entity_id))
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    username, at, full_name = row
    return (full_name or username, at)
