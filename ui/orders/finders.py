"""Finding a resident (居民点单, the board's filter) or a volunteer (a session report) in one
box: the shared :func:`~ui.widgets.finder.resident_finder` over the register, and a
:func:`~ui.widgets.finder.sized_finder` over the love bank's active volunteers. Archived
residents are not offered: an order is placed for a resident of the register.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.common.permissions import Actor
from desktop.opening import Services
from ui.widgets import finder
from ui.widgets.finder import MATCH_ROWS, FinderEdit, sized_finder
from ui.widgets.i18n import Translator

_ = Translator("orders")


def resident_finder(services: Services, actor: Actor, host: QWidget) -> FinderEdit:
    """A ``FinderEdit`` over the residents register; picks a ``ResidentRow``."""
    return finder.resident_finder(services.residents, actor, host)


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

    return sized_finder(
        lookup,
        host,
        ("欧阳秀英", "138****5678"),
        chars=40,
        placeholder=_("Add a volunteer: name, pinyin initials or phone"),
        empty_text=_("No volunteer found."),
    )
