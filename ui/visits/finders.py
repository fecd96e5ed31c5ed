"""Finding the resident of a visit in one box, as at reception: name, pinyin initials
(``zs``), phone, ID number or address; the matches float under the box with their grid
and key groups (the people a grid worker visits), ↓/↑ choose and Enter picks. Archived
residents are not offered: they are no longer visited."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.common.permissions import Actor
from desktop.residents.service import ResidentFilter, ResidentService
from ui.widgets.finder import MATCH_ROWS, FinderEdit
from ui.widgets.i18n import Translator

_ = Translator("visits")


def resident_finder(residents: ResidentService, actor: Actor, host: QWidget) -> FinderEdit:
    """A ``FinderEdit`` over the register; picks a ``ResidentRow``."""

    def lookup(text: str) -> tuple[list[tuple[Sequence[str], Any]], int]:
        result = residents.search(actor, ResidentFilter(text=text))
        rows = result.page(0, MATCH_ROWS)
        shown: list[tuple[Sequence[str], Any]] = [
            ((r.name, r.grid or "—", r.tags or "—", r.address), r) for r in rows
        ]
        return shown, result.count

    fm = host.fontMetrics()
    return FinderEdit(
        lookup,
        host,
        columns=4,
        widths=[
            fm.horizontalAdvance("欧阳秀英") + 24,
            fm.horizontalAdvance("幸福社区第10网格") + 24,
            fm.horizontalAdvance("独居老人、困难家庭") + 24,
        ],
        min_width=fm.horizontalAdvance("M") * 60,
        placeholder=_("Resident: name, pinyin initials (zs), phone, ID number or address"),
        empty_text=_("No resident found."),
    )
