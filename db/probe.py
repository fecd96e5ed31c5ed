"""Looking at a PostgreSQL server without changing it: can we connect, and what is there.

The settings page's 测试连接 and the move to a server ask this before anything is
written. A failed connection is sorted into what the administrator can act on
(server not reachable, wrong password, no such database or user) from the message
libpq gives; psycopg reports no SQLSTATE for a refused connection. The server may
answer in English or, set up in Chinese, in Chinese: both are recognised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

CONNECT_TIMEOUT_S = 5


class Outcome(StrEnum):
    CONNECTED = "connected"
    UNREACHABLE = "unreachable"  # no server answers at host:port (or the name is unknown)
    WRONG_PASSWORD = "wrong_password"
    NO_PASSWORD = "no_password"  # the server wants a password and none was given
    NO_DATABASE = "no_database"
    NO_USER = "no_user"
    FAILED = "failed"  # anything else; ``detail`` has the server's first line


@dataclass(frozen=True)
class ServerProbe:
    """What a connection attempt found.

    ``tables`` are the tables of the current schema (empty for an empty database);
    ``revision`` the schema revision stamped by this app's migrations, if any.
    """

    outcome: Outcome
    version: str = ""
    revision: str | None = None
    tables: tuple[str, ...] = field(default_factory=tuple)
    detail: str = ""


_PATTERNS: tuple[tuple[Outcome, tuple[str, ...]], ...] = (
    (Outcome.WRONG_PASSWORD, ("password authentication failed", "password 认证失败", "口令认证失败")),
    (Outcome.NO_PASSWORD, ("no password supplied", "没有提供口令", "未提供口令")),
    (Outcome.NO_USER, ('role "', '角色 "')),
    (Outcome.NO_DATABASE, ('database "', '数据库 "')),
    (
        Outcome.UNREACHABLE,
        (
            "connection refused",
            "could not translate host name",
            "failed to resolve host",
            "name or service not known",
            "timeout expired",
            "no route to host",
            "network is unreachable",
            "could not connect to server",
            "connection timed out",
            "拒绝连接",
        ),
    ),
)


def classify(message: str) -> Outcome:
    """Sort a connection error message into an :class:`Outcome`."""
    low = message.lower()
    for outcome, needles in _PATTERNS:
        if outcome in (Outcome.NO_USER, Outcome.NO_DATABASE):
            if any(n in low for n in needles) and ("does not exist" in low or "不存在" in low):
                return outcome
            continue
        if any(n in low for n in needles):
            return outcome
    return Outcome.FAILED


def first_line(exc: BaseException) -> str:
    """The server's message without the driver's wrapping, first meaningful line."""
    orig = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(orig).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def probe_server(url: str) -> ServerProbe:
    """Connect to ``url`` and read the server's version, this app's revision and the
    tables there. Changes nothing; never raises for a failed connection."""
    engine = create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar() or ""
            tables = tuple(sorted(inspect(conn).get_table_names()))
            revision = None
            if "alembic_version" in tables:
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError as exc:
        detail = first_line(exc)
        return ServerProbe(classify(str(getattr(exc, "orig", exc))), detail=detail)
    except Exception as exc:  # noqa: BLE001 - e.g. a malformed host: shown as the server's words
        return ServerProbe(
            Outcome.FAILED, detail=str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        )
    finally:
        engine.dispose()
    return ServerProbe(Outcome.CONNECTED, version=str(version).split()[0], revision=revision, tables=tables)


def is_postgresql(url: str) -> bool:
    try:
        return make_url(url).get_backend_name() == "postgresql"
    except Exception:  # noqa: BLE001 - a malformed URL is simply not one
        return False
