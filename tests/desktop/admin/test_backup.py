"""A backup zip holds a sound copy of the database and every attachment."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from db.engine import to_url
from desktop.admin.backup import DATABASE_NAME, make_backup
from desktop.common.errors import DomainError
from desktop.common.permissions import Role
from desktop.opening import attachments_dir, open_database
from desktop.requests import reference_data
from desktop.requests.service import RequestForm
from desktop.residents.service import ResidentForm


def test_backup_contains_the_database_and_the_attachments(tmp_path, make_actor):
    db_file = tmp_path / "centre.sqlite3"
    services = open_database(db_file, backup_dir=None)
    with services.db.writing() as uow:
        reference_data.seed(uow.session)
        uow.commit()
    desk = make_actor(services, Role.FRONT_DESK)
    resident = services.residents.save(desk, ResidentForm(name="张三"))
    category = services.requests.categories()[0].children[0].id
    rid = services.requests.register(
        desk, RequestForm(resident_id=resident, channel="walk_in", category_id=category, description="测试")
    )
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8 a photo")
    services.requests.add_attachment(desk, rid, photo)

    url = to_url(db_file)
    zip_path = make_backup(url, attachments_dir(url), tmp_path / "backups")
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        assert DATABASE_NAME in names
        stored = [n for n in names if n.startswith("attachments/")]
        assert len(stored) == 1 and zf.read(stored[0]) == photo.read_bytes()
        zf.extract(DATABASE_NAME, tmp_path / "restored")
    copy = sqlite3.connect(tmp_path / "restored" / DATABASE_NAME)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("SELECT count(*) FROM request").fetchone() == (1,)
    assert not list((tmp_path / "backups").glob("*.part"))
    services.db.dispose()


def test_a_missing_database_file_is_refused(tmp_path):
    with pytest.raises(DomainError):
        make_backup(to_url(tmp_path / "nothing.sqlite3"), tmp_path / "att", tmp_path / "out")


def test_daily_backup_runs_once_a_day_and_keeps_the_newest_thirty(tmp_path):
    import datetime as dt
    import os

    from desktop.admin.backup import backup_due, daily_backup, prune
    from desktop.common.clock import fixed_clock

    db_file = tmp_path / "centre.sqlite3"
    services = open_database(db_file, backup_dir=None)
    services.db.dispose()
    url = to_url(db_file)
    out = tmp_path / "backups"
    first = daily_backup(url, tmp_path / "att", out, now=fixed_clock(dt.datetime(2026, 11, 20, 9, 0)))
    assert first is not None and first.exists()
    assert first.name == "shequ-backup-20261120-090000.zip"  # named by the clock it was given
    made = dt.datetime.fromtimestamp(first.stat().st_mtime)
    assert not backup_due(out, fixed_clock(made + dt.timedelta(hours=23)))
    assert backup_due(out, fixed_clock(made + dt.timedelta(hours=25)))
    for day in range(1, 35):
        stamp = (
            f"shequ-backup-202610{day:02d}-090000.zip"
            if day <= 31
            else f"shequ-backup-202611{day - 31:02d}-080000.zip"
        )
        (out / stamp).write_bytes(b"old")
        os.utime(out / stamp, (0, 0))
    removed = prune(out)
    assert len(list(out.glob("shequ-backup-*.zip"))) == 30 and len(removed) == 5
    assert first.exists()  # the newest is kept


@pytest.mark.slow
@pytest.mark.postgres
def test_the_daily_backup_of_a_server_database_is_a_verified_pg_dump(pg_db, tmp_path):
    import datetime as dt
    import json
    import subprocess

    from desktop.admin.backup import daily_backup
    from desktop.admin.backup_zip import MANIFEST, PG_DUMP_NAME
    from desktop.common.clock import fixed_clock

    out = tmp_path / "backups"
    made = daily_backup(pg_db.db.url, tmp_path / "att", out, now=fixed_clock(dt.datetime(2026, 11, 20, 9, 0)))
    assert made is not None and made.name == "shequ-backup-20261120-090000.zip"
    assert [p.name for p in out.iterdir()] == [made.name]  # no temporary file left
    with zipfile.ZipFile(made) as zf:
        manifest = json.loads(zf.read(MANIFEST))
        zf.extract(PG_DUMP_NAME, tmp_path)
    assert manifest["backend"] == "postgresql" and manifest["centre_id"]
    listing = subprocess.run(
        ["pg_restore", "--list", str(tmp_path / PG_DUMP_NAME)], capture_output=True, text=True
    )
    assert listing.returncode == 0 and "TABLE DATA public resident" in listing.stdout


# --- hole 15: kills, wrong arguments, screenshots ------------------------------------------
KILLED_BACKUP = """
import sys
from pathlib import Path
from db.migrate import backup_sqlite_file
print("start", flush=True)
backup_sqlite_file(Path(sys.argv[1]), Path(sys.argv[2]), label="before-0009")
"""


def _kill_when_part_appears(args: list[str], folder: Path, env: dict[str, str]) -> None:
    import os
    import subprocess
    import sys
    import time

    proc = subprocess.Popen(
        [sys.executable, *args], env={**os.environ, **env}, cwd=Path(__file__).resolve().parents[3]
    )
    try:
        deadline = time.monotonic() + 60
        while not list(folder.glob("*.part")):
            assert proc.poll() is None, "the backup ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        proc.send_signal(9)  # SIGKILL: no clean-up code runs
        proc.wait(30)
    finally:
        proc.kill()


@pytest.mark.slow
def test_a_kill_during_the_pre_upgrade_backup_leaves_no_file_named_like_a_backup(tmp_path, sqlite_template):
    import shutil

    db_file = tmp_path / "centre.sqlite3"
    shutil.copyfile(sqlite_template, db_file)
    out = tmp_path / "backups"
    _kill_when_part_appears(
        ["-c", KILLED_BACKUP, str(db_file), str(out)], out, {"SHEQU_TEST_BACKUP_PAUSE": "60"}
    )
    assert not list(out.glob("*.sqlite3")), list(out.iterdir())  # only the .part is left


@pytest.mark.slow
def test_a_kill_during_a_backup_zip_leaves_no_file_named_like_a_backup(tmp_path, sqlite_template):
    import shutil

    db_file = tmp_path / "centre.sqlite3"
    shutil.copyfile(sqlite_template, db_file)
    out = tmp_path / "backups"
    main = str(Path(__file__).resolve().parents[3] / "main.py")
    _kill_when_part_appears(
        [main, "backup", "--to", str(out), "--db", str(db_file)], out, {"SHEQU_TEST_BACKUP_PAUSE": "zip:60"}
    )
    assert not list(out.glob("shequ-backup-*.zip")), list(out.iterdir())


@pytest.mark.slow
@pytest.mark.postgres
def test_a_kill_during_a_pg_dump_leaves_no_dump(pg_db, tmp_path):
    from db.migrate import backup_postgresql  # noqa: F401 - what the child runs

    out = tmp_path / "backups"
    code = (
        "import sys; from pathlib import Path; from db.migrate import backup_postgresql; "
        "backup_postgresql(sys.argv[1], Path(sys.argv[2]), label='before-0010')"
    )
    _kill_when_part_appears(["-c", code, pg_db.db.url, str(out)], out, {"SHEQU_TEST_BACKUP_PAUSE": "60"})
    assert not list(out.glob("*.pgdump")), list(out.iterdir())


def test_backup_to_an_existing_file_and_a_malformed_url_are_clear_messages(tmp_path, capsys, sqlite_template):
    import shutil

    import main

    db_file = tmp_path / "centre.sqlite3"
    shutil.copyfile(sqlite_template, db_file)
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    assert main.main(["backup", "--to", str(a_file), "--db", str(db_file)]) == 1
    err = capsys.readouterr().err
    assert "notes.txt" in err and "文件夹" in err and "Traceback" not in err
    # refused by every command before it opens anything
    for bad in ("postgresql+psycopg://user@host:notaport/db", "nosuchdb://x/y"):
        for argv in (["backup", "--to", str(tmp_path / "out")], ["restore", str(a_file)]):
            assert main.main([*argv, "--db", bad]) == 2, bad
            err = capsys.readouterr().err
            assert "数据库地址无效" in err and "Traceback" not in err, err
    # a well-formed URL that names no database file
    assert main.main(["backup", "--to", str(tmp_path / "out"), "--db", "sqlite://"]) == 1
    assert "不是数据库地址" in capsys.readouterr().err
    assert main.main(["restore", str(a_file), "--db", "sqlite://"]) == 1
    assert "不是数据库地址" in capsys.readouterr().err


@pytest.mark.slow
def test_restore_puts_the_backup_back_and_keeps_the_replaced_database(tmp_path, make_actor):
    import subprocess
    import sys

    from desktop.admin.restore import restore_backup

    db_file = tmp_path / "centre.sqlite3"
    services = open_database(db_file, backup_dir=None)
    desk = make_actor(services, Role.FRONT_DESK)
    services.residents.save(desk, ResidentForm(name="备份前"))
    url = to_url(db_file)
    zip_path = make_backup(url, attachments_dir(url), tmp_path / "backups")
    services.residents.save(desk, ResidentForm(name="备份后"))
    services.db.dispose()

    safety = restore_backup(zip_path, url, attachments_dir(url), tmp_path / "safety").kept
    assert safety is not None
    restored = sqlite3.connect(db_file)
    names = {r[0] for r in restored.execute("SELECT name FROM resident")}
    restored.close()
    assert names == {"备份前"}
    kept = sqlite3.connect(safety)
    assert {r[0] for r in kept.execute("SELECT name FROM resident")} == {"备份前", "备份后"}
    kept.close()

    # The command line: a damaged zip restores nothing and says so.
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    result = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve().parents[3] / "main.py"),
            "restore",
            str(broken),
            "--db",
            str(db_file),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "broken.zip" in result.stderr


def test_a_backup_with_a_damaged_database_is_refused(tmp_path):
    from desktop.admin.restore import restore_backup

    bad = tmp_path / "shequ-backup-bad.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr(DATABASE_NAME, b"SQLite format 3\x00" + b"\x00" * 200)
    target = tmp_path / "centre.sqlite3"
    target.write_bytes(b"keep me")
    with pytest.raises(DomainError):
        restore_backup(bad, to_url(target), tmp_path / "att", tmp_path / "safety")
    assert target.read_bytes() == b"keep me"
