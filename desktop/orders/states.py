"""The order flow (点单流程): stages, actions and who may take them.

    居民点单 place → 待审核 pending_review ─受理 take_in→ 待制单 to_draft
        └─驳回 reject→ 驳回 rejected
    待制单 ─制单 draft→ 待审批 pending_approval (budget above the threshold)
                      → 公示 publicity (a 公示 period was set)
                      → 待派单 to_dispatch
    待审批 ─审批 approve→ 公示 / 待派单;  ─退回 return_draft→ 待制单
    公示 ─异议 object→ 公示;  ─公示期满 close_publicity→ 待派单
    公示 / 待派单 ─重新制单 revise→ 待制单
    待派单 ─派单 dispatch→ 待接单 to_accept
    待接单 ─接单 accept→ 实施中 in_progress;  ─拒单 decline→ 待接单 (others remain) / 待派单
           ─超时 expire / 撤回 recall→ 待派单
    实施中 ─服务记录 report_session→ 实施中;  ─服务完成 finish→ 待评价 to_rate
    待评价 ─评单 rate→ 待验收 to_check;  ─不满意 redo→ 实施中
    待验收 ─验收 check→ 待付款 to_pay
    待付款 ─尾款 pay (final) / 结算 settle→ 已结算 settled
    实施中 / 待评价 / 待验收 ─终止 terminate→ 已终止 terminated (payment stops)
    待制单 … 待接单 ─撤销 cancel→ 已撤销 cancelled (its commitments are released)

Payments (预付, 中期) are recorded from 实施中 to 待付款 without changing the stage; the
尾款 only in 待付款. Every action is one append-only ``order_event``.

Plain rules, no database: the services ask ``check`` before they change anything — the
actor's permission first, then the stage, then a missing note — and pick the target
among ``Rule.targets`` where an action has several.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.common.errors import DomainError, FieldErrors, PermissionDenied
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission


class Stage(StrEnum):
    PENDING_REVIEW = "pending_review"  # 待审核
    REJECTED = "rejected"  # 驳回
    TO_DRAFT = "to_draft"  # 待制单
    PENDING_APPROVAL = "pending_approval"  # 待审批
    PUBLICITY = "publicity"  # 公示
    TO_DISPATCH = "to_dispatch"  # 待派单
    TO_ACCEPT = "to_accept"  # 待接单
    IN_PROGRESS = "in_progress"  # 实施中
    TO_RATE = "to_rate"  # 待评价
    TO_CHECK = "to_check"  # 待验收
    TO_PAY = "to_pay"  # 待付款
    SETTLED = "settled"  # 已结算
    TERMINATED = "terminated"  # 已终止
    CANCELLED = "cancelled"  # 已撤销


STAGE_LABELS: dict[str, str] = {
    Stage.PENDING_REVIEW: N_("Pending review"),
    Stage.REJECTED: N_("Rejected"),
    Stage.TO_DRAFT: N_("To draft"),
    Stage.PENDING_APPROVAL: N_("Pending approval"),
    Stage.PUBLICITY: N_("In publicity"),
    Stage.TO_DISPATCH: N_("To dispatch"),
    Stage.TO_ACCEPT: N_("To accept"),
    Stage.IN_PROGRESS: N_("In progress"),
    Stage.TO_RATE: N_("To rate"),
    Stage.TO_CHECK: N_("To check"),
    Stage.TO_PAY: N_("To pay"),
    Stage.SETTLED: N_("Settled"),
    Stage.TERMINATED: N_("Terminated"),
    Stage.CANCELLED: N_("Cancelled"),
}

BOARD_STAGES: tuple[Stage, ...] = (
    Stage.PENDING_REVIEW,
    Stage.TO_DRAFT,
    Stage.PENDING_APPROVAL,
    Stage.PUBLICITY,
    Stage.TO_DISPATCH,
    Stage.TO_ACCEPT,
    Stage.IN_PROGRESS,
    Stage.TO_RATE,
    Stage.TO_CHECK,
    Stage.TO_PAY,
    Stage.SETTLED,
    Stage.REJECTED,
    Stage.TERMINATED,
    Stage.CANCELLED,
)
"""The board's columns in the order of the flow; the closed stages come last."""

CLOSED_STAGES = frozenset({Stage.REJECTED, Stage.SETTLED, Stage.TERMINATED, Stage.CANCELLED})
OPEN_STAGES = frozenset(Stage) - CLOSED_STAGES

DRAFTED_STAGES = frozenset({Stage.PENDING_APPROVAL, Stage.PUBLICITY, Stage.TO_DISPATCH, Stage.TO_ACCEPT})
"""A work order exists and money is committed, but no provider has accepted yet."""

DELIVERY_STAGES = frozenset({Stage.IN_PROGRESS, Stage.TO_RATE, Stage.TO_CHECK})
"""A provider has accepted and the work is not yet accepted (验收)."""

PAYABLE_STAGES = DELIVERY_STAGES | {Stage.TO_PAY}


class Action(StrEnum):
    PLACE = "place"  # 点单
    TAKE_IN = "take_in"  # 受理
    REJECT = "reject"  # 驳回
    DRAFT = "draft"  # 制单
    APPROVE = "approve"  # 审批通过
    RETURN_DRAFT = "return_draft"  # 审批退回
    OBJECT = "object"  # 公示异议
    CLOSE_PUBLICITY = "close_publicity"  # 公示期满
    REVISE = "revise"  # 重新制单
    DISPATCH = "dispatch"  # 派单
    ACCEPT = "accept"  # 接单
    DECLINE = "decline"  # 拒单
    EXPIRE = "expire"  # 接单超时
    RECALL = "recall"  # 撤回派单
    REPORT_SESSION = "report_session"  # 服务记录
    FINISH = "finish"  # 服务完成
    RATE = "rate"  # 评单
    REDO = "redo"  # 不满意重做
    CHECK = "check"  # 验收
    TERMINATE = "terminate"  # 终止
    PAY = "pay"  # 付款
    SETTLE = "settle"  # 结算
    CANCEL = "cancel"  # 撤销
    ATTACH = "attach"  # 附件


ACTION_LABELS: dict[str, str] = {
    Action.PLACE: N_("Place order"),
    Action.TAKE_IN: N_("Take in"),
    Action.REJECT: N_("Reject"),
    Action.DRAFT: N_("Draft work order"),
    Action.APPROVE: N_("Approve"),
    Action.RETURN_DRAFT: N_("Send draft back"),
    Action.OBJECT: N_("Record objection"),
    Action.CLOSE_PUBLICITY: N_("Close publicity"),
    Action.REVISE: N_("Redraft"),
    Action.DISPATCH: N_("Dispatch"),
    Action.ACCEPT: N_("Provider accepts"),
    Action.DECLINE: N_("Provider declines"),
    Action.EXPIRE: N_("Acceptance expired"),
    Action.RECALL: N_("Recall dispatch"),
    Action.REPORT_SESSION: N_("Report session"),
    Action.FINISH: N_("Service finished"),
    Action.RATE: N_("Resident rates"),
    Action.REDO: N_("Send back to redo"),
    Action.CHECK: N_("Check and accept"),
    Action.TERMINATE: N_("Terminate"),
    Action.PAY: N_("Record payment"),
    Action.SETTLE: N_("Settle"),
    Action.CANCEL: N_("Cancel"),
    Action.ATTACH: N_("Attach file"),
}

PERMISSIONS: dict[Action, Permission] = {
    Action.PLACE: Permission.PLACE_ORDERS,
    Action.TAKE_IN: Permission.REVIEW_ORDERS,
    Action.REJECT: Permission.REVIEW_ORDERS,
    Action.DRAFT: Permission.DRAFT_ORDERS,
    Action.APPROVE: Permission.APPROVE_ORDERS,
    Action.RETURN_DRAFT: Permission.APPROVE_ORDERS,
    Action.OBJECT: Permission.DRAFT_ORDERS,
    Action.CLOSE_PUBLICITY: Permission.DRAFT_ORDERS,
    Action.REVISE: Permission.DRAFT_ORDERS,
    Action.DISPATCH: Permission.DISPATCH_ORDERS,
    Action.ACCEPT: Permission.REPORT_FOR_PROVIDERS,
    Action.DECLINE: Permission.REPORT_FOR_PROVIDERS,
    Action.EXPIRE: Permission.DISPATCH_ORDERS,
    Action.RECALL: Permission.DISPATCH_ORDERS,
    Action.REPORT_SESSION: Permission.REPORT_FOR_PROVIDERS,
    Action.FINISH: Permission.REPORT_FOR_PROVIDERS,
    Action.RATE: Permission.PLACE_ORDERS,
    Action.REDO: Permission.PLACE_ORDERS,
    Action.CHECK: Permission.CHECK_ORDERS,
    Action.TERMINATE: Permission.CHECK_ORDERS,
    Action.PAY: Permission.PAY_ORDERS,
    Action.SETTLE: Permission.PAY_ORDERS,
    Action.CANCEL: Permission.DRAFT_ORDERS,
    Action.ATTACH: Permission.ATTACH_TO_ORDERS,
}


@dataclass(frozen=True)
class Rule:
    """Where an action may start, where it may lead, the permission it needs, and whether
    it needs a note (a reason). ``may_stay``: the order may also stay where it is (always
    when there are no targets, e.g. a session report; a payment before the 尾款)."""

    sources: frozenset[Stage]
    targets: frozenset[Stage]
    permission: Permission
    needs_note: bool = False
    may_stay: bool = False


def _rule(action: Action, sources, targets=(), *, needs_note: bool = False, may_stay: bool = False) -> Rule:
    targets = frozenset(targets)
    return Rule(frozenset(sources), targets, PERMISSIONS[action], needs_note, may_stay or not targets)


RULES: dict[Action, Rule] = {
    Action.TAKE_IN: _rule(Action.TAKE_IN, {Stage.PENDING_REVIEW}, {Stage.TO_DRAFT}),
    Action.REJECT: _rule(Action.REJECT, {Stage.PENDING_REVIEW}, {Stage.REJECTED}, needs_note=True),
    Action.DRAFT: _rule(
        Action.DRAFT, {Stage.TO_DRAFT}, {Stage.PENDING_APPROVAL, Stage.PUBLICITY, Stage.TO_DISPATCH}
    ),
    Action.APPROVE: _rule(Action.APPROVE, {Stage.PENDING_APPROVAL}, {Stage.PUBLICITY, Stage.TO_DISPATCH}),
    Action.RETURN_DRAFT: _rule(
        Action.RETURN_DRAFT, {Stage.PENDING_APPROVAL}, {Stage.TO_DRAFT}, needs_note=True
    ),
    Action.OBJECT: _rule(Action.OBJECT, {Stage.PUBLICITY}, needs_note=True),
    Action.CLOSE_PUBLICITY: _rule(Action.CLOSE_PUBLICITY, {Stage.PUBLICITY}, {Stage.TO_DISPATCH}),
    Action.REVISE: _rule(
        Action.REVISE, {Stage.PUBLICITY, Stage.TO_DISPATCH}, {Stage.TO_DRAFT}, needs_note=True
    ),
    Action.DISPATCH: _rule(Action.DISPATCH, {Stage.TO_DISPATCH}, {Stage.TO_ACCEPT}),
    Action.ACCEPT: _rule(Action.ACCEPT, {Stage.TO_ACCEPT}, {Stage.IN_PROGRESS}),
    Action.DECLINE: _rule(
        Action.DECLINE, {Stage.TO_ACCEPT}, {Stage.TO_ACCEPT, Stage.TO_DISPATCH}, needs_note=True
    ),
    Action.EXPIRE: _rule(Action.EXPIRE, {Stage.TO_ACCEPT}, {Stage.TO_DISPATCH}),
    Action.RECALL: _rule(Action.RECALL, {Stage.TO_ACCEPT}, {Stage.TO_DISPATCH}, needs_note=True),
    Action.REPORT_SESSION: _rule(Action.REPORT_SESSION, {Stage.IN_PROGRESS}),
    Action.FINISH: _rule(Action.FINISH, {Stage.IN_PROGRESS}, {Stage.TO_RATE}),
    Action.RATE: _rule(Action.RATE, {Stage.TO_RATE}, {Stage.TO_CHECK}),
    Action.REDO: _rule(Action.REDO, {Stage.TO_RATE}, {Stage.IN_PROGRESS}, needs_note=True),
    Action.CHECK: _rule(Action.CHECK, {Stage.TO_CHECK}, {Stage.TO_PAY}),
    Action.TERMINATE: _rule(Action.TERMINATE, DELIVERY_STAGES, {Stage.TERMINATED}, needs_note=True),
    Action.PAY: _rule(Action.PAY, PAYABLE_STAGES, {Stage.SETTLED}, may_stay=True),
    Action.SETTLE: _rule(Action.SETTLE, {Stage.TO_PAY}, {Stage.SETTLED}),
    Action.CANCEL: _rule(
        Action.CANCEL, {Stage.TO_DRAFT} | DRAFTED_STAGES, {Stage.CANCELLED}, needs_note=True
    ),
    Action.ATTACH: _rule(Action.ATTACH, OPEN_STAGES | {Stage.SETTLED, Stage.TERMINATED}),
}
"""Every transition. ``PLACE`` starts an order and has no rule: it needs ``PLACE_ORDERS``."""


def may(actor: Actor, action: Action) -> bool:
    """Whether ``actor`` holds the permission of ``action`` (whatever the order's stage)."""
    return actor.can(PERMISSIONS[action])


def require(actor: Actor, action: Action) -> None:
    """``PermissionDenied`` naming the action unless ``actor`` may take it."""
    if not may(actor, action):
        raise PermissionDenied(
            N_("Your role may not “{action}” a service order."), action=ACTION_LABELS[action]
        )


def check(actor: Actor, action: Action, stage: str, note: str = "") -> Rule:
    """The action's rule, or a clear error: the permission first, then the stage, then a
    missing note (``FieldErrors`` for the field ``note``)."""
    rule = RULES[action]
    require(actor, action)
    if Stage(stage) not in rule.sources:
        raise DomainError(
            N_("This order is “{stage}”; “{action}” is not possible now."),
            stage=STAGE_LABELS[stage],
            action=ACTION_LABELS[action],
        )
    if rule.needs_note and not note.strip():
        raise FieldErrors(
            {"note": DomainError(N_("Please write the reason for “{action}”."), action=ACTION_LABELS[action])}
        )
    return rule


def allowed_actions(actor: Actor, stage: str) -> list[Action]:
    """What the screen may offer for an order in ``stage`` to this user, in flow order."""
    return [a for a, r in RULES.items() if actor.can(r.permission) and Stage(stage) in r.sources]
