"""本周走访: the visits still open this week in the user's grids, for 今日待办.

The shell puts this panel on the start page (the requests job does not know the visits
job): a title with how many are overdue and how many fall due by Sunday, and a compact
list of those residents, overdue ones in red. Enter (or a double-click) records a visit
to the selected resident. It follows the visits and the register through the change hub.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from desktop.common.changes import Changes, Topic
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Permission
from desktop.residents.service import ResidentService
from desktop.visits.service import VisitService, WeekDue
from ui.visits.ledger_page import (
    C_ADDRESS,
    C_DUE,
    C_GRID,
    C_NAME,
    C_STATUS,
    C_TAGS,
    DueLine,
    DueTableModel,
    due_columns,
)
from ui.visits.record_dialog import RecordVisitDialog
from ui.widgets import palette
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.forms import DialogHost
from ui.widgets.i18n import Translator, error_text
from ui.widgets.list_page import setup_table, size_columns
from ui.widgets.windowed_model import ServiceRows

_ = Translator("visits")

SHOWN = (C_NAME, C_GRID, C_TAGS, C_DUE, C_STATUS, C_ADDRESS)
VISIBLE_ROWS = 4
"""Rows the panel shows before it scrolls (the request lists keep the room)."""


class WeekVisitsPanel(QWidget):
    """The visits due this week, on the start page.

    Args:
        visits: the visits service (``due_this_week``).
        residents: the register (the record dialog finds residents).
        actor: the signed-in user (``VIEW_VISITS``).
        hub: the change hub.
        today: the day the record dialog proposes.
    """

    def __init__(
        self,
        visits: VisitService,
        residents: ResidentService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(parent)
        self.setObjectName("weekVisitsPanel")
        self._visits, self._residents, self._actor, self._today = visits, residents, actor, today
        self.week: WeekDue | None = None
        self.dialogs = DialogHost()
        self.title = QLabel()
        self.title.setObjectName("todaySection")
        self.title.setStyleSheet(f"color: {palette.INK};")
        self.model = DueTableModel(due_columns())
        self.table = QTableView()
        self.table.setModel(self.model)
        setup_table(self.table)
        self.table.verticalHeader().hide()
        for c in range(len(due_columns())):
            self.table.setColumnHidden(c, c not in SHOWN)
        size_columns(
            self.table,
            {
                C_NAME: "欧阳秀英",
                C_GRID: "幸福社区第10网格",
                C_TAGS: "独居老人、困难家庭",
                C_DUE: "2026-12-31",
                C_STATUS: "待走访",
            },
            [c.header for c in self.model.columns()],
        )
        self.none_label = QLabel()
        self.none_label.setObjectName("todayNone")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.none_label)
        layout.addWidget(self.table)
        self.table.doubleClicked.connect(self.record_selected)
        self.table.installEventFilter(self)
        self.refresh()
        watch(hub, self, (Topic.VISITS, Topic.RESIDENTS), self._changed)

    def _changed(self, _changes: Changes | None) -> None:
        self.refresh()

    def refresh(self) -> None:
        try:
            week = self._visits.due_this_week(self._actor, limit=50)
        except DomainError as exc:
            self.title.setText(_("Visits this week"))
            self.none_label.setText(error_text(exc))
            self.none_label.show()
            self.table.hide()
            return
        self.week = week
        rows = [DueLine.of(r) for r in week.rows]
        self.title.setText(
            _(
                "Visits this week: {overdue} overdue, {due} due by Sunday",
                overdue=week.overdue,
                due=week.due_this_week,
            )
        )
        self.title.setStyleSheet(f"color: {palette.RED if week.overdue else palette.INK};")
        self.model.set_source(ServiceRows.from_list(rows))
        self.none_label.setText(_("No visit is due this week in your grids."))
        self.none_label.setVisible(not rows)
        self.table.setVisible(bool(rows))
        shown = min(len(rows), VISIBLE_ROWS)
        height = self.table.horizontalHeader().minimumHeight()
        self.table.setFixedHeight(height + shown * self.table.verticalHeader().defaultSectionSize() + 4)

    def selected(self) -> DueLine | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def record_selected(self) -> RecordVisitDialog | None:
        """Record a visit to the selected resident (Enter)."""
        row = self.selected()
        if row is None or not self._actor.can(Permission.RECORD_VISITS):
            return None
        dialog = RecordVisitDialog(
            self._visits,
            self._residents,
            self._actor,
            self,
            resident=(row.resident_id, row.name),
            today=self._today,
        )
        self.dialogs.focus_on(self.table)
        self.dialogs.open(dialog)
        return dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.record_selected()
            return True
        return super().eventFilter(watched, event)


__all__ = ["WeekVisitsPanel"]
