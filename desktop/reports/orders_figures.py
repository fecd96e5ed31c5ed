"""The service-order figures of a report (居民点单 → 社区制单 → 社会组织接单 → 政府买单).

* **居民点单 / 办结订单** — orders placed in the period (with the stage each is in at the
  cut-off) and orders closed in it (settled, terminated, cancelled or rejected);
* **政府买单** — money paid in the period, per fund and per provider, with the 核减
  deducted; the funds of the period's year with what they have bound, paid and left;
* **providers** — orders finished in the period and how many by their deadline, and the
  residents' ratings (群众评单) given in the period; **群众评单满意率** — 满意 (+ 基本满意 when
  the report setting says so) / all ratings.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from db import reports_orders as repo
from desktop.reports.figures import (
    Compared,
    CountRow,
    FundRow,
    MoneyRow,
    OrdersReport,
    OrderTotals,
    ProviderRow,
    Ratio,
    Satisfaction,
    share,
)
from desktop.reports.periods import Period
from desktop.reports.settings import ReportSettings
from desktop.reports.wording import ORDER_METRICS, ORDER_STAGES_ZH


def _totals(session: Session, period: Period, cutoff: dt.datetime, settings: ReportSettings) -> OrderTotals:
    start, end = period.window(cutoff)
    first, last = period.date_window(cutoff)
    given = repo.ratings(session, start, end)
    return OrderTotals(
        placed=repo.placed(session, start, end),
        closed=repo.closed(session, start, end),
        paid=repo.paid(session, first, last),
        satisfaction=Satisfaction(
            given.get("satisfied", 0),
            given.get("basic", 0),
            given.get("unsatisfied", 0),
            settings.basically_counts,
        ),
    )


def orders_report(
    session: Session, period: Period, cutoff: dt.datetime, settings: ReportSettings
) -> OrdersReport:
    """Every service-order figure of ``period`` at ``cutoff`` (see the module docstring)."""
    totals = _totals(session, period, cutoff, settings)
    before = _totals(session, period.previous(), cutoff, settings)
    year_ago = _totals(session, period.last_year(), cutoff, settings)
    now, prev, ly = totals.values(), before.values(), year_ago.values()
    headline = tuple(Compared(m.key, now[m.key], prev[m.key], ly[m.key]) for m in ORDER_METRICS)
    start, end = period.window(cutoff)
    first, last = period.date_window(cutoff)
    stages = repo.placed_by_stage(session, start, end)
    by_stage = tuple(
        CountRow(stage, label, stages.get(stage, 0), share(stages.get(stage, 0), totals.placed))
        for stage, label in ORDER_STAGES_ZH.items()
        if stages.get(stage)
    )
    by_fund = tuple(
        MoneyRow(p.key, p.name, p.amount, p.deduction, p.payments)
        for p in repo.paid_by_fund(session, first, last)
    )
    paid_providers = repo.paid_by_provider(session, first, last)
    by_provider = tuple(MoneyRow(p.key, p.name, p.amount, p.deduction, p.payments) for p in paid_providers)
    paid = {p.key: p.amount for p in paid_providers}
    funds = tuple(
        FundRow(f.id, f.name, f.kind, f.total, f.committed, f.paid) for f in repo.funds(session, period.year)
    )
    performance = {p.provider_id: p for p in repo.provider_totals(session, start, end)}
    names = {p.key: p.label for p in by_provider}

    def provider(i: int) -> ProviderRow:
        p = performance.get(i)
        if p is None:
            return ProviderRow(
                i, names[i], 0, Ratio(0, 0), Satisfaction(0, 0, 0, settings.basically_counts), paid[i]
            )
        ratings = Satisfaction(p.satisfied, p.basic, p.unsatisfied, settings.basically_counts)
        return ProviderRow(i, p.name, p.finished, Ratio(p.on_time, p.finished), ratings, paid.get(i, 0))

    rows = [provider(i) for i in set(performance) | set(paid)]
    providers = tuple(sorted(rows, key=lambda p: (-p.finished, -p.paid, p.name)))
    return OrdersReport(totals, before, year_ago, headline, by_stage, by_fund, by_provider, funds, providers)
