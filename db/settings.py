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
