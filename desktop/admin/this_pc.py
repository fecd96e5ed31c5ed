"""This PC's settings (language, which database to open), kept in its config file.

Anyone may choose the language of the PC they sit at. Where the database is decides
whose data the whole centre works on, so only an administrator may change it: the
settings page does not offer it to other roles, and this refuses it.
"""

from __future__ import annotations

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
    config.language = language
    config.database = stored
    config.save()
