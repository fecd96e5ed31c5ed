"""操作日志: who changed what and when, newest first, from the append-only audit log."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QWidget

from desktop.admin.audit_log import AuditRow, AuditService
from desktop.common.permissions import Actor
from ui.widgets.i18n import Translator
from ui.widgets.list_page import ListPage
from ui.widgets.windowed_model import Column, ServiceRows, WindowedTableModel

_ = Translator("audit")


def action_labels() -> dict[str, str]:
    return {
        "setup": _("Setup"),
        "login": _("Logged in"),
        "login_failed": _("Wrong password"),
        "lock": _("Account locked"),
        "create": _("Created"),
        "update": _("Changed"),
        "archive": _("Archived"),
        "restore": _("Restored"),
        "reveal": _("Viewed ID/phone"),
        "reset_password": _("Password reset"),
        "change_password": _("Password changed"),
        "demo": _("Demo data"),
    }


def entity_labels() -> dict[str, str]:
    return {
        "user": _("User"),
        "resident": _("Resident"),
        "setting": _("Setting"),
        "database": _("Database"),
    }


def field_labels() -> dict[str, str]:
    return {
        "name": _("Name"),
        "gender": _("Gender"),
        "birth_date": _("Birth date"),
        "id_number": _("ID number"),
        "phone": _("Phone"),
        "address": _("Address"),
        "grid_id": _("Grid"),
        "tags": _("Key groups"),
        "notes": _("Notes"),
        "archived": _("Archived"),
        "username": _("User name"),
        "full_name": _("Name"),
        "role": _("Role"),
        "is_active": _("May log in"),
        "centre_name": _("Centre name"),
        "fields": _("Fields"),
        "scale": _("Scale"),
        "residents": _("Residents"),
        "grids": _("Grids"),
    }


def describe(before: str, after: str) -> tuple[str, str]:
    """Readable "field: value" lists; for a change only the fields that differ."""
    labels = field_labels()
    try:
        old = json.loads(before) if before else {}
        new = json.loads(after) if after else {}
    except ValueError:
        return before, after
    if not isinstance(old, dict) or not isinstance(new, dict):
        return before, after
    keys = [k for k in dict.fromkeys([*old, *new]) if old.get(k) != new.get(k)] if old and new else None

    def show(values: dict) -> str:
        parts = []
        for key in keys if keys is not None else values:
            if key not in values:
                continue
            value = values[key]
            if isinstance(value, bool):
                value = _("yes") if value else _("no")
            elif isinstance(value, list):
                value = "、".join(str(v) for v in value)
            parts.append(f"{labels.get(key, key)}：{value}")
        return "；".join(parts)

    return show(old), show(new)


class AuditPage(ListPage[AuditRow]):
    """The audit log, newest first: a :class:`~ui.widgets.list_page.ListPage` without a
    search box, its count on a line under the title."""

    def __init__(self, service: AuditService, actor: Actor, parent: QWidget | None = None):
        actions, entities = action_labels(), entity_labels()
        columns = [
            Column(_("Time"), lambda r: r.at.strftime("%Y-%m-%d %H:%M:%S")),
            Column(_("User"), lambda r: r.username),
            Column(_("Action"), lambda r: actions.get(r.action, r.action)),
            Column(_("Object"), lambda r: f"{entities.get(r.entity, r.entity)} {r.entity_id}".strip()),
            Column(_("Before"), lambda r: describe(r.before, r.after)[0]),
            Column(_("After"), lambda r: describe(r.before, r.after)[1]),
        ]
        super().__init__(
            WindowedTableModel(columns),
            parent,
            title=_("Audit log"),
            searchable=False,
            error_title=_("Audit log"),
        )
        self._service, self._actor = service, actor
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        for col, width in enumerate((160, 90, 110, 110)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.count_label.setObjectName("hint")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hint = QLabel(_("Entries cannot be changed or deleted. ID numbers and phones are kept masked."))
        hint.setObjectName("hint")
        self.arrange(self.title_label, self.count_label, below=[hint], margins=(16, 12, 16, 12), spacing=None)
        self.start()

    def new_source(self) -> ServiceRows[AuditRow]:
        return ServiceRows(
            lambda: self._service.count(self._actor),
            lambda offset, limit: self._service.page(self._actor, offset, limit),
        )

    def count_text(self, n: int) -> str:
        return _("{n} entries", n=n)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        # The log grows with every action elsewhere; show the newest when opened.
        self.refresh()
        super().showEvent(event)
