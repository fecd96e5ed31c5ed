"""走访记录: one resident's visits, newest first, opened from the 走访台账 and from the
resident's row in 居民档案 (the shell offers it there; the residents job does not know it).

Each visit: the day, how, who visited and who came along, the 七必报 items ticked and the
requests they became, the photos; the findings of the selected visit in full below.
Corrected or withdrawn entries stay in the history (visits are append-only) and are shown
on request, greyed. Ctrl+N records a new visit to this resident.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.common.changes import Changes, Topic
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Permission
from desktop.residents.service import ResidentService
from desktop.visits.service import VisitRow, VisitService
from ui.visits.formatting import day_text, items_text, method_text
from ui.visits.record_dialog import RecordVisitDialog
from ui.widgets import palette
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.forms import DialogHost, FormDialog
from ui.widgets.i18n import Translator
from ui.widgets.list_page import EmptyHint, setup_table, size_columns
from ui.widgets.messages import show_error

_ = Translator("visits")

H_DATE, H_METHOD, H_VISITOR, H_ITEMS, H_REQUESTS, H_FINDINGS = range(6)


def visit_state(v: VisitRow) -> str:
    if v.withdrawn:
        return _("withdrawn: {reason}", reason=v.reason)
    if v.replaced:
        return _("corrected later")
    if v.supersedes_id is not None:
        return _("correction: {reason}", reason=v.reason)
    return ""


class WithdrawVisitDialog(FormDialog):
    """撤回走访: a visit recorded by mistake is taken back with a reason. The entry stays in
    the history (visits are append-only); a withdrawal is a new entry that counts for
    nothing, and the requests the visit raised stay as they are."""

    def __init__(self, visits: VisitService, actor: Actor, visit: VisitRow, parent: QWidget | None = None):
        super().__init__(
            _("Withdraw a visit"),
            parent,
            save_text=_("Withdraw visit"),
            intro=_(
                "Withdraw the visit of {date} to {name}? It stays in the history, marked withdrawn, "
                "and no longer counts for the plan.",
                date=day_text(visit.visited_on),
                name=visit.resident_name,
            ),
        )
        self.setObjectName("withdrawVisitDialog")
        self._visits, self._actor, self.visit = visits, actor, visit
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(500)
        self.reason_edit.setPlaceholderText(_("Required, e.g. recorded for the wrong resident"))
        self.add("reason", _("&Reason"), self.reason_edit)
        self.withdrawn_id: int | None = None
        self.reason_edit.setFocus()

    def save(self) -> None:
        self.withdrawn_id = self._visits.withdraw(
            self._actor, self.visit.id, self.reason_edit.text()
        ).visit_id


class VisitHistoryDialog(QDialog):
    """A resident's visits.

    Args:
        visits: the visits service (``history``).
        residents: the register (for the record dialog's finder).
        actor: the signed-in user (``VIEW_VISITS``).
        resident_id, name: whose visits.
        parent: the owning widget.
        hub: the change hub; the list follows new visits.
        today: the day the record dialog proposes.
    """

    def __init__(
        self,
        visits: VisitService,
        residents: ResidentService,
        actor: Actor,
        resident_id: int,
        name: str,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(parent)
        self.setObjectName("visitHistoryDialog")
        self._visits, self._residents, self._actor = visits, residents, actor
        self._today = today
        self.resident_id, self.name = resident_id, name
        self.rows: list[VisitRow] = []
        self.dialogs = DialogHost()
        self.setWindowTitle(_("Visits of {name}", name=name))
        fm = self.fontMetrics()
        self.setMinimumSize(fm.horizontalAdvance("M") * 72, fm.height() * 26)

        self.title = QLabel(_("Visits of {name}", name=name))
        self.title.setObjectName("sectionTitle")
        self.replaced_check = QCheckBox(_("Show corrected and withdrawn entries"))
        headers = [_("Date"), _("How"), _("Visited by"), _("Reports"), _("Requests"), _("Findings")]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        setup_table(self.table)
        self.table.verticalHeader().hide()
        size_columns(
            self.table,
            {
                H_DATE: "2026-12-31",
                H_METHOD: "到中心",
                H_VISITOR: "欧阳秀英、王芳",
                H_ITEMS: "安全隐患、房屋出租",
                H_REQUESTS: "2026120001",
            },
            headers,
        )
        self.table.horizontalHeader().setSectionResizeMode(H_FINDINGS, QHeaderView.ResizeMode.Stretch)
        self.empty_hint = EmptyHint(self.table)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setFixedHeight(fm.height() * 6 + 12)
        self.detail.setPlaceholderText(_("The selected visit in full"))

        self.record_button = QPushButton(_("Record visit (Ctrl+N)"))
        self.record_button.setAutoDefault(False)
        self.withdraw_button = QPushButton(_("Withdraw…"))
        self.withdraw_button.setAutoDefault(False)
        self.withdraw_button.setToolTip(
            _("Take back the selected visit, recorded by mistake (with a reason)")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.record_button)
        bottom.addWidget(self.withdraw_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.replaced_check)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(bottom)
        self.record_button.setVisible(actor.can(Permission.RECORD_VISITS))
        self.withdraw_button.setVisible(actor.can(Permission.RECORD_VISITS))

        self.replaced_check.toggled.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.record_button.clicked.connect(self.record_visit)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        QShortcut(QKeySequence("Ctrl+N"), self, self.record_visit)
        self.refresh()
        watch(hub, self, (Topic.VISITS,), self._changed)
        self.table.setFocus()

    def _changed(self, _changes: Changes | None) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read the visits again (raises nothing: a failure is shown)."""
        try:
            rows = self._visits.history(
                self._actor, self.resident_id, include_replaced=self.replaced_check.isChecked()
            )
        except DomainError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        self.rows = rows
        self.table.setRowCount(len(rows))
        grey = QBrush(QColor(palette.GREY))
        for r, v in enumerate(rows):
            visitor = v.visitor + (f"、{v.companions}" if v.companions else "")
            state = visit_state(v)
            texts = [
                day_text(v.visited_on),
                method_text(v.method),
                visitor,
                items_text(list(v.items)),
                "",
                (f"[{state}] " if state else "") + " ".join(v.findings.split()),
            ]
            texts[H_REQUESTS] = _("{n} requests raised", n=len(v.request_ids)) if v.request_ids else ""
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text if c in (H_FINDINGS, H_ITEMS, H_VISITOR) else "")
                if v.withdrawn or v.replaced:
                    item.setForeground(grey)
                self.table.setItem(r, c, item)
        self.empty_hint.show_text(None if rows else _("No visit recorded for {name} yet.", name=self.name))
        if rows:
            self.table.selectRow(0)
        self._show_selected()

    def selected(self) -> VisitRow | None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows) or not self.table.selectionModel().isRowSelected(row):
            return None
        return self.rows[row]

    def _show_selected(self) -> None:
        v = self.selected()
        self.withdraw_button.setEnabled(v is not None and not v.withdrawn and not v.replaced)
        if v is None:
            self.detail.clear()
            return
        lines = [
            _(
                "{date} · {how} · visited by {visitor}",
                date=day_text(v.visited_on),
                how=method_text(v.method),
                visitor=v.visitor,
            )
        ]
        if v.companions:
            lines.append(_("Companions: {names}", names=v.companions))
        if v.items:
            lines.append(_("Reports: {items}", items=items_text(list(v.items))))
        if v.photos:
            lines.append(_("Photos: {names}", names="、".join(name for _sha, name in v.photos)))
        state = visit_state(v)
        if state:
            lines.append(state)
        lines.append(
            _("Recorded by {user} at {moment}", user=v.recorded_by, moment=f"{v.recorded_at:%Y-%m-%d %H:%M}")
        )
        lines.append("")
        lines.append(v.findings or _("(no findings written)"))
        self.detail.setPlainText("\n".join(lines))

    def withdraw_selected(self) -> WithdrawVisitDialog | None:
        """撤回 the selected visit (asks the reason)."""
        v = self.selected()
        if v is None or v.withdrawn or v.replaced or not self._actor.can(Permission.RECORD_VISITS):
            return None
        dialog = WithdrawVisitDialog(self._visits, self._actor, v, self)
        dialog.accepted.connect(self.refresh)
        self.dialogs.open(dialog)
        return dialog

    def record_visit(self) -> RecordVisitDialog | None:
        if not self._actor.can(Permission.RECORD_VISITS):
            return None
        dialog = RecordVisitDialog(
            self._visits,
            self._residents,
            self._actor,
            self,
            resident=(self.resident_id, self.name),
            today=self._today,
        )
        dialog.sig_saved.connect(lambda _id: self.refresh())
        self.dialogs.open(dialog)
        return dialog


__all__ = ["VisitHistoryDialog"]
