"""The service records list's rows and columns (the 服务时长 page).

One filter's records are read at once (a few hundred at most: pending hours are decided
long before that) and shown through ``ServiceRows.from_list``. Rejected records are grey.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.love_bank.service import APPROVED, REJECTED, ServiceRow
from ui.love_bank.formatting import format_date, hours_text, points_text, record_status_text
from ui.love_bank.tables import CENTRE, RIGHT
from ui.widgets import palette
from ui.widgets.i18n import Translator
from ui.widgets.windowed_model import Column, WindowedTableModel

_ = Translator("lovebank")

REJECTED_COLOUR = QColor(palette.GREY)


COL_DATE, COL_VOLUNTEER, COL_HOURS, COL_ACTIVITY, COL_DESCRIPTION, COL_STATUS, COL_RESULT = range(7)


def result_text(r: ServiceRow) -> str:
    if r.status == APPROVED:
        return _("{n} points", n=points_text(r.points))
    if r.status == REJECTED:
        return r.reason
    return ""


def record_columns() -> list[Column[ServiceRow]]:
    return [
        Column(_("Date"), lambda r: format_date(r.served_on)),
        Column(_("Volunteer"), lambda r: r.volunteer),
        Column(_("Hours"), lambda r: hours_text(r.minutes), align=RIGHT),
        Column(_("Activity"), lambda r: r.activity),
        Column(_("Description"), lambda r: r.description),
        Column(_("Status"), lambda r: record_status_text(r.status), align=CENTRE),
        Column(_("Points / reason"), result_text),
    ]


class RecordTableModel(WindowedTableModel[ServiceRow]):
    """The windowed model, plus rejected records in grey and long texts as tooltips."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_at(index.row())
            return REJECTED_COLOUR if row is not None and row.status == REJECTED else None
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole:
            if index.column() in (COL_ACTIVITY, COL_DESCRIPTION, COL_RESULT):
                return super().data(index, Qt.ItemDataRole.DisplayRole) or None
            return None
        return super().data(index, role)
