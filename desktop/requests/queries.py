"""Reading requests: the pick lists of the forms, the paged lists, the start page's
今日待办, one request in full (诉求详情) and the centre's name its slip carries.

Part of :class:`desktop.requests.service.RequestService`. Every list row carries the
colour of its running clock at the moment of reading; the SQL is in ``db.requests``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from db import requests as repo
from db import settings as settings_repo
from db.models import Department, Grid, Request, Resident
from db.requests import AttachmentRecord, RequestFilter, RequestRecord
from db.uow import Database
from desktop.common.clock import Clock
from desktop.common.errors import DomainError, found
from desktop.common.i18n import N_
from desktop.common.labels import category_label
from desktop.common.masking import mask_phone
from desktop.common.permissions import Actor, Permission
from desktop.common.validation import search_text
from desktop.requests import clocks
from desktop.requests.catalogue import (
    CategoryNode,
    DepartmentRow,
    TemplateRow,
    category_labels,
    category_tree,
    department_row,
    template_row,
)


@dataclass(frozen=True)
class RequestRow:
    """A line of a request list, with the colour of its running clock."""

    id: int
    number: str
    registered_at: dt.datetime
    resident_name: str
    channel: str
    category: str
    urgency: str
    status: str
    department: str
    clock: str | None
    due_at: dt.datetime | None
    colour: str | None
    head_count: int


@dataclass(frozen=True)
class EventRow:
    at: dt.datetime
    username: str
    action: str
    from_status: str
    to_status: str
    department: str
    note: str
    clock: str
    on_time: bool | None
    round: int
    number: str  # the request it belongs to (merged duplicates show in one timeline)


@dataclass(frozen=True)
class ClockRow:
    clock: str
    due_at: dt.datetime
    done_at: dt.datetime | None
    colour: str


@dataclass(frozen=True)
class RequestDetail:
    id: int
    number: str
    status: str
    round: int
    resident_id: int
    resident_name: str
    resident_phone: str  # masked
    channel: str
    head_count: int
    category_id: int
    category: str
    description: str
    address: str
    grid: str
    urgency: str
    level: str
    lead_department_id: int | None
    department: str
    assists: tuple[str, ...]
    registered_at: dt.datetime
    clocks: tuple[ClockRow, ...]
    events: tuple[EventRow, ...]
    attachments: tuple[AttachmentRecord, ...]
    follow_up_due: dt.datetime | None
    merged_into: str
    satisfaction: str | None


@dataclass(frozen=True)
class TodayLists:
    """The start page's lists (at most ``limit`` rows each) and their full counts."""

    overdue: list[RequestRow]
    due_soon: list[RequestRow]
    waiting: list[RequestRow]  # to assign: registered without a department, returned, reopened
    follow_ups: list[RequestRow]
    overdue_count: int
    due_soon_count: int
    waiting_count: int
    follow_up_count: int


def date_range_warning(
    date_from: dt.date | None, date_to: dt.date | None, today: dt.date
) -> DomainError | None:
    """Why a range of registration dates cannot find anything, or None.

    A day after today is accepted (the list then is empty), but the user is told why
    rather than left with an empty list: a year typed wrong is the usual reason.
    """
    future = next((d for d in (date_from, date_to) if d is not None and d > today), None)
    if future is not None and (date_from is None or date_from > today):
        return DomainError(
            N_("{day} is after today ({today}): no request has been registered then."),
            day=future.isoformat(),
            today=today.isoformat(),
        )
    if date_from is not None and date_to is not None and date_to < date_from:
        return DomainError(N_("The end date is before the start date."))
    return None


def request_row(r: RequestRecord, now: dt.datetime) -> RequestRow:
    """A list line from a record, coloured for ``now``."""
    colour = clocks.colour(now, r.warn_at, r.due_at) if r.due_at and r.warn_at else None
    return RequestRow(
        id=r.id,
        number=r.number,
        registered_at=r.registered_at,
        resident_name=r.resident_name,
        channel=r.channel,
        category=category_label(r.category, r.parent_category),
        urgency=r.urgency,
        status=r.status,
        department=r.department,
        clock=r.clock,
        due_at=r.due_at,
        colour=colour,
        head_count=r.head_count,
    )


class Queries:
    """The reading part of the request service."""

    _db: Database
    _now: Clock

    # --- what the forms offer (reception, the list filters, the action dialogs) ---------------
    def categories(self) -> list[CategoryNode]:
        """The categories registration may choose, as a two-level tree."""
        with self._db.reading() as uow:
            rows = repo.categories(uow.session, active_only=True)
        return category_tree(rows, include_inactive=False)

    def departments(self) -> list[DepartmentRow]:
        """Active departments in order of entry."""
        with self._db.reading() as uow:
            return [department_row(d) for d in repo.departments(uow.session, active_only=True)]

    def templates(self, category_id: int | None = None) -> list[TemplateRow]:
        """Response templates offered for a category (its own and those for any category)."""
        with self._db.reading() as uow:
            labels = category_labels(uow.session)
            return [template_row(t, labels) for t in repo.templates(uow.session, category_id)]

    # --- lists -----------------------------------------------------------------------------
    def count(self, actor: Actor, f: RequestFilter) -> int:
        actor.require(Permission.VIEW_REQUESTS)
        f = replace(f, text=search_text(f.text))
        with self._db.reading() as uow:
            return repo.count(uow.session, f, self._now())

    def page(
        self, actor: Actor, f: RequestFilter, offset: int, limit: int, *, order: str = "registered"
    ) -> list[RequestRow]:
        actor.require(Permission.VIEW_REQUESTS)
        f = replace(f, text=search_text(f.text))
        now = self._now()
        with self._db.reading() as uow:
            return [request_row(r, now) for r in repo.page(uow.session, f, now, offset, limit, order=order)]

    def today(self, actor: Actor, limit: int = 200) -> TodayLists:
        """The start page 今日待办: overdue, due soon, waiting for a department (registered
        without one, returned, reopened; waiting longest first) and follow-up calls due by
        tonight."""
        actor.require(Permission.VIEW_REQUESTS)
        now = self._now()
        tonight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
        with self._db.reading() as uow:
            s = uow.session
            red, yellow = RequestFilter(colour="red"), RequestFilter(colour="yellow")
            waiting = RequestFilter(status="waiting")
            overdue = [request_row(r, now) for r in repo.page(s, red, now, 0, limit, order="due")]
            soon = [request_row(r, now) for r in repo.page(s, yellow, now, 0, limit, order="due")]
            to_assign = [request_row(r, now) for r in repo.page(s, waiting, now, 0, limit, order="oldest")]
            follow_ids = repo.follow_ups_due(s, tonight, limit)
            follow = [request_row(r, now) for r in repo.records(s, follow_ids)]
            return TodayLists(
                overdue=overdue,
                due_soon=soon,
                waiting=to_assign,
                follow_ups=follow,
                overdue_count=repo.count(s, red, now),
                due_soon_count=repo.count(s, yellow, now),
                waiting_count=repo.count(s, waiting, now),
                follow_up_count=repo.count_follow_ups_due(s, tonight),
            )

    def centre_name(self) -> str:
        """The centre's name as kept in the database (the slip prints it at the top)."""
        with self._db.reading() as uow:
            return settings_repo.get(uow.session, settings_repo.CENTRE_NAME)

    # --- one request -----------------------------------------------------------------------
    def get(self, actor: Actor, request_id: int) -> RequestDetail:
        actor.require(Permission.VIEW_REQUESTS)
        now = self._now()
        with self._db.reading() as uow:
            s = uow.session
            r = found(s.get(Request, request_id), N_("This request no longer exists."))
            resident = s.get(Resident, r.resident_id)
            assert resident is not None
            department = s.get(Department, r.lead_department_id) if r.lead_department_id else None
            grid = s.get(Grid, r.grid_id) if r.grid_id else None
            category = repo.category_name(s, r.category_id)
            follow_up = repo.open_follow_up(s, r.id)
            into = s.get(Request, r.merged_into_id) if r.merged_into_id else None
            return RequestDetail(
                id=r.id,
                number=r.number,
                status=r.status,
                round=r.round,
                resident_id=resident.id,
                resident_name=resident.name,
                resident_phone=mask_phone(resident.phone),
                channel=r.channel,
                head_count=r.head_count,
                category_id=r.category_id,
                category=category_label(category.name, category.parent) if category else "",
                description=r.description,
                address=r.address,
                grid=grid.name if grid else "",
                urgency=r.urgency,
                level=r.level,
                lead_department_id=r.lead_department_id,
                department=department.name if department else "",
                assists=repo.assist_names(s, r.id),
                registered_at=r.registered_at,
                clocks=_clock_rows(s, r, now),
                events=_timeline(s, r),
                attachments=tuple(repo.attachments(s, r.id)),
                follow_up_due=follow_up.due_at if follow_up else None,
                merged_into=into.number if into else "",
                satisfaction=r.satisfaction,
            )


def _timeline(s: Session, r: Request) -> tuple[EventRow, ...]:
    """This request's events and those of the duplicates merged into it, oldest first."""
    ids = [r.id, *repo.merged_ids(s, r.id)]
    numbers = repo.numbers(s, ids)
    departments = repo.department_names(s)
    # The timeline names people as colleagues know them (李秀英), not by login.
    people = repo.user_full_names(s)
    return tuple(
        EventRow(
            at=e.at,
            username=people.get(e.user_id, e.username) if e.user_id is not None else e.username,
            action=e.action,
            from_status=e.from_status,
            to_status=e.to_status,
            department=departments.get(e.department_id, "") if e.department_id is not None else "",
            note=e.note,
            clock=e.clock,
            on_time=e.on_time,
            round=e.round,
            number=numbers[e.request_id],
        )
        for e in repo.events(s, ids)
    )


def _clock_rows(s: Session, r: Request, now: dt.datetime) -> tuple[ClockRow, ...]:
    """The four clocks of the current round with their colours (none before assignment)."""
    if r.assigned_at is None:
        return ()
    cal, limits = clocks.rules_for(s, r.urgency, r.category_id)
    done = {
        clocks.ACCEPT: r.accepted_at,
        clocks.ANSWER: r.answered_at,
        clocks.RESOLVE: r.resolved_at,
        clocks.FOLLOW_UP: r.closed_at,
    }
    warns = clocks.warn_times(cal, r.assigned_at, limits)
    return tuple(
        ClockRow(name, due, done[name], clocks.colour(now, warns[name], due, done[name]))
        for name, due in clocks.due_times(cal, r.assigned_at, limits).items()
    )
