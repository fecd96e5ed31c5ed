"""The love bank through its service: hours → points, the 爱心超市, corrections."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.common.errors import DomainError, FieldErrors, PermissionDenied
from desktop.common.permissions import SYSTEM, Role
from desktop.love_bank.service import (
    Basket,
    LoveBankService,
    NextStar,
    PointRules,
    ServiceEntry,
    next_star,
    star_level,
)
from desktop.residents.service import ResidentForm


@pytest.fixture
def bank(any_db, make_actor):
    coordinator = make_actor(any_db, Role.COORDINATOR)
    director = make_actor(any_db, Role.DIRECTOR)
    service = LoveBankService(any_db.db, now=lambda: dt.datetime(2026, 11, 20, 10, 0))
    people = [any_db.residents.save(coordinator, ResidentForm(name=n)) for n in ("张三", "李四", "王五")]
    volunteers = [service.register_volunteer(coordinator, p) for p in people[:2]]
    item = service.save_item(coordinator, name="大米5kg", price=30, stock=2)
    later = service.save_item(
        coordinator, name="理发服务", price=20, stock=10, kind="service", handed_over_later=True
    )
    return {
        "db": any_db,
        "s": service,
        "co": coordinator,
        "dir": director,
        "people": people,
        "v": volunteers,
        "item": item,
        "later": later,
        "make_actor": make_actor,
    }


def balance(b, v):
    row = b["s"].volunteer(b["co"], v)
    return row.available, row.frozen


def test_approved_hours_award_points_by_the_rules(bank):
    s, co, v = bank["s"], bank["co"], bank["v"][0]
    activity = s.add_activity(co, title="重阳节敬老", held_on=dt.date(2026, 11, 19), kind="助老助残")
    rid = s.record_service(co, v, dt.date(2026, 11, 19), 120, activity_id=activity)
    assert balance(bank, v) == (0, 0)  # waiting for approval
    assert s.approve(co, [rid]) == 30  # 2 h × 10 × 150 %
    assert balance(bank, v) == (30, 0)
    with pytest.raises(DomainError):
        s.approve(co, [rid])  # decided already


def test_an_earning_names_the_service_it_pays_for_with_its_unit(bank):
    """Screens and the statement word the hours themselves; the stored note says 小时, never "h"."""
    s, co, v = bank["s"], bank["co"], bank["v"][0]
    s.approve(co, [s.record_service(co, v, dt.date(2026, 11, 19), 90)])
    s.adjust(co, v, 5, "表彰")
    earned, adjusted = s.statement(co, v)
    assert (earned.served_on, earned.service_minutes, earned.note) == (
        dt.date(2026, 11, 19),
        90,
        "2026-11-19 1.5 小时",
    )
    assert (adjusted.served_on, adjusted.service_minutes, adjusted.note) == (None, None, "表彰")


def test_daily_cap_limits_the_points_but_keeps_the_hours(bank):
    s, co, v = bank["s"], bank["co"], bank["v"][0]
    s.set_rules(SYSTEM, PointRules(points_per_hour=10, daily_cap_minutes=180, reversal_threshold=100))
    ids = s.record_batch(co, dt.date(2026, 11, 18), [ServiceEntry(v, 120)])
    ids += s.record_batch(co, dt.date(2026, 11, 18), [ServiceEntry(v, 120)])
    assert s.approve(co, ids) == 30  # only 3 of the 4 hours count
    assert s.volunteer(co, v).hours == 4.0


def test_batch_entry_is_all_or_nothing_and_refuses_bad_hours(bank):
    s, co, v = bank["s"], bank["co"], bank["v"]
    with pytest.raises(FieldErrors):
        s.record_batch(co, dt.date(2026, 11, 18), [ServiceEntry(v[0], 60), ServiceEntry(v[1], -30)])
    with pytest.raises(FieldErrors):
        s.record_batch(co, dt.date(2026, 11, 18), [ServiceEntry(v[0], 25 * 60)])
    with pytest.raises(FieldErrors):
        s.record_batch(co, dt.date(2026, 12, 1), [ServiceEntry(v[0], 60)])  # future
    assert s.service_records(co) == []
    s.record_batch(co, dt.date(2026, 11, 18), [ServiceEntry(v[0], 60), ServiceEntry(v[1], 90)])
    assert len(s.service_records(co)) == 2


def test_rejected_hours_stay_with_their_reason(bank):
    s, co, v = bank["s"], bank["co"], bank["v"][0]
    rid = s.record_service(co, v, dt.date(2026, 11, 18), 60)
    with pytest.raises(FieldErrors):
        s.reject(co, rid, "")
    s.reject(co, rid, "当天未到岗")
    (row,) = s.service_records(co, status="rejected")
    assert row.reason == "当天未到岗" and balance(bank, v) == (0, 0)


def test_redemption_lowers_stock_and_points_and_a_retry_is_the_same_redemption(bank):
    s, co, v = bank["s"], bank["co"], bank["v"][0]
    s.adjust(co, v, 100, "初始积分")
    first = s.redeem(co, v, Basket({bank["item"]: 1}), "key-1")
    again = s.redeem(co, v, Basket({bank["item"]: 1}), "key-1")
    assert first == again
    assert balance(bank, v) == (70, 0)
    assert next(i for i in s.items() if i.id == bank["item"]).stock == 1


def test_not_enough_points_or_stock_writes_nothing(bank):
    s, co, v = bank["s"], bank["co"], bank["v"][0]
    s.adjust(co, v, 50, "初始积分")
    with pytest.raises(DomainError, match="Not enough points"):
        s.redeem(co, v, Basket({bank["item"]: 2}), "key-2")  # 60 > 50
    with pytest.raises(FieldErrors):
        s.redeem(co, v, Basket({bank["item"]: 3}), "key-3")  # stock 2
    assert balance(bank, v) == (50, 0)
    assert next(i for i in s.items() if i.id == bank["item"]).stock == 2
    assert s.redemptions(co) == []


def test_a_resident_who_is_not_a_volunteer_cannot_redeem(bank):
    s, co = bank["s"], bank["co"]
    with pytest.raises(FieldErrors):
        s.redeem(co, 999_999, Basket({bank["item"]: 1}), "key-x")


def test_goods_handed_over_later_freeze_points_until_handover_or_cancel(bank):
    s, co, v = bank["s"], bank["co"], bank["v"][0]
    s.adjust(co, v, 100, "初始积分")
    r1 = s.redeem(co, v, Basket({bank["later"]: 2}), "k1")
    assert balance(bank, v) == (60, 40)
    s.hand_over(co, r1)
    assert balance(bank, v) == (60, 0)
    r2 = s.redeem(co, v, Basket({bank["later"]: 1}), "k2")
    assert balance(bank, v) == (40, 20)
    s.cancel_redemption(co, r2, "居民不需要了")
    assert balance(bank, v) == (60, 0)
    assert next(i for i in s.items() if i.id == bank["later"]).stock == 8


def test_cancelling_a_completed_redemption_gives_back_points_and_stock(bank):
    s, co, v = bank["s"], bank["co"], bank["v"][0]
    s.adjust(co, v, 100, "初始积分")
    rid = s.redeem(co, v, Basket({bank["item"]: 2}), "k")
    s.cancel_redemption(co, rid, "录错了")
    assert balance(bank, v) == (100, 0)
    assert next(i for i in s.items() if i.id == bank["item"]).stock == 2
    with pytest.raises(DomainError):
        s.cancel_redemption(co, rid, "again")


def test_adjustments_need_a_reason_and_reversals_happen_once(bank):
    s, co, v = bank["s"], bank["co"], bank["v"][0]
    with pytest.raises(FieldErrors):
        s.adjust(co, v, 10, "")
    with pytest.raises(FieldErrors):
        s.adjust(co, v, "abc", "理由")
    entry = s.adjust(co, v, 40, "补录")
    s.reverse_entry(co, entry, "补录错误")
    assert balance(bank, v) == (0, 0)
    with pytest.raises(DomainError):
        s.reverse_entry(co, entry, "again")


def test_reversing_a_large_entry_needs_a_director(bank):
    s, co, v = bank["s"], bank["co"], bank["v"][0]
    entry = s.adjust(co, v, 500, "大额奖励")
    with pytest.raises(DomainError, match="director"):
        s.reverse_entry(co, entry, "撤销")
    s.reverse_entry(bank["dir"], entry, "撤销")
    assert balance(bank, v) == (0, 0)


def test_a_balance_never_goes_below_zero(bank):
    s, co, v = bank["s"], bank["co"], bank["v"][0]
    earned = s.adjust(co, v, 30, "奖励")
    s.redeem(co, v, Basket({bank["item"]: 1}), "spend")
    with pytest.raises(DomainError, match="Not enough points"):
        s.reverse_entry(co, earned, "撤销奖励")  # the points are already spent
    with pytest.raises(DomainError):
        s.adjust(co, v, -1, "扣分")


def test_front_desk_may_look_but_not_change(bank):
    desk = bank["make_actor"](bank["db"], Role.FRONT_DESK)
    s, v = bank["s"], bank["v"][0]
    assert s.volunteer(desk, v).name == "张三"
    with pytest.raises(PermissionDenied):
        s.adjust(desk, v, 10, "理由")


def test_statement_runs_the_balance_and_expiry_takes_unspent_old_points(bank):
    s, co, v = bank["s"], bank["co"], bank["v"][0]
    s.adjust(co, v, 100, "去年积分")
    s.redeem(co, v, Basket({bank["item"]: 1}), "spend")
    expired = s.expire(SYSTEM, dt.date(2026, 12, 31))
    assert expired == 70
    lines = s.statement(co, v)
    assert [(line.kind, line.balance) for line in lines] == [("adjust", 100), ("redeem", 70), ("expire", 0)]


def test_the_next_star_level_and_the_hours_to_it():
    assert next_star(0) == NextStar(stars=1, hours=100, missing=100, since=0)
    assert next_star(264 * 60) == NextStar(stars=2, hours=300, missing=36, since=100)
    assert next_star(1000 * 60) == NextStar(stars=5, hours=1500, missing=500, since=1000)
    assert next_star(1500 * 60) is None


def test_star_levels():
    assert [star_level(h * 60) for h in (99, 100, 299, 300, 600, 1000, 1499, 1500)] == [
        0,
        1,
        1,
        2,
        3,
        4,
        4,
        5,
    ]


def test_a_resident_is_registered_as_a_volunteer_once(bank):
    s, co = bank["s"], bank["co"]
    with pytest.raises(FieldErrors):
        s.register_volunteer(co, bank["people"][0])
    assert s.count_volunteers(co) == 2
    assert [r.name for r in s.volunteers(co, text="zs")] == ["张三"]


def test_check_finds_a_cached_balance_that_disagrees_with_the_ledger(bank):
    from sqlalchemy import text

    from desktop.check import run_checks

    s, co, v = bank["s"], bank["co"], bank["v"][0]
    s.adjust(co, v, 10, "奖励")
    assert run_checks(bank["db"].db) == []
    account = s.volunteer(co, v)
    with bank["db"].db.engine.begin() as conn:
        conn.execute(text("UPDATE point_account SET available = 999 WHERE volunteer_id = :v"), {"v": v})
    cached, ledger = f"999/{account.frozen}", f"{account.available}/{account.frozen}"
    assert run_checks(bank["db"].db) == [f"point_account volunteer={v}: cached {cached}, ledger {ledger}"]


def test_changes_are_audited_as_the_actor_at_the_clock_time(bank, audit_rows):
    s, co, v = bank["s"], bank["co"], bank["v"][0]
    before = len(audit_rows(bank["db"]))
    s.add_team(co, "助老队")
    rid = s.record_service(co, v, dt.date(2026, 11, 18), 60)
    s.reject(co, rid, "未到岗")
    s.set_rules(SYSTEM, PointRules(points_per_hour=12))
    s.expire(SYSTEM, dt.date(2026, 1, 1))
    rows = audit_rows(bank["db"])[before:]
    assert [(r.username, r.action, r.entity) for r in rows] == [
        (co.username, "create", "team"),
        (co.username, "create", "service_record"),
        (co.username, "reject", "service_record"),
        (SYSTEM.username, "update", "setting"),
        (SYSTEM.username, "expire", "ledger"),
    ]
    assert {r.at for r in rows} == {dt.datetime(2026, 11, 20, 10, 0)}
