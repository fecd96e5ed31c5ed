"""The login window and the first-run setup (centre name and administrator password).

The login window is the first thing the program paints, before the database layer is
even imported (``ui.shell.app`` opens the database behind it): until the database is
open it says so, the user can already type, and 登录 is enabled once it is ready.
Nothing here may import the database layer at module level for that reason.

A PC without the audit key of the database (a new desk of a shared server, a database
restored on a new PC: :mod:`desktop.admin.chain_key`) cannot write the login's audit row,
so nobody could log in to reach 系统设置 → 数据库. The login window therefore checks the
key first and, when it is missing, says so and offers 导入审计密钥… and 更换审计密钥… right
here — to an administrator, whose typed user name and password are checked without
writing anything (wrong ones are not counted toward the lock) — and then logs in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError, PermissionDenied
from desktop.common.permissions import Actor
from ui.widgets.forms import FormDialog
from ui.widgets.i18n import Translator, error_text
from ui.widgets.messages import ask_yes, show_info

if TYPE_CHECKING:
    from desktop.admin.accounts import AccountService
    from desktop.admin.chain_key import ChainKeyService

_ = Translator("login")
_settings = Translator("settings")  # the texts of 系统设置 → 数据库's key buttons, reused


class LoginDialog(QDialog):
    """Asks for user name and password; ``actor`` holds the logged-in user afterwards.

    Built with ``accounts=None`` while the database is still being opened: the fields
    take typing, 登录 waits, and :meth:`set_progress` says what is happening until
    :meth:`set_ready` hands over the accounts.

    With ``chain_key`` (the open database's :class:`ChainKeyService`) a login on a PC
    without the database's audit key is refused before anything is written, and the
    key box (``key_box``) offers an administrator to import or replace the key here.
    """

    NEEDS_SETUP = 2
    """``done()`` code: the database opened empty; the first-run setup comes first."""

    def __init__(
        self,
        accounts: AccountService | None,
        centre_name: str,
        database: str,
        parent: QWidget | None = None,
        *,
        chain_key: ChainKeyService | None = None,
    ):
        super().__init__(parent)
        self._accounts = accounts
        self._chain_key = chain_key
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
        self.key_box = self._make_key_box()

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.key_box)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        layout.addWidget(where)
        # Now that it is inside the dialog, 登录 is the dialog's own default button: Enter
        # logs in, unless another button (导入审计密钥…) has the focus.
        self.login_button.setDefault(False)  # (setting it again would be ignored)
        self.login_button.setDefault(True)
        self.username.setFocus()
        if accounts is None:
            self.login_button.setEnabled(False)
            where.hide()
        else:
            self.status.hide()

    def set_progress(self, text: str) -> None:
        """What the opening database is doing now (shown above the buttons)."""
        self.status.setText(text)

    def set_ready(
        self,
        accounts: AccountService,
        centre_name: str,
        database: str,
        *,
        chain_key: ChainKeyService | None = None,
    ) -> None:
        """The database is open: name the centre and the database, enable 登录."""
        self._accounts = accounts
        self._chain_key = chain_key
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
        if self._key_missing():  # the login's audit row cannot be written: count nothing
            return
        self.key_box.hide()
        try:
            self.actor = self._accounts.login(self.username.text(), self.password.text())
        except DomainError as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()

    # --- a PC without the audit key ----------------------------------------------------
    def _make_key_box(self) -> QWidget:
        box = QWidget()
        box.setObjectName("keyBox")
        self.key_text = QLabel()
        self.key_text.setWordWrap(True)
        self.import_key_button = QPushButton(_("&Import audit key…"))
        self.import_key_button.setToolTip(
            _("The key file exported on another PC of this centre (Settings → Database → Export audit key).")
        )
        self.import_key_button.clicked.connect(self.import_key)
        self.replace_key_button = QPushButton(_("&Replace lost audit key…"))
        self.replace_key_button.setToolTip(
            _settings(
                "Only when no PC and no password-protected backup has this database's audit key any more."
            )
        )
        self.replace_key_button.clicked.connect(self.replace_key)
        replace_hint = QLabel(
            _(
                "Replace the key only if no PC and no password-protected backup has it any more: "
                "the older records can then no longer be fully checked."
            )
        )
        replace_hint.setObjectName("hint")
        replace_hint.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.import_key_button)
        row.addWidget(self.replace_key_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.key_text)
        layout.addLayout(row)
        layout.addWidget(replace_hint)
        box.hide()
        return box

    def _key_missing(self) -> bool:
        """True (and the key box shown) when the database's audit log is keyed and this
        PC lacks its key or has another database's: a login could not be recorded."""
        if self._chain_key is None:
            return False
        try:
            status = self._chain_key.status()
        except (DomainError, OSError):
            return False  # the login itself says what is wrong
        if not status.keyed or status.matches:
            return False
        self.show_key_missing(another=status.here)
        return True

    def show_key_missing(self, *, another: bool = False) -> None:
        """Say that this PC lacks the key (``another``: has another database's) and offer
        to import or replace it."""
        if another:
            text = _(
                "You cannot log in on this PC yet: its audit key belongs to another database, so "
                "nothing done here could be recorded."
            )
        else:
            text = _(
                "You cannot log in on this PC yet: it does not have this database's audit key, so "
                "nothing done here could be recorded."
            )
        self.message.setText(text)
        self.message.show()
        self.key_text.setText(
            _(
                "An administrator imports the key here: export it on a PC of this centre that works "
                "(Settings → Database → Export audit key) and bring the file, e.g. on a USB stick. "
                "Type the administrator's user name and password above, then choose."
            )
        )
        self.key_box.show()
        if not self.username.text().strip():
            self.username.setFocus()
        elif not self.password.text():
            self.password.setFocus()
        else:
            self.import_key_button.setFocus()

    ask: Callable[..., bool] = staticmethod(ask_yes)
    """The confirmation before a key is replaced (tests replace it)."""
    tell: Callable[[QWidget, str, str], None] = staticmethod(show_info)
    """Where the new key is, after a replacement (tests replace it)."""

    def choose_key_file(self) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            self, _settings("Import audit key"), "", _settings("Audit key (*.key)")
        )
        return path

    def _administrator(self) -> Actor | None:
        """The administrator whose credentials are typed, checked without writing anything;
        None (and why, in the message line) otherwise."""
        assert self._chain_key is not None
        try:
            return self._chain_key.administrator(self.username.text(), self.password.text())
        except PermissionDenied:
            self._refused(
                _(
                    "Only an administrator can import or replace the audit key. Please ask your "
                    "administrator to sign in here and do it."
                )
            )
        except DomainError as exc:
            self._refused(error_text(exc))
        return None

    def _refused(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.password.clear()
        self.password.setFocus()

    def import_key(self, path: str = "") -> None:
        """导入审计密钥…: an administrator imports the key file, then is logged in."""
        if self._chain_key is None or self._accounts is None:
            return
        actor = self._administrator()
        if actor is None:
            return
        path = path or self.choose_key_file()
        if not path:
            return
        try:
            self._chain_key.import_key(actor, path)
        except DomainError as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            self.import_key_button.setFocus()
            return
        self._try_login()

    def replace_key(self) -> None:
        """更换审计密钥…: after the plain warning of 系统设置's button, an administrator makes
        a new key (recorded in the audit log), is told where it is, and is logged in."""
        if self._chain_key is None or self._accounts is None:
            return
        actor = self._administrator()
        if actor is None:
            return
        title = _settings("Replace lost audit key")
        question = _settings(
            "Do this only if this database's audit key is lost: no PC and no password-protected "
            "backup has it any more.\n\n"
            "A new key is made. The audit records written so far can then only be checked for "
            "their order and completeness, no longer for their signature; the check says so every "
            "time. The replacement itself is recorded in the audit log and cannot be undone. "
            "Every other PC must then import the new key.\n\n"
            "Replace the audit key now?"
        )
        if not self.ask(self, title, question):
            return
        try:
            done = self._chain_key.replace_key(actor)
        except DomainError as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            return
        self.tell(
            self,
            title,
            _settings(
                "The audit key was replaced; the new key is in {path}. Export it now "
                "(Export audit key…) and keep it with the backups.",
                path=str(done.path),
            ),
        )
        self._try_login()


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
