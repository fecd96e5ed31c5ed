"""点单服务: the board of service orders by stage.

On the left the stages of the flow (待审核, 待制单 … 已结算, then the closed ones) with
how many orders each holds under the filters, and how many of them are overdue (in
red); on the right the orders of the chosen stage, newest first, in a windowed table
(100,000 orders open as fast as 100). Overdue orders are red, orders that came back to
the community with a warning (declined, not accepted in time, to redo …) amber.

The filters — order number, category, provider, fund, grid, resident, the day ordered,
overdue only, warnings only — go to the core's SQL filter; the counts follow them.
Ctrl+F searches a number, Ctrl+N records a new order (居民点单), Enter opens the selected
order's page, F5 reads everything again. The page watches the orders, providers, funds
and the menu, and keeps the selected order on every refresh.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.common.changes import Changes, Topic
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Permission
from desktop.opening import Services
from desktop.orders.queries import Board, OrderRow
from desktop.orders.service import OrderFilter
from desktop.orders.states import BOARD_STAGES, Action, Stage, may
from ui.orders.detail import OrderDetailDialog
from ui.orders.fields import date_edit, to_date
from ui.orders.finders import resident_finder
from ui.orders.formatting import (
    ATTENTION_COLOUR,
    INACTIVE_COLOUR,
    OVERDUE_COLOUR,
    attention_text,
    day_text,
    stage_text,
    time_text,
    yuan,
)
from ui.orders.place_dialog import PlaceOrderDialog
from ui.orders.printing import PreviewFactory
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.forms import DialogHost
from ui.widgets.i18n import Translator
from ui.widgets.list_page import ListPage, size_columns
from ui.widgets.windowed_model import Column, ServiceRows, WindowedTableModel

_ = Translator("orders")

OPEN = "open"
ALL = ""
ANY_DATE, THIS_MONTH, LAST_30_DAYS, THIS_YEAR, CUSTOM_DATES = "any", "month", "30days", "year", "custom"

CLOSED = frozenset({Stage.REJECTED, Stage.SETTLED, Stage.TERMINATED, Stage.CANCELLED})


def board_columns() -> list[Column[OrderRow]]:
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

    def stage(r: OrderRow) -> str:
        text = stage_text(r.stage)
        if r.attention:
            text += " ⚠"
        return text

    def due(r: OrderRow) -> str:
        if r.due_at is None:
            return ""
        return _("{moment} overdue", moment=time_text(r.due_at)) if r.overdue else time_text(r.due_at)

    return [
        Column(_("Number"), lambda r: r.number),
        Column(_("Ordered"), lambda r: day_text(r.ordered_at)),
        Column(_("Resident"), lambda r: r.resident_name),
        Column(_("Grid"), lambda r: r.grid),
        Column(_("Service"), lambda r: f"{r.category} / {r.title}" if r.category != r.title else r.title),
        Column(_("Stage"), stage),
        Column(_("Provider"), lambda r: r.provider),
        Column(
            _("Amount"),
            lambda r: yuan(r.contract_amount if r.contract_amount is not None else r.budget or None),
            align=right,
        ),
        Column(_("Deadline"), lambda r: day_text(r.deadline) if r.deadline else ""),
        Column(_("Stage due"), due),
    ]


class OrderTableModel(WindowedTableModel[OrderRow]):
    """The board's rows, overdue ones red, those with a warning amber, closed ones grey."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_at(index.row())
            if row is None:
                return None
            if row.overdue:
                return QBrush(QColor(OVERDUE_COLOUR))
            if row.attention:
                return QBrush(QColor(ATTENTION_COLOUR))
            if row.stage in CLOSED:
                return QBrush(QColor(INACTIVE_COLOUR))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self.row_at(index.row())
            if row is None:
                return None
            tips = [f"{row.number} {row.title}"]
            if row.attention:
                tips.append(attention_text(row.attention))
            if row.overdue:
                tips.append(_("Overdue since {moment}", moment=time_text(row.due_at)))
            return "\n".join(tips)
        return super().data(index, role)


class OrdersBoardPage(ListPage[OrderRow]):
    """The 点单服务 board.

    Args:
        services: the opened database's services.
        actor: the logged-in user (needs ``VIEW_ORDERS``).
        hub: announces committed changes; the page refreshes when orders, providers,
            funds or the menu change.
        parent: the owning widget.
        preview_factory: opens PDF previews (tests pass a fake).
        today: the day the dialogs propose.
        expire_on_show: when first shown, put back on the list the orders nobody
            accepted in time (a write; the screenshots turn it off).

    Shortcuts: Ctrl+F number search, Ctrl+N new order, Enter open, F5 refresh.
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
        expire_on_show: bool = True,
    ):
        super().__init__(
            OrderTableModel(board_columns()),
            parent,
            title=_("Service orders"),
            search_placeholder=_("Order number, e.g. DD202612-00001"),
            search_tip=_("Orders whose number starts with the text (Ctrl+F); Esc clears"),
            count_sample=_("{n} orders", n="100,000"),
            error_title=_("Service orders"),
        )
        self.setObjectName("ordersBoard")
        self._services = services
        self._orders = services.orders
        self._actor = actor
        self._hub = hub
        self._preview_factory = preview_factory
        self._today = today
        self._expired_checked = not expire_on_show
        self.board: Board | None = None
        self.resident_id: int | None = None
        self.resident_name = ""
        self.detail_dialog: OrderDetailDialog | None = None
        self._dialogs = DialogHost(self.table)
        self._build()
        self.start()
        watch(hub, self, (Topic.ORDERS, Topic.PROVIDERS, Topic.FUNDS, Topic.SERVICE_MENU), self.on_changed)

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        height = self.control_height - 4
        self.category_combo = self.make_combo(_("Category of the menu"))
        self.provider_combo = self.make_combo(_("Provider"))
        self.fund_combo = self.make_combo(_("Fund"))
        self.grid_combo = self.make_combo(_("Grid of the resident"))
        for combo in (self.category_combo, self.provider_combo, self.fund_combo, self.grid_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(9)
        self._fill_choices()
        self.grid_combo.addItem(_("All grids"), None)
        for grid_id, name in self._services.residents.grids():
            self.grid_combo.addItem(name, grid_id)

        self.resident_edit = resident_finder(self._services, self._actor, self)
        self.resident_edit.setPlaceholderText(_("Orders of one resident…"))
        self.resident_edit.setMinimumHeight(height)
        self.resident_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 16)
        self.resident_edit.sig_picked.connect(lambda r: self.show_resident(r.id, r.name))
        self.resident_chip = QPushButton()
        self.resident_chip.setObjectName("filterChip")
        self.resident_chip.setToolTip(_("Show the orders of every resident again"))
        self.resident_chip.setAutoDefault(False)
        self.resident_chip.setMinimumHeight(height)
        self.resident_chip.clicked.connect(self.clear_resident)
        self.resident_chip.hide()

        self.date_combo = self.make_combo(_("Day ordered"))
        for key, label in (
            (ANY_DATE, _("Any day")),
            (THIS_MONTH, _("This month")),
            (LAST_30_DAYS, _("Last 30 days")),
            (THIS_YEAR, _("This year")),
            (CUSTOM_DATES, _("From … to …")),
        ):
            self.date_combo.addItem(label, key)
        today = self._today()
        self.date_from = date_edit(today - dt.timedelta(days=30))
        self.date_to = date_edit(today)
        for edit, tip in (
            (self.date_from, _("Ordered on or after")),
            (self.date_to, _("Ordered on or before")),
        ):
            edit.setToolTip(tip)
            edit.setMinimumHeight(height)
            edit.setEnabled(False)
        self.overdue_check = QCheckBox(_("&Overdue only"))
        self.attention_check = QCheckBox(_("&Warnings only"))
        self.attention_check.setToolTip(
            _("Orders that came back to the community: declined, expired, to redo …")
        )
        self.clear_button = QPushButton(_("Clear filters"))
        self.clear_button.setAutoDefault(False)
        self.clear_button.setMinimumHeight(height)
        self.clear_button.clicked.connect(self.clear_filters)

        self.stage_list = QListWidget()
        self.stage_list.setObjectName("stageList")
        self.stage_list.setToolTip(_("Stages with their orders (overdue in red); ↑/↓ choose"))
        stages_label = QLabel(_("&Stages"))
        stages_label.setObjectName("sectionTitle")
        stages_label.setBuddy(self.stage_list)
        self.stage_list.addItem(QListWidgetItem(""))
        self.stage_list.item(0).setData(Qt.ItemDataRole.UserRole, OPEN)
        for stage in BOARD_STAGES:
            item = QListWidgetItem("")
            item.setData(Qt.ItemDataRole.UserRole, stage.value)
            self.stage_list.addItem(item)
        all_item = QListWidgetItem("")
        all_item.setData(Qt.ItemDataRole.UserRole, ALL)
        self.stage_list.addItem(all_item)
        self.stage_list.setCurrentRow(0)
        fm = self.fontMetrics()
        widest = _("{stage}  {n}  ({late} overdue)", stage="待审批", n="99,999", late="999")
        self.stage_list.setFixedWidth(fm.horizontalAdvance(widest) + 36)

        self.new_button = self.make_button(
            _("New order"), _("Record a resident's order (Ctrl+N)"), primary=True
        )
        if not may(self._actor, Action.PLACE):  # hide only: never show a parentless button
            self.new_button.hide()
        self.open_button = self.make_button(_("Open"), _("Open the selected order (Enter)"))
        self.new_button.clicked.connect(self.new_order)
        self.open_button.clicked.connect(self.open_selected)

        first = QHBoxLayout()
        first.setSpacing(8)
        first.addWidget(self.search_edit, 1)
        for w in (self.category_combo, self.provider_combo, self.fund_combo, self.grid_combo):
            first.addWidget(w)
        first.addWidget(self.count_label)
        second = QHBoxLayout()
        second.setSpacing(8)
        second.addWidget(self.resident_edit)
        second.addWidget(self.resident_chip)
        second.addWidget(self.date_combo)
        second.addWidget(self.date_from)
        second.addWidget(QLabel("–"))
        second.addWidget(self.date_to)
        second.addWidget(self.overdue_check)
        second.addWidget(self.attention_check)
        second.addWidget(self.clear_button)
        second.addStretch(1)
        stages = QVBoxLayout()
        stages.setSpacing(4)
        stages.addWidget(stages_label)
        stages.addWidget(self.stage_list, 1)
        body = QHBoxLayout()
        body.setSpacing(10)
        body.addLayout(stages)
        body.addWidget(self.table, 1)
        footer = self.action_bar(
            self.new_button,
            self.open_button,
            hint=_("Enter: open   Ctrl+N: new order   Ctrl+F: number   F5: refresh"),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)
        layout.addLayout(self.title_bar())
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addLayout(body, 1)
        layout.addLayout(footer)

        headers = [c.header for c in self.model.columns()]
        size_columns(
            self.table,
            {
                0: "DD202612-00001",
                1: "2026-12-31",
                2: "欧阳秀英",
                3: "幸福社区第10网格",
                4: "助老服务 / 上门理发",
                5: "待审批 ⚠",
                6: "幸福社会工作服务中心",
                7: "100,000.00",
                8: "2026-12-31",
            },
            headers,
        )

        for combo in (
            self.category_combo,
            self.provider_combo,
            self.fund_combo,
            self.grid_combo,
            self.date_combo,
        ):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.date_combo.currentIndexChanged.connect(self._on_date_preset)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.apply_filter)
        for check in (self.overdue_check, self.attention_check):
            check.toggled.connect(self.apply_filter)
        self.stage_list.currentRowChanged.connect(self.apply_filter)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_order)
        QShortcut(QKeySequence("F5"), self, self.refresh_all)

    def _fill_choices(self) -> None:
        """The category, provider and fund filters (again after those change, keeping what
        is chosen)."""
        kept = [c.currentData() for c in (self.category_combo, self.provider_combo, self.fund_combo)]
        for combo in (self.category_combo, self.provider_combo, self.fund_combo):
            combo.blockSignals(True)
            combo.clear()
        self.category_combo.addItem(_("All categories"), None)
        for category in self._orders.menu_categories():
            self.category_combo.addItem(category, category)
        self.provider_combo.addItem(_("All providers"), None)
        for p in self._orders.providers(self._actor):
            self.provider_combo.addItem(p.name, p.id)
        self.fund_combo.addItem(_("All funds"), None)
        for f in self._orders.funds(self._actor):
            self.fund_combo.addItem(f.name, f.id)
        for combo, data in zip(
            (self.category_combo, self.provider_combo, self.fund_combo), kept, strict=True
        ):
            combo.setCurrentIndex(max(0, combo.findData(data)))
            combo.blockSignals(False)

    # --- the filter ------------------------------------------------------------------
    def stage(self) -> str:
        item = self.stage_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else OPEN

    def current_filter(self) -> OrderFilter:
        date_from = date_to = None
        if self.date_combo.currentData() != ANY_DATE:
            date_from, date_to = to_date(self.date_from.date()), to_date(self.date_to.date())
        return OrderFilter(
            stage=self.stage() or None,
            overdue=self.overdue_check.isChecked(),
            attention=self.attention_check.isChecked(),
            category=self.category_combo.currentData(),
            provider_id=self.provider_combo.currentData(),
            fund_id=self.fund_combo.currentData(),
            grid_id=self.grid_combo.currentData(),
            resident_id=self.resident_id,
            date_from=date_from,
            date_to=date_to,
            number=self.search_text(),
        )

    def new_source(self) -> ServiceRows[OrderRow]:
        f = self.current_filter()
        self.update_counts(f)
        return ServiceRows(
            lambda: self._orders.count(self._actor, f),
            lambda offset, limit: self._orders.rows(self._actor, f, offset, limit),
            filter=f,
        )

    def update_counts(self, f: OrderFilter | None = None) -> None:
        """The stage list's counts under the filters (the stage aside)."""
        f = f or self.current_filter()
        try:
            self.board = self._orders.board(self._actor, f)
        except DomainError as exc:
            self.show_error(exc)
            return
        counts = {c.stage.value: c for c in self.board.stages}
        open_count = sum(c.count for c in self.board.stages if c.stage not in CLOSED)
        open_late = sum(c.overdue for c in self.board.stages if c.stage not in CLOSED)
        for i in range(self.stage_list.count()):
            item = self.stage_list.item(i)
            key = item.data(Qt.ItemDataRole.UserRole)
            if key == OPEN:
                name, n, late = _("Open orders"), open_count, open_late
            elif key == ALL:
                name, n, late = _("All orders"), self.board.total, self.board.overdue
            else:
                c = counts[key]
                name, n, late = stage_text(key), c.count, c.overdue
            if late:
                item.setText(_("{stage}  {n}  ({late} overdue)", stage=name, n=f"{n:,}", late=late))
                item.setForeground(QBrush(QColor(OVERDUE_COLOUR)))
            else:
                item.setText(_("{stage}  {n}", stage=name, n=f"{n:,}"))
                item.setForeground(QBrush(QColor(INACTIVE_COLOUR if not n else "#1f2933")))

    def count_text(self, n: int) -> str:
        return _("1 order") if n == 1 else _("{n} orders", n=f"{n:,}")

    def empty_text(self) -> str:
        return (
            _("No order matches the filters.")
            if self.board and self.board.total
            else _("No service order yet.")
        )

    # --- filters: resident, dates, clearing --------------------------------------------
    def show_resident(self, resident_id: int, name: str) -> None:
        """Show the orders of one resident, with a chip "Resident: 张三 ×" to go back."""
        self.resident_id, self.resident_name = resident_id, name
        self.resident_chip.setText(_("Resident: {name}  ×", name=name))
        self.resident_chip.show()
        self.resident_edit.reset()
        self.resident_edit.hide()
        self.apply_filter()

    def clear_resident(self) -> None:
        self.resident_id, self.resident_name = None, ""
        self.resident_chip.hide()
        self.resident_edit.show()
        self.apply_filter()
        self.resident_edit.setFocus()

    def _on_date_preset(self) -> None:
        preset = self.date_combo.currentData()
        today = self._today()
        start = {
            THIS_MONTH: today.replace(day=1),
            LAST_30_DAYS: today - dt.timedelta(days=30),
            THIS_YEAR: today.replace(month=1, day=1),
        }.get(preset)
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
        if start is not None:
            self.date_from.setDate(QDate(start.year, start.month, start.day))
            self.date_to.setDate(QDate(today.year, today.month, today.day))
        custom = preset == CUSTOM_DATES
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(False)
        self.apply_filter()

    def clear_filters(self) -> None:
        widgets = (
            self.category_combo,
            self.provider_combo,
            self.fund_combo,
            self.grid_combo,
            self.date_combo,
            self.overdue_check,
            self.attention_check,
            self.stage_list,
            self.search_edit,
        )
        for w in widgets:
            w.blockSignals(True)
        for combo in widgets[:5]:
            combo.setCurrentIndex(0)
        self.overdue_check.setChecked(False)
        self.attention_check.setChecked(False)
        self.stage_list.setCurrentRow(0)
        self.search_edit.clear()
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        for w in widgets:
            w.blockSignals(False)
        self.resident_id, self.resident_name = None, ""
        self.resident_chip.hide()
        self.resident_edit.show()
        self.apply_filter()

    def select_stage(self, stage: str) -> None:
        """Show the orders of ``stage`` (a ``Stage`` value, ``"open"`` or ``""`` for all)."""
        for i in range(self.stage_list.count()):
            if self.stage_list.item(i).data(Qt.ItemDataRole.UserRole) == stage:
                self.stage_list.setCurrentRow(i)
                return

    # --- refreshing ------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._expired_checked:
            self._expired_checked = True
            self.expire_overdue()

    def expire_overdue(self) -> int:
        """Put back on the community's list the orders nobody accepted in time (the
        board does it when it is first shown, for a user who may)."""
        if not may(self._actor, Action.EXPIRE):
            return 0
        try:
            return self._orders.expire_overdue(self._actor)
        except DomainError as exc:
            self.show_error(exc)
            return 0

    def on_changed(self, changes: Changes | None) -> None:
        if changes is None or changes.touches((Topic.PROVIDERS, Topic.FUNDS, Topic.SERVICE_MENU)):
            self._fill_choices()
        self.refresh_all()

    def refresh_all(self) -> None:
        """Counts and rows again, keeping the selected order and the scroll position."""
        self.update_counts()
        self.refresh()

    # --- opening ---------------------------------------------------------------------
    def open_row(self, row: OrderRow) -> None:
        self.open_order(row.id)

    def open_order(self, order_id: int) -> OrderDetailDialog | None:
        """Open the page of an order (window-modal, not blocking)."""
        try:
            dialog = OrderDetailDialog(
                self._services,
                self._actor,
                order_id,
                self,
                hub=self._hub,
                preview_factory=self._preview_factory,
                today=self._today,
            )
        except DomainError as exc:
            self.show_error(exc)
            return None
        if self._hub is None:  # nobody announces the change: refresh by hand
            dialog.sig_changed.connect(lambda _id: self.refresh_all())
        self.detail_dialog = dialog
        self._dialogs.open(dialog)
        return dialog

    def new_order(self) -> PlaceOrderDialog | None:
        """居民点单 (Ctrl+N): the new order is selected once saved."""
        if not may(self._actor, Action.PLACE):
            return None
        dialog = PlaceOrderDialog(self._services, self._actor, self)
        dialog.accepted.connect(lambda d=dialog: self._placed(d.order_id))
        self._dialogs.open(dialog)
        return dialog

    def _placed(self, order_id: int | None) -> None:
        if order_id is None:
            return
        if self.stage() not in (OPEN, ALL, Stage.PENDING_REVIEW.value):
            self.select_stage(Stage.PENDING_REVIEW.value)
        self.update_counts()
        self.show_changed(order_id)

    def update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_row() is not None)

    def dialogs(self) -> DialogHost:
        return self._dialogs


def may_view(actor: Actor) -> bool:
    """Whether the board is for this user (every role that sees orders)."""
    return actor.can(Permission.VIEW_ORDERS)


__all__ = ["OrderTableModel", "OrdersBoardPage", "board_columns", "may_view"]
