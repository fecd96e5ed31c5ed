"""The visits job in the main window: its page for who may see visits (and a key to it),
a resident's visits from 居民档案 and the visits due this week on 今日待办 — both offered by
the shell, the residents and requests jobs knowing nothing of visits — the plan's rules,
and the monthly ledger printed in the background into the preview."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from desktop.visits.recording import VisitForm
from desktop.visits.rules import Frequency
from desktop.visits.service import DueFilter
from ui.requests.today_page import TodayPage
from ui.residents.page import ResidentsPage
from ui.shell.main_window import MainWindow
from ui.visits.history_dialog import VisitHistoryDialog
from ui.visits.ledger_page import VisitsPage
from ui.visits.printing import PrintLedgerDialog
from ui.visits.rules_dialog import VisitRulesDialog
from ui.visits.today_panel import WeekVisitsPanel

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def window_for(qtbot, services, actor) -> MainWindow:
    window = MainWindow(services, actor)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


class FakePreview:
    opened: list[FakePreview] = []

    def __init__(self, path, title, parent):
        self.path, self.title = path, title
        FakePreview.opened.append(self)


def test_the_ledger_is_a_page_for_who_sees_visits_with_a_key(qtbot, services, front_desk, coordinator):
    window = window_for(qtbot, services, front_desk)
    assert "visits" in window.page_keys()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_W, CTRL_SHIFT)
    assert isinstance(window.current_page(), VisitsPage)
    assert "Ctrl+Shift+W" in window.navigation.item(window.page_keys().index("visits")).toolTip()

    other = MainWindow(services, coordinator)  # the coordinator does not see visits
    qtbot.addWidget(other)
    assert "visits" not in other.page_keys()
    residents = other.show_page("residents")
    assert isinstance(residents, ResidentsPage) and residents.extra_buttons == []


def test_a_residents_visits_open_from_the_register(qtbot, services, front_desk):
    row = services.visits.due(front_desk, DueFilter(open_only=True)).page(0, 1)[0]
    services.visits.record(front_desk, VisitForm(row.resident_id, dt.date.today(), findings="家中整洁"))
    visits = services.visits.history(front_desk, row.resident_id)
    window = window_for(qtbot, services, front_desk)
    page = window.show_page("residents")
    page.search_edit.setText(row.name)
    page.apply_filter()
    page.select_id(row.resident_id)
    assert page.selected_row().id == row.resident_id
    assert [b.text() for b in page.extra_buttons] == ["Visits"]
    assert "Visits" in [text for text, _slot in page.row_actions()]
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_V, CTRL_SHIFT)
    dialogs = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, VisitHistoryDialog) and w.isVisible()
    ]
    assert len(dialogs) == 1
    history = dialogs[0]
    assert history.resident_id == row.resident_id
    assert history.table.rowCount() == len(visits)  # newest first, selected
    assert "家中整洁" in history.detail.toPlainText()
    history.close()


def test_today_shows_the_visits_due_this_week_and_follows_them(qtbot, services, front_desk):
    window = window_for(qtbot, services, front_desk)
    today = window.current_page()
    assert isinstance(today, TodayPage)
    panels = [p for p in today.extra_panels if isinstance(p, WeekVisitsPanel)]
    assert len(panels) == 1
    panel = panels[0]
    week = panel.week
    assert week is not None and week.overdue > 0
    assert str(week.overdue) in panel.title.text()
    first = panel.model.row_at(0)
    services.visits.record(front_desk, VisitForm(first.resident_id, dt.date.today()))
    qtbot.waitUntil(lambda: panel.week.overdue + panel.week.due_this_week < week.overdue + week.due_this_week)
    # Enter on a row records a visit to that resident.
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert panel.dialogs.current is not None
    assert panel.dialogs.current.resident_id == panel.model.row_at(0).resident_id
    panel.dialogs.close()


def test_the_director_sets_how_often_a_key_group_is_visited(qtbot, services):
    director = services.accounts.login("zhuren", "zhuren123")
    page = VisitsPage(services.visits, services.residents, director)
    qtbot.addWidget(page)
    assert page.can_manage
    dialog = page.edit_rules()
    assert isinstance(dialog, VisitRulesDialog)
    row = next(i for i, r in enumerate(dialog.rules) if r.tag_name == "独居老人")
    combo = dialog.frequency_combos[row]
    combo.setCurrentIndex(combo.findData(Frequency.WEEKLY.value))
    dialog.phone_checks[row].setChecked(True)
    assert dialog.changed() == [("独居老人", "weekly", True)]
    assert dialog.save()
    rule = next(r for r in services.visits.rules(director) if r.tag_name == "独居老人")
    assert rule.frequency == Frequency.WEEKLY and rule.phone_counts


@pytest.mark.slow
def test_the_monthly_ledger_is_built_in_the_background_and_previewed(qtbot, services, front_desk):
    FakePreview.opened = []
    page = VisitsPage(services.visits, services.residents, front_desk, preview_factory=FakePreview)
    qtbot.addWidget(page)
    page.show()
    page.grid_combo.setCurrentIndex(1)
    grid_name = page.grid_combo.currentText()
    dialog = page.print_ledger()
    assert isinstance(dialog, PrintLedgerDialog)
    assert dialog.grid_combo.currentText() == grid_name  # the page's filter proposed
    dialog._submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: len(FakePreview.opened) == 1, timeout=15000)
    preview = FakePreview.opened[0]
    assert preview.path.read_bytes().startswith(b"%PDF")
    assert grid_name in preview.title


def test_printing_needs_a_grid(qtbot, services, front_desk):
    dialog = PrintLedgerDialog(services.visits, front_desk)
    qtbot.addWidget(dialog)
    dialog._submit()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.boxes["grid"].error.text()


def test_the_director_gives_a_worker_grids_and_their_list_follows(qtbot, services):
    director = services.accounts.login("zhuren", "zhuren123")
    desk = services.accounts.login("qiantai", "qiantai123")
    dialog = VisitRulesDialog(services.visits, director)
    qtbot.addWidget(dialog)
    row = next(r for r, w in enumerate(dialog.workers) if w.user_id == desk.user_id)
    grid_id, grid_name = dialog.grids[1]
    dialog.set_grids(row, (grid_id,))
    assert dialog.grid_buttons[row].text() == grid_name
    assert dialog.changed_workers() == [(desk.user_id, (grid_id,))]
    assert dialog.save()
    assert services.visits.my_grids(desk) == [grid_id]
    page = VisitsPage(services.visits, services.residents, director)  # the worker filter now offers them
    qtbot.addWidget(page)
    page.worker_combo.setCurrentIndex(page.worker_combo.findData(desk.user_id))
    assert page.model.rowCount() > 0
    assert {page.model.row_at(r).grid_id for r in range(page.model.rowCount())} == {grid_id}


def test_a_visit_recorded_by_mistake_is_withdrawn_with_a_reason(qtbot, services, front_desk, hub):
    row = services.visits.due(front_desk, DueFilter(open_only=True)).page(0, 1)[0]
    recorded = services.visits.record(front_desk, VisitForm(row.resident_id, dt.date.today()))
    history = VisitHistoryDialog(
        services.visits, services.residents, front_desk, row.resident_id, row.name, hub=hub
    )
    qtbot.addWidget(history)
    history.show()
    assert history.selected().id == recorded.visit_id
    dialog = history.withdraw_selected()
    assert dialog is not None
    dialog._submit()  # no reason: refused under the field, nothing written
    assert dialog.boxes["reason"].error.text() and dialog.result() != QDialog.DialogCode.Accepted
    dialog.reason_edit.setText("记错了居民")
    dialog._submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    current = services.visits.history(front_desk, row.resident_id)
    assert recorded.visit_id not in [v.id for v in current if not v.withdrawn]
    everything = services.visits.history(front_desk, row.resident_id, include_replaced=True)
    assert any(v.id == recorded.visit_id and v.replaced for v in everything)  # kept, marked
    history.replaced_check.setChecked(True)
    assert history.table.rowCount() == len(everything)
