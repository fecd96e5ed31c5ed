"""Printing from the love-bank screens: the 小票 receipt of a redemption and a
volunteer's 积分明细 statement, each written to a temporary PDF and opened in the preview.

The PDFs themselves are built by ``desktop.love_bank.receipt`` and
``desktop.love_bank.statement`` (ReportLab, imported only when printing); this module
gathers their data from ``LoveBankService`` and opens ``PdfPreviewDialog``.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from desktop.common.errors import NotFound
from desktop.common.permissions import Actor
from desktop.love_bank.service import LoveBankService, RedemptionRow
from ui.widgets.i18n import Translator

_ = Translator("lovebank")

PRINT_FOLDER = "shequ-lovebank"
KEEP_DAYS = 2  # older PDFs in the temporary folder are removed

PreviewFactory = Callable[[Path, str, QWidget | None], Any]
"""Opens the preview: ``(pdf_path, title, parent)``; the result's ``open()`` is called if it has one."""


def print_folder() -> Path:
    folder = Path(tempfile.gettempdir()) / PRINT_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _remove_old(folder: Path) -> None:
    limit = time.time() - KEEP_DAYS * 86400
    for old in folder.glob("*.pdf"):
        try:
            if old.stat().st_mtime < limit:
                old.unlink()
        except OSError:
            pass  # still open in a viewer, or already gone


def _new_file(prefix: str, folder: Path | None = None) -> Path:
    folder = folder or print_folder()
    _remove_old(folder)
    # A new file each time: an earlier one may still be open in a viewer (locked on Windows).
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".pdf", dir=folder)
    os.close(fd)
    return Path(name)


def _build(path: Path, build: Callable[[Path], None]) -> Path:
    try:
        build(path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def find_redemption(love_bank: LoveBankService, actor: Actor, volunteer_id: int, redemption_id: int):
    for r in love_bank.redemptions(actor, volunteer_id=volunteer_id, limit=1000):
        if r.id == redemption_id:
            return r
    raise NotFound(_("This redemption no longer exists."))


def write_receipt(
    love_bank: LoveBankService,
    actor: Actor,
    redemption: RedemptionRow,
    centre_name: str,
    *,
    reprint: bool = False,
    folder: Path | None = None,
) -> Path:
    """Build the 小票 of a redemption; returns the PDF's path.

    Raises ``DomainError`` (volunteer gone, a character no font can print) or ``OSError``.
    """
    from desktop.love_bank.receipt import build_receipt, receipt_data, redemption_number

    volunteer = love_bank.volunteer(actor, redemption.volunteer_id)
    data = receipt_data(
        redemption,
        volunteer,
        centre_name=centre_name,
        coordinator=actor.full_name or actor.username,
        reprint=reprint,
        printed_at=dt.datetime.now() if reprint else None,
    )
    path = _new_file(f"receipt-{redemption_number(redemption.id)}-", folder)
    return _build(path, lambda p: build_receipt(data, p))


def write_statement(
    love_bank: LoveBankService,
    actor: Actor,
    volunteer_id: int,
    centre_name: str,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    folder: Path | None = None,
) -> Path:
    """Build a volunteer's 积分明细 statement (the whole history, or a period with both
    ends included); returns the PDF's path.

    Raises ``DomainError`` (volunteer gone, a character no font can print) or ``OSError``.
    """
    from desktop.love_bank.statement import build_statement, statement_for

    data = statement_for(
        love_bank,
        actor,
        volunteer_id,
        centre_name=centre_name,
        start=start,
        end=end,
        coordinator=actor.full_name or actor.username,
        operator_names={actor.username: actor.full_name} if actor.full_name else None,
        printed_at=dt.datetime.now(),
    )
    path = _new_file(f"statement-{volunteer_id}-", folder)
    return _build(path, lambda p: build_statement(data, p))


def _preview(path: Path, title: str, parent: QWidget | None, preview_factory: PreviewFactory | None) -> Any:
    if preview_factory is None:
        from ui.widgets.pdf_preview import PdfPreviewDialog

        preview_factory = PdfPreviewDialog
    preview = preview_factory(path, title, parent)
    if preview is not None and hasattr(preview, "setAttribute"):
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if preview is not None and hasattr(preview, "open"):
        preview.open()
    return preview


def show_receipt(
    love_bank: LoveBankService,
    actor: Actor,
    redemption: RedemptionRow,
    centre_name: str,
    parent: QWidget | None,
    preview_factory: PreviewFactory | None = None,
    *,
    reprint: bool = False,
) -> Any:
    """Build the receipt and open its preview (window-modal, not blocking); returns it."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        path = write_receipt(love_bank, actor, redemption, centre_name, reprint=reprint)
    finally:
        QGuiApplication.restoreOverrideCursor()
    return _preview(path, _("Receipt {number}", number=f"DH{redemption.id:06d}"), parent, preview_factory)


def show_statement(
    love_bank: LoveBankService,
    actor: Actor,
    volunteer_id: int,
    centre_name: str,
    parent: QWidget | None,
    preview_factory: PreviewFactory | None = None,
) -> Any:
    """Build the statement and open its preview (window-modal, not blocking); returns it."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        name = love_bank.volunteer(actor, volunteer_id).name
        path = write_statement(love_bank, actor, volunteer_id, centre_name)
    finally:
        QGuiApplication.restoreOverrideCursor()
    return _preview(path, _("Points statement of {name}", name=name), parent, preview_factory)
