"""Printing the monthly 走访台账 of one grid: a small dialog chooses the grid and the month
(the page's filters proposed), then the core's PDF is built off the GUI thread
(:func:`~ui.widgets.pdf_files.preview_when_built`) and opens in the preview, from which
it prints. A PDF that could not be written says why in a message box."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.common.permissions import Actor
from desktop.visits.service import VisitService
from ui.visits.formatting import month_text
from ui.widgets.background import Task
from ui.widgets.forms import FormDialog
from ui.widgets.i18n import Translator
from ui.widgets.pdf_files import BuiltPdf, PreviewFactory, pdf_folder, preview_when_built, write_pdf

_ = Translator("visits")

PRINT_FOLDER = "shequ-visits"  # in the temporary folder


def recent_months(today: dt.date, n: int = 12) -> list[dt.date]:
    """The first days of this month and the ``n - 1`` before it, newest first."""
    months = []
    first = today.replace(day=1)
    for _i in range(n):
        months.append(first)
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return months


def month_combo(today: dt.date, parent: QWidget | None = None) -> QComboBox:
    """This month and the eleven before it (the first day of each as the data)."""
    combo = QComboBox(parent)
    for n, first in enumerate(recent_months(today)):
        label = month_text(first)
        if n == 0:
            label = _("{month} (this month)", month=label)
        combo.addItem(label, first)
    return combo


def write_ledger(
    visits: VisitService, actor: Actor, grid_id: int, month: dt.date, *, folder: Path | None = None
) -> Path:
    """Build the grid's ledger of ``month`` into a temporary PDF; returns its path. Runs
    on any thread. Raises ``DomainError`` (grid gone, a character no font can print) or
    ``OSError``."""
    prefix = f"ledger-{grid_id}-{month:%Y%m}-"

    def build(path: Path) -> None:
        visits.build_ledger_pdf(actor, grid_id, month, path)

    return write_pdf(build, prefix, folder or pdf_folder(PRINT_FOLDER))


def print_ledger(
    parent: QWidget,
    visits: VisitService,
    actor: Actor,
    grid_id: int,
    grid_name: str,
    month: dt.date,
    *,
    preview_factory: PreviewFactory | None = None,
) -> Task:
    """Build the ledger in the background and open its preview when it is ready."""
    title = _("Visit ledger {grid} {month}", grid=grid_name, month=month_text(month))

    def build() -> BuiltPdf:
        return BuiltPdf(write_ledger(visits, actor, grid_id, month), title)

    return preview_when_built(parent, build, title=title, preview_factory=preview_factory)


class PrintLedgerDialog(FormDialog):
    """打印走访台账: which grid and which month; Enter prints.

    After it is accepted, ``grid_id``, ``grid_name`` and ``month`` say what to print.
    """

    def __init__(
        self,
        visits: VisitService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        grid_id: int | None = None,
        month: dt.date | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(
            _("Print the visit ledger"),
            parent,
            save_text=_("Print preview"),
            intro=_("The monthly ledger of one grid: who was due, who was seen, when and by whom."),
        )
        self.setObjectName("printLedgerDialog")
        self.grid_combo = QComboBox()
        self.grid_combo.addItem(_("Choose a grid…"), None)
        for gid, name in visits.grids(actor):
            self.grid_combo.addItem(name, gid)
        if grid_id is not None:
            self.grid_combo.setCurrentIndex(max(0, self.grid_combo.findData(grid_id)))
        self.month_combo = month_combo(today or dt.date.today())
        if month is not None:
            self.month_combo.setCurrentIndex(max(0, self.month_combo.findData(month.replace(day=1))))
        self.add("grid", _("&Grid"), self.grid_combo)
        self.add("month", _("&Month"), self.month_combo)
        self.grid_id: int | None = None
        self.grid_name = ""
        self.month: dt.date = self.month_combo.currentData()
        (self.grid_combo if self.grid_combo.currentData() is None else self.month_combo).setFocus()

    def _submit(self) -> None:
        if self.grid_combo.currentData() is None:
            self.boxes["grid"].set_error(_("Choose the grid whose ledger is printed."))
            self.grid_combo.setFocus()
            return
        super()._submit()

    def save(self) -> None:
        grid = self.grid_combo.currentData()
        self.grid_id, self.grid_name = grid, self.grid_combo.currentText()
        self.month = self.month_combo.currentData()
