"""The service-order sheet of the report workbook (居民点单): the headline with 环比 and
同比, orders by stage, money paid per fund and per provider, the funds' balances and
the providers' performance, with a chart of the money paid per fund. Money in 元 with
two decimals (kept in fen until here)."""

from __future__ import annotations

from typing import Any

from desktop.reports.excel_parts import Sheet, bar_chart, frame, headline_frame, pct, rate
from desktop.reports.figures import OrdersReport
from desktop.reports.wording import FUND_KINDS_ZH


def _yuan(fen: int) -> float:
    return round(fen / 100, 2)


def orders_sheet(book: Any, o: OrdersReport) -> None:
    s = Sheet(book, "居民点单", [26, 16, 14, 14, 14, 14, 14, 14])
    s.frame(headline_frame(o.headline), formats={"本期": "#,##0.##", "环比": "0.0", "同比": "0.0"})
    s.blank()
    s.line("本期点单所处环节", bold=True)
    s.frame(
        frame([[r.label, r.count, pct(r.share)] for r in o.by_stage], ["所处环节", "订单数", "占比（%）"])
    )
    s.blank()
    s.line("政府买单（按资金）", bold=True)
    first, last = s.frame(
        frame(
            [[r.label, r.payments, _yuan(r.paid), _yuan(r.deduction)] for r in o.paid_by_fund],
            ["资金", "付款笔数", "付款金额（元）", "核减金额（元）"],
        ),
        formats={"付款金额（元）": "#,##0.00", "核减金额（元）": "#,##0.00"},
    )
    if o.paid_by_fund:
        s.chart(bar_chart("政府买单（按资金）", s, (3, 3), 1, (first, last), unit="元"), "J2")
    s.blank()
    s.line("政府买单（按服务主体）", bold=True)
    s.frame(
        frame(
            [[r.label, r.payments, _yuan(r.paid), _yuan(r.deduction)] for r in o.paid_by_provider],
            ["服务主体", "付款笔数", "付款金额（元）", "核减金额（元）"],
        ),
        formats={"付款金额（元）": "#,##0.00", "核减金额（元）": "#,##0.00"},
    )
    s.blank()
    s.line("资金余额", bold=True)
    money = {c: "#,##0.00" for c in ("总额（元）", "已占用（元）", "已支付（元）", "可用余额（元）")}
    s.frame(
        frame(
            [
                [
                    f.name,
                    FUND_KINDS_ZH.get(f.kind, f.kind),
                    _yuan(f.total),
                    _yuan(f.committed),
                    _yuan(f.paid),
                    _yuan(f.remaining),
                ]
                for f in o.funds
            ],
            ["资金", "类别", *money],
        ),
        formats=money,
    )
    s.blank()
    s.line("服务主体履约情况", bold=True)
    s.frame(
        frame(
            [
                [
                    p.name,
                    p.finished,
                    rate(p.on_time.percent),
                    p.ratings.satisfied,
                    p.ratings.basically,
                    p.ratings.unsatisfied,
                    rate(p.ratings.rate.percent),
                    _yuan(p.paid),
                ]
                for p in o.providers
            ],
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
        ),
        formats={"付款金额（元）": "#,##0.00"},
    )
