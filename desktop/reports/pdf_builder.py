"""The parts every section of the report PDF is made of (:mod:`desktop.reports.pdf`):
numbers as printed (counts with thousands separators, rates with one decimal, "—" for
nothing to measure, 环比 / 同比 in percent or percentage points), numbered headings,
tables with their units and a head row repeated on every page, and charts (or
"本期无数据" in place of a chart of nothing).

ReportLab is imported at module level: import this module only when building a PDF.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from desktop.printing.fonts import FontChain
from desktop.printing.page import A4, DARK_GREY, GREY, MM, STRIPE
from desktop.printing.template import DocumentTemplate
from desktop.reports import charts
from desktop.reports.figures import Compared, ReportFigures
from desktop.reports.pdf_charts import draw
from desktop.reports.periods import MONTH, QUARTER
from desktop.reports.wording import HOURS, METRICS, MONEY, RATE

PAGE = A4
TITLE_SIZE = 17
INFO_SIZE = 10
HEADING_SIZE = 12
TEXT_SIZE = 9.5
TABLE_SIZE = 8.5
SMALL_SIZE = 7.5
PADDING = 3
GRIDS_SHOWN = 20
OVERDUE_SHOWN = 30
EMPTY = "本期无数据"
DASH = "—"
SUBTOTAL = "#d9d9d9"  # a subtotal or total row
TITLES = {MONTH: "社区服务工作统计月报", QUARTER: "社区服务工作统计季报"}
NUMERALS = "一二三四五六七八九十"

Target = str | os.PathLike[str] | BinaryIO


# --- numbers as printed -----------------------------------------------------------------------


def count(value: float | None) -> str:
    return DASH if value is None else f"{value:,.0f}"


def percent(value: float | None) -> str:
    """A percentage (already × 100) with one decimal, or — for nothing to measure."""
    return DASH if value is None else f"{value:.1f}"


def ratio(value: float | None) -> str:
    """A share (0 … 1) as a percentage with one decimal."""
    return DASH if value is None else f"{100 * value:.1f}"


def hours(value: float | None) -> str:
    return DASH if value is None else f"{value:.1f}"


def change(value: float | None, kind: str) -> str:
    """环比 / 同比: percentage points for a rate, percent otherwise."""
    if value is None:
        return DASH
    value = round(value, 1) + 0.0  # no "-0.0" for a change too small to show
    if kind == RATE:
        return f"{value:+.1f}个百分点"
    return f"{value:+.1f}%"


def value_text(item: Compared, value: float | None) -> str:
    kind = METRICS[item.key].kind
    if kind == RATE:
        return percent(value)
    if kind == HOURS:
        return hours(value)
    if kind == MONEY:
        return DASH if value is None else f"{value:,.2f}"
    return count(value)


def headline_rows(items: Sequence[Compared]) -> list[list[str]]:
    """指标, 单位, 本期, 上期, 环比, 去年同期, 同比 of each headline figure."""
    rows = []
    for item in items:
        m = METRICS[item.key]
        rows.append(
            [
                m.printed,
                m.unit,
                value_text(item, item.value),
                value_text(item, item.previous),
                change(item.month_on_month, m.kind),
                value_text(item, item.last_year),
                change(item.year_on_year, m.kind),
            ]
        )
    return rows


def date_text(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def cutoff_text(moment: dt.datetime) -> str:
    return f"数据截至 {date_text(moment.date())} {moment:%H:%M}"


def section_number(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    return "十" + NUMERALS[n - 11]


def share_of(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _rate(d, threshold: str) -> float | None:
    return d.reply_rate.percent if threshold == "reply" else d.satisfaction.rate.percent


class Builder:
    """The story of one report, section by section."""

    def __init__(self, doc: DocumentTemplate, figures: ReportFigures):
        self.doc = doc
        self.f = figures
        self.chain: FontChain = doc.chain
        self.width = doc.width
        self.story: list[Flowable] = []
        self.sections = 0
        self.text_style = doc.style(TEXT_SIZE, leading=1.5)
        self.cell = doc.style(TABLE_SIZE, leading=1.25)
        self.cell_right = doc.style(TABLE_SIZE, leading=1.25, alignment=TA_RIGHT)
        self.cell_centre = doc.style(TABLE_SIZE, leading=1.25, alignment=TA_CENTER)
        self.head = doc.style(TABLE_SIZE, leading=1.25, alignment=TA_CENTER, textColor=colors.white)
        self.small = doc.style(SMALL_SIZE, leading=1.35, textColor=colors.HexColor(GREY))
        self.heading_style = doc.style(HEADING_SIZE, leading=1.3, spaceBefore=4 * MM, spaceAfter=2 * MM)
        self.sub_style = doc.style(TEXT_SIZE + 0.5, leading=1.3, spaceBefore=2 * MM, spaceAfter=1.5 * MM)

    # --- parts ----------------------------------------------------------------------------
    def para(self, value: str, style=None) -> Paragraph:
        return self.doc.para(value, style or self.text_style)

    def heading(self, title: str) -> None:
        self.sections += 1
        self.story.append(CondPageBreak(40 * MM))
        self.story.append(self.para(f"{section_number(self.sections)}、{title}", self.heading_style))

    def sub(self, title: str) -> None:
        self.story.append(CondPageBreak(25 * MM))
        self.story.append(self.para(title, self.sub_style))

    def note(self, value: str) -> None:
        self.story.append(self.para(value, self.small))

    def table(
        self,
        head: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        align: Sequence[str] = (),
        shaded: Sequence[int] = (),
        unit: str = "",
    ) -> None:
        """A table with a dark head row repeated on every page; numbers right-aligned
        (``align`` per column: l, r, c); ``shaded`` rows (0-based, under the head) grey."""
        scale = self.width / sum(widths)
        widths = [w * scale for w in widths]
        align = list(align) or ["l"] + ["r"] * (len(head) - 1)
        styles = {"l": self.cell, "r": self.cell_right, "c": self.cell_centre}
        data: list[list[Any]] = [[self.para(h, self.head) for h in head]]
        for row in rows:
            data.append([self.para(str(v), styles[a]) for v, a in zip(row, align, strict=True)])
        commands: list[tuple] = [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(DARK_GREY)),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(GREY)),
            ("TOPPADDING", (0, 0), (-1, -1), 1.8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ]
        for i in range(1, len(data)):
            if i - 1 in shaded:
                commands.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor(SUBTOTAL)))
            elif i % 2 == 0:
                commands.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor(STRIPE)))
        if unit:
            self.story.append(self.para(f"计量单位：{unit}", self.doc.style(SMALL_SIZE, alignment=TA_RIGHT)))
        self.story.append(
            self.doc.table(data, widths, commands, padding=PADDING, long=len(data) > 60, repeat_rows=1)
        )
        self.story.append(Spacer(0, 2 * MM))

    def headline_table(self, items: Sequence[Compared]) -> None:
        self.table(
            ["指标", "单位", "本期", "上期", "环比", "去年同期", "同比"],
            headline_rows(items),
            [30, 12, 18, 18, 22, 18, 22],
            align="lcrrrrr",
        )

    def chart(self, chart: charts.Chart) -> None:
        if chart.is_empty:
            self.note(f"{chart.title}：{EMPTY}")
            return
        self.story.append(KeepTogether([draw(chart, self.chain, self.width), Spacer(0, 2 * MM)]))

    # --- the sections ---------------------------------------------------------------------
