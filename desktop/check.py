"""``python main.py check``: integrity, append-only triggers, the audit chain, the ledger,
the funds of the service orders.

A composition module above the jobs: it asks each job's own consistency check (the
points ledger of the love bank, the address index of the register) and the database's,
so no job has to know another.
"""

from __future__ import annotations

from db import admin, audit, search_index
from db.migrate import current_revision, head_revision
from db.triggers import missing_triggers
from db.uow import Database
from desktop.love_bank import ledger
from desktop.orders import commitments


def run_checks(db: Database) -> list[str]:
    """Problems found, in plain words; an empty list means the database is sound."""
    problems: list[str] = []
    if db.dialect == "sqlite":
        with db.engine.connect() as conn:
            problems += admin.sqlite_file_problems(conn)
    rev = current_revision(db.engine)
    if rev != head_revision():
        problems.append(f"schema revision {rev} is not the expected {head_revision()}")
    with db.engine.connect() as conn:
        problems += [f"append-only trigger missing: {n}" for n in missing_triggers(conn)]
        stale = search_index.mismatches(conn)
        if stale:
            problems.append(f"address search index out of date for {stale} residents")
    with db.reading() as uow:
        problems += audit.verify_chain(uow.session)
        problems += ledger.mismatches(uow.session)
        problems += commitments.mismatches(uow.session)
    return problems
