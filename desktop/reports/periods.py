"""Report periods: a month (``2026-10``), a quarter (``2026-Q3``) or a year (``2026``).

A report compares its period with the previous one (环比: September for October, Q2 for
Q3, 2025 for 2026) and with the same period a year earlier (同比). Figures are counted
over the period's window up to a cut-off moment ("截至 …"): the moment the figures are
taken, so the current month is "so far" and a closed month is complete.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from desktop.common.errors import DomainError
from desktop.common.i18n import N_

MONTH, QUARTER, YEAR = "month", "quarter", "year"
KINDS = (MONTH, QUARTER, YEAR)
QUARTER_NAMES = ("一", "二", "三", "四")
FIRST_YEAR, LAST_YEAR = 2000, 2099

_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_QUARTER = re.compile(r"(\d{4})-?[Qq]([1-4])")
_YEAR = re.compile(r"(\d{4})")


@dataclass(frozen=True, order=True)
class Period:
    """A calendar month, quarter or year: ``start`` (first day) to ``end`` (the day after
    the last), as dates; ``code`` is how it is typed (``2026-10``, ``2026-Q3``, ``2026``)."""

    start: dt.date
    end: dt.date
    kind: str

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def code(self) -> str:
        if self.kind == MONTH:
            return f"{self.start:%Y-%m}"
        if self.kind == QUARTER:
            return f"{self.year}-Q{(self.start.month - 1) // 3 + 1}"
        return str(self.year)

    @property
    def label(self) -> str:
        """The period as printed: 2026年10月, 2026年第三季度, 2026年."""
        if self.kind == MONTH:
            return f"{self.year}年{self.start.month}月"
        if self.kind == QUARTER:
            return f"{self.year}年第{QUARTER_NAMES[(self.start.month - 1) // 3]}季度"
        return f"{self.year}年"

    @property
    def short_label(self) -> str:
        """A compact label for chart axes: 10月 (with the year in January: 2027年1月)."""
        if self.kind == MONTH:
            return f"{self.start.month}月" if self.start.month != 1 else f"{self.year}年1月"
        return self.label

    @property
    def first_moment(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time())

    @property
    def end_moment(self) -> dt.datetime:
        return dt.datetime.combine(self.end, dt.time())

    def previous(self) -> Period:
        """The period before (环比): the previous month, quarter or year."""
        if self.kind == MONTH:
            return month(*_shift(self.year, self.start.month, -1))
        if self.kind == QUARTER:
            y, m = _shift(self.year, self.start.month, -3)
            return quarter(y, (m - 1) // 3 + 1)
        return year(self.year - 1)

    def last_year(self) -> Period:
        """The same period a year earlier (同比)."""
        if self.kind == MONTH:
            return month(self.year - 1, self.start.month)
        if self.kind == QUARTER:
            return quarter(self.year - 1, (self.start.month - 1) // 3 + 1)
        return year(self.year - 1)

    def months(self) -> tuple[Period, ...]:
        """The months of the period, in order."""
        out = []
        y, m = self.year, self.start.month
        while dt.date(y, m, 1) < self.end:
            out.append(month(y, m))
            y, m = _shift(y, m, 1)
        return tuple(out)

    def trend(self, count: int = 12) -> tuple[Period, ...]:
        """``count`` months ending with the period's last month, oldest first."""
        last = self.months()[-1]
        y, m = last.year, last.start.month
        return tuple(month(*_shift(y, m, -i)) for i in range(count - 1, -1, -1))

    def window(self, cutoff: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
        """``[start, end)`` as moments, the end brought back to ``cutoff`` when the period
        is not over yet (an empty window, start = end, for a period that has not begun)."""
        end = min(self.end_moment, cutoff)
        return self.first_moment, max(end, self.first_moment)

    def date_window(self, cutoff: dt.datetime) -> tuple[dt.date, dt.date]:
        """``[start, end)`` as dates, for columns that hold a day: the cut-off's day counts."""
        end = min(self.end, cutoff.date() + dt.timedelta(days=1))
        return self.start, max(end, self.start)


def _shift(y: int, m: int, months: int) -> tuple[int, int]:
    index = y * 12 + (m - 1) + months
    return index // 12, index % 12 + 1


def _check_year(y: int) -> None:
    if not FIRST_YEAR <= y <= LAST_YEAR:
        raise DomainError(N_("Choose a year from {first} to {last}."), first=FIRST_YEAR, last=LAST_YEAR)


def month(y: int, m: int) -> Period:
    _check_year(y)
    if not 1 <= m <= 12:
        raise DomainError(N_("A month is a number from 1 to 12."))
    ny, nm = _shift(y, m, 1)
    return Period(dt.date(y, m, 1), dt.date(ny, nm, 1), MONTH)


def quarter(y: int, q: int) -> Period:
    _check_year(y)
    if not 1 <= q <= 4:
        raise DomainError(N_("A quarter is a number from 1 to 4."))
    first = 3 * (q - 1) + 1
    ny, nm = _shift(y, first, 3)
    return Period(dt.date(y, first, 1), dt.date(ny, nm, 1), QUARTER)


def year(y: int) -> Period:
    _check_year(y)
    return Period(dt.date(y, 1, 1), dt.date(y + 1, 1, 1), YEAR)


def parse(text: str, kind: str | None = None) -> Period:
    """``2026-10`` (a month), ``2026-Q3`` (a quarter) or ``2026`` (a year); ``kind``
    insists on one of them. DomainError for anything else."""
    value = (text or "").strip()
    m = _MONTH.fullmatch(value)
    if m and kind in (None, MONTH):
        return month(int(m[1]), int(m[2]))
    q = _QUARTER.fullmatch(value)
    if q and kind in (None, QUARTER):
        return quarter(int(q[1]), int(q[2]))
    y = _YEAR.fullmatch(value)
    if y and kind in (None, YEAR):
        return year(int(y[1]))
    expected = {MONTH: "2026-10", QUARTER: "2026-Q3", YEAR: "2026"}
    raise DomainError(
        N_("“{text}” is not a report period; write it like {example}."),
        text=value,
        example=expected.get(kind or "", "2026-10, 2026-Q3, 2026"),
    )


def containing(day: dt.date, kind: str = MONTH) -> Period:
    """The month (quarter, year) that ``day`` falls in."""
    if kind == MONTH:
        return month(day.year, day.month)
    if kind == QUARTER:
        return quarter(day.year, (day.month - 1) // 3 + 1)
    return year(day.year)
