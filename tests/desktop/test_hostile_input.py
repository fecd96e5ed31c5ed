"""Hostile text at every door: a NUL character or an endless text is refused with a
clear message and nothing is written — the same on SQLite and PostgreSQL (whose driver
would otherwise fail with a raw ``DataError``); a search box simply ignores it.

Each entry point where the desk's text is stored gets ``"…\\x00…"`` and a text of a
million characters (a 1,000-character idempotency key); each must raise a
``DomainError`` (``FieldErrors`` counts) whose message says what is wrong, and every
table must hold what it held before.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import Base
from db.orders import OrderFilter
from db.requests import RequestFilter
from db.residents import ResidentFilter
from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import SYSTEM, Role
from desktop.exchange.fields import Kind
from desktop.love_bank.service import Basket
from desktop.requests import reference_data
from desktop.requests.registration import RequestForm
from desktop.residents.service import ResidentForm
from tests.desktop.orders.support import FundForm, MenuItemForm, OrderForm, ProviderForm, World, make_world

NUL_TEXT = "幸福\x00家园"
MILLION = "长" * 1_000_000


@pytest.fixture
def world(any_db, make_actor, tmp_path) -> World:
    w = make_world(any_db, make_actor, tmp_path / "attachments")
    with any_db.db.writing() as uow:
        reference_data.seed(uow.session)
        uow.commit()
    return w


def _request(w: World, description: str = "楼道灯坏了") -> int:
    """A request registered and assigned to the residents' committee."""
    from db.models import Category, Department

    with w.services.db.reading() as uow:
        category = uow.session.scalar(select(Category.id).where(Category.name == "垃圾清运"))
        department = uow.session.scalar(select(Department.id).where(Department.name == "社区居委会"))
    form = RequestForm(
        resident_id=w.residents[0],
        channel="walk_in",
        category_id=category,
        description=description,
        lead_department_id=department,
    )
    return w.services.requests.register(w.desk, form)


def _volunteer(w: World) -> int:
    resident = w.services.residents.save(w.coordinator, ResidentForm(name="孙七"))
    volunteer = w.bank.register_volunteer(w.coordinator, resident)
    w.bank.adjust(w.coordinator, volunteer, 100, "初始积分")
    return volunteer


def _import(w: World, text: str, tmp_path: Path) -> None:
    path = tmp_path / "居民.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["姓名", "性别", "住址", "备注"])
        writer.writerow(["周九", "男", "幸福家园1号楼", "正常"])
        writer.writerow(["吴十", "女", text, "正常"])
    imports = w.services.exchange.imports
    plan = imports.plan(w.coordinator, imports.open(w.coordinator, Kind.RESIDENTS, path))
    imports.run(w.coordinator, plan)


# entry point → what it does with the hostile text (a setup step may write first)
Door = Callable[[World, str, Path], object]
DOORS: dict[str, Door] = {
    "resident name": lambda w, t, _: w.services.residents.save(w.desk, ResidentForm(name=t)),
    "resident address": lambda w, t, _: w.services.residents.save(
        w.desk, ResidentForm(name="王五", address=t)
    ),
    "resident notes": lambda w, t, _: w.services.residents.save(w.desk, ResidentForm(name="王五", notes=t)),
    "request description": lambda w, t, _: _request(w, t),
    "request step note": lambda w, t, _: w.services.requests.accept(w.desk, _request(w), t),
    "shop item": lambda w, t, _: w.bank.save_item(w.coordinator, name=t, price=10, stock=1),
    "team name": lambda w, t, _: w.bank.add_team(w.coordinator, t),
    "team leader": lambda w, t, _: w.bank.add_team(w.coordinator, "青年突击队", t),
    "adjustment reason": lambda w, t, _: w.bank.adjust(w.coordinator, _volunteer(w), 5, t),
    "cancellation reason": lambda w, t, _: w.bank.cancel_redemption(
        w.coordinator,
        w.bank.redeem(
            w.coordinator,
            v := _volunteer(w),
            Basket({w.bank.save_item(w.coordinator, name=f"毛巾{v}", price=10, stock=1): 1}),
            f"k-{v}",
        ),
        t,
    ),
    "idempotency key": lambda w, t, _: w.bank.redeem(
        w.coordinator,
        _volunteer(w),
        Basket({w.bank.save_item(w.coordinator, name="肥皂", price=10, stock=1): 1}),
        t[:1000],
    ),
    "centre name": lambda w, t, _: w.services.centre.rename(w.admin, t),
    "login name": lambda w, t, _: w.services.accounts.login(t, "secret123"),
    "user's name": lambda w, t, _: w.services.accounts.create_user(
        w.admin, username="xiaoli", full_name=t, role=Role.FRONT_DESK, password="secret123"
    ),
    "order description": lambda w, t, _: w.orders.place(
        w.desk, OrderForm(resident_id=w.residents[0], category="助老服务", title="陪同就医", description=t)
    ),
    "order title": lambda w, t, _: w.orders.place(
        w.desk, OrderForm(resident_id=w.residents[0], category="助老服务", title=t, description="陪同就医")
    ),
    "order rejection reason": lambda w, t, _: w.orders.reject(w.desk, w.place(), t),
    "provider name": lambda w, t, _: w.orders.save_provider(
        w.director, ProviderForm(name=t, kind="enterprise")
    ),
    "provider notes": lambda w, t, _: w.orders.save_provider(
        w.director, ProviderForm(name="某某家政公司", kind="enterprise", notes=t)
    ),
    "service menu item": lambda w, t, _: w.orders.save_menu_item(
        w.admin, MenuItemForm(category="助老服务", name=t)
    ),
    "fund name": lambda w, t, _: w.orders.save_fund(
        w.director, FundForm(name=t, year=2026, kind="venture", total=100)
    ),
    "import cell": _import,
}

TABLES = sorted(Base.metadata.tables.values(), key=lambda t: t.name)


def _counts(w: World) -> dict[str, int]:
    with w.services.db.reading() as uow:
        return {t.name: uow.session.scalar(select(func.count()).select_from(t)) or 0 for t in TABLES}


def _templates(exc: DomainError) -> list[str]:
    if isinstance(exc, FieldErrors):
        return [e.template for e in exc.errors.values()]
    return [exc.template]


@pytest.mark.slow
@pytest.mark.parametrize("door", list(DOORS))
@pytest.mark.parametrize("bad", ["nul", "long"])
def test_hostile_text_is_refused_clearly_and_nothing_is_written(world, door, bad, tmp_path):
    text = NUL_TEXT if bad == "nul" else MILLION
    before = _counts(world)
    with pytest.raises(DomainError) as exc:
        DOORS[door](world, text, tmp_path)
    templates = _templates(exc.value)
    wanted = "NUL" if bad == "nul" else "characters"
    if door == "import cell":
        wanted = "nothing was imported"  # the row's reason is in the error report
    assert any(wanted in t for t in templates), templates
    after = _counts(world)
    written = {name: after[name] - before[name] for name in after if after[name] != before[name]}
    assert set(written) <= _SETUP_TABLES.get(door, set()), written


# What a door's own setup step writes before the hostile text (never the text itself).
_LOVE_BANK_SETUP = {"resident", "volunteer", "point_account", "ledger_entry", "audit_log", "change_counter"}
_SETUP_TABLES: dict[str, set[str]] = {
    "request step note": {
        "request",
        "request_event",
        "request_assist",
        "audit_log",
        "change_counter",
        "request_counter",
    },
    "adjustment reason": _LOVE_BANK_SETUP,
    "cancellation reason": _LOVE_BANK_SETUP | {"reward_item", "redemption", "redemption_line"},
    "idempotency key": _LOVE_BANK_SETUP | {"reward_item"},
    "order rejection reason": {"service_order", "order_event", "audit_log", "change_counter"},
}


@pytest.mark.parametrize("text", [NUL_TEXT, "\x00", MILLION[:5000]])
def test_search_boxes_ignore_what_cannot_be_searched(world, text):
    w = world
    s = w.services
    assert s.residents.search(w.desk, ResidentFilter(text=text)).count >= 0
    assert s.residents.count(w.desk, ResidentFilter(text=text)) >= 0
    assert s.requests.count(w.desk, RequestFilter(text=text)) >= 0
    assert s.requests.page(w.desk, RequestFilter(text=text), 0, 10) is not None
    assert w.bank.count_volunteers(w.desk, text) >= 0
    assert w.bank.volunteers(w.desk, text) is not None
    assert w.orders.count(w.desk, OrderFilter(number=text)) >= 0


def test_a_nul_in_a_search_is_dropped_not_searched_for(world):
    w = world
    found = w.services.residents.search(w.desk, ResidentFilter(text="张\x00大爷"))
    assert found.count == 1  # 张大爷 of the world, found by what is visible


def test_the_net_under_the_services_refuses_what_a_service_forgot(any_db):
    """A write that reached the unit of work with a NUL or an overlong value (a new
    entry point without ``check_text``) is refused with the same message, not a driver
    error."""
    from db.models import Grid

    with pytest.raises(DomainError, match="NUL"):
        with any_db.db.writing() as uow:
            uow.session.add(Grid(name="第\x00网格", is_active=True))
            uow.session.flush()
    with pytest.raises(DomainError, match="at most 64 characters"):
        with any_db.db.writing() as uow:
            uow.session.add(Grid(name="网" * 65, is_active=True))
            uow.commit()
    with any_db.db.reading() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Grid)) == 0
    assert SYSTEM.user_id is None
