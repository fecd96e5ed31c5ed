"""What the orders job's printouts share: their Chinese words, sizes and a few builders.

The 服务工单, 服务确认单, 驳回通知 and 政府购买服务明细 are documents for providers,
residents and the finance office: they are always printed in Simplified Chinese,
whatever the screen language, so their words are Chinese literals here (the screens
translate the ``N_`` labels of :mod:`desktop.orders.vocabulary` instead). Every document
is built on :mod:`desktop.printing.template`; ReportLab is imported only inside the
functions that build a table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from desktop.common.masking import mask_phone
from desktop.orders.money import format_yuan

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from desktop.printing.template import DocumentTemplate

STAGE_ZH: dict[str, str] = {
    "pending_review": "待审核",
    "rejected": "已驳回",
    "to_draft": "待制单",
    "pending_approval": "待审批",
    "publicity": "公示中",
    "to_dispatch": "待派单",
    "to_accept": "待接单",
    "in_progress": "实施中",
    "to_rate": "待评价",
    "to_check": "待验收",
    "to_pay": "待付款",
    "settled": "已结算",
    "terminated": "已终止",
    "cancelled": "已撤销",
}

PROVIDER_KIND_ZH: dict[str, str] = {
    "social_group": "社会团体",
    "non_enterprise": "民办非企业单位",
    "foundation": "基金会",
    "filed_community_org": "备案社区社会组织",
    "volunteer_team": "志愿服务队",
    "resident_unit": "驻区单位",
    "enterprise": "企业/社会企业",
}

TRANCHE_ZH: dict[str, str] = {"advance": "预付", "interim": "中期", "final": "尾款"}

RATING_ZH: dict[str, str] = {"satisfied": "满意", "basic": "基本满意", "unsatisfied": "不满意"}

BAND_ZH: dict[str, str] = {"full": "100%及以上", "high": "80%–100%", "medium": "60%–80%", "low": "60%以下"}

DASH = "—"

TITLE_SIZE = 18
CENTRE_SIZE = 12
TEXT_SIZE = 10.5
TABLE_SIZE = 9.5
SMALL_SIZE = 8
CELL_PADDING = 4


def yuan(fen: int | None) -> str:
    """``123450`` → ``"1,234.50 元"``; None → ``"—"``."""
    return DASH if fen is None else f"{format_yuan(fen)} 元"


def day(value: dt.date | dt.datetime | None) -> str:
    """``2026年12月7日``; None → ``"—"``."""
    if value is None:
        return DASH
    return f"{value.year}年{value.month}月{value.day}日"


def moment(value: dt.datetime | None) -> str:
    """``2026-12-07 10:30``; None → ``"—"``."""
    return DASH if value is None else f"{value:%Y-%m-%d %H:%M}"


def masked(phone: str) -> str:
    """A phone as printed: masked, also when the caller passed the full number."""
    phone = (phone or "").strip()
    return phone if not phone or "*" in phone else mask_phone(phone)


def people(n: int) -> str:
    return f"{n} 人"


def sessions(n: int) -> str:
    return f"{n} 场（次）"


def percent(value: int | None) -> str:
    return DASH if value is None else f"{value}%"


def label_width(chars: int, size: float = TEXT_SIZE) -> float:
    """The width of a label column holding ``chars`` characters and its padding."""
    return chars * size + 2 * CELL_PADDING + 4


def section(doc: DocumentTemplate, title: str) -> Flowable:
    """A bold-looking section heading (一、居民点单 …) with a little room above it."""
    from reportlab.platypus import Paragraph

    style = doc.style(TEXT_SIZE + 1, spaceBefore=8, spaceAfter=3)
    paragraph: Paragraph = doc.para(title, style)
    return paragraph


def facts_table(
    doc: DocumentTemplate,
    pairs: Sequence[tuple[str, str]],
    *,
    columns: int = 2,
    label_chars: int = 5,
    size: float = TEXT_SIZE,
) -> Flowable:
    """Label/value pairs in a boxed grid, ``columns`` pairs per row; a pair whose label
    starts with ``*`` takes a whole row (its value is long: a description, a scope)."""
    from reportlab.lib import colors

    from desktop.printing.page import GREY

    label_style = doc.style(size, textColor=colors.HexColor(GREY))
    value_style = doc.style(size)
    label = label_width(label_chars, size)
    value = (doc.width - columns * label) / columns
    rows: list[list[Any]] = []
    spans: list[tuple] = []
    row: list[Any] = []
    for name, text in pairs:
        whole = name.startswith("*")
        name = name.lstrip("*")
        cells = [doc.para(name, label_style), doc.para(text or DASH, value_style)]
        if whole:
            if row:
                rows.append(row + [""] * (2 * columns - len(row)))
                row = []
            rows.append(cells + [""] * (2 * columns - 2))
            spans.append(("SPAN", (1, len(rows) - 1), (-1, len(rows) - 1)))
            continue
        row += cells
        if len(row) == 2 * columns:
            rows.append(row)
            row = []
    if row:
        rows.append(row + [""] * (2 * columns - len(row)))
    widths = [label, value] * columns
    return doc.table(
        rows,
        widths,
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor(GREY)),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            *spans,
        ],
        padding=CELL_PADDING,
    )


def grid_table(
    doc: DocumentTemplate,
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    aligns: Sequence[str] = (),
    size: float = TABLE_SIZE,
    long: bool = False,
    bold_last: bool = False,
    group_rows: Collection[int] = (),
    total_rows: Collection[int] = (),
) -> Flowable:
    """A ruled table with a dark head row repeated on every page; every cell a paragraph
    (so long texts wrap and rare characters take the next font). ``aligns`` has "R" for
    a right-aligned column. ``group_rows`` (indexes into ``rows``) span the whole width
    on a shaded background (a fund's heading); ``total_rows`` get a rule above them."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT

    from desktop.printing.page import DARK_GREY, GREY, SHADE, STRIPE

    head_style = doc.style(size, leading=1.25, textColor=colors.white)
    cell = doc.style(size, leading=1.25)
    right = doc.style(size, leading=1.25, alignment=TA_RIGHT)
    styles = [right if i < len(aligns) and aligns[i] == "R" else cell for i in range(len(head))]
    data: list[list[Any]] = [[doc.para(h, head_style) for h in head]]
    for n, r in enumerate(rows):
        if n in group_rows:
            data.append([doc.para(r[0], cell)] + [""] * (len(head) - 1))
        else:
            data.append([doc.para(text, styles[i]) if text else "" for i, text in enumerate(r)])
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(DARK_GREY)),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor(STRIPE)]),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(GREY)),
        ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for n in group_rows:
        commands += [
            ("SPAN", (0, n + 1), (-1, n + 1)),
            ("BACKGROUND", (0, n + 1), (-1, n + 1), colors.HexColor(SHADE)),
        ]
    for n in total_rows:
        commands.append(("LINEABOVE", (0, n + 1), (-1, n + 1), 0.9, colors.black))
    if bold_last and rows:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.9, colors.black))
    return doc.table(data, widths, commands, padding=CELL_PADDING, long=long, repeat_rows=1)


def inline(doc: DocumentTemplate, texts: Sequence[str], size: float = TEXT_SIZE - 0.5) -> Flowable:
    """Texts side by side on one line, each in an equal part of the width (no rules):
    ReportLab folds a run of spaces into one, so spacing is done with cells."""
    style = doc.style(size)
    return doc.table(
        [[doc.para(t, style) for t in texts]],
        [doc.width / len(texts)] * len(texts),
        [("LEFTPADDING", (0, 0), (0, 0), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")],
        padding=CELL_PADDING,
    )


def check_boxes(
    doc: DocumentTemplate, options: Sequence[tuple[str, bool]], size: float = TEXT_SIZE + 1
) -> Flowable:
    """Drawn boxes to tick, each followed by its text (满意 / 基本满意 / 不满意); the boxes
    of the options that are on are ticked. Drawn, not typed: a font's □ is often tiny."""
    from reportlab.platypus import Flowable as Base

    class Box(Base):
        def __init__(self, ticked: bool):
            super().__init__()
            self.ticked = ticked
            self.width = self.height = size

        def draw(self) -> None:
            c = self.canv
            c.setLineWidth(0.9)
            c.rect(0, -1, size - 2, size - 2)
            if self.ticked:
                c.setLineWidth(1.6)
                c.line(2, size / 2 - 1.5, size / 2 - 2, 1)
                c.line(size / 2 - 2, 1, size - 3, size - 4)

    style = doc.style(size)
    cells: list[Any] = []
    widths: list[float] = []
    for text, on in options:
        cells += [Box(on), doc.para(text, style)]
        widths += [size + 4, len(text) * size + 2 * CELL_PADDING + 24]
    return doc.table(
        [cells], widths, [("VALIGN", (0, 0), (-1, -1), "MIDDLE")], padding=CELL_PADDING, h_align="LEFT"
    )


def fill_widths(total: float, fixed: Sequence[float]) -> list[float]:
    """Column widths where a 0 takes what is left of ``total`` (shared equally)."""
    free = [w for w in fixed if w == 0]
    left = (total - sum(fixed)) / len(free) if free else 0
    return [w or left for w in fixed]
