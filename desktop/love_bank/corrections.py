"""Corrections of the points ledger: adjustments, reversals and the year-end expiry.

The ledger is append-only, so a mistake is never edited away: an adjustment adds or
deducts points with a reason, a reversal cancels one entry with an opposite entry (at
most once, and above the administrator's threshold only by a director), and the
year-end settlement expires points earned before a date and still unspent.
"""

from __future__ import annotations

import datetime as dt

from db import love_bank as queries
from db.models import LedgerEntry, Volunteer
from desktop.common import audit
from desktop.common.errors import DomainError, FieldErrors, NotFound
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission
from desktop.common.validation import REASON_MAX, form_text
from desktop.love_bank import ledger
from desktop.love_bank.base import LoveBankBase
from desktop.love_bank.rules import read_rules, whole_number

EARNED = (ledger.EARN, ledger.ADJUST)
"""Entries that gain points that may expire (a reversal or release only gives back)."""
GIVEN_BACK = (ledger.RELEASE, ledger.REVERSAL)
"""Entries that return points taken earlier, so they cancel spending rather than earn."""


class CorrectionsPart(LoveBankBase):
    """Adjusting, reversing and expiring points."""

    def adjust(self, actor: Actor, volunteer_id: int, points: object, reason: str) -> int:
        actor.require(Permission.MANAGE_LOVE_BANK)
        value = whole_number(points)
        errors: dict[str, DomainError] = {}
        if value is None or value == 0:
            errors["points"] = DomainError(
                N_("Enter a whole number of points, not zero (negative to deduct).")
            )
        if not form_text(errors, "reason", reason, REASON_MAX) and "reason" not in errors:
            errors["reason"] = DomainError(N_("An adjustment needs a reason."))
        if errors:
            raise FieldErrors(errors)
        assert value is not None
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            if s.get(Volunteer, volunteer_id) is None:
                raise NotFound(N_("This volunteer no longer exists."))
            entry = ledger.post(s, actor, volunteer_id, ledger.ADJUST, at=now, delta=value, note=reason)
            uow.commit()
            return entry.id

    def reverse_entry(self, actor: Actor, entry_id: int, reason: str) -> int:
        """Correct an entry by reversing it; above the threshold only a director may."""
        actor.require(Permission.MANAGE_LOVE_BANK)
        if not reason.strip():
            raise FieldErrors({"reason": DomainError(N_("A reversal needs a reason."))})
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            rules = read_rules(s)
            entry = s.get(LedgerEntry, entry_id)
            if entry is None:
                raise NotFound(N_("This ledger entry no longer exists."))
            size = abs(entry.delta) + abs(entry.frozen_delta)
            if size > rules.reversal_threshold and not actor.can(Permission.APPROVE_LARGE_REVERSALS):
                raise DomainError(
                    N_("Reversing more than {n} points needs a director."), n=rules.reversal_threshold
                )
            if entry.redemption_id is not None:
                raise DomainError(N_("Cancel the redemption instead; it gives back the items' stock too."))
            reversal = ledger.reverse(s, actor, entry, reason, at=now)
            uow.commit()
            return reversal.id

    def expire(self, actor: Actor, earned_before: dt.date, note: str = "") -> int:
        """Year-end settlement: points earned before the date and still unspent expire.

        Spending uses the oldest points first, so what expires is what was earned before
        the date minus everything spent or deducted since the account began.
        """
        actor.require(Permission.MANAGE_SETTINGS)
        now = self._now()
        cutoff = dt.datetime.combine(earned_before, dt.time())
        total = 0
        with self._db.writing() as uow:
            s = uow.session
            for volunteer_id, old in queries.gains_before(s, cutoff, EARNED).items():
                # Lock the account first, so no desk spends between the sums and the entry.
                acc = ledger.account(s, volunteer_id)
                spent = queries.points_taken(s, volunteer_id) - queries.points_given_back(
                    s, volunteer_id, GIVEN_BACK
                )
                amount = min(acc.available, max(0, old - spent))
                if amount > 0:
                    ledger.post(
                        s,
                        actor,
                        volunteer_id,
                        ledger.EXPIRE,
                        at=now,
                        delta=-amount,
                        note=note or f"{earned_before.isoformat()} 前积分清算",
                    )
                    total += amount
            audit.record(
                s,
                actor,
                "expire",
                "ledger",
                after={"earned_before": earned_before.isoformat(), "points": total},
                at=now,
            )
            uow.commit()
        return total
