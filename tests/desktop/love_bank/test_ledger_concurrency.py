"""Eight desks redeem at the same instant: a balance never goes below zero.

Eight worker processes (each with its own engine, as eight PCs would have) stay alive
for 50 rounds. In each round the parent gives a fresh volunteer 30 points and offers
fresh items priced 10; every worker waits at a shared barrier and then redeems one item
for that volunteer. Exactly three must succeed, the other five must be told "Not enough
points", and the balance must end at 0 with the cached account equal to the ledger. On
SQLite the writers queue on the database lock (BEGIN IMMEDIATE, 10 s busy timeout); on
PostgreSQL on the account row (SELECT … FOR UPDATE) — in every other round each desk
takes a different item, so the item rows' locks cannot stand in for the account's. A
busy database must never surface as an error.

Also: all eight desks using one idempotency key make one redemption; desks cancelling
redemptions of an item while others redeem it lose no stock.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
import time
import traceback
import uuid
from dataclasses import dataclass, replace

import pytest
from sqlalchemy import func, select, text

from db.models import LedgerEntry, PointAccount, Redemption, RewardItem
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Role
from desktop.love_bank import ledger
from desktop.love_bank.service import Basket, LoveBankService
from desktop.residents.service import ResidentForm

WORKERS = 8
ROUNDS = 50
START_POINTS = 30
PRICE = 10
STOCK = 100
NOT_ENOUGH_POINTS = "Not enough points: {available} available, {needed} needed."
WAIT = 60  # seconds; far above a round's time, only there so a hung worker fails the test


@dataclass(frozen=True)
class Task:
    round: int
    volunteer_id: int
    item_id: int
    key: str  # an idempotency key: unique per worker, or shared by all in the last round
    cancel: int | None = None  # cancel this redemption instead of redeeming


@dataclass(frozen=True)
class Outcome:
    worker: int
    round: int
    redemption_id: int | None = None
    error: str = ""  # the exception's class name, or "" on success
    template: str = ""
    params: tuple[tuple[str, object], ...] = ()
    detail: str = ""  # a traceback for anything unexpected
    seconds: float = 0.0


def _worker(index: int, url: str, actor: Actor, tasks, results, barrier) -> None:
    """One desk: its own engine (one connection in use at a time), redeeming on cue."""
    from db.engine import make_engine
    from db.uow import Database
    from desktop.admin.chain_key import install

    db = Database(make_engine(url), url)
    install(db)  # this PC's audit key and anchor, as open_database gives a desk
    service = LoveBankService(db)
    try:
        with db.reading() as uow:  # connect now, so the race is the redemption, not the login
            uow.session.execute(text("SELECT 1"))
        results.put(Outcome(index, -1))
        while (task := tasks.get()) is not None:
            try:
                barrier.wait(timeout=WAIT)
            except threading.BrokenBarrierError:
                results.put(Outcome(index, task.round, error="BrokenBarrierError"))
                continue
            started = time.perf_counter()
            try:
                if task.cancel is not None:
                    service.cancel_redemption(actor, task.cancel, "并发取消")
                    rid = task.cancel
                else:
                    rid = service.redeem(actor, task.volunteer_id, Basket({task.item_id: 1}), task.key)
                outcome = Outcome(index, task.round, redemption_id=rid)
            except DomainError as exc:
                outcome = Outcome(
                    index,
                    task.round,
                    error=type(exc).__name__,
                    template=exc.template,
                    params=tuple(sorted(exc.params.items())),
                )
            except Exception as exc:  # noqa: BLE001 - reported to the parent, which fails the test
                outcome = Outcome(index, task.round, error=type(exc).__name__, detail=traceback.format_exc())
            results.put(replace(outcome, seconds=time.perf_counter() - started))
    finally:
        db.dispose()


class Desks:
    """The eight worker processes, their task queues and the barrier they meet at."""

    def __init__(self, url: str, actor: Actor):
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["sqlalchemy.orm", "desktop.love_bank.service", "db.engine", "db.uow"])
        self.barrier = ctx.Barrier(WORKERS)
        self.results = ctx.Queue()
        self.tasks = [ctx.Queue() for _ in range(WORKERS)]
        self.processes = [
            ctx.Process(
                target=_worker,
                args=(i, url, actor, self.tasks[i], self.results, self.barrier),
                name=f"desk-{i}",
                daemon=True,
            )
            for i in range(WORKERS)
        ]

    def start(self) -> None:
        for p in self.processes:
            p.start()
        ready = self.collect()
        assert all(o.round == -1 and not o.error for o in ready), ready

    def collect(self) -> list[Outcome]:
        out = []
        for _ in range(WORKERS):
            try:
                out.append(self.results.get(timeout=WAIT))
            except queue.Empty:
                dead = [p.name for p in self.processes if not p.is_alive()]
                pytest.fail(f"only {len(out)} of {WORKERS} desks answered; dead: {dead}")
        return sorted(out, key=lambda o: o.worker)

    def round(self, tasks: list[Task]) -> list[Outcome]:
        for q, task in zip(self.tasks, tasks, strict=True):
            q.put(task)
        return self.collect()

    def close(self) -> None:
        self.barrier.abort()  # frees any desk still waiting for a round that never came
        for q in self.tasks:
            q.put(None)
        for p in self.processes:
            if p.pid is not None:
                p.join(timeout=10)
        for p in self.processes:
            if p.is_alive():
                p.terminate()
                p.join(timeout=5)
        for q in [*self.tasks, self.results]:
            q.close()
            q.join_thread()


@pytest.fixture
def desks(any_db, make_actor):
    """A coordinator, the parent's service, and eight desks logged in as that coordinator."""
    actor = make_actor(any_db, Role.COORDINATOR)
    d = Desks(any_db.db.url, actor)
    try:
        d.start()
        yield any_db, actor, d
    finally:
        d.close()


def _fresh_stage(services, actor: Actor, n: int, items: int = 1) -> tuple[int, list[int]]:
    """A new volunteer with 30 points and new items priced 10 with plenty of stock."""
    bank: LoveBankService = services.love_bank
    resident = services.residents.save(actor, ResidentForm(name="并发测试"))
    volunteer = bank.register_volunteer(actor, resident)
    bank.adjust(actor, volunteer, START_POINTS, "并发测试初始积分")
    made = [bank.save_item(actor, name=f"并发商品{n}-{i}", price=PRICE, stock=STOCK) for i in range(items)]
    return volunteer, made


def _state(services, volunteer: int, items: list[int]):
    """The cached account, the ledger's sums, redemptions made and stock taken."""
    with services.db.reading() as uow:
        s = uow.session
        acc = s.get(PointAccount, volunteer)
        cached = (acc.available, acc.frozen)
        sums = ledger.sums(s, volunteer)
        redemptions = s.scalar(
            select(func.count()).select_from(Redemption).where(Redemption.volunteer_id == volunteer)
        )
        redeem_entries = s.scalar(
            select(func.count())
            .select_from(LedgerEntry)
            .where(LedgerEntry.volunteer_id == volunteer, LedgerEntry.kind == ledger.REDEEM)
        )
        taken = s.scalar(select(func.sum(STOCK - RewardItem.stock)).where(RewardItem.id.in_(items)))
        mismatches = ledger.mismatches(s)
    return cached, (sums.available, sums.frozen), redemptions, redeem_entries, taken, mismatches


@pytest.mark.slow
def test_eight_desks_redeeming_at_once_never_overdraw(desks):
    services, actor, d = desks
    started = time.perf_counter()
    slowest = 0.0
    for n in range(ROUNDS):
        # Even rounds: every desk takes the same item. Odd rounds: each desk takes an item
        # of its own, so only the account (not an item's row) can keep them in line.
        volunteer, items = _fresh_stage(services, actor, n, items=1 if n % 2 == 0 else WORKERS)
        tasks = [
            Task(n, volunteer, items[w % len(items)], f"r{n}-w{w}-{uuid.uuid4().hex}") for w in range(WORKERS)
        ]
        outcomes = d.round(tasks)
        slowest = max(slowest, *(o.seconds for o in outcomes))
        unexpected = [o for o in outcomes if o.error not in ("", "DomainError")]
        assert not unexpected, f"round {n}: {unexpected[0].error}\n{unexpected[0].detail}"
        won = [o for o in outcomes if not o.error]
        lost = [o for o in outcomes if o.error]
        assert len(won) == 3, f"round {n}: {len(won)} redemptions succeeded: {outcomes}"
        assert len({o.redemption_id for o in won}) == 3
        assert all(o.round == n for o in outcomes)
        assert [(o.template, dict(o.params)) for o in lost] == [
            (NOT_ENOUGH_POINTS, {"available": 0, "needed": PRICE})
        ] * (WORKERS - 3)
        cached, summed, redemptions, redeem_entries, taken, mismatches = _state(services, volunteer, items)
        assert cached == summed == (0, 0), f"round {n}"
        assert (redemptions, redeem_entries, taken) == (3, 3, 3), f"round {n}"
        assert mismatches == []
    elapsed = time.perf_counter() - started
    print(f"\n{services.db.dialect}: {ROUNDS} rounds in {elapsed:.1f} s, slowest redemption {slowest:.2f} s")


@pytest.mark.slow
def test_eight_desks_with_one_idempotency_key_make_one_redemption(desks):
    services, actor, d = desks
    volunteer, (item,) = _fresh_stage(services, actor, 0)
    key = f"same-{uuid.uuid4().hex}"
    outcomes = d.round([Task(0, volunteer, item, key) for _ in range(WORKERS)])
    assert [o.error for o in outcomes] == [""] * WORKERS, [o.detail or o.template for o in outcomes]
    assert len({o.redemption_id for o in outcomes}) == 1
    cached, summed, redemptions, redeem_entries, taken, mismatches = _state(services, volunteer, [item])
    assert cached == summed == (START_POINTS - PRICE, 0)
    assert (redemptions, redeem_entries, taken) == (1, 1, 1)
    assert mismatches == []


MIXED_ROUNDS = 20


@pytest.mark.slow
def test_cancelling_while_others_redeem_the_same_item_loses_no_stock(desks):
    """Four desks cancel redemptions of an item while four others redeem it: the stock
    must come out as the initial stock minus what the open redemptions hold."""
    services, actor, d = desks
    bank: LoveBankService = services.love_bank
    for n in range(MIXED_ROUNDS):
        item = bank.save_item(actor, name=f"并发取消商品{n}", price=PRICE, stock=STOCK)
        tasks = []
        for w in range(WORKERS):
            resident = services.residents.save(actor, ResidentForm(name="并发测试"))
            volunteer = bank.register_volunteer(actor, resident)
            bank.adjust(actor, volunteer, PRICE, "并发测试初始积分")
            cancel = None
            if w % 2:
                cancel = bank.redeem(actor, volunteer, Basket({item: 1}), uuid.uuid4().hex)
            tasks.append(Task(n, volunteer, item, uuid.uuid4().hex, cancel))
        outcomes = d.round(tasks)
        assert [o.error for o in outcomes] == [""] * WORKERS, [o.detail or o.template for o in outcomes]
        with services.db.reading() as uow:
            s = uow.session
            stock = s.scalar(select(RewardItem.stock).where(RewardItem.id == item))
            held = s.scalar(
                select(func.count())
                .select_from(Redemption)
                .where(
                    Redemption.status != "cancelled", Redemption.id.in_([o.redemption_id for o in outcomes])
                )
            )
            assert ledger.mismatches(s) == []
        assert held == WORKERS // 2
        assert stock == STOCK - held, f"round {n}: stock {stock}, {held} redemptions hold the item"


@pytest.mark.slow
def test_eight_desks_with_one_key_for_the_last_item_are_all_told_of_that_redemption(desks):
    """The dialog's key is shared by eight desks (a retry storm) and one piece is left:
    one redemption is made and every desk gets it — none is told "only 0 left" because
    it looked the key up before the desk that made it had committed."""
    services, actor, d = desks
    bank: LoveBankService = services.love_bank
    for n in range(5):
        volunteer, _ = _fresh_stage(services, actor, 100 + n, items=0)
        item = bank.save_item(actor, name=f"最后一件{n}", price=PRICE, stock=1)
        key = f"last-{n}-{uuid.uuid4().hex}"
        outcomes = d.round([Task(n, volunteer, item, key) for _ in range(WORKERS)])
        assert [o.error for o in outcomes] == [""] * WORKERS, [o.detail or o.template for o in outcomes]
        assert len({o.redemption_id for o in outcomes}) == 1
        with services.db.reading() as uow:
            s = uow.session
            assert s.scalar(select(RewardItem.stock).where(RewardItem.id == item)) == 0
            made = s.scalar(
                select(func.count()).select_from(Redemption).where(Redemption.volunteer_id == volunteer)
            )
        assert made == 1
