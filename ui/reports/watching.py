"""How the reports screens keep their figures fresh: what they watch, and one reader that
reads the figures off the GUI thread, one read at a time.

Both pages count nearly everything (requests, love bank, orders), so a busy desk sends
many changes: changes arriving close together are read once (``SETTLE_MS``), and a read
asked for while one runs is made once it has ended, so the page never shows an older
read after a newer one.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from desktop.common.changes import Changes, Topic
from desktop.common.errors import DomainError
from ui.widgets.background import Progress, Task, run_task

FIGURE_TOPICS = (
    Topic.REQUESTS,
    Topic.CATALOGUE,
    Topic.DEADLINES,
    Topic.VOLUNTEERS,
    Topic.SERVICE_HOURS,
    Topic.POINTS,
    Topic.SHOP,
    Topic.REDEMPTIONS,
    Topic.ORDERS,
    Topic.FUNDS,
    Topic.PROVIDERS,
    Topic.SETTINGS,
)
"""Everything a figure of a report counts (settings: the report settings, the centre's name)."""
SETTLE_MS = 800
"""Changes arriving within this time are read once."""


class Reader(QObject):
    """Runs ``start()`` → a work function off the GUI thread, then ``on_done(result)``.

    ``start`` is called on the GUI thread when a read begins (so it can take the page's
    current choices); the work function it returns never touches Qt. A DomainError goes
    to ``on_error`` (the page shows it in place); any other error to the error hook.
    """

    def __init__(
        self,
        parent: QWidget,
        start: Callable[[], Callable[[Progress], Any]],
        on_done: Callable[[Any], None],
        on_error: Callable[[DomainError], None],
        *,
        title: str,
    ):
        super().__init__(parent)
        self._page = parent
        self._start = start
        self._on_done = on_done
        self._on_error = on_error
        self._title = title
        self._task: Task | None = None
        self._again = False
        self.reads = 0  # reads ended (tests wait for the next one)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.read)

    @property
    def busy(self) -> bool:
        return self._task is not None

    def changed(self, _changes: Changes | None = None) -> None:
        """Something the figures count changed: read them again shortly."""
        self._settle.start()

    def read(self) -> None:
        """Read now (or as soon as the read under way has ended)."""
        if self._task is not None:
            self._again = True
            return
        self._task = run_task(
            self._page,
            self._start(),
            title=self._title,
            on_done=self._done,
            on_failed=self._failed,
            dialog=False,
        )

    def _done(self, result: Any) -> None:
        self._ended()
        self._on_done(result)  # newer than what is shown, even when another read follows

    def _failed(self, error: BaseException) -> None:
        self._ended()
        if isinstance(error, DomainError):
            self._on_error(error)
        else:  # a bug: the error hook logs it and says 出错了
            sys.excepthook(type(error), error, error.__traceback__)

    def _ended(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.deleteLater()
        self.reads += 1
        if self._again:
            self._again = False
            QTimer.singleShot(0, self.read)
