"""The visits job's tables (migration 0009): in the models' metadata and the database,
append-only where they are history, the "五必访" default rules written, and an installed
database of the previous revision upgrades (and downgrades) with its data."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

import db.models_visits
from db.engine import make_engine, to_url
from db.migrate import alembic_config, current_revision, set_sqlite_foreign_keys
from db.models import Base
from db.triggers import APPEND_ONLY_TABLES, missing_triggers

VISIT_TABLES = {"visit_rule", "visit", "visit_report", "visit_photo", "visit_summary", "grid_worker"}


def test_the_tables_are_in_the_metadata_and_the_database(any_db):
    assert VISIT_TABLES <= set(Base.metadata.tables)
    assert VISIT_TABLES <= set(inspect(any_db.db.engine).get_table_names())


def test_the_migration_env_loads_the_visits_models():
    env = (db.models_visits.__file__.rsplit("/", 1)[0]) + "/migrations/env.py"
    with open(env, encoding="utf-8") as f:
        assert "import db.models_visits" in f.read()


def test_visits_are_append_only_and_the_defaults_are_written(any_db):
    assert {"visit", "visit_report", "visit_photo"} <= set(APPEND_ONLY_TABLES)
    with any_db.db.engine.connect() as conn:
        assert missing_triggers(conn) == []
        rules = conn.execute(text("SELECT tag_name, frequency, phone_counts FROM visit_rule")).all()
    assert {(n, f, bool(p)) for n, f, p in rules} == {
        (n, "monthly", False) for n in ("困难家庭", "重点帮扶", "失业人员", "独居老人", "流动党员")
    }


def test_the_database_refuses_an_unknown_frequency_or_method(any_db):
    with pytest.raises(IntegrityError):
        with any_db.db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO visit_rule (tag_name, frequency, phone_counts) VALUES ('x', 'daily', false)"
                )
            )


@pytest.mark.slow
def test_a_database_of_revision_0008_upgrades_with_its_residents_and_back(tmp_path):
    path = tmp_path / "old.sqlite3"
    url = to_url(path)
    engine = make_engine(url)
    with engine.connect() as conn:
        set_sqlite_foreign_keys(conn, on=False)
        with conn.begin():
            cfg = alembic_config(url)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0008")
        set_sqlite_foreign_keys(conn, on=True)
    now = dt.datetime(2026, 12, 1, 9, 0)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO resident (name, name_initials, gender, address, notes, archived, created_at,"
                " updated_at) VALUES ('张三', 'zs', '男', '幸福家园', '', false, :now, :now)"
            ),
            {"now": now},
        )
    with engine.connect() as conn:
        set_sqlite_foreign_keys(conn, on=False)
        with conn.begin():
            cfg = alembic_config(url)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0009")
            assert missing_triggers(conn) == []
            assert conn.execute(text("SELECT count(*) FROM visit_rule")).scalar() == 5
            assert conn.execute(text("SELECT name FROM resident")).scalars().all() == ["张三"]
            command.downgrade(cfg, "0008")
            assert "visit" not in inspect(conn).get_table_names()
        set_sqlite_foreign_keys(conn, on=True)
    assert current_revision(engine) == "0008"
    engine.dispose()
