"""The steps of the import wizard that show data: the column mapping, the preview with
its counts, and the error report view (also the wizard's result when rows were refused).

Each step is a plain widget filled by the wizard (:mod:`ui.exchange.wizard`); none of them
talks to a service.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.common.masking import mask_id_number, mask_phone
from desktop.exchange.checking import Action, CheckedRow, PlannedRow
from desktop.exchange.fields import LABELS, ColumnMap, Field, Kind, fields_of
from desktop.exchange.importing import ImportFile, ImportPlan
from ui.widgets import palette
from ui.widgets.i18n import Translator, desktop_text, error_text

_ = Translator("exchange")

SAMPLES = 3


def cell_item(text: object, *, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tip:
        item.setToolTip(tip)
    return item


def make_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class MappingStep(QWidget):
    """Each column of the file, a few of its values, and the field it goes to.

    Signals:
        sig_changed(): the user changed a column's field.
    """

    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.table = make_table([_("Column in the file"), _("Values"), _("Import as")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setColumnWidth(0, 180)
        self.table.setColumnWidth(2, 200)
        self.combos: list[QComboBox] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)

    def show_file(self, source: ImportFile) -> None:
        table = source.table
        self.table.setRowCount(len(table.headers))
        self.combos = []
        unknown = set(source.unknown_columns)
        for row, header in enumerate(table.headers):
            name = cell_item(header or _("(column {n} without a name)", n=row + 1))
            if row in unknown:
                name.setBackground(QBrush(QColor(palette.PALE_AMBER)))
                name.setToolTip(_("Not a known column: choose a field or leave it ignored."))
            self.table.setItem(row, 0, name)
            samples = [r[row] for r in table.rows[:SAMPLES] if row < len(r) and r[row]]
            self.table.setItem(row, 1, cell_item("、".join(samples)))
            combo = QComboBox()
            combo.addItem(_("Ignore"), "")
            for f in fields_of(source.kind):
                combo.addItem(desktop_text(LABELS[f]), f.value)
            chosen = source.mapping.get(row)
            combo.setCurrentIndex(combo.findData(chosen.value) if chosen is not None else 0)
            combo.currentIndexChanged.connect(lambda _i, r=row: self._picked(r))
            self.table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
        self.hint.setText(
            _(
                "The header is row {row} of sheet {sheet}; {rows} rows of data. "
                "{unknown} columns were not recognised: choose what they hold, or leave them ignored.",
                row=table.header_row,
                sheet=table.sheet,
                rows=len(table.rows),
                unknown=len(unknown),
            )
        )

    def _picked(self, row: int) -> None:
        value = self.combos[row].currentData()
        if value:
            for other, combo in enumerate(self.combos):  # a field comes from one column only
                if other != row and combo.currentData() == value:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self.sig_changed.emit()

    def mapping(self) -> ColumnMap:
        return {row: Field(c.currentData()) for row, c in enumerate(self.combos) if c.currentData()}

    def choose(self, column: int, field: Field | None) -> None:
        """Set a column's field (what the user does with the drop-down)."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(field.value) if field is not None else 0)


def _reasons(row: CheckedRow) -> str:
    return "；".join(
        (f"{desktop_text(LABELS[e.field])}：" if e.field is not None else "") + error_text(e.error)
        for e in row.errors
    )


class PreviewStep(QWidget):
    """The first rows as they will be stored, the counts, and the choices that change them.

    Signals:
        sig_update_existing(bool): 更新已有 was ticked or unticked (the rows are checked again).
        sig_save_report(): 保存错误报告 was pressed.
    """

    sig_update_existing = Signal(bool)
    sig_save_report = Signal()

    def __init__(self, *, reveal: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._reveal = reveal
        self.counts = QLabel()
        self.counts.setObjectName("sectionTitle")
        self.update_existing = QCheckBox(_("Update people already in the register (same ID number)"))
        self.update_existing.toggled.connect(self.sig_update_existing.emit)
        self.valid_only = QCheckBox(_("Import only the valid rows"))
        self.save_report = QPushButton(_("Save error report…"))
        self.save_report.clicked.connect(self.sig_save_report.emit)
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.table = make_table([])
        options = QHBoxLayout()
        options.addWidget(self.update_existing)
        options.addWidget(self.valid_only)
        options.addStretch(1)
        options.addWidget(self.save_report)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.counts)
        layout.addLayout(options)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

    def show_plan(self, plan: ImportPlan) -> None:
        c = plan.counts
        text = _(
            "New {added}    Update {updated}    Errors {errors}",
            added=c.added,
            updated=c.updated,
            errors=c.errors,
        )
        if plan.source.kind == Kind.VOLUNTEERS:
            text += "    " + _("Already in the register {linked}", linked=c.linked)
        self.counts.setText(text)
        self.counts.setStyleSheet(f"color: {palette.RED};" if c.errors else "")
        self.valid_only.setEnabled(c.errors > 0 and len(plan.rows) > c.errors)
        if not self.valid_only.isEnabled():
            self.valid_only.setChecked(False)
        self.save_report.setEnabled(c.errors > 0)
        shown = plan.preview()
        self.note.setText(
            _(
                "The first {shown} of {total} rows, as they will be stored. "
                "With any error nothing is imported, "
                "unless you choose to import only the valid rows.",
                shown=len(shown),
                total=len(plan.rows),
            )
        )
        volunteers = plan.source.kind == Kind.VOLUNTEERS
        headers = [
            _("Row"),
            _("Result"),
            _("Name"),
            _("Gender"),
            _("Birth date"),
            _("ID number"),
            _("Phone"),
            _("Address"),
            _("Grid"),
            _("Key groups"),
        ]
        if volunteers:
            headers += [_("Team"), _("Hours"), _("Points")]
        headers.append(_("Notes / reason"))
        self.table.clear()
        self.table.clearSpans()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(shown))
        for r, row in enumerate(shown):
            cells = [cell_item(row.row_number)] + self._cells(row.planned, volunteers, row)
            for column, cell in enumerate(cells):
                if row.planned is None:
                    cell.setBackground(QBrush(QColor(palette.PALE_RED)))
                self.table.setItem(r, column, cell)
            if row.planned is None:  # the reasons read across the row's empty cells
                self.table.setSpan(r, 2, 1, len(headers) - 2)
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount() - 1):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 180))

    def _cells(self, p: PlannedRow | None, volunteers: bool, row: CheckedRow) -> list[QTableWidgetItem]:
        width = 8 + (3 if volunteers else 0)
        if p is None:
            reasons = _reasons(row)
            error = cell_item(_("Error"), tip=reasons)
            error.setForeground(QBrush(QColor(palette.RED)))
            return [error, cell_item(reasons, tip=reasons)] + [cell_item("") for _i in range(width)]
        result = {Action.ADD: _("New"), Action.UPDATE: _("Update"), Action.LINK: _("In the register")}[
            p.action
        ]
        id_number = p.id_number if self._reveal else mask_id_number(p.id_number)
        phone = p.phone if self._reveal else mask_phone(p.phone)
        cells = [
            cell_item(result),
            cell_item(p.name),
            cell_item(p.gender),
            cell_item(p.birth_date.isoformat() if p.birth_date else ""),
            cell_item(id_number),
            cell_item(phone),
            cell_item(p.address),
            cell_item(p.grid),
            cell_item("、".join(p.tags)),
        ]
        if volunteers:
            cells += [
                cell_item(p.team),
                cell_item(f"{p.minutes / 60:g}" if p.minutes else ""),
                cell_item(p.points or ""),
            ]
        cells.append(cell_item(p.notes.replace("\n", " "), tip=p.notes))
        return cells


class ErrorReportView(QWidget):
    """The refused rows: row number as Excel shows it, the column and the reason.

    Signals:
        sig_save(): 保存错误报告 was pressed.
    """

    sig_save = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("sectionTitle")
        self.summary.setWordWrap(True)
        self.save = QPushButton(_("Save error report…"))
        self.save.setObjectName("primary")
        self.save.clicked.connect(self.sig_save.emit)
        self.table = make_table([_("Row"), _("Column"), _("Value"), _("Reason")])
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def show_report(self, plan: ImportPlan, summary: str) -> None:
        self.summary.setText(summary)
        columns = {f: i for i, f in plan.mapping.items()}
        headers = plan.source.table.headers
        lines: list[tuple[str, str, str, str]] = []
        for row in plan.failed:
            original = plan.source.table.rows[row.index]
            for e in row.errors:
                column = columns.get(e.field) if e.field is not None else None
                name = (
                    headers[column]
                    if column is not None
                    else (desktop_text(LABELS[e.field]) if e.field else "")
                )
                value = original[column] if column is not None and column < len(original) else ""
                lines.append((_("Row {n}", n=row.row_number), name, value, error_text(e.error)))
        self.table.setRowCount(len(lines))
        for r, line in enumerate(lines):
            for c, text in enumerate(line):
                self.table.setItem(r, c, cell_item(text, tip=text if c == 3 else ""))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(3, max(self.table.columnWidth(3), 300))
        self.save.setEnabled(bool(lines))
