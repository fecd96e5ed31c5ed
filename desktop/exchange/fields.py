"""What a column of an imported register can mean, and how its header is recognised.

Registers arrive with the headers each office wrote: 身份证号, 公民身份号码, 证件号码 … all
mean the ID number. Each :class:`Field` lists the headers it answers to; a header is
cleaned first (full-width to half-width, spaces, "*" required marks and bracketed notes
such as "（必填）" removed) and then matched exactly, or else by containing one of the
names (the longest wins, so 户籍地址 is not taken for 地址). A column that matches nothing
is shown to the user, who maps or ignores it; that choice is remembered per header.

The headers are a data format shared with other offices and district systems, so they
are kept in Chinese whatever the screen language (``HEADERS``); the screen names of the
fields (``LABELS``) are translated like any other text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from enum import StrEnum

from desktop.common.i18n import N_


class Kind(StrEnum):
    """What is imported: residents (居民) or volunteers (志愿者, who are residents too)."""

    RESIDENTS = "residents"
    VOLUNTEERS = "volunteers"


class Field(StrEnum):
    NAME = "name"
    GENDER = "gender"
    ID_NUMBER = "id_number"
    PHONE = "phone"
    BIRTH_DATE = "birth_date"
    ADDRESS = "address"
    HOUSEHOLD_ADDRESS = "household_address"
    GRID = "grid"
    BUILDING = "building"
    UNIT = "unit"
    ROOM = "room"
    RESIDENCE_STATUS = "residence_status"
    ETHNICITY = "ethnicity"
    POLITICAL_STATUS = "political_status"
    TAGS = "tags"
    NOTES = "notes"
    TEAM = "team"
    JOINED_ON = "joined_on"
    HOURS = "hours"
    POINTS = "points"


LABELS: dict[Field, str] = {
    Field.NAME: N_("Name"),
    Field.GENDER: N_("Gender"),
    Field.ID_NUMBER: N_("ID number"),
    Field.PHONE: N_("Phone"),
    Field.BIRTH_DATE: N_("Birth date"),
    Field.ADDRESS: N_("Address"),
    Field.HOUSEHOLD_ADDRESS: N_("Registered (hukou) address"),
    Field.GRID: N_("Grid"),
    Field.BUILDING: N_("Building"),
    Field.UNIT: N_("Unit"),
    Field.ROOM: N_("Room"),
    Field.RESIDENCE_STATUS: N_("Residence status"),
    Field.ETHNICITY: N_("Ethnicity"),
    Field.POLITICAL_STATUS: N_("Political status"),
    Field.TAGS: N_("Key groups"),
    Field.NOTES: N_("Notes"),
    Field.TEAM: N_("Volunteer team"),
    Field.JOINED_ON: N_("Registration date"),
    Field.HOURS: N_("Total service hours"),
    Field.POINTS: N_("Points balance"),
}

HEADERS: dict[Field, str] = {
    Field.NAME: "姓名",
    Field.GENDER: "性别",
    Field.ID_NUMBER: "身份证号",
    Field.PHONE: "联系电话",
    Field.BIRTH_DATE: "出生日期",
    Field.ADDRESS: "现住址",
    Field.HOUSEHOLD_ADDRESS: "户籍地址",
    Field.GRID: "网格",
    Field.BUILDING: "楼栋",
    Field.UNIT: "单元",
    Field.ROOM: "门牌",
    Field.RESIDENCE_STATUS: "人户状态",
    Field.ETHNICITY: "民族",
    Field.POLITICAL_STATUS: "政治面貌",
    Field.TAGS: "重点人群",
    Field.NOTES: "备注",
    Field.TEAM: "服务队",
    Field.JOINED_ON: "注册日期",
    Field.HOURS: "累计服务时长",
    Field.POINTS: "积分余额",
}
"""The one Chinese header of each field: templates and exports write these."""

ALIASES: dict[Field, tuple[str, ...]] = {
    Field.NAME: ("姓名", "居民姓名", "志愿者姓名", "名字"),
    Field.GENDER: ("性别",),
    Field.ID_NUMBER: ("身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证"),
    Field.PHONE: ("联系电话", "手机号", "手机号码", "电话", "手机", "联系方式", "电话号码"),
    Field.BIRTH_DATE: ("出生日期", "出生年月", "生日"),
    Field.ADDRESS: ("现住址", "家庭住址", "住址", "居住地址", "现居住地址", "地址"),
    Field.HOUSEHOLD_ADDRESS: ("户籍地址", "户籍地", "户口所在地", "户籍所在地"),
    Field.GRID: ("网格", "所属网格", "网格名称"),
    Field.BUILDING: ("楼栋", "楼号", "栋"),
    Field.UNIT: ("单元",),
    Field.ROOM: ("门牌", "房号", "门牌号", "户号", "室"),
    Field.RESIDENCE_STATUS: ("人户状态", "人户情况"),
    Field.ETHNICITY: ("民族",),
    Field.POLITICAL_STATUS: ("政治面貌",),
    Field.TAGS: ("重点人群", "人员类别", "标签", "人群类别", "特殊人群"),
    Field.NOTES: ("备注", "说明"),
    Field.TEAM: ("服务队", "志愿服务队", "所属服务队", "队伍"),
    Field.JOINED_ON: ("注册日期", "注册时间", "加入日期"),
    Field.HOURS: ("累计服务时长", "服务时长", "累计时长", "服务小时数", "累计服务时间"),
    Field.POINTS: ("积分余额", "积分", "剩余积分", "可用积分"),
}

RESIDENT_FIELDS: tuple[Field, ...] = (
    Field.NAME,
    Field.GENDER,
    Field.ID_NUMBER,
    Field.PHONE,
    Field.BIRTH_DATE,
    Field.ADDRESS,
    Field.HOUSEHOLD_ADDRESS,
    Field.GRID,
    Field.BUILDING,
    Field.UNIT,
    Field.ROOM,
    Field.RESIDENCE_STATUS,
    Field.ETHNICITY,
    Field.POLITICAL_STATUS,
    Field.TAGS,
    Field.NOTES,
)
VOLUNTEER_FIELDS: tuple[Field, ...] = RESIDENT_FIELDS + (
    Field.TEAM,
    Field.JOINED_ON,
    Field.HOURS,
    Field.POINTS,
)

# Fields whose cells Excel must keep as text (a number format would eat their digits).
TEXT_FIELDS = frozenset({Field.ID_NUMBER, Field.PHONE})

RESIDENCE_STATUSES = ("人在户在", "人在户不在", "户在人不在")
GENDER_CHOICES = ("男", "女")

INSTRUCTIONS = "填写说明"
"""The first cell of a template's instruction row (the importer skips that row)."""


def fields_of(kind: Kind) -> tuple[Field, ...]:
    return VOLUNTEER_FIELDS if kind == Kind.VOLUNTEERS else RESIDENT_FIELDS


_NOTE = re.compile(r"[（(\[【].*?[）)\]】]")


def clean_header(text: str) -> str:
    """``" 身份证号码*（必填） "`` → ``身份证号码``: the words that name the column."""
    value = unicodedata.normalize("NFKC", text or "")
    value = _NOTE.sub("", value)
    return re.sub(r"[\s*:：]+", "", value)


_VALUES = frozenset(f.value for f in Field)
_BY_ALIAS: dict[str, Field] = {alias: f for f, names in ALIASES.items() for alias in names}
_LONGEST_FIRST = sorted(_BY_ALIAS, key=len, reverse=True)


def match_header(text: str, allowed: Sequence[Field] = VOLUNTEER_FIELDS) -> Field | None:
    """The field a header names, or None if it is not one of the known headers."""
    header = clean_header(text)
    if not header:
        return None
    found = _BY_ALIAS.get(header)
    if found is None and len(header) <= 12:
        # "居民身份证号码", "联系电话（手机）" …: a known name inside a short header.
        found = next((_BY_ALIAS[a] for a in _LONGEST_FIRST if len(a) >= 2 and a in header), None)
    return found if found in allowed else None


ColumnMap = dict[int, Field]
"""Column index → field; columns not in it are ignored."""


def auto_mapping(
    headers: Sequence[str], kind: Kind, remembered: Mapping[str, str] | None = None
) -> ColumnMap:
    """Each column's field: what the user chose for that header before, else the known
    names; a field is given to one column only (the first that claims it)."""
    allowed = fields_of(kind)
    remembered = remembered or {}
    mapping: ColumnMap = {}
    taken: set[Field] = set()
    for index, header in enumerate(headers):
        key = clean_header(header)
        if key in remembered:
            choice = remembered[key]
            field = Field(choice) if choice in _VALUES else None
        else:
            field = match_header(header, allowed)
        if field is not None and field in allowed and field not in taken:
            mapping[index] = field
            taken.add(field)
    return mapping


def remembered_choices(headers: Sequence[str], mapping: Mapping[int, Field]) -> dict[str, str]:
    """What to remember of a mapping the user confirmed: header → field ("" = ignored).

    Only headers that needed a choice are kept: a header the known names map anyway
    is remembered only when the user mapped it differently.
    """
    out: dict[str, str] = {}
    for index, header in enumerate(headers):
        key = clean_header(header)
        if not key:
            continue
        chosen = mapping.get(index)
        known = match_header(header)
        if chosen != known:
            out[key] = chosen.value if chosen is not None else ""
    return out
