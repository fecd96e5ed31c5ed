"""Printing from the love-bank screens: the 小票 receipt of a redemption and a
volunteer's 积分明细 statement, each written to a temporary PDF and opened in the preview.

The PDFs themselves are built by ``desktop.love_bank.receipt`` and
``desktop.love_bank.statement`` (ReportLab, imported only when printing). Gathering
their data and building them runs off the GUI thread (a statement of 1,500 entries takes
about a second): ``show_receipt`` and ``show_statement`` return at once with the running
task, and the preview opens when the PDF is ready.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.common.errors import NotFound
from desktop.common.permissions import Actor
from desktop.love_bank.service import LoveBankService, RedemptionRow
from ui.widgets.background import Task
from ui.widgets.i18n import Translator
from ui.widgets.pdf_files import (
    BuiltPdf,
    OnOpened,
    PreviewFactory,
    pdf_folder,
    preview_when_built,
    report_failure,
    write_pdf,
)

_ = Translator("lovebank")

PRINT_FOLDER = "shequ-lovebank"  # in the temporary folder


def print_folder() -> Path:
    return pdf_folder(PRINT_FOLDER)


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
    """Build the 小票 of a redemption; returns the PDF's path. Runs on any thread.

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
    prefix = f"receipt-{redemption_number(redemption.id)}-"
    return write_pdf(lambda path: build_receipt(data, path), prefix, folder or print_folder())


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
    ends included); returns the PDF's path. Runs on any thread.

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
    prefix = f"statement-{volunteer_id}-"
    return write_pdf(lambda path: build_statement(data, path), prefix, folder or print_folder())


def show_receipt(
    love_bank: LoveBankService,
    actor: Actor,
    redemption: RedemptionRow,
    centre_name: str,
    parent: QWidget,
    preview_factory: PreviewFactory | None = None,
    *,
    reprint: bool = False,
    on_opened: OnOpened | None = None,
) -> Task:
    """Build the receipt off the GUI thread, then open its preview (window-modal, not
    blocking) and hand it to ``on_opened``; returns the running task."""
    title = _("Receipt {number}", number=f"DH{redemption.id:06d}")

    def build() -> BuiltPdf:
        return BuiltPdf(write_receipt(love_bank, actor, redemption, centre_name, reprint=reprint), title)

    return preview_when_built(
        parent,
        build,
        title=_("Print receipt"),
        preview_factory=preview_factory,
        on_opened=on_opened,
        on_failed=report_failure(parent, _("Print receipt")),
    )


def show_statement(
    love_bank: LoveBankService,
    actor: Actor,
    volunteer_id: int,
    name: str,
    centre_name: str,
    parent: QWidget,
    preview_factory: PreviewFactory | None = None,
    *,
    on_opened: OnOpened | None = None,
) -> Task:
    """Build the statement of volunteer ``name`` off the GUI thread, then open its preview
    (window-modal, not blocking) and hand it to ``on_opened``; returns the running task."""
    title = _("Points statement of {name}", name=name)

    def build() -> BuiltPdf:
        return BuiltPdf(write_statement(love_bank, actor, volunteer_id, centre_name), title)

    return preview_when_built(
        parent,
        build,
        title=_("Print statement"),
        preview_factory=preview_factory,
        on_opened=on_opened,
        on_failed=report_failure(parent, _("Print statement")),
    )


__all__ = [
    "OnOpened",
    "PreviewFactory",
    "find_redemption",
    "print_folder",
    "show_receipt",
    "show_statement",
    "write_receipt",
    "write_statement",
]
