"""服务主体: the providers' registry with its warnings and how each provider performed.

One line per provider: name, kind, credit code, assessment grade with the day it
expires, the latest 年检, whether it may sign and be paid, its service areas, and its
performance — orders taken, on-time rate, average rating, completion rate, average cost
per person served. What a desk should know is in colour: a provider listed as 失信 /
活动异常 in red, an expired grade, a failed or missing 年检 or a credit code that does
not check in amber (the warnings column says which), an inactive one grey.

Ctrl+F searches names, Ctrl+N registers a provider, Enter edits the selected one
(for the roles that manage providers). The page watches providers and orders.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QFileDialog, QWidget

from desktop.common.changes import Changes, Topic
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Permission
from desktop.opening import Services
from desktop.orders.performance import ProviderPerformance
from desktop.orders.providers import ProviderRow
from desktop.orders.vocabulary import ProviderKind
from ui.orders.formatting import (
    DANGER_COLOUR,
    INACTIVE_COLOUR,
    NONE,
    WARNING_COLOUR,
    completion_rate_text,
    cost_text,
    day_text,
    inspection_text,
    kind_text,
    performance_tip,
    rate_text,
    rating_average_text,
)
from ui.orders.provider_dialogs import DiscreditDialog, InspectionDialog, ProviderDialog
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.forms import DialogHost
from ui.widgets.i18n import Translator, error_text
from ui.widgets.list_page import ListPage, size_columns
from ui.widgets.messages import show_info
from ui.widgets.windowed_model import Column, ServiceRows, WindowedTableModel

_ = Translator("orders")


@dataclass(frozen=True)
class ProviderLine:
    """A provider of the registry with its performance (one line of the page)."""

    id: int
    provider: ProviderRow
    performance: ProviderPerformance | None


def provider_columns() -> list[Column[ProviderLine]]:
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

    def grade(line: ProviderLine) -> str:
        p = line.provider
        if not p.rating:
            return NONE
        until = _(" (expired {day})") if p.rating_expired else _(" (until {day})")
        return p.rating_label + until.format(day=day_text(p.rating_valid_until))

    def inspection(line: ProviderLine) -> str:
        found = line.provider.latest_inspection
        return f"{found[0]} {inspection_text(found[1])}" if found else NONE

    def perf(value: Callable[[ProviderPerformance], str]) -> Callable[[ProviderLine], str]:
        return lambda line: value(line.performance) if line.performance else NONE

    return [
        Column(_("Name"), lambda line: line.provider.name),
        Column(_("Kind"), lambda line: kind_text(line.provider.kind)),
        Column(_("Warnings"), lambda line: "；".join(error_text(w) for w in line.provider.warnings)),
        Column(_("Grade"), grade),
        Column(_("Inspection"), inspection),
        Column(_("May be paid"), lambda line: _("Yes") if line.provider.has_legal_personality else _("No")),
        Column(_("Taken"), perf(lambda p: str(p.taken)), align=right),
        Column(_("On time"), perf(lambda p: rate_text(p.on_time_rate)), align=right),
        Column(_("Rating"), perf(rating_average_text), align=right),
        Column(_("Completion"), perf(completion_rate_text), align=right),
        Column(_("Cost/person"), perf(cost_text), align=right),
        Column(_("Credit code"), lambda line: line.provider.credit_code or NONE),
        Column(_("Service areas"), lambda line: "、".join(line.provider.areas)),
    ]


class ProviderTableModel(WindowedTableModel[ProviderLine]):
    """Providers in colour: discredited red, with warnings amber, inactive grey."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole):
            line = self.row_at(index.row())
            if line is None:
                return None
            p = line.provider
            if role == Qt.ItemDataRole.ToolTipRole:
                tips = [error_text(w) for w in p.warnings]
                if not p.is_active:
                    tips.insert(0, _("Inactive: takes no orders"))
                return "\n".join(tips) or None
            if not p.is_active:
                return QBrush(QColor(INACTIVE_COLOUR))
            if p.discredited:
                return QBrush(QColor(DANGER_COLOUR))
            if p.warnings:
                return QBrush(QColor(WARNING_COLOUR))
            return None
        return super().data(index, role)


class ProvidersPage(ListPage[ProviderLine]):
    """The 服务主体 page.

    Args:
        services: the opened database's services.
        actor: the logged-in user (``VIEW_ORDERS``; changes need ``MANAGE_PROVIDERS``).
        hub: announces committed changes; the page refreshes on providers and orders.
        parent: the owning widget.
        today: the last day a grade or a listing may be dated.
    """

    def __init__(
        self,
        services: Services,
        actor: Actor,
        *,
        hub: ChangeHub | None = None,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(
            ProviderTableModel(provider_columns()),
            parent,
            title=_("Providers"),
            search_placeholder=_("Name of the provider"),
            search_tip=_("Providers whose name contains the text (Ctrl+F); Esc clears"),
            count_sample=_("{n} providers", n="1,000"),
            error_title=_("Providers"),
        )
        self.setObjectName("providersPage")
        self._services = services
        self._orders = services.orders
        self._actor = actor
        self._today = today
        self._dialogs = DialogHost(self.table)
        self.may_manage = actor.can(Permission.MANAGE_PROVIDERS)
        self.kind_combo = self.make_combo(_("Kind of provider"))
        self.kind_combo.addItem(_("All kinds"), None)
        for kind in ProviderKind:
            self.kind_combo.addItem(kind_text(kind), kind.value)
        self.inactive_check = QCheckBox(_("Show &inactive"))
        self.warnings_check = QCheckBox(_("With &warnings only"))
        self.new_button = self.make_button(_("New provider"), _("Register a provider (Ctrl+N)"), primary=True)
        self.edit_button = self.make_button(_("Edit…"), _("Change the selected provider (Enter)"))
        self.inspection_button = self.make_button(
            _("Annual inspection…"), _("Record a year's 年检/年报 result")
        )
        self.flag_button = self.make_button(_("Discredited flag…"), _("Set or clear the 失信/活动异常 flag"))
        self.active_button = self.make_button(_("Deactivate"), _("An inactive provider takes no orders"))
        self.certificate_button = self.make_button(
            _("Add certificate…"), _("Keep a certificate with the provider")
        )
        buttons = [
            self.new_button,
            self.edit_button,
            self.inspection_button,
            self.flag_button,
            self.active_button,
            self.certificate_button,
        ]
        for b in buttons:
            if not self.may_manage:  # hide only: showing a parentless button opens a window
                b.hide()
        self.arrange(
            self.title_bar(),
            self.filter_bar(self.kind_combo, self.inactive_check, self.warnings_check),
            below=[
                self.action_bar(
                    *buttons,
                    hint=_("Enter: edit   Ctrl+N: new   Ctrl+F: search")
                    if self.may_manage
                    else _("Ctrl+F: search"),
                )
            ],
        )
        self.table.horizontalHeader().setToolTip(performance_tip())
        headers = [c.header for c in self.model.columns()]
        size_columns(
            self.table,
            {
                0: "邻里帮社会企业有限公司",
                1: "民办非企业单位",
                2: "评估等级 3A 已过期",
                3: "3A" + _(" (expired {day})").format(day="2025-12-01"),
                4: "2025 未参检",
                5: "否",
                6: "999",
                7: "100%",
                8: _("{score} ({n})", score="2.8", n=99),
                9: "100%",
                10: "9,999.00",
                11: "52370303MJE123456X",
            },
            headers,
        )
        self.kind_combo.currentIndexChanged.connect(self.apply_filter)
        self.inactive_check.toggled.connect(self.apply_filter)
        self.warnings_check.toggled.connect(self.apply_filter)
        self.new_button.clicked.connect(self.new_provider)
        self.edit_button.clicked.connect(self.open_selected)
        self.inspection_button.clicked.connect(self.record_inspection)
        self.flag_button.clicked.connect(self.set_flag)
        self.active_button.clicked.connect(self.toggle_active)
        self.certificate_button.clicked.connect(lambda: self.add_certificate())
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_provider)
        self.table.verticalHeader().hide()  # a short register: no line numbers, more room
        self.start()
        if self.model.rowCount():
            self.select_row(0)
        watch(hub, self, (Topic.PROVIDERS, Topic.ORDERS), self.on_changed)

    # --- rows ------------------------------------------------------------------------
    def current_filter(self) -> tuple[str, str | None, bool, bool]:
        return (
            self.search_text(),
            self.kind_combo.currentData(),
            self.inactive_check.isChecked(),
            self.warnings_check.isChecked(),
        )

    def read_lines(self, f: tuple[str, str | None, bool, bool]) -> list[ProviderLine]:
        text, kind, inactive, warnings = f
        rows = self._orders.providers(self._actor, include_inactive=inactive, kind=kind)
        performance = self._orders.provider_performance(self._actor, [r.id for r in rows])
        return [
            ProviderLine(r.id, r, performance.get(r.id))
            for r in rows
            if (not text or text.lower() in r.name.lower()) and (not warnings or r.warnings)
        ]

    def new_source(self) -> ServiceRows[ProviderLine]:
        f = self.current_filter()
        return ServiceRows.from_list(lambda: self.read_lines(f), filter=f)

    def count_text(self, n: int) -> str:
        return _("1 provider") if n == 1 else _("{n} providers", n=f"{n:,}")

    def empty_text(self) -> str:
        return _("No provider matches.") if self.search_text() else _("No provider registered yet.")

    def on_changed(self, _changes: Changes | None) -> None:
        self.refresh()

    def update_buttons(self) -> None:
        line = self.selected_row()
        for b in (self.edit_button, self.inspection_button, self.flag_button, self.active_button):
            b.setEnabled(line is not None)
        self.certificate_button.setEnabled(line is not None)
        if line is not None:
            self.active_button.setText(_("Deactivate") if line.provider.is_active else _("Activate"))

    # --- changes ---------------------------------------------------------------------
    def teams(self) -> list[tuple[int, str]]:
        return [(t.id, t.name) for t in self._services.love_bank.teams()]

    def new_provider(self) -> ProviderDialog | None:
        if not self.may_manage:
            return None
        dialog = ProviderDialog(self._orders, self._actor, None, self, teams=self.teams(), today=self._today)
        dialog.accepted.connect(lambda d=dialog: self._saved(d))
        self._dialogs.open(dialog)
        return dialog

    def open_row(self, row: ProviderLine) -> None:
        self.edit_provider(row)

    def edit_provider(self, line: ProviderLine) -> ProviderDialog | None:
        if not self.may_manage:
            return None
        dialog = ProviderDialog(
            self._orders, self._actor, line.provider, self, teams=self.teams(), today=self._today
        )
        dialog.accepted.connect(lambda d=dialog: self._saved(d))
        self._dialogs.open(dialog)
        return dialog

    def _saved(self, dialog: ProviderDialog) -> None:
        if dialog.saved is None:
            return
        self.refresh()
        self.show_changed(dialog.saved.id)
        if dialog.saved.warnings:
            show_info(
                self,
                _("Provider saved"),
                _("Saved, with warnings:") + "\n" + "\n".join(error_text(w) for w in dialog.saved.warnings),
            )

    def record_inspection(self) -> InspectionDialog | None:
        line = self.selected_row()
        if line is None or not self.may_manage:
            return None
        dialog = InspectionDialog(self._orders, self._actor, line.provider, self, today=self._today)
        dialog.accepted.connect(self.refresh)
        self._dialogs.open(dialog)
        return dialog

    def set_flag(self) -> DiscreditDialog | None:
        line = self.selected_row()
        if line is None or not self.may_manage:
            return None
        dialog = DiscreditDialog(self._orders, self._actor, line.provider, self, today=self._today)
        dialog.accepted.connect(self.refresh)
        self._dialogs.open(dialog)
        return dialog

    def toggle_active(self) -> None:
        line = self.selected_row()
        if line is None or not self.may_manage:
            return
        try:
            self._orders.set_provider_active(self._actor, line.id, not line.provider.is_active)
        except DomainError as exc:
            self.show_error(exc)
            return
        if line.provider.is_active and not self.inactive_check.isChecked():
            self.inactive_check.setChecked(True)  # keep the provider in sight, now grey
        self.refresh()
        self.show_changed(line.id)

    def add_certificate(self, path: str | None = None) -> None:
        line = self.selected_row()
        if line is None or not self.may_manage:
            return
        if not path:
            path, _filter = QFileDialog.getOpenFileName(
                self,
                _("Add certificate"),
                "",
                _("Scans and photos (*.pdf *.jpg *.jpeg *.png);;All files (*)"),
            )
        if not path:
            return
        try:
            self._orders.attach_to_provider(self._actor, line.id, Path(path))
        except DomainError as exc:
            self.show_error(exc)
            return
        show_info(
            self,
            _("Add certificate"),
            _("Kept {name} with {provider}.", name=Path(path).name, provider=line.provider.name),
        )
