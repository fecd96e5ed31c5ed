"""The love bank (爱心银行): volunteers, service hours, points and the 爱心超市.

Hours are recorded (one by one or for a whole activity at once) and wait for a
coordinator; approval awards points by the administrator's rules (points per hour,
the activity's multiplier, a daily cap). Points move only through ``desktop.love_bank.ledger``.
A redemption carries an idempotency key made when its dialog opens, so a double click
or a retry after a crash makes one redemption, never two.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field

from sqlalchemy import and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import audit
from db import settings as settings_repo
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
from db.uow import Database
from desktop.common.errors import DomainError, FieldErrors, NotFound
from desktop.common.i18n import N_
from desktop.common.masking import mask_phone
from desktop.common.permissions import Actor, Permission
from desktop.love_bank import ledger

RULES_KEY = "love_bank_rules"
MAX_MINUTES_PER_DAY = 24 * 60
STARS = ((1500, 5), (1000, 4), (600, 3), (300, 2), (100, 1))  # approved hours → star level
ACTIVITY_KINDS: dict[str, int] = {  # default multiplier (percent) per kind of activity
    "助老助残": 150,
    "环境整治": 100,
    "文明劝导": 100,
    "邻里互助": 100,
    "应急救援": 200,
    "文体活动": 100,
}
PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"
COMPLETED, FROZEN, CANCELLED = "completed", "frozen", "cancelled"


def star_level(minutes: int) -> int:
    """一星 100 h, 二星 300 h, 三星 600 h, 四星 1000 h, 五星 1500 h of approved service."""
    hours = minutes / 60
    return next((stars for threshold, stars in STARS if hours >= threshold), 0)


def next_star(minutes: int) -> tuple[int, float] | None:
    """The next star level and the hours still missing, or None at five stars."""
    hours = minutes / 60
    for threshold, stars in reversed(STARS):
        if hours < threshold:
            return stars, threshold - hours
    return None


@dataclass(frozen=True)
class PointRules:
    """The administrator's rules for turning approved hours into points."""

    points_per_hour: int = 10
    daily_cap_minutes: int = 8 * 60
    reversal_threshold: int = 100  # reversing more points than this needs a director

    def points_for(self, minutes: int, multiplier_percent: int) -> int:
        return (minutes * self.points_per_hour * multiplier_percent) // (60 * 100)


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


@dataclass(frozen=True)
class StatementLine:
    id: int
    at: dt.datetime
    kind: str
    delta: int
    frozen_delta: int
    balance: int
    note: str
    username: str
    reversed: bool
    reverses_id: int | None


@dataclass(frozen=True)
class ItemRow:
    id: int
    name: str
    kind: str
    price: int
    stock: int
    handed_over_later: bool
    is_active: bool


@dataclass(frozen=True)
class RedemptionRow:
    id: int
    volunteer_id: int
    volunteer: str
    status: str
    points: int
    created_at: dt.datetime
    lines: tuple[tuple[str, int, int], ...]  # item name, quantity, price


@dataclass(frozen=True)
class RankRow:
    volunteer_id: int
    name: str
    team: str
    minutes: int
    points: int


@dataclass
class ServiceEntry:
    """One line of a batch: a volunteer and the minutes they served."""

    volunteer_id: int
    minutes: int
    description: str = ""


@dataclass
class Basket:
    """What the redemption dialog submits: item id → quantity."""

    items: dict[int, int] = field(default_factory=dict)


class LoveBankService:
    def __init__(self, db: Database, now: Callable[[], dt.datetime] = dt.datetime.now):
        self._db = db
        self._now = now

    # --- rules ---------------------------------------------------------------------------
    def rules(self) -> PointRules:
        with self._db.reading() as uow:
            raw = settings_repo.get(uow.session, RULES_KEY)
        if not raw:
            return PointRules()
        try:
            return PointRules(
                **{k: int(v) for k, v in json.loads(raw).items() if k in PointRules.__annotations__}
            )
        except (ValueError, TypeError):
            return PointRules()

    def set_rules(self, actor: Actor, rules: PointRules) -> None:
        actor.require(Permission.MANAGE_SETTINGS)
        errors: dict[str, DomainError] = {}
        if not 1 <= rules.points_per_hour <= 1000:
            errors["points_per_hour"] = DomainError(N_("Points per hour must be between 1 and 1000."))
        if not 30 <= rules.daily_cap_minutes <= MAX_MINUTES_PER_DAY:
            errors["daily_cap_minutes"] = DomainError(N_("The daily cap must be between 0.5 and 24 hours."))
        if rules.reversal_threshold < 0:
            errors["reversal_threshold"] = DomainError(N_("The threshold cannot be negative."))
        if errors:
            raise FieldErrors(errors)
        before = self.rules()
        with self._db.writing() as uow:
            settings_repo.put(uow.session, RULES_KEY, json.dumps(asdict(rules)))
            audit.record(
                uow.session,
                user_id=actor.user_id,
                username=actor.username,
                action="update",
                entity="setting",
                entity_id=RULES_KEY,
                before=asdict(before),
                after=asdict(rules),
            )
            uow.commit()

    # --- volunteers and teams ----------------------------------------------------------------
    def teams(self) -> list[tuple[int, str]]:
        with self._db.reading() as uow:
            return [
                (i, n)
                for i, n in uow.session.execute(
                    select(Team.id, Team.name).where(Team.is_active).order_by(Team.name)
                )
            ]

    def add_team(self, actor: Actor, name: str, leader: str = "") -> int:
        actor.require(Permission.MANAGE_LOVE_BANK)
        name = name.strip()
        if not name or len(name) > 32:
            raise FieldErrors({"name": DomainError(N_("Enter a team name of at most 32 characters."))})
        with self._db.writing() as uow:
            s = uow.session
            if s.scalar(select(Team.id).where(Team.name == name)) is not None:
                raise FieldErrors(
                    {"name": DomainError(N_("There is already a team named {name}."), name=name)}
                )
            team = Team(name=name, leader=leader.strip()[:64], is_active=True)
            s.add(team)
            s.flush()
            audit.record(
                s,
                user_id=actor.user_id,
                username=actor.username,
                action="create",
                entity="team",
                entity_id=team.id,
                after={"name": name, "leader": team.leader},
            )
            uow.commit()
            return team.id

    def register_volunteer(self, actor: Actor, resident_id: int, team_id: int | None = None) -> int:
        """Make a resident a volunteer (the resident record is linked, never retyped)."""
        actor.require(Permission.MANAGE_LOVE_BANK)
        with self._db.writing() as uow:
            s = uow.session
            resident = s.get(Resident, resident_id)
            if resident is None:
                raise FieldErrors({"resident": DomainError(N_("This resident no longer exists."))})
            if resident.archived:
                raise FieldErrors(
                    {"resident": DomainError(N_("This resident is archived; restore the record first."))}
                )
            existing = s.scalar(select(Volunteer).where(Volunteer.resident_id == resident_id))
            if existing is not None:
                raise FieldErrors(
                    {"resident": DomainError(N_("{name} is already a volunteer."), name=resident.name)}
                )
            if team_id is not None and s.get(Team, team_id) is None:
                raise FieldErrors({"team": DomainError(N_("This team no longer exists."))})
            volunteer = Volunteer(
                resident_id=resident_id,
                team_id=team_id,
                joined_on=self._now().date(),
                is_active=True,
                notes="",
            )
            s.add(volunteer)
            s.flush()
            s.add(PointAccount(volunteer_id=volunteer.id, available=0, frozen=0, approved_minutes=0))
            audit.record(
                s,
                user_id=actor.user_id,
                username=actor.username,
                action="create",
                entity="volunteer",
                entity_id=volunteer.id,
                after={"resident": resident.name, "team_id": team_id},
            )
            uow.commit()
            return volunteer.id

    def _volunteer_query(self, s: Session, text: str, team_id: int | None, active_only: bool):
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
        found = matches(s, ResidentFilter(text=text, include_archived=True))
        if found is not None:
            stmt = stmt.where(Volunteer.resident_id.in_(select(found.c.id)))
        if team_id is not None:
            stmt = stmt.where(Volunteer.team_id == team_id)
        if active_only:
            stmt = stmt.where(Volunteer.is_active)
        return stmt

    def count_volunteers(self, actor: Actor, text: str = "", team_id: int | None = None) -> int:
        actor.require(Permission.VIEW_LOVE_BANK)
        with self._db.reading() as uow:
            sub = self._volunteer_query(uow.session, text, team_id, False).subquery()
            return uow.session.scalar(select(func.count()).select_from(sub)) or 0

    def volunteers(
        self, actor: Actor, text: str = "", team_id: int | None = None, offset: int = 0, limit: int = 100
    ) -> list[VolunteerRow]:
        actor.require(Permission.VIEW_LOVE_BANK)
        with self._db.reading() as uow:
            stmt = self._volunteer_query(uow.session, text, team_id, False).order_by(Volunteer.id.desc())
            rows = uow.session.execute(stmt.offset(offset).limit(limit)).all()
        return [self._volunteer_row(r) for r in rows]

    def volunteer(self, actor: Actor, volunteer_id: int) -> VolunteerRow:
        actor.require(Permission.VIEW_LOVE_BANK)
        with self._db.reading() as uow:
            row = uow.session.execute(
                self._volunteer_query(uow.session, "", None, False).where(Volunteer.id == volunteer_id)
            ).first()
        if row is None:
            raise NotFound(N_("This volunteer no longer exists."))
        return self._volunteer_row(row)

    @staticmethod
    def _volunteer_row(r) -> VolunteerRow:
        minutes = r[7] or 0
        return VolunteerRow(
            id=r[0],
            resident_id=r[1],
            name=r[2],
            phone=mask_phone(r[3]),
            team=r[4] or "",
            available=r[5] or 0,
            frozen=r[6] or 0,
            hours=round(minutes / 60, 1),
            stars=star_level(minutes),
            is_active=r[8],
        )

    # --- activities and service hours --------------------------------------------------------
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
        errors: dict[str, DomainError] = {}
        title = title.strip()
        if not title or len(title) > 100:
            errors["title"] = DomainError(N_("Enter a title of at most 100 characters."))
        if held_on > self._now().date() + dt.timedelta(days=366):
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
                user_id=actor.user_id,
                username=actor.username,
                action="create",
                entity="activity",
                entity_id=activity.id,
                after={"title": title, "held_on": held_on.isoformat(), "multiplier_percent": multiplier},
            )
            uow.commit()
            return activity.id

    def activities(self, limit: int = 200) -> list[tuple[int, str, dt.date, int]]:
        with self._db.reading() as uow:
            return [
                (i, t, d, m)
                for i, t, d, m in uow.session.execute(
                    select(Activity.id, Activity.title, Activity.held_on, Activity.multiplier_percent)
                    .order_by(Activity.held_on.desc(), Activity.id.desc())
                    .limit(limit)
                )
            ]

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
        if not entries:
            raise FieldErrors({"entries": DomainError(N_("Add at least one volunteer."))})
        if served_on > self._now().date():
            raise FieldErrors({"served_on": DomainError(N_("Service cannot be recorded for a future date."))})
        now = self._now()
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
                already = (
                    s.scalar(
                        select(func.coalesce(func.sum(ServiceRecord.minutes), 0)).where(
                            ServiceRecord.volunteer_id == e.volunteer_id,
                            ServiceRecord.served_on == served_on,
                            ServiceRecord.status != REJECTED,
                        )
                    )
                    or 0
                )
                if already + e.minutes > MAX_MINUTES_PER_DAY:
                    name = s.scalar(select(Resident.name).where(Resident.id == volunteer.resident_id))
                    raise FieldErrors(
                        {
                            "minutes": DomainError(
                                N_("{name} would have more than 24 hours of service on {date}."),
                                name=name,
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
                user_id=actor.user_id,
                username=actor.username,
                action="create",
                entity="service_record",
                entity_id=",".join(map(str, ids))[:64],
                after={"served_on": served_on.isoformat(), "count": len(ids), "activity_id": activity_id},
            )
            uow.commit()
            return ids

    def service_records(
        self, actor: Actor, *, status: str | None = PENDING, volunteer_id: int | None = None, limit: int = 500
    ) -> list[ServiceRow]:
        actor.require(Permission.VIEW_LOVE_BANK)
        with self._db.reading() as uow:
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
                for r, name, title in uow.session.execute(stmt)
            ]

    def approve(self, actor: Actor, record_ids: Sequence[int]) -> int:
        """Approve pending records and award their points; returns the points awarded."""
        actor.require(Permission.MANAGE_LOVE_BANK)
        rules = self.rules()
        now = self._now()
        total = 0
        with self._db.writing() as uow:
            s = uow.session
            for rid in dict.fromkeys(record_ids):
                record = s.get(ServiceRecord, rid)
                if record is None:
                    raise NotFound(N_("This service record no longer exists."))
                if record.status != PENDING:
                    raise DomainError(N_("This record has already been decided."))
                approved_today = (
                    s.scalar(
                        select(func.coalesce(func.sum(ServiceRecord.minutes), 0)).where(
                            ServiceRecord.volunteer_id == record.volunteer_id,
                            ServiceRecord.served_on == record.served_on,
                            ServiceRecord.status == APPROVED,
                        )
                    )
                    or 0
                )
                counted = max(0, min(record.minutes, rules.daily_cap_minutes - approved_today))
                multiplier = 100
                if record.activity_id is not None:
                    multiplier = (
                        s.scalar(select(Activity.multiplier_percent).where(Activity.id == record.activity_id))
                        or 100
                    )
                points = rules.points_for(counted, multiplier)
                record.status, record.points = APPROVED, points
                record.decided_at, record.decided_by = now, actor.user_id
                if points:
                    ledger.post(
                        s,
                        actor,
                        record.volunteer_id,
                        ledger.EARN,
                        delta=points,
                        note=f"{record.served_on.isoformat()} {record.minutes / 60:g}h",
                        at=now,
                        service_record_id=record.id,
                    )
                acc = ledger.account(s, record.volunteer_id)
                acc.approved_minutes += record.minutes
                total += points
            uow.commit()
        return total

    def reject(self, actor: Actor, record_id: int, reason: str) -> None:
        actor.require(Permission.MANAGE_LOVE_BANK)
        if not reason.strip():
            raise FieldErrors({"reason": DomainError(N_("Write why the hours are rejected."))})
        with self._db.writing() as uow:
            s = uow.session
            record = s.get(ServiceRecord, record_id)
            if record is None:
                raise NotFound(N_("This service record no longer exists."))
            if record.status != PENDING:
                raise DomainError(N_("This record has already been decided."))
            record.status, record.reason = REJECTED, reason.strip()[:500]
            record.decided_at, record.decided_by = self._now(), actor.user_id
            audit.record(
                s,
                user_id=actor.user_id,
                username=actor.username,
                action="reject",
                entity="service_record",
                entity_id=record.id,
                after={"reason": record.reason},
            )
            uow.commit()

    # --- the 爱心超市 -----------------------------------------------------------------------
    def items(self, include_inactive: bool = False) -> list[ItemRow]:
        with self._db.reading() as uow:
            stmt = select(RewardItem).order_by(RewardItem.price, RewardItem.id)
            if not include_inactive:
                stmt = stmt.where(RewardItem.is_active)
            return [
                ItemRow(i.id, i.name, i.kind, i.price, i.stock, i.handed_over_later, i.is_active)
                for i in uow.session.scalars(stmt)
            ]

    def save_item(
        self,
        actor: Actor,
        *,
        name: str,
        price: object,
        stock: object,
        kind: str = "goods",
        handed_over_later: bool = False,
        item_id: int | None = None,
        is_active: bool = True,
    ) -> int:
        actor.require(Permission.MANAGE_LOVE_BANK)
        errors: dict[str, DomainError] = {}
        name = name.strip()
        if not name or len(name) > 32:
            errors["name"] = DomainError(N_("Enter a name of at most 32 characters."))
        price_value = _whole_number(price)
        if price_value is None or price_value <= 0:
            errors["price"] = DomainError(N_("The price is a whole number of points above zero."))
        stock_value = _whole_number(stock)
        if stock_value is None or stock_value < 0:
            errors["stock"] = DomainError(N_("The stock is a whole number, zero or more."))
        if kind not in ("goods", "service"):
            errors["kind"] = DomainError(N_("Choose goods or service."))
        if errors:
            raise FieldErrors(errors)
        with self._db.writing() as uow:
            s = uow.session
            clash = s.scalar(select(RewardItem.id).where(RewardItem.name == name))
            if clash is not None and clash != item_id:
                raise FieldErrors(
                    {"name": DomainError(N_("There is already an item named {name}."), name=name)}
                )
            if item_id is None:
                item = RewardItem(name=name)
                s.add(item)
                before = None
            else:
                item = s.get(RewardItem, item_id)
                if item is None:
                    raise NotFound(N_("This item no longer exists."))
                before = {"name": item.name, "price": item.price, "stock": item.stock}
            item.name, item.price, item.stock, item.kind = name, price_value, stock_value, kind
            item.handed_over_later, item.is_active = handed_over_later, is_active
            s.flush()
            audit.record(
                s,
                user_id=actor.user_id,
                username=actor.username,
                action="create" if before is None else "update",
                entity="reward_item",
                entity_id=item.id,
                before=before,
                after={"name": name, "price": price_value, "stock": stock_value},
            )
            uow.commit()
            return item.id

    def redeem(self, actor: Actor, volunteer_id: int, basket: Basket, idempotency_key: str) -> int:
        """Take items for points. The same key returns the same redemption, made once."""
        actor.require(Permission.MANAGE_LOVE_BANK)
        wanted = {i: q for i, q in basket.items.items() if q}
        if not idempotency_key:
            raise ValueError("idempotency_key")
        if not wanted:
            raise FieldErrors({"items": DomainError(N_("Choose at least one item."))})
        if any(not isinstance(q, int) or q < 0 for q in wanted.values()):
            raise FieldErrors({"items": DomainError(N_("Quantities are whole numbers above zero."))})
        now = self._now()
        try:
            with self._db.writing() as uow:
                s = uow.session
                done = s.scalar(select(Redemption.id).where(Redemption.idempotency_key == idempotency_key))
                if done is not None:
                    return done
                volunteer = s.get(Volunteer, volunteer_id)
                if volunteer is None or not volunteer.is_active:
                    raise FieldErrors(
                        {"volunteer": DomainError(N_("This person is not an active volunteer."))}
                    )
                ledger.account(s, volunteer_id)  # lock the account before anything else
                stmt = select(RewardItem).where(RewardItem.id.in_(wanted)).order_by(RewardItem.id)
                if s.get_bind().dialect.name == "postgresql":
                    stmt = stmt.with_for_update()
                items = {i.id: i for i in s.scalars(stmt)}
                total = 0
                later = False
                for item_id, quantity in wanted.items():
                    item = items.get(item_id)
                    if item is None or not item.is_active:
                        raise FieldErrors({"items": DomainError(N_("An item is no longer offered."))})
                    if item.stock < quantity:
                        raise FieldErrors(
                            {
                                "items": DomainError(
                                    N_("Only {stock} of {name} left."), stock=item.stock, name=item.name
                                )
                            }
                        )
                    total += item.price * quantity
                    later = later or item.handed_over_later
                redemption = Redemption(
                    idempotency_key=idempotency_key,
                    volunteer_id=volunteer_id,
                    status=FROZEN if later else COMPLETED,
                    points=total,
                    created_at=now,
                    created_by=actor.user_id,
                    note="",
                )
                s.add(redemption)
                s.flush()
                for item_id, quantity in wanted.items():
                    items[item_id].stock -= quantity
                    s.add(
                        RedemptionLine(
                            redemption_id=redemption.id,
                            item_id=item_id,
                            quantity=quantity,
                            price=items[item_id].price,
                        )
                    )
                names = "、".join(f"{items[i].name}×{q}" for i, q in wanted.items())
                if later:
                    ledger.post(
                        s,
                        actor,
                        volunteer_id,
                        ledger.FREEZE,
                        delta=-total,
                        frozen_delta=total,
                        note=names,
                        redemption_id=redemption.id,
                        at=now,
                    )
                else:
                    ledger.post(
                        s,
                        actor,
                        volunteer_id,
                        ledger.REDEEM,
                        delta=-total,
                        note=names,
                        redemption_id=redemption.id,
                        at=now,
                    )
                uow.commit()
                return redemption.id
        except IntegrityError:
            # Another desk committed the same key at the same moment: that one is ours.
            with self._db.reading() as uow:
                done = uow.session.scalar(
                    select(Redemption.id).where(Redemption.idempotency_key == idempotency_key)
                )
            if done is None:
                raise
            return done

    def hand_over(self, actor: Actor, redemption_id: int) -> None:
        """Goods handed over (核销): the frozen points are spent."""
        actor.require(Permission.MANAGE_LOVE_BANK)
        with self._db.writing() as uow:
            s = uow.session
            r = self._redemption(s, redemption_id)
            if r.status != FROZEN:
                raise DomainError(N_("Only a redemption waiting for handover can be handed over."))
            ledger.post(
                s,
                actor,
                r.volunteer_id,
                ledger.REDEEM,
                frozen_delta=-r.points,
                note="已核销",
                redemption_id=r.id,
                at=self._now(),
            )
            r.status, r.closed_at = COMPLETED, self._now()
            uow.commit()

    def cancel_redemption(self, actor: Actor, redemption_id: int, reason: str) -> None:
        """Give back the points (or release the frozen ones) and the stock."""
        actor.require(Permission.MANAGE_LOVE_BANK)
        if not reason.strip():
            raise FieldErrors({"reason": DomainError(N_("Write why the redemption is cancelled."))})
        with self._db.writing() as uow:
            s = uow.session
            r = self._redemption(s, redemption_id)
            if r.status == CANCELLED:
                raise DomainError(N_("This redemption has already been cancelled."))
            ledger.account(s, r.volunteer_id)
            if r.status == FROZEN:
                ledger.post(
                    s,
                    actor,
                    r.volunteer_id,
                    ledger.RELEASE,
                    delta=r.points,
                    frozen_delta=-r.points,
                    note=reason,
                    redemption_id=r.id,
                    at=self._now(),
                )
            else:
                spent = s.scalars(
                    select(LedgerEntry).where(
                        LedgerEntry.redemption_id == r.id, LedgerEntry.kind == ledger.REDEEM
                    )
                ).all()
                original = next((e for e in spent if e.delta < 0), None)
                if original is not None:
                    ledger.reverse(s, actor, original, reason, at=self._now())
                handover = next((e for e in spent if e.frozen_delta < 0), None)
                if handover is not None:  # frozen, then handed over: give the points back
                    ledger.post(
                        s,
                        actor,
                        r.volunteer_id,
                        ledger.ADJUST,
                        delta=r.points,
                        note=reason,
                        redemption_id=r.id,
                        at=self._now(),
                    )
            lines = s.scalars(select(RedemptionLine).where(RedemptionLine.redemption_id == r.id)).all()
            # Lock the items as redeem() does: two desks cancelling (or one redeeming) the
            # same item at once must not overwrite each other's stock.
            stmt = (
                select(RewardItem)
                .where(RewardItem.id.in_([line.item_id for line in lines]))
                .order_by(RewardItem.id)
            )
            if s.get_bind().dialect.name == "postgresql":
                stmt = stmt.with_for_update()
            items = {i.id: i for i in s.scalars(stmt)}
            for line in lines:
                if line.item_id in items:
                    items[line.item_id].stock += line.quantity
            r.status, r.closed_at, r.note = CANCELLED, self._now(), reason.strip()[:500]
            uow.commit()

    def _redemption(self, s: Session, redemption_id: int) -> Redemption:
        stmt = select(Redemption).where(Redemption.id == redemption_id)
        if s.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update()
        r = s.scalar(stmt)
        if r is None:
            raise NotFound(N_("This redemption no longer exists."))
        return r

    def redemptions(
        self, actor: Actor, *, volunteer_id: int | None = None, status: str | None = None, limit: int = 200
    ) -> list[RedemptionRow]:
        actor.require(Permission.VIEW_LOVE_BANK)
        with self._db.reading() as uow:
            s = uow.session
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
            out = []
            for r, name in s.execute(stmt).all():
                lines = tuple(
                    (n, q, p)
                    for n, q, p in s.execute(
                        select(RewardItem.name, RedemptionLine.quantity, RedemptionLine.price)
                        .join(RewardItem, RewardItem.id == RedemptionLine.item_id)
                        .where(RedemptionLine.redemption_id == r.id)
                    )
                )
                out.append(RedemptionRow(r.id, r.volunteer_id, name, r.status, r.points, r.created_at, lines))
            return out

    # --- corrections ---------------------------------------------------------------------
    def adjust(self, actor: Actor, volunteer_id: int, points: object, reason: str) -> int:
        actor.require(Permission.MANAGE_LOVE_BANK)
        value = _whole_number(points)
        errors: dict[str, DomainError] = {}
        if value is None or value == 0:
            errors["points"] = DomainError(
                N_("Enter a whole number of points, not zero (negative to deduct).")
            )
        if not reason.strip():
            errors["reason"] = DomainError(N_("An adjustment needs a reason."))
        if errors:
            raise FieldErrors(errors)
        assert value is not None
        with self._db.writing() as uow:
            s = uow.session
            if s.get(Volunteer, volunteer_id) is None:
                raise NotFound(N_("This volunteer no longer exists."))
            entry = ledger.post(
                s, actor, volunteer_id, ledger.ADJUST, delta=value, note=reason, at=self._now()
            )
            uow.commit()
            return entry.id

    def reverse_entry(self, actor: Actor, entry_id: int, reason: str) -> int:
        """Correct an entry by reversing it; above the threshold only a director may."""
        actor.require(Permission.MANAGE_LOVE_BANK)
        if not reason.strip():
            raise FieldErrors({"reason": DomainError(N_("A reversal needs a reason."))})
        rules = self.rules()
        with self._db.writing() as uow:
            s = uow.session
            entry = s.get(LedgerEntry, entry_id)
            if entry is None:
                raise NotFound(N_("This ledger entry no longer exists."))
            size = abs(entry.delta) + abs(entry.frozen_delta)
            if size > rules.reversal_threshold and not actor.can(Permission.APPROVE_LARGE_REVERSALS):
                raise DomainError(
                    N_("Reversing more than {n} points needs a director."), n=rules.reversal_threshold
                )
            if entry.redemption_id is not None:
                raise DomainError(N_("Cancel the redemption instead; it gives back the items' stock too."))
            reversal = ledger.reverse(s, actor, entry, reason, at=self._now())
            uow.commit()
            return reversal.id

    def expire(self, actor: Actor, earned_before: dt.date, note: str = "") -> int:
        """Year-end settlement: points earned before the date and still unspent expire.

        Spending uses the oldest points first, so what expires is what was earned before
        the date minus everything spent or deducted since the account began.
        """
        actor.require(Permission.MANAGE_SETTINGS)
        cutoff = dt.datetime.combine(earned_before, dt.time())
        total = 0
        with self._db.writing() as uow:
            s = uow.session
            gained_old = dict(
                s.execute(
                    select(LedgerEntry.volunteer_id, func.sum(LedgerEntry.delta))
                    .where(
                        LedgerEntry.delta > 0,
                        LedgerEntry.at < cutoff,
                        LedgerEntry.kind.in_((ledger.EARN, ledger.ADJUST)),
                    )
                    .group_by(LedgerEntry.volunteer_id)
                ).all()
            )
            for volunteer_id, old in gained_old.items():
                # Lock the account first, so no desk spends between the sums and the entry.
                acc = ledger.account(s, volunteer_id)
                spent = -(
                    s.scalar(
                        select(func.coalesce(func.sum(LedgerEntry.delta), 0)).where(
                            LedgerEntry.volunteer_id == volunteer_id, LedgerEntry.delta < 0
                        )
                    )
                    or 0
                )
                returned = (
                    s.scalar(
                        select(func.coalesce(func.sum(LedgerEntry.delta), 0)).where(
                            LedgerEntry.volunteer_id == volunteer_id,
                            LedgerEntry.delta > 0,
                            LedgerEntry.kind.in_((ledger.RELEASE, ledger.REVERSAL)),
                        )
                    )
                    or 0
                )
                amount = min(acc.available, max(0, int(old) - (spent - returned)))
                if amount > 0:
                    ledger.post(
                        s,
                        actor,
                        volunteer_id,
                        ledger.EXPIRE,
                        delta=-amount,
                        note=note or f"{earned_before.isoformat()} 前积分清算",
                        at=self._now(),
                    )
                    total += amount
            audit.record(
                s,
                user_id=actor.user_id,
                username=actor.username,
                action="expire",
                entity="ledger",
                after={"earned_before": earned_before.isoformat(), "points": total},
            )
            uow.commit()
        return total

    # --- statements and rankings ----------------------------------------------------------
    def statement(self, actor: Actor, volunteer_id: int) -> list[StatementLine]:
        """Every entry, oldest first, with the available balance after it."""
        actor.require(Permission.VIEW_LOVE_BANK)
        with self._db.reading() as uow:
            s = uow.session
            entries = s.scalars(
                select(LedgerEntry)
                .where(LedgerEntry.volunteer_id == volunteer_id)
                .order_by(LedgerEntry.at, LedgerEntry.id)
            ).all()
            reversed_ids = set(
                s.scalars(
                    select(LedgerEntry.reverses_id).where(
                        LedgerEntry.volunteer_id == volunteer_id, LedgerEntry.reverses_id.is_not(None)
                    )
                )
            )
            # People as colleagues know them (张志强), not by login.
            people = dict(s.execute(select(User.username, User.full_name)).all())
            balance = 0
            lines = []
            for e in entries:
                balance += e.delta
                lines.append(
                    StatementLine(
                        e.id,
                        e.at,
                        e.kind,
                        e.delta,
                        e.frozen_delta,
                        balance,
                        e.note,
                        people.get(e.username, e.username),
                        e.id in reversed_ids,
                        e.reverses_id,
                    )
                )
        return lines

    def rankings(self, actor: Actor, year: int, month: int | None = None, limit: int = 20) -> list[RankRow]:
        """志愿之星: most approved service time in a month or a year."""
        actor.require(Permission.VIEW_LOVE_BANK)
        start = dt.date(year, month or 1, 1)
        end = dt.date(year + (month == 12), (month % 12) + 1, 1) if month else dt.date(year + 1, 1, 1)
        with self._db.reading() as uow:
            rows = uow.session.execute(
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
                    and_(
                        ServiceRecord.status == APPROVED,
                        ServiceRecord.served_on >= start,
                        ServiceRecord.served_on < end,
                    )
                )
                .group_by(ServiceRecord.volunteer_id, Resident.name, Team.name)
                .order_by(func.sum(ServiceRecord.minutes).desc(), ServiceRecord.volunteer_id)
                .limit(limit)
            ).all()
        return [RankRow(v, n, t or "", int(m), int(p)) for v, n, t, m, p in rows]


def _whole_number(value: object) -> int | None:
    """Accept 12 or "12" (also full-width "１２"); refuse 1.5, "abc", True."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        import unicodedata

        text = unicodedata.normalize("NFKC", value).strip()
        if text.lstrip("-").isdigit():
            return int(text)
    return None
