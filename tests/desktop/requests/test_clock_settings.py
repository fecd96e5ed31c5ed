"""Admin settings of the clocks: limits and calendar overrides, validated and audited."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from db.models import Category
from desktop.common.errors import FieldErrors, NotFound, PermissionDenied
from desktop.common.permissions import Role
from desktop.requests.clock_settings import MAX_ACCEPT_MINUTES, MAX_DAYS, ClockSettingsService
from desktop.requests.clocks import DEFAULT_LIMITS, Limits, due_times

LIMITS = {"accept_minutes": 20, "answer_days": 1, "resolve_days": 2, "follow_up_days": 4}


@pytest.fixture
def service(sqlite_db) -> ClockSettingsService:
    return ClockSettingsService(sqlite_db.db)


@pytest.fixture
def admin(sqlite_db, make_actor):
    return make_actor(sqlite_db, Role.ADMIN)


@pytest.fixture
def categories(sqlite_db) -> tuple[int, int]:
    """(parent id, child id) of a two-level category."""
    with sqlite_db.db.writing() as uow:
        parent = Category(name="测试-城市管理", sort_order=0, is_active=True)
        uow.session.add(parent)
        uow.session.flush()
        child = Category(name="占道经营", parent_id=parent.id, sort_order=0, is_active=True)
        uow.session.add(child)
        uow.session.flush()
        ids = (parent.id, child.id)
        uow.commit()
    return ids


def new_audit_rows(audit_rows, services, since: int):
    return [r for r in audit_rows(services) if r.id > since]


def last_audit_id(audit_rows, services) -> int:
    rows = audit_rows(services)
    return rows[-1].id if rows else 0


# --- limits ------------------------------------------------------------------------------
def test_admin_sets_the_default_limits_and_each_change_is_audited(sqlite_db, service, admin, audit_rows):
    assert service.list_limits() == []
    assert service.limits_for("red", None) == DEFAULT_LIMITS
    mark = last_audit_id(audit_rows, sqlite_db)

    limit_id = service.set_limit(admin, **LIMITS)
    [row] = service.list_limits()
    assert (row.id, row.urgency, row.category_id, row.category_name) == (limit_id, None, None, "")
    assert row.limits == Limits(20, 1, 2, 4)
    assert service.limits_for("green", None) == Limits(20, 1, 2, 4)

    # Setting the same scope again changes that row; it does not add a second one.
    assert service.set_limit(admin, **{**LIMITS, "accept_minutes": 15}) == limit_id
    assert [r.accept_minutes for r in service.list_limits()] == [15]
    # Saving unchanged values writes nothing.
    service.set_limit(admin, **{**LIMITS, "accept_minutes": 15})

    rows = new_audit_rows(audit_rows, sqlite_db, mark)
    assert [(r.action, r.entity, r.entity_id, r.username) for r in rows] == [
        ("create", "clock_limit", str(limit_id), admin.username),
        ("update", "clock_limit", str(limit_id), admin.username),
    ]
    assert json.loads(rows[1].before)["accept_minutes"] == 20
    assert json.loads(rows[1].after)["accept_minutes"] == 15

    mark = last_audit_id(audit_rows, sqlite_db)
    service.delete_limit(admin, limit_id)
    assert service.list_limits() == []
    assert service.limits_for("red", None) == DEFAULT_LIMITS
    [deleted] = new_audit_rows(audit_rows, sqlite_db, mark)
    assert (deleted.action, deleted.entity, deleted.after) == ("delete", "clock_limit", "")
    assert json.loads(deleted.before)["accept_minutes"] == 15
    with pytest.raises(NotFound):
        service.delete_limit(admin, limit_id)


def test_limits_per_urgency_and_category(service, admin, categories):
    parent_id, child_id = categories
    service.set_limit(admin, **LIMITS)
    service.set_limit(admin, urgency="red", **{**LIMITS, "accept_minutes": 10})
    service.set_limit(admin, category_id=parent_id, **{**LIMITS, "resolve_days": 3, "follow_up_days": 5})
    service.set_limit(admin, urgency="red", category_id=child_id, **{**LIMITS, "accept_minutes": 5})

    assert service.limits_for("red", child_id).accept_minutes == 5
    assert service.limits_for("green", child_id).resolve_days == 3  # the parent's row
    assert service.limits_for("red", None).accept_minutes == 10
    assert service.limits_for("green", None) == Limits(20, 1, 2, 4)
    rules = service.limit_rules()
    assert rules.resolve("red", child_id).accept_minutes == 5

    listed = service.list_limits()
    assert [(r.urgency, r.category_name) for r in listed] == [
        (None, ""),
        ("red", ""),
        (None, "测试-城市管理"),
        ("red", "测试-城市管理 / 占道经营"),
    ]


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"accept_minutes": 0}, {"accept_minutes"}),
        ({"accept_minutes": MAX_ACCEPT_MINUTES + 1}, {"accept_minutes"}),
        ({"accept_minutes": "30"}, {"accept_minutes"}),
        ({"accept_minutes": 12.5}, {"accept_minutes"}),
        ({"answer_days": True}, {"answer_days"}),
        ({"answer_days": -1, "resolve_days": 0}, {"answer_days", "resolve_days"}),
        ({"follow_up_days": MAX_DAYS + 1}, {"follow_up_days"}),
        ({"answer_days": 3, "resolve_days": 2}, {"answer_days"}),  # answer after resolve
        ({"resolve_days": 5, "follow_up_days": 4}, {"follow_up_days"}),
        ({"urgency": "purple"}, {"urgency"}),
        ({"urgency": "purple", "accept_minutes": 0}, {"urgency", "accept_minutes"}),
    ],
)
def test_limit_validation_names_every_wrong_field(sqlite_db, service, admin, audit_rows, changes, fields):
    mark = last_audit_id(audit_rows, sqlite_db)
    with pytest.raises(FieldErrors) as exc:
        service.set_limit(admin, **{**LIMITS, **changes})
    assert set(exc.value.errors) == fields
    for error in exc.value.errors.values():
        assert error.template and str(error)
    assert service.list_limits() == []
    assert new_audit_rows(audit_rows, sqlite_db, mark) == []


def test_limits_at_the_bounds_are_accepted(service, admin):
    service.set_limit(
        admin,
        accept_minutes=MAX_ACCEPT_MINUTES,
        answer_days=MAX_DAYS,
        resolve_days=MAX_DAYS,
        follow_up_days=MAX_DAYS,
    )
    service.set_limit(
        admin, urgency="green", accept_minutes=1, answer_days=1, resolve_days=1, follow_up_days=1
    )
    assert len(service.list_limits()) == 2


def test_limit_for_a_missing_category_is_refused(service, admin):
    with pytest.raises(FieldErrors) as exc:
        service.set_limit(admin, category_id=9999, **LIMITS)
    assert set(exc.value.errors) == {"category_id"}


def test_only_users_who_manage_settings_may_change_clocks(sqlite_db, service, make_actor, admin):
    limit_id = service.set_limit(admin, **LIMITS)
    for role in (Role.FRONT_DESK, Role.COORDINATOR, Role.DIRECTOR):
        actor = make_actor(sqlite_db, role)
        with pytest.raises(PermissionDenied):
            service.set_limit(actor, **LIMITS)
        with pytest.raises(PermissionDenied):
            service.delete_limit(actor, limit_id)
        with pytest.raises(PermissionDenied):
            service.set_override(actor, dt.date(2026, 3, 16), False)
        with pytest.raises(PermissionDenied):
            service.delete_override(actor, dt.date(2026, 3, 16))


# --- calendar overrides ------------------------------------------------------------------
def test_overrides_change_the_calendar_and_are_audited(sqlite_db, service, admin, audit_rows):
    monday, sunday = dt.date(2026, 3, 16), dt.date(2026, 3, 15)
    friday_evening = dt.datetime(2026, 3, 13, 17, 59)
    assert due_times(service.calendar(), friday_evening, DEFAULT_LIMITS)["answer"] == dt.datetime(
        2026, 3, 16, 17, 30
    )
    mark = last_audit_id(audit_rows, sqlite_db)

    service.set_override(admin, monday, False, " 临时停电 ")
    service.set_override(admin, sunday, True)
    listed = service.list_overrides(2026)
    assert [(o.day, o.is_workday, o.note, o.official_is_workday) for o in listed] == [
        (sunday, True, "", False),
        (monday, False, "临时停电", True),
    ]
    assert service.list_overrides(2025) == []

    cal = service.calendar()
    assert cal.is_workday(sunday) and not cal.is_workday(monday)
    assert due_times(cal, friday_evening, DEFAULT_LIMITS)["answer"] == dt.datetime(2026, 3, 15, 17, 30)

    service.set_override(admin, monday, True, "改为上班")
    service.set_override(admin, monday, True, "改为上班")  # unchanged: nothing written
    service.delete_override(admin, sunday)
    assert [(o.day, o.is_workday) for o in service.list_overrides()] == [(monday, True)]
    assert not service.calendar().is_workday(sunday)

    rows = new_audit_rows(audit_rows, sqlite_db, mark)
    assert [(r.action, r.entity, r.entity_id) for r in rows] == [
        ("create", "calendar_override", "2026-03-16"),
        ("create", "calendar_override", "2026-03-15"),
        ("update", "calendar_override", "2026-03-16"),
        ("delete", "calendar_override", "2026-03-15"),
    ]
    assert json.loads(rows[0].after) == {"day": "2026-03-16", "is_workday": False, "note": "临时停电"}
    assert json.loads(rows[2].before)["is_workday"] is False
    assert json.loads(rows[2].after)["is_workday"] is True

    with pytest.raises(NotFound):
        service.delete_override(admin, sunday)


def test_next_years_schedule_can_be_entered_before_the_library_knows_it(service, admin):
    assert not service.known_year(2031)
    assert service.known_year(2026)
    service.set_override(admin, dt.date(2031, 10, 1), False, "国庆节")
    service.set_override(admin, dt.date(2031, 9, 28), True, "调休上班")
    [sunday, national_day] = service.list_overrides(2031)
    assert sunday.official_is_workday is None
    cal = service.calendar()
    assert not cal.is_workday(dt.date(2031, 10, 1))
    assert cal.is_workday(dt.date(2031, 9, 28))
    assert cal.is_workday(dt.date(2031, 9, 30))  # Tuesday, Monday–Friday fallback


@pytest.mark.parametrize(
    ("day", "is_workday", "note", "fields"),
    [
        (dt.datetime(2026, 3, 16, 9), False, "", {"day"}),
        ("2026-03-16", False, "", {"day"}),
        (dt.date(2026, 3, 16), "no", "", {"is_workday"}),
        (dt.date(2026, 3, 16), False, "长" * 65, {"note"}),
    ],
)
def test_override_validation(service, admin, day, is_workday, note, fields):
    with pytest.raises(FieldErrors) as exc:
        service.set_override(admin, day, is_workday, note)
    assert set(exc.value.errors) == fields
    assert service.list_overrides() == []
