"""Handling time in working hours: from the assignment (派单) to the resolution (办结).

Working time is counted as the 30135 clocks count it (``desktop.common.workcalendar``):
only office hours of working days, on the official calendar with its holidays and 调休
days and the administrator's overrides. For many requests at once every moment becomes
"working seconds since the first day" — the office seconds of the working days before
its day plus the office seconds of its own day up to it — and the working time between
two moments is the difference of the two numbers (what
``WorkCalendar.working_time_between`` gives for one pair).

A district resolves 100,000 requests a month, so the moments are handled as numpy arrays
(numpy comes with pandas, which the reports need anyway; it is imported on first use).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from db.reports import HandlingSpans
from desktop.common.workcalendar import WorkCalendar
from desktop.reports.figures import HandlingTime

if TYPE_CHECKING:
    import numpy as np

HOUR = 3600
DAY = 86_400
EPOCH = dt.date(1970, 1, 1)


def _seconds_of(moment: dt.time) -> int:
    return moment.hour * HOUR + moment.minute * 60 + moment.second


def working_seconds(spans: HandlingSpans, calendar: WorkCalendar) -> np.ndarray:
    """The working seconds from assignment to resolution of each span, in order (an
    integer array)."""
    import numpy as np

    if not len(spans):
        return np.zeros(0, dtype=np.int64)
    assigned = np.round(np.asarray(spans.assigned, dtype=np.float64)).astype(np.int64)
    resolved = np.round(np.asarray(spans.resolved, dtype=np.float64)).astype(np.int64)
    first = int(min(assigned.min(), resolved.min()) // DAY)
    last = int(max(assigned.max(), resolved.max()) // DAY)
    opens = _seconds_of(calendar.opens)
    length = int(calendar.day_length.total_seconds())
    workday = np.array(
        [calendar.is_workday(EPOCH + dt.timedelta(days=n)) for n in range(first, last + 1)], dtype=bool
    )
    # Working seconds of all working days before each day.
    before = np.concatenate(([0], np.cumsum(workday * length)[:-1]))

    def at(moments: np.ndarray) -> np.ndarray:
        day = moments // DAY - first
        inside = np.clip(moments % DAY - opens, 0, length)
        return before[day] + np.where(workday[day], inside, 0)

    return np.maximum(at(resolved) - at(assigned), 0)


def summary(seconds: Sequence[int] | np.ndarray) -> HandlingTime:
    """Count, mean and median of working seconds, in hours (None for nothing)."""
    import numpy as np

    values = np.asarray(seconds, dtype=np.int64)
    if not values.size:
        return HandlingTime(0, None, None)
    return HandlingTime(int(values.size), float(values.mean()) / HOUR, float(np.median(values)) / HOUR)


def by_department(spans: HandlingSpans, seconds: np.ndarray) -> dict[int | None, HandlingTime]:
    """The summary of each lead department's resolutions."""
    import numpy as np

    if not len(spans):
        return {}
    keys = np.array([-1 if d is None else d for d in spans.departments], dtype=np.int64)
    order = np.argsort(keys, kind="stable")
    keys, values = keys[order], np.asarray(seconds)[order]
    bounds = np.flatnonzero(np.diff(keys)) + 1
    out: dict[int | None, HandlingTime] = {}
    for part_keys, part in zip(np.split(keys, bounds), np.split(values, bounds), strict=True):
        key = int(part_keys[0])
        out[None if key == -1 else key] = summary(part)
    return out
