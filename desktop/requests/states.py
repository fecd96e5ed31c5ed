"""The request lifecycle (诉求办理流程): states, actions and who may take them.

    登记 registered → 已派单 assigned → 已受理 accepted → 已答复 answered
        → 已办结 resolved → 已回访 closed

A department may return (退回) an assigned or accepted request for re-routing; a
resolved request whose resident is 不满意 at the follow-up is reopened (重办) and goes
round again from a new assignment. 催办 (remind) and 督办 (supervise) are recorded
without changing the state. A duplicate can be merged (合并) into another request.
Every action is one append-only event; nothing is edited away.

Plain rules, no database: the service asks ``check`` before it changes anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.common.errors import DomainError, PermissionDenied
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Role


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

_DESK = frozenset({Role.FRONT_DESK, Role.DIRECTOR, Role.ADMIN})
_DIRECTOR = frozenset({Role.DIRECTOR, Role.ADMIN})


@dataclass(frozen=True)
class Rule:
    """Where an action may start, where it leads (None: the state stays), who may take it."""

    sources: frozenset[Status]
    target: Status | None
    roles: frozenset[Role]
    needs_note: bool = False


RULES: dict[Action, Rule] = {
    Action.ASSIGN: Rule(
        frozenset({Status.REGISTERED, Status.RETURNED, Status.REOPENED}), Status.ASSIGNED, _DESK
    ),
    Action.ACCEPT: Rule(frozenset({Status.ASSIGNED}), Status.ACCEPTED, _DESK),
    Action.RETURN: Rule(
        frozenset({Status.ASSIGNED, Status.ACCEPTED}), Status.RETURNED, _DESK, needs_note=True
    ),
    Action.ANSWER: Rule(frozenset({Status.ACCEPTED}), Status.ANSWERED, _DESK, needs_note=True),
    Action.RESOLVE: Rule(frozenset({Status.ANSWERED}), Status.RESOLVED, _DESK),
    Action.FOLLOW_UP: Rule(frozenset({Status.RESOLVED}), Status.CLOSED, _DESK),
    Action.REOPEN: Rule(frozenset({Status.RESOLVED}), Status.REOPENED, _DESK, needs_note=True),
    Action.REMIND: Rule(OPEN_STATUSES, None, _DESK),
    Action.SUPERVISE: Rule(OPEN_STATUSES | {Status.RETURNED, Status.REOPENED}, None, _DIRECTOR),
    Action.MERGE: Rule(
        frozenset({Status.REGISTERED, Status.ASSIGNED, Status.ACCEPTED, Status.RETURNED, Status.REOPENED}),
        Status.MERGED,
        _DESK,
        needs_note=False,
    ),
    Action.ATTACH: Rule(frozenset(Status) - {Status.MERGED}, None, _DESK),
}


def check(actor: Actor, action: Action, status: str, note: str = "") -> Status | None:
    """The state after ``action``, or a clear error: wrong role first, then wrong state."""
    rule = RULES[action]
    if actor.role not in rule.roles:
        raise PermissionDenied(N_("Your role may not {action} a request."), action=ACTION_LABELS[action])
    if Status(status) not in rule.sources:
        raise DomainError(
            N_("This request is {status}; it cannot be given “{action}” now."),
            status=STATUS_LABELS[status],
            action=ACTION_LABELS[action],
        )
    if rule.needs_note and not note.strip():
        raise DomainError(
            N_("Please write the reason or content for “{action}”."), action=ACTION_LABELS[action]
        )
    return rule.target


def allowed_actions(actor: Actor, status: str) -> list[Action]:
    """What the screen may offer for a request in ``status`` to this user."""
    return [a for a, r in RULES.items() if actor.role in r.roles and Status(status) in r.sources]
