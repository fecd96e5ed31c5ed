"""TrueType fonts for printing: finding them, registering them with ReportLab, and
choosing a font for every character.

ReportLab embeds only TrueType outlines (``.ttf``, or one face of a ``.ttc``); it cannot
embed CFF/PostScript outlines (``.otf`` and the CFF ``.ttc`` of Noto Sans CJK / Source
Han Sans) and it silently prints an empty box for a character the font lacks. So:

* :func:`default_chain` finds the TrueType fonts on this PC, in this order —

  1. the known system CJK fonts, which decide the look: on Windows Microsoft YaHei
     (``msyh.ttc``), SimSun (``simsun.ttc``), SimHei (``simhei.ttf``), then SimSun-ExtB /
     SimSun-ExtG for rare characters; on Linux WenQuanYi Micro Hei / Zen Hei
     (Debian ``fonts-wqy-microhei`` / ``fonts-wqy-zenhei``), Droid Sans Fallback, AR PL
     UMing/UKai, HanaMin A/B;
  2. every TrueType font in the folders of the ``SHEQU_FONT_DIRS`` environment variable
     (separated by ``os.pathsep``) and in the project's ``resources/fonts`` folder — the
     place for a font with rare characters (生僻字);
  3. every other TrueType font on the PC, opened only when a character is missing from
     all the fonts above (reading them all takes a while).

  Files that ReportLab cannot embed (CFF outlines, fonts whose licence forbids
  embedding, broken files) are skipped.
* :class:`FontChain` tells, per character, the first font that has a real glyph for it,
  and turns text into ReportLab Paragraph markup with one ``<font name=…>`` run per font.
  A character no font covers raises :class:`~desktop.common.errors.DomainError` naming it.

Fonts are opened and registered once per process (cached by file and face index).
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.platypus import paragraph

from desktop.common import resources
from desktop.common.errors import DomainError
from desktop.common.i18n import N_

log = logging.getLogger(__name__)

ENV_FONT_DIRS = "SHEQU_FONT_DIRS"
PROJECT_FONT_DIR = resources.FONTS

# Known CJK TrueType fonts, best first: (file name in lower case, face index in a .ttc).
KNOWN_FONTS: tuple[tuple[str, int], ...] = (
    ("msyh.ttc", 0),  # Microsoft YaHei (Windows Vista+); face 1 is "YaHei UI"
    ("simsun.ttc", 0),  # SimSun 宋体; face 1 is NSimSun
    ("simhei.ttf", 0),  # SimHei 黑体
    ("wqy-microhei.ttc", 0),  # Debian fonts-wqy-microhei
    ("wqy-zenhei.ttc", 0),  # Debian fonts-wqy-zenhei
    ("droidsansfallbackfull.ttf", 0),  # Debian fonts-droid-fallback
    ("uming.ttc", 0),  # Debian fonts-arphic-uming (part of CJK Ext-B)
    ("ukai.ttc", 0),  # Debian fonts-arphic-ukai
    ("simsunb.ttf", 0),  # SimSun-ExtB (Windows): CJK Extension B
    ("simsunextg.ttf", 0),  # SimSun-ExtG (Windows 11): CJK Extensions G and later
    ("hanamina.ttf", 0),  # Debian fonts-hanazono: Extension A …
    ("hanaminb.ttf", 0),  # … and Extension B
)
FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")
_STYLED = re.compile(r"bold|italic|oblique|light|thin|black|heavy|condensed|mono|math|symbol", re.I)

# Text that every usable primary font must have; otherwise a CJK font is put first.
_CJK_PROBE = "社区服务中心受理回执"

# Dropped before printing: variation selectors (a name from an ID-card system may carry
# an ideographic variation sequence; the base character is printed), zero-width
# characters and the byte-order mark.
_IGNORABLE = re.compile("[\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f\U000e0100-\U000e01ef]")

NO_FONT = N_(
    "No TrueType font for Chinese was found on this computer. Install Microsoft YaHei or SimSun "
    "(Windows) or fonts-wqy-microhei (Linux), or copy a .ttf font into {folder}."
)
MISSING_CHARACTER = N_(
    "No installed font can print the character “{char}” (U+{code}). Install a font that has it "
    "(for example a font for rare characters, 生僻字) or write the text differently."
)


# --- ReportLab fix ---------------------------------------------------------------------
def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """ReportLab's ToUnicode CMap writes ``<20000>`` for U+20000, which is not UTF-16, so
    copying or searching a rare character outside the BMP (CJK Ext-B and later) in the PDF
    fails. Same CMap, with surrogate pairs; printing is not affected either way."""
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{i:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>" for i, code in enumerate(subset)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


ttfonts.makeToUnicodeCMap = _to_unicode_cmap

# ReportLab's CJK line breaking (Paragraph with ``wordWrap="CJK"``) keeps Japanese
# closing punctuation off the start of a line but not the full-width Chinese ones, so a
# line could start with "，". Add them (the character then hangs at the end of the line).
_CHINESE_CANNOT_START = "，。、；：？！）》〉」』】〕”’…—·％"
paragraph.ALL_CANNOT_START += "".join(c for c in _CHINESE_CANNOT_START if c not in paragraph.ALL_CANNOT_START)


# --- one font --------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class PrintFont:
    """A TrueType font registered with ReportLab under :attr:`name`."""

    name: str
    path: Path
    subfont_index: int
    family: str
    ttfont: TTFont = field(repr=False)

    def covers(self, char: str) -> bool:
        """True if the font has a real glyph for ``char`` (not .notdef, not an empty
        outline standing in for a missing character; spaces may be empty)."""
        face = self.ttfont.face
        glyph = face.charToGlyph.get(ord(char), 0)
        if not glyph:
            return False
        if char.isspace():
            return True
        positions = face.glyphPos
        return glyph + 1 < len(positions) and positions[glyph + 1] > positions[glyph]


_lock = threading.RLock()
_loaded: dict[tuple[str, int], PrintFont | None] = {}
_names_used: set[str] = set()


def _sniff_outlines(path: Path, subfont_index: int) -> str | None:
    """Why ReportLab cannot use the file, from its first bytes, or None if it may."""
    try:
        with path.open("rb") as f:
            head = f.read(12 + 4 * (subfont_index + 1))
            tag = head[:4]
            if tag == b"ttcf":
                if len(head) < 16 + 4 * subfont_index:
                    return "truncated collection header"
                offset = int.from_bytes(head[12 + 4 * subfont_index : 16 + 4 * subfont_index], "big")
                f.seek(offset)
                tag = f.read(4)
    except OSError as error:
        return str(error)
    if tag == b"OTTO":
        return "CFF (PostScript) outlines, which ReportLab cannot embed"
    if tag not in (b"\x00\x01\x00\x00", b"true"):
        return f"not a TrueType font (starts with {tag!r})"
    return None


def load_font(path: str | os.PathLike[str], subfont_index: int = 0) -> PrintFont | None:
    """Open and register one TrueType font (once per process), or None if ReportLab
    cannot embed it (CFF outlines, embedding forbidden, broken file, no Unicode cmap)."""
    path = Path(path)
    try:
        key = (str(path.resolve()), subfont_index)
    except OSError:
        key = (str(path), subfont_index)
    with _lock:
        if key in _loaded:
            return _loaded[key]
        font = None
        problem = _sniff_outlines(path, subfont_index)
        if problem is None:
            name = _unique_name(path, subfont_index)
            try:
                ttfont = TTFont(name, str(path), subfontIndex=subfont_index)
            except TTFError as error:  # CFF outlines, embedding forbidden, …
                problem = str(error)
            except Exception as error:  # odd files make ReportLab's parser fail in many ways
                problem = f"{type(error).__name__}: {error}"
            else:
                pdfmetrics.registerFont(ttfont)
                family = ttfont.face.familyName
                family = family.ustr if hasattr(family, "ustr") else str(family)
                font = PrintFont(name, path, subfont_index, family, ttfont)
                _names_used.add(name)
        if problem is not None:
            log.info("font %s (face %d) skipped: %s", path, subfont_index, problem)
        _loaded[key] = font
        return font


def _unique_name(path: Path, subfont_index: int) -> str:
    base = "Shequ-" + re.sub(r"[^A-Za-z0-9_-]+", "_", path.stem) + f"-{subfont_index}"
    name, n = base, 1
    while name in _names_used:
        n += 1
        name = f"{base}-{n}"
    return name


# --- finding fonts ---------------------------------------------------------------------
def system_font_dirs() -> list[Path]:
    """Where the operating system keeps fonts (those that exist)."""
    if sys.platform == "win32":
        dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        if local := os.environ.get("LOCALAPPDATA"):  # fonts installed for one user only
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs = [Path("/System/Library/Fonts"), Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    else:
        data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
        dirs = [
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            data_home / "fonts",
            Path.home() / ".fonts",
        ]
    return [d for d in dirs if d.is_dir()]


def extra_font_dirs() -> list[Path]:
    """The folders of ``SHEQU_FONT_DIRS`` and the project's ``resources/fonts``."""
    entries = [e for e in os.environ.get(ENV_FONT_DIRS, "").split(os.pathsep) if e.strip()]
    return [Path(e).expanduser() for e in entries] + [PROJECT_FONT_DIR]


def font_files(where: Path) -> list[Path]:
    """Font files in a folder and its subfolders (or ``where`` itself if it is a file)."""
    if where.is_file():
        return [where] if where.suffix.lower() in FONT_SUFFIXES else []
    found = []
    for root, _dirs, files in os.walk(where):
        found.extend(Path(root) / f for f in files if f.lower().endswith(FONT_SUFFIXES))
    return sorted(found)


def _faces(path: Path) -> Iterator[PrintFont]:
    font = load_font(path, 0)
    if font is not None:
        yield font


def known_fonts(system_files: Iterable[Path]) -> list[PrintFont]:
    by_name: dict[str, list[Path]] = {}
    for path in system_files:
        by_name.setdefault(path.name.lower(), []).append(path)
    fonts = []
    for file_name, index in KNOWN_FONTS:
        for path in by_name.get(file_name, []):
            font = load_font(path, index)
            if font is not None:
                fonts.append(font)
                break
    return fonts


@cache
def default_chain() -> FontChain:
    """The fonts of this PC, as described in the module docstring (cached; call
    :func:`forget_fonts` after changing ``SHEQU_FONT_DIRS`` or installing a font)."""
    system_files = [p for d in system_font_dirs() for p in font_files(d)]
    fonts = known_fonts(system_files)
    for where in extra_font_dirs():
        if where.exists():
            for path in font_files(where):
                fonts.extend(_faces(path))

    def others() -> Iterator[PrintFont]:
        # Plain faces before bold, italic, monospaced … ones: a fallback character should
        # not stand out.
        for path in sorted(system_files, key=lambda p: (bool(_STYLED.search(p.stem)), str(p))):
            yield from _faces(path)

    return FontChain(fonts, more=others)


def forget_fonts() -> None:
    """Look for fonts again next time (fonts already opened stay registered)."""
    default_chain.cache_clear()


# --- choosing a font per character -----------------------------------------------------
class FontChain:
    """A primary font and fallbacks; every character is printed in the first font that
    covers it. ``more`` yields further fonts, asked for only when a character is missing
    from all fonts so far."""

    def __init__(self, fonts: Iterable[PrintFont], more: Callable[[], Iterable[PrintFont]] | None = None):
        fonts = list(dict.fromkeys(fonts))  # each font once, first place kept
        # A font without Chinese (a Latin font from SHEQU_FONT_DIRS, say) must not lead.
        cjk = [f for f in fonts if all(f.covers(c) for c in _CJK_PROBE)]
        if cjk and fonts[0] is not cjk[0]:
            fonts.remove(cjk[0])
            fonts.insert(0, cjk[0])
        self._fonts = fonts
        self._more: Iterator[PrintFont] | None = iter(more()) if more is not None else None
        self._choice: dict[str, PrintFont | None] = {}
        self._lock = threading.RLock()

    @property
    def fonts(self) -> tuple[PrintFont, ...]:
        return tuple(self._fonts)

    @property
    def primary(self) -> PrintFont:
        """The first font; DomainError if there is no font at all."""
        with self._lock:
            if not self._fonts:
                self._take_more(lambda font: True)
            if not self._fonts:
                raise DomainError(NO_FONT, folder=str(PROJECT_FONT_DIR))
            return self._fonts[0]

    def _take_more(self, wanted: Callable[[PrintFont], bool]) -> PrintFont | None:
        while self._more is not None:
            font = next(self._more, None)
            if font is None:
                self._more = None
                break
            if font not in self._fonts:
                self._fonts.append(font)
                if wanted(font):
                    return font
        return None

    def font_for(self, char: str) -> PrintFont | None:
        """The first font with a glyph for ``char``, or None."""
        with self._lock:
            if char in self._choice:
                return self._choice[char]
            font = next((f for f in self._fonts if f.covers(char)), None)
            if font is None:
                font = self._take_more(lambda f: f.covers(char))
            if font is not None or self._more is None:
                self._choice[char] = font
            return font

    def missing(self, text: str) -> list[str]:
        """The characters of ``text`` that no font covers, each once, in order."""
        seen: dict[str, None] = {}
        for char in clean_text(text):
            if char not in seen and not char.isspace() and self.font_for(char) is None:
                seen[char] = None
        return list(seen)

    def check(self, text: str) -> None:
        """Raise DomainError naming the first character that no font covers."""
        self.runs(text)

    def runs(self, text: str) -> list[tuple[PrintFont, str]]:
        """``text`` cut into runs of one font each. Whitespace stays in the run around
        it when that font has it; a space no font has becomes an ordinary space."""
        primary = self.primary
        runs: list[tuple[PrintFont, list[str]]] = []
        for char in clean_text(text):
            if char in "\n\t":  # line break and tab: markup, not glyphs
                font = runs[-1][0] if runs else primary
            elif char.isspace():
                if runs and runs[-1][0].covers(char):
                    font = runs[-1][0]
                else:
                    font = self.font_for(char)
                    if font is None:
                        char, font = " ", primary
            else:
                font = self.font_for(char)
                if font is None:
                    raise missing_character_error(char)
            if runs and runs[-1][0] is font:
                runs[-1][1].append(char)
            else:
                runs.append((font, [char]))
        return [(font, "".join(chars)) for font, chars in runs]

    def markup(self, text: str) -> str:
        """Paragraph markup for plain ``text``: escaped, one ``<font>`` per run, line
        breaks as ``<br/>``. Raises DomainError for a character no font covers."""
        parts = []
        for font, run in self.runs(text):
            body = escape(run).replace("\n", "<br/>").replace("\t", " ")
            parts.append(f'<font name="{font.name}">{body}</font>')
        return "".join(parts)


def clean_text(text: str) -> str:
    """``text`` without invisible characters that would print as boxes: variation
    selectors, zero-width characters, control characters other than line breaks and tabs
    (``\\r\\n`` and ``\\r`` become ``\\n``)."""
    text = _IGNORABLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")


def missing_character_error(char: str) -> DomainError:
    return DomainError(MISSING_CHARACTER, char=char, code=f"{ord(char):04X}")


def check_printable(text: str, chain: FontChain | None = None) -> None:
    """Raise DomainError if some character of ``text`` cannot be printed with the fonts
    of this PC (e.g. check a resident's name before printing a slip)."""
    (chain or default_chain()).check(text)
