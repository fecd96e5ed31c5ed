"""Printing from the service-order screens: the 服务工单, the 服务确认单 and the 驳回通知 of
an order, and the monthly 政府购买服务明细 — each written to a temporary PDF and opened
in the preview, from which it prints.

The PDFs are built by ``desktop.orders.*_pdf`` (ReportLab, imported only when printing).
Reading the order and building the PDF run off the GUI thread
(:func:`~ui.widgets.pdf_files.preview_when_built`): ``show_document`` and
``show_statement`` return at once with the running task, and the preview opens when
the PDF is ready. A PDF that could not be written says why in a message box.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.common.permissions import Actor
from desktop.orders.service import OrderService
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

_ = Translator("orders")

PRINT_FOLDER = "shequ-orders"  # in the temporary folder


class Document(StrEnum):
    WORK_ORDER = "work_order"  # 服务工单
    CONFIRMATION = "confirmation"  # 服务确认单
    REJECTION = "rejection"  # 驳回通知


def document_title(document: Document, number: str) -> str:
    return {
        Document.WORK_ORDER: _("Work order {number}", number=number),
        Document.CONFIRMATION: _("Service confirmation {number}", number=number),
        Document.REJECTION: _("Rejection notice {number}", number=number),
    }[document]


def print_folder() -> Path:
    return pdf_folder(PRINT_FOLDER)


def write_document(
    orders: OrderService,
    actor: Actor,
    order_id: int,
    document: Document,
    centre_name: str,
    *,
    folder: Path | None = None,
) -> Path:
    """Read the order and build one of its documents; returns the PDF's path. Runs on
    any thread. Raises ``DomainError`` (order gone, no rejection, a character no font
    can print) or ``OSError``."""
    detail = orders.order(actor, order_id)
    operator = actor.full_name or actor.username
    now = dt.datetime.now()
    prefix = f"{document.value}-{detail.number}-"

    def build(path: Path) -> None:
        if document == Document.WORK_ORDER:
            from desktop.orders.work_order_pdf import build_work_order

            provider = orders.provider(actor, detail.provider_id) if detail.provider_id is not None else None
            build_work_order(detail, centre_name, path, operator=operator, provider=provider, printed_at=now)
        elif document == Document.CONFIRMATION:
            from desktop.orders.confirmation_pdf import build_confirmation

            build_confirmation(detail, centre_name, path, operator=operator, printed_at=now)
        else:
            from desktop.orders.rejection_notice_pdf import build_rejection_notice

            build_rejection_notice(detail, centre_name, path, printed_at=now)

    return write_pdf(build, prefix, folder or print_folder())


def write_statement(
    orders: OrderService, actor: Actor, year: int, month: int, centre_name: str, *, folder: Path | None = None
) -> Path:
    """Build the month's 政府购买服务明细; returns the PDF's path. Runs on any thread."""
    from desktop.orders.purchase_statement_pdf import build_purchase_statement

    statement = orders.purchase_statement(actor, year, month)
    operator = actor.full_name or actor.username

    def build(path: Path) -> None:
        build_purchase_statement(
            statement, path, centre_name=centre_name, operator=operator, printed_at=dt.datetime.now()
        )

    return write_pdf(build, f"purchases-{year}-{month:02d}-", folder or print_folder())


def show_document(
    orders: OrderService,
    actor: Actor,
    order_id: int,
    number: str,
    document: Document,
    centre_name: str,
    parent: QWidget,
    preview_factory: PreviewFactory | None = None,
    *,
    on_opened: OnOpened | None = None,
) -> Task:
    """Build a document of the order off the GUI thread, then open its preview."""
    title = document_title(document, number)

    def build() -> BuiltPdf:
        return BuiltPdf(write_document(orders, actor, order_id, document, centre_name), title)

    return preview_when_built(
        parent,
        build,
        title=title,
        preview_factory=preview_factory,
        on_opened=on_opened,
        on_failed=report_failure(parent, title),
    )


def show_statement(
    orders: OrderService,
    actor: Actor,
    year: int,
    month: int,
    centre_name: str,
    parent: QWidget,
    preview_factory: PreviewFactory | None = None,
    *,
    on_opened: OnOpened | None = None,
) -> Task:
    """Build the month's statement off the GUI thread, then open its preview."""
    title = _("Government purchase statement {year}-{month}", year=year, month=f"{month:02d}")

    def build() -> BuiltPdf:
        return BuiltPdf(write_statement(orders, actor, year, month, centre_name), title)

    return preview_when_built(
        parent,
        build,
        title=title,
        preview_factory=preview_factory,
        on_opened=on_opened,
        on_failed=report_failure(parent, title),
    )
