"""The figures of a report as tables, section by section, for the report page (月度报表).

The same sections, in the same order, as the PDF and the Excel workbook: the headline
figures with 环比 and 同比, channels and categories, the 30135 deadlines and
satisfaction, the share resolved per level and the department ranking, the overdue
list, the twelve-month trend, the love bank and the service orders. Pure functions of
:class:`desktop.reports.figures.ReportFigures` (no widget here), so a test can read what
the page shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.reports.figures import Compared, ReportFigures
from desktop.reports.wording import (
    CLOCK_RATE_LABELS,
    FUND_KINDS_ZH,
    METRICS,
    SATISFACTION_ZH,
    STAR_NAMES_ZH,
    THRESHOLD_LABELS,
    URGENCIES_ZH,
)
from ui.reports.formatting import (
    DASH,
    compared_texts,
    count_text,
    hours_text,
    metric_name,
    metric_value,
    moment_text,
    money_text,
    percent_text,
    rate_text,
    ratio_text,
)
from ui.reports.tables import Row, Table
from ui.widgets.i18n import Translator, desktop_text
from ui.widgets.palette import DARK_GREEN, DARK_RED, RED

_ = Translator("reports")


@dataclass(frozen=True)
class Section:
    """One tab of the report page: a title and its tables."""

    key: str
    title: str
    tables: tuple[Table, ...]


def _compared_row(c: Compared) -> Row:
    month, year = compared_texts(c)
    unit = METRICS[c.key].unit
    return Row(
        (
            metric_name(c.key),
            metric_value(c.key, c.value),
            metric_value(c.key, c.previous),
            month,
            metric_value(c.key, c.last_year),
            year,
            unit,
        ),
        key=c.key,
    )


def headline(f: ReportFigures) -> Section:
    headers = (
        _("Figure"),
        _("This period"),
        _("Previous period"),
        _("Month on month"),
        _("Same period last year"),
        _("Year on year"),
        _("Unit"),
    )
    rows: list[Row] = [Row((_("Requests"), "", "", "", "", "", ""), bold=True)]
    rows += [_compared_row(c) for c in f.requests.headline]
    handling = f.requests.handling
    rows.append(
        Row((_("Overdue at the cut-off"), count_text(f.requests.overdue_total), "", "", "", "", "件"))
    )
    rows.append(
        Row((_("Mean handling time"), hours_text(handling.mean_hours), "", "", "", "", _("working hours")))
    )
    rows.append(
        Row(
            (_("Median handling time"), hours_text(handling.median_hours), "", "", "", "", _("working hours"))
        )
    )
    rows.append(Row((_("Love bank"), "", "", "", "", "", ""), bold=True))
    rows += [_compared_row(c) for c in f.love_bank.headline]
    rows.append(Row((_("Service orders"), "", "", "", "", "", ""), bold=True))
    rows += [_compared_row(c) for c in f.orders.headline]
    note = _(
        "Rates change by percentage points, other figures by percent; — where there is nothing to compare."
    )
    return Section(
        "headline",
        _("Headline figures"),
        (Table(_("Headline figures"), headers, tuple(rows), note, frozenset({0, 6})),),
    )


def channels_and_categories(f: ReportFigures) -> Section:
    r = f.requests
    channel_names = tuple(c.label for c in r.channels)
    matrix = Table(
        _("Requests by channel and category"),
        (_("Category"), *channel_names, _("Total")),
        tuple(
            Row(
                (row.label, *(count_text(n) for n in row.counts), count_text(row.total)),
                key=row.category_id,
                bold=row.depth == 1,
                indent=row.depth - 1,
            )
            for row in r.channel_categories
        )
        + (
            Row(
                (_("Total"), *(count_text(c.count) for c in r.channels), count_text(r.totals.registered)),
                bold=True,
            ),
        ),
        empty=_("No request was registered in the period."),
    )
    hotspots = Table(
        _("Hotspots"),
        (_("Rank"), _("Category"), _("Requests"), _("Share"), _("Previous period"), _("Month on month")),
        tuple(
            Row(
                (
                    str(h.rank),
                    h.label,
                    count_text(h.count),
                    percent_text(h.share),
                    count_text(h.previous),
                    DASH if h.change is None else f"{h.change:+.1f}%",
                ),
                key=h.category_id,
            )
            for h in r.hotspots
        ),
        text_columns=frozenset({1}),
    )

    def counts(title: str, name: str, rows: tuple) -> Table:
        return Table(
            title,
            (name, _("Requests"), _("Share")),
            tuple(Row((c.label, count_text(c.count), percent_text(c.share)), key=c.key) for c in rows),
        )

    return Section(
        "channels",
        _("Channels and categories"),
        (
            matrix,
            hotspots,
            counts(_("By grid"), _("Grid"), r.grids),
            counts(_("By handling level"), _("Level"), r.levels),
            counts(_("By lead department"), _("Department"), r.departments),
            Table(
                _("Handled directly and passed on"),
                (_("Figure"), _("Requests")),
                (
                    Row((metric_name("direct"), count_text(r.totals.direct))),
                    Row((metric_name("transferred"), count_text(r.totals.transferred))),
                ),
            ),
        ),
    )


def deadlines_and_satisfaction(f: ReportFigures) -> Section:
    t, before = f.requests.totals, f.requests.previous
    clocks = Table(
        _("30135 deadlines"),
        (
            _("Deadline"),
            _("Due"),
            _("On time"),
            _("Late"),
            _("Still open"),
            _("On-time rate"),
            _("Previous period"),
        ),
        tuple(
            Row(
                (
                    desktop_text(CLOCK_RATE_LABELS[c.clock]),
                    count_text(c.due),
                    count_text(c.on_time),
                    count_text(c.late),
                    count_text(c.overdue),
                    rate_text(c.rate),
                    rate_text(before.clock(c.clock).rate),
                ),
                key=c.clock,
            )
            for c in t.clocks
        ),
        _("On-time rate = met on time / due in the period (met, or fallen due and still open)."),
    )
    s = t.satisfaction
    shares = s.shares()
    satisfaction = Table(
        _("Follow-up calls"),
        (_("Answer"), _("Calls"), _("Share")),
        tuple(
            Row((SATISFACTION_ZH[key], count_text(n), percent_text(share)), key=key)
            for key, n, share in zip(
                ("satisfied", "basically", "unsatisfied"),
                (s.satisfied, s.basically, s.unsatisfied),
                shares,
                strict=True,
            )
        )
        + (Row((_("Total"), count_text(s.total), ""), bold=True),),
        _("基本满意 counts as satisfied.")
        if s.basically_counts
        else _("基本满意 does not count as satisfied."),
    )
    rates = Table(
        _("Rates"),
        (_("Figure"), _("Rate"), _("Counts")),
        tuple(
            Row((metric_name(key), rate_text(ratio), f"{ratio.numerator:,} / {ratio.denominator:,}"), key=key)
            for key, ratio in (
                ("resolution_rate", t.resolution_rate),
                ("follow_up_rate", t.follow_up_rate),
                ("satisfaction_rate", s.rate),
                ("reopen_rate", t.reopen_rate),
                ("return_rate", t.return_rate),
            )
        )
        + (
            Row((metric_name("reminders"), count_text(t.reminders), "")),
            Row((metric_name("supervisions"), count_text(t.supervisions), "")),
        ),
    )
    return Section("deadlines", _("Deadlines and satisfaction"), (clocks, satisfaction, rates))


def levels_and_ranking(f: ReportFigures) -> Section:
    r = f.requests
    levels = Table(
        _("Resolved at each level"),
        (_("Level"), _("Resolved"), _("Share")),
        tuple(
            Row((s.label, count_text(s.resolved), percent_text(s.share)), key=s.level) for s in r.level_shares
        ),
        _("Resolved at 镇街道 level or below: {share}", share=ratio_text(r.at_town_or_below)),
    )
    ranking = r.ranking
    red = {row.department_id for row in ranking.red}
    black = {row.department_id for row in ranking.black}
    table = Table(
        _("Department ranking"),
        (
            _("Rank"),
            _("Department"),
            _("Assigned"),
            metric_name("resolve_on_time"),
            metric_name("satisfaction_rate"),
            metric_name("reopen_rate"),
            _("Reply rate"),
            _("Score"),
            _("Short of"),
        ),
        tuple(
            Row(
                (
                    DASH if d.rank is None else str(d.rank),
                    d.name,
                    count_text(d.assigned),
                    rate_text(d.on_time_rate),
                    rate_text(d.satisfaction.rate),
                    rate_text(d.reopen_rate),
                    rate_text(d.reply_rate),
                    DASH if d.score is None else f"{d.score:.1f}",
                    "、".join(desktop_text(THRESHOLD_LABELS[b]) for b in d.below),
                ),
                key=d.department_id,
                colour=DARK_GREEN if d.department_id in red else DARK_RED if d.department_id in black else "",
            )
            for d in ranking.rows
        ),
        _(
            "Ranked: departments with at least {n} requests. Green: 红榜; red: 黑榜.",
            n=ranking.minimum,
        ),
        text_columns=frozenset({1, 8}),
        empty=_("No department had requests in the period."),
    )
    below = Table(
        _("Named for improvement (整改)"),
        (_("Department"), _("Reply rate"), metric_name("satisfaction_rate"), _("Short of")),
        tuple(
            Row(
                (
                    d.name,
                    rate_text(d.reply_rate),
                    rate_text(d.satisfaction.rate),
                    "、".join(desktop_text(THRESHOLD_LABELS[b]) for b in d.below),
                ),
                key=d.department_id,
                colour=RED,
            )
            for d in ranking.below_threshold
        ),
        text_columns=frozenset({0, 3}),
        empty=_("No department is below a threshold."),
    )
    return Section("ranking", _("Levels and ranking"), (levels, table, below))


def overdue(f: ReportFigures) -> Section:
    r = f.requests
    shown = len(r.overdue)
    note = (
        _(
            "{n} overdue requests at the cut-off; the {shown} longest overdue are listed.",
            n=r.overdue_total,
            shown=shown,
        )
        if r.overdue_total > shown
        else _("{n} overdue requests at the cut-off.", n=r.overdue_total)
    )
    table = Table(
        _("Overdue requests"),
        (
            _("Number"),
            _("Registered"),
            _("Category"),
            _("Lead department"),
            _("Deadline"),
            _("Due at"),
            _("Overdue (working hours)"),
            _("Urgency"),
        ),
        tuple(
            Row(
                (
                    o.number,
                    moment_text(o.registered_at),
                    o.category,
                    o.department,
                    desktop_text(CLOCK_RATE_LABELS[o.clock]) if o.clock in CLOCK_RATE_LABELS else o.clock,
                    moment_text(o.due_at),
                    hours_text(o.overdue_hours),
                    URGENCIES_ZH.get(o.urgency, o.urgency),
                ),
                key=o.id,
            )
            for o in r.overdue
        ),
        note,
        text_columns=frozenset({0, 1, 2, 3, 4, 5, 7}),
        empty=_("No request is overdue."),
    )
    return Section("overdue", _("Overdue list"), (table,))


def trend(f: ReportFigures) -> Section:
    table = Table(
        _("Last 12 months"),
        (_("Month"), metric_name("registered"), metric_name("resolutions"), metric_name("resolve_on_time")),
        tuple(
            Row(
                (
                    p.period.label,
                    count_text(p.registered),
                    count_text(p.resolutions),
                    rate_text(p.resolve_on_time),
                ),
                key=p.period.code,
            )
            for p in f.requests.trend
        ),
    )
    return Section("trend", _("Trend"), (table,))


def love_bank(f: ReportFigures) -> Section:
    lb = f.love_bank
    top = Table(
        _("Top volunteers"),
        (_("Volunteer"), _("Team"), _("Hours"), _("Points")),
        tuple(
            Row((v.name, v.team, hours_text(v.hours), count_text(v.points)), key=v.volunteer_id)
            for v in lb.top_volunteers
        ),
        text_columns=frozenset({0, 1}),
        empty=_("No service was recorded in the period."),
    )
    stars = Table(
        _("New star levels"),
        (_("Volunteer"), _("Team"), _("Stars before"), _("Stars now"), _("Hours in all")),
        tuple(
            Row(
                (s.name, s.team, STAR_NAMES_ZH[s.stars_before], STAR_NAMES_ZH[s.stars], hours_text(s.hours)),
                key=s.volunteer_id,
            )
            for s in lb.new_stars
        ),
        text_columns=frozenset({0, 1, 2, 3}),
        empty=_("Nobody reached a new star level."),
    )
    stock = Table(
        _("Stock movements of the love supermarket"),
        (_("Item"), _("Opening"), _("In"), _("Redeemed"), _("Returned"), _("Taken out"), _("Closing")),
        tuple(
            Row(
                (
                    s.name,
                    count_text(s.opening),
                    count_text(s.stocked_in),
                    count_text(s.redeemed),
                    count_text(s.returned),
                    count_text(s.taken_out),
                    count_text(s.closing),
                ),
                key=s.item_id,
            )
            for s in lb.stock
        ),
        empty=_("No stock and no movement."),
    )
    low = Table(
        _("Low stock"),
        (_("Item"), _("In stock")),
        tuple(Row((s.name, count_text(s.closing)), key=s.item_id, colour=RED) for s in lb.low_stock),
        empty=_("No item is running low."),
    )
    return Section("love_bank", _("Love bank"), (top, stars, stock, low))


def orders(f: ReportFigures) -> Section:
    o = f.orders
    stages = Table(
        _("Orders placed, by stage now"),
        (_("Stage"), _("Orders"), _("Share")),
        tuple(Row((c.label, count_text(c.count), percent_text(c.share)), key=c.key) for c in o.by_stage),
        empty=_("No order was placed in the period."),
    )

    def money(title: str, name: str, rows: tuple) -> Table:
        return Table(
            title,
            (name, _("Paid (yuan)"), _("Deducted (yuan)"), _("Payments")),
            tuple(
                Row((m.label, money_text(m.paid), money_text(m.deduction), count_text(m.payments)), key=m.key)
                for m in rows
            ),
            empty=_("Nothing was paid in the period."),
        )

    funds = Table(
        _("Funds of the year"),
        (_("Fund"), _("Kind"), _("Total (yuan)"), _("Committed"), _("Paid"), _("Remaining")),
        tuple(
            Row(
                (
                    fund.name,
                    FUND_KINDS_ZH.get(fund.kind, fund.kind),
                    money_text(fund.total),
                    money_text(fund.committed),
                    money_text(fund.paid),
                    money_text(fund.remaining),
                ),
                key=fund.fund_id,
            )
            for fund in o.funds
        ),
        text_columns=frozenset({0, 1}),
        empty=_("No fund for this year."),
    )
    providers = Table(
        _("Providers"),
        (_("Provider"), _("Finished"), _("On time"), metric_name("orders_satisfaction"), _("Paid (yuan)")),
        tuple(
            Row(
                (
                    p.name,
                    count_text(p.finished),
                    rate_text(p.on_time),
                    rate_text(p.ratings.rate),
                    money_text(p.paid),
                ),
                key=p.provider_id,
            )
            for p in o.providers
        ),
        empty=_("No provider worked in the period."),
    )
    return Section(
        "orders",
        _("Service orders"),
        (
            stages,
            money(_("Paid by fund"), _("Fund"), o.paid_by_fund),
            money(_("Paid to providers"), _("Provider"), o.paid_by_provider),
            funds,
            providers,
        ),
    )


def sections(f: ReportFigures) -> tuple[Section, ...]:
    """Every section of the report, in the order the PDF prints them."""
    return (
        headline(f),
        channels_and_categories(f),
        deadlines_and_satisfaction(f),
        levels_and_ranking(f),
        overdue(f),
        trend(f),
        love_bank(f),
        orders(f),
    )
