"""What the tests of several screens share: showing a page or dialog as a user sees it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def show(qtbot, widget: QWidget, size: tuple[int, int] = (1198, 700)) -> QWidget:
    """Show ``widget`` at ``size`` as the active window (its keys then work), closed
    with the test."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget
