"""Registering a request at the front desk (接待登记): the form, its checks, the new
number, and the possible duplicates shown while the form is filled in.

Part of :class:`desktop.requests.service.RequestService`. A request registered with a
lead department is assigned in the same transaction (its clocks start at once).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from db import requests as repo
from db.models import Category, Department, Grid, Request, Resident
from db.uow import Database
from desktop.common.clock import Clock
from desktop.common.errors import DomainError, FieldErrors
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission
from desktop.requests.catalogue import RequiredText
from desktop.requests.lifecycle import assign_department, record_event
from desktop.requests.queries import RequestRow, request_row
from desktop.requests.states import PERMISSIONS, Action, Status
from desktop.requests.vocabulary import CHANNELS, LEVELS, URGENCIES

DESCRIPTION_MAX = 5_000
HEAD_COUNT_MAX = 10_000
DUPLICATE_DAYS = 30

DESCRIPTION = RequiredText(
    DESCRIPTION_MAX,
    N_("Describe the request."),
    N_("The description has {count} characters; at most {n} are allowed."),
)


@dataclass
class RequestForm:
    """What the reception form submits."""

    resident_id: int | None
    channel: str
    category_id: int | None
    description: str
    urgency: str = "green"
    level: str = "community"
    head_count: int = 1
    grid_id: int | None = None
    address: str = ""
    lead_department_id: int | None = None
    assist_ids: Sequence[int] = field(default_factory=tuple)
    received_at: dt.datetime | None = None


def create_request(
    session: Session, actor: Actor, resident: Resident, form: RequestForm, now: dt.datetime
) -> Request:
    """Write a checked request, its 登记 event and (with a lead department) its
    assignment in the caller's unit of work; no commit. Shared by reception and by
    requests other jobs raise (:mod:`desktop.requests.grid_reports`)."""
    request = Request(
        number=repo.next_number(session, now),
        resident_id=resident.id,
        channel=form.channel,
        head_count=form.head_count,
        category_id=form.category_id,
        description=form.description.strip(),
        address=(form.address or resident.address or "").strip(),
        grid_id=form.grid_id if form.grid_id is not None else resident.grid_id,
        urgency=form.urgency,
        level=form.level,
        status=Status.REGISTERED.value,
        round=1,
        registered_at=form.received_at or now,
        registered_by=actor.user_id,
        updated_at=now,
    )
    session.add(request)
    session.flush()
    record_event(session, actor, request, Action.REGISTER, "", Status.REGISTERED, now)
    if form.lead_department_id is not None:
        assign_department(session, actor, request, form.lead_department_id, form.assist_ids, "", now)
    return request


class Registration:
    """The registration part of the request service."""

    _db: Database
    _now: Clock

    def check(self, form: RequestForm) -> None:
        """Validate a reception form; ``FieldErrors`` names every bad field."""
        errors: dict[str, DomainError] = {}
        now = self._now()
        with self._db.reading() as uow:
            s = uow.session
            if form.resident_id is None:
                errors["resident"] = DomainError(N_("Find or register the resident first."))
            else:
                r = s.get(Resident, form.resident_id)
                if r is None:
                    errors["resident"] = DomainError(N_("This resident no longer exists."))
                elif r.archived:
                    errors["resident"] = DomainError(
                        N_("This resident is archived; restore the record first.")
                    )
            if form.channel not in CHANNELS:
                errors["channel"] = DomainError(N_("Choose how the request came in."))
            if form.category_id is None:
                errors["category"] = DomainError(N_("Choose a category."))
            else:
                c = s.get(Category, form.category_id)
                parent = s.get(Category, c.parent_id) if c is not None and c.parent_id else None
                if c is None or not c.is_active or (parent is not None and not parent.is_active):
                    errors["category"] = DomainError(
                        N_("This category has been disabled by the administrator; choose another.")
                    )
                elif repo.has_active_children(s, c.id):
                    errors["category"] = DomainError(N_("Choose a sub-category."))
            DESCRIPTION.clean(form.description or "", "description", errors)
            if form.urgency not in URGENCIES:
                errors["urgency"] = DomainError(N_("Choose the urgency."))
            if form.level not in LEVELS:
                errors["level"] = DomainError(N_("Choose the handling level."))
            if not isinstance(form.head_count, int) or not 1 <= form.head_count <= HEAD_COUNT_MAX:
                errors["head_count"] = DomainError(
                    N_("The number of visitors must be between 1 and {n}."), n=HEAD_COUNT_MAX
                )
            if form.grid_id is not None and s.get(Grid, form.grid_id) is None:
                errors["grid"] = DomainError(N_("This grid no longer exists."))
            if form.lead_department_id is not None:
                d = s.get(Department, form.lead_department_id)
                if d is None or not d.is_active:
                    errors["department"] = DomainError(N_("This department is not available."))
            if form.lead_department_id is not None and form.lead_department_id in form.assist_ids:
                errors["assists"] = DomainError(N_("The lead department cannot also assist."))
            if form.received_at is not None and form.received_at > now + dt.timedelta(minutes=1):
                errors["received_at"] = DomainError(N_("The time received cannot be in the future."))
        if errors:
            raise FieldErrors(errors)

    def register(self, actor: Actor, form: RequestForm) -> int:
        """Register a request; with a lead department it is assigned at once."""
        actor.require(PERMISSIONS[Action.REGISTER])
        self.check(form)
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            resident = s.get(Resident, form.resident_id)
            assert resident is not None
            request = create_request(s, actor, resident, form, now)
            uow.commit()
            return request.id

    def duplicates(
        self,
        actor: Actor,
        *,
        resident_id: int | None,
        address: str,
        category_id: int | None,
        exclude_id: int | None = None,
    ) -> list[RequestRow]:
        """Possible duplicates: same resident, or same address and category, last 30 days."""
        actor.require(Permission.VIEW_REQUESTS)
        now = self._now()
        with self._db.reading() as uow:
            ids = repo.recent_similar(
                uow.session,
                resident_id=resident_id,
                address=address,
                category_id=category_id,
                since=now - dt.timedelta(days=DUPLICATE_DAYS),
                exclude_id=exclude_id,
            )
            return [request_row(r, now) for r in repo.records(uow.session, ids)]
