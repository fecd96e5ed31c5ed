"""Requests through the service: registration, the whole lifecycle, clocks, bad input.

Runs on SQLite and PostgreSQL. Time is a controllable clock: 2026-11-23 is a Monday.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from db.models import Category, Department, FollowUp, Request
from desktop.common.clock import MovableClock
from desktop.common.errors import DomainError, FieldErrors, PermissionDenied
from desktop.common.permissions import Role
from desktop.requests import reference_data
from desktop.requests.service import RequestFilter, RequestForm, RequestService
from desktop.residents.service import ResidentForm


@pytest.fixture
def world(any_db, make_actor, tmp_path):
    with any_db.db.writing() as uow:
        reference_data.seed(uow.session)
        uow.commit()
    clock = MovableClock(dt.datetime(2026, 11, 23, 9, 0))
    service = RequestService(any_db.db, tmp_path / "attachments", now=clock)
    desk = make_actor(any_db, Role.FRONT_DESK)
    director = make_actor(any_db, Role.DIRECTOR)
    resident = any_db.residents.save(
        desk, ResidentForm(name="张三", phone="13812345678", address="幸福家园3号楼")
    )
    with any_db.db.reading() as uow:
        s = uow.session
        sub = s.scalar(select(Category.id).where(Category.name == "垃圾清运"))
        top = s.scalar(select(Category.id).where(Category.name == "环境卫生"))
        dept = s.scalar(select(Department.id).where(Department.name == "社区居委会"))
        other = s.scalar(select(Department.id).where(Department.name == "街道城市管理办公室"))
    return {
        "db": any_db,
        "service": service,
        "clock": clock,
        "desk": desk,
        "director": director,
        "resident": resident,
        "category": sub,
        "top": top,
        "dept": dept,
        "other": other,
    }


def form(w, **kw) -> RequestForm:
    values = dict(
        resident_id=w["resident"],
        channel="walk_in",
        category_id=w["category"],
        description="楼下垃圾三天没人清运",
        urgency="green",
        level="community",
    )
    values.update(kw)
    return RequestForm(**values)


def test_registration_numbers_and_immediate_assignment(world):
    s = world["service"]
    first = s.register(world["desk"], form(world))
    second = s.register(
        world["desk"], form(world, lead_department_id=world["dept"], assist_ids=[world["other"]])
    )
    a, b = s.get(world["desk"], first), s.get(world["desk"], second)
    assert a.number == "2026-11-000001" and b.number == "2026-11-000002"
    assert a.status == "registered" and a.clocks == ()
    assert b.status == "assigned" and b.department == "社区居委会" and b.assists == ("街道城市管理办公室",)
    assert [e.action for e in b.events] == ["register", "assign"]
    accept = next(c for c in b.clocks if c.clock == "accept")
    assert accept.due_at == dt.datetime(2026, 11, 23, 9, 30) and accept.colour == "green"
    assert b.resident_phone == "138****5678"


def test_the_whole_lifecycle_records_each_step_and_the_clocks(world):
    s, desk, clock = world["service"], world["desk"], world["clock"]
    rid = s.register(desk, form(world, lead_department_id=world["dept"]))
    clock.advance(minutes=20)
    s.accept(desk, rid, "已受理")
    clock.advance(hours=3)
    s.answer(desk, rid, "已安排保洁明天清运")
    clock.advance(days=1)
    s.resolve(desk, rid, "已清运")
    detail = s.get(desk, rid)
    assert detail.status == "resolved" and detail.follow_up_due is not None
    clock.advance(days=1)
    s.follow_up(desk, rid, "satisfied", "居民表示满意")
    detail = s.get(desk, rid)
    assert detail.status == "closed" and detail.satisfaction == "satisfied"
    assert [e.action for e in detail.events] == [
        "register",
        "assign",
        "accept",
        "answer",
        "resolve",
        "follow_up",
    ]
    met = {e.clock: e.on_time for e in detail.events if e.clock}
    assert met == {"accept": True, "answer": True, "resolve": True, "follow_up": True}
    assert {c.clock: c.colour for c in detail.clocks}["accept"] == "done_on_time"


def test_late_acceptance_is_recorded_as_late_and_overdue_shows_red_first(world):
    s, desk, clock = world["service"], world["desk"], world["clock"]
    rid = s.register(desk, form(world, lead_department_id=world["dept"]))
    clock.advance(minutes=25)
    assert s.page(desk, RequestFilter(colour="yellow"), 0, 10)[0].id == rid
    clock.advance(minutes=10)
    today = s.today(desk)
    assert [r.id for r in today.overdue] == [rid] and today.overdue_count == 1
    assert s.count(desk, RequestFilter(colour="red")) == 1
    s.accept(desk, rid)
    accept = next(e for e in s.get(desk, rid).events if e.action == "accept")
    assert accept.clock == "accept" and accept.on_time is False
    assert s.count(desk, RequestFilter(colour="red")) == 0


def test_unsatisfied_follow_up_reopens_and_a_new_round_starts_at_reassignment(world):
    s, desk, clock = world["service"], world["desk"], world["clock"]
    rid = s.register(desk, form(world, lead_department_id=world["dept"]))
    s.accept(desk, rid)
    s.answer(desk, rid, "答复")
    s.resolve(desk, rid)
    with pytest.raises(FieldErrors):
        s.follow_up(desk, rid, "unsatisfied", "")
    s.follow_up(desk, rid, "unsatisfied", "垃圾又堆起来了")
    detail = s.get(desk, rid)
    assert detail.status == "reopened" and detail.round == 2 and detail.clocks == ()
    clock.advance(days=2)
    s.assign(desk, rid, world["other"], note="改派城管办")
    detail = s.get(desk, rid)
    assert detail.status == "assigned" and detail.department == "街道城市管理办公室"
    accept = next(c for c in detail.clocks if c.clock == "accept")
    assert accept.due_at == clock.now + dt.timedelta(minutes=30)
    assert detail.events[-1].round == 2


def test_return_needs_a_reason_and_goes_back_for_rerouting(world):
    s, desk = world["service"], world["desk"]
    rid = s.register(desk, form(world, lead_department_id=world["dept"]))
    with pytest.raises(DomainError):
        s.return_(desk, rid, "")
    s.return_(desk, rid, "不属于本单位职责")
    assert s.get(desk, rid).status == "returned"
    s.assign(desk, rid, world["other"])
    assert s.get(desk, rid).status == "assigned"


def test_wrong_state_and_wrong_role_are_refused_and_change_nothing(world, make_actor):
    s, desk = world["service"], world["desk"]
    rid = s.register(desk, form(world))
    with pytest.raises(DomainError):
        s.accept(desk, rid)  # not assigned yet
    with pytest.raises(PermissionDenied):
        s.supervise(desk, rid)
    coordinator = make_actor(world["db"], Role.COORDINATOR)
    with pytest.raises(PermissionDenied):
        s.register(coordinator, form(world))
    assert [e.action for e in s.get(desk, rid).events] == ["register"]


def test_remind_and_supervise_are_recorded_without_changing_the_state(world):
    s, desk, director = world["service"], world["desk"], world["director"]
    rid = s.register(desk, form(world, lead_department_id=world["dept"]))
    s.remind(desk, rid, "电话催办")
    s.supervise(director, rid, "主任督办")
    detail = s.get(desk, rid)
    assert detail.status == "assigned"
    assert [e.action for e in detail.events][-2:] == ["remind", "supervise"]


def test_duplicates_are_suggested_and_merging_keeps_both_histories(world):
    s, desk = world["service"], world["desk"]
    first = s.register(desk, form(world, lead_department_id=world["dept"]))
    assert [
        d.id for d in s.duplicates(desk, resident_id=world["resident"], address="", category_id=None)
    ] == [first]
    second = s.register(desk, form(world, description="同一堆垃圾"))
    s.merge(desk, second, first, "重复反映")
    merged, kept = s.get(desk, second), s.get(desk, first)
    assert merged.status == "merged" and merged.merged_into == kept.number
    numbers = {e.number for e in kept.events}
    assert numbers == {kept.number, merged.number}
    with pytest.raises(DomainError):
        s.merge(desk, first, first)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"description": "   "}, "description"),
        ({"description": "长" * 100_000}, "description"),
        ({"resident_id": None}, "resident"),
        ({"channel": "fax"}, "channel"),
        ({"head_count": 0}, "head_count"),
        ({"received_at": dt.datetime(2027, 1, 1)}, "received_at"),
        ({"category_id": None}, "category"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(world, changes, field):
    s, desk = world["service"], world["desk"]
    with pytest.raises(FieldErrors) as err:
        s.register(desk, form(world, **changes))
    assert field in err.value.errors
    assert s.count(desk, RequestFilter()) == 0


def test_a_disabled_category_or_a_parent_category_is_refused(world):
    s, desk, db = world["service"], world["desk"], world["db"]
    with pytest.raises(FieldErrors) as err:
        s.register(desk, form(world, category_id=world["top"]))
    assert "category" in err.value.errors
    with db.db.writing() as uow:
        uow.session.get(Category, world["category"]).is_active = False
        uow.commit()
    with pytest.raises(FieldErrors) as err:
        s.register(desk, form(world))
    assert "disabled" in str(err.value.errors["category"])


def test_attachments_refuse_empty_and_huge_files_and_store_the_rest(world, tmp_path):
    s, desk = world["service"], world["desk"]
    rid = s.register(desk, form(world))
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    with pytest.raises(DomainError, match="empty"):
        s.add_attachment(desk, rid, empty)
    huge = tmp_path / "huge.jpg"
    with huge.open("wb") as f:
        f.truncate(200 * 1024 * 1024)
    with pytest.raises(DomainError, match="200 MB"):
        s.add_attachment(desk, rid, huge)
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8 photo bytes")
    s.add_attachment(desk, rid, photo)
    detail = s.get(desk, rid)
    assert [a.filename for a in detail.attachments] == ["现场照片.jpg"]
    assert detail.events[-1].action == "attach"
    copy = tmp_path / "copy.jpg"
    s.export_attachment(desk, detail.attachments[0].id, copy)
    assert copy.read_bytes() == photo.read_bytes()


def test_request_events_are_append_only(world):
    s, desk, db = world["service"], world["desk"], world["db"]
    s.register(desk, form(world))
    with pytest.raises(DBAPIError, match="request_event is append-only"):
        with db.db.engine.begin() as conn:
            conn.execute(text("UPDATE request_event SET note = 'changed'"))
    with pytest.raises(DBAPIError, match="request_event is append-only"):
        with db.db.engine.begin() as conn:
            conn.execute(text("DELETE FROM request_event"))


def test_follow_up_task_is_due_five_working_days_after_assignment(world):
    s, desk = world["service"], world["desk"]
    rid = s.register(desk, form(world, lead_department_id=world["dept"]))
    s.accept(desk, rid)
    s.answer(desk, rid, "答复")
    s.resolve(desk, rid)
    with world["db"].db.reading() as uow:
        task_due = uow.session.scalar(select(FollowUp.due_at).where(FollowUp.request_id == rid))
        request = uow.session.get(Request, rid)
        clock, due = request.clock, request.due_at
    assert task_due.date() == dt.date(2026, 11, 30)  # Mon 23rd + 5 working days
    assert clock == "follow_up" and due == task_due


def test_a_sub_category_under_a_disabled_category_is_refused(world):
    s, desk, db = world["service"], world["desk"], world["db"]
    with db.db.writing() as uow:
        uow.session.get(Category, world["top"]).is_active = False
        uow.commit()
    with pytest.raises(FieldErrors) as err:
        s.register(desk, form(world))
    assert "category" in err.value.errors


def test_on_time_is_judged_against_the_deadline_given_even_after_the_limits_change(world):
    from desktop.requests.clock_settings import ClockSettingsService

    s, desk, clock, db = world["service"], world["desk"], world["clock"], world["db"]
    rid = s.register(desk, form(world, lead_department_id=world["dept"]))
    from desktop.common.permissions import SYSTEM  # an administrator

    ClockSettingsService(db.db).set_limit(
        SYSTEM, accept_minutes=120, answer_days=1, resolve_days=3, follow_up_days=5
    )
    clock.advance(minutes=45)  # late for the 30 minutes it was given, in time for the new 120
    s.accept(desk, rid)
    accept = next(e for e in s.get(desk, rid).events if e.action == "accept")
    assert accept.on_time is False


def test_number_search_finds_by_prefix(world):
    s, desk = world["service"], world["desk"]
    for _ in range(3):
        s.register(desk, form(world))
    assert s.count(desk, RequestFilter(number="2026-11-00000")) == 3
    assert s.count(desk, RequestFilter(number="2026-11-000002")) == 1
    assert s.count(desk, RequestFilter(number="2026-10")) == 0


# --- issue #8: notes of 催办/督办, 待派单 on the start page, one search box, reveal ------------
@pytest.mark.parametrize("action", ["remind", "supervise"])
def test_remind_and_supervise_with_an_empty_note_are_refused_under_the_note(world, action):
    s, director = world["service"], world["director"]
    rid = s.register(world["desk"], form(world, lead_department_id=world["dept"]))
    with pytest.raises(FieldErrors) as err:
        getattr(s, action)(director, rid, "  ")
    assert set(err.value.errors) == {"note"}
    assert "write the reason or content" in str(err.value.errors["note"])
    assert [e.action for e in s.get(director, rid).events] == ["register", "assign"]


def test_today_lists_requests_waiting_for_a_department_longest_waiting_first(world):
    s, desk, clock = world["service"], world["desk"], world["clock"]
    unrouted = s.register(desk, form(world))  # registered without a department
    clock.advance(minutes=5)
    returned = s.register(desk, form(world, lead_department_id=world["dept"]))
    s.return_(desk, returned, "不属于本单位职责")
    reopened = s.register(desk, form(world, lead_department_id=world["dept"]))
    s.accept(desk, reopened)
    s.answer(desk, reopened, "答复")
    s.resolve(desk, reopened)
    s.follow_up(desk, reopened, "unsatisfied", "没有解决")
    routed = s.register(desk, form(world, lead_department_id=world["dept"]))
    today = s.today(desk)
    assert [r.id for r in today.waiting] == [unrouted, returned, reopened]
    assert today.waiting_count == 3 and routed not in [r.id for r in today.waiting]
    assert s.count(desk, RequestFilter(status="waiting")) == 3


def test_the_demo_has_requests_waiting_for_a_department_and_today_shows_them(demo_db):
    desk = demo_db.accounts.login("qiantai", "qiantai123")
    waiting = {
        status: demo_db.requests.count(desk, RequestFilter(status=status))
        for status in ("registered", "returned", "reopened")
    }
    assert all(waiting.values()), waiting  # the demo has each kind
    today = demo_db.requests.today(desk)
    assert today.waiting_count == sum(waiting.values())
    assert {r.status for r in today.waiting} == set(waiting)
    assert len(today.waiting) == min(200, today.waiting_count)


def test_one_search_text_finds_by_number_name_initials_phone_and_description(world, make_actor):
    s, desk, db = world["service"], world["desk"], world["db"]
    other = db.residents.save(desk, ResidentForm(name="欧阳修", phone="13900001111", address="幸福里"))
    mine = s.register(desk, form(world, description="楼下垃圾三天没人清运"))
    theirs = s.register(desk, form(world, resident_id=other, description="路灯不亮，晚上看不见"))
    number = s.get(desk, theirs).number

    def found(text: str) -> set[int]:
        f = RequestFilter(text=text)
        rows = s.page(desk, f, 0, 50)
        assert s.count(desk, f) == len(rows)
        return {r.id for r in rows}

    assert found(number) == {theirs}  # the whole number
    assert found("2026-11") == {mine, theirs}  # the start of a number
    assert found("欧阳") == {theirs}  # the resident's name
    assert found("oyx") == {theirs}  # pinyin initials
    assert found("13900001111") == {theirs} and found("1111") == {theirs}  # phone, last digits
    assert found("路灯") == {theirs} and found("垃圾") == {mine}  # words of the description
    assert found("张三") == {mine}
    assert found("没有这回事") == set()
    # Combined with the other filters, and the number box of the merge dialog still works.
    assert s.count(desk, RequestFilter(text="路灯", resident_id=world["resident"])) == 0
    assert s.count(desk, RequestFilter(number=number)) == 1


def test_a_future_registration_date_is_explained_not_silently_empty():
    from desktop.requests.service import date_range_warning

    today = dt.date(2026, 11, 23)
    warning = date_range_warning(dt.date(2027, 11, 1), dt.date(2027, 11, 30), today)
    assert warning is not None and "2027-11-01" in str(warning) and "after today" in str(warning)
    assert date_range_warning(dt.date(2026, 11, 1), dt.date(2027, 1, 1), today) is None
    assert date_range_warning(dt.date(2026, 11, 1), dt.date(2026, 11, 23), today) is None
    assert date_range_warning(None, None, today) is None
    assert "before the start" in str(date_range_warning(dt.date(2026, 11, 5), dt.date(2026, 11, 1), today))


def test_revealing_the_residents_phone_from_a_request_is_the_registers_audited_reveal(
    world, make_actor, audit_rows
):
    s, director = world["service"], world["director"]
    coordinator = make_actor(world["db"], Role.COORDINATOR)
    with pytest.raises(PermissionDenied):
        s.reveal_resident(coordinator, world["resident"])
    before = len(audit_rows(world["db"]))
    revealed = s.reveal_resident(director, world["resident"])
    assert revealed.phone == "13812345678"
    rows = audit_rows(world["db"])[before:]
    reveal = ("reveal", "resident", str(world["resident"]))
    assert [(r.action, r.entity, r.entity_id) for r in rows] == [reveal]
