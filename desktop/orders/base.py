"""What every part of the order service shares: the database, the clock, the attachment
store, the love bank's hook, and the steps every action takes on an order.

``OrderService`` is put together from one part per sub-domain (menu, providers, funds,
drafting, delivery, payments, attachments, queries, performance), each in its own module;
the parts are mixins over :class:`OrdersBase`, so the screens hold one service object
and the tests make it one way.

An action on an order (``act``): load the order, ask the state machine, change the order,
``move`` it to its new stage (which keeps ``due_at``, the deadline of that stage, on the
row so the board finds overdue orders with an index range), append one ``order_event``
and one audit row — all in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Protocol

from sqlalchemy.orm import Session

from db.models_orders import OrderEvent, ServiceOrder
from db.uow import Database
from desktop.common import audit
from desktop.common.clock import Clock, system_clock
from desktop.common.errors import DomainError, FieldErrors, NotFound
from desktop.common.i18n import N_
from desktop.common.permissions import Actor
from desktop.common.validation import NAME_MAX, REASON_MAX, check_text
from desktop.orders.states import Action, Stage
from desktop.orders.vocabulary import Attention

NOTE_MAX = 2_000
REPORTER_MAX = 64


class VolunteerHours(Protocol):
    """The love bank's hook: record a volunteer's minutes on a day as a *pending* service
    record (approved there as usual) and return its id.

    ``desktop.opening`` wires it to the love bank; the orders job never imports it. It
    is called after the session report has been committed, with the reporting user.
    """

    def __call__(self, volunteer_id: int, minutes: int, on: dt.date, note: str, *, actor: Actor) -> int: ...


class OrdersBase:
    """The database every operation opens a unit of work on, and the clock it asks once."""

    def __init__(
        self,
        db: Database,
        attachments_dir: Path | None = None,
        now: Clock = system_clock,
        record_volunteer_hours: VolunteerHours | None = None,
    ):
        self._db = db
        self._attachments = attachments_dir
        self._now = now
        self._record_volunteer_hours = record_volunteer_hours


def load_order(s: Session, order_id: int) -> ServiceOrder:
    """The order, locked until the transaction ends (PostgreSQL ``FOR UPDATE``; SQLite's
    write transaction holds the database), so two desks cannot both take the same step.
    Every path locks the order before any fund, so they cannot deadlock."""
    order = s.get(ServiceOrder, order_id, with_for_update=True, populate_existing=True)
    if order is None:
        raise NotFound(N_("This service order no longer exists."))
    return order


def clean_note(note: str, field: str = "note") -> str:
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise FieldErrors({field: DomainError(N_("The note has at most {n} characters."), n=NOTE_MAX)})
    return note


def clean_reporter(reporter: str) -> str:
    """The provider's person who reported a step (staff record it on their behalf)."""
    reporter = (reporter or "").strip()
    if not reporter:
        raise FieldErrors(
            {"reporter": DomainError(N_("Enter who reported this for the provider (name and position)."))}
        )
    if len(reporter) > REPORTER_MAX:
        raise FieldErrors({"reporter": DomainError(N_("At most {n} characters."), n=REPORTER_MAX)})
    return reporter


def end_of_day(day: dt.date) -> dt.datetime:
    """The first moment after ``day``: a deadline date is met any time on that day."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time())


def stage_due(order: ServiceOrder, stage: Stage) -> dt.datetime | None:
    """The deadline of ``stage`` for this order (None: the stage has none)."""
    if stage == Stage.TO_ACCEPT:
        return order.accept_by
    if stage == Stage.PUBLICITY:
        return order.publicity_ends
    if stage == Stage.IN_PROGRESS and order.deadline is not None:
        return end_of_day(order.deadline)
    return None


def move(
    order: ServiceOrder, stage: Stage, now: dt.datetime, *, attention: Attention = Attention.NONE
) -> None:
    """Put the order in ``stage`` with that stage's deadline; ``attention`` says why it
    came back to the community (cleared by any other step)."""
    order.stage = stage.value
    order.attention = attention.value
    order.due_at = stage_due(order, stage)
    order.updated_at = now


def record_event(
    s: Session,
    actor: Actor,
    order: ServiceOrder,
    action: Action,
    before: str,
    now: dt.datetime,
    *,
    note: str = "",
    provider_id: int | None = None,
    reporter: str = "",
    amount: int | None = None,
    audit_after: dict[str, object] | None = None,
) -> None:
    """Append one event to the order's history and one audit row (nothing is edited away)."""
    note = check_text(note, REASON_MAX, strip=False)
    reporter = check_text(reporter, NAME_MAX)
    s.add(
        OrderEvent(
            order_id=order.id,
            at=now,
            user_id=actor.user_id,
            username=actor.username,
            action=action.value,
            from_stage=str(before),
            to_stage=order.stage,
            provider_id=provider_id,
            reporter=reporter,
            amount=amount,
            note=note,
        )
    )
    after: dict[str, object] = {"number": order.number, "from": str(before), "to": order.stage}
    if note:
        after["note"] = note
    if amount is not None:
        after["amount"] = amount
    after.update(audit_after or {})
    audit.record(s, actor, action.value, "service_order", order.id, after=after, at=now)
    s.flush()
