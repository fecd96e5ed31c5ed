"""The requests list (全部诉求): every request, filtered in SQL, coloured by its running clock.

A filter bar (status, clock colour, category, lead department, grid, channel, the date
registered) and a number box narrow the list; the table is a ``WindowedTableModel``
that asks the service for one count and then only for the pages on screen, so it opens
as fast on 200,000 requests as on 20. The deadline column (当前时限) shows the clock now
running and when it falls due, on a soft red / yellow / green background.

Enter or a double-click opens the request: the page emits ``sig_open_request`` and,
when nobody listens, opens the ``RequestDetailDialog`` itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    SIGNAL,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from desktop.requests.clocks import CLOCK_LABELS, COLOUR_LABELS
from desktop.requests.service import CHANNELS, URGENCIES, RequestFilter, RequestRow, RequestService
from desktop.requests.states import STATUS_LABELS, Status
from ui.widgets.i18n import Translator, desktop_text, error_text
from ui.widgets.windowed_model import Column, RowSource, WindowedTableModel

_ = Translator("requests")

NUMBER_DELAY_MS = 250

# Soft backgrounds with dark text of the same hue: readable, not garish.
CLOCK_BACKGROUNDS = {"red": "#fde2e1", "yellow": "#fff2c6", "green": "#e3f4e6"}
CLOCK_FOREGROUNDS = {"red": "#a61b1b", "yellow": "#7a5200", "green": "#1e6b35"}
URGENCY_COLOURS = {"red": "#d64545", "yellow": "#e3a008", "green": "#3f9142"}

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


# --- shared formatting ------------------------------------------------------------------
def format_time(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def format_due(value: dt.datetime | None, today: dt.date | None = None) -> str:
    """A due moment, short when it is this year: ``11-23 09:30``."""
    if value is None:
        return ""
    today = today or dt.date.today()
    return value.strftime("%m-%d %H:%M") if value.year == today.year else value.strftime("%Y-%m-%d %H:%M")


def deadline_text(row: RequestRow) -> str:
    if not row.clock or row.due_at is None:
        return ""
    return _("{clock} by {time}", clock=desktop_text(CLOCK_LABELS[row.clock]), time=format_due(row.due_at))


def resident_text(row: RequestRow) -> str:
    if row.head_count > 1:
        return _("{name} ({n} people)", name=row.resident_name, n=row.head_count)
    return row.resident_name


_DOTS: dict[str, QIcon] = {}


def colour_dot(colour: str) -> QIcon:
    """A small filled circle in ``colour`` (for urgency), made once per colour."""
    icon = _DOTS.get(colour)
    if icon is None:
        pixmap = QPixmap(14, 14)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(URGENCY_COLOURS.get(colour, "#9aa5b1")))
        painter.drawEllipse(1, 1, 12, 12)
        painter.end()
        icon = _DOTS[colour] = QIcon(pixmap)
    return icon


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
            CATEGORY: "环境卫生 / 垃圾清运",
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
            return colour_dot(row.urgency) if row is not None else None
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


class ListSource(RowSource[RequestRow]):
    """Rows already in hand (the start page's short lists)."""

    def __init__(self, rows: Sequence[RequestRow]):
        self.rows = list(rows)

    def count(self) -> int:
        return len(self.rows)

    def page(self, offset: int, limit: int) -> Sequence[RequestRow]:
        return self.rows[offset : offset + limit]


class RequestSource(RowSource[RequestRow]):
    """The rows of one filter, read a page at a time from the service."""

    def __init__(self, requests: RequestService, actor: Actor, f: RequestFilter):
        self.requests = requests
        self.actor = actor
        self.filter = f
        self._count: int | None = None

    def prepare(self) -> None:
        """Count now, where an error can still be shown (the model must not fail mid-reset)."""
        self._count = self.requests.count(self.actor, self.filter)

    def count(self) -> int:
        if self._count is None:
            self.prepare()
        assert self._count is not None
        return self._count

    def page(self, offset: int, limit: int) -> Sequence[RequestRow]:
        return self.requests.page(self.actor, self.filter, offset, limit)


def setup_request_table(table: QTableView, model: RequestTableModel) -> None:
    """The look shared by every request table: rows, fixed heights, widths from the font."""
    fm = table.fontMetrics()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setTabKeyNavigation(False)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measures rows
    rows.setDefaultSectionSize(fm.height() + 14)
    rows.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setMinimumHeight(fm.height() + 14)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header_fm = header.fontMetrics()
    for column, key in enumerate(model.keys):
        title = model.headerData(column, Qt.Orientation.Horizontal)
        extra = 24 if key == URGENCY else 0  # the dot
        sample = max(fm.horizontalAdvance(text) for text in column_samples(key))
        width = max(sample + 18 + extra, header_fm.horizontalAdvance(title) + 20)
        header.resizeSection(column, width)


def has_receivers(obj: QObject, signature: str) -> bool:
    return obj.receivers(SIGNAL(signature)) > 0


DetailFactory = Callable[..., QWidget]
"""Builds the detail dialog: ``(requests, actor, request_id, parent)``."""


def default_detail_factory(requests: RequestService, actor: Actor, request_id: int, parent: QWidget):
    from ui.requests.detail import RequestDetailDialog

    return RequestDetailDialog(requests, actor, request_id, parent)


# Date presets of the filter bar.
ANY_DATE, TODAY, LAST_7_DAYS, THIS_MONTH, CUSTOM_DATES = "any", "today", "7days", "month", "custom"


class RequestsPage(QWidget):
    """The 全部诉求 page.

    Args:
        requests: the request service.
        actor: the logged-in user.
        parent: the owning widget.
        grids: ``() → [(id, name)]`` for the grid filter; by default the service's
            ``grids`` if it has one (the grid filter is hidden otherwise).
        detail_factory: builds the detail dialog when nobody handles ``sig_open_request``.

    Signals:
        sig_open_request(int): the user opened a request (Enter / double-click).

    Shortcuts: Ctrl+F number box, F5 refresh, Enter / double-click open, Esc in the number
    box clears it, Enter or Down in the number box goes to the table.
    """

    sig_open_request = Signal(int)

    def __init__(
        self,
        requests: RequestService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        grids: Callable[[], list[tuple[int, str]]] | None = None,
        detail_factory: DetailFactory = default_detail_factory,
    ):
        super().__init__(parent)
        self._requests = requests
        self._actor = actor
        self._grids = grids if grids is not None else getattr(requests, "grids", None)
        self._detail_factory = detail_factory
        self._source: RequestSource | None = None
        self._shown_once = False
        self.detail: QWidget | None = None  # the detail dialog this page opened, if any
        self._number_timer = QTimer(self)
        self._number_timer.setSingleShot(True)
        self._number_timer.setInterval(NUMBER_DELAY_MS)
        self.model = RequestTableModel()
        self._build()
        self.reload_choices()
        self._connect_callbacks()
        self._run(RequestSource(requests, actor, self.current_filter()))

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        fm = self.fontMetrics()
        height = fm.height() * 2 + 4
        self.setStyleSheet("QDateEdit:disabled { color: #9aa5b1; background: #f5f7fa; }")

        def combo(tip: str, chars: int) -> QComboBox:
            c = QComboBox()
            c.setToolTip(tip)
            c.setMaxVisibleItems(20)
            c.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            c.setMinimumContentsLength(chars)
            c.setMinimumHeight(height)
            return c

        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(_("Request number"))
        self.number_edit.setClearButtonEnabled(True)
        self.number_edit.setToolTip(_("Find by request number, e.g. 2026-11-000123 (Ctrl+F); Esc clears"))
        self.number_edit.setMinimumWidth(fm.horizontalAdvance("2026-11-000123") + 60)
        self.number_edit.setMinimumHeight(height)

        self.status_combo = combo(_("Status"), 8)
        self.colour_combo = combo(_("Deadline colour"), 8)
        self.category_combo = combo(_("Category"), 7)
        self.department_combo = combo(_("Lead department"), 10)
        self.grid_combo = combo(_("Grid"), 8)
        self.channel_combo = combo(_("Channel"), 7)

        self.status_combo.addItem(_("All statuses"), None)
        self.status_combo.addItem(_("Open (clock running)"), "open")
        for status in Status:
            self.status_combo.addItem(desktop_text(STATUS_LABELS[status]), status.value)
        self.colour_combo.addItem(_("Any deadline"), None)
        self.colour_combo.addItem(_("Overdue (red)"), "red")
        self.colour_combo.addItem(_("Due soon (yellow)"), "yellow")
        self.colour_combo.addItem(_("On time (green)"), "green")
        for colour in ("red", "yellow", "green"):
            index = self.colour_combo.findData(colour)
            self.colour_combo.setItemIcon(index, colour_dot(colour))
        self.channel_combo.addItem(_("All channels"), None)
        for key, label in CHANNELS.items():
            self.channel_combo.addItem(desktop_text(label), key)

        self.date_combo = combo(_("Date registered"), 6)
        for key, label in (
            (ANY_DATE, _("Any date")),
            (TODAY, _("Today")),
            (LAST_7_DAYS, _("Last 7 days")),
            (THIS_MONTH, _("This month")),
            (CUSTOM_DATES, _("From … to …")),
        ):
            self.date_combo.addItem(label, key)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30))
        self.date_to = QDateEdit(today)
        for edit, tip in (
            (self.date_from, _("Registered on or after")),
            (self.date_to, _("Registered on or before")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setToolTip(tip)
            edit.setMinimumHeight(height)
            edit.setEnabled(False)
        self.date_label = QLabel(_("Registered:"))
        self.dash_label = QLabel("–")

        self.clear_button = QPushButton(_("Clear filters"))
        self.clear_button.setToolTip(_("Show every request again"))
        self.clear_button.setAutoDefault(False)
        self.clear_button.setMinimumHeight(height)
        self.count_label = QLabel()
        self.count_label.setObjectName("resultCount")
        self.count_label.setMinimumWidth(fm.horizontalAdvance("200,000 requests") + 8)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        first = QHBoxLayout()
        first.setSpacing(8)
        first.addWidget(self.number_edit)
        first.addWidget(self.status_combo)
        first.addWidget(self.colour_combo)
        first.addWidget(self.category_combo)
        first.addWidget(self.department_combo)
        first.addStretch(1)

        second = QHBoxLayout()
        second.setSpacing(8)
        second.addWidget(self.grid_combo)
        second.addWidget(self.channel_combo)
        second.addSpacing(8)
        second.addWidget(self.date_label)
        second.addWidget(self.date_combo)
        second.addWidget(self.date_from)
        second.addWidget(self.dash_label)
        second.addWidget(self.date_to)
        second.addWidget(self.clear_button)
        second.addStretch(1)
        second.addWidget(self.count_label)

        self.hint_label = QLabel(_("Enter: open   Ctrl+F: number   F5: refresh"))
        self.hint_label.setObjectName("hint")

        self.table = QTableView()
        setup_request_table(self.table, self.model)

        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.hide()

        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.hint_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)

    def reload_choices(self) -> None:
        """(Re)load categories, departments and grids, keeping what is chosen."""
        combos = (self.category_combo, self.department_combo, self.grid_combo)
        chosen = [c.currentData() for c in combos]
        for c in combos:
            c.blockSignals(True)
            c.clear()
        self.category_combo.addItem(_("All categories"), None)
        for category_id, name, _children in self._requests.categories():
            self.category_combo.addItem(name, category_id)
        self.department_combo.addItem(_("All departments"), None)
        for department_id, name, _level in self._requests.departments():
            self.department_combo.addItem(name, department_id)
        self.grid_combo.addItem(_("All grids"), None)
        if self._grids is not None:
            for grid_id, name in self._grids():
                self.grid_combo.addItem(name, grid_id)
        self.grid_combo.setVisible(self._grids is not None)
        for c, value in zip(combos, chosen, strict=True):
            c.setCurrentIndex(max(c.findData(value), 0) if value is not None else 0)
            c.blockSignals(False)

    def _connect_callbacks(self) -> None:
        self.number_edit.textChanged.connect(self._number_timer.start)
        self._number_timer.timeout.connect(self.apply_filter)
        for c in (
            self.status_combo,
            self.colour_combo,
            self.category_combo,
            self.department_combo,
            self.grid_combo,
            self.channel_combo,
        ):
            c.currentIndexChanged.connect(self.apply_filter)
        self.date_combo.currentIndexChanged.connect(self._on_date_preset)
        self.date_from.dateChanged.connect(self._on_date_edited)
        self.date_to.dateChanged.connect(self._on_date_edited)
        self.clear_button.clicked.connect(self.clear_filters)
        self.table.doubleClicked.connect(self.open_selected)
        self.model.modelReset.connect(self._after_reset)
        self.number_edit.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        for keys, slot in (("Ctrl+F", self.focus_number), ("F5", self.refresh)):
            QShortcut(QKeySequence(keys), self, slot)

    # --- filtering -------------------------------------------------------------------
    def current_filter(self) -> RequestFilter:
        date_from = date_to = None
        if self.date_combo.currentData() != ANY_DATE:
            date_from = self.date_from.date().toPython()
            date_to = self.date_to.date().toPython()
        return RequestFilter(
            status=self.status_combo.currentData(),
            colour=self.colour_combo.currentData(),
            category_id=self.category_combo.currentData(),
            department_id=self.department_combo.currentData(),
            grid_id=self.grid_combo.currentData(),
            channel=self.channel_combo.currentData(),
            date_from=date_from,
            date_to=date_to,
            number=self.number_edit.text().strip(),
        )

    def apply_filter(self) -> None:
        """Query now with what the filter bar shows (nothing happens when it is unchanged)."""
        self._number_timer.stop()
        f = self.current_filter()
        if self._source is not None and self._source.filter == f:
            return
        self._run(RequestSource(self._requests, self._actor, f))

    def clear_filters(self) -> None:
        widgets = (
            self.status_combo,
            self.colour_combo,
            self.category_combo,
            self.department_combo,
            self.grid_combo,
            self.channel_combo,
            self.date_combo,
            self.number_edit,
            self.date_from,
            self.date_to,
        )
        for w in widgets:
            w.blockSignals(True)
        for c in widgets[:7]:
            c.setCurrentIndex(0)
        self.number_edit.clear()
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        for w in widgets:
            w.blockSignals(False)
        self.apply_filter()

    def _on_date_preset(self) -> None:
        preset = self.date_combo.currentData()
        today = QDate.currentDate()
        start = {
            TODAY: today,
            LAST_7_DAYS: today.addDays(-6),
            THIS_MONTH: QDate(today.year(), today.month(), 1),
        }.get(preset)
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.setEnabled(preset != ANY_DATE)
        if start is not None:
            self.date_from.setDate(start)
            self.date_to.setDate(today)
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(False)
        if preset == CUSTOM_DATES:
            self.date_from.setFocus()
        self.apply_filter()

    def _on_date_edited(self) -> None:
        if self.date_combo.currentData() != CUSTOM_DATES:
            self.date_combo.blockSignals(True)
            self.date_combo.setCurrentIndex(self.date_combo.findData(CUSTOM_DATES))
            self.date_combo.blockSignals(False)
        if self.date_to.date() < self.date_from.date():
            self.date_to.blockSignals(True)
            self.date_to.setDate(self.date_from.date())
            self.date_to.blockSignals(False)
        self.apply_filter()

    def _run(self, source: RequestSource, keep_id: int | None = None, keep_row: int = -1) -> None:
        self._source = source
        try:
            source.prepare()
        except DomainError as exc:
            self.model.set_source(None)
            self._show_error(exc)
            return
        self.model.set_source(source)
        if keep_id is not None:
            self.select_request(keep_id, keep_row)

    def refresh(self) -> None:
        """Re-read the current result (colours change with time), keeping the selection."""
        f = self.current_filter()
        row = self.selected_row()
        at = self.table.currentIndex().row()
        self._run(RequestSource(self._requests, self._actor, f), row.id if row else None, at)

    def on_request_changed(self, request_id: int) -> None:
        """A request changed elsewhere (a detail dialog): re-read, keeping it selected."""
        at = self.table.currentIndex().row()
        self._run(RequestSource(self._requests, self._actor, self.current_filter()), request_id, at)

    def _after_reset(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(_("1 request") if n == 1 else _("{n} requests", n=f"{n:,}"))
        if n:
            self.empty_label.hide()
            return
        f = self._source.filter if self._source is not None else self.current_filter()
        if f.number:
            text = _("No request number starts with “{number}”.", number=f.number)
        elif f != RequestFilter():
            text = _("No request matches these filters.") + "\n" + _("Choose “Clear filters” to see all.")
        else:
            text = _("No requests yet.") + "\n" + _("Requests registered at reception appear here.")
        self.empty_label.setText(text)
        self._place_empty_hint()
        self.empty_label.show()

    def _place_empty_hint(self) -> None:
        self.empty_label.setGeometry(self.table.viewport().rect().adjusted(20, 20, -20, -20))

    # --- selection and opening -------------------------------------------------------
    def selected_row(self) -> RequestRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index.row())

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        self.table.scrollTo(index)

    def select_request(self, request_id: int, near_row: int = -1) -> bool:
        """Select a request at ``near_row`` or on the first page; else stay near that row."""
        found = self.model.find_row(request_id, near_row)
        if found is not None:
            self.select_row(found)
            return True
        if near_row >= 0 and self.model.rowCount():
            self.select_row(min(near_row, self.model.rowCount() - 1))
        return False

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        self.sig_open_request.emit(row.id)
        if not has_receivers(self, "sig_open_request(int)"):
            self.open_detail(row.id)

    def open_detail(self, request_id: int) -> None:
        """Open the detail dialog here (used when no one else handles ``sig_open_request``)."""
        if self.detail is not None and self.detail.isVisible():
            self.detail.close()
        try:
            dialog = self._detail_factory(self._requests, self._actor, request_id, self)
        except DomainError as exc:
            self._show_error(exc)
            self.refresh()
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_changed.connect(self.on_request_changed)
        dialog.finished.connect(self._detail_closed)
        self.detail = dialog
        dialog.open()
        dialog.activateWindow()

    def _detail_closed(self) -> None:
        self.detail = None
        self.table.setFocus()

    def focus_number(self) -> None:
        self.number_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.number_edit.selectAll()

    def focus_default(self) -> None:
        """Where the keyboard starts when the page is shown: the table."""
        self.table.setFocus()
        if self.model.rowCount() and self.selected_row() is None:
            self.select_row(0)

    def _show_error(self, exc: DomainError) -> None:
        QMessageBox.warning(self, _("Requests"), error_text(exc))

    # --- events ----------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._shown_once:
            self.refresh()  # deadlines change colour with time; one count and one page
        self._shown_once = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if watched is self.number_edit:
                if key == Qt.Key.Key_Escape and self.number_edit.text():
                    self.number_edit.clear()
                    self.apply_filter()
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                    self.apply_filter()
                    if self.model.rowCount():
                        self.table.setFocus()
                        if self.selected_row() is None:
                            self.select_row(0)
                    return True
            elif watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_selected()
                return True
        elif event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._place_empty_hint()
        return super().eventFilter(watched, event)
