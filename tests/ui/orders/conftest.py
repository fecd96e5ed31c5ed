"""The service-order screens' fixtures: the director, the change hub the main window gives
every page, message boxes that never block, and a preview that is never shown."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.common.permissions import Actor
from desktop.opening import Services
from tests.ui.orders.support import KEPT, FakePreview
from ui.widgets.change_hub import ChangeHub


@pytest.fixture
def director(services: Services) -> Actor:
    return services.accounts.login("zhuren", "zhuren123")


@pytest.fixture
def hub(services: Services) -> Iterator[ChangeHub]:
    """One hub hearing this test's database, as the main window makes it."""
    made = ChangeHub()
    made.attach(services.db.changes)
    yield made
    made.detach_all()


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


@pytest.fixture
def previews() -> Iterator[list[FakePreview]]:
    FakePreview.opened = []
    yield FakePreview.opened
    FakePreview.opened = []


@pytest.fixture(autouse=True)
def kept_widgets() -> Iterator[None]:
    yield
    KEPT.clear()
