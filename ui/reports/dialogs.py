"""The report page's dialogs: the report's preview (print, or save the PDF) and what
changed since the archived report (与存档比较)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.reports.archive import ArchivedReport, FigureChange
from desktop.reports.wording import METRICS, RATE
from ui.reports.formatting import (
    DASH,
    change_colour,
    change_text,
    metric_name,
    metric_value,
    moment_text,
    value_text,
)
from ui.reports.tables import FiguresTable, Row, Table
from ui.widgets.i18n import Translator
from ui.widgets.messages import show_error
from ui.widgets.pdf_preview import ChoosePrinter, PdfPreviewDialog, ask_printer

_ = Translator("reports")

PickSave = Callable[[QWidget, str], str | None]
"""Asks where to save: ``(parent, suggested file name) → path``, None when cancelled
(tests answer it)."""


def pick_save_pdf(parent: QWidget, suggested: str) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(parent, _("Save the report"), suggested, _("PDF (*.pdf)"))
    return path or None


def pick_save_xlsx(parent: QWidget, suggested: str) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(
        parent, _("Export to Excel"), suggested, _("Excel workbook (*.xlsx)")
    )
    return path or None


class ReportPreviewDialog(PdfPreviewDialog):
    """The preview of a report: 打印 (Enter, Ctrl+P) as every preview, and 另存为 to keep
    the PDF (to send it on, or to print elsewhere)."""

    def __init__(
        self,
        path: Path,
        title: str,
        parent: QWidget | None = None,
        *,
        file_name: str = "",
        pick_save: PickSave = pick_save_pdf,
        choose_printer: ChoosePrinter = ask_printer,
    ):
        super().__init__(path, title, parent, choose_printer=choose_printer)
        self.setObjectName("reportPreview")
        self.resize(820, 720)
        self._pick_save = pick_save
        self._file_name = file_name or f"{title}.pdf"
        self.save_button = QPushButton(_("Save as…"))
        self.save_button.setAutoDefault(False)
        self.save_button.setToolTip(_("Save the PDF to a file (Ctrl+S)"))
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save_copy)
        outer = self.layout()
        assert outer is not None
        last = outer.itemAt(outer.count() - 1)  # the preview's row of buttons
        buttons = last.layout() if last is not None else None
        assert isinstance(buttons, QHBoxLayout)
        buttons.insertWidget(buttons.indexOf(self.print_button), self.save_button)
        self.saved_to: Path | None = None

    def save_copy(self) -> Path | None:
        """Copy the PDF where the user says; the path, or None when cancelled."""
        target = self._pick_save(self, self._file_name)
        if not target:
            return None
        path = Path(target)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            shutil.copyfile(self.path, path)
        except OSError as exc:
            show_error(self, _("Save the report"), _("The PDF could not be saved: {why}", why=str(exc)))
            return None
        self.saved_to = path
        self.info.setText(_("Saved to {path}", path=str(path)))
        return path


def change_rows(changes: list[FigureChange]) -> tuple[Row, ...]:
    """(figure, archived, now, change) of each figure that changed."""
    rows = []
    for c in changes:
        kind = METRICS[c.key].kind
        if c.archived is None or c.now is None:
            diff, colour = DASH, ""
        else:
            delta = c.now - c.archived
            colour = change_colour(c.key, delta)
            if kind == RATE:
                diff = change_text(kind, delta)
            else:
                sign = "+" if delta > 0 else "-" if delta < 0 else ""
                diff = sign + value_text(kind, abs(delta))
                if c.archived:
                    diff += f" ({change_text(kind, 100 * delta / c.archived)})"
        cells = (metric_name(c.key), metric_value(c.key, c.archived), metric_value(c.key, c.now), diff)
        rows.append(Row(cells, c.key, colour=colour))
    return tuple(rows)


class ArchiveChangesDialog(QDialog):
    """与存档比较: the headline figures of a fresh run that differ from the archived report."""

    def __init__(
        self,
        period_label: str,
        archived: ArchivedReport,
        changes: list[FigureChange],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("archiveChanges")
        self.setWindowTitle(_("Compared with the archived report"))
        self.resize(640, 460)
        if changes:
            text = _(
                "{period}: {n} figures differ from the archived report "
                "(as of {cutoff}, made {made} by {name}).",
                period=period_label,
                n=len(changes),
                cutoff=moment_text(archived.cutoff),
                made=moment_text(archived.created_at),
                name=archived.created_by or DASH,
            )
        else:
            text = _(
                "{period}: every figure is as in the archived report (as of {cutoff}).",
                period=period_label,
                cutoff=moment_text(archived.cutoff),
            )
        self.summary = QLabel(text)
        self.summary.setWordWrap(True)
        self.table = FiguresTable(fit_height=False)
        self.table.show_table(
            Table(
                "",
                (_("Figure"), _("Archived"), _("Now"), _("Change")),
                change_rows(changes),
                text_columns=frozenset({0}),
            )
        )
        self.table.setVisible(bool(changes))
        note = QLabel(_("Reprinting gives the archived document; “Archive anew” keeps a new one."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
