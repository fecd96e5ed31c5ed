"""Finding a volunteer or a resident in one box, as the reception page finds a person.

The box is the shared :class:`~ui.widgets.finder.FinderEdit`: here is its lookup over
the love bank's volunteers (:func:`~ui.widgets.finder.sized_finder`), and the register's
own finder (:func:`~ui.widgets.finder.resident_finder`, archived residents marked). The
register-volunteer, record-hours, batch-entry and redemption dialogs all find people
this way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.common.permissions import Actor
from desktop.love_bank.service import LoveBankService
from desktop.residents.service import ResidentService
from ui.love_bank.formatting import points_text
from ui.widgets import finder
from ui.widgets.finder import MATCH_ROWS, FinderEdit, Lookup, sized_finder
from ui.widgets.i18n import Translator

_ = Translator("lovebank")

__all__ = ["MATCH_ROWS", "FinderEdit", "Lookup", "resident_finder", "volunteer_finder"]


def volunteer_finder(
    love_bank: LoveBankService, actor: Actor, host: QWidget, *, placeholder: str = ""
) -> FinderEdit:
    """A ``FinderEdit`` over the volunteers; picks a ``VolunteerRow``."""

    def lookup(text: str) -> tuple[list[tuple[Sequence[str], Any]], int]:
        rows = love_bank.volunteers(actor, text=text, limit=MATCH_ROWS)
        total = len(rows)
        if total == MATCH_ROWS:
            total = love_bank.count_volunteers(actor, text=text)
        shown = [
            (
                (
                    r.name if r.is_active else _("{name} (inactive)", name=r.name),
                    r.phone or "—",
                    r.team or "—",
                    _("{n} points", n=points_text(r.available)),
                ),
                r,
            )
            for r in rows
        ]
        return shown, total

    return sized_finder(
        lookup,
        host,
        ("欧阳秀英（停用）", "138****5678", "幸福社区助老服务队"),
        chars=46,
        placeholder=placeholder or _("Volunteer: name, pinyin initials (zs) or phone"),
        empty_text=_("No volunteer found."),
    )


def resident_finder(residents: ResidentService, actor: Actor, host: QWidget) -> FinderEdit:
    """A ``FinderEdit`` over the residents register (archived ones marked); picks a
    ``ResidentRow``."""
    return finder.resident_finder(residents, actor, host, include_archived=True)
