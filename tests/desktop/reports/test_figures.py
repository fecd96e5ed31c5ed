"""The figures of October 2026 (``conftest.py``) against values computed by hand, on SQLite
and PostgreSQL. Every rate is checked as its two counts and as its percentage."""

from __future__ import annotations

import pytest

from desktop.common.errors import PermissionDenied
from desktop.common.permissions import Role
from desktop.reports.figures import Ratio

pytestmark = pytest.mark.slow


@pytest.fixture
def figures(october):
    october.reports.save_settings(october.director, minimum_requests=2, honour_list=1)
    return october.reports.figures(october.director, "2026-10")


def rate(r: Ratio) -> tuple[int, int, float | None]:
    return r.numerator, r.denominator, None if r.percent is None else round(r.percent, 1)


def test_registrations_and_their_breakdowns(figures):
    t = figures.requests.totals
    assert (t.registered, t.visitors) == (4, 23)  # R5 merged into R4 is not counted; R3 brought 20
    assert rate(t.resolution_rate) == (2, 4, 50.0)  # R2 closed and R4 resolved by the cut-off
    assert (t.direct, t.transferred) == (2, 2)
    r = figures.requests
    assert [(c.key, c.count) for c in r.channels] == [
        ("walk_in", 1),
        ("phone", 1),
        ("hotline", 1),
        ("mini_program", 0),
        ("grid", 1),
    ]
    assert [(row.label, row.depth, row.counts, row.total) for row in r.channel_categories] == [
        ("环境卫生", 1, (1, 1, 1, 0, 1), 4),
        ("垃圾清运", 2, (0, 1, 1, 0, 0), 2),
        ("楼道堆物", 2, (1, 0, 0, 0, 1), 2),
    ]
    assert [(c.key, c.count) for c in r.levels] == [("community", 2), ("town", 1), ("district", 1)]
    assert {row.label: row.count for row in r.departments} == {
        "社区居委会": 2,
        "区住房和城乡建设局": 1,
        "街道城市管理办公室": 1,
    }
    assert {row.label: (row.count, row.share) for row in r.grids} == {
        "网格一": (2, 0.5),
        "未填网格": (2, 0.5),
    }


def test_hotspots_share_a_rank_and_compare_with_the_month_before(figures):
    spots = [(h.rank, h.label, h.count, h.share, h.previous, h.change) for h in figures.requests.hotspots]
    assert spots == [
        (1, "环境卫生 / 垃圾清运", 2, 0.5, 1, 100.0),  # R1 in September
        (1, "环境卫生 / 楼道堆物", 2, 0.5, 0, None),
    ]


def test_30135_on_time_rates_count_the_holiday_and_the_make_up_saturday(figures):
    clocks = {c.clock: c for c in figures.requests.totals.clocks}
    # accept: R2 late, R3, R2 (round 2), R4 on time, R6 late
    assert (clocks["accept"].on_time, clocks["accept"].late, clocks["accept"].overdue) == (3, 2, 0)
    assert rate(clocks["accept"].rate) == (3, 5, 60.0)
    # answer: R3 was due on Saturday 10 October (调休) at 10:00 and answered at 11:00: late
    assert (clocks["answer"].on_time, clocks["answer"].late, clocks["answer"].overdue) == (4, 1, 0)
    assert rate(clocks["answer"].rate) == (4, 5, 80.0)
    # resolve: R1 was due on the 调休 Saturday 16:00 and resolved 17:00: late; R3 overdue
    assert (clocks["resolve"].on_time, clocks["resolve"].late, clocks["resolve"].overdue) == (3, 1, 1)
    assert rate(clocks["resolve"].rate) == (3, 5, 60.0)
    # follow-up: R1 and R2 (round 2) on time, R2's first call late, R4's never made
    assert (clocks["follow_up"].on_time, clocks["follow_up"].late, clocks["follow_up"].overdue) == (2, 1, 1)
    assert rate(clocks["follow_up"].rate) == (2, 4, 50.0)


def test_follow_up_satisfaction_reopen_and_return_rates(figures):
    t = figures.requests.totals
    assert rate(t.follow_up_rate) == (3, 4, 75.0)
    s = t.satisfaction
    assert (s.satisfied, s.basically, s.unsatisfied) == (1, 1, 1)
    assert rate(s.rate) == (2, 3, 66.7)
    assert t.resolutions == 3  # R1, R2 (its second round) and R4 were resolved in October
    assert rate(t.reopen_rate) == (1, 3, 33.3)
    assert rate(t.return_rate) == (1, 7, 14.3)
    assert (t.reminders, t.supervisions) == (1, 1)


def test_basically_satisfied_need_not_count(october):
    october.reports.save_settings(october.director, basically_counts=False)
    s = october.reports.figures(october.director, "2026-10").requests.totals.satisfaction
    assert rate(s.rate) == (1, 3, 33.3)


def test_handling_time_in_working_hours(figures):
    h = figures.requests.handling
    # R1 28 h (across the holiday), R2's second round 17.5 h, R4 23 h
    assert h.count == 3
    assert h.mean_hours == pytest.approx((28 + 17.5 + 23) / 3)
    assert h.median_hours == pytest.approx(23.0)


def test_share_resolved_at_each_level(figures):
    r = figures.requests
    assert [(s.level, s.resolved, round(s.share, 3)) for s in r.level_shares] == [
        ("community", 2, 0.667),  # R1, R4
        ("town", 0, 0.0),
        ("district", 1, 0.333),  # R2
    ]
    assert rate(r.at_town_or_below) == (2, 3, 66.7)


def test_department_ranking_red_and_black_lists_and_thresholds(figures):
    rk = figures.requests.ranking
    rows = {d.name: d for d in rk.rows}
    office = rows["社区居委会"]
    assert office.assigned == 2 and office.rank == 1
    assert rate(office.clock("answer").rate) == (2, 3, 66.7)
    assert rate(office.reply_rate) == (3, 3, 100.0)
    assert rate(office.on_time_rate) == (1, 3, 33.3)  # R1 late, R4 on time, R3 overdue
    assert rate(office.satisfaction.rate) == (1, 1, 100.0)
    assert rate(office.reopen_rate) == (0, 2, 0.0)
    assert office.score == pytest.approx(80.0)
    assert office.handling.mean_hours == pytest.approx(25.5)
    housing = rows["区住房和城乡建设局"]
    assert housing.assigned == 2 and housing.rank == 2  # R2's second round and R5
    # judged on R2's current (second) round; the reopening that started it counts too
    assert rate(housing.clock("answer").rate) == (1, 1, 100.0)
    assert rate(housing.on_time_rate) == (1, 1, 100.0)
    assert rate(housing.satisfaction.rate) == (1, 2, 50.0)
    assert rate(housing.reopen_rate) == (1, 1, 100.0)
    assert housing.score == pytest.approx(30 + 17.5 + 0)
    assert housing.below == ("satisfaction",)
    # nothing to measure yet: not ranked; too few requests: not ranked
    assert rows["街道城市管理办公室"].assigned == 2 and rows["街道城市管理办公室"].rank is None
    assert rows["街道司法所"].assigned == 1 and rows["街道司法所"].rank is None
    assert [d.name for d in rk.red] == ["社区居委会"]
    assert [d.name for d in rk.black] == ["区住房和城乡建设局"]
    assert [d.name for d in rk.below_threshold] == ["区住房和城乡建设局"]


def test_overdue_list_at_the_cut_off(figures):
    r = figures.requests
    assert r.overdue_total == 3
    assert [(o.number[:7], o.clock) for o in r.overdue] == [
        ("2025-10", "answer"),  # R7, a year overdue
        ("2026-10", "resolve"),  # R3
        ("2026-10", "follow_up"),  # R4
    ]
    assert r.overdue[1].overdue_hours == pytest.approx(125.0)
    assert r.overdue[2].overdue_hours == pytest.approx(88.0)


def test_month_on_month_and_year_on_year(figures):
    head = {c.key: c for c in figures.requests.headline}
    assert (head["registered"].value, head["registered"].previous, head["registered"].last_year) == (4, 1, 1)
    assert head["registered"].month_on_month == pytest.approx(300.0)
    assert head["registered"].year_on_year == pytest.approx(300.0)
    assert head["resolution_rate"].month_on_month == pytest.approx(-50.0)  # percentage points
    assert head["resolution_rate"].year_on_year == pytest.approx(50.0)
    assert head["accept_on_time"].month_on_month == pytest.approx(-40.0)
    assert head["answer_on_time"].previous is None and head["answer_on_time"].month_on_month is None
    assert head["answer_on_time"].last_year == pytest.approx(0.0)  # R7 overdue
    assert head["answer_on_time"].year_on_year == pytest.approx(80.0)
    assert head["transferred"].previous == 0 and head["transferred"].month_on_month is None


def test_twelve_month_trend(figures):
    trend = figures.requests.trend
    assert [p.period.code for p in trend][0] == "2025-11" and trend[-1].period.code == "2026-10"
    assert [p.registered for p in trend] == [0] * 10 + [1, 4]
    assert (trend[-1].resolutions, rate(trend[-1].resolve_on_time)) == (3, (3, 5, 60.0))
    assert trend[-2].resolve_on_time.percent is None


def test_love_bank(figures):
    lb = figures.love_bank
    t = lb.totals
    assert (t.volunteers_new, t.volunteers_active, t.service_records, t.service_minutes) == (2, 2, 3, 360)
    assert (t.points_earned, t.points_redeemed, t.points_expired, t.points_adjusted) == (60, 35, 0, 0)
    p = lb.previous
    assert (p.volunteers_new, p.service_records, p.service_minutes, p.points_earned) == (1, 5, 5900, 343)
    head = {c.key: c for c in lb.headline}
    assert head["service_hours"].month_on_month == pytest.approx(100 * (6 - 5900 / 60) / (5900 / 60))
    assert head["points_redeemed"].month_on_month is None  # nothing redeemed in September
    assert [(v.name, v.hours, v.points) for v in lb.top_volunteers] == [("王𠇔", 3.0, 30), ("刘䶮", 3.0, 30)]
    assert [(s.name, s.stars_before, s.stars) for s in lb.new_stars] == [("王𠇔", 0, 1)]
    stock = {
        x.name: (x.opening, x.stocked_in, x.redeemed, x.returned, x.taken_out, x.closing) for x in lb.stock
    }
    assert stock == {"牙刷": (10, 5, 2, 0, 0, 13), "毛巾": (3, 0, 1, 1, 0, 3), "理发": (5, 0, 1, 0, 0, 4)}
    assert [x.name for x in lb.low_stock] == ["毛巾"]


def test_only_the_director_and_the_administrator_see_reports(october, make_actor):
    desk = make_actor(october.services, Role.FRONT_DESK)
    with pytest.raises(PermissionDenied):
        october.reports.figures(desk, "2026-10")
    with pytest.raises(PermissionDenied):
        october.reports.save_settings(
            october.director.__class__(None, "x", "x", Role.COORDINATOR), hotspots=3
        )
