"""The one attachment store: by content, shared by every desk on a server, in the folder
beside a SQLite file (which the backup zips)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from db.models import Category
from desktop.common.attachments import ATTACHMENT_MAX_BYTES, AttachmentStore, check_file
from desktop.common.errors import DomainError
from desktop.common.permissions import Role
from desktop.opening import Services, attachments_dir, open_database
from desktop.requests import reference_data
from desktop.requests.service import RequestForm, RequestService
from desktop.residents.service import ResidentForm

PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


@pytest.fixture
def other_desk(pg_db: Services, pg_url: str) -> Iterator[Services]:
    """A second PC on the same server: its own engine."""
    desk = open_database(pg_url, backup_dir=None)
    try:
        yield desk
    finally:
        desk.db.dispose()


def test_desk_b_opens_the_bytes_desk_a_stored_on_a_server(pg_db, other_desk, tmp_path):
    a = AttachmentStore(pg_db.db, tmp_path / "desk-a")
    b = AttachmentStore(other_desk.db, tmp_path / "desk-b")  # another PC's folder: empty
    ref = a.put(PHOTO, "门口照片.png")
    assert ref.sha256 == hashlib.sha256(PHOTO).hexdigest() and ref.size == len(PHOTO)
    assert b.exists(ref.sha256)
    opened = b.open(ref.sha256, "门口照片.png")
    assert opened.read_bytes() == PHOTO
    assert opened.is_relative_to(tmp_path / "desk-b")  # desk B's cached copy
    copy = tmp_path / "copy.png"
    b.copy_to(ref.sha256, copy)
    assert copy.read_bytes() == PHOTO


def test_the_same_content_is_kept_once(any_db, tmp_path):
    store = AttachmentStore(any_db.db, tmp_path / "files")
    first = store.put(PHOTO, "a.png")
    source = tmp_path / "b.png"
    source.write_bytes(PHOTO)
    assert store.put(source) == first


def test_on_sqlite_the_bytes_live_in_the_folder_beside_the_database(sqlite_db, sqlite_url):
    folder = attachments_dir(sqlite_url)
    ref = AttachmentStore(sqlite_db.db, folder).put(PHOTO, "a.png")
    assert (folder / ref.sha256[:2] / ref.sha256).read_bytes() == PHOTO


def test_a_file_only_on_the_pc_that_added_it_is_shared_when_it_opens_it(pg_db, other_desk, tmp_path):
    """Added before the database kept the bytes: desk B cannot have it until desk A opens it."""
    sha = hashlib.sha256(PHOTO).hexdigest()
    legacy = tmp_path / "desk-a" / sha[:2] / sha
    legacy.parent.mkdir(parents=True)
    legacy.write_bytes(PHOTO)
    b = AttachmentStore(other_desk.db, tmp_path / "desk-b")
    with pytest.raises(DomainError) as refused:
        b.open(sha, "旧照片.png")
    assert "旧照片.png" in str(refused.value)  # a message, not FileNotFoundError
    assert AttachmentStore(pg_db.db, tmp_path / "desk-a").open(sha) == legacy
    assert b.open(sha).read_bytes() == PHOTO


def test_a_damaged_cached_copy_is_not_served(pg_db, tmp_path):
    store = AttachmentStore(pg_db.db, tmp_path / "cache")
    ref = store.put(PHOTO, "a.png")
    cached = store.open(ref.sha256)
    cached.write_bytes(b"half a file")
    cached.unlink()  # a damaged copy is replaced from the database
    assert store.open(ref.sha256).read_bytes() == PHOTO


def test_empty_unreadable_and_huge_files_are_refused(any_db, tmp_path):
    store = AttachmentStore(any_db.db, tmp_path / "files")
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    with pytest.raises(DomainError, match="empty"):
        store.put(empty)
    with pytest.raises(DomainError, match="cannot be read"):
        check_file(tmp_path / "missing.jpg")
    with pytest.raises(DomainError, match="at most 20 MB"):
        store.put(b"x" * (ATTACHMENT_MAX_BYTES + 1), "huge.bin")


def test_a_request_attachment_added_on_one_desk_opens_on_the_other(pg_db, other_desk, make_actor, tmp_path):
    """The requests job through the store: desk A attaches, desk B (its own data folder) opens."""
    with pg_db.db.writing() as uow:
        reference_data.seed(uow.session)
        uow.commit()
    with pg_db.db.reading() as uow:
        category = uow.session.scalar(select(Category.id).where(Category.name == "垃圾清运"))
    desk_a = make_actor(pg_db, Role.FRONT_DESK)
    desk_b = other_desk.accounts.login(desk_a.username, "secret123")
    resident = pg_db.residents.save(desk_a, ResidentForm(name="张三"))
    service_a = RequestService(pg_db.db, tmp_path / "desk-a")
    service_b = RequestService(other_desk.db, tmp_path / "desk-b")  # another PC's folder
    request_id = service_a.register(
        desk_a,
        RequestForm(resident_id=resident, channel="walk_in", category_id=category, description="楼道灯坏了"),
    )
    photo = tmp_path / "楼道.png"
    photo.write_bytes(PHOTO)
    service_a.add_attachment(desk_a, request_id, photo)
    attachment = service_b.get(desk_b, request_id).attachments[0]
    assert service_b.open_attachment(desk_b, attachment.id).read_bytes() == PHOTO
    copy = tmp_path / "saved.png"
    service_b.export_attachment(desk_b, attachment.id, copy)
    assert copy.read_bytes() == PHOTO
