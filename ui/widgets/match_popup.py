"""A pick list floating under a line edit, driven by the keyboard (reception, volunteers)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

CHOICE_ROWS = 8  # visible rows of a pick list


class MatchPopup(QFrame):
    """A list floating under a line edit: ↓/↑ move, Enter picks, Esc closes.

    It never takes the focus: typing goes on in the line edit, which is what a pinyin
    IME needs. The owner fills it with ``set_rows`` and listens to ``sig_picked``.

    Signals:
        sig_picked(object, bool): a row was picked; its data, and whether the focus
            should move on (Enter or click; not when Tab already moves it).
        sig_enter(): Enter with nothing to pick.
        sig_open(): ↓ while the list is closed; the owner fills and opens it.
    """

    sig_picked = Signal(object, bool)
    sig_enter = Signal()
    sig_open = Signal()

    def __init__(
        self,
        edit: QLineEdit,
        host: QWidget,
        *,
        columns: int = 1,
        rows: int = CHOICE_ROWS,
        min_width: int = 0,
        before_keys: Callable[[], bool] | None = None,
        pick_single_on_tab: bool = False,
    ):
        super().__init__(host)
        self.setObjectName("matchPopup")
        self.edit = edit
        self.host = host
        self._rows = rows
        self._min_width = min_width
        self._before_keys = before_keys
        self._pick_single_on_tab = pick_single_on_tab
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(columns)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.header().setStretchLastSection(True)
        self.footer = QLabel(self)
        self.footer.setObjectName("hint")
        self.footer.setContentsMargins(8, 2, 8, 4)
        self.footer.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addWidget(self.tree)
        layout.addWidget(self.footer)
        self.hide()
        self.tree.itemClicked.connect(self._clicked)
        edit.installEventFilter(self)
        host.installEventFilter(self)

    # --- content ---------------------------------------------------------------------
    def set_rows(
        self, rows: Sequence[tuple[Sequence[str], Any]], *, footer: str = "", empty: str = ""
    ) -> None:
        """Rows of (texts per column, data); with no rows, ``empty`` is shown instead."""
        self.tree.clear()
        for texts, data in rows:
            item = QTreeWidgetItem([str(t) for t in texts])
            item.setData(0, Qt.ItemDataRole.UserRole, data)
            item.setToolTip(len(texts) - 1, str(texts[-1]))
            self.tree.addTopLevelItem(item)
        if not rows and empty:
            item = QTreeWidgetItem([empty])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(item)
        self.footer.setText(footer)
        self.footer.setVisible(bool(footer))
        first = self.tree.topLevelItem(0)
        if rows and first is not None:
            self.tree.setCurrentItem(first)
        if self.isVisible():
            self.place()

    def set_column_widths(self, widths: Sequence[int]) -> None:
        for column, width in enumerate(widths):
            self.tree.setColumnWidth(column, width)

    def pickable_count(self) -> int:
        return sum(
            1
            for i in range(self.tree.topLevelItemCount())
            if self.tree.topLevelItem(i).flags() & Qt.ItemFlag.ItemIsEnabled
        )

    def current_data(self) -> Any:
        item = self.tree.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return item.data(0, Qt.ItemDataRole.UserRole)

    def texts(self) -> list[str]:
        """The first column of every row (for tests)."""
        return [self.tree.topLevelItem(i).text(0) for i in range(self.tree.topLevelItemCount())]

    # --- showing ---------------------------------------------------------------------
    def open_popup(self) -> None:
        self.place()
        self.show()
        self.raise_()

    def place(self) -> None:
        pos = self.edit.mapTo(self.host, QPoint(0, self.edit.height() + 1))
        width = max(self.edit.width(), self._min_width)
        width = max(120, min(width, self.host.width() - pos.x() - 8))
        row_height = max(self.tree.sizeHintForRow(0), self.fontMetrics().height() + 8)
        shown = min(max(self.tree.topLevelItemCount(), 1), self._rows)
        height = shown * row_height + 2 * self.tree.frameWidth() + 4
        if self.footer.isVisibleTo(self):
            height += self.footer.sizeHint().height()
        self.setGeometry(pos.x(), pos.y(), width, min(height, max(self.host.height() - pos.y() - 4, 60)))

    def move_current(self, delta: int) -> None:
        n = self.tree.topLevelItemCount()
        if not n:
            return
        current = self.tree.currentItem()
        at = self.tree.indexOfTopLevelItem(current) if current is not None else -1
        at = max(0, min(n - 1, at + delta))
        item = self.tree.topLevelItem(at)
        if item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)

    def _clicked(self, item: QTreeWidgetItem) -> None:
        if item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.hide()
            self.sig_picked.emit(item.data(0, Qt.ItemDataRole.UserRole), True)

    # --- keys ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.host:
            if event.type() == QEvent.Type.Resize and self.isVisible():
                self.place()
            return False
        if watched is not self.edit:
            return False
        if event.type() == QEvent.Type.FocusOut:
            self.hide()
        elif event.type() == QEvent.Type.KeyPress:
            return self._key(event.key(), event.modifiers())
        return False

    def _key(self, key: int, modifiers: Qt.KeyboardModifier) -> bool:
        plain = not (modifiers & ~Qt.KeyboardModifier.KeypadModifier)
        if key == Qt.Key.Key_Down and plain:
            if self._before_keys is not None and self._before_keys():
                return True  # a pending search ran and opened the list at its first row
            if self.isVisible():
                self.move_current(1)
            else:
                self.sig_open.emit()
            return True
        if key == Qt.Key.Key_Up and plain and self.isVisible():
            self.move_current(-1)
            return True
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) and self.isVisible():
            self.move_current(self._rows if key == Qt.Key.Key_PageDown else -self._rows)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            if self._before_keys is not None:
                self._before_keys()
            data = self.current_data() if self.isVisible() else None
            if data is not None:
                self.hide()
                self.sig_picked.emit(data, True)
            else:
                self.sig_enter.emit()
            return True
        if key == Qt.Key.Key_Escape and self.isVisible():
            self.hide()
            return True
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self.isVisible():
            data = self.current_data()
            single = self.pickable_count() == 1
            self.hide()
            if self._pick_single_on_tab and single and data is not None and key == Qt.Key.Key_Tab:
                self.sig_picked.emit(data, False)
        return False
