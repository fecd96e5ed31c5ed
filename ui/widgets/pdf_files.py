"""The one way a screen prints a document: build the PDF into a temporary file and open
it in the preview, from which it prints. :func:`preview_when_built` builds it off the GUI
thread (:mod:`ui.widgets.background`), so a long statement never freezes the window.

Each job keeps its PDFs in its own folder of the system's temporary folder
(``shequ-slips``, ``shequ-lovebank`` …). The PDFs carry residents' names, so they do not
outlive the session: :func:`remove_session_files` deletes every PDF this process made
(the app calls it at quit and at logout); files older than :data:`KEEP_DAYS` (left by a
session that crashed) are removed when the next one is made. Every PDF gets a new file
name: an earlier one may still be open in a viewer, which locks it on Windows. The preview dialog itself
(:mod:`ui.widgets.pdf_preview`, Qt PDF) is imported only when a preview opens.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from desktop.common.errors import DomainError
from ui.widgets.i18n import Translator, error_text
from ui.widgets.messages import show_error

if TYPE_CHECKING:
    from ui.widgets.background import Task

_ = Translator("pdf")

KEEP_DAYS = 2  # older PDFs in a temporary folder are removed

_made: set[Path] = set()
"""The PDFs this process wrote (they may be written on worker threads: see ``_made_lock``)."""
_made_lock = threading.Lock()

PreviewFactory = Callable[[Path, str, QWidget | None], Any]
"""Opens the preview: ``(pdf_path, title, parent)``; the result's ``open()`` is called if it has one."""

OnOpened = Callable[[Any], None]
"""Receives the preview once it is open (pages keep it, tests look at it)."""


def pdf_folder(name: str) -> Path:
    """The folder ``name`` in the system's temporary folder, created if needed."""
    folder = Path(tempfile.gettempdir()) / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def remove_old(folder: Path, keep_days: float = KEEP_DAYS) -> None:
    """Remove the PDFs of ``folder`` older than ``keep_days``."""
    limit = time.time() - keep_days * 86400
    for old in folder.glob("*.pdf"):
        try:
            if old.stat().st_mtime < limit:
                old.unlink()
        except OSError:
            pass  # still open in a viewer, or already gone: not worth a message


def write_pdf(build: Callable[[Path], None], prefix: str, folder: Path) -> Path:
    """Call ``build(path)`` with a new file ``<prefix>….pdf`` in ``folder``; returns the
    path. Old PDFs of the folder are removed first; if ``build`` fails, no file is left.

    Raises what ``build`` raises (``DomainError`` for a character no font can print) or
    ``OSError``.
    """
    remove_old(folder)
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".pdf", dir=folder)
    os.close(fd)
    path = Path(name)
    with _made_lock:
        _made.add(path)
    try:
        build(path)
    except BaseException:
        path.unlink(missing_ok=True)
        with _made_lock:
            _made.discard(path)
        raise
    return path


def session_files() -> list[Path]:
    """The PDFs this process made that still exist."""
    with _made_lock:
        return sorted(p for p in _made if p.exists())


def remove_session_files() -> int:
    """Delete every PDF this process made (and its folder when that is left empty).

    Returns how many could not be deleted (still open in another program on Windows;
    they go with the next session's clean-up of old files).
    """
    with _made_lock:
        made = sorted(_made)
        _made.clear()
    left = 0
    for path in made:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            left += 1
            continue
        with contextlib.suppress(OSError):
            path.parent.rmdir()  # only succeeds when nothing else is in it
    return left


@contextlib.contextmanager
def wait_cursor() -> Iterator[None]:
    """The busy cursor while a PDF is built."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def open_preview(
    path: Path, title: str, parent: QWidget | None, preview_factory: PreviewFactory | None = None
) -> Any:
    """Open the preview of ``path`` (window-modal, not blocking, deleted when closed);
    returns it. ``preview_factory`` defaults to :class:`~ui.widgets.pdf_preview.PdfPreviewDialog`."""
    if preview_factory is None:
        from ui.widgets.pdf_preview import PdfPreviewDialog

        preview_factory = PdfPreviewDialog
    preview = preview_factory(path, title, parent)
    if preview is not None and hasattr(preview, "setAttribute"):
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if preview is not None and hasattr(preview, "open"):
        preview.open()
    return preview


@dataclass(frozen=True)
class BuiltPdf:
    """A PDF written to a temporary file, and the title of its preview."""

    path: Path
    title: str


def preview_when_built(
    parent: QWidget | None,
    build: Callable[[], BuiltPdf],
    *,
    title: str,
    preview_factory: PreviewFactory | None = None,
    on_opened: Callable[[Any], None] | None = None,
    on_failed: Callable[[BaseException], None] | None = None,
) -> Task:
    """Run ``build`` off the GUI thread (it gathers the data and writes the PDF, never
    touching Qt), then open the preview on the GUI thread and hand it to ``on_opened``.

    ``title`` names the work in the progress dialog (shown only when it lasts) and in
    the message of a failure; ``on_failed`` replaces that message (see
    :func:`~ui.widgets.background.run_task`). The task deletes itself when it has ended.
    """
    from ui.widgets.background import run_task

    def opened(built: BuiltPdf) -> None:
        preview = open_preview(built.path, built.title, parent, preview_factory)
        if on_opened is not None:
            on_opened(preview)

    task = run_task(parent, lambda _progress: build(), title=title, on_done=opened, on_failed=on_failed)
    task.sig_finished.connect(task.deleteLater)  # one print, one task: none piles up on the page
    return task


def failure_reason(error: BaseException) -> str | None:
    """Why a PDF could not be made, in the user's words: a ``DomainError``'s message (a
    character no font can print, the record gone) or the ``OSError`` (disk full, a file
    locked). Anything else is a bug: it goes to the error hook, which logs it and says
    出错了, and None is returned (the caller says nothing more)."""
    if isinstance(error, DomainError):
        return error_text(error)
    if isinstance(error, OSError):
        return str(error)
    sys.excepthook(type(error), error, error.__traceback__)
    return None


def report_failure(parent: QWidget, title: str) -> Callable[[BaseException], None]:
    """The ``on_failed`` of :func:`preview_when_built` that says in a message box why the
    PDF titled ``title`` could not be made (see :func:`failure_reason`)."""

    def failed(error: BaseException) -> None:
        reason = failure_reason(error)
        if reason is None:
            return
        if isinstance(error, OSError):
            reason = _("The PDF could not be written: {error}", error=reason)
        show_error(parent, title, reason)

    return failed


__all__ = [
    "KEEP_DAYS",
    "BuiltPdf",
    "OnOpened",
    "PreviewFactory",
    "failure_reason",
    "open_preview",
    "pdf_folder",
    "preview_when_built",
    "remove_old",
    "report_failure",
    "wait_cursor",
    "write_pdf",
]
