"""The love bank (爱心银行): volunteers, service hours, points and the 爱心超市.

Hours are recorded (one by one or for a whole activity at once) and wait for a
coordinator; approval awards points by the administrator's rules (points per hour,
the activity's multiplier, a daily cap). Points move only through ``desktop.love_bank.ledger``.
A redemption carries an idempotency key made when its dialog opens, so a double click
or a retry after a crash makes one redemption, never two.

This module only puts the service together: each sub-domain lives in its own module
(``rules``, ``volunteers``, ``service_hours``, ``shop``, ``corrections``,
``statements_data``) as one part of :class:`LoveBankService`, and the names the pages,
the printing and the demo generators import are re-exported here, so they keep one
place to import the love bank from. The SQL is in ``db.love_bank``.
"""

from __future__ import annotations

from desktop.love_bank.corrections import CorrectionsPart
from desktop.love_bank.rules import (
    ACTIVITY_KINDS,
    MAX_MINUTES_PER_DAY,
    RULES_KEY,
    STARS,
    NextStar,
    PointRules,
    RulesPart,
    next_star,
    star_level,
)
from desktop.love_bank.service_hours import (
    APPROVED,
    PENDING,
    REJECTED,
    ActivityRow,
    ServiceEntry,
    ServiceHoursPart,
    ServiceRow,
)
from desktop.love_bank.shop import (
    CANCELLED,
    COMPLETED,
    FROZEN,
    Basket,
    ItemRow,
    RedeemedItem,
    RedemptionRow,
    ShopPart,
)
from desktop.love_bank.statements_data import RankRow, StatementLine, StatementsPart
from desktop.love_bank.volunteers import TeamRow, VolunteerRow, VolunteersPart

__all__ = [
    "ACTIVITY_KINDS",
    "APPROVED",
    "CANCELLED",
    "COMPLETED",
    "FROZEN",
    "MAX_MINUTES_PER_DAY",
    "PENDING",
    "REJECTED",
    "RULES_KEY",
    "STARS",
    "ActivityRow",
    "Basket",
    "ItemRow",
    "LoveBankService",
    "NextStar",
    "PointRules",
    "RankRow",
    "RedeemedItem",
    "RedemptionRow",
    "ServiceEntry",
    "ServiceRow",
    "StatementLine",
    "TeamRow",
    "VolunteerRow",
    "next_star",
    "star_level",
]


class LoveBankService(
    RulesPart,
    VolunteersPart,
    ServiceHoursPart,
    ShopPart,
    CorrectionsPart,
    StatementsPart,
):
    """The love bank as the pages use it: ``LoveBankService(db, now=clock)``.

    Every method checks the actor's permission, opens its own unit of work and asks the
    clock once; see the part modules for what each method does.
    """
