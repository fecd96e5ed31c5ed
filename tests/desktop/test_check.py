"""``python main.py check``: a sound database reports nothing, damage is named."""

from __future__ import annotations

from sqlalchemy import text

from desktop.check import run_checks


def test_a_fresh_database_is_sound(any_db):
    assert run_checks(any_db.db) == []


def test_the_demo_database_is_sound(demo_db):
    assert run_checks(demo_db.db) == []


def test_a_missing_trigger_is_reported(demo_db):
    with demo_db.db.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_log_no_update"))
    assert run_checks(demo_db.db) == ["append-only trigger missing: audit_log_no_update"]


def test_a_missing_trigger_is_reported_on_postgresql(pg_db):
    with pg_db.db.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_log_no_delete ON audit_log"))
    assert run_checks(pg_db.db) == ["append-only trigger missing: audit_log_no_delete"]


def test_a_stale_address_index_is_reported(demo_db):
    # An address changed behind the application's back (e.g. by hand-edited SQL).
    with demo_db.db.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE resident SET address = '光明小区1号楼' WHERE id IN "
                "(SELECT id FROM resident WHERE NOT archived ORDER BY id LIMIT 3)"
            )
        )
    assert run_checks(demo_db.db) == ["address search index out of date for 3 residents"]


def test_an_unexpected_schema_revision_is_reported(demo_db):
    with demo_db.db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
    [problem] = run_checks(demo_db.db)
    assert "schema revision ffff" in problem
