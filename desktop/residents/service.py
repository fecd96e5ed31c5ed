"""The residents register (居民档案): search, create, edit, archive, reveal.

Lists and search results carry masked ID numbers and phones. Seeing the full value is a
separate call, allowed only to roles with ``REVEAL_SENSITIVE`` and written to the audit
log. Residents are archived, never deleted: their history belongs to the centre.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from db import residents as repo
from db import search_index
from db.models import Grid, Resident
from db.residents import ResidentFilter
from db.uow import Database
from desktop.common import audit
from desktop.common.clock import Clock, system_clock
from desktop.common.conflicts import check_version
from desktop.common.errors import DomainError, FieldErrors, NotFound
from desktop.common.i18n import N_
from desktop.common.masking import mask_id_number, mask_phone
from desktop.common.permissions import Actor, Permission
from desktop.common.pinyin import initials
from desktop.common.validation import check_id_number, check_phone, form_text, search_text

__all__ = [
    "ResidentDetail",
    "ResidentFilter",
    "ResidentForm",
    "ResidentResult",
    "ResidentRow",
    "ResidentService",
    "Revealed",
]

KEY_GROUPS = (
    "独居老人",
    "困难家庭",
    "残疾人",
    "失业人员",
    "重点帮扶",
    "流动党员",
    "退役军人",
    "低保户",
    "空巢老人",
    "留守儿童",
)
GENDERS = ("男", "女")
NAME_MAX = 32
ADDRESS_MAX = 200
NOTES_MAX = 2000


@dataclass(frozen=True)
class ResidentRow:
    """One line of the register as the screen shows it (masked)."""

    id: int
    name: str
    gender: str
    age: int | None
    id_number: str
    phone: str
    address: str
    grid: str
    tags: str
    archived: bool


@dataclass(frozen=True)
class ResidentDetail:
    id: int
    name: str
    gender: str
    birth_date: dt.date | None
    id_number_masked: str
    phone_masked: str
    has_id_number: bool
    has_phone: bool
    address: str
    grid_id: int | None
    tag_ids: tuple[int, ...]
    notes: str
    archived: bool
    version: int = 1


@dataclass(frozen=True)
class Revealed:
    """A resident's full ID number and phone ("" when not recorded), seen by an allowed role."""

    id_number: str
    phone: str


@dataclass
class ResidentForm:
    """What the create/edit dialog submits.

    ``id_number`` and ``phone`` are ``None`` on edit when the user left the (masked)
    value alone; an empty string clears it.
    """

    name: str
    gender: str = ""
    birth_date: dt.date | None = None
    id_number: str | None = ""
    phone: str | None = ""
    address: str = ""
    grid_id: int | None = None
    tag_ids: Sequence[int] = field(default_factory=tuple)
    notes: str = ""
    version: int | None = None
    """The record's version when the edit form was opened (``ResidentDetail.version``):
    saving after another desk changed it is refused (``desktop.common.conflicts``)."""


@dataclass(frozen=True)
class Checked:
    """A validated form: values normalised, plus warnings that do not block saving."""

    values: dict
    warnings: dict[str, DomainError]


def _age(birth: dt.date | None, today: dt.date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _snapshot(r: Resident, tag_names: Sequence[str]) -> dict:
    """What the audit log keeps of a resident: sensitive fields masked."""
    return {
        "name": r.name,
        "gender": r.gender,
        "birth_date": r.birth_date.isoformat() if r.birth_date else "",
        "id_number": mask_id_number(r.id_number),
        "phone": mask_phone(r.phone),
        "address": r.address,
        "grid_id": r.grid_id,
        "tags": list(tag_names),
        "notes": r.notes,
        "archived": r.archived,
    }


class ResidentResult:
    """A snapshot of one search: its size and its rows page by page.

    With search text the matching ids are held (a few KB even for 30,000 matches);
    without, pages are read by offset from the indexed register.
    """

    def __init__(
        self,
        service: ResidentService,
        actor: Actor,
        f: ResidentFilter,
        count: int,
        ids: list[int] | None,
    ):
        self._service, self._actor, self.filter = service, actor, f
        self.count = count
        self._ids = ids

    def page(self, offset: int, limit: int) -> list[ResidentRow]:
        if self._ids is None:
            return self._service.page(self._actor, self.filter, offset, limit)
        self._actor.require(Permission.VIEW_RESIDENTS)
        return self._service._page_of(self._ids[offset : offset + limit])


class ResidentService:
    """The register: every read and change of residents goes through here.

    Args:
        db: the database.
        now: the clock (ages and birth-date checks use its date; saves stamp its time).
    """

    def __init__(self, db: Database, now: Clock = system_clock):
        self._db = db
        self._now = now

    def _today(self) -> dt.date:
        return self._now().date()

    # --- reading ---------------------------------------------------------------------
    def count(self, actor: Actor, f: ResidentFilter) -> int:
        actor.require(Permission.VIEW_RESIDENTS)
        f = replace(f, text=search_text(f.text))
        with self._db.reading() as uow:
            return repo.count(uow.session, f)

    def page(self, actor: Actor, f: ResidentFilter, offset: int, limit: int) -> list[ResidentRow]:
        actor.require(Permission.VIEW_RESIDENTS)
        f = replace(f, text=search_text(f.text))
        with self._db.reading() as uow:
            return self._rows(repo.page(uow.session, f, offset, limit))

    def search(self, actor: Actor, f: ResidentFilter) -> ResidentResult:
        """One result to page through: a search runs once, then pages are read by id."""
        actor.require(Permission.VIEW_RESIDENTS)
        f = replace(f, text=search_text(f.text))
        with self._db.reading() as uow:
            ids = repo.matching_ids(uow.session, f)
            total = len(ids) if ids is not None else repo.count(uow.session, f)
        return ResidentResult(self, actor, f, total, ids)

    def _page_of(self, ids: Sequence[int]) -> list[ResidentRow]:
        with self._db.reading() as uow:
            return self._rows(repo.records(uow.session, ids))

    def _rows(self, records: Sequence[repo.ResidentRecord]) -> list[ResidentRow]:
        today = self._today()
        return [
            ResidentRow(
                id=r.id,
                name=r.name,
                gender=r.gender,
                age=_age(r.birth_date, today),
                id_number=mask_id_number(r.id_number),
                phone=mask_phone(r.phone),
                address=r.address,
                grid=r.grid_name,
                tags="、".join(r.tags),
                archived=r.archived,
            )
            for r in records
        ]

    def row(self, actor: Actor, resident_id: int) -> ResidentRow:
        """One resident as the lists show them (masked), e.g. a resident other jobs hand
        over by id (an order turned from a request, from reception)."""
        actor.require(Permission.VIEW_RESIDENTS)
        rows = self._page_of([resident_id])
        if not rows:
            raise NotFound(N_("This resident no longer exists."))
        return rows[0]

    def get(self, actor: Actor, resident_id: int) -> ResidentDetail:
        actor.require(Permission.VIEW_RESIDENTS)
        with self._db.reading() as uow:
            r = uow.session.get(Resident, resident_id)
            if r is None:
                raise NotFound(N_("This resident no longer exists."))
            return ResidentDetail(
                id=r.id,
                name=r.name,
                gender=r.gender,
                birth_date=r.birth_date,
                id_number_masked=mask_id_number(r.id_number),
                phone_masked=mask_phone(r.phone),
                has_id_number=bool(r.id_number),
                has_phone=bool(r.phone),
                address=r.address,
                grid_id=r.grid_id,
                tag_ids=tuple(t.id for t in r.tags),
                notes=r.notes,
                archived=r.archived,
                version=r.version,
            )

    def reveal(self, actor: Actor, resident_id: int) -> Revealed:
        """The full ID number and phone; audited as ``reveal``."""
        actor.require(Permission.REVEAL_SENSITIVE)
        with self._db.writing() as uow:
            r = uow.session.get(Resident, resident_id)
            if r is None:
                raise NotFound(N_("This resident no longer exists."))
            audit.record(
                uow.session, actor, "reveal", "resident", r.id, after={"fields": ["id_number", "phone"]}
            )
            uow.commit()
            return Revealed(r.id_number or "", r.phone or "")

    def grids(self) -> list[tuple[int, str]]:
        """The active grids as ``(id, name)``, by name."""
        with self._db.reading() as uow:
            return repo.grids(uow.session)

    def tags(self) -> list[tuple[int, str]]:
        """The key groups as ``(id, name)``, in their fixed order."""
        with self._db.reading() as uow:
            return repo.tags(uow.session)

    # --- validation ------------------------------------------------------------------
    def check(self, form: ResidentForm, *, resident_id: int | None = None) -> Checked:
        """Validate and normalise a form; raise ``FieldErrors`` naming each bad field."""
        errors: dict[str, DomainError] = {}
        warnings: dict[str, DomainError] = {}
        values: dict = {}
        for key in ("name", "id_number", "phone", "address", "notes"):
            form_text(errors, key, getattr(form, key), None)  # a NUL character; lengths below
        if errors:
            raise FieldErrors(errors)
        name = (form.name or "").strip()
        if not name:
            errors["name"] = DomainError(N_("Enter the resident's name."))
        elif len(name) > NAME_MAX:
            errors["name"] = DomainError(N_("A name has at most {n} characters."), n=NAME_MAX)
        elif any(c.isdigit() for c in name):
            errors["name"] = DomainError(N_("A name cannot contain digits."))
        values["name"] = name
        gender = form.gender or ""
        if gender and gender not in GENDERS:
            errors["gender"] = DomainError(N_("Choose 男 or 女."))
        values["gender"] = gender
        values["birth_date"] = form.birth_date
        if form.birth_date and form.birth_date > self._today():
            errors["birth_date"] = DomainError(N_("The birth date cannot be in the future."))
        if form.id_number is not None:
            if form.id_number.strip():
                try:
                    info = check_id_number(form.id_number, today=self._today())
                except DomainError as exc:
                    errors["id_number"] = exc
                else:
                    values["id_number"] = info.number
                    values["birth_date"] = info.birth_date
                    values["gender"] = info.gender
                    if info.warnings:
                        warnings["id_number"] = DomainError(info.warnings[0], code=info.number[:6])
                    with self._db.reading() as uow:
                        # Read what the message needs while the session is open: leaving
                        # the unit of work expires and detaches the loaded row.
                        other = repo.find_by_id_number(uow.session, info.number)
                        owner = None if other is None else (other.id, other.name)
                    if owner is not None and owner[0] != resident_id:
                        errors["id_number"] = DomainError(
                            N_("This ID number is already registered to {name} (No. {id})."),
                            name=owner[1],
                            id=owner[0],
                        )
            else:
                values["id_number"] = None
        if form.phone is not None:
            if form.phone.strip():
                try:
                    values["phone"] = check_phone(form.phone)
                except DomainError as exc:
                    errors["phone"] = exc
            else:
                values["phone"] = None
        address = (form.address or "").strip()
        if len(address) > ADDRESS_MAX:
            errors["address"] = DomainError(N_("An address has at most {n} characters."), n=ADDRESS_MAX)
        values["address"] = address
        notes = (form.notes or "").strip()
        if len(notes) > NOTES_MAX:
            errors["notes"] = DomainError(N_("Notes have at most {n} characters."), n=NOTES_MAX)
        values["notes"] = notes
        values["grid_id"] = form.grid_id
        values["tag_ids"] = tuple(dict.fromkeys(form.tag_ids))
        if errors:
            raise FieldErrors(errors)
        return Checked(values=values, warnings=warnings)

    # --- writing ---------------------------------------------------------------------
    def save(self, actor: Actor, form: ResidentForm, resident_id: int | None = None) -> int:
        """Create (``resident_id`` None) or update a resident; one transaction with its audit row."""
        actor.require(Permission.EDIT_RESIDENTS)
        values = self.check(form, resident_id=resident_id).values
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            if values["grid_id"] is not None and s.get(Grid, values["grid_id"]) is None:
                raise FieldErrors({"grid_id": DomainError(N_("This grid no longer exists."))})
            tags = repo.tags_by_id(s, values["tag_ids"])
            if len(tags) != len(values["tag_ids"]):
                raise FieldErrors({"tags": DomainError(N_("A chosen key group no longer exists."))})
            if "id_number" in values and values["id_number"]:
                other = repo.find_by_id_number(s, values["id_number"])
                if other is not None and other.id != resident_id:
                    raise FieldErrors(
                        {
                            "id_number": DomainError(
                                N_("This ID number is already registered to {name} (No. {id})."),
                                name=other.name,
                                id=other.id,
                            )
                        }
                    )
            if resident_id is None:
                r = Resident(created_at=now, archived=False)
                s.add(r)
                before = None
            else:
                r = s.get(Resident, resident_id, with_for_update=True, populate_existing=True)
                if r is None:
                    raise NotFound(N_("This resident no longer exists."))
                check_version(
                    s,
                    entity="resident",
                    entity_id=r.id,
                    current=r.version,
                    expected=form.version,
                    today=now.date(),
                )
                before = _snapshot(r, [t.name for t in r.tags])
            r.name = values["name"]
            r.name_initials = initials(values["name"])
            r.gender = values["gender"]
            r.birth_date = values["birth_date"]
            if "id_number" in values:
                r.id_number = values["id_number"]
                r.id_number_rev = values["id_number"][::-1] if values["id_number"] else None
            if "phone" in values:
                r.phone = values["phone"]
                r.phone_rev = values["phone"].replace("-", "")[::-1] if values["phone"] else None
            r.address = values["address"]
            r.grid_id = values["grid_id"]
            r.notes = values["notes"]
            r.tags = tags
            r.updated_at = now
            s.flush()
            search_index.put(s, [(r.id, r.address, r.archived)])
            after = _snapshot(r, [t.name for t in tags])
            if before == after:
                return r.id
            audit.record(
                s,
                actor,
                "create" if before is None else "update",
                "resident",
                r.id,
                before=before,
                after=after,
                at=now,
            )
            uow.commit()
            return r.id

    def set_archived(self, actor: Actor, resident_id: int, archived: bool) -> None:
        actor.require(Permission.ARCHIVE_RESIDENTS)
        with self._db.writing() as uow:
            s = uow.session
            r = s.get(Resident, resident_id, with_for_update=True, populate_existing=True)
            if r is None:
                raise NotFound(N_("This resident no longer exists."))
            if r.archived == archived:
                return
            r.archived = archived
            r.updated_at = self._now()
            search_index.put(s, [(r.id, r.address, archived)])
            audit.record(
                s,
                actor,
                "archive" if archived else "restore",
                "resident",
                r.id,
                before={"archived": not archived},
                after={"archived": archived},
            )
            uow.commit()
