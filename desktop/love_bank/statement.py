"""The 积分明细: a volunteer's points statement, every ledger entry of a period.

Page format: **A4 portrait**, as many pages as the entries need (an active volunteer of
several years has a thousand entries and more: 1,500 make about 30 pages). The first
page carries the header — centre, title, the volunteer, team, star level, approved
hours, available and frozen points, the period — and a summary of the period (opening
balance, points in, points out, closing balance). The table of entries follows with its
column heads repeated on every page; later pages carry a running header with the centre
and the volunteer, every page "第 X 页 / 共 Y 页" at the foot. The statement ends with a
signature line for the coordinator and the date, kept on one page with the record count.

Entries are printed oldest first with the available balance after each one. A reversed
entry stays in the list, greyed and marked 已冲正; the reversing entry (冲正) names the
entry it corrects by its number (流水号), so the two can be found together. An earning
names the day and length of the service it pays for, in Chinese ("2026-11-23 2.5 小时").

Printed texts are Simplified Chinese literals here: a statement is a document for the
volunteer and is always printed in Chinese, whatever the screen language. Every text is
printed with per-character font fallback (a rare character in a name or a note takes the
next font that has it). ReportLab is imported only when a statement is built.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, BinaryIO

from desktop.love_bank.statements_data import StatementLine
from desktop.printing.page import (
    A4,
    DARK_GREY,
    GREY,
    LIGHT_GREY,
    MM,
    SHADE,
    STRIPE,
    Blank,
    DocumentInfo,
    PageFooter,
    RunningHeader,
)

if TYPE_CHECKING:
    from desktop.common.permissions import Actor
    from desktop.love_bank.service import LoveBankService
    from desktop.printing.fonts import FontChain

TITLE = "志愿者积分明细"
STAR_NAMES = ("暂无星级", "一星", "二星", "三星", "四星", "五星")
REVERSED_MARK = "已冲正"

# Chinese names of the ledger kinds (desktop.love_bank.ledger.KINDS), independent of the screen
# language; desktop.love_bank.ledger.KIND_LABELS holds the translatable screen texts.
KIND_LABELS_ZH: dict[str, str] = {
    "earn": "服务获得",
    "redeem": "兑换",
    "freeze": "兑换冻结",
    "release": "冻结退回",
    "adjust": "调整",
    "expire": "过期清零",
    "reversal": "冲正",
    "opening": "期初余额",
}
HANDOVER_LABEL = "核销"  # a redeem entry that only spends frozen points

PAGE = A4  # 15 mm at the sides; the running header in the top margin, the page number in the bottom one

TITLE_SIZE = 18
CENTRE_SIZE = 12
INFO_SIZE = 10.5
TABLE_SIZE = 9
SMALL_SIZE = 8
CELL_PADDING = 3

# (head, width in points, alignment); the note column takes what is left of 510 pt.
COLUMNS: tuple[tuple[str, float, str], ...] = (
    ("流水号", 42, "RIGHT"),
    ("时间", 82, "LEFT"),
    ("类型", 50, "LEFT"),
    ("积分变动", 46, "RIGHT"),
    ("冻结变动", 46, "RIGHT"),
    ("可用余额", 48, "RIGHT"),
    ("备注", 0, "LEFT"),
    ("经办人", 54, "LEFT"),
)


@dataclass
class StatementData:
    """What the statement shows. ``lines`` are the entries of the period, oldest first,
    each with the available balance after it (``LoveBankService.statement()``)."""

    centre_name: str
    volunteer_name: str
    team: str
    stars: int
    approved_hours: float
    available: int  # the volunteer's points now
    frozen: int
    lines: Sequence[StatementLine]
    period_start: date | None = None  # None: from the first entry
    period_end: date | None = None  # None: up to now
    opening_balance: int | None = None  # available before the period; None: from the lines
    coordinator: str = ""  # printed beside the signature line when given
    printed_at: datetime | None = None
    operator_names: Mapping[str, str] = field(default_factory=dict)  # username → full name

    def opening(self) -> int:
        if self.opening_balance is not None:
            return self.opening_balance
        if self.lines:
            return self.lines[0].balance - self.lines[0].delta
        return self.available

    def points_in(self) -> int:
        return sum(line.delta for line in self.lines if line.delta > 0)

    def points_out(self) -> int:
        return -sum(line.delta for line in self.lines if line.delta < 0)

    def closing(self) -> int:
        return self.opening() + self.points_in() - self.points_out()


def statement_for(
    bank: LoveBankService,
    actor: Actor,
    volunteer_id: int,
    *,
    centre_name: str,
    start: date | None = None,
    end: date | None = None,
    coordinator: str = "",
    operator_names: Mapping[str, str] | None = None,
    printed_at: datetime | None = None,
) -> StatementData:
    """The statement of one volunteer for a period (both ends included), from the love
    bank service; the opening balance is the balance after the last earlier entry."""
    volunteer = bank.volunteer(actor, volunteer_id)
    lines = bank.statement(actor, volunteer_id)
    before = [x for x in lines if start is not None and x.at.date() < start]
    chosen = [
        x for x in lines if (start is None or x.at.date() >= start) and (end is None or x.at.date() <= end)
    ]
    return StatementData(
        centre_name=centre_name,
        volunteer_name=volunteer.name,
        team=volunteer.team,
        stars=volunteer.stars,
        approved_hours=volunteer.hours,
        available=volunteer.available,
        frozen=volunteer.frozen,
        lines=chosen,
        period_start=start,
        period_end=end,
        opening_balance=before[-1].balance if before else 0,
        coordinator=coordinator,
        printed_at=printed_at,
        operator_names=dict(operator_names or {}),
    )


def stars_text(stars: int) -> str:
    """``★★☆☆☆ 二星``; ``暂无星级`` below one star."""
    stars = max(0, min(5, stars))
    if not stars:
        return STAR_NAMES[0]
    return "★" * stars + "☆" * (5 - stars) + " " + STAR_NAMES[stars]


def period_text(start: date | None, end: date | None, printed: date) -> str:
    if start is None and end is None:
        return f"全部记录（截至 {printed:%Y-%m-%d}）"
    if start is None:
        return f"截至 {end:%Y-%m-%d}"
    return f"{start:%Y-%m-%d} 至 {(end or printed):%Y-%m-%d}"


def hours_text(minutes: int) -> str:
    """Service time in Chinese: ``2 小时``, ``1.5 小时``."""
    return f"{round(minutes / 60, 2):g} 小时"


def note_text(line: StatementLine) -> str:
    """The note column: an earning names its service (``2026-11-23 2 小时``), others their note."""
    if line.served_on is not None and line.service_minutes is not None:
        return f"{line.served_on:%Y-%m-%d} {hours_text(line.service_minutes)}"
    return line.note


def kind_label(line: StatementLine) -> str:
    if line.kind == "redeem" and line.delta == 0 and line.frozen_delta < 0:
        return HANDOVER_LABEL
    return KIND_LABELS_ZH.get(line.kind, line.kind)


def signed(value: int, blank_zero: bool = False) -> str:
    if value == 0:
        return "" if blank_zero else "0"
    return f"{value:+d}"


def build_statement(
    data: StatementData, path_or_buffer: str | os.PathLike[str] | BinaryIO, chain: FontChain | None = None
) -> None:
    """Write the statement as an A4 PDF of as many pages as needed, fonts embedded.

    ``chain`` defaults to the fonts of this PC. Raises
    :class:`~desktop.common.errors.DomainError` naming a character that no font can print.
    """
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    from desktop.printing.template import DocumentTemplate

    doc = DocumentTemplate(PAGE, DocumentInfo(data.centre_name, TITLE, data.volunteer_name), chain)
    chain, primary, width = doc.chain, doc.primary, doc.width
    grey = colors.HexColor(GREY)
    light = colors.HexColor(LIGHT_GREY)
    printed_at = data.printed_at or datetime.now()

    info = doc.style(INFO_SIZE)
    info_label = doc.style(INFO_SIZE, textColor=grey)
    cell_style = doc.style(TABLE_SIZE, leading=1.25)
    cell_grey = doc.style(TABLE_SIZE, leading=1.25, textColor=light)

    def para(value: str, st=info) -> Paragraph:
        return doc.para(value, st)

    # --- the first page's header ---------------------------------------------------------
    story: list = [
        *doc.title_block(TITLE, centre_size=CENTRE_SIZE, title_size=TITLE_SIZE, gap=1.5 * MM),
        Spacer(0, 5 * MM),
    ]
    pairs = [
        ("志愿者", data.volunteer_name, "所属队伍", data.team or "—"),
        ("星级", stars_text(data.stars), "累计服务时长", f"{data.approved_hours:.1f} 小时"),
        ("当前可用积分", f"{data.available} 分", "当前冻结积分", f"{data.frozen} 分"),
        (
            "统计期间",
            period_text(data.period_start, data.period_end, printed_at.date()),
            "打印时间",
            f"{printed_at:%Y-%m-%d %H:%M}",
        ),
    ]
    labels = [6 * INFO_SIZE + 2 * CELL_PADDING + 4] * 2
    value_width = (width - sum(labels)) / 2
    top = ("VALIGN", (0, 0), (-1, -1), "TOP")
    head = doc.table(
        [[para(a, info_label), para(b), para(c, info_label), para(d)] for a, b, c, d in pairs],
        [labels[0], value_width, labels[1], value_width],
        [
            top,
            ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ],
        padding=CELL_PADDING,
    )
    story += [head, Spacer(0, 3 * MM)]
    summary = doc.table(
        [
            [
                para(f"期初可用 {data.opening()} 分"),
                para(f"本期增加 {data.points_in()} 分"),
                para(f"本期减少 {data.points_out()} 分"),
                para(f"期末可用 {data.closing()} 分"),
            ]
        ],
        [width / 4] * 4,
        [
            top,
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(SHADE)),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ],
        padding=CELL_PADDING,
    )
    story += [summary, Spacer(0, 4 * MM)]

    # --- the entries ---------------------------------------------------------------------
    fixed = sum(w for _h, w, _a in COLUMNS)
    widths = [w or width - fixed for _h, w, _a in COLUMNS]
    usable = [w - 2 * CELL_PADDING for w in widths]

    def cell(text: str, column: int, grey_text: bool) -> str | Paragraph:
        """A plain string where it fits in one line of the primary font (fast; the table
        draws it in the primary font), else a wrapping Paragraph with per-character
        fallback."""
        if not text:
            return ""
        runs = chain.runs(text)
        if (
            len(runs) == 1
            and runs[0][0] is primary
            and "\n" not in text
            and stringWidth(runs[0][1], primary.name, TABLE_SIZE) <= usable[column]
        ):
            return runs[0][1]
        return para(text, cell_grey if grey_text else cell_style)

    header_style = doc.style(TABLE_SIZE, leading=1.25, textColor=colors.white)
    rows: list[list] = [[para(h, header_style) for h, _w, _a in COLUMNS]]
    commands = [
        top,
        ("FONTSIZE", (0, 0), (-1, -1), TABLE_SIZE),
        ("LEADING", (0, 0), (-1, -1), TABLE_SIZE * 1.25),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(DARK_GREY)),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor(STRIPE)]),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, colors.black),
    ]
    commands += [("ALIGN", (i, 1), (i, -1), a) for i, (_h, _w, a) in enumerate(COLUMNS) if a != "LEFT"]
    for n, line in enumerate(data.lines, start=1):
        grey_row = line.reversed
        kind = kind_label(line)
        if line.reversed:
            kind = f"{kind}\n{REVERSED_MARK}"
        note = note_text(line)
        if line.reverses_id is not None:
            note = f"冲正第 {line.reverses_id} 号" + (f"：{note}" if note else "")
        operator = data.operator_names.get(line.username, line.username)
        texts = [
            str(line.id),
            f"{line.at:%Y-%m-%d %H:%M}",
            kind,
            signed(line.delta),
            signed(line.frozen_delta, blank_zero=True),
            str(line.balance),
            note,
            operator,
        ]
        rows.append([cell(t, i, grey_row) for i, t in enumerate(texts)])
        if grey_row:
            commands.append(("TEXTCOLOR", (0, n), (-1, n), light))
    if not data.lines:
        rows.append([para("本期没有积分变动", cell_grey)] + [""] * (len(COLUMNS) - 1))
        commands.append(("SPAN", (0, 1), (-1, 1)))
    story.append(doc.table(rows, widths, commands, padding=CELL_PADDING, long=True, repeat_rows=1))

    # --- the end: count and signature ----------------------------------------------------
    closing = [
        Spacer(0, 3 * MM),
        para(f"以上共 {len(data.lines)} 条记录，期末可用积分 {data.closing()} 分。"),
        Spacer(0, 10 * MM),
    ]
    blanks: list[Blank] = []
    if data.coordinator:
        name_width = max(60, 2 * CELL_PADDING + INFO_SIZE * len(data.coordinator))
        blanks.append(
            Blank("协调员：", 4 * INFO_SIZE + 2 * CELL_PADDING, name_width, filled=data.coordinator)
        )
        blanks.append(Blank("签字：", 3 * INFO_SIZE + 2 * CELL_PADDING, 150))
    else:
        blanks.append(Blank("协调员签字：", 6 * INFO_SIZE + 2 * CELL_PADDING, 150))
    blanks.append(Blank("日期：", 3 * INFO_SIZE + 2 * CELL_PADDING, 110))
    closing += [
        doc.signature_line(blanks, info, padding=CELL_PADDING),
        Spacer(0, 4 * MM),
        para("（单位盖章）", doc.style(INFO_SIZE, textColor=grey)),
    ]
    story.append(KeepTogether(closing))

    doc.build(
        story,
        path_or_buffer,
        running_header=RunningHeader(right=f"志愿者：{data.volunteer_name}", size=SMALL_SIZE),
        footer=PageFooter(
            left=f"打印时间 {printed_at:%Y-%m-%d %H:%M}",
            right=data.volunteer_name,
            size=INFO_SIZE - 1,
            side_size=SMALL_SIZE,
        ),
    )
