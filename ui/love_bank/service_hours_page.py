"""The service hours page (服务时长): record hours, approve or reject them.

Recorded hours wait for a coordinator. The page lists the pending records (or the
approved, the rejected, all); several can be selected and approved at once, which awards
their points by the administrator's rules and says how many. A rejection needs a reason;
the record stays, with its reason, under the "Rejected" filter.

录入时长 records one volunteer's hours; 批量录入 records one activity's hours for many
volunteers in one go (type a name, Enter adds the row; hours per row, or one default for
all). A batch with any bad row saves nothing and says which row is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import Actor, Permission
from desktop.love_bank.service import (
    ACTIVITY_KINDS,
    APPROVED,
    PENDING,
    REJECTED,
    LoveBankService,
    ServiceEntry,
    ServiceRow,
    VolunteerRow,
)
from ui.love_bank.volunteer_detail import ReasonDialog, record_status_text
from ui.love_bank.volunteers_page import (
    CENTRE,
    RIGHT,
    STYLE,
    EmptyHint,
    format_date,
    hours_text,
    parse_hours,
    points_text,
    setup_table,
    shown_error,
    size_columns,
    top_aligned,
    volunteer_finder,
)
from ui.widgets.forms import DialogHost, FieldBox, FormDialog
from ui.widgets.i18n import Translator, error_text, field_messages
from ui.widgets.windowed_model import Column, RowSource, WindowedTableModel

_ = Translator("lovebank")

RECORD_LIMIT = 500  # rows a filter shows; pending records are decided long before this
BAD_CELL = QColor("#fde2e1")
REJECTED_COLOUR = QColor("#8a8a8a")

Activities = list[tuple[int, str, dt.date, int]]


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def multiplier_text(percent: int) -> str:
    return f"×{percent / 100:g}"


def date_edit(value: dt.date) -> QDateEdit:
    edit = QDateEdit(to_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("2026-11-23") + 60)
    return edit


def activity_combo(activities: Activities, none_text: str) -> QComboBox:
    combo = QComboBox()
    combo.setMaxVisibleItems(20)
    combo.addItem(none_text, None)
    for aid, title, held_on, multiplier in activities:
        combo.addItem(f"{held_on:%Y-%m-%d}  {title}  {multiplier_text(multiplier)}", (aid, held_on))
    return combo


# --- one activity ------------------------------------------------------------------------
class ActivityDialog(FormDialog):
    """A new activity: title, date, place, organiser, and its kind (which sets the multiplier).

    Signals:
        sig_saved(int): the activity was created; carries its id.
    """

    sig_saved = Signal(int)

    def __init__(
        self,
        love_bank: LoveBankService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(_("New activity"), parent, save_text=_("Create activity"))
        self._bank, self._actor = love_bank, actor
        self.saved_id: int | None = None
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(100)
        self.title_edit.setPlaceholderText(_("e.g. 重阳节敬老志愿服务"))
        self.date_edit = date_edit(today())
        self.place_edit = QLineEdit()
        self.place_edit.setMaxLength(100)
        self.organiser_edit = QLineEdit()
        self.organiser_edit.setMaxLength(64)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(_("Other"), "")
        for kind in ACTIVITY_KINDS:
            self.kind_combo.addItem(kind, kind)
        self.multiplier_edit = QLineEdit("1")
        self.multiplier_edit.setToolTip(_("Points for an hour of this activity are multiplied by this"))
        self.add("title", _("Title *"), self.title_edit)
        self.add("held_on", _("Date"), self.date_edit)
        self.add("place", _("Place"), self.place_edit)
        self.add("organiser", _("Organiser"), self.organiser_edit)
        self.add("kind", _("Kind"), self.kind_combo)
        self.add("multiplier", _("Points multiplier"), self.multiplier_edit)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.title_edit.setFocus()

    def _kind_changed(self) -> None:
        percent = ACTIVITY_KINDS.get(self.kind_combo.currentData() or "", 100)
        self.multiplier_edit.setText(f"{percent / 100:g}")

    def multiplier_percent(self) -> int:
        text = self.multiplier_edit.text().strip().lstrip("×xX")
        try:
            return round(float(text) * 100)
        except ValueError:
            raise FieldErrors(
                {"multiplier": shown_error(_("Enter the multiplier as a number, e.g. 1.5."))}
            ) from None

    def save(self) -> None:
        self.saved_id = self._bank.add_activity(
            self._actor,
            title=self.title_edit.text(),
            held_on=to_date(self.date_edit.date()),
            place=self.place_edit.text(),
            organiser=self.organiser_edit.text(),
            kind=self.kind_combo.currentData() or "",
            multiplier_percent=self.multiplier_percent(),
        )
        self.sig_saved.emit(self.saved_id)


# --- one volunteer's hours ---------------------------------------------------------------
class RecordHoursDialog(FormDialog):
    """录入时长: one volunteer, a date, hours as a number (2.5), an optional activity.

    Signals:
        sig_saved(int): the record was saved (pending); carries the volunteer's id.
    """

    sig_saved = Signal(int)

    def __init__(
        self,
        love_bank: LoveBankService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(
            _("Record service hours"),
            parent,
            save_text=_("Record"),
            intro=_("The hours wait for approval; points are awarded when they are approved."),
        )
        self._bank, self._actor, self._today = love_bank, actor, today
        self.setStyleSheet(STYLE)
        top_aligned(self)
        self.volunteer: VolunteerRow | None = None
        self.saved_id: int | None = None
        self.setMinimumSize(self.fontMetrics().horizontalAdvance("M") * 60, 460)
        self.finder = volunteer_finder(love_bank, actor, self)
        self.date_edit = date_edit(today())
        self.hours_edit = QLineEdit()
        self.hours_edit.setPlaceholderText(_("e.g. 2.5"))
        self.hours_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 12)
        self.activity_combo = activity_combo(love_bank.activities(), _("No activity"))
        self.description_edit = QLineEdit()
        self.description_edit.setMaxLength(500)
        self.description_edit.setPlaceholderText(_("What was done (optional)"))
        self.add("volunteer", _("Volunteer *"), self.finder)
        self.add("served_on", _("Date"), self.date_edit)
        self.add("minutes", _("Hours *"), self.hours_edit)
        self.add("activity", _("Activity"), self.activity_combo)
        self.add("description", _("Description"), self.description_edit)
        self.finder.sig_picked.connect(self.choose)
        self.finder.sig_enter.connect(self._enter_on_finder)
        self.finder.textEdited.connect(self._typed)
        self.activity_combo.currentIndexChanged.connect(self._activity_changed)
        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._submit)
        self.finder.setFocus()

    def _typed(self, _text: str) -> None:
        self.volunteer = None

    def _enter_on_finder(self) -> None:
        if self.volunteer is not None:
            self.hours_edit.setFocus()

    def choose(self, volunteer: VolunteerRow) -> None:
        self.volunteer = volunteer
        self.finder.setText(volunteer.name)
        self.boxes["volunteer"].set_error(None)
        self.hours_edit.setFocus()

    def _activity_changed(self) -> None:
        data = self.activity_combo.currentData()
        if data is not None and data[1] <= self._today():
            self.date_edit.setDate(to_qdate(data[1]))

    def save(self) -> None:
        errors: dict[str, DomainError] = {}
        if self.volunteer is None:
            errors["volunteer"] = shown_error(_("Find the volunteer first: type a name and press Enter."))
        try:
            minutes = parse_hours(self.hours_edit.text())
        except DomainError as exc:
            errors["minutes"] = exc
            minutes = 0
        served_on = to_date(self.date_edit.date())
        if served_on > self._today():
            errors["served_on"] = shown_error(_("Service cannot be recorded for a future date."))
        if errors:
            raise FieldErrors(errors)
        assert self.volunteer is not None
        data = self.activity_combo.currentData()
        self.saved_id = self._bank.record_service(
            self._actor,
            self.volunteer.id,
            served_on,
            minutes,
            activity_id=data[0] if data is not None else None,
            description=self.description_edit.text(),
        )
        self.sig_saved.emit(self.volunteer.id)


# --- many volunteers' hours --------------------------------------------------------------
B_NAME, B_TEAM, B_HOURS, B_NOTE = range(4)


class BatchEntryDialog(QDialog):
    """批量录入: one activity and date, many volunteers, hours for each, saved all at once.

    Keys: in the volunteer box Enter adds the highlighted volunteer with the default hours;
    Delete removes the selected rows; Ctrl+S saves all; Esc cancels.

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
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(parent)
        self._bank, self._actor, self._today = love_bank, actor, today
        self.volunteers: list[VolunteerRow] = []
        self.saved_ids: list[int] = []
        self.setWindowTitle(_("Batch entry of service hours"))
        self.setMinimumSize(860, 600)
        self._build()
        self.finder.setFocus()

    def _build(self) -> None:
        fm = self.fontMetrics()
        self.setStyleSheet(STYLE)
        self.activity_combo = activity_combo(self._bank.activities(), _("No activity (×1)"))
        self.activity_combo.setMinimumContentsLength(30)
        self.new_activity_button = QPushButton(_("New activity…"))
        self.new_activity_button.setAutoDefault(False)
        self.new_activity_button.setToolTip(_("Create the activity these hours belong to (Ctrl+Shift+N)"))
        activity_row = QWidget()
        a = QHBoxLayout(activity_row)
        a.setContentsMargins(0, 0, 0, 0)
        a.addWidget(self.activity_combo, 1)
        a.addWidget(self.new_activity_button)
        self.date_edit = date_edit(self._today())
        self.default_edit = QLineEdit("2")
        self.default_edit.setMaximumWidth(fm.horizontalAdvance("M") * 8)
        self.default_edit.setToolTip(_("Hours given to each volunteer added"))
        self.apply_button = QPushButton(_("Apply to all rows"))
        self.apply_button.setAutoDefault(False)
        default_row = QWidget()
        d = QHBoxLayout(default_row)
        d.setContentsMargins(0, 0, 0, 0)
        d.addWidget(self.default_edit)
        d.addWidget(self.apply_button)
        d.addStretch(1)
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
        rows_bar = QHBoxLayout()
        rows_bar.addWidget(self.remove_button)
        rows_bar.addStretch(1)
        rows_bar.addWidget(self.count_label)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(_("Save all"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.setAutoDefault(False)
        cancel = buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self.save_all)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(rows_bar)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.finder.sig_picked.connect(self.add_volunteer)
        self.new_activity_button.clicked.connect(self.new_activity)
        self.apply_button.clicked.connect(self.apply_default)
        self.remove_button.clicked.connect(self.remove_selected)
        self.activity_combo.currentIndexChanged.connect(self._activity_changed)
        self.table.itemChanged.connect(self._update_count)
        self.table.installEventFilter(self)
        for keys, slot in (
            ("Ctrl+S", self.save_all),
            ("Ctrl+Return", self.save_all),
            ("Ctrl+Enter", self.save_all),
            ("Ctrl+Shift+N", self.new_activity),
        ):
            QShortcut(QKeySequence(keys), self, slot)
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

    def _activity_changed(self) -> None:
        data = self.activity_combo.currentData()
        if data is not None and data[1] <= self._today():
            self.date_edit.setDate(to_qdate(data[1]))

    def new_activity(self) -> None:
        dialog = ActivityDialog(self._bank, self._actor, self, today=self._today)
        dialog.sig_saved.connect(self._activity_created)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.activity_dialog = dialog
        dialog.open()

    def _activity_created(self, activity_id: int) -> None:
        self.activity_combo.blockSignals(True)
        self.activity_combo.clear()
        self.activity_combo.blockSignals(False)
        fresh = activity_combo(self._bank.activities(), _("No activity (×1)"))
        for i in range(fresh.count()):
            self.activity_combo.addItem(fresh.itemText(i), fresh.itemData(i))
        fresh.deleteLater()
        for i in range(self.activity_combo.count()):
            data = self.activity_combo.itemData(i)
            if data is not None and data[0] == activity_id:
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
        """The rows as entries, and a message per bad row (bad cells are marked)."""
        entries: list[ServiceEntry] = []
        problems: list[str] = []
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
        return entries, problems

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
        if served_on > self._today():
            self.boxes["served_on"].set_error(_("Service cannot be recorded for a future date."))
            problems.insert(0, _("Service cannot be recorded for a future date."))
        if problems:
            more = len(problems) - 5
            text = "\n".join(problems[:5])
            if more > 0:
                text += "\n" + _("… and {n} more.", n=more)
            self._show_message(_("Nothing was saved.") + "\n" + text)
            return False
        data = self.activity_combo.currentData()
        try:
            self._bank.record_batch(self._actor, served_on, entries, activity_id=data[0] if data else None)
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
            answer = QMessageBox.question(
                self,
                _("Batch entry of service hours"),
                _(
                    "Close without saving? The hours of {n} volunteers are not saved yet.",
                    n=len(self.volunteers),
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
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


# --- the list ----------------------------------------------------------------------------
def reject_all(love_bank: LoveBankService, actor: Actor, record_ids: Sequence[int], reason: str) -> None:
    """Reject records one by one with the same reason (the first error stops)."""
    for record_id in record_ids:
        love_bank.reject(actor, record_id, reason)


class RecordList(RowSource[ServiceRow]):
    """The records of one filter, read once (a few hundred at most)."""

    def __init__(self, rows: Sequence[ServiceRow]):
        self.rows = list(rows)

    def count(self) -> int:
        return len(self.rows)

    def page(self, offset: int, limit: int) -> Sequence[ServiceRow]:
        return self.rows[offset : offset + limit]


COL_DATE, COL_VOLUNTEER, COL_HOURS, COL_ACTIVITY, COL_DESCRIPTION, COL_STATUS, COL_RESULT = range(7)


def result_text(r: ServiceRow) -> str:
    if r.status == APPROVED:
        return _("{n} points", n=points_text(r.points))
    if r.status == REJECTED:
        return r.reason
    return ""


def record_columns() -> list[Column[ServiceRow]]:
    return [
        Column(_("Date"), lambda r: format_date(r.served_on)),
        Column(_("Volunteer"), lambda r: r.volunteer),
        Column(_("Hours"), lambda r: hours_text(r.minutes), align=RIGHT),
        Column(_("Activity"), lambda r: r.activity),
        Column(_("Description"), lambda r: r.description),
        Column(_("Status"), lambda r: record_status_text(r.status), align=CENTRE),
        Column(_("Points / reason"), result_text),
    ]


class RecordTableModel(WindowedTableModel[ServiceRow]):
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_at(index.row())
            return REJECTED_COLOUR if row is not None and row.status == REJECTED else None
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole:
            if index.column() in (COL_ACTIVITY, COL_DESCRIPTION, COL_RESULT):
                return super().data(index, Qt.ItemDataRole.DisplayRole) or None
            return None
        return super().data(index, role)


class ServiceHoursPage(QWidget):
    """The 服务时长 page.

    Args:
        love_bank: the love-bank service.
        actor: the logged-in user; without ``MANAGE_LOVE_BANK`` the list is read-only.
        parent: the owning widget.
        today: the date hours may be recorded up to (tests pass their own).

    Signals:
        sig_changed(int): hours of a volunteer were recorded, approved or rejected;
            emitted once per volunteer concerned, with their id.

    Shortcuts: Ctrl+N record hours, Ctrl+B batch entry, Alt+A approve the selected
    records, Alt+R reject them, F5 refresh, Ctrl+A select all.
    """

    sig_changed = Signal(int)
    """A volunteer's hours were recorded, approved or rejected; carries the volunteer's id."""

    def __init__(
        self,
        love_bank: LoveBankService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(parent)
        self._bank = love_bank
        self._actor = actor
        self._today = today
        self.can_manage = actor.can(Permission.MANAGE_LOVE_BANK)
        self._dialogs = DialogHost()
        self._rejecting: list[ServiceRow] = []
        self.setStyleSheet(STYLE)
        self.model = RecordTableModel(record_columns())
        self._build()
        self._connect_callbacks()
        self.refresh()

    def _build(self) -> None:
        fm = self.fontMetrics()
        height = fm.height() * 2 + 8
        self.status_combo = QComboBox()
        for text, value in (
            (_("Waiting for approval"), PENDING),
            (_("Approved"), APPROVED),
            (_("Rejected"), REJECTED),
            (_("All"), None),
        ):
            self.status_combo.addItem(text, value)
        self.status_combo.setMinimumHeight(height - 4)
        self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.count_label = QLabel()
        self.selection_label = QLabel()
        self.selection_label.setObjectName("hint")
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(QLabel(_("Show")))
        filters.addWidget(self.status_combo)
        filters.addWidget(self.count_label)
        filters.addStretch(1)
        filters.addWidget(self.selection_label)

        def button(text: str, tip: str) -> QPushButton:
            b = QPushButton(text)
            b.setToolTip(tip)
            b.setMinimumHeight(height)
            b.setMinimumWidth(fm.horizontalAdvance("M") * 8)
            b.setAutoDefault(False)
            b.setVisible(self.can_manage)
            return b

        self.approve_button = button(
            _("&Approve"), _("Approve the selected records and award their points (Alt+A)")
        )
        self.approve_button.setObjectName("primary")
        self.reject_button = button(_("&Reject…"), _("Reject the selected records with a reason (Alt+R)"))
        self.record_button = button(_("Record hours…"), _("Record one volunteer's hours (Ctrl+N)"))
        self.batch_button = button(_("Batch entry…"), _("Hours of one activity for many volunteers (Ctrl+B)"))
        actions = QHBoxLayout()
        actions.setSpacing(8)
        for b in (self.approve_button, self.reject_button):
            actions.addWidget(b)
        actions.addSpacing(24)
        for b in (self.record_button, self.batch_button):
            actions.addWidget(b)
        actions.addStretch(1)
        self.hint_label = QLabel(
            _("Ctrl+A: select all   Alt+A: approve   Ctrl+N: record   Ctrl+B: batch")
            if self.can_manage
            else _("Only a volunteer coordinator can record or approve hours.")
        )
        self.hint_label.setObjectName("hint")
        actions.addWidget(self.hint_label)
        self.message_label = QLabel()
        self.message_label.setObjectName("savedBar")
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        self.table = QTableView()
        self._dialogs.focus_on(self.table)
        self.table.setModel(self.model)
        setup_table(self.table, multi=True)
        size_columns(
            self.table,
            {
                COL_DATE: "2026-11-23",
                COL_VOLUNTEER: "欧阳秀英",
                COL_HOURS: "24.5",
                COL_ACTIVITY: "重阳节敬老助老志愿服务",
                COL_DESCRIPTION: "陪伴独居老人、打扫卫生、代购",
                COL_STATUS: _("Waiting for approval"),
            },
            [c.header for c in self.model.columns()],
        )
        self.empty_hint = EmptyHint(self.table)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.message_label)
        layout.addWidget(self.table, 1)

    def _connect_callbacks(self) -> None:
        self.status_combo.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.approve_button.clicked.connect(self.approve_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.record_button.clicked.connect(self.record_hours)
        self.batch_button.clicked.connect(self.batch_entry)
        shortcuts: list[tuple[str, Callable[[], Any]]] = [("F5", self.refresh)]
        if self.can_manage:
            shortcuts += [("Ctrl+N", self.record_hours), ("Ctrl+B", self.batch_entry)]
        for keys, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- content ---------------------------------------------------------------------
    def status(self) -> str | None:
        return self.status_combo.currentData()

    def set_status(self, status: str | None) -> bool:
        """Choose the filter; True when it changed (and the list was read again)."""
        index = max(self.status_combo.findData(status), 0)
        if index == self.status_combo.currentIndex():
            return False
        self.status_combo.setCurrentIndex(index)
        return True

    def refresh(self) -> None:
        """Read the records of the chosen filter again, keeping the selection where possible."""
        keep = {r.id for r in self.selected_records()}
        try:
            rows = self._bank.service_records(self._actor, status=self.status(), limit=RECORD_LIMIT)
        except DomainError as exc:
            self._show_error(exc)
            rows = []
        self.model.set_source(RecordList(rows))
        n = len(rows)
        status = self.status()
        if status == PENDING:
            text = _("{n} waiting for approval", n=n)
        else:
            text = _("{n} records", n=n)
        if n >= RECORD_LIMIT:
            text += " " + _("(the latest {n})", n=RECORD_LIMIT)
        self.count_label.setText(text)
        for row, r in enumerate(rows):
            if r.id in keep:
                self.table.selectRow(row)
        if n:
            self.empty_hint.show_text(None)
        else:
            empty = {
                PENDING: _("No hours are waiting for approval."),
                APPROVED: _("No approved hours yet."),
                REJECTED: _("No rejected hours."),
            }.get(status or "", _("No service hours recorded yet."))
            if self.can_manage:
                empty += "\n" + _("Ctrl+N records hours; Ctrl+B records an activity for many volunteers.")
            self.empty_hint.show_text(empty)
        self._update_buttons()

    def rows(self) -> list[ServiceRow]:
        return [r for i in range(self.model.rowCount()) if (r := self.model.row_at(i)) is not None]

    def selected_records(self) -> list[ServiceRow]:
        selection = self.table.selectionModel()
        if selection is None:
            return []
        rows = sorted(i.row() for i in selection.selectedRows())
        return [r for i in rows if (r := self.model.row_at(i)) is not None]

    def select_records(self, ids: Sequence[int]) -> None:
        wanted = set(ids)
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in range(self.model.rowCount()):
            r = self.model.row_at(row)
            if r is not None and r.id in wanted:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def _update_buttons(self) -> None:
        chosen = self.selected_records()
        pending = [r for r in chosen if r.status == PENDING]
        self.approve_button.setEnabled(bool(pending))
        self.reject_button.setEnabled(bool(pending))
        if chosen:
            minutes = sum(r.minutes for r in chosen)
            self.selection_label.setText(
                _("{n} selected · {hours} hours", n=len(chosen), hours=hours_text(minutes))
            )
        else:
            self.selection_label.setText("")

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    # --- actions ---------------------------------------------------------------------
    def approve_selected(self) -> int | None:
        """Approve the selected pending records; returns the points awarded."""
        pending = [r for r in self.selected_records() if r.status == PENDING]
        if not self.can_manage or not pending:
            return None
        try:
            points = self._bank.approve(self._actor, [r.id for r in pending])
        except DomainError as exc:
            self._show_error(exc)
            self.refresh()
            return None
        minutes = sum(r.minutes for r in pending)
        self.show_message(
            _(
                "Approved {n} records ({hours} hours): {points} points awarded.",
                n=len(pending),
                hours=hours_text(minutes),
                points=points_text(points),
            )
        )
        self.refresh()
        for volunteer_id in dict.fromkeys(r.volunteer_id for r in pending):
            self.sig_changed.emit(volunteer_id)
        return points

    def reject_selected(self) -> QDialog | None:
        pending = [r for r in self.selected_records() if r.status == PENDING]
        if not self.can_manage or not pending:
            return None
        names = "、".join(dict.fromkeys(r.volunteer for r in pending))
        ids = [r.id for r in pending]
        dialog = ReasonDialog(
            _("Reject service hours"),
            _(
                "Reject {n} records ({names})? They stay in the list of rejected hours with the reason.",
                n=len(ids),
                names=names,
            ),
            _("Reject"),
            partial(reject_all, self._bank, self._actor, ids),
            self,
        )
        self._rejecting = pending
        dialog.accepted.connect(self._rejected)
        self._dialogs.open(dialog)
        return dialog

    def _rejected(self) -> None:
        records, self._rejecting = self._rejecting, []
        self.show_message(_("Rejected {n} records.", n=len(records)))
        self.refresh()
        for volunteer_id in dict.fromkeys(r.volunteer_id for r in records):
            self.sig_changed.emit(volunteer_id)

    def record_hours(self) -> QDialog | None:
        if not self.can_manage:
            return None
        dialog = RecordHoursDialog(self._bank, self._actor, self, today=self._today)
        dialog.sig_saved.connect(self._recorded)
        self._dialogs.open(dialog)
        return dialog

    def _recorded(self, volunteer_id: int) -> None:
        self.show_message(_("Hours recorded; they now wait for approval."))
        if not self.set_status(PENDING):
            self.refresh()
        self.sig_changed.emit(volunteer_id)

    def batch_entry(self) -> QDialog | None:
        if not self.can_manage:
            return None
        dialog = BatchEntryDialog(self._bank, self._actor, self, today=self._today)
        dialog.sig_saved.connect(self._batch_saved)
        self._dialogs.open(dialog)
        return dialog

    def _batch_saved(self, volunteer_ids: list) -> None:
        self.show_message(
            _("Hours of {n} volunteers recorded; they now wait for approval.", n=len(volunteer_ids))
        )
        if not self.set_status(PENDING):
            self.refresh()
        for volunteer_id in volunteer_ids:
            self.sig_changed.emit(volunteer_id)

    @property
    def dialog(self) -> QDialog | None:
        """The dialog open on this page, if any."""
        return self._dialogs.current

    def _show_error(self, exc: DomainError) -> None:
        QMessageBox.warning(self, _("Service hours"), error_text(exc))
