"""Alembic environment: batch mode for SQLite, the app's engine settings for both."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

import db.models_orders  # noqa: F401  (the orders job's tables, into Base.metadata)
import db.models_reports  # noqa: F401  (the reports job's tables and indexes)
import db.models_visits  # noqa: F401  (the visits job's tables)
from db.engine import make_engine
from db.migrate import set_sqlite_foreign_keys
from db.models import Base

config = context.config
target_metadata = Base.metadata


def include_name(name, type_, parent_names) -> bool:
    # The FTS5 address index and its shadow tables are managed by db.search_index.
    return not (type_ == "table" and name and name.startswith("resident_address_fts"))


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    # The caller may hand over a Connection (db.migrate, inside its transaction) or an
    # Engine (pytest-alembic); without either, connect to the configured URL.
    connectable = config.attributes.get("connection")
    if isinstance(connectable, Connection):
        _run(connectable)
        return
    engine = connectable or make_engine(config.get_main_option("sqlalchemy.url"))
    try:
        with engine.connect() as conn:
            sqlite = conn.dialect.name == "sqlite"
            if sqlite:  # as db.migrate does: batch rebuilds of referenced tables need it off
                set_sqlite_foreign_keys(conn, on=False)
            try:
                _run(conn)
            finally:
                if sqlite:
                    set_sqlite_foreign_keys(conn, on=True)
    finally:
        if connectable is None:
            engine.dispose()


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
