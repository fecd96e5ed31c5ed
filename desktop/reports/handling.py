"""Handling time in working hours: from the assignment (派单) to the resolution (办结).

Working time is counted as the 30135 clocks count it (``desktop.common.workcalendar``):
only office hours of working days, on the official calendar with its holidays and 调休
days and the administrator's overrides. For many requests at once a moment is turned
into "working seconds since the first day" — the office seconds of every working day
before it plus the office seconds of its own day up to it — and the working time between
two moments is the difference of the two numbers (the same as
``WorkCalendar.working_time_between``).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from db.reports import EPOCH, HandlingSpans
from desktop.common.workcalendar import WorkCalendar
from desktop.reports.figures import HandlingTime

HOUR = 3600


@dataclass(frozen=True)
class WorkingSeconds:
    """Working seconds before each day from ``first`` on (days since 1970-01-01)."""

    first: int
    before: tuple[int, ...]  # working seconds of all working days before the day
    workday: tuple[bool, ...]
    opens: int  # second of the day the office opens
    length: int  # office seconds of a working day

    @classmethod
    def build(cls, calendar: WorkCalendar, first: int, last: int) -> WorkingSeconds:
        opens = calendar.opens.hour * HOUR + calendar.opens.minute * 60 + calendar.opens.second
        length = int(calendar.day_length.total_seconds())
        before: list[int] = []
        workday: list[bool] = []
        total = 0
        for n in range(first, last + 1):
            day = EPOCH + dt.timedelta(days=n)
            works = calendar.is_workday(day)
            before.append(total)
            workday.append(works)
            if works:
                total += length
        return cls(first, tuple(before), tuple(workday), opens, length)

    def at(self, day: int, second: int) -> int:
        """Working seconds from the first day's start to ``second`` of ``day``."""
        i = day - self.first
        if not self.workday[i]:
            return self.before[i]
        inside = second - self.opens
        return self.before[i] + (0 if inside < 0 else self.length if inside > self.length else inside)


def working_seconds(spans: HandlingSpans, calendar: WorkCalendar) -> list[int]:
    """The working seconds from assignment to resolution of each span, in order."""
    if not len(spans):
        return []
    table = WorkingSeconds.build(calendar, min(spans.assigned_days), max(spans.resolved_days))
    first, before, workday, opens, length = (
        table.first,
        table.before,
        table.workday,
        table.opens,
        table.length,
    )

    def at(day: int, second: int) -> int:
        i = day - first
        if not workday[i]:
            return before[i]
        inside = second - opens
        return before[i] + (0 if inside < 0 else length if inside > length else inside)

    return [
        max(0, at(rd, rs) - at(ad, as_))
        for ad, as_, rd, rs in zip(
            spans.assigned_days,
            spans.assigned_seconds,
            spans.resolved_days,
            spans.resolved_seconds,
            strict=True,
        )
    ]


def summary(seconds: Sequence[int]) -> HandlingTime:
    """Count, mean and median of working seconds, in hours (None for nothing)."""
    if not seconds:
        return HandlingTime(0, None, None)
    return HandlingTime(
        len(seconds), sum(seconds) / len(seconds) / HOUR, float(statistics.median(seconds)) / HOUR
    )


def by_department(spans: HandlingSpans, seconds: Sequence[int]) -> dict[int | None, HandlingTime]:
    """The summary of each lead department's resolutions."""
    groups: dict[int | None, list[int]] = {}
    for department, s in zip(spans.departments, seconds, strict=True):
        groups.setdefault(department, []).append(s)
    return {department: summary(values) for department, values in groups.items()}
