"""Pinyin initials for finding a resident by typing ``zs`` for 张三."""

from __future__ import annotations

from functools import lru_cache

# Surnames read differently from the character's everyday reading, which is what
# pypinyin gives: 曾 is Zēng as a surname, not céng; 单 is Shàn, not dān.
SURNAME_INITIALS = {
    "单": "s",
    "曾": "z",
    "解": "x",
    "仇": "q",
    "查": "z",
    "区": "o",
    "翟": "z",
    "覃": "q",
    "种": "c",
    "繁": "p",
    "秘": "b",
    "召": "s",
    "折": "s",
}


@lru_cache(maxsize=65536)
def initials(name: str, *, surname_first: bool = True) -> str:
    """Lower-case pinyin initials of a Chinese name; other characters kept as typed.

    ``surname_first=False`` for a given name alone (its first character is no surname).
    """
    # pypinyin loads its dictionary on import (~0.5 s): only when a name is saved.
    from pypinyin import Style, lazy_pinyin

    letters = lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default")
    if surname_first and name[:1] in SURNAME_INITIALS:  # a name starts with the surname
        letters[0] = SURNAME_INITIALS[name[0]]
    return "".join(letters).lower().replace(" ", "")
