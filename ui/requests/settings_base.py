"""What the two settings pages of requests share: 分类与单位 and 时限与日历.

Both are a title over tabs, with a note for a user who may only look; each tab is a list
with its buttons in a column on the right (shown only to an administrator). Their
dialogs open window-modal without blocking and the list is read again when one saves; a
refusal of the service is shown in a message box. A list read again keeps its selection
and where it was scrolled to (:func:`fill_table`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Permission
from ui.widgets.forms import DialogHost
from ui.widgets.i18n import Translator
from ui.widgets.messages import show_error

_ = Translator("admin")

T = TypeVar("T")


def settings_table(headers: Sequence[str]) -> QTableWidget:
    """A read-only list of whole rows, one selected at a time, without row numbers."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    return table


def fill_table(table: QTableWidget, cells: Sequence[Sequence[QTableWidgetItem]], select: int) -> None:
    """Show ``cells`` row by row with row ``select`` selected, where the table was scrolled to."""
    scroll = table.verticalScrollBar().value()
    table.setRowCount(len(cells))
    for r, row in enumerate(cells):
        for c, cell in enumerate(row):
            table.setItem(r, c, cell)
    if cells:
        table.selectRow(select)
    table.verticalScrollBar().setValue(scroll)


def row_of(rows: Sequence[T], wanted: Callable[[T], bool]) -> int:
    """The index of the first row that is ``wanted`` (the first row when none is)."""
    return next((r for r, row in enumerate(rows) if wanted(row)), 0)


def current_of(table: QTableWidget, rows: Sequence[T]) -> T | None:
    """The row of ``rows`` (what ``table`` shows) at the table's current line, if any."""
    at = table.currentRow()
    return rows[at] if 0 <= at < len(rows) else None


class SettingsPage(QWidget):
    """A settings page of requests: a title, the tabs the page adds, a read-only note.

    Args:
        actor: the logged-in user (changes need ``MANAGE_SETTINGS``).
        title: the page's title.
        read_only_note: what a user who may not change anything is told, under the tabs.
        parent: the owning widget.
    """

    def __init__(self, actor: Actor, title: str, read_only_note: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.editable = actor.can(Permission.MANAGE_SETTINGS)
        self._dialogs = DialogHost()
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        if not self.editable:
            note = QLabel(read_only_note)
            note.setObjectName("hint")
            layout.addWidget(note)

    def list_tab(
        self,
        items: QWidget,
        buttons: Sequence[QPushButton],
        *,
        above: Sequence[QWidget | QLayout] = (),
        below: Sequence[QWidget | QLayout] = (),
    ) -> QWidget:
        """A tab: ``items`` (a list or a tree) with ``buttons`` beside it, between ``above``
        and ``below``."""
        row = QHBoxLayout()
        row.addWidget(items, 1)
        if self.editable:
            column = QVBoxLayout()
            for button in buttons:
                column.addWidget(button)
            column.addStretch(1)
            row.addLayout(column)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        for part in (*above, row, *below):
            if isinstance(part, QLayout):
                layout.addLayout(part, 1 if part is row else 0)
            else:
                layout.addWidget(part)
        return tab

    def open_dialog(self, dialog: QDialog, on_saved: Callable[[], None]) -> None:
        """Show a dialog window-modal without blocking; ``on_saved`` runs when it saves."""
        dialog.accepted.connect(on_saved)
        self._dialogs.open(dialog)

    @property
    def dialog(self) -> QDialog | None:
        """The dialog open on this page, if any."""
        return self._dialogs.current

    def run(self, action: Callable[[], object]) -> bool:
        """Run a service call; a refusal is shown in a message box."""
        try:
            action()
        except DomainError as exc:
            show_error(self, _("Not saved"), exc)
            return False
        return True
