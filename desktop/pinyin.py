"""Pinyin initials for finding a resident by typing ``zs`` for 张三."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)
def initials(name: str) -> str:
    """Lower-case pinyin initials of a Chinese name; other characters kept as typed."""
    # pypinyin loads its dictionary on import (~0.5 s): only when a name is saved.
    from pypinyin import Style, lazy_pinyin

    letters = lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default")
    return "".join(letters).lower().replace(" ", "")
