"""The residents register page (居民档案): find, register, edit, archive, reveal.

One search box finds by name, pinyin initials (``zs`` → 张三), phone, ID number or
address, as the user types. The page is a :class:`~ui.widgets.list_page.ListPage`: its
table asks the service for the count once and then only for the pages on screen, so it
opens as fast on 200,000 residents as on 200. Sorting by name or address re-queries the
service (in SQL); there is no proxy model. ID numbers and phones are shown masked; a
role that may see them opens one resident's full values with "Show ID/phone", which the
service audits. 查看诉求 asks the main window to show the resident's requests (the page
knows no other page). The page follows the register through the change hub: a resident
saved anywhere (the reception desk, another PC's edit seen on the next write here)
refreshes it, keeping the selected row, the scroll position and what is typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, NamedTuple

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QMenu, QPushButton, QWidget

from desktop.common.changes import Changes, Topic
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Permission
from desktop.residents.service import ResidentFilter, ResidentRow, ResidentService
from ui.widgets import palette
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.i18n import Translator
from ui.widgets.list_page import ListPage, size_columns
from ui.widgets.messages import Ask, ask_yes, show_info
from ui.widgets.resident_dialog import ResidentDialog
from ui.widgets.windowed_model import Column, ServiceRows, WindowedTableModel

_ = Translator("residents")

ARCHIVED_COLOUR = QColor(palette.GREY)

DialogFactory = Callable[..., ResidentDialog]
"""Builds the create/edit dialog: ``(residents, actor, resident_id, parent, prefill=...)``."""


class ExtraAction(NamedTuple):
    """What another job offers on a resident (given by the shell, e.g. the visits job's
    走访记录): a button of the action bar and an entry of the row menu. This job never
    knows what it does.

    Attributes:
        label: the button's text.
        tip: its tooltip (naming ``keys``).
        run: called with the selected resident's id and name.
        keys: a shortcut of the page (e.g. ``"Ctrl+Shift+V"``), or none.
    """

    label: str
    tip: str
    run: Callable[[int, str], object]
    keys: str = ""


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


class ResidentsPage(ListPage[ResidentRow]):
    """The 居民档案 page.

    Args:
        residents: the register service.
        actor: the logged-in user; buttons they may not use are not shown.
        parent: the owning widget.
        dialog_factory: builds the create/edit dialog (tests pass their own).
        ask: asks before archiving (tests answer it).
        hub: the session's change hub; the page refreshes when residents change.
        extra_actions: what other jobs offer on the selected resident (from the shell).

    Signals:
        sig_changed(int): a resident was saved, archived or restored; carries its id.
        sig_show_requests(int, str): 查看诉求 — show this resident's requests (id, name).

    Shortcuts: Ctrl+N new resident, Enter / F2 / double-click edit, Ctrl+F search box,
    Esc clears the search, Enter or Down in the search box goes to the table; the right
    mouse button (or the menu key) on a row opens its actions.
    """

    sig_changed = Signal(int)
    """Emitted with a resident's id after a save, archive or restore; the page then
    selects it (other pages hear of the change through the hub)."""
    sig_show_requests = Signal(int, str)

    def __init__(
        self,
        residents: ResidentService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        dialog_factory: DialogFactory = ResidentDialog,
        ask: Ask = ask_yes,
        hub: ChangeHub | None = None,
        extra_actions: Sequence[ExtraAction] = (),
    ):
        super().__init__(
            ResidentTableModel(resident_columns()),
            parent,
            search_placeholder=_("Name, pinyin initials (zs), phone, ID number or address"),
            search_tip=_("Search as you type (Ctrl+F); Esc clears"),
            count_sample="200,000 residents",
            error_title=_("Residents"),
            sort=("id", True),
        )
        self._residents = residents
        self._actor = actor
        self._dialog_factory = dialog_factory
        self._ask = ask
        self.dialog: ResidentDialog | None = None  # the open create/edit dialog, if any
        self.can_edit = actor.can(Permission.EDIT_RESIDENTS)
        self.can_archive = actor.can(Permission.ARCHIVE_RESIDENTS)
        self.can_reveal = actor.can(Permission.REVEAL_SENSITIVE)
        self.can_see_requests = actor.can(Permission.VIEW_REQUESTS)
        self.extra_actions = tuple(extra_actions)
        self._build()
        self.reload_choices()
        self._connect_callbacks()
        self.start()
        watch(hub, self, {Topic.RESIDENTS}, self._residents_changed)

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        self.grid_combo = self.make_combo()
        self.tag_combo = self.make_combo()
        self.archived_check = QCheckBox(_("Show archived"))

        self.new_button = self.make_button(
            _("New resident"), _("Register a new resident (Ctrl+N)"), primary=True
        )
        self.edit_button = self.make_button(_("Edit"), _("Edit the selected resident (Enter)"))
        self.archive_button = self.make_button(_("Archive"), _("Archive or restore the selected resident"))
        self.reveal_button = self.make_button(
            _("Show ID/phone"), _("Show the full ID number and phone (recorded in the audit log)")
        )
        self.requests_button = self.make_button(
            _("View requests"), _("Show this resident's requests in All requests")
        )
        self.extra_buttons: list[QPushButton] = []
        for extra in self.extra_actions:
            button = self.make_button(extra.label, extra.tip)
            button.clicked.connect(lambda _checked=False, act=extra: self.run_extra(act))
            if extra.keys:
                QShortcut(QKeySequence(extra.keys), self, lambda act=extra: self.run_extra(act))
            self.extra_buttons.append(button)

        self.arrange(
            self.filter_bar(self.grid_combo, self.tag_combo, self.archived_check),
            self.action_bar(
                self.new_button,
                self.edit_button,
                self.archive_button,
                self.reveal_button,
                self.requests_button,
                *self.extra_buttons,
                hint=_("Enter: edit   Ctrl+N: new   Ctrl+F: search   Esc: clear search"),
            ),
        )
        # Only now, inside the page: showing a button that has no parent yet would open
        # it as a window of its own for a moment and take the activation from the main
        # window (after which nothing had the keyboard).
        self.new_button.setVisible(self.can_edit)
        self.edit_button.setVisible(self.can_edit)
        self.archive_button.setVisible(self.can_archive)
        self.reveal_button.setVisible(self.can_reveal)
        self.requests_button.setVisible(self.can_see_requests)
        self._size_columns()

    def _size_columns(self) -> None:
        """Widths from the font, never from the rows (that would fetch every page)."""
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
        columns = self.model.columns()
        size_columns(
            self.table,
            samples,
            [c.header for c in columns],
            sample_pad=16,
            header_pad=18,
            sortable={i for i, c in enumerate(columns) if c.sort_key},
        )

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
        self.grid_combo.currentIndexChanged.connect(self.apply_filter)
        self.tag_combo.currentIndexChanged.connect(self.apply_filter)
        self.archived_check.toggled.connect(self.apply_filter)
        self.new_button.clicked.connect(self.new_resident)
        self.edit_button.clicked.connect(self.edit_selected)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.reveal_button.clicked.connect(self.reveal_selected)
        self.requests_button.clicked.connect(self.show_requests)
        self.sig_changed.connect(self.show_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        if self.can_edit:
            for keys, slot in (("Ctrl+N", self.new_resident), ("F2", self.edit_selected)):
                QShortcut(QKeySequence(keys), self, slot)

    # --- what the list shows ---------------------------------------------------------
    def current_filter(self) -> ResidentFilter:
        return ResidentFilter(
            text=self.search_text(),
            grid_id=self.grid_combo.currentData(),
            tag_id=self.tag_combo.currentData(),
            include_archived=self.archived_check.isChecked(),
            sort=self.sort_key,
            descending=self.descending,
        )

    def new_source(self) -> ServiceRows[ResidentRow]:
        """One search, run once, then paged by id (see ``ResidentService.search``)."""
        f = self.current_filter()
        return ServiceRows.from_result(lambda: self._residents.search(self._actor, f), filter=f)

    def count_text(self, n: int) -> str:
        return _("1 resident") if n == 1 else _("{n} residents", n=f"{n:,}")

    def empty_text(self) -> str:
        f = self.shown_filter()
        if f.text:
            text = _("No resident matches “{text}”.", text=f.text)
        elif f.grid_id is not None or f.tag_id is not None:
            text = _("No resident in this grid or key group.")
        else:
            text = _("No residents yet.")
        if self.can_edit:
            text += "\n" + _("Press Ctrl+N to register one.")
        return text

    def select_resident(self, resident_id: int, near_row: int = -1) -> bool:
        """Select a resident if it is in the result: at ``near_row`` or on the first page."""
        return self.select_id(resident_id, near_row)

    def update_buttons(self) -> None:
        row = self.selected_row()
        has = row is not None
        self.edit_button.setEnabled(has)
        self.reveal_button.setEnabled(has)
        self.archive_button.setEnabled(has)
        self.archive_button.setText(_("Restore") if row is not None and row.archived else _("Archive"))
        self.requests_button.setEnabled(has)
        for button in self.extra_buttons:
            button.setEnabled(has)

    def focus_default(self) -> None:
        """Where typing starts when the page is shown: the search box."""
        self.focus_search()

    def _residents_changed(self, _changes: Changes | None) -> None:
        """Residents (or grids, key groups) changed somewhere: read them again in place."""
        self.reload_choices()
        self.refresh()

    # --- actions ---------------------------------------------------------------------
    def open_row(self, row: ResidentRow) -> None:
        if self.can_edit:
            self._open_dialog(row.id)

    def new_resident(self) -> None:
        if not self.can_edit:
            return
        nobody = self.model.rowCount() == 0
        self._open_dialog(None, prefill=self.search_edit.text() if nobody else "")

    def edit_selected(self) -> None:
        self.open_selected()

    def _open_dialog(self, resident_id: int | None, prefill: str = "") -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        try:
            dialog = self._dialog_factory(self._residents, self._actor, resident_id, self, prefill=prefill)
        except DomainError as exc:
            self.show_error(exc)
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
        if archive and not self._ask(
            self,
            _("Archive resident"),
            _("Archive {name}? The record is kept and can be restored later.", name=row.name),
        ):
            return
        try:
            self._residents.set_archived(self._actor, row.id, archive)
        except DomainError as exc:
            self.show_error(exc)
            return
        self.sig_changed.emit(row.id)

    def show_requests(self) -> None:
        """查看诉求: ask the main window to show the selected resident's requests."""
        row = self.selected_row()
        if row is None or not self.can_see_requests:
            return
        self.sig_show_requests.emit(row.id, row.name)

    def row_actions(self) -> list[tuple[str, Callable[[], None]]]:
        """The actions of the selected row, as its context menu lists them."""
        row = self.selected_row()
        if row is None:
            return []
        actions: list[tuple[str, Callable[[], None]]] = []
        if self.can_edit:
            actions.append((_("Edit"), self.edit_selected))
        if self.can_see_requests:
            actions.append((_("View requests"), self.show_requests))
        if self.can_reveal:
            actions.append((_("Show ID/phone"), self.reveal_selected))
        for extra in self.extra_actions:
            actions.append((extra.label, partial(self.run_extra, extra)))
        if self.can_archive:
            actions.append((_("Restore") if row.archived else _("Archive"), self.toggle_archived))
        return actions

    def run_extra(self, action: ExtraAction) -> None:
        """Run what another job offers on the selected resident."""
        row = self.selected_row()
        if row is not None:
            action.run(row.id, row.name)

    def _row_menu(self, at: QPoint) -> None:
        index = self.table.indexAt(at)
        if index.isValid():
            self.select_row(index.row())
        actions = self.row_actions()
        if not actions:
            return
        menu = QMenu(self)
        for text, slot in actions:
            menu.addAction(text, slot)
        menu.exec(self.table.viewport().mapToGlobal(at))

    def reveal_selected(self) -> None:
        row = self.selected_row()
        if row is None or not self.can_reveal:
            return
        try:
            revealed = self._residents.reveal(self._actor, row.id)
        except DomainError as exc:
            self.show_error(exc)
            return
        none = _("not recorded")
        show_info(
            self,
            _("ID number and phone"),
            "\n".join(
                [
                    row.name,
                    _("ID number: {value}", value=revealed.id_number or none),
                    _("Phone: {value}", value=revealed.phone or none),
                    "",
                    _("This look-up is recorded in the audit log."),
                ]
            ),
        )
