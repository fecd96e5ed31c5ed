"""Roles and what each may do. The services check these; the screens only hide buttons.

One model for every job: a service (or a state machine, see
``desktop.requests.states``) asks ``actor.require(Permission.X)`` for the permission of
the action; which roles hold it is decided here alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.common.errors import PermissionDenied
from desktop.common.i18n import N_


class Role(StrEnum):
    FRONT_DESK = "front_desk"
    COORDINATOR = "coordinator"
    DIRECTOR = "director"
    ADMIN = "admin"


ROLE_LABELS: dict[str, str] = {
    Role.FRONT_DESK: N_("Front desk"),
    Role.COORDINATOR: N_("Volunteer coordinator"),
    Role.DIRECTOR: N_("Director"),
    Role.ADMIN: N_("Administrator"),
}


class Permission(StrEnum):
    VIEW_RESIDENTS = "view_residents"
    EDIT_RESIDENTS = "edit_residents"
    ARCHIVE_RESIDENTS = "archive_residents"
    REVEAL_SENSITIVE = "reveal_sensitive"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    MANAGE_SETTINGS = "manage_settings"
    VIEW_REQUESTS = "view_requests"
    HANDLE_REQUESTS = "handle_requests"
    """Register requests at reception (登记); the reception page is shown for it."""
    # One permission per step of the request lifecycle (desktop.requests.states).
    ASSIGN_REQUESTS = "assign_requests"
    ACCEPT_REQUESTS = "accept_requests"
    RETURN_REQUESTS = "return_requests"
    ANSWER_REQUESTS = "answer_requests"
    RESOLVE_REQUESTS = "resolve_requests"
    FOLLOW_UP_REQUESTS = "follow_up_requests"
    REOPEN_REQUESTS = "reopen_requests"
    REMIND_REQUESTS = "remind_requests"
    SUPERVISE_REQUESTS = "supervise_requests"
    MERGE_REQUESTS = "merge_requests"
    ATTACH_TO_REQUESTS = "attach_to_requests"
    VIEW_LOVE_BANK = "view_love_bank"
    MANAGE_LOVE_BANK = "manage_love_bank"
    APPROVE_LARGE_REVERSALS = "approve_large_reversals"


# Registering and taking a request through its steps: the front desk and the director
# (supervising, 督办, is the director's alone).
_HANDLING = frozenset(
    {
        Permission.HANDLE_REQUESTS,
        Permission.ASSIGN_REQUESTS,
        Permission.ACCEPT_REQUESTS,
        Permission.RETURN_REQUESTS,
        Permission.ANSWER_REQUESTS,
        Permission.RESOLVE_REQUESTS,
        Permission.FOLLOW_UP_REQUESTS,
        Permission.REOPEN_REQUESTS,
        Permission.REMIND_REQUESTS,
        Permission.MERGE_REQUESTS,
        Permission.ATTACH_TO_REQUESTS,
    }
)

_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.FRONT_DESK: frozenset(
        {
            Permission.VIEW_RESIDENTS,
            Permission.EDIT_RESIDENTS,
            Permission.REVEAL_SENSITIVE,
            Permission.VIEW_REQUESTS,
            Permission.VIEW_LOVE_BANK,
        }
        | _HANDLING
    ),
    Role.COORDINATOR: frozenset(
        {
            Permission.VIEW_RESIDENTS,
            Permission.EDIT_RESIDENTS,
            Permission.VIEW_REQUESTS,
            Permission.VIEW_LOVE_BANK,
            Permission.MANAGE_LOVE_BANK,
        }
    ),
    Role.DIRECTOR: frozenset(
        {
            Permission.VIEW_RESIDENTS,
            Permission.EDIT_RESIDENTS,
            Permission.ARCHIVE_RESIDENTS,
            Permission.REVEAL_SENSITIVE,
            Permission.VIEW_AUDIT,
            Permission.VIEW_REQUESTS,
            Permission.SUPERVISE_REQUESTS,
            Permission.VIEW_LOVE_BANK,
            Permission.MANAGE_LOVE_BANK,
            Permission.APPROVE_LARGE_REVERSALS,
        }
        | _HANDLING
    ),
    Role.ADMIN: frozenset(Permission),
}


@dataclass(frozen=True)
class Actor:
    """The logged-in user, as every service sees them."""

    user_id: int | None
    username: str
    full_name: str
    role: Role

    def can(self, permission: Permission) -> bool:
        return permission in _GRANTS[self.role]

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise PermissionDenied()


SYSTEM = Actor(user_id=None, username="system", full_name="系统", role=Role.ADMIN)
