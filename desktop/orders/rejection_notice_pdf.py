"""The 驳回通知 a resident is given when the community does not take in their order.

Page format: **A5 portrait**, one page (content scaled down rather than spilling over),
like the 回执 slip a resident takes home: half an A4 sheet, type large enough to read
without glasses. It names the order (number, day, service), gives the reason exactly as
the desk recorded it with the 驳回 step, says where to ask, and ends with the desk's name,
the date and room for the centre's seal.

Printed in Chinese whatever the screen language (see :mod:`desktop.orders.printout`).
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, BinaryIO

from desktop.common.errors import DomainError
from desktop.common.i18n import N_
from desktop.orders import printout as p
from desktop.orders.queries import OrderDetail
from desktop.orders.states import Action, Stage
from desktop.printing.page import A5, GREY, MM, Blank, DocumentInfo

if TYPE_CHECKING:
    from desktop.printing.fonts import FontChain

TITLE = "服务点单驳回通知"
PAGE = A5

TEXT_SIZE = 12.5
SMALL_SIZE = 10.5


def rejection_reason(detail: OrderDetail) -> tuple[str, dt.datetime | None, str]:
    """(reason, when, by whom) of the order's 驳回, or ``DomainError`` if it was not rejected."""
    if detail.stage != Stage.REJECTED:
        raise DomainError(N_("Only a rejected order has a rejection notice."))
    for event in reversed(detail.events):
        if event.action == Action.REJECT:
            return event.note, event.at, event.username
    return "", detail.closed_at, ""


def build_rejection_notice(
    detail: OrderDetail,
    centre_name: str,
    target: str | os.PathLike[str] | BinaryIO,
    *,
    centre_phone: str = "",
    printed_at: dt.datetime | None = None,
    chain: FontChain | None = None,
) -> None:
    """Write the rejection notice of ``detail`` (a rejected order) as a one-page A5 PDF.

    Raises ``DomainError`` when the order was not rejected, or naming a character no
    font can print.
    """
    from reportlab.lib import colors
    from reportlab.platypus import Spacer

    from desktop.printing.template import DocumentTemplate

    d = detail
    reason, when, by = rejection_reason(d)
    printed_at = printed_at or dt.datetime.now()
    doc = DocumentTemplate(PAGE, DocumentInfo(centre_name, TITLE, d.number), chain, leading=1.5)
    text = doc.style(TEXT_SIZE, firstLineIndent=2 * TEXT_SIZE)
    plain = doc.style(TEXT_SIZE)
    small = doc.style(SMALL_SIZE, textColor=colors.HexColor(GREY))
    service = f"{d.category} / {d.title}" if d.category and d.category != d.title else d.title
    story: list = [
        *doc.title_block(TITLE, centre_size=13, title_size=18, gap=1.5 * MM),
        Spacer(0, 3 * MM),
        doc.para(f"编号：{d.number}", small),
        Spacer(0, 4 * MM),
        doc.para(f"{d.resident_name} 居民：", plain),
        Spacer(0, 2 * MM),
        doc.para(
            f"您于 {p.day(d.ordered_at)} 提交的服务点单（{service}）经社区审核，暂不予受理。原因如下：",
            text,
        ),
        Spacer(0, 3 * MM),
        p.facts_table(doc, [("*驳回原因", reason or p.DASH)], columns=1, label_chars=4, size=TEXT_SIZE),
        Spacer(0, 3 * MM),
        doc.para(
            "如您对处理结果有疑问，或情况发生变化，可到社区服务中心窗口咨询或重新点单。"
            + (f"咨询电话：{centre_phone}。" if centre_phone else ""),
            text,
        ),
        Spacer(0, 6 * MM),
        doc.signature_line(
            [
                Blank("经办人：", p.label_width(4, TEXT_SIZE), 80, filled=by)
                if by
                else Blank("经办人：", p.label_width(4, TEXT_SIZE), 80),
                Blank("日期：", p.label_width(3, TEXT_SIZE), None, filled=p.day(when or printed_at)),
            ],
            plain,
            padding=p.CELL_PADDING,
        ),
        Spacer(0, 6 * MM),
        doc.para("（社区服务中心盖章）", doc.style(TEXT_SIZE, alignment=2)),
        Spacer(0, 4 * MM),
        doc.para(f"打印时间 {printed_at:%Y-%m-%d %H:%M}", small),
    ]
    doc.build(story, target, one_page=True)
