"""备份与恢复: the administrator's backups — list, 立即备份, 恢复 — with an optional password.

The list shows the backups in this PC's backup folder, newest first (time, size,
whether it is verified or needs its password). 立即备份 and 恢复 run in the background
with a progress dialog. A restore first says what will be replaced and where the current
database will be kept; every refusal (another centre's backup, a newer version, not a
backup of this program, another program still using the database, a wrong password) is
shown as it comes from the core. After a restore the program closes: the next start
opens the restored database.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.admin.backup import DAMAGED, PASSWORD, BackupFile, backup_now, can_back_up, list_backups
from desktop.admin.backup_zip import PasswordNeeded
from desktop.admin.restore import RestoreResult, restore_now, summarise
from desktop.common.config import backup_dir
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from desktop.opening import Services, attachments_dir
from ui.widgets.background import Progress, Task, run_task
from ui.widgets.i18n import Translator, desktop_text, error_text
from ui.widgets.messages import Ask, ask_yes, show_error, show_info

_ = Translator("backups")

TIME, SIZE, STATE, FILE = range(4)


def _size(n: int) -> str:
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MB"
    return f"{max(n, 1) / 1024:.0f} KB"


class BackupPage(QWidget):
    """The backups of this PC's folder, and the two things an administrator does with them."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
        ask: Ask = ask_yes,
        on_restored: Callable[[RestoreResult], None] | None = None,
        pick_file: Callable[[QWidget], str] | None = None,
        tell: Callable[[QWidget, str, str], None] = show_info,
        warn: Callable[[QWidget, str, DomainError], None] = show_error,
    ):
        super().__init__(parent)
        self._services, self._actor = services, actor
        self._url = services.db.url
        self.folder = folder or backup_dir()
        self._ask = ask
        self._on_restored = on_restored or self._close_program
        self._pick_file = pick_file or self._choose_file
        self._tell, self._warn = tell, warn
        self.task: Task | None = None
        self.backups: list[BackupFile] = []

        title = QLabel(_("Backup and restore"))
        title.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(self._where_group())
        layout.addWidget(self._password_group())
        layout.addLayout(self._buttons())
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("Made at"), _("Size"), _("State"), _("File")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in (TIME, SIZE, STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FILE, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        layout.addWidget(self.table, 1)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)
        self.refresh()

    # --- layout ------------------------------------------------------------------------
    def _where_group(self) -> QGroupBox:
        group = QGroupBox(_("Where"))
        form = QFormLayout(group)
        form.addRow(_("Database in use"), QLabel(self._services.description))
        row = QHBoxLayout()
        self.folder_label = QLabel(str(self.folder))
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_folder = QPushButton(_("Open folder"))
        open_folder.clicked.connect(self._open_folder)
        row.addWidget(self.folder_label, 1)
        row.addWidget(open_folder)
        form.addRow(_("Backup folder"), row)
        note = QLabel(
            _(
                "A backup is made automatically once a day when someone logs in; the newest 30 are "
                "kept. Copy backups to a USB drive or another PC now and then."
            )
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        form.addRow(note)
        self.tools_missing = QLabel(
            _(
                "pg_dump (the PostgreSQL client tools) is not installed on this PC, so the server "
                "database cannot be backed up or restored here. Install them, or back up on the server."
            )
        )
        self.tools_missing.setObjectName("fieldError")
        self.tools_missing.setWordWrap(True)
        form.addRow(self.tools_missing)
        self.tools_missing.setVisible(not can_back_up(self._url))
        return group

    def _password_group(self) -> QGroupBox:
        group = QGroupBox(_("Password"))
        form = QFormLayout(group)
        warning = QLabel(
            _(
                "Every backup holds full ID numbers and phone numbers. With a password the backup is "
                "encrypted (AES-256); without the password it cannot be restored — keep it safe. "
                "A backup with a password also carries the audit-log key, so it can be restored on a "
                "new PC and work goes on; a backup without a password does not carry the key."
            )
        )
        warning.setWordWrap(True)
        warning.setObjectName("hint")
        form.addRow(warning)
        self.use_password = QCheckBox(_("Protect new backups with a password"))
        self.use_password.toggled.connect(self._password_toggled)
        form.addRow(self.use_password)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_("Also used to open a backup that has a password"))
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(QLabel(_("Again")))
        row.addWidget(self.password_again, 1)
        form.addRow(_("Password"), row)
        return group

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.backup_button = QPushButton(_("Back up now"))
        self.backup_button.setObjectName("primary")
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button = QPushButton(_("Restore selected backup…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_button.setEnabled(False)
        restore_file = QPushButton(_("Restore from a file…"))
        restore_file.clicked.connect(self.restore_from_file)
        refresh = QPushButton(_("Refresh"))
        refresh.clicked.connect(self.refresh)
        for button in (self.backup_button, self.restore_button, restore_file):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(refresh)
        return row

    # --- the list ----------------------------------------------------------------------
    def refresh(self) -> None:
        self.backups = list_backups(self.folder)
        states = {PASSWORD: _("Verified, has a password"), DAMAGED: _("Damaged")}
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            made = backup.made.strftime("%Y-%m-%d %H:%M:%S") if backup.made else "-"
            cells = (made, _size(backup.size), states.get(backup.state, _("Verified")), backup.path.name)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == STATE and backup.state == DAMAGED:
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(row, column, item)
        if not self.backups:
            self.result.setText(_("No backups in this folder yet."))
        self._selection_changed()

    def selected(self) -> BackupFile | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _password_toggled(self, on: bool) -> None:
        self.password_again.setEnabled(on)

    def _open_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def _say(self, text: str, *, ok: bool) -> None:
        self.result.setObjectName("hint" if ok else "fieldError")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.result.setText(text)

    # --- 立即备份 ----------------------------------------------------------------------
    def new_backup_password(self) -> str | None:
        """The password for a new backup (None: none), or raises with what is wrong."""
        if not self.use_password.isChecked():
            return None
        password = self.password.text()
        if not password:
            raise ValueError(_("Enter the password, or untick the password box."))
        if password != self.password_again.text():
            raise ValueError(_("The two passwords differ."))
        return password

    def back_up(self) -> None:
        try:
            password = self.new_backup_password()
        except ValueError as exc:
            self._say(str(exc), ok=False)
            return
        url, attachments, folder, actor = self._url, attachments_dir(self._url), self.folder, self._actor

        def work(progress: Progress) -> Path:
            return backup_now(
                actor,
                url,
                attachments,
                folder,
                password=password,
                report=lambda text: progress.report(0, 0, desktop_text(text)),
            )

        self.backup_button.setEnabled(False)
        self.task = run_task(
            self, work, title=_("Backing up"), on_done=self._backed_up, on_failed=self._backup_failed
        )

    def _backed_up(self, path: Path) -> None:
        self.backup_button.setEnabled(True)
        self.refresh()
        self._say(_("Backup made and verified: {path}", path=str(path)), ok=True)

    def _backup_failed(self, error: BaseException) -> None:
        self.backup_button.setEnabled(True)
        if not isinstance(error, DomainError):  # a bug: the error hook logs it and says 出错了
            sys.excepthook(type(error), error, error.__traceback__)
            return
        self._say(error_text(error), ok=False)
        self._warn(self, _("Backing up"), error)

    # --- 恢复 --------------------------------------------------------------------------
    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is not None:
            self.restore(backup.path)

    def restore_from_file(self) -> None:
        path = self._pick_file(self)
        if path:
            self.restore(Path(path))

    def _choose_file(self, parent: QWidget) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            parent, _("Restore from a file"), str(self.folder), _("Backups (*.zip)")
        )
        return path

    def restore(self, path: Path) -> None:
        """Confirm, then restore ``path`` in the background."""
        password = self.password.text() or None
        try:
            summary = summarise(path, password)
        except PasswordNeeded:
            self._say(
                _("This backup has a password: enter it in the password box, then restore again."), ok=False
            )
            self.password.setFocus()
            return
        except DomainError as exc:
            self._say(error_text(exc), ok=False)
            self._warn(self, _("Restore"), exc)
            return
        made = summary.created_at.replace("T", " ") or _("unknown time")
        centre = summary.centre_name or _("unknown centre")
        question = _(
            "Replace the database in use\n    {database}\nwith the backup\n    {file}\n"
            "({centre}, made {made})?\n\nEverything entered since that backup is replaced. The current "
            "database is first kept in\n    {kept}\nThe program closes after the restore; open it again "
            "to work on the restored data.",
            database=self._services.description,
            file=path.name,
            centre=centre,
            made=made,
            kept=str(self.folder),
        )
        if not self._ask(self, _("Restore"), question):
            return
        url, attachments, folder, actor = self._url, attachments_dir(self._url), self.folder, self._actor
        close_own = self._services.db.dispose

        def work(progress: Progress) -> RestoreResult:
            progress.report(0, 0, _("Restoring…"))
            return restore_now(actor, path, url, attachments, folder, password=password, close_own=close_own)

        self.task = run_task(
            self, work, title=_("Restore"), on_done=self._restored, on_failed=self._restore_failed
        )

    def _restored(self, done: RestoreResult) -> None:
        kept = str(done.kept) if done.kept else _("(there was no database before)")
        text = _(
            "The backup was restored. The replaced database was kept as:\n{kept}\n\n"
            "The program will now close; open it again.",
            kept=kept,
        )
        if done.audit_key == "installed":
            text += "\n\n" + _("The audit key the backup carried was installed on this PC.")
        elif done.audit_key == "kept":
            text += "\n\n" + _(
                "This PC already has a different audit key for this centre; it was not overwritten. "
                "The backup's key was kept beside it as:\n{path}",
                path=str(done.audit_key_path),
            )
        self._say(text, ok=True)
        self._tell(self, _("Restore"), text)
        self._on_restored(done)

    def _restore_failed(self, error: BaseException) -> None:
        if not isinstance(error, DomainError):
            sys.excepthook(type(error), error, error.__traceback__)
            return
        self._say(error_text(error), ok=False)
        self._warn(self, _("Restore"), error)

    @staticmethod
    def _close_program(_done: RestoreResult) -> None:
        app = QApplication.instance()
        if app is not None:
            app.quit()
