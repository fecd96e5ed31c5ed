"""The 回执 (receipt slip) of a registered request: its data, its PDF, its preview.

The slip is a document for the resident and is always printed in Chinese, whatever the
screen language: channel and clock names come from the Chinese tables below, category
and department are the Chinese names the administrator keeps. :func:`print_slip` reads
the request and writes the PDF to a temporary folder off the GUI thread
(:func:`~ui.widgets.pdf_files.preview_when_built`), then opens the preview dialog, from
which it prints. Reception prints it after registering, the detail dialog reprints it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.common.permissions import Actor
from desktop.requests import clocks
from desktop.requests.service import RequestDetail, RequestService
from desktop.requests.slip import SlipData, build_slip
from ui.widgets.background import Task
from ui.widgets.i18n import Translator
from ui.widgets.pdf_files import BuiltPdf, PreviewFactory, pdf_folder, preview_when_built, write_pdf

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


def slip_pdf(
    requests: RequestService, actor: Actor, request_id: int, title: str, centre_name: str = ""
) -> BuiltPdf:
    """Read the request and write its slip; runs off the GUI thread (no Qt here).

    ``title`` is the preview's title with ``{number}`` to fill in; ``centre_name``
    empty: the name kept in the database. Raises ``DomainError`` (request gone, a
    character no font can print) or ``OSError``.
    """
    detail = requests.get(actor, request_id)
    path = write_slip(detail, centre_name or requests.centre_name())
    return BuiltPdf(path, title.format(number=detail.number))


def print_slip(
    requests: RequestService,
    actor: Actor,
    request_id: int,
    parent: QWidget | None,
    *,
    centre_name: str = "",
    preview_factory: PreviewFactory | None = None,
    on_opened: Callable[[Any], None] | None = None,
    on_failed: Callable[[BaseException], None] | None = None,
) -> Task:
    """Build the slip of a request in the background, then open its preview
    (window-modal, not blocking) and hand it to ``on_opened``. A failure is shown in a
    message box unless ``on_failed`` takes it."""
    title = _("Slip {number}")  # translated here: the work runs without Qt
    return preview_when_built(
        parent,
        lambda: slip_pdf(requests, actor, request_id, title, centre_name),
        title=_("Printing the slip"),
        preview_factory=preview_factory,
        on_opened=on_opened,
        on_failed=on_failed,
    )


__all__ = [
    "CHANNELS_ZH",
    "CLOCKS_ZH",
    "PreviewFactory",
    "build_slip",
    "print_slip",
    "slip_data",
    "write_slip",
]
