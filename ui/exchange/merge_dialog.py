"""合并重复居民: suggested pairs on the left, the two records side by side on the right.

The user picks a pair (or types two residents' numbers), chooses field by field which
value stays (the kept record's by default), and merges after a confirmation: the other
record is archived pointing at the kept one, and what named it moves
(:class:`desktop.exchange.merge.MergeService`). The suggestions refresh when the register
changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.common.changes import Topic
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from desktop.exchange.merge import (
    FIELD_LABELS,
    FIELDS,
    REASONS,
    REFERENCE_LABELS,
    MergeService,
    Side,
    Suggestion,
)
from ui.exchange.steps import cell_item, make_table
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.i18n import Translator, desktop_text
from ui.widgets.messages import Ask, ask_yes, show_error

_ = Translator("exchange")


class MergeDialog(QDialog):
    def __init__(
        self,
        merges: MergeService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
        ask: Ask = ask_yes,
    ):
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self._merges, self._actor, self._ask = merges, actor, ask
        self.setWindowTitle(_("Merge duplicate residents"))
        self.resize(1180, 620)
        self.suggestions: list[Suggestion] = []
        self.pair: tuple[Side, Side] | None = None
        self.choices: dict[str, QButtonGroup] = {}

        self.table = make_table([_("Resident"), _("Resident"), _("Why")])
        self.table.itemSelectionChanged.connect(self._picked)
        self.first_edit, self.second_edit = QLineEdit(), QLineEdit()
        for edit in (self.first_edit, self.second_edit):
            edit.setPlaceholderText(_("No."))
            edit.setMaximumWidth(90)
        compare = QPushButton(_("Compare"))
        compare.clicked.connect(self.compare_typed)
        typed = QHBoxLayout()
        typed.addWidget(QLabel(_("Residents No.")))
        typed.addWidget(self.first_edit)
        typed.addWidget(QLabel(_("and")))
        typed.addWidget(self.second_edit)
        typed.addWidget(compare)
        typed.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(_("Suggested pairs"))
        title.setObjectName("sectionTitle")
        left_layout.addWidget(title)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(typed)

        self.sides = QWidget()
        self.grid = QGridLayout(self.sides)
        self.empty = QLabel(_("Choose a pair to compare the two records side by side."))
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.swap = QPushButton(_("Keep the other record"))
        self.swap.clicked.connect(self.swap_sides)
        self.merge_button = QPushButton(_("Merge"))
        self.merge_button.setObjectName("primary")
        self.merge_button.clicked.connect(self.merge)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.swap)
        actions.addWidget(self.merge_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.empty, 1)
        right_layout.addWidget(self.sides, 1)
        right_layout.addLayout(actions)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([420, 760])
        close = QPushButton(_("Close"))
        close.clicked.connect(self.reject)
        self.status = QLabel()
        self.status.setObjectName("hint")
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self._show_pair(None)
        self.refresh()
        watch(hub, self, (Topic.RESIDENTS,), lambda _changes: self.refresh())

    # --- the suggestions ---------------------------------------------------------------
    def refresh(self) -> None:
        selected = (self.pair[0].id, self.pair[1].id) if self.pair else None
        try:
            self.suggestions = self._merges.suggestions(self._actor)
        except DomainError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.suggestions))
        for r, s in enumerate(self.suggestions):
            self.table.setItem(r, 0, cell_item(_("{name} (No. {id})", name=s.first.name, id=s.first.id)))
            self.table.setItem(r, 1, cell_item(_("{name} (No. {id})", name=s.second.name, id=s.second.id)))
            self.table.setItem(r, 2, cell_item(desktop_text(REASONS[s.reason])))
            if selected in ((s.first.id, s.second.id), (s.second.id, s.first.id)):
                self.table.selectRow(r)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        if selected is not None and self.pair is not None:
            self.compare(selected[0], selected[1])

    def _picked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            s = self.suggestions[rows[0].row()]
            self.compare(s.first.id, s.second.id)

    def compare_typed(self) -> None:
        try:
            first, second = int(self.first_edit.text()), int(self.second_edit.text())
        except ValueError:
            show_error(self, self.windowTitle(), _("Type the numbers of two residents."))
            return
        self.compare(first, second)

    def compare(self, keep_id: int, other_id: int) -> None:
        try:
            self._show_pair(self._merges.compare(self._actor, keep_id, other_id))
        except DomainError as exc:
            show_error(self, self.windowTitle(), exc)

    # --- side by side -----------------------------------------------------------------
    def _clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.choices.clear()

    def _show_pair(self, pair: tuple[Side, Side] | None) -> None:
        self.pair = pair
        self._clear()
        self.empty.setVisible(pair is None)
        self.sides.setVisible(pair is not None)
        self.swap.setEnabled(pair is not None)
        self.merge_button.setEnabled(pair is not None)
        if pair is None:
            return
        keep, other = pair
        head_keep = QLabel(_("Keep: {name} (No. {id})", name=keep.name, id=keep.id))
        head_other = QLabel(_("Archive: {name} (No. {id})", name=other.name, id=other.id))
        for col, label in ((1, head_keep), (2, head_other)):
            label.setObjectName("sectionTitle")
            self.grid.addWidget(label, 0, col)
        for row, name in enumerate(FIELDS, start=1):
            self.grid.addWidget(QLabel(desktop_text(FIELD_LABELS[name])), row, 0)
            group = QButtonGroup(self.sides)
            for col, side in ((1, keep), (2, other)):
                value = side.value(name) or _("(empty)")
                button = QRadioButton(value.replace("\n", " ")[:60])
                button.setToolTip(side.value(name))
                group.addButton(button, col)
                self.grid.addWidget(button, row, col)
            keep_value, other_value = keep.value(name), other.value(name)
            group.button(2 if (not keep_value and other_value) else 1).setChecked(True)
            if keep_value == other_value:
                group.button(2).setEnabled(False)
            self.choices[name] = group
        row = len(FIELDS) + 1
        self.grid.addWidget(QLabel(_("Key groups")), row, 0)
        self.grid.addWidget(QLabel("、".join(keep.tags)), row, 1)
        self.grid.addWidget(QLabel("、".join(other.tags)), row, 2)
        self.grid.addWidget(QLabel(_("Linked")), row + 1, 0)
        self.grid.addWidget(QLabel(self._linked(keep)), row + 1, 1)
        self.grid.addWidget(QLabel(self._linked(other)), row + 1, 2)
        note = QLabel(
            _(
                "Requests, service orders, the volunteer account and key groups of the archived record move "
                "to the kept one; the archived record points to it."
            )
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.grid.addWidget(note, row + 2, 0, 1, 3)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.setRowStretch(row + 3, 1)

    def _linked(self, side: Side) -> str:
        parts = [
            _("{n} {what}", n=n, what=desktop_text(REFERENCE_LABELS[t]) if t in REFERENCE_LABELS else t)
            for t, n in sorted(side.references.items())
        ]
        if side.is_volunteer:
            parts.append(_("volunteer account"))
        return "、".join(parts) or _("nothing")

    def swap_sides(self) -> None:
        if self.pair is not None:
            self.compare(self.pair[1].id, self.pair[0].id)

    def taken_from_other(self) -> set[str]:
        return {name for name, group in self.choices.items() if group.checkedId() == 2}

    def merge(self) -> None:
        if self.pair is None:
            return
        keep, other = self.pair
        question = _(
            "Merge {other} (No. {other_id}) into {keep} (No. {keep_id})? "
            "The record No. {other_id} is archived.",
            other=other.name,
            other_id=other.id,
            keep=keep.name,
            keep_id=keep.id,
        )
        if not self._ask(self, self.windowTitle(), question):
            return
        try:
            self._merges.merge(self._actor, keep.id, other.id, self.taken_from_other())
        except DomainError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        self._show_pair(None)
        self.refresh()
        self.status.setText(_("No. {other_id} was merged into No. {id}.", other_id=other.id, id=keep.id))
