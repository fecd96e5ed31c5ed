"""The reports screens, opened on real data, for ``main.py screenshots``.

The screenshots command (``ui.shell.screenshots``) photographs each dialog this returns:
数据看板 and 月度报表, each in a window the size of the main window's page area (the
page has read its figures before it is photographed), and the preview of the last
closed month's report. Nothing is saved or archived.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from desktop.common.permissions import Actor, Permission
from desktop.opening import Services
from ui.reports.dashboard_page import DashboardPage
from ui.reports.dialogs import ArchiveChangesDialog, ReportPreviewDialog
from ui.reports.report_page import PDF_FOLDER, ReportPage
from ui.widgets.i18n import Translator
from ui.widgets.pdf_files import pdf_folder, write_pdf

_ = Translator("reports")

DialogFactory = Callable[[QWidget], QDialog]
PAGE_AREA = (1198, 696)
"""The page area of the main window at 1366×768 (less the navigation, header, status bar)."""
WAIT_MS = 30_000


def _wait(done: Callable[[], bool], timeout_ms: int = WAIT_MS) -> None:
    """Let the page read its figures (off the GUI thread) before it is photographed."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not done() and time.monotonic() < deadline:
        QTest.qWait(20)


class PageWindow(QDialog):
    """A page alone in a window of the page area's size."""

    def __init__(self, page: QWidget, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.page = page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page)
        self.resize(*PAGE_AREA)


def screens(services: Services, actor: Actor) -> dict[str, DialogFactory]:
    """Name → a factory of each reports screen (``parent`` → dialog, not yet shown)."""
    if not actor.can(Permission.VIEW_REPORTS):
        return {}
    reports = services.reports

    def dashboard(parent: QWidget) -> QDialog:
        page = DashboardPage(services, actor)
        window = PageWindow(page, _("Dashboard"), parent)
        _wait(lambda: page.figures is not None)
        return window

    def report_page(parent: QWidget) -> QDialog:
        page = ReportPage(services, actor)
        window = PageWindow(page, _("Monthly report"), parent)
        _wait(lambda: page.loaded is not None)
        return window

    def preview(parent: QWidget) -> QDialog:
        period = reports.last_closed_period()
        narrative = reports.narrative(actor, period)

        def build(path: Path) -> None:
            reports.build_pdf(actor, period, path, narrative=narrative)

        path = write_pdf(build, f"report-{period.code}-", pdf_folder(PDF_FOLDER))
        title = _("Report {period}", period=period.label)
        return ReportPreviewDialog(path, title, parent)

    def archive_changes(parent: QWidget) -> QDialog:
        """与存档比较 as a director sees it after late changes to an archived month."""
        import datetime as dt

        from desktop.reports.archive import ArchivedReport, FigureChange
        from desktop.reports.narrative import Narrative

        period = reports.last_closed_period()
        cutoff = dt.datetime.combine(period.end, dt.time())
        archived = ArchivedReport(
            id=0,
            period=period.code,
            cutoff=cutoff,
            created_at=cutoff,
            created_by=actor.full_name,
            figures={"registered": 178.0, "resolution_rate": 0.876},
            narrative=Narrative(),
            size=0,
        )
        changes = [FigureChange("registered", 178.0, 181.0), FigureChange("resolution_rate", 0.876, 0.884)]
        return ArchiveChangesDialog(period.label, archived, changes, parent)

    return {
        "reports_archive_changes": archive_changes,
        "reports_dashboard": dashboard,
        "reports_monthly": report_page,
        "preview_report": preview,
    }
