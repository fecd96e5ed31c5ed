"""The 爱心超市 page: reward items, redemptions and the goods still to hand over.

Items have a points price (a whole number above zero) and a stock; low stock is
highlighted. 兑换 opens the redemption dialog: find the volunteer (the balance shows),
choose quantities, watch the total against the balance, confirm. The dialog makes its
idempotency key when it opens, so a double click on confirm — or a retry after an error
— makes one redemption, never two. The receipt (小票) is offered right after.

Items handed over later (a service, goods ordered in) freeze the points until the
handover (核销); the list at the bottom (兑换记录) holds those redemptions by default, each
to hand over or to cancel with a reason (points and stock go back), and every
redemption when 全部兑换记录 is chosen. 导出 Excel (Ctrl+E, offered by the shell) saves the
redemptions that list's choice shows.

Stock, items and redemptions changed anywhere reach the page through the change hub; a
refresh keeps the selected rows and where the tables were scrolled to. The receipt is
built off the GUI thread and its preview opens when it is ready.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.common.changes import Changes, Topic
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Permission
from desktop.love_bank.receipt import redemption_number
from desktop.love_bank.service import CANCELLED, FROZEN, ItemRow, LoveBankService, RedemptionRow
from ui.love_bank.dialogs import cancel_redemption_dialog
from ui.love_bank.formatting import (
    format_date,
    handover_text,
    item_kind_text,
    points_text,
    redemption_items,
    redemption_status_text,
)
from ui.love_bank.page_parts import SavedBar, ShownRows, hand_over, handover_buttons, manager_button
from ui.love_bank.printing import PreviewFactory, find_redemption, show_receipt
from ui.love_bank.shop_dialogs import ItemDialog, RedemptionDialog
from ui.love_bank.tables import CENTRE, RIGHT, item, kept_scroll, select_first, selected_of
from ui.widgets import palette
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.forms import DialogHost
from ui.widgets.i18n import Translator
from ui.widgets.keys import Slot, shortcuts
from ui.widgets.list_page import STRETCH, EmptyHint, action_button, hbox, setup_table, size_columns
from ui.widgets.messages import Ask, ask_yes, show_error

_ = Translator("lovebank")

LOW_STOCK = 5  # at or below this, the stock is highlighted
LOW_BACKGROUND, LOW_FOREGROUND = QColor(palette.PALE_AMBER), QColor(palette.DARK_AMBER)
OUT_BACKGROUND, OUT_FOREGROUND = QColor(palette.PALE_RED), QColor(palette.DARK_RED)
WITHDRAWN_COLOUR = QColor(palette.GREY)

ASK_PRINT: Ask = partial(ask_yes, default_yes=True)
"""Asks whether to print the receipt; Enter answers yes (the usual answer at the counter)."""

TOPICS = (Topic.SHOP, Topic.REDEMPTIONS, Topic.POINTS)
"""What the page shows: the items with their stock, the redemptions waiting for handover."""

P_DATE, P_NUMBER, P_VOLUNTEER, P_POINTS, P_STATUS, P_ITEMS = range(6)
REDEMPTIONS_SHOWN = 200  # the newest redemptions the list shows (an export holds them all)
T_NAME, T_KIND, T_PRICE, T_STOCK, T_HANDOVER, T_STATUS = range(6)


class SupermarketPage(QWidget):
    """The 爱心超市 page.

    Args:
        love_bank: the love-bank service.
        actor: the logged-in user; without ``MANAGE_LOVE_BANK`` the page is read-only
            (no redeem, no item editing, no handover).
        parent: the owning widget.
        centre_name: printed at the top of the receipt (see ``set_centre_name``).
        preview_factory: opens the receipt preview (tests pass their own).
        ask: asks whether to print the receipt (tests pass their own).
        hub: the change hub; the page reads again what changed (none: it never does).

    Shortcuts: Ctrl+R redeem, Ctrl+N new item, Enter / F2 / double-click edit the item,
    Ctrl+P print the receipt of the selected redemption, Ctrl+E export the redemptions
    shown (when the shell offers it), F5 refresh.
    """

    def __init__(
        self,
        love_bank: LoveBankService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        centre_name: str = "",
        preview_factory: PreviewFactory | None = None,
        ask: Ask = ASK_PRINT,
        hub: ChangeHub | None = None,
    ):
        super().__init__(parent)
        self._bank = love_bank
        self._actor = actor
        self._centre_name = centre_name
        self._preview_factory = preview_factory
        self._ask = ask
        self.can_manage = actor.can(Permission.MANAGE_LOVE_BANK)
        self.items: list[ItemRow] = []
        self.pending: list[RedemptionRow] = []
        self._dialogs = DialogHost()
        self.preview: Any = None
        self._cancelling: RedemptionRow | None = None
        self.setObjectName("supermarketPage")
        self._build()
        self._connect_callbacks()
        self.refresh()
        watch(hub, self, TOPICS, self.refresh)

    def set_centre_name(self, name: str) -> None:
        self._centre_name = name

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        button = partial(manager_button, self, can_manage=self.can_manage)
        self.redeem_button = button(_("Redeem…"), _("A volunteer takes items for points (Ctrl+R)"))
        self.redeem_button.setObjectName("primary")
        self.new_button = button(_("New item"), _("Add an item to the supermarket (Ctrl+N)"))
        self.edit_button = button(_("Edit item"), _("Edit the selected item: price, stock … (Enter)"))
        self.withdrawn_check = QCheckBox(_("Show withdrawn items"))
        self.hint_label = QLabel(
            _("Ctrl+R: redeem   Ctrl+N: new item   Enter: edit item")
            if self.can_manage
            else _("Only a volunteer coordinator can redeem points or change items.")
        )
        self.hint_label.setObjectName("hint")
        self.message_label = SavedBar()
        actions = hbox(
            self.redeem_button,
            self.new_button,
            self.edit_button,
            12,
            self.withdrawn_check,
            STRETCH,
            self.hint_label,
        )

        headers = [_("Item"), _("Kind"), _("Price (points)"), _("Stock"), _("Handover"), _("Status")]
        self.items_table = QTableWidget(0, len(headers))
        self._dialogs.focus_on(self.items_table)
        self.items_table.setHorizontalHeaderLabels(headers)
        setup_table(self.items_table)
        size_columns(
            self.items_table,
            {
                T_NAME: "爱心理发服务（上门）",
                T_KIND: item_kind_text("service"),
                T_PRICE: "10,000",
                T_STOCK: "1,000",
                T_HANDOVER: handover_text(True),
            },
            headers,
        )
        self.items_empty = EmptyHint(self.items_table)
        self.stock_label = QLabel()
        self.stock_label.setObjectName("hint")
        items_box = QGroupBox(_("Items"))
        ib = QVBoxLayout(items_box)
        ib.setContentsMargins(8, 6, 8, 8)
        ib.addWidget(self.items_table, 1)
        ib.addWidget(self.stock_label)

        headers = [_("Date"), _("Number"), _("Volunteer"), _("Points"), _("Status"), _("Items")]
        self.pending_table = QTableWidget(0, len(headers))
        self.pending_table.setHorizontalHeaderLabels(headers)
        setup_table(self.pending_table)
        size_columns(
            self.pending_table,
            {
                P_DATE: "2026-11-23 09:30",
                P_NUMBER: "DH000123",
                P_VOLUNTEER: "欧阳秀英",
                P_POINTS: "10,000",
                P_STATUS: redemption_status_text(FROZEN),
            },
            headers,
        )
        self.shown_combo = QComboBox()
        self.shown_combo.addItem(_("Waiting for handover"), FROZEN)
        self.shown_combo.addItem(_("All redemptions"), None)
        self.shown_combo.setToolTip(_("Which redemptions the list shows (and 导出 Excel saves)"))
        self.shown_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.export_button: QPushButton | None = None
        self.pending_empty = EmptyHint(self.pending_table)
        self.hand_over_button, self.cancel_button = handover_buttons(self.can_manage)
        self.receipt_button = QPushButton(_("Print receipt…"))
        self.receipt_button.setToolTip(_("Print the receipt of the selected redemption again (Ctrl+P)"))
        self.receipt_button.setAutoDefault(False)
        if not self.can_manage:  # hide() only: setVisible(True) on a parentless widget flashes a window
            self.receipt_button.hide()
        self.pending_box = QGroupBox()
        pb = QVBoxLayout(self.pending_box)
        pb.setContentsMargins(8, 6, 8, 8)
        pb.addWidget(self.pending_table, 1)
        row = QHBoxLayout()
        for b in (self.hand_over_button, self.cancel_button, self.receipt_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.shown_combo)
        self._redemptions_row = row
        pb.addLayout(row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)
        layout.addLayout(actions)
        layout.addWidget(self.message_label)
        layout.addWidget(items_box, 3)
        layout.addWidget(self.pending_box, 2)

    def _connect_callbacks(self) -> None:
        self.redeem_button.clicked.connect(self.redeem)
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.withdrawn_check.toggled.connect(self._withdrawn_toggled)
        self.shown_combo.currentIndexChanged.connect(self.refresh_pending)
        self.items_table.doubleClicked.connect(self.edit_selected)
        self.items_table.itemSelectionChanged.connect(self._update_buttons)
        self.pending_table.itemSelectionChanged.connect(self._update_buttons)
        self.hand_over_button.clicked.connect(self.hand_over_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.receipt_button.clicked.connect(self.reprint_selected)
        self.items_table.installEventFilter(self)
        keys: list[tuple[str, Slot]] = [("F5", self.read_again)]
        if self.can_manage:
            keys += [
                ("Ctrl+R", self.redeem),
                ("Ctrl+N", self.new_item),
                ("F2", self.edit_selected),
                ("Ctrl+P", self.reprint_selected),
            ]
        shortcuts(self, keys)

    # --- content ---------------------------------------------------------------------
    def refresh(self, changes: Changes | None = None) -> None:
        """Read again what ``changes`` touched (everything when None), keeping the
        selected rows and the scroll positions."""
        if changes is None or Topic.SHOP in changes.topics:
            self.refresh_items()
        if changes is None or changes.touches((Topic.REDEMPTIONS, Topic.POINTS)):
            self.refresh_pending()

    def read_again(self) -> None:
        """F5: read everything again."""
        self.refresh()

    def _withdrawn_toggled(self) -> None:
        self.refresh_items()

    def refresh_items(self) -> None:
        with kept_scroll(self.items_table):
            self._fill_items()

    def _fill_items(self) -> None:
        keep = self.selected_item()
        self.items = self._bank.items(include_inactive=self.withdrawn_check.isChecked())
        t = self.items_table
        t.setRowCount(len(self.items))
        low = 0
        for row, it in enumerate(self.items):
            cells = [
                item(it.name, data=it.id),
                item(item_kind_text(it.kind), CENTRE),
                item(points_text(it.price), RIGHT),
                item(points_text(it.stock), RIGHT),
                item(handover_text(it.handed_over_later)),
                item(_("Offered") if it.is_active else _("Withdrawn"), CENTRE),
            ]
            if it.is_active and it.stock <= LOW_STOCK:
                low += 1
                out = it.stock == 0
                cells[T_STOCK].setBackground(OUT_BACKGROUND if out else LOW_BACKGROUND)
                cells[T_STOCK].setForeground(OUT_FOREGROUND if out else LOW_FOREGROUND)
                cells[T_STOCK].setToolTip(_("Out of stock") if out else _("Low stock"))
            if not it.is_active:
                for c in cells:
                    c.setForeground(WITHDRAWN_COLOUR)
            for column, cell in enumerate(cells):
                t.setItem(row, column, cell)
            if keep is not None and it.id == keep.id:
                t.selectRow(row)
        self.stock_label.setText(
            _("{n} items low on stock (at most {low}).", n=low, low=LOW_STOCK) if low else ""
        )
        empty = _("No items yet.")
        if self.can_manage:
            empty += "\n" + _("Press Ctrl+N to add one.")
        self.items_empty.show_text(None if self.items else empty)
        self._update_buttons()

    def refresh_pending(self) -> None:
        with kept_scroll(self.pending_table):
            self._fill_pending()

    def _fill_pending(self) -> None:
        keep = self.selected_pending()
        try:
            self.pending = self._bank.redemptions(
                self._actor, status=self.shown_status(), limit=REDEMPTIONS_SHOWN
            )
        except DomainError as exc:
            self._show_error(exc)
            self.pending = []
        t = self.pending_table
        t.setRowCount(len(self.pending))
        for row, r in enumerate(self.pending):
            cells = [
                item(format_date(r.created_at), data=r.id),
                item(redemption_number(r.id)),
                item(r.volunteer),
                item(points_text(r.points), RIGHT),
                item(redemption_status_text(r.status), CENTRE),
                item(redemption_items(r)),
            ]
            cells[P_ITEMS].setToolTip(redemption_items(r))
            for column, cell in enumerate(cells):
                t.setItem(row, column, cell)
            if keep is not None and r.id == keep.id:
                t.selectRow(row)
        if self.shown_status() == FROZEN:
            self.pending_box.setTitle(_("Waiting for handover (核销): {n}", n=len(self.pending)))
            self.pending_empty.show_text(None if self.pending else _("Nothing is waiting for handover."))
        else:
            title = _("Redemptions: {n}", n=len(self.pending))
            if len(self.pending) >= REDEMPTIONS_SHOWN:
                title = _("Redemptions: the newest {n} (导出 Excel saves them all)", n=REDEMPTIONS_SHOWN)
            self.pending_box.setTitle(title)
            self.pending_empty.show_text(None if self.pending else _("No redemptions yet."))
        self._update_buttons()

    def shown_status(self) -> str | None:
        """The status the redemptions list shows (None: every redemption)."""
        return self.shown_combo.currentData()

    def shown_filter(self) -> ShownRows:
        """The redemptions the list shows, as 导出 Excel takes them."""
        return ShownRows(status=self.shown_status())

    def enable_export(self, export: Callable[[ShownRows], None]) -> QPushButton:
        """Add 导出 Excel (Ctrl+E) of the redemptions the list shows; the shell hands in
        the exchange job's exporter."""
        button = action_button(
            self, _("Export to Excel"), _("Save the redemptions shown as an Excel file (Ctrl+E)")
        )
        button.setAutoDefault(False)
        button.clicked.connect(lambda: export(self.shown_filter()))
        shortcuts(self, [("Ctrl+E", button.click)])
        self._redemptions_row.addWidget(button)
        self.export_button = button
        return button

    def selected_item(self) -> ItemRow | None:
        return selected_of(self.items_table, self.items)

    def selected_pending(self) -> RedemptionRow | None:
        return selected_of(self.pending_table, self.pending)

    def select_item(self, item_id: int) -> None:
        select_first(self.items_table, self.items, lambda it: it.id == item_id)

    def select_pending(self, redemption_id: int) -> None:
        select_first(self.pending_table, self.pending, lambda r: r.id == redemption_id)

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected_item() is not None)
        r = self.selected_pending()
        waiting = r is not None and r.status == FROZEN
        for b in (self.hand_over_button, self.cancel_button):
            b.setEnabled(waiting)
        self.receipt_button.setEnabled(r is not None and r.status != CANCELLED)

    def show_message(self, text: str) -> None:
        self.message_label.say(text)

    # --- items -----------------------------------------------------------------------
    def new_item(self) -> QDialog | None:
        if not self.can_manage:
            return None
        return self._item_dialog(None)

    def edit_selected(self) -> QDialog | None:
        it = self.selected_item()
        if not self.can_manage or it is None:
            return None
        return self._item_dialog(it)

    def _item_dialog(self, it: ItemRow | None) -> QDialog:
        self.show_message("")  # about the last action, not the one starting
        dialog = ItemDialog(self._bank, self._actor, it, self)
        dialog.sig_saved.connect(self._item_saved)
        self._dialogs.open(dialog)
        return dialog

    def _item_saved(self, item_id: int) -> None:
        """Select the item at once (the hub's refresh comes after and keeps it)."""
        self.refresh_items()
        self.select_item(item_id)

    # --- redemptions -----------------------------------------------------------------
    def redeem(self, volunteer_id: int | None = None) -> QDialog | None:
        if not self.can_manage:
            return None
        self.show_message("")
        try:
            dialog = RedemptionDialog(self._bank, self._actor, self, volunteer_id=volunteer_id)
        except DomainError as exc:
            self._show_error(exc)
            return None
        # Once the dialog has closed: the receipt question must not sit on top of it.
        dialog.accepted.connect(self._redeemed)
        self._dialogs.open(dialog)
        return dialog

    def _redeemed(self) -> None:
        dialog = self.dialog
        if not isinstance(dialog, RedemptionDialog):
            return
        volunteer, redemption_id = dialog.volunteer, dialog.redemption_id
        if volunteer is None or redemption_id is None:
            return
        try:
            redemption = find_redemption(self._bank, self._actor, volunteer.id, redemption_id)
        except DomainError as exc:
            self._show_error(exc)
            return
        if redemption.status == FROZEN:
            text = _(
                "{name} redeemed {items} for {n} points; the points are frozen until handover.",
                name=volunteer.name,
                items=redemption_items(redemption),
                n=points_text(redemption.points),
            )
            self.refresh_pending()  # now, to select it (the hub's refresh keeps it)
            self.select_pending(redemption_id)
        else:
            text = _(
                "{name} redeemed {items} for {n} points.",
                name=volunteer.name,
                items=redemption_items(redemption),
                n=points_text(redemption.points),
            )
        self.show_message(text)
        if self._ask(self, _("Print receipt"), text + "\n\n" + _("Print the receipt (小票) now?")):
            self.print_receipt(redemption)

    def print_receipt(self, redemption: RedemptionRow, *, reprint: bool = False) -> None:
        """Build the receipt off the GUI thread; its preview opens when it is ready."""
        show_receipt(
            self._bank,
            self._actor,
            redemption,
            self._centre_name,
            self,
            self._preview_factory,
            reprint=reprint,
            on_opened=self._preview_opened,
        )

    def _preview_opened(self, preview: Any) -> None:
        self.preview = preview

    def reprint_selected(self) -> None:
        r = self.selected_pending()
        if r is not None and r.status != CANCELLED and self.can_manage:
            self.print_receipt(r, reprint=True)

    def hand_over_selected(self) -> None:
        r = self.selected_pending()
        if not self.can_manage or r is None or r.status != FROZEN:
            return
        if not hand_over(self._bank, self._actor, r, self._show_error):
            self.refresh_pending()
            return
        self.show_message(
            _(
                "Handed over to {name}: {items} ({n} points).",
                name=r.volunteer,
                items=redemption_items(r),
                n=points_text(r.points),
            )
        )

    def cancel_selected(self) -> QDialog | None:
        r = self.selected_pending()
        if not self.can_manage or r is None or r.status != FROZEN:
            return None
        self.show_message("")
        dialog = cancel_redemption_dialog(r, partial(self._bank.cancel_redemption, self._actor, r.id), self)
        self._cancelling = r
        dialog.accepted.connect(self._cancelled)
        self._dialogs.open(dialog)
        return dialog

    def _cancelled(self) -> None:
        r = self._cancelling
        if r is None:
            return
        self._cancelling = None
        self.show_message(
            _(
                "Redemption {number} cancelled; {n} points went back to {name}.",
                number=redemption_number(r.id),
                n=points_text(r.points),
                name=r.volunteer,
            )
        )

    @property
    def dialog(self) -> QDialog | None:
        """The dialog open on this page, if any."""
        return self._dialogs.current

    def _show_error(self, exc: DomainError) -> None:
        self.show_message("")  # an old green line must not stand beside a new error
        show_error(self, _("Love supermarket"), exc)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.items_table
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.edit_selected()
            return True
        return super().eventFilter(watched, event)
