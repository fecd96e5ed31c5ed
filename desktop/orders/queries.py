"""Reading orders: the board (stages with counts, filtered, windowed) and one order in
full — its history, planned against actual targets, sessions, money and files.

The filters are applied in SQL (``db.orders.OrderFilter``); the board asks ``count``
once and ``rows`` for each window of lines it paints, like the other lists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db import orders as repo
from db import orders_money as money_repo
from db import orders_registry as registry
from db.models import Grid, Resident
from db.models_orders import Provider, ServiceOrder
from db.orders import OrderFilter, OrderRecord
from desktop.common.errors import NotFound
from desktop.common.i18n import N_
from desktop.common.masking import mask_phone
from desktop.common.permissions import Actor, Permission
from desktop.orders.base import OrdersBase
from desktop.orders.payments import PaymentRow, payment_row
from desktop.orders.states import BOARD_STAGES, Action, Stage, allowed_actions
from desktop.orders.vocabulary import (
    AttachmentKind,
    Attention,
    CompletionBand,
    Rating,
    completion_band,
    completion_percent,
)


@dataclass(frozen=True)
class StageCount:
    stage: Stage
    count: int
    overdue: int


@dataclass(frozen=True)
class Board:
    """The board's columns (every stage, in flow order) with their counts under the
    filter; ``total`` is the sum."""

    stages: tuple[StageCount, ...]
    total: int
    overdue: int


@dataclass(frozen=True)
class OrderRow:
    """A line of the board."""

    id: int
    number: str
    ordered_at: dt.datetime
    resident_id: int
    resident_name: str
    grid: str
    category: str
    title: str
    stage: Stage
    attention: Attention
    provider: str
    budget: int  # fen
    contract_amount: int | None
    deadline: dt.date | None
    due_at: dt.datetime | None
    overdue: bool


@dataclass(frozen=True)
class EventRow:
    at: dt.datetime
    username: str  # the colleague's full name
    action: Action
    from_stage: str
    to_stage: str
    provider: str
    reporter: str
    amount: int | None
    note: str


@dataclass(frozen=True)
class FundLineRow:
    fund_id: int
    fund: str
    budget: int
    committed: int
    paid: int


@dataclass(frozen=True)
class CandidateRow:
    provider_id: int
    provider: str
    declined_at: dt.datetime | None


@dataclass(frozen=True)
class SessionVolunteerRow:
    volunteer_id: int
    name: str
    minutes: int
    service_record_id: int | None  # the love bank's pending record; None: not passed on


@dataclass(frozen=True)
class SessionRow:
    id: int
    held_on: dt.date
    people: int
    groups: tuple[tuple[str, int], ...]  # (key group, people)
    volunteers: tuple[SessionVolunteerRow, ...]
    content: str
    reporter: str
    reported_at: dt.datetime


@dataclass(frozen=True)
class Targets:
    """Planned against actual (计划 vs 实际) and the completion rate so far."""

    planned_people: int
    actual_people: int
    planned_sessions: int
    actual_sessions: int
    planned_groups: tuple[str, ...]
    actual_groups: tuple[tuple[str, int], ...]
    completion_percent: int
    band: CompletionBand


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    kind: AttachmentKind
    filename: str
    size: int
    session_id: int | None
    added_at: dt.datetime


@dataclass(frozen=True)
class OrderDetail:
    id: int
    number: str
    stage: Stage
    attention: Attention
    resident_id: int
    resident_name: str
    resident_phone: str  # masked
    address: str
    grid: str
    request_id: int | None
    request_number: str
    item_id: int | None
    category: str
    title: str
    description: str
    ordered_at: dt.datetime
    scope: str
    deadline: dt.date | None
    budget: int
    needs_approval: bool
    publicity_days: int
    publicity_ends: dt.datetime | None
    dispatched_at: dt.datetime | None
    accept_by: dt.datetime | None
    provider_id: int | None
    provider: str
    contract_amount: int | None
    accepted_at: dt.datetime | None
    finished_at: dt.datetime | None
    on_time: bool | None
    rating: Rating | None
    rating_comment: str
    redo_count: int
    checked_at: dt.datetime | None
    completion_percent: int | None  # fixed at 验收
    closed_at: dt.datetime | None
    due_at: dt.datetime | None
    overdue: bool
    targets: Targets
    fund_lines: tuple[FundLineRow, ...]
    candidates: tuple[CandidateRow, ...]
    events: tuple[EventRow, ...]
    sessions: tuple[SessionRow, ...]
    payments: tuple[PaymentRow, ...]
    attachments: tuple[AttachmentRow, ...]
    paid: int  # fen paid so far
    deducted: int  # fen cut (核减) so far
    payable_left: int  # contract - paid - deducted (0 before acceptance)
    actions: tuple[Action, ...]  # what this user may do now


ALL = OrderFilter()
"""The board without a filter."""


def order_row(r: OrderRecord, now: dt.datetime) -> OrderRow:
    return OrderRow(
        id=r.id,
        number=r.number,
        ordered_at=r.ordered_at,
        resident_id=r.resident_id,
        resident_name=r.resident_name,
        grid=r.grid,
        category=r.category,
        title=r.title,
        stage=Stage(r.stage),
        attention=Attention(r.attention),
        provider=r.provider,
        budget=r.budget,
        contract_amount=r.contract_amount,
        deadline=r.deadline,
        due_at=r.due_at,
        overdue=r.due_at is not None and r.due_at < now,
    )


class QueriesPart(OrdersBase):
    def board(self, actor: Actor, f: OrderFilter = ALL) -> Board:
        """Every stage with its count (and overdue count) under ``f`` (its stage aside)."""
        actor.require(Permission.VIEW_ORDERS)
        now = self._now()
        with self._db.reading() as uow:
            counts = repo.stage_counts(uow.session, f, now)
        stages = tuple(StageCount(s, *counts.get(s.value, (0, 0))) for s in BOARD_STAGES)
        return Board(stages, sum(c.count for c in stages), sum(c.overdue for c in stages))

    def count(self, actor: Actor, f: OrderFilter = ALL) -> int:
        actor.require(Permission.VIEW_ORDERS)
        with self._db.reading() as uow:
            return repo.count(uow.session, f, self._now())

    def rows(self, actor: Actor, f: OrderFilter, offset: int, limit: int) -> list[OrderRow]:
        """One window of the board's lines, newest order first."""
        actor.require(Permission.VIEW_ORDERS)
        now = self._now()
        with self._db.reading() as uow:
            s = uow.session
            return [order_row(r, now) for r in repo.records(s, repo.page_ids(s, f, now, offset, limit))]

    def orders_of_request(self, actor: Actor, request_id: int) -> list[tuple[int, str, Stage]]:
        """(id, number, stage) of the orders turned from a registered request."""
        actor.require(Permission.VIEW_ORDERS)
        with self._db.reading() as uow:
            return [(i, n, Stage(st)) for i, n, st in repo.orders_of_request(uow.session, request_id)]

    def key_groups(self) -> list[tuple[int, str]]:
        """The key groups (重点人群) as ``(id, name)`` for targets and sessions."""
        with self._db.reading() as uow:
            return sorted(registry.tag_names(uow.session).items())

    def provider_attachments(self, actor: Actor, provider_id: int) -> list[AttachmentRow]:
        actor.require(Permission.VIEW_ORDERS)
        with self._db.reading() as uow:
            return [_attachment(a) for a in repo.attachments(uow.session, provider_id=provider_id)]

    def order(self, actor: Actor, order_id: int) -> OrderDetail:
        """One order in full, with the actions this user may take now."""
        actor.require(Permission.VIEW_ORDERS)
        now = self._now()
        with self._db.reading() as uow:
            s = uow.session
            o = s.get(ServiceOrder, order_id)
            if o is None:
                raise NotFound(N_("This service order no longer exists."))
            resident = s.get(Resident, o.resident_id)
            assert resident is not None
            grid = s.get(Grid, o.grid_id) if o.grid_id is not None else None
            provider = s.get(Provider, o.provider_id) if o.provider_id is not None else None
            providers = registry.provider_names(s)
            funds = registry.fund_names(s)
            tags = registry.tag_names(s)
            people = repo.user_full_names(s)
            lines = money_repo.fund_lines(s, o.id)
            payments = tuple(payment_row(r) for r in money_repo.payments(s, order_id=o.id))
            deducted = sum(p.deduction for p in payments)
            paid = sum(line.paid for line in lines)
            percent = completion_percent(
                o.planned_people, o.actual_people, o.planned_sessions, o.actual_sessions
            )
            found_sessions = repo.sessions(s, o.id)
            session_ids = [x.id for x in found_sessions]
            groups = repo.session_groups(s, session_ids)
            volunteers: dict[int, list[SessionVolunteerRow]] = {}
            for v in repo.session_volunteers(s, session_ids):
                volunteers.setdefault(v.session_id, []).append(
                    SessionVolunteerRow(v.volunteer_id, v.name, v.minutes, v.service_record_id)
                )
            return OrderDetail(
                id=o.id,
                number=o.number,
                stage=Stage(o.stage),
                attention=Attention(o.attention),
                resident_id=resident.id,
                resident_name=resident.name,
                resident_phone=mask_phone(resident.phone),
                address=resident.address,
                grid=grid.name if grid else "",
                request_id=o.request_id,
                request_number=repo.request_number(s, o.request_id) if o.request_id is not None else "",
                item_id=o.item_id,
                category=o.category,
                title=o.title,
                description=o.description,
                ordered_at=o.ordered_at,
                scope=o.scope,
                deadline=o.deadline,
                budget=o.budget,
                needs_approval=o.needs_approval,
                publicity_days=o.publicity_days,
                publicity_ends=o.publicity_ends,
                dispatched_at=o.dispatched_at,
                accept_by=o.accept_by,
                provider_id=o.provider_id,
                provider=provider.name if provider else "",
                contract_amount=o.contract_amount,
                accepted_at=o.accepted_at,
                finished_at=o.finished_at,
                on_time=o.on_time,
                rating=Rating(o.rating) if o.rating else None,
                rating_comment=o.rating_comment,
                redo_count=o.redo_count,
                checked_at=o.checked_at,
                completion_percent=o.completion_percent,
                closed_at=o.closed_at,
                due_at=o.due_at,
                overdue=o.due_at is not None and o.due_at < now,
                targets=Targets(
                    planned_people=o.planned_people,
                    actual_people=o.actual_people,
                    planned_sessions=o.planned_sessions,
                    actual_sessions=o.actual_sessions,
                    planned_groups=tuple(tags.get(t, "") for t in repo.target_tag_ids(s, o.id)),
                    actual_groups=tuple(
                        (tags.get(t, ""), n) for t, n in sorted(repo.group_totals(s, o.id).items())
                    ),
                    completion_percent=percent,
                    band=completion_band(percent),
                ),
                fund_lines=tuple(
                    FundLineRow(x.fund_id, funds.get(x.fund_id, ""), x.budget, x.committed, x.paid)
                    for x in lines
                ),
                candidates=tuple(
                    CandidateRow(c.provider_id, providers.get(c.provider_id, ""), c.declined_at)
                    for c in repo.candidates(s, o.id)
                ),
                events=tuple(
                    EventRow(
                        at=e.at,
                        username=people.get(e.user_id, e.username) if e.user_id is not None else e.username,
                        action=Action(e.action),
                        from_stage=e.from_stage,
                        to_stage=e.to_stage,
                        provider=providers.get(e.provider_id, "") if e.provider_id is not None else "",
                        reporter=e.reporter,
                        amount=e.amount,
                        note=e.note,
                    )
                    for e in repo.events(s, o.id)
                ),
                sessions=tuple(
                    SessionRow(
                        id=x.id,
                        held_on=x.held_on,
                        people=x.people,
                        groups=tuple((tags.get(t, ""), n) for t, n in groups.get(x.id, [])),
                        volunteers=tuple(volunteers.get(x.id, [])),
                        content=x.content,
                        reporter=x.reporter,
                        reported_at=x.reported_at,
                    )
                    for x in found_sessions
                ),
                payments=payments,
                attachments=tuple(_attachment(a) for a in repo.attachments(s, order_id=o.id)),
                paid=paid,
                deducted=deducted,
                payable_left=max(0, (o.contract_amount or 0) - paid - deducted),
                actions=tuple(allowed_actions(actor, o.stage)),
            )


def _attachment(a: repo.AttachmentRecord) -> AttachmentRow:
    return AttachmentRow(a.id, AttachmentKind(a.kind), a.filename, a.size, a.session_id, a.added_at)
