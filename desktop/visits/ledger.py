"""What the visits job prints: the monthly 走访台账 of a grid (its data; the PDF is
:mod:`desktop.visits.ledger_pdf`) and the 网格走访 section of the monthly report (plain
tables the reports job prints and exports without knowing the visits job).

Printed texts are Simplified Chinese literals: these are documents for the centre's files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.visits.figures import VisitFigures
from desktop.visits.plan import STATUS_ZH, Status
from desktop.visits.rules import FREQUENCY_ZH, METHOD_ZH, Frequency


@dataclass(frozen=True)
class LedgerRow:
    name: str
    address: str
    tags: str
    frequency: Frequency
    phone_counts: bool
    due_dates: tuple[dt.date, ...]  # one per window due in the month
    visits: tuple[tuple[dt.date, str, str, str], ...]  # (date, method, visitor, companions)
    statuses: tuple[Status, ...]  # one per window

    @property
    def done(self) -> int:
        return sum(1 for s in self.statuses if s == Status.DONE)

    @property
    def status_text(self) -> str:
        """已走访 / 逾期 / 待走访, or 2/4 次 for a resident due several times."""
        if len(self.statuses) == 1:
            return STATUS_ZH[self.statuses[0]]
        text = f"{self.done}/{len(self.statuses)}"
        if Status.OVERDUE in self.statuses:
            text += " 逾期"
        return text

    @property
    def frequency_text(self) -> str:
        text = FREQUENCY_ZH[self.frequency]
        return text + ("（可电话）" if self.phone_counts else "")

    @property
    def visits_text(self) -> str:
        return "\n".join(
            f"{d:%m-%d} {METHOD_ZH.get(m, m)} {who}" + (f"、{companions}" if companions else "")
            for d, m, who, companions in self.visits
        )


@dataclass(frozen=True)
class LedgerData:
    centre: str
    grid: str
    first: dt.date
    last: dt.date
    printed_at: dt.datetime
    workers: tuple[str, ...]
    rows: tuple[LedgerRow, ...]

    @property
    def month_label(self) -> str:
        return f"{self.first.year}年{self.first.month}月"

    def count(self, status: Status) -> int:
        return sum(1 for r in self.rows for s in r.statuses if s == status)


@dataclass(frozen=True)
class ReportTable:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # relative
    unit: str = ""


@dataclass(frozen=True)
class ReportSection:
    """A section of the monthly report: a heading, paragraphs, tables (all text)."""

    heading: str
    sheet: str
    paragraphs: tuple[str, ...]
    tables: tuple[ReportTable, ...]


def _rate(done: int, due: int) -> str:
    return f"{100 * done / due:.1f}" if due else "—"


def report_section(f: VisitFigures) -> ReportSection | None:
    """The 网格走访 section from the figures of a period; None when nothing was due or done."""
    if f.is_empty:
        return None
    t = f.tally
    methods = "、".join(f"{METHOD_ZH[m]} {n} 次" for m, n in sorted(f.by_method.items()))
    found = [i for i in f.items if i.count]
    paragraphs = [
        f"本期纳入走访计划的重点人群 {f.residents} 人，应访 {t.due} 人次，已访 {t.done} 人次，"
        f"逾期未访 {t.overdue} 人次，未到期 {t.pending} 人次，走访完成率 {_rate(t.done, t.due)}%。"
        f"本期共记录走访 {f.visits} 次" + (f"（{methods}）" if methods else "") + "。",
        (
            "走访发现“七必报”事项 "
            + "、".join(f"{i.label} {i.count} 件" for i in found)
            + f"，其中转为网格员上报诉求 {sum(i.requests for i in found)} 件。"
            if found
            else "本期走访未发现“七必报”事项。"
        ),
    ]
    tables = [
        ReportTable(
            "（一）分网格走访情况",
            ("网格", "计划人数", "应访", "已访", "逾期", "未到期", "完成率（%）", "走访次数"),
            tuple(
                (
                    g.name or "未分网格",
                    str(g.residents),
                    str(g.tally.due),
                    str(g.tally.done),
                    str(g.tally.overdue),
                    str(g.tally.pending),
                    _rate(g.tally.done, g.tally.due),
                    str(g.visits),
                )
                for g in f.by_grid
            ),
            (30, 14, 12, 12, 12, 12, 16, 14),
            "人次",
        )
    ]
    if f.by_worker:
        tables.append(
            ReportTable(
                "（二）分网格员走访情况",
                ("网格员", "负责网格", "应访", "已访", "逾期", "完成率（%）", "本人走访次数"),
                tuple(
                    (
                        w.name,
                        "、".join(w.grids) or "—",
                        str(w.tally.due),
                        str(w.tally.done),
                        str(w.tally.overdue),
                        _rate(w.tally.done, w.tally.due),
                        str(w.visits),
                    )
                    for w in f.by_worker
                ),
                (20, 36, 12, 12, 12, 16, 18),
                "人次",
            )
        )
    tables.append(
        ReportTable(
            f"（{'三' if f.by_worker else '二'}）“七必报”事项",
            ("事项", "发现件数", "转为诉求"),
            tuple(
                (i.label, str(i.count), str(i.requests) if i.requests or i.count else "0") for i in f.items
            ),
            (40, 20, 20),
            "件",
        )
    )
    return ReportSection("网格走访", "网格走访", tuple(paragraphs), tuple(tables))
