"""迁移到服务器: a demo centre's SQLite file copied into an empty PostgreSQL database, checked,
the file byte-identical afterwards; a non-empty target refused; 取消 leaves it empty."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from desktop.admin.move_to_server import MoveCancelled, move_to_server
from desktop.common.errors import DomainError, PermissionDenied
from desktop.common.permissions import SYSTEM, Actor, Role
from desktop.opening import open_database

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

DESK = Actor(user_id=2, username="qiantai", full_name="李晓梅", role=Role.FRONT_DESK)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def source(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "centre.sqlite3"
    shutil.copyfile(demo_file, path)
    return path


def _tables(url: str) -> list[str]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        return inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_a_centre_moves_to_an_empty_server_database(source, pg_databases, tmp_path):
    before = _digest(source)
    seen: list[tuple[int, int, str]] = []
    with pg_databases.empty() as url:
        report = move_to_server(SYSTEM, source, url, report=lambda *a: seen.append(a))
        assert _digest(source) == before  # the file is untouched
        assert sorted(p.name for p in source.parent.iterdir()) == ["centre.sqlite3"]  # no -wal/-shm left
        assert report.rows > 1000 and all(t.same for t in report.tables)
        assert seen[-1][0] == seen[-1][1] == report.rows  # the progress reached the end
        assert {what for what, _a, _b in report.ledger} >= {"ledger_available", "balance_available"}
        assert all(a == b for _what, a, b in report.ledger)

        services = open_database(url, backup_dir=tmp_path / "backups")
        try:
            from db.audit import verify_chain
            from db.models import LedgerEntry, Resident

            with services.db.reading() as uow:
                assert uow.session.scalar(select(func.count()).select_from(Resident)) == next(
                    t.source_rows for t in report.tables if t.name == "resident"
                )
                assert verify_chain(uow.session) == []
                top = uow.session.scalar(select(func.max(Resident.id)))
            # The sequences were set past the copied ids: a new row gets the next id.
            from desktop.residents.service import ResidentForm

            actor = services.accounts.login("admin", "admin123")
            new_id = services.residents.save(actor, ResidentForm(name="迁移后新增", phone="13800138000"))
            assert new_id == top + 1
            # The append-only triggers are in place on the copy.
            with pytest.raises(DBAPIError), services.db.engine.begin() as conn:
                conn.execute(text(f"UPDATE {LedgerEntry.__tablename__} SET delta = delta + 500"))
        finally:
            services.db.dispose()


def test_a_database_that_is_not_empty_is_refused(source, pg_databases, tmp_path):
    with pg_databases.empty() as url:
        engine = create_engine(url, poolclass=NullPool)
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE their_data (id integer)"))
        engine.dispose()
        with pytest.raises(DomainError) as caught:
            move_to_server(SYSTEM, source, url)
        assert "not empty" in str(caught.value)
        assert _tables(url) == ["their_data"]  # left as it was


def test_cancel_leaves_the_server_database_empty(source, pg_databases):
    reports: list[int] = []
    with pg_databases.empty() as url:
        with pytest.raises(MoveCancelled):
            move_to_server(
                SYSTEM,
                source,
                url,
                report=lambda done, _t, _n: reports.append(done),
                should_stop=lambda: len(reports) > 3,
            )
        assert len(reports) > 3  # it had started copying
        assert _tables(url) == []  # schema and rows rolled back: empty again
        move_to_server(SYSTEM, source, url)  # and it can be moved into afterwards
        assert "resident" in _tables(url)


def test_only_an_administrator_moves_a_centre(source, pg_databases):
    with pg_databases.empty() as url:
        with pytest.raises(PermissionDenied):
            move_to_server(DESK, source, url)
        assert _tables(url) == []


def test_the_command_line_moves_and_reports(source, pg_databases, capsys):
    import main

    with pg_databases.empty() as url:
        assert main.main(["move-to-server", "--to", url, "--db", str(source)]) == 0
        out = capsys.readouterr().out
        assert "迁移完成" in out and "校验链完整" in out
        assert main.main(["move-to-server", "--to", url, "--db", str(source)]) == 1  # now not empty
        assert "not empty" in capsys.readouterr().err


def test_a_pc_without_the_audit_key_is_told_to_import_it_first(source, pg_databases, tmp_path, monkeypatch):
    monkeypatch.setenv("SHEQU_AUDIT_DIR", str(tmp_path / "no-keys-here"))
    with pg_databases.empty() as url:
        with pytest.raises(DomainError) as caught:
            move_to_server(SYSTEM, source, url)
        assert "audit-log key" in str(caught.value)
        assert _tables(url) == []
