"""Reading the audit log (director and admin): newest first, filtered, paged, with names.

The log stores what a row is about by id (``resident 1523``) and keeps the changed
fields as JSON, ids included (``grid_id: 7``). A person reading 操作日志 wants names:
each page of rows is read with the full names of the users who acted, and the ids it
mentions — in the row's object and in its fields — are turned into names and numbers
with one query per kind of thing (see :func:`db.admin.names`). What the actions, kinds
and fields are called is the screen's business (it translates them); this module
hands over the keys, the names and the values.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from db import admin as repo
from db.uow import Database
from desktop.common.permissions import SYSTEM, Actor, Permission

ID_FIELDS: dict[str, str] = {
    "grid_id": "grid",
    "team_id": "team",
    "activity_id": "activity",
    "category_id": "category",
    "parent_id": "category",
    "department_id": "department",
    "lead_department_id": "department",
    "resident_id": "resident",
    "volunteer_id": "volunteer",
    "request_id": "request",
    "merged_into_id": "request",
    "user_id": "user",
    "item_id": "reward_item",
    "redemption_id": "redemption",
    "service_record_id": "service_record",
    "volunteer": "volunteer",
    "redemption": "redemption",
    "service_record": "service_record",
    "merged_id": "resident",
    "department": "department",
}
"""Fields of the before/after values that hold the id of a thing, and its kind."""

SUBJECTS: dict[str, str] = {
    "user": "user",
    "resident": "resident",
    "request": "request",
    "volunteer": "volunteer",
    "points": "volunteer",
    "service_record": "service_record",
    "redemption": "redemption",
    "team": "team",
    "activity": "activity",
    "reward_item": "reward_item",
    "category": "category",
    "department": "department",
    "template": "template",
    "response_template": "template",
}
"""Entities whose ``entity_id`` is the id of a thing that has a name, and its kind."""

NAMED_IN_ROW = frozenset({"setting", "calendar_override"})
"""Entities whose ``entity_id`` is itself readable (a setting's key, a day)."""

SHOWN_IDS = 3
"""An entry about several things (hours recorded for 12 volunteers) names this many."""


@dataclass(frozen=True)
class AuditFilter:
    """What 操作日志 shows: one user's rows, a date range (both days included), some
    actions, some kinds of object. Empty means "all"."""

    user_id: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    actions: frozenset[str] = frozenset()
    entities: frozenset[str] = frozenset()


@dataclass(frozen=True)
class AuditChange:
    """One field of an entry: its value before and after (None: not there / empty).
    Ids are already names (a grid's name for ``grid_id``)."""

    field: str
    before: Any = None
    after: Any = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    user: str
    """The full name of whoever acted (their login name if the account is gone)."""
    username: str
    action: str
    entity: str
    entity_id: str
    subject: str
    """What the entry is about, by name or number ("张三", "2026-11-000123"); "" if
    the entry names nothing (e.g. the demo data)."""
    changes: tuple[AuditChange, ...] = field(default=())
    """For a change only the fields that differ; fields empty on both sides are left out."""


def _loads(text: str) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _changes(before: Any, after: Any) -> list[AuditChange]:
    old = before if isinstance(before, dict) else {}
    new = after if isinstance(after, dict) else {}
    if not old and not new:
        plain = [v for v in (before, after) if not _empty(v)]  # not a dict: shown as it is
        return [AuditChange("", before, after)] if plain else []
    both = bool(old) and bool(new)
    found = []
    for key in dict.fromkeys([*old, *new]):
        was, now = old.get(key), new.get(key)
        if both and was == now:
            continue
        if _empty(was) and _empty(now):
            continue
        found.append(AuditChange(key, None if _empty(was) else was, None if _empty(now) else now))
    return found


def _ids(text: str) -> list[int]:
    """The ids of an ``entity_id`` ("15", "3,4,9"); none when it holds something else."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts or not all(p.isdigit() for p in parts):
        return []
    return [int(p) for p in parts]


class AuditService:
    def __init__(self, db: Database):
        self._db = db

    def users(self, actor: Actor) -> list[tuple[int, str]]:
        """Every account as ``(id, full name)``, for the filter by user."""
        actor.require(Permission.VIEW_AUDIT)
        with self._db.reading() as uow:
            return [(u.id, u.full_name) for u in repo.users(uow.session)]

    def count(self, actor: Actor, filter: AuditFilter | None = None) -> int:
        actor.require(Permission.VIEW_AUDIT)
        with self._db.reading() as uow:
            return repo.audit_count(uow.session, _query(filter))

    def page(
        self, actor: Actor, offset: int, limit: int, filter: AuditFilter | None = None
    ) -> list[AuditRow]:
        """Rows ``[offset, offset+limit)`` of the filtered log, newest first, with names."""
        actor.require(Permission.VIEW_AUDIT)
        with self._db.reading() as uow:
            lines = repo.audit_page(uow.session, offset, limit, _query(filter))
            parsed = [(line, _changes(_loads(line.entry.before), _loads(line.entry.after))) for line in lines]
            wanted: dict[str, set[int]] = defaultdict(set)
            for line, changes in parsed:
                kind = SUBJECTS.get(line.entry.entity)
                if kind is not None:
                    wanted[kind].update(_ids(line.entry.entity_id))
                for change in changes:
                    if change.field in ID_FIELDS:
                        for value in (change.before, change.after):
                            if isinstance(value, int) and not isinstance(value, bool):
                                wanted[ID_FIELDS[change.field]].add(value)
            names = {kind: repo.names(uow.session, kind, ids) for kind, ids in wanted.items()}
            return [_row(line, changes, names) for line, changes in parsed]


def _query(f: AuditFilter | None) -> repo.AuditQuery:
    f = f or AuditFilter()
    return repo.AuditQuery(
        user_id=f.user_id,
        since=dt.datetime.combine(f.since, dt.time()) if f.since else None,
        until=dt.datetime.combine(f.until + dt.timedelta(days=1), dt.time()) if f.until else None,
        actions=f.actions,
        entities=f.entities,
    )


def _name(names: dict[str, dict[int, str]], kind: str, value: int) -> str:
    name = names.get(kind, {}).get(value)
    if name is None:
        return f"#{value}"  # no longer there
    if kind == "redemption":
        return f"DH{value:06d} {name}"  # the receipt's number, as printed
    return name


def _row(line: repo.AuditLine, changes: list[AuditChange], names: dict[str, dict[int, str]]) -> AuditRow:
    e = line.entry
    kind = SUBJECTS.get(e.entity)
    if kind is not None and (ids := _ids(e.entity_id)):
        shown = [_name(names, kind, i) for i in ids[:SHOWN_IDS]]
        subject = "、".join(shown) + ("…" if len(ids) > SHOWN_IDS else "")
    elif e.entity in NAMED_IN_ROW:
        subject = e.entity_id
    else:
        subject = ""
    named = []
    for change in changes:
        kind = ID_FIELDS.get(change.field)
        if kind is None:
            named.append(change)
            continue

        def name(value: Any, kind: str = kind) -> Any:
            is_id = isinstance(value, int) and not isinstance(value, bool)
            return _name(names, kind, value) if is_id else value

        named.append(AuditChange(change.field, name(change.before), name(change.after)))
    if line.full_name is not None:
        user = line.full_name
    elif e.user_id is None and e.username == SYSTEM.username:
        user = SYSTEM.full_name
    else:
        user = e.username
    return AuditRow(
        id=e.id,
        at=e.at,
        user=user,
        username=e.username,
        action=e.action,
        entity=e.entity,
        entity_id=e.entity_id,
        subject=subject,
        changes=tuple(named),
    )
