"""The 爱心超市 page: reward items, redemptions and the goods still to hand over.

Items have a points price (a whole number above zero) and a stock; low stock is
highlighted. 兑换 opens the redemption dialog: find the volunteer (the balance shows),
choose quantities, watch the total against the balance, confirm. The dialog makes its
idempotency key when it opens, so a double click on confirm — or a retry after an error
— makes one redemption, never two. The receipt (小票) is offered right after.

Items handed over later (a service, goods ordered in) freeze the points until the
handover (核销); the list at the bottom holds those redemptions, each to hand over or to
cancel with a reason (points and stock go back).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import Actor, Permission
from desktop.love_bank.service import FROZEN, Basket, ItemRow, LoveBankService, RedemptionRow, VolunteerRow
from ui.love_bank.printing import PreviewFactory, find_redemption, show_receipt
from ui.love_bank.volunteer_detail import ReasonDialog, redemption_items
from ui.love_bank.volunteers_page import (
    CENTRE,
    RIGHT,
    STYLE,
    EmptyHint,
    format_date,
    item,
    points_text,
    setup_table,
    size_columns,
    volunteer_finder,
)
from ui.widgets.forms import DialogHost, FieldBox, FormDialog
from ui.widgets.i18n import Translator, error_text, field_messages

_ = Translator("lovebank")

LOW_STOCK = 5  # at or below this, the stock is highlighted
LOW_BACKGROUND, LOW_FOREGROUND = QColor("#fff2c6"), QColor("#7a5200")
OUT_BACKGROUND, OUT_FOREGROUND = QColor("#fde2e1"), QColor("#a61b1b")
WITHDRAWN_COLOUR = QColor("#8a8a8a")
OVER_STYLE = "color: #a61b1b; font-weight: bold;"
TOTAL_STYLE = "font-size: 12pt; font-weight: bold; color: #102a43;"


def kind_text(kind: str) -> str:
    return {"goods": _("Goods"), "service": _("Service")}.get(kind, kind)


def handover_text(later: bool) -> str:
    return _("Later (points frozen)") if later else _("At once")


def redemption_number(redemption_id: int) -> str:
    return f"DH{redemption_id:06d}"


# --- item ---------------------------------------------------------------------------------
class ItemDialog(FormDialog):
    """A reward item: name, goods or service, whole-number price, stock, handover later.

    Signals:
        sig_saved(int): the item was saved; carries its id.
    """

    sig_saved = Signal(int)

    def __init__(
        self,
        love_bank: LoveBankService,
        actor: Actor,
        item_row: ItemRow | None,
        parent: QWidget | None = None,
    ):
        super().__init__(
            _("New item") if item_row is None else _("Edit item: {name}", name=item_row.name),
            parent,
        )
        self._bank, self._actor, self.item_row = love_bank, actor, item_row
        self.saved_id: int | None = None
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(32)
        self.name_edit.setPlaceholderText(_("e.g. 大米 5kg"))
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(kind_text("goods"), "goods")
        self.kind_combo.addItem(kind_text("service"), "service")
        self.price_edit = QLineEdit()
        self.price_edit.setPlaceholderText(_("Whole points, e.g. 50"))
        self.stock_edit = QLineEdit()
        self.stock_edit.setPlaceholderText(_("e.g. 20"))
        self.later_check = QCheckBox(_("Handed over later (points are frozen until handover)"))
        self.active_check = QCheckBox(_("Offered in the supermarket"))
        self.active_check.setChecked(True)
        self.add("name", _("Name *"), self.name_edit)
        self.add("kind", _("Kind"), self.kind_combo)
        self.add("price", _("Price in points *"), self.price_edit)
        self.add("stock", _("Stock *"), self.stock_edit)
        self.add("handed_over_later", "", self.later_check)
        self.add("is_active", "", self.active_check)
        if item_row is not None:
            self.name_edit.setText(item_row.name)
            self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(item_row.kind), 0))
            self.price_edit.setText(str(item_row.price))
            self.stock_edit.setText(str(item_row.stock))
            self.later_check.setChecked(item_row.handed_over_later)
            self.active_check.setChecked(item_row.is_active)
        else:
            self.active_check.hide()
        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._submit)
        self.name_edit.setFocus()

    def save(self) -> None:
        self.saved_id = self._bank.save_item(
            self._actor,
            name=self.name_edit.text(),
            price=self.price_edit.text(),
            stock=self.stock_edit.text(),
            kind=self.kind_combo.currentData(),
            handed_over_later=self.later_check.isChecked(),
            item_id=self.item_row.id if self.item_row is not None else None,
            is_active=self.active_check.isChecked(),
        )
        self.sig_saved.emit(self.saved_id)


# --- redemption --------------------------------------------------------------------------
I_NAME, I_PRICE, I_STOCK, I_QUANTITY, I_SUBTOTAL = range(5)


class RedemptionDialog(QDialog):
    """兑换: a volunteer, the items and quantities, the total against the balance.

    The idempotency key is made here, when the dialog opens: however often confirm is
    pressed, the service makes one redemption for it.

    Keys: type the volunteer and Enter; Tab moves through the quantities (↑/↓ change
    them); Ctrl+S or Ctrl+Enter confirms; Esc cancels.

    Signals:
        sig_redeemed(int): the redemption was made; carries its id.
    """

    sig_redeemed = Signal(int)

    def __init__(
        self,
        love_bank: LoveBankService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        volunteer_id: int | None = None,
    ):
        super().__init__(parent)
        self._bank, self._actor = love_bank, actor
        self.idempotency_key = uuid.uuid4().hex
        self.volunteer: VolunteerRow | None = None
        self.redemption_id: int | None = None
        self.items: list[ItemRow] = [i for i in love_bank.items() if i.is_active]
        self.spins: list[QSpinBox] = []
        self.setWindowTitle(_("Redeem points"))
        self.setMinimumSize(760, 560)
        self.resize(860, 640)
        self.setStyleSheet(STYLE)
        self._build()
        if volunteer_id is not None:
            self.choose(love_bank.volunteer(actor, volunteer_id))
        else:
            self.finder.setFocus()

    def _build(self) -> None:
        self.finder = volunteer_finder(self._bank, self._actor, self)
        self.volunteer_box = FieldBox(self.finder)
        self.balance_label = QLabel(_("Find the volunteer first."))
        self.balance_label.setObjectName("hint")
        form = QFormLayout()
        form.addRow(_("Volunteer *"), self.volunteer_box)
        form.addRow("", self.balance_label)

        headers = [_("Item"), _("Price"), _("Stock"), _("Quantity"), _("Points")]
        self.table = QTableWidget(len(self.items), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        setup_table(self.table)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 18)
        size_columns(
            self.table,
            {
                I_NAME: "爱心理发服务（上门）",
                I_PRICE: "10,000",
                I_STOCK: "1,000",
                I_QUANTITY: "1000  ▲▼",
                I_SUBTOTAL: "100,000",
            },
            headers,
        )
        self.table.horizontalHeader().setSectionResizeMode(I_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        for row, it in enumerate(self.items):
            name = it.name + ("  " + _("(handed over later)") if it.handed_over_later else "")
            self.table.setItem(row, I_NAME, item(name))
            self.table.setItem(row, I_PRICE, item(points_text(it.price), RIGHT))
            self.table.setItem(row, I_STOCK, item(it.stock, RIGHT))
            self.table.setItem(row, I_SUBTOTAL, item("", RIGHT))
            spin = QSpinBox()
            spin.setRange(0, max(0, it.stock))
            spin.setEnabled(it.stock > 0)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setToolTip(_("Quantity (↑/↓ or type a number)") if it.stock else _("Out of stock"))
            spin.valueChanged.connect(self._update_total)
            self.table.setCellWidget(row, I_QUANTITY, spin)
            self.spins.append(spin)
            if it.stock <= 0:
                for column in (I_NAME, I_PRICE, I_STOCK):
                    self.table.item(row, column).setForeground(WITHDRAWN_COLOUR)
        self.empty_hint = EmptyHint(self.table)
        self.empty_hint.show_text(None if self.items else _("No items are offered yet."))

        self.total_label = QLabel()
        self.total_label.setStyleSheet(TOTAL_STYLE)
        self.after_label = QLabel()
        totals = QHBoxLayout()
        totals.addWidget(self.total_label)
        totals.addStretch(1)
        totals.addWidget(self.after_label)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox()
        self.confirm_button = buttons.addButton(
            _("Confirm redemption"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm_button.setObjectName("primary")
        self.confirm_button.setToolTip(_("Ctrl+S or Ctrl+Enter"))
        self.confirm_button.setAutoDefault(False)
        cancel = buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(totals)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        # Tab: volunteer → each quantity in stock → confirm (now that all are in the window).
        chain: list[QWidget] = [self.finder, *(s for s in self.spins if s.isEnabled()), self.confirm_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.finder.sig_picked.connect(self.choose)
        self.finder.sig_enter.connect(self._focus_first_quantity)
        self.finder.textEdited.connect(self._typed)
        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.confirm)
        self._update_total()

    # --- content ---------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        if self.volunteer is not None:
            self.volunteer = None
            self._update_total()

    def choose(self, volunteer: VolunteerRow) -> None:
        self.volunteer = volunteer
        self.finder.setText(volunteer.name)
        self.volunteer_box.set_error(None)
        self._update_total()
        self._focus_first_quantity()

    def _focus_first_quantity(self) -> None:
        if self.volunteer is None:
            return
        for spin in self.spins:
            if spin.isEnabled():
                spin.setFocus()
                spin.selectAll()
                return

    def set_quantity(self, item_id: int, quantity: int) -> None:
        for it, spin in zip(self.items, self.spins, strict=True):
            if it.id == item_id:
                spin.setValue(quantity)
                return
        raise KeyError(item_id)

    def basket(self) -> Basket:
        return Basket(
            {it.id: spin.value() for it, spin in zip(self.items, self.spins, strict=True) if spin.value()}
        )

    def total(self) -> int:
        return sum(it.price * spin.value() for it, spin in zip(self.items, self.spins, strict=True))

    def _update_total(self) -> None:
        for row, (it, spin) in enumerate(zip(self.items, self.spins, strict=True)):
            cell = self.table.item(row, I_SUBTOTAL)
            cell.setText(points_text(it.price * spin.value()) if spin.value() else "")
        total = self.total()
        self.total_label.setText(_("Total: {n} points", n=points_text(total)))
        v = self.volunteer
        if v is None:
            self.balance_label.setText(_("Find the volunteer first: type a name and press Enter."))
            self.after_label.setText("")
            return
        text = _(
            "{name} · {team} — {n} points available",
            name=v.name,
            team=v.team or _("No team"),
            n=points_text(v.available),
        )
        if v.frozen:
            text += "  " + _("({n} frozen until handover)", n=points_text(v.frozen))
        self.balance_label.setText(text)
        left = v.available - total
        if left < 0:
            self.after_label.setText(_("Not enough points: {n} more needed", n=points_text(-left)))
            self.after_label.setStyleSheet(OVER_STYLE)
        else:
            self.after_label.setText(_("Left after redeeming: {n} points", n=points_text(left)))
            self.after_label.setStyleSheet("")

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # --- confirming ------------------------------------------------------------------
    def confirm(self) -> int | None:
        """Redeem (once per dialog, whatever the number of clicks); returns the redemption id."""
        if self.redemption_id is not None:
            return self.redemption_id
        self.message.hide()
        self.volunteer_box.set_error(None)
        if self.volunteer is None:
            self.volunteer_box.set_error(_("Find the volunteer first: type a name and press Enter."))
            self.finder.setFocus()
            return None
        basket = self.basket()
        if not basket.items:
            self._show_message(_("Choose at least one item: set its quantity."))
            self._focus_first_quantity()
            return None
        self.confirm_button.setEnabled(False)
        try:
            redemption_id = self._bank.redeem(self._actor, self.volunteer.id, basket, self.idempotency_key)
        except FieldErrors as exc:
            messages = field_messages(exc)
            if "volunteer" in messages:
                self.volunteer_box.set_error(messages.pop("volunteer"))
            if messages:
                self._show_message("\n".join(messages.values()))
            return None
        except DomainError as exc:
            self._show_message(error_text(exc))
            self._refresh_volunteer()
            return None
        finally:
            self.confirm_button.setEnabled(True)
        self.redemption_id = redemption_id
        self.confirm_button.setEnabled(False)
        self.sig_redeemed.emit(redemption_id)
        self.accept()
        return redemption_id

    def _refresh_volunteer(self) -> None:
        """The balance may have changed at another desk: show the one now."""
        if self.volunteer is None:
            return
        try:
            self.volunteer = self._bank.volunteer(self._actor, self.volunteer.id)
        except DomainError:
            return
        self._update_total()


# --- the page ----------------------------------------------------------------------------
P_DATE, P_NUMBER, P_VOLUNTEER, P_POINTS, P_ITEMS = range(5)
T_NAME, T_KIND, T_PRICE, T_STOCK, T_HANDOVER, T_STATUS = range(6)

Ask = Callable[[QWidget, str, str], bool]
"""Asks a yes/no question: ``(parent, title, text) → yes``."""


def ask_yes(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


class SupermarketPage(QWidget):
    """The 爱心超市 page.

    Args:
        love_bank: the love-bank service.
        actor: the logged-in user; without ``MANAGE_LOVE_BANK`` the page is read-only
            (no redeem, no item editing, no handover).
        parent: the owning widget.
        centre_name: printed at the top of the receipt (see ``set_centre_name``).
        preview_factory: opens the receipt preview (tests pass their own).
        ask: asks whether to print the receipt (tests pass their own).

    Signals:
        sig_changed(int): a volunteer's points changed here (redeemed, handed over,
            cancelled); carries the volunteer's id.

    Shortcuts: Ctrl+R redeem, Ctrl+N new item, Enter / F2 / double-click edit the item,
    Ctrl+P print the receipt of the selected handover, F5 refresh.
    """

    sig_changed = Signal(int)
    """A volunteer's points changed (redemption, handover, cancel); carries the volunteer's id."""

    def __init__(
        self,
        love_bank: LoveBankService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        centre_name: str = "",
        preview_factory: PreviewFactory | None = None,
        ask: Ask = ask_yes,
    ):
        super().__init__(parent)
        self._bank = love_bank
        self._actor = actor
        self._centre_name = centre_name
        self._preview_factory = preview_factory
        self._ask = ask
        self.can_manage = actor.can(Permission.MANAGE_LOVE_BANK)
        self.items: list[ItemRow] = []
        self.pending: list[RedemptionRow] = []
        self._dialogs = DialogHost()
        self.preview: Any = None
        self._cancelling: RedemptionRow | None = None
        self.setStyleSheet(STYLE)
        self._build()
        self._connect_callbacks()
        self.refresh()

    def set_centre_name(self, name: str) -> None:
        self._centre_name = name

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        fm = self.fontMetrics()
        height = fm.height() * 2 + 8

        def button(text: str, tip: str) -> QPushButton:
            b = QPushButton(text)
            b.setToolTip(tip)
            b.setMinimumHeight(height)
            b.setMinimumWidth(fm.horizontalAdvance("M") * 8)
            b.setAutoDefault(False)
            b.setVisible(self.can_manage)
            return b

        self.redeem_button = button(_("Redeem…"), _("A volunteer takes items for points (Ctrl+R)"))
        self.redeem_button.setObjectName("primary")
        self.new_button = button(_("New item"), _("Add an item to the supermarket (Ctrl+N)"))
        self.edit_button = button(_("Edit item"), _("Edit the selected item: price, stock … (Enter)"))
        self.withdrawn_check = QCheckBox(_("Show withdrawn items"))
        self.hint_label = QLabel(
            _("Ctrl+R: redeem   Ctrl+N: new item   Enter: edit item")
            if self.can_manage
            else _("Only a volunteer coordinator can redeem points or change items.")
        )
        self.hint_label.setObjectName("hint")
        self.message_label = QLabel()
        self.message_label.setObjectName("savedBar")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        actions = QHBoxLayout()
        actions.setSpacing(8)
        for b in (self.redeem_button, self.new_button, self.edit_button):
            actions.addWidget(b)
        actions.addSpacing(12)
        actions.addWidget(self.withdrawn_check)
        actions.addStretch(1)
        actions.addWidget(self.hint_label)

        headers = [_("Item"), _("Kind"), _("Price (points)"), _("Stock"), _("Handover"), _("Status")]
        self.items_table = QTableWidget(0, len(headers))
        self._dialogs.focus_on(self.items_table)
        self.items_table.setHorizontalHeaderLabels(headers)
        setup_table(self.items_table)
        size_columns(
            self.items_table,
            {
                T_NAME: "爱心理发服务（上门）",
                T_KIND: kind_text("service"),
                T_PRICE: "10,000",
                T_STOCK: "1,000",
                T_HANDOVER: handover_text(True),
            },
            headers,
        )
        self.items_empty = EmptyHint(self.items_table)
        self.stock_label = QLabel()
        self.stock_label.setObjectName("hint")
        items_box = QGroupBox(_("Items"))
        ib = QVBoxLayout(items_box)
        ib.setContentsMargins(8, 6, 8, 8)
        ib.addWidget(self.items_table, 1)
        ib.addWidget(self.stock_label)

        headers = [_("Date"), _("Number"), _("Volunteer"), _("Points frozen"), _("Items")]
        self.pending_table = QTableWidget(0, len(headers))
        self.pending_table.setHorizontalHeaderLabels(headers)
        setup_table(self.pending_table)
        size_columns(
            self.pending_table,
            {P_DATE: "2026-11-23 09:30", P_NUMBER: "DH000123", P_VOLUNTEER: "欧阳秀英", P_POINTS: "10,000"},
            headers,
        )
        self.pending_empty = EmptyHint(self.pending_table)
        self.hand_over_button = QPushButton(_("Hand over"))
        self.hand_over_button.setToolTip(
            _("The goods or service were handed over (核销): the frozen points are spent")
        )
        self.cancel_button = QPushButton(_("Cancel redemption…"))
        self.cancel_button.setToolTip(_("Give back the points and the stock; a reason is required"))
        self.receipt_button = QPushButton(_("Print receipt…"))
        self.receipt_button.setToolTip(_("Print the receipt of the selected redemption again (Ctrl+P)"))
        for b in (self.hand_over_button, self.cancel_button, self.receipt_button):
            b.setAutoDefault(False)
            b.setVisible(self.can_manage)
        self.pending_box = QGroupBox()
        pb = QVBoxLayout(self.pending_box)
        pb.setContentsMargins(8, 6, 8, 8)
        pb.addWidget(self.pending_table, 1)
        row = QHBoxLayout()
        for b in (self.hand_over_button, self.cancel_button, self.receipt_button):
            row.addWidget(b)
        row.addStretch(1)
        pb.addLayout(row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)
        layout.addLayout(actions)
        layout.addWidget(self.message_label)
        layout.addWidget(items_box, 3)
        layout.addWidget(self.pending_box, 2)

    def _connect_callbacks(self) -> None:
        self.redeem_button.clicked.connect(self.redeem)
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.withdrawn_check.toggled.connect(self.refresh_items)
        self.items_table.doubleClicked.connect(self.edit_selected)
        self.items_table.itemSelectionChanged.connect(self._update_buttons)
        self.pending_table.itemSelectionChanged.connect(self._update_buttons)
        self.hand_over_button.clicked.connect(self.hand_over_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.receipt_button.clicked.connect(self.reprint_selected)
        self.items_table.installEventFilter(self)
        shortcuts: list[tuple[str, Callable[[], Any]]] = [("F5", self.refresh)]
        if self.can_manage:
            shortcuts += [
                ("Ctrl+R", self.redeem),
                ("Ctrl+N", self.new_item),
                ("F2", self.edit_selected),
                ("Ctrl+P", self.reprint_selected),
            ]
        for keys, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- content ---------------------------------------------------------------------
    def refresh(self) -> None:
        self.refresh_items()
        self.refresh_pending()

    def refresh_items(self) -> None:
        keep = self.selected_item()
        self.items = self._bank.items(include_inactive=self.withdrawn_check.isChecked())
        t = self.items_table
        t.setRowCount(len(self.items))
        low = 0
        for row, it in enumerate(self.items):
            cells = [
                item(it.name, data=it.id),
                item(kind_text(it.kind), CENTRE),
                item(points_text(it.price), RIGHT),
                item(points_text(it.stock), RIGHT),
                item(handover_text(it.handed_over_later)),
                item(_("Offered") if it.is_active else _("Withdrawn"), CENTRE),
            ]
            if it.is_active and it.stock <= LOW_STOCK:
                low += 1
                out = it.stock == 0
                cells[T_STOCK].setBackground(OUT_BACKGROUND if out else LOW_BACKGROUND)
                cells[T_STOCK].setForeground(OUT_FOREGROUND if out else LOW_FOREGROUND)
                cells[T_STOCK].setToolTip(_("Out of stock") if out else _("Low stock"))
            if not it.is_active:
                for c in cells:
                    c.setForeground(WITHDRAWN_COLOUR)
            for column, cell in enumerate(cells):
                t.setItem(row, column, cell)
            if keep is not None and it.id == keep.id:
                t.selectRow(row)
        self.stock_label.setText(
            _("{n} items low on stock (at most {low}).", n=low, low=LOW_STOCK) if low else ""
        )
        empty = _("No items yet.")
        if self.can_manage:
            empty += "\n" + _("Press Ctrl+N to add one.")
        self.items_empty.show_text(None if self.items else empty)
        self._update_buttons()

    def refresh_pending(self) -> None:
        keep = self.selected_pending()
        try:
            self.pending = self._bank.redemptions(self._actor, status=FROZEN)
        except DomainError as exc:
            self._show_error(exc)
            self.pending = []
        t = self.pending_table
        t.setRowCount(len(self.pending))
        for row, r in enumerate(self.pending):
            cells = [
                item(format_date(r.created_at), data=r.id),
                item(redemption_number(r.id)),
                item(r.volunteer),
                item(points_text(r.points), RIGHT),
                item(redemption_items(r)),
            ]
            cells[P_ITEMS].setToolTip(redemption_items(r))
            for column, cell in enumerate(cells):
                t.setItem(row, column, cell)
            if keep is not None and r.id == keep.id:
                t.selectRow(row)
        self.pending_box.setTitle(_("Waiting for handover (核销): {n}", n=len(self.pending)))
        self.pending_empty.show_text(None if self.pending else _("Nothing is waiting for handover."))
        self._update_buttons()

    def selected_item(self) -> ItemRow | None:
        rows = self.items_table.selectionModel().selectedRows()
        at = rows[0].row() if rows else -1
        return self.items[at] if 0 <= at < len(self.items) else None

    def selected_pending(self) -> RedemptionRow | None:
        rows = self.pending_table.selectionModel().selectedRows()
        at = rows[0].row() if rows else -1
        return self.pending[at] if 0 <= at < len(self.pending) else None

    def select_item(self, item_id: int) -> None:
        for row, it in enumerate(self.items):
            if it.id == item_id:
                self.items_table.selectRow(row)
                return

    def select_pending(self, redemption_id: int) -> None:
        for row, r in enumerate(self.pending):
            if r.id == redemption_id:
                self.pending_table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected_item() is not None)
        has = self.selected_pending() is not None
        for b in (self.hand_over_button, self.cancel_button, self.receipt_button):
            b.setEnabled(has)

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    # --- items -----------------------------------------------------------------------
    def new_item(self) -> QDialog | None:
        if not self.can_manage:
            return None
        return self._item_dialog(None)

    def edit_selected(self) -> QDialog | None:
        it = self.selected_item()
        if not self.can_manage or it is None:
            return None
        return self._item_dialog(it)

    def _item_dialog(self, it: ItemRow | None) -> QDialog:
        dialog = ItemDialog(self._bank, self._actor, it, self)
        dialog.sig_saved.connect(self._item_saved)
        self._dialogs.open(dialog)
        return dialog

    def _item_saved(self, item_id: int) -> None:
        self.refresh_items()
        self.select_item(item_id)

    # --- redemptions -----------------------------------------------------------------
    def redeem(self, volunteer_id: int | None = None) -> QDialog | None:
        if not self.can_manage:
            return None
        try:
            dialog = RedemptionDialog(self._bank, self._actor, self, volunteer_id=volunteer_id)
        except DomainError as exc:
            self._show_error(exc)
            return None
        # Once the dialog has closed: the receipt question must not sit on top of it.
        dialog.accepted.connect(self._redeemed)
        self._dialogs.open(dialog)
        return dialog

    def _redeemed(self) -> None:
        dialog = self.dialog
        self.refresh()
        if not isinstance(dialog, RedemptionDialog):
            return
        volunteer, redemption_id = dialog.volunteer, dialog.redemption_id
        if volunteer is None or redemption_id is None:
            return
        self.sig_changed.emit(volunteer.id)
        try:
            redemption = find_redemption(self._bank, self._actor, volunteer.id, redemption_id)
        except DomainError as exc:
            self._show_error(exc)
            return
        if redemption.status == FROZEN:
            text = _(
                "{name} redeemed {items} for {n} points; the points are frozen until handover.",
                name=volunteer.name,
                items=redemption_items(redemption),
                n=points_text(redemption.points),
            )
            self.select_pending(redemption_id)
        else:
            text = _(
                "{name} redeemed {items} for {n} points.",
                name=volunteer.name,
                items=redemption_items(redemption),
                n=points_text(redemption.points),
            )
        self.show_message(text)
        if self._ask(self, _("Print receipt"), text + "\n\n" + _("Print the receipt (小票) now?")):
            self.print_receipt(redemption)

    def print_receipt(self, redemption: RedemptionRow, *, reprint: bool = False) -> None:
        try:
            self.preview = show_receipt(
                self._bank,
                self._actor,
                redemption,
                self._centre_name,
                self,
                self._preview_factory,
                reprint=reprint,
            )
        except DomainError as exc:
            self._show_error(exc)
        except OSError as exc:
            QMessageBox.warning(
                self, _("Print receipt"), _("The PDF could not be written: {error}", error=exc)
            )

    def reprint_selected(self) -> None:
        r = self.selected_pending()
        if r is not None and self.can_manage:
            self.print_receipt(r, reprint=True)

    def hand_over_selected(self) -> None:
        r = self.selected_pending()
        if not self.can_manage or r is None:
            return
        try:
            self._bank.hand_over(self._actor, r.id)
        except DomainError as exc:
            self._show_error(exc)
            self.refresh_pending()
            return
        self.show_message(
            _(
                "Handed over to {name}: {items} ({n} points).",
                name=r.volunteer,
                items=redemption_items(r),
                n=points_text(r.points),
            )
        )
        self.refresh_pending()
        self.sig_changed.emit(r.volunteer_id)

    def cancel_selected(self) -> QDialog | None:
        r = self.selected_pending()
        if not self.can_manage or r is None:
            return None
        dialog = ReasonDialog(
            _("Cancel redemption"),
            _(
                "Cancel redemption {number} ({items}, {n} points)? The points go back to the "
                "volunteer and the items back into stock.",
                number=redemption_number(r.id),
                items=redemption_items(r),
                n=points_text(r.points),
            ),
            _("Cancel redemption"),
            partial(self._bank.cancel_redemption, self._actor, r.id),
            self,
        )
        self._cancelling = r
        dialog.accepted.connect(self._cancelled)
        self._dialogs.open(dialog)
        return dialog

    def _cancelled(self) -> None:
        r = self._cancelling
        if r is None:
            return
        self._cancelling = None
        self.show_message(
            _(
                "Redemption {number} cancelled; {n} points went back to {name}.",
                number=redemption_number(r.id),
                n=points_text(r.points),
                name=r.volunteer,
            )
        )
        self.refresh()
        self.sig_changed.emit(r.volunteer_id)

    @property
    def dialog(self) -> QDialog | None:
        """The dialog open on this page, if any."""
        return self._dialogs.current

    def _show_error(self, exc: DomainError) -> None:
        QMessageBox.warning(self, _("Love supermarket"), error_text(exc))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.items_table
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.edit_selected()
            return True
        return super().eventFilter(watched, event)


__all__ = ["ItemDialog", "RedemptionDialog", "SupermarketPage"]
