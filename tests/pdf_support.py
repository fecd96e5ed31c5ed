"""What the printing tests share: the fonts they need, a tiny TrueType font builder and
poppler-based PDF readers.

The PDFs are checked with poppler-utils (``pdffonts``, ``pdftotext``, ``pdfinfo``), which
CI installs together with fonts-wqy-microhei. Without them the printing tests are skipped
with a reason on a developer's machine, but fail under ``CI=true``: a CI machine that
lost a package must not pass by skipping every PDF check. The marks (:data:`needs_wqy`,
:data:`needs_poppler`) skip at collection; under CI they let the test run, and the
helpers below (:func:`wqy_font`, :func:`run` and the readers built on it) then fail it
with the name of the missing package.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
RARE = "\U00020000\u4dae"  # 𠀀 (Ext-B) and 䶮 (Ext-A): neither is in WenQuanYi Micro Hei
NOWHERE = "\U0002a6d6"  # an Ext-B character no font here has


POPPLER = ("pdffonts", "pdfinfo", "pdftotext")


def on_ci() -> bool:
    """True when the ``CI`` environment variable is set to a true value (``CI=true``)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no", "off")


def has_wqy() -> bool:
    return WQY.exists()


def has_poppler() -> bool:
    return all(shutil.which(tool) for tool in POPPLER)


def _requires(present: bool, package: str) -> pytest.MarkDecorator:
    """Skip without ``package`` locally; under CI, run the test so that it fails loudly."""
    return pytest.mark.skipif(
        not present and not on_ci(), reason=f"needs {package} (apt-get install {package})"
    )


def require(present: bool, package: str) -> None:
    """Inside a test: skip without ``package`` locally, fail under CI."""
    if present:
        return
    message = f"needs {package} (apt-get install {package})"
    if on_ci():
        pytest.fail(f"{message}; CI is set, so the printing tests must run", pytrace=False)
    pytest.skip(message)


needs_wqy = _requires(has_wqy(), "fonts-wqy-microhei")
needs_poppler = _requires(has_poppler(), "poppler-utils")


def wqy_font():
    """WenQuanYi Micro Hei registered for printing (face 0); fails under CI if missing."""
    from desktop.printing.fonts import load_font

    require(has_wqy(), "fonts-wqy-microhei")
    font = load_font(WQY, 0)
    assert font is not None, f"{WQY} could not be loaded"
    return font


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


def run(*command: str) -> str:
    """The output of a poppler tool; skips locally / fails under CI without poppler-utils."""
    require(has_poppler(), "poppler-utils")
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pdf_text(path: Path) -> str:
    """All the text of the PDF without white space."""
    return "".join(run("pdftotext", "-enc", "UTF-8", str(path), "-").split())


def page_texts(path: Path) -> list[str]:
    """The text of each page in reading order (table rows kept together), without white
    space."""
    raw = run("pdftotext", "-layout", "-enc", "UTF-8", str(path), "-")
    return ["".join(page.split()) for page in raw.split("\f")[:-1]]


def page_lines(path: Path) -> list[list[str]]:
    """The lines of each page in the order they were drawn, spaces inside a line kept
    (``pdftotext -raw``)."""
    raw = run("pdftotext", "-raw", "-enc", "UTF-8", str(path), "-")
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in raw.split("\f")[:-1]]


def pdf_info(path: Path, field: str) -> str:
    """One field of ``pdfinfo`` (``Pages``, ``Page size``, ``Title`` …)."""
    for line in run("pdfinfo", str(path)).splitlines():
        name, _colon, value = line.partition(":")
        if name == field:
            return value.strip()
    raise AssertionError(f"pdfinfo shows no {field!r} for {path}")


def pages(path: Path) -> int:
    return int(pdf_info(path, "Pages"))


def page_size(path: Path) -> tuple[float, float]:
    """Width and height of the first page in points."""
    width, _x, height = pdf_info(path, "Page size").split()[:3]
    return float(width), float(height)


def assert_fonts_embedded(path: Path) -> list[str]:
    """Every font of the PDF is embedded (``emb yes``), a subset (``sub yes``) and has a
    ToUnicode map (``uni yes``, so the text can be copied and found); returns the
    fonts' names, in the order ``pdffonts`` lists them."""
    rows = run("pdffonts", str(path)).splitlines()[2:]
    assert rows, "no fonts in the PDF"
    names = []
    for row in rows:
        # name type encoding emb sub uni object-id: emb sub uni are the 5th to 3rd from the end
        columns = row.split()
        assert columns[-5:-2] == ["yes", "yes", "yes"], row
        names.append(columns[0])
    return names
