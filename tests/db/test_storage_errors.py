"""A locked file or a lost server becomes a named StorageError, and the app carries on."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from db import engine as engine_module
from db.errors import StorageError, StorageProblem
from db.models import Grid
from desktop.opening import open_database


def test_a_sqlite_file_locked_by_another_program_is_reported_then_works_again(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'shequ.sqlite3'}"
    open_database(url, backup_dir=None).db.dispose()  # migrate once
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 200)
    services = open_database(url, backup_dir=None)
    other = sqlite3.connect(str(tmp_path / "shequ.sqlite3"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError) as caught:
            with services.db.writing() as uow:
                uow.session.add(Grid(name="锁住"))
                uow.commit()
        assert caught.value.problem is StorageProblem.LOCKED
    finally:
        other.execute("ROLLBACK")
        other.close()
    with services.db.writing() as uow:
        uow.session.add(Grid(name="解锁后"))
        uow.commit()
    with services.db.reading() as uow:
        assert uow.session.scalars(select(Grid.name)).all() == ["解锁后"]
    services.db.dispose()


@pytest.mark.postgres
def test_a_killed_postgresql_connection_is_reported_then_works_again(pg_db, pg_url):
    admin = create_engine(make_url(pg_url).set(query={}), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with pytest.raises(StorageError) as caught:
        with pg_db.db.writing() as uow:
            pid = uow.session.scalar(text("SELECT pg_backend_pid()"))
            with admin.connect() as conn:
                conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            uow.session.add(Grid(name="断开"))
            uow.commit()
    assert caught.value.problem is StorageProblem.CONNECTION_LOST
    admin.dispose()
    # The pool notices the dead connection and the next unit of work gets a new one.
    with pg_db.db.writing() as uow:
        uow.session.add(Grid(name="恢复"))
        uow.commit()
    with pg_db.db.reading() as uow:
        assert uow.session.scalars(select(Grid.name)).all() == ["恢复"]


def test_a_file_that_is_not_a_database_is_reported_as_damaged(tmp_path):
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not a database" * 200)
    from db.uow import Database

    engine = engine_module.make_engine(f"sqlite:///{path}")
    database = Database(engine, f"sqlite:///{path}")
    with pytest.raises(StorageError) as caught:
        with database.reading() as uow:
            uow.session.execute(text("SELECT count(*) FROM sqlite_master"))
    assert caught.value.problem is StorageProblem.DAMAGED
    database.dispose()


def test_the_app_gets_a_storage_failure_it_can_show_like_any_rule(tmp_path, monkeypatch):
    from desktop.common.errors import DomainError, StorageFailure

    url = f"sqlite:///{tmp_path / 'shequ.sqlite3'}"
    open_database(url, backup_dir=None).db.dispose()
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 100)
    services = open_database(url, backup_dir=None)
    other = sqlite3.connect(str(tmp_path / "shequ.sqlite3"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageFailure) as caught:
            with services.db.writing() as uow:
                uow.session.add(Grid(name="锁住"))
                uow.commit()
    finally:
        other.execute("ROLLBACK")
        other.close()
        services.db.dispose()
    assert isinstance(caught.value, DomainError)
    assert caught.value.template.startswith("The database is busy")
