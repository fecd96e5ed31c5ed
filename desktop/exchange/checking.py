"""Checking every row of an imported register by the rules of the app's own forms.

A row becomes a :class:`PlannedRow` (the values as they will be stored) or a list of
:class:`RowError` naming the cell and the reason. The rules are the register's:
:meth:`ResidentService.check` for the name, gender, birth date, address and notes, and
:mod:`desktop.common.validation` for the ID number and phones — the same calls the
resident form makes. An import adds what only a file can get wrong:

* an ID number Excel stored as a number has lost digits: refused with that reason,
  never guessed (:func:`~desktop.common.validation.looks_stored_as_number`); a masked
  one (``110105********1234``, from an export) likewise;
* an old 15-digit ID is converted to 18 digits by the standard rule; lower-case x and
  full-width digits are normalised;
* a gender or birth date column that contradicts the ID number is an error (one of the
  two is wrong, and the file cannot say which);
* the same person twice in the file (same ID number, or same name and phone): the first
  row stands, each later one is refused naming it;
* a person already in the register: refused, or updated when the user chose 更新已有;
  for volunteers the register's record is linked (a volunteer is always a resident).

Columns the register has no place for (户籍地址, 人户状态, 民族, 政治面貌, key groups the
centre does not keep, further phone numbers) are kept in the resident's notes, one
"label：value" each, so nothing in the file is lost; 楼栋/单元/门牌 complete the address.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from db.exchange import Known
from desktop.common.errors import DomainError, FieldErrors
from desktop.common.i18n import N_
from desktop.common.validation import check_id_number, check_phone, looks_stored_as_number, text_problem
from desktop.exchange.cells import (
    parse_date,
    parse_gender,
    parse_hours,
    parse_points,
    plain,
    split_list,
    split_phones,
)
from desktop.exchange.fields import RESIDENCE_STATUSES, Field, Kind
from desktop.residents.service import ResidentForm, ResidentService

TEAM_MAX = 32


class Action(StrEnum):
    ADD = "add"  # a new resident (and, for volunteers, a new volunteer)
    UPDATE = "update"  # the register's resident, updated from the file
    LINK = "link"  # volunteers: the register's resident becomes a volunteer


@dataclass(frozen=True)
class RowError:
    """Why a row cannot come in; ``field`` is the cell (None: the row as a whole)."""

    field: Field | None
    error: DomainError


@dataclass(frozen=True)
class PlannedRow:
    """One row as it will be stored."""

    row_number: int  # as Excel shows it
    action: Action
    existing_id: int | None  # the register's resident (update, link)
    name: str
    gender: str
    birth_date: dt.date | None
    id_number: str | None
    phone: str | None
    address: str
    grid_id: int | None
    grid: str
    tag_ids: tuple[int, ...]
    tags: tuple[str, ...]
    notes: str
    # volunteers
    team: str = ""
    joined_on: dt.date | None = None
    minutes: int = 0
    points: int = 0


@dataclass(frozen=True)
class CheckedRow:
    index: int  # position in the table's rows
    row_number: int
    planned: PlannedRow | None
    errors: tuple[RowError, ...] = field(default=())


@dataclass(frozen=True)
class Register:
    """What the register holds that rows are checked against (read once per check)."""

    grids: Mapping[str, int]
    tags: Mapping[str, int]
    by_id_number: Mapping[str, Known]
    by_name_phone: Mapping[tuple[str, str], Known]


_FORM_FIELDS = {
    "name": Field.NAME,
    "gender": Field.GENDER,
    "birth_date": Field.BIRTH_DATE,
    "address": Field.ADDRESS,
    "notes": Field.NOTES,
}

ID_STORED_AS_NUMBER = N_(
    "Excel stored this ID number as a number and lost its last digits ({value}); "
    "format the column as text and type the number again."
)
ID_MASKED = N_("This ID number is masked ({value}); the full number is needed.")


def _id_number(raw: str, today: dt.date) -> tuple[str, dt.date, str]:
    """(number, birth date, gender) of an ID cell, or ``DomainError``."""
    if looks_stored_as_number(raw):
        raise DomainError(ID_STORED_AS_NUMBER, value=raw)
    if "*" in raw:
        raise DomainError(ID_MASKED, value=raw)
    info = check_id_number(raw, today=today, convert_15=True)
    return info.number, info.birth_date, info.gender


def _address(values: Mapping[Field, str]) -> str:
    """现住址 completed with 楼栋/单元/门牌 (a bare number gets its 栋/单元/室)."""
    address = plain(values.get(Field.ADDRESS, ""))
    for f, suffix in ((Field.BUILDING, "栋"), (Field.UNIT, "单元"), (Field.ROOM, "室")):
        part = plain(values.get(f, ""))
        if part.endswith(".0") and part[:-2].isdigit():
            part = part[:-2]
        if part and part not in address:
            address += part + suffix if part.isdigit() else part
    return address


class RowChecker:
    """Checks the rows of one file against one :class:`Register`."""

    def __init__(self, residents: ResidentService, register: Register, kind: Kind, today: dt.date):
        self._residents = residents
        self._register = register
        self._kind = kind
        self._today = today

    # --- one row, on its own -------------------------------------------------------
    def check(self, index: int, row_number: int, values: Mapping[Field, str]) -> CheckedRow:
        errors: list[RowError] = []
        extras: list[str] = []
        for f, raw in values.items():  # a NUL character in any cell: the row is refused
            problem = text_problem(raw, None)
            if problem is not None:
                errors.append(RowError(f, problem))
        if errors:
            return CheckedRow(index, row_number, None, tuple(errors))

        def attempt(f: Field, parse):
            try:
                return parse()
            except DomainError as exc:
                errors.append(RowError(f, exc))
                return None

        id_number = birth_from_id = gender_from_id = None
        raw_id = values.get(Field.ID_NUMBER, "").strip()
        if raw_id:
            parsed = attempt(Field.ID_NUMBER, lambda: _id_number(raw_id, self._today))
            if parsed is not None:
                id_number, birth_from_id, gender_from_id = parsed
        gender = ""
        if values.get(Field.GENDER, "").strip():
            gender = attempt(Field.GENDER, lambda: parse_gender(values[Field.GENDER])) or ""
            if gender and gender_from_id and gender != gender_from_id:
                errors.append(
                    RowError(
                        Field.GENDER,
                        DomainError(
                            N_("The gender {gender} contradicts the ID number ({expected})."),
                            gender=gender,
                            expected=gender_from_id,
                        ),
                    )
                )
        birth = None
        if values.get(Field.BIRTH_DATE, "").strip():
            birth = attempt(Field.BIRTH_DATE, lambda: parse_date(values[Field.BIRTH_DATE]))
            if birth is not None and birth_from_id is not None and birth != birth_from_id:
                errors.append(
                    RowError(
                        Field.BIRTH_DATE,
                        DomainError(
                            N_("The birth date {date} contradicts the ID number ({expected})."),
                            date=birth.isoformat(),
                            expected=birth_from_id.isoformat(),
                        ),
                    )
                )
        phone = None
        phones = split_phones(values.get(Field.PHONE, ""))
        for position, number in enumerate(phones):
            checked = attempt(Field.PHONE, lambda number=number: check_phone(number))
            if checked is not None and position == 0:
                phone = checked
            elif checked is not None:
                extras.append(f"其他电话：{checked}")
        grid_name = plain(values.get(Field.GRID, ""))
        grid_id = None
        if grid_name:
            grid_id = self._register.grids.get(grid_name)
            if grid_id is None:
                errors.append(
                    RowError(Field.GRID, DomainError(N_("There is no grid named {name}."), name=grid_name))
                )
        tag_ids: list[int] = []
        tag_names: list[str] = []
        unknown_tags: list[str] = []
        for tag in split_list(values.get(Field.TAGS, "")):
            if tag in self._register.tags:
                if tag not in tag_names:
                    tag_ids.append(self._register.tags[tag])
                    tag_names.append(tag)
            else:
                unknown_tags.append(tag)
        status = plain(values.get(Field.RESIDENCE_STATUS, ""))
        if status and status not in RESIDENCE_STATUSES:
            errors.append(
                RowError(
                    Field.RESIDENCE_STATUS,
                    DomainError(
                        N_("{value} is not a residence status: write one of {choices}."),
                        value=status,
                        choices="、".join(RESIDENCE_STATUSES),
                    ),
                )
            )
        address = _address(values)
        household = plain(values.get(Field.HOUSEHOLD_ADDRESS, ""))
        if household and not address:
            address = household
        for label, value in (
            ("户籍地址", household if household != address else ""),
            ("人户状态", status),
            ("民族", plain(values.get(Field.ETHNICITY, ""))),
            ("政治面貌", plain(values.get(Field.POLITICAL_STATUS, ""))),
            ("人员类别", "、".join(unknown_tags)),
        ):
            if value:
                extras.append(f"{label}：{value}")
        notes = "\n".join(x for x in (values.get(Field.NOTES, "").strip(), "；".join(extras)) if x)
        form = ResidentForm(
            name=plain(values.get(Field.NAME, "")),
            gender=gender_from_id or gender,
            birth_date=birth_from_id or birth,
            id_number=None,  # checked above, by the same function the form uses
            phone=None,
            address=address,
            notes=notes,
        )
        try:
            checked_form = self._residents.check(form).values
        except FieldErrors as exc:
            for key, error in exc.errors.items():
                errors.append(RowError(_FORM_FIELDS.get(key), error))
            checked_form = None
        team, joined_on, minutes, points = "", None, 0, 0
        if self._kind == Kind.VOLUNTEERS:
            team = plain(values.get(Field.TEAM, ""))
            if len(team) > TEAM_MAX:
                errors.append(
                    RowError(
                        Field.TEAM, DomainError(N_("A team name has at most {n} characters."), n=TEAM_MAX)
                    )
                )
            if values.get(Field.JOINED_ON, "").strip():
                joined_on = attempt(Field.JOINED_ON, lambda: parse_date(values[Field.JOINED_ON]))
                if joined_on is not None and joined_on > self._today:
                    errors.append(
                        RowError(
                            Field.JOINED_ON, DomainError(N_("The registration date cannot be in the future."))
                        )
                    )
            if values.get(Field.HOURS, "").strip():
                minutes = attempt(Field.HOURS, lambda: parse_hours(values[Field.HOURS])) or 0
            if values.get(Field.POINTS, "").strip():
                points = attempt(Field.POINTS, lambda: parse_points(values[Field.POINTS])) or 0
        if errors or checked_form is None:
            return CheckedRow(index, row_number, None, tuple(errors))
        return CheckedRow(
            index,
            row_number,
            PlannedRow(
                row_number=row_number,
                action=Action.ADD,
                existing_id=None,
                name=checked_form["name"],
                gender=checked_form["gender"],
                birth_date=checked_form["birth_date"],
                id_number=id_number,
                phone=phone,
                address=checked_form["address"],
                grid_id=grid_id,
                grid=grid_name,
                tag_ids=tuple(tag_ids),
                tags=tuple(tag_names),
                notes=checked_form["notes"],
                team=team,
                joined_on=joined_on,
                minutes=minutes,
                points=points,
            ),
        )

    # --- the rows together: duplicates and the register ------------------------------
    def settle(self, rows: Sequence[CheckedRow], *, update_existing: bool) -> list[CheckedRow]:
        """Refuse repeated people and decide, per row, add, update or link."""
        first_seen: dict[object, int] = {}
        out: list[CheckedRow] = []
        for row in rows:
            planned = row.planned
            if planned is None:
                out.append(row)
                continue
            key: object = planned.id_number or ((planned.name, planned.phone) if planned.phone else None)
            if key is not None and key in first_seen:
                reason = DomainError(N_("The same person as row {row}."), row=first_seen[key])
                out.append(
                    CheckedRow(
                        row.index,
                        row.row_number,
                        None,
                        (RowError(Field.ID_NUMBER if planned.id_number else Field.NAME, reason),),
                    )
                )
                continue
            if key is not None:
                first_seen[key] = row.row_number
            out.append(self._against_register(row, planned, update_existing))
        return out

    def _against_register(self, row: CheckedRow, planned: PlannedRow, update_existing: bool) -> CheckedRow:
        known = None
        where = Field.ID_NUMBER
        if planned.id_number:
            known = self._register.by_id_number.get(planned.id_number)
        elif planned.phone:
            known = self._register.by_name_phone.get((planned.name, planned.phone))
            where = Field.PHONE
        if known is None:
            return row

        def refuse(error: DomainError, f: Field = where) -> CheckedRow:
            return CheckedRow(row.index, row.row_number, None, (RowError(f, error),))

        if known.name != planned.name:
            return refuse(
                DomainError(
                    N_("This ID number belongs to {name} (No. {id}) in the register, not to {other}."),
                    name=known.name,
                    id=known.id,
                    other=planned.name,
                )
            )
        if known.archived:
            return refuse(
                DomainError(
                    N_("{name} (No. {id}) is archived in the register; restore the record first."),
                    name=known.name,
                    id=known.id,
                )
            )
        if self._kind == Kind.VOLUNTEERS:
            if known.is_volunteer:
                return refuse(DomainError(N_("{name} is already a volunteer."), name=known.name), Field.NAME)
            action = Action.UPDATE if update_existing else Action.LINK
        elif update_existing:
            action = Action.UPDATE
        elif planned.id_number:
            return refuse(
                DomainError(
                    N_("This ID number is already registered to {name} (No. {id})."),
                    name=known.name,
                    id=known.id,
                )
            )
        else:
            return refuse(
                DomainError(
                    N_("{name} with this phone is already in the register (No. {id})."),
                    name=known.name,
                    id=known.id,
                )
            )
        updated = PlannedRow(**{**planned.__dict__, "action": action, "existing_id": known.id})
        return CheckedRow(row.index, row.row_number, updated, ())
