"""The 回执 (receipt slip) of a registered request: its data, its PDF, its preview.

The slip is a document for the resident and is always printed in Chinese, whatever the
screen language: channel and clock names come from the Chinese tables below, category
and department are the Chinese names the administrator keeps. The PDF is written to a
temporary folder and opened in the preview dialog, from which it prints.
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

from desktop.common.permissions import Actor
from desktop.requests import clocks
from desktop.requests.service import RequestDetail, RequestService
from desktop.requests.slip import SlipData, build_slip
from ui.widgets.i18n import Translator

_ = Translator("reception")

# The slip's Chinese names, independent of the screen language.
CHANNELS_ZH: dict[str, str] = {
    "walk_in": "窗口来访",
    "phone": "电话",
    "hotline": "12345热线",
    "mini_program": "小程序",
    "grid": "网格员上报",
}
CLOCKS_ZH: dict[str, str] = {
    clocks.ACCEPT: "受理时限",
    clocks.ANSWER: "答复时限",
    clocks.RESOLVE: "办结时限",
    clocks.FOLLOW_UP: "回访时限",
}
NOT_ASSIGNED_ZH = "待派单"
SLIP_FOLDER = "shequ-slips"
KEEP_DAYS = 2  # older slip files in the temporary folder are removed

PreviewFactory = Callable[[Path, str, QWidget | None], Any]
"""Opens the preview: ``(pdf_path, title, parent)``; the result's ``open()`` is called if it has one."""


def slip_data(detail: RequestDetail, centre_name: str) -> SlipData:
    """What the slip shows for a registered request.

    Promised dates exist only once the request is routed to a department (the clocks
    start at assignment); until then the department reads 待派单 and no dates are given.
    """
    department = detail.department or NOT_ASSIGNED_ZH
    if detail.department and detail.assists:
        department += "（协办：" + "、".join(detail.assists) + "）"
    promised: list[tuple[str, dt.datetime | dt.date]] = [
        (CLOCKS_ZH[c.clock], c.due_at) for c in detail.clocks if c.clock in CLOCKS_ZH
    ]
    return SlipData(
        centre_name=centre_name,
        request_number=detail.number,
        registered_at=detail.registered_at,
        resident_name=detail.resident_name,
        phone_masked=detail.resident_phone,
        channel=CHANNELS_ZH.get(detail.channel, detail.channel),
        category=detail.category,
        description=detail.description,
        department=department,
        promised=promised,
    )


def slip_folder() -> Path:
    folder = Path(tempfile.gettempdir()) / SLIP_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _remove_old(folder: Path) -> None:
    limit = time.time() - KEEP_DAYS * 86400
    for old in folder.glob("slip-*.pdf"):
        try:
            if old.stat().st_mtime < limit:
                old.unlink()
        except OSError:
            pass  # still open in a viewer, or already gone: not worth a message


def write_slip(detail: RequestDetail, centre_name: str, folder: Path | None = None) -> Path:
    """Build the slip PDF of a request in a temporary folder; returns its path.

    Raises ``DomainError`` (a character no font can print) or ``OSError``.
    """
    data = slip_data(detail, centre_name)
    folder = folder or slip_folder()
    _remove_old(folder)
    # A new file each time: an earlier slip may still be open in a viewer (locked on Windows).
    fd, name = tempfile.mkstemp(prefix=f"slip-{detail.number}-", suffix=".pdf", dir=folder)
    os.close(fd)
    path = Path(name)
    try:
        build_slip(data, path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def show_slip(
    requests: RequestService,
    actor: Actor,
    request_id: int,
    centre_name: str,
    parent: QWidget | None,
    preview_factory: PreviewFactory | None = None,
) -> Any:
    """Build the slip and open its preview (window-modal, not blocking); returns the preview.

    Raises ``DomainError`` (request gone, a character no font can print) or ``OSError``.
    """
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        detail = requests.get(actor, request_id)
        path = write_slip(detail, centre_name)
    finally:
        QGuiApplication.restoreOverrideCursor()
    if preview_factory is None:
        from ui.widgets.pdf_preview import PdfPreviewDialog

        preview_factory = PdfPreviewDialog
    preview = preview_factory(path, _("Slip {number}", number=detail.number), parent)
    if preview is not None and hasattr(preview, "setAttribute"):
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if preview is not None and hasattr(preview, "open"):
        preview.open()
    return preview


__all__ = ["CHANNELS_ZH", "CLOCKS_ZH", "PreviewFactory", "show_slip", "slip_data", "write_slip"]
