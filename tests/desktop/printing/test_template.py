"""The document template every printed document builds on: page formats, the header and
the running header, "第 X 页 / 共 Y 页", fonts only from the chain, the signature line, and
a file that is written whole or not at all."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.platypus import Flowable, Spacer

from desktop.printing.fonts import FontChain
from desktop.printing.page import A4, A5, MM, ROLL_80, Blank, DocumentInfo, PageFooter, RunningHeader
from desktop.printing.template import DocumentTemplate, write_atomically
from tests.pdf_support import (
    assert_fonts_embedded,
    needs_poppler,
    needs_wqy,
    page_lines,
    page_size,
    page_texts,
    pages,
    pdf_info,
    wqy_font,
)

pytestmark = needs_wqy

INFO = DocumentInfo("幸福社区服务中心", "测试文档", "第一号")


@pytest.fixture(scope="module")
def chain() -> FontChain:
    return FontChain([wqy_font()])


class Explodes(Flowable):
    """Fails while the PDF is being drawn, after ReportLab has started writing."""

    def wrap(self, available_width, available_height):
        return available_width, 10

    def draw(self):
        raise RuntimeError("printer on fire")


def rows(doc: DocumentTemplate, count: int) -> list:
    """A long table of plain-string cells (drawn in the table's font, not as Paragraphs)."""
    body = [[str(n), f"第{n}行", "备注"] for n in range(1, count + 1)]
    return [
        doc.table([["序号", "内容", "备注"], *body], [40, 200, None], padding=3, long=True, repeat_rows=1)
    ]


# --- page formats ------------------------------------------------------------------------
def test_page_formats():
    assert (round(A4.width / MM), round(A4.height / MM)) == (210, 297)
    assert (round(A5.width / MM), round(A5.height / MM)) == (148, 210)
    assert round(ROLL_80.width / MM) == 80 and ROLL_80.is_roll and not A4.is_roll
    assert round(ROLL_80.content_width / MM) == 72  # what an 80 mm receipt printer prints
    assert A4.content_width == pytest.approx(180 * MM)


def test_importing_the_page_formats_does_not_import_reportlab():
    code = "import desktop.printing.page, sys; print('reportlab' in sys.modules)"
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    assert result.stdout.strip() == "False"


# --- the document ------------------------------------------------------------------------
@needs_poppler
def test_numbered_pages_with_a_running_header(tmp_path, chain):
    path = tmp_path / "doc.pdf"
    doc = DocumentTemplate(A4, INFO, chain)
    story = [*doc.title_block("测试文档", centre_size=12, title_size=18, gap=2 * MM), *rows(doc, 100)]
    doc.build(
        story,
        path,
        running_header=RunningHeader(right="右上角"),
        footer=PageFooter(left="左下角", right="右下角"),
    )
    assert assert_fonts_embedded(path) == ["AAAAAA+WenQuanYiMicroHei-0"]  # no Helvetica
    assert pages(path) == 3
    texts = page_texts(path)
    assert texts[0].startswith("幸福社区服务中心测试文档序号内容备注1第1行备注")
    for number, text in enumerate(texts, start=1):
        assert text.endswith(f"左下角第{number}页/共3页右下角"), number
        if number > 1:
            assert text.startswith("幸福社区服务中心测试文档（续）右上角序号内容备注"), number
    assert texts[-1].endswith("100第100行备注左下角第3页/共3页右下角")
    for number, lines in enumerate(page_lines(path), start=1):
        assert f"第 {number} 页 / 共 3 页" in lines, number
    assert pdf_info(path, "Title") == "测试文档 第一号"
    assert pdf_info(path, "Author") == "幸福社区服务中心"
    assert pdf_info(path, "Subject") == "测试文档"
    assert pdf_info(path, "Creator") == "社区服务中心桌面系统"


@needs_poppler
def test_one_page_scales_the_content_down(tmp_path, chain):
    path = tmp_path / "doc.pdf"
    doc = DocumentTemplate(A5, INFO, chain)
    doc.build(rows(doc, 200), path, one_page=True)
    assert pages(path) == 1
    (text,) = page_texts(path)
    assert text.startswith("序号内容备注1第1行备注") and text.endswith("200第200行备注")


@needs_poppler
def test_a_roll_is_as_tall_as_its_content(tmp_path, chain):
    short, long = tmp_path / "short.pdf", tmp_path / "long.pdf"
    doc = DocumentTemplate(ROLL_80, INFO, chain)
    doc.build([Spacer(0, 50 * MM)], short, one_page=True)
    doc.build([Spacer(0, 500 * MM)], long, one_page=True)
    assert (pages(short), pages(long)) == (1, 1)
    width, height = page_size(short)
    assert width == pytest.approx(80 * MM, abs=0.01)
    # content, slack, and the margins above (4 mm) and below (8 mm)
    assert height == pytest.approx((50 + 2 + 4 + 8) * MM, abs=0.01)
    assert page_size(long)[1] == pytest.approx((500 + 2 + 4 + 8) * MM, abs=0.01)


@needs_poppler
def test_signature_line(tmp_path, chain):
    path = tmp_path / "doc.pdf"
    doc = DocumentTemplate(A4, INFO, chain)
    style = doc.style(10.5)
    line = doc.signature_line(
        [Blank("协调员：", 50, 60, filled="张志强"), Blank("签字：", 40, 150), Blank("日期：", 40, None)],
        style,
        padding=3,
    )
    # a line under each blank to write in, none under the filled-in name
    assert [cmd[:3] for cmd in line._linecmds] == [
        ("LINEBELOW", (3, 0), (3, 0)),
        ("LINEBELOW", (5, 0), (5, 0)),
    ]
    doc.build([line], path)
    assert page_texts(path) == ["协调员：张志强签字：日期："]


# --- writing -------------------------------------------------------------------------------
def test_a_failed_build_leaves_no_file(tmp_path, chain):
    path = tmp_path / "doc.pdf"
    doc = DocumentTemplate(A4, INFO, chain)
    with pytest.raises(RuntimeError, match="printer on fire"):
        doc.build([doc.para("第一页", doc.style(10)), Explodes()], path)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_build_keeps_the_earlier_file(tmp_path, chain):
    path = tmp_path / "doc.pdf"
    doc = DocumentTemplate(A4, INFO, chain)
    doc.build([doc.para("第一版", doc.style(10))], path)
    earlier = path.read_bytes()
    with pytest.raises(RuntimeError, match="printer on fire"):
        doc.build([Explodes()], path)
    assert path.read_bytes() == earlier
    assert [p.name for p in tmp_path.iterdir()] == ["doc.pdf"]


def test_write_atomically(tmp_path):
    path = tmp_path / "out.pdf"
    write_atomically(path, lambda out: out.write(b"%PDF-whole"))
    assert path.read_bytes() == b"%PDF-whole"

    def half(out):
        out.write(b"%PDF-half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomically(path, half)
    assert path.read_bytes() == b"%PDF-whole"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]

    buffer = io.BytesIO()
    write_atomically(buffer, lambda out: out.write(b"%PDF-buffer"))
    assert buffer.getvalue() == b"%PDF-buffer"
