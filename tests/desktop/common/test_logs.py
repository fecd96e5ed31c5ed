"""The log file exists where the error dialog says, rotates, and holds what happened."""

from __future__ import annotations

import logging
import logging.handlers

import pytest

from desktop.common import logs


@pytest.fixture
def log_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SHEQU_LOG_DIR", str(tmp_path / "logs"))
    yield tmp_path / "logs"
    logs.stop_logging()


def test_messages_reach_the_file_in_the_log_folder(log_folder):
    path = logs.setup_logging()
    assert path == log_folder / "shequ.log"
    logging.getLogger("desktop.test").warning("数据库被锁定 %s", 7)
    logs.stop_logging()
    text = path.read_text(encoding="utf-8")
    assert "WARNING" in text and "desktop.test: 数据库被锁定 7" in text


def test_setting_up_twice_keeps_one_handler(log_folder):
    logs.setup_logging()
    logs.setup_logging()
    rotating = logging.handlers.RotatingFileHandler
    handlers = [h for h in logging.getLogger().handlers if isinstance(h, rotating)]
    assert len(handlers) == 1


def test_the_file_rotates_instead_of_growing_forever(log_folder, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    logs.setup_logging()
    for i in range(200):
        logging.getLogger("desktop.test").warning("line %d %s", i, "x" * 40)
    logs.stop_logging()
    files = sorted(p.name for p in log_folder.iterdir())
    assert files[0] == "shequ.log"
    assert "shequ.log.1" in files
    assert all(p.stat().st_size <= 2_200 for p in log_folder.iterdir())
