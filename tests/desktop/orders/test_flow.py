"""The order flow through the service, on SQLite and PostgreSQL: 点单 → 制单 → 接单 →
评单 → 买单, with the funds committed, released and paid at each step."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from db.models import AuditEntry, ServiceRecord
from db.models_orders import FundEntry, OrderEvent, OrderPayment
from db.orders_money import fund_mismatches
from desktop.common.errors import DomainError, FieldErrors, NotFound, PermissionDenied
from desktop.orders.service import BudgetLine, OrderFilter, OrderForm, OrderSettings, SessionForm
from desktop.orders.states import Action, Stage
from desktop.orders.vocabulary import Attention, CompletionBand, Rating, completion_percent
from desktop.requests import reference_data
from desktop.requests.service import RequestForm
from tests.desktop.orders.support import YUAN, World


def written(w: World) -> tuple[int, ...]:
    """Counts of every kind of row a step writes: unchanged = nothing was written."""
    with w.services.db.reading() as uow:
        s = uow.session
        return tuple(
            s.scalar(select(func.count()).select_from(t))
            for t in (OrderEvent, FundEntry, OrderPayment, AuditEntry, ServiceRecord)
        )


def committed(w: World, fund: str = "党建") -> tuple[int, int, int]:
    row = w.fund_row(fund)
    return row.committed, row.paid, row.remaining


def no_mismatch(w: World) -> None:
    with w.services.db.reading() as uow:
        assert fund_mismatches(uow.session) == []


# --- the main road ---------------------------------------------------------------------


def test_the_whole_road_with_its_history_and_money(world: World):
    w, o = world, world.orders
    order = w.place()
    detail = o.order(w.desk, order)
    assert detail.stage == Stage.PENDING_REVIEW
    assert detail.number == "DD202612-00001"
    assert (detail.category, detail.title) == ("助老服务", "上门理发")
    assert detail.resident_phone == ""
    o.take_in(w.desk, order, "符合条件")
    assert o.draft(w.coordinator, order, w.draft_form(budget=10_000 * YUAN)) == Stage.TO_DISPATCH
    assert committed(w) == (10_000 * YUAN, 0, 190_000 * YUAN)
    o.dispatch(w.desk, order, [w.providers["社工"]])
    detail = o.order(w.desk, order)
    assert detail.stage == Stage.TO_ACCEPT
    assert detail.accept_by is not None and detail.accept_by > w.clock.now
    assert detail.due_at == detail.accept_by
    w.clock.advance(hours=2)
    o.accept(w.desk, order, w.providers["社工"], 8_000 * YUAN, "王站长（站长）")
    assert committed(w) == (8_000 * YUAN, 0, 192_000 * YUAN)
    o.pay(w.director, order, w.payment(w.funds["党建"], "advance", 2_400 * YUAN, "预-001"))
    assert committed(w) == (8_000 * YUAN, 2_400 * YUAN, 192_000 * YUAN)
    w.report(order, people=12, groups={w.tags["独居老人"]: 10})
    w.clock.advance(days=3)
    w.report(order, people=10)
    o.finish(w.desk, order, "王站长")
    assert o.rate(w.desk, order, "satisfied", "很满意") == Stage.TO_CHECK
    assert o.check_work(w.director, order, "资料齐全") == 100
    detail = o.order(w.director, order)
    assert detail.stage == Stage.TO_PAY
    assert detail.targets.actual_people == 22 and detail.targets.actual_sessions == 2
    assert detail.targets.actual_groups == (("独居老人", 10),)
    assert detail.targets.planned_groups == ("独居老人",)
    assert detail.targets.band == CompletionBand.FULL
    assert detail.payable_left == 5_600 * YUAN
    o.pay(
        w.director,
        order,
        w.payment(
            w.funds["党建"],
            "final",
            5_100 * YUAN,
            "尾-001",
            deduction=500 * YUAN,
            deduction_reason="少一次回访",
        ),
    )
    detail = o.order(w.director, order)
    assert detail.stage == Stage.SETTLED and detail.closed_at == w.clock.now
    assert (detail.paid, detail.deducted, detail.payable_left) == (7_500 * YUAN, 500 * YUAN, 0)
    # Settling releases what was not paid: the fund has bound exactly what it paid.
    assert committed(w) == (7_500 * YUAN, 7_500 * YUAN, 192_500 * YUAN)
    assert [e.action for e in detail.events] == [
        Action.PLACE,
        Action.TAKE_IN,
        Action.DRAFT,
        Action.DISPATCH,
        Action.ACCEPT,
        Action.PAY,
        Action.REPORT_SESSION,
        Action.REPORT_SESSION,
        Action.FINISH,
        Action.RATE,
        Action.CHECK,
        Action.PAY,
    ]
    accept = detail.events[4]
    assert (accept.from_stage, accept.to_stage) == (Stage.TO_ACCEPT, Stage.IN_PROGRESS)
    assert (accept.reporter, accept.provider, accept.amount) == (
        "王站长（站长）",
        "幸福社会工作服务中心",
        800_000,
    )
    assert accept.username == "测试员" and accept.at == dt.datetime(2026, 12, 7, 12, 0)
    assert detail.events[1].note == "符合条件"
    assert [p.voucher for p in detail.payments] == ["预-001", "尾-001"]
    assert detail.actions == (Action.ATTACH,)
    no_mismatch(w)


def test_every_step_is_audited_with_its_actor(world: World):
    order = world.walk(Stage.TO_DISPATCH)
    with world.services.db.reading() as uow:
        rows = uow.session.execute(
            select(AuditEntry.action, AuditEntry.username)
            .where(AuditEntry.entity == "service_order", AuditEntry.entity_id == str(order))
            .order_by(AuditEntry.id)
        ).all()
    assert [r.action for r in rows] == ["place", "take_in", "draft"]
    assert {r.username for r in rows} == {world.desk.username}


def test_history_rows_cannot_be_edited_or_deleted(world: World):
    world.walk(Stage.SETTLED)
    for table in ("order_event", "order_payment", "fund_entry"):
        for sql in (f"UPDATE {table} SET id = id", f"DELETE FROM {table}"):
            with pytest.raises(Exception, match="append-only"):
                with world.services.db.engine.begin() as conn:
                    conn.exec_driver_sql(sql)


# --- review, approval and the 公示 -------------------------------------------------------


def test_reject_needs_a_reason_and_closes_the_order(world: World):
    order = world.place()
    with pytest.raises(FieldErrors) as err:
        world.orders.reject(world.desk, order, " ")
    assert err.value.errors["note"].template == "Please write the reason for “{action}”."
    world.orders.reject(world.desk, order, "该服务不在清单内，建议联系物业")
    detail = world.orders.order(world.desk, order)
    assert detail.stage == Stage.REJECTED
    assert detail.events[-1].note == "该服务不在清单内，建议联系物业"


def test_a_free_description_order_and_one_turned_from_a_request(world: World):
    o = world.orders
    with pytest.raises(FieldErrors) as err:
        o.place(world.desk, OrderForm(resident_id=world.residents[0]))
    assert set(err.value.errors) == {"category", "description"}
    free = o.place(
        world.desk,
        OrderForm(resident_id=world.residents[0], category="助老服务", description="想请人陪同去医院"),
    )
    assert o.order(world.desk, free).title == "想请人陪同去医院"
    with world.services.db.writing() as uow:
        reference_data.seed(uow.session)
        uow.commit()
    category = world.services.requests.categories()[0].children[0].id
    request = world.services.requests.register(
        world.desk,
        RequestForm(
            resident_id=world.residents[1],
            channel="walk_in",
            category_id=category,
            description="家里水管漏水",
        ),
    )
    order = o.place_from_request(world.desk, request, category="家电维修")
    detail = o.order(world.desk, order)
    assert (detail.request_id, detail.resident_id, detail.description) == (
        request,
        world.residents[1],
        "家里水管漏水",
    )
    assert detail.request_number and detail.events[0].note == detail.request_number
    assert o.orders_of_request(world.desk, request) == [(order, detail.number, Stage.PENDING_REVIEW)]


def test_a_large_budget_waits_for_the_director(world: World):
    o = world.orders
    order = world.walk(Stage.TO_DRAFT)
    assert o.draft(world.desk, order, world.draft_form(budget=10_000 * YUAN + 1)) == Stage.PENDING_APPROVAL
    assert committed(world)[0] == 10_000 * YUAN + 1  # the draft reserves its money at once
    with pytest.raises(PermissionDenied):
        o.approve(world.desk, order)
    o.return_draft(world.director, order, "预算偏高，请压减")
    detail = o.order(world.desk, order)
    assert (detail.stage, detail.attention, detail.budget, detail.fund_lines) == (
        Stage.TO_DRAFT,
        Attention.RETURNED,
        0,
        (),
    )
    assert committed(world) == (0, 0, 200_000 * YUAN)
    assert o.draft(world.desk, order, world.draft_form(budget=12_000 * YUAN)) == Stage.PENDING_APPROVAL
    assert o.approve(world.director, order, "同意") == Stage.TO_DISPATCH
    assert o.order(world.desk, order).needs_approval
    no_mismatch(world)


def test_the_threshold_is_the_administrators(world: World):
    o = world.orders
    with pytest.raises(PermissionDenied):
        o.save_order_settings(world.director, OrderSettings(approval_threshold=0))
    o.save_order_settings(world.admin, OrderSettings(approval_threshold=50_000 * YUAN, publicity_days=2))
    assert o.order_settings() == OrderSettings(50_000 * YUAN, 2, 3)
    order = world.walk(Stage.TO_DRAFT)
    assert o.draft(world.desk, order, world.draft_form(budget=20_000 * YUAN)) == Stage.PUBLICITY


def test_publicity_lasts_working_days_and_records_objections(world: World):
    o, w = world.orders, world
    order = w.walk(Stage.TO_DRAFT)
    w.clock.now = dt.datetime(2026, 12, 11, 15, 0)  # a Friday
    assert o.draft(w.desk, order, w.draft_form(publicity_days=3)) == Stage.PUBLICITY
    detail = o.order(w.desk, order)
    assert detail.publicity_ends == dt.datetime(2026, 12, 16, 15, 0)  # Mon, Tue, Wed
    assert detail.due_at == detail.publicity_ends
    o.record_objection(w.coordinator, order, "有居民反映该机构去年服务不到位")
    assert o.order(w.desk, order).attention == Attention.OBJECTION
    with pytest.raises(DomainError) as err:
        o.close_publicity(w.desk, order)
    assert err.value.params == {"moment": "2026-12-16 15:00"}
    w.clock.now = dt.datetime(2026, 12, 16, 15, 0)
    o.close_publicity(w.desk, order, "异议已核实处理")
    detail = o.order(w.desk, order)
    assert (detail.stage, detail.attention) == (Stage.TO_DISPATCH, Attention.NONE)
    assert [e.action for e in detail.events][-2:] == [Action.OBJECT, Action.CLOSE_PUBLICITY]


def test_approval_then_publicity(world: World):
    o = world.orders
    order = world.walk(Stage.TO_DRAFT)
    assert (
        o.draft(world.desk, order, world.draft_form(budget=30_000 * YUAN, publicity_days=5))
        == Stage.PENDING_APPROVAL
    )
    assert o.order(world.desk, order).publicity_ends is None
    assert o.approve(world.director, order) == Stage.PUBLICITY
    assert o.order(world.desk, order).publicity_ends is not None


@pytest.mark.parametrize(
    "stage", [Stage.TO_DRAFT, Stage.PENDING_APPROVAL, Stage.PUBLICITY, Stage.TO_DISPATCH, Stage.TO_ACCEPT]
)
def test_cancelling_a_draft_releases_what_it_committed(world: World, stage):
    order = world.walk(stage)
    world.orders.cancel(world.coordinator, order, "居民已搬离")
    detail = world.orders.order(world.desk, order)
    assert detail.stage == Stage.CANCELLED and detail.closed_at is not None
    assert committed(world) == (0, 0, 200_000 * YUAN)
    assert all(line.committed == 0 for line in detail.fund_lines)
    no_mismatch(world)


def test_redrafting_releases_and_drafts_anew(world: World):
    order = world.walk(Stage.TO_DISPATCH)
    world.orders.revise(world.desk, order, "服务范围调整")
    assert committed(world)[0] == 0
    world.orders.draft(world.desk, order, world.draft_form(budget=6_000 * YUAN))
    assert committed(world)[0] == 6_000 * YUAN
    no_mismatch(world)


# --- dispatch and acceptance -------------------------------------------------------------


def test_several_candidates_first_to_accept_wins(world: World):
    o, w = world.orders, world
    order = w.walk(Stage.TO_DISPATCH)
    o.dispatch(w.desk, order, [w.providers["社工"], w.providers["公司"]], note="两家比选")
    assert o.decline(w.desk, order, w.providers["公司"], "人手不足", "刘经理") == Stage.TO_ACCEPT
    with pytest.raises(FieldErrors) as err:
        o.accept(w.desk, order, w.providers["公司"], 5_000 * YUAN, "刘经理")
    assert err.value.errors["provider"].template == "This provider has already declined the order."
    with pytest.raises(FieldErrors) as err:
        o.accept(w.desk, order, w.providers["协会"], 5_000 * YUAN, "赵会长")
    assert err.value.errors["provider"].template == "The order was not offered to this provider."
    o.accept(w.desk, order, w.providers["社工"], 5_000 * YUAN, "王站长")
    detail = o.order(w.desk, order)
    assert detail.provider == "幸福社会工作服务中心" and detail.contract_amount == 5_000 * YUAN
    assert [(c.provider, c.declined_at is not None) for c in detail.candidates] == [
        ("幸福社会工作服务中心", False),
        ("淄博家政服务有限公司", True),
    ]
    decline = detail.events[-2]
    assert (decline.action, decline.note, decline.reporter) == (Action.DECLINE, "人手不足", "刘经理")


def test_the_last_decline_sends_the_order_back_with_a_warning(world: World):
    o, w = world.orders, world
    order = w.walk(Stage.TO_ACCEPT)
    with pytest.raises(FieldErrors) as err:
        o.decline(w.desk, order, w.providers["社工"], "", "王站长")
    assert "note" in err.value.errors
    with pytest.raises(FieldErrors) as err:
        o.decline(w.desk, order, w.providers["社工"], "排期已满", " ")
    assert "reporter" in err.value.errors
    assert o.decline(w.desk, order, w.providers["社工"], "排期已满", "王站长") == Stage.TO_DISPATCH
    detail = o.order(w.desk, order)
    assert (detail.stage, detail.attention) == (Stage.TO_DISPATCH, Attention.DECLINED)
    assert committed(w)[0] == 10_000 * YUAN  # the draft still holds its budget
    o.dispatch(w.desk, order, [w.providers["公司"]])
    assert o.order(w.desk, order).attention == Attention.NONE


def test_dispatch_to_the_drafts_candidates(world: World):
    o, w = world.orders, world
    order = w.walk(Stage.TO_DRAFT)
    o.draft(w.desk, order, w.draft_form(candidate_ids=[w.providers["公司"], w.providers["社工"]]))
    o.dispatch(w.desk, order)
    assert {c.provider_id for c in o.order(w.desk, order).candidates} == {
        w.providers["公司"],
        w.providers["社工"],
    }


def test_an_accept_by_deadline_that_passes_puts_the_order_back(world: World):
    o, w = world.orders, world
    order = w.walk(Stage.TO_DISPATCH)
    o.dispatch(w.desk, order, [w.providers["社工"]], accept_by=w.clock.now + dt.timedelta(days=1))
    with pytest.raises(DomainError) as err:
        o.expire(w.desk, order)
    assert err.value.template == "The time to accept has not ended yet."
    w.clock.advance(days=1, minutes=1)
    assert o.rows(w.desk, o_filter(overdue=True), 0, 10)[0].id == order
    with pytest.raises(DomainError) as err:
        o.accept(w.desk, order, w.providers["社工"], 5_000 * YUAN, "王站长")
    assert err.value.template == "The time to accept ended at {moment}; dispatch the order again."
    assert o.expire_overdue(w.desk) == 1
    assert o.expire_overdue(w.desk) == 0
    detail = o.order(w.desk, order)
    assert (detail.stage, detail.attention, detail.due_at) == (Stage.TO_DISPATCH, Attention.EXPIRED, None)
    assert detail.events[-1].action == Action.EXPIRE


def test_recall_a_dispatch(world: World):
    order = world.walk(Stage.TO_ACCEPT)
    world.orders.recall(world.desk, order, "改派其他机构")
    assert world.orders.order(world.desk, order).stage == Stage.TO_DISPATCH


def test_accepting_binds_the_contract_over_the_fund_lines(world: World):
    o, w = world.orders, world
    order = w.walk(Stage.TO_DRAFT)
    lines = [BudgetLine(w.funds["创投"], 6_000 * YUAN), BudgetLine(w.funds["党建"], 4_000 * YUAN)]
    o.draft(w.desk, order, w.draft_form(lines=lines))
    o.dispatch(w.desk, order, [w.providers["社工"]])
    with pytest.raises(FieldErrors) as err:
        o.accept(w.desk, order, w.providers["社工"], 10_000 * YUAN + 1, "王站长")
    assert err.value.errors["contract_amount"].params == {"budget": "10,000.00"}
    with pytest.raises(FieldErrors):
        o.accept(
            w.desk, order, w.providers["社工"], 9_000 * YUAN, "王站长", split={w.funds["党建"]: 9_000 * YUAN}
        )
    o.accept(w.desk, order, w.providers["社工"], 9_000 * YUAN, "王站长")
    lines_after = {x.fund: (x.budget, x.committed) for x in o.order(w.desk, order).fund_lines}
    # fund lines in id order: 党建 (id 1) first
    assert lines_after == {
        "2026年党组织服务群众专项经费": (4_000 * YUAN, 4_000 * YUAN),
        "2026年公益创投": (6_000 * YUAN, 5_000 * YUAN),
    }
    no_mismatch(w)


def test_an_explicit_split(world: World):
    o, w = world.orders, world
    order = w.walk(Stage.TO_DRAFT)
    lines = [BudgetLine(w.funds["创投"], 6_000 * YUAN), BudgetLine(w.funds["党建"], 4_000 * YUAN)]
    o.draft(w.desk, order, w.draft_form(lines=lines))
    o.dispatch(w.desk, order, [w.providers["社工"]])
    split = {w.funds["创投"]: 6_000 * YUAN, w.funds["党建"]: 1_000 * YUAN}
    o.accept(w.desk, order, w.providers["社工"], 7_000 * YUAN, "王站长", split=split)
    assert committed(w, "创投")[0] == 6_000 * YUAN and committed(w, "党建")[0] == 1_000 * YUAN


# --- delivery, rating, 验收, 终止 ----------------------------------------------------------


def test_volunteer_hours_become_pending_love_bank_records(world: World):
    o, w = world.orders, world
    order = w.walk(Stage.IN_PROGRESS)
    result = w.report(order, people=8, volunteers=[(w.volunteers[0], 90), (w.volunteers[1], 60)])
    assert len(result.service_record_ids) == 2 and result.unrecorded == ()
    pending = w.bank.service_records(w.coordinator)
    assert sorted((r.volunteer_id, r.minutes, r.status) for r in pending) == [
        (w.volunteers[0], 90, "pending"),
        (w.volunteers[1], 60, "pending"),
    ]
    assert all(r.description.startswith("DD202612-") for r in pending)
    session = o.order(w.desk, order).sessions[0]
    assert {(v.name, v.minutes, v.service_record_id is not None) for v in session.volunteers} == {
        ("张大爷", 90, True),
        ("李奶奶", 60, True),
    }
    assert w.bank.approve(w.coordinator, list(result.service_record_ids)) > 0


def test_hours_the_love_bank_refuses_are_reported_not_lost(world: World):
    w = world
    order = w.walk(Stage.IN_PROGRESS)
    w.bank.record_service(w.coordinator, w.volunteers[0], w.clock.now.date(), 23 * 60)
    result = w.report(order, people=3, volunteers=[(w.volunteers[0], 120), (w.volunteers[1], 30)])
    assert result.unrecorded == ("张大爷",) and len(result.service_record_ids) == 1
    assert w.orders.order(w.desk, order).targets.actual_sessions == 1


def test_session_input_is_checked(world: World):
    w = world
    order = w.walk(Stage.IN_PROGRESS)
    before = written(w)
    with pytest.raises(FieldErrors) as err:
        w.report(order, people=2, groups={w.tags["独居老人"]: 3})
    assert "groups" in err.value.errors
    with pytest.raises(FieldErrors):
        w.report(order, volunteers=[(w.volunteers[0], 0)])
    with pytest.raises(FieldErrors):
        w.report(order, volunteers=[(w.volunteers[0], 30), (w.volunteers[0], 30)])
    with pytest.raises(FieldErrors) as err:
        w.orders.report_session(w.desk, order, _session(w, held_on=w.clock.now.date() + dt.timedelta(days=1)))
    assert "held_on" in err.value.errors
    assert written(w) == before


def _session(w: World, **kw):
    values = {"held_on": w.clock.now.date(), "people": 1, "reporter": "王站长"}
    values.update(kw)
    return SessionForm(**values)


def test_finishing_needs_a_session_and_records_whether_on_time(world: World):
    o, w = world.orders, world
    order = w.walk(Stage.IN_PROGRESS)
    with pytest.raises(DomainError) as err:
        o.finish(w.desk, order, "王站长")
    assert err.value.template == "No session has been reported for this order yet."
    w.report(order)
    w.clock.advance(days=31)  # past the deadline (30 days after drafting)
    assert o.rows(w.desk, o_filter(overdue=True), 0, 5)[0].id == order
    o.finish(w.desk, order, "王站长")
    assert o.order(w.desk, order).on_time is False


def test_unsatisfied_sends_the_work_back_to_redo(world: World):
    o, w = world.orders, world
    order = w.walk(Stage.TO_RATE)
    with pytest.raises(FieldErrors) as err:
        o.rate(w.desk, order, "unsatisfied")
    assert "comment" in err.value.errors
    with pytest.raises(FieldErrors):
        o.rate(w.desk, order, "so-so")
    assert o.rate(w.desk, order, "unsatisfied", "头发剪得太短") == Stage.IN_PROGRESS
    detail = o.order(w.desk, order)
    assert (detail.attention, detail.redo_count, detail.rating) == (Attention.REDO, 1, Rating.UNSATISFIED)
    assert detail.events[-1].action == Action.REDO and detail.events[-1].note == "头发剪得太短"
    w.report(order, people=1)
    o.finish(w.desk, order, "王站长")
    assert o.rate(w.desk, order, "basic") == Stage.TO_CHECK


@pytest.mark.parametrize(
    ("people", "band"),
    [
        (25, CompletionBand.FULL),
        (17, CompletionBand.HIGH),
        (12, CompletionBand.MEDIUM),
        (11, CompletionBand.LOW),
    ],
)
def test_check_bands_the_completion_rate(world: World, people, band):
    o, w = world.orders, world
    order = w.walk(Stage.IN_PROGRESS)
    w.report(order, people=people)
    w.report(order, people=0)
    o.finish(w.desk, order, "王站长")
    o.rate(w.desk, order, "satisfied")
    with pytest.raises(PermissionDenied):
        o.check_work(w.desk, order)
    percent = o.check_work(w.director, order)
    detail = o.order(w.director, order)
    assert detail.completion_percent == percent == completion_percent(20, people, 2, 2)
    assert detail.targets.band == band


def test_terminating_stops_payment_and_releases_the_rest(world: World):
    o, w = world.orders, world
    order = w.walk(Stage.IN_PROGRESS)
    o.pay(w.director, order, w.payment(w.funds["党建"], "advance", 3_000 * YUAN, "预-9"))
    with pytest.raises(FieldErrors):
        o.terminate(w.director, order, "")
    o.terminate(w.director, order, "机构违约，终止合作")
    assert committed(w) == (3_000 * YUAN, 3_000 * YUAN, 197_000 * YUAN)
    with pytest.raises(DomainError) as err:
        o.pay(w.director, order, w.payment(w.funds["党建"], "interim", 1_000 * YUAN, "中-9"))
    assert err.value.params["stage"] == "Terminated"
    no_mismatch(w)


# --- payments ----------------------------------------------------------------------------


def test_payment_rules(world: World):
    o, w = world.orders, world
    order = w.walk(Stage.IN_PROGRESS)  # contract 8,000 of a 10,000 budget
    fund = w.funds["党建"]
    with pytest.raises(PermissionDenied):
        o.pay(w.desk, order, w.payment(fund, "advance", 100 * YUAN, "X-1"))
    with pytest.raises(DomainError) as err:
        o.pay(w.director, order, w.payment(fund, "final", 100 * YUAN, "X-1"))
    assert err.value.template == "The final payment comes only after the work has been checked and accepted."
    with pytest.raises(FieldErrors) as err:
        o.pay(w.director, order, w.payment(w.funds["创投"], "advance", 100 * YUAN, "X-1"))
    assert err.value.errors["fund"].template == "This fund is not in the order's budget."
    with pytest.raises(FieldErrors) as err:
        o.pay(w.director, order, w.payment(fund, "advance", 100 * YUAN, "X-1", deduction=10 * YUAN))
    assert "deduction_reason" in err.value.errors
    with pytest.raises(FieldErrors) as err:
        o.pay(w.director, order, w.payment(fund, "advance", 0, "X-1"))
    assert err.value.errors["amount"].template == "The amount must be more than zero."
    payment = w.payment(fund, "advance", 100 * YUAN, "X-1")
    with pytest.raises(FieldErrors) as err:
        o.pay(w.director, order, w.payment(fund, "advance", 100 * YUAN, "X-1", paid_on=dt.date(2026, 12, 6)))
    assert "paid_on" in err.value.errors
    o.pay(w.director, order, payment)
    before = written(w)
    with pytest.raises(FieldErrors) as err:
        o.pay(w.director, order, w.payment(fund, "interim", 100 * YUAN, " x-1 "))
    assert err.value.errors["voucher"].params == {"voucher": "X-1"}
    assert written(w) == before


def test_paying_beyond_the_contract_needs_the_directors_reason(world: World):
    o, w = world.orders, world
    order = w.walk(Stage.TO_PAY)  # contract 8,000; budget 10,000
    fund = w.funds["党建"]
    before = written(w)
    with pytest.raises(FieldErrors) as err:
        o.pay(w.director, order, w.payment(fund, "final", 8_500 * YUAN, "F-1"))
    assert err.value.errors["over_contract_reason"].params == {"paid": "8,500.00", "contract": "8,000.00"}
    assert written(w) == before
    o.pay(
        w.director,
        order,
        w.payment(fund, "final", 8_500 * YUAN, "F-1", over_contract_reason="经审计追加服务场次"),
    )
    detail = o.order(w.director, order)
    assert detail.paid == 8_500 * YUAN and detail.payments[0].over_contract_reason == "经审计追加服务场次"
    assert committed(w) == (8_500 * YUAN, 8_500 * YUAN, 191_500 * YUAN)
    no_mismatch(w)


def test_a_funds_cap_per_order_holds_for_overpayments_too(world: World):
    o, w = world.orders, world
    order = w.walk(Stage.TO_DRAFT)
    o.draft(w.desk, order, w.draft_form(fund="创投", budget=20_000 * YUAN, publicity_days=0))
    o.approve(w.director, order)
    o.dispatch(w.desk, order, [w.providers["社工"]])
    o.accept(w.desk, order, w.providers["社工"], 20_000 * YUAN, "王站长")
    with pytest.raises(DomainError) as err:
        o.pay(
            w.director,
            order,
            w.payment(w.funds["创投"], "advance", 20_001 * YUAN, "C-1", over_contract_reason="追加"),
        )
    assert err.value.template == "The fund “{fund}” pays at most {cap} 元 per order."


def test_settling_without_a_final_payment(world: World):
    o, w = world.orders, world
    order = w.walk(Stage.IN_PROGRESS)
    o.pay(w.director, order, w.payment(w.funds["党建"], "interim", 7_000 * YUAN, "Z-1"))
    w.report(order, people=20)
    w.report(order, people=0)
    o.finish(w.desk, order, "王站长")
    o.rate(w.desk, order, "satisfied")
    o.check_work(w.director, order)
    with pytest.raises(FieldErrors) as err:
        o.settle(w.director, order)
    assert err.value.errors["note"].params == {"left": "1,000.00"}
    o.settle(w.director, order, "机构自愿放弃尾款")
    assert committed(w) == (7_000 * YUAN, 7_000 * YUAN, 193_000 * YUAN)
    assert o.order(w.director, order).stage == Stage.SETTLED


# --- bad input writes nothing --------------------------------------------------------------


def test_bad_drafts_are_refused_and_write_nothing(world: World):
    o, w = world.orders, world
    order = w.walk(Stage.TO_DRAFT)
    o.set_provider_active(w.director, w.providers["协会"], False)
    before = written(w)
    cases = [
        (w.draft_form(budget=0), "budget", "The budget must be more than zero."),
        (w.draft_form(budget=-5), "budget", "The budget must be more than zero."),
        (w.draft_form(lines=[]), "funds", "Choose at least one fund for the budget."),
        (
            w.draft_form(deadline=dt.date(2026, 12, 6)),
            "deadline",
            "The deadline is before the order date ({day}).",
        ),
        (
            w.draft_form(candidate_ids=[w.providers["协会"]]),
            "candidates",
            "The provider “{name}” is inactive and cannot take orders.",
        ),
        (
            w.draft_form(fund="创投", budget=20_000 * YUAN + 1),
            "budget",
            "The fund “{fund}” pays at most {cap} 元 per order.",
        ),
        (w.draft_form(planned_people=0, planned_sessions=0), "planned_sessions", None),
    ]
    for form, field, template in cases:
        with pytest.raises(FieldErrors) as err:
            o.draft(w.desk, order, form)
        assert field in err.value.errors, (form, err.value.errors)
        if template:
            assert err.value.errors[field].template == template
    assert written(w) == before
    assert o.order(w.desk, order).stage == Stage.TO_DRAFT
    no_mismatch(w)


def test_a_fund_that_forbids_the_category(world: World):
    o, w = world.orders, world
    order = o.place(w.desk, OrderForm(resident_id=w.residents[0], item_id=w.items["广场舞"]))
    o.take_in(w.desk, order)
    before = written(w)
    with pytest.raises(FieldErrors) as err:
        o.draft(w.desk, order, w.draft_form(fund="创投", budget=1_000 * YUAN))
    assert err.value.errors["funds"].template == "The fund “{fund}” may not pay for “{category}”."
    assert err.value.errors["funds"].params == {"fund": "2026年公益创投", "category": "文体活动"}
    assert written(w) == before


def test_a_fund_never_commits_more_than_it_has(world: World):
    o, w = world.orders, world
    first = w.walk(Stage.TO_DRAFT)
    o.draft(w.desk, first, w.draft_form(budget=150_000 * YUAN))
    second = w.walk(Stage.TO_DRAFT)
    before = written(w)
    with pytest.raises(DomainError) as err:
        o.draft(w.desk, second, w.draft_form(budget=50_000 * YUAN + 1))
    assert err.value.template == "The fund “{fund}” has {left} 元 left; {needed} 元 cannot be committed."
    assert err.value.params == {
        "fund": "2026年党组织服务群众专项经费",
        "left": "50,000.00",
        "needed": "50,000.01",
    }
    assert written(w) == before
    o.draft(w.desk, second, w.draft_form(budget=50_000 * YUAN))
    assert committed(w)[2] == 0


def test_an_inactive_or_discredited_provider_gets_no_order(world: World):
    o, w = world.orders, world
    order = w.walk(Stage.TO_DISPATCH)
    w.orders.set_provider_active(w.director, w.providers["公司"], False)
    before = written(w)
    with pytest.raises(FieldErrors) as err:
        o.dispatch(w.desk, order, [w.providers["公司"]])
    assert (
        err.value.errors["providers"].template == "The provider “{name}” is inactive and cannot take orders."
    )
    o.set_discredited(w.director, w.providers["社工"], True, dt.date(2026, 11, 1), "列入活动异常名录")
    before = written(w)
    with pytest.raises(FieldErrors) as err:
        o.dispatch(w.desk, order, [w.providers["社工"]])
    assert "discredited" in err.value.errors["providers"].template
    assert written(w) == before


def test_a_provider_of_a_kind_the_item_does_not_allow(world: World):
    o, w = world.orders, world
    order = o.place(w.desk, OrderForm(resident_id=w.residents[0], item_id=w.items["心理疏导"]))
    o.take_in(w.desk, order)
    o.draft(w.desk, order, w.draft_form(budget=2_000 * YUAN))
    with pytest.raises(FieldErrors) as err:
        o.dispatch(w.desk, order, [w.providers["公司"]])
    assert err.value.errors["providers"].params["kinds"] == "Private non-enterprise unit、Social group"


def test_a_filed_organisation_cannot_sign_or_be_paid(world: World):
    o, w = world.orders, world
    order = w.walk(Stage.TO_DISPATCH)
    o.dispatch(w.desk, order, [w.providers["备案"]])
    before = written(w)
    with pytest.raises(DomainError) as err:
        o.accept(w.desk, order, w.providers["备案"], 3_000 * YUAN, "李队长")
    assert err.value.template == (
        "A filed community organisation has no legal personality: it cannot sign a contract "
        "or be paid in its own name."
    )
    assert written(w) == before
    # Without a contract (a free service) it may take the order; it is never a payee.
    o.accept(w.desk, order, w.providers["备案"], 0, "李队长")
    assert committed(w)[0] == 0
    with pytest.raises(DomainError) as err:
        o.pay(
            w.director,
            order,
            w.payment(w.funds["党建"], "advance", 100 * YUAN, "B-1", over_contract_reason="x"),
        )
    assert err.value.template.startswith("A filed community organisation has no legal personality")


def o_filter(**kw) -> OrderFilter:
    return OrderFilter(**kw)


def test_the_place_dialog_is_filled_from_a_request_and_the_order_keeps_the_link(world: World):
    """转为点单 in the dialog: the request's resident and description, then placed with the
    description as the desk edited it."""
    o = world.orders
    with world.services.db.writing() as uow:
        reference_data.seed(uow.session)
        uow.commit()
    category = world.services.requests.categories()[0].children[0].id
    request = world.services.requests.register(
        world.desk,
        RequestForm(
            resident_id=world.residents[1], channel="walk_in", category_id=category, description="老人想理发"
        ),
    )
    basics = o.request_basics(world.desk, request)
    assert (basics.request_id, basics.resident_id, basics.description) == (
        request,
        world.residents[1],
        "老人想理发",
    )
    assert basics.number == world.services.requests.get(world.desk, request).number
    resident = world.services.residents.row(world.desk, basics.resident_id)
    assert resident.id == world.residents[1] and resident.name
    with pytest.raises(PermissionDenied):
        o.request_basics(world.coordinator, request)  # the volunteer coordinator does not record 点单
    with pytest.raises(NotFound):
        o.request_basics(world.desk, request + 1000)

    order = o.place(
        world.desk,
        OrderForm(
            resident_id=basics.resident_id,
            item_id=world.items["上门理发"],
            description=basics.description + "，每月一次",
            request_id=basics.request_id,
        ),
    )
    detail = o.order(world.desk, order)
    assert (detail.request_id, detail.resident_id, detail.description) == (
        request,
        world.residents[1],
        "老人想理发，每月一次",
    )
    assert o.orders_of_request(world.desk, request) == [(order, detail.number, Stage.PENDING_REVIEW)]
