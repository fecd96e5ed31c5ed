"""Revision 0008 (several desks at once): a database of 0007 with residents upgrades — each
resident gets version 1, the change counter and the shared file store exist — and the
step back to 0007 leaves the residents as they were."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from db.engine import make_engine
from db.migrate import alembic_config


def test_0008_upgrades_a_0007_database_with_residents_and_steps_back(any_url):
    cfg = alembic_config(any_url)
    command.upgrade(cfg, "0007")
    engine = make_engine(any_url)
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO resident (name, name_initials, gender, address, notes, archived,"
                    " created_at, updated_at) VALUES ('张三', 'zs', '男', '幸福家园', '', false,"
                    " '2026-01-01 09:00:00', '2026-01-01 09:00:00')"
                )
            )
        command.upgrade(cfg, "0008")
        tables = set(inspect(engine).get_table_names())
        assert {"stored_file", "change_counter"} <= tables
        with engine.connect() as conn:
            assert conn.execute(text("SELECT name, version FROM resident")).all() == [("张三", 1)]
        command.downgrade(cfg, "0007")
        inspector = inspect(engine)
        assert not {"stored_file", "change_counter"} & set(inspector.get_table_names())
        assert "version" not in {c["name"] for c in inspector.get_columns("resident")}
        with engine.connect() as conn:
            assert conn.execute(text("SELECT name FROM resident")).scalars().all() == ["张三"]
    finally:
        engine.dispose()
