"""A window at once: the login window paints first, the database opens behind it (off
the GUI thread) while the user types; a log from the first line; no PDF left at quit."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

import desktop.opening
import ui.shell.app as app_module
from desktop.common import logs
from ui.shell.app import DatabaseOpening
from ui.shell.login_dialog import LoginDialog
from ui.widgets.i18n import install_translator
from ui.widgets.pdf_files import pdf_folder, write_pdf

ROOT = Path(__file__).resolve().parents[3]


class Gate:
    """Holds the schema upgrade on its worker thread until released; notes the thread."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.threads: list[threading.Thread] = []
        self.entered = threading.Event()
        self.release = threading.Event()
        real = desktop.opening.upgrade_database

        def upgrade(*args, **kwargs):
            self.threads.append(threading.current_thread())
            self.entered.set()
            assert self.release.wait(10)
            return real(*args, **kwargs)

        monkeypatch.setattr(desktop.opening, "upgrade_database", upgrade)


def show_login(qtbot) -> LoginDialog:
    login = LoginDialog(None, "", "")
    qtbot.addWidget(login)
    login.show()
    return login


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> str:
    path = tmp_path / "app.sqlite3"
    shutil.copyfile(demo_file, path)
    return str(path)


def test_the_schema_is_created_off_the_gui_thread_while_the_user_types(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("SHEQU_DATA_DIR", str(tmp_path / "data"))
    gate = Gate(monkeypatch)
    login = show_login(qtbot)
    opening = DatabaseOpening(login, str(tmp_path / "new.sqlite3"), demo=False)
    qtbot.waitUntil(gate.entered.is_set)  # started after the window was painted

    assert not login.login_button.isEnabled()
    assert login.status.isVisible() and login.status.text() == "Creating the database…"
    login.username.setFocus()
    qtbot.keyClicks(login.username, "admin")  # the window answers while the schema is made
    assert login.username.text() == "admin"

    gate.release.set()
    qtbot.waitUntil(lambda: opening.settled, timeout=20000)
    assert gate.threads and gate.threads[0] is not threading.main_thread()
    assert opening.services is not None and opening.services.accounts.needs_setup()
    assert login.result() == LoginDialog.NEEDS_SETUP  # an empty database: setup comes first
    opening.services.db.dispose()


def test_enter_typed_ahead_logs_in_once_the_database_is_open(qtbot, demo_copy, monkeypatch):
    monkeypatch.setattr(desktop.opening, "current_revision", lambda _engine: "0000")  # "needs upgrade"
    gate = Gate(monkeypatch)
    login = show_login(qtbot)
    opening = DatabaseOpening(login, demo_copy, demo=False)
    qtbot.waitUntil(gate.entered.is_set)
    qtbot.waitUntil(lambda: login.status.text() == "Upgrading the database (a backup is made first)…")
    login.username.setText("qiantai")
    login.password.setText("qiantai123")
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert login.actor is None and login.isVisible()  # not yet: the database is still opening

    gate.release.set()
    qtbot.waitUntil(lambda: login.actor is not None, timeout=20000)
    assert login.actor.username == "qiantai"
    assert login.result() == LoginDialog.DialogCode.Accepted.value
    assert login.title.text() == opening.services.centre.name()
    opening.services.db.dispose()


def test_a_database_that_cannot_be_opened_is_said_and_the_login_closes(qtbot, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _title, text, *a, **k: shown.append(text))
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    login = show_login(qtbot)
    opening = DatabaseOpening(login, str(broken), demo=False)
    qtbot.waitUntil(lambda: opening.settled, timeout=20000)
    assert opening.services is None and shown and "could not be opened" in shown[0]
    assert login.result() == LoginDialog.DialogCode.Rejected.value


@pytest.mark.slow
def test_the_login_window_paints_before_the_database_layer_is_loaded(demo_copy, tmp_path):
    env = dict(
        os.environ,
        SHEQU_EXIT_AT_LOGIN="1",
        SHEQU_CONFIG_DIR=str(tmp_path / "config"),
        SHEQU_LOG_DIR=str(tmp_path / "logs"),
        QT_QPA_PLATFORM="offscreen",
    )
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", demo_copy],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "shequ: login painted (database layer loaded: no)"
    assert lines[1].startswith("shequ: database open (")
    logged = (tmp_path / "logs" / "shequ.log").read_text(encoding="utf-8")
    assert "app: start" in logged and "app: database opened" in logged


# --- the whole run: log, login, quit ------------------------------------------------------
@pytest.fixture
def app_state(qapp):
    """run() sets up the application (language, style, log); put it all back."""
    font, sheet, style = qapp.font(), qapp.styleSheet(), qapp.style().name()
    yield
    QThreadPool.globalInstance().waitForDone()
    logs.stop_logging()
    install_translator(qapp, "en")
    qapp.setStyle(style)
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    gc.unfreeze()


def test_run_logs_the_session_and_leaves_no_temporary_pdf(qtbot, demo_copy, tmp_path, monkeypatch, app_state):
    for name, folder in (
        ("SHEQU_LOG_DIR", "logs"),
        ("SHEQU_CONFIG_DIR", "config"),
        ("SHEQU_DATA_DIR", "data"),
    ):
        monkeypatch.setenv(name, str(tmp_path / folder))
    monkeypatch.delenv("SHEQU_EXIT_AT_LOGIN", raising=False)
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    order: list[str] = []
    monkeypatch.setattr(app_module.ErrorReporter, "install", lambda self: order.append("error hook"))
    made: list[Path] = []

    def log_in(login: LoginDialog) -> int:
        order.append("login window")
        login.show()
        qtbot.waitUntil(login.login_button.isEnabled, timeout=20000)
        login.username.setText("qiantai")
        login.password.setText("qiantai123")
        login.login_button.click()
        return login.result()

    def work(_app, window) -> bool:
        assert window.actor.username == "qiantai"
        for prefix in ("slip-", "receipt-"):  # what printing leaves in the temporary folder
            made.append(write_pdf(lambda p: p.write_bytes(b"%PDF-1.4"), prefix, pdf_folder("shequ-slips")))
        window.close()
        return False  # quit, not log out

    monkeypatch.setattr(LoginDialog, "exec", log_in)
    monkeypatch.setattr(app_module, "_run_window", work)

    assert app_module.run(demo_copy, demo=False) == 0

    assert order == ["error hook", "login window"]  # the hook was there before any window
    assert made and not any(p.exists() for p in made)
    assert list(temp.rglob("*.pdf")) == []
    logs.stop_logging()
    logged = (tmp_path / "logs" / "shequ.log").read_text(encoding="utf-8")
    for line in ("app: start", "app: database opened", "app: login: user 2 (front_desk)", "app: quit"):
        assert line in logged
    assert "qiantai123" not in logged
    assert QApplication.instance() is not None
