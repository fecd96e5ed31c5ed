"""The start page (今日待办): what must be done today, shown after login.

Four big numbers at the top (overdue · due soon · waiting for a department · follow-up
calls due today) and one compact table for each: 已超时 overdue (red), 即将到期 due soon
(yellow), 待派单 / 被退回 the requests no department has (registered without one,
returned, reopened after an unsatisfied follow-up; waiting longest first), 今日回访
follow-ups due by tonight. The lists come from ``RequestService.today`` (at most 200
rows each; the numbers are the full counts). The page refreshes when requests change
(:mod:`ui.requests.watching`), every minute while shown (deadlines turn red with time)
and on F5, keeping the selected request and each list's scroll position. Enter or a
double-click opens a request (``sig_open_request``; when nobody listens the page opens
the detail dialog itself).
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.common.changes import Changes
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from desktop.requests.service import RequestRow, RequestService, TodayLists
from ui.requests.detail import RequestDetailDialog
from ui.requests.request_table import (
    CATEGORY,
    DEADLINE,
    DEPARTMENT,
    NUMBER,
    REGISTERED,
    RESIDENT,
    STATUS,
    URGENCY,
    DetailFactory,
    RequestOpener,
    RequestTableModel,
    setup_request_table,
)
from ui.requests.watching import LIST_TOPICS, watch_with_clock
from ui.widgets.change_hub import ChangeHub
from ui.widgets.i18n import Translator
from ui.widgets.messages import show_error
from ui.widgets.palette import AMBER, BLUE, FADED, INK, RED
from ui.widgets.windowed_model import ServiceRows

_ = Translator("today")

TODAY_COLUMNS = (NUMBER, RESIDENT, CATEGORY, URGENCY, STATUS, DEPARTMENT, DEADLINE)
WAITING_COLUMNS = (NUMBER, REGISTERED, RESIDENT, CATEGORY, URGENCY, STATUS, DEPARTMENT)
"""Requests waiting for a department have no deadline running: when they came in instead."""
OVERDUE, DUE_SOON, WAITING, FOLLOW_UPS = "overdue", "due_soon", "waiting", "follow_ups"
SECTIONS = (OVERDUE, DUE_SOON, WAITING, FOLLOW_UPS)
SECTION_COLOURS = {OVERDUE: RED, DUE_SOON: AMBER, WAITING: INK, FOLLOW_UPS: BLUE}


class Section:
    """One list of the page: a title with its count, a compact table, a 'none' line."""

    def __init__(self, key: str, parent: QWidget):
        self.key = key
        self.title = QLabel(parent)
        self.title.setObjectName("todaySection")
        self.title.setStyleSheet(f"color: {SECTION_COLOURS[key]};")
        self.model = RequestTableModel(WAITING_COLUMNS if key == WAITING else TODAY_COLUMNS)
        self.table = QTableView(parent)
        setup_request_table(self.table, self.model)
        self.table.verticalHeader().hide()
        self.none_label = QLabel(parent)
        self.none_label.setObjectName("todayNone")
        self.rows: list[RequestRow] = []
        self.count = 0

    def set_rows(self, title: str, rows: list[RequestRow], count: int, none_text: str) -> None:
        """Show ``rows`` (of ``count``), keeping the selected request and the scroll position."""
        selected = self.selected()
        scroll = self.table.verticalScrollBar().value()
        self.rows, self.count = rows, count
        if count > len(rows):
            self.title.setText(
                _("{title} ({n}, the first {shown} shown)", title=title, n=count, shown=len(rows))
            )
        else:
            self.title.setText(_("{title} ({n})", title=title, n=count))
        self.model.set_source(ServiceRows.from_list(rows))
        self.none_label.setText(none_text)
        self.table.setVisible(bool(rows))
        self.none_label.setVisible(not rows)
        self.table.setMaximumHeight(self.fitting_height(len(rows)))
        if selected is not None:
            self.select_id(selected.id)
        self.table.verticalScrollBar().setValue(scroll)

    def fitting_height(self, rows: int) -> int:
        """The height that shows ``rows`` rows whole: a short list takes no more room than
        it needs, a long one shares what is left (it scrolls)."""
        t = self.table
        frame = 2 * t.frameWidth()
        return (
            t.horizontalHeader().minimumHeight() + rows * t.verticalHeader().defaultSectionSize() + frame + 2
        )

    def selected(self) -> RequestRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index.row())

    def select_id(self, request_id: int) -> bool:
        for r, row in enumerate(self.rows):
            if row.id == request_id:
                self.table.setCurrentIndex(self.model.index(r, 0))
                self.table.selectRow(r)
                return True
        return False


class TodayPage(QWidget, RequestOpener):
    """The 今日待办 page.

    Args:
        requests: the request service (``today``).
        actor: the logged-in user.
        parent: the owning widget.
        detail_factory: builds the detail dialog when nobody handles ``sig_open_request``.
        hub: announces committed changes; the page refreshes when requests change.
        extra_panels: what other jobs add below the request lists, given by the shell
            (e.g. the visits due this week); each follows its own data. This job never
            knows what they show.

    Signals:
        sig_open_request(int): the user opened a request (Enter / double-click).

    Shortcuts: F5 refresh; Enter / double-click open; Tab moves between the lists.
    """

    sig_open_request = Signal(int)

    def __init__(
        self,
        requests: RequestService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        detail_factory: DetailFactory = RequestDetailDialog,
        hub: ChangeHub | None = None,
        extra_panels: Sequence[QWidget] = (),
    ):
        super().__init__(parent)
        self.extra_panels = tuple(extra_panels)
        self.error_title = _("Today")
        self.init_opener(requests, actor, detail_factory, hub)
        self.lists: TodayLists | None = None
        self._build()
        QShortcut(QKeySequence("F5"), self, self.refresh)
        self.tick = watch_with_clock(hub, self, LIST_TOPICS, self.refresh)
        self.refresh()

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        self.setObjectName("todayPage")  # its look: ui.widgets.style
        self.numbers: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        cards = QHBoxLayout()
        cards.setSpacing(12)
        for key in SECTIONS:
            card = QFrame()
            card.setObjectName("todayCard")
            row = QHBoxLayout(card)
            row.setContentsMargins(16, 8, 16, 8)
            number = QLabel("0")
            number.setObjectName("todayNumber")
            number.setStyleSheet(f"color: {SECTION_COLOURS[key]};")
            caption = QLabel()
            caption.setObjectName("todayCaption")
            row.addWidget(number)
            row.addWidget(caption, 1)
            self.numbers[key], self.captions[key] = number, caption
            cards.addWidget(card, 1)
        self.refresh_button = QPushButton(_("Refresh"))
        self.refresh_button.setToolTip(_("Read the lists again (F5)"))
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.refresh)
        self.updated_label = QLabel()
        self.updated_label.setObjectName("hint")
        side = QVBoxLayout()
        side.addWidget(self.refresh_button)
        side.addWidget(self.updated_label)
        cards.addLayout(side)

        self.sections = {key: Section(key, self) for key in SECTIONS}
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(4)
        for section in self.sections.values():
            body.addWidget(section.title)
            body.addWidget(section.none_label)
            body.addWidget(section.table, 1)
            section.table.doubleClicked.connect(self.open_selected)
            section.table.installEventFilter(self)
        body.addStretch(0)  # what short lists leave over stays below them
        self.done_label = QLabel()
        self.done_label.setObjectName("todayDone")
        self.done_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_label.setWordWrap(True)
        self.done_label.hide()

        self.hint_label = QLabel(_("Enter: open   Tab: next list   F5: refresh"))
        self.hint_label.setObjectName("hint")
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.hint_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(10)
        layout.addLayout(cards)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.done_label, 1)
        for panel in self.extra_panels:
            layout.addWidget(panel)
        layout.addLayout(footer)

    # --- loading ---------------------------------------------------------------------
    def refresh(self, _changes: Changes | None = None) -> None:
        """Read the lists again, keeping the selected request (in the list that has the
        focus, if it is still there) and where each list is scrolled to."""
        focused = self.current_section()
        selected = self.selected_row()
        try:
            lists = self._requests.today(self._actor)
        except DomainError as exc:
            show_error(self, _("Today"), exc)
            return
        self.lists = lists
        self._show(lists)
        if focused is not None and selected is not None and not focused.select_id(selected.id):
            for section in self.sections.values():  # it moved to another list
                if section is not focused and section.select_id(selected.id):
                    break

    def _show(self, t: TodayLists) -> None:
        counts = {
            OVERDUE: t.overdue_count,
            DUE_SOON: t.due_soon_count,
            WAITING: t.waiting_count,
            FOLLOW_UPS: t.follow_up_count,
        }
        captions = {
            OVERDUE: _("overdue"),
            DUE_SOON: _("due soon"),
            WAITING: _("to assign"),
            FOLLOW_UPS: _("follow-up calls today"),
        }
        for key, number in self.numbers.items():
            number.setText(str(counts[key]))
            self.captions[key].setText(captions[key])
            colour = SECTION_COLOURS[key] if counts[key] else FADED
            number.setStyleSheet(f"color: {colour};")
        s = self.sections
        s[OVERDUE].set_rows(_("Overdue"), t.overdue, t.overdue_count, _("Nothing is overdue."))
        s[DUE_SOON].set_rows(_("Due soon"), t.due_soon, t.due_soon_count, _("Nothing falls due soon."))
        s[WAITING].set_rows(
            _("To assign: new, returned, reopened"),
            t.waiting,
            t.waiting_count,
            _("Every request has a department."),
        )
        s[FOLLOW_UPS].set_rows(
            _("Follow-up calls due today"), t.follow_ups, t.follow_up_count, _("No follow-up calls today.")
        )
        nothing = not any(counts.values())
        self.body.setVisible(not nothing)
        self.done_label.setVisible(nothing)
        self.hint_label.setVisible(not nothing)
        self.done_label.setText(_("Nothing to do today — well done!"))
        self.updated_label.setText(_("Updated {time}", time=time.strftime("%H:%M")))

    # --- opening ---------------------------------------------------------------------
    def current_section(self) -> Section | None:
        for section in self.sections.values():
            if section.table.hasFocus():
                return section
        return None

    def selected_row(self) -> RequestRow | None:
        section = self.current_section()
        if section is not None:
            return section.selected()
        for section in self.sections.values():
            row = section.selected()
            if row is not None:
                return row
        return None

    def open_selected(self) -> None:
        section = self.current_section()
        row = section.selected() if section is not None else self.selected_row()
        if row is not None:
            self.open_request(row.id)

    def open_detail(self, request_id: int) -> QDialog | None:
        """Open the detail dialog here; when it closes, the keyboard goes back to a list."""
        dialog = super().open_detail(request_id)
        if dialog is not None:
            dialog.finished.connect(self.focus_default)
        return dialog

    def focus_default(self) -> None:
        """Focus the first list that has rows (with its first row selected)."""
        for section in self.sections.values():
            if section.rows and section.table.isVisibleTo(self):
                section.table.setFocus()
                if section.selected() is None:
                    section.table.selectRow(0)
                    section.table.setCurrentIndex(section.model.index(0, 0))
                return

    # --- events ----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if any(watched is s.table for s in self.sections.values()):
                self.open_selected()
                return True
        return super().eventFilter(watched, event)
