"""The 走访台账 page and its dialogs, driven as a grid worker at the front desk uses them:
recording a visit with the keyboard alone, a future date refused, a 安全隐患 becoming a
request, a round saved all or nothing, overdue in red, the page following changes, and
what a user without the permission to record is (not) offered."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from desktop.common.errors import PermissionDenied
from desktop.visits.plan import Status
from desktop.visits.recording import VisitForm
from desktop.visits.rules import ReportItem
from desktop.visits.service import DueFilter, DueRow
from tests.ui.support import show
from ui.visits.batch_dialog import B_FINDINGS, BatchVisitDialog, parse_day
from ui.visits.ledger_page import C_NAME, C_STATUS, VisitsPage
from ui.visits.record_dialog import RecordVisitDialog
from ui.widgets import palette

CTRL = Qt.KeyboardModifier.ControlModifier


def ime_type(widget, text: str) -> None:
    """Type Chinese as a pinyin IME does: one committed string (QTest cannot send CJK keys)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def due_rows(services, actor, **filters) -> list[DueRow]:
    return services.visits.due(actor, DueFilter(**filters)).page(0, 500)


def unique_due(services, actor, status: Status | None = None) -> DueRow:
    """A resident on the plan, not visited yet in their period, whose name no one else in
    the register has."""
    from desktop.residents.service import ResidentFilter

    for row in due_rows(services, actor, status=status.value if status else None, open_only=True):
        if services.residents.count(actor, ResidentFilter(text=row.name)) == 1:
            return row
    raise AssertionError("no resident with a unique name on the plan")


def page(qtbot, services, actor, hub=None, **options) -> VisitsPage:
    return show(
        qtbot, VisitsPage(services.visits, services.residents, actor, hub=hub, **options), (1366, 700)
    )


def pick_by_keyboard(qtbot, dialog: RecordVisitDialog, name: str) -> None:
    ime_type(dialog.resident_edit, name)
    qtbot.keyClick(dialog.resident_edit, Qt.Key.Key_Down)  # the search at once, the first match
    qtbot.waitUntil(dialog.resident_edit.popup.isVisible)
    qtbot.keyClick(dialog.resident_edit, Qt.Key.Key_Return)
    assert dialog.resident_name == name


def row_of(p: VisitsPage, resident_id: int) -> int:
    for r in range(p.model.rowCount()):
        if p.model.row_at(r).resident_id == resident_id:
            return r
    raise AssertionError("not on the list")


# --- recording -------------------------------------------------------------------------
def test_a_visit_is_recorded_with_the_keyboard_alone(qtbot, services, front_desk, hub):
    who = unique_due(services, front_desk)
    p = page(qtbot, services, front_desk, hub)
    qtbot.keyClick(p.search_edit, Qt.Key.Key_N, CTRL)  # Ctrl+N: record a visit
    dialog = p.dialogs.current
    assert isinstance(dialog, RecordVisitDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    before = len(services.visits.history(front_desk, who.resident_id))
    pick_by_keyboard(qtbot, dialog, who.name)
    assert dialog.focusWidget() is dialog.date_edit  # Enter picked, the keyboard moved on
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)  # Enter on the date saves

    assert dialog.recorded is not None
    history = services.visits.history(front_desk, who.resident_id)
    assert len(history) == before + 1 and history[0].id == dialog.recorded.visit_id
    assert history[0].visited_on == dt.date.today()
    assert history[0].visitor_id == front_desk.user_id  # the signed-in user by default
    assert history[0].method == "home"
    # The page heard the change: the resident is done, in green, with the day and visitor.
    qtbot.waitUntil(lambda: p.model.row_at(row_of(p, who.resident_id)).status == Status.DONE)
    r = row_of(p, who.resident_id)
    assert p.model.index(r, C_STATUS).data(Qt.ItemDataRole.ForegroundRole).color().name() == palette.GREEN


def test_enter_on_a_row_records_for_that_resident(qtbot, services, front_desk):
    p = page(qtbot, services, front_desk)
    p.focus_table()
    row = p.selected_row()
    assert row is not None
    qtbot.keyClick(p.table, Qt.Key.Key_Return)
    dialog = p.dialogs.current
    assert isinstance(dialog, RecordVisitDialog)
    assert dialog.resident_id == row.resident_id
    dialog.findings_edit.setPlainText("身体尚好")
    dialog.method_buttons["phone"].setChecked(True)
    dialog._submit()
    assert services.visits.history(front_desk, row.resident_id)[0].method == "phone"


def test_a_future_date_is_refused_with_the_reason_and_nothing_is_saved(qtbot, services, front_desk):
    who = unique_due(services, front_desk)
    before = services.visits.history(front_desk, who.resident_id)
    dialog = show(qtbot, RecordVisitDialog(services.visits, services.residents, front_desk), (760, 620))
    pick_by_keyboard(qtbot, dialog, who.name)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    dialog.date_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert "future" in dialog.boxes["visited_on"].error.text()  # said at once …
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.recorded is None
    error = dialog.boxes["visited_on"].error
    assert error.isVisibleTo(dialog) and tomorrow.isoformat() in error.text()  # … and by the core
    assert services.visits.history(front_desk, who.resident_id) == before


def test_a_ticked_safety_hazard_becomes_a_linked_request(qtbot, services, front_desk, messages):
    who = unique_due(services, front_desk)
    said: list[str] = []
    dialog = show(
        qtbot,
        RecordVisitDialog(
            services.visits, services.residents, front_desk, tell=lambda _p, _t, text: said.append(text)
        ),
        (760, 620),
    )
    pick_by_keyboard(qtbot, dialog, who.name)
    dialog.item_checks[ReportItem.SAFETY].setChecked(True)
    dialog.item_checks[ReportItem.RENTAL].setChecked(True)
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()  # an item needing action needs the findings: they become the request
    assert dialog.boxes["findings"].error.isVisibleTo(dialog)
    ime_type(dialog.findings_edit, "楼道堆放杂物，堵塞消防通道")
    qtbot.keyClick(dialog.findings_edit, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter from the text

    recorded = dialog.recorded
    assert recorded is not None and len(recorded.requests) == 1
    raised = recorded.requests[0]
    request = services.requests.get(front_desk, raised.request_id)
    assert request.number == raised.number
    assert "消防通道" in request.description
    assert request.channel == "grid"  # 网格员上报
    history = services.visits.history(front_desk, who.resident_id)
    assert history[0].request_ids == (raised.request_id,)
    assert len(said) == 1 and raised.number in said[0]
    assert "Safety hazard" in said[0] and "House let out" in said[0]  # the register reminder


# --- a round ---------------------------------------------------------------------------
def test_a_round_is_saved_all_or_nothing_naming_the_bad_row(qtbot, services, front_desk):
    grid_id = next(r.grid_id for r in due_rows(services, front_desk, open_only=True) if r.grid_id)
    said: list[str] = []
    dialog = show(
        qtbot,
        BatchVisitDialog(
            services.visits, front_desk, grid_id=grid_id, tell=lambda _p, _t, text: said.append(text)
        ),
        (1200, 700),
    )
    assert len(dialog.rows) >= 2
    first, second = dialog.rows[0], dialog.rows[1]
    before = len(services.visits.history(front_desk, first.resident_id))
    dialog.set_cell(0, B_FINDINGS, "一切正常")
    assert dialog.ticked() == [0]  # typing the findings ticked the row
    dialog.table.setFocus()
    dialog.table.setCurrentCell(1, 1)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # Space ticks a row
    dialog.set_items(1, (ReportItem.SAFETY,))  # needs findings: row 2 is wrong
    assert dialog.ticked() == [0, 1]
    qtbot.keyClick(dialog.table, Qt.Key.Key_S, CTRL)

    assert dialog.isVisible() and not dialog.recorded
    assert "2" in dialog.message.text() and second.name in dialog.message.text()
    assert dialog.table.item(1, B_FINDINGS).background().color().name() == palette.PALE_RED
    assert len(services.visits.history(front_desk, first.resident_id)) == before  # nothing of the round

    dialog.set_cell(1, B_FINDINGS, "电线老化")
    assert dialog.save_all()
    assert len(services.visits.history(front_desk, first.resident_id)) == before + 1
    assert services.visits.history(front_desk, second.resident_id)[0].request_ids
    assert said and "2" in said[0]


def test_a_row_day_is_read_as_typed():
    default = dt.date(2026, 12, 20)
    assert parse_day("", default) == default
    assert parse_day("2026-12-05", default) == dt.date(2026, 12, 5)
    assert parse_day("12-05", default) == dt.date(2026, 12, 5)
    assert parse_day("5", default) == dt.date(2026, 12, 5)
    with pytest.raises(ValueError):
        parse_day("12-40", default)


# --- the list --------------------------------------------------------------------------
def test_overdue_residents_are_red_and_counted(qtbot, services, front_desk):
    p = page(qtbot, services, front_desk)
    assert p.by_status["overdue"] > 0
    p.status_combo.setCurrentIndex(p.status_combo.findData(Status.OVERDUE.value))
    assert p.model.rowCount() == p.by_status["overdue"]
    row = p.model.row_at(0)
    assert row.status == Status.OVERDUE
    brush = p.model.index(0, C_NAME).data(Qt.ItemDataRole.ForegroundRole)
    assert brush.color().name() == palette.RED
    assert str(p.by_status["overdue"]) in p.count_label.text().replace(",", "")


def test_filters_narrow_the_list_by_grid_and_name(qtbot, services, front_desk):
    p = page(qtbot, services, front_desk)
    everyone = p.model.rowCount()
    p.grid_combo.setCurrentIndex(1)
    grid = p.grid_combo.currentData()
    assert 0 < p.model.rowCount() <= everyone
    assert all(p.model.row_at(r).grid_id == grid for r in range(min(p.model.rowCount(), 50)))
    who = p.model.row_at(0)
    ime_type(p.search_edit, who.name)
    p.apply_filter()
    assert p.model.rowCount() >= 1 and p.model.row_at(0).name == who.name


def test_the_page_follows_a_visit_recorded_elsewhere(qtbot, services, front_desk, hub):
    who = unique_due(services, front_desk, Status.OVERDUE)
    p = page(qtbot, services, front_desk, hub)
    at = row_of(p, who.resident_id)
    p.select_row(at)
    services.visits.record(front_desk, VisitForm(who.resident_id, dt.date.today(), findings="电话回访"))
    qtbot.waitUntil(lambda: p.model.row_at(row_of(p, who.resident_id)).status == Status.DONE)
    assert p.model.row_at(row_of(p, who.resident_id)).last_visitor == front_desk.full_name
    # Done ones go below the open ones: the selection stays where it was, on the next
    # resident still to visit, so working down the list goes on.
    assert p.table.currentIndex().row() == at
    assert p.selected_row() is not None and p.selected_row().status != Status.DONE


# --- permissions -----------------------------------------------------------------------
def test_a_user_who_may_not_record_gets_no_button_and_the_core_refuses(qtbot, services, viewer):
    p = page(qtbot, services, viewer)
    assert not p.record_button.isVisible() and not p.batch_button.isVisible()
    assert not p.rules_button.isVisible()
    p.focus_table()
    qtbot.keyClick(p.table, Qt.Key.Key_N, CTRL)
    assert p.dialogs.current is None
    who = p.model.row_at(0)
    with pytest.raises(PermissionDenied):
        services.visits.record(viewer, VisitForm(who.resident_id, dt.date.today()))


def test_photos_added_to_a_visit_are_kept_with_it(qtbot, services, front_desk, tmp_path):
    from PySide6.QtGui import QColor, QImage

    photo = tmp_path / "楼道.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert image.save(str(photo))
    who = unique_due(services, front_desk)
    dialog = show(
        qtbot,
        RecordVisitDialog(
            services.visits,
            services.residents,
            front_desk,
            resident=(who.resident_id, who.name),
            pick_files=lambda _parent: [str(photo)],
        ),
        (760, 620),
    )
    dialog.photo_button.click()
    assert dialog.photos == [photo] and "楼道.png" in dialog.photos_label.text()
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    assert dialog.recorded is not None
    visit = services.visits.history(front_desk, who.resident_id)[0]
    assert [name for _sha, name in visit.photos] == ["楼道.png"]


def status_texts(p: VisitsPage, open_on: dt.date) -> dict[bool, set[str]]:
    """The status texts shown, split by whether the row's due day is on or after ``open_on``."""
    texts: dict[bool, set[str]] = {True: set(), False: set()}
    for r in range(p.model.rowCount()):
        texts[p.model.row_at(r).due_on >= open_on].add(p.model.index(r, C_STATUS).data())
    return texts


def test_red_for_a_missed_previous_period_says_so_and_a_past_month_says_overdue(qtbot, services, front_desk):
    p = page(qtbot, services, front_desk)
    p.status_combo.setCurrentIndex(p.status_combo.findData(Status.OVERDUE.value))
    today = dt.date.today()
    texts = status_texts(p, today)
    # this month's window is still open: red because the last one went without a visit
    assert texts[True] == {"Previous period missed"}
    assert texts[False] <= {"Overdue visit"}
    p.month_combo.setCurrentIndex(1)  # last month: its due days have passed
    p.status_combo.setCurrentIndex(p.status_combo.findData(Status.OVERDUE.value))
    qtbot.waitUntil(lambda: p.model.rowCount() > 0)
    texts = status_texts(p, today.replace(day=1))
    assert texts[False] == {"Overdue visit"}  # a monthly window of last month
    assert texts[True] <= {"Previous period missed"}  # a quarter still open
