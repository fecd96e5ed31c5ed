"""How providers perform, shown on the providers page and when choosing one for a draft.

Per provider, over the orders it accepted: orders taken, the on-time rate (finished by
the work order's deadline), the average rating (满意 3, 基本满意 2, 不满意 1), the average
completion rate at 验收, and the average cost per person served (paid on settled orders
÷ the people they served).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from db import orders_registry as registry
from db.models_orders import ServiceOrder
from db.orders_registry import PerformanceRecord
from desktop.common.errors import DomainError, FieldErrors, NotFound
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission
from desktop.orders.base import OrdersBase
from desktop.orders.eligibility import eligible_providers
from desktop.orders.providers import ProviderRow, provider_rows


@dataclass(frozen=True)
class ProviderPerformance:
    provider_id: int
    taken: int
    finished: int
    on_time_rate: float | None  # 0–1 over finished orders
    rated: int
    average_rating: float | None  # 1–3
    checked: int
    completion_rate: float | None  # average percent at 验收
    settled: int
    cost_per_person: int | None  # fen


def _nothing_yet(provider_id: int) -> ProviderPerformance:
    return ProviderPerformance(provider_id, 0, 0, None, 0, None, 0, None, 0, None)


@dataclass(frozen=True)
class ProviderChoice:
    """A provider as the drafting and dispatch dialogs offer it.

    ``problem`` says why it may not be given this order (inactive, discredited, a kind
    the menu item does not allow); ``serves_category`` whether the order's category is
    one of its service areas. Warnings (expired rating, failed 年检) are on the row, and
    ``provider.has_legal_personality`` says whether it may sign a contract and be paid
    (a 备案 organisation or a volunteer team may take an order only without payment)."""

    provider: ProviderRow
    performance: ProviderPerformance
    serves_category: bool
    problem: DomainError | None


def performance_of(r: PerformanceRecord) -> ProviderPerformance:
    return ProviderPerformance(
        provider_id=r.provider_id,
        taken=r.taken,
        finished=r.finished,
        on_time_rate=r.on_time / r.finished if r.finished else None,
        rated=r.rated,
        average_rating=r.rating_total / r.rated if r.rated else None,
        checked=r.checked,
        completion_rate=r.completion_total / r.checked if r.checked else None,
        settled=r.settled,
        cost_per_person=round(r.settled_paid / r.settled_people) if r.settled_people else None,
    )


class PerformancePart(OrdersBase):
    def provider_performance(
        self, actor: Actor, provider_ids: Sequence[int] | None = None, *, since: dt.date | None = None
    ) -> dict[int, ProviderPerformance]:
        """Provider id → performance over the orders it accepted (since ``since``);
        providers that never accepted an order are absent."""
        actor.require(Permission.VIEW_ORDERS)
        start = dt.datetime.combine(since, dt.time()) if since else None
        with self._db.reading() as uow:
            found = registry.performance(uow.session, provider_ids, since=start)
        return {pid: performance_of(r) for pid, r in found.items()}

    def provider_choices(self, actor: Actor, order_id: int) -> list[ProviderChoice]:
        """The active providers for an order: those serving its category first, then the
        best rated; each with its performance and why it may not take the order."""
        actor.require(Permission.VIEW_ORDERS)
        today = self._now().date()
        with self._db.reading() as uow:
            s = uow.session
            order = s.get(ServiceOrder, order_id)
            if order is None:
                raise NotFound(N_("This service order no longer exists."))
            found = registry.providers(s, active_only=True)
            rows = provider_rows(s, found, today)
            done = registry.performance(s, [p.id for p in found])
            out = []
            for p, row in zip(found, rows, strict=True):
                problem: DomainError | None = None
                try:
                    eligible_providers(s, order, [p.id])
                except FieldErrors as exc:
                    problem = next(iter(exc.errors.values()))
                record = done.get(p.id)
                out.append(
                    ProviderChoice(
                        provider=row,
                        performance=performance_of(record) if record else _nothing_yet(p.id),
                        serves_category=order.category in row.areas,
                        problem=problem,
                    )
                )
        out.sort(
            key=lambda c: (
                c.problem is not None,
                not c.serves_category,
                -(c.performance.average_rating or 0),
                c.provider.name,
            )
        )
        return out
