"""Fixtures for the Qt screens: a demo database per test, logged-in users, the change hub.

The demo database is filled once per session (``demo_file`` in ``tests/conftest.py``)
and copied for each test, so every test starts from the same ~2,000 residents in a few
milliseconds.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from desktop.common.permissions import Actor  # noqa: E402
from desktop.opening import Services, open_database  # noqa: E402
from ui.widgets.change_hub import ChangeHub  # noqa: E402

# The offscreen platform's warning about size hints (every dialog triggers it) is ignored
# for all tests by ``qt_log_ignore`` in pyproject.toml.


@pytest.fixture
def services(demo_file: Path, tmp_path: Path) -> Iterator[Services]:
    """This test's own copy of the demo database ("centre" scale)."""
    path = tmp_path / "t.sqlite3"
    shutil.copyfile(demo_file, path)
    opened = open_database(path, backup_dir=None)
    yield opened
    opened.db.dispose()


@pytest.fixture
def hub(services: Services) -> Iterator[ChangeHub]:
    """One hub hearing this test's database, as the main window makes it."""
    made = ChangeHub()
    made.attach(services.db.changes)
    yield made
    made.detach_all()


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    """Message boxes never block; what they would have said is kept. A job's screens
    that show message boxes make this autouse in their own conftest."""
    said: list[str] = []

    def record(*args, **kwargs):
        said.append(str(args[2]) if len(args) > 2 else "")
        return QMessageBox.StandardButton.No

    for name in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    return said


@pytest.fixture
def front_desk(services: Services) -> Actor:
    return services.accounts.login("qiantai", "qiantai123")


@pytest.fixture
def admin(services: Services) -> Actor:
    return services.accounts.login("admin", "admin123")


@pytest.fixture
def coordinator(services: Services) -> Actor:
    return services.accounts.login("xietiao", "xietiao123")
