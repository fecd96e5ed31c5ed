"""The append-only tables refuse every way of rewriting a row, on both backends:
UPDATE, DELETE, SQLite's INSERT OR REPLACE over an existing row, PostgreSQL's TRUNCATE —
and ``check`` names a trigger that is missing or switched off."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from db.triggers import APPEND_ONLY_TABLES, create_append_only_triggers, missing_triggers, trigger_names
from desktop.check import run_checks


def count(services, table: str) -> int:
    with services.db.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def rows_of(services, table: str) -> list:
    with services.db.engine.connect() as conn:
        return conn.execute(text(f"SELECT * FROM {table} ORDER BY id")).all()


def add_any_row(services, table: str) -> None:
    """A row of placeholder values (foreign keys off), for a table the demo leaves empty."""
    path = services.db.url.removeprefix("sqlite:///")
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        columns = conn.execute(f"PRAGMA table_info({table})").fetchall()
        values = []
        for _cid, _name, kind, _notnull, _default, _pk in columns:
            kind = kind.upper()
            if "INT" in kind or "BOOL" in kind:
                values.append(1)
            elif "DATE" in kind or "TIME" in kind:
                values.append("2026-01-01 09:00:00.000000")
            elif "BLOB" in kind or "BINARY" in kind:
                values.append(b"x")
            else:
                values.append("x")
        names = ", ".join(c[1] for c in columns)
        conn.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", values)
        conn.commit()
    finally:
        conn.close()


@pytest.mark.parametrize("table", APPEND_ONLY_TABLES)
def test_insert_or_replace_over_an_existing_row_is_refused(demo_db, table):
    if not rows_of(demo_db, table):
        add_any_row(demo_db, table)
    before = rows_of(demo_db, table)
    for statement in (
        f"INSERT OR REPLACE INTO {table} SELECT * FROM {table} WHERE id = (SELECT min(id) FROM {table})",
        f"REPLACE INTO {table} SELECT * FROM {table} WHERE id = (SELECT max(id) FROM {table})",
    ):
        with pytest.raises(DBAPIError, match="append-only"):
            with demo_db.db.engine.begin() as conn:
                conn.execute(text(statement))
    assert rows_of(demo_db, table) == before


def test_a_raised_ledger_row_and_balance_by_replace_are_refused(demo_db):
    """The attack of issue 11: a ledger row replaced by one 500 points higher, the cached
    balance raised to match — the balance reconciliation alone would pass."""
    with demo_db.db.engine.connect() as conn:
        entry = conn.execute(text("SELECT * FROM ledger_entry ORDER BY id LIMIT 1")).mappings().one()
    columns = ", ".join(entry.keys())
    values = ", ".join(f":{c}" for c in entry.keys())
    with pytest.raises(DBAPIError, match="append-only"):
        with demo_db.db.engine.begin() as conn:
            conn.execute(
                text(f"INSERT OR REPLACE INTO ledger_entry ({columns}) VALUES ({values})"),
                dict(entry) | {"delta": entry["delta"] + 500},
            )
            conn.execute(
                text("UPDATE point_account SET available = available + 500 WHERE volunteer_id = :v"),
                {"v": entry["volunteer_id"]},
            )
    assert run_checks(demo_db.db) == []


def test_a_replace_that_clashes_on_another_unique_key_is_refused(demo_db):
    """REPLACE deletes whichever row it conflicts with — on the hash as well as the id."""
    with demo_db.db.engine.connect() as conn:
        first = conn.execute(text("SELECT * FROM audit_log ORDER BY id LIMIT 1")).mappings().one()
    row = dict(first) | {"id": first["id"] + 1000, "username": "mallory"}
    columns = ", ".join(row)
    with pytest.raises(DBAPIError, match="append-only"):
        with demo_db.db.engine.begin() as conn:
            conn.execute(
                text(f"INSERT OR REPLACE INTO audit_log ({columns}) VALUES (:{', :'.join(row)})"), row
            )
    assert rows_of(demo_db, "audit_log")[0]._mapping["username"] == first["username"]


def test_plain_inserts_still_work(any_db, make_actor):
    """The insert trigger refuses only clashes: the program's own writes go through."""
    before = count(any_db, "audit_log")
    make_actor(any_db, "admin")
    assert count(any_db, "audit_log") > before


@pytest.mark.postgres
@pytest.mark.parametrize("table", APPEND_ONLY_TABLES)
def test_truncate_is_refused_on_postgresql(pg_db, table):
    before = count(pg_db, table)
    with pytest.raises(DBAPIError, match="append-only"):
        with pg_db.db.engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {table} CASCADE"))
    assert count(pg_db, table) == before


@pytest.mark.postgres
def test_a_disabled_trigger_is_reported_on_postgresql(pg_db):
    with pg_db.db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_no_update"))
        conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER ALL"))
    problems = run_checks(pg_db.db)
    assert "append-only trigger disabled: ledger_entry_no_update" in problems
    assert {f"append-only trigger disabled: {n}" for n in trigger_names("audit_log", "postgresql")} <= set(
        problems
    )
    assert not any("missing" in p for p in problems)


@pytest.mark.postgres
def test_triggers_fire_in_replica_sessions_too(pg_db, make_actor):
    """``session_replication_role = replica`` skips ordinary triggers; ours are ALWAYS."""
    make_actor(pg_db, "admin")
    assert count(pg_db, "audit_log") > 0
    with pytest.raises(DBAPIError, match="append-only"):
        with pg_db.db.engine.begin() as conn:
            conn.execute(text("SET LOCAL session_replication_role = replica"))
            conn.execute(text("DELETE FROM audit_log"))


def test_missing_triggers_knows_every_table_and_kind(any_db):
    dialect = any_db.db.dialect
    with any_db.db.engine.begin() as conn:
        for table in APPEND_ONLY_TABLES:
            for name in trigger_names(table, dialect):
                conn.execute(
                    text(f"DROP TRIGGER {name}" if dialect == "sqlite" else f"DROP TRIGGER {name} ON {table}")
                )
    with any_db.db.engine.connect() as conn:
        assert missing_triggers(conn) == [n for t in APPEND_ONLY_TABLES for n in trigger_names(t, dialect)]
    with any_db.db.engine.begin() as conn:
        for table in APPEND_ONLY_TABLES:
            create_append_only_triggers(conn, table)
    with any_db.db.engine.connect() as conn:
        assert missing_triggers(conn) == []
