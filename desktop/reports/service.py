"""The one query layer of the reports job: the figures the dashboard, the PDF and the
Excel export all show, so the three always agree.

:class:`ReportService` reads the figures of a period at a cut-off (the service's clock:
"截至 …") in one read transaction, from SQL aggregates (``db.reports``), and returns them
as frozen values (:mod:`desktop.reports.figures`). It also keeps the report settings
and builds the PDF and the Excel workbook from the same figures — ReportLab, pandas and
openpyxl are imported only then, so opening the app stays fast.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from db import audit as audit_chain
from db import reports as repo
from db import settings as settings_repo
from db.uow import Database
from desktop.common import audit
from desktop.common.clock import Clock, system_clock
from desktop.common.permissions import Actor, Permission
from desktop.common.workcalendar import WorkCalendar
from desktop.reports import periods
from desktop.reports.archive import Archive
from desktop.reports.extra import ExtraSectionProvider, read_sections
from desktop.reports.figures import LoveBankReport, OverdueItem, ReportFigures
from desktop.reports.listings import listings
from desktop.reports.love_bank_figures import love_bank_report
from desktop.reports.orders_figures import orders_report
from desktop.reports.periods import Period
from desktop.reports.request_figures import Resolutions, overdue_items, request_report, resolutions
from desktop.reports.settings import ReportSettings, read_settings, validate, write_settings

if TYPE_CHECKING:
    from desktop.reports.narrative import Narrative

Progress = Callable[[int, int, str], None]
"""``progress(done, total, text)`` — what a long build reports (the task runner's shape)."""


def _period(period: Period | str) -> Period:
    return period if isinstance(period, Period) else periods.parse(period)


class ReportService(Archive):
    """Figures, settings, PDF and Excel of the reports job (月度报表, 数据看板)."""

    def __init__(
        self,
        db: Database,
        now: Clock = system_clock,
        *,
        extra_sections: tuple[ExtraSectionProvider, ...] = (),
    ):
        self._db = db
        self._now = now
        self._extra_sections = extra_sections

    # --- figures -----------------------------------------------------------------------------
    def figures(self, actor: Actor, period: Period | str) -> ReportFigures:
        """Every figure of ``period`` (a Period, or ``2026-10`` / ``2026-Q3`` / ``2026``)
        at this moment, with 环比 and 同比.

        The figures counted request by request (handling time, the departments) and the
        love bank are counted on a second connection at the same time as the others, so a
        district's month takes the time of the larger half on a PC with two cores; if a
        change to requests was committed in between, those request figures are counted
        again with the rest.
        """
        actor.require(Permission.VIEW_REPORTS)
        period = _period(period)
        cutoff = self._now()
        with self._db.reading() as uow:  # one set of settings and one calendar for the whole report
            settings = read_settings(uow.session)
            calendar = WorkCalendar.from_db(uow.session)
            centre = settings_repo.get(uow.session, settings_repo.CENTRE_NAME)
            chain_head = audit_chain.head(uow.session)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="report") as pool:
            side = pool.submit(self._second_half, period, cutoff, settings, calendar)
            with self._db.reading() as uow:
                s = uow.session
                orders = orders_report(s, period, cutoff, settings)
                requests = request_report(s, period, cutoff, settings, calendar, lambda: side.result()[0])
            love_bank = side.result()[1]
        first, end = period.date_window(cutoff)
        extras = read_sections(self._extra_sections, first, max(first, end - dt.timedelta(days=1)), cutoff)
        return ReportFigures(
            centre, period, cutoff, settings, requests, love_bank, orders, extras, chain_head=chain_head
        )

    def _second_half(
        self, period: Period, cutoff: dt.datetime, settings: ReportSettings, calendar: WorkCalendar
    ) -> tuple[Resolutions, LoveBankReport]:
        """What the second connection counts: handling time and the departments (checked
        against the first connection's data), and the love bank (a section of its own)."""
        with self._db.reading() as uow:
            s = uow.session
            return resolutions(s, period, cutoff, settings, calendar), love_bank_report(
                s, period, cutoff, settings
            )

    def current_period(self, kind: str = periods.MONTH) -> Period:
        """The month (quarter, year) the service's clock is in: the dashboard's period."""
        return periods.containing(self._now().date(), kind)

    def last_closed_period(self, kind: str = periods.MONTH) -> Period:
        """The month (quarter, year) before the current one: the report usually printed."""
        return self.current_period(kind).previous()

    def overdue(
        self, actor: Actor, period: Period | str, offset: int = 0, limit: int = 100
    ) -> tuple[int, list[OverdueItem]]:
        """The overdue list of ``period`` at this moment, a page at a time: (total, rows)."""
        actor.require(Permission.VIEW_REPORTS)
        period = _period(period)
        cutoff = self._now()
        _start, end = period.window(cutoff)
        with self._db.reading() as uow:
            s = uow.session
            calendar = WorkCalendar.from_db(s)
            total = repo.overdue_count(s, end)
            return total, overdue_items(repo.overdue_records(s, end, limit, offset), cutoff, calendar)

    # --- settings ----------------------------------------------------------------------------
    def settings(self) -> ReportSettings:
        """The report settings in force."""
        with self._db.reading() as uow:
            return read_settings(uow.session)

    def save_settings(self, actor: Actor, **values: object) -> ReportSettings:
        """Change some report settings (the others keep their value); ``FieldErrors``
        names each wrong field. Audited."""
        actor.require(Permission.MANAGE_REPORTS)
        with self._db.writing() as uow:
            s = uow.session
            before = read_settings(s)
            after = validate(**{**asdict(before), **values})
            if after == before:
                return after
            write_settings(s, after)
            audit.record(
                s,
                actor,
                "update",
                "report_settings",
                before=asdict(before),
                after=asdict(after),
                at=self._now(),
            )
            uow.commit()
            return after

    # --- documents ---------------------------------------------------------------------------
    def build_pdf(
        self,
        actor: Actor,
        period: Period | str,
        target: str | Path | BinaryIO,
        *,
        narrative: Narrative | None = None,
        figures: ReportFigures | None = None,
        progress: Progress | None = None,
    ) -> ReportFigures:
        """Write the A4 report of ``period`` (atomically when ``target`` is a path) and
        return the figures it prints. ``figures`` already read may be passed in, so the
        PDF shows exactly what the screen shows."""
        from desktop.reports.narrative import Narrative
        from desktop.reports.pdf import build_report

        actor.require(Permission.VIEW_REPORTS)
        if progress:
            progress(0, 3, "统计数据")
        figures = figures or self.figures(actor, period)
        if progress:
            progress(1, 3, "生成报表")
        build_report(figures, narrative or Narrative(), target, prepared_by=actor.full_name)
        if progress:
            progress(3, 3, "完成")
        return figures

    def export_excel(
        self,
        actor: Actor,
        period: Period | str,
        target: str | Path | BinaryIO,
        *,
        narrative: Narrative | None = None,
        figures: ReportFigures | None = None,
        progress: Progress | None = None,
    ) -> ReportFigures:
        """Write the Excel workbook of ``period``: one sheet per section with native
        charts, then the rows under the figures with phones and ID numbers masked."""
        from desktop.reports.excel import write_workbook

        actor.require(Permission.VIEW_REPORTS)
        figures = figures or self.figures(actor, period)
        rows = listings(self._db, figures.period, figures.cutoff)
        write_workbook(figures, rows, target, narrative=narrative, progress=progress)
        return figures


def cutoff_text(moment: dt.datetime) -> str:
    """截至 2026年11月3日 09:00 — the cut-off as printed."""
    return f"截至 {moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}"
