"""月度报表: the figures per section, the PDF made off the GUI thread and previewed, the
archive that reprints the same document and says what changed since, the Excel export,
narratives kept per period, and the keyboard."""

from __future__ import annotations

import threading
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.reports import periods
from ui.reports.report_page import ReportPage


class Recorder:
    """Wraps a service method to record the thread it ran on."""

    def __init__(self, monkeypatch, service, name: str):
        self.threads: list[int] = []
        original = getattr(service, name)

        def wrapped(*args, **kwargs):
            self.threads.append(threading.get_ident())
            return original(*args, **kwargs)

        monkeypatch.setattr(service, name, wrapped)


class FakePreview:
    def __init__(self, path: Path, title: str, parent: QWidget | None):
        self.path, self.title, self.printed = Path(path), title, 0
        self.data = self.path.read_bytes()

    def print_document(self) -> bool:
        self.printed += 1
        return True


@pytest.fixture
def previews() -> list[FakePreview]:
    return []


@pytest.fixture
def saved(tmp_path) -> dict[str, Path]:
    return {"xlsx": tmp_path / "月报.xlsx", "pdf": tmp_path / "月报.pdf"}


@pytest.fixture
def make_page(qtbot, services, director, previews, saved):
    def make(actor=None, **kwargs) -> ReportPage:
        def preview(path, title, parent):
            made = FakePreview(path, title, parent)
            previews.append(made)
            return made

        page = ReportPage(
            services,
            actor or director,
            preview_factory=preview,
            pick_save_xlsx=lambda _parent, _name: str(saved["xlsx"]),
            **kwargs,
        )
        qtbot.addWidget(page)
        page.resize(1198, 696)
        page.show()
        qtbot.waitUntil(lambda: page.loaded is not None and not page.reader.busy, timeout=20_000)
        return page

    return make


def wait_loaded(qtbot, page, period) -> None:
    qtbot.waitUntil(
        lambda: page.loaded is not None and page.loaded.period == period and not page.reader.busy,
        timeout=20_000,
    )


def test_the_page_shows_the_last_closed_months_figures(make_page, reports, director):
    page = make_page()
    period = reports.last_closed_period()
    assert page.period() == period and page.loaded.period == period
    expected = reports.figures(director, period)
    assert page.loaded.figures == expected
    headline = page.tabs.tables("headline")[0]
    rows = dict(zip(headline.texts(0), headline.texts(1), strict=True))
    assert rows["Requests registered"] == f"{expected.requests.totals.registered:,}"
    ratio = expected.requests.totals.clock("resolve").rate
    assert rows["Resolved on time"] == f"{100 * ratio.numerator / ratio.denominator:.1f}%"
    assert page.tabs.section_keys() == [
        "headline",
        "channels",
        "deadlines",
        "ranking",
        "overdue",
        "trend",
        "love_bank",
        "orders",
    ]
    ranking = page.tabs.tables("ranking")[1]
    assert ranking.texts(1) == [d.name for d in expected.requests.ranking.rows]


def test_generate_builds_the_pdf_off_the_gui_thread_and_previews_it(
    qtbot, monkeypatch, make_page, reports, previews
):
    building = Recorder(monkeypatch, reports, "build_pdf")
    page = make_page()
    page.set_period(reports.current_period())  # a running month: made, not archived
    wait_loaded(qtbot, page, reports.current_period())
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=30_000)
    assert building.threads and threading.get_ident() not in building.threads
    assert previews[0].data.startswith(b"%PDF")
    assert previews[0].title == f"Report {reports.current_period().label}"
    assert previews[0].printed == 0
    assert page.loaded.archived is None


def test_a_closed_month_is_archived_and_reprints_the_same_document(
    qtbot, monkeypatch, make_page, reports, director, previews, messages
):
    archiving = Recorder(monkeypatch, reports, "archive")
    page = make_page()
    period = reports.last_closed_period()
    assert not page.compare_button.isEnabled()
    page.generate()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=30_000)
    assert archiving.threads and threading.get_ident() not in archiving.threads
    archived = reports.archived(director, period)
    assert archived is not None and page.loaded.archived == archived
    assert "Archived" in page.archive_label.text()
    assert page.compare_button.isEnabled()

    # A late change to how the figures count; the reprint is the archived document.
    reports.save_settings(director, basically_counts=False)
    page.generate()
    qtbot.waitUntil(lambda: len(previews) == 2, timeout=30_000)
    assert previews[1].data == previews[0].data
    assert len(archiving.threads) == 1

    # 与存档比较 names what changed since.
    page.compare_with_archive()
    qtbot.waitUntil(lambda: page.changes_dialog is not None, timeout=20_000)
    dialog = page.changes_dialog
    changed = [c.key for c in reports.changes_since_archive(director, period)]
    assert "satisfaction_rate" in changed
    assert "Satisfaction rate" in dialog.table.texts(0)
    assert len(dialog.table.texts(0)) == len(changed)
    assert "figures differ from the archived report" in dialog.summary.text()
    dialog.close()

    # 重新存档 asks first, then keeps a new one.
    page._ask = lambda *_args: True
    page.archive_anew()
    qtbot.waitUntil(lambda: len(previews) == 3, timeout=30_000)
    assert len(reports.archived_reports(director)) == 2
    assert previews[2].data != previews[0].data
    assert not messages


def test_ctrl_p_prints_and_ctrl_e_exports_the_same_figures(
    qtbot, monkeypatch, make_page, reports, saved, previews
):
    exporting = Recorder(monkeypatch, reports, "export_excel")
    page = make_page()
    page.set_period(reports.current_period())
    wait_loaded(qtbot, page, reports.current_period())
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.period_combo.setFocus()

    qtbot.keyClick(page.period_combo, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.exported_to is not None, timeout=30_000)
    assert exporting.threads and threading.get_ident() not in exporting.threads
    assert page.exported_to == saved["xlsx"] and saved["xlsx"].exists()
    book = openpyxl.load_workbook(saved["xlsx"], read_only=True)
    assert "主要指标" in book.sheetnames
    assert str(saved["xlsx"]) in page.status_label.text()

    page.activateWindow()  # offscreen: the progress dialog took the activation with it
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page.period_combo, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(previews) == 1 and previews[0].printed == 1, timeout=30_000)


def test_narratives_are_kept_per_period(qtbot, make_page, reports, director):
    page = make_page()
    october = reports.last_closed_period()
    earlier = october.previous()
    page.texts.edits["done"].setPlainText("完成了十件实事")
    page.texts.edits["plans"].setPlainText("下月走访独居老人")
    assert page.texts.state_label.text() == "Not saved yet"
    page.set_period(earlier)  # leaving the period keeps its texts
    wait_loaded(qtbot, page, earlier)
    assert reports.narrative(director, october).done == "完成了十件实事"
    assert page.texts.edits["done"].toPlainText() == ""
    page.texts.edits["problems"].setPlainText("回访不及时")
    page.texts.edits["problems"].setFocus()
    qtbot.keyClick(page.texts.edits["problems"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert reports.narrative(director, earlier).problems == "回访不及时"
    assert reports.narrative(director, october).problems == ""

    again = make_page()  # a new page reads them back, per period
    assert again.texts.edits["done"].toPlainText() == "完成了十件实事"
    assert again.texts.edits["plans"].toPlainText() == "下月走访独居老人"
    again.set_period(earlier)
    wait_loaded(qtbot, again, earlier)
    assert again.texts.edits["problems"].toPlainText() == "回访不及时"
    assert again.texts.edits["done"].toPlainText() == ""


def test_a_refresh_keeps_half_typed_texts(qtbot, make_page, reports):
    page = make_page()
    page.texts.edits["done"].setPlainText("写了一半")
    reads = page.reader.reads
    page.reload()
    qtbot.waitUntil(lambda: page.reader.reads > reads, timeout=20_000)
    assert page.texts.edits["done"].toPlainText() == "写了一半"
    assert page.texts.dirty()


def test_a_text_too_long_is_refused_under_the_boxes(qtbot, make_page, reports, director):
    page = make_page()
    page.texts.edits["problems"].setPlainText("很" * 5001)
    assert page.save_texts() is False
    assert page.texts.error_label.isVisibleTo(page)
    assert "At most 5000 characters." in page.texts.error_label.text()
    assert reports.narrative(director, page.period()).problems == ""


def test_the_period_picker_and_generate_are_reached_by_keyboard(qtbot, make_page, previews):
    page = make_page()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.kind_combo.setFocus()
    qtbot.keyClick(page.kind_combo, Qt.Key.Key_Tab)
    assert page.period_combo.hasFocus()
    qtbot.keyClick(page.period_combo, Qt.Key.Key_Tab)
    assert page.generate_button.hasFocus()
    page.focus_default()
    assert page.period_combo.hasFocus()
    qtbot.keyClick(page.period_combo, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # 生成报表(&G)
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=30_000)
    assert previews[0].printed == 0


def test_a_quarter_and_a_year_are_reports_too(qtbot, make_page, reports):
    page = make_page()
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(periods.QUARTER))
    quarter = reports.last_closed_period(periods.QUARTER)
    wait_loaded(qtbot, page, quarter)
    assert page.period() == quarter
    assert page.texts.labels["done"].toolTip() == "Printed as “本季度工作完成情况”"
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(periods.YEAR))
    wait_loaded(qtbot, page, reports.last_closed_period(periods.YEAR))


def test_an_empty_period_says_so(qtbot, make_page):
    page = make_page()
    page.set_period("2015")
    wait_loaded(qtbot, page, periods.year(2015))
    assert page.loaded.figures.is_empty
    assert page.empty_label.isVisible()
    overdue = page.tabs.tables("overdue")[0]
    assert not overdue.isVisibleTo(page) or overdue.rowCount() == 0


def test_the_preview_saves_the_pdf_where_the_user_says(qtbot, services, director, reports, tmp_path):
    target = tmp_path / "十一月报表"  # .pdf is added
    page = ReportPage(services, director, pick_save_pdf=lambda _parent, _name: str(target))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.loaded is not None and not page.reader.busy, timeout=20_000)
    page.set_period(reports.current_period())
    wait_loaded(qtbot, page, reports.current_period())
    page.generate()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=30_000)
    preview = page.preview
    assert preview.save_button.isVisible() and preview.print_button.isDefault()
    saved = preview.save_copy()
    assert saved == target.with_name("十一月报表.pdf")
    assert saved.read_bytes() == preview.path.read_bytes()
    assert str(saved) in preview.info.text()
    preview.close()
