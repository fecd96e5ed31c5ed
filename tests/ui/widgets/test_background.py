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
