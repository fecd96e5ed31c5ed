"""Queries of the shared attachment store (``stored_file``): bytes keyed by SHA-256.

Statements run on the session's connection: storing a file's bytes is not a change any
page shows (the attachment row that names it is), so the change bus does not hear it.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy import Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from db.models import StoredFile

_table = cast(Table, StoredFile.__table__)


def has(session: Session, sha256: str) -> bool:
    return (
        session.connection().execute(select(_table.c.sha256).where(_table.c.sha256 == sha256)).first()
        is not None
    )


def put(session: Session, sha256: str, content: bytes, at: dt.datetime) -> None:
    """Store ``content`` under its hash; nothing happens if it is stored already."""
    conn = session.connection()
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = insert(_table).values(sha256=sha256, size=len(content), content=content, added_at=at)
    conn.execute(stmt.on_conflict_do_nothing(index_elements=[_table.c.sha256]))


def content(session: Session, sha256: str) -> bytes | None:
    return session.connection().execute(select(_table.c.content).where(_table.c.sha256 == sha256)).scalar()
