"""The "30135" deadlines: four clocks per request, counted from the assignment (派单).

=============  =====  ==========================  ==================================
clock          中文    default limit               running while the request is
=============  =====  ==========================  ==================================
``accept``     受理    30 working minutes          assigned
``answer``     答复    1 working day               accepted
``resolve``    办结    3 working days              answered
``follow_up``  回访    5 working days              resolved
=============  =====  ==========================  ==================================

Every clock counts from ``Request.assigned_at``; a reopened request (重办) is assigned
again, which starts a new round with new due times. Minutes and days are working time
on the :class:`~desktop.common.workcalendar.WorkCalendar` (see there for the exact rule).

A clock is green until less than a third of its allowed working time remains (yellow,
"due soon"; for the 30-minute accept clock that is the last 10 minutes), and red once
the due moment has passed. A met clock is "done on time" when it was met at or before
the due moment, otherwise "done late".

The admin may set other limits per urgency and category (``clock_limit`` table); the
most specific row wins — see :func:`limits_for`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db import requests as repo
from db.models import ClockLimit
from desktop.common.i18n import N_
from desktop.common.workcalendar import WorkCalendar

# --- clocks --------------------------------------------------------------------------
ACCEPT = "accept"
ANSWER = "answer"
RESOLVE = "resolve"
FOLLOW_UP = "follow_up"
CLOCKS: tuple[str, ...] = (ACCEPT, ANSWER, RESOLVE, FOLLOW_UP)

CLOCK_LABELS: dict[str, str] = {
    ACCEPT: N_("Accept"),
    ANSWER: N_("Answer"),
    RESOLVE: N_("Resolve"),
    FOLLOW_UP: N_("Follow-up"),
}

# Which clock runs while a request is in a status; None: no clock runs.
CLOCK_FOR_STATUS: dict[str, str | None] = {
    "registered": None,
    "assigned": ACCEPT,
    "accepted": ANSWER,
    "answered": RESOLVE,
    "resolved": FOLLOW_UP,
    "closed": None,
    "returned": None,
    "reopened": None,
    "merged": None,
}

# --- colours -------------------------------------------------------------------------
GREEN = "green"
YELLOW = "yellow"
RED = "red"
DONE_ON_TIME = "done_on_time"
DONE_LATE = "done_late"
COLOURS: tuple[str, ...] = (GREEN, YELLOW, RED, DONE_ON_TIME, DONE_LATE)

COLOUR_LABELS: dict[str, str] = {
    GREEN: N_("On time"),
    YELLOW: N_("Due soon"),
    RED: N_("Overdue"),
    DONE_ON_TIME: N_("Done on time"),
    DONE_LATE: N_("Done late"),
}

# A clock turns yellow when less than this share of its allowed working time remains.
WARN_FRACTION = 1 / 3
WARN_FRACTIONS: dict[str, float] = {clock: WARN_FRACTION for clock in CLOCKS}


# --- limits --------------------------------------------------------------------------
@dataclass(frozen=True)
class Limits:
    """The four limits: accept in working minutes, the others in working days."""

    accept_minutes: int
    answer_days: int
    resolve_days: int
    follow_up_days: int

    def for_clock(self, clock: str) -> int:
        """The limit of ``clock``: minutes for ``accept``, working days otherwise."""
        if clock == ACCEPT:
            return self.accept_minutes
        if clock == ANSWER:
            return self.answer_days
        if clock == RESOLVE:
            return self.resolve_days
        if clock == FOLLOW_UP:
            return self.follow_up_days
        raise ValueError(f"unknown clock {clock!r}")


DEFAULT_LIMITS = Limits(accept_minutes=30, answer_days=1, resolve_days=3, follow_up_days=5)


def _limits_of(row: ClockLimit) -> Limits:
    return Limits(row.accept_minutes, row.answer_days, row.resolve_days, row.follow_up_days)


class LimitRules:
    """All ``clock_limit`` rows held in memory, to resolve many requests quickly.

    Precedence for a request of urgency U in category C whose parent is P — the first
    row that exists wins:
    (U, C) → (any, C) → (U, P) → (any, P) → (U, any) → (any, any) → ``DEFAULT_LIMITS``.
    So a child category without a row of its own for the request follows its parent.
    """

    def __init__(
        self,
        rows: Mapping[tuple[str | None, int | None], Limits],
        parents: Mapping[int, int | None] | None = None,
    ):
        self._rows = dict(rows)
        self._parents = dict(parents or {})
        self._cache: dict[tuple[str | None, int | None], Limits] = {}

    @classmethod
    def from_db(cls, session: Session) -> LimitRules:
        rows = {(r.urgency, r.category_id): _limits_of(r) for r in repo.clock_limits(session)}
        parents: dict[int, int | None] = {}
        if any(cat is not None for (_, cat) in rows):
            parents = repo.category_parents(session)
        return cls(rows, parents)

    def _lineage(self, category_id: int | None) -> list[int]:
        """The category, its parent, the parent's parent … (guarded against cycles)."""
        chain: list[int] = []
        while category_id is not None and category_id not in chain:
            chain.append(category_id)
            category_id = self._parents.get(category_id)
        return chain

    def resolve(self, urgency: str | None, category_id: int | None) -> Limits:
        key = (urgency, category_id)
        found = self._cache.get(key)
        if found is None:
            candidates: list[tuple[str | None, int | None]] = []
            for category in self._lineage(category_id):
                candidates += [(urgency, category), (None, category)]
            candidates += [(urgency, None), (None, None)]
            for candidate in candidates:
                found = self._rows.get(candidate)
                if found is not None:
                    break
            else:
                found = DEFAULT_LIMITS
            self._cache[key] = found
        return found


def limits_for(session: Session, urgency: str | None, category_id: int | None) -> Limits:
    """The limits of a request: the most specific ``clock_limit`` row wins.

    Urgency + category, then category, then urgency + parent category, then parent
    category, then urgency, then the default row (both None), else ``DEFAULT_LIMITS``
    (30 minutes / 1 / 3 / 5 days).
    For many requests at once, load :class:`LimitRules` once and call ``resolve``.
    """
    return LimitRules.from_db(session).resolve(urgency, category_id)


def rules_for(session: Session, urgency: str | None, category_id: int | None) -> tuple[WorkCalendar, Limits]:
    """The working calendar and the limits a request of this urgency and category runs on."""
    return WorkCalendar.from_db(session), limits_for(session, urgency, category_id)


# --- due and warning moments ---------------------------------------------------------
def allowed_time(calendar: WorkCalendar, limits: Limits, clock: str) -> dt.timedelta:
    """The working time a clock allows (e.g. 30 minutes, or 1 × office hours)."""
    amount = limits.for_clock(clock)
    if clock == ACCEPT:
        return dt.timedelta(minutes=amount)
    return calendar.day_length * amount


def due_time(calendar: WorkCalendar, assigned_at: dt.datetime, limits: Limits, clock: str) -> dt.datetime:
    """When ``clock`` falls due for a request assigned at ``assigned_at``."""
    amount = limits.for_clock(clock)
    if clock == ACCEPT:
        return calendar.add_working_minutes(assigned_at, amount)
    return calendar.add_working_days(assigned_at, amount)


def due_times(calendar: WorkCalendar, assigned_at: dt.datetime, limits: Limits) -> dict[str, dt.datetime]:
    """The due moment of every clock, in ``CLOCKS`` order."""
    return {clock: due_time(calendar, assigned_at, limits, clock) for clock in CLOCKS}


def _warn_from_allowed(
    calendar: WorkCalendar, assigned_at: dt.datetime, allowed: dt.timedelta, fraction: float
) -> dt.datetime:
    return calendar.add_working_time(assigned_at, allowed - allowed * fraction)


def _fraction(clock: str, fraction: float | None) -> float:
    if clock not in CLOCKS:
        raise ValueError(f"unknown clock {clock!r}")
    value = WARN_FRACTIONS[clock] if fraction is None else fraction
    if not 0 <= value <= 1:
        raise ValueError("the warning fraction must be between 0 and 1")
    return value


def warn_time(
    calendar: WorkCalendar,
    assigned_at: dt.datetime,
    due: dt.datetime,
    clock: str,
    fraction: float | None = None,
) -> dt.datetime:
    """When ``clock`` turns yellow: once less than ``fraction`` (default a third, see
    ``WARN_FRACTIONS``) of the working time from ``assigned_at`` to ``due`` remains.

    Counted in working time: a 30-minute accept clock assigned at 10:00 turns yellow at
    10:20; a 1-day answer clock due at 17:30 turns yellow at 14:30 (3 office hours left).
    """
    share = _fraction(clock, fraction)
    allowed = calendar.working_time_between(assigned_at, due)
    return _warn_from_allowed(calendar, assigned_at, allowed, share)


def warn_times(calendar: WorkCalendar, assigned_at: dt.datetime, limits: Limits) -> dict[str, dt.datetime]:
    """The yellow moment of every clock, in ``CLOCKS`` order."""
    return {
        clock: _warn_from_allowed(
            calendar, assigned_at, allowed_time(calendar, limits, clock), _fraction(clock, None)
        )
        for clock in CLOCKS
    }


def colour(
    now: dt.datetime,
    warn_at: dt.datetime,
    due_at: dt.datetime,
    done_at: dt.datetime | None = None,
) -> str:
    """The colour of a clock at ``now``.

    Met clocks: ``done_on_time`` (met at or before ``due_at``) or ``done_late``. Running
    clocks: ``red`` once ``now`` is past ``due_at``, ``yellow`` from ``warn_at``,
    ``green`` before. (The list filters the same way in SQL: ``due_at < now`` is red,
    ``warn_at <= now`` yellow.)
    """
    if done_at is not None:
        return DONE_ON_TIME if done_at <= due_at else DONE_LATE
    if now > due_at:
        return RED
    if now >= warn_at:
        return YELLOW
    return GREEN


def on_time(done_at: dt.datetime, due_at: dt.datetime) -> bool:
    """Whether a clock met at ``done_at`` was met in time (for on-time rates)."""
    return done_at <= due_at


def running_clock(
    status: str,
    assigned_at: dt.datetime | None,
    limits: Limits,
    calendar: WorkCalendar,
) -> tuple[str, dt.datetime, dt.datetime] | tuple[None, None, None]:
    """``(clock, warn_at, due_at)`` of the clock running in ``status``, counted from
    ``assigned_at``; ``(None, None, None)`` when no clock runs (registered, returned,
    reopened before the new assignment, closed, merged) or the request is unassigned.

    The request service stores the result on the request (``clock``, ``warn_at``,
    ``due_at``) at every transition.
    """
    clock = CLOCK_FOR_STATUS.get(status)
    if clock is None or assigned_at is None:
        return None, None, None
    due = due_time(calendar, assigned_at, limits, clock)
    warn = _warn_from_allowed(
        calendar, assigned_at, allowed_time(calendar, limits, clock), _fraction(clock, None)
    )
    return clock, warn, due
