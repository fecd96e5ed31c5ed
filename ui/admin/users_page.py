"""用户管理: the administrator's list of accounts, plus the password dialogs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.admin.accounts import AccountService, UserRow
from desktop.common.changes import Changes, Topic
from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import ROLE_LABELS, Actor, Role
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.forms import FormDialog
from ui.widgets.i18n import Translator, desktop_text
from ui.widgets.list_page import ListPage
from ui.widgets.messages import show_info
from ui.widgets.windowed_model import Column, ServiceRows, WindowedTableModel

_ = Translator("users")


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class UserDialog(FormDialog):
    """Create a user (with a first password) or edit name, role and whether active."""

    def __init__(
        self,
        accounts: AccountService,
        actor: Actor,
        user: UserRow | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(_("New user") if user is None else _("Edit user"), parent)
        self._accounts, self._actor, self._user = accounts, actor, user
        self.username = QLineEdit(user.username if user else "")
        self.username.setEnabled(user is None)
        self.full_name = QLineEdit(user.full_name if user else "")
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(desktop_text(ROLE_LABELS[role]), role.value)
        if user is not None:
            self.role.setCurrentIndex(self.role.findData(user.role.value))
        self.add("username", _("User name"), self.username)
        self.add("full_name", _("Name"), self.full_name)
        self.add("role", _("Role"), self.role)
        if user is None:
            self.password = _password_field()
            self.add("password", _("First password"), self.password)
            self.username.setFocus()
        else:
            self.active = QCheckBox(_("Account may log in"))
            self.active.setChecked(user.is_active)
            self.add("is_active", "", self.active)
            self.full_name.setFocus()

    def save(self) -> None:
        role = Role(self.role.currentData())
        if self._user is None:
            self._accounts.create_user(
                self._actor,
                username=self.username.text(),
                full_name=self.full_name.text(),
                role=role,
                password=self.password.text(),
            )
        else:
            self._accounts.update_user(
                self._actor,
                self._user.id,
                full_name=self.full_name.text(),
                role=role,
                is_active=self.active.isChecked(),
            )


class ResetPasswordDialog(FormDialog):
    def __init__(self, accounts: AccountService, actor: Actor, user: UserRow, parent: QWidget | None = None):
        super().__init__(_("Reset password of {name}", name=user.full_name), parent)
        self._accounts, self._actor, self._user = accounts, actor, user
        self.password = _password_field()
        self.add("password", _("New password"), self.password)
        self.password.setFocus()

    def save(self) -> None:
        try:
            self._accounts.reset_password(self._actor, self._user.id, self.password.text())
        except FieldErrors:
            raise
        except DomainError as exc:
            raise FieldErrors({"password": exc}) from exc


class ChangePasswordDialog(FormDialog):
    def __init__(self, accounts: AccountService, actor: Actor, parent: QWidget | None = None):
        super().__init__(_("Change my password"), parent)
        self._accounts, self._actor = accounts, actor
        self.old, self.new, self.confirm = _password_field(), _password_field(), _password_field()
        self.add("old", _("Current password"), self.old)
        self.add("new", _("New password"), self.new)
        self.add("confirm", _("Repeat new password"), self.confirm)
        self.old.setFocus()

    def save(self) -> None:
        try:
            self._accounts.change_own_password(
                self._actor, self.old.text(), self.new.text(), self.confirm.text()
            )
        except FieldErrors:
            raise
        except DomainError as exc:
            raise FieldErrors({"new": exc}) from exc


class UsersPage(ListPage[UserRow]):
    """The list of accounts with New (Ctrl+N), Edit (Enter) and Reset password.

    A :class:`~ui.widgets.list_page.ListPage` without a search box: a centre has a
    handful of accounts, read at once. It follows the accounts through the change hub
    (a lock-out after wrong passwords at another desk shows up by itself).
    """

    COLUMNS = ("username", "full_name", "role", "status")

    def __init__(
        self,
        accounts: AccountService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
    ):
        super().__init__(
            WindowedTableModel(self._columns()),
            parent,
            title=_("Users"),
            searchable=False,
            error_title=_("Users"),
        )
        self._accounts, self._actor = accounts, actor
        new = QPushButton(_("New user"))
        new.setToolTip("Ctrl+N")
        new.clicked.connect(self.new_user)
        self.edit_button = QPushButton(_("Edit"))
        self.edit_button.setToolTip("Enter")
        self.edit_button.clicked.connect(self.edit_user)
        self.reset_button = QPushButton(_("Reset password / unlock"))
        self.reset_button.clicked.connect(self.reset_password)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(True)  # the titles bold over the selected account, as always
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_user)

        hint = QLabel(
            _(
                "An account is locked for 15 minutes after 5 wrong passwords; "
                "resetting its password unlocks it."
            )
        )
        hint.setObjectName("hint")
        self.arrange(
            self.title_bar(new, self.edit_button, self.reset_button),
            below=[hint],
            margins=(16, 12, 16, 12),
            spacing=None,
        )
        self.start()
        watch(hub, self, {Topic.USERS}, self._users_changed)

    def _users_changed(self, _changes: Changes | None) -> None:
        self.refresh()

    def focus_default(self) -> None:
        """The keyboard starts in the list of accounts."""
        self.table.setFocus()

    @staticmethod
    def _columns() -> list[Column[UserRow]]:
        return [
            Column(_("User name"), lambda u: u.username),
            Column(_("Name"), lambda u: u.full_name),
            Column(_("Role"), lambda u: desktop_text(ROLE_LABELS[u.role])),
            Column(_("Status"), _status),
        ]

    def new_source(self) -> ServiceRows[UserRow]:
        return ServiceRows.from_list(lambda: self._accounts.list_users(self._actor))

    def start(self) -> None:
        super().start()
        self._select_first()

    def refresh(self) -> None:
        super().refresh()
        self._select_first()

    def _select_first(self) -> None:
        if self.model.rowCount() and self.selected_row() is None:
            self.select_row(0)

    def rows(self) -> list[UserRow]:
        """Every account shown, in order."""
        return [row for r in range(self.model.rowCount()) if (row := self.model.row_at(r)) is not None]

    def selected(self) -> UserRow | None:
        return self.selected_row()

    def open_row(self, row: UserRow) -> None:
        self.edit_user()

    def new_user(self) -> None:
        if UserDialog(self._accounts, self._actor, parent=self).exec():
            self.refresh()

    def edit_user(self) -> None:
        user = self.selected()
        if user and UserDialog(self._accounts, self._actor, user, parent=self).exec():
            self.refresh()

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        if ResetPasswordDialog(self._accounts, self._actor, user, parent=self).exec():
            self.refresh()
            show_info(self, _("Password reset"), _("The new password is set and the account is unlocked."))


def _status(user: UserRow) -> str:
    if not user.is_active:
        return _("Disabled")
    if user.locked_until and user.locked_until > dt.datetime.now():
        return _("Locked until {time}", time=user.locked_until.strftime("%H:%M"))
    return _("Active")
