"""Shared fixtures: fresh migrated databases on SQLite and PostgreSQL, actors, demo data.

No Qt here: ``tests/db`` and ``tests/desktop`` run without it. The Qt platform is set
to ``offscreen`` before anything can create a QApplication, so ``uv run pytest`` works
on a machine without a screen.

PostgreSQL: one uniquely named database per test session on the server at
127.0.0.1:5432 (override with ``SHEQU_TEST_PG_URL``), and one fresh schema per test
inside it (selected through ``search_path`` in the URL), dropped afterwards. If the
server cannot be reached the PostgreSQL tests are skipped — or fail when ``CI`` is set,
so a broken CI machine cannot pass by skipping half the suite.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools  # noqa: E402
import secrets  # noqa: E402
import shutil  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from contextlib import AbstractContextManager, contextmanager  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from argon2 import PasswordHasher  # noqa: E402
from sqlalchemy import create_engine, select, text  # noqa: E402
from sqlalchemy.engine import Row, make_url  # noqa: E402
from sqlalchemy.exc import OperationalError  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

import desktop.admin.passwords  # noqa: E402
from db.models import AuditEntry  # noqa: E402
from desktop.common.permissions import SYSTEM, Actor, Role  # noqa: E402
from desktop.opening import Services, open_database  # noqa: E402

PG_ADMIN_URL = os.environ.get("SHEQU_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

# The hasher the application ships with, before the tests swap in a cheap one.
PRODUCTION_HASHER = desktop.admin.passwords._hasher


# --- speed ---------------------------------------------------------------------------
@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing() -> Iterator[None]:
    """Argon2 with the production parameters (64 MiB, 3 passes) takes 0.3–5 s per hash
    on the 2-core test machines. Tests create and log in many users, so they hash with
    minimal parameters; verification reads the parameters from each hash, so the code
    paths are the same. ``tests/desktop/test_passwords.py`` checks the real hasher."""
    mp = pytest.MonkeyPatch()
    mp.setattr(
        desktop.admin.passwords,
        "_hasher",
        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1),
    )
    yield
    mp.undo()


@pytest.fixture
def production_hasher() -> PasswordHasher:
    return PRODUCTION_HASHER


# --- PostgreSQL ----------------------------------------------------------------------
def _postgres_unavailable(why: str) -> None:
    where = make_url(PG_ADMIN_URL).render_as_string(hide_password=True)
    message = f"PostgreSQL at {where} cannot be reached: {why}"
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set, so the PostgreSQL tests must run)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def pg_database_url() -> Iterator[str]:
    """A fresh, uniquely named PostgreSQL database for this test session."""
    admin = create_engine(
        PG_ADMIN_URL,
        isolation_level="AUTOCOMMIT",
        poolclass=NullPool,
        connect_args={"connect_timeout": 5},
    )
    why = ""
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        admin.dispose()
        why = (str(exc.orig) or str(exc)).strip().splitlines()[0]
    if why:
        _postgres_unavailable(why)
    name = f"shequ_test_{secrets.token_hex(5)}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def _fresh_schema(database_url: str) -> Iterator[str]:
    schema = f"t_{secrets.token_hex(6)}"
    engine = create_engine(database_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with engine.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(database_url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture
def pg_url(pg_database_url: str) -> Iterator[str]:
    """URL of an empty schema of its own (via ``search_path``) in the session database."""
    with _fresh_schema(pg_database_url) as url:
        yield url


# --- databases -----------------------------------------------------------------------
@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'shequ.sqlite3'}"


BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


@pytest.fixture(params=BACKENDS)
def any_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on each backend in turn (PostgreSQL only when requested)."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")


def _opened(url: str, backup_dir: Path | None) -> Iterator[Services]:
    services = open_database(url, backup_dir=backup_dir)
    try:
        yield services
    finally:
        services.db.dispose()


@pytest.fixture(scope="session")
def fresh_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str], AbstractContextManager[Services]]:
    """``with fresh_database("sqlite" | "postgresql") as services:`` — for fixtures of a
    wider scope than a single test (e.g. a read-only register shared by a module)."""

    @contextmanager
    def make(backend: str) -> Iterator[Services]:
        folder = tmp_path_factory.mktemp(backend)
        if backend == "sqlite":
            yield from _opened(f"sqlite:///{folder / 'shequ.sqlite3'}", folder / "backups")
            return
        with _fresh_schema(request.getfixturevalue("pg_database_url")) as url:
            yield from _opened(url, folder / "backups")

    return make


@pytest.fixture
def sqlite_db(sqlite_url: str, tmp_path: Path) -> Iterator[Services]:
    """A fresh SQLite database file migrated to head."""
    yield from _opened(sqlite_url, tmp_path / "backups")


@pytest.fixture
def pg_db(pg_url: str, tmp_path: Path) -> Iterator[Services]:
    """A fresh PostgreSQL schema migrated to head."""
    yield from _opened(pg_url, tmp_path / "backups")


@pytest.fixture
def any_db(any_url: str, tmp_path: Path) -> Iterator[Services]:
    """A fresh migrated database; the test runs once on SQLite and once on PostgreSQL."""
    yield from _opened(any_url, tmp_path / "backups")


# --- people --------------------------------------------------------------------------
MakeActor = Callable[..., Actor]


@pytest.fixture
def make_actor() -> MakeActor:
    """``make_actor(services, Role.FRONT_DESK)`` creates a user and logs them in."""
    numbers = itertools.count(1)

    def make(services: Services, role: Role, *, password: str = "secret123", username: str = "") -> Actor:
        username = username or f"{Role(role).value}{next(numbers)}"
        services.accounts.create_user(
            SYSTEM, username=username, full_name="测试员", role=role, password=password
        )
        return services.accounts.login(username, password)

    return make


# --- reading back what was written --------------------------------------------------
@pytest.fixture
def audit_rows() -> Callable[[Services], list[Row]]:
    """``audit_rows(services)``: every audit-log row (plain rows), oldest first."""

    def read(services: Services) -> list[Row]:
        table = AuditEntry.__table__
        with services.db.reading() as uow:
            return list(uow.session.execute(select(table).order_by(table.c.id)).all())

    return read


# --- demo data -----------------------------------------------------------------------
@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file filled once per session with the ``centre`` demo data (read it via
    ``demo_db``, which hands each test its own copy)."""
    from desktop.demo.generate import fill_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    services = open_database(path, backup_dir=None)
    try:
        fill_demo(services.db, "centre")
    finally:
        services.db.dispose()  # checkpoints the WAL into the file
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Iterator[Services]:
    """A private copy of the demo database."""
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    yield from _opened(f"sqlite:///{path}", tmp_path / "backups")
