"""Revision 0007 on a database of the previous release: its audit rows keep their plain
hashes, the timeline and ledger written so far are sealed by digest (the older release
named no event in its audit rows), the new triggers exist — and the database checks
sound, while an edit of the old history still shows."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from alembic import command
from sqlalchemy import text

from db import audit
from db.engine import make_engine
from db.migrate import alembic_config, set_sqlite_foreign_keys
from db.triggers import drop_statement, missing_triggers, trigger_names
from desktop.check import run_checks
from desktop.common.permissions import Role
from desktop.opening import open_database


def previous_release(path, make_actor, monkeypatch) -> None:
    """A database at 0006 with a request's events and points movements, its audit rows
    all plain SHA-256 (the older release had no key)."""
    from desktop.admin.chain_key import ChainKeyService
    from desktop.love_bank.service import LoveBankService
    from desktop.requests import reference_data
    from desktop.requests.service import RequestForm, RequestService
    from desktop.residents.service import ResidentForm

    with monkeypatch.context() as m:
        m.setattr(ChainKeyService, "ensure_key", lambda self, actor: None)
        services = open_database(path, backup_dir=None)
        try:
            with services.db.writing() as uow:
                reference_data.seed(uow.session)
                uow.commit()
            co = make_actor(services, Role.COORDINATOR)
            desk = make_actor(services, Role.FRONT_DESK)
            resident = services.residents.save(co, ResidentForm(name="张三", address="幸福家园"))
            bank = LoveBankService(services.db, now=lambda: dt.datetime(2026, 10, 20, 10, 0))
            v = bank.register_volunteer(co, resident)
            bank.approve(co, [bank.record_service(co, v, dt.date(2026, 10, 19), 120)])
            bank.adjust(co, v, 5, "表彰")
            with services.db.engine.connect() as conn:
                category = conn.execute(text("SELECT id FROM category WHERE name = '垃圾清运'")).scalar()
            RequestService(
                services.db, path.parent / "att", now=lambda: dt.datetime(2026, 10, 20, 9, 0)
            ).register(
                desk,
                RequestForm(
                    resident_id=resident,
                    channel="walk_in",
                    category_id=category,
                    description="楼道灯坏了",
                    urgency="green",
                    level="community",
                ),
            )
        finally:
            services.db.dispose()
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    with engine.connect() as conn:
        set_sqlite_foreign_keys(conn, on=False)
        with conn.begin():
            cfg = alembic_config(url)
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0006")
    engine.dispose()


def test_the_upgrade_seals_the_history_and_keeps_the_old_hashes(tmp_path, make_actor, monkeypatch):
    path = tmp_path / "centre.sqlite3"
    previous_release(path, make_actor, monkeypatch)
    conn = sqlite3.connect(path)
    old = conn.execute("SELECT id, hash FROM audit_log ORDER BY id").fetchall()
    conn.close()
    services = open_database(path, backup_dir=tmp_path / "backups")
    try:
        with services.db.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT id, hash, chain, action, after FROM audit_log ORDER BY id")
            ).all()
            assert missing_triggers(conn) == []
        assert [(r.id, r.hash) for r in rows[: len(old)]] == old
        assert {r.chain for r in rows[: len(old)]} == {audit.PLAIN}
        seal = rows[len(old)]
        assert (seal.action, seal.chain) == ("seal", audit.PLAIN)
        sealed = json.loads(seal.after)
        assert sealed["request_event"]["count"] == 1 and sealed["ledger_entry"]["count"] == 2
        assert run_checks(services.db) == []

        desk = make_actor(services, Role.FRONT_DESK)  # written after the upgrade: keyed
        assert desk is not None
        with services.db.engine.connect() as conn:
            assert (
                conn.execute(text("SELECT chain FROM audit_log ORDER BY id DESC LIMIT 1")).scalar()
                == audit.KEYED
            )
        assert run_checks(services.db) == []

        with services.db.engine.begin() as conn:
            for name in trigger_names("ledger_entry", "sqlite"):
                conn.execute(text(drop_statement(conn, "ledger_entry", name)))
            conn.execute(text("UPDATE ledger_entry SET delta = delta + 500 WHERE id = 1"))
            conn.execute(text("UPDATE point_account SET available = available + 500"))
        problems = run_checks(services.db)
        assert any(p.startswith("ledger_entry ids 1–2: rows differ from the digest sealed") for p in problems)
    finally:
        services.db.dispose()


def test_downgrade_and_upgrade_again(any_url):
    cfg = alembic_config(any_url)
    command.upgrade(cfg, "head")
    command.downgrade(cfg, "0006")
    command.upgrade(cfg, "head")
    engine = make_engine(any_url)
    try:
        with engine.connect() as conn:
            assert missing_triggers(conn) == []
            assert conn.execute(text("SELECT count(*) FROM audit_log WHERE chain = 1")).scalar() == 0
    finally:
        engine.dispose()
