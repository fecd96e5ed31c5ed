"""``main.py screenshots`` photographs every dialog of the program (defect #18)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from PySide6.QtWidgets import QApplication, QDialog

import ui
from ui.shell.main_window import MainWindow
from ui.shell.screenshots import dialogs
from ui.widgets.pdf_files import remove_session_files

# Bases that are never shown themselves, and the two windows shot before the main window.
NOT_ON_THEIR_OWN = {
    "FormDialog",
    "ActionDialog",
    "LoveBankForm",
    "SavingForm",
    "OrdersForm",
    "AdminDialog",
    "LoginDialog",
    "SetupDialog",
}


def _dialog_classes() -> set[type]:
    found: set[type] = set()
    for module in pkgutil.walk_packages(ui.__path__, "ui."):
        loaded = importlib.import_module(module.name)
        for _name, cls in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == loaded.__name__:
                found.add(cls)
    return {cls for cls in found if cls.__name__ not in NOT_ON_THEIR_OWN}


@pytest.mark.slow
def test_every_dialog_class_is_photographed(qtbot, services, admin):
    window = MainWindow(services, admin)
    qtbot.addWidget(window)
    made = dialogs(services, admin)
    shot: set[type] = set()
    for name, make in made.items():
        dialog = make(window)
        assert isinstance(dialog, QDialog), name
        shot.add(type(dialog))
        dialog.hide()
        dialog.deleteLater()
        QApplication.processEvents()
    remove_session_files()

    missing = {cls.__qualname__ for cls in _dialog_classes() if cls not in shot}
    assert missing == set()
    names = set(made)
    for expected in (
        "residents_new",
        "users_new",
        "requests_detail",
        "requests_assign",
        "requests_supervise",
        "lb_record_hours",
        "lb_batch_entry",
        "lb_adjust_points",
        "lb_reverse_entry",
        "lb_new_item",
        "preview_slip",
        "preview_receipt",
        "preview_statement",
    ):
        assert expected in names
