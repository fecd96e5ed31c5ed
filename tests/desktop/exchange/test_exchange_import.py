"""导入居民 / 导入志愿者: the done-when register, all or nothing, valid rows only, updates,
volunteers with their history, the error report, templates and remembered mappings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from db.models import LedgerEntry, Resident, ServiceRecord
from desktop.check import run_checks
from desktop.common.errors import DomainError, PermissionDenied
from desktop.common.permissions import Role
from desktop.exchange.checking import Action
from desktop.exchange.fields import INSTRUCTIONS, Field, Kind
from desktop.exchange.wording import reason_text
from desktop.residents.service import ResidentForm
from tests.desktop.exchange.registers import GOOD, LI, WANG, ZHANG, valid_id, write_messy_register


def register(services) -> list[tuple]:
    """Everything the register holds, to compare before and after."""
    with services.db.reading() as uow:
        rows = uow.session.execute(
            select(
                Resident.id,
                Resident.name,
                Resident.id_number,
                Resident.phone,
                Resident.notes,
                Resident.address,
            ).order_by(Resident.id)
        ).all()
    return [tuple(r) for r in rows]


def sheet(path: Path, rows: list[list], *, title: str = "Sheet") -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = title
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


@pytest.fixture
def messy(tmp_path: Path) -> tuple[Path, dict[int, str]]:
    path = tmp_path / "居民信息采集表.xlsx"
    return path, write_messy_register(path)


def test_the_messy_register_is_refused_whole_by_default_with_a_report_naming_each_bad_row(
    db, coordinator, messy, tmp_path
):
    path, bad = messy
    existing = db.residents.save(coordinator, ResidentForm(name="周九", phone="13900000000"))
    before = register(db)
    imports = db.exchange.imports
    source = imports.open(coordinator, Kind.RESIDENTS, path)
    assert source.table.header_row == 3
    plan = imports.plan(coordinator, source)
    assert plan.counts.added == 3 and plan.counts.errors == 4
    with pytest.raises(DomainError, match="nothing was imported"):
        imports.run(coordinator, plan)
    assert register(db) == before  # not one row came in
    assert existing in [r[0] for r in before]

    report = tmp_path / "错误报告.xlsx"
    assert imports.write_error_report(plan, report) == 4
    ws = openpyxl.load_workbook(report)["错误报告"]
    assert ws.freeze_panes == "A2"
    lines = {row[0].value: row for row in ws.iter_rows(min_row=2)}
    assert set(lines) == {f"第 {n} 行" for n in bad}
    for number, words in bad.items():
        row = lines[f"第 {number} 行"]
        assert words in row[-1].value  # the reason, in the last column
        id_cell = row[4]  # 行号, 序号, 姓名, 性别, 公民身份号码
        assert id_cell.fill.fgColor.rgb.endswith("FFC7CE") and id_cell.comment is not None
    # The row Excel mangled keeps what the file holds, as text: the report does not repair it.
    assert lines["第 7 行"][4].value == "1.10105198001011E+17"  # as Excel shows it
    assert "stored this ID number as a number" in lines["第 7 行"][-1].value


def test_with_valid_only_exactly_the_good_rows_come_in(db, coordinator, messy):
    path, _bad = messy
    imports = db.exchange.imports
    plan = imports.plan(coordinator, imports.open(coordinator, Kind.RESIDENTS, path))
    result = imports.run(coordinator, plan, valid_only=True)
    assert result.counts.added == 3
    stored = {(name, number, phone) for _id, name, number, phone, _notes, _addr in register(db)}
    assert stored == {(name, number.upper(), phone) for name, number, phone in GOOD}
    with db.db.reading() as uow:
        zhang = uow.session.scalar(select(Resident).where(Resident.name == ZHANG[0]))
        assert [t.name for t in zhang.tags] == ["独居老人"]
        assert zhang.birth_date == dt.date(1980, 5, 3) and zhang.gender == "男"
        wang = uow.session.scalar(select(Resident).where(Resident.name == WANG[0]))
        assert [t.name for t in wang.tags] == ["低保户"]
        assert "人员类别：流动人口" in wang.notes  # not a key group the centre keeps: kept in the notes
    # Found by the register's own search, like a resident typed at the desk.
    from desktop.residents.service import ResidentFilter

    assert [r.name for r in db.residents.page(coordinator, ResidentFilter(text="幸福小区2栋"), 0, 10)] == [
        "王五"
    ]
    assert [r.name for r in db.residents.page(coordinator, ResidentFilter(text=LI[1][-4:]), 0, 10)] == [
        "李四"
    ]


def test_the_reasons_are_those_of_the_forms_and_name_the_cell(db, coordinator, messy):
    path, _bad = messy
    plan = db.exchange.imports.plan(coordinator, db.exchange.imports.open(coordinator, Kind.RESIDENTS, path))
    reasons = {r.row_number: [(e.field, reason_text(e.error)) for e in r.errors] for r in plan.failed}
    assert reasons[7] == [
        (
            Field.ID_NUMBER,
            "Excel stored this ID number as a number and lost its last digits (1.10105198001011E+17); "
            "format the column as text and type the number again.",
        )
    ]
    assert reasons[8] == [
        (Field.ID_NUMBER, "The check character of this ID number is wrong; please re-check it.")
    ]
    assert reasons[9] == [(Field.ID_NUMBER, "The birth date 1980-02-30 in this ID number does not exist.")]
    assert reasons[10] == [(Field.ID_NUMBER, "The same person as row 4.")]


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("1.10105E+17", "stored this ID number as a number"),
        ("110105198001012000", "stored this ID number as a number"),  # 000: Excel kept 15 digits
        ("110105********1234", "masked"),
    ],
)
def test_an_id_number_that_lost_digits_is_refused_never_guessed(db, coordinator, tmp_path, cell, reason):
    path = sheet(tmp_path / "r.xlsx", [["姓名", "身份证号"], ["赵六", cell]])
    plan = db.exchange.imports.plan(coordinator, db.exchange.imports.open(coordinator, Kind.RESIDENTS, path))
    assert reason in reason_text(plan.failed[0].errors[0].error)


def test_old_ids_dates_genders_and_phones_are_normalised(db, coordinator, tmp_path):
    old = "110105491231002"  # 15 digits: born 1949-12-31
    path = sheet(
        tmp_path / "r.xlsx",
        [
            ["姓名", "身份证号", "性别", "出生日期", "手机号", "楼栋", "单元", "门牌", "所属网格", "民族"],
            ["甲", old, "2", "1949年12月31日", "138 0013 8000", "", "", "", "第一网格", "汉族"],
            ["乙", "", "F", "1980.5.3", "0533-2345678/13900139000", "3", "2", "301", "", ""],
            ["丙", "", "1", 29344, "", "", "", "", "", ""],
        ],
    )
    imports = db.exchange.imports
    plan = imports.plan(coordinator, imports.open(coordinator, Kind.RESIDENTS, path))
    assert not plan.failed, [(r.row_number, [reason_text(e.error) for e in r.errors]) for r in plan.failed]
    a, b, c = plan.planned
    assert a.id_number == "11010519491231002X" and a.gender == "女" and a.birth_date == dt.date(1949, 12, 31)
    assert a.phone == "13800138000" and a.grid == "第一网格" and "民族：汉族" in a.notes
    assert b.gender == "女" and b.birth_date == dt.date(1980, 5, 3) and b.phone == "0533-2345678"
    assert "其他电话：13900139000" in b.notes and b.address == "3栋2单元301室"
    assert c.gender == "男" and c.birth_date == dt.date(1980, 5, 3)


def test_contradictions_and_unknown_values_are_row_errors(db, coordinator, tmp_path):
    path = sheet(
        tmp_path / "r.xlsx",
        [
            ["姓名", "身份证号", "性别", "出生日期", "电话", "网格", "人户状态"],
            ["甲", ZHANG[1], "女", "", "", "", ""],
            ["乙", LI[1], "", "1975-1-2", "", "", ""],
            ["丙", "", "未知", "", "12345", "第九网格", "不在"],
            ["", "", "", "", "13800138000", "", ""],
        ],
    )
    plan = db.exchange.imports.plan(coordinator, db.exchange.imports.open(coordinator, Kind.RESIDENTS, path))
    by_row = {r.row_number: {e.field for e in r.errors} for r in plan.failed}
    assert by_row == {
        2: {Field.GENDER},
        3: {Field.BIRTH_DATE},
        4: {Field.GENDER, Field.PHONE, Field.GRID, Field.RESIDENCE_STATUS},
        5: {Field.NAME},
    }


def test_a_person_already_registered_is_refused_or_updated_when_asked(db, coordinator, tmp_path):
    rid = db.residents.save(coordinator, ResidentForm(name=ZHANG[0], id_number=ZHANG[1], notes="老住户"))
    path = sheet(
        tmp_path / "r.xlsx",
        [["姓名", "身份证号", "电话", "重点人群"], [ZHANG[0], ZHANG[1], ZHANG[2], "独居老人"]],
    )
    imports = db.exchange.imports
    source = imports.open(coordinator, Kind.RESIDENTS, path)
    refused = imports.plan(coordinator, source)
    assert "already registered" in reason_text(refused.failed[0].errors[0].error)
    plan = imports.plan(coordinator, source, update_existing=True)
    assert plan.counts.updated == 1 and plan.planned[0].existing_id == rid
    imports.run(coordinator, plan)
    detail = db.residents.get(coordinator, rid)
    assert detail.has_phone and detail.notes == "老住户"
    with db.db.reading() as uow:
        assert [t.name for t in uow.session.get(Resident, rid).tags] == ["独居老人"]
    # Another person's name on that ID number is never an update.
    other = sheet(tmp_path / "o.xlsx", [["姓名", "身份证号"], ["张三丰", ZHANG[1]]])
    plan = imports.plan(coordinator, imports.open(coordinator, Kind.RESIDENTS, other), update_existing=True)
    assert "not to 张三丰" in reason_text(plan.failed[0].errors[0].error)


def test_the_register_is_checked_again_inside_the_import(db, coordinator, tmp_path):
    path = sheet(tmp_path / "r.xlsx", [["姓名", "身份证号"], [ZHANG[0], ZHANG[1]]])
    imports = db.exchange.imports
    plan = imports.plan(coordinator, imports.open(coordinator, Kind.RESIDENTS, path))
    db.residents.save(coordinator, ResidentForm(name=ZHANG[0], id_number=ZHANG[1]))  # a desk, meanwhile
    with pytest.raises(DomainError, match="changed since the preview"):
        imports.run(coordinator, plan)
    assert len(register(db)) == 1


def test_a_cancelled_import_leaves_nothing(db, coordinator, tmp_path):
    rows = [["姓名", "身份证号"]] + [
        [f"居民{chr(0x4E00 + i)}", valid_id("19800101", f"{i:03d}")] for i in range(1, 400)
    ]
    path = sheet(tmp_path / "r.xlsx", rows)
    imports = db.exchange.imports
    plan = imports.plan(coordinator, imports.open(coordinator, Kind.RESIDENTS, path))
    calls = []

    class Stop(Exception):
        pass

    def check() -> None:
        calls.append(1)
        if len(calls) > 1:
            raise Stop

    with pytest.raises(Stop):
        imports.run(coordinator, plan, check=check)
    assert register(db) == []


def test_only_admin_and_coordinator_import(db, desk, admin, tmp_path):
    path = sheet(tmp_path / "r.xlsx", [["姓名"], ["甲"]])
    with pytest.raises(PermissionDenied):
        db.exchange.imports.open(desk, Kind.RESIDENTS, path)
    assert db.exchange.imports.open(admin, Kind.RESIDENTS, path).mapping == {0: Field.NAME}


def test_unknown_columns_are_shown_and_the_choice_is_remembered(db, coordinator, tmp_path):
    path = sheet(tmp_path / "r.xlsx", [["序号", "住户", "家庭电话"], [1, "甲", "13800138000"]])
    imports = db.exchange.imports
    source = imports.open(coordinator, Kind.RESIDENTS, path)
    assert source.mapping == {2: Field.PHONE} and source.unknown_columns == [0, 1]
    with pytest.raises(DomainError, match="names"):
        imports.plan(coordinator, source)
    chosen = {1: Field.NAME, 2: Field.PHONE}
    imports.remember(coordinator, source, chosen)
    again = imports.open(coordinator, Kind.RESIDENTS, path)
    assert again.mapping == chosen
    assert imports.plan(coordinator, again).counts.added == 1


def test_volunteers_come_with_their_hours_and_points_and_check_still_reconciles(db, coordinator, tmp_path):
    linked = db.residents.save(coordinator, ResidentForm(name=LI[0], id_number=LI[1]))
    path = sheet(
        tmp_path / "花名册.xlsx",
        [
            ["姓名", "身份证号", "服务队", "注册日期", "累计服务时长", "积分"],
            [ZHANG[0], ZHANG[1], "助老服务队", "2020-3-1", "120.5", 300],
            [LI[0], LI[1], "助老服务队", "", "", ""],
        ],
    )
    imports = db.exchange.imports
    plan = imports.plan(coordinator, imports.open(coordinator, Kind.VOLUNTEERS, path))
    assert [p.action for p in plan.planned] == [Action.ADD, Action.LINK]
    result = imports.run(coordinator, plan)
    assert len(result.volunteer_ids) == 2
    rows = {v.name: v for v in db.love_bank.volunteers(coordinator)}
    assert (
        rows[ZHANG[0]].available == 300
        and rows[ZHANG[0]].hours == 120.5
        and rows[ZHANG[0]].team == "助老服务队"
    )
    assert rows[LI[0]].resident_id == linked and rows[LI[0]].available == 0
    with db.db.reading() as uow:
        entry = uow.session.scalar(select(LedgerEntry).where(LedgerEntry.volunteer_id == rows[ZHANG[0]].id))
        assert (entry.kind, entry.delta, entry.username) == ("opening", 300, coordinator.username)
        record = uow.session.scalar(
            select(ServiceRecord).where(ServiceRecord.volunteer_id == rows[ZHANG[0]].id)
        )
        assert record.served_on == dt.date(2020, 3, 1) and record.minutes == 7230
    assert run_checks(db.db) == []
    # The same roster again: both are volunteers now.
    again = imports.plan(coordinator, imports.open(coordinator, Kind.VOLUNTEERS, path))
    assert again.counts.errors == 2


def test_volunteers_need_the_love_bank(db, make_actor, tmp_path):
    director = make_actor(db, Role.DIRECTOR)
    path = sheet(tmp_path / "r.xlsx", [["姓名"], ["甲"]])
    with pytest.raises(PermissionDenied):
        db.exchange.imports.open(director, Kind.VOLUNTEERS, path)


def test_the_template_has_text_columns_instructions_and_drop_downs(db, coordinator, tmp_path):
    path = db.exchange.imports.write_template(coordinator, Kind.VOLUNTEERS, tmp_path / "模板")
    book = openpyxl.load_workbook(path)
    ws = book["志愿者信息"]
    headers = [c.value for c in ws[1]]
    assert headers[:4] == ["姓名", "性别", "身份证号", "联系电话"] and "积分余额" in headers
    assert ws["A2"].value.startswith(INSTRUCTIONS)
    assert ws["C3"].number_format == "@" and ws["D500"].number_format == "@"
    validations = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert validations["B3"] == '"男,女"'
    assert "选项" in validations[f"{chr(ord('A') + headers.index('网格'))}3"]
    assert book["选项"].sheet_state == "hidden" and book["选项"]["A2"].value == "第一网格"
    # Filled in and imported: the instruction row is skipped.
    ws["A3"], ws["C3"] = ZHANG[0], ZHANG[1]
    book.save(path)
    plan = db.exchange.imports.plan(coordinator, db.exchange.imports.open(coordinator, Kind.VOLUNTEERS, path))
    assert [p.name for p in plan.planned] == [ZHANG[0]] and not plan.failed


def write_xls(path: Path) -> Path:
    """An old .xls register as Excel 2003 saves it (written by xlwt): a title merged over
    the columns, 填表单位 on row 2, the Chinese header on row 3, an ID number and a phone
    typed as text, and — on Excel row 5 — an ID number stored as a number."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("居民信息")
    ws.write_merge(0, 0, 0, 4, "幸福社区居民信息采集表")
    ws.write(1, 0, "填表单位：幸福社区居委会")
    for column, header in enumerate(["姓名", "性别", "公民身份号码", "手机号", "家庭住址"]):
        ws.write(2, column, header)
    for column, value in enumerate([ZHANG[0], "男", ZHANG[1], ZHANG[2], "幸福小区1栋101"]):
        ws.write(3, column, value)  # row 4: text cells
    for column, value in enumerate(["赵六", "男", 1.10105198001011e17, 13800138004, "幸福小区2栋202"]):
        ws.write(4, column, value)  # row 5: the ID and the phone as numbers
    book.save(str(path))
    return path


@pytest.mark.parametrize("engine", ["calamine", "xlrd"])
@pytest.mark.filterwarnings("ignore:The xlrd engine is deprecated")  # pandas' notice; xlrd is the fallback
def test_an_old_xls_register_comes_in_and_an_id_stored_as_a_number_is_refused(
    db, coordinator, tmp_path, monkeypatch, engine
):
    from desktop.exchange import reading

    monkeypatch.setitem(reading.ENGINES, ".xls", (engine,))  # each reader, on its own
    path = write_xls(tmp_path / "居民信息采集表.xls")
    assert path.read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # a real BIFF8 (OLE2) file
    imports = db.exchange.imports
    source = imports.open(coordinator, Kind.RESIDENTS, path)
    assert source.table.header_row == 3
    assert source.table.headers == ("姓名", "性别", "公民身份号码", "手机号", "家庭住址")
    plan = imports.plan(coordinator, source)
    assert (plan.counts.added, plan.counts.errors) == (1, 1)
    [failed] = plan.failed
    assert failed.row_number == 5
    assert [(e.field, reason_text(e.error)) for e in failed.errors] == [
        (
            Field.ID_NUMBER,
            "Excel stored this ID number as a number and lost its last digits (1.10105198001011E+17); "
            "format the column as text and type the number again.",
        )
    ]
    before = register(db)
    with pytest.raises(DomainError, match="nothing was imported"):
        imports.run(coordinator, plan)
    assert register(db) == before
    imports.run(coordinator, plan, valid_only=True)
    stored = {(name, number, phone, address) for _id, name, number, phone, _notes, address in register(db)}
    assert stored == {(ZHANG[0], ZHANG[1], ZHANG[2], "幸福小区1栋101")}
