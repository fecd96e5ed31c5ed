"""The service hours page (服务时长): record hours, approve or reject them.

Recorded hours wait for a coordinator. The page lists the pending records (or the
approved, the rejected, all); several can be selected and approved at once, which awards
their points by the administrator's rules and says how many. A rejection needs a reason;
the record stays, with its reason, under the "Rejected" filter.

录入时长 records one volunteer's hours; 批量录入 records one activity's hours for many
volunteers in one go (type a name, Enter adds the row; hours per row, or one default for
all). A batch with any bad row saves nothing and says which row is wrong. The dialogs
live beside the page: ``hours_dialogs`` (an activity, one volunteer's hours) and
``batch_entry``; the list's rows and columns in ``record_model``.

What is recorded or decided anywhere — here, at another desk — reaches the list through
the change hub; a refresh keeps the selected records and the scroll position. The green
line saying what was just done goes when the next action starts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.common.changes import Changes, Topic
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Permission
from desktop.love_bank.service import APPROVED, PENDING, REJECTED, LoveBankService, ServiceRow
from ui.love_bank.batch_entry import BatchEntryDialog
from ui.love_bank.dialogs import Today, reject_hours_dialog
from ui.love_bank.formatting import hours_text, points_text
from ui.love_bank.hours_dialogs import RecordHoursDialog
from ui.love_bank.page_parts import SavedBar, manager_button
from ui.love_bank.record_model import (
    COL_ACTIVITY,
    COL_DATE,
    COL_DESCRIPTION,
    COL_HOURS,
    COL_STATUS,
    COL_VOLUNTEER,
    RecordTableModel,
    record_columns,
)
from ui.love_bank.tables import kept_scroll
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.forms import DialogHost
from ui.widgets.i18n import Translator
from ui.widgets.keys import Slot, shortcuts
from ui.widgets.list_page import STRETCH, EmptyHint, control_height, hbox, setup_table, size_columns
from ui.widgets.messages import show_error
from ui.widgets.windowed_model import ServiceRows

_ = Translator("lovebank")

RECORD_LIMIT = 500  # rows a filter shows; pending records are decided long before this
TOPICS = (Topic.SERVICE_HOURS, Topic.VOLUNTEERS)
"""What the page shows: the records, with their volunteers' names."""


def reject_all(love_bank: LoveBankService, actor: Actor, record_ids: Sequence[int], reason: str) -> None:
    """Reject records one by one with the same reason (the first error stops)."""
    for record_id in record_ids:
        love_bank.reject(actor, record_id, reason)


class ServiceHoursPage(QWidget):
    """The 服务时长 page.

    Args:
        love_bank: the love-bank service.
        actor: the logged-in user; without ``MANAGE_LOVE_BANK`` the list is read-only.
        parent: the owning widget.
        today: the date hours may be recorded up to (tests pass their own).
        hub: the change hub; the page reads again what changed (none: it never does).

    Shortcuts: Ctrl+N record hours, Ctrl+B batch entry, Alt+A approve the selected
    records, Alt+R reject them, F5 refresh, Ctrl+A select all.
    """

    def __init__(
        self,
        love_bank: LoveBankService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        today: Today = dt.date.today,
        hub: ChangeHub | None = None,
    ):
        super().__init__(parent)
        self._bank = love_bank
        self._actor = actor
        self._today = today
        self.can_manage = actor.can(Permission.MANAGE_LOVE_BANK)
        self._dialogs = DialogHost()
        self._rejecting: list[ServiceRow] = []
        self.setObjectName("serviceHoursPage")
        self.model = RecordTableModel(record_columns())
        self._build()
        self._connect_callbacks()
        self.refresh()
        watch(hub, self, TOPICS, self.refresh)

    def _build(self) -> None:
        self.status_combo = QComboBox()
        for text, value in (
            (_("Waiting for approval"), PENDING),
            (_("Approved"), APPROVED),
            (_("Rejected"), REJECTED),
            (_("All"), None),
        ):
            self.status_combo.addItem(text, value)
        self.status_combo.setMinimumHeight(control_height(self) - 4)
        self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.count_label = QLabel()
        self.selection_label = QLabel()
        self.selection_label.setObjectName("hint")
        filters = hbox(QLabel(_("Show")), self.status_combo, self.count_label, STRETCH, self.selection_label)

        button = partial(manager_button, self, can_manage=self.can_manage)
        self.approve_button = button(
            _("&Approve"), _("Approve the selected records and award their points (Alt+A)")
        )
        self.approve_button.setObjectName("primary")
        self.reject_button = button(_("&Reject…"), _("Reject the selected records with a reason (Alt+R)"))
        self.record_button = button(_("Record hours…"), _("Record one volunteer's hours (Ctrl+N)"))
        self.batch_button = button(_("Batch entry…"), _("Hours of one activity for many volunteers (Ctrl+B)"))
        self.hint_label = QLabel(
            _("Ctrl+A: select all   Alt+A: approve   Ctrl+N: record   Ctrl+B: batch")
            if self.can_manage
            else _("Only a volunteer coordinator can record or approve hours.")
        )
        self.hint_label.setObjectName("hint")
        actions = hbox(
            self.approve_button,
            self.reject_button,
            24,
            self.record_button,
            self.batch_button,
            STRETCH,
            self.hint_label,
        )
        self.message_label = SavedBar()

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
        self.status_combo.currentIndexChanged.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.approve_button.clicked.connect(self.approve_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.record_button.clicked.connect(self.record_hours)
        self.batch_button.clicked.connect(self.batch_entry)
        keys: list[tuple[str, Slot]] = [("F5", self._filter_changed)]
        if self.can_manage:
            keys += [("Ctrl+N", self.record_hours), ("Ctrl+B", self.batch_entry)]
        shortcuts(self, keys)

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

    def _filter_changed(self) -> None:
        self.refresh()

    def refresh(self, _changes: Changes | None = None) -> None:
        """Read the records of the chosen filter again, keeping the selected records and
        the scroll position."""
        keep = [r.id for r in self.selected_records()]
        try:
            rows = self._bank.service_records(self._actor, status=self.status(), limit=RECORD_LIMIT)
        except DomainError as exc:
            self._show_error(exc)
            rows = []
        with kept_scroll(self.table):
            self.model.set_source(ServiceRows.from_list(rows))
            self.select_records(keep)
        n = len(rows)
        status = self.status()
        if status == PENDING:
            text = _("{n} waiting for approval", n=n)
        else:
            text = _("{n} records", n=n)
        if n >= RECORD_LIMIT:
            text += " " + _("(the latest {n})", n=RECORD_LIMIT)
        self.count_label.setText(text)
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
        self.message_label.say(text)

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
        return points

    def reject_selected(self) -> QDialog | None:
        pending = [r for r in self.selected_records() if r.status == PENDING]
        if not self.can_manage or not pending:
            return None
        self.show_message("")
        names = "、".join(dict.fromkeys(r.volunteer for r in pending))
        ids = [r.id for r in pending]
        dialog = reject_hours_dialog(len(ids), names, partial(reject_all, self._bank, self._actor, ids), self)
        self._rejecting = pending
        dialog.accepted.connect(self._rejected)
        self._dialogs.open(dialog)
        return dialog

    def _rejected(self) -> None:
        records, self._rejecting = self._rejecting, []
        self.show_message(_("Rejected {n} records.", n=len(records)))

    def record_hours(self) -> QDialog | None:
        if not self.can_manage:
            return None
        self.show_message("")  # about the last action, not the one starting
        dialog = RecordHoursDialog(self._bank, self._actor, self, today=self._today)
        dialog.sig_saved.connect(self._recorded)
        self._dialogs.open(dialog)
        return dialog

    def _recorded(self, _volunteer_id: int) -> None:
        self.show_message(_("Hours recorded; they now wait for approval."))
        self.set_status(PENDING)

    def batch_entry(self) -> QDialog | None:
        if not self.can_manage:
            return None
        self.show_message("")
        dialog = BatchEntryDialog(self._bank, self._actor, self, today=self._today)
        dialog.sig_saved.connect(self._batch_saved)
        self._dialogs.open(dialog)
        return dialog

    def _batch_saved(self, volunteer_ids: list) -> None:
        self.show_message(
            _("Hours of {n} volunteers recorded; they now wait for approval.", n=len(volunteer_ids))
        )
        self.set_status(PENDING)

    @property
    def dialog(self) -> QDialog | None:
        """The dialog open on this page, if any."""
        return self._dialogs.current

    def _show_error(self, exc: DomainError) -> None:
        self.show_message("")  # an old green line must not stand beside a new error
        show_error(self, _("Service hours"), exc)
