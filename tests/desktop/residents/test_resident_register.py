"""The residents register: create, edit, archive, reveal — each audited, nothing half-saved."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from db.models import Resident, Tag
from desktop.common.clock import fixed_clock
from desktop.common.errors import FieldErrors, PermissionDenied
from desktop.common.permissions import Role
from desktop.residents.service import ResidentFilter, ResidentForm, ResidentService, Revealed

ID_NUMBER = "11010519491231002X"
ID_MASKED = "110105********002X"
PHONE = "13812345678"
PHONE_MASKED = "138****5678"


@pytest.fixture
def front_desk(any_db, make_actor):
    return make_actor(any_db, Role.FRONT_DESK)


def resident_count(services) -> int:
    with services.db.reading() as uow:
        return uow.session.scalar(select(func.count()).select_from(Resident))


def form(**values) -> ResidentForm:
    values.setdefault("name", "张三")
    return ResidentForm(**values)


def test_create_derives_birth_date_and_gender_and_audits_masked_values(any_db, front_desk, audit_rows):
    residents = ResidentService(any_db.db, now=fixed_clock(dt.datetime(2026, 11, 21, 9, 30)))
    rid = residents.save(
        front_desk,
        form(
            name=" 李秀兰 ",
            id_number="11010519491231002x",
            phone="138 1234 5678",
            address=" 幸福家园3号楼2单元101室 ",
        ),
    )
    detail = residents.get(front_desk, rid)
    assert (detail.name, detail.gender) == ("李秀兰", "女")
    assert detail.birth_date == dt.date(1949, 12, 31)
    assert (detail.id_number_masked, detail.phone_masked) == (ID_MASKED, PHONE_MASKED)
    assert detail.address == "幸福家园3号楼2单元101室"
    [row] = residents.page(front_desk, ResidentFilter(), 0, 10)
    assert (row.id_number, row.phone, row.age) == (ID_MASKED, PHONE_MASKED, 76)
    with any_db.db.reading() as uow:  # stamped by the service's clock, not the PC's
        stored = uow.session.get(Resident, rid)
        assert stored.created_at == stored.updated_at == dt.datetime(2026, 11, 21, 9, 30)

    entry = audit_rows(any_db)[-1]
    assert (entry.action, entry.entity, entry.entity_id) == ("create", "resident", str(rid))
    assert (entry.user_id, entry.username) == (front_desk.user_id, front_desk.username)
    assert entry.before == ""
    after = json.loads(entry.after)
    assert after["id_number"] == ID_MASKED and after["phone"] == PHONE_MASKED
    assert ID_NUMBER not in entry.after and PHONE not in entry.after


def test_edit_keeps_untouched_sensitive_fields_and_audits_before_and_after(any_db, front_desk, audit_rows):
    residents = any_db.residents
    rid = residents.save(front_desk, form(id_number=ID_NUMBER, phone=PHONE, address="和平路1号"))
    # The dialog sends None for the masked fields the user left alone.
    residents.save(front_desk, form(id_number=None, phone=None, address="和平路2号"), rid)
    entry = audit_rows(any_db)[-1]
    assert entry.action == "update"
    before, after = json.loads(entry.before), json.loads(entry.after)
    assert (before["address"], after["address"]) == ("和平路1号", "和平路2号")
    assert after["id_number"] == ID_MASKED and after["phone"] == PHONE_MASKED
    assert residents.reveal(front_desk, rid) == Revealed(ID_NUMBER, PHONE)

    residents.save(front_desk, form(id_number=None, phone="0533-2345678", address="和平路2号"), rid)
    entry = audit_rows(any_db)[-1]
    assert json.loads(entry.before)["phone"] == PHONE_MASKED
    assert json.loads(entry.after)["phone"] == "0533-***5678"
    assert PHONE not in entry.before and "2345678" not in entry.after

    # Saving without a change writes no audit row; an empty string clears a field.
    count = len(audit_rows(any_db))
    residents.save(front_desk, form(id_number=None, phone=None, address="和平路2号"), rid)
    assert len(audit_rows(any_db)) == count
    residents.save(front_desk, form(id_number=None, phone="", address="和平路2号"), rid)
    assert residents.get(front_desk, rid).has_phone is False


def test_duplicate_id_number_is_refused(any_db, front_desk, audit_rows):
    residents = any_db.residents
    first = residents.save(front_desk, form(name="张三", id_number=ID_NUMBER))
    rows = len(audit_rows(any_db))
    for typed in (ID_NUMBER, "11010519491231002x", "１１０１０５１９４９１２３１００２ｘ"):
        with pytest.raises(FieldErrors) as exc:
            residents.save(front_desk, form(name="张三丰", id_number=typed))
        assert set(exc.value.errors) == {"id_number"}
        assert exc.value.errors["id_number"].params == {"name": "张三", "id": first}
    other = residents.save(front_desk, form(name="李四"))
    with pytest.raises(FieldErrors):
        residents.save(front_desk, form(name="李四", id_number=ID_NUMBER), other)
    # The resident who owns the number may be saved with it.
    residents.save(front_desk, form(name="张三", id_number=ID_NUMBER, address="新地址"), first)
    assert resident_count(any_db) == 2
    assert len(audit_rows(any_db)) == rows + 2  # 李四 created, 张三 updated


def test_a_bad_field_saves_nothing(any_db, front_desk, audit_rows):
    residents = any_db.residents
    rows = len(audit_rows(any_db))
    with pytest.raises(FieldErrors) as exc:
        residents.save(front_desk, form(name="张三", id_number=ID_NUMBER, phone="12345"))
    assert set(exc.value.errors) == {"phone"}
    with pytest.raises(FieldErrors) as exc:
        residents.save(
            front_desk,
            form(
                name="",
                id_number="110105194912310021",
                phone="abc",
                gender="x",
                address="长" * 201,
                birth_date=dt.date.today() + dt.timedelta(days=1),
            ),
        )
    assert set(exc.value.errors) == {
        "name",
        "id_number",
        "phone",
        "gender",
        "address",
        "birth_date",
    }
    with pytest.raises(FieldErrors) as exc:
        residents.save(front_desk, form(name="张3"))
    assert set(exc.value.errors) == {"name"}
    # Checked inside the write transaction: a grid that does not exist.
    with pytest.raises(FieldErrors) as exc:
        residents.save(front_desk, form(name="张三", id_number=ID_NUMBER, grid_id=999_999))
    assert set(exc.value.errors) == {"grid_id"}
    assert resident_count(any_db) == 0
    assert len(audit_rows(any_db)) == rows
    assert residents.count(front_desk, ResidentFilter(text="幸福")) == 0

    rid = residents.save(front_desk, form(name="张三", phone=PHONE, address="幸福家园"))
    with pytest.raises(FieldErrors):
        residents.save(front_desk, form(name="张三", phone="123", address="光明小区"), rid)
    detail = residents.get(front_desk, rid)
    assert (detail.address, detail.phone_masked) == ("幸福家园", PHONE_MASKED)
    assert residents.count(front_desk, ResidentFilter(text="光明")) == 0
    assert len(audit_rows(any_db)) == rows + 1


def test_unknown_area_code_warns_but_saves(any_db, front_desk):
    checked = any_db.residents.check(form(id_number="999999194912310025"))
    assert set(checked.warnings) == {"id_number"}
    rid = any_db.residents.save(front_desk, form(id_number="999999194912310025"))
    assert any_db.residents.get(front_desk, rid).has_id_number


def test_tags(any_db, front_desk):
    with any_db.db.writing() as uow:
        uow.session.add_all([Tag(name="独居老人"), Tag(name="残疾人")])
        uow.commit()
    tags = dict((name, tid) for tid, name in any_db.residents.tags())
    rid = any_db.residents.save(front_desk, form(tag_ids=[tags["残疾人"], tags["独居老人"], tags["残疾人"]]))
    assert set(any_db.residents.get(front_desk, rid).tag_ids) == set(tags.values())
    [row] = any_db.residents.page(front_desk, ResidentFilter(tag_id=tags["残疾人"]), 0, 10)
    assert row.tags == "独居老人、残疾人"
    with pytest.raises(FieldErrors) as exc:
        any_db.residents.save(front_desk, form(name="李四", tag_ids=[999_999]))
    assert set(exc.value.errors) == {"tags"}


def test_archive_is_audited_and_only_for_director_or_admin(any_db, front_desk, make_actor, audit_rows):
    residents = any_db.residents
    director = make_actor(any_db, Role.DIRECTOR)
    rid = residents.save(front_desk, form(name="王五"))
    with pytest.raises(PermissionDenied):
        residents.set_archived(front_desk, rid, True)
    residents.set_archived(director, rid, True)
    entry = audit_rows(any_db)[-1]
    assert (entry.action, entry.entity_id, entry.username) == (
        "archive",
        str(rid),
        director.username,
    )
    assert json.loads(entry.before) == {"archived": False}
    assert json.loads(entry.after) == {"archived": True}
    count = len(audit_rows(any_db))
    residents.set_archived(director, rid, True)  # already archived: nothing to record
    assert len(audit_rows(any_db)) == count
    assert residents.get(front_desk, rid).archived
    assert residents.count(front_desk, ResidentFilter()) == 0
    assert residents.count(front_desk, ResidentFilter(include_archived=True)) == 1
    residents.set_archived(director, rid, False)
    assert audit_rows(any_db)[-1].action == "restore"
    assert residents.count(front_desk, ResidentFilter()) == 1


def test_reveal_is_audited_and_refused_for_coordinator(any_db, front_desk, make_actor, audit_rows):
    residents = any_db.residents
    rid = residents.save(front_desk, form(id_number=ID_NUMBER, phone=PHONE))
    assert residents.reveal(front_desk, rid) == Revealed(ID_NUMBER, PHONE)
    entry = audit_rows(any_db)[-1]
    assert (entry.action, entry.entity, entry.entity_id) == ("reveal", "resident", str(rid))
    assert entry.username == front_desk.username
    assert ID_NUMBER not in entry.after and PHONE not in entry.after

    coordinator = make_actor(any_db, Role.COORDINATOR)
    count = len(audit_rows(any_db))
    with pytest.raises(PermissionDenied):
        residents.reveal(coordinator, rid)
    assert len(audit_rows(any_db)) == count
    # The coordinator still sees the register, masked.
    assert residents.get(coordinator, rid).id_number_masked == ID_MASKED
