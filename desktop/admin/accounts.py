"""Logging in, first-run setup and user management.

Lock-out: after ``MAX_FAILURES`` wrong passwords in a row an account is locked for
``LOCK_MINUTES``. The counter and the lock time live in the database, so quitting and
restarting the app does not reset them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db import admin as repo
from db import audit as audit_chain
from db import settings as settings_repo
from db.models import User
from db.uow import Database
from desktop.admin.passwords import check_new_password, hash_password, verify_nothing, verify_password
from desktop.common import audit
from desktop.common.clock import Clock, system_clock
from desktop.common.errors import DomainError, FieldErrors, NotFound
from desktop.common.i18n import N_
from desktop.common.permissions import SYSTEM, Actor, Permission, Role
from desktop.common.validation import NAME_MAX, check_text, form_text

MAX_FAILURES = 5
LOCK_MINUTES = 15
USERNAME_MAX = 64
"""The width of ``app_user.username``; new names are held to ``validation.NAME_MAX``."""
_WRONG = N_("Wrong user name or password.")
_LOCKED = N_("Too many wrong passwords: this account is locked for {minutes} minutes.")


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    full_name: str
    role: Role
    is_active: bool
    locked_until: dt.datetime | None
    failed_logins: int


def _row(u: User) -> UserRow:
    return UserRow(
        id=u.id,
        username=u.username,
        full_name=u.full_name,
        role=Role(u.role),
        is_active=u.is_active,
        locked_until=u.locked_until,
        failed_logins=u.failed_logins,
    )


def _actor(u: User) -> Actor:
    return Actor(u.id, u.username, u.full_name, Role(u.role))


def _snapshot(u: User) -> dict:
    return {
        "username": u.username,
        "full_name": u.full_name,
        "role": u.role,
        "is_active": u.is_active,
    }


def _refuse_if_locked(user: User, now: dt.datetime) -> None:
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() + 59) // 60)
        raise DomainError(
            N_("Too many wrong passwords: this account is locked for {minutes} more minutes."),
            minutes=minutes,
        )


def _new_user(username: str, full_name: str, role: Role, password_hash: str, now: dt.datetime) -> User:
    return User(
        username=username,
        full_name=full_name,
        role=Role(role).value,
        password_hash=password_hash,
        is_active=True,
        failed_logins=0,
        created_at=now,
    )


StartingData = Callable[[Session], None]
"""Writes a new centre's starting data (the request categories and departments) inside
the setup transaction; :mod:`desktop.opening` passes the requests job's, so this job
does not import another."""


class AccountService:
    """Accounts: first-run setup, login with lock-out, and the administrator's user list.

    Args:
        db: the database.
        now: the clock (lock-out times, creation times, the login audit rows).
        starting_data: what else the first-run setup writes (see :data:`StartingData`).
    """

    def __init__(self, db: Database, now: Clock = system_clock, *, starting_data: StartingData | None = None):
        self._db = db
        self._now = now
        self._starting_data = starting_data

    # --- first run -------------------------------------------------------------------
    def needs_setup(self) -> bool:
        with self._db.reading() as uow:
            return repo.user_count(uow.session) == 0

    def setup(self, centre_name: str, admin_username: str, password: str, confirm: str) -> None:
        """Create the first administrator and name the centre (only on an empty database)."""
        errors: dict[str, DomainError] = {}
        centre_name = form_text(errors, "centre_name", centre_name, NAME_MAX)
        admin_username = form_text(errors, "username", admin_username, NAME_MAX)
        if not centre_name:
            errors["centre_name"] = DomainError(N_("Enter the centre's name."))
        if not admin_username:
            errors["username"] = DomainError(N_("Enter a user name."))
        try:
            check_new_password(password, confirm)
        except DomainError as exc:
            errors["password"] = exc
        if errors:
            raise FieldErrors(errors)
        password_hash = hash_password(password)  # slow by design: before the transaction
        with self._db.writing() as uow:
            s = uow.session
            if repo.user_count(s):
                raise DomainError(N_("This database has already been set up."))
            settings_repo.put(s, settings_repo.CENTRE_NAME, centre_name)
            if self._starting_data is not None:
                self._starting_data(s)
            user = _new_user(admin_username, "系统管理员", Role.ADMIN, password_hash, self._now())
            s.add(user)
            s.flush()
            audit.record(
                s, SYSTEM, "setup", "user", user.id, after={"centre_name": centre_name, **_snapshot(user)}
            )
            uow.commit()

    # --- login -----------------------------------------------------------------------
    def login(self, username: str, password: str) -> Actor:
        """Return the actor for a correct password; count failures and lock the account.

        An attempt is counted *before* its password is checked, in a short transaction
        that holds the account's row (``FOR UPDATE`` on PostgreSQL, the write lock on
        SQLite): when ``MAX_FAILURES`` attempts are counted and not yet cleared by a
        right password, every further attempt is refused as locked without checking —
        so eight desks guessing at once get five guesses, not thirteen. The password is
        checked outside any transaction (Argon2 takes a noticeable fraction of a second
        by design); a second short transaction then clears the count (right) or locks
        the account (the fifth wrong one).

        An unknown or deactivated name gets the same message as a wrong password, after
        a password hash of the same cost, and no answer ever says how many tries remain.
        """
        username = check_text(username, USERNAME_MAX)
        if not username or not password:
            raise DomainError(N_("Enter your user name and password."))
        now = self._now()
        password_hash: str | None = None
        with self._db.writing() as uow:
            s = uow.session
            # A PC that could not write the login's audit row must not count the attempt
            # either: the count would never be cleared and the account would lock itself.
            cannot_write = audit_chain.refusal(s)
            if cannot_write is not None:
                raise cannot_write
            found = repo.user_by_username(s, username)
            user = repo.lock_user(s, found.id) if found is not None else None
            if user is not None and user.is_active:
                _refuse_if_locked(user, now)
                if user.failed_logins >= MAX_FAILURES:  # the last tries are being checked
                    raise DomainError(_LOCKED, minutes=LOCK_MINUTES)
                user.failed_logins += 1
                user_id, password_hash = user.id, user.password_hash
                uow.commit()
        if password_hash is None:
            verify_nothing(password)  # as slow as a wrong password
            raise DomainError(_WRONG)
        correct = verify_password(password_hash, password)
        with self._db.writing() as uow:
            s = uow.session
            user = repo.lock_user(s, user_id)
            if user is None or not user.is_active:
                raise DomainError(_WRONG)
            if correct:
                user.failed_logins = 0
                user.locked_until = None
                actor = _actor(user)
                audit.record(s, actor, "login", "user", user.id, at=now)
                uow.commit()
                return actor
            already_locked = user.locked_until is not None and user.locked_until > now
            locked = not already_locked and user.failed_logins >= MAX_FAILURES
            if locked:
                user.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
                user.failed_logins = 0
            audit.record(s, _actor(user), "lock" if locked else "login_failed", "user", user.id, at=now)
            uow.commit()
        if locked:
            raise DomainError(_LOCKED, minutes=LOCK_MINUTES)
        raise DomainError(_WRONG)

    # --- management (admin) ----------------------------------------------------------
    def list_users(self, actor: Actor) -> list[UserRow]:
        actor.require(Permission.MANAGE_USERS)
        with self._db.reading() as uow:
            return [_row(u) for u in repo.users(uow.session)]

    def create_user(self, actor: Actor, *, username: str, full_name: str, role: Role, password: str) -> int:
        actor.require(Permission.MANAGE_USERS)
        errors: dict[str, DomainError] = {}
        username = form_text(errors, "username", username, NAME_MAX)
        full_name = form_text(errors, "full_name", full_name, NAME_MAX)
        if not username:
            errors["username"] = DomainError(N_("Enter a user name."))
        if not full_name:
            errors["full_name"] = DomainError(N_("Enter the person's name."))
        try:
            check_new_password(password)
        except DomainError as exc:
            errors["password"] = exc
        if errors:
            raise FieldErrors(errors)
        password_hash = hash_password(password)  # slow by design: before the transaction
        with self._db.writing() as uow:
            s = uow.session
            if repo.user_by_username(s, username) is not None:
                raise FieldErrors(
                    {"username": DomainError(N_("The user name {name} is taken."), name=username)}
                )
            user = _new_user(username, full_name, role, password_hash, self._now())
            s.add(user)
            s.flush()
            audit.record(s, actor, "create", "user", user.id, after=_snapshot(user))
            uow.commit()
            return user.id

    def update_user(self, actor: Actor, user_id: int, *, full_name: str, role: Role, is_active: bool) -> None:
        actor.require(Permission.MANAGE_USERS)
        full_name = check_text(full_name, NAME_MAX, field="full_name")
        if not full_name:
            raise FieldErrors({"full_name": DomainError(N_("Enter the person's name."))})
        with self._db.writing() as uow:
            s = uow.session
            user = s.get(User, user_id)
            if user is None:
                raise NotFound(N_("This user no longer exists."))
            if user.id == actor.user_id and (not is_active or Role(role) != Role.ADMIN):
                raise DomainError(N_("You cannot remove your own administrator rights."))
            before = _snapshot(user)
            user.full_name, user.role, user.is_active = full_name, Role(role).value, is_active
            if before == _snapshot(user):
                return
            audit.record(s, actor, "update", "user", user.id, before=before, after=_snapshot(user))
            uow.commit()

    def reset_password(self, actor: Actor, user_id: int, password: str) -> None:
        """Set a new password and lift any lock."""
        actor.require(Permission.MANAGE_USERS)
        check_new_password(password)
        password_hash = hash_password(password)
        with self._db.writing() as uow:
            s = uow.session
            user = s.get(User, user_id)
            if user is None:
                raise NotFound(N_("This user no longer exists."))
            user.password_hash = password_hash
            user.failed_logins = 0
            user.locked_until = None
            audit.record(s, actor, "reset_password", "user", user.id)
            uow.commit()

    def change_own_password(self, actor: Actor, old: str, new: str, confirm: str) -> None:
        check_new_password(new, confirm)
        with self._db.writing() as uow:
            s = uow.session
            user = s.get(User, actor.user_id)
            if user is None or not verify_password(user.password_hash, old):
                raise FieldErrors({"old": DomainError(N_("The current password is wrong."))})
            user.password_hash = hash_password(new)
            audit.record(s, actor, "change_password", "user", user.id)
            uow.commit()
