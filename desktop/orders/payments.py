"""政府买单: the director records payments in tranches, and the monthly statement.

A payment (预付, 中期, 尾款 — as many as the order needs) has an amount, a day, a voucher
number that is never used twice, the fund line it comes from, and an optional 核减
(deduction) with its reason. The 尾款 comes only after 验收 and settles the order,
releasing whatever the order still had committed. What is paid never passes the
contract (less the deductions) without the director's written reason. A provider
without legal personality (a 备案 community organisation, a volunteer team) is never a
payee. The fund is locked while it pays, so two desks can never overspend it.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from db import orders_money as money_repo
from db import settings as settings_repo
from db.models_orders import OrderPayment, Provider
from db.orders_money import PaymentRecord
from desktop.common.errors import DomainError, FieldErrors
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission
from desktop.orders import commitments
from desktop.orders.base import OrdersBase, clean_note, load_order, move, record_event
from desktop.orders.eligibility import require_legal_person
from desktop.orders.money import format_yuan
from desktop.orders.states import Action, Stage, check, require
from desktop.orders.vocabulary import Tranche

VOUCHER_MAX = 32


@dataclass(frozen=True)
class PaymentForm:
    fund_id: int
    tranche: str
    amount: int  # fen paid
    paid_on: dt.date
    voucher: str
    deduction: int = 0  # fen cut (核减)
    deduction_reason: str = ""
    over_contract_reason: str = ""  # the director's written reason to pay beyond the contract
    note: str = ""


@dataclass(frozen=True)
class PaymentRow:
    id: int
    order_id: int
    order_number: str
    order_title: str
    fund_id: int
    fund: str
    provider_id: int
    provider: str
    tranche: Tranche
    amount: int
    deduction: int
    deduction_reason: str
    over_contract_reason: str
    paid_on: dt.date
    voucher: str
    note: str
    at: dt.datetime
    username: str


@dataclass(frozen=True)
class StatementGroup:
    """The payments of one fund to one provider in the month."""

    fund_id: int
    fund: str
    provider_id: int
    provider: str
    payments: int
    amount: int
    deduction: int


@dataclass(frozen=True)
class PurchaseStatement:
    """政府购买服务明细 of a month: every payment, by fund and provider, with totals."""

    year: int
    month: int
    centre: str
    rows: tuple[PaymentRow, ...]  # by fund, provider, day
    groups: tuple[StatementGroup, ...]
    fund_totals: tuple[tuple[str, int, int], ...]  # (fund, amount, deduction)
    total_amount: int
    total_deduction: int


def payment_row(r: PaymentRecord) -> PaymentRow:
    return PaymentRow(
        id=r.id,
        order_id=r.order_id,
        order_number=r.order_number,
        order_title=r.order_title,
        fund_id=r.fund_id,
        fund=r.fund,
        provider_id=r.provider_id,
        provider=r.provider,
        tranche=Tranche(r.tranche),
        amount=r.amount,
        deduction=r.deduction,
        deduction_reason=r.deduction_reason,
        over_contract_reason=r.over_contract_reason,
        paid_on=r.paid_on,
        voucher=r.voucher,
        note=r.note,
        at=r.at,
        username=r.username,
    )


def normalise_voucher(value: str) -> str:
    return "".join(unicodedata.normalize("NFKC", value or "").split()).upper()


def _form_errors(form: PaymentForm, today: dt.date) -> tuple[Tranche, dict[str, DomainError]]:
    errors: dict[str, DomainError] = {}
    try:
        tranche = Tranche(form.tranche)
    except ValueError:
        errors["tranche"] = DomainError(N_("Choose the tranche: advance, interim or final payment."))
        tranche = Tranche.INTERIM
    if form.amount < 0 or form.deduction < 0:
        errors["amount"] = DomainError(N_("The amount cannot be negative."))
    elif form.amount + form.deduction == 0:
        errors["amount"] = DomainError(N_("The amount must be more than zero."))
    if form.deduction > 0 and not form.deduction_reason.strip():
        errors["deduction_reason"] = DomainError(N_("Write the reason for the deduction."))
    voucher = normalise_voucher(form.voucher)
    if not voucher:
        errors["voucher"] = DomainError(N_("Enter the voucher number."))
    elif len(voucher) > VOUCHER_MAX:
        errors["voucher"] = DomainError(N_("At most {n} characters."), n=VOUCHER_MAX)
    if form.paid_on > today:
        errors["paid_on"] = DomainError(N_("A payment cannot be dated in the future."))
    return tranche, errors


class PaymentsPart(OrdersBase):
    def pay(self, actor: Actor, order_id: int, form: PaymentForm) -> int:
        """Record a payment to the order's provider from one of its fund lines; returns its
        id. A 尾款 settles the order."""
        require(actor, Action.PAY)
        now = self._now()
        note = clean_note(form.note)
        over_reason = clean_note(form.over_contract_reason, "over_contract_reason")
        deduction_reason = clean_note(form.deduction_reason, "deduction_reason")
        tranche, errors = _form_errors(form, now.date())
        if errors:
            raise FieldErrors(errors)
        voucher = normalise_voucher(form.voucher)
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, Action.PAY, order.stage, note)
            if tranche == Tranche.FINAL and order.stage != Stage.TO_PAY:
                raise DomainError(
                    N_("The final payment comes only after the work has been checked and accepted.")
                )
            provider = s.get(Provider, order.provider_id) if order.provider_id is not None else None
            if provider is None or order.accepted_at is None:
                raise DomainError(N_("No provider has accepted this order."))
            require_legal_person(provider)
            if form.paid_on < order.accepted_at.date():
                raise FieldErrors(
                    {
                        "paid_on": DomainError(
                            N_("The provider accepted the order only on {day}."),
                            day=order.accepted_at.date().isoformat(),
                        )
                    }
                )
            lines = {line.fund_id: line for line in money_repo.fund_lines(s, order.id)}
            line = lines.get(form.fund_id)
            if line is None:
                raise FieldErrors({"fund": DomainError(N_("This fund is not in the order's budget."))})
            if money_repo.voucher_used(s, voucher):
                raise FieldErrors(
                    {
                        "voucher": DomainError(
                            N_("The voucher number {voucher} has already been used."), voucher=voucher
                        )
                    }
                )
            contract = order.contract_amount or 0
            settled_before = sum(x.paid for x in lines.values()) + money_repo.deductions(s, order.id)
            after = settled_before + form.amount + form.deduction
            if after > contract and not over_reason:
                raise FieldErrors(
                    {
                        "over_contract_reason": DomainError(
                            N_(
                                "With this payment {paid} 元 would be paid or deducted, above the contract "
                                "amount of {contract} 元; the director must write the reason."
                            ),
                            paid=format_yuan(after),
                            contract=format_yuan(contract),
                        )
                    }
                )
            fund = commitments.lock(s, [form.fund_id])[form.fund_id]
            payment = OrderPayment(
                order_id=order.id,
                fund_id=form.fund_id,
                provider_id=provider.id,
                tranche=tranche.value,
                amount=form.amount,
                deduction=form.deduction,
                deduction_reason=deduction_reason,
                over_contract_reason=over_reason if after > contract else "",
                paid_on=form.paid_on,
                voucher=voucher,
                note=note,
                at=now,
                user_id=actor.user_id,
                username=actor.username,
            )
            s.add(payment)
            try:
                s.flush()
            except IntegrityError:  # another desk used the voucher a moment ago
                raise FieldErrors(
                    {
                        "voucher": DomainError(
                            N_("The voucher number {voucher} has already been used."), voucher=voucher
                        )
                    }
                ) from None
            commitments.pay(s, actor, fund, line, form.amount, form.deduction, payment.id, now)
            before = order.stage
            if tranche == Tranche.FINAL:
                commitments.release_unpaid(s, actor, lines.values(), now)
                order.closed_at = now
                move(order, Stage.SETTLED, now)
            else:
                order.updated_at = now
            record_event(
                s,
                actor,
                order,
                Action.PAY,
                before,
                now,
                note=" ".join(x for x in (voucher, note) if x),
                provider_id=provider.id,
                amount=form.amount,
                audit_after={"fund_id": form.fund_id, "tranche": tranche.value, "deduction": form.deduction},
            )
            uow.commit()
            return payment.id

    def settle(self, actor: Actor, order_id: int, note: str = "") -> None:
        """Close an order waiting for payment without a further payment (结算): what it
        still had committed is released; a note is needed when part of the contract
        stays unpaid."""
        require(actor, Action.SETTLE)
        now = self._now()
        note = clean_note(note)
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, Action.SETTLE, order.stage, note)
            lines = money_repo.fund_lines(s, order.id)
            left = (
                (order.contract_amount or 0) - sum(x.paid for x in lines) - money_repo.deductions(s, order.id)
            )
            if left > 0 and not note:
                raise FieldErrors(
                    {
                        "note": DomainError(
                            N_("{left} 元 of the contract is not paid; write why the order is settled."),
                            left=format_yuan(left),
                        )
                    }
                )
            commitments.release_unpaid(s, actor, lines, now)
            before = order.stage
            order.closed_at = now
            move(order, Stage.SETTLED, now)
            record_event(s, actor, order, Action.SETTLE, before, now, note=note)
            uow.commit()

    def payments(
        self, actor: Actor, *, order_id: int | None = None, fund_id: int | None = None, limit: int = 2_000
    ) -> list[PaymentRow]:
        """Payments of an order or of a fund, in the order they were paid."""
        actor.require(Permission.VIEW_ORDERS)
        with self._db.reading() as uow:
            found = money_repo.payments(uow.session, order_id=order_id, fund_id=fund_id, limit=limit)
        return [payment_row(r) for r in found]

    def purchase_statement(self, actor: Actor, year: int, month: int) -> PurchaseStatement:
        """The month's 政府购买服务明细: payments by fund and provider, with totals."""
        actor.require(Permission.VIEW_ORDERS)
        first = dt.date(year, month, 1)
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        with self._db.reading() as uow:
            s = uow.session
            found = money_repo.payments(s, paid_from=first, paid_before=following)
            centre = settings_repo.get(s, settings_repo.CENTRE_NAME)
        rows = sorted((payment_row(r) for r in found), key=lambda r: (r.fund, r.provider, r.paid_on, r.id))
        return PurchaseStatement(
            year=year,
            month=month,
            centre=centre,
            rows=tuple(rows),
            groups=_groups(rows),
            fund_totals=_fund_totals(rows),
            total_amount=sum(r.amount for r in rows),
            total_deduction=sum(r.deduction for r in rows),
        )


def _groups(rows: Sequence[PaymentRow]) -> tuple[StatementGroup, ...]:
    out: dict[tuple[int, int], StatementGroup] = {}
    for r in rows:
        g = out.get((r.fund_id, r.provider_id))
        out[(r.fund_id, r.provider_id)] = StatementGroup(
            r.fund_id,
            r.fund,
            r.provider_id,
            r.provider,
            (g.payments if g else 0) + 1,
            (g.amount if g else 0) + r.amount,
            (g.deduction if g else 0) + r.deduction,
        )
    return tuple(out.values())


def _fund_totals(rows: Sequence[PaymentRow]) -> tuple[tuple[str, int, int], ...]:
    out: dict[str, tuple[int, int]] = {}
    for r in rows:
        amount, deduction = out.get(r.fund, (0, 0))
        out[r.fund] = (amount + r.amount, deduction + r.deduction)
    return tuple((fund, a, d) for fund, (a, d) in out.items())
