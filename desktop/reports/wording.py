"""The names of everything a report shows: each figure once, with its unit, the text the
screens translate (``N_``) and the Simplified Chinese printed on paper and in Excel.

A report is an official document and is always printed in Chinese, whatever the screen
language (like the slip and the statement), so the printed names are literals here; the
screens show the ``screen`` texts through the translator. The names of the vocabulary a
request is described with (channels, levels, clocks, satisfaction) are printed with
the Chinese below, in the order the vocabulary lists them.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.common.i18n import N_

COUNT, RATE, HOURS, MONEY = "count", "rate", "hours", "money"


@dataclass(frozen=True)
class Metric:
    """One headline figure: how it is compared (a count changes by a percentage, a rate
    by percentage points), its unit and its names."""

    key: str
    kind: str  # count | rate | hours | money (元)
    unit: str  # printed unit: 件, 人, %, 工作小时 …
    screen: str  # N_ text for the screens
    printed: str  # Simplified Chinese for paper and Excel


def _m(key: str, kind: str, unit: str, screen: str, printed: str) -> Metric:
    return Metric(key, kind, unit, screen, printed)


REQUEST_METRICS: tuple[Metric, ...] = (
    _m("registered", COUNT, "件", N_("Requests registered"), "受理量"),
    _m("visitors", COUNT, "人次", N_("Visitors"), "来访人次"),
    _m("resolutions", COUNT, "件", N_("Resolved in the period"), "本期办结"),
    _m("resolution_rate", RATE, "%", N_("Resolution rate"), "办结率"),
    _m("accept_on_time", RATE, "%", N_("Accepted in time"), "及时受理率"),
    _m("answer_on_time", RATE, "%", N_("Answered on time"), "按时答复率"),
    _m("resolve_on_time", RATE, "%", N_("Resolved on time"), "按时办结率"),
    _m("follow_up_on_time", RATE, "%", N_("Followed up on time"), "按时回访率"),
    _m("follow_up_rate", RATE, "%", N_("Follow-up rate"), "回访率"),
    _m("satisfaction_rate", RATE, "%", N_("Satisfaction rate"), "满意率"),
    _m("reopen_rate", RATE, "%", N_("Reopen rate"), "重办率"),
    _m("return_rate", RATE, "%", N_("Return rate"), "退回率"),
    _m("reminders", COUNT, "次", N_("Reminders"), "催办"),
    _m("supervisions", COUNT, "次", N_("Supervisions"), "督办"),
    _m("direct", COUNT, "件", N_("Handled directly"), "直办"),
    _m("transferred", COUNT, "件", N_("Passed on"), "转办"),
)

LOVE_BANK_METRICS: tuple[Metric, ...] = (
    _m("volunteers_new", COUNT, "人", N_("New volunteers"), "新增志愿者"),
    _m("volunteers_active", COUNT, "人", N_("Active volunteers"), "参与服务志愿者"),
    _m("service_records", COUNT, "人次", N_("Services recorded"), "服务人次"),
    _m("service_hours", HOURS, "小时", N_("Hours served"), "服务时长"),
    _m("points_earned", COUNT, "分", N_("Points earned"), "发放积分"),
    _m("points_redeemed", COUNT, "分", N_("Points redeemed"), "兑换积分"),
    _m("points_expired", COUNT, "分", N_("Points expired"), "过期积分"),
)

ORDER_METRICS: tuple[Metric, ...] = (
    _m("orders_placed", COUNT, "单", N_("Orders placed"), "居民点单"),
    _m("orders_closed", COUNT, "单", N_("Orders closed"), "办结订单"),
    _m("orders_paid", MONEY, "元", N_("Paid by the government"), "政府买单金额"),
    _m("orders_satisfaction", RATE, "%", N_("Residents satisfied with orders"), "群众评单满意率"),
)

METRICS: dict[str, Metric] = {m.key: m for m in REQUEST_METRICS + LOVE_BANK_METRICS + ORDER_METRICS}

# --- the vocabulary in print -------------------------------------------------------------
CHANNELS_ZH: dict[str, str] = {
    "walk_in": "来访",
    "phone": "电话",
    "hotline": "12345热线",
    "mini_program": "小程序",
    "grid": "网格员上报",
}
LEVELS_ZH: dict[str, str] = {"community": "村居（社区）", "town": "镇街道", "district": "区级"}
CLOCKS_ZH: dict[str, str] = {"accept": "受理", "answer": "答复", "resolve": "办结", "follow_up": "回访"}
CLOCK_RATES_ZH: dict[str, str] = {
    "accept": "及时受理率",
    "answer": "按时答复率",
    "resolve": "按时办结率",
    "follow_up": "按时回访率",
}
SATISFACTION_ZH: dict[str, str] = {"satisfied": "满意", "basically": "基本满意", "unsatisfied": "不满意"}
URGENCIES_ZH: dict[str, str] = {"red": "红", "yellow": "黄", "green": "绿"}
STATUSES_ZH: dict[str, str] = {
    "registered": "已登记",
    "assigned": "已派单",
    "accepted": "已受理",
    "answered": "已答复",
    "resolved": "已办结",
    "closed": "已回访",
    "returned": "已退回",
    "reopened": "重办",
    "merged": "已合并",
}
STAR_NAMES_ZH = ("暂无星级", "一星", "二星", "三星", "四星", "五星")
NO_GRID = "未填网格"
NO_DEPARTMENT = "未派单"
THRESHOLDS_ZH: dict[str, str] = {"reply": "回复率", "satisfaction": "满意率"}
ORDER_STAGES_ZH: dict[str, str] = {
    "pending_review": "待审核",
    "rejected": "驳回",
    "to_draft": "待制单",
    "pending_approval": "待审批",
    "publicity": "公示",
    "to_dispatch": "待派单",
    "to_accept": "待接单",
    "in_progress": "实施中",
    "to_rate": "待评价",
    "to_check": "待验收",
    "to_pay": "待付款",
    "settled": "已结算",
    "terminated": "已终止",
    "cancelled": "已撤销",
}
FUND_KINDS_ZH: dict[str, str] = {
    "party_service": "党组织服务群众专项经费",
    "venture": "公益创投",
    "purchase": "政府购买服务",
    "self_raised": "自筹",
    "other": "其他",
}

# --- screen names of the same vocabulary -------------------------------------------------
CLOCK_RATE_LABELS: dict[str, str] = {
    "accept": N_("Accepted in time"),
    "answer": N_("Answered on time"),
    "resolve": N_("Resolved on time"),
    "follow_up": N_("Followed up on time"),
}
THRESHOLD_LABELS: dict[str, str] = {"reply": N_("Reply rate"), "satisfaction": N_("Satisfaction rate")}
NO_DATA = N_("No data for this period")
