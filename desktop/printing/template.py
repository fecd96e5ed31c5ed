"""The one ReportLab document template every printed document builds on: the 回执 slip,
the 小票 receipt, the 积分明细 statement and the monthly report.

A document module describes *what* it prints (its story of paragraphs and tables); this
module does what all of them share:

* the page: size and margins from :mod:`desktop.printing.page` (A4, A5, the 80 mm roll,
  whose page is measured to be as tall as the content), one frame for the text, an
  optional "keep it on one page" (content scaled down rather than spilling over);
* the header: the centre's name above the document's title on the first page, and a
  running header (centre, title （续）, a text on the right) on later pages;
* the footer "第 X 页 / 共 Y 页", drawn when the number of pages is known (the canvas
  keeps every page until the end);
* the fonts: every paragraph style and every table names a font of the
  :class:`~desktop.printing.fonts.FontChain` (TrueType, embedded) and every text goes
  through the chain's per-character fallback, so no built-in Helvetica is ever used
  and no character prints as an empty box;
* common styles, tables and a signature line;
* the writing: a PDF file appears whole or not at all (written to a temporary file
  beside it, then renamed), and the PDF's metadata (title, author, creator, language).

ReportLab is imported at module level: import this module only when building a PDF.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.printing.fonts import FontChain, PrintFont, default_chain
from desktop.printing.page import (
    CONTINUED,
    CREATOR,
    GREY,
    LANGUAGE,
    MM,
    PAGE_NUMBER,
    Blank,
    DocumentInfo,
    PageFooter,
    PageFormat,
    RunningHeader,
)

Target = str | os.PathLike[str] | BinaryIO


class DocumentTemplate:
    """One document being built on one page format with one font chain.

    ``leading`` is the line height of the document's paragraphs as a multiple of the
    font size (a style may ask for another one).
    """

    def __init__(
        self,
        page: PageFormat,
        info: DocumentInfo,
        chain: FontChain | None = None,
        *,
        leading: float = 1.3,
    ):
        self.page = page
        self.info = info
        self.chain = chain or default_chain()
        self.primary: PrintFont = self.chain.primary
        self.leading = leading
        self.width = page.content_width

    # --- text ----------------------------------------------------------------------------
    def style(self, size: float, *, leading: float | None = None, **kw: Any) -> ParagraphStyle:
        """A paragraph style in the primary font with Chinese line breaking."""
        return ParagraphStyle(
            f"{self.info.title}{size}",
            fontName=self.primary.name,
            fontSize=size,
            leading=size * (leading or self.leading),
            wordWrap="CJK",
            **kw,
        )

    def para(self, text: str, style: ParagraphStyle) -> Paragraph:
        """``text`` (plain, not markup) as a Paragraph, each character in a font that has it."""
        return Paragraph(self.chain.markup(text), style)

    def title_block(self, title: str, *, centre_size: float, title_size: float, gap: float) -> list[Flowable]:
        """The first page's header: the centre's name, ``gap`` below it the title, centred."""
        return [
            self.para(self.info.centre_name, self.style(centre_size, alignment=TA_CENTER)),
            Spacer(0, gap),
            self.para(title, self.style(title_size, leading=1.25, alignment=TA_CENTER)),
        ]

    def draw(self, canvas: Canvas, text: str, size: float, x: float, y: float, align: str = "left") -> None:
        """One line of text straight on the canvas (headers, footers), each character in a
        font that has it. ``align`` is ``left``, ``centre`` or ``right`` of ``x``."""
        runs = self.chain.runs(text)
        widths = [stringWidth(run, font.name, size) for font, run in runs]
        x -= {"left": 0, "centre": sum(widths) / 2, "right": sum(widths)}[align]
        for (font, run), w in zip(runs, widths, strict=True):
            canvas.setFont(font.name, size)
            canvas.drawString(x, y, run)
            x += w

    # --- tables --------------------------------------------------------------------------
    def table(
        self,
        rows: Sequence[Sequence[Any]],
        widths: Sequence[float | None],
        commands: Iterable[tuple] = (),
        *,
        padding: float,
        long: bool = False,
        repeat_rows: int = 0,
        h_align: str | None = None,
    ) -> Table:
        """A table whose cells use the primary font (ReportLab would draw plain-string
        cells in Helvetica, which is not embedded) with ``padding`` left and right;
        ``commands`` are further TableStyle commands. ``long`` makes a LongTable (faster
        for thousands of rows), ``repeat_rows`` repeats the head on every page."""
        kind = LongTable if long else Table
        extra = {"hAlign": h_align} if h_align else {}
        table = kind(rows, colWidths=list(widths), repeatRows=repeat_rows, **extra)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.primary.name),
                    ("LEFTPADDING", (0, 0), (-1, -1), padding),
                    ("RIGHTPADDING", (0, 0), (-1, -1), padding),
                    *commands,
                ]
            )
        )
        return table

    def signature_line(
        self,
        blanks: Sequence[Blank],
        style: ParagraphStyle,
        *,
        padding: float,
        top_padding: float | None = None,
        bottom_padding: float | None = None,
    ) -> Table:
        """Labels with a line to sign or write the date on after each (or a filled-in
        text instead of the line), on one line from the left."""
        cells: list[Any] = []
        widths: list[float | None] = []
        commands: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
        if top_padding is not None:
            commands.append(("TOPPADDING", (0, 0), (-1, -1), top_padding))
        if bottom_padding is not None:
            commands.append(("BOTTOMPADDING", (0, 0), (-1, -1), bottom_padding))
        for blank in blanks:
            cells += [self.para(blank.label, style), self.para(blank.filled, style) if blank.filled else ""]
            widths += [blank.label_width, blank.width]
            if not blank.filled:
                column = len(cells) - 1
                commands.append(("LINEBELOW", (column, 0), (column, 0), 0.7, colors.black))
        return self.table([cells], widths, commands, padding=padding, h_align="LEFT")

    # --- the document --------------------------------------------------------------------
    def build(
        self,
        story: list[Flowable],
        target: Target,
        *,
        one_page: bool = False,
        running_header: RunningHeader | None = None,
        footer: PageFooter | None = None,
    ) -> None:
        """Write the PDF to a path (atomically) or into a binary buffer.

        ``one_page`` scales the content down if it would not fit on one page. A roll
        format makes the page as tall as the content. ``running_header`` is drawn on
        every page but the first, ``footer`` (with the page numbers) on every page.
        """
        page = self.page
        if page.height is None:
            height = min(self._measure(story) + page.slack, page.max_height)
            page_height = height + page.top + page.bottom
        else:
            page_height = page.height
            height = page_height - page.top - page.bottom
        frame = Frame(page.left, page.bottom, self.width, height, 0, 0, 0, 0, id="body")
        if running_header is None:
            templates = [PageTemplate("page", [frame])]
        else:
            on_page = partial(self._running_header, running_header, page_height)
            templates = [
                PageTemplate("first", [frame], autoNextPageTemplate="later"),
                PageTemplate("later", [frame], onPage=lambda canvas, _doc: on_page(canvas)),
            ]
        content = [KeepInFrame(self.width, height, story, mode="shrink")] if one_page else story
        canvasmaker: Callable[..., Canvas] = Canvas
        if footer is not None:
            canvasmaker = partial(NumberedCanvas, on_page=partial(self._footer, footer))

        def write(out: Target) -> None:
            doc = BaseDocTemplate(
                out,
                pagesize=(page.width, page_height),
                leftMargin=page.left,
                rightMargin=page.right,
                topMargin=page.top,
                bottomMargin=page.bottom,
                title=self.info.pdf_title,
                author=self.info.centre_name,
                subject=self.info.title,
                creator=CREATOR,
                lang=LANGUAGE,
                initialFontName=self.primary.name,
                pageTemplates=templates,
            )
            doc.build(content, canvasmaker=canvasmaker)

        write_atomically(target, write)

    def _measure(self, story: Sequence[Flowable]) -> float:
        needed = 0.0
        for flowable in story:
            _w, h = flowable.wrap(self.width, self.page.max_height)
            needed += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        return needed

    def _running_header(self, header: RunningHeader, page_height: float, canvas: Canvas) -> None:
        page = self.page
        canvas.saveState()
        y = page_height - page.top + 4 * MM
        self.draw(canvas, f"{self.info.centre_name}　{self.info.title}{CONTINUED}", header.size, page.left, y)
        self.draw(canvas, header.right, header.size, page.width - page.right, y, "right")
        canvas.setStrokeColor(colors.HexColor(GREY))
        canvas.setLineWidth(0.5)
        canvas.line(page.left, y - 1.5 * MM, page.width - page.right, y - 1.5 * MM)
        canvas.restoreState()

    def _footer(self, footer: PageFooter, canvas: Canvas, number: int, total: int) -> None:
        page = self.page
        canvas.saveState()
        y = page.bottom - footer.above_edge
        self.draw(
            canvas, PAGE_NUMBER.format(page=number, pages=total), footer.size, page.width / 2, y, "centre"
        )
        self.draw(canvas, footer.left, footer.side_size, page.left, y)
        self.draw(canvas, footer.right, footer.side_size, page.width - page.right, y, "right")
        canvas.restoreState()


class NumberedCanvas(Canvas):
    """A canvas that keeps every page until the end, when the number of pages is known,
    and then calls ``on_page(canvas, number, total)`` on each before writing it."""

    def __init__(self, *args: Any, on_page: Callable[[Canvas, int, int], None], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._on_page = on_page
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._on_page(self, number, total)
            super().showPage()
        super().save()


def write_atomically(target: Target, write: Callable[[Target], None]) -> None:
    """Call ``write`` with a binary buffer as it is, or for a path with a temporary file
    in the same folder that replaces the path only once it is complete: a failed or
    interrupted build never leaves a half-written PDF (or an empty one) behind."""
    if hasattr(target, "write"):
        write(target)
        return
    path = Path(os.fspath(target))
    fd, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


__all__ = ["DocumentTemplate", "NumberedCanvas", "write_atomically"]
