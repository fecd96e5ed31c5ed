"""Engines and sessions for a SQLite file or a PostgreSQL server.

SQLite is opened in WAL mode with ``synchronous=FULL``, foreign keys on and a busy
timeout. pysqlite's own transaction handling is switched off so that we emit BEGIN
ourselves: read sessions use a plain (deferred) BEGIN, write sessions BEGIN IMMEDIATE,
which takes the write lock up front. Without it two desks could both read a value and
both write on top of it; SQLAlchemy's ``with_for_update`` is a no-op on SQLite.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000
WRITE_OPTION = "begin_mode"


def to_url(db: str | Path) -> str:
    """Turn ``--db`` input (a file path or a SQLAlchemy URL) into a URL."""
    text = str(db)
    if "://" in text:
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def describe(url: str) -> str:
    """A short, password-free description of the database for the status bar."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return u.database or ":memory:"
    return u.render_as_string(hide_password=True)


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """Create an engine with the pragmas and BEGIN handling this application relies on."""
    if is_sqlite(url):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            echo=echo,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection, _record):  # pragma: no cover - trivial
            dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
            cur = dbapi_connection.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn):
            mode = conn.get_execution_options().get(WRITE_OPTION, "DEFERRED")
            conn.exec_driver_sql(f"BEGIN {mode}")

        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


def session_factory(engine: Engine, *, write: bool) -> sessionmaker[Session]:
    """Sessions for reading, or for writing (BEGIN IMMEDIATE on SQLite)."""
    bind = engine.execution_options(**{WRITE_OPTION: "IMMEDIATE"}) if write else engine
    return sessionmaker(bind=bind, expire_on_commit=False)
