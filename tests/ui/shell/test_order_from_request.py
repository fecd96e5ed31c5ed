"""转为点单: a request's page offers the 居民点单 dialog, linked to that request, to roles
that may record orders; the shell wires it so the requests job never knows the orders job."""

from __future__ import annotations

from db.requests import RequestFilter
from ui.shell.main_window import MainWindow


def test_the_front_desk_may_turn_a_request_into_a_linked_order(qtbot, services, front_desk):
    window = MainWindow(services, front_desk)
    qtbot.addWidget(window)
    (label, _tip, callback) = window._request_extras()[0]
    assert label == "Turn into a service order"
    request_id = services.requests.page(front_desk, RequestFilter(), 0, 1)[0].id
    dialog = callback(request_id)
    assert dialog._request_id == request_id
    assert dialog.form_value().request_id == request_id
    dialog.reject()


def test_the_administrator_is_offered_it_too(qtbot, services):
    window = MainWindow(services, services.accounts.login("admin", "admin123"))
    qtbot.addWidget(window)
    assert len(window._request_extras()) == 1  # the administrator may do everything
