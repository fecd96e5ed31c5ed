"""The love-bank screens, driven as a coordinator (and a front desk) uses them.

Every test makes its own volunteers from residents who are not volunteers yet, so it
does not depend on what the demo's love bank holds (``support``). Message boxes never
block (``conftest``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from desktop.common.errors import DomainError, FieldErrors
from desktop.love_bank.service import APPROVED, PENDING, REJECTED, Basket, ServiceEntry
from tests.ui.love_bank.support import TODAY, approve_hours, free_residents, new_volunteers, pick
from tests.ui.support import show
from ui.love_bank.batch_entry import BatchEntryDialog
from ui.love_bank.dialogs import ReasonDialog
from ui.love_bank.formatting import parse_hours, star_progress, star_text
from ui.love_bank.hours_dialogs import RecordHoursDialog
from ui.love_bank.service_hours_page import ServiceHoursPage
from ui.love_bank.shop_dialogs import ItemDialog, RedemptionDialog
from ui.love_bank.shop_page import SupermarketPage
from ui.love_bank.volunteer_detail import VolunteerDetailDialog
from ui.love_bank.volunteer_dialogs import AdjustDialog, RegisterVolunteerDialog
from ui.love_bank.volunteers_page import VolunteersPage


# --- pure helpers ------------------------------------------------------------------------
def test_hours_are_parsed_as_numbers_and_stars_drawn():
    assert parse_hours("2.5") == 150
    assert parse_hours("２．５".replace("．", ".")) == 150
    assert parse_hours(" 3 ") == 180
    not_a_number, not_above_zero, too_long = (
        "Enter the hours as a number, e.g. 2.5.",
        "Hours must be more than zero.",
        "At most 24 hours in a day.",
    )
    for bad, message in (
        ("abc", not_a_number),
        ("", not_a_number),
        ("-1", not_above_zero),
        ("0", not_above_zero),
        ("24.5", too_long),
        ("1e400", too_long),
    ):
        with pytest.raises(DomainError) as refused:
            parse_hours(bad)
        assert str(refused.value) == message, bad
    assert star_text(2) == "★★☆☆☆"
    assert star_progress(264 * 60) == "36 more hours to Two stars"
    assert star_progress(1500 * 60) == "Highest level reached"


# --- 志愿者 ------------------------------------------------------------------------------
def test_register_a_volunteer_from_the_residents_register(qtbot, services, coordinator, admin, hub):
    page = show(qtbot, VolunteersPage(services.love_bank, services.residents, coordinator, hub=hub))
    before = services.love_bank.count_volunteers(coordinator)
    assert page.count_label.text() == f"{before:,} volunteers"
    team_id = services.love_bank.add_team(coordinator, "测试助老队")
    qtbot.waitUntil(lambda: page.team_combo.findText("测试助老队") >= 0)  # the hub brought the new team

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, RegisterVolunteerDialog)
    (resident_id, name), (archived_id, archived_name) = free_residents(services, coordinator, 2)
    pick(dialog.finder, name, lambda row: row.id == resident_id)
    assert dialog.resident_id == resident_id and dialog.finder.text() == name
    dialog.team_combo.setCurrentIndex(dialog.team_combo.findData(team_id))
    dialog._submit()

    assert services.love_bank.count_volunteers(coordinator) == before + 1
    new = services.love_bank.volunteers(coordinator, limit=1)[0]
    assert (new.resident_id, new.team) == (resident_id, "测试助老队")
    assert page.selected_row().id == new.id  # selected at once …
    qtbot.waitUntil(lambda: page.count_label.text() == f"{before + 1:,} volunteers")
    assert page.selected_row().id == new.id  # … and still after the hub's refresh

    # The same resident again: the error shows under the resident field, nothing is saved.
    again = RegisterVolunteerDialog(services.love_bank, services.residents, coordinator)
    show(qtbot, again, (780, 420))
    pick(again.finder, name, lambda row: row.id == resident_id)
    again._submit()
    assert again.boxes["resident"].error.isVisibleTo(again)
    assert again.boxes["resident"].error.text() == f"{name} is already a volunteer."
    # An archived resident: restore the record first.
    services.residents.set_archived(admin, archived_id, True)
    pick(again.finder, archived_name, lambda row: row.id == archived_id)
    assert "(archived)" in again.chosen_label.text()
    again._submit()
    assert again.boxes["resident"].error.text() == "This resident is archived; restore the record first."
    # Nobody picked yet.
    again.finder.setText("某某")
    again.finder.textEdited.emit("某某")
    again._submit()
    assert "Find the resident first" in again.boxes["resident"].error.text()
    assert services.love_bank.count_volunteers(coordinator) == before + 1


def test_volunteer_list_searches_and_opens_a_volunteer(qtbot, services, coordinator):
    (vid,) = new_volunteers(services, coordinator, 1)
    name = services.love_bank.volunteer(coordinator, vid).name
    page = show(qtbot, VolunteersPage(services.love_bank, services.residents, coordinator))
    opened: list[int] = []
    page.sig_open_volunteer.connect(opened.append)
    page.search_edit.setText(name)
    page.apply_filter()
    assert name in [page.model.row_at(r).name for r in range(page.model.rowCount())]
    page.search_edit.setFocus()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.select_id(vid)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [vid]

    page.search_edit.setText("没有这个人zzz")
    page.apply_filter()
    assert page.model.rowCount() == 0 and page.empty_label.isVisible()
    assert page.empty_label.text() == "No volunteer matches “没有这个人zzz”.\nPress Ctrl+N to register one."


def test_rankings_show_the_top_volunteers_of_the_period(qtbot, services, coordinator):
    (vid,) = new_volunteers(services, coordinator, 1)
    approve_hours(services, coordinator, vid, days=3, minutes=24 * 60)  # far more than anyone in a month
    page = show(qtbot, VolunteersPage(services.love_bank, services.residents, coordinator))
    page.tabs.setCurrentIndex(1)
    day = TODAY - dt.timedelta(days=1)
    page.year_spin.setValue(day.year)
    page.month_combo.setCurrentIndex(day.month - 1)
    assert page.rank_table.rowCount() >= 1
    top_ids = [
        page.rank_table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(page.rank_table.rowCount())
    ]
    assert vid in top_ids
    page.period_combo.setCurrentIndex(1)  # the whole year
    assert not page.month_combo.isVisible() and page.rank_table.rowCount() <= 20


# --- 服务时长 ------------------------------------------------------------------------------
def test_record_and_approve_hours_raises_the_balance(qtbot, services, coordinator, hub):
    (vid,) = new_volunteers(services, coordinator, 1)
    name = services.love_bank.volunteer(coordinator, vid).name
    page = show(qtbot, ServiceHoursPage(services.love_bank, coordinator, hub=hub))
    detail = show(qtbot, VolunteerDetailDialog(services.love_bank, coordinator, vid, hub=hub))
    assert detail.available_label.text() == "0"

    dialog = page.record_hours()
    assert isinstance(dialog, RecordHoursDialog)
    pick(dialog.finder, name, lambda v: v.id == vid)
    dialog.hours_edit.setText("abc")
    dialog._submit()
    assert dialog.boxes["minutes"].error.text() == "Enter the hours as a number, e.g. 2.5."
    dialog.hours_edit.setText("2.5")
    dialog.description_edit.setText("陪同老人就医")
    dialog._submit()
    assert not dialog.isVisible()

    qtbot.waitUntil(lambda: any(r.volunteer_id == vid for r in page.rows()))  # the hub's refresh
    mine = [r for r in page.rows() if r.volunteer_id == vid]
    assert [(r.minutes, r.status) for r in mine] == [(150, PENDING)]
    page.select_records([mine[0].id])
    assert page.approve_button.isEnabled()
    assert page.approve_selected() == 25
    assert page.message_label.text() == "Approved 1 records (2.5 hours): 25 points awarded."
    qtbot.waitUntil(lambda: detail.available_label.text() == "25")  # the dialog heard it
    assert detail.hours_label.text() == "2.5 hours"
    assert [
        r.status for r in services.love_bank.service_records(coordinator, status=None, volunteer_id=vid)
    ] == [APPROVED]
    qtbot.waitUntil(lambda: vid not in [r.volunteer_id for r in page.rows()])  # no longer pending


def test_rejecting_needs_a_reason_and_the_record_stays(qtbot, services, coordinator):
    (vid,) = new_volunteers(services, coordinator, 1)
    rid = services.love_bank.record_service(coordinator, vid, TODAY, 90)
    page = show(qtbot, ServiceHoursPage(services.love_bank, coordinator))
    page.select_records([rid])
    dialog = page.reject_selected()
    assert isinstance(dialog, ReasonDialog)
    dialog._submit()
    assert dialog.isVisible()
    assert dialog.boxes["reason"].error.text() == "Write why the hours are rejected."
    assert services.love_bank.service_records(coordinator, status=None, volunteer_id=vid)[0].status == PENDING

    dialog.reason_edit.setText("当天未到场")
    dialog._submit()
    record = services.love_bank.service_records(coordinator, status=None, volunteer_id=vid)[0]
    assert (record.status, record.reason) == (REJECTED, "当天未到场")
    page.set_status(REJECTED)
    shown = [r for r in page.rows() if r.id == rid]
    assert shown and shown[0].reason == "当天未到场"
    assert not page.approve_button.isEnabled()


def test_batch_entry_with_a_bad_row_saves_nothing(qtbot, services, coordinator):
    bank = services.love_bank
    ids = new_volunteers(services, coordinator, 4)
    before = len(bank.service_records(coordinator, status=None, limit=100_000))
    dialog = show(qtbot, BatchEntryDialog(bank, coordinator), size=(900, 640))
    for vid in ids:
        v = bank.volunteer(coordinator, vid)
        pick(dialog.finder, v.name, lambda row, vid=vid: row.id == vid)
    assert [v.id for v in dialog.volunteers] == ids
    assert dialog.finder.text() == ""  # ready for the next name
    pick(dialog.finder, bank.volunteer(coordinator, ids[0]).name, lambda row: row.id == ids[0])
    assert len(dialog.volunteers) == 4  # listed once

    dialog.default_edit.setText("1.5")
    dialog.apply_default()
    for row, text in enumerate(("2", "-1", "abc", "25")):
        dialog.set_hours(row, text)
    assert dialog.save_all() is False
    assert "Nothing was saved." in dialog.message.text()
    assert (
        "Row 2" in dialog.message.text()
        and "Row 3" in dialog.message.text()
        and "Row 4" in dialog.message.text()
    )
    assert len(bank.service_records(coordinator, status=None, limit=100_000)) == before

    for row in range(4):
        dialog.set_hours(row, "2")
    dialog.date_edit.setDate(QDate.currentDate().addDays(1))
    assert dialog.save_all() is False
    assert dialog.boxes["served_on"].error.text() == "Service cannot be recorded for a future date."
    assert len(bank.service_records(coordinator, status=None, limit=100_000)) == before

    activity = bank.add_activity(coordinator, title="测试活动", held_on=TODAY, kind="助老助残")
    dialog._activity_created(activity)
    dialog.set_hours(3, "2.5")
    saved: list[list] = []
    dialog.sig_saved.connect(saved.append)
    assert dialog.save_all() is True
    assert saved == [ids]
    records = bank.service_records(coordinator, status=PENDING, limit=100_000)
    mine = sorted((r.volunteer_id, r.minutes, r.activity) for r in records if r.volunteer_id in ids)
    assert mine == sorted(
        [
            (ids[0], 120, "测试活动"),
            (ids[1], 120, "测试活动"),
            (ids[2], 120, "测试活动"),
            (ids[3], 150, "测试活动"),
        ]
    )


# --- 爱心超市 ------------------------------------------------------------------------------
@pytest.fixture
def shop(services, coordinator):
    """A volunteer with 100 points and two items: 30 points at once, 20 handed over later."""
    bank = services.love_bank
    (vid,) = new_volunteers(services, coordinator, 1)
    bank.adjust(coordinator, vid, 100, "测试积分")
    oil = bank.save_item(coordinator, name="测试食用油", price=30, stock=5)
    haircut = bank.save_item(
        coordinator, name="测试理发", price=20, stock=3, kind="service", handed_over_later=True
    )
    return {"volunteer": vid, "oil": oil, "haircut": haircut}


def stock(services, item_id: int) -> int:
    return next(i.stock for i in services.love_bank.items(include_inactive=True) if i.id == item_id)


def test_a_double_click_on_confirm_makes_one_redemption(qtbot, services, coordinator, shop, tmp_path, hub):
    bank = services.love_bank
    previews: list[tuple[Path, str]] = []
    asked: list[str] = []

    def ask(_parent, _title, text):
        asked.append(text)
        return True

    page = show(
        qtbot,
        SupermarketPage(
            bank,
            coordinator,
            centre_name="测试社区服务中心",
            preview_factory=lambda path, title, _parent: previews.append((Path(path), title)),
            ask=ask,
            hub=hub,
        ),
    )
    dialog = page.redeem()
    assert isinstance(dialog, RedemptionDialog)
    name = bank.volunteer(coordinator, shop["volunteer"]).name
    pick(dialog.finder, name, lambda v: v.id == shop["volunteer"])
    assert "100 points available" in dialog.balance_label.text()
    dialog.set_quantity(shop["oil"], 2)
    dialog.set_quantity(shop["haircut"], 1)
    assert dialog.total() == 80
    assert dialog.after_label.text() == "Left after redeeming: 20 points"

    qtbot.mouseDClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    dialog.confirm()  # and once more, as a retry would
    assert dialog.redemption_id is not None
    made = bank.redemptions(coordinator, volunteer_id=shop["volunteer"])
    assert len(made) == 1 and made[0].points == 80
    # The key was made when the dialog opened: the service answers the same redemption again.
    assert (
        bank.redeem(coordinator, shop["volunteer"], Basket({shop["oil"]: 2}), dialog.idempotency_key)
        == made[0].id
    )
    assert len(bank.redemptions(coordinator, volunteer_id=shop["volunteer"])) == 1
    v = bank.volunteer(coordinator, shop["volunteer"])
    assert (v.available, v.frozen) == (20, 80)  # a basket with a later handover is frozen whole
    assert (stock(services, shop["oil"]), stock(services, shop["haircut"])) == (3, 2)

    # The receipt was offered and previewed; the frozen redemption waits for handover.
    qtbot.waitUntil(lambda: len(previews) == 1)  # built off the GUI thread
    assert len(asked) == 1 and len(previews) == 1
    path, title = previews[0]
    assert path.read_bytes().startswith(b"%PDF") and title == f"Receipt DH{made[0].id:06d}"
    assert made[0].id in [r.id for r in page.pending]
    page.select_pending(made[0].id)
    page.hand_over_selected()
    qtbot.waitUntil(lambda: made[0].id not in [r.id for r in page.pending])
    assert bank.volunteer(coordinator, shop["volunteer"]).frozen == 0


def test_not_enough_points_shows_a_message_and_changes_nothing(qtbot, services, coordinator, shop):
    bank = services.love_bank
    dialog = show(qtbot, RedemptionDialog(bank, coordinator, volunteer_id=shop["volunteer"]), size=(760, 560))
    dialog.set_quantity(shop["oil"], 4)  # 120 points, 100 available
    assert dialog.after_label.text() == "Not enough points: 20 more needed"
    assert dialog.confirm() is None
    assert dialog.isVisible() and dialog.message.isVisible()
    assert dialog.message.text() == "Not enough points: 100 available, 120 needed."
    assert bank.redemptions(coordinator, volunteer_id=shop["volunteer"]) == []
    assert bank.volunteer(coordinator, shop["volunteer"]).available == 100
    assert stock(services, shop["oil"]) == 5

    empty = show(qtbot, RedemptionDialog(bank, coordinator), size=(760, 560))
    assert empty.confirm() is None
    assert "Find the volunteer first" in empty.volunteer_box.error.text()


def test_an_item_price_must_be_a_whole_number(qtbot, services, coordinator):
    bank = services.love_bank
    page = show(qtbot, SupermarketPage(bank, coordinator))
    before = len(bank.items(include_inactive=True))
    dialog = page.new_item()
    assert isinstance(dialog, ItemDialog)
    dialog.name_edit.setText("测试毛巾")
    dialog.stock_edit.setText("10")
    for bad in ("abc", "1.5", "0"):
        dialog.price_edit.setText(bad)
        dialog._submit()
        assert dialog.isVisible()
        assert dialog.boxes["price"].error.isVisibleTo(dialog)
        assert dialog.boxes["price"].error.text() == "The price is a whole number of points above zero."
    assert len(bank.items(include_inactive=True)) == before
    dialog.price_edit.setText("15")
    dialog._submit()
    assert not dialog.isVisible()
    assert page.selected_item().name == "测试毛巾" and page.selected_item().price == 15


# --- a volunteer's page --------------------------------------------------------------------
def test_the_volunteer_page_shows_stars_and_the_statement(qtbot, services, coordinator, messages, hub):
    bank = services.love_bank
    (vid,) = new_volunteers(services, coordinator, 1)
    approve_hours(services, coordinator, vid, days=13)  # 104 hours: one star
    dialog = show(qtbot, VolunteerDetailDialog(bank, coordinator, vid, hub=hub))
    assert dialog.stars_label.text() == "★☆☆☆☆"
    assert dialog.level_label.text() == "One star"
    assert dialog.progress_label.text() == "196 more hours to Two stars"
    assert dialog.hours_label.text() == "104 hours"
    assert dialog.statement_table.rowCount() == 13
    assert dialog.statement_table.item(12, 4).text() == f"{13 * 80:,}"  # the balance after the last
    assert dialog.records_table.rowCount() == 13

    changed: list[int] = []
    dialog.sig_changed.connect(changed.append)
    dialog.adjust()
    adjust = dialog.action_dialog
    assert isinstance(adjust, AdjustDialog)
    adjust.points_edit.setText("1.5")
    adjust._submit()
    assert "whole number" in adjust.boxes["points"].error.text()
    assert adjust.boxes["reason"].error.text() == "An adjustment needs a reason."
    adjust.points_edit.setText("-40")
    adjust.reason_edit.setText("重复登记")
    adjust._submit()
    assert changed == [vid]
    qtbot.waitUntil(lambda: dialog.statement_table.rowCount() == 14)
    assert dialog.available_label.text() == f"{13 * 80 - 40:,}"

    # Reverse the adjustment: the original is marked, the reversal added.
    dialog.select_statement_row(13)
    dialog.reverse_selected()
    reverse = dialog.action_dialog
    reverse.reason_edit.setText("调整有误")
    reverse._submit()
    qtbot.waitUntil(lambda: dialog.statement_table.rowCount() == 15)
    assert dialog.statement_table.item(13, 1).text() == "Adjusted (reversed)"
    assert dialog.statement_table.item(14, 1).text() == "Reversal"
    assert dialog.available_label.text() == f"{13 * 80:,}"

    # A large one needs a director: the service's message shows in the dialog.
    bank.adjust(coordinator, vid, 500, "表彰")
    qtbot.waitUntil(lambda: dialog.statement_table.rowCount() == 16)  # a change made elsewhere
    dialog.select_statement_row(15)
    dialog.reverse_selected()
    reverse = dialog.action_dialog
    assert "ask the director" in reverse.intro  # said before trying
    reverse.reason_edit.setText("录入错误")
    reverse._submit()
    assert reverse.isVisible()
    assert reverse.message.text() == "Reversing more than 100 points needs a director."
    assert dialog.statement_table.rowCount() == 16

    reverse.reject()
    dialog.activateWindow()  # offscreen: a dialog closed before it was activated leaves none active
    qtbot.waitUntil(dialog.isActiveWindow)
    previews: list[Path] = []
    dialog._preview_factory = lambda path, _title, _parent: previews.append(Path(path))
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(previews) == 1 or bool(messages))  # built off the GUI thread
    assert len(previews) == 1 and previews[0].read_bytes().startswith(b"%PDF"), messages


def test_the_volunteer_page_hands_over_and_cancels_redemptions(qtbot, services, coordinator, shop, hub):
    bank = services.love_bank
    vid = shop["volunteer"]
    first = bank.redeem(coordinator, vid, Basket({shop["haircut"]: 1}), "test-1")
    second = bank.redeem(coordinator, vid, Basket({shop["oil"]: 1}), "test-2")
    dialog = show(qtbot, VolunteerDetailDialog(bank, coordinator, vid, hub=hub))
    dialog.tabs.setCurrentIndex(2)
    rows = [r.id for r in dialog.redemption_rows]
    dialog.redemptions_table.selectRow(rows.index(first))
    assert dialog.hand_over_button.isEnabled()
    dialog.hand_over_selected()
    assert bank.volunteer(coordinator, vid).frozen == 0
    qtbot.waitUntil(lambda: dialog.frozen_label.text() == "0")

    dialog.redemptions_table.selectRow([r.id for r in dialog.redemption_rows].index(second))
    assert not dialog.hand_over_button.isEnabled() and dialog.cancel_button.isEnabled()
    dialog.cancel_selected()
    cancel = dialog.action_dialog
    cancel._submit()
    assert cancel.boxes["reason"].error.text() == "Write why the redemption is cancelled."
    cancel.reason_edit.setText("居民不要了")
    cancel._submit()
    assert bank.volunteer(coordinator, vid).available == 100 - 20
    assert stock(services, shop["oil"]) == 5


# --- roles ---------------------------------------------------------------------------------
def test_the_front_desk_sees_the_love_bank_read_only(qtbot, services, coordinator, front_desk, shop):
    bank = services.love_bank
    volunteers = show(qtbot, VolunteersPage(bank, services.residents, front_desk))
    assert volunteers.model.rowCount() >= 1
    assert not volunteers.register_button.isVisibleTo(volunteers)
    assert not volunteers.team_button.isVisibleTo(volunteers)
    volunteers.register_volunteer()
    assert volunteers.dialog is None

    hours = show(qtbot, ServiceHoursPage(bank, front_desk))
    for b in (hours.approve_button, hours.reject_button, hours.record_button, hours.batch_button):
        assert not b.isVisibleTo(hours)
    assert hours.record_hours() is None and hours.batch_entry() is None

    shop_page = show(qtbot, SupermarketPage(bank, front_desk))
    for b in (
        shop_page.redeem_button,
        shop_page.new_button,
        shop_page.edit_button,
        shop_page.hand_over_button,
    ):
        assert not b.isVisibleTo(shop_page)
    assert shop_page.redeem() is None and shop_page.new_item() is None

    detail = show(qtbot, VolunteerDetailDialog(bank, front_desk, shop["volunteer"]))
    for b in (detail.adjust_button, detail.reverse_button, detail.hand_over_button, detail.cancel_button):
        assert not b.isVisibleTo(detail)
    assert detail.print_button.isVisibleTo(detail)
    assert detail.statement_table.rowCount() == 1

    # The coordinator sees them all.
    coordinator_page = show(qtbot, ServiceHoursPage(bank, coordinator))
    assert coordinator_page.approve_button.isVisibleTo(coordinator_page)
    coordinator_shop = show(qtbot, SupermarketPage(bank, coordinator))
    assert coordinator_shop.redeem_button.isVisibleTo(coordinator_shop)


def test_batch_entry_adds_volunteers_with_the_keyboard(qtbot, services, coordinator, messages):
    """Type, Enter adds the highlighted volunteer with the default hours; Delete removes."""
    bank = services.love_bank
    ids = new_volunteers(services, coordinator, 2)
    dialog = show(qtbot, BatchEntryDialog(bank, coordinator), size=(900, 640))
    for vid in ids:
        name = bank.volunteer(coordinator, vid).name
        dialog.finder.setFocus()
        dialog.finder.setText(name)
        dialog.finder.textEdited.emit(name)
        qtbot.keyClick(dialog.finder, Qt.Key.Key_Down)  # runs the pending search, opens the list
        tree = dialog.finder.popup.tree
        at = [
            tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole).id for i in range(tree.topLevelItemCount())
        ]
        tree.setCurrentItem(tree.topLevelItem(at.index(vid)))
        qtbot.keyClick(dialog.finder, Qt.Key.Key_Return)
    assert [v.id for v in dialog.volunteers] == ids
    assert [dialog.table.item(r, 2).text() for r in range(2)] == ["2", "2"]
    dialog.table.setFocus()
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert [v.id for v in dialog.volunteers] == ids[1:]
    # Esc with rows typed in asks first (the answer here is No).
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert dialog.isVisible() and "not saved yet" in messages[-1]


def test_batch_entry_records_through_the_service_all_or_nothing(services, coordinator):
    """What the dialog relies on: one bad entry and the service saves none."""
    bank = services.love_bank
    ids = new_volunteers(services, coordinator, 2)
    before = len(bank.service_records(coordinator, status=None, limit=100_000))
    with pytest.raises(FieldErrors) as refused:
        bank.record_batch(coordinator, TODAY, [ServiceEntry(ids[0], 60), ServiceEntry(ids[1], 0)])
    assert {name: str(e) for name, e in refused.value.errors.items()} == {
        "minutes": "Hours must be more than zero."
    }
    assert len(bank.service_records(coordinator, status=None, limit=100_000)) == before
