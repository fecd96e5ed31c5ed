"""The love-bank screens' fixtures: message boxes that never block (the change hub is
``tests/ui/conftest.py``'s)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def messages(monkeypatch) -> list[str]:
    """Message boxes never block; what they would have said is kept."""
    said: list[str] = []

    def record(*args, **kwargs):
        said.append(str(args[2]) if len(args) > 2 else "")
        return QMessageBox.StandardButton.No

    for name in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    return said
