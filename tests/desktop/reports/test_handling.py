"""Handling time counted for many requests at once agrees with the working-day calendar
the 30135 clocks use, for any two moments — across holidays, 调休 days, nights and
weekends."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from db.reports import HandlingSpans
from desktop.common.workcalendar import WorkCalendar
from desktop.reports.handling import by_department, summary, working_seconds

CALENDAR = WorkCalendar({dt.date(2026, 10, 20): False, dt.date(2026, 10, 25): True})
EPOCH = dt.datetime(1970, 1, 1)
moments = st.datetimes(min_value=dt.datetime(2026, 9, 20), max_value=dt.datetime(2026, 11, 10))


def seconds(moment: dt.datetime) -> float:
    return (moment - EPOCH).total_seconds()


def spans(pairs, departments=None) -> HandlingSpans:
    return HandlingSpans(
        tuple(departments or [None] * len(pairs)),
        ("community",) * len(pairs),
        tuple(seconds(a) for a, _b in pairs),
        tuple(seconds(b) for _a, b in pairs),
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(moments, moments), min_size=1, max_size=20))
def test_working_seconds_equal_the_calendars_working_time(pairs):
    pairs = [(min(a, b).replace(microsecond=0), max(a, b).replace(microsecond=0)) for a, b in pairs]
    got = list(working_seconds(spans(pairs), CALENDAR))
    expected = [int(CALENDAR.working_time_between(a, b).total_seconds()) for a, b in pairs]
    assert got == expected


def test_over_the_national_day_holiday_and_its_make_up_saturday():
    # Wednesday 30 September 16:00 to Saturday 10 October (调休) 17:00: 1.5 + 9 + 9 + 8.5 hours
    got = working_seconds(
        spans([(dt.datetime(2026, 9, 30, 16), dt.datetime(2026, 10, 10, 17))]), WorkCalendar()
    )
    assert list(got) == [28 * 3600]


def test_mean_median_and_per_department():
    pairs = [
        (dt.datetime(2026, 11, 2, 9), dt.datetime(2026, 11, 2, 10)),  # 1 h
        (dt.datetime(2026, 11, 2, 9), dt.datetime(2026, 11, 2, 12)),  # 3 h
        (dt.datetime(2026, 11, 2, 9), dt.datetime(2026, 11, 3, 9)),  # 9 h
    ]
    s = spans(pairs, [1, 1, 2])
    values = working_seconds(s, WorkCalendar())
    overall = summary(values)
    assert (overall.count, overall.mean_hours, overall.median_hours) == (3, 13 / 3, 3.0)
    per = by_department(s, values)
    assert (per[1].count, per[1].mean_hours, per[1].median_hours) == (2, 2.0, 2.0)
    assert (per[2].count, per[2].median_hours) == (1, 9.0)
    assert (
        summary([]).mean_hours is None
        and by_department(spans([]), working_seconds(spans([]), WorkCalendar())) == {}
    )
