"""Volunteers who come with a history: a roster's 累计服务时长 and 积分余额 brought in.

A centre adopting the app already keeps a 志愿者花名册 with each volunteer's hours and
points. Importing it (``desktop.exchange``) must make the star levels and balances right
from day one, and ``main.py check`` must still reconcile, so the history enters the way
every movement does:

* the hours as one approved service record (``期初累计服务时长``) dated the day the
  volunteer joined, which moves ``approved_minutes`` like an approval does, with no
  points of its own;
* the points as one ``opening`` ledger entry through :func:`desktop.love_bank.ledger.post`
  (append-only, the cached balance moved with it), signed by the importing user.

The function works inside the caller's transaction and never commits: the importer makes
a whole file of residents and volunteers in one transaction, nothing half-imported. It is
handed to the importer by ``desktop.opening`` (jobs do not import each other).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from db import love_bank as queries
from db.love_bank import APPROVED, OPENING
from db.models import PointAccount, Resident, ServiceRecord, Team, Volunteer
from desktop.common import audit
from desktop.common.errors import DomainError
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission
from desktop.love_bank import ledger

HOURS_NOTE = "期初累计服务时长（导入）"
POINTS_NOTE = "期初积分余额（导入）"


def team_id_for(session: Session, actor: Actor, name: str, *, at: dt.datetime) -> int | None:
    """The id of the team called ``name``, made (and audited) if there is none yet."""
    name = name.strip()[:32]
    if not name:
        return None
    found = queries.team_named(session, name)
    if found is not None:
        return found
    team = Team(name=name, leader="", is_active=True)
    session.add(team)
    session.flush()
    audit.record(session, actor, "create", "team", team.id, after={"name": name, "leader": ""}, at=at)
    return team.id


def enrol_with_history(
    session: Session,
    actor: Actor,
    *,
    resident_id: int,
    team: str,
    joined_on: dt.date,
    minutes: int,
    points: int,
    at: dt.datetime,
) -> int:
    """Make the resident a volunteer with their earlier hours and points; the volunteer's id.

    Raises ``DomainError`` if the resident is already a volunteer or the amounts are
    negative. Runs in the caller's transaction.
    """
    actor.require(Permission.MANAGE_LOVE_BANK)
    if minutes < 0 or points < 0:
        raise DomainError(N_("Earlier hours and points cannot be negative."))
    resident = session.get(Resident, resident_id)
    if resident is None:
        raise DomainError(N_("This resident no longer exists."))
    if queries.volunteer_of_resident(session, resident_id) is not None:
        raise DomainError(N_("{name} is already a volunteer."), name=resident.name)
    volunteer = Volunteer(
        resident_id=resident_id,
        team_id=team_id_for(session, actor, team, at=at),
        joined_on=joined_on,
        is_active=True,
        notes="",
    )
    session.add(volunteer)
    session.flush()
    account = PointAccount(volunteer_id=volunteer.id, available=0, frozen=0, approved_minutes=0)
    session.add(account)
    if minutes:
        session.add(
            ServiceRecord(
                volunteer_id=volunteer.id,
                activity_id=None,
                served_on=joined_on,
                minutes=minutes,
                description=HOURS_NOTE,
                status=APPROVED,
                reason="",
                points=0,
                created_at=at,
                created_by=actor.user_id,
                decided_at=at,
                decided_by=actor.user_id,
            )
        )
        account.approved_minutes += minutes
    session.flush()
    if points:
        ledger.post(session, actor, volunteer.id, OPENING, at=at, delta=points, note=POINTS_NOTE)
    return volunteer.id
