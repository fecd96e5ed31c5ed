"""The love bank under random sequences of operations (Hypothesis state machine).

Each run of the machine gets two new volunteers and three new items (one handed over
later) in a database shared by the whole test, and plays hours, approvals,
redemptions, freezes, handovers, cancellations, reversals, adjustments, expiry and the
passing of time against the real ``LoveBankService`` on SQLite. A small model predicts
every balance, stock and status; after each step the database must agree with it, the
cached accounts with the ledger, and nothing may be negative or reversed twice. An
operation that must fail (too few points, too little stock, a second reversal, …)
must raise and leave the database exactly as it was.

The file is longer than the house's 600 lines on purpose: it is one state machine,
whose rules and invariants share one model, and Hypothesis needs them in one class.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import func, select

from db.models import LedgerEntry, PointAccount, Redemption, RedemptionLine, RewardItem, ServiceRecord
from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import SYSTEM, Actor, Role
from desktop.love_bank import ledger
from desktop.love_bank.service import (
    APPROVED,
    CANCELLED,
    COMPLETED,
    FROZEN,
    PENDING,
    Basket,
    LoveBankService,
    PointRules,
    ServiceEntry,
)
from desktop.opening import Services
from desktop.residents.service import ResidentForm

NOT_ENOUGH_POINTS = "Not enough points: {available} available, {needed} needed."
ALREADY_REVERSED = "This entry has already been reversed."
START = dt.datetime(2026, 1, 5, 9, 0)
RULES = PointRules()  # 10 points an hour, 8 hours a day counted, directors reverse above 100
NAMES = itertools.count(1)
MINUTES = st.sampled_from([60, 90, 120, 180, 240, 300, 480, 600, 45, 7, 5, 0, -30])  # 5 min: no points
QUANTITY = st.sampled_from([1, 1, 1, 2, 2, 3, 0, -1])  # mostly valid
USUALLY = st.sampled_from([True, True, True, False])


def pick(data, usual: list[int], anything: list[int]) -> int:
    """Usually one of ``usual`` (when there is one), sometimes any of ``anything``."""
    return data.draw(st.sampled_from(usual if usual and data.draw(USUALLY) else anything))


@dataclass
class World:
    """What every run of the machine shares: one database and the people using it."""

    services: Services
    coordinator: Actor
    director: Actor
    admin: Actor = SYSTEM


@dataclass
class Item:
    price: int
    initial: int
    stock: int
    later: bool


@dataclass
class Order:
    volunteer: int
    points: int
    lines: dict[int, int]
    status: str
    handed_over: bool = False


@dataclass
class Hours:
    volunteer: int
    served_on: dt.date
    minutes: int
    status: str = PENDING


@dataclass(frozen=True)
class Entry:
    """A ledger entry as read back (entries never change once written)."""

    id: int
    volunteer_id: int
    kind: str
    delta: int
    frozen_delta: int
    redemption_id: int | None
    at: dt.datetime


@dataclass
class Account:
    available: int = 0
    frozen: int = 0
    minutes: int = 0


@dataclass
class Model:
    accounts: dict[int, Account] = field(default_factory=dict)
    items: dict[int, Item] = field(default_factory=dict)
    orders: dict[int, Order] = field(default_factory=dict)
    hours: dict[int, Hours] = field(default_factory=dict)
    keys: dict[str, int] = field(default_factory=dict)  # idempotency key → redemption
    failed_keys: list[str] = field(default_factory=list)  # keys whose attempt was refused
    reversed: set[int] = field(default_factory=set)  # ledger entries reversed


class LoveBankMachine(RuleBasedStateMachine):
    world: World  # set by the test

    def __init__(self) -> None:
        super().__init__()
        self.now = START
        self.bank = LoveBankService(self.world.services.db, now=lambda: self.now)
        self.m = Model()
        self.unexpired = False  # points gained since the last expiry run

    # --- helpers -----------------------------------------------------------------------
    @property
    def co(self) -> Actor:
        return self.world.coordinator

    @property
    def volunteers(self) -> list[int]:
        return list(self.m.accounts)

    def snapshot(self) -> tuple:
        """Everything an operation could change, for this machine's people and items,
        plus the row counts of the whole database."""
        ours = self.volunteers
        with self.world.services.db.reading() as uow:
            s = uow.session
            accounts = s.execute(
                select(
                    PointAccount.volunteer_id,
                    PointAccount.available,
                    PointAccount.frozen,
                    PointAccount.approved_minutes,
                )
                .where(PointAccount.volunteer_id.in_(ours))
                .order_by(PointAccount.volunteer_id)
            ).all()
            stock = s.execute(
                select(RewardItem.id, RewardItem.stock)
                .where(RewardItem.id.in_(list(self.m.items)))
                .order_by(RewardItem.id)
            ).all()
            orders = s.execute(
                select(Redemption.id, Redemption.status)
                .where(Redemption.volunteer_id.in_(ours))
                .order_by(Redemption.id)
            ).all()
            hours = s.execute(
                select(ServiceRecord.id, ServiceRecord.status)
                .where(ServiceRecord.volunteer_id.in_(ours))
                .order_by(ServiceRecord.id)
            ).all()
            counts = tuple(
                s.scalar(select(func.count()).select_from(table))
                for table in (LedgerEntry, Redemption, RedemptionLine, ServiceRecord, PointAccount)
            )
        return (
            tuple(map(tuple, accounts)),
            tuple(map(tuple, stock)),
            tuple(map(tuple, orders)),
            tuple(map(tuple, hours)),
            counts,
        )

    @contextmanager
    def refused(self, kind: type[DomainError] = DomainError, template: str | None = None):
        """The operation must raise ``kind`` (with ``template``) and change nothing."""
        before = self.snapshot()
        with pytest.raises(kind) as caught:
            yield
        error = caught.value
        if isinstance(error, FieldErrors):
            error = next(iter(error.errors.values()))
        event(f"refused: {error.template}")
        if template is not None:
            assert caught.value.template == template, caught.value
        assert self.snapshot() == before, f"a refused operation ({caught.value}) changed the database"

    def points_for(self, hours: Hours, approved_that_day: int) -> int:
        counted = max(0, min(hours.minutes, RULES.daily_cap_minutes - approved_that_day))
        return RULES.points_for(counted, 100)

    def approved_on(self, volunteer: int, day: dt.date) -> int:
        return sum(
            h.minutes
            for h in self.m.hours.values()
            if h.volunteer == volunteer and h.served_on == day and h.status == APPROVED
        )

    def logged_on(self, volunteer: int, day: dt.date) -> int:
        return sum(
            h.minutes for h in self.m.hours.values() if h.volunteer == volunteer and h.served_on == day
        )

    # --- set-up --------------------------------------------------------------------------
    @initialize(
        start=st.lists(st.sampled_from([0, 20, 50, 100, 200]), min_size=2, max_size=2),
        prices=st.lists(st.integers(1, 40), min_size=3, max_size=3),
        stocks=st.lists(st.sampled_from([3, 5, 10, 0]), min_size=3, max_size=3),
    )
    def set_up(self, start: list[int], prices: list[int], stocks: list[int]) -> None:
        services, co = self.world.services, self.co
        for points in start:
            resident = services.residents.save(co, ResidentForm(name="状态机志愿者"))
            v = self.bank.register_volunteer(co, resident)
            self.m.accounts[v] = Account()
            if points:
                self.bank.adjust(co, v, points, "初始积分")
                self.m.accounts[v].available = points
                self.unexpired = True
        for n, (price, stock) in enumerate(zip(prices, stocks, strict=True)):
            later = n == 2
            item = self.bank.save_item(
                co,
                name=f"状态机商品{next(NAMES)}",
                price=price,
                stock=stock,
                kind="service" if later else "goods",
                handed_over_later=later,
            )
            self.m.items[item] = Item(price, stock, stock, later)

    # --- time and hours ---------------------------------------------------------------------
    @rule(hours=st.integers(1, 24 * 40))
    def time_passes(self, hours: int) -> None:
        self.now += dt.timedelta(hours=hours)

    @precondition(lambda self: self.m.accounts)
    @rule(data=st.data(), minutes=MINUTES, days_ago=st.integers(0, 3), approve=st.booleans())
    def record_hours(self, data, minutes: int, days_ago: int, approve: bool) -> None:
        """Hours recorded (and, for ``approve``, approved at once: earning points)."""
        v = data.draw(st.sampled_from(self.volunteers))
        day = self.now.date() - dt.timedelta(days=days_ago)
        if minutes <= 0 or self.logged_on(v, day) + minutes > 24 * 60:
            with self.refused(FieldErrors):
                self.bank.record_service(self.co, v, day, minutes)
            return
        (rid,) = self.bank.record_batch(self.co, day, [ServiceEntry(v, minutes)])
        self.m.hours[rid] = Hours(v, day, minutes)
        if approve:
            self._approve([rid])

    @precondition(lambda self: self.m.hours)
    @rule(data=st.data())
    def approve(self, data) -> None:
        """Approve pending hours; a batch holding a record already decided is refused whole."""
        pending = [rid for rid, h in self.m.hours.items() if h.status == PENDING]
        decided = [rid for rid, h in self.m.hours.items() if h.status != PENDING]
        batch = data.draw(st.lists(st.sampled_from(pending), max_size=3, unique=True)) if pending else []
        if decided and (not batch or not data.draw(USUALLY)):
            batch.insert(data.draw(st.integers(0, len(batch))), data.draw(st.sampled_from(decided)))
            with self.refused(DomainError, "This record has already been decided."):
                self.bank.approve(self.co, batch)
            return
        self._approve(batch)

    def _approve(self, record_ids: list[int]) -> None:
        total = 0
        for rid in record_ids:
            h = self.m.hours[rid]
            points = self.points_for(h, self.approved_on(h.volunteer, h.served_on))
            h.status = APPROVED
            self.m.accounts[h.volunteer].available += points
            self.m.accounts[h.volunteer].minutes += h.minutes
            total += points
            if points < RULES.points_for(h.minutes, 100):
                event("approved over the daily cap")
        assert self.bank.approve(self.co, record_ids) == total
        self.unexpired = self.unexpired or total > 0

    # --- the 爱心超市 ----------------------------------------------------------------------
    @precondition(lambda self: self.m.accounts)
    @rule(data=st.data())
    def redeem(self, data) -> None:
        """Random items, possibly more than affordable or in stock; sometimes a used key."""
        v = data.draw(st.sampled_from(self.volunteers), label="volunteer")
        self._redeem(v, self._basket(data, v, list(self.m.items)), self._key(data))

    @precondition(lambda self: self.m.accounts)
    @rule(data=st.data())
    def freeze(self, data) -> None:
        """An item handed over later: its points are frozen until handover."""
        v = data.draw(st.sampled_from(self.volunteers), label="volunteer")
        later = [i for i, item in self.m.items.items() if item.later]
        self._redeem(v, self._basket(data, v, later), self._key(data))

    def _basket(self, data, v: int, offered: list[int]) -> dict[int, int]:
        """Usually one item the volunteer can afford and the shelf still holds; otherwise
        anything, which may be too dear, out of stock, empty or a negative quantity."""
        available = self.m.accounts[v].available
        fits = [i for i in offered if self.m.items[i].stock and self.m.items[i].price <= available]
        if fits and data.draw(USUALLY, label="fits"):
            i = data.draw(st.sampled_from(fits), label="item")
            item = self.m.items[i]
            return {i: data.draw(st.integers(1, min(3, item.stock, available // item.price)), label="qty")}
        return data.draw(
            st.dictionaries(st.sampled_from(offered), QUANTITY, min_size=1, max_size=2), label="basket"
        )

    def _key(self, data) -> str:
        choices = ["new"] * 4 + ["done"] * bool(self.m.keys) + ["failed"] * bool(self.m.failed_keys)
        which = data.draw(st.sampled_from(choices), label="key")
        if which == "done":
            return data.draw(st.sampled_from(sorted(self.m.keys)), label="used key")
        if which == "failed":
            return data.draw(st.sampled_from(self.m.failed_keys), label="refused key")
        return uuid.uuid4().hex

    def _redeem(self, v: int, basket: dict[int, int], key: str) -> None:
        wanted = {i: q for i, q in basket.items() if q}
        if not wanted or any(q < 0 for q in wanted.values()):
            with self.refused(FieldErrors):
                self.bank.redeem(self.co, v, Basket(basket), key)
            return
        if key in self.m.keys:  # a retry: the same redemption, nothing new
            before = self.snapshot()
            assert self.bank.redeem(self.co, v, Basket(basket), key) == self.m.keys[key]
            event("redeem retried with its key")
            assert self.snapshot() == before
            return
        short = next((i for i, q in wanted.items() if self.m.items[i].stock < q), None)
        total = sum(self.m.items[i].price * q for i, q in wanted.items())
        account = self.m.accounts[v]
        if short is not None:
            with self.refused(FieldErrors):
                self.bank.redeem(self.co, v, Basket(basket), key)
        elif total > account.available:
            with self.refused(DomainError, NOT_ENOUGH_POINTS):
                self.bank.redeem(self.co, v, Basket(basket), key)
        else:
            rid = self.bank.redeem(self.co, v, Basket(basket), key)
            event("redeemed" + (" again, after a refusal" if key in self.m.failed_keys else ""))
            later = any(self.m.items[i].later for i in wanted)
            for i, q in wanted.items():
                self.m.items[i].stock -= q
            account.available -= total
            account.frozen += total if later else 0
            self.m.orders[rid] = Order(v, total, wanted, FROZEN if later else COMPLETED)
            self.m.keys[key] = rid
            if key in self.m.failed_keys:
                self.m.failed_keys.remove(key)
            return
        if key not in self.m.failed_keys:
            self.m.failed_keys.append(key)

    @precondition(lambda self: self.m.orders)
    @rule(data=st.data())
    def hand_over(self, data) -> None:
        frozen = [rid for rid, o in self.m.orders.items() if o.status == FROZEN]
        rid = pick(data, frozen, sorted(self.m.orders))
        order = self.m.orders[rid]
        if order.status != FROZEN:
            with self.refused(DomainError):
                self.bank.hand_over(self.co, rid)
            return
        self.bank.hand_over(self.co, rid)
        event("handed over")
        order.status, order.handed_over = COMPLETED, True
        self.m.accounts[order.volunteer].frozen -= order.points

    @precondition(lambda self: self.m.orders)
    @rule(data=st.data(), reason=st.sampled_from(["居民不需要了", "录错了", " "]))
    def cancel(self, data, reason: str) -> None:
        """Cancel (or, for a frozen one, release): points and stock come back."""
        open_ = [rid for rid, o in self.m.orders.items() if o.status != CANCELLED]
        rid = pick(data, open_, sorted(self.m.orders))
        order = self.m.orders[rid]
        if not reason.strip():
            with self.refused(FieldErrors):
                self.bank.cancel_redemption(self.co, rid, reason)
            return
        if order.status == CANCELLED:
            with self.refused(DomainError, "This redemption has already been cancelled."):
                self.bank.cancel_redemption(self.co, rid, reason)
            return
        self.bank.cancel_redemption(self.co, rid, reason)
        self.unexpired = True
        event(f"cancelled: {order.status}{' after handover' if order.handed_over else ''}")
        account = self.m.accounts[order.volunteer]
        account.available += order.points
        if order.status == FROZEN:
            account.frozen -= order.points
        for i, q in order.lines.items():
            self.m.items[i].stock += q
        order.status = CANCELLED

    # --- corrections ---------------------------------------------------------------------
    def _entries(self) -> list[Entry]:
        with self.world.services.db.reading() as uow:
            return [
                Entry(*row)
                for row in uow.session.execute(
                    select(
                        LedgerEntry.id,
                        LedgerEntry.volunteer_id,
                        LedgerEntry.kind,
                        LedgerEntry.delta,
                        LedgerEntry.frozen_delta,
                        LedgerEntry.redemption_id,
                        LedgerEntry.at,
                    )
                    .where(LedgerEntry.volunteer_id.in_(self.volunteers))
                    .order_by(LedgerEntry.id)
                )
            ]

    @precondition(lambda self: self.m.accounts)
    @rule(data=st.data(), director=st.booleans())
    def reverse(self, data, director: bool) -> None:
        """Reverse a random entry: allowed once, for entries outside redemptions, within
        the coordinator's limit or by a director, and only while the points are there."""
        entries = {e.id: e for e in self._entries()}
        if not entries:
            return
        plausible = [
            e.id
            for e in entries.values()
            if e.redemption_id is None and e.kind != ledger.REVERSAL and e.id not in self.m.reversed
        ]
        self._reverse(entries[pick(data, plausible, list(entries))], director)

    @precondition(lambda self: self.m.reversed)
    @rule(data=st.data())
    def reverse_twice(self, data) -> None:
        entry_id = data.draw(st.sampled_from(sorted(self.m.reversed)))
        entry = next(e for e in self._entries() if e.id == entry_id)
        with self.refused(DomainError, ALREADY_REVERSED):
            self.bank.reverse_entry(self.world.director, entry.id, "再撤销一次")

    def _reverse(self, entry: Entry, director: bool) -> None:
        actor = self.world.director if director else self.co
        account = self.m.accounts[entry.volunteer_id]
        size = abs(entry.delta) + abs(entry.frozen_delta)
        refusal: str | None = None
        if size > RULES.reversal_threshold and not director:
            refusal = "Reversing more than {n} points needs a director."
        elif entry.redemption_id is not None:
            refusal = "Cancel the redemption instead; it gives back the items' stock too."
        elif entry.kind == ledger.REVERSAL:
            refusal = "A reversal cannot itself be reversed; make an adjustment instead."
        elif entry.id in self.m.reversed:
            refusal = ALREADY_REVERSED
        elif account.available - entry.delta < 0:
            refusal = NOT_ENOUGH_POINTS
        elif account.frozen - entry.frozen_delta < 0:
            refusal = "Not enough frozen points for this change."
        if refusal is not None:
            with self.refused(DomainError, refusal):
                self.bank.reverse_entry(actor, entry.id, "更正")
            return
        self.bank.reverse_entry(actor, entry.id, "更正")
        event(f"reversed: {entry.kind}")
        self.m.reversed.add(entry.id)
        self.unexpired = True
        account.available -= entry.delta
        account.frozen -= entry.frozen_delta

    @precondition(lambda self: self.m.accounts)
    @rule(data=st.data(), points=st.integers(-80, 80))
    def adjust(self, data, points: int) -> None:
        v = data.draw(st.sampled_from(self.volunteers))
        account = self.m.accounts[v]
        if points == 0:
            with self.refused(FieldErrors):
                self.bank.adjust(self.co, v, points, "调整")
        elif account.available + points < 0:
            with self.refused(DomainError, NOT_ENOUGH_POINTS):
                self.bank.adjust(self.co, v, points, "扣分")
        else:
            self.bank.adjust(self.co, v, points, "调整")
            account.available += points
            self.unexpired = self.unexpired or points > 0

    @precondition(lambda self: self.unexpired)
    @rule(days=st.integers(-10, 3))
    def expire(self, days: int) -> None:
        """Year-end settlement: takes available points, never frozen ones, never more than
        is there nor more than was earned or added before the date; all of that when
        nothing was ever spent; running it again at once takes nothing."""
        earned_before = self.now.date() + dt.timedelta(days=days)
        cutoff = dt.datetime.combine(earned_before, dt.time())
        old_gains = dict.fromkeys(self.volunteers, 0)
        spent = set()
        for e in self._entries():
            if e.kind in (ledger.EARN, ledger.ADJUST) and e.delta > 0 and e.at < cutoff:
                old_gains[e.volunteer_id] += e.delta
            if e.delta < 0:
                spent.add(e.volunteer_id)
        before = self._all_accounts()
        total = self.bank.expire(self.world.admin, earned_before)
        event("expired some points" if total else "expired nothing")
        after = self._all_accounts()
        assert set(after) == set(before)
        taken = {v: before[v][0] - after[v][0] for v in before}
        assert all(t >= 0 for t in taken.values()), taken
        assert all(after[v][1] == before[v][1] for v in before), "expiry touched frozen points"
        assert sum(taken.values()) == total
        for v, account in self.m.accounts.items():
            assert taken[v] <= old_gains[v], f"volunteer {v}: expired points earned after {earned_before}"
            if v not in spent:
                assert taken[v] == old_gains[v], f"volunteer {v}: unspent old points did not expire"
            account.available -= taken[v]
        assert self.bank.expire(self.world.admin, earned_before) == 0
        assert self._all_accounts() == after
        self.unexpired = False

    def _all_accounts(self) -> dict[int, tuple[int, int]]:
        with self.world.services.db.reading() as uow:
            return {
                v: (a, f)
                for v, a, f in uow.session.execute(
                    select(PointAccount.volunteer_id, PointAccount.available, PointAccount.frozen)
                )
            }

    # --- invariants -----------------------------------------------------------------------
    @invariant()
    def balances_are_the_ledger_and_the_model(self) -> None:
        with self.world.services.db.reading() as uow:
            s = uow.session
            for v, expected in self.m.accounts.items():
                acc = s.get(PointAccount, v)
                sums = ledger.sums(s, v)
                cached = (acc.available, acc.frozen)
                assert cached == (sums.available, sums.frozen), f"volunteer {v}: account ≠ ledger"
                assert cached == (expected.available, expected.frozen), f"volunteer {v}: account ≠ model"
                assert acc.approved_minutes == expected.minutes
                assert acc.available >= 0 and acc.frozen >= 0
            assert ledger.mismatches(s) == []

    @invariant()
    def stock_is_what_open_redemptions_left(self) -> None:
        with self.world.services.db.reading() as uow:
            s = uow.session
            for item_id, item in self.m.items.items():
                stock = s.scalar(select(RewardItem.stock).where(RewardItem.id == item_id))
                taken = s.scalar(
                    select(func.coalesce(func.sum(RedemptionLine.quantity), 0))
                    .join(Redemption, Redemption.id == RedemptionLine.redemption_id)
                    .where(RedemptionLine.item_id == item_id, Redemption.status != CANCELLED)
                )
                assert stock >= 0
                assert stock == item.initial - taken == item.stock, f"item {item_id}"

    @invariant()
    def statuses_match_the_model(self) -> None:
        with self.world.services.db.reading() as uow:
            s = uow.session
            orders = dict(
                s.execute(
                    select(Redemption.id, Redemption.status).where(
                        Redemption.volunteer_id.in_(self.volunteers)
                    )
                ).all()
            )
            hours = dict(
                s.execute(
                    select(ServiceRecord.id, ServiceRecord.status).where(
                        ServiceRecord.volunteer_id.in_(self.volunteers)
                    )
                ).all()
            )
        assert orders == {rid: o.status for rid, o in self.m.orders.items()}
        assert hours == {rid: h.status for rid, h in self.m.hours.items()}

    @invariant()
    def no_entry_is_reversed_twice(self) -> None:
        with self.world.services.db.reading() as uow:
            twice = uow.session.execute(
                select(LedgerEntry.reverses_id, func.count())
                .where(LedgerEntry.reverses_id.is_not(None))
                .group_by(LedgerEntry.reverses_id)
                .having(func.count() > 1)
            ).all()
            reversed_ids = set(
                uow.session.scalars(
                    select(LedgerEntry.reverses_id).where(
                        LedgerEntry.reverses_id.is_not(None), LedgerEntry.volunteer_id.in_(self.volunteers)
                    )
                )
            )
        assert twice == []
        # the model's reversals, plus the redeem entries reversed by cancelling
        assert self.m.reversed <= reversed_ids


@pytest.mark.slow
def test_love_bank_keeps_its_books_under_random_operations(sqlite_db, make_actor):
    class Machine(LoveBankMachine):
        world = World(
            services=sqlite_db,
            coordinator=make_actor(sqlite_db, Role.COORDINATOR),
            director=make_actor(sqlite_db, Role.DIRECTOR),
        )

    run_state_machine_as_test(
        Machine,
        settings=settings(
            max_examples=30,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
