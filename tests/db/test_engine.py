"""The SQLite settings the data's safety depends on, and writers that never collide."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import text

from db import settings as settings_repo
from db.engine import BUSY_TIMEOUT_MS


def test_sqlite_connections_use_wal_full_sync_foreign_keys_and_a_busy_timeout(sqlite_db):
    with sqlite_db.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS


def test_a_write_transaction_takes_the_write_lock_at_its_start(sqlite_db):
    """BEGIN IMMEDIATE: while one desk writes, another cannot even begin a write,
    but can still read (WAL)."""
    db = sqlite_db.db
    with db.writing() as first:
        first.session.execute(text("SELECT 1"))
        raw = db.engine.raw_connection()
        try:
            cur = raw.driver_connection.cursor()
            cur.execute("PRAGMA busy_timeout=50")
            with pytest.raises(sqlite3.OperationalError, match="database is locked"):
                cur.execute("BEGIN IMMEDIATE")
            cur.execute("SELECT count(*) FROM app_user")  # reading still works
        finally:
            raw.close()


def test_concurrent_read_modify_write_loses_nothing(any_db):
    """Two desks incrementing the same value 40 times each end at 80, with no error."""
    db = any_db.db
    with db.writing() as uow:
        settings_repo.put(uow.session, "counter", "0")
        uow.commit()
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def desk() -> None:
        try:
            start.wait()
            for _ in range(40):
                with db.writing() as uow:
                    s = uow.session
                    if s.get_bind().dialect.name == "postgresql":
                        s.execute(text("SELECT 1 FROM setting WHERE key = 'counter' FOR UPDATE"))
                    value = int(settings_repo.get(s, "counter"))
                    settings_repo.put(s, "counter", str(value + 1))
                    uow.commit()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=desk) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with db.reading() as uow:
        assert settings_repo.get(uow.session, "counter") == "80"
