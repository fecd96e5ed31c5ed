"""Settings that belong to this PC: which database to open and the UI language.

They live in a small JSON file in the user's config folder (platformdirs), because
they must be known before any database is opened. Settings shared by all PCs (the
centre's name) live in the database instead.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP_NAME = "ShequDesktop"
APP_AUTHOR = "Shequ"
LANGUAGES = ("zh_CN", "en")


def data_dir() -> Path:
    override = os.environ.get("SHEQU_DATA_DIR")
    return Path(override) if override else user_data_path(APP_NAME, APP_AUTHOR)


def config_file() -> Path:
    override = os.environ.get("SHEQU_CONFIG_DIR")
    base = Path(override) if override else user_config_path(APP_NAME, APP_AUTHOR)
    return base / "settings.json"


def default_database() -> str:
    return str(data_dir() / "shequ.sqlite3")


def demo_database() -> str:
    return str(data_dir() / "demo.sqlite3")


def backup_dir() -> Path:
    return data_dir() / "backups"


def without_password(database: str) -> str:
    """A database URL with any password taken out: the settings file never holds one
    (a server's password lives in the OS credential store, see
    ``desktop.admin.server_settings``)."""
    if "://" not in database:
        return database
    scheme, rest = database.split("://", 1)
    netloc, slash, tail = rest.partition("/")
    if "@" not in netloc:
        return database
    credentials, host = netloc.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}@{host}{slash}{tail}"


@dataclass
class LocalConfig:
    database: str = ""
    language: str = "zh_CN"

    @classmethod
    def load(cls, path: Path | None = None) -> LocalConfig:
        path = path or config_file()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        cfg = cls()
        if isinstance(raw.get("database"), str):
            cfg.database = raw["database"]
        if raw.get("language") in LANGUAGES:
            cfg.language = raw["language"]
        return cfg

    def save(self, path: Path | None = None) -> None:
        """Write atomically: a crash mid-write leaves the old file, never half a file."""
        path = path or config_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        saved = asdict(self) | {"database": without_password(self.database)}
        tmp.write_text(json.dumps(saved, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, path)

    def database_or_default(self) -> str:
        return self.database or default_database()
