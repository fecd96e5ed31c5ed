"""Money in 元 with two decimals, kept as integers of fen (分), never as floats.

``format_yuan`` writes fen for people (``123450`` → ``"1,234.50"``); ``parse_yuan``
reads what they type (``"1,234.5"``, ``"１２３４．５"``, ``"¥1234.50"``, ``"1234元"``) into fen,
or raises a ``DomainError`` that says what is wrong with the text.
"""

from __future__ import annotations

import re
import unicodedata

from desktop.common.errors import DomainError
from desktop.common.i18n import N_

MAX_FEN = 10_000_000_000  # 一亿元: far above any order or fund of a community centre

_NUMBER = re.compile(r"(\d+)(?:\.(\d*))?")


def format_yuan(fen: int, *, grouping: bool = True) -> str:
    """``123450`` → ``"1,234.50"`` (``grouping=False``: ``"1234.50"``); negatives keep a minus."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(int(fen)), 100)
    return f"{sign}{whole:,}.{cents:02d}" if grouping else f"{sign}{whole}.{cents:02d}"


def format_yuan_unit(fen: int) -> str:
    """``123450`` → ``"1,234.50 元"`` (for messages and printouts)."""
    return f"{format_yuan(fen)} 元"


def parse_yuan(text: str, *, allow_zero: bool = False) -> int:
    """What the user typed as an amount of 元 → fen.

    Accepts full-width characters, thousands separators (``,`` ``，``), a leading ``¥``
    or ``￥`` and a trailing ``元``. Refuses an empty text, anything that is not a
    number, more than two decimals, a negative amount, zero (unless ``allow_zero``)
    and amounts of a hundred million 元 or more.
    """
    raw = unicodedata.normalize("NFKC", text or "").strip()
    cleaned = re.sub(r"\s+", "", raw).replace(",", "").replace("，", "")
    cleaned = cleaned.removeprefix("¥").removeprefix("￥").removesuffix("元")
    if not cleaned:
        raise DomainError(N_("Enter an amount in yuan, e.g. 1234.50."))
    if cleaned.startswith("-"):
        raise DomainError(N_("The amount cannot be negative."))
    if cleaned.startswith("+"):
        cleaned = cleaned[1:]
    if cleaned.startswith("."):
        cleaned = "0" + cleaned
    match = _NUMBER.fullmatch(cleaned)
    if match is None:
        raise DomainError(N_("“{text}” is not an amount; type digits and at most one point."), text=raw)
    whole, decimals = match.group(1), match.group(2) or ""
    if len(decimals) > 2:
        raise DomainError(N_("An amount has at most two decimals (fen); “{text}” has more."), text=raw)
    if len(whole) > 12:
        raise DomainError(N_("The amount is too large."))
    fen = int(whole) * 100 + int((decimals + "00")[:2])
    if fen >= MAX_FEN:
        raise DomainError(N_("The amount is too large."))
    if fen == 0 and not allow_zero:
        raise DomainError(N_("The amount must be more than zero."))
    return fen
