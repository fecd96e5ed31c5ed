"""The working-day calendar: official holidays and 调休, admin overrides, office hours."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.common.workcalendar import WorkCalendar, known_year, official_is_workday


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute)


@pytest.fixture
def cal() -> WorkCalendar:
    return WorkCalendar()


# --- which days are working days --------------------------------------------------------
def test_national_day_2026_is_off_and_its_make_up_days_are_on(cal):
    # 2026: National Day 1–7 October; 20 September (Sunday) and 10 October (Saturday)
    # are 调休 make-up working days.
    assert cal.is_workday(dt.date(2026, 9, 30))
    for day in range(1, 8):
        assert not cal.is_workday(dt.date(2026, 10, day)), day
    assert cal.is_workday(dt.date(2026, 10, 8))
    assert cal.is_workday(dt.date(2026, 10, 9))
    assert dt.date(2026, 10, 10).weekday() == 5 and cal.is_workday(dt.date(2026, 10, 10))
    assert dt.date(2026, 9, 20).weekday() == 6 and cal.is_workday(dt.date(2026, 9, 20))
    assert not cal.is_workday(dt.date(2026, 10, 11))  # an ordinary Sunday


def test_ordinary_weekends_are_off(cal):
    assert cal.is_workday(dt.date(2026, 3, 13))  # Friday
    assert not cal.is_workday(dt.date(2026, 3, 14))  # Saturday
    assert not cal.is_workday(dt.date(2026, 3, 15))  # Sunday
    assert cal.is_workday(dt.datetime(2026, 3, 16, 12))  # Monday, given as a datetime


def test_override_makes_a_monday_a_holiday_and_a_sunday_a_working_day():
    monday, sunday = dt.date(2026, 3, 16), dt.date(2026, 3, 15)
    cal = WorkCalendar({monday: False, sunday: True})
    assert not cal.is_workday(monday)
    assert cal.is_workday(sunday)
    assert cal.overrides == {monday: False, sunday: True}
    # Overrides also win over the official calendar's holidays and make-up days.
    cal = WorkCalendar({dt.date(2026, 10, 2): True, dt.date(2026, 10, 10): False})
    assert cal.is_workday(dt.date(2026, 10, 2))
    assert not cal.is_workday(dt.date(2026, 10, 10))


def test_year_unknown_to_the_library_falls_back_to_monday_to_friday_plus_overrides():
    assert known_year(2026)
    assert not known_year(2031)
    assert official_is_workday(dt.date(2031, 10, 1)) is None
    cal = WorkCalendar({dt.date(2031, 10, 2): False, dt.date(2031, 9, 28): True})
    assert not cal.known_year(2031)
    assert cal.known_year(2026)
    first = dt.date(2031, 9, 29)  # a Monday
    week = [first + dt.timedelta(days=i) for i in range(7)]
    assert [d.weekday() for d in week] == list(range(7))
    assert [cal.is_workday(d) for d in week] == [True, True, True, False, True, False, False]
    assert cal.is_workday(dt.date(2031, 9, 28))  # a Sunday the admin made a working day
    # Counting works the same way on the fallback.
    assert cal.add_working_days(at(2031, 10, 1, 10), 1) == at(2031, 10, 3, 10)


def test_no_working_day_needs_the_next_one_explicitly(cal):
    assert cal.next_workday(dt.date(2026, 9, 30)) == dt.date(2026, 10, 8)
    assert cal.previous_workday(dt.date(2026, 10, 8)) == dt.date(2026, 9, 30)
    assert cal.nth_workday_after(dt.date(2026, 9, 30), 3) == dt.date(2026, 10, 10)
    assert cal.workdays_between(dt.date(2026, 10, 6), dt.date(2026, 10, 12)) == [
        dt.date(2026, 10, 8),
        dt.date(2026, 10, 9),
        dt.date(2026, 10, 10),
        dt.date(2026, 10, 12),
    ]


# --- working minutes ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("start", "minutes", "expected"),
    [
        (at(2026, 3, 16, 10, 0), 30, at(2026, 3, 16, 10, 30)),  # inside office hours
        (at(2026, 3, 16, 17, 0), 30, at(2026, 3, 16, 17, 30)),  # ends exactly at closing
        (at(2026, 3, 16, 17, 20), 30, at(2026, 3, 17, 8, 50)),  # 10 today, 20 tomorrow
        (at(2026, 3, 13, 17, 59), 30, at(2026, 3, 16, 9, 0)),  # Friday after closing
        (at(2026, 3, 13, 17, 30), 30, at(2026, 3, 16, 9, 0)),  # Friday at closing
        (at(2026, 3, 16, 8, 0), 30, at(2026, 3, 16, 9, 0)),  # before opening
        (at(2026, 3, 14, 11, 0), 30, at(2026, 3, 16, 9, 0)),  # Saturday
        (at(2026, 9, 30, 17, 20), 30, at(2026, 10, 8, 8, 50)),  # into National Day
        (at(2026, 10, 10, 10, 0), 30, at(2026, 10, 10, 10, 30)),  # 调休 Saturday
        (at(2026, 3, 16, 8, 30), 9 * 60, at(2026, 3, 16, 17, 30)),  # one full day
        (at(2026, 3, 16, 10, 0), 0, at(2026, 3, 16, 10, 0)),
    ],
)
def test_add_working_minutes(cal, start, minutes, expected):
    assert cal.add_working_minutes(start, minutes) == expected


def test_negative_amounts_are_refused(cal):
    with pytest.raises(ValueError):
        cal.add_working_minutes(at(2026, 3, 16, 10), -1)
    with pytest.raises(ValueError):
        cal.add_working_days(at(2026, 3, 16, 10), -1)


# --- working days ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # Inside office hours: the same time of day on the Nth working day.
        (at(2026, 3, 16, 10, 0), 1, at(2026, 3, 17, 10, 0)),
        (at(2026, 3, 16, 8, 30), 1, at(2026, 3, 17, 8, 30)),  # at opening
        (at(2026, 3, 13, 17, 30), 1, at(2026, 3, 16, 17, 30)),  # Friday at closing
        (at(2026, 3, 13, 10, 0), 3, at(2026, 3, 18, 10, 0)),  # over a weekend
        (at(2026, 9, 30, 16, 0), 1, at(2026, 10, 8, 16, 0)),  # eve of National Day
        (at(2026, 9, 30, 16, 0), 3, at(2026, 10, 10, 16, 0)),  # 调休 Saturday counts
        (at(2026, 10, 10, 10, 0), 1, at(2026, 10, 12, 10, 0)),  # from a 调休 Saturday
        # Outside office hours: from the next opening, ending at closing of day N.
        (at(2026, 3, 13, 17, 59), 1, at(2026, 3, 16, 17, 30)),  # Friday after closing
        (at(2026, 3, 13, 17, 59), 3, at(2026, 3, 18, 17, 30)),
        (at(2026, 3, 16, 8, 0), 1, at(2026, 3, 16, 17, 30)),  # before opening
        (at(2026, 3, 16, 8, 0), 3, at(2026, 3, 18, 17, 30)),
        (at(2026, 3, 14, 11, 0), 3, at(2026, 3, 18, 17, 30)),  # Saturday
        (at(2026, 10, 3, 9, 0), 1, at(2026, 10, 8, 17, 30)),  # during the holiday
        (at(2026, 3, 16, 23, 59), 1, at(2026, 3, 17, 17, 30)),  # late evening
        # Zero days: the next office moment.
        (at(2026, 3, 16, 10, 0), 0, at(2026, 3, 16, 10, 0)),
        (at(2026, 3, 16, 8, 0), 0, at(2026, 3, 16, 8, 30)),
        (at(2026, 3, 13, 18, 0), 0, at(2026, 3, 16, 8, 30)),
    ],
)
def test_add_working_days(cal, start, days, expected):
    assert cal.add_working_days(start, days) == expected


def test_overrides_move_due_dates():
    # Monday 16 March made a holiday: Friday + 1 working day lands on Tuesday.
    cal = WorkCalendar({dt.date(2026, 3, 16): False})
    assert cal.add_working_days(at(2026, 3, 13, 10), 1) == at(2026, 3, 17, 10)
    assert cal.add_working_minutes(at(2026, 3, 13, 17, 20), 30) == at(2026, 3, 17, 8, 50)
    # Sunday 15 March made a working day: Friday evening's limits run on Sunday.
    cal = WorkCalendar({dt.date(2026, 3, 15): True})
    assert cal.add_working_minutes(at(2026, 3, 13, 17, 59), 30) == at(2026, 3, 15, 9, 0)
    assert cal.add_working_days(at(2026, 3, 13, 17, 59), 1) == at(2026, 3, 15, 17, 30)
    assert cal.add_working_days(at(2026, 3, 13, 10), 1) == at(2026, 3, 15, 10)


def test_custom_office_hours():
    cal = WorkCalendar(opens=dt.time(9, 0), closes=dt.time(17, 0))
    assert cal.day_length == dt.timedelta(hours=8)
    assert cal.add_working_minutes(at(2026, 3, 16, 8, 45), 30) == at(2026, 3, 16, 9, 30)
    assert cal.add_working_minutes(at(2026, 3, 16, 16, 50), 30) == at(2026, 3, 17, 9, 20)
    assert cal.add_working_days(at(2026, 3, 16, 17, 15), 1) == at(2026, 3, 17, 17, 0)
    with pytest.raises(ValueError):
        WorkCalendar(opens=dt.time(17, 0), closes=dt.time(9, 0))


def test_office_moments(cal):
    assert cal.in_office_hours(at(2026, 3, 16, 8, 30))
    assert cal.in_office_hours(at(2026, 3, 16, 17, 30))
    assert not cal.in_office_hours(at(2026, 3, 16, 17, 31))
    assert not cal.in_office_hours(at(2026, 3, 14, 10, 0))
    assert cal.next_office_moment(at(2026, 3, 13, 18)) == at(2026, 3, 16, 8, 30)
    assert cal.previous_office_moment(at(2026, 3, 16, 8)) == at(2026, 3, 13, 17, 30)
    assert cal.previous_office_moment(at(2026, 3, 16, 19)) == at(2026, 3, 16, 17, 30)


# --- working time between two moments ---------------------------------------------------
def test_working_time_between(cal):
    assert cal.working_minutes_between(at(2026, 3, 16, 10), at(2026, 3, 16, 10, 30)) == 30
    assert cal.working_minutes_between(at(2026, 3, 13, 17, 0), at(2026, 3, 16, 9, 0)) == 60
    assert cal.working_minutes_between(at(2026, 9, 30, 16), at(2026, 10, 8, 16)) == 9 * 60
    assert cal.working_minutes_between(at(2026, 3, 14, 9), at(2026, 3, 15, 17)) == 0  # weekend
    assert cal.working_minutes_between(at(2026, 3, 16, 11), at(2026, 3, 16, 10)) == 0


def _starts() -> list[dt.datetime]:
    """Every 47 minutes over a month with a weekend, holidays and make-up days."""
    first = at(2026, 9, 17, 0, 3)
    return [first + dt.timedelta(minutes=47 * i) for i in range(0, 30 * 24 * 60 // 47)]


def test_a_day_limit_always_holds_exactly_n_office_days_of_working_time(cal):
    for start in _starts():
        for days in (1, 3, 5):
            due = cal.add_working_days(start, days)
            assert cal.working_time_between(start, due) == days * cal.day_length, (start, days)
            assert cal.in_office_hours(due), (start, days)


def test_a_minute_limit_always_holds_exactly_that_much_working_time(cal):
    for start in _starts():
        due = cal.add_working_minutes(start, 30)
        assert cal.working_minutes_between(start, due) == 30, start
        assert cal.in_office_hours(due), start
        assert due > start
