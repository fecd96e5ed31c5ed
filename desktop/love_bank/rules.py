"""The administrator's points rules (积分规则), star levels and activity multipliers.

Approved hours turn into points by these rules alone: points per hour, the activity's
multiplier and a daily cap. The rules are stored as one JSON setting so that every PC
using the database awards the same points; the other parts read them through
:func:`read_rules` inside their own transaction.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, dataclass

from sqlalchemy.orm import Session

from db import settings as settings_repo
from desktop.common import audit
from desktop.common.errors import DomainError, FieldErrors
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission
from desktop.love_bank.base import LoveBankBase

RULES_KEY = "love_bank_rules"
MAX_MINUTES_PER_DAY = 24 * 60
STARS = ((1500, 5), (1000, 4), (600, 3), (300, 2), (100, 1))  # approved hours → star level
ACTIVITY_KINDS: dict[str, int] = {  # default multiplier (percent) per kind of activity
    "助老助残": 150,
    "环境整治": 100,
    "文明劝导": 100,
    "邻里互助": 100,
    "应急救援": 200,
    "文体活动": 100,
}


def star_level(minutes: int) -> int:
    """一星 100 h, 二星 300 h, 三星 600 h, 四星 1000 h, 五星 1500 h of approved service."""
    hours = minutes / 60
    return next((stars for threshold, stars in STARS if hours >= threshold), 0)


@dataclass(frozen=True)
class NextStar:
    """The star level a volunteer works towards: ``stars``, reached at ``hours`` of approved
    service, ``missing`` hours from now, after the level reached at ``since`` hours."""

    stars: int
    hours: int
    missing: float
    since: int  # 0 below one star


def next_star(minutes: int) -> NextStar | None:
    """The next star level of ``minutes`` of approved service, or None at five stars."""
    hours = minutes / 60
    since = 0
    for threshold, stars in reversed(STARS):
        if hours < threshold:
            return NextStar(stars, threshold, threshold - hours, since)
        since = threshold
    return None


@dataclass(frozen=True)
class PointRules:
    """The administrator's rules for turning approved hours into points."""

    points_per_hour: int = 10
    daily_cap_minutes: int = 8 * 60
    reversal_threshold: int = 100  # reversing more points than this needs a director

    def points_for(self, minutes: int, multiplier_percent: int) -> int:
        return (minutes * self.points_per_hour * multiplier_percent) // (60 * 100)


def read_rules(session: Session) -> PointRules:
    """The rules in force; the defaults if none were saved or the saved ones are unreadable."""
    raw = settings_repo.get(session, RULES_KEY)
    if not raw:
        return PointRules()
    try:
        return PointRules(
            **{k: int(v) for k, v in json.loads(raw).items() if k in PointRules.__annotations__}
        )
    except (ValueError, TypeError):
        return PointRules()


def whole_number(value: object) -> int | None:
    """Accept 12 or "12" (also full-width "１２"); refuse 1.5, "abc", True."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        if text.lstrip("-").isdigit():
            return int(text)
    return None


class RulesPart(LoveBankBase):
    """Reading and changing the points rules (administrators only)."""

    def rules(self) -> PointRules:
        with self._db.reading() as uow:
            return read_rules(uow.session)

    def set_rules(self, actor: Actor, rules: PointRules) -> None:
        actor.require(Permission.MANAGE_SETTINGS)
        errors: dict[str, DomainError] = {}
        if not 1 <= rules.points_per_hour <= 1000:
            errors["points_per_hour"] = DomainError(N_("Points per hour must be between 1 and 1000."))
        if not 30 <= rules.daily_cap_minutes <= MAX_MINUTES_PER_DAY:
            errors["daily_cap_minutes"] = DomainError(N_("The daily cap must be between 0.5 and 24 hours."))
        if rules.reversal_threshold < 0:
            errors["reversal_threshold"] = DomainError(N_("The threshold cannot be negative."))
        if errors:
            raise FieldErrors(errors)
        with self._db.writing() as uow:
            before = read_rules(uow.session)
            settings_repo.put(uow.session, RULES_KEY, json.dumps(asdict(rules)))
            audit.record(
                uow.session,
                actor,
                "update",
                "setting",
                RULES_KEY,
                before=asdict(before),
                after=asdict(rules),
                at=self._now(),
            )
            uow.commit()
