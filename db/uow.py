"""The unit of work: one transaction, committed whole or rolled back whole.

Services take a unit of work so that a change and its audit row are written together
or not at all. Tests can hand services the same class over a throw-away database.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache
from types import TracebackType

from sqlalchemy import Engine, String, event, inspect
from sqlalchemy.orm import Mapper, Session, sessionmaker

from db.change_counter import REFRESH_SECONDS, ChangeWatcher, KnownVersions, bump
from db.changes import ChangeBus, ChangeCollector, Topic
from db.engine import session_factory
from db.errors import ErrorFactory, StorageError, as_storage_error

log = logging.getLogger(__name__)

TEXT_MAX = 100_000
"""The most characters any unbounded text column takes from a write (the services bound
each free text far lower; this is the net under them)."""
_UNBOUNDED_TABLES = frozenset({"audit_log", "setting", "report_archive", "stored_file"})
"""Tables whose texts are written by the program itself (JSON, chained rows, archives)."""


class TextRefused(ValueError):
    """A text about to be written holds a NUL character or is longer than its column."""

    def __init__(self, table: str, column: str, problem: str, limit: int):
        super().__init__(f"{table}.{column}: {problem} (limit {limit})")
        self.table, self.column, self.problem, self.limit = table, column, problem, limit


TextErrorFactory = Callable[[str, str, str, int], Exception]
"""``(table, column, problem, limit)`` → the error to raise; ``problem`` is ``"nul"`` or
``"length"``. ``desktop.opening`` passes one that makes a message for the user."""


@cache
def _text_columns(mapper: Mapper) -> tuple[tuple[str, str, int | None], ...]:
    """``(attribute, column, length)`` of every text column of a mapped class."""
    found = []
    for attr in mapper.column_attrs:
        column = attr.columns[0]
        if isinstance(column.type, String):
            found.append((attr.key, column.name, column.type.length))
    return tuple(found)


def refuse_unstorable_texts(session: Session, text_error: TextErrorFactory) -> None:
    """Raise ``text_error(...)`` for the first new or changed text that PostgreSQL would
    refuse (a NUL character, more characters than the column) — on SQLite too, so both
    backends behave alike and the driver never sees it."""
    for obj in (*session.new, *session.dirty):
        state = inspect(obj)
        table = getattr(getattr(obj, "__table__", None), "name", "")
        values = state.dict
        for key, column, length in _text_columns(state.mapper):
            value = values.get(key)
            if not isinstance(value, str):
                continue
            limit = length if length is not None else TEXT_MAX
            if "\x00" in value:
                raise text_error(table, column, "nul", limit)
            if len(value) > limit and (length is not None or table not in _UNBOUNDED_TABLES):
                raise text_error(table, column, "length", limit)


class Database:
    """An engine plus the session factories for reads and writes."""

    def __init__(
        self,
        engine: Engine,
        url: str,
        *,
        storage_error: ErrorFactory = StorageError,
        text_error: TextErrorFactory = TextRefused,
    ):
        self.engine = engine
        self.url = url
        self._storage_error = storage_error
        self._text_error = text_error
        self._read = session_factory(engine, write=False)
        self._write = session_factory(engine, write=True)
        self.changes = ChangeBus()
        """Subscribers hear what each committed write changed (:mod:`db.changes`)."""
        self.known_versions = KnownVersions()
        """The change-counter versions this process has seen (:mod:`db.change_counter`)."""

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def reading(self) -> UnitOfWork:
        return UnitOfWork(self._read, write=False, storage_error=self._storage_error)

    def writing(self) -> UnitOfWork:
        return UnitOfWork(
            self._write,
            write=True,
            bus=self.changes,
            storage_error=self._storage_error,
            text_error=self._text_error,
            known_versions=self.known_versions,
        )

    def watch_others(self, interval: float = REFRESH_SECONDS) -> ChangeWatcher:
        """A watcher that publishes on :attr:`changes` what other desks (processes)
        commit: ``poll()`` now, ``poll_soon()`` from a timer, or ``start()`` its own
        thread polling every ``interval`` seconds (``stop()`` it when done)."""
        return ChangeWatcher(self, interval=interval)

    def dispose(self) -> None:
        self.engine.dispose()


class UnitOfWork:
    """Context manager around one session. Leaving without ``commit()`` rolls back.

    A driver error that means the storage itself failed (locked file, lost connection,
    full disk, read-only, damaged file) leaves as :class:`db.errors.StorageError`, after
    the rollback. A committed write unit publishes what it changed on the bus.
    """

    def __init__(
        self,
        factory: sessionmaker[Session],
        *,
        write: bool,
        bus: ChangeBus | None = None,
        storage_error: ErrorFactory = StorageError,
        text_error: TextErrorFactory | None = None,
        known_versions: KnownVersions | None = None,
    ):
        self._factory = factory
        self._known_versions = known_versions
        self._storage_error = storage_error
        self._text_error = text_error
        self.write = write
        self._bus = bus
        self._collector: ChangeCollector | None = None
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        if self._bus is not None:
            self._collector = ChangeCollector(self.session)
        if self._text_error is not None:
            text_error = self._text_error
            event.listen(
                self.session, "before_flush", lambda s, _ctx, _objs: refuse_unstorable_texts(s, text_error)
            )
        try:
            self.session.begin()
        except Exception as exc:
            self._close()
            storage = as_storage_error(exc, self._storage_error)
            if storage is not None:
                raise storage from exc
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if self.session.in_transaction():
                self.session.rollback()
        except Exception:  # the connection may be gone; the server rolls back by itself
            log.warning("rollback failed", exc_info=True)
        finally:
            self._close()
        if exc is not None:
            storage = as_storage_error(exc, self._storage_error)
            if storage is not None and storage is not exc:
                log.warning("storage problem: %s", storage)
                raise storage from exc

    def _close(self) -> None:
        if self._collector is not None:
            self._collector.detach()
        try:
            self.session.close()
        except Exception:
            log.warning("closing the session failed", exc_info=True)

    def commit(self) -> None:
        try:
            own = self._bump_counters()
            self.session.commit()
        except Exception as exc:
            storage = as_storage_error(exc, self._storage_error)
            if storage is not None:
                raise storage from exc
            raise
        if self._known_versions is not None and own:
            self._known_versions.note_own(own)
        if self._bus is not None and self._collector is not None:
            self._bus.publish(self._collector.result())
            self._collector.detach()
            self._collector = ChangeCollector(self.session)

    def _bump_counters(self) -> dict[str, int]:
        """Raise the change counter of every topic this unit touched, in its transaction,
        so other desks hear of it (:mod:`db.change_counter`). The audit rows are written
        at commit, after this: a unit that changed anything also counts as an audit change
        (every service write records one)."""
        if self._collector is None:
            return {}
        self.session.flush()
        topics = self._collector.result().topics
        if not topics:
            return {}
        return bump(self.session, {*topics, Topic.AUDIT})

    def flush(self) -> None:
        self.session.flush()
