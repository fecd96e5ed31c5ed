"""导出 Excel: the rows of a list's filter, Chinese headers, dates as dates, numbers as
text and masked unless the role may see them, audited; an export imported again
round-trips without losing a digit."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import select

from db.exchange import LedgerFilter, RedemptionFilter
from db.models import Resident
from db.requests import RequestFilter
from desktop.common.errors import PermissionDenied
from desktop.common.permissions import SYSTEM, Permission, Role
from desktop.exchange import workbooks
from desktop.exchange.export import VIEW, ListName, VolunteerFilter
from desktop.exchange.fields import Kind
from desktop.love_bank.service import FROZEN, Basket
from desktop.residents.service import ResidentFilter, ResidentForm
from tests.desktop.exchange.registers import GOOD, LI, ZHANG, write_messy_register


def people(services) -> set[tuple]:
    with services.db.reading() as uow:
        rows = uow.session.execute(
            select(
                Resident.name,
                Resident.id_number,
                Resident.phone,
                Resident.birth_date,
                Resident.gender,
                Resident.address,
            )
        ).all()
    return {tuple(r) for r in rows}


@pytest.fixture
def registered(db, coordinator, tmp_path):
    path = tmp_path / "messy.xlsx"
    write_messy_register(path)
    imports = db.exchange.imports
    imports.run(
        coordinator,
        imports.plan(coordinator, imports.open(coordinator, Kind.RESIDENTS, path)),
        valid_only=True,
    )
    return db


def test_an_export_imported_again_round_trips_with_no_digit_lost(
    registered, admin, coordinator, tmp_path, fresh_database
):
    path = tmp_path / "居民.xlsx"
    result = registered.exchange.exports.export(admin, ListName.RESIDENTS, path)
    assert result.rows == 3 and not result.masked
    with fresh_database("sqlite") as other:  # a second centre's database
        other.accounts.create_user(
            SYSTEM, username="x", full_name="x", role=Role.COORDINATOR, password="secret123"
        )
        actor = other.accounts.login("x", "secret123")
        imports = other.exchange.imports
        plan = imports.plan(actor, imports.open(actor, Kind.RESIDENTS, path))
        assert not plan.failed
        imports.run(actor, plan)
        assert people(other) == people(registered)
    # ... and into the same register, as updates of the same people.
    imports = registered.exchange.imports
    plan = imports.plan(coordinator, imports.open(coordinator, Kind.RESIDENTS, path), update_existing=True)
    assert plan.counts.updated == 3 and not plan.failed


def test_the_workbook_has_chinese_headers_frozen_dates_and_text_numbers(registered, admin, tmp_path):
    path = registered.exchange.exports.export(admin, ListName.RESIDENTS, tmp_path / "r").path
    assert path.suffix == ".xlsx"
    ws = openpyxl.load_workbook(path)["居民档案"]
    headers = [c.value for c in ws[1]]
    assert headers[:6] == ["编号", "姓名", "性别", "出生日期", "身份证号", "联系电话"]
    assert ws.freeze_panes == "A2" and ws[1][0].font.b
    row = {h: c for h, c in zip(headers, ws[2], strict=True)}
    assert isinstance(row["出生日期"].value, dt.datetime) and row["出生日期"].number_format == "yyyy-mm-dd"
    assert row["身份证号"].data_type == "s" and row["身份证号"].number_format == "@"
    assert ws.column_dimensions["E"].width >= 18  # an 18-digit number fits
    assert {c.value for c in ws["E"][1:]} == {number.upper() for _n, number, _p in GOOD}


def test_rows_after_the_measured_ones_keep_their_own_values_and_formats(
    registered, admin, tmp_path, monkeypatch
):
    monkeypatch.setattr(workbooks, "SAMPLE_ROWS", 1)  # the reusable cells write rows 2 and 3
    path = registered.exchange.exports.export(admin, ListName.RESIDENTS, tmp_path / "r.xlsx").path
    ws = openpyxl.load_workbook(path).active
    assert sorted(c.value for c in ws["E"][1:]) == sorted(number.upper() for _n, number, _p in GOOD)
    assert [c.number_format for c in ws["E"][1:]] == ["@", "@", "@"]
    assert all(isinstance(c.value, dt.datetime) and c.number_format == "yyyy-mm-dd" for c in ws["D"][1:])


def test_numbers_are_masked_for_a_role_that_may_not_see_them_and_every_export_is_audited(
    registered, coordinator, admin, tmp_path, audit_rows
):
    path = registered.exchange.exports.export(coordinator, ListName.RESIDENTS, tmp_path / "r.xlsx").path
    ws = openpyxl.load_workbook(path).active
    ids = [c.value for c in ws["E"][1:]]
    assert all("*" in v for v in ids) and ZHANG[1] not in ids
    registered.exchange.exports.export(admin, ListName.RESIDENTS, tmp_path / "full.xlsx")
    exports = [r for r in audit_rows(registered) if r.action == "export"]
    assert [(r.username, '"full_numbers": true' in r.after) for r in exports] == [
        (coordinator.username, False),
        (admin.username, True),
    ]


def test_the_export_holds_the_rows_of_the_lists_filter(registered, admin, tmp_path):
    registered.residents.save(admin, ResidentForm(name="周九"))
    path = registered.exchange.exports.export(
        admin, ListName.RESIDENTS, tmp_path / "r.xlsx", filter=ResidentFilter(text="幸福小区1栋")
    ).path
    names = [c.value for c in openpyxl.load_workbook(path).active["B"][1:]]
    assert sorted(names) == sorted([ZHANG[0], LI[0]])


def test_volunteers_and_the_ledger(db, coordinator, admin, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["姓名", "身份证号", "服务队", "累计服务时长", "积分余额"])
    book.active.append([ZHANG[0], ZHANG[1], "助老服务队", 10, 50])
    roster = tmp_path / "roster.xlsx"
    book.save(roster)
    imports = db.exchange.imports
    imports.run(coordinator, imports.plan(coordinator, imports.open(coordinator, Kind.VOLUNTEERS, roster)))
    exports = db.exchange.exports
    path = exports.export(
        coordinator, ListName.VOLUNTEERS, tmp_path / "v.xlsx", filter=VolunteerFilter(text="张")
    ).path
    ws = openpyxl.load_workbook(path).active
    row = dict(zip([c.value for c in ws[1]], [c.value for c in ws[2]], strict=True))
    assert (row["姓名"], row["服务队"], row["累计服务时长"], row["积分余额"]) == (
        ZHANG[0],
        "助老服务队",
        10,
        50,
    )
    wording = {"Opening balance": "期初余额"}.get
    path = exports.export(
        coordinator,
        ListName.LEDGER,
        tmp_path / "l.xlsx",
        filter=LedgerFilter(),
        wording=lambda t: wording(t) or t,
    ).path
    ws = openpyxl.load_workbook(path).active
    assert [c.value for c in ws[2]][2:5] == [ZHANG[0], "期初余额", 50]


def test_each_list_needs_its_view_permission(db, desk, monkeypatch, tmp_path):
    assert db.exchange.exports.lists(desk) == list(ListName)  # service orders: this database has them
    monkeypatch.setitem(VIEW, ListName.LEDGER, Permission.MANAGE_USERS)
    assert ListName.LEDGER not in db.exchange.exports.lists(desk)
    with pytest.raises(PermissionDenied):
        db.exchange.exports.export(desk, ListName.LEDGER, tmp_path / "l.xlsx")
    assert not (tmp_path / "l.xlsx").exists()


def test_requests_are_exported_with_their_labels(demo_db, tmp_path):
    admin = demo_db.accounts.login("admin", "admin123")
    path = demo_db.exchange.exports.export(
        admin, ListName.REQUESTS, tmp_path / "q.xlsx", wording=lambda t: {"Walk-in": "来访"}.get(t, t)
    ).path
    ws = openpyxl.load_workbook(path, read_only=True).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:4] == ("编号", "登记时间", "居民", "联系电话")
    assert len(rows) - 1 == demo_db.requests.count(admin, RequestFilter())
    assert any(r[4] == "来访" for r in rows[1:])
    assert all(" / " in r[5] for r in rows[1:])  # 父 / 子 categories


@pytest.fixture
def shop(db, coordinator, admin):
    """Two volunteers: 张 redeemed rice at once and a haircut to hand over later; 李 got
    points adjusted. Returns (张's volunteer id, 李's volunteer id)."""
    bank = db.love_bank
    ids = [
        db.residents.save(admin, ResidentForm(name=name, phone=phone))
        for name, phone in (("张秀英", "13812345678"), ("李建国", "13987654321"))
    ]
    zhang, li = (bank.register_volunteer(coordinator, rid) for rid in ids)
    bank.adjust(coordinator, zhang, 100, "期初补录")
    bank.adjust(coordinator, li, 30, "期初补录")
    rice = bank.save_item(coordinator, name="大米", price=20, stock=10)
    haircut = bank.save_item(
        coordinator, name="理发", price=15, stock=5, kind="service", handed_over_later=True
    )
    bank.redeem(coordinator, zhang, Basket({rice: 2}), "k1")
    bank.redeem(coordinator, zhang, Basket({haircut: 1}), "k2")
    return zhang, li


def _table(path) -> list[dict]:
    ws = openpyxl.load_workbook(path).active
    rows = list(ws.iter_rows())
    header = [c.value for c in rows[0]]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def test_redemptions_hold_the_lists_filter_with_labels_dates_and_masked_phones(
    db, shop, coordinator, admin, tmp_path, audit_rows
):
    zhang, _li = shop
    exports = db.exchange.exports
    assert ListName.REDEMPTIONS in exports.lists(coordinator)
    words = {"Waiting for handover": "待核销", "Redeemed": "已兑换"}.get
    path = exports.export(
        coordinator,
        ListName.REDEMPTIONS,
        tmp_path / "兑换记录",
        filter=RedemptionFilter(volunteer_id=zhang),
        wording=lambda t: words(t) or t,
    ).path
    assert openpyxl.load_workbook(path).sheetnames == ["兑换记录"]
    rows = _table(path)
    assert [r["兑换物品"].value for r in rows] == ["理发×1", "大米×2"]  # newest first, as the lists
    assert [r["状态"].value for r in rows] == ["待核销", "已兑换"]
    assert [r["积分"].value for r in rows] == [15, 40]
    assert all(r["兑换单号"].value.startswith("DH") and r["志愿者"].value == "张秀英" for r in rows)
    assert all(isinstance(r["兑换时间"].value, dt.datetime) for r in rows)
    phone = rows[0]["联系电话"]
    assert phone.number_format == "@" and "*" in phone.value and phone.value != "13812345678"
    # the filter of the 待核销 list: the frozen ones only
    path = exports.export(
        coordinator, ListName.REDEMPTIONS, tmp_path / "p.xlsx", filter=RedemptionFilter(status=FROZEN)
    ).path
    assert [r["兑换物品"].value for r in _table(path)] == ["理发×1"]
    # a role that may see numbers in full gets them, and the export is audited
    path = exports.export(admin, ListName.REDEMPTIONS, tmp_path / "full.xlsx").path
    assert {r["联系电话"].value for r in _table(path)} == {"13812345678"}
    assert [r.entity for r in audit_rows(db) if r.action == "export"][-3:] == ["redemptions"] * 3


def test_a_volunteers_ledger_holds_only_that_volunteers_entries(db, shop, coordinator, tmp_path):
    zhang, li = shop
    path = db.exchange.exports.export(
        coordinator, ListName.LEDGER, tmp_path / "l.xlsx", filter=LedgerFilter(volunteer_id=li)
    ).path
    rows = _table(path)
    assert [(r["志愿者"].value, r["可用积分变动"].value, r["备注"].value) for r in rows] == [
        ("李建国", 30, "期初补录")
    ]
    assert isinstance(rows[0]["时间"].value, dt.datetime)
    path = db.exchange.exports.export(
        coordinator, ListName.LEDGER, tmp_path / "z.xlsx", filter=LedgerFilter(volunteer_id=zhang)
    ).path
    rows = _table(path)  # the adjustment, the rice redeemed, the haircut's points frozen
    assert [(r["志愿者"].value, r["可用积分变动"].value, r["冻结积分变动"].value) for r in rows] == [
        ("张秀英", 100, 0),
        ("张秀英", -40, 0),
        ("张秀英", -15, 15),
    ]
