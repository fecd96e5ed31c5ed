"""Eight desks spend from one fund at the same instant: it is never overspent.

Eight worker processes (each with its own engine, as eight PCs would have) stay alive
for several rounds. In each round the parent registers a fresh fund with 100,000 元 left
and gives every desk an order of its own; the desks wait at a shared barrier and then
each commits 30,000 元 against the fund — by drafting the order (its budget is committed
at once), or, in the payment rounds, by paying 30,000 元 beyond a contract of 1 元 with
the director's reason (a payment beyond what is committed binds the difference first).
Exactly three must succeed, the other five must be told how much is left, and the fund's
cached sums must equal its entries. On SQLite the writers queue on the database lock
(BEGIN IMMEDIATE); on PostgreSQL on the fund row (SELECT … FOR UPDATE) — each desk's
order is its own, so only the fund's lock can keep them in line. A busy database must
never surface as an error.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import queue
import threading
import time
import traceback
import uuid
from dataclasses import dataclass, replace

import pytest
from sqlalchemy import text

from db.orders_money import fund_mismatches
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Role
from desktop.orders.service import (
    BudgetLine,
    DraftForm,
    FundForm,
    MenuItemForm,
    OrderForm,
    OrderService,
    PaymentForm,
    ProviderForm,
)
from desktop.residents.service import ResidentForm

WORKERS = 8
ROUNDS = 6  # per kind of spending
YUAN = 100
LEFT = 100_000 * YUAN
EACH = 30_000 * YUAN
NOT_ENOUGH = "The fund “{fund}” has {left} 元 left; {needed} 元 cannot be committed."
WAIT = 60


@dataclass(frozen=True)
class Task:
    round: int
    kind: str  # "draft" | "pay"
    order_id: int
    fund_id: int
    voucher: str


@dataclass(frozen=True)
class Outcome:
    worker: int
    round: int
    error: str = ""
    template: str = ""
    params: tuple[tuple[str, object], ...] = ()
    detail: str = ""
    seconds: float = 0.0


def _worker(index: int, url: str, actor: Actor, tasks, results, barrier) -> None:
    """One desk: its own engine, spending on cue."""
    from db.engine import make_engine
    from db.uow import Database
    from desktop.admin.chain_key import install

    db = Database(make_engine(url), url)
    install(db)  # this PC's audit key and anchor, as open_database gives a desk
    service = OrderService(db)
    try:
        with db.reading() as uow:  # connect now, so the race is the spending, not the login
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
                if task.kind == "draft":
                    deadline = dt.date.today() + dt.timedelta(days=30)
                    service.draft(actor, task.order_id, DraftForm(deadline, [BudgetLine(task.fund_id, EACH)]))
                else:
                    service.pay(
                        actor,
                        task.order_id,
                        PaymentForm(
                            fund_id=task.fund_id,
                            tranche="advance",
                            amount=EACH + YUAN,
                            paid_on=dt.date.today(),
                            voucher=task.voucher,
                            over_contract_reason="追加服务，主任批准",
                        ),
                    )
                outcome = Outcome(index, task.round)
            except DomainError as exc:
                outcome = Outcome(
                    index, task.round, type(exc).__name__, exc.template, tuple(sorted(exc.params.items()))
                )
            except Exception as exc:  # noqa: BLE001 - reported to the parent, which fails the test
                outcome = Outcome(index, task.round, type(exc).__name__, detail=traceback.format_exc())
            results.put(replace(outcome, seconds=time.perf_counter() - started))
    finally:
        db.dispose()


class Desks:
    def __init__(self, url: str, actor: Actor):
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["sqlalchemy.orm", "desktop.orders.service", "db.engine", "db.uow"])
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
        self.barrier.abort()
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


@dataclass
class Stage:
    services: object
    director: Actor
    resident: int
    item: int
    provider: int


@pytest.fixture
def desks(any_db, make_actor):
    director = make_actor(any_db, Role.DIRECTOR)
    admin = make_actor(any_db, Role.ADMIN)
    orders: OrderService = any_db.orders
    resident = any_db.residents.save(director, ResidentForm(name="并发测试"))
    item = orders.save_menu_item(admin, MenuItemForm(category="助老服务", name="上门理发"))
    provider = orders.save_provider(director, ProviderForm(name="并发测试社工站", kind="non_enterprise")).id
    d = Desks(any_db.db.url, director)
    try:
        d.start()
        yield Stage(any_db, director, resident, item, provider), d
    finally:
        d.close()


def _orders_to_draft(stage: Stage, n: int) -> list[int]:
    o: OrderService = stage.services.orders
    made = []
    for _ in range(n):
        order = o.place(stage.director, OrderForm(resident_id=stage.resident, item_id=stage.item))
        o.take_in(stage.director, order)
        made.append(order)
    return made


def _fund(stage: Stage, name: str, total: int) -> int:
    return stage.services.orders.save_fund(
        stage.director, FundForm(name=name, year=2026, kind="other", total=total)
    )


def _check(stage: Stage, fund: int, outcomes: list[Outcome], n: int, committed: int) -> None:
    unexpected = [o for o in outcomes if o.error not in ("", "DomainError")]
    assert not unexpected, f"round {n}: {unexpected[0].error}\n{unexpected[0].detail}"
    won = [o for o in outcomes if not o.error]
    lost = [o for o in outcomes if o.error]
    assert len(won) == 3, f"round {n}: {len(won)} succeeded: {outcomes}"
    assert all(o.round == n for o in outcomes)
    assert {(o.template, dict(o.params)["left"], dict(o.params)["needed"]) for o in lost} == {
        (NOT_ENOUGH, "10,000.00", "30,000.00")
    }
    row = stage.services.orders.fund(stage.director, fund)
    assert (row.committed, row.remaining) == (committed, row.total - committed)
    with stage.services.db.reading() as uow:
        assert fund_mismatches(uow.session) == []


@pytest.mark.slow
def test_eight_desks_drafting_against_one_fund_never_overspend_it(desks):
    stage, d = desks
    started = time.perf_counter()
    for n in range(ROUNDS):
        fund = _fund(stage, f"并发基金{n}-{uuid.uuid4().hex[:6]}", LEFT)
        orders = _orders_to_draft(stage, WORKERS)
        outcomes = d.round([Task(n, "draft", orders[w], fund, "") for w in range(WORKERS)])
        _check(stage, fund, outcomes, n, 3 * EACH)
    print(f"\n{stage.services.db.dialect}: {ROUNDS} drafting rounds in {time.perf_counter() - started:.1f} s")


@pytest.mark.slow
def test_eight_desks_paying_from_one_fund_never_overspend_it(desks):
    stage, d = desks
    o: OrderService = stage.services.orders
    for n in range(ROUNDS):
        # Each order binds 1 元; the fund then has exactly 100,000 元 left.
        fund = _fund(stage, f"并发付款{n}-{uuid.uuid4().hex[:6]}", LEFT + WORKERS * YUAN)
        orders = _orders_to_draft(stage, WORKERS)
        for order in orders:
            o.draft(
                stage.director,
                order,
                DraftForm(dt.date.today() + dt.timedelta(days=30), [BudgetLine(fund, YUAN)]),
            )
            o.dispatch(stage.director, order, [stage.provider])
            o.accept(stage.director, order, stage.provider, YUAN, "站长")
        tasks = [
            Task(n, "pay", orders[w], fund, f"并发-{n}-{w}-{uuid.uuid4().hex[:8]}") for w in range(WORKERS)
        ]
        outcomes = d.round(tasks)
        _check(stage, fund, outcomes, n, WORKERS * YUAN + 3 * EACH)
        paid = o.fund(stage.director, fund).paid
        assert paid == 3 * (EACH + YUAN)
