"""The service-order figures of a report, from orders walked through the orders job's
own service (``tests/desktop/orders/support.py``): placed and closed, by stage, money
paid per fund and provider, funds' balances, providers' performance and ratings."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from desktop.orders.states import Stage
from desktop.reports.service import ReportService
from desktop.reports.wording import ORDER_STAGES_ZH
from tests.desktop.orders.support import YUAN, make_world
from tests.pdf_support import needs_poppler, needs_wqy, page_texts

pytestmark = pytest.mark.slow


@pytest.fixture
def december(sqlite_db, make_actor, tmp_path):
    world = make_world(sqlite_db, make_actor, tmp_path / "attachments")
    settled = world.walk(Stage.SETTLED)  # 8,000 元 paid from the 党建 fund to 社工
    checked = world.walk(Stage.TO_CHECK)
    world.walk(Stage.PENDING_REVIEW)
    world.walk(Stage.CANCELLED)
    world.clock.now = dt.datetime(2026, 12, 31, 18, 0)
    return world, settled, checked


def test_order_figures(december):
    world, _settled, _checked = december
    reports = ReportService(world.services.db, now=world.clock)
    o = reports.figures(world.director, "2026-12").orders
    assert (o.totals.placed, o.totals.closed, o.totals.paid) == (4, 2, 8_000 * YUAN)
    assert {r.key: r.count for r in o.by_stage} == {
        "settled": 1,
        "to_check": 1,
        "pending_review": 1,
        "cancelled": 1,
    }
    assert [(r.label, r.paid) for r in o.paid_by_fund] == [("2026年党组织服务群众专项经费", 8_000 * YUAN)]
    assert [(r.label, r.paid) for r in o.paid_by_provider] == [("幸福社会工作服务中心", 8_000 * YUAN)]
    party = next(f for f in o.funds if f.name == "2026年党组织服务群众专项经费")
    assert (party.total, party.paid) == (200_000 * YUAN, 8_000 * YUAN)
    assert party.remaining == party.total - party.committed
    social = next(p for p in o.providers if p.name == "幸福社会工作服务中心")
    assert (social.finished, social.on_time.percent, social.ratings.satisfied, social.paid) == (
        2,
        100.0,
        2,
        8_000 * YUAN,
    )
    assert o.totals.satisfaction.rate.percent == 100.0
    head = {c.key: c for c in o.headline}
    assert head["orders_paid"].value == 8_000.0 and head["orders_placed"].previous == 0


@needs_wqy
@needs_poppler
def test_order_section_in_the_pdf_and_the_workbook(december, tmp_path):
    world, _settled, _checked = december
    reports = ReportService(world.services.db, now=world.clock)
    figures = reports.figures(world.director, "2026-12")
    reports.build_pdf(world.director, "2026-12", tmp_path / "r.pdf", figures=figures)
    text = "".join(page_texts(tmp_path / "r.pdf"))
    assert "居民点单服务" in text and "政府买单金额元8,000.00" in text
    assert "2026年党组织服务群众专项经费18,000.00" in text
    reports.export_excel(world.director, "2026-12", tmp_path / "r.xlsx", figures=figures)
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["居民点单"]
    values = [row for row in sheet.iter_rows(values_only=True) if row and row[0]]
    assert ("政府买单金额", "元", 8000.0, 0, None, 0, None) in [row[:7] for row in values]
    assert any(row[0] == "幸福社会工作服务中心" and row[1] == 1 and row[2] == 8000.0 for row in values)


def test_the_reports_names_of_the_order_stages_are_the_orders_jobs():
    assert list(ORDER_STAGES_ZH) == [s.value for s in Stage]
