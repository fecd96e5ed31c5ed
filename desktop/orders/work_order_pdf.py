"""The 服务工单 (work order) given to the provider who takes a service order.

Page format: **A4 portrait**, usually one page, numbered "第 X 页 / 共 Y 页" when a long
description or scope spills onto a second. It says what the community ordered: the
resident (phone masked), the service and the resident's words, the scope, the planned
targets as numbers (people, sessions, key groups), the deadline, the budget over its
fund lines, and who takes it — the provider with its contract amount once accepted, or
the candidates it is offered to with the time to accept. It ends with what the provider
must keep (sign-in sheets, photos, the resident's 服务确认单) and signature lines for the
community (派单人) and the provider (接单人, 盖章).

Printed in Chinese whatever the screen language (see :mod:`desktop.orders.printout`).
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, BinaryIO

from desktop.orders import printout as p
from desktop.orders.providers import ProviderRow
from desktop.orders.queries import OrderDetail
from desktop.printing.page import A4, MM, Blank, DocumentInfo, PageFooter, RunningHeader

if TYPE_CHECKING:
    from desktop.printing.fonts import FontChain

TITLE = "服务工单"
PAGE = A4

DUTIES = (
    "服务主体应按本工单确定的服务内容、服务对象和完成期限实施服务，不得转包；",
    "每场（次）服务须如实记录服务日期、服务人数及参与志愿者，留存签到表和服务照片；",
    "服务完成后，由服务对象（居民）签署《服务确认单》，社区据此组织评价和验收；",
    "服务资金按实际完成情况拨付，未完成或不符合要求的部分予以核减。",
)


def build_work_order(
    detail: OrderDetail,
    centre_name: str,
    target: str | os.PathLike[str] | BinaryIO,
    *,
    operator: str = "",
    provider: ProviderRow | None = None,
    printed_at: dt.datetime | None = None,
    chain: FontChain | None = None,
) -> None:
    """Write the work order of ``detail`` as an A4 PDF (fonts embedded).

    ``provider`` (the accepted provider's registry row) adds its kind, 负责人 and
    phone (masked); ``operator`` is printed as 派单人. Raises ``DomainError`` naming a
    character no font can print.
    """
    from reportlab.platypus import KeepTogether, Spacer

    from desktop.printing.template import DocumentTemplate

    d = detail
    printed_at = printed_at or dt.datetime.now()
    doc = DocumentTemplate(PAGE, DocumentInfo(centre_name, TITLE, d.number), chain)
    text = doc.style(p.TEXT_SIZE)
    story: list = [
        *doc.title_block(TITLE, centre_size=p.CENTRE_SIZE, title_size=p.TITLE_SIZE, gap=1.5 * MM),
        Spacer(0, 3 * MM),
        p.inline(
            doc,
            [
                f"工单编号：{d.number}",
                f"点单日期：{p.day(d.ordered_at)}",
                f"状态：{p.STAGE_ZH.get(d.stage, d.stage)}",
            ],
        ),
        p.section(doc, "一、居民点单"),
        p.facts_table(
            doc,
            [
                ("居民姓名", d.resident_name),
                ("联系电话", p.masked(d.resident_phone)),
                ("居住地址", d.address),
                ("所属网格", d.grid),
                ("服务类别", d.category),
                ("服务项目", d.title),
                ("*需求描述", d.description),
                *([("关联诉求", d.request_number)] if d.request_number else []),
            ],
        ),
        p.section(doc, "二、服务内容与目标"),
        p.facts_table(
            doc,
            [
                ("*服务范围", d.scope),
                ("计划服务人数", p.people(d.targets.planned_people)),
                ("计划服务场次", p.sessions(d.targets.planned_sessions)),
                ("*重点人群", "、".join(g for g in d.targets.planned_groups if g)),
                ("完成期限", p.day(d.deadline)),
                ("公示期", f"{d.publicity_days} 个工作日" if d.publicity_days else "无"),
            ],
            label_chars=6,
        ),
        p.section(doc, "三、预算与资金来源"),
    ]
    lines = [(line.fund, p.yuan(line.budget), p.yuan(line.committed)) for line in d.fund_lines]
    lines.append(("合计", p.yuan(d.budget), p.yuan(sum(line.committed for line in d.fund_lines))))
    story.append(
        p.grid_table(
            doc,
            ("资金来源", "预算金额", "已承诺（占用）金额"),
            lines,
            p.fill_widths(doc.width, (0, 120, 140)),
            aligns=("", "R", "R"),
            bold_last=True,
        )
    )
    story.append(p.section(doc, "四、承接服务主体"))
    if d.provider:
        pairs = [("服务主体", d.provider)]
        if provider is not None:
            pairs += [
                ("主体类型", p.PROVIDER_KIND_ZH.get(provider.kind, provider.kind)),
                ("统一社会信用代码", provider.credit_code),
                ("负责人", provider.leader),
                ("联系电话", p.masked(provider.phone)),
            ]
        pairs += [("合同金额", p.yuan(d.contract_amount)), ("接单时间", p.moment(d.accepted_at))]
        story.append(p.facts_table(doc, pairs, label_chars=8))
    else:
        offered = [c for c in d.candidates if c.declined_at is None]
        names = "、".join(c.provider for c in offered) or "（尚未派单）"
        story.append(
            p.facts_table(
                doc,
                [
                    ("*候选服务主体", names),
                    ("接单截止", p.moment(d.accept_by)),
                    ("派单时间", p.moment(d.dispatched_at)),
                ],
                label_chars=7,
            )
        )
    story.append(p.section(doc, "五、服务要求"))
    story += [doc.para(f"{i}. {duty}", text) for i, duty in enumerate(DUTIES, start=1)]
    blanks_community = [
        Blank("派单人：", p.label_width(4), 90, filled=operator)
        if operator
        else Blank("派单人：", p.label_width(4), 90),
        Blank("签字：", p.label_width(3), 100),
        Blank("日期：", p.label_width(3), 100),
    ]
    blanks_provider = [
        Blank("接单人（服务主体）签字：", p.label_width(12), 130),
        Blank("日期：", p.label_width(3), 100),
    ]
    story.append(
        KeepTogether(
            [
                Spacer(0, 8 * MM),
                doc.signature_line(blanks_community, text, padding=p.CELL_PADDING),
                Spacer(0, 8 * MM),
                doc.signature_line(blanks_provider, text, padding=p.CELL_PADDING),
                Spacer(0, 4 * MM),
                p.inline(doc, ["（社区盖章）", "（服务主体盖章）"], p.TEXT_SIZE),
            ]
        )
    )
    doc.build(
        story,
        target,
        running_header=RunningHeader(right=f"工单编号：{d.number}", size=p.SMALL_SIZE),
        footer=PageFooter(
            left=f"打印时间 {printed_at:%Y-%m-%d %H:%M}", right=d.number, side_size=p.SMALL_SIZE
        ),
    )
