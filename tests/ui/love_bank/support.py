"""Helpers of the love-bank screen tests: volunteers made for the test, picking in a
finder as the keyboard does (showing a widget is ``tests.ui.support.show``)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop.common.permissions import Actor
from desktop.opening import Services
from desktop.residents.service import ResidentFilter
from ui.love_bank.finders import FinderEdit

TODAY = dt.date.today()


def free_residents(services: Services, actor: Actor, n: int) -> list[tuple[int, str]]:
    """Residents who are not volunteers yet and whose name finds at most a few people."""
    taken = {v.resident_id for v in services.love_bank.volunteers(actor, limit=100_000)}
    found: list[tuple[int, str]] = []
    for r in services.residents.page(actor, ResidentFilter(), 0, 400):
        if r.id in taken or r.archived or r.name in {name for _id, name in found}:
            continue
        if services.residents.search(actor, ResidentFilter(text=r.name, include_archived=True)).count > 6:
            continue
        found.append((r.id, r.name))
        if len(found) == n:
            return found
    raise AssertionError("not enough residents to make volunteers of")


def new_volunteers(services: Services, actor: Actor, n: int) -> list[int]:
    return [
        services.love_bank.register_volunteer(actor, rid) for rid, _name in free_residents(services, actor, n)
    ]


def pick(finder: FinderEdit, text: str, match) -> None:
    """Type into a finder, run the search and pick the row whose data matches (as ↓ + Enter)."""
    finder.setFocus()
    finder.setText(text)
    finder.search_now()
    tree = finder.popup.tree
    for i in range(tree.topLevelItemCount()):
        data = tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
        if data is not None and match(data):
            tree.setCurrentItem(tree.topLevelItem(i))
            assert finder.pick_current()
            return
    raise AssertionError(f"{text!r} not among {finder.popup.texts()}")


def approve_hours(
    services: Services, actor: Actor, volunteer_id: int, days: int, minutes: int = 8 * 60
) -> None:
    bank = services.love_bank
    ids = [
        bank.record_service(actor, volunteer_id, TODAY - dt.timedelta(days=d + 1), minutes)
        for d in range(days)
    ]
    bank.approve(actor, ids)
