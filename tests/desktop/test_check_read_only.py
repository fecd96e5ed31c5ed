"""``python main.py check`` never creates, upgrades or changes what it checks, and says
in plain words what it found: a missing path, an empty or foreign file, a damaged file,
an old or a newer revision, a server it cannot reach (issue 11, hole 7)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

import main
from db.engine import make_engine
from db.migrate import HEAD, alembic_config


def files_beside(path: Path) -> dict[str, str]:
    """Every file in the database's folder, by name, with its SHA-256."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.parent.iterdir())
        if p.is_file()
    }


def run_check(capsys, target: str) -> tuple[int, str]:
    code = main.main(["check", "--db", target])
    out = capsys.readouterr()
    text_out = out.out + out.err
    assert "Traceback" not in text_out
    return code, text_out


def test_a_mistyped_path_creates_nothing(tmp_path, capsys):
    target = tmp_path / "typo" / "shequ.sqlite3"
    code, said = run_check(capsys, str(target))
    assert code != 0
    assert f"no database at {target}" in said
    assert list(tmp_path.iterdir()) == []  # no folder, no file


def test_a_zero_byte_file_stays_zero_bytes(tmp_path, capsys):
    target = tmp_path / "empty.sqlite3"
    target.touch()
    code, said = run_check(capsys, str(target))
    assert code != 0
    assert "not a database of this program" in said
    assert target.stat().st_size == 0
    assert [p.name for p in tmp_path.iterdir()] == ["empty.sqlite3"]


def test_another_programs_sqlite_file_is_not_ours(tmp_path, capsys):
    target = tmp_path / "other.db"
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = files_beside(target)
    code, said = run_check(capsys, str(target))
    assert code != 0 and "not a database of this program" in said
    assert files_beside(target) == before


def test_a_file_that_is_not_a_database(tmp_path, capsys):
    target = tmp_path / "notes.sqlite3"
    target.write_bytes(b"not a database at all " * 200)
    before = files_beside(target)
    code, said = run_check(capsys, str(target))
    assert code != 0 and "not a database of this program" in said
    assert files_beside(target) == before


def damage(path: Path) -> None:
    """Overwrite the schema page's cells: SQLite answers 'database disk image is malformed'."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[120:page] = b"\xa5" * (page - 120)
    path.write_bytes(bytes(data))


def test_a_damaged_file_is_reported_without_a_traceback(demo_file, tmp_path, capsys):
    target = tmp_path / "damaged.sqlite3"
    shutil.copyfile(demo_file, target)
    damage(target)
    probe = sqlite3.connect(f"{target.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="malformed"):
            probe.execute("SELECT count(*) FROM resident").fetchone()
    finally:
        probe.close()
    before = files_beside(target)
    code, said = run_check(capsys, str(target))
    assert code != 0
    assert "damaged" in said and "malformed" in said
    assert files_beside(target) == before


def test_a_file_damaged_inside_a_table_is_reported(demo_file, tmp_path, capsys):
    target = tmp_path / "pages.sqlite3"
    shutil.copyfile(demo_file, target)
    data = bytearray(target.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 4096 * 8] = b"\x00\xff" * (4096 * 4)
    target.write_bytes(bytes(data))
    before = files_beside(target)
    code, said = run_check(capsys, str(target))
    assert code != 0
    assert "damaged" in said or "integrity_check" in said
    assert files_beside(target) == before


def old_revision_file(path: Path, revision: str = "0006") -> None:
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    with engine.begin() as conn:
        cfg = alembic_config(url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()


def test_an_old_revision_needs_an_upgrade_and_stays_byte_identical(tmp_path, capsys):
    target = tmp_path / "old.sqlite3"
    old_revision_file(target)
    before = files_beside(target)
    code, said = run_check(capsys, str(target))
    assert code != 0
    assert f"needs an upgrade: it is at revision 0006, this program expects {HEAD}" in said
    assert files_beside(target) == before  # not upgraded, no -wal/-shm, no backup


def test_a_newer_revision_is_named(tmp_path, capsys):
    target = tmp_path / "newer.sqlite3"
    old_revision_file(target, "head")
    conn = sqlite3.connect(target)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    conn.commit()
    conn.close()
    before = files_beside(target)
    code, said = run_check(capsys, str(target))
    assert code != 0 and "newer version of the program (revision ffff)" in said
    assert files_beside(target) == before


def test_a_sound_file_passes_and_is_left_as_it_was(demo_file, tmp_path, capsys):
    target = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, target)
    before = files_beside(target)
    code, said = run_check(capsys, str(target))
    assert code == 0, said
    assert "all checks passed" in said
    assert files_beside(target) == before


def test_a_file_in_use_is_checked_read_only(sqlite_db, make_actor, capsys):
    """With a write-ahead log beside it (the program has it open), check reads it through
    the log and changes nothing."""
    from desktop.common.permissions import Role
    from desktop.residents.service import ResidentForm

    path = Path(sqlite_db.db.url.removeprefix("sqlite:///"))
    with sqlite_db.db.engine.connect() as conn:  # hold the file open, as the app does
        conn.exec_driver_sql("SELECT 1")
        desk = make_actor(sqlite_db, Role.FRONT_DESK)
        sqlite_db.residents.save(desk, ResidentForm(name="张三"))
        assert path.with_name(path.name + "-wal").exists()
        before = {n: h for n, h in files_beside(path).items() if not n.endswith("-shm")}
        code, said = run_check(capsys, str(path))
        assert code == 0, said
        assert {n: h for n, h in files_beside(path).items() if not n.endswith("-shm")} == before


# --- PostgreSQL ------------------------------------------------------------------------
@pytest.mark.postgres
def test_an_unreachable_server_is_named(capsys):
    code, said = run_check(capsys, "postgresql+psycopg://postgres@127.0.0.1:1/shequ")
    assert code != 0 and "cannot connect to the database server" in said


@pytest.mark.postgres
def test_an_empty_server_database_is_not_ours_and_stays_empty(pg_url, capsys):
    code, said = run_check(capsys, pg_url)
    assert code != 0 and "not a database of this program" in said
    engine = create_engine(pg_url)
    try:
        with engine.connect() as conn:
            assert (
                conn.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).scalar() == 0
            )
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_an_old_server_database_is_not_upgraded(pg_url, capsys):
    engine = create_engine(pg_url)
    try:
        command.upgrade(alembic_config(pg_url), "0006")
        code, said = run_check(capsys, pg_url)
        assert code != 0 and "needs an upgrade: it is at revision 0006" in said
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0006"
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_a_sound_server_database_passes(pg_db, capsys):
    code, said = run_check(capsys, pg_db.db.url)
    assert code == 0, said
