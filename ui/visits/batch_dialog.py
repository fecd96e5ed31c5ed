"""批量录入走访: a grid worker back from a round records several visits of one grid in one
table, saved all at once or not at all.

The rows are the residents of the grid not visited yet in their period (overdue first).
Above the table: the day, how and who, given to every row; a row may have its own day
(typed as 2026-12-05, 12-05 or 5) and way. A row is saved when ticked (Space; typing its
findings or picking a report item ticks it). Ctrl+S saves every ticked row in one step:
if any row is wrong, nothing is saved and the row is named and marked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from desktop.visits.recording import BatchRowError, RecordedVisit, VisitForm
from desktop.visits.service import DueFilter, DueRow, VisitService
from ui.visits.formatting import ITEMS, METHODS, item_text, items_text, method_text, status_text
from ui.visits.record_dialog import date_field
from ui.widgets import palette
from ui.widgets.date_field import to_date
from ui.widgets.forms import FieldBox, error_line, field_row
from ui.widgets.i18n import Translator, desktop_text, error_text
from ui.widgets.keys import SAVE_KEYS, submit_keys
from ui.widgets.list_page import EmptyHint, setup_table, size_columns
from ui.widgets.messages import Ask, ask_yes, show_info

_ = Translator("visits")

B_TICK, B_NAME, B_TAGS, B_STATUS, B_DATE, B_METHOD, B_FINDINGS, B_ITEMS = range(8)
BAD_CELL = QColor(palette.PALE_RED)
ROUND_ROWS = 500
"""The most residents a round offers (a grid has far fewer on the plan)."""

Tell = Callable[[QWidget, str, str], None]


def parse_day(text: str, default: dt.date) -> dt.date:
    """A day typed in a row: empty → ``default``; ``2026-12-05``, ``12-05`` / ``12.5`` (this
    year of ``default``), ``5`` (the month of ``default``). Raises ``ValueError``."""
    text = text.strip()
    if not text:
        return default
    parts = [int(p) for p in re.split(r"[-./年月日\s]+", text) if p]
    if len(parts) == 3:
        return dt.date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        return dt.date(default.year, parts[0], parts[1])
    if len(parts) == 1:
        return default.replace(day=parts[0])
    raise ValueError(text)


class BatchVisitDialog(QDialog):
    """批量录入: the visits of a round in one grid.

    Args:
        visits: the visits service (``due``, ``record_batch``).
        actor: the signed-in user (``RECORD_VISITS``; the core checks it).
        parent: the owning widget.
        grid_id: the grid proposed (else the user's first grid, else the first grid).
        today: the day proposed; later days are refused.
        ask: asks before dropping typed rows (tests answer it).
        tell: says what was saved (the requests made, the register to update).

    Signals:
        sig_saved(list): the visits were recorded; carries their ids.
    """

    sig_saved = Signal(list)

    def __init__(
        self,
        visits: VisitService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        grid_id: int | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        ask: Ask = ask_yes,
        tell: Tell = show_info,
    ):
        super().__init__(parent)
        self.setObjectName("batchVisitDialog")
        self.setWindowTitle(_("Record a round of visits"))
        self._visits, self._actor, self._today = visits, actor, today
        self._ask, self._tell = ask, tell
        self.rows: list[DueRow] = []
        self.recorded: list[RecordedVisit] = []
        self.method_combos: list[QComboBox] = []
        self.item_buttons: list[QToolButton] = []
        fm = self.fontMetrics()
        self.setMinimumSize(fm.horizontalAdvance("M") * 72, fm.height() * 24)
        self.resize(fm.horizontalAdvance("M") * 100, fm.height() * 40)  # a round's rows in view

        self.grid_combo = QComboBox()
        grids = visits.grids(actor)
        for gid, name in grids:
            self.grid_combo.addItem(name, gid)
        mine = visits.my_grids(actor)
        chosen = grid_id if grid_id is not None else (mine[0] if mine else None)
        if chosen is not None:
            self.grid_combo.setCurrentIndex(max(0, self.grid_combo.findData(chosen)))
        self.date_edit = date_field(today())
        self.method_combo = self._method_combo()
        self.visitor_combo = QComboBox()
        for user_id, name in visits.visitors(actor):
            self.visitor_combo.addItem(name, user_id)
        if self.visitor_combo.findData(actor.user_id) < 0:
            self.visitor_combo.addItem(actor.full_name or actor.username, actor.user_id)
        self.visitor_combo.setCurrentIndex(self.visitor_combo.findData(actor.user_id))
        self.companions_edit = QLineEdit()
        self.companions_edit.setMaxLength(200)
        self.companions_edit.setPlaceholderText(_("Companions, e.g. 楼长 王芳"))
        self.boxes = {
            "grid": FieldBox(self.grid_combo),
            "visited_on": FieldBox(
                field_row(self.date_edit, QLabel(_("How")), self.method_combo, stretch=True)
            ),
            "visitor": FieldBox(
                field_row(self.visitor_combo, self.companions_edit, grow=self.companions_edit)
            ),
        }
        form = QFormLayout()
        grid_label, date_label = QLabel(_("&Grid")), QLabel(_("&Date"))
        grid_label.setBuddy(self.grid_combo)
        date_label.setBuddy(self.date_edit)
        form.addRow(grid_label, self.boxes["grid"])
        form.addRow(date_label, self.boxes["visited_on"])
        form.addRow(_("Visited by"), self.boxes["visitor"])

        headers = [
            _("Seen"),
            _("Resident"),
            _("Key groups"),
            _("Status"),
            _("Date"),
            _("How"),
            _("Findings"),
            _("Reports"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        setup_table(self.table)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setDefaultSectionSize(fm.height() + 16)
        size_columns(
            self.table,
            {
                B_TICK: "✓",
                B_NAME: "欧阳秀英",
                B_TAGS: "独居老人、困难家庭",
                B_STATUS: status_text("overdue"),
                B_DATE: "2026-12-31",
                B_METHOD: "到中心 ▾▾▾",
                B_FINDINGS: "身体尚可，独自在家，已叮嘱注意用电安全",
            },
            headers,
        )
        self.table.horizontalHeader().setSectionResizeMode(B_ITEMS, QHeaderView.ResizeMode.Stretch)
        self.empty_hint = EmptyHint(self.table)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        keys = QLabel(_("Space: tick a row   F2: type in a cell   Ctrl+S: save all"))
        keys.setObjectName("hint")
        line = QHBoxLayout()
        line.addWidget(self.count_label)
        line.addStretch(1)
        line.addWidget(keys)
        self.message = error_line()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(_("Save all"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAutoDefault(False)
        self.save_button.setToolTip("Ctrl+S")
        cancel = buttons.addButton(_("Cancel and close"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self.save_all)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(line)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.grid_combo.currentIndexChanged.connect(self.load_rows)
        self.table.itemChanged.connect(self._cell_changed)
        self.table.installEventFilter(self)
        submit_keys(self, self.save_all, SAVE_KEYS)
        self.load_rows()
        self.table.setFocus()
        if self.rows:
            self.table.setCurrentCell(0, B_TICK)

    def _method_combo(self) -> QComboBox:
        combo = QComboBox()
        for method in METHODS:
            combo.addItem(method_text(method), method.value)
        return combo

    # --- rows ------------------------------------------------------------------------
    def grid_id(self) -> int | None:
        return self.grid_combo.currentData()

    def load_rows(self) -> None:
        """The grid's residents not visited yet in their period (overdue first)."""
        grid = self.grid_id()
        self.rows = []
        if grid is not None:
            try:
                result = self._visits.due(self._actor, DueFilter(grid_id=grid, open_only=True))
                self.rows = result.page(0, ROUND_ROWS)
            except DomainError as exc:
                self._show_message(error_text(exc))
        self.method_combos, self.item_buttons = [], []
        blocked = self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.setRowCount(len(self.rows))
        fixed = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        red = QBrush(QColor(palette.RED))
        for r, row in enumerate(self.rows):
            tick = QTableWidgetItem()
            tick.setFlags(fixed | Qt.ItemFlag.ItemIsUserCheckable)
            tick.setCheckState(Qt.CheckState.Unchecked)
            self.table.setItem(r, B_TICK, tick)
            for c, text in ((B_NAME, row.name), (B_TAGS, row.tags), (B_STATUS, status_text(row.status))):
                item = QTableWidgetItem(text)
                item.setFlags(fixed)
                if row.status == "overdue":
                    item.setForeground(red)
                self.table.setItem(r, c, item)
            date = QTableWidgetItem("")
            date.setToolTip(_("Empty: the date above; or 2026-12-05, 12-05, 5"))
            self.table.setItem(r, B_DATE, date)
            self.table.setItem(r, B_FINDINGS, QTableWidgetItem(""))
            combo = self._method_combo()
            combo.setCurrentIndex(-1)
            combo.setPlaceholderText(_("as above"))
            combo.currentIndexChanged.connect(lambda _i, r=r: self.tick(r))
            self.table.setCellWidget(r, B_METHOD, combo)
            self.method_combos.append(combo)
            button = QToolButton()
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            menu = QMenu(button)
            for report in ITEMS:
                action = menu.addAction(item_text(report))
                action.setCheckable(True)
                action.setData(report)
                action.toggled.connect(lambda _on, r=r: self._items_changed(r))
            button.setMenu(menu)
            button.setText(_("none"))
            self.table.setCellWidget(r, B_ITEMS, button)
            self.item_buttons.append(button)
        self.table.blockSignals(blocked)
        self.empty_hint.show_text(
            None
            if self.rows
            else _("Everyone on the visit plan in this grid has been visited in their period.")
        )
        self._update_count()

    def cell(self, row: int, column: int) -> QTableWidgetItem:
        """The item of a cell (every cell of a row has one from ``load_rows``)."""
        item = self.table.item(row, column)
        assert item is not None
        return item

    def tick(self, row: int, on: bool = True) -> None:
        item = self.table.item(row, B_TICK)
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def ticked(self) -> list[int]:
        return [
            r for r in range(len(self.rows)) if self.cell(r, B_TICK).checkState() == Qt.CheckState.Checked
        ]

    def items_of(self, row: int) -> tuple[str, ...]:
        menu = self.item_buttons[row].menu()
        return tuple(a.data() for a in menu.actions() if a.isChecked())

    def set_items(self, row: int, items: tuple[str, ...]) -> None:
        for action in self.item_buttons[row].menu().actions():
            action.setChecked(action.data() in items)

    def set_cell(self, row: int, column: int, text: str) -> None:
        self.cell(row, column).setText(text)

    def _items_changed(self, row: int) -> None:
        items = self.items_of(row)
        self.item_buttons[row].setText(items_text(list(items)) if items else _("none"))
        if items:
            self.tick(row)

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if item.column() in (B_DATE, B_FINDINGS) and item.text().strip():
            self.tick(item.row())
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            _("{ticked} of {n} residents ticked", ticked=len(self.ticked()), n=len(self.rows))
            if self.rows
            else ""
        )

    # --- saving ----------------------------------------------------------------------
    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def commit_edit(self) -> None:
        """Keep what is being typed in a cell (Ctrl+S while editing)."""
        editor = QApplication.focusWidget()
        if self.table.state() == QAbstractItemView.State.EditingState and editor is not None:
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _mark(self, row: int | None, tip: str = "") -> None:
        """Mark ``row`` as wrong (every other row plain); None clears every mark."""
        blocked = self.table.blockSignals(True)
        for r in range(self.table.rowCount()):
            for c in (B_NAME, B_DATE, B_FINDINGS):
                cell = self.cell(r, c)
                cell.setBackground(BAD_CELL if r == row else QBrush())
                if c == B_NAME:
                    cell.setToolTip(tip if r == row else "")
        self.table.blockSignals(blocked)
        if row is not None:
            self.table.setCurrentCell(row, B_NAME)
            self.table.scrollToItem(self.cell(row, B_NAME))

    def forms(self) -> tuple[list[VisitForm], list[int]]:
        """The ticked rows as forms, and their table rows. Raises ``ValueError`` with the
        table row of a day that cannot be read."""
        default_day = to_date(self.date_edit.date())
        default_method = self.method_combo.currentData()
        forms, rows = [], []
        for r in self.ticked():
            try:
                day = parse_day(self.cell(r, B_DATE).text(), default_day)
            except ValueError as exc:
                raise ValueError(r) from exc
            method = self.method_combos[r].currentData() or default_method
            forms.append(
                VisitForm(
                    resident_id=self.rows[r].resident_id,
                    visited_on=day,
                    method=method,
                    visitor_id=self.visitor_combo.currentData(),
                    companions=self.companions_edit.text(),
                    findings=self.cell(r, B_FINDINGS).text(),
                    items=self.items_of(r),
                )
            )
            rows.append(r)
        return forms, rows

    def save_all(self) -> bool:
        """Save every ticked row in one step; with any bad row nothing is saved."""
        self.commit_edit()
        self.message.hide()
        self._mark(None)
        nothing = _("Nothing was saved.")
        try:
            forms, rows = self.forms()
        except ValueError as exc:
            r = int(exc.args[0])
            text = _(
                "Row {row} ({name}): the date cannot be read; type it as 2026-12-05.",
                row=r + 1,
                name=self.rows[r].name,
            )
            self._mark(r, text)
            self._show_message(nothing + "\n" + text)
            return False
        if not forms:
            self._show_message(_("Tick the residents who were visited (Space), then save."))
            return False
        grid = self.grid_id()
        assert grid is not None  # rows come from a grid
        try:
            self.recorded = self._visits.record_batch(self._actor, grid, forms)
        except BatchRowError as exc:
            r = rows[exc.row - 1]
            details = "；".join(error_text(e) for e in exc.errors.values())
            text = _("Row {row} ({name}): {error}", row=r + 1, name=self.rows[r].name, error=details)
            self._mark(r, text)
            self._show_message(nothing + "\n" + text)
            return False
        except DomainError as exc:
            self._show_message(nothing + "\n" + error_text(exc))
            return False
        self.sig_saved.emit([v.visit_id for v in self.recorded])
        self.accept()
        self._tell(self.parentWidget() or self, _("Round recorded"), self.summary())
        return True

    def summary(self) -> str:
        lines = [_("{n} visits are recorded.", n=len(self.recorded))]
        names = {row.resident_id: row.name for row in self.rows}
        for v in self.recorded:
            for raised in v.requests:
                lines.append(
                    _(
                        "{name}: request {number} (grid worker report) was created for: {item}.",
                        name=names.get(v.resident_id, ""),
                        number=raised.number,
                        item=item_text(raised.item),
                    )
                )
            for prompt in v.prompts:
                lines.append(
                    _(
                        "{name}: please update in the residents register: {item}",
                        name=prompt.resident_name,
                        item=item_text(prompt.item),
                    )
                    + " "
                    + desktop_text(prompt.message)
                )
        return "\n".join(lines)

    def reject(self) -> None:
        """Esc or Cancel: ticked rows are not thrown away without asking."""
        if self.ticked() and not self.recorded and self.isVisible():
            leave = self._ask(
                self,
                _("Record a round of visits"),
                _("Close without saving? {n} ticked visits are not saved yet.", n=len(self.ticked())),
            )
            if not leave:
                return
        super().reject()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Space
            and self.table.state() != QAbstractItemView.State.EditingState
        ):
            row = self.table.currentRow()
            if 0 <= row < len(self.rows):
                self.tick(row, self.cell(row, B_TICK).checkState() != Qt.CheckState.Checked)
                return True
        return super().eventFilter(watched, event)


__all__ = ["BatchVisitDialog", "parse_day"]
