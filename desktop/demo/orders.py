"""Demo service orders (点单服务): a menu, providers of every kind, two funds, and a
year of orders in every stage of the flow, consistent with the rules.

* the menu — 16 items in 8 categories, some only for certain provider kinds;
* providers — every kind (社团, 民非, 基金会, 备案的社区社会组织, 志愿服务队 linked to a
  love-bank team, 驻区单位, 企业/社会企业), with valid credit codes, ratings (a few
  expired), 年检 results (one failed), one listed as 失信/活动异常, one inactive;
* funds — 2026年党组织服务群众专项经费 (200,000 元 at centre scale) and 公益创投 (with a
  cap per order and a category it may not pay for);
* orders — placed over the last year and walked through the flow with realistic delays
  up to "now": taken in or rejected, drafted with budgets committed against the funds
  (approval above the threshold, sometimes a 公示), dispatched, sometimes declined or
  left past the accept-by time, accepted with a contract, sessions reported, rated
  (sometimes 不满意 and redone), checked, paid in tranches with the odd 核减, a few
  cancelled or terminated. Fourteen orders placed about 200 working days ago stop one
  in each stage, so the board shows every column.

Every cache agrees with its entries (fund and order fund lines = the sums of
``fund_entry``), so ``main.py check`` finds nothing wrong. Rows are written with Core
executemany: ``centre`` makes 120 orders (under a second), ``district`` 100,000 (about
45 s) for the benchmarks.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.orm import Session
from stdnum.cn import uscc

from db.models import Resident, ServiceRecord, Tag, Team, User, Volunteer
from db.models_orders import (
    Fund,
    FundEntry,
    FundExclusion,
    OrderCandidate,
    OrderEvent,
    OrderFund,
    OrderPayment,
    OrderSession,
    OrderSessionGroup,
    OrderSessionVolunteer,
    OrderTargetTag,
    Provider,
    ProviderArea,
    ProviderInspection,
    ServiceItem,
    ServiceItemTag,
    ServiceOrder,
)
from desktop.common.workcalendar import WorkCalendar
from desktop.demo.order_walk import FundState, Rows, Walker
from desktop.orders.states import Stage

COUNTS = {"centre": 120, "district": 100_000}
YUAN = 100

# category, name, unit, guide price (元), provider kinds ("" = any), key groups
MENU: tuple[tuple[str, str, str, int, str, tuple[str, ...]], ...] = (
    ("助老服务", "上门理发", "次", 30, "", ("独居老人", "空巢老人")),
    ("助老服务", "助浴服务", "次", 80, "non_enterprise,enterprise", ("独居老人", "残疾人")),
    ("助老服务", "助餐送餐", "餐", 15, "", ("独居老人", "空巢老人")),
    ("助老服务", "陪同就医", "次", 60, "", ("独居老人",)),
    ("家政维修", "家电维修", "次", 50, "enterprise,resident_unit,volunteer_team", ()),
    ("家政维修", "水电维修", "次", 40, "enterprise,resident_unit,volunteer_team", ()),
    ("法律咨询", "法律咨询", "小时", 200, "social_group,non_enterprise,resident_unit", ()),
    ("心理疏导", "心理疏导", "小时", 200, "non_enterprise,social_group", ("困难家庭",)),
    (
        "儿童托管",
        "四点半课堂",
        "期",
        3000,
        "non_enterprise,filed_community_org,volunteer_team",
        ("留守儿童",),
    ),
    ("儿童托管", "暑期托管", "期", 6000, "non_enterprise", ("留守儿童",)),
    ("文体活动", "广场舞培训", "期", 1500, "", ()),
    ("文体活动", "书法绘画班", "期", 2000, "", ()),
    ("健康服务", "健康讲座", "场", 800, "", ("独居老人", "残疾人")),
    ("健康服务", "上门体检", "人次", 120, "non_enterprise,resident_unit", ("独居老人", "残疾人")),
    ("助残服务", "康复训练", "次", 150, "non_enterprise,foundation", ("残疾人",)),
    ("助残服务", "辅具租借", "件", 100, "", ("残疾人",)),
)

# name, kind, areas, rating (None: not rated), rated years ago
PROVIDERS: tuple[tuple[str, str, tuple[str, ...], int | None, int], ...] = (
    ("幸福社会工作服务中心", "non_enterprise", ("助老服务", "心理疏导", "助残服务"), 4, 2),
    ("和谐心理咨询服务中心", "non_enterprise", ("心理疏导", "儿童托管"), 3, 6),
    ("阳光儿童成长服务中心", "non_enterprise", ("儿童托管",), 3, 1),
    ("康宁养老服务中心", "non_enterprise", ("助老服务", "健康服务", "助残服务"), 5, 3),
    ("张店区老年协会", "social_group", ("文体活动", "助老服务"), 4, 4),
    ("张店区律师协会", "social_group", ("法律咨询",), None, 0),
    ("淄博市慈善基金会", "foundation", ("助残服务", "助老服务"), 5, 1),
    ("和平社区夕阳红文艺队", "filed_community_org", ("文体活动",), None, 0),
    ("幸福社区四点半课堂互助会", "filed_community_org", ("儿童托管",), None, 0),
    ("红马甲志愿服务队", "volunteer_team", ("家政维修", "助老服务"), None, 0),
    ("区人民医院", "resident_unit", ("健康服务",), None, 0),
    ("国网张店供电公司", "resident_unit", ("家政维修",), None, 0),
    ("淄博家政服务有限公司", "enterprise", ("助老服务", "家政维修"), None, 0),
    ("邻里帮社会企业有限公司", "enterprise", ("助老服务", "家政维修", "文体活动"), None, 0),
)


def _credit_code(rng: random.Random, prefix: str) -> str:
    body = prefix + "370302" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return body + uscc.calc_check_digit(body)


def _credit_prefix(kind: str) -> str | None:
    return {
        "social_group": "51",
        "non_enterprise": "52",
        "foundation": "53",
        "enterprise": "91",
        "resident_unit": "12",
    }.get(kind)


def _next_id(session: Session, column) -> int:
    return (session.scalar(select(func.max(column))) or 0) + 1


def fill_orders(
    session: Session,
    scale: str,
    rng: random.Random,
    now: dt.datetime,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Write the demo menu, providers, funds and orders (after residents and the love bank)."""
    total = COUNTS[scale]
    cal = WorkCalendar.from_db(session)
    users = {
        role: tuple(session.execute(select(User.id, User.username).where(User.role == role).limit(1)).one())
        for role in ("front_desk", "coordinator", "director")
    }
    tags = dict(session.execute(select(Tag.name, Tag.id)).all())
    items = _menu(session, tags)
    providers = _providers(session, rng, now, scale)
    funds = _funds(session, now, scale)
    residents = session.execute(
        select(Resident.id, Resident.grid_id).where(Resident.archived.is_(False))
    ).all()
    volunteers = list(session.scalars(select(Volunteer.id).where(Volunteer.is_active).limit(200)))
    # The love bank keeps one record per volunteer and day, and pending ones are recent.
    busy = {(v, d) for v, d in session.execute(select(ServiceRecord.volunteer_id, ServiceRecord.served_on))}
    rows = Rows(
        {
            "service_order": _next_id(session, ServiceOrder.id),
            "order_event": _next_id(session, OrderEvent.id),
            "order_session": _next_id(session, OrderSession.id),
            "order_payment": _next_id(session, OrderPayment.id),
            "fund_entry": _next_id(session, FundEntry.id),
            "service_record": _next_id(session, ServiceRecord.id),
        }
    )
    days = [now.date() - dt.timedelta(days=d) for d in range(365, -1, -1)]
    workdays = [d for d in days if cal.is_workday(d)]
    moments = sorted(
        dt.datetime.combine(
            workdays[min(len(workdays) - 1, int(len(workdays) * rng.random() ** 0.7))],
            dt.time(rng.randint(8, 16), rng.randint(30, 59)),
        )
        for _ in range(total)
    )
    # One order stopped in each stage, placed long enough ago for every step up to it.
    plan: list[tuple[dt.datetime, Stage | None]] = [(m, None) for m in moments if m <= now]
    plan += [
        (dt.datetime.combine(workdays[-140 - i], dt.time(10, 0)), stage) for i, stage in enumerate(Stage)
    ]
    plan.sort(key=lambda x: x[0])
    seq: dict[str, int] = {}
    conn = session.connection()

    def flush() -> None:
        for table, model in (
            ("service_order", ServiceOrder),
            ("order_target_tag", OrderTargetTag),
            ("order_candidate", OrderCandidate),
            ("order_fund", OrderFund),
            ("order_event", OrderEvent),
            ("order_session", OrderSession),
            ("order_session_group", OrderSessionGroup),
            ("service_record", ServiceRecord),
            ("order_session_volunteer", OrderSessionVolunteer),
            ("order_payment", OrderPayment),
            ("fund_entry", FundEntry),
        ):
            batch = rows.tables.get(table)
            if batch:
                conn.execute(insert(model), batch)
                batch.clear()

    walker = Walker(rng, now, cal, users, tags, items, providers, funds, residents, volunteers, busy, rows)
    for n, (placed, stop) in enumerate(plan):
        key = f"DD{placed:%Y%m}-"
        seq[key] = seq.get(key, 0) + 1
        walker.order(f"{key}{seq[key]:05d}", placed, stop)
        if (n + 1) % 5_000 == 0:
            flush()
            if progress:
                progress((n + 1) * total // len(plan), total)
    flush()
    for f in funds.values():
        session.execute(update(Fund).where(Fund.id == f.id).values(committed=f.committed, paid=f.paid))
    if progress:
        progress(total, total)
    if session.get_bind().dialect.name == "postgresql":
        for table in (
            "service_item",
            "provider",
            "fund",
            "service_order",
            "order_event",
            "order_session",
            "order_payment",
            "fund_entry",
            "service_record",
        ):
            session.execute(
                text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
            )


def _menu(
    session: Session, tags: dict[str, int]
) -> list[tuple[int, str, str, int, frozenset[str], list[int]]]:
    """(id, category, name, guide price in fen, allowed kinds, key group ids) per item."""
    out = []
    for n, (category, name, unit, price, kinds, groups) in enumerate(MENU):
        item = ServiceItem(
            category=category,
            name=name,
            description=f"{name}：由专业服务主体提供，按{unit}计价。",
            unit=unit,
            guide_price=price * YUAN,
            provider_kinds=kinds,
            sort_order=n + 1,
            is_active=True,
        )
        session.add(item)
        session.flush()
        tag_ids = [tags[g] for g in groups if g in tags]
        session.add_all(ServiceItemTag(item_id=item.id, tag_id=t) for t in tag_ids)
        out.append(
            (item.id, category, name, price * YUAN, frozenset(k for k in kinds.split(",") if k), tag_ids)
        )
    session.flush()
    return out


def _providers(
    session: Session, rng: random.Random, now: dt.datetime, scale: str
) -> list[tuple[int, str, frozenset[str]]]:
    """(id, kind, areas) of the active providers that may be given orders."""
    teams = list(session.scalars(select(Team.id).order_by(Team.id).limit(1)))
    catalogue = list(PROVIDERS)
    if scale == "district":  # a district has many of each kind
        catalogue += [
            (f"{town}{name}", kind, areas, rating, years)
            for town in ("和平", "公园", "车站", "体育场", "科苑", "石桥", "马尚", "中埠")
            for name, kind, areas, rating, years in PROVIDERS
            if kind not in ("volunteer_team",)
        ]
    out = []
    today = now.date()
    for n, (name, kind, areas, rating, years) in enumerate(catalogue):
        prefix = _credit_prefix(kind)
        rated_on = today.replace(year=today.year - years, day=1) if rating else None
        provider = Provider(
            name=name,
            kind=kind,
            credit_code=_credit_code(rng, prefix) if prefix else None,
            legacy_code=f"民证字第{rng.randint(100, 999)}号" if kind == "social_group" and n % 2 else "",
            leader=rng.choice(("王", "李", "张", "刘", "陈", "杨", "赵"))
            + rng.choice(("建华", "秀兰", "志刚", "丽娟", "海涛")),
            phone=f"13{rng.randint(0, 9)}{rng.randint(0, 99_999_999):08d}",
            address=f"张店区{rng.choice(('共青团', '华光', '人民', '柳泉'))}路{rng.randint(1, 300)}号",
            team_id=teams[0] if kind == "volunteer_team" and teams else None,
            rating=rating,
            rated_on=rated_on,
            rating_valid_until=rated_on.replace(year=rated_on.year + 5) if rated_on else None,
            discredited=n == 12,  # 淄博家政服务有限公司: listed as 失信
            discredited_on=today - dt.timedelta(days=40) if n == 12 else None,
            discredited_note="列入经营异常名录" if n == 12 else "",
            notes="",
            is_active=n != 11,  # 国网张店供电公司: no longer active
            created_at=now - dt.timedelta(days=400),
            updated_at=now - dt.timedelta(days=400),
        )
        session.add(provider)
        session.flush()
        session.add_all(ProviderArea(provider_id=provider.id, category=a) for a in areas)
        if kind in ("social_group", "non_enterprise", "foundation"):
            result = "failed" if n == 1 else "passed"
            session.add(
                ProviderInspection(
                    provider_id=provider.id,
                    year=today.year - 1,
                    result=result,
                    note="未按时报送年度工作报告" if result == "failed" else "",
                )
            )
        if provider.is_active and not provider.discredited:
            out.append((provider.id, kind, frozenset(areas)))
    session.flush()
    return out


def _funds(session: Session, now: dt.datetime, scale: str) -> dict[str, FundState]:
    times = 1 if scale == "centre" else 600
    specs = (
        ("party", f"{now.year}年党组织服务群众专项经费", "party_service", 200_000 * YUAN * times, None, ()),
        ("venture", f"{now.year}年公益创投", "venture", 150_000 * YUAN * times, 20_000 * YUAN, ("文体活动",)),
    )
    out = {}
    for key, name, kind, total, cap, excluded in specs:
        fund = Fund(
            name=name,
            year=now.year,
            kind=kind,
            total=total,
            order_cap=cap,
            committed=0,
            paid=0,
            notes="",
            is_active=True,
        )
        session.add(fund)
        session.flush()
        session.add_all(FundExclusion(fund_id=fund.id, category=c) for c in excluded)
        out[key] = FundState(fund.id, total, cap, frozenset(excluded))
    session.flush()
    return out
