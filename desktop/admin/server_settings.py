"""This PC's connection to a PostgreSQL server: address, password, 测试连接.

The address (host, port, database, user) is kept in this PC's settings file as a URL
without a password. The password is kept in the operating system's credential store
(Windows 凭据管理器, macOS Keychain, the Secret Service on Linux) through ``keyring`` and
put into the URL only when the database is opened. A PC without a credential store
(a bare Linux, a CI machine) still works: the program asks for the password at start,
and says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from desktop.common.config import LocalConfig
from desktop.common.errors import DomainError, FieldErrors, PermissionDenied
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission

DEFAULT_PORT = 5432
KEYRING_SERVICE = "ShequDesktop PostgreSQL"
DRIVER = "postgresql+psycopg"


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int
    database: str
    user: str

    @property
    def key(self) -> str:
        """The name the password is filed under in the credential store."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def url(self, password: str | None = None) -> str:
        from sqlalchemy.engine import URL

        return URL.create(
            DRIVER,
            username=self.user,
            password=password or None,
            host=self.host,
            port=self.port,
            database=self.database,
        ).render_as_string(hide_password=False)

    def describe(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


_HOST = re.compile(r"^[A-Za-z0-9._:\-\[\]]+$")


def parse_address(host: str, port: str, database: str, user: str) -> ServerAddress:
    """The address typed on the settings page, or ``FieldErrors`` naming each bad field
    (keys ``host``, ``port``, ``database``, ``user``)."""
    host, port, database, user = host.strip(), port.strip(), database.strip(), user.strip()
    errors: dict[str, DomainError] = {}
    if not host:
        errors["host"] = DomainError(N_("Enter the server's name or IP address, e.g. 192.168.1.10."))
    elif not _HOST.match(host) or len(host) > 253:
        errors["host"] = DomainError(
            N_("The server address may contain letters, digits, dots and hyphens only, e.g. 192.168.1.10.")
        )
    number = 0
    if not port:
        errors["port"] = DomainError(N_("Enter the port (usually 5432)."))
    elif not port.isascii() or not port.isdigit() or not 1 <= int(port) <= 65535:
        errors["port"] = DomainError(N_("The port is a number from 1 to 65535 (usually 5432)."))
    else:
        number = int(port)
    for key, value, empty in (
        ("database", database, N_("Enter the name of the database on the server, e.g. shequ.")),
        ("user", user, N_("Enter the user name for the server.")),
    ):
        if not value:
            errors[key] = DomainError(empty)
        elif (
            len(value.encode("utf-8")) > 63
            or any(ch in value for ch in "\x00/@:?#")
            or value != value.strip()
        ):
            errors[key] = DomainError(N_("Use at most 63 letters or digits, without / @ : ? #."))
    if errors:
        raise FieldErrors(errors)
    return ServerAddress(host, number, database, user)


def address_of(setting: str) -> ServerAddress | None:
    """The server address in a stored database setting (None for a SQLite file)."""
    if "://" not in setting:
        return None
    from sqlalchemy.engine import make_url

    try:
        u = make_url(setting)
    except Exception:  # noqa: BLE001 - a malformed setting is not a server address
        return None
    if u.get_backend_name() != "postgresql":
        return None
    return ServerAddress(u.host or "localhost", u.port or DEFAULT_PORT, u.database or "", u.username or "")


def password_in(setting: str) -> str | None:
    from sqlalchemy.engine import make_url

    try:
        return make_url(setting).password
    except Exception:  # noqa: BLE001
        return None


# --- the credential store --------------------------------------------------------------
def credential_store_available() -> bool:
    """Whether this PC has a credential store ``keyring`` can use."""
    try:
        import keyring
        from keyring.backends import chainer, fail

        ring = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring set-up is "no store"
        return False
    if isinstance(ring, fail.Keyring):
        return False
    return not (isinstance(ring, chainer.ChainerBackend) and not ring.backends)


def saved_password(address: ServerAddress) -> str | None:
    """The password saved for ``address``, or None (none saved, or no store)."""
    if not credential_store_available():
        return None
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, address.key)
    except KeyringError:
        return None


def save_password(address: ServerAddress, password: str) -> None:
    """Keep ``password`` in the credential store. Raises ``DomainError`` without one."""
    if not credential_store_available():
        raise DomainError(NO_STORE)
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, address.key, password)
    except KeyringError as exc:
        raise DomainError(
            N_("The password could not be saved in this PC's credential store: {why}"), why=str(exc)
        ) from exc


def forget_password(address: ServerAddress) -> None:
    if not credential_store_available():
        return
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.delete_password(KEYRING_SERVICE, address.key)
    except KeyringError:
        pass


NO_STORE = N_(
    "This PC has no credential store to keep the password in, so the program will ask for "
    "the server's password each time it starts."
)


# --- opening ---------------------------------------------------------------------------
class PasswordNeed(StrEnum):
    NONE = "none"  # a file, or the password is at hand
    NO_STORE = "no_store"  # no credential store on this PC: ask at every start
    NOT_SAVED = "not_saved"  # a store, but nothing saved for this address


@dataclass(frozen=True)
class Opening:
    """What to open for a stored database setting: the URL (with the saved password
    when there is one) and whether the password must still be asked for."""

    url: str
    address: ServerAddress | None
    need: PasswordNeed


def opening(setting: str) -> Opening:
    """Resolve the database setting of this PC for opening (no connection is made)."""
    address = address_of(setting)
    if address is None or password_in(setting):
        return Opening(setting, address, PasswordNeed.NONE)
    if not credential_store_available():
        return Opening(setting, address, PasswordNeed.NO_STORE)
    password = saved_password(address)
    if password is None:
        return Opening(setting, address, PasswordNeed.NOT_SAVED)
    return Opening(address.url(password), address, PasswordNeed.NONE)


def with_saved_password(setting: str) -> str:
    """The setting with the saved password put in, when there is one (the command line:
    without one, libpq still reads ``PGPASSWORD`` and the ``.pgpass`` file)."""
    return opening(setting).url


# --- 测试连接 -------------------------------------------------------------------------
@dataclass(frozen=True)
class ConnectionReport:
    """The answer of 测试连接 for the screen: ``ok`` and a message (template + values)."""

    ok: bool
    message: DomainError
    empty: bool = False
    ready: bool = False
    field: str = ""
    """The field the message is about (``host``, ``password``, …), if one."""


def check_connection(address: ServerAddress, password: str | None) -> ConnectionReport:
    """Connect to the server (nothing is changed there) and say what was found:
    the server's version and whether the database is this program's (at which
    revision) or empty — or why the connection failed, in words an administrator can
    act on. Slow when the server does not answer: run it off the GUI thread."""
    from db.migrate import HEAD, known_revisions
    from db.probe import Outcome, probe_server

    probe = probe_server(address.url(password))
    where = {"host": address.host, "port": address.port, "database": address.database, "user": address.user}
    if probe.outcome is Outcome.UNREACHABLE:
        return ConnectionReport(
            False,
            DomainError(
                N_(
                    "No database server answers at {host}, port {port}. Check the address and the "
                    "port, that the server is switched on and that its firewall lets this PC in."
                ),
                **where,
            ),
            field="host",
        )
    if probe.outcome is Outcome.WRONG_PASSWORD:
        return ConnectionReport(
            False,
            DomainError(N_("The server refused the password of user {user}. Check the password."), **where),
            field="password",
        )
    if probe.outcome is Outcome.NO_PASSWORD:
        return ConnectionReport(
            False,
            DomainError(N_("The server asks for a password for user {user}: enter it."), **where),
            field="password",
        )
    if probe.outcome is Outcome.NO_DATABASE:
        return ConnectionReport(
            False,
            DomainError(
                N_(
                    "The server at {host} has no database named {database}. Ask whoever runs the "
                    "server to create it (an empty database), or check the name."
                ),
                **where,
            ),
            field="database",
        )
    if probe.outcome is Outcome.NO_USER:
        return ConnectionReport(
            False,
            DomainError(N_("The server at {host} has no user named {user}. Check the user name."), **where),
            field="user",
        )
    if probe.outcome is Outcome.FAILED:
        return ConnectionReport(False, DomainError(N_("The connection failed: {why}"), why=probe.detail))
    version = probe.version
    if not probe.tables:
        return ConnectionReport(
            True,
            DomainError(
                N_(
                    "Connected: PostgreSQL {version}. The database {database} is empty: the program "
                    "sets it up on first start, or move this centre's data into it (迁移到服务器)."
                ),
                version=version,
                **where,
            ),
            empty=True,
        )
    if probe.revision is None:
        return ConnectionReport(
            False,
            DomainError(
                N_(
                    "Connected: PostgreSQL {version}, but the database {database} holds another "
                    "program's tables ({count} tables). Use an empty database or this program's."
                ),
                version=version,
                count=len(probe.tables),
                **where,
            ),
        )
    if probe.revision not in known_revisions():
        return ConnectionReport(
            False,
            DomainError(
                N_(
                    "Connected: PostgreSQL {version}. The database {database} was written by a newer "
                    "version of the program (revision {rev}): install the newer version on this PC."
                ),
                version=version,
                rev=probe.revision,
                **where,
            ),
        )
    if probe.revision != HEAD:
        return ConnectionReport(
            True,
            DomainError(
                N_(
                    "Connected: PostgreSQL {version}. The database {database} is this program's, at "
                    "revision {rev}; it will be upgraded to {head} when the program starts."
                ),
                version=version,
                rev=probe.revision,
                head=HEAD,
                **where,
            ),
            ready=True,
        )
    return ConnectionReport(
        True,
        DomainError(
            N_(
                "Connected: PostgreSQL {version}. The database {database} is this program's and "
                "up to date (revision {rev})."
            ),
            version=version,
            rev=probe.revision,
            **where,
        ),
        ready=True,
    )


# --- saving ----------------------------------------------------------------------------
def save_server(actor: Actor, config: LocalConfig, address: ServerAddress, password: str) -> str:
    """Make this PC open the database on the server from the next start.

    The settings file gets the address only; the password goes to the credential
    store. Returns the ``N_`` text to show: saved, or saved with the notice that the
    password will be asked at each start (no store on this PC).
    """
    if not actor.can(Permission.MANAGE_SETTINGS):
        raise PermissionDenied(N_("Only an administrator can change where the database is."))
    notice = N_("Saved. Restart the program to use the database on the server.")
    if password:
        if credential_store_available():
            save_password(address, password)
        else:
            notice = N_(
                "Saved. This PC has no credential store to keep the password in, so the program "
                "will ask for the server's password each time it starts. Restart the program to "
                "use the database on the server."
            )
    else:
        forget_password(address)
    config.database = address.url()
    config.save()
    return notice
