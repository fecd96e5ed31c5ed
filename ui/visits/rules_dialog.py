"""走访计划: how often the residents of each key group are visited, and whether a phone
call counts as a visit — the director's or the administrator's settings.

One row per key group of the register (and each of the "五必访" defaults): how many
residents carry it, how often (每周 / 每月 / 每季度 / 不走访) and the phone tick. A resident
with several key groups follows the most frequent rule; the plan changes for everyone
at once when saved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError
from desktop.common.permissions import ROLE_LABELS, Actor
from desktop.visits.service import RuleRow, VisitService, WorkerRow
from ui.visits.formatting import PLANNED_FREQUENCIES, frequency_text
from ui.widgets.forms import error_line
from ui.widgets.i18n import Translator, desktop_text, error_text
from ui.widgets.keys import SAVE_KEYS, submit_keys
from ui.widgets.list_page import setup_table, size_columns

_ = Translator("visits")

R_TAG, R_RESIDENTS, R_FREQUENCY, R_PHONE = range(4)
W_NAME, W_ROLE, W_GRIDS = range(3)


class VisitRulesDialog(QDialog):
    """The visit plan: the rules per key group (first tab) and the grids each worker looks
    after (second tab: their 走访台账 filter and 今日待办 follow them); Ctrl+S saves what
    was changed on both."""

    def __init__(self, visits: VisitService, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("visitRulesDialog")
        self.setWindowTitle(_("Visit plan"))
        self._visits, self._actor = visits, actor
        self.rules: list[RuleRow] = visits.rules(actor)
        fm = self.fontMetrics()
        intro = QLabel(
            _(
                "How often the residents of each key group are visited. A resident in several "
                "groups follows the most frequent rule; a phone call counts only where ticked."
            )
        )
        intro.setWordWrap(True)
        headers = [_("Key group"), _("Number of residents"), _("How often"), _("Phone call counts")]
        self.table = QTableWidget(len(self.rules), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        setup_table(self.table)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(True)
        self.table.verticalHeader().setDefaultSectionSize(fm.height() + 18)
        self.frequency_combos: list[QComboBox] = []
        self.phone_checks: list[QCheckBox] = []
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, rule in enumerate(self.rules):
            name = QTableWidgetItem(
                rule.tag_name + ("" if rule.in_register else " " + _("(not in the register)"))
            )
            count = QTableWidgetItem(f"{rule.residents:,}")
            count.setTextAlignment(right)
            self.table.setItem(r, R_TAG, name)
            self.table.setItem(r, R_RESIDENTS, count)
            combo = QComboBox()
            for frequency in PLANNED_FREQUENCIES:
                combo.addItem(frequency_text(frequency), frequency.value)
            combo.setCurrentIndex(max(0, combo.findData(rule.frequency.value)))
            check = QCheckBox(_("counts"))
            check.setChecked(rule.phone_counts)
            self.table.setCellWidget(r, R_FREQUENCY, combo)
            self.table.setCellWidget(r, R_PHONE, check)
            self.frequency_combos.append(combo)
            self.phone_checks.append(check)
        size_columns(
            self.table,
            {R_TAG: "重点帮扶（不在档案中）", R_RESIDENTS: "20,000", R_FREQUENCY: "每季度走访一次 ▾▾"},
            headers,
        )
        self.table.horizontalHeader().setSectionResizeMode(R_PHONE, QHeaderView.ResizeMode.Stretch)
        self.message = error_line()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(_("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setToolTip("Ctrl+S")
        buttons.addButton(_("Cancel and close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        rules_tab = QWidget()
        column = QVBoxLayout(rules_tab)
        column.addWidget(intro)
        column.addWidget(self.table, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(rules_tab, _("How often"))
        self.tabs.addTab(self._workers_tab(), _("Grid workers"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        submit_keys(self, self.save, SAVE_KEYS)
        width = (
            sum(self.table.horizontalHeader().sectionSize(c) for c in range(3))
            + fm.horizontalAdvance("M") * 12
        )
        rows = min(len(self.rules), 12)
        self.resize(width + 40, fm.height() * 10 + rows * self.table.verticalHeader().defaultSectionSize())
        if self.frequency_combos:
            self.frequency_combos[0].setFocus()

    def _workers_tab(self) -> QWidget:
        """Each active user and the grids they look after (a menu of ticks per row)."""
        self.workers: list[WorkerRow] = self._visits.workers(self._actor)
        self.grids = self._visits.grids(self._actor)
        intro = QLabel(_("The grids each worker looks after: their visit list and the start page show them."))
        intro.setWordWrap(True)
        headers = [_("Staff member"), _("Role"), _("Grids looked after")]
        self.worker_table = QTableWidget(len(self.workers), len(headers))
        self.worker_table.setHorizontalHeaderLabels(headers)
        setup_table(self.worker_table)
        self.worker_table.verticalHeader().hide()
        self.worker_table.setTabKeyNavigation(True)
        self.worker_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 18)
        self.grid_buttons: list[QToolButton] = []
        for r, worker in enumerate(self.workers):
            self.worker_table.setItem(r, W_NAME, QTableWidgetItem(worker.full_name or worker.username))
            role = ROLE_LABELS.get(worker.role)
            self.worker_table.setItem(
                r, W_ROLE, QTableWidgetItem(desktop_text(role) if role else worker.role)
            )
            button = QToolButton()
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            menu = QMenu(button)
            for grid_id, name in self.grids:
                action = menu.addAction(name)
                action.setCheckable(True)
                action.setChecked(grid_id in worker.grid_ids)
                action.setData(grid_id)
                action.toggled.connect(lambda _on, r=r: self._show_grids(r))
            button.setMenu(menu)
            self.worker_table.setCellWidget(r, W_GRIDS, button)
            self.grid_buttons.append(button)
            self._show_grids(r)
        size_columns(self.worker_table, {W_NAME: "欧阳秀英", W_ROLE: "志愿服务协调员"}, headers)
        self.worker_table.horizontalHeader().setSectionResizeMode(W_GRIDS, QHeaderView.ResizeMode.Stretch)
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.addWidget(intro)
        column.addWidget(self.worker_table, 1)
        return tab

    def grids_of(self, row: int) -> tuple[int, ...]:
        menu = self.grid_buttons[row].menu()
        return tuple(sorted(a.data() for a in menu.actions() if a.isChecked()))

    def set_grids(self, row: int, grid_ids: tuple[int, ...]) -> None:
        for action in self.grid_buttons[row].menu().actions():
            action.setChecked(action.data() in grid_ids)

    def _show_grids(self, row: int) -> None:
        names = dict(self.grids)
        chosen = self.grids_of(row)
        button = self.grid_buttons[row]
        button.setText("、".join(names[g] for g in chosen) if chosen else _("none"))
        button.setToolTip(button.text())

    def changed_workers(self) -> list[tuple[int, tuple[int, ...]]]:
        """The users whose grids were changed: (user id, grid ids)."""
        return [
            (w.user_id, self.grids_of(r))
            for r, w in enumerate(self.workers)
            if self.grids_of(r) != tuple(sorted(w.grid_ids))
        ]

    def changed(self) -> list[tuple[str, str, bool]]:
        """The rows whose rule differs from the one stored: (key group, frequency, phone)."""
        found = []
        for rule, combo, check in zip(self.rules, self.frequency_combos, self.phone_checks, strict=True):
            frequency, phone = combo.currentData(), check.isChecked()
            if frequency != rule.frequency.value or phone != rule.phone_counts:
                found.append((rule.tag_name, frequency, phone))
        return found

    def save(self) -> bool:
        """Save each changed rule, then each worker's grids; stops at the first refused one
        and says why."""
        self.message.hide()
        for tag_name, frequency, phone in self.changed():
            try:
                self._visits.save_rule(self._actor, tag_name, frequency, phone)
            except DomainError as exc:
                self.message.setText(_("{group}: {error}", group=tag_name, error=error_text(exc)))
                self.message.show()
                self.tabs.setCurrentIndex(0)
                return False
        names = {w.user_id: w.full_name or w.username for w in self.workers}
        for user_id, grid_ids in self.changed_workers():
            try:
                self._visits.set_worker_grids(self._actor, user_id, grid_ids)
            except DomainError as exc:
                self.message.setText(_("{group}: {error}", group=names[user_id], error=error_text(exc)))
                self.message.show()
                self.tabs.setCurrentIndex(1)
                return False
        self.accept()
        return True


__all__ = ["VisitRulesDialog"]
