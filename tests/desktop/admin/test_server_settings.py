"""设置 → 数据库 (server): the address in the settings file, the password only in the OS
credential store, clear answers from 测试连接, every bad input named."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from db.probe import Outcome, classify
from desktop.admin import server_settings
from desktop.admin.server_settings import PasswordNeed, ServerAddress, check_connection, parse_address
from desktop.common.config import LocalConfig, config_file
from desktop.common.errors import FieldErrors, PermissionDenied
from desktop.common.permissions import SYSTEM, Actor, Role
from tests.conftest import PG_ADMIN_URL
from tests.desktop.admin.keyring_support import credential_store

DESK = Actor(user_id=2, username="qiantai", full_name="李晓梅", role=Role.FRONT_DESK)
ADDRESS = ServerAddress("192.168.1.10", 5432, "shequ", "shequ_app")


@pytest.fixture
def config(tmp_path, monkeypatch) -> LocalConfig:
    monkeypatch.setenv("SHEQU_CONFIG_DIR", str(tmp_path / "cfg"))
    monkeypatch.setenv("SHEQU_DATA_DIR", str(tmp_path / "data"))
    return LocalConfig.load()


def test_the_password_goes_to_the_credential_store_never_to_the_settings_file(config):
    with credential_store() as ring:
        notice = server_settings.save_server(SYSTEM, config, ADDRESS, "S3cret-密码")
        on_disk = config_file().read_text(encoding="utf-8")
        assert "S3cret" not in on_disk
        assert LocalConfig.load().database == "postgresql+psycopg://shequ_app@192.168.1.10:5432/shequ"
        assert ring is not None and "S3cret-密码" in ring.passwords.values()
        assert "Restart" in notice
        opened = server_settings.opening(LocalConfig.load().database)
        assert opened.need is PasswordNeed.NONE
        assert make_url(opened.url).password == "S3cret-密码"  # put in at open time only


def test_without_a_credential_store_the_password_is_asked_at_start(config):
    with credential_store(available=False):
        assert not server_settings.credential_store_available()
        notice = server_settings.save_server(SYSTEM, config, ADDRESS, "S3cret")
        assert "S3cret" not in config_file().read_text(encoding="utf-8")
        assert "ask" in notice
        opened = server_settings.opening(LocalConfig.load().database)
        assert opened.need is PasswordNeed.NO_STORE and opened.address == ADDRESS
    with credential_store():
        assert server_settings.opening(LocalConfig.load().database).need is PasswordNeed.NOT_SAVED


def test_a_url_with_a_password_is_saved_without_it(config):
    config.database = "postgresql+psycopg://shequ:p%40ss:word@db.local:5433/centre"
    config.save()
    assert "word" not in config_file().read_text(encoding="utf-8")
    assert LocalConfig.load().database == "postgresql+psycopg://shequ@db.local:5433/centre"


def test_only_an_administrator_points_this_pc_at_a_server(config):
    with credential_store(), pytest.raises(PermissionDenied):
        server_settings.save_server(DESK, config, ADDRESS, "x")
    assert not config_file().exists()


@pytest.mark.parametrize(
    ("host", "port", "database", "user", "bad"),
    [
        ("", "5432", "shequ", "app", {"host"}),
        ("db server", "5432", "shequ", "app", {"host"}),
        ("10.0.0.2", "abc", "shequ", "app", {"port"}),
        ("10.0.0.2", "70000", "shequ", "app", {"port"}),
        ("10.0.0.2", "", "", "", {"port", "database", "user"}),
        ("10.0.0.2", "５４３２", "shequ", "a@b", {"port", "user"}),
    ],
)
def test_every_bad_field_is_named(host, port, database, user, bad):
    with pytest.raises(FieldErrors) as caught:
        parse_address(host, port, database, user)
    assert set(caught.value.errors) == bad


def test_a_good_address_keeps_the_default_port():
    address = parse_address(" 192.168.1.10 ", "5432", "shequ", "app")
    assert address == ServerAddress("192.168.1.10", 5432, "shequ", "app")
    assert address.url("p@ss") == "postgresql+psycopg://app:p%40ss@192.168.1.10:5432/shequ"


@pytest.mark.parametrize(
    ("message", "outcome"),
    [
        ('connection failed: FATAL:  password authentication failed for user "app"', Outcome.WRONG_PASSWORD),
        ('致命错误:  用户 "app" Password 认证失败', Outcome.WRONG_PASSWORD),
        ("fe_sendauth: no password supplied", Outcome.NO_PASSWORD),
        ('FATAL:  database "shequ" does not exist', Outcome.NO_DATABASE),
        ('致命错误:  数据库 "shequ" 不存在', Outcome.NO_DATABASE),
        ('FATAL:  role "app" does not exist', Outcome.NO_USER),
        ('connection to server at "10.0.0.9", port 5432 failed: Connection refused', Outcome.UNREACHABLE),
        ("failed to resolve host 'nas': [Errno -2] Name or service not known", Outcome.UNREACHABLE),
        ("connection to server at 10.0.0.9 failed: timeout expired", Outcome.UNREACHABLE),
        ("something else entirely", Outcome.FAILED),
    ],
)
def test_connection_errors_are_sorted_into_what_to_do(message, outcome):
    assert classify(message) is outcome


def _server(database: str, port: int | None = None) -> ServerAddress:
    u = make_url(PG_ADMIN_URL)
    return ServerAddress(u.host or "127.0.0.1", port or u.port or 5432, database, u.username or "postgres")


@pytest.mark.postgres
def test_connection_to_an_empty_database_says_so(pg_databases):
    with pg_databases.empty() as url:
        report = check_connection(_server(make_url(url).database), None)
    assert report.ok and report.empty
    assert "PostgreSQL" in str(report.message) and "empty" in str(report.message)


@pytest.mark.postgres
def test_connection_to_this_programs_database_gives_its_revision(pg_db, pg_url):
    from db.migrate import HEAD

    report = check_connection(_server(make_url(pg_url).database), None)
    assert report.ok and report.ready
    assert report.message.params["rev"] == HEAD


@pytest.mark.postgres
def test_a_missing_database_and_an_unreachable_server_are_told_apart(pg_databases):
    missing = check_connection(_server("shequ_no_such_database_x"), None)
    assert not missing.ok and missing.field == "database"
    assert "no database named" in str(missing.message)
    closed = check_connection(_server("shequ", port=1), None)
    assert not closed.ok and closed.field == "host"
    assert "port 1" in str(closed.message)
