"""The order flow's state machine, without a database: every allowed transition, every
transition from a wrong stage and every one by a wrong role, each with its message."""

from __future__ import annotations

import pytest

from desktop.common.errors import DomainError, FieldErrors, PermissionDenied
from desktop.common.permissions import Actor, Role
from desktop.orders.states import (
    ACTION_LABELS,
    BOARD_STAGES,
    PERMISSIONS,
    RULES,
    STAGE_LABELS,
    Action,
    Stage,
    allowed_actions,
    check,
    may,
)


def actor(role: Role) -> Actor:
    return Actor(1, role.value, "测试员", role)


DIRECTOR = actor(Role.DIRECTOR)

# (action, from, to): the whole flow as the issue describes it; None = the stage stays.
ALLOWED = [
    (Action.TAKE_IN, Stage.PENDING_REVIEW, {Stage.TO_DRAFT}),
    (Action.REJECT, Stage.PENDING_REVIEW, {Stage.REJECTED}),
    (Action.DRAFT, Stage.TO_DRAFT, {Stage.PENDING_APPROVAL, Stage.PUBLICITY, Stage.TO_DISPATCH}),
    (Action.APPROVE, Stage.PENDING_APPROVAL, {Stage.PUBLICITY, Stage.TO_DISPATCH}),
    (Action.RETURN_DRAFT, Stage.PENDING_APPROVAL, {Stage.TO_DRAFT}),
    (Action.OBJECT, Stage.PUBLICITY, set()),
    (Action.CLOSE_PUBLICITY, Stage.PUBLICITY, {Stage.TO_DISPATCH}),
    (Action.REVISE, Stage.PUBLICITY, {Stage.TO_DRAFT}),
    (Action.REVISE, Stage.TO_DISPATCH, {Stage.TO_DRAFT}),
    (Action.DISPATCH, Stage.TO_DISPATCH, {Stage.TO_ACCEPT}),
    (Action.ACCEPT, Stage.TO_ACCEPT, {Stage.IN_PROGRESS}),
    (Action.DECLINE, Stage.TO_ACCEPT, {Stage.TO_ACCEPT, Stage.TO_DISPATCH}),
    (Action.EXPIRE, Stage.TO_ACCEPT, {Stage.TO_DISPATCH}),
    (Action.RECALL, Stage.TO_ACCEPT, {Stage.TO_DISPATCH}),
    (Action.REPORT_SESSION, Stage.IN_PROGRESS, set()),
    (Action.FINISH, Stage.IN_PROGRESS, {Stage.TO_RATE}),
    (Action.RATE, Stage.TO_RATE, {Stage.TO_CHECK}),
    (Action.REDO, Stage.TO_RATE, {Stage.IN_PROGRESS}),
    (Action.CHECK, Stage.TO_CHECK, {Stage.TO_PAY}),
    (Action.TERMINATE, Stage.IN_PROGRESS, {Stage.TERMINATED}),
    (Action.TERMINATE, Stage.TO_RATE, {Stage.TERMINATED}),
    (Action.TERMINATE, Stage.TO_CHECK, {Stage.TERMINATED}),
    (Action.PAY, Stage.IN_PROGRESS, {Stage.SETTLED}),
    (Action.PAY, Stage.TO_RATE, {Stage.SETTLED}),
    (Action.PAY, Stage.TO_CHECK, {Stage.SETTLED}),
    (Action.PAY, Stage.TO_PAY, {Stage.SETTLED}),
    (Action.SETTLE, Stage.TO_PAY, {Stage.SETTLED}),
    *[
        (Action.CANCEL, s, {Stage.CANCELLED})
        for s in (Stage.TO_DRAFT, Stage.PENDING_APPROVAL, Stage.PUBLICITY, Stage.TO_DISPATCH, Stage.TO_ACCEPT)
    ],
    *[(Action.ATTACH, s, set()) for s in Stage if s not in (Stage.REJECTED, Stage.CANCELLED)],
]

# Who may take each step (the issue: the front desk records 点单 and what providers
# report; the coordinator and the front desk draft; the director approves, accepts the
# work and pays).
DESK_ACTIONS = {
    Action.PLACE,
    Action.TAKE_IN,
    Action.REJECT,
    Action.DRAFT,
    Action.OBJECT,
    Action.CLOSE_PUBLICITY,
    Action.REVISE,
    Action.DISPATCH,
    Action.ACCEPT,
    Action.DECLINE,
    Action.EXPIRE,
    Action.RECALL,
    Action.REPORT_SESSION,
    Action.FINISH,
    Action.RATE,
    Action.REDO,
    Action.CANCEL,
    Action.ATTACH,
}
COORDINATOR_ACTIONS = {
    Action.TAKE_IN,
    Action.REJECT,
    Action.DRAFT,
    Action.OBJECT,
    Action.CLOSE_PUBLICITY,
    Action.REVISE,
    Action.DISPATCH,
    Action.EXPIRE,
    Action.RECALL,
    Action.CANCEL,
    Action.ATTACH,
}
GRANTED = {
    Role.FRONT_DESK: DESK_ACTIONS,
    Role.COORDINATOR: COORDINATOR_ACTIONS,
    Role.DIRECTOR: set(Action),
    Role.ADMIN: set(Action),
}


def test_the_table_covers_every_rule():
    assert {(a, s) for a, s, _ in ALLOWED} == {(a, s) for a, r in RULES.items() for s in r.sources}
    assert set(RULES) | {Action.PLACE} == set(Action) == set(PERMISSIONS)
    assert set(BOARD_STAGES) == set(Stage) and len(BOARD_STAGES) == len(Stage)


@pytest.mark.parametrize(("action", "source", "targets"), ALLOWED)
def test_every_allowed_transition(action, source, targets):
    rule = check(DIRECTOR, action, source, note="说明")
    assert rule.targets == targets
    assert rule.may_stay == (not targets or action == Action.PAY)
    assert action in allowed_actions(DIRECTOR, source)


def _wrong_stages():
    for action, rule in RULES.items():
        for stage in Stage:
            if stage not in rule.sources:
                yield pytest.param(action, stage, id=f"{action}-from-{stage}")


@pytest.mark.parametrize(("action", "stage"), list(_wrong_stages()))
def test_every_transition_from_a_wrong_stage_is_refused_with_its_message(action, stage):
    with pytest.raises(DomainError) as err:
        check(DIRECTOR, action, stage, note="说明")
    assert not isinstance(err.value, PermissionDenied | FieldErrors)
    assert err.value.template == "This order is “{stage}”; “{action}” is not possible now."
    assert err.value.params == {"stage": STAGE_LABELS[stage], "action": ACTION_LABELS[action]}
    assert action not in allowed_actions(DIRECTOR, stage)


def _wrong_roles():
    for role, actions in GRANTED.items():
        for action in set(Action) - actions:
            yield pytest.param(role, action, id=f"{role}-{action}")


@pytest.mark.parametrize(("role", "action"), list(_wrong_roles()))
def test_every_step_by_a_wrong_role_is_refused_with_its_message(role, action):
    assert not may(actor(role), action)
    if action in RULES:
        source = next(iter(RULES[action].sources))
        with pytest.raises(PermissionDenied) as err:
            check(actor(role), action, source, note="说明")
        assert err.value.template == "Your role may not “{action}” a service order."
        assert err.value.params == {"action": ACTION_LABELS[action]}
        assert action not in allowed_actions(actor(role), source)


@pytest.mark.parametrize("role", list(GRANTED))
def test_each_role_holds_exactly_its_steps(role):
    assert {a for a in Action if may(actor(role), a)} == GRANTED[role]


def test_the_permission_is_asked_before_the_stage():
    with pytest.raises(PermissionDenied):
        check(actor(Role.FRONT_DESK), Action.PAY, Stage.PENDING_REVIEW)


@pytest.mark.parametrize("action", [a for a, r in RULES.items() if r.needs_note])
def test_a_step_that_needs_a_reason_refuses_an_empty_one(action):
    source = next(iter(RULES[action].sources))
    with pytest.raises(FieldErrors) as err:
        check(DIRECTOR, action, source, note="   ")
    assert err.value.errors["note"].template == "Please write the reason for “{action}”."


def test_the_steps_that_need_a_reason():
    assert {a for a, r in RULES.items() if r.needs_note} == {
        Action.REJECT,
        Action.RETURN_DRAFT,
        Action.OBJECT,
        Action.REVISE,
        Action.DECLINE,
        Action.RECALL,
        Action.REDO,
        Action.TERMINATE,
        Action.CANCEL,
    }


def test_closed_stages_allow_nothing_but_attaching_files():
    for stage in (Stage.SETTLED, Stage.TERMINATED):
        assert allowed_actions(DIRECTOR, stage) == [Action.ATTACH]
    for stage in (Stage.REJECTED, Stage.CANCELLED):
        assert allowed_actions(DIRECTOR, stage) == []
