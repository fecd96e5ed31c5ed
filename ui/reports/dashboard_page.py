"""数据看板: the director's start page — this month so far against last month (环比) and
the same month last year (同比).

At the top the headline cards (受理量, 办结率, 满意率, the four 30135 on-time rates, the
overdue requests, volunteer hours, points, service orders and what the government paid);
under them the charts — 受理量 as bars by channel, category or department, the share
resolved at each handling level as a ring, the twelve-month trend as lines — and the
department ranking (红榜, 黑榜, 需整改). Every number is the report's own
(:meth:`ReportService.figures` for the current month), so the dashboard, the PDF and
the Excel workbook agree.

A figure leads to its records: a bar, a trend point, a clickable card or a ranking row
calls ``open_list(target, filters)`` (vocabulary: :mod:`ui.reports.targets`).

The figures are read off the GUI thread (:func:`ui.widgets.background.run_task`): the
page paints at once and fills in when they arrive. It reads them again when requests,
points, service hours, the shop or orders change (:func:`ui.widgets.change_hub.watch`:
at once while shown, else when next shown; bursts of changes are read once), every few
minutes while shown (the cut-off moves: clocks fall due), and on F5 — keeping the chosen
chart, the selected ranking row and the scroll position.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from desktop.reports import charts, periods
from desktop.reports.figures import DepartmentRow, ReportFigures
from desktop.reports.service import ReportService
from desktop.reports.wording import METRICS, THRESHOLD_LABELS
from ui.reports import targets
from ui.reports.cards import FigureCard
from ui.reports.charts import ChartView
from ui.reports.formatting import count_text, cutoff_text, metric_name, rate_text
from ui.reports.tables import FiguresTable, Row, Table
from ui.reports.targets import OpenList
from ui.reports.watching import FIGURE_TOPICS, Reader
from ui.widgets.background import Progress
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.i18n import Translator, desktop_text, error_text
from ui.widgets.palette import DARK_GREEN, DARK_RED, RED

_ = Translator("reports")

CLOCK_REFRESH_MS = 5 * 60 * 1000
"""While shown, the figures are read again this often (deadlines pass with time)."""

OVERDUE = "overdue"
CARDS = (
    "registered",
    "resolution_rate",
    "satisfaction_rate",
    "accept_on_time",
    "answer_on_time",
    "resolve_on_time",
    "follow_up_on_time",
    OVERDUE,
    "service_hours",
    "points_earned",
    "orders_placed",
    "orders_paid",
)
CARD_WIDTH = 180
"""The narrowest a card gets before the cards wrap to another row."""
TWO_COLUMNS = 900
"""Below this width the charts stand one under the other."""

CHANNELS, CATEGORIES, DEPARTMENTS = "channels", "categories", "departments"
BAR_CHARTS = {
    CHANNELS: charts.channel_bars,
    CATEGORIES: charts.category_bars,
    DEPARTMENTS: charts.department_counts,
}
RANK, NAME, SCORE, ON_TIME, SATISFIED, REOPENED, OVERDUE_COLUMN = range(7)


def _boxed(*widgets: QWidget) -> QFrame:
    frame = QFrame()
    frame.setObjectName("figure")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(6, 6, 6, 6)
    for w in widgets:
        layout.addWidget(w)
    return frame


def department_overdue(row: DepartmentRow) -> int:
    """A department's requests past a deadline (答复, 办结) at the cut-off."""
    return sum(c.overdue for c in row.clocks)


class DashboardPage(QWidget):
    """The 数据看板 page.

    Args:
        services: the opened database's services (``services.reports``).
        actor: the logged-in user (needs ``VIEW_REPORTS``).
        hub: announces committed changes; the figures are read again when they touch them.
        open_list: ``open_list(target, filters)`` shows a list (:mod:`ui.reports.targets`);
            None: figures lead nowhere.
    """

    def __init__(
        self,
        services: Any,
        actor: Actor,
        *,
        hub: ChangeHub | None = None,
        open_list: OpenList | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("dashboardPage")
        self._reports: ReportService = services.reports
        self._actor = actor
        self._open_list = open_list
        self.figures: ReportFigures | None = None
        self._columns: tuple[int, bool] = (0, False)

        self.title = QLabel(_("Dashboard"))
        self.title.setObjectName("pageTitle")
        self.period_label = QLabel(_("Counting…"))
        self.period_label.setObjectName("hint")
        self.refresh_button = QPushButton(_("Refresh"))
        self.refresh_button.setToolTip(_("Read the figures again (F5)"))
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.reload)
        self.empty_label = QLabel(_("Nothing was recorded this month yet."))
        self.empty_label.setObjectName("emptyState")
        self.empty_label.hide()

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.period_label, 1)
        top.addWidget(self.refresh_button)

        self.cards: dict[str, FigureCard] = {}
        card_targets = {"registered", OVERDUE, "service_hours", "orders_placed"}
        for key in CARDS:
            title = _("Overdue now") if key == OVERDUE else metric_name(key)
            card = FigureCard(key, title, clickable=open_list is not None and key in card_targets)
            card.sig_clicked.connect(lambda key=key: self.open_card(key))
            self.cards[key] = card
        self.card_grid = QGridLayout()
        self.card_grid.setSpacing(8)

        self.bar_chart = ChartView(clickable=open_list is not None)
        self.bar_chart.sig_activated.connect(self._bar_activated)
        self.bar_buttons = QButtonGroup(self)
        bar_row = QHBoxLayout()
        bar_row.setSpacing(4)
        for key, text in (
            (CHANNELS, _("By channel")),
            (CATEGORIES, _("By category")),
            (DEPARTMENTS, _("By department")),
        ):
            button = QPushButton(text)
            button.setObjectName("segment")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setProperty("chart", key)
            self.bar_buttons.addButton(button)
            bar_row.addWidget(button)
        bar_row.addStretch(1)
        self.bar_buttons.buttons()[0].setChecked(True)
        self.bar_buttons.buttonToggled.connect(self._bar_kind_toggled)
        bar_box = QWidget()
        bar_layout = QVBoxLayout(bar_box)
        bar_layout.setContentsMargins(0, 0, 0, 0)
        bar_layout.addLayout(bar_row)
        bar_layout.addWidget(self.bar_chart, 1)

        self.level_chart = ChartView(clickable=False)
        self.trend_chart = ChartView(clickable=open_list is not None)
        self.trend_chart.sig_activated.connect(self._trend_activated)

        self.ranking_tabs = QTabWidget()
        self.red_table = FiguresTable(fit_height=False)
        self.black_table = FiguresTable(fit_height=False)
        self.below_table = FiguresTable(fit_height=False)
        self.ranking_tabs.addTab(self.red_table, _("Best (红榜)"))
        self.ranking_tabs.addTab(self.black_table, _("Worst (黑榜)"))
        self.ranking_tabs.addTab(self.below_table, _("To improve (整改)"))
        for table in (self.red_table, self.black_table, self.below_table):
            table.setToolTip(_("Double-click or Enter: the department's requests"))
            table.activated.connect(
                lambda index, table=table: self._ranking_activated(table, index.row(), index.column())
            )
        self.ranking_note = QLabel()
        self.ranking_note.setObjectName("hint")
        self.ranking_note.setWordWrap(True)
        ranking_title = QLabel(_("Department ranking"))
        ranking_title.setObjectName("sectionTitle")

        self.bar_frame = _boxed(bar_box)
        self.level_frame = _boxed(self.level_chart)
        self.trend_frame = _boxed(self.trend_chart)
        self.ranking_frame = _boxed(ranking_title, self.ranking_tabs, self.ranking_note)
        for frame in (self.bar_frame, self.level_frame, self.trend_frame, self.ranking_frame):
            frame.setMinimumHeight(280)
        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(8)

        body = QWidget()
        body.setObjectName("dashboardBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(self.empty_label)
        column.addLayout(self.card_grid)
        column.addLayout(self.chart_grid)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(body)

        layout = self._outer = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        self._reflow(force=True)

        QShortcut(QKeySequence("F5"), self, self.reload)
        self.reader = Reader(self, self._work, self._loaded, self._failed, title=_("Dashboard"))
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_REFRESH_MS)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        watch(hub, self, FIGURE_TOPICS, self.reader.changed)
        self._show_figures(None)
        self.reload()

    # --- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the figures of the month so far again, off the GUI thread."""
        self.reader.read()

    def _tick(self) -> None:
        if self.isVisible():  # a hidden page reads when shown (the hub marks it stale)
            self.reload()

    def _work(self) -> Callable[[Progress], ReportFigures]:
        reports, actor = self._reports, self._actor

        def work(_progress: Progress) -> ReportFigures:
            return reports.figures(actor, reports.current_period())

        return work

    def _loaded(self, figures: ReportFigures) -> None:
        self.figures = figures
        self._show_figures(figures)

    def _failed(self, error: DomainError) -> None:
        self.period_label.setText(error_text(error))

    @property
    def loading(self) -> bool:
        return self.reader.busy

    # --- showing ------------------------------------------------------------------------------
    def _show_figures(self, f: ReportFigures | None) -> None:
        if f is None:
            for card in self.cards.values():
                card.show_compared(None)
            for view in (self.bar_chart, self.level_chart, self.trend_chart):
                view.set_chart(None, "")
            return
        self.period_label.setText(
            _(
                "{period} so far ({cutoff}), against last month and the same month last year",
                period=f.period.label,
                cutoff=cutoff_text(f.cutoff),
            )
        )
        self.empty_label.setVisible(f.is_empty)
        compared = {c.key: c for c in (*f.requests.headline, *f.love_bank.headline, *f.orders.headline)}
        for key, card in self.cards.items():
            if key == OVERDUE:
                card.show_count(
                    f.requests.overdue_total, METRICS["registered"].unit, _("past a deadline now")
                )
            else:
                card.show_compared(compared.get(key))
        self._show_bars()
        self.level_chart.set_chart(charts.level_pie(f), _("Resolved at each level"))
        self.trend_chart.set_chart(charts.trend_lines(f), _("Last 12 months: registered and resolved"))
        self._show_ranking(f)

    def bar_kind(self) -> str:
        checked = self.bar_buttons.checkedButton()
        return checked.property("chart") if checked is not None else CHANNELS

    def set_bar_kind(self, kind: str) -> None:
        for button in self.bar_buttons.buttons():
            if button.property("chart") == kind:
                button.setChecked(True)

    def _bar_kind_toggled(self, _button: object, checked: bool) -> None:
        if checked:
            self._show_bars()

    def _show_bars(self) -> None:
        if self.figures is None:
            return
        kind = self.bar_kind()
        title = {
            CHANNELS: _("Requests by channel"),
            CATEGORIES: _("Requests by category"),
            DEPARTMENTS: _("Requests by lead department"),
        }[kind]
        self.bar_chart.set_chart(BAR_CHARTS[kind](self.figures), title)

    def _show_ranking(self, f: ReportFigures) -> None:
        ranking = f.requests.ranking
        headers = (
            _("Rank"),
            _("Department"),
            _("Score"),
            metric_name("resolve_on_time"),
            metric_name("satisfaction_rate"),
            metric_name("reopen_rate"),
            _("Overdue"),
        )
        none = _("No department reached {n} requests this month.", n=ranking.minimum)

        def ranked(rows: tuple[DepartmentRow, ...], colour: str) -> Table:
            return Table(
                "",
                headers,
                tuple(
                    Row(
                        (
                            str(r.rank),
                            r.name,
                            "—" if r.score is None else f"{r.score:.1f}",
                            rate_text(r.on_time_rate),
                            rate_text(r.satisfaction.rate),
                            rate_text(r.reopen_rate),
                            count_text(department_overdue(r)),
                        ),
                        key=r.department_id,
                        colour=colour,
                    )
                    for r in rows
                ),
                text_columns=frozenset({NAME}),
            )

        self.red_table.show_table(ranked(ranking.red, DARK_GREEN))
        self.black_table.show_table(ranked(ranking.black, DARK_RED))
        below = Table(
            "",
            (_("Department"), _("Reply rate"), metric_name("satisfaction_rate"), _("Short of")),
            tuple(
                Row(
                    (
                        r.name,
                        rate_text(r.reply_rate),
                        rate_text(r.satisfaction.rate),
                        "、".join(desktop_text(THRESHOLD_LABELS[b]) for b in r.below),
                    ),
                    key=r.department_id,
                    colour=RED,
                )
                for r in ranking.below_threshold
            ),
            text_columns=frozenset({0, 3}),
        )
        self.below_table.show_table(below)
        ranked_count = sum(1 for r in ranking.rows if r.ranked)
        if not ranked_count:
            self.ranking_note.setText(none)
        else:
            self.ranking_note.setText(
                _(
                    "{n} departments with at least {minimum} requests are ranked; "
                    "double-click a row for its requests.",
                    n=ranked_count,
                    minimum=ranking.minimum,
                )
            )

    # --- leading to the lists -----------------------------------------------------------------
    def _open(self, target: str, filters: dict[str, Any]) -> None:
        if self._open_list is not None:
            self._open_list(target, filters)

    def open_card(self, key: str) -> None:
        """A card's list: the month's requests, the overdue ones, service hours, orders."""
        f = self.figures
        if f is None:
            return
        if key == "registered":
            self._open(targets.REQUESTS, targets.requests_in(f.period, f.cutoff))
        elif key == OVERDUE:
            self._open(targets.REQUESTS, dict(targets.OVERDUE))
        elif key == "service_hours":
            self._open(targets.SERVICE_HOURS, {})
        elif key == "orders_placed":
            self._open(targets.ORDERS, targets.days(f.period, f.cutoff))

    def _bar_activated(self, key: object) -> None:
        f = self.figures
        if f is None or key is None:
            return
        field = {CHANNELS: "channel", CATEGORIES: "category_id", DEPARTMENTS: "department_id"}[
            self.bar_kind()
        ]
        self._open(targets.REQUESTS, targets.requests_in(f.period, f.cutoff, **{field: key}))

    def _trend_activated(self, key: object) -> None:
        f = self.figures
        if f is None or not isinstance(key, str):
            return
        self._open(targets.REQUESTS, targets.requests_in(periods.parse(key), f.cutoff))

    def _ranking_activated(self, table: FiguresTable, row: int, column: int) -> None:
        f = self.figures
        department = table.key_at(row)
        if f is None or department is None:
            return
        if table is not self.below_table and column == OVERDUE_COLUMN:
            self._open(targets.REQUESTS, {"department_id": department, **targets.OVERDUE})
        else:
            self._open(targets.REQUESTS, targets.requests_in(f.period, f.cutoff, department_id=department))

    # --- layout -------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._reflow()

    def _reflow(self, force: bool = False) -> None:
        """Cards in as many columns as fit (six on a 1366-pixel screen), charts two by two
        or one under the other on a narrow window."""
        margins = self._outer.contentsMargins()
        side = margins.left() + margins.right()
        width = max(self.width() - side - self.scroll_area.verticalScrollBar().sizeHint().width(), 1)
        columns = max(2, min(6, width // CARD_WIDTH))
        wide = width >= TWO_COLUMNS
        if not force and (columns, wide) == self._columns:
            return
        self._columns = (columns, wide)
        for card in self.cards.values():
            self.card_grid.removeWidget(card)
        for i, key in enumerate(CARDS):
            self.card_grid.addWidget(self.cards[key], i // columns, i % columns)
        frames = (self.bar_frame, self.level_frame, self.trend_frame, self.ranking_frame)
        for frame in frames:
            self.chart_grid.removeWidget(frame)
        if wide:
            self.chart_grid.addWidget(self.bar_frame, 0, 0)
            self.chart_grid.addWidget(self.level_frame, 0, 1)
            self.chart_grid.addWidget(self.trend_frame, 1, 0)
            self.chart_grid.addWidget(self.ranking_frame, 1, 1)
            self.chart_grid.setColumnStretch(0, 1)
            self.chart_grid.setColumnStretch(1, 1)
        else:
            for i, frame in enumerate(frames):
                self.chart_grid.addWidget(frame, i, 0)
            self.chart_grid.setColumnStretch(1, 0)

    def focus_default(self) -> None:
        """The keyboard starts on the first card that leads to a list."""
        for card in self.cards.values():
            if card.focusPolicy() != Qt.FocusPolicy.NoFocus:
                card.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.refresh_button.setFocus(Qt.FocusReason.OtherFocusReason)
