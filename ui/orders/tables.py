"""The small read-only tables of the orders job (an order's history, sessions, payments
and files; a fund's payments): whole rows, no editing, no Tab trap, and a refill that
keeps the row the user is on and where the table was scrolled to; and the texts of an
order's history, sessions, payments and files, one tuple per line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from desktop.orders.queries import OrderDetail
from ui.orders.formatting import (
    action_text,
    attachment_kind_text,
    day_text,
    minutes_text,
    size_text,
    stage_text,
    time_text,
    tranche_text,
    yuan,
)
from ui.widgets.list_page import setup_table

Rows = Sequence[Sequence[str]]


def read_only(table: QTableWidget, headers: Sequence[str]) -> QTableWidget:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    setup_table(table)
    table.verticalHeader().hide()
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def fill_rows(table: QTableWidget, rows: Sequence[Sequence[str]], *, right: Sequence[int] = ()) -> None:
    """Put ``rows`` in ``table``, keeping the selected row and the scroll position."""
    current = table.currentRow()
    scroll = table.verticalScrollBar().value()
    table.setRowCount(len(rows))
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(text if len(text) > 12 else "")
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    if 0 <= current < len(rows):
        table.selectRow(current)
    table.verticalScrollBar().setValue(scroll)


def event_rows(d: OrderDetail) -> Rows:
    """Time, by whom, the step, the change of stage, provider, reporter, amount, note."""
    rows: list[tuple[str, ...]] = []
    for e in d.events:
        if e.from_stage and e.to_stage and e.from_stage != e.to_stage:
            stage = f"{stage_text(e.from_stage)} → {stage_text(e.to_stage)}"
        else:
            stage = stage_text(e.to_stage) if e.to_stage else ""
        amount = yuan(e.amount) if e.amount is not None else ""
        rows.append(
            (
                time_text(e.at),
                e.username,
                action_text(e.action),
                stage,
                e.provider,
                e.reporter,
                amount,
                e.note,
            )
        )
    return rows


def session_rows(d: OrderDetail) -> Rows:
    """Day, people, key groups, volunteers with their hours, what was done, reporter."""
    return [
        (
            day_text(s.held_on),
            str(s.people),
            "、".join(f"{name} {n}" for name, n in s.groups if name),
            "、".join(f"{v.name} {minutes_text(v.minutes)}" for v in s.volunteers),
            s.content,
            s.reporter,
        )
        for s in d.sessions
    ]


def payment_rows(d: OrderDetail) -> Rows:
    """Day, tranche, fund, amount, deduction and its reason, voucher, by whom, the reason to
    pay above the contract."""
    return [
        (
            day_text(p.paid_on),
            tranche_text(p.tranche),
            p.fund,
            yuan(p.amount),
            yuan(p.deduction) if p.deduction else "",
            p.deduction_reason,
            p.voucher,
            p.username,
            p.over_contract_reason,
        )
        for p in d.payments
    ]


def file_rows(d: OrderDetail) -> Rows:
    return [
        (attachment_kind_text(a.kind), a.filename, size_text(a.size), time_text(a.added_at))
        for a in d.attachments
    ]
