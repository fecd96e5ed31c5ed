"""Fixtures of the orders tests: a centre ready for service orders (``support.World``)."""

from __future__ import annotations

import pytest

from tests.desktop.orders.support import World, make_world


@pytest.fixture
def world(any_db, make_actor, tmp_path) -> World:
    return make_world(any_db, make_actor, tmp_path / "attachments")


@pytest.fixture
def sqlite_world(sqlite_db, make_actor, tmp_path) -> World:
    return make_world(sqlite_db, make_actor, tmp_path / "attachments")
