"""The small dialogs of an order's steps: those that take a note or a reason (受理, 驳回,
审批, 退回, 异议, 公示期满, 重新制单, 撤回, 终止, 撤销, 结算, 超时退回), and 派单, 接单,
拒单, 服务完成, 评单 and 验收.

Each is an :class:`~ui.orders.fields.ActionDialog`: the core's ``FieldErrors`` appear
under the fields (a missing reason under the note), any other ``DomainError`` above the
buttons, and the dialog closes only when the step has been recorded. What a provider
reports (接单, 拒单, 服务完成) names who reported it for the provider.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from desktop.orders.queries import OrderDetail
from desktop.orders.service import OrderService
from desktop.orders.states import RULES, Action
from desktop.orders.vocabulary import NO_LEGAL_PERSONALITY, Rating
from ui.orders.fields import (
    ActionDialog,
    Tick,
    date_edit,
    money_edit,
    note_edit,
    raise_if,
    read_money,
    tick_list,
    ticked,
    to_date,
)
from ui.orders.formatting import (
    BAND_COLOURS,
    WARNING_COLOUR,
    action_text,
    band_text,
    kind_text,
    rate_text,
    rating_text,
    time_text,
    yuan_unit,
)
from ui.widgets.i18n import Translator, desktop_text, error_text

_ = Translator("orders")


def reporter_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(_("Name and position, e.g. 张敏（项目主管）"))
    return edit


# --- a note or a reason --------------------------------------------------------------------
NoteCall = Callable[[OrderService, Actor, int, str], object]

_NOTE_STEPS: dict[Action, tuple[Callable[[], str], Callable[[], str], NoteCall]] = {
    # action: (intro, save text, the core's call)
    Action.TAKE_IN: (
        lambda: _("The community will serve this order; it then waits for a work order (待制单)."),
        lambda: _("Take in"),
        lambda o, a, i, n: o.take_in(a, i, n),
    ),
    Action.REJECT: (
        lambda: _("The resident is told the reason; it prints on the rejection notice."),
        lambda: _("Reject"),
        lambda o, a, i, n: o.reject(a, i, n),
    ),
    Action.APPROVE: (
        lambda: _("Approve the work order and its budget; it goes on to publicity or dispatch."),
        lambda: _("Approve"),
        lambda o, a, i, n: o.approve(a, i, n),
    ),
    Action.RETURN_DRAFT: (
        lambda: _("The draft goes back to be drafted again; the money it committed is released."),
        lambda: _("Send back"),
        lambda o, a, i, n: o.return_draft(a, i, n),
    ),
    Action.OBJECT: (
        lambda: _("Record an objection raised during the publicity; the order stays in publicity."),
        lambda: _("Record objection"),
        lambda o, a, i, n: o.record_objection(a, i, n),
    ),
    Action.CLOSE_PUBLICITY: (
        lambda: _("The publicity period is over; the order may be dispatched."),
        lambda: _("Close publicity"),
        lambda o, a, i, n: o.close_publicity(a, i, n),
    ),
    Action.REVISE: (
        lambda: _("Draft the work order again; the money it committed is released."),
        lambda: _("Redraft"),
        lambda o, a, i, n: o.revise(a, i, n),
    ),
    Action.RECALL: (
        lambda: _("Take the dispatch back before a provider accepted; it waits for dispatch again."),
        lambda: _("Recall"),
        lambda o, a, i, n: o.recall(a, i, n),
    ),
    Action.TERMINATE: (
        lambda: _("End the order early: no further payment, and what was not paid is released."),
        lambda: _("Terminate"),
        lambda o, a, i, n: o.terminate(a, i, n),
    ),
    Action.CANCEL: (
        lambda: _("Cancel the order before a provider accepted it; what it committed is released."),
        lambda: _("Cancel order"),
        lambda o, a, i, n: o.cancel(a, i, n),
    ),
    Action.SETTLE: (
        lambda: _("Close the order without a further payment; what it still commits is released."),
        lambda: _("Settle"),
        lambda o, a, i, n: o.settle(a, i, n),
    ),
}


class NoteDialog(ActionDialog):
    """A step that takes only a note — or a reason, where the step needs one."""

    def __init__(
        self,
        orders: OrderService,
        actor: Actor,
        detail: OrderDetail,
        action: Action,
        parent: QWidget | None = None,
    ):
        intro, save, self._call = _NOTE_STEPS[action]
        text = intro()
        if action == Action.SETTLE and detail.payable_left > 0:
            text += " " + _("{left} of the contract is not paid.", left=yuan_unit(detail.payable_left))
        super().__init__(
            orders, actor, detail, parent, title=action_text(action), save_text=save(), intro=text
        )
        self.action = action
        required = RULES[action].needs_note or (action == Action.SETTLE and detail.payable_left > 0)
        self.note = note_edit(_("Required") if required else _("Optional"))
        self.add("note", _("&Reason") if required else _("&Note"), self.note)
        self.note.setFocus()

    def save(self) -> None:
        self._call(self._orders, self._actor, self.detail.id, self.note.toPlainText())


class ExpireDialog(ActionDialog):
    """超时退回: an order nobody accepted in time goes back to the community's list."""

    def __init__(
        self, orders: OrderService, actor: Actor, detail: OrderDetail, parent: QWidget | None = None
    ):
        super().__init__(
            orders,
            actor,
            detail,
            parent,
            title=action_text(Action.EXPIRE),
            save_text=_("Put back"),
            intro=_(
                "The time to accept ended at {moment}. Put the order back on the list to dispatch (待派单)?",
                moment=time_text(detail.accept_by),
            ),
        )

    def save(self) -> None:
        self._orders.expire(self._actor, self.detail.id)


# --- 派单 ----------------------------------------------------------------------------------
class DispatchDialog(ActionDialog):
    """派单: offer the order to one provider or several (first to accept wins)."""

    def __init__(
        self, orders: OrderService, actor: Actor, detail: OrderDetail, parent: QWidget | None = None
    ):
        super().__init__(
            orders,
            actor,
            detail,
            parent,
            title=action_text(Action.DISPATCH),
            save_text=_("Dispatch"),
            intro=_("Tick the provider(s) to offer the order to; the first to accept takes it."),
            width=640,
        )
        offered = {c.provider_id for c in detail.candidates if c.declined_at is None}
        ticks = []
        for c in orders.provider_choices(actor, detail.id):
            p = c.provider
            notes = [kind_text(p.kind)]
            if c.performance.taken:
                notes.append(
                    _(
                        "{n} taken, on time {rate}",
                        n=c.performance.taken,
                        rate=rate_text(c.performance.on_time_rate),
                    )
                )
            if p.warnings:
                notes.append(_("warning: {text}", text=error_text(p.warnings[0])))
            text = f"{p.name}  ({'; '.join(notes)})"
            problem = error_text(c.problem) if c.problem is not None else ""
            ticks.append(
                Tick(
                    text,
                    p.id,
                    checked=p.id in offered and not problem,
                    enabled=not problem,
                    tip=problem or text,
                )
            )
        self.providers = tick_list(ticks, rows=7)
        self.add("providers", _("&Providers"), self.providers)
        self._default_accept_by = orders.default_accept_by()
        self.accept_by = date_edit(self._default_accept_by.date())
        at = QLabel(_("at {time}", time=self._default_accept_by.strftime("%H:%M")))
        at.setObjectName("hint")
        moment = QWidget()
        line = QHBoxLayout(moment)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.accept_by)
        line.addWidget(at)
        line.addStretch(1)
        self.add("accept_by", _("&Accept by"), moment, self.accept_by)
        self.note = note_edit(_("Optional"), lines=2)
        self.add("note", _("&Note"), self.note)
        self.providers.setFocus()

    def save(self) -> None:
        chosen = ticked(self.providers)
        if not chosen:
            raise_if({"providers": DomainError(_("Tick at least one provider (Space)."))})
        when = dt.datetime.combine(to_date(self.accept_by.date()), self._default_accept_by.time())
        self._orders.dispatch(self._actor, self.detail.id, chosen, when, self.note.toPlainText())


# --- 接单 / 拒单 -------------------------------------------------------------------------
def candidate_combo(dialog: ActionDialog) -> QComboBox:
    """The providers still to answer a dispatched order (those that have not declined)."""
    combo = QComboBox()
    for c in dialog.detail.candidates:
        if c.declined_at is None:
            combo.addItem(c.provider, c.provider_id)
    dialog.add("provider", _("&Provider"), combo)
    return combo


class AcceptDialog(ActionDialog):
    """接单: the provider accepts and a contract amount (≤ the budget) is bound."""

    def __init__(
        self, orders: OrderService, actor: Actor, detail: OrderDetail, parent: QWidget | None = None
    ):
        super().__init__(
            orders,
            actor,
            detail,
            parent,
            title=action_text(Action.ACCEPT),
            save_text=_("Record acceptance"),
            intro=_(
                "Budget {budget}. The contract amount stays committed against the funds; "
                "the rest is released.",
                budget=yuan_unit(detail.budget),
            ),
        )
        self.provider = candidate_combo(self)
        self.legal_note = QLabel()
        self.legal_note.setObjectName("fieldWarning")
        self.legal_note.setWordWrap(True)
        self.legal_note.hide()
        self.form.addRow("", self.legal_note)
        self.amount = money_edit(detail.budget)
        self.add("contract_amount", _("Contract &amount (yuan)"), self.amount)
        self.reporter = reporter_edit()
        self.add("reporter", _("&Reported by"), self.reporter)
        self.note = note_edit(_("Optional"), lines=2)
        self.add("note", _("&Note"), self.note)
        self._kinds = {}
        for i in range(self.provider.count()):
            pid = self.provider.itemData(i)
            try:
                self._kinds[pid] = orders.provider(actor, pid)
            except DomainError:
                continue
        self.provider.currentIndexChanged.connect(self._provider_changed)
        self._provider_changed()
        self.provider.setFocus()

    def _provider_changed(self) -> None:
        row = self._kinds.get(self.provider.currentData())
        if row is not None and not row.has_legal_personality:
            self.legal_note.setText(
                desktop_text(NO_LEGAL_PERSONALITY[row.kind])
                + " "
                + _("It takes the order without payment (0).")
            )
            self.legal_note.show()
            self.amount.setText("0.00")
        else:
            self.legal_note.hide()

    def save(self) -> None:
        errors: dict[str, DomainError] = {}
        amount = read_money(self.amount, "contract_amount", errors, allow_zero=True)
        if self.provider.currentData() is None:
            errors["provider"] = DomainError(_("No provider is waiting to answer."))
        raise_if(errors)
        self._orders.accept(
            self._actor,
            self.detail.id,
            self.provider.currentData(),
            amount,
            self.reporter.text(),
            note=self.note.toPlainText(),
        )


class DeclineDialog(ActionDialog):
    """拒单: the provider declines with a reason; with no candidate left the order goes
    back to the community (待派单)."""

    def __init__(
        self, orders: OrderService, actor: Actor, detail: OrderDetail, parent: QWidget | None = None
    ):
        super().__init__(
            orders,
            actor,
            detail,
            parent,
            title=action_text(Action.DECLINE),
            save_text=_("Record refusal"),
            intro=_("When no candidate is left, the order goes back to the list to dispatch."),
        )
        self.provider = candidate_combo(self)
        self.reason = note_edit(_("Required"))
        self.add("note", _("Reaso&n"), self.reason)
        self.reporter = reporter_edit()
        self.add("reporter", _("&Reported by"), self.reporter)
        self.provider.setFocus()

    def save(self) -> None:
        if self.provider.currentData() is None:
            raise_if({"provider": DomainError(_("No provider is waiting to answer."))})
        self._orders.decline(
            self._actor,
            self.detail.id,
            self.provider.currentData(),
            self.reason.toPlainText(),
            self.reporter.text(),
        )


class FinishDialog(ActionDialog):
    """服务完成: the provider reports the work done; the resident is then asked to rate it."""

    def __init__(
        self, orders: OrderService, actor: Actor, detail: OrderDetail, parent: QWidget | None = None
    ):
        t = detail.targets
        super().__init__(
            orders,
            actor,
            detail,
            parent,
            title=action_text(Action.FINISH),
            save_text=_("Record completion"),
            intro=_(
                "So far {people} of {planned_people} people served "
                "in {sessions} of {planned_sessions} sessions.",
                people=t.actual_people,
                planned_people=t.planned_people,
                sessions=t.actual_sessions,
                planned_sessions=t.planned_sessions,
            ),
        )
        self.reporter = reporter_edit()
        self.add("reporter", _("&Reported by"), self.reporter)
        self.note = note_edit(_("Optional"), lines=2)
        self.add("note", _("&Note"), self.note)
        self.reporter.setFocus()

    def save(self) -> None:
        self._orders.finish(self._actor, self.detail.id, self.reporter.text(), self.note.toPlainText())


# --- 评单 ----------------------------------------------------------------------------------
class RateDialog(ActionDialog):
    """群众评单: 满意 / 基本满意 / 不满意 (Alt+1/2/3) with a comment; 不满意 sends the work
    back to the provider to redo, with the reason."""

    def __init__(
        self,
        orders: OrderService,
        actor: Actor,
        detail: OrderDetail,
        parent: QWidget | None = None,
        *,
        unsatisfied: bool = False,
    ):
        super().__init__(
            orders,
            actor,
            detail,
            parent,
            title=action_text(Action.RATE),
            save_text=_("Record rating"),
            intro=_(
                "How satisfied is the resident with “{title}” by {provider}?",
                title=detail.title,
                provider=detail.provider,
            ),
        )
        self.buttons = QButtonGroup(self)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.choices: dict[Rating, QRadioButton] = {}
        for n, rating in enumerate(Rating, start=1):
            button = QRadioButton(f"{rating_text(rating)} (Alt+{n})")
            self.buttons.addButton(button)
            self.choices[rating] = button
            line.addWidget(button)
            QShortcut(QKeySequence(f"Alt+{n}"), self, lambda b=button: (b.setChecked(True), b.setFocus()))
        line.addStretch(1)
        self.add("rating", _("Rating"), row)
        self.comment = note_edit(_("Required when unsatisfied: what must be redone"))
        self.add("comment", _("&Comment"), self.comment)
        chosen = Rating.UNSATISFIED if unsatisfied else Rating.SATISFIED
        self.choices[chosen].setChecked(True)
        self.choices[chosen].setFocus()

    def rating(self) -> Rating | None:
        return next((r for r, b in self.choices.items() if b.isChecked()), None)

    def save(self) -> None:
        rating = self.rating()
        self._orders.rate(
            self._actor, self.detail.id, rating.value if rating else "", self.comment.toPlainText()
        )


# --- 验收 ----------------------------------------------------------------------------------
class CheckDialog(ActionDialog):
    """验收: actual against planned targets and the completion rate with its band."""

    def __init__(
        self, orders: OrderService, actor: Actor, detail: OrderDetail, parent: QWidget | None = None
    ):
        super().__init__(
            orders,
            actor,
            detail,
            parent,
            title=action_text(Action.CHECK),
            save_text=_("Accept the work"),
            intro=_(
                "Check what was done against the work order; the order then waits for its final payment."
            ),
        )
        t = detail.targets
        grid = QWidget()
        table = QGridLayout(grid)
        table.setContentsMargins(0, 0, 0, 0)
        table.setHorizontalSpacing(18)
        for col, head in enumerate((_("Target"), _("Planned"), _("Actual"))):
            label = QLabel(head)
            label.setObjectName("cardLabel")
            table.addWidget(label, 0, col)
        rows = (
            (_("People served"), t.planned_people, t.actual_people),
            (_("Sessions"), t.planned_sessions, t.actual_sessions),
        )
        for r, (name, planned, actual) in enumerate(rows, start=1):
            table.addWidget(QLabel(name), r, 0)
            for c, value in enumerate((planned, actual), start=1):
                label = QLabel(str(value))
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.addWidget(label, r, c)
        groups = "、".join(f"{name} {n}" for name, n in t.actual_groups if name) or "—"
        table.addWidget(QLabel(_("Key groups served")), 3, 0)
        served = QLabel(groups)
        served.setWordWrap(True)
        table.addWidget(served, 3, 1, 1, 2)
        table.setColumnStretch(3, 1)
        self.add("targets", _("Targets"), grid)
        self.completion = QLabel(
            _("{percent}% — {band}", percent=t.completion_percent, band=band_text(t.band))
        )
        self.completion.setStyleSheet(
            f"color: {BAND_COLOURS.get(t.band, WARNING_COLOUR)}; font-weight: bold;"
        )
        self.add("completion", _("Completion"), self.completion)
        self.note = note_edit(_("Optional"), lines=2)
        self.add("note", _("&Note"), self.note)
        self.note.setFocus()

    def save(self) -> None:
        self._orders.check_work(self._actor, self.detail.id, self.note.toPlainText())
