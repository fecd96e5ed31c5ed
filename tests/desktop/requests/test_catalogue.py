"""The admin's catalogue: two-level categories, departments, response templates.

Validated, permission-checked, audited in the same transaction; categories and
departments are disabled, never deleted. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

import db.audit
from db.models import Category, Department, ResponseTemplate
from desktop.common.errors import FieldErrors, NotFound, PermissionDenied
from desktop.common.permissions import Role
from desktop.requests.catalogue import NAME_MAX, CatalogueService
from desktop.requests.service import RequestForm


@pytest.fixture
def service(any_db) -> CatalogueService:
    return CatalogueService(any_db.db)


@pytest.fixture
def admin(any_db, make_actor):
    return make_actor(any_db, Role.ADMIN)


def last_audit_id(audit_rows, services) -> int:
    rows = audit_rows(services)
    return rows[-1].id if rows else 0


def new_audit_rows(audit_rows, services, since: int):
    return [r for r in audit_rows(services) if r.id > since]


def count(services, model) -> int:
    with services.db.reading() as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def shape(service: CatalogueService, include_inactive: bool = True):
    return [(top.name, [c.name for c in top.children]) for top in service.tree(include_inactive)]


# --- categories ------------------------------------------------------------------------------
def test_admin_builds_a_two_level_tree_and_every_change_is_audited(any_db, service, admin, audit_rows):
    mark = last_audit_id(audit_rows, any_db)
    env = service.add_category(admin, "  环境卫生 ")
    other = service.add_category(admin, "物业服务")
    rubbish = service.add_category(admin, "垃圾清运", env)
    noise = service.add_category(admin, "噪音扰民", parent_id=env)

    assert shape(service) == [("环境卫生", ["垃圾清运", "噪音扰民"]), ("物业服务", [])]
    [top, _second] = service.tree()
    assert (top.id, top.parent_id, top.is_top, top.is_active, top.available) == (env, None, True, True, True)
    assert [(c.id, c.parent_id, c.sort_order, c.is_top) for c in top.children] == [
        (rubbish, env, 0, False),
        (noise, env, 1, False),
    ]
    assert service.category(noise).name == "噪音扰民"
    assert service.category(other).children == ()

    rows = new_audit_rows(audit_rows, any_db, mark)
    assert [(r.action, r.entity, r.entity_id, r.username) for r in rows] == [
        ("create", "category", str(env), admin.username),
        ("create", "category", str(other), admin.username),
        ("create", "category", str(rubbish), admin.username),
        ("create", "category", str(noise), admin.username),
    ]
    assert rows[0].before == ""
    assert json.loads(rows[2].after) == {
        "name": "垃圾清运",
        "parent_id": env,
        "sort_order": 0,
        "is_active": True,
    }

    mark = last_audit_id(audit_rows, any_db)
    service.rename_category(admin, noise, "噪声扰民")
    service.rename_category(admin, noise, "噪声扰民 ")  # unchanged: nothing written
    assert service.category(noise).name == "噪声扰民"
    [renamed] = new_audit_rows(audit_rows, any_db, mark)
    assert (renamed.action, renamed.entity_id) == ("update", str(noise))
    assert json.loads(renamed.before)["name"] == "噪音扰民"
    assert json.loads(renamed.after)["name"] == "噪声扰民"


def test_duplicate_sibling_names_are_refused_but_cousins_may_share_a_name(any_db, service, admin, audit_rows):
    env = service.add_category(admin, "环境卫生")
    prop = service.add_category(admin, "物业服务")
    service.add_category(admin, "其他", env)
    mark = last_audit_id(audit_rows, any_db)

    top_level, under_env = (
        "There is already a category named 环境卫生.",
        "This category already has a sub-category named 其他.",
    )
    clashes = (("环境卫生", None, top_level), (" 环境卫生", None, top_level), ("其他", env, under_env))
    for name, parent, message in clashes:
        with pytest.raises(FieldErrors) as exc:
            service.add_category(admin, name, parent)
        assert {field: str(e) for field, e in exc.value.errors.items()} == {"name": message}
    assert new_audit_rows(audit_rows, any_db, mark) == []
    service.add_category(admin, "Other", env)
    with pytest.raises(FieldErrors) as exc:
        service.add_category(admin, "other", env)  # names differing only in case count as equal
    assert set(exc.value.errors) == {"name"}

    service.add_category(admin, "其他", prop)  # same name under another parent is fine
    with pytest.raises(FieldErrors) as exc:
        service.rename_category(admin, prop, "环境卫生")
    assert set(exc.value.errors) == {"name"}
    assert shape(service) == [("环境卫生", ["其他", "Other"]), ("物业服务", ["其他"])]


def test_a_sub_category_cannot_have_children(any_db, service, admin):
    env = service.add_category(admin, "环境卫生")
    child = service.add_category(admin, "垃圾清运", env)
    before = count(any_db, Category)
    with pytest.raises(FieldErrors) as exc:
        service.add_category(admin, "厨余垃圾", child)
    assert set(exc.value.errors) == {"parent_id"}
    assert "two levels" in exc.value.errors["parent_id"].template
    assert count(any_db, Category) == before
    with pytest.raises(FieldErrors) as exc:
        service.add_category(admin, "厨余垃圾", 999_999)
    assert set(exc.value.errors) == {"parent_id"}


@pytest.mark.parametrize("name", ["", "   ", "长" * (NAME_MAX + 1), None])
def test_category_names_are_required_and_short(any_db, service, admin, audit_rows, name):
    env = service.add_category(admin, "环境卫生")
    mark = last_audit_id(audit_rows, any_db)
    with pytest.raises(FieldErrors) as exc:
        service.add_category(admin, name)
    assert set(exc.value.errors) == {"name"}
    with pytest.raises(FieldErrors):
        service.rename_category(admin, env, name)
    assert shape(service) == [("环境卫生", [])]
    assert new_audit_rows(audit_rows, any_db, mark) == []
    service.add_category(admin, "长" * NAME_MAX)  # exactly the limit is fine


def test_moving_categories_up_and_down(any_db, service, admin, audit_rows):
    a, b, c = (service.add_category(admin, n) for n in ("甲", "乙", "丙"))
    kids = [service.add_category(admin, n, b) for n in ("一", "二", "三")]
    mark = last_audit_id(audit_rows, any_db)

    assert service.move_category(admin, c, -1) is True
    assert [t.name for t in service.tree()] == ["甲", "丙", "乙"]
    assert service.move_category(admin, a, 1) is True
    assert [t.name for t in service.tree()] == ["丙", "甲", "乙"]
    assert service.move_category(admin, kids[0], 1) is True
    assert shape(service)[2] == ("乙", ["二", "一", "三"])
    # At either end nothing moves and nothing is written.
    assert service.move_category(admin, c, -1) is False
    assert service.move_category(admin, kids[2], 1) is False
    rows = new_audit_rows(audit_rows, any_db, mark)
    assert [(r.action, r.entity_id) for r in rows] == [
        ("move", str(c)),
        ("move", str(a)),
        ("move", str(kids[0])),
    ]
    assert (json.loads(rows[0].before)["sort_order"], json.loads(rows[0].after)["sort_order"]) == (2, 1)
    with pytest.raises(NotFound):
        service.move_category(admin, 999_999, 1)


def test_equal_sort_orders_still_move(any_db, service, admin):
    with any_db.db.writing() as uow:
        uow.session.add_all([Category(name=n, sort_order=0, is_active=True) for n in ("甲", "乙", "丙")])
        uow.commit()
    [first, second, _third] = service.tree()
    assert service.move_category(admin, second.id, -1)
    assert [t.name for t in service.tree()] == ["乙", "甲", "丙"]
    assert [t.sort_order for t in service.tree()] == [0, 1, 2]
    assert first.name == "甲"


def test_disabling_keeps_the_row_and_hides_it_from_registration(any_db, service, admin, audit_rows):
    env = service.add_category(admin, "环境卫生")
    rubbish = service.add_category(admin, "垃圾清运", env)
    prop = service.add_category(admin, "物业服务")
    lift = service.add_category(admin, "电梯故障", prop)
    mark = last_audit_id(audit_rows, any_db)

    service.set_category_active(admin, rubbish, False)
    service.set_category_active(admin, rubbish, False)  # already disabled: nothing written
    service.set_category_active(admin, prop, False)

    assert count(any_db, Category) == 4
    [env_node, prop_node] = service.tree()
    assert (env_node.children[0].is_active, env_node.children[0].available) == (False, False)
    assert (prop_node.is_active, prop_node.available) == (False, False)
    # The sub-category of a disabled category keeps its own flag but is not available.
    assert (prop_node.children[0].is_active, prop_node.children[0].available) == (True, False)
    assert shape(service, include_inactive=False) == [("环境卫生", [])]
    assert [t.name for t in any_db.requests.categories()] == ["环境卫生"]

    form = RequestForm(resident_id=None, channel="walk_in", category_id=rubbish, description="x")
    with pytest.raises(FieldErrors) as exc:
        any_db.requests.check(form)
    assert "disabled" in exc.value.errors["category"].template

    rows = new_audit_rows(audit_rows, any_db, mark)
    assert [(r.action, r.entity_id) for r in rows] == [("disable", str(rubbish)), ("disable", str(prop))]
    assert json.loads(rows[0].before)["is_active"] is True
    assert json.loads(rows[0].after)["is_active"] is False

    service.set_category_active(admin, prop, True)
    assert shape(service, include_inactive=False) == [("环境卫生", []), ("物业服务", ["电梯故障"])]
    assert service.category(lift).available
    assert new_audit_rows(audit_rows, any_db, mark)[-1].action == "enable"


# --- departments -----------------------------------------------------------------------------
def test_departments_add_rename_level_disable(any_db, service, admin, audit_rows):
    mark = last_audit_id(audit_rows, any_db)
    office = service.add_department(admin, " 街道司法所 ", "town")
    bureau = service.add_department(admin, "区民政局", "district")
    committee = service.add_department(admin, "社区居委会", "community")
    assert [(d.name, d.level, d.is_active) for d in service.departments()] == [
        ("社区居委会", "community", True),
        ("街道司法所", "town", True),
        ("区民政局", "district", True),
    ]

    service.update_department(admin, office, name="街道司法所（调解室）")
    service.update_department(admin, committee, level="town")
    service.update_department(admin, committee, name="社区居委会", level="town")  # unchanged
    service.set_department_active(admin, bureau, False)
    assert count(any_db, Department) == 3
    assert [d.name for d in service.departments(include_inactive=False)] == [
        "街道司法所（调解室）",
        "社区居委会",
    ]
    assert bureau not in [d.id for d in any_db.requests.departments()]
    service.set_department_active(admin, bureau, True)

    rows = new_audit_rows(audit_rows, any_db, mark)
    assert [(r.action, r.entity, r.entity_id) for r in rows] == [
        ("create", "department", str(office)),
        ("create", "department", str(bureau)),
        ("create", "department", str(committee)),
        ("update", "department", str(office)),
        ("update", "department", str(committee)),
        ("disable", "department", str(bureau)),
        ("enable", "department", str(bureau)),
    ]
    assert json.loads(rows[4].before)["level"] == "community"
    assert json.loads(rows[4].after)["level"] == "town"


def test_department_names_are_unique_and_levels_known(any_db, service, admin, audit_rows):
    office = service.add_department(admin, "街道司法所", "town")
    other = service.add_department(admin, "派出所", "town")
    mark = last_audit_id(audit_rows, any_db)
    with pytest.raises(FieldErrors) as exc:
        service.add_department(admin, "街道司法所", "district")
    assert set(exc.value.errors) == {"name"}
    with pytest.raises(FieldErrors) as exc:
        service.update_department(admin, other, name="街道司法所")
    assert set(exc.value.errors) == {"name"}
    with pytest.raises(FieldErrors) as exc:
        service.add_department(admin, "", "county")
    assert set(exc.value.errors) == {"name", "level"}
    with pytest.raises(FieldErrors) as exc:
        service.update_department(admin, office, level="province")
    assert set(exc.value.errors) == {"level"}
    with pytest.raises(NotFound):
        service.update_department(admin, 999_999, name="无")
    assert count(any_db, Department) == 2
    assert new_audit_rows(audit_rows, any_db, mark) == []


# --- templates -------------------------------------------------------------------------------
def test_templates_add_edit_delete(any_db, service, admin, audit_rows):
    env = service.add_category(admin, "环境卫生")
    rubbish = service.add_category(admin, "垃圾清运", env)
    mark = last_audit_id(audit_rows, any_db)

    t = service.add_template(admin, " 已转物业 ", "已转交物业处理。")
    service.update_template(admin, t, "已转物业处理", "已转交物业，三日内反馈。", rubbish)
    [row] = service.templates()
    assert (row.id, row.title, row.body, row.category_id, row.category_name) == (
        t,
        "已转物业处理",
        "已转交物业，三日内反馈。",
        rubbish,
        "环境卫生 / 垃圾清运",
    )
    service.delete_template(admin, t)
    assert service.templates() == []
    with pytest.raises(NotFound):
        service.delete_template(admin, t)

    rows = new_audit_rows(audit_rows, any_db, mark)
    assert [(r.action, r.entity, r.entity_id) for r in rows] == [
        ("create", "template", str(t)),
        ("update", "template", str(t)),
        ("delete", "template", str(t)),
    ]
    assert json.loads(rows[2].before)["category_id"] == rubbish
    assert rows[2].after == ""


def test_template_validation(any_db, service, admin, audit_rows):
    env = service.add_category(admin, "环境卫生")
    service.set_category_active(admin, env, False)
    mark = last_audit_id(audit_rows, any_db)
    with pytest.raises(FieldErrors) as exc:
        service.add_template(admin, "", "  ")
    assert set(exc.value.errors) == {"title", "body"}
    with pytest.raises(FieldErrors) as exc:
        service.add_template(admin, "题" * 33, "正文" * 1001)
    assert set(exc.value.errors) == {"title", "body"}
    with pytest.raises(FieldErrors) as exc:
        service.add_template(admin, "标题", "正文", 999_999)
    assert set(exc.value.errors) == {"category_id"}
    with pytest.raises(FieldErrors) as exc:
        service.add_template(admin, "标题", "正文", env)
    assert "disabled" in exc.value.errors["category_id"].template
    assert count(any_db, ResponseTemplate) == 0
    assert new_audit_rows(audit_rows, any_db, mark) == []


# --- who may, and all or nothing -------------------------------------------------------------
def every_change(service, actor, env: int, dept: int, tpl: int, *, move: bool = True) -> list:
    """One call of each change the catalogue offers, on a top-level category, a department
    and a template (moving ``env`` changes nothing when it is the only category)."""
    return [
        lambda: service.add_category(actor, "物业服务"),
        lambda: service.add_category(actor, "垃圾清运", env),
        lambda: service.rename_category(actor, env, "环境"),
        *([lambda: service.move_category(actor, env, 1)] if move else []),
        lambda: service.set_category_active(actor, env, False),
        lambda: service.add_department(actor, "司法所", "town"),
        lambda: service.update_department(actor, dept, name="所", level="district"),
        lambda: service.set_department_active(actor, dept, False),
        lambda: service.add_template(actor, "t", "b"),
        lambda: service.update_template(actor, tpl, "t", "b"),
        lambda: service.delete_template(actor, tpl),
    ]


@pytest.mark.parametrize("role", [Role.FRONT_DESK, Role.COORDINATOR, Role.DIRECTOR])
def test_only_an_administrator_may_change_the_catalogue(any_db, service, admin, make_actor, audit_rows, role):
    env = service.add_category(admin, "环境卫生")
    dept = service.add_department(admin, "派出所", "town")
    tpl = service.add_template(admin, "标题", "正文")
    user = make_actor(any_db, role)
    mark = last_audit_id(audit_rows, any_db)
    for attempt in every_change(service, user, env, dept, tpl):
        with pytest.raises(PermissionDenied):
            attempt()
    # Reading needs no permission.
    assert shape(service) == [("环境卫生", [])]
    assert [d.name for d in service.departments()] == ["派出所"]
    assert [t.title for t in service.templates()] == ["标题"]
    assert new_audit_rows(audit_rows, any_db, mark) == []


def test_nothing_is_half_saved_when_the_audit_row_fails(any_db, service, admin, audit_rows, monkeypatch):
    env = service.add_category(admin, "环境卫生")
    dept = service.add_department(admin, "派出所", "town")
    tpl = service.add_template(admin, "标题", "正文")
    mark = last_audit_id(audit_rows, any_db)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(db.audit, "record", broken)
    for attempt in every_change(service, admin, env, dept, tpl, move=False):
        with pytest.raises(RuntimeError, match="disk full"):
            attempt()
    monkeypatch.undo()

    assert shape(service) == [("环境卫生", [])]
    assert service.tree()[0].is_active
    assert [(d.name, d.level, d.is_active) for d in service.departments()] == [("派出所", "town", True)]
    assert [(t.title, t.body) for t in service.templates()] == [("标题", "正文")]
    assert new_audit_rows(audit_rows, any_db, mark) == []


def test_moving_is_all_or_nothing(any_db, service, admin, monkeypatch):
    a, b = service.add_category(admin, "甲"), service.add_category(admin, "乙")
    monkeypatch.setattr(db.audit, "record", lambda *args, **kwargs: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        service.move_category(admin, b, -1)
    monkeypatch.undo()
    assert [(t.id, t.sort_order) for t in service.tree()] == [(a, 0), (b, 1)]
