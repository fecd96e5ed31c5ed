"""Choosing from a list by typing: categories, departments, volunteers.

Qt-free, so the rules a front-desk user relies on (``lj`` → 垃圾清运, ``环境 垃圾`` →
环境卫生 / 垃圾清运, exact labels) are tested without a window. The pick-list widget
that shows the result is ``ui.widgets.match_popup.MatchPopup``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    """One entry of a pick list: a category or a department."""

    id: int
    label: str  # what the field shows once picked, e.g. "环境卫生 / 垃圾清运"
    names: tuple[str, ...]  # what typing matches, most specific first (child, parent)
    detail: str = ""  # a second column (a department's level)


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").strip().lower()


def _initials(name: str) -> str:
    from desktop.common.pinyin import initials  # loads the pinyin dictionary on first use

    return initials(name, surname_first=False)


def _rank(choice: Choice, token: str) -> int | None:
    """How well one typed word matches a choice (lower is better); None: not at all."""
    for i, name in enumerate(choice.names):
        if name.startswith(token):
            return i * 4
        if token in name:
            return i * 4 + 1
        if token.isascii() and token.isalpha():
            letters = _initials(name)
            if letters.startswith(token):
                return i * 4 + 2
            if token in letters:
                return i * 4 + 3
    return None


def match_choices(choices: Sequence[Choice], text: str) -> list[Choice]:
    """The choices matching what was typed, best first.

    Words may be Chinese characters or pinyin initials, separated by spaces or ``/``;
    each word must match the choice's own name or its parent's: ``垃圾``, ``lj``,
    ``环境 垃圾`` and ``环境卫生 / 垃圾清运`` all find 环境卫生 / 垃圾清运.
    """
    tokens = [t for t in re.split(r"[\s/,，、;；]+", _normalise(text)) if t]
    if not tokens:
        return list(choices)
    scored: list[tuple[int, int, Choice]] = []
    for order, choice in enumerate(choices):
        total = 0
        for token in tokens:
            rank = _rank(choice, token)
            if rank is None:
                break
            total += rank
        else:
            scored.append((total, order, choice))
    scored.sort(key=lambda s: (s[0], s[1]))
    return [c for _rank_, _order, c in scored]


def exact_choice(choices: Sequence[Choice], text: str) -> Choice | None:
    """The choice whose label (or own name, if unique) is exactly the text."""
    t = _normalise(text)
    if not t:
        return None
    for choice in choices:
        if _normalise(choice.label) == t:
            return choice
    named = [c for c in choices if _normalise(c.names[0]) == t]
    return named[0] if len(named) == 1 else None
