"""Defects of the love-bank screens found in a first week at the desk, each driven as the
user met it: a squashed 调整积分 dialog, errors that stayed after being fixed, hours as
"2h", an unexplained 星级 beside a monthly ranking, a future year typed into a date."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateTimeEdit, QWidget

import desktop.love_bank.receipt as receipt_module
import desktop.love_bank.statement as statement_module
from desktop.love_bank.service import Basket
from tests.ui.love_bank.support import TODAY, approve_hours, new_volunteers, pick
from tests.ui.support import show
from ui.love_bank import printing
from ui.love_bank.batch_entry import BatchEntryDialog
from ui.love_bank.hours_dialogs import RecordHoursDialog
from ui.love_bank.service_hours_page import ServiceHoursPage
from ui.love_bank.shop_page import SupermarketPage
from ui.love_bank.volunteer_detail import VolunteerDetailDialog
from ui.love_bank.volunteer_dialogs import AdjustDialog
from ui.love_bank.volunteer_model import COL_HOURS, COL_STARS
from ui.love_bank.volunteer_tables import S_NOTE
from ui.love_bank.volunteers_page import R_HOURS, R_POINTS, R_STARS, VolunteersPage
from ui.widgets.i18n import install_translator
from ui.widgets.style import style_sheet


def below(upper: QWidget, lower: QWidget) -> bool:
    """``lower`` starts where ``upper`` ends or further down (both in the same window)."""
    top = lower.mapTo(lower.window(), lower.rect().topLeft()).y()
    bottom = upper.mapTo(upper.window(), upper.rect().bottomLeft()).y()
    return top > bottom


def whole(widget: QWidget) -> bool:
    """The widget has at least the height it asks for (nothing of it is cut off)."""
    wanted = widget.heightForWidth(widget.width()) if widget.hasHeightForWidth() else -1
    return widget.height() >= max(widget.sizeHint().height() if wanted < 0 else wanted, 0)


# --- #5 调整积分 grows for its errors -------------------------------------------------------
@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_adjust_points_grows_for_its_errors_instead_of_squashing_the_inputs(
    qtbot, services, coordinator, scale
):
    bank = services.love_bank
    (vid,) = new_volunteers(services, coordinator, 1)
    bank.adjust(coordinator, vid, 30, "测试积分")
    dialog = AdjustDialog(bank, coordinator, bank.volunteer(coordinator, vid))
    dialog.setStyleSheet(style_sheet())  # the application's look: padding and minimum heights
    font = dialog.font()
    font.setPointSizeF(10.5 * scale)  # 150 %: the same dialog with text half again as large
    dialog.setFont(font)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    inputs = (dialog.points_edit, dialog.reason_edit)
    heights = [field.height() for field in inputs]
    assert all(field.height() >= field.sizeHint().height() for field in inputs)

    dialog.points_edit.setText("-100")
    dialog.reason_edit.setText("重复登记")
    dialog._submit()  # 积分不足: the message above the buttons
    assert dialog.message.isVisible()
    assert dialog.message.text() == "Not enough points: 30 available, 100 needed."
    qtbot.waitUntil(lambda: dialog.height() >= dialog.sizeHint().height(), timeout=1000)
    assert dialog.width() >= dialog.sizeHint().width()
    assert [field.height() for field in inputs] == heights
    assert whole(dialog.message) and below(dialog.reason_edit, dialog.message)

    dialog.points_edit.setText("1.5")
    dialog.reason_edit.setText("")
    dialog._submit()  # an error line under each input
    qtbot.waitUntil(lambda: dialog.height() >= dialog.sizeHint().height(), timeout=1000)
    assert [field.height() for field in inputs] == heights
    for name, field in (("points", dialog.points_edit), ("reason", dialog.reason_edit)):
        error = dialog.boxes[name].error
        assert error.isVisible() and whole(error) and below(field, error), name
    assert below(dialog.boxes["points"].error, dialog.reason_edit)


def test_the_newest_statement_line_is_whole_when_a_volunteer_opens(qtbot, services, coordinator):
    (vid,) = new_volunteers(services, coordinator, 1)
    approve_hours(services, coordinator, vid, days=40)
    dialog = show(qtbot, VolunteerDetailDialog(services.love_bank, coordinator, vid), size=(1000, 600))
    table = dialog.statement_table
    last = table.model().index(table.rowCount() - 1, 0)
    qtbot.waitUntil(lambda: 0 <= table.visualRect(last).bottom() < table.viewport().height(), timeout=1000)


# --- #12 errors go when fixed; the old green line goes with a new action -------------------
def test_a_field_error_goes_as_soon_as_the_field_is_corrected(qtbot, services, coordinator, hub):
    bank = services.love_bank
    (vid,) = new_volunteers(services, coordinator, 1)
    name = bank.volunteer(coordinator, vid).name
    page = show(qtbot, ServiceHoursPage(bank, coordinator, hub=hub))
    dialog = page.record_hours()
    assert isinstance(dialog, RecordHoursDialog)
    qtbot.waitExposed(dialog)
    dialog.hours_edit.setText("abc")
    dialog._submit()
    volunteer_error, hours_error = dialog.boxes["volunteer"].error, dialog.boxes["minutes"].error
    assert volunteer_error.isVisible() and hours_error.isVisible()

    dialog.hours_edit.setFocus()
    dialog.hours_edit.selectAll()
    qtbot.keyClicks(dialog.hours_edit, "2")  # corrected: the error goes at once, no save needed
    assert not hours_error.isVisible() and volunteer_error.isVisible()
    pick(dialog.finder, name, lambda v: v.id == vid)
    assert not volunteer_error.isVisible()
    dialog._submit()
    assert not dialog.isVisible()
    assert page.message_label.isVisible()
    assert page.message_label.text() == "Hours recorded; they now wait for approval."

    again = page.record_hours()  # the next action: the old green line goes
    assert not page.message_label.isVisible()
    again._submit()
    assert again.boxes["volunteer"].error.isVisible() and not page.message_label.isVisible()


def test_batch_entry_errors_go_as_the_rows_are_fixed(qtbot, services, coordinator):
    bank = services.love_bank
    ids = new_volunteers(services, coordinator, 2)
    dialog = show(qtbot, BatchEntryDialog(bank, coordinator), size=(900, 640))
    for vid in ids:
        pick(dialog.finder, bank.volunteer(coordinator, vid).name, lambda row, vid=vid: row.id == vid)
    dialog.set_hours(0, "abc")
    dialog.set_hours(1, "-1")
    assert dialog.save_all() is False
    first, second = (bank.volunteer(coordinator, vid).name for vid in ids)
    assert dialog.message.text() == (
        "Nothing was saved.\n"
        f"Row 1 ({first}): Enter the hours as a number, e.g. 2.5.\n"
        f"Row 2 ({second}): Hours must be more than zero."
    )
    dialog.set_hours(0, "2")
    assert dialog.message.text() == f"Nothing was saved.\nRow 2 ({second}): Hours must be more than zero."
    assert dialog.table.item(0, 2).toolTip() == ""  # no longer marked
    dialog.set_hours(1, "1.5")
    assert not dialog.message.isVisible()


# --- #13 hours in words, with their unit ----------------------------------------------------
@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    assert install_translator(qapp, "zh_CN")
    yield
    install_translator(qapp, "en")


def test_hours_read_in_chinese_with_their_unit(qtbot, services, coordinator, chinese):
    bank = services.love_bank
    (vid,) = new_volunteers(services, coordinator, 1)
    bank.approve(coordinator, [bank.record_service(coordinator, vid, TODAY, 90)])
    bank.approve(coordinator, [bank.record_service(coordinator, vid, TODAY - dt.timedelta(days=1), 120)])
    dialog = show(qtbot, VolunteerDetailDialog(bank, coordinator, vid))
    notes = [dialog.statement_table.item(row, S_NOTE).text() for row in range(2)]
    assert sorted(notes) == sorted([f"{TODAY - dt.timedelta(days=1)} 2 小时", f"{TODAY} 1.5 小时"])
    assert all("h" not in note for note in notes)
    assert dialog.hours_label.text() == "3.5 小时"  # 累计服务时长

    page = show(qtbot, VolunteersPage(bank, services.residents, coordinator))
    row = page.model.find_row(vid, -1)
    assert page.model.index(row, COL_HOURS).data() == "3.5 小时"
    assert page.model.headerData(COL_HOURS, Qt.Orientation.Horizontal) == "累计服务时长"


# --- #14 the 星级 explained, apart from the monthly ranking ----------------------------------
def test_star_levels_are_explained_and_the_ranking_names_its_period(qtbot, services, coordinator):
    (vid,) = new_volunteers(services, coordinator, 1)
    approve_hours(services, coordinator, vid, days=2)
    page = show(qtbot, VolunteersPage(services.love_bank, services.residents, coordinator))
    legend = page.model.headerData(COL_STARS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    for level, hours in (("One star", 100), ("Two stars", 300), ("Five stars", 1500)):
        assert f"{level}: {hours} hours" in legend
    assert "not by the month" in legend

    page.tabs.setCurrentIndex(1)
    header = page.rank_table.horizontalHeaderItem
    assert (header(R_HOURS).text(), header(R_POINTS).text()) == ("Hours this month", "Points this month")
    assert header(R_STARS).text() == "Star level (all hours)" and header(R_STARS).toolTip() == legend
    page.period_combo.setCurrentIndex(1)  # the whole year
    assert (header(R_HOURS).text(), header(R_POINTS).text()) == ("Hours this year", "Points this year")


# --- #17 a future year is said, not refused --------------------------------------------------
def test_a_future_year_typed_into_the_date_is_said_at_once(qtbot, services, coordinator):
    bank = services.love_bank
    dialog = show(qtbot, RecordHoursDialog(bank, coordinator), size=(760, 460))
    edit = dialog.date_edit
    edit.setFocus()
    edit.setSelectedSection(QDateTimeEdit.Section.YearSection)
    qtbot.keyClicks(edit, str(TODAY.year + 1))
    assert edit.date().year() == TODAY.year + 1  # taken, not silently refused
    error = dialog.boxes["served_on"].error
    assert error.isVisible() and error.text() == "Service cannot be recorded for a future date."
    edit.setSelectedSection(QDateTimeEdit.Section.YearSection)
    qtbot.keyClicks(edit, str(TODAY.year))
    assert not error.isVisible()

    batch = show(qtbot, BatchEntryDialog(bank, coordinator), size=(900, 640))
    batch.date_edit.setFocus()
    batch.date_edit.setSelectedSection(QDateTimeEdit.Section.YearSection)
    qtbot.keyClicks(batch.date_edit, str(TODAY.year + 1))
    assert batch.boxes["served_on"].error.isVisible()


# --- never frozen: PDFs are built off the GUI thread ----------------------------------------
def test_statements_and_receipts_are_built_off_the_gui_thread(
    qtbot, services, coordinator, monkeypatch, messages
):
    bank = services.love_bank
    (vid,) = new_volunteers(services, coordinator, 1)
    bank.adjust(coordinator, vid, 100, "测试积分")
    oil = bank.save_item(coordinator, name="测试食用油", price=30, stock=5)
    bank.redeem(coordinator, vid, Basket({oil: 1}), "thread-1")
    built_on: dict[str, int] = {}

    def recorded(name, real):
        def build(*args, **kwargs):
            built_on[name] = threading.get_ident()
            return real(*args, **kwargs)

        return build

    monkeypatch.setattr(
        statement_module, "build_statement", recorded("statement", statement_module.build_statement)
    )
    monkeypatch.setattr(receipt_module, "build_receipt", recorded("receipt", receipt_module.build_receipt))
    previews: list[Path] = []

    def preview(path, _title, _parent):
        previews.append(Path(path))

    detail = show(qtbot, VolunteerDetailDialog(bank, coordinator, vid, preview_factory=preview))
    detail.print_statement()
    shop = show(qtbot, SupermarketPage(bank, coordinator, preview_factory=preview))
    shop.print_receipt(bank.redemptions(coordinator, volunteer_id=vid)[0])
    qtbot.waitUntil(lambda: len(previews) == 2 or bool(messages))
    assert not messages and all(p.read_bytes().startswith(b"%PDF") for p in previews)
    gui = threading.get_ident()
    assert set(built_on) == {"statement", "receipt"}
    assert gui not in built_on.values()


def test_a_pdf_that_cannot_be_written_is_said_plainly(qtbot, services, coordinator, monkeypatch, messages):
    (vid,) = new_volunteers(services, coordinator, 1)

    def full(*_args, **_kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(printing, "write_pdf", full)
    detail = show(qtbot, VolunteerDetailDialog(services.love_bank, coordinator, vid))
    detail.print_statement()
    qtbot.waitUntil(lambda: bool(messages))
    assert messages == ["The PDF could not be written: No space left on device"]
