"""Cells of the love-bank tables that are plain ``QTableWidget`` lists.

The ranking, the statement, the service records and redemptions of one volunteer, the
shop's items and the batch entry hold a few hundred rows at most and fill a
``QTableWidget``; their cells are read-only and aligned the same way everywhere. The
look of the tables themselves (``setup_table``, ``size_columns``, ``EmptyHint``) is the
one of every list, in :mod:`ui.widgets.list_page`. A refresh keeps the table where it
was scrolled to (:func:`kept_scroll`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidgetItem

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


def item(text: object, align: Qt.AlignmentFlag | None = None, data: Any = None) -> QTableWidgetItem:
    """A read-only cell of a ``QTableWidget``."""
    cell = QTableWidgetItem("" if text is None else str(text))
    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if align is not None:
        cell.setTextAlignment(align)
    if data is not None:
        cell.setData(Qt.ItemDataRole.UserRole, data)
    return cell


@contextlib.contextmanager
def kept_scroll(view: QAbstractItemView) -> Iterator[None]:
    """Keep where a table is scrolled to while it is filled again: a refresh after a change
    elsewhere must not move the rows under the user's eyes."""
    vertical, horizontal = view.verticalScrollBar().value(), view.horizontalScrollBar().value()
    try:
        yield
    finally:
        view.doItemsLayout()  # the scroll ranges of the new rows, now rather than later
        view.verticalScrollBar().setValue(vertical)
        view.horizontalScrollBar().setValue(horizontal)
