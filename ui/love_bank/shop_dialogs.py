"""The 爱心超市 dialogs: a reward item, and a redemption (兑换).

``RedemptionDialog`` makes its idempotency key when it opens, so however often confirm
is pressed (a double click, a retry after an error) the service makes one redemption.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import Actor
from desktop.love_bank.service import Basket, ItemRow, LoveBankService, VolunteerRow
from ui.love_bank.dialogs import ClearOnEdit, GrowToFit, SavingForm, lay_out_table_dialog
from ui.love_bank.finders import volunteer_finder
from ui.love_bank.formatting import item_kind_text, points_text
from ui.love_bank.tables import RIGHT, item
from ui.widgets import palette
from ui.widgets.forms import FieldBox
from ui.widgets.i18n import Translator, error_text, field_messages
from ui.widgets.keys import SAVE_KEYS, submit_keys
from ui.widgets.list_page import EmptyHint, setup_table, size_columns

_ = Translator("lovebank")

WITHDRAWN_COLOUR = QColor(palette.GREY)


# --- item ---------------------------------------------------------------------------------
class ItemDialog(SavingForm):
    """A reward item: name, goods or service, whole-number price, stock, handover later.

    Signals:
        sig_saved(int): the item was saved; carries its id.
    """

    def __init__(
        self,
        love_bank: LoveBankService,
        actor: Actor,
        item_row: ItemRow | None,
        parent: QWidget | None = None,
    ):
        super().__init__(
            love_bank,
            actor,
            _("New item") if item_row is None else _("Edit item: {name}", name=item_row.name),
            parent,
        )
        self.item_row = item_row
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(32)
        self.name_edit.setPlaceholderText(_("e.g. 大米 5kg"))
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(item_kind_text("goods"), "goods")
        self.kind_combo.addItem(item_kind_text("service"), "service")
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
        submit_keys(self, self._submit, SAVE_KEYS)
        self.name_edit.setFocus()

    def store(self) -> int:
        return self._bank.save_item(
            self._actor,
            name=self.name_edit.text(),
            price=self.price_edit.text(),
            stock=self.stock_edit.text(),
            kind=self.kind_combo.currentData(),
            handed_over_later=self.later_check.isChecked(),
            item_id=self.item_row.id if self.item_row is not None else None,
            is_active=self.active_check.isChecked(),
        )


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
        self.setObjectName("redemptionDialog")
        self.setMinimumSize(760, 560)
        self.resize(860, 640)
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
            spin.valueChanged.connect(self._quantity_changed)
            self.table.setCellWidget(row, I_QUANTITY, spin)
            self.spins.append(spin)
            if it.stock <= 0:
                for column in (I_NAME, I_PRICE, I_STOCK):
                    self.table.item(row, column).setForeground(WITHDRAWN_COLOUR)
        self.empty_hint = EmptyHint(self.table)
        self.empty_hint.show_text(None if self.items else _("No items are offered yet."))

        self.total_label = QLabel()
        self.total_label.setObjectName("redeemTotal")
        self.after_label = QLabel()
        self.after_label.setObjectName("redeemAfter")
        self.message, self.confirm_button = lay_out_table_dialog(
            self,
            form,
            self.table,
            (self.total_label, self.after_label),
            _("Confirm redemption"),
            self.confirm,
        )
        self.confirm_button.setObjectName("primary")
        self.confirm_button.setToolTip(_("Ctrl+S or Ctrl+Enter"))
        # Tab: volunteer → each quantity in stock → confirm (now that all are in the window).
        chain: list[QWidget] = [self.finder, *(s for s in self.spins if s.isEnabled()), self.confirm_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

        ClearOnEdit(self.volunteer_box, self.message)
        self.grow = GrowToFit(self)
        self.finder.sig_picked.connect(self.choose)
        self.finder.sig_enter.connect(self._focus_first_quantity)
        self.finder.textEdited.connect(self._typed)
        submit_keys(self, self.confirm, SAVE_KEYS)
        self._update_total()

    # --- content ---------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        if self.volunteer is not None:
            self.volunteer = None
            self._update_total()

    def _quantity_changed(self) -> None:
        self.message.hide()  # "choose an item", "not enough points" were about the old basket
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
        else:
            self.after_label.setText(_("Left after redeeming: {n} points", n=points_text(left)))
        self._mark_over(left < 0)

    def _mark_over(self, over: bool) -> None:
        """Red and bold while the basket costs more than the balance (style sheet: ``[over="true"]``)."""
        if self.after_label.property("over") == over:
            return
        self.after_label.setProperty("over", over)
        self.after_label.style().unpolish(self.after_label)
        self.after_label.style().polish(self.after_label)

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
