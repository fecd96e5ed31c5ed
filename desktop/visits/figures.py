"""The figures of the visit plan for a period: due, done and overdue per grid and per
worker, the 七必报 items found — the 网格走访 section of the monthly report and the
monthly 走访台账.

The unit counted is a resident's *window* whose due date falls in the period: a
resident visited every month is due once in a month, one visited every week four or
five times, one visited every quarter only in the month their quarter ends. A window is
**done** with a counted visit in it, **overdue** when its due date has passed without
one, **pending** (未到期) otherwise. A resident counts only for windows that end after
they entered the register and are due before they were archived.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db import visits as repo
from desktop.common.workcalendar import WorkCalendar
from desktop.visits.plan import Standing, Status, rank_codes, standing
from desktop.visits.rules import ACTION_ITEMS, ITEM_ZH, Frequency, ReportItem, counts, unrank, windows_due_in


@dataclass(frozen=True)
class MemberStanding:
    """One resident in the plan over a period: their windows due in it and the visits."""

    resident_id: int
    name: str
    address: str
    grid_id: int | None
    frequency: Frequency
    phone_counts: bool
    windows: tuple[Standing, ...]
    visits: tuple[repo.VisitFact, ...]  # every current visit in the period (counted or not)


@dataclass(frozen=True)
class Tally:
    due: int = 0
    done: int = 0
    overdue: int = 0
    pending: int = 0

    @property
    def rate(self) -> float | None:
        """Share done of what is due (0 … 1), None when nothing is due."""
        return self.done / self.due if self.due else None

    def plus(self, s: Status) -> Tally:
        return Tally(
            self.due + 1,
            self.done + (s == Status.DONE),
            self.overdue + (s == Status.OVERDUE),
            self.pending + (s == Status.DUE),
        )

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.due + other.due,
            self.done + other.done,
            self.overdue + other.overdue,
            self.pending + other.pending,
        )


@dataclass(frozen=True)
class GridFigures:
    grid_id: int | None
    name: str
    residents: int
    tally: Tally
    visits: int


@dataclass(frozen=True)
class WorkerFigures:
    user_id: int
    name: str
    grids: tuple[str, ...]
    tally: Tally  # of the residents in their grids
    visits: int  # visits they made in the period


@dataclass(frozen=True)
class ItemFigures:
    item: str
    label: str  # Chinese, as printed
    count: int
    requests: int  # requests raised (items needing action)


@dataclass(frozen=True)
class VisitFigures:
    first: dt.date
    last: dt.date
    today: dt.date
    residents: int  # residents in the plan with something due in the period
    tally: Tally
    visits: int
    by_method: dict[str, int]
    by_grid: tuple[GridFigures, ...]
    by_worker: tuple[WorkerFigures, ...]
    items: tuple[ItemFigures, ...]

    @property
    def is_empty(self) -> bool:
        return not self.tally.due and not self.visits


def standings(
    session: Session,
    calendar: WorkCalendar,
    first: dt.date,
    last: dt.date,
    today: dt.date,
    *,
    grid_id: int | None = None,
) -> list[MemberStanding]:
    """Every plan member with a window due from ``first`` to ``last``, in grid and name order."""
    codes = rank_codes(session)
    members = repo.plan_members(session, codes, grid_id=grid_id)
    by_frequency = {
        f: windows_due_in(calendar, f, first, last)
        for f in (Frequency.WEEKLY, Frequency.MONTHLY, Frequency.QUARTERLY)
    }
    starts = [ws[0].start for ws in by_frequency.values() if ws]
    begin = min([first, *starts])
    visits: dict[int, list[repo.VisitFact]] = defaultdict(list)
    for v in repo.visits_between(session, begin, max(last, begin), grid_id=grid_id):
        visits[v.resident_id].append(v)
    out = []
    for m in members:
        frequency, phone = unrank(m.code)
        mine = visits.get(m.resident_id, [])
        counted = [v.visited_on for v in mine if counts(v.method, phone)]
        windows = tuple(
            standing(w, counted, today=today, missed_before=False)
            for w in by_frequency[frequency]
            if w.end >= m.created_on and (m.left_on is None or w.due < m.left_on)
        )
        if not windows:
            continue
        shown = tuple(v for v in mine if first <= v.visited_on <= last)
        out.append(
            MemberStanding(m.resident_id, m.name, m.address, m.grid_id, frequency, phone, windows, shown)
        )
    return out


def visit_figures(
    session: Session, calendar: WorkCalendar, first: dt.date, last: dt.date, today: dt.date
) -> VisitFigures:
    """The figures of the period from ``first`` to ``last`` as of ``today``."""
    members = standings(session, calendar, first, last, today)
    grid_names = dict(repo.grids(session))
    per_grid: dict[int | None, Tally] = defaultdict(Tally)
    residents_per_grid: Counter[int | None] = Counter()
    total = Tally()
    for m in members:
        residents_per_grid[m.grid_id] += 1
        for s in m.windows:
            per_grid[m.grid_id] = per_grid[m.grid_id].plus(s.status)
            total = total.plus(s.status)
    facts = repo.visits_between(session, first, last)
    visits_per_grid: Counter[int | None] = Counter()
    resident_grid = {m.resident_id: m.grid_id for m in members}
    for v in facts:
        visits_per_grid[resident_grid.get(v.resident_id)] += 1
    by_grid = tuple(
        GridFigures(
            g,
            grid_names.get(g, "") if g is not None else "",
            residents_per_grid[g],
            per_grid[g],
            visits_per_grid[g],
        )
        for g in sorted(per_grid, key=lambda g: (g is None, grid_names.get(g, "") if g is not None else ""))
    )
    assignments: dict[int, list[int]] = defaultdict(list)
    for user_id, g in repo.grid_workers(session):
        assignments[user_id].append(g)
    made = Counter(v.visitor_id for v in facts)
    names = repo.user_names(session, set(assignments) | set(made))
    workers = []
    for user_id in sorted(set(assignments) | set(made), key=lambda u: names.get(u, "")):
        grids = sorted(assignments.get(user_id, []), key=lambda g: grid_names.get(g, ""))
        tally = Tally()
        for g in grids:
            tally = tally + per_grid.get(g, Tally())
        workers.append(
            WorkerFigures(
                user_id,
                names.get(user_id, ""),
                tuple(grid_names.get(g, "") for g in grids),
                tally,
                made[user_id],
            )
        )
    found = repo.items_between(session, first, last)
    item_counts = Counter(i for i, _g, _r in found)
    request_counts = Counter(i for i, _g, r in found if r)
    items = tuple(
        ItemFigures(
            i.value, ITEM_ZH[i], item_counts[i.value], request_counts[i.value] if i in ACTION_ITEMS else 0
        )
        for i in ReportItem
    )
    return VisitFigures(
        first=first,
        last=last,
        today=today,
        residents=len(members),
        tally=total,
        visits=len(facts),
        by_method=dict(Counter(v.method for v in facts)),
        by_grid=by_grid,
        by_worker=tuple(workers),
        items=items,
    )
