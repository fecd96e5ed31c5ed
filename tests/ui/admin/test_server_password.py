"""At start, a server's password missing from the credential store is asked for, with
the reason — never a crash, never a password in the settings file."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from desktop.admin import server_settings
from desktop.admin.server_settings import PasswordNeed
from tests.desktop.admin.keyring_support import credential_store
from ui.admin.server_password import ServerPasswordDialog, database_to_open

SETTING = "postgresql+psycopg://shequ_app@192.168.1.10:5432/shequ"


def test_without_a_store_the_password_is_asked_with_the_reason(qtbot):
    with credential_store(available=False):
        opening = server_settings.opening(SETTING)
        assert opening.need is PasswordNeed.NO_STORE
        dialog = ServerPasswordDialog(opening)
        qtbot.addWidget(dialog)
        assert "no credential store" in dialog.findChildren(type(dialog.error))[0].text()
        assert dialog.remember.isHidden()
        dialog.password.setText("Secret-1")
        dialog.accept()
        assert make_url(dialog.url()).password == "Secret-1"


def test_a_password_typed_once_is_remembered_in_the_store(qtbot):
    with credential_store() as ring:
        dialog = ServerPasswordDialog(server_settings.opening(SETTING))
        qtbot.addWidget(dialog)
        dialog.password.setText("Secret-2")
        dialog.accept()
        assert ring is not None and list(ring.passwords.values()) == ["Secret-2"]
        assert make_url(database_to_open(SETTING) or "").password == "Secret-2"  # no question now


def test_a_file_setting_is_opened_as_it_is():
    assert database_to_open("/data/shequ.sqlite3") == "/data/shequ.sqlite3"
