"""Cells of the love-bank tables that are plain ``QTableWidget`` lists.

The ranking, the statement, the service records and redemptions of one volunteer, the
shop's items and the batch entry hold a few hundred rows at most and fill a
``QTableWidget``; their cells are read-only and aligned the same way everywhere. The
look of the tables themselves (``setup_table``, ``size_columns``, ``EmptyHint``) is the
one of every list, in :mod:`ui.widgets.list_page`. A refresh keeps the table where it
was scrolled to (:func:`kept_scroll`); the row a table shows at each line is the one at
that index of the list it was filled from (:func:`selected_of`, :func:`select_first`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QTableWidgetItem

T = TypeVar("T")

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


def selected_of(view: QAbstractItemView, rows: Sequence[T]) -> T | None:
    """The row of ``rows`` (what ``view`` was filled from) whose line is selected, if any."""
    selection = view.selectionModel()
    chosen = selection.selectedRows() if selection is not None else []
    at = chosen[0].row() if chosen else -1
    return rows[at] if 0 <= at < len(rows) else None


def select_first(view: QTableView, rows: Sequence[T], wanted: Callable[[T], bool]) -> bool:
    """Select the line of the first row of ``rows`` that is ``wanted``; False if none is."""
    for at, row in enumerate(rows):
        if wanted(row):
            view.selectRow(at)
            return True
    return False
