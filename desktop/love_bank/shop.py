"""The 爱心超市: items for points, redemptions, handover (核销) and cancellation.

A redemption carries an idempotency key made when its dialog opens, so a double click
or a retry after a crash makes one redemption, never two. Goods are handed over at
once and their points spent; a service handed over later (理发, 家电维修) freezes the
points until the handover. Cancelling gives back the points (or releases the frozen
ones) and the stock. The volunteer's account is locked before the items, and the items
in id order, so desks redeeming and cancelling at once queue instead of deadlocking.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import love_bank as queries
from db.love_bank import CANCELLED, COMPLETED, FROZEN
from db.models import Redemption, RedemptionLine, RewardItem, Volunteer
from desktop.common import audit
from desktop.common.errors import DomainError, FieldErrors, NotFound
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission
from desktop.common.validation import IDEMPOTENCY_KEY_MAX, NAME_MAX, REASON_MAX, check_text, form_text
from desktop.love_bank import ledger
from desktop.love_bank.base import LoveBankBase
from desktop.love_bank.rules import whole_number

__all__ = [
    "CANCELLED",
    "COMPLETED",
    "FROZEN",
    "STATUS_LABELS",
    "Basket",
    "ItemRow",
    "RedeemedItem",
    "RedemptionRow",
    "ShopPart",
]


STATUS_LABELS: dict[str, str] = {
    COMPLETED: N_("Redeemed"),
    FROZEN: N_("Waiting for handover"),
    CANCELLED: N_("Cancelled"),
}
"""A redemption's status as the lists and exports say it."""


@dataclass(frozen=True)
class ItemRow:
    id: int
    name: str
    kind: str
    price: int
    stock: int
    handed_over_later: bool
    is_active: bool


@dataclass(frozen=True)
class RedeemedItem:
    """One line of a redemption (and of its receipt): an item, how many, its price then."""

    name: str
    quantity: int
    price: int  # points per piece when it was redeemed

    @property
    def points(self) -> int:
        return self.quantity * self.price


@dataclass(frozen=True)
class RedemptionRow:
    id: int
    volunteer_id: int
    volunteer: str
    status: str
    points: int
    created_at: dt.datetime
    lines: tuple[RedeemedItem, ...]


@dataclass
class Basket:
    """What the redemption dialog submits: item id → quantity."""

    items: dict[int, int] = field(default_factory=dict)


def _locked_redemption(s: Session, redemption_id: int) -> Redemption:
    r = queries.lock_redemption(s, redemption_id)
    if r is None:
        raise NotFound(N_("This redemption no longer exists."))
    return r


class ShopPart(LoveBankBase):
    """The items on offer and every step of a redemption."""

    def items(self, include_inactive: bool = False) -> list[ItemRow]:
        with self._db.reading() as uow:
            return [
                ItemRow(i.id, i.name, i.kind, i.price, i.stock, i.handed_over_later, i.is_active)
                for i in queries.reward_items(uow.session, include_inactive=include_inactive)
            ]

    def save_item(
        self,
        actor: Actor,
        *,
        name: str,
        price: object,
        stock: object,
        kind: str = "goods",
        handed_over_later: bool = False,
        item_id: int | None = None,
        is_active: bool = True,
    ) -> int:
        actor.require(Permission.MANAGE_LOVE_BANK)
        errors: dict[str, DomainError] = {}
        name = form_text(errors, "name", name, NAME_MAX)
        if "name" not in errors and (not name or len(name) > 32):
            errors["name"] = DomainError(N_("Enter a name of at most 32 characters."))
        price_value = whole_number(price)
        if price_value is None or price_value <= 0:
            errors["price"] = DomainError(N_("The price is a whole number of points above zero."))
        stock_value = whole_number(stock)
        if stock_value is None or stock_value < 0:
            errors["stock"] = DomainError(N_("The stock is a whole number, zero or more."))
        if kind not in ("goods", "service"):
            errors["kind"] = DomainError(N_("Choose goods or service."))
        if errors:
            raise FieldErrors(errors)
        assert price_value is not None and stock_value is not None
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            clash = queries.item_named(s, name)
            if clash is not None and clash != item_id:
                raise FieldErrors(
                    {"name": DomainError(N_("There is already an item named {name}."), name=name)}
                )
            if item_id is None:
                item = RewardItem(name=name)
                s.add(item)
                before = None
            else:
                found = s.get(RewardItem, item_id)
                if found is None:
                    raise NotFound(N_("This item no longer exists."))
                item = found
                before = {"name": item.name, "price": item.price, "stock": item.stock}
            item.name, item.price, item.stock, item.kind = name, price_value, stock_value, kind
            item.handed_over_later, item.is_active = handed_over_later, is_active
            s.flush()
            audit.record(
                s,
                actor,
                "create" if before is None else "update",
                "reward_item",
                item.id,
                before=before,
                after={"name": name, "price": price_value, "stock": stock_value},
                at=now,
            )
            uow.commit()
            return item.id

    def redeem(self, actor: Actor, volunteer_id: int, basket: Basket, idempotency_key: str) -> int:
        """Take items for points. The same key returns the same redemption, made once."""
        actor.require(Permission.MANAGE_LOVE_BANK)
        wanted = {i: q for i, q in basket.items.items() if q}
        if not idempotency_key:
            raise ValueError("idempotency_key")
        check_text(idempotency_key, IDEMPOTENCY_KEY_MAX, strip=False)
        if not wanted:
            raise FieldErrors({"items": DomainError(N_("Choose at least one item."))})
        if any(not isinstance(q, int) or q < 0 for q in wanted.values()):
            raise FieldErrors({"items": DomainError(N_("Quantities are whole numbers above zero."))})
        now = self._now()
        try:
            with self._db.writing() as uow:
                s = uow.session
                done = queries.redemption_for_key(s, idempotency_key)
                if done is not None:
                    return done
                volunteer = s.get(Volunteer, volunteer_id)
                if volunteer is None or not volunteer.is_active:
                    raise FieldErrors(
                        {"volunteer": DomainError(N_("This person is not an active volunteer."))}
                    )
                ledger.account(s, volunteer_id)  # lock the account before anything else
                # Look again now the account is ours: a desk that held it with the same key
                # has committed meanwhile (PostgreSQL reads each statement afresh), and its
                # redemption is this one — not "only 0 left".
                done = queries.redemption_for_key(s, idempotency_key)
                if done is not None:
                    return done
                items = queries.lock_items(s, wanted)
                total = 0
                later = False
                for item_id, quantity in wanted.items():
                    item = items.get(item_id)
                    if item is None or not item.is_active:
                        raise FieldErrors({"items": DomainError(N_("An item is no longer offered."))})
                    if item.stock < quantity:
                        raise FieldErrors(
                            {
                                "items": DomainError(
                                    N_("Only {stock} of {name} left."), stock=item.stock, name=item.name
                                )
                            }
                        )
                    total += item.price * quantity
                    later = later or item.handed_over_later
                redemption = Redemption(
                    idempotency_key=idempotency_key,
                    volunteer_id=volunteer_id,
                    status=FROZEN if later else COMPLETED,
                    points=total,
                    created_at=now,
                    created_by=actor.user_id,
                    note="",
                )
                s.add(redemption)
                s.flush()
                for item_id, quantity in wanted.items():
                    items[item_id].stock -= quantity
                    s.add(
                        RedemptionLine(
                            redemption_id=redemption.id,
                            item_id=item_id,
                            quantity=quantity,
                            price=items[item_id].price,
                        )
                    )
                names = "、".join(f"{items[i].name}×{q}" for i, q in wanted.items())
                # Handed over later: the points wait, frozen, for the handover.
                ledger.post(
                    s,
                    actor,
                    volunteer_id,
                    ledger.FREEZE if later else ledger.REDEEM,
                    at=now,
                    delta=-total,
                    frozen_delta=total if later else 0,
                    note=names,
                    redemption_id=redemption.id,
                )
                audit.record(
                    s,
                    actor,
                    "redeem",
                    "redemption",
                    redemption.id,
                    after={"volunteer": volunteer_id, "points": total, "items": names},
                    at=now,
                )
                uow.commit()
                return redemption.id
        except IntegrityError:
            # Another desk committed the same key at the same moment: that one is ours.
            with self._db.reading() as uow:
                done = queries.redemption_for_key(uow.session, idempotency_key)
            if done is None:
                raise
            return done

    def hand_over(self, actor: Actor, redemption_id: int) -> None:
        """Goods handed over (核销): the frozen points are spent."""
        actor.require(Permission.MANAGE_LOVE_BANK)
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            r = _locked_redemption(s, redemption_id)
            if r.status != FROZEN:
                raise DomainError(N_("Only a redemption waiting for handover can be handed over."))
            ledger.post(
                s,
                actor,
                r.volunteer_id,
                ledger.REDEEM,
                at=now,
                frozen_delta=-r.points,
                note="已核销",
                redemption_id=r.id,
            )
            r.status, r.closed_at = COMPLETED, now
            audit.record(
                s, actor, "handover", "redemption", r.id, after={"volunteer": r.volunteer_id}, at=now
            )
            uow.commit()

    def cancel_redemption(self, actor: Actor, redemption_id: int, reason: str) -> None:
        """Give back the points (or release the frozen ones) and the stock."""
        actor.require(Permission.MANAGE_LOVE_BANK)
        reason = check_text(reason, REASON_MAX, field="reason")
        if not reason:
            raise FieldErrors({"reason": DomainError(N_("Write why the redemption is cancelled."))})
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            r = _locked_redemption(s, redemption_id)
            if r.status == CANCELLED:
                raise DomainError(N_("This redemption has already been cancelled."))
            ledger.account(s, r.volunteer_id)
            give_back = partial(
                ledger.post, s, actor, r.volunteer_id, at=now, delta=r.points, note=reason, redemption_id=r.id
            )
            if r.status == FROZEN:
                give_back(ledger.RELEASE, frozen_delta=-r.points)
            else:
                spent = queries.redemption_entries(s, r.id, ledger.REDEEM)
                original = next((e for e in spent if e.delta < 0), None)
                if original is not None:
                    ledger.reverse(s, actor, original, reason, at=now)
                handover = next((e for e in spent if e.frozen_delta < 0), None)
                if handover is not None:  # frozen, then handed over: give the points back
                    give_back(ledger.ADJUST)
            lines = queries.redemption_lines(s, r.id)
            # Lock the items as redeem() does: two desks cancelling (or one redeeming) the
            # same item at once must not overwrite each other's stock.
            items = queries.lock_items(s, [line.item_id for line in lines])
            for line in lines:
                if line.item_id in items:
                    items[line.item_id].stock += line.quantity
            r.status, r.closed_at, r.note = CANCELLED, now, reason.strip()[:500]
            audit.record(
                s,
                actor,
                "cancel",
                "redemption",
                r.id,
                after={"volunteer": r.volunteer_id, "reason": r.note},
                at=now,
            )
            uow.commit()

    def redemptions(
        self, actor: Actor, *, volunteer_id: int | None = None, status: str | None = None, limit: int = 200
    ) -> list[RedemptionRow]:
        """Redemptions, newest first, each with its lines."""
        actor.require(Permission.VIEW_LOVE_BANK)
        with self._db.reading() as uow:
            s = uow.session
            return [
                RedemptionRow(
                    r.id,
                    r.volunteer_id,
                    name,
                    r.status,
                    r.points,
                    r.created_at,
                    tuple(RedeemedItem(*line) for line in queries.redemption_line_items(s, r.id)),
                )
                for r, name in queries.redemption_list(
                    s, volunteer_id=volunteer_id, status=status, limit=limit
                )
            ]
