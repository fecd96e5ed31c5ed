"""The audit log is append-only (database triggers) and hash-chained (verify_chain)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from db import audit
from db import settings as settings_repo
from db.triggers import APPEND_ONLY_TABLES, drop_statement, trigger_names
from desktop.admin.chain_key import load_key
from desktop.check import run_checks
from desktop.common.errors import DomainError
from desktop.common.permissions import Role
from desktop.residents.service import ResidentForm


@pytest.fixture
def logged(any_db, make_actor):
    """A database with a few audited changes."""
    desk = make_actor(any_db, Role.FRONT_DESK)
    for name in ("张三", "李四", "王五"):
        any_db.residents.save(desk, ResidentForm(name=name, address="幸福家园"))
    return any_db


def this_pc_key(services):
    with services.db.reading() as uow:
        found = load_key(settings_repo.centre_id(uow.session))
    assert found is not None
    return found


def chain_problems(services) -> list[str]:
    with services.db.reading() as uow:
        return audit.verify_chain(uow.session)


def drop_triggers(services) -> None:
    with services.db.engine.begin() as conn:
        for table in APPEND_ONLY_TABLES:
            for name in trigger_names(table, services.db.dialect):
                conn.execute(text(drop_statement(conn, table, name)))


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
    key = this_pc_key(logged).key
    with logged.db.reading() as uow:
        entry = uow.session.get(audit.AuditEntry, target.id)
        entry.username = "mallory"
        forged = audit._keyed_digest(key, entry.prev_hash, entry)  # even with the key
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


# --- the keyed chain (issue 11, hole 5) ------------------------------------------------
def test_new_rows_are_keyed_with_the_key_kept_outside_the_database(logged, audit_rows):
    key = this_pc_key(logged)
    rows = audit_rows(logged)
    assert {r.chain for r in rows} == {audit.KEYED}
    for row in rows:
        entry = audit.AuditEntry(**{c: getattr(row, c) for c in row._fields})
        assert row.hash == audit._keyed_digest(key.key, row.prev_hash, entry)
        assert row.hash != audit._digest(row.prev_hash, entry)  # not a plain SHA-256
    with logged.db.engine.connect() as conn:
        stored = " ".join(str(v) for r in conn.execute(text("SELECT * FROM setting")) for v in r)
    assert key.key.hex() not in stored  # only a fingerprint is in the database
    with logged.db.reading() as uow:
        assert audit.key_check(uow.session) == key.fingerprint


def rewrite_tail_without_the_key(services, audit_rows, *, relabel: bool) -> int:
    """What someone holding only the database can do: alter a row, then re-hash it and
    every later row with plain SHA-256 (marking them plain, or leaving them keyed)."""
    drop_triggers(services)
    rows = audit_rows(services)
    target = rows[2]
    prev = rows[1].hash
    with services.db.engine.begin() as conn:
        for row in rows[2:]:
            entry = audit.AuditEntry(**{c: getattr(row, c) for c in row._fields})
            if row.id == target.id:
                entry.username = "mallory"
            forged = audit._digest(prev, entry)
            conn.execute(
                text(
                    "UPDATE audit_log SET username = :u, prev_hash = :p, hash = :h, chain = :c WHERE id = :id"
                ),
                {
                    "u": entry.username,
                    "p": prev,
                    "h": forged,
                    "c": audit.PLAIN if relabel else row.chain,
                    "id": row.id,
                },
            )
            prev = forged
    return target.id


def test_a_row_rewritten_with_the_later_hashes_recomputed_is_detected(logged, audit_rows):
    target = rewrite_tail_without_the_key(logged, audit_rows, relabel=False)
    assert f"audit_log id={target}: content does not match its hash" in chain_problems(logged)
    assert f"audit_log id={target}: content does not match its hash" in run_checks(logged.db)


def test_a_rewritten_tail_relabelled_as_plain_rows_is_detected(logged, audit_rows):
    target = rewrite_tail_without_the_key(logged, audit_rows, relabel=True)
    problems = run_checks(logged.db)
    assert f"audit_log id={target}: written without the key after the chain was keyed" in problems


def test_without_the_key_keyed_rows_are_reported_as_unverifiable(logged):
    with logged.db.reading() as uow:
        problems = audit.verify_chain(uow.session, key=None)
    assert problems == ["audit_log: 5 keyed rows cannot be verified without this database's audit key"]


def write_rows_as_an_older_release(engine, n: int) -> None:
    """Audit rows as revisions 0001–0006 wrote them: plain SHA-256, no chain column."""
    import datetime as dt

    with engine.begin() as conn:
        prev = (
            conn.execute(text("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")).scalar()
            or audit.GENESIS
        )
        for i in range(n):
            entry = audit.AuditEntry(
                at=dt.datetime(2026, 1, 1, 9, i),
                user_id=None,
                username="system",
                action="test",
                entity="old",
                entity_id=str(i),
                before="",
                after="",
            )
            digest = audit._digest(prev, entry)
            conn.execute(
                text(
                    "INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, before, after,"
                    " prev_hash, hash) VALUES (:at, NULL, 'system', 'test', 'old', :e, '', '', :p, :h)"
                ),
                {"at": entry.at, "e": str(i), "p": prev, "h": digest},
            )
            prev = digest


def test_rows_before_the_key_keep_their_plain_hashes(sqlite_url, tmp_path, make_actor, audit_rows):
    """A database of an older release: its rows stay plain SHA-256 and verify as such; the
    rows written after the upgrade are keyed, and the whole chain verifies."""
    from alembic import command

    from db.engine import make_engine
    from db.migrate import alembic_config
    from desktop.opening import open_database

    engine = make_engine(sqlite_url)
    with engine.begin() as conn:
        cfg = alembic_config(sqlite_url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0006")
    write_rows_as_an_older_release(engine, 3)
    old_hashes = [r[0] for r in engine.connect().execute(text("SELECT hash FROM audit_log ORDER BY id"))]
    engine.dispose()

    services = open_database(sqlite_url, backup_dir=tmp_path / "backups")
    try:
        make_actor(services, Role.FRONT_DESK)
        rows = audit_rows(services)
        assert [r.hash for r in rows[:3]] == old_hashes
        assert [r.chain for r in rows[:3]] == [audit.PLAIN] * 3
        assert {r.chain for r in rows[3:]} == {audit.KEYED}
        assert this_pc_key(services).keyed_after == 3
        assert run_checks(services.db) == []
    finally:
        services.db.dispose()


# --- desks without the key -------------------------------------------------------------
class _NoKey:
    def __init__(self, key: bytes | None = None):
        self._key = key

    def key(self):
        return self._key

    def refuse(self, reason):
        return DomainError(reason)

    def anchor(self, head):
        pass


def test_a_desk_without_the_key_is_told_and_writes_nothing(logged, audit_rows, make_actor):
    before = audit_rows(logged)
    audit.use_secrets(logged.db.engine, _NoKey())  # another PC: the key was never imported
    desk = logged.accounts  # noqa: F841
    with pytest.raises(DomainError, match="missing"):
        with logged.db.writing() as uow:
            audit.record(uow.session, user_id=None, username="system", action="test", entity="x")
            uow.commit()
    assert audit_rows(logged) == before


def test_the_message_tells_the_desk_what_to_do(logged):
    from desktop.admin.chain_key import DatabaseSecrets

    message = str(DatabaseSecrets("c", "here").refuse("missing"))
    assert "Export audit key" in message and "chain-key import" in message


def test_a_desk_with_another_databases_key_is_refused(logged, audit_rows):
    before = audit_rows(logged)
    audit.use_secrets(logged.db.engine, _NoKey(b"x" * 32))
    with pytest.raises(DomainError, match="mismatch"):
        with logged.db.writing() as uow:
            audit.record(uow.session, user_id=None, username="system", action="test", entity="x")
            uow.commit()
    assert audit_rows(logged) == before
