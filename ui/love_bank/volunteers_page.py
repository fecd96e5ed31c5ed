"""The volunteers page (志愿者): find, register, teams, and the 志愿之星 ranking.

One search box finds volunteers by name, pinyin initials (``zs`` → 张三) or phone, as the
user types; a team filter narrows the list. The table is a ``WindowedTableModel`` over
``LoveBankService.volunteers`` (see ``volunteer_model``): one count, then only the pages
on screen, so it opens as fast on 100,000 volunteers as on 10. Enter or a double-click
opens the volunteer: the page emits ``sig_open_volunteer`` and, when nobody listens,
opens the ``VolunteerDetailDialog`` itself.

The second tab, 志愿之星, ranks the top 20 volunteers of a month or a year by approved
service hours, with the points those hours earned; its columns say which period they
count, apart from the star level, which is lifetime (its tooltip gives the levels).

The page never goes stale: it watches the volunteers, points, service hours and
redemptions on the change hub and reads again what changed (at once when shown, else
when next shown), keeping the selected volunteer, the scroll position and the search box.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import SIGNAL, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.common.changes import Changes, Topic
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Permission
from desktop.love_bank.service import LoveBankService, VolunteerRow
from desktop.residents.service import ResidentService
from ui.love_bank.formatting import hours_with_unit, points_text, star_legend, star_name, star_text
from ui.love_bank.tables import CENTRE, RIGHT, item, kept_scroll
from ui.love_bank.volunteer_detail import VolunteerDetailDialog
from ui.love_bank.volunteer_dialogs import RegisterVolunteerDialog, TeamDialog
from ui.love_bank.volunteer_model import (
    COL_AVAILABLE,
    COL_FROZEN,
    COL_HOURS,
    COL_NAME,
    COL_PHONE,
    COL_STARS,
    COL_TEAM,
    VolunteerFilter,
    VolunteerTableModel,
    volunteer_columns,
    volunteer_rows,
)
from ui.widgets import palette
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.forms import DialogHost
from ui.widgets.i18n import Translator
from ui.widgets.list_page import SEARCH_DELAY_MS, EmptyHint, setup_table, size_columns
from ui.widgets.messages import show_error
from ui.widgets.windowed_model import ServiceRows

_ = Translator("lovebank")

RANKING_SIZE = 20
STAR_COLOUR = QColor(palette.GOLD)
R_RANK, R_NAME, R_TEAM, R_HOURS, R_POINTS, R_STARS = range(6)

TOPICS = (Topic.VOLUNTEERS, Topic.POINTS, Topic.SERVICE_HOURS, Topic.REDEMPTIONS)
"""What the page shows: the list (volunteers, balances, hours) and the ranking."""
RANKING_TOPICS = frozenset({Topic.VOLUNTEERS, Topic.SERVICE_HOURS, Topic.POINTS})

DetailFactory = Callable[..., QWidget]
"""Builds the volunteer dialog: ``(love_bank, actor, volunteer_id, parent, centre_name=..., hub=...)``."""


def has_receivers(obj: QObject, signature: str) -> bool:
    """Whether anything listens to ``signature`` (the main window opens volunteers itself)."""
    return obj.receivers(SIGNAL(signature)) > 0


class VolunteersPage(QWidget):
    """The 志愿者 page: the volunteers list and the 志愿之星 ranking.

    Args:
        love_bank: the love-bank service.
        residents: the residents register (to find the resident who becomes a volunteer).
        actor: the logged-in user; a role without ``MANAGE_LOVE_BANK`` sees no buttons
            that change anything.
        parent: the owning widget.
        detail_factory: builds the volunteer dialog when nobody handles
            ``sig_open_volunteer`` (tests pass their own).
        centre_name: printed on the statements of the volunteer dialogs opened here.
        hub: the change hub; the page reads again what changed (none: it never does).

    Signals:
        sig_open_volunteer(int): the user opened a volunteer (Enter / double-click).

    Shortcuts: Ctrl+F search box, Ctrl+N register a volunteer, Ctrl+T new team, F5 refresh,
    Enter / double-click open, Esc clears the search, Enter or ↓ in the search box goes to
    the table.
    """

    sig_open_volunteer = Signal(int)
    """The user asked to open a volunteer; carries its id."""

    def __init__(
        self,
        love_bank: LoveBankService,
        residents: ResidentService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        detail_factory: DetailFactory = VolunteerDetailDialog,
        centre_name: str = "",
        hub: ChangeHub | None = None,
    ):
        super().__init__(parent)
        self._hub = hub
        self._bank = love_bank
        self._residents = residents
        self._actor = actor
        self._detail_factory = detail_factory
        self._centre_name = centre_name
        self.can_manage = actor.can(Permission.MANAGE_LOVE_BANK)
        self._source: ServiceRows[VolunteerRow] | None = None
        self._dialogs = DialogHost()
        self.detail: QWidget | None = None  # a volunteer dialog this page opened itself
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self.setObjectName("volunteersPage")
        self.model = VolunteerTableModel(volunteer_columns())
        self._build()
        self.reload_teams()
        self._connect_callbacks()
        self._run(self._new_source())
        self.refresh_rankings()
        watch(hub, self, TOPICS, self.refresh)

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        fm = self.fontMetrics()
        height = fm.height() * 2 + 8

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_("Name, pinyin initials (zs) or phone"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setToolTip(_("Search as you type (Ctrl+F); Esc clears"))
        self.search_edit.setMinimumWidth(fm.horizontalAdvance("M") * 24)
        self.search_edit.setMinimumHeight(height - 4)
        self.team_combo = QComboBox()
        self.team_combo.setToolTip(_("Team"))
        self.team_combo.setMaxVisibleItems(20)
        self.team_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.team_combo.setMinimumContentsLength(8)
        self.team_combo.setMinimumHeight(height - 4)
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(fm.horizontalAdvance("100,000 volunteers") + 8)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.team_combo)
        filters.addWidget(self.count_label)

        def button(text: str, tip: str) -> QPushButton:
            b = QPushButton(text)
            b.setToolTip(tip)
            b.setMinimumHeight(height)
            b.setMinimumWidth(fm.horizontalAdvance("M") * 8)
            b.setAutoDefault(False)
            return b

        self.register_button = button(_("Register volunteer"), _("Make a resident a volunteer (Ctrl+N)"))
        self.register_button.setObjectName("primary")
        self.team_button = button(_("New team"), _("Create a volunteer team (Ctrl+T)"))
        self.open_button = button(_("Open"), _("Open the selected volunteer (Enter)"))
        if not self.can_manage:  # hide() only: setVisible(True) on a parentless widget flashes a window
            self.register_button.hide()
            self.team_button.hide()
        hint = (
            _("Enter: open   Ctrl+N: register   Ctrl+F: search   Esc: clear search")
            if self.can_manage
            else _("Enter: open   Ctrl+F: search   Esc: clear search")
        )
        self.hint_label = QLabel(hint)
        self.hint_label.setObjectName("hint")
        actions = QHBoxLayout()
        actions.setSpacing(8)
        for b in (self.register_button, self.team_button, self.open_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.hint_label)

        self.table = QTableView()
        self._dialogs.focus_on(self.table)
        self.table.setModel(self.model)
        setup_table(self.table)
        size_columns(
            self.table,
            {
                COL_NAME: _("{name} (inactive)", name="欧阳秀英"),
                COL_PHONE: "138****5678",
                COL_TEAM: "幸福社区助老服务队",
                COL_AVAILABLE: "100,000",
                COL_FROZEN: "10,000",
                COL_HOURS: _("{hours} hours", hours="1,500.5"),
                COL_STARS: "★★★★★",
            },
            [c.header for c in self.model.columns()],
        )
        self.empty_hint = EmptyHint(self.table)

        volunteers = QWidget()
        v = QVBoxLayout(volunteers)
        v.setContentsMargins(8, 8, 8, 8)
        v.setSpacing(8)
        v.addLayout(filters)
        v.addLayout(actions)
        v.addWidget(self.table, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(volunteers, _("Volunteers"))
        self.tabs.addTab(self._build_rankings(height), _("Volunteer stars"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        layout.addWidget(self.tabs, 1)

    def _build_rankings(self, height: int) -> QWidget:
        today = dt.date.today()
        self.period_combo = QComboBox()
        self.period_combo.addItem(_("Month"), "month")
        self.period_combo.addItem(_("Whole year"), "year")
        self.period_combo.setMinimumHeight(height - 4)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(today.year)
        self.year_spin.setMinimumHeight(height - 4)
        self.year_spin.setMinimumWidth(self.fontMetrics().horizontalAdvance("2026") + 44)
        self.month_combo = QComboBox()
        for m in range(1, 13):
            self.month_combo.addItem(_("Month {n}", n=m), m)
        self.month_combo.setCurrentIndex(today.month - 1)
        self.month_combo.setMinimumHeight(height - 4)
        self.ranking_title = QLabel()
        self.ranking_title.setObjectName("sectionTitle")
        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(QLabel(_("Period")))
        bar.addWidget(self.period_combo)
        bar.addWidget(self.year_spin)
        bar.addWidget(self.month_combo)
        bar.addSpacing(16)
        bar.addWidget(self.ranking_title, 1)
        self.rank_table = QTableWidget(0, 6)
        headers = [
            _("Rank"),
            _("Name"),
            _("Team"),
            _("Hours this month"),
            _("Points this month"),
            _("Star level (all hours)"),
        ]
        self.rank_table.setHorizontalHeaderLabels(headers)
        self.rank_header(R_STARS).setToolTip(star_legend())
        setup_table(self.rank_table)
        self.rank_table.verticalHeader().hide()
        size_columns(
            self.rank_table,
            {
                R_RANK: "20",
                R_NAME: "欧阳秀英",
                R_TEAM: "幸福社区助老服务队",
                R_HOURS: _("{hours} hours", hours="1,000.5"),
                R_POINTS: "100,000",
                R_STARS: "★★★★★",
            },
            headers,
        )
        self.rank_empty = EmptyHint(self.rank_table)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.rank_table, 1)
        return page

    def _connect_callbacks(self) -> None:
        self.search_edit.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self.apply_filter)
        self.team_combo.currentIndexChanged.connect(self.apply_filter)
        self.table.doubleClicked.connect(self.open_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._after_reset)
        self.register_button.clicked.connect(self.register_volunteer)
        self.team_button.clicked.connect(self.new_team)
        self.open_button.clicked.connect(self.open_selected)
        self.period_combo.currentIndexChanged.connect(self.refresh_rankings)
        self.year_spin.valueChanged.connect(self.refresh_rankings)
        self.month_combo.currentIndexChanged.connect(self.refresh_rankings)
        self.rank_table.doubleClicked.connect(self.open_ranked)
        self.search_edit.installEventFilter(self)
        self.table.installEventFilter(self)
        self.rank_table.installEventFilter(self)
        shortcuts = [("Ctrl+F", self.focus_search), ("F5", self.read_again)]
        if self.can_manage:
            shortcuts += [("Ctrl+N", self.register_volunteer), ("Ctrl+T", self.new_team)]
        for keys, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def reload_teams(self) -> None:
        """(Re)load the team filter, keeping what is chosen."""
        chosen = self.team_combo.currentData()
        self.team_combo.blockSignals(True)
        self.team_combo.clear()
        self.team_combo.addItem(_("All teams"), None)
        for tid, name in self._bank.teams():
            self.team_combo.addItem(name, tid)
        self.team_combo.setCurrentIndex(max(self.team_combo.findData(chosen), 0) if chosen is not None else 0)
        self.team_combo.blockSignals(False)

    def set_centre_name(self, name: str) -> None:
        self._centre_name = name

    # --- searching -------------------------------------------------------------------
    def _new_source(self) -> ServiceRows[VolunteerRow]:
        f = VolunteerFilter(self.search_edit.text().strip(), self.team_combo.currentData())
        return volunteer_rows(self._bank, self._actor, f)

    def apply_filter(self) -> None:
        self._search_timer.stop()
        source = self._new_source()
        if self._source is not None and self._source.filter == source.filter:
            return
        self._run(source)

    def _run(self, source: ServiceRows[VolunteerRow], keep_id: int | None = None, keep_row: int = -1) -> None:
        self._source = source
        try:
            source.prepare()
        except DomainError as exc:
            self.model.set_source(None)
            self._show_error(exc)
            return
        self.model.set_source(source)
        if keep_id is not None:
            self.select_volunteer(keep_id, keep_row)

    def refresh(self, changes: Changes | None = None) -> None:
        """Read again what ``changes`` touched (everything when None), keeping the selected
        volunteer, the scroll position and whatever is typed in the search box."""
        if changes is None or Topic.VOLUNTEERS in changes.topics:
            self.reload_teams()
        row = self.selected_row()
        source = self._source if self._source is not None else self._new_source()
        with kept_scroll(self.table):
            self._run(source, row.id if row else None, self.table.currentIndex().row())
        if changes is None or changes.touches(RANKING_TOPICS):
            self.refresh_rankings()

    def read_again(self) -> None:
        """F5: read everything again."""
        self.refresh()

    def _after_reset(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(_("1 volunteer") if n == 1 else _("{n} volunteers", n=f"{n:,}"))
        if n:
            self.empty_hint.show_text(None)
        else:
            shown = self._source.filter if self._source is not None else None
            if shown is not None and shown.text:
                text = _("No volunteer matches “{text}”.", text=shown.text)
            elif shown is not None and shown.team_id is not None:
                text = _("No volunteer in this team.")
            else:
                text = _("No volunteers yet.")
            if self.can_manage:
                text += "\n" + _("Press Ctrl+N to register one.")
            self.empty_hint.show_text(text)
        self._update_buttons()

    # --- selection -------------------------------------------------------------------
    def selected_row(self) -> VolunteerRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index.row())

    def select_volunteer(self, volunteer_id: int, near_row: int = -1) -> bool:
        found = self.model.find_row(volunteer_id, near_row)
        if found is not None:
            self.select_row(found)
            return True
        if near_row >= 0 and self.model.rowCount():
            self.select_row(min(near_row, self.model.rowCount() - 1))
        return False

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        self.table.scrollTo(index)

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_row() is not None)

    # --- rankings --------------------------------------------------------------------
    def ranking_period(self) -> tuple[int, int | None]:
        month = self.month_combo.currentData() if self.period_combo.currentData() == "month" else None
        return self.year_spin.value(), month

    def refresh_rankings(self) -> None:
        """Read the ranking of the chosen period, keeping the selected volunteer."""
        year, month = self.ranking_period()
        self.month_combo.setVisible(month is not None)
        if month is None:
            self.ranking_title.setText(_("Top {n} of {year} by approved hours", n=RANKING_SIZE, year=year))
            hours, points = _("Hours this year"), _("Points this year")
        else:
            self.ranking_title.setText(
                _("Top {n} of {year}-{month:02d} by approved hours", n=RANKING_SIZE, year=year, month=month)
            )
            hours, points = _("Hours this month"), _("Points this month")
        self.rank_header(R_HOURS).setText(hours)
        self.rank_header(R_POINTS).setText(points)
        keep = self.ranked_volunteer()
        try:
            rows = self._bank.rankings(self._actor, year, month, limit=RANKING_SIZE)
        except DomainError as exc:
            self._show_error(exc)
            rows = []
        with kept_scroll(self.rank_table):
            self._fill_rankings(rows, keep)
        self.rank_empty.show_text(None if rows else _("No approved service hours in this period."))

    def _fill_rankings(self, rows: list, keep: int | None) -> None:
        self.rank_table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            try:
                stars = self._bank.volunteer(self._actor, r.volunteer_id).stars  # all their hours
            except DomainError:
                stars = 0
            cells = [
                item(i + 1, CENTRE, r.volunteer_id),
                item(r.name),
                item(r.team),
                item(hours_with_unit(r.minutes), RIGHT),
                item(points_text(r.points), RIGHT),
                item(star_text(stars), CENTRE),
            ]
            if stars:
                cells[R_STARS].setForeground(STAR_COLOUR)
            cells[R_STARS].setToolTip(star_name(stars) + "\n\n" + star_legend())
            for column, cell in enumerate(cells):
                self.rank_table.setItem(i, column, cell)
            if r.volunteer_id == keep:
                self.rank_table.selectRow(i)

    def rank_header(self, column: int) -> QTableWidgetItem:
        header = self.rank_table.horizontalHeaderItem(column)
        assert header is not None  # set with the labels when the table was made
        return header

    def ranked_volunteer(self) -> int | None:
        rows = self.rank_table.selectionModel().selectedRows()
        cell = self.rank_table.item(rows[0].row(), R_RANK) if rows else None
        return cell.data(Qt.ItemDataRole.UserRole) if cell is not None else None

    def open_ranked(self) -> None:
        volunteer_id = self.ranked_volunteer()
        if volunteer_id is not None:
            self.open_volunteer(volunteer_id)

    # --- actions ---------------------------------------------------------------------
    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def clear_search(self) -> None:
        self.search_edit.clear()
        self.apply_filter()
        self.search_edit.setFocus()

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_volunteer(row.id)

    def open_volunteer(self, volunteer_id: int) -> None:
        """Ask the window to open the volunteer, or open the dialog here if nobody listens."""
        if has_receivers(self, "sig_open_volunteer(int)"):
            self.sig_open_volunteer.emit(volunteer_id)
            return
        if self.detail is not None and self.detail.isVisible():
            self.detail.close()
        try:
            dialog = self._detail_factory(
                self._bank, self._actor, volunteer_id, self, centre_name=self._centre_name, hub=self._hub
            )
        except DomainError as exc:
            self._show_error(exc)
            self.refresh()
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._detail_closed)
        self.detail = dialog
        dialog.open()

    def _detail_closed(self) -> None:
        self.detail = None
        self.table.setFocus()

    def register_volunteer(self) -> None:
        if not self.can_manage:
            return
        nobody = self.model.rowCount() == 0
        dialog = RegisterVolunteerDialog(
            self._bank,
            self._residents,
            self._actor,
            self,
            prefill=self.search_edit.text().strip() if nobody else "",
            team_id=self.team_combo.currentData(),
        )
        dialog.sig_saved.connect(self._registered)
        self._dialogs.open(dialog)

    def _registered(self, volunteer_id: int) -> None:
        """Select the new volunteer at once (the hub's refresh comes after and keeps it)."""
        self._run(self._source if self._source is not None else self._new_source(), volunteer_id)
        if not self.select_volunteer(volunteer_id):
            # Not in the current search: show everyone, newest first, so it can be seen.
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
            self.team_combo.setCurrentIndex(0)
            self._run(self._new_source(), volunteer_id)

    def new_team(self) -> None:
        if not self.can_manage:
            return
        self._dialogs.open(TeamDialog(self._bank, self._actor, self))

    @property
    def dialog(self) -> QDialog | None:
        """The register / team dialog open on this page, if any."""
        return self._dialogs.current

    def _show_error(self, exc: DomainError) -> None:
        show_error(self, _("Volunteers"), exc)

    # --- keys ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if watched is self.search_edit:
                if key == Qt.Key.Key_Escape and self.search_edit.text():
                    self.clear_search()
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                    self.apply_filter()
                    if self.model.rowCount():
                        self.table.setFocus()
                        if self.selected_row() is None:
                            self.select_row(0)
                    return True
            elif watched is self.table:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.open_selected()
                    return True
                if key == Qt.Key.Key_Escape and self.search_edit.text():
                    self.clear_search()
                    return True
            elif watched is self.rank_table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_ranked()
                return True
        return super().eventFilter(watched, event)
