"""The one shape of a list page: search box, filters, a windowed table, empty state, count.

The residents register, the volunteers, the requests list, the users and the audit log
are the same page underneath: a search box that queries after a short pause, a row of
filters, a table on a :class:`~ui.widgets.windowed_model.WindowedTableModel` (so 200,000
rows open as fast as 20), a grey hint over an empty result, a count of the rows, Ctrl+F
back to the search box, Enter / double-click to open a row, and a refresh that keeps the
selected row. :class:`ListPage` holds that shape once; a page adds its filters, its
buttons and what its rows mean. The table helpers below (:func:`setup_table`,
:func:`size_columns`, :class:`EmptyHint`) are the look of every list table, also of the
``QTableWidget`` lists that are not windowed; :func:`action_button` and :func:`hbox` are
the buttons and bars of every page, a list page or not.

How a page uses it::

    class ResidentsPage(ListPage[ResidentRow]):
        def __init__(self, residents, actor, parent=None):
            super().__init__(
                ResidentTableModel(resident_columns()),
                parent,
                search_placeholder=_("Name, pinyin initials (zs), phone, ID number or address"),
                search_tip=_("Search as you type (Ctrl+F); Esc clears"),
                count_sample="200,000 residents",
                error_title=_("Residents"),
                sort=("id", True),           # only when columns have a ``sort_key``
            )
            self._residents, self._actor = residents, actor
            self.grid_combo = self.make_combo()
            self.new_button = self.make_button(_("New resident"), _("… (Ctrl+N)"), primary=True)
            self.arrange(
                self.filter_bar(self.grid_combo),            # search box, filters, count
                self.action_bar(self.new_button, hint=_("Enter: edit   Ctrl+F: search")),
            )
            self.grid_combo.currentIndexChanged.connect(self.apply_filter)
            self.start()                                    # the first query

        def current_filter(self) -> ResidentFilter:       # what the filter bar shows
            return ResidentFilter(text=self.search_text(), sort=self.sort_key, ...)

        def new_source(self) -> ServiceRows[ResidentRow]: # the rows of that filter
            f = self.current_filter()
            return ServiceRows.from_result(lambda: self._residents.search(self._actor, f), filter=f)

        def count_text(self, n: int) -> str: ...          # "1 resident" / "{n} residents"
        def empty_text(self) -> str: ...                  # over an empty table
        def open_row(self, row: ResidentRow) -> None: ... # Enter or double-click
        def update_buttons(self) -> None: ...             # after a selection change

``apply_filter()`` queries when the filter bar differs from what is shown (connect each
filter's change signal to it; the search box is connected already). ``refresh()`` reads
the shown filter again and ``show_changed(row_id)`` does so with that row selected — call
them after a change elsewhere. A page without a search box passes ``searchable=False``;
a page without a title leaves ``title`` empty. The look of the user's own texts
(placeholders, hints, counts) stays in the page, in its translation context.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError
from ui.widgets.i18n import Translator
from ui.widgets.messages import show_error
from ui.widgets.windowed_model import ServiceRows, WindowedTableModel

_ = Translator("list_page")

T = TypeVar("T")

SEARCH_DELAY_MS = 200
"""The pause in typing after which the search box queries (one query, not one per key)."""


# --- the look of a page's controls -------------------------------------------------------
def control_height(widget: QWidget) -> int:
    """The height of a page's buttons in ``widget``'s font; its fields are 4 px lower."""
    return widget.fontMetrics().height() * 2 + 8


def action_button(owner: QWidget, text: str, tip: str = "", *, primary: bool = False) -> QPushButton:
    """A large button of a page's action bar, sized by ``owner``'s font, its shortcut named
    in ``tip``; ``primary`` for the page's main action."""
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setMinimumHeight(control_height(owner))
    button.setMinimumWidth(owner.fontMetrics().horizontalAdvance("M") * 8)
    button.setAutoDefault(False)
    if primary:
        button.setObjectName("primary")
    return button


STRETCH = None
"""In :func:`hbox`: the room left over goes here."""


def hbox(*items: QWidget | tuple[QWidget, int] | int | None, spacing: int = 8) -> QHBoxLayout:
    """A bar of a page: widgets left to right (``(widget, stretch)`` for one that grows),
    a number for a gap of that many pixels, :data:`STRETCH` for the room left over."""
    row = QHBoxLayout()
    row.setSpacing(spacing)
    for item in items:
        if item is None:
            row.addStretch(1)
        elif isinstance(item, int):
            row.addSpacing(item)
        elif isinstance(item, tuple):
            row.addWidget(*item)
        else:
            row.addWidget(item)
    return row


# --- the look of a list table ------------------------------------------------------------
def setup_table(table: QTableView, *, multi: bool = False, sortable: bool = False) -> None:
    """Whole rows, fixed row heights (never measured from the rows), no editing.

    ``sortable`` makes the header clickable with a sort arrow (the page sorts in SQL).
    """
    fm = table.fontMetrics()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
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
    if sortable:
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    header.setHighlightSections(False)
    header.setMinimumHeight(fm.height() + 14)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)


SORT_ARROW = 16
"""Extra header width of a sortable column, for its arrow."""


def size_columns(
    table: QTableView,
    samples: dict[int, str],
    headers: Sequence[str],
    *,
    sample_pad: int = 20,
    header_pad: int = 22,
    sortable: Collection[int] = (),
) -> None:
    """Column widths from the font and a sample text, never from the rows (that would
    fetch every page); at least as wide as the header (and its sort arrow)."""
    fm = table.fontMetrics()
    header_fm = table.horizontalHeader().fontMetrics()
    for column, sample in samples.items():
        title = headers[column] if column < len(headers) else ""
        pad = header_pad + (SORT_ARROW if column in sortable else 0)
        width = max(fm.horizontalAdvance(sample) + sample_pad, header_fm.horizontalAdvance(title) + pad)
        table.horizontalHeader().resizeSection(column, width)


class EmptyHint(QLabel):
    """A grey centred message over an empty table's viewport ("No residents yet.")."""

    def __init__(self, table: QTableView):
        super().__init__(table.viewport())
        self._table = table
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setObjectName("emptyState")
        self.hide()
        table.viewport().installEventFilter(self)

    def show_text(self, text: str | None) -> None:
        """Show ``text`` over the table, or hide the hint when it is empty or None."""
        if not text:
            self.hide()
            return
        self.setText(text)
        self._place()
        self.show()

    def _place(self) -> None:
        self.setGeometry(self._table.viewport().rect().adjusted(20, 20, -20, -20))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False


# --- the page ----------------------------------------------------------------------------
class ListPage(QWidget, Generic[T]):
    """A list page on a windowed table; see the module docstring for how to build one.

    Args:
        model: the table model (its columns say what is shown and what sorts in SQL).
        parent: the owning widget.
        title: a page title above everything (none when empty).
        searchable: whether the page has a search box.
        search_placeholder, search_tip: the search box's grey text and tooltip.
        search_delay_ms: the typing pause after which the search box queries.
        count_sample: the widest count text expected, so the count keeps its width.
        error_title: the title of the box that shows a failed query.
        sort: the initial ``(sort_key, descending)`` when columns sort in SQL.

    Attributes the page builds on: ``search_edit``, ``count_label``, ``table``,
    ``model``, ``empty_label``, ``sort_key``, ``descending``, ``control_height``.
    """

    def __init__(
        self,
        model: WindowedTableModel[T],
        parent: QWidget | None = None,
        *,
        title: str = "",
        searchable: bool = True,
        search_placeholder: str = "",
        search_tip: str = "",
        search_delay_ms: int = SEARCH_DELAY_MS,
        count_sample: str = "",
        error_title: str = "",
        sort: tuple[str, bool] | None = None,
    ):
        super().__init__(parent)
        self.model = model
        self._source: ServiceRows[T] | None = None
        self._error_title = error_title
        self.sort_key, self.descending = sort if sort is not None else ("", False)
        fm = self.fontMetrics()
        self.control_height = control_height(self)
        """Height of the page's buttons; its fields are 4 px lower."""

        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("pageTitle")
        self.title_label.setVisible(bool(title))

        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(search_placeholder)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setToolTip(search_tip)
        self.search_edit.setMinimumWidth(fm.horizontalAdvance("M") * 26)
        self.search_edit.setMinimumHeight(self.control_height - 4)
        self.search_edit.setVisible(searchable)  # a page without one never places it
        self._searchable = searchable
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(search_delay_ms)

        self.count_label = QLabel()
        if count_sample:
            self.count_label.setMinimumWidth(fm.horizontalAdvance(count_sample) + 8)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.table = QTableView()
        self.table.setModel(self.model)
        setup_table(self.table, sortable=self.sortable())
        self.empty_label = EmptyHint(self.table)

    # --- building blocks -------------------------------------------------------------
    def make_button(self, text: str, tip: str = "", *, primary: bool = False) -> QPushButton:
        """A large button of the action bar, its shortcut named in ``tip``."""
        return action_button(self, text, tip, primary=primary)

    def make_combo(self, tip: str = "") -> QComboBox:
        """A filter drop-down that is as wide as its longest choice."""
        combo = QComboBox()
        if tip:
            combo.setToolTip(tip)
        combo.setMaxVisibleItems(20)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMinimumHeight(self.control_height - 4)
        return combo

    def title_bar(self, *widgets: QWidget) -> QHBoxLayout:
        """The title, then ``widgets`` on the right."""
        row = QHBoxLayout()
        row.addWidget(self.title_label)
        row.addStretch(1)
        for widget in widgets:
            row.addWidget(widget)
        return row

    def filter_bar(self, *filters: QWidget, count: bool = True) -> QHBoxLayout:
        """The search box (stretching), ``filters``, then the count on the right."""
        row = QHBoxLayout()
        row.setSpacing(8)
        if self._searchable:
            row.addWidget(self.search_edit, 1)
        for widget in filters:
            row.addWidget(widget)
        if not self._searchable:
            row.addStretch(1)
        if count:
            row.addWidget(self.count_label)
        self._filter_row = row
        return row

    def enable_export(self, export: Callable[[Any], None]) -> QPushButton:
        """Add 导出 Excel (Ctrl+E): ``export`` gets the filter of the rows shown.

        The shell passes the exchange job's exporter in, so a list page never knows
        about Excel and the jobs stay independent.
        """
        button = action_button(self, _("Export to Excel"), _("Save the rows shown as an Excel file (Ctrl+E)"))
        button.clicked.connect(lambda: export(self.shown_filter()))
        shortcut = QShortcut(QKeySequence("Ctrl+E"), self)
        shortcut.activated.connect(button.click)
        action_row = getattr(self, "_action_row", None)
        filter_row = getattr(self, "_filter_row", None)
        if action_row is not None:
            action_row.insertWidget(max(0, action_row.count() - 2), button)  # before the hint
        elif filter_row is not None:
            filter_row.addWidget(button)
        self.export_button = button
        return button

    def action_bar(self, *buttons: QWidget, hint: str = "") -> QHBoxLayout:
        """The page's buttons on the left, a grey keyboard hint on the right."""
        row = QHBoxLayout()
        row.setSpacing(8)
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        self._action_row = row
        self.hint_label = QLabel(hint)
        self.hint_label.setObjectName("hint")
        row.addWidget(self.hint_label)
        return row

    def arrange(
        self,
        *above: QLayout | QWidget,
        below: Sequence[QLayout | QWidget] = (),
        margins: tuple[int, int, int, int] = (12, 12, 12, 8),
        spacing: int | None = 8,
    ) -> QVBoxLayout:
        """Lay the page out: ``above`` the table, the table (taking the room), ``below``."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*margins)
        if spacing is not None:
            layout.setSpacing(spacing)
        for part in above:
            self._add(layout, part)
        layout.addWidget(self.table, 1)
        for part in below:
            self._add(layout, part)
        return layout

    @staticmethod
    def _add(layout: QVBoxLayout, part: QLayout | QWidget) -> None:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)

    def start(self) -> None:
        """Connect the shared behaviour and run the first query (call once, last)."""
        self.search_edit.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self.apply_filter)
        self.table.doubleClicked.connect(self.open_selected)
        self.table.selectionModel().selectionChanged.connect(self.update_buttons)
        self.model.modelReset.connect(self._after_reset)
        if self.sortable():
            self.table.horizontalHeader().sectionClicked.connect(self._on_header_clicked)
        self.search_edit.installEventFilter(self)
        self.table.installEventFilter(self)
        if self._searchable:
            QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search)
        self._run(self.new_source())

    # --- what a page says ------------------------------------------------------------
    def current_filter(self) -> Any:
        """What the filter bar shows now (compared with what the table shows)."""
        return self.search_text()

    def new_source(self) -> ServiceRows[T]:
        """The rows of :meth:`current_filter`, as a :class:`ServiceRows`."""
        raise NotImplementedError

    def count_text(self, n: int) -> str:
        """The count line for ``n`` rows."""
        return f"{n:,}"

    def empty_text(self) -> str:
        """The hint over an empty result (it may depend on :meth:`shown_filter`)."""
        return ""

    def open_row(self, row: T) -> None:
        """Enter or a double-click on ``row``."""

    def update_buttons(self) -> None:
        """Enable the buttons that need a selected row (called on every selection change)."""

    # --- querying --------------------------------------------------------------------
    def search_text(self) -> str:
        return self.search_edit.text().strip()

    def model_source(self) -> ServiceRows[T] | None:
        """The source the table shows (its ``filter`` is what was asked)."""
        return self._source

    def shown_filter(self) -> Any:
        """The filter the table shows (the filter bar's when nothing is shown yet)."""
        return self._source.filter if self._source is not None else self.current_filter()

    def apply_filter(self) -> None:
        """Query now with what the filter bar shows (nothing happens when it is unchanged)."""
        self._search_timer.stop()
        if self._source is not None and self._source.filter == self.current_filter():
            return
        self._run(self.new_source())

    def refresh(self) -> None:
        """Read the shown rows again (after a change), keeping the selected row and the
        scroll position (what is typed in the filter bar is not touched)."""
        if self._source is None:
            return
        row = self.selected_row()
        scroll = self.table.verticalScrollBar().value()
        self._run(self._source, getattr(row, "id", None), self.table.currentIndex().row())
        self.table.verticalScrollBar().setValue(scroll)

    def show_changed(self, row_id: object) -> None:
        """Read the shown rows again with ``row_id`` selected (or the row where it was)."""
        if self._source is None:
            return
        self._run(self._source, row_id, self.table.currentIndex().row())

    def _run(self, source: ServiceRows[T], keep_id: object = None, keep_row: int = -1) -> None:
        self._source = source
        try:
            source.prepare()  # where an error can still be shown; the model must not fail mid-reset
        except DomainError as exc:
            self.model.set_source(None)
            self.show_error(exc)
            return
        self.model.set_source(source)
        if keep_id is not None:
            self.select_id(keep_id, keep_row)

    def _after_reset(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self.count_text(n))
        self.empty_label.show_text(None if n else self.empty_text())
        self.update_buttons()

    # --- sorting in SQL --------------------------------------------------------------
    def sortable(self) -> bool:
        return any(c.sort_key for c in self.model.columns())

    def _sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder

    def _on_header_clicked(self, section: int) -> None:
        key = self.model.columns()[section].sort_key
        header = self.table.horizontalHeader()
        if key is None:
            # Not sortable in SQL: put the indicator back where it was.
            keys = [c.sort_key for c in self.model.columns()]
            current = keys.index(self.sort_key) if self.sort_key in keys else -1
            header.setSortIndicator(current, self._sort_order())
            return
        if key == self.sort_key:
            self.descending = not self.descending
        else:
            self.sort_key, self.descending = key, False
        header.setSortIndicator(section, self._sort_order())
        row = self.selected_row()
        self._run(self.new_source(), getattr(row, "id", None))

    # --- selection -------------------------------------------------------------------
    def selected_row(self) -> T | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index.row())

    def select_id(self, row_id: object, near_row: int = -1) -> bool:
        """Select the row with ``row_id`` if it is at ``near_row`` or on the first page.

        When it is gone (archived, no longer matching) the row at ``near_row`` is
        selected instead, so working down a list goes on where it was.
        """
        found = self.model.find_row(row_id, near_row)
        if found is not None:
            self.select_row(found)
            return True
        if near_row >= 0 and self.model.rowCount():
            self.select_row(min(near_row, self.model.rowCount() - 1))
        return False

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        self.table.scrollTo(index)

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_row(row)

    # --- keys ------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def clear_search(self) -> None:
        self.search_edit.clear()
        self.apply_filter()
        self.search_edit.setFocus()

    def focus_table(self) -> None:
        """Into the table, on its first row when none is selected."""
        if self.model.rowCount():
            self.table.setFocus()
            if self.selected_row() is None:
                self.select_row(0)

    def table_escape(self) -> bool:
        """Esc in the table: back to an empty search box. True when handled."""
        if not self._searchable:
            return False
        self.clear_search()
        return True

    def show_error(self, exc: DomainError) -> None:
        show_error(self, self._error_title, exc)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if watched is self.search_edit:
                if key == Qt.Key.Key_Escape and self.search_edit.text():
                    self.clear_search()
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                    self.apply_filter()
                    self.focus_table()
                    return True
            elif watched is self.table:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.open_selected()
                    return True
                if key == Qt.Key.Key_Escape and self.table_escape():
                    return True
        return super().eventFilter(watched, event)
