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
of many items simply makes a longer receipt; only beyond ``ROLL_80.max_height`` (about 5 m
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

from desktop.love_bank.shop import RedeemedItem
from desktop.printing.page import DARK_GREY, MM, ROLL_80, Blank, DocumentInfo

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

PAGE = ROLL_80  # 72 mm printed, 4 mm above and 8 mm below (the cutter), at most 5 m long
PAGE_WIDTH = PAGE.width

TITLE_SIZE = 14
CENTRE_SIZE = 11
TEXT_SIZE = 10
SMALL_SIZE = 8.5
TOTAL_SIZE = 14
CELL_PADDING = 2
LABEL_WIDTH = 4 * TEXT_SIZE + 2 * CELL_PADDING + 6
# 品名 | 单价 | 数量 | 积分, in points (72 mm = 204 pt)
ITEM_COLUMNS = (92, 36, 30, 46)


ReceiptLine = RedeemedItem
"""A line of the receipt is a line of the redemption: the item, how many, the points per piece."""


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
        lines=list(redemption.lines),
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
    from reportlab.platypus import HRFlowable, Paragraph, Spacer, Table

    from desktop.printing.template import DocumentTemplate

    if data.status not in STATUS_LABELS:
        raise ValueError(f"unknown redemption status {data.status!r}")
    doc = DocumentTemplate(PAGE, DocumentInfo(data.centre_name, TITLE, data.redemption_number), chain)
    width = doc.width
    grey = colors.HexColor(DARK_GREY)

    text = doc.style(TEXT_SIZE)
    label = doc.style(TEXT_SIZE, textColor=grey)
    right = doc.style(TEXT_SIZE, alignment=TA_RIGHT)
    centred_small = doc.style(SMALL_SIZE, alignment=TA_CENTER, textColor=grey)

    def para(value: str, st=text) -> Paragraph:
        return doc.para(value, st)

    def rule(dashed: bool = True, space: float = 1.5 * MM) -> HRFlowable:
        return HRFlowable(
            width="100%",
            thickness=0.7,
            color=colors.black,
            dash=(2, 2) if dashed else None,
            spaceBefore=space,
            spaceAfter=space,
        )

    cells = [
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]

    def table(rows: list[list], widths: list[float], *commands: tuple) -> Table:
        return doc.table(rows, widths, [*cells, *commands], padding=CELL_PADDING)

    def rows_table(rows: list[tuple[str, str]]) -> Table:
        return table(
            [[para(name, label), para(value)] for name, value in rows], [LABEL_WIDTH, width - LABEL_WIDTH]
        )

    title = TITLE + (REPRINT if data.reprint else "")
    story: list = [
        *doc.title_block(title, centre_size=CENTRE_SIZE, title_size=TITLE_SIZE, gap=1 * MM),
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

    label_right = doc.style(TEXT_SIZE, alignment=TA_RIGHT, textColor=grey)
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
    story.append(table(rows, list(ITEM_COLUMNS), ("LINEBELOW", (0, 0), (-1, 0), 0.5, grey)))
    story.append(rule())

    count = sum(line.quantity for line in data.lines)
    total = [para(f"共 {count} 件"), para(f"合计 {data.total} 分", doc.style(TOTAL_SIZE, alignment=TA_RIGHT))]
    story.append(table([total], [width * 0.35, width * 0.65], ("VALIGN", (0, 0), (-1, -1), "BOTTOM")))
    story.append(Spacer(0, 1.5 * MM))

    status = table(
        [[para("状态", doc.style(TEXT_SIZE)), para(STATUS_LABELS[data.status], doc.style(TOTAL_SIZE))]],
        [LABEL_WIDTH, width - LABEL_WIDTH],
        ("BOX", (0, 0), (-1, -1), 1, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    )
    story.append(status)
    if STATUS_NOTES[data.status]:
        story += [Spacer(0, 1 * MM), para(STATUS_NOTES[data.status], doc.style(SMALL_SIZE, textColor=grey))]
    story.append(Spacer(0, 1.5 * MM))

    balances = [("可用积分", f"{data.available_after} 分")]
    if data.frozen_after or data.status == "frozen":
        balances.append(("冻结积分", f"{data.frozen_after} 分"))
    balances.append(("经办人", data.coordinator))
    story.append(rows_table(balances))
    for extra in data.extra_lines:
        story.append(para(extra, doc.style(SMALL_SIZE)))
    story.append(rule())

    signature = doc.signature_line(
        [Blank(SIGNATURE, 6 * TEXT_SIZE + 2 * CELL_PADDING, None)],
        text,
        padding=CELL_PADDING,
        top_padding=9 * MM,
        bottom_padding=1.5,
    )
    story += [signature, Spacer(0, 3 * MM), para(KEEP_NOTICE, centred_small)]
    if data.centre_phone:
        story.append(para(f"咨询电话：{data.centre_phone}", centred_small))
    if data.printed_at is not None:
        story.append(para(f"打印时间：{format_time(data.printed_at)}", centred_small))
    doc.build(story, path_or_buffer, one_page=True)  # the page is as tall as the content
