"""Small form helpers shared by dialogs: a field with its error line under it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


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
