"""The audit log's key and anchor: what this PC keeps outside the database.

* **The key** (审计密钥): 32 random bytes that make every new audit row's hash an
  HMAC (:mod:`db.audit`). It lives in a file in this PC's config folder, readable by the
  user only (0600), one file per database, named by the database's centre id — never in
  the database, so someone holding only the database file (or a copy of it) cannot
  rewrite a row and re-hash the rows after it. The file also says how many rows the
  chain had when the key was made (``keyed_after``): every later row must be keyed.

  It is made when a database is created, when this PC's own SQLite file is first opened
  by this version, and — for a server that several PCs share — when an administrator
  signs in and the chain has no key yet. The other PCs of a server need the same key:
  the administrator exports it (:meth:`ChainKeyService.export_key`, ``python main.py
  chain-key export FILE``) and each desk imports it (``import_key``). A desk without the
  key is told so before it writes (:meth:`DatabaseSecrets.refuse`).

  A password-protected backup carries the key (:mod:`desktop.admin.backup`), and a
  restore on a PC without it installs it (:func:`install_restored_key`).

* **A lost key is replaced** (更换审计密钥, :meth:`ChainKeyService.replace_key`, ``python
  main.py chain-key replace``): an administrator's deliberate act when no PC and no
  backup has the key any more. A new key is made; the replacement is itself an audit
  row (``rekey``, the first row of the new key, so it holds the last old row's hash),
  the database's fingerprint changes and its history of fingerprints is kept. ``check``
  then verifies the later rows with the new key and the rows of the lost key by their
  links only, and says so. A key this PC held before is never overwritten: it is kept
  beside the new one (``<centre>-<fingerprint>.key``), and with it the old rows verify
  fully.

* **The anchor** (链头): after each commit that adds audit rows, the chain's head (row
  count, last id and hash) is written to a small file per database and location in the
  same folder (atomically: a temporary file renamed over the old). ``check`` then
  reports a chain that no longer contains the anchored head — its last rows deleted.
  The monthly report prints the head too, so the paper anchors it as well.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db import audit
from db import settings as settings_repo
from db.audit import Head
from db.engine import describe
from db.uow import Database
from desktop.common.clock import Clock, system_clock
from desktop.common.config import config_file
from desktop.common.errors import DomainError
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission

AUDIT_DIR_ENV = "SHEQU_AUDIT_DIR"
KEY_FORMAT = "shequ-audit-key-1"


def audit_dir() -> Path:
    """The folder of this PC's audit keys and anchors (inside the config folder)."""
    override = os.environ.get(AUDIT_DIR_ENV)
    return Path(override) if override else config_file().parent / "audit"


@dataclass(frozen=True)
class ChainKey:
    """One database's audit key as kept in its file."""

    centre_id: str
    key: bytes
    keyed_after: int
    """Rows the chain had when the key was made; every later row must be keyed."""

    @property
    def fingerprint(self) -> str:
        return audit.fingerprint(self.key)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": KEY_FORMAT,
                "centre_id": self.centre_id,
                "key": self.key.hex(),
                "keyed_after": self.keyed_after,
                "fingerprint": self.fingerprint,
            },
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str) -> ChainKey:
        """Parse a key file; ``ValueError`` when it is not one."""
        raw = json.loads(text)
        if not isinstance(raw, dict) or raw.get("format") != KEY_FORMAT:
            raise ValueError("not an audit key file")
        key = bytes.fromhex(str(raw["key"]))
        found = cls(str(raw["centre_id"]), key, int(raw["keyed_after"]))
        if len(key) != 32 or not found.centre_id or raw.get("fingerprint") != found.fingerprint:
            raise ValueError("damaged audit key file")
        return found


def key_path(centre_id: str) -> Path:
    return audit_dir() / f"{centre_id}.key"


def _write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically, readable and writable by the user only."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o600)  # whatever the umask or an older file said
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def kept_key_path(centre_id: str, fingerprint: str) -> Path:
    """Where this PC keeps another key of the centre (a replaced one, or a backup's)."""
    return audit_dir() / f"{centre_id}-{fingerprint}.key"


def keep_aside(centre_id: str) -> Path | None:
    """Keep this PC's present key of the centre beside the key file (before a different
    key is written there): a key is never overwritten. Returns where it was kept."""
    found = load_key(centre_id)
    if found is None:
        return None
    target = kept_key_path(centre_id, found.fingerprint)
    if not target.exists():
        _write_private(target, found.to_json())
    return target


def keys_for(centre_id: str) -> list[bytes]:
    """Every key this PC has of the centre: its key and those kept beside it."""
    found: list[bytes] = []
    current = load_key(centre_id)
    if current is not None:
        found.append(current.key)
    if centre_id:
        for path in sorted(audit_dir().glob(f"{centre_id}-*.key")):
            try:
                kept = ChainKey.from_json(path.read_text(encoding="utf-8"))
            except (OSError, ValueError, KeyError, TypeError):
                continue
            if kept.centre_id == centre_id and kept.key not in found:
                found.append(kept.key)
    return found


def load_key(centre_id: str) -> ChainKey | None:
    """This PC's key for the database with ``centre_id``; None when it has none."""
    if not centre_id:
        return None
    try:
        found = ChainKey.from_json(key_path(centre_id).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError):
        return None
    return found if found.centre_id == centre_id else None


# --- the anchor ----------------------------------------------------------------------
def anchor_path(centre_id: str, location: str) -> Path:
    """The anchor of one database at one place (a file path or a server URL): a copy of
    a database elsewhere — a backup, a test copy — has a head of its own."""
    where = hashlib.sha256(location.encode("utf-8")).hexdigest()[:16]
    return audit_dir() / f"{centre_id or 'unknown'}-{where}.anchor.json"


def read_anchor(centre_id: str, location: str) -> Head | None:
    try:
        raw = json.loads(anchor_path(centre_id, location).read_text(encoding="utf-8"))
        return Head(int(raw["count"]), int(raw["id"]), str(raw["hash"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_anchor(centre_id: str, location: str, head: Head, *, force: bool = False) -> None:
    """Record ``head``; an older head (a slower desk committing after a faster one) never
    replaces a longer one, unless ``force`` (after a restore put an older file back)."""
    if not force:
        known = read_anchor(centre_id, location)
        if known is not None and known.count >= head.count:
            return
    text = json.dumps(
        {
            "location": location,
            "count": head.count,
            "id": head.id,
            "hash": head.hash,
            "written": dt.datetime.now().isoformat(timespec="seconds"),
        },
        indent=2,
    )
    _write_private(anchor_path(centre_id, location), text)


def reanchor(db: Database) -> Head | None:
    """Record the database's present head as this PC's anchor, even if shorter than the
    anchored one: after a restore has deliberately put an older database back (until
    then ``check`` rightly reports the rows the restore took away)."""
    with db.reading() as uow:
        centre_id = settings_repo.centre_id(uow.session)
        head = audit.head(uow.session)
    if head is not None:
        write_anchor(centre_id, location_of(db), head, force=True)
    return head


def location_of(db: Database) -> str:
    """Where the database is, as the anchor names it (a password-free description)."""
    return describe(db.url)


# --- what the chain is told ------------------------------------------------------------
class DatabaseSecrets:
    """This PC's key and anchor for one open database (:class:`db.audit.ChainSecrets`)."""

    def __init__(self, centre_id: str, location: str):
        self.centre_id = centre_id
        self.location = location
        self._key: ChainKey | None = None

    def chain_key(self) -> ChainKey | None:
        if self._key is None:  # read again: it may have been imported meanwhile
            self._key = load_key(self.centre_id)
        return self._key

    def key(self) -> bytes | None:
        found = self.chain_key()
        return found.key if found is not None else None

    def forget(self) -> None:
        self._key = None

    def refuse(self, reason: str) -> Exception:
        if reason == "mismatch":
            return DomainError(
                N_(
                    "This PC's audit-log key belongs to another database, so nothing was saved. "
                    "Import this database's key from the administrator's PC "
                    "(Settings → Database → Import audit key)."
                )
            )
        return DomainError(
            N_(
                "This PC does not have the audit-log key of this database, so nothing was saved. "
                "On the administrator's PC export the key (Settings → Database → Export audit key), "
                "then import it on this PC (the same page, or: main.py chain-key import FILE). "
                "If no PC and no password-protected backup has the key any more, an administrator "
                "replaces it: main.py chain-key replace."
            )
        )

    def anchor(self, head: Head) -> None:
        write_anchor(self.centre_id, self.location, head)


def install(db: Database) -> DatabaseSecrets:
    """Tell the chain of ``db`` this PC's key and where its anchor goes."""
    with db.reading() as uow:
        centre_id = settings_repo.centre_id(uow.session)
    found = DatabaseSecrets(centre_id, location_of(db))
    audit.use_secrets(db.engine, found)
    return found


# --- the service ---------------------------------------------------------------------
@dataclass(frozen=True)
class KeyStatus:
    """What Settings → 数据库 shows about the audit key."""

    keyed: bool
    """The database's chain is keyed (it carries a key fingerprint)."""
    here: bool
    """This PC has the key of this database."""
    matches: bool
    """This PC's key is the database's (False when it has another database's key)."""
    path: str
    """Where this PC keeps the key (whether or not it exists yet)."""


class ChainKeyService:
    """Making, exporting and importing the audit key of the open database."""

    def __init__(self, db: Database, secrets_: DatabaseSecrets):
        self._db = db
        self._secrets = secrets_

    def status(self) -> KeyStatus:
        with self._db.reading() as uow:
            check = audit.key_check(uow.session)
            centre_id = settings_repo.centre_id(uow.session)
        found = load_key(centre_id)
        return KeyStatus(
            keyed=bool(check),
            here=found is not None,
            matches=found is not None and (not check or found.fingerprint == check),
            path=str(key_path(centre_id or "…")),
        )

    def ensure_key(self, actor: Actor) -> ChainKey | None:
        """Make the key if the chain has none yet (an administrator, or the program when
        it creates a database). Returns this PC's key; None when the chain is keyed and
        this PC lacks the key (it must be imported)."""
        actor.require(Permission.MANAGE_SETTINGS)
        with self._db.reading() as uow:
            check = audit.key_check(uow.session)
            centre_id = settings_repo.centre_id(uow.session)
        if check:
            found = load_key(centre_id)
            return found if found is not None and found.fingerprint == check else None
        return self._create(actor)

    def _create(self, actor: Actor) -> ChainKey:
        made: Path | None = None
        try:
            with self._db.writing() as uow:
                s = uow.session
                audit.lock_chain(s)  # no desk appends rows between the count and the key
                if audit.key_check(s):  # another PC made it a moment ago
                    raise DomainError(
                        N_("Another PC has just made this database's audit key; import it here.")
                    )
                centre_id = settings_repo.ensure_centre_id(s)
                rows = audit.count(s)
                # A key this PC already has for the centre (the database was put back from
                # a backup made before it was keyed) is used again, not replaced.
                existing = load_key(centre_id)
                chain_key = existing or ChainKey(centre_id, secrets.token_bytes(32), rows)
                if existing is None:
                    _write_private(key_path(centre_id), chain_key.to_json())
                    made = key_path(centre_id)
                self._secrets.centre_id = centre_id
                self._secrets.forget()
                settings_repo.put(s, audit.KEY_CHECK_SETTING, chain_key.fingerprint)
                if rows:
                    from desktop.common import audit as audit_log

                    audit_log.record(s, actor, "create", "audit_key", centre_id, after={"keyed_after": rows})
                uow.commit()
        except BaseException:
            if made is not None:
                made.unlink(missing_ok=True)
            self._secrets.forget()
            raise
        return chain_key

    def export_key(self, actor: Actor, path: str | Path) -> Path:
        """Write this PC's key of the open database to ``path`` (for another desk)."""
        actor.require(Permission.MANAGE_SETTINGS)
        with self._db.reading() as uow:
            centre_id = settings_repo.centre_id(uow.session)
        found = load_key(centre_id)
        if found is None:
            raise DomainError(
                N_("This PC has no audit key for this database, so there is nothing to export.")
            )
        return write_key_file(path, found)

    def import_key(self, actor: Actor, path: str | Path) -> ChainKey:
        """Keep the key in ``path`` as this PC's key of the open database."""
        actor.require(Permission.MANAGE_SETTINGS)
        with self._db.reading() as uow:
            check = audit.key_check(uow.session)
            centre_id = settings_repo.centre_id(uow.session)
            history = audit.key_history(uow.session)
        found = import_key_file(
            path, centre_id=centre_id, key_check=check, replaced=replaced_fingerprints(history)
        )
        self._secrets.centre_id = centre_id
        self._secrets.forget()
        return found

    def administrator(self, username: str, password: str) -> Actor:
        """The administrator whose user name and password were typed at the login window of
        a PC without the key, checked without writing anything (:func:`admin_for_replacement`):
        they may then import or replace the key here."""
        return admin_for_replacement(self._db, username, password)

    # --- 更换审计密钥 ------------------------------------------------------------------------
    def replace_key(self, actor: Actor, *, now: Clock = system_clock) -> Replacement:
        """Replace the database's lost audit key (see the module's docstring).

        Refused unless the chain is keyed and this PC lacks its key: a key that is here
        is not lost. Another PC's replacement in the meantime refuses this one."""
        actor.require(Permission.MANAGE_SETTINGS)
        with self._db.reading() as uow:
            check = audit.key_check(uow.session)
            centre_id = settings_repo.centre_id(uow.session)
        if not check or not centre_id:
            raise DomainError(N_("This database's audit log has no key yet, so there is no key to replace."))
        present = load_key(centre_id)
        if present is not None and present.fingerprint == check:
            raise DomainError(
                N_("This PC has the audit key of this database; it is not lost and was not replaced.")
            )
        old_text = key_path(centre_id).read_text(encoding="utf-8") if present is not None else None
        kept = keep_aside(centre_id) if present is not None else None
        when = now()
        written = False
        try:
            with self._db.writing() as uow:
                s = uow.session
                audit.lock_chain(s)
                if audit.key_check(s) != check:
                    raise DomainError(
                        N_("The audit key was replaced on another PC a moment ago; nothing was changed here.")
                    )
                rows = audit.count(s)
                made = ChainKey(centre_id, secrets.token_bytes(32), rows)
                record = {
                    "old_key": check,
                    "new_key": made.fingerprint,
                    "starts_at": rows,
                    "replaced_at": when.isoformat(timespec="seconds"),
                    "replaced_by": actor.username,
                }
                history = [*audit.key_history(s), record]
                settings_repo.put(s, audit.KEY_CHECK_SETTING, made.fingerprint)
                settings_repo.put(s, audit.KEY_HISTORY_SETTING, json.dumps(history, ensure_ascii=False))
                from desktop.common import audit as audit_log

                audit_log.record(
                    s,
                    actor,
                    audit.REKEY_ACTION,
                    audit.KEY_ENTITY,
                    centre_id,
                    after=record,
                    at=when,
                )
                _write_private(key_path(centre_id), made.to_json())
                written = True
                self._secrets.centre_id = centre_id
                self._secrets.forget()  # the new row is signed with the new key
                uow.commit()
        except BaseException:
            if written:
                if old_text is not None:
                    _write_private(key_path(centre_id), old_text)
                else:
                    key_path(centre_id).unlink(missing_ok=True)
            self._secrets.forget()
            raise
        return Replacement(made, check, rows, key_path(centre_id), kept)


@dataclass(frozen=True)
class Replacement:
    """A replaced key: the new key, the lost key's fingerprint, the rows it signed (the
    new key signs every later row), where the new key is, and where a different key this
    PC had was kept (None: it had none)."""

    key: ChainKey
    old_fingerprint: str
    starts_at: int
    path: Path
    kept: Path | None


def admin_for_replacement(db: Database, username: str, password: str, *, now: Clock = system_clock) -> Actor:
    """The administrator who replaces a lost key on the command line, signed in without
    writing the login row (a PC without the key cannot write one). Refuses a wrong
    password, a locked or inactive account, and anyone who is not an administrator."""
    from db import admin as users_repo
    from desktop.admin.passwords import verify_nothing, verify_password
    from desktop.common.permissions import Role

    wrong = DomainError(N_("Wrong user name or password."))
    with db.reading() as uow:
        user = users_repo.user_by_username(uow.session, username.strip())
        if user is None:
            verify_nothing(password)
            raise wrong
        user_id, name, full_name, role = user.id, user.username, user.full_name, user.role
        password_hash, active, locked_until = user.password_hash, user.is_active, user.locked_until
    if not verify_password(password_hash, password) or not active:
        raise wrong
    if locked_until is not None and locked_until > now():
        raise DomainError(N_("This account is locked for a while after wrong passwords; try again later."))
    actor = Actor(user_id, name, full_name, Role(role))
    actor.require(Permission.MANAGE_SETTINGS)
    return actor


def write_key_file(path: str | Path, found: ChainKey) -> Path:
    """Write ``found`` to ``path`` (readable by the user only) for another PC to import."""
    target = Path(path)
    try:
        _write_private(target, found.to_json())
    except OSError as exc:
        raise DomainError(N_("The key file cannot be written: {why}"), why=exc.strerror or str(exc)) from exc
    return target


def read_key_file(path: str | Path) -> ChainKey:
    try:
        return ChainKey.from_json(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise DomainError(N_("The key file cannot be read: {why}"), why=exc.strerror or str(exc)) from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise DomainError(N_("This file is not an audit key of this program.")) from exc


def import_key_file(
    path: str | Path, *, centre_id: str, key_check: str, replaced: Iterable[str] = ()
) -> ChainKey:
    """Check that the key in ``path`` is the key of the database with ``centre_id`` and
    fingerprint ``key_check``, then keep it in this PC's config folder (a different key
    this PC had is kept beside it). A key the database replaced (its fingerprint among
    ``replaced``) is kept beside the key file: it verifies the rows it signed."""
    found = read_key_file(path)
    if found.centre_id == centre_id and found.fingerprint in set(replaced) and found.fingerprint != key_check:
        _write_private(kept_key_path(centre_id, found.fingerprint), found.to_json())
        return found
    if found.centre_id != centre_id or (key_check and found.fingerprint != key_check):
        raise DomainError(N_("This key belongs to another database; nothing was imported."))
    present = load_key(centre_id)
    if present is not None and present.fingerprint != found.fingerprint:
        keep_aside(centre_id)
    _write_private(key_path(centre_id), found.to_json())
    return found


def replaced_fingerprints(history: list[dict[str, Any]]) -> list[str]:
    """The fingerprints of the keys a database replaced (from :func:`db.audit.key_history`)."""
    return [str(h.get("old_key", "")) for h in history if h.get("old_key")]


# --- a backup's key ------------------------------------------------------------------------
def install_restored_key(found: ChainKey, *, centre_id: str, key_check: str) -> tuple[str, Path | None]:
    """Install the key a restored backup carried, for the database it restored
    (``centre_id``, ``key_check``). Returns what happened and where the key is:

    * ``"installed"`` — this PC had no key of the centre; it has the backup's now;
    * ``"present"`` — this PC already had this very key;
    * ``"kept"`` — this PC has a different key of the centre: it is left in place, never
      overwritten, and the backup's key is kept beside it (an administrator imports it
      deliberately);
    * ``"foreign"`` — the key is not the restored database's: nothing was installed.
    """
    if found.centre_id != centre_id or not key_check or found.fingerprint != key_check:
        return "foreign", None
    present = load_key(centre_id)
    if present is None:
        _write_private(key_path(centre_id), found.to_json())
        return "installed", key_path(centre_id)
    if present.fingerprint == found.fingerprint:
        return "present", key_path(centre_id)
    target = kept_key_path(centre_id, found.fingerprint)
    _write_private(target, found.to_json())
    return "kept", target
