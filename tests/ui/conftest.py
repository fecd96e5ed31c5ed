"""Fixtures for the Qt screens: a demo database per test, logged-in users.

The demo database is filled once per session into a template file and copied for each
test, so every test starts from the same ~2,000 residents in a few milliseconds.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop.common.permissions import Actor  # noqa: E402
from desktop.demo.generate import fill_demo  # noqa: E402
from desktop.opening import Services, open_database  # noqa: E402

HERE = Path(__file__).resolve().parent

# The offscreen platform warns whenever a top-level window gets size constraints from its
# layout (every dialog does); it says nothing about our code.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, extend=True))


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database ("centre" scale), filled once per test session."""
    path = tmp_path_factory.mktemp("template") / "demo.sqlite3"
    services = open_database(path, backup_dir=None)
    fill_demo(services.db, "centre")
    services.db.dispose()  # closes the WAL, so the file alone is the whole database
    return path


@pytest.fixture
def services(demo_template: Path, tmp_path: Path) -> Iterator[Services]:
    """This test's own copy of the demo database."""
    path = tmp_path / "t.sqlite3"
    shutil.copy(demo_template, path)
    opened = open_database(path, backup_dir=None)
    yield opened
    opened.db.dispose()


@pytest.fixture
def front_desk(services: Services) -> Actor:
    return services.accounts.login("qiantai", "qiantai123")


@pytest.fixture
def admin(services: Services) -> Actor:
    return services.accounts.login("admin", "admin123")


@pytest.fixture
def coordinator(services: Services) -> Actor:
    return services.accounts.login("xietiao", "xietiao123")
