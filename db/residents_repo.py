"""Queries over the residents register, written to stay fast at 200,000 rows.

Every search term becomes an index look-up: name and pinyin-initial prefixes, phone and
ID number prefixes, their last digits through the reversed ``*_rev`` columns, and any
part of the address through the character index in ``db.search_index``. Counting and paging are
separate calls so a windowed table can ask for the size once and then only the rows
that are on screen.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    exists,
    false,
    func,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.orm import Session

from db import search_index
from db.models import Grid, Resident, ResidentTag, Tag

# An ID number is searched from its start only once the area code (6 digits) is typed;
# shorter digit strings are phone numbers or the last digits of an ID.
ID_PREFIX_MIN = 6

SORTABLE = {
    "id": Resident.id,
    "name": Resident.name,
    "address": Resident.address,
    "created_at": Resident.created_at,
}


@dataclass(frozen=True)
class ResidentFilter:
    text: str = ""
    grid_id: int | None = None
    tag_id: int | None = None
    include_archived: bool = False
    sort: str = "id"
    descending: bool = True


def _prefix(session: Session, column, value: str) -> ColumnElement[bool]:
    """``column`` starts with ``value``, as an index range on SQLite."""
    if session.get_bind().dialect.name == "sqlite":
        # BINARY collation orders by code point, so [value, value+U+10FFFF) is exactly
        # the prefix range and SQLite answers it from the index.
        return and_(column >= value, column < value + "\U0010ffff")
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(escaped + "%", escape="\\")


def _address_contains(session: Session, value: str) -> ColumnElement[bool] | None:
    if search_index.is_indexed(session):
        match = search_index.phrase(value)
        if match is None:
            return None
        return Resident.id.in_(
            select(literal_column("rowid"))
            .select_from(table(search_index.TABLE))
            .where(literal_column(search_index.TABLE).op("MATCH")(match))
        )
    # Case-insensitive like the SQLite index, which folds letters ("a座" finds "A座").
    return func.strpos(func.lower(Resident.address), value.lower()) > 0


def normalise_query(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").strip().replace(" ", "")


def text_condition(session: Session, text: str) -> ColumnElement[bool] | None:
    """The WHERE clause for what was typed into the one search box."""
    q = normalise_query(text)
    if not q:
        return None
    if q.isascii() and q.isalpha():
        lower = q.lower()
        return or_(_prefix(session, Resident.name_initials, lower), _prefix(session, Resident.name, q))
    digits = q.replace("-", "").upper()
    if q.isascii() and digits and all(c.isdigit() or c == "X" for c in digits):
        terms = [_prefix(session, Resident.id_number_rev, digits[::-1])]
        if len(digits) >= ID_PREFIX_MIN:
            terms.append(_prefix(session, Resident.id_number, digits))
        if "X" not in digits:
            terms += [
                _prefix(session, Resident.phone, q),
                _prefix(session, Resident.phone_rev, digits[::-1]),
            ]
        return or_(*terms)
    terms = [_prefix(session, Resident.name, q)]
    address = _address_contains(session, q)
    if address is not None:
        terms.append(address)
    return or_(*terms)


def _filtered(session: Session, f: ResidentFilter, stmt: Select) -> Select:
    cond = text_condition(session, f.text)
    if cond is not None:
        stmt = stmt.where(cond)
    if not f.include_archived:
        stmt = stmt.where(Resident.archived == false())
    if f.grid_id is not None:
        stmt = stmt.where(Resident.grid_id == f.grid_id)
    if f.tag_id is not None:
        stmt = stmt.where(
            exists().where(ResidentTag.resident_id == Resident.id, ResidentTag.tag_id == f.tag_id)
        )
    return stmt


def count(session: Session, f: ResidentFilter) -> int:
    return session.scalar(_filtered(session, f, select(func.count(Resident.id)))) or 0


@dataclass(frozen=True)
class ResidentRecord:
    """One row of the register as stored (unmasked); the service masks it."""

    id: int
    name: str
    gender: str
    birth_date: object
    id_number: str | None
    phone: str | None
    address: str
    grid_name: str
    tags: tuple[str, ...]
    archived: bool


def page_ids(session: Session, f: ResidentFilter, offset: int, limit: int) -> list[int]:
    """Ids of the rows in ``[offset, offset+limit)`` of the filtered, sorted register.

    Only ids are selected, so SQLite answers from covering indexes; with a search the
    ordering uses ``id + 0`` so the planner gathers the (few) matches through the search
    indexes and sorts them, instead of walking the whole table in id order.
    """
    order_col = SORTABLE.get(f.sort, Resident.id)
    key = order_col
    if order_col is Resident.id and normalise_query(f.text):
        key = Resident.id + 0
    order = [key.desc() if f.descending else key.asc()]
    if order_col is not Resident.id:
        order.append(Resident.id.desc() if f.descending else Resident.id.asc())
    stmt = _filtered(session, f, select(Resident.id)).order_by(*order).offset(offset).limit(limit)
    return list(session.scalars(stmt))


def page(session: Session, f: ResidentFilter, offset: int, limit: int) -> list[ResidentRecord]:
    ids = page_ids(session, f, offset, limit)
    if not ids:
        return []
    rows = session.execute(
        select(
            Resident.id, Resident.name, Resident.gender, Resident.birth_date,
            Resident.id_number, Resident.phone, Resident.address, Grid.name,
            Resident.archived,
        )
        .outerjoin(Grid, Grid.id == Resident.grid_id)
        .where(Resident.id.in_(ids))
    ).all()
    by_id = {r[0]: r for r in rows}
    rows = [by_id[i] for i in ids if i in by_id]
    tags = tags_for(session, [r[0] for r in rows])
    return [
        ResidentRecord(
            id=r[0], name=r[1], gender=r[2], birth_date=r[3], id_number=r[4], phone=r[5],
            address=r[6], grid_name=r[7] or "", tags=tags.get(r[0], ()), archived=r[8],
        )
        for r in rows
    ]


def tags_for(session: Session, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    if not ids:
        return {}
    out: dict[int, list[str]] = {}
    rows = session.execute(
        select(ResidentTag.resident_id, Tag.name)
        .join(Tag, Tag.id == ResidentTag.tag_id)
        .where(ResidentTag.resident_id.in_(ids))
        .order_by(Tag.id)
    )
    for rid, name in rows:
        out.setdefault(rid, []).append(name)
    return {k: tuple(v) for k, v in out.items()}


def find_by_id_number(session: Session, id_number: str) -> Resident | None:
    return session.scalar(select(Resident).where(Resident.id_number == id_number).limit(1))
