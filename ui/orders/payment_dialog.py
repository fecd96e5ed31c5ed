"""政府买单: the director records a payment of an order — the tranche (预付, 中期, 尾款), the
amount, the day, the voucher number, the fund line it comes from, an optional 核减
(deduction) with its reason, and the director's written reason when the payment takes
the order above its contract.

The contract, what was paid and cut so far and what is left are shown at the top; the
amount proposed is what is left. The 尾款 comes only after 验收 and settles the order.
The core checks everything (a voucher used twice, a fund not in the order's budget, a
provider that cannot be paid …); its messages appear under the fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from desktop.orders.queries import OrderDetail
from desktop.orders.service import OrderService, PaymentForm
from desktop.orders.states import Action, Stage
from desktop.orders.vocabulary import Tranche
from ui.orders.fields import ActionDialog, date_edit, money_edit, note_edit, raise_if, read_money, to_date
from ui.orders.formatting import action_text, tranche_text, yuan_unit
from ui.widgets.i18n import Translator

_ = Translator("orders")


class PaymentDialog(ActionDialog):
    """Record a payment (付款) of an accepted order."""

    def __init__(
        self,
        orders: OrderService,
        actor: Actor,
        detail: OrderDetail,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(
            orders,
            actor,
            detail,
            parent,
            title=action_text(Action.PAY),
            save_text=_("Record payment"),
            intro=_(
                "{provider}: contract {contract}, paid {paid}, deducted {cut}, left {left}.",
                provider=detail.provider or "—",
                contract=yuan_unit(detail.contract_amount),
                paid=yuan_unit(detail.paid),
                cut=yuan_unit(detail.deducted),
                left=yuan_unit(detail.payable_left),
            ),
            width=620,
        )
        self.setObjectName("paymentDialog")
        self.tranche = QComboBox()
        for tranche in Tranche:
            self.tranche.addItem(tranche_text(tranche), tranche.value)
        final = detail.stage == Stage.TO_PAY
        self.tranche.setCurrentIndex(
            self.tranche.findData((Tranche.FINAL if final else Tranche.ADVANCE).value)
        )
        self.tranche.setToolTip(_("The final payment comes after the check and settles the order"))
        self.add("tranche", _("&Tranche"), self.tranche)

        self.fund = QComboBox()
        for line in detail.fund_lines:
            left = line.committed - line.paid
            self.fund.addItem(
                _("{fund} — {left} committed, unpaid", fund=line.fund, left=yuan_unit(left)), line.fund_id
            )
        self.add("fund", _("&Fund"), self.fund)

        self.amount = money_edit(detail.payable_left if detail.payable_left > 0 else None)
        self.add("amount", _("&Amount (yuan)"), self.amount)
        self.paid_on = date_edit(today())
        self.add("paid_on", _("&Day paid"), self.paid_on)
        self.voucher = QLineEdit()
        self.voucher.setPlaceholderText(_("The voucher number, used once only"))
        self.add("voucher", _("&Voucher no."), self.voucher)
        self.deduction = money_edit(None, _("0.00"))
        self.deduction.setToolTip(_("Cut from the contract (核减), e.g. for targets not met"))
        self.add("deduction", _("Dedu&ction (yuan)"), self.deduction)
        self.deduction_reason = QLineEdit()
        self.deduction_reason.setPlaceholderText(_("Required with a deduction"))
        self.add("deduction_reason", _("Deduction &reason"), self.deduction_reason)
        self.over_reason = note_edit(
            _("Only when the payment goes above the contract: the director's reason"), 2
        )
        self.add("over_contract_reason", _("Above contract: reas&on"), self.over_reason)
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("Optional"))
        self.add("note", _("&Note"), self.note)
        self.amount.setFocus()
        self.amount.selectAll()

    def form_value(self, errors: dict[str, DomainError]) -> PaymentForm:
        amount = read_money(self.amount, "amount", errors, allow_zero=True)
        deduction = (
            read_money(self.deduction, "deduction", errors, allow_zero=True)
            if self.deduction.text().strip()
            else 0
        )
        if self.fund.currentData() is None:
            errors["fund"] = DomainError(_("This order has no fund line to pay from."))
        return PaymentForm(
            fund_id=self.fund.currentData() or 0,
            tranche=self.tranche.currentData(),
            amount=amount,
            paid_on=to_date(self.paid_on.date()),
            voucher=self.voucher.text(),
            deduction=deduction,
            deduction_reason=self.deduction_reason.text(),
            over_contract_reason=self.over_reason.toPlainText(),
            note=self.note.text(),
        )

    def save(self) -> None:
        errors: dict[str, DomainError] = {}
        form = self.form_value(errors)
        raise_if(errors)
        self.payment_id = self._orders.pay(self._actor, self.detail.id, form)
