"""Long work off the GUI thread: a function runs in Qt's thread pool and its result (or
error) comes back to the GUI thread through a signal, so the window never freezes and
no widget is touched from another thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    """Signals:
    sig_done(object): the function returned this value.
    sig_failed(object): the function raised this exception.
    """

    sig_done = Signal(object)
    sig_failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self._fn, self._relay = fn, relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread to show
            self._relay.sig_failed.emit(exc)
        else:
            self._relay.sig_done.emit(result)


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
    parent: QObject | None = None,
) -> _Relay:
    """Run ``fn`` in the thread pool; the callbacks run on the GUI thread.

    Keep the returned relay (or give a ``parent``) until it has signalled.
    """
    relay = _Relay(parent)
    relay.sig_done.connect(on_done)
    relay.sig_failed.connect(on_failed)
    QThreadPool.globalInstance().start(_Job(fn, relay))
    return relay
