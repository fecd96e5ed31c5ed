"""Funds and budget lines (资金): e.g. 2026年党组织服务群众专项经费, 公益创投, 自筹.

Each fund has a year, a total, an optional cap per order and the menu categories it may
not pay for. What it has committed to orders and paid is kept by
:mod:`desktop.orders.commitments`; here the funds are registered and shown with their
committed, paid and remaining sums. A fund's total can never be set below what it has
already committed. Reading needs ``VIEW_ORDERS``; changes ``MANAGE_FUNDS``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from db import orders_registry as registry
from db.models_orders import Fund
from desktop.common import audit
from desktop.common.errors import DomainError, FieldErrors, NotFound
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission
from desktop.common.validation import form_text
from desktop.orders import commitments
from desktop.orders.base import OrdersBase
from desktop.orders.money import format_yuan
from desktop.orders.vocabulary import FundKind

NAME_MAX = 100
NOTES_MAX = 2_000


@dataclass(frozen=True)
class FundRow:
    id: int
    name: str
    year: int
    kind: FundKind
    total: int  # fen
    order_cap: int | None  # fen per order, None: no cap
    committed: int  # bound to orders, paid or not
    paid: int
    remaining: int  # total - committed
    excluded_categories: tuple[str, ...]
    notes: str
    is_active: bool


@dataclass(frozen=True)
class FundForm:
    name: str
    year: int
    kind: str
    total: int  # fen
    order_cap: int | None = None
    excluded_categories: Sequence[str] = field(default_factory=tuple)
    notes: str = ""


def fund_row(f: Fund, excluded: Sequence[str]) -> FundRow:
    return FundRow(
        id=f.id,
        name=f.name,
        year=f.year,
        kind=FundKind(f.kind),
        total=f.total,
        order_cap=f.order_cap,
        committed=f.committed,
        paid=f.paid,
        remaining=f.total - f.committed,
        excluded_categories=tuple(excluded),
        notes=f.notes,
        is_active=f.is_active,
    )


class FundsPart(OrdersBase):
    def funds(self, actor: Actor, *, year: int | None = None, include_inactive: bool = True) -> list[FundRow]:
        """Funds (latest year first) with committed, paid and remaining."""
        actor.require(Permission.VIEW_ORDERS)
        with self._db.reading() as uow:
            s = uow.session
            found = registry.funds(s, year=year, active_only=not include_inactive)
            excluded = registry.fund_exclusions(s)
            return [fund_row(f, excluded.get(f.id, [])) for f in found]

    def fund(self, actor: Actor, fund_id: int) -> FundRow:
        actor.require(Permission.VIEW_ORDERS)
        with self._db.reading() as uow:
            s = uow.session
            f = s.get(Fund, fund_id)
            if f is None:
                raise NotFound(N_("This fund no longer exists."))
            return fund_row(f, registry.fund_exclusions(s, [fund_id]).get(fund_id, []))

    def save_fund(self, actor: Actor, form: FundForm, fund_id: int | None = None) -> int:
        """Add a fund (``fund_id`` None) or change one; returns its id."""
        actor.require(Permission.MANAGE_FUNDS)
        now = self._now()
        errors: dict[str, DomainError] = {}
        name = (form.name or "").strip()
        if not name:
            errors["name"] = DomainError(N_("Enter a name."))
        elif len(name) > NAME_MAX:
            errors["name"] = DomainError(N_("At most {n} characters."), n=NAME_MAX)
        if not 2000 <= form.year <= now.year + 5:
            errors["year"] = DomainError(N_("Enter a year from 2000 to {year}."), year=now.year + 5)
        try:
            kind = FundKind(form.kind)
        except ValueError:
            errors["kind"] = DomainError(N_("Choose the kind of fund."))
            kind = FundKind.OTHER
        if form.total <= 0:
            errors["total"] = DomainError(N_("The amount must be more than zero."))
        if form.order_cap is not None and form.order_cap <= 0:
            errors["order_cap"] = DomainError(N_("The amount must be more than zero."))
        elif form.order_cap is not None and form.order_cap > form.total > 0:
            errors["order_cap"] = DomainError(N_("The cap per order cannot be above the fund's total."))
        if len(form.notes or "") > NOTES_MAX:
            errors["notes"] = DomainError(N_("At most {n} characters."), n=NOTES_MAX)
        # A NUL character in any text (the lengths are checked above).
        for key in ("name", "notes"):
            form_text(errors, key, getattr(form, key), None)
        if errors:
            raise FieldErrors(errors)
        with self._db.writing() as uow:
            s = uow.session
            other = registry.fund_id_by_name(s, name)
            if other is not None and other != fund_id:
                raise FieldErrors({"name": DomainError(N_("A fund of this name already exists."))})
            if fund_id is None:
                f = Fund(committed=0, paid=0, is_active=True)
                s.add(f)
                before = None
            else:
                f = commitments.lock(s, [fund_id])[fund_id]
                before = {"name": f.name, "total": f.total, "order_cap": f.order_cap}
                if form.total < f.committed:
                    raise FieldErrors(
                        {
                            "total": DomainError(
                                N_(
                                    "{committed} 元 of this fund is already committed; "
                                    "the total cannot be less."
                                ),
                                committed=format_yuan(f.committed),
                            )
                        }
                    )
            f.name, f.year, f.kind = name, form.year, kind.value
            f.total, f.order_cap = form.total, form.order_cap
            f.notes = (form.notes or "").strip()
            s.flush()
            registry.replace_exclusions(s, f.id, [c.strip() for c in form.excluded_categories if c.strip()])
            audit.record(
                s,
                actor,
                "create" if before is None else "update",
                "fund",
                f.id,
                before=before,
                after={"name": name, "year": form.year, "total": form.total, "order_cap": form.order_cap},
                at=now,
            )
            uow.commit()
            return f.id

    def set_fund_active(self, actor: Actor, fund_id: int, active: bool) -> None:
        """Disable a fund (no new drafts may use it) or enable it again."""
        actor.require(Permission.MANAGE_FUNDS)
        with self._db.writing() as uow:
            s = uow.session
            f = s.get(Fund, fund_id)
            if f is None:
                raise NotFound(N_("This fund no longer exists."))
            if f.is_active != active:
                f.is_active = active
                audit.record(s, actor, "enable" if active else "disable", "fund", fund_id, at=self._now())
            uow.commit()
