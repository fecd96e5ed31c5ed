"""The unit of work: one transaction, committed whole or rolled back whole.

Services take a unit of work so that a change and its audit row are written together
or not at all. Tests can hand services the same class over a throw-away database.
"""

from __future__ import annotations

import logging
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from db.changes import ChangeBus, ChangeCollector
from db.engine import session_factory
from db.errors import ErrorFactory, StorageError, as_storage_error

log = logging.getLogger(__name__)


class Database:
    """An engine plus the session factories for reads and writes."""

    def __init__(self, engine: Engine, url: str, *, storage_error: ErrorFactory = StorageError):
        self.engine = engine
        self.url = url
        self._storage_error = storage_error
        self._read = session_factory(engine, write=False)
        self._write = session_factory(engine, write=True)
        self.changes = ChangeBus()
        """Subscribers hear what each committed write changed (:mod:`db.changes`)."""

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def reading(self) -> UnitOfWork:
        return UnitOfWork(self._read, write=False, storage_error=self._storage_error)

    def writing(self) -> UnitOfWork:
        return UnitOfWork(self._write, write=True, bus=self.changes, storage_error=self._storage_error)

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
    ):
        self._factory = factory
        self._storage_error = storage_error
        self.write = write
        self._bus = bus
        self._collector: ChangeCollector | None = None
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        if self._bus is not None:
            self._collector = ChangeCollector(self.session)
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
            self.session.commit()
        except Exception as exc:
            storage = as_storage_error(exc, self._storage_error)
            if storage is not None:
                raise storage from exc
            raise
        if self._bus is not None and self._collector is not None:
            self._bus.publish(self._collector.result())
            self._collector.detach()
            self._collector = ChangeCollector(self.session)

    def flush(self) -> None:
        self.session.flush()
