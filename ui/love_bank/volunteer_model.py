"""The volunteers list's rows and columns: one search, counted once, read page by page.

A new column in the volunteers list goes here: its constant, its ``Column`` (header and
text) and, for a colour or a tooltip, ``VolunteerTableModel.data``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.common.permissions import Actor
from desktop.love_bank.service import LoveBankService, VolunteerRow
from ui.love_bank.formatting import (
    hours_with_unit,
    points_text,
    star_legend,
    star_name,
    star_progress,
    star_text,
)
from ui.love_bank.tables import CENTRE, RIGHT
from ui.widgets import palette
from ui.widgets.i18n import Translator
from ui.widgets.windowed_model import Column, ServiceRows, WindowedTableModel

_ = Translator("lovebank")

INACTIVE_COLOUR = QColor(palette.GREY)
STAR_COLOUR = QColor(palette.GOLD)


@dataclass(frozen=True)
class VolunteerFilter:
    """What the volunteers list was asked for: the search box and the team."""

    text: str = ""
    team_id: int | None = None


def volunteer_rows(love_bank: LoveBankService, actor: Actor, f: VolunteerFilter) -> ServiceRows[VolunteerRow]:
    """The rows of one search: counted once, then read page by page."""
    return ServiceRows(
        lambda: love_bank.count_volunteers(actor, f.text, f.team_id),
        lambda offset, limit: love_bank.volunteers(actor, f.text, f.team_id, offset, limit),
        filter=f,
    )


COL_NAME, COL_PHONE, COL_TEAM, COL_AVAILABLE, COL_FROZEN, COL_HOURS, COL_STARS = range(7)


def volunteer_columns() -> list[Column[VolunteerRow]]:
    return [
        Column(_("Name"), lambda r: r.name if r.is_active else _("{name} (inactive)", name=r.name)),
        Column(_("Phone"), lambda r: r.phone),
        Column(_("Team"), lambda r: r.team),
        Column(_("Points available"), lambda r: points_text(r.available), align=RIGHT),
        Column(_("Frozen"), lambda r: points_text(r.frozen) if r.frozen else "", align=RIGHT),
        Column(_("Approved hours"), lambda r: hours_with_unit(round(r.hours * 60)), align=RIGHT),
        Column(_("Star level"), lambda r: star_text(r.stars), align=CENTRE),
    ]


class VolunteerTableModel(WindowedTableModel[VolunteerRow]):
    """The windowed model, plus inactive volunteers in grey, star names as tooltips and
    the star levels in the tooltip of the 星级 header."""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            if section == COL_STARS:
                return star_legend()
            if section == COL_HOURS:
                return _("All approved service hours so far")
            return None
        return super().headerData(section, orientation, role)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_at(index.row())
            if row is not None and not row.is_active:
                return INACTIVE_COLOUR
            if row is not None and index.column() == COL_STARS and row.stars:
                return STAR_COLOUR
            return None
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole:
            row = self.row_at(index.row())
            if row is None:
                return None
            if index.column() == COL_STARS:
                return f"{star_name(row.stars)} — {star_progress(round(row.hours * 60))}"
            if index.column() in (COL_NAME, COL_TEAM):
                return super().data(index, Qt.ItemDataRole.DisplayRole) or None
            return None
        return super().data(index, role)
