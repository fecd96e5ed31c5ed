"""The request screens stay current without holding on: the administrator's settings
(分类与单位, 时限与日历) show a change made elsewhere at once, nothing being typed or
selected is lost, and a screen that watches the change hub is freed when let go."""

from __future__ import annotations

import datetime as dt
import gc
import weakref

from desktop.requests.catalogue import CatalogueService
from desktop.requests.clock_settings import ClockSettingsService
from tests.ui.support import show
from ui.requests.catalogue_page import CataloguePage
from ui.requests.deadlines_page import ClockSettingsPage


def test_the_catalogue_shows_a_change_from_elsewhere_and_keeps_a_template_being_edited(
    qtbot, services, admin, hub
):
    catalogue = CatalogueService(services.db)
    page = show(qtbot, CataloguePage(catalogue, admin, hub=hub))
    departments = page.department_table.rowCount()
    page.department_table.selectRow(2)
    chosen = page.selected_department().id
    templates = page.templates
    page.tabs.setCurrentWidget(templates)
    templates.template_list.setCurrentRow(1)
    editing = templates.selected_template().id
    templates.template_body.setPlainText("改了一半的答复")  # not saved yet

    catalogue.add_department(admin, "新成立的办事处", "town")  # at another PC
    catalogue.add_category(admin, "新增分类")
    qtbot.waitUntil(lambda: page.department_table.rowCount() == departments + 1, timeout=1000)
    assert page.selected_department().id == chosen
    assert any(node.name == "新增分类" for node in page._nodes.values())
    assert templates.template_body.toPlainText() == "改了一半的答复"
    assert templates.selected_template().id == editing
    assert templates.template_category.findText("新增分类") > 0


def test_the_deadlines_page_shows_a_rule_added_elsewhere_keeping_the_selection(qtbot, services, admin, hub):
    settings = ClockSettingsService(services.db)
    page = show(qtbot, ClockSettingsPage(settings, CatalogueService(services.db), admin, hub=hub))
    rules = page.limit_table.rowCount()
    page.limit_table.selectRow(1)
    chosen = page.selected_limit().id
    settings.set_limit(
        admin, urgency="yellow", accept_minutes=20, answer_days=1, resolve_days=2, follow_up_days=4
    )
    qtbot.waitUntil(lambda: page.limit_table.rowCount() == rules + 1, timeout=1000)
    assert page.selected_limit().id == chosen
    year = page.selected_year()
    settings.set_override(admin, dt.date(year, 3, 2), True, "补班")
    qtbot.waitUntil(lambda: any(o.day == dt.date(year, 3, 2) for o in page._overrides), timeout=1000)


def test_request_lists_watching_the_hub_go_as_soon_as_they_are_let_go(qtbot, services, front_desk, hub):
    """Watching the hub (and the minute tick) makes no reference cycle: a page in a cycle
    is freed only when Python's collector happens to run, possibly while Qt paints its
    table, whose model may then go first: a crash. The two request lists are checked;
    the other screens hold themselves through their own signal handlers until Qt
    deletes them (the detail on close, the settings pages with the window)."""
    from ui.requests.list_page import RequestsPage
    from ui.requests.today_page import TodayPage

    makers = (
        lambda: RequestsPage(services.requests, front_desk, hub=hub),
        lambda: TodayPage(services.requests, front_desk, hub=hub),
    )
    gc.collect()
    gc.disable()
    try:
        for make in makers:
            page = make()
            gone = weakref.ref(page)
            del page
            assert gone() is None, type(gone()).__name__
    finally:
        gc.enable()
