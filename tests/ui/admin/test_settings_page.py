"""系统设置: the 数据库 box is the administrator's (others do not see it); the centre's name
follows the database unless it is being edited; 测试连接 and 迁移到服务器 work off the GUI
thread and say clearly what happened."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from desktop.common.config import LocalConfig, config_file
from tests.conftest import PG_ADMIN_URL
from tests.desktop.admin.keyring_support import credential_store
from ui.admin.settings_page import SettingsPage
from ui.widgets.change_hub import ChangeHub


@pytest.fixture
def cfg(tmp_path, monkeypatch) -> LocalConfig:
    monkeypatch.setenv("SHEQU_CONFIG_DIR", str(tmp_path / "cfg"))
    return LocalConfig()


def _page(qtbot, services, actor, cfg) -> SettingsPage:
    page = SettingsPage(services, actor, config=cfg)
    qtbot.addWidget(page)
    page.show()
    return page


def test_the_front_desk_does_not_see_the_database_box(qtbot, services, front_desk, cfg):
    page = _page(qtbot, services, front_desk, cfg)
    assert page.database_box is None
    page.language.setCurrentIndex(page.language.findData("en"))
    page.save_pc_settings()
    saved = LocalConfig.load()
    assert saved.language == "en" and saved.database == ""  # the language only


def test_the_administrator_chooses_a_file(qtbot, services, admin, cfg, tmp_path):
    box = _page(qtbot, services, admin, cfg).database_box
    assert box is not None and box.use_file.isChecked()
    box.file_path.setText(str(tmp_path / "other.sqlite3"))
    assert box.save()
    assert LocalConfig.load().database == str(tmp_path / "other.sqlite3")
    assert "Restart" in box.result.text()


def test_a_file_on_a_network_share_is_refused(qtbot, services, admin, cfg):
    box = _page(qtbot, services, admin, cfg).database_box
    assert box is not None
    box.file_path.setText(r"\\nas\share\shequ.sqlite3")
    assert not box.save()
    assert "PostgreSQL" in box.file_box.error.text()
    assert not config_file().exists()


def test_every_bad_server_field_gets_a_message(qtbot, services, admin, cfg):
    box = _page(qtbot, services, admin, cfg).database_box
    assert box is not None
    box.use_server.setChecked(True)
    assert box.port.text() == "5432"  # the default port
    box.host.setText("")
    box.port.setText("54x")
    box.user.setText("")
    assert not box.save()
    assert box.boxes["host"].error.isVisible() and box.boxes["port"].error.isVisible()
    assert box.boxes["user"].error.isVisible() and not box.boxes["database"].error.isVisible()
    assert box.focusWidget() is box.host  # the first bad field, ready for typing
    assert not config_file().exists()


def test_the_server_password_is_kept_out_of_the_settings_file(qtbot, services, admin, cfg):
    with credential_store() as ring:
        box = _page(qtbot, services, admin, cfg).database_box
        assert box is not None
        box.use_server.setChecked(True)
        box.host.setText("192.168.1.10")
        box.user.setText("shequ_app")
        box.password.setText("Secret-123")
        assert box.save()
        assert "Secret-123" not in config_file().read_text(encoding="utf-8")
        assert ring is not None and list(ring.passwords.values()) == ["Secret-123"]
        assert LocalConfig.load().database == "postgresql+psycopg://shequ_app@192.168.1.10:5432/shequ"


def _fill_server(box, url: str) -> None:
    u = make_url(url)
    box.use_server.setChecked(True)
    box.host.setText(u.host or "127.0.0.1")
    box.port.setText(str(u.port or 5432))
    box.database.setText(u.database or "")
    box.user.setText(u.username or "")


@pytest.mark.postgres
def test_test_connection_says_what_it_found(qtbot, services, admin, cfg, pg_databases):
    box = _page(qtbot, services, admin, cfg).database_box
    assert box is not None
    with pg_databases.empty() as url:
        _fill_server(box, url)
        box.test_connection()
        qtbot.waitUntil(lambda: box.test_button.isEnabled(), timeout=10000)
        assert "PostgreSQL" in box.result.text() and "empty" in box.result.text()
    _fill_server(box, make_url(PG_ADMIN_URL).set(port=1).render_as_string(hide_password=False))
    box.test_connection()
    qtbot.waitUntil(lambda: box.test_button.isEnabled(), timeout=10000)
    assert "port 1" in box.result.text() and box.boxes["host"].error.isVisible()


@pytest.mark.postgres
@pytest.mark.slow
def test_moving_the_open_centre_to_the_server(qtbot, services, admin, cfg, pg_databases):
    page = _page(qtbot, services, admin, cfg)
    box = page.database_box
    assert box is not None
    source = Path(services.description)
    with pg_databases.empty() as url:
        _fill_server(box, url)
        box.move_to_server()
        dialog = page.move_dialog
        assert dialog is not None
        before = hashlib.sha256(source.read_bytes()).hexdigest()
        dialog.start()
        qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
        assert dialog.report is not None, dialog.output.toPlainText()
        assert "chain verifies" in dialog.output.toPlainText()
        assert dialog.bar.value() == dialog.bar.maximum()
        assert hashlib.sha256(source.read_bytes()).hexdigest() == before
        with credential_store():
            dialog.switch_button.click()
        assert LocalConfig.load().database.startswith("postgresql+psycopg://")
        engine = create_engine(url, poolclass=NullPool)
        assert "resident" in inspect(engine).get_table_names()
        engine.dispose()
        dialog.close()


@pytest.mark.postgres
@pytest.mark.slow
def test_cancelling_the_move_leaves_the_server_empty(qtbot, services, admin, cfg, pg_databases):
    page = _page(qtbot, services, admin, cfg)
    box = page.database_box
    assert box is not None
    with pg_databases.empty() as url:
        _fill_server(box, url)
        box.move_to_server()
        dialog = page.move_dialog
        assert dialog is not None
        dialog.start()
        qtbot.waitUntil(lambda: dialog.bar.value() > 0, timeout=30000)
        dialog.close_button.click()  # 取消 while it runs
        qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
        assert dialog.report is None and "cancelled" in dialog.output.toPlainText()
        engine = create_engine(url, poolclass=NullPool)
        assert inspect(engine).get_table_names() == []
        engine.dispose()
        dialog.close()


def test_a_new_centre_name_shows_unless_it_is_being_edited(qtbot, services, admin):
    hub = ChangeHub()
    hub.attach(services.db.changes)
    page = SettingsPage(services, admin, config=LocalConfig(), hub=hub)
    qtbot.addWidget(page)
    page.show()
    services.centre.rename(admin, "另一台电脑改的名称")
    qtbot.waitUntil(lambda: page.centre_name.text() == "另一台电脑改的名称")
    page.centre_name.setText("正在输入")
    services.centre.rename(admin, "又改了")
    qtbot.wait(50)
    assert page.centre_name.text() == "正在输入"  # half-typed input is kept
    hub.detach_all()


# --- 更换审计密钥 ---------------------------------------------------------------------------
def test_a_lost_audit_key_is_replaced_after_a_plain_warning(
    qtbot, services, admin, cfg, tmp_path, monkeypatch
):
    from db import audit
    from desktop.admin import chain_key
    from desktop.residents.service import ResidentForm

    have_key = _page(qtbot, services, admin, cfg)
    assert not have_key.replace_key_button.isEnabled()  # the key is here: nothing to replace
    monkeypatch.setenv(chain_key.AUDIT_DIR_ENV, str(tmp_path / "lost"))  # this PC lost the key
    services.chain_key._secrets.forget()
    with services.db.reading() as uow:
        old = audit.key_check(uow.session)
    page = _page(qtbot, services, admin, cfg)
    assert page.replace_key_button.isEnabled()
    asked: list[str] = []
    page.ask = lambda _parent, _title, question: asked.append(question) or False
    page.replace_key_button.click()
    assert "cannot be undone" in asked[0] and "import the new key" in asked[0]
    with services.db.reading() as uow:
        assert audit.key_check(uow.session) == old  # declined: nothing changed
    page.ask = lambda *_args: True
    page.replace_key_button.click()
    with services.db.reading() as uow:
        assert audit.key_check(uow.session) != old
    assert page.database_box is not None and "replaced" in page.database_box.result.text()
    assert not page.replace_key_button.isEnabled()
    services.residents.save(admin, ResidentForm(name="新电脑"))  # work goes on
