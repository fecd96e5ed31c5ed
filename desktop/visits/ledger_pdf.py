"""The printable monthly 走访台账 of one grid (A4 portrait, as many pages as needed).

The first page carries the centre, the title, the grid, the month, the grid's workers
and a summary (应访、已访、逾期、未到期); a table follows with every resident due that
month: name, address, key groups, the rule (每月, 每周 …), due date(s), each visit (date,
how, by whom and companions) and the status. Column heads repeat on every page; later
pages carry a running header, every page "第 X 页 / 共 Y 页". It ends with the signature
lines of the grid worker and the community's person in charge, and the date.

Printed texts are Simplified Chinese literals. ReportLab is imported only here.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import KeepTogether, Spacer

from desktop.printing.fonts import FontChain
from desktop.printing.page import (
    A4,
    DARK_GREY,
    GREY,
    MM,
    SHADE,
    STRIPE,
    Blank,
    DocumentInfo,
    PageFooter,
    RunningHeader,
)
from desktop.printing.template import DocumentTemplate, Target
from desktop.visits.ledger import LedgerData
from desktop.visits.plan import Status

TITLE = "网格走访台账"
TITLE_SIZE = 17
CENTRE_SIZE = 12
INFO_SIZE = 10.5
TABLE_SIZE = 8.5
PADDING = 3

# (head, width in points, alignment); the visits column takes what is left.
COLUMNS: tuple[tuple[str, float, str], ...] = (
    ("序号", 24, "RIGHT"),
    ("姓名", 46, "LEFT"),
    ("住址", 96, "LEFT"),
    ("重点人群", 62, "LEFT"),
    ("走访要求", 46, "LEFT"),
    ("应访日期", 44, "LEFT"),
    ("走访记录（日期 方式 走访人）", 0, "LEFT"),
    ("完成情况", 44, "LEFT"),
)
RED = "#b00000"


def build_ledger(data: LedgerData, target: Target, chain: FontChain | None = None) -> None:
    """Write the ledger as a PDF, fonts embedded; a character no font has raises
    :class:`~desktop.common.errors.DomainError` naming it."""
    doc = DocumentTemplate(A4, DocumentInfo(data.centre, TITLE, f"{data.grid} {data.month_label}"), chain)
    width = doc.width
    info = doc.style(INFO_SIZE)
    label = doc.style(INFO_SIZE, textColor=colors.HexColor(GREY))
    cell = doc.style(TABLE_SIZE, leading=1.3)
    red_cell = doc.style(TABLE_SIZE, leading=1.3, textColor=colors.HexColor(RED))
    head = doc.style(TABLE_SIZE, leading=1.3, textColor=colors.white)

    story: list = [
        *doc.title_block(TITLE, centre_size=CENTRE_SIZE, title_size=TITLE_SIZE, gap=1.5 * MM),
        Spacer(0, 4 * MM),
    ]
    pairs = [
        ("网格", data.grid, "走访月份", f"{data.month_label}（{data.first:%m-%d}至{data.last:%m-%d}）"),
        ("网格员", "、".join(data.workers) or "—", "打印时间", f"{data.printed_at:%Y-%m-%d %H:%M}"),
    ]
    label_width = 4 * INFO_SIZE + 2 * PADDING + 4
    value_width = (width - 2 * label_width) / 2
    story.append(
        doc.table(
            [
                [doc.para(a, label), doc.para(b, info), doc.para(c, label), doc.para(d, info)]
                for a, b, c, d in pairs
            ],
            [label_width, value_width, label_width, value_width],
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (0, 0), (-1, -1), 0.8, colors.black)],
            padding=PADDING,
        )
    )
    story.append(Spacer(0, 3 * MM))
    due = sum(len(r.statuses) for r in data.rows)
    summary = [
        f"应访 {due} 人次",
        f"已访 {data.count(Status.DONE)} 人次",
        f"逾期 {data.count(Status.OVERDUE)} 人次",
        f"未到期 {data.count(Status.DUE)} 人次",
    ]
    story.append(
        doc.table(
            [[doc.para(t, info) for t in summary]],
            [width / 4] * 4,
            [("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(SHADE))],
            padding=PADDING,
        )
    )
    story.append(Spacer(0, 4 * MM))

    fixed = sum(w for _h, w, _a in COLUMNS)
    widths = [w or width - fixed for _h, w, _a in COLUMNS]
    rows: list[list] = [[doc.para(h, head) for h, _w, _a in COLUMNS]]
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTSIZE", (0, 0), (-1, -1), TABLE_SIZE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(DARK_GREY)),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor(STRIPE)]),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(GREY)),
    ]
    for n, r in enumerate(data.rows, start=1):
        overdue = Status.OVERDUE in r.statuses
        rows.append(
            [
                doc.para(str(n), cell),
                doc.para(r.name, cell),
                doc.para(r.address or "—", cell),
                doc.para(r.tags, cell),
                doc.para(r.frequency_text, cell),
                doc.para("\n".join(f"{d:%m-%d}" for d in r.due_dates).replace("\n", " "), cell),
                doc.para(
                    r.visits_text.replace("\n", "；") or "未走访",
                    red_cell if not r.visits and overdue else cell,
                ),
                doc.para(r.status_text, red_cell if overdue else cell),
            ]
        )
    if not data.rows:
        rows.append([doc.para("本月本网格没有应走访的居民。", cell)] + [""] * (len(COLUMNS) - 1))
        commands.append(("SPAN", (0, 1), (-1, 1)))
    story.append(doc.table(rows, widths, commands, padding=PADDING, long=True, repeat_rows=1))

    blanks = [
        Blank("网格员签字：", 6 * INFO_SIZE + 2 * PADDING, 120),
        Blank("社区负责人签字：", 8 * INFO_SIZE + 2 * PADDING, 120),
        Blank("日期：", 3 * INFO_SIZE + 2 * PADDING, 90),
    ]
    story.append(
        KeepTogether(
            [
                Spacer(0, 4 * MM),
                doc.para(
                    f"以上共 {len(data.rows)} 人。逾期：应访日期（当期最后一个工作日）已过仍未走访。", info
                ),
                Spacer(0, 10 * MM),
                doc.signature_line(blanks, info, padding=PADDING),
            ]
        )
    )
    doc.build(
        story,
        target,
        running_header=RunningHeader(right=f"{data.grid} {data.month_label}"),
        footer=PageFooter(
            left=f"{data.grid} {data.month_label}", right=f"打印时间 {data.printed_at:%Y-%m-%d %H:%M}"
        ),
    )
