"""月度报表: pick a month, quarter or year, see its figures, write the narratives, print.

The figures are the report's own (:meth:`ReportService.figures`), shown section by
section (:mod:`ui.reports.sections`) as the PDF prints them. Beside them the three
narrative sections (本月工作完成情况, 存在问题, 下月工作计划) are typed and kept per period
through the core (saved on 保存文字 / Ctrl+S, and before a report is made or another
period is chosen).

生成报表 makes the PDF off the GUI thread, with progress, and opens it in the preview,
which prints (the normal print dialog) or saves it; Ctrl+P goes straight on to the print
dialog. For a closed period the report is **archived** (its PDF, its figures, the
cut-off): 生成报表 then reprints the archived document unchanged, 与存档比较 lists the
figures that changed since, and 重新存档 archives a fresh one. 导出 Excel (Ctrl+E) writes
the same figures to a workbook, off the GUI thread.

Who may do what is the core's: ``VIEW_REPORTS`` to see, print and export,
``MANAGE_REPORTS`` to write the narratives and archive.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Permission
from desktop.opening import Services
from desktop.reports import periods
from desktop.reports.archive import ArchivedReport
from desktop.reports.figures import ReportFigures
from desktop.reports.narrative import Narrative
from desktop.reports.periods import Period
from ui.reports.dialogs import (
    ArchiveChangesDialog,
    PickSave,
    ReportPreviewDialog,
    pick_save_pdf,
    pick_save_xlsx,
)
from ui.reports.formatting import cutoff_text, moment_text
from ui.reports.narrative_panel import NarrativePanel
from ui.reports.section_tabs import SectionTabs
from ui.reports.sections import sections
from ui.reports.watching import FIGURE_TOPICS, Reader
from ui.widgets.background import Progress, run_task
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.i18n import Translator, error_text
from ui.widgets.messages import Ask, ask_yes, show_error
from ui.widgets.pdf_files import PreviewFactory, open_preview, pdf_folder, write_pdf

_ = Translator("reports")

PDF_FOLDER = "shequ-reports"
PERIODS_LISTED = {periods.MONTH: 36, periods.QUARTER: 12, periods.YEAR: 6}
"""How many periods the list offers, the current one first."""


@dataclass(frozen=True)
class Loaded:
    """What the page shows of one period: its figures, its narrative as stored, its archive."""

    period: Period
    figures: ReportFigures
    narrative: Narrative
    archived: ArchivedReport | None


@dataclass(frozen=True)
class Built:
    """A report PDF written to a temporary file (and the archive it was kept in, if one was made)."""

    path: Path
    archived: ArchivedReport | None


class ReportPage(QWidget):
    """The 月度报表 page.

    Args:
        services: the opened database's services (``services.reports``).
        actor: the logged-in user.
        hub: announces committed changes; the figures are read again when they touch them.
        pick_save_pdf / pick_save_xlsx: ask where to save (tests answer them).
        preview_factory: opens the preview ``(path, title, parent)`` (tests record it).
        ask: the yes/no question before archiving anew.
    """

    def __init__(
        self,
        services: Services,
        actor: Actor,
        *,
        hub: ChangeHub | None = None,
        parent: QWidget | None = None,
        pick_save_pdf: PickSave = pick_save_pdf,
        pick_save_xlsx: PickSave = pick_save_xlsx,
        preview_factory: PreviewFactory | None = None,
        ask: Ask = ask_yes,
    ):
        super().__init__(parent)
        self.setObjectName("reportPage")
        self._reports = services.reports
        self._actor = actor
        self._pick_save_pdf = pick_save_pdf
        self._pick_save_xlsx = pick_save_xlsx
        self._preview_factory = preview_factory or self._preview
        self._ask = ask
        self.can_manage = actor.can(Permission.MANAGE_REPORTS)
        self.loaded: Loaded | None = None
        self.preview: Any = None
        self.changes_dialog: ArchiveChangesDialog | None = None
        self.exported_to: Path | None = None
        self._documents = 0  # documents being made (the buttons wait)

        self.reader = Reader(self, self._work, self._loaded, self._failed, title=_("Monthly report"))
        self._build()
        self._fill_periods(periods.MONTH)
        QShortcut(QKeySequence("F5"), self, self.reload)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_report)
        QShortcut(QKeySequence("Ctrl+E"), self, self.export_excel)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_texts)
        watch(hub, self, FIGURE_TOPICS, self.reader.changed)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self._update_buttons()
        self.reload()

    # --- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        title = QLabel(_("Monthly report"))
        title.setObjectName("pageTitle")
        self.kind_combo = QComboBox()
        for kind, text in (
            (periods.MONTH, _("Monthly")),
            (periods.QUARTER, _("Quarterly")),
            (periods.YEAR, _("Yearly")),
        ):
            self.kind_combo.addItem(text, kind)
        kind_label = QLabel(_("&Report:"))
        kind_label.setBuddy(self.kind_combo)
        self.period_combo = QComboBox()
        self.period_combo.setMinimumContentsLength(14)
        period_label = QLabel(_("&Period:"))
        period_label.setBuddy(self.period_combo)
        self.refresh_button = QPushButton(_("Refresh"))
        self.refresh_button.setToolTip(_("Read the figures again (F5)"))
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.reload)
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")

        self.generate_button = QPushButton(_("&Generate report"))
        self.generate_button.setObjectName("primary")
        self.generate_button.setToolTip(_("Make the PDF and open its preview (Alt+G)"))
        self.generate_button.clicked.connect(lambda: self.generate())
        self.print_button = QPushButton(_("Print…"))
        self.print_button.setToolTip(_("Make the report and print it (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_report)
        self.excel_button = QPushButton(_("Export to Excel…"))
        self.excel_button.setToolTip(_("The same figures as a workbook (Ctrl+E)"))
        self.excel_button.clicked.connect(self.export_excel)
        self.compare_button = QPushButton(_("Compare with archive"))
        self.compare_button.setToolTip(_("The figures that changed since the report was archived"))
        self.compare_button.clicked.connect(self.compare_with_archive)
        self.rearchive_button = QPushButton(_("Archive anew…"))
        self.rearchive_button.setToolTip(_("Make the report again with today's figures and archive it"))
        self.rearchive_button.clicked.connect(self.archive_anew)
        if not self.can_manage:  # hide only: showing a parentless button opens a window
            self.rearchive_button.hide()
        for b in (
            self.generate_button,
            self.print_button,
            self.excel_button,
            self.compare_button,
            self.rearchive_button,
        ):
            b.setAutoDefault(False)
        self.archive_label = QLabel()
        self.archive_label.setObjectName("archiveState")
        self.archive_label.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(kind_label)
        top.addWidget(self.kind_combo)
        top.addSpacing(8)
        top.addWidget(period_label)
        top.addWidget(self.period_combo)
        top.addWidget(self.refresh_button)
        top.addWidget(self.status_label, 1)
        actions = QHBoxLayout()
        for b in (
            self.generate_button,
            self.print_button,
            self.excel_button,
            self.compare_button,
            self.rearchive_button,
        ):
            actions.addWidget(b)
        actions.addWidget(self.archive_label, 1)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.tabs = SectionTabs()
        figures_box = QWidget()
        figures_layout = QVBoxLayout(figures_box)
        figures_layout.setContentsMargins(0, 0, 0, 0)
        figures_layout.addWidget(self.empty_label)
        figures_layout.addWidget(self.tabs, 1)
        self.texts = NarrativePanel(self._reports, self._actor)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(figures_box)
        self.splitter.addWidget(self.texts)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([640, 400])  # the figures wider than the texts
        self.texts.setMinimumWidth(280)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.splitter, 1)
        order: list[QWidget] = [
            self.kind_combo,
            self.period_combo,
            self.generate_button,
            self.print_button,
            self.excel_button,
            self.compare_button,
            self.rearchive_button,
            self.refresh_button,
            self.tabs,
            *self.texts.edits.values(),
            self.texts.save_button,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def focus_default(self) -> None:
        """The keyboard starts on the period."""
        self.period_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- periods ------------------------------------------------------------------------------
    def _fill_periods(self, kind: str, chosen: Period | None = None) -> None:
        current = self._reports.current_period(kind)
        listed: list[Period] = []
        p = current
        for _i in range(PERIODS_LISTED[kind]):
            listed.append(p)
            if p.year <= periods.FIRST_YEAR:
                break
            p = p.previous()
        choose = chosen or current.previous()
        if choose not in listed:  # a period further back, asked for by name
            listed.append(choose)
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for p in listed:
            text = p.label if p != current else _("{period} (so far)", period=p.label)
            self.period_combo.addItem(text, p.code)
        self.period_combo.setCurrentIndex(max(self.period_combo.findData(choose.code), 0))
        self.period_combo.blockSignals(False)

    def period(self) -> Period:
        """The period chosen."""
        return periods.parse(self.period_combo.currentData())

    def set_period(self, period: Period | str) -> None:
        """Choose ``period`` (as the user would), listing its kind's periods if needed."""
        period = period if isinstance(period, Period) else periods.parse(period)
        index = self.kind_combo.findData(period.kind)
        if self.kind_combo.currentIndex() != index:
            self.kind_combo.blockSignals(True)
            self.kind_combo.setCurrentIndex(index)
            self.kind_combo.blockSignals(False)
            self._leave_period()
            self._fill_periods(period.kind, period)
            self._period_changed()
            return
        found = self.period_combo.findData(period.code)
        if found < 0:
            self.period_combo.addItem(period.label, period.code)
            found = self.period_combo.count() - 1
        self.period_combo.setCurrentIndex(found)

    def _kind_changed(self) -> None:
        self._leave_period()
        self._fill_periods(self.kind_combo.currentData())
        self._period_changed()

    def _period_changed(self) -> None:
        self._leave_period()
        self.reload()

    def _leave_period(self) -> None:
        """Keep what was typed for the period being left."""
        if self.texts.dirty():
            self.save_texts()

    # --- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the chosen period's figures (and narrative, archive) off the GUI thread."""
        self.status_label.setText(_("Counting…"))
        self._update_buttons()
        self.reader.read()

    def _work(self) -> Callable[[Progress], Loaded]:
        reports, actor, period = self._reports, self._actor, self.period()

        def work(_progress: Progress) -> Loaded:
            figures = reports.figures(actor, period)
            return Loaded(period, figures, reports.narrative(actor, period), reports.archived(actor, period))

        return work

    def _loaded(self, loaded: Loaded) -> None:
        if loaded.period != self.period():
            return  # another period was chosen meanwhile: its read follows
        self.loaded = loaded
        f = loaded.figures
        self.status_label.setText(cutoff_text(f.cutoff))
        self.tabs.show_sections(sections(f))
        self.empty_label.setText(
            _(
                "{period}: nothing was recorded — no request, no love-bank activity, no service order.",
                period=f.period.label,
            )
        )
        self.empty_label.setVisible(f.is_empty)
        self.texts.show_narrative(loaded.period, loaded.narrative)
        self._show_archive()
        self._update_buttons()

    def _failed(self, error: DomainError) -> None:
        self.status_label.setText(error_text(error))
        self._update_buttons()

    def _show_archive(self) -> None:
        loaded = self.loaded
        if loaded is None:
            self.archive_label.setText("")
            return
        archived = loaded.archived
        closed = loaded.period.end_moment <= loaded.figures.cutoff
        self.archive_label.setProperty("archived", archived is not None)
        if archived is not None:
            text = _(
                "Archived: figures as of {cutoff}, made {made} by {name}; "
                "“Generate report” reprints it unchanged.",
                cutoff=moment_text(archived.cutoff),
                made=moment_text(archived.created_at),
                name=archived.created_by or "—",
            )
        elif not closed:
            text = _(
                "{period} is not over: the report shows the figures so far and is not archived.",
                period=loaded.period.label,
            )
        elif self.can_manage:
            text = _("Not archived yet: “Generate report” archives this report with the figures as of now.")
        else:
            text = _("Not archived.")
        self.archive_label.setText(text)
        self.archive_label.style().unpolish(self.archive_label)
        self.archive_label.style().polish(self.archive_label)

    def _update_buttons(self) -> None:
        ready = self.loaded is not None and not self.reader.busy
        idle = ready and not self._documents
        for b in (self.generate_button, self.print_button, self.excel_button):
            b.setEnabled(idle)
        archived = self.loaded is not None and self.loaded.archived is not None
        self.compare_button.setEnabled(idle and archived)
        self.rearchive_button.setEnabled(idle and archived and self.can_manage)

    # --- narratives ---------------------------------------------------------------------------
    def narrative(self) -> Narrative:
        """The texts as typed."""
        return self.texts.narrative()

    def save_texts(self) -> bool:
        """Keep the typed texts for their period (Ctrl+S); False when refused."""
        return self.texts.save()

    # --- documents ----------------------------------------------------------------------------
    def title_of(self, period: Period) -> str:
        return _("Report {period}", period=period.label)

    def _preview(self, path: Path, title: str, parent: QWidget | None) -> ReportPreviewDialog:
        return ReportPreviewDialog(
            path, title, parent, file_name=f"{title}.pdf", pick_save=self._pick_save_pdf
        )

    def generate(self, *, then_print: bool = False, anew: bool = False) -> None:
        """Make the chosen period's report (or reprint its archive) and open the preview.

        A closed period's report is archived when made by a user who may archive; an
        archived one is reprinted as it was archived unless ``anew``.
        """
        loaded = self.loaded
        if loaded is None or not self.generate_button.isEnabled() or not self.save_texts():
            return
        reports, actor, period = self._reports, self._actor, loaded.period
        figures, narrative = loaded.figures, self.narrative() if self.can_manage else self.texts.stored
        closed = period.end_moment <= figures.cutoff
        archived = None if anew else loaded.archived
        may_archive = closed and self.can_manage
        folder = pdf_folder(PDF_FOLDER)
        prefix = f"report-{period.code}-"

        def work(progress: Progress) -> Built:
            kept: list[ArchivedReport] = []

            def build(path: Path) -> None:
                if archived is not None:  # the archived document, unchanged
                    progress.report(0, 1, "")
                    reports.write_archived_pdf(actor, archived.id, path)
                elif may_archive:
                    made = reports.archive(actor, period, progress=progress.report)
                    kept.append(made)
                    reports.write_archived_pdf(actor, made.id, path)
                else:
                    reports.build_pdf(
                        actor, period, path, narrative=narrative, figures=figures, progress=progress.report
                    )

            path = write_pdf(build, prefix, folder)
            return Built(path, kept[0] if kept else None)

        self._documents += 1
        self._update_buttons()
        run_task(
            self,
            work,
            title=_("Generating the report…"),
            on_done=lambda built: self._built(built, then_print),
            on_failed=self._document_failed,
        )

    def _built(self, built: Built, then_print: bool) -> None:
        self._documents -= 1
        if (
            built.archived is not None
            and self.loaded is not None
            and self.loaded.period.code == built.archived.period
        ):
            self.loaded = replace(self.loaded, archived=built.archived)
            self._show_archive()
        self._update_buttons()
        period = periods.parse(built.archived.period) if built.archived else self.period()
        self.preview = open_preview(built.path, self.title_of(period), self, self._preview_factory)
        if then_print and hasattr(self.preview, "print_document"):
            QTimer.singleShot(0, self.preview.print_document)

    def _document_failed(self, error: BaseException) -> None:
        self._documents -= 1
        self._update_buttons()
        if isinstance(error, DomainError):
            show_error(self, _("Monthly report"), error)
        else:  # a bug: the error hook logs it and says 出错了
            sys.excepthook(type(error), error, error.__traceback__)

    def print_report(self) -> None:
        """Ctrl+P: make (or reprint) the report and go straight to the print dialog."""
        self.generate(then_print=True)

    def archive_anew(self) -> None:
        """Make the closed period's report again with today's figures and archive it."""
        loaded = self.loaded
        if loaded is None or loaded.archived is None or not self.can_manage:
            return
        if not self._ask(
            self,
            _("Archive anew"),
            _(
                "Archive a new report of {period} with the figures as of now? "
                "The report archived on {made} stays in the archive.",
                period=loaded.period.label,
                made=moment_text(loaded.archived.created_at),
            ),
        ):
            return
        self.generate(anew=True)

    def export_excel(self) -> None:
        """Ctrl+E: write the figures to a workbook the user names, off the GUI thread."""
        loaded = self.loaded
        if loaded is None or not self.excel_button.isEnabled():
            return
        suggested = f"{self.title_of(loaded.period)}.xlsx"
        target = self._pick_save_xlsx(self, suggested)
        if not target:
            return
        path = Path(target)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        reports, actor, period, figures = self._reports, self._actor, loaded.period, loaded.figures
        narrative = self.narrative()

        def work(progress: Progress) -> Path:
            reports.export_excel(
                actor, period, path, narrative=narrative, figures=figures, progress=progress.report
            )
            return path

        self._documents += 1
        self._update_buttons()
        run_task(
            self,
            work,
            title=_("Exporting to Excel…"),
            on_done=self._exported,
            on_failed=self._document_failed,
        )

    def _exported(self, path: Path) -> None:
        self._documents -= 1
        self._update_buttons()
        self.exported_to = path
        self.status_label.setText(_("Exported to {path}", path=str(path)))

    def compare_with_archive(self) -> None:
        """与存档比较: the figures that changed since the archived report (off the GUI thread)."""
        loaded = self.loaded
        if loaded is None or loaded.archived is None:
            return
        reports, actor, period = self._reports, self._actor, loaded.period

        def work(_progress: Progress) -> tuple[ArchivedReport | None, list]:
            return reports.archived(actor, period), reports.changes_since_archive(actor, period)

        def done(result: tuple[ArchivedReport | None, list]) -> None:
            archived, changes = result
            if archived is None:
                return
            self.changes_dialog = ArchiveChangesDialog(period.label, archived, changes, self)
            self.changes_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.changes_dialog.destroyed.connect(lambda: setattr(self, "changes_dialog", None))
            self.changes_dialog.open()

        run_task(self, work, title=_("Comparing with the archive…"), on_done=done)
