"""The request screens: the list, the start page, the detail with its action dialogs.

Time is a controllable clock in March 2019 (Monday 2019-03-04 is a working day), long
before any demo request, so the demo's own requests never turn red or yellow here and
this test's requests are told apart by their number prefix ``2019-03``.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateTimeEdit, QFileDialog, QMessageBox

from desktop.common.clock import MovableClock
from desktop.common.permissions import Actor, Role
from desktop.common.pinyin import initials
from desktop.requests.service import RequestFilter, RequestForm, RequestRow, RequestService
from desktop.requests.states import Action, allowed_actions
from desktop.residents.service import ResidentFilter
from tests.ui.support import show
from ui.requests import slip
from ui.requests.actions import AnswerDialog, AssignDialog, FollowUpDialog, MergeDialog, NoteDialog
from ui.requests.detail import BUTTON_ACTIONS, RequestDetailDialog
from ui.requests.list_page import RequestsPage
from ui.requests.request_table import DEADLINE
from ui.requests.timeline import T_ACTION, T_CLOCK, T_NOTE, T_NUMBER
from ui.requests.today_page import DUE_SOON, FOLLOW_UPS, OVERDUE, WAITING, TodayPage
from ui.widgets.palette import CLOCK_BACKGROUNDS

MONDAY = dt.datetime(2019, 3, 4, 9, 0)
MINE = "2019-03"


@pytest.fixture(autouse=True)
def messages(monkeypatch) -> list[str]:
    """Message boxes never block; what they would have said is kept."""
    said: list[str] = []

    def record(*args, **kwargs):
        said.append(str(args[2]) if len(args) > 2 else "")
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    return said


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(MONDAY)


@pytest.fixture
def svc(services, clock, tmp_path) -> RequestService:
    return RequestService(services.db, tmp_path / "attachments", now=clock)


@pytest.fixture
def world(services, svc, front_desk):
    """Residents, leaf categories (with their top level) and departments to register with."""
    residents = [r.id for r in services.residents.page(front_desk, ResidentFilter(), 0, 10)]
    tops = svc.categories()
    departments = [d.id for d in svc.departments()]
    return {
        "residents": residents,
        "leaf": tops[0].children[0].id,
        "top": tops[0].id,
        "other_leaf": tops[1].children[0].id,
        "other_top": tops[1].id,
        "departments": departments,
    }


def register(svc: RequestService, actor: Actor, world, *, lead: bool = True, other: bool = False, n: int = 0):
    return svc.register(
        actor,
        RequestForm(
            resident_id=world["residents"][n % len(world["residents"])],
            channel="walk_in",
            category_id=world["other_leaf"] if other else world["leaf"],
            description="楼下垃圾三天没人清运",
            lead_department_id=world["departments"][0] if lead else None,
        ),
    )


def open_detail(qtbot, svc, actor, request_id) -> RequestDetailDialog:
    return show(qtbot, RequestDetailDialog(svc, actor, request_id))


def press(qtbot, detail: RequestDetailDialog, action: Action):
    button = detail.buttons[action]
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert detail.action_dialog is not None
    return detail.action_dialog


def timeline(detail: RequestDetailDialog, column: int) -> list[str]:
    t = detail.timeline
    return [t.item(r, column).text() for r in range(t.rowCount())]


def resolved(svc, actor, world, clock) -> int:
    rid = register(svc, actor, world)
    clock.advance(minutes=10)
    svc.accept(actor, rid)
    svc.answer(actor, rid, "已安排保洁")
    svc.resolve(actor, rid)
    return rid


# --- the list -------------------------------------------------------------------------------
def test_list_shows_registered_requests_and_the_number_box_finds_them(qtbot, svc, front_desk, world):
    ids = [register(svc, front_desk, world, n=i) for i in range(3)]
    numbers = {svc.get(front_desk, i).number for i in ids}
    page = show(qtbot, RequestsPage(svc, front_desk))
    total = svc.count(front_desk, RequestFilter())
    assert page.model.rowCount() == total
    assert page.count_label.text() == (f"{total:,} requests" if total != 1 else "1 request")

    page.focus_search()
    qtbot.keyClicks(page.search_edit, MINE)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)  # debounced, no sleep
    assert {page.model.row_at(r).number for r in range(3)} == numbers
    assert page.count_label.text() == "3 requests"
    assert page.model.index(0, 2).data() == page.model.row_at(0).resident_name

    page.search_edit.setText("2019-99")
    page.apply_filter()
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisible()
    assert page.empty_label.text() == "No request number, resident or description matches “2019-99”."


def test_filters_by_colour_status_and_category_narrow_the_count(qtbot, svc, clock, front_desk, world):
    late = register(svc, front_desk, world)  # assigned 09:00, accept due 09:30
    waiting = register(svc, front_desk, world, lead=False)  # registered, no clock
    clock.advance(minutes=10)
    fine = register(svc, front_desk, world, other=True)
    svc.accept(front_desk, fine)  # the answer clock runs for a day
    clock.advance(hours=1)  # 10:10: the first is overdue
    page = show(qtbot, RequestsPage(svc, front_desk))
    total = page.model.rowCount()

    page.colour_combo.setCurrentIndex(page.colour_combo.findData("red"))
    assert page.model.rowCount() == svc.count(front_desk, RequestFilter(colour="red")) == 1
    assert page.model.row_at(0).id == late
    deadline = page.model.index(0, page.model.keys.index(DEADLINE))
    assert deadline.data(Qt.ItemDataRole.BackgroundRole).color().name() == CLOCK_BACKGROUNDS["red"]
    assert deadline.data().startswith("Accept by")

    page.colour_combo.setCurrentIndex(page.colour_combo.findData("green"))
    assert page.model.rowCount() == svc.count(front_desk, RequestFilter(colour="green"))
    page.search_edit.setText(MINE)
    page.apply_filter()
    assert [page.model.row_at(r).id for r in range(page.model.rowCount())] == [fine]

    page.clear_filters()
    assert page.model.rowCount() == total
    page.status_combo.setCurrentIndex(page.status_combo.findData("registered"))
    registered = svc.count(front_desk, RequestFilter(status="registered"))
    assert page.model.rowCount() == registered < total
    page.search_edit.setText(MINE)
    page.apply_filter()
    assert [page.model.row_at(r).id for r in range(page.model.rowCount())] == [waiting]

    page.clear_filters()
    page.category_combo.setCurrentIndex(page.category_combo.findData(world["other_top"]))
    in_category = svc.count(front_desk, RequestFilter(category_id=world["other_top"]))
    assert 1 <= page.model.rowCount() == in_category < total
    page.status_combo.setCurrentIndex(page.status_combo.findData("open"))
    assert page.model.rowCount() == svc.count(
        front_desk, RequestFilter(status="open", category_id=world["other_top"])
    )


def test_the_date_filter_starts_at_any_date_and_a_range_narrows(qtbot, svc, front_desk, world):
    register(svc, front_desk, world)
    page = show(qtbot, RequestsPage(svc, front_desk))
    assert page.current_filter().date_from is None and not page.date_from.isEnabled()
    total = page.model.rowCount()
    page.date_combo.setCurrentIndex(page.date_combo.findData("custom"))
    assert page.date_from.isEnabled()
    page.date_from.setDate(MONDAY.date())
    page.date_to.setDate(MONDAY.date())
    f = page.current_filter()
    assert f.date_from == f.date_to == MONDAY.date()
    assert page.model.rowCount() == svc.count(front_desk, f) < total
    page.date_combo.setCurrentIndex(page.date_combo.findData("any"))
    assert page.model.rowCount() == total


class BigService:
    """100,000 requests that exist only as pages asked for."""

    def __init__(self):
        self.offsets: list[int] = []

    def count(self, actor, f):
        return 100_000

    def page(self, actor, f, offset, limit, order="registered"):
        self.offsets.append(offset)
        return [
            RequestRow(
                id=i + 1,
                number=f"2026-11-{i + 1:06d}",
                registered_at=dt.datetime(2026, 11, 1, 9),
                resident_name="张三",
                channel="phone",
                category="环境卫生 / 垃圾清运",
                urgency="green",
                status="assigned",
                department="社区居委会",
                clock="accept",
                due_at=dt.datetime(2026, 11, 1, 9, 30),
                colour="red",
                head_count=1,
            )
            for i in range(offset, min(offset + limit, 100_000))
        ]

    def categories(self):
        return []

    def departments(self):
        return []


def test_the_model_fetches_only_the_pages_on_screen(qtbot, front_desk):
    service = BigService()
    page = show(qtbot, RequestsPage(service, front_desk))
    qtbot.waitUntil(lambda: page.model.pages_fetched >= 1)
    assert page.model.rowCount() == 100_000
    assert page.count_label.text() == "100,000 requests"
    assert page.model.pages_fetched <= 2 and max(service.offsets) < 200
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: max(service.offsets) >= 99_900)
    assert page.model.pages_fetched <= 4


def test_enter_emits_open_and_without_a_listener_opens_the_detail(qtbot, svc, front_desk, world):
    rid = register(svc, front_desk, world)
    page = show(qtbot, RequestsPage(svc, front_desk))
    page.search_edit.setText(MINE)
    page.apply_filter()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)  # to the table, first row selected
    assert page.table.hasFocus() and page.selected_row().id == rid
    with qtbot.waitSignal(page.sig_open_request) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [rid]
    assert isinstance(page.detail, RequestDetailDialog)  # nobody listened
    page.detail.reject()

    got: list[int] = []
    page.sig_open_request.connect(got.append)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert got == [rid] and page.detail is None


# --- the start page ---------------------------------------------------------------------
def test_today_page_shows_overdue_due_soon_and_follow_ups(qtbot, svc, clock, front_desk, world):
    late = register(svc, front_desk, world)  # accept due 09:30
    clock.advance(minutes=45)
    soon = register(svc, front_desk, world, n=1)  # 09:45: accept due 10:15, yellow from 10:05
    clock.advance(minutes=25)  # 10:10
    page = show(qtbot, TodayPage(svc, front_desk))
    overdue, due_soon = page.sections[OVERDUE], page.sections[DUE_SOON]
    assert [r.id for r in overdue.rows] == [late]
    assert [r.id for r in due_soon.rows] == [soon]
    assert page.numbers[OVERDUE].text() == "1" and page.numbers[DUE_SOON].text() == "1"
    assert overdue.title.text() == "Overdue (1)"
    assert overdue.table.isVisible() and not page.done_label.isVisible()
    assert page.sections[FOLLOW_UPS].none_label.isVisible()

    svc.accept(front_desk, late)
    svc.answer(front_desk, late, "已处理")
    svc.resolve(front_desk, late)  # follow-up due 5 working days after 09:00 Monday
    clock.now = dt.datetime(2019, 3, 11, 10, 0)
    qtbot.keyClick(page, Qt.Key.Key_F5)
    assert late in [r.id for r in page.sections[FOLLOW_UPS].rows]
    assert page.sections[FOLLOW_UPS].table.isVisible()


def test_today_page_with_nothing_to_do_says_so(qtbot, sqlite_db, make_actor, tmp_path):
    desk = make_actor(sqlite_db, Role.FRONT_DESK)  # a new centre: no request at all
    page = show(qtbot, TodayPage(RequestService(sqlite_db.db, tmp_path / "files"), desk))
    assert page.done_label.isVisible()
    assert "well done" in page.done_label.text()
    assert [n.text() for n in page.numbers.values()] == ["0", "0", "0", "0"]


def test_today_page_lists_what_waits_for_a_department_with_the_demo_data(qtbot, svc, front_desk):
    """Registered without a department, returned, reopened: the demo has over 100 such."""
    page = show(qtbot, TodayPage(svc, front_desk))
    waiting = page.sections[WAITING]
    expected = svc.count(front_desk, RequestFilter(status="waiting"))
    assert expected > 100 and waiting.count == expected
    assert page.numbers[WAITING].text() == str(expected)
    assert {r.status for r in waiting.rows} == {"registered", "returned", "reopened"}
    assert waiting.table.isVisible() and waiting.title.text().startswith("To assign")
    registered = [r.registered_at for r in waiting.rows]
    assert registered == sorted(registered)  # waiting longest first


def test_a_hidden_today_page_shows_a_change_when_shown_again(qtbot, hub, svc, clock, front_desk, world):
    page = show(qtbot, TodayPage(svc, front_desk, hub=hub))
    assert page.numbers[OVERDUE].text() == "0"
    reads: list[int] = []
    today = svc.today
    svc.today = lambda *a, **k: reads.append(1) or today(*a, **k)  # type: ignore[method-assign]
    page.hide()
    rid = register(svc, front_desk, world)  # accept due in 30 minutes
    clock.advance(hours=1)
    qtbot.wait(50)  # the change is delivered, the hidden page only notes it
    assert reads == [] and page.numbers[OVERDUE].text() == "0"
    page.show()
    assert reads == [1]
    assert page.numbers[OVERDUE].text() == "1" and [r.id for r in page.sections[OVERDUE].rows] == [rid]


def test_today_page_refreshes_at_once_when_visible_keeping_the_selection(
    qtbot, hub, svc, clock, front_desk, world
):
    first = register(svc, front_desk, world, lead=False)
    page = show(qtbot, TodayPage(svc, front_desk, hub=hub))
    waiting = page.sections[WAITING]
    waiting.table.setFocus()
    assert waiting.select_id(first)
    scroll = waiting.table.verticalScrollBar()
    scroll.setValue(scroll.maximum())
    at = scroll.value()
    before = waiting.count
    second = register(svc, front_desk, world, lead=False)
    qtbot.waitUntil(lambda: waiting.count == before + 1)
    assert second in [r.id for r in waiting.rows]
    assert page.selected_row().id == first and scroll.value() == at


# --- the detail and its actions ---------------------------------------------------------
def test_detail_timeline_after_accept_and_answer_with_a_template(qtbot, svc, clock, front_desk, world):
    rid = register(svc, front_desk, world)
    detail = open_detail(qtbot, svc, front_desk, rid)
    assert timeline(detail, T_ACTION) == ["Register", "Assign"]
    changed: list[int] = []
    detail.sig_changed.connect(changed.append)

    clock.advance(minutes=10)
    dialog = press(qtbot, detail, Action.ACCEPT)
    assert isinstance(dialog, NoteDialog)
    dialog.note.insertPlainText("已受理")  # QTest cannot type CJK
    dialog._submit()
    assert changed == [rid] and detail.detail.status == "accepted"

    clock.advance(hours=1)
    dialog = press(qtbot, detail, Action.ANSWER)
    assert isinstance(dialog, AnswerDialog)
    template = svc.templates(detail.detail.category_id)[0]
    dialog.choose_template(template.title)
    qtbot.mouseClick(dialog.insert_button, Qt.MouseButton.LeftButton)
    assert dialog.note.toPlainText() == template.body
    dialog._submit()
    assert changed == [rid, rid]

    assert timeline(detail, T_ACTION) == ["Register", "Assign", "Accept", "Answer"]
    assert timeline(detail, T_NOTE)[2:] == ["已受理", template.body]
    assert timeline(detail, T_CLOCK)[2:] == ["Accept: on time", "Answer: on time"]
    assert detail.timeline.isColumnHidden(T_NUMBER)
    assert detail.status_label.text() == "Answered"
    assert detail.allowed_buttons() == [
        a for a in BUTTON_ACTIONS if a in allowed_actions(front_desk, "answered")
    ]
    states = {clock: label.text() for clock, label in detail.clock_states.items()}
    assert states["accept"] == "Done on time" and states["answer"] == "Done on time"


def test_only_allowed_buttons_are_shown(qtbot, services, svc, front_desk, coordinator, world):
    rid = register(svc, front_desk, world)
    svc.accept(front_desk, rid)
    director = services.accounts.login("zhuren", "zhuren123")

    seen = open_detail(qtbot, svc, coordinator, rid)
    assert seen.allowed_buttons() == []
    assert seen.no_actions_label.isVisible() and not seen.add_file_button.isVisible()

    desk = open_detail(qtbot, svc, front_desk, rid)
    assert Action.SUPERVISE not in desk.allowed_buttons()
    assert desk.allowed_buttons() == [
        a for a in BUTTON_ACTIONS if a in allowed_actions(front_desk, "accepted")
    ]
    assert not desk.buttons[Action.ASSIGN].isVisible() and desk.buttons[Action.ANSWER].isVisible()

    boss = open_detail(qtbot, svc, director, rid)
    assert Action.SUPERVISE in boss.allowed_buttons()


def test_alt_letters_open_the_action_and_esc_closes(qtbot, svc, front_desk, world):
    rid = register(svc, front_desk, world)
    detail = open_detail(qtbot, svc, front_desk, rid)
    detail.activateWindow()
    qtbot.waitUntil(detail.isActiveWindow)
    qtbot.keyClick(detail, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # A&ccept
    qtbot.waitUntil(lambda: detail.action_dialog is not None)  # a mnemonic clicks after a short animation
    assert isinstance(detail.action_dialog, NoteDialog) and detail.action_dialog.action == Action.ACCEPT
    detail.action_dialog.reject()
    qtbot.keyClick(detail, Qt.Key.Key_Escape)
    assert not detail.isVisible()


def test_assign_with_lead_and_assisting_departments(qtbot, svc, front_desk, world):
    rid = register(svc, front_desk, world, lead=False)
    detail = open_detail(qtbot, svc, front_desk, rid)
    dialog = press(qtbot, detail, Action.ASSIGN)
    assert isinstance(dialog, AssignDialog)
    dialog._submit()  # no lead chosen
    assert dialog.boxes["department"].error.isVisible() and dialog.isVisible()
    lead, helper = world["departments"][1], world["departments"][2]
    dialog.lead.setCurrentIndex(dialog.lead.findData(lead))
    lead_item = next(
        dialog.assists.item(i)
        for i in range(dialog.assists.count())
        if dialog.assists.item(i).data(Qt.ItemDataRole.UserRole) == lead
    )
    assert not lead_item.flags() & Qt.ItemFlag.ItemIsEnabled  # the lead cannot also assist
    for i in range(dialog.assists.count()):
        item = dialog.assists.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == helper:
            item.setCheckState(Qt.CheckState.Checked)
    dialog._submit()
    d = svc.get(front_desk, rid)
    assert d.status == "assigned" and d.lead_department_id == lead and len(d.assists) == 1
    assert detail.values["assists"].text() == d.assists[0]
    assert [c.clock for c in d.clocks] == ["accept", "answer", "resolve", "follow_up"]


def test_return_needs_a_reason_under_the_note(qtbot, svc, front_desk, world):
    rid = register(svc, front_desk, world)
    detail = open_detail(qtbot, svc, front_desk, rid)
    dialog = press(qtbot, detail, Action.RETURN)
    dialog._submit()
    assert dialog.boxes["note"].error.isVisible() and "reason" in dialog.boxes["note"].error.text()
    assert svc.get(front_desk, rid).status == "assigned"
    dialog.note.insertPlainText("不属于本单位职责")
    dialog._submit()
    assert detail.detail.status == "returned" and not dialog.isVisible()


def test_unsatisfied_follow_up_without_comment_shows_an_error_and_changes_nothing(
    qtbot, svc, clock, front_desk, world
):
    rid = resolved(svc, front_desk, world, clock)
    before = svc.get(front_desk, rid)
    detail = open_detail(qtbot, svc, front_desk, rid)
    changed: list[int] = []
    detail.sig_changed.connect(changed.append)
    dialog = press(qtbot, detail, Action.FOLLOW_UP)
    assert isinstance(dialog, FollowUpDialog)
    dialog.radios["unsatisfied"].setChecked(True)
    assert dialog.reopen_label.isVisible()
    dialog._submit()
    error = dialog.boxes["comment"].error
    assert error.isVisible() and "unsatisfied" in error.text()
    assert dialog.isVisible() and changed == []
    after = svc.get(front_desk, rid)
    assert after.status == "resolved" and after.events == before.events

    dialog.comment.insertPlainText("垃圾又堆起来了")
    dialog._submit()
    assert detail.detail.status == "reopened" and detail.detail.round == 2 and changed == [rid]


def test_satisfied_follow_up_closes(qtbot, svc, clock, front_desk, world):
    rid = resolved(svc, front_desk, world, clock)
    detail = open_detail(qtbot, svc, front_desk, rid)
    dialog = press(qtbot, detail, Action.FOLLOW_UP)
    dialog._submit()  # nothing chosen
    assert dialog.boxes["satisfaction"].error.isVisible()
    dialog.radios["satisfied"].setChecked(True)
    dialog._submit()
    assert detail.detail.status == "closed" and detail.allowed_buttons() == []


def test_merge_by_number(qtbot, svc, front_desk, world):
    main = register(svc, front_desk, world)
    duplicate = register(svc, front_desk, world)
    main_number = svc.get(front_desk, main).number
    detail = open_detail(qtbot, svc, front_desk, duplicate)
    dialog = press(qtbot, detail, Action.MERGE)
    assert isinstance(dialog, MergeDialog)

    dialog.number.setText("2019-03-999999")
    dialog._submit()
    assert "No request" in dialog.boxes["number"].error.text() and dialog.isVisible()
    dialog.number.setText(detail.detail.number)
    dialog._submit()
    assert "itself" in dialog.boxes["number"].error.text()

    dialog.number.setText(main_number)
    qtbot.waitUntil(lambda: main_number in dialog.found_label.text())  # looked up as typed
    dialog._submit()
    assert not dialog.isVisible()
    assert detail.detail.status == "merged" and detail.detail.merged_into == main_number
    assert detail.merged_label.isVisible() and main_number in detail.merged_label.text()

    other = open_detail(qtbot, svc, front_desk, main)
    assert not other.timeline.isColumnHidden(T_NUMBER)  # events of two requests
    assert detail.detail.number in timeline(other, T_NUMBER)


def test_attachments_add_and_save_a_copy(qtbot, monkeypatch, svc, front_desk, world, tmp_path):
    rid = register(svc, front_desk, world)
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"x" * 4000)
    copy = tmp_path / "copy.jpg"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(photo), "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(copy), "")))
    detail = open_detail(qtbot, svc, front_desk, rid)
    assert not detail.no_attachments.isHidden() and not detail.save_copy_button.isEnabled()
    qtbot.mouseClick(detail.add_file_button, Qt.MouseButton.LeftButton)
    assert detail.attachments.rowCount() == 1
    assert detail.attachments.item(0, 0).text() == "现场照片.jpg"
    assert "Attach file" in timeline(detail, T_ACTION)
    detail.save_attachment_copy()
    assert copy.read_bytes() == photo.read_bytes()


def test_an_action_the_service_refuses_shows_its_message(qtbot, svc, clock, front_desk, world):
    rid = register(svc, front_desk, world)
    detail = open_detail(qtbot, svc, front_desk, rid)
    dialog = press(qtbot, detail, Action.ACCEPT)
    svc.accept(front_desk, rid)  # someone at another desk was quicker
    dialog._submit()
    assert dialog.message.isVisible()
    assert dialog.message.text() == "This request is Accepted; it cannot be given “Accept” now."
    assert dialog.isVisible()


def test_an_action_in_the_detail_updates_the_visible_list_row_at_once(qtbot, hub, svc, front_desk, world):
    rid = register(svc, front_desk, world)
    page = show(qtbot, RequestsPage(svc, front_desk, hub=hub))
    page.search_edit.setText(MINE)
    page.apply_filter()
    page.select_row(0)
    page.open_selected()
    detail = page.detail
    assert isinstance(detail, RequestDetailDialog)
    dialog = press(qtbot, detail, Action.ACCEPT)
    dialog._submit()
    qtbot.waitUntil(lambda: page.model.row_at(0).status == "accepted", timeout=1000)
    assert page.model.row_at(0).id == rid and page.selected_row().id == rid


def test_a_change_made_elsewhere_updates_the_list_and_an_open_detail(qtbot, hub, services, svc, front_desk):
    rid = svc.page(front_desk, RequestFilter(status="accepted"), 0, 1)[0].id  # a recent demo request
    page = show(qtbot, RequestsPage(svc, front_desk, hub=hub))
    detail = show(qtbot, RequestDetailDialog(svc, front_desk, rid, hub=hub))
    at = next(r for r in range(100) if page.model.row_at(r).id == rid)
    page.table.setFocus()
    page.select_row(at + 2)
    selected = page.selected_row().id
    scroll = page.table.verticalScrollBar()
    scroll.setValue(scroll.value() + 7)
    where = scroll.value()
    page.search_edit.setText("half-typed")  # not searched yet: the refresh leaves it alone
    total = page.model.rowCount()
    services.requests.answer(front_desk, rid, "已答复居民")  # at another desk
    qtbot.waitUntil(lambda: detail.detail.status == "answered", timeout=1000)
    assert detail.status_label.text() == "Answered"
    qtbot.waitUntil(lambda: page.model.row_at(at).status == "answered", timeout=1000)
    assert page.model.rowCount() == total and page.model.row_at(at).id == rid
    assert page.selected_row().id == selected and scroll.value() == where
    assert page.search_edit.text() == "half-typed"


# --- issue #8: one search box, a resident's requests, dates in the future -------------------
def test_one_search_box_finds_by_name_initials_phone_and_description(qtbot, services, svc, front_desk, world):
    resident = services.residents.get(front_desk, world["residents"][0])
    revealed = services.residents.reveal(front_desk, resident.id)
    rid = register(svc, front_desk, world)  # for residents[0]: "楼下垃圾三天没人清运"
    page = show(qtbot, RequestsPage(svc, front_desk))

    def found(text: str) -> list[int]:
        page.search_edit.setText(text)
        page.apply_filter()
        return [page.model.row_at(r).id for r in range(page.model.rowCount())]

    named = found(resident.name)
    assert rid in named
    assert all(svc.get(front_desk, i).resident_name.startswith(resident.name) for i in named[:20])
    for text in (initials(resident.name), revealed.phone, revealed.phone[-4:]):
        ids = found(text)
        assert rid in ids and len(ids) == svc.count(front_desk, RequestFilter(text=text)), text
    assert rid in found("三天没人清运")  # words of the description
    assert found("绝无此事的描述") == []
    assert page.empty_label.text() == "No request number, resident or description matches “绝无此事的描述”."


def test_show_resident_lists_only_their_requests_under_a_removable_chip(
    qtbot, services, svc, front_desk, world
):
    resident_id = world["residents"][1]
    mine = [register(svc, front_desk, world, n=1) for _ in range(2)]
    page = show(qtbot, RequestsPage(svc, front_desk))
    total = page.model.rowCount()
    page.status_combo.setCurrentIndex(page.status_combo.findData("closed"))  # cleared by show_resident
    page.show_resident(resident_id, "张三")
    assert page.resident_chip.isVisible() and page.resident_chip.text() == "Resident: 张三  ×"
    shown = [page.model.row_at(r).id for r in range(page.model.rowCount())]
    assert set(mine) <= set(shown)
    assert page.model.rowCount() == svc.count(front_desk, RequestFilter(resident_id=resident_id)) < total
    qtbot.mouseClick(page.resident_chip, Qt.MouseButton.LeftButton)
    assert not page.resident_chip.isVisible() and page.model.rowCount() == total


def test_a_future_year_in_the_date_filter_is_explained(qtbot, svc, front_desk):
    page = show(qtbot, RequestsPage(svc, front_desk))
    page.date_combo.setCurrentIndex(page.date_combo.findData("custom"))
    next_year = QDate.currentDate().year() + 1
    page.date_from.setFocus()
    page.date_from.setSelectedSection(QDateTimeEdit.Section.YearSection)
    qtbot.keyClicks(page.date_from, str(next_year))  # typed, not refused
    assert page.date_from.date().year() == next_year
    assert page.model.rowCount() == 0
    assert page.date_warning.isVisible() and "after today" in page.date_warning.text()
    assert page.empty_label.text() == page.date_warning.text()
    page.date_combo.setCurrentIndex(page.date_combo.findData("any"))
    assert not page.date_warning.isVisible()


# --- issue #8: 打印回执 from the detail, 显示电话 in the follow-up, notes of 催办/督办 ---------
def test_the_detail_reprints_the_slip_off_the_gui_thread(qtbot, monkeypatch, svc, front_desk, world):
    built_in: list[threading.Thread] = []
    opened: list[tuple[str, str]] = []
    write_slip = slip.write_slip

    def recording(detail, centre_name, folder=None):
        built_in.append(threading.current_thread())
        return write_slip(detail, centre_name, folder)

    monkeypatch.setattr(slip, "write_slip", recording)
    rid = register(svc, front_desk, world)
    detail = show(
        qtbot,
        RequestDetailDialog(
            svc, front_desk, rid, preview_factory=lambda path, title, parent: opened.append((path, title))
        ),
    )
    assert detail.print_button.isVisible()
    qtbot.keyClick(detail, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(opened) == 1)
    path, title = opened[0]
    assert built_in and built_in[0] is not threading.main_thread()
    assert detail.detail.number in title and Path(path).read_bytes()[:5] == b"%PDF-"
    Path(path).unlink()


def test_the_follow_up_call_can_show_the_whole_phone_audited(
    qtbot, services, svc, clock, front_desk, coordinator, world, audit_rows
):
    rid = resolved(svc, front_desk, world, clock)
    detail = open_detail(qtbot, svc, front_desk, rid)
    dialog = press(qtbot, detail, Action.FOLLOW_UP)
    assert "*" in dialog.phone_label.text() and dialog.reveal_button.isVisible()
    before = len(audit_rows(services))
    qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)
    phone = services.residents.reveal(front_desk, detail.detail.resident_id).phone
    assert dialog.phone_label.text() == phone and "*" not in phone
    assert not dialog.reveal_button.isVisible()
    assert "audit log" in dialog.boxes["phone"].error.text()
    reveal = [r for r in audit_rows(services)[before:] if r.action == "reveal"]
    assert [(r.entity, r.entity_id) for r in reveal][0] == ("resident", str(detail.detail.resident_id))

    # A role without the right to see numbers is not offered the button.
    other = FollowUpDialog(svc, coordinator, svc.get(front_desk, rid))
    qtbot.addWidget(other)
    assert other.reveal_button.isHidden()


@pytest.mark.parametrize("action", [Action.REMIND, Action.SUPERVISE])
def test_remind_and_supervise_refuse_an_empty_note_under_the_note(
    qtbot, services, svc, front_desk, world, action
):
    director = services.accounts.login("zhuren", "zhuren123")
    rid = register(svc, front_desk, world)
    detail = open_detail(qtbot, svc, director, rid)
    dialog = press(qtbot, detail, action)
    dialog._submit()
    assert dialog.isVisible() and "write the reason" in dialog.boxes["note"].error.text()
    assert [e.action for e in svc.get(director, rid).events] == ["register", "assign"]
    dialog.note.insertPlainText("请尽快处理")
    dialog._submit()
    assert not dialog.isVisible() and detail.detail.events[-1].action == action.value


def test_the_minute_tick_refreshes_a_shown_page_and_a_hidden_one_when_shown(qtbot, svc, front_desk):
    page = show(qtbot, TodayPage(svc, front_desk))
    reads: list[int] = []
    today = svc.today
    svc.today = lambda *a, **k: reads.append(1) or today(*a, **k)  # type: ignore[method-assign]
    page.tick.tick()  # a minute passed while shown
    assert reads == [1]
    page.hide()
    page.tick.tick()  # and one while hidden: nothing read …
    assert reads == [1]
    page.tick.last -= 120
    page.show()  # … until shown
    assert reads == [1, 1]
