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
entry it corrects by its number (流水号), so the two can be found together.

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
from typing import TYPE_CHECKING, BinaryIO, Protocol

if TYPE_CHECKING:
    from desktop.common.permissions import Actor
    from desktop.love_bank.service import LoveBankService
    from desktop.printing.fonts import FontChain

TITLE = "志愿者积分明细"
CONTINUED = "（续）"
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
}
HANDOVER_LABEL = "核销"  # a redeem entry that only spends frozen points

MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 210 * MM, 297 * MM  # A4 portrait
MARGIN_X = 15 * MM
MARGIN_TOP = 18 * MM  # the running header sits in the top margin
MARGIN_BOTTOM = 16 * MM  # and the page number in the bottom one

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


class Line(Protocol):
    """One ledger entry, as ``LoveBankService.statement()`` returns it (StatementLine)."""

    id: int
    at: datetime
    kind: str
    delta: int
    frozen_delta: int
    balance: int
    note: str
    username: str
    reversed: bool
    reverses_id: int | None


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
    lines: Sequence[Line]
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


def kind_label(line: Line) -> str:
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
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        KeepTogether,
        LongTable,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    from desktop.printing.fonts import default_chain

    chain = chain or default_chain()
    primary = chain.primary
    width = PAGE_WIDTH - 2 * MARGIN_X
    grey = colors.HexColor("#555555")
    light = colors.HexColor("#888888")
    printed_at = data.printed_at or datetime.now()

    def style(size: float, *, leading: float = 1.3, **kw) -> ParagraphStyle:
        return ParagraphStyle(
            f"statement{size}",
            fontName=primary.name,
            fontSize=size,
            leading=size * leading,
            wordWrap="CJK",
            **kw,
        )

    info = style(INFO_SIZE)
    info_label = style(INFO_SIZE, textColor=grey)
    cell_style = style(TABLE_SIZE, leading=1.25)
    cell_grey = style(TABLE_SIZE, leading=1.25, textColor=light)

    def para(value: str, st: ParagraphStyle = info) -> Paragraph:
        return Paragraph(chain.markup(value), st)

    def draw(canvas, text: str, size: float, x: float, y: float, align: str = "left") -> None:
        """One line of text on the canvas, each character in a font that has it."""
        runs = chain.runs(text)
        widths = [stringWidth(run, font.name, size) for font, run in runs]
        x -= {"left": 0, "centre": sum(widths) / 2, "right": sum(widths)}[align]
        for (font, run), w in zip(runs, widths, strict=True):
            canvas.setFont(font.name, size)
            canvas.drawString(x, y, run)
            x += w

    # --- the first page's header ---------------------------------------------------------
    story: list = [
        para(data.centre_name, style(CENTRE_SIZE, alignment=TA_CENTER)),
        Spacer(0, 1.5 * MM),
        para(TITLE, style(TITLE_SIZE, leading=1.25, alignment=TA_CENTER)),
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
    head = Table(
        [[para(a, info_label), para(b), para(c, info_label), para(d)] for a, b, c, d in pairs],
        colWidths=[labels[0], value_width, labels[1], value_width],
    )
    base = [
        ("FONTNAME", (0, 0), (-1, -1), primary.name),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    head.setStyle(
        TableStyle(
            [
                *base,
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ]
        )
    )
    story += [head, Spacer(0, 3 * MM)]
    summary = Table(
        [
            [
                para(f"期初可用 {data.opening()} 分"),
                para(f"本期增加 {data.points_in()} 分"),
                para(f"本期减少 {data.points_out()} 分"),
                para(f"期末可用 {data.closing()} 分"),
            ]
        ],
        colWidths=[width / 4] * 4,
    )
    summary.setStyle(
        TableStyle(
            [
                *base,
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#eeeeee")),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    story += [summary, Spacer(0, 4 * MM)]

    # --- the entries ---------------------------------------------------------------------
    fixed = sum(w for _h, w, _a in COLUMNS)
    widths = [w or width - fixed for _h, w, _a in COLUMNS]
    usable = [w - 2 * CELL_PADDING for w in widths]

    def cell(text: str, column: int, grey_text: bool) -> str | Paragraph:
        """A plain string where it fits in one line of the primary font (fast), else a
        wrapping Paragraph with per-character fallback."""
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

    header_style = style(TABLE_SIZE, leading=1.25, textColor=colors.white)
    rows: list[list] = [[para(h, header_style) for h, _w, _a in COLUMNS]]
    commands = [
        *base,
        ("FONTSIZE", (0, 0), (-1, -1), TABLE_SIZE),
        ("LEADING", (0, 0), (-1, -1), TABLE_SIZE * 1.25),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#444444")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f2f2")]),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, colors.black),
    ]
    commands += [("ALIGN", (i, 1), (i, -1), a) for i, (_h, _w, a) in enumerate(COLUMNS) if a != "LEFT"]
    for n, line in enumerate(data.lines, start=1):
        grey_row = line.reversed
        kind = kind_label(line)
        if line.reversed:
            kind = f"{kind}\n{REVERSED_MARK}"
        note = line.note
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
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(commands))
    story.append(table)

    # --- the end: count and signature ----------------------------------------------------
    closing = [
        Spacer(0, 3 * MM),
        para(
            f"以上共 {len(data.lines)} 条记录，期末可用积分 {data.closing()} 分。",
            style(INFO_SIZE),
        ),
        Spacer(0, 10 * MM),
    ]
    cells: list = []
    columns: list[float | None] = []
    if data.coordinator:
        cells += [para("协调员："), para(data.coordinator)]
        columns += [
            4 * INFO_SIZE + 2 * CELL_PADDING,
            max(60, 2 * CELL_PADDING + INFO_SIZE * len(data.coordinator)),
        ]
    cells += [para("签字：" if data.coordinator else "协调员签字："), "", para("日期："), ""]
    columns += [
        (3 if data.coordinator else 6) * INFO_SIZE + 2 * CELL_PADDING,
        150,
        3 * INFO_SIZE + 2 * CELL_PADDING,
        110,
    ]
    sign = Table([cells], colWidths=columns, hAlign="LEFT")
    signature_line = len(cells) - 3
    sign.setStyle(
        TableStyle(
            [
                *base,
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (signature_line, 0), (signature_line, 0), 0.7, colors.black),
                ("LINEBELOW", (-1, 0), (-1, 0), 0.7, colors.black),
            ]
        )
    )
    closing += [sign, Spacer(0, 4 * MM), para("（单位盖章）", style(INFO_SIZE, textColor=grey))]
    story.append(KeepTogether(closing))

    # --- running header, page X of Y -----------------------------------------------------
    def running_header(canvas, _doc) -> None:
        canvas.saveState()
        y = PAGE_HEIGHT - MARGIN_TOP + 4 * MM
        draw(canvas, f"{data.centre_name}　{TITLE}{CONTINUED}", SMALL_SIZE, MARGIN_X, y)
        draw(canvas, f"志愿者：{data.volunteer_name}", SMALL_SIZE, PAGE_WIDTH - MARGIN_X, y, "right")
        canvas.setStrokeColor(grey)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, y - 1.5 * MM, PAGE_WIDTH - MARGIN_X, y - 1.5 * MM)
        canvas.restoreState()

    def footer(canvas, page: int, pages: int) -> None:
        canvas.saveState()
        y = MARGIN_BOTTOM - 8 * MM
        draw(canvas, f"第 {page} 页 / 共 {pages} 页", INFO_SIZE - 1, PAGE_WIDTH / 2, y, "centre")
        draw(canvas, f"打印时间 {printed_at:%Y-%m-%d %H:%M}", SMALL_SIZE, MARGIN_X, y)
        draw(canvas, data.volunteer_name, SMALL_SIZE, PAGE_WIDTH - MARGIN_X, y, "right")
        canvas.restoreState()

    class NumberedCanvas(Canvas):
        """Keeps every page until the end, when the number of pages is known."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                footer(self, number, total)
                super().showPage()
            super().save()

    if not hasattr(path_or_buffer, "write"):
        path_or_buffer = os.fspath(path_or_buffer)  # ReportLab takes str, not Path
    frame = Frame(
        MARGIN_X, MARGIN_BOTTOM, width, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, 0, 0, 0, 0, id="body"
    )
    doc = BaseDocTemplate(
        path_or_buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{TITLE} {data.volunteer_name}",
        author=data.centre_name,
        subject=TITLE,
        creator="社区服务中心桌面系统",
        lang="zh-CN",
        initialFontName=primary.name,
        pageTemplates=[
            PageTemplate("first", [frame], autoNextPageTemplate="later"),
            PageTemplate("later", [frame], onPage=running_header),
        ],
    )
    doc.build(story, canvasmaker=NumberedCanvas)
