"""Passwords: Argon2id as shipped, and the rules for a new password."""

from __future__ import annotations

import pytest
from argon2 import Type

import desktop.admin.passwords as passwords
from desktop.common.errors import DomainError


def test_shipped_hasher_is_argon2id_with_rfc9106_parameters(production_hasher, monkeypatch):
    assert production_hasher.type is Type.ID
    assert production_hasher.memory_cost >= 64 * 1024
    assert production_hasher.time_cost >= 3
    monkeypatch.setattr(passwords, "_hasher", production_hasher)
    stored = passwords.hash_password("前台密码abc")
    assert stored.startswith("$argon2id$")
    assert "前台密码abc" not in stored
    assert passwords.verify_password(stored, "前台密码abc")
    assert not passwords.verify_password(stored, "前台密码abd")


def test_a_broken_hash_does_not_verify():
    assert not passwords.verify_password("not-a-hash", "whatever")


def test_new_password_rules():
    passwords.check_new_password("abc123", "abc123")
    with pytest.raises(DomainError, match="at least 6"):
        passwords.check_new_password("abc12")
    with pytest.raises(DomainError, match="do not match"):
        passwords.check_new_password("abc123", "abc124")
