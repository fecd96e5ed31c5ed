"""Asking for the server's password at start, when it is not in the credential store.

A PC set to a PostgreSQL server normally finds the password in the OS credential
store. Where there is none (no store on this PC, or nothing saved yet) the program
asks for it before opening the database, and says why, instead of failing to connect.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop.admin import server_settings
from desktop.admin.server_settings import Opening, PasswordNeed
from desktop.common.errors import DomainError
from ui.widgets.i18n import Translator, error_text

_ = Translator("database")


class ServerPasswordDialog(QDialog):
    def __init__(self, opening: Opening, parent: QWidget | None = None):
        super().__init__(parent)
        assert opening.address is not None
        self._opening = opening
        self.setWindowTitle(_("Password for the database server"))
        self.setMinimumWidth(460)
        why = (
            _("This PC has no credential store to keep the password in, so it is asked for at each start.")
            if opening.need is PasswordNeed.NO_STORE
            else _("No password is saved on this PC for this server yet.")
        )
        notice = QLabel(why)
        notice.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(_("&Remember it on this PC (in the credential store)"))
        self.remember.setChecked(True)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok | cancel)
        buttons.button(ok).setText(_("Connect"))
        buttons.button(cancel).setText(_("Quit"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(notice)
        form.addRow(_("Server"), QLabel(opening.address.describe()))
        form.addRow(_("Password"), self.password)
        if opening.need is PasswordNeed.NOT_SAVED:
            form.addRow("", self.remember)
        else:
            self.remember.setParent(self)
            self.remember.hide()
        form.addRow(self.error)
        form.addRow(buttons)
        self.password.setFocus()

    def accept(self) -> None:
        address = self._opening.address
        assert address is not None
        keep = self._opening.need is PasswordNeed.NOT_SAVED and self.remember.isChecked()
        if keep and self.password.text():
            try:
                server_settings.save_password(address, self.password.text())
            except DomainError as exc:
                self.error.setText(error_text(exc))
                self.error.show()
                return
        super().accept()

    def url(self) -> str:
        address = self._opening.address
        assert address is not None
        return address.url(self.password.text())


def database_to_open(setting: str, parent: QWidget | None = None) -> str | None:
    """The URL to open for this PC's database setting; asks for the server's password
    when the credential store cannot give it. None: the user chose to quit."""
    if "://" not in setting:
        return setting
    opening = server_settings.opening(setting)
    if opening.need is PasswordNeed.NONE:
        return opening.url
    dialog = ServerPasswordDialog(opening, parent)
    if not dialog.exec():
        return None
    return dialog.url()
