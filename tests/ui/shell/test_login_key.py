"""The way out for a PC without the audit key, from the login window: a new desk of a
shared server (or a database restored on a new PC) cannot write the login's audit row,
so the login window says so and lets an administrator import or replace the key there."""

from __future__ import annotations

import secrets

import pytest
from PySide6.QtCore import Qt

from db import settings as settings_repo
from desktop.admin import chain_key
from desktop.opening import Services, open_database
from desktop.residents.service import ResidentForm
from ui.shell.login_dialog import LoginDialog
from ui.widgets.i18n import install_translator


@pytest.fixture(autouse=True)
def chinese(qapp):
    """The staff read Chinese: the messages are checked as they see them."""
    install_translator(qapp, "zh_CN")
    yield
    install_translator(qapp, "en")  # the tests after these read English


def centre_of(services: Services) -> str:
    with services.db.reading() as uow:
        return settings_repo.centre_id(uow.session)


@pytest.fixture
def key_file(services, admin, tmp_path):
    """The key as the administrator exported it on the centre's working PC."""
    return services.chain_key.export_key(admin, tmp_path / "shequ-audit.key")


@pytest.fixture
def new_pc(services, key_file, tmp_path, monkeypatch):
    """The same database opened on a PC whose config folder has no audit key."""
    services.db.dispose()
    monkeypatch.setenv(chain_key.AUDIT_DIR_ENV, str(tmp_path / "new_pc"))
    opened = open_database(services.db.url, backup_dir=None)
    yield opened
    opened.db.dispose()


def login_on(qtbot, services: Services, username: str, password: str) -> LoginDialog:
    dialog = LoginDialog(
        services.accounts, services.centre.name(), services.description, chain_key=services.chain_key
    )
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    return dialog


def test_a_login_without_the_key_is_refused_with_the_way_out(qtbot, new_pc):
    dialog = login_on(qtbot, new_pc, "admin", "admin123")
    assert dialog.actor is None and dialog.result() != LoginDialog.DialogCode.Accepted
    assert dialog.message.isVisibleTo(dialog)
    assert "审计密钥" in dialog.message.text()  # says what is missing, in Chinese
    assert dialog.key_box.isVisibleTo(dialog)
    assert "导入审计密钥" in dialog.import_key_button.text()
    assert "更换审计密钥" in dialog.replace_key_button.text()
    assert dialog.password.text() == "admin123"  # the typed credentials serve the import
    assert dialog.import_key_button.hasFocus()  # Enter or Space imports


def test_a_pc_with_another_databases_key_is_told_so(qtbot, new_pc):
    centre = centre_of(new_pc)
    other = chain_key.ChainKey(centre, secrets.token_bytes(32), 0)
    chain_key.write_key_file(chain_key.key_path(centre), other)
    dialog = login_on(qtbot, new_pc, "admin", "admin123")
    assert dialog.actor is None
    assert "另一个数据库" in dialog.message.text()
    assert dialog.key_box.isVisibleTo(dialog)


def test_an_administrator_imports_the_key_and_is_logged_in(qtbot, new_pc, key_file, monkeypatch):
    dialog = login_on(qtbot, new_pc, "admin", "admin123")
    for _ in range(6):  # refused tries on this PC count nothing toward the lock
        dialog.login_button.click()
    assert dialog.import_key_button.hasFocus()
    monkeypatch.setattr(dialog, "choose_key_file", lambda: str(key_file))
    qtbot.keyClick(dialog.import_key_button, Qt.Key.Key_Return)  # Enter imports
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.username == "admin"
    assert chain_key.load_key(centre_of(new_pc)) == chain_key.read_key_file(key_file)
    saved = new_pc.residents.save(dialog.actor, ResidentForm(name="王五"))  # a write works
    assert saved
    # and so does every other user's login now
    assert new_pc.accounts.login("qiantai", "qiantai123").username == "qiantai"


def test_a_front_desk_user_cannot_import_the_key(qtbot, new_pc, key_file, monkeypatch):
    dialog = login_on(qtbot, new_pc, "qiantai", "qiantai123")
    chosen: list[bool] = []
    monkeypatch.setattr(dialog, "choose_key_file", lambda: chosen.append(True) or str(key_file))
    dialog.import_key_button.click()
    assert dialog.actor is None and not chosen  # refused before a file is even asked for
    assert "管理员" in dialog.message.text()
    assert chain_key.load_key(centre_of(new_pc)) is None
    # nor replace it
    dialog.password.setText("qiantai123")
    monkeypatch.setattr(dialog, "ask", lambda *a, **k: pytest.fail("asked a front-desk user"))
    dialog.replace_key_button.click()
    assert dialog.actor is None and chain_key.load_key(centre_of(new_pc)) is None


def test_a_wrong_administrator_password_is_refused_and_not_counted(qtbot, new_pc, key_file, monkeypatch):
    dialog = login_on(qtbot, new_pc, "admin", "wrong")
    monkeypatch.setattr(dialog, "choose_key_file", lambda: str(key_file))
    for _ in range(6):
        dialog.password.setText("wrong")
        dialog.import_key_button.click()
        assert dialog.actor is None
    assert "用户名或密码" in dialog.message.text()
    assert dialog.password.text() == "" and chain_key.load_key(centre_of(new_pc)) is None
    dialog.password.setText("admin123")  # six wrong ones did not lock the account
    dialog.import_key_button.click()
    assert dialog.actor is not None and dialog.actor.username == "admin"


def test_an_administrator_replaces_a_lost_key_after_the_warning(qtbot, new_pc, key_file, monkeypatch):
    dialog = login_on(qtbot, new_pc, "admin", "admin123")
    questions: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(dialog, "ask", lambda _parent, _title, text: questions.append(text) or False)
    dialog.replace_key_button.click()
    assert questions and "备份" in questions[0]  # the consequence, in plain Chinese
    assert dialog.actor is None and chain_key.load_key(centre_of(new_pc)) is None  # No: nothing done

    dialog.password.setText("admin123")
    monkeypatch.setattr(dialog, "ask", lambda *_a: True)
    monkeypatch.setattr(dialog, "tell", lambda _parent, _title, text: told.append(text))
    dialog.replace_key_button.click()
    assert dialog.result() == LoginDialog.DialogCode.Accepted and dialog.actor is not None
    made = chain_key.load_key(centre_of(new_pc))
    assert made is not None and made != chain_key.read_key_file(key_file)
    assert told and str(chain_key.key_path(centre_of(new_pc))) in told[0]
    assert new_pc.residents.save(dialog.actor, ResidentForm(name="赵六"))


def test_a_pc_with_the_key_logs_in_as_before(qtbot, services):
    dialog = login_on(qtbot, services, "qiantai", "qiantai123")
    assert dialog.actor is not None and not dialog.key_box.isVisibleTo(dialog)
