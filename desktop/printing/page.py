"""The paper every document of the centre is printed on, and the parts of a page that
are the same in every document: page formats with their margins, the running header of
later pages, the "第 X 页 / 共 Y 页" footer and the blanks of a signature line.

Only plain data lives here, no ReportLab: a document module names its format at module
level (``PAGE = A5``) and still imports cheaply. :mod:`desktop.printing.template` turns
these descriptions into a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

MM = 72 / 25.4  # PDF points per millimetre

CREATOR = "社区服务中心桌面系统"  # the PDF's "creator" field
LANGUAGE = "zh-CN"
PAGE_NUMBER = "第 {page} 页 / 共 {pages} 页"  # the footer of a numbered document
CONTINUED = "（续）"  # after the title in the running header of later pages

# Colours of the printed documents (hex, as ReportLab takes them).
GREY = "#555555"  # labels, rules, the running header's line
DARK_GREY = "#444444"  # labels on the receipt, the head of a long table
LIGHT_GREY = "#888888"  # reversed (cancelled) entries
SHADE = "#eeeeee"  # a summary box
STRIPE = "#f2f2f2"  # every other row of a long table


@dataclass(frozen=True)
class PageFormat:
    """A page size with the margins the house uses for it (in points).

    ``height`` None means a receipt roll: the page is made exactly as tall as its
    content (plus :attr:`slack`), at most :attr:`max_height`.
    """

    name: str
    width: float
    height: float | None
    left: float
    right: float
    top: float
    bottom: float
    max_height: float = 0.0  # a roll only: PDF pages may be at most 200 inches long
    slack: float = 0.0  # a roll only: added to the measured height so rounding never spills

    @property
    def content_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def is_roll(self) -> bool:
        return self.height is None


A4 = PageFormat("A4", 210 * MM, 297 * MM, left=15 * MM, right=15 * MM, top=18 * MM, bottom=16 * MM)
"""A4 portrait; the top margin holds the running header, the bottom one the page number."""

A5 = PageFormat("A5", 148 * MM, 210 * MM, left=12 * MM, right=12 * MM, top=12 * MM, bottom=12 * MM)
"""A5 portrait: half an A4 sheet, for one-page documents a resident takes home."""

ROLL_80 = PageFormat(
    "80 mm roll",
    80 * MM,
    None,
    left=4 * MM,  # an 80 mm receipt printer prints 72 mm
    right=4 * MM,
    top=4 * MM,
    bottom=8 * MM,  # room above the cutter
    max_height=5000 * MM,
    slack=2 * MM,
)
"""An 80 mm thermal receipt roll, as long as the content."""


@dataclass(frozen=True)
class DocumentInfo:
    """Who made the document and what it is: the PDF's title, author and subject fields
    (shown by viewers and in the print queue)."""

    centre_name: str
    title: str  # the kind of document, e.g. "居民诉求受理回执"
    reference: str  # what this one is about: a request number, a volunteer's name …

    @property
    def pdf_title(self) -> str:
        return f"{self.title} {self.reference}"


@dataclass(frozen=True)
class RunningHeader:
    """A line at the top of every page but the first: the centre and the title with
    （续） on the left, ``right`` on the right, a thin rule below."""

    right: str = ""
    size: float = 8


@dataclass(frozen=True)
class PageFooter:
    """ "第 X 页 / 共 Y 页" in the middle of every page's foot, ``left`` and ``right``
    beside it in smaller type."""

    left: str = ""
    right: str = ""
    size: float = 9.5
    side_size: float = 8
    above_edge: float = 8 * MM  # the baseline's distance below the text area


@dataclass(frozen=True)
class Blank:
    """One part of a signature line: a label and the blank after it. A blank with
    ``filled`` text prints that text and no line (the coordinator's name, say)."""

    label: str
    label_width: float
    width: float | None  # None: the rest of the line
    filled: str = ""
