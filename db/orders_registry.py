"""The SQL of the orders job's registries: the service menu, providers (with their
performance) and funds.

Part of the orders job's SQL with :mod:`db.orders` (the board and one order) and
:mod:`db.orders_money` (fund locks, fund lines, payments). Names are sorted for people
by the services (pinyin), not here: SQLite's and PostgreSQL's collations differ.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, case, func, select
from sqlalchemy.orm import Session

from db.models import Tag, Team
from db.models_orders import (
    Fund,
    FundExclusion,
    OrderPayment,
    Provider,
    ProviderArea,
    ProviderInspection,
    ServiceItem,
    ServiceItemTag,
    ServiceOrder,
)


def delete_rows(session: Session, rows: Select) -> None:
    """Delete the rows one by one through the ORM and flush, so that what changed is
    announced with its ids (a bulk DELETE would announce "anything", see db.changes)."""
    for row in session.scalars(rows):
        session.delete(row)
    session.flush()


# --- the menu -----------------------------------------------------------------------------


def menu_items(session: Session, *, active_only: bool = False) -> list[ServiceItem]:
    """Menu items by category — categories in the order they were first entered (the
    same on SQLite and PostgreSQL, whose collations differ) — then in their order."""
    stmt = select(ServiceItem).order_by(ServiceItem.id)
    if active_only:
        stmt = stmt.where(ServiceItem.is_active)
    items = list(session.scalars(stmt))
    rank: dict[str, int] = {}
    for item in items:
        rank.setdefault(item.category, len(rank))
    return sorted(items, key=lambda i: (rank[i.category], i.sort_order, i.id))


def menu_categories(session: Session, *, active_only: bool = True) -> list[str]:
    """The categories of the menu, in the order they were first entered."""
    return list(dict.fromkeys(i.category for i in menu_items(session, active_only=active_only)))


def item_tag_ids(session: Session, item_ids: Iterable[int] | None = None) -> dict[int, list[int]]:
    """Menu item id → the key groups (tag ids) it is meant for."""
    stmt = select(ServiceItemTag.item_id, ServiceItemTag.tag_id).order_by(ServiceItemTag.tag_id)
    if item_ids is not None:
        stmt = stmt.where(ServiceItemTag.item_id.in_(list(item_ids)))
    out: dict[int, list[int]] = {}
    for item_id, tag_id in session.execute(stmt):
        out.setdefault(item_id, []).append(tag_id)
    return out


def replace_item_tags(session: Session, item_id: int, tag_ids: Sequence[int]) -> None:
    delete_rows(session, select(ServiceItemTag).where(ServiceItemTag.item_id == item_id))
    session.add_all(ServiceItemTag(item_id=item_id, tag_id=t) for t in dict.fromkeys(tag_ids))


def item_named(session: Session, category: str, name: str) -> int | None:
    """The id of the menu item of that category and name (case as typed), if any."""
    return session.scalar(
        select(ServiceItem.id).where(ServiceItem.category == category, ServiceItem.name == name)
    )


def last_item_sort(session: Session, category: str) -> int:
    return (
        session.scalar(select(func.max(ServiceItem.sort_order)).where(ServiceItem.category == category)) or 0
    )


def tag_names(session: Session) -> dict[int, str]:
    """Key group (tag) id → name."""
    return dict(session.execute(select(Tag.id, Tag.name)).all())


# --- providers ----------------------------------------------------------------------------


def providers(session: Session, *, active_only: bool = False, kind: str | None = None) -> list[Provider]:
    """Providers in the order they were registered (the services sort them for people)."""
    stmt = select(Provider).order_by(Provider.id)
    if active_only:
        stmt = stmt.where(Provider.is_active)
    if kind:
        stmt = stmt.where(Provider.kind == kind)
    return list(session.scalars(stmt))


def provider_areas(session: Session, provider_ids: Iterable[int] | None = None) -> dict[int, list[str]]:
    """Provider id → its service areas (menu categories)."""
    stmt = select(ProviderArea.provider_id, ProviderArea.category).order_by(ProviderArea.category)
    if provider_ids is not None:
        stmt = stmt.where(ProviderArea.provider_id.in_(list(provider_ids)))
    out: dict[int, list[str]] = {}
    for provider_id, category in session.execute(stmt):
        out.setdefault(provider_id, []).append(category)
    return out


def replace_areas(session: Session, provider_id: int, categories: Sequence[str]) -> None:
    delete_rows(session, select(ProviderArea).where(ProviderArea.provider_id == provider_id))
    session.add_all(ProviderArea(provider_id=provider_id, category=c) for c in dict.fromkeys(categories))


def provider_id_by(
    session: Session, *, name: str | None = None, credit_code: str | None = None
) -> int | None:
    """The provider with this name or this credit code, if any."""
    if name is not None:
        return session.scalar(select(Provider.id).where(Provider.name == name))
    return session.scalar(select(Provider.id).where(Provider.credit_code == credit_code))


def inspections(session: Session, provider_id: int) -> list[ProviderInspection]:
    """A provider's 年检/年报 results, latest year first."""
    return list(
        session.scalars(
            select(ProviderInspection)
            .where(ProviderInspection.provider_id == provider_id)
            .order_by(ProviderInspection.year.desc())
        )
    )


def latest_inspections(session: Session) -> dict[int, tuple[int, str]]:
    """Provider id → (year, result) of its latest 年检/年报."""
    latest = (
        select(ProviderInspection.provider_id, func.max(ProviderInspection.year).label("year"))
        .group_by(ProviderInspection.provider_id)
        .subquery()
    )
    rows = session.execute(
        select(ProviderInspection.provider_id, ProviderInspection.year, ProviderInspection.result).join(
            latest,
            and_(
                latest.c.provider_id == ProviderInspection.provider_id,
                latest.c.year == ProviderInspection.year,
            ),
        )
    )
    return {provider_id: (year, result) for provider_id, year, result in rows}


def team_names(session: Session) -> dict[int, str]:
    """Love-bank team id → name (a volunteer-team provider may name its team)."""
    return dict(session.execute(select(Team.id, Team.name)).all())


# --- funds --------------------------------------------------------------------------------


def funds(session: Session, *, year: int | None = None, active_only: bool = False) -> list[Fund]:
    """Funds, latest year first, then in the order they were entered."""
    stmt = select(Fund).order_by(Fund.year.desc(), Fund.id)
    if year is not None:
        stmt = stmt.where(Fund.year == year)
    if active_only:
        stmt = stmt.where(Fund.is_active)
    return list(session.scalars(stmt))


def fund_exclusions(session: Session, fund_ids: Iterable[int] | None = None) -> dict[int, list[str]]:
    """Fund id → the menu categories it may not pay for."""
    stmt = select(FundExclusion.fund_id, FundExclusion.category).order_by(FundExclusion.category)
    if fund_ids is not None:
        stmt = stmt.where(FundExclusion.fund_id.in_(list(fund_ids)))
    out: dict[int, list[str]] = {}
    for fund_id, category in session.execute(stmt):
        out.setdefault(fund_id, []).append(category)
    return out


def replace_exclusions(session: Session, fund_id: int, categories: Sequence[str]) -> None:
    delete_rows(session, select(FundExclusion).where(FundExclusion.fund_id == fund_id))
    session.add_all(FundExclusion(fund_id=fund_id, category=c) for c in dict.fromkeys(categories))


def fund_id_by_name(session: Session, name: str) -> int | None:
    return session.scalar(select(Fund.id).where(Fund.name == name))


def fund_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Fund.id, Fund.name)).all())


def provider_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Provider.id, Provider.name)).all())


# --- providers' performance ---------------------------------------------------------------


@dataclass(frozen=True)
class PerformanceRecord:
    """What a provider did: raw sums; the services turn them into rates."""

    provider_id: int
    taken: int  # orders it accepted
    finished: int  # of which finished (reported done)
    on_time: int  # of which finished by the deadline
    rated: int
    rating_total: int  # sum of scores 3/2/1
    checked: int  # orders accepted at 验收
    completion_total: int  # sum of their completion percents
    settled: int
    settled_paid: int  # fen paid on settled orders
    settled_people: int  # people served by settled orders


def performance(
    session: Session, provider_ids: Sequence[int] | None = None, *, since: dt.datetime | None = None
) -> dict[int, PerformanceRecord]:
    """Provider id → its performance over the orders it accepted (since ``since``).

    One pass over the orders grouped by provider, and one over the payments of settled
    orders (what they cost), rather than a join of every order with its fund lines.
    """
    o = ServiceOrder
    score = case(
        (o.rating == "satisfied", 3), (o.rating == "basic", 2), (o.rating == "unsatisfied", 1), else_=0
    )
    settled = o.stage == "settled"
    where: list[ColumnElement[bool]] = [o.provider_id.is_not(None), o.accepted_at.is_not(None)]
    if provider_ids is not None:
        where.append(o.provider_id.in_(list(provider_ids)))
    if since is not None:
        where.append(o.accepted_at >= since)
    stmt = (
        select(
            o.provider_id,
            func.count(o.id),
            func.sum(case((o.finished_at.is_not(None), 1), else_=0)),
            func.sum(case((o.on_time.is_(True), 1), else_=0)),
            func.sum(case((o.rating.is_not(None), 1), else_=0)),
            func.sum(score),
            func.sum(case((o.completion_percent.is_not(None), 1), else_=0)),
            func.sum(func.coalesce(o.completion_percent, 0)),
            func.sum(case((settled, 1), else_=0)),
            func.sum(case((settled, o.actual_people), else_=0)),
        )
        .where(*where)
        .group_by(o.provider_id)
    )
    cost = dict(
        session.execute(
            select(o.provider_id, func.sum(OrderPayment.amount))
            .join(OrderPayment, OrderPayment.order_id == o.id)
            .where(*where, settled)
            .group_by(o.provider_id)
        ).all()
    )
    out = {}
    for (
        pid,
        taken,
        finished,
        on_time,
        rated,
        rating,
        checked,
        completion,
        n_settled,
        people,
    ) in session.execute(stmt):
        out[pid] = PerformanceRecord(
            pid,
            taken,
            finished or 0,
            on_time or 0,
            rated or 0,
            rating or 0,
            checked or 0,
            completion or 0,
            n_settled or 0,
            int(cost.get(pid) or 0),
            people or 0,
        )
    return out
