"""The timeline (办理过程) of a request's detail: every step, oldest first, read-only.

One row per event: when, who, what, the change of status, the department, whether a
deadline was met and the note; the request's number too when duplicates merged into it
bring their own events. Shown again after each change, it keeps where the user is:
the selected row stays selected, and the view stays where it was scrolled to unless the
user was at the end or a step was added (then the newest step shows).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from desktop.requests.clocks import CLOCK_LABELS
from desktop.requests.service import EventRow
from desktop.requests.states import ACTION_LABELS, STATUS_LABELS, Action
from ui.requests.formatting import format_time
from ui.widgets.i18n import Translator, desktop_text

_ = Translator("requests")

# The columns.
T_TIME, T_USER, T_ACTION, T_STATUS, T_DEPARTMENT, T_CLOCK, T_NOTE, T_NUMBER = range(8)


def read_only_table(table: QTableWidget) -> None:
    """The look of the detail's tables: whole rows, one at a time, no editing, no Tab trap."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def _cells(e: EventRow) -> dict[int, str]:
    action = desktop_text(ACTION_LABELS.get(e.action, e.action))
    if e.round > 1 and e.action in (Action.ASSIGN, Action.REOPEN):
        action = _("{action} (round {n})", action=action, n=e.round)
    if e.from_status and e.to_status and e.from_status != e.to_status:
        old = desktop_text(STATUS_LABELS.get(e.from_status, e.from_status))
        new = desktop_text(STATUS_LABELS.get(e.to_status, e.to_status))
        status = f"{old} → {new}"
    else:
        status = desktop_text(STATUS_LABELS.get(e.to_status, e.to_status)) if e.to_status else ""
    clock = ""
    if e.clock:
        label = desktop_text(CLOCK_LABELS.get(e.clock, e.clock))
        if e.on_time is True:
            clock = _("{clock}: on time", clock=label)
        elif e.on_time is False:
            clock = _("{clock}: late", clock=label)
    return {
        T_TIME: format_time(e.at),
        T_USER: e.username,
        T_ACTION: action,
        T_STATUS: status,
        T_DEPARTMENT: e.department,
        T_CLOCK: clock,
        T_NOTE: e.note,
        T_NUMBER: e.number,
    }


class Timeline(QTableWidget):
    """The events of a request (and of the duplicates merged into it)."""

    def __init__(self) -> None:
        super().__init__(0, 8)
        self.setHorizontalHeaderLabels(
            [
                _("Time"),
                _("User"),
                _("Action"),
                _("Status"),
                _("Department"),
                _("Deadline met"),
                _("Note"),
                _("Request"),
            ]
        )
        read_only_table(self)
        self.setWordWrap(True)
        fm = self.fontMetrics()
        header = self.horizontalHeader()
        widths = {
            T_TIME: fm.horizontalAdvance("2026-11-23 09:30") + 20,
            T_USER: fm.horizontalAdvance("qiantai01") + 20,
            T_ACTION: fm.horizontalAdvance("Follow-up (round 2)") + 20,
            T_STATUS: fm.horizontalAdvance("Registered → Assigned") + 20,
            T_DEPARTMENT: fm.horizontalAdvance("街道城市管理办公室") + 20,
            T_CLOCK: fm.horizontalAdvance("Follow-up: on time") + 20,
            T_NUMBER: fm.horizontalAdvance("2026-11-000123") + 20,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(T_NOTE, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def show_events(self, events: Sequence[EventRow]) -> None:
        """Show ``events`` (oldest first), keeping the selection and the scroll position."""
        bar = self.verticalScrollBar()
        shown, scroll, selected = self.rowCount(), bar.value(), self.currentRow()
        at_end = shown == 0 or scroll >= bar.maximum()
        self.setRowCount(len(events))
        for row, e in enumerate(events):
            for column, text in _cells(e).items():
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if column == T_CLOCK and e.on_time is not None:
                    item.setForeground(Qt.GlobalColor.darkGreen if e.on_time else Qt.GlobalColor.darkRed)
                if column in (T_NOTE, T_DEPARTMENT) and text:
                    item.setToolTip(text)
                self.setItem(row, column, item)
        self.setColumnHidden(T_NUMBER, len({e.number for e in events}) <= 1)
        self.resizeRowsToContents()
        if 0 <= selected < len(events):
            self.selectRow(selected)
        if events and (at_end or len(events) > shown):
            self.scrollToBottom()
        else:
            bar.setValue(scroll)
