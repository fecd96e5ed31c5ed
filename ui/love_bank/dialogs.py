"""What every love-bank dialog shares: the form behaviour, and the reason dialog.

``LoveBankForm`` is the love bank's ``FormDialog``: a field's error line goes as soon as
the field is changed (an error that stays after it was fixed makes people type it
again), and the dialog grows when an error line or a message appears, so no input is
squashed or cut off (``GrowToFit``, also used by the dialogs that are not forms).

``ReasonDialog`` asks for the reason of a correction, whichever screen it starts from:
reversing a statement line (volunteer detail), rejecting hours (service hours page),
cancelling a redemption (volunteer detail and the 爱心超市 page).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, SignalInstance, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.forms import FieldBox, FormDialog
from ui.widgets.i18n import Translator

_ = Translator("lovebank")


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
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 44)
        self.intro = intro
        self._call = call
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(200)
        self.reason_edit.setPlaceholderText(_("Required"))
        self.add("reason", _("Reason *"), self.reason_edit)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._submit)
        self.reason_edit.setFocus()

    def save(self) -> None:
        self._call(self.reason_edit.text())
