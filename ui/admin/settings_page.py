"""系统设置: language and database location for this PC, the centre's name for all PCs.

Only an administrator changes the centre's name or where the database is; other roles
see both read-only (and the services refuse them). The centre's name follows the
database through the change hub (renamed on another PC: shown here after the next
change is seen), unless the user is editing it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
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

from desktop.admin.this_pc import may_move_database, save_this_pc
from desktop.common.changes import Changes, Topic
from desktop.common.config import LocalConfig, default_database
from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import Actor, Permission
from desktop.opening import Services, probe_database
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.forms import FieldBox
from ui.widgets.i18n import Translator, desktop_text, error_text

_ = Translator("settings")


class SettingsPage(QWidget):
    """Signals:
    sig_centre_renamed(str): the centre's name was saved.
    """

    sig_centre_renamed = Signal(str)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        parent: QWidget | None = None,
        config: LocalConfig | None = None,
        *,
        hub: ChangeHub | None = None,
    ):
        super().__init__(parent)
        self._services, self._actor = services, actor
        self._config = config or LocalConfig.load()
        self._shown_name = ""
        title = QLabel(_("Settings"))
        title.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self._centre_group())
        layout.addWidget(self._pc_group())
        layout.addStretch(1)
        watch(hub, self, {Topic.SETTINGS}, self._settings_changed)

    # --- the centre (shared) ---------------------------------------------------------
    def _centre_group(self) -> QGroupBox:
        group = QGroupBox(_("Centre (shared by every PC using this database)"))
        form = QFormLayout(group)
        self._shown_name = self._services.centre.name()
        self.centre_name = QLineEdit(self._shown_name)
        self.centre_box = FieldBox(self.centre_name)
        save = QPushButton(_("Save name"))
        save.clicked.connect(self.save_centre_name)
        row = QHBoxLayout()
        row.addWidget(self.centre_box, 1)
        row.addWidget(save)
        form.addRow(_("Centre name"), row)
        allowed = self._actor.can(Permission.MANAGE_SETTINGS)
        self.centre_name.setEnabled(allowed)
        save.setEnabled(allowed)
        if not allowed:
            note = QLabel(_("Only an administrator can change the centre's name."))
            note.setObjectName("hint")
            form.addRow("", note)
        return group

    def save_centre_name(self) -> None:
        self.centre_box.set_error(None)
        try:
            self._services.centre.rename(self._actor, self.centre_name.text())
        except FieldErrors as exc:
            self.centre_box.set_error(error_text(next(iter(exc.errors.values()))))
            return
        except DomainError as exc:
            self.centre_box.set_error(error_text(exc))
            return
        self.centre_box.set_warning(_("Saved."))
        self._shown_name = self.centre_name.text().strip()
        self.sig_centre_renamed.emit(self._shown_name)

    def _settings_changed(self, _changes: Changes | None) -> None:
        """The shared settings changed: show the centre's name as saved, unless the user
        is in the middle of changing it."""
        if self.centre_name.text().strip() != self._shown_name:
            return
        name = self._services.centre.name()
        if name != self._shown_name:
            self._shown_name = name
            self.centre_name.setText(name)

    # --- this PC ---------------------------------------------------------------------
    def _pc_group(self) -> QGroupBox:
        group = QGroupBox(_("This PC (takes effect after restarting the program)"))
        form = QFormLayout(group)
        self.language = QComboBox()
        self.language.addItem("中文（简体）", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(self._config.language)))
        self.language.setMaximumWidth(220)
        form.addRow(_("Language"), self.language)

        current = self._config.database
        is_server = "://" in current and not current.startswith("sqlite")
        self.use_file = QRadioButton(_("Database file on this PC"))
        self.use_server = QRadioButton(_("Shared PostgreSQL server (several PCs)"))
        kind = QButtonGroup(self)
        kind.addButton(self.use_file)
        kind.addButton(self.use_server)
        (self.use_server if is_server else self.use_file).setChecked(True)
        self.file_path = QLineEdit("" if is_server else (current or default_database()))
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_path, 1)
        file_row.addWidget(browse)
        self.server_url = QLineEdit(current if is_server else "")
        self.server_url.setPlaceholderText("postgresql+psycopg://用户名:密码@192.168.1.10/shequ")
        form.addRow(self.use_file)
        form.addRow(_("File"), file_row)
        form.addRow(self.use_server)
        form.addRow(_("Server address"), self.server_url)
        self.may_move = may_move_database(self._actor)
        self.database_widgets: list[QWidget] = [
            self.use_file,
            self.use_server,
            self.file_path,
            browse,
            self.server_url,
        ]
        for widget in self.database_widgets:
            widget.setEnabled(self.may_move)
        if not self.may_move:
            note = QLabel(_("Only an administrator can change where the database is."))
            note.setObjectName("hint")
            form.addRow(note)

        self.result = QLabel()
        self.result.setWordWrap(True)
        test = QPushButton(_("Test connection"))
        test.clicked.connect(self.test_connection)
        if not self.may_move:  # (never show a widget before it has a parent: see ResidentsPage)
            test.hide()
        save = QPushButton(_("Save"))
        save.setObjectName("primary")
        save.clicked.connect(self.save_pc_settings)
        buttons = QHBoxLayout()
        buttons.addWidget(test)
        buttons.addWidget(save)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.result)
        in_use = QLabel(_("In use now: {name}", name=self._services.description))
        in_use.setObjectName("hint")
        in_use.setWordWrap(True)
        form.addRow(in_use)
        return group

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

    def chosen_database(self) -> str:
        return (
            self.server_url.text().strip() if self.use_server.isChecked() else self.file_path.text().strip()
        )

    def test_connection(self) -> bool:
        target = self.chosen_database()
        if not target:
            self._say(_("Enter a file or a server address."), ok=False)
            return False
        try:
            self._say(desktop_text(probe_database(target)), ok=True)
        except DomainError as exc:
            self._say(error_text(exc), ok=False)
            return False
        return True

    def save_pc_settings(self) -> None:
        target = self.chosen_database() if self.may_move else self._config.database_or_default()
        if self.may_move and not self.test_connection():
            return
        try:
            save_this_pc(self._actor, self._config, language=self.language.currentData(), database=target)
        except DomainError as exc:
            self._say(error_text(exc), ok=False)
            return
        self._say(_("Saved. Restart the program to use the new settings."), ok=True)

    def _say(self, text: str, *, ok: bool) -> None:
        self.result.setObjectName("hint" if ok else "fieldError")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.result.setText(text)
