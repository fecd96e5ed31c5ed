"""Two desks acting on one record get a clear message, never a silent overwrite."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from db.models import Category, Department, RequestEvent
from desktop.common.clock import MovableClock
from desktop.common.conflicts import Conflict
from desktop.common.errors import DomainError
from desktop.common.permissions import Role
from desktop.opening import Services, open_database
from desktop.requests import reference_data
from desktop.requests.service import RequestForm, RequestService
from desktop.residents.service import ResidentForm, ResidentService


@pytest.fixture
def other_desk(any_db: Services, any_url: str) -> Iterator[Services]:
    desk = open_database(any_url, backup_dir=None)
    try:
        yield desk
    finally:
        desk.db.dispose()


def _form(detail, **changes) -> ResidentForm:
    values = dict(
        name=detail.name,
        gender=detail.gender,
        birth_date=detail.birth_date,
        id_number=None,
        phone=None,
        address=detail.address,
        grid_id=detail.grid_id,
        tag_ids=detail.tag_ids,
        notes=detail.notes,
        version=detail.version,
    )
    values.update(changes)
    return ResidentForm(**values)


def test_a_resident_saved_from_a_stale_form_is_refused_with_who_and_when(any_db, other_desk, make_actor):
    clock = MovableClock(dt.datetime(2026, 12, 7, 9, 0))
    admin = make_actor(any_db, Role.ADMIN)
    rid = any_db.residents.save(admin, ResidentForm(name="李四", address="幸福家园1号楼"))
    alice = make_actor(any_db, Role.FRONT_DESK)
    bob = make_actor(any_db, Role.FRONT_DESK)
    desk_a = ResidentService(any_db.db, now=clock)
    desk_b = ResidentService(other_desk.db, now=clock)
    opened_a = desk_a.get(alice, rid)  # both desks open the record
    opened_b = desk_b.get(bob, rid)
    clock.advance(hours=5, minutes=5)
    desk_a.save(alice, _form(opened_a, address="幸福家园2号楼"), rid)
    with pytest.raises(Conflict) as refused:
        desk_b.save(bob, _form(opened_b, notes="独居，需每周回访"), rid)
    assert refused.value.params == {"who": "测试员", "time": "14:05"}
    assert "changed this record at 14:05" in str(refused.value)
    stored = desk_b.get(bob, rid)
    assert stored.address == "幸福家园2号楼" and stored.notes == ""  # desk A's change kept
    # Reopened, desk B sees desk A's change and saves on top of it.
    desk_b.save(bob, _form(stored, notes="独居，需每周回访"), rid)
    final = desk_a.get(alice, rid)
    assert (final.address, final.notes) == ("幸福家园2号楼", "独居，需每周回访")


def test_archiving_makes_an_open_form_stale(any_db, make_actor):
    admin = make_actor(any_db, Role.ADMIN)
    rid = any_db.residents.save(admin, ResidentForm(name="王五"))
    opened = any_db.residents.get(admin, rid)
    any_db.residents.set_archived(admin, rid, True)
    with pytest.raises(Conflict):
        any_db.residents.save(admin, _form(opened, notes="x"), rid)


def test_a_form_without_a_version_is_not_checked(any_db, make_actor):
    """Imports and scripts that write a whole record on purpose."""
    admin = make_actor(any_db, Role.ADMIN)
    rid = any_db.residents.save(admin, ResidentForm(name="赵六"))
    any_db.residents.save(admin, ResidentForm(name="赵六", notes="一"), rid)
    any_db.residents.save(admin, ResidentForm(name="赵六", notes="二"), rid)
    assert any_db.residents.get(admin, rid).notes == "二"


@pytest.mark.slow
def test_desks_taking_the_same_request_step_at_once_one_wins_the_rest_are_told(any_db, make_actor, tmp_path):
    """8 desks press 受理 on one request at the same moment: one step, seven messages."""
    with any_db.db.writing() as uow:
        reference_data.seed(uow.session)
        uow.commit()
    with any_db.db.reading() as uow:
        category = uow.session.scalar(select(Category.id).where(Category.name == "垃圾清运"))
        dept = uow.session.scalar(select(Department.id).where(Department.name == "社区居委会"))
    director = make_actor(any_db, Role.DIRECTOR)
    resident = any_db.residents.save(director, ResidentForm(name="张三"))
    service = RequestService(any_db.db, tmp_path / "files")
    rid = service.register(
        director,
        RequestForm(
            resident_id=resident,
            channel="walk_in",
            category_id=category,
            description="路灯不亮",
            lead_department_id=dept,
        ),
    )
    assert service.get(director, rid).status == "assigned"
    start = threading.Barrier(8)
    outcomes: list[str] = []

    def desk() -> None:
        start.wait()
        try:
            service.accept(director, rid)
            outcomes.append("done")
        except DomainError as exc:
            outcomes.append(str(exc))

    threads = [threading.Thread(target=desk) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert outcomes.count("done") == 1
    assert all("cannot be given" in o for o in outcomes if o != "done")
    with any_db.db.reading() as uow:
        accepts = uow.session.scalar(
            select(func.count())
            .select_from(RequestEvent)
            .where(RequestEvent.request_id == rid, RequestEvent.action == "accept")
        )
    assert accepts == 1
