"""Queries of the love bank (爱心银行): volunteers, service hours, the ledger and the 爱心超市.

The services in ``desktop.love_bank`` decide *what* may happen (rules, permissions,
messages); this module holds *how* it is read from and locked in the database, so the
services read as domain rules and every statement over the love-bank tables is in one
place. Functions take the caller's session, never commit, and return ORM rows, plain
values or the small records below.

Locks: a row that is about to change under a rule (a volunteer's point account, a
redemption, the items of a basket) is read ``FOR UPDATE`` on PostgreSQL; on SQLite the
write transaction (``BEGIN IMMEDIATE``) already holds the whole database. Rows are
locked in id order, so two desks never wait for each other in a circle.

The words stored in the ``status`` and ``kind`` columns are defined here too, because
the queries select by them; ``desktop.love_bank`` re-exports them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from db.models import (
    Activity,
    LedgerEntry,
    PointAccount,
    Redemption,
    RedemptionLine,
    Resident,
    RewardItem,
    ServiceRecord,
    Team,
    User,
    Volunteer,
)
from db.residents import ResidentFilter, matches

# service_record.status
PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"
# redemption.status
COMPLETED, FROZEN, CANCELLED = "completed", "frozen", "cancelled"
# ledger_entry.kind
EARN = "earn"
REDEEM = "redeem"
FREEZE = "freeze"
RELEASE = "release"
ADJUST = "adjust"
EXPIRE = "expire"
REVERSAL = "reversal"
OPENING = "opening"  # the balance a volunteer brought from an earlier register (imports)
KINDS = (EARN, REDEEM, FREEZE, RELEASE, ADJUST, EXPIRE, REVERSAL, OPENING)

_S = TypeVar("_S", bound=Select)


def _locked(session: Session, stmt: _S) -> _S:
    """``stmt`` taken ``FOR UPDATE`` on PostgreSQL (SQLite's write transaction locks all)."""
    if session.get_bind().dialect.name == "postgresql":
        return stmt.with_for_update()
    return stmt


# --- teams and volunteers ----------------------------------------------------------------
def active_teams(session: Session) -> list[tuple[int, str]]:
    """(id, name) of the teams still working, by name."""
    rows = session.execute(select(Team.id, Team.name).where(Team.is_active).order_by(Team.name))
    return [(team_id, name) for team_id, name in rows]


def team_named(session: Session, name: str) -> int | None:
    """The id of the team called exactly ``name`` (active or not), if any."""
    return session.scalar(select(Team.id).where(Team.name == name))


def volunteer_of_resident(session: Session, resident_id: int) -> Volunteer | None:
    """The volunteer record of a resident (a resident is a volunteer at most once)."""
    return session.scalar(select(Volunteer).where(Volunteer.resident_id == resident_id))


def volunteer_name(session: Session, volunteer_id: int) -> str | None:
    """The volunteer's name as the resident register has it."""
    return session.scalar(
        select(Resident.name)
        .join(Volunteer, Volunteer.resident_id == Resident.id)
        .where(Volunteer.id == volunteer_id)
    )


@dataclass(frozen=True)
class VolunteerRecord:
    """A volunteer as the lists show them: the resident, the team and the cached account."""

    id: int
    resident_id: int
    name: str
    phone: str  # unmasked; the service masks it
    team: str
    available: int
    frozen: int
    approved_minutes: int
    is_active: bool


def _volunteers(session: Session, text: str, team_id: int | None) -> Select:
    stmt = (
        select(
            Volunteer.id,
            Volunteer.resident_id,
            Resident.name,
            Resident.phone,
            Team.name,
            PointAccount.available,
            PointAccount.frozen,
            PointAccount.approved_minutes,
            Volunteer.is_active,
        )
        .join(Resident, Resident.id == Volunteer.resident_id)
        .outerjoin(Team, Team.id == Volunteer.team_id)
        .outerjoin(PointAccount, PointAccount.volunteer_id == Volunteer.id)
    )
    # Volunteers are found the way residents are (name, pinyin initials, phone, address),
    # archived residents included: a volunteer's history outlives the register entry.
    found = matches(session, ResidentFilter(text=text, include_archived=True))
    if found is not None:
        stmt = stmt.where(Volunteer.resident_id.in_(select(found.c.id)))
    if team_id is not None:
        stmt = stmt.where(Volunteer.team_id == team_id)
    return stmt


def _volunteer_record(row) -> VolunteerRecord:
    return VolunteerRecord(
        id=row[0],
        resident_id=row[1],
        name=row[2],
        phone=row[3],
        team=row[4] or "",
        available=row[5] or 0,
        frozen=row[6] or 0,
        approved_minutes=row[7] or 0,
        is_active=row[8],
    )


def count_volunteers(session: Session, text: str = "", team_id: int | None = None) -> int:
    """How many volunteers match the search text and team."""
    sub = _volunteers(session, text, team_id).subquery()
    return session.scalar(select(func.count()).select_from(sub)) or 0


def volunteer_page(
    session: Session, text: str = "", team_id: int | None = None, offset: int = 0, limit: int = 100
) -> list[VolunteerRecord]:
    """One page of the matching volunteers, newest first."""
    stmt = _volunteers(session, text, team_id).order_by(Volunteer.id.desc()).offset(offset).limit(limit)
    return [_volunteer_record(row) for row in session.execute(stmt)]


def volunteer_record(session: Session, volunteer_id: int) -> VolunteerRecord | None:
    """One volunteer as the lists show them, or None if there is no such volunteer."""
    row = session.execute(_volunteers(session, "", None).where(Volunteer.id == volunteer_id)).first()
    return None if row is None else _volunteer_record(row)


# --- activities and service hours -------------------------------------------------------
def recent_activities(session: Session, limit: int = 200) -> list[tuple[int, str, dt.date, int]]:
    """(id, title, date, multiplier percent) of the latest activities, newest first."""
    rows = session.execute(
        select(Activity.id, Activity.title, Activity.held_on, Activity.multiplier_percent)
        .order_by(Activity.held_on.desc(), Activity.id.desc())
        .limit(limit)
    )
    return [(activity_id, title, held_on, multiplier) for activity_id, title, held_on, multiplier in rows]


def activity_multiplier(session: Session, activity_id: int) -> int | None:
    """The activity's points multiplier in percent, or None if the activity is gone."""
    return session.scalar(select(Activity.multiplier_percent).where(Activity.id == activity_id))


def _minutes_on(session: Session, volunteer_id: int, day: dt.date, *condition) -> int:
    return (
        session.scalar(
            select(func.coalesce(func.sum(ServiceRecord.minutes), 0)).where(
                ServiceRecord.volunteer_id == volunteer_id, ServiceRecord.served_on == day, *condition
            )
        )
        or 0
    )


def minutes_recorded(session: Session, volunteer_id: int, day: dt.date) -> int:
    """Minutes of service recorded for the volunteer on ``day``, pending or approved."""
    return _minutes_on(session, volunteer_id, day, ServiceRecord.status != REJECTED)


def minutes_approved(session: Session, volunteer_id: int, day: dt.date) -> int:
    """Minutes of service already approved for the volunteer on ``day``."""
    return _minutes_on(session, volunteer_id, day, ServiceRecord.status == APPROVED)


def service_record_list(
    session: Session, *, status: str | None = None, volunteer_id: int | None = None, limit: int = 500
) -> list[tuple[ServiceRecord, str, str | None]]:
    """(record, volunteer's name, activity title or None), latest service first."""
    stmt = (
        select(ServiceRecord, Resident.name, Activity.title)
        .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
        .join(Resident, Resident.id == Volunteer.resident_id)
        .outerjoin(Activity, Activity.id == ServiceRecord.activity_id)
        .order_by(ServiceRecord.served_on.desc(), ServiceRecord.id.desc())
        .limit(limit)
    )
    if status is not None:
        stmt = stmt.where(ServiceRecord.status == status)
    if volunteer_id is not None:
        stmt = stmt.where(ServiceRecord.volunteer_id == volunteer_id)
    return [(record, name, title) for record, name, title in session.execute(stmt)]


# --- the 爱心超市 -------------------------------------------------------------------------
def reward_items(session: Session, *, include_inactive: bool = False) -> list[RewardItem]:
    """The items on offer (or all of them), cheapest first."""
    stmt = select(RewardItem).order_by(RewardItem.price, RewardItem.id)
    if not include_inactive:
        stmt = stmt.where(RewardItem.is_active)
    return list(session.scalars(stmt))


def item_named(session: Session, name: str) -> int | None:
    """The id of the item called exactly ``name``, if any."""
    return session.scalar(select(RewardItem.id).where(RewardItem.name == name))


def lock_items(session: Session, item_ids: Iterable[int]) -> dict[int, RewardItem]:
    """The items by id, locked in id order so their stock can change (missing ids are left out)."""
    stmt = select(RewardItem).where(RewardItem.id.in_(list(item_ids))).order_by(RewardItem.id)
    return {item.id: item for item in session.scalars(_locked(session, stmt))}


def redemption_for_key(session: Session, idempotency_key: str) -> int | None:
    """The redemption already made with this idempotency key, if any."""
    return session.scalar(select(Redemption.id).where(Redemption.idempotency_key == idempotency_key))


def lock_redemption(session: Session, redemption_id: int) -> Redemption | None:
    """The redemption, locked so its status can change; None if there is no such redemption."""
    stmt = select(Redemption).where(Redemption.id == redemption_id)
    return session.scalar(_locked(session, stmt))


def redemption_lines(session: Session, redemption_id: int) -> list[RedemptionLine]:
    """The items and quantities of one redemption."""
    return list(session.scalars(select(RedemptionLine).where(RedemptionLine.redemption_id == redemption_id)))


def redemption_line_items(session: Session, redemption_id: int) -> list[tuple[str, int, int]]:
    """(item name, quantity, price) of each line of one redemption."""
    rows = session.execute(
        select(RewardItem.name, RedemptionLine.quantity, RedemptionLine.price)
        .join(RewardItem, RewardItem.id == RedemptionLine.item_id)
        .where(RedemptionLine.redemption_id == redemption_id)
    )
    return [(name, quantity, price) for name, quantity, price in rows]


def redemption_list(
    session: Session, *, volunteer_id: int | None = None, status: str | None = None, limit: int = 200
) -> list[tuple[Redemption, str]]:
    """(redemption, volunteer's name), newest first."""
    stmt = (
        select(Redemption, Resident.name)
        .join(Volunteer, Volunteer.id == Redemption.volunteer_id)
        .join(Resident, Resident.id == Volunteer.resident_id)
        .order_by(Redemption.id.desc())
        .limit(limit)
    )
    if volunteer_id is not None:
        stmt = stmt.where(Redemption.volunteer_id == volunteer_id)
    if status is not None:
        stmt = stmt.where(Redemption.status == status)
    return [(redemption, name) for redemption, name in session.execute(stmt)]


def redemption_entries(session: Session, redemption_id: int, kind: str) -> list[LedgerEntry]:
    """The ledger entries of one kind that a redemption made."""
    return list(
        session.scalars(
            select(LedgerEntry).where(LedgerEntry.redemption_id == redemption_id, LedgerEntry.kind == kind)
        )
    )


# --- the ledger --------------------------------------------------------------------------
def lock_account(session: Session, volunteer_id: int) -> PointAccount:
    """The volunteer's point account, locked for the rest of the transaction (made if missing)."""
    stmt = _locked(session, select(PointAccount).where(PointAccount.volunteer_id == volunteer_id))
    row = session.scalar(stmt)
    if row is None:
        row = PointAccount(volunteer_id=volunteer_id, available=0, frozen=0, approved_minutes=0)
        session.add(row)
        session.flush()
        if session.get_bind().dialect.name == "postgresql":
            session.scalar(stmt)  # lock the row just made
    return row


def reversal_of(session: Session, entry_id: int) -> int | None:
    """The id of the entry that reverses ``entry_id``, if it has been reversed."""
    return session.scalar(select(LedgerEntry.id).where(LedgerEntry.reverses_id == entry_id))


def ledger_sums(session: Session, volunteer_id: int) -> tuple[int, int]:
    """(available, frozen) as the sums of the volunteer's ledger entries."""
    row = session.execute(
        select(
            func.coalesce(func.sum(LedgerEntry.delta), 0),
            func.coalesce(func.sum(LedgerEntry.frozen_delta), 0),
        ).where(LedgerEntry.volunteer_id == volunteer_id)
    ).one()
    return int(row[0]), int(row[1])


def mismatches(session: Session) -> list[str]:
    """Point accounts whose cached sums differ from the ledger and the approved service records.

    ``main.py check`` reports these: ``available``/``frozen`` must equal the sums of the
    account's ledger entries and ``approved_minutes`` the approved minutes of its records.
    """
    ledger = {
        volunteer_id: (int(available), int(frozen))
        for volunteer_id, available, frozen in session.execute(
            select(
                LedgerEntry.volunteer_id, func.sum(LedgerEntry.delta), func.sum(LedgerEntry.frozen_delta)
            ).group_by(LedgerEntry.volunteer_id)
        )
    }
    accounts = list(session.scalars(select(PointAccount)))
    problems = []
    for acc in accounts:
        available, frozen = ledger.pop(acc.volunteer_id, (0, 0))
        if (acc.available, acc.frozen) != (available, frozen):
            problems.append(
                f"point_account volunteer={acc.volunteer_id}: cached {acc.available}/{acc.frozen}, "
                f"ledger {available}/{frozen}"
            )
    for volunteer_id, (available, frozen) in ledger.items():
        if available or frozen:
            problems.append(f"point_account volunteer={volunteer_id}: missing, ledger {available}/{frozen}")
    approved = dict(
        session.execute(
            select(ServiceRecord.volunteer_id, func.sum(ServiceRecord.minutes))
            .where(ServiceRecord.status == APPROVED)
            .group_by(ServiceRecord.volunteer_id)
        ).all()
    )
    for acc in accounts:
        cached, minutes = acc.approved_minutes, int(approved.get(acc.volunteer_id) or 0)
        if minutes != cached:
            problems.append(
                f"point_account volunteer={acc.volunteer_id}: cached {cached} approved minutes, "
                f"records {minutes}"
            )
    return problems


def gains_before(session: Session, cutoff: dt.datetime, kinds: Collection[str]) -> dict[int, int]:
    """Per volunteer, the points gained (positive entries of ``kinds``) before ``cutoff``."""
    rows = session.execute(
        select(LedgerEntry.volunteer_id, func.sum(LedgerEntry.delta))
        .where(LedgerEntry.delta > 0, LedgerEntry.at < cutoff, LedgerEntry.kind.in_(tuple(kinds)))
        .group_by(LedgerEntry.volunteer_id)
    )
    return {volunteer_id: int(points) for volunteer_id, points in rows}


def points_taken(session: Session, volunteer_id: int) -> int:
    """All points ever taken from the available balance (the negative entries), as a positive sum."""
    taken = session.scalar(
        select(func.coalesce(func.sum(LedgerEntry.delta), 0)).where(
            LedgerEntry.volunteer_id == volunteer_id, LedgerEntry.delta < 0
        )
    )
    return -int(taken or 0)


def points_given_back(session: Session, volunteer_id: int, kinds: Collection[str]) -> int:
    """Points returned to the available balance by positive entries of ``kinds``."""
    given = session.scalar(
        select(func.coalesce(func.sum(LedgerEntry.delta), 0)).where(
            LedgerEntry.volunteer_id == volunteer_id,
            LedgerEntry.delta > 0,
            LedgerEntry.kind.in_(tuple(kinds)),
        )
    )
    return int(given or 0)


# --- statements and rankings -------------------------------------------------------------
def ledger_entries(session: Session, volunteer_id: int) -> list[LedgerEntry]:
    """Every entry of the volunteer, oldest first."""
    return list(
        session.scalars(
            select(LedgerEntry)
            .where(LedgerEntry.volunteer_id == volunteer_id)
            .order_by(LedgerEntry.at, LedgerEntry.id)
        )
    )


def entry_services(session: Session, volunteer_id: int) -> dict[int, tuple[dt.date, int]]:
    """Entry id → (day served, minutes) of the service record each earning entry pays for."""
    rows = session.execute(
        select(LedgerEntry.id, ServiceRecord.served_on, ServiceRecord.minutes)
        .join(ServiceRecord, ServiceRecord.id == LedgerEntry.service_record_id)
        .where(LedgerEntry.volunteer_id == volunteer_id)
    )
    return {entry_id: (served_on, int(minutes)) for entry_id, served_on, minutes in rows}


def reversed_entry_ids(session: Session, volunteer_id: int) -> set[int]:
    """The ids of the volunteer's entries that a reversal has corrected."""
    return set(
        session.scalars(
            select(LedgerEntry.reverses_id).where(
                LedgerEntry.volunteer_id == volunteer_id, LedgerEntry.reverses_id.is_not(None)
            )
        )
    )


def staff_names(session: Session) -> dict[str, str]:
    """Login → full name of every user (colleagues know 张志强, not zhangzq)."""
    return {
        username: full_name for username, full_name in session.execute(select(User.username, User.full_name))
    }


@dataclass(frozen=True)
class RankRecord:
    """A volunteer's approved service in a period."""

    volunteer_id: int
    name: str
    team: str
    minutes: int
    points: int


def service_ranking(session: Session, start: dt.date, end: dt.date, limit: int = 20) -> list[RankRecord]:
    """Volunteers by approved service minutes served in ``[start, end)``, most first."""
    rows = session.execute(
        select(
            ServiceRecord.volunteer_id,
            Resident.name,
            Team.name,
            func.sum(ServiceRecord.minutes),
            func.sum(ServiceRecord.points),
        )
        .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
        .join(Resident, Resident.id == Volunteer.resident_id)
        .outerjoin(Team, Team.id == Volunteer.team_id)
        .where(
            ServiceRecord.status == APPROVED,
            ServiceRecord.served_on >= start,
            ServiceRecord.served_on < end,
        )
        .group_by(ServiceRecord.volunteer_id, Resident.name, Team.name)
        .order_by(func.sum(ServiceRecord.minutes).desc(), ServiceRecord.volunteer_id)
        .limit(limit)
    )
    return [RankRecord(v, name, team or "", int(m), int(p)) for v, name, team, m, p in rows]
