"""合并重复居民: suggested pairs, the field choice, what moves, the pointer and the audit row."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db.models import Request, Resident, Volunteer
from desktop.check import run_checks
from desktop.common.errors import DomainError, PermissionDenied
from desktop.common.permissions import Role
from desktop.residents.service import ResidentFilter, ResidentForm
from tests.desktop.exchange.registers import ZHANG


@pytest.fixture
def director(db, make_actor):
    return make_actor(db, Role.DIRECTOR)


def tag_id(db, name: str) -> int:
    return next(i for i, n in db.residents.tags() if n == name)


def test_pairs_are_suggested_by_name_and_birth_phone_or_name_and_address(db, director):
    r = db.residents
    a = r.save(director, ResidentForm(name="张三", id_number=ZHANG[1]))
    b = r.save(director, ResidentForm(name="张三", birth_date=dt.date(1980, 5, 3)))
    c = r.save(director, ResidentForm(name="李四", phone="13800138000"))
    d = r.save(director, ResidentForm(name="李小四", phone="13800138000"))
    e = r.save(director, ResidentForm(name="王五", address="幸福小区1栋101"))
    f = r.save(director, ResidentForm(name="王五", address="幸福小区1栋101"))
    r.save(director, ResidentForm(name="王五", address="别处"))
    found = {(s.first.id, s.second.id): s.reason for s in db.exchange.merges.suggestions(director)}
    assert found == {(a, b): "name_birth", (c, d): "phone", (e, f): "name_address"}


def test_a_merge_moves_everything_to_the_kept_record_and_archives_the_other(demo_db, tmp_path, audit_rows):
    admin = demo_db.accounts.login("admin", "admin123")
    with demo_db.db.reading() as uow:
        s = uow.session
        volunteer_id, other_id = s.execute(select(Volunteer.id, Volunteer.resident_id).limit(1)).one()
        requests_of_other = list(s.scalars(select(Request.id).where(Request.resident_id == other_id)))
        keep_id = s.scalar(
            select(Resident.id)
            .where(
                Resident.id != other_id,
                Resident.archived.is_(False),
                ~Resident.id.in_(select(Volunteer.resident_id)),
            )
            .limit(1)
        )
        kept_requests = list(s.scalars(select(Request.id).where(Request.resident_id == keep_id)))
    demo_db.residents.save(
        admin, ResidentForm(name="并入者", tag_ids=[tag_id(demo_db, "独居老人")], address="新地址"), other_id
    )
    before_name = demo_db.residents.get(admin, keep_id).name
    merges = demo_db.exchange.merges
    left, right = merges.compare(admin, keep_id, other_id)
    assert right.is_volunteer and not left.is_volunteer
    assert right.references.get("request", 0) == len(requests_of_other)
    result = merges.merge(admin, keep_id, other_id, take_from_other={"address"})
    assert result.volunteer_moved and result.moved.get("request", 0) == len(requests_of_other)
    with demo_db.db.reading() as uow:
        s = uow.session
        kept, other = s.get(Resident, keep_id), s.get(Resident, other_id)
        assert kept.name == before_name and kept.address == "新地址"
        assert "独居老人" in [t.name for t in kept.tags] and other.tags == []
        assert other.archived and other.merged_into_id == keep_id
        assert s.scalar(select(Volunteer.resident_id).where(Volunteer.id == volunteer_id)) == keep_id
        assert sorted(s.scalars(select(Request.id).where(Request.resident_id == keep_id))) == sorted(
            kept_requests + requests_of_other
        )
    merge = [row for row in audit_rows(demo_db) if row.action == "merge"]
    assert (
        len(merge) == 1
        and merge[0].entity_id == str(keep_id)
        and f'"merged_id": {other_id}' in merge[0].after
    )
    # The merged record is found by the register's search only among archived records.
    assert other_id not in [x.id for x in demo_db.residents.page(admin, ResidentFilter(text="并入者"), 0, 10)]
    assert run_checks(demo_db.db) == []


def test_the_id_number_can_come_from_the_other_record(db, director):
    keep = db.residents.save(director, ResidentForm(name="张三", phone="13800138000"))
    other = db.residents.save(director, ResidentForm(name="张三", id_number=ZHANG[1]))
    db.exchange.merges.merge(director, keep, other, take_from_other={"id_number", "gender", "birth_date"})
    detail = db.residents.get(director, keep)
    assert db.residents.reveal(director, keep).id_number == ZHANG[1] and detail.gender == "男"
    # The number is held once: the register finds it on the kept record.
    assert [r.id for r in db.residents.page(director, ResidentFilter(text=ZHANG[1]), 0, 5)] == [keep]


def test_two_volunteers_are_not_merged_and_nothing_changes(db, director, make_actor):
    coordinator = make_actor(db, Role.COORDINATOR)
    a = db.residents.save(director, ResidentForm(name="甲"))
    b = db.residents.save(director, ResidentForm(name="甲"))
    db.love_bank.register_volunteer(coordinator, a)
    db.love_bank.register_volunteer(coordinator, b)
    with pytest.raises(DomainError, match="Both records are volunteers"):
        db.exchange.merges.merge(director, a, b)
    assert not db.residents.get(director, b).archived


def test_only_roles_that_may_archive_merge(db, make_actor):
    desk = make_actor(db, Role.FRONT_DESK)
    with pytest.raises(PermissionDenied):
        db.exchange.merges.suggestions(desk)
