"""Restoring a backup: only this centre's, only this program's, never a newer one, never
over another program's open database, never writing outside its folder — and the
replaced database is kept and its place is said."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from db.engine import to_url
from desktop.admin.backup import make_backup
from desktop.admin.backup_zip import DATABASE_NAME, MANIFEST
from desktop.admin.restore import restore_backup
from desktop.common.errors import DomainError
from desktop.common.permissions import Role
from desktop.opening import attachments_dir, open_database
from desktop.residents.service import ResidentForm

MAIN = str(Path(__file__).resolve().parents[3] / "main.py")


def centre(
    path: Path, make_actor, names: tuple[str, ...] = ("张三",), *, template: Path | None = None
) -> Path:
    """A database file with residents in it (a new centre unless copied from a template)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if template is not None:
        shutil.copyfile(template, path)
    services = open_database(path, backup_dir=None)
    desk = make_actor(services, Role.FRONT_DESK)
    for name in names:
        services.residents.save(desk, ResidentForm(name=name))
    services.db.dispose()
    return path


def residents(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM resident")}
    finally:
        conn.close()


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run_main(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, MAIN, *args], capture_output=True, text=True, env={**os.environ, **(env or {})}
    )


@pytest.fixture
def ours(tmp_path, make_actor, sqlite_template) -> tuple[Path, Path]:
    """This centre's database with a resident, and a backup of it."""
    db = centre(tmp_path / "centre" / "shequ.sqlite3", make_actor, ("备份里",), template=sqlite_template)
    url = to_url(db)
    backup = make_backup(url, attachments_dir(url), tmp_path / "backups")
    return db, backup


# --- hole 1: zip slip -------------------------------------------------------------------
@pytest.mark.parametrize(
    "entry",
    [
        "attachments/../x",
        "attachments/../../x",
        "/tmp/x",
        "attachments\\..\\x",
        "C:/x",
        "c:x",
        "attachments/./x",
    ],
)
def test_a_backup_naming_a_file_outside_its_folder_is_refused_whole(tmp_path, ours, entry):
    db, backup = ours
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(backup) as good, zipfile.ZipFile(evil, "w") as bad:
        for info in good.infolist():
            bad.writestr(info, good.read(info))
        bad.writestr("attachments/ok.jpg", b"fine")
        bad.writestr(entry, b"outside")
    before = files_of(tmp_path)
    url = to_url(db)
    with pytest.raises(DomainError, match="outside its folder"):
        restore_backup(evil, url, attachments_dir(url), tmp_path / "safety")
    assert files_of(tmp_path) == before  # nothing written anywhere, the database included
    assert not (tmp_path / "x").exists() and not (tmp_path / "centre" / "x").exists()


# --- hole 2: the wrong thing ------------------------------------------------------------
@pytest.mark.slow
def test_another_centres_backup_is_refused_and_the_database_untouched(tmp_path, make_actor, ours):
    db, _backup = ours
    other = centre(tmp_path / "other" / "shequ.sqlite3", make_actor, ("别的中心",))  # a new centre id
    other_url = to_url(other)
    theirs = make_backup(other_url, attachments_dir(other_url), tmp_path / "their-backups")
    manifest = json.loads(zipfile.ZipFile(theirs).read(MANIFEST))
    assert manifest["centre_id"] and manifest["schema_revision"] and manifest["counts"]["resident"] == 1
    before = db.read_bytes()
    url = to_url(db)
    with pytest.raises(DomainError, match="another centre"):
        restore_backup(theirs, url, attachments_dir(url), tmp_path / "safety")
    assert db.read_bytes() == before and residents(db) == {"备份里"}

    result = run_main("restore", str(theirs), "--db", str(db))
    assert result.returncode == 1
    assert "另一个中心" in result.stderr, result.stderr
    assert db.read_bytes() == before


def test_a_sqlite_file_of_another_program_is_refused(tmp_path, ours):
    db, _backup = ours
    foreign = tmp_path / "foreign.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    conn.close()
    bogus = tmp_path / "shequ-backup-foreign.zip"
    with zipfile.ZipFile(bogus, "w") as zf:
        zf.write(foreign, DATABASE_NAME)
    before = db.read_bytes()
    url = to_url(db)
    with pytest.raises(DomainError, match="does not hold a database of this program"):
        restore_backup(bogus, url, attachments_dir(url), tmp_path / "safety")
    assert db.read_bytes() == before
    result = run_main("restore", str(bogus), "--db", str(db))
    assert result.returncode == 1 and "不是本程序的数据库" in result.stderr, result.stderr
    assert db.read_bytes() == before


def test_a_backup_of_a_newer_schema_is_refused_before_anything_is_replaced(tmp_path, ours):
    db, backup = ours
    newer = tmp_path / "newer.zip"
    work = tmp_path / "work"
    with zipfile.ZipFile(backup) as zf:
        zf.extract(DATABASE_NAME, work)
        manifest = json.loads(zf.read(MANIFEST))
    conn = sqlite3.connect(work / DATABASE_NAME)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    manifest["schema_revision"] = "9999"
    with zipfile.ZipFile(newer, "w") as zf:
        zf.writestr(MANIFEST, json.dumps(manifest))
        zf.write(work / DATABASE_NAME, DATABASE_NAME)
    before = db.read_bytes()
    url = to_url(db)
    with pytest.raises(DomainError, match="newer version") as exc:
        restore_backup(newer, url, attachments_dir(url), tmp_path / "safety")
    assert exc.value.params["rev"] == "9999"
    assert db.read_bytes() == before and not (tmp_path / "safety").exists()
    result = run_main("restore", str(newer), "--db", str(db))
    assert result.returncode == 1 and "9999" in result.stderr and "较新版本" in result.stderr, result.stderr
    assert db.read_bytes() == before


@pytest.mark.slow
def test_a_restore_keeps_the_replaced_database_and_says_where(tmp_path, make_actor, ours):
    db, backup = ours
    services = open_database(db, backup_dir=None)
    services.residents.save(make_actor(services, Role.FRONT_DESK), ResidentForm(name="备份后"))
    services.db.dispose()
    safety = tmp_path / "safety"
    result = run_main("restore", str(backup), "--db", str(db), env={"SHEQU_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 0, result.stderr
    [kept] = (tmp_path / "data" / "backups").glob("*before-restore*")
    assert str(kept) in result.stdout
    assert residents(db) == {"备份里"}
    assert residents(kept) == {"备份里", "备份后"}
    # In-process: the result names the kept file.
    done = restore_backup(backup, to_url(db), attachments_dir(to_url(db)), safety)
    assert done.kept is not None and done.kept.parent == safety and residents(done.kept) == {"备份里"}


def test_a_new_empty_database_takes_any_centres_backup(tmp_path, ours, sqlite_template):
    """A PC replaced after a disk failure: its new database has no records yet."""
    _db, backup = ours
    fresh = tmp_path / "new-pc" / "shequ.sqlite3"
    fresh.parent.mkdir()
    shutil.copyfile(sqlite_template, fresh)
    conn = sqlite3.connect(fresh)
    conn.execute("UPDATE setting SET value = 'another-id' WHERE key = 'centre_id'")
    conn.commit()
    conn.close()
    url = to_url(fresh)
    restore_backup(backup, url, attachments_dir(url), tmp_path / "safety")
    assert residents(fresh) == {"备份里"}


# --- hole 3: another program has the database open ------------------------------------
HOLDER = """
import sys, time
from desktop.opening import open_database
from desktop.common.permissions import SYSTEM
from desktop.residents.service import ResidentForm
services = open_database(sys.argv[1], backup_dir=None)
print("open", flush=True)
sys.stdin.readline()
for name in ("甲", "乙", "丙"):
    services.residents.save(SYSTEM, ResidentForm(name=name))
print("saved", flush=True)
sys.stdin.readline()
"""


@pytest.mark.slow
def test_no_restore_while_another_process_has_the_database_open(tmp_path, ours):
    db, backup = ours
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(MAIN).parent,
    )
    try:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline().strip() == "open"
        url = to_url(db)
        with pytest.raises(DomainError, match="open in 1 other program"):
            restore_backup(backup, url, attachments_dir(url), tmp_path / "safety")
        result = run_main("restore", str(backup), "--db", str(db))
        assert result.returncode == 1 and "其他" in result.stderr, result.stderr
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "saved"
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(30)
    finally:
        holder.kill()
    assert {"甲", "乙", "丙"} <= residents(db)  # every save it was told succeeded is there
    # Once it has ended (however: here it quit), the restore goes ahead.
    restore_backup(backup, to_url(db), attachments_dir(to_url(db)), tmp_path / "safety")
    assert residents(db) == {"备份里"}


@pytest.mark.slow
def test_a_killed_program_does_not_block_a_restore_forever(tmp_path, ours):
    db, backup = ours
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "open"
    holder.kill()
    holder.wait(30)
    assert list((db.parent / (db.name + ".desks")).glob("*-*.lock"))  # its presence file is left …
    restore_backup(backup, to_url(db), attachments_dir(to_url(db)), tmp_path / "safety")  # … and removed
    assert residents(db) == {"备份里"}
    assert not (db.parent / (db.name + ".desks")).exists()


def test_a_program_in_this_process_counts_too(tmp_path, ours):
    db, backup = ours
    services = open_database(db, backup_dir=None)
    try:
        with pytest.raises(DomainError, match="other program"):
            restore_backup(backup, to_url(db), attachments_dir(to_url(db)), tmp_path / "safety")
    finally:
        services.db.dispose()
    restore_backup(backup, to_url(db), attachments_dir(to_url(db)), tmp_path / "safety")


# --- passwords ----------------------------------------------------------------------------
def test_a_backup_with_a_password(tmp_path, ours):
    from desktop.admin.backup_zip import PasswordNeeded, WrongPassword

    db, _plain = ours
    url = to_url(db)
    locked = make_backup(url, attachments_dir(url), tmp_path / "locked", password="居委会2026")
    with zipfile.ZipFile(locked) as zf:
        assert all(info.flag_bits & 0x1 for info in zf.infolist())  # every entry encrypted
        with pytest.raises((RuntimeError, NotImplementedError)):
            zf.read(DATABASE_NAME)  # not without the password
    before = db.read_bytes()
    with pytest.raises(PasswordNeeded):
        restore_backup(locked, url, attachments_dir(url), tmp_path / "safety")
    with pytest.raises(WrongPassword):
        restore_backup(locked, url, attachments_dir(url), tmp_path / "safety", password="wrong")
    assert db.read_bytes() == before
    restore_backup(locked, url, attachments_dir(url), tmp_path / "safety", password="居委会2026")
    assert residents(db) == {"备份里"}


@pytest.mark.slow
def test_the_command_line_takes_the_password_from_the_environment(tmp_path, ours):
    db, _plain = ours
    env = {"SHEQU_BACKUP_PASSWORD": "s3cret", "SHEQU_DATA_DIR": str(tmp_path / "data")}
    made = run_main("backup", "--to", str(tmp_path / "out"), "--db", str(db), env=env)
    assert made.returncode == 0, made.stderr
    [zip_path] = (tmp_path / "out").glob("shequ-backup-*.zip")
    wrong = run_main("restore", str(zip_path), "--db", str(db), env={**env, "SHEQU_BACKUP_PASSWORD": "x"})
    assert wrong.returncode == 1 and "密码不正确" in wrong.stderr, wrong.stderr
    right = run_main("restore", str(zip_path), "--db", str(db), env=env)
    assert right.returncode == 0, right.stderr


# --- PostgreSQL -------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.postgres
def test_a_server_backup_restores_and_refuses_while_others_are_connected(pg_db, tmp_path, make_actor):
    from sqlalchemy import create_engine, text

    services = pg_db
    url = services.db.url
    desk = make_actor(services, Role.FRONT_DESK)
    services.residents.save(desk, ResidentForm(name="备份里"))
    backup = make_backup(url, tmp_path / "att", tmp_path / "backups")
    assert json.loads(zipfile.ZipFile(backup).read(MANIFEST))["backend"] == "postgresql"
    services.residents.save(desk, ResidentForm(name="备份后"))
    # The desk's own program still has the database open: refused.
    with pytest.raises(DomainError, match="other session"):
        restore_backup(backup, url, tmp_path / "att", tmp_path / "safety")
    services.db.dispose()
    done = restore_backup(backup, url, tmp_path / "att", tmp_path / "safety")
    assert done.kept is not None and done.kept.suffix == ".pgdump" and done.kept.stat().st_size > 0
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            names = set(conn.execute(text("SELECT name FROM resident")).scalars())
    finally:
        engine.dispose()
    assert names == {"备份里"}


def test_a_server_backup_without_pg_dump_is_a_clear_notice(tmp_path, monkeypatch):
    from desktop.admin.backup import PgDumpMissing, daily_backup

    monkeypatch.setenv("SHEQU_PG_BIN", str(tmp_path / "no-tools"))
    with pytest.raises(PgDumpMissing, match="pg_dump"):
        daily_backup("postgresql+psycopg://user@127.0.0.1/db", tmp_path, tmp_path / "out")
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_waiting_is_not_forever_while_a_restore_holds_the_gate(tmp_path):
    from desktop.admin.desks_in_use import announce, sole_user

    db = tmp_path / "shequ.sqlite3"
    with sole_user(db):
        started = time.monotonic()
        with pytest.raises(DomainError, match="being restored"):
            announce(db, wait_s=0.3)
        assert time.monotonic() - started < 5
    announce(db).release()
    assert not (tmp_path / "shequ.sqlite3.desks").exists()
