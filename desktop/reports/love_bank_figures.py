"""The love-bank figures of a report (爱心银行): what each one counts.

* **新增志愿者** — volunteers who joined in the period; **参与服务志愿者** — volunteers
  with approved service served in the period; **服务人次 / 服务时长** — those approved
  service records and their hours.
* **Points** moved in the window, each correction counted with what it corrects:
  发放积分 = earnings less reversed earnings; 兑换积分 = points spent in the 爱心超市
  (goods at once, or frozen points at the handover, 核销) less what cancellations gave
  back; 过期积分 = points expired at settlement less reversed expiries; other
  corrections are 调整 (net).
* **Top volunteers** — by approved hours served in the period.
* **New stars** — volunteers whose approved hours, approved in the window, took them
  into a higher star level (一星 100 h … 五星 1500 h, as the love bank counts them).
* **进出明细** — per item: opening stock, put in by the coordinator, taken by
  redemptions, back from cancelled ones, taken out by the coordinator, closing stock.
  The closing stock is today's stock less the movements after the window, so a past
  month reads as it stood then. **Low stock** — active goods at or below the setting now.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

from sqlalchemy.orm import Session

from db import reports_love_bank as repo
from desktop.reports.figures import (
    Compared,
    LoveBankReport,
    LoveBankTotals,
    StarRow,
    StockRow,
    VolunteerRow,
)
from desktop.reports.periods import Period
from desktop.reports.settings import ReportSettings
from desktop.reports.wording import LOVE_BANK_METRICS

# The star levels by approved hours (desktop.love_bank.rules.STARS, which this job may
# not import: a test keeps the two equal).
STAR_HOURS = (100, 300, 600, 1000, 1500)
TOP_VOLUNTEERS = 10
FAR_FUTURE = dt.datetime(9999, 1, 1)  # the end of "after the window"


def star_level(minutes: int) -> int:
    """0 (no star) … 5 for an amount of approved minutes."""
    hours = minutes / 60
    return sum(1 for h in STAR_HOURS if hours >= h)


def _points(groups: list[repo.LedgerGroup]) -> tuple[int, int, int, int]:
    earned = redeemed = expired = adjusted = 0
    for g in groups:
        if g.kind == "earn":
            earned += g.delta
        elif g.kind == "redeem":
            redeemed -= g.delta + g.frozen_delta
        elif g.kind == "expire":
            expired -= g.delta
        elif g.kind == "adjust" and g.for_redemption:
            redeemed -= g.delta  # a handed-over redemption cancelled: points given back
        elif g.kind == "adjust":
            adjusted += g.delta
        elif g.kind == "reversal":
            if g.reversed_kind == "earn":
                earned += g.delta
            elif g.reversed_kind == "redeem":
                redeemed -= g.delta
            elif g.reversed_kind == "expire":
                expired += g.delta
            else:
                adjusted += g.delta
    return earned, redeemed, expired, adjusted


def _totals(session: Session, period: Period, cutoff: dt.datetime) -> LoveBankTotals:
    first, last = period.date_window(cutoff)
    start, end = period.window(cutoff)
    service = repo.service_totals(session, first, last)
    earned, redeemed, expired, adjusted = _points(repo.ledger_groups(session, start, end))
    return LoveBankTotals(
        volunteers_new=repo.volunteers_joined(session, first, last),
        volunteers_active=service.volunteers,
        service_records=service.records,
        service_minutes=service.minutes,
        points_earned=earned,
        points_redeemed=redeemed,
        points_expired=expired,
        points_adjusted=adjusted,
    )


def _stock_of(raw: str) -> int | None:
    if not raw:
        return None
    try:
        value = json.loads(raw).get("stock")
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _stock(
    session: Session, window: tuple[dt.datetime, dt.datetime], cutoff: dt.datetime, low: int
) -> tuple[tuple[StockRow, ...], tuple[StockRow, ...]]:
    start, end = window
    items = repo.reward_items(session)
    redeemed = repo.items_redeemed(session, start, end)
    returned = repo.items_returned(session, start, end)
    redeemed_after = repo.items_redeemed(session, end, FAR_FUTURE)
    returned_after = repo.items_returned(session, end, FAR_FUTURE)
    put_in: Counter[int] = Counter()
    taken_out: Counter[int] = Counter()
    net_after: Counter[int] = Counter()
    for edit in repo.stock_edits(session, start):
        before, after = _stock_of(edit.before) or 0, _stock_of(edit.after)
        if after is None:
            continue
        change = after - before
        if edit.at >= end:
            net_after[edit.item_id] += change
        elif change > 0:
            put_in[edit.item_id] += change
        else:
            taken_out[edit.item_id] -= change
    rows: list[StockRow] = []
    for item in items:
        closing = (
            item.stock - net_after[item.id] + redeemed_after.get(item.id, 0) - returned_after.get(item.id, 0)
        )
        moved = put_in[item.id] - taken_out[item.id] - redeemed.get(item.id, 0) + returned.get(item.id, 0)
        row = StockRow(
            item.id,
            item.name,
            closing - moved,
            put_in[item.id],
            redeemed.get(item.id, 0),
            returned.get(item.id, 0),
            taken_out[item.id],
            closing,
            item.is_active,
        )
        if item.is_active or any(
            (row.opening, row.stocked_in, row.redeemed, row.returned, row.taken_out, row.closing)
        ):
            rows.append(row)
    low_rows = tuple(
        StockRow(i.id, i.name, i.stock, 0, 0, 0, 0, i.stock, True)
        for i in items
        if i.is_active and i.kind == "goods" and i.stock <= low
    )
    return tuple(rows), low_rows


def love_bank_report(
    session: Session, period: Period, cutoff: dt.datetime, settings: ReportSettings
) -> LoveBankReport:
    """Every love-bank figure of ``period`` at ``cutoff`` (see the module docstring)."""
    totals = _totals(session, period, cutoff)
    before = _totals(session, period.previous(), cutoff)
    year_ago = _totals(session, period.last_year(), cutoff)
    now, prev, ly = totals.values(), before.values(), year_ago.values()
    headline = tuple(Compared(m.key, now[m.key], prev[m.key], ly[m.key]) for m in LOVE_BANK_METRICS)
    first, last = period.date_window(cutoff)
    top = tuple(
        VolunteerRow(v.volunteer_id, v.name, v.team, v.minutes / 60, v.points)
        for v in repo.top_volunteers(session, first, last, TOP_VOLUNTEERS)
    )
    start, end = period.window(cutoff)
    thresholds = [h * 60 for h in STAR_HOURS]
    stars = tuple(
        StarRow(
            r.volunteer_id,
            r.name,
            r.team,
            star_level(r.minutes_before),
            star_level(r.minutes_after),
            r.minutes_after / 60,
        )
        for r in repo.star_rises(session, start, end, thresholds)
    )
    stock, low = _stock(session, (start, end), cutoff, settings.low_stock)
    return LoveBankReport(totals, before, year_ago, headline, top, stars, stock, low)
