"""Printing: font discovery and per-character fallback, and the 回执 slip PDF.

The PDFs are checked with poppler-utils (``pdffonts``, ``pdftotext``, ``pdfinfo``),
which CI installs together with fonts-wqy-microhei. Rare characters (生僻字) that
WenQuanYi Micro Hei lacks — it has no CJK Extension B at all and only two characters of
Extension A — are printed with a tiny TrueType font built here, so no extra font package
is needed.
"""

from __future__ import annotations

import struct
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.common.errors import DomainError
from desktop.printing import fonts
from desktop.printing.fonts import FontChain, check_printable, clean_text, load_font
from desktop.requests.slip import SlipData, build_slip, format_when, one_paragraph
from tests.pdf_support import (
    NOWHERE,
    RARE,
    assert_fonts_embedded,
    make_ttf,
    needs_poppler,
    needs_wqy,
    page_size,
    pages,
    pdf_info,
    pdf_text,
    wqy_font,
)

pytestmark = needs_wqy


@pytest.fixture(scope="module")
def font_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fonts")
    (folder / "rare.ttf").write_bytes(make_ttf(RARE, "ShequTestRare"))
    (folder / "latin.ttf").write_bytes(make_ttf("ABC 123", "ShequTestLatin"))
    (folder / "cff.otf").write_bytes(b"OTTO" + b"\0" * 200)  # like Noto Sans CJK: CFF outlines
    (folder / "cff.ttc").write_bytes(
        b"ttcf" + struct.pack(">2L", 0x00010000, 1) + struct.pack(">L", 16) + b"OTTO"
    )
    (folder / "broken.ttf").write_bytes(b"\x00\x01\x00\x00" + b"\xff" * 50)
    return folder


@pytest.fixture(scope="module")
def wqy():
    return wqy_font()


@pytest.fixture(scope="module")
def rare(font_dir):
    font = load_font(font_dir / "rare.ttf")
    assert font is not None
    return font


@pytest.fixture(scope="module")
def chain(wqy, rare) -> FontChain:
    return FontChain([wqy, rare])


def slip_data(**changes) -> SlipData:
    values = dict(
        centre_name="滨河街道幸福里社区服务中心",
        request_number="2026-11-000123",
        registered_at=datetime(2026, 11, 21, 9, 42),
        resident_name="王堃喆",
        phone_masked="138****5678",
        channel="窗口来访",
        category="环境卫生",
        description="小区3号楼东侧垃圾桶一周没有清运，气味很大。",
        department="城市管理办公室",
        promised=[
            ("受理时限", datetime(2026, 11, 21, 17, 30)),
            ("答复时限", datetime(2026, 11, 24, 17, 30)),
            ("办结时限", datetime(2026, 12, 5, 17, 30)),
            ("回访时限", date(2026, 12, 12)),
        ],
        centre_phone="0533-2345678",
    )
    values.update(changes)
    return SlipData(**values)


# Everything the slip of slip_data() prints, in reading order, without white space.
SLIP_TEXT = (
    "滨河街道幸福里社区服务中心"
    "居民诉求受理回执"
    "受理编号2026-11-000123"
    "登记时间2026年11月21日周六09:42"
    "居民姓名王堃喆"
    "联系电话138****5678"
    "受理渠道窗口来访"
    "事项类别环境卫生"
    "承办部门城市管理办公室"
    "诉求内容小区3号楼东侧垃圾桶一周没有清运，气味很大。"
    "受理时限2026年11月21日周六17:30"
    "答复时限2026年11月24日周二17:30"
    "办结时限2026年12月5日周六17:30"
    "回访时限2026年12月12日周六"
    "请妥善保管此回执，凭编号查询办理进度"
    "咨询电话：0533-2345678"
)


# --- fonts -----------------------------------------------------------------------------
def test_wenquanyi_micro_hei_lacks_extension_b_and_most_of_extension_a(wqy):
    for char in "龑堃喆昇珺玥旻镕赟":
        assert wqy.covers(char), char
    for char in RARE + NOWHERE + "\u3400\u9fd4":
        assert not wqy.covers(char), char


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux font locations")
def test_default_chain_starts_with_a_chinese_font():
    chain = fonts.default_chain()
    assert chain.primary.covers("社") and chain.primary.covers("1")
    assert chain.font_for("喆") is not None


def test_rare_characters_fall_back_to_the_next_font(chain, wqy, rare):
    assert chain.runs("王𠀀䶮 明") == [(wqy, "王"), (rare, "𠀀䶮"), (wqy, " 明")]
    assert chain.markup("王𠀀<&>") == (
        f'<font name="{wqy.name}">王</font><font name="{rare.name}">𠀀</font>'
        f'<font name="{wqy.name}">&lt;&amp;&gt;</font>'
    )
    check_printable("王𠀀", chain)


def test_a_character_no_font_has_is_named(chain):
    with pytest.raises(DomainError) as caught:
        check_printable(f"张{NOWHERE}", chain)
    assert caught.value.params == {"char": NOWHERE, "code": "2A6D6"}
    assert "U+2A6D6" in str(caught.value) and NOWHERE in str(caught.value)
    assert chain.missing(f"张{NOWHERE}三{NOWHERE}\u3400") == [NOWHERE, "\u3400"]


def test_no_font_at_all():
    with pytest.raises(DomainError, match="No TrueType font"):
        FontChain([]).markup("张")


def test_a_chinese_font_leads_even_if_listed_later(font_dir, wqy, rare):
    latin = load_font(font_dir / "latin.ttf")
    chain = FontChain([latin, rare, wqy])
    assert chain.primary is wqy
    assert chain.runs("AB张") == [(wqy, "AB张")]


def test_invisible_characters_are_dropped(chain, wqy):
    # variation selector after 葛 (an ID-card system's IVS), zero-width space, control
    assert clean_text("葛\U000e0100亮\u200b\x07\r\n") == "葛亮\n"
    assert chain.markup("一\n二") == f'<font name="{wqy.name}">一<br/>二</font>'


def test_cff_and_broken_files_are_skipped(font_dir):
    for name in ("cff.otf", "cff.ttc", "broken.ttf", "missing.ttf"):
        assert load_font(font_dir / name) is None, name


def test_font_dirs_from_the_environment(font_dir, monkeypatch, rare):
    monkeypatch.setenv(fonts.ENV_FONT_DIRS, str(font_dir))
    fonts.forget_fonts()
    try:
        chain = fonts.default_chain()
        # The folder's font joins the chain; 𠀀 prints in it unless a system font (such as
        # fonts-hanazono, where installed) already covers it.
        assert rare in chain.fonts
        assert chain.font_for("𠀀") in {rare, *(f for f in chain.fonts if f.family.startswith("Hana"))}
        assert chain.primary.covers("社")
    finally:
        fonts.forget_fonts()


def test_importing_the_slip_does_not_import_reportlab():
    code = "import desktop.printing, desktop.requests.slip, sys; print('reportlab' in sys.modules)"
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    assert result.stdout.strip() == "False"


# --- the slip --------------------------------------------------------------------------
@needs_poppler
def test_slip_has_everything_with_fonts_embedded(tmp_path, chain):
    path = tmp_path / "slip.pdf"
    data = slip_data()
    build_slip(data, path, chain)
    assert assert_fonts_embedded(path) == ["AAAAAA+WenQuanYiMicroHei-0"]
    assert pdf_text(path) == SLIP_TEXT
    for label, when in data.promised:
        assert label + "".join(format_when(when).split()) in SLIP_TEXT
    assert pages(path) == 1
    assert page_size(path) == pytest.approx((148 * 72 / 25.4, 210 * 72 / 25.4), abs=0.01)  # A5
    assert pdf_info(path, "Title") == "居民诉求受理回执 2026-11-000123"
    assert pdf_info(path, "Author") == "滨河街道幸福里社区服务中心"


@needs_poppler
def test_slip_prints_a_rare_name_with_the_fallback_font(tmp_path, chain):
    path = tmp_path / "slip.pdf"
    build_slip(slip_data(resident_name="王𠀀䶮"), path, chain)
    assert pdf_text(path) == SLIP_TEXT.replace("王堃喆", "王𠀀䶮")
    assert sorted(assert_fonts_embedded(path)) == ["AAAAAA+ShequTestRare", "AAAAAA+WenQuanYiMicroHei-0"]


def test_slip_refuses_a_character_no_font_has(tmp_path, chain):
    path = tmp_path / "slip.pdf"
    with pytest.raises(DomainError) as caught:
        build_slip(slip_data(resident_name=f"李{NOWHERE}"), path, chain)
    assert caught.value.params["char"] == NOWHERE
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left either


@needs_poppler
def test_long_texts_stay_on_one_page(tmp_path, chain):
    path = tmp_path / "slip.pdf"
    sentence = "楼道灯坏了很久，晚上老人上下楼很不方便，\n希望物业尽快维修。"
    centre = "某某市某某区某某街道某某社区党群服务中心（新时代文明实践站）" * 2
    build_slip(
        slip_data(
            description=sentence * 200,
            centre_name=centre,
            resident_name="阿卜杜热合曼·买买提" * 3,
            category="城市管理 / 市容环境 / 占道经营",
        ),
        path,
        chain,
    )
    assert pages(path) == 1
    # Eight lines of description, cut with "…"; everything else printed whole.
    printed = "".join(sentence.split()) * 5 + "楼道灯坏了很久，晚上老人上下…"
    assert pdf_text(path) == (
        SLIP_TEXT.replace("滨河街道幸福里社区服务中心", centre)
        .replace("王堃喆", "阿卜杜热合曼·买买提" * 3)
        .replace("环境卫生", "城市管理/市容环境/占道经营")
        .replace("小区3号楼东侧垃圾桶一周没有清运，气味很大。", printed)
    )


@needs_poppler
def test_slip_masks_a_full_phone_number(tmp_path, chain):
    path = tmp_path / "slip.pdf"
    build_slip(slip_data(phone_masked="13812345678", centre_phone=None, promised=[]), path, chain)
    without = SLIP_TEXT.replace("咨询电话：0533-2345678", "")
    without = without[: without.index("受理时限")] + without[without.index("请妥善保管") :]
    assert pdf_text(path) == without  # masked; no promised dates, no centre phone


@needs_poppler
def test_a_failed_build_keeps_the_earlier_file_whole(tmp_path, chain):
    path = tmp_path / "slip.pdf"
    build_slip(slip_data(), path, chain)
    before = path.read_bytes()
    with pytest.raises(DomainError):
        build_slip(slip_data(resident_name=f"李{NOWHERE}"), path, chain)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["slip.pdf"]
    assert pdf_text(path) == SLIP_TEXT


def test_description_lines_are_joined():
    text = "  不方便，\n  希望 尽快\r\n维修 3 号楼\n\nroom 12\n"
    assert one_paragraph(text) == "不方便，希望尽快维修3号楼room 12"


def test_slip_writes_to_a_buffer(chain):
    import io

    buffer = io.BytesIO()
    build_slip(slip_data(), buffer, chain)
    assert buffer.getvalue().startswith(b"%PDF")
