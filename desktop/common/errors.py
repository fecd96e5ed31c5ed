"""Errors a service raises for the user to read.

Each carries an English message template marked with ``N_`` plus the values to fill
in, so the screen can translate the template first and format it afterwards.
"""

from __future__ import annotations

from typing import TypeVar

from db.errors import StorageError, StorageProblem
from desktop.common.i18n import N_

T = TypeVar("T")


class DomainError(Exception):
    """A rule was broken; ``template`` is shown to the user after translation."""

    def __init__(self, template: str, /, **params: object):
        super().__init__(template.format(**params) if params else template)
        self.template = template
        self.params = params


class PermissionDenied(DomainError):
    def __init__(self, template: str = N_("You are not allowed to do this."), /, **params):
        super().__init__(template, **params)


class NotFound(DomainError):
    pass


def found(row: T | None, template: str, /, **params: object) -> T:
    """``row``, or ``NotFound(template)`` when there is none (deleted at another desk)."""
    if row is None:
        raise NotFound(template, **params)
    return row


class FieldErrors(DomainError):
    """Several fields failed validation; ``errors`` maps field name → DomainError."""

    def __init__(self, errors: dict[str, DomainError]):
        super().__init__(N_("Please correct the highlighted fields."))
        self.errors = errors


_STORAGE_MESSAGES: dict[StorageProblem, str] = {
    StorageProblem.LOCKED: N_(
        "The database is busy: another program or PC is holding it. Nothing was saved; "
        "please try again in a moment."
    ),
    StorageProblem.CONNECTION_LOST: N_(
        "The connection to the database server was lost. Nothing was saved; check the network "
        "and the server, then try again."
    ),
    StorageProblem.DISK_FULL: N_("The disk is full. Nothing was saved; free some space and try again."),
    StorageProblem.READ_ONLY: N_(
        "The database cannot be written to (read-only file or server). Nothing was saved; "
        "ask the administrator."
    ),
    StorageProblem.DAMAGED: N_(
        "The database file is damaged or is not a database of this program. Ask the administrator "
        "to restore the latest backup."
    ),
}


class StorageFailure(DomainError, StorageError):
    """The database itself failed (locked, unreachable, full, read-only, damaged).

    Raised by every unit of work in place of the driver's error, after the rollback, so a
    screen shows it like any other rule and the program carries on.
    """

    def __init__(self, problem: StorageProblem, detail: str = ""):
        template = _STORAGE_MESSAGES[problem]
        Exception.__init__(self, template)  # both bases' attributes are set here
        self.template = template
        self.params: dict[str, object] = {}
        self.problem = problem
        self.detail = detail
