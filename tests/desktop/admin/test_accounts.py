"""Accounts: first-run setup, login, lock-out, user management and its audit trail."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.admin.accounts import LOCK_MINUTES, MAX_FAILURES, AccountService
from desktop.common.clock import MovableClock
from desktop.common.errors import DomainError, FieldErrors, PermissionDenied
from desktop.common.permissions import SYSTEM, Role
from desktop.opening import open_database

PASSWORD = "admin123"


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(dt.datetime(2026, 11, 21, 9, 0, 0))


@pytest.fixture
def accounts(any_db, clock) -> AccountService:
    service = AccountService(any_db.db, now=clock)
    service.setup("幸福社区党群服务中心", "admin", PASSWORD, PASSWORD)
    return service


def fail_until_locked(accounts: AccountService, username: str = "admin") -> None:
    for attempt in range(1, MAX_FAILURES + 1):
        with pytest.raises(DomainError) as exc:
            accounts.login(username, "wrong-password")
        if attempt < MAX_FAILURES:  # never how many tries remain: that tells the name exists
            assert (exc.value.template, exc.value.params) == ("Wrong user name or password.", {})
        else:
            assert exc.value.params["minutes"] == LOCK_MINUTES


# --- setup ---------------------------------------------------------------------------
def test_setup_creates_the_first_administrator_once(any_db, audit_rows):
    accounts = any_db.accounts
    assert accounts.needs_setup()
    accounts.setup(" 幸福社区党群服务中心 ", " admin ", PASSWORD, PASSWORD)
    assert not accounts.needs_setup()
    assert any_db.centre.name() == "幸福社区党群服务中心"
    assert any_db.requests.categories()  # the new centre starts with the request categories
    actor = accounts.login("admin", PASSWORD)
    assert actor.role is Role.ADMIN
    [setup, login] = audit_rows(any_db)
    assert (setup.action, setup.entity, setup.username) == ("setup", "user", "system")
    assert json.loads(setup.after)["centre_name"] == "幸福社区党群服务中心"
    assert "password" not in setup.after
    assert (login.action, login.user_id) == ("login", actor.user_id)
    with pytest.raises(DomainError, match="already been set up"):
        accounts.setup("另一个中心", "admin2", PASSWORD, PASSWORD)
    assert len(audit_rows(any_db)) == 2


def test_setup_reports_every_bad_field_and_writes_nothing(any_db, audit_rows):
    with pytest.raises(FieldErrors) as exc:
        any_db.accounts.setup("  ", "", "abc", "abc")
    assert set(exc.value.errors) == {"centre_name", "username", "password"}
    with pytest.raises(FieldErrors) as exc:
        any_db.accounts.setup("中心", "admin", "abc123", "abc124")
    assert set(exc.value.errors) == {"password"}
    assert any_db.accounts.needs_setup()
    assert audit_rows(any_db) == []


# --- login and lock-out --------------------------------------------------------------
def test_login_with_wrong_name_or_password_says_the_same(accounts):
    with pytest.raises(DomainError, match="Wrong user name or password") as unknown:
        accounts.login("nobody", PASSWORD)
    with pytest.raises(DomainError, match="Wrong user name or password") as wrong:
        accounts.login("admin", "wrong-password")
    assert (unknown.value.template, unknown.value.params) == (wrong.value.template, wrong.value.params)
    with pytest.raises(DomainError, match="Enter your user name"):
        accounts.login("admin", "")


def test_five_wrong_passwords_lock_the_account_for_15_minutes(accounts, clock, audit_rows, any_db):
    fail_until_locked(accounts)
    # Locked: even the right password is refused, and says for how long.
    with pytest.raises(DomainError, match="locked") as exc:
        accounts.login("admin", PASSWORD)
    assert exc.value.params["minutes"] == LOCK_MINUTES
    clock.advance(minutes=LOCK_MINUTES - 1, seconds=59)
    with pytest.raises(DomainError, match="locked") as exc:
        accounts.login("admin", PASSWORD)
    assert exc.value.params["minutes"] == 1
    clock.advance(seconds=1)
    assert accounts.login("admin", PASSWORD).username == "admin"
    actions = [r.action for r in audit_rows(any_db)]
    assert actions == ["setup"] + ["login_failed"] * (MAX_FAILURES - 1) + ["lock", "login"]


def test_a_successful_login_resets_the_failure_count(accounts):
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(DomainError):
            accounts.login("admin", "wrong-password")
    accounts.login("admin", PASSWORD)
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(DomainError, match="Wrong user name or password"):
            accounts.login("admin", "wrong-password")
    assert accounts.login("admin", PASSWORD).username == "admin"


def test_lock_survives_a_restart(sqlite_url, tmp_path, clock):
    services = open_database(sqlite_url, backup_dir=tmp_path / "backups")
    accounts = AccountService(services.db, now=clock)
    accounts.setup("幸福社区", "admin", PASSWORD, PASSWORD)
    fail_until_locked(accounts)
    services.db.dispose()  # the program is closed ...

    reopened = open_database(sqlite_url, backup_dir=tmp_path / "backups")  # ... and started again
    try:
        accounts = AccountService(reopened.db, now=clock)
        clock.advance(minutes=5)
        with pytest.raises(DomainError, match="locked") as exc:
            accounts.login("admin", PASSWORD)
        assert exc.value.params["minutes"] == LOCK_MINUTES - 5
        clock.advance(minutes=LOCK_MINUTES - 5)
        assert accounts.login("admin", PASSWORD).role is Role.ADMIN
    finally:
        reopened.db.dispose()


def test_inactive_user_cannot_log_in(accounts):
    admin = accounts.login("admin", PASSWORD)
    uid = accounts.create_user(
        admin, username="qiantai", full_name="李秀英", role=Role.FRONT_DESK, password="qiantai123"
    )
    accounts.update_user(admin, uid, full_name="李秀英", role=Role.FRONT_DESK, is_active=False)
    with pytest.raises(DomainError, match="Wrong user name or password"):
        accounts.login("qiantai", "qiantai123")


def test_reset_password_lifts_the_lock(accounts, audit_rows, any_db):
    admin = accounts.login("admin", PASSWORD)
    uid = accounts.create_user(
        admin, username="qiantai", full_name="李秀英", role=Role.FRONT_DESK, password="qiantai123"
    )
    fail_until_locked(accounts, "qiantai")
    accounts.reset_password(admin, uid, "new-secret")
    assert accounts.login("qiantai", "new-secret").role is Role.FRONT_DESK
    assert "reset_password" in [r.action for r in audit_rows(any_db)]


# --- managing users ------------------------------------------------------------------
def test_create_and_update_user_are_audited(accounts, audit_rows, any_db):
    admin = accounts.login("admin", PASSWORD)
    uid = accounts.create_user(
        admin,
        username=" qiantai ",
        full_name=" 李秀英 ",
        role=Role.FRONT_DESK,
        password="qiantai123",
    )
    accounts.update_user(admin, uid, full_name="李秀英", role=Role.COORDINATOR, is_active=True)
    create, update = audit_rows(any_db)[-2:]
    assert (create.action, create.entity, create.entity_id) == ("create", "user", str(uid))
    assert (create.user_id, create.username) == (admin.user_id, "admin")
    assert json.loads(create.after) == {
        "username": "qiantai",
        "full_name": "李秀英",
        "role": "front_desk",
        "is_active": True,
    }
    assert "qiantai123" not in create.after and "argon2" not in create.after
    assert update.action == "update"
    assert json.loads(update.before)["role"] == "front_desk"
    assert json.loads(update.after)["role"] == "coordinator"
    [row] = [u for u in accounts.list_users(admin) if u.id == uid]
    assert (row.username, row.role, row.is_active) == ("qiantai", Role.COORDINATOR, True)


def test_an_update_that_changes_nothing_writes_no_audit_row(accounts, audit_rows, any_db):
    admin = accounts.login("admin", PASSWORD)
    uid = accounts.create_user(
        admin, username="qiantai", full_name="李秀英", role=Role.FRONT_DESK, password="qiantai123"
    )
    before = len(audit_rows(any_db))
    accounts.update_user(admin, uid, full_name="李秀英", role=Role.FRONT_DESK, is_active=True)
    assert len(audit_rows(any_db)) == before


def test_failing_changes_write_nothing(accounts, audit_rows, any_db):
    admin = accounts.login("admin", PASSWORD)
    accounts.create_user(
        admin, username="qiantai", full_name="李秀英", role=Role.FRONT_DESK, password="qiantai123"
    )
    before = audit_rows(any_db)
    with pytest.raises(FieldErrors) as exc:
        accounts.create_user(
            admin, username="qiantai", full_name="另一个人", role=Role.DIRECTOR, password="abc123"
        )
    assert set(exc.value.errors) == {"username"}
    with pytest.raises(FieldErrors) as exc:
        accounts.create_user(admin, username="", full_name="", role=Role.DIRECTOR, password="1")
    assert set(exc.value.errors) == {"username", "full_name", "password"}
    # An administrator cannot lock themselves out of administration.
    with pytest.raises(DomainError, match="your own administrator rights"):
        accounts.update_user(admin, admin.user_id, full_name="王", role=Role.DIRECTOR, is_active=True)
    with pytest.raises(DomainError, match="your own administrator rights"):
        accounts.update_user(admin, admin.user_id, full_name="王", role=Role.ADMIN, is_active=False)
    with pytest.raises(FieldErrors):
        accounts.change_own_password(admin, "wrong-old", "new-secret", "new-secret")
    assert [r.id for r in audit_rows(any_db)] == [r.id for r in before]
    [me] = [u for u in accounts.list_users(admin) if u.id == admin.user_id]
    assert (me.role, me.is_active) == (Role.ADMIN, True)
    assert accounts.login("admin", PASSWORD)  # old password still valid


def test_change_own_password(accounts):
    admin = accounts.login("admin", PASSWORD)
    accounts.change_own_password(admin, PASSWORD, "new-secret", "new-secret")
    with pytest.raises(DomainError):
        accounts.login("admin", PASSWORD)
    assert accounts.login("admin", "new-secret").username == "admin"


@pytest.mark.parametrize("role", [Role.FRONT_DESK, Role.COORDINATOR, Role.DIRECTOR])
def test_only_an_administrator_manages_users(accounts, audit_rows, any_db, role):
    admin = accounts.login("admin", PASSWORD)
    uid = accounts.create_user(admin, username="someone", full_name="某人", role=role, password="secret123")
    actor = accounts.login("someone", "secret123")
    before = len(audit_rows(any_db))
    with pytest.raises(PermissionDenied):
        accounts.list_users(actor)
    with pytest.raises(PermissionDenied):
        accounts.create_user(actor, username="x", full_name="某", role=Role.ADMIN, password="secret123")
    with pytest.raises(PermissionDenied):
        accounts.update_user(actor, uid, full_name="某人", role=Role.ADMIN, is_active=True)
    with pytest.raises(PermissionDenied):
        accounts.reset_password(actor, admin.user_id, "secret123")
    assert len(audit_rows(any_db)) == before
    assert accounts.login("someone", "secret123").role is role


def test_system_actor_is_an_administrator():
    assert SYSTEM.role is Role.ADMIN and SYSTEM.user_id is None
