"""Never stale: a change on one love-bank screen shows on every other screen that shows it.

The pages hear the real database through one change hub (as in the main window); no
test calls a page's refresh. A hidden page reads again when it is shown, a visible one
at once, and either keeps the selected row, the scroll position and what is typed.
"""

from __future__ import annotations

from desktop.love_bank.service import PENDING, Basket, PointRules
from tests.ui.love_bank.support import TODAY, new_volunteers
from tests.ui.support import show
from ui.love_bank.rules_page import LoveBankSettingsPage
from ui.love_bank.service_hours_page import ServiceHoursPage
from ui.love_bank.shop_page import SupermarketPage
from ui.love_bank.volunteer_detail import VolunteerDetailDialog
from ui.love_bank.volunteer_model import COL_AVAILABLE
from ui.love_bank.volunteers_page import VolunteersPage


def shown_points(page: VolunteersPage, volunteer_id: int) -> str | None:
    """The 可用积分 the list shows for the volunteer (None when not on the first pages)."""
    row = page.model.find_row(volunteer_id, -1, scan=1000)
    if row is None:
        return None
    return page.model.index(row, COL_AVAILABLE).data()


def record_two_hours(services, actor, volunteer_id: int) -> int:
    return services.love_bank.record_service(actor, volunteer_id, TODAY, 120)


def test_hours_approved_on_one_page_show_on_the_hidden_volunteers_page(qtbot, services, coordinator, hub):
    """The first week's stale balance: 140 points, 2 hours approved, 160 without a click."""
    bank = services.love_bank
    (vid,) = new_volunteers(services, coordinator, 1)
    bank.adjust(coordinator, vid, 140, "测试积分")
    name = bank.volunteer(coordinator, vid).name
    volunteers = show(qtbot, VolunteersPage(bank, services.residents, coordinator, hub=hub))
    volunteers.search_edit.setText(name)
    volunteers.apply_filter()
    assert volunteers.select_id(vid)
    assert shown_points(volunteers, vid) == "140"
    volunteers.hide()  # the user goes to 服务时长

    hours = show(qtbot, ServiceHoursPage(bank, coordinator, hub=hub))
    record_id = record_two_hours(services, coordinator, vid)
    qtbot.waitUntil(lambda: record_id in [r.id for r in hours.rows()])  # recorded elsewhere, shown here
    hours.select_records([record_id])
    assert hours.approve_selected() == 20
    qtbot.waitUntil(lambda: record_id not in [r.id for r in hours.rows()])
    assert shown_points(volunteers, vid) == "140"  # hidden: nothing read yet

    hours.hide()
    volunteers.show()  # back to 志愿者: no click, no F5
    assert shown_points(volunteers, vid) == "160"
    assert volunteers.selected_row().id == vid
    assert volunteers.search_edit.text() == name  # the search stays


def test_a_visible_page_follows_at_once_and_keeps_its_place(qtbot, services, coordinator, hub):
    """Far down the list, a volunteer selected: a change elsewhere updates the row where it is."""
    bank = services.love_bank
    page = show(qtbot, VolunteersPage(bank, services.residents, coordinator, hub=hub))
    assert page.model.rowCount() > 100
    page.select_row(80)
    chosen = page.selected_row()
    assert chosen is not None
    page.table.verticalScrollBar().setValue(page.table.verticalScrollBar().maximum() // 3)
    scrolled = page.table.verticalScrollBar().value()
    assert scrolled > 0
    page.search_edit.setFocus()
    before = chosen.available

    bank.approve(coordinator, [record_two_hours(services, coordinator, chosen.id)])
    qtbot.waitUntil(lambda: page.selected_row() is not None and page.selected_row().available == before + 20)
    assert page.selected_row().id == chosen.id
    assert page.table.verticalScrollBar().value() == scrolled


def test_the_volunteer_dialog_and_the_shop_follow_a_redemption_made_elsewhere(
    qtbot, services, coordinator, hub
):
    bank = services.love_bank
    (vid,) = new_volunteers(services, coordinator, 1)
    bank.adjust(coordinator, vid, 100, "测试积分")
    oil = bank.save_item(coordinator, name="测试食用油", price=30, stock=5)
    haircut = bank.save_item(coordinator, name="测试理发", price=20, stock=3, handed_over_later=True)
    shop = show(qtbot, SupermarketPage(bank, coordinator, hub=hub))
    qtbot.waitUntil(lambda: haircut in [i.id for i in shop.items])
    shop.select_item(oil)
    detail = show(qtbot, VolunteerDetailDialog(bank, coordinator, vid, hub=hub), size=(1000, 640))
    detail.select_statement_row(0)

    made = bank.redeem(coordinator, vid, Basket({oil: 1, haircut: 1}), "elsewhere-1")  # another desk
    qtbot.waitUntil(lambda: detail.frozen_label.text() == "50")
    assert detail.available_label.text() == "50"
    assert detail.selected_line() is not None and detail.selected_line().delta == 100  # still selected
    qtbot.waitUntil(lambda: made in [r.id for r in shop.pending])
    assert next(i.stock for i in shop.items if i.id == oil) == 4
    assert shop.selected_item().id == oil


def test_hours_recorded_elsewhere_join_the_list_with_the_selection_kept(qtbot, services, coordinator, hub):
    bank = services.love_bank
    first, second = new_volunteers(services, coordinator, 2)
    kept = record_two_hours(services, coordinator, first)
    page = show(qtbot, ServiceHoursPage(bank, coordinator, hub=hub))
    assert page.status() == PENDING
    page.select_records([kept])
    new = record_two_hours(services, coordinator, second)
    qtbot.waitUntil(lambda: new in [r.id for r in page.rows()])
    assert [r.id for r in page.selected_records()] == [kept]


def test_rules_saved_elsewhere_show_but_a_field_being_typed_in_keeps_its_text(qtbot, services, admin, hub):
    page = show(qtbot, LoveBankSettingsPage(services.love_bank, admin, hub=hub))
    page.reversal_threshold.setText("250")  # typing, not saved yet
    services.love_bank.set_rules(admin, PointRules(points_per_hour=12, daily_cap_minutes=360))
    qtbot.waitUntil(lambda: page.points_per_hour.text() == "12")
    assert page.daily_cap_hours.text() == "6"
    assert page.reversal_threshold.text() == "250"
