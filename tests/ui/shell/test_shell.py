"""The app shell: login, first-run setup, navigation per role, users, settings, audit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.common.config import LocalConfig
from desktop.common.errors import DomainError
from desktop.common.permissions import Role
from desktop.opening import open_database
from ui.admin.audit_page import AuditPage
from ui.admin.settings_page import SettingsPage
from ui.admin.users_page import ChangePasswordDialog, UserDialog, UsersPage
from ui.shell.login_dialog import LoginDialog, SetupDialog
from ui.shell.main_window import MainWindow


def test_login_with_wrong_then_right_password(qtbot, services):
    dialog = LoginDialog(services.accounts, services.centre.name(), services.description)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.username.setText("qiantai")
    qtbot.keyClicks(dialog.password, "wrong")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is None
    assert dialog.message.isVisibleTo(dialog)
    wrong_password = dialog.message.text()
    assert wrong_password and "4" not in wrong_password  # never how many tries remain
    assert dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, "qiantai123")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.role == Role.FRONT_DESK
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_login_shows_the_lock_after_five_failures(qtbot, services):
    dialog = LoginDialog(services.accounts, services.centre.name(), services.description)
    qtbot.addWidget(dialog)
    dialog.username.setText("zhuren")
    for _ in range(5):
        dialog.password.setText("nope")
        dialog.login_button.click()
    assert "15" in dialog.message.text()
    dialog.password.setText("zhuren123")
    dialog.login_button.click()
    assert dialog.actor is None  # the right password does not open a locked account


def test_setup_shows_errors_under_fields_and_saves_nothing_half(qtbot, tmp_path):
    services = open_database(tmp_path / "new.sqlite3", backup_dir=None)
    dialog = SetupDialog(services.accounts)
    qtbot.addWidget(dialog)
    dialog.password.setText("abc")
    dialog.confirm.setText("abc")
    dialog._submit()
    assert dialog.boxes["centre_name"].error.isVisibleTo(dialog)
    assert dialog.boxes["password"].error.isVisibleTo(dialog)
    assert services.accounts.needs_setup()
    dialog.centre_name.setText("张店区测试社区党群服务中心")
    dialog.password.setText("secret99")
    dialog.confirm.setText("secret99")
    dialog._submit()
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert services.centre.name() == "张店区测试社区党群服务中心"
    assert services.accounts.login("admin", "secret99").role == Role.ADMIN
    services.db.dispose()


@pytest.mark.parametrize(
    ("username", "password", "pages"),
    [
        (
            "qiantai",
            "qiantai123",
            ["today", "reception", "requests", "residents", "volunteers", "supermarket"]
            + ["orders", "providers", "funds", "visits", "exchange", "settings"],
        ),
        (
            "xietiao",
            "xietiao123",
            ["today", "requests", "residents", "volunteers", "service_hours", "supermarket"]
            + ["orders", "providers", "funds", "exchange", "settings"],
        ),
        (
            "zhuren",
            "zhuren123",
            ["today", "reception", "requests", "residents", "volunteers", "service_hours", "supermarket"]
            + ["orders", "providers", "funds", "visits", "dashboard", "monthly_report", "exchange", "audit"]
            + ["settings"],
        ),
        (
            "admin",
            "admin123",
            ["today", "reception", "requests", "residents", "volunteers", "service_hours", "supermarket"]
            + ["orders", "providers", "funds", "visits", "dashboard", "monthly_report", "exchange", "users"]
            + ["audit"]
            + ["catalogue", "clock_settings", "lovebank_settings", "service_menu", "backups", "settings"],
        ),
    ],
)
def test_navigation_lists_only_the_pages_a_role_may_open(qtbot, services, username, password, pages):
    actor = services.accounts.login(username, password)
    window = MainWindow(services, actor)
    qtbot.addWidget(window)
    assert window.page_keys() == pages
    assert window.navigation.count() == len(pages)
    assert actor.full_name in window.user_label.text()
    assert services.description in window.statusBar().currentMessage()


def test_ctrl_number_switches_pages(qtbot, services, admin):
    window = MainWindow(services, admin)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.page_keys()[window.stack.currentIndex()] == "providers"
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.page_keys()[window.stack.currentIndex()] == "residents"


def test_admin_creates_a_user_who_can_then_log_in(qtbot, services, admin):
    page = UsersPage(services.accounts, admin)
    qtbot.addWidget(page)
    before = page.model.rowCount()
    dialog = UserDialog(services.accounts, admin, parent=page)
    dialog.username.setText("qiantai")  # taken
    dialog.full_name.setText("赵敏")
    dialog.password.setText("pass1234")
    dialog._submit()
    assert dialog.boxes["username"].error.isVisibleTo(dialog)
    dialog.username.setText("zhaomin")
    dialog._submit()
    assert dialog.result() == UserDialog.DialogCode.Accepted
    page.refresh()
    assert page.model.rowCount() == before + 1
    assert services.accounts.login("zhaomin", "pass1234").full_name == "赵敏"


def test_change_own_password_needs_the_current_one(qtbot, services, front_desk):
    dialog = ChangePasswordDialog(services.accounts, front_desk)
    qtbot.addWidget(dialog)
    dialog.old.setText("wrong")
    dialog.new.setText("newpass1")
    dialog.confirm.setText("newpass1")
    dialog._submit()
    assert dialog.boxes["old"].error.isVisibleTo(dialog)
    dialog.old.setText("qiantai123")
    dialog._submit()
    assert dialog.result() == ChangePasswordDialog.DialogCode.Accepted
    assert services.accounts.login("qiantai", "newpass1")


def test_settings_rename_centre_and_save_this_pcs_choices(qtbot, services, admin, tmp_path, monkeypatch):
    monkeypatch.setenv("SHEQU_CONFIG_DIR", str(tmp_path / "cfg"))
    page = SettingsPage(services, admin, config=LocalConfig())
    qtbot.addWidget(page)
    renamed = []
    page.sig_centre_renamed.connect(renamed.append)
    page.centre_name.setText("")
    page.save_centre_name()
    assert page.centre_box.error.isVisibleTo(page)
    page.centre_name.setText("新名称社区服务中心")
    page.save_centre_name()
    assert renamed == ["新名称社区服务中心"]
    assert services.centre.name() == "新名称社区服务中心"

    page.language.setCurrentIndex(page.language.findData("en"))
    page.save_pc_settings()
    assert LocalConfig.load().language == "en"

    box = page.database_box
    assert box is not None  # the administrator's 数据库 box
    box.use_file.setChecked(True)
    box.file_path.setText(str(tmp_path / "missing-folder" / "x.sqlite3"))
    assert not box.save()
    assert LocalConfig.load().database == ""  # nothing saved: the folder does not exist
    box.file_path.setText(str(tmp_path / "other.sqlite3"))
    assert box.save()
    saved = LocalConfig.load()
    assert saved.language == "en" and saved.database == str(tmp_path / "other.sqlite3")


def test_settings_centre_name_is_read_only_for_front_desk(qtbot, services, front_desk):
    page = SettingsPage(services, front_desk, config=LocalConfig())
    qtbot.addWidget(page)
    assert not page.centre_name.isEnabled()


def test_audit_page_shows_the_newest_change_first(qtbot, services, admin):
    services.centre.rename(admin, "审计测试中心")
    page = AuditPage(services.audit, admin)
    qtbot.addWidget(page)
    page.refresh()
    index = page.model.index(0, 5)
    assert "审计测试中心" in page.model.data(index)


def test_reset_password_unlocks(qtbot, services, admin, monkeypatch):
    for _ in range(5):
        with pytest.raises(DomainError):
            services.accounts.login("zhuren", "bad")
    page = UsersPage(services.accounts, admin)
    qtbot.addWidget(page)
    row = next(i for i, u in enumerate(page.rows()) if u.username == "zhuren")
    assert page.model.index(row, 3).data().startswith("Locked until")  # shown as locked
    assert page.model.index(0, 3).data() == "Active"
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    from ui.admin.users_page import ResetPasswordDialog

    user = page.rows()[row]
    dialog = ResetPasswordDialog(services.accounts, admin, user, page)
    dialog.password.setText("fresh123")
    dialog._submit()
    assert services.accounts.login("zhuren", "fresh123").role == Role.DIRECTOR
