"""Validation and normalisation of what the front desk types: ID numbers, phones and
unified social credit codes.

ID numbers (居民身份证号码, GB 11643) are checked with python-stdnum's ``cn.ric``: length,
digits, the ISO 7064 check character and a real birth date. An unknown area code is
only a warning: codes of abolished counties are still printed on valid cards. A
统一社会信用代码 (GB 32100) whose check character fails is likewise only a warning.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

import phonenumbers
from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidComponent

from desktop.common.errors import DomainError, FieldErrors
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


def id_number_15_to_18(number: str) -> str:
    """An old 15-digit ID number (GB 11643-1989) as the 18-character one (GB 11643-1999).

    The standard rule: the two-digit birth year gets its century "19" (15-digit cards
    were issued only to people born in the 1900s) and the ISO 7064 check character is
    appended. ``110105491231002`` → ``11010519491231002X``.
    """
    if len(number) != 15 or not number.isdigit():
        raise ValueError(number)
    first17 = number[:6] + "19" + number[6:]
    return first17 + ric.calc_check_digit(first17 + "0")  # stdnum skips the last character


_SCIENTIFIC = re.compile(r"^\d(\.\d+)?E\+?\d+$")


def looks_stored_as_number(value: str) -> bool:
    """Whether an ID number has lost digits because Excel stored it as a number.

    Excel keeps 15 significant digits of a number: an 18-digit ID typed into a cell that
    is not formatted as text shows as ``1.10105E+17`` and is stored with its last three
    digits turned into ``000`` (and a reader that passes through a binary float may turn
    those into other digits, ``…1008``). Such a value is recognised by its scientific
    notation, or as 18 digits whose check character fails and that equal their own
    rounding to 15 significant digits. The digits are gone: the caller refuses the value
    and never guesses them.
    """
    text = normalise_text(value).upper()
    if text.endswith(".0"):
        text = text[:-2]
    if _SCIENTIFIC.match(text):
        return True
    if len(text) != 18 or not text.isdigit():
        return False
    if ric.calc_check_digit(text) == text[17]:
        return False
    return text.endswith("000") or float(text) == float(f"{float(text):.15g}")


def check_id_number(value: str, *, today: dt.date | None = None, convert_15: bool = False) -> IdNumberInfo:
    """Normalise and validate an 18-character ID number or raise ``DomainError``.

    ``convert_15``: an old 15-digit number is accepted and converted to 18 digits by the
    standard rule (imports of old registers); the desk's form asks for the 18 digits.
    """
    number = normalise_text(value).upper()
    if not number:
        raise DomainError(N_("Enter the ID number."))
    if convert_15 and len(number) == 15 and number.isdigit():
        number = id_number_15_to_18(number)
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
    except (InvalidComponent, KeyError):  # stdnum's table lacks some counties' names (KeyError)
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


# --- 统一社会信用代码 (GB 32100) -----------------------------------------------------------

CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
"""The 31 characters of GB 32100: digits and capitals without I, O, Z, S, V."""

CIVIL_AFFAIRS_TYPES: dict[str, str] = {"51": "social_group", "52": "non_enterprise", "53": "foundation"}
"""Codes registered by 民政 (first character 5): the second character is the type of
organisation — 1 社会团体, 2 民办非企业单位, 3 基金会 (``ProviderKind`` values)."""


@dataclass(frozen=True)
class CreditCodeInfo:
    code: str
    warnings: tuple[DomainError, ...] = field(default=())

    @property
    def civil_affairs_type(self) -> str | None:
        """The organisation type a 民政 code names (see ``CIVIL_AFFAIRS_TYPES``), or None."""
        return CIVIL_AFFAIRS_TYPES.get(self.code[:2])


def check_credit_code(value: str) -> CreditCodeInfo:
    """Normalise and check a 统一社会信用代码 (GB 32100) or raise ``DomainError``.

    The length and the character set are errors; a wrong check character (the 18th,
    computed with python-stdnum's ``cn.uscc``) is only a warning, because some codes
    issued early are in legal use and yet fail it.
    """
    code = normalise_text(value).upper().replace("-", "")
    if not code:
        raise DomainError(N_("Enter the unified social credit code."))
    if len(code) != 18:
        raise DomainError(
            N_("A unified social credit code has 18 characters; this one has {count}."), count=len(code)
        )
    wrong = sorted({c for c in code if c not in CREDIT_CODE_CHARACTERS})
    if wrong:
        raise DomainError(
            N_(
                "A unified social credit code cannot contain {chars} "
                "(the letters I, O, Z, S and V are not used)."
            ),
            chars="、".join(wrong),
        )
    if not code[2:8].isdigit():
        raise DomainError(N_("Characters 3–8 of a unified social credit code are the area code: six digits."))
    warnings: list[DomainError] = []
    if uscc.calc_check_digit(code) != code[17]:
        warnings.append(
            DomainError(
                N_("The check character of this code should be {expected}; please re-check the code."),
                expected=uscc.calc_check_digit(code),
            )
        )
    return CreditCodeInfo(code=code, warnings=tuple(warnings))


# --- free text: what may be stored --------------------------------------------------------

NAME_MAX = 50
"""Names of people, teams, items, centres, user names (columns are at least 64 wide)."""
TITLE_MAX = 100
"""Titles and short labels (an activity's title, a place)."""
ADDRESS_MAX = 200
REASON_MAX = 2_000
"""Reasons, notes, comments: what one person writes at a desk."""
DESCRIPTION_MAX = 5_000
"""A request's description, a service's scope: the longest free text."""
SEARCH_MAX = 100
"""What a search box looks for; longer input is cut (nothing is stored)."""
IDEMPOTENCY_KEY_MAX = 64
"""The width of ``redemption.idempotency_key``."""

NUL = "\x00"


def text_problem(value: str | None, limit: int | None) -> DomainError | None:
    """Why ``value`` cannot be stored as a free text of at most ``limit`` characters
    (None: any length; the caller checks it with its own message), or None when it can.
    PostgreSQL refuses the NUL character in any text (SQLite would keep it, and most tools
    cut the text there), so it is refused on both backends alike."""
    text = value or ""
    if NUL in text:
        return DomainError(
            N_(
                "The text contains an invisible control character (NUL) that cannot be "
                "stored. Delete it, or type the text again instead of pasting it."
            )
        )
    if limit is not None and len(text) > limit:
        return DomainError(
            N_("This text is too long: at most {limit} characters, it has {count}."),
            limit=limit,
            count=len(text),
        )
    return None


def check_text(value: str | None, limit: int | None, *, field: str | None = None, strip: bool = True) -> str:
    """The one check of every free text a service stores: no NUL character and at most
    ``limit`` characters (after stripping surrounding whitespace). Returns the text;
    raises ``DomainError`` — or ``FieldErrors`` naming ``field`` — otherwise.

    Every entry point that stores or looks up text calls this (or :func:`search_text`),
    so a bad character gets a clear message instead of a driver error, on SQLite and
    PostgreSQL alike, and nothing is written.
    """
    text = (value or "").strip() if strip else (value or "")
    problem = text_problem(text, limit)
    if problem is not None:
        if field is not None:
            raise FieldErrors({field: problem})
        raise problem
    return text


def form_text(errors: dict[str, DomainError], field: str, value: str | None, limit: int | None) -> str:
    """:func:`check_text` for a form whose errors are gathered per field: a problem is
    put in ``errors[field]`` (unless the field already has one); returns the stripped
    text either way."""
    text = (value or "").strip()
    problem = text_problem(text, limit)
    if problem is not None:
        errors.setdefault(field, problem)
    return text


def search_text(value: str | None, limit: int = SEARCH_MAX) -> str:
    """What a search box looks for: control characters (NUL among them) removed, the
    surrounding whitespace stripped and at most ``limit`` characters. Nothing is stored,
    so nothing is refused: the search simply finds what the visible text matches."""
    text = "".join(c for c in (value or "") if c >= " " or c == "\t")
    return text.strip()[:limit]


def stored_text_refused(table: str, column: str, problem: str, limit: int) -> DomainError:
    """The error the unit of work raises (see ``db.uow.Database``'s ``text_error``) when
    a text about to be written has a NUL character or is longer than its column: the
    safety net behind :func:`check_text`, for an entry point that forgot it."""
    if problem == "nul":
        return text_problem(NUL, limit) or DomainError("")
    return DomainError(
        N_("A text is too long to be stored: at most {limit} characters. Nothing was saved."),
        limit=limit,
    )
