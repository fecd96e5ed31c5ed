"""One volunteer's page (志愿者详情): balance, star level, the 积分明细 statement, service
records and redemptions, with the coordinator's corrections.

Everything is read from ``LoveBankService``; nothing here edits the ledger directly. An
adjustment (调整积分) or a reversal (冲正) appends a ledger entry; a redemption waiting for
handover is handed over (核销) or cancelled with a reason.

Whatever changes this volunteer — here, on another page, at another desk — reaches the
dialog through the change hub and it reads the volunteer again, keeping the tab, the
selected lines and where each table was scrolled to. The statement is printed off the
GUI thread; its preview opens when it is ready.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.common.changes import Changes, Topic
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Permission
from desktop.love_bank import ledger
from desktop.love_bank.service import (
    CANCELLED,
    FROZEN,
    LoveBankService,
    RedemptionRow,
    StatementLine,
    VolunteerRow,
    next_star,
)
from ui.love_bank.dialogs import ReasonDialog, cancel_redemption_dialog
from ui.love_bank.formatting import (
    entry_kind_text,
    format_date,
    hours_text,
    hours_with_unit,
    points_text,
    redemption_items,
    signed,
    star_legend,
    star_name,
    star_progress,
    star_text,
)
from ui.love_bank.page_parts import ShownRows, hand_over, handover_buttons
from ui.love_bank.printing import PreviewFactory, show_statement
from ui.love_bank.tables import kept_scroll, selected_of
from ui.love_bank.volunteer_dialogs import AdjustDialog
from ui.love_bank.volunteer_tables import RecordsTable, RedemptionsTable, StatementTable
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.forms import DialogHost
from ui.widgets.i18n import Translator
from ui.widgets.messages import show_error

_ = Translator("lovebank")

TOPICS = (Topic.POINTS, Topic.SERVICE_HOURS, Topic.REDEMPTIONS, Topic.VOLUNTEERS)
"""What the dialog shows of its volunteer: points, hours, redemptions, name and team."""


def concerns(changes: Changes | None, volunteer_id: int) -> bool:
    """Whether ``changes`` may concern the volunteer (ids are volunteers' ids or unknown)."""
    if changes is None:
        return True
    for topic in TOPICS:
        if topic in changes.topics:
            ids = changes.ids_of(topic)
            if ids is None or volunteer_id in ids:
                return True
    return False


class VolunteerDetailDialog(QDialog):
    """A volunteer's page.

    Args:
        love_bank: the love-bank service.
        actor: the logged-in user; without ``MANAGE_LOVE_BANK`` the page is read-only.
        volunteer_id: the volunteer to show (``NotFound`` when it does not exist).
        parent: the owning widget.
        centre_name: printed at the top of the statement.
        preview_factory: opens the statement preview (tests pass their own).
        hub: the change hub; the dialog reads again what changed (none: it never does).

    Signals:
        sig_changed(int): a change was made in this dialog (carries the volunteer's id).

    Keys: Alt+1/2/3 the tabs, Ctrl+P print the statement, Ctrl+J adjust points,
    Ctrl+R reverse the selected entry, Ctrl+E export the statement or the redemptions
    to Excel (when the shell offers it, see ``enable_export``), Esc closes.
    """

    sig_changed = Signal(int)
    """Emitted with the volunteer's id after an adjustment, reversal, handover or cancel
    made here (what changed reaches every page through the hub)."""

    def __init__(
        self,
        love_bank: LoveBankService,
        actor: Actor,
        volunteer_id: int,
        parent: QWidget | None = None,
        *,
        centre_name: str = "",
        preview_factory: PreviewFactory | None = None,
        hub: ChangeHub | None = None,
    ):
        super().__init__(parent)
        self._bank, self._actor, self.volunteer_id = love_bank, actor, volunteer_id
        self._centre_name, self._preview_factory = centre_name, preview_factory  # for the statement
        self.can_manage = actor.can(Permission.MANAGE_LOVE_BANK)
        self.volunteer: VolunteerRow = love_bank.volunteer(actor, volunteer_id)
        self.lines: list[StatementLine] = []
        self.redemption_rows: list[RedemptionRow] = []
        self._actions = DialogHost()
        self.preview: Any = None
        self.setMinimumSize(900, 600)
        self.resize(1120, 680)
        self._build()
        self._connect_callbacks()
        self.reload()
        watch(hub, self, TOPICS, self.refresh)

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        fm = self.fontMetrics()
        height = fm.height() * 2 + 8
        self.name_label = QLabel()
        self.name_label.setObjectName("volunteerName")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta_label = QLabel()
        self.meta_label.setObjectName("hint")
        self.inactive_label = QLabel(_("Inactive"))
        self.inactive_label.setObjectName("inactiveBadge")
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.name_label)
        top.addWidget(self.inactive_label)
        top.addWidget(self.meta_label, 1)

        def figure(title: str) -> tuple[QFrame, QLabel, QVBoxLayout]:
            frame = QFrame()
            frame.setObjectName("figure")
            box = QVBoxLayout(frame)
            box.setContentsMargins(14, 8, 14, 8)
            box.setSpacing(2)
            name = QLabel(title)
            name.setObjectName("figureTitle")
            value = QLabel()
            value.setObjectName("figureValue")
            box.addWidget(name)
            box.addWidget(value)
            return frame, value, box

        available, self.available_label, _box = figure(_("Points available"))
        frozen, self.frozen_label, _box = figure(_("Frozen until handover"))
        hours, self.hours_label, _box = figure(_("Approved hours"))
        stars, self.stars_label, stars_box = figure(_("Star level"))
        stars.setToolTip(star_legend())
        self.stars_label.setObjectName("figureStars")
        self.level_label = QLabel()
        self.level_label.setObjectName("figureTitle")
        self.progress = QProgressBar()
        self.progress.setObjectName("starProgress")
        self.progress.setTextVisible(False)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("hint")
        stars_line = QHBoxLayout()
        stars_line.setSpacing(10)
        stars_line.addWidget(self.stars_label)
        stars_line.addWidget(self.level_label, 1)
        stars_box.removeWidget(self.stars_label)
        stars_box.addLayout(stars_line)
        stars_box.addWidget(self.progress)
        stars_box.addWidget(self.progress_label)
        figures = QGridLayout()
        figures.setHorizontalSpacing(10)
        figures.addWidget(available, 0, 0)
        figures.addWidget(frozen, 0, 1)
        figures.addWidget(hours, 0, 2)
        figures.addWidget(stars, 0, 3)
        for column, stretch in enumerate((2, 2, 2, 4)):
            figures.setColumnStretch(column, stretch)

        self.statement_table = StatementTable()
        self.records_table = RecordsTable()
        self.redemptions_table = RedemptionsTable()
        self.hand_over_button, self.cancel_button = handover_buttons(self.can_manage)
        for b in (self.hand_over_button, self.cancel_button):
            b.setMinimumHeight(height)
        redemptions = QWidget()
        r = QVBoxLayout(redemptions)
        r.setContentsMargins(0, 6, 0, 0)
        r.addWidget(self.redemptions_table, 1)
        if self.can_manage:
            row = QHBoxLayout()
            row.addWidget(self.hand_over_button)
            row.addWidget(self.cancel_button)
            row.addStretch(1)
            r.addLayout(row)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.statement_table, _("Points statement"))
        self.tabs.addTab(self.records_table, _("Service records"))
        self.tabs.addTab(redemptions, _("Redemptions"))

        def button(text: str, tip: str) -> QPushButton:
            b = QPushButton(text)
            b.setToolTip(tip)
            b.setMinimumHeight(height)
            b.setAutoDefault(False)
            return b

        self.adjust_button = button(_("Adjust points…"), _("Add or deduct points with a reason (Ctrl+J)"))
        self.reverse_button = button(
            _("Reverse entry…"), _("Correct the selected statement line by reversing it (Ctrl+R)")
        )
        self.print_button = button(
            _("Print statement…"), _("Preview and print the points statement (Ctrl+P)")
        )
        self.close_button = button(_("Close"), _("Close (Esc)"))
        self.export_button = button(
            _("Export to Excel"), _("Save the points statement or the redemptions as an Excel file (Ctrl+E)")
        )
        self.export_button.hide()  # until the shell offers 导出 Excel (enable_export)
        self._exports: dict[int, Callable[[ShownRows], None]] = {}
        if not self.can_manage:  # hide() only: setVisible(True) on a parentless widget flashes a window
            self.adjust_button.hide()
            self.reverse_button.hide()
        self.message_label = QLabel()
        self.message_label.setObjectName("hint")
        self.message_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.adjust_button)
        buttons.addWidget(self.reverse_button)
        buttons.addWidget(self.message_label, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(figures)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    def _connect_callbacks(self) -> None:
        self.adjust_button.clicked.connect(self.adjust)
        self.reverse_button.clicked.connect(self.reverse_selected)
        self.print_button.clicked.connect(self.print_statement)
        self.export_button.clicked.connect(self.export_shown)
        self.close_button.clicked.connect(self.reject)
        self.hand_over_button.clicked.connect(self.hand_over_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.statement_table.itemSelectionChanged.connect(self._update_buttons)
        self.redemptions_table.itemSelectionChanged.connect(self._update_buttons)
        self.tabs.currentChanged.connect(self._update_buttons)
        shortcuts: list[tuple[str, Callable[[], None]]] = [("Ctrl+P", self.print_statement)]
        for n in range(3):
            shortcuts.append((f"Alt+{n + 1}", partial(self.tabs.setCurrentIndex, n)))
        if self.can_manage:
            shortcuts += [("Ctrl+J", self.adjust), ("Ctrl+R", self.reverse_selected)]
        for keys, slot in shortcuts:
            QShortcut(QKeySequence(keys), self, slot)

    # --- 导出 Excel ------------------------------------------------------------------------
    def enable_export(
        self,
        *,
        ledger: Callable[[ShownRows], None] | None = None,
        redemptions: Callable[[ShownRows], None] | None = None,
    ) -> None:
        """Offer 导出 Excel (Ctrl+E) of this volunteer's 积分明细 (``ledger``) and
        redemptions: the button saves the list of the tab shown. The shell hands in the
        exchange job's exporters (None: that list is not offered)."""
        tabs = {0: ledger, 2: redemptions}
        self._exports = {tab: export for tab, export in tabs.items() if export is not None}
        if not self._exports:
            return
        self.export_button.show()
        QShortcut(QKeySequence("Ctrl+E"), self, self.export_button.click)
        self._update_buttons()

    def export_shown(self) -> None:
        """Save the list of the tab shown (the statement or the redemptions) as Excel."""
        export = self._exports.get(self.tabs.currentIndex())
        if export is not None:
            export(ShownRows(volunteer_id=self.volunteer_id))

    # --- content ---------------------------------------------------------------------
    def refresh(self, changes: Changes | None = None) -> None:
        """Read the volunteer again when ``changes`` may concern them, keeping the tab,
        the selected lines and the scroll positions."""
        if not concerns(changes, self.volunteer_id):
            return
        try:
            self.reload()
        except DomainError as exc:  # the volunteer is gone
            self._show_error(exc)

    def reload(self) -> None:
        """Read the volunteer, the statement, the records and the redemptions again."""
        v = self.volunteer = self._bank.volunteer(self._actor, self.volunteer_id)
        self.setWindowTitle(_("Volunteer: {name}", name=v.name))
        self.name_label.setText(v.name)
        self.inactive_label.setVisible(not v.is_active)
        meta = [v.team or _("No team"), v.phone]
        self.meta_label.setText(" · ".join(m for m in meta if m))
        self.available_label.setText(points_text(v.available))
        self.frozen_label.setText(points_text(v.frozen))
        minutes = self._minutes()
        self.hours_label.setText(hours_with_unit(minutes))
        self.stars_label.setText(star_text(v.stars))
        self.level_label.setText(star_name(v.stars))
        self._show_progress(minutes)
        line, redemption = self.selected_line(), self.selected_redemption()
        self._fill_statement(line.id if line is not None else None)
        with kept_scroll(self.records_table):
            self._fill_records()
        with kept_scroll(self.redemptions_table):
            self._fill_redemptions(redemption.id if redemption is not None else None)
        self._update_buttons()

    def _minutes(self) -> int:
        return round(self.volunteer.hours * 60)

    def _show_progress(self, minutes: int) -> None:
        following = next_star(minutes)
        self.progress_label.setText(star_progress(minutes))
        if following is None:
            self.progress.setRange(0, 1)
            self.progress.setValue(1)
            return
        low, high = following.since * 60, following.hours * 60
        self.progress.setRange(0, high - low)
        self.progress.setValue(max(0, min(high - low, minutes - low)))
        self.progress.setToolTip(
            _("{done} of {total} hours", done=hours_text(minutes), total=following.hours)
        )

    def _fill_statement(self, keep: int | None = None) -> None:
        """Fill the statement; the newest line is shown, unless the user had scrolled up."""
        t = self.statement_table
        bar = t.verticalScrollBar()
        at_end = not self.lines or bar.value() >= bar.maximum()
        with kept_scroll(t):
            self.lines = self._bank.statement(self._actor, self.volunteer_id)
            t.fill(self.lines, keep)
        if self.lines and at_end:
            t.scrollToBottom()

    def _fill_records(self) -> None:
        rows = self._bank.service_records(self._actor, status=None, volunteer_id=self.volunteer_id)
        self.records_table.fill(rows)

    def _fill_redemptions(self, keep: int | None = None) -> None:
        self.redemption_rows = self._bank.redemptions(self._actor, volunteer_id=self.volunteer_id)
        self.redemptions_table.fill(self.redemption_rows, keep)

    # --- selection -------------------------------------------------------------------
    def selected_line(self) -> StatementLine | None:
        return selected_of(self.statement_table, self.lines)

    def selected_redemption(self) -> RedemptionRow | None:
        return selected_of(self.redemptions_table, self.redemption_rows)

    def _update_buttons(self) -> None:
        line = self.selected_line()
        on_statement = self.tabs.currentIndex() == 0
        self.reverse_button.setEnabled(
            on_statement and line is not None and not line.reversed and line.kind != ledger.REVERSAL
        )
        r = self.selected_redemption()
        self.hand_over_button.setEnabled(r is not None and r.status == FROZEN)
        self.cancel_button.setEnabled(r is not None and r.status != CANCELLED)
        self.export_button.setEnabled(self.tabs.currentIndex() in self._exports)

    def select_statement_row(self, row: int) -> None:
        self.tabs.setCurrentIndex(0)
        self.statement_table.selectRow(row)
        self.statement_table.setCurrentCell(row, 0)

    # --- actions ---------------------------------------------------------------------
    # Callbacks given to child dialogs never capture ``self`` in a lambda: a child holding
    # the last reference to a parentless dialog would delete it while being deleted.
    def _open_action(self, dialog: QDialog) -> None:
        self._actions.close()
        self.message_label.clear()  # about the last action, not the one starting
        dialog.accepted.connect(self._changed)
        self._actions.open(dialog)

    @property
    def action_dialog(self) -> QDialog | None:
        """The adjustment, reversal or cancellation dialog open on this page, if any."""
        return self._actions.current

    def _changed(self) -> None:
        """A change made here; the hub brings it back to this dialog like to every page."""
        self.sig_changed.emit(self.volunteer_id)

    def adjust(self) -> None:
        if not self.can_manage:
            return
        self._open_action(AdjustDialog(self._bank, self._actor, self.volunteer, self))

    def reverse_selected(self) -> None:
        line = self.selected_line()
        if not self.can_manage or line is None:
            if self.can_manage:
                self.message_label.setText(_("Select the statement line to reverse first."))
            return
        amount = signed(line.delta) if line.delta else signed(line.frozen_delta)
        intro = _(
            "Reverse the entry of {date} ({kind}, {amount} points). A new entry with the opposite "
            "amount is added; the original stays in the statement, marked as reversed.",
            date=format_date(line.at),
            kind=entry_kind_text(line),
            amount=amount,
        )
        threshold = self._bank.rules().reversal_threshold
        size = abs(line.delta) + abs(line.frozen_delta)
        if size > threshold and not self._actor.can(Permission.APPROVE_LARGE_REVERSALS):
            intro += "\n" + _(
                "Reversing more than {n} points needs a director; ask the director to do it.", n=threshold
            )
        entry_id = line.id
        dialog = ReasonDialog(
            _("Reverse entry"),
            intro,
            _("Reverse"),
            partial(self._bank.reverse_entry, self._actor, entry_id),
            self,
        )
        self._open_action(dialog)

    def hand_over_selected(self) -> None:
        r = self.selected_redemption()
        if not self.can_manage or r is None:
            return
        if not hand_over(self._bank, self._actor, r, self._show_error):
            return
        self.message_label.setText(
            _("Handed over: {items} ({n} points).", items=redemption_items(r), n=points_text(r.points))
        )
        self._changed()

    def cancel_selected(self) -> None:
        r = self.selected_redemption()
        if not self.can_manage or r is None:
            return
        self._open_action(
            cancel_redemption_dialog(r, partial(self._bank.cancel_redemption, self._actor, r.id), self)
        )

    def print_statement(self) -> None:
        """Build the statement off the GUI thread; its preview opens when it is ready."""
        show_statement(
            self._bank,
            self._actor,
            self.volunteer_id,
            self.volunteer.name,
            self._centre_name,
            self,
            self._preview_factory,
            on_opened=self._preview_opened,
        )

    def _preview_opened(self, preview: Any) -> None:
        self.preview = preview

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """Opened: the newest statement line in sight, once the table has its real height."""
        super().showEvent(event)
        if not event.spontaneous() and self.lines:
            QTimer.singleShot(0, self.statement_table, self.statement_table.scrollToBottom)

    def _show_error(self, exc: DomainError) -> None:
        show_error(self, _("Volunteer"), exc)
