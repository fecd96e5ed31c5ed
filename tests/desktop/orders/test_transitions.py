"""Every step through the service itself: allowed from each of its stages by a role that
holds it, refused from every other stage and for every role without it — with its
message, and writing nothing when refused."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from db.models import AuditEntry
from db.models_orders import FundEntry, OrderEvent, OrderPayment, OrderSession
from desktop.common.errors import DomainError, FieldErrors, PermissionDenied
from desktop.common.permissions import Actor, Role
from desktop.orders.states import PERMISSIONS, RULES, Action, Stage
from tests.desktop.orders.support import YUAN, FundForm, SessionForm, World

vouchers = itertools.count(1)


def _session(w: World) -> SessionForm:
    return SessionForm(held_on=w.clock.now.date(), people=5, reporter="王站长")


def step(w: World, action: Action) -> Callable[[Actor, int], object]:
    """The service call of ``action`` with valid input."""
    o, p = w.orders, w.providers["社工"]
    calls: dict[Action, Callable[[Actor, int], object]] = {
        Action.TAKE_IN: lambda a, i: o.take_in(a, i),
        Action.REJECT: lambda a, i: o.reject(a, i, "不在服务范围"),
        Action.DRAFT: lambda a, i: o.draft(a, i, w.draft_form()),
        Action.APPROVE: lambda a, i: o.approve(a, i),
        Action.RETURN_DRAFT: lambda a, i: o.return_draft(a, i, "请压减预算"),
        Action.OBJECT: lambda a, i: o.record_objection(a, i, "有异议"),
        Action.CLOSE_PUBLICITY: lambda a, i: o.close_publicity(a, i),
        Action.REVISE: lambda a, i: o.revise(a, i, "调整范围"),
        Action.DISPATCH: lambda a, i: o.dispatch(a, i, [p]),
        Action.ACCEPT: lambda a, i: o.accept(a, i, p, 1_000 * YUAN, "王站长"),
        Action.DECLINE: lambda a, i: o.decline(a, i, p, "排期已满", "王站长"),
        Action.EXPIRE: lambda a, i: o.expire(a, i),
        Action.RECALL: lambda a, i: o.recall(a, i, "改派"),
        Action.REPORT_SESSION: lambda a, i: o.report_session(a, i, _session(w)),
        Action.FINISH: lambda a, i: o.finish(a, i, "王站长"),
        Action.RATE: lambda a, i: o.rate(a, i, "satisfied"),
        Action.REDO: lambda a, i: o.rate(a, i, "unsatisfied", "不满意"),
        Action.CHECK: lambda a, i: o.check_work(a, i),
        Action.TERMINATE: lambda a, i: o.terminate(a, i, "终止"),
        Action.PAY: lambda a, i: o.pay(
            a, i, w.payment(w.funds["党建"], "interim", 100 * YUAN, f"T-{next(vouchers)}")
        ),
        Action.SETTLE: lambda a, i: o.settle(a, i, "放弃余款"),
        Action.CANCEL: lambda a, i: o.cancel(a, i, "不再需要"),
        Action.ATTACH: lambda a, i: o.attach_to_order(a, i, w.photo),
    }
    return calls[action]


def prepare(w: World, action: Action, order: int) -> None:
    """What must have happened before an allowed step can succeed."""
    if action in (Action.CLOSE_PUBLICITY, Action.EXPIRE):
        w.clock.advance(days=10)
    if action == Action.FINISH:
        w.orders.report_session(w.desk, order, _session(w))


def written(w: World) -> tuple[int, ...]:
    with w.services.db.reading() as uow:
        s = uow.session
        return tuple(
            s.scalar(select(func.count()).select_from(t))
            for t in (OrderEvent, FundEntry, OrderPayment, OrderSession, AuditEntry)
        )


def holder(w: World, action: Action) -> Actor:
    """The least senior user holding the action's permission."""
    for a in (w.desk, w.coordinator, w.director):
        if a.can(PERMISSIONS[action]):
            return a
    raise AssertionError(action)


@pytest.fixture
def w(sqlite_world: World, tmp_path) -> World:
    photo = tmp_path / "签到表.jpg"
    photo.write_bytes(b"\xff\xd8 a photo")
    sqlite_world.photo = photo  # type: ignore[attr-defined]
    # Room for the many orders these tests walk.
    sqlite_world.orders.save_fund(
        sqlite_world.director,
        FundForm(
            name="2026年党组织服务群众专项经费", year=2026, kind="party_service", total=10_000_000 * YUAN
        ),
        sqlite_world.funds["党建"],
    )
    return sqlite_world


@pytest.mark.slow
def test_every_allowed_step_through_the_service(w: World):
    done = []
    for action, rule in RULES.items():
        for source in sorted(rule.sources):
            order = w.walk(source)
            prepare(w, action, order)
            step(w, action)(holder(w, action), order)
            detail = w.orders.order(w.director, order)
            assert detail.stage in rule.targets | ({source} if rule.may_stay else set()), (action, source)
            assert detail.events[-1].action == action, (action, source)
            done.append((action, source))
    assert len(done) == sum(len(r.sources) for r in RULES.values())


@pytest.mark.slow
def test_every_step_from_a_wrong_stage_is_refused_and_writes_nothing(w: World):
    orders = {stage: w.walk(stage) for stage in Stage}
    for action, rule in RULES.items():
        for stage in Stage:
            if stage in rule.sources:
                continue
            before = written(w)
            with pytest.raises(DomainError) as err:
                step(w, action)(w.director, orders[stage])
            assert not isinstance(err.value, PermissionDenied | FieldErrors), (action, stage, err.value)
            assert err.value.template == "This order is “{stage}”; “{action}” is not possible now.", (
                action,
                stage,
            )
            assert written(w) == before, (action, stage)
            assert w.orders.order(w.director, orders[stage]).stage == stage


@pytest.mark.slow
def test_every_step_by_a_role_without_it_is_refused_and_writes_nothing(w: World):
    people = {Role.FRONT_DESK: w.desk, Role.COORDINATOR: w.coordinator}
    orders: dict[Stage, int] = {}
    for action, rule in RULES.items():
        source = sorted(rule.sources)[0]
        order = orders.setdefault(source, w.walk(source))
        for role, actor in people.items():
            if actor.can(rule.permission):
                continue
            before = written(w)
            with pytest.raises(PermissionDenied) as err:
                step(w, action)(actor, order)
            assert err.value.template == "Your role may not “{action}” a service order.", (action, role)
            assert written(w) == before
    with pytest.raises(PermissionDenied):
        w.orders.place(
            w.coordinator, __import__("desktop.orders.service", fromlist=["OrderForm"]).OrderForm(1)
        )
