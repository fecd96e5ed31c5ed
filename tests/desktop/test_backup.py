"""A backup zip holds a sound copy of the database and every attachment."""

from __future__ import annotations

import sqlite3
import zipfile

import pytest

from db.engine import to_url
from desktop import reference_data
from desktop.backup import DATABASE_NAME, make_backup
from desktop.errors import DomainError
from desktop.opening import attachments_dir, open_database
from desktop.permissions import Role
from desktop.requests import RequestForm
from desktop.residents import ResidentForm


def test_backup_contains_the_database_and_the_attachments(tmp_path, make_actor):
    db_file = tmp_path / "centre.sqlite3"
    services = open_database(db_file, backup_dir=None)
    with services.db.writing() as uow:
        reference_data.seed(uow.session)
        uow.commit()
    desk = make_actor(services, Role.FRONT_DESK)
    resident = services.residents.save(desk, ResidentForm(name="张三"))
    category = services.requests.categories()[0][2][0][0]
    rid = services.requests.register(
        desk, RequestForm(resident_id=resident, channel="walk_in", category_id=category, description="测试")
    )
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8 a photo")
    services.requests.add_attachment(desk, rid, photo)

    url = to_url(db_file)
    zip_path = make_backup(url, attachments_dir(url), tmp_path / "backups")
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        assert DATABASE_NAME in names
        stored = [n for n in names if n.startswith("attachments/")]
        assert len(stored) == 1 and zf.read(stored[0]) == photo.read_bytes()
        zf.extract(DATABASE_NAME, tmp_path / "restored")
    copy = sqlite3.connect(tmp_path / "restored" / DATABASE_NAME)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("SELECT count(*) FROM request").fetchone() == (1,)
    assert not list((tmp_path / "backups").glob("*.part"))
    services.db.dispose()


def test_a_missing_database_file_is_refused(tmp_path):
    with pytest.raises(DomainError):
        make_backup(to_url(tmp_path / "nothing.sqlite3"), tmp_path / "att", tmp_path / "out")
