"""Errors a service raises for the user to read.

Each carries an English message template marked with ``N_`` plus the values to fill
in, so the screen can translate the template first and format it afterwards.
"""

from __future__ import annotations

from desktop.common.i18n import N_


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


class FieldErrors(DomainError):
    """Several fields failed validation; ``errors`` maps field name → DomainError."""

    def __init__(self, errors: dict[str, DomainError]):
        super().__init__(N_("Please correct the highlighted fields."))
        self.errors = errors
