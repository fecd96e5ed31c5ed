"""走访台账: who is due for a visit this month (or a month chosen), who was seen, who is late.

The key-group residents on the visit plan, one row each: their grid, key groups, the
rule they follow (每月, 每周 …), the period and its due date, and their status — overdue
in red, done in green with the day of the visit and who made it. Filters: a name or its
pinyin initials, the grid, the grid worker (the grids they look after), the status, the
month. The table is windowed (20,000 residents on the plan open as fast as 20); the
counts per status follow the filters.

Keys: Ctrl+N records a visit (Enter on a row: for that resident), Ctrl+B records a round
of visits for one grid, Ctrl+Shift+V shows the selected resident's visits, Ctrl+P prints
the monthly ledger of a grid, F5 reads everything again. The page follows the visits and
the register through the change hub, keeping the selected resident.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from desktop.common.changes import Changes, Topic
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Permission
from desktop.residents.service import ResidentService
from desktop.visits.plan import Status
from desktop.visits.service import DueFilter, DueRow, VisitService
from ui.visits.batch_dialog import BatchVisitDialog
from ui.visits.formatting import STATUS_COLOURS, day_text, frequency_text, status_text
from ui.visits.history_dialog import VisitHistoryDialog
from ui.visits.printing import PrintLedgerDialog, month_combo, print_ledger
from ui.visits.record_dialog import RecordVisitDialog
from ui.visits.rules_dialog import VisitRulesDialog
from ui.widgets.background import Task
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.forms import DialogHost
from ui.widgets.i18n import Translator
from ui.widgets.list_page import ListPage, size_columns
from ui.widgets.pdf_files import PreviewFactory
from ui.widgets.windowed_model import Column, ServiceRows, WindowedTableModel

_ = Translator("visits")

OPEN = "open"
"""The status filter "not visited yet" (overdue and due)."""


@dataclasses.dataclass(frozen=True)
class DueLine(DueRow):
    """A row of the due list with the ``id`` the list page keeps selected (the resident's)
    and the day the plan was read on."""

    read_on: dt.date | None = None

    @property
    def id(self) -> int:
        return self.resident_id

    @classmethod
    def of(cls, row: DueRow, read_on: dt.date | None = None) -> DueLine:
        return cls(**{f.name: getattr(row, f.name) for f in dataclasses.fields(row)}, read_on=read_on)


def _status(r: DueRow) -> str:
    """逾期, except when this window's due day has not come and the row is red because the
    previous window went without a counted visit: then 上期未访, which is what the printed
    monthly ledger (one status per window) leads a reader to expect."""
    read_on = getattr(r, "read_on", None)
    if r.status == Status.OVERDUE and read_on is not None and r.due_on is not None and r.due_on >= read_on:
        return _("Previous period missed")
    return status_text(r.status)


def _rule(r: DueRow) -> str:
    text = frequency_text(r.frequency)
    return _("{rule} (phone counts)", rule=text) if r.phone_counts else text


def _last(r: DueRow) -> str:
    """The last visit; a phone call the rule does not count is shown as such, so a row
    that says 逾期 beside a recent date explains itself."""
    if r.last_visit_on is not None and r.last_visit_on != r.last_counted_on:
        return _("{day} phone call (not counted)", day=day_text(r.last_visit_on))
    return day_text(r.last_counted_on or r.last_visit_on)


def due_columns() -> list[Column[DueLine]]:
    centre = Qt.AlignmentFlag.AlignCenter
    return [
        Column(_("Resident"), lambda r: r.name),
        Column(_("Grid"), lambda r: r.grid),
        Column(_("Key groups"), lambda r: r.tags),
        Column(_("Rule"), _rule),
        Column(_("Visit period"), lambda r: r.window),
        Column(_("Due by"), lambda r: day_text(r.due_on), align=centre),
        Column(_("Status"), _status, align=centre),
        Column(_("Last visit"), _last, align=centre),
        Column(_("Visited by"), lambda r: r.last_visitor),
        Column(_("Home address"), lambda r: r.address),
    ]


C_NAME, C_GRID, C_TAGS, C_RULE, C_PERIOD, C_DUE, C_STATUS, C_LAST, C_VISITOR, C_ADDRESS = range(10)


class DueTableModel(WindowedTableModel[DueLine]):
    """Overdue rows red, visited ones green; the full texts as tooltips."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_at(index.row())
            if row is None or row.status == Status.DUE:
                return None
            return QBrush(QColor(STATUS_COLOURS[row.status]))
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole:
            row = self.row_at(index.row())
            if row is None:
                return None
            if row.status == Status.OVERDUE:
                return _("{name}: not visited, due by {day}", name=row.name, day=day_text(row.due_on))
            if index.column() in (C_TAGS, C_ADDRESS, C_GRID):
                return super().data(index, Qt.ItemDataRole.DisplayRole) or None
            return None
        return super().data(index, role)


class VisitsPage(ListPage[DueLine]):
    """The 走访台账 page.

    Args:
        visits: the visits service.
        residents: the register (finding the resident of a visit).
        actor: the signed-in user (``VIEW_VISITS``; recording needs ``RECORD_VISITS``,
            the rules ``MANAGE_VISIT_RULES``: buttons they may not use are not shown).
        parent: the owning widget.
        hub: the change hub; the page refreshes when visits or residents change.
        today: the day of the plan (the month proposed, the date of a visit).
        preview_factory: opens the PDF preview (tests pass a fake).

    Signals:
        sig_recorded(int): a visit was recorded from this page; carries its id.
    """

    sig_recorded = Signal(int)

    def __init__(
        self,
        visits: VisitService,
        residents: ResidentService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        preview_factory: PreviewFactory | None = None,
        dialog_options: dict[str, Any] | None = None,
    ):
        super().__init__(
            DueTableModel(due_columns()),
            parent,
            title=_("Visit ledger"),
            search_placeholder=_("Name or pinyin initials (zs)"),
            search_tip=_("Find a resident on the plan as you type (Ctrl+F); Esc clears"),
            count_sample=_(
                "{n} residents: {overdue} overdue, {due} due, {done} visited",
                n="20,000",
                overdue="9,999",
                due="9,999",
                done="9,999",
            ),
            error_title=_("Visit ledger"),
        )
        self.setObjectName("visitsPage")
        self._visits, self._residents, self._actor = visits, residents, actor
        self._hub = hub
        self._today = today
        self._preview_factory = preview_factory
        self._dialog_options = dict(dialog_options or {})
        """Passed to the record dialog (tests answer its questions)."""
        self.can_record = actor.can(Permission.RECORD_VISITS)
        self.can_manage = actor.can(Permission.MANAGE_VISIT_RULES)
        self.by_status: dict[str, int] = {}
        self.print_task: Task | None = None
        self.dialogs = DialogHost(self.table)
        self._build()
        self.start()
        watch(hub, self, (Topic.VISITS, Topic.RESIDENTS), self.on_changed)

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        self.grid_combo = self.make_combo(_("Grid"))
        self.worker_combo = self.make_combo(_("The grids a worker looks after"))
        self.status_combo = self.make_combo(_("Status"))
        for key, label in (
            (None, _("All statuses")),
            (OPEN, _("Not visited yet")),
            (Status.OVERDUE.value, status_text(Status.OVERDUE)),
            (Status.DUE.value, status_text(Status.DUE)),
            (Status.DONE.value, status_text(Status.DONE)),
        ):
            self.status_combo.addItem(label, key)
        self.month_combo = month_combo(self._today())
        self.month_combo.setToolTip(_("The month of the plan (a past month shows its state at its end)"))
        self.month_combo.setMinimumHeight(self.control_height - 4)
        self.reload_choices()

        self.record_button = self.make_button(
            _("Record visit"), _("Record a visit (Ctrl+N; Enter on a row: for that resident)"), primary=True
        )
        self.batch_button = self.make_button(
            _("Record a round"), _("Several visits of one grid in one table (Ctrl+B)")
        )
        self.history_button = self.make_button(
            _("Visits of resident"), _("The selected resident's visits (Ctrl+Shift+V)")
        )
        self.print_button = self.make_button(
            _("Print ledger"), _("The monthly visit ledger of a grid (Ctrl+P)")
        )
        self.rules_button = self.make_button(_("Visit plan"), _("How often each key group is visited"))
        self.arrange(
            self.title_bar(self.count_label),
            self.filter_bar(
                self.grid_combo, self.worker_combo, self.status_combo, self.month_combo, count=False
            ),
            self.action_bar(
                self.record_button,
                self.batch_button,
                self.history_button,
                self.print_button,
                self.rules_button,
                hint=_("Enter: record   Ctrl+F: search   F5: refresh"),
            ),
        )
        # Only now, inside the page (a parentless button shown flashes as a window).
        self.record_button.setVisible(self.can_record)
        self.batch_button.setVisible(self.can_record)
        self.rules_button.setVisible(self.can_manage)

        samples = {
            C_NAME: "欧阳秀英",
            C_GRID: "幸福社区第10网格",
            C_TAGS: "独居老人、困难家庭",
            C_RULE: _("{rule} (phone counts)", rule=frequency_text("quarterly")),
            C_PERIOD: "2026年第4季度",
            C_DUE: "2026-12-31",
            C_STATUS: _("Previous period missed"),
            C_LAST: _("{day} phone call (not counted)", day="2026-12-31"),
            C_VISITOR: "欧阳秀英",
        }
        size_columns(self.table, samples, [c.header for c in self.model.columns()])

        for combo in (self.grid_combo, self.worker_combo, self.status_combo, self.month_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.record_button.clicked.connect(lambda: self.record_visit())
        self.batch_button.clicked.connect(self.record_round)
        self.history_button.clicked.connect(self.show_history)
        self.print_button.clicked.connect(self.print_ledger)
        self.rules_button.clicked.connect(self.edit_rules)
        for keys, slot in (
            ("Ctrl+N", lambda: self.record_visit()),
            ("Ctrl+B", self.record_round),
            ("Ctrl+Shift+V", self.show_history),
            ("Ctrl+P", self.print_ledger),
            ("F5", self.refresh_all),
        ):
            QShortcut(QKeySequence(keys), self, slot)

    def reload_choices(self) -> None:
        """The grid and worker filters (again after a change), keeping what is chosen."""
        grid, worker = self.grid_combo.currentData(), self.worker_combo.currentData()
        for combo in (self.grid_combo, self.worker_combo):
            combo.blockSignals(True)
            combo.clear()
        try:
            grids = self._visits.grids(self._actor)
            workers = [w for w in self._visits.workers(self._actor) if w.grid_ids]
        except DomainError as exc:
            grids, workers = [], []
            self.show_error(exc)
        self.grid_combo.addItem(_("All grids"), None)
        for grid_id, name in grids:
            self.grid_combo.addItem(name, grid_id)
        self.worker_combo.addItem(_("All workers"), None)
        for w in workers:
            self.worker_combo.addItem(w.full_name or w.username, w.user_id)
        self.worker_combo.setEnabled(bool(workers))
        for combo, value in ((self.grid_combo, grid), (self.worker_combo, worker)):
            combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
            combo.blockSignals(False)

    # --- what the list shows ---------------------------------------------------------
    def as_of(self) -> dt.date | None:
        """The day the plan is read on: today in this month, a past month's last day."""
        first: dt.date = self.month_combo.currentData()
        today = self._today()
        if first == today.replace(day=1):
            return None
        return (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)

    def current_filter(self) -> DueFilter:
        status = self.status_combo.currentData()
        return DueFilter(
            grid_id=self.grid_combo.currentData(),
            worker_id=self.worker_combo.currentData(),
            status=None if status == OPEN else status,
            open_only=status == OPEN,
            text=self.search_text(),
            as_of=self.as_of(),
        )

    def new_source(self) -> ServiceRows[DueLine]:
        f = self.current_filter()
        held: list[Any] = []

        def count() -> int:
            result = self._visits.due(self._actor, f)
            held[:] = [result]
            self.by_status = dict(result.by_status)
            return result.count

        def rows(offset: int, limit: int) -> list[DueLine]:
            if not held:
                count()
            # a past month is read when it is over: every due day of it has passed
            read_on = f.as_of + dt.timedelta(days=1) if f.as_of else self._today()
            return [DueLine.of(r, read_on) for r in held[0].page(offset, limit)]

        return ServiceRows(count, rows, filter=f)

    def count_text(self, n: int) -> str:
        s = self.by_status
        return _(
            "{n} residents: {overdue} overdue, {due} due, {done} visited",
            n=f"{n:,}",
            overdue=f"{s.get('overdue', 0):,}",
            due=f"{s.get('due', 0):,}",
            done=f"{s.get('done', 0):,}",
        )

    def empty_text(self) -> str:
        f = self.shown_filter()
        if f.text:
            return _("No resident on the visit plan matches “{text}”.", text=f.text)
        if f.grid_id is not None or f.worker_id is not None or f.status or f.open_only:
            return _("Nobody on the visit plan matches these filters.")
        return _(
            "Nobody is on the visit plan yet.\n"
            "Residents are due for visits when they carry a key group of the plan (独居老人, 困难家庭 …)."
        )

    def update_buttons(self) -> None:
        self.history_button.setEnabled(self.selected_row() is not None)

    def focus_default(self) -> None:
        self.focus_search()

    # --- refreshing ------------------------------------------------------------------
    def on_changed(self, changes: Changes | None) -> None:
        if changes is None or changes.touches((Topic.RESIDENTS,)):
            self.reload_choices()
        self.refresh()

    def refresh_all(self) -> None:
        self.reload_choices()
        self.refresh()

    # --- actions ---------------------------------------------------------------------
    def open_row(self, row: DueLine) -> None:
        if self.can_record:
            self.record_visit((row.resident_id, row.name))
        else:
            self.show_history()

    def record_visit(self, resident: tuple[int, str] | None = None) -> RecordVisitDialog | None:
        """记录走访 (Ctrl+N): for ``resident`` when given; the visit is selected once saved."""
        if not self.can_record:
            return None
        dialog = RecordVisitDialog(
            self._visits,
            self._residents,
            self._actor,
            self,
            resident=resident,
            today=self._today,
            **self._dialog_options,
        )
        dialog.sig_saved.connect(self._recorded)
        self.dialogs.open(dialog)
        return dialog

    def _recorded(self, visit_id: int) -> None:
        self.sig_recorded.emit(visit_id)
        if self._hub is None:  # nobody announces the change: refresh by hand
            self.refresh()

    def record_round(self) -> BatchVisitDialog | None:
        """批量录入 (Ctrl+B): a round of visits in the grid filtered (or the worker's)."""
        if not self.can_record:
            return None
        dialog = BatchVisitDialog(
            self._visits, self._actor, self, grid_id=self.grid_combo.currentData(), today=self._today
        )
        if self._hub is None:
            dialog.sig_saved.connect(lambda _ids: self.refresh())
        self.dialogs.open(dialog)
        return dialog

    def show_history(self) -> VisitHistoryDialog | None:
        """The selected resident's visits (Ctrl+Shift+V)."""
        row = self.selected_row()
        if row is None:
            return None
        try:
            dialog = VisitHistoryDialog(
                self._visits,
                self._residents,
                self._actor,
                row.resident_id,
                row.name,
                self,
                hub=self._hub,
                today=self._today,
            )
        except DomainError as exc:
            self.show_error(exc)
            return None
        self.dialogs.open(dialog)
        return dialog

    def print_ledger(self) -> PrintLedgerDialog:
        """打印台账 (Ctrl+P): choose the grid and month (the filters proposed), then preview."""
        dialog = PrintLedgerDialog(
            self._visits,
            self._actor,
            self,
            grid_id=self.grid_combo.currentData(),
            month=self.month_combo.currentData(),
            today=self._today(),
        )
        dialog.accepted.connect(lambda d=dialog: self._print(d.grid_id, d.grid_name, d.month))
        self.dialogs.open(dialog)
        return dialog

    def _print(self, grid_id: int | None, grid_name: str, month: dt.date) -> None:
        if grid_id is None:
            return
        self.print_task = print_ledger(
            self, self._visits, self._actor, grid_id, grid_name, month, preview_factory=self._preview_factory
        )

    def edit_rules(self) -> VisitRulesDialog | None:
        """走访计划: how often each key group is visited (the director, the administrator)."""
        if not self.can_manage:
            return None
        dialog = VisitRulesDialog(self._visits, self._actor, self)
        if self._hub is None:
            dialog.accepted.connect(self.refresh)
        self.dialogs.open(dialog)
        return dialog


__all__ = ["DueLine", "DueTableModel", "VisitsPage", "due_columns"]
