"""Which programs have a database file open: a presence lock per process, for restores.

A restore replaces the database file. A program that still has the old file open would
go on writing into a file nobody reads again, and its users would be told each save
succeeded. So every process that opens a SQLite database holds an exclusive lock on a
small file of its own in ``<database>.desks/`` for as long as its engine is open, and a
restore goes ahead only when it can take every lock in that folder (a lock it can take
belongs to a program that has ended: its file is removed).

``gate.lock`` in the same folder closes the gap between a restore's look and its
replace: a program starting up takes the gate while it makes its presence file, a
restore holds it from the look until the new file is in place.

The locks are the operating system's (``fcntl.flock`` / ``msvcrt.locking``): they go
away with the process, however it ends.
"""

from __future__ import annotations

import os
import secrets
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url

from desktop.common.errors import DomainError
from desktop.common.i18n import N_

GATE = "gate.lock"
WAIT_FOR_GATE_S = 30.0
"""How long a starting program waits while a restore holds the gate."""


def desks_folder(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".desks")


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL (None for a server or an in-memory database)."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


# --- the operating system's lock --------------------------------------------------------
def _try_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Windows
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _same_file(handle: IO[bytes], path: Path) -> bool:
    """Whether the locked handle is still the file at ``path`` (not one removed meanwhile)."""
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.stat(path))
    except OSError:
        return False


def _take_gate(folder: Path, wait_s: float) -> IO[bytes] | None:
    """The gate's lock (waiting up to ``wait_s``), or None if it stayed taken."""
    deadline = time.monotonic() + wait_s
    while True:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / GATE, "a+b")  # noqa: SIM115 - held until released
        if _try_lock(handle):
            if _same_file(handle, folder / GATE):
                return handle
            _unlock(handle)  # removed by a program tidying up: take the new one
        handle.close()
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.05)


def _drop_gate(handle: IO[bytes]) -> None:
    _unlock(handle)
    handle.close()


# --- a program's presence ---------------------------------------------------------------
class DeskPresence:
    """This process's lock on its presence file; :meth:`release` when the database closes."""

    def __init__(self, path: Path, handle: IO[bytes]):
        self.path = path
        self._handle: IO[bytes] | None = handle

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        _unlock(handle)
        handle.close()
        try:
            self.path.unlink(missing_ok=True)
        except OSError:  # pragma: no cover - Windows, someone looking at it
            return
        _tidy(self.path.parent)


def _tidy(folder: Path) -> None:
    """Remove the folder when no program is left in it (so nothing stays beside the file)."""
    if not folder.is_dir() or any(p.name != GATE for p in folder.glob("*")):
        return
    gate = _take_gate(folder, 0)
    if gate is None:
        return
    try:
        if not any(p.name != GATE for p in folder.glob("*")):
            (folder / GATE).unlink(missing_ok=True)
            folder.rmdir()
    except OSError:  # pragma: no cover - Windows keeps open files, or a program came in
        pass
    finally:
        _drop_gate(gate)


def announce(db_path: Path, *, wait_s: float = WAIT_FOR_GATE_S) -> DeskPresence:
    """Take this process's presence lock for the database file ``db_path``."""
    folder = desks_folder(db_path)
    try:
        gate = _take_gate(folder, wait_s)
    except OSError:
        # A read-only folder: this program cannot be seen by a restore, and it cannot
        # write there either; the database itself will say so if it matters.
        return DeskPresence(folder / "none", open(os.devnull, "rb"))  # noqa: SIM115
    if gate is None:
        raise DomainError(
            N_("The database is being restored from a backup right now. Please wait a minute and try again.")
        )
    try:
        name = f"{_this_process()}{secrets.token_hex(3)}.lock"
        path = folder / name
        handle = open(path, "a+b")  # noqa: SIM115 - held while the database is open
        if not _try_lock(handle):  # pragma: no cover - a fresh random name
            handle.close()
            raise DomainError(N_("The database could not be opened: {why}"), why=f"lock {path}")
        return DeskPresence(path, handle)
    finally:
        _drop_gate(gate)


def hold_while_open(engine: Engine, url: str) -> DeskPresence | None:
    """Announce this process on a SQLite file until ``engine`` is disposed."""
    path = sqlite_path(url)
    if path is None:
        return None
    presence = announce(path)
    event.listen(engine, "engine_disposed", lambda _engine: presence.release())
    return presence


def _this_process() -> str:
    return f"{socket.gethostname()}-{os.getpid()}-"


def other_desks(db_path: Path, *, skip_this_process: bool = False) -> list[str]:
    """The presence files of other live programs; files of ended programs are removed.

    Call with the gate held (:func:`sole_user`)."""
    folder = desks_folder(db_path)
    busy: list[str] = []
    mine = _this_process()
    for path in sorted(folder.glob("*.lock")) if folder.is_dir() else []:
        if path.name == GATE or (skip_this_process and path.name.startswith(mine)):
            continue
        try:
            handle = open(path, "a+b")  # noqa: SIM115
        except OSError:
            busy.append(path.stem)
            continue
        try:
            if _try_lock(handle):  # its program has ended
                _unlock(handle)
                handle.close()
                path.unlink(missing_ok=True)
            else:
                busy.append(path.stem)
        finally:
            handle.close()
    return busy


@contextmanager
def sole_user(db_path: Path, *, skip_this_process: bool = False) -> Iterator[None]:
    """Hold the gate while no other program has the file open; refuse otherwise.

    ``skip_this_process``: this process's own presence does not count (the caller closes
    its database inside the block, before it replaces the file)."""
    folder = desks_folder(db_path)
    gate = _take_gate(folder, 5.0)
    if gate is None:
        raise DomainError(N_("Another program is opening or restoring this database. Please try again."))
    try:
        busy = other_desks(db_path, skip_this_process=skip_this_process)
        if busy:
            raise DomainError(
                N_(
                    "The database is open in {count} other program(s) ({names}). Close the program on "
                    "every PC and window that uses it, then restore again; nothing was changed."
                ),
                count=len(busy),
                names=", ".join(name.rsplit("-", 2)[0] for name in busy),
            )
        yield
    finally:
        _drop_gate(gate)
        _tidy(folder)
