"""What the request screens watch, and the minute tick of their deadline colours.

Every request screen stays current through :func:`ui.widgets.change_hub.watch`: it names
the topics it shows and refreshes itself (keeping the selection, the scroll position and
anything half typed) when a committed write touches one of them — at once when it is
visible, once when it is next shown otherwise. Screens that colour deadlines (今日待办,
全部诉求, the detail) also go stale with time alone: a request turns yellow, then red,
while nobody writes anything. :func:`watch_with_clock` adds a tick for that: a refresh
every minute while shown, and one on showing again if a tick passed while hidden.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable, Iterable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.common.changes import Changes, Topic
from ui.widgets.change_hub import ChangeHub, Refresh, StaleUntilShown, watch

LIST_TOPICS = (Topic.REQUESTS, Topic.CATALOGUE, Topic.RESIDENTS)
"""A list of requests shows requests, their category and department names, residents' names."""
DETAIL_TOPICS = (*LIST_TOPICS, Topic.DEADLINES)
"""The detail also shows the four deadlines, computed from the limits and the calendar."""
RECEPTION_TOPICS = (Topic.CATALOGUE, Topic.RESIDENTS, Topic.REQUESTS)
"""Reception offers categories, departments and grids, shows the chosen resident and the
possible duplicates (requests)."""

TICK_MS = 60_000
"""Deadline colours are shown to the minute."""


def weakly(refresh: Callable[[Changes | None], None]) -> Refresh:
    """A page's bound ``refresh`` that does not keep the page alive.

    What watches a page lives as long as the page; holding the page's method strongly
    would make a reference cycle, and a cycle is freed only when Python's collector
    happens to run — possibly while Qt is painting the page's table, whose model then
    goes first. Held weakly, the page goes as soon as its owner lets it go.
    """
    method = weakref.WeakMethod(refresh)

    def call(changes: Changes | None) -> None:
        bound = method()
        if bound is not None:
            bound(changes)

    return call


class MinuteTick(StaleUntilShown):
    """Calls ``refresh(None)`` every ``interval_ms`` while ``page`` is visible; a tick
    that falls while it is hidden makes it refresh once when shown, unless it has been
    refreshed meanwhile (every refresh goes through :meth:`refresh`)."""

    def __init__(self, page: QWidget, refresh: Refresh, interval_ms: int = TICK_MS):
        super().__init__(page)  # the page is reached as the parent, its refresh weakly
        self._refresh = weakly(refresh)
        self._interval_s = interval_ms / 1000
        self.last = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def refresh(self, changes: Changes | None) -> None:
        self.last = time.monotonic()
        self._refresh(changes)

    def tick(self) -> None:
        page = self.parent()
        # While a message is on screen (e.g. the database is unreachable), ticks only note
        # that the page is stale: a minute's tick must not stack message on message.
        busy = isinstance(QApplication.activeModalWidget(), QMessageBox)
        if isinstance(page, QWidget) and page.isVisible() and not busy:
            self.refresh(None)
        else:
            self.stale = True

    def shown_stale(self) -> None:
        if time.monotonic() - self.last >= self._interval_s:
            self.refresh(None)


def watch_with_clock(
    hub: ChangeHub | None, page: QWidget, topics: Iterable[Topic], refresh: Refresh
) -> MinuteTick:
    """:func:`watch` ``topics`` on ``hub`` (if any), and refresh with the minute tick too.

    The tick's filter is installed first, so on showing the hub's refresh runs first
    (Qt calls the filter installed last first) and the tick does not read again.
    """
    tick = MinuteTick(page, refresh)
    watch(hub, page, topics, tick.refresh)  # the tick holds the page's refresh weakly
    return tick
