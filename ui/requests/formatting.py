"""How the requests screens write a request's times, deadline and resident, and draw its
urgency dot.

The list, the start page, the detail dialog and reception all show the same facts; they
take the words and the dots from here so that a request reads the same on every screen.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from desktop.requests.clocks import CLOCK_LABELS
from desktop.requests.service import RequestRow
from ui.widgets.i18n import Translator, desktop_text
from ui.widgets.palette import DISABLED, URGENCY_COLOURS

_ = Translator("requests")


def format_time(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def format_due(value: dt.datetime | None, today: dt.date | None = None) -> str:
    """A due moment, short when it is this year: ``11-23 09:30``."""
    if value is None:
        return ""
    today = today or dt.date.today()
    return value.strftime("%m-%d %H:%M") if value.year == today.year else value.strftime("%Y-%m-%d %H:%M")


def deadline_text(row: RequestRow) -> str:
    """The clock now running and when it falls due: ``办结 11-23 09:30 前``."""
    if not row.clock or row.due_at is None:
        return ""
    return _("{clock} by {time}", clock=desktop_text(CLOCK_LABELS[row.clock]), time=format_due(row.due_at))


def resident_text(row: RequestRow) -> str:
    """The resident's name, with the head count of a group visit."""
    if row.head_count > 1:
        return _("{name} ({n} people)", name=row.resident_name, n=row.head_count)
    return row.resident_name


_DOTS: dict[tuple[str, int, int], QIcon] = {}


def dot_icon(colour: str, *, size: int = 14, diameter: int = 12) -> QIcon:
    """A filled circle of ``diameter`` centred in a ``size`` square, made once per look."""
    key = (colour, size, diameter)
    icon = _DOTS.get(key)
    if icon is None:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        offset = (size - diameter) // 2
        painter.drawEllipse(offset, offset, diameter, diameter)
        painter.end()
        icon = _DOTS[key] = QIcon(pixmap)
    return icon


def urgency_dot(urgency: str, *, size: int = 14, diameter: int = 12) -> QIcon:
    """The 红/黄/绿 dot of an urgency (grey for an unknown one)."""
    return dot_icon(URGENCY_COLOURS.get(urgency, DISABLED), size=size, diameter=diameter)
