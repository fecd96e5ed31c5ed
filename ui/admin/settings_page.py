"""系统设置: the language of this PC, the centre's name for all PCs, and (administrators
only) 数据库: which database this PC opens, and the move of a centre to a server.

Only an administrator changes the centre's name or where the database is; other roles
see the name read-only and do not see the 数据库 box at all (the services refuse them).
The centre's name follows the database through the change hub (renamed on another PC:
shown here after the next change is seen), unless the user is editing it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.admin.server_settings import ServerAddress, save_server
from desktop.admin.this_pc import may_move_database, save_this_pc
from desktop.common.changes import Changes, Topic
from desktop.common.config import LocalConfig
from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import Actor, Permission
from desktop.opening import Services
from ui.admin.database_box import DatabaseBox
from ui.admin.move_dialog import MoveDialog
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.forms import FieldBox, field_row
from ui.widgets.i18n import Translator, error_text
from ui.widgets.messages import ask_yes, show_error

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
        self.may_move = may_move_database(actor)
        self.database_box: DatabaseBox | None = None
        self.move_dialog: MoveDialog | None = None
        layout.addWidget(self._centre_group())
        layout.addWidget(self._pc_group())
        if self.may_move:  # others do not see it (and the services refuse them)
            self.database_box = self._database_box()
            layout.addWidget(self.database_box)
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
        save = QPushButton(_("Save language"))
        save.clicked.connect(self.save_pc_settings)
        form.addRow(_("Language"), field_row(self.language, save, stretch=True))
        self.result = QLabel()
        self.result.setWordWrap(True)
        form.addRow(self.result)
        if not self.may_move:
            in_use = QLabel(_("Database in use: {name}", name=self._services.description))
            in_use.setObjectName("hint")
            in_use.setWordWrap(True)
            form.addRow(in_use)
        return group

    def save_pc_settings(self) -> None:
        """Save this PC's language (the database is the 数据库 box's)."""
        try:
            save_this_pc(
                self._actor,
                self._config,
                language=self.language.currentData(),
                database=self._config.database_or_default(),
            )
        except DomainError as exc:
            self._say(error_text(exc), ok=False)
            return
        self._say(_("Saved. Restart the program to use the new settings."), ok=True)

    def _say(self, text: str, *, ok: bool) -> None:
        self.result.setObjectName("hint" if ok else "fieldError")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.result.setText(text)

    # --- the database (administrators only) -------------------------------------------
    def _database_box(self) -> DatabaseBox:
        return DatabaseBox(
            self._actor,
            self._config,
            self._services.description,
            open_move=self.open_move,
            extra_buttons=self._audit_key_buttons(),
        )

    def _audit_key_buttons(self) -> list[QPushButton]:
        """导出/导入审计密钥: the audit log's key, which every PC of a server needs."""
        if getattr(self._services, "chain_key", None) is None:
            return []
        export = QPushButton(_("Export audit key…"))
        export.clicked.connect(self.export_audit_key)
        import_ = QPushButton(_("Import audit key…"))
        import_.clicked.connect(self.import_audit_key)
        self.replace_key_button = QPushButton(_("Replace lost audit key…"))
        self.replace_key_button.clicked.connect(self.replace_audit_key)
        try:
            status = self._services.chain_key.status()
            lost = status.keyed and not status.matches
        except (DomainError, OSError):
            lost = False
        self.replace_key_button.setEnabled(lost)
        self.replace_key_button.setToolTip(
            _("Only when no PC and no password-protected backup has this database's audit key any more.")
            if lost
            else _("This PC has this database's audit key; there is nothing to replace.")
        )
        return [export, import_, self.replace_key_button]

    ask = staticmethod(ask_yes)
    """The confirmation before a key is replaced (tests replace it)."""

    def replace_audit_key(self) -> None:
        """更换审计密钥: a deliberate act of an administrator, after a plain warning."""
        title = _("Replace lost audit key")
        question = _(
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
            done = self._services.chain_key.replace_key(self._actor)
        except DomainError as exc:
            show_error(self, title, exc)
            return
        self.replace_key_button.setEnabled(False)
        self._say_database(
            _(
                "The audit key was replaced; the new key is in {path}. Export it now "
                "(Export audit key…) and keep it with the backups.",
                path=str(done.path),
            )
        )

    def export_audit_key(self, path: str = "") -> None:
        if not path:
            path, _filter = QFileDialog.getSaveFileName(
                self, _("Export audit key"), "shequ-audit.key", _("Audit key (*.key)")
            )
        if not path:
            return
        try:
            written = self._services.chain_key.export_key(self._actor, path)
        except DomainError as exc:
            show_error(self, _("Export audit key"), exc)
            return
        self._say_database(
            _(
                "Audit key written to {path}. Keep it safe and import it only on this centre's PCs.",
                path=str(written),
            )
        )

    def import_audit_key(self, path: str = "") -> None:
        if not path:
            path, _filter = QFileDialog.getOpenFileName(
                self, _("Import audit key"), "", _("Audit key (*.key)")
            )
        if not path:
            return
        try:
            self._services.chain_key.import_key(self._actor, path)
        except DomainError as exc:
            show_error(self, _("Import audit key"), exc)
            return
        self._say_database(_("Audit key imported: this PC can now write to this database's audit log."))

    def _say_database(self, text: str) -> None:
        if self.database_box is not None:
            self.database_box.say(text, ok=True)

    def open_move(self, address: ServerAddress, password: str) -> MoveDialog | None:
        """Open 迁移到服务器 for this PC's database file (the file the program has open)."""
        url = self._services.db.url
        source = self._services.description
        if not url.startswith("sqlite:") or not Path(source).is_file():
            show_error(
                self,
                _("Move this centre to the server"),
                _("This PC already uses a database server; only a database file can be moved to one."),
            )
            return None

        def switch() -> str:
            return save_server(self._actor, self._config, address, password)

        dialog = MoveDialog(self._actor, source, address, password, self, switch=switch)
        dialog.open()
        self.move_dialog = dialog
        return dialog
