"""Reading files into text: encodings, sheets, the header found by itself, merged cells,
cell values, headers mapped by their names, and the ID-number rules the import adds."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from desktop.common.errors import DomainError
from desktop.common.validation import check_id_number, id_number_15_to_18, looks_stored_as_number
from desktop.exchange.cells import (
    parse_date,
    parse_gender,
    parse_hours,
    parse_points,
    split_list,
    split_phones,
)
from desktop.exchange.fields import Field, Kind, auto_mapping, clean_header, match_header, remembered_choices
from desktop.exchange.reading import read_table, sheet_names
from tests.desktop.exchange.registers import ZHANG, full_width

CSV = "姓名,身份证号,电话\n张三,11010519491231002x,13800138000\n\n李四,,0533-2345678\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_csv_in_every_encoding_chinese_excel_saves(tmp_path, encoding):
    path = tmp_path / "r.csv"
    text = CSV.replace(",", "\t") if encoding == "utf-16" else CSV
    path.write_bytes(text.encode(encoding))
    table = read_table(path)
    assert table.headers == ("姓名", "身份证号", "电话")
    assert table.rows == (("张三", "11010519491231002x", "13800138000"), ("李四", "", "0533-2345678"))
    assert table.row_numbers == (2, 4)  # the blank line keeps its number


def test_the_header_is_found_below_titles_and_merged_cells_are_filled_down(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["网格人口台账"])
    ws.merge_cells("A1:D1")
    ws.append(["填表单位：幸福社区", None, "填表人：王"])
    ws.append([])
    ws.append(["楼栋", "姓名", "联系电话", "备注"])
    ws.append(["1栋", "张三", 13800138000, ""])
    ws.append([None, "李四", 13800138001, ""])
    ws.merge_cells("A5:A6")
    second = book.create_sheet("第二页")
    second.append(["姓名"])
    path = tmp_path / "r.xlsx"
    book.save(path)
    assert sheet_names(path) == ["Sheet", "第二页"]
    table = read_table(path)
    assert table.header_row == 4 and table.headers == ("楼栋", "姓名", "联系电话", "备注")
    assert table.rows == (("1栋", "张三", "13800138000", ""), ("1栋", "李四", "13800138001", ""))
    assert table.row_numbers == (5, 6)
    assert read_table(path, "第二页").rows == ()


def test_files_that_cannot_be_read_say_so(tmp_path):
    with pytest.raises(DomainError, match="not an Excel"):
        read_table(tmp_path / "r.docx")
    broken = tmp_path / "r.xlsx"
    broken.write_bytes(b"not a workbook")
    with pytest.raises(DomainError, match="could not be read"):
        read_table(broken)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("1980-5-3", dt.date(1980, 5, 3)),
        ("1980.5.3", dt.date(1980, 5, 3)),
        ("1980/05/03", dt.date(1980, 5, 3)),
        ("1980年5月3日", dt.date(1980, 5, 3)),
        ("19800503", dt.date(1980, 5, 3)),
        ("1980-05-03 00:00:00", dt.date(1980, 5, 3)),
        ("29344", dt.date(1980, 5, 3)),  # an Excel serial
        ("１９８０－５－３", dt.date(1980, 5, 3)),
    ],
)
def test_dates_as_people_and_excel_write_them(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["1980-2-30", "5月3日", "下周"])
def test_what_is_not_a_date_is_refused(text):
    with pytest.raises(DomainError):
        parse_date(text)


def test_gender_hours_points_and_lists():
    assert [parse_gender(g) for g in ("男", "女", "M", "f", "1", "2", "男性")] == [
        "男",
        "女",
        "男",
        "女",
        "男",
        "女",
        "男",
    ]
    with pytest.raises(DomainError):
        parse_gender("未知")
    assert parse_hours("12.5小时") == 750 and parse_points("300") == 300
    with pytest.raises(DomainError):
        parse_points("-3")
    assert split_list("独居老人、低保户,残疾人；") == ["独居老人", "低保户", "残疾人"]
    assert split_phones("13800138000/0533-2345678") == ["13800138000", "0533-2345678"]


def test_headers_map_themselves():
    assert clean_header(" 身份证号码*（必填） ") == "身份证号码"
    cases = {
        "公民身份号码": Field.ID_NUMBER,
        "证件号码": Field.ID_NUMBER,
        "手机号": Field.PHONE,
        "户籍地址": Field.HOUSEHOLD_ADDRESS,
        "家庭住址": Field.ADDRESS,
        "所属网格": Field.GRID,
        "房号": Field.ROOM,
        "人员类别": Field.TAGS,
        "居民身份证号码": Field.ID_NUMBER,
        "积分": Field.POINTS,
    }
    assert {h: match_header(h) for h in cases} == cases
    assert match_header("序号") is None
    headers = ["姓名", "电话", "手机", "积分"]
    assert auto_mapping(headers, Kind.RESIDENTS) == {0: Field.NAME, 1: Field.PHONE}
    assert auto_mapping(headers, Kind.VOLUNTEERS)[3] == Field.POINTS
    chosen = {0: Field.NAME, 2: Field.PHONE}
    assert remembered_choices(headers, chosen) == {"电话": "", "积分": ""}  # 手机 maps itself
    assert auto_mapping(headers, Kind.RESIDENTS, remembered_choices(headers, chosen)) == chosen


def test_id_numbers_from_registers():
    assert id_number_15_to_18("110105491231002") == "11010519491231002X"
    assert check_id_number("110105491231002", convert_15=True).number == "11010519491231002X"
    with pytest.raises(DomainError, match="18 characters"):
        check_id_number("110105491231002")  # the desk's form still asks for 18
    assert check_id_number(full_width(ZHANG[1]).lower()).number == ZHANG[1]
    assert looks_stored_as_number("1.10105E+17") and looks_stored_as_number("1.10105198001011e+17")
    assert looks_stored_as_number("110105198001012000")  # Excel's 15 digits, then 000
    assert looks_stored_as_number("110105198001011008")  # the same, read through a binary float
    assert not looks_stored_as_number(ZHANG[1]) and not looks_stored_as_number("110105198001012345")
