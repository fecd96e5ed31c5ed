"""Starting the desktop application: translator, style, database, setup, login, window."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from desktop.common.config import LocalConfig, backup_dir, demo_database
from desktop.common.errors import DomainError
from desktop.opening import Services, open_database
from ui.widgets.i18n import Translator, error_text, install_translator
from ui.widgets.style import apply_style

_ = Translator("app")


def make_app(language: str) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ShequDesktop")
    app.setApplicationDisplayName("")
    install_translator(app, language)
    apply_style(app)
    return app


def open_with_progress(target: str, *, demo: bool) -> Services:
    """Open the database; a missing demo database is created and filled with a progress bar."""
    fresh = demo and not Path(target).exists()
    services = open_database(target, backup_dir=backup_dir())
    if fresh or (demo and services.accounts.needs_setup()):
        from desktop.demo.generate import fill_demo

        dialog = QProgressDialog(_("Creating the demo database…"), "", 0, 100)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(0)
        dialog.setValue(0)

        def progress(done: int, total: int) -> None:
            dialog.setValue(int(done * 100 / max(total, 1)))
            QApplication.processEvents()

        fill_demo(services.db, "centre", progress=progress)
        dialog.close()
    return services


def settle_memory() -> None:
    """Move everything loaded at start-up out of the garbage collector's sight.

    Qt, SQLAlchemy and the models leave hundreds of thousands of long-lived objects;
    without this, a search that allocates 30,000 ids triggers full collections that
    scan them all and double its time (measured: 27 ms → 50–75 ms).
    """
    gc.collect()
    gc.freeze()


def _start_daily_backup(window, services: Services) -> None:
    """Once a day, at the first login, back up the database file and its attachments in
    the background; the status bar says how it went."""
    from desktop.admin.backup import daily_backup
    from desktop.opening import attachments_dir
    from ui.widgets.background import run_in_background

    url = services.db.url

    def done(path) -> None:
        if path is not None:
            window.statusBar().showMessage(_("Daily backup made: {path}", path=str(path)), 15000)

    def failed(exc: BaseException) -> None:
        text = error_text(exc) if isinstance(exc, DomainError) else str(exc)
        window.statusBar().showMessage(_("The daily backup failed: {why}", why=text))

    window._backup_relay = run_in_background(
        lambda: daily_backup(url, attachments_dir(url), backup_dir()), done, failed, parent=window
    )


def _run_window(app: QApplication, window) -> bool:
    """Show the main window until it closes; True when the user chose to log out."""
    logged_out: list[bool] = []

    def log_out() -> None:
        logged_out.append(True)
        window.close()

    window.sig_logout.connect(log_out)
    window.show()
    app.exec()
    return bool(logged_out)


def run(db: str | None, *, demo: bool) -> int:
    """The event loop of ``python main.py``; returns the exit code."""
    config = LocalConfig.load()
    app = make_app(config.language)
    target = db or (demo_database() if demo else config.database_or_default())
    try:
        services = open_with_progress(target, demo=demo)
    except DomainError as exc:
        QMessageBox.critical(None, _("Cannot open the database"), error_text(exc))
        return 1

    from ui.shell.login_dialog import LoginDialog, SetupDialog
    from ui.shell.main_window import MainWindow

    settle_memory()

    if services.accounts.needs_setup() and not SetupDialog(services.accounts).exec():
        return 0
    while True:
        login = LoginDialog(services.accounts, services.centre.name(), services.description)
        if demo:
            login.username.setText("qiantai")
            login.password.setFocus()
        if os.environ.get("SHEQU_EXIT_AT_LOGIN"):
            # Benchmarks measure process start → login window shown, then stop here.
            login.show()
            app.processEvents()
            return 0
        if not login.exec() or login.actor is None:
            return 0
        window = MainWindow(services, login.actor)
        _start_daily_backup(window, services)
        logged_out = _run_window(app, window)
        window.deleteLater()
        if not logged_out:
            services.db.dispose()
            return 0
