"""The love-bank screens' fixtures: message boxes that never block (the change hub is
``tests/ui/conftest.py``'s)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def quiet_message_boxes(messages: list[str]) -> list[str]:
    """Every test here: message boxes never block (``messages`` in tests/ui/conftest.py)."""
    return messages
