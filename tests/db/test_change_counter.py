"""Other desks hear what a desk commits: the change counter is raised in the writing
transaction and a second process (here: a second engine on the same database) polls it."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import select, update

from db.change_counter import KnownVersions, read_versions
from db.changes import Changes, Topic
from db.models import ChangeCounter, Grid
from desktop.opening import Services, open_database


@pytest.fixture
def other_desk(any_db: Services, any_url: str) -> Iterator[Services]:
    """A second desk on the same database, with an engine (connections) of its own."""
    desk = open_database(any_url, backup_dir=None)
    try:
        yield desk
    finally:
        desk.db.dispose()


def _add_grid(services: Services, name: str) -> None:
    with services.db.writing() as uow:
        uow.session.add(Grid(name=name))
        uow.commit()


def test_a_write_on_one_desk_is_heard_by_the_other(any_db, other_desk):
    heard: list[Changes] = []
    other_desk.db.changes.subscribe(heard.append)
    watcher = other_desk.db.watch_others()
    assert not watcher.poll()  # the first poll only learns where things stand
    _add_grid(any_db, "第一网格")
    changes = watcher.poll()
    assert Topic.RESIDENTS in changes.everything
    assert changes.ids_of(Topic.RESIDENTS) is None  # ids unknown: refresh what is shown
    assert Topic.REQUESTS not in changes.topics
    assert heard == [changes]
    assert not watcher.poll()  # heard once


def test_a_desks_own_write_is_not_announced_twice(any_db):
    heard: list[Changes] = []
    watcher = any_db.db.watch_others()
    watcher.poll()
    any_db.db.changes.subscribe(heard.append)
    _add_grid(any_db, "第二网格")
    assert len(heard) == 1 and heard[0].ids_of(Topic.RESIDENTS)  # the commit itself, with ids
    assert not watcher.poll()


def test_a_rolled_back_write_raises_no_counter(any_db, other_desk):
    watcher = other_desk.db.watch_others()
    watcher.poll()
    with any_db.db.writing() as uow:
        uow.session.add(Grid(name="不保存"))
        uow.flush()
    assert not watcher.poll()


def test_a_bulk_statement_raises_its_topic(any_db, other_desk):
    _add_grid(any_db, "甲")
    watcher = other_desk.db.watch_others()
    watcher.poll()
    with any_db.db.writing() as uow:
        uow.session.execute(update(Grid).values(is_active=False))
        uow.commit()
    assert Topic.RESIDENTS in watcher.poll().topics


def test_the_versions_count_every_commit(any_db):
    with any_db.db.reading() as uow:
        before = read_versions(uow.session).get(Topic.RESIDENTS, 0)
    for n in range(3):
        _add_grid(any_db, f"网格{n}")
    with any_db.db.reading() as uow:
        assert read_versions(uow.session)[Topic.RESIDENTS] == before + 3


def test_a_version_going_down_counts_as_a_change():
    """After a restore the counters may be lower than a desk last saw."""
    known = KnownVersions()
    known.news({"residents": 5})
    assert known.news({"residents": 2}) == {"residents"}
    assert known.news({"residents": 2, "requests": 1}) == {"requests"}


def test_the_background_thread_publishes_within_the_interval(any_db, other_desk):
    arrived = threading.Event()
    other_desk.db.changes.subscribe(lambda c: c.touches([Topic.RESIDENTS]) and arrived.set())
    watcher = other_desk.db.watch_others(interval=0.1)
    watcher.start()
    try:
        _add_grid(any_db, "线程网格")
        assert arrived.wait(5)
    finally:
        watcher.stop()


@pytest.mark.slow
@pytest.mark.postgres
def test_desks_writing_at_once_lose_no_count_and_do_not_deadlock(pg_db):
    """8 desks, each with its own connection, commit 10 writes each on the same topics."""
    with pg_db.db.reading() as uow:
        before = read_versions(uow.session).get(Topic.RESIDENTS, 0)
    errors: list[BaseException] = []

    def desk(n: int) -> None:
        try:
            for i in range(10):
                _add_grid(pg_db, f"桌{n}-{i}")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    with pg_db.db.reading() as uow:
        version = uow.session.scalar(
            select(ChangeCounter.version).where(ChangeCounter.topic == Topic.RESIDENTS.value)
        )
    assert version == before + 80
