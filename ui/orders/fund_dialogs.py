"""The funds' dialogs: a fund (new or changed) and the month of a 政府购买服务明细.

A fund has a name, a year, a kind (党组织服务群众专项经费, 公益创投, 政府购买服务, 自筹 …),
a total in 元, an optional cap per order and the menu categories it may not pay for.
The core refuses a total below what the fund has already committed; its messages
appear under the fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from desktop.orders.funds import FundRow
from desktop.orders.service import FundForm, OrderService
from desktop.orders.vocabulary import FundKind
from ui.orders.fields import (
    OrdersForm,
    Tick,
    money_edit,
    note_edit,
    optional_money,
    raise_if,
    read_money,
    tick_list,
    ticked,
)
from ui.orders.formatting import fund_kind_text, yuan_unit
from ui.widgets.i18n import Translator

_ = Translator("orders")


class FundDialog(OrdersForm):
    """Add a fund (``fund`` None) or change one; ``fund_id`` is its id once saved."""

    def __init__(
        self,
        orders: OrderService,
        actor: Actor,
        fund: FundRow | None,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        intro = ""
        if fund is not None:
            intro = _(
                "Committed {committed}, paid {paid}: the total cannot be less than what is committed.",
                committed=yuan_unit(fund.committed),
                paid=yuan_unit(fund.paid),
            )
        super().__init__(
            orders,
            actor,
            parent,
            title=_("Edit fund {name}", name=fund.name) if fund else _("New fund"),
            save_text=_("Save"),
            intro=intro,
        )
        self.setObjectName("fundDialog")
        self.fund = fund
        self.fund_id: int | None = fund.id if fund else None
        year = today().year
        self.name = QLineEdit(fund.name if fund else "")
        self.name.setPlaceholderText(_("e.g. {year}年党组织服务群众专项经费", year=year))
        self.add("name", _("&Name"), self.name)
        self.year = QSpinBox()
        self.year.setRange(2000, year + 5)
        self.year.setValue(fund.year if fund else year)
        self.add("year", _("&Year"), self.year)
        self.kind = QComboBox()
        for kind in FundKind:
            self.kind.addItem(fund_kind_text(kind), kind.value)
        self.kind.setCurrentIndex(
            max(0, self.kind.findData(fund.kind.value if fund else FundKind.PARTY_SERVICE.value))
        )
        self.add("kind", _("&Kind"), self.kind)
        self.total = money_edit(fund.total if fund else None, _("e.g. 200000.00"))
        self.add("total", _("&Total (yuan)"), self.total)
        self.order_cap = money_edit(fund.order_cap if fund else None, _("No cap"))
        self.order_cap.setToolTip(_("The most one order may take from this fund; empty: no cap"))
        self.add("order_cap", _("&Cap per order (yuan)"), self.order_cap)
        excluded = set(fund.excluded_categories if fund else ())
        categories = list(dict.fromkeys([*orders.menu_categories(), *excluded]))
        self.excluded = tick_list((Tick(c, c, checked=c in excluded) for c in categories), rows=4)
        self.add("excluded", _("May not &pay for"), self.excluded)
        self.notes = note_edit(_("Optional: where the money comes from, its rules"), lines=2)
        self.notes.setPlainText(fund.notes if fund else "")
        self.add("notes", _("Notes"), self.notes)
        self.name.setFocus()

    def save(self) -> None:
        errors: dict[str, DomainError] = {}
        total = read_money(self.total, "total", errors)
        cap = optional_money(self.order_cap, "order_cap", errors)
        raise_if(errors)
        form = FundForm(
            name=self.name.text(),
            year=self.year.value(),
            kind=self.kind.currentData(),
            total=total,
            order_cap=cap,
            excluded_categories=ticked(self.excluded),
            notes=self.notes.toPlainText(),
        )
        self.fund_id = self._orders.save_fund(self._actor, form, self.fund_id)


class StatementMonthDialog(OrdersForm):
    """Choose the month of the 政府购买服务明细 to print (last month by default)."""

    def __init__(
        self,
        orders: OrderService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        on_chosen: Callable[[int, int], None] | None = None,
    ):
        super().__init__(
            orders,
            actor,
            parent,
            title=_("Government purchase statement"),
            save_text=_("Print"),
            intro=_("Every payment of the month, by fund and provider, with signature lines."),
            width=420,
        )
        self._on_chosen = on_chosen
        now = today()
        last = (now.replace(day=1) - dt.timedelta(days=1)) if now.day < 10 else now
        self.year = QSpinBox()
        self.year.setRange(2000, now.year)
        self.year.setValue(last.year)
        self.add("year", _("&Year"), self.year)
        self.month = QSpinBox()
        self.month.setRange(1, 12)
        self.month.setValue(last.month)
        self.add("month", _("&Month"), self.month)
        self.month.setFocus()

    def save(self) -> None:
        if self._on_chosen is not None:
            self._on_chosen(self.year.value(), self.month.value())
