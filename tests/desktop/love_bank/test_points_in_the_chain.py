"""Every points movement is in the chained audit log (issue 11, hole 6): approve, redeem,
hand-over, cancel, adjust and reversal each write an audit row naming the ledger entry
with its amounts, so a ledger row edited behind the program's back — even together with
the cached balance — is found by ``check``. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import text

from db.triggers import drop_statement, trigger_names
from desktop.check import run_checks
from desktop.common.permissions import Role
from desktop.love_bank.service import Basket, LoveBankService
from desktop.residents.service import ResidentForm


@pytest.fixture
def movements(any_db, make_actor):
    """One volunteer's points moved in every way the desk can move them; the ledger
    entry id made by each step, by its name."""
    co = make_actor(any_db, Role.COORDINATOR)
    s = LoveBankService(any_db.db, now=lambda: dt.datetime(2026, 11, 20, 10, 0))
    v = s.register_volunteer(co, any_db.residents.save(co, ResidentForm(name="张三")))
    rice = s.save_item(co, name="大米5kg", price=30, stock=5)
    haircut = s.save_item(co, name="理发服务", price=20, stock=5, kind="service", handed_over_later=True)
    steps: dict[str, int] = {}

    def last_entry() -> int:
        with any_db.db.engine.connect() as conn:
            return conn.execute(text("SELECT max(id) FROM ledger_entry")).scalar()

    s.approve(co, [s.record_service(co, v, dt.date(2026, 11, 19), 240)])
    steps["approve"] = last_entry()
    s.adjust(co, v, 100, "表彰")
    steps["adjust"] = last_entry()
    s.redeem(co, v, Basket({rice: 1}), "k-1")
    steps["redeem"] = last_entry()
    later = s.redeem(co, v, Basket({haircut: 1}), "k-2")
    steps["freeze"] = last_entry()
    s.hand_over(co, later)
    steps["hand_over"] = last_entry()
    cancelled = s.redeem(co, v, Basket({haircut: 1}), "k-3")
    s.cancel_redemption(co, cancelled, "不需要了")
    steps["cancel"] = last_entry()
    s.reverse_entry(co, steps["approve"], "录错了")
    steps["reversal"] = last_entry()
    assert len(set(steps.values())) == len(steps)
    return any_db, steps


def mirror_of(services, entry_id: int) -> dict:
    with services.db.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT action, entity_id, after, chain FROM audit_log WHERE entity = 'points'")
        )
        found = [(r, json.loads(r.after)) for r in rows if json.loads(r.after).get("entry") == entry_id]
    assert len(found) == 1, f"ledger entry {entry_id} has {len(found)} audit rows"
    return found[0][1]


def test_every_movement_is_mirrored_in_the_chain(movements):
    services, steps = movements
    with services.db.engine.connect() as conn:
        entries = {r.id: r for r in conn.execute(text("SELECT * FROM ledger_entry"))}
    for step, entry_id in steps.items():
        after = mirror_of(services, entry_id)
        entry = entries[entry_id]
        assert (after["delta"], after["frozen_delta"]) == (entry.delta, entry.frozen_delta), step
    assert run_checks(services.db) == []


@pytest.mark.parametrize("step", ["approve", "adjust", "redeem", "freeze", "hand_over", "cancel", "reversal"])
def test_a_movement_raised_together_with_the_balance_is_found(movements, step):
    services, steps = movements
    entry_id = steps[step]
    with services.db.engine.begin() as conn:
        for name in trigger_names("ledger_entry", services.db.dialect):
            conn.execute(text(drop_statement(conn, "ledger_entry", name)))
        conn.execute(text("UPDATE ledger_entry SET delta = delta + 500 WHERE id = :id"), {"id": entry_id})
        conn.execute(
            text(
                "UPDATE point_account SET available = available + 500 "
                "WHERE volunteer_id = (SELECT volunteer_id FROM ledger_entry WHERE id = :id)"
            ),
            {"id": entry_id},
        )
    problems = run_checks(services.db)
    assert f"ledger_entry id={entry_id}: delta differ from the audit log" in problems
    assert not any("point_account" in p or "balance" in p for p in problems)  # the cache agrees


def test_a_movement_slipped_in_is_found(movements):
    services, steps = movements
    with services.db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO ledger_entry (volunteer_id, at, kind, delta, frozen_delta, username, note) "
                "SELECT volunteer_id, at, 'adjust', 500, 0, username, '' FROM ledger_entry WHERE id = :id"
            ),
            {"id": steps["adjust"]},
        )
        forged = conn.execute(text("SELECT max(id) FROM ledger_entry")).scalar()
        conn.execute(text("UPDATE point_account SET available = available + 500"))
    assert f"ledger_entry id={forged}: not in the audit log" in run_checks(services.db)
