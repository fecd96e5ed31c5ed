"""``python main.py screenshots OUTDIR``: a PNG of every page and every dialog at 1366×768.

Used to look at the screens (Chinese text, clipping, empty states, focus) without
clicking through the app. Without ``--db`` a fresh demo database is made in a temporary
folder. Files are named after the page or dialog: ``residents.png``,
``residents_new.png``, ``requests_assign.png``, ``lb_adjust_points.png`` (the love
bank and the Excel exchange list their own dialogs in ``ui.<job>.screens``),
``preview_slip.png`` …;
the dialogs of the request steps are opened on a request in a state where the step
makes sense. Dialogs are only shown: nothing is saved.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ui.widgets.i18n import Translator

_ = Translator("screenshots")

SIZE = (1366, 768)

DialogFactory = Callable[[QWidget], QDialog]


def _save(widget: QWidget, path: Path, settle_ms: int = 0) -> None:
    """Show ``widget`` and save its picture (after ``settle_ms`` for what paints later)."""
    widget.show()
    for _ in range(3):
        QApplication.processEvents()
    if settle_ms:
        QTest.qWait(settle_ms)  # a PDF page is rendered in the background
    widget.grab().save(str(path))
    print(path)


def take_screenshots(outdir: str, db: str | None) -> int:
    """Every page and dialog as PNG. A given database is never changed: a SQLite file
    is copied first (the copy is what gets opened, and upgraded if it is old); a server
    database must already be at this version's schema. Every temporary database is
    removed at the end, however it ends."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.common.config import LocalConfig
    from desktop.common.errors import DomainError
    from ui.shell.app import make_app

    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    make_app(LocalConfig.load().language if db else "zh_CN")
    with tempfile.TemporaryDirectory(prefix="shequ-screenshots-") as tmp:
        try:
            services, actor = _open_for_screenshots(db, Path(tmp))
        except DomainError as exc:
            print(f"错误：{exc}（截图需要演示数据库：python main.py demo --db FILE）", file=sys.stderr)
            return 1
        data_dir = os.environ.get("SHEQU_DATA_DIR")
        temp_root = tempfile.tempdir
        tempfile.tempdir = tmp  # whatever a screen makes for itself goes away with this folder
        try:
            return _take(out, services, actor, Path(tmp))
        finally:
            tempfile.tempdir = temp_root
            services.db.dispose()
            if data_dir is None:
                os.environ.pop("SHEQU_DATA_DIR", None)
            else:
                os.environ["SHEQU_DATA_DIR"] = data_dir


def _open_for_screenshots(db: str | None, tmp: Path):
    """The database to photograph: a new demo database, or a copy of the given one."""
    from desktop.admin.backup import working_copy
    from desktop.demo.generate import DEMO_USERS
    from desktop.opening import open_database
    from ui.shell.app import open_services

    if db is None:
        services = open_services(str(tmp / "demo.sqlite3"), demo=True)
    else:
        services = open_database(working_copy(db, tmp), backup_dir=None)
    try:
        admin_user, _name, _role, admin_password = DEMO_USERS[0]
        return services, services.accounts.login(admin_user, admin_password)
    except BaseException:
        services.db.dispose()
        raise


def _take(out: Path, services, actor, tmp: Path) -> int:
    from desktop.opening import open_database
    from ui.shell.login_dialog import LoginDialog, SetupDialog
    from ui.shell.main_window import MainWindow
    from ui.widgets.pdf_files import remove_session_files

    opening = LoginDialog(None, "", "")
    opening.username.setText("qiantai")
    _save(opening, out / "login_opening.png")
    opening.close()
    login = LoginDialog(services.accounts, services.centre.name(), services.description)
    login.username.setText("qiantai")
    _save(login, out / "login.png")
    login.close()
    no_key = LoginDialog(services.accounts, services.centre.name(), services.description)
    no_key.username.setText("admin")
    no_key.show_key_missing()  # a PC without the database's audit key
    _save(no_key, out / "login_audit_key.png")
    no_key.close()
    empty = open_database(tmp / "empty.sqlite3", backup_dir=None)
    try:
        _save(SetupDialog(empty.accounts), out / "setup.png")
    finally:
        empty.db.dispose()

    _sample_backups(services, tmp)
    window = MainWindow(services, actor)
    window.resize(*SIZE)
    window.show()
    for key in window.page_keys():
        window.show_page(key)
        # Figures load in the background: give the report pages a moment to show them.
        _save(window, out / f"{key}.png", settle_ms=2000 if key in ("dashboard", "monthly_report") else 0)

    for name, make in dialogs(services, actor).items():
        dialog = make(window)
        _save(dialog, out / f"{name}.png", settle_ms=1500 if name.startswith("preview_") else 0)
        dialog.hide()  # not reject(): a dialog holding typed rows asks before it drops them
        dialog.deleteLater()
        QApplication.processEvents()
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    remove_session_files()
    return 0


def _sample_backups(services, tmp: Path) -> None:
    """Point this run's data folder into the temporary folder and make two backups there
    (one with a password), so 备份与恢复 shows a list and the user's folder is untouched."""
    from desktop.admin.backup import make_backup
    from desktop.common.config import backup_dir
    from desktop.common.errors import DomainError
    from desktop.opening import attachments_dir

    os.environ["SHEQU_DATA_DIR"] = str(tmp / "data")
    url = services.db.url
    try:
        make_backup(url, attachments_dir(url), backup_dir(), now=lambda: dt.datetime(2026, 11, 19, 18, 0))
        make_backup(url, attachments_dir(url), backup_dir(), password="screenshots")
    except DomainError as exc:  # a server without pg_dump: the page says so
        print(f"备份示例未生成：{exc}", file=sys.stderr)


def dialogs(services, actor) -> dict[str, DialogFactory]:
    """Name → factory of every dialog (``parent`` → dialog, not yet shown)."""
    from ui.exchange.screens import dialogs as exchange_dialogs
    from ui.love_bank.screens import dialogs as love_bank_dialogs
    from ui.orders.screens import dialogs as orders_dialogs
    from ui.reports.screens import screens as reports_screens
    from ui.visits.screens import dialogs as visits_dialogs

    return (
        _resident_and_user_dialogs(services, actor)
        | _request_dialogs(services, actor)
        | love_bank_dialogs(services.love_bank, services.residents, actor, services.centre.name())
        | exchange_dialogs(services, actor)
        | orders_dialogs(services, actor)
        | reports_screens(services, actor)
        | visits_dialogs(services, actor)
        | _previews(services, actor)
    )


def _database_dialogs(services, actor) -> dict[str, DialogFactory]:
    """迁移到服务器 and the start-up password question (设置 → 数据库)."""
    from desktop.admin.server_settings import Opening, PasswordNeed, ServerAddress
    from ui.admin.move_dialog import MoveDialog
    from ui.admin.server_password import ServerPasswordDialog

    address = ServerAddress("192.168.1.10", 5432, "shequ", "shequ_app")
    asked = Opening(address.url(), address, PasswordNeed.NO_STORE)
    return {
        "settings_move_to_server": lambda parent: MoveDialog(
            actor, services.description, address, "", parent, switch=lambda: ""
        ),
        "settings_server_password": lambda parent: ServerPasswordDialog(asked, parent),
    }


def _resident_and_user_dialogs(services, actor) -> dict[str, DialogFactory]:
    from desktop.residents.service import ResidentFilter
    from ui.admin.users_page import ChangePasswordDialog, ResetPasswordDialog, UserDialog
    from ui.widgets.resident_dialog import ResidentDialog

    first = services.residents.page(actor, ResidentFilter(), 0, 1)[0].id
    users = services.accounts.list_users(actor)
    desk = next(u for u in users if u.username == "qiantai")

    def resident_with_errors(parent: QWidget) -> QDialog:
        dialog = ResidentDialog(services.residents, actor, parent=parent)
        dialog.id_edit.setText("370302199913")
        dialog.phone_edit.setText("12345")
        dialog.show()
        dialog.save()  # refused: the messages under the fields, nothing saved
        return dialog

    return {
        "residents_new": lambda parent: ResidentDialog(services.residents, actor, parent=parent),
        "residents_new_errors": resident_with_errors,
        "residents_edit": lambda parent: ResidentDialog(services.residents, actor, first, parent=parent),
        "users_new": lambda parent: UserDialog(services.accounts, actor, parent=parent),
        "users_edit": lambda parent: UserDialog(services.accounts, actor, desk, parent=parent),
        "users_reset_password": lambda parent: ResetPasswordDialog(services.accounts, actor, desk, parent),
        "change_password": lambda parent: ChangePasswordDialog(services.accounts, actor, parent),
        **_database_dialogs(services, actor),
    }


def _request_dialogs(services, actor) -> dict[str, DialogFactory]:
    """The request detail, the dialog of every step, and the catalogue's dialogs."""
    from desktop.requests.catalogue import CatalogueService
    from desktop.requests.clock_settings import ClockSettingsService
    from desktop.requests.service import RequestFilter
    from desktop.requests.states import Action
    from ui.requests.actions import dialog_for
    from ui.requests.admin_dialogs import CategoryDialog, DepartmentDialog, LimitDialog, OverrideDialog
    from ui.requests.detail import RequestDetailDialog

    requests = services.requests

    def first(**filters: object) -> int | None:
        rows = requests.page(actor, RequestFilter(**filters), 0, 1)
        return rows[0].id if rows else None

    any_request = first()
    found: dict[str, DialogFactory] = {}
    if any_request is None:
        return found
    # The request with the longest history makes the most telling timeline.
    telling = first(status="reopened") or any_request
    found["requests_detail"] = lambda parent: RequestDetailDialog(
        requests, actor, telling, parent, centre_name=services.centre.name()
    )
    # 转为点单: the 居民点单 dialog filled from a request (the shell wires the orders job in).
    from ui.orders.place_dialog import PlaceOrderDialog

    found["requests_to_order"] = lambda parent: PlaceOrderDialog(services, actor, parent, request_id=telling)
    # Each step on a request it applies to (any request when the demo has none).
    where = {
        Action.ASSIGN: "registered",
        Action.ACCEPT: "assigned",
        Action.RETURN: "assigned",
        Action.ANSWER: "accepted",
        Action.RESOLVE: "answered",
        Action.FOLLOW_UP: "resolved",
        Action.REMIND: "accepted",
        Action.SUPERVISE: "accepted",
        Action.MERGE: "registered",
    }
    for action, status in where.items():
        request_id = first(status=status) or any_request

        def make(parent: QWidget, action: Action = action, request_id: int = request_id) -> QDialog:
            return dialog_for(action, requests, actor, requests.get(actor, request_id), parent)

        found[f"requests_{action.value}"] = make

    catalogue = CatalogueService(services.db)
    clocks = ClockSettingsService(services.db)
    top = catalogue.tree()[0] if catalogue.tree() else None
    found["catalogue_new_department"] = lambda parent: DepartmentDialog(catalogue, actor, None, parent)
    if top is not None:
        found["catalogue_new_sub_category"] = lambda parent: CategoryDialog(
            catalogue, actor, parent_node=top, parent=parent
        )
    found["clock_settings_new_rule"] = lambda parent: LimitDialog(clocks, catalogue, actor, None, [], parent)
    found["clock_settings_new_override"] = lambda parent: OverrideDialog(
        clocks, actor, dt.date.today().year, [], parent
    )
    return found


def _previews(services, actor) -> dict[str, DialogFactory]:
    """The PDF previews of a slip, a receipt and a statement (built here, at once)."""
    from desktop.love_bank.service import COMPLETED
    from desktop.requests.service import RequestFilter
    from ui.love_bank.printing import write_receipt, write_statement
    from ui.requests.slip import write_slip
    from ui.widgets.pdf_preview import PdfPreviewDialog

    centre = services.centre.name()
    found: dict[str, DialogFactory] = {}
    rows = services.requests.page(actor, RequestFilter(), 0, 1)
    if rows:
        detail = services.requests.get(actor, rows[0].id)
        found["preview_slip"] = lambda parent: PdfPreviewDialog(
            write_slip(detail, centre), _("Slip {number}", number=detail.number), parent
        )
    redemptions = services.love_bank.redemptions(actor, status=COMPLETED, limit=1)
    if redemptions:
        r = redemptions[0]
        found["preview_receipt"] = lambda parent: PdfPreviewDialog(
            write_receipt(services.love_bank, actor, r, centre),
            _("Receipt {number}", number=f"DH{r.id:06d}"),
            parent,
        )
    volunteers = services.love_bank.volunteers(actor, limit=300)
    if volunteers:
        star = max(volunteers, key=lambda v: v.hours)
        found["preview_statement"] = lambda parent: PdfPreviewDialog(
            write_statement(services.love_bank, actor, star.id, centre),
            _("Points statement of {name}", name=star.name),
            parent,
        )
    return found
