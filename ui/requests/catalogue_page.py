"""分类与单位: the administrator's request categories, departments and response templates.

Three tabs. Categories are a two-level tree; categories and departments are disabled,
never deleted (requests refer to them). Templates are edited in place
(:mod:`ui.requests.template_editor`). Dialogs open window-modal without blocking
(``self.dialog``), and the page refreshes when one saves, and whenever the catalogue
changes elsewhere (``watch`` on the change hub), keeping the selection, the scroll
positions and a template being edited. Users without the settings permission see
everything read-only. What it shares with 时限与日历 is in :mod:`ui.requests.settings_base`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop.common.changes import Changes, Topic
from desktop.common.permissions import Actor
from desktop.requests.catalogue import LEVELS, CatalogueService, CategoryNode, DepartmentRow
from ui.requests.admin_dialogs import CategoryDialog, DepartmentDialog, node_label
from ui.requests.settings_base import SettingsPage, current_of, fill_table, row_of, settings_table
from ui.requests.template_editor import TemplatesTab
from ui.requests.watching import weakly
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.i18n import Translator, desktop_text
from ui.widgets.keys import shortcut
from ui.widgets.palette import DISABLED

_ = Translator("admin")

GREY = QColor(DISABLED)
ID_ROLE = Qt.ItemDataRole.UserRole


def level_label(level: str) -> str:
    return desktop_text(LEVELS[level]) if level in LEVELS else level


# --- the page -------------------------------------------------------------------------------
class CataloguePage(SettingsPage):
    """The 分类与单位 page.

    Args:
        catalogue: the catalogue service.
        actor: the logged-in user (changes need ``MANAGE_SETTINGS``).
        parent: the owning widget.
        hub: announces committed changes; the page refreshes when the catalogue changes.
    """

    def __init__(
        self,
        catalogue: CatalogueService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
    ):
        super().__init__(
            actor, _("Categories and departments"), _("Only an administrator can change these lists."), parent
        )
        self._catalogue, self._actor = catalogue, actor
        self._nodes: dict[int, CategoryNode] = {}
        self._departments: list[DepartmentRow] = []
        self.tabs.addTab(self._categories_tab(), _("Request categories"))
        self.tabs.addTab(self._departments_tab(), _("Departments"))
        self.templates = TemplatesTab(catalogue, actor, self.editable)
        self.tabs.addTab(self.templates, _("Response templates"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.refresh()
        watch(hub, self, (Topic.CATALOGUE,), weakly(self.refresh))

    def refresh(self, _changes: Changes | None = None) -> None:
        """Read the three lists again, keeping what is selected, where each list is
        scrolled to, and a template being edited."""
        self.refresh_categories()
        self.refresh_departments()
        self.templates.refresh_templates(keep_editor=True)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.templates:
            self.templates.fill_template_categories()  # categories may have changed meanwhile

    # --- categories -----------------------------------------------------------------------
    def _categories_tab(self) -> QWidget:
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_("Category"), _("Status")])
        self.tree.setColumnCount(2)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setObjectName("categoryTree")  # its look: ui.widgets.style
        self.tree.currentItemChanged.connect(lambda *_args: self._update_category_buttons())
        self.tree.itemDoubleClicked.connect(lambda *_args: self.rename_category())

        self.add_category_button = QPushButton(_("New category"))
        self.add_category_button.setToolTip("Ctrl+N")
        self.add_category_button.clicked.connect(self.add_category)
        self.add_child_button = QPushButton(_("New sub-category"))
        self.add_child_button.setToolTip("Ctrl+Shift+N")
        self.add_child_button.clicked.connect(self.add_sub_category)
        self.rename_category_button = QPushButton(_("Rename"))
        self.rename_category_button.setToolTip("F2")
        self.rename_category_button.clicked.connect(self.rename_category)
        self.up_button = QPushButton(_("Move up"))
        self.up_button.setToolTip("Ctrl+↑")
        self.up_button.clicked.connect(lambda: self.move_category(-1))
        self.down_button = QPushButton(_("Move down"))
        self.down_button.setToolTip("Ctrl+↓")
        self.down_button.clicked.connect(lambda: self.move_category(1))
        self.category_active_button = QPushButton(_("Disable"))
        self.category_active_button.clicked.connect(self.toggle_category)
        buttons = [
            self.add_category_button,
            self.add_child_button,
            self.rename_category_button,
            self.up_button,
            self.down_button,
            self.category_active_button,
        ]
        hint = QLabel(
            _(
                "Requests are registered under a sub-category where a category has them. "
                "Categories are never deleted because requests refer to them: disable one instead, "
                "and it can no longer be chosen at reception (its sub-categories neither)."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        tab = self.list_tab(self.tree, buttons, below=[hint])
        if self.editable:
            shortcut("Ctrl+N", tab, self.add_category)
            shortcut("Ctrl+Shift+N", tab, self.add_sub_category)
            shortcut("F2", tab, self.rename_category)
            shortcut("Ctrl+Up", tab, lambda: self.move_category(-1))
            shortcut("Ctrl+Down", tab, lambda: self.move_category(1))
        return tab

    def refresh_categories(self, select_id: int | None = None) -> None:
        current = self.selected_category()
        if select_id is None and current is not None:
            select_id = current.id
        tree = self._catalogue.tree()
        scroll = self.tree.verticalScrollBar().value()
        self._nodes = {}
        self.tree.clear()
        chosen: QTreeWidgetItem | None = None
        for top in tree:
            item = self._category_item(top)
            self.tree.addTopLevelItem(item)
            if top.id == select_id:
                chosen = item
            for child in top.children:
                child_item = self._category_item(child)
                item.addChild(child_item)
                if child.id == select_id:
                    chosen = child_item
            item.setExpanded(True)
        if chosen is None and self.tree.topLevelItemCount():
            chosen = self.tree.topLevelItem(0)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self.tree.verticalScrollBar().setValue(scroll)
        self._update_category_buttons()

    def _category_item(self, node: CategoryNode) -> QTreeWidgetItem:
        self._nodes[node.id] = node
        if node.is_active and node.available:
            status = ""
        elif node.is_active:
            status = _("Unavailable: the category above is disabled")
        else:
            status = _("Disabled")
        item = QTreeWidgetItem([node_label(node), status])
        item.setData(0, ID_ROLE, node.id)
        if not node.available:
            for column in range(2):
                item.setForeground(column, QBrush(GREY))
        return item

    def selected_category(self) -> CategoryNode | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return self._nodes.get(item.data(0, ID_ROLE))

    def category_item(self, category_id: int) -> QTreeWidgetItem | None:
        """The tree item showing a category (for tests and for selecting after a change)."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top.data(0, ID_ROLE) == category_id:
                return top
            for j in range(top.childCount()):
                if top.child(j).data(0, ID_ROLE) == category_id:
                    return top.child(j)
        return None

    def _siblings_of(self, node: CategoryNode) -> list[int]:
        if node.parent_id is None:
            return [self.tree.topLevelItem(i).data(0, ID_ROLE) for i in range(self.tree.topLevelItemCount())]
        parent = self.category_item(node.parent_id)
        return [parent.child(j).data(0, ID_ROLE) for j in range(parent.childCount())] if parent else []

    def _update_category_buttons(self) -> None:
        node = self.selected_category()
        has = node is not None
        self.add_child_button.setEnabled(has)
        self.rename_category_button.setEnabled(has)
        self.category_active_button.setEnabled(has)
        siblings = self._siblings_of(node) if node is not None else []
        self.up_button.setEnabled(has and siblings[:1] != [node.id])
        self.down_button.setEnabled(has and siblings[-1:] != [node.id])
        self.category_active_button.setText(
            _("Enable") if node is not None and not node.is_active else _("Disable")
        )

    def add_category(self) -> None:
        if not self.editable:
            return
        dialog = CategoryDialog(self._catalogue, self._actor, parent=self)
        self.open_dialog(dialog, lambda: self.refresh_categories(dialog.saved_id))

    def add_sub_category(self) -> None:
        """Add a sub-category to the selected category (or beside the selected sub-category)."""
        node = self.selected_category()
        if not self.editable or node is None:
            return
        top = node if node.parent_id is None else self._nodes.get(node.parent_id)
        if top is None:
            return
        dialog = CategoryDialog(self._catalogue, self._actor, parent_node=top, parent=self)
        self.open_dialog(dialog, lambda: self.refresh_categories(dialog.saved_id))

    def rename_category(self) -> None:
        node = self.selected_category()
        if not self.editable or node is None:
            return
        dialog = CategoryDialog(self._catalogue, self._actor, node=node, parent=self)
        self.open_dialog(dialog, lambda: self.refresh_categories(node.id))

    def move_category(self, step: int) -> None:
        node = self.selected_category()
        if not self.editable or node is None:
            return
        if self.run(lambda: self._catalogue.move_category(self._actor, node.id, step)):
            self.refresh_categories(node.id)

    def toggle_category(self) -> None:
        node = self.selected_category()
        if not self.editable or node is None:
            return
        if self.run(lambda: self._catalogue.set_category_active(self._actor, node.id, not node.is_active)):
            self.refresh_categories(node.id)

    # --- departments ----------------------------------------------------------------------
    def _departments_tab(self) -> QWidget:
        self.department_table = settings_table([_("Department"), _("Handling level"), _("Status")])
        header = self.department_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.department_table.currentCellChanged.connect(lambda *_args: self._update_department_buttons())
        self.department_table.doubleClicked.connect(lambda _index: self.edit_department())

        self.add_department_button = QPushButton(_("New department"))
        self.add_department_button.setToolTip("Ctrl+N")
        self.add_department_button.clicked.connect(self.add_department)
        self.edit_department_button = QPushButton(_("Rename / level"))
        self.edit_department_button.setToolTip("F2")
        self.edit_department_button.clicked.connect(self.edit_department)
        self.department_active_button = QPushButton(_("Disable"))
        self.department_active_button.clicked.connect(self.toggle_department)
        hint = QLabel(
            _(
                "A disabled department keeps the requests it already has, but new requests "
                "can no longer be routed to it."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        buttons = [self.add_department_button, self.edit_department_button, self.department_active_button]
        tab = self.list_tab(self.department_table, buttons, below=[hint])
        if self.editable:
            shortcut("Ctrl+N", tab, self.add_department)
            shortcut("F2", tab, self.edit_department)
        return tab

    def refresh_departments(self, select_id: int | None = None) -> None:
        current = self.selected_department()
        if select_id is None and current is not None:
            select_id = current.id
        self._departments = self._catalogue.departments()
        cells = []
        for d in self._departments:
            status = _("In use") if d.is_active else _("Disabled")
            row = [QTableWidgetItem(value) for value in (d.name, level_label(d.level), status)]
            if not d.is_active:
                for item in row:
                    item.setForeground(QBrush(GREY))
            cells.append(row)
        fill_table(self.department_table, cells, row_of(self._departments, lambda d: d.id == select_id))
        self._update_department_buttons()

    def selected_department(self) -> DepartmentRow | None:
        return current_of(self.department_table, self._departments)

    def _update_department_buttons(self) -> None:
        d = self.selected_department()
        self.edit_department_button.setEnabled(d is not None)
        self.department_active_button.setEnabled(d is not None)
        self.department_active_button.setText(
            _("Enable") if d is not None and not d.is_active else _("Disable")
        )

    def add_department(self) -> None:
        if not self.editable:
            return
        dialog = DepartmentDialog(self._catalogue, self._actor, parent=self)
        self.open_dialog(dialog, lambda: self.refresh_departments(dialog.saved_id))

    def edit_department(self) -> None:
        d = self.selected_department()
        if not self.editable or d is None:
            return
        dialog = DepartmentDialog(self._catalogue, self._actor, d, parent=self)
        self.open_dialog(dialog, lambda: self.refresh_departments(d.id))

    def toggle_department(self) -> None:
        d = self.selected_department()
        if not self.editable or d is None:
            return
        if self.run(lambda: self._catalogue.set_department_active(self._actor, d.id, not d.is_active)):
            self.refresh_departments(d.id)
