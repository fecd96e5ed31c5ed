"""Database triggers that make tables append-only.

Rows in these tables are evidence (the audit log, the request timeline, the points
ledger, the orders' events, payments and fund movements): the database itself refuses
to change them, so no bug and no hand-edited SQL can rewrite history.

* Both backends refuse ``UPDATE`` and ``DELETE`` row by row.
* SQLite: ``INSERT OR REPLACE`` (and ``REPLACE INTO``) deletes the row it conflicts
  with and inserts its own, and the delete trigger does not fire for that deletion
  (only with ``PRAGMA recursive_triggers``, which nobody editing the file will switch
  on). A ``BEFORE INSERT`` trigger therefore refuses any row whose id — or any other
  unique key of the table — is already there.
* PostgreSQL: ``TRUNCATE`` fires no row trigger; a statement-level ``BEFORE TRUNCATE``
  trigger refuses it. (``INSERT … ON CONFLICT DO UPDATE`` is an UPDATE and is refused.)

Alembic's SQLite batch mode recreates tables and silently drops their triggers, so
every migration that touches one of these tables must call
``create_append_only_triggers`` again. ``missing_triggers`` (triggers that are absent)
and ``disabled_triggers`` (PostgreSQL triggers switched off with ``ALTER TABLE …
DISABLE TRIGGER``) are checked by the tests and by ``python main.py check``.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

# The one list of append-only tables: a job that adds one appends it here and calls
# ``create_append_only_triggers`` in its migration (a migration itself names the tables
# that exist at its revision, never this tuple, which grows with later releases).
APPEND_ONLY_TABLES: tuple[str, ...] = (
    "audit_log",
    "request_event",
    "ledger_entry",
    "order_event",
    "order_payment",
    "fund_entry",
    "visit",
    "visit_report",
    "visit_photo",
)

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql
"""


def trigger_names(table: str, dialect: str = "sqlite") -> tuple[str, ...]:
    """The append-only triggers of ``table`` on ``dialect`` ("sqlite" or "postgresql")."""
    third = "no_replace" if dialect == "sqlite" else "no_truncate"
    return f"{table}_no_update", f"{table}_no_delete", f"{table}_{third}"


def drop_statement(conn: Connection, table: str, name: str) -> str:
    """``DROP TRIGGER`` of one trigger, in the dialect of ``conn``."""
    if conn.dialect.name == "sqlite":
        return f"DROP TRIGGER IF EXISTS {name}"
    return f"DROP TRIGGER IF EXISTS {name} ON {table}"


def _sqlite_unique_keys(conn: Connection, table: str) -> list[list[str]]:
    """The column lists of ``table``'s unique indexes (the rowid ``id`` excluded)."""
    keys = []
    for row in conn.exec_driver_sql(f"PRAGMA index_list({table})").mappings():
        if not row["unique"] or row["partial"]:
            continue
        columns = [r["name"] for r in conn.exec_driver_sql(f"PRAGMA index_info({row['name']})").mappings()]
        if columns and all(columns):
            keys.append(columns)
    return keys


def create_append_only_triggers(conn: Connection, table: str) -> None:
    """Create (or re-create) the triggers that keep ``table`` append-only."""
    dialect = conn.dialect.name
    no_update, no_delete, third = trigger_names(table, dialect)
    if dialect == "sqlite":
        refuse = f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        for name, event in ((no_update, "UPDATE"), (no_delete, "DELETE")):
            conn.execute(text(drop_statement(conn, table, name)))
            conn.execute(text(f"CREATE TRIGGER {name} BEFORE {event} ON {table} {refuse}"))
        # An insert that would replace a row: the same id, or the same value of any
        # other unique key (REPLACE deletes whichever row it conflicts with).
        clashes = ["id = NEW.id"] + [
            "(" + " AND ".join(f"{c} = NEW.{c}" for c in columns) + ")"
            for columns in _sqlite_unique_keys(conn, table)
        ]
        conn.execute(text(drop_statement(conn, table, third)))
        conn.execute(
            text(
                f"CREATE TRIGGER {third} BEFORE INSERT ON {table} "
                f"WHEN EXISTS (SELECT 1 FROM {table} WHERE {' OR '.join(clashes)}) {refuse}"
            )
        )
        return
    conn.execute(text(_PG_FUNCTION))
    for name, event in ((no_update, "UPDATE"), (no_delete, "DELETE")):
        conn.execute(text(drop_statement(conn, table, name)))
        conn.execute(
            text(
                f"CREATE TRIGGER {name} BEFORE {event} ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION refuse_change()"
            )
        )
    conn.execute(text(drop_statement(conn, table, third)))
    conn.execute(
        text(
            f"CREATE TRIGGER {third} BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()"
        )
    )
    # ALWAYS: they fire in ``session_replication_role = replica`` sessions too.
    for name in (no_update, no_delete, third):
        conn.execute(text(f"ALTER TABLE {table} ENABLE ALWAYS TRIGGER {name}"))


def drop_append_only_triggers(conn: Connection, table: str) -> None:
    """Remove the triggers of ``table`` (a migration's downgrade, before dropping it)."""
    for name in trigger_names(table, conn.dialect.name):
        conn.execute(text(drop_statement(conn, table, name)))


def _expected(conn: Connection) -> list[str]:
    return [n for table in APPEND_ONLY_TABLES for n in trigger_names(table, conn.dialect.name)]


def _pg_triggers(conn: Connection) -> dict[str, str]:
    """This schema's own triggers on PostgreSQL: name → ``tgenabled`` ('D' = disabled)."""
    rows = conn.execute(
        text(
            "SELECT t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal AND c.relnamespace = "
            "(SELECT oid FROM pg_namespace WHERE nspname = current_schema())"
        )
    )
    return {name: str(enabled) for name, enabled in rows}


def missing_triggers(conn: Connection) -> list[str]:
    """Names of append-only triggers that should exist but do not."""
    if conn.dialect.name == "sqlite":
        rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        present = {r[0] for r in rows}
    else:
        present = set(_pg_triggers(conn))
    return [n for n in _expected(conn) if n not in present]


def disabled_triggers(conn: Connection) -> list[str]:
    """Names of append-only triggers that exist but are switched off.

    PostgreSQL keeps a trigger disabled with ``ALTER TABLE … DISABLE TRIGGER``
    (``tgenabled = 'D'``); such a trigger is as good as dropped. SQLite triggers cannot
    be switched off.
    """
    if conn.dialect.name == "sqlite":
        return []
    state = _pg_triggers(conn)
    return [n for n in _expected(conn) if state.get(n) == "D"]
