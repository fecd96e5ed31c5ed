"""What the orders job's writes announce to the screens (topics and ids)."""

from __future__ import annotations

import datetime as dt

from db.changes import Changes, Topic
from desktop.orders.service import MenuItemForm, ProviderForm
from desktop.orders.states import Stage
from tests.desktop.orders.support import World


def listen(w: World) -> list[Changes]:
    heard: list[Changes] = []
    w.services.db.changes.subscribe(heard.append)
    return heard


def test_an_order_step_announces_the_order_and_the_funds_it_moves(world: World):
    order = world.walk(Stage.TO_DRAFT)
    heard = listen(world)
    world.orders.draft(world.desk, order, world.draft_form())
    assert len(heard) == 1
    assert heard[0].ids_of(Topic.ORDERS) == frozenset({order})
    assert heard[0].ids_of(Topic.FUNDS) == frozenset({world.funds["党建"]})


def test_a_session_report_announces_its_order_only(world: World):
    order = world.walk(Stage.IN_PROGRESS)
    heard = listen(world)
    world.report(order, people=3, volunteers=[(world.volunteers[0], 60)], groups={world.tags["独居老人"]: 2})
    orders = [c.ids_of(Topic.ORDERS) for c in heard if c.touches([Topic.ORDERS])]
    assert orders and all(ids == frozenset({order}) for ids in orders)
    assert any(c.touches([Topic.SERVICE_HOURS]) for c in heard)  # the love bank's pending record


def test_registry_changes_have_their_topics(world: World):
    heard = listen(world)
    saved = world.orders.save_provider(world.director, ProviderForm(name="新机构", kind="enterprise"))
    item = world.orders.save_menu_item(world.admin, MenuItemForm(category="助老服务", name="助浴"))
    world.orders.set_discredited(world.director, saved.id, True, dt.date(2026, 12, 1), "失信")
    assert heard[0].ids_of(Topic.PROVIDERS) == frozenset({saved.id})
    assert heard[1].ids_of(Topic.SERVICE_MENU) == frozenset({item})
    assert heard[2].ids_of(Topic.PROVIDERS) == frozenset({saved.id})
