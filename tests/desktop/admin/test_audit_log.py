"""操作日志 as a reader needs it: names instead of ids, only what changed, filters."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.admin.audit_log import AuditChange, AuditFilter
from desktop.common.permissions import Role
from desktop.residents.service import ResidentFilter, ResidentForm


def _admin(services):
    return services.accounts.login("admin", "admin123")


def _newest(services, actor, **filters):
    return services.audit.page(actor, 0, 1, AuditFilter(**filters))[0]


def test_a_change_lists_only_the_fields_that_differ_and_names_the_grid(demo_db):
    admin = _admin(demo_db)
    resident = demo_db.residents.page(admin, ResidentFilter(), 0, 1)[0]
    detail = demo_db.residents.get(admin, resident.id)
    grids = demo_db.residents.grids()
    other_grid = next(g for g in grids if g[0] != detail.grid_id)
    form = ResidentForm(
        name=detail.name,
        gender=detail.gender,
        birth_date=detail.birth_date,
        id_number=None,
        phone=None,
        address=detail.address + "1号",
        grid_id=other_grid[0],
        tag_ids=tuple(detail.tag_ids),
        notes=detail.notes,
    )
    demo_db.residents.save(admin, form, resident.id)

    row = _newest(demo_db, admin)
    assert (row.action, row.entity, row.subject) == ("update", "resident", detail.name)
    assert row.user == "王建国" and row.username == "admin"  # the full name, not the login
    fields = {c.field: c for c in row.changes}
    assert set(fields) == {"address", "grid_id"}  # the name, phone … did not change
    assert fields["grid_id"].after == other_grid[1]  # a name, not an id
    assert fields["address"].after == detail.address + "1号"


def test_empty_values_are_left_out_and_ids_of_things_become_names(demo_db):
    admin = _admin(demo_db)
    row = _newest(demo_db, admin, actions=frozenset({"demo"}))
    assert row.user == "系统" and row.subject == ""
    assert AuditChange("requests", None, 1500) in row.changes

    volunteer = demo_db.love_bank.volunteers(admin, limit=1)[0]
    demo_db.love_bank.record_service(admin, volunteer.id, dt.date.today(), 60)
    row = _newest(demo_db, admin, entities=frozenset({"service_record"}))
    assert row.subject == volunteer.name
    assert all(c.field != "activity_id" for c in row.changes)  # activity_id: None is not shown


def test_filters_by_user_dates_action_and_kind(demo_db, make_actor):
    admin = _admin(demo_db)
    desk = make_actor(demo_db, Role.FRONT_DESK, username="desk1")
    resident = demo_db.residents.page(admin, ResidentFilter(), 0, 1)[0]
    demo_db.residents.reveal(desk, resident.id)
    everything = demo_db.audit.count(admin)

    mine = AuditFilter(user_id=desk.user_id)
    assert demo_db.audit.count(admin, mine) == 2  # login + reveal
    assert {r.action for r in demo_db.audit.page(admin, 0, 10, mine)} == {"login", "reveal"}
    assert demo_db.audit.count(admin, AuditFilter(actions=frozenset({"reveal"}))) == 1
    assert demo_db.audit.count(admin, AuditFilter(entities=frozenset({"resident"}))) == 1
    today = dt.date.today()
    assert demo_db.audit.count(admin, AuditFilter(since=today, until=today)) >= 3
    assert demo_db.audit.count(admin, AuditFilter(until=today - dt.timedelta(days=400))) == 0
    assert demo_db.audit.count(admin, AuditFilter(since=today + dt.timedelta(days=1))) == 0
    assert demo_db.audit.count(admin) == everything
    assert (desk.user_id, "测试员") in demo_db.audit.users(admin)


@pytest.mark.postgres
def test_filters_work_on_postgresql(pg_db, make_actor):
    admin = make_actor(pg_db, Role.ADMIN, username="boss")
    pg_db.centre.rename(admin, "测试中心")
    assert pg_db.audit.count(admin, AuditFilter(entities=frozenset({"setting"}))) == 1
    row = pg_db.audit.page(admin, 0, 5, AuditFilter(user_id=admin.user_id))[0]
    assert row.action == "update" and row.subject == "centre_name"
    assert row.changes == (AuditChange("centre_name", None, "测试中心"),)  # "" before: not shown
