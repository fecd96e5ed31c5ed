"""派单 / 接单 / 实施 / 评单 / 验收: from the community's list to the accepted work.

The order goes to one provider or to several candidates (first to accept wins); staff
record the provider's answer on its behalf, naming who reported it. Accepting binds a
contract amount (at most the budget) and keeps only that much committed against the
funds. An accept-by moment that passes puts the order back on the community's list
with a warning. Sessions are reported with the people served (by key group) and the
volunteers' time, which becomes pending service records in the love bank through the
hook :class:`desktop.orders.base.VolunteerHours`. The resident rates the work (不满意
sends it back to redo); the director checks actual against planned targets (验收) or
ends the order early (终止), which releases what was not paid.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from db import orders as repo
from db import orders_money as money_repo
from db import orders_registry as registry
from db.models_orders import (
    OrderSession,
    OrderSessionGroup,
    OrderSessionVolunteer,
    Provider,
    ServiceOrder,
)
from desktop.common.errors import DomainError, FieldErrors
from desktop.common.i18n import N_
from desktop.common.permissions import Actor
from desktop.common.workcalendar import WorkCalendar
from desktop.orders import commitments
from desktop.orders.base import (
    OrdersBase,
    clean_note,
    clean_reporter,
    end_of_day,
    load_order,
    move,
    record_event,
)
from desktop.orders.eligibility import eligible_providers, require_legal_person
from desktop.orders.money import format_yuan
from desktop.orders.settings import read_settings
from desktop.orders.states import Action, Stage, check, require
from desktop.orders.vocabulary import Attention, Rating, completion_percent

log = logging.getLogger(__name__)

PEOPLE_MAX = 100_000
DAY_MINUTES = 24 * 60


@dataclass(frozen=True)
class VolunteerTime:
    volunteer_id: int
    minutes: int


@dataclass(frozen=True)
class SessionForm:
    """A session the provider reports (服务记录)."""

    held_on: dt.date
    people: int
    reporter: str
    content: str = ""
    groups: Mapping[int, int] = field(default_factory=dict)  # key group (tag id) → people
    volunteers: Sequence[VolunteerTime] = field(default_factory=tuple)


@dataclass(frozen=True)
class SessionResult:
    """The reported session, the love bank's pending records made of its volunteers'
    time, and the volunteers whose time could not be passed on (to enter by hand)."""

    session_id: int
    service_record_ids: tuple[int, ...]
    unrecorded: tuple[str, ...]


def split_contract(lines: Sequence[tuple[int, int]], amount: int) -> dict[int, int]:
    """The contract amount over the fund lines ``(fund id, budget)``: each line in turn
    up to its budget."""
    out: dict[int, int] = {}
    left = amount
    for fund_id, budget in lines:
        take = min(budget, left)
        out[fund_id] = take
        left -= take
    return out


class DeliveryPart(OrdersBase):
    # --- 派单 -----------------------------------------------------------------------------
    def default_accept_by(self) -> dt.datetime:
        """The accept-by moment a dispatch gets unless the desk chooses another."""
        now = self._now()
        with self._db.reading() as uow:
            days = read_settings(uow.session).accept_days
            return WorkCalendar.from_db(uow.session).add_working_days(now, days)

    def dispatch(
        self,
        actor: Actor,
        order_id: int,
        provider_ids: Sequence[int] = (),
        accept_by: dt.datetime | None = None,
        note: str = "",
    ) -> None:
        """Offer the order to one provider or to several (first to accept wins); without
        ``provider_ids`` to the draft's candidates."""
        require(actor, Action.DISPATCH)
        now = self._now()
        note = clean_note(note)
        if accept_by is not None and accept_by <= now:
            raise FieldErrors({"accept_by": DomainError(N_("The accept-by moment has already passed."))})
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, Action.DISPATCH, order.stage, note)
            ids = list(provider_ids) or [c.provider_id for c in repo.candidates(s, order.id)]
            if not ids:
                raise FieldErrors(
                    {"providers": DomainError(N_("Choose the provider(s) to offer the order to."))}
                )
            providers = eligible_providers(s, order, ids)
            if accept_by is None:
                accept_by = WorkCalendar.from_db(s).add_working_days(now, read_settings(s).accept_days)
            repo.replace_candidates(s, order.id, [p.id for p in providers])
            before = order.stage
            order.dispatched_at, order.accept_by = now, accept_by
            move(order, Stage.TO_ACCEPT, now)
            names = "、".join(p.name for p in providers)
            record_event(
                s,
                actor,
                order,
                Action.DISPATCH,
                before,
                now,
                note=f"{names} {note}".strip(),
                provider_id=providers[0].id if len(providers) == 1 else None,
                audit_after={"providers": [p.id for p in providers], "accept_by": accept_by.isoformat()},
            )
            uow.commit()

    def accept(
        self,
        actor: Actor,
        order_id: int,
        provider_id: int,
        contract_amount: int,
        reporter: str,
        *,
        split: Mapping[int, int] | None = None,
        note: str = "",
    ) -> None:
        """The provider accepts (接单): the contract amount (≤ the budget) is bound and only
        that much stays committed, over the fund lines in turn unless ``split`` (fund id →
        fen) says how."""
        require(actor, Action.ACCEPT)
        now = self._now()
        note = clean_note(note)
        reporter = clean_reporter(reporter)
        if contract_amount < 0:
            raise FieldErrors({"contract_amount": DomainError(N_("The amount cannot be negative."))})
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, Action.ACCEPT, order.stage, note)
            provider = self._open_candidate(s, order, provider_id)
            if order.accept_by is not None and now > order.accept_by:
                raise DomainError(
                    N_("The time to accept ended at {moment}; dispatch the order again."),
                    moment=order.accept_by.strftime("%Y-%m-%d %H:%M"),
                )
            eligible_providers(s, order, [provider.id])
            if contract_amount > order.budget:
                raise FieldErrors(
                    {
                        "contract_amount": DomainError(
                            N_("The contract amount is above the budget ({budget} 元)."),
                            budget=format_yuan(order.budget),
                        )
                    }
                )
            if contract_amount > 0:
                require_legal_person(provider)
            lines = money_repo.fund_lines(s, order.id)
            shares = _shares(lines, contract_amount, split)
            funds = commitments.lock(s, (line.fund_id for line in lines))
            for line in lines:
                commitments.release(
                    s, actor, funds[line.fund_id], line, line.committed - shares[line.fund_id], now
                )
            before = order.stage
            order.provider_id, order.contract_amount, order.accepted_at = provider.id, contract_amount, now
            move(order, Stage.IN_PROGRESS, now)
            record_event(
                s,
                actor,
                order,
                Action.ACCEPT,
                before,
                now,
                note=note,
                provider_id=provider.id,
                reporter=reporter,
                amount=contract_amount,
            )
            uow.commit()

    def decline(self, actor: Actor, order_id: int, provider_id: int, reason: str, reporter: str) -> Stage:
        """The provider declines with a reason; when no candidate is left the order goes
        back to the community (待派单) with a warning. Returns the order's stage."""
        require(actor, Action.DECLINE)
        now = self._now()
        reason = clean_note(reason)
        reporter = clean_reporter(reporter)
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, Action.DECLINE, order.stage, reason)
            self._open_candidate(s, order, provider_id)
            for c in repo.candidates(s, order.id):
                if c.provider_id == provider_id:
                    c.declined_at = now
            others = [c for c in repo.candidates(s, order.id) if c.declined_at is None]
            before = order.stage
            if others:
                move(order, Stage.TO_ACCEPT, now)
            else:
                move(order, Stage.TO_DISPATCH, now, attention=Attention.DECLINED)
            record_event(
                s,
                actor,
                order,
                Action.DECLINE,
                before,
                now,
                note=reason,
                provider_id=provider_id,
                reporter=reporter,
            )
            uow.commit()
            return Stage(order.stage)

    def expire(self, actor: Actor, order_id: int) -> None:
        """Put back on the community's list an order whose accept-by moment has passed."""
        require(actor, Action.EXPIRE)
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, Action.EXPIRE, order.stage)
            if order.accept_by is None or order.accept_by >= now:
                raise DomainError(N_("The time to accept has not ended yet."))
            self._expire(s, actor, order, now)
            uow.commit()

    def expire_overdue(self, actor: Actor) -> int:
        """Every order whose accept-by moment has passed goes back to the community's list
        with a warning (the board calls it when it opens); returns how many."""
        require(actor, Action.EXPIRE)
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            ids = repo.expired_dispatches(s, now)
            for order_id in ids:
                self._expire(s, actor, load_order(s, order_id), now)
            uow.commit()
            return len(ids)

    def recall(self, actor: Actor, order_id: int, reason: str) -> None:
        """Take a dispatch back before anyone accepted (撤回派单)."""
        require(actor, Action.RECALL)
        now = self._now()
        reason = clean_note(reason)
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, Action.RECALL, order.stage, reason)
            before = order.stage
            move(order, Stage.TO_DISPATCH, now)
            record_event(s, actor, order, Action.RECALL, before, now, note=reason)
            uow.commit()

    # --- 实施 -----------------------------------------------------------------------------
    def report_session(self, actor: Actor, order_id: int, form: SessionForm) -> SessionResult:
        """Record a session the provider reports; its volunteers' time goes to the love bank
        as pending service records (after this is saved)."""
        require(actor, Action.REPORT_SESSION)
        now = self._now()
        reporter = clean_reporter(form.reporter)
        content = clean_note(form.content, "content")
        errors: dict[str, DomainError] = {}
        if form.held_on > now.date():
            errors["held_on"] = DomainError(N_("A session cannot be reported for a future date."))
        if not 0 <= form.people <= PEOPLE_MAX:
            errors["people"] = DomainError(N_("Enter 0 to {n}."), n=PEOPLE_MAX)
        if any(n <= 0 for n in form.groups.values()):
            errors["groups"] = DomainError(N_("Enter the people of each key group, more than zero."))
        elif sum(form.groups.values()) > form.people:
            errors["groups"] = DomainError(N_("The key groups add up to more people than were served."))
        volunteer_ids = [v.volunteer_id for v in form.volunteers]
        if len(set(volunteer_ids)) != len(volunteer_ids):
            errors["volunteers"] = DomainError(N_("A volunteer is listed twice."))
        elif any(not 0 < v.minutes <= DAY_MINUTES for v in form.volunteers):
            errors["volunteers"] = DomainError(
                N_("A volunteer's time is more than zero and at most 24 hours.")
            )
        if errors:
            raise FieldErrors(errors)
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, Action.REPORT_SESSION, order.stage)
            if order.accepted_at is not None and form.held_on < order.accepted_at.date():
                raise FieldErrors(
                    {
                        "held_on": DomainError(
                            N_("The provider accepted the order only on {day}."),
                            day=order.accepted_at.date().isoformat(),
                        )
                    }
                )
            tags = registry.tag_names(s)
            if any(t not in tags for t in form.groups):
                raise FieldErrors({"groups": DomainError(N_("A key group no longer exists."))})
            names = repo.active_volunteers(s, volunteer_ids)
            if len(names) != len(volunteer_ids):
                raise FieldErrors({"volunteers": DomainError(N_("This person is not an active volunteer."))})
            row = OrderSession(
                order_id=order.id,
                held_on=form.held_on,
                people=form.people,
                content=content,
                reporter=reporter,
                reported_at=now,
                reported_by=actor.user_id,
            )
            s.add(row)
            s.flush()
            s.add_all(
                OrderSessionGroup(session_id=row.id, tag_id=t, people=n) for t, n in form.groups.items()
            )
            s.add_all(
                OrderSessionVolunteer(session_id=row.id, volunteer_id=v.volunteer_id, minutes=v.minutes)
                for v in form.volunteers
            )
            order.actual_people += form.people
            order.actual_sessions += 1
            order.updated_at = now
            before = order.stage
            record_event(
                s,
                actor,
                order,
                Action.REPORT_SESSION,
                before,
                now,
                note=f"{form.held_on.isoformat()} {form.people}人 {content}".strip(),
                provider_id=order.provider_id,
                reporter=reporter,
            )
            session_id, number, title = row.id, order.number, order.title
            uow.commit()
        return self._pass_hours(actor, order_id, session_id, form, names, f"{number} {title}")

    def finish(self, actor: Actor, order_id: int, reporter: str, note: str = "") -> None:
        """The provider reports the work done: the resident is asked to rate it (待评价)."""
        require(actor, Action.FINISH)
        now = self._now()
        note = clean_note(note)
        reporter = clean_reporter(reporter)
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, Action.FINISH, order.stage, note)
            if order.actual_sessions == 0:
                raise DomainError(N_("No session has been reported for this order yet."))
            before = order.stage
            order.finished_at = now
            order.on_time = order.deadline is None or now < end_of_day(order.deadline)
            move(order, Stage.TO_RATE, now)
            record_event(
                s,
                actor,
                order,
                Action.FINISH,
                before,
                now,
                note=note,
                provider_id=order.provider_id,
                reporter=reporter,
            )
            uow.commit()

    # --- 评单 / 验收 / 终止 ------------------------------------------------------------------
    def rate(self, actor: Actor, order_id: int, rating: str, comment: str = "") -> Stage:
        """The resident's rating (群众评单): 满意/基本满意 → 待验收; 不满意 (with the reason) →
        back to the provider to redo. Returns the order's new stage."""
        try:
            value = Rating(rating)
        except ValueError:
            raise FieldErrors({"rating": DomainError(N_("Choose how satisfied the resident is."))}) from None
        action = Action.REDO if value == Rating.UNSATISFIED else Action.RATE
        require(actor, action)
        now = self._now()
        comment = clean_note(comment, "comment")
        if value == Rating.UNSATISFIED and not comment:
            raise FieldErrors(
                {
                    "comment": DomainError(
                        N_("Write why the resident is unsatisfied; the provider redoes the work.")
                    )
                }
            )
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, action, order.stage, comment)
            before = order.stage
            order.rating, order.rating_comment = value.value, comment
            if value == Rating.UNSATISFIED:
                order.redo_count += 1
                move(order, Stage.IN_PROGRESS, now, attention=Attention.REDO)
            else:
                move(order, Stage.TO_CHECK, now)
            record_event(
                s, actor, order, action, before, now, note=comment, audit_after={"rating": value.value}
            )
            uow.commit()
            return Stage(order.stage)

    def check_work(self, actor: Actor, order_id: int, note: str = "") -> int:
        """验收: actual against planned targets; returns the completion rate in percent
        (see ``vocabulary.completion_band``). The order then waits for its 尾款."""
        require(actor, Action.CHECK)
        now = self._now()
        note = clean_note(note)
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, Action.CHECK, order.stage, note)
            percent = completion_percent(
                order.planned_people, order.actual_people, order.planned_sessions, order.actual_sessions
            )
            before = order.stage
            order.checked_at, order.completion_percent = now, percent
            move(order, Stage.TO_PAY, now)
            record_event(
                s, actor, order, Action.CHECK, before, now, note=note, audit_after={"completion": percent}
            )
            uow.commit()
            return percent

    def terminate(self, actor: Actor, order_id: int, reason: str) -> None:
        """End an order early (终止): no further payment; what was not paid is released."""
        require(actor, Action.TERMINATE)
        now = self._now()
        reason = clean_note(reason)
        with self._db.writing() as uow:
            s = uow.session
            order = load_order(s, order_id)
            check(actor, Action.TERMINATE, order.stage, reason)
            commitments.release_unpaid(s, actor, money_repo.fund_lines(s, order.id), now)
            before = order.stage
            order.closed_at = now
            move(order, Stage.TERMINATED, now)
            record_event(s, actor, order, Action.TERMINATE, before, now, note=reason)
            uow.commit()

    # --- helpers --------------------------------------------------------------------------
    def _open_candidate(self, s: Session, order: ServiceOrder, provider_id: int) -> Provider:
        """The provider, if the order is offered to it and it has not declined."""
        offered = {c.provider_id: c for c in repo.candidates(s, order.id)}
        candidate = offered.get(provider_id)
        provider = s.get(Provider, provider_id)
        if candidate is None or provider is None:
            raise FieldErrors({"provider": DomainError(N_("The order was not offered to this provider."))})
        if candidate.declined_at is not None:
            raise FieldErrors({"provider": DomainError(N_("This provider has already declined the order."))})
        return provider

    def _expire(self, s: Session, actor: Actor, order: ServiceOrder, now: dt.datetime) -> None:
        before = order.stage
        move(order, Stage.TO_DISPATCH, now, attention=Attention.EXPIRED)
        moment = order.accept_by.strftime("%Y-%m-%d %H:%M") if order.accept_by else ""
        record_event(s, actor, order, Action.EXPIRE, before, now, note=moment)

    def _pass_hours(
        self,
        actor: Actor,
        order_id: int,
        session_id: int,
        form: SessionForm,
        names: Mapping[int, str],
        note: str,
    ) -> SessionResult:
        """Hand the volunteers' time to the love bank (one pending record each) and keep
        the records' ids with the session. The session is already saved: a volunteer the
        love bank refuses (e.g. more than 24 hours that day) is reported, not fatal."""
        hook = self._record_volunteer_hours
        if hook is None:  # no love bank wired (tests of the orders job alone)
            return SessionResult(session_id, (), tuple(names[v.volunteer_id] for v in form.volunteers))
        made: dict[int, int] = {}
        missed: list[str] = []
        for v in form.volunteers:
            try:
                made[v.volunteer_id] = hook(v.volunteer_id, v.minutes, form.held_on, note, actor=actor)
            except DomainError:
                log.warning(
                    "volunteer %s: hours of order %s not recorded", v.volunteer_id, order_id, exc_info=True
                )
                missed.append(names[v.volunteer_id])
        if made:
            with self._db.writing() as uow:
                s = uow.session
                for volunteer_id, record_id in made.items():
                    line = s.get(OrderSessionVolunteer, (session_id, volunteer_id))
                    if line is not None:
                        line.service_record_id = record_id
                order = s.get(ServiceOrder, order_id)
                if order is not None:
                    order.updated_at = self._now()  # announces the order (its lines name no order)
                uow.commit()
        return SessionResult(session_id, tuple(made.values()), tuple(missed))


def _shares(lines, amount: int, split: Mapping[int, int] | None) -> dict[int, int]:
    """What each fund line keeps committed of the contract amount."""
    budgets = [(line.fund_id, line.budget) for line in lines]
    if split is None:
        return split_contract(budgets, amount)
    known = dict(budgets)
    if set(split) - set(known):
        raise FieldErrors({"split": DomainError(N_("A fund that is not in the order's budget was given."))})
    if any(v < 0 or v > known[k] for k, v in split.items()):
        raise FieldErrors({"split": DomainError(N_("A fund's share is negative or above its budget."))})
    if sum(split.values()) != amount:
        raise FieldErrors(
            {"split": DomainError(N_("The funds' shares do not add up to the contract amount."))}
        )
    return {fund_id: split.get(fund_id, 0) for fund_id, _budget in budgets}
