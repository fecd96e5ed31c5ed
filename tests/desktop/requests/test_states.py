"""The request state machine: every allowed transition and every forbidden one."""

from __future__ import annotations

import pytest

from desktop.common.errors import DomainError, FieldErrors, PermissionDenied
from desktop.common.permissions import Actor, Role
from desktop.requests.states import (
    ACTION_LABELS,
    PERMISSIONS,
    RULES,
    STATUS_LABELS,
    Action,
    Status,
    allowed_actions,
    check,
)


def actor(role: Role) -> Actor:
    return Actor(1, role.value, "测试员", role)


DESK = actor(Role.FRONT_DESK)

ALLOWED = [
    (Action.ASSIGN, Status.REGISTERED, Status.ASSIGNED),
    (Action.ASSIGN, Status.RETURNED, Status.ASSIGNED),
    (Action.ASSIGN, Status.REOPENED, Status.ASSIGNED),
    (Action.ACCEPT, Status.ASSIGNED, Status.ACCEPTED),
    (Action.RETURN, Status.ASSIGNED, Status.RETURNED),
    (Action.RETURN, Status.ACCEPTED, Status.RETURNED),
    (Action.ANSWER, Status.ACCEPTED, Status.ANSWERED),
    (Action.RESOLVE, Status.ANSWERED, Status.RESOLVED),
    (Action.FOLLOW_UP, Status.RESOLVED, Status.CLOSED),
    (Action.REOPEN, Status.RESOLVED, Status.REOPENED),
    (Action.REMIND, Status.ASSIGNED, None),
    (Action.REMIND, Status.ANSWERED, None),
    (Action.MERGE, Status.REGISTERED, Status.MERGED),
]


@pytest.mark.parametrize(("action", "source", "target"), ALLOWED)
def test_allowed_transitions(action, source, target):
    assert check(DESK, action, source, note="说明") == target


def _forbidden_states():
    for action, rule in RULES.items():
        for status in Status:
            if status not in rule.sources:
                yield action, status


@pytest.mark.parametrize(("action", "status"), list(_forbidden_states()))
def test_every_transition_from_a_wrong_state_is_refused_with_a_message(action, status):
    role = Role.DIRECTOR  # may do everything a desk may, and supervise
    with pytest.raises(DomainError) as err:
        check(actor(role), action, status, note="说明")
    assert not isinstance(err.value, PermissionDenied)
    assert str(err.value) == (
        f"This request is {STATUS_LABELS[status]}; it cannot be given “{ACTION_LABELS[action]}” now."
    )


@pytest.mark.parametrize("action", list(Action.__members__.values())[1:])
def test_a_coordinator_may_take_no_action(action):
    status = next(iter(RULES[action].sources))
    with pytest.raises(PermissionDenied):
        check(actor(Role.COORDINATOR), action, status, note="说明")


def test_only_a_director_or_admin_supervises():
    with pytest.raises(PermissionDenied):
        check(DESK, Action.SUPERVISE, Status.ASSIGNED)
    assert check(actor(Role.DIRECTOR), Action.SUPERVISE, Status.ASSIGNED, note="主任督办") is None
    assert check(actor(Role.ADMIN), Action.SUPERVISE, Status.ASSIGNED, note="主任督办") is None


@pytest.mark.parametrize(
    "action", [Action.RETURN, Action.ANSWER, Action.REOPEN, Action.REMIND, Action.SUPERVISE]
)
def test_actions_that_need_a_reason_refuse_an_empty_one_under_the_note(action):
    status = next(iter(RULES[action].sources))
    with pytest.raises(FieldErrors) as err:
        check(actor(Role.DIRECTOR), action, status, note="   ")
    assert set(err.value.errors) == {"note"}
    assert "write the reason or content" in str(err.value.errors["note"])


def test_the_screen_offers_what_the_rules_allow():
    assert allowed_actions(DESK, Status.ASSIGNED) == [
        Action.ACCEPT,
        Action.RETURN,
        Action.REMIND,
        Action.MERGE,
        Action.ATTACH,
    ]
    assert Action.SUPERVISE in allowed_actions(actor(Role.DIRECTOR), Status.ASSIGNED)
    assert allowed_actions(actor(Role.COORDINATOR), Status.ASSIGNED) == []
    assert allowed_actions(DESK, Status.MERGED) == []


def test_each_action_has_its_own_permission_held_by_the_roles_that_may_take_it():
    assert set(PERMISSIONS) == set(Action)
    assert len(set(PERMISSIONS.values())) == len(Action)
    assert all(rule.permission is PERMISSIONS[action] for action, rule in RULES.items())
    desk = {Role.FRONT_DESK, Role.DIRECTOR, Role.ADMIN}
    for action in Action:
        expected = {Role.DIRECTOR, Role.ADMIN} if action == Action.SUPERVISE else desk
        assert {role for role in Role if actor(role).can(PERMISSIONS[action])} == expected, action
