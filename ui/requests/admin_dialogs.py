"""The dialogs of the administrator's request settings: categories and departments
(分类与单位) and deadline rules and calendar corrections (时限与日历).

Both settings pages open their dialogs window-modal and refresh when one saves; the
dialogs share :class:`AdminDialog` (a ``FormDialog`` that grows with a wrapped message).
The labels of a deadline rule's scope and of a calendar day are here too, for the
dialogs and the page.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.common.errors import DomainError, FieldErrors
from desktop.common.labels import category_label
from desktop.common.permissions import Actor
from desktop.common.workcalendar import official_is_workday
from desktop.requests.catalogue import LEVELS, CatalogueService, CategoryNode, DepartmentRow
from desktop.requests.clock_settings import ClockSettingsService, LimitRow, OverrideRow
from desktop.requests.clocks import DEFAULT_LIMITS
from desktop.requests.service import URGENCIES
from ui.widgets.date_field import to_date
from ui.widgets.forms import FieldBox, FormDialog
from ui.widgets.i18n import Translator, desktop_text

_ = Translator("admin")


def node_label(node: CategoryNode) -> str:
    """A category's own name, marked when it is disabled."""
    return node.name if node.is_active else _("{name} (disabled)", name=node.name)


class AdminDialog(FormDialog):
    """A ``FormDialog`` that grows when an error or hint line wraps onto a second line
    (a top-level window does not follow its layout's height-for-width by itself)."""

    def _submit(self) -> None:
        super()._submit()
        self.fit_height()

    def fit_height(self) -> None:
        layout = self.layout()
        layout.activate()
        if layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    @property
    def save_button(self) -> QPushButton:
        box = self.findChild(QDialogButtonBox)
        return next(b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole)


# --- labels ------------------------------------------------------------------------------
def urgency_label(urgency: str | None) -> str:
    return desktop_text(URGENCIES[urgency]) if urgency in URGENCIES else _("Any urgency")


def day_kind(is_workday: bool | None) -> str:
    if is_workday is None:
        return _("Not known yet")
    return _("Working day") if is_workday else _("Day off")


def weekday_label(day: dt.date) -> str:
    return (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))[day.weekday()]


def scope_label(rule: LimitRow) -> str:
    if rule.urgency is None and rule.category_id is None:
        return _("Default (all requests)")
    return _(
        "{urgency}, {category}",
        urgency=urgency_label(rule.urgency),
        category=rule.category_name or _("Any category"),
    )


# --- fields of the deadline rule ----------------------------------------------------------
def _number() -> QLineEdit:
    # Digits only; the service checks the range, so its message appears under the field.
    edit = QLineEdit()
    edit.setValidator(QIntValidator(0, 99_999, edit))
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.setMaximumWidth(90)
    return edit


def _value(edit: QLineEdit) -> int | None:
    text = edit.text().strip()
    return int(text) if text.isdigit() else None


class UnitField(FieldBox):
    """A number with its unit after it, and the error line under both."""

    def __init__(self, edit: QLineEdit, unit: str, parent: QWidget | None = None):
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit)
        layout.addWidget(QLabel(unit))
        layout.addStretch(1)
        super().__init__(row, parent)
        self.edit = edit

    def set_error(self, text: str | None) -> None:
        super().set_error(text)
        self.edit.setProperty("invalid", bool(text))
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)


# --- categories and departments --------------------------------------------------------------
class CategoryDialog(AdminDialog):
    """New category, new sub-category (``parent`` given) or rename (``node`` given)."""

    def __init__(
        self,
        catalogue: CatalogueService,
        actor: Actor,
        *,
        parent_node: CategoryNode | None = None,
        node: CategoryNode | None = None,
        parent: QWidget | None = None,
    ):
        if node is not None:
            title = _("Rename category")
        elif parent_node is not None:
            title = _("New sub-category")
        else:
            title = _("New category")
        super().__init__(title, parent)
        self._catalogue, self._actor = catalogue, actor
        self._parent_node, self._node = parent_node, node
        self.saved_id: int | None = node.id if node else None
        if parent_node is not None:
            self.add("parent_id", _("Under"), QLabel(parent_node.name))
        self.name = QLineEdit(node.name if node else "")
        self.name.setMaxLength(64)
        self.add("name", _("Name"), self.name)
        self.name.setFocus()

    def save(self) -> None:
        if self._node is not None:
            self._catalogue.rename_category(self._actor, self._node.id, self.name.text())
        else:
            parent_id = self._parent_node.id if self._parent_node else None
            self.saved_id = self._catalogue.add_category(self._actor, self.name.text(), parent_id)


class DepartmentDialog(AdminDialog):
    """New department, or change a department's name and handling level."""

    def __init__(
        self,
        catalogue: CatalogueService,
        actor: Actor,
        department: DepartmentRow | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(_("New department") if department is None else _("Edit department"), parent)
        self._catalogue, self._actor, self._department = catalogue, actor, department
        self.saved_id: int | None = department.id if department else None
        self.name = QLineEdit(department.name if department else "")
        self.name.setMaxLength(64)
        self.level = QComboBox()
        for key, label in LEVELS.items():
            self.level.addItem(desktop_text(label), key)
        if department is not None:
            self.level.setCurrentIndex(max(0, self.level.findData(department.level)))
        self.add("name", _("Name"), self.name)
        self.add("level", _("Handling level"), self.level)
        self.name.setFocus()

    def save(self) -> None:
        level = self.level.currentData()
        if self._department is None:
            self.saved_id = self._catalogue.add_department(self._actor, self.name.text(), level)
        else:
            self._catalogue.update_department(
                self._actor, self._department.id, name=self.name.text(), level=level
            )


# --- deadlines and calendar ------------------------------------------------------------------
class LimitDialog(AdminDialog):
    """Add a rule for a scope, or change the limits of an existing rule (scope fixed)."""

    def __init__(
        self,
        settings: ClockSettingsService,
        catalogue: CatalogueService,
        actor: Actor,
        rule: LimitRow | None = None,
        existing: list[LimitRow] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(
            _("New deadline rule") if rule is None else _("Edit deadline rule"),
            parent,
        )
        self.setMinimumWidth(520)
        self._settings, self._actor, self._rule = settings, actor, rule
        self._existing = {(r.urgency, r.category_id) for r in existing or []}
        self.saved_id: int | None = rule.id if rule else None

        self.urgency = QComboBox()
        self.urgency.addItem(_("Any urgency"), None)
        for key, label in URGENCIES.items():
            self.urgency.addItem(desktop_text(label), key)
        self.category = QComboBox()
        self.category.addItem(_("Any category"), None)
        if rule is None:
            for top in catalogue.tree(include_inactive=False):
                self.category.addItem(top.name, top.id)
                for child in top.children:
                    self.category.addItem(category_label(child.name, top.name), child.id)
        else:  # the scope of an existing rule is fixed: shown, not offered
            self.urgency.setCurrentIndex(max(0, self.urgency.findData(rule.urgency)))
            self.category.addItem(rule.category_name, rule.category_id)
            self.category.setCurrentIndex(self.category.findData(rule.category_id))
        limits = rule.limits if rule is not None else DEFAULT_LIMITS
        self.accept_minutes, self.answer_days = _number(), _number()
        self.resolve_days, self.follow_up_days = _number(), _number()
        for edit, value in (
            (self.accept_minutes, limits.accept_minutes),
            (self.answer_days, limits.answer_days),
            (self.resolve_days, limits.resolve_days),
            (self.follow_up_days, limits.follow_up_days),
        ):
            edit.setText(str(value))
        if rule is None:
            self.add("urgency", _("Urgency"), self.urgency)
            self.add("category_id", _("Category"), self.category)
        else:
            self.add("scope", _("Applies to"), QLabel(scope_label(rule)))
        self._add_number(
            "accept_minutes", _("Accept within"), self.accept_minutes, _("minutes (office time)")
        )
        for name, label, edit in (
            ("answer_days", _("Answer within"), self.answer_days),
            ("resolve_days", _("Resolve within"), self.resolve_days),
            ("follow_up_days", _("Follow-up visit within"), self.follow_up_days),
        ):
            self._add_number(name, label, edit, _("working days"))
        (self.accept_minutes if rule is not None else self.urgency).setFocus()

    def _add_number(self, name: str, label: str, edit: QLineEdit, unit: str) -> None:
        box = UnitField(edit, unit)
        self.boxes[name] = box
        self.form.addRow(label, box)

    def save(self) -> None:
        urgency, category_id = self.urgency.currentData(), self.category.currentData()
        if self._rule is None and (urgency, category_id) in self._existing:
            raise FieldErrors(
                {
                    "urgency": DomainError(
                        _("There is already a rule for this urgency and category; edit that rule instead.")
                    )
                }
            )
        self.saved_id = self._settings.set_limit(
            self._actor,
            urgency=urgency,
            category_id=category_id,
            accept_minutes=_value(self.accept_minutes),  # type: ignore[arg-type]
            answer_days=_value(self.answer_days),  # type: ignore[arg-type]
            resolve_days=_value(self.resolve_days),  # type: ignore[arg-type]
            follow_up_days=_value(self.follow_up_days),  # type: ignore[arg-type]
        )


class OverrideDialog(AdminDialog):
    """Mark a date as a working day or a day off, whatever the official calendar says."""

    def __init__(
        self,
        settings: ClockSettingsService,
        actor: Actor,
        year: int,
        existing: list[OverrideRow] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(_("New calendar correction"), parent)
        self._settings, self._actor = settings, actor
        self._existing = {r.day for r in existing or []}
        self.saved_day: dt.date | None = None
        today = dt.date.today()
        start = today if today.year == year else dt.date(year, 1, 1)
        self.day = QDateEdit(QDate(start.year, start.month, start.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumWidth(180)
        self.kind = QComboBox()
        self.kind.addItem(_("Working day (e.g. a make-up working day)"), True)
        self.kind.addItem(_("Day off (e.g. a public holiday)"), False)
        self.note = QLineEdit()
        self.note.setMaxLength(64)
        self.note.setPlaceholderText(_("e.g. Spring Festival, make-up day for National Day"))
        self.add("day", _("Date"), self.day)
        self.add("is_workday", _("This centre"), self.kind)
        self.add("note", _("Note"), self.note)
        self.day.dateChanged.connect(self._describe_day)
        self._describe_day()
        self.day.setFocus()

    def _describe_day(self) -> None:
        day = to_date(self.day.date())
        official = official_is_workday(day)
        weekday = weekday_label(day)
        if official is None:
            text = _("{weekday}; the official calendar of this year is not known yet.", weekday=weekday)
        elif official:
            text = _("{weekday}; officially a working day.", weekday=weekday)
        else:
            text = _("{weekday}; officially a day off.", weekday=weekday)
        if day in self._existing:
            text += " " + _("This date already has a correction; saving replaces it.")
        self.boxes["day"].set_warning(text)
        if self.isVisible():
            self.fit_height()
        # Suggest the opposite of what the day would otherwise be.
        usual = official if official is not None else day.weekday() < 5
        self.kind.setCurrentIndex(self.kind.findData(not usual))

    def save(self) -> None:
        day = to_date(self.day.date())
        self._settings.set_override(self._actor, day, bool(self.kind.currentData()), self.note.text())
        self.saved_day = day
