"""系统设置: the database location is the administrator's (defect #10); the centre's name
follows the database unless it is being edited."""

from __future__ import annotations

from desktop.common.config import LocalConfig
from ui.admin.settings_page import SettingsPage
from ui.widgets.change_hub import ChangeHub


def test_the_front_desk_cannot_move_the_database(qtbot, services, front_desk, tmp_path, monkeypatch):
    monkeypatch.setenv("SHEQU_CONFIG_DIR", str(tmp_path / "cfg"))
    page = SettingsPage(services, front_desk, config=LocalConfig())
    qtbot.addWidget(page)
    page.show()
    for widget in page.database_widgets:
        assert not widget.isEnabled()
    assert not page.may_move
    page.file_path.setText(str(tmp_path / "elsewhere.sqlite3"))  # even if it were typed in
    page.language.setCurrentIndex(page.language.findData("en"))
    page.save_pc_settings()
    saved = LocalConfig.load()
    assert saved.language == "en" and saved.database == ""  # the language only


def test_the_administrator_can(qtbot, services, admin, tmp_path, monkeypatch):
    monkeypatch.setenv("SHEQU_CONFIG_DIR", str(tmp_path / "cfg"))
    page = SettingsPage(services, admin, config=LocalConfig())
    qtbot.addWidget(page)
    assert all(widget.isEnabled() for widget in page.database_widgets)
    page.file_path.setText(str(tmp_path / "other.sqlite3"))
    page.save_pc_settings()
    assert LocalConfig.load().database == str(tmp_path / "other.sqlite3")


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
