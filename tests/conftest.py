"""Shared fixtures: migrated databases on SQLite and PostgreSQL, actors, demo data.

No Qt here: ``tests/db`` and ``tests/desktop`` run without it. The Qt platform is set
to ``offscreen`` before anything can create a QApplication, so ``uv run pytest`` works
on a machine without a screen.

The schema is migrated once per test session into a template, and every test gets its
own copy of that template: on SQLite a copy of the template file (a few milliseconds),
on PostgreSQL a database made by ``CREATE DATABASE … TEMPLATE`` (tens of milliseconds)
and dropped afterwards. ``sqlite_url``, ``pg_url`` and ``any_url`` are *empty*
databases, for the migration tests that must start from nothing — unless the test also
uses the matching ``sqlite_db``, ``pg_db`` or ``any_db``: then they are its URL.

PostgreSQL: the server at 127.0.0.1:5432 (override with ``SHEQU_TEST_PG_URL``); every
database a session makes is named ``shequ_test_<session token>_…``, so sessions running
side by side never meet. If the server cannot be reached the PostgreSQL tests are
skipped — or fail when ``CI`` is set, so a broken CI machine cannot pass by skipping
half the suite.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The audit keys and anchors of this session's databases (desktop.admin.chain_key): one
# folder for the whole session, which tests that move the config folder do not move.
if "SHEQU_AUDIT_DIR" not in os.environ:
    import tempfile

    os.environ["SHEQU_AUDIT_DIR"] = tempfile.mkdtemp(prefix="shequ-test-audit-")

import itertools  # noqa: E402
import secrets  # noqa: E402
import shutil  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from concurrent.futures import Future, ThreadPoolExecutor  # noqa: E402
from contextlib import AbstractContextManager, contextmanager  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import NoReturn  # noqa: E402

import pytest  # noqa: E402
from argon2 import PasswordHasher  # noqa: E402
from sqlalchemy import Connection, Engine, create_engine, select, text  # noqa: E402
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


# --- Qt ------------------------------------------------------------------------------
@pytest.fixture(scope="session", autouse=True)
def one_qt_application(qapp: object) -> object:
    """The session's QApplication, made before any test runs. The command line
    (``main.py``) translates its messages with a bare QCoreApplication when none exists;
    run in-process by a test before the first screen test, that core application would
    be reused and the first widget would abort the run."""
    return qapp


# --- speed ---------------------------------------------------------------------------
@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing() -> Iterator[None]:
    """Argon2 with the production parameters (64 MiB, 3 passes) takes 0.3–5 s per hash
    on the 2-core test machines. Tests create and log in many users, so they hash with
    minimal parameters; verification reads the parameters from each hash, so the code
    paths are the same. ``tests/desktop/admin/test_passwords.py`` checks the real hasher."""
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


def _migrated(url: str) -> None:
    """Create the schema at head (exactly as the application does on first start)."""
    open_database(url, backup_dir=None).db.dispose()


# --- PostgreSQL ----------------------------------------------------------------------
def _postgres_unavailable(why: str) -> NoReturn:
    where = make_url(PG_ADMIN_URL).render_as_string(hide_password=True)
    message = f"PostgreSQL at {where} cannot be reached: {why}"
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set, so the PostgreSQL tests must run)", pytrace=False)
    pytest.skip(message)
    raise AssertionError("not reached")  # pytest.fail/skip raise


class _AdminThread:
    """One background thread with its own administrative connection (AUTOCOMMIT)."""

    def __init__(self, admin: Engine, name: str):
        self._admin = admin
        self._conn: Connection | None = None
        self._pool = ThreadPoolExecutor(1, name, initializer=self._connect)

    def _connect(self) -> None:
        self._conn = self._admin.connect()

    def _execute(self, sql: str) -> None:
        assert self._conn is not None
        self._conn.execute(text(sql))

    def submit(self, sql: str) -> Future[None]:
        return self._pool.submit(self._execute, sql)

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        if self._conn is not None:
            self._conn.close()


class PgDatabases:
    """This session's databases on the server.

    ``CREATE DATABASE … TEMPLATE`` takes 0.02–0.1 s and ``DROP DATABASE`` (which waits
    for a checkpoint) 0.02–0.5 s on a busy server, so one thread makes the next copy of
    a template while a test runs and another drops finished databases; a test waits only
    when the server falls behind.
    """

    def __init__(self, admin: Engine):
        self._admin = admin
        self._prefix = f"shequ_test_{secrets.token_hex(4)}"
        self._numbers = itertools.count(1)
        self._creating = _AdminThread(admin, "pg-create")
        self._dropping = _AdminThread(admin, "pg-drop")
        self._next: dict[str, tuple[str, Future[None]]] = {}
        self._drops: list[Future[None]] = []

    def url(self, name: str) -> str:
        return make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)

    def _start_copy(self, template: str) -> tuple[str, Future[None]]:
        name = f"{self._prefix}_{next(self._numbers)}"
        return name, self._creating.submit(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')

    def create(self, template: str = "template0") -> str:
        """A new database copied from ``template`` (by default an empty one); its name."""
        name, done = self._start_copy(template)
        done.result()
        return name

    def take_copy(self, template: str) -> str:
        """A copy of ``template`` (made while the previous test ran); its name."""
        name, done = self._next[template] if template in self._next else self._start_copy(template)
        self._next[template] = self._start_copy(template)
        done.result()
        return name

    def forbid_connections(self, name: str) -> None:
        self._creating.submit(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false').result()

    def drop_later(self, name: str) -> None:
        self._drops.append(self._dropping.submit(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    @contextmanager
    def empty(self) -> Iterator[str]:
        """The URL of a new empty database, dropped afterwards."""
        name = self.create()
        try:
            yield self.url(name)
        finally:
            self.drop_later(name)

    @contextmanager
    def copy_of(self, template: str) -> Iterator[str]:
        """The URL of a new copy of ``template``, dropped afterwards."""
        name = self.take_copy(template)
        try:
            yield self.url(name)
        finally:
            self.drop_later(name)

    def close(self) -> None:
        """Wait for both threads, then drop every database of this session that is left."""
        self._creating.close()
        self._dropping.close()
        errors = [error for drop in self._drops if (error := drop.exception()) is not None]
        with self._admin.connect() as conn:
            names = conn.execute(
                text("SELECT datname FROM pg_database WHERE datname LIKE :pattern"),
                {"pattern": self._prefix + "\\_%"},
            ).scalars()
            for name in list(names):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if errors:
            raise errors[0]


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[PgDatabases]:
    """This session's databases on the PostgreSQL server (all dropped at the end)."""
    admin = create_engine(
        PG_ADMIN_URL,
        isolation_level="AUTOCOMMIT",
        poolclass=NullPool,
        connect_args={"connect_timeout": 5},
    )
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        admin.dispose()
        _postgres_unavailable((str(exc.orig) or str(exc)).strip().splitlines()[0])
    databases = PgDatabases(admin)
    try:
        yield databases
    finally:
        try:
            databases.close()
        finally:
            admin.dispose()


@pytest.fixture(scope="session")
def pg_template(pg_databases: PgDatabases) -> str:
    """Name of a database migrated to head once per session, the template of every
    migrated PostgreSQL test database. Connections to it are then refused, so nothing
    can hold it open and make ``CREATE DATABASE … TEMPLATE`` fail."""
    name = pg_databases.create()
    _migrated(pg_databases.url(name))
    pg_databases.forbid_connections(name)
    return name


def _uses_pg_db(request: pytest.FixtureRequest) -> bool:
    """Whether the test's ``pg_url`` is that of its ``pg_db`` or PostgreSQL ``any_db``."""
    names = set(request.fixturenames)
    callspec = getattr(request.node, "callspec", None)
    on_postgres = callspec is not None and callspec.params.get("any_url") == "postgresql"
    return "pg_db" in names or ("any_db" in names and on_postgres)


@pytest.fixture
def pg_url(request: pytest.FixtureRequest, pg_databases: PgDatabases) -> Iterator[str]:
    """URL of a PostgreSQL database of this test's own: empty — or, when the test also
    uses ``pg_db``/``any_db``, that fixture's database (a copy of the migrated template)."""
    if _uses_pg_db(request):
        copy = pg_databases.copy_of(request.getfixturevalue("pg_template"))
    else:
        copy = pg_databases.empty()
    with copy as url:
        yield url


# --- SQLite --------------------------------------------------------------------------
@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to head once per session; tests get copies of it."""
    path = tmp_path_factory.mktemp("template") / "shequ.sqlite3"
    _migrated(f"sqlite:///{path}")
    # Closing the last connection checkpointed the WAL: the file alone is the database.
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    return path


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """URL of an empty SQLite database (the file does not exist yet) — unless the test
    also uses ``sqlite_db``/``any_db``, which copy the migrated template there."""
    return f"sqlite:///{tmp_path / 'shequ.sqlite3'}"


# --- databases -----------------------------------------------------------------------
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


@pytest.fixture(params=BACKENDS)
def any_url(request: pytest.FixtureRequest) -> str:
    """A database of the test's own on each backend in turn: empty, or ``any_db``'s."""
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
    """``with fresh_database("sqlite" | "postgresql") as services:`` — a migrated database
    for fixtures of a wider scope than a single test (e.g. a read-only register shared
    by a module)."""

    @contextmanager
    def make(backend: str) -> Iterator[Services]:
        folder = tmp_path_factory.mktemp(backend)
        if backend == "sqlite":
            path = folder / "shequ.sqlite3"
            shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
            yield from _opened(f"sqlite:///{path}", folder / "backups")
            return
        databases: PgDatabases = request.getfixturevalue("pg_databases")
        with databases.copy_of(request.getfixturevalue("pg_template")) as url:
            yield from _opened(url, folder / "backups")

    return make


def _copy_sqlite_template(request: pytest.FixtureRequest, url: str) -> None:
    database = make_url(url).database
    assert database is not None
    shutil.copyfile(request.getfixturevalue("sqlite_template"), database)


@pytest.fixture
def sqlite_db(request: pytest.FixtureRequest, sqlite_url: str, tmp_path: Path) -> Iterator[Services]:
    """A fresh SQLite database file (at ``sqlite_url``) migrated to head."""
    _copy_sqlite_template(request, sqlite_url)
    yield from _opened(sqlite_url, tmp_path / "backups")


@pytest.fixture
def pg_db(pg_url: str, tmp_path: Path) -> Iterator[Services]:
    """A fresh PostgreSQL database (at ``pg_url``) migrated to head."""
    yield from _opened(pg_url, tmp_path / "backups")


@pytest.fixture
def any_db(request: pytest.FixtureRequest, any_url: str, tmp_path: Path) -> Iterator[Services]:
    """A fresh migrated database (at ``any_url``); the test runs once on SQLite and once
    on PostgreSQL."""
    if make_url(any_url).get_backend_name() == "sqlite":
        _copy_sqlite_template(request, any_url)
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
def demo_file(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    """A SQLite file filled once per session with the ``centre`` demo data (read it via
    ``demo_db``, which hands each test its own copy; the Qt tests' ``services`` too)."""
    from desktop.demo.generate import fill_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copyfile(sqlite_template, path)
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
