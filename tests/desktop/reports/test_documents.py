"""The PDF and the Excel workbook of October 2026 (``conftest.py``) show the figures the
query layer computed — checked against the same hand-computed values as
``test_figures.py`` — with embedded fonts, the rare characters of volunteers' names,
masked personal data, and an empty period that prints without failing."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from desktop.common.permissions import SYSTEM
from desktop.printing.fonts import FontChain, load_font
from desktop.reports.narrative import Narrative
from desktop.reports.pdf import build_report
from desktop.reports.service import ReportService
from tests.desktop.reports.conftest import CENTRE
from tests.pdf_support import (
    assert_fonts_embedded,
    make_ttf,
    needs_poppler,
    needs_wqy,
    page_texts,
    pages,
    pdf_info,
    wqy_font,
)

pytestmark = [needs_wqy, needs_poppler, pytest.mark.slow]

NARRATIVE = Narrative("完成国庆期间值班值守。", "个别单位回访满意率偏低。", "加强督办，提高按时办结率。")


@pytest.fixture
def october_pdf(october_sqlite, tmp_path):
    october_sqlite.reports.save_settings(october_sqlite.director, minimum_requests=2, honour_list=1)
    path = tmp_path / "report.pdf"
    figures = october_sqlite.reports.build_pdf(october_sqlite.director, "2026-10", path, narrative=NARRATIVE)
    return path, figures


def test_the_pdf_prints_every_rate_of_the_month(october_pdf):
    path, _figures = october_pdf
    text = "".join(page_texts(path))
    assert f"填报单位：{CENTRE}" in text
    assert "报告期：2026年10月" in text and "制表日期：2026年11月2日" in text
    assert "数据截至2026年11月2日09:00" in text
    # 指标 单位 本期 上期 环比 去年同期 同比
    for row in (
        "受理量件41+300.0%1+300.0%",
        "来访人次人次231+2200.0%1+2200.0%",
        "本期办结件30—0—",
        "办结率%50.0100.0-50.0个百分点0.0+50.0个百分点",
        "及时受理率%60.0100.0-40.0个百分点100.0-40.0个百分点",
        "按时答复率%80.0——0.0+80.0个百分点",
        "按时办结率%60.0————",
        "按时回访率%50.0————",
        "回访率%75.0————",
        "满意率%66.7————",
        "重办率%33.3————",
        "退回率%14.30.0+14.3个百分点0.0+14.3个百分点",
        "催办次10—0—",
        "督办次10—0—",
        "直办件21+100.0%1+100.0%",
        "转办件20—0—",
    ):
        assert row in text, row
    assert "平均用时22.8个工作小时，中位数23.0个工作小时" in text
    # the 30135 table: clock, due, on time, late, overdue, rate
    for row in ("及时受理率532060.0", "按时答复率541080.0", "按时办结率531160.0", "按时回访率421150.0"):
        assert row in text, row
    assert "满意1333.3" in text and "基本满意1333.3" in text and "不满意1333.3" in text
    assert "镇街道及以下合计266.7" in text
    # the ranking: 名次 单位 派单 按时答复 回复 按时办结 满意 重办 用时 得分
    assert "1社区居委会266.7100.033.3100.00.025.580.0" in text
    assert "2区住房和城乡建设局2100.0100.0100.050.0100.017.547.5" in text
    assert "红榜：社区居委会（第1名）" in text and "黑榜：区住房和城乡建设局（第2名）" in text
    assert "需整改单位" in text and "区住房和城乡建设局（满意率50.0%）" in text
    assert "超过办理时限仍未完成的诉求共3件" in text
    assert "125.0" in text and "88.0" in text
    # the love bank, with the rare characters of two names
    assert "1王𠇔" in text and "2刘䶮" in text
    assert "王𠇔—一星" not in text and "二星" not in text
    assert "牙刷10520013" in text and "毛巾301103" in text
    assert "库存不足（不多于5件）的物品：毛巾（3）" in text
    # the narrative, the signature lines and the page numbers
    assert "完成国庆期间值班值守。" in text and "加强督办，提高按时办结率。" in text
    for label in ("单位负责人：", "统计负责人：", "填表人：", "报出日期：", "（单位盖章）"):
        assert label in text
    n = pages(path)
    assert f"第1页/共{n}页" in text and f"第{n}页/共{n}页" in text


def test_the_pdf_embeds_every_font_and_uses_no_helvetica(october_pdf):
    path, _figures = october_pdf
    names = assert_fonts_embedded(path)
    assert not any("Helvetica" in name for name in names)


def test_the_workbook_has_the_same_figures_charts_and_masked_rows(october_sqlite, tmp_path):
    w = october_sqlite
    w.reports.save_settings(w.director, minimum_requests=2, honour_list=1)
    path = tmp_path / "report.xlsx"
    w.reports.export_excel(w.director, "2026-10", path, narrative=NARRATIVE)
    book = openpyxl.load_workbook(path)
    head = {row[0]: row[1:] for row in book["主要指标"].iter_rows(min_row=2, max_row=19, values_only=True)}
    assert head["受理量"] == ("件", 4, 1, 300.0, 1, 300.0)
    assert head["办结率"] == ("%", 50.0, 100.0, -50.0, 0.0, 50.0)
    assert head["及时受理率"][1] == 60.0 and head["按时答复率"][1] == 80.0
    assert head["按时办结率"][1] == 60.0 and head["按时回访率"][1] == 50.0
    assert head["回访率"][1] == 75.0 and head["满意率"][1] == 66.7
    assert head["重办率"][1] == 33.3 and head["退回率"][1] == 14.3
    assert head["按时答复率"][2] is None and head["按时答复率"][4] == 0.0
    clocks = {row[0]: row[1:] for row in book["时限执行"].iter_rows(min_row=2, max_row=5, values_only=True)}
    assert clocks["按时办结率"] == (5, 3, 1, 1, 60.0, None)
    ranking = list(book["考评排名"].iter_rows(min_row=2, max_row=3, values_only=True))
    assert ranking[0][:8] == (1, "社区居委会", 2, 66.7, 100.0, 33.3, 100.0, 0.0)
    assert ranking[0][10] == 80.0 and ranking[1][10] == 47.5 and ranking[1][11] == "满意率"
    for sheet in (
        "渠道分类",
        "热点诉求",
        "时限执行",
        "回访满意度",
        "分级办结",
        "考评排名",
        "月度趋势",
        "爱心银行",
    ):
        assert book[sheet]._charts, sheet
    rows = list(book["诉求明细"].iter_rows(values_only=True))
    assert len(rows) == 1 + 4
    assert {r[3] for r in rows[1:]} == {"138****5678", "139****4321"}
    overdue = list(book["超期清单"].iter_rows(min_row=2, values_only=True))
    assert [r[4] for r in overdue] == ["答复", "办结", "回访"]
    services = list(book["服务明细"].iter_rows(min_row=2, values_only=True))
    assert sorted((r[1], r[4]) for r in services) == [("刘䶮", 1.0), ("刘䶮", 2.0), ("王𠇔", 3.0)]
    assert {r[2] for r in services} == {"137****1111", "137****2222"}
    assert book["文字说明"]["B3"].value == "加强督办，提高按时办结率。"


def test_an_empty_period_prints_a_report_that_says_so(any_db, tmp_path):
    reports = ReportService(any_db.db, now=lambda: dt.datetime(2026, 11, 2, 9, 0))
    figures = reports.figures(SYSTEM, "2026-03")
    assert figures.is_empty
    assert figures.requests.totals.resolution_rate.percent is None
    path = tmp_path / "empty.pdf"
    reports.build_pdf(SYSTEM, "2026-03", path, figures=figures)
    text = "".join(page_texts(path))
    assert "本报告期（2026年3月）内无诉求受理、办理及爱心银行记录" in text
    assert "受理渠道分布：本期无数据" in text
    assert_fonts_embedded(path)
    reports.export_excel(SYSTEM, "2026-03", tmp_path / "empty.xlsx", figures=figures)
    book = openpyxl.load_workbook(tmp_path / "empty.xlsx")
    assert list(book["诉求明细"].iter_rows(values_only=True)) == [
        tuple(book["诉求明细"][1][i].value for i in range(17))
    ]


def test_a_quarter_and_a_year(october_sqlite, tmp_path):
    w = october_sqlite
    quarter = w.reports.figures(w.director, "2026-Q4")
    assert quarter.requests.totals.registered == 4 and quarter.period.label == "2026年第四季度"
    assert quarter.requests.previous.registered == 1  # Q3: R1 in September
    year = w.reports.figures(w.director, "2026")
    assert year.requests.totals.registered == 5 and year.requests.last_year.registered == 1
    w.reports.build_pdf(w.director, "2026", tmp_path / "year.pdf", figures=year)
    assert "社区服务工作统计年报" in "".join(page_texts(tmp_path / "year.pdf"))


def test_rare_characters_print_in_a_fallback_font_where_the_first_font_lacks_them(october_pdf, tmp_path):
    """Only WenQuanYi and a font for 生僻字 (as on a PC without fonts-hanazono): the two
    names print in the second font, and its glyphs are embedded."""
    _path, figures = october_pdf
    (tmp_path / "rare.ttf").write_bytes(make_ttf("𠇔䶮", "ShequRareOnly"))
    rare = load_font(tmp_path / "rare.ttf")
    assert rare is not None
    path = tmp_path / "fallback.pdf"
    build_report(figures, NARRATIVE, path, chain=FontChain([wqy_font(), rare]))
    text = "".join(page_texts(path))
    assert "1王𠇔" in text and "2刘䶮" in text
    names = assert_fonts_embedded(path)
    assert any(name.endswith("+ShequRareOnly") for name in names), names
    assert all("WenQuanYi" in name or "ShequRareOnly" in name for name in names)


def test_the_pdf_is_made_by_the_app_on_the_template(october_pdf):
    path, figures = october_pdf
    assert pdf_info(path, "Title") == "社区服务工作统计月报 2026年10月"
    assert pdf_info(path, "Author") == CENTRE
    assert pdf_info(path, "Creator") == "社区服务中心桌面系统"
    assert figures.period.code == "2026-10"
