"""The service orders' pages and dialogs, opened on real data, for ``main.py screenshots``.

:func:`dialogs` returns a factory of every dialog of the job — each step opened on an
order in a stage where the step makes sense, the drafting and payment dialogs also with
the messages of bad input, and the previews of the four printouts — as the love bank's
and the exchange's ``screens`` do; :func:`pages` the four pages. :func:`screens` opens
and photographs the board, an order's page, the drafting and payment dialogs, the
providers and the funds, each as the role that uses it. Nothing is saved: dialogs with
errors only asked the core to check their fields, and the board does not expire
dispatches when shown here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.common.permissions import Actor, Role
from desktop.opening import Services
from desktop.orders.service import OrderFilter
from desktop.orders.states import Action, Stage
from ui.orders.actions import dialog_for
from ui.orders.board_page import OrdersBoardPage
from ui.orders.detail import OrderDetailDialog
from ui.orders.draft_dialog import DraftDialog
from ui.orders.fund_dialogs import FundDialog, StatementMonthDialog
from ui.orders.funds_page import FundsPage
from ui.orders.menu_page import MenuItemDialog, ServiceMenuPage
from ui.orders.payment_dialog import PaymentDialog
from ui.orders.place_dialog import PlaceOrderDialog
from ui.orders.printing import Document, document_title, write_document, write_statement
from ui.orders.provider_dialogs import DiscreditDialog, InspectionDialog, ProviderDialog
from ui.orders.providers_page import ProvidersPage
from ui.widgets.i18n import Translator

_ = Translator("orders")

DialogFactory = Callable[[QWidget], QDialog]
PageFactory = Callable[[QWidget | None], QWidget]

# Each step on an order of the stage where it is taken.
STEP_STAGES: dict[Action, Stage] = {
    Action.TAKE_IN: Stage.PENDING_REVIEW,
    Action.REJECT: Stage.PENDING_REVIEW,
    Action.DRAFT: Stage.TO_DRAFT,
    Action.APPROVE: Stage.PENDING_APPROVAL,
    Action.OBJECT: Stage.PUBLICITY,
    Action.DISPATCH: Stage.TO_DISPATCH,
    Action.ACCEPT: Stage.TO_ACCEPT,
    Action.DECLINE: Stage.TO_ACCEPT,
    Action.EXPIRE: Stage.TO_ACCEPT,
    Action.REPORT_SESSION: Stage.IN_PROGRESS,
    Action.FINISH: Stage.IN_PROGRESS,
    Action.RATE: Stage.TO_RATE,
    Action.CHECK: Stage.TO_CHECK,
    Action.PAY: Stage.TO_PAY,
    Action.TERMINATE: Stage.IN_PROGRESS,
}


def first_order(services: Services, actor: Actor, stage: Stage | None = None) -> int | None:
    rows = services.orders.rows(actor, OrderFilter(stage=stage.value if stage else None), 0, 1)
    return rows[0].id if rows else None


def pages(services: Services, actor: Actor) -> dict[str, PageFactory]:
    """Name → factory of each page (``parent`` → page, not yet shown)."""
    return {
        "orders_board": lambda parent: OrdersBoardPage(services, actor, parent=parent, expire_on_show=False),
        "orders_providers": lambda parent: ProvidersPage(services, actor, parent=parent),
        "orders_funds": lambda parent: FundsPage(services, actor, parent=parent),
        "orders_menu": lambda parent: ServiceMenuPage(services, actor, parent=parent),
    }


def dialogs(services: Services, actor: Actor) -> dict[str, DialogFactory]:
    """Name → factory of every dialog of the orders job (``parent`` → dialog, not yet shown)."""
    orders = services.orders
    found: dict[str, DialogFactory] = {
        "orders_new": lambda parent: PlaceOrderDialog(services, actor, parent),
        "orders_new_provider": lambda parent: ProviderDialog(orders, actor, None, parent),
        "orders_new_fund": lambda parent: FundDialog(orders, actor, None, parent),
        "orders_new_service": lambda parent: MenuItemDialog(orders, actor, None, parent),
        "orders_statement_month": lambda parent: StatementMonthDialog(orders, actor, parent),
    }
    any_order = first_order(services, actor)
    if any_order is None:
        return found
    telling = first_order(services, actor, Stage.TO_PAY) or any_order
    found["orders_detail"] = lambda parent: OrderDetailDialog(services, actor, telling, parent)
    for action, stage in STEP_STAGES.items():
        order_id = first_order(services, actor, stage)
        if order_id is None:
            continue

        def make(parent: QWidget, action: Action = action, order_id: int = order_id) -> QDialog:
            return dialog_for(action, services, actor, orders.order(actor, order_id), parent)

        found[f"orders_{action.value}"] = make
    drafting = first_order(services, actor, Stage.TO_DRAFT)
    if drafting is not None:

        def draft_with_errors(parent: QWidget) -> QDialog:
            dialog = DraftDialog(orders, actor, orders.order(actor, drafting), parent)
            dialog.budget.lines[0][1].setText("-5")
            dialog.planned_people.setValue(0)
            dialog.planned_sessions.setValue(0)
            dialog.submit()  # refused: the messages under the fields, nothing saved
            return dialog

        found["orders_draft_errors"] = draft_with_errors
    paying = first_order(services, actor, Stage.TO_PAY)
    if paying is not None:

        def payment_with_errors(parent: QWidget) -> QDialog:
            dialog = PaymentDialog(orders, actor, orders.order(actor, paying), parent)
            dialog.amount.setText("99999999")
            dialog.deduction.setText("10")
            dialog.submit()  # refused: no voucher, no deduction reason, above the contract
            return dialog

        found["orders_pay_errors"] = payment_with_errors
    providers = orders.providers(actor)
    if providers:
        warned = next((p for p in providers if p.warnings), providers[0])
        found["orders_edit_provider"] = lambda parent: ProviderDialog(orders, actor, warned, parent)
        found["orders_inspection"] = lambda parent: InspectionDialog(orders, actor, warned, parent)
        found["orders_discredit"] = lambda parent: DiscreditDialog(orders, actor, warned, parent)
    funds = orders.funds(actor)
    if funds:
        found["orders_edit_fund"] = lambda parent: FundDialog(orders, actor, funds[0], parent)
    menu = orders.menu()
    if menu:
        found["orders_edit_service"] = lambda parent: MenuItemDialog(orders, actor, menu[0], parent)
    return found | previews(services, actor)


def previews(services: Services, actor: Actor) -> dict[str, DialogFactory]:
    """The PDF previews of the four printouts (built here, at once)."""
    from ui.widgets.pdf_preview import PdfPreviewDialog

    orders = services.orders
    centre = services.centre.name()
    found: dict[str, DialogFactory] = {}
    for name, document, stage in (
        ("preview_work_order", Document.WORK_ORDER, Stage.IN_PROGRESS),
        ("preview_confirmation", Document.CONFIRMATION, Stage.SETTLED),
        ("preview_rejection", Document.REJECTION, Stage.REJECTED),
    ):
        order_id = first_order(services, actor, stage)
        if order_id is None:
            continue

        def make(parent: QWidget, document: Document = document, order_id: int = order_id) -> QDialog:
            number = orders.order(actor, order_id).number
            path = write_document(orders, actor, order_id, document, centre)
            return PdfPreviewDialog(path, document_title(document, number), parent)

        found[name] = make
    last = dt.date.today().replace(day=1) - dt.timedelta(days=1)
    found["preview_purchases"] = lambda parent: PdfPreviewDialog(
        write_statement(orders, actor, last.year, last.month, centre),
        _("Government purchase statement {year}-{month}", year=last.year, month=f"{last.month:02d}"),
        parent,
    )
    return found


def screens(
    services: Services,
    actor_for_role: Callable[[Role], Actor],
    save: Callable[[QWidget, str], None],
) -> list[str]:
    """Open and photograph the board, an order's page, the drafting dialog, the payment
    dialog, the providers and the funds, each as the role that uses it; ``save(widget,
    name)`` shows the widget and writes its picture. Returns the names saved."""
    desk = actor_for_role(Role.FRONT_DESK)
    coordinator = actor_for_role(Role.COORDINATOR)
    director = actor_for_role(Role.DIRECTOR)
    shots: list[tuple[str, Callable[[], QWidget]]] = [
        ("orders_board", lambda: OrdersBoardPage(services, desk, expire_on_show=False)),
        ("orders_providers", lambda: ProvidersPage(services, coordinator)),
        ("orders_funds", lambda: FundsPage(services, director)),
    ]
    paying = first_order(services, director, Stage.TO_PAY)
    if paying is not None:
        shots.append(("orders_detail", lambda: OrderDetailDialog(services, director, paying)))
        shots.append(
            (
                "orders_pay",
                lambda: PaymentDialog(services.orders, director, services.orders.order(director, paying)),
            )
        )
    drafting = first_order(services, coordinator, Stage.TO_DRAFT)
    if drafting is not None:
        shots.append(
            (
                "orders_draft",
                lambda: DraftDialog(
                    services.orders, coordinator, services.orders.order(coordinator, drafting)
                ),
            )
        )
    saved = []
    for name, make in shots:
        widget = make()
        save(widget, name)
        saved.append(name)
        widget.hide()
        widget.deleteLater()
        QApplication.processEvents()
    return saved
