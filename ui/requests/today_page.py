"""The start page (今日待办): what must be done today, shown after login.

Three big numbers at the top (overdue · due soon · follow-up calls due today) and one
compact table for each: 已超时 overdue (red), 即将到期 due soon (yellow), 今日回访
follow-ups due by tonight. The lists come from ``RequestService.today`` (at most 200
rows each; the numbers are the full counts). The page re-reads them whenever it is
shown and on F5. Enter or a double-click opens a request (``sig_open_request``; when
nobody listens the page opens the detail dialog itself).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from desktop.requests.service import RequestRow, RequestService, TodayLists
from ui.requests.detail import RequestDetailDialog
from ui.requests.request_table import (
    CATEGORY,
    DEADLINE,
    DEPARTMENT,
    NUMBER,
    RESIDENT,
    STATUS,
    URGENCY,
    DetailFactory,
    RequestTableModel,
    has_receivers,
    setup_request_table,
)
from ui.widgets.i18n import Translator
from ui.widgets.messages import show_error
from ui.widgets.palette import AMBER, BLUE, FADED, RED
from ui.widgets.windowed_model import ServiceRows

_ = Translator("today")

TODAY_COLUMNS = (NUMBER, RESIDENT, CATEGORY, URGENCY, STATUS, DEPARTMENT, DEADLINE)
OVERDUE, DUE_SOON, FOLLOW_UPS = "overdue", "due_soon", "follow_ups"
SECTION_COLOURS = {OVERDUE: RED, DUE_SOON: AMBER, FOLLOW_UPS: BLUE}
RELOAD_AFTER_S = 1.0  # a show right after a load does not load again


class Section:
    """One list of the page: a title with its count, a compact table, a 'none' line."""

    def __init__(self, key: str, parent: QWidget):
        self.key = key
        self.title = QLabel(parent)
        self.title.setObjectName("todaySection")
        self.title.setStyleSheet(f"color: {SECTION_COLOURS[key]};")
        self.model = RequestTableModel(TODAY_COLUMNS)
        self.table = QTableView(parent)
        setup_request_table(self.table, self.model)
        self.table.verticalHeader().hide()
        self.none_label = QLabel(parent)
        self.none_label.setObjectName("todayNone")
        self.rows: list[RequestRow] = []
        self.count = 0

    def set_rows(self, title: str, rows: list[RequestRow], count: int, none_text: str) -> None:
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

    def selected(self) -> RequestRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index.row())

    def select_id(self, request_id: int) -> bool:
        for r, row in enumerate(self.rows):
            if row.id == request_id:
                self.table.selectRow(r)
                self.table.setCurrentIndex(self.model.index(r, 0))
                return True
        return False


class TodayPage(QWidget):
    """The 今日待办 page.

    Args:
        requests: the request service (``today``).
        actor: the logged-in user.
        parent: the owning widget.
        detail_factory: builds the detail dialog when nobody handles ``sig_open_request``.

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
    ):
        super().__init__(parent)
        self._requests = requests
        self._actor = actor
        self._detail_factory = detail_factory
        self._loaded_at = 0.0
        self.lists: TodayLists | None = None
        self.detail: QWidget | None = None
        self._build()
        QShortcut(QKeySequence("F5"), self, self.refresh)
        self.refresh()

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        self.setObjectName("todayPage")  # its look: ui.widgets.style
        self.numbers: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        cards = QHBoxLayout()
        cards.setSpacing(12)
        for key in (OVERDUE, DUE_SOON, FOLLOW_UPS):
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

        self.sections = {key: Section(key, self) for key in (OVERDUE, DUE_SOON, FOLLOW_UPS)}
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
        layout.addLayout(footer)

    # --- loading ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the three lists again, keeping the selected request if it is still there."""
        selected = self.selected_row()
        try:
            lists = self._requests.today(self._actor)
        except DomainError as exc:
            show_error(self, _("Today"), exc)
            return
        self.lists = lists
        self._loaded_at = time.monotonic()
        self._show(lists)
        if selected is not None:
            for section in self.sections.values():
                if section.select_id(selected.id):
                    break

    def _show(self, t: TodayLists) -> None:
        counts = {OVERDUE: t.overdue_count, DUE_SOON: t.due_soon_count, FOLLOW_UPS: t.follow_up_count}
        self.numbers[OVERDUE].setText(str(t.overdue_count))
        self.captions[OVERDUE].setText(_("overdue"))
        self.numbers[DUE_SOON].setText(str(t.due_soon_count))
        self.captions[DUE_SOON].setText(_("due soon"))
        self.numbers[FOLLOW_UPS].setText(str(t.follow_up_count))
        self.captions[FOLLOW_UPS].setText(_("follow-up calls today"))
        for key, number in self.numbers.items():
            colour = SECTION_COLOURS[key] if counts[key] else FADED
            number.setStyleSheet(f"color: {colour};")
        s = self.sections
        s[OVERDUE].set_rows(_("Overdue"), t.overdue, t.overdue_count, _("Nothing is overdue."))
        s[DUE_SOON].set_rows(_("Due soon"), t.due_soon, t.due_soon_count, _("Nothing falls due soon."))
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
        if row is None:
            return
        self.sig_open_request.emit(row.id)
        if not has_receivers(self, "sig_open_request(int)"):
            self.open_detail(row.id)

    def open_detail(self, request_id: int) -> None:
        if self.detail is not None and self.detail.isVisible():
            self.detail.close()
        try:
            dialog = self._detail_factory(self._requests, self._actor, request_id, self)
        except DomainError as exc:
            show_error(self, _("Today"), exc)
            self.refresh()
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_changed.connect(self.refresh)
        dialog.finished.connect(self._detail_closed)
        self.detail = dialog
        dialog.open()
        dialog.activateWindow()

    def _detail_closed(self) -> None:
        self.detail = None
        self.focus_default()

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
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if time.monotonic() - self._loaded_at > RELOAD_AFTER_S:
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if any(watched is s.table for s in self.sections.values()):
                self.open_selected()
                return True
        return super().eventFilter(watched, event)
