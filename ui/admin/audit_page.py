"""操作日志: who did what, to whom, when — newest first, in words, filterable.

Every row names the person who acted (full name), the action and the object in
Chinese (:mod:`ui.admin.audit_labels`), the object by name or number, and what changed
as "字段：值" lists (for a change only the fields that differ; empty values left out).
Filters: user, date range, action and kind of object. The page follows the log through
the change hub: every write elsewhere adds a row, shown when the page is visible (or
the next time it is shown), keeping the selected row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QWidget

from desktop.admin.audit_log import AuditFilter, AuditRow, AuditService
from desktop.common.changes import Changes, Topic
from desktop.common.permissions import Actor
from ui.admin.audit_labels import (
    action_labels,
    action_namer,
    describer,
    entities_of,
    entity_label,
    kind_labels,
    setting_labels,
)
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.date_field import DateField
from ui.widgets.i18n import Translator
from ui.widgets.list_page import ListPage
from ui.widgets.windowed_model import Column, ServiceRows, WindowedTableModel

_ = Translator("audit")

ANY_DAY = QDate(2000, 1, 1)
"""The "no limit" value of the date filters (shown as 不限)."""

COL_TIME, COL_USER, COL_ACTION, COL_OBJECT, COL_BEFORE, COL_AFTER = range(6)


def describe(row: AuditRow) -> tuple[str, str]:
    """The row's fields as readable "字段：值" lists: before, after."""
    say = describer()
    before = [say(c.field, c.before) for c in row.changes if c.before is not None]
    after = [say(c.field, c.after) for c in row.changes if c.after is not None]
    return "；".join(before), "；".join(after)


def object_text(row: AuditRow) -> str:
    """ "居民 张三", "诉求 2026-11-000123", "设置 中心名称"."""
    label = entity_label(row.entity)
    subject = setting_labels().get(row.subject, row.subject) if row.entity == "setting" else row.subject
    return f"{label} {subject}".strip()


class AuditTableModel(WindowedTableModel[AuditRow]):
    """The windowed model; a long object or list of fields shows whole as a tooltip,
    one field a line."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            if index.column() in (COL_OBJECT, COL_BEFORE, COL_AFTER):
                text = super().data(index, Qt.ItemDataRole.DisplayRole)
                return text.replace("；", "\n") if text else None
            return None
        return super().data(index, role)


class AuditPage(ListPage[AuditRow]):
    """The audit log: a :class:`~ui.widgets.list_page.ListPage` without a search box;
    its filters are user, dates, action and kind of object.

    Args:
        service: the audit log service.
        actor: the logged-in director or administrator.
        parent: the owning widget.
        hub: the session's change hub; new entries appear without a click.
    """

    def __init__(
        self,
        service: AuditService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
    ):
        actions, action_name = action_labels(), action_namer()
        columns = [
            Column(_("Time"), lambda r: r.at.strftime("%Y-%m-%d %H:%M:%S")),
            Column(_("User"), lambda r: r.user),
            Column(_("Action"), lambda r: action_name(r.action, r.entity)),
            Column(_("Object"), object_text),
            Column(_("Before"), lambda r: describe(r)[0]),
            Column(_("After"), lambda r: describe(r)[1]),
        ]
        super().__init__(
            AuditTableModel(columns),
            parent,
            title=_("Audit log"),
            searchable=False,
            count_sample="1,000,000 entries",
            error_title=_("Audit log"),
        )
        self._service, self._actor = service, actor
        self._build(actions)
        self.start()
        watch(hub, self, {Topic.AUDIT, Topic.USERS}, self._log_changed)

    def _build(self, actions: dict[str, str]) -> None:
        self.user_combo = self.make_combo(_("Only what this user did"))
        self.reload_users()
        self.since_edit = self._date_field(_("From this day"))
        self.until_edit = self._date_field(_("Up to this day"))
        self.action_combo = self.make_combo(_("Only this action"))
        self.action_combo.addItem(_("All actions"), None)
        for key, label in actions.items():
            self.action_combo.addItem(label, key)
        self.kind_combo = self.make_combo(_("Only entries about this kind of object"))
        self.kind_combo.addItem(_("All objects"), None)
        for key, label in kind_labels().items():
            self.kind_combo.addItem(label, key)
        self.clear_button = QPushButton(_("Clear filters"))
        self.clear_button.setAutoDefault(False)
        self.clear_button.setMinimumHeight(self.control_height - 4)
        self.clear_button.clicked.connect(self.clear_filters)
        for combo in (self.user_combo, self.action_combo, self.kind_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        for edit in (self.since_edit, self.until_edit):
            edit.dateChanged.connect(self.apply_filter)

        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        fm = self.table.fontMetrics()
        widths = {
            COL_TIME: fm.horizontalAdvance("2026-12-31 23:59:59") + 20,
            COL_USER: fm.horizontalAdvance("欧阳建国") + 24,
            COL_ACTION: fm.horizontalAdvance("取消兑换取消") + 20,
            COL_OBJECT: fm.horizontalAdvance("诉求 2026-11-000123") + 20,
        }
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(COL_BEFORE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_AFTER, QHeaderView.ResizeMode.Stretch)
        hint = QLabel(_("Entries cannot be changed or deleted. ID numbers and phones are kept masked."))
        hint.setObjectName("hint")
        since_label, until_label = QLabel(_("From")), QLabel(_("to"))
        since_label.setBuddy(self.since_edit)
        until_label.setBuddy(self.until_edit)
        self.arrange(
            self.title_label,
            self.filter_bar(
                self.user_combo,
                since_label,
                self.since_edit,
                until_label,
                self.until_edit,
                self.action_combo,
                self.kind_combo,
                self.clear_button,
            ),
            below=[hint],
            margins=(16, 12, 16, 12),
            spacing=8,
        )

    def _date_field(self, tip: str) -> DateField:
        edit = DateField()
        edit.setToolTip(tip)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(ANY_DAY)
        edit.setSpecialValueText(_("any"))
        edit.setDate(ANY_DAY)
        edit.setMinimumHeight(self.control_height - 4)
        edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("2026-12-31") + 48)
        return edit

    # --- what the list shows ---------------------------------------------------------
    @staticmethod
    def _day(edit: DateField) -> dt.date | None:
        date = edit.date()
        return None if date == ANY_DAY else dt.date(date.year(), date.month(), date.day())

    def current_filter(self) -> AuditFilter:
        action, kind = self.action_combo.currentData(), self.kind_combo.currentData()
        return AuditFilter(
            user_id=self.user_combo.currentData(),
            since=self._day(self.since_edit),
            until=self._day(self.until_edit),
            actions=frozenset({action}) if action else frozenset(),
            entities=entities_of(kind) if kind else frozenset(),
        )

    def new_source(self) -> ServiceRows[AuditRow]:
        f = self.current_filter()
        return ServiceRows(
            lambda: self._service.count(self._actor, f),
            lambda offset, limit: self._service.page(self._actor, offset, limit, f),
            filter=f,
        )

    def count_text(self, n: int) -> str:
        return _("{n} entries", n=f"{n:,}")

    def empty_text(self) -> str:
        if self.shown_filter() != AuditFilter():
            return _("No entry matches these filters.")
        return _("No entries yet.")

    def set_filter(self, **values: Any) -> None:
        """Choose filters by value (``user_id``, ``action``, ``kind``; ``since``/``until``
        as dates), then query once."""
        combos = {"user_id": self.user_combo, "action": self.action_combo, "kind": self.kind_combo}
        for name, value in values.items():
            if name in combos:
                combo = combos[name]
                combo.blockSignals(True)
                combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
                combo.blockSignals(False)
            else:
                edit = self.since_edit if name == "since" else self.until_edit
                edit.blockSignals(True)
                edit.setDate(QDate(value.year, value.month, value.day) if value else ANY_DAY)
                edit.blockSignals(False)
        self.apply_filter()

    def clear_filters(self) -> None:
        self.set_filter(user_id=None, action=None, kind=None, since=None, until=None)

    def focus_default(self) -> None:
        """The keyboard starts in the table (on its newest row)."""
        self.focus_table()
        if not self.model.rowCount():
            self.user_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def reload_users(self) -> None:
        """(Re)list the accounts of the user filter, keeping the one chosen."""
        chosen = self.user_combo.currentData()
        self.user_combo.blockSignals(True)
        self.user_combo.clear()
        self.user_combo.addItem(_("All users"), None)
        for user_id, name in self._service.users(self._actor):
            self.user_combo.addItem(name, user_id)
        self.user_combo.setCurrentIndex(max(self.user_combo.findData(chosen), 0) if chosen else 0)
        self.user_combo.blockSignals(False)

    def _log_changed(self, changes: Changes | None) -> None:
        if changes is None or Topic.USERS in changes.topics:
            self.reload_users()
        self.refresh()
