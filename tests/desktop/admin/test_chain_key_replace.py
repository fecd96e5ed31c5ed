"""A centre whose only PC died keeps working (issue 11): a password-protected backup
carries the audit key and a restore on a new PC installs it; when the key is lost for
good, an administrator replaces it — recorded in the chain itself — and ``check`` then
verifies the later rows with the new key, the older ones by their links, and says so."""

from __future__ import annotations

import builtins
import getpass
import json
import zipfile

import pytest
from sqlalchemy import text

import main
from db import audit
from db import settings as settings_repo
from db.triggers import APPEND_ONLY_TABLES, drop_statement, trigger_names
from desktop.admin import chain_key
from desktop.admin.backup import make_backup
from desktop.admin.backup_zip import AUDIT_KEY_NAME, DATABASE_NAME
from desktop.admin.restore import restore_backup
from desktop.check import run_checks, run_checks_with_notices
from desktop.common.errors import DomainError, PermissionDenied
from desktop.common.permissions import Role
from desktop.opening import attachments_dir, open_database
from desktop.residents.service import ResidentForm

PASSWORD = "居委会2026"


def centre_of(services) -> str:
    with services.db.reading() as uow:
        return settings_repo.centre_id(uow.session)


def key_check_of(services) -> str:
    with services.db.reading() as uow:
        return audit.key_check(uow.session)


def new_pc(monkeypatch, tmp_path, name: str = "new_pc") -> None:
    """From here on this process is another PC: a config folder without any key."""
    monkeypatch.setenv(chain_key.AUDIT_DIR_ENV, str(tmp_path / name))


def worked_in(services, make_actor):
    """An administrator and a desk who saved two residents."""
    admin = make_actor(services, Role.ADMIN, username="admin")
    desk = make_actor(services, Role.FRONT_DESK)
    for name in ("张三", "李四"):
        services.residents.save(desk, ResidentForm(name=name))
    return admin, desk


def restored_on_a_new_pc(services, monkeypatch, tmp_path, *, password: str | None):
    """Back the centre up, lose its PC, put the backup back on a new PC and open it."""
    url = services.db.url
    backup = make_backup(url, attachments_dir(url), tmp_path / "backups", password=password)
    services.db.dispose()
    new_pc(monkeypatch, tmp_path)
    done = restore_backup(backup, url, tmp_path / "att", tmp_path / "safety", password=password)
    return done, open_database(url, backup_dir=None)


def drop_triggers(services) -> None:
    with services.db.engine.begin() as conn:
        for table in APPEND_ONLY_TABLES:
            for name in trigger_names(table, services.db.dialect):
                conn.execute(text(drop_statement(conn, table, name)))


# --- the key in password-protected backups ----------------------------------------------
def test_only_a_password_protected_backup_carries_the_key(any_db, make_actor, tmp_path):
    worked_in(any_db, make_actor)
    url = any_db.db.url
    plain = make_backup(url, attachments_dir(url), tmp_path / "plain")
    with zipfile.ZipFile(plain) as zf:
        assert AUDIT_KEY_NAME not in zf.namelist()
    locked = make_backup(url, attachments_dir(url), tmp_path / "locked", password=PASSWORD)
    with zipfile.ZipFile(locked) as zf:
        info = zf.getinfo(AUDIT_KEY_NAME)
        assert info.flag_bits & 0x1  # encrypted like everything else
        with pytest.raises((RuntimeError, NotImplementedError)):
            zf.read(AUDIT_KEY_NAME)
    key = chain_key.load_key(centre_of(any_db))
    assert key is not None
    with pytest.raises(ValueError):  # never written into a zip without a password
        from desktop.admin.backup_zip import Manifest, write_zip

        source = tmp_path / "x.sqlite3"
        source.write_bytes(b"x")
        write_zip(
            tmp_path / "x.zip",
            Manifest("c", "n", "r", "t", "sqlite", DATABASE_NAME),
            source,
            [],
            password=None,
            audit_key=key.to_json(),
        )


@pytest.mark.slow
def test_a_password_backup_restored_on_a_new_pc_installs_the_key(any_db, make_actor, tmp_path, monkeypatch):
    admin, desk = worked_in(any_db, make_actor)
    old = chain_key.load_key(centre_of(any_db))
    done, services = restored_on_a_new_pc(any_db, monkeypatch, tmp_path, password=PASSWORD)
    try:
        assert done.audit_key == "installed"
        installed = chain_key.load_key(centre_of(services))
        assert installed == old and installed.fingerprint == key_check_of(services)
        services.residents.save(desk, ResidentForm(name="王五"))  # work goes on
        assert run_checks_with_notices(services.db) == ([], [])
    finally:
        services.db.dispose()


def test_a_different_key_on_this_pc_is_never_overwritten(tmp_path, monkeypatch):
    new_pc(monkeypatch, tmp_path)
    mine = chain_key.ChainKey("centre-1", b"m" * 32, 0)
    chain_key.write_key_file(chain_key.key_path("centre-1"), mine)
    theirs = chain_key.ChainKey("centre-1", b"t" * 32, 3)
    state, where = chain_key.install_restored_key(theirs, centre_id="centre-1", key_check=theirs.fingerprint)
    assert state == "kept" and where == chain_key.kept_key_path("centre-1", theirs.fingerprint)
    assert chain_key.load_key("centre-1") == mine  # left in place
    assert chain_key.read_key_file(where) == theirs
    assert theirs.key in chain_key.keys_for("centre-1")  # still used to verify
    # Not the restored database's key (another centre, another fingerprint): nothing installed.
    assert (
        chain_key.install_restored_key(theirs, centre_id="centre-2", key_check=theirs.fingerprint)[0]
        == "foreign"
    )
    assert chain_key.install_restored_key(theirs, centre_id="centre-1", key_check="f" * 32)[0] == "foreign"
    assert not chain_key.key_path("centre-2").exists()


# --- replacing a lost key -------------------------------------------------------------------
@pytest.fixture
def replaced(any_db, make_actor, tmp_path, monkeypatch, audit_rows):
    """A centre restored from a backup without a password on a new PC: the key is lost,
    nothing can be saved, so the administrator replaces it; then a desk saves again."""
    admin, desk = worked_in(any_db, make_actor)
    exported = chain_key.write_key_file(tmp_path / "old.key", chain_key.load_key(centre_of(any_db)))
    done, services = restored_on_a_new_pc(any_db, monkeypatch, tmp_path, password=None)
    assert done.audit_key == ""
    before = audit_rows(services)
    with pytest.raises(DomainError, match="does not have the audit-log key"):
        services.residents.save(desk, ResidentForm(name="王五"))
    old_check = key_check_of(services)
    made = services.chain_key.replace_key(admin)
    services.residents.save(desk, ResidentForm(name="王五"))
    yield services, admin, before, made, old_check, exported
    services.db.dispose()


@pytest.mark.slow
def test_after_a_replacement_work_goes_on_and_check_passes_with_a_notice(replaced, audit_rows, capsys):
    services, admin, before, made, old_check, _exported = replaced
    rows = audit_rows(services)
    rekey = rows[len(before)]
    assert (rekey.action, rekey.entity, rekey.username) == ("rekey", "audit_key", "admin")
    assert json.loads(rekey.after) | {} == {
        "old_key": old_check,
        "new_key": made.key.fingerprint,
        "starts_at": len(before),
        "replaced_at": json.loads(rekey.after)["replaced_at"],
        "replaced_by": "admin",
    }
    assert rekey.prev_hash == before[-1].hash  # it holds the last old row
    assert rows[-1].action == "create" and rows[-1].entity == "resident"
    with services.db.reading() as uow:
        assert audit.key_check(uow.session) == made.key.fingerprint != old_check
        assert [h["old_key"] for h in audit.key_history(uow.session)] == [old_check]
    assert made.starts_at == len(before) and made.key.keyed_after == len(before)
    problems, notices = run_checks_with_notices(services.db)
    assert problems == []
    assert len(notices) == 1 and f"第 1–{len(before)} 条审计记录使用已更换的密钥签名" in notices[0]
    assert "由 admin 更换" in notices[0]
    assert main.main(["check", "--db", services.db.url]) == 0
    out = capsys.readouterr().out
    assert "检查通过" in out and "仅能核对链接" in out


@pytest.mark.slow
def test_tampering_after_the_replacement_is_still_detected(replaced, audit_rows):
    services = replaced[0]
    drop_triggers(services)
    last = audit_rows(services)[-1]
    with services.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET username = 'mallory' WHERE id = :id"), {"id": last.id})
    assert f"audit_log id={last.id}: content does not match its hash" in run_checks(services.db)


@pytest.mark.slow
def test_tampering_with_the_old_rows_links_is_detected(replaced, audit_rows):
    services, _admin, before, *_ = replaced
    drop_triggers(services)
    with services.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": before[1].id})
    assert f"audit_log id={before[2].id}: previous-hash link broken" in run_checks(services.db)


@pytest.mark.slow
def test_the_old_rows_rewritten_up_to_the_replacement_break_its_link(replaced, audit_rows):
    """Re-hashing the old rows (even with their own key) cannot reach past the
    replacement: its row is signed with the new key and holds the old last hash."""
    services, _admin, before, *_ = replaced
    drop_triggers(services)
    prev = before[0].hash
    with services.db.engine.begin() as conn:
        for row in before[1:]:
            entry = audit.AuditEntry(**{c: getattr(row, c) for c in row._fields})
            entry.username = "mallory"
            forged = audit._digest(prev, entry)
            conn.execute(
                text("UPDATE audit_log SET username = 'mallory', prev_hash = :p, hash = :h WHERE id = :id"),
                {"p": prev, "h": forged, "id": row.id},
            )
            prev = forged
    rekey = audit_rows(services)[len(before)]
    assert f"audit_log id={rekey.id}: previous-hash link broken" in run_checks(services.db)


@pytest.mark.slow
def test_with_the_old_key_file_the_old_rows_verify_fully(replaced, audit_rows):
    services, admin, before, _made, _old, exported = replaced
    services.chain_key.import_key(admin, exported)  # found again: kept beside the new key
    assert services.chain_key.status().matches  # the new key stays this PC's key
    assert run_checks_with_notices(services.db) == ([], [])
    drop_triggers(services)
    with services.db.engine.begin() as conn:  # content only: the links stay as they were
        conn.execute(text("UPDATE audit_log SET username = 'mallory' WHERE id = :id"), {"id": before[2].id})
    assert f"audit_log id={before[2].id}: content does not match its hash" in run_checks(services.db)


@pytest.mark.slow
def test_a_forged_replacement_is_refused_or_found(replaced, audit_rows, make_actor):
    services, _admin, *_ = replaced
    desk = make_actor(services, Role.FRONT_DESK)
    rows = audit_rows(services)
    with pytest.raises(PermissionDenied):
        services.chain_key.replace_key(desk)
    assert audit_rows(services) == rows
    # Someone holding only the database writes a replacement with a key of their own.
    forged_key = b"f" * 32
    with services.db.reading() as uow:
        history = audit.key_history(uow.session)
        check = audit.key_check(uow.session)
    record = {
        "old_key": check,
        "new_key": audit.fingerprint(forged_key),
        "starts_at": len(rows),
        "replaced_at": "2026-12-06T10:00:00",
        "replaced_by": "admin",
    }
    entry = audit.AuditEntry(
        at=rows[-1].at,
        user_id=None,
        username="admin",
        action="rekey",
        entity="audit_key",
        entity_id="x",
        before="",
        after=json.dumps(record, sort_keys=True),
    )
    forged = audit._keyed_digest(forged_key, rows[-1].hash, entry)
    with services.db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, before, after,"
                " prev_hash, hash, chain) VALUES (:at, NULL, 'admin', 'rekey', 'audit_key', 'x', '', :a,"
                " :p, :h, 2)"
            ),
            {"at": entry.at, "a": entry.after, "p": rows[-1].hash, "h": forged},
        )
        conn.execute(
            text("UPDATE setting SET value = :v WHERE key = :k"),
            {"v": record["new_key"], "k": audit.KEY_CHECK_SETTING},
        )
        conn.execute(
            text("UPDATE setting SET value = :v WHERE key = :k"),
            {"v": json.dumps([*history, record]), "k": audit.KEY_HISTORY_SETTING},
        )
    problems = run_checks(services.db)
    assert "audit_log: this PC's audit key is not the key of this database" in problems


def test_a_key_that_is_here_is_not_replaced(any_db, make_actor, audit_rows):
    admin, _desk = worked_in(any_db, make_actor)
    rows = audit_rows(any_db)
    with pytest.raises(DomainError, match="not lost"):
        any_db.chain_key.replace_key(admin)
    assert audit_rows(any_db) == rows


@pytest.mark.slow
def test_the_command_line_replaces_after_confirmation(any_db, make_actor, tmp_path, monkeypatch, capsys):
    worked_in(any_db, make_actor)
    url = any_db.db.url
    any_db.db.dispose()
    new_pc(monkeypatch, tmp_path)
    old_check = key_check_of(any_db)
    monkeypatch.setattr(main, "_error", str)  # no translator left installed for later tests
    answers = iter(["admin", "no"])
    monkeypatch.setattr(builtins, "input", lambda _prompt="": next(answers))
    monkeypatch.setattr(getpass, "getpass", lambda _prompt="": "secret123")
    assert main.main(["chain-key", "replace", "--db", url]) == 1  # not confirmed
    assert key_check_of(any_db) == old_check
    answers = iter(["admin"])
    monkeypatch.setattr(getpass, "getpass", lambda _prompt="": "wrong")
    assert main.main(["chain-key", "replace", "--yes", "--db", url]) == 1
    assert key_check_of(any_db) == old_check
    answers = iter(["admin"])
    monkeypatch.setattr(getpass, "getpass", lambda _prompt="": "secret123")
    assert main.main(["chain-key", "replace", "--yes", "--db", url]) == 0
    assert "已更换审计密钥" in capsys.readouterr().out
    assert key_check_of(any_db) != old_check
    assert chain_key.load_key(centre_of(any_db)).fingerprint == key_check_of(any_db)
