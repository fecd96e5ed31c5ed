"""The figures of a period, the 网格走访 section of the monthly report and the printable
走访台账."""

from __future__ import annotations

import datetime as dt

from desktop.visits.ledger import report_section
from desktop.visits.recording import VisitForm
from desktop.visits.rules import Frequency
from tests.pdf_support import assert_fonts_embedded, needs_poppler, needs_wqy, pdf_text


def _month(world):
    a = world.resident("张三", "独居老人")
    b = world.resident("李四", "困难家庭")
    world.resident("王五", "困难家庭", grid="二网格")
    world.visits.save_rule(world.director, "残疾人", Frequency.WEEKLY, False)
    c = world.resident("赵六", "残疾人", grid="二网格")
    world.visits.set_worker_grids(world.director, world.worker.user_id, [world.grids["一网格"]])
    world.visits.record(
        world.worker, VisitForm(a, dt.date(2026, 12, 3), findings="燃气管老化", items=["safety"])
    )
    world.visits.record(world.worker, VisitForm(b, dt.date(2026, 12, 8), method="phone"))  # does not count
    world.visits.record(world.director, VisitForm(c, dt.date(2026, 12, 1), items=["new_pregnancy"]))
    world.visits.record(world.director, VisitForm(c, dt.date(2026, 12, 9)))


def test_due_done_and_overdue_per_grid_and_worker(world):
    _month(world)
    f = world.visits.figures(world.director, dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    # monthly: 3 residents due on the 31st (pending on the 15th); weekly 赵六: weeks due 4, 11, 18, 25 Dec
    assert (f.tally.due, f.tally.done, f.tally.overdue, f.tally.pending) == (7, 3, 0, 4)
    grids = {g.name: g for g in f.by_grid}
    assert (grids["一网格"].tally.due, grids["一网格"].tally.done, grids["一网格"].visits) == (2, 1, 2)
    assert (grids["二网格"].tally.due, grids["二网格"].tally.done) == (5, 2)
    workers = {w.name: w for w in f.by_worker}
    assert len(workers) == 1  # both users are named 测试员: one row per user id
    by_id = {w.user_id: w for w in f.by_worker}
    assert by_id[world.worker.user_id].grids == ("一网格",) and by_id[world.worker.user_id].visits == 2
    assert by_id[world.director.user_id].visits == 2 and by_id[world.director.user_id].tally.due == 0
    items = {i.item: i for i in f.items}
    assert (items["safety"].count, items["safety"].requests) == (1, 1)
    assert (items["new_pregnancy"].count, items["new_pregnancy"].requests) == (1, 0)
    assert f.by_method == {"home": 3, "phone": 1}
    # at the end of the month the ones not seen are overdue
    world.clock.now = dt.datetime(2027, 1, 4, 9, 0)
    f = world.visits.figures(world.director, dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert (f.tally.done, f.tally.overdue, f.tally.pending) == (3, 4, 0)
    section = report_section(f)
    assert section is not None and section.heading == "网格走访"
    assert "应访 7 人次，已访 3 人次，逾期未访 4 人次" in section.paragraphs[0]
    assert "安全隐患 1 件" in section.paragraphs[1]


def test_the_monthly_report_gets_the_visits_section(world, tmp_path):
    _month(world)
    world.clock.now = dt.datetime(2027, 1, 4, 9, 0)
    from desktop.opening import visits_report_section
    from desktop.reports.service import ReportService

    reports = ReportService(
        world.services.db, world.clock, extra_sections=(visits_report_section(world.visits),)
    )
    figures = reports.figures(world.director, "2026-12")
    (section,) = figures.extras
    assert section.sheet == "网格走访" and section.tables[0].rows[0][0] == "一网格"
    workbook = tmp_path / "report.xlsx"
    reports.export_excel(world.director, "2026-12", workbook, figures=figures)
    from openpyxl import load_workbook

    sheet = load_workbook(workbook, read_only=True)["网格走访"]
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "一网格" in cells and 5 in cells  # numbers stay numbers (二网格: 5 due)
    assert "（一）分网格走访情况（单位：人次）" in cells
    empty = reports.figures(world.director, "2025-12")  # before anyone was in the register
    assert empty.extras == ()


@needs_wqy
@needs_poppler
def test_the_report_pdf_prints_the_section(world, tmp_path):
    _month(world)
    from desktop.opening import visits_report_section
    from desktop.reports.service import ReportService

    reports = ReportService(
        world.services.db, world.clock, extra_sections=(visits_report_section(world.visits),)
    )
    path = tmp_path / "report.pdf"
    reports.build_pdf(world.director, "2026-12", path)
    text = pdf_text(path)
    assert "网格走访" in text and "分网格走访情况" in text and "七必报" in text


@needs_wqy
@needs_poppler
def test_the_ledger_pdf_lists_who_was_due_and_seen(world, tmp_path):
    _month(world)
    path = tmp_path / "ledger.pdf"
    data = world.visits.build_ledger_pdf(world.worker, world.grids["一网格"], dt.date(2026, 12, 1), path)
    assert [r.name for r in data.rows] == ["张三", "李四"] or [r.name for r in data.rows] == ["李四", "张三"]
    text = pdf_text(path)
    for expected in (
        "网格走访台账",
        "一网格",
        "2026年12月",
        "张三",
        "12-03入户测试员",
        "12-08电话",
        "网格员签字",
    ):
        assert expected in text, expected
    assert "王五" not in text  # another grid
    assert assert_fonts_embedded(path)
