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


# --- a SQLite file on a network drive is refused -------------------------------------
MOUNTS = (
    "/dev/sda1 / ext4 rw 0 0\n"
    "nas:/export /mnt/nas nfs4 rw 0 0\n"
    "//nas/share /mnt/share cifs rw 0 0\n"
    "user@host:/x /mnt/ssh fuse.sshfs rw 0 0\n"
)


@pytest.mark.parametrize(
    ("path", "network"),
    [
        ("/mnt/nas/centre/shequ.sqlite3", True),
        ("/mnt/share/shequ.sqlite3", True),
        ("/mnt/ssh/shequ.sqlite3", True),
        ("/mnt/nasx/shequ.sqlite3", False),  # a neighbour of a mount point is not inside it
        ("/home/centre/shequ.sqlite3", False),
    ],
)
def test_network_mounts_are_recognised(path, network):
    from desktop.admin.this_pc import is_network_path

    assert is_network_path(path, mounts=MOUNTS, platform="linux") is network


@pytest.mark.parametrize(
    "path", [r"\\server\share\shequ.sqlite3", "//server/share/shequ.sqlite3", r"\\?\UNC\server\share\x.db"]
)
def test_unc_paths_are_refused_with_advice(config, path):
    with pytest.raises(DomainError) as caught:
        save_this_pc(SYSTEM, config, language="zh_CN", database=path)
    assert "PostgreSQL" in str(caught.value)
    assert LocalConfig.load().database == ""  # nothing saved


def test_a_local_path_is_not_a_network_path(tmp_path):
    from desktop.admin.this_pc import is_network_path

    assert not is_network_path(str(tmp_path / "shequ.sqlite3"))
    assert not is_network_path(r"\\?\C:\data\shequ.sqlite3", mounts="", platform="linux")
