"""The three tables of a volunteer's page: the 积分明细 statement, the service records and
the redemptions.

Each is a read-only ``QTableWidget`` that knows its columns, their widths and how to
show its rows (colours, tooltips, a struck-out reversed entry), with the grey hint over
it when it is empty. The volunteer dialog (``volunteer_detail``) holds them and decides
what to read and when; these classes only show what they are given.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QTableWidget

from desktop.love_bank import ledger
from desktop.love_bank.receipt import redemption_number
from desktop.love_bank.service import (
    APPROVED,
    CANCELLED,
    FROZEN,
    REJECTED,
    RedemptionRow,
    ServiceRow,
    StatementLine,
)
from ui.love_bank.formatting import (
    entry_kind_text,
    format_date,
    hours_text,
    points_text,
    record_status_text,
    redemption_items,
    redemption_status_text,
    signed,
    statement_note,
)
from ui.love_bank.tables import CENTRE, RIGHT, item
from ui.widgets import palette
from ui.widgets.i18n import Translator, desktop_text
from ui.widgets.list_page import EmptyHint, setup_table, size_columns

_ = Translator("lovebank")

REVERSED_COLOUR = QColor(palette.GREY)
MINUS_COLOUR = QColor(palette.DARK_RED)
PLUS_COLOUR = QColor(palette.DARK_GREEN)
WAITING_COLOUR = QColor(palette.AMBER)

# Statement columns.
S_DATE, S_KIND, S_CHANGE, S_FROZEN, S_BALANCE, S_NOTE, S_USER = range(7)
# Service record columns.
R_DATE, R_HOURS, R_ACTIVITY, R_DESCRIPTION, R_STATUS, R_POINTS = range(6)
# Redemption columns.
D_DATE, D_NUMBER, D_POINTS, D_STATUS, D_ITEMS = range(5)


class StatementTable(QTableWidget):
    """积分明细: every ledger entry with the balance after it; a reversed entry is greyed."""

    def __init__(self) -> None:
        headers = [_("Date"), _("Kind"), _("Change"), _("Frozen change"), _("Balance"), _("Note"), _("By")]
        super().__init__(0, len(headers))
        self.setHorizontalHeaderLabels(headers)
        setup_table(self)
        size_columns(
            self,
            {
                S_DATE: "2026-11-23 09:30",
                S_KIND: _("{kind} (reversed)", kind=desktop_text(ledger.KIND_LABELS[ledger.REVERSAL])),
                S_CHANGE: "+10,000",
                S_FROZEN: "+10,000",
                S_BALANCE: "100,000",
                S_NOTE: "2026-11-23 2.5 小时 助老服务 重阳节活动",
                S_USER: "xietiao01",
            },
            headers,
        )
        self.empty = EmptyHint(self)

    def fill(self, lines: Sequence[StatementLine], keep: int | None = None) -> None:
        """Show ``lines``, selecting the one with id ``keep``."""
        self.setRowCount(len(lines))
        by_id = {line.id: line for line in lines}
        for row, line in enumerate(lines):
            note = statement_note(line)
            if line.reverses_id is not None and line.reverses_id in by_id:
                original = by_id[line.reverses_id]
                note = _("Reverses the entry of {date}: {note}", date=format_date(original.at), note=note)
            cells = [
                item(format_date(line.at), data=line.id),
                item(entry_kind_text(line)),
                item(signed(line.delta) if line.delta else "", RIGHT),
                item(signed(line.frozen_delta) if line.frozen_delta else "", RIGHT),
                item(points_text(line.balance), RIGHT),
                item(note),
                item(line.username),
            ]
            cells[S_NOTE].setToolTip(note)
            if line.reversed:
                font = QFont()
                font.setStrikeOut(True)
                for c in cells:
                    c.setForeground(REVERSED_COLOUR)
                for c in (cells[S_CHANGE], cells[S_FROZEN]):
                    c.setFont(font)
                cells[S_KIND].setToolTip(_("Corrected by a reversing entry further down"))
            else:
                for c, value in ((cells[S_CHANGE], line.delta), (cells[S_FROZEN], line.frozen_delta)):
                    if value:
                        c.setForeground(PLUS_COLOUR if value > 0 else MINUS_COLOUR)
            for column, cell in enumerate(cells):
                self.setItem(row, column, cell)
            if line.id == keep:
                self.selectRow(row)
        self.empty.show_text(None if lines else _("No points yet."))


class RecordsTable(QTableWidget):
    """服务记录: the volunteer's recorded hours, with the points or the reason of a rejection."""

    def __init__(self) -> None:
        headers = [_("Date"), _("Hours"), _("Activity"), _("Description"), _("Status"), _("Points / reason")]
        super().__init__(0, len(headers))
        self.setHorizontalHeaderLabels(headers)
        setup_table(self)
        size_columns(
            self,
            {
                R_DATE: "2026-11-23",
                R_HOURS: "24",
                R_ACTIVITY: "重阳节敬老助老志愿服务",
                R_DESCRIPTION: "陪伴独居老人、打扫卫生、代购",
                R_STATUS: _("Approved"),
            },
            headers,
        )
        self.empty = EmptyHint(self)

    def fill(self, rows: Sequence[ServiceRow]) -> None:
        self.setRowCount(len(rows))
        for row, r in enumerate(rows):
            result = points_text(r.points) if r.status == APPROVED else r.reason
            cells = [
                item(format_date(r.served_on), data=r.id),
                item(hours_text(r.minutes), RIGHT),
                item(r.activity),
                item(r.description),
                item(record_status_text(r.status), CENTRE),
                item(result),
            ]
            cells[R_DESCRIPTION].setToolTip(r.description)
            cells[R_POINTS].setToolTip(result)
            if r.status == REJECTED:
                for c in cells:
                    c.setForeground(REVERSED_COLOUR)
            for column, cell in enumerate(cells):
                self.setItem(row, column, cell)
        self.empty.show_text(None if rows else _("No service hours recorded yet."))


class RedemptionsTable(QTableWidget):
    """兑换记录: the volunteer's redemptions; those waiting for handover stand out."""

    def __init__(self) -> None:
        headers = [_("Date"), _("Number"), _("Points"), _("Status"), _("Items")]
        super().__init__(0, len(headers))
        self.setHorizontalHeaderLabels(headers)
        setup_table(self)
        size_columns(
            self,
            {
                D_DATE: "2026-11-23 09:30",
                D_NUMBER: "DH000123",
                D_POINTS: "10,000",
                D_STATUS: _("Waiting for handover"),
            },
            headers,
        )
        self.empty = EmptyHint(self)

    def fill(self, rows: Sequence[RedemptionRow], keep: int | None = None) -> None:
        """Show ``rows``, selecting the redemption with id ``keep``."""
        self.setRowCount(len(rows))
        for row, r in enumerate(rows):
            cells = [
                item(format_date(r.created_at), data=r.id),
                item(redemption_number(r.id)),
                item(points_text(r.points), RIGHT),
                item(redemption_status_text(r.status), CENTRE),
                item(redemption_items(r)),
            ]
            cells[D_ITEMS].setToolTip(redemption_items(r))
            if r.status == FROZEN:
                cells[D_STATUS].setForeground(WAITING_COLOUR)
            elif r.status == CANCELLED:
                for c in cells:
                    c.setForeground(REVERSED_COLOUR)
            for column, cell in enumerate(cells):
                self.setItem(row, column, cell)
            if r.id == keep:
                self.selectRow(row)
        self.empty.show_text(None if rows else _("No redemptions yet."))
