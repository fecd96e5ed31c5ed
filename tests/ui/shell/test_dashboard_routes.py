"""A figure on 数据看板 leads to its records: the director starts there and a click opens
全部诉求 with the figure's filter."""

from __future__ import annotations

import datetime as dt

from ui.shell.main_window import MainWindow


def test_the_director_starts_on_the_dashboard(qtbot, services):
    director = services.accounts.login("zhuren", "zhuren123")
    window = MainWindow(services, director)
    qtbot.addWidget(window)
    assert window.page_keys()[window.navigation.currentRow()] == "dashboard"


def test_the_front_desk_has_no_report_pages(qtbot, services, front_desk):
    window = MainWindow(services, front_desk)
    qtbot.addWidget(window)
    assert "dashboard" not in window.page_keys()
    assert window.page_keys()[0] == "today"


def test_open_list_shows_the_requests_a_figure_counted(qtbot, services):
    director = services.accounts.login("zhuren", "zhuren123")
    window = MainWindow(services, director)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("requests")
    department_id = page.department_combo.itemData(1)
    window.open_list(
        "requests",
        {"department_id": department_id, "date_from": dt.date(2026, 1, 1), "date_to": dt.date(2026, 12, 31)},
    )
    assert window.stack.currentWidget() is page
    shown = page.shown_filter()
    assert shown.department_id == department_id
    assert shown.date_from == dt.date(2026, 1, 1) and shown.date_to == dt.date(2026, 12, 31)
