"""设置 → 数据库: which database this PC opens (administrators only).

A file on this PC (SQLite), or a PostgreSQL server that several PCs share: its
address, port, database and user, and the password (kept in the OS credential store,
never in the settings file). 测试连接 runs off the GUI thread and says what it found;
迁移到服务器 copies this centre's file into an empty server database. A change takes
effect when the program is started again, and the box says so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.admin import server_settings
from desktop.admin.server_settings import ConnectionReport, ServerAddress
from desktop.admin.this_pc import save_this_pc
from desktop.common.config import LocalConfig, default_database
from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import Actor
from ui.widgets.background import Task, run_task
from ui.widgets.forms import FieldBox, field_row
from ui.widgets.i18n import Translator, error_text, field_messages

_ = Translator("database")


class DatabaseBox(QGroupBox):
    """The database part of the settings page.

    Args:
        open_move: opens the 迁移到服务器 dialog for a server address and password
            (wired by the settings page; tests replace it).
        extra_buttons: more buttons for the row under the form (e.g. the audit key's).
    """

    def __init__(
        self,
        actor: Actor,
        config: LocalConfig,
        in_use: str,
        parent: QWidget | None = None,
        *,
        open_move: Callable[[ServerAddress, str], object] | None = None,
        extra_buttons: list[QPushButton] | None = None,
    ):
        super().__init__(_("Database (takes effect after restarting the program)"), parent)
        self._actor, self._config = actor, config
        self._open_move = open_move
        self.test_task: Task | None = None
        current = config.database
        address = server_settings.address_of(current) if current else None

        self.use_file = QRadioButton(_("&File on this PC (SQLite, one PC)"))
        self.use_server = QRadioButton(_("Database &server (PostgreSQL, several PCs)"))
        kind = QButtonGroup(self)
        kind.addButton(self.use_file)
        kind.addButton(self.use_server)
        (self.use_server if address else self.use_file).setChecked(True)

        self.file_path = QLineEdit("" if address else (current or default_database()))
        self.file_box = FieldBox(self.file_path)
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self._browse)

        self.host = QLineEdit(address.host if address else "")
        self.host.setPlaceholderText("192.168.1.10")
        self.port = QLineEdit(str(address.port if address else server_settings.DEFAULT_PORT))
        self.port.setMaximumWidth(90)
        self.database = QLineEdit(address.database if address else "shequ")
        self.user = QLineEdit(address.user if address else "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.boxes = {
            name: FieldBox(widget)
            for name, widget in (
                ("host", self.host),
                ("port", self.port),
                ("database", self.database),
                ("user", self.user),
                ("password", self.password),
            )
        }
        self.store_available = server_settings.credential_store_available()
        if address is not None and self.store_available and server_settings.saved_password(address):
            self.password.setPlaceholderText(_("(saved; type to change)"))

        form = QFormLayout()
        form.addRow(self.use_file)
        form.addRow(_("File"), field_row(self.file_box, browse, grow=self.file_box))
        form.addRow(self.use_server)
        form.addRow(
            _("Server address"),
            field_row(self.boxes["host"], QLabel(_("Port")), self.boxes["port"], grow=self.boxes["host"]),
        )
        form.addRow(_("Database name"), self.boxes["database"])
        form.addRow(_("User name"), self.boxes["user"])
        form.addRow(_("Password"), self.boxes["password"])
        store_note = QLabel(
            _("The password is kept in this PC's credential store, never in the settings file.")
            if self.store_available
            else _(
                "This PC has no credential store: the password is not kept, and the program asks "
                "for it each time it starts."
            )
        )
        store_note.setObjectName("hint")
        store_note.setWordWrap(True)
        form.addRow("", store_note)

        self.test_button = QPushButton(_("&Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.save_button = QPushButton(_("Save database setting"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        self.move_button = QPushButton(_("&Move this centre to the server…"))
        self.move_button.clicked.connect(self.move_to_server)
        buttons = QHBoxLayout()
        for button in (self.test_button, self.save_button, self.move_button, *(extra_buttons or [])):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setObjectName("hint")
        in_use_label = QLabel(_("In use now: {name}", name=in_use))
        in_use_label.setObjectName("hint")
        in_use_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(in_use_label)
        self.server_widgets: list[QWidget] = [self.host, self.port, self.database, self.user, self.password]
        self.file_widgets: list[QWidget] = [self.file_path, browse]
        self.use_file.toggled.connect(self._kind_changed)
        self._kind_changed()

    # --- the form --------------------------------------------------------------------
    def _kind_changed(self) -> None:
        server = self.use_server.isChecked()
        for widget in self.server_widgets:
            widget.setEnabled(server)
        for widget in self.file_widgets:
            widget.setEnabled(not server)
        self.move_button.setEnabled(server)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Database file"),
            self.file_path.text(),
            _("Database (*.sqlite3 *.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.file_path.setText(path)

    def _clear_errors(self) -> None:
        for box in (*self.boxes.values(), self.file_box):
            box.set_error(None)

    def address(self) -> ServerAddress | None:
        """The typed server address, or None with a message under each bad field."""
        self._clear_errors()
        try:
            return server_settings.parse_address(
                self.host.text(), self.port.text(), self.database.text(), self.user.text()
            )
        except FieldErrors as exc:
            messages = field_messages(exc)
            for name, text in messages.items():
                self.boxes[name].set_error(text)
            first = next(iter(messages))
            self.boxes[first].field.setFocus()
            self._say(_("Please correct the highlighted fields."), ok=False)
            return None

    def typed_password(self, address: ServerAddress) -> str:
        """The typed password, or the saved one when none was typed."""
        return self.password.text() or server_settings.saved_password(address) or ""

    def say(self, text: str, *, ok: bool) -> None:
        """Show ``text`` under the buttons (red when not ``ok``)."""
        self._say(text, ok=ok)

    def _say(self, text: str, *, ok: bool) -> None:
        self.result.setObjectName("hint" if ok else "fieldError")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.result.setText(text)

    # --- 测试连接 --------------------------------------------------------------------
    def test_connection(self) -> None:
        if self.use_file.isChecked():
            self._test_file()
            return
        address = self.address()
        if address is None:
            return
        password = self.typed_password(address)
        self.test_button.setEnabled(False)
        self._clear_errors()
        self._say(_("Connecting to {host}…", host=address.host), ok=True)
        self.test_task = run_task(
            self,
            lambda _progress: server_settings.check_connection(address, password),
            title=_("Test connection"),
            on_done=self._tested,
            on_failed=self._test_failed,
            dialog=False,
        )

    def _tested(self, report: ConnectionReport) -> None:
        self.test_button.setEnabled(True)
        text = error_text(report.message)
        self._say(text, ok=report.ok)
        if report.field in self.boxes:
            self.boxes[report.field].set_error(text)
            self.boxes[report.field].field.setFocus()

    def _test_failed(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        self._say(error_text(error) if isinstance(error, DomainError) else str(error), ok=False)

    def _test_file(self) -> bool:
        from desktop.admin.this_pc import refuse_network_file
        from desktop.opening import probe_database

        self._clear_errors()
        path = self.file_path.text().strip()
        if not path:
            self.file_box.set_error(_("Enter the database file's path, or choose it."))
            return False
        try:
            refuse_network_file(path)
            self._say(error_text(DomainError(probe_database(path))), ok=True)
        except DomainError as exc:
            self.file_box.set_error(error_text(exc))
            self._say(error_text(exc), ok=False)
            return False
        return True

    # --- saving ----------------------------------------------------------------------
    def save(self) -> bool:
        """Save the choice for the next start; say so. False when refused."""
        try:
            if self.use_file.isChecked():
                if not self._test_file():
                    return False
                save_this_pc(
                    self._actor,
                    self._config,
                    language=self._config.language,
                    database=self.file_path.text().strip(),
                )
                self._say(_("Saved. Restart the program to use the new database."), ok=True)
                return True
            address = self.address()
            if address is None:
                return False
            notice = server_settings.save_server(
                self._actor, self._config, address, self.typed_password(address)
            )
        except DomainError as exc:
            self._say(error_text(exc), ok=False)
            return False
        self.password.clear()
        self._say(error_text(DomainError(notice)), ok=True)
        return True

    # --- 迁移到服务器 ------------------------------------------------------------------
    def move_to_server(self) -> None:
        address = self.address()
        if address is None or self._open_move is None:
            return
        self._open_move(address, self.typed_password(address))
