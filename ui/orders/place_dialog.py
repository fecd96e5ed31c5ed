"""居民点单: the front desk records a resident's order, from the service menu or as a free
description.

The resident is found in one box as at reception (name, pinyin initials, phone, ID
number or address; ↓/↑ and Enter pick). The order is either a menu item (its category
and name come with it) or a free description under a category; it then waits for review
(待审核). Every mistake is said by the core under its field and nothing is written.

Opened from a registered request (转为点单) the dialog comes filled with the request's
resident and description (still editable) and the order keeps the link; opened from
reception (居民点单, Ctrl+D there) it comes with the resident chosen and what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from desktop.opening import Services
from desktop.orders.service import OrderForm, RequestBasics
from desktop.residents.service import ResidentRow
from ui.orders.fields import OrdersForm, note_edit, raise_if
from ui.orders.finders import resident_finder
from ui.orders.formatting import yuan_unit
from ui.widgets.i18n import Translator, error_text

_ = Translator("orders")


class PlaceOrderDialog(OrdersForm):
    """Record a resident's order (居民点单).

    Args:
        services: the opened database's services (orders and the residents register).
        actor: the user (needs the 点单 permission; the core checks it).
        parent: the owning widget.
        request_id: the registered request (诉求) the order is turned from, if any: its
            resident and description fill the dialog (``request`` holds them).
        resident_id: the resident to start with (e.g. the one chosen at reception).
        description: the description to start with (e.g. what reception typed so far).

    After saving, ``order_id`` is the new order's id.
    """

    def __init__(
        self,
        services: Services,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        request_id: int | None = None,
        resident_id: int | None = None,
        description: str = "",
    ):
        # The request is read first: the words at the top name it.
        request: RequestBasics | None = None
        problem: DomainError | None = None
        intro = _("The order then waits for the community to review it (Ctrl+Enter saves).")
        if request_id is not None:
            try:
                request = services.orders.request_basics(actor, request_id)
            except DomainError as exc:
                problem = exc
            else:
                intro = _(
                    "Turned from request {number}: the order keeps the link and then waits for "
                    "the community to review it (Ctrl+Enter saves).",
                    number=request.number,
                )
        super().__init__(
            services.orders,
            actor,
            parent,
            title=_("New service order"),
            save_text=_("Place order"),
            intro=intro,
            width=620,
        )
        self.setObjectName("placeOrderDialog")
        self._services = services
        self._request_id = request_id
        self.order_id: int | None = None
        self.resident: ResidentRow | None = None
        self.request = request

        # The resident: a finder and what was picked.
        self.resident_edit = resident_finder(services, actor, self)
        self.resident_edit.sig_picked.connect(self.pick_resident)
        self.resident_card = QLabel(_("No resident chosen yet."))
        self.resident_card.setObjectName("hint")
        self.resident_card.setWordWrap(True)
        resident = QWidget()
        column = QVBoxLayout(resident)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.resident_edit)
        column.addWidget(self.resident_card)
        self.add("resident", _("&Resident"), resident, self.resident_edit)

        # From the menu, or a free description.
        self.from_menu = QRadioButton(_("From the service &menu"))
        self.free = QRadioButton(_("&Free description"))
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.from_menu)
        self.mode.addButton(self.free)
        self.from_menu.setChecked(True)
        modes = QWidget()
        row = QHBoxLayout(modes)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.from_menu)
        row.addWidget(self.free)
        row.addStretch(1)
        self.add("mode", _("Order"), modes, self.from_menu)

        self.item_combo = QComboBox()
        self.item_combo.setMaxVisibleItems(20)
        self.item_combo.addItem(_("Choose a service…"), None)
        self._items = {item.id: item for item in services.orders.menu()}
        for item in self._items.values():
            price = _(" — guide {price}/{unit}", price=yuan_unit(item.guide_price), unit=item.unit)
            self.item_combo.addItem(item.label + (price if item.guide_price else ""), item.id)
        self.add("item", _("&Service"), self.item_combo)

        self.category_combo = QComboBox()
        self.category_combo.setEditable(True)
        self.category_combo.addItems(services.orders.menu_categories())
        self.category_combo.setCurrentIndex(-1)
        line = self.category_combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(_("Choose or type a category"))
        self.add("category", _("&Category"), self.category_combo)

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(_("Optional: a short title (the menu item's name by default)"))
        self.add("title", _("&Title"), self.title_edit)
        self.description_edit = note_edit(_("What the resident needs, in their words"), lines=4)
        self.add("description", _("&Description"), self.description_edit)

        self.from_menu.toggled.connect(self._mode_changed)
        self.item_combo.currentIndexChanged.connect(self._item_changed)
        self._mode_changed()
        self.resident_edit.setFocus()
        if problem is not None:
            self.boxes["resident"].set_error(error_text(problem))
        elif request is not None:
            resident_id = request.resident_id
            description = description or request.description
        if description:
            self.description_edit.setPlainText(description)
        if resident_id is not None:
            self.prefill_resident(resident_id)

    # --- filling -----------------------------------------------------------------------
    def prefill_resident(self, resident_id: int) -> None:
        """Choose the resident ``resident_id`` as if picked in the finder."""
        try:
            row = self._services.residents.row(self._actor, resident_id)
        except DomainError as exc:
            self.boxes["resident"].set_error(error_text(exc))
            return
        self.pick_resident(row)

    def pick_resident(self, row: ResidentRow) -> None:
        self.resident = row
        self.resident_edit.setText(row.name)
        self.resident_edit.setModified(False)
        where = " ".join(x for x in (row.grid, row.address) if x)
        self.resident_card.setText(
            _("{name}, {phone}, {where}", name=row.name, phone=row.phone or "—", where=where)
        )
        self.boxes["resident"].set_error(None)
        (self.item_combo if self.from_menu.isChecked() else self.category_combo).setFocus()

    def choose_item(self, item_id: int) -> None:
        self.from_menu.setChecked(True)
        self.item_combo.setCurrentIndex(max(0, self.item_combo.findData(item_id)))

    def _mode_changed(self) -> None:
        menu = self.from_menu.isChecked()
        self.item_combo.setEnabled(menu)
        self.category_combo.setEnabled(not menu)
        for name in ("item",):
            self.form.setRowVisible(self.boxes[name], menu)
        self.form.setRowVisible(self.boxes["category"], not menu)
        self.description_edit.setPlaceholderText(
            _("Optional: anything the resident adds")
            if menu
            else _("What the resident needs, in their words")
        )
        self.adjustSize()

    def _item_changed(self) -> None:
        item = self._items.get(self.item_combo.currentData())
        self.item_combo.setToolTip(item.description if item is not None else "")

    # --- saving ------------------------------------------------------------------------
    def form_value(self) -> OrderForm:
        menu = self.from_menu.isChecked()
        return OrderForm(
            resident_id=self.resident.id if self.resident is not None else 0,
            item_id=self.item_combo.currentData() if menu else None,
            category="" if menu else self.category_combo.currentText(),
            title=self.title_edit.text(),
            description=self.description_edit.toPlainText(),
            request_id=self._request_id,
        )

    def save(self) -> None:
        errors: dict[str, DomainError] = {}
        if self.resident is None or self.resident_edit.text().strip() != self.resident.name:
            errors["resident"] = DomainError(_("Find the resident and pick them from the list (Enter)."))
        if self.from_menu.isChecked() and self.item_combo.currentData() is None:
            errors["item"] = DomainError(_("Choose a service of the menu, or describe the need freely."))
        raise_if(errors)
        self.order_id = self._orders.place(self._actor, self.form_value())

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        # Enter in the finder picks a resident; it must not save the half-filled form.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.resident_edit.hasFocus():
            return
        super().keyPressEvent(event)
