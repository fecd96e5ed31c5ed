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


def test_no_automatic_backup_of_a_server_database(tmp_path):
    from desktop.admin.backup import daily_backup

    assert daily_backup("postgresql+psycopg://user@host/db", tmp_path, tmp_path / "out") is None


@pytest.mark.slow
def test_restore_puts_the_backup_back_and_keeps_the_replaced_database(tmp_path, make_actor):
    import subprocess
    import sys

    from desktop.admin.backup import restore_backup

    db_file = tmp_path / "centre.sqlite3"
    services = open_database(db_file, backup_dir=None)
    desk = make_actor(services, Role.FRONT_DESK)
    services.residents.save(desk, ResidentForm(name="备份前"))
    url = to_url(db_file)
    zip_path = make_backup(url, attachments_dir(url), tmp_path / "backups")
    services.residents.save(desk, ResidentForm(name="备份后"))
    services.db.dispose()

    safety = restore_backup(zip_path, url, attachments_dir(url), tmp_path / "safety")
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
    from desktop.admin.backup import restore_backup

    bad = tmp_path / "shequ-backup-bad.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr(DATABASE_NAME, b"SQLite format 3\x00" + b"\x00" * 200)
    target = tmp_path / "centre.sqlite3"
    target.write_bytes(b"keep me")
    with pytest.raises(DomainError):
        restore_backup(bad, to_url(target), tmp_path / "att", tmp_path / "safety")
    assert target.read_bytes() == b"keep me"
