"""The 回执 (receipt slip) a resident takes home after a request has been registered.

Page format: **A5 portrait** (148 × 210 mm), one page. Community service centres print
on the ordinary office laser printer they already have; A5 is half an A4 sheet (A5 paper
in the tray, or A4 cut in half), toner does not fade like thermal paper does over the
weeks until the 回访 (follow-up), and there is room for type that older residents read
without glasses: 12–13 pt text, 20 pt number. Everything is kept on one page: the
description is cut to a few lines with "…", and if unusual texts still overflow, the
content is scaled down rather than spilling onto a second sheet.

Printed texts are Simplified Chinese literals here, not ``N_`` texts: the slip is a
document for residents and is always printed in Chinese, whatever the screen language.

ReportLab is imported only when a slip is built, so importing this module is cheap.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, BinaryIO

from desktop.common.masking import mask_phone
from desktop.printing.page import A5, GREY, MM, DocumentInfo

if TYPE_CHECKING:
    from desktop.printing.fonts import FontChain

TITLE = "居民诉求受理回执"
KEEP_NOTICE = "请妥善保管此回执，凭编号查询办理进度"
WEEKDAYS = "一二三四五六日"

DESCRIPTION_MAX_CHARS = 300  # cut before measuring; more never fits anyway
DESCRIPTION_MAX_LINES = 8

PAGE = A5  # 12 mm margins
CELL_PADDING = 6
LABEL_WIDTH = 4 * 13 + 2 * CELL_PADDING + 10  # four characters at the text size, and a gap

TITLE_SIZE = 20
CENTRE_SIZE = 14
NUMBER_SIZE = 20
TEXT_SIZE = 13
SMALL_SIZE = 11


@dataclass
class SlipData:
    """What the slip shows; labels are already in Chinese (category, department …)."""

    centre_name: str
    request_number: str  # e.g. "2026-11-000123"
    registered_at: datetime
    resident_name: str
    phone_masked: str  # e.g. "138****5678"; an unmasked number is masked before printing
    channel: str  # 受理渠道, e.g. "窗口来访"
    category: str  # 事项类别
    description: str  # the resident's request in their words; long texts are cut
    department: str  # 承办部门
    # e.g. [("受理时限", …), ("答复时限", …), ("办结时限", …), ("回访时限", …)]
    promised: list[tuple[str, datetime | date]] = field(default_factory=list)
    centre_phone: str | None = None


def format_when(when: datetime | date) -> str:
    """``2026年11月23日 周一 17:30``; a date alone without the time."""
    text = f"{when.year}年{when.month}月{when.day}日 周{WEEKDAYS[when.weekday()]}"
    if isinstance(when, datetime):
        text += f" {when:%H:%M}"
    return text


def printed_phone(phone: str) -> str:
    """The phone as printed: masked, also if the caller passed the full number."""
    phone = phone.strip()
    if not phone or "*" in phone:
        return phone
    return mask_phone(phone)


def one_paragraph(text: str) -> str:
    """Line breaks and runs of spaces become one space between Latin letters or digits
    and nothing next to Chinese text: ``"方便，\n希望"`` → ``"方便，希望"``."""
    pieces = text.split()
    out = pieces[:1]
    for piece in pieces[1:]:
        out.append(" " if out[-1][-1].isascii() and piece[0].isascii() else "")
        out.append(piece)
    return "".join(out)


def build_slip(
    data: SlipData, path_or_buffer: str | os.PathLike[str] | BinaryIO, chain: FontChain | None = None
) -> None:
    """Write the slip as a one-page A5 PDF with its fonts embedded.

    ``chain`` defaults to the fonts of this PC. Raises
    :class:`~desktop.common.errors.DomainError` naming a character that no font can print.
    """
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.platypus import HRFlowable, Paragraph, Spacer, Table

    from desktop.printing.template import DocumentTemplate

    doc = DocumentTemplate(
        PAGE, DocumentInfo(data.centre_name, TITLE, data.request_number), chain, leading=1.35
    )
    value_width = doc.width - LABEL_WIDTH
    text_width = value_width - 2 * CELL_PADDING
    grey = colors.HexColor(GREY)

    text = doc.style(TEXT_SIZE)
    label = doc.style(TEXT_SIZE, textColor=grey)
    small = doc.style(SMALL_SIZE, alignment=TA_CENTER, textColor=grey)

    def para(value: str, st=text) -> Paragraph:
        return doc.para(value, st)

    # The same left padding everywhere lines labels and values up with those inside the
    # box around the number.
    def rows_table(rows: list[tuple[str, Paragraph]]) -> Table:
        return doc.table(
            [[para(name, label), value] for name, value in rows],
            [LABEL_WIDTH, value_width],
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ],
            padding=CELL_PADDING,
        )

    number = doc.table(
        [
            [
                para("受理编号", doc.style(TEXT_SIZE)),
                para(data.request_number, doc.style(NUMBER_SIZE, leading=1.2)),
            ]
        ],
        [LABEL_WIDTH, value_width],
        [
            ("BOX", (0, 0), (-1, -1), 1, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ],
        padding=CELL_PADDING,
    )

    story = [
        *doc.title_block(TITLE, centre_size=CENTRE_SIZE, title_size=TITLE_SIZE, gap=2 * MM),
        Spacer(0, 4 * MM),
        number,
        Spacer(0, 3 * MM),
        rows_table(
            [
                ("登记时间", para(format_when(data.registered_at))),
                ("居民姓名", para(data.resident_name)),
                ("联系电话", para(printed_phone(data.phone_masked))),
                ("受理渠道", para(data.channel)),
                ("事项类别", para(data.category)),
                ("承办部门", para(data.department)),
                ("诉求内容", _description(data.description, doc.chain, text, text_width)),
            ]
        ),
    ]
    if data.promised:
        story += [
            Spacer(0, 2 * MM),
            HRFlowable(width="100%", thickness=0.6, color=grey, spaceBefore=0, spaceAfter=2 * MM),
            rows_table([(name, para(format_when(when))) for name, when in data.promised]),
        ]
    story += [
        Spacer(0, 2 * MM),
        HRFlowable(width="100%", thickness=0.6, color=grey, spaceBefore=0, spaceAfter=2 * MM),
        para(KEEP_NOTICE, doc.style(SMALL_SIZE, alignment=TA_CENTER)),
    ]
    if data.centre_phone:
        story.append(para(f"咨询电话：{data.centre_phone}", small))
    doc.build(story, path_or_buffer, one_page=True)


def _description(text: str, chain: FontChain, st, width: float):
    """The description as a Paragraph of at most DESCRIPTION_MAX_LINES lines, cut with
    "…" where it would be longer."""
    from reportlab.platypus import Paragraph

    def paragraph(value: str) -> Paragraph:
        return Paragraph(chain.markup(value), st)

    def lines(p: Paragraph) -> int:
        p.wrap(width, 10_000)
        return len(p.blPara.lines)

    text = one_paragraph(text)  # line breaks would only cost lines
    if len(text) > DESCRIPTION_MAX_CHARS:
        text = text[: DESCRIPTION_MAX_CHARS - 1] + "…"
    whole = paragraph(text)
    if lines(whole) <= DESCRIPTION_MAX_LINES:
        return paragraph(text)
    low, high = 0, len(text) - 1  # the longest prefix that fits, with "…"
    while low < high:
        middle = (low + high + 1) // 2
        if lines(paragraph(text[:middle].rstrip() + "…")) <= DESCRIPTION_MAX_LINES:
            low = middle
        else:
            high = middle - 1
    return paragraph(text[:low].rstrip() + "…")
