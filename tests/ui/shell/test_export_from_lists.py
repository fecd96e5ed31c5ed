"""导出 Excel on the lists (residents, requests, volunteers, redemptions, a volunteer's
statement) writes the rows the list shows."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from ui.shell.main_window import MainWindow
from ui.widgets.background import Task


def _export(qtbot, window: MainWindow, key: str, target: Path) -> tuple[list[tuple], int]:
    window.pick_save_file = lambda _parent, _name: str(target)
    window.show()
    page = window.show_page(key)
    assert page.export_button.isVisible()
    page.search_edit.setText("张")
    qtbot.waitUntil(
        lambda: getattr(page.shown_filter(), "text", "") == "张" and page.model.rowCount() > 0, timeout=5000
    )
    shown = page.model.rowCount()
    page.export_button.click()
    qtbot.waitUntil(target.exists, timeout=15000)
    rows = list(load_workbook(target, read_only=True).worksheets[0].iter_rows(values_only=True))
    return rows, shown


def test_the_residents_list_exports_what_it_shows(qtbot, services, front_desk, tmp_path):
    window = MainWindow(services, front_desk)
    qtbot.addWidget(window)
    rows, shown = _export(qtbot, window, "residents", tmp_path / "residents.xlsx")
    assert rows[0][0] and "姓名" in rows[0]
    assert len(rows) - 1 == shown
    page = window.show_page("residents")
    shown_names = sorted(page.model.index(r, 0).data() for r in range(page.model.rowCount()))
    exported = sorted(str(r[rows[0].index("姓名")]) for r in rows[1:])
    assert exported == shown_names


def test_the_requests_list_exports_what_it_shows(qtbot, services, front_desk, tmp_path):
    window = MainWindow(services, front_desk)
    qtbot.addWidget(window)
    rows, shown = _export(qtbot, window, "requests", tmp_path / "requests.xlsx")
    assert len(rows) - 1 == shown


def test_the_volunteers_list_exports_what_it_shows(qtbot, services, coordinator, tmp_path):
    window = MainWindow(services, coordinator)
    qtbot.addWidget(window)
    rows, shown = _export(qtbot, window, "volunteers", tmp_path / "volunteers.xlsx")
    assert len(rows) - 1 == shown


def _workbook(target: Path) -> list[tuple]:
    return list(load_workbook(target, read_only=True).worksheets[0].iter_rows(values_only=True))


def _written(qtbot, parent, target: Path) -> list[tuple]:
    """The workbook once the export's task has ended (the file is there before its audit row)."""
    qtbot.waitUntil(target.exists, timeout=15000)
    qtbot.waitUntil(lambda: not any(task.running for task in parent.findChildren(Task)), timeout=15000)
    return _workbook(target)


def test_ctrl_e_on_the_supermarket_saves_the_redemptions_its_list_shows(
    qtbot, services, coordinator, tmp_path
):
    window = MainWindow(services, coordinator)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # keys work in the active window only
    page = window.show_page("supermarket")
    waiting = tmp_path / "waiting.xlsx"
    window.pick_save_file = lambda _parent, _name: str(waiting)
    page.pending_table.setFocus()
    qtbot.keyClick(page.pending_table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    rows = _written(qtbot, page, waiting)
    assert rows[0][:3] == ("兑换单号", "兑换时间", "志愿者")
    assert sorted(r[0] for r in rows[1:]) == sorted(
        page.pending_table.item(i, 1).text() for i in range(page.pending_table.rowCount())
    )
    assert {r[4] for r in rows[1:]} == {"待核销"}

    page.shown_combo.setCurrentIndex(page.shown_combo.findData(None))  # 全部兑换记录
    everything = tmp_path / "all.xlsx"
    window.pick_save_file = lambda _parent, _name: str(everything)
    qtbot.keyClick(page.pending_table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    rows = _written(qtbot, page, everything)
    assert len(rows) - 1 == page.pending_table.rowCount() > len(_workbook(waiting)) - 1
    assert all("*" in (r[3] or "*") for r in rows[1:])  # phones masked for the coordinator


def test_ctrl_e_on_a_volunteers_page_saves_the_tab_shown(qtbot, services, coordinator, tmp_path):
    from ui.love_bank.volunteer_detail import VolunteerDetailDialog

    window = MainWindow(services, coordinator)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # keys work in the active window only
    volunteer = services.love_bank.volunteers(coordinator, limit=1)[0]
    window.open_volunteer(volunteer.id)
    dialog = window.findChild(VolunteerDetailDialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.export_button.isEnabled()  # the statement tab
    statement = tmp_path / "statement.xlsx"
    window.pick_save_file = lambda _parent, _name: str(statement)
    qtbot.keyClick(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    rows = _written(qtbot, dialog, statement)
    assert rows[0][:4] == ("流水号", "时间", "志愿者", "类型")
    assert len(rows) - 1 == len(dialog.lines) and {r[2] for r in rows[1:]} == {volunteer.name}

    dialog.tabs.setCurrentIndex(1)  # service records: nothing to export there
    assert not dialog.export_button.isEnabled()
    dialog.tabs.setCurrentIndex(2)
    redemptions = tmp_path / "redemptions.xlsx"
    window.pick_save_file = lambda _parent, _name: str(redemptions)
    qtbot.keyClick(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(_written(qtbot, dialog, redemptions)) - 1 == len(dialog.redemption_rows)
    dialog.reject()
