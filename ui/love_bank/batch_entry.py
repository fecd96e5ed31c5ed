"""批量录入: one activity's hours for many volunteers, saved all at once or not at all.

The dialog is one cohesive piece (a finder that adds rows, an editable table of hours,
the all-or-nothing save), so it has a module of its own beside the service hours page.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import Actor
from desktop.love_bank.service import LoveBankService, ServiceEntry, VolunteerRow
from ui.love_bank.dialogs import ClearOnEdit, GrowToFit, Today, lay_out_table_dialog
from ui.love_bank.finders import volunteer_finder
from ui.love_bank.formatting import hours_text, parse_hours
from ui.love_bank.hours_dialogs import (
    ActivityDialog,
    activity_combo,
    activity_date,
    chosen_activity,
    date_edit,
    fill_activities,
)
from ui.love_bank.tables import RIGHT
from ui.widgets import palette
from ui.widgets.date_field import to_date, to_qdate
from ui.widgets.forms import FieldBox, field_row
from ui.widgets.i18n import Translator, error_text, field_messages
from ui.widgets.keys import SAVE_KEYS, submit_keys
from ui.widgets.list_page import EmptyHint, setup_table, size_columns
from ui.widgets.messages import Ask, ask_yes

_ = Translator("lovebank")

BAD_CELL = QColor(palette.PALE_RED)

B_NAME, B_TEAM, B_HOURS, B_NOTE = range(4)


class BatchEntryDialog(QDialog):
    """批量录入: one activity and date, many volunteers, hours for each, saved all at once.

    Keys: in the volunteer box Enter adds the highlighted volunteer with the default hours;
    Delete removes the selected rows; Ctrl+S saves all; Esc cancels (asking first, through
    ``ask``, when rows are typed in).

    Signals:
        sig_saved(list): the records were saved; carries the volunteers' ids.
    """

    sig_saved = Signal(list)

    def __init__(
        self,
        love_bank: LoveBankService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        today: Today = dt.date.today,
        ask: Ask = ask_yes,
    ):
        super().__init__(parent)
        self._bank, self._actor, self._today = love_bank, actor, today
        self._ask = ask
        self.volunteers: list[VolunteerRow] = []
        self.saved_ids: list[int] = []
        self.setWindowTitle(_("Batch entry of service hours"))
        self.setMinimumSize(860, 600)
        self._build()
        self.finder.setFocus()

    def _build(self) -> None:
        fm = self.fontMetrics()
        self.activity_combo = activity_combo(self._bank.activities(), _("No activity (×1)"))
        self.activity_combo.setMinimumContentsLength(30)
        self.new_activity_button = QPushButton(_("New activity…"))
        self.new_activity_button.setAutoDefault(False)
        self.new_activity_button.setToolTip(_("Create the activity these hours belong to (Ctrl+Shift+N)"))
        activity_row = field_row(self.activity_combo, self.new_activity_button, grow=self.activity_combo)
        self.date_edit = date_edit(self._today())
        self.default_edit = QLineEdit("2")
        self.default_edit.setMaximumWidth(fm.horizontalAdvance("M") * 8)
        self.default_edit.setToolTip(_("Hours given to each volunteer added"))
        self.apply_button = QPushButton(_("Apply to all rows"))
        self.apply_button.setAutoDefault(False)
        default_row = field_row(self.default_edit, self.apply_button, stretch=True)
        self.finder = volunteer_finder(
            self._bank,
            self._actor,
            self,
            placeholder=_("Type a volunteer's name, pinyin initials or phone; Enter adds"),
        )
        form = QFormLayout()
        self.boxes = {
            "activity": FieldBox(activity_row),
            "served_on": FieldBox(self.date_edit),
            "default": FieldBox(default_row),
            "volunteer": FieldBox(self.finder),
        }
        form.addRow(_("Activity"), self.boxes["activity"])
        form.addRow(_("Date served"), self.boxes["served_on"])
        form.addRow(_("Default hours"), self.boxes["default"])
        form.addRow(_("Add volunteer"), self.boxes["volunteer"])

        headers = [_("Volunteer"), _("Team"), _("Hours"), _("Note")]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        setup_table(self.table, multi=True)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        size_columns(
            self.table,
            {B_NAME: "欧阳秀英", B_TEAM: "幸福社区助老服务队", B_HOURS: "24.5"},
            headers,
        )
        self.table.horizontalHeader().setSectionResizeMode(B_NOTE, QHeaderView.ResizeMode.Stretch)
        self.empty_hint = EmptyHint(self.table)
        self.remove_button = QPushButton(_("Remove row"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.setToolTip(_("Remove the selected rows (Delete)"))
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        self.message, self.save_button = lay_out_table_dialog(
            self, form, self.table, (self.remove_button, self.count_label), _("Save all"), self.save_all
        )
        self.save_button.setToolTip("Ctrl+S")

        for box in self.boxes.values():  # first: an edit clears, then the checks below may say more
            ClearOnEdit(box)
        self.grow = GrowToFit(self)
        self.finder.sig_picked.connect(self.add_volunteer)
        self.new_activity_button.clicked.connect(self.new_activity)
        self.apply_button.clicked.connect(self.apply_default)
        self.remove_button.clicked.connect(self.remove_selected)
        self.activity_combo.currentIndexChanged.connect(self._activity_changed)
        self.date_edit.dateChanged.connect(self._date_changed)
        self.table.itemChanged.connect(self._cell_changed)
        self.table.installEventFilter(self)
        submit_keys(self, self.save_all, SAVE_KEYS)
        QShortcut(QKeySequence("Ctrl+Shift+N"), self, self.new_activity)
        self._update_count()

    # --- rows ------------------------------------------------------------------------
    def add_volunteer(self, volunteer: VolunteerRow) -> bool:
        """Add a row with the default hours; a volunteer already listed is selected instead."""
        self.finder.reset()
        self.finder.setFocus()
        for row, v in enumerate(self.volunteers):
            if v.id == volunteer.id:
                self.table.selectRow(row)
                self._show_message(_("{name} is already in the list.", name=v.name), error=False)
                return False
        row = len(self.volunteers)
        self.volunteers.append(volunteer)
        self.table.blockSignals(True)
        self.table.insertRow(row)
        name = QTableWidgetItem(volunteer.name)
        team = QTableWidgetItem(volunteer.team)
        for cell in (name, team):
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        hours = QTableWidgetItem(self.default_edit.text().strip())
        hours.setTextAlignment(RIGHT)
        self.table.setItem(row, B_NAME, name)
        self.table.setItem(row, B_TEAM, team)
        self.table.setItem(row, B_HOURS, hours)
        self.table.setItem(row, B_NOTE, QTableWidgetItem(""))
        self.table.blockSignals(False)
        self.table.scrollToBottom()
        self.boxes["volunteer"].set_error(None)
        self.message.hide()
        self._update_count()
        return True

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
            del self.volunteers[row]
        self._update_count()

    def apply_default(self) -> None:
        text = self.default_edit.text().strip()
        for row in range(self.table.rowCount()):
            self.table.item(row, B_HOURS).setText(text)

    def set_hours(self, row: int, text: str) -> None:
        self.table.item(row, B_HOURS).setText(text)

    def _update_count(self) -> None:
        n = len(self.volunteers)
        total = 0
        for row in range(n):
            cell = self.table.item(row, B_HOURS)
            try:
                total += parse_hours(cell.text() if cell else "")
            except DomainError:
                pass
        self.count_label.setText(
            _("{n} volunteers · {hours} hours", n=n, hours=hours_text(total)) if n else ""
        )
        self.empty_hint.show_text(
            None if n else _("Type a volunteer's name above and press Enter to add them to the list.")
        )

    def _cell_changed(self) -> None:
        self._update_count()
        self._check_again()

    def _date_changed(self) -> None:
        self.boxes["served_on"].set_error(self._date_problem())
        self._check_again()

    def _date_problem(self) -> str | None:
        if to_date(self.date_edit.date()) > self._today():
            return _("Service cannot be recorded for a future date.")
        return None

    def _check_again(self) -> None:
        """After an edit, the errors shown are checked again: the fixed ones go at once."""
        if self.message.isHidden() or self.message.objectName() != "fieldError":
            return
        _entries, problems = self.entries()
        if problems:
            self._show_problems(problems)
        else:
            self.message.hide()

    def _activity_changed(self) -> None:
        held_on = activity_date(self.activity_combo, self._today())
        if held_on is not None:
            self.date_edit.setDate(to_qdate(held_on))

    def new_activity(self) -> None:
        dialog = ActivityDialog(self._bank, self._actor, self, today=self._today)
        dialog.sig_saved.connect(self._activity_created)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.activity_dialog = dialog
        dialog.open()

    def _activity_created(self, activity_id: int) -> None:
        fill_activities(self.activity_combo, self._bank.activities(), _("No activity (×1)"))
        for i in range(self.activity_combo.count()):
            activity = self.activity_combo.itemData(i)
            if activity is not None and activity.id == activity_id:
                self.activity_combo.setCurrentIndex(i)
                break
        self.finder.setFocus()

    # --- saving ----------------------------------------------------------------------
    def _show_message(self, text: str, *, error: bool = True) -> None:
        self.message.setObjectName("fieldError" if error else "hint")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.show()

    def commit_edit(self) -> None:
        """Keep what is being typed in a cell (Ctrl+S while editing)."""
        editor = QApplication.focusWidget()
        if self.table.state() == QAbstractItemView.State.EditingState and editor is not None:
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def entries(self) -> tuple[list[ServiceEntry], list[str]]:
        """The rows as entries, and a message per problem (bad cells are marked)."""
        entries: list[ServiceEntry] = []
        problems: list[str] = []
        date_problem = self._date_problem()
        if date_problem:
            problems.append(date_problem)
        blocked = self.table.blockSignals(True)  # marking a cell is not an edit
        for row, v in enumerate(self.volunteers):
            cell = self.table.item(row, B_HOURS)
            note = self.table.item(row, B_NOTE)
            try:
                minutes = parse_hours(cell.text())
                cell.setBackground(QBrush())
                cell.setToolTip("")
            except DomainError as exc:
                cell.setBackground(BAD_CELL)
                cell.setToolTip(error_text(exc))
                problems.append(
                    _("Row {row} ({name}): {error}", row=row + 1, name=v.name, error=error_text(exc))
                )
                continue
            entries.append(ServiceEntry(v.id, minutes, note.text() if note else ""))
        self.table.blockSignals(blocked)
        return entries, problems

    def _show_problems(self, problems: list[str]) -> None:
        more = len(problems) - 5
        text = "\n".join(problems[:5])
        if more > 0:
            text += "\n" + _("… and {n} more.", n=more)
        self._show_message(_("Nothing was saved.") + "\n" + text)

    def save_all(self) -> bool:
        """Save every row in one go; with any bad row, nothing is saved."""
        for box in self.boxes.values():
            box.set_error(None)
        self.message.hide()
        self.commit_edit()
        if not self.volunteers:
            self.boxes["volunteer"].set_error(_("Add at least one volunteer."))
            return False
        entries, problems = self.entries()
        served_on = to_date(self.date_edit.date())
        self.boxes["served_on"].set_error(self._date_problem())
        if problems:
            self._show_problems(problems)
            return False
        try:
            self._bank.record_batch(
                self._actor, served_on, entries, activity_id=chosen_activity(self.activity_combo)
            )
        except FieldErrors as exc:
            messages = field_messages(exc)
            for name, text in messages.items():
                box = self.boxes.get({"minutes": "default", "entries": "volunteer"}.get(name, name))
                if name in ("served_on", "activity", "volunteer") and box is not None:
                    box.set_error(text)
            self._show_message(_("Nothing was saved.") + "\n" + "\n".join(messages.values()))
            return False
        except DomainError as exc:
            self._show_message(_("Nothing was saved.") + "\n" + error_text(exc))
            return False
        self.saved_ids = [e.volunteer_id for e in entries]
        self.sig_saved.emit(self.saved_ids)
        self.accept()
        return True

    def reject(self) -> None:
        """Esc or Cancel: rows typed in are not thrown away without asking."""
        if self.volunteers and not self.saved_ids and self.isVisible():
            leave = self._ask(
                self,
                _("Batch entry of service hours"),
                _(
                    "Close without saving? The hours of {n} volunteers are not saved yet.",
                    n=len(self.volunteers),
                ),
            )
            if not leave:
                return
        super().reject()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
            and self.table.state() != QAbstractItemView.State.EditingState
        ):
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)
