"""Schema migrations: pytest-alembic's built-in checks, the append-only triggers, and
how an installed database is upgraded (after a verified backup) or refused (too new)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from pytest_alembic.tests import (  # noqa: F401  (collected here, on both backends)
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)
from sqlalchemy import create_engine, inspect, text

import db.migrate as migrate
from db.engine import make_engine
from db.triggers import missing_triggers
from desktop.common.errors import DomainError
from desktop.common.permissions import Role
from desktop.opening import open_database
from desktop.residents.service import ResidentForm

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


# --- pytest-alembic ------------------------------------------------------------------
@pytest.fixture(params=BACKENDS)
def alembic_engine(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'alembic.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_url")
    engine = make_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture
def alembic_config(alembic_engine):
    return migrate.alembic_config(alembic_engine.url.render_as_string(hide_password=False))


def test_head_constant_matches_the_migration_scripts():
    """Start-up compares the database with ``HEAD`` to avoid importing Alembic."""
    assert migrate.HEAD == migrate.head_revision()


# --- triggers ------------------------------------------------------------------------
def test_append_only_triggers_exist_after_upgrade_head(any_url):
    command.upgrade(migrate.alembic_config(any_url), "head")
    engine = make_engine(any_url)
    try:
        with engine.connect() as conn:
            assert missing_triggers(conn) == []
    finally:
        engine.dispose()


def test_triggers_are_back_after_downgrade_and_upgrade(any_url):
    cfg = migrate.alembic_config(any_url)
    command.upgrade(cfg, "head")
    command.downgrade(cfg, "base")
    command.upgrade(cfg, "head")
    engine = make_engine(any_url)
    try:
        with engine.connect() as conn:
            assert missing_triggers(conn) == []
    finally:
        engine.dispose()


def test_missing_triggers_names_a_dropped_trigger(sqlite_db):
    with sqlite_db.db.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_log_no_delete"))
    with sqlite_db.db.engine.connect() as conn:
        assert missing_triggers(conn) == ["audit_log_no_delete"]


# --- opening an installed database ---------------------------------------------------
def files_of(path: Path) -> dict[str, bytes]:
    """The database file and any -wal/-shm/-journal beside it, by name."""
    return {p.name: p.read_bytes() for p in sorted(path.parent.glob(path.name + "*"))}


def test_a_new_database_is_created_at_head_without_a_backup(tmp_path):
    services = open_database(tmp_path / "new.sqlite3", backup_dir=tmp_path / "backups")
    try:
        assert migrate.current_revision(services.db.engine) == migrate.head_revision()
    finally:
        services.db.dispose()
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.sqlite3"
    open_database(path, backup_dir=None).db.dispose()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    conn.close()
    before = files_of(path)
    assert list(before) == [path.name]

    with pytest.raises(DomainError, match="newer version") as exc:
        open_database(path, backup_dir=tmp_path / "backups")
    assert exc.value.params["rev"] == "ffff_from_the_future"
    assert files_of(path) == before  # byte for byte, and no -wal/-shm left behind
    assert not (tmp_path / "backups").exists()


def test_a_postgresql_database_from_a_newer_version_is_refused(pg_url, tmp_path):
    open_database(pg_url, backup_dir=None).db.dispose()
    engine = create_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_from_the_future'"))
        tables = set(inspect(engine).get_table_names())
        with pytest.raises(DomainError, match="newer version"):
            open_database(pg_url, backup_dir=tmp_path / "backups")
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT version_num FROM alembic_version")) == ("ffff_from_the_future")
        assert set(inspect(engine).get_table_names()) == tables
    finally:
        engine.dispose()


@pytest.fixture
def installed(tmp_path, make_actor, sqlite_template) -> Path:
    """A database written by the current release, with some residents in it."""
    path = tmp_path / "installed.sqlite3"
    shutil.copyfile(sqlite_template, path)
    services = open_database(path, backup_dir=None)
    desk = make_actor(services, Role.FRONT_DESK)
    for name in ("张三", "李四"):
        services.residents.save(desk, ResidentForm(name=name, address="幸福家园"))
    services.db.dispose()
    return path


def table_rows(path: Path, table: str) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
    finally:
        conn.close()


def test_upgrade_makes_a_verified_backup_first(installed, next_release, tmp_path):
    original = installed.read_bytes()
    residents = table_rows(installed, "resident")
    url = f"sqlite:///{installed}"
    engine = make_engine(url)
    try:
        backup = migrate.upgrade_database(engine, url, backup_dir=tmp_path / "backups")
        assert migrate.current_revision(engine) == "9001"
        assert "upgrade_probe" in inspect(engine).get_table_names()
        with engine.connect() as conn:
            assert missing_triggers(conn) == []
    finally:
        engine.dispose()
    assert backup is not None and backup.parent == tmp_path / "backups"
    assert "before-9001" in backup.name
    # The backup is the database as it was before the upgrade.
    assert table_rows(backup, "alembic_version") == [(next_release,)]
    assert table_rows(backup, "resident") == residents
    assert table_rows(installed, "resident") == residents
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert installed.read_bytes() != original


def test_open_database_upgrades_an_installed_database_after_a_backup(installed, next_release, tmp_path):
    services = open_database(installed, backup_dir=tmp_path / "backups")
    try:
        assert migrate.current_revision(services.db.engine) == "9001"
    finally:
        services.db.dispose()
    [backup] = (tmp_path / "backups").iterdir()
    assert table_rows(backup, "alembic_version") == [(next_release,)]
    # Opening again: already at head, no second backup.
    open_database(installed, backup_dir=tmp_path / "backups").db.dispose()
    assert len(list((tmp_path / "backups").iterdir())) == 1


def test_no_upgrade_without_a_backup(installed, next_release, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise migrate.BackupFailed("disk full")

    monkeypatch.setattr(migrate, "backup_sqlite_file", broken)
    before = files_of(installed)
    with pytest.raises(DomainError, match="backed up") as exc:
        open_database(installed, backup_dir=tmp_path / "backups")
    assert exc.value.params["why"] == "disk full"
    assert files_of(installed) == before


# --- backup_sqlite_file --------------------------------------------------------------
def test_backup_sqlite_file_copies_and_verifies(installed, tmp_path):
    backup = migrate.backup_sqlite_file(installed, tmp_path / "backups", label="manual")
    assert backup.exists() and "manual" in backup.name
    # One self-contained file, without -wal/-shm beside it.
    assert list((tmp_path / "backups").iterdir()) == [backup]
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert migrate._table_counts(backup) == migrate._table_counts(installed)
    assert table_rows(backup, "audit_log") == table_rows(installed, "audit_log")


def test_backup_of_a_broken_file_fails_and_leaves_nothing(tmp_path):
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    with pytest.raises(migrate.BackupFailed, match="file is not a database"):
        migrate.backup_sqlite_file(broken, tmp_path / "backups", label="x")
    assert list((tmp_path / "backups").iterdir()) == []


def test_a_database_of_the_first_release_upgrades_with_its_data_and_triggers(tmp_path):
    """A centre that installed revision 0001 opens the requests release: residents and
    the audit chain survive, the new tables and their append-only triggers exist, and
    a backup of the old file was made first."""
    from alembic import command
    from sqlalchemy import text

    from db.engine import make_engine, to_url
    from db.migrate import HEAD, alembic_config, current_revision
    from db.triggers import missing_triggers
    from desktop.check import run_checks

    path = tmp_path / "old.sqlite3"
    url = to_url(path)
    engine = make_engine(url)
    with engine.begin() as conn:
        cfg = alembic_config(url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    from desktop.opening import open_database

    engine = make_engine(url)
    assert current_revision(engine) == "0001"
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO resident (name, name_initials, gender, address, notes, archived, created_at,"
                " updated_at) VALUES ('张三', 'zs', '男', '幸福家园', '', 0, '2026-01-01 09:00:00',"
                " '2026-01-01 09:00:00')"
            )
        )
        conn.execute(text("INSERT INTO resident_address_fts (rowid, tokens) VALUES (1, '幸 福 家 园')"))
    engine.dispose()
    services = open_database(path, backup_dir=tmp_path / "backups")
    assert current_revision(services.db.engine) == HEAD
    assert list((tmp_path / "backups").glob("*.sqlite3")), "no backup before the upgrade"
    with services.db.engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM resident")).scalars().all() == ["张三"]
        assert missing_triggers(conn) == []
        assert conn.execute(text("SELECT count(*) FROM request")).scalar() == 0
    assert run_checks(services.db) == []
    services.db.dispose()


def test_a_database_of_the_previous_release_with_data_everywhere_upgrades(demo_file, tmp_path):
    """Residents are pointed at by requests, volunteers and tags: rebuilding the resident
    table in batch mode (a later release adds a column with a key to it) must not trip
    over those keys, and no key may be broken after the upgrade."""
    import shutil

    from alembic import command
    from sqlalchemy import text

    from db.engine import make_engine, to_url
    from db.migrate import HEAD, alembic_config, current_revision, set_sqlite_foreign_keys
    from desktop.opening import open_database

    path = tmp_path / "centre.sqlite3"
    shutil.copyfile(demo_file, path)
    url = to_url(path)
    engine = make_engine(url)
    with engine.connect() as conn:
        set_sqlite_foreign_keys(conn, on=False)
        with conn.begin():
            cfg = alembic_config(url)
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0003")
        set_sqlite_foreign_keys(conn, on=True)
    assert current_revision(engine) == "0003"
    with engine.connect() as conn:
        residents = conn.execute(text("SELECT count(*) FROM resident")).scalar()
        requests = conn.execute(text("SELECT count(*) FROM request WHERE resident_id IS NOT NULL")).scalar()
    engine.dispose()
    assert residents > 1000 and requests > 100

    services = open_database(path, backup_dir=tmp_path / "backups")
    assert current_revision(services.db.engine) == HEAD
    with services.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM resident")).scalar() == residents
        assert conn.execute(text("PRAGMA foreign_key_check")).fetchall() == []
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    services.db.dispose()
