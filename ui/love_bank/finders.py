"""Finding a volunteer or a resident in one box, as the reception page finds a person.

The box is the shared :class:`~ui.widgets.finder.FinderEdit`; here are its lookups over
the love bank's volunteers and the residents register. The register-volunteer,
record-hours, batch-entry and redemption dialogs all find people this way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.common.permissions import Actor
from desktop.love_bank.service import LoveBankService
from desktop.residents.service import ResidentFilter, ResidentService
from ui.love_bank.formatting import points_text
from ui.widgets.finder import MATCH_ROWS, FinderEdit, Lookup
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

    return _finder(
        lookup,
        host,
        ("欧阳秀英（停用）", "138****5678", "幸福社区助老服务队"),
        46,
        placeholder or _("Volunteer: name, pinyin initials (zs) or phone"),
        _("No volunteer found."),
    )


def resident_finder(residents: ResidentService, actor: Actor, host: QWidget) -> FinderEdit:
    """A ``FinderEdit`` over the residents register (archived ones marked); picks an id."""

    def lookup(text: str) -> tuple[list[tuple[Sequence[str], Any]], int]:
        result = residents.search(actor, ResidentFilter(text=text, include_archived=True))
        rows = result.page(0, MATCH_ROWS)
        shown = [
            (
                (
                    _("{name} (archived)", name=r.name) if r.archived else r.name,
                    r.phone or "—",
                    r.id_number or "—",
                    r.address,
                ),
                r.id,
            )
            for r in rows
        ]
        return shown, result.count

    return _finder(
        lookup,
        host,
        ("欧阳秀英（已归档）", "0533-****5678", "110105********0021"),
        60,
        _("Resident: name, pinyin initials (zs), phone, ID number or address"),
        _("No resident found."),
    )


def _finder(
    lookup: Lookup, host: QWidget, samples: Sequence[str], chars: int, placeholder: str, empty_text: str
) -> FinderEdit:
    """A finder whose list has a column for each of ``samples`` (as wide as it) and one for
    the rest, and is at least ``chars`` wide."""
    fm = host.fontMetrics()
    return FinderEdit(
        lookup,
        host,
        columns=len(samples) + 1,
        widths=[fm.horizontalAdvance(sample) + 24 for sample in samples],
        min_width=fm.horizontalAdvance("M") * chars,
        placeholder=placeholder,
        empty_text=empty_text,
    )
