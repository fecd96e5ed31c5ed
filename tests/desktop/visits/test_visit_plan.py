"""The visit plan: rules per key group, the most frequent rule wins, due and overdue on
the working-day calendar, archived residents drop out."""

from __future__ import annotations

import datetime as dt

import pytest

from db.models import CalendarOverride, Resident
from desktop.common.errors import NotFound, PermissionDenied
from desktop.common.permissions import Role
from desktop.common.workcalendar import WorkCalendar
from desktop.visits.plan import Status
from desktop.visits.recording import VisitForm
from desktop.visits.rules import Frequency, bounds, due_date, windows_due_in
from desktop.visits.service import DueFilter


def _rows(world, **f):
    result = world.visits.due(world.director, DueFilter(**f))
    return result, {r.name: r for r in result.page(0, 100)}


def test_the_five_key_groups_are_visited_every_month_by_default(world):
    rules = {r.tag_name: r for r in world.visits.rules(world.director)}
    for name in ("困难家庭", "重点帮扶", "失业人员", "独居老人", "流动党员"):
        assert rules[name].frequency == Frequency.MONTHLY
        assert rules[name].is_default and rules[name].in_register
        assert not rules[name].phone_counts
    assert rules["残疾人"].frequency == Frequency.NONE


def test_a_resident_with_several_tags_follows_the_most_frequent_rule(world):
    world.visits.save_rule(world.director, "残疾人", Frequency.WEEKLY, True)
    world.visits.save_rule(world.director, "空巢老人", Frequency.WEEKLY, False)
    world.resident("张三", "独居老人", "残疾人")
    world.resident("李四", "残疾人", "空巢老人")  # two weekly rules: the phone counts only if both allow it
    world.resident("王五", "困难家庭")
    world.resident("赵六", "退役军人")  # not in the plan
    _result, rows = _rows(world)
    assert set(rows) == {"张三", "李四", "王五"}
    assert rows["张三"].frequency == Frequency.WEEKLY and rows["张三"].phone_counts
    assert rows["李四"].frequency == Frequency.WEEKLY and not rows["李四"].phone_counts
    assert rows["王五"].frequency == Frequency.MONTHLY
    assert rows["张三"].due_on == dt.date(2026, 12, 18)  # Friday of the week
    assert rows["王五"].due_on == dt.date(2026, 12, 31)


def test_rules_are_changed_by_the_director_only_and_audited(world, audit_rows):
    with pytest.raises(PermissionDenied):
        world.visits.save_rule(world.worker, "独居老人", Frequency.WEEKLY, False)
    row = world.visits.save_rule(world.director, "独居老人", Frequency.WEEKLY, False)
    assert row.frequency == Frequency.WEEKLY
    assert any(r.entity == "visit_rule" and r.entity_id == "独居老人" for r in audit_rows(world.services))
    with pytest.raises(NotFound):
        world.visits.save_rule(world.director, "不存在的人群", Frequency.MONTHLY, False)


def test_due_dates_are_the_last_working_day_on_the_centres_calendar(world):
    cal = WorkCalendar({dt.date(2026, 12, 31): False})
    assert due_date(cal, *bounds("monthly", dt.date(2026, 12, 3))) == dt.date(2026, 12, 30)
    # October 2026: the National Day holiday does not end the month, the 30th is a Friday
    assert due_date(WorkCalendar(), *bounds("monthly", dt.date(2026, 10, 9))) == dt.date(2026, 10, 30)
    assert [
        w.due for w in windows_due_in(WorkCalendar(), "weekly", dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    ] == [
        dt.date(2026, 12, 4),
        dt.date(2026, 12, 11),
        dt.date(2026, 12, 18),
        dt.date(2026, 12, 25),
    ]
    with world.services.db.writing() as uow:
        uow.session.add(CalendarOverride(day=dt.date(2026, 12, 31), is_workday=False, note="测试"))
        uow.commit()
    world.resident("王五", "困难家庭")
    _result, rows = _rows(world)
    assert rows["王五"].due_on == dt.date(2026, 12, 30)


def test_due_done_and_overdue(world):
    seen = world.resident("已访", "独居老人")
    world.resident("待访", "独居老人")
    missed = world.resident("上月未访", "独居老人")
    world.resident("新登记", "独居老人", created=dt.datetime(2026, 12, 3, 9, 0))
    world.clock.now = dt.datetime(2026, 11, 20, 10, 0)
    world.visits.record(
        world.worker, VisitForm(world.resident("上月已访", "独居老人"), dt.date(2026, 11, 20))
    )
    world.clock.now = dt.datetime(2026, 12, 15, 10, 0)
    world.visits.record(world.worker, VisitForm(seen, dt.date(2026, 12, 14)))
    result, rows = _rows(world)
    assert rows["已访"].status == Status.DONE and rows["已访"].last_visitor == "测试员"
    assert rows["上月未访"].status == Status.OVERDUE  # went unseen in November
    assert rows["新登记"].status == Status.DUE  # entered the register this month
    assert rows["上月已访"].status == Status.DUE
    assert rows["待访"].status == Status.OVERDUE  # never seen, registered long ago
    assert result.by_status == {"overdue": 2, "due": 2, "done": 1}
    assert [r.status for r in result.page(0, 10)] == sorted(
        (r.status for r in result.page(0, 10)), key=[Status.OVERDUE, Status.DUE, Status.DONE].index
    )
    overdue, _rows_ = _rows(world, status="overdue")
    assert overdue.count == 2
    # after the due date (31 December) the one not seen this month is overdue too
    world.clock.now = dt.datetime(2027, 1, 1, 9, 0)
    _r, rows = _rows(world, as_of=dt.date(2026, 12, 31))
    assert rows["上月已访"].status == Status.DUE
    _r, rows = _rows(world, as_of=dt.date(2027, 1, 1))
    assert rows["已访"].status == Status.DUE  # a new month: seen in December, due again
    assert missed in {r.resident_id for r in _r.page(0, 10)}


def test_a_phone_call_counts_only_where_the_rule_allows_it(world):
    world.visits.save_rule(world.director, "失业人员", Frequency.MONTHLY, True)
    by_phone = world.resident("电话可", "失业人员")
    home_only = world.resident("须入户", "独居老人")
    for rid in (by_phone, home_only):
        world.visits.record(world.worker, VisitForm(rid, dt.date(2026, 12, 10), method="phone"))
    _r, rows = _rows(world)
    assert rows["电话可"].status == Status.DONE
    assert rows["须入户"].status != Status.DONE
    assert rows["须入户"].last_visit_on == dt.date(2026, 12, 10)


def test_filters_grid_worker_and_name(world):
    world.resident("张三", "独居老人")
    world.resident("张四", "独居老人", grid="二网格")
    world.resident("李四", "困难家庭", grid="二网格")
    world.visits.set_worker_grids(world.director, world.worker.user_id, [world.grids["二网格"]])
    assert _rows(world, grid_id=world.grids["一网格"])[0].count == 1
    assert set(_rows(world, worker_id=world.worker.user_id)[1]) == {"张四", "李四"}
    assert set(_rows(world, text="张")[1]) == {"张三", "张四"}
    with world.services.db.writing() as uow:
        for r in uow.session.query(Resident):
            r.name_initials = {"张三": "zs", "张四": "zs", "李四": "ls"}[r.name]
        uow.commit()
    assert set(_rows(world, text="ls")[1]) == {"李四"}
    week = world.visits.due_this_week(world.worker)
    assert {r.name for r in week.rows} == {"张四", "李四"} and week.grid_ids == (world.grids["二网格"],)


def test_an_archived_resident_drops_out_of_the_plan_from_that_date(world):
    gone = world.resident("搬走", "独居老人")
    world.resident("留下", "独居老人")
    world.clock.now = dt.datetime(2026, 12, 10, 9, 0)
    world.services.residents._now = world.clock
    from desktop.common.permissions import SYSTEM

    world.services.residents.set_archived(SYSTEM, gone, True)
    world.clock.now = dt.datetime(2026, 12, 15, 10, 0)
    _r, rows = _rows(world)
    assert set(rows) == {"留下"}
    # November's windows (due 30 November, before the 10th of December) still count him
    nov = world.visits.figures(world.director, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    dec = world.visits.figures(world.director, dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert nov.tally.due == 2 and nov.tally.overdue == 2
    assert dec.tally.due == 1


def test_who_may_see_and_do_what(world, make_actor):
    coordinator = make_actor(world.services, Role.COORDINATOR)
    front = make_actor(world.services, Role.FRONT_DESK)
    rid = world.resident("张三", "独居老人")
    with pytest.raises(PermissionDenied):
        world.visits.due(coordinator, DueFilter())
    with pytest.raises(PermissionDenied):
        world.visits.record(coordinator, VisitForm(rid, dt.date(2026, 12, 1)))
    with pytest.raises(PermissionDenied):
        world.visits.set_worker_grids(world.worker, world.worker.user_id, [])
    world.visits.record(front, VisitForm(rid, dt.date(2026, 12, 1)))
    world.visits.record(world.worker, VisitForm(rid, dt.date(2026, 12, 2)))
    assert len(world.visits.history(world.worker, rid)) == 2


def test_the_tabs_counts_match_the_rows_listed_for_every_filter(world):
    """The list opens with its counts per status and its first rows (SQLite: two
    statements, PostgreSQL: one with window sums); whatever the filter, a tab's count is
    the number of rows the list then shows, and a status past its due date is overdue."""
    world.visits.save_rule(world.director, "残疾人", Frequency.QUARTERLY, True)
    world.visits.save_rule(world.director, "空巢老人", Frequency.WEEKLY, False)
    phoned = world.resident("季度电话", "残疾人")
    world.resident("季度未访", "残疾人", grid="二网格")
    monthly = world.resident("每月已访", "独居老人", "残疾人")
    world.resident("每月未访", "困难家庭", grid="二网格")
    # new this week: due by Friday the 18th, overdue after it
    world.resident("每周新来", "空巢老人", created=dt.datetime(2026, 12, 14, 9, 0))
    world.resident("本月新来", "失业人员", created=dt.datetime(2026, 12, 2, 9, 0))
    world.visits.record(world.worker, VisitForm(phoned, dt.date(2026, 11, 3), method="phone"))
    world.visits.record(world.worker, VisitForm(monthly, dt.date(2026, 12, 14)))
    for as_of, expected in (
        (dt.date(2026, 12, 15), {"overdue": 2, "due": 2, "done": 2}),
        (dt.date(2026, 12, 19), {"overdue": 3, "due": 1, "done": 2}),  # the week's Friday passed
    ):
        for f in (
            DueFilter(as_of=as_of),
            DueFilter(as_of=as_of, grid_id=world.grids["二网格"]),
            DueFilter(as_of=as_of, status="overdue"),
            DueFilter(as_of=as_of, status="done", grid_id=world.grids["二网格"]),  # none
            DueFilter(as_of=as_of, open_only=True),
            DueFilter(as_of=as_of, text="无此人"),
        ):
            result = world.visits.due(world.director, f)
            rows = result.page(0, 100)
            assert result.count == len(rows), f
            if f.status is None and not f.open_only:
                assert sum(result.by_status.values()) == len(rows), f
                listed = {k: sum(1 for r in rows if r.status == k) for k in result.by_status}
                assert listed == result.by_status, f
        everyone = world.visits.due(world.director, DueFilter(as_of=as_of))
        assert everyone.by_status == expected, as_of
