"""The audit key: made with the database, kept outside it (0600), exported by the
administrator and imported on the other desks of a server; a desk without it is told
what to do and writes nothing (issue 11)."""

from __future__ import annotations

import stat

import pytest
from sqlalchemy import text

import main
from db import audit
from db import settings as settings_repo
from desktop.admin import chain_key
from desktop.check import run_checks
from desktop.common.errors import DomainError, PermissionDenied
from desktop.common.permissions import SYSTEM, Role
from desktop.opening import open_database
from desktop.residents.service import ResidentForm


def identity(services) -> str:
    with services.db.reading() as uow:
        return settings_repo.centre_id(uow.session)


def test_a_new_database_gets_its_key_in_the_config_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(chain_key.AUDIT_DIR_ENV, str(tmp_path / "audit"))
    services = open_database(tmp_path / "new.sqlite3", backup_dir=None)
    try:
        centre = identity(services)
        path = chain_key.key_path(centre)
        assert path.parent == tmp_path / "audit"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        found = chain_key.load_key(centre)
        assert found is not None and found.keyed_after == 0 and len(found.key) == 32
        status = services.chain_key.status()
        assert (status.keyed, status.here, status.matches) == (True, True, True)
    finally:
        services.db.dispose()


def test_the_default_folder_is_inside_the_config_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(chain_key.AUDIT_DIR_ENV)
    monkeypatch.setenv("SHEQU_CONFIG_DIR", str(tmp_path / "cfg"))
    assert chain_key.audit_dir() == tmp_path / "cfg" / "audit"


def other_desk(services, monkeypatch, tmp_path):
    """The same database opened on another PC: a config folder without the key."""
    monkeypatch.setenv(chain_key.AUDIT_DIR_ENV, str(tmp_path / "desk_b"))
    return open_database(services.db.url, backup_dir=None)


def test_a_desk_without_the_key_is_refused_then_imports_it(
    any_db, make_actor, tmp_path, monkeypatch, audit_rows
):
    admin = make_actor(any_db, Role.ADMIN)
    exported = any_db.chain_key.export_key(admin, tmp_path / "key.json")
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600
    desk_b = other_desk(any_db, monkeypatch, tmp_path)
    try:
        before = audit_rows(any_db)
        with pytest.raises(DomainError, match="does not have the audit-log key") as refused:
            desk_b.residents.save(admin, ResidentForm(name="张三"))
        assert "chain-key import" in str(refused.value)
        assert audit_rows(any_db) == before
        with desk_b.db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM resident")).scalar() == 0  # nothing half-saved

        desk_b.chain_key.import_key(admin, exported)
        desk_b.residents.save(admin, ResidentForm(name="张三"))
        assert run_checks(desk_b.db) == []
    finally:
        desk_b.db.dispose()
    assert run_checks(any_db.db) == []  # rows written on desk B verify on desk A


def test_logging_in_on_a_desk_without_the_key_never_counts_towards_the_lock(
    any_db, make_actor, tmp_path, monkeypatch
):
    make_actor(any_db, Role.FRONT_DESK, username="qiantai9", password="right123")
    desk_b = other_desk(any_db, monkeypatch, tmp_path)
    try:
        for _ in range(7):  # right or wrong, the desk cannot log anyone in without the key
            with pytest.raises(DomainError, match="does not have the audit-log key"):
                desk_b.accounts.login("qiantai9", "right123")
    finally:
        desk_b.db.dispose()
    with any_db.db.engine.connect() as conn:
        failures, locked_until = conn.execute(
            text("SELECT failed_logins, locked_until FROM app_user WHERE username = 'qiantai9'")
        ).one()
    assert (failures, locked_until) == (0, None)  # nothing counted: the account is not locked


def test_another_databases_key_is_not_imported(any_db, make_actor, tmp_path, monkeypatch):
    admin = make_actor(any_db, Role.ADMIN)
    foreign = chain_key.ChainKey("someone-else", b"k" * 32, 0)
    chain_key.write_key_file(tmp_path / "foreign.json", foreign)
    with pytest.raises(DomainError, match="another database"):
        any_db.chain_key.import_key(admin, tmp_path / "foreign.json")
    (tmp_path / "junk.json").write_text("{}", encoding="utf-8")
    with pytest.raises(DomainError, match="not an audit key"):
        any_db.chain_key.import_key(admin, tmp_path / "junk.json")


def test_only_an_administrator_exports_the_key(any_db, make_actor, tmp_path):
    desk = make_actor(any_db, Role.FRONT_DESK)
    with pytest.raises(PermissionDenied):
        any_db.chain_key.export_key(desk, tmp_path / "key.json")
    assert not (tmp_path / "key.json").exists()


def test_a_server_database_gets_its_key_when_an_administrator_signs_in(
    pg_url, tmp_path, monkeypatch, make_actor
):
    """An upgraded server database is not keyed by whichever desk opens it first."""
    services = open_database(pg_url, backup_dir=None)
    try:
        with services.db.writing() as uow:  # as if upgraded from an older release
            uow.session.execute(text("DELETE FROM setting WHERE key = :k"), {"k": audit.KEY_CHECK_SETTING})
            uow.commit()
        chain_key.key_path(identity(services)).unlink()
    finally:
        services.db.dispose()
    desk = open_database(pg_url, backup_dir=None)
    try:
        assert desk.chain_key.status().keyed is False
        made = desk.chain_key.ensure_key(SYSTEM)
        assert made is not None and desk.chain_key.status().keyed
    finally:
        desk.db.dispose()


def test_the_command_line_exports_and_imports(any_db, make_actor, tmp_path, monkeypatch, capsys):
    make_actor(any_db, Role.ADMIN)
    url = any_db.db.url
    assert main.main(["chain-key", "export", str(tmp_path / "k.json"), "--db", url]) == 0
    monkeypatch.setenv(chain_key.AUDIT_DIR_ENV, str(tmp_path / "desk_b"))
    assert chain_key.load_key(identity(any_db)) is None
    assert main.main(["chain-key", "import", str(tmp_path / "k.json"), "--db", url]) == 0
    assert chain_key.load_key(identity(any_db)) is not None
    out = capsys.readouterr().out
    assert "已导出" in out and "已导入" in out
    assert (
        main.main(["chain-key", "export", str(tmp_path / "k2.json"), "--db", str(tmp_path / "nope.sqlite3")])
        == 2
    )
