"""Password hashing with Argon2id (argon2-cffi's defaults follow RFC 9106)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from desktop.common.errors import DomainError
from desktop.common.i18n import N_

_hasher = PasswordHasher()
MIN_LENGTH = 6


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


_dummy: tuple[PasswordHasher, str] | None = None


def verify_nothing(password: str) -> bool:
    """Spend the time :func:`verify_password` spends, for a user name that does not
    exist: a login then answers an unknown name as slowly as a wrong password, so the
    time does not tell which names exist. Always False."""
    global _dummy
    if _dummy is None or _dummy[0] is not _hasher:  # made with the hasher in use
        _dummy = (_hasher, _hasher.hash("not-a-password"))
    verify_password(_dummy[1], password)
    return False


def check_new_password(password: str, confirm: str | None = None) -> None:
    if len(password) < MIN_LENGTH:
        raise DomainError(N_("A password needs at least {n} characters."), n=MIN_LENGTH)
    if confirm is not None and password != confirm:
        raise DomainError(N_("The two passwords do not match."))
