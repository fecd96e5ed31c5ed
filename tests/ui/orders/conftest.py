"""The service-order screens' fixtures: the director, the change hub the main window gives
every page, message boxes that never block, and a preview that is never shown."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.common.permissions import Actor
from desktop.opening import Services
from tests.ui.orders.support import KEPT, FakePreview


@pytest.fixture
def director(services: Services) -> Actor:
    return services.accounts.login("zhuren", "zhuren123")


@pytest.fixture(autouse=True)
def quiet_message_boxes(messages: list[str]) -> list[str]:
    """Every test here: message boxes never block (``messages`` in tests/ui/conftest.py)."""
    return messages


@pytest.fixture
def previews() -> Iterator[list[FakePreview]]:
    FakePreview.opened = []
    yield FakePreview.opened
    FakePreview.opened = []


@pytest.fixture(autouse=True)
def kept_widgets() -> Iterator[None]:
    yield
    KEPT.clear()
