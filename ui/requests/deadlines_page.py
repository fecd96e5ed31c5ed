"""时限与日历: the limits of the four 30135 clocks, and corrections of the working-day calendar.

Two tabs. Limits: one rule per scope (the default, an urgency, a category, or both),
the most specific rule winning. Calendar: per year, the days on which this centre
differs from the official calendar (or next year's official schedule, entered by hand
before the program knows it). Dialogs open window-modal without blocking
(``self.dialog``); the page refreshes when one saves, and whenever the limits, the
calendar or the category names change elsewhere (``watch`` on the change hub), keeping
the selection and the scroll positions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.common.changes import Changes, Topic
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Permission
from desktop.requests.catalogue import CatalogueService
from desktop.requests.clock_settings import ClockSettingsService, LimitRow, OverrideRow
from ui.requests.admin_dialogs import (
    LimitDialog,
    OverrideDialog,
    day_kind,
    shortcut,
    urgency_label,
    weekday_label,
)
from ui.requests.watching import weakly
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.forms import DialogHost, FormDialog
from ui.widgets.i18n import Translator
from ui.widgets.messages import ask_yes, show_error

_ = Translator("admin")


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    return table


# --- the page -------------------------------------------------------------------------------
class ClockSettingsPage(QWidget):
    """The 时限与日历 page.

    Args:
        settings: the deadline and calendar settings.
        catalogue: the categories a rule may be for.
        actor: the logged-in user (changes need ``MANAGE_SETTINGS``).
        parent: the owning widget.
        hub: announces committed changes; the page refreshes when what it shows changes.
    """

    def __init__(
        self,
        settings: ClockSettingsService,
        catalogue: CatalogueService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
    ):
        super().__init__(parent)
        self._settings, self._catalogue, self._actor = settings, catalogue, actor
        self.editable = actor.can(Permission.MANAGE_SETTINGS)
        self._dialogs = DialogHost()
        self._limits: list[LimitRow] = []
        self._overrides: list[OverrideRow] = []

        title = QLabel(_("Deadlines and calendar"))
        title.setObjectName("pageTitle")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._limits_tab(), _("Deadlines"))
        self.tabs.addTab(self._calendar_tab(), _("Working-day calendar"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        if not self.editable:
            note = QLabel(_("Only an administrator can change deadlines and the calendar."))
            note.setObjectName("hint")
            layout.addWidget(note)
        self.refresh()
        watch(hub, self, (Topic.DEADLINES, Topic.CATALOGUE), weakly(self.refresh))

    def refresh(self, _changes: Changes | None = None) -> None:
        """Read the rules and the year's corrections again, keeping the selection."""
        self.refresh_limits()
        self.refresh_overrides()

    # --- shared ---------------------------------------------------------------------------
    def _open(self, dialog: FormDialog, on_saved: Callable[[], None]) -> None:
        """Show a dialog window-modal without blocking; ``on_saved`` runs when it saves."""
        dialog.accepted.connect(on_saved)
        self._dialogs.open(dialog)

    @property
    def dialog(self) -> QDialog | None:
        """The dialog open on this page, if any."""
        return self._dialogs.current

    def _run(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except DomainError as exc:
            show_error(self, _("Not saved"), exc)
            return False
        return True

    # --- limits ---------------------------------------------------------------------------
    def _limits_tab(self) -> QWidget:
        tab = QWidget()
        rule = QLabel(
            _(
                "The 30135 rule: from assignment, a request is accepted within 30 minutes, answered "
                "within 1 working day, resolved within 3 working days and visited for follow-up within "
                "5 working days. Minutes count office time only; days count working days of the "
                "calendar on the next tab."
            )
        )
        rule.setWordWrap(True)
        precedence = QLabel(
            _(
                "Where several rules fit a request, the most specific one applies: urgency and "
                "category, then category, then the same for the parent category, then urgency, then "
                "the default. A rule for a category covers its sub-categories that have no rule of "
                "their own."
            )
        )
        precedence.setWordWrap(True)
        precedence.setObjectName("hint")

        self.limit_table = _table(
            [
                _("Urgency"),
                _("Category"),
                _("Accept (minutes)"),
                _("Answer (working days)"),
                _("Resolve (working days)"),
                _("Follow-up (working days)"),
            ]
        )
        header = self.limit_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.limit_table.currentCellChanged.connect(lambda *_args: self._update_limit_buttons())
        self.limit_table.doubleClicked.connect(lambda _index: self.edit_limit())

        self.add_limit_button = QPushButton(_("New rule"))
        self.add_limit_button.setToolTip("Ctrl+N")
        self.add_limit_button.clicked.connect(self.add_limit)
        self.edit_limit_button = QPushButton(_("Edit"))
        self.edit_limit_button.setToolTip("Enter")
        self.edit_limit_button.clicked.connect(self.edit_limit)
        self.delete_limit_button = QPushButton(_("Delete"))
        self.delete_limit_button.clicked.connect(self.delete_limit)

        if self.editable:
            shortcut("Ctrl+N", tab, self.add_limit)
            shortcut(QKeySequence(Qt.Key.Key_Return), self.limit_table, self.edit_limit)
        row = QHBoxLayout()
        row.addWidget(self.limit_table, 1)
        if self.editable:
            column = QVBoxLayout()
            for b in (self.add_limit_button, self.edit_limit_button, self.delete_limit_button):
                column.addWidget(b)
            column.addStretch(1)
            row.addLayout(column)
        layout = QVBoxLayout(tab)
        layout.addWidget(rule)
        layout.addLayout(row, 1)
        layout.addWidget(precedence)
        return tab

    def refresh_limits(self, select_id: int | None = None) -> None:
        current = self.selected_limit()
        if select_id is None and current is not None:
            select_id = current.id
        self._limits = self._settings.list_limits()
        table = self.limit_table
        scroll = table.verticalScrollBar().value()
        table.setRowCount(len(self._limits))
        selected_row = 0
        for r, rule in enumerate(self._limits):
            if rule.urgency is None and rule.category_id is None:
                scope = (_("Default (all requests)"), "")
            else:
                scope = (urgency_label(rule.urgency), rule.category_name or _("Any category"))
            values = (
                *scope,
                str(rule.accept_minutes),
                str(rule.answer_days),
                str(rule.resolve_days),
                str(rule.follow_up_days),
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
            if rule.id == select_id:
                selected_row = r
        if self._limits:
            table.selectRow(selected_row)
        table.verticalScrollBar().setValue(scroll)
        self._update_limit_buttons()

    def selected_limit(self) -> LimitRow | None:
        row = self.limit_table.currentRow()
        return self._limits[row] if 0 <= row < len(self._limits) else None

    def _update_limit_buttons(self) -> None:
        has = self.selected_limit() is not None
        self.edit_limit_button.setEnabled(has)
        self.delete_limit_button.setEnabled(has)

    def add_limit(self) -> None:
        if not self.editable:
            return
        dialog = LimitDialog(self._settings, self._catalogue, self._actor, existing=self._limits, parent=self)
        self._open(dialog, lambda: self.refresh_limits(dialog.saved_id))

    def edit_limit(self) -> None:
        rule = self.selected_limit()
        if not self.editable or rule is None:
            return
        dialog = LimitDialog(self._settings, self._catalogue, self._actor, rule, parent=self)
        self._open(dialog, lambda: self.refresh_limits(rule.id))

    def delete_limit(self) -> None:
        rule = self.selected_limit()
        if not self.editable or rule is None:
            return
        if rule.urgency is None and rule.category_id is None:
            question = _("Delete the default rule? Requests without a rule of their own then follow 30135.")
        else:
            question = _("Delete this rule? Its requests then follow the next rule that fits them.")
        if not ask_yes(self, _("Delete rule"), question):
            return
        if self._run(lambda: self._settings.delete_limit(self._actor, rule.id)):
            self.refresh_limits()

    # --- calendar -------------------------------------------------------------------------
    def _calendar_tab(self) -> QWidget:
        tab = QWidget()
        self.year = QComboBox()
        this_year = dt.date.today().year
        years = {this_year + k for k in (-1, 0, 1, 2)}
        years |= {o.day.year for o in self._settings.list_overrides()}
        for y in sorted(years):
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(self.year.findData(this_year))
        self.year.setMinimumWidth(110)
        self.year.currentIndexChanged.connect(lambda _index: self.refresh_overrides())
        self.year_warning = QLabel()
        self.year_warning.setObjectName("fieldWarning")
        self.year_warning.setWordWrap(True)
        self.year_warning.hide()
        explanation = QLabel(
            _(
                "The official calendar of public holidays and make-up working days comes with the "
                "program. Enter a correction only where this centre works differently, or for a year "
                "the program does not know yet. A correction always wins over the official calendar."
            )
        )
        explanation.setWordWrap(True)
        explanation.setObjectName("hint")

        self.override_table = _table(
            [_("Date"), _("Weekday"), _("This centre"), _("Official calendar"), _("Note")]
        )
        header = self.override_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.override_table.currentCellChanged.connect(lambda *_args: self._update_override_buttons())
        self.override_empty = QLabel()
        self.override_empty.setObjectName("hint")

        self.add_override_button = QPushButton(_("New correction"))
        self.add_override_button.setToolTip("Ctrl+N")
        self.add_override_button.clicked.connect(self.add_override)
        self.delete_override_button = QPushButton(_("Remove"))
        self.delete_override_button.clicked.connect(self.delete_override)

        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(_("Year")))
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.override_table, 1)
        if self.editable:
            column = QVBoxLayout()
            column.addWidget(self.add_override_button)
            column.addWidget(self.delete_override_button)
            column.addStretch(1)
            row.addLayout(column)
        layout = QVBoxLayout(tab)
        layout.addLayout(year_row)
        layout.addWidget(self.year_warning)
        layout.addLayout(row, 1)
        layout.addWidget(self.override_empty)
        layout.addWidget(explanation)
        if self.editable:
            shortcut("Ctrl+N", tab, self.add_override)
        return tab

    def refresh_overrides(self, select_day: dt.date | None = None) -> None:
        year = self.selected_year()
        current = self.selected_override()
        if select_day is None and current is not None:
            select_day = current.day
        known = self._settings.known_year(year)
        self.year_warning.setText(
            ""
            if known
            else _(
                "The official holidays of {year} are not known yet; enter the State Council's holiday "
                "and make-up working day schedule here.",
                year=year,
            )
        )
        self.year_warning.setVisible(not known)
        self._overrides = self._settings.list_overrides(year)
        table = self.override_table
        scroll = table.verticalScrollBar().value()
        table.setRowCount(len(self._overrides))
        selected_row = 0
        for r, o in enumerate(self._overrides):
            values = (
                o.day.isoformat(),
                weekday_label(o.day),
                day_kind(o.is_workday),
                day_kind(o.official_is_workday),
                o.note,
            )
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))
            if o.day == select_day:
                selected_row = r
        if self._overrides:
            table.selectRow(selected_row)
        table.verticalScrollBar().setValue(scroll)
        self.override_empty.setText(
            ""
            if self._overrides
            else _("No corrections for {year}: the official calendar applies.", year=year)
        )
        self.override_empty.setVisible(not self._overrides)
        self._update_override_buttons()

    def selected_year(self) -> int:
        return int(self.year.currentData())

    def set_year(self, year: int) -> None:
        """Show the corrections of ``year`` (added to the choice if missing)."""
        index = self.year.findData(year)
        if index < 0:
            self.year.blockSignals(True)
            years = sorted({*(self.year.itemData(i) for i in range(self.year.count())), year})
            self.year.clear()
            for y in years:
                self.year.addItem(str(y), y)
            self.year.blockSignals(False)
            index = self.year.findData(year)
        self.year.setCurrentIndex(index)
        self.refresh_overrides()

    def selected_override(self) -> OverrideRow | None:
        row = self.override_table.currentRow()
        return self._overrides[row] if 0 <= row < len(self._overrides) else None

    def _update_override_buttons(self) -> None:
        self.delete_override_button.setEnabled(self.selected_override() is not None)

    def add_override(self) -> None:
        if not self.editable:
            return
        dialog = OverrideDialog(
            self._settings, self._actor, self.selected_year(), self._overrides, parent=self
        )

        def saved() -> None:
            day = dialog.saved_day
            if day is not None and day.year != self.selected_year():
                self.set_year(day.year)
            self.refresh_overrides(day)

        self._open(dialog, saved)

    def delete_override(self) -> None:
        o = self.selected_override()
        if not self.editable or o is None:
            return
        if not ask_yes(
            self,
            _("Remove correction"),
            _("Remove the correction for {day}? The day then follows the official calendar.", day=o.day),
        ):
            return
        if self._run(lambda: self._settings.delete_override(self._actor, o.day)):
            self.refresh_overrides()
