"""What the printing tests share: the fonts they need, a tiny TrueType font builder and
poppler-based PDF readers.

The PDFs are checked with poppler-utils (``pdffonts``, ``pdftotext``, ``pdfinfo``), which
CI installs together with fonts-wqy-microhei. Without them the printing tests are skipped
on a developer's machine, but fail under ``CI=true``: a CI machine that lost a package
must not pass by skipping every PDF check.
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


def _requires(present: bool, what: str) -> pytest.MarkDecorator:
    """Skip without ``what`` locally; under CI, run the test so that it fails loudly."""
    return pytest.mark.skipif(not present and not os.environ.get("CI"), reason=f"needs {what}")


needs_wqy = _requires(WQY.exists(), "fonts-wqy-microhei")
needs_poppler = _requires(shutil.which("pdffonts") is not None, "poppler-utils")


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
