"""转为点单 and 居民点单 at reception: a request's page and the reception page offer the
居民点单 dialog to roles that may record orders, filled with the request's resident and
description (the link kept) or with the resident chosen at reception and what was typed.
The shell wires it, so the requests job never knows the orders job."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from db.requests import RequestFilter
from desktop.residents.service import ResidentFilter
from ui.orders.detail import OrderDetailDialog
from ui.orders.place_dialog import PlaceOrderDialog
from ui.shell.main_window import MainWindow


def _window(qtbot, services, actor) -> MainWindow:
    window = MainWindow(services, actor)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # page keys work in the active window only
    return window


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


def test_the_dialog_opens_with_the_requests_resident_and_description_and_the_order_keeps_the_link(
    qtbot, services, front_desk
):
    window = _window(qtbot, services, front_desk)
    request = services.requests.get(
        front_desk, services.requests.page(front_desk, RequestFilter(), 0, 1)[0].id
    )
    (_label, _tip, callback) = window._request_extras()[0]
    dialog = callback(request.id)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.resident is not None and dialog.resident.name == request.resident_name
    assert dialog.resident_edit.text() == request.resident_name
    assert dialog.description_edit.toPlainText() == request.description
    assert any(request.number in label.text() for label in dialog.findChildren(QLabel))  # named at the top
    # The description stays editable; a menu item is chosen and the order is placed.
    dialog.description_edit.setPlainText(request.description + "（转为点单）")
    dialog.choose_item(services.orders.menu()[0].id)
    dialog.submit()
    assert dialog.order_id is not None, dialog.general_error() or dialog.error_of("resident")
    order = services.orders.order(front_desk, dialog.order_id)
    assert (order.request_id, order.request_number) == (request.id, request.number)
    assert order.description == request.description + "（转为点单）"
    assert order.resident_name == request.resident_name
    qtbot.waitUntil(lambda: window.findChild(OrderDetailDialog) is not None)  # the order's page opens


def test_reception_offers_a_service_order_for_the_chosen_resident_on_ctrl_d(qtbot, services, front_desk):
    window = _window(qtbot, services, front_desk)
    page = window.show_page("reception")
    [button] = page.extra_buttons
    assert "Ctrl+D" in button.text() and not button.isEnabled()  # nobody chosen yet
    assert "Ctrl+D" in page.keys_label.text()

    # Ctrl+D with nobody chosen says so and opens nothing.
    page.resident_box.edit.setFocus()
    qtbot.keyClick(page.resident_box.edit, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.findChild(PlaceOrderDialog) is None
    assert page.message("resident")

    resident = services.residents.page(front_desk, ResidentFilter(), 0, 1)[0]
    assert page.choose_resident(resident.id)
    assert button.isEnabled()
    page.fields.description_edit.setPlainText("想请人上门理发")
    page.fields.description_edit.setFocus()
    qtbot.keyClick(page.fields.description_edit, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(PlaceOrderDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.resident is not None and dialog.resident.id == resident.id
    assert dialog.description_edit.toPlainText() == "想请人上门理发"
    dialog.choose_item(services.orders.menu()[0].id)
    dialog.submit()
    assert dialog.order_id is not None
    order = services.orders.order(front_desk, dialog.order_id)
    assert (order.resident_id, order.request_id, order.description) == (resident.id, None, "想请人上门理发")
    # The reception form is untouched: the request can still be registered.
    assert page.resident is not None and page.fields.description_edit.toPlainText() == "想请人上门理发"


def test_the_coordinator_is_not_offered_service_orders(qtbot, services, coordinator):
    window = MainWindow(services, coordinator)
    qtbot.addWidget(window)
    assert window._request_extras() == [] and window._reception_extras() == []
