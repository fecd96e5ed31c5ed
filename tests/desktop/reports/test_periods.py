"""Report periods: how they are typed, their neighbours (环比, 同比), their trend months and
their window up to the cut-off."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.common.errors import DomainError
from desktop.reports import periods


def test_a_month_a_quarter_and_a_year_are_typed_as_people_write_them():
    october = periods.parse("2026-10")
    assert (october.kind, october.start, october.end) == ("month", dt.date(2026, 10, 1), dt.date(2026, 11, 1))
    assert (october.code, october.label) == ("2026-10", "2026年10月")
    q3 = periods.parse("2026-Q3")
    assert (q3.kind, q3.start, q3.end, q3.label) == (
        "quarter",
        dt.date(2026, 7, 1),
        dt.date(2026, 10, 1),
        "2026年第三季度",
    )
    assert periods.parse("2026q4").code == "2026-Q4"
    year = periods.parse(" 2026 ")
    assert (year.kind, year.start, year.end, year.code) == (
        "year",
        dt.date(2026, 1, 1),
        dt.date(2027, 1, 1),
        "2026",
    )
    assert periods.parse("2026-3").code == "2026-03"
    assert periods.parse("2026-12").end == dt.date(2027, 1, 1)


@pytest.mark.parametrize("text", ["", "2026-13", "2026-00", "2026-Q5", "26-10", "十月", "1999", "2026/10"])
def test_anything_else_is_refused_with_an_example(text):
    with pytest.raises(DomainError):
        periods.parse(text)


def test_a_kind_may_be_insisted_on():
    with pytest.raises(DomainError) as err:
        periods.parse("2026", periods.MONTH)
    assert "2026-10" in str(err.value)
    assert periods.parse("2026-Q3", periods.QUARTER).kind == "quarter"


def test_previous_and_same_period_a_year_earlier():
    assert periods.parse("2026-01").previous().code == "2025-12"
    assert periods.parse("2026-10").last_year().code == "2025-10"
    assert periods.parse("2026-Q1").previous().code == "2025-Q4"
    assert periods.parse("2026-Q3").last_year().code == "2025-Q3"
    assert periods.parse("2026").previous().code == "2025"


def test_trend_months_end_with_the_period():
    assert [m.code for m in periods.parse("2026-03").trend(4)] == ["2025-12", "2026-01", "2026-02", "2026-03"]
    assert periods.parse("2026-Q3").trend()[-1].code == "2026-09"
    assert len(periods.parse("2026").trend()) == 12 and periods.parse("2026").trend()[0].code == "2026-01"
    assert [m.code for m in periods.parse("2026-Q2").months()] == ["2026-04", "2026-05", "2026-06"]


def test_the_window_ends_at_the_cut_off_while_the_period_runs():
    october = periods.parse("2026-10")
    now = dt.datetime(2026, 10, 15, 9, 30)
    assert october.window(now) == (dt.datetime(2026, 10, 1), now)
    assert october.date_window(now) == (dt.date(2026, 10, 1), dt.date(2026, 10, 16))
    later = dt.datetime(2026, 11, 5)
    assert october.window(later) == (dt.datetime(2026, 10, 1), dt.datetime(2026, 11, 1))
    before = dt.datetime(2026, 9, 1)
    start, end = october.window(before)
    assert start == end  # a period that has not begun: nothing in it


def test_the_period_of_a_day():
    day = dt.date(2026, 8, 17)
    assert periods.containing(day).code == "2026-08"
    assert periods.containing(day, periods.QUARTER).code == "2026-Q3"
    assert periods.containing(day, periods.YEAR).code == "2026"
