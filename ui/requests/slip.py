"""The 回执 (receipt slip) of a registered request: its data, its PDF, its preview.

The slip is a document for the resident and is always printed in Chinese, whatever the
screen language: channel and clock names come from the Chinese tables below, category
and department are the Chinese names the administrator keeps. The PDF is written to a
temporary folder and opened in the preview dialog, from which it prints.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.common.permissions import Actor
from desktop.requests import clocks
from desktop.requests.service import RequestDetail, RequestService
from desktop.requests.slip import SlipData, build_slip
from ui.widgets.i18n import Translator
from ui.widgets.pdf_files import PreviewFactory, open_preview, pdf_folder, wait_cursor, write_pdf

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
SLIP_FOLDER = "shequ-slips"  # in the temporary folder


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
    return pdf_folder(SLIP_FOLDER)


def write_slip(detail: RequestDetail, centre_name: str, folder: Path | None = None) -> Path:
    """Build the slip PDF of a request in a temporary folder; returns its path.

    Raises ``DomainError`` (a character no font can print) or ``OSError``.
    """
    data = slip_data(detail, centre_name)
    return write_pdf(lambda path: build_slip(data, path), f"slip-{detail.number}-", folder or slip_folder())


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
    with wait_cursor():
        detail = requests.get(actor, request_id)
        path = write_slip(detail, centre_name)
    return open_preview(path, _("Slip {number}", number=detail.number), parent, preview_factory)


__all__ = ["CHANNELS_ZH", "CLOCKS_ZH", "PreviewFactory", "show_slip", "slip_data", "write_slip"]
