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
    # Service orders (点单服务): one permission per step (desktop.orders.states).
    VIEW_ORDERS = "view_orders"
    PLACE_ORDERS = "place_orders"
    """Record a resident's order (居民点单) and the resident's rating (群众评单)."""
    REVIEW_ORDERS = "review_orders"
    DRAFT_ORDERS = "draft_orders"
    DISPATCH_ORDERS = "dispatch_orders"
    REPORT_FOR_PROVIDERS = "report_for_providers"
    """Record what a provider reports: accepting, declining, sessions, completion."""
    APPROVE_ORDERS = "approve_orders"
    CHECK_ORDERS = "check_orders"
    """验收 and 终止: the director's."""
    PAY_ORDERS = "pay_orders"
    ATTACH_TO_ORDERS = "attach_to_orders"
    MANAGE_PROVIDERS = "manage_providers"
    MANAGE_FUNDS = "manage_funds"
    MANAGE_SERVICE_MENU = "manage_service_menu"
    # Excel in and out (desktop.exchange); exporting a list needs only the list's view permission.
    IMPORT_REGISTERS = "import_registers"
    """导入居民 / 导入志愿者 from Excel, and 下载模板."""
    MERGE_RESIDENTS = "merge_residents"
    """合并重复居民: one record is archived into the other."""
    # Reports (desktop.reports): the director's figures, PDF and Excel.
    VIEW_REPORTS = "view_reports"
    """数据看板 and 月度报表: see the figures, print the PDF, export the Excel."""
    MANAGE_REPORTS = "manage_reports"
    """The report settings (score weights, thresholds …), the narratives, the archive."""


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

# Service orders: the front desk records orders, ratings and what providers report; the
# front desk and the coordinator draft and dispatch; the director approves large drafts,
# accepts the work (验收), ends orders early and records payments.
_ORDER_DESK = frozenset(
    {
        Permission.VIEW_ORDERS,
        Permission.REVIEW_ORDERS,
        Permission.DRAFT_ORDERS,
        Permission.DISPATCH_ORDERS,
        Permission.ATTACH_TO_ORDERS,
    }
)
_ORDER_FRONT = frozenset({Permission.PLACE_ORDERS, Permission.REPORT_FOR_PROVIDERS})
_ORDER_DIRECTOR = frozenset(
    {
        Permission.APPROVE_ORDERS,
        Permission.CHECK_ORDERS,
        Permission.PAY_ORDERS,
        Permission.MANAGE_PROVIDERS,
        Permission.MANAGE_FUNDS,
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
        | _ORDER_DESK
        | _ORDER_FRONT
    ),
    Role.COORDINATOR: frozenset(
        {
            Permission.VIEW_RESIDENTS,
            Permission.EDIT_RESIDENTS,
            Permission.VIEW_REQUESTS,
            Permission.VIEW_LOVE_BANK,
            Permission.MANAGE_LOVE_BANK,
            Permission.MANAGE_PROVIDERS,
            Permission.IMPORT_REGISTERS,
        }
        | _ORDER_DESK
    ),
    Role.DIRECTOR: frozenset(
        {
            Permission.VIEW_RESIDENTS,
            Permission.EDIT_RESIDENTS,
            Permission.ARCHIVE_RESIDENTS,
            Permission.MERGE_RESIDENTS,
            Permission.REVEAL_SENSITIVE,
            Permission.VIEW_AUDIT,
            Permission.VIEW_REQUESTS,
            Permission.SUPERVISE_REQUESTS,
            Permission.VIEW_LOVE_BANK,
            Permission.MANAGE_LOVE_BANK,
            Permission.APPROVE_LARGE_REVERSALS,
            Permission.VIEW_REPORTS,
            Permission.MANAGE_REPORTS,
        }
        | _HANDLING
        | _ORDER_DESK
        | _ORDER_FRONT
        | _ORDER_DIRECTOR
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
