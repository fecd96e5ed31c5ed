"""The pieces every service-order dialog is made of: a step dialog on one order, amounts
in 元, counts, days, notes and lists to tick.

Every field is usable from the keyboard alone: Tab leaves notes and dates (no trap),
Space ticks a list's line, Ctrl+Enter saves a dialog from anywhere in it. An amount is
read with the core's ``parse_yuan`` (1,234.5 / １２３４．５ / ¥1234 元 …), and what it
says is wrong is shown under the field like every other error of the core.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import Actor
from desktop.orders.money import parse_yuan
from desktop.orders.queries import OrderDetail
from desktop.orders.service import OrderService
from ui.orders.formatting import INACTIVE_COLOUR
from ui.widgets.date_field import DateField
from ui.widgets.forms import FieldBox, FormDialog
from ui.widgets.i18n import Translator

_ = Translator("orders")


def note_edit(placeholder: str = "", lines: int = 3) -> QPlainTextEdit:
    """A multi-line note about ``lines`` high; Tab leaves it, Ctrl+Enter saves the dialog."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    line = edit.fontMetrics().lineSpacing()
    edit.setMinimumHeight(line * lines + 16)
    edit.setMaximumHeight(line * (lines * 2) + 16)
    return edit


def money_edit(fen: int | None = None, placeholder: str = "") -> QLineEdit:
    """An amount in 元 with two decimals, right-aligned (``1234.50``)."""
    edit = QLineEdit()
    edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    edit.setPlaceholderText(placeholder or _("e.g. 1200.00"))
    edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0") * 18 + 24)
    if fen is not None:
        edit.setText(f"{fen // 100}.{fen % 100:02d}")
    return edit


def read_money(
    edit: QLineEdit, field: str, errors: dict[str, DomainError], *, allow_zero: bool = False
) -> int:
    """The fen typed in ``edit``; a mistake goes into ``errors`` under ``field`` (0 then)."""
    try:
        return parse_yuan(edit.text(), allow_zero=allow_zero)
    except DomainError as exc:
        errors[field] = exc
        return 0


def optional_money(edit: QLineEdit, field: str, errors: dict[str, DomainError]) -> int | None:
    """Like :func:`read_money`, but an empty field means "none"."""
    if not edit.text().strip():
        return None
    return read_money(edit, field, errors)


def raise_if(errors: dict[str, DomainError]) -> None:
    if errors:
        raise FieldErrors(errors)


def count_spin(maximum: int, value: int = 0, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, maximum)
    spin.setValue(value)
    spin.setAccelerated(True)
    if suffix:
        spin.setSuffix(suffix)
    spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0") * 9 + 40)
    spin.setMaximumWidth(spin.fontMetrics().horizontalAdvance("0 working days") + 60)
    return spin


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def date_edit(value: dt.date) -> DateField:
    """A day with its calendar (Alt+↓), ``2026-12-07``; Tab leaves it."""
    edit = DateField()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(to_qdate(value))
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("2026-12-31") + 56)
    edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("2026-12-31") + 90)
    return edit


@dataclass(frozen=True)
class Tick:
    """One line of a list to tick."""

    text: str
    data: Any
    checked: bool = False
    enabled: bool = True
    tip: str = ""


def tick_list(ticks: Iterable[Tick], *, rows: int = 5) -> QListWidget:
    """A list whose lines are ticked with Space or a click; disabled lines are grey and
    say why in their tooltip."""
    widget = QListWidget()
    widget.setSpacing(1)
    widget.setToolTip(_("Space ticks or unticks the line"))
    fill_ticks(widget, ticks)
    line = widget.fontMetrics().height() + 8
    widget.setMinimumHeight(line * rows + 6)
    widget.setMaximumHeight(line * (rows + 3) + 6)
    return widget


def fill_ticks(widget: QListWidget, ticks: Iterable[Tick]) -> None:
    widget.clear()
    for tick in ticks:
        item = QListWidgetItem(tick.text)
        item.setData(Qt.ItemDataRole.UserRole, tick.data)
        flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
        if tick.enabled:
            flags |= Qt.ItemFlag.ItemIsEnabled
        else:
            item.setForeground(QBrush(QColor(INACTIVE_COLOUR)))
        item.setFlags(flags)
        item.setCheckState(Qt.CheckState.Checked if tick.checked else Qt.CheckState.Unchecked)
        if tick.tip:
            item.setToolTip(tick.tip)
        widget.addItem(item)
    if widget.count():
        widget.setCurrentRow(0)


def ticked(widget: QListWidget) -> list[Any]:
    """The data of the ticked lines, in list order."""
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


def set_ticked(widget: QListWidget, data: Sequence[Any]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        on = item.data(Qt.ItemDataRole.UserRole) in data
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


class OrdersForm(FormDialog):
    """A form of the orders job: Ctrl+Enter saves from any field, it is wide enough for
    Chinese labels, and it knows the service and the user."""

    def __init__(
        self,
        orders: OrderService,
        actor: Actor,
        parent: QWidget | None,
        *,
        title: str,
        save_text: str = "",
        intro: str = "",
        width: int = 560,
    ):
        super().__init__(title, parent, save_text=save_text, intro=intro)
        self.setMinimumWidth(width)
        self._orders = orders
        self._actor = actor
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._submit)
        self._sized = False
        self.right_form: QFormLayout | None = None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        # Qt opens a window at most about two thirds of the screen high; a form is given
        # the height it asks for (up to the screen's), so no field is squeezed.
        if not self._sized:
            self._sized = True
            hint = self.sizeHint()
            screen = self.screen().availableGeometry() if self.screen() is not None else None
            tallest = screen.height() - 40 if screen is not None else hint.height()
            self.resize(max(self.width(), hint.width()), min(max(self.height(), hint.height()), tallest))
        super().showEvent(event)

    def add(self, name: str, label: str, widget: QWidget, buddy: QWidget | None = None) -> None:
        """A labelled field with its error line; the label's Alt+letter focuses ``buddy``
        (by default the field itself)."""
        super().add(name, label, widget)
        shown = self.form.labelForField(self.boxes[name])
        if isinstance(shown, QLabel):
            shown.setBuddy(buddy or widget)

    def add_right(self, name: str, label: str, widget: QWidget, buddy: QWidget | None = None) -> None:
        """Like :meth:`add`, in a second column of fields beside the first (made on first use)."""
        if self.right_form is None:
            self.right_form = QFormLayout()
            self.side_by_side(self.right_form)
        box = self.box((name,), widget)
        self.right_form.addRow(label, box)
        shown = self.right_form.labelForField(box)
        if isinstance(shown, QLabel):
            shown.setBuddy(buddy or widget)

    def side_by_side(self, right: QLayout, stretch: tuple[int, int] = (1, 1)) -> None:
        """Put ``right`` beside the form (a wide dialog that would be too tall in one column)."""
        layout = self.layout()
        assert isinstance(layout, QBoxLayout)
        at = next(
            i for i in range(layout.count()) if (item := layout.itemAt(i)) and item.layout() is self.form
        )
        layout.takeAt(at)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addLayout(self.form, stretch[0])
        row.addLayout(right, stretch[1])
        layout.insertLayout(at, row, 1)

    def box(self, names: Sequence[str], widget: QWidget) -> FieldBox:
        """A field with its error line outside the form; the core's errors of ``names``
        appear under it."""
        box = FieldBox(widget)
        for name in names:
            self.boxes[name] = box
        return box

    def submit(self) -> None:
        """Save as the Save button does (tests and keyboard paths call it)."""
        self._submit()

    def error_of(self, field: str) -> str:
        """The message shown under ``field`` ("" when none)."""
        box = self.boxes.get(field)
        return box.error.text() if box is not None and not box.error.isHidden() else ""

    def general_error(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""


class ActionDialog(OrdersForm):
    """A step on one order (受理, 驳回, 制单, 付款 …): the dialog's title names the order;
    the dialog closes (accepted) only when the core has recorded the step."""

    def __init__(
        self,
        orders: OrderService,
        actor: Actor,
        detail: OrderDetail,
        parent: QWidget | None,
        *,
        title: str,
        save_text: str,
        intro: str = "",
        width: int = 560,
    ):
        super().__init__(
            orders,
            actor,
            parent,
            title=_("{step}: order {number}", step=title, number=detail.number),
            save_text=save_text,
            intro=intro,
            width=width,
        )
        self.detail = detail
