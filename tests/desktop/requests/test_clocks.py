"""The 30135 clocks: due times, yellow and red moments, limits per urgency and category."""

from __future__ import annotations

import datetime as dt

import pytest

from db.models import Category, ClockLimit
from desktop.common.workcalendar import WorkCalendar
from desktop.requests.clocks import (
    CLOCK_FOR_STATUS,
    CLOCK_LABELS,
    CLOCKS,
    COLOUR_LABELS,
    COLOURS,
    DEFAULT_LIMITS,
    LimitRules,
    Limits,
    colour,
    due_time,
    due_times,
    limits_for,
    on_time,
    running_clock,
    warn_time,
    warn_times,
)


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute)


@pytest.fixture
def cal() -> WorkCalendar:
    return WorkCalendar()


# --- due times ---------------------------------------------------------------------------
def test_default_limits_are_30135():
    assert DEFAULT_LIMITS == Limits(accept_minutes=30, answer_days=1, resolve_days=3, follow_up_days=5)
    assert [DEFAULT_LIMITS.for_clock(c) for c in CLOCKS] == [30, 1, 3, 5]
    with pytest.raises(ValueError):
        DEFAULT_LIMITS.for_clock("lunch")


def test_assigned_on_the_eve_of_national_day(cal):
    # 2026-09-30 (Wednesday) 16:00; 1–7 October off; 8, 9 and 10 (调休 Saturday) October
    # are working days, 11 October an ordinary Sunday.
    assert due_times(cal, at(2026, 9, 30, 16), DEFAULT_LIMITS) == {
        "accept": at(2026, 9, 30, 16, 30),
        "answer": at(2026, 10, 8, 16),
        "resolve": at(2026, 10, 10, 16),
        "follow_up": at(2026, 10, 13, 16),
    }


def test_assigned_on_a_make_up_saturday(cal):
    # 2026-10-10 is a Saturday and a 调休 working day: the clocks run that day.
    assert due_times(cal, at(2026, 10, 10, 10), DEFAULT_LIMITS) == {
        "accept": at(2026, 10, 10, 10, 30),
        "answer": at(2026, 10, 12, 10),
        "resolve": at(2026, 10, 14, 10),
        "follow_up": at(2026, 10, 16, 10),
    }


def test_assigned_on_a_friday_at_17_59(cal):
    # Counting starts on Monday's opening; the day limits end at closing time.
    assert due_times(cal, at(2026, 3, 13, 17, 59), DEFAULT_LIMITS) == {
        "accept": at(2026, 3, 16, 9, 0),
        "answer": at(2026, 3, 16, 17, 30),
        "resolve": at(2026, 3, 18, 17, 30),
        "follow_up": at(2026, 3, 20, 17, 30),
    }


def test_assigned_at_08_00_before_opening(cal):
    assert due_times(cal, at(2026, 3, 16, 8, 0), DEFAULT_LIMITS) == {
        "accept": at(2026, 3, 16, 9, 0),
        "answer": at(2026, 3, 16, 17, 30),
        "resolve": at(2026, 3, 18, 17, 30),
        "follow_up": at(2026, 3, 20, 17, 30),
    }


def test_a_reopened_request_starts_a_new_round_from_its_new_assignment(cal):
    first = at(2026, 3, 2, 10)  # Monday
    assert running_clock("assigned", first, DEFAULT_LIMITS, cal) == (
        "accept",
        at(2026, 3, 2, 10, 20),
        at(2026, 3, 2, 10, 30),
    )
    assert running_clock("resolved", first, DEFAULT_LIMITS, cal)[2] == at(2026, 3, 9, 10)
    # Reopened (不满意) on 10 March: no clock runs until it is assigned again.
    assert running_clock("reopened", first, DEFAULT_LIMITS, cal) == (None, None, None)
    again = at(2026, 3, 10, 14)  # Tuesday: round 2
    assert running_clock("assigned", again, DEFAULT_LIMITS, cal) == (
        "accept",
        at(2026, 3, 10, 14, 20),
        at(2026, 3, 10, 14, 30),
    )
    assert due_times(cal, again, DEFAULT_LIMITS) == {
        "accept": at(2026, 3, 10, 14, 30),
        "answer": at(2026, 3, 11, 14),
        "resolve": at(2026, 3, 13, 14),
        "follow_up": at(2026, 3, 17, 14),
    }


def test_admin_overrides_move_the_clocks():
    monday_off = WorkCalendar({dt.date(2026, 3, 16): False})
    assert due_times(monday_off, at(2026, 3, 13, 17, 59), DEFAULT_LIMITS) == {
        "accept": at(2026, 3, 17, 9, 0),
        "answer": at(2026, 3, 17, 17, 30),
        "resolve": at(2026, 3, 19, 17, 30),
        "follow_up": at(2026, 3, 23, 17, 30),
    }
    sunday_on = WorkCalendar({dt.date(2026, 3, 15): True})
    assert due_times(sunday_on, at(2026, 3, 14, 12), DEFAULT_LIMITS) == {
        "accept": at(2026, 3, 15, 9, 0),
        "answer": at(2026, 3, 15, 17, 30),
        "resolve": at(2026, 3, 17, 17, 30),
        "follow_up": at(2026, 3, 19, 17, 30),
    }


def test_year_unknown_to_the_library_counts_monday_to_friday():
    cal = WorkCalendar()
    assert not cal.known_year(2031)
    # 2031-10-01 is a Wednesday; without the official schedule it is a working day.
    assert due_times(cal, at(2031, 10, 1, 10), DEFAULT_LIMITS) == {
        "accept": at(2031, 10, 1, 10, 30),
        "answer": at(2031, 10, 2, 10),
        "resolve": at(2031, 10, 6, 10),
        "follow_up": at(2031, 10, 8, 10),
    }


def test_other_limits_change_the_due_times(cal):
    limits = Limits(accept_minutes=60, answer_days=2, resolve_days=10, follow_up_days=15)
    assert due_time(cal, at(2026, 3, 16, 17), limits, "accept") == at(2026, 3, 17, 9, 0)
    assert due_time(cal, at(2026, 3, 16, 10), limits, "resolve") == at(2026, 3, 30, 10)


# --- yellow and red ----------------------------------------------------------------------
def test_accept_clock_turns_yellow_ten_minutes_before_due_and_red_after(cal):
    assigned = at(2026, 3, 16, 10)
    clock, warn, due = running_clock("assigned", assigned, DEFAULT_LIMITS, cal)
    assert (clock, warn, due) == ("accept", at(2026, 3, 16, 10, 20), at(2026, 3, 16, 10, 30))
    assert colour(at(2026, 3, 16, 10, 0), warn, due) == "green"
    assert colour(at(2026, 3, 16, 10, 19), warn, due) == "green"
    assert colour(at(2026, 3, 16, 10, 20), warn, due) == "yellow"
    assert colour(at(2026, 3, 16, 10, 30), warn, due) == "yellow"  # due, not yet overdue
    assert colour(at(2026, 3, 16, 10, 30) + dt.timedelta(seconds=1), warn, due) == "red"
    assert colour(at(2026, 3, 17, 9), warn, due) == "red"


def test_met_clocks_are_done_on_time_or_late(cal):
    warn, due = at(2026, 3, 16, 10, 20), at(2026, 3, 16, 10, 30)
    later = at(2026, 3, 20)
    assert colour(later, warn, due, done_at=at(2026, 3, 16, 10, 25)) == "done_on_time"
    assert colour(later, warn, due, done_at=due) == "done_on_time"
    assert colour(later, warn, due, done_at=at(2026, 3, 16, 10, 31)) == "done_late"
    assert on_time(due, due) and not on_time(due + dt.timedelta(minutes=1), due)


def test_yellow_counts_working_time_not_the_night(cal):
    # Assigned Friday 17:25: 5 minutes on Friday, 25 on Monday. It stays green over the
    # weekend and turns yellow with 10 working minutes left, at 08:45 on Monday.
    clock, warn, due = running_clock("assigned", at(2026, 3, 13, 17, 25), DEFAULT_LIMITS, cal)
    assert (warn, due) == (at(2026, 3, 16, 8, 45), at(2026, 3, 16, 8, 55))
    assert colour(at(2026, 3, 14, 12), warn, due) == "green"
    assert colour(at(2026, 3, 16, 8, 45), warn, due) == "yellow"
    assert colour(at(2026, 3, 16, 9), warn, due) == "red"


def test_day_clocks_turn_yellow_with_a_third_of_their_working_time_left(cal):
    assigned = at(2026, 3, 16, 10)  # Monday
    warns = warn_times(cal, assigned, DEFAULT_LIMITS)
    assert warns == {
        "accept": at(2026, 3, 16, 10, 20),
        "answer": at(2026, 3, 16, 16, 0),  # 3 office hours left
        "resolve": at(2026, 3, 18, 10),  # one office day left
        "follow_up": at(2026, 3, 19, 13),  # 15 office hours left
    }
    # Over the National Day holiday the yellow moment skips the days off.
    answer_due = due_time(cal, at(2026, 9, 30, 16), DEFAULT_LIMITS, "answer")
    assert warn_time(cal, at(2026, 9, 30, 16), answer_due, "answer") == at(2026, 10, 8, 13)


def test_warn_time_fraction_is_configurable(cal):
    assigned = at(2026, 3, 16, 10)
    due = at(2026, 3, 16, 10, 30)
    assert warn_time(cal, assigned, due, "accept", fraction=0.5) == at(2026, 3, 16, 10, 15)
    assert warn_time(cal, assigned, due, "accept", fraction=0) == due
    with pytest.raises(ValueError):
        warn_time(cal, assigned, due, "accept", fraction=1.5)
    with pytest.raises(ValueError):
        warn_time(cal, assigned, due, "lunch")


def test_warn_time_from_due_agrees_with_the_stored_warning(cal):
    first = at(2026, 9, 18, 7, 13)
    for i in range(0, 20 * 24 * 60, 53):
        assigned = first + dt.timedelta(minutes=i)
        dues = due_times(cal, assigned, DEFAULT_LIMITS)
        warns = warn_times(cal, assigned, DEFAULT_LIMITS)
        for clock in CLOCKS:
            assert warn_time(cal, assigned, dues[clock], clock) == warns[clock], (assigned, clock)
            assert assigned < warns[clock] < dues[clock], (assigned, clock)
            assert cal.in_office_hours(warns[clock]), (assigned, clock)


# --- which clock runs ----------------------------------------------------------------------
def test_clock_for_each_status(cal):
    assert CLOCK_FOR_STATUS["assigned"] == "accept"
    assert CLOCK_FOR_STATUS["accepted"] == "answer"
    assert CLOCK_FOR_STATUS["answered"] == "resolve"
    assert CLOCK_FOR_STATUS["resolved"] == "follow_up"
    assert CLOCK_FOR_STATUS["registered"] is None
    assert CLOCK_FOR_STATUS["closed"] is None
    assigned = at(2026, 3, 16, 10)
    dues = due_times(cal, assigned, DEFAULT_LIMITS)
    for status, clock in [("accepted", "answer"), ("answered", "resolve"), ("resolved", "follow_up")]:
        name, warn, due = running_clock(status, assigned, DEFAULT_LIMITS, cal)
        assert name == clock and due == dues[clock] and warn < due
    for status in ("registered", "closed", "returned", "reopened", "merged", "unknown"):
        assert running_clock(status, assigned, DEFAULT_LIMITS, cal) == (None, None, None)
    assert running_clock("assigned", None, DEFAULT_LIMITS, cal) == (None, None, None)


def test_every_clock_and_colour_has_a_label():
    assert set(CLOCK_LABELS) == set(CLOCKS)
    assert CLOCK_LABELS["follow_up"] == "Follow-up"
    assert set(COLOUR_LABELS) == set(COLOURS)


# --- limits ------------------------------------------------------------------------------
PARENT, CHILD, SIBLING, OTHER = 1, 11, 12, 2
PARENTS = {PARENT: None, CHILD: PARENT, SIBLING: PARENT, OTHER: None}


def limits(n: int) -> Limits:
    return Limits(n, n, n, n)


def test_most_specific_limit_wins():
    rules = LimitRules(
        {
            ("red", CHILD): limits(1),
            (None, CHILD): limits(2),
            ("red", PARENT): limits(3),
            (None, PARENT): limits(4),
            ("red", None): limits(5),
            (None, None): limits(6),
        },
        PARENTS,
    )
    assert rules.resolve("red", CHILD) == limits(1)  # urgency + category
    assert rules.resolve("green", CHILD) == limits(2)  # category
    assert rules.resolve("red", SIBLING) == limits(3)  # urgency + parent category
    assert rules.resolve("green", SIBLING) == limits(4)  # parent category
    assert rules.resolve("green", PARENT) == limits(4)
    assert rules.resolve("red", OTHER) == limits(5)  # urgency
    assert rules.resolve("green", OTHER) == limits(6)  # the default row
    assert rules.resolve(None, None) == limits(6)


def test_without_rows_the_30135_rule_applies():
    rules = LimitRules({}, PARENTS)
    assert rules.resolve("red", CHILD) == DEFAULT_LIMITS
    rules = LimitRules({("yellow", None): limits(7)}, PARENTS)
    assert rules.resolve("red", CHILD) == DEFAULT_LIMITS
    assert rules.resolve("yellow", CHILD) == limits(7)


def test_a_childs_own_row_beats_its_parents_rows():
    rules = LimitRules({(None, CHILD): limits(2), ("red", PARENT): limits(3)}, PARENTS)
    assert rules.resolve("red", CHILD) == limits(2)
    assert rules.resolve("red", SIBLING) == limits(3)
    assert rules.resolve("green", SIBLING) == DEFAULT_LIMITS


def test_a_child_follows_its_parent_where_it_has_no_row_for_the_urgency():
    rules = LimitRules(
        {("red", CHILD): limits(1), (None, PARENT): limits(4), (None, None): limits(6)}, PARENTS
    )
    assert rules.resolve("red", CHILD) == limits(1)
    assert rules.resolve("green", CHILD) == limits(4)
    assert rules.resolve("green", OTHER) == limits(6)


def test_limits_for_reads_the_clock_limit_table(sqlite_db):
    with sqlite_db.db.writing() as uow:
        session = uow.session
        parent = Category(name="测试-城市管理", sort_order=0, is_active=True)
        session.add(parent)
        session.flush()
        child = Category(name="占道经营", parent_id=parent.id, sort_order=0, is_active=True)
        sibling = Category(name="违章搭建", parent_id=parent.id, sort_order=1, is_active=True)
        other = Category(name="测试-社会保障", sort_order=1, is_active=True)
        session.add_all([child, sibling, other])
        session.flush()
        ids = (parent.id, child.id, sibling.id, other.id)
        session.add_all(
            [
                ClockLimit(urgency="red", category_id=child.id, **_row(1)),
                ClockLimit(urgency=None, category_id=child.id, **_row(2)),
                ClockLimit(urgency=None, category_id=parent.id, **_row(4)),
                ClockLimit(urgency="red", category_id=None, **_row(5)),
                ClockLimit(urgency=None, category_id=None, **_row(6)),
            ]
        )
        uow.commit()
    parent_id, child_id, sibling_id, other_id = ids
    with sqlite_db.db.reading() as uow:
        session = uow.session
        assert limits_for(session, "red", child_id) == limits(1)
        assert limits_for(session, "green", child_id) == limits(2)
        assert limits_for(session, "red", sibling_id) == limits(4)
        assert limits_for(session, "red", parent_id) == limits(4)
        assert limits_for(session, "red", other_id) == limits(5)
        assert limits_for(session, "green", other_id) == limits(6)


def _row(n: int) -> dict[str, int]:
    return {"accept_minutes": n, "answer_days": n, "resolve_days": n, "follow_up_days": n}


def test_limits_for_without_any_rows_is_the_default(sqlite_db):
    with sqlite_db.db.reading() as uow:
        assert limits_for(uow.session, "red", None) == DEFAULT_LIMITS
