"""Preview a PDF (slip, receipt, statement, report) in the app and print it.

The PDF on screen is the one that prints: pages are rendered from the same file at the
printer's resolution, so what the resident takes home matches what was previewed.
Screens do not open this dialog themselves: :mod:`ui.widgets.pdf_files` writes the
temporary PDF and opens the preview (importing this module, and Qt PDF, only then).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.widgets.i18n import Translator

_ = Translator("preview")


ChoosePrinter = Callable[[QPrinter, QWidget], bool]
"""Lets the user pick the printer and copies; False when they cancelled (tests fake it)."""


def ask_printer(printer: QPrinter, parent: QWidget) -> bool:
    """Qt's print dialog."""
    return QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted


class PdfPreviewDialog(QDialog):
    """Shows a PDF; 打印 (the default button: Enter, or Ctrl+P) goes straight to the print
    dialog and the preview closes once the document went to the printer; Esc closes.

    The footer names the document by ``title`` (回执 2026-11-000123), never by its
    temporary file name.
    """

    def __init__(
        self,
        path: Path,
        title: str,
        parent: QWidget | None = None,
        *,
        choose_printer: ChoosePrinter = ask_printer,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 700)
        self.path = Path(path)
        self._choose_printer = choose_printer
        self.document = QPdfDocument(self)
        self.document.load(str(self.path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.info = QLabel(_("{n} page(s) — {title}", n=self.document.pageCount(), title=title))
        self.info.setObjectName("hint")
        self.print_button = QPushButton(_("Print…"))
        self.print_button.setObjectName("primary")
        self.print_button.setToolTip(_("Print (Enter or Ctrl+P); Esc closes"))
        self.print_button.clicked.connect(self.print_document)
        close = QPushButton(_("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_document)
        row = QHBoxLayout()
        row.addWidget(self.info, 1)
        row.addWidget(self.print_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.print_button.setDefault(True)
        self.print_button.setFocus()

    def print_document(self) -> bool:
        """Ask for the printer, print, close the preview; False when the user cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self._choose_printer(printer, self):
            return False
        print_pdf(self.document, printer)
        self.accept()
        return True


def print_pdf(document: QPdfDocument, printer: QPrinter) -> None:
    """Render every page at the printer's resolution, scaled to fit its page."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        target = printer.pageRect(QPrinter.Unit.DevicePixel)
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            scale = min(target.width() / points.width(), target.height() / points.height())
            size = QSize(int(points.width() * scale), int(points.height() * scale))
            image = document.render(index, size)
            painter.drawImage(QPointF(0, 0), image)
    finally:
        painter.end()


def first_page_image(path: Path, width: int = 600):
    """The first page as an image (for screenshots and tests)."""
    document = QPdfDocument()
    document.load(str(path))
    points = document.pagePointSize(0)
    height = int(points.height() * width / points.width())
    return document.render(0, QSize(width, height))


__all__ = ["ChoosePrinter", "PdfPreviewDialog", "ask_printer", "first_page_image", "print_pdf"]
