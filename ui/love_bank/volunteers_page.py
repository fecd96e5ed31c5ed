"""The volunteers page (志愿者): find, register, teams, and the 志愿之星 ranking.

One search box finds volunteers by name, pinyin initials (``zs`` → 张三) or phone, as the
user types; a team filter narrows the list. The table is a ``WindowedTableModel`` over
``LoveBankService.volunteers``: one count, then only the pages on screen, so it opens as
fast on 100,000 volunteers as on 10. Enter or a double-click opens the volunteer: the
page emits ``sig_open_volunteer`` and, when nobody listens, opens the
``VolunteerDetailDialog`` itself.

The second tab, 志愿之星, ranks the top 20 volunteers of a month or a year by approved
service hours, with the points those hours earned.

This module also holds the small pieces the other love-bank screens share: the star
texts, hours parsing and formatting, and ``FinderEdit`` (a search box with a floating
list of matches, the reception page's way of finding a person in one box).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import (
    SIGNAL,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import Actor, Permission
from desktop.love_bank.service import LoveBankService, VolunteerRow, next_star
from desktop.residents.service import ResidentFilter, ResidentService
from ui.widgets.forms import DialogHost, FormDialog
from ui.widgets.i18n import Translator, error_text
from ui.widgets.match_popup import MatchPopup
from ui.widgets.windowed_model import Column, RowSource, WindowedTableModel

_ = Translator("lovebank")

SEARCH_DELAY_MS = 200
MATCH_ROWS = 8  # rows of a finder's floating list
RANKING_SIZE = 20
INACTIVE_COLOUR = QColor("#8a8a8a")
MAX_STARS = 5


# --- shared texts ------------------------------------------------------------------------
def star_text(stars: int) -> str:
    """Filled and hollow stars, e.g. ★★☆☆☆ for two stars."""
    stars = max(0, min(MAX_STARS, stars))
    return "★" * stars + "☆" * (MAX_STARS - stars)


def star_name(stars: int) -> str:
    """The level's name: 一星 … 五星 in Chinese."""
    names = {
        0: _("No star yet"),
        1: _("One star"),
        2: _("Two stars"),
        3: _("Three stars"),
        4: _("Four stars"),
        5: _("Five stars"),
    }
    return names.get(stars, names[0])


def star_progress(minutes: int) -> str:
    """What is left to the next level: 再服务 36 小时升三星."""
    following = next_star(minutes)
    if following is None:
        return _("Highest level reached")
    stars, hours = following
    return _("{hours} more hours to {level}", hours=hours_text(round(hours * 60)), level=star_name(stars))


def hours_text(minutes: int) -> str:
    """Minutes as hours for the screen: 150 → 2.5, 60 → 1, 20 → 0.33."""
    return f"{round(minutes / 60, 2):g}"


def points_text(points: int) -> str:
    return f"{points:,}"


def signed(points: int) -> str:
    return f"{points:+,}" if points else "0"


def parse_hours(text: str) -> int:
    """Hours typed as a number (2, 2.5, full-width ２.５) → whole minutes.

    Raises ``DomainError`` with a translated message: not a number, not above zero,
    more than 24 hours.
    """
    value = unicodedata.normalize("NFKC", text or "").strip().replace("。", ".")
    if value.lower().endswith("h"):
        value = value[:-1].strip()
    try:
        hours = Decimal(value)
    except InvalidOperation:
        hours = None
    if hours is None or not hours.is_finite():
        raise DomainError(_("Enter the hours as a number, e.g. 2.5."))
    minutes = int((hours * 60).to_integral_value())
    if minutes <= 0:
        raise DomainError(_("Hours must be more than zero."))
    if minutes > 24 * 60:
        raise DomainError(_("At most 24 hours in a day."))
    return minutes


def shown_error(text: str) -> DomainError:
    """An error whose text the screen has already translated (for ``FieldErrors``)."""
    return DomainError(text)


def has_receivers(obj: QObject, signature: str) -> bool:
    return obj.receivers(SIGNAL(signature)) > 0


def format_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def setup_table(table: QTableView, *, multi: bool = False) -> None:
    """The look of every love-bank table: whole rows, fixed heights, no editing."""
    fm = table.fontMetrics()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setTabKeyNavigation(False)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(fm.height() + 14)
    rows.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setMinimumHeight(fm.height() + 14)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)


def size_columns(table: QTableView, samples: dict[int, str], headers: Sequence[str]) -> None:
    """Column widths from the font and a sample text, never from the rows."""
    fm = table.fontMetrics()
    header_fm = table.horizontalHeader().fontMetrics()
    for column, sample in samples.items():
        title = headers[column] if column < len(headers) else ""
        width = max(fm.horizontalAdvance(sample) + 20, header_fm.horizontalAdvance(title) + 22)
        table.horizontalHeader().resizeSection(column, width)


def item(text: object, align: Qt.AlignmentFlag | None = None, data: Any = None) -> QTableWidgetItem:
    """A read-only cell of a ``QTableWidget``."""
    cell = QTableWidgetItem("" if text is None else str(text))
    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if align is not None:
        cell.setTextAlignment(align)
    if data is not None:
        cell.setData(Qt.ItemDataRole.UserRole, data)
    return cell


RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter

STYLE = """
QPushButton#primary:disabled { background: #f5f7fa; color: #9aa5b1; border-color: #d9e2ec; }
#matchPopup { background: white; border: 1px solid #2680c2; }
#matchPopup QTreeWidget { border: none; }
#matchPopup QTreeWidget::item { padding: 3px 2px; }
#sectionTitle { font-size: 11pt; font-weight: bold; color: #102a43; }
#savedBar { background: #e3f9e5; border: 1px solid #57ae5b; border-radius: 4px; padding: 6px 10px; }
"""
"""Shared by the love-bank pages and dialogs (a disabled primary button must look disabled)."""


def top_aligned(dialog: FormDialog) -> None:
    """Keep a form dialog's fields at the top when it is taller than they need."""
    layout = dialog.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertStretch(layout.count() - 1, 1)


class EmptyHint(QLabel):
    """A grey centred message over an empty table's viewport ("No volunteers yet.")."""

    def __init__(self, table: QTableView):
        super().__init__(table.viewport())
        self._table = table
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setObjectName("emptyState")
        self.hide()
        table.viewport().installEventFilter(self)

    def show_text(self, text: str | None) -> None:
        if not text:
            self.hide()
            return
        self.setText(text)
        self._place()
        self.show()

    def _place(self) -> None:
        self.setGeometry(self._table.viewport().rect().adjusted(20, 20, -20, -20))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False


# --- finding a person in one box ---------------------------------------------------------
Lookup = Callable[[str], tuple[Sequence[tuple[Sequence[str], Any]], int]]
"""``text → (rows of (texts per column, data), total matches)``."""


class FinderEdit(QLineEdit):
    """A search box with a floating list of matches: type, ↓/↑ choose, Enter picks.

    Args:
        lookup: runs the search (see ``Lookup``); may raise ``DomainError``.
        host: the widget the list floats over (the dialog or page).
        columns: how many texts each row has; ``widths`` sizes all but the last.
        empty_text: shown in the list when nothing matches.

    Signals:
        sig_picked(object): a row was picked (Enter or click); carries its data.
        sig_enter(): Enter with nothing to pick (e.g. on a name already picked).
    """

    sig_picked = Signal(object)
    sig_enter = Signal()

    def __init__(
        self,
        lookup: Lookup,
        host: QWidget,
        *,
        columns: int = 1,
        widths: Sequence[int] = (),
        min_width: int = 0,
        placeholder: str = "",
        empty_text: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._lookup = lookup
        self.empty_text = empty_text or _("Nothing found.")
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._searched: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.popup = MatchPopup(
            self, host, columns=columns, rows=MATCH_ROWS, min_width=min_width, before_keys=self._flush
        )
        if widths:
            self.popup.set_column_widths(widths)
        self.popup.sig_picked.connect(self._picked)
        self.popup.sig_enter.connect(self.sig_enter)
        self.popup.sig_open.connect(self._open)
        self.textEdited.connect(self._edited)
        self.error = ""

    def _edited(self, text: str) -> None:
        self._searched = None
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()
            self.popup.hide()

    def _flush(self) -> bool:
        """Run a search still waiting for its timer (↓ or Enter came first); True if it ran."""
        text = self.text().strip()
        if text and (self._timer.isActive() or self._searched is None and self.isModified()):
            self.search_now()
            return True
        return False

    def _open(self) -> None:
        if self.text().strip():
            self.search_now()

    def search_now(self) -> None:
        """Search for what is in the box and show the matches under it."""
        self._timer.stop()
        text = self.text().strip()
        if not text:
            self.popup.hide()
            return
        self._searched = text
        try:
            rows, total = self._lookup(text)
        except DomainError as exc:
            self.popup.set_rows([], empty=error_text(exc))
            self.popup.open_popup()
            return
        footer = ""
        if total > len(rows):
            footer = _("{shown} of {n} shown; type more to narrow down", shown=len(rows), n=f"{total:,}")
        self.popup.set_rows(list(rows), footer=footer, empty=self.empty_text)
        self.popup.open_popup()

    def pick_current(self) -> bool:
        """Pick the highlighted match (what Enter does); False when there is none."""
        data = self.popup.current_data() if self.popup.isVisible() else None
        if data is None:
            return False
        self.popup.hide()
        self._picked(data, True)
        return True

    def _picked(self, data: Any, _advance: bool) -> None:
        self._searched = None
        self.setModified(False)
        self.sig_picked.emit(data)

    def reset(self) -> None:
        self._timer.stop()
        self.popup.hide()
        self.clear()
        self._searched = None


def volunteer_finder(
    love_bank: LoveBankService, actor: Actor, host: QWidget, *, placeholder: str = ""
) -> FinderEdit:
    """A ``FinderEdit`` over the volunteers; picks a ``VolunteerRow``."""

    def lookup(text: str) -> tuple[list[tuple[Sequence[str], Any]], int]:
        rows = love_bank.volunteers(actor, text=text, limit=MATCH_ROWS)
        total = len(rows)
        if total == MATCH_ROWS:
            total = love_bank.count_volunteers(actor, text=text)
        shown = [
            (
                (
                    r.name if r.is_active else _("{name} (inactive)", name=r.name),
                    r.phone or "—",
                    r.team or "—",
                    _("{n} points", n=points_text(r.available)),
                ),
                r,
            )
            for r in rows
        ]
        return shown, total

    fm = host.fontMetrics()
    return FinderEdit(
        lookup,
        host,
        columns=4,
        widths=[
            fm.horizontalAdvance("欧阳秀英（停用）") + 24,
            fm.horizontalAdvance("138****5678") + 24,
            fm.horizontalAdvance("幸福社区助老服务队") + 24,
        ],
        min_width=fm.horizontalAdvance("M") * 46,
        placeholder=placeholder or _("Volunteer: name, pinyin initials (zs) or phone"),
        empty_text=_("No volunteer found."),
    )


def resident_finder(residents: ResidentService, actor: Actor, host: QWidget) -> FinderEdit:
    """A ``FinderEdit`` over the residents register (archived ones marked); picks an id."""

    def lookup(text: str) -> tuple[list[tuple[Sequence[str], Any]], int]:
        result = residents.search(actor, ResidentFilter(text=text, include_archived=True))
        rows = result.page(0, MATCH_ROWS)
        shown = [
            (
                (
                    _("{name} (archived)", name=r.name) if r.archived else r.name,
                    r.phone or "—",
                    r.id_number or "—",
                    r.address,
                ),
                r.id,
            )
            for r in rows
        ]
        return shown, result.count

    fm = host.fontMetrics()
    return FinderEdit(
        lookup,
        host,
        columns=4,
        widths=[
            fm.horizontalAdvance("欧阳秀英（已归档）") + 24,
            fm.horizontalAdvance("0533-****5678") + 24,
            fm.horizontalAdvance("110105********0021") + 24,
        ],
        min_width=fm.horizontalAdvance("M") * 60,
        placeholder=_("Resident: name, pinyin initials (zs), phone, ID number or address"),
        empty_text=_("No resident found."),
    )


# --- dialogs -----------------------------------------------------------------------------
class RegisterVolunteerDialog(FormDialog):
    """Make a resident of the register a volunteer: find them in one box, choose the team.

    Signals:
        sig_saved(int): the volunteer was registered; carries the new volunteer's id.
    """

    sig_saved = Signal(int)

    def __init__(
        self,
        love_bank: LoveBankService,
        residents: ResidentService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        prefill: str = "",
        team_id: int | None = None,
    ):
        super().__init__(
            _("Register volunteer"),
            parent,
            save_text=_("Register"),
            intro=_(
                "Volunteers are residents of the register. Find the resident (type, then Enter), "
                "choose the team and press Ctrl+S."
            ),
        )
        self._bank, self._residents, self._actor = love_bank, residents, actor
        self.setStyleSheet(STYLE)
        top_aligned(self)
        self.resident_id: int | None = None
        self.saved_id: int | None = None
        self.setMinimumSize(self.fontMetrics().horizontalAdvance("M") * 64, 420)
        self.finder = resident_finder(residents, actor, self)
        self.add("resident", _("Resident *"), self.finder)
        self.chosen_label = QLabel(_("No resident chosen yet."))
        self.chosen_label.setObjectName("hint")
        self.chosen_label.setWordWrap(True)
        self.form.addRow("", self.chosen_label)
        self.team_combo = QComboBox()
        self.team_combo.addItem(_("No team"), None)
        for tid, name in love_bank.teams():
            self.team_combo.addItem(name, tid)
        if team_id is not None:
            self.team_combo.setCurrentIndex(max(self.team_combo.findData(team_id), 0))
        self.add("team", _("Team"), self.team_combo)
        self.finder.sig_picked.connect(self.choose_resident)
        self.finder.sig_enter.connect(self._enter_on_finder)
        self.finder.textEdited.connect(self._typed)
        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._submit)
        if prefill:
            self.finder.setText(prefill)
            QTimer.singleShot(0, self.finder.search_now)
        self.finder.setFocus()

    def _typed(self, _text: str) -> None:
        if self.resident_id is not None:
            self.resident_id = None
            self.chosen_label.setText(_("No resident chosen yet."))

    def _enter_on_finder(self) -> None:
        if self.resident_id is not None:
            self.team_combo.setFocus()

    def choose_resident(self, resident_id: int) -> bool:
        try:
            d = self._residents.get(self._actor, resident_id)
        except DomainError as exc:
            self.boxes["resident"].set_error(error_text(exc))
            return False
        self.resident_id = d.id
        self.finder.setText(d.name)
        facts = [d.gender, d.phone_masked, d.address]
        text = " · ".join(f for f in facts if f)
        if d.archived:
            text = _("{name} (archived)", name=d.name) + ("  " + text if text else "")
        self.chosen_label.setText(text or d.name)
        self.boxes["resident"].set_error(None)
        self.team_combo.setFocus()
        return True

    def save(self) -> None:
        if self.resident_id is None:
            raise FieldErrors(
                {"resident": shown_error(_("Find the resident first: type a name or phone and press Enter."))}
            )
        self.saved_id = self._bank.register_volunteer(
            self._actor, self.resident_id, self.team_combo.currentData()
        )
        self.sig_saved.emit(self.saved_id)


class TeamDialog(FormDialog):
    """A new volunteer team (志愿服务队): its name and leader.

    Signals:
        sig_saved(int): the team was created; carries its id.
    """

    sig_saved = Signal(int)

    def __init__(self, love_bank: LoveBankService, actor: Actor, parent: QWidget | None = None):
        super().__init__(_("New team"), parent, save_text=_("Create team"))
        self._bank, self._actor = love_bank, actor
        self.saved_id: int | None = None
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(32)
        self.name_edit.setPlaceholderText(_("e.g. 幸福社区助老服务队"))
        self.leader_edit = QLineEdit()
        self.leader_edit.setMaxLength(64)
        self.add("name", _("Team name *"), self.name_edit)
        self.add("leader", _("Leader"), self.leader_edit)
        self.name_edit.setFocus()

    def save(self) -> None:
        self.saved_id = self._bank.add_team(self._actor, self.name_edit.text(), self.leader_edit.text())
        self.sig_saved.emit(self.saved_id)


# --- the volunteers table ----------------------------------------------------------------
class VolunteerSource(RowSource[VolunteerRow]):
    """The rows of one search: counted once, then read page by page."""

    def __init__(self, love_bank: LoveBankService, actor: Actor, text: str, team_id: int | None):
        self.love_bank, self.actor = love_bank, actor
        self.text, self.team_id = text, team_id
        self._count: int | None = None

    def key(self) -> tuple[str, int | None]:
        return self.text, self.team_id

    def prepare(self) -> None:
        """Count now, where an error can still be shown (the model must not fail mid-reset)."""
        self._count = self.love_bank.count_volunteers(self.actor, self.text, self.team_id)

    def count(self) -> int:
        if self._count is None:
            self.prepare()
        assert self._count is not None
        return self._count

    def page(self, offset: int, limit: int) -> Sequence[VolunteerRow]:
        return self.love_bank.volunteers(self.actor, self.text, self.team_id, offset, limit)


COL_NAME, COL_PHONE, COL_TEAM, COL_AVAILABLE, COL_FROZEN, COL_HOURS, COL_STARS = range(7)


def volunteer_columns() -> list[Column[VolunteerRow]]:
    return [
        Column(_("Name"), lambda r: r.name if r.is_active else _("{name} (inactive)", name=r.name)),
        Column(_("Phone"), lambda r: r.phone),
        Column(_("Team"), lambda r: r.team),
        Column(_("Points available"), lambda r: points_text(r.available), align=RIGHT),
        Column(_("Frozen"), lambda r: points_text(r.frozen) if r.frozen else "", align=RIGHT),
        Column(_("Approved hours"), lambda r: f"{r.hours:g}", align=RIGHT),
        Column(_("Star level"), lambda r: star_text(r.stars), align=CENTRE),
    ]


class VolunteerTableModel(WindowedTableModel[VolunteerRow]):
    """The windowed model, plus inactive volunteers in grey and star names as tooltips."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_at(index.row())
            if row is not None and not row.is_active:
                return INACTIVE_COLOUR
            if row is not None and index.column() == COL_STARS and row.stars:
                return QColor("#d69e00")
            return None
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole:
            row = self.row_at(index.row())
            if row is None:
                return None
            if index.column() == COL_STARS:
                return f"{star_name(row.stars)} — {star_progress(round(row.hours * 60))}"
            if index.column() in (COL_NAME, COL_TEAM):
                return super().data(index, Qt.ItemDataRole.DisplayRole) or None
            return None
        return super().data(index, role)


# --- the page ----------------------------------------------------------------------------
DetailFactory = Callable[..., QWidget]
"""Builds the volunteer dialog: ``(love_bank, actor, volunteer_id, parent, centre_name=...)``."""


def default_detail_factory(
    love_bank: LoveBankService, actor: Actor, volunteer_id: int, parent: QWidget, *, centre_name: str = ""
) -> QWidget:
    from ui.love_bank.volunteer_detail import VolunteerDetailDialog

    return VolunteerDetailDialog(love_bank, actor, volunteer_id, parent, centre_name=centre_name)


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

    Signals:
        sig_open_volunteer(int): the user opened a volunteer (Enter / double-click).
        sig_changed(int): a volunteer was registered (carries its id); the page refreshes.

    Shortcuts: Ctrl+F search box, Ctrl+N register a volunteer, Ctrl+T new team, F5 refresh,
    Enter / double-click open, Esc clears the search, Enter or ↓ in the search box goes to
    the table.
    """

    sig_open_volunteer = Signal(int)
    """The user asked to open a volunteer; carries its id."""
    sig_changed = Signal(int)
    """A volunteer was registered or changed; carries its id."""

    def __init__(
        self,
        love_bank: LoveBankService,
        residents: ResidentService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        detail_factory: DetailFactory = default_detail_factory,
        centre_name: str = "",
    ):
        super().__init__(parent)
        self._bank = love_bank
        self._residents = residents
        self._actor = actor
        self._detail_factory = detail_factory
        self._centre_name = centre_name
        self.can_manage = actor.can(Permission.MANAGE_LOVE_BANK)
        self._source: VolunteerSource | None = None
        self._dialogs = DialogHost()
        self.detail: QWidget | None = None  # a volunteer dialog this page opened itself
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self.setStyleSheet(STYLE)
        self.model = VolunteerTableModel(volunteer_columns())
        self._build()
        self.reload_teams()
        self._connect_callbacks()
        self._run(self._new_source())
        self.refresh_rankings()

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
        self.register_button.setVisible(self.can_manage)
        self.team_button.setVisible(self.can_manage)
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
                COL_HOURS: "1,500.5",
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
        headers = [_("Rank"), _("Name"), _("Team"), _("Hours"), _("Points earned"), _("Star level")]
        self.rank_table.setHorizontalHeaderLabels(headers)
        setup_table(self.rank_table)
        self.rank_table.verticalHeader().hide()
        size_columns(
            self.rank_table,
            {0: "20", 1: "欧阳秀英", 2: "幸福社区助老服务队", 3: "1,000.5", 4: "100,000", 5: "★★★★★"},
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
        self.sig_changed.connect(self._on_changed)
        self.search_edit.installEventFilter(self)
        self.table.installEventFilter(self)
        self.rank_table.installEventFilter(self)
        shortcuts = [("Ctrl+F", self.focus_search), ("F5", self.refresh)]
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
    def _new_source(self) -> VolunteerSource:
        return VolunteerSource(
            self._bank, self._actor, self.search_edit.text().strip(), self.team_combo.currentData()
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        source = self._new_source()
        if self._source is not None and self._source.key() == source.key():
            return
        self._run(source)

    def _run(self, source: VolunteerSource, keep_id: int | None = None, keep_row: int = -1) -> None:
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

    def refresh(self) -> None:
        """Read the list (and the ranking) again, keeping the selected volunteer."""
        self.reload_teams()
        row = self.selected_row()
        at = self.table.currentIndex().row()
        self._run(self._new_source(), row.id if row else None, at)
        self.refresh_rankings()

    def _on_changed(self, volunteer_id: int) -> None:
        self.reload_teams()
        self._run(self._new_source(), volunteer_id, self.table.currentIndex().row())

    def _after_reset(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(_("1 volunteer") if n == 1 else _("{n} volunteers", n=f"{n:,}"))
        if n:
            self.empty_hint.show_text(None)
        else:
            source = self._source
            if source is not None and source.text:
                text = _("No volunteer matches “{text}”.", text=source.text)
            elif source is not None and source.team_id is not None:
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
        year, month = self.ranking_period()
        self.month_combo.setVisible(month is not None)
        if month is None:
            self.ranking_title.setText(_("Top {n} of {year} by approved hours", n=RANKING_SIZE, year=year))
        else:
            self.ranking_title.setText(
                _("Top {n} of {year}-{month:02d} by approved hours", n=RANKING_SIZE, year=year, month=month)
            )
        try:
            rows = self._bank.rankings(self._actor, year, month, limit=RANKING_SIZE)
        except DomainError as exc:
            self._show_error(exc)
            rows = []
        self.rank_table.setRowCount(len(rows))
        gold = QColor("#d69e00")
        for i, r in enumerate(rows):
            try:
                stars = self._bank.volunteer(self._actor, r.volunteer_id).stars  # all their hours
            except DomainError:
                stars = 0
            cells = [
                item(i + 1, CENTRE, r.volunteer_id),
                item(r.name),
                item(r.team),
                item(hours_text(r.minutes), RIGHT),
                item(points_text(r.points), RIGHT),
                item(star_text(stars), CENTRE),
            ]
            if stars:
                cells[5].setForeground(gold)
            cells[5].setToolTip(star_name(stars))
            for column, cell in enumerate(cells):
                self.rank_table.setItem(i, column, cell)
        self.rank_empty.show_text(None if rows else _("No approved service hours in this period."))

    def ranked_volunteer(self) -> int | None:
        row = self.rank_table.currentRow()
        cell = self.rank_table.item(row, 0) if row >= 0 else None
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
                self._bank, self._actor, volunteer_id, self, centre_name=self._centre_name
            )
        except DomainError as exc:
            self._show_error(exc)
            self.refresh()
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if hasattr(dialog, "sig_changed"):
            dialog.sig_changed.connect(self._volunteer_changed)
        dialog.finished.connect(self._detail_closed)
        self.detail = dialog
        dialog.open()

    def _volunteer_changed(self, _volunteer_id: int) -> None:
        self.refresh()

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
        self.sig_changed.emit(volunteer_id)
        if self._source is not None and not self.select_volunteer(volunteer_id):
            # Not in the current search: show everyone, newest first, so it can be seen.
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
            self.team_combo.setCurrentIndex(0)
            self._run(self._new_source(), volunteer_id)

    def new_team(self) -> None:
        if not self.can_manage:
            return
        dialog = TeamDialog(self._bank, self._actor, self)
        dialog.sig_saved.connect(self._team_created)
        self._dialogs.open(dialog)

    def _team_created(self, _team_id: int) -> None:
        self.reload_teams()

    @property
    def dialog(self) -> QDialog | None:
        """The register / team dialog open on this page, if any."""
        return self._dialogs.current

    def _show_error(self, exc: DomainError) -> None:
        QMessageBox.warning(self, _("Volunteers"), error_text(exc))

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
