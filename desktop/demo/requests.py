"""Demo requests: a year of a centre's reception work, consistent with the rules.

Each request is walked through the lifecycle with realistic delays (most clocks met,
some late, a few returned or reopened) up to "now", so lists, the start page and the
clocks show a living centre. Rows and their events are written with Core executemany:
``centre`` makes 1,500 requests, ``district`` 1,000,000 (for benchmarks).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from db.models import Category, Department, FollowUp, Request, RequestAssist, RequestEvent, Resident, User
from desktop.common.workcalendar import WorkCalendar
from desktop.requests import clocks

COUNTS = {"centre": 1_500, "district": 1_000_000}
CHANNEL_WEIGHTS = (("walk_in", 45), ("phone", 25), ("hotline", 15), ("mini_program", 8), ("grid", 7))
DESCRIPTIONS = {
    "环境卫生": ["楼下垃圾桶满溢多日无人清运，气味很大", "楼道里堆放杂物影响通行", "小区污水井外溢"],
    "物业服务": ["电梯经常停运，老人上下楼困难", "物业费收取标准不清楚", "小区路灯坏了半个月"],
    "邻里纠纷": ["楼上漏水导致我家天花板发霉，协商未果", "邻居在公共走廊堆放物品", "邻居家狗夜间吠叫"],
    "劳资纠纷": ["在工地干了三个月工资未结清", "公司不签劳动合同"],
    "婚姻家庭": ["子女不尽赡养义务", "家庭矛盾需要调解"],
    "房屋土地": ["楼顶有人违章搭建", "老旧房屋墙体开裂存在安全隐患"],
    "法律咨询": ["咨询遗产继承相关法律问题", "想申请法律援助"],
    "政策咨询": ["咨询高龄津贴申领条件", "咨询灵活就业人员医保缴费", "咨询低保申请流程"],
    "心理疏导": ["家人情绪低落需要心理疏导"],
    "市政设施": ["路面塌陷存在安全隐患", "井盖缺失", "冬季暖气不热"],
    "安全隐患": ["楼道内电动车充电", "消防通道被占用"],
    "其他": ["建议增设健身器材", "表扬网格员热心服务"],
}


def _working_moment(rng: random.Random, day: dt.date) -> dt.datetime:
    minute = rng.randint(8 * 60 + 30, 17 * 60 + 15)
    return dt.datetime.combine(day, dt.time(minute // 60, minute % 60, rng.randint(0, 59)))


def fill_requests(
    session: Session,
    scale: str,
    rng: random.Random,
    now: dt.datetime,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    total = COUNTS[scale]
    cal = WorkCalendar.from_db(session)
    rules = clocks.LimitRules.from_db(session)
    parents = dict(
        session.execute(select(Category.id, Category.name).where(Category.parent_id.is_(None))).all()
    )
    leaves = [
        (cid, pid)
        for cid, pid in session.execute(
            select(Category.id, Category.parent_id).where(Category.parent_id.is_not(None), Category.is_active)
        )
    ]
    departments = [d for (d,) in session.execute(select(Department.id).where(Department.is_active))]
    residents = session.execute(
        select(Resident.id, Resident.grid_id, Resident.address).where(Resident.archived.is_(False))
    ).all()
    desk = session.execute(select(User.id, User.username).where(User.role == "front_desk").limit(1)).one()
    director = session.execute(select(User.id, User.username).where(User.role == "director").limit(1)).one()
    channels = [c for c, w in CHANNEL_WEIGHTS for _ in range(w)]
    start_id = (session.scalar(select(func.max(Request.id))) or 0) + 1
    event_id = (session.scalar(select(func.max(RequestEvent.id))) or 0) + 1

    days = [now.date() - dt.timedelta(days=d) for d in range(365, -1, -1)]
    workdays = [d for d in days if cal.is_workday(d)]
    # Newer days slightly busier; the registration times sorted so numbers run in order.
    moments = sorted(
        m
        for m in (
            _working_moment(rng, workdays[min(len(workdays) - 1, int(len(workdays) * rng.random() ** 0.8))])
            for _ in range(total)
        )
        if m <= now
    )
    seq: dict[str, int] = {}
    req_rows: list[dict] = []
    event_rows: list[dict] = []
    assist_rows: list[dict] = []
    follow_rows: list[dict] = []
    conn = session.connection()

    def flush() -> None:
        if req_rows:
            conn.execute(Request.__table__.insert(), req_rows)
        if assist_rows:
            conn.execute(RequestAssist.__table__.insert(), assist_rows)
        if event_rows:
            conn.execute(RequestEvent.__table__.insert(), event_rows)
        if follow_rows:
            conn.execute(FollowUp.__table__.insert(), follow_rows)
        for rows in (req_rows, event_rows, assist_rows, follow_rows):
            rows.clear()

    for n, registered in enumerate(moments):
        rid = start_id + n
        prefix = f"{registered:%Y-%m}-"
        seq[prefix] = seq.get(prefix, 0) + 1
        category_id, parent_id = rng.choice(leaves)
        resident_id, grid_id, address = rng.choice(residents)
        urgency = rng.choices(("green", "yellow", "red"), (80, 15, 5))[0]
        limits = rules.resolve(urgency, category_id)
        events: list[tuple] = []  # (at, user, action, from, to, dept, note, clock, on_time)
        status = "registered"
        user = desk
        events.append((registered, user, "register", "", "registered", None, "", "", None))
        assigned_at = accepted_at = answered_at = resolved_at = closed_at = None
        satisfaction = None
        department = None
        round_ = 1

        def step(at: dt.datetime) -> bool:
            return at <= now

        if rng.random() < 0.95:
            assigned_at = registered + dt.timedelta(minutes=rng.randint(1, 20))
            if step(assigned_at):
                department = rng.choice(departments)
                status = "assigned"
                events.append(
                    (assigned_at, user, "assign", "registered", "assigned", department, "", "", None)
                )
                if rng.random() < 0.25:
                    other = rng.choice(departments)
                    if other != department:
                        assist_rows.append({"request_id": rid, "department_id": other})
            else:
                assigned_at = None
        due = clocks.due_times(cal, assigned_at, limits) if assigned_at else {}
        # Each later step happens after a delay; about one in eight is late.
        plan = (
            ("accept", "accepted", "受理"),
            ("answer", "answered", "已答复居民"),
            ("resolve", "resolved", "已办结"),
            ("follow_up", "closed", "回访满意"),
        )
        at = assigned_at
        for clock, target, note in plan if assigned_at else ():
            late = rng.random() < 0.12
            # Delays in office time, so every step happens while the centre is open.
            allowed = dt.timedelta(minutes=30)
            if due[clock] > at:
                allowed = cal.working_time_between(at, due[clock])
            delay = allowed * (rng.uniform(1.05, 2.5) if late else rng.uniform(0.1, 0.9))
            at = cal.add_working_time(at, max(delay, dt.timedelta(minutes=1)))
            if not step(at):
                break
            if clock == "follow_up":
                satisfaction = rng.choices(("satisfied", "basically", "unsatisfied"), (75, 20, 5))[0]
                if satisfaction == "unsatisfied":
                    events.append(
                        (
                            at,
                            user,
                            "reopen",
                            "resolved",
                            "reopened",
                            None,
                            "居民不满意，要求重办",
                            clock,
                            at <= due[clock],
                        )
                    )
                    status = "reopened"
                    round_ = 2
                    follow_rows.append(
                        {
                            "request_id": rid,
                            "round": 1,
                            "due_at": due[clock],
                            "done_at": at,
                            "done_by": user[0],
                            "satisfaction": satisfaction,
                            "comment": "要求重办",
                        }
                    )
                    assigned_at = accepted_at = answered_at = resolved_at = None
                    break
                follow_rows.append(
                    {
                        "request_id": rid,
                        "round": 1,
                        "due_at": due[clock],
                        "done_at": at,
                        "done_by": user[0],
                        "satisfaction": satisfaction,
                        "comment": "",
                    }
                )
                closed_at = at
            events.append((at, user, clock, status, target, None, note, clock, at <= due[clock]))
            status = target
            if clock == "accept":
                accepted_at = at
                if rng.random() < 0.03:
                    back = cal.add_working_time(at, dt.timedelta(minutes=rng.randint(10, 120)))
                    if step(back):
                        events.append(
                            (back, user, "return", "accepted", "returned", None, "不属于本单位职责", "", None)
                        )
                        status = "returned"
                    break
            elif clock == "answer":
                answered_at = at
            elif clock == "resolve":
                resolved_at = at
        if status in ("assigned", "accepted") and rng.random() < 0.08 and assigned_at:
            remind_at = cal.add_working_time(assigned_at, dt.timedelta(hours=rng.randint(1, 30)))
            if step(remind_at):
                events.append(
                    (
                        remind_at,
                        director,
                        "supervise" if rng.random() < 0.3 else "remind",
                        status,
                        status,
                        None,
                        "请抓紧办理",
                        "",
                        None,
                    )
                )
        if status == "resolved":  # the follow-up call is still to be made
            follow_rows.append(
                {
                    "request_id": rid,
                    "round": 1,
                    "due_at": due["follow_up"],
                    "done_at": None,
                    "done_by": None,
                    "satisfaction": None,
                    "comment": "",
                }
            )
        clock_name, warn_at, due_at = clocks.running_clock(status, assigned_at, limits, cal)
        first = DESCRIPTIONS.get(parents.get(parent_id, ""), ["其他诉求"])
        req_rows.append(
            {
                "id": rid,
                "number": f"{prefix}{seq[prefix]:06d}",
                "resident_id": resident_id,
                "channel": rng.choice(channels),
                "head_count": rng.choice((1,) * 30 + (2, 3, 5, 12, 20)),
                "category_id": category_id,
                "description": rng.choice(first),
                "address": address or "",
                "grid_id": grid_id,
                "urgency": urgency,
                "level": rng.choices(("community", "town", "district"), (60, 30, 10))[0],
                "lead_department_id": department,
                "status": status,
                "round": round_,
                "registered_at": registered,
                "registered_by": desk[0],
                "assigned_at": assigned_at,
                "accepted_at": accepted_at,
                "answered_at": answered_at,
                "resolved_at": resolved_at,
                "closed_at": closed_at,
                "clock": clock_name,
                "warn_at": warn_at,
                "due_at": due_at,
                "merged_into_id": None,
                "satisfaction": satisfaction,
                "updated_at": events[-1][0],
            }
        )
        for at, (uid, uname), action, before, after, dept, note, clock, on_time in events:
            event_rows.append(
                {
                    "id": event_id,
                    "request_id": rid,
                    "at": at,
                    "user_id": uid,
                    "username": uname,
                    "action": action,
                    "from_status": before,
                    "to_status": after,
                    "department_id": dept,
                    "round": 1,
                    "note": note,
                    "clock": clock,
                    "on_time": on_time,
                }
            )
            event_id += 1
        if len(req_rows) >= 20_000:
            flush()
            if progress:
                progress(n + 1, total)
    flush()
    if progress:
        progress(total, total)
    if session.get_bind().dialect.name == "postgresql":
        for table in ("request", "request_event"):
            session.execute(
                text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
            )
