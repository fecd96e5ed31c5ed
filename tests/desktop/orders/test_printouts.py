"""The orders job's printouts: the 服务工单, the 服务确认单, the 驳回通知 and the monthly
政府购买服务明细 — built on the one document template with the fonts of this PC, every
font embedded, the right words on the page, "第 X 页 / 共 Y 页" on a document of several
pages, and the notice on A5."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.common.errors import DomainError
from desktop.orders.confirmation_pdf import build_confirmation
from desktop.orders.purchase_statement_pdf import build_purchase_statement
from desktop.orders.rejection_notice_pdf import build_rejection_notice
from desktop.orders.states import Stage
from desktop.orders.work_order_pdf import build_work_order
from tests.desktop.orders.support import YUAN, SessionForm, World
from tests.pdf_support import (
    assert_fonts_embedded,
    needs_poppler,
    needs_wqy,
    page_size,
    page_texts,
    pages,
    pdf_info,
    pdf_text,
)

pytestmark = [needs_wqy, needs_poppler]

CENTRE = "滨河街道幸福里社区服务中心"
PRINTED = dt.datetime(2026, 12, 20, 9, 30)
A4 = (595.3, 841.9)
A5 = (419.5, 595.3)


def _size_is(path: Path, expected: tuple[float, float]) -> None:
    width, height = page_size(path)
    assert abs(width - expected[0]) < 1 and abs(height - expected[1]) < 1


def test_work_order_names_the_order_its_targets_money_and_provider(sqlite_world: World, tmp_path):
    w = sqlite_world
    order = w.walk(Stage.IN_PROGRESS)
    detail = w.orders.order(w.director, order)
    provider = w.orders.provider(w.director, detail.provider_id)
    path = tmp_path / "work.pdf"
    build_work_order(detail, CENTRE, path, operator="李秀英", provider=provider, printed_at=PRINTED)

    assert_fonts_embedded(path)
    _size_is(path, A4)
    text = pdf_text(path)
    for expected in (
        CENTRE,
        "服务工单",
        detail.number,
        "张大爷",
        "上门理发",
        "为辖区独居老人上门理发",
        "20人",  # planned people
        "独居老人",
        "2026年党组织服务群众专项经费",
        "10,000.00元",  # the budget
        "8,000.00元",  # the contract
        "幸福社会工作服务中心",
        "王站长",
        "138****5678",  # the provider's phone, masked
        "派单人",
        "李秀英",
        "接单人（服务主体）签字",
        "第1页/共1页",
    ):
        assert expected in text, expected
    assert "13812345678" not in text
    assert pdf_info(path, "Title") == f"服务工单 {detail.number}"
    assert pdf_info(path, "Author") == CENTRE
    assert pdf_info(path, "Creator") == "社区服务中心桌面系统"


def test_work_order_before_acceptance_names_the_candidates(sqlite_world: World, tmp_path):
    w = sqlite_world
    order = w.walk(Stage.TO_ACCEPT)
    path = tmp_path / "offered.pdf"
    build_work_order(w.orders.order(w.director, order), CENTRE, path, printed_at=PRINTED)
    text = pdf_text(path)
    assert "候选服务主体" in text and "幸福社会工作服务中心" in text and "接单截止" in text


def test_confirmation_lists_the_sessions_and_ticks_the_rating(sqlite_world: World, tmp_path):
    w = sqlite_world
    order = w.walk(Stage.TO_CHECK)
    detail = w.orders.order(w.director, order)
    path = tmp_path / "confirm.pdf"
    build_confirmation(detail, CENTRE, path, operator="李秀英", printed_at=PRINTED)

    assert_fonts_embedded(path)
    _size_is(path, A4)
    text = pdf_text(path)
    for expected in (
        "服务确认单",
        detail.number,
        "张大爷",
        "幸福社会工作服务中心",
        "服务记录",
        "实际服务人数",
        "25人",  # 20 + 5 served
        "满意",
        "基本满意",
        "不满意",
        "理发师很耐心",  # the resident's comment
        "服务对象（或家属）签字",
        "社区经办人",
    ):
        assert expected in text, expected


def test_confirmation_of_many_sessions_numbers_its_pages(sqlite_world: World, tmp_path):
    w = sqlite_world
    order = w.walk(Stage.IN_PROGRESS)
    for n in range(60):
        content = f"第{n + 1}次上门理发，服务内容记录较长，包括理发、修面和清洁整理。"
        form = SessionForm(held_on=w.clock.now.date(), people=1, reporter="王站长", content=content)
        w.orders.report_session(w.desk, order, form)
    path = tmp_path / "long.pdf"
    build_confirmation(w.orders.order(w.director, order), CENTRE, path, printed_at=PRINTED)
    assert_fonts_embedded(path)
    n = pages(path)
    assert n >= 2
    texts = page_texts(path)
    for number, page in enumerate(texts, start=1):
        assert f"第{number}页/共{n}页" in page
    assert "服务确认单（续）" in texts[1]  # the running header of later pages


def test_rejection_notice_is_one_a5_page_with_the_reason(sqlite_world: World, tmp_path):
    w = sqlite_world
    order = w.walk(Stage.REJECTED)
    detail = w.orders.order(w.director, order)
    path = tmp_path / "notice.pdf"
    build_rejection_notice(detail, CENTRE, path, centre_phone="0533-2345678", printed_at=PRINTED)

    assert_fonts_embedded(path)
    assert pages(path) == 1
    _size_is(path, A5)
    text = pdf_text(path)
    for expected in ("服务点单驳回通知", detail.number, "张大爷居民", "不在服务范围", "0533-2345678", "盖章"):
        assert expected in text, expected


def test_only_a_rejected_order_has_a_rejection_notice(sqlite_world: World, tmp_path):
    w = sqlite_world
    detail = w.orders.order(w.director, w.walk(Stage.TO_DRAFT))
    with pytest.raises(DomainError):
        build_rejection_notice(detail, CENTRE, tmp_path / "no.pdf")
    assert not (tmp_path / "no.pdf").exists()


def test_purchase_statement_sums_by_fund_and_provider_with_signature_lines(sqlite_world: World, tmp_path):
    w = sqlite_world
    settled = w.walk(Stage.SETTLED)
    paying = w.walk(Stage.TO_PAY)
    w.orders.pay(
        w.director,
        paying,
        w.payment(
            w.funds["党建"],
            "advance",
            3_000 * YUAN,
            "V-ADV-1",
            deduction=500 * YUAN,
            deduction_reason="少服务一场",
        ),
    )
    day = w.clock.now.date()
    statement = w.orders.purchase_statement(w.director, day.year, day.month)
    path = tmp_path / "statement.pdf"
    build_purchase_statement(statement, path, centre_name=CENTRE, operator="刘桂兰", printed_at=PRINTED)

    assert_fonts_embedded(path)
    _size_is(path, A4)
    text = pdf_text(path)
    numbers = {w.orders.order(w.director, o).number for o in (settled, paying)}
    for expected in (
        "政府购买服务明细",
        f"{day.year}年{day.month}月",
        "按资金来源汇总",
        "2026年党组织服务群众专项经费",
        "幸福社会工作服务中心",
        f"V-{settled}-F",
        "V-ADV-1",
        "尾款",
        "预付",
        "少服务一场",
        "11,000.00",  # 8,000 + 3,000 paid
        "500.00",
        "经办人",
        "刘桂兰",
        "审核人",
        "负责人",
        *numbers,
    ):
        assert expected in text, expected


def test_a_long_purchase_statement_repeats_its_heads_and_numbers_every_page(sqlite_world: World, tmp_path):
    w = sqlite_world
    for n in range(12):
        order = w.walk(Stage.TO_PAY, budget=2_000 * YUAN, contract=1_500 * YUAN)
        for k in range(4):
            w.orders.pay(w.director, order, w.payment(w.funds["党建"], "interim", 100 * YUAN, f"V-{n}-{k}"))
    day = w.clock.now.date()
    path = tmp_path / "long.pdf"
    build_purchase_statement(
        w.orders.purchase_statement(w.director, day.year, day.month), path, printed_at=PRINTED
    )
    assert_fonts_embedded(path)
    n = pages(path)
    assert n >= 2
    for number, page in enumerate(page_texts(path), start=1):
        assert f"第{number}页/共{n}页" in page
        assert "凭证号" in page or number == 1  # the detail's heads on every page it runs over


def test_an_empty_month_still_prints(sqlite_world: World, tmp_path):
    w = sqlite_world
    path = tmp_path / "empty.pdf"
    build_purchase_statement(w.orders.purchase_statement(w.director, 2020, 1), path, printed_at=PRINTED)
    assert "本月无付款" in pdf_text(path)
