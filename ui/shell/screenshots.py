"""``python main.py screenshots OUTDIR``: a PNG of every page and dialog at 1366×768.

Used to look at the screens (Chinese text, clipping, empty states) without clicking
through the app. Without ``--db`` a fresh demo database is made in a temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QWidget

SIZE = (1366, 768)


def _save(widget: QWidget, path: Path) -> None:
    widget.show()
    for _ in range(3):
        QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def take_screenshots(outdir: str, db: str | None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.common.config import LocalConfig
    from desktop.common.errors import DomainError
    from desktop.demo.generate import DEMO_USERS
    from desktop.opening import open_database
    from ui.shell.app import make_app, open_with_progress
    from ui.shell.login_dialog import LoginDialog, SetupDialog
    from ui.shell.main_window import MainWindow

    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    make_app(LocalConfig.load().language if db else "zh_CN")
    tmp = None
    try:
        if db is None:
            tmp = tempfile.TemporaryDirectory()
            services = open_with_progress(str(Path(tmp.name) / "demo.sqlite3"), demo=True)
        else:
            services = open_database(db, backup_dir=None)
        admin_user, _name, _role, admin_password = DEMO_USERS[0]
        actor = services.accounts.login(admin_user, admin_password)
    except DomainError as exc:
        print(f"错误：{exc}（截图需要演示数据库：python main.py demo --db FILE）", file=sys.stderr)
        return 1

    login = LoginDialog(services.accounts, services.centre.name(), services.description)
    login.username.setText("qiantai")
    _save(login, out / "login.png")
    empty = open_database(Path(tempfile.mkdtemp()) / "empty.sqlite3", backup_dir=None)
    _save(SetupDialog(empty.accounts), out / "setup.png")

    window = MainWindow(services, actor)
    window.resize(*SIZE)
    window.show()
    for key in window.page_keys():
        window.show_page(key)
        _save(window, out / f"{key}.png")

    for name, make in _dialogs(services, actor).items():
        dialog = make(window)
        _save(dialog, out / f"{name}.png")
        dialog.reject()
    window.close()
    if tmp is not None:
        services.db.dispose()
        tmp.cleanup()
    return 0


def _dialogs(services, actor) -> dict[str, Callable[[QWidget], QDialog]]:
    from desktop.requests.service import RequestFilter
    from ui.admin.users_page import ChangePasswordDialog, UserDialog
    from ui.requests.detail import RequestDetailDialog
    from ui.widgets.resident_dialog import ResidentDialog

    first = services.residents.page(actor, _filter(), 0, 1)[0].id
    # The request with the longest history makes the most telling timeline.
    requests = services.requests.page(
        actor, RequestFilter(status="reopened"), 0, 1
    ) or services.requests.page(actor, RequestFilter(), 0, 1)
    from ui.love_bank.shop_dialogs import RedemptionDialog
    from ui.love_bank.volunteer_detail import VolunteerDetailDialog

    volunteers = services.love_bank.volunteers(actor, limit=300)
    # The volunteer with the most hours shows stars, a long statement and redemptions.
    star = max(volunteers, key=lambda v: v.hours).id if volunteers else None
    dialogs: dict[str, Callable[[QWidget], QDialog]] = {}
    if star is not None:
        dialogs["volunteer_detail"] = lambda parent: VolunteerDetailDialog(
            services.love_bank, actor, star, parent, centre_name=services.centre.name()
        )
        dialogs["redemption"] = lambda parent: RedemptionDialog(
            services.love_bank, actor, parent, volunteer_id=star
        )
    return dialogs | {
        "request_detail": lambda parent: RequestDetailDialog(
            services.requests, actor, requests[0].id, parent
        ),
        "resident_new": lambda parent: ResidentDialog(services.residents, actor, parent=parent),
        "resident_edit": lambda parent: ResidentDialog(services.residents, actor, first, parent=parent),
        "user_new": lambda parent: UserDialog(services.accounts, actor, parent=parent),
        "change_password": lambda parent: ChangePasswordDialog(services.accounts, actor, parent),
    }


def _filter():
    from desktop.residents.service import ResidentFilter

    return ResidentFilter()
