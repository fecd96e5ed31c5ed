"""Roles and what each may do. The services check these; the screens only hide buttons.

One model for every job: a service (or a state machine, see
``desktop.requests.states``) asks ``actor.require(Permission.X)`` for the permission of
the action; which roles hold it is decided here alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from desktop.common.errors import PermissionDenied
from desktop.common.i18n import N_

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class Role(StrEnum):
    FRONT_DESK = "front_desk"
    COORDINATOR = "coordinator"
    DIRECTOR = "director"
    ADMIN = "admin"
    GRID_WORKER = "grid_worker"


ROLE_LABELS: dict[str, str] = {
    Role.FRONT_DESK: N_("Front desk"),
    Role.COORDINATOR: N_("Volunteer coordinator"),
    Role.DIRECTOR: N_("Director"),
    Role.ADMIN: N_("Administrator"),
    Role.GRID_WORKER: N_("Grid worker"),
}


class Permission(StrEnum):
    VIEW_RESIDENTS = "view_residents"
    EDIT_RESIDENTS = "edit_residents"
    ARCHIVE_RESIDENTS = "archive_residents"
    REVEAL_SENSITIVE = "reveal_sensitive"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_BACKUPS = "manage_backups"
    """备份与恢复: back up now, restore a backup (the administrator's)."""
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
    # Grid visits (desktop.visits, 网格走访).
    VIEW_VISITS = "view_visits"
    """走访台账: the due list, visit histories, the printable ledger."""
    RECORD_VISITS = "record_visits"
    """Record a visit (one or a round of them), correct one; a 七必报 item needing action
    becomes a request (网格员上报) in the same step."""
    MANAGE_VISIT_RULES = "manage_visit_rules"
    """走访计划 rules per key group, and which grids each worker looks after."""


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

# Grid visits: the grid worker, the front desk and the director view and record; the
# director sets the plan's rules and the workers' grids.
_VISITS = frozenset({Permission.VIEW_VISITS, Permission.RECORD_VISITS})

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
        | _VISITS
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
        | _VISITS
        | {Permission.MANAGE_VISIT_RULES}
    ),
    Role.ADMIN: frozenset(Permission),
    # The 网格员: sees the register and the requests, records visits; the requests their
    # visits raise (网格员上报) are registered through the visits job, not at reception.
    Role.GRID_WORKER: frozenset({Permission.VIEW_RESIDENTS, Permission.VIEW_REQUESTS} | _VISITS),
}


@dataclass(frozen=True)
class Actor:
    """The logged-in user, as every service sees them."""

    user_id: int | None
    username: str
    full_name: str
    role: Role
    account_role: Role | None = None
    """The account's own role when ``role`` was lent for one call (see :meth:`lend`)."""

    def can(self, permission: Permission) -> bool:
        return permission in _GRANTS[self.role]

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise PermissionDenied()

    def lend(self, role: Role) -> Actor:
        """This user acting with ``role``'s permissions for one call a composing hook
        allows (e.g. the orders job recording volunteer hours in the love bank); their
        account is still re-read against its own role."""
        return replace(self, role=role, account_role=self.account_role or self.role)


SYSTEM = Actor(user_id=None, username="system", full_name="系统", role=Role.ADMIN)


class SignInAgain(PermissionDenied):
    """The acting user was deactivated, removed or given another role since signing in:
    their open session may no longer write."""


def confirm_actor(session: Session, actor: Actor) -> None:
    """Re-read the acting user in the write's own transaction: refuse the write when the
    account was deactivated or removed, or its role changed, since the actor signed in.

    Called by :func:`desktop.common.audit.record`, which every write that matters goes
    through, so no service can forget it; once per transaction (on PostgreSQL the
    account's row stays share-locked until the end, see ``db.admin.user_standing``).
    The program's own :data:`SYSTEM` actor has no account and is not re-read.
    """
    if actor.user_id is None:
        return
    from db.admin import user_standing  # here: the screens import this module early

    transaction = session.get_transaction()
    confirmed: tuple[object, set[tuple[int, Role]]] | None = session.info.get(_CONFIRMED)
    if confirmed is None or confirmed[0] is not transaction:
        confirmed = (transaction, set())
        session.info[_CONFIRMED] = confirmed
    if (actor.user_id, actor.role) in confirmed[1]:
        return
    standing = user_standing(session, actor.user_id)
    if standing is None or not standing[0]:
        raise SignInAgain(
            N_("Your account was deactivated. Nothing was saved; please ask the administrator.")
        )
    if standing[1] != (actor.account_role or actor.role).value:
        raise SignInAgain(
            N_("Your role was changed by the administrator. Nothing was saved; please sign in again.")
        )
    confirmed[1].add((actor.user_id, actor.role))


_CONFIRMED = "confirmed_actors"
