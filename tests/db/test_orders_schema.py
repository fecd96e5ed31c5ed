"""The orders job's tables (migration 0004): in the models' metadata, append-only where
they are evidence, and guarded by constraints behind the services' own checks."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import db.models_orders
from db.models import Base, Resident
from db.models_orders import Fund, OrderPayment, Provider, ServiceOrder
from db.triggers import APPEND_ONLY_TABLES, missing_triggers

ORDER_TABLES = {
    "service_item",
    "service_item_tag",
    "provider",
    "provider_area",
    "provider_inspection",
    "fund",
    "fund_exclusion",
    "service_order",
    "order_target_tag",
    "order_candidate",
    "order_fund",
    "order_event",
    "order_session",
    "order_session_group",
    "order_session_volunteer",
    "order_payment",
    "fund_entry",
    "order_attachment",
}


def test_the_tables_are_in_the_metadata_and_the_database(any_db):
    assert ORDER_TABLES <= set(Base.metadata.tables)
    assert ORDER_TABLES <= set(inspect(any_db.db.engine).get_table_names())


def test_the_migration_env_loads_the_orders_models():
    env = (db.models_orders.__file__.rsplit("/", 1)[0]) + "/migrations/env.py"
    with open(env, encoding="utf-8") as f:
        assert "import db.models_orders" in f.read()


def test_history_and_money_movements_are_append_only(any_db):
    assert {"order_event", "order_payment", "fund_entry"} <= set(APPEND_ONLY_TABLES)
    with any_db.db.engine.connect() as conn:
        assert missing_triggers(conn) == []


def _insert(conn, sql: str, **params) -> None:
    conn.execute(text(sql), params)


def _fund(conn, total: int = 1000, committed: int = 0, paid: int = 0) -> None:
    _insert(
        conn,
        "INSERT INTO fund (name, year, kind, total, order_cap, committed, paid, notes, is_active) "
        "VALUES (:name, 2026, 'other', :total, NULL, :committed, :paid, '', true)",
        name=f"基金{total}-{committed}-{paid}",
        total=total,
        committed=committed,
        paid=paid,
    )


@pytest.mark.parametrize(
    ("total", "committed", "paid"),
    [(0, 0, 0), (1000, 1001, 0), (1000, 500, 501), (1000, -1, 0), (1000, 0, -1)],
)
def test_a_fund_can_never_commit_beyond_its_total_or_pay_beyond_its_commitments(
    any_db, total, committed, paid
):
    with pytest.raises(IntegrityError):
        with any_db.db.engine.begin() as conn:
            _fund(conn, total, committed, paid)


def test_a_sound_fund_row_is_accepted(any_db):
    with any_db.db.engine.begin() as conn:
        _fund(conn, 1000, 1000, 1000)


def test_a_voucher_number_is_unique_in_the_database(any_db):
    now = dt.datetime(2026, 12, 7, 10, 0)
    with Session(any_db.db.engine) as s:
        s.add(Resident(name="张三", created_at=now, updated_at=now))
        s.add(Provider(name="社工站", kind="non_enterprise", created_at=now, updated_at=now))
        s.add(Fund(name="基金", year=2026, kind="other", total=1000))
        s.flush()
        s.add(
            ServiceOrder(
                number="DD202612-00001",
                resident_id=1,
                category="助老服务",
                title="理发",
                stage="in_progress",
                ordered_at=now,
                updated_at=now,
            )
        )
        s.flush()

        def payment() -> OrderPayment:
            return OrderPayment(
                order_id=1,
                fund_id=1,
                provider_id=1,
                tranche="advance",
                amount=10,
                paid_on=now.date(),
                voucher="V-1",
                at=now,
                username="x",
            )

        s.add(payment())
        s.flush()
        s.add(payment())
        with pytest.raises(IntegrityError):
            s.flush()
