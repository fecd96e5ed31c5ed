"""The unit of work: one transaction, committed whole or rolled back whole.

Services take a unit of work so that a change and its audit row are written together
or not at all. Tests can hand services the same class over a throw-away database.
"""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from db.engine import session_factory


class Database:
    """An engine plus the session factories for reads and writes."""

    def __init__(self, engine: Engine, url: str):
        self.engine = engine
        self.url = url
        self._read = session_factory(engine, write=False)
        self._write = session_factory(engine, write=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def reading(self) -> UnitOfWork:
        return UnitOfWork(self._read, write=False)

    def writing(self) -> UnitOfWork:
        return UnitOfWork(self._write, write=True)

    def dispose(self) -> None:
        self.engine.dispose()


class UnitOfWork:
    """Context manager around one session. Leaving without ``commit()`` rolls back."""

    def __init__(self, factory: sessionmaker[Session], *, write: bool):
        self._factory = factory
        self.write = write
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        self.session.begin()
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
        finally:
            self.session.close()

    def commit(self) -> None:
        self.session.commit()

    def flush(self) -> None:
        self.session.flush()
