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

from desktop.accounts import AccountService
from desktop.errors import DomainError, FieldErrors
from desktop.permissions import Actor
from ui.forms import FieldBox
from ui.i18n import Translator, error_text

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


class SetupDialog(QDialog):
    """First run on an empty database: name the centre and set the admin password."""

    def __init__(self, accounts: AccountService, parent: QWidget | None = None):
        super().__init__(parent)
        self._accounts = accounts
        self.setWindowTitle(_("First-time setup"))
        self.setMinimumWidth(520)
        intro = QLabel(
            _(
                "Welcome. This database is new: name your centre and choose the "
                "administrator's password. You can add other users after logging in."
            )
        )
        intro.setWordWrap(True)
        self.centre_name = QLineEdit()
        self.centre_name.setPlaceholderText(_("e.g. 张店区某某社区党群服务中心"))
        self.username = QLineEdit("admin")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self._boxes = {
            "centre_name": FieldBox(self.centre_name),
            "username": FieldBox(self.username),
            "password": FieldBox(self.password),
        }
        form = QFormLayout()
        form.addRow(_("Centre name"), self._boxes["centre_name"])
        form.addRow(_("Administrator user name"), self._boxes["username"])
        form.addRow(_("Password (6+ characters)"), self._boxes["password"])
        form.addRow(_("Repeat password"), self.confirm)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.hide()
        buttons = QDialogButtonBox()
        ok = buttons.addButton(_("Start using"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.addButton(_("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.centre_name.setFocus()

    def _save(self) -> None:
        for box in self._boxes.values():
            box.set_error(None)
        self.message.hide()
        try:
            self._accounts.setup(
                self.centre_name.text(),
                self.username.text(),
                self.password.text(),
                self.confirm.text(),
            )
        except FieldErrors as exc:
            for name, err in exc.errors.items():
                self._boxes[name].set_error(error_text(err))
            return
        except DomainError as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            return
        self.accept()
