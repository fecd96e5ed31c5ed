"""The append-only, hash-chained audit log.

Every change a service makes writes one audit row in the same transaction. Each row's
hash covers its content and the previous row's hash, so a removed or altered row breaks
the chain and ``verify_chain`` names the first broken row.

Two kinds of row (``AuditEntry.chain``):

* ``PLAIN`` (1) — ``SHA-256(payload)``: the rows written before revision 0007, and
  rows of a database whose audit key has not been made yet. Anyone holding the file can
  recompute such a hash, so a rewritten tail re-hashed by hand verifies.
* ``KEYED`` (2) — ``HMAC-SHA-256(key, payload)`` with a secret kept outside the database
  (a key file in the PC's config folder, :mod:`desktop.admin.chain_key`). Without the
  key a row cannot be rewritten with a hash that verifies.

The database carries a fingerprint of its key (the ``audit_key_check`` setting), so a
desk that has no key — or the wrong one — is refused before it writes a row the others
could not verify. Who holds the key, and what happens after each commit (recording the
chain's head outside the database, the *anchor*), is given by :func:`use_secrets`; the
database layer never reads files of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Engine, event, func, select
from sqlalchemy.orm import Session

from db.locks import LockKey, advisory_lock
from db.models import AuditEntry, Setting

log = logging.getLogger(__name__)

GENESIS = "0" * 64
PLAIN = 1
KEYED = 2

KEY_CHECK_SETTING = "audit_key_check"
"""Setting holding the fingerprint of the database's audit key (empty: not keyed yet)."""
DATABASE_ID_SETTING = "database_id"
"""Setting holding the database's identity (a UUID made by revision 0007): which key
file and which anchor belong to it; kept by backups and by a move to the server."""


@dataclass(frozen=True)
class Head:
    """Where the chain ends: how many rows, and the last row's id and hash."""

    count: int
    id: int
    hash: str


class ChainKeyMissing(Exception):
    """The chain is keyed and no key for it was given (no secrets installed)."""


class ChainSecrets(Protocol):
    """What the layer above tells the chain about one database."""

    def key(self) -> bytes | None:
        """This PC's key for the database, or None when it has none."""

    def refuse(self, reason: str) -> Exception:
        """The error to raise when a row cannot be written: ``"missing"`` (the chain is
        keyed and this PC has no key) or ``"mismatch"`` (this PC's key is another one)."""

    def anchor(self, head: Head) -> None:
        """Called after a commit that added rows, with the chain's new head."""


_SECRETS: dict[str, ChainSecrets] = {}


def _url_key(bind: Any) -> str:
    return bind.url.render_as_string(hide_password=False)


def use_secrets(engine: Engine, secrets: ChainSecrets | None) -> None:
    """Install (or, with None, remove) the key and anchor of the database at ``engine``."""
    if secrets is None:
        _SECRETS.pop(_url_key(engine), None)
    else:
        _SECRETS[_url_key(engine)] = secrets


def _secrets_for(session: Session) -> ChainSecrets | None:
    return _SECRETS.get(_url_key(session.get_bind()))


def fingerprint(key: bytes) -> str:
    """What the database keeps to recognise its key (it reveals nothing of the key)."""
    return hmac.new(key, b"shequ audit chain key check", hashlib.sha256).hexdigest()[:32]


def _dump(value: Any) -> str:
    if value is None or value == "":
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _payload(prev_hash: str, entry: AuditEntry) -> bytes:
    return "\x1f".join(
        [
            prev_hash,
            entry.at.isoformat(timespec="microseconds"),
            str(entry.user_id or ""),
            entry.username,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.before,
            entry.after,
        ]
    ).encode("utf-8")


def _digest(prev_hash: str, entry: AuditEntry) -> str:
    """The plain (unkeyed) hash of a row."""
    return hashlib.sha256(_payload(prev_hash, entry)).hexdigest()


def _keyed_digest(key: bytes, prev_hash: str, entry: AuditEntry) -> str:
    return hmac.new(key, _payload(prev_hash, entry), hashlib.sha256).hexdigest()


def lock_chain(session: Session) -> None:
    """Hold the chain for the rest of the transaction.

    SQLite write transactions already hold the database lock (BEGIN IMMEDIATE);
    PostgreSQL needs an explicit lock so two desks cannot fork the chain.
    """
    advisory_lock(session, LockKey.AUDIT_CHAIN)


_lock_chain = lock_chain

_PENDING = "audit_pending"
_HEAD = "audit_head"


def record(
    session: Session,
    *,
    user_id: int | None,
    username: str,
    action: str,
    entity: str,
    entity_id: object = "",
    before: Any = None,
    after: Any = None,
    at: dt.datetime | None = None,
) -> AuditEntry:
    """Queue one audit row; it is written, chained, just before the transaction commits.

    Writing the rows at commit, not where the change happens, means the chain's lock is
    always the last lock a transaction takes. A transaction that holds it is committing
    and waits for nothing, so it can never be one side of a deadlock with two desks
    locking points accounts or stock in different orders.
    """
    entry = AuditEntry(
        at=at or dt.datetime.now(),
        user_id=user_id,
        username=username,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        before=_dump(before),
        after=_dump(after),
    )
    session.info.setdefault(_PENDING, []).append(entry)
    return entry


def key_check(session: Session) -> str:
    """The fingerprint of the database's key ('' while the chain is not keyed)."""
    return session.scalar(select(Setting.value).where(Setting.key == KEY_CHECK_SETTING)) or ""


def refusal(session: Session, *, last_keyed: bool | None = None) -> Exception | None:
    """Why audit rows could not be written in ``session`` now — this PC lacks the chain's
    key, or holds another database's — or None. Asked before a write that must not be
    half-done for that reason (a login counts its attempt before checking the password)."""
    secrets = _secrets_for(session)
    key = secrets.key() if secrets is not None else None
    check = key_check(session)
    if key is None:
        if last_keyed is None:
            last = session.execute(select(AuditEntry.chain).order_by(AuditEntry.id.desc()).limit(1)).first()
            last_keyed = last is not None and last.chain == KEYED
        if check or last_keyed:
            if secrets is None:
                return ChainKeyMissing("the audit log is keyed and no key was given")
            return secrets.refuse("missing")
        return None
    if check and check != fingerprint(key):
        assert secrets is not None  # a key comes from the secrets
        return secrets.refuse("mismatch")
    return None


def write_pending(session: Session) -> None:
    """Chain and insert the queued rows (called by the session right before commit)."""
    pending: list[AuditEntry] = session.info.pop(_PENDING, [])
    if not pending:
        return
    lock_chain(session)
    last = session.execute(
        select(AuditEntry.hash, AuditEntry.chain).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    prev = last.hash if last is not None else GENESIS
    secrets = _secrets_for(session)
    key = secrets.key() if secrets is not None else None
    problem = refusal(session, last_keyed=last is not None and last.chain == KEYED)
    if problem is not None:
        raise problem
    version = PLAIN if key is None else KEYED
    for entry in pending:
        entry.chain = version
        entry.prev_hash = prev
        entry.hash = prev = _keyed_digest(key, prev, entry) if key is not None else _digest(prev, entry)
        session.add(entry)
        session.flush()  # one at a time: ids follow the chain's order
    if secrets is not None:
        session.info[_HEAD] = (secrets, Head(count(session), pending[-1].id, prev))


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    write_pending(session)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    done = session.info.pop(_HEAD, None)
    if done is None:
        return
    secrets, head = done
    try:
        secrets.anchor(head)
    except Exception:  # the rows are committed; a missed anchor is reported by check
        log.warning("could not record the audit chain's head", exc_info=True)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(_HEAD, None)


_INSTALLED: Any = object()

KEY_HISTORY_SETTING = "audit_key_history"
"""Setting holding the replacements of the database's audit key, oldest first: a JSON
list of the ``after`` of each ``rekey`` row (see :data:`REKEY_ACTION`)."""
REKEY_ACTION = "rekey"
"""The audit row that records a replaced (lost) key: entity ``audit_key``, ``after`` =
``{"old_key": fingerprint, "new_key": fingerprint, "starts_at": rows before it,
"replaced_at": …, "replaced_by": …}``. It is the
first row keyed with the new key, so it pins the hash of every row before it."""
KEY_ENTITY = "audit_key"


def key_history(session: Session) -> list[dict[str, Any]]:
    """The replacements of the database's key, oldest first (empty: never replaced)."""
    raw = session.scalar(select(Setting.value).where(Setting.key == KEY_HISTORY_SETTING)) or ""
    try:
        found = json.loads(raw) if raw else []
    except ValueError:
        return [{"damaged": raw}]
    return found if isinstance(found, list) else [{"damaged": raw}]


def is_rekey(entry: AuditEntry) -> bool:
    return entry.action == REKEY_ACTION and entry.entity == KEY_ENTITY


@dataclass(frozen=True)
class RetiredRows:
    """Keyed rows signed with a replaced key this PC does not have: their links are
    checked, their signatures cannot be."""

    first: int
    """Position (1-based) of the first such row."""
    last: int
    """Position of the last row the replaced key signed (the replacement's ``starts_at``)."""
    rows: int
    replaced_at: str
    replaced_by: str


@dataclass
class ChainReport:
    """What :func:`inspect_chain` found: ``problems`` (the chain is not sound) and
    ``retired`` (rows only their links could check: not a problem, but to be said)."""

    problems: list[str]
    retired: list[RetiredRows]


def verify_chain(
    session: Session,
    *,
    key: bytes | None = _INSTALLED,
    keyed_after: int | None = None,
    other_keys: Iterable[bytes] = (),
) -> list[str]:
    """Problems found in the chain, oldest first; empty when the chain is intact
    (see :func:`inspect_chain`)."""
    return inspect_chain(session, key=key, keyed_after=keyed_after, other_keys=other_keys).problems


def inspect_chain(
    session: Session,
    *,
    key: bytes | None = _INSTALLED,
    keyed_after: int | None = None,
    other_keys: Iterable[bytes] = (),
) -> ChainReport:
    """Verify the chain: every link, and every row's hash with the key that signed it.

    ``key`` verifies the keyed rows (by default the key installed for this database with
    :func:`use_secrets`); without one they are counted and reported as not verifiable.
    ``keyed_after`` (from the key file) is the number of rows the chain had when the key
    was made: every later row must be keyed, so a tail re-hashed without the key and
    relabelled as plain rows is found too.

    After a lost key was replaced (``rekey`` rows, :data:`KEY_HISTORY_SETTING`), each
    row is verified with the key in use at its place, found by fingerprint among ``key``
    and ``other_keys`` (replaced keys this PC still has). Rows of a replaced key this PC
    lacks are checked by their links only and returned in ``retired`` — not a problem:
    the first row of the new key holds the last old row's hash. Rows of the key in use
    must verify as before, and the replacements in the chain must be the ones the
    settings record, each following the key before it.
    """
    if key is _INSTALLED:
        secrets = _secrets_for(session)
        key = secrets.key() if secrets is not None else None
    keys = {fingerprint(k): k for k in (*other_keys, *([key] if key else []))}
    check = key_check(session)
    history = key_history(session)
    in_use = str(history[0].get("old_key", "")) if history else check
    segment_key = keys.get(in_use) if in_use else key
    segment = 0  # replacements seen so far
    seen_rekeys: list[Any] = []
    problems: list[str] = []
    retired: list[RetiredRows] = []
    first_retired = 0
    retired_rows = 0
    prev = GENESIS
    unverifiable = 0
    seen_keyed = False
    position = 0
    for position, entry in enumerate(_iter_entries(session), start=1):
        if entry.prev_hash != prev:
            problems.append(f"audit_log id={entry.id}: previous-hash link broken")
        if is_rekey(entry) and entry.chain == KEYED:
            if retired_rows:
                retired.append(_retired(history, segment, first_retired, position - 1, retired_rows))
                first_retired = retired_rows = 0
            try:
                made = json.loads(entry.after)
            except ValueError:
                made = {}
            made = made if isinstance(made, dict) else {}
            seen_rekeys.append(made)
            if str(made.get("old_key", "")) != in_use or made.get("starts_at") != position - 1:
                problems.append(f"audit_log id={entry.id}: the key replacement does not follow the chain")
            in_use = str(made.get("new_key", ""))
            segment_key = keys.get(in_use)
            segment += 1
        if entry.chain == KEYED:
            seen_keyed = True
            if segment_key is None:
                if segment < len(history):  # a replaced key this PC does not have
                    first_retired = first_retired or position
                    retired_rows += 1
                else:
                    unverifiable += 1
            elif _keyed_digest(segment_key, entry.prev_hash, entry) != entry.hash:
                problems.append(f"audit_log id={entry.id}: content does not match its hash")
        elif entry.chain == PLAIN:
            if _digest(entry.prev_hash, entry) != entry.hash:
                problems.append(f"audit_log id={entry.id}: content does not match its hash")
            elif seen_keyed or (keyed_after is not None and position > keyed_after):
                problems.append(f"audit_log id={entry.id}: written without the key after the chain was keyed")
        else:
            problems.append(f"audit_log id={entry.id}: unknown chain version {entry.chain}")
        prev = entry.hash
    if retired_rows:  # the chain ends before the replacement the settings record
        retired.append(_retired(history, segment, first_retired, position, retired_rows))
    if seen_rekeys != history:
        problems.append("audit_log: the replaced audit keys recorded in the settings do not match the chain")
    elif history and in_use != check:
        problems.append("audit_log: the database's key fingerprint is not the key of the last replacement")
    if key is not None and check not in ("", fingerprint(key)):
        problems.append("audit_log: this PC's audit key is not the key of this database")
    if unverifiable:
        problems.append(
            f"audit_log: {unverifiable} keyed rows cannot be verified without this database's audit key"
        )
    return ChainReport(problems, retired)


def _retired(history: list[dict[str, Any]], segment: int, first: int, last: int, rows: int) -> RetiredRows:
    done = history[segment] if segment < len(history) else {}
    return RetiredRows(first, last, rows, str(done.get("replaced_at", "")), str(done.get("replaced_by", "")))


def _iter_entries(session: Session, batch: int = 5000) -> Iterator[AuditEntry]:
    last_id = 0
    while True:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.id > last_id).order_by(AuditEntry.id).limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        last_id = rows[-1].id


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def head(session: Session) -> Head | None:
    """The chain's head as the database has it now (None for an empty chain)."""
    last = session.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    if last is None:
        return None
    return Head(count(session), last.id, last.hash)


def contains_head(session: Session, anchored: Head) -> bool:
    """Whether the chain still has the anchored head at its place: the row with that hash
    exists and is the ``count``-th row. False when the tail was cut (or rewritten)."""
    row_id = session.scalar(select(AuditEntry.id).where(AuditEntry.hash == anchored.hash))
    if row_id is None:
        return False
    position = session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.id <= row_id))
    return position == anchored.count
