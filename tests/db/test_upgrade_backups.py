"""Upgrades after a verified backup on both backends; what an upgrade must leave behind."""

from __future__ import annotations

import subprocess

import pytest
from alembic import command
from sqlalchemy import text

from db import migrate
from db.engine import make_engine, to_url
from desktop.common.errors import DomainError
from desktop.opening import open_database


def revision_of(url: str) -> str | None:
    engine = make_engine(url)
    try:
        return migrate.current_revision(engine)
    finally:
        engine.dispose()


def count(url: str, table: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() or 0
    finally:
        engine.dispose()


# --- hole 13: PostgreSQL upgrades after a pg_dump ---------------------------------------
@pytest.mark.slow
@pytest.mark.postgres
def test_a_server_database_is_upgraded_after_a_verified_pg_dump(pg_db, next_release, tmp_path):
    url = pg_db.db.url
    pg_db.db.dispose()
    services = open_database(url, backup_dir=tmp_path / "backups")
    services.db.dispose()
    assert revision_of(url) == "9001"
    [dump] = (tmp_path / "backups").iterdir()
    assert dump.suffix == ".pgdump" and "before-9001" in dump.name
    listing = subprocess.run(["pg_restore", "--list", str(dump)], capture_output=True, text=True)
    assert listing.returncode == 0 and "TABLE DATA public alembic_version" in listing.stdout


@pytest.mark.slow
@pytest.mark.postgres
def test_without_pg_dump_a_server_database_is_not_upgraded_unless_the_admin_says_so(
    pg_db, next_release, tmp_path, monkeypatch
):
    url = pg_db.db.url
    pg_db.db.dispose()
    monkeypatch.setenv("SHEQU_PG_BIN", str(tmp_path / "no-tools"))
    with pytest.raises(DomainError, match="pg_dump") as exc:
        open_database(url, backup_dir=tmp_path / "backups")
    assert "--without-backup" in str(exc.value)
    assert revision_of(url) == next_release  # untouched
    open_database(url, backup_dir=tmp_path / "backups", upgrade_without_backup=True).db.dispose()
    assert revision_of(url) == "9001"


# --- hole 13: an upgrade from the first revision keeps a usable catalogue ----------------
def test_an_upgrade_from_the_first_revision_leaves_the_starting_categories_and_departments(tmp_path):
    path = tmp_path / "old.sqlite3"
    url = to_url(path)
    engine = make_engine(url)
    with engine.begin() as conn:
        cfg = migrate.alembic_config(url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(
            text(
                "INSERT INTO app_user (username, full_name, role, password_hash, is_active, failed_logins,"
                " created_at) VALUES ('admin', '管理员', 'admin', 'x', 1, 0, '2026-01-01 09:00:00')"
            )
        )
    engine.dispose()
    services = open_database(path, backup_dir=tmp_path / "backups")
    try:
        tree = services.requests.categories()
        assert tree and all(top.children for top in tree)
        assert services.requests.departments()
    finally:
        services.db.dispose()
    categories = count(url, "category")
    open_database(path, backup_dir=tmp_path / "backups").db.dispose()
    assert count(url, "category") == categories  # written once


def test_every_new_database_gets_its_own_centre_id(tmp_path):
    from db.settings import CENTRE_ID

    ids = []
    for name in ("a", "b"):
        url = to_url(tmp_path / f"{name}.sqlite3")
        open_database(url, backup_dir=None).db.dispose()
        engine = make_engine(url)
        with engine.connect() as conn:
            ids.append(
                conn.execute(text("SELECT value FROM setting WHERE key = :k"), {"k": CENTRE_ID}).scalar()
            )
        engine.dispose()
    assert all(ids) and ids[0] != ids[1]
