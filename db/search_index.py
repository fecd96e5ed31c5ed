"""A character index over residents' addresses, so any part of an address is found fast.

Addresses are matched anywhere inside the text ("幸福" in "幸福家园3号楼"). A scan of
200,000 addresses takes 100+ ms; FTS5's trigram tokenizer cannot serve 1–2 character
queries (and SQLite 3.40 returned wrong results for them). Instead each address is
stored as space-separated characters in an FTS5 ``unicode61`` table, and a query becomes
a phrase of its characters: adjacent tokens in order, i.e. exactly a substring match,
for any length, from the index.

Only residents who are not archived are indexed, so a search never has to read the
resident rows to leave archived ones out; the few archived addresses are scanned when
asked for. SQLite only. On PostgreSQL the address is matched with ``strpos`` (a server scans fast,
and a trigram index can be added there later without changing callers).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

TABLE = "resident_address_fts"


def tokens(address: str) -> str:
    """``幸福家园3号`` → ``幸 福 家 园 3 号``: one token per letter, digit or character."""
    return " ".join(ch for ch in address.lower() if ch.isalnum())


def phrase(query: str) -> str | None:
    """The FTS5 phrase that matches ``query`` as a substring, or None if it has no letters."""
    chars = tokens(query)
    return f'"{chars}"' if chars else None


def create_address_index(conn: Connection) -> None:
    if conn.dialect.name != "sqlite":
        return
    conn.execute(text(f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(tokens, tokenize='unicode61')"))
    rows = conn.execute(text("SELECT id, address FROM resident WHERE NOT archived")).all()
    if rows:
        conn.execute(
            text(f"INSERT INTO {TABLE}(rowid, tokens) VALUES (:id, :t)"),
            [{"id": r[0], "t": tokens(r[1] or "")} for r in rows],
        )


def drop_address_index(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(text(f"DROP TABLE IF EXISTS {TABLE}"))


def is_indexed(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def put(session: Session, items: Iterable[tuple[int, str, bool]], *, new: bool = False) -> None:
    """Index residents as ``(id, address, archived)``; archived ones are taken out.

    ``new``: none of these residents is indexed yet (bulk loading), skip the deletes.
    """
    if not is_indexed(session):
        return
    items = list(items)
    if not items:
        return
    if not new:
        session.execute(text(f"DELETE FROM {TABLE} WHERE rowid = :id"), [{"id": i[0]} for i in items])
    params = [{"id": rid, "t": tokens(addr or "")} for rid, addr, archived in items if not archived]
    if params:
        session.execute(text(f"INSERT INTO {TABLE}(rowid, tokens) VALUES (:id, :t)"), params)


def mismatches(conn: Connection) -> int:
    """Residents whose indexed address differs from the stored one (for ``check``)."""
    if conn.dialect.name != "sqlite":
        return 0
    indexed = dict(conn.execute(text(f"SELECT rowid, tokens FROM {TABLE}")).all())
    bad = 0
    for rid, addr in conn.execute(text("SELECT id, address FROM resident WHERE NOT archived")):
        if indexed.pop(rid, None) != tokens(addr or ""):
            bad += 1
    return bad + len(indexed)
