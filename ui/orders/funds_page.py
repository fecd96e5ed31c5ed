"""资金管理: the funds with their total, committed, paid and remaining sums, and the
payments of the fund selected.

Committed is what orders have bound (drafted budgets, then contract amounts), paid what
went out; remaining is the total less what is committed. The director and the
administrator add and change funds and close one to new work orders; everyone who sees
orders reads the page and prints the month's 政府购买服务明细 (Ctrl+P). The page watches
funds and orders and keeps the selected fund on every refresh.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QTableWidget, QVBoxLayout, QWidget

from desktop.common.changes import Changes, Topic
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Permission
from desktop.opening import Services
from desktop.orders.funds import FundRow
from ui.orders.formatting import (
    INACTIVE_COLOUR,
    NONE,
    WARNING_COLOUR,
    day_text,
    fund_kind_text,
    tranche_text,
    yuan,
    yuan_unit,
)
from ui.orders.fund_dialogs import FundDialog, StatementMonthDialog
from ui.orders.printing import PreviewFactory, show_statement
from ui.orders.tables import fill_rows, read_only
from ui.widgets.background import Task
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.forms import DialogHost
from ui.widgets.i18n import Translator
from ui.widgets.list_page import ListPage, size_columns
from ui.widgets.windowed_model import Column, ServiceRows, WindowedTableModel

_ = Translator("orders")

LOW_SHARE = 0.1
"""A fund with less than a tenth of its total left shows its remaining sum in amber."""


def fund_columns() -> list[Column[FundRow]]:
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    return [
        Column(_("Fund"), lambda f: f.name),
        Column(_("Year"), lambda f: str(f.year)),
        Column(_("Kind"), lambda f: fund_kind_text(f.kind)),
        Column(_("Total"), lambda f: yuan(f.total), align=right),
        Column(_("Committed"), lambda f: yuan(f.committed), align=right),
        Column(_("Paid"), lambda f: yuan(f.paid), align=right),
        Column(_("Remaining"), lambda f: yuan(f.remaining), align=right),
        Column(_("Cap per order"), lambda f: yuan(f.order_cap) if f.order_cap else NONE, align=right),
        Column(_("May not pay for"), lambda f: "、".join(f.excluded_categories) or NONE),
        Column(_("State"), lambda f: _("Open") if f.is_active else _("Closed")),
    ]


class FundTableModel(WindowedTableModel[FundRow]):
    """Closed funds grey; a fund running low amber in its remaining column."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            f = self.row_at(index.row())
            if f is None:
                return None
            if not f.is_active:
                return QBrush(QColor(INACTIVE_COLOUR))
            if index.column() == 6 and f.remaining < f.total * LOW_SHARE:
                return QBrush(QColor(WARNING_COLOUR))
            return None
        return super().data(index, role)


class FundsPage(ListPage[FundRow]):
    """The 资金管理 page.

    Args:
        services: the opened database's services.
        actor: the logged-in user (``VIEW_ORDERS``; changes need ``MANAGE_FUNDS``).
        hub: announces committed changes; the page refreshes on funds and orders.
        parent: the owning widget.
        preview_factory: opens the statement's preview (tests pass a fake).
        today: proposes the month of the statement and the year of a new fund.
    """

    def __init__(
        self,
        services: Services,
        actor: Actor,
        *,
        hub: ChangeHub | None = None,
        parent: QWidget | None = None,
        preview_factory: PreviewFactory | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(
            FundTableModel(fund_columns()),
            parent,
            title=_("Funds"),
            searchable=False,
            count_sample=_("{n} funds", n="1,000"),
            error_title=_("Funds"),
        )
        self.setObjectName("fundsPage")
        self._services = services
        self._orders = services.orders
        self._actor = actor
        self._today = today
        self._preview_factory = preview_factory
        self._centre_name = services.centre.name()
        self._dialogs = DialogHost(self.table)
        self.statement_task: Task | None = None
        self.preview: Any = None
        self.may_manage = actor.can(Permission.MANAGE_FUNDS)
        self.closed_check = QCheckBox(_("Show &closed funds"))
        self.closed_check.setChecked(True)
        self.totals_label = QLabel()
        self.totals_label.setObjectName("sectionTitle")
        self.payments = read_only(
            QTableWidget(),
            [
                _("Day"),
                _("Order"),
                _("Service"),
                _("Provider"),
                _("Tranche"),
                _("Amount"),
                _("Deduction"),
                _("Voucher"),
            ],
        )
        self.payments.horizontalHeader().setStretchLastSection(True)
        self.payments.setMinimumHeight(self.payments.verticalHeader().defaultSectionSize() * 5)
        self.payments_box = QGroupBox(_("Payments of the fund"))
        box = QVBoxLayout(self.payments_box)
        box.addWidget(self.payments)
        self.new_button = self.make_button(
            _("New fund"), _("Add a fund or budget line (Ctrl+N)"), primary=True
        )
        self.edit_button = self.make_button(_("Edit…"), _("Change the selected fund (Enter)"))
        self.close_button = self.make_button(_("Close fund"), _("A closed fund takes no new work orders"))
        self.print_button = self.make_button(
            _("Monthly statement…"), _("Print the month's government purchase statement (Ctrl+P)")
        )
        for b in (self.new_button, self.edit_button, self.close_button):
            if not self.may_manage:  # hide only: showing a parentless button opens a window
                b.hide()
        layout = self.arrange(
            self.title_bar(self.print_button),
            self.filter_bar(self.closed_check),
            below=[
                self.totals_label,
                self.payments_box,
                self.action_bar(
                    self.new_button,
                    self.edit_button,
                    self.close_button,
                    hint=_("Enter: edit   Ctrl+N: new fund   Ctrl+P: monthly statement")
                    if self.may_manage
                    else _("Ctrl+P: monthly statement"),
                ),
            ],
        )
        layout.setStretchFactor(self.table, 2)
        layout.setStretchFactor(self.payments_box, 3)
        headers = [c.header for c in self.model.columns()]
        size_columns(
            self.table,
            {
                0: "2026年党组织服务群众专项经费",
                1: "2026",
                2: "政府购买服务",
                3: "200,000.00",
                4: "200,000.00",
                5: "200,000.00",
                6: "200,000.00",
                7: "20,000.00",
                8: "家政维修",
            },
            headers,
        )
        self.closed_check.toggled.connect(self.apply_filter)
        self.new_button.clicked.connect(self.new_fund)
        self.edit_button.clicked.connect(self.open_selected)
        self.close_button.clicked.connect(self.toggle_active)
        self.print_button.clicked.connect(self.choose_statement)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_fund)
        QShortcut(QKeySequence("Ctrl+P"), self, self.choose_statement)
        self.table.verticalHeader().hide()  # a short register: no line numbers, more room
        self.start()
        if self.model.rowCount():
            self.select_row(0)
        watch(hub, self, (Topic.FUNDS, Topic.ORDERS), self.on_changed)

    # --- rows ------------------------------------------------------------------------
    def current_filter(self) -> bool:
        return self.closed_check.isChecked()

    def new_source(self) -> ServiceRows[FundRow]:
        include = self.current_filter()
        return ServiceRows.from_list(
            lambda: self._orders.funds(self._actor, include_inactive=include), filter=include
        )

    def count_text(self, n: int) -> str:
        return _("1 fund") if n == 1 else _("{n} funds", n=f"{n:,}")

    def empty_text(self) -> str:
        return _("No fund yet.")

    def on_changed(self, _changes: Changes | None) -> None:
        self.refresh()
        self.show_payments()

    def update_buttons(self) -> None:
        f = self.selected_row()
        self.edit_button.setEnabled(f is not None)
        self.close_button.setEnabled(f is not None)
        if f is not None:
            self.close_button.setText(_("Close fund") if f.is_active else _("Reopen fund"))
        self.show_totals()
        self.show_payments()

    def show_totals(self) -> None:
        funds = [self.model.row_at(r) for r in range(self.model.rowCount())]
        shown = [f for f in funds if f is not None]
        self.totals_label.setText(
            _(
                "All shown: total {total} · committed {committed} · paid {paid} · remaining {left}",
                total=yuan_unit(sum(f.total for f in shown)),
                committed=yuan_unit(sum(f.committed for f in shown)),
                paid=yuan_unit(sum(f.paid for f in shown)),
                left=yuan_unit(sum(f.remaining for f in shown)),
            )
        )

    def show_payments(self) -> None:
        f = self.selected_row()
        if f is None:
            fill_rows(self.payments, [])
            self.payments_box.setTitle(_("Payments of the fund"))
            return
        try:
            found = self._orders.payments(self._actor, fund_id=f.id)
        except DomainError as exc:
            self.show_error(exc)
            return
        rows = [
            (
                day_text(p.paid_on),
                p.order_number,
                p.order_title,
                p.provider,
                tranche_text(p.tranche),
                yuan(p.amount),
                yuan(p.deduction) if p.deduction else "",
                p.voucher,
            )
            for p in reversed(found)
        ]
        fill_rows(self.payments, rows, right=(5, 6))
        self.payments.resizeColumnsToContents()
        self.payments_box.setTitle(_("Payments of {fund} ({n})", fund=f.name, n=len(found)))

    # --- changes ---------------------------------------------------------------------
    def new_fund(self) -> FundDialog | None:
        if not self.may_manage:
            return None
        dialog = FundDialog(self._orders, self._actor, None, self, today=self._today)
        dialog.accepted.connect(lambda d=dialog: self.show_changed(d.fund_id))
        self._dialogs.open(dialog)
        return dialog

    def open_row(self, row: FundRow) -> None:
        self.edit_fund(row)

    def edit_fund(self, fund: FundRow) -> FundDialog | None:
        if not self.may_manage:
            return None
        dialog = FundDialog(self._orders, self._actor, fund, self, today=self._today)
        dialog.accepted.connect(lambda d=dialog: self.show_changed(d.fund_id))
        self._dialogs.open(dialog)
        return dialog

    def toggle_active(self) -> None:
        f = self.selected_row()
        if f is None or not self.may_manage:
            return
        try:
            self._orders.set_fund_active(self._actor, f.id, not f.is_active)
        except DomainError as exc:
            self.show_error(exc)
            return
        self.show_changed(f.id)

    # --- the monthly statement --------------------------------------------------------
    def choose_statement(self) -> StatementMonthDialog:
        dialog = StatementMonthDialog(
            self._orders, self._actor, self, today=self._today, on_chosen=self.print_statement
        )
        self._dialogs.open(dialog)
        return dialog

    def print_statement(self, year: int, month: int) -> None:
        self.statement_task = self._print_statement(year, month)

    def _print_statement(self, year: int, month: int) -> Task:
        if self.statement_task is not None and self.statement_task.running:
            return self.statement_task
        return show_statement(
            self._orders,
            self._actor,
            year,
            month,
            self._centre_name,
            self,
            self._preview_factory,
            on_opened=self._opened,
        )

    def _opened(self, preview: Any) -> None:
        self.preview = preview
