"""Copying a SQLite database into an empty PostgreSQL database (the move to a server).

Everything happens in ONE PostgreSQL transaction: the schema is created by the
migrations (PostgreSQL's DDL is transactional), every table is copied in dependency
order in batches, the sequences are set past the copied ids, and the copy is checked
before the commit. A failure or a cancel rolls all of it back, so the server database
is exactly as empty as before; a half-copied centre can never be opened.

The source is opened read-only (``mode=ro``) inside one read transaction, so the copy
is a consistent snapshot even while the program is using the file, and the file is
never written. Rows are read and written through the models' column types (dates,
booleans, JSON), and the append-only tables keep their triggers while they are copied:
the triggers refuse changes, not inserts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import (
    BigInteger,
    Boolean,
    Connection,
    Integer,
    MetaData,
    Numeric,
    SmallInteger,
    Table,
    create_engine,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from db.audit import Head, verify_chain
from db.audit import count as audit_count
from db.audit import head as audit_head
from db.locks import LockKey
from db.migrate import alembic_config
from db.models import Base
from db.triggers import APPEND_ONLY_TABLES, missing_triggers


def _load_every_model() -> None:
    """Import every ``db.models_*`` module, so ``Base.metadata`` knows every job's tables."""
    import importlib
    import pkgutil

    import db

    for module in pkgutil.iter_modules(db.__path__):
        if module.name.startswith("models_"):
            importlib.import_module(f"db.{module.name}")


_load_every_model()

BATCH = 2000
SKIPPED = ("alembic_version",)
"""Tables the migrations fill themselves."""


class Stop(Exception):
    """Raised inside the copy when the caller asks to stop; everything is rolled back."""


@dataclass(frozen=True)
class TableFigures:
    """A table's row count and the sums of its number columns (a cheap content check)."""

    name: str
    rows: int
    sums: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class CopyResult:
    source: tuple[TableFigures, ...]
    target: tuple[TableFigures, ...]
    revision: str
    audit_rows: int
    audit_problems: tuple[str, ...]
    missing_triggers: tuple[str, ...]
    ledger: tuple[tuple[str, int, int], ...]
    """(what, source total, target total): points in the ledger and cached balances."""
    head: Head | None = None
    """The audit chain's head on the copy (to anchor it outside the database)."""


Report = Callable[[int, int, str], None]


def sqlite_path(url: str) -> Path | None:
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


@contextmanager
def read_only_snapshot(path: Path) -> Iterator[Connection]:
    """A read transaction on the SQLite file at ``path`` that cannot write to it."""

    # A file nobody has open (no -wal/-shm beside it) is read as immutable: a read-only
    # connection in WAL mode would otherwise leave new -wal/-shm files behind. A file in
    # use (the program has it open) is read through its WAL, read-only.
    in_use = any(path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-shm"))
    mode = "mode=ro" if in_use else "immutable=1"

    def connect() -> sqlite3.Connection:
        where = quote(path.as_posix(), safe="/:")
        conn = sqlite3.connect(f"file:{where}?{mode}", uri=True, check_same_thread=False)
        conn.isolation_level = None  # BEGIN is ours: one snapshot for every table
        return conn

    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("BEGIN")
            try:
                yield conn
            finally:
                conn.exec_driver_sql("ROLLBACK")
    finally:
        engine.dispose()


def user_tables(conn: Connection) -> list[str]:
    return [t for t in inspect(conn).get_table_names() if t not in SKIPPED]


def schema_objects(conn: Connection) -> list[str]:
    """Tables, views and sequences in the current schema (empty for an empty database)."""
    insp = inspect(conn)
    names = insp.get_table_names() + insp.get_view_names()
    if conn.dialect.name == "postgresql":
        names += insp.get_sequence_names()
    return sorted(names)


def migrate_to_head(conn: Connection) -> None:
    """Create the schema at head on ``conn``, inside its open transaction."""
    from alembic import command

    cfg = alembic_config(conn.engine.url.render_as_string(hide_password=False))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")


def _copy_tables(target: Connection) -> list[Table]:
    """The target's tables in dependency order, each as the model's table when there is
    one (its column types read SQLite's text dates and 0/1 booleans right)."""
    reflected = MetaData()
    reflected.reflect(bind=target)
    tables = []
    for table in reflected.sorted_tables:
        if table.name in SKIPPED:
            continue
        model = Base.metadata.tables.get(table.name)
        if model is not None and set(model.c.keys()) == set(table.c.keys()):
            tables.append(model)
        else:
            tables.append(table)
    return tables


def _number_columns(table: Table) -> list[str]:
    return [
        c.name
        for c in table.columns
        if isinstance(c.type, Integer | BigInteger | SmallInteger | Numeric)
        and not isinstance(c.type, Boolean)
    ]


def figures(conn: Connection, table: Table) -> TableFigures:
    columns = _number_columns(table)
    row = conn.execute(
        select(func.count(), *[func.coalesce(func.sum(table.c[c]), 0) for c in columns]).select_from(table)
    ).one()
    return TableFigures(
        table.name, int(row[0]), tuple((c, int(v)) for c, v in zip(columns, row[1:], strict=True))
    )


def _order(table: Table):
    return [c for c in table.primary_key.columns] or list(table.columns)


def _copy_table(
    source: Connection,
    target: Connection,
    table: Table,
    *,
    done: int,
    total: int,
    report: Report,
    should_stop: Callable[[], bool],
) -> int:
    names = [c.name for c in table.columns]
    result = source.execution_options(yield_per=BATCH).execute(select(table).order_by(*_order(table)))
    for rows in result.partitions(BATCH):
        if should_stop():
            raise Stop()
        target.execute(table.insert(), [dict(zip(names, row, strict=True)) for row in rows])
        done += len(rows)
        report(done, total, table.name)
    return done


def clear_seeded_rows(target: Connection, tables: list[Table]) -> None:
    """Empty the tables a migration filled with starting rows (e.g. default rules): the
    source has them too, as the centre left them, and they are copied with the rest.
    Append-only tables are never seeded (their triggers would refuse the delete)."""
    for table in reversed(tables):
        if table.name not in APPEND_ONLY_TABLES and target.execute(select(table).limit(1)).first():
            target.execute(table.delete())


def reset_sequences(target: Connection, tables: list[Table]) -> None:
    """Set each id sequence past the highest copied id, so the next new row does not
    collide with a copied one."""
    for table in tables:
        for column in table.primary_key.columns:
            seq = target.execute(
                text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column.name}
            ).scalar()
            if seq is None:
                continue
            top = target.execute(select(func.max(table.c[column.name]))).scalar()
            target.execute(
                text("SELECT setval(CAST(:s AS regclass), :v, :called)"),
                {"s": seq, "v": top if top is not None else 1, "called": top is not None},
            )


def _ledger(conn: Connection) -> dict[str, int]:
    """The points totals a centre would notice: the ledger's and the cached balances'."""
    out: dict[str, int] = {}
    names = set(inspect(conn).get_table_names())
    if "ledger_entry" in names:
        row = conn.execute(
            text("SELECT coalesce(sum(delta),0), coalesce(sum(frozen_delta),0) FROM ledger_entry")
        ).one()
        out["ledger_available"], out["ledger_frozen"] = int(row[0]), int(row[1])
    if "point_account" in names:
        row = conn.execute(
            text("SELECT coalesce(sum(available),0), coalesce(sum(frozen),0) FROM point_account")
        ).one()
        out["balance_available"], out["balance_frozen"] = int(row[0]), int(row[1])
    return out


def copy_sqlite_to_postgresql(
    source_path: Path,
    target_url: str,
    *,
    report: Report,
    should_stop: Callable[[], bool],
    before_commit: Callable[[CopyResult], None],
    audit_key: bytes | None = None,
    keyed_after: int | None = None,
) -> CopyResult:
    """Copy the SQLite file into the (empty) PostgreSQL database at ``target_url``.

    ``report(done, total, table)`` hears each batch; ``should_stop()`` is asked between
    batches (True: :class:`Stop` is raised and nothing is kept). ``before_commit`` sees
    the checked copy and may raise to refuse it (then nothing is kept either).
    ``audit_key`` and ``keyed_after`` (this PC's key file) verify the keyed audit rows;
    the rows are copied verbatim, so their hashes stay valid on the server.
    """
    engine = create_engine(target_url, poolclass=NullPool, connect_args={"connect_timeout": 10})
    try:
        with read_only_snapshot(source_path) as source, engine.connect() as target, target.begin():
            # One mover at a time; a second waits here, then finds the database not empty.
            target.execute(select(func.pg_advisory_xact_lock(int(LockKey.MOVE_TO_SERVER))))
            if schema_objects(target):
                raise NotEmpty(schema_objects(target))
            migrate_to_head(target)
            tables = _copy_tables(target)
            clear_seeded_rows(target, tables)
            source_names = set(inspect(source).get_table_names())
            missing = [t.name for t in tables if t.name not in source_names]
            if missing:
                raise SchemaMismatch(missing)
            source_figures = [figures(source, t) for t in tables]
            total = sum(f.rows for f in source_figures)
            done = 0
            report(0, total, "")
            for table in tables:
                done = _copy_table(
                    source, target, table, done=done, total=total, report=report, should_stop=should_stop
                )
            reset_sequences(target, tables)
            session = Session(bind=target)
            try:
                problems = tuple(verify_chain(session, key=audit_key, keyed_after=keyed_after))
                audit_rows = audit_count(session)
                chain_head = audit_head(session)
            finally:
                session.close()
            src_ledger, dst_ledger = _ledger(source), _ledger(target)
            result = CopyResult(
                source=tuple(source_figures),
                target=tuple(figures(target, t) for t in tables),
                revision=current_revision_on(target),
                audit_rows=audit_rows,
                audit_problems=problems,
                missing_triggers=tuple(missing_triggers(target)),
                ledger=tuple((k, src_ledger[k], dst_ledger.get(k, 0)) for k in src_ledger),
                head=chain_head,
            )
            if should_stop():
                raise Stop()
            before_commit(result)
            return result
    finally:
        engine.dispose()


def current_revision_on(conn: Connection) -> str:
    return str(conn.execute(text("SELECT version_num FROM alembic_version")).scalar())


def source_identity(path: Path) -> tuple[str, str]:
    """The centre id stamped in the SQLite file and its audit key's fingerprint ('' for
    none; read-only)."""
    from db import settings as settings_repo
    from db.audit import key_check

    with read_only_snapshot(path) as conn, Session(bind=conn) as session:
        return settings_repo.centre_id(session), key_check(session)


def source_revision(path: Path) -> str | None:
    """The schema revision of the SQLite file (read-only)."""
    with read_only_snapshot(path) as conn:
        if "alembic_version" not in inspect(conn).get_table_names():
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


class NotEmpty(Exception):
    def __init__(self, names: list[str]):
        super().__init__(", ".join(names[:10]))
        self.names = names


class SchemaMismatch(Exception):
    def __init__(self, names: list[str]):
        super().__init__(", ".join(names))
        self.names = names


__all__ = [
    "BATCH",
    "CopyResult",
    "NotEmpty",
    "SchemaMismatch",
    "Stop",
    "TableFigures",
    "copy_sqlite_to_postgresql",
    "source_revision",
    "sqlite_path",
]
