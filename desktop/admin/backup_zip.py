"""The backup file: a zip with a manifest, the database and the attachments.

``manifest.json`` says whose and what the backup is (centre id and name, the program's
version, the schema revision, when it was made, the rows per table); the database is
``shequ.sqlite3`` (a SQLite file) or ``shequ.pgdump`` (pg_dump's custom format); the
attachments are under ``attachments/``. With a password every entry is AES-256
encrypted (WinZip AES, which 7-Zip and WinRAR open too), and the backup also carries
this PC's audit key of the database (``audit.key``, :mod:`desktop.admin.chain_key`), so
a restore on a new PC can go on writing; a backup without a password never holds it.

Reading a backup refuses it whole when any entry's name could land outside the folder
it is extracted to (``..``, an absolute path, a drive letter, a backslash).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import zipfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

import pyzipper  # type: ignore[import-untyped]

from desktop.common.errors import DomainError
from desktop.common.i18n import N_

MANIFEST = "manifest.json"
DATABASE_NAME = "shequ.sqlite3"
PG_DUMP_NAME = "shequ.pgdump"
ATTACHMENTS_PREFIX = "attachments/"
AUDIT_KEY_NAME = "audit.key"
"""The audit key inside a password-protected backup (never in one without a password)."""
APP_ID = "shequ-desktop"
FORMAT = 1
PASSWORD_ENV = "SHEQU_BACKUP_PASSWORD"
_BAD_ZIP = (zipfile.BadZipFile, pyzipper.BadZipFile, zipfile.LargeZipFile)


def app_version() -> str:
    """The program's version (from pyproject.toml when running from the source tree)."""
    import tomllib

    try:
        with open(Path(__file__).resolve().parents[2] / "pyproject.toml", "rb") as f:
            return str(tomllib.load(f)["project"]["version"])
    except (OSError, KeyError, ValueError):
        return ""


@dataclass(frozen=True)
class Manifest:
    """What a backup is: see the module's docstring."""

    centre_id: str
    centre_name: str
    schema_revision: str
    created_at: str
    backend: str
    database: str
    app: str = APP_ID
    format: int = FORMAT
    app_version: str = field(default_factory=app_version)
    counts: dict[str, int] = field(default_factory=dict)
    attachments: int = 0

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        raw = json.loads(data.decode("utf-8"))
        if not isinstance(raw, dict) or raw.get("app") != APP_ID:
            raise ValueError("not a manifest of this program")
        return cls(
            centre_id=str(raw.get("centre_id", "")),
            centre_name=str(raw.get("centre_name", "")),
            schema_revision=str(raw.get("schema_revision", "")),
            created_at=str(raw.get("created_at", "")),
            backend=str(raw.get("backend", "")),
            database=str(raw.get("database", "")),
            format=int(raw.get("format", FORMAT)),
            app_version=str(raw.get("app_version", "")),
            counts={str(k): int(v) for k, v in dict(raw.get("counts", {})).items()},
            attachments=int(raw.get("attachments", 0)),
        )

    @property
    def created(self) -> dt.datetime | None:
        try:
            return dt.datetime.fromisoformat(self.created_at)
        except ValueError:
            return None


class PasswordNeeded(DomainError):
    """The backup is encrypted and no password was given."""


class WrongPassword(DomainError):
    """The password given does not open the backup."""


def _wrong_password(path: Path) -> WrongPassword:
    return WrongPassword(N_("The password of {name} is not correct; nothing was restored."), name=path.name)


# --- names ------------------------------------------------------------------------------
_DRIVE = re.compile(r"^[A-Za-z]:")


def unsafe_name(name: str) -> bool:
    """Whether an entry's name could be written outside the folder it is extracted to."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/") or _DRIVE.match(name):
        return True
    parts = name.rstrip("/").split("/")
    return any(part in ("", ".", "..") for part in parts)


def check_names(names: Iterable[str], backup: str) -> None:
    """Refuse the whole backup if any entry's name is unsafe (nothing is written)."""
    bad = [n for n in names if unsafe_name(n)]
    if bad:
        raise DomainError(
            N_(
                "{name} holds a file named {entry}, which would be written outside its folder. "
                "The backup was refused and nothing was restored."
            ),
            name=backup,
            entry=bad[0],
        )


# --- writing ----------------------------------------------------------------------------
def write_zip(
    path: Path,
    manifest: Manifest,
    database: Path,
    attachments: Iterable[tuple[str, Path]],
    *,
    password: str | None,
    audit_key: str | None = None,
) -> None:
    """Write the backup to ``path`` (the caller's temporary name); ``audit_key`` (the
    key file's text) only with a password."""
    if audit_key is not None and not password:
        raise ValueError("the audit key goes only into a password-protected backup")
    kwargs: dict[str, Any] = {"compression": zipfile.ZIP_DEFLATED}
    if password:
        kwargs["encryption"] = pyzipper.WZ_AES
    with pyzipper.AESZipFile(path, "w", **kwargs) as zf:
        if password:
            zf.setpassword(password.encode("utf-8"))
        zf.writestr(MANIFEST, manifest.to_json())
        zf.write(database, manifest.database)
        if audit_key is not None:
            zf.writestr(AUDIT_KEY_NAME, audit_key.encode("utf-8"))
        for name, source in attachments:
            zf.write(source, ATTACHMENTS_PREFIX + name)


# --- reading ----------------------------------------------------------------------------
class BackupReader:
    """An open backup, its password checked and its names safe. Use as a context manager."""

    def __init__(self, path: Path, password: str | None = None):
        self.path = Path(path)
        try:
            self._zf = pyzipper.AESZipFile(self.path)
        except (OSError, ValueError, *_BAD_ZIP) as exc:
            raise DomainError(N_("{name} is not a backup of this program."), name=self.path.name) from exc
        try:
            self.names = self._zf.namelist()
            check_names(self.names, self.path.name)
            self.encrypted = any(info.flag_bits & 0x1 for info in self._zf.infolist())
            if self.encrypted:
                if not password:
                    raise PasswordNeeded(
                        N_("{name} is protected by a password. Enter the backup's password."),
                        name=self.path.name,
                    )
                self._zf.setpassword(password.encode("utf-8"))
            self.manifest = self._read_manifest()
        except BaseException:
            self._zf.close()
            raise

    def _read_manifest(self) -> Manifest | None:
        if MANIFEST not in self.names:
            return None  # a backup of an earlier version: the database says what it is
        try:
            data = self.read(MANIFEST)
            return Manifest.from_json(data)
        except (ValueError, TypeError) as exc:
            raise DomainError(N_("{name} is not a backup of this program."), name=self.path.name) from exc

    def read(self, name: str) -> bytes:
        with self.open(name) as f:
            return f.read()

    def open(self, name: str) -> IO[bytes]:
        try:
            return self._zf.open(name)
        except RuntimeError as exc:  # pyzipper: a wrong password
            raise _wrong_password(self.path) from exc
        except (OSError, KeyError, *_BAD_ZIP) as exc:
            raise DomainError(N_("The backup file is damaged at {name}."), name=name) from exc

    def extract(self, name: str, target: Path) -> None:
        try:
            with self.open(name) as src, target.open("wb") as out:
                shutil.copyfileobj(src, out)
        except RuntimeError as exc:
            raise _wrong_password(self.path) from exc
        except (EOFError, *_BAD_ZIP) as exc:
            raise DomainError(N_("The backup file is damaged at {name}."), name=name) from exc

    def verify(self) -> None:
        """Read every entry whole (checks each CRC, and with a password each AES code)."""
        for name in self.names:
            if name.endswith("/"):
                continue
            try:
                with self.open(name) as f:
                    while f.read(1 << 20):
                        pass
            except RuntimeError as exc:
                raise _wrong_password(self.path) from exc
            except (EOFError, OSError, *_BAD_ZIP) as exc:
                raise DomainError(N_("The backup file is damaged at {name}."), name=name) from exc

    def attachment_names(self) -> list[str]:
        return [n for n in self.names if n.startswith(ATTACHMENTS_PREFIX) and not n.endswith("/")]

    def close(self) -> None:
        self._zf.close()

    def __enter__(self) -> BackupReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
