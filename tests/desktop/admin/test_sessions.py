"""Sessions: what a signed-in user's open window may still do, and what a login tells.

- Eight desks guessing one account's password at once get exactly ``MAX_FAILURES``
  passwords checked before the lock (the count is taken under the row's lock, before
  the slow hash); the others are refused as locked without a check.
- Every write re-reads the acting user in its own transaction: a deactivated account's
  open window writes nothing, a changed role takes effect at once — in every job.
- An unknown user name and a wrong password get the same message, after a password
  hash of the same cost, and no answer says how many tries remain.
"""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

import desktop.admin.passwords
from db.engine import make_engine
from db.models import AuditEntry, Category, LedgerEntry, Redemption, Request, Resident
from db.models_orders import ServiceOrder
from db.uow import Database
from desktop.admin.accounts import MAX_FAILURES, AccountService
from desktop.common.clock import MovableClock
from desktop.common.errors import DomainError
from desktop.common.permissions import SYSTEM, Role, SignInAgain
from desktop.love_bank.service import Basket
from desktop.requests import reference_data
from desktop.requests.registration import RequestForm
from desktop.residents.service import ResidentForm
from tests.desktop.orders.support import OrderForm, make_world

PASSWORD = "secret123"
DESKS = 8


class CountingHasher(PasswordHasher):
    """The tests' cheap Argon2, counting verifications; ``pause`` seconds each, so that
    desks guessing at once are all inside a check together."""

    def __init__(self, pause: float = 0.0):
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.pause = pause
        self.verified = 0
        self._lock = threading.Lock()

    def verify(self, hash, password):  # noqa: A002 - argon2's parameter name
        with self._lock:
            self.verified += 1
        if self.pause:
            threading.Event().wait(self.pause)
        return super().verify(hash, password)


@pytest.fixture
def hasher(monkeypatch) -> CountingHasher:
    counting = CountingHasher()
    monkeypatch.setattr(desktop.admin.passwords, "_hasher", counting)
    return counting


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(dt.datetime(2026, 11, 21, 9, 0))


# --- hole 8: the lock-out counted under a lock --------------------------------------------
@pytest.mark.slow
def test_eight_desks_guessing_at_once_get_five_guesses(any_db, hasher, clock):
    any_db.accounts.create_user(
        SYSTEM, username="zhang", full_name="张三", role=Role.FRONT_DESK, password=PASSWORD
    )
    hasher.pause = 0.3
    barrier = threading.Barrier(DESKS)
    url = any_db.db.url

    def desk(n: int) -> str:
        db = Database(make_engine(url), url)  # each desk its own engine and connection
        try:
            accounts = AccountService(db, now=clock)
            accounts.needs_setup()  # connect before the race
            barrier.wait(timeout=30)
            try:
                accounts.login("zhang", f"guess-{n}")
            except DomainError as exc:
                return exc.template
            return "logged in"
        finally:
            db.dispose()

    with ThreadPoolExecutor(DESKS) as pool:
        answers = list(pool.map(desk, range(DESKS)))
    assert hasher.verified == MAX_FAILURES
    locked = [a for a in answers if "locked" in a]
    assert len(locked) == DESKS - MAX_FAILURES + 1  # the refused ones, and the fifth guess
    with any_db.db.reading() as uow:
        actions = uow.session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "user").order_by(AuditEntry.id)
        ).all()
    assert actions.count("login_failed") + actions.count("lock") == MAX_FAILURES
    assert actions.count("lock") == 1
    # Locked for real: even the right password is refused, unchecked.
    hasher.pause = 0
    with pytest.raises(DomainError, match="locked"):
        AccountService(any_db.db, now=clock).login("zhang", PASSWORD)
    assert hasher.verified == MAX_FAILURES


def test_a_right_password_while_guesses_are_counted_still_logs_in(any_db, clock):
    accounts = AccountService(any_db.db, now=clock)
    accounts.create_user(SYSTEM, username="zhang", full_name="张三", role=Role.FRONT_DESK, password=PASSWORD)
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(DomainError, match="Wrong user name or password"):
            accounts.login("zhang", "wrong-password")
    assert accounts.login("zhang", PASSWORD).username == "zhang"
    for _ in range(MAX_FAILURES - 1):  # the count started again
        with pytest.raises(DomainError, match="Wrong user name or password"):
            accounts.login("zhang", "wrong-password")


# --- hole 10: a login tells nothing about which names exist -------------------------------
def test_unknown_name_and_wrong_password_answer_alike(any_db, hasher, clock):
    accounts = AccountService(any_db.db, now=clock)
    accounts.create_user(SYSTEM, username="zhang", full_name="张三", role=Role.FRONT_DESK, password=PASSWORD)
    answers = []
    for name in ("zhang", "nobody", "zhang", "nobody"):
        before = hasher.verified
        with pytest.raises(DomainError) as exc:
            accounts.login(name, "wrong-password")
        assert hasher.verified == before + 1, f"{name}: no password hash was computed"
        answers.append((exc.value.template, exc.value.params))
    assert len(set(map(repr, answers))) == 1, answers
    assert answers[0] == ("Wrong user name or password.", {})


def test_a_deactivated_name_answers_like_an_unknown_one(any_db, hasher, clock):
    accounts = AccountService(any_db.db, now=clock)
    user = accounts.create_user(
        SYSTEM, username="zhang", full_name="张三", role=Role.FRONT_DESK, password=PASSWORD
    )
    accounts.update_user(SYSTEM, user, full_name="张三", role=Role.FRONT_DESK, is_active=False)
    with pytest.raises(DomainError) as exc:
        accounts.login("zhang", PASSWORD)
    assert (exc.value.template, exc.value.params) == ("Wrong user name or password.", {})
    assert hasher.verified == 1


# --- hole 9: every write re-reads the acting user -----------------------------------------
@pytest.fixture
def world(any_db, make_actor, tmp_path):
    w = make_world(any_db, make_actor, tmp_path / "attachments")
    with any_db.db.writing() as uow:
        reference_data.seed(uow.session)
        uow.commit()
    return w


def _deactivate(w, actor) -> None:
    w.services.accounts.update_user(
        w.admin, actor.user_id, full_name="测试员", role=actor.role, is_active=False
    )


def _change_role(w, actor, role: Role) -> None:
    w.services.accounts.update_user(w.admin, actor.user_id, full_name="测试员", role=role, is_active=True)


def _count(w, model) -> int:
    with w.services.db.reading() as uow:
        return uow.session.scalar(select(func.count()).select_from(model)) or 0


def _writes(w):
    """One write of each job, as the given actor (name, model written, call)."""
    resident = w.services.residents.save(w.coordinator, ResidentForm(name="孙七"))
    volunteer = w.bank.register_volunteer(w.coordinator, resident)
    w.bank.adjust(w.coordinator, volunteer, 100, "初始积分")
    item = w.bank.save_item(w.coordinator, name="毛巾", price=10, stock=5)
    with w.services.db.reading() as uow:
        category = uow.session.scalar(select(Category.id).where(Category.name == "垃圾清运"))
    return {
        "adjust points": (LedgerEntry, lambda a: w.bank.adjust(a, volunteer, 500, "加分")),
        "redeem": (Redemption, lambda a: w.bank.redeem(a, volunteer, Basket({item: 1}), "key-1")),
        "register a request": (
            Request,
            lambda a: w.services.requests.register(
                a,
                RequestForm(
                    resident_id=w.residents[0],
                    channel="walk_in",
                    category_id=category,
                    description="路灯坏了",
                ),
            ),
        ),
        "save a resident": (Resident, lambda a: w.services.residents.save(a, ResidentForm(name="王五"))),
        "place an order": (
            ServiceOrder,
            lambda a: w.orders.place(a, OrderForm(resident_id=w.residents[1], item_id=w.items["上门理发"])),
        ),
    }


def test_a_deactivated_users_open_window_writes_nothing(world):
    w = world
    writes = _writes(w)
    # The director may do each of these; the admin deactivates the director's account
    # while the director's window is still open.
    _deactivate(w, w.director)
    for name, (model, write) in writes.items():
        before = _count(w, model)
        with pytest.raises(SignInAgain, match="deactivated"):
            write(w.director)
        assert _count(w, model) == before, f"{name}: written by a deactivated account"


def test_a_role_change_takes_effect_at_once(world):
    w = world
    writes = _writes(w)
    # The director becomes a front-desk clerk: the open window's actor still says
    # director, so it would pass every permission check.
    _change_role(w, w.director, Role.FRONT_DESK)
    for name, (model, write) in writes.items():
        before = _count(w, model)
        with pytest.raises(SignInAgain, match="role was changed"):
            write(w.director)
        assert _count(w, model) == before, f"{name}: written with the old role"
    # Signing in again gives the new role, which writes what it may.
    fresh = w.services.accounts.login(w.director.username, PASSWORD)
    assert fresh.role == Role.FRONT_DESK
    w.services.residents.save(fresh, ResidentForm(name="赵六"))


def test_a_deactivated_user_cannot_change_their_password(world):
    w = world
    _deactivate(w, w.desk)
    with pytest.raises(SignInAgain):
        w.services.accounts.change_own_password(w.desk, PASSWORD, "newsecret1", "newsecret1")
