"""``python main.py report``: the report of a month, quarter or year written to files, for
scheduled runs (no login: the command runs as the system, like the other admin commands).

Both files are written whole or not at all; the figures are read once, so the PDF and the
workbook show the same numbers.
"""

from __future__ import annotations

from pathlib import Path

from desktop.common.errors import DomainError
from desktop.common.i18n import N_
from desktop.common.permissions import SYSTEM
from desktop.reports import periods
from desktop.reports.service import ReportService


def _checked_target(path: str, suffix: str) -> Path:
    target = Path(path).expanduser()
    if target.suffix.lower() != suffix:
        raise DomainError(N_("The file name must end in {suffix}: {path}"), suffix=suffix, path=path)
    if not target.parent.is_dir():
        raise DomainError(N_("The folder {folder} does not exist."), folder=str(target.parent))
    return target


def write_report(
    service: ReportService, kind: str, text: str, pdf: str, xlsx: str | None = None
) -> list[Path]:
    """Write the PDF (and the workbook) of the period ``text`` of ``kind`` (month, quarter,
    year); returns the files written. DomainError for a bad period or file name.

    ``service`` is the composed one (``services.reports``), so the command prints the
    same sections as the app — the 网格走访 section the visits job adds included."""
    period = periods.parse(text, kind)
    pdf_path = _checked_target(pdf, ".pdf")
    xlsx_path = _checked_target(xlsx, ".xlsx") if xlsx else None
    narrative = service.narrative(SYSTEM, period)
    figures = service.build_pdf(SYSTEM, period, pdf_path, narrative=narrative)
    written = [pdf_path]
    if xlsx_path is not None:
        service.export_excel(SYSTEM, period, xlsx_path, narrative=narrative, figures=figures)
        written.append(xlsx_path)
    return written
