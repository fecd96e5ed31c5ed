"""导入居民 / 导入志愿者: a register file checked row by row, then brought in whole.

The steps follow the wizard (and ``main.py import``): :meth:`ImportService.open` reads
the file and proposes a column mapping (the known headers, and what the user chose for
a header last time); :meth:`ImportService.plan` checks every row
(:mod:`desktop.exchange.checking`) and counts 新增 / 更新 / 错误; :meth:`ImportService.run`
writes it.

All or nothing: by default a plan with any error imports nothing (the error report says
why); ``valid_only`` imports the good rows and is the user's explicit choice. Either way
the rows are written in ONE transaction, with the volunteers' opening balances and the
audit row, so a cancelled or failed import leaves the register exactly as it was. The
register is checked again inside that transaction: a person registered at a desk since
the preview is not imported twice.

New residents are inserted in batches (50,000 rows in seconds); an updated resident gets
its own audit row with what changed, the import as a whole one row with its counts.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy.orm import Session

from db import exchange as repo
from db import search_index
from db import settings as db_settings
from db.uow import Database
from desktop.common import audit
from desktop.common.clock import Clock, system_clock
from desktop.common.errors import DomainError
from desktop.common.i18n import N_
from desktop.common.masking import mask_id_number, mask_phone
from desktop.common.permissions import Actor, Permission
from desktop.common.pinyin import initials
from desktop.common.validation import check_phone, id_number_15_to_18, normalise_text
from desktop.exchange.cells import split_phones
from desktop.exchange.checking import Action, CheckedRow, PlannedRow, Register, RowChecker, RowError
from desktop.exchange.fields import ColumnMap, Field, Kind, auto_mapping, remembered_choices
from desktop.exchange.reading import Table, read_table, sheet_names
from desktop.exchange.wording import Wording
from desktop.exchange.workbooks import write_error_report, write_template
from desktop.residents.service import ResidentService

MAPPING_KEY = "exchange.mapping.{kind}"
"""The ``setting`` row that remembers the user's column choices, per kind of import."""
PREVIEW_ROWS = 50
BATCH = 1000

Report = Callable[[int, int], None]
"""``report(done, total)``: how far the import is."""
Check = Callable[[], None]
"""Raises to stop the import (the user pressed 取消); everything is rolled back."""


class EnrolVolunteer(Protocol):
    """The love bank's rule for a volunteer who comes with a history
    (``desktop.love_bank.history.enrol_with_history``), handed in by ``desktop.opening``."""

    def __call__(
        self,
        session: Session,
        actor: Actor,
        *,
        resident_id: int,
        team: str,
        joined_on: dt.date,
        minutes: int,
        points: int,
        at: dt.datetime,
    ) -> int: ...


@dataclass(frozen=True)
class ImportFile:
    """A file read and a mapping proposed: what the mapping step shows."""

    kind: Kind
    path: Path
    sheets: tuple[str, ...]
    table: Table
    mapping: ColumnMap

    @property
    def unknown_columns(self) -> list[int]:
        """Columns with a header that no field took (for the user to map or ignore)."""
        return [i for i, h in enumerate(self.table.headers) if h and i not in self.mapping]


@dataclass(frozen=True)
class Counts:
    added: int = 0
    updated: int = 0
    linked: int = 0  # volunteers whose resident was already in the register
    errors: int = 0


@dataclass(frozen=True)
class ImportPlan:
    """Every row checked: what will be stored, and what is wrong where."""

    source: ImportFile
    mapping: ColumnMap
    update_existing: bool
    rows: tuple[CheckedRow, ...]

    @property
    def planned(self) -> list[PlannedRow]:
        return [r.planned for r in self.rows if r.planned is not None]

    @property
    def failed(self) -> list[CheckedRow]:
        return [r for r in self.rows if r.planned is None]

    @property
    def counts(self) -> Counts:
        planned = self.planned
        return Counts(
            added=sum(1 for p in planned if p.action == Action.ADD),
            updated=sum(1 for p in planned if p.action == Action.UPDATE),
            linked=sum(1 for p in planned if p.action == Action.LINK),
            errors=len(self.failed),
        )

    def preview(self, limit: int = PREVIEW_ROWS) -> list[CheckedRow]:
        """The first rows, good or bad, as they will be stored or why not."""
        return list(self.rows[:limit])


@dataclass(frozen=True)
class ImportResult:
    counts: Counts
    resident_ids: tuple[int, ...] = field(default=())  # new and updated residents
    volunteer_ids: tuple[int, ...] = field(default=())


class ImportService:
    """Imports of residents and volunteers.

    Args:
        db: the database.
        residents: the register (its form rules check every row).
        enrol: the love bank's rule for volunteers with a history (None: volunteers
            cannot be imported).
        now: the clock.
    """

    def __init__(
        self,
        db: Database,
        residents: ResidentService,
        *,
        enrol: EnrolVolunteer | None = None,
        now: Clock = system_clock,
    ):
        self._db = db
        self._residents = residents
        self._enrol = enrol
        self._now = now

    # --- reading and mapping ---------------------------------------------------------
    def _require(self, actor: Actor, kind: Kind) -> None:
        actor.require(Permission.IMPORT_REGISTERS)
        if kind == Kind.VOLUNTEERS:
            actor.require(Permission.MANAGE_LOVE_BANK)
            if self._enrol is None:
                raise DomainError(N_("Volunteers cannot be imported here."))

    def sheets(self, path: Path) -> list[str]:
        return sheet_names(Path(path))

    def remembered(self, kind: Kind) -> dict[str, str]:
        """Header → field ("" = ignored) as the user chose them in earlier imports."""
        with self._db.reading() as uow:
            return _choices(db_settings.get(uow.session, MAPPING_KEY.format(kind=kind.value), ""))

    def open(self, actor: Actor, kind: Kind, path: Path, sheet: str | None = None) -> ImportFile:
        """Read one sheet of the file and propose a mapping of its columns."""
        self._require(actor, kind)
        path = Path(path)
        sheets = tuple(self.sheets(path))
        if sheet is not None and sheet not in sheets:
            raise DomainError(N_("There is no sheet named {sheet} in {name}."), sheet=sheet, name=path.name)
        table = read_table(path, sheet)
        mapping = auto_mapping(table.headers, kind, self.remembered(kind))
        return ImportFile(kind=kind, path=path, sheets=sheets, table=table, mapping=mapping)

    def remember(self, actor: Actor, source: ImportFile, mapping: ColumnMap) -> None:
        """Keep the user's choices for headers the known names do not cover (or cover
        differently), for the next import of this kind."""
        self._require(actor, source.kind)
        choices = remembered_choices(source.table.headers, mapping)
        if not choices:
            return
        key = MAPPING_KEY.format(kind=source.kind.value)
        with self._db.writing() as uow:
            stored = _choices(db_settings.get(uow.session, key, ""))
            stored.update(choices)
            db_settings.put(uow.session, key, json.dumps(stored, ensure_ascii=False, sort_keys=True))
            uow.commit()

    # --- files the user is handed ----------------------------------------------------
    def write_template(self, actor: Actor, kind: Kind, path: Path) -> Path:
        """下载模板: a blank register of this kind to fill in (see ``workbooks.write_template``)."""
        self._require(actor, kind)
        path = Path(path).with_suffix(".xlsx")
        grids = [name for _id, name in self._residents.grids()]
        tags = [name for _id, name in self._residents.tags()]
        write_template(path, kind, grids=grids, tags=tags)
        return path

    def write_error_report(self, plan: ImportPlan, path: Path, wording: Wording | None = None) -> int:
        """The rows of the plan that cannot come in, with their reasons (in Chinese with
        the app's wording); how many rows the report holds."""
        columns_of = {f: i for i, f in plan.mapping.items()}
        table = plan.source.table
        return write_error_report(
            Path(path).with_suffix(".xlsx"),
            table.headers,
            table.rows,
            plan.failed,
            columns_of,
            wording=wording,
        )

    # --- checking ---------------------------------------------------------------------
    def _register(self, session: Session, values: Sequence[Mapping[Field, str]]) -> Register:
        numbers = [normalise_text(v.get(Field.ID_NUMBER, "")).upper() for v in values]
        phones: list[str] = []
        for v in values:
            if v.get(Field.ID_NUMBER, "").strip():
                continue  # a row with an ID number is matched by it alone
            first = next(iter(split_phones(v.get(Field.PHONE, ""))), "")
            try:
                phones.append(check_phone(first))
            except DomainError:
                pass
        return Register(
            grids=repo.grids_by_name(session),
            tags=repo.tags_by_name(session),
            by_id_number=repo.residents_by_id_number(session, [n for n in numbers if n]),
            by_name_phone=repo.residents_by_name_and_phone(session, phones),
        )

    def plan(
        self,
        actor: Actor,
        source: ImportFile,
        mapping: ColumnMap | None = None,
        *,
        update_existing: bool = False,
        report: Report | None = None,
    ) -> ImportPlan:
        """Check every row; nothing is written."""
        self._require(actor, source.kind)
        mapping = dict(source.mapping if mapping is None else mapping)
        if Field.NAME not in mapping.values():
            raise DomainError(N_("Choose the column that holds the names (姓名)."))
        values = [{f: row[i] for i, f in mapping.items() if i < len(row)} for row in source.table.rows]
        with self._db.reading() as uow:
            register = self._register(uow.session, _with_converted_ids(values))
        checker = RowChecker(self._residents, register, source.kind, self._now().date())
        total = len(values)
        checked: list[CheckedRow] = []
        for index, (number, cells) in enumerate(zip(source.table.row_numbers, values, strict=True)):
            checked.append(checker.check(index, number, cells))
            if report is not None and index % BATCH == 0:
                report(index, total)
        rows = checker.settle(checked, update_existing=update_existing)
        return ImportPlan(source=source, mapping=mapping, update_existing=update_existing, rows=tuple(rows))

    # --- writing ----------------------------------------------------------------------
    def run(
        self,
        actor: Actor,
        plan: ImportPlan,
        *,
        valid_only: bool = False,
        report: Report | None = None,
        check: Check | None = None,
    ) -> ImportResult:
        """Write the plan in one transaction; ``DomainError`` (nothing written) if it has
        errors and ``valid_only`` is not set, or if nothing is left to import."""
        kind = plan.source.kind
        self._require(actor, kind)
        counts = plan.counts
        if counts.errors and not valid_only:
            raise DomainError(
                N_(
                    "{errors} of {total} rows have errors, so nothing was imported. "
                    "Correct them (see the error report) or import only the valid rows."
                ),
                errors=counts.errors,
                total=len(plan.rows),
            )
        planned = plan.planned
        if not planned:
            raise DomainError(N_("There is no valid row to import."))
        at = self._now()
        total = len(planned)
        with self._db.writing() as uow:
            s = uow.session
            self._recheck(s, plan, planned)
            new_rows = [p for p in planned if p.action == Action.ADD]
            new_ids: list[int] = []
            for start in range(0, len(new_rows), BATCH):
                if check is not None:
                    check()
                batch = new_rows[start : start + BATCH]
                ids = repo.insert_residents(s, [_resident_values(p, at) for p in batch])
                repo.add_tags(
                    s, [(rid, t) for rid, p in zip(ids, batch, strict=True) for t in p.tag_ids], new=True
                )
                search_index.put(
                    s, [(rid, p.address, False) for rid, p in zip(ids, batch, strict=True)], new=True
                )
                new_ids += ids
                if report is not None:
                    report(start + len(batch), total)
            resident_of: dict[int, int] = {
                p.row_number: rid for p, rid in zip(new_rows, new_ids, strict=True)
            }
            updated = self._update(s, actor, [p for p in planned if p.action == Action.UPDATE], at, check)
            for p in planned:
                if p.existing_id is not None:
                    resident_of[p.row_number] = p.existing_id
            volunteer_ids: list[int] = []
            if kind == Kind.VOLUNTEERS:
                assert self._enrol is not None
                for done, p in enumerate(planned, start=1):
                    if check is not None and done % 100 == 0:
                        check()
                    volunteer_ids.append(
                        self._enrol(
                            s,
                            actor,
                            resident_id=resident_of[p.row_number],
                            team=p.team,
                            joined_on=p.joined_on or at.date(),
                            minutes=p.minutes,
                            points=p.points,
                            at=at,
                        )
                    )
            if check is not None:
                check()
            audit.record(
                s,
                actor,
                "import",
                "volunteer" if kind == Kind.VOLUNTEERS else "resident",
                after={
                    "file": plan.source.path.name,
                    "sheet": plan.source.table.sheet,
                    "added": len(new_ids),
                    "updated": updated,
                    "linked": counts.linked,
                    "volunteers": len(volunteer_ids),
                    "skipped_rows": [r.row_number for r in plan.failed],
                    "new_ids": _ranges(new_ids),
                },
                at=at,
            )
            uow.commit()
        if report is not None:
            report(total, total)
        touched = tuple(sorted(set(new_ids) | {p.existing_id for p in planned if p.existing_id is not None}))
        return ImportResult(
            counts=replace(counts, errors=len(plan.failed)),
            resident_ids=touched,
            volunteer_ids=tuple(volunteer_ids),
        )

    def _recheck(self, session: Session, plan: ImportPlan, planned: Sequence[PlannedRow]) -> None:
        """The register as it is now, inside the write transaction: refuse the import if
        a row's person was registered (or changed) since the preview."""
        numbers = [p.id_number for p in planned if p.id_number]
        now_known = repo.residents_by_id_number(session, numbers)
        for p in planned:
            known = now_known.get(p.id_number) if p.id_number else None
            was = p.existing_id
            if (known.id if known is not None else None) != was and p.id_number:
                raise DomainError(
                    N_("The register changed since the preview (row {row}); check the file again."),
                    row=p.row_number,
                )
            if plan.source.kind == Kind.VOLUNTEERS and known is not None and known.is_volunteer:
                raise DomainError(
                    N_("The register changed since the preview (row {row}); check the file again."),
                    row=p.row_number,
                )

    def _update(
        self, session: Session, actor: Actor, rows: Sequence[PlannedRow], at: dt.datetime, check: Check | None
    ) -> int:
        """Update residents from their rows (cells left empty keep the stored value);
        one audit row per resident that changed. How many changed."""
        if not rows:
            return 0
        residents = repo.residents_for_update(
            session, [p.existing_id for p in rows if p.existing_id is not None]
        )
        tag_names = repo.tag_names_of(session, list(residents))
        changed = 0
        for done, p in enumerate(rows, start=1):
            if check is not None and done % 200 == 0:
                check()
            r = residents.get(p.existing_id or 0)
            if r is None:
                raise DomainError(
                    N_("The register changed since the preview (row {row}); check the file again."),
                    row=p.row_number,
                )
            before = _snapshot(r, tag_names.get(r.id, ()))
            r.name, r.name_initials = p.name, initials(p.name)
            r.gender = p.gender or r.gender
            r.birth_date = p.birth_date or r.birth_date
            if p.id_number:
                r.id_number, r.id_number_rev = p.id_number, p.id_number[::-1]
            if p.phone:
                r.phone, r.phone_rev = p.phone, p.phone.replace("-", "")[::-1]
            r.address = p.address or r.address
            r.grid_id = p.grid_id if p.grid_id is not None else r.grid_id
            if p.notes and p.notes not in r.notes:
                r.notes = "\n".join(x for x in (r.notes, p.notes) if x)[:2000]
            tags = tuple(dict.fromkeys((*tag_names.get(r.id, ()), *p.tags)))
            after = _snapshot(r, tags)
            if after == before:
                continue
            r.updated_at = at
            repo.add_tags(session, [(r.id, t) for t in p.tag_ids])
            search_index.put(session, [(r.id, r.address, r.archived)])
            audit.record(session, actor, "update", "resident", r.id, before=before, after=after, at=at)
            changed += 1
        session.flush()
        return changed


def _choices(raw: str) -> dict[str, str]:
    try:
        value = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _with_converted_ids(values: Sequence[Mapping[Field, str]]) -> list[Mapping[Field, str]]:
    """Rows whose 15-digit ID numbers are shown as their 18 digits (for the register
    look-up; the checker converts them by the same rule)."""
    out: list[Mapping[Field, str]] = []
    for v in values:
        raw = normalise_text(v.get(Field.ID_NUMBER, ""))
        if len(raw) == 15 and raw.isdigit():
            v = {**v, Field.ID_NUMBER: id_number_15_to_18(raw)}
        out.append(v)
    return out


def _resident_values(p: PlannedRow, at: dt.datetime) -> dict[str, Any]:
    return {
        "name": p.name,
        "name_initials": initials(p.name),
        "gender": p.gender,
        "birth_date": p.birth_date,
        "id_number": p.id_number,
        "id_number_rev": p.id_number[::-1] if p.id_number else None,
        "phone": p.phone,
        "phone_rev": p.phone.replace("-", "")[::-1] if p.phone else None,
        "address": p.address,
        "grid_id": p.grid_id,
        "notes": p.notes,
        "archived": False,
        "merged_into_id": None,
        "created_at": at,
        "updated_at": at,
    }


def _snapshot(r: Any, tags: Sequence[str]) -> dict[str, Any]:
    """What the audit log keeps of an updated resident (sensitive fields masked)."""
    return {
        "name": r.name,
        "gender": r.gender,
        "birth_date": r.birth_date.isoformat() if r.birth_date else "",
        "id_number": mask_id_number(r.id_number),
        "phone": mask_phone(r.phone),
        "address": r.address,
        "grid_id": r.grid_id,
        "tags": list(tags),
        "notes": r.notes,
    }


def _ranges(ids: Sequence[int]) -> list[str]:
    """``[1, 2, 3, 7]`` → ``["1-3", "7"]``: the new ids, short enough for one audit row."""
    out: list[str] = []
    start = prev = None
    for i in sorted(ids):
        if start is None:
            start = prev = i
        elif i == (prev or 0) + 1:
            prev = i
        else:
            out.append(f"{start}-{prev}" if start != prev else str(start))
            start = prev = i
    if start is not None:
        out.append(f"{start}-{prev}" if start != prev else str(start))
    return out


__all__ = [
    "Action",
    "CheckedRow",
    "Counts",
    "EnrolVolunteer",
    "ImportFile",
    "ImportPlan",
    "ImportResult",
    "ImportService",
    "PlannedRow",
    "RowError",
]
