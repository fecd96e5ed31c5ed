"""The words of the orders job: provider kinds, fund kinds, ratings, tranches, bands.

Each is a ``StrEnum`` (its values are what the database keeps) with an ``N_`` label the
screens translate.
"""

from __future__ import annotations

from enum import StrEnum

from desktop.common.i18n import N_


class ProviderKind(StrEnum):
    """Who delivers a service (服务主体)."""

    SOCIAL_GROUP = "social_group"  # 社会团体
    NON_ENTERPRISE = "non_enterprise"  # 民办非企业单位 (社会服务机构)
    FOUNDATION = "foundation"  # 基金会
    FILED_COMMUNITY_ORG = "filed_community_org"  # 备案的社区社会组织
    VOLUNTEER_TEAM = "volunteer_team"  # 志愿服务队
    RESIDENT_UNIT = "resident_unit"  # 驻区单位 (双报到)
    ENTERPRISE = "enterprise"  # 企业 / 社会企业

    @property
    def has_legal_personality(self) -> bool:
        """Whether it may sign a contract and be paid in its own name.

        A 备案 community organisation and a volunteer team are not legal persons."""
        return self not in (ProviderKind.FILED_COMMUNITY_ORG, ProviderKind.VOLUNTEER_TEAM)

    @property
    def registered_by_civil_affairs(self) -> bool:
        """社团, 民非 and 基金会: registered by 民政, rated (评估等级) and inspected (年检)."""
        return self in (ProviderKind.SOCIAL_GROUP, ProviderKind.NON_ENTERPRISE, ProviderKind.FOUNDATION)


PROVIDER_KIND_LABELS: dict[str, str] = {
    ProviderKind.SOCIAL_GROUP: N_("Social group"),
    ProviderKind.NON_ENTERPRISE: N_("Private non-enterprise unit"),
    ProviderKind.FOUNDATION: N_("Foundation"),
    ProviderKind.FILED_COMMUNITY_ORG: N_("Filed community organisation"),
    ProviderKind.VOLUNTEER_TEAM: N_("Volunteer team"),
    ProviderKind.RESIDENT_UNIT: N_("Resident unit"),
    ProviderKind.ENTERPRISE: N_("Enterprise / social enterprise"),
}

NO_LEGAL_PERSONALITY = {
    ProviderKind.FILED_COMMUNITY_ORG: N_(
        "A filed community organisation has no legal personality: it cannot sign a contract "
        "or be paid in its own name."
    ),
    ProviderKind.VOLUNTEER_TEAM: N_(
        "A volunteer team has no legal personality: it cannot sign a contract or be paid in its own name."
    ),
}


class InspectionResult(StrEnum):
    """The result of a year's 年检/年报."""

    PASSED = "passed"  # 合格
    BASIC = "basic"  # 基本合格
    FAILED = "failed"  # 不合格
    MISSING = "missing"  # 未参检/未报送


INSPECTION_LABELS: dict[str, str] = {
    InspectionResult.PASSED: N_("Passed"),
    InspectionResult.BASIC: N_("Basically passed"),
    InspectionResult.FAILED: N_("Failed"),
    InspectionResult.MISSING: N_("Not submitted"),
}

RATING_YEARS = 5
"""A 评估等级 is valid for five years from the day it was given."""


def rating_label(grade: int | None) -> str:
    """``4`` → ``"4A"``; None → ``""``."""
    return f"{grade}A" if grade else ""


class FundKind(StrEnum):
    PARTY_SERVICE = "party_service"  # 党组织服务群众专项经费
    VENTURE = "venture"  # 公益创投
    PURCHASE = "purchase"  # 政府购买服务
    SELF_RAISED = "self_raised"  # 自筹
    OTHER = "other"


FUND_KIND_LABELS: dict[str, str] = {
    FundKind.PARTY_SERVICE: N_("Party organisation service fund"),
    FundKind.VENTURE: N_("Public welfare venture"),
    FundKind.PURCHASE: N_("Government purchase of services"),
    FundKind.SELF_RAISED: N_("Self-raised"),
    FundKind.OTHER: N_("Other"),
}


class Rating(StrEnum):
    """The resident's rating (群众评单)."""

    SATISFIED = "satisfied"
    BASIC = "basic"
    UNSATISFIED = "unsatisfied"

    @property
    def score(self) -> int:
        """3, 2 or 1: the average rating of a provider is the mean of these."""
        return {Rating.SATISFIED: 3, Rating.BASIC: 2, Rating.UNSATISFIED: 1}[self]


RATING_LABELS: dict[str, str] = {
    Rating.SATISFIED: N_("Satisfied"),
    Rating.BASIC: N_("Basically satisfied"),
    Rating.UNSATISFIED: N_("Unsatisfied"),
}


class Tranche(StrEnum):
    """A payment's place in the order's payments (政府买单)."""

    ADVANCE = "advance"  # 预付
    INTERIM = "interim"  # 中期
    FINAL = "final"  # 尾款: only after 验收; settles the order


TRANCHE_LABELS: dict[str, str] = {
    Tranche.ADVANCE: N_("Advance"),
    Tranche.INTERIM: N_("Interim"),
    Tranche.FINAL: N_("Final payment"),
}


class CompletionBand(StrEnum):
    """Where the completion rate at 验收 falls."""

    FULL = "full"  # ≥ 100 %
    HIGH = "high"  # 80–100 %
    MEDIUM = "medium"  # 60–80 %
    LOW = "low"  # < 60 %


COMPLETION_BAND_LABELS: dict[str, str] = {
    CompletionBand.FULL: N_("100 % or more"),
    CompletionBand.HIGH: N_("80–100 %"),
    CompletionBand.MEDIUM: N_("60–80 %"),
    CompletionBand.LOW: N_("Below 60 %"),
}


def completion_band(percent: int) -> CompletionBand:
    """The band of a completion rate: ≥100, 80–100, 60–80, <60 (lower bounds included)."""
    if percent >= 100:
        return CompletionBand.FULL
    if percent >= 80:
        return CompletionBand.HIGH
    if percent >= 60:
        return CompletionBand.MEDIUM
    return CompletionBand.LOW


def completion_percent(
    planned_people: int, actual_people: int, planned_sessions: int, actual_sessions: int
) -> int:
    """Actual against planned targets, in whole percent (rounded down).

    Every planned target must be met for an order to be complete, so the rate is that
    of the target met least (people served, sessions held); targets planned as 0 do
    not count, and with none planned the rate is 100.
    """
    rates = [
        actual * 100 // planned
        for planned, actual in ((planned_people, actual_people), (planned_sessions, actual_sessions))
        if planned > 0
    ]
    return min(rates) if rates else 100


class Attention(StrEnum):
    """Why an order came back to the community, shown on the board until the next step."""

    NONE = ""
    DECLINED = "declined"  # the provider declined
    EXPIRED = "expired"  # the accept-by deadline passed
    REDO = "redo"  # the resident was unsatisfied
    OBJECTION = "objection"  # an objection during the 公示
    RETURNED = "returned"  # the director sent the draft back


ATTENTION_LABELS: dict[str, str] = {
    Attention.NONE: "",
    Attention.DECLINED: N_("Declined by the provider"),
    Attention.EXPIRED: N_("Not accepted in time"),
    Attention.REDO: N_("To redo: the resident was unsatisfied"),
    Attention.OBJECTION: N_("Objection during publicity"),
    Attention.RETURNED: N_("Draft sent back"),
}


class AttachmentKind(StrEnum):
    PHOTO = "photo"
    SIGN_IN = "sign_in"  # 签到表
    CERTIFICATE = "certificate"  # 登记证书, 评估证书
    CONTRACT = "contract"
    OTHER = "other"


ATTACHMENT_KIND_LABELS: dict[str, str] = {
    AttachmentKind.PHOTO: N_("Photo"),
    AttachmentKind.SIGN_IN: N_("Sign-in sheet"),
    AttachmentKind.CERTIFICATE: N_("Certificate"),
    AttachmentKind.CONTRACT: N_("Contract"),
    AttachmentKind.OTHER: N_("Other"),
}
