"""积分规则: how approved hours become points, and the year-end settlement of points.

Administrators only. Changes apply to approvals made from now on; points already
awarded are never recomputed (the ledger is history). Rules saved at another desk reach
the page through the change hub; a field the user is typing in keeps what they typed.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.common.changes import Changes, Topic
from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import Actor
from desktop.love_bank.rules import RULES_KEY
from desktop.love_bank.service import ACTIVITY_KINDS, LoveBankService, PointRules
from ui.love_bank.dialogs import ClearOnEdit
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.forms import FieldBox
from ui.widgets.i18n import Translator, error_text
from ui.widgets.messages import Ask, ask_yes, show_error, show_info

_ = Translator("lovebank_settings")


ASK_SETTLE: Ask = partial(ask_yes, default_yes=True)
"""Asks before the settlement; Enter answers yes, as the message box always did."""


class LoveBankSettingsPage(QWidget):
    """The 积分规则 page.

    Args:
        love_bank: the love-bank service.
        actor: the logged-in administrator.
        parent: the owning widget.
        ask: asks before the year-end settlement (tests pass their own).
        hub: the change hub; the page reads the rules again when they change elsewhere.
    """

    def __init__(
        self,
        love_bank: LoveBankService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        ask: Ask = ASK_SETTLE,
        hub: ChangeHub | None = None,
    ):
        super().__init__(parent)
        self._bank, self._actor = love_bank, actor
        self._ask = ask
        self._shown: dict[str, str] = {}  # field → the text last read from the rules
        title = QLabel(_("Points rules"))
        title.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self._rules_group())
        layout.addWidget(self._settlement_group())
        layout.addStretch(1)
        self.refresh()
        watch(hub, self, (Topic.SETTINGS,), self.refresh)

    def _rules_group(self) -> QGroupBox:
        group = QGroupBox(_("Turning approved hours into points"))
        form = QFormLayout(group)
        self.points_per_hour = QLineEdit()
        self.daily_cap_hours = QLineEdit()
        self.reversal_threshold = QLineEdit()
        self.boxes = {
            "points_per_hour": FieldBox(self.points_per_hour),
            "daily_cap_minutes": FieldBox(self.daily_cap_hours),
            "reversal_threshold": FieldBox(self.reversal_threshold),
        }
        for box in self.boxes.values():
            box.setMaximumWidth(260)
            ClearOnEdit(box)
        form.addRow(_("Points per hour of service"), self.boxes["points_per_hour"])
        form.addRow(_("Hours counted per day at most"), self.boxes["daily_cap_minutes"])
        form.addRow(_("Reversals above this many points need a director"), self.boxes["reversal_threshold"])
        kinds = "；".join(f"{kind} ×{percent / 100:g}" for kind, percent in ACTIVITY_KINDS.items())
        note = QLabel(_("Activity multipliers (set per activity when it is created): {kinds}", kinds=kinds))
        note.setObjectName("hint")
        note.setWordWrap(True)
        form.addRow(note)
        save = QPushButton(_("Save rules"))
        save.setObjectName("primary")
        save.clicked.connect(self.save_rules)
        self.saved = QLabel()
        self.saved.setObjectName("hint")
        row = QHBoxLayout()
        row.addWidget(save)
        row.addWidget(self.saved, 1)
        form.addRow(row)
        return group

    def _settlement_group(self) -> QGroupBox:
        group = QGroupBox(_("Year-end settlement"))
        form = QFormLayout(group)
        explain = QLabel(
            _(
                "Points earned before the date below and not yet spent expire. Each expiry is a "
                "ledger entry, so every volunteer's statement shows it."
            )
        )
        explain.setWordWrap(True)
        form.addRow(explain)
        self.cutoff = QDateEdit()
        self.cutoff.setCalendarPopup(True)
        self.cutoff.setDisplayFormat("yyyy-MM-dd")
        today = dt.date.today()
        self.cutoff.setDate(QDate(today.year - 1, 12, 31))
        self.cutoff.setMaximumWidth(180)
        form.addRow(_("Points earned before"), self.cutoff)
        run = QPushButton(_("Settle points…"))
        run.clicked.connect(self.settle)
        row = QHBoxLayout()
        row.addWidget(run)
        row.addStretch(1)
        form.addRow(row)
        return group

    def refresh(self, changes: Changes | None = None) -> None:
        """Show the rules as stored; a field changed by the user and not saved keeps its text."""
        if changes is not None:
            keys = changes.ids_of(Topic.SETTINGS)
            if keys is not None and RULES_KEY not in keys:
                return
        rules = self._bank.rules()
        for key, field, text in (
            ("points_per_hour", self.points_per_hour, str(rules.points_per_hour)),
            ("daily_cap_minutes", self.daily_cap_hours, f"{rules.daily_cap_minutes / 60:g}"),
            ("reversal_threshold", self.reversal_threshold, str(rules.reversal_threshold)),
        ):
            if key not in self._shown or field.text() == self._shown[key]:
                field.setText(text)
            self._shown[key] = text

    def save_rules(self) -> None:
        for box in self.boxes.values():
            box.set_error(None)
        self.saved.clear()
        errors: dict[str, str] = {}
        values: dict[str, int] = {}
        for key, field, scale in (
            ("points_per_hour", self.points_per_hour, 1),
            ("daily_cap_minutes", self.daily_cap_hours, 60),
            ("reversal_threshold", self.reversal_threshold, 1),
        ):
            try:
                number = float(field.text().strip().replace("，", "."))
            except ValueError:
                errors[key] = _("Enter a number.")
                continue
            values[key] = round(number * scale)
        if errors:
            for key, text in errors.items():
                self.boxes[key].set_error(text)
            return
        try:
            self._bank.set_rules(self._actor, PointRules(**values))
        except FieldErrors as exc:
            for key, err in exc.errors.items():
                self.boxes[key].set_error(error_text(err))
            return
        except DomainError as exc:
            self.saved.setText(error_text(exc))
            return
        self._shown.clear()  # what is saved is what the fields show
        self.refresh()
        self.saved.setText(_("Saved. New approvals use these rules."))

    def settle(self) -> None:
        qd = self.cutoff.date()
        cutoff = dt.date(qd.year(), qd.month(), qd.day())
        sure = self._ask(
            self,
            _("Year-end settlement"),
            _(
                "Expire all unspent points earned before {date}? This cannot be undone, only corrected by "
                "adjustments.",
                date=cutoff.isoformat(),
            ),
        )
        if not sure:
            return
        try:
            total = self._bank.expire(self._actor, cutoff)
        except DomainError as exc:
            show_error(self, _("Year-end settlement"), exc)
            return
        show_info(self, _("Year-end settlement"), _("{n} points expired.", n=total))
