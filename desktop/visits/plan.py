"""Who is due for a visit, who was seen, who is overdue.

Each key-group resident follows one rule (the most frequent of their tags' rules,
:mod:`desktop.visits.rules`). On a given day each resident has a *window* — the week,
month or quarter of their rule that contains the day — with a due date, its last
working day. Their status that day:

* **done** (已走访): a visit that counts (a phone call only where the rule allows it)
  falls in the window;
* **overdue** (逾期): not done, and either the due date has passed, or the window before
  went without a visit (a resident left unseen last month is overdue at once this month
  — unless they only entered the register during this window);
* **due** (待走访): otherwise.

A resident who is archived (moved away, died, merged) drops out of the plan: they are
not on the list, and in the figures of a period they count only for windows due before
the day they were archived (the day the record last changed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import Session

from db import visits as repo
from desktop.common.i18n import N_
from desktop.common.workcalendar import WorkCalendar
from desktop.visits.rules import DEFAULT_RULES, PLANNED, Frequency, Rule, Window, previous, rank, window


class Status(StrEnum):
    OVERDUE = "overdue"
    DUE = "due"
    DONE = "done"


STATUS_LABELS: dict[str, str] = {
    Status.OVERDUE: N_("Visit overdue"),
    Status.DUE: N_("Visit due"),
    Status.DONE: N_("Visited"),
}
STATUS_ZH: dict[str, str] = {"overdue": "逾期", "due": "待走访", "done": "已走访"}
_BY_CODE = {repo.OVERDUE: Status.OVERDUE, repo.DUE: Status.DUE, repo.DONE: Status.DONE}


def rules_in_force(session: Session) -> list[Rule]:
    """Every rule, by tag name (the defaults are rows written by the migration)."""
    return [Rule(r.tag_name, Frequency(r.frequency), r.phone_counts) for r in repo.rules(session)]


def rank_codes(session: Session) -> dict[int, int]:
    """Tag id → rank code, for every tag of the register whose rule puts it in the plan."""
    ids = repo.tag_ids_by_name(session)
    return {
        ids[r.tag_name]: rank(r.frequency, r.phone_counts)
        for r in rules_in_force(session)
        if r.frequency != Frequency.NONE and r.tag_name in ids
    }


def windows_on(calendar: WorkCalendar, day: dt.date) -> repo.PlanWindows:
    current = [window(calendar, f, day) for f in PLANNED]
    before = [previous(calendar, w) for w in current]
    return repo.PlanWindows(
        as_of=day,
        starts=(current[0].start, current[1].start, current[2].start),
        previous_starts=(before[0].start, before[1].start, before[2].start),
        dues=(current[0].due, current[1].due, current[2].due),
    )


def status_of(code: int) -> Status:
    return _BY_CODE[code]


@dataclass(frozen=True)
class Standing:
    """A resident's standing in one window (the ledger and figures' unit)."""

    window: Window
    visited_on: tuple[dt.date, ...]  # counted visits in the window
    status: Status


def standing(w: Window, counted_dates: list[dt.date], *, today: dt.date, missed_before: bool) -> Standing:
    """The status of one window given the counted visit dates in it."""
    seen = tuple(d for d in counted_dates if w.start <= d <= w.end)
    if seen:
        return Standing(w, seen, Status.DONE)
    if today > w.due or missed_before:
        return Standing(w, seen, Status.OVERDUE)
    return Standing(w, seen, Status.DUE)


__all__ = [
    "DEFAULT_RULES",
    "STATUS_LABELS",
    "STATUS_ZH",
    "Standing",
    "Status",
    "rank_codes",
    "rules_in_force",
    "standing",
    "status_of",
    "windows_on",
]
