"""The table of requests shared by the requests list (全部诉求) and the start page (今日待办).

Both show ``RequestRow``s in a ``WindowedTableModel``: the same columns (the start page
a subset), the deadline on a soft red / yellow / green background, the urgency as a dot,
widths from the font. Both open a row the same way (:class:`RequestOpener`): they emit
``sig_open_request`` and, when nobody listens, open the detail dialog themselves
(``DetailFactory``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, SignalInstance
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QDialog, QTableView, QWidget

from desktop.common.changes import Changes
from desktop.common.labels import category_label
from desktop.common.permissions import Actor
from desktop.requests.clocks import COLOUR_LABELS
from desktop.requests.service import CHANNELS, URGENCIES, RequestFilter, RequestRow, RequestService
from desktop.requests.states import STATUS_LABELS
from ui.requests.formatting import deadline_text, format_time, resident_text, urgency_dot
from ui.widgets.change_hub import ChangeHub
from ui.widgets.forms import DialogHost
from ui.widgets.i18n import Translator, desktop_text
from ui.widgets.list_page import setup_table
from ui.widgets.opening import has_receivers, open_detail
from ui.widgets.palette import CLOCK_BACKGROUNDS, CLOCK_FOREGROUNDS
from ui.widgets.windowed_model import Column, ServiceRows, WindowedTableModel

_ = Translator("requests")

# Column keys, in the list's order; the start page shows a subset.
NUMBER, REGISTERED, RESIDENT, CHANNEL, CATEGORY, URGENCY, STATUS, DEPARTMENT, DEADLINE = (
    "number",
    "registered",
    "resident",
    "channel",
    "category",
    "urgency",
    "status",
    "department",
    "deadline",
)
ALL_COLUMNS = (NUMBER, REGISTERED, RESIDENT, CHANNEL, CATEGORY, URGENCY, STATUS, DEPARTMENT, DEADLINE)

DetailFactory = Callable[..., QDialog]
"""Builds the detail dialog: ``(requests, actor, request_id, parent, hub=hub)``
(``RequestDetailDialog`` by default)."""


def request_columns(keys: Sequence[str] = ALL_COLUMNS) -> list[Column[RequestRow]]:
    centre = Qt.AlignmentFlag.AlignCenter
    every: dict[str, Column[RequestRow]] = {
        NUMBER: Column(_("Number"), lambda r: r.number),
        REGISTERED: Column(_("Registered"), lambda r: format_time(r.registered_at)),
        RESIDENT: Column(_("Resident"), resident_text),
        CHANNEL: Column(_("Channel"), lambda r: desktop_text(CHANNELS.get(r.channel, r.channel))),
        CATEGORY: Column(_("Category"), lambda r: r.category),
        URGENCY: Column(_("Urgency"), lambda r: desktop_text(URGENCIES.get(r.urgency, r.urgency))),
        STATUS: Column(
            _("Status"), lambda r: desktop_text(STATUS_LABELS.get(r.status, r.status)), align=centre
        ),
        DEPARTMENT: Column(_("Lead department"), lambda r: r.department),
        DEADLINE: Column(_("Current deadline"), deadline_text),
    }
    return [every[k] for k in keys]


def column_samples(key: str) -> list[str]:
    """Texts a column must fit: its longest labels in the current language, or a sample.

    Widths come from the font, never from the rows (that would fetch every page).
    """
    labels = {
        CHANNEL: CHANNELS.values(),
        URGENCY: URGENCIES.values(),
        STATUS: STATUS_LABELS.values(),
    }
    if key in labels:
        return [desktop_text(label) for label in labels[key]]
    return [
        {
            NUMBER: "2026-11-000123",
            REGISTERED: "2026-11-23 09:30",
            RESIDENT: "欧阳秀英（20人）",
            CATEGORY: category_label("垃圾清运", "环境卫生"),
            DEPARTMENT: "街道城市管理办公室",
            DEADLINE: "办结 11-23 09:30 前",
        }[key]
    ]


class RequestTableModel(WindowedTableModel[RequestRow]):
    """The windowed model plus the deadline colours, urgency dots and tooltips."""

    def __init__(self, keys: Sequence[str] = ALL_COLUMNS, page_size: int = 100):
        super().__init__(request_columns(keys), page_size=page_size)
        self.keys = list(keys)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        key = self.keys[index.column()]
        if key == DEADLINE and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            row = self.row_at(index.row())
            if row is None or row.colour not in CLOCK_BACKGROUNDS:
                return None
            table = CLOCK_BACKGROUNDS if role == Qt.ItemDataRole.BackgroundRole else CLOCK_FOREGROUNDS
            return QBrush(QColor(table[row.colour]))
        if key == DEADLINE and role == Qt.ItemDataRole.FontRole:
            row = self.row_at(index.row())
            if row is not None and row.colour == "red":
                font = QFont()
                font.setBold(True)
                return font
            return None
        if key == URGENCY and role == Qt.ItemDataRole.DecorationRole:
            row = self.row_at(index.row())
            return urgency_dot(row.urgency) if row is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self.row_at(index.row())
            if row is None:
                return None
            if key == DEADLINE and row.colour:
                state = desktop_text(COLOUR_LABELS.get(row.colour, row.colour))
                return f"{deadline_text(row)} — {state}"
            if key in (RESIDENT, CATEGORY, DEPARTMENT):
                return super().data(index, Qt.ItemDataRole.DisplayRole) or None
            return None
        return super().data(index, role)


def request_rows(requests: RequestService, actor: Actor, f: RequestFilter) -> ServiceRows[RequestRow]:
    """The rows of one filter, counted once and then read a page at a time from the service."""
    return ServiceRows(
        lambda: requests.count(actor, f),
        lambda offset, limit: requests.page(actor, f, offset, limit),
        filter=f,
    )


def setup_request_table(table: QTableView, model: RequestTableModel) -> None:
    """The look shared by every request table: rows, fixed heights, widths from the font."""
    table.setModel(model)
    setup_table(table)
    size_request_columns(table, model)


def size_request_columns(table: QTableView, model: RequestTableModel) -> None:
    """Column widths from the font and each column's longest label or sample, never the rows."""
    fm = table.fontMetrics()
    header = table.horizontalHeader()
    header_fm = header.fontMetrics()
    for column, key in enumerate(model.keys):
        title = model.headerData(column, Qt.Orientation.Horizontal)
        extra = 24 if key == URGENCY else 0  # the dot
        sample = max(fm.horizontalAdvance(text) for text in column_samples(key))
        width = max(sample + 18 + extra, header_fm.horizontalAdvance(title) + 20)
        header.resizeSection(column, width)


class RequestOpener:
    """How a page of requests opens one: it emits ``sig_open_request`` for the main window
    and, when nobody listens, opens the detail dialog itself — one at a time, in
    ``_details`` (focus back on ``focus`` when it closes).

    Mixed into a ``QWidget`` page that has ``sig_open_request`` and ``refresh``.
    """

    sig_open_request: SignalInstance
    error_title: str

    def init_opener(
        self,
        requests: RequestService,
        actor: Actor,
        detail_factory: DetailFactory,
        hub: ChangeHub | None,
        focus: QWidget | None = None,
    ) -> None:
        self._requests, self._actor = requests, actor
        self._detail_factory, self._hub = detail_factory, hub
        self._details = DialogHost(focus)

    def open_request(self, request_id: int) -> None:
        """Ask the window to open the request, or open the detail here if nobody listens."""
        self.sig_open_request.emit(request_id)
        if not has_receivers(self._page, "sig_open_request(int)"):
            self.open_detail(request_id)

    def open_detail(self, request_id: int) -> QDialog | None:
        """Open the detail dialog here (used when no one else handles ``sig_open_request``)."""
        page = self._page
        return open_detail(
            self._details,
            page,
            lambda: self._detail_factory(self._requests, self._actor, request_id, page, hub=self._hub),
            error_title=self.error_title,
            on_gone=self.refresh,
        )

    def refresh(self, changes: Changes | None = None) -> None:  # pragma: no cover - the page's
        raise NotImplementedError

    @property
    def _page(self) -> QWidget:
        return cast(QWidget, self)

    @property
    def detail(self) -> QDialog | None:
        """The detail dialog this page opened itself, if it is open."""
        return self._details.current
