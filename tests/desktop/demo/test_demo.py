"""Demo mode: a working centre a newcomer can log into at once."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from db.models import AuditEntry, Grid, Resident, ResidentTag, Tag, User
from desktop.common.clock import fixed_clock
from desktop.common.errors import DomainError
from desktop.common.permissions import Role
from desktop.common.validation import check_id_number
from desktop.demo.generate import DEMO_CENTRE, DEMO_USERS, SCALES, fill_demo
from desktop.residents.service import KEY_GROUPS, ResidentFilter


def scalar(services, stmt):
    with services.db.reading() as uow:
        return uow.session.scalar(stmt)


def test_every_role_logs_in_with_the_documented_password(demo_db):
    assert {role for _, _, role, _ in DEMO_USERS} == set(Role)
    for username, full_name, role, password in DEMO_USERS:
        actor = demo_db.accounts.login(username, password)
        assert (actor.username, actor.full_name, actor.role) == (username, full_name, role)


def test_centre_scale(demo_db):
    size = SCALES["centre"]
    assert demo_db.centre.name() == DEMO_CENTRE
    assert scalar(demo_db, select(func.count()).select_from(Resident)) == size.residents == 2000
    assert scalar(demo_db, select(func.count()).select_from(Grid)) == size.grids
    assert {name for _, name in demo_db.residents.tags()} == set(KEY_GROUPS)
    tagged = scalar(demo_db, select(func.count(func.distinct(ResidentTag.resident_id))))
    assert 200 < tagged < size.residents
    lonely = scalar(
        demo_db,
        select(func.count()).select_from(ResidentTag).join(Tag).where(Tag.name == "独居老人"),
    )
    assert lonely > 0


def test_demo_residents_look_real(demo_db):
    with demo_db.db.reading() as uow:
        rows = uow.session.execute(
            select(
                Resident.name,
                Resident.id_number,
                Resident.phone,
                Resident.gender,
                Resident.birth_date,
            )
            .where(Resident.id_number.is_not(None))
            .limit(200)
        ).all()
    assert len(rows) == 200
    for name, idn, phone, gender, birth in rows:
        info = check_id_number(idn)
        assert (info.gender, info.birth_date) == (gender, birth)
        assert 2 <= len(name) <= 4
        assert phone is None or (len(phone) == 11 and phone.startswith("1"))


def test_demo_register_is_searchable(demo_db):
    desk = demo_db.accounts.login("qiantai", "qiantai123")
    total = demo_db.residents.count(desk, ResidentFilter())
    assert 1900 < total < 2000  # about 2 % are archived
    with demo_db.db.reading() as uow:
        name, initials = uow.session.execute(
            select(Resident.name, Resident.name_initials)
            .where(Resident.archived.is_(False))
            .order_by(Resident.id)
            .limit(1)
        ).one()
    names = {r.name for r in demo_db.residents.page(desk, ResidentFilter(text=initials), 0, 500)}
    assert name in names
    assert demo_db.residents.count(desk, ResidentFilter(text="号楼")) == total


def test_demo_goes_only_into_a_new_database(demo_db):
    with pytest.raises(DomainError, match="already has data"):
        fill_demo(demo_db.db, "centre")


def test_unknown_scale_is_refused(sqlite_db):
    with pytest.raises(DomainError, match="Unknown demo scale"):
        fill_demo(sqlite_db.db, "country")


def test_demo_initials_are_those_the_register_computes(demo_db):
    """Bulk-loaded rows must be found exactly like rows saved through the service."""
    from desktop.common.pinyin import initials

    with demo_db.db.reading() as uow:
        rows = uow.session.execute(select(Resident.name, Resident.name_initials)).all()
    wrong = [(name, stored) for name, stored in rows if stored != initials(name)]
    assert wrong == []


def test_the_demo_history_runs_up_to_the_clock_it_is_given(sqlite_db):
    moment = dt.datetime(2026, 3, 2, 10, 15)
    fill_demo(sqlite_db.db, "centre", now=fixed_clock(moment))
    assert scalar(sqlite_db, select(func.min(User.created_at))) == moment
    assert scalar(sqlite_db, select(func.max(Resident.created_at))) <= moment
    assert scalar(sqlite_db, select(func.max(AuditEntry.at))) == moment
