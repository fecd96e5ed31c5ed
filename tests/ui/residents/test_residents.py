"""The residents register page and dialog, driven as the front desk uses them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from stdnum.cn import ric

from desktop.common.errors import PermissionDenied
from desktop.common.permissions import Actor
from desktop.common.pinyin import initials
from desktop.opening import Services
from desktop.residents.service import ResidentFilter, ResidentRow
from ui.residents.page import COL_ID, COL_NAME, COL_PHONE, ResidentsPage
from ui.widgets.resident_dialog import ResidentDialog, guess_prefill

ALL = ResidentFilter(include_archived=True)


def valid_id(area: str = "110105", birth: str = "19800101", seq: str = "123") -> str:
    body = area + birth + seq
    return body + ric.calc_check_digit(body + "0")


def ime_type(widget, text: str) -> None:
    """Type Chinese as a pinyin IME does: one committed string (QTest cannot send CJK keys)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def make_page(qtbot, services: Services, actor: Actor) -> ResidentsPage:
    page = ResidentsPage(services.residents, actor)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def shown_rows(page: ResidentsPage, limit: int = 30) -> list[ResidentRow]:
    return [page.model.row_at(r) for r in range(min(page.model.rowCount(), limit))]


def cell(page: ResidentsPage, row: int, column: int) -> str:
    return page.model.index(row, column).data()


def open_new_dialog(qtbot, page: ResidentsPage) -> ResidentDialog:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.dialog is not None
    qtbot.waitUntil(page.dialog.isActiveWindow)
    return page.dialog


# --- finding ------------------------------------------------------------------------
def test_typing_two_characters_of_a_name_filters_the_table(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    everyone = page.model.rowCount()
    name = next(
        r.name for r in services.residents.page(front_desk, ResidentFilter(), 0, 50) if len(r.name) >= 3
    )
    prefix = name[:2]
    expected = services.residents.count(front_desk, ResidentFilter(text=prefix))
    assert 0 < expected < everyone

    ime_type(page.search_edit, prefix)
    qtbot.waitUntil(lambda: page.model.rowCount() == expected)

    assert page.count_label.text() == ("1 resident" if expected == 1 else f"{expected} residents")
    for row in shown_rows(page):
        assert row.name.startswith(prefix) or prefix in row.address
    assert any(row.name == name for row in shown_rows(page, expected))


def test_pinyin_initials_find_chinese_names(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    expected = services.residents.count(front_desk, ResidentFilter(text="zs"))
    assert expected > 0

    qtbot.keyClicks(page.search_edit, "zs")
    qtbot.waitUntil(lambda: page.model.rowCount() == expected)

    for row in shown_rows(page):
        assert initials(row.name).startswith("zs")


def test_search_waits_until_typing_pauses(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    fetched = page.model.pages_fetched
    qtbot.keyClicks(page.search_edit, "zhang")
    # Nothing re-queried per keystroke: the table still shows everyone...
    assert page.current_filter().text == "zhang"
    assert page.model_source().filter.text == ""
    # ...until the short pause has passed, then one search.
    qtbot.waitUntil(lambda: page.model_source().filter.text == "zhang")
    assert page.model.pages_fetched - fetched <= 1


def test_escape_clears_the_search_and_ctrl_f_returns_to_it(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    everyone = page.model.rowCount()
    qtbot.keyClicks(page.search_edit, "zs")
    qtbot.waitUntil(lambda: page.model.rowCount() < everyone)

    qtbot.keyClick(page.search_edit, Qt.Key.Key_Escape)
    assert page.search_edit.text() == ""
    assert page.model.rowCount() == everyone

    page.table.setFocus()
    page.focus_search()
    assert page.search_edit.hasFocus()


def test_keyboard_only_from_search_to_edit(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()

    qtbot.keyClicks(page.search_edit, "zs")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)  # search now, go to the first row
    assert page.model_source().filter.text == "zs"
    assert page.table.hasFocus()
    first = page.selected_row()
    assert first is not None and initials(first.name).startswith("zs")

    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    second = page.selected_row()
    assert second.id != first.id
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.dialog is not None
    qtbot.waitUntil(page.dialog.isActiveWindow)
    assert page.dialog.name_edit.text() == second.name
    assert page.dialog.focusWidget() is page.dialog.name_edit


def test_ctrl_n_opens_a_new_resident(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.dialog is not None
    assert page.dialog.windowTitle() == "New resident"
    assert page.dialog.name_edit.text() == ""


def test_no_match_shows_a_hint_and_new_carries_the_name(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    ime_type(page.search_edit, "欧阳无名")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)

    assert page.empty_label.isVisible()
    assert "欧阳无名" in page.empty_label.text()
    assert "Ctrl+N" in page.empty_label.text()

    dialog = open_new_dialog(qtbot, page)
    assert dialog.name_edit.text() == "欧阳无名"


def test_prefill_guesses_the_field_from_what_was_searched():
    assert guess_prefill("张三") == {"name": "张三"}
    assert guess_prefill(valid_id()) == {"id_number": valid_id()}
    assert guess_prefill("13812345678") == {"phone": "13812345678"}
    assert guess_prefill("zs") == {}
    assert guess_prefill("幸福家园3号楼") == {}


# --- what is shown ------------------------------------------------------------------
def test_table_shows_masked_id_numbers_and_phones(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    ids = [cell(page, r, COL_ID) for r in range(20)]
    phones = [cell(page, r, COL_PHONE) for r in range(20)]

    assert any(ids) and any(phones)
    for value in filter(None, ids):
        assert re.fullmatch(r"\d{6}\*{8}[\dX]{4}", value), value
    for value in filter(None, phones):
        assert "****" in value, value


def test_a_big_result_fetches_only_the_rows_on_screen(qtbot):
    service = BigRegister(1_000_000)
    page = ResidentsPage(service, _actor("front_desk"))  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)

    assert page.count_label.text() == "1,000,000 residents"
    assert page.model.pages_fetched <= 2
    assert service.counts == 1

    page.table.setFocus()
    page.select_row(0)
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert page.table.currentIndex().row() == 999_999
    assert page.model.pages_fetched <= 4


def test_clicking_the_name_header_sorts_in_the_service(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    header = page.table.horizontalHeader()

    def click(section: int) -> None:
        x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    click(COL_NAME)
    f = page.model_source().filter
    assert (f.sort, f.descending) == ("name", False)
    names = [r.name for r in shown_rows(page)]
    assert names == sorted(names)
    assert header.sortIndicatorSection() == COL_NAME

    click(COL_NAME)
    assert page.model_source().filter.descending is True
    names = [r.name for r in shown_rows(page)]
    assert names == sorted(names, reverse=True)

    click(COL_ID)  # not sortable: nothing changes
    assert page.model_source().filter.sort == "name"
    assert header.sortIndicatorSection() == COL_NAME


# --- creating and editing -----------------------------------------------------------
def test_bad_id_number_is_shown_under_the_field_and_nothing_is_saved(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    before = services.residents.count(front_desk, ALL)
    dialog = open_new_dialog(qtbot, page)
    assert dialog.name_edit.hasFocus()

    ime_type(dialog.name_edit, "王小明")
    bad = valid_id()[:-1] + ("0" if valid_id()[-1] != "0" else "1")
    qtbot.keyClicks(dialog.id_edit, bad)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert "check character" in dialog.message("id_number")
    assert dialog.boxes["id_number"].error.isVisible()
    assert dialog.isVisible()
    assert services.residents.count(front_desk, ALL) == before

    # Corrected, it saves, the list shows the new resident selected on top.
    good = valid_id(birth="19800101", seq="124")
    assert services.residents.count(front_desk, ResidentFilter(text=good)) == 0
    dialog.id_edit.clear()
    qtbot.keyClicks(dialog.id_edit, good)
    assert dialog.gender_buttons["女"].isChecked()
    assert dialog.birth_edit.date().toString("yyyy-MM-dd") == "1980-01-01"
    with qtbot.waitSignal(page.sig_changed) as saved:
        qtbot.keyClick(dialog.phone_edit, Qt.Key.Key_Return)  # Enter saves

    new_id = saved.args[0]
    assert services.residents.count(front_desk, ALL) == before + 1
    assert page.model.row_at(0).id == new_id
    assert page.selected_row().id == new_id
    assert cell(page, 0, COL_NAME) == "王小明"
    assert cell(page, 0, COL_ID) == good[:6] + "********" + good[-4:]


def test_id_number_is_checked_when_the_field_is_left(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    dialog = open_new_dialog(qtbot, page)
    dialog.id_edit.setFocus()
    qtbot.keyClicks(dialog.id_edit, "12345")
    qtbot.keyClick(dialog.id_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is not dialog.id_edit

    assert "18 characters" in dialog.message("id_number")
    assert dialog.message("name") == ""  # not judged before the user got there
    assert dialog.isVisible()


def test_unknown_area_code_warns_but_saves(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    dialog = open_new_dialog(qtbot, page)
    ime_type(dialog.name_edit, "赵六")
    qtbot.keyClicks(dialog.id_edit, valid_id(area="990101"))
    dialog.validate()
    assert "990101" in dialog.message("id_number")

    with qtbot.waitSignal(page.sig_changed):
        dialog.save()
    assert services.residents.count(front_desk, ResidentFilter(text=valid_id(area="990101"))) == 1


def test_duplicate_id_number_names_the_registered_resident(qtbot, services, front_desk, admin):
    page = make_page(qtbot, services, front_desk)
    rows = services.residents.page(admin, ResidentFilter(), 0, 50)
    existing = next(r for r in rows if r.id_number)
    full_id = services.residents.reveal(admin, existing.id).id_number
    dialog = open_new_dialog(qtbot, page)
    ime_type(dialog.name_edit, "钱七")
    qtbot.keyClicks(dialog.id_edit, full_id)
    dialog.save()

    assert existing.name in dialog.message("id_number")
    assert dialog.isVisible()


def test_edit_keeps_the_id_number_when_the_field_is_left_empty(qtbot, services, front_desk, admin):
    page = make_page(qtbot, services, front_desk)
    row = next(r for r in range(20) if page.model.row_at(r).id_number and page.model.row_at(r).phone)
    resident = page.model.row_at(row)
    full_before = services.residents.reveal(admin, resident.id)
    page.select_row(row)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter edits

    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.id_edit.text() == ""
    assert resident.id_number in dialog.id_edit.placeholderText()
    assert resident.phone in dialog.phone_edit.placeholderText()

    dialog.address_edit.setText("幸福路1号")
    with qtbot.waitSignal(page.sig_changed):
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert services.residents.reveal(admin, resident.id) == full_before
    assert services.residents.get(admin, resident.id).address == "幸福路1号"
    assert page.selected_row().id == resident.id
    assert page.selected_row().address == "幸福路1号"


def test_escape_closes_the_dialog_without_saving(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    before = services.residents.count(front_desk, ALL)
    dialog = open_new_dialog(qtbot, page)
    ime_type(dialog.name_edit, "孙八")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    assert services.residents.count(front_desk, ALL) == before
    assert page.dialog is None


# --- roles, archive, reveal ---------------------------------------------------------
def test_buttons_follow_the_role(qtbot, services, front_desk, admin, coordinator):
    desk = make_page(qtbot, services, front_desk)
    assert desk.reveal_button.isVisible() and not desk.archive_button.isVisible()
    boss = make_page(qtbot, services, admin)
    assert boss.reveal_button.isVisible() and boss.archive_button.isVisible()
    helper = make_page(qtbot, services, coordinator)
    assert not helper.reveal_button.isVisible() and not helper.archive_button.isVisible()
    assert helper.new_button.isVisible()


def test_archived_resident_is_hidden_unless_show_archived(qtbot, services, admin, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    page = make_page(qtbot, services, admin)
    before = page.model.rowCount()
    page.select_row(0)
    resident = page.selected_row()
    assert page.archive_button.text() == "Archive"

    with qtbot.waitSignal(page.sig_changed):
        qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == before - 1
    assert resident.id not in {r.id for r in shown_rows(page)}

    page.archived_check.setChecked(True)
    assert page.model.rowCount() > before - 1
    assert page.select_resident(resident.id)
    assert page.selected_row().archived
    assert "(archived)" in cell(page, page.table.currentIndex().row(), COL_NAME)
    assert page.archive_button.text() == "Restore"

    with qtbot.waitSignal(page.sig_changed):
        qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert not services.residents.get(admin, resident.id).archived


def test_show_id_phone_reveals_the_full_values(qtbot, services, front_desk, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda parent, title, text, *a: shown.append(text))
    )
    page = make_page(qtbot, services, front_desk)
    row = next(r for r in range(20) if page.model.row_at(r).id_number)
    page.select_row(row)
    resident = page.selected_row()

    qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)

    assert len(shown) == 1
    full = re.search(r"\d{17}[\dX]", shown[0]).group(0)
    assert full[:6] == resident.id_number[:6] and full[-4:] == resident.id_number[-4:]
    assert resident.name in shown[0]


# --- a register far bigger than the demo --------------------------------------------
def _actor(role: str) -> Actor:
    from desktop.common.permissions import Role

    return Actor(user_id=1, username="t", full_name="测试", role=Role(role))


class BigRegister:
    """A stand-in service with a million residents, counting what is asked of it."""

    def __init__(self, n: int):
        self.n = n
        self.counts = 0

    def count(self, actor, f: ResidentFilter) -> int:
        self.counts += 1
        return self.n

    def search(self, actor, f: ResidentFilter) -> SimpleNamespace:
        """Like ResidentService.search: counted once, then paged."""
        total = self.count(actor, f)
        return SimpleNamespace(count=total, page=lambda offset, limit: self.page(actor, f, offset, limit))

    def page(self, actor, f: ResidentFilter, offset: int, limit: int) -> Sequence[ResidentRow]:
        return [
            ResidentRow(
                id=self.n - i,
                name=f"居民{i}",
                gender="男",
                age=50,
                id_number="110105********0021",
                phone="138****5678",
                address=f"幸福路{i}号",
                grid="幸福社区第1网格",
                tags="",
                archived=False,
            )
            for i in range(offset, min(offset + limit, self.n))
        ]

    def grids(self) -> list[tuple[int, str]]:
        return [(1, "幸福社区第1网格")]

    def tags(self) -> list[tuple[int, str]]:
        return [(1, "独居老人")]


@pytest.fixture(autouse=True)
def _no_blocking_boxes(monkeypatch):
    """A message box a test did not expect fails the test instead of hanging it."""

    def fail(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(fail))


def test_double_click_edits_the_resident(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    resident = page.model.row_at(1)
    rect = page.table.visualRect(page.model.index(1, COL_NAME))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.dialog is not None
    assert page.dialog.name_edit.text() == resident.name


def test_a_failing_search_is_reported_and_the_table_stays_usable(qtbot, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: shown.append(text))
    )
    service = BigRegister(500)
    page = ResidentsPage(service, _actor("front_desk"))  # type: ignore[arg-type]
    qtbot.addWidget(page)

    def denied(actor, f):
        raise PermissionDenied()

    monkeypatch.setattr(service, "count", denied)
    page.search_edit.setText("zs")
    page.apply_filter()

    assert shown == ["You are not allowed to do this."]
    assert page.model.rowCount() == 0


# --- typing a new resident through with Tab (defect #1 of issue #8) ----------------------
def _tab(qtbot, times: int = 1, *, back: bool = False) -> None:
    for _ in range(times):
        widget = QApplication.focusWidget()
        qtbot.keyClick(widget, Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab)


@pytest.mark.parametrize("id_number", ["", "37030219"])
def test_tab_passes_the_empty_birth_date_and_typed_fields_land_where_they_belong(
    qtbot, services, front_desk, id_number
):
    page = make_page(qtbot, services, front_desk)
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    ime_type(dialog.name_edit, "赵六")
    _tab(qtbot)
    assert QApplication.focusWidget() is dialog.id_edit
    qtbot.keyClicks(dialog.id_edit, id_number)  # empty, or not a valid ID number
    _tab(qtbot)  # the gender
    assert QApplication.focusWidget() in dialog.gender_buttons.values()
    _tab(qtbot)  # the birth date ("Not given")
    assert QApplication.focusWidget() is dialog.birth_edit
    _tab(qtbot)  # …and out of it again
    assert QApplication.focusWidget() is dialog.phone_edit
    qtbot.keyClicks(QApplication.focusWidget(), "13812345678")
    _tab(qtbot)
    assert QApplication.focusWidget() is dialog.address_edit
    qtbot.keyClicks(QApplication.focusWidget(), "No. 5 Beijing Road")

    assert dialog.phone_edit.text() == "13812345678"
    assert dialog.address_edit.text() == "No. 5 Beijing Road"
    assert dialog.id_edit.text() == id_number
    assert dialog.form().birth_date is None  # nothing was typed into the date
    _tab(qtbot, 2, back=True)  # Shift+Tab goes back the same way
    assert QApplication.focusWidget() is dialog.birth_edit
    _tab(qtbot, back=True)
    assert QApplication.focusWidget() in dialog.gender_buttons.values()


def test_a_typed_birth_date_is_kept_and_tab_moves_on(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    dialog = open_new_dialog(qtbot, page)
    dialog.birth_edit.setFocus()
    dialog.birth_edit.setDate(QDate(1950, 3, 4))
    _tab(qtbot)
    assert QApplication.focusWidget() is dialog.phone_edit
    assert dialog.form().birth_date == dt.date(1950, 3, 4)


def test_a_valid_id_number_skips_the_filled_in_fields(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    dialog = open_new_dialog(qtbot, page)
    dialog.id_edit.setFocus()
    qtbot.keyClicks(dialog.id_edit, valid_id())
    _tab(qtbot)  # gender and birth date come from the number
    assert QApplication.focusWidget() is dialog.phone_edit


# --- 查看诉求 and the change hub -----------------------------------------------------------
def test_view_requests_asks_for_the_selected_resident(qtbot, services, front_desk, coordinator):
    page = make_page(qtbot, services, front_desk)
    assert page.requests_button.isVisible() and not page.requests_button.isEnabled()
    page.select_row(0)
    row = page.selected_row()
    with qtbot.waitSignal(page.sig_show_requests) as signal:
        qtbot.mouseClick(page.requests_button, Qt.MouseButton.LeftButton)
    assert signal.args == [row.id, row.name]
    texts = [text for text, _slot in page.row_actions()]
    assert texts == ["Edit", "View requests", "Show ID/phone"]
    assert make_page(qtbot, services, coordinator).requests_button.isVisible()  # every role sees requests


def test_a_change_elsewhere_refreshes_the_page_keeping_selection_and_scroll(qtbot, services, admin):
    from ui.widgets.change_hub import ChangeHub

    hub = ChangeHub()
    hub.attach(services.db.changes)
    page = ResidentsPage(services.residents, admin, hub=hub)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    qtbot.waitExposed(page)
    page.select_row(40)
    bar = page.table.verticalScrollBar()
    bar.setValue(bar.value() + 3)
    scroll, chosen = bar.value(), page.selected_row()
    target = page.model.row_at(41)

    services.residents.set_archived(admin, target.id, True)  # at another desk
    qtbot.waitUntil(lambda: page.model.row_at(41) is None or page.model.row_at(41).id != target.id)
    assert page.selected_row().id == chosen.id
    assert bar.value() == scroll
    hub.detach_all()
