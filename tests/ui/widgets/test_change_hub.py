"""Pages refresh when something they show changes: at once if visible, on show if hidden."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from desktop.common.changes import Changes, Topic
from ui.widgets.change_hub import ChangeHub, watch

REQUESTS = Changes(ids={Topic.REQUESTS: frozenset({7})})
POINTS = Changes(ids={Topic.POINTS: frozenset({3})})


def _page(qtbot, hub, topics):
    page = QWidget()
    qtbot.addWidget(page)
    calls: list[Changes | None] = []
    watch(hub, page, topics, calls.append)
    return page, calls


def test_a_visible_page_refreshes_on_its_topic_only(qtbot):
    hub = ChangeHub()
    page, calls = _page(qtbot, hub, [Topic.POINTS, Topic.VOLUNTEERS])
    page.show()
    with qtbot.waitSignal(hub.sig_changed):
        hub.publish(REQUESTS)
    assert calls == []
    with qtbot.waitSignal(hub.sig_changed):
        hub.publish(POINTS)
    assert calls == [POINTS]


def test_a_hidden_page_refreshes_once_when_shown(qtbot):
    hub = ChangeHub()
    page, calls = _page(qtbot, hub, [Topic.POINTS])
    for _ in range(3):
        with qtbot.waitSignal(hub.sig_changed):
            hub.publish(POINTS)
    assert calls == []
    page.show()
    assert calls == [None]
    page.hide()
    page.show()
    assert calls == [None]  # nothing changed meanwhile


def test_changes_from_a_worker_thread_arrive_on_the_gui_thread(qtbot):
    hub = ChangeHub()
    seen: list[bool] = []
    hub.sig_changed.connect(lambda _c: seen.append(threading.current_thread() is threading.main_thread()))
    with qtbot.waitSignal(hub.sig_changed):
        worker = threading.Thread(target=lambda: hub.publish(POINTS))
        worker.start()
        worker.join()
    assert seen == [True]


def test_the_hub_hears_a_real_database_commit(qtbot, sqlite_db):
    from db.models import Grid  # noqa: F401  (tests may reach below the UI)

    hub = ChangeHub()
    hub.attach(sqlite_db.db.changes)
    with qtbot.waitSignal(hub.sig_changed) as blocker:
        with sqlite_db.db.writing() as uow:
            uow.session.add(Grid(name="一网格"))
            uow.commit()
    assert Topic.RESIDENTS in blocker.args[0].topics


def test_a_page_hears_what_another_process_commits_within_the_interval(qtbot, sqlite_db, sqlite_url):
    """Two programs on one SQLite file (or two PCs on a server): the other's write arrives."""
    from db.models import Grid
    from desktop.opening import open_database

    other = open_database(sqlite_url, backup_dir=None)  # its own engine, as another process
    hub = ChangeHub()
    hub.follow(sqlite_db.db, interval=0.2)
    page, calls = _page(qtbot, hub, [Topic.RESIDENTS])
    page.show()
    try:
        with other.db.writing() as uow:
            uow.session.add(Grid(name="第九网格"))
            uow.commit()
        qtbot.waitUntil(lambda: len(calls) == 1, timeout=3000)
        assert calls[0] is not None and calls[0].ids_of(Topic.RESIDENTS) is None  # ids unknown
        hub.detach_all()  # the window closed: no more polling
        with other.db.writing() as uow:
            uow.session.add(Grid(name="第十网格"))
            uow.commit()
        qtbot.wait(600)
        assert len(calls) == 1
    finally:
        hub.detach_all()
        other.db.dispose()


def test_the_refresh_interval_is_configurable(monkeypatch):
    from ui.widgets.change_hub import refresh_seconds

    assert refresh_seconds() == 3.0
    monkeypatch.setenv("SHEQU_REFRESH_SECONDS", "10")
    assert refresh_seconds() == 10.0
    monkeypatch.setenv("SHEQU_REFRESH_SECONDS", "0")
    assert refresh_seconds() == 0.2  # never a busy loop
    monkeypatch.setenv("SHEQU_REFRESH_SECONDS", "soon")
    assert refresh_seconds() == 3.0
