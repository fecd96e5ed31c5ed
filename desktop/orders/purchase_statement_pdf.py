"""The monthly 政府购买服务明细: every payment of a month, by fund and provider.

Page format: **A4 portrait**, as many pages as the payments need, the column heads
repeated on each page, a running header (centre, title （续）, the month) on later pages
and "第 X 页 / 共 Y 页" on every page. It opens with the totals per fund, then the sums
per fund and provider (笔数, 付款金额, 核减金额), then every payment (day, voucher, order,
service, provider, fund, tranche, amount, deduction and its reason), and ends with the
grand total and signature lines for the clerk (经办人), the reviewer (审核人) and the
centre's head (负责人), kept together on the last page.

Printed in Chinese whatever the screen language (see :mod:`desktop.orders.printout`).
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, BinaryIO

from desktop.orders import printout as p
from desktop.orders.money import format_yuan
from desktop.orders.payments import PurchaseStatement
from desktop.printing.page import A4, MM, Blank, DocumentInfo, PageFooter, RunningHeader

if TYPE_CHECKING:
    from desktop.printing.fonts import FontChain

TITLE = "政府购买服务明细"
PAGE = A4


def month_text(year: int, month: int) -> str:
    return f"{year}年{month}月"


def build_purchase_statement(
    statement: PurchaseStatement,
    target: str | os.PathLike[str] | BinaryIO,
    *,
    centre_name: str = "",
    operator: str = "",
    printed_at: dt.datetime | None = None,
    chain: FontChain | None = None,
) -> None:
    """Write the month's statement as an A4 PDF of as many pages as needed (fonts
    embedded). ``centre_name`` defaults to the statement's. Raises ``DomainError``
    naming a character no font can print."""
    from reportlab.platypus import KeepTogether, Spacer

    from desktop.printing.template import DocumentTemplate

    st = statement
    centre = centre_name or st.centre
    month = month_text(st.year, st.month)
    printed_at = printed_at or dt.datetime.now()
    doc = DocumentTemplate(PAGE, DocumentInfo(centre, TITLE, month), chain)
    text = doc.style(p.TEXT_SIZE)
    story: list = [
        *doc.title_block(
            f"{TITLE}（{month}）", centre_size=p.CENTRE_SIZE, title_size=p.TITLE_SIZE, gap=1.5 * MM
        ),
        Spacer(0, 3 * MM),
        p.inline(
            doc,
            [
                f"统计期间：{month}",
                f"付款 {len(st.rows)} 笔",
                f"付款合计 {p.yuan(st.total_amount)}",
                f"核减合计 {p.yuan(st.total_deduction)}",
            ],
        ),
        p.section(doc, "一、按资金来源汇总"),
    ]
    totals = [(fund, format_yuan(amount), format_yuan(cut)) for fund, amount, cut in st.fund_totals]
    totals.append(("合计", format_yuan(st.total_amount), format_yuan(st.total_deduction)))
    story.append(
        p.grid_table(
            doc,
            ("资金来源", "付款金额（元）", "核减金额（元）"),
            totals,
            p.fill_widths(doc.width, (0, 110, 110)),
            aligns=("", "R", "R"),
            bold_last=True,
        )
    )
    story.append(p.section(doc, "二、按资金来源和服务主体汇总"))
    groups = [
        (g.fund, g.provider, str(g.payments), format_yuan(g.amount), format_yuan(g.deduction))
        for g in st.groups
    ] or [("（本月无付款）", "", "", "", "")]
    story.append(
        p.grid_table(
            doc,
            ("资金来源", "服务主体", "笔数", "付款金额（元）", "核减金额（元）"),
            groups,
            p.fill_widths(doc.width, (0, 0, 36, 90, 90)),
            aligns=("", "", "R", "R", "R"),
            long=True,
        )
    )
    story.append(p.section(doc, "三、付款明细"))
    details: list[tuple[str, ...]] = []
    headings: list[int] = []
    subtotals: list[int] = []
    for fund, amount, cut in st.fund_totals:
        headings.append(len(details))
        details.append((f"资金来源：{fund}",))
        for r in (r for r in st.rows if r.fund == fund):
            details.append(
                (
                    f"{r.paid_on:%m-%d}",
                    r.voucher,
                    r.order_number,
                    r.order_title,
                    r.provider,
                    p.TRANCHE_ZH.get(r.tranche, r.tranche),
                    format_yuan(r.amount),
                    format_yuan(r.deduction) if r.deduction else "",
                    r.deduction_reason,
                )
            )
        subtotals.append(len(details))
        details.append(("", "", "", "小计", "", "", format_yuan(amount), format_yuan(cut), ""))
    if not details:
        details.append(("", "", "", "（本月无付款）", "", "", "", "", ""))
    story.append(
        p.grid_table(
            doc,
            ("日期", "凭证号", "工单编号", "服务项目", "服务主体", "类型", "付款", "核减", "核减原因"),
            details,
            p.fill_widths(doc.width, (30, 92, 80, 0, 0, 30, 54, 44, 0)),
            aligns=("", "", "", "", "", "", "R", "R", ""),
            size=p.SMALL_SIZE,
            long=True,
            group_rows=headings,
            total_rows=subtotals,
        )
    )
    closing = [
        Spacer(0, 4 * MM),
        doc.para(
            f"以上共 {len(st.rows)} 笔，付款合计 {p.yuan(st.total_amount)}，"
            f"核减合计 {p.yuan(st.total_deduction)}。",
            text,
        ),
        Spacer(0, 10 * MM),
        doc.signature_line(
            [
                Blank("经办人：", p.label_width(4), 80, filled=operator)
                if operator
                else Blank("经办人：", p.label_width(4), 80),
                Blank("审核人：", p.label_width(4), 90),
                Blank("负责人：", p.label_width(4), 90),
                Blank("日期：", p.label_width(3), None),
            ],
            text,
            padding=p.CELL_PADDING,
        ),
        Spacer(0, 5 * MM),
        doc.para("（单位盖章）", text),
    ]
    story.append(KeepTogether(closing))
    doc.build(
        story,
        target,
        running_header=RunningHeader(right=month, size=p.SMALL_SIZE),
        footer=PageFooter(left=f"打印时间 {printed_at:%Y-%m-%d %H:%M}", right=month, side_size=p.SMALL_SIZE),
    )
