"""Database triggers that make tables append-only.

Rows in these tables are evidence (the audit log now; ledgers and histories later): the
database itself refuses UPDATE and DELETE, so no bug and no hand-edited SQL can rewrite
history. Alembic's SQLite batch mode recreates tables and silently drops their
triggers, so every migration that touches one of these tables must call
``create_append_only_triggers`` again, and ``missing_triggers`` is checked by the tests
and by ``python main.py check``.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

APPEND_ONLY_TABLES: tuple[str, ...] = (
    "audit_log",
    "request_event",
    "ledger_entry",
    "order_event",
    "order_payment",
    "fund_entry",
)

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql
"""


def trigger_names(table: str) -> tuple[str, str]:
    return f"{table}_no_update", f"{table}_no_delete"


def create_append_only_triggers(conn: Connection, table: str) -> None:
    """Create (or re-create) the triggers that refuse UPDATE and DELETE on ``table``."""
    no_update, no_delete = trigger_names(table)
    if conn.dialect.name == "sqlite":
        for name, event in ((no_update, "UPDATE"), (no_delete, "DELETE")):
            conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
            conn.execute(
                text(
                    f"CREATE TRIGGER {name} BEFORE {event} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
            )
    else:
        conn.execute(text(_PG_FUNCTION))
        for name, event in ((no_update, "UPDATE"), (no_delete, "DELETE")):
            conn.execute(text(f"DROP TRIGGER IF EXISTS {name} ON {table}"))
            conn.execute(
                text(
                    f"CREATE TRIGGER {name} BEFORE {event} ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION refuse_change()"
                )
            )


def missing_triggers(conn: Connection) -> list[str]:
    """Names of append-only triggers that should exist but do not."""
    if conn.dialect.name == "sqlite":
        rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
    else:
        rows = conn.execute(
            text(
                "SELECT tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal AND c.relnamespace = "
                "(SELECT oid FROM pg_namespace WHERE nspname = current_schema())"
            )
        )
    present = {r[0] for r in rows}
    expected = [n for table in APPEND_ONLY_TABLES for n in trigger_names(table)]
    return [n for n in expected if n not in present]
