"""A register with its grids and key groups, and the users who import and export."""

from __future__ import annotations

import pytest

from db.models import Grid, Tag
from desktop.common.permissions import Actor, Role
from desktop.opening import Services
from desktop.residents.service import KEY_GROUPS

GRIDS = ("第一网格", "第二网格")


@pytest.fixture
def db(any_db: Services) -> Services:
    """A migrated database (SQLite, then PostgreSQL) with grids and the key groups."""
    with any_db.db.writing() as uow:
        uow.session.add_all([Grid(name=n, is_active=True) for n in GRIDS])
        uow.session.add_all([Tag(name=n) for n in KEY_GROUPS])
        uow.commit()
    return any_db


@pytest.fixture
def coordinator(db: Services, make_actor) -> Actor:
    return make_actor(db, Role.COORDINATOR)


@pytest.fixture
def admin(db: Services, make_actor) -> Actor:
    return make_actor(db, Role.ADMIN)


@pytest.fixture
def desk(db: Services, make_actor) -> Actor:
    return make_actor(db, Role.FRONT_DESK)
