"""The login window and the first-run setup (centre name and administrator password).

The login window is the first thing the program paints, before the database layer is
even imported (``ui.shell.app`` opens the database behind it): until the database is
open it says so, the user can already type, and 登录 is enabled once it is ready.
Nothing here may import the database layer at module level for that reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from ui.widgets.forms import FormDialog
from ui.widgets.i18n import Translator, error_text

if TYPE_CHECKING:
    from desktop.admin.accounts import AccountService

_ = Translator("login")


class LoginDialog(QDialog):
    """Asks for user name and password; ``actor`` holds the logged-in user afterwards.

    Built with ``accounts=None`` while the database is still being opened: the fields
    take typing, 登录 waits, and :meth:`set_progress` says what is happening until
    :meth:`set_ready` hands over the accounts.
    """

    NEEDS_SETUP = 2
    """``done()`` code: the database opened empty; the first-run setup comes first."""

    def __init__(
        self,
        accounts: AccountService | None,
        centre_name: str,
        database: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._accounts = accounts
        self._pending = False
        self.actor: Actor | None = None
        self.setWindowTitle(_("Log in — Community Service Centre"))
        self.setMinimumWidth(420)

        self.title = title = QLabel(centre_name or _("Community Service Centre"))
        title.setObjectName("centreName")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setPlaceholderText(_("User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_("Password"))
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.status = QLabel(_("Opening the database…"))
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.where = where = QLabel(_("Database: {name}", name=database))
        where.setObjectName("hint")
        where.setWordWrap(True)

        form = QFormLayout()
        form.addRow(_("User name"), self.username)
        form.addRow(_("Password"), self.password)
        buttons = QDialogButtonBox()
        self.login_button = buttons.addButton(_("Log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.login_button.setDefault(True)
        buttons.addButton(_("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._try_login)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        layout.addWidget(where)
        self.username.setFocus()
        if accounts is None:
            self.login_button.setEnabled(False)
            where.hide()
        else:
            self.status.hide()

    def set_progress(self, text: str) -> None:
        """What the opening database is doing now (shown above the buttons)."""
        self.status.setText(text)

    def set_ready(self, accounts: AccountService, centre_name: str, database: str) -> None:
        """The database is open: name the centre and the database, enable 登录."""
        self._accounts = accounts
        if centre_name:
            self.title.setText(centre_name)
        self.where.setText(_("Database: {name}", name=database))
        self.where.show()
        self.status.hide()
        self.login_button.setEnabled(True)
        if self._pending:  # Enter was pressed while the database was opening
            self._pending = False
            self._try_login()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self._accounts is None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Typed ahead: log in as soon as the database is open.
            self._pending = True
            self.status.setText(_("Opening the database… you will be logged in when it is ready."))
            return
        super().keyPressEvent(event)

    def _try_login(self) -> None:
        if self._accounts is None:  # still opening: 登录 is disabled, Enter lands here
            return
        try:
            self.actor = self._accounts.login(self.username.text(), self.password.text())
        except DomainError as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()


class SetupDialog(FormDialog):
    """First run on an empty database: name the centre and set the admin password."""

    def __init__(self, accounts: AccountService, parent: QWidget | None = None):
        super().__init__(
            _("First-time setup"),
            parent,
            save_text=_("Start using"),
            cancel_text=_("Quit"),
            intro=_(
                "Welcome. This database is new: name your centre and choose the "
                "administrator's password. You can add other users after logging in."
            ),
        )
        self._accounts = accounts
        self.setMinimumWidth(520)
        self.centre_name = QLineEdit()
        self.centre_name.setPlaceholderText(_("e.g. 张店区某某社区党群服务中心"))
        self.username = QLineEdit("admin")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.add("centre_name", _("Centre name"), self.centre_name)
        self.add("username", _("Administrator user name"), self.username)
        self.add("password", _("Password (6+ characters)"), self.password)
        self.add("confirm", _("Repeat password"), self.confirm)
        self.centre_name.setFocus()

    def save(self) -> None:
        self._accounts.setup(
            self.centre_name.text(), self.username.text(), self.password.text(), self.confirm.text()
        )
