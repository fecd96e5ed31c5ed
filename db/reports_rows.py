"""The rows under a report's figures, as the Excel export lists them: the requests, the
approved service hours and the redemptions of a period, a page at a time in time order
(each page starts after the last row of the one before: an index range, not an offset),
never a whole table. Phones and ID numbers come unmasked; ``desktop.reports``
masks them before anything is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, literal, select, true, tuple_
from sqlalchemy.orm import Session, aliased

from db.love_bank import APPROVED
from db.models import (
    Category,
    Department,
    Grid,
    Redemption,
    RedemptionLine,
    Request,
    Resident,
    RewardItem,
    ServiceRecord,
    Team,
    Volunteer,
)
from db.reports import MERGED


def _in(column, start, end):
    return and_(column >= start, column < end)


def _after(moment, key, after: tuple[dt.datetime | dt.date, int] | None):
    """Rows after ``after`` in (moment, key) order: where the previous page ended."""
    if after is None:
        return true()
    return tuple_(moment, key) > tuple_(literal(after[0], moment.type), literal(after[1]))


# --- rows under the figures (the Excel export) ------------------------------------------------------
@dataclass(frozen=True)
class RequestExportRecord:
    """A request registered in the period, as the export lists it (phone and ID number
    unmasked here; the report masks them)."""

    id: int
    number: str
    registered_at: dt.datetime
    resident: str
    phone: str | None
    id_number: str | None
    channel: str
    category: str
    parent_category: str | None
    grid: str
    level: str
    department: str
    urgency: str
    status: str
    head_count: int
    assigned_at: dt.datetime | None
    resolved_at: dt.datetime | None
    closed_at: dt.datetime | None
    satisfaction: str | None


def request_export_page(
    session: Session, start: dt.datetime, end: dt.datetime, after: tuple[dt.datetime, int] | None, limit: int
) -> list[RequestExportRecord]:
    """Up to ``limit`` requests registered in the window, in registration order, after the
    request ``after`` (its registration moment and id; None: from the start)."""
    parent = aliased(Category)
    rows = session.execute(
        select(
            Request.id,
            Request.number,
            Request.registered_at,
            Resident.name,
            Resident.phone,
            Resident.id_number,
            Request.channel,
            Category.name,
            parent.name,
            Grid.name,
            Request.level,
            Department.name,
            Request.urgency,
            Request.status,
            Request.head_count,
            Request.assigned_at,
            Request.resolved_at,
            Request.closed_at,
            Request.satisfaction,
        )
        .join(Resident, Resident.id == Request.resident_id)
        .join(Category, Category.id == Request.category_id)
        .outerjoin(parent, parent.id == Category.parent_id)
        .outerjoin(Grid, Grid.id == Request.grid_id)
        .outerjoin(Department, Department.id == Request.lead_department_id)
        .where(
            _in(Request.registered_at, start, end),
            Request.status != MERGED,
            _after(Request.registered_at, Request.id, after),
        )
        .order_by(Request.registered_at, Request.id)
        .limit(limit)
    )
    return [
        RequestExportRecord(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            r[6],
            r[7],
            r[8],
            r[9] or "",
            r[10],
            r[11] or "",
            r[12],
            r[13],
            r[14],
            r[15],
            r[16],
            r[17],
            r[18],
        )  # fmt: skip
        for r in rows
    ]


@dataclass(frozen=True)
class ServiceExportRecord:
    """Approved service served in the period (phone unmasked here)."""

    id: int
    served_on: dt.date
    volunteer: str
    phone: str | None
    team: str
    minutes: int
    points: int
    description: str


def service_export_page(
    session: Session, start: dt.date, end: dt.date, after: tuple[dt.date, int] | None, limit: int
) -> list[ServiceExportRecord]:
    """Up to ``limit`` approved service records served in the window, by day served, after
    the record ``after`` (its day and id; None: from the start)."""
    rows = session.execute(
        select(
            ServiceRecord.id,
            ServiceRecord.served_on,
            Resident.name,
            Resident.phone,
            Team.name,
            ServiceRecord.minutes,
            ServiceRecord.points,
            ServiceRecord.description,
        )
        .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
        .join(Resident, Resident.id == Volunteer.resident_id)
        .outerjoin(Team, Team.id == Volunteer.team_id)
        .where(
            ServiceRecord.status == APPROVED,
            _in(ServiceRecord.served_on, start, end),
            _after(ServiceRecord.served_on, ServiceRecord.id, after),
        )
        .order_by(ServiceRecord.served_on, ServiceRecord.id)
        .limit(limit)
    )
    return [
        ServiceExportRecord(i, day, name, phone, team or "", int(m), int(p), text or "")
        for i, day, name, phone, team, m, p, text in rows
    ]


@dataclass(frozen=True)
class RedemptionExportRecord:
    """One line of a redemption made in the period (phone unmasked here)."""

    redemption_id: int
    created_at: dt.datetime
    volunteer: str
    phone: str | None
    item: str
    quantity: int
    price: int
    status: str


def redemption_export_page(
    session: Session,
    start: dt.datetime,
    end: dt.datetime,
    after: tuple[dt.datetime, int] | None,
    limit: int,
) -> list[RedemptionExportRecord]:
    """Lines of redemptions made in the window, in time order, after the redemption
    ``after`` (its moment and id; None: from the start); a page ends at a whole
    redemption (``limit`` redemptions)."""
    ids = (
        select(Redemption.id)
        .where(_in(Redemption.created_at, start, end), _after(Redemption.created_at, Redemption.id, after))
        .order_by(Redemption.created_at, Redemption.id)
        .limit(limit)
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            Redemption.id,
            Redemption.created_at,
            Resident.name,
            Resident.phone,
            RewardItem.name,
            RedemptionLine.quantity,
            RedemptionLine.price,
            Redemption.status,
        )
        .join(RedemptionLine, RedemptionLine.redemption_id == Redemption.id)
        .join(RewardItem, RewardItem.id == RedemptionLine.item_id)
        .join(Volunteer, Volunteer.id == Redemption.volunteer_id)
        .join(Resident, Resident.id == Volunteer.resident_id)
        .where(Redemption.id.in_(ids))
        .order_by(Redemption.created_at, Redemption.id, RewardItem.id)
    )
    return [
        RedemptionExportRecord(i, at, name, phone, item, int(q), int(p), status)
        for i, at, name, phone, item, q, p, status in rows
    ]
