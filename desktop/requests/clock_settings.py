"""Admin settings of the 30135 clocks: limits per urgency/category, and calendar overrides.

Limits (``clock_limit``): one row per scope — an urgency (red/yellow/green) and/or a
category, or neither for the centre's default row. The most specific row wins (see
``desktop.requests.clocks.limits_for``). Calendar overrides (``calendar_override``): the admin's
corrections of the official calendar, e.g. next year's holidays and 调休 working days
before the calendar library knows them. Every change requires the settings permission
and writes an audit row in the same transaction. The SQL is in ``db.requests``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from db import requests as repo
from db.locks import LockKey, advisory_lock
from db.models import CalendarOverride, Category, ClockLimit
from db.uow import Database
from desktop.common import audit
from desktop.common.clock import Clock, system_clock
from desktop.common.errors import DomainError, FieldErrors, found
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission
from desktop.common.workcalendar import WorkCalendar, known_year, official_is_workday
from desktop.requests import vocabulary
from desktop.requests.catalogue import category_labels
from desktop.requests.clocks import LimitRules, Limits

URGENCIES: tuple[str, ...] = tuple(vocabulary.URGENCIES)  # red, yellow, green
MAX_ACCEPT_MINUTES = 24 * 60
MAX_DAYS = 60
NOTE_MAX = 64
LIMIT_FIELDS: tuple[str, ...] = ("accept_minutes", "answer_days", "resolve_days", "follow_up_days")


@dataclass(frozen=True)
class LimitRow:
    """One ``clock_limit`` row as the settings screen shows it."""

    id: int
    urgency: str | None
    category_id: int | None
    category_name: str  # "Parent / Child" for a second-level category; "" for any
    accept_minutes: int
    answer_days: int
    resolve_days: int
    follow_up_days: int

    @property
    def limits(self) -> Limits:
        return Limits(self.accept_minutes, self.answer_days, self.resolve_days, self.follow_up_days)


@dataclass(frozen=True)
class OverrideRow:
    """One calendar override, with what the official calendar says about that day
    (None when the calendar library does not know the year yet)."""

    day: dt.date
    is_workday: bool
    note: str
    official_is_workday: bool | None


def _limit_dict(row: ClockLimit) -> dict[str, object]:
    return {
        "urgency": row.urgency,
        "category_id": row.category_id,
        "accept_minutes": row.accept_minutes,
        "answer_days": row.answer_days,
        "resolve_days": row.resolve_days,
        "follow_up_days": row.follow_up_days,
    }


def _override_dict(row: CalendarOverride) -> dict[str, object]:
    return {"day": row.day.isoformat(), "is_workday": row.is_workday, "note": row.note}


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def validate_limits(
    accept_minutes: object, answer_days: object, resolve_days: object, follow_up_days: object
) -> Limits:
    """The limits, or ``FieldErrors`` naming each wrong field."""
    errors: dict[str, DomainError] = {}
    if not _is_int(accept_minutes) or not 1 <= accept_minutes <= MAX_ACCEPT_MINUTES:  # type: ignore[operator]
        errors["accept_minutes"] = DomainError(
            N_("Enter a whole number of working minutes from 1 to {max}."), max=MAX_ACCEPT_MINUTES
        )
    days = {"answer_days": answer_days, "resolve_days": resolve_days, "follow_up_days": follow_up_days}
    for field, value in days.items():
        if not _is_int(value) or not 1 <= value <= MAX_DAYS:  # type: ignore[operator]
            errors[field] = DomainError(
                N_("Enter a whole number of working days from 1 to {max}."), max=MAX_DAYS
            )
    # The clocks run one after the other: answered by the time resolved, resolved by the follow-up.
    in_order = (
        (
            "answer_days",
            (answer_days, resolve_days),
            N_("The answer limit ({answer} days) cannot be longer than the resolve limit ({resolve} days)."),
        ),
        (
            "follow_up_days",
            (resolve_days, follow_up_days),
            N_(
                "The follow-up limit ({follow_up} days) cannot be shorter than the resolve "
                "limit ({resolve} days)."
            ),
        ),
    )
    if not errors:
        for field, (first, then), message in in_order:
            if first > then:  # type: ignore[operator]
                errors[field] = DomainError(
                    message, answer=answer_days, resolve=resolve_days, follow_up=follow_up_days
                )
    if errors:
        raise FieldErrors(errors)
    return Limits(accept_minutes, answer_days, resolve_days, follow_up_days)  # type: ignore[arg-type]


class ClockSettingsService:
    def __init__(self, db: Database, now: Clock = system_clock):
        self._db = db
        self._now = now

    # --- limits -------------------------------------------------------------------------
    def list_limits(self) -> list[LimitRow]:
        """Every limit row: the default row first, then by category and urgency."""
        with self._db.reading() as uow:
            session = uow.session
            names = category_labels(session)
            rows = repo.clock_limits(session)
            result = [
                LimitRow(
                    id=r.id,
                    urgency=r.urgency,
                    category_id=r.category_id,
                    category_name=names.get(r.category_id, "") if r.category_id is not None else "",
                    accept_minutes=r.accept_minutes,
                    answer_days=r.answer_days,
                    resolve_days=r.resolve_days,
                    follow_up_days=r.follow_up_days,
                )
                for r in rows
            ]
        urgency_order = {None: 0, **{u: i + 1 for i, u in enumerate(URGENCIES)}}
        result.sort(
            key=lambda r: (
                r.category_id is not None,
                r.category_name,
                urgency_order.get(r.urgency, 9),
                r.id,
            )
        )
        return result

    def limits_for(self, urgency: str | None, category_id: int | None) -> Limits:
        """The limits that apply to a request of this urgency and category."""
        with self._db.reading() as uow:
            return LimitRules.from_db(uow.session).resolve(urgency, category_id)

    def limit_rules(self) -> LimitRules:
        """Every limit, loaded once, for resolving many requests."""
        with self._db.reading() as uow:
            return LimitRules.from_db(uow.session)

    def set_limit(
        self,
        actor: Actor,
        *,
        urgency: str | None = None,
        category_id: int | None = None,
        accept_minutes: int,
        answer_days: int,
        resolve_days: int,
        follow_up_days: int,
    ) -> int:
        """Create or change the limit row of one scope; returns its id.

        ``urgency`` and ``category_id`` None mean "any"; both None is the default row.
        """
        actor.require(Permission.MANAGE_SETTINGS)
        if urgency == "":
            urgency = None
        errors: dict[str, DomainError] = {}
        if urgency is not None and urgency not in URGENCIES:
            errors["urgency"] = DomainError(N_("Choose the urgency red, yellow or green, or any."))
        try:
            limits = validate_limits(accept_minutes, answer_days, resolve_days, follow_up_days)
        except FieldErrors as exc:
            errors.update(exc.errors)
        if errors:
            raise FieldErrors(errors)
        with self._db.writing() as uow:
            session = uow.session
            if category_id is not None and session.get(Category, category_id) is None:
                raise FieldErrors({"category_id": DomainError(N_("This category no longer exists."))})
            _lock_limits(session)
            row = repo.clock_limit(session, urgency, category_id)
            before = _limit_dict(row) if row is not None else None
            if row is None:
                row = ClockLimit(urgency=urgency, category_id=category_id)
                session.add(row)
            row.accept_minutes = limits.accept_minutes
            row.answer_days = limits.answer_days
            row.resolve_days = limits.resolve_days
            row.follow_up_days = limits.follow_up_days
            after = _limit_dict(row)
            if before == after:
                return row.id
            session.flush()
            audit.record(
                session,
                actor,
                action="create" if before is None else "update",
                entity="clock_limit",
                entity_id=row.id,
                before=before,
                after=after,
                at=self._now(),
            )
            uow.commit()
            return row.id

    def delete_limit(self, actor: Actor, limit_id: int) -> None:
        """Remove a limit row; requests of that scope fall back to the next rule."""
        self._delete(
            actor,
            "clock_limit",
            limit_id,
            lambda s: found(s.get(ClockLimit, limit_id), N_("This deadline rule no longer exists.")),
            _limit_dict,
        )

    # --- calendar -----------------------------------------------------------------------
    def calendar(self) -> WorkCalendar:
        """The working-day calendar with the admin's overrides."""
        with self._db.reading() as uow:
            return WorkCalendar.from_db(uow.session)

    @staticmethod
    def known_year(year: int) -> bool:
        """False when the official holidays of ``year`` are not known yet: the calendar
        then counts Monday–Friday plus the overrides entered here."""
        return known_year(year)

    def list_overrides(self, year: int | None = None) -> list[OverrideRow]:
        """The overrides (of one year, or all), oldest first."""
        with self._db.reading() as uow:
            rows = repo.calendar_overrides(uow.session, year)
            return [OverrideRow(r.day, r.is_workday, r.note, official_is_workday(r.day)) for r in rows]

    def set_override(self, actor: Actor, day: dt.date, is_workday: bool, note: str = "") -> None:
        """Make ``day`` a working day or a day off, whatever the official calendar says."""
        actor.require(Permission.MANAGE_SETTINGS)
        errors: dict[str, DomainError] = {}
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            errors["day"] = DomainError(N_("Choose a date."))
        if not isinstance(is_workday, bool):
            errors["is_workday"] = DomainError(N_("Choose working day or day off."))
        note = (note or "").strip()
        if len(note) > NOTE_MAX:
            errors["note"] = DomainError(N_("The note has at most {n} characters."), n=NOTE_MAX)
        if errors:
            raise FieldErrors(errors)
        with self._db.writing() as uow:
            session = uow.session
            row = session.get(CalendarOverride, day)
            before = _override_dict(row) if row is not None else None
            if row is None:
                row = CalendarOverride(day=day)
                session.add(row)
            row.is_workday = is_workday
            row.note = note
            after = _override_dict(row)
            if before == after:
                return
            session.flush()
            audit.record(
                session,
                actor,
                action="create" if before is None else "update",
                entity="calendar_override",
                entity_id=day.isoformat(),
                before=before,
                after=after,
                at=self._now(),
            )
            uow.commit()

    def delete_override(self, actor: Actor, day: dt.date) -> None:
        """Remove an override: the day follows the official calendar again."""
        self._delete(
            actor,
            "calendar_override",
            day.isoformat(),
            lambda s: found(
                s.get(CalendarOverride, day),
                N_("There is no calendar correction for {day}."),
                day=day.isoformat(),
            ),
            _override_dict,
        )

    # --- internals ----------------------------------------------------------------------
    def _delete(
        self,
        actor: Actor,
        entity: str,
        entity_id: int | str,
        get: Callable[[Session], ClockLimit | CalendarOverride],
        as_dict: Callable[[Any], dict[str, object]],
    ) -> None:
        """Delete the row ``get`` finds, with its audit row."""
        actor.require(Permission.MANAGE_SETTINGS)
        with self._db.writing() as uow:
            session = uow.session
            row = get(session)
            before = as_dict(row)
            session.delete(row)
            session.flush()
            audit.record(
                session,
                actor,
                action="delete",
                entity=entity,
                entity_id=entity_id,
                before=before,
                at=self._now(),
            )
            uow.commit()


def _lock_limits(session: Session) -> None:
    # The scope's uniqueness cannot be enforced by the database when urgency or category
    # is NULL, so writers of limits take turns. SQLite write transactions already hold
    # the database lock (BEGIN IMMEDIATE).
    advisory_lock(session, LockKey.CLOCK_LIMITS)
