"""The steps of a request after registration: assign, accept, return, answer, resolve,
follow up (or reopen), remind, supervise, merge.

Part of :class:`desktop.requests.service.RequestService`. Each action asks the state
machine (``desktop.requests.states``) — the actor's permission, then the state — changes
the request, appends one event and, where a 30135 clock is met, records whether it was
on time; the clock now running is stored on the request (``clock``, ``warn_at``,
``due_at``) so lists and the start page can colour and filter in SQL. All of it in one
transaction. The step functions below are shared with registration (which may assign at
once) and attachments (which record an event).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.orm import Session

from db import requests as repo
from db.models import Department, FollowUp, Request, RequestEvent
from db.uow import Database
from desktop.common import audit
from desktop.common.clock import Clock
from desktop.common.errors import DomainError, FieldErrors, found
from desktop.common.i18n import N_
from desktop.common.permissions import Actor
from desktop.common.validation import REASON_MAX, check_text
from desktop.requests import clocks
from desktop.requests.states import Action, Status, check
from desktop.requests.vocabulary import SATISFACTION

NOTE_MAX = 5_000


class Lifecycle:
    """The actions on a registered request."""

    _db: Database
    _now: Clock

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
            # Locked (PostgreSQL FOR UPDATE; SQLite's write lock holds already): two desks
            # taking the same step queue, and the second is told the request moved on.
            request = found(
                s.get(Request, request_id, with_for_update=True, populate_existing=True),
                N_("This request no longer exists."),
            )
            target = check(actor, action, request.status, note)
            if action == Action.ASSIGN:
                if department_id is None:
                    raise FieldErrors({"department": DomainError(N_("Choose the lead department."))})
                assign_department(s, actor, request, department_id, assist_ids, note, now)
            elif action == Action.MERGE:
                _merge(s, actor, request, merge_into, note, now)
            else:
                _step(s, actor, request, action, target, note, satisfaction, now)
            uow.commit()


# --- the steps ---------------------------------------------------------------------------------
def assign_department(
    s: Session,
    actor: Actor,
    request: Request,
    department_id: int,
    assist_ids: Sequence[int],
    note: str,
    now: dt.datetime,
) -> None:
    """Route the request to a lead department (and assisting ones); the clocks start now."""
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
    repo.replace_assists(s, request.id, assist_ids)
    move(s, request, Status.ASSIGNED, now)
    record_event(
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


def _merge(
    s: Session, actor: Actor, request: Request, merge_into: int | None, note: str, now: dt.datetime
) -> None:
    other = s.get(Request, merge_into) if merge_into is not None else None
    if other is None or other.status == Status.MERGED:
        raise DomainError(N_("The request to merge into does not exist or is itself merged."))
    before = request.status
    request.merged_into_id = other.id
    move(s, request, Status.MERGED, now)
    into_note = f"→ {other.number} {note}".strip()
    record_event(s, actor, request, Action.MERGE, before, Status.MERGED, now, note=into_note)
    from_note = f"← {request.number} {note}".strip()
    record_event(s, actor, other, Action.MERGE, other.status, other.status, now, note=from_note)


def _step(
    s: Session,
    actor: Actor,
    request: Request,
    action: Action,
    target: Status | None,
    note: str,
    satisfaction: str | None,
    now: dt.datetime,
) -> None:
    """Every other action: stamp the moment, meet a clock, move on (or stay)."""
    before = request.status
    clock, on_time = _met_clock(s, request, action, now)
    if action == Action.RESOLVE:
        request.resolved_at = now
        cal, limits = clocks.rules_for(s, request.urgency, request.category_id)
        s.add(
            FollowUp(
                request_id=request.id,
                round=request.round,
                due_at=clocks.due_time(cal, request.assigned_at or now, limits, clocks.FOLLOW_UP),
            )
        )
    if action in (Action.FOLLOW_UP, Action.REOPEN):
        task = repo.open_follow_up(s, request.id)
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
        move(s, request, target, now)
    record_event(
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


def _met_clock(s: Session, request: Request, action: Action, now: dt.datetime) -> tuple[str, bool | None]:
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
    cal, limits = clocks.rules_for(s, request.urgency, request.category_id)
    return clock, clocks.on_time(now, clocks.due_time(cal, request.assigned_at, limits, clock))


def move(s: Session, request: Request, status: Status, now: dt.datetime) -> None:
    """Put the request in ``status`` and store the clock that runs there."""
    request.status = status.value
    request.updated_at = now
    cal, limits = clocks.rules_for(s, request.urgency, request.category_id)
    request.clock, request.warn_at, request.due_at = clocks.running_clock(
        request.status, request.assigned_at, limits, cal
    )


def record_event(
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
    """Append one event to the request's timeline (append-only: nothing is edited away)."""
    event = RequestEvent(
        request_id=request.id,
        at=now,
        user_id=actor.user_id,
        username=actor.username,
        action=action.value,
        from_status=str(before),
        to_status=str(after),
        department_id=department_id,
        round=request.round,
        note=check_text(note, REASON_MAX),
        clock=clock,
        on_time=on_time,
    )
    s.add(event)
    s.flush()
    # The timeline is the request's own history; the audit chain holds the same step (the
    # event's id and content) so 操作日志 shows every action in one place and ``check``
    # finds an event edited, cut or slipped in behind the program's back (db.audit_mirror).
    audit.record(
        s,
        actor,
        action.value,
        "request",
        request.id,
        after={
            "number": request.number,
            "from": str(before),
            "to": str(after),
            "note": note.strip(),
            "department": department_id,
            "event": event.id,
            "clock": clock,
            "on_time": on_time,
        },
        at=now,
    )
