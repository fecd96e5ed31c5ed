"""One service order in full (点单详情): who ordered what, the work order, planned against
actual targets with the completion band, the money over its fund lines, and tabs with
the whole history, the sessions reported, the payments and the files — with a button
for exactly each step the user's role may take now.

The buttons are the core's ``OrderDetail.actions``; each opens its dialog from
:mod:`ui.orders.actions`. After a step the page reads the order again and emits
``sig_changed(order_id)``; it also reads it again whenever the order (or a provider or
fund it shows) changes anywhere, keeping the tab and the rows the user is on. The 服务工单,
服务确认单 and 驳回通知 print from here (Ctrl+P prints the one that fits the stage), built
off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.common.changes import Changes, Topic
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from desktop.opening import Services
from desktop.orders.queries import OrderDetail
from desktop.orders.states import Action, Stage
from desktop.orders.vocabulary import AttachmentKind
from ui.orders.actions import BUTTON_ACTIONS, button_texts, dialog_for
from ui.orders.fields import ActionDialog
from ui.orders.formatting import (
    ATTENTION_COLOUR,
    BAND_COLOURS,
    NONE,
    OVERDUE_COLOUR,
    STAGE_COLOURS,
    attachment_kind_text,
    attention_text,
    band_text,
    day_text,
    rating_text,
    stage_text,
    time_text,
    yuan,
    yuan_unit,
)
from ui.orders.printing import Document, OnOpened, PreviewFactory, show_document
from ui.orders.session_dialog import SessionDialog
from ui.orders.tables import event_rows, file_rows, fill_rows, payment_rows, read_only, session_rows
from ui.widgets.background import Task
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.i18n import Translator
from ui.widgets.messages import show_error, show_info
from ui.widgets.palette import MUTED

_ = Translator("orders")

TOPICS = (Topic.ORDERS, Topic.PROVIDERS, Topic.FUNDS, Topic.RESIDENTS)


class OrderDetailDialog(QDialog):
    """The page of one order.

    Args:
        services: the opened database's services (orders, residents, love bank).
        actor: the user; only the steps they may take now are offered.
        order_id: the order to show (``NotFound`` when it does not exist).
        parent: the owning widget.
        hub: announces committed changes; the page reads the order again on those.
        centre_name: printed at the top of the documents (by default the database's).
        preview_factory: opens a PDF preview ``(path, title, parent)``.
        today: the day the dialogs propose (deadline, session, payment).

    Signals:
        sig_changed(int): a step was recorded on the order (carries its id).

    Keys: Alt+letter on each step, Ctrl+P prints the document of the stage, Esc closes.
    """

    sig_changed = Signal(int)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        order_id: int,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
        centre_name: str = "",
        preview_factory: PreviewFactory | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(parent)
        self._services = services
        self._orders = services.orders
        self._actor = actor
        self._centre_name = centre_name or services.centre.name()
        self._preview_factory = preview_factory
        self._today = today
        self.order_id = order_id
        self.detail: OrderDetail = self._orders.order(actor, order_id)
        self.action_dialog: ActionDialog | None = None
        self.print_task: Task | None = None
        self.preview: Any = None
        self.setObjectName("orderDetail")
        self.setMinimumSize(900, 600)
        self.resize(1200, 700)
        self._build()
        self._fill()
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_default)
        QShortcut(QKeySequence("Alt+X"), self, lambda: self._shortcut(Action.CANCEL))
        watch(hub, self, TOPICS, self.refresh)

    # --- layout ----------------------------------------------------------------------
    def _button(self, text: str, tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.setMinimumHeight(self.fontMetrics().height() * 2 + 4)
        return button

    def _build(self) -> None:
        self.number_label = QLabel()
        self.number_label.setObjectName("detailNumber")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stage_label = QLabel()
        self.stage_label.setObjectName("statusBadge")
        self.attention_label = QLabel()
        self.overdue_label = QLabel()
        self.ordered_label = QLabel()
        self.ordered_label.setObjectName("hint")
        top = QHBoxLayout()
        top.setSpacing(12)
        for w in (self.number_label, self.stage_label, self.attention_label, self.overdue_label):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.ordered_label)

        self.values: dict[str, QLabel] = {}
        facts = QGridLayout()
        facts.setHorizontalSpacing(10)
        facts.setVerticalSpacing(3)
        names = [
            ("resident", _("Resident")),
            ("service", _("Service")),
            ("provider", _("Provider")),
            ("address", _("Address")),
            ("request", _("From request")),
            ("contract", _("Contract")),
            ("deadline", _("Deadline")),
            ("due", _("Stage due")),
            ("rating", _("Rating")),
        ]
        for i, (key, title) in enumerate(names):
            row, col = divmod(i, 3)
            name = QLabel(_("{name}:", name=title))
            name.setObjectName("fieldName")
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.values[key] = value
            facts.addWidget(name, row, col * 2)
            facts.addWidget(value, row, col * 2 + 1)
        for col in (1, 3, 5):
            facts.setColumnStretch(col, 1)

        # Targets: planned against actual, and the completion rate.
        self.targets_box = QGroupBox(_("Targets: planned / actual"))
        grid = QGridLayout(self.targets_box)
        grid.setContentsMargins(10, 4, 10, 6)
        grid.setVerticalSpacing(2)
        self.target_labels: dict[str, QLabel] = {}
        for r, (key, title) in enumerate(
            (("people", _("People served")), ("sessions", _("Sessions")), ("groups", _("Key groups")))
        ):
            grid.addWidget(QLabel(title), r, 0)
            value = QLabel()
            value.setWordWrap(True)
            self.target_labels[key] = value
            grid.addWidget(value, r, 1)
        grid.addWidget(QLabel(_("Completion")), 3, 0)
        self.completion_label = QLabel()
        grid.addWidget(self.completion_label, 3, 1)
        grid.setColumnStretch(1, 1)

        # Money: the fund lines and what was paid.
        self.money_box = QGroupBox(_("Budget and payments"))
        money = QVBoxLayout(self.money_box)
        money.setContentsMargins(8, 4, 8, 6)
        self.fund_table = read_only(QTableWidget(), [_("Fund"), _("Budget"), _("Committed"), _("Paid")])
        self.fund_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.fund_table.setMaximumHeight(self.fund_table.verticalHeader().defaultSectionSize() * 3 + 8)
        self.money_label = QLabel()
        money.addWidget(self.fund_table)
        money.addWidget(self.money_label)
        middle = QHBoxLayout()
        middle.addWidget(self.targets_box, 2)
        middle.addWidget(self.money_box, 3)

        # Tabs: history, sessions, payments, files, the texts.
        self.events = read_only(
            QTableWidget(),
            [
                _("Time"),
                _("By"),
                _("Step"),
                _("Stage"),
                _("Provider"),
                _("Reported by"),
                _("Amount"),
                _("Note"),
            ],
        )
        self.events.horizontalHeader().setStretchLastSection(True)
        self.sessions = read_only(
            QTableWidget(),
            [_("Day"), _("People"), _("Key groups"), _("Volunteers"), _("What was done"), _("Reported by")],
        )
        self.payments = read_only(
            QTableWidget(),
            [
                _("Day"),
                _("Tranche"),
                _("Fund"),
                _("Amount"),
                _("Deduction"),
                _("Deduction reason"),
                _("Voucher"),
                _("By"),
                _("Above-contract reason"),
            ],
        )
        self.attachments = read_only(QTableWidget(), [_("Kind"), _("File"), _("Size"), _("Added")])
        self.attachments.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.attach_kind = QComboBox()
        for kind in AttachmentKind:
            self.attach_kind.addItem(attachment_kind_text(kind), kind.value)
        self.add_file_button = self._button(
            _("Add f&ile…"), _("Attach a photo, a sign-in sheet or a contract (Alt+I)")
        )
        self.add_file_button.clicked.connect(self.add_attachment)
        self.save_copy_button = self._button(
            _("Sa&ve a copy…"), _("Save a copy of the selected file (Alt+V)")
        )
        self.save_copy_button.clicked.connect(self.save_attachment_copy)
        files = QWidget()
        files_layout = QVBoxLayout(files)
        files_layout.addWidget(self.attachments, 1)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.attach_kind)
        file_buttons.addWidget(self.add_file_button)
        file_buttons.addWidget(self.save_copy_button)
        file_buttons.addStretch(1)
        files_layout.addLayout(file_buttons)
        self.texts = QPlainTextEdit()
        self.texts.setReadOnly(True)
        self.tabs = QTabWidget()
        for widget in (self.events, self.sessions, self.payments, files, self.texts):
            self.tabs.addTab(widget, "")

        # The step buttons, printing and Close.
        self.buttons: dict[Action, QPushButton] = {}
        actions = QHBoxLayout()
        actions.setSpacing(6)
        for action, (text, tip) in button_texts().items():
            b = self._button(text, tip)
            b.clicked.connect(lambda _checked=False, a=action: self.start_action(a))
            self.buttons[action] = b
            actions.addWidget(b)
        self.no_actions_label = QLabel(_("No step is open to you on this order."))
        self.no_actions_label.setObjectName("hint")
        actions.addWidget(self.no_actions_label)
        actions.addStretch(1)
        self.print_buttons: dict[Document, QPushButton] = {
            Document.WORK_ORDER: self._button(
                _("&Work order"), _("Print the work order for the provider (Ctrl+P)")
            ),
            Document.CONFIRMATION: self._button(
                _("&Confirmation"), _("Print the confirmation for the resident to sign (Ctrl+P)")
            ),
            Document.REJECTION: self._button(
                _("Rejection &notice"), _("Print the rejection notice for the resident (Ctrl+P)")
            ),
        }
        for document, button in self.print_buttons.items():
            button.clicked.connect(lambda _checked=False, d=document: self.print_document(d))
            actions.addWidget(button)
        self.close_button = self._button(_("Close"), _("Close (Esc)"))
        self.close_button.clicked.connect(self.reject)
        actions.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(facts)
        layout.addLayout(middle)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(actions)

    # --- filling ---------------------------------------------------------------------
    def refresh(self, changes: Changes | None = None) -> None:
        """Read the order again if ``changes`` may touch it (None: they may have)."""
        if changes is not None and not changes.touches((Topic.PROVIDERS, Topic.FUNDS, Topic.RESIDENTS)):
            ids = changes.ids_of(Topic.ORDERS)
            if ids is not None and self.order_id not in ids:
                return
        self.reload()

    def reload(self) -> None:
        try:
            self.detail = self._orders.order(self._actor, self.order_id)
        except DomainError as exc:
            show_error(self, _("Service order"), exc)
            return
        self._fill()

    def _fill(self) -> None:
        d = self.detail
        self.setWindowTitle(_("Service order {number}", number=d.number))
        self.number_label.setText(d.number)
        self.stage_label.setText(stage_text(d.stage))
        self.stage_label.setStyleSheet(f"background: {STAGE_COLOURS.get(d.stage, MUTED)};")
        self.attention_label.setText(attention_text(d.attention))
        self.attention_label.setStyleSheet(f"color: {ATTENTION_COLOUR}; font-weight: bold;")
        self.attention_label.setVisible(bool(d.attention))
        self.overdue_label.setText(_("Overdue since {moment}", moment=time_text(d.due_at)))
        self.overdue_label.setStyleSheet(f"color: {OVERDUE_COLOUR}; font-weight: bold;")
        self.overdue_label.setVisible(d.overdue)
        self.ordered_label.setText(_("Ordered {time}", time=time_text(d.ordered_at)))

        v = self.values
        v["resident"].setText(f"{d.resident_name}  {d.resident_phone}".strip())
        v["service"].setText(f"{d.category} / {d.title}" if d.category and d.category != d.title else d.title)
        v["provider"].setText(d.provider or self._candidates_text(d))
        v["address"].setText(f"{d.address} ({d.grid})" if d.grid else d.address or NONE)
        v["request"].setText(d.request_number or NONE)
        v["contract"].setText(yuan_unit(d.contract_amount))
        v["deadline"].setText(day_text(d.deadline))
        v["due"].setText(time_text(d.due_at))
        rating = rating_text(d.rating)
        if d.redo_count:
            rating += _(" (redone {n}×)", n=d.redo_count)
        v["rating"].setText(rating)
        for label in v.values():
            label.setToolTip(label.text() if len(label.text()) > 18 else "")

        t = d.targets
        self.target_labels["people"].setText(f"{t.planned_people} / {t.actual_people}")
        self.target_labels["sessions"].setText(f"{t.planned_sessions} / {t.actual_sessions}")
        served = "、".join(f"{name} {n}" for name, n in t.actual_groups if name)
        self.target_labels["groups"].setText(
            f"{'、'.join(g for g in t.planned_groups if g) or NONE} / {served or NONE}"
        )
        percent = d.completion_percent if d.completion_percent is not None else t.completion_percent
        fixed = _(" (at the check)") if d.completion_percent is not None else _(" (so far)")
        self.completion_label.setText(
            _("{percent}% — {band}", percent=percent, band=band_text(t.band)) + fixed
        )
        self.completion_label.setStyleSheet(f"color: {BAND_COLOURS.get(t.band, MUTED)}; font-weight: bold;")

        fill_rows(
            self.fund_table,
            [(f.fund, yuan(f.budget), yuan(f.committed), yuan(f.paid)) for f in d.fund_lines],
            right=(1, 2, 3),
        )
        self.money_label.setText(
            _(
                "Budget {budget} · paid {paid} · deducted {cut} · left to pay {left}",
                budget=yuan_unit(d.budget),
                paid=yuan_unit(d.paid),
                cut=yuan_unit(d.deducted),
                left=yuan_unit(d.payable_left),
            )
        )
        self._fill_tabs(d)
        self._fill_buttons(d)

    def _candidates_text(self, d: OrderDetail) -> str:
        open_ = [c.provider for c in d.candidates if c.declined_at is None]
        return _("Offered to {names}", names="、".join(open_)) if open_ else NONE

    def _fill_tabs(self, d: OrderDetail) -> None:
        fill_rows(self.events, event_rows(d), right=(6,))
        fill_rows(self.sessions, session_rows(d), right=(1,))
        fill_rows(self.payments, payment_rows(d), right=(3, 4))
        fill_rows(self.attachments, file_rows(d), right=(2,))
        self.save_copy_button.setEnabled(bool(d.attachments))
        texts = [_("Description:"), d.description or NONE, "", _("Scope of the work order:"), d.scope or NONE]
        if d.rating_comment:
            texts += ["", _("Resident's comment:"), d.rating_comment]
        self.texts.setPlainText("\n".join(texts))
        titles = (
            _("History ({n})", n=len(d.events)),
            _("Sessions ({n})", n=len(d.sessions)),
            _("Payments ({n})", n=len(d.payments)),
            _("Files ({n})", n=len(d.attachments)),
            _("Description and scope"),
        )
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)
        for table in (self.events, self.sessions, self.payments):
            table.resizeColumnsToContents()
            for c in range(table.columnCount()):
                table.setColumnWidth(c, min(table.columnWidth(c), 260))

    def _fill_buttons(self, d: OrderDetail) -> None:
        allowed = set(d.actions)
        for action, button in self.buttons.items():
            button.setVisible(action in allowed)
        self.no_actions_label.setVisible(not any(a in allowed for a in BUTTON_ACTIONS))
        self.add_file_button.setVisible(Action.ATTACH in allowed)
        self.attach_kind.setVisible(Action.ATTACH in allowed)
        for document, button in self.print_buttons.items():
            button.setVisible(document in self.documents())

    def allowed_buttons(self) -> list[Action]:
        """The steps whose buttons are offered (for tests and the screenshots)."""
        return [a for a, b in self.buttons.items() if not b.isHidden()]

    def documents(self) -> list[Document]:
        """The documents this order has now: a rejection notice once rejected, a work order
        once drafted, a confirmation once a provider accepted it."""
        d = self.detail
        if d.stage == Stage.REJECTED:
            return [Document.REJECTION]
        found = []
        if d.fund_lines or d.accepted_at is not None:
            found.append(Document.WORK_ORDER)
        if d.accepted_at is not None:
            found.append(Document.CONFIRMATION)
        return found

    # --- steps -----------------------------------------------------------------------
    def _shortcut(self, action: Action) -> None:
        if action in self.allowed_buttons():
            self.start_action(action)

    def start_action(self, action: Action) -> ActionDialog | None:
        """Open the dialog of ``action`` (window-modal); on success read again and emit."""
        if self.action_dialog is not None and self.action_dialog.isVisible():
            self.action_dialog.raise_()
            return self.action_dialog
        dialog = dialog_for(action, self._services, self._actor, self.detail, self, today=self._today)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self._action_done(d))
        dialog.finished.connect(self._action_closed)
        self.action_dialog = dialog
        dialog.open()
        return dialog

    def _action_done(self, dialog: ActionDialog) -> None:
        self.reload()
        self.sig_changed.emit(self.order_id)
        result = dialog.result_value if isinstance(dialog, SessionDialog) else None
        if result is not None and result.unrecorded:
            show_info(
                self,
                _("Session recorded"),
                _(
                    "The hours of {names} could not be passed to the love bank; enter them there by hand.",
                    names="、".join(result.unrecorded),
                ),
            )

    def _action_closed(self) -> None:
        self.action_dialog = None

    # --- files -----------------------------------------------------------------------
    def add_attachment(self, path: str | None = None) -> None:
        if not path:
            path, _filter = QFileDialog.getOpenFileName(
                self,
                _("Attach a file"),
                "",
                _("Photos and scans (*.jpg *.jpeg *.png *.bmp *.pdf *.tif *.tiff);;All files (*)"),
            )
        if not path:
            return
        try:
            self._orders.attach_to_order(
                self._actor, self.order_id, Path(path), kind=self.attach_kind.currentData()
            )
        except DomainError as exc:
            show_error(self, _("Attach a file"), exc)
            return
        self.reload()
        self.tabs.setCurrentIndex(3)
        self.sig_changed.emit(self.order_id)

    def save_attachment_copy(self) -> None:
        row = self.attachments.currentRow()
        if row < 0 or row >= len(self.detail.attachments):
            return
        attachment = self.detail.attachments[row]
        target, _filter = QFileDialog.getSaveFileName(self, _("Save a copy"), attachment.filename)
        if not target:
            return
        try:
            self._orders.export_attachment(self._actor, attachment.id, Path(target))
        except (DomainError, OSError) as exc:
            show_error(self, _("Save a copy"), exc if isinstance(exc, DomainError) else str(exc))

    # --- printing --------------------------------------------------------------------
    def print_default(self) -> Task | None:
        """Ctrl+P: the rejection notice, else the confirmation once the work is done, else
        the work order."""
        found = self.documents()
        if not found:
            return None
        finished = self.detail.finished_at is not None
        document = Document.CONFIRMATION if finished and Document.CONFIRMATION in found else found[0]
        return self.print_document(document)

    def print_document(self, document: Document, on_opened: OnOpened | None = None) -> Task:
        if self.print_task is not None and self.print_task.running:
            return self.print_task
        self.print_task = show_document(
            self._orders,
            self._actor,
            self.order_id,
            self.detail.number,
            document,
            self._centre_name,
            self,
            self._preview_factory,
            on_opened=on_opened or self._opened,
        )
        return self.print_task

    def _opened(self, preview: Any) -> None:
        self.preview = preview
