"""What every love-bank dialog shares: the form behaviour, the saving forms, the buttons
of the dialogs that are not forms, and the reason dialog with its two uses.

``LoveBankForm`` is the love bank's ``FormDialog``: a field's error line goes as soon as
the field is changed (an error that stays after it was fixed makes people type it
again), and the dialog grows when an error line or a message appears, so no input is
squashed or cut off (``GrowToFit``, also used by the dialogs that are not forms).
``SavingForm`` is one that saves one thing (a team, an activity, an item …) and says
its id.

``ReasonDialog`` asks for the reason of a correction, whichever screen it starts from:
reversing a statement line (volunteer detail), rejecting hours (service hours page and
:func:`reject_hours_dialog`), cancelling a redemption (volunteer detail and the 爱心超市
page: :func:`cancel_redemption_dialog`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal, SignalInstance, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.common.permissions import Actor
from desktop.love_bank.receipt import redemption_number
from desktop.love_bank.service import LoveBankService, RedemptionRow
from ui.love_bank.formatting import points_text, redemption_items
from ui.widgets.forms import FieldBox, FormDialog, error_line
from ui.widgets.i18n import Translator
from ui.widgets.keys import submit_keys

_ = Translator("lovebank")

Today = Callable[[], dt.date]
"""The date hours may be recorded up to (tests pass their own)."""


def top_aligned(dialog: FormDialog) -> None:
    """Keep a form dialog's fields at the top when it is taller than they need."""
    layout = dialog.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertStretch(layout.count() - 1, 1)


# --- growing with what is shown ------------------------------------------------------------
class GrowToFit(QObject):
    """Keeps a shown dialog at least as large as its size hint.

    A dialog keeps the size it opened with when an error line appears; its layout then
    squeezes every row to make room and the inputs are cut off. This filter grows the
    dialog instead, whenever its layout asks for more room (never shrinking it: the user
    may have made it larger).
    """

    def __init__(self, dialog: QWidget):
        super().__init__(dialog)
        self._dialog = dialog
        dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self._dialog and event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return False

    def fit(self) -> None:
        dialog = self._dialog
        if not dialog.isVisible():
            return  # show() sizes it from the size hint anyway
        wanted = dialog.size().expandedTo(dialog.sizeHint())
        if wanted != dialog.size():
            dialog.resize(wanted)


# --- errors that go when the field is changed ---------------------------------------------
def edited_signals(widget: QWidget) -> list[SignalInstance]:
    """The signals saying the user changed ``widget`` (or an input inside it)."""
    if isinstance(widget, QLineEdit):
        return [widget.textEdited]
    if isinstance(widget, QDateEdit):
        return [widget.dateChanged]
    if isinstance(widget, QSpinBox):
        return [widget.valueChanged]
    if isinstance(widget, QComboBox):
        return [widget.currentIndexChanged]
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return [widget.toggled]
    signals: list[SignalInstance] = []
    for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        signals += edited_signals(child)
    return signals


class ClearOnEdit(QObject):
    """Hides a field's error line (and the dialog's message, if given) when the field changes."""

    def __init__(self, box: FieldBox, message: QLabel | None = None):
        super().__init__(box)
        self._box = box
        self._message = message
        for signal in edited_signals(box.field):
            signal.connect(self.clear)

    @Slot()
    def clear(self, *_args: Any) -> None:
        if not self._box.error.isHidden():
            self._box.set_error(None)
        if self._message is not None and not self._message.isHidden():
            self._message.hide()


class LoveBankForm(FormDialog):
    """A ``FormDialog`` whose errors go when their field is changed and which grows to fit them."""

    def __init__(self, title: str, parent: QWidget | None, **kwargs: Any):
        super().__init__(title, parent, **kwargs)
        self.grow = GrowToFit(self)

    def add(self, name: str, label: str, widget: QWidget) -> None:
        super().add(name, label, widget)
        ClearOnEdit(self.boxes[name], self.message)

    def add_reason(self) -> QLineEdit:
        """The required reason of a correction (an adjustment, a reversal …), as ``reason``."""
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 44)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(200)
        self.reason_edit.setPlaceholderText(_("Required"))
        self.add("reason", _("Reason *"), self.reason_edit)
        return self.reason_edit


class SavingForm(LoveBankForm):
    """A love-bank form that saves one thing — a team, an activity, an item … — and says
    its id: ``save`` keeps what :meth:`store` returns in ``saved_id`` and emits it.

    Signals:
        sig_saved(int): it was saved; carries its id.
    """

    sig_saved = Signal(int)

    def __init__(
        self, love_bank: LoveBankService, actor: Actor, title: str, parent: QWidget | None, **kwargs: Any
    ):
        super().__init__(title, parent, **kwargs)
        self._bank, self._actor = love_bank, actor
        self.saved_id: int | None = None

    def store(self) -> int:  # pragma: no cover - overridden
        """Save through the service; returns the id of what was saved."""
        raise NotImplementedError

    def save(self) -> None:
        self.saved_id = self.store()
        self.sig_saved.emit(self.saved_id)


# --- a dialog around a table ---------------------------------------------------------------
def lay_out_table_dialog(
    dialog: QDialog,
    form: QFormLayout,
    table: QWidget,
    under: tuple[QWidget, QWidget],
    accept_text: str,
    on_accept: Callable[[], object],
) -> tuple[QLabel, QPushButton]:
    """Lay out a dialog that is not a form — the batch entry, the redemption: ``form``
    above ``table`` (taking the room), a line ``under`` it (one widget on the left, one on
    the right), a red message, and the accept and Cancel buttons (Enter in its table or
    finder does not press them). Returns the message and the accept button."""
    line = QHBoxLayout()
    line.addWidget(under[0])
    line.addStretch(1)
    line.addWidget(under[1])
    message = error_line()
    box = QDialogButtonBox()
    accept = box.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
    accept.setAutoDefault(False)
    cancel = box.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
    cancel.setAutoDefault(False)
    box.accepted.connect(on_accept)
    box.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(table, 1)
    layout.addLayout(line)
    layout.addWidget(message)
    layout.addWidget(box)
    return message, accept


# --- the reason of a correction ----------------------------------------------------------
class ReasonDialog(LoveBankForm):
    """A reason, then ``call(reason)``: reversing an entry, cancelling a redemption,
    rejecting hours. A missing reason shows under the field; other errors (a reversal
    too large for the role) above the buttons."""

    def __init__(
        self,
        title: str,
        intro: str,
        save_text: str,
        call: Callable[[str], Any],
        parent: QWidget | None = None,
    ):
        super().__init__(title, parent, save_text=save_text, intro=intro)
        self.intro = intro
        self._call = call
        self.add_reason()
        submit_keys(self, self._submit)
        self.reason_edit.setFocus()

    def save(self) -> None:
        self._call(self.reason_edit.text())


def reject_hours_dialog(
    count: int, names: str, call: Callable[[str], Any], parent: QWidget | None = None
) -> ReasonDialog:
    """Reject ``count`` service records of the volunteers ``names`` with one reason."""
    return ReasonDialog(
        _("Reject service hours"),
        _(
            "Reject {n} records ({names})? They stay in the list of rejected hours with the reason.",
            n=count,
            names=names,
        ),
        _("Reject"),
        call,
        parent,
    )


def cancel_redemption_dialog(
    r: RedemptionRow, call: Callable[[str], Any], parent: QWidget | None = None
) -> ReasonDialog:
    """Cancel the redemption ``r`` with a reason: its points and items go back."""
    return ReasonDialog(
        _("Cancel redemption"),
        _(
            "Cancel redemption {number} ({items}, {n} points)? The points go back to the "
            "volunteer and the items back into stock.",
            number=redemption_number(r.id),
            items=redemption_items(r),
            n=points_text(r.points),
        ),
        _("Cancel redemption"),
        call,
        parent,
    )
