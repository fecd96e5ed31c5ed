"""Turning the text of one cell into a value: dates, gender, hours, points, lists.

Registers are typed by many hands: 1980-5-3, 1980.5.3, 1980/05/03, 1980年5月3日,
19800503, a date cell (read as ``1980-05-03 00:00:00``) or the number behind it (an Excel
serial, 29344). Each parser accepts what people write and raises ``DomainError`` with
the reason otherwise; none of them guesses.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from desktop.common.errors import DomainError
from desktop.common.i18n import N_

EXCEL_EPOCH = dt.date(1899, 12, 30)
"""Day 0 of Excel's serial dates (1900 system, counting its false 29 Feb 1900)."""
SERIAL_MIN, SERIAL_MAX = 1, 2958465  # 1900-01-01 … 9999-12-31

_DATE = re.compile(
    r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(:\d{2})?)?$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{1,7}(\.\d+)?$")


def plain(text: str) -> str:
    """Full-width characters to half-width and surrounding spaces removed."""
    return unicodedata.normalize("NFKC", text or "").strip()


def parse_date(text: str) -> dt.date:
    """A date as people and Excel write it; ``DomainError`` if it is not one."""
    value = plain(text)
    match = _DATE.match(value) or _COMPACT.match(value)
    if match:
        year, month, day = (int(match.group(i)) for i in (1, 2, 3))
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise DomainError(N_("{date} is not a real date."), date=value) from None
    if _SERIAL.match(value):
        serial = float(value)
        if SERIAL_MIN <= serial <= SERIAL_MAX and serial == int(serial):
            return EXCEL_EPOCH + dt.timedelta(days=int(serial))
    raise DomainError(N_("{date} is not a date (write it as 1980-5-3)."), date=value)


_GENDERS = {
    "男": "男",
    "男性": "男",
    "M": "男",
    "MALE": "男",
    "1": "男",
    "女": "女",
    "女性": "女",
    "F": "女",
    "FEMALE": "女",
    "2": "女",
}


def parse_gender(text: str) -> str:
    """男/女/M/F/1/2 (as GB/T 2261.1 codes them) → 男 or 女."""
    value = plain(text).upper()
    if value.endswith(".0"):
        value = value[:-2]
    if value in _GENDERS:
        return _GENDERS[value]
    raise DomainError(N_("{value} is not a gender: write 男 or 女 (or M/F, 1/2)."), value=plain(text))


_NUMBER = re.compile(r"^(\d+(?:\.\d+)?)\s*(小时|时|h|H)?$")


def parse_hours(text: str) -> int:
    """Service hours (``120``, ``12.5``, ``12.5小时``) as whole minutes."""
    value = plain(text).replace(",", "")
    match = _NUMBER.match(value)
    if not match:
        raise DomainError(N_("{value} is not a number of hours."), value=value)
    return round(float(match.group(1)) * 60)


def parse_points(text: str) -> int:
    """A points balance: a whole number that is not negative."""
    value = plain(text).replace(",", "")
    if value.endswith(".0"):
        value = value[:-2]
    if not value.isdigit():
        raise DomainError(N_("{value} is not a whole number of points."), value=value)
    return int(value)


def split_list(text: str) -> list[str]:
    """``独居老人、低保户,残疾人`` → the items (comma, 、, semicolon or slash separated)."""
    return [item for item in re.split(r"[,，、;；/|\s]+", plain(text)) if item]


_PHONE_SPLIT = re.compile(r"[,，;；/、]+")


def split_phones(text: str) -> list[str]:
    """One cell holding several numbers (``13812345678/0533-1234567``) → each number."""
    value = plain(text)
    if value.endswith(".0") and value[:-2].isdigit():
        value = value[:-2]  # a phone stored as a number and read through a float
    parts = [p.strip() for p in _PHONE_SPLIT.split(value)]
    return [p for p in parts if p]
