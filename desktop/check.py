"""``python main.py check``: integrity, append-only triggers, the audit chain and its
anchor, the request timeline and points ledger against the chain, the balances, the
funds of the service orders.

A composition module above the jobs: it asks each job's own consistency check (the
points ledger of the love bank, the address index of the register) and the database's,
so no job has to know another.

``check`` never creates, upgrades or changes what it checks (:func:`open_for_check`): a
SQLite file is opened read-only (``mode=ro``; ``immutable`` when no write-ahead log is
beside it, so not even a ``-shm`` file appears), a server in read-only transactions; a
missing path, an empty or foreign file, a damaged file and an old or newer revision are
each reported in plain words.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from db import admin, audit, audit_mirror, search_index
from db import settings as settings_repo
from db.engine import describe, is_sqlite, to_url
from db.errors import StorageError
from db.migrate import HEAD, current_revision, known_revisions
from db.triggers import disabled_triggers, missing_triggers
from db.uow import Database
from desktop.admin import chain_key
from desktop.love_bank import ledger
from desktop.orders import commitments


class CheckRefused(Exception):
    """The target cannot be checked: what it is, in plain words."""


@dataclass
class CheckReport:
    """What ``check`` found: ``refused`` (could not check at all) or ``problems``."""

    target: str
    problems: list[str] = field(default_factory=list)
    refused: str = ""
    notices: list[str] = field(default_factory=list)
    """What is not a problem but must be said (rows of a replaced audit key)."""

    @property
    def sound(self) -> bool:
        return not self.refused and not self.problems


def run_checks(db: Database) -> list[str]:
    """Problems found, in plain words; an empty list means the database is sound."""
    return run_checks_with_notices(db)[0]


def run_checks_with_notices(db: Database) -> tuple[list[str], list[str]]:
    """Problems found, and notices that are not problems (:func:`chain_notices`)."""
    problems: list[str] = []
    notices: list[str] = []
    if db.dialect == "sqlite":
        with db.engine.connect() as conn:
            problems += admin.sqlite_file_problems(conn)
    rev = current_revision(db.engine)
    if rev != HEAD:
        problems.append(f"schema revision {rev} is not the expected {HEAD}")
    with db.engine.connect() as conn:
        problems += [f"append-only trigger missing: {n}" for n in missing_triggers(conn)]
        problems += [f"append-only trigger disabled: {n}" for n in disabled_triggers(conn)]
        stale = search_index.mismatches(conn)
        if stale:
            problems.append(f"address search index out of date for {stale} residents")
    with db.reading() as uow:
        chain, said = chain_report(db, uow.session)
        problems += chain
        notices += said
        problems += audit_mirror.mismatches(uow.session.connection())
        problems += ledger.mismatches(uow.session)
        problems += commitments.mismatches(uow.session)
    return problems, notices


def chain_problems(db: Database, session: Session) -> list[str]:
    """The audit chain, verified with this PC's key, and held against this PC's anchor."""
    return chain_report(db, session)[0]


def chain_notices(retired: list[audit.RetiredRows]) -> list[str]:
    """Rows signed with a replaced (lost) key: checked by their links only — said, in
    Chinese, but not a problem (see :meth:`ChainKeyService.replace_key`)."""
    said = []
    for part in retired:
        when = part.replaced_at.replace("T", " ")[:16] or "?"
        said.append(
            f"第 {part.first}–{part.last} 条审计记录使用已更换的密钥签名，仅能核对链接，无法核对签名"
            f"（密钥于 {when} 由 {part.replaced_by or '?'} 更换）/ audit rows {part.first}–{part.last} "
            "were signed with a replaced key: only their links were checked"
        )
    return said


def chain_report(db: Database, session: Session) -> tuple[list[str], list[str]]:
    """Problems and notices of the audit chain, verified with every key this PC has of
    the database (its key and replaced ones kept beside it), and held against this PC's
    anchor."""
    centre_id = settings_repo.centre_id(session)
    found = chain_key.load_key(centre_id)
    report = audit.inspect_chain(
        session,
        key=found.key if found is not None else None,
        keyed_after=found.keyed_after if found is not None else None,
        other_keys=chain_key.keys_for(centre_id),
    )
    problems = report.problems
    anchored = chain_key.read_anchor(centre_id, chain_key.location_of(db))
    if anchored is not None and not audit.contains_head(session, anchored):
        head = audit.head(session)
        now = f"{head.count} rows" if head is not None else "no rows"
        problems.append(
            f"audit_log: the chain does not contain the head recorded on this PC "
            f"({anchored.count} rows, last hash {anchored.hash[:16]}…); it has {now} — "
            "rows at its end were removed or rewritten"
        )
    return problems, chain_notices(report.retired)


# --- opening without changing anything -----------------------------------------------------
def _sqlite_engine(path: Path) -> Engine:
    """A read-only engine on an existing SQLite file that creates nothing beside it."""
    wal = path.with_name(path.name + "-wal")
    uri = path.resolve().as_uri() + "?mode=ro" + ("" if wal.exists() else "&immutable=1")

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    return create_engine("sqlite://", creator=connect, poolclass=NullPool)


def _server_engine(url: str) -> Engine:
    return create_engine(
        url,
        poolclass=NullPool,
        connect_args={"connect_timeout": 10, "options": "-c default_transaction_read_only=on"},
    )


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    return lines[0] if lines else type(orig).__name__


def open_for_check(target: str | Path) -> Database:
    """The database at ``target``, opened read-only for checking; ``CheckRefused`` when it
    is missing, not a database of this program, damaged, unreachable, or of another
    schema revision (an old one needs the upgrade the program makes, after a backup)."""
    try:
        url = to_url(target)
        sqlite = is_sqlite(url)
    except (ArgumentError, ValueError) as exc:
        raise CheckRefused(f"not a database path or URL: {target}") from exc
    if sqlite:
        database = make_url(url).database
        if not database or database == ":memory:":
            raise CheckRefused(f"no database at {target}")
        path = Path(database)
        if not path.is_file():
            raise CheckRefused(f"no database at {path}")
        if path.stat().st_size == 0:
            raise CheckRefused(f"not a database of this program: {path} is an empty file")
        engine = _sqlite_engine(path)
    else:
        try:
            engine = _server_engine(url)
        except (ArgumentError, NoSuchModuleError, ValueError) as exc:
            raise CheckRefused(f"not a database URL this program can open: {describe(url)}") from exc
    try:
        _accept(engine, url)
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, url)


def _accept(engine: Engine, url: str) -> None:
    where = describe(url)
    try:
        tables = set(inspect(engine).get_table_names())
    except DBAPIError as exc:
        why = _first_line(exc)
        if "file is not a database" in why:
            raise CheckRefused(f"not a database of this program: {where} ({why})") from exc
        if is_sqlite(url):
            raise CheckRefused(f"the database file is damaged: {where} ({why})") from exc
        raise CheckRefused(f"cannot connect to the database server {where}: {why}") from exc
    if not admin.APP_TABLES <= tables:
        raise CheckRefused(f"not a database of this program: {where}")
    try:
        revision = current_revision(engine)
    except DBAPIError as exc:
        raise CheckRefused(f"the database is damaged: {where} ({_first_line(exc)})") from exc
    if revision == HEAD:
        return
    if revision not in known_revisions():
        raise CheckRefused(
            f"the database was written by a newer version of the program (revision {revision}); "
            "install the newer version to check it"
        )
    raise CheckRefused(
        f"the database needs an upgrade: it is at revision {revision}, this program expects {HEAD}. "
        "Open it in the program (a verified backup is made first), then check it again; "
        "it was left untouched"
    )


def check_target(target: str | Path) -> CheckReport:
    """Open ``target`` read-only and check it; never raises for a bad target."""
    report = CheckReport(str(target))
    try:
        db = open_for_check(target)
    except CheckRefused as exc:
        report.refused = str(exc)
        return report
    report.target = describe(db.url)
    try:
        report.problems, report.notices = run_checks_with_notices(db)
    except (DBAPIError, StorageError) as exc:
        why = _first_line(exc)
        what = "the database file is damaged" if db.dialect == "sqlite" else "the database could not be read"
        report.refused = f"{what}: {report.target} ({why})"
    finally:
        db.dispose()
    return report
