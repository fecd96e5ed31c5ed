"""Helpers of the service-order screen tests: a preview that is never shown, an order of
the demo data in a given stage, picking in a finder as the keyboard does, showing a
widget as the user sees it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.common.permissions import Actor
from desktop.opening import Services
from desktop.orders.service import OrderFilter
from desktop.orders.states import Stage
from ui.widgets.finder import FinderEdit


class FakePreview:
    """Stands in for the PDF preview: remembers the PDF and its title."""

    opened: list[FakePreview] = []

    def __init__(self, path, title, parent):
        self.path, self.title, self.parent = path, title, parent
        FakePreview.opened.append(self)

    def open(self) -> None:
        pass


def order_in(services: Services, actor: Actor, stage: Stage) -> int:
    """The newest demo order in ``stage``."""
    rows = services.orders.rows(actor, OrderFilter(stage=stage.value), 0, 1)
    assert rows, f"the demo data has no order in {stage}"
    return rows[0].id


def pick(finder: FinderEdit, text: str, match) -> None:
    """Type into a finder, run the search and pick the row whose data matches (as ↓ + Enter)."""
    finder.setFocus()
    finder.setText(text)
    finder.search_now()
    tree = finder.popup.tree
    for i in range(tree.topLevelItemCount()):
        data = tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
        if data is not None and match(data):
            tree.setCurrentItem(tree.topLevelItem(i))
            assert finder.pick_current()
            return
    raise AssertionError(f"{text!r} not among {finder.popup.texts()}")


KEPT: list = []
"""Every widget a test showed, held until the test ends: pytest-qt deletes it then. A
widget left to Python's garbage collector could be torn down in the middle of a later
test (a dialog's signal connections make reference cycles)."""


def show(qtbot, widget, size=(1198, 700)):
    KEPT.append(widget)
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget
