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

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QSpinBox,
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
from ui.widgets.keys import shortcuts
from ui.widgets.list_page import EmptyHint, ListPage, hbox, setup_table, size_columns
from ui.widgets.opening import has_receivers, open_detail
from ui.widgets.windowed_model import ServiceRows

_ = Translator("lovebank")

RANKING_SIZE = 20
STAR_COLOUR = QColor(palette.GOLD)
R_RANK, R_NAME, R_TEAM, R_HOURS, R_POINTS, R_STARS = range(6)

TOPICS = (Topic.VOLUNTEERS, Topic.POINTS, Topic.SERVICE_HOURS, Topic.REDEMPTIONS)
"""What the page shows: the list (volunteers, balances, hours) and the ranking."""
RANKING_TOPICS = frozenset({Topic.VOLUNTEERS, Topic.SERVICE_HOURS, Topic.POINTS})

DetailFactory = Callable[..., QDialog]
"""Builds the volunteer dialog: ``(love_bank, actor, volunteer_id, parent, centre_name=..., hub=...)``."""


class VolunteersPage(ListPage[VolunteerRow]):
    """The 志愿者 page: the volunteers list and the 志愿之星 ranking.

    The list is a :class:`~ui.widgets.list_page.ListPage` on the first tab (its search
    box, table, count and keys); the ranking is the second tab.

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
        super().__init__(
            VolunteerTableModel(volunteer_columns()),
            parent,
            search_placeholder=_("Name, pinyin initials (zs) or phone"),
            search_tip=_("Search as you type (Ctrl+F); Esc clears"),
            count_sample="100,000 volunteers",
            error_title=_("Volunteers"),
        )
        self._hub = hub
        self._bank = love_bank
        self._residents = residents
        self._actor = actor
        self._detail_factory = detail_factory
        self._centre_name = centre_name
        self.can_manage = actor.can(Permission.MANAGE_LOVE_BANK)
        self._dialogs = DialogHost(self.table)
        self._details = DialogHost(self.table)  # a volunteer dialog this page opened itself
        self.setObjectName("volunteersPage")
        self._build()
        self.reload_teams()
        self._connect_callbacks()
        self.start()
        self.refresh_rankings()
        watch(hub, self, TOPICS, self.refresh)

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        self.search_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 24)
        self.team_combo = self.make_combo(_("Team"))
        self.team_combo.setMinimumContentsLength(8)
        self.register_button = self.make_button(
            _("Register volunteer"), _("Make a resident a volunteer (Ctrl+N)"), primary=True
        )
        self.team_button = self.make_button(_("New team"), _("Create a volunteer team (Ctrl+T)"))
        self.open_button = self.make_button(_("Open"), _("Open the selected volunteer (Enter)"))
        if not self.can_manage:  # hide() only: setVisible(True) on a parentless widget flashes a window
            self.register_button.hide()
            self.team_button.hide()
        hint = (
            _("Enter: open   Ctrl+N: register   Ctrl+F: search   Esc: clear search")
            if self.can_manage
            else _("Enter: open   Ctrl+F: search   Esc: clear search")
        )
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

        volunteers = QWidget()
        v = QVBoxLayout(volunteers)
        v.setContentsMargins(8, 8, 8, 8)
        v.setSpacing(8)
        v.addLayout(self.filter_bar(self.team_combo))
        v.addLayout(self.action_bar(self.register_button, self.team_button, self.open_button, hint=hint))
        v.addWidget(self.table, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(volunteers, _("Volunteers"))
        self.tabs.addTab(self._build_rankings(self.control_height), _("Volunteer stars"))

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
        bar = hbox(
            QLabel(_("Period")),
            self.period_combo,
            self.year_spin,
            self.month_combo,
            16,
            (self.ranking_title, 1),
        )
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
        self.team_combo.currentIndexChanged.connect(self.apply_filter)
        self.register_button.clicked.connect(self.register_volunteer)
        self.team_button.clicked.connect(self.new_team)
        self.open_button.clicked.connect(self.open_selected)
        self.period_combo.currentIndexChanged.connect(self.refresh_rankings)
        self.year_spin.valueChanged.connect(self.refresh_rankings)
        self.month_combo.currentIndexChanged.connect(self.refresh_rankings)
        self.rank_table.doubleClicked.connect(self.open_ranked)
        self.rank_table.installEventFilter(self)
        keys = [("F5", self.read_again)]  # Ctrl+F, Enter, Esc: the list page's
        if self.can_manage:
            keys += [("Ctrl+N", self.register_volunteer), ("Ctrl+T", self.new_team)]
        shortcuts(self, keys)

    def reload_teams(self) -> None:
        """(Re)load the team filter, keeping what is chosen."""
        chosen = self.team_combo.currentData()
        self.team_combo.blockSignals(True)
        self.team_combo.clear()
        self.team_combo.addItem(_("All teams"), None)
        for team in self._bank.teams():
            self.team_combo.addItem(team.name, team.id)
        self.team_combo.setCurrentIndex(max(self.team_combo.findData(chosen), 0) if chosen is not None else 0)
        self.team_combo.blockSignals(False)

    def set_centre_name(self, name: str) -> None:
        self._centre_name = name

    # --- the list --------------------------------------------------------------------
    def current_filter(self) -> VolunteerFilter:
        return VolunteerFilter(self.search_text(), self.team_combo.currentData())

    def new_source(self) -> ServiceRows[VolunteerRow]:
        return volunteer_rows(self._bank, self._actor, self.current_filter())

    def refresh(self, changes: Changes | None = None) -> None:
        """Read again what ``changes`` touched (everything when None), keeping the selected
        volunteer, the scroll position and whatever is typed in the search box."""
        if changes is None or Topic.VOLUNTEERS in changes.topics:
            self.reload_teams()
        row = self.selected_row()
        source = self.model_source() or self.new_source()
        with kept_scroll(self.table):
            self._run(source, row.id if row else None, self.table.currentIndex().row())
        if changes is None or changes.touches(RANKING_TOPICS):
            self.refresh_rankings()

    def read_again(self) -> None:
        """F5: read everything again."""
        self.refresh()

    def count_text(self, n: int) -> str:
        return _("1 volunteer") if n == 1 else _("{n} volunteers", n=f"{n:,}")

    def empty_text(self) -> str:
        shown = self.shown_filter()
        if shown.text:
            text = _("No volunteer matches “{text}”.", text=shown.text)
        elif shown.team_id is not None:
            text = _("No volunteer in this team.")
        else:
            text = _("No volunteers yet.")
        if self.can_manage:
            text += "\n" + _("Press Ctrl+N to register one.")
        return text

    def update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_row() is not None)

    def open_row(self, row: VolunteerRow) -> None:
        self.open_volunteer(row.id)

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
            self.show_error(exc)
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
        super().focus_search()

    def open_volunteer(self, volunteer_id: int) -> None:
        """Ask the window to open the volunteer, or open the dialog here if nobody listens."""
        if has_receivers(self, "sig_open_volunteer(int)"):
            self.sig_open_volunteer.emit(volunteer_id)
            return
        open_detail(
            self._details,
            self,
            lambda: self._detail_factory(
                self._bank, self._actor, volunteer_id, self, centre_name=self._centre_name, hub=self._hub
            ),
            error_title=_("Volunteers"),
            on_gone=self.refresh,
        )

    @property
    def detail(self) -> QDialog | None:
        """The volunteer dialog this page opened itself (nobody handled the signal), if open."""
        return self._details.current

    def register_volunteer(self) -> None:
        if not self.can_manage:
            return
        nobody = self.model.rowCount() == 0
        dialog = RegisterVolunteerDialog(
            self._bank,
            self._residents,
            self._actor,
            self,
            prefill=self.search_text() if nobody else "",
            team_id=self.team_combo.currentData(),
        )
        dialog.sig_saved.connect(self._registered)
        self._dialogs.open(dialog)

    def _registered(self, volunteer_id: int) -> None:
        """Select the new volunteer at once (the hub's refresh comes after and keeps it)."""
        self._run(self.model_source() or self.new_source(), volunteer_id)
        if not self.select_id(volunteer_id):
            # Not in the current search: show everyone, newest first, so it can be seen.
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
            self.team_combo.setCurrentIndex(0)
            self._run(self.new_source(), volunteer_id)

    def new_team(self) -> None:
        if not self.can_manage:
            return
        self._dialogs.open(TeamDialog(self._bank, self._actor, self))

    @property
    def dialog(self) -> QDialog | None:
        """The register / team dialog open on this page, if any."""
        return self._dialogs.current

    # --- keys ------------------------------------------------------------------------
    def table_escape(self) -> bool:
        """Esc in the table clears a search; with none it is left to the window."""
        return bool(self.search_edit.text()) and super().table_escape()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.rank_table
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_ranked()
            return True
        return super().eventFilter(watched, event)
