"""导出 Excel on the residents and requests lists writes the rows the list shows."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from ui.shell.main_window import MainWindow


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
