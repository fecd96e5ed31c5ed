"""One channel for "what changed": from a committed write to every page that shows it.

The database announces each committed write as a :class:`~db.changes.Changes` value
(topics and ids), in whatever thread committed it. The :class:`ChangeHub` carries it to
the GUI thread as ``sig_changed``; pages never know each other, they only say which
topics they show (:func:`watch`). A page that is visible refreshes at once, keeping the
user's selection, scroll position and half-typed input (the page's ``refresh`` does
that); a hidden page only remembers that it is stale and refreshes when it is shown.

Other desks: :meth:`ChangeHub.follow` also hears what *other* processes (the other PCs on
a PostgreSQL server, or a second program on the same SQLite file) commit. A timer asks the
database's change counter every few seconds (``SHEQU_REFRESH_SECONDS``, default 3), on a
background thread, and their changes arrive as ``sig_changed`` like this desk's own, with
whole topics (ids unknown), so the pages showing them refresh the same way.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from desktop.common.changes import Changes, Topic

DEFAULT_REFRESH_SECONDS = 3.0


def refresh_seconds() -> float:
    """How often to ask whether another desk changed something: ``SHEQU_REFRESH_SECONDS``
    (0.2–600), else 3 seconds."""
    try:
        value = float(os.environ.get("SHEQU_REFRESH_SECONDS", DEFAULT_REFRESH_SECONDS))
    except ValueError:
        return DEFAULT_REFRESH_SECONDS
    return min(max(value, 0.2), 600.0) if value == value else DEFAULT_REFRESH_SECONDS


class ChangeHub(QObject):
    """Signals:
    sig_changed(object): a :class:`Changes` value, delivered on the GUI thread.
    """

    sig_changed = Signal(object)
    _sig_incoming = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        # Always queued: a page refreshes after the service call that changed things has
        # returned, never in the middle of it, and never on a worker thread.
        self._sig_incoming.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._sources: list[Any] = []
        self._timers: list[QTimer] = []
        self._watchers: list[Any] = []

    def attach(self, bus: Any) -> None:
        """Listen to a database's change bus (``services.db.changes``)."""
        bus.subscribe(self.publish)
        self._sources.append(bus)

    def follow(self, db: Any, interval: float | None = None) -> None:
        """Hear what ``db`` (``services.db``) commits, in this process at once and in
        other processes within ``interval`` seconds (default :func:`refresh_seconds`)."""
        self.attach(db.changes)
        seconds = refresh_seconds() if interval is None else interval
        watcher = db.watch_others(seconds)
        watcher.poll()  # where things stand now: what others change from here on is news
        timer = QTimer(self)
        timer.setInterval(max(1, round(seconds * 1000)))
        timer.timeout.connect(watcher.poll_soon)
        timer.start()
        self._timers.append(timer)
        self._watchers.append(watcher)  # the connection alone does not keep it alive

    def detach_all(self) -> None:
        for timer in self._timers:
            timer.stop()
        self._timers.clear()
        self._watchers.clear()
        for bus in self._sources:
            bus.unsubscribe(self.publish)
        self._sources.clear()

    def publish(self, changes: Changes) -> None:
        """Announce ``changes`` (thread-safe)."""
        if changes:
            self._sig_incoming.emit(changes)

    @Slot(object)
    def _deliver(self, changes: Changes) -> None:
        self.sig_changed.emit(changes)


Refresh = Callable[[Changes | None], None]
"""A page's refresh: the changes that made it stale, or None after being hidden."""


class StaleUntilShown(QObject):
    """Something that made its page stale while it was hidden (``stale``); when the page is
    shown again, :meth:`shown_stale` refreshes it. The page is its parent, reached as the
    parent only, so nothing here keeps it alive."""

    def __init__(self, page: QWidget):
        super().__init__(page)
        self.stale = False
        page.installEventFilter(self)

    def shown_stale(self) -> None:  # pragma: no cover - overridden
        """The page was shown while stale (``stale`` is cleared already)."""
        raise NotImplementedError

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        # The event type first: while the page is torn down this object's Python side may be
        # cleared already, and it must not be touched for the events of that teardown.
        if event.type() != QEvent.Type.Show or watched is not self.parent():
            return False
        if self.stale:
            self.stale = False
            self.shown_stale()
        return False


class _Watch(StaleUntilShown):
    def __init__(self, hub: ChangeHub, page: QWidget, topics: frozenset[Topic], refresh: Refresh):
        super().__init__(page)
        self._topics = topics
        self._refresh = refresh
        hub.sig_changed.connect(self._on_changed)

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(self._topics):
            return
        page = self.parent()
        if isinstance(page, QWidget) and page.isVisible():
            self._refresh(changes)
        else:
            self.stale = True

    def shown_stale(self) -> None:
        self._refresh(None)


def watch(hub: ChangeHub | None, page: QWidget, topics: Iterable[Topic], refresh: Refresh) -> None:
    """Refresh ``page`` whenever a change touches one of ``topics`` (now, or when shown)."""
    if hub is None:
        return
    _Watch(hub, page, frozenset(topics), refresh)
