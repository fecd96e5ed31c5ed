"""Finding a resident (居民点单, the board's filter) or a volunteer (a session report) in one
box: the shared :class:`~ui.widgets.finder.FinderEdit` over the register and the love
bank's volunteers. Archived residents are not offered: an order is placed for a resident
of the register.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.common.permissions import Actor
from desktop.opening import Services
from desktop.residents.service import ResidentFilter
from ui.widgets.finder import MATCH_ROWS, FinderEdit
from ui.widgets.i18n import Translator

_ = Translator("orders")


def resident_finder(services: Services, actor: Actor, host: QWidget) -> FinderEdit:
    """A ``FinderEdit`` over the residents register; picks a ``ResidentRow``."""

    def lookup(text: str) -> tuple[list[tuple[Sequence[str], Any]], int]:
        result = services.residents.search(actor, ResidentFilter(text=text))
        rows = result.page(0, MATCH_ROWS)
        shown: list[tuple[Sequence[str], Any]] = [
            ((r.name, r.phone or "—", r.grid or "—", r.address), r) for r in rows
        ]
        return shown, result.count

    fm = host.fontMetrics()
    return FinderEdit(
        lookup,
        host,
        columns=4,
        widths=[
            fm.horizontalAdvance("欧阳秀英") + 24,
            fm.horizontalAdvance("0533-****5678") + 24,
            fm.horizontalAdvance("幸福社区第10网格") + 24,
        ],
        min_width=fm.horizontalAdvance("M") * 56,
        placeholder=_("Resident: name, pinyin initials (zs), phone, ID number or address"),
        empty_text=_("No resident found."),
    )


def volunteer_finder(services: Services, actor: Actor, host: QWidget) -> FinderEdit:
    """A ``FinderEdit`` over the love bank's active volunteers; picks a ``VolunteerRow``."""
    love_bank = services.love_bank

    def lookup(text: str) -> tuple[list[tuple[Sequence[str], Any]], int]:
        rows = [r for r in love_bank.volunteers(actor, text=text, limit=MATCH_ROWS) if r.is_active]
        total = len(rows)
        if total == MATCH_ROWS:
            total = love_bank.count_volunteers(actor, text=text)
        shown: list[tuple[Sequence[str], Any]] = [((r.name, r.phone or "—", r.team or "—"), r) for r in rows]
        return shown, total

    fm = host.fontMetrics()
    return FinderEdit(
        lookup,
        host,
        columns=3,
        widths=[fm.horizontalAdvance("欧阳秀英") + 24, fm.horizontalAdvance("138****5678") + 24],
        min_width=fm.horizontalAdvance("M") * 40,
        placeholder=_("Add a volunteer: name, pinyin initials or phone"),
        empty_text=_("No volunteer found."),
    )
