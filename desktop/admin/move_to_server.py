"""Moving a centre to a server: its SQLite file copied into an empty PostgreSQL database.

When a centre grows from one PC to several, its data moves once from the file to the
server (设置 → 数据库 → 迁移到服务器, or ``python main.py move-to-server``). The copy is
made in one server transaction and checked before it is committed: every table's row
count and number columns, the points ledger against the cached balances, the audit
chain, the append-only triggers. Anything wrong — or 取消 — and the server database is
left as empty as it was. The file is only read; it stays exactly as it was, and the
centre can go on using it until every PC is switched to the server.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.common.errors import DomainError
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission

Report = Callable[[int, int, str], None]
"""``(rows copied, rows in all, table being copied)``."""


class MoveCancelled(DomainError):
    """The user stopped the move; the server database is empty again."""

    def __init__(self) -> None:
        super().__init__(
            N_("The move was cancelled. Nothing was kept on the server: its database is empty again.")
        )


@dataclass(frozen=True)
class TableCheck:
    name: str
    source_rows: int
    target_rows: int
    same: bool


@dataclass(frozen=True)
class MoveReport:
    """What was copied and how the copy was checked (everything here matched, or the
    move would have been rolled back)."""

    source: str
    target: str
    revision: str
    tables: tuple[TableCheck, ...]
    rows: int
    ledger: tuple[tuple[str, int, int], ...]
    audit_rows: int
    seconds: float
    attachments: int
    """Attachment files beside the SQLite file (they are not in the database)."""


def refuse_unless_admin(actor: Actor) -> None:
    actor.require(Permission.MANAGE_SETTINGS)


def _attachment_files(path: Path) -> int:
    folder = path.with_name(path.stem + "-attachments")
    if not folder.is_dir():
        return 0
    return sum(1 for p in folder.rglob("*") if p.is_file())


def check_target(target_url: str) -> None:
    """Refuse (``DomainError``) a target that is not a reachable, empty PostgreSQL
    database — before anything is started."""
    from db.probe import Outcome, is_postgresql, probe_server
    from desktop.admin.server_settings import address_of, check_connection

    if not is_postgresql(target_url):
        raise DomainError(
            N_("The target must be a PostgreSQL database (postgresql+psycopg://user@host:5432/name).")
        )
    probe = probe_server(target_url)
    if probe.outcome is not Outcome.CONNECTED:
        address = address_of(target_url)
        if address is not None:
            from sqlalchemy.engine import make_url

            raise check_connection(address, make_url(target_url).password).message
        raise DomainError(N_("The connection failed: {why}"), why=probe.detail)
    if probe.tables:
        raise DomainError(
            N_(
                "The server database is not empty (it has {count} tables, e.g. {names}). A centre is "
                "moved only into an empty database, so that nothing there is overwritten: ask whoever "
                "runs the server for a new, empty database."
            ),
            count=len(probe.tables),
            names="、".join(probe.tables[:3]),
        )


def move_to_server(
    actor: Actor,
    source: str | Path,
    target_url: str,
    *,
    report: Report | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> MoveReport:
    """Copy the SQLite database ``source`` into the empty PostgreSQL database at
    ``target_url`` and check the copy (see the module's docstring).

    Raises ``DomainError`` for every refusal (not an administrator, source not this
    program's file or not at this version's schema, target not empty or unreachable,
    a check that failed) and ``MoveCancelled`` when ``should_stop()`` said so; in every
    such case nothing is left on the server.
    """
    from db.engine import describe
    from db.migrate import HEAD
    from db.transfer import (
        NotEmpty,
        SchemaMismatch,
        Stop,
        copy_sqlite_to_postgresql,
        source_identity,
        source_revision,
    )
    from desktop.admin import chain_key

    refuse_unless_admin(actor)
    path = Path(
        str(source)[len("sqlite:///") :] if str(source).startswith("sqlite:///") else source
    ).expanduser()
    if not path.is_file():
        raise DomainError(N_("There is no database file at {path}."), path=str(path))
    try:
        revision = source_revision(path)
    except Exception as exc:  # noqa: BLE001 - a damaged or foreign file: say so
        raise DomainError(
            N_("{path} is not a database file this program can read: {why}"),
            path=str(path),
            why=str(exc).splitlines()[0],
        ) from exc
    if revision is None:
        raise DomainError(
            N_("{path} is not this program's database (it has no schema revision)."), path=str(path)
        )
    if revision != HEAD:
        raise DomainError(
            N_(
                "The file is at revision {rev}, this program at {head}. Open the file once with this "
                "version of the program (it is upgraded after a backup), then move it."
            ),
            rev=revision,
            head=HEAD,
        )
    check_target(target_url)
    centre_id, key_check = source_identity(path)
    key = chain_key.load_key(centre_id)
    if key_check and (key is None or key.fingerprint != key_check):
        raise DomainError(
            N_(
                "This PC does not have the audit-log key of this database, so the copied audit log "
                "could not be verified. Import the key first (设置 → 数据库 → 导入审计密钥), then move."
            )
        )
    say: Report = report or (lambda _done, _total, _table: None)
    started = time.perf_counter()

    def approve(result) -> None:
        for s, t in zip(result.source, result.target, strict=True):
            if s != t:
                raise DomainError(
                    N_(
                        "The copy of table {table} does not match the file ({a} rows, {b} copied); "
                        "nothing was kept."
                    ),
                    table=s.name,
                    a=s.rows,
                    b=t.rows,
                )
        for what, a, b in result.ledger:
            if a != b:
                raise DomainError(
                    N_(
                        "The points totals of the copy do not match the file ({what}: {a} ≠ {b}); "
                        "nothing was kept."
                    ),
                    what=what,
                    a=a,
                    b=b,
                )
        if result.audit_problems:
            raise DomainError(
                N_("The audit log of the copy does not verify ({first}); nothing was kept."),
                first=result.audit_problems[0],
            )
        if result.missing_triggers:
            raise DomainError(
                N_("The copy lacks the append-only protection ({names}); nothing was kept."),
                names=", ".join(result.missing_triggers),
            )

    try:
        result = copy_sqlite_to_postgresql(
            path,
            target_url,
            report=say,
            should_stop=should_stop,
            before_commit=approve,
            audit_key=key.key if key is not None else None,
            keyed_after=key.keyed_after if key is not None else None,
        )
    except Stop as exc:
        raise MoveCancelled() from exc
    except NotEmpty as exc:
        raise DomainError(
            N_("The server database is not empty (it has {count} tables); nothing was copied."),
            count=len(exc.names),
        ) from exc
    except SchemaMismatch as exc:
        raise DomainError(
            N_("The file lacks tables this version expects ({names}); nothing was copied."), names=str(exc)
        ) from exc
    except DomainError:
        raise
    except Exception as exc:
        from db.probe import first_line

        raise DomainError(
            N_("The move failed and nothing was kept on the server: {why}"), why=first_line(exc)
        ) from exc
    if result.head is not None:  # the server copy's chain head, anchored as every commit's is
        chain_key.write_anchor(centre_id, describe(target_url), result.head, force=True)
    return MoveReport(
        source=str(path),
        target=describe(target_url),
        revision=result.revision,
        tables=tuple(
            TableCheck(s.name, s.rows, t.rows, s == t)
            for s, t in zip(result.source, result.target, strict=True)
        ),
        rows=sum(s.rows for s in result.source),
        ledger=result.ledger,
        audit_rows=result.audit_rows,
        seconds=time.perf_counter() - started,
        attachments=_attachment_files(path),
    )
