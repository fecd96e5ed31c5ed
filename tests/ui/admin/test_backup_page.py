"""备份与恢复: the administrator's page lists the backups, makes one in the background (with a
password if asked), and restores only after saying what is replaced and where the current
database is kept; refusals are shown, never swallowed."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.common.errors import DomainError
from desktop.common.permissions import Permission
from ui.admin.backup_page import BackupPage
from ui.widgets.i18n import install_translator


@pytest.fixture
def chinese(qapp):
    install_translator(qapp, "zh_CN")
    yield
    install_translator(qapp, "en")


@pytest.fixture
def page_for(qtbot, services, tmp_path, chinese):
    made: dict[str, list] = {"asked": [], "told": [], "warned": [], "restored": []}

    def make(actor, *, answer: bool = True) -> BackupPage:
        def ask(_parent, _title, text):
            made["asked"].append(text)
            return answer

        page = BackupPage(
            services,
            actor,
            folder=tmp_path / "backups",
            ask=ask,
            tell=lambda _p, _t, text: made["told"].append(text),
            warn=lambda _p, _t, error: made["warned"].append(error),
            on_restored=lambda done: made["restored"].append(done),
        )
        qtbot.addWidget(page)
        page.show()
        return page

    make.seen = made  # type: ignore[attr-defined]
    return make


def wait_task(qtbot, page: BackupPage) -> None:
    assert page.task is not None
    qtbot.waitUntil(lambda: not page.task.running, timeout=120_000)


def residents(services) -> int:
    conn = sqlite3.connect(services.db.url.removeprefix("sqlite:///"))
    try:
        return conn.execute("SELECT count(*) FROM resident").fetchone()[0]
    finally:
        conn.close()


def test_only_the_administrator_has_the_page(services, admin, front_desk):
    assert admin.can(Permission.MANAGE_BACKUPS)
    assert not front_desk.can(Permission.MANAGE_BACKUPS)


@pytest.mark.slow
def test_back_up_now_lists_a_verified_backup_and_restore_asks_first(
    qtbot, page_for, services, admin, tmp_path
):
    page = page_for(admin, answer=False)
    assert page.table.rowCount() == 0
    page.back_up()
    wait_task(qtbot, page)
    assert page.table.rowCount() == 1
    assert page.table.item(0, 2).text() == "已校验"
    assert "备份已完成并校验" in page.result.text()

    page.table.selectRow(0)
    page.restore_selected()
    [question] = page_for.seen["asked"]
    assert services.description in question and str(tmp_path / "backups") in question
    assert page.task is None or not page.task.running  # answered No: nothing started
    assert not page_for.seen["restored"]


@pytest.mark.slow
def test_a_password_backup_needs_its_password_to_restore(qtbot, page_for, services, admin, tmp_path):
    page = page_for(admin)
    page.use_password.setChecked(True)
    page.password.setText("居委会2026")
    page.password_again.setText("不一样")
    page.back_up()
    assert page.task is None and "不一致" in page.result.text()
    page.password_again.setText("居委会2026")
    page.back_up()
    wait_task(qtbot, page)
    assert page.table.item(0, 2).text() == "已校验，有密码"

    page.password.clear()
    page.table.selectRow(0)
    page.restore_selected()
    assert "设有密码" in page.result.text() and not page_for.seen["asked"]

    page.password.setText("错的")
    page.restore_selected()
    assert "密码不正确" in page.result.text()


@pytest.mark.slow
def test_restore_replaces_the_database_and_says_where_the_old_one_is(
    qtbot, page_for, services, admin, tmp_path
):
    from desktop.residents.service import ResidentForm

    page = page_for(admin)
    before = residents(services)
    page.back_up()
    wait_task(qtbot, page)
    services.residents.save(admin, ResidentForm(name="备份后新增"))
    page.table.selectRow(0)
    page.restore_selected()
    wait_task(qtbot, page)
    assert not page_for.seen["warned"], page_for.seen["warned"]
    [done] = page_for.seen["restored"]
    assert done.kept is not None and done.kept.parent == tmp_path / "backups"
    [told] = page_for.seen["told"]
    assert str(done.kept) in told
    assert residents(services) == before  # the engine reopens on the restored file


def test_a_restore_refusal_is_shown(qtbot, page_for, admin, tmp_path):
    page = page_for(admin)
    bogus = tmp_path / "not-a-backup.zip"
    bogus.write_bytes(b"nothing")
    page.restore(bogus)
    [error] = page_for.seen["warned"]
    assert isinstance(error, DomainError) and "不是本程序的备份" in page.result.text()


@pytest.mark.slow
def test_screenshots_leave_no_temporary_database_and_never_change_the_given_one(demo_file, tmp_path):
    """Hole 15: each run left a temporary database behind, and a given database was opened
    (and upgraded, when old) in place."""
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    given = tmp_path / "given.sqlite3"
    shutil.copyfile(demo_file, given)
    before = given.read_bytes()
    temp = tmp_path / "temp"
    temp.mkdir()
    main = str(Path(__file__).resolve().parents[3] / "main.py")
    env = {**os.environ, "TMPDIR": str(temp), "SHEQU_DATA_DIR": str(tmp_path / "data")}
    for args in ([], ["--db", str(given)]):
        done = subprocess.run(
            [sys.executable, main, "screenshots", str(tmp_path / "shots"), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert list(temp.iterdir()) == [], list(temp.rglob("*"))
    assert (tmp_path / "shots" / "backups.png").exists()
    assert given.read_bytes() == before
    # Nothing beside it but what a reader of a WAL database may leave (-wal, -shm).
    left = {p.name for p in tmp_path.iterdir()} - {"given.sqlite3-wal", "given.sqlite3-shm", "data"}
    assert left == {"given.sqlite3", "shots", "temp"}
