"""The registries behind the orders: the service menu, providers (with GB 32100 credit
codes, ratings, 年检 and the 失信 flag) and funds."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from desktop.common.errors import DomainError, FieldErrors, PermissionDenied
from desktop.common.validation import check_credit_code
from desktop.orders.providers import add_years
from desktop.orders.service import FundForm, MenuItemForm, OrderForm, ProviderForm
from desktop.orders.states import Stage
from desktop.orders.vocabulary import InspectionResult, ProviderKind
from tests.desktop.orders.support import YUAN, World

# --- 统一社会信用代码 ---------------------------------------------------------------------


@pytest.mark.parametrize("code", ["91110000600037341L", "52370302MJD2022018", "51370302MJE000011K"])
def test_valid_credit_codes(code):
    assert check_credit_code(code).code == code
    assert check_credit_code(code).warnings == ()


def test_a_code_is_normalised():
    assert check_credit_code(" 9111 0000 6000-37341l ").code == "91110000600037341L"
    assert check_credit_code("９１１１００００６０００３７３４１Ｌ").code == "91110000600037341L"


def test_a_failed_check_character_is_only_a_warning():
    info = check_credit_code("91110000600037341M")
    assert info.code == "91110000600037341M"
    assert [w.template for w in info.warnings] == [
        "The check character of this code should be {expected}; please re-check the code."
    ]
    assert info.warnings[0].params == {"expected": "L"}


@pytest.mark.parametrize(
    ("code", "template"),
    [
        ("", "Enter the unified social credit code."),
        ("9111000060003734", "A unified social credit code has 18 characters; this one has {count}."),
        (
            "91110000600037341I",
            "A unified social credit code cannot contain {chars} "
            "(the letters I, O, Z, S and V are not used).",
        ),
        (
            "91AB0000600037341L",
            "Characters 3–8 of a unified social credit code are the area code: six digits.",
        ),
    ],
)
def test_malformed_codes_are_errors(code, template):
    with pytest.raises(DomainError) as err:
        check_credit_code(code)
    assert err.value.template == template


def test_the_civil_affairs_type_must_match_the_kind(world: World):
    check = world.orders.check_provider_code
    assert check("52370302MJD2022018", "non_enterprise").warnings == ()
    warning = check("52370302MJD2022018", "foundation").warnings[0]
    assert warning.template == "The code {prefix}… is that of a “{code_kind}”, not a “{kind}”."
    assert warning.params["prefix"] == "52"
    assert check("", "enterprise").warnings == ()
    assert [w.template for w in check("", "social_group").warnings] == [
        "A registered social organisation should have a credit code."
    ]


# --- providers -----------------------------------------------------------------------


def test_a_provider_as_the_registry_shows_it(world: World):
    row = world.orders.provider(world.desk, world.providers["社工"])
    assert (row.kind, row.credit_code, row.rating_label) == (
        ProviderKind.NON_ENTERPRISE,
        "52370302MJD2022018",
        "4A",
    )
    assert row.phone == "138****5678"
    assert (row.rated_on, row.rating_valid_until, row.rating_expired) == (
        dt.date(2024, 5, 1),
        dt.date(2029, 5, 1),
        False,
    )
    assert row.areas == ("助老服务", "心理疏导")
    assert row.warnings == () and row.has_legal_personality
    assert not world.orders.provider(world.desk, world.providers["备案"]).has_legal_personality


def test_revealing_a_phone_is_audited_and_needs_the_permission(world: World):
    with pytest.raises(PermissionDenied):
        world.orders.reveal_provider_phone(world.coordinator, world.providers["社工"])
    assert world.orders.reveal_provider_phone(world.desk, world.providers["社工"]) == "13812345678"
    with world.services.db.reading() as uow:
        row = uow.session.execute(
            select(AuditEntry.action, AuditEntry.username)
            .where(AuditEntry.entity == "provider")
            .order_by(AuditEntry.id.desc())
        ).first()
    assert tuple(row) == ("reveal", world.desk.username)


def test_warnings_expired_rating_failed_inspection_discredited(world: World):
    o, w = world.orders, world
    pid = o.save_provider(
        w.director,
        ProviderForm(
            name="老牌协会",
            kind="social_group",
            credit_code="51370302MJE000011K",
            rating=3,
            rated_on=dt.date(2020, 3, 1),
        ),
    )
    assert [x.template for x in pid.warnings] == ["The rating {grade} expired on {day}."]
    assert pid.warnings[0].params == {"grade": "3A", "day": "2025-03-01"}
    o.record_inspection(w.director, pid.id, 2025, "failed", "未按时报送年报")
    o.set_discredited(w.director, pid.id, True, dt.date(2026, 10, 8), "列入活动异常名录")
    row = o.provider(w.desk, pid.id)
    assert row.latest_inspection == (2025, InspectionResult.FAILED)
    assert [x.template for x in row.warnings] == [
        "Listed as discredited / abnormal since {day}.",
        "The rating {grade} expired on {day}.",
        "Annual inspection {year}: {result}.",
    ]
    assert o.provider_notes(w.desk, pid.id) == ("", "列入活动异常名录")
    o.record_inspection(w.director, pid.id, 2025, "passed")  # corrected
    o.set_discredited(w.director, pid.id, False)
    assert [x.template for x in o.provider(w.desk, pid.id).warnings] == [
        "The rating {grade} expired on {day}."
    ]
    assert [(i.year, i.result) for i in o.provider_inspections(w.desk, pid.id)] == [
        (2025, InspectionResult.PASSED)
    ]


def test_a_saved_provider_reports_a_code_that_does_not_check(world: World):
    saved = world.orders.save_provider(
        world.coordinator,
        ProviderForm(name="新机构", kind="non_enterprise", credit_code="52370302MJD2022019"),
    )
    assert [w.template for w in saved.warnings] == [
        "The check character of this code should be {expected}; please re-check the code."
    ]


def test_provider_input_is_checked(world: World):
    o, w = world.orders, world
    with pytest.raises(PermissionDenied):
        o.save_provider(w.desk, ProviderForm(name="x", kind="enterprise"))
    with pytest.raises(FieldErrors) as err:
        o.save_provider(
            w.director,
            ProviderForm(name="", kind="nonsense", credit_code="123", phone="12", rating=6, team_id=1),
        )
    assert set(err.value.errors) == {"name", "kind", "credit_code", "phone", "rating", "team"}
    with pytest.raises(FieldErrors) as err:
        o.save_provider(w.director, ProviderForm(name="幸福社会工作服务中心", kind="enterprise"))
    assert err.value.errors["name"].template == "A provider of this name is already registered."
    with pytest.raises(FieldErrors) as err:
        o.save_provider(
            w.director, ProviderForm(name="另一家", kind="non_enterprise", credit_code="52370302MJD2022018")
        )
    assert "credit_code" in err.value.errors
    with pytest.raises(FieldErrors) as err:
        o.save_provider(w.director, ProviderForm(name="另一家", kind="social_group", rating=3))
    assert "rated_on" in err.value.errors


def test_a_volunteer_team_names_its_love_bank_team(world: World):
    from db.models import Team

    with world.services.db.writing() as uow:
        team = Team(name="夕阳红志愿服务队", leader="赵阿姨", is_active=True)
        uow.session.add(team)
        uow.session.flush()
        team_id = team.id
        uow.commit()
    saved = world.orders.save_provider(
        world.coordinator, ProviderForm(name="夕阳红志愿服务队", kind="volunteer_team", team_id=team_id)
    )
    row = world.orders.provider(world.desk, saved.id)
    assert (row.team_id, row.team, row.has_legal_personality) == (team_id, "夕阳红志愿服务队", False)


def test_listing_providers_by_kind_and_area(world: World):
    o, w = world.orders, world
    assert [p.name for p in o.providers(w.desk, area="助老服务")] == [
        "幸福社会工作服务中心",
        "淄博家政服务有限公司",
    ]
    assert [p.name for p in o.providers(w.desk, kind="social_group")] == ["张店区老年协会"]
    o.set_provider_active(w.director, w.providers["协会"], False)
    assert "张店区老年协会" not in [p.name for p in o.providers(w.desk, include_inactive=False)]


def test_add_years_handles_the_leap_day():
    assert add_years(dt.date(2024, 2, 29), 5) == dt.date(2029, 2, 28)
    assert add_years(dt.date(2024, 5, 1), 5) == dt.date(2029, 5, 1)


# --- the menu --------------------------------------------------------------------------


def test_the_menu_is_the_administrators(world: World):
    o, w = world.orders, world
    with pytest.raises(PermissionDenied):
        o.save_menu_item(w.director, MenuItemForm(category="助老服务", name="助浴"))
    menu = o.menu()
    assert [(m.label, m.guide_price) for m in menu] == [
        ("助老服务 / 上门理发", 30 * YUAN),
        ("心理疏导 / 心理疏导", 200 * YUAN),
        ("文体活动 / 广场舞培训", 0),
    ]
    assert menu[1].provider_kinds == (ProviderKind.NON_ENTERPRISE, ProviderKind.SOCIAL_GROUP)
    assert menu[0].tags == ("独居老人",)
    with pytest.raises(FieldErrors) as err:
        o.save_menu_item(w.admin, MenuItemForm(category="助老服务", name="上门理发"))
    assert err.value.errors["name"].template == "This category already has an item of that name."
    with pytest.raises(FieldErrors) as err:
        o.save_menu_item(w.admin, MenuItemForm(category="", name="", guide_price=-1, provider_kinds=["x"]))
    assert set(err.value.errors) == {"category", "name", "guide_price", "provider_kinds"}
    o.save_menu_item(
        w.admin,
        MenuItemForm(category="助老服务", name="上门理发", guide_price=35 * YUAN),
        w.items["上门理发"],
    )
    assert o.menu()[0].guide_price == 35 * YUAN
    o.set_menu_item_active(w.admin, w.items["广场舞"], False)
    assert [m.name for m in o.menu()] == ["上门理发", "心理疏导"]
    assert len(o.menu(include_inactive=True)) == 3
    assert o.menu_categories() == ["助老服务", "心理疏导"]
    with pytest.raises(FieldErrors) as err:
        o.place(w.desk, OrderForm(resident_id=w.residents[0], item_id=w.items["广场舞"]))
    assert err.value.errors["item"].template == "This menu item is not available."


# --- funds -----------------------------------------------------------------------------


def test_funds_show_committed_paid_and_remaining(world: World):
    o, w = world.orders, world
    rows = o.funds(w.desk)
    assert [(f.name, f.total, f.remaining, f.order_cap, f.excluded_categories) for f in rows] == [
        ("2026年党组织服务群众专项经费", 200_000 * YUAN, 200_000 * YUAN, None, ()),
        ("2026年公益创投", 50_000 * YUAN, 50_000 * YUAN, 20_000 * YUAN, ("文体活动",)),
    ]


def test_fund_input_is_checked(world: World):
    o, w = world.orders, world
    with pytest.raises(PermissionDenied):
        o.save_fund(w.coordinator, FundForm(name="x", year=2026, kind="other", total=1))
    with pytest.raises(FieldErrors) as err:
        o.save_fund(w.director, FundForm(name="", year=1999, kind="?", total=0, order_cap=0))
    assert set(err.value.errors) == {"name", "year", "kind", "total", "order_cap"}
    with pytest.raises(FieldErrors) as err:
        o.save_fund(
            w.director, FundForm(name="自筹", year=2026, kind="self_raised", total=100, order_cap=200)
        )
    assert "order_cap" in err.value.errors
    with pytest.raises(FieldErrors) as err:
        o.save_fund(w.director, FundForm(name="2026年公益创投", year=2026, kind="venture", total=100))
    assert err.value.errors["name"].template == "A fund of this name already exists."


def test_a_funds_total_cannot_drop_below_what_it_committed(world: World):
    o, w = world.orders, world
    w.walk(Stage.TO_DISPATCH)  # commits 10,000
    form = FundForm(name="2026年党组织服务群众专项经费", year=2026, kind="party_service", total=9_999 * YUAN)
    with pytest.raises(FieldErrors) as err:
        o.save_fund(w.director, form, w.funds["党建"])
    assert err.value.errors["total"].params == {"committed": "10,000.00"}
    o.save_fund(w.director, FundForm(**{**form.__dict__, "total": 10_000 * YUAN}), w.funds["党建"])
    assert w.fund_row("党建").remaining == 0
