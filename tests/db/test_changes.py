"""Every committed write announces what it changed; a rollback announces nothing."""

from __future__ import annotations

from sqlalchemy import update

from db.changes import Changes, Topic
from db.models import Grid


def _listen(services) -> list[Changes]:
    heard: list[Changes] = []
    services.db.changes.subscribe(heard.append)
    return heard


def test_a_committed_row_is_announced_with_its_topic_and_id(any_db):
    heard = _listen(any_db)
    with any_db.db.writing() as uow:
        grid = Grid(name="第一网格")
        uow.session.add(grid)
        uow.flush()
        grid_id = grid.id
        uow.commit()
    assert len(heard) == 1
    assert heard[0].ids_of(Topic.RESIDENTS) == frozenset({grid_id})
    assert heard[0].touches([Topic.RESIDENTS])
    assert not heard[0].touches([Topic.REQUESTS, Topic.POINTS])


def test_a_rolled_back_write_is_not_announced(any_db):
    heard = _listen(any_db)
    with any_db.db.writing() as uow:
        uow.session.add(Grid(name="不保存"))
        uow.flush()
    assert heard == []


def test_reads_announce_nothing(any_db):
    heard = _listen(any_db)
    with any_db.db.reading() as uow:
        uow.session.query(Grid).all()
    assert heard == []


def test_a_bulk_statement_announces_its_topic_without_ids(any_db):
    with any_db.db.writing() as uow:
        uow.session.add(Grid(name="甲"))
        uow.commit()
    heard = _listen(any_db)
    with any_db.db.writing() as uow:
        uow.session.execute(update(Grid).values(is_active=False))
        uow.commit()
    assert len(heard) == 1
    assert heard[0].ids_of(Topic.RESIDENTS) is None  # unknown ids: assume any


def test_a_failing_subscriber_does_not_undo_the_write(any_db):
    def broken(_changes: Changes) -> None:
        raise RuntimeError("screen bug")

    any_db.db.changes.subscribe(broken)
    heard = _listen(any_db)
    with any_db.db.writing() as uow:
        uow.session.add(Grid(name="乙"))
        uow.commit()
    assert len(heard) == 1
    with any_db.db.reading() as uow:
        assert [g.name for g in uow.session.query(Grid).all()] == ["乙"]
