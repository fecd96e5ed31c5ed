"""Activities and service hours (活动与服务时长): recorded, then approved or rejected.

Hours are recorded one by one or for a whole activity at once and wait for a
coordinator. Approval awards points by the rules in force (points per hour × the
activity's multiplier, only up to the daily cap) as one ``earn`` ledger entry; the
hours themselves always count towards the star level. A rejected record stays, with
its reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from db import love_bank as queries
from db.love_bank import APPROVED, PENDING, REJECTED
from db.models import Activity, ServiceRecord, Volunteer
from desktop.common import audit
from desktop.common.errors import DomainError, FieldErrors, NotFound
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission
from desktop.love_bank import ledger
from desktop.love_bank.base import LoveBankBase
from desktop.love_bank.rules import ACTIVITY_KINDS, MAX_MINUTES_PER_DAY, read_rules

__all__ = ["APPROVED", "PENDING", "REJECTED", "ActivityRow", "ServiceEntry", "ServiceHoursPart", "ServiceRow"]


@dataclass(frozen=True)
class ActivityRow:
    """An activity as the pick lists offer it: hours recorded for it earn ``multiplier_percent``."""

    id: int
    title: str
    held_on: dt.date
    multiplier_percent: int


@dataclass(frozen=True)
class ServiceRow:
    id: int
    volunteer_id: int
    volunteer: str
    served_on: dt.date
    minutes: int
    activity: str
    description: str
    status: str
    reason: str
    points: int


@dataclass
class ServiceEntry:
    """One line of a batch: a volunteer and the minutes they served."""

    volunteer_id: int
    minutes: int
    description: str = ""


class ServiceHoursPart(LoveBankBase):
    """Activities, recording hours, and the coordinator's decision on them."""

    def add_activity(
        self,
        actor: Actor,
        *,
        title: str,
        held_on: dt.date,
        place: str = "",
        organiser: str = "",
        kind: str = "",
        multiplier_percent: int | None = None,
    ) -> int:
        actor.require(Permission.MANAGE_LOVE_BANK)
        now = self._now()
        errors: dict[str, DomainError] = {}
        title = title.strip()
        if not title or len(title) > 100:
            errors["title"] = DomainError(N_("Enter a title of at most 100 characters."))
        if held_on > now.date() + dt.timedelta(days=366):
            errors["held_on"] = DomainError(N_("The date is too far in the future."))
        multiplier = multiplier_percent if multiplier_percent is not None else ACTIVITY_KINDS.get(kind, 100)
        if not 10 <= multiplier <= 1000:
            errors["multiplier"] = DomainError(N_("The multiplier must be between 0.1 and 10."))
        if errors:
            raise FieldErrors(errors)
        with self._db.writing() as uow:
            s = uow.session
            activity = Activity(
                title=title,
                held_on=held_on,
                place=place.strip()[:100],
                organiser=organiser.strip()[:64],
                kind=kind[:32],
                multiplier_percent=multiplier,
            )
            s.add(activity)
            s.flush()
            audit.record(
                s,
                actor,
                "create",
                "activity",
                activity.id,
                after={"title": title, "held_on": held_on.isoformat(), "multiplier_percent": multiplier},
                at=now,
            )
            uow.commit()
            return activity.id

    def activities(self, limit: int = 200) -> list[ActivityRow]:
        """The latest activities, newest first."""
        with self._db.reading() as uow:
            return [ActivityRow(*row) for row in queries.recent_activities(uow.session, limit)]

    def record_service(
        self,
        actor: Actor,
        volunteer_id: int,
        served_on: dt.date,
        minutes: int,
        activity_id: int | None = None,
        description: str = "",
    ) -> int:
        return self.record_batch(
            actor, served_on, [ServiceEntry(volunteer_id, minutes, description)], activity_id=activity_id
        )[0]

    def record_batch(
        self,
        actor: Actor,
        served_on: dt.date,
        entries: Sequence[ServiceEntry],
        activity_id: int | None = None,
    ) -> list[int]:
        """Hours for many volunteers of one activity at once: all saved, or none."""
        actor.require(Permission.MANAGE_LOVE_BANK)
        now = self._now()
        if not entries:
            raise FieldErrors({"entries": DomainError(N_("Add at least one volunteer."))})
        if served_on > now.date():
            raise FieldErrors({"served_on": DomainError(N_("Service cannot be recorded for a future date."))})
        with self._db.writing() as uow:
            s = uow.session
            if activity_id is not None and s.get(Activity, activity_id) is None:
                raise FieldErrors({"activity": DomainError(N_("This activity no longer exists."))})
            ids = []
            seen: set[int] = set()
            for e in entries:
                if not isinstance(e.minutes, int) or e.minutes <= 0:
                    raise FieldErrors({"minutes": DomainError(N_("Hours must be more than zero."))})
                if e.volunteer_id in seen:
                    raise FieldErrors({"entries": DomainError(N_("A volunteer is listed twice."))})
                seen.add(e.volunteer_id)
                volunteer = s.get(Volunteer, e.volunteer_id)
                if volunteer is None or not volunteer.is_active:
                    raise FieldErrors(
                        {"volunteer": DomainError(N_("This person is not an active volunteer."))}
                    )
                already = queries.minutes_recorded(s, e.volunteer_id, served_on)
                if already + e.minutes > MAX_MINUTES_PER_DAY:
                    raise FieldErrors(
                        {
                            "minutes": DomainError(
                                N_("{name} would have more than 24 hours of service on {date}."),
                                name=queries.volunteer_name(s, e.volunteer_id),
                                date=served_on.isoformat(),
                            )
                        }
                    )
                record = ServiceRecord(
                    volunteer_id=e.volunteer_id,
                    activity_id=activity_id,
                    served_on=served_on,
                    minutes=e.minutes,
                    description=e.description.strip()[:500],
                    status=PENDING,
                    reason="",
                    points=0,
                    created_at=now,
                    created_by=actor.user_id,
                )
                s.add(record)
                s.flush()
                ids.append(record.id)
            audit.record(
                s,
                actor,
                "create",
                "service_record",
                ",".join(map(str, ids))[:64],
                after={"served_on": served_on.isoformat(), "count": len(ids), "activity_id": activity_id},
                at=now,
            )
            uow.commit()
            return ids

    def service_records(
        self, actor: Actor, *, status: str | None = PENDING, volunteer_id: int | None = None, limit: int = 500
    ) -> list[ServiceRow]:
        """Recorded hours (by default those waiting for a decision), latest service first."""
        actor.require(Permission.VIEW_LOVE_BANK)
        with self._db.reading() as uow:
            found = queries.service_record_list(
                uow.session, status=status, volunteer_id=volunteer_id, limit=limit
            )
            return [
                ServiceRow(
                    r.id,
                    r.volunteer_id,
                    name,
                    r.served_on,
                    r.minutes,
                    title or "",
                    r.description,
                    r.status,
                    r.reason,
                    r.points,
                )
                for r, name, title in found
            ]

    def approve(self, actor: Actor, record_ids: Sequence[int]) -> int:
        """Approve pending records and award their points; returns the points awarded."""
        actor.require(Permission.MANAGE_LOVE_BANK)
        now = self._now()
        total = 0
        with self._db.writing() as uow:
            s = uow.session
            rules = read_rules(s)
            for rid in dict.fromkeys(record_ids):
                record = s.get(ServiceRecord, rid)
                if record is None:
                    raise NotFound(N_("This service record no longer exists."))
                if record.status != PENDING:
                    raise DomainError(N_("This record has already been decided."))
                approved_today = queries.minutes_approved(s, record.volunteer_id, record.served_on)
                counted = max(0, min(record.minutes, rules.daily_cap_minutes - approved_today))
                multiplier = 100
                if record.activity_id is not None:
                    multiplier = queries.activity_multiplier(s, record.activity_id) or 100
                points = rules.points_for(counted, multiplier)
                record.status, record.points = APPROVED, points
                record.decided_at, record.decided_by = now, actor.user_id
                if points:
                    ledger.post(
                        s,
                        actor,
                        record.volunteer_id,
                        ledger.EARN,
                        at=now,
                        delta=points,
                        note=ledger.service_note(record.served_on, record.minutes),
                        service_record_id=record.id,
                    )
                acc = ledger.account(s, record.volunteer_id)
                acc.approved_minutes += record.minutes
                total += points
                audit.record(
                    s,
                    actor,
                    "approve",
                    "service_record",
                    record.id,
                    after={"volunteer": record.volunteer_id, "minutes": record.minutes, "points": points},
                    at=now,
                )
            uow.commit()
        return total

    def reject(self, actor: Actor, record_id: int, reason: str) -> None:
        actor.require(Permission.MANAGE_LOVE_BANK)
        if not reason.strip():
            raise FieldErrors({"reason": DomainError(N_("Write why the hours are rejected."))})
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            record = s.get(ServiceRecord, record_id)
            if record is None:
                raise NotFound(N_("This service record no longer exists."))
            if record.status != PENDING:
                raise DomainError(N_("This record has already been decided."))
            record.status, record.reason = REJECTED, reason.strip()[:500]
            record.decided_at, record.decided_by = now, actor.user_id
            audit.record(
                s, actor, "reject", "service_record", record.id, after={"reason": record.reason}, at=now
            )
            uow.commit()
