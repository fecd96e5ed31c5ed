"""Keys of a page or a dialog, made one way everywhere.

A page's shortcuts (Ctrl+N, F5 …) work while the focus is inside the page — or inside one
tab of it, where two tabs both have a Ctrl+N — and never while another page is shown:
:func:`shortcut` and :func:`shortcuts`. A dialog saves with Ctrl+Enter even from a
multi-line field, where Enter starts a new line; some also save with Ctrl+S:
:func:`submit_keys`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

Slot = Callable[[], object]

SUBMIT_KEYS = ("Ctrl+Return", "Ctrl+Enter")
"""Save a dialog from any field, a multi-line one too."""
SAVE_KEYS = ("Ctrl+S", *SUBMIT_KEYS)
"""The same, and Ctrl+S as in every program that saves."""


def shortcut(keys: QKeySequence | str, widget: QWidget, slot: Slot) -> QShortcut:
    """A key for ``slot`` while the focus is inside ``widget`` (a page, or one tab of it)."""
    result = QShortcut(QKeySequence(keys), widget)
    result.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    result.activated.connect(slot)
    return result


def shortcuts(widget: QWidget, keys: Iterable[tuple[str, Slot]]) -> None:
    """:func:`shortcut` for each ``(keys, slot)``."""
    for key, slot in keys:
        shortcut(key, widget, slot)


def submit_keys(dialog: QWidget, slot: Slot, keys: Iterable[str] = SUBMIT_KEYS) -> None:
    """``keys`` (by default Ctrl+Enter) run ``slot`` anywhere in ``dialog``."""
    for key in keys:
        QShortcut(QKeySequence(key), dialog, slot)
