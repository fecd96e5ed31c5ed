"""Form helpers shared by dialogs: a field with its error line, a Save/Cancel dialog,
several inputs on one line of a form, and the one dialog a page has open at a time."""

from __future__ import annotations

import weakref

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError, FieldErrors
from ui.widgets.i18n import Translator, error_text

_ = Translator("forms")


def error_line() -> QLabel:
    """A red message above a dialog's buttons, hidden until there is something to say."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


def field_row(*widgets: QWidget, grow: QWidget | None = None, stretch: bool = False) -> QWidget:
    """Several inputs on one line of a form, as one field: a choice and its button, the
    radio buttons of one question. ``grow`` takes the width left; with ``stretch`` the
    width left stays empty after them."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget, 1 if widget is grow else 0)
    if stretch:
        layout.addStretch(1)
    return row


class FieldBox(QWidget):
    """An input widget with a red error line (and an orange warning line) under it."""

    def __init__(self, field: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = field
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

    def set_error(self, text: str | None) -> None:
        self.error.setObjectName("fieldError")
        self._show(text)
        self.field.setProperty("invalid", bool(text))
        self.field.style().unpolish(self.field)
        self.field.style().polish(self.field)

    def set_warning(self, text: str | None) -> None:
        self.error.setObjectName("fieldWarning")
        self._show(text)

    def _show(self, text: str | None) -> None:
        self.error.style().unpolish(self.error)
        self.error.style().polish(self.error)
        self.error.setText(text or "")
        self.error.setVisible(bool(text))


class FormDialog(QDialog):
    """A dialog of labelled fields, each with its error line, and Save/Cancel.

    Subclasses add fields with ``add`` and implement ``save``, which raises
    ``FieldErrors`` (shown under the named fields) or ``DomainError`` (shown above the
    buttons); the dialog closes only when ``save`` returns.
    """

    def __init__(
        self,
        title: str,
        parent: QWidget | None,
        *,
        save_text: str = "",
        cancel_text: str = "",
        intro: str = "",
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.boxes: dict[str, FieldBox] = {}
        self.form = QFormLayout()
        self.message = error_line()
        buttons = QDialogButtonBox()
        save = buttons.addButton(save_text or _("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setDefault(True)
        buttons.addButton(cancel_text or _("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if intro:
            text = QLabel(intro)
            text.setWordWrap(True)
            layout.addWidget(text)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def add(self, name: str, label: str, widget: QWidget) -> None:
        box = FieldBox(widget)
        self.boxes[name] = box
        self.form.addRow(label, box)

    def _submit(self) -> None:
        for box in self.boxes.values():
            box.set_error(None)
        self.message.hide()
        try:
            self.save()
        except FieldErrors as exc:
            for name, err in exc.errors.items():
                if name in self.boxes:
                    self.boxes[name].set_error(error_text(err))
                else:
                    self._show_message(error_text(err))
            return
        except DomainError as exc:
            self._show_message(error_text(exc))
            return
        self.accept()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def save(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class DialogHost:
    """One dialog at a time for a page: opened window-modal without blocking the event
    loop, remembered in ``current`` while open (pages and tests look at it), deleted
    when closed, with the keyboard focus handed back to the page.

    The focus target is held weakly: nothing connected to the dialog's signals may keep
    the page alive, or Qt could delete the page while Python still releases it.

    Args:
        focus: the widget to focus after the dialog closes, e.g. the page's table.
    """

    def __init__(self, focus: QWidget | None = None):
        self.current: QDialog | None = None
        self._focus = weakref.ref(focus) if focus is not None else None

    def focus_on(self, widget: QWidget) -> None:
        self._focus = weakref.ref(widget)

    def close(self) -> None:
        """Close the dialog open, if any (it is deleted)."""
        if self.current is not None and self.current.isVisible():
            self.current.close()

    def open(self, dialog: QDialog) -> None:
        self.close()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._closed)
        self.current = dialog
        dialog.open()
        dialog.activateWindow()

    def _closed(self, _result: int = 0) -> None:
        self.current = None
        widget = self._focus() if self._focus is not None else None
        if widget is not None:
            widget.setFocus()
