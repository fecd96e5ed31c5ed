"""Settings stored in the database itself (shared by every PC using it)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Setting

CENTRE_NAME = "centre_name"


def get(session: Session, key: str, default: str = "") -> str:
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return default if value is None else value


def put(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


CENTRE_ID = "centre_id"
"""A random id made when the database is created: a backup says which centre it is of, and
a restore refuses another centre's backup."""


def centre_id(session: Session) -> str:
    """The centre's id, or "" for a database made before ids existed (see ``ensure``)."""
    return get(session, CENTRE_ID)


def ensure_centre_id(session: Session) -> str:
    """The centre's id, made now (in this transaction) if the database has none yet."""
    found = centre_id(session)
    if not found:
        found = new_centre_id()
        put(session, CENTRE_ID, found)
    return found


def new_centre_id() -> str:
    import uuid

    return uuid.uuid4().hex
