"""The working-day calendar the 30135 clocks count on.

A day is a working day when the official Chinese calendar says so (public holidays are
off, 调休 make-up working days — usually a Saturday or Sunday — are on, other weekends
are off), unless the admin has entered an override for that day, which always wins.
The official calendar comes from the maintained ``chinesecalendar`` package; for a year
it does not know yet (it only ships a year once the State Council has published it),
the calendar falls back to Monday–Friday plus the admin's overrides, so the admin can
enter next year's official schedule by hand. ``known_year`` tells the screens when
that fallback is in use so they can warn.

Office hours are the same on every working day (08:30–17:30 by default). Working time
is the time inside office hours of working days; the closing moment itself still
counts as inside office hours.

Counting rules (shown to users in the settings screen):

* **Minutes** (``add_working_minutes``): only minutes inside office hours count. A
  start outside office hours counts from the next opening: 30 minutes from Friday 17:59
  end at 09:00 on the next working day. A limit that ends exactly at closing time ends
  at closing time (17:00 + 30 minutes → 17:30 the same day).
* **Days** (``add_working_days``): N working days from a start inside office hours end
  at the same time of day on the Nth working day after the start's day (Monday 10:00 +
  1 → Tuesday 10:00; Wednesday 16:00 before a week of holidays + 1 → 16:00 on the first
  working day after them). A start outside office hours — before opening, after
  closing, or on a day off — counts from the next opening, and the limit ends at
  **closing time** of the Nth working day, the day of that opening being day 1
  (Friday 17:59 + 1 → Monday 17:30; Monday 08:00 + 1 → Monday 17:30; Saturday + 3 →
  Wednesday 17:30). Either way the limit holds exactly N × the office hours of a day in
  working time.

Every answer is cached per date, so computing clocks for a million requests stays fast.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import chinese_calendar
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import CalendarOverride

DEFAULT_OPENS = dt.time(8, 30)
DEFAULT_CLOSES = dt.time(17, 30)

_ONE_DAY = dt.timedelta(days=1)
_ZERO = dt.timedelta(0)


def known_year(year: int) -> bool:
    """Whether ``chinesecalendar`` knows the official holidays and 调休 days of ``year``."""
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def official_is_workday(day: dt.date) -> bool | None:
    """The official calendar's answer, or None for a year the library does not know."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return None


class WorkCalendar:
    """Working days (official calendar + admin overrides) and office hours.

    ``overrides`` maps a date to True (a working day) or False (a day off); they win
    over the official calendar. Instances are cheap to query but keep per-date caches:
    build a new one (``from_db``) after the overrides change.
    """

    def __init__(
        self,
        overrides: Mapping[dt.date, bool] | None = None,
        *,
        opens: dt.time = DEFAULT_OPENS,
        closes: dt.time = DEFAULT_CLOSES,
    ):
        if closes <= opens:
            raise ValueError("closing time must be after opening time")
        self.opens = opens
        self.closes = closes
        self._overrides: dict[dt.date, bool] = {d: bool(v) for d, v in (overrides or {}).items()}
        self._workday: dict[dt.date, bool] = {}
        self._nth: dict[tuple[dt.date, int], dt.date] = {}
        self._known: dict[int, bool] = {}
        today = dt.date.today()
        self._day_length = dt.datetime.combine(today, closes) - dt.datetime.combine(today, opens)

    @classmethod
    def from_db(
        cls,
        session: Session,
        *,
        opens: dt.time = DEFAULT_OPENS,
        closes: dt.time = DEFAULT_CLOSES,
    ) -> WorkCalendar:
        """A calendar with the admin's overrides from the ``calendar_override`` table."""
        rows = session.execute(select(CalendarOverride.day, CalendarOverride.is_workday)).all()
        return cls({day: is_workday for day, is_workday in rows}, opens=opens, closes=closes)

    # --- days ---------------------------------------------------------------------------
    @property
    def overrides(self) -> dict[dt.date, bool]:
        """A copy of the admin's overrides."""
        return dict(self._overrides)

    @property
    def day_length(self) -> dt.timedelta:
        """Office hours of one working day (9 hours by default)."""
        return self._day_length

    def known_year(self, year: int) -> bool:
        """False when ``year`` falls back to Monday–Friday (the library lacks it)."""
        known = self._known.get(year)
        if known is None:
            known = self._known[year] = known_year(year)
        return known

    def is_workday(self, day: dt.date | dt.datetime) -> bool:
        if isinstance(day, dt.datetime):
            day = day.date()
        answer = self._workday.get(day)
        if answer is None:
            answer = self._overrides.get(day)
            if answer is None:
                answer = official_is_workday(day) if self.known_year(day.year) else None
            if answer is None:
                answer = day.weekday() < 5
            self._workday[day] = answer
        return answer

    def next_workday(self, day: dt.date) -> dt.date:
        """The first working day strictly after ``day``."""
        return self.nth_workday_after(day, 1)

    def previous_workday(self, day: dt.date) -> dt.date:
        """The last working day strictly before ``day``."""
        day -= _ONE_DAY
        for _ in range(3660):
            if self.is_workday(day):
                return day
            day -= _ONE_DAY
        raise ValueError("no working day within ten years before this date")

    def nth_workday_after(self, day: dt.date, n: int) -> dt.date:
        """The ``n``-th working day strictly after ``day`` (``n`` ≥ 1); ``day`` itself
        need not be a working day."""
        key = (day, n)
        found = self._nth.get(key)
        if found is None:
            if n < 1:
                raise ValueError("n must be at least 1")
            found = day
            left = n
            guard = 0
            while left:
                found += _ONE_DAY
                guard += 1
                if guard > 3660 + n:
                    raise ValueError("no working day within ten years after this date")
                if self.is_workday(found):
                    left -= 1
            self._nth[key] = found
        return found

    def workdays_between(self, first: dt.date, last: dt.date) -> list[dt.date]:
        """Working days from ``first`` to ``last``, both included."""
        days = []
        day = first
        while day <= last:
            if self.is_workday(day):
                days.append(day)
            day += _ONE_DAY
        return days

    # --- moments ------------------------------------------------------------------------
    def opening(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, self.opens)

    def closing(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, self.closes)

    def in_office_hours(self, moment: dt.datetime) -> bool:
        """Inside office hours of a working day; opening and closing moments included."""
        return self.is_workday(moment.date()) and self.opens <= moment.time() <= self.closes

    def next_office_moment(self, moment: dt.datetime) -> dt.datetime:
        """``moment`` itself inside office hours, otherwise the next opening."""
        day = moment.date()
        if self.is_workday(day):
            t = moment.time()
            if t < self.opens:
                return self.opening(day)
            if t <= self.closes:
                return moment
        return self.opening(self.next_workday(day))

    def previous_office_moment(self, moment: dt.datetime) -> dt.datetime:
        """``moment`` itself inside office hours, otherwise the last closing before it."""
        day = moment.date()
        if self.is_workday(day):
            t = moment.time()
            if t > self.closes:
                return self.closing(day)
            if t >= self.opens:
                return moment
        return self.closing(self.previous_workday(day))

    # --- arithmetic ---------------------------------------------------------------------
    def add_working_time(self, start: dt.datetime, amount: dt.timedelta) -> dt.datetime:
        """``start`` plus ``amount`` of working time (see ``add_working_minutes``)."""
        if amount < _ZERO:
            raise ValueError("working time to add must not be negative")
        moment = self.next_office_moment(start)
        day = moment.date()
        while True:
            rest = self.closing(day) - moment
            if amount <= rest:
                return moment + amount
            amount -= rest
            day = self.next_workday(day)
            moment = self.opening(day)

    def add_working_minutes(self, start: dt.datetime, minutes: int) -> dt.datetime:
        """The moment ``minutes`` minutes of office hours after ``start``.

        Only minutes inside office hours of working days count; a start outside them
        counts from the next opening (Friday 17:59 + 30 → next working day 09:00). A
        limit ending exactly at closing time ends then (17:00 + 30 → 17:30).
        """
        return self.add_working_time(start, dt.timedelta(minutes=minutes))

    def add_working_days(self, start: dt.datetime, days: int) -> dt.datetime:
        """The moment ``days`` working days after ``start``.

        Inside office hours: the same time of day on the ``days``-th working day after
        the start's day (Monday 10:00 + 1 → Tuesday 10:00). Outside office hours (before
        opening, after closing, or on a day off): counting starts at the next opening,
        and the limit ends at closing time of the ``days``-th working day, the day of
        that opening being day 1 (Friday 17:59 + 1 → Monday 17:30, Monday 08:00 + 1 →
        Monday 17:30). ``days`` = 0 gives the next office moment.
        """
        if days < 0:
            raise ValueError("working days to add must not be negative")
        day = start.date()
        if self.is_workday(day):
            t = start.time()
            if self.opens <= t <= self.closes:
                if days == 0:
                    return start
                return dt.datetime.combine(self.nth_workday_after(day, days), t)
            if t < self.opens:
                # Before opening counts like the previous working day's closing time.
                if days == 0:
                    return self.opening(day)
                return self.closing(day if days == 1 else self.nth_workday_after(day, days - 1))
        if days == 0:
            return self.opening(self.next_workday(day))
        return self.closing(self.nth_workday_after(day, days))

    def working_time_between(self, start: dt.datetime, end: dt.datetime) -> dt.timedelta:
        """Working time from ``start`` to ``end`` (zero when ``end`` is not later)."""
        if end <= start:
            return _ZERO
        start = self.next_office_moment(start)
        end = self.previous_office_moment(end)
        if end <= start:
            return _ZERO
        first, last = start.date(), end.date()
        if first == last:
            return end - start
        total = (self.closing(first) - start) + (end - self.opening(last))
        day = self.next_workday(first)
        while day < last:
            total += self._day_length
            day = self.next_workday(day)
        return total

    def working_minutes_between(self, start: dt.datetime, end: dt.datetime) -> float:
        """Working minutes from ``start`` to ``end`` (fractions for seconds)."""
        return self.working_time_between(start, end).total_seconds() / 60
