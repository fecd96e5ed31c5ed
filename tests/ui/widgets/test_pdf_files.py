"""The one way a screen prints: a new temporary PDF per document (old ones removed, none
left behind by a failure) opened in the preview."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from ui.widgets.pdf_files import KEEP_DAYS, open_preview, pdf_folder, write_pdf


def test_each_pdf_gets_a_new_file_and_old_ones_go(tmp_path):
    old = tmp_path / "slip-old.pdf"
    old.write_bytes(b"%PDF-old")
    long_ago = time.time() - (KEEP_DAYS + 1) * 86400
    os.utime(old, (long_ago, long_ago))
    recent = tmp_path / "slip-recent.pdf"
    recent.write_bytes(b"%PDF-recent")
    other = tmp_path / "notes.txt"
    other.write_text("kept")
    os.utime(other, (long_ago, long_ago))

    first = write_pdf(lambda path: path.write_bytes(b"%PDF-1"), "slip-2026-", tmp_path)
    second = write_pdf(lambda path: path.write_bytes(b"%PDF-2"), "slip-2026-", tmp_path)

    assert first != second and first.parent == second.parent == tmp_path
    assert first.name.startswith("slip-2026-") and first.suffix == ".pdf"
    assert (first.read_bytes(), second.read_bytes()) == (b"%PDF-1", b"%PDF-2")
    assert not old.exists() and recent.exists() and other.exists()


def test_a_failed_build_leaves_no_file(tmp_path):
    def fail(path: Path) -> None:
        path.write_bytes(b"%PDF-half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_pdf(fail, "receipt-", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_pdf_folder_is_in_the_temporary_folder(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    folder = pdf_folder("shequ-test")
    assert folder == tmp_path / "shequ-test" and folder.is_dir()


def test_the_preview_opens_window_modal(tmp_path):
    calls: list[tuple] = []

    class Preview:
        def __init__(self, path, title, parent):
            calls.append(("new", path, title, parent))

        def setAttribute(self, attribute):  # noqa: N802 (Qt's name)
            calls.append(("attribute", attribute.name))

        def open(self):
            calls.append(("open",))

    path = tmp_path / "x.pdf"
    preview = open_preview(path, "Slip 1", None, Preview)
    assert isinstance(preview, Preview)
    assert calls == [("new", path, "Slip 1", None), ("attribute", "WA_DeleteOnClose"), ("open",)]
    # a factory that only records (as the page tests pass) is fine too
    assert open_preview(path, "Slip 1", None, lambda *args: calls.append(args)) is None


def test_the_pdfs_of_the_session_are_removed_at_quit(tmp_path):
    from ui.widgets.pdf_files import remove_session_files, session_files

    folder = tmp_path / "shequ-slips"
    folder.mkdir()
    made = [write_pdf(lambda path: path.write_bytes(b"%PDF"), "slip-", folder) for _ in range(3)]
    assert set(made) <= set(session_files())
    assert remove_session_files() == 0
    assert not any(p.exists() for p in made)
    assert not folder.exists()  # nothing else was in it: the folder goes too
    assert session_files() == []


def _a_pdf(path: Path) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    canvas.drawString(100, 700, "slip")
    canvas.save()
    return path


def test_the_preview_names_the_document_not_its_temporary_file(qtbot, tmp_path):
    from ui.widgets.pdf_preview import PdfPreviewDialog

    path = _a_pdf(tmp_path / "slip-2026-11-000123-k3j2h1.pdf")
    preview = PdfPreviewDialog(path, "回执 2026-11-000123", None)
    qtbot.addWidget(preview)
    assert preview.info.text() == "1 page(s) — 回执 2026-11-000123"
    assert path.name not in preview.info.text()


def test_enter_prints_at_once_and_the_preview_closes(qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtPrintSupport import QPrinter

    from ui.widgets.pdf_preview import PdfPreviewDialog

    out = tmp_path / "printed.pdf"
    asked: list[QPrinter] = []

    def printer_chosen(printer: QPrinter, _parent) -> bool:
        asked.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    preview = PdfPreviewDialog(_a_pdf(tmp_path / "slip.pdf"), "回执", None, choose_printer=printer_chosen)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(preview.isActiveWindow)
    assert preview.print_button.isDefault() and preview.print_button.hasFocus()
    qtbot.keyClick(preview.print_button, Qt.Key.Key_Return)  # one key: the print dialog
    assert len(asked) == 1 and out.exists() and out.stat().st_size > 0
    assert not preview.isVisible()  # printed: the preview is closed
    assert preview.result() == PdfPreviewDialog.DialogCode.Accepted


def test_ctrl_p_prints_escape_closes_and_a_cancelled_print_keeps_the_preview(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from ui.widgets.pdf_preview import PdfPreviewDialog

    asked: list[int] = []
    preview = PdfPreviewDialog(
        _a_pdf(tmp_path / "slip.pdf"), "回执", None, choose_printer=lambda *_: asked.append(1) and False
    )
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(preview.isActiveWindow)
    qtbot.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == [1] and preview.isVisible()  # the user cancelled the print dialog
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    assert not preview.isVisible()
