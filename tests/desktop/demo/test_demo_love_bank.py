"""Demo love bank: a centre's volunteers with a history the checks find sound.

Runs on the session's ``centre`` demo database (``demo_db``: ``fill_demo`` on a fresh
SQLite file opened with ``open_database``, a private copy per test).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import pytest
from sqlalchemy import func, select

from db.models import (
    Activity,
    LedgerEntry,
    PointAccount,
    Redemption,
    RedemptionLine,
    Resident,
    RewardItem,
    ServiceRecord,
    Team,
    User,
    Volunteer,
)
from desktop.check import run_checks
from desktop.demo.generate import DEMO_CENTRE
from desktop.demo.love_bank import SCALES
from desktop.love_bank import ledger
from desktop.love_bank.service import ACTIVITY_KINDS, PointRules, star_level
from tests.pdf_support import needs_wqy


def rows(services, stmt):
    with services.db.reading() as uow:
        return uow.session.execute(stmt).all()


def test_the_checks_find_nothing_wrong(demo_db):
    with demo_db.db.reading() as uow:
        assert ledger.mismatches(uow.session) == []
    assert run_checks(demo_db.db) == []


def test_accounts_hold_the_sums_of_ledger_and_approved_hours(demo_db):
    accounts = {v: (a, f, m) for v, a, f, m in rows(demo_db, select(PointAccount.__table__))}
    sums = dict.fromkeys(accounts, (0, 0))
    for v, a, f in rows(
        demo_db,
        select(
            LedgerEntry.volunteer_id, func.sum(LedgerEntry.delta), func.sum(LedgerEntry.frozen_delta)
        ).group_by(LedgerEntry.volunteer_id),
    ):
        sums[v] = (a, f)
    minutes = dict(
        rows(
            demo_db,
            select(ServiceRecord.volunteer_id, func.sum(ServiceRecord.minutes))
            .where(ServiceRecord.status == "approved")
            .group_by(ServiceRecord.volunteer_id),
        )
    )
    assert len(accounts) == SCALES["centre"].volunteers == 300
    for v, (available, frozen, approved) in accounts.items():
        assert (available, frozen) == sums[v], v
        assert approved == minutes.get(v, 0), v
        assert available >= 0 and frozen >= 0


def test_no_balance_was_ever_below_zero(demo_db):
    """Replaying every account's ledger in time order, as the statement prints it."""
    history = defaultdict(list)
    for v, delta, frozen in rows(
        demo_db,
        select(LedgerEntry.volunteer_id, LedgerEntry.delta, LedgerEntry.frozen_delta).order_by(
            LedgerEntry.at, LedgerEntry.id
        ),
    ):
        history[v].append((delta, frozen))
    for v, entries in history.items():
        available = frozen = 0
        for delta, frozen_delta in entries:
            available += delta
            frozen += frozen_delta
            assert available >= 0 and frozen >= 0, v


def test_volunteers_are_adult_residents_in_teams(demo_db):
    found = rows(
        demo_db,
        select(
            Volunteer.id, Resident.archived, Resident.birth_date, Volunteer.team_id, Volunteer.joined_on
        ).join(Resident, Resident.id == Volunteer.resident_id),
    )
    assert len(found) == 300
    today = dt.date.today()
    for _v, archived, birth, _team, joined in found:
        assert not archived
        assert birth is None or (today - birth).days >= 16 * 365
        assert joined <= today
    teams = rows(demo_db, select(Team.id, Team.name, Team.leader))
    assert 3 <= len(teams) <= 5
    assert "夕阳红志愿服务队" in {name for _i, name, _l in teams}
    assert all(leader for _i, _n, leader in teams)
    per_team = Counter(team for *_x, team, _j in found)
    assert all(per_team[i] > 5 for i, _n, _l in teams)


def test_some_volunteers_have_stars(demo_db):
    stars = Counter(star_level(m) for (m,) in rows(demo_db, select(PointAccount.approved_minutes)))
    assert stars[1] > 0 and stars[2] > 0 and stars[3] > 0
    assert stars[0] > 150  # most volunteers serve now and then


def test_service_records_follow_the_rules(demo_db):
    rules = PointRules()
    records = rows(
        demo_db,
        select(
            ServiceRecord.volunteer_id,
            ServiceRecord.served_on,
            ServiceRecord.minutes,
            ServiceRecord.status,
            ServiceRecord.reason,
            ServiceRecord.points,
            ServiceRecord.activity_id,
            ServiceRecord.decided_at,
            ServiceRecord.__table__.c.id,
        ),
    )
    activities = {
        i: (m, k, d)
        for i, m, k, d in rows(
            demo_db, select(Activity.id, Activity.multiplier_percent, Activity.kind, Activity.held_on)
        )
    }
    assert 30 <= len(activities) <= 50
    assert {k for _m, k, _d in activities.values()} <= set(ACTIVITY_KINDS)
    earned = {
        r: d
        for r, d in rows(
            demo_db,
            select(LedgerEntry.service_record_id, LedgerEntry.delta).where(LedgerEntry.kind == "earn"),
        )
    }
    statuses = Counter(r.status for r in records)
    assert statuses["approved"] > 0.9 * len(records)
    assert statuses["pending"] > 0 and statuses["rejected"] > 0
    per_day = Counter((r.volunteer_id, r.served_on) for r in records)
    assert max(per_day.values()) == 1
    for r in records:
        assert 0 < r.minutes <= rules.daily_cap_minutes
        if r.activity_id is not None:
            multiplier, _kind, held_on = activities[r.activity_id]
            assert r.served_on == held_on
        else:
            multiplier = 100
        if r.status == "approved":
            assert r.points == rules.points_for(r.minutes, multiplier) == earned[r.id]
        else:
            assert r.points == 0 and r.id not in earned
        if r.status == "rejected":
            assert r.reason
        if r.status == "pending":
            assert r.decided_at is None
            assert (dt.date.today() - r.served_on).days <= 14


def test_the_love_supermarket(demo_db):
    items = rows(
        demo_db, select(RewardItem.name, RewardItem.price, RewardItem.stock, RewardItem.handed_over_later)
    )
    assert 8 <= len(items) <= 12
    assert ("大米5kg", 30) in {(n, p) for n, p, _s, _l in items}
    assert all(stock >= 0 for _n, _p, stock, _l in items)
    assert any(stock <= 3 for _n, _p, stock, _l in items)  # low stock to show
    assert {n for n, _p, _s, later in items if later} >= {"理发服务", "家电维修"}

    redemptions = rows(demo_db, select(Redemption.id, Redemption.status, Redemption.points, Redemption.note))
    assert 100 <= len(redemptions) <= 220
    statuses = Counter(status for _i, status, _p, _n in redemptions)
    assert statuses["completed"] > 0.8 * len(redemptions)
    assert 0 < statuses["frozen"] < 20 and 0 < statuses["cancelled"] < 25
    lines = defaultdict(int)
    for rid, quantity, price in rows(
        demo_db, select(RedemptionLine.redemption_id, RedemptionLine.quantity, RedemptionLine.price)
    ):
        lines[rid] += quantity * price
    for rid, status, points, note in redemptions:
        assert lines[rid] == points
        assert bool(note) == (status == "cancelled")
    # What is frozen in the accounts is exactly what waits for handover.
    frozen_points = sum(p for _i, status, p, _n in redemptions if status == "frozen")
    assert rows(demo_db, select(func.sum(PointAccount.frozen)))[0][0] == frozen_points > 0


def test_every_entry_is_signed_by_the_coordinator(demo_db):
    (coordinator,) = rows(demo_db, select(User.id).where(User.username == "xietiao"))[0]
    signers = set(rows(demo_db, select(LedgerEntry.user_id, LedgerEntry.username).distinct()))
    assert signers == {(coordinator, "xietiao")}
    assert Counter(k for (k,) in rows(demo_db, select(LedgerEntry.kind))).keys() >= {
        "earn",
        "redeem",
        "freeze",
        "adjust",
        "reversal",
    }


def test_the_service_carries_on_from_the_demo(demo_db):
    """Handing over a frozen demo redemption and cancelling a completed one through the
    service keeps the books straight."""
    co = demo_db.accounts.login("xietiao", "xietiao123")
    bank = demo_db.love_bank
    frozen = bank.redemptions(co, status="frozen")
    completed = bank.redemptions(co, status="completed")
    assert frozen and completed
    bank.hand_over(co, frozen[0].id)
    bank.cancel_redemption(co, completed[0].id, "演示取消")
    assert run_checks(demo_db.db) == []


@needs_wqy
def test_the_busiest_volunteer_statement_and_a_receipt_print(demo_db, tmp_path):
    from desktop.love_bank.receipt import build_receipt, receipt_data
    from desktop.love_bank.statement import build_statement, statement_for

    co = demo_db.accounts.login("xietiao", "xietiao123")
    (busiest,) = rows(
        demo_db,
        select(PointAccount.volunteer_id).order_by(PointAccount.approved_minutes.desc()).limit(1),
    )[0]
    data = statement_for(demo_db.love_bank, co, busiest, centre_name=DEMO_CENTRE, coordinator="张志强")
    assert data.stars >= 2 and len(data.lines) > 80
    assert data.closing() == data.available
    build_statement(data, tmp_path / "statement.pdf")
    assert (tmp_path / "statement.pdf").read_bytes().startswith(b"%PDF")

    redemption = demo_db.love_bank.redemptions(co, status="frozen")[0]
    volunteer = demo_db.love_bank.volunteer(co, redemption.volunteer_id)
    build_receipt(
        receipt_data(redemption, volunteer, centre_name=DEMO_CENTRE, coordinator="张志强"),
        tmp_path / "receipt.pdf",
    )
    assert (tmp_path / "receipt.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.slow
@pytest.mark.postgres
def test_demo_love_bank_on_postgresql(pg_db):
    """Explicit ids on PostgreSQL: the sequences are moved past them, so the service can
    add teams, volunteers, items, records and redemptions after the demo."""
    from desktop.demo.generate import fill_demo
    from desktop.love_bank.service import Basket

    fill_demo(pg_db.db, "centre")
    assert run_checks(pg_db.db) == []
    co = pg_db.accounts.login("xietiao", "xietiao123")
    bank = pg_db.love_bank
    bank.add_team(co, "新成立志愿服务队")
    free = rows(
        pg_db,
        select(Resident.id)
        .where(Resident.archived.is_(False), Resident.id.not_in(select(Volunteer.resident_id)))
        .limit(1),
    )[0][0]
    v = bank.register_volunteer(co, free)
    item = bank.save_item(co, name="新到毛巾", price=5, stock=10)
    record = bank.record_service(co, v, dt.date.today(), 120)
    bank.approve(co, [record])
    bank.redeem(co, v, Basket({item: 2}), "after-demo")
    bank.reverse_entry(co, bank.adjust(co, v, 3, "测试"), "测试冲正")
    assert bank.volunteer(co, v).available == 10
    assert run_checks(pg_db.db) == []
