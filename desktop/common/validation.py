"""Validation and normalisation of what the front desk types: ID numbers and phones.

ID numbers (居民身份证号码, GB 11643) are checked with python-stdnum's ``cn.ric``: length,
digits, the ISO 7064 check character and a real birth date. An unknown area code is
only a warning: codes of abolished counties are still printed on valid cards.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

import phonenumbers
from stdnum.cn import ric
from stdnum.exceptions import InvalidComponent

from desktop.common.errors import DomainError
from desktop.common.i18n import N_


def normalise_text(value: str) -> str:
    """Full-width digits and letters to half-width (NFKC), whitespace removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value or ""))


@dataclass(frozen=True)
class IdNumberInfo:
    number: str
    birth_date: dt.date
    gender: str  # "男" or "女", from the 17th digit
    warnings: tuple[str, ...] = field(default=())


def check_id_number(value: str, *, today: dt.date | None = None) -> IdNumberInfo:
    """Normalise and validate an 18-character ID number or raise ``DomainError``."""
    number = normalise_text(value).upper()
    if not number:
        raise DomainError(N_("Enter the ID number."))
    if len(number) != 18:
        raise DomainError(N_("An ID number has 18 characters; this one has {count}."), count=len(number))
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise DomainError(N_("An ID number is 17 digits followed by a digit or X."))
    if ric.calc_check_digit(number) != number[17]:
        raise DomainError(N_("The check character of this ID number is wrong; please re-check it."))
    try:
        birth = ric.get_birth_date(number)
    except InvalidComponent:
        raise DomainError(
            N_("The birth date {date} in this ID number does not exist."),
            date=f"{number[6:10]}-{number[10:12]}-{number[12:14]}",
        ) from None
    today = today or dt.date.today()
    if birth > today or birth.year < 1880:
        raise DomainError(
            N_("The birth date {date} in this ID number is not possible."), date=birth.isoformat()
        )
    warnings: list[str] = []
    try:
        ric.get_birth_place(number)
    except InvalidComponent:
        warnings.append(N_("The area code {code} is not in the current list (it may have been abolished)."))
    gender = "男" if int(number[16]) % 2 == 1 else "女"
    return IdNumberInfo(number=number, birth_date=birth, gender=gender, warnings=tuple(warnings))


_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def normalise_phone(value: str) -> str:
    """Half-width, without spaces; a landline keeps one dash after its area code."""
    text = normalise_text(value).replace("－", "-").replace("—", "-")
    if text.startswith("+86"):
        text = text[3:]
    digits = text.replace("-", "")
    if _MOBILE.match(digits):
        return digits
    return text


def check_phone(value: str) -> str:
    """Validate a mainland mobile or landline (with area code) number; return it normalised."""
    text = normalise_phone(value)
    if not text:
        raise DomainError(N_("Enter the phone number."))
    if not re.fullmatch(r"[0-9-]+", text):
        raise DomainError(N_("A phone number may contain only digits and a dash."))
    digits = text.replace("-", "")
    if digits.startswith("1"):
        if not _MOBILE.match(digits):
            raise DomainError(N_("A mobile number has 11 digits and starts with 13–19."))
        return digits
    if not digits.startswith("0"):
        raise DomainError(N_("Enter a landline with its area code, e.g. 0533-1234567."))
    try:
        parsed = phonenumbers.parse(digits, "CN")
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        raise DomainError(N_("This landline number is not valid; check the area code and length."))
    national = str(parsed.national_number)
    area_len = 2 if national[:1] == "1" or national[:1] == "2" else 3
    return f"0{national[:area_len]}-{national[area_len:]}"
