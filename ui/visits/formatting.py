"""The words and colours of the visits screens: how a visit was made, how often a key
group is visited, a resident's status on the plan, the 七必报 items — all from the core's
labels, translated — and the colour of each status (from :mod:`ui.widgets.palette`)."""

from __future__ import annotations

import datetime as dt

from desktop.visits.plan import STATUS_LABELS, Status
from desktop.visits.rules import (
    ACTION_ITEMS,
    FREQUENCY_LABELS,
    ITEM_LABELS,
    METHOD_LABELS,
    REGISTER_ITEMS,
    Frequency,
    Method,
    ReportItem,
)
from ui.widgets import palette
from ui.widgets.i18n import Translator, desktop_text

_ = Translator("visits")

METHODS: tuple[Method, ...] = (Method.HOME, Method.PHONE, Method.CENTRE)
ITEMS: tuple[ReportItem, ...] = tuple(ReportItem)
PLANNED_FREQUENCIES: tuple[Frequency, ...] = (
    Frequency.WEEKLY,
    Frequency.MONTHLY,
    Frequency.QUARTERLY,
    Frequency.NONE,
)

STATUS_COLOURS: dict[str, str] = {
    Status.OVERDUE: palette.RED,
    Status.DUE: palette.INK,
    Status.DONE: palette.GREEN,
}
"""Text colour of a row of the due list by its status: overdue red, done green."""


def method_text(method: str) -> str:
    return desktop_text(METHOD_LABELS.get(method, method))


def frequency_text(frequency: str) -> str:
    return desktop_text(FREQUENCY_LABELS.get(frequency, frequency))


def status_text(status: str) -> str:
    """逾期 / 待走访 / 已走访 (the screens' own words: 超时 is a request's clock)."""
    texts: dict[str, str] = {
        Status.OVERDUE: _("Overdue visit"),
        Status.DUE: _("To visit"),
        Status.DONE: _("Visited"),
    }
    return texts.get(status, desktop_text(STATUS_LABELS.get(status, status)))


def item_text(item: str) -> str:
    return desktop_text(ITEM_LABELS.get(item, item))


def items_text(items: tuple[str, ...] | list[str]) -> str:
    return "、".join(item_text(i) for i in items)


def needs_action(item: str) -> bool:
    """A ticked item of this kind becomes a request (网格员上报) when the visit is saved."""
    return item in ACTION_ITEMS


def for_register(item: str) -> bool:
    """A ticked item of this kind asks for an update of the register."""
    return item in REGISTER_ITEMS


def day_text(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


def month_text(day: dt.date) -> str:
    return f"{day.year}-{day.month:02d}"
