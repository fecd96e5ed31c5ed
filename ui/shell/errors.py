"""Never silent: every unexpected error is logged and shown as a plain "出错了" dialog.

Installed once at start-up, before the first window:

- ``sys.excepthook`` and ``threading.excepthook``: an exception nobody caught (in a slot,
  a timer, a worker thread) is written to the log with its traceback and the user sees
  what happened in plain words and where the log is; the program keeps running.
- Qt's message handler: Qt's own warnings go to the log instead of a console nobody sees.

A ``DomainError`` that escapes (for example a ``StorageFailure``: the database is locked
or the server is gone) is shown with its own message: it is something the user can act on.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QObject, Qt, QtMsgType, QUrl, Signal, qInstallMessageHandler
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.common.errors import DomainError
from ui.widgets.i18n import Translator, error_text

_ = Translator("errors")
log = logging.getLogger("ui")

ShowError = Callable[[str, str], None]
"""Shows ``(title, text)`` to the user; tests replace it."""


class _Relay(QObject):
    """Carries an error from any thread to the GUI thread.

    Signals:
        sig_error(str, str): title and text of the dialog to show.
    """

    sig_error = Signal(str, str)


class ErrorReporter:
    """Logs unexpected errors and shows them, one dialog at a time."""

    def __init__(self, log_path: Path, show: ShowError | None = None):
        self.log_path = log_path
        self._show = show or self._dialog
        self._showing = False
        self._relay = _Relay()
        self._relay.sig_error.connect(self._present, Qt.ConnectionType.QueuedConnection)
        self.shown: list[tuple[str, str]] = []

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook
        qInstallMessageHandler(self.qt_message)

    def uninstall(self) -> None:
        sys.excepthook = sys.__excepthook__
        threading.excepthook = threading.__excepthook__
        qInstallMessageHandler(None)

    # --- hooks --------------------------------------------------------------------------
    def excepthook(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        self.report(error, (kind, error, tb))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.report(args.exc_value, (args.exc_type, args.exc_value, args.exc_traceback))

    def qt_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        level = {
            QtMsgType.QtDebugMsg: logging.DEBUG,
            QtMsgType.QtInfoMsg: logging.INFO,
            QtMsgType.QtWarningMsg: logging.WARNING,
        }.get(kind, logging.ERROR)
        logging.getLogger("qt").log(level, "%s (%s:%s)", message, context.file, context.line)

    # --- reporting ----------------------------------------------------------------------
    def report(self, error: BaseException, exc_info=None) -> None:
        """Log ``error`` and show it (from any thread)."""
        if isinstance(error, DomainError):
            log.warning("unhandled domain error: %s", error, exc_info=exc_info)
            self._relay.sig_error.emit(_("Could not finish"), error_text(error))
            return
        log.error("unexpected error", exc_info=exc_info or (type(error), error, error.__traceback__))
        text = _(
            "Something unexpected went wrong, and the last action may not have been completed. "
            "What was already saved is safe; you can carry on working.\n\n"
            "The details were written to the log file:\n{path}\n\n"
            "If it happens again, send this file to your administrator.",
            path=str(self.log_path),
        )
        self._relay.sig_error.emit(_("Something went wrong"), text)

    def _present(self, title: str, text: str) -> None:
        self.shown.append((title, text))
        if self._showing:  # one dialog at a time; the rest are in the log
            return
        self._showing = True
        try:
            self._show(title, text)
        finally:
            self._showing = False

    def _dialog(self, title: str, text: str) -> None:
        parent: QWidget | None = QApplication.activeWindow()
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
        folder = box.addButton(_("Open the log folder"), QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if box.clickedButton() is folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))
