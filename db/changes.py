"""What changed: the one channel from a committed write to every screen that shows it.

Every write goes through a unit of work (:mod:`db.uow`). While it runs, the session's
flushes are watched and each touched row is turned into a *topic* (what kind of thing
changed, e.g. ``requests``) and the id of the thing the user sees (a request event
changes its request; a ledger entry changes its volunteer's points). When the unit of
work commits, one :class:`Changes` value is published to the database's subscribers; a
rollback publishes nothing. Because it is collected from the session itself, a new
service method cannot forget to announce what it wrote.

Core statements run through the session (``session.execute(update(...))``) are seen too;
their ids are unknown, so they announce "some" (an empty id set with ``everything=True``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

log = logging.getLogger(__name__)


class Topic(StrEnum):
    """A kind of thing a screen shows. Pages subscribe to the topics they show."""

    RESIDENTS = "residents"
    REQUESTS = "requests"
    CATALOGUE = "catalogue"
    DEADLINES = "deadlines"
    VOLUNTEERS = "volunteers"
    SERVICE_HOURS = "service_hours"
    POINTS = "points"
    SHOP = "shop"
    REDEMPTIONS = "redemptions"
    USERS = "users"
    AUDIT = "audit"
    SETTINGS = "settings"
    ORDERS = "orders"
    PROVIDERS = "providers"
    FUNDS = "funds"
    SERVICE_MENU = "service_menu"
    VISITS = "visits"
    OTHER = "other"


# table → (topic, attribute holding the id of the thing the user sees)
_TABLES: dict[str, tuple[Topic, str]] = {
    "resident": (Topic.RESIDENTS, "id"),
    "resident_tag": (Topic.RESIDENTS, "resident_id"),
    "grid": (Topic.RESIDENTS, "id"),
    "tag": (Topic.RESIDENTS, "id"),
    "request": (Topic.REQUESTS, "id"),
    "request_assist": (Topic.REQUESTS, "request_id"),
    "request_event": (Topic.REQUESTS, "request_id"),
    "follow_up": (Topic.REQUESTS, "request_id"),
    "attachment": (Topic.REQUESTS, "request_id"),
    "category": (Topic.CATALOGUE, "id"),
    "department": (Topic.CATALOGUE, "id"),
    "response_template": (Topic.CATALOGUE, "id"),
    "clock_limit": (Topic.DEADLINES, "id"),
    "calendar_override": (Topic.DEADLINES, "day"),
    "team": (Topic.VOLUNTEERS, "id"),
    "volunteer": (Topic.VOLUNTEERS, "id"),
    "activity": (Topic.SERVICE_HOURS, "id"),
    "service_record": (Topic.SERVICE_HOURS, "volunteer_id"),
    "point_account": (Topic.POINTS, "volunteer_id"),
    "ledger_entry": (Topic.POINTS, "volunteer_id"),
    "reward_item": (Topic.SHOP, "id"),
    "redemption": (Topic.REDEMPTIONS, "volunteer_id"),
    "redemption_line": (Topic.REDEMPTIONS, "redemption_id"),
    "app_user": (Topic.USERS, "id"),
    "audit_log": (Topic.AUDIT, "id"),
    "setting": (Topic.SETTINGS, "key"),
    # orders (点单服务): an order's parts change the order; a fund's movements the fund
    "service_order": (Topic.ORDERS, "id"),
    "order_target_tag": (Topic.ORDERS, "order_id"),
    "order_candidate": (Topic.ORDERS, "order_id"),
    "order_fund": (Topic.ORDERS, "order_id"),
    "order_event": (Topic.ORDERS, "order_id"),
    "order_session": (Topic.ORDERS, "order_id"),
    # A session's groups and volunteers are written with their session (whose row names
    # the order); their own ids are session ids, not order ids, so they announce nothing.
    "order_session_group": (Topic.OTHER, "session_id"),
    "order_session_volunteer": (Topic.OTHER, "session_id"),
    "order_payment": (Topic.ORDERS, "order_id"),
    "order_attachment": (Topic.ORDERS, "order_id"),
    "provider": (Topic.PROVIDERS, "id"),
    "provider_area": (Topic.PROVIDERS, "provider_id"),
    "provider_inspection": (Topic.PROVIDERS, "provider_id"),
    "fund": (Topic.FUNDS, "id"),
    "fund_exclusion": (Topic.FUNDS, "fund_id"),
    "fund_entry": (Topic.FUNDS, "fund_id"),
    "service_item": (Topic.SERVICE_MENU, "id"),
    "service_item_tag": (Topic.SERVICE_MENU, "item_id"),
}


def register_table(table: str, topic: Topic, id_attribute: str = "id") -> None:
    """Announce rows of ``table`` (a job's new table) under ``topic``."""
    _TABLES[table] = (topic, id_attribute)


@dataclass(frozen=True)
class Changes:
    """What one committed unit of work changed: topic → ids (empty with ``everything``)."""

    ids: dict[Topic, frozenset[Any]] = field(default_factory=dict)
    everything: frozenset[Topic] = frozenset()

    @property
    def topics(self) -> frozenset[Topic]:
        return frozenset(self.ids) | self.everything

    def touches(self, topics: Iterable[Topic]) -> bool:
        return not self.topics.isdisjoint(topics)

    def ids_of(self, topic: Topic) -> frozenset[Any] | None:
        """The ids changed under ``topic``; None when unknown (assume any)."""
        if topic in self.everything:
            return None
        return self.ids.get(topic, frozenset())

    def __bool__(self) -> bool:
        return bool(self.ids) or bool(self.everything)


Subscriber = Callable[[Changes], None]


class ChangeCollector:
    """Watches one session and builds its :class:`Changes`."""

    def __init__(self, session: Session):
        self._ids: dict[Topic, set[Any]] = {}
        self._everything: set[Topic] = set()
        self._session = session
        event.listen(session, "after_flush", self._after_flush)
        event.listen(session, "do_orm_execute", self._on_execute)

    def detach(self) -> None:
        event.remove(self._session, "after_flush", self._after_flush)
        event.remove(self._session, "do_orm_execute", self._on_execute)

    def _after_flush(self, session: Session, _context: object) -> None:
        for obj in (*session.new, *session.dirty, *session.deleted):
            table = getattr(getattr(obj, "__table__", None), "name", None)
            if table is None:
                continue
            topic, attribute = _TABLES.get(table, (Topic.OTHER, "id"))
            value = getattr(obj, attribute, None)
            if value is None:
                self._everything.add(topic)
            else:
                self._ids.setdefault(topic, set()).add(value)

    def _on_execute(self, state: ORMExecuteState) -> None:
        if not (state.is_insert or state.is_update or state.is_delete):
            return
        table = getattr(getattr(state.statement, "table", None), "name", None)
        topic = _TABLES.get(table, (Topic.OTHER, "id"))[0] if table else Topic.OTHER
        self._everything.add(topic)

    def result(self) -> Changes:
        return Changes(
            ids={t: frozenset(v) for t, v in self._ids.items() if t not in self._everything},
            everything=frozenset(self._everything),
        )


class ChangeBus:
    """The database's subscribers; called in the committing thread after each commit."""

    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []

    def subscribe(self, subscriber: Subscriber) -> None:
        self._subscribers.append(subscriber)

    def unsubscribe(self, subscriber: Subscriber) -> None:
        if subscriber in self._subscribers:
            self._subscribers.remove(subscriber)

    def publish(self, changes: Changes) -> None:
        if not changes:
            return
        for subscriber in list(self._subscribers):
            try:
                subscriber(changes)
            except Exception:  # a screen's bug must not undo or hide a committed write
                log.exception("change subscriber failed")
