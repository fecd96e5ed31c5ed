"""Volunteers and their teams (志愿者与服务队).

A volunteer is always a resident of the register, linked and never retyped, so a phone
number corrected at reception is corrected here too. Lists show the cached point
account and the star level earned by approved hours; phones are shown masked.
"""

from __future__ import annotations

from dataclasses import dataclass

from db import love_bank as queries
from db.love_bank import VolunteerRecord
from db.models import PointAccount, Resident, Team, Volunteer
from desktop.common import audit
from desktop.common.errors import DomainError, FieldErrors, NotFound
from desktop.common.i18n import N_
from desktop.common.masking import mask_phone
from desktop.common.permissions import Actor, Permission
from desktop.common.validation import NAME_MAX, check_text, search_text
from desktop.love_bank.base import LoveBankBase
from desktop.love_bank.rules import star_level


@dataclass(frozen=True)
class TeamRow:
    """A volunteer team as the pick lists offer it."""

    id: int
    name: str


@dataclass(frozen=True)
class VolunteerRow:
    id: int
    resident_id: int
    name: str
    phone: str  # masked
    team: str
    available: int
    frozen: int
    hours: float
    stars: int
    is_active: bool


def _row(r: VolunteerRecord) -> VolunteerRow:
    return VolunteerRow(
        id=r.id,
        resident_id=r.resident_id,
        name=r.name,
        phone=mask_phone(r.phone),
        team=r.team,
        available=r.available,
        frozen=r.frozen,
        hours=round(r.approved_minutes / 60, 1),
        stars=star_level(r.approved_minutes),
        is_active=r.is_active,
    )


class VolunteersPart(LoveBankBase):
    """Teams, registering residents as volunteers, and the volunteer lists."""

    def teams(self) -> list[TeamRow]:
        """The active teams, by name."""
        with self._db.reading() as uow:
            return [TeamRow(team_id, name) for team_id, name in queries.active_teams(uow.session)]

    def add_team(self, actor: Actor, name: str, leader: str = "") -> int:
        actor.require(Permission.MANAGE_LOVE_BANK)
        name = check_text(name, None, field="name")
        leader = check_text(leader, NAME_MAX, field="leader")
        if not name or len(name) > 32:
            raise FieldErrors({"name": DomainError(N_("Enter a team name of at most 32 characters."))})
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            if queries.team_named(s, name) is not None:
                raise FieldErrors(
                    {"name": DomainError(N_("There is already a team named {name}."), name=name)}
                )
            team = Team(name=name, leader=leader.strip()[:64], is_active=True)
            s.add(team)
            s.flush()
            audit.record(
                s, actor, "create", "team", team.id, after={"name": name, "leader": team.leader}, at=now
            )
            uow.commit()
            return team.id

    def register_volunteer(self, actor: Actor, resident_id: int, team_id: int | None = None) -> int:
        """Make a resident a volunteer (the resident record is linked, never retyped)."""
        actor.require(Permission.MANAGE_LOVE_BANK)
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            resident = s.get(Resident, resident_id)
            if resident is None:
                raise FieldErrors({"resident": DomainError(N_("This resident no longer exists."))})
            if resident.archived:
                raise FieldErrors(
                    {"resident": DomainError(N_("This resident is archived; restore the record first."))}
                )
            if queries.volunteer_of_resident(s, resident_id) is not None:
                raise FieldErrors(
                    {"resident": DomainError(N_("{name} is already a volunteer."), name=resident.name)}
                )
            if team_id is not None and s.get(Team, team_id) is None:
                raise FieldErrors({"team": DomainError(N_("This team no longer exists."))})
            volunteer = Volunteer(
                resident_id=resident_id,
                team_id=team_id,
                joined_on=now.date(),
                is_active=True,
                notes="",
            )
            s.add(volunteer)
            s.flush()
            s.add(PointAccount(volunteer_id=volunteer.id, available=0, frozen=0, approved_minutes=0))
            audit.record(
                s,
                actor,
                "create",
                "volunteer",
                volunteer.id,
                after={"resident": resident.name, "team_id": team_id},
                at=now,
            )
            uow.commit()
            return volunteer.id

    def count_volunteers(self, actor: Actor, text: str = "", team_id: int | None = None) -> int:
        actor.require(Permission.VIEW_LOVE_BANK)
        with self._db.reading() as uow:
            return queries.count_volunteers(uow.session, search_text(text), team_id)

    def volunteers(
        self, actor: Actor, text: str = "", team_id: int | None = None, offset: int = 0, limit: int = 100
    ) -> list[VolunteerRow]:
        """One page of the volunteers matching the search text, newest first."""
        actor.require(Permission.VIEW_LOVE_BANK)
        with self._db.reading() as uow:
            records = queries.volunteer_page(uow.session, search_text(text), team_id, offset, limit)
        return [_row(r) for r in records]

    def volunteer(self, actor: Actor, volunteer_id: int) -> VolunteerRow:
        actor.require(Permission.VIEW_LOVE_BANK)
        with self._db.reading() as uow:
            record = queries.volunteer_record(uow.session, volunteer_id)
        if record is None:
            raise NotFound(N_("This volunteer no longer exists."))
        return _row(record)
