"""Demo love bank: teams, volunteers, activities, service hours, points and the 爱心超市.

Volunteers are drawn from the demo residents (never archived ones, no children) and
given a history consistent with the rules, so the check command finds nothing wrong:

* service records — mostly approved, awarding points by the default rules (10 points
  per hour × the activity's multiplier; one record per volunteer per day, never above
  the daily cap), recent ones partly still pending, a few rejected with a reason;
* the ledger — one entry per approval, redemption, freeze, handover, release and
  reversal, signed by the coordinator demo user (xietiao), timed so that no balance
  was ever below zero; a few adjustments (rewards, corrections) and reversals;
* 爱心超市 — goods handed over at once, services (理发, 家电维修, 上门保洁) handed over
  later with the points frozen until then; a few redemptions cancelled, points given
  back; stock left over, some of it low;
* ``point_account`` holds exactly the sums of the ledger (available, frozen) and of the
  approved service minutes.

A few volunteers of long standing reach one to three stars. Rows are written with Core
executemany in chunks: ``centre`` makes 300 volunteers, 40 activities, about 6,000
service records and ledger entries and 150 redemptions (0.5 s); ``district`` 20,000
volunteers in 100 teams, 600 activities, about 390,000 records, as many ledger entries
and 10,000 redemptions (about 25 s on the 2-core test machines).
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select, text
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
from desktop.love_bank import ledger
from desktop.love_bank.service import (
    ACTIVITY_KINDS,
    APPROVED,
    CANCELLED,
    COMPLETED,
    FROZEN,
    PENDING,
    REJECTED,
    PointRules,
)


@dataclass(frozen=True)
class LoveBankScale:
    volunteers: int
    activities: int
    participants: tuple[int, int]  # volunteers per activity
    stock_factor: int


SCALES = {
    "centre": LoveBankScale(volunteers=300, activities=40, participants=(8, 30), stock_factor=1),
    "district": LoveBankScale(volunteers=20_000, activities=600, participants=(15, 80), stock_factor=20),
}
COUNTS = {name: s.volunteers for name, s in SCALES.items()}  # for the progress bar

TEAMS = ("夕阳红志愿服务队", "巾帼志愿服务队", "青年志愿服务队", "党员先锋队", "邻里守望志愿服务队")
# District teams are one set per community.
COMMUNITIES = (
    "幸福",
    "和平",
    "光明",
    "新华",
    "友谊",
    "团结",
    "建设",
    "胜利",
    "东风",
    "向阳",
    "长安",
    "繁荣",
    "金山",
    "青年",
    "公园",
    "华光",
    "兴业",
    "民生",
    "振华",
    "铁山",
)

# name, kind, price, stock at the centre, handed over later
ITEMS: tuple[tuple[str, str, int, int, bool], ...] = (
    ("牙膏牙刷套装", "goods", 8, 2, False),
    ("挂面", "goods", 10, 48, False),
    ("抽纸一提", "goods", 10, 35, False),
    ("鸡蛋一盒", "goods", 12, 20, False),
    ("洗衣液", "goods", 15, 3, False),
    ("雨伞", "goods", 20, 1, False),
    ("理发服务", "service", 20, 30, True),
    ("食用油", "goods", 25, 16, False),
    ("大米5kg", "goods", 30, 40, False),
    ("保温杯", "goods", 35, 6, False),
    ("上门保洁", "service", 40, 5, True),
    ("家电维修", "service", 50, 8, True),
)

ACTIVITY_TITLES: dict[str, tuple[str, ...]] = {
    "助老助残": ("重阳节敬老慰问", "独居老人集中探访", "助残日志愿服务", "老年食堂助餐"),
    "环境整治": ("小区环境大扫除", "背街小巷清洁行动", "垃圾分类宣传引导", "楼道杂物清理"),
    "文明劝导": ("文明交通劝导", "文明养犬宣传", "创城文明劝导", "电动车安全充电宣传"),
    "邻里互助": ("邻里节便民服务", "义务理发进社区", "家电义务维修", "便民缝补服务"),
    "应急救援": ("防汛应急值守", "冬季扫雪除冰", "消防安全应急演练"),
    "文体活动": ("社区广场舞展演", "暑期青少年课堂", "春节写春联送福字", "全民健身日活动"),
}
PLACES = (
    "社区党群服务中心",
    "社区文化广场",
    "社区新时代文明实践站",
    "小区北门",
    "社区老年活动室",
    "辖区各小区",
)
DAILY_SERVICES = (
    "探访独居老人",
    "陪同老人就医",
    "楼道卫生清扫",
    "社区图书室值班",
    "为行动不便的邻居代购生活用品",
    "垃圾分类桶边督导",
    "助餐点送餐上门",
    "政策宣传入户",
    "协助社区健康体检",
    "党群服务中心窗口引导",
)
REJECT_REASONS = ("服务时长与签到记录不符", "重复申报", "活动未经报备，无法核实")
CANCEL_GOODS = ("志愿者申请取消", "物品有质量问题，退回", "兑换错误，重新办理")
CANCEL_SERVICE = ("志愿者申请取消", "服务时间无法安排", "兑换错误，重新办理")
REWARDS = (("优秀志愿者表彰奖励", 50), ("年度服务之星奖励", 100), ("志愿服务技能培训结业奖励", 20))
CORRECTIONS = (("误录积分更正", -10), ("重复计分扣回", -20))
REVERSAL_NOTE = "重复申报，予以冲正"

# Kinds of volunteer: share, service records (min, max), minutes per record (min, max),
# weight when chosen for an activity, years since joining (min, max), redemptions.
TIERS = (
    ("casual", 60, (2, 10), (60, 240), 1, (0.1, 2), (0, 0, 0, 0, 0, 1)),
    ("regular", 25, (10, 30), (120, 300), 3, (1, 3), (0, 0, 1, 1, 2)),
    ("active", 10, (30, 60), (120, 360), 6, (1, 4), (0, 1, 2)),
    ("core", 5, (90, 160), (180, 360), 10, (3, 6), (1, 2, 3)),
)


@dataclass
class _Volunteer:
    id: int
    resident_id: int
    name: str
    team: int | None
    joined_on: dt.date
    tier: tuple
    activity_days: dict[dt.date, int]  # day → activity id


def _moment(
    rng: random.Random, day: dt.date, start: int = 8 * 60 + 30, end: int = 17 * 60 + 30
) -> dt.datetime:
    minute = rng.randint(start, end)
    return dt.datetime.combine(day, dt.time(minute // 60, minute % 60, rng.randint(0, 59)))


def fill_love_bank(
    session: Session,
    scale: str,
    rng: random.Random,
    now: dt.datetime,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Write the demo love bank into ``session``'s transaction (no commit)."""
    size = SCALES[scale]
    today = now.date()
    rules = PointRules()
    conn = session.connection()
    user = session.execute(select(User.id, User.username).where(User.username == "xietiao")).first()
    if user is None:
        user = session.execute(
            select(User.id, User.username).where(User.role == "coordinator").order_by(User.id).limit(1)
        ).first()
    user_id, username = (user[0], user[1]) if user is not None else (None, "system")

    def next_id(model) -> int:
        return (session.scalar(select(func.max(model.id))) or 0) + 1

    # --- reward items ------------------------------------------------------------------
    item_id = next_id(RewardItem)
    items = []  # (id, name, price, later)
    item_rows = []
    for n, (name, kind, price, stock, later) in enumerate(ITEMS):
        items.append((item_id + n, name, price, later))
        item_rows.append(
            {
                "id": item_id + n,
                "name": name,
                "kind": kind,
                "price": price,
                "stock": stock if stock <= 3 else stock * size.stock_factor,  # low stays low
                "handed_over_later": later,
                "is_active": True,
            }
        )
    conn.execute(RewardItem.__table__.insert(), item_rows)
    goods = [i for i in items if not i[3]]
    services = [i for i in items if i[3]]

    # --- who volunteers ------------------------------------------------------------------
    adult = today.replace(year=today.year - 16)
    residents = session.execute(
        select(Resident.id, Resident.name, Resident.gender, Resident.birth_date)
        .where(Resident.archived.is_(False))
        .order_by(Resident.id)
    ).all()
    residents = [r for r in residents if r.birth_date is None or r.birth_date <= adult]
    chosen = rng.sample(residents, min(size.volunteers, len(residents)))
    team_names = list(TEAMS) if scale == "centre" else [f"{c}社区{t}" for c in COMMUNITIES for t in TEAMS]
    team_id = next_id(Team)
    team_ids = {name: team_id + n for n, name in enumerate(team_names)}
    tier_choices = [t for t in TIERS for _ in range(t[1])]

    def team_for(gender: str, birth: dt.date | None) -> int | None:
        age = (today - birth).days // 365 if birth else 45
        r = rng.random()
        if age >= 60 and r < 0.7:
            kind = TEAMS[0]
        elif age < 35 and r < 0.7:
            kind = TEAMS[2]
        elif gender == "女" and r < 0.5:
            kind = TEAMS[1]
        elif r < 0.8:
            kind = TEAMS[3] if rng.random() < 0.45 else TEAMS[4]
        else:
            return None
        name = kind if scale == "centre" else f"{rng.choice(COMMUNITIES)}社区{kind}"
        return team_ids[name]

    people = []
    for r in chosen:
        tier = rng.choice(tier_choices)
        low, high = tier[5]
        joined = today - dt.timedelta(days=int(365 * rng.uniform(low, high)))
        people.append((joined, r, tier))
    people.sort(key=lambda p: (p[0], p[1].id))  # volunteer numbers in the order they joined
    first_volunteer = next_id(Volunteer)
    volunteers = [
        _Volunteer(first_volunteer + n, r.id, r.name, team_for(r.gender, r.birth_date), joined, tier, {})
        for n, (joined, r, tier) in enumerate(people)
    ]

    leaders: dict[int, str] = {}
    for v in sorted(volunteers, key=lambda v: -v.tier[4]):  # core volunteers lead teams
        if v.team is not None:
            leaders.setdefault(v.team, v.name)
    conn.execute(
        Team.__table__.insert(),
        [{"id": i, "name": n, "leader": leaders.get(i, ""), "is_active": True} for n, i in team_ids.items()],
    )

    # --- activities of the past year -------------------------------------------------------
    activity_id = next_id(Activity)
    kinds = list(ACTIVITY_KINDS)
    days = sorted(today - dt.timedelta(days=rng.randint(1, 365)) for _ in range(size.activities))
    pool = [v for v in volunteers for _ in range(v.tier[4])]
    activities = []
    for n, held_on in enumerate(days):
        kind = rng.choice(kinds)
        aid = activity_id + n
        activities.append(
            {
                "id": aid,
                "title": rng.choice(ACTIVITY_TITLES[kind]),
                "held_on": held_on,
                "place": rng.choice(PLACES),
                "organiser": rng.choice(team_names) if rng.random() < 0.7 else "社区居民委员会",
                "kind": kind,
                "multiplier_percent": ACTIVITY_KINDS[kind],
            }
        )
        wanted = rng.randint(*size.participants)
        taken = 0
        for _ in range(wanted * 4):
            v = rng.choice(pool)
            if v.joined_on <= held_on and held_on not in v.activity_days:
                v.activity_days[held_on] = aid
                taken += 1
                if taken == wanted:
                    break
    conn.execute(Activity.__table__.insert(), activities)
    activity_by_id = {a["id"]: a for a in activities}

    # --- each volunteer's history ----------------------------------------------------------
    ids = {
        "record": next_id(ServiceRecord),
        "ledger": next_id(LedgerEntry),
        "redemption": next_id(Redemption),
    }
    rows: dict[str, list[dict]] = {
        "volunteer": [],
        "account": [],
        "record": [],
        "redemption": [],
        "line": [],
        "ledger": [],
    }

    def flush() -> None:
        for key, table in (
            ("volunteer", Volunteer.__table__),
            ("account", PointAccount.__table__),
            ("record", ServiceRecord.__table__),
            ("redemption", Redemption.__table__),
            ("line", RedemptionLine.__table__),
            ("ledger", LedgerEntry.__table__),
        ):
            if rows[key]:
                conn.execute(table.insert(), rows[key])
                rows[key].clear()

    def post(volunteer_id: int, kind: str, at: dt.datetime, delta: int = 0, frozen: int = 0, **kw) -> int:
        entry_id = ids["ledger"]
        ids["ledger"] += 1
        rows["ledger"].append(
            {
                "id": entry_id,
                "volunteer_id": volunteer_id,
                "at": at,
                "kind": kind,
                "delta": delta,
                "frozen_delta": frozen,
                "reverses_id": kw.get("reverses_id"),
                "service_record_id": kw.get("service_record_id"),
                "redemption_id": kw.get("redemption_id"),
                "user_id": user_id,
                "username": username,
                "note": kw.get("note", ""),
            }
        )
        return entry_id

    for done, v in enumerate(volunteers, start=1):
        sums = _history(v, rng, now, rules, activity_by_id, goods, services, post, ids, rows, user_id)
        rows["volunteer"].append(
            {
                "id": v.id,
                "resident_id": v.resident_id,
                "team_id": v.team,
                "joined_on": v.joined_on,
                "is_active": True,
                "notes": "",
            }
        )
        rows["account"].append({"volunteer_id": v.id, **sums})
        if done % 2_000 == 0:
            flush()
            if progress:
                progress(done, len(volunteers))
    flush()
    if progress:
        progress(len(volunteers), len(volunteers))
    if session.get_bind().dialect.name == "postgresql":
        for table in (
            "team",
            "volunteer",
            "activity",
            "service_record",
            "ledger_entry",
            "reward_item",
            "redemption",
        ):
            session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table}))"
                )
            )


def _history(v, rng, now, rules, activity_by_id, goods, services, post, ids, rows, user_id) -> dict:
    """Service records, points and redemptions of one volunteer, in time order; returns
    the account's sums."""
    today = now.date()
    _name, _share, (low, high), (short, long), _weight, _years, redemption_counts = v.tier
    span = (today - v.joined_on).days
    # Service days: the activities taken part in, and days of everyday service.
    wanted = max(0, rng.randint(low, high) - len(v.activity_days))
    offsets = rng.sample(range(span + 1), min(wanted, span + 1))
    service_days = {v.joined_on + dt.timedelta(days=o): None for o in offsets}
    service_days.update(v.activity_days)
    available = frozen = minutes_approved = 0
    credits: list[tuple[dt.datetime, int]] = []  # (at, points) that can be spent from then on
    earns: list[tuple[dt.datetime, int, int, int]] = []  # (at, points, ledger id, record id)
    for day in sorted(service_days):
        activity = activity_by_id.get(service_days[day]) if service_days[day] else None
        if activity is not None:
            minutes = rng.choice((90, 120, 150, 180, 240))
            if activity["kind"] == "应急救援":
                minutes = rng.choice((240, 300, 360, 480))
            multiplier = activity["multiplier_percent"]
            description = activity["title"]
        else:
            minutes = rng.randrange(short, long + 1, 30)
            multiplier = 100
            description = rng.choice(DAILY_SERVICES)
        minutes = min(minutes, rules.daily_cap_minutes)
        created = dt.datetime.combine(day, dt.time(17, 30)) + dt.timedelta(minutes=rng.randint(0, 150))
        created = min(created, now - dt.timedelta(minutes=5))
        decided = _moment(rng, day + dt.timedelta(days=rng.randint(1, 6)))
        status = APPROVED
        if decided > now or ((today - day).days <= 12 and rng.random() < 0.6):
            status = PENDING
        elif rng.random() < 0.03:
            status = REJECTED
        record_id = ids["record"]
        ids["record"] += 1
        points = rules.points_for(minutes, multiplier) if status == APPROVED else 0
        rows["record"].append(
            {
                "id": record_id,
                "volunteer_id": v.id,
                "activity_id": activity["id"] if activity else None,
                "served_on": day,
                "minutes": minutes,
                "description": description,
                "status": status,
                "reason": rng.choice(REJECT_REASONS) if status == REJECTED else "",
                "points": points,
                "created_at": created,
                "created_by": user_id,
                "decided_at": None if status == PENDING else decided,
                "decided_by": None if status == PENDING else user_id,
            }
        )
        if status == APPROVED:
            minutes_approved += minutes
            entry = post(
                v.id,
                ledger.EARN,
                decided,
                points,
                note=f"{day.isoformat()} {minutes / 60:g}h",
                service_record_id=record_id,
            )
            available += points
            credits.append((decided, points))
            earns.append((decided, points, entry, record_id))
    if not credits:
        return {"available": 0, "frozen": 0, "approved_minutes": minutes_approved}

    first = min(at for at, _ in credits)
    # Rewards (credits) before anything is spent, so the spending below may use them.
    if rng.random() < 0.04:
        note, points = rng.choice(REWARDS)
        at = _moment(rng, first.date() + dt.timedelta(days=rng.randint(1, max(1, (now - first).days))))
        if at <= now:
            post(v.id, ledger.ADJUST, at, points, note=note)
            available += points
            credits.append((at, points))
    credits.sort()
    times = [at for at, _ in credits]
    running = []
    total = 0
    for _at, points in credits:
        total += points
        running.append(total)
    spent = 0

    def can_spend(at: dt.datetime) -> int:
        i = bisect.bisect_right(times, at)
        return (running[i - 1] if i else 0) - spent

    # Debits in time order: redemptions, corrections, reversals of an approval.
    debits: list[tuple[dt.datetime, str, object]] = []
    window = max(1, (now - first).days)
    for _ in range(rng.choice(redemption_counts)):
        # Redemptions lean towards recent months.
        day = first.date() + dt.timedelta(days=int(window * (1 - rng.random() ** 2)))
        debits.append((_moment(rng, day), "redeem", None))
    if rng.random() < 0.01:
        debits.append(
            (_moment(rng, first.date() + dt.timedelta(days=rng.randint(1, window))), "correct", None)
        )
    if rng.random() < 0.01 and earns:
        at, points, entry, record_id = rng.choice(earns)
        debits.append(
            (
                _moment(rng, at.date() + dt.timedelta(days=rng.randint(1, 10))),
                "reverse",
                (points, entry, record_id),
            )
        )
    for at, what, payload in sorted(debits, key=lambda d: d[0]):
        if at > now:
            continue
        room = can_spend(at)
        if what == "correct":
            note, points = rng.choice(CORRECTIONS)
            if room + points >= 0:
                post(v.id, ledger.ADJUST, at, points, note=note)
                available += points
                spent -= points
            continue
        if what == "reverse":
            points, entry, record_id = payload
            if points <= room:
                post(
                    v.id,
                    ledger.REVERSAL,
                    at,
                    -points,
                    note=REVERSAL_NOTE,
                    reverses_id=entry,
                    service_record_id=record_id,
                )
                available -= points
                spent += points
            continue
        basket = _basket(rng, goods, services, recent=(now - at).days <= 30)
        while basket and sum(price * q for _i, _n, price, q, _l in basket) > room:
            basket.pop()
        if not basket:
            continue
        cost = sum(price * q for _i, _n, price, q, _l in basket)
        later = any(item[4] for item in basket)
        names = "、".join(f"{name}×{q}" for _i, name, _p, q, _l in basket)
        rid = ids["redemption"]
        ids["redemption"] += 1
        status, closed_at, note = (FROZEN if later else COMPLETED), None, ""
        spent += cost
        available -= cost
        if later:
            post(v.id, ledger.FREEZE, at, -cost, cost, note=names, redemption_id=rid)
            frozen += cost
            until = _moment(rng, at.date() + dt.timedelta(days=rng.randint(1, 14)))
            if until <= now and rng.random() < 0.2:
                note = rng.choice(CANCEL_SERVICE)
                post(v.id, ledger.RELEASE, until, cost, -cost, note=note, redemption_id=rid)
                available += cost
                frozen -= cost
                status, closed_at = CANCELLED, until
            elif until <= now:
                post(v.id, ledger.REDEEM, until, 0, -cost, note="已核销", redemption_id=rid)
                frozen -= cost
                status, closed_at = COMPLETED, until
        else:
            entry = post(v.id, ledger.REDEEM, at, -cost, note=names, redemption_id=rid)
            until = at + dt.timedelta(minutes=rng.randint(10, 3 * 24 * 60))
            if until <= now and rng.random() < 0.05:
                note = rng.choice(CANCEL_GOODS)
                post(v.id, ledger.REVERSAL, until, cost, note=note, reverses_id=entry, redemption_id=rid)
                available += cost
                status, closed_at = CANCELLED, until
        rows["redemption"].append(
            {
                "id": rid,
                "idempotency_key": f"demo-{rid:08d}",
                "volunteer_id": v.id,
                "status": status,
                "points": cost,
                "created_at": at,
                "created_by": user_id,
                "closed_at": closed_at,
                "note": note,
            }
        )
        rows["line"] += [
            {"redemption_id": rid, "item_id": item, "quantity": q, "price": price}
            for item, _n, price, q, _l in basket
        ]
    return {"available": available, "frozen": frozen, "approved_minutes": minutes_approved}


def _basket(rng: random.Random, goods: list, services: list, recent: bool) -> list[tuple]:
    """One to three different items, the dearest last, so that trimming the basket to a
    budget drops it first: (item id, name, price, quantity, later)."""
    count = rng.choice((1, 1, 2, 2, 3))
    picked = rng.sample(goods, min(count, len(goods)))
    if services and rng.random() < (0.5 if recent else 0.15):
        picked[-1:] = [rng.choice(services)]
    basket = [
        (item_id, name, price, 1 if later else rng.choice((1, 1, 2)), later)
        for item_id, name, price, later in picked
    ]
    basket.sort(key=lambda b: b[2])
    return basket
