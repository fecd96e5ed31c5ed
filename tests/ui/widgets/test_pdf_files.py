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
