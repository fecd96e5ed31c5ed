"""服务清单: the service menu residents order from, kept by the administrator.

One line per item, by category: name, unit, guide price, the provider kinds that may
deliver it (any when none is named), the key groups it is meant for, and whether it is
offered. Items are never deleted — orders refer to them — but withdrawn and offered
again. Ctrl+N adds an item, Enter edits the selected one. The page watches the menu.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from desktop.common.changes import Changes, Topic
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Permission
from desktop.opening import Services
from desktop.orders.menu import MenuItemRow
from desktop.orders.service import MenuItemForm, OrderService
from desktop.orders.vocabulary import ProviderKind
from ui.orders.fields import OrdersForm, Tick, money_edit, note_edit, raise_if, read_money, tick_list, ticked
from ui.orders.formatting import INACTIVE_COLOUR, NONE, kind_text, yuan
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.forms import DialogHost
from ui.widgets.i18n import Translator
from ui.widgets.list_page import ListPage, size_columns
from ui.widgets.windowed_model import Column, ServiceRows, WindowedTableModel

_ = Translator("orders")


class MenuItemDialog(OrdersForm):
    """Add a menu item (``item`` None) or change one; ``item_id`` is its id once saved."""

    def __init__(
        self, orders: OrderService, actor: Actor, item: MenuItemRow | None, parent: QWidget | None = None
    ):
        super().__init__(
            orders,
            actor,
            parent,
            title=_("Edit service {name}", name=item.label) if item else _("New service"),
            save_text=_("Save"),
            width=860,
        )
        self.setObjectName("menuItemDialog")
        self.item = item
        self.item_id: int | None = item.id if item else None
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(orders.menu_categories())
        self.category.setCurrentText(item.category if item else "")
        line = self.category.lineEdit()
        if line is not None:
            line.setPlaceholderText(_("e.g. 助老服务"))
        self.add("category", _("&Category"), self.category)
        self.name = QLineEdit(item.name if item else "")
        self.add("name", _("&Name"), self.name)
        self.unit = QLineEdit(item.unit if item else "次")
        self.unit.setMaximumWidth(self.unit.fontMetrics().horizontalAdvance("M") * 10)
        self.add("unit", _("&Unit"), self.unit)
        self.guide_price = money_edit(item.guide_price if item else None, _("0.00"))
        self.add("guide_price", _("&Guide price (yuan)"), self.guide_price)
        self.description = note_edit(_("What the service is"), lines=3)
        self.description.setPlainText(item.description if item else "")
        self.add("description", _("&Description"), self.description)
        chosen = set(item.provider_kinds if item else ())
        self.kinds = tick_list(
            (Tick(kind_text(k), k.value, checked=k in chosen) for k in ProviderKind), rows=4
        )
        self.kinds.setToolTip(_("None ticked: any kind may deliver it. Space ticks."))
        self.add_right("provider_kinds", _("Delivered &by"), self.kinds)
        tags = set(item.tag_ids if item else ())
        self.tags = tick_list(
            (Tick(name, tag_id, checked=tag_id in tags) for tag_id, name in orders.key_groups()), rows=4
        )
        self.add_right("tags", _("&Key groups"), self.tags)
        self.category.setFocus()

    def save(self) -> None:
        errors: dict[str, DomainError] = {}
        price = (
            read_money(self.guide_price, "guide_price", errors, allow_zero=True)
            if self.guide_price.text()
            else 0
        )
        raise_if(errors)
        form = MenuItemForm(
            category=self.category.currentText(),
            name=self.name.text(),
            description=self.description.toPlainText(),
            unit=self.unit.text(),
            guide_price=price,
            provider_kinds=ticked(self.kinds),
            tag_ids=ticked(self.tags),
        )
        self.item_id = self._orders.save_menu_item(self._actor, form, self.item_id)


def menu_columns() -> list[Column[MenuItemRow]]:
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    return [
        Column(_("Category"), lambda i: i.category),
        Column(_("Service"), lambda i: i.name),
        Column(_("Unit"), lambda i: i.unit),
        Column(_("Guide price"), lambda i: yuan(i.guide_price) if i.guide_price else NONE, align=right),
        Column(
            _("Delivered by"), lambda i: "、".join(kind_text(k) for k in i.provider_kinds) or _("Any kind")
        ),
        Column(_("Key groups"), lambda i: "、".join(i.tags) or NONE),
        Column(_("State"), lambda i: _("Offered") if i.is_active else _("Withdrawn")),
    ]


class MenuTableModel(WindowedTableModel[MenuItemRow]):
    """Withdrawn items grey."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            item = self.row_at(index.row())
            return QBrush(QColor(INACTIVE_COLOUR)) if item is not None and not item.is_active else None
        if role == Qt.ItemDataRole.ToolTipRole:
            item = self.row_at(index.row())
            return item.description if item is not None and item.description else None
        return super().data(index, role)


class ServiceMenuPage(ListPage[MenuItemRow]):
    """The 服务清单 page (the administrator's).

    Args:
        services: the opened database's services.
        actor: the logged-in user (changes need ``MANAGE_SERVICE_MENU``).
        hub: announces committed changes; the page refreshes when the menu changes.
        parent: the owning widget.
    """

    def __init__(
        self,
        services: Services,
        actor: Actor,
        *,
        hub: ChangeHub | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(
            MenuTableModel(menu_columns()),
            parent,
            title=_("Service menu"),
            search_placeholder=_("Category or service"),
            search_tip=_("Items whose category or name contains the text (Ctrl+F); Esc clears"),
            count_sample=_("{n} services", n="1,000"),
            error_title=_("Service menu"),
        )
        self.setObjectName("serviceMenuPage")
        self._orders = services.orders
        self._actor = actor
        self._dialogs = DialogHost(self.table)
        self.may_manage = actor.can(Permission.MANAGE_SERVICE_MENU)
        self.withdrawn_check = QCheckBox(_("Show &withdrawn"))
        self.withdrawn_check.setChecked(True)
        self.new_button = self.make_button(
            _("New service"), _("Add a service to the menu (Ctrl+N)"), primary=True
        )
        self.edit_button = self.make_button(_("Edit…"), _("Change the selected service (Enter)"))
        self.active_button = self.make_button(_("Withdraw"), _("A withdrawn service cannot be ordered"))
        for b in (self.new_button, self.edit_button, self.active_button):
            if not self.may_manage:  # hide only: showing a parentless button opens a window
                b.hide()
        self.arrange(
            self.title_bar(),
            self.filter_bar(self.withdrawn_check),
            below=[
                self.action_bar(
                    self.new_button,
                    self.edit_button,
                    self.active_button,
                    hint=_("Enter: edit   Ctrl+N: new   Ctrl+F: search"),
                )
            ],
        )
        size_columns(
            self.table,
            {
                0: "家政维修服务",
                1: "陪同就医服务",
                2: "小时",
                3: "6,000.00",
                4: "民办非企业单位、企业/社会企业",
                5: "独居老人、空巢老人",
            },
            [c.header for c in self.model.columns()],
        )
        self.withdrawn_check.toggled.connect(self.apply_filter)
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.open_selected)
        self.active_button.clicked.connect(self.toggle_active)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_item)
        self.table.verticalHeader().hide()  # a short register: no line numbers, more room
        self.start()
        if self.model.rowCount():
            self.select_row(0)
        watch(hub, self, (Topic.SERVICE_MENU,), self.on_changed)

    def current_filter(self) -> tuple[str, bool]:
        return self.search_text(), self.withdrawn_check.isChecked()

    def new_source(self) -> ServiceRows[MenuItemRow]:
        text, withdrawn = f = self.current_filter()

        def read() -> list[MenuItemRow]:
            items = self._orders.menu(include_inactive=withdrawn)
            return [i for i in items if not text or text in i.category or text in i.name]

        return ServiceRows.from_list(read, filter=f)

    def count_text(self, n: int) -> str:
        return _("1 service") if n == 1 else _("{n} services", n=f"{n:,}")

    def empty_text(self) -> str:
        return _("No service matches.") if self.search_text() else _("The menu is empty.")

    def on_changed(self, _changes: Changes | None) -> None:
        self.refresh()

    def update_buttons(self) -> None:
        item = self.selected_row()
        self.edit_button.setEnabled(item is not None)
        self.active_button.setEnabled(item is not None)
        if item is not None:
            self.active_button.setText(_("Withdraw") if item.is_active else _("Offer again"))

    def new_item(self) -> MenuItemDialog | None:
        if not self.may_manage:
            return None
        dialog = MenuItemDialog(self._orders, self._actor, None, self)
        dialog.accepted.connect(lambda d=dialog: self.show_changed(d.item_id))
        self._dialogs.open(dialog)
        return dialog

    def open_row(self, row: MenuItemRow) -> None:
        if not self.may_manage:
            return
        dialog = MenuItemDialog(self._orders, self._actor, row, self)
        dialog.accepted.connect(lambda d=dialog: self.show_changed(d.item_id))
        self._dialogs.open(dialog)

    def toggle_active(self) -> None:
        item = self.selected_row()
        if item is None or not self.may_manage:
            return
        try:
            self._orders.set_menu_item_active(self._actor, item.id, not item.is_active)
        except DomainError as exc:
            self.show_error(exc)
            return
        self.show_changed(item.id)
