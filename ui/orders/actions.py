"""Which dialog each step of an order opens, and its button on the order's page.

The order's page shows a button for exactly the actions the core allows the user now
(``OrderDetail.actions``); each opens the dialog this module makes for it. Every button
has an Alt+letter; letters repeat only between actions that are never offered together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.common.permissions import Actor
from desktop.opening import Services
from desktop.orders.queries import OrderDetail
from desktop.orders.states import Action
from ui.orders.draft_dialog import DraftDialog
from ui.orders.fields import ActionDialog
from ui.orders.payment_dialog import PaymentDialog
from ui.orders.session_dialog import SessionDialog
from ui.orders.steps import (
    AcceptDialog,
    CheckDialog,
    DeclineDialog,
    DispatchDialog,
    ExpireDialog,
    FinishDialog,
    NoteDialog,
    RateDialog,
)
from ui.widgets.i18n import Translator

_ = Translator("orders")

BUTTON_ACTIONS: tuple[Action, ...] = (
    Action.TAKE_IN,
    Action.REJECT,
    Action.DRAFT,
    Action.APPROVE,
    Action.RETURN_DRAFT,
    Action.OBJECT,
    Action.CLOSE_PUBLICITY,
    Action.REVISE,
    Action.DISPATCH,
    Action.ACCEPT,
    Action.DECLINE,
    Action.EXPIRE,
    Action.RECALL,
    Action.REPORT_SESSION,
    Action.FINISH,
    Action.RATE,
    Action.REDO,
    Action.CHECK,
    Action.PAY,
    Action.SETTLE,
    Action.TERMINATE,
    Action.CANCEL,
)
"""The step buttons in the order of the flow (attaching a file is on the files tab)."""


def button_texts() -> dict[Action, tuple[str, str]]:
    """Button text (with its Alt letter) and tooltip per action."""
    return {
        Action.TAKE_IN: (_("&Take in…"), _("The community will serve this order (Alt+T)")),
        Action.REJECT: (_("&Reject…"), _("Reject the order with a reason for the resident (Alt+R)")),
        Action.DRAFT: (_("&Draft work order…"), _("Scope, targets, deadline, budget and candidates (Alt+D)")),
        Action.APPROVE: (_("&Approve…"), _("Approve the draft and its budget (Alt+A)")),
        Action.RETURN_DRAFT: (_("Send &back…"), _("Send the draft back to be drafted again (Alt+B)")),
        Action.OBJECT: (_("&Objection…"), _("Record an objection raised in the publicity (Alt+O)")),
        Action.CLOSE_PUBLICITY: (_("C&lose publicity…"), _("The publicity period is over (Alt+L)")),
        Action.REVISE: (_("Redra&ft…"), _("Draft the work order again (Alt+F)")),
        Action.DISPATCH: (_("Di&spatch…"), _("Offer the order to one provider or several (Alt+S)")),
        Action.ACCEPT: (_("&Accepted…"), _("The provider accepts; bind the contract amount (Alt+A)")),
        Action.DECLINE: (_("Decli&ned…"), _("The provider declines, with its reason (Alt+N)")),
        Action.EXPIRE: (_("&Expired…"), _("Nobody accepted in time: back to the list (Alt+E)")),
        Action.RECALL: (_("Reca&ll…"), _("Take the dispatch back (Alt+L)")),
        Action.REPORT_SESSION: (_("&Session…"), _("Report a session: people served, volunteers (Alt+S)")),
        Action.FINISH: (_("&Finished…"), _("The provider reports the work done (Alt+F)")),
        Action.RATE: (_("&Rate…"), _("The resident's rating (Alt+R)")),
        Action.REDO: (_("R&edo…"), _("The resident is unsatisfied: the provider redoes the work (Alt+E)")),
        Action.CHECK: (_("Chec&k…"), _("Check actual against planned targets (Alt+K)")),
        Action.PAY: (_("Pa&y…"), _("Record a payment (Alt+Y)")),
        Action.SETTLE: (_("Se&ttle…"), _("Close the order without a further payment (Alt+T)")),
        Action.TERMINATE: (_("Ter&minate…"), _("End the order early, with a reason (Alt+M)")),
        Action.CANCEL: (
            _("Cancel order (&X)…"),
            _("Cancel the order; what it committed is released (Alt+X)"),
        ),
    }


def dialog_for(
    action: Action,
    services: Services,
    actor: Actor,
    detail: OrderDetail,
    parent: QWidget | None,
    *,
    today: Callable[[], dt.date] = dt.date.today,
) -> ActionDialog:
    """The dialog of ``action`` on the order of ``detail`` (not yet shown)."""
    orders = services.orders
    if action == Action.DRAFT:
        return DraftDialog(orders, actor, detail, parent, today=today)
    if action == Action.PAY:
        return PaymentDialog(orders, actor, detail, parent, today=today)
    if action == Action.REPORT_SESSION:
        return SessionDialog(services, actor, detail, parent, today=today)
    simple: dict[Action, Callable[..., ActionDialog]] = {
        Action.DISPATCH: DispatchDialog,
        Action.ACCEPT: AcceptDialog,
        Action.DECLINE: DeclineDialog,
        Action.EXPIRE: ExpireDialog,
        Action.FINISH: FinishDialog,
        Action.RATE: RateDialog,
        Action.CHECK: CheckDialog,
    }
    if action in simple:
        return simple[action](orders, actor, detail, parent)
    if action == Action.REDO:
        return RateDialog(orders, actor, detail, parent, unsatisfied=True)
    return NoteDialog(orders, actor, detail, action, parent)
