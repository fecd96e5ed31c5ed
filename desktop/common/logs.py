"""The program's log file: what happened, for whoever has to find out why.

One rotating file (``shequ.log``, 1 MB × 5) in the user's log folder (platformdirs;
``SHEQU_LOG_DIR`` overrides it). Users never read it; the "出错了" dialog tells them where
it is so they can send it. Personal data is not logged: services log actions and ids,
never names, phones or ID numbers.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_path

from desktop.common.config import APP_AUTHOR, APP_NAME

LOG_NAME = "shequ.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"

_handler: RotatingFileHandler | None = None


def log_dir() -> Path:
    override = os.environ.get("SHEQU_LOG_DIR")
    return Path(override) if override else user_log_path(APP_NAME, APP_AUTHOR)


def log_file() -> Path:
    return log_dir() / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the root logger to the rotating file (once per process); return its path."""
    global _handler
    path = log_file()
    if _handler is not None:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    _handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    _handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    root.addHandler(_handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    return path


def stop_logging() -> None:
    """Detach and close the file (tests, and before a restore replaces the data folder)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
