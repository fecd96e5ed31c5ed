"""The residents register page (居民档案): find, register, edit, archive, reveal.

One search box finds by name, pinyin initials (``zs`` → 张三), phone, ID number or
address, as the user types. The table is a ``WindowedTableModel``: it asks the service
for the count once and then only for the pages on screen, so it opens as fast on 200,000
residents as on 200. Sorting by name or address re-queries the service (in SQL); there
is no proxy model. ID numbers and phones are shown masked; a role that may see them
opens one resident's full values with "Show ID/phone", which the service audits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
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
from desktop.common.permissions import Actor, Permission
from desktop.residents.service import ResidentFilter, ResidentResult, ResidentRow, ResidentService
from ui.widgets.i18n import Translator, error_text
from ui.widgets.resident_dialog import ResidentDialog
from ui.widgets.windowed_model import Column, RowSource, WindowedTableModel

_ = Translator("residents")

SEARCH_DELAY_MS = 200
ARCHIVED_COLOUR = QColor("#8a8a8a")

DialogFactory = Callable[..., ResidentDialog]
"""Builds the create/edit dialog: ``(residents, actor, resident_id, parent, prefill=...)``."""


class ResidentSource(RowSource[ResidentRow]):
    """The rows of one search: a service result for a fixed filter, run once."""

    def __init__(self, residents: ResidentService, actor: Actor, f: ResidentFilter):
        self.residents = residents
        self.actor = actor
        self.filter = f
        self._result: ResidentResult | None = None

    def prepare(self) -> None:
        """Search now, where an error can still be shown (the model must not fail mid-reset)."""
        self._result = self.residents.search(self.actor, self.filter)

    def count(self) -> int:
        if self._result is None:
            self.prepare()
        assert self._result is not None
        return self._result.count

    def page(self, offset: int, limit: int) -> Sequence[ResidentRow]:
        if self._result is None:
            self.prepare()
        assert self._result is not None
        return self._result.page(offset, limit)


def _name(row: ResidentRow) -> str:
    return _("{name} (archived)", name=row.name) if row.archived else row.name


def resident_columns() -> list[Column[ResidentRow]]:
    """The register's columns; name and address sort in SQL."""
    centre = Qt.AlignmentFlag.AlignCenter
    return [
        Column(_("Name"), _name, sort_key="name"),
        Column(_("Gender"), lambda r: r.gender, align=centre),
        Column(_("Age"), lambda r: r.age, align=centre),
        Column(_("ID number"), lambda r: r.id_number),
        Column(_("Phone"), lambda r: r.phone),
        Column(_("Grid"), lambda r: r.grid),
        Column(_("Key groups"), lambda r: r.tags),
        Column(_("Address"), lambda r: r.address, sort_key="address"),
    ]


# Column positions, for widths and tooltips.
COL_NAME, COL_GENDER, COL_AGE, COL_ID, COL_PHONE, COL_GRID, COL_TAGS, COL_ADDRESS = range(8)


class ResidentTableModel(WindowedTableModel[ResidentRow]):
    """The windowed model, plus archived rows in grey and full texts as tooltips."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_at(index.row())
            return ARCHIVED_COLOUR if row is not None and row.archived else None
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole:
            if index.column() in (COL_NAME, COL_TAGS, COL_ADDRESS, COL_GRID):
                return super().data(index, Qt.ItemDataRole.DisplayRole) or None
            return None
        return super().data(index, role)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
            and self._columns[section].sort_key
        ):
            return _("Click to sort by this column")
        return super().headerData(section, orientation, role)


class ResidentsPage(QWidget):
    """The 居民档案 page.

    Args:
        residents: the register service.
        actor: the logged-in user; buttons they may not use are not shown.
        parent: the owning widget.
        dialog_factory: builds the create/edit dialog (tests pass their own).

    Signals:
        sig_changed(int): a resident was saved, archived or restored; carries its id.

    Shortcuts: Ctrl+N new resident, Enter / F2 / double-click edit, Ctrl+F search box,
    Esc clears the search, Enter or Down in the search box goes to the table.
    """

    sig_changed = Signal(int)
    """Emitted with a resident's id after a save, archive or restore; the page then
    refreshes its table (keeping the selection) and other pages may listen."""

    def __init__(
        self,
        residents: ResidentService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        dialog_factory: DialogFactory = ResidentDialog,
    ):
        super().__init__(parent)
        self._residents = residents
        self._actor = actor
        self._dialog_factory = dialog_factory
        self._sort = "id"
        self._descending = True
        self.dialog: ResidentDialog | None = None  # the open create/edit dialog, if any
        self._source: ResidentSource | None = None
        self.can_edit = actor.can(Permission.EDIT_RESIDENTS)
        self.can_archive = actor.can(Permission.ARCHIVE_RESIDENTS)
        self.can_reveal = actor.can(Permission.REVEAL_SENSITIVE)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self.model = ResidentTableModel(resident_columns())
        self._build()
        self.reload_choices()
        self._connect_callbacks()
        self._run(ResidentSource(residents, actor, self.current_filter()))

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        fm = self.fontMetrics()
        button_height = fm.height() * 2 + 8

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_("Name, pinyin initials (zs), phone, ID number or address"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setToolTip(_("Search as you type (Ctrl+F); Esc clears"))
        self.search_edit.setMinimumWidth(fm.horizontalAdvance("M") * 26)
        self.search_edit.setMinimumHeight(button_height - 4)

        self.grid_combo = QComboBox()
        self.grid_combo.setMaxVisibleItems(20)
        self.grid_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.grid_combo.setMinimumHeight(button_height - 4)
        self.tag_combo = QComboBox()
        self.tag_combo.setMaxVisibleItems(20)
        self.tag_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tag_combo.setMinimumHeight(button_height - 4)
        self.archived_check = QCheckBox(_("Show archived"))
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(fm.horizontalAdvance("200,000 residents") + 8)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.grid_combo)
        filters.addWidget(self.tag_combo)
        filters.addWidget(self.archived_check)
        filters.addWidget(self.count_label)

        def button(text: str, tip: str) -> QPushButton:
            b = QPushButton(text)
            b.setToolTip(tip)
            b.setMinimumHeight(button_height)
            b.setMinimumWidth(fm.horizontalAdvance("M") * 8)
            b.setAutoDefault(False)
            return b

        self.new_button = button(_("New resident"), _("Register a new resident (Ctrl+N)"))
        self.new_button.setObjectName("primary")
        self.edit_button = button(_("Edit"), _("Edit the selected resident (Enter)"))
        self.archive_button = button(_("Archive"), _("Archive or restore the selected resident"))
        self.reveal_button = button(
            _("Show ID/phone"), _("Show the full ID number and phone (recorded in the audit log)")
        )
        self.new_button.setVisible(self.can_edit)
        self.edit_button.setVisible(self.can_edit)
        self.archive_button.setVisible(self.can_archive)
        self.reveal_button.setVisible(self.can_reveal)
        self.hint_label = QLabel(_("Enter: edit   Ctrl+N: new   Ctrl+F: search   Esc: clear search"))
        self.hint_label.setObjectName("hint")

        actions = QHBoxLayout()
        actions.setSpacing(8)
        for b in (self.new_button, self.edit_button, self.archive_button, self.reveal_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.hint_label)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setTabKeyNavigation(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measures rows
        rows.setDefaultSectionSize(fm.height() + 14)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        header.setMinimumHeight(fm.height() + 14)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._size_columns()

        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)

    def _size_columns(self) -> None:
        """Widths from the font, never from the rows (that would fetch every page)."""
        fm = self.table.fontMetrics()
        header_fm = self.table.horizontalHeader().fontMetrics()
        samples = {
            # A three-character archived name fits; longer ones elide, with a tooltip.
            COL_NAME: _("{name} (archived)", name="张秀英"),
            COL_GENDER: "男",
            COL_AGE: "100",
            COL_ID: "370302********123X",
            COL_PHONE: "0533-****5678",
            COL_GRID: "幸福社区第10网格",
            COL_TAGS: "独居老人、困难家庭",
        }
        header = self.table.horizontalHeader()
        for column, sample in samples.items():
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            # Room for the sort arrow on the sortable columns only.
            pad = 34 if self.model.columns()[column].sort_key else 18
            width = max(fm.horizontalAdvance(sample) + 16, header_fm.horizontalAdvance(title) + pad)
            header.resizeSection(column, width)

    def reload_choices(self) -> None:
        """(Re)load the grid and key-group filters, keeping what is chosen."""
        grid, tag = self.grid_combo.currentData(), self.tag_combo.currentData()
        for combo in (self.grid_combo, self.tag_combo):
            combo.blockSignals(True)
            combo.clear()
        self.grid_combo.addItem(_("All grids"), None)
        for grid_id, name in self._residents.grids():
            self.grid_combo.addItem(name, grid_id)
        self.tag_combo.addItem(_("All key groups"), None)
        for tag_id, name in self._residents.tags():
            self.tag_combo.addItem(name, tag_id)
        for combo, value in ((self.grid_combo, grid), (self.tag_combo, tag)):
            combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
            combo.blockSignals(False)

    def _connect_callbacks(self) -> None:
        self.search_edit.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self.apply_filter)
        self.grid_combo.currentIndexChanged.connect(self.apply_filter)
        self.tag_combo.currentIndexChanged.connect(self.apply_filter)
        self.archived_check.toggled.connect(self.apply_filter)
        self.table.horizontalHeader().sectionClicked.connect(self._on_header_clicked)
        self.table.doubleClicked.connect(self.edit_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._after_reset)
        self.new_button.clicked.connect(self.new_resident)
        self.edit_button.clicked.connect(self.edit_selected)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.reveal_button.clicked.connect(self.reveal_selected)
        self.sig_changed.connect(self._on_changed)
        self.search_edit.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        shortcuts = [("Ctrl+F", self.focus_search)]
        if self.can_edit:
            shortcuts += [("Ctrl+N", self.new_resident), ("F2", self.edit_selected)]
        for keys, slot in shortcuts:
            QShortcut(QKeySequence(keys), self, slot)

    # --- searching -------------------------------------------------------------------
    def current_filter(self) -> ResidentFilter:
        return ResidentFilter(
            text=self.search_edit.text().strip(),
            grid_id=self.grid_combo.currentData(),
            tag_id=self.tag_combo.currentData(),
            include_archived=self.archived_check.isChecked(),
            sort=self._sort,
            descending=self._descending,
        )

    def apply_filter(self) -> None:
        """Run the search now with what is in the box and the filters."""
        self._search_timer.stop()
        source = self.model_source()
        f = self.current_filter()
        if source is not None and source.filter == f:
            return
        self._run(ResidentSource(self._residents, self._actor, f))

    def model_source(self) -> ResidentSource | None:
        return self._source

    def _run(self, source: ResidentSource, keep_id: int | None = None, keep_row: int = -1) -> None:
        self._source = source
        try:
            source.prepare()
        except DomainError as exc:
            self.model.set_source(None)
            self._show_error(exc)
            return
        self.model.set_source(source)
        if keep_id is not None:
            self.select_resident(keep_id, keep_row)

    def refresh(self) -> None:
        """Re-read the current result (after a change), keeping the selected resident."""
        if self._source is None:
            return
        row = self.selected_row()
        at = self.table.currentIndex().row()
        self._run(self._source, row.id if row else None, at)

    def _on_changed(self, resident_id: int) -> None:
        if self._source is None:
            return
        at = self.table.currentIndex().row()
        self._run(self._source, resident_id, at)

    def _on_header_clicked(self, section: int) -> None:
        key = self.model.columns()[section].sort_key
        header = self.table.horizontalHeader()
        if key is None:
            # Only name and address sort in SQL; put the indicator back where it was.
            keys = [c.sort_key for c in self.model.columns()]
            current = keys.index(self._sort) if self._sort in keys else -1
            header.setSortIndicator(current, self._sort_order())
            return
        if key == self._sort:
            self._descending = not self._descending
        else:
            self._sort, self._descending = key, False
        header.setSortIndicator(section, self._sort_order())
        row = self.selected_row()
        self._run(
            ResidentSource(self._residents, self._actor, self.current_filter()),
            row.id if row else None,
        )

    def _sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    def _after_reset(self) -> None:
        n = self.model.rowCount()
        if n == 1:
            self.count_label.setText(_("1 resident"))
        else:
            self.count_label.setText(_("{n} residents", n=f"{n:,}"))
        self._update_empty_hint(n)
        self._update_buttons()

    def _update_empty_hint(self, n: int) -> None:
        if n:
            self.empty_label.hide()
            return
        f = self._source.filter if self._source is not None else self.current_filter()
        if f.text:
            text = _("No resident matches “{text}”.", text=f.text)
        elif f.grid_id is not None or f.tag_id is not None:
            text = _("No resident in this grid or key group.")
        else:
            text = _("No residents yet.")
        if self.can_edit:
            text += "\n" + _("Press Ctrl+N to register one.")
        self.empty_label.setText(text)
        self._place_empty_hint()
        self.empty_label.show()

    def _place_empty_hint(self) -> None:
        self.empty_label.setGeometry(self.table.viewport().rect().adjusted(20, 20, -20, -20))

    # --- selection -------------------------------------------------------------------
    def selected_row(self) -> ResidentRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index.row())

    def select_resident(self, resident_id: int, near_row: int = -1) -> bool:
        """Select a resident if it is in the result: at ``near_row`` or on the first page.

        When it is gone (archived, no longer matching) the row at ``near_row`` is
        selected instead, so working down a list goes on where it was.
        """
        found = self.model.find_row(resident_id, near_row)
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

    def _update_buttons(self) -> None:
        row = self.selected_row()
        has = row is not None
        self.edit_button.setEnabled(has)
        self.reveal_button.setEnabled(has)
        self.archive_button.setEnabled(has)
        self.archive_button.setText(_("Restore") if has and row.archived else _("Archive"))

    # --- actions ---------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def clear_search(self) -> None:
        self.search_edit.clear()
        self.apply_filter()
        self.search_edit.setFocus()

    def new_resident(self) -> None:
        if not self.can_edit:
            return
        nobody = self.model.rowCount() == 0
        self._open_dialog(None, prefill=self.search_edit.text() if nobody else "")

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is None or not self.can_edit:
            return
        self._open_dialog(row.id)

    def _open_dialog(self, resident_id: int | None, prefill: str = "") -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        try:
            dialog = self._dialog_factory(self._residents, self._actor, resident_id, self, prefill=prefill)
        except DomainError as exc:
            self._show_error(exc)
            if resident_id is not None:
                self.refresh()
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_saved.connect(self.sig_changed)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()  # window-modal, does not block: the page waits for sig_saved
        dialog.activateWindow()

    def _dialog_closed(self) -> None:
        self.dialog = None
        self.table.setFocus()

    def toggle_archived(self) -> None:
        row = self.selected_row()
        if row is None or not self.can_archive:
            return
        archive = not row.archived
        if archive and not self._confirm(
            _("Archive resident"),
            _("Archive {name}? The record is kept and can be restored later.", name=row.name),
        ):
            return
        try:
            self._residents.set_archived(self._actor, row.id, archive)
        except DomainError as exc:
            self._show_error(exc)
            return
        self.sig_changed.emit(row.id)

    def reveal_selected(self) -> None:
        row = self.selected_row()
        if row is None or not self.can_reveal:
            return
        try:
            id_number, phone = self._residents.reveal(self._actor, row.id)
        except DomainError as exc:
            self._show_error(exc)
            return
        none = _("not recorded")
        QMessageBox.information(
            self,
            _("ID number and phone"),
            "\n".join(
                [
                    row.name,
                    _("ID number: {value}", value=id_number or none),
                    _("Phone: {value}", value=phone or none),
                    "",
                    _("This look-up is recorded in the audit log."),
                ]
            ),
        )

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _show_error(self, exc: DomainError) -> None:
        QMessageBox.warning(self, _("Residents"), error_text(exc))

    # --- keys ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if watched is self.search_edit:
                if key == Qt.Key.Key_Escape and self.search_edit.text():
                    self.clear_search()
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                    self.apply_filter()
                    if self.model.rowCount():
                        self.table.setFocus()
                        if self.selected_row() is None:
                            self.select_row(0)
                    return True
            elif watched is self.table:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.edit_selected()
                    return True
                if key == Qt.Key.Key_Escape:
                    self.clear_search()
                    return True
        elif event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._place_empty_hint()
        return super().eventFilter(watched, event)
