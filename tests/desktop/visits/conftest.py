"""A small register for the visits tests: grids 一网格 and 二网格, the key groups, a few
residents, a grid worker and a director, on a movable clock (Tuesday 15 December 2026)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from db.models import Grid, Resident, Tag
from desktop.common.clock import MovableClock
from desktop.common.permissions import Actor, Role
from desktop.opening import Services, visits_for
from desktop.requests import reference_data
from desktop.residents.service import KEY_GROUPS
from desktop.visits.service import VisitService

NOW = dt.datetime(2026, 12, 15, 10, 0)
CREATED = dt.datetime(2026, 1, 5, 9, 0)


@dataclass
class World:
    services: Services
    visits: VisitService
    clock: MovableClock
    worker: Actor
    director: Actor
    grids: dict[str, int]
    tags: dict[str, int]

    def resident(
        self,
        name: str,
        *tags: str,
        grid: str = "一网格",
        created: dt.datetime = CREATED,
        archived: bool = False,
    ) -> int:
        with self.services.db.writing() as uow:
            s = uow.session
            r = Resident(
                name=name,
                name_initials="",
                address=f"幸福路{len(name)}号",
                grid_id=self.grids[grid],
                archived=archived,
                created_at=created,
                updated_at=created,
            )
            r.tags = [s.get(Tag, self.tags[t]) for t in tags]
            s.add(r)
            s.flush()
            uow.commit()
            return r.id


@pytest.fixture
def world(any_db: Services, make_actor, tmp_path) -> World:
    with any_db.db.writing() as uow:
        s = uow.session
        reference_data.seed(s)
        s.add_all([Grid(name="一网格", is_active=True), Grid(name="二网格", is_active=True)])
        s.add_all([Tag(name=n) for n in KEY_GROUPS])
        uow.commit()
    with any_db.db.reading() as uow:
        grids = {g.name: g.id for g in uow.session.query(Grid)}
        tags = {t.name: t.id for t in uow.session.query(Tag)}
    clock = MovableClock(NOW)
    worker = make_actor(any_db, Role.GRID_WORKER, username="wangge")
    director = make_actor(any_db, Role.DIRECTOR, username="zhuren")
    visits = visits_for(any_db.db, tmp_path / "files", clock)
    return World(any_db, visits, clock, worker, director, grids, tags)
