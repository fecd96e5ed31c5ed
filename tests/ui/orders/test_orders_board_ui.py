"""The 点单服务 board: every stage with its count (overdue in red), the filters going to
the core's SQL filter, Ctrl+N / Enter / Ctrl+F, and a refresh that keeps the order the
user is on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.orders.service import OrderFilter
from desktop.orders.states import BOARD_STAGES, Stage
from desktop.residents.service import ResidentFilter
from tests.ui.orders.support import pick, show
from ui.orders.board_page import ALL, OPEN, OrdersBoardPage
from ui.orders.detail import OrderDetailDialog
from ui.orders.formatting import OVERDUE_COLOUR, stage_text
from ui.orders.place_dialog import PlaceOrderDialog


def board(qtbot, services, actor, **kwargs) -> OrdersBoardPage:
    kwargs.setdefault("expire_on_show", False)
    page = OrdersBoardPage(services, actor, **kwargs)
    return show(qtbot, page)


def stage_item(page: OrdersBoardPage, key: str):
    for i in range(page.stage_list.count()):
        item = page.stage_list.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == key:
            return item
    raise AssertionError(key)


def test_the_board_shows_every_stage_with_its_count_and_overdue_in_red(qtbot, services, front_desk):
    page = board(qtbot, services, front_desk)
    counts = {c.stage: c for c in services.orders.board(front_desk).stages}
    assert set(counts) == set(BOARD_STAGES)
    assert all(counts[s].count for s in BOARD_STAGES), "the demo has orders in every stage"
    for stage, c in counts.items():
        item = stage_item(page, stage.value)
        assert stage_text(stage) in item.text() and f"{c.count:,}" in item.text()
        red = item.foreground().color().name() == OVERDUE_COLOUR
        assert red == (c.overdue > 0), item.text()
    total = services.orders.board(front_desk).total
    assert f"{total:,}" in stage_item(page, ALL).text()

    # Open orders first; then each stage shows exactly its orders.
    closed = {Stage.REJECTED, Stage.SETTLED, Stage.TERMINATED, Stage.CANCELLED}
    assert page.stage() == OPEN
    assert page.model.rowCount() == sum(c.count for s, c in counts.items() if s not in closed)
    page.select_stage(Stage.IN_PROGRESS.value)
    assert page.model.rowCount() == counts[Stage.IN_PROGRESS].count
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert {r.stage for r in rows} == {Stage.IN_PROGRESS}
    late = [i for i, r in enumerate(rows) if r.overdue]
    assert len(late) == counts[Stage.IN_PROGRESS].overdue
    brush = page.model.data(page.model.index(late[0], 0), Qt.ItemDataRole.ForegroundRole)
    assert brush.color().name() == OVERDUE_COLOUR
    on_time = next(i for i, r in enumerate(rows) if not r.overdue and not r.attention)
    assert page.model.data(page.model.index(on_time, 0), Qt.ItemDataRole.ForegroundRole) is None


def test_filters_go_to_the_core_and_narrow_the_rows_and_counts(qtbot, services, front_desk, monkeypatch):
    asked: list[OrderFilter] = []
    count = services.orders.count

    def counting(actor, f):
        asked.append(f)
        return count(actor, f)

    monkeypatch.setattr(services.orders, "count", counting)
    page = board(qtbot, services, front_desk)
    page.select_stage(ALL)
    everything = page.model.rowCount()

    def narrowed(**expected) -> int:
        shown = page.shown_filter()
        for name, value in expected.items():
            assert getattr(shown, name) == value, name
        assert asked[-1] == shown  # the filter the rows were counted with is the bar's
        assert page.model.rowCount() == count(front_desk, shown)
        assert page.board == services.orders.board(front_desk, shown)
        return page.model.rowCount()

    category = page.category_combo.itemData(1)
    page.category_combo.setCurrentIndex(1)
    by_category = narrowed(category=category)
    assert 0 < by_category < everything
    page.category_combo.setCurrentIndex(0)

    provider_rows = services.orders.providers(front_desk)
    busiest = max(provider_rows, key=lambda p: count(front_desk, OrderFilter(provider_id=p.id)))
    page.provider_combo.setCurrentIndex(page.provider_combo.findData(busiest.id))
    assert 0 < narrowed(provider_id=busiest.id) < everything
    page.provider_combo.setCurrentIndex(0)

    fund = services.orders.funds(front_desk)[1]
    page.fund_combo.setCurrentIndex(page.fund_combo.findData(fund.id))
    assert 0 < narrowed(fund_id=fund.id) < everything
    page.fund_combo.setCurrentIndex(0)

    page.grid_combo.setCurrentIndex(1)
    narrowed(grid_id=page.grid_combo.itemData(1))
    page.grid_combo.setCurrentIndex(0)

    page.overdue_check.setChecked(True)
    late = narrowed(overdue=True)
    assert late == services.orders.board(front_desk).overdue
    page.overdue_check.setChecked(False)

    first = page.model.row_at(0)
    pick(page.resident_edit, first.resident_name, lambda r: r.id == first.resident_id)
    assert page.resident_chip.isVisible() and first.resident_name in page.resident_chip.text()
    assert narrowed(resident_id=first.resident_id) >= 1
    page.resident_chip.click()
    assert page.shown_filter().resident_id is None

    page.date_combo.setCurrentIndex(page.date_combo.findData("custom"))
    page.date_from.setDate(first.ordered_at.date())
    page.date_to.setDate(first.ordered_at.date())
    on_the_day = narrowed(date_from=first.ordered_at.date(), date_to=first.ordered_at.date())
    assert 1 <= on_the_day < everything

    page.clear_filters()
    assert page.shown_filter() == OrderFilter(stage=OPEN)

    # Ctrl+F goes to the number box; a number's start finds it.
    page.select_stage(ALL)
    QTest.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()
    QTest.keyClicks(page.search_edit, first.number)
    QTest.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert narrowed(number=first.number) == 1
    assert page.model.row_at(0).id == first.id
    assert page.table.hasFocus()  # Enter in the box goes on to the rows


def test_ctrl_n_records_an_order_from_the_menu_and_selects_it(qtbot, services, front_desk):
    page = board(qtbot, services, front_desk)
    waiting = services.orders.board(front_desk).stages[0].count
    QTest.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialogs().current
    assert isinstance(dialog, PlaceOrderDialog)
    qtbot.waitUntil(dialog.resident_edit.hasFocus)
    resident = services.residents.page(front_desk, ResidentFilter(), 0, 1)[0]
    pick(dialog.resident_edit, resident.name, lambda r: r.id == resident.id)
    assert dialog.item_combo.hasFocus()  # picking moves on to the service
    dialog.item_combo.setCurrentIndex(1)
    QTest.keyClick(dialog.item_combo, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.order_id is not None
    assert page.selected_row() is not None and page.selected_row().id == dialog.order_id
    assert page.selected_row().stage == Stage.PENDING_REVIEW
    assert f"{waiting + 1}" in stage_item(page, Stage.PENDING_REVIEW.value).text()


def test_a_free_description_needs_a_category_and_a_description(qtbot, services, front_desk):
    dialog = PlaceOrderDialog(services, front_desk)
    show(qtbot, dialog, (640, 420))
    resident = services.residents.page(front_desk, ResidentFilter(), 0, 1)[0]
    pick(dialog.resident_edit, resident.name, lambda r: r.id == resident.id)
    dialog.free.setChecked(True)
    dialog.submit()
    assert dialog.order_id is None
    assert dialog.error_of("category") and dialog.error_of("description")
    dialog.category_combo.setCurrentText("邻里互助")
    dialog.description_edit.setPlainText("家里水管漏水，需要上门看看。")
    dialog.submit()
    assert dialog.order_id is not None
    detail = services.orders.order(front_desk, dialog.order_id)
    assert detail.category == "邻里互助" and detail.stage == Stage.PENDING_REVIEW


def test_the_order_is_placed_only_for_a_resident_picked_from_the_list(qtbot, services, front_desk):
    dialog = PlaceOrderDialog(services, front_desk)
    show(qtbot, dialog, (640, 420))
    dialog.resident_edit.setText("张")
    dialog.item_combo.setCurrentIndex(1)
    before = services.orders.count(front_desk)
    dialog.submit()
    assert dialog.error_of("resident")
    assert services.orders.count(front_desk) == before


def test_enter_opens_the_selected_order(qtbot, services, front_desk):
    page = board(qtbot, services, front_desk)
    page.table.setFocus()
    page.select_row(2)
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialogs().current
    assert isinstance(dialog, OrderDetailDialog)
    assert dialog.order_id == page.model.row_at(2).id


def test_a_change_elsewhere_refreshes_the_board_keeping_the_selected_order(qtbot, services, front_desk, hub):
    page = board(qtbot, services, front_desk, hub=hub)
    page.select_stage(ALL)
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    at = next(r for r, row in enumerate(rows) if row.stage == Stage.PENDING_REVIEW)
    page.select_row(at + 1 if at + 1 < len(rows) else at - 1)
    kept = page.selected_row().id
    waiting = rows[at]
    services.orders.take_in(front_desk, waiting.id, "另一台电脑受理")

    def refreshed() -> bool:
        shown = [page.model.row_at(r) for r in range(page.model.rowCount())]
        return any(row.id == waiting.id and row.stage == Stage.TO_DRAFT for row in shown)

    qtbot.waitUntil(refreshed)
    assert page.selected_row().id == kept
    counts = {c.stage: c.count for c in services.orders.board(front_desk).stages}
    assert f"{counts[Stage.TO_DRAFT]:,}" in stage_item(page, Stage.TO_DRAFT.value).text()


def test_dispatches_nobody_accepted_in_time_go_back_when_the_board_is_first_shown(
    qtbot, services, front_desk
):
    late = services.orders.count(front_desk, OrderFilter(stage=Stage.TO_ACCEPT.value, overdue=True))
    assert late, "the demo has a dispatch past its accept-by moment"
    page = board(qtbot, services, front_desk, expire_on_show=True)
    assert services.orders.count(front_desk, OrderFilter(stage=Stage.TO_ACCEPT.value, overdue=True)) == 0
    page.attention_check.setChecked(True)
    page.select_stage(Stage.TO_DISPATCH.value)
    assert page.model.rowCount() >= late
    assert all(page.model.row_at(r).attention for r in range(page.model.rowCount()))


def test_the_board_does_not_offer_a_new_order_to_a_role_that_cannot_place_one(qtbot, services, coordinator):
    page = board(qtbot, services, coordinator)
    assert page.new_button.isHidden()
    assert page.new_order() is None
