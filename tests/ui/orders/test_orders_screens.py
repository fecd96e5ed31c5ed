"""Every dialog of the orders job is photographed by ``main.py screenshots``; the pages and
dialogs fit a 1366×768 screen without squeezing a field."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel

import ui.orders
from desktop.common.permissions import Role
from desktop.orders.states import BOARD_STAGES
from tests.ui.orders.support import order_in, show
from ui.orders.detail import OrderDetailDialog
from ui.orders.screens import dialogs, pages, screens
from ui.widgets.pdf_files import remove_session_files

BASES = {"OrdersForm", "ActionDialog"}
"""Bases that are never shown themselves."""

SCREEN = (1366, 768 - 40)  # a 1366×768 screen less the taskbar
PAGE = (1366 - 168, 768 - 80)  # the main window's page area: less the navigation and the header


def _dialog_classes() -> set[type]:
    found: set[type] = set()
    for module in pkgutil.walk_packages(ui.orders.__path__, "ui.orders."):
        loaded = importlib.import_module(module.name)
        for _name, cls in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == loaded.__name__ and cls.__name__ not in BASES:
                found.add(cls)
    return found


def test_every_dialog_is_made_for_the_screenshots_and_fits_the_screen(qtbot, services, admin):
    made = dialogs(services, admin)
    shot: set[type] = set()
    opened = []  # held until the end: a dialog is deleted by pytest-qt, never by the garbage collector
    for name, make in made.items():
        dialog = make(None)
        opened.append(dialog)
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        shot.add(type(dialog))
        hint = dialog.sizeHint()
        assert hint.width() <= SCREEN[0] and hint.height() <= SCREEN[1], (name, hint)
        assert dialog.height() >= dialog.minimumSizeHint().height(), name
        dialog.hide()
    remove_session_files()
    assert {cls.__qualname__ for cls in _dialog_classes() - shot} == set()
    for expected in ("orders_detail", "orders_draft", "orders_pay", "orders_new", "preview_purchases"):
        assert expected in made


def _mnemonics(dialog: QDialog) -> list[str]:
    """The Alt letters of a dialog's visible labels (with a buddy) and buttons."""
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.isVisibleTo(dialog) and w.buddy() is not None]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton) if w.isVisibleTo(dialog)]
    found = []
    for text in texts:
        at = text.replace("&&", "").find("&")
        if at >= 0 and at + 1 < len(text.replace("&&", "")):
            found.append(text.replace("&&", "")[at + 1].lower())
    return found


def test_no_two_fields_or_buttons_of_a_dialog_share_an_alt_letter(qtbot, services, admin):
    opened = []
    for name, make in dialogs(services, admin).items():
        if name.startswith("preview_"):
            continue
        dialog = make(None)
        opened.append(dialog)
        qtbot.addWidget(dialog)
        dialog.show()
        letters = _mnemonics(dialog)
        assert len(letters) == len(set(letters)), (name, sorted(letters))
        dialog.hide()
    # An order's page in every stage, for the user who may take every step.
    for stage in BOARD_STAGES:
        detail = OrderDetailDialog(services, admin, order_in(services, admin, stage))
        opened.append(detail)
        qtbot.addWidget(detail)
        detail.show()
        letters = _mnemonics(detail)
        assert len(letters) == len(set(letters)), (stage, sorted(letters))
        detail.hide()


def test_the_pages_fit_the_main_window(qtbot, services, admin):
    for name, make in pages(services, admin).items():
        page = show(qtbot, make(None), PAGE)
        minimum = page.minimumSizeHint()
        assert minimum.width() <= PAGE[0] and minimum.height() <= PAGE[1], (name, minimum)


def test_screens_photographs_each_screen_as_the_role_that_uses_it(qtbot, services):
    logins = {
        Role.FRONT_DESK: ("qiantai", "qiantai123"),
        Role.COORDINATOR: ("xietiao", "xietiao123"),
        Role.DIRECTOR: ("zhuren", "zhuren123"),
        Role.ADMIN: ("admin", "admin123"),
    }
    saved: list[tuple[str, str]] = []

    def save(widget, name: str) -> None:
        widget.show()
        QApplication.processEvents()
        assert not widget.grab().isNull()
        saved.append((name, type(widget).__name__))

    names = screens(services, lambda role: services.accounts.login(*logins[role]), save)
    assert names == [name for name, _cls in saved]
    assert dict(saved) == {
        "orders_board": "OrdersBoardPage",
        "orders_providers": "ProvidersPage",
        "orders_funds": "FundsPage",
        "orders_detail": "OrderDetailDialog",
        "orders_pay": "PaymentDialog",
        "orders_draft": "DraftDialog",
    }
