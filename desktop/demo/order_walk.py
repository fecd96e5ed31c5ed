"""Walking demo orders through the flow (for :mod:`desktop.demo.orders`).

One :class:`Walker` takes each order from 点单 to where it stands "now": each step after
a realistic delay in working time, with the events, fund entries, sessions and payments
the services would have written, and the fund caches kept equal to their entries. The
rows are collected in :class:`Rows` for Core executemany.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop.orders.states import Stage
from desktop.orders.vocabulary import completion_percent

YUAN = 100

# budgets in 元 and their weights: mostly small services, a few large projects
BUDGETS = {
    500: 10,
    800: 16,
    1_200: 20,
    1_500: 16,
    2_000: 12,
    3_000: 10,
    5_000: 8,
    8_000: 4,
    12_000: 3,
    20_000: 1,
}
THRESHOLD = 10_000 * YUAN  # the default approval threshold (desktop.orders.settings)
# What a new order's row holds before its first step.
ORDER_BLANK: dict = {
    **dict.fromkeys(("planned_people", "planned_sessions", "budget", "publicity_days"), 0),
    **dict.fromkeys(("actual_people", "actual_sessions", "redo_count"), 0),
    **dict.fromkeys(("attention", "scope", "rating_comment"), ""),
    **dict.fromkeys(
        ("request_id", "deadline", "drafted_at", "publicity_ends", "dispatched_at", "accept_by"), None
    ),
    **dict.fromkeys(
        ("provider_id", "contract_amount", "accepted_at", "finished_at", "on_time", "rating"), None
    ),
    **dict.fromkeys(("checked_at", "completion_percent", "closed_at", "due_at"), None),
    "stage": Stage.PENDING_REVIEW.value,
    "needs_approval": False,
}


@dataclass
class FundState:
    id: int
    total: int
    cap: int | None
    excluded: frozenset[str]
    committed: int = 0
    paid: int = 0


@dataclass
class Rows:
    """Rows waiting for the next executemany, and the next id of each table."""

    ids: dict[str, int]
    tables: dict[str, list[dict]] = field(default_factory=dict)

    def add(self, table: str, row: dict, *, with_id: bool = True) -> int:
        if with_id:
            row["id"] = self.ids[table]
            self.ids[table] += 1
        self.tables.setdefault(table, []).append(row)
        return row.get("id", 0)


class Walker:
    """Walks one order through the flow, step by step, until "now" or its stop stage."""

    def __init__(
        self, rng, now, cal, users, tags, items, providers, funds, residents, volunteers, busy, rows: Rows
    ):
        self.rng, self.now, self.cal, self.users, self.rows = rng, now, cal, users, rows
        self.tags, self.items, self.providers, self.funds = tags, items, providers, funds
        self.residents, self.volunteers = residents, volunteers
        self.busy: set[tuple[int, dt.date]] = busy  # (volunteer, day) pairs the love bank has
        self.budgets = [b * YUAN for b, w in BUDGETS.items() for _ in range(w)]

    # --- one order ---------------------------------------------------------------------------
    def order(self, number: str, placed: dt.datetime, stop: Stage | None) -> None:
        rng = self.rng
        item_id, category, name, _price, kinds, groups = rng.choice(self.items)
        resident_id, grid_id = rng.choice(self.residents)
        free = rng.random() < 0.08
        o: dict = {
            **ORDER_BLANK,
            "number": number,
            "resident_id": resident_id,
            "grid_id": grid_id,
            "item_id": None if free else item_id,
            "category": category,
            "title": "想请人帮忙" + name if free else name,
            "description": f"居民申请{name}服务" if free else "",
            "ordered_at": placed,
            "ordered_by": self.users["front_desk"][0],
            "updated_at": placed,
        }
        oid = self.rows.add("service_order", o)
        self.event(o, oid, placed, "front_desk", "place", "", before="")
        self.stop = stop
        self.lines: list[tuple[FundState, dict]] = []
        self.candidates: list[dict] = []
        self.walk(o, oid, kinds, groups)
        o["due_at"] = self.due(o)

    def go(self, o: dict, at: dt.datetime, stage: Stage) -> bool:
        """Whether the step at ``at`` into ``stage`` happens (before now, not past the stop)."""
        return at <= self.now and (self.stop is None or Stage(o["stage"]) != self.stop)

    def later(self, at: dt.datetime, low: float, high: float) -> dt.datetime:
        """A working moment ``low``–``high`` working days after ``at``."""
        minutes = int(self.rng.uniform(low, high) * 9 * 60)
        return self.cal.add_working_minutes(at, max(minutes, 5))

    def walk(self, o: dict, oid: int, kinds: frozenset[str], groups: list[int]) -> None:
        rng = self.rng
        at = self.later(o["ordered_at"], 0.1, 1.5)
        if not self.go(o, at, Stage.TO_DRAFT):
            return
        if (self.stop is None and rng.random() < 0.05) or self.stop == Stage.REJECTED:
            self.move(
                o, oid, at, "front_desk", "reject", Stage.REJECTED, "不属于服务清单范围，已告知居民联系物业"
            )
            o["closed_at"] = at
            return
        self.move(o, oid, at, "front_desk", "take_in", Stage.TO_DRAFT, "")
        at = self.later(at, 0.5, 4)
        if not self.go(o, at, Stage.PENDING_APPROVAL):
            return
        budget = rng.choice(self.budgets)
        if self.stop == Stage.PENDING_APPROVAL:
            budget = max(budget, THRESHOLD + 2_000 * YUAN)
        lines = self.plan_lines(o["category"], budget)
        if lines is None:  # the funds are spent: the order waits (the desk tells the resident)
            return
        sessions = rng.choice((1, 1, 2, 3, 4, 6))
        o.update(
            planned_sessions=sessions,
            planned_people=sessions * rng.choice((3, 5, 10, 20, 30)),
            scope=f"{o['title']}，共{sessions}次",
            deadline=(at + dt.timedelta(days=rng.choice((14, 30, 45, 60)))).date(),
            budget=budget,
            drafted_at=at,
            needs_approval=budget > THRESHOLD,
            publicity_days=3 if (rng.random() < 0.1 or self.stop == Stage.PUBLICITY) else 0,
        )
        for t in groups[:2]:
            self.rows.add("order_target_tag", {"order_id": oid, "tag_id": t}, with_id=False)
        for fund, amount in lines:
            line = {"order_id": oid, "fund_id": fund.id, "budget": amount, "committed": 0, "paid": 0}
            self.rows.add("order_fund", line, with_id=False)
            self.lines.append((fund, line))
            self.commit(o, oid, fund, line, amount, at, "coordinator")
        if o["needs_approval"]:
            self.move(o, oid, at, "coordinator", "draft", Stage.PENDING_APPROVAL, "", amount=budget)
            at = self.later(at, 0.5, 3)
            if not self.go(o, at, Stage.PUBLICITY):
                return
            self.publicity_or_dispatch(o, oid, at, "director", "approve")
        else:
            self.publicity_or_dispatch(o, oid, at, "coordinator", "draft", amount=budget)
        if o["stage"] == Stage.PUBLICITY.value:
            at = o["publicity_ends"]
            if not self.go(o, at, Stage.TO_DISPATCH):
                return
            self.move(o, oid, at, "coordinator", "close_publicity", Stage.TO_DISPATCH, "公示期满无异议")
        at = self.later(at, 0.2, 2)
        if not self.go(o, at, Stage.TO_ACCEPT):
            return
        if (self.stop is None and rng.random() < 0.03) or self.stop == Stage.CANCELLED:
            self.release_all(o, oid, at, "coordinator")
            self.move(o, oid, at, "coordinator", "cancel", Stage.CANCELLED, "居民已不需要该服务")
            o["closed_at"] = at
            return
        suitable = [p for p in self.providers if (not kinds or p[1] in kinds)]
        chosen = rng.sample(suitable, k=min(len(suitable), rng.choice((1, 1, 1, 2))))
        provider = chosen[0][0]
        at = self.dispatch(o, oid, at, chosen)
        accept_at = self.later(at, 0.1, 2.5)
        lapse = self.stop is None and rng.random() < 0.04  # nobody answers in time
        if lapse:
            accept_at = o["accept_by"] + dt.timedelta(hours=rng.randint(1, 48))
        if lapse and o["accept_by"] <= self.now:
            self.move(
                o,
                oid,
                o["accept_by"],
                "front_desk",
                "expire",
                Stage.TO_DISPATCH,
                "接单期限已过",
                attention="expired",
            )
            accept_at = o["accept_by"]
        elif self.stop is None and rng.random() < 0.08 and accept_at <= self.now:
            for n, candidate in enumerate(self.candidates):
                candidate["declined_at"] = accept_at
                last = n == len(self.candidates) - 1
                self.move(
                    o,
                    oid,
                    accept_at,
                    "front_desk",
                    "decline",
                    Stage.TO_DISPATCH if last else Stage.TO_ACCEPT,
                    "人手不足，无法接单",
                    provider=candidate["provider_id"],
                    reporter="机构负责人",
                    attention="declined" if last else "",
                )
        if o["stage"] == Stage.TO_DISPATCH.value:  # dispatched again, to one provider
            at = self.later(accept_at, 0.2, 1)
            if not self.go(o, at, Stage.TO_ACCEPT):
                return
            at = self.dispatch(o, oid, at, [chosen[0]])
            accept_at = self.later(at, 0.1, 2)
        if accept_at > o["accept_by"] or not self.go(o, accept_at, Stage.IN_PROGRESS):
            return
        legal = chosen[0][1] not in ("filed_community_org", "volunteer_team")
        contract = (o["budget"] * rng.randint(85, 100) // 100 // 1000 * 1000) if legal else 0
        self.accept(o, oid, accept_at, provider, contract)
        at = accept_at
        if legal and rng.random() < 0.4:
            at = self.later(at, 0.5, 3)
            if at <= self.now and self.stop != Stage.IN_PROGRESS:
                self.pay(o, oid, at, "advance", contract * 3 // 10 // 100 * 100)
        self.deliver(o, oid, at, provider, legal, groups)

    def deliver(
        self, o: dict, oid: int, at: dt.datetime, provider: int, legal: bool, groups: list[int]
    ) -> None:
        rng = self.rng
        for round_ in range(2):
            held = 0
            while held < o["planned_sessions"]:
                at = self.later(at, 1, 6)
                if at > self.now or self.stop == Stage.IN_PROGRESS and held >= 1:
                    return
                if (self.stop is None and rng.random() < 0.015) or (
                    self.stop == Stage.TERMINATED and held >= 1
                ):
                    self.release_all(o, oid, at, "director")
                    self.move(
                        o,
                        oid,
                        at,
                        "director",
                        "terminate",
                        Stage.TERMINATED,
                        "服务机构未按约定履行，终止合作",
                    )
                    o["closed_at"] = at
                    return
                self.report(o, oid, at, provider, groups)
                held += 1
                if rng.random() < 0.1:  # fewer sessions than planned
                    break
            finished = self.later(at, 0.1, 1)
            if not self.go(o, finished, Stage.TO_RATE):
                return
            o["finished_at"] = finished
            o["on_time"] = finished.date() <= o["deadline"]
            self.move(
                o,
                oid,
                finished,
                "front_desk",
                "finish",
                Stage.TO_RATE,
                "",
                provider=provider,
                reporter="项目负责人",
            )
            at = self.later(finished, 0.5, 5)
            if not self.go(o, at, Stage.TO_CHECK):
                return
            rating = rng.choices(("satisfied", "basic", "unsatisfied"), (78, 17, 5))[0]
            o["rating"] = rating
            if rating == "unsatisfied" and round_ == 0:
                o["redo_count"] += 1
                o["rating_comment"] = "服务时间太短，要求重新服务"
                self.move(
                    o, oid, at, "front_desk", "redo", Stage.IN_PROGRESS, o["rating_comment"], attention="redo"
                )
                continue
            o["rating_comment"] = {"satisfied": "很满意", "basic": "基本满意", "unsatisfied": "一般"}[rating]
            self.move(o, oid, at, "front_desk", "rate", Stage.TO_CHECK, o["rating_comment"])
            break
        else:
            return
        at = self.later(at, 1, 8)
        if not self.go(o, at, Stage.TO_PAY):
            return
        o["checked_at"] = at
        o["completion_percent"] = completion_percent(
            o["planned_people"], o["actual_people"], o["planned_sessions"], o["actual_sessions"]
        )
        self.move(o, oid, at, "director", "check", Stage.TO_PAY, "资料齐全，同意验收")
        at = self.later(at, 2, 15)
        if not self.go(o, at, Stage.SETTLED):
            return
        left = (o["contract_amount"] or 0) - sum(line["paid"] for _f, line in self.lines)
        if left > 0 and legal:
            deduction = left // 10 // 100 * 100 if o["completion_percent"] < 80 or rng.random() < 0.05 else 0
            self.pay(o, oid, at, "final", left - deduction, deduction)
            return
        self.release_all(o, oid, at, "director")
        o["closed_at"] = at
        self.move(o, oid, at, "director", "settle", Stage.SETTLED, "无偿服务，无需付款" if not legal else "")

    # --- steps -------------------------------------------------------------------------------
    def publicity_or_dispatch(self, o: dict, oid: int, at: dt.datetime, role: str, action: str, **kw) -> None:
        if o["publicity_days"]:
            o["publicity_ends"] = self.cal.add_working_days(at, o["publicity_days"])
            self.move(o, oid, at, role, action, Stage.PUBLICITY, "", **kw)
        else:
            self.move(o, oid, at, role, action, Stage.TO_DISPATCH, "", **kw)

    def dispatch(self, o: dict, oid: int, at: dt.datetime, chosen) -> dt.datetime:
        pending = self.rows.tables.get("order_candidate", [])
        for old in self.candidates:  # a new dispatch replaces the candidates
            pending.remove(old)
        self.candidates = [{"order_id": oid, "provider_id": p, "declined_at": None} for p, *_ in chosen]
        for candidate in self.candidates:
            self.rows.add("order_candidate", candidate, with_id=False)
        o["dispatched_at"], o["accept_by"] = at, self.cal.add_working_days(at, 3)
        self.move(
            o,
            oid,
            at,
            "front_desk",
            "dispatch",
            Stage.TO_ACCEPT,
            "",
            provider=chosen[0][0] if len(chosen) == 1 else None,
        )
        return at

    def accept(self, o: dict, oid: int, at: dt.datetime, provider: int, contract: int) -> None:
        left = contract
        for fund, line in self.lines:
            keep = min(line["budget"], left)
            left -= keep
            self.release(o, oid, fund, line, line["committed"] - keep, at, "front_desk")
        o.update(provider_id=provider, contract_amount=contract, accepted_at=at)
        self.move(
            o,
            oid,
            at,
            "front_desk",
            "accept",
            Stage.IN_PROGRESS,
            "",
            provider=provider,
            reporter="项目负责人",
            amount=contract,
        )

    def report(self, o: dict, oid: int, at: dt.datetime, provider: int, groups: list[int]) -> None:
        rng = self.rng
        per = max(1, o["planned_people"] // max(1, o["planned_sessions"]))
        people = max(0, per + rng.randint(-per // 3, per // 3 + 1))
        sid = self.rows.add(
            "order_session",
            {
                "order_id": oid,
                "held_on": at.date(),
                "people": people,
                "content": f"开展{o['title']}服务",
                "reporter": "项目负责人",
                "reported_at": at,
                "reported_by": self.users["front_desk"][0],
            },
        )
        if groups and people:
            self.rows.add(
                "order_session_group",
                {"session_id": sid, "tag_id": groups[0], "people": max(1, people * 2 // 3)},
                with_id=False,
            )
        volunteer = rng.choice(self.volunteers) if self.volunteers else None
        recent = (self.now.date() - at.date()).days <= 14 and rng.random() < 0.5
        if volunteer is not None and recent and (volunteer, at.date()) not in self.busy:
            self.busy.add((volunteer, at.date()))
            minutes = rng.choice((60, 90, 120))
            record = self.rows.add(
                "service_record",
                {
                    "volunteer_id": volunteer,
                    "activity_id": None,
                    "served_on": at.date(),
                    "minutes": minutes,
                    "description": f"{o['number']} {o['title']}",
                    "status": "pending",
                    "reason": "",
                    "points": 0,
                    "created_at": at,
                    "created_by": self.users["front_desk"][0],
                    "decided_at": None,
                    "decided_by": None,
                },
            )
            self.rows.add(
                "order_session_volunteer",
                {
                    "session_id": sid,
                    "volunteer_id": volunteer,
                    "minutes": minutes,
                    "service_record_id": record,
                },
                with_id=False,
            )
        o["actual_people"] += people
        o["actual_sessions"] += 1
        self.event(
            o,
            oid,
            at,
            "front_desk",
            "report_session",
            f"{at.date().isoformat()} {people}人",
            provider=provider,
            reporter="项目负责人",
        )

    def pay(self, o: dict, oid: int, at: dt.datetime, tranche: str, amount: int, deduction: int = 0) -> None:
        fund, line = max(self.lines, key=lambda fl: fl[1]["committed"] - fl[1]["paid"])
        amount = min(amount, line["committed"] - line["paid"])
        if amount <= 0 and deduction <= 0:
            return
        voucher = f"PZ{at:%Y%m%d}-{self.rows.ids['order_payment']:06d}"
        pid = self.rows.add(
            "order_payment",
            {
                "order_id": oid,
                "fund_id": fund.id,
                "provider_id": o["provider_id"],
                "tranche": tranche,
                "amount": amount,
                "deduction": deduction,
                "deduction_reason": "服务人次未达计划，按比例核减" if deduction else "",
                "over_contract_reason": "",
                "paid_on": at.date(),
                "voucher": voucher,
                "note": "",
                "at": at,
                "user_id": self.users["director"][0],
                "username": self.users["director"][1],
            },
        )
        if deduction:
            self.release(o, oid, fund, line, deduction, at, "director")
        if amount:
            fund.paid += amount
            line["paid"] += amount
            self.entry(fund, oid, at, "pay", 0, amount, "director", payment=pid)
        if tranche == "final":
            self.release_all(o, oid, at, "director")
            o["closed_at"] = at
            self.move(
                o,
                oid,
                at,
                "director",
                "pay",
                Stage.SETTLED,
                voucher,
                provider=o["provider_id"],
                amount=amount,
            )
        else:
            self.event(o, oid, at, "director", "pay", voucher, provider=o["provider_id"], amount=amount)

    # --- money -------------------------------------------------------------------------------
    def plan_lines(self, category: str, budget: int) -> list[tuple[FundState, int]] | None:
        usable = [f for f in self.funds.values() if category not in f.excluded]
        self.rng.shuffle(usable)
        for fund in usable:
            if fund.total - fund.committed >= budget and (fund.cap is None or budget <= fund.cap):
                return [(fund, budget)]
        return None

    def commit(self, o, oid, fund: FundState, line: dict, amount: int, at, role: str) -> None:
        fund.committed += amount
        line["committed"] += amount
        self.entry(fund, oid, at, "commit", amount, 0, role)

    def release(self, o, oid, fund: FundState, line: dict, amount: int, at, role: str) -> None:
        amount = min(amount, line["committed"] - line["paid"])
        if amount <= 0:
            return
        fund.committed -= amount
        line["committed"] -= amount
        self.entry(fund, oid, at, "release", -amount, 0, role)

    def release_all(self, o, oid, at, role: str) -> None:
        for fund, line in self.lines:
            self.release(o, oid, fund, line, line["committed"] - line["paid"], at, role)

    def entry(
        self,
        fund: FundState,
        oid: int,
        at,
        kind: str,
        committed: int,
        paid: int,
        role: str,
        payment: int | None = None,
    ) -> None:
        uid, uname = self.users[role]
        self.rows.add(
            "fund_entry",
            {
                "fund_id": fund.id,
                "order_id": oid,
                "at": at,
                "kind": kind,
                "committed_delta": committed,
                "paid_delta": paid,
                "payment_id": payment,
                "user_id": uid,
                "username": uname,
            },
        )

    # --- history -----------------------------------------------------------------------------
    def move(
        self,
        o: dict,
        oid: int,
        at,
        role: str,
        action: str,
        stage: Stage,
        note: str,
        *,
        provider: int | None = None,
        reporter: str = "",
        amount: int | None = None,
        attention: str = "",
    ) -> None:
        before = o["stage"]
        o["stage"], o["attention"], o["updated_at"] = stage.value, attention, at
        self.event(
            o, oid, at, role, action, note, provider=provider, reporter=reporter, amount=amount, before=before
        )

    def event(
        self,
        o: dict,
        oid: int,
        at,
        role: str,
        action: str,
        note: str,
        *,
        provider: int | None = None,
        reporter: str = "",
        amount: int | None = None,
        before: str | None = None,
    ) -> None:
        uid, uname = self.users[role]
        self.rows.add(
            "order_event",
            {
                "order_id": oid,
                "at": at,
                "user_id": uid,
                "username": uname,
                "action": action,
                "from_stage": o["stage"] if before is None else before,
                "to_stage": o["stage"],
                "provider_id": provider,
                "reporter": reporter,
                "amount": amount,
                "note": note,
            },
        )
        o["updated_at"] = at

    def due(self, o: dict) -> dt.datetime | None:
        stage = o["stage"]
        if stage == Stage.TO_ACCEPT.value:
            return o["accept_by"]
        if stage == Stage.PUBLICITY.value:
            return o["publicity_ends"]
        if stage == Stage.IN_PROGRESS.value and o["deadline"] is not None:
            return dt.datetime.combine(o["deadline"] + dt.timedelta(days=1), dt.time())
        return None
