"""The reports screens' fixtures: the demo database read at one frozen moment (so the
page and the test read the same cut-off), the director, the change hub, and message
boxes that never block."""

from __future__ import annotations

import pytest

from desktop.common.clock import fixed_clock, system_clock
from desktop.common.permissions import Actor
from desktop.opening import Services
from desktop.reports.service import ReportService


@pytest.fixture
def reports(services: Services) -> ReportService:
    """The report service at a frozen moment (the demo data runs up to today)."""
    services.reports = ReportService(services.db, fixed_clock(system_clock()))
    return services.reports


@pytest.fixture
def director(services: Services, reports: ReportService) -> Actor:
    return services.accounts.login("zhuren", "zhuren123")


@pytest.fixture(autouse=True)
def quiet_message_boxes(messages: list[str]) -> list[str]:
    """Every test here: message boxes never block (``messages`` in tests/ui/conftest.py)."""
    return messages
