"""Printing: font discovery and per-character fallback, and the 回执 slip PDF.

The PDFs are checked with poppler-utils (``pdffonts``, ``pdftotext``, ``pdfinfo``),
which CI installs together with fonts-wqy-microhei. Rare characters (生僻字) that
WenQuanYi Micro Hei lacks — it has no CJK Extension B at all and only two characters of
Extension A — are printed with a tiny TrueType font built here, so no extra font package
is needed.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.errors import DomainError
from desktop.printing import fonts
from desktop.printing.fonts import FontChain, check_printable, clean_text, load_font
from desktop.printing.slip import SlipData, build_slip, format_when, one_paragraph

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
RARE = "\U00020000\u4dae"  # 𠀀 (Ext-B) and 䶮 (Ext-A): neither is in WenQuanYi Micro Hei
NOWHERE = "\U0002a6d6"  # an Ext-B character no font here has

pytestmark = pytest.mark.skipif(not WQY.exists(), reason="needs fonts-wqy-microhei")
needs_poppler = pytest.mark.skipif(shutil.which("pdffonts") is None, reason="needs poppler-utils")


# --- a minimal TrueType font -----------------------------------------------------------
def _checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}L", data)) & 0xFFFFFFFF


def make_ttf(chars: str, family: str) -> bytes:
    """A valid TrueType font whose only glyph (a square) stands for each of ``chars``,
    with a format 12 cmap so characters outside the BMP work."""
    xs, ys = (100, 100, 900, 900), (-50, 750, 750, -50)
    glyph = struct.pack(">5h", 1, 100, -50, 900, 750) + struct.pack(">HH", 3, 0) + b"\x01" * 4
    glyph += struct.pack(">4h", *(b - a for a, b in zip((0, *xs), xs, strict=False)))
    glyph += struct.pack(">4h", *(b - a for a, b in zip((0, *ys), ys, strict=False)))
    glyph += b"\0" * (-len(glyph) % 4)
    codes = sorted({ord(c) for c in chars})
    groups = b"".join(struct.pack(">3L", c, c, 1) for c in codes)
    names = {1: family, 2: "Regular", 3: family, 4: family, 6: family}
    records, strings = b"", b""
    for name_id, text in names.items():
        data = text.encode("utf-16-be")
        records += struct.pack(">6H", 3, 1, 0x409, name_id, len(data), len(strings))
        strings += data
    os2 = struct.pack(">Hh2H2h10h", 1, 1000, 400, 5, 0, *([0] * 11)) + b"\0" * 10
    os2 += (
        struct.pack(">4L", 0, 0, 0, 0)
        + b"NONE"
        + struct.pack(">3H5h2L", 0x40, 0x20, 0xFFFF, 880, -120, 0, 880, 120, 0, 0)
    )
    tables = {
        "OS/2": os2,
        "cmap": struct.pack(">2H2HL", 0, 1, 3, 10, 12)
        + struct.pack(">2H3L", 12, 0, 16 + len(groups), 0, len(codes))
        + groups,
        "glyf": glyph,
        "head": struct.pack(
            ">4H2L2H2q4h3h", 1, 0, 1, 0, 0, 0x5F0F3CF5, 0, 1000, 0, 0, 0, -50, 1000, 750, 0, 8, 2
        )
        + struct.pack(">2h", 1, 0),  # long loca offsets
        "hhea": struct.pack(">2H3hH11hH", 1, 0, 880, -120, 0, 1000, 0, 0, 900, 1, 0, 0, 0, 0, 0, 0, 0, 2),
        "hmtx": struct.pack(">HhHh", 1000, 0, 1000, 100),
        "loca": struct.pack(">3L", 0, 0, len(glyph)),
        "maxp": struct.pack(">L14H", 0x00010000, 2, 4, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0),
        "name": struct.pack(">3H", 0, len(names), 6 + len(records)) + records + strings,
        "post": struct.pack(">Ll2hL", 0x00030000, 0, -100, 50, 0) + b"\0" * 16,
    }
    head = struct.pack(">L4H", 0x00010000, len(tables), 128, 3, len(tables) * 16 - 128)
    offset, body, directory = 12 + 16 * len(tables), b"", b""
    for tag in sorted(tables):
        data = tables[tag]
        directory += struct.pack(">4s3L", tag.encode(), _checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    font = bytearray(head + directory + body)
    start = offset + body.index(tables["head"])
    font[start + 8 : start + 12] = struct.pack(">L", (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF)
    return bytes(font)


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
    font = load_font(WQY, 0)
    assert font is not None
    return font


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


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pdf_text(path: Path) -> str:
    return "".join(run("pdftotext", "-enc", "UTF-8", str(path), "-").split())


def assert_fonts_embedded(path: Path) -> list[str]:
    rows = run("pdffonts", str(path)).splitlines()[2:]
    assert rows, "no fonts in the PDF"
    for row in rows:
        # name type encoding emb sub uni object-id: emb is the fourth column from the end
        assert row.split()[-5] == "yes", row
    return [row.split()[0] for row in rows]


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
        assert chain.font_for("𠀀") is rare
        assert chain.primary.covers("社")
    finally:
        fonts.forget_fonts()


def test_importing_the_slip_does_not_import_reportlab():
    code = "import desktop.printing, desktop.printing.slip, sys; print('reportlab' in sys.modules)"
    root = Path(__file__).resolve().parents[2]
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
    text = pdf_text(path)
    for expected in [
        "2026-11-000123",
        "王堃喆",
        "138****5678",
        "请妥善保管此回执，凭编号查询办理进度",
        "0533-2345678",
    ]:
        assert expected in text
    for label, when in data.promised:
        assert label + "".join(format_when(when).split()) in text
    assert "2026年11月24日周二17:30" in text
    assert "Pages:           1" in run("pdfinfo", str(path))


@needs_poppler
def test_slip_prints_a_rare_name_with_the_fallback_font(tmp_path, chain):
    path = tmp_path / "slip.pdf"
    build_slip(slip_data(resident_name="王𠀀䶮"), path, chain)
    assert "王𠀀䶮" in pdf_text(path)
    assert sorted(assert_fonts_embedded(path)) == ["AAAAAA+ShequTestRare", "AAAAAA+WenQuanYiMicroHei-0"]


def test_slip_refuses_a_character_no_font_has(tmp_path, chain):
    path = tmp_path / "slip.pdf"
    with pytest.raises(DomainError) as caught:
        build_slip(slip_data(resident_name=f"李{NOWHERE}"), path, chain)
    assert caught.value.params["char"] == NOWHERE
    assert not path.exists()


@needs_poppler
def test_long_texts_stay_on_one_page(tmp_path, chain):
    path = tmp_path / "slip.pdf"
    description = "楼道灯坏了很久，晚上老人上下楼很不方便，\n希望物业尽快维修。" * 200
    build_slip(
        slip_data(
            description=description,
            centre_name="某某市某某区某某街道某某社区党群服务中心（新时代文明实践站）" * 2,
            resident_name="阿卜杜热合曼·买买提" * 3,
            category="城市管理 / 市容环境 / 占道经营",
        ),
        path,
        chain,
    )
    assert "Pages:           1" in run("pdfinfo", str(path))
    text = pdf_text(path)
    assert "诉求内容楼道灯坏了很久" in text and "…" in text
    assert len(text) < 1000


@needs_poppler
def test_slip_masks_a_full_phone_number(tmp_path, chain):
    path = tmp_path / "slip.pdf"
    build_slip(slip_data(phone_masked="13812345678", centre_phone=None, promised=[]), path, chain)
    text = pdf_text(path)
    assert "138****5678" in text and "13812345678" not in text and "咨询电话" not in text


def test_description_lines_are_joined():
    text = "  不方便，\n  希望 尽快\r\n维修 3 号楼\n\nroom 12\n"
    assert one_paragraph(text) == "不方便，希望尽快维修3号楼room 12"


def test_slip_writes_to_a_buffer(chain):
    import io

    buffer = io.BytesIO()
    build_slip(slip_data(), buffer, chain)
    assert buffer.getvalue().startswith(b"%PDF")
