"""Unexpected errors are logged and shown in plain words; the program carries on."""

from __future__ import annotations

import logging
import sys
import threading

import pytest

from db.errors import StorageProblem
from desktop.common import logs
from desktop.common.errors import StorageFailure
from ui.shell.errors import ErrorReporter
from ui.widgets.i18n import install_translator


@pytest.fixture
def chinese(qapp):
    install_translator(qapp, "zh_CN")
    yield
    install_translator(qapp, "en")


@pytest.fixture
def reporter(tmp_path, monkeypatch, chinese):
    monkeypatch.setenv("SHEQU_LOG_DIR", str(tmp_path / "logs"))
    path = logs.setup_logging()
    shown: list[tuple[str, str]] = []
    yield ErrorReporter(path, show=lambda title, text: shown.append((title, text))), shown, path
    logs.stop_logging()


def _raise_and_hook(reporter: ErrorReporter, error: BaseException) -> None:
    try:
        raise error
    except BaseException:
        reporter.excepthook(*sys.exc_info())


def test_an_uncaught_error_is_logged_with_its_traceback_and_shown_with_the_log_path(qtbot, reporter):
    hook, shown, path = reporter
    _raise_and_hook(hook, ZeroDivisionError("boom"))
    qtbot.waitUntil(lambda: len(shown) == 1)
    title, text = shown[0]
    assert title == "出错了"
    assert str(path) in text
    logging.getLogger().handlers[-1].flush()
    logged = path.read_text(encoding="utf-8")
    assert "Traceback" in logged and "ZeroDivisionError: boom" in logged


def test_a_storage_failure_is_shown_with_its_own_message(qtbot, reporter):
    hook, shown, _path = reporter
    _raise_and_hook(hook, StorageFailure(StorageProblem.LOCKED, "database is locked"))
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert shown[0][1].startswith("数据库正忙")


def test_an_error_in_a_worker_thread_reaches_the_gui_thread(qtbot, reporter):
    hook, shown, _path = reporter
    old = threading.excepthook
    threading.excepthook = hook._thread_hook
    try:
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
    finally:
        threading.excepthook = old
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert shown[0][0] == "出错了"


def test_two_errors_at_once_show_one_dialog_and_log_both(qtbot, reporter):
    hook, _shown, path = reporter
    opened: list[str] = []

    def slow_dialog(title: str, text: str) -> None:
        opened.append(title)
        _raise_and_hook(hook, ValueError("second"))  # arrives while the first is open
        qtbot.wait(50)

    hook._show = slow_dialog
    _raise_and_hook(hook, ValueError("first"))
    qtbot.waitUntil(lambda: len(hook.shown) == 2)
    assert opened == ["出错了"]
    logging.getLogger().handlers[-1].flush()
    logged = path.read_text(encoding="utf-8")
    assert "ValueError: first" in logged and "ValueError: second" in logged
