"""The real main window: one change channel for every page, the keyboard in the start
page, 查看诉求 from 居民档案, maximized, and a locked database that is only a message."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QTableView, QWidget
from sqlalchemy.engine import make_url

from desktop.love_bank.service import PENDING
from desktop.requests.service import RequestFilter
from desktop.residents.service import ResidentFilter
from ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def open_window(qtbot, services, actor) -> MainWindow:
    window = MainWindow(services, actor)
    qtbot.addWidget(window)
    window.present()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: window.current_page().isAncestorOf(QApplication.focusWidget()))
    return window


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


# --- one change channel -------------------------------------------------------------------
def test_approved_hours_show_on_the_volunteers_page_without_a_click(qtbot, services, coordinator):
    volunteer = services.love_bank.volunteers(coordinator, limit=1)[0]
    record_id = services.love_bank.record_service(
        coordinator, volunteer.id, dt.date.today() - dt.timedelta(days=1), 120
    )
    window = open_window(qtbot, services, coordinator)
    volunteers = window.current_page()
    assert window.page_keys()[window.stack.currentIndex()] == "volunteers"
    shown = next(
        volunteers.model.row_at(r)
        for r in range(volunteers.model.rowCount())
        if volunteers.model.row_at(r).id == volunteer.id
    )
    before = shown.available  # e.g. 140

    hours = window.show_page("service_hours")
    hours.set_status(PENDING)
    hours.select_records([record_id])
    qtbot.mouseClick(hours.approve_button, Qt.MouseButton.LeftButton)
    awarded = services.love_bank.volunteers(coordinator, limit=1)[0].available - before
    assert awarded == 20  # 2 hours at 10 points an hour

    page = window.show_page("volunteers")  # no click, no F5
    assert page is volunteers
    qtbot.waitUntil(
        lambda: any(
            (row := volunteers.model.row_at(r)).id == volunteer.id and row.available == before + 20
            for r in range(volunteers.model.rowCount())
        )
    )


def _resident_of_first_request(services, actor):
    row = services.requests.page(actor, RequestFilter(), 0, 1)[0]
    detail = services.requests.get(actor, row.id)
    return row, detail.resident_id, detail.resident_name


def test_a_renamed_resident_shows_in_the_open_requests_list(qtbot, services, front_desk):
    row, resident_id, name = _resident_of_first_request(services, front_desk)
    window = open_window(qtbot, services, front_desk)
    requests = window.show_page("requests")
    assert requests.model.row_at(0).id == row.id and requests.model.row_at(0).resident_name == name

    residents = window.show_page("residents")
    residents._open_dialog(resident_id)
    dialog = residents.dialog
    assert dialog is not None
    dialog.name_edit.setText(name + "改")
    dialog.save()
    assert services.residents.get(front_desk, resident_id).name == name + "改"

    window.show_page("requests")
    qtbot.waitUntil(lambda: requests.model.row_at(0).resident_name == name + "改")
    assert requests.model.row_at(0).id == row.id  # the same row, refreshed in place


def test_a_resident_saved_elsewhere_refreshes_a_visible_residents_page(qtbot, services, front_desk):
    window = open_window(qtbot, services, front_desk)
    residents = window.show_page("residents")
    residents.search_edit.setText("王")  # half-typed: the search has not run yet
    first = residents.model.row_at(0)
    residents.select_row(0)
    services.residents.set_archived(services.accounts.login("zhuren", "zhuren123"), first.id, True)
    qtbot.waitUntil(lambda: residents.model.row_at(0).archived or residents.model.row_at(0).id != first.id)
    assert residents.search_edit.text() == "王"  # what was typed is still there


# --- 查看诉求 ----------------------------------------------------------------------------------
def test_view_requests_opens_all_requests_for_the_resident(qtbot, services, front_desk):
    row, resident_id, name = _resident_of_first_request(services, front_desk)
    window = open_window(qtbot, services, front_desk)
    residents = window.show_page("residents")
    residents.search_edit.setText(name)
    residents.apply_filter()
    assert residents.select_id(resident_id)
    assert residents.requests_button.isEnabled()
    qtbot.mouseClick(residents.requests_button, Qt.MouseButton.LeftButton)

    page = window.current_page()
    assert window.page_keys()[window.stack.currentIndex()] == "requests"
    assert page.resident_id == resident_id
    assert page.resident_chip.isVisible() and name in page.resident_chip.text()
    expected = services.requests.count(front_desk, RequestFilter(resident_id=resident_id))
    assert page.model.rowCount() == expected > 0
    assert all(page.model.row_at(r).resident_name == name for r in range(page.model.rowCount()))


def test_view_requests_is_in_the_row_menu(qtbot, services, front_desk):
    window = open_window(qtbot, services, front_desk)
    residents = window.show_page("residents")
    residents.select_row(0)
    actions = dict(residents.row_actions())
    assert "View requests" in actions
    actions["View requests"]()
    assert window.page_keys()[window.stack.currentIndex()] == "requests"
    assert window.current_page().resident_id == residents.model.row_at(0).id


# --- the keyboard after login --------------------------------------------------------------
@pytest.mark.parametrize("username", ["qiantai", "admin"])
def test_the_start_list_has_the_keyboard_and_shortcuts_work(qtbot, services, username):
    actor = services.accounts.login(username, username + "123")
    window = open_window(qtbot, services, actor)
    assert window.page_keys()[window.stack.currentIndex()] == "today"
    assert isinstance(focused(), QTableView)  # the first list of 今日待办
    assert window.current_page().isAncestorOf(focused())

    qtbot.keyClick(focused(), Qt.Key.Key_3, CTRL)  # 全部诉求, from the keyboard alone
    requests = window.current_page()
    assert window.page_keys()[window.stack.currentIndex()] == "requests"
    assert requests.isAncestorOf(focused())
    qtbot.keyClick(focused(), Qt.Key.Key_F, CTRL)
    assert focused() is requests.search_edit
    qtbot.keyClicks(focused(), "2026")
    assert requests.search_edit.text() == "2026"


def test_the_director_starts_on_the_dashboard_with_the_keyboard(qtbot, services):
    director = services.accounts.login("zhuren", "zhuren123")
    window = open_window(qtbot, services, director)
    assert window.page_keys()[window.stack.currentIndex()] == "dashboard"
    assert window.current_page().isAncestorOf(focused())
    qtbot.keyClick(focused(), Qt.Key.Key_3, CTRL)  # 全部诉求, from the keyboard alone
    assert window.page_keys()[window.stack.currentIndex()] == "requests"


def test_the_coordinators_search_box_has_the_keyboard(qtbot, services, coordinator):
    window = open_window(qtbot, services, coordinator)
    volunteers = window.current_page()
    assert isinstance(focused(), QLineEdit) and focused() is volunteers.search_edit
    qtbot.keyClicks(focused(), "zs")  # typing searches at once
    assert volunteers.search_edit.text() == "zs"
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)  # Ctrl+N: register a volunteer
    qtbot.waitUntil(lambda: isinstance(volunteers.dialog, QDialog) and volunteers.dialog.isVisible())
    volunteers.dialog.reject()


class _StrayWindows(QObject):
    """Counts widgets shown as windows of their own (a button shown before it had a
    parent flashes as a window and takes the activation from the main window)."""

    def __init__(self, allowed: QWidget):
        super().__init__()
        self.allowed = allowed
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched is not self.allowed
            and not isinstance(watched, QDialog)
        ):
            self.seen.append(f"{type(watched).__name__} {getattr(watched, 'text', lambda: '')()!r}")
        return False


@pytest.mark.parametrize("username", ["admin", "xietiao"])
def test_no_page_flashes_a_window_of_its_own_or_takes_the_keyboard(qtbot, services, username):
    actor = services.accounts.login(username, username + "123")
    window = open_window(qtbot, services, actor)
    stray = _StrayWindows(window)
    QApplication.instance().installEventFilter(stray)
    try:
        for key in window.page_keys():
            page = window.show_page(key)
            qtbot.waitUntil(lambda page=page: page.isAncestorOf(QApplication.focusWidget()))
            assert window.isActiveWindow(), key
    finally:
        QApplication.instance().removeEventFilter(stray)
    assert stray.seen == []


def test_the_window_opens_maximized(qtbot, services, front_desk):
    window = MainWindow(services, front_desk)
    qtbot.addWidget(window)
    assert (window.width(), window.height()) == (1366, 768)  # its size when un-maximized
    window.present()  # what the app calls after the login
    qtbot.waitUntil(window.isActiveWindow)
    assert window.isMaximized()
    assert window.windowState() & Qt.WindowState.WindowMaximized


# --- a locked database -------------------------------------------------------------------
def test_a_locked_database_is_a_message_and_the_window_carries_on(qtbot, services, front_desk, monkeypatch):
    import db.engine

    monkeypatch.setattr(db.engine, "BUSY_TIMEOUT_MS", 200)
    from desktop.opening import open_database

    path = make_url(services.db.url).database
    services.db.dispose()
    opened = open_database(path, backup_dir=None)  # a short busy timeout from here on
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox,
        "critical",
        lambda _parent, title, text, *a, **k: shown.append((title, text)) or QMessageBox.StandardButton.Ok,
    )
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        lambda _parent, title, text, *a, **k: shown.append((title, text)) or QMessageBox.StandardButton.Ok,
    )
    from ui.widgets.i18n import install_translator

    install_translator(QApplication.instance(), "zh_CN")
    try:
        window = open_window(qtbot, opened, front_desk)
        residents = window.show_page("residents")
        resident = opened.residents.page(front_desk, ResidentFilter(), 0, 1)[0]
        other = sqlite3.connect(path)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        try:
            residents._open_dialog(resident.id)
            dialog = residents.dialog
            dialog.name_edit.setText(resident.name + "甲")
            dialog.save()
            assert dialog.isVisible()  # nothing was saved, the form is still there
            assert dialog.general_error.text().startswith("数据库正忙")
        finally:
            other.rollback()
            other.close()
        dialog.save()  # the database is back: saved
        assert not dialog.isVisible()
        assert opened.residents.get(front_desk, resident.id).name == resident.name + "甲"
        assert window.isVisible() and shown == []
    finally:
        install_translator(QApplication.instance(), "en")
        window.close()
        opened.db.dispose()
