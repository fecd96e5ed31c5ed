"""The administrator's pages: categories and departments, deadlines and calendar.

Driven through their buttons and dialogs as an administrator would; message boxes are
patched so nothing blocks.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.common.workcalendar import known_year
from desktop.requests.catalogue import CatalogueService
from desktop.requests.clock_settings import ClockSettingsService
from ui.requests.catalogue_page import GREY, CataloguePage, CategoryDialog, DepartmentDialog
from ui.requests.deadlines_page import ClockSettingsPage, LimitDialog, OverrideDialog
from ui.widgets.change_hub import ChangeHub

LEFT = Qt.MouseButton.LeftButton


def ime_type(widget, text: str) -> None:
    """Type Chinese as a pinyin IME does: one committed string."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str]]:
    """Message boxes answer Yes at once and are recorded as (kind, text)."""
    shown: list[tuple[str, str]] = []

    def question(parent, title, text, *args, **kwargs):
        shown.append(("question", text))
        return QMessageBox.StandardButton.Yes

    def warning(parent, title, text, *args, **kwargs):
        shown.append(("warning", text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(warning))
    return shown


@pytest.fixture
def catalogue(services) -> CatalogueService:
    return CatalogueService(services.db)


@pytest.fixture
def clock_settings(services) -> ClockSettingsService:
    return ClockSettingsService(services.db)


def show(qtbot, page):
    qtbot.addWidget(page)
    page.resize(1198, 700)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def catalogue_page(qtbot, catalogue, actor) -> CataloguePage:
    return show(qtbot, CataloguePage(catalogue, actor, parent=None))


def clock_page(qtbot, clock_settings, catalogue, actor) -> ClockSettingsPage:
    return show(qtbot, ClockSettingsPage(clock_settings, catalogue, actor, parent=None))


def select_category(page: CataloguePage, category_id: int) -> None:
    item = page.category_item(category_id)
    assert item is not None
    page.tree.setCurrentItem(item)


def opened(qtbot, page, kind):
    assert isinstance(page.dialog, kind)
    qtbot.waitUntil(page.dialog.isActiveWindow)
    return page.dialog


# --- categories ------------------------------------------------------------------------------
def test_add_a_sub_category_through_the_page(qtbot, catalogue, admin, messages):
    page = catalogue_page(qtbot, catalogue, admin)
    environment = catalogue.tree()[0]
    select_category(page, environment.children[1].id)  # beside a sub-category: same parent

    qtbot.mouseClick(page.add_child_button, LEFT)
    dialog = opened(qtbot, page, CategoryDialog)
    assert dialog.windowTitle() == "New sub-category"
    assert dialog.name.hasFocus()
    ime_type(dialog.name, "厨余垃圾")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: page.dialog is None)

    [top] = [t for t in catalogue.tree() if t.id == environment.id]
    assert [c.name for c in top.children][-1] == "厨余垃圾"
    new_id = top.children[-1].id
    item = page.category_item(new_id)
    assert item is not None and item.parent().data(0, Qt.ItemDataRole.UserRole) == environment.id
    assert page.tree.currentItem() is item  # the new one is selected
    assert messages == []


def test_a_duplicate_or_empty_name_shows_the_error_under_the_field(qtbot, catalogue, admin):
    page = catalogue_page(qtbot, catalogue, admin)
    environment = catalogue.tree()[0]
    select_category(page, environment.id)
    page.tree.setFocus()
    qtbot.keyClick(
        page.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = opened(qtbot, page, CategoryDialog)

    ime_type(dialog.name, environment.children[0].name)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.isVisible()
    assert dialog.boxes["name"].error.isVisible()
    assert dialog.boxes["name"].error.text() == (
        f"This category already has a sub-category named {environment.children[0].name}."
    )
    dialog.name.clear()
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.boxes["name"].error.text() == "Enter a name."
    dialog.reject()
    qtbot.waitUntil(lambda: page.dialog is None)
    assert len(catalogue.tree()[0].children) == len(environment.children)


def test_rename_with_f2_and_move_down(qtbot, catalogue, admin):
    page = catalogue_page(qtbot, catalogue, admin)
    first, second = catalogue.tree()[:2]
    select_category(page, first.id)
    assert not page.up_button.isEnabled()
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_F2)
    dialog = opened(qtbot, page, CategoryDialog)
    assert dialog.name.text() == first.name
    dialog.name.selectAll()
    ime_type(dialog.name, "环境与卫生")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert page.tree.currentItem().text(0) == "环境与卫生"

    qtbot.mouseClick(page.down_button, LEFT)
    assert [t.id for t in catalogue.tree()[:2]] == [second.id, first.id]
    assert page.tree.topLevelItem(1).text(0) == "环境与卫生"
    assert page.selected_category().id == first.id
    assert page.up_button.isEnabled()


def test_disable_a_category_and_see_it_greyed(qtbot, catalogue, admin, services):
    page = catalogue_page(qtbot, catalogue, admin)
    top = catalogue.tree()[1]
    child = top.children[0]
    select_category(page, child.id)
    assert page.category_active_button.text() == "Disable"

    hub = ChangeHub()  # the change is announced to every page that shows the catalogue
    hub.attach(services.db.changes)
    with qtbot.waitSignal(hub.sig_changed, timeout=1000):
        qtbot.mouseClick(page.category_active_button, LEFT)
    hub.detach_all()

    item = page.category_item(child.id)
    assert item.text(0) == f"{child.name} (disabled)"
    assert item.text(1) == "Disabled"
    assert item.foreground(0).color() == GREY
    assert page.category_active_button.text() == "Enable"
    assert catalogue.category(child.id).is_active is False
    assert child.id not in [c.id for top in services.requests.categories() for c in top.children]

    # Disabling the parent greys its sub-categories too; enabling brings them back.
    select_category(page, top.id)
    qtbot.mouseClick(page.category_active_button, LEFT)
    sibling = page.category_item(top.children[1].id)
    assert sibling.foreground(0).color() == GREY
    assert sibling.text(0) == top.children[1].name  # not disabled itself …
    assert sibling.text(1) == "Unavailable: the category above is disabled"  # … but unavailable
    qtbot.mouseClick(page.category_active_button, LEFT)
    assert page.category_item(top.children[1].id).foreground(0).color() != GREY
    assert page.category_item(child.id).foreground(0).color() == GREY


# --- departments and templates ---------------------------------------------------------------
def test_add_and_edit_a_department(qtbot, catalogue, admin):
    page = catalogue_page(qtbot, catalogue, admin)
    page.tabs.setCurrentIndex(1)
    qtbot.mouseClick(page.add_department_button, LEFT)
    dialog = opened(qtbot, page, DepartmentDialog)
    ime_type(dialog.name, "社区居委会")  # exists already
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.boxes["name"].error.text() == "There is already a department named 社区居委会."
    dialog.name.clear()
    ime_type(dialog.name, "区城市管理局")
    dialog.level.setCurrentIndex(dialog.level.findData("district"))
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: page.dialog is None)

    added = page.selected_department()
    assert (added.name, added.level, added.is_active) == ("区城市管理局", "district", True)
    row = page.department_table.currentRow()
    assert page.department_table.item(row, 1).text() == "District"

    qtbot.mouseClick(page.department_active_button, LEFT)
    assert page.department_table.item(row, 2).text() == "Disabled"
    assert [d.is_active for d in catalogue.departments() if d.id == added.id] == [False]


def test_edit_save_and_delete_a_template(qtbot, catalogue, admin, messages):
    page = catalogue_page(qtbot, catalogue, admin)
    new_top = catalogue.add_category(admin, "测试分类")  # e.g. from another PC meanwhile
    page.tabs.setCurrentIndex(2)
    assert page.templates.template_category.findData(new_top) > 0  # the choice is refreshed
    before = catalogue.templates()
    qtbot.mouseClick(page.templates.new_template_button, LEFT)
    ime_type(page.templates.template_title, "已联系社区民警")
    qtbot.mouseClick(page.templates.save_template_button, LEFT)
    assert page.templates.template_boxes["body"].error.text() == "Enter the text of the answer."
    assert len(catalogue.templates()) == len(before)

    page.templates.template_body.setPlainText("已联系社区民警上门处理。")
    page.templates.template_category.setCurrentIndex(2)  # the first sub-category
    qtbot.mouseClick(page.templates.save_template_button, LEFT)
    added = catalogue.templates()[-1]
    assert (added.title, added.body) == ("已联系社区民警", "已联系社区民警上门处理。")
    assert added.category_id == catalogue.tree()[0].children[0].id
    assert page.templates.selected_template().id == added.id

    qtbot.mouseClick(page.templates.delete_template_button, LEFT)
    assert messages and messages[-1][0] == "question"
    assert [t.id for t in catalogue.templates()] == [t.id for t in before]


def test_the_front_desk_sees_the_lists_read_only(qtbot, catalogue, front_desk):
    page = catalogue_page(qtbot, catalogue, front_desk)
    assert page.tree.topLevelItemCount() == len(catalogue.tree())
    for button in (page.add_category_button, page.category_active_button, page.add_department_button):
        assert not button.isVisible()
    page.add_category()
    assert page.dialog is None
    page.tabs.setCurrentIndex(2)
    assert page.templates.template_title.isReadOnly()
    assert not page.templates.save_template_button.isVisible()


# --- deadlines -------------------------------------------------------------------------------
def test_a_limit_of_zero_minutes_shows_the_error_under_the_field(qtbot, clock_settings, catalogue, admin):
    page = clock_page(qtbot, clock_settings, catalogue, admin)
    before = clock_settings.list_limits()
    qtbot.mouseClick(page.add_limit_button, LEFT)
    dialog = opened(qtbot, page, LimitDialog)
    dialog.urgency.setCurrentIndex(dialog.urgency.findData("yellow"))
    dialog.accept_minutes.setText("0")
    qtbot.mouseClick(dialog.save_button, LEFT)

    assert dialog.isVisible()
    error = dialog.boxes["accept_minutes"].error
    assert error.isVisible()
    assert error.text() == "Enter a whole number of working minutes from 1 to 1440."
    assert error.geometry().top() >= dialog.accept_minutes.geometry().bottom()  # under it, not over it
    assert clock_settings.list_limits() == before

    dialog.accept_minutes.setText("20")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: page.dialog is None)
    added = page.selected_limit()
    assert (added.urgency, added.category_id, added.accept_minutes) == ("yellow", None, 20)
    row = page.limit_table.currentRow()
    assert [page.limit_table.item(row, c).text() for c in range(6)] == [
        "Yellow",
        "Any category",
        "20",
        "1",
        "3",
        "5",
    ]


def test_a_second_rule_for_the_same_scope_is_refused(qtbot, clock_settings, catalogue, admin):
    page = clock_page(qtbot, clock_settings, catalogue, admin)
    qtbot.mouseClick(page.add_limit_button, LEFT)
    dialog = opened(qtbot, page, LimitDialog)  # "any urgency, any category": the default exists
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "already a rule" in dialog.boxes["urgency"].error.text()
    dialog.reject()


def test_edit_and_delete_a_limit(qtbot, clock_settings, catalogue, admin, messages):
    page = clock_page(qtbot, clock_settings, catalogue, admin)
    red = next(r for r in clock_settings.list_limits() if r.urgency == "red")
    page.limit_table.selectRow(page._limits.index(red))
    qtbot.mouseClick(page.edit_limit_button, LEFT)
    dialog = opened(qtbot, page, LimitDialog)
    assert "urgency" not in dialog.boxes  # the scope of a rule is fixed
    dialog.resolve_days.setText("3")
    dialog.answer_days.setText("5")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "cannot be longer" in dialog.boxes["answer_days"].error.text()
    dialog.answer_days.setText("1")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert next(r for r in clock_settings.list_limits() if r.urgency == "red").resolve_days == 3

    qtbot.mouseClick(page.delete_limit_button, LEFT)
    assert messages[-1][0] == "question"
    assert "red" not in [r.urgency for r in clock_settings.list_limits()]


# --- calendar --------------------------------------------------------------------------------
def test_add_a_calendar_override_and_see_it_listed(qtbot, clock_settings, catalogue, admin, messages):
    page = clock_page(qtbot, clock_settings, catalogue, admin)
    page.tabs.setCurrentIndex(1)
    year = dt.date.today().year + 1
    page.set_year(year)
    assert page.year_warning.isVisible() == (not known_year(year))

    qtbot.mouseClick(page.add_override_button, LEFT)
    dialog = opened(qtbot, page, OverrideDialog)
    dialog.day.setDate(QDate(year, 2, 7))
    dialog.kind.setCurrentIndex(dialog.kind.findData(True))
    ime_type(dialog.note, "春节调休上班")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: page.dialog is None)

    [row] = clock_settings.list_overrides(year)
    assert (row.day, row.is_workday, row.note) == (dt.date(year, 2, 7), True, "春节调休上班")
    table = page.override_table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in (0, 2, 4)] == [f"{year}-02-07", "Working day", "春节调休上班"]
    assert not page.override_empty.isVisible()

    qtbot.mouseClick(page.delete_override_button, LEFT)
    assert messages[-1][0] == "question"
    assert clock_settings.list_overrides(year) == []
    assert table.rowCount() == 0
    assert page.override_empty.isVisible()


def test_an_unknown_year_warns(qtbot, clock_settings, catalogue, admin):
    page = clock_page(qtbot, clock_settings, catalogue, admin)
    page.tabs.setCurrentIndex(1)
    far = 2099
    assert not known_year(far)
    page.set_year(far)
    assert page.year_warning.isVisible()
    assert page.year_warning.text() == (
        "The official holidays of 2099 are not known yet; enter the State Council's holiday "
        "and make-up working day schedule here."
    )
    page.set_year(dt.date.today().year)
    assert page.year_warning.isVisible() == (not known_year(dt.date.today().year))
