"""Work in the background reports back on the GUI thread, success or failure."""

from __future__ import annotations

import threading

from ui.widgets.background import run_in_background


def test_result_and_error_come_back_on_the_gui_thread(qtbot):
    gui = threading.get_ident()
    seen: list[tuple[str, object, int]] = []

    def work() -> int:
        assert threading.get_ident() != gui  # really off the GUI thread
        return 42

    def broken() -> None:
        raise ValueError("disk full")

    # The callbacks are connected before each job starts, so waiting on them cannot miss
    # the signal; the relays are kept until they have signalled.
    relay = run_in_background(
        work,
        lambda v: seen.append(("done", v, threading.get_ident())),
        lambda e: seen.append(("failed", e, threading.get_ident())),
    )
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    assert seen == [("done", 42, gui)]

    relay2 = run_in_background(
        broken,
        lambda v: seen.append(("done", v, 0)),
        lambda e: seen.append(("failed", str(e), threading.get_ident())),
    )
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert seen[-1] == ("failed", "disk full", gui)
    assert relay is not relay2


def test_a_task_runs_off_the_gui_thread_reports_progress_and_returns(qtbot):
    from ui.widgets.background import run_task

    gui = threading.get_ident()
    threads: list[int] = []
    results: list[object] = []

    def work(progress) -> str:
        threads.append(threading.get_ident())
        for i in range(5):
            progress.report(i + 1, 5, f"第 {i + 1} 页")
        return "done"

    task = run_task(None, work, title="生成报表", on_done=results.append)
    with qtbot.waitSignal(task.sig_finished, timeout=5000):
        pass
    assert results == ["done"]
    assert threads and threads[0] != gui
    assert not task.running


def test_cancel_stops_the_work_and_calls_nothing(qtbot):
    from ui.widgets.background import Cancelled, run_task

    started = threading.Event()
    results: list[object] = []
    failures: list[BaseException] = []

    def work(progress) -> str:
        started.set()
        while True:
            progress.check()
            threading.Event().wait(0.01)

    task = run_task(
        None, work, title="导入", on_done=results.append, on_failed=failures.append, cancellable=True
    )
    assert started.wait(5)
    task.dialog.canceled.emit()  # what the 取消 button and Esc do
    with qtbot.waitSignal(task.sig_finished, timeout=5000):
        pass
    assert isinstance(task.error, Cancelled)
    assert results == [] and failures == []


def test_a_rule_broken_in_the_background_is_shown_to_the_user(qtbot, monkeypatch):
    from desktop.common.errors import DomainError
    from ui.widgets import background

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(background, "show_error", lambda _p, title, err: shown.append((title, err.template)))

    def work(_progress) -> None:
        raise DomainError("The disk is full. Nothing was saved; free some space and try again.")

    task = background.run_task(None, work, title="备份", on_done=lambda _r: None)
    with qtbot.waitSignal(task.sig_finished, timeout=5000):
        pass
    assert shown == [("备份", "The disk is full. Nothing was saved; free some space and try again.")]
