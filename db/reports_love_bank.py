"""The SQL of the love-bank part of a report (爱心银行): volunteers who joined, service
served, points moved, top volunteers, new star levels and the stock of the 爱心超市,
over a window of time. Counts and sums only; the rules (what each figure means) are in
``desktop.reports.love_bank_figures``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session, aliased

from db.love_bank import APPROVED, CANCELLED
from db.models import (
    AuditEntry,
    LedgerEntry,
    PointAccount,
    Redemption,
    RedemptionLine,
    Resident,
    RewardItem,
    ServiceRecord,
    Team,
    Volunteer,
)


def _in(column, start: dt.datetime | dt.date, end: dt.datetime | dt.date) -> ColumnElement[bool]:
    return and_(column >= start, column < end)


# --- the love bank --------------------------------------------------------------------------------
def volunteers_joined(session: Session, start: dt.date, end: dt.date) -> int:
    """Volunteers who joined in ``[start, end)``."""
    return (
        session.scalar(
            select(func.count()).select_from(Volunteer).where(_in(Volunteer.joined_on, start, end))
        )
        or 0
    )


@dataclass(frozen=True)
class ServiceTotals:
    """Approved service served in a window of days."""

    records: int
    volunteers: int
    minutes: int
    points: int


def service_totals(session: Session, start: dt.date, end: dt.date) -> ServiceTotals:
    """Approved service records served in ``[start, end)``: how many, by how many
    volunteers, how long, for how many points."""
    row = session.execute(
        select(
            func.count(),
            func.count(func.distinct(ServiceRecord.volunteer_id)),
            func.coalesce(func.sum(ServiceRecord.minutes), 0),
            func.coalesce(func.sum(ServiceRecord.points), 0),
        ).where(ServiceRecord.status == APPROVED, _in(ServiceRecord.served_on, start, end))
    ).one()
    return ServiceTotals(int(row[0]), int(row[1]), int(row[2]), int(row[3]))


@dataclass(frozen=True)
class LedgerGroup:
    """Ledger entries made in the window of one kind — for a reversal, of the kind it
    reverses — with or without a redemption."""

    kind: str
    reversed_kind: str | None
    for_redemption: bool
    count: int
    delta: int
    frozen_delta: int


def ledger_groups(session: Session, start: dt.datetime, end: dt.datetime) -> list[LedgerGroup]:
    """The points moved in ``[start, end)``, grouped by kind (see :class:`LedgerGroup`)."""
    reversed_entry = aliased(LedgerEntry)
    has_redemption = case((LedgerEntry.redemption_id.is_(None), 0), else_=1)
    rows = session.execute(
        select(
            LedgerEntry.kind,
            reversed_entry.kind,
            has_redemption,
            func.count(),
            func.coalesce(func.sum(LedgerEntry.delta), 0),
            func.coalesce(func.sum(LedgerEntry.frozen_delta), 0),
        )
        .select_from(LedgerEntry)
        .outerjoin(reversed_entry, reversed_entry.id == LedgerEntry.reverses_id)
        .where(_in(LedgerEntry.at, start, end))
        .group_by(LedgerEntry.kind, reversed_entry.kind, has_redemption)
    )
    return [
        LedgerGroup(kind, reversed_kind, bool(redemption), int(n), int(delta), int(frozen))
        for kind, reversed_kind, redemption, n, delta, frozen in rows
    ]


@dataclass(frozen=True)
class VolunteerTotal:
    """A volunteer's approved service in a window (top volunteers)."""

    volunteer_id: int
    name: str
    team: str
    minutes: int
    points: int


def top_volunteers(session: Session, start: dt.date, end: dt.date, limit: int) -> list[VolunteerTotal]:
    """Volunteers by approved minutes served in ``[start, end)``, most first (ties by id)."""
    minutes = func.sum(ServiceRecord.minutes)
    rows = session.execute(
        select(ServiceRecord.volunteer_id, minutes, func.sum(ServiceRecord.points))
        .where(ServiceRecord.status == APPROVED, _in(ServiceRecord.served_on, start, end))
        .group_by(ServiceRecord.volunteer_id)
        .order_by(minutes.desc(), ServiceRecord.volunteer_id)
        .limit(limit)
    ).all()
    names = _volunteer_names(session, [r[0] for r in rows])
    return [VolunteerTotal(v, *names.get(v, ("", "")), int(m), int(p)) for v, m, p in rows]


def _volunteer_names(session: Session, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    if not ids:
        return {}
    rows = session.execute(
        select(Volunteer.id, Resident.name, Team.name)
        .join(Resident, Resident.id == Volunteer.resident_id)
        .outerjoin(Team, Team.id == Volunteer.team_id)
        .where(Volunteer.id.in_(list(ids)))
    )
    return {i: (name, team or "") for i, name, team in rows}


@dataclass(frozen=True)
class StarRise:
    """A volunteer whose approved service passed a star threshold in the window."""

    volunteer_id: int
    name: str
    team: str
    minutes_before: int  # approved before the window
    minutes_after: int  # approved by the end of the window


def _level(minutes, thresholds: Sequence[int]) -> ColumnElement[int]:
    """The star level (0 … len(thresholds)) of an amount of minutes, in SQL;
    ``thresholds`` in minutes, lowest first."""
    whens = [(minutes >= t, level) for level, t in reversed(list(enumerate(thresholds, start=1)))]
    return case(*whens, else_=0)


def star_rises(
    session: Session, start: dt.datetime, end: dt.datetime, thresholds: Sequence[int]
) -> list[StarRise]:
    """Volunteers whose approved minutes (approved in ``[start, end)``) took them past
    one of ``thresholds`` (minutes, lowest first). Approved minutes before the window
    are the volunteer's total (``point_account``) less what was approved since."""
    # Grouped by "volunteer_id + 0": grouped by the plain column, SQLite would walk every
    # record in volunteer order (to skip a sort) instead of the window's few by approval.
    volunteer = (ServiceRecord.volunteer_id + 0).label("volunteer_id")
    since = (
        select(
            volunteer,
            func.sum(case((ServiceRecord.decided_at < end, ServiceRecord.minutes), else_=0)).label("inside"),
            func.sum(case((ServiceRecord.decided_at >= end, ServiceRecord.minutes), else_=0)).label("later"),
        )
        .where(ServiceRecord.status == APPROVED, ServiceRecord.decided_at >= start)
        .group_by(volunteer)
        .subquery()
    )
    after = PointAccount.approved_minutes - since.c.later
    before = after - since.c.inside
    rows = session.execute(
        select(since.c.volunteer_id, before, after)
        .join(PointAccount, PointAccount.volunteer_id == since.c.volunteer_id)
        .where(since.c.inside > 0, _level(after, thresholds) > _level(before, thresholds))
        .order_by(after.desc(), since.c.volunteer_id)
    ).all()
    names = _volunteer_names(session, [r[0] for r in rows])
    return [StarRise(v, *names.get(v, ("", "")), int(b), int(a)) for v, b, a in rows]


@dataclass(frozen=True)
class ItemRecord:
    id: int
    name: str
    kind: str
    price: int
    stock: int
    is_active: bool


def reward_items(session: Session) -> list[ItemRecord]:
    """Every item of the 爱心超市, in order of entry."""
    rows = session.execute(
        select(
            RewardItem.id,
            RewardItem.name,
            RewardItem.kind,
            RewardItem.price,
            RewardItem.stock,
            RewardItem.is_active,
        ).order_by(RewardItem.id)
    )
    return [
        ItemRecord(i, name, kind, price, stock, bool(active)) for i, name, kind, price, stock, active in rows
    ]


def items_redeemed(session: Session, start: dt.datetime, end: dt.datetime) -> dict[int, int]:
    """Quantities taken from stock by redemptions made in the window, per item."""
    rows = session.execute(
        select(RedemptionLine.item_id, func.sum(RedemptionLine.quantity))
        .join(Redemption, Redemption.id == RedemptionLine.redemption_id)
        .where(_in(Redemption.created_at, start, end))
        .group_by(RedemptionLine.item_id)
    )
    return {item: int(n) for item, n in rows}


def items_returned(session: Session, start: dt.datetime, end: dt.datetime) -> dict[int, int]:
    """Quantities put back in stock by redemptions cancelled in the window, per item."""
    rows = session.execute(
        select(RedemptionLine.item_id, func.sum(RedemptionLine.quantity))
        .join(Redemption, Redemption.id == RedemptionLine.redemption_id)
        .where(Redemption.status == CANCELLED, _in(Redemption.closed_at, start, end))
        .group_by(RedemptionLine.item_id)
    )
    return {item: int(n) for item, n in rows}


@dataclass(frozen=True)
class StockEdit:
    """An item saved by the coordinator (audit log): the stock before (None for a new
    item) and after, as the audit row recorded them (JSON)."""

    item_id: int
    at: dt.datetime
    before: str
    after: str


def stock_edits(session: Session, since: dt.datetime) -> list[StockEdit]:
    """Items created or changed from ``since`` on, oldest first (stock put in or taken out
    by hand; a handful a month)."""
    rows = session.execute(
        select(AuditEntry.entity_id, AuditEntry.at, AuditEntry.before, AuditEntry.after)
        .where(AuditEntry.entity == "reward_item", AuditEntry.at >= since)
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return [StockEdit(int(item), at, before or "", after or "") for item, at, before, after in rows if item]
