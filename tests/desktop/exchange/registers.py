"""Register files as centres really keep them, for the import tests (desktop and ui)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from stdnum.cn import ric


def valid_id(birth: str = "19800101", seq: str = "123", area: str = "110105") -> str:
    body = area + birth + seq
    return body + ric.calc_check_digit(body + "0")


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


# The good people of the messy register (as they must be stored).
ZHANG = ("张三", valid_id("19800503", "121"), "13800138001")  # ID typed in full-width digits
LI = (
    "李四",
    next(v for s in range(100, 999, 2) if (v := valid_id("19750101", str(s))).endswith("X")),  # even: 女
    "13800138002",
)
WANG = ("王五", valid_id("19620315", "211"), "13800138003")  # phone typed with dashes
GOOD = (ZHANG, LI, WANG)

# The bad ones, with the row they stand on (as Excel numbers it) and the words of the reason.
NUMBER_ID = 1.10105198001011e17  # what Excel keeps of 110105198001011234 typed in a General cell
BAD_CHECKSUM = valid_id("19900101", "333")[:-1] + ("0" if valid_id("19900101", "333")[-1] != "0" else "1")
IMPOSSIBLE = "110105" + "19800230" + "123"
IMPOSSIBLE += ric.calc_check_digit(IMPOSSIBLE + "0")


def write_messy_register(path: Path) -> dict[int, str]:
    """The done-when register: a title merged over the columns, 填表单位 on row 2, the
    header on row 3, full-width digits, a lower-case x, an ID stored as a number, a bad
    check character, an impossible birth date, one person twice and a phone with dashes.

    Returns Excel row number → a word of the reason that row must be refused with.
    """
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "居民信息"
    sheet.append(["幸福社区居民信息采集表"])
    sheet.merge_cells("A1:G1")
    sheet.append(["填表单位：幸福社区居委会", None, None, None, "填表日期", dt.date(2026, 11, 1)])
    sheet.append(["序号", "姓名", "性别", "公民身份号码", "联系电话", "现住址", "人员类别"])
    sheet.append([1, ZHANG[0], "男", full_width(ZHANG[1]), ZHANG[2], "幸福小区1栋101", "独居老人"])
    sheet.append([2, LI[0], "女", LI[1].lower(), LI[2], "幸福小区1栋102", ""])
    sheet.append([3, WANG[0], "M", WANG[1], "138-0013-8003", "幸福小区2栋201", "低保户、流动人口"])
    sheet.append([4, "赵六", "男", NUMBER_ID, "13800138004", "幸福小区2栋202", ""])  # row 7
    sheet.append([5, "钱七", "女", BAD_CHECKSUM, "13800138005", "幸福小区3栋301", ""])  # row 8
    sheet.append([6, "孙八", "男", IMPOSSIBLE, "13800138006", "幸福小区3栋302", ""])  # row 9
    sheet.append([7, ZHANG[0], "男", ZHANG[1], ZHANG[2], "幸福小区1栋101", ""])  # row 10: twice
    book.save(path)
    return {7: "Excel", 8: "check character", 9: "does not exist", 10: "row 4"}
