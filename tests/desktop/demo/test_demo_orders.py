"""Demo service orders: a menu, providers of every kind, two funds and orders in every
stage, with money that adds up (runs on the session's ``centre`` demo database)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import func, select

from db.models import ServiceRecord
from db.models_orders import (
    Fund,
    FundEntry,
    OrderEvent,
    OrderFund,
    OrderPayment,
    OrderSessionVolunteer,
    ServiceOrder,
)
from db.orders import OrderFilter
from desktop.check import run_checks
from desktop.demo.orders import COUNTS, MENU
from desktop.orders.states import BOARD_STAGES, Stage
from desktop.orders.vocabulary import ProviderKind


def rows(services, stmt):
    with services.db.reading() as uow:
        return uow.session.execute(stmt).all()


def test_the_checks_find_nothing_wrong(demo_db):
    assert run_checks(demo_db.db) == []


def test_the_board_has_orders_in_every_stage(demo_db):
    director = demo_db.accounts.login("zhuren", "zhuren123")
    board = demo_db.orders.board(director)
    assert [c.stage for c in board.stages] == list(BOARD_STAGES)
    assert all(c.count > 0 for c in board.stages), board
    assert COUNTS["centre"] <= board.total <= COUNTS["centre"] + len(Stage)
    assert board.overdue > 0
    rows_ = demo_db.orders.rows(director, OrderFilter(), 0, 50)
    assert len(rows_) == 50 and rows_[0].ordered_at >= rows_[-1].ordered_at


def test_menu_providers_and_funds(demo_db):
    director = demo_db.accounts.login("zhuren", "zhuren123")
    o = demo_db.orders
    assert len(o.menu()) == len(MENU) == 16
    providers = o.providers(director)
    assert {p.kind for p in providers} == set(ProviderKind)
    assert any(p.rating_expired for p in providers)
    assert any(p.discredited for p in providers) and not all(p.is_active for p in providers)
    assert any(p.team_id for p in providers if p.kind == ProviderKind.VOLUNTEER_TEAM)
    for p in providers:
        if p.credit_code:
            assert o.check_provider_code(p.credit_code, p.kind).warnings == ()
    funds = o.funds(director)
    year = dt.date.today().year
    assert [(f.name, f.total) for f in funds] == [
        (f"{year}年党组织服务群众专项经费", 200_000_00),
        (f"{year}年公益创投", 150_000_00),
    ]
    assert funds[1].excluded_categories == ("文体活动",) and funds[1].order_cap == 20_000_00
    for f in funds:
        assert 0 < f.paid <= f.committed <= f.total


def test_the_money_adds_up(demo_db):
    lines = rows(
        demo_db,
        select(
            OrderFund.order_id,
            OrderFund.committed,
            OrderFund.paid,
            ServiceOrder.stage,
            ServiceOrder.contract_amount,
        ).join(ServiceOrder),
    )
    for order_id, committed, paid, stage, contract in lines:
        if stage in ("settled", "terminated", "cancelled"):
            assert committed == paid, order_id
        assert paid <= (contract or 0) or paid == 0
    paid = dict(
        rows(
            demo_db,
            select(OrderPayment.fund_id, func.sum(OrderPayment.amount)).group_by(OrderPayment.fund_id),
        )
    )
    for fund_id, fund_paid in rows(demo_db, select(Fund.id, Fund.paid)):
        assert paid.get(fund_id, 0) == fund_paid
    vouchers = [v for (v,) in rows(demo_db, select(OrderPayment.voucher))]
    assert len(vouchers) == len(set(vouchers)) > 50
    assert rows(demo_db, select(func.count()).select_from(FundEntry))[0][0] > 100


def test_each_order_has_a_history_that_ends_in_its_stage(demo_db):
    last = dict(
        rows(
            demo_db,
            select(OrderEvent.order_id, OrderEvent.to_stage).where(
                OrderEvent.id.in_(select(func.max(OrderEvent.id)).group_by(OrderEvent.order_id))
            ),
        )
    )
    first = Counter(
        a
        for (a,) in rows(
            demo_db,
            select(OrderEvent.action).where(
                OrderEvent.id.in_(select(func.min(OrderEvent.id)).group_by(OrderEvent.order_id))
            ),
        )
    )
    stages = dict(rows(demo_db, select(ServiceOrder.id, ServiceOrder.stage)))
    assert first == Counter({"place": len(stages)})
    for order_id, stage in stages.items():
        assert last[order_id] == stage, order_id


def test_volunteer_time_in_sessions_waits_in_the_love_bank(demo_db):
    found = rows(
        demo_db,
        select(OrderSessionVolunteer.minutes, ServiceRecord.minutes, ServiceRecord.status).join(
            ServiceRecord, ServiceRecord.id == OrderSessionVolunteer.service_record_id
        ),
    )
    assert found and all(a == b and status == "pending" for a, b, status in found)


def test_the_service_carries_on_from_the_demo(demo_db):
    desk = demo_db.accounts.login("qiantai", "qiantai123")
    o = demo_db.orders
    waiting = o.rows(desk, OrderFilter(stage=Stage.PENDING_REVIEW), 0, 1)[0]
    o.take_in(desk, waiting.id)
    assert o.order(desk, waiting.id).stage == Stage.TO_DRAFT
    assert run_checks(demo_db.db) == []
