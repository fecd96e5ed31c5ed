"""Recording a visit: the form, its checks, and what one visit writes.

One visit is one transaction: the ``visit`` row, its 七必报 items, its photos, the
resident's ``visit_summary`` row, one audit row — and, for each ticked item that needs
action (安全隐患, 不稳定因素, 环境卫生不洁, 居民重病住院), a request with channel 网格员上报
registered through the requests job's hook (:data:`RaiseRequest`, wired in
``desktop/opening.py``) in the same unit of work and linked from the item. If the
request cannot be registered, nothing of the visit is written either. Items for the
register (房屋出租, 新增流动人口, 新增孕妇) come back as prompts (:class:`RegisterPrompt`).

Visits are append-only: a correction is a new entry that supersedes the old one (the
requests the old entry raised stay linked, none is raised twice); a withdrawal is a
correction that says the visit should not have been recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from db import visits as repo
from db.models import Resident, User
from db.models_visits import Visit, VisitPhoto, VisitReport
from desktop.common import audit
from desktop.common.attachments import ATTACHMENT_MAX_BYTES, AttachmentStore
from desktop.common.errors import DomainError, FieldErrors
from desktop.common.i18n import N_
from desktop.common.permissions import Actor
from desktop.visits.rules import (
    ACTION_ITEMS,
    ITEM_ZH,
    METHOD_ZH,
    REGISTER_ITEMS,
    REGISTER_PROMPTS,
    Method,
    ReportItem,
)

COMPANIONS_MAX = 200
FINDINGS_MAX = 2_000
REASON_MAX = 500
PHOTOS_MAX = 9
PHOTO_MAX_BYTES = ATTACHMENT_MAX_BYTES
EARLIEST = dt.date(2000, 1, 1)


@dataclass(frozen=True)
class GridReport:
    """What the requests job is asked to register for a ticked item needing action."""

    resident_id: int
    item: str
    category: tuple[str, str]  # (top level, sub-category) by name
    urgency: str  # red | yellow | green
    description: str
    address: str
    grid_id: int | None
    received_at: dt.datetime


@dataclass(frozen=True)
class RaisedRequest:
    """A request a visit raised: its item, id and number (e.g. ``2026120001``)."""

    item: str
    request_id: int
    number: str


RaiseRequest = Callable[[Session, Actor, GridReport], tuple[int, str]]
"""``raise_request(session, actor, report) -> (request_id, number)``: registers a request
with channel 网格员上报 inside the caller's unit of work (no commit)."""


@dataclass
class VisitForm:
    """What the record dialog (or one row of the batch table) submits.

    ``visitor_id`` None means the logged-in user. ``items`` are
    :class:`~desktop.visits.rules.ReportItem` values; ``photos`` paths of image files.
    """

    resident_id: int | None
    visited_on: dt.date | None
    method: str = Method.HOME
    visitor_id: int | None = None
    companions: str = ""
    findings: str = ""
    items: Sequence[str] = field(default_factory=tuple)
    photos: Sequence[Path] = field(default_factory=tuple)


@dataclass(frozen=True)
class RegisterPrompt:
    """A register item ticked on a visit: what the register should be told."""

    item: str
    message: str  # an N_ text
    resident_id: int
    resident_name: str


@dataclass(frozen=True)
class RecordedVisit:
    visit_id: int
    resident_id: int
    requests: tuple[RaisedRequest, ...]
    prompts: tuple[RegisterPrompt, ...]


class BatchRowError(FieldErrors):
    """A row of a batch failed its checks; nothing of the batch was saved. ``row`` is
    1-based, ``errors`` maps the row's field names to their messages."""

    def __init__(self, row: int, name: str, errors: dict[str, DomainError]):
        DomainError.__init__(
            self,
            N_("Row {row} ({name}) has a mistake, so nothing of this round was saved."),
            row=row,
            name=name or "—",
        )
        self.errors = errors
        self.row = row
        self.name = name


@dataclass(frozen=True)
class Checked:
    resident: Resident
    visitor_id: int
    method: str
    visited_on: dt.date
    companions: str
    findings: str
    items: tuple[str, ...]
    photos: tuple[Path, ...]


def check(
    session: Session, actor: Actor, form: VisitForm, today: dt.date, *, grid_id: int | None = None
) -> Checked:
    """Validate a form against the database; ``FieldErrors`` names every bad field.
    With ``grid_id`` (a batch for one grid) the resident must live in that grid."""
    errors: dict[str, DomainError] = {}
    resident = None
    if form.resident_id is None:
        errors["resident"] = DomainError(N_("Choose the resident who was visited."))
    else:
        resident = session.get(Resident, form.resident_id)
        if resident is None:
            errors["resident"] = DomainError(N_("This resident no longer exists."))
        elif resident.archived:
            errors["resident"] = DomainError(
                N_("{name} is archived (moved away or merged) and is no longer visited."), name=resident.name
            )
        elif grid_id is not None and resident.grid_id != grid_id:
            errors["resident"] = DomainError(N_("{name} does not live in this grid."), name=resident.name)
    if form.visited_on is None:
        errors["visited_on"] = DomainError(N_("Enter the date of the visit."))
    elif form.visited_on > today:
        errors["visited_on"] = DomainError(
            N_("The visit date {date} is in the future; a visit is recorded after it took place."),
            date=form.visited_on.isoformat(),
        )
    elif form.visited_on < EARLIEST:
        errors["visited_on"] = DomainError(N_("The visit date is too far in the past."))
    if form.method not in METHOD_ZH:
        errors["method"] = DomainError(N_("Choose how the visit was made: home, phone or at the centre."))
    visitor_id = form.visitor_id if form.visitor_id is not None else actor.user_id
    if visitor_id is None:
        errors["visitor"] = DomainError(N_("Choose who made the visit."))
    else:
        visitor = session.get(User, visitor_id)
        if visitor is None or not visitor.is_active:
            errors["visitor"] = DomainError(N_("The visitor must be an active user of the system."))
    companions = " ".join((form.companions or "").split())
    if len(companions) > COMPANIONS_MAX:
        errors["companions"] = DomainError(N_("Companions have at most {n} characters."), n=COMPANIONS_MAX)
    findings = (form.findings or "").strip()
    if len(findings) > FINDINGS_MAX:
        errors["findings"] = DomainError(N_("The findings have at most {n} characters."), n=FINDINGS_MAX)
    items = tuple(dict.fromkeys(form.items))
    if any(i not in ITEM_ZH for i in items):
        errors["items"] = DomainError(N_("An unknown report item was ticked."))
    elif not findings and any(i in ACTION_ITEMS for i in items):
        errors["findings"] = DomainError(N_("Describe what was found: it becomes the request's description."))
    photos = tuple(Path(p) for p in form.photos)
    if len(photos) > PHOTOS_MAX:
        errors["photos"] = DomainError(N_("At most {n} photos can be kept with a visit."), n=PHOTOS_MAX)
    for p in photos:
        try:
            size = p.stat().st_size
        except OSError:
            errors["photos"] = DomainError(N_("The file {name} cannot be read."), name=p.name)
            break
        if size == 0 or size > PHOTO_MAX_BYTES:
            errors["photos"] = DomainError(
                N_("The photo {name} is empty or larger than {max} MB."),
                name=p.name,
                max=PHOTO_MAX_BYTES // 1024 // 1024,
            )
            break
    if errors:
        raise FieldErrors(errors)
    assert resident is not None and form.visited_on is not None and visitor_id is not None
    return Checked(resident, visitor_id, form.method, form.visited_on, companions, findings, items, photos)


def write(
    session: Session,
    actor: Actor,
    c: Checked,
    now: dt.datetime,
    *,
    raise_request: RaiseRequest | None,
    stored: Sequence[tuple[str, str, int]],
    supersedes: Visit | None = None,
    reason: str = "",
    withdrawn: bool = False,
) -> RecordedVisit:
    """Write one visit (or a correction of ``supersedes``) in the caller's transaction."""
    r = c.resident
    visit = Visit(
        resident_id=r.id,
        grid_id=r.grid_id,
        visited_on=c.visited_on,
        method=c.method,
        visitor_id=c.visitor_id,
        companions=c.companions,
        findings=c.findings,
        supersedes_id=supersedes.id if supersedes is not None else None,
        withdrawn=withdrawn,
        reason=reason,
        recorded_at=now,
        recorded_by=actor.user_id,
        username=actor.username,
    )
    session.add(visit)
    session.flush()
    earlier: dict[str, int | None] = {}
    if supersedes is not None:
        earlier = {
            x.item: x.request_id for x in repo.reports_of(session, [supersedes.id]).get(supersedes.id, [])
        }
    raised: list[RaisedRequest] = []
    prompts: list[RegisterPrompt] = []
    for item in () if withdrawn else c.items:
        request_id = earlier.get(item)
        if item in ACTION_ITEMS and request_id is None:
            if raise_request is None:
                raise DomainError(N_("Requests cannot be registered from visits in this installation."))
            hint = ACTION_ITEMS[item]
            request_id, number = raise_request(
                session,
                actor,
                GridReport(
                    resident_id=r.id,
                    item=item,
                    category=hint.category,
                    urgency=hint.urgency,
                    description=f"网格走访发现{ITEM_ZH[item]}（{c.visited_on:%Y-%m-%d}，{METHOD_ZH[c.method]}）：{c.findings}",
                    address=r.address,
                    grid_id=r.grid_id,
                    received_at=now,
                ),
            )
            raised.append(RaisedRequest(item, request_id, number))
        elif item in REGISTER_ITEMS:
            prompts.append(RegisterPrompt(item, REGISTER_PROMPTS[item], r.id, r.name))
        session.add(VisitReport(visit_id=visit.id, item=item, request_id=request_id))
    for sha256, name, size in stored:
        session.add(VisitPhoto(visit_id=visit.id, filename=name[:255], sha256=sha256, size=size))
    repo.refresh_summary(session, r.id)
    action = "withdraw" if withdrawn else ("correct" if supersedes is not None else "record")
    audit.record(
        session,
        actor,
        action,
        "visit",
        visit.id,
        before={"visit": supersedes.id} if supersedes is not None else None,
        after={
            "resident_id": r.id,
            "visited_on": c.visited_on.isoformat(),
            "method": c.method,
            "visitor_id": c.visitor_id,
            "items": list(c.items),
            "requests": [x.request_id for x in raised],
            "photos": len(stored),
            **({"reason": reason} if reason else {}),
        },
        at=now,
    )
    return RecordedVisit(visit.id, r.id, tuple(raised), tuple(prompts))


def store_photos(files: AttachmentStore | None, photos: Sequence[Path]) -> list[tuple[str, str, int]]:
    """Put the photos in the attachment store before the transaction: (sha256, name, size).
    Bytes left by a transaction that then fails are harmless (the store is by content)."""
    if not photos:
        return []
    if files is None:
        raise DomainError(N_("Photos cannot be kept in this installation."))
    stored = []
    for p in photos:
        ref = files.put(p)
        stored.append((ref.sha256, p.name, ref.size))
    return stored


def item_is_known(item: str) -> bool:
    return item in {i.value for i in ReportItem}
