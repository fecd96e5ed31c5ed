"""Long work off the GUI thread: the one runner for PDFs, backups, migrations, reports, Excel.

A function runs in Qt's thread pool; its progress, its result or its error come back to
the GUI thread through queued signals, so the window never freezes and no widget is
touched from another thread. :func:`run_task` adds what a user needs around it: a
progress dialog (shown only if the work lasts over ``SHOW_AFTER_MS``), 取消 where the work
can stop cleanly, and the error in a dialog. The work function never touches Qt; it gets
a :class:`Progress` to report to and to ask whether the user cancelled.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.common.errors import DomainError
from ui.widgets.i18n import Translator
from ui.widgets.messages import show_error

_ = Translator("background")

SHOW_AFTER_MS = 400
"""Work that ends sooner shows no dialog at all (no flicker for a quick slip)."""


class Cancelled(Exception):
    """Raised by the work function when the user pressed 取消; nothing was kept."""


class Progress:
    """Handed to the work function: report how far it is, check whether to stop."""

    def __init__(self, relay: _Relay):
        self._relay = relay
        self._cancelled = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        _emit(self._relay.sig_progress, int(done), int(total), text)

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user cancelled (call between steps)."""
        if self._cancelled.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self._cancelled.set()


class _Relay(QObject):
    """Signals (emitted from the worker, delivered on the GUI thread):
    sig_done(object): the function returned this value.
    sig_failed(object): the function raised this exception.
    sig_progress(int, int, str): done, total and a line of text.
    """

    sig_done = Signal(object)
    sig_failed = Signal(object)
    sig_progress = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self._fn, self._relay = fn, relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread to show
            _emit(self._relay.sig_failed, exc)
        else:
            _emit(self._relay.sig_done, result)


def _emit(signal: Any, *args: Any) -> None:
    """Emit from the worker unless the window that asked for the work is gone.

    Closing a dialog deletes its relay; the work itself has finished (a file written, a
    row committed), there is just nobody left to tell.
    """
    try:
        signal.emit(*args)
    except RuntimeError:  # "Internal C++ object already deleted"
        pass


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
    relay.sig_done.connect(on_done, Qt.ConnectionType.QueuedConnection)
    relay.sig_failed.connect(on_failed, Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(_Job(fn, relay))
    return relay


class Task(QObject):
    """One piece of long work with its progress dialog.

    Signals:
        sig_finished(): the work ended (done, failed or cancelled) and the dialog is gone.
    """

    sig_finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        work: Callable[[Progress], Any],
        *,
        title: str,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None] | None = None,
        cancellable: bool = False,
        on_progress: Callable[[int, int, str], None] | None = None,
        dialog: bool = True,
    ):
        super().__init__(parent)
        self.title = title
        self._on_done = on_done
        self._on_failed = on_failed
        self._on_progress = on_progress
        self.result: Any = None
        self.error: BaseException | None = None
        self.running = True
        self._relay = _Relay(self)
        self.progress = Progress(self._relay)
        self.dialog: QProgressDialog | None = None
        if dialog:
            self.dialog = QProgressDialog(title, _("Cancel") if cancellable else "", 0, 0, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(SHOW_AFTER_MS)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            if not cancellable:
                self.dialog.setCancelButton(None)
            self.dialog.canceled.connect(self._cancel)
            self.dialog.setValue(0)
        self._relay.sig_progress.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self._relay.sig_done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self._relay.sig_failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        progress = self.progress
        QThreadPool.globalInstance().start(_Job(lambda: work(progress), self._relay))

    @Slot(int, int, str)
    def _show_progress(self, done: int, total: int, text: str) -> None:
        if not self.running:
            return
        if self._on_progress is not None:
            self._on_progress(done, total, text)
        if self.dialog is None:
            return
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total > 0 else 0)
        if text:
            self.dialog.setLabelText(text)

    @Slot()
    def _cancel(self) -> None:
        self.progress.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(_("Stopping…"))

    def _finish(self) -> None:
        self.running = False
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self._cancel)
            self.dialog.close()
            self.dialog.deleteLater()
        self.sig_finished.emit()

    @Slot(object)
    def _done(self, result: Any) -> None:
        self.result = result
        self._finish()
        self._on_done(result)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self.error = error
        self._finish()
        if isinstance(error, Cancelled):
            return
        if self._on_failed is not None:
            self._on_failed(error)
        elif isinstance(error, DomainError):
            parent = self.parent()
            show_error(parent if isinstance(parent, QWidget) else None, self.title, error)
        else:  # a bug: the error hook logs it and says 出错了
            sys.excepthook(type(error), error, error.__traceback__)


def run_task(
    parent: QWidget | None,
    work: Callable[[Progress], Any],
    *,
    title: str,
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None] | None = None,
    cancellable: bool = False,
    on_progress: Callable[[int, int, str], None] | None = None,
    dialog: bool = True,
) -> Task:
    """Run ``work(progress)`` off the GUI thread with a progress dialog; see :class:`Task`.

    ``on_progress(done, total, text)`` also hears each report on the GUI thread; with
    ``dialog=False`` no progress dialog is shown at all (the caller shows the progress
    itself, e.g. the login window while the database opens behind it).
    """
    return Task(
        parent,
        work,
        title=title,
        on_done=on_done,
        on_failed=on_failed,
        cancellable=cancellable,
        on_progress=on_progress,
        dialog=dialog,
    )
