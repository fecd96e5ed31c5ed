"""The department ranking: weighted score, ties sharing a rank, the minimum of requests,
红榜 / 黑榜 and the departments named for 整改 (pure rules, no database)."""

from __future__ import annotations

import pytest

from desktop.reports.figures import ClockFigures, DepartmentRow, HandlingTime, Satisfaction
from desktop.reports.ranking import rank, score
from desktop.reports.settings import ReportSettings


def department(
    i: int,
    name: str,
    *,
    assigned: int = 10,
    on_time: tuple[int, int] = (9, 10),
    answers: tuple[int, int] = (10, 10),
    satisfied: tuple[int, int, int] = (8, 1, 1),
    reopened: tuple[int, int] = (1, 10),
) -> DepartmentRow:
    return DepartmentRow(
        department_id=i,
        name=name,
        level="town",
        assigned=assigned,
        clocks=(
            ClockFigures("answer", answers[0], 0, answers[1] - answers[0]),
            ClockFigures("resolve", on_time[0], on_time[1] - on_time[0], 0),
        ),
        satisfaction=Satisfaction(*satisfied, basically_counts=True),
        resolutions=reopened[1],
        reopened=reopened[0],
        handling=HandlingTime(0, None, None),
    )


def test_score_is_the_weighted_mean_of_on_time_satisfied_and_not_reopened():
    row = department(1, "甲", on_time=(8, 10), satisfied=(7, 2, 1), reopened=(2, 10))
    # 0.30 × 80 + 0.35 × 90 + 0.35 × 80
    assert score(row, (30, 35, 35)) == pytest.approx(24 + 31.5 + 28)
    assert score(row, (100, 0, 0)) == pytest.approx(80)


def test_a_part_with_nothing_to_measure_is_left_out_and_the_others_count_in_proportion():
    row = department(1, "甲", on_time=(0, 0), satisfied=(9, 0, 1), reopened=(0, 0))
    assert score(row, (30, 35, 35)) == pytest.approx(90)  # satisfaction alone
    empty = department(2, "乙", on_time=(0, 0), satisfied=(0, 0, 0), reopened=(0, 0))
    assert score(empty, (30, 35, 35)) is None


def test_ties_share_a_rank_and_the_next_rank_skips():
    rows = [
        department(1, "甲", on_time=(10, 10)),
        department(2, "乙", on_time=(9, 10)),
        department(3, "丙", on_time=(9, 10)),
        department(4, "丁", on_time=(5, 10)),
    ]
    result = rank(rows, ReportSettings(honour_list=1))
    assert [(r.name, r.rank) for r in result.rows] == [("甲", 1), ("丙", 2), ("乙", 2), ("丁", 4)]
    assert [r.name for r in result.red] == ["甲"]
    assert [r.name for r in result.black] == ["丁"]


def test_a_tie_on_the_last_place_of_a_list_takes_both():
    rows = [
        department(1, "甲", on_time=(10, 10)),
        department(2, "乙", on_time=(9, 10)),
        department(3, "丙", on_time=(9, 10)),
        department(4, "丁", on_time=(2, 10)),
        department(5, "戊", on_time=(2, 10)),
    ]
    result = rank(rows, ReportSettings(honour_list=2))
    assert {r.name for r in result.red} == {"甲", "乙", "丙"}
    assert {r.name for r in result.black} == {"丁", "戊"}


def test_nobody_is_on_both_lists():
    rows = [department(i, n, on_time=(10 - i, 10)) for i, n in enumerate("甲乙丙", start=1)]
    result = rank(rows, ReportSettings(honour_list=5))
    assert {r.name for r in result.red} == {"甲", "乙", "丙"} and result.black == ()


def test_only_departments_with_the_minimum_of_requests_are_ranked_and_named():
    rows = [
        department(1, "甲", assigned=5, answers=(8, 10)),
        department(2, "乙", assigned=4, answers=(5, 10), satisfied=(1, 0, 9)),
    ]
    result = rank(rows, ReportSettings())
    ranked = {r.name: r for r in result.rows}
    assert ranked["甲"].rank == 1 and ranked["乙"].rank is None
    # 回复率 80 % < 92 %: named; 乙 is below both, but had too few requests to be judged
    assert [(r.name, r.below) for r in result.below_threshold] == [("甲", ("reply",))]


def test_the_thresholds_are_settings():
    rows = [department(1, "甲", answers=(9, 10), satisfied=(8, 0, 2))]
    assert rank(rows, ReportSettings()).below_threshold[0].below == ("reply", "satisfaction")
    relaxed = ReportSettings(reply_threshold=90, satisfaction_threshold=80)
    assert rank(rows, relaxed).below_threshold == ()


def test_requests_not_routed_yet_are_nobodys():
    row = department(1, "甲")
    unrouted = DepartmentRow(None, "未派单", "", 50, row.clocks, row.satisfaction, 1, 0, row.handling)
    assert [r.name for r in rank([row, unrouted], ReportSettings()).rows] == ["甲"]
