"""Storage failures, named: what went wrong with the database itself, not with a rule.

SQLite and PostgreSQL report a locked file, a lost connection, a full disk or a
read-only file as driver exceptions with English texts. The unit of work turns them
into one :class:`StorageError` with a :class:`StorageProblem`, so the screens can say
in plain Chinese what happened and that nothing was half-written (the transaction was
rolled back), and the app carries on when the database is back.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum


class StorageProblem(StrEnum):
    LOCKED = "locked"
    """Another program holds the SQLite file longer than the busy timeout."""
    CONNECTION_LOST = "connection_lost"
    """The PostgreSQL server cannot be reached or dropped the connection."""
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    """The file or the server accepts no writes."""
    DAMAGED = "damaged"
    """The database file is not a database or is corrupt."""


class StorageError(Exception):
    """The database could not do what was asked; nothing of this unit of work was kept."""

    def __init__(self, problem: StorageProblem, detail: str = ""):
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem
        self.detail = detail


_SIGNS: tuple[tuple[StorageProblem, tuple[str, ...]], ...] = (
    (StorageProblem.LOCKED, ("database is locked", "database table is locked", "lock timeout")),
    (StorageProblem.DISK_FULL, ("database or disk is full", "no space left on device", "disk full")),
    (
        StorageProblem.READ_ONLY,
        ("readonly database", "read-only", "read only sql transaction", "unable to open database file"),
    ),
    (StorageProblem.DAMAGED, ("malformed", "file is not a database", "disk i/o error")),
    (
        StorageProblem.CONNECTION_LOST,
        (
            "server closed the connection",
            "connection refused",
            "could not connect",
            "connection is closed",
            "terminating connection",
            "connection timeout",
            "consuming input failed",
            "the connection is lost",
            "ssl syscall error",
        ),
    ),
)


def classify(error: BaseException) -> StorageProblem | None:
    """The storage problem behind a driver error, or None for any other error."""
    if isinstance(error, StorageError):
        return error.problem
    # Imported here, not at the top: the screens import the error types before the
    # login window paints, and SQLAlchemy is loaded behind it (see ui.shell.app).
    from sqlalchemy import exc as sa_exc

    if not isinstance(error, sa_exc.DBAPIError):
        return None
    text = str(error.orig if error.orig is not None else error).lower()
    for problem, signs in _SIGNS:
        if any(sign in text for sign in signs):
            return problem
    if error.connection_invalidated or isinstance(error, sa_exc.InterfaceError):
        return StorageProblem.CONNECTION_LOST
    state = getattr(error.orig, "sqlstate", None) or ""
    if state == "53100":
        return StorageProblem.DISK_FULL
    if state == "25006":
        return StorageProblem.READ_ONLY
    if state.startswith("08") or state in ("57P01", "57P02", "57P03"):
        return StorageProblem.CONNECTION_LOST  # connection exception, server shut down
    if (
        isinstance(error, sa_exc.OperationalError)
        and not state
        and type(error.orig).__module__.startswith("psycopg")
    ):
        return StorageProblem.CONNECTION_LOST  # psycopg's OperationalError without a SQL state: the link
    return None


ErrorFactory = Callable[[StorageProblem, str], StorageError]
"""Builds the exception a unit of work raises; ``desktop`` gives one with a user message."""


def as_storage_error(error: BaseException, factory: ErrorFactory = StorageError) -> StorageError | None:
    """The storage error to raise for a driver error, or None if it is not one."""
    problem = classify(error)
    if problem is None:
        return None
    if isinstance(error, StorageError):
        return error
    lines = str(getattr(error, "orig", None) or error).strip().splitlines()
    return factory(problem, lines[0] if lines else "")
