"""Where this PC's database is may be changed by an administrator only (defect #10)."""

from __future__ import annotations

import pytest

from desktop.admin.this_pc import save_this_pc
from desktop.common.config import LocalConfig, default_database
from desktop.common.errors import DomainError, PermissionDenied
from desktop.common.permissions import SYSTEM, Actor, Role

DESK = Actor(user_id=2, username="qiantai", full_name="李晓梅", role=Role.FRONT_DESK)


@pytest.fixture
def config(tmp_path, monkeypatch) -> LocalConfig:
    monkeypatch.setenv("SHEQU_CONFIG_DIR", str(tmp_path / "cfg"))
    monkeypatch.setenv("SHEQU_DATA_DIR", str(tmp_path / "data"))
    return LocalConfig.load()


def test_the_front_desk_may_change_the_language_but_not_the_database(config, tmp_path):
    with pytest.raises(PermissionDenied):
        save_this_pc(DESK, config, language="en", database=str(tmp_path / "elsewhere.sqlite3"))
    assert LocalConfig.load() == LocalConfig()  # nothing saved
    save_this_pc(DESK, config, language="en", database=default_database())
    assert LocalConfig.load() == LocalConfig(database="", language="en")


def test_an_administrator_moves_the_database(config, tmp_path):
    save_this_pc(SYSTEM, config, language="zh_CN", database=str(tmp_path / "shared.sqlite3"))
    assert LocalConfig.load().database == str(tmp_path / "shared.sqlite3")
    save_this_pc(SYSTEM, config, language="zh_CN", database=default_database())
    assert LocalConfig.load().database == ""  # the default is stored as "the default"
    with pytest.raises(DomainError):
        save_this_pc(SYSTEM, config, language="fr", database="")
