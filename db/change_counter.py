"""What other desks changed: a version per topic, raised in the writing transaction.

:mod:`db.changes` tells this process what its own commits changed. A centre with several
PCs on one PostgreSQL server (or two programs on one SQLite file) also needs to hear the
commits of the *other* processes. Every write unit raises, just before it commits and in
the same transaction, the version of each topic it touched in the ``change_counter`` table
(:func:`bump`); a :class:`ChangeWatcher` reads ``SELECT topic, version`` every few seconds
and publishes a :class:`~db.changes.Changes` for each topic whose version moved (ids
unknown: ``everything``) on the database's change bus, where pages hear it like their own
process's changes.

Why a counter and not PostgreSQL's LISTEN/NOTIFY: it works the same on both backends, needs
no dedicated connection that can silently die with the network, cannot miss a change while
a PC was asleep or reconnecting (the next poll compares versions), and one indexed read of
a table of a few dozen rows every 3 s costs nothing. The counter rows are locked only from
the bump to the commit, in topic order and before the audit chain's lock (the chain is
written in ``before_commit``), so writers cannot deadlock on them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import Any, Protocol, cast

from sqlalchemy import Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from db.changes import ChangeBus, Changes, Topic
from db.models import ChangeCounter

log = logging.getLogger(__name__)

REFRESH_SECONDS = 3.0
"""How often a desk asks whether another desk changed something (the default)."""

_table = cast(Table, ChangeCounter.__table__)


def bump(session: Session, topics: Iterable[str]) -> dict[str, int]:
    """Raise the version of each topic (creating its row at 1); the new versions.

    Runs on the session's connection, not through ``Session.execute``, so the change
    collector does not take the counter itself for a change.
    """
    conn = session.connection()
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    versions: dict[str, int] = {}
    for topic in sorted(set(topics)):  # one order for every writer: no deadlocks
        upsert = (
            insert(_table)
            .values(topic=topic, version=1)
            .on_conflict_do_update(index_elements=[_table.c.topic], set_={"version": _table.c.version + 1})
            .returning(_table.c.version)
        )
        versions[topic] = int(conn.execute(upsert).scalar_one())
    return versions


def read_versions(session: Session) -> dict[str, int]:
    """Every topic's version."""
    rows = session.connection().execute(select(_table.c.topic, _table.c.version))
    return {topic: int(version) for topic, version in rows}


class KnownVersions:
    """The versions this process has seen (its own commits and the polls), thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._versions: dict[str, int] | None = None

    def note_own(self, versions: dict[str, int]) -> None:
        """Versions this process's own commit set: already announced, not news."""
        with self._lock:
            if self._versions is not None:
                for topic, version in versions.items():
                    self._versions[topic] = max(version, self._versions.get(topic, 0))

    def news(self, current: dict[str, int]) -> frozenset[str]:
        """The topics whose version differs from the last seen one (none on the first
        call, which only learns where things stand); remembers ``current``."""
        with self._lock:
            before, self._versions = self._versions, dict(current)
        if before is None:
            return frozenset()
        # Any difference counts: after a restore the versions may go down.
        return frozenset(t for t in current.keys() | before.keys() if current.get(t) != before.get(t))


def as_changes(topics: Iterable[str]) -> Changes:
    """What another desk changed: whole topics (their ids are not known here)."""
    known = {t.value for t in Topic}
    return Changes(everything=frozenset(Topic(t) if t in known else Topic.OTHER for t in topics))


class Watched(Protocol):
    """What the watcher needs of a :class:`db.uow.Database`."""

    changes: ChangeBus
    known_versions: KnownVersions

    def reading(self) -> AbstractContextManager[Any]: ...


class ChangeWatcher:
    """Polls the change counter on a background thread and publishes what other
    processes changed on ``bus`` (default: the database's). ``poll()`` does one round
    on the caller's thread (tests, and a GUI that wants to ask at once)."""

    def __init__(self, db: Watched, *, interval: float = REFRESH_SECONDS, bus: ChangeBus | None = None):
        self._db = db
        self._bus = bus if bus is not None else db.changes
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._busy_lock = threading.Lock()
        self._busy = False
        self.failed = False
        """Whether the last poll failed (the server unreachable); the next one retries."""

    def poll(self) -> Changes:
        """Read the versions once; publish and return what moved (empty if nothing)."""
        try:
            with self._db.reading() as uow:
                current = read_versions(uow.session)
        except Exception:
            if not self.failed:  # say it once per outage, not every 3 s
                log.warning("reading the change counter failed", exc_info=True)
            self.failed = True
            return Changes()
        self.failed = False
        changes = as_changes(self._db.known_versions.news(current))
        if changes:
            self._bus.publish(changes)
        return changes

    def poll_soon(self) -> None:
        """One poll on a short-lived background thread, unless one is still under way
        (a GUI timer calls this: a slow or lost server never freezes the window)."""
        with self._busy_lock:
            if self._busy:
                return
            self._busy = True

        def run() -> None:
            try:
                self.poll()
            finally:
                with self._busy_lock:
                    self._busy = False

        threading.Thread(target=run, name="change-poll", daemon=True).start()

    def start(self) -> None:
        """Poll every ``interval`` seconds on a thread of its own until :meth:`stop`."""
        if self._thread is not None:
            return
        self.poll()  # learn where things stand before the first interval
        self._thread = threading.Thread(target=self._run, name="change-watcher", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.poll()

    def stop(self) -> None:
        """Stop polling (waits for a poll under way)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None
