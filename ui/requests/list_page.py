"""The requests list (全部诉求): every request, filtered in SQL, coloured by its running clock.

One search box finds a request by its number, its resident (name, pinyin initials,
phone) or words of its description; a filter bar (status, clock colour, category, lead
department, grid, channel, the date registered) narrows the list, and a removable chip
"居民：张三 ×" shows it narrowed to one resident (:meth:`RequestsPage.show_resident`,
opened from 居民档案). The table is a ``WindowedTableModel`` that asks the service for
one count and then only for the pages on screen, so it opens as fast on 200,000
requests as on 20. The deadline column (当前时限) shows the clock now running and when
it falls due, on a soft red / yellow / green background.

The page refreshes when requests, categories, departments or residents change
(:mod:`ui.requests.watching`) and every minute while shown, keeping the selected
request, the scroll position and the filters.

Enter or a double-click opens the request: the page emits ``sig_open_request`` and,
when nobody listens, opens the ``RequestDetailDialog`` itself. The page is a
:class:`~ui.widgets.list_page.ListPage`; the table is the one of
:mod:`ui.requests.request_table`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QPushButton, QWidget

from desktop.common.changes import Changes, Topic
from desktop.common.permissions import Actor
from desktop.requests.service import CHANNELS, RequestFilter, RequestRow, RequestService, date_range_warning
from desktop.requests.states import STATUS_LABELS, Status
from ui.requests.detail import RequestDetailDialog
from ui.requests.formatting import urgency_dot
from ui.requests.request_table import (
    DetailFactory,
    RequestOpener,
    RequestTableModel,
    request_rows,
    size_request_columns,
)
from ui.requests.watching import LIST_TOPICS, watch_with_clock
from ui.widgets.change_hub import ChangeHub
from ui.widgets.i18n import Translator, desktop_text, error_text
from ui.widgets.list_page import STRETCH, ListPage, hbox
from ui.widgets.windowed_model import ServiceRows

_ = Translator("requests")

SEARCH_DELAY_MS = 250

# Date presets of the filter bar.
ANY_DATE, TODAY, LAST_7_DAYS, THIS_MONTH, CUSTOM_DATES = "any", "today", "7days", "month", "custom"


class RequestsPage(ListPage[RequestRow], RequestOpener):
    """The 全部诉求 page.

    Args:
        requests: the request service.
        actor: the logged-in user.
        parent: the owning widget.
        grids: ``() → [(id, name)]`` for the grid filter; by default the service's
            ``grids`` if it has one (the grid filter is hidden otherwise).
        detail_factory: builds the detail dialog when nobody handles ``sig_open_request``.
        hub: announces committed changes; the page refreshes when what it shows changes.

    Signals:
        sig_open_request(int): the user opened a request (Enter / double-click).

    Shortcuts: Ctrl+F search box, F5 refresh, Enter / double-click open, Esc in the search
    box clears it, Enter or Down in the search box goes to the table.
    """

    sig_open_request = Signal(int)

    def __init__(
        self,
        requests: RequestService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        grids: Callable[[], list[tuple[int, str]]] | None = None,
        detail_factory: DetailFactory = RequestDetailDialog,
        hub: ChangeHub | None = None,
    ):
        super().__init__(
            RequestTableModel(),
            parent,
            search_placeholder=_("Number, resident, phone or words"),
            search_tip=_(
                "Find by request number (2026-11-000123), the resident's name or pinyin initials, "
                "phone, or words of the description (Ctrl+F); Esc clears"
            ),
            search_delay_ms=SEARCH_DELAY_MS,
            count_sample="200,000 requests",
            error_title=_("Requests"),
        )
        self.model: RequestTableModel
        self.error_title = _("Requests")
        self.init_opener(requests, actor, detail_factory, hub, focus=self.table)
        self._grids = grids if grids is not None else getattr(requests, "grids", None)
        self.resident_id: int | None = None  # the list narrowed to one resident's requests
        self.resident_name = ""
        self._build()
        self.reload_choices()
        self._connect_callbacks()
        self.start()
        self.tick = watch_with_clock(hub, self, LIST_TOPICS, self.refresh)

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        fm = self.fontMetrics()
        height = fm.height() * 2 + 4
        self.setObjectName("requestsPage")  # its look: ui.widgets.style

        def combo(tip: str, chars: int) -> QComboBox:
            c = self.make_combo(tip)
            c.setMinimumContentsLength(chars)
            return c

        self.search_edit.setMinimumWidth(fm.horizontalAdvance(self.search_edit.placeholderText()) + 50)
        size_request_columns(self.table, self.model)

        self.status_combo = combo(_("Status"), 8)
        self.colour_combo = combo(_("Deadline colour"), 8)
        self.category_combo = combo(_("Category"), 7)
        self.department_combo = combo(_("Lead department"), 10)
        self.grid_combo = combo(_("Grid"), 8)
        self.channel_combo = combo(_("Channel"), 7)

        self.status_combo.addItem(_("All statuses"), None)
        self.status_combo.addItem(_("Open (clock running)"), "open")
        self.status_combo.addItem(_("To assign"), "waiting")
        for status in Status:
            self.status_combo.addItem(desktop_text(STATUS_LABELS[status]), status.value)
        self.colour_combo.addItem(_("Any deadline"), None)
        self.colour_combo.addItem(_("Overdue (red)"), "red")
        self.colour_combo.addItem(_("Due soon (yellow)"), "yellow")
        self.colour_combo.addItem(_("On time (green)"), "green")
        for colour in ("red", "yellow", "green"):
            index = self.colour_combo.findData(colour)
            self.colour_combo.setItemIcon(index, urgency_dot(colour))  # the same 红/黄/绿 dots
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
        self.date_warning = QLabel()
        self.date_warning.setObjectName("fieldWarning")
        self.date_warning.hide()

        self.resident_chip = QPushButton()
        self.resident_chip.setObjectName("filterChip")  # its look: ui.widgets.style
        self.resident_chip.setToolTip(_("Show the requests of every resident again"))
        self.resident_chip.setAutoDefault(False)
        self.resident_chip.setMinimumHeight(height)
        self.resident_chip.hide()

        self.clear_button = QPushButton(_("Clear filters"))
        self.clear_button.setToolTip(_("Show every request again"))
        self.clear_button.setAutoDefault(False)
        self.clear_button.setMinimumHeight(height)
        self.count_label.setObjectName("resultCount")

        first = hbox(
            self.search_edit,
            self.resident_chip,
            self.status_combo,
            self.colour_combo,
            self.category_combo,
            self.department_combo,
            STRETCH,
        )
        second = hbox(
            self.grid_combo,
            self.channel_combo,
            8,
            self.date_label,
            self.date_combo,
            self.date_from,
            self.dash_label,
            self.date_to,
            self.clear_button,
            (self.date_warning, 1),
            STRETCH,
            self.count_label,
        )

        footer = self.action_bar(hint=_("Enter: open   Ctrl+F: search   F5: refresh"))
        self.arrange(first, second, below=[footer])

    def reload_choices(self) -> None:
        """(Re)load categories, departments and grids, keeping what is chosen."""
        combos = (self.category_combo, self.department_combo, self.grid_combo)
        chosen = [c.currentData() for c in combos]
        for c in combos:
            c.blockSignals(True)
            c.clear()
        self.category_combo.addItem(_("All categories"), None)
        for category in self._requests.categories():
            self.category_combo.addItem(category.name, category.id)
        self.department_combo.addItem(_("All departments"), None)
        for department in self._requests.departments():
            self.department_combo.addItem(department.name, department.id)
        self.grid_combo.addItem(_("All grids"), None)
        if self._grids is not None:
            for grid_id, name in self._grids():
                self.grid_combo.addItem(name, grid_id)
        self.grid_combo.setVisible(self._grids is not None)
        for c, value in zip(combos, chosen, strict=True):
            c.setCurrentIndex(max(c.findData(value), 0) if value is not None else 0)
            c.blockSignals(False)

    def _connect_callbacks(self) -> None:
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
        self.resident_chip.clicked.connect(self.clear_resident)
        QShortcut(QKeySequence("F5"), self, self.refresh)  # Ctrl+F, Enter, Esc: the list page's

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
            resident_id=self.resident_id,
            text=self.search_text(),
        )

    def new_source(self) -> ServiceRows[RequestRow]:
        return request_rows(self._requests, self._actor, self.current_filter())

    def apply_filter(self) -> None:
        self._show_date_warning()
        super().apply_filter()

    def _show_date_warning(self) -> None:
        f = self.current_filter()
        warning = date_range_warning(f.date_from, f.date_to, QDate.currentDate().toPython())
        self.date_warning.setText(error_text(warning) if warning is not None else "")
        self.date_warning.setVisible(warning is not None)

    def show_resident(self, resident_id: int, name: str) -> None:
        """Show the requests of one resident (opened from 居民档案): every other filter is
        cleared and a chip "Resident: 张三 ×" says so; clicking it shows everyone again."""
        self._reset_filters()
        self.resident_id, self.resident_name = resident_id, name
        self.resident_chip.setText(_("Resident: {name}  ×", name=name))
        self.resident_chip.show()
        self.apply_filter()

    def show_filters(self, filters: dict[str, object]) -> None:
        """Show the requests a figure counted (opened from 数据看板): every other filter is
        cleared, then ``filters`` (``RequestFilter`` field names) are set on the filter bar."""
        self._set_no_resident()
        self._reset_filters()
        combos = {
            "status": self.status_combo,
            "colour": self.colour_combo,
            "category_id": self.category_combo,
            "department_id": self.department_combo,
            "grid_id": self.grid_combo,
            "channel": self.channel_combo,
        }
        for key, value in filters.items():
            combo = combos.get(key)
            if combo is not None:
                index = combo.findData(value)
                if index >= 0:
                    combo.setCurrentIndex(index)
        date_from, date_to = filters.get("date_from"), filters.get("date_to")
        if date_from is not None or date_to is not None:
            self.date_combo.setCurrentIndex(self.date_combo.findData(CUSTOM_DATES))
            if date_from is not None:
                self.date_from.setDate(date_from)
            if date_to is not None:
                self.date_to.setDate(date_to)
        self.apply_filter()

    def clear_resident(self) -> None:
        """Remove the one-resident filter (the chip's ×)."""
        self._set_no_resident()
        self.apply_filter()
        self.search_edit.setFocus()

    def _set_no_resident(self) -> None:
        self.resident_id, self.resident_name = None, ""
        self.resident_chip.hide()

    def clear_filters(self) -> None:
        """Every filter back to "all", the search box empty, every resident's requests."""
        self._set_no_resident()
        self._reset_filters()
        self.apply_filter()

    def _reset_filters(self) -> None:
        widgets = (
            self.status_combo,
            self.colour_combo,
            self.category_combo,
            self.department_combo,
            self.grid_combo,
            self.channel_combo,
            self.date_combo,
            self.search_edit,
            self.date_from,
            self.date_to,
        )
        for w in widgets:
            w.blockSignals(True)
        for c in widgets[:7]:
            c.setCurrentIndex(0)
        self.search_edit.clear()
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        for w in widgets:
            w.blockSignals(False)

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

    def refresh(self, changes: Changes | None = None) -> None:
        """Re-read with the filters shown (colours change with time), keeping the selected
        request and the scroll position; new categories, departments or grids are offered."""
        if changes is None or changes.touches((Topic.CATALOGUE, Topic.RESIDENTS)):
            self.reload_choices()
        row = self.selected_row()
        at = self.table.currentIndex().row()
        bar = self.table.verticalScrollBar()
        scroll = bar.value()
        self._show_date_warning()
        self._run(request_rows(self._requests, self._actor, self.shown_filter()), row.id if row else None, at)
        bar.setValue(scroll)

    def count_text(self, n: int) -> str:
        return _("1 request") if n == 1 else _("{n} requests", n=f"{n:,}")

    def empty_text(self) -> str:
        f = self.shown_filter()
        if not self.date_warning.isHidden():
            return self.date_warning.text()
        if f.text and f == RequestFilter(text=f.text):
            return _("No request number, resident or description matches “{text}”.", text=f.text)
        if f.resident_id is not None and f == RequestFilter(resident_id=f.resident_id):
            return _("{name} has no requests.", name=self.resident_name)
        if f != RequestFilter():
            return _("No request matches these filters.") + "\n" + _("Choose “Clear filters” to see all.")
        return _("No requests yet.") + "\n" + _("Requests registered at reception appear here.")

    # --- opening ---------------------------------------------------------------------
    def open_row(self, row: RequestRow) -> None:
        self.open_request(row.id)

    def focus_default(self) -> None:
        """Where the keyboard starts when the page is shown: the table."""
        self.table.setFocus()
        if self.model.rowCount() and self.selected_row() is None:
            self.select_row(0)

    # --- events ----------------------------------------------------------------------
    def table_escape(self) -> bool:
        """Esc in the table does nothing here (the number box keeps what was typed)."""
        return False
