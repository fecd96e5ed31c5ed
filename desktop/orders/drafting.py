"""居民点单 and 社区制单: recording a resident's order, taking it in or rejecting it, the
work order with its targets and budget, the director's approval and the 公示.

Drafting commits the budget against the fund lines at once (a draft reserves its money:
two drafts cannot plan the same yuan), so a draft that is sent back, redrafted or
cancelled releases what it committed. The 公示 lasts N working days on the same
calendar as the 30135 clocks (``desktop.common.workcalendar``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from db import orders as repo
from db import orders_money as money_repo
from db import orders_registry as registry
from db.models import Resident
from db.models_orders import Fund, OrderFund, ServiceItem, ServiceOrder
from desktop.common.errors import DomainError, FieldErrors, NotFound
from desktop.common.i18n import N_
from desktop.common.permissions import Actor
from desktop.common.workcalendar import WorkCalendar
from desktop.orders import commitments
from desktop.orders.base import OrdersBase, clean_note, load_order, move, record_event
from desktop.orders.eligibility import eligible_providers
from desktop.orders.money import format_yuan
from desktop.orders.settings import PUBLICITY_DAYS_MAX, read_settings
from desktop.orders.states import Action, Stage, check, require
from desktop.orders.vocabulary import Attention

TITLE_MAX = 100
DESCRIPTION_MAX = 2_000
CATEGORY_MAX = 32
PEOPLE_MAX = 100_000
SESSIONS_MAX = 10_000


@dataclass(frozen=True)
class OrderForm:
    """A resident's order (居民点单): from the menu (``item_id``) or as a free description
    (then ``category`` is required)."""

    resident_id: int
    item_id: int | None = None
    category: str = ""
    title: str = ""
    description: str = ""
    request_id: int | None = None  # the registered request it was turned from


@dataclass(frozen=True)
class RequestBasics:
    """What 转为点单 takes over from a registered request (诉求): its resident and its
    description (the 居民点单 dialog shows them, the description still editable)."""

    request_id: int
    number: str
    resident_id: int
    description: str


@dataclass(frozen=True)
class BudgetLine:
    fund_id: int
    amount: int  # fen


@dataclass(frozen=True)
class DraftForm:
    """The work order (制单)."""

    deadline: dt.date
    lines: Sequence[BudgetLine]
    planned_people: int = 0
    planned_sessions: int = 1
    target_tag_ids: Sequence[int] = field(default_factory=tuple)
    scope: str = ""
    candidate_ids: Sequence[int] = field(default_factory=tuple)
    publicity_days: int | None = None  # None: the administrator's default
    note: str = ""


def release_draft(
    s: Session, actor: Actor, order: ServiceOrder, now: dt.datetime, *, keep_lines: bool
) -> None:
    """Give back everything the draft committed; drop its lines unless ``keep_lines``."""
    lines = money_repo.fund_lines(s, order.id)
    commitments.release_unpaid(s, actor, lines, now)
    if not keep_lines:
        s.flush()
        money_repo.delete_fund_lines(s, order.id)


def start_publicity(s: Session, order: ServiceOrder, now: dt.datetime) -> None:
    order.publicity_ends = WorkCalendar.from_db(s).add_working_days(now, order.publicity_days)


class DraftingPart(OrdersBase):
    # --- 居民点单 -------------------------------------------------------------------------
    def place(self, actor: Actor, form: OrderForm) -> int:
        """Record a resident's order; it waits for review (待审核). Returns its id."""
        require(actor, Action.PLACE)
        now = self._now()
        errors: dict[str, DomainError] = {}
        description = (form.description or "").strip()
        title = (form.title or "").strip()
        category = (form.category or "").strip()
        if len(description) > DESCRIPTION_MAX:
            errors["description"] = DomainError(N_("At most {n} characters."), n=DESCRIPTION_MAX)
        if len(title) > TITLE_MAX:
            errors["title"] = DomainError(N_("At most {n} characters."), n=TITLE_MAX)
        if form.item_id is None:
            if not category:
                errors["category"] = DomainError(
                    N_("Choose a menu item, or a category for a free description.")
                )
            elif len(category) > CATEGORY_MAX:
                errors["category"] = DomainError(N_("At most {n} characters."), n=CATEGORY_MAX)
            if not description:
                errors["description"] = DomainError(N_("Describe what the resident needs."))
        if errors:
            raise FieldErrors(errors)
        with self._db.writing() as uow:
            s = uow.session
            resident = s.get(Resident, form.resident_id)
            if resident is None or resident.archived:
                raise FieldErrors({"resident": DomainError(N_("Choose a resident of the register."))})
            if form.item_id is not None:
                item = s.get(ServiceItem, form.item_id)
                if item is None or not item.is_active:
                    raise FieldErrors({"item": DomainError(N_("This menu item is not available."))})
                category, title = item.category, title or item.name
            if form.request_id is not None and repo.request_basics(s, form.request_id) is None:
                raise FieldErrors({"request": DomainError(N_("This request no longer exists."))})
            order = ServiceOrder(
                number=repo.next_number(s, now),
                resident_id=resident.id,
                grid_id=resident.grid_id,
                request_id=form.request_id,
                item_id=form.item_id,
                category=category,
                title=(title or description)[:TITLE_MAX],
                description=description,
                stage=Stage.PENDING_REVIEW.value,
                attention="",
                ordered_at=now,
                ordered_by=actor.user_id,
                scope="",
                planned_people=0,
                planned_sessions=0,
                budget=0,
                needs_approval=False,
                publicity_days=0,
                redo_count=0,
                rating_comment="",
                actual_people=0,
                actual_sessions=0,
                updated_at=now,
            )
            s.add(order)
            s.flush()
            note = ""
            if form.request_id is not None:
                note = repo.request_number(s, form.request_id)
            record_event(s, actor, order, Action.PLACE, "", now, note=note)
            uow.commit()
            return order.id

    def request_basics(self, actor: Actor, request_id: int) -> RequestBasics:
        """The resident and description of a registered request (诉求), for an order
        turned from it (转为点单); ``NotFound`` when the request is gone."""
        require(actor, Action.PLACE)
        with self._db.reading() as uow:
            basics = repo.request_basics(uow.session, request_id)
            if basics is None:
                raise NotFound(N_("This request no longer exists."))
            number = repo.request_number(uow.session, request_id)
        resident_id, description = basics
        return RequestBasics(request_id, number, resident_id, description[:DESCRIPTION_MAX])

    def place_from_request(
        self, actor: Actor, request_id: int, *, item_id: int | None = None, category: str = ""
    ) -> int:
        """Turn a registered request (诉求) into an order in one step, keeping the link:
        its resident and description are taken over."""
        basics = self.request_basics(actor, request_id)
        return self.place(
            actor,
            OrderForm(
                resident_id=basics.resident_id,
                item_id=item_id,
                category=category,
                description=basics.description,
                request_id=request_id,
            ),
        )

    def take_in(self, actor: Actor, order_id: int, note: str = "") -> None:
        """受理: the community will serve this order; it waits for a work order (待制单)."""
        self._simple(actor, order_id, Action.TAKE_IN, Stage.TO_DRAFT, note)

    def reject(self, actor: Actor, order_id: int, reason: str) -> None:
        """驳回 with the reason the resident is told (it prints on the notice)."""
        self._simple(actor, order_id, Action.REJECT, Stage.REJECTED, reason, closes=True)

    # --- 社区制单 -------------------------------------------------------------------------
    def draft(self, actor: Actor, order_id: int, form: DraftForm) -> Stage:
        """Write the work order and commit its budget; returns the stage it goes to:
        待审批 above the approval threshold, else 公示 if a period is set, else 待派单."""
        require(actor, Action.DRAFT)
        now = self._now()
        note = clean_note(form.note)
        errors = _draft_errors(form)
        if errors:
            raise FieldErrors(errors)
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, Action.DRAFT, order.stage, note)
            if form.deadline < order.ordered_at.date():
                raise FieldErrors(
                    {
                        "deadline": DomainError(
                            N_("The deadline is before the order date ({day})."),
                            day=order.ordered_at.date().isoformat(),
                        )
                    }
                )
            if form.deadline < now.date():
                raise FieldErrors({"deadline": DomainError(N_("The deadline has already passed."))})
            tags = registry.tag_names(s)
            if any(t not in tags for t in form.target_tag_ids):
                raise FieldErrors({"targets": DomainError(N_("A key group no longer exists."))})
            eligible_providers(s, order, list(form.candidate_ids), field="candidates")
            settings = read_settings(s)
            publicity = settings.publicity_days if form.publicity_days is None else form.publicity_days
            budget = sum(line.amount for line in form.lines)
            funds = commitments.lock(s, (line.fund_id for line in form.lines))
            excluded = registry.fund_exclusions(s, list(funds))
            for line in form.lines:
                _check_fund(funds[line.fund_id], line.amount, order.category, excluded.get(line.fund_id, []))
            before = order.stage
            order.scope = (form.scope or "").strip()
            order.planned_people, order.planned_sessions = form.planned_people, form.planned_sessions
            order.deadline, order.budget, order.drafted_at = form.deadline, budget, now
            order.publicity_days, order.publicity_ends = publicity, None
            order.needs_approval = budget > settings.approval_threshold
            repo.replace_target_tags(s, order.id, list(form.target_tag_ids))
            repo.replace_candidates(s, order.id, list(form.candidate_ids))
            s.flush()
            for line in form.lines:
                row = OrderFund(
                    order_id=order.id, fund_id=line.fund_id, budget=line.amount, committed=0, paid=0
                )
                s.add(row)
                commitments.commit(s, actor, funds[line.fund_id], row, line.amount, now)
            if order.needs_approval:
                target = Stage.PENDING_APPROVAL
            elif publicity > 0:
                target = Stage.PUBLICITY
                start_publicity(s, order, now)
            else:
                target = Stage.TO_DISPATCH
            move(order, target, now)
            record_event(
                s,
                actor,
                order,
                Action.DRAFT,
                before,
                now,
                note=note,
                amount=budget,
                audit_after={"funds": {str(line.fund_id): line.amount for line in form.lines}},
            )
            uow.commit()
            return target

    def approve(self, actor: Actor, order_id: int, note: str = "") -> Stage:
        """The director approves a draft above the threshold: on to 公示 or 待派单."""
        now = self._now()
        note = clean_note(note)
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, Action.APPROVE, order.stage, note)
            before = order.stage
            target = Stage.PUBLICITY if order.publicity_days > 0 else Stage.TO_DISPATCH
            if target == Stage.PUBLICITY:
                start_publicity(s, order, now)
            move(order, target, now)
            record_event(s, actor, order, Action.APPROVE, before, now, note=note)
            uow.commit()
            return target

    def return_draft(self, actor: Actor, order_id: int, reason: str) -> None:
        """The director sends a draft back (退回): its commitments are released."""
        self._back_to_drafting(actor, order_id, Action.RETURN_DRAFT, reason, Attention.RETURNED)

    def revise(self, actor: Actor, order_id: int, reason: str) -> None:
        """Redraft (重新制单) an order in 公示 or waiting for dispatch: released, back to 待制单."""
        self._back_to_drafting(actor, order_id, Action.REVISE, reason, Attention.NONE)

    def record_objection(self, actor: Actor, order_id: int, objection: str) -> None:
        """An objection raised during the 公示, recorded on the order (it stays in 公示)."""
        now = self._now()
        objection = clean_note(objection)
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, Action.OBJECT, order.stage, objection)
            before = order.stage
            move(order, Stage.PUBLICITY, now, attention=Attention.OBJECTION)
            record_event(s, actor, order, Action.OBJECT, before, now, note=objection)
            uow.commit()

    def close_publicity(self, actor: Actor, order_id: int, note: str = "") -> None:
        """The 公示 period is over: the order may be dispatched (待派单)."""
        now = self._now()
        note = clean_note(note)
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, Action.CLOSE_PUBLICITY, order.stage, note)
            if order.publicity_ends is not None and now < order.publicity_ends:
                raise DomainError(
                    N_("The publicity period ends at {moment}; it cannot be closed before."),
                    moment=order.publicity_ends.strftime("%Y-%m-%d %H:%M"),
                )
            before = order.stage
            move(order, Stage.TO_DISPATCH, now)
            record_event(s, actor, order, Action.CLOSE_PUBLICITY, before, now, note=note)
            uow.commit()

    def cancel(self, actor: Actor, order_id: int, reason: str) -> None:
        """Cancel (撤销) an order before a provider accepted it; its commitments are released."""
        now = self._now()
        reason = clean_note(reason)
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, Action.CANCEL, order.stage, reason)
            before = order.stage
            release_draft(s, actor, order, now, keep_lines=True)
            order.closed_at = now
            move(order, Stage.CANCELLED, now)
            record_event(s, actor, order, Action.CANCEL, before, now, note=reason)
            uow.commit()

    # --- shared ---------------------------------------------------------------------------
    def _simple(
        self, actor: Actor, order_id: int, action: Action, target: Stage, note: str, *, closes: bool = False
    ) -> None:
        now = self._now()
        note = clean_note(note)
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, action, order.stage, note)
            before = order.stage
            if closes:
                order.closed_at = now
            move(order, target, now)
            record_event(s, actor, order, action, before, now, note=note)
            uow.commit()

    def _back_to_drafting(
        self, actor: Actor, order_id: int, action: Action, reason: str, attention: Attention
    ) -> None:
        now = self._now()
        reason = clean_note(reason)
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, action, order.stage, reason)
            before = order.stage
            release_draft(s, actor, order, now, keep_lines=False)
            order.budget, order.publicity_ends, order.needs_approval = 0, None, False
            move(order, Stage.TO_DRAFT, now, attention=attention)
            record_event(s, actor, order, action, before, now, note=reason)
            uow.commit()


def _draft_errors(form: DraftForm) -> dict[str, DomainError]:
    errors: dict[str, DomainError] = {}
    if not form.lines:
        errors["funds"] = DomainError(N_("Choose at least one fund for the budget."))
    elif any(line.amount <= 0 for line in form.lines):
        errors["budget"] = DomainError(N_("The budget must be more than zero."))
    elif len({line.fund_id for line in form.lines}) != len(form.lines):
        errors["funds"] = DomainError(N_("A fund is listed twice; put its amounts together."))
    if not 0 <= form.planned_people <= PEOPLE_MAX:
        errors["planned_people"] = DomainError(N_("Enter 0 to {n}."), n=PEOPLE_MAX)
    if not 0 <= form.planned_sessions <= SESSIONS_MAX:
        errors["planned_sessions"] = DomainError(N_("Enter 0 to {n}."), n=SESSIONS_MAX)
    if form.planned_people == 0 and form.planned_sessions == 0:
        errors["planned_sessions"] = DomainError(N_("Plan the people to serve or the sessions to hold."))
    if form.publicity_days is not None and not 0 <= form.publicity_days <= PUBLICITY_DAYS_MAX:
        errors["publicity_days"] = DomainError(
            N_("The publicity period is 0 to {n} working days."), n=PUBLICITY_DAYS_MAX
        )
    if len(form.scope or "") > DESCRIPTION_MAX:
        errors["scope"] = DomainError(N_("At most {n} characters."), n=DESCRIPTION_MAX)
    return errors


def _check_fund(fund: Fund, amount: int, category: str, excluded: Sequence[str]) -> None:
    if not fund.is_active:
        raise FieldErrors({"funds": DomainError(N_("The fund “{fund}” is closed."), fund=fund.name)})
    if category in excluded:
        raise FieldErrors(
            {
                "funds": DomainError(
                    N_("The fund “{fund}” may not pay for “{category}”."), fund=fund.name, category=category
                )
            }
        )
    if fund.order_cap is not None and amount > fund.order_cap:
        raise FieldErrors(
            {
                "budget": DomainError(
                    N_("The fund “{fund}” pays at most {cap} 元 per order."),
                    fund=fund.name,
                    cap=format_yuan(fund.order_cap),
                )
            }
        )
