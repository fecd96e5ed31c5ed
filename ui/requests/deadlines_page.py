"""时限与日历: the limits of the four 30135 clocks, and corrections of the working-day calendar.

Two tabs. Limits: one rule per scope (the default, an urgency, a category, or both),
the most specific rule winning. Calendar: per year, the days on which this centre
differs from the official calendar (or next year's official schedule, entered by hand
before the program knows it). Dialogs open window-modal without blocking
(``self.dialog``); the page refreshes when one saves, and whenever the limits, the
calendar or the category names change elsewhere (``watch`` on the change hub), keeping
the selection and the scroll positions. What it shares with 分类与单位 is in
:mod:`ui.requests.settings_base`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from desktop.common.changes import Changes, Topic
from desktop.common.permissions import Actor
from desktop.requests.catalogue import CatalogueService
from desktop.requests.clock_settings import ClockSettingsService, LimitRow, OverrideRow
from ui.requests.admin_dialogs import LimitDialog, OverrideDialog, day_kind, urgency_label, weekday_label
from ui.requests.settings_base import SettingsPage, current_of, fill_table, row_of, settings_table
from ui.requests.watching import weakly
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.i18n import Translator
from ui.widgets.keys import shortcut
from ui.widgets.messages import ask_yes

_ = Translator("admin")


# --- the page -------------------------------------------------------------------------------
class ClockSettingsPage(SettingsPage):
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
        super().__init__(
            actor,
            _("Deadlines and calendar"),
            _("Only an administrator can change deadlines and the calendar."),
            parent,
        )
        self._settings, self._catalogue, self._actor = settings, catalogue, actor
        self._limits: list[LimitRow] = []
        self._overrides: list[OverrideRow] = []
        self.tabs.addTab(self._limits_tab(), _("Deadlines"))
        self.tabs.addTab(self._calendar_tab(), _("Working-day calendar"))
        self.refresh()
        watch(hub, self, (Topic.DEADLINES, Topic.CATALOGUE), weakly(self.refresh))

    def refresh(self, _changes: Changes | None = None) -> None:
        """Read the rules and the year's corrections again, keeping the selection."""
        self.refresh_limits()
        self.refresh_overrides()

    # --- limits ---------------------------------------------------------------------------
    def _limits_tab(self) -> QWidget:
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

        self.limit_table = settings_table(
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

        buttons = [self.add_limit_button, self.edit_limit_button, self.delete_limit_button]
        tab = self.list_tab(self.limit_table, buttons, above=[rule], below=[precedence])
        if self.editable:
            shortcut("Ctrl+N", tab, self.add_limit)
            shortcut(QKeySequence(Qt.Key.Key_Return), self.limit_table, self.edit_limit)
        return tab

    def refresh_limits(self, select_id: int | None = None) -> None:
        current = self.selected_limit()
        if select_id is None and current is not None:
            select_id = current.id
        self._limits = self._settings.list_limits()
        cells = []
        for rule in self._limits:
            if rule.urgency is None and rule.category_id is None:
                scope = (_("Default (all requests)"), "")
            else:
                scope = (urgency_label(rule.urgency), rule.category_name or _("Any category"))
            limits = (rule.accept_minutes, rule.answer_days, rule.resolve_days, rule.follow_up_days)
            row = [QTableWidgetItem(value) for value in (*scope, *map(str, limits))]
            for item in row[2:]:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells.append(row)
        fill_table(self.limit_table, cells, row_of(self._limits, lambda rule: rule.id == select_id))
        self._update_limit_buttons()

    def selected_limit(self) -> LimitRow | None:
        return current_of(self.limit_table, self._limits)

    def _update_limit_buttons(self) -> None:
        has = self.selected_limit() is not None
        self.edit_limit_button.setEnabled(has)
        self.delete_limit_button.setEnabled(has)

    def add_limit(self) -> None:
        if not self.editable:
            return
        dialog = LimitDialog(self._settings, self._catalogue, self._actor, existing=self._limits, parent=self)
        self.open_dialog(dialog, lambda: self.refresh_limits(dialog.saved_id))

    def edit_limit(self) -> None:
        rule = self.selected_limit()
        if not self.editable or rule is None:
            return
        dialog = LimitDialog(self._settings, self._catalogue, self._actor, rule, parent=self)
        self.open_dialog(dialog, lambda: self.refresh_limits(rule.id))

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
        if self.run(lambda: self._settings.delete_limit(self._actor, rule.id)):
            self.refresh_limits()

    # --- calendar -------------------------------------------------------------------------
    def _calendar_tab(self) -> QWidget:
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

        self.override_table = settings_table(
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
        tab = self.list_tab(
            self.override_table,
            [self.add_override_button, self.delete_override_button],
            above=[year_row, self.year_warning],
            below=[self.override_empty, explanation],
        )
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
        cells = [
            [
                QTableWidgetItem(value)
                for value in (
                    o.day.isoformat(),
                    weekday_label(o.day),
                    day_kind(o.is_workday),
                    day_kind(o.official_is_workday),
                    o.note,
                )
            ]
            for o in self._overrides
        ]
        fill_table(self.override_table, cells, row_of(self._overrides, lambda o: o.day == select_day))
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
        return current_of(self.override_table, self._overrides)

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

        self.open_dialog(dialog, saved)

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
        if self.run(lambda: self._settings.delete_override(self._actor, o.day)):
            self.refresh_overrides()
