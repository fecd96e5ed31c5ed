"""The visits screens' fixtures: message boxes that never block (what they said is kept),
the grid worker, and a front-desk user who may see visits but not record them."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.common.permissions import Actor, Permission


@dataclasses.dataclass(frozen=True)
class ViewOnly(Actor):
    """A signed-in user whose role may see visits but not record them."""

    def can(self, permission: Permission) -> bool:
        return permission != Permission.RECORD_VISITS and super().can(permission)


@pytest.fixture(autouse=True)
def quiet_message_boxes(messages: list[str]) -> list[str]:
    """Every test here: message boxes never block (``messages`` in tests/ui/conftest.py)."""
    return messages


@pytest.fixture
def viewer(front_desk: Actor) -> Actor:
    return ViewOnly(front_desk.user_id, front_desk.username, front_desk.full_name, front_desk.role)
