"""The import wizard, the error report view, the merge dialog and the exchange page."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication

from desktop.common.permissions import Permission
from desktop.exchange.export import ListName
from desktop.exchange.fields import Field, Kind
from desktop.residents.service import ResidentFilter, ResidentForm
from tests.desktop.exchange.registers import ZHANG, write_messy_register
from ui.exchange.page import ExchangePage, export_list
from ui.exchange.screens import dialogs, sample_register
from ui.exchange.wizard import FILE, MAPPING, PREVIEW, RESULT, ImportWizard, run_now


def names(services, actor) -> list[str]:
    return [r.name for r in services.residents.page(actor, ResidentFilter(), 0, 100000)]


@pytest.fixture
def wizard(qtbot, services, coordinator, tmp_path):
    saved: list[str] = []

    def save_as(_parent, suggested: str) -> str:
        saved.append(str(tmp_path / suggested))
        return saved[-1]

    w = ImportWizard(
        services.exchange.imports, coordinator, Kind.RESIDENTS, pick_save=save_as, runner=run_now
    )
    w.saved = saved
    qtbot.addWidget(w)
    w.show()
    return w


def test_the_wizard_steps_through_a_messy_register_and_refuses_it_whole(
    wizard, services, coordinator, tmp_path
):
    path = tmp_path / "messy.xlsx"
    bad = write_messy_register(path)
    before = names(services, coordinator)
    assert wizard.stack.currentIndex() == FILE and not wizard.next.isEnabled()
    wizard.load(path)
    assert wizard.next.isEnabled() and not wizard.sheet.isEnabled()  # one sheet
    wizard.go_next()
    assert wizard.stack.currentIndex() == MAPPING
    assert wizard.mapping.mapping()[3] == Field.ID_NUMBER
    assert wizard.mapping.combos[0].currentData() == ""  # 序号: not known, ignored
    wizard.go_next()
    assert wizard.stack.currentIndex() == PREVIEW
    assert "Errors 4" in wizard.preview.counts.text() and "New 3" in wizard.preview.counts.text()
    assert wizard.preview.table.rowCount() == 7 and wizard.preview.save_report.isEnabled()
    wizard.go_next()  # 导入: refused, the error report view
    assert wizard.stack.currentIndex() == RESULT and wizard.imported is None
    view = wizard.report_view
    rows = {view.table.item(r, 0).text() for r in range(view.table.rowCount())}
    assert rows == {f"Row {n}" for n in bad}
    assert names(services, coordinator) == before
    view.save.click()
    report = openpyxl.load_workbook(wizard.saved[-1])["错误报告"]
    assert report.max_row == 5
    # Back, import only the valid rows.
    wizard.go_back()
    assert wizard.stack.currentIndex() == PREVIEW
    wizard.preview.valid_only.setChecked(True)
    wizard.go_next()
    assert wizard.imported is not None and wizard.imported.counts.added == 3
    assert "3 new" in view.summary.text() and "4 rows with errors" in view.summary.text()
    assert set(names(services, coordinator)) - set(before) == {"张三", "李四", "王五"}


def test_a_column_mapped_by_hand_is_remembered(wizard, services, coordinator, tmp_path):
    path = tmp_path / "r.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["住户", "联系电话"])
    book.active.append(["甲乙", "13800138000"])
    book.save(path)
    wizard.load(path)
    wizard.go_next()
    wizard.mapping.choose(0, Field.NAME)
    wizard.go_next()
    assert wizard.stack.currentIndex() == PREVIEW and "New 1" in wizard.preview.counts.text()
    again = services.exchange.imports.open(coordinator, Kind.RESIDENTS, path)
    assert again.mapping == {0: Field.NAME, 1: Field.PHONE}


def test_choosing_a_field_twice_leaves_it_on_the_last_column(wizard, tmp_path):
    path = tmp_path / "r.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "电话", "手机"])
    book.save(path)
    wizard.load(path)
    wizard.go_next()
    wizard.mapping.choose(2, Field.PHONE)
    assert wizard.mapping.mapping() == {0: Field.NAME, 2: Field.PHONE}


def test_update_existing_checks_the_rows_again(wizard, services, coordinator, tmp_path):
    services.residents.save(coordinator, ResidentForm(name=ZHANG[0], id_number=ZHANG[1]))
    path = tmp_path / "r.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "身份证号", "电话"])
    book.active.append([ZHANG[0], ZHANG[1], ZHANG[2]])
    book.save(path)
    wizard.load(path)
    wizard.go_next()
    wizard.go_next()
    assert "Errors 1" in wizard.preview.counts.text()
    wizard.preview.update_existing.setChecked(True)
    assert "Update 1" in wizard.preview.counts.text() and "Errors 0" in wizard.preview.counts.text()


def test_the_wizard_imports_in_the_background_with_a_progress_dialog(qtbot, services, coordinator, tmp_path):
    path = tmp_path / "r.xlsx"
    write_messy_register(path)
    w = ImportWizard(services.exchange.imports, coordinator, Kind.RESIDENTS)
    qtbot.addWidget(w)
    w.load(path)
    w.go_next()
    qtbot.waitUntil(lambda: w.stack.currentIndex() == MAPPING, timeout=10000)
    w.go_next()
    qtbot.waitUntil(lambda: w.stack.currentIndex() == PREVIEW, timeout=10000)
    w.preview.valid_only.setChecked(True)
    w.go_next()
    qtbot.waitUntil(lambda: w.imported is not None, timeout=10000)
    assert w.imported.counts.added == 3 and not w._busy


def test_the_page_shows_what_the_role_may_do(qtbot, services, coordinator, front_desk, admin, tmp_path):
    page = ExchangePage(
        services.exchange, coordinator, pick_save=lambda _p, s: str(tmp_path / s), runner=run_now
    )
    qtbot.addWidget(page)
    assert {"import_residents", "import_volunteers", "template_residents"} <= set(page.buttons)
    assert "merge" not in page.buttons
    page.buttons["template_residents"].click()
    assert (tmp_path / "居民导入模板.xlsx").exists() and "template" in page.status.text()
    page.buttons["export_residents"].click()
    ws = openpyxl.load_workbook(tmp_path / "居民档案.xlsx").active
    assert ws.max_row - 1 == services.residents.count(coordinator, ResidentFilter())
    assert "masked" in page.status.text()
    desk = ExchangePage(services.exchange, front_desk)
    qtbot.addWidget(desk)
    assert not any(k.startswith("import") for k in desk.buttons) and "export_requests" in desk.buttons
    assert not front_desk.can(Permission.IMPORT_REGISTERS)
    full = ExchangePage(services.exchange, admin)
    qtbot.addWidget(full)
    assert "merge" in full.buttons
    dialog = full.open_merge()
    qtbot.addWidget(dialog)
    assert dialog.isVisible()


def test_export_list_takes_the_pages_filter(qtbot, services, admin, tmp_path):
    results = []
    export_list(
        None,  # type: ignore[arg-type]
        services.exchange.exports,
        admin,
        ListName.RESIDENTS,
        ResidentFilter(text="zzzz-no-one"),
        pick_save=lambda _p, s: str(tmp_path / s),
        runner=run_now,
        on_done=results.append,
    )
    assert results[0].rows == 0 and not results[0].masked


def test_the_merge_dialog_merges_the_chosen_pair(qtbot, services, admin):
    keep = services.residents.save(admin, ResidentForm(name="重复甲", phone="13900000001"))
    other = services.residents.save(admin, ResidentForm(name="重复甲", phone="13900000001", address="新址"))
    from ui.exchange.merge_dialog import MergeDialog

    dialog = MergeDialog(services.exchange.merges, admin, ask=lambda *_a: True)
    qtbot.addWidget(dialog)
    pair = next(i for i, s in enumerate(dialog.suggestions) if {s.first.id, s.second.id} == {keep, other})
    dialog.table.selectRow(pair)
    assert dialog.pair is not None and dialog.pair[0].id == keep
    dialog.choices["address"].button(2).setChecked(True)
    dialog.merge()
    assert services.residents.get(admin, keep).address == "新址"
    assert services.residents.get(admin, other).archived
    assert f"No. {other}" in dialog.status.text() and dialog.pair is None


def test_the_screenshot_states_open(qtbot, services, admin):
    for name, make in dialogs(services, admin).items():
        dialog = make(None)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        if name == "exchange_import_errors":
            assert dialog.stack.currentIndex() == RESULT and dialog.report_view.table.rowCount() >= 4
        if name == "exchange_import_preview":
            assert dialog.stack.currentIndex() == PREVIEW


def test_the_sample_register_reads(tmp_path, services, admin):
    source = services.exchange.imports.open(admin, Kind.RESIDENTS, sample_register(tmp_path))
    assert source.table.header_row == 3 and source.unknown_columns == [0, 7]
