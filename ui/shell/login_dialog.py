"""The login window and the first-run setup (centre name and administrator password)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.admin.accounts import AccountService
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from ui.widgets.forms import FormDialog
from ui.widgets.i18n import Translator, error_text

_ = Translator("login")


class LoginDialog(QDialog):
    """Asks for user name and password; ``actor`` holds the logged-in user afterwards."""

    def __init__(
        self,
        accounts: AccountService,
        centre_name: str,
        database: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._accounts = accounts
        self.actor: Actor | None = None
        self.setWindowTitle(_("Log in — Community Service Centre"))
        self.setMinimumWidth(420)

        title = QLabel(centre_name or _("Community Service Centre"))
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
        where = QLabel(_("Database: {name}", name=database))
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
        layout.addWidget(buttons)
        layout.addWidget(where)
        self.username.setFocus()

    def _try_login(self) -> None:
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
