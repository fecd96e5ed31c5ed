"""The department ranking (承办单位考评排名): a weighted score, ties sharing a rank,
红榜 and 黑榜, and the departments named for 整改.

Score (0 … 100) = the weighted mean, in percent, of
  按时办结率 (on time / due, resolve clock),
  满意率 (satisfied / answered follow-up calls, 基本满意 counting as the setting says),
  1 − 重办率 (not reopened / resolved);
weights from the settings (30 / 35 / 35 by default). A part a department has nothing to
measure for yet (no resolve clock due, no follow-up call, nothing resolved) is left out
and the other weights count in proportion; a department with no part at all is not
ranked. Only departments with at least the minimum of requests routed to them in the
period are ranked.

Ranks are "competition" ranks on the score rounded to two decimals: equal scores share a
rank and the next rank skips (1, 2, 2, 4). 红榜 are the departments ranked in the first
``honour_list`` places (more when a tie straddles the last place); 黑榜 the ones in the
last ``honour_list`` places counted from the bottom, leaving out any already on 红榜 (so
with few departments nobody is on both). A department whose 回复率 or 满意率 is below its
threshold is named, ranked or not, as long as it had the minimum of requests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from desktop.reports.figures import DepartmentRow, Ranking, Ratio
from desktop.reports.settings import ReportSettings

SCORE_DECIMALS = 2


def score(row: DepartmentRow, weights: tuple[int, int, int]) -> float | None:
    """The weighted score of a department in percent, None with nothing to measure."""
    reopen = row.reopen_rate.value
    parts: list[tuple[int, float | None]] = [
        (weights[0], row.on_time_rate.value),
        (weights[1], row.satisfaction.rate.value),
        (weights[2], None if reopen is None else 1 - reopen),
    ]
    measured = [(w, v) for w, v in parts if v is not None and w > 0]
    total = sum(w for w, _v in measured)
    if not total:
        return None
    return 100 * sum(w * v for w, v in measured) / total


def _below(rate: Ratio, threshold: float) -> bool:
    percent = rate.percent
    return percent is not None and percent < threshold - 1e-9


def rank(rows: Sequence[DepartmentRow], settings: ReportSettings) -> Ranking:
    """Score, rank and name the departments (see the module docstring)."""
    eligible: list[DepartmentRow] = []
    others: list[DepartmentRow] = []
    for row in rows:
        if row.department_id is None:
            continue  # requests not routed yet are nobody's
        below: list[str] = []
        if row.assigned >= settings.minimum_requests:
            if _below(row.reply_rate, settings.reply_threshold):
                below.append("reply")
            if _below(row.satisfaction.rate, settings.satisfaction_threshold):
                below.append("satisfaction")
            value = score(row, settings.weights)
            if value is not None:
                eligible.append(replace(row, score=value, below=tuple(below)))
                continue
        others.append(replace(row, score=None, rank=None, below=tuple(below)))
    eligible.sort(key=lambda r: (-round(r.score or 0, SCORE_DECIMALS), r.name))
    keys = [round(r.score or 0, SCORE_DECIMALS) for r in eligible]
    ranked: list[DepartmentRow] = []
    for i, row in enumerate(eligible):
        position = 1 + sum(1 for k in keys if k > keys[i])
        ranked.append(replace(row, rank=position))
    size = settings.honour_list
    red = tuple(r for r in ranked if (r.rank or 0) <= size)
    # Counted from the bottom: how many score strictly lower, plus one.
    black = tuple(
        r
        for r in reversed(ranked)
        if r not in red and 1 + sum(1 for k in keys if k < round(r.score or 0, SCORE_DECIMALS)) <= size
    )
    others.sort(key=lambda r: (-r.assigned, r.name))
    rows_out = tuple(ranked) + tuple(others)
    named = tuple(r for r in rows_out if r.below)
    return Ranking(rows_out, red, black, named, settings.minimum_requests)
