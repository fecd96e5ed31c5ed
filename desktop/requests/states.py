"""The request lifecycle (诉求办理流程): states, actions and who may take them.

    登记 registered → 已派单 assigned → 已受理 accepted → 已答复 answered
        → 已办结 resolved → 已回访 closed

A department may return (退回) an assigned or accepted request for re-routing; a
resolved request whose resident is 不满意 at the follow-up is reopened (重办) and goes
round again from a new assignment. 催办 (remind) and 督办 (supervise) are recorded
without changing the state. A duplicate can be merged (合并) into another request.
Every action is one append-only event; nothing is edited away.

Plain rules, no database: the service asks ``check`` before it changes anything. Who
may take a step is a permission per action (``Rule.permission``), granted to roles in
``desktop.common.permissions`` like every other permission of the application.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.common.errors import DomainError, FieldErrors, PermissionDenied
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission


class Status(StrEnum):
    REGISTERED = "registered"
    ASSIGNED = "assigned"
    ACCEPTED = "accepted"
    ANSWERED = "answered"
    RESOLVED = "resolved"
    CLOSED = "closed"
    RETURNED = "returned"
    REOPENED = "reopened"
    MERGED = "merged"


STATUS_LABELS: dict[str, str] = {
    Status.REGISTERED: N_("Registered"),
    Status.ASSIGNED: N_("Assigned"),
    Status.ACCEPTED: N_("Accepted"),
    Status.ANSWERED: N_("Answered"),
    Status.RESOLVED: N_("Resolved"),
    Status.CLOSED: N_("Closed"),
    Status.RETURNED: N_("Returned"),
    Status.REOPENED: N_("Reopened"),
    Status.MERGED: N_("Merged"),
}

OPEN_STATUSES = frozenset({Status.ASSIGNED, Status.ACCEPTED, Status.ANSWERED})


class Action(StrEnum):
    REGISTER = "register"
    ASSIGN = "assign"
    ACCEPT = "accept"
    RETURN = "return"
    ANSWER = "answer"
    RESOLVE = "resolve"
    FOLLOW_UP = "follow_up"
    REOPEN = "reopen"
    REMIND = "remind"
    SUPERVISE = "supervise"
    MERGE = "merge"
    ATTACH = "attach"


ACTION_LABELS: dict[str, str] = {
    Action.REGISTER: N_("Register"),
    Action.ASSIGN: N_("Assign"),
    Action.ACCEPT: N_("Accept"),
    Action.RETURN: N_("Return"),
    Action.ANSWER: N_("Answer"),
    Action.RESOLVE: N_("Resolve"),
    Action.FOLLOW_UP: N_("Follow-up"),
    Action.REOPEN: N_("Reopen"),
    Action.REMIND: N_("Remind"),
    Action.SUPERVISE: N_("Supervise"),
    Action.MERGE: N_("Merge"),
    Action.ATTACH: N_("Attach file"),
}

# The permission each action needs. Registration starts the lifecycle and is not a
# transition, so it has no rule below; it needs ``HANDLE_REQUESTS``.
PERMISSIONS: dict[Action, Permission] = {
    Action.REGISTER: Permission.HANDLE_REQUESTS,
    Action.ASSIGN: Permission.ASSIGN_REQUESTS,
    Action.ACCEPT: Permission.ACCEPT_REQUESTS,
    Action.RETURN: Permission.RETURN_REQUESTS,
    Action.ANSWER: Permission.ANSWER_REQUESTS,
    Action.RESOLVE: Permission.RESOLVE_REQUESTS,
    Action.FOLLOW_UP: Permission.FOLLOW_UP_REQUESTS,
    Action.REOPEN: Permission.REOPEN_REQUESTS,
    Action.REMIND: Permission.REMIND_REQUESTS,
    Action.SUPERVISE: Permission.SUPERVISE_REQUESTS,
    Action.MERGE: Permission.MERGE_REQUESTS,
    Action.ATTACH: Permission.ATTACH_TO_REQUESTS,
}


@dataclass(frozen=True)
class Rule:
    """Where an action may start, where it leads (None: the state stays), and the
    permission it needs."""

    sources: frozenset[Status]
    target: Status | None
    permission: Permission
    needs_note: bool = False


def _rule(
    action: Action, sources: frozenset[Status], target: Status | None, *, needs_note: bool = False
) -> Rule:
    return Rule(sources, target, PERMISSIONS[action], needs_note)


RULES: dict[Action, Rule] = {
    Action.ASSIGN: _rule(
        Action.ASSIGN, frozenset({Status.REGISTERED, Status.RETURNED, Status.REOPENED}), Status.ASSIGNED
    ),
    Action.ACCEPT: _rule(Action.ACCEPT, frozenset({Status.ASSIGNED}), Status.ACCEPTED),
    Action.RETURN: _rule(
        Action.RETURN, frozenset({Status.ASSIGNED, Status.ACCEPTED}), Status.RETURNED, needs_note=True
    ),
    Action.ANSWER: _rule(Action.ANSWER, frozenset({Status.ACCEPTED}), Status.ANSWERED, needs_note=True),
    Action.RESOLVE: _rule(Action.RESOLVE, frozenset({Status.ANSWERED}), Status.RESOLVED),
    Action.FOLLOW_UP: _rule(Action.FOLLOW_UP, frozenset({Status.RESOLVED}), Status.CLOSED),
    Action.REOPEN: _rule(Action.REOPEN, frozenset({Status.RESOLVED}), Status.REOPENED, needs_note=True),
    # A reminder or a supervision is its note: what was asked of the department.
    Action.REMIND: _rule(Action.REMIND, OPEN_STATUSES, None, needs_note=True),
    Action.SUPERVISE: _rule(
        Action.SUPERVISE, OPEN_STATUSES | {Status.RETURNED, Status.REOPENED}, None, needs_note=True
    ),
    Action.MERGE: _rule(
        Action.MERGE,
        frozenset({Status.REGISTERED, Status.ASSIGNED, Status.ACCEPTED, Status.RETURNED, Status.REOPENED}),
        Status.MERGED,
    ),
    Action.ATTACH: _rule(Action.ATTACH, frozenset(Status) - {Status.MERGED}, None),
}


def may(actor: Actor, action: Action) -> bool:
    """Whether ``actor`` holds the permission of ``action`` (whatever the request's state)."""
    return actor.can(PERMISSIONS[action])


def require(actor: Actor, action: Action) -> None:
    """``PermissionDenied`` naming the action unless ``actor`` may take it."""
    if not may(actor, action):
        raise PermissionDenied(N_("Your role may not {action} a request."), action=ACTION_LABELS[action])


def check(actor: Actor, action: Action, status: str, note: str = "") -> Status | None:
    """The state after ``action``, or a clear error: wrong permission first, then wrong
    state, then a missing note (a ``FieldErrors`` for the field ``note``)."""
    rule = RULES[action]
    require(actor, action)
    if Status(status) not in rule.sources:
        raise DomainError(
            N_("This request is {status}; it cannot be given “{action}” now."),
            status=STATUS_LABELS[status],
            action=ACTION_LABELS[action],
        )
    if rule.needs_note and not note.strip():
        raise FieldErrors(
            {
                "note": DomainError(
                    N_("Please write the reason or content for “{action}”."), action=ACTION_LABELS[action]
                )
            }
        )
    return rule.target


def allowed_actions(actor: Actor, status: str) -> list[Action]:
    """What the screen may offer for a request in ``status`` to this user."""
    return [a for a, r in RULES.items() if actor.can(r.permission) and Status(status) in r.sources]
