"""The small read-only tables of the orders job (an order's history, sessions, payments
and files; a fund's payments): whole rows, no editing, no Tab trap, and a refill that
keeps the row the user is on and where the table was scrolled to."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from ui.widgets.list_page import setup_table


def read_only(table: QTableWidget, headers: Sequence[str]) -> QTableWidget:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    setup_table(table)
    table.verticalHeader().hide()
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def fill_rows(table: QTableWidget, rows: Sequence[Sequence[str]], *, right: Sequence[int] = ()) -> None:
    """Put ``rows`` in ``table``, keeping the selected row and the scroll position."""
    current = table.currentRow()
    scroll = table.verticalScrollBar().value()
    table.setRowCount(len(rows))
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(text if len(text) > 12 else "")
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    if 0 <= current < len(rows):
        table.selectRow(current)
    table.verticalScrollBar().setValue(scroll)
