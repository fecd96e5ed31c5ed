"""The figures of a report as frozen values: what the dashboard, the PDF and the Excel
export all show, computed once by :class:`desktop.reports.service.ReportService`.

Every rate is kept as its two counts (:class:`Ratio`), so a page can show "2,471 / 3,287"
as well as "75.2 %", and a rate over nothing is ``None`` ("—"), never a division by
zero. Headline figures come as :class:`Compared` values: the period's value with the
previous period's (环比) and the same period a year earlier (同比); a count changes by a
percentage, a rate by percentage points.

The definitions (which steps make which count) are written once, in
``desktop.reports.requests`` and ``desktop.reports.love_bank``; here is only their shape.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.audit import Head
from desktop.reports.extra import ExtraSection
from desktop.reports.periods import Period
from desktop.reports.settings import ReportSettings
from desktop.reports.wording import METRICS, RATE

CLOCKS = ("accept", "answer", "resolve", "follow_up")


@dataclass(frozen=True)
class Ratio:
    """``numerator`` out of ``denominator``; no value when the denominator is 0."""

    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        """0 … 1 (more than 1 only if the counts allow it), None without a denominator."""
        return self.numerator / self.denominator if self.denominator else None

    @property
    def percent(self) -> float | None:
        value = self.value
        return None if value is None else 100 * value


def share(part: int, whole: int) -> float | None:
    """``part`` / ``whole`` (0 … 1), None when ``whole`` is 0."""
    return part / whole if whole else None


@dataclass(frozen=True)
class Compared:
    """A headline figure (:data:`desktop.reports.wording.METRICS`) of the period, of the
    previous period (环比) and of the same period a year earlier (同比). Rates are in
    percent, times in hours; None where there is nothing to measure."""

    key: str
    value: float | None
    previous: float | None
    last_year: float | None

    @property
    def kind(self) -> str:
        return METRICS[self.key].kind

    def _change(self, base: float | None) -> float | None:
        if self.value is None or base is None:
            return None
        if self.kind == RATE:
            return self.value - base  # percentage points
        if not base:
            return None
        return 100 * (self.value - base) / base  # percent

    @property
    def month_on_month(self) -> float | None:
        """环比: the change against the previous period — percentage points for a rate,
        percent otherwise; None when either value is missing (or the base is 0)."""
        return self._change(self.previous)

    @property
    def year_on_year(self) -> float | None:
        """同比: the change against the same period a year earlier (as ``month_on_month``)."""
        return self._change(self.last_year)


# --- requests -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ClockFigures:
    """One 30135 clock over the period: the clocks due in it — met in it on time or
    late (the step's own on-time flag, judged against the deadline the request ran
    under), or fallen due in it and still not met at the cut-off (overdue)."""

    clock: str
    on_time: int
    late: int
    overdue: int

    @property
    def met(self) -> int:
        return self.on_time + self.late

    @property
    def due(self) -> int:
        return self.on_time + self.late + self.overdue

    @property
    def rate(self) -> Ratio:
        """The on-time rate: on time / due."""
        return Ratio(self.on_time, self.due)

    @property
    def met_rate(self) -> Ratio:
        """Met at all (on time or late) / due — for the follow-up clock, the 回访率."""
        return Ratio(self.met, self.due)


@dataclass(frozen=True)
class Satisfaction:
    """The answers of the follow-up calls made in the period."""

    satisfied: int
    basically: int
    unsatisfied: int
    basically_counts: bool  # the setting: 基本满意 counts as satisfied

    @property
    def total(self) -> int:
        return self.satisfied + self.basically + self.unsatisfied

    @property
    def rate(self) -> Ratio:
        good = self.satisfied + (self.basically if self.basically_counts else 0)
        return Ratio(good, self.total)

    def shares(self) -> tuple[float | None, float | None, float | None]:
        """满意, 基本满意, 不满意 as shares of all answers."""
        return (
            share(self.satisfied, self.total),
            share(self.basically, self.total),
            share(self.unsatisfied, self.total),
        )


@dataclass(frozen=True)
class HandlingTime:
    """Working hours from the assignment to the resolution of the requests resolved in
    the period (the round that was resolved)."""

    count: int
    mean_hours: float | None
    median_hours: float | None


@dataclass(frozen=True)
class RequestTotals:
    """The additive counts of one window, from which every headline rate is made."""

    registered: int  # registered in the window, merged duplicates left out
    visitors: int  # their head counts
    registered_resolved: int  # of them, resolved or closed at the cut-off
    clocks: tuple[ClockFigures, ...]  # in CLOCKS order
    satisfaction: Satisfaction
    resolutions: int  # 办结 steps in the window
    reopened: int  # 重办 (a follow-up call with 不满意) in the window
    assigned: int  # 派单 steps in the window
    returned: int  # 退回 steps in the window
    reminders: int  # 催办
    supervisions: int  # 督办
    direct: int  # registered, led by a community-level department (直办)
    transferred: int  # registered, led by a town or district department (转办)

    def clock(self, name: str) -> ClockFigures:
        return next(c for c in self.clocks if c.clock == name)

    @property
    def resolution_rate(self) -> Ratio:
        """办结率: registered in the window and resolved at the cut-off / registered."""
        return Ratio(self.registered_resolved, self.registered)

    @property
    def follow_up_rate(self) -> Ratio:
        """回访率: follow-up calls made / follow-up calls due (the follow-up clock)."""
        return self.clock("follow_up").met_rate

    @property
    def reopen_rate(self) -> Ratio:
        """重办率: reopened after 不满意 / resolved, both in the window."""
        return Ratio(self.reopened, self.resolutions)

    @property
    def return_rate(self) -> Ratio:
        """退回率: returned / assigned, both in the window."""
        return Ratio(self.returned, self.assigned)

    def values(self) -> dict[str, float | None]:
        """The headline figures (keys of ``REQUEST_METRICS``): counts, percents, hours."""
        return {
            "registered": self.registered,
            "visitors": self.visitors,
            "resolutions": self.resolutions,
            "resolution_rate": self.resolution_rate.percent,
            "accept_on_time": self.clock("accept").rate.percent,
            "answer_on_time": self.clock("answer").rate.percent,
            "resolve_on_time": self.clock("resolve").rate.percent,
            "follow_up_on_time": self.clock("follow_up").rate.percent,
            "follow_up_rate": self.follow_up_rate.percent,
            "satisfaction_rate": self.satisfaction.rate.percent,
            "reopen_rate": self.reopen_rate.percent,
            "return_rate": self.return_rate.percent,
            "reminders": self.reminders,
            "supervisions": self.supervisions,
            "direct": self.direct,
            "transferred": self.transferred,
        }

    @property
    def is_empty(self) -> bool:
        """Nothing registered and no step taken in the window."""
        return not (
            self.registered
            or self.resolutions
            or self.assigned
            or self.satisfaction.total
            or any(c.due for c in self.clocks)
        )


@dataclass(frozen=True)
class CountRow:
    """One line of a breakdown: what (an id or a code, None for "none"), its printed
    name, how many, and the share of the whole."""

    key: int | str | None
    label: str
    count: int
    share: float | None


@dataclass(frozen=True)
class ChannelCategoryRow:
    """One line of the channel × category table: a top-level category (``depth`` 1, the
    sum of its children) or a sub-category (``depth`` 2); counts in ``CHANNELS`` order."""

    category_id: int
    label: str  # the category's own name
    depth: int
    counts: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class Hotspot:
    """A category among the most frequent (热点): rank, "父 / 子" label, count, share of
    all requests, the previous period's count and the change (环比, percent)."""

    rank: int
    category_id: int
    label: str
    count: int
    share: float | None
    previous: int

    @property
    def change(self) -> float | None:
        return 100 * (self.count - self.previous) / self.previous if self.previous else None


@dataclass(frozen=True)
class LevelShare:
    """Requests resolved in the period at one handling level, and their share."""

    level: str
    label: str
    resolved: int
    share: float | None


@dataclass(frozen=True)
class DepartmentRow:
    """A lead department's figures for the ranking (考评排名).

    ``assigned``: requests routed to it in the period (the minimum for ranking applies to
    this). Its clocks, answers and resolutions count the requests it leads at the cut-off.
    """

    department_id: int | None
    name: str
    level: str
    assigned: int
    clocks: tuple[ClockFigures, ...]  # answer and resolve (the department's own deadlines)
    satisfaction: Satisfaction
    resolutions: int
    reopened: int
    handling: HandlingTime
    score: float | None = None  # 0 … 100; None when not ranked
    rank: int | None = None  # ties share a rank (1, 2, 2, 4 …)
    below: tuple[str, ...] = ()  # thresholds it falls short of: "reply", "satisfaction"

    def clock(self, name: str) -> ClockFigures:
        return next(c for c in self.clocks if c.clock == name)

    @property
    def on_time_rate(self) -> Ratio:
        """The on-time part of the score: 按时办结率."""
        return self.clock("resolve").rate

    @property
    def reply_rate(self) -> Ratio:
        """回复率: answers given (on time or late) / answers due."""
        return self.clock("answer").met_rate

    @property
    def reopen_rate(self) -> Ratio:
        return Ratio(self.reopened, self.resolutions)

    @property
    def ranked(self) -> bool:
        return self.rank is not None


@dataclass(frozen=True)
class Ranking:
    """Departments with at least the minimum of requests, by score (ranked ones first,
    then the others by name), 红榜 (the best), 黑榜 (the worst, never also on 红榜) and
    the departments short of a threshold, named for 整改."""

    rows: tuple[DepartmentRow, ...]
    red: tuple[DepartmentRow, ...]
    black: tuple[DepartmentRow, ...]
    below_threshold: tuple[DepartmentRow, ...]
    minimum: int


@dataclass(frozen=True)
class OverdueItem:
    """An open request past a clock at the cut-off."""

    id: int
    number: str
    registered_at: dt.datetime
    category: str  # "父 / 子"
    department: str
    clock: str
    due_at: dt.datetime
    overdue_hours: float  # working hours past the due moment at the cut-off
    urgency: str


@dataclass(frozen=True)
class TrendPoint:
    """One month of the twelve-month trend."""

    period: Period
    registered: int
    resolutions: int
    resolve_on_time: Ratio


@dataclass(frozen=True)
class RequestReport:
    """Every request figure of a period (see ``desktop.reports.request_figures``)."""

    totals: RequestTotals
    previous: RequestTotals
    last_year: RequestTotals
    headline: tuple[Compared, ...]
    channels: tuple[CountRow, ...]  # CHANNELS order
    channel_categories: tuple[ChannelCategoryRow, ...]
    categories: tuple[CountRow, ...]  # top-level categories, most first
    grids: tuple[CountRow, ...]  # most first
    levels: tuple[CountRow, ...]  # registered per handling level, LEVELS order
    departments: tuple[CountRow, ...]  # registered per lead department, most first
    hotspots: tuple[Hotspot, ...]
    handling: HandlingTime  # the period's resolutions (no 环比/同比: see request_figures)
    level_shares: tuple[LevelShare, ...]  # LEVELS order
    at_town_or_below: Ratio  # resolved at 镇街道 level or below / all resolved
    ranking: Ranking
    overdue_total: int
    overdue: tuple[OverdueItem, ...]  # the longest overdue first (the first ones)
    trend: tuple[TrendPoint, ...]


# --- the love bank ---------------------------------------------------------------------------
@dataclass(frozen=True)
class LoveBankTotals:
    volunteers_new: int
    volunteers_active: int  # with approved service served in the window
    service_records: int
    service_minutes: int
    points_earned: int  # earned, less reversed earnings
    points_redeemed: int  # spent in the 爱心超市, less cancellations
    points_expired: int
    points_adjusted: int  # other corrections, in or out (net)

    def values(self) -> dict[str, float | None]:
        return {
            "volunteers_new": self.volunteers_new,
            "volunteers_active": self.volunteers_active,
            "service_records": self.service_records,
            "service_hours": self.service_minutes / 60,
            "points_earned": self.points_earned,
            "points_redeemed": self.points_redeemed,
            "points_expired": self.points_expired,
        }

    @property
    def is_empty(self) -> bool:
        return not (
            self.volunteers_new
            or self.service_records
            or self.points_earned
            or self.points_redeemed
            or self.points_expired
            or self.points_adjusted
        )


@dataclass(frozen=True)
class VolunteerRow:
    volunteer_id: int
    name: str
    team: str
    hours: float
    points: int


@dataclass(frozen=True)
class StarRow:
    """A volunteer who reached a new star level in the period."""

    volunteer_id: int
    name: str
    team: str
    stars_before: int
    stars: int
    hours: float  # approved hours at the end of the period


@dataclass(frozen=True)
class StockRow:
    """One item's stock movements in the period (进出明细): opening + in − out + back
    − taken out = closing."""

    item_id: int
    name: str
    opening: int
    stocked_in: int  # added by the coordinator
    redeemed: int  # taken by redemptions
    returned: int  # back from cancelled redemptions
    taken_out: int  # removed by the coordinator (corrections, breakage)
    closing: int
    is_active: bool


@dataclass(frozen=True)
class LoveBankReport:
    totals: LoveBankTotals
    previous: LoveBankTotals
    last_year: LoveBankTotals
    headline: tuple[Compared, ...]
    top_volunteers: tuple[VolunteerRow, ...]
    new_stars: tuple[StarRow, ...]
    stock: tuple[StockRow, ...]  # items with stock or movements, in order of entry
    low_stock: tuple[StockRow, ...]  # active goods at or below the setting, at the cut-off


# --- the whole report ------------------------------------------------------------------------
@dataclass(frozen=True)
class ReportFigures:
    """Everything one report shows, for one period at one cut-off."""

    centre: str
    period: Period
    cutoff: dt.datetime
    settings: ReportSettings
    requests: RequestReport
    love_bank: LoveBankReport
    orders: OrdersReport
    extras: tuple[ExtraSection, ...] = ()
    """Sections other jobs add (:mod:`desktop.reports.extra`), e.g. 网格走访."""
    chain_head: Head | None = None
    """The audit log's head at the cut-off, printed so the paper anchors the chain: a
    database whose later chain does not contain it has lost rows (:mod:`db.audit`)."""

    @property
    def is_empty(self) -> bool:
        """No request, no step, no love-bank activity and no service order in the period."""
        return self.requests.totals.is_empty and self.love_bank.totals.is_empty and self.orders.is_empty

    def headline_values(self) -> dict[str, float | None]:
        """Every headline figure of the period by key (kept with an archived report, to
        tell later what changed)."""
        values = dict(self.requests.totals.values())
        values.update(self.love_bank.totals.values())
        values.update(self.orders.values())
        return values


# --- service orders ----------------------------------------------------------------------------
@dataclass(frozen=True)
class OrderTotals:
    """The service orders of one window: placed, closed, money paid, residents' ratings."""

    placed: int  # 居民点单 in the window
    closed: int  # settled, terminated, cancelled or rejected in the window
    paid: int  # fen paid in the window (政府买单)
    satisfaction: Satisfaction  # 群众评单 given in the window

    def values(self) -> dict[str, float | None]:
        return {
            "orders_placed": self.placed,
            "orders_closed": self.closed,
            "orders_paid": self.paid / 100,
            "orders_satisfaction": self.satisfaction.rate.percent,
        }

    @property
    def is_empty(self) -> bool:
        return not (self.placed or self.closed or self.paid or self.satisfaction.total)


@dataclass(frozen=True)
class MoneyRow:
    """Money paid in the period to one fund or provider (fen), with the 核减 deducted."""

    key: int
    label: str
    paid: int
    deduction: int
    payments: int


@dataclass(frozen=True)
class FundRow:
    """A fund of the period's year and its balances at the cut-off (fen)."""

    fund_id: int
    name: str
    kind: str
    total: int
    committed: int  # bound to orders, paid or not
    paid: int

    @property
    def remaining(self) -> int:
        """What can still be committed."""
        return self.total - self.committed


@dataclass(frozen=True)
class ProviderRow:
    """A provider's performance in the period: orders finished (on time: by the
    deadline), the residents' ratings, and the money paid to it (fen)."""

    provider_id: int
    name: str
    finished: int
    on_time: Ratio
    ratings: Satisfaction
    paid: int


@dataclass(frozen=True)
class OrdersReport:
    """Service orders of the period (see ``desktop.reports.orders_figures``)."""

    totals: OrderTotals
    previous: OrderTotals
    last_year: OrderTotals
    headline: tuple[Compared, ...]
    by_stage: tuple[CountRow, ...]  # orders placed in the period, by their stage now
    paid_by_fund: tuple[MoneyRow, ...]
    paid_by_provider: tuple[MoneyRow, ...]
    funds: tuple[FundRow, ...]
    providers: tuple[ProviderRow, ...]

    @property
    def is_empty(self) -> bool:
        return self.totals.is_empty

    def values(self) -> dict[str, float | None]:
        return self.totals.values()
