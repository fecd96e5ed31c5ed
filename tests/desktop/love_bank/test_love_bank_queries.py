"""The love bank's queries (``db.love_bank``) on their own, on SQLite and PostgreSQL.

The service tests reach most of these through ``LoveBankService``; here each query is
checked for what it promises by name: which rows it counts, in which order, over which
period, and what it does with rows that are missing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from db import love_bank as q
from db.models import PointAccount, Resident, Team, Volunteer
from desktop.common.clock import MovableClock, fixed_clock
from desktop.common.permissions import SYSTEM, Role
from desktop.love_bank import ledger
from desktop.love_bank.corrections import EARNED, GIVEN_BACK
from desktop.love_bank.service import Basket, LoveBankService
from desktop.residents.service import ResidentForm

NOW = dt.datetime(2026, 11, 20, 10, 0)


@pytest.fixture
def bank(any_db, make_actor):
    clock = MovableClock(NOW)
    coordinator = make_actor(any_db, Role.COORDINATOR)
    service = LoveBankService(any_db.db, now=clock)
    people = [any_db.residents.save(coordinator, ResidentForm(name=n)) for n in ("张三", "李四", "王五")]
    volunteers = [service.register_volunteer(coordinator, p) for p in people[:2]]
    return {
        "db": any_db.db,
        "s": service,
        "co": coordinator,
        "people": people,
        "v": volunteers,
        "clock": clock,
    }


def read(bank, query, *args, **kwargs):
    """The result of a query that returns plain values (no ORM rows)."""
    with bank["db"].reading() as uow:
        return query(uow.session, *args, **kwargs)


@contextmanager
def reading(bank) -> Iterator[Session]:
    """A read session for queries that return ORM rows (read them before it closes)."""
    with bank["db"].reading() as uow:
        yield uow.session


def test_active_teams_by_name_and_a_team_found_by_its_exact_name(bank):
    s, co = bank["s"], bank["co"]
    yi = s.add_team(co, "乙队")
    jia = s.add_team(co, "甲队")
    old = s.add_team(co, "老队")
    with bank["db"].writing() as uow:
        uow.session.execute(update(Team).where(Team.id == old).values(is_active=False))
        uow.commit()
    expected = sorted([(yi, "乙队"), (jia, "甲队")], key=lambda t: t[1])
    assert read(bank, q.active_teams) == expected
    assert read(bank, q.team_named, "老队") == old  # a retired team still holds its name
    assert read(bank, q.team_named, "甲") is None


def test_recent_activities_newest_first_up_to_the_limit(bank):
    s, co = bank["s"], bank["co"]
    first = s.add_activity(co, title="植树", held_on=dt.date(2026, 3, 12), kind="环境整治")
    second = s.add_activity(co, title="敬老", held_on=dt.date(2026, 10, 29), kind="助老助残")
    same_day = s.add_activity(co, title="义诊", held_on=dt.date(2026, 10, 29), multiplier_percent=120)
    assert read(bank, q.recent_activities) == [
        (same_day, "义诊", dt.date(2026, 10, 29), 120),
        (second, "敬老", dt.date(2026, 10, 29), 150),
        (first, "植树", dt.date(2026, 3, 12), 100),
    ]
    assert [a[0] for a in read(bank, q.recent_activities, 1)] == [same_day]
    assert read(bank, q.activity_multiplier, second) == 150
    assert read(bank, q.activity_multiplier, 999_999) is None


def test_minutes_of_a_day_count_pending_and_approved_but_never_rejected(bank):
    s, co, v = bank["s"], bank["co"], bank["v"][0]
    day = dt.date(2026, 11, 18)
    approved = s.record_service(co, v, day, 60)
    s.approve(co, [approved])
    s.record_service(co, v, day, 90)  # pending
    rejected = s.record_service(co, v, day, 30)
    s.reject(co, rejected, "未到岗")
    s.record_service(co, v, day - dt.timedelta(days=1), 45)
    assert read(bank, q.minutes_recorded, v, day) == 150
    assert read(bank, q.minutes_approved, v, day) == 60
    assert read(bank, q.minutes_recorded, bank["v"][1], day) == 0
    assert read(bank, q.volunteer_name, v) == "张三"
    assert read(bank, q.volunteer_name, 999_999) is None


def test_service_records_by_status_and_volunteer_latest_first(bank):
    s, co, (v1, v2) = bank["s"], bank["co"], bank["v"]
    activity = s.add_activity(co, title="敬老", held_on=dt.date(2026, 11, 1))
    older = s.record_service(co, v1, dt.date(2026, 11, 1), 60, activity_id=activity)
    newer = s.record_service(co, v2, dt.date(2026, 11, 2), 60)
    s.reject(co, newer, "重复")
    with reading(bank) as session:
        rows = q.service_record_list(session)
        assert [(r.id, name, title) for r, name, title in rows] == [
            (newer, "李四", None),
            (older, "张三", "敬老"),
        ]
        assert [r.id for r, _, _ in q.service_record_list(session, status=q.PENDING)] == [older]
        assert [r.id for r, _, _ in q.service_record_list(session, volunteer_id=v2)] == [newer]
        assert len(q.service_record_list(session, limit=1)) == 1


def test_volunteer_records_carry_the_unmasked_phone_and_the_cached_account(bank, any_db):
    s, co = bank["s"], bank["co"]
    team = s.add_team(co, "助老队")
    resident = any_db.residents.save(co, ResidentForm(name="赵六", phone="13912345678"))
    v = s.register_volunteer(co, resident, team_id=team)
    s.adjust(co, v, 25, "奖励")
    record = read(bank, q.volunteer_record, v)
    assert (record.name, record.phone, record.team, record.available, record.frozen) == (
        "赵六",
        "13912345678",
        "助老队",
        25,
        0,
    )
    assert read(bank, q.volunteer_record, 999_999) is None
    assert read(bank, q.count_volunteers) == 3
    assert read(bank, q.count_volunteers, team_id=team) == 1
    assert [r.id for r in read(bank, q.volunteer_page, "", None, 1, 10)] == bank["v"][::-1]
    with reading(bank) as session:
        assert q.volunteer_of_resident(session, resident).id == v
        assert q.volunteer_of_resident(session, bank["people"][2]) is None


def test_service_ranking_counts_approved_service_inside_the_period(bank):
    s, co, (v1, v2) = bank["s"], bank["co"], bank["v"]
    november = [
        s.record_service(co, v1, dt.date(2026, 11, 3), 120),
        s.record_service(co, v2, dt.date(2026, 11, 4), 60),
        s.record_service(co, v2, dt.date(2026, 10, 31), 300),  # the month before
    ]
    s.approve(co, november)
    s.record_service(co, v2, dt.date(2026, 11, 5), 600)  # pending: does not count
    month = read(bank, q.service_ranking, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    assert [(r.volunteer_id, r.name, r.team, r.minutes, r.points) for r in month] == [
        (v1, "张三", "", 120, 20),
        (v2, "李四", "", 60, 10),
    ]
    year = read(bank, q.service_ranking, dt.date(2026, 1, 1), dt.date(2027, 1, 1))
    assert [(r.volunteer_id, r.minutes) for r in year] == [(v2, 360), (v1, 120)]
    assert [
        r.volunteer_id for r in read(bank, q.service_ranking, dt.date(2026, 1, 1), dt.date(2027, 1, 1), 1)
    ] == [v2]
    # The service's periods: a month, December up to the new year, or the whole year.
    assert [r.volunteer_id for r in s.rankings(co, 2026, 11)] == [v1, v2]
    assert s.rankings(co, 2026, 12) == []
    assert [r.minutes for r in s.rankings(co, 2026)] == [360, 120]


def test_the_sums_the_year_end_expiry_is_made_of(bank):
    s, co, v = bank["s"], bank["co"], bank["v"][0]
    item = s.save_item(co, name="大米", price=30, stock=5)
    bank["clock"].now = dt.datetime(2026, 3, 1, 9, 0)
    s.adjust(co, v, 100, "去年积分")
    s.redeem(co, v, Basket({item: 1}), "k1")
    cancelled = s.redeem(co, v, Basket({item: 1}), "k2")
    s.cancel_redemption(co, cancelled, "不要了")  # a reversal gives 30 back
    bank["clock"].now = dt.datetime(2027, 1, 5, 9, 0)
    s.adjust(co, v, 50, "今年积分")  # after the cutoff
    cutoff = dt.datetime(2027, 1, 1)
    assert read(bank, q.gains_before, cutoff, EARNED) == {v: 100}
    assert read(bank, q.gains_before, cutoff, (ledger.REVERSAL,)) == {v: 30}
    assert read(bank, q.points_taken, v) == 60
    assert read(bank, q.points_given_back, v, GIVEN_BACK) == 30
    assert read(bank, q.points_taken, bank["v"][1]) == 0


def test_redemption_rows_lines_and_locks(bank):
    s, co, (v1, v2) = bank["s"], bank["co"], bank["v"]
    rice = s.save_item(co, name="大米", price=10, stock=5)
    oil = s.save_item(co, name="食用油", price=20, stock=5)
    haircut = s.save_item(co, name="理发", price=15, stock=5, kind="service", handed_over_later=True)
    s.adjust(co, v1, 100, "奖励")
    s.adjust(co, v2, 100, "奖励")
    done = s.redeem(co, v1, Basket({rice: 2, oil: 1}), "k1")
    frozen = s.redeem(co, v2, Basket({haircut: 1}), "k2")
    assert read(bank, q.redemption_for_key, "k1") == done
    assert read(bank, q.redemption_for_key, "nope") is None
    assert sorted(read(bank, q.redemption_line_items, done)) == [("大米", 2, 10), ("食用油", 1, 20)]
    with reading(bank) as session:
        lines = q.redemption_lines(session, done)
        assert sorted((line.item_id, line.quantity) for line in lines) == sorted([(rice, 2), (oil, 1)])
        assert [(r.id, name) for r, name in q.redemption_list(session)] == [(frozen, "李四"), (done, "张三")]
        assert [r.id for r, _ in q.redemption_list(session, status=q.FROZEN)] == [frozen]
        assert [r.id for r, _ in q.redemption_list(session, volunteer_id=v1)] == [done]
        assert [e.delta for e in q.redemption_entries(session, done, ledger.REDEEM)] == [-40]
        assert q.redemption_entries(session, frozen, ledger.REDEEM) == []
        assert [i.name for i in q.reward_items(session)] == ["大米", "理发", "食用油"]  # cheapest first
    with bank["db"].writing() as uow:
        assert q.lock_redemption(uow.session, frozen).status == q.FROZEN
        assert q.lock_redemption(uow.session, 999_999) is None
        assert list(q.lock_items(uow.session, [oil, 999_999, rice])) == sorted([rice, oil])
    assert read(bank, q.item_named, "理发") == haircut


def test_statement_queries_and_reversals(bank):
    s, co, v = bank["s"], bank["co"], bank["v"][0]
    first = s.adjust(co, v, 40, "补录")
    bank["clock"].now = NOW + dt.timedelta(hours=1)
    reversal = s.reverse_entry(co, first, "补录错误")
    bank["clock"].now = NOW - dt.timedelta(days=1)
    earlier = s.adjust(co, v, 5, "早一天")
    with reading(bank) as session:
        assert [e.id for e in q.ledger_entries(session, v)] == [earlier, first, reversal]  # by time, not id
    assert read(bank, q.reversed_entry_ids, v) == {first}
    assert read(bank, q.reversal_of, first) == reversal
    assert read(bank, q.reversal_of, earlier) is None
    assert read(bank, q.ledger_sums, v) == (5, 0)
    assert read(bank, q.staff_names)[co.username] == co.full_name


def test_lock_account_makes_a_missing_account(bank):
    with bank["db"].writing() as uow:
        resident = uow.session.get(Resident, bank["people"][2])
        volunteer = Volunteer(resident_id=resident.id, team_id=None, joined_on=NOW.date(), is_active=True)
        uow.session.add(volunteer)
        uow.session.flush()
        acc = q.lock_account(uow.session, volunteer.id)
        assert (acc.volunteer_id, acc.available, acc.frozen, acc.approved_minutes) == (volunteer.id, 0, 0, 0)
        assert q.lock_account(uow.session, volunteer.id) is acc
        volunteer_id = volunteer.id
        uow.commit()
    assert read(bank, q.ledger_sums, volunteer_id) == (0, 0)


def test_mismatches_name_wrong_minutes_and_missing_accounts(bank):
    s, co, (v1, v2) = bank["s"], bank["co"], bank["v"]
    s.approve(co, [s.record_service(co, v1, dt.date(2026, 11, 18), 60)])
    s.adjust(SYSTEM, v2, 10, "奖励")
    assert read(bank, q.mismatches) == []
    with bank["db"].writing() as uow:
        uow.session.execute(
            update(PointAccount).where(PointAccount.volunteer_id == v1).values(approved_minutes=0)
        )
        uow.session.execute(delete(PointAccount).where(PointAccount.volunteer_id == v2))
        uow.commit()
    assert read(bank, q.mismatches) == [
        f"point_account volunteer={v2}: missing, ledger 10/0",
        f"point_account volunteer={v1}: cached 0 approved minutes, records 60",
    ]
    assert ledger.mismatches is q.mismatches  # the check the ledger module names


def test_a_fixed_clock_dates_every_entry_of_an_operation(any_db, make_actor):
    co = make_actor(any_db, Role.COORDINATOR)
    service = LoveBankService(any_db.db, now=fixed_clock(NOW))
    v = service.register_volunteer(co, any_db.residents.save(co, ResidentForm(name="钱七")))
    service.adjust(co, v, 10, "奖励")
    with any_db.db.reading() as uow:
        assert [e.at for e in q.ledger_entries(uow.session, v)] == [NOW]
