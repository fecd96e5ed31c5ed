"""tamper evidence: keyed audit chain, triggers against REPLACE and TRUNCATE, history sealed

* ``audit_log.chain``: how a row's hash was made — 1 plain SHA-256 (every row so far),
  2 HMAC-SHA-256 with the database's key, kept outside the database (rows from now on,
  once the key is made).
* The append-only triggers again, now also refusing ``INSERT OR REPLACE`` over an
  existing row (SQLite) and ``TRUNCATE`` (PostgreSQL).
* The request timeline and the points ledger written so far are sealed: one audit row
  holds a digest of every row, so an edit behind the program's back shows even where an
  older release wrote no audit row naming the event (:mod:`db.audit_mirror`).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.audit import GENESIS, PLAIN, _digest
from db.audit_mirror import SEAL_ACTION, SEAL_ENTITY, seal_content
from db.models import AuditEntry
from db.triggers import create_append_only_triggers, drop_statement

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The append-only tables at this revision (db.triggers.APPEND_ONLY_TABLES grows later).
TABLES = ("audit_log", "request_event", "ledger_entry", "order_event", "order_payment", "fund_entry")


def upgrade() -> None:
    conn = op.get_bind()
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chain", sa.SmallInteger(), server_default="1", nullable=False))
    for table in TABLES:
        create_append_only_triggers(conn, table)
    _seal_history(conn)


def _seal_history(conn: sa.Connection) -> None:
    """One plain audit row with a digest of the timeline and ledger rows written so far."""
    content = seal_content(conn)
    if content is None:
        return
    prev = conn.execute(sa.text("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")).scalar() or GENESIS
    entry = AuditEntry(
        at=dt.datetime.now().replace(microsecond=0),
        user_id=None,
        username="system",
        action=SEAL_ACTION,
        entity=SEAL_ENTITY,
        entity_id="0007",
        before="",
        after=json.dumps(content, ensure_ascii=False, sort_keys=True),
    )
    conn.execute(
        sa.text(
            "INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, before, after,"
            " prev_hash, hash, chain) VALUES (:at, NULL, :username, :action, :entity, :entity_id, '',"
            " :after, :prev, :hash, :chain)"
        ).bindparams(sa.bindparam("at", type_=sa.DateTime())),
        {
            "at": entry.at,
            "username": entry.username,
            "action": entry.action,
            "entity": entry.entity,
            "entity_id": entry.entity_id,
            "after": entry.after,
            "prev": prev,
            "hash": _digest(prev, entry),
            "chain": PLAIN,
        },
    )


def downgrade() -> None:
    conn = op.get_bind()
    for table in TABLES:
        third = f"{table}_no_replace" if conn.dialect.name == "sqlite" else f"{table}_no_truncate"
        conn.execute(sa.text(drop_statement(conn, table, third)))
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("chain")
    # Batch mode may have rebuilt audit_log without its triggers.
    _create_update_delete_triggers(conn, "audit_log")


def _create_update_delete_triggers(conn: sa.Connection, table: str) -> None:
    """The triggers of revisions 0001–0006 (UPDATE and DELETE only)."""
    create_append_only_triggers(conn, table)
    third = f"{table}_no_replace" if conn.dialect.name == "sqlite" else f"{table}_no_truncate"
    conn.execute(sa.text(drop_statement(conn, table, third)))
