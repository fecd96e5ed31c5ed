"""数据看板: the same numbers as the core, figures that lead to their lists, fresh after
changes, an empty month that says so, and cards that fit a 1366×768 screen."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.common.changes import Changes, Topic
from desktop.common.permissions import Role
from desktop.reports.figures import ReportFigures
from ui.reports.dashboard_page import CARDS, CATEGORIES, DEPARTMENTS, OVERDUE, OVERDUE_COLUMN, DashboardPage


def shown(qtbot, page, size=(1198, 696)):
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitUntil(lambda: page.figures is not None, timeout=20_000)
    return page


def percent(ratio) -> str:
    return f"{100 * ratio.numerator / ratio.denominator:.1f}%"


@pytest.fixture
def calls() -> list[tuple[str, dict]]:
    return []


@pytest.fixture
def page(qtbot, services, director, calls):
    return shown(qtbot, DashboardPage(services, director, open_list=lambda t, f: calls.append((t, f))))


def test_the_dashboard_shows_the_core_figures_of_the_month(page, reports, director):
    expected: ReportFigures = reports.figures(director, reports.current_period())
    assert page.figures == expected  # the very values the PDF and the workbook print
    t, before = expected.requests.totals, expected.requests.previous
    assert not expected.is_empty and t.registered > 0

    cards = page.cards
    assert set(cards) == set(CARDS)
    assert cards["registered"].value_label.text() == f"{t.registered:,}"
    change = 100 * (t.registered - before.registered) / before.registered
    arrow = "▲" if change > 0 else "▼"
    assert cards["registered"].month_label.text() == f"vs last month {arrow} {abs(change):.1f}%"
    assert cards["resolution_rate"].value_label.text() == percent(t.resolution_rate)
    points = t.resolution_rate.percent - before.resolution_rate.percent
    arrow = "▲" if points > 0 else "▼"
    assert cards["resolution_rate"].month_label.text() == f"vs last month {arrow} {abs(points):.1f} pts"
    assert cards["satisfaction_rate"].value_label.text() == percent(t.satisfaction.rate)
    for key, clock in (
        ("accept_on_time", "accept"),
        ("answer_on_time", "answer"),
        ("resolve_on_time", "resolve"),
        ("follow_up_on_time", "follow_up"),
    ):
        assert cards[key].value_label.text() == percent(t.clock(clock).rate), key
    assert cards[OVERDUE].value_label.text() == f"{expected.requests.overdue_total:,}"
    lb = expected.love_bank.totals
    assert cards["service_hours"].value_label.text() == f"{lb.service_minutes / 60:,.1f}"
    assert cards["points_earned"].value_label.text() == f"{lb.points_earned:,}"
    orders = expected.orders.totals
    assert cards["orders_placed"].value_label.text() == f"{orders.placed:,}"
    assert cards["orders_paid"].value_label.text() == f"{orders.paid / 100:,.2f}"

    # The charts draw the same series.
    bars = page.bar_chart.chart
    assert bars.categories == tuple(c.label for c in expected.requests.channels)
    assert bars.series[0].values == tuple(float(c.count) for c in expected.requests.channels)
    assert page.level_chart.chart.series[0].values == tuple(
        float(s.resolved) for s in expected.requests.level_shares
    )
    assert page.trend_chart.chart.series[0].values == tuple(
        float(p.registered) for p in expected.requests.trend
    )
    assert page.trend_chart.chart.series[1].values == tuple(
        float(p.resolutions) for p in expected.requests.trend
    )
    # The ranking: 红榜 and 黑榜 as the core ranks them.
    ranking = expected.requests.ranking
    assert page.red_table.texts(1) == [r.name for r in ranking.red]
    assert page.black_table.texts(1) == [r.name for r in ranking.black]
    assert page.below_table.texts(0) == [r.name for r in ranking.below_threshold]
    assert page.period_label.text().startswith(expected.period.label)


def test_clicking_a_bar_opens_the_matching_list(qtbot, page, calls):
    f = page.figures
    period_days = {"date_from": f.period.start, "date_to": f.cutoff.date()}
    chart = page.bar_chart
    busiest = max(range(len(f.requests.channels)), key=lambda i: f.requests.channels[i].count)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.category_point(busiest))
    assert calls == [("requests", {**period_days, "channel": f.requests.channels[busiest].key})]

    calls.clear()
    page.set_bar_kind(DEPARTMENTS)
    assert chart.chart.keys == tuple(d.key for d in f.requests.departments)
    routed = next(i for i, d in enumerate(f.requests.departments) if d.key is not None)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.category_point(routed))
    assert calls == [("requests", {**period_days, "department_id": f.requests.departments[routed].key})]

    calls.clear()
    page.set_bar_kind(CATEGORIES)
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Right)  # the keyboard reaches the bars too
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert calls == [("requests", {**period_days, "category_id": f.requests.categories[0].key})]

    # A month of the trend: the requests registered in it.
    calls.clear()
    trend = page.trend_chart
    qtbot.mouseClick(trend, Qt.MouseButton.LeftButton, pos=trend.category_point(0))
    first = f.requests.trend[0].period
    last_day = first.end - dt.timedelta(days=1)
    assert calls == [("requests", {"date_from": first.start, "date_to": last_day})]

    # The overdue card: every request past a deadline now.
    calls.clear()
    qtbot.mouseClick(page.cards[OVERDUE], Qt.MouseButton.LeftButton)
    assert calls == [("requests", {"colour": "red"})]
    calls.clear()
    page.cards["registered"].setFocus()
    qtbot.keyClick(page.cards["registered"], Qt.Key.Key_Return)
    assert calls == [("requests", period_days)]
    # A card that leads nowhere takes no click.
    calls.clear()
    qtbot.mouseClick(page.cards["satisfaction_rate"], Qt.MouseButton.LeftButton)
    assert calls == []


def test_a_ranking_row_opens_the_departments_requests(qtbot, page, calls):
    f = page.figures
    table = page.red_table
    if not table.rowCount():
        pytest.skip("no department ranked this month of the demo")
    department = f.requests.ranking.red[0].department_id
    table.setFocus()
    table.setCurrentCell(0, 1)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert calls == [
        ("requests", {"date_from": f.period.start, "date_to": f.cutoff.date(), "department_id": department})
    ]
    calls.clear()
    table.setCurrentCell(0, OVERDUE_COLUMN)  # the department's overdue requests
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert calls == [("requests", {"department_id": department, "colour": "red"})]


def test_the_dashboard_reads_again_when_figures_change_keeping_what_was_chosen(
    qtbot, services, director, hub
):
    page = shown(qtbot, DashboardPage(services, director, hub=hub))
    page.set_bar_kind(DEPARTMENTS)
    bar = page.scroll_area.verticalScrollBar()
    assert bar.maximum() > 40
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()
    reads = page.reader.reads
    hub.publish(Changes(ids={Topic.POINTS: frozenset({1})}))
    qtbot.waitUntil(lambda: page.reader.reads > reads, timeout=20_000)
    assert page.bar_kind() == DEPARTMENTS
    assert page.bar_chart.chart.key == "department_counts"
    assert bar.value() == scrolled
    # A change the figures do not count reads nothing.
    reads = page.reader.reads
    hub.publish(Changes(ids={Topic.USERS: frozenset({1})}))
    qtbot.wait(1200)
    assert page.reader.reads == reads


def test_an_empty_month_shows_an_empty_state_not_a_broken_chart(qtbot, sqlite_db, make_actor):
    director = make_actor(sqlite_db, Role.DIRECTOR)
    page = shown(qtbot, DashboardPage(sqlite_db, director, open_list=lambda t, f: None))
    assert page.figures.is_empty
    assert page.empty_label.isVisible()
    for chart in (page.bar_chart, page.level_chart, page.trend_chart):
        assert chart.is_empty and not chart.clickable
    assert page.cards["registered"].value_label.text() == "0"
    assert page.cards["resolution_rate"].value_label.text() == "—"
    assert page.ranking_note.text() == "No department reached 5 requests this month."
    assert not page.grab().isNull()  # paints without a division by zero


def test_the_cards_fit_a_1366_screen_and_wrap_on_a_narrow_one(qtbot, page):
    columns = {page.card_grid.getItemPosition(page.card_grid.indexOf(c))[1] for c in page.cards.values()}
    assert columns == set(range(6))  # six cards a row on the page area of 1366×768
    for card in page.cards.values():
        for label in (card.title_label, card.value_label, card.month_label, card.year_label):
            assert label.sizeHint().width() <= label.width() + 1, (card.key, label.text())
    page.resize(760, 600)
    qtbot.waitUntil(
        lambda: (
            max(page.card_grid.getItemPosition(page.card_grid.indexOf(c))[1] for c in page.cards.values())
            < 6 - 1
        )
    )


def test_a_user_without_the_reports_sees_why(qtbot, services, reports):
    desk = services.accounts.login("qiantai", "qiantai123")
    page = DashboardPage(services, desk)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.loading, timeout=20_000)
    assert page.figures is None
    assert page.period_label.text() == "You are not allowed to do this."
