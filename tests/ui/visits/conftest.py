"""The visits screens' fixtures: message boxes that never block (what they said is kept),
the grid worker, and a front-desk user who may see visits but not record them."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.common.permissions import Actor, Permission


@dataclasses.dataclass(frozen=True)
class ViewOnly(Actor):
    """A signed-in user whose role may see visits but not record them."""

    def can(self, permission: Permission) -> bool:
        return permission != Permission.RECORD_VISITS and super().can(permission)


@pytest.fixture(autouse=True)
def messages(monkeypatch) -> Iterator[list[str]]:
    """Message boxes never block; what they would have said is kept."""
    said: list[str] = []

    def record(*args, **kwargs):
        said.append(str(args[2]) if len(args) > 2 else "")
        return QMessageBox.StandardButton.No

    for name in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    yield said


@pytest.fixture
def viewer(front_desk: Actor) -> Actor:
    return ViewOnly(front_desk.user_id, front_desk.username, front_desk.full_name, front_desk.role)
