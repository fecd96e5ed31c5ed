"""The rows under a report's figures, as the Excel export lists them: the requests, the
approved service hours and the redemptions of a period, a page at a time (by the last
id), never a whole table. Phones and ID numbers come unmasked; ``desktop.reports``
masks them before anything is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, select
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
    session: Session, start: dt.datetime, end: dt.datetime, after_id: int, limit: int
) -> list[RequestExportRecord]:
    """Up to ``limit`` requests registered in the window with an id above ``after_id``,
    in id order (page through them by the last id)."""
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
        .where(_in(Request.registered_at, start, end), Request.status != MERGED, Request.id > after_id)
        .order_by(Request.id)
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
    session: Session, start: dt.date, end: dt.date, after_id: int, limit: int
) -> list[ServiceExportRecord]:
    """Up to ``limit`` approved service records served in the window, id above ``after_id``."""
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
            ServiceRecord.id > after_id,
        )
        .order_by(ServiceRecord.id)
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
    session: Session, start: dt.datetime, end: dt.datetime, after_id: int, limit: int
) -> list[RedemptionExportRecord]:
    """Lines of redemptions made in the window, redemption id above ``after_id``; a page
    ends at a whole redemption (``limit`` redemptions)."""
    ids = (
        select(Redemption.id)
        .where(_in(Redemption.created_at, start, end), Redemption.id > after_id)
        .order_by(Redemption.id)
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
        .order_by(Redemption.id, RewardItem.id)
    )
    return [
        RedemptionExportRecord(i, at, name, phone, item, int(q), int(p), status)
        for i, at, name, phone, item, q, p, status in rows
    ]
