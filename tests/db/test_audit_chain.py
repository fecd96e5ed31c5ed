"""The audit log is append-only (database triggers) and hash-chained (verify_chain)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from db import audit
from db.triggers import APPEND_ONLY_TABLES, trigger_names
from desktop.check import run_checks
from desktop.common.permissions import Role
from desktop.residents.service import ResidentForm


@pytest.fixture
def logged(any_db, make_actor):
    """A database with a few audited changes."""
    desk = make_actor(any_db, Role.FRONT_DESK)
    for name in ("张三", "李四", "王五"):
        any_db.residents.save(desk, ResidentForm(name=name, address="幸福家园"))
    return any_db


def chain_problems(services) -> list[str]:
    with services.db.reading() as uow:
        return audit.verify_chain(uow.session)


def drop_triggers(services) -> None:
    with services.db.engine.begin() as conn:
        for table in APPEND_ONLY_TABLES:
            for name in trigger_names(table):
                if services.db.dialect == "sqlite":
                    conn.execute(text(f"DROP TRIGGER {name}"))
                else:
                    conn.execute(text(f"DROP TRIGGER {name} ON {table}"))


def test_an_untouched_chain_verifies(logged, audit_rows):
    rows = audit_rows(logged)
    assert [(r.action, r.entity) for r in rows] == [
        ("create", "user"),
        ("login", "user"),
        ("create", "resident"),
        ("create", "resident"),
        ("create", "resident"),
    ]
    assert rows[0].prev_hash == audit.GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(rows, rows[1:], strict=False))
    assert chain_problems(logged) == []


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET after = '{}' WHERE id = (SELECT min(id) FROM audit_log)",
        "UPDATE audit_log SET username = 'someone else'",
        "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)",
        "DELETE FROM audit_log",
    ],
)
def test_update_and_delete_are_refused_by_the_database(logged, audit_rows, statement):
    before = audit_rows(logged)
    with pytest.raises(DBAPIError, match="append-only"):
        with logged.db.engine.begin() as conn:
            conn.execute(text(statement))
    assert audit_rows(logged) == before
    assert chain_problems(logged) == []


def test_an_altered_row_is_detected(logged, audit_rows):
    drop_triggers(logged)
    target = audit_rows(logged)[2]
    with logged.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET username = 'mallory' WHERE id = :id"), {"id": target.id})
    assert chain_problems(logged) == [f"audit_log id={target.id}: content does not match its hash"]
    problems = run_checks(logged.db)
    assert f"audit_log id={target.id}: content does not match its hash" in problems
    assert any("append-only trigger missing" in p for p in problems)


def test_a_removed_row_is_detected(logged, audit_rows):
    drop_triggers(logged)
    rows = audit_rows(logged)
    with logged.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": rows[1].id})
    assert chain_problems(logged) == [f"audit_log id={rows[2].id}: previous-hash link broken"]


def test_a_rewritten_row_with_a_fresh_hash_still_breaks_the_chain(logged, audit_rows):
    """Recomputing the altered row's own hash does not help: the next row points at the
    old one."""
    drop_triggers(logged)
    rows = audit_rows(logged)
    target = rows[1]
    with logged.db.reading() as uow:
        entry = uow.session.get(audit.AuditEntry, target.id)
        entry.username = "mallory"
        forged = audit._digest(entry.prev_hash, entry)
    with logged.db.engine.begin() as conn:
        conn.execute(
            text("UPDATE audit_log SET username = 'mallory', hash = :h WHERE id = :id"),
            {"h": forged, "id": target.id},
        )
    assert chain_problems(logged) == [f"audit_log id={rows[2].id}: previous-hash link broken"]


def test_a_rolled_back_change_leaves_no_audit_row(logged, audit_rows):
    before = audit_rows(logged)
    with logged.db.writing() as uow:
        audit.record(uow.session, user_id=None, username="system", action="test", entity="x")
        # leaving without commit() rolls back
    assert audit_rows(logged) == before
    assert chain_problems(logged) == []
