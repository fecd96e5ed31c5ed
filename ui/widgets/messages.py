"""The one way to ask yes/no and to tell the user something in a message box.

Pages take an ``Ask`` (default :func:`ask_yes`) so that tests answer the question
instead of a modal box blocking the test run.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.common.errors import DomainError
from ui.widgets.i18n import error_text

Ask = Callable[[QWidget, str, str], bool]
"""Asks a yes/no question: ``(parent, title, text) → yes``."""


def ask_yes(parent: QWidget, title: str, text: str, *, default_yes: bool = False) -> bool:
    """Ask a yes/no question; Enter answers No unless ``default_yes`` (destructive actions)."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, yes | no, yes if default_yes else no)
    return answer == yes


def show_error(parent: QWidget, title: str, error: DomainError | str) -> None:
    """A warning box with the error in the user's language."""
    QMessageBox.warning(parent, title, error if isinstance(error, str) else error_text(error))


def show_info(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)
