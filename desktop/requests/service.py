"""Requests (诉求): registration at the front desk and every later step, with the clocks.

Each action checks the state machine (``desktop.requests.states``), changes the request,
appends one event and, where a 30135 clock is met, records whether it was on time; the
clock now running is stored on the request (``clock``, ``warn_at``, ``due_at``) so lists
and the start page can colour and filter in SQL. All of it in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import requests as repo
from db.models import (
    Attachment,
    Category,
    Department,
    FollowUp,
    Grid,
    Request,
    RequestAssist,
    RequestEvent,
    Resident,
    ResponseTemplate,
    User,
)
from db.requests import RequestFilter, RequestRecord
from db.uow import Database
from desktop.common.errors import DomainError, FieldErrors, NotFound
from desktop.common.i18n import N_
from desktop.common.masking import mask_phone
from desktop.common.permissions import Actor, Permission
from desktop.common.workcalendar import WorkCalendar
from desktop.requests import clocks
from desktop.requests.states import Action, Status, check

__all__ = ["RequestFilter", "RequestForm", "RequestService", "RequestRow", "RequestDetail"]

CHANNELS: dict[str, str] = {
    "walk_in": N_("Walk-in"),
    "phone": N_("Phone"),
    "hotline": N_("12345 hotline"),
    "mini_program": N_("Mini-program"),
    "grid": N_("Grid report"),
}
URGENCIES: dict[str, str] = {"red": N_("Red"), "yellow": N_("Yellow"), "green": N_("Green")}
LEVELS: dict[str, str] = {
    "community": N_("Village/community"),
    "town": N_("Town/street"),
    "district": N_("District"),
}
SATISFACTION: dict[str, str] = {
    "satisfied": N_("Satisfied"),
    "basically": N_("Basically satisfied"),
    "unsatisfied": N_("Unsatisfied"),
}
DESCRIPTION_MAX = 5_000
NOTE_MAX = 5_000
HEAD_COUNT_MAX = 10_000
ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
DUPLICATE_DAYS = 30


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
    attachments: tuple[tuple[int, str, int], ...]
    follow_up_due: dt.datetime | None
    merged_into: str
    satisfaction: str | None


@dataclass(frozen=True)
class TodayLists:
    overdue: list[RequestRow]
    due_soon: list[RequestRow]
    follow_ups: list[RequestRow]
    overdue_count: int
    due_soon_count: int
    follow_up_count: int


def _category_label(session: Session, category_id: int) -> str:
    c = session.get(Category, category_id)
    if c is None:
        return ""
    parent = session.get(Category, c.parent_id) if c.parent_id else None
    return f"{parent.name} / {c.name}" if parent else c.name


class RequestService:
    def __init__(self, db: Database, attachments_dir: Path, now: Callable[[], dt.datetime] = dt.datetime.now):
        self._db = db
        self._attachments = attachments_dir
        self._now = now

    # --- reference data ------------------------------------------------------------
    def categories(self) -> list[tuple[int, str, list[tuple[int, str]]]]:
        """Active categories as a two-level tree: (id, name, [(child id, child name)])."""
        with self._db.reading() as uow:
            rows = uow.session.execute(
                select(Category.id, Category.parent_id, Category.name)
                .where(Category.is_active)
                .order_by(Category.sort_order, Category.id)
            ).all()
        tops = [(i, n, []) for i, p, n in rows if p is None]
        children = {i: kids for i, _n, kids in tops}
        for i, p, n in rows:
            if p is not None and p in children:
                children[p].append((i, n))
        return tops

    def departments(self) -> list[tuple[int, str, str]]:
        with self._db.reading() as uow:
            return [
                (i, n, lv)
                for i, n, lv in uow.session.execute(
                    select(Department.id, Department.name, Department.level)
                    .where(Department.is_active)
                    .order_by(Department.id)
                )
            ]

    def templates(self, category_id: int | None = None) -> list[tuple[str, str]]:
        with self._db.reading() as uow:
            stmt = select(ResponseTemplate.title, ResponseTemplate.body).order_by(ResponseTemplate.id)
            if category_id is not None:
                stmt = stmt.where(
                    (ResponseTemplate.category_id.is_(None)) | (ResponseTemplate.category_id == category_id)
                )
            return [(t, b) for t, b in uow.session.execute(stmt)]

    # --- registration ----------------------------------------------------------------
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
                elif s.scalar(
                    select(func.count())
                    .select_from(Category)
                    .where(Category.parent_id == c.id, Category.is_active)
                ):
                    errors["category"] = DomainError(N_("Choose a sub-category."))
            description = (form.description or "").strip()
            if not description:
                errors["description"] = DomainError(N_("Describe the request."))
            elif len(description) > DESCRIPTION_MAX:
                errors["description"] = DomainError(
                    N_("The description has {count} characters; at most {n} are allowed."),
                    count=len(description),
                    n=DESCRIPTION_MAX,
                )
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
        actor.require(Permission.HANDLE_REQUESTS)
        self.check(form)
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            resident = s.get(Resident, form.resident_id)
            assert resident is not None
            request = Request(
                number=repo.next_number(s, now),
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
            s.add(request)
            s.flush()
            self._event(s, actor, request, Action.REGISTER, "", Status.REGISTERED, now)
            if form.lead_department_id is not None:
                self._assign(s, actor, request, form.lead_department_id, form.assist_ids, "", now)
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
            return [self._row(r, now) for r in repo.records(uow.session, ids)]

    # --- the lifecycle ---------------------------------------------------------------
    def assign(
        self,
        actor: Actor,
        request_id: int,
        department_id: int,
        assist_ids: Sequence[int] = (),
        note: str = "",
    ) -> None:
        self._act(actor, request_id, Action.ASSIGN, note, department_id=department_id, assist_ids=assist_ids)

    def accept(self, actor: Actor, request_id: int, note: str = "") -> None:
        self._act(actor, request_id, Action.ACCEPT, note)

    def return_(self, actor: Actor, request_id: int, note: str) -> None:
        self._act(actor, request_id, Action.RETURN, note)

    def answer(self, actor: Actor, request_id: int, note: str) -> None:
        self._act(actor, request_id, Action.ANSWER, note)

    def resolve(self, actor: Actor, request_id: int, note: str = "") -> None:
        self._act(actor, request_id, Action.RESOLVE, note)

    def follow_up(self, actor: Actor, request_id: int, satisfaction: str, comment: str = "") -> None:
        """Record the follow-up call; 不满意 reopens the request with the comment as reason."""
        if satisfaction not in SATISFACTION:
            raise FieldErrors({"satisfaction": DomainError(N_("Choose how satisfied the resident is."))})
        if satisfaction == "unsatisfied" and not comment.strip():
            raise FieldErrors(
                {
                    "comment": DomainError(
                        N_("Write why the resident is unsatisfied; the request is reopened.")
                    )
                }
            )
        action = Action.REOPEN if satisfaction == "unsatisfied" else Action.FOLLOW_UP
        self._act(actor, request_id, action, comment, satisfaction=satisfaction)

    def remind(self, actor: Actor, request_id: int, note: str = "") -> None:
        self._act(actor, request_id, Action.REMIND, note)

    def supervise(self, actor: Actor, request_id: int, note: str = "") -> None:
        self._act(actor, request_id, Action.SUPERVISE, note)

    def merge(self, actor: Actor, request_id: int, into_id: int, note: str = "") -> None:
        """Merge a duplicate into another request; both keep their history."""
        if request_id == into_id:
            raise DomainError(N_("A request cannot be merged into itself."))
        self._act(actor, request_id, Action.MERGE, note, merge_into=into_id)

    def _act(
        self,
        actor: Actor,
        request_id: int,
        action: Action,
        note: str,
        *,
        department_id: int | None = None,
        assist_ids: Sequence[int] = (),
        satisfaction: str | None = None,
        merge_into: int | None = None,
    ) -> None:
        if len(note) > NOTE_MAX:
            raise FieldErrors({"note": DomainError(N_("The note has at most {n} characters."), n=NOTE_MAX)})
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            request = s.get(Request, request_id)
            if request is None:
                raise NotFound(N_("This request no longer exists."))
            target = check(actor, action, request.status, note)
            if action == Action.ASSIGN:
                if department_id is None:
                    raise FieldErrors({"department": DomainError(N_("Choose the lead department."))})
                self._assign(s, actor, request, department_id, assist_ids, note, now)
            elif action == Action.MERGE:
                other = s.get(Request, merge_into) if merge_into is not None else None
                if other is None or other.status == Status.MERGED:
                    raise DomainError(N_("The request to merge into does not exist or is itself merged."))
                before = request.status
                request.merged_into_id = other.id
                self._move(s, request, Status.MERGED, now)
                self._event(
                    s,
                    actor,
                    request,
                    action,
                    before,
                    Status.MERGED,
                    now,
                    note=f"→ {other.number} {note}".strip(),
                )
                self._event(
                    s,
                    actor,
                    other,
                    action,
                    other.status,
                    other.status,
                    now,
                    note=f"← {request.number} {note}".strip(),
                )
            else:
                before = request.status
                clock, on_time = self._met_clock(s, request, action, now)
                if action == Action.RESOLVE:
                    request.resolved_at = now
                    cal, limits = self._rules(s, request)
                    s.add(
                        FollowUp(
                            request_id=request.id,
                            round=request.round,
                            due_at=clocks.due_time(cal, request.assigned_at or now, limits, clocks.FOLLOW_UP),
                        )
                    )
                if action in (Action.FOLLOW_UP, Action.REOPEN):
                    task = s.scalar(
                        select(FollowUp).where(FollowUp.request_id == request.id, FollowUp.done_at.is_(None))
                    )
                    if task is not None:
                        task.done_at, task.done_by = now, actor.user_id
                        task.satisfaction, task.comment = satisfaction, note.strip()
                    request.satisfaction = satisfaction
                if action == Action.ACCEPT:
                    request.accepted_at = now
                elif action == Action.ANSWER:
                    request.answered_at = now
                elif action == Action.FOLLOW_UP:
                    request.closed_at = now
                elif action == Action.REOPEN:
                    request.round += 1
                    for column in ("assigned_at", "accepted_at", "answered_at", "resolved_at"):
                        setattr(request, column, None)
                if target is not None:
                    self._move(s, request, target, now)
                self._event(
                    s,
                    actor,
                    request,
                    action,
                    before,
                    target or before,
                    now,
                    note=note,
                    clock=clock,
                    on_time=on_time,
                )
            uow.commit()

    def _assign(
        self,
        s: Session,
        actor: Actor,
        request: Request,
        department_id: int,
        assist_ids: Sequence[int],
        note: str,
        now: dt.datetime,
    ) -> None:
        department = s.get(Department, department_id)
        if department is None or not department.is_active:
            raise FieldErrors({"department": DomainError(N_("This department is not available."))})
        assist_ids = [i for i in dict.fromkeys(assist_ids) if i != department_id]
        for i in assist_ids:
            d = s.get(Department, i)
            if d is None or not d.is_active:
                raise FieldErrors({"assists": DomainError(N_("An assisting department is not available."))})
        before = request.status
        request.lead_department_id = department_id
        request.assigned_at = now
        for old in s.scalars(select(RequestAssist).where(RequestAssist.request_id == request.id)):
            s.delete(old)
        s.flush()
        for i in assist_ids:
            s.add(RequestAssist(request_id=request.id, department_id=i))
        self._move(s, request, Status.ASSIGNED, now)
        self._event(
            s,
            actor,
            request,
            Action.ASSIGN,
            before,
            Status.ASSIGNED,
            now,
            note=note,
            department_id=department_id,
        )

    def _rules(self, s: Session, request: Request) -> tuple[WorkCalendar, clocks.Limits]:
        return WorkCalendar.from_db(s), clocks.limits_for(s, request.urgency, request.category_id)

    def _met_clock(
        self, s: Session, request: Request, action: Action, now: dt.datetime
    ) -> tuple[str, bool | None]:
        """The clock this action meets, and whether in time (for on-time rates per clock)."""
        clock = {
            Action.ACCEPT: clocks.ACCEPT,
            Action.ANSWER: clocks.ANSWER,
            Action.RESOLVE: clocks.RESOLVE,
            Action.FOLLOW_UP: clocks.FOLLOW_UP,
            Action.REOPEN: clocks.FOLLOW_UP,
        }.get(action)
        if clock is None or request.assigned_at is None:
            return "", None
        if request.clock == clock and request.due_at is not None:
            # Judge against the deadline the request was given (and showed) when the
            # clock started, even if the administrator has changed the limits since.
            return clock, clocks.on_time(now, request.due_at)
        cal, limits = self._rules(s, request)
        return clock, clocks.on_time(now, clocks.due_time(cal, request.assigned_at, limits, clock))

    def _move(self, s: Session, request: Request, status: Status, now: dt.datetime) -> None:
        request.status = status.value
        request.updated_at = now
        cal, limits = self._rules(s, request)
        request.clock, request.warn_at, request.due_at = clocks.running_clock(
            request.status, request.assigned_at, limits, cal
        )

    def _event(
        self,
        s: Session,
        actor: Actor,
        request: Request,
        action: Action,
        before: str,
        after: str,
        now: dt.datetime,
        *,
        note: str = "",
        department_id: int | None = None,
        clock: str = "",
        on_time: bool | None = None,
    ) -> None:
        s.add(
            RequestEvent(
                request_id=request.id,
                at=now,
                user_id=actor.user_id,
                username=actor.username,
                action=action.value,
                from_status=str(before),
                to_status=str(after),
                department_id=department_id,
                round=request.round,
                note=note.strip(),
                clock=clock,
                on_time=on_time,
            )
        )
        s.flush()

    # --- attachments -----------------------------------------------------------------
    def add_attachment(self, actor: Actor, request_id: int, path: Path) -> int:
        """Store a photo or scan with the request (content-addressed, in the data folder)."""
        path = Path(path)
        try:
            size = path.stat().st_size
        except OSError:
            raise DomainError(N_("The file {name} cannot be read."), name=path.name) from None
        if size == 0:
            raise DomainError(N_("The file {name} is empty."), name=path.name)
        if size > ATTACHMENT_MAX_BYTES:
            raise DomainError(
                N_("The file {name} is {mb} MB; at most {max} MB can be attached."),
                name=path.name,
                mb=round(size / 1024 / 1024),
                max=ATTACHMENT_MAX_BYTES // 1024 // 1024,
            )
        digest = self._store(path)
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            request = s.get(Request, request_id)
            if request is None:
                raise NotFound(N_("This request no longer exists."))
            check(actor, Action.ATTACH, request.status)
            row = Attachment(
                request_id=request.id,
                filename=path.name[:255],
                sha256=digest,
                size=size,
                added_at=now,
                added_by=actor.user_id,
            )
            s.add(row)
            s.flush()
            self._event(s, actor, request, Action.ATTACH, request.status, request.status, now, note=path.name)
            uow.commit()
            return row.id

    def attachment_path(self, sha256: str) -> Path:
        return self._attachments / sha256[:2] / sha256

    def _store(self, path: Path) -> str:
        """Copy into the attachment store by SHA-256: written to a temporary file, then renamed."""
        h = hashlib.sha256()
        self._attachments.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self._attachments, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out, path.open("rb") as src:
                for chunk in iter(lambda: src.read(1 << 20), b""):
                    h.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            target = self.attachment_path(h.hexdigest())
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                os.unlink(tmp)
            else:
                os.replace(tmp, target)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise DomainError(
                N_("The file {name} could not be stored: {why}"), name=path.name, why=str(exc)
            ) from exc
        return h.hexdigest()

    def export_attachment(self, actor: Actor, attachment_id: int, target: Path) -> None:
        actor.require(Permission.VIEW_REQUESTS)
        with self._db.reading() as uow:
            a = uow.session.get(Attachment, attachment_id)
            if a is None:
                raise NotFound(N_("This attachment no longer exists."))
            shutil.copyfile(self.attachment_path(a.sha256), target)

    # --- reading ---------------------------------------------------------------------
    def _row(self, r: RequestRecord, now: dt.datetime) -> RequestRow:
        colour = clocks.colour(now, r.warn_at, r.due_at) if r.due_at and r.warn_at else None
        return RequestRow(
            id=r.id,
            number=r.number,
            registered_at=r.registered_at,
            resident_name=r.resident_name,
            channel=r.channel,
            category=r.category,
            urgency=r.urgency,
            status=r.status,
            department=r.department,
            clock=r.clock,
            due_at=r.due_at,
            colour=colour,
            head_count=r.head_count,
        )

    def count(self, actor: Actor, f: RequestFilter) -> int:
        actor.require(Permission.VIEW_REQUESTS)
        with self._db.reading() as uow:
            return repo.count(uow.session, f, self._now())

    def page(
        self, actor: Actor, f: RequestFilter, offset: int, limit: int, *, order: str = "registered"
    ) -> list[RequestRow]:
        actor.require(Permission.VIEW_REQUESTS)
        now = self._now()
        with self._db.reading() as uow:
            return [self._row(r, now) for r in repo.page(uow.session, f, now, offset, limit, order=order)]

    def today(self, actor: Actor, limit: int = 200) -> TodayLists:
        """The start page 今日待办: overdue, due soon, and follow-up calls due by tonight."""
        actor.require(Permission.VIEW_REQUESTS)
        now = self._now()
        tonight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
        with self._db.reading() as uow:
            s = uow.session
            red, yellow = RequestFilter(colour="red"), RequestFilter(colour="yellow")
            overdue = [self._row(r, now) for r in repo.page(s, red, now, 0, limit, order="due")]
            soon = [self._row(r, now) for r in repo.page(s, yellow, now, 0, limit, order="due")]
            follow_ids = list(
                s.scalars(
                    select(FollowUp.request_id)
                    .where(FollowUp.done_at.is_(None), FollowUp.due_at < tonight)
                    .order_by(FollowUp.due_at)
                    .limit(limit)
                )
            )
            follow_count = (
                s.scalar(
                    select(func.count())
                    .select_from(FollowUp)
                    .where(FollowUp.done_at.is_(None), FollowUp.due_at < tonight)
                )
                or 0
            )
            follow = [self._row(r, now) for r in repo.records(s, follow_ids)]
            return TodayLists(
                overdue=overdue,
                due_soon=soon,
                follow_ups=follow,
                overdue_count=repo.count(s, red, now),
                due_soon_count=repo.count(s, yellow, now),
                follow_up_count=follow_count,
            )

    def get(self, actor: Actor, request_id: int) -> RequestDetail:
        actor.require(Permission.VIEW_REQUESTS)
        now = self._now()
        with self._db.reading() as uow:
            s = uow.session
            r = s.get(Request, request_id)
            if r is None:
                raise NotFound(N_("This request no longer exists."))
            resident = s.get(Resident, r.resident_id)
            assert resident is not None
            department = s.get(Department, r.lead_department_id) if r.lead_department_id else None
            assists = tuple(
                s.scalars(
                    select(Department.name)
                    .join(RequestAssist, RequestAssist.department_id == Department.id)
                    .where(RequestAssist.request_id == r.id)
                    .order_by(Department.id)
                )
            )
            grid = s.get(Grid, r.grid_id) if r.grid_id else None
            # The timeline shows this request's events and those of duplicates merged into it.
            merged = list(s.scalars(select(Request.id).where(Request.merged_into_id == r.id)))
            ids = [r.id, *merged]
            numbers = dict(s.execute(select(Request.id, Request.number).where(Request.id.in_(ids))).all())
            departments = dict(s.execute(select(Department.id, Department.name)).all())
            # The timeline names people as colleagues know them (李秀英), not by login.
            people = dict(s.execute(select(User.id, User.full_name)).all())
            events = tuple(
                EventRow(
                    at=e.at,
                    username=people.get(e.user_id, e.username),
                    action=e.action,
                    from_status=e.from_status,
                    to_status=e.to_status,
                    department=departments.get(e.department_id, ""),
                    note=e.note,
                    clock=e.clock,
                    on_time=e.on_time,
                    round=e.round,
                    number=numbers[e.request_id],
                )
                for e in s.scalars(
                    select(RequestEvent)
                    .where(RequestEvent.request_id.in_(ids))
                    .order_by(RequestEvent.at, RequestEvent.id)
                )
            )
            clock_rows: list[ClockRow] = []
            if r.assigned_at is not None:
                cal, limits = self._rules(s, r)
                done = {
                    clocks.ACCEPT: r.accepted_at,
                    clocks.ANSWER: r.answered_at,
                    clocks.RESOLVE: r.resolved_at,
                    clocks.FOLLOW_UP: r.closed_at,
                }
                warns = clocks.warn_times(cal, r.assigned_at, limits)
                for name, due in clocks.due_times(cal, r.assigned_at, limits).items():
                    clock_rows.append(
                        ClockRow(name, due, done[name], clocks.colour(now, warns[name], due, done[name]))
                    )
            follow_due = s.scalar(
                select(FollowUp.due_at).where(FollowUp.request_id == r.id, FollowUp.done_at.is_(None))
            )
            attachments = tuple(
                (i, name, size)
                for i, name, size in s.execute(
                    select(Attachment.id, Attachment.filename, Attachment.size)
                    .where(Attachment.request_id == r.id)
                    .order_by(Attachment.id)
                )
            )
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
                category=_category_label(s, r.category_id),
                description=r.description,
                address=r.address,
                grid=grid.name if grid else "",
                urgency=r.urgency,
                level=r.level,
                lead_department_id=r.lead_department_id,
                department=department.name if department else "",
                assists=assists,
                registered_at=r.registered_at,
                clocks=tuple(clock_rows),
                events=events,
                attachments=attachments,
                follow_up_due=follow_due,
                merged_into=into.number if into else "",
                satisfaction=r.satisfaction,
            )
