"""合并重复居民: two records of one person become one.

Imports and years of paper produce the same person twice: once with an ID number and
once without, once with an old phone. Staff review suggested pairs (same name and birth
date, same phone, or same name and address), see the two side by side, choose field by
field which value stays, and merge. In one transaction: the kept record takes the chosen
values; the requests, service orders, visits and everything else that names the other
record move to the kept one (``db.exchange.move_references``), so do its volunteer
account and its key groups; the other record is archived with ``merged_into_id``
pointing at the kept one; the audit log holds both records as they were.

Two volunteer accounts cannot be merged (their ledgers are append-only and each balance
is its own): such a pair is refused with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field

from db import exchange as repo
from db import search_index
from db.models import Grid, Resident
from db.uow import Database
from desktop.common import audit
from desktop.common.clock import Clock, system_clock
from desktop.common.errors import DomainError, NotFound
from desktop.common.i18n import N_
from desktop.common.masking import mask_id_number, mask_phone
from desktop.common.permissions import Actor, Permission
from desktop.common.pinyin import initials

FIELDS = ("name", "gender", "birth_date", "id_number", "phone", "address", "grid", "notes")
"""The fields the user chooses between, in the order the dialog shows them."""

FIELD_LABELS: dict[str, str] = {
    "name": N_("Name"),
    "gender": N_("Gender"),
    "birth_date": N_("Birth date"),
    "id_number": N_("ID number"),
    "phone": N_("Phone"),
    "address": N_("Address"),
    "grid": N_("Grid"),
    "notes": N_("Notes"),
}
REASONS: dict[str, str] = {
    "name_birth": N_("Same name and birth date"),
    "phone": N_("Same phone"),
    "name_address": N_("Same name and address"),
}
REFERENCE_LABELS: dict[str, str] = {
    "request": N_("requests"),
    "service_order": N_("service orders"),
}


@dataclass(frozen=True)
class Side:
    """One of the two records, as the side-by-side view shows it (numbers masked)."""

    id: int
    name: str
    gender: str
    birth_date: dt.date | None
    id_number: str
    phone: str
    address: str
    grid: str
    notes: str
    tags: tuple[str, ...]
    is_volunteer: bool
    references: dict[str, int] = field(default_factory=dict)  # table → rows naming it
    created_at: dt.datetime | None = None

    def value(self, name: str) -> str:
        """A field's value as text (for the choice buttons)."""
        value = getattr(self, name)
        if isinstance(value, dt.date):
            return value.isoformat()
        return "" if value is None else str(value)


@dataclass(frozen=True)
class Suggestion:
    first: Side
    second: Side
    reason: str  # a key of REASONS


@dataclass(frozen=True)
class MergeResult:
    kept_id: int
    archived_id: int
    moved: dict[str, int]
    tags_added: int
    volunteer_moved: bool


def _snapshot(r: Resident, tags: Collection[str]) -> dict:
    return {
        "id": r.id,
        "name": r.name,
        "gender": r.gender,
        "birth_date": r.birth_date.isoformat() if r.birth_date else "",
        "id_number": mask_id_number(r.id_number),
        "phone": mask_phone(r.phone),
        "address": r.address,
        "grid_id": r.grid_id,
        "notes": r.notes,
        "tags": sorted(tags),
        "archived": r.archived,
    }


class MergeService:
    """Finding and merging duplicate residents."""

    def __init__(self, db: Database, now: Clock = system_clock):
        self._db = db
        self._now = now

    def _side(self, session, r: Resident, *, full: bool) -> Side:
        grid = session.get(Grid, r.grid_id) if r.grid_id is not None else None
        return Side(
            id=r.id,
            name=r.name,
            gender=r.gender,
            birth_date=r.birth_date,
            id_number=(r.id_number or "") if full else mask_id_number(r.id_number),
            phone=(r.phone or "") if full else mask_phone(r.phone),
            address=r.address,
            grid=grid.name if grid is not None else "",
            notes=r.notes,
            tags=repo.tag_names_of(session, [r.id]).get(r.id, ()),
            is_volunteer=repo.volunteer_id_of(session, r.id) is not None,
            references=repo.count_references(session, r.id),
            created_at=r.created_at,
        )

    def suggestions(self, actor: Actor, limit: int = repo.SUGGESTION_LIMIT) -> list[Suggestion]:
        """Pairs that may be one person, for review."""
        actor.require(Permission.MERGE_RESIDENTS)
        with self._db.reading() as uow:
            s = uow.session
            pairs = repo.suggested_pairs(s, limit)
            ids = sorted({p.first_id for p in pairs} | {p.second_id for p in pairs})
            rows = {i: r for i in ids if (r := s.get(Resident, i)) is not None}
            grids = {grid_id: name for name, grid_id in repo.grids_by_name(s).items()}
            tags = repo.tag_names_of(s, ids)
            full = actor.can(Permission.REVEAL_SENSITIVE)

            def light(r: Resident) -> Side:
                return Side(
                    id=r.id,
                    name=r.name,
                    gender=r.gender,
                    birth_date=r.birth_date,
                    id_number=(r.id_number or "") if full else mask_id_number(r.id_number),
                    phone=(r.phone or "") if full else mask_phone(r.phone),
                    address=r.address,
                    grid=grids.get(r.grid_id, "") if r.grid_id is not None else "",
                    notes=r.notes,
                    tags=tags.get(r.id, ()),
                    is_volunteer=False,
                    created_at=r.created_at,
                )

            return [
                Suggestion(light(rows[p.first_id]), light(rows[p.second_id]), p.reason)
                for p in pairs
                if p.first_id in rows and p.second_id in rows
            ]

    def compare(self, actor: Actor, first_id: int, second_id: int) -> tuple[Side, Side]:
        """The two records side by side, with what names each of them."""
        actor.require(Permission.MERGE_RESIDENTS)
        with self._db.reading() as uow:
            s = uow.session
            a, b = s.get(Resident, first_id), s.get(Resident, second_id)
            if a is None or b is None:
                raise NotFound(N_("This resident no longer exists."))
            full = actor.can(Permission.REVEAL_SENSITIVE)
            return self._side(s, a, full=full), self._side(s, b, full=full)

    def merge(
        self, actor: Actor, keep_id: int, other_id: int, take_from_other: Collection[str] = ()
    ) -> MergeResult:
        """Merge ``other_id`` into ``keep_id``; ``take_from_other`` names the fields
        (of :data:`FIELDS`) whose value comes from the other record."""
        actor.require(Permission.MERGE_RESIDENTS)
        unknown = set(take_from_other) - set(FIELDS)
        if unknown:
            raise ValueError(sorted(unknown))
        if keep_id == other_id:
            raise DomainError(N_("Choose two different residents."))
        at = self._now()
        with self._db.writing() as uow:
            s = uow.session
            found = repo.residents_for_update(s, [keep_id, other_id])
            keep, other = found.get(keep_id), found.get(other_id)
            if keep is None or other is None:
                raise NotFound(N_("This resident no longer exists."))
            if keep.archived or other.archived:
                raise DomainError(N_("An archived record cannot be merged; restore it first."))
            keep_volunteer = repo.volunteer_id_of(s, keep.id)
            other_volunteer = repo.volunteer_id_of(s, other.id)
            if keep_volunteer is not None and other_volunteer is not None:
                raise DomainError(
                    N_("Both records are volunteers with their own points; two accounts cannot be merged.")
                )
            tag_names = repo.tag_names_of(s, [keep.id, other.id])
            before = {
                "kept": _snapshot(keep, tag_names.get(keep.id, ())),
                "merged": _snapshot(other, tag_names.get(other.id, ())),
            }
            take = set(take_from_other)
            if "id_number" in take and other.id_number:
                number = other.id_number
                other.id_number = other.id_number_rev = None  # one record holds a number
                s.flush()
                keep.id_number, keep.id_number_rev = number, number[::-1]
            for name in ("name", "gender", "birth_date", "address", "notes"):
                if name in take:
                    setattr(keep, name, getattr(other, name))
            if "phone" in take:
                keep.phone, keep.phone_rev = other.phone, other.phone_rev
            if "grid" in take:
                keep.grid_id = other.grid_id
            keep.name_initials = initials(keep.name)
            keep.updated_at = at
            moved = repo.move_references(s, other.id, keep.id)
            if other_volunteer is not None:
                repo.move_volunteer(s, other_volunteer, keep.id)
            added = repo.move_tags(s, other.id, keep.id)
            other.archived = True
            other.merged_into_id = keep.id
            other.updated_at = at
            s.flush()
            search_index.put(s, [(keep.id, keep.address, False), (other.id, other.address, True)])
            tags_now = repo.tag_names_of(s, [keep.id]).get(keep.id, ())
            audit.record(
                s,
                actor,
                "merge",
                "resident",
                keep.id,
                before=before,
                after={
                    "kept": _snapshot(keep, tags_now),
                    "merged_id": other.id,
                    "taken_from_merged": sorted(take),
                    "moved": moved,
                    "volunteer_moved": other_volunteer is not None,
                },
                at=at,
            )
            uow.commit()
            return MergeResult(
                kept_id=keep_id,
                archived_id=other_id,
                moved=moved,
                tags_added=added,
                volunteer_moved=other_volunteer is not None,
            )
