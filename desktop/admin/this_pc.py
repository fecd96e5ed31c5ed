"""This PC's settings (language, which database to open), kept in its config file.

Anyone may choose the language of the PC they sit at. Where the database is decides
whose data the whole centre works on, so only an administrator may change it: the
settings page does not offer it to other roles, and this refuses it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath, PureWindowsPath

from desktop.common.config import LANGUAGES, LocalConfig, default_database
from desktop.common.errors import DomainError, PermissionDenied
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission


def may_move_database(actor: Actor) -> bool:
    """Whether ``actor`` may change which database this PC opens."""
    return actor.can(Permission.MANAGE_SETTINGS)


def save_this_pc(actor: Actor, config: LocalConfig, *, language: str, database: str) -> None:
    """Save the language and the database location (a path or URL; the default path is
    stored as "use the default"). Raises ``PermissionDenied`` when someone other than
    an administrator tries to move the database; nothing is saved then."""
    if language not in LANGUAGES:
        raise DomainError(N_("Choose a language."))
    database = database.strip()
    stored = "" if database == default_database() else database
    if stored != config.database and not may_move_database(actor):
        raise PermissionDenied(N_("Only an administrator can change where the database is."))
    if stored != config.database and "://" not in stored:
        refuse_network_file(stored)
    config.language = language
    config.database = stored
    config.save()


# --- SQLite files on network drives -------------------------------------------------------
NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs", "davfs", "lustre"}
)
"""Linux file systems that live on another machine (``fuse.sshfs`` and the like too)."""

DRIVE_REMOTE = 4
"""``GetDriveTypeW`` for a mapped network drive."""


def is_unc(path: str) -> bool:
    r"""``\\server\share\…`` or ``//server/share/…``."""
    if path.upper().startswith("\\\\?\\UNC\\"):
        return True
    return path.startswith(("\\\\", "//")) and not path.startswith(("\\\\?\\", "\\\\.\\"))


def mount_type(path: str, mounts: str) -> str:
    """The file system type of the mount that holds ``path``, from ``/proc/mounts`` text."""
    best, kind = "", ""
    target = PurePath(path)
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        if (target == PurePath(point) or PurePath(point) in target.parents) and len(point) > len(best):
            best, kind = point, parts[2]
    return kind


def _windows_drive_is_remote(path: str) -> bool:  # pragma: no cover - Windows only
    import ctypes

    drive = PureWindowsPath(path).drive
    if not drive:
        return False
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    return kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE


def is_network_path(path: str, *, mounts: str | None = None, platform: str = sys.platform) -> bool:
    """Whether a file at ``path`` would live on another machine: a UNC path, a mapped
    network drive (Windows), or a network mount (Linux, from ``/proc/mounts``)."""
    text = str(path)
    if is_unc(text):
        return True
    if platform == "win32":
        return _windows_drive_is_remote(os.path.abspath(text))
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    kind = mount_type(os.path.abspath(os.path.expanduser(text)), mounts)
    return kind in NETWORK_FILESYSTEMS or kind.startswith("fuse.sshfs")


def refuse_network_file(path: str) -> None:
    """Raise ``DomainError`` for a SQLite file on a network drive: SQLite's locking does
    not work over SMB or NFS, so two PCs writing through a share damage the file."""
    if is_network_path(path):
        raise DomainError(
            N_(
                "{path} is on a network drive. A database file on a shared folder gets damaged "
                "when several PCs write to it. Keep the file on this PC, or let several PCs share "
                "a PostgreSQL server (choose 数据库服务器 above)."
            ),
            path=path,
        )
