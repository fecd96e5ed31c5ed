"""社区制单: the work order — scope, planned targets as numbers, the key groups, the
deadline, the budget split over one or more fund lines, the 公示 period and the
candidate providers, each shown with how it performed before.

The budget lines are a fund and an amount in 元 each (Alt+F adds a line); the total and
what each fund has left are shown as they are typed. The candidates are the active
providers, those serving the order's category first; a provider that may not be given
the order (inactive, 失信, a kind the menu item does not allow) is greyed with the reason
in its tooltip. Space ticks a candidate. Everything is checked by the core when saved;
its messages appear under the fields and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import Actor
from desktop.orders.money import parse_yuan
from desktop.orders.performance import ProviderChoice
from desktop.orders.queries import OrderDetail
from desktop.orders.service import BudgetLine, DraftForm, FundRow, OrderService
from desktop.orders.states import Action, Stage
from ui.orders.fields import (
    ActionDialog,
    Tick,
    count_spin,
    date_edit,
    money_edit,
    note_edit,
    raise_if,
    read_money,
    tick_list,
    ticked,
    to_date,
)
from ui.orders.formatting import (
    DANGER_COLOUR,
    INACTIVE_COLOUR,
    WARNING_COLOUR,
    action_text,
    completion_rate_text,
    cost_text,
    kind_text,
    performance_tip,
    rate_text,
    rating_average_text,
    yuan_unit,
)
from ui.widgets.i18n import Translator, error_text
from ui.widgets.list_page import setup_table

_ = Translator("orders")

DEFAULT_DAYS = 30
"""The deadline a new work order proposes: a month after today."""

C_TICK, C_NAME, C_KIND, C_TAKEN, C_ON_TIME, C_RATING, C_COMPLETION, C_COST, C_NOTE = range(9)


def candidate_headers() -> list[str]:
    return [
        "",
        _("Provider"),
        _("Kind"),
        _("Taken"),
        _("On time"),
        _("Rating"),
        _("Completion"),
        _("Cost/person"),
        _("Note"),
    ]


class BudgetLines(QWidget):
    """Fund lines of the budget: a fund and an amount each; the total below."""

    def __init__(self, funds: list[FundRow], category: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._funds = [f for f in funds if f.is_active]
        self._category = category
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(4)
        self.lines: list[tuple[QComboBox, QLineEdit, QPushButton]] = []
        self.add_button = QPushButton(_("Add a &fund line"))
        self.add_button.setAutoDefault(False)
        self.add_button.setToolTip(_("Split the budget over another fund (Alt+F)"))
        self.add_button.clicked.connect(lambda: self.add_line())
        self.total = QLabel()
        self.total.setObjectName("sectionTitle")
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        bottom.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addLayout(bottom)

    def fund_text(self, f: FundRow) -> str:
        text = _("{fund} — {left} left", fund=f.name, left=yuan_unit(f.remaining))
        if self._category in f.excluded_categories:
            text += _(" (may not pay for “{category}”)", category=self._category)
        return text

    def add_line(self, fund_id: int | None = None, amount: int | None = None) -> QComboBox:
        combo = QComboBox()
        combo.setMaxVisibleItems(15)
        for f in self._funds:
            combo.addItem(self.fund_text(f), f.id)
        if fund_id is None:
            used = {c.currentData() for c, _e, _b in self.lines}
            fund_id = next(
                (
                    f.id
                    for f in self._funds
                    if f.id not in used and self._category not in f.excluded_categories
                ),
                None,
            )
        if fund_id is not None:
            combo.setCurrentIndex(max(0, combo.findData(fund_id)))
        edit = money_edit(amount)
        edit.setToolTip(_("Amount of this fund in yuan"))
        remove = QPushButton(_("Remove"))
        remove.setAutoDefault(False)
        row = len(self.lines)
        self.grid.addWidget(combo, row, 0)
        self.grid.addWidget(edit, row, 1)
        self.grid.addWidget(remove, row, 2)
        self.grid.setColumnStretch(0, 1)
        line = (combo, edit, remove)
        self.lines.append(line)
        remove.clicked.connect(lambda _checked=False, ln=line: self.remove_line(ln))
        edit.textChanged.connect(self.update_total)
        self.update_total()
        combo.setFocus()
        return combo

    def remove_line(self, line: tuple[QComboBox, QLineEdit, QPushButton]) -> None:
        if line not in self.lines:
            return
        self.lines.remove(line)
        for widget in line:
            self.grid.removeWidget(widget)
            widget.deleteLater()
        for row, (combo, edit, remove) in enumerate(self.lines):
            self.grid.addWidget(combo, row, 0)
            self.grid.addWidget(edit, row, 1)
            self.grid.addWidget(remove, row, 2)
        self.update_total()
        self.add_button.setFocus()

    def update_total(self) -> None:
        total = 0
        for _combo, edit, _remove in self.lines:
            try:
                total += parse_yuan(edit.text())
            except DomainError:
                continue
        self.total.setText(_("Budget: {total}", total=yuan_unit(total)))

    def read(self, errors: dict[str, DomainError]) -> list[BudgetLine]:
        out = []
        for combo, edit, _remove in self.lines:
            amount = read_money(edit, "budget", errors)
            if combo.currentData() is not None:
                out.append(BudgetLine(combo.currentData(), amount))
        return out


class DraftDialog(ActionDialog):
    """Draft the work order of an order waiting for one (待制单)."""

    def __init__(
        self,
        orders: OrderService,
        actor: Actor,
        detail: OrderDetail,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        settings = orders.order_settings()
        super().__init__(
            orders,
            actor,
            detail,
            parent,
            title=action_text(Action.DRAFT),
            save_text=_("Save work order"),
            intro=_(
                "{title} for {resident}. A budget above {threshold} waits for the director's approval.",
                title=detail.title,
                resident=detail.resident_name,
                threshold=yuan_unit(settings.approval_threshold),
            ),
            width=1240,
        )
        self.setObjectName("draftDialog")
        menu = {item.id: item for item in orders.menu(include_inactive=True)}
        item = menu.get(detail.item_id) if detail.item_id is not None else None

        # Left: scope, targets, deadline, publicity, note.
        self.scope = note_edit(_("What the provider is to do"), lines=3)
        self.scope.setPlainText(detail.scope or (item.description if item else detail.description))
        self.add("scope", _("&Scope"), self.scope)
        self.planned_people = count_spin(100_000, detail.targets.planned_people or 1, _(" people"))
        self.add("planned_people", _("People to ser&ve"), self.planned_people)
        self.planned_sessions = count_spin(10_000, detail.targets.planned_sessions or 1, _(" sessions"))
        self.add("planned_sessions", _("Sessi&ons"), self.planned_sessions)
        planned = set(detail.targets.planned_groups)
        preset = set(item.tag_ids) if item else set()
        self.groups = tick_list(
            (
                Tick(name, tag_id, checked=tag_id in preset or name in planned)
                for tag_id, name in orders.key_groups()
            ),
            rows=3,
        )
        self.add("targets", _("&Key groups"), self.groups)
        start = today()
        self.deadline = date_edit(detail.deadline or start + dt.timedelta(days=DEFAULT_DAYS))
        self.add("deadline", _("&Deadline"), self.deadline)
        self.publicity = count_spin(30, detail.publicity_days or settings.publicity_days, _(" working days"))
        self.publicity.setToolTip(_("0: no publicity"))
        self.add("publicity_days", _("&Publicity"), self.publicity)
        self.note = note_edit(_("Optional"), lines=2)
        self.add("note", _("&Note"), self.note)

        # Right: the budget over fund lines, then the candidates.
        self.budget = BudgetLines(orders.funds(actor, include_inactive=False), detail.category)
        guide = item.guide_price if item is not None and item.guide_price > 0 else None
        self.budget.add_line(amount=guide)
        budget_box = QGroupBox(_("Budget (yuan)"))
        column = QVBoxLayout(budget_box)
        column.addWidget(self.box(("funds", "budget"), self.budget))

        self.choices = orders.provider_choices(actor, detail.id)
        self.candidates = QTableWidget(0, len(candidate_headers()))
        self.candidates.setHorizontalHeaderLabels(candidate_headers())
        head = self.candidates.horizontalHeaderItem(C_TAKEN)
        if head is not None:
            head.setToolTip(performance_tip())
        setup_table(self.candidates)
        self.candidates.verticalHeader().hide()
        self.candidates.setToolTip(_("Space ticks or unticks the provider; ") + performance_tip())
        self._fill_candidates(self.choices, {c.provider_id for c in detail.candidates})
        self.candidates.installEventFilter(self)
        line = self.candidates.verticalHeader().defaultSectionSize()
        self.candidates.setMinimumHeight(line * 6)
        candidates_box = QGroupBox(_("Candidate providers (optional)"))
        column = QVBoxLayout(candidates_box)
        column.addWidget(self.box(("candidates",), self.candidates))
        right = QVBoxLayout()
        right.addWidget(budget_box)
        right.addWidget(candidates_box, 1)
        self.side_by_side(right, (1, 2))
        self.resize(1240, 640)
        self.scope.setFocus()

    # --- candidates --------------------------------------------------------------------
    def _fill_candidates(self, choices: list[ProviderChoice], chosen: set[int]) -> None:
        t = self.candidates
        t.setRowCount(len(choices))
        for row, c in enumerate(choices):
            p, perf = c.provider, c.performance
            problem = error_text(c.problem) if c.problem is not None else ""
            notes = [problem] if problem else []
            if not c.serves_category:
                notes.append(_("does not list this category"))
            notes += [error_text(w) for w in p.warnings]
            if not p.has_legal_personality:
                notes.append(_("no legal personality: unpaid only"))
            texts = {
                C_NAME: p.name,
                C_KIND: kind_text(p.kind),
                C_TAKEN: str(perf.taken),
                C_ON_TIME: rate_text(perf.on_time_rate),
                C_RATING: rating_average_text(perf),
                C_COMPLETION: completion_rate_text(perf),
                C_COST: cost_text(perf),
                C_NOTE: "；".join(notes),
            }
            tick = QTableWidgetItem()
            tick.setData(Qt.ItemDataRole.UserRole, p.id)
            flags = Qt.ItemFlag.ItemIsSelectable
            if not problem:
                flags |= Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
            tick.setFlags(flags)
            tick.setCheckState(
                Qt.CheckState.Checked if p.id in chosen and not problem else Qt.CheckState.Unchecked
            )
            t.setItem(row, C_TICK, tick)
            for column, text in texts.items():
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
                if column in (C_TAKEN, C_ON_TIME, C_RATING, C_COMPLETION, C_COST):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if problem:
                    item.setForeground(QBrush(QColor(INACTIVE_COLOUR)))
                elif column == C_NOTE and notes:
                    item.setForeground(QBrush(QColor(DANGER_COLOUR if p.discredited else WARNING_COLOUR)))
                item.setToolTip(texts[C_NOTE] or text)
                t.setItem(row, column, item)
        fm = t.fontMetrics()
        head_fm = t.horizontalHeader().fontMetrics()
        headers = candidate_headers()
        samples = {
            C_NAME: "幸福社会工作服务中心",
            C_KIND: "民办非企业单位",
            C_TAKEN: "99",
            C_ON_TIME: "100%",
            C_RATING: _("{score} ({n})", score="2.8", n=12),
            C_COMPLETION: "100%",
            C_COST: "1,234.00",
        }
        widths = {C_TICK: 30}
        for column, sample in samples.items():
            head = head_fm.horizontalAdvance(headers[column])
            widths[column] = max(fm.horizontalAdvance(sample), head) + 14
        for column, width in widths.items():
            t.horizontalHeader().resizeSection(column, width)
        t.horizontalHeader().setSectionResizeMode(C_NOTE, QHeaderView.ResizeMode.Stretch)
        if choices:
            t.setCurrentCell(0, C_NAME)

    def _ticks(self) -> list[QTableWidgetItem]:
        found = (self.candidates.item(row, C_TICK) for row in range(self.candidates.rowCount()))
        return [item for item in found if item is not None]

    def chosen_candidates(self) -> list[int]:
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._ticks()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def toggle_candidate(self, row: int) -> None:
        item = self.candidates.item(row, C_TICK)
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return
        on = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if on else Qt.CheckState.Checked)

    def set_candidates(self, provider_ids: set[int]) -> None:
        for item in self._ticks():
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                on = item.data(Qt.ItemDataRole.UserRole) in provider_ids
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.candidates
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
        ):
            self.toggle_candidate(self.candidates.currentRow())
            return True
        return super().eventFilter(watched, event)

    # --- saving ------------------------------------------------------------------------
    def save(self) -> None:
        errors: dict[str, DomainError] = {}
        lines = self.budget.read(errors)  # an amount that is not one reads as 0
        if errors and lines and all(line.amount > 0 for line in lines):
            raise_if(errors)  # the wrong amount was on a line without a fund: say so alone
        try:
            self.stage = self._draft(lines)
        except FieldErrors as exc:
            # No line or a line of 0 is always refused by the core before anything is
            # written, so its other messages show together with what is wrong with the amount.
            raise FieldErrors({**exc.errors, **errors}) from None
        raise_if(errors)  # not reached: the core refuses no line or a line of 0

    def _draft(self, lines: list[BudgetLine]) -> Stage:
        return self._orders.draft(
            self._actor,
            self.detail.id,
            DraftForm(
                deadline=to_date(self.deadline.date()),
                lines=lines,
                planned_people=self.planned_people.value(),
                planned_sessions=self.planned_sessions.value(),
                target_tag_ids=ticked(self.groups),
                scope=self.scope.toPlainText(),
                candidate_ids=self.chosen_candidates(),
                publicity_days=self.publicity.value(),
                note=self.note.toPlainText(),
            ),
        )


__all__ = ["BudgetLines", "DraftDialog"]
