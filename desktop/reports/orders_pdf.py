"""The service-order section of the report PDF (居民点单服务), drawn by the report's
builder (:mod:`desktop.reports.pdf`): the headline with 环比 and 同比, orders by stage,
money paid per fund and per provider, the funds' balances and the providers'
performance. Money is kept in fen and printed in 元 with two decimals."""

from __future__ import annotations

from desktop.reports.figures import OrdersReport
from desktop.reports.pdf_builder import DASH, EMPTY, Builder, count, percent, ratio
from desktop.reports.wording import FUND_KINDS_ZH


def yuan(fen: int) -> str:
    return f"{fen / 100:,.2f}"


def orders_section(b: Builder, o: OrdersReport) -> None:
    b.headline_table(o.headline)
    b.sub("（一）本期点单办理环节")
    if o.by_stage:
        b.table(
            ["所处环节", "订单数", "占比（%）"],
            [[r.label, count(r.count), ratio(r.share)] for r in o.by_stage],
            [40, 20, 20],
            unit="单",
        )
    else:
        b.note(EMPTY)
    b.sub("（二）政府买单（按资金、按服务主体）")
    if o.paid_by_fund:
        b.table(
            ["资金", "付款笔数", "付款金额", "核减金额"],
            [[r.label, count(r.payments), yuan(r.paid), yuan(r.deduction)] for r in o.paid_by_fund],
            [50, 14, 20, 20],
            unit="元",
        )
        b.table(
            ["服务主体", "付款笔数", "付款金额", "核减金额"],
            [[r.label, count(r.payments), yuan(r.paid), yuan(r.deduction)] for r in o.paid_by_provider],
            [50, 14, 20, 20],
            unit="元",
        )
    else:
        b.note("本期无付款。")
    b.sub("（三）资金余额")
    if o.funds:
        b.table(
            ["资金", "类别", "总额", "已占用", "已支付", "可用余额"],
            [
                [
                    f.name,
                    FUND_KINDS_ZH.get(f.kind, f.kind),
                    yuan(f.total),
                    yuan(f.committed),
                    yuan(f.paid),
                    yuan(f.remaining),
                ]
                for f in o.funds
            ],
            [40, 22, 18, 18, 18, 18],
            align="llrrrr",
            unit="元",
        )
    else:
        b.note(EMPTY)
    b.sub("（四）服务主体履约情况")
    if o.providers:
        b.table(
            [
                "服务主体",
                "完成订单",
                "按期完成率（%）",
                "满意",
                "基本满意",
                "不满意",
                "满意率（%）",
                "付款金额（元）",
            ],
            [
                [
                    p.name,
                    count(p.finished),
                    percent(p.on_time.percent),
                    count(p.ratings.satisfied),
                    count(p.ratings.basically),
                    count(p.ratings.unsatisfied),
                    percent(p.ratings.rate.percent),
                    yuan(p.paid) if p.paid else DASH,
                ]
                for p in o.providers
            ],
            [40, 12, 16, 10, 12, 10, 14, 18],
        )
    else:
        b.note(EMPTY)
