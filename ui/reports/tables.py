"""Read-only tables of figures for the reports screens: a QTableWidget filled from rows
of text, sized to show every row (the page scrolls, not each table), numbers right-aligned,
the row's key kept so a row can lead to its list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

KEY_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Row:
    """One line of a table: its cells as text, what it is (a key or None), and whether it
    is a heading or total (bold) or stands out (``colour``: a palette colour)."""

    cells: tuple[str, ...]
    key: object = None
    bold: bool = False
    colour: str = ""
    indent: int = 0


@dataclass(frozen=True)
class Table:
    """A titled table: the column headers, its rows, a note under it, and which columns
    hold text (left-aligned; the others are numbers, right-aligned)."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    note: str = ""
    text_columns: frozenset[int] = field(default_factory=lambda: frozenset({0}))
    empty: str = ""


class FiguresTable(QTableWidget):
    """A :class:`Table` on screen; ``key_at(row)`` gives the row's key."""

    def __init__(self, parent: QWidget | None = None, *, fit_height: bool = True, stretch: int | None = None):
        super().__init__(parent)
        self._fit_height = fit_height
        self._stretch = stretch
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.horizontalHeader().setHighlightSections(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        if fit_height:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
            self.horizontalScrollBar().rangeChanged.connect(lambda _low, _high: self._fit())

    def show_table(self, table: Table) -> None:
        """Fill with ``table``, keeping the selected row (by key) where it still is."""
        selected = self.selected_key()
        self.clear()
        self.setColumnCount(len(table.headers))
        self.setHorizontalHeaderLabels(list(table.headers))
        self.setRowCount(len(table.rows))
        for r, row in enumerate(table.rows):
            for c, text in enumerate(row.cells):
                item = QTableWidgetItem(("    " * row.indent + text) if c == 0 else text)
                item.setData(KEY_ROLE, row.key)
                align = Qt.AlignmentFlag.AlignVCenter
                align |= (
                    Qt.AlignmentFlag.AlignLeft if c in table.text_columns else Qt.AlignmentFlag.AlignRight
                )
                item.setTextAlignment(align)
                if row.bold:
                    font = QFont(self.font())
                    font.setBold(True)
                    item.setFont(font)
                if row.colour:
                    item.setForeground(QBrush(QColor(row.colour)))
                self.setItem(r, c, item)
        # Every column as wide as its widest cell (names are never cut); a report's table
        # is as wide as its columns (or gives the spare room to ``stretch``) and as high as
        # its rows; too narrow a window scrolls it sideways.
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.resizeColumnsToContents()
        if table.headers and self._stretch is not None:
            header.setSectionResizeMode(self._stretch, QHeaderView.ResizeMode.Stretch)
        if selected is not None:
            self.select_key(selected)
        if self._fit_height:
            self.updateGeometry()  # the size hint follows the columns (AdjustToContents)
            self._fit()

    def _fit(self) -> None:
        if self._fit_height:
            self.setFixedHeight(self.fitting_height())

    def fitting_height(self) -> int:
        """Header and every row, and the sideways scroll bar when the columns do not fit."""
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        bar = self.horizontalScrollBar()
        scroll = bar.sizeHint().height() if bar.maximum() > 0 else 0
        return self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth() + scroll

    def key_at(self, row: int) -> object:
        item = self.item(row, 0)
        return None if item is None else item.data(KEY_ROLE)

    def keys(self) -> list[object]:
        return [self.key_at(r) for r in range(self.rowCount())]

    def selected_key(self) -> object:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        return self.key_at(rows[0].row()) if rows else None

    def select_key(self, key: object) -> bool:
        for r in range(self.rowCount()):
            if key is not None and self.key_at(r) == key:
                self.selectRow(r)
                return True
        return False

    def texts(self, column: int) -> list[str]:
        """The cells of one column (for tests and the empty check)."""
        items = (self.item(r, column) for r in range(self.rowCount()))
        return [item.text().strip() if item is not None else "" for item in items]


def rows_of(cells: Sequence[Sequence[str]]) -> tuple[Row, ...]:
    """Plain rows from lists of cells."""
    return tuple(Row(tuple(c)) for c in cells)
