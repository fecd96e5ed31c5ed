"""The 爱心超市 小票: the receipt a volunteer takes home after redeeming points.

Page format: **80 mm wide, as long as the content** (a continuous receipt roll). The
爱心超市 is set up like a small shop counter, and the common printer there is an 80 mm
thermal receipt printer (the kind every shop till uses, cheap, no toner, cuts the paper
itself); its print head covers 72 mm, so the text keeps 4 mm from each edge. A page
exactly as tall as the receipt means no blank paper is fed after it, and the same PDF
on an ordinary office printer comes out as a narrow strip centred on the sheet (print at
100 %, "actual size"), which is still a proper receipt. A6 was rejected: it needs an
office printer at the counter and leaves half the sheet empty for a two-line basket.
Thermal print fades over months, but the receipt only has to last until the goods or
the service are handed over; the ledger is the record that stays.

The text is 10 pt (20 characters to a line), the total and the status 14 pt. A basket
of many items simply makes a longer receipt; only beyond :data:`MAX_HEIGHT` (about 5 m
of paper, which no real basket reaches) is the content scaled down.

Printed texts are Simplified Chinese literals here, not ``N_`` texts: the receipt is a
document for residents and is always printed in Chinese, whatever the screen language.
ReportLab is imported only when a receipt is built, so importing this module is cheap.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from desktop.love_bank.service import RedemptionRow, VolunteerRow
    from desktop.printing.fonts import FontChain

TITLE = "爱心超市兑换小票"
REPRINT = "（补打）"
SIGNATURE = "领取人签字："
KEEP_NOTICE = "请当面核对物品，妥善保管本小票"

# Redemption statuses (the values of desktop.love_bank.service.COMPLETED / FROZEN / CANCELLED).
STATUS_LABELS: dict[str, str] = {
    "completed": "已兑换",
    "frozen": "待核销",
    "cancelled": "已取消",
}
STATUS_NOTES: dict[str, str] = {
    "completed": "",
    "frozen": "积分已冻结：物品或服务交付（核销）时扣除，取消兑换则退回。",
    "cancelled": "本次兑换已取消，积分与库存已退回。",
}

MM = 72 / 25.4
PAGE_WIDTH = 80 * MM
MARGIN_X = 4 * MM  # 72 mm print width of an 80 mm receipt printer
MARGIN_TOP = 4 * MM
MARGIN_BOTTOM = 8 * MM  # room above the cutter
MAX_HEIGHT = 5000 * MM  # PDF pages may be at most 200 inches (5080 mm) long
SLACK = 2 * MM  # measured height plus this, so rounding never spills onto a page 2

TITLE_SIZE = 14
CENTRE_SIZE = 11
TEXT_SIZE = 10
SMALL_SIZE = 8.5
TOTAL_SIZE = 14
CELL_PADDING = 2
LABEL_WIDTH = 4 * TEXT_SIZE + 2 * CELL_PADDING + 6
# 品名 | 单价 | 数量 | 积分, in points (72 mm = 204 pt)
ITEM_COLUMNS = (92, 36, 30, 46)


@dataclass(frozen=True)
class ReceiptLine:
    name: str
    quantity: int
    price: int  # points per piece

    @property
    def points(self) -> int:
        return self.quantity * self.price


@dataclass
class ReceiptData:
    """What the receipt shows. ``status`` is ``completed``, ``frozen`` or ``cancelled``."""

    centre_name: str
    redemption_number: str  # see :func:`redemption_number`
    redeemed_at: datetime
    volunteer_name: str
    lines: Sequence[ReceiptLine]
    status: str
    available_after: int  # the volunteer's available points after this redemption
    coordinator: str  # who served at the counter (full name)
    frozen_after: int = 0  # all the volunteer's frozen points after it
    team: str = ""
    centre_phone: str | None = None
    printed_at: datetime | None = None  # shown when reprinting
    reprint: bool = False
    extra_lines: list[str] = field(default_factory=list)  # e.g. where to collect a service

    @property
    def total(self) -> int:
        return sum(line.points for line in self.lines)


def redemption_number(redemption_id: int) -> str:
    """The number printed on a receipt and searched for at the counter: ``DH000123``."""
    return f"DH{redemption_id:06d}"


def receipt_data(
    redemption: RedemptionRow,
    volunteer: VolunteerRow,
    *,
    centre_name: str,
    coordinator: str,
    centre_phone: str | None = None,
    reprint: bool = False,
    printed_at: datetime | None = None,
) -> ReceiptData:
    """The receipt of a redemption as ``LoveBankService.redemptions()`` and
    ``.volunteer()`` return them; the balance printed is the volunteer's current one, so
    call it right after redeeming (or mark the receipt as a reprint)."""
    return ReceiptData(
        centre_name=centre_name,
        redemption_number=redemption_number(redemption.id),
        redeemed_at=redemption.created_at,
        volunteer_name=volunteer.name,
        team=volunteer.team,
        lines=[ReceiptLine(name, quantity, price) for name, quantity, price in redemption.lines],
        status=redemption.status,
        available_after=volunteer.available,
        frozen_after=volunteer.frozen,
        coordinator=coordinator,
        centre_phone=centre_phone,
        reprint=reprint,
        printed_at=printed_at,
    )


def format_time(when: datetime) -> str:
    return f"{when:%Y-%m-%d %H:%M}"


def build_receipt(
    data: ReceiptData, path_or_buffer: str | os.PathLike[str] | BinaryIO, chain: FontChain | None = None
) -> None:
    """Write the receipt as a one-page PDF, 80 mm wide and as tall as its content, with
    its fonts embedded.

    ``chain`` defaults to the fonts of this PC. Raises
    :class:`~desktop.common.errors.DomainError` naming a character that no font can print.
    """
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        HRFlowable,
        KeepInFrame,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    from desktop.printing.fonts import default_chain

    if data.status not in STATUS_LABELS:
        raise ValueError(f"unknown redemption status {data.status!r}")
    chain = chain or default_chain()
    primary = chain.primary.name
    width = PAGE_WIDTH - 2 * MARGIN_X
    grey = colors.HexColor("#444444")

    def style(size: float, *, leading: float = 1.3, **kw) -> ParagraphStyle:
        return ParagraphStyle(
            f"receipt{size}", fontName=primary, fontSize=size, leading=size * leading, wordWrap="CJK", **kw
        )

    text = style(TEXT_SIZE)
    label = style(TEXT_SIZE, textColor=grey)
    right = style(TEXT_SIZE, alignment=TA_RIGHT)
    centred_small = style(SMALL_SIZE, alignment=TA_CENTER, textColor=grey)

    def para(value: str, st: ParagraphStyle = text) -> Paragraph:
        return Paragraph(chain.markup(value), st)

    def rule(dashed: bool = True, space: float = 1.5 * MM) -> HRFlowable:
        return HRFlowable(
            width="100%",
            thickness=0.7,
            color=colors.black,
            dash=(2, 2) if dashed else None,
            spaceBefore=space,
            spaceAfter=space,
        )

    # Tables draw with Helvetica (not embedded) unless told otherwise.
    cells = [
        ("FONTNAME", (0, 0), (-1, -1), primary),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]

    def rows_table(rows: list[tuple[str, str]], value_style: ParagraphStyle = text) -> Table:
        table = Table(
            [[para(name, label), para(value, value_style)] for name, value in rows],
            colWidths=[LABEL_WIDTH, width - LABEL_WIDTH],
        )
        table.setStyle(TableStyle(cells))
        return table

    title = TITLE + (REPRINT if data.reprint else "")
    story: list = [
        para(data.centre_name, style(CENTRE_SIZE, alignment=TA_CENTER)),
        Spacer(0, 1 * MM),
        para(title, style(TITLE_SIZE, leading=1.25, alignment=TA_CENTER)),
        rule(dashed=False),
    ]
    volunteer = data.volunteer_name + (f"（{data.team}）" if data.team else "")
    story.append(
        rows_table(
            [
                ("兑换单号", data.redemption_number),
                ("兑换时间", format_time(data.redeemed_at)),
                ("志愿者", volunteer),
            ]
        )
    )
    story.append(rule())

    label_right = style(TEXT_SIZE, alignment=TA_RIGHT, textColor=grey)
    rows: list[list] = [[para("品名", label), *(para(t, label_right) for t in ("单价", "数量", "积分"))]]
    for line in data.lines:
        rows.append(
            [
                para(line.name),
                para(str(line.price), right),
                para(f"×{line.quantity}", right),
                para(str(line.points), right),
            ]
        )
    items = Table(rows, colWidths=list(ITEM_COLUMNS))
    items.setStyle(TableStyle([*cells, ("LINEBELOW", (0, 0), (-1, 0), 0.5, grey)]))
    story.append(items)
    story.append(rule())

    count = sum(line.quantity for line in data.lines)
    total = Table(
        [
            [
                para(f"共 {count} 件"),
                Paragraph(chain.markup(f"合计 {data.total} 分"), style(TOTAL_SIZE, alignment=TA_RIGHT)),
            ]
        ],
        colWidths=[width * 0.35, width * 0.65],
    )
    total.setStyle(TableStyle([*cells, ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    story.append(total)
    story.append(Spacer(0, 1.5 * MM))

    status = Table(
        [[para("状态", style(TEXT_SIZE)), para(STATUS_LABELS[data.status], style(TOTAL_SIZE))]],
        colWidths=[LABEL_WIDTH, width - LABEL_WIDTH],
    )
    status.setStyle(
        TableStyle(
            [
                *cells,
                ("BOX", (0, 0), (-1, -1), 1, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    story.append(status)
    if STATUS_NOTES[data.status]:
        story += [Spacer(0, 1 * MM), para(STATUS_NOTES[data.status], style(SMALL_SIZE, textColor=grey))]
    story.append(Spacer(0, 1.5 * MM))

    balances = [("可用积分", f"{data.available_after} 分")]
    if data.frozen_after or data.status == "frozen":
        balances.append(("冻结积分", f"{data.frozen_after} 分"))
    balances.append(("经办人", data.coordinator))
    story.append(rows_table(balances))
    for extra in data.extra_lines:
        story.append(para(extra, style(SMALL_SIZE)))
    story.append(rule())

    signature = Table([[para(SIGNATURE), ""]], colWidths=[6 * TEXT_SIZE + 2 * CELL_PADDING, None])
    signature.setStyle(
        TableStyle(
            [
                *cells,
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("TOPPADDING", (0, 0), (-1, -1), 9 * MM),
                ("LINEBELOW", (1, 0), (1, 0), 0.7, colors.black),
            ]
        )
    )
    story += [signature, Spacer(0, 3 * MM), para(KEEP_NOTICE, centred_small)]
    if data.centre_phone:
        story.append(para(f"咨询电话：{data.centre_phone}", centred_small))
    if data.printed_at is not None:
        story.append(para(f"打印时间：{format_time(data.printed_at)}", centred_small))

    # The page is as tall as the content: measure it first.
    needed = SLACK
    for flowable in story:
        _w, h = flowable.wrap(width, MAX_HEIGHT)
        needed += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    height = min(needed, MAX_HEIGHT)
    page_height = height + MARGIN_TOP + MARGIN_BOTTOM

    frame = Frame(MARGIN_X, MARGIN_BOTTOM, width, height, 0, 0, 0, 0, id="receipt")
    if not hasattr(path_or_buffer, "write"):
        path_or_buffer = os.fspath(path_or_buffer)  # ReportLab takes str, not Path
    doc = BaseDocTemplate(
        path_or_buffer,
        pagesize=(PAGE_WIDTH, page_height),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{TITLE} {data.redemption_number}",
        author=data.centre_name,
        subject=TITLE,
        creator="社区服务中心桌面系统",
        lang="zh-CN",
        initialFontName=primary,
        pageTemplates=[PageTemplate("receipt", [frame])],
    )
    doc.build([KeepInFrame(width, height, story, mode="shrink")])
