"""The reports screens' fixtures: the demo database read at one frozen moment (so the
page and the test read the same cut-off), the director, the change hub, and message
boxes that never block."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.common.clock import fixed_clock, system_clock
from desktop.common.permissions import Actor
from desktop.opening import Services
from desktop.reports.service import ReportService
from ui.widgets.change_hub import ChangeHub


@pytest.fixture
def reports(services: Services) -> ReportService:
    """The report service at a frozen moment (the demo data runs up to today)."""
    services.reports = ReportService(services.db, fixed_clock(system_clock()))
    return services.reports


@pytest.fixture
def director(services: Services, reports: ReportService) -> Actor:
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
