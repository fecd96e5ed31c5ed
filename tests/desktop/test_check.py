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


# --- tampering that only the chain can see (issue 11, hole 5) ----------------------------
import datetime as dt  # noqa: E402

import pytest  # noqa: E402

from db import audit  # noqa: E402
from db import settings as settings_repo  # noqa: E402
from db.triggers import APPEND_ONLY_TABLES, drop_statement, trigger_names  # noqa: E402
from desktop.admin import chain_key  # noqa: E402
from desktop.common.clock import MovableClock  # noqa: E402
from desktop.common.permissions import Role  # noqa: E402
from desktop.requests import reference_data  # noqa: E402
from desktop.requests.service import RequestForm, RequestService  # noqa: E402
from desktop.residents.service import ResidentForm  # noqa: E402


def drop_all_triggers(services) -> None:
    with services.db.engine.begin() as conn:
        for table in APPEND_ONLY_TABLES:
            for name in trigger_names(table, services.db.dialect):
                conn.execute(text(drop_statement(conn, table, name)))


def without_trigger_problems(problems: list[str]) -> list[str]:
    return [p for p in problems if not p.startswith("append-only trigger missing")]


@pytest.fixture
def handled(any_db, make_actor, tmp_path):
    """A request registered and assigned: two events on its timeline."""
    with any_db.db.writing() as uow:
        reference_data.seed(uow.session)
        uow.commit()
    service = RequestService(any_db.db, tmp_path / "att", now=MovableClock(dt.datetime(2026, 11, 23, 9, 0)))
    desk = make_actor(any_db, Role.FRONT_DESK)
    resident = any_db.residents.save(desk, ResidentForm(name="张三", address="幸福家园3号楼"))
    with any_db.db.engine.connect() as conn:
        category = conn.execute(text("SELECT id FROM category WHERE name = '垃圾清运'")).scalar()
        dept = conn.execute(text("SELECT id FROM department WHERE name = '社区居委会'")).scalar()
    service.register(
        desk,
        RequestForm(
            resident_id=resident,
            channel="walk_in",
            category_id=category,
            description="楼下垃圾三天没人清运",
            urgency="green",
            level="community",
            lead_department_id=dept,
        ),
    )
    with any_db.db.engine.connect() as conn:
        events = conn.execute(text("SELECT id FROM request_event ORDER BY id")).scalars().all()
    assert len(events) == 2
    assert run_checks(any_db.db) == []
    return any_db, events


def test_an_edited_request_event_is_found(handled):
    services, events = handled
    drop_all_triggers(services)
    with services.db.engine.begin() as conn:
        conn.execute(
            text("UPDATE request_event SET note = '已当面解决', username = 'mallory' WHERE id = :id"),
            {"id": events[1]},
        )
    assert without_trigger_problems(run_checks(services.db)) == [
        f"request_event id={events[1]}: user, note differ from the audit log"
    ]


def test_a_cut_request_event_is_found(handled):
    services, events = handled
    drop_all_triggers(services)
    with services.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM request_event WHERE id = :id"), {"id": events[1]})
    assert without_trigger_problems(run_checks(services.db)) == [
        f"request_event id={events[1]}: in the audit log but missing from the table"
    ]


def test_a_sealed_ledger_row_edited_with_its_balance_is_found(demo_db):
    """Demo data goes in by bulk inserts; a seal in the chain holds their digest."""
    drop_all_triggers(demo_db)
    with demo_db.db.engine.begin() as conn:
        entry = conn.execute(text("SELECT id, volunteer_id FROM ledger_entry ORDER BY id LIMIT 1")).one()
        conn.execute(text("UPDATE ledger_entry SET delta = delta + 500 WHERE id = :id"), {"id": entry.id})
        conn.execute(
            text("UPDATE point_account SET available = available + 500 WHERE volunteer_id = :v"),
            {"v": entry.volunteer_id},
        )
    [problem] = without_trigger_problems(run_checks(demo_db.db))
    assert problem.startswith("ledger_entry ids 1–") and "rows differ from the digest sealed" in problem


# --- the anchor ------------------------------------------------------------------------
def anchor_of(services) -> audit.Head | None:
    with services.db.reading() as uow:
        centre_id = settings_repo.centre_id(uow.session)
    return chain_key.read_anchor(centre_id, chain_key.location_of(services.db))


def test_each_commit_records_the_head_outside_the_database(any_db, make_actor, audit_rows):
    make_actor(any_db, Role.FRONT_DESK)
    rows = audit_rows(any_db)
    assert anchor_of(any_db) == audit.Head(len(rows), rows[-1].id, rows[-1].hash)


def test_a_deleted_tail_is_found_by_the_anchor(any_db, make_actor, audit_rows):
    desk = make_actor(any_db, Role.FRONT_DESK)
    for name in ("张三", "李四", "王五"):
        any_db.residents.save(desk, ResidentForm(name=name))
    rows = audit_rows(any_db)
    drop_all_triggers(any_db)
    with any_db.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id >= :id"), {"id": rows[-2].id})
    with any_db.db.reading() as uow:
        assert audit.verify_chain(uow.session) == []  # what is left is a sound chain …
    problems = without_trigger_problems(run_checks(any_db.db))
    assert len(problems) == 1 and problems[0].startswith(  # … the anchor knows it was longer
        f"audit_log: the chain does not contain the head recorded on this PC ({len(rows)} rows"
    )
    chain_key.reanchor(any_db.db)  # what a deliberate restore of an older copy does
    assert without_trigger_problems(run_checks(any_db.db)) == []


def test_an_older_head_never_replaces_a_newer_one(tmp_path, monkeypatch):
    monkeypatch.setenv(chain_key.AUDIT_DIR_ENV, str(tmp_path))
    chain_key.write_anchor("c", "here", audit.Head(5, 5, "e" * 64))
    chain_key.write_anchor("c", "here", audit.Head(4, 4, "d" * 64))  # a slower desk
    assert chain_key.read_anchor("c", "here") == audit.Head(5, 5, "e" * 64)
    chain_key.write_anchor("c", "here", audit.Head(3, 3, "c" * 64), force=True)  # after a restore
    assert chain_key.read_anchor("c", "here") == audit.Head(3, 3, "c" * 64)
    assert [p.name for p in tmp_path.iterdir()] == [chain_key.anchor_path("c", "here").name]  # no temp left


def test_check_writes_no_anchor(any_db, make_actor):
    make_actor(any_db, Role.FRONT_DESK)
    path = chain_key.anchor_path(*_identity(any_db))
    before = path.read_bytes()
    path.unlink()
    assert run_checks(any_db.db) == []
    assert not path.exists()
    path.write_bytes(before)


def _identity(services) -> tuple[str, str]:
    with services.db.reading() as uow:
        return settings_repo.centre_id(uow.session), chain_key.location_of(services.db)
