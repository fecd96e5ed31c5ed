"""Demo grid visits (网格走访): grid workers with their grids, and the visits of the last
month and of this month so far — most residents seen, some not (overdue), a few 七必报
items found, those needing action registered as 网格员上报 requests.

Visits go in by bulk inserts (district scale: tens of thousands), the per-resident
``visit_summary`` with them; the few reported items go through the requests job's own
rule so their requests are real ones.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from db import visits as repo
from db.models import User
from db.models_visits import GridWorker, Visit, VisitReport, VisitRule, VisitSummary
from desktop.common.permissions import Actor, Role
from desktop.common.workcalendar import WorkCalendar
from desktop.requests.grid_reports import register_grid_report
from desktop.visits.plan import rank_codes
from desktop.visits.rules import ACTION_ITEMS, ITEM_ZH, REGISTER_ITEMS, unrank, window

GRIDS_PER_WORKER = 5
FINDINGS = {
    "safety": "楼道内电动车充电，已现场劝导",
    "instability": "邻里因漏水发生争执，情绪激动",
    "sanitation": "单元门口垃圾堆积多日未清运",
    "hospitalised": "老人突发脑梗住院，家中无人照料",
    "rental": "房屋已出租给外来务工人员",
    "new_migrants": "新搬入一户外地家庭",
    "new_pregnancy": "儿媳怀孕三个月",
}
ROUTINE = ("身体状况良好", "生活正常，无特殊需求", "家中整洁，情绪稳定")
ACTION_REPORTS_MAX = {"centre": 12, "district": 40}


def fill_visits(
    session: Session,
    scale: str,
    rng: random.Random,
    moment: dt.datetime,
    *,
    worker_hash: str,
    grid_ids: list[int],
) -> None:
    """Workers, rules and about five weeks of visits up to ``moment``."""
    today = moment.date()
    # Variety in the rules: 残疾人 every quarter (a phone call counts).
    session.add(VisitRule(tag_name="残疾人", frequency="quarterly", phone_counts=True, updated_at=moment))
    session.flush()
    workers = _workers(session, grid_ids, worker_hash, moment)
    calendar = WorkCalendar.from_db(session)
    members = repo.plan_members(session, rank_codes(session))
    grid_worker = {g: w for w, grids in workers.items() for g in grids}
    rows: list[dict] = []
    summaries: dict[int, tuple[dt.date, dt.date | None]] = {}
    reports: list[tuple[int, str]] = []  # (index into rows, item)
    for m in members:
        if m.left_on is not None:
            continue
        frequency, _phone = unrank(m.code)
        current = window(calendar, frequency, today)
        before = window(calendar, frequency, current.start - dt.timedelta(days=1))
        for w, chance in ((before, 0.9), (current, 0.85 * _elapsed(current, today))):
            if rng.random() >= chance or w.start > today:
                continue
            last = min(w.end, today)
            day = w.start + dt.timedelta(days=rng.randint(0, (last - w.start).days))
            if dt.datetime.combine(day, dt.time()) < dt.datetime.combine(m.created_on, dt.time()):
                continue
            method = rng.choices(("home", "phone", "centre"), (80, 15, 5))[0]
            visitor = grid_worker.get(m.grid_id or 0, next(iter(workers)))
            rows.append(
                {
                    "resident_id": m.resident_id,
                    "grid_id": m.grid_id,
                    "visited_on": day,
                    "method": method,
                    "visitor_id": visitor,
                    "companions": rng.choice(("", "", "", "楼长", "社区民警", "志愿者")),
                    "findings": "",
                    "supersedes_id": None,
                    "withdrawn": False,
                    "reason": "",
                    "recorded_at": dt.datetime.combine(day, dt.time(16, rng.randint(0, 59))),
                    "recorded_by": visitor,
                    "username": "",
                }
            )
            if rng.random() < 0.03:
                item = rng.choice(list(FINDINGS))
                rows[-1]["findings"] = FINDINGS[item]
                reports.append((len(rows) - 1, item))
            else:
                rows[-1]["findings"] = rng.choice(
                    ("身体状况良好", "生活正常，无特殊需求", "家中整洁，情绪稳定")
                )
            last_any, last_person = summaries.get(m.resident_id, (None, None))
            if last_any is None or day > last_any:
                last_any = day
            if method != "phone" and (last_person is None or day > last_person):
                last_person = day
            summaries[m.resident_id] = (last_any, last_person)
    usernames = {i: n for i, n in session.execute(select(User.id, User.username))}
    for r in rows:
        r["username"] = usernames.get(r["recorded_by"], "")
    rows.sort(key=lambda r: (r["recorded_at"], r["resident_id"]))
    reported_at = {id(rows[i]): item for i, item in reports}
    for start in range(0, len(rows), 10_000):
        session.execute(insert(Visit), rows[start : start + 10_000])
    session.flush()
    ids = {
        (resident, visited_on): visit_id
        for visit_id, resident, visited_on in session.execute(
            select(Visit.id, Visit.resident_id, Visit.visited_on)
        )
    }
    last_ids = {rid: ids[(rid, last_on)] for rid, (last_on, _p) in summaries.items()}
    session.execute(
        insert(VisitSummary),
        [
            {"resident_id": rid, "last_on": a, "last_in_person_on": p, "last_visit_id": last_ids[rid]}
            for rid, (a, p) in summaries.items()
        ],
    )
    _reports(session, scale, rows, reported_at, ids, moment)


def _elapsed(w, today: dt.date) -> float:
    return min(1.0, ((today - w.start).days + 1) / ((w.end - w.start).days + 1))


def _workers(
    session: Session, grid_ids: list[int], worker_hash: str, moment: dt.datetime
) -> dict[int, list[int]]:
    """The demo grid worker (``wangge``) looks after the first grids; more workers (named
    网格员N, the same password) after the others, five grids each."""
    first = session.scalar(select(User.id).where(User.role == Role.GRID_WORKER.value).order_by(User.id))
    assert first is not None, "the demo users include a grid worker"
    chunks = [grid_ids[i : i + GRIDS_PER_WORKER] for i in range(0, len(grid_ids), GRIDS_PER_WORKER)]
    extra = [
        {
            "username": f"wangge{n + 2}",
            "full_name": f"网格员{n + 2}",
            "role": Role.GRID_WORKER.value,
            "password_hash": worker_hash,
            "is_active": True,
            "failed_logins": 0,
            "created_at": moment,
        }
        for n in range(len(chunks) - 1)
    ]
    if extra:
        session.execute(insert(User), extra)
    users = [first] + list(
        session.scalars(
            select(User.id).where(User.username.in_([u["username"] for u in extra])).order_by(User.id)
        )
    )
    session.execute(
        insert(GridWorker),
        [{"user_id": u, "grid_id": g} for u, grids in zip(users, chunks, strict=False) for g in grids],
    )
    return {u: grids for u, grids in zip(users, chunks, strict=False)}


def _reports(
    session: Session,
    scale: str,
    rows: list[dict],
    reported_at: dict[int, str],
    ids: dict[tuple[int, dt.date], int],
    moment: dt.datetime,
) -> None:
    """The ticked 七必报 items; the first few needing action become real requests."""
    raised = 0
    links = []
    for r in rows:
        item = reported_at.get(id(r))
        if item is None:
            continue
        visit_id = ids[(r["resident_id"], r["visited_on"])]
        request_id = None
        if item in ACTION_ITEMS:
            if raised >= ACTION_REPORTS_MAX.get(scale, 12):
                item = REGISTER_ITEMS[raised % len(REGISTER_ITEMS)]
            else:
                hint = ACTION_ITEMS[item]
                actor = Actor(r["visitor_id"], r["username"], "", Role.GRID_WORKER)
                at = min(r["recorded_at"], moment)
                request_id, _number = register_grid_report(
                    session,
                    actor,
                    resident_id=r["resident_id"],
                    category=hint.category,
                    urgency=hint.urgency,
                    description=f"网格走访发现{ITEM_ZH[item]}：{r['findings']}",
                    address="",
                    grid_id=r["grid_id"],
                    received_at=at,
                    now=at,
                )
                raised += 1
        links.append({"visit_id": visit_id, "item": item, "request_id": request_id})
    if links:
        session.execute(insert(VisitReport), links)
