"""Starting the desktop application: the login window at once, the database behind it.

``run()`` is ``python main.py``. In order: the log file and the error hook (so nothing
after them can fail silently), the translator and the style, then the login window is
painted — before the database layer is even imported. The database is opened behind
it on a worker thread (:func:`ui.widgets.background.run_task`): importing SQLAlchemy and
the models, the schema upgrade with its backup, a new demo database; the login window
shows how far it is and enables 登录 when it is ready, while the user is already
typing. Then the first-run setup if the database is empty, the login, the main window,
and the login again after 退出登录. At quit the temporary PDFs of the session are removed.

Modules imported at the top of this file are only those the login window needs; the
database layer is imported on the worker thread (a test checks this).
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.common.config import LocalConfig, backup_dir, demo_database
from desktop.common.errors import DomainError
from desktop.common.logs import setup_logging
from ui.shell.errors import ErrorReporter
from ui.shell.login_dialog import LoginDialog, SetupDialog
from ui.widgets.background import Progress, Task, run_in_background, run_task
from ui.widgets.i18n import Translator, desktop_text, error_text, install_translator
from ui.widgets.pdf_files import remove_session_files
from ui.widgets.style import apply_style

if TYPE_CHECKING:
    from desktop.opening import Services

_ = Translator("app")
log = logging.getLogger("app")

EXIT_AT_LOGIN = "SHEQU_EXIT_AT_LOGIN"
"""Set (benchmarks): print when the login window is painted and when the database is
open, then quit instead of waiting for a login."""

Report = Callable[[int, int, str], None]
"""``(done, total, step)``: how far opening the database is (``total`` 0: unknown); the
step is :data:`OPENING`, :data:`DEMO` or an ``N_`` text of the ``desktop`` context."""

OPENING = "opening"
DEMO = "demo"


def make_app(language: str) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ShequDesktop")
    app.setApplicationDisplayName("")
    install_translator(app, language)
    apply_style(app)
    return app


def open_services(target: str, *, demo: bool, report: Report | None = None) -> Services:
    """Open the database (creating or upgrading it); a missing or empty demo database is
    filled with the demo data. Runs on a worker thread: no Qt here.

    ``report`` hears each step (see :data:`Report`).
    """
    import platform

    from desktop.opening import open_database

    log.info("system: %s", platform.platform())  # slow to ask: here, behind the login window
    say: Report = report or (lambda _done, _total, _step: None)
    fresh = demo and not Path(target).exists()
    say(0, 0, OPENING)
    services = open_database(target, backup_dir=backup_dir(), report=lambda text: say(0, 0, text))
    if fresh or (demo and services.accounts.needs_setup()):
        from desktop.demo.generate import fill_demo

        def progress(done: int, total: int) -> None:
            say(done, total, DEMO)

        fill_demo(services.db, "centre", progress=progress)
    return services


def settle_memory() -> None:
    """Move everything loaded at start-up out of the garbage collector's sight.

    Qt, SQLAlchemy and the models leave hundreds of thousands of long-lived objects;
    without this, a search that allocates 30,000 ids triggers full collections that
    scan them all and double its time (measured: 27 ms → 50–75 ms).
    """
    gc.collect()
    gc.freeze()


class DatabaseOpening(QObject):
    """Opens the database behind the login window, once the window has been painted.

    The work runs on a worker thread (:func:`run_task`, no progress dialog: the login
    window shows the progress itself, so typing is never blocked). When it is done the
    login window is made ready, or closed with ``LoginDialog.NEEDS_SETUP`` for an empty
    database; when it fails the user is told why and the login window closes.

    ``on_settled`` (optional) is called after either.
    """

    def __init__(
        self,
        login: LoginDialog,
        target: str,
        *,
        demo: bool,
        on_settled: Callable[[], None] | None = None,
    ):
        super().__init__(login)
        self._login = login
        self._target = target
        self._demo = demo
        self._on_settled = on_settled
        self.services: Services | None = None
        self.error: BaseException | None = None
        self.task: Task | None = None
        self.started_at = 0.0
        self.opened_in = 0.0
        login.installEventFilter(self)
        # Should the window never be painted (minimised, no screen), open anyway.
        QTimer.singleShot(1000, self.start)

    @property
    def settled(self) -> bool:
        return self.services is not None or self.error is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._login and event.type() == QEvent.Type.Paint and self.task is None:
            QTimer.singleShot(0, self.start)  # after this paint has reached the screen
        return False

    def start(self) -> None:
        if self.task is not None:
            return
        self._login.removeEventFilter(self)
        self.started_at = time.perf_counter()
        target, demo = self._target, self._demo

        def work(progress: Progress) -> Services:
            return open_services(target, demo=demo, report=progress.report)

        self.task = run_task(
            self._login,
            work,
            title=_("Opening the database"),
            on_done=self._opened,
            on_failed=self._failed,
            on_progress=self._progress,
            dialog=False,
        )

    def wait(self) -> None:
        """Block until the work has ended (the user quit while it ran: a schema upgrade
        is never cut off in the middle), then deliver its result."""
        if self.task is None:
            return
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone()
        QApplication.processEvents()

    def _progress(self, done: int, total: int, step: str) -> None:
        steps = {OPENING: _("Opening the database…"), DEMO: _("Creating the demo database…")}
        line = steps.get(step) or desktop_text(step)
        if total > 0:
            line = f"{line} {done * 100 // total}%"
        self._login.set_progress(line)

    def _opened(self, services: Services) -> None:
        self.opened_in = time.perf_counter() - self.started_at
        self.services = services
        log.info("database opened in %.0f ms: %s", self.opened_in * 1000, services.description)
        settle_memory()
        if services.accounts.needs_setup():
            self._login.done(LoginDialog.NEEDS_SETUP)
        else:
            self._login.set_ready(
                services.accounts,
                services.centre.name(),
                services.description,
                chain_key=services.chain_key,
            )
        self._settle()

    def _failed(self, error: BaseException) -> None:
        self.error = error
        if isinstance(error, DomainError):
            log.error("the database could not be opened: %s", error)
            if not os.environ.get(EXIT_AT_LOGIN):
                QMessageBox.critical(self._login, _("Cannot open the database"), error_text(error))
            self._login.reject()
        else:  # a bug: the error hook logs it and says 出错了
            self._login.reject()
            sys.excepthook(type(error), error, error.__traceback__)
        self._settle()

    def _settle(self) -> None:
        if self._on_settled is not None:
            self._on_settled()


def _start_daily_backup(window, services: Services, actor) -> None:
    """Once a day, at the first login, back up the database (a SQLite file with the online
    backup API, a server with pg_dump) and its attachments in the background; the status
    bar says how it went. Without pg_dump a server cannot be backed up here: the
    administrator is told, the other roles are not bothered."""
    from desktop.admin.backup import PgDumpMissing, daily_backup
    from desktop.common.permissions import Permission
    from desktop.opening import attachments_dir

    url = services.db.url

    def done(path) -> None:
        if path is not None:
            log.info("daily backup made")
            window.statusBar().showMessage(_("Daily backup made: {path}", path=str(path)), 15000)

    def failed(exc: BaseException) -> None:
        text = error_text(exc) if isinstance(exc, DomainError) else str(exc)
        log.error("the daily backup failed: %s", exc)
        if isinstance(exc, PgDumpMissing) and not actor.can(Permission.MANAGE_SETTINGS):
            return
        window.statusBar().showMessage(_("The daily backup failed: {why}", why=text))

    window._backup_relay = run_in_background(
        lambda: daily_backup(url, attachments_dir(url), backup_dir()), done, failed, parent=window
    )


def _keep_audit_key(window, services: Services, actor) -> None:
    """An administrator's sign-in makes the audit key of a server database that has none
    yet (desktop.admin.chain_key); a PC without the key of a keyed database is told at once
    how to get it, not only at its first save."""
    from desktop.common.permissions import Permission

    try:
        if actor.can(Permission.MANAGE_SETTINGS):
            services.chain_key.ensure_key(actor)
        status = services.chain_key.status()
    except (DomainError, OSError):
        log.warning("the audit key could not be checked", exc_info=True)
        return
    if status.keyed and not status.matches:
        window.statusBar().showMessage(
            _(
                "This PC does not have the audit key of this database: saving is refused until an "
                "administrator imports it (Settings → Database → Import audit key)."
            )
        )


def _run_window(app: QApplication, window) -> bool:
    """Show the main window (maximized) until it closes; True when the user chose to log out."""
    logged_out: list[bool] = []

    def log_out() -> None:
        logged_out.append(True)
        window.close()

    window.sig_logout.connect(log_out)
    window.present()
    app.exec()
    return bool(logged_out)


def _say(line: str) -> None:
    """A line for the benchmark reading our output (there is no console on Windows)."""
    if sys.stdout is not None:
        print(line, flush=True)


class _FirstPaint(QObject):
    """Calls ``then()`` once, after the watched window's first paint."""

    def __init__(self, window: QObject, then: Callable[[], None]):
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def _exit_at_login(login: LoginDialog, target: str, demo: bool) -> int:
    """Benchmark mode: paint the login window, open the database, say when, and quit."""

    def painted() -> None:
        loaded = "sqlalchemy" in sys.modules
        _say(f"shequ: login painted (database layer loaded: {'yes' if loaded else 'no'})")

    _FirstPaint(login, painted)
    opening = DatabaseOpening(login, target, demo=demo, on_settled=lambda: login.done(0))
    login.exec()
    opening.wait()
    if opening.services is None:
        _say("shequ: database failed")
        return 1
    _say(f"shequ: database open ({opening.opened_in * 1000:.0f} ms)")
    opening.services.db.dispose()
    return 0


def run(db: str | None, *, demo: bool) -> int:
    """The event loop of ``python main.py``; returns the exit code."""
    log_path = setup_logging()
    log.info(
        "start: Python %s, PySide6 %s, %s%s",
        sys.version.split()[0],
        PYSIDE_VERSION,
        sys.platform,
        " (demo)" if demo else "",
    )
    config = LocalConfig.load()
    app = make_app(config.language)
    ErrorReporter(log_path).install()
    target = db or (demo_database() if demo else config.database_or_default())
    if not db and not demo and "://" in target:  # a server: its password from the credential store
        from ui.admin.server_password import database_to_open

        asked = database_to_open(target)
        if asked is None:
            return 0
        target = asked
    try:
        return _run(app, target, demo=demo)
    finally:
        left = remove_session_files()
        log.info("quit%s", f" ({left} temporary PDF(s) still open elsewhere)" if left else "")


def _run(app: QApplication, target: str, *, demo: bool) -> int:
    login = LoginDialog(None, "", "")
    if demo:
        login.username.setText("qiantai")
        login.password.setFocus()
    if os.environ.get(EXIT_AT_LOGIN):
        return _exit_at_login(login, target, demo)
    opening = DatabaseOpening(login, target, demo=demo)
    code = login.exec()
    if not opening.settled:  # quit while the database was opening
        opening.wait()
    services = opening.services
    if services is None:
        return 1 if opening.error is not None else 0
    try:
        return _sessions(app, services, login, code)
    finally:
        services.db.dispose()


def _sessions(app: QApplication, services: Services, login: LoginDialog, code: int) -> int:
    """Setup if needed, then log in, work, log out … until the user quits."""
    from ui.shell.main_window import MainWindow

    while True:
        if code == LoginDialog.NEEDS_SETUP:
            if not SetupDialog(services.accounts).exec():
                return 0
            log.info("first-run setup done")
            login = LoginDialog(
                services.accounts, services.centre.name(), services.description, chain_key=services.chain_key
            )
            code = login.exec()
            continue
        if code != LoginDialog.DialogCode.Accepted.value or login.actor is None:
            return 0
        actor = login.actor
        log.info("login: user %s (%s)", actor.user_id, actor.role.value)
        window = MainWindow(services, actor)
        _keep_audit_key(window, services, actor)
        _start_daily_backup(window, services, actor)
        logged_out = _run_window(app, window)
        window.deleteLater()
        if not logged_out:
            return 0
        log.info("logout: user %s", actor.user_id)
        remove_session_files()  # the next user does not find the last one's slips
        login = LoginDialog(
            services.accounts, services.centre.name(), services.description, chain_key=services.chain_key
        )
        code = login.exec()
