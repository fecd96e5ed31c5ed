"""One request in full (诉求详情): what was asked, the four clocks, attachments and the
timeline of every step — read-only — with buttons for the actions the user may take now.

The buttons are exactly ``allowed_actions(actor, status)``; each opens its dialog from
``ui.requests.actions``. After an action the dialog reads the request again and emits
``sig_changed(request_id)``. It also reads it again whenever the request (or a name or
deadline rule it shows) changes anywhere (:mod:`ui.requests.watching`), keeping where
the timeline is scrolled to. 打印回执 (Ctrl+P) prints the slip of the request again,
built off the GUI thread (:mod:`ui.requests.slip`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.common.changes import Changes, Topic
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from desktop.requests.clocks import CLOCK_FOR_STATUS, CLOCK_LABELS, COLOUR_LABELS
from desktop.requests.service import CHANNELS, LEVELS, SATISFACTION, URGENCIES, RequestDetail, RequestService
from desktop.requests.states import STATUS_LABELS, Action, allowed_actions
from ui.requests.actions import ActionDialog, dialog_for
from ui.requests.formatting import format_due, format_time
from ui.requests.slip import PreviewFactory, print_slip
from ui.requests.timeline import Timeline, read_only_table
from ui.requests.watching import DETAIL_TOPICS, watch_with_clock
from ui.widgets.background import Task
from ui.widgets.change_hub import ChangeHub
from ui.widgets.i18n import Translator, desktop_text
from ui.widgets.messages import show_error
from ui.widgets.palette import (
    CLOCK_BACKGROUNDS,
    CLOCK_FOREGROUNDS,
    DONE_CLOCK_COLOURS,
    MUTED,
    PLAIN_CLOCK_COLOURS,
    STATUS_COLOURS,
    STOPPED_CLOCK_COLOURS,
    URGENCY_COLOURS,
)

_ = Translator("requests")

# The buttons, in the order of the lifecycle; REOPEN comes from an unsatisfied follow-up.
BUTTON_ACTIONS = (
    Action.ASSIGN,
    Action.ACCEPT,
    Action.RETURN,
    Action.ANSWER,
    Action.RESOLVE,
    Action.FOLLOW_UP,
    Action.REMIND,
    Action.SUPERVISE,
    Action.MERGE,
)


def button_texts() -> dict[Action, tuple[str, str]]:
    """Button text (with its Alt mnemonic) and tooltip per action."""
    return {
        Action.ASSIGN: (_("&Assign…"), _("Route to a lead department and any assisting ones (Alt+A)")),
        Action.ACCEPT: (_("A&ccept…"), _("The department has accepted the request (Alt+C)")),
        Action.RETURN: (_("&Return…"), _("Wrongly routed: return it for re-assignment (Alt+R)")),
        Action.ANSWER: (_("A&nswer…"), _("Record the answer given to the resident (Alt+N)")),
        Action.RESOLVE: (_("Re&solve…"), _("The request is resolved (Alt+S)")),
        Action.FOLLOW_UP: (_("&Follow-up…"), _("Record the follow-up call (Alt+F)")),
        Action.REMIND: (_("Re&mind…"), _("Record a reminder to the department (Alt+M)")),
        Action.SUPERVISE: (_("Su&pervise…"), _("Record supervision by the director (Alt+P)")),
        Action.MERGE: (_("Mer&ge…"), _("Merge this duplicate into another request (Alt+G)")),
    }


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return _("{n} MB", n=f"{size / 1024 / 1024:.1f}")
    return _("{n} KB", n=max(1, round(size / 1024)))


class RequestDetailDialog(QDialog):
    """The detail of one request.

    Args:
        requests: the request service.
        actor: the logged-in user; only the actions they may take now are offered.
        request_id: the request to show (``NotFound`` when it does not exist).
        parent: the owning widget.
        hub: announces committed changes; the dialog reads the request again on those
            that touch it.
        centre_name: printed at the top of the slip (by default the name kept in the
            database).
        preview_factory: opens the slip preview, ``(pdf_path, title, parent)``;
            defaults to ``PdfPreviewDialog``.

    Signals:
        sig_changed(int): an action was recorded on the request (carries its id).

    Keys: Alt+letter on each button, Ctrl+P prints the slip, Esc closes.
    """

    sig_changed = Signal(int)

    def __init__(
        self,
        requests: RequestService,
        actor: Actor,
        request_id: int,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
        centre_name: str = "",
        preview_factory: PreviewFactory | None = None,
        extra_actions: Sequence[tuple[str, str, Callable[[int], None]]] = (),
    ):
        super().__init__(parent)
        self._extra_actions = tuple(extra_actions)
        """Buttons another job offers on a request (label, tooltip, callback with the
        request's id), given by the shell: e.g. 转为点单. This job never knows what they do."""
        self._requests = requests
        self._actor = actor
        self._centre_name = centre_name
        self._preview_factory = preview_factory
        self.request_id = request_id
        self.detail: RequestDetail = requests.get(actor, request_id)
        self.action_dialog: ActionDialog | None = None
        self.slip_task: Task | None = None
        self.preview: Any = None
        self.setObjectName("requestDetail")  # its look: ui.widgets.style
        self.setMinimumSize(900, 600)
        self.resize(1180, 690)
        self._build()
        self._fill()
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_slip)
        self.tick = watch_with_clock(hub, self, DETAIL_TOPICS, self.refresh)

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        fm = self.fontMetrics()
        height = fm.height() * 2 + 4
        # Top line: number, status, round, urgency.
        self.number_label = QLabel()
        self.number_label.setObjectName("detailNumber")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusBadge")
        self.round_label = QLabel()
        self.urgency_label = QLabel()
        self.merged_label = QLabel()
        self.merged_label.setObjectName("fieldWarning")
        top = QHBoxLayout()
        top.setSpacing(12)
        for w in (
            self.number_label,
            self.status_label,
            self.round_label,
            self.urgency_label,
            self.merged_label,
        ):
            top.addWidget(w)
        top.addStretch(1)
        self.registered_label = QLabel()
        self.registered_label.setObjectName("hint")
        top.addWidget(self.registered_label)

        # Facts: three label/value pairs per row.
        self.values: dict[str, QLabel] = {}
        facts = QGridLayout()
        facts.setHorizontalSpacing(10)
        facts.setVerticalSpacing(4)
        names = [
            ("resident", _("Resident")),
            ("channel", _("Channel")),
            ("head_count", _("Visitors")),
            ("category", _("Category")),
            ("level", _("Handling level")),
            ("follow_up", _("Follow-up")),
            ("address", _("Address")),
            ("department", _("Lead department")),
            ("assists", _("Assisting")),
        ]
        for i, (key, title) in enumerate(names):
            row, col = divmod(i, 3)
            name = QLabel(_("{name}:", name=title))
            name.setObjectName("fieldName")
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.values[key] = value
            facts.addWidget(name, row, col * 2)
            facts.addWidget(value, row, col * 2 + 1)
        for col, stretch in ((1, 4), (3, 3), (5, 3)):
            facts.setColumnStretch(col, stretch)

        # Description beside the clocks.
        self.description = QLabel()
        self.description.setObjectName("descriptionText")
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description.setContentsMargins(8, 6, 8, 6)
        scroll = QScrollArea()
        scroll.setObjectName("description")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.description)
        scroll.setMinimumHeight(fm.lineSpacing() * 4 + 16)
        self.description_box = QGroupBox(_("Description"))
        box = QVBoxLayout(self.description_box)
        box.setContentsMargins(8, 4, 8, 8)
        box.addWidget(scroll)

        self.clocks_box = QGroupBox(_("Deadlines (30135)"))
        self.clocks_grid = QGridLayout(self.clocks_box)
        self.clocks_grid.setContentsMargins(10, 4, 10, 8)
        self.clocks_grid.setHorizontalSpacing(12)
        self.clocks_grid.setVerticalSpacing(4)
        middle = QHBoxLayout()
        middle.setSpacing(12)
        middle.addWidget(self.description_box, 3)
        middle.addWidget(self.clocks_box, 2)

        # Timeline and attachments.
        self.timeline = Timeline()

        self.attachments = QTableWidget(0, 2)
        self.attachments.setHorizontalHeaderLabels([_("File"), _("Size")])
        read_only_table(self.attachments)
        self.attachments.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.attachments.horizontalHeader().resizeSection(1, fm.horizontalAdvance("20.0 MB") + 40)
        self.attachments.doubleClicked.connect(self.save_attachment_copy)
        self.add_file_button = QPushButton(_("A&dd file…"))
        self.add_file_button.setToolTip(_("Attach a photo or scan (Alt+D)"))
        self.save_copy_button = QPushButton(_("Sa&ve a copy…"))
        self.save_copy_button.setToolTip(_("Save a copy of the selected file (Alt+V)"))
        self.attachment_message = QLabel()
        self.attachment_message.setObjectName("hint")
        self.no_attachments = QLabel(_("No files attached."))
        self.no_attachments.setObjectName("emptyState")
        self.no_attachments.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for b in (self.add_file_button, self.save_copy_button):
            b.setAutoDefault(False)
            b.setMinimumHeight(height)
        self.add_file_button.clicked.connect(self.add_attachment)
        self.save_copy_button.clicked.connect(self.save_attachment_copy)
        files = QWidget()
        files_layout = QVBoxLayout(files)
        files_layout.addWidget(self.attachments, 1)
        files_layout.addWidget(self.no_attachments, 1)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.add_file_button)
        file_buttons.addWidget(self.save_copy_button)
        file_buttons.addWidget(self.attachment_message, 1)
        files_layout.addLayout(file_buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.timeline, "")
        self.tabs.addTab(files, "")

        # Action buttons and Close.
        self.buttons: dict[Action, QPushButton] = {}
        actions = QHBoxLayout()
        actions.setSpacing(8)
        for action, (text, tip) in button_texts().items():
            b = QPushButton(text)
            b.setToolTip(tip)
            b.setAutoDefault(False)
            b.setMinimumHeight(height)
            b.clicked.connect(lambda _checked=False, a=action: self.start_action(a))
            self.buttons[action] = b
            actions.addWidget(b)
        self.no_actions_label = QLabel()
        self.no_actions_label.setObjectName("hint")
        actions.addWidget(self.no_actions_label)
        actions.addStretch(1)
        self.extra_buttons: list[QPushButton] = []
        for label, tip, callback in self._extra_actions:
            extra = QPushButton(label)
            extra.setToolTip(tip)
            extra.setAutoDefault(False)
            extra.setMinimumHeight(height)
            extra.clicked.connect(lambda _checked=False, act=callback: act(self.request_id))
            self.extra_buttons.append(extra)
            actions.addWidget(extra)
        self.print_button = QPushButton(_("Print slip (Ctrl+P)"))
        self.print_button.setToolTip(_("Print the receipt slip (回执) of this request again"))
        self.print_button.setAutoDefault(False)
        self.print_button.setMinimumHeight(height)
        self.print_button.clicked.connect(self.print_slip)
        actions.addWidget(self.print_button)
        self.close_button = QPushButton(_("Close"))
        self.close_button.setToolTip(_("Close (Esc)"))
        self.close_button.setAutoDefault(False)
        self.close_button.setMinimumHeight(height)
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
        """Read the request again if ``changes`` touch it (None: they may have)."""
        if changes is not None and not changes.touches((Topic.CATALOGUE, Topic.RESIDENTS, Topic.DEADLINES)):
            ids = changes.ids_of(Topic.REQUESTS)
            if ids is not None and self.request_id not in ids:
                return
        self.reload()

    def reload(self) -> None:
        """Read the request again (after an action) and show it."""
        try:
            self.detail = self._requests.get(self._actor, self.request_id)
        except DomainError as exc:
            show_error(self, _("Request"), exc)
            return
        self._fill()

    def _fill(self) -> None:
        d = self.detail
        self.setWindowTitle(_("Request {number}", number=d.number))
        self.number_label.setText(d.number)
        self.status_label.setText(desktop_text(STATUS_LABELS.get(d.status, d.status)))
        self.status_label.setStyleSheet(f"background: {STATUS_COLOURS.get(d.status, MUTED)};")
        self.round_label.setText(_("Round {n}", n=d.round) if d.round > 1 else "")
        self.round_label.setVisible(d.round > 1)
        colour = URGENCY_COLOURS.get(d.urgency, MUTED)
        urgency = _("Urgency: {urgency}", urgency=desktop_text(URGENCIES.get(d.urgency, d.urgency)))
        self.urgency_label.setText(f"<span style='color:{colour}; font-size:15pt'>●</span> {urgency}")
        self.merged_label.setText(_("Merged into {number}", number=d.merged_into) if d.merged_into else "")
        self.merged_label.setVisible(bool(d.merged_into))
        self.registered_label.setText(_("Registered {time}", time=format_time(d.registered_at)))

        v = self.values
        v["resident"].setText(f"{d.resident_name}  {d.resident_phone}".strip())
        v["channel"].setText(desktop_text(CHANNELS.get(d.channel, d.channel)))
        v["head_count"].setText(_("{n} people (group visit)", n=d.head_count) if d.head_count > 1 else "1")
        v["category"].setText(d.category)
        v["level"].setText(desktop_text(LEVELS.get(d.level, d.level)))
        follow = []
        if d.satisfaction:
            follow.append(desktop_text(SATISFACTION.get(d.satisfaction, d.satisfaction)))
        if d.follow_up_due is not None:
            follow.append(_("call by {time}", time=format_due(d.follow_up_due)))
        v["follow_up"].setText("; ".join(follow) or "—")
        place = d.address or "—"
        v["address"].setText(f"{place} ({d.grid})" if d.grid else place)
        v["department"].setText(d.department or _("Not assigned yet"))
        v["assists"].setText("、".join(d.assists) or "—")
        for label in v.values():
            label.setToolTip(label.text() if len(label.text()) > 20 else "")
        self.description.setText(d.description)

        self._fill_clocks(d)
        self.timeline.show_events(d.events)
        self.tabs.setTabText(0, _("&Timeline ({n})", n=len(d.events)))
        self._fill_attachments(d)
        self._fill_buttons(d)

    def _fill_clocks(self, d: RequestDetail) -> None:
        while self.clocks_grid.count():
            item = self.clocks_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.clock_states: dict[str, QLabel] = {}
        if not d.clocks:
            none = QLabel(_("The clocks start when the request is assigned."))
            none.setObjectName("hint")
            none.setWordWrap(True)
            self.clocks_grid.addWidget(none, 0, 0)
            return
        # A merged or returned request runs no clock: its unmet clocks are stopped, not late.
        stopped = CLOCK_FOR_STATUS.get(d.status) is None
        for row, c in enumerate(d.clocks):
            name = QLabel(desktop_text(CLOCK_LABELS.get(c.clock, c.clock)))
            due = QLabel(_("due {time}", time=format_due(c.due_at)))
            state = QLabel(desktop_text(COLOUR_LABELS.get(c.colour, c.colour)))
            state.setObjectName("clockState")
            if stopped and c.done_at is None:
                state.setText(_("Stopped"))
                background, foreground = STOPPED_CLOCK_COLOURS
            elif c.colour in CLOCK_BACKGROUNDS:
                background, foreground = CLOCK_BACKGROUNDS[c.colour], CLOCK_FOREGROUNDS[c.colour]
            else:
                background, foreground = DONE_CLOCK_COLOURS.get(c.colour, PLAIN_CLOCK_COLOURS)
            state.setStyleSheet(f"background: {background}; color: {foreground};")
            state.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if c.done_at is not None:
                state.setToolTip(_("Done {time}", time=format_time(c.done_at)))
            self.clock_states[c.clock] = state
            self.clocks_grid.addWidget(name, row, 0)
            self.clocks_grid.addWidget(due, row, 1)
            self.clocks_grid.addWidget(state, row, 2)
        self.clocks_grid.setColumnStretch(1, 1)

    def _fill_attachments(self, d: RequestDetail) -> None:
        t = self.attachments
        current = t.item(t.currentRow(), 0) if t.currentRow() >= 0 else None
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        t.setRowCount(len(d.attachments))
        for row, a in enumerate(d.attachments):
            item = QTableWidgetItem(a.filename)
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setToolTip(a.filename)
            t.setItem(row, 0, item)
            t.setItem(row, 1, QTableWidgetItem(_size_text(a.size)))
        t.setVisible(bool(d.attachments))
        self.no_attachments.setVisible(not d.attachments)
        kept = next((r for r, a in enumerate(d.attachments) if a.id == keep), -1)
        if kept >= 0:
            t.selectRow(kept)
        elif d.attachments and t.currentRow() < 0:
            t.selectRow(0)
        self.save_copy_button.setEnabled(bool(d.attachments))
        self.tabs.setTabText(1, _("Attac&hments ({n})", n=len(d.attachments)))

    def _fill_buttons(self, d: RequestDetail) -> None:
        allowed = set(allowed_actions(self._actor, d.status))
        for action, button in self.buttons.items():
            button.setVisible(action in allowed)
        self.add_file_button.setVisible(Action.ATTACH in allowed)
        visible = [a for a in BUTTON_ACTIONS if a in allowed]
        self.no_actions_label.setText("" if visible else _("No action is open to you on this request."))
        self.no_actions_label.setVisible(not visible)

    def allowed_buttons(self) -> list[Action]:
        """The actions whose buttons are offered (for tests and the screenshots)."""
        return [a for a, b in self.buttons.items() if not b.isHidden()]

    # --- actions ---------------------------------------------------------------------
    def start_action(self, action: Action) -> ActionDialog | None:
        """Open the dialog of ``action`` (window-modal); on success reload and emit."""
        if self.action_dialog is not None and self.action_dialog.isVisible():
            self.action_dialog.raise_()
            return self.action_dialog
        dialog = dialog_for(action, self._requests, self._actor, self.detail, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._action_done)
        dialog.finished.connect(self._action_closed)
        self.action_dialog = dialog
        dialog.open()
        return dialog

    def _action_done(self) -> None:
        self.reload()
        self.sig_changed.emit(self.request_id)

    def _action_closed(self) -> None:
        self.action_dialog = None

    def add_attachment(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Attach a file"),
            "",
            _("Photos and scans (*.jpg *.jpeg *.png *.bmp *.pdf *.tif *.tiff);;All files (*)"),
        )
        if not path:
            return
        try:
            self._requests.add_attachment(self._actor, self.request_id, Path(path))
        except DomainError as exc:
            show_error(self, _("Attach a file"), exc)
            return
        self.reload()
        self.tabs.setCurrentIndex(1)
        self.attachment_message.setText(_("Attached {name}.", name=Path(path).name))
        self.sig_changed.emit(self.request_id)

    def print_slip(self) -> Task | None:
        """打印回执 (Ctrl+P): build this request's slip off the GUI thread, then preview it."""
        if self.slip_task is not None and self.slip_task.running:
            return self.slip_task
        self.slip_task = print_slip(
            self._requests,
            self._actor,
            self.request_id,
            self,
            centre_name=self._centre_name,
            preview_factory=self._preview_factory,
            on_opened=self._slip_opened,
        )
        return self.slip_task

    def _slip_opened(self, preview: Any) -> None:
        self.preview = preview

    def save_attachment_copy(self) -> None:
        row = self.attachments.currentRow()
        if row < 0 or row >= len(self.detail.attachments):
            return
        attachment = self.detail.attachments[row]
        target, _filter = QFileDialog.getSaveFileName(self, _("Save a copy"), attachment.filename)
        if not target:
            return
        try:
            self._requests.export_attachment(self._actor, attachment.id, Path(target))
        except (DomainError, OSError) as exc:
            show_error(self, _("Save a copy"), exc if isinstance(exc, DomainError) else str(exc))
            return
        self.attachment_message.setText(_("Saved a copy to {path}.", path=target))
