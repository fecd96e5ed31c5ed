"""A date field that Tab leaves, like every other field.

Qt's ``QDateEdit`` uses Tab to move between its year, month and day: a form typed
through with Tab (name, ID number, Tab, phone, Tab, address) lands in the date's
sections, and while the date shows its "empty" text (the special value text of the
minimum date) Tab does nothing at all, so the keyboard is trapped and what is typed
next is lost (defect #1 of issue #8). :class:`DateField` lets Tab and Shift+Tab move to
the next and previous field; inside the date, the digits typed move on to the next
section by themselves, and ←/→ move between sections.

:func:`to_date` and :func:`to_qdate` turn Qt's dates into Python's and back, typed (Qt's
own ``toPython`` is not).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget


def to_date(value: QDate) -> dt.date:
    """The day a date field shows."""
    return dt.date(value.year(), value.month(), value.day())


def to_qdate(value: dt.date) -> QDate:
    """``value`` for a date field."""
    return QDate(value.year, value.month, value.day)


class DateField(QDateEdit):
    """A ``QDateEdit`` in which Tab moves on to the next field."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt override
        return QWidget.focusNextPrevChild(self, next)


__all__ = ["DateField", "to_date", "to_qdate"]
