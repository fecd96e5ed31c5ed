"""The request timeline and the points ledger, held against the chained audit log.

``request_event`` and ``ledger_entry`` have no chain of their own. Instead every row is
mirrored in the audit log (:func:`desktop.requests.lifecycle.record_event` and
:func:`desktop.love_bank.ledger.post` write an audit row naming the event or entry with
its content), and rows written in bulk — the history sealed when revision 0007 was
applied, demo data — are covered by a *seal*: one audit row holding a SHA-256 digest of
every row in an id range. ``mismatches`` finds:

* a row edited behind the program's back (it differs from its mirror, or its range no
  longer matches the sealed digest) — e.g. a ledger entry raised together with the
  cached balance, which the balance reconciliation alone cannot see;
* a row cut out (a mirror or a seal names it, the table has it no more);
* a row slipped in (neither a mirror nor a seal covers it).

Because the mirrors and seals are audit rows, they are as trustworthy as the chain:
keyed rows cannot be rewritten to match a forged ledger without the key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, func, select
from sqlalchemy.orm import Session

from db import audit
from db.models import AuditEntry, LedgerEntry, RequestEvent

SEAL_ACTION = "seal"
SEAL_ENTITY = "history"


@dataclass(frozen=True)
class Mirrored:
    """One mirrored table: its columns as sealed, and how its audit rows read."""

    table: Table
    columns: tuple[str, ...]
    entity: str
    """The audit rows' ``entity`` of this table's mirrors."""
    id_key: str
    """The key in the mirror's ``after`` naming the row's id."""
    owner: str
    """The column the mirror's ``entity_id`` holds."""
    action: str
    """The column the mirror's ``action`` holds."""
    fields: tuple[tuple[str, str], ...]
    """(column, key in ``after``) compared besides owner, action, time and user."""


LEDGER = Mirrored(
    table=LedgerEntry.__table__,  # type: ignore[arg-type]
    columns=(
        "id",
        "volunteer_id",
        "at",
        "kind",
        "delta",
        "frozen_delta",
        "reverses_id",
        "service_record_id",
        "redemption_id",
        "user_id",
        "username",
        "note",
    ),
    entity="points",
    id_key="entry",
    owner="volunteer_id",
    action="kind",
    fields=(
        ("delta", "delta"),
        ("frozen_delta", "frozen_delta"),
        ("note", "note"),
        ("reverses_id", "reverses"),
        ("service_record_id", "service_record"),
        ("redemption_id", "redemption"),
    ),
)

EVENTS = Mirrored(
    table=RequestEvent.__table__,  # type: ignore[arg-type]
    columns=(
        "id",
        "request_id",
        "at",
        "user_id",
        "username",
        "action",
        "from_status",
        "to_status",
        "department_id",
        "round",
        "note",
        "clock",
        "on_time",
    ),
    entity="request",
    id_key="event",
    owner="request_id",
    action="action",
    fields=(
        ("from_status", "from"),
        ("to_status", "to"),
        ("note", "note"),
        ("department_id", "department"),
        ("clock", "clock"),
        ("on_time", "on_time"),
    ),
)

MIRRORED = (EVENTS, LEDGER)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="microseconds")
    return str(value)


def _rows(conn: Connection, m: Mirrored, after_id: int, through_id: int | None = None) -> Iterator[Any]:
    """The table's rows with ``after_id < id <= through_id``, by id, in batches."""
    cols = [m.table.c[name] for name in m.columns]
    last = after_id
    while True:
        query = select(*cols).where(m.table.c.id > last).order_by(m.table.c.id).limit(5000)
        if through_id is not None:
            query = query.where(m.table.c.id <= through_id)
        batch = conn.execute(query).all()
        if not batch:
            return
        yield from batch
        last = batch[-1].id


def _row_line(row: Any) -> bytes:
    return "\x1f".join(_text(v) for v in row).encode("utf-8") + b"\x1e"


# --- seals ---------------------------------------------------------------------------
def _seals(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(AuditEntry.id, AuditEntry.after)
        .where(AuditEntry.action == SEAL_ACTION, AuditEntry.entity == SEAL_ENTITY)
        .order_by(AuditEntry.id)
    ).all()
    seals = []
    for row in rows:
        try:
            content = json.loads(row.after)
        except ValueError:
            content = {}
        seals.append({"audit_id": row.id, **content})
    return seals


def seal_content(conn: Connection) -> dict[str, Any] | None:
    """What a new seal would hold: for each mirrored table, the rows after the last
    seal's range — their id range, count and digest. None when there is nothing new."""
    sealed_through = {m.table.name: 0 for m in MIRRORED}
    for seal in _seals(conn):
        for m in MIRRORED:
            part = seal.get(m.table.name)
            if isinstance(part, dict):
                sealed_through[m.table.name] = max(sealed_through[m.table.name], int(part["through_id"]))
    content: dict[str, Any] = {}
    for m in MIRRORED:
        after_id = sealed_through[m.table.name]
        through_id = conn.execute(select(func.max(m.table.c.id))).scalar()
        if through_id is None or through_id <= after_id:
            continue
        digest = hashlib.sha256()
        n = 0
        for row in _rows(conn, m, after_id, through_id):
            digest.update(_row_line(row))
            n += 1
        content[m.table.name] = {
            "after_id": after_id,
            "through_id": through_id,
            "count": n,
            "sha256": digest.hexdigest(),
        }
    return content or None


# --- checking --------------------------------------------------------------------------
def _mirrors(conn: Connection, m: Mirrored) -> dict[int, AuditEntry]:
    """The audit rows mirroring ``m``'s rows, by the row id they name."""
    found: dict[int, Any] = {}
    query = select(
        AuditEntry.id,
        AuditEntry.at,
        AuditEntry.user_id,
        AuditEntry.username,
        AuditEntry.action,
        AuditEntry.entity_id,
        AuditEntry.after,
    ).where(AuditEntry.entity == m.entity)
    for row in conn.execute(query):
        if not row.after or f'"{m.id_key}"' not in row.after:
            continue
        try:
            after = json.loads(row.after)
        except ValueError:
            continue
        if isinstance(after, dict) and isinstance(after.get(m.id_key), int):
            found[after[m.id_key]] = (row, after)
    return found


def _differences(m: Mirrored, row: Any, mirror: Any) -> list[str]:
    audit_row, after = mirror
    values = row._mapping
    differ = []
    if str(values[m.owner]) != audit_row.entity_id:
        differ.append(m.owner)
    if values[m.action] != audit_row.action:
        differ.append(m.action)
    if values["at"] != audit_row.at:
        differ.append("at")
    if values["username"] != audit_row.username or (values["user_id"] or None) != (audit_row.user_id or None):
        differ.append("user")
    for column, key in m.fields:
        if key in after and _text(values[column]) != _text(after[key]):
            differ.append(column)
    return differ


def mismatches(conn: Connection) -> list[str]:
    """Rows of the request timeline and the points ledger the audit log does not back."""
    problems: list[str] = []
    seals = _seals(conn)
    for m in MIRRORED:
        name = m.table.name
        mirrors = _mirrors(conn, m)
        ranges = [(seal["audit_id"], seal[name]) for seal in seals if isinstance(seal.get(name), dict)]
        digests = {audit_id: (hashlib.sha256(), [0]) for audit_id, _ in ranges}
        for row in _rows(conn, m, 0):
            sealed_by = next(
                (audit_id for audit_id, part in ranges if part["after_id"] < row.id <= part["through_id"]),
                None,
            )
            mirror = mirrors.pop(row.id, None)
            if sealed_by is not None:
                digest, n = digests[sealed_by]
                digest.update(_row_line(row))
                n[0] += 1
            if mirror is not None:
                differ = _differences(m, row, mirror)
                if differ:
                    problems.append(f"{name} id={row.id}: {', '.join(differ)} differ from the audit log")
            elif sealed_by is None:
                problems.append(f"{name} id={row.id}: not in the audit log")
        for audit_id, part in ranges:
            digest, n = digests[audit_id]
            if n[0] != part["count"] or digest.hexdigest() != part["sha256"]:
                problems.append(
                    f"{name} ids {part['after_id'] + 1}–{part['through_id']}: rows differ from the "
                    f"digest sealed in audit_log id={audit_id} ({n[0]} rows, {part['count']} sealed)"
                )
        for row_id in sorted(mirrors):
            problems.append(f"{name} id={row_id}: in the audit log but missing from the table")
    return problems


def seal(session: Session, *, user_id: int | None, username: str, at: dt.datetime, reason: str = "") -> bool:
    """Cover the timeline and ledger rows written in bulk since the last seal (demo data,
    an import that writes rows without their own audit rows) with one audit row holding
    their digest. Returns whether there was anything to seal."""
    content = seal_content(session.connection())
    if content is None:
        return False
    audit.record(
        session,
        user_id=user_id,
        username=username,
        action=SEAL_ACTION,
        entity=SEAL_ENTITY,
        entity_id=reason,
        after=content,
        at=at,
    )
    return True
