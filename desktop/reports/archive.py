"""The narratives of a period and the archive of generated reports.

Part of :class:`desktop.reports.service.ReportService`. The director types the three
narrative sections of a period while the figures are on screen; they are kept per
period (``report_narrative``) until the report is printed. A report generated for a
closed period is archived (``report_archive``): its PDF as printed, its headline figures
and the cut-off. Reprinting hands back that PDF — the same document, whatever changed
in the data since — and a fresh run can be compared with it figure by figure.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO, cast

from db import reports_archive as repo
from db.models_reports import ReportArchive, ReportNarrative
from db.uow import Database
from desktop.common import audit
from desktop.common.clock import Clock
from desktop.common.errors import DomainError, NotFound
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission
from desktop.reports import periods
from desktop.reports.figures import ReportFigures
from desktop.reports.narrative import Narrative
from desktop.reports.periods import Period
from desktop.reports.wording import METRICS

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ArchivedReport:
    """A report kept as printed (the PDF itself is read with ``archived_pdf``)."""

    id: int
    period: str  # the period's code: 2026-10, 2026-Q3, 2026
    cutoff: dt.datetime
    created_at: dt.datetime
    created_by: str
    figures: dict[str, float | None]  # headline figures by key (METRICS)
    narrative: Narrative
    size: int  # bytes of the PDF


@dataclass(frozen=True)
class FigureChange:
    """A headline figure that differs between the archived report and a fresh run."""

    key: str  # METRICS key; METRICS[key].printed / .screen name it
    archived: float | None
    now: float | None


def _period(period: Period | str) -> Period:
    return period if isinstance(period, Period) else periods.parse(period)


def _archived(row: ReportArchive, name: str) -> ArchivedReport:
    story = json.loads(row.narrative or "{}")
    return ArchivedReport(
        row.id,
        row.period,
        row.cutoff,
        row.created_at,
        name,
        json.loads(row.figures),
        Narrative(**{k: v for k, v in story.items() if k in ("done", "problems", "plans")}),
        len(row.pdf),
    )


class Archive:
    """Narratives and archived reports (mixed into ReportService)."""

    _db: Database
    _now: Clock

    # provided by ReportService
    figures: Callable[..., ReportFigures]
    build_pdf: Callable[..., ReportFigures]

    # --- narratives -----------------------------------------------------------------------------
    def narrative(self, actor: Actor, period: Period | str) -> Narrative:
        """The narrative sections written for ``period`` (empty ones if none)."""
        actor.require(Permission.VIEW_REPORTS)
        with self._db.reading() as uow:
            row = repo.narrative(uow.session, _period(period).code)
            return Narrative(row.done, row.problems, row.plans) if row else Narrative()

    def save_narrative(self, actor: Actor, period: Period | str, narrative: Narrative) -> Narrative:
        """Keep the narrative sections of ``period`` (trimmed; ``FieldErrors`` for a text
        that is too long). Audited."""
        actor.require(Permission.MANAGE_REPORTS)
        code = _period(period).code
        text = narrative.checked()
        with self._db.writing() as uow:
            s = uow.session
            row = repo.narrative(s, code)
            before = None if row is None else asdict(Narrative(row.done, row.problems, row.plans))
            if before == asdict(text):
                return text
            if row is None:
                row = ReportNarrative(period=code)
                s.add(row)
            row.done, row.problems, row.plans = text.done, text.problems, text.plans
            row.updated_at, row.updated_by = self._now(), actor.user_id
            audit.record(
                s,
                actor,
                "update",
                "report_narrative",
                code,
                before=before,
                after=asdict(text),
                at=self._now(),
            )
            uow.commit()
        return text

    # --- the archive ----------------------------------------------------------------------------
    def archive(
        self, actor: Actor, period: Period | str, *, progress: Progress | None = None
    ) -> ArchivedReport:
        """Generate the report of a closed period with its stored narrative and keep it."""
        actor.require(Permission.MANAGE_REPORTS)
        period = _period(period)
        now = self._now()
        if period.end_moment > now:
            raise DomainError(
                N_("{period} is not over yet; only a closed period's report is archived."),
                period=period.label,
            )
        narrative = self.narrative(actor, period)
        buffer = io.BytesIO()
        figures = self.build_pdf(actor, period, buffer, narrative=narrative, progress=progress)
        pdf = buffer.getvalue()
        with self._db.writing() as uow:
            s = uow.session
            row = ReportArchive(
                period=period.code,
                cutoff=figures.cutoff,
                created_at=now,
                created_by=actor.user_id,
                figures=json.dumps(figures.headline_values(), sort_keys=True),
                narrative=json.dumps(asdict(narrative), ensure_ascii=False),
                pdf=pdf,
                pdf_sha256=hashlib.sha256(pdf).hexdigest(),
            )
            s.add(row)
            s.flush()
            audit.record(
                s,
                actor,
                "archive",
                "report",
                period.code,
                after={"archive_id": row.id, "cutoff": figures.cutoff.isoformat(), "sha256": row.pdf_sha256},
                at=now,
            )
            uow.commit()
            return _archived(row, actor.full_name)

    def archived(self, actor: Actor, period: Period | str) -> ArchivedReport | None:
        """The latest archived report of ``period``, if it has been archived."""
        actor.require(Permission.VIEW_REPORTS)
        code = _period(period).code
        with self._db.reading() as uow:
            found = repo.archives(uow.session, code, limit=1)
            return _archived(*found[0]) if found else None

    def archived_reports(self, actor: Actor, limit: int = 200) -> list[ArchivedReport]:
        """Every archived report, newest first."""
        actor.require(Permission.VIEW_REPORTS)
        with self._db.reading() as uow:
            return [_archived(row, name) for row, name in repo.archives(uow.session, limit=limit)]

    def write_archived_pdf(self, actor: Actor, archive_id: int, target: str | Path | BinaryIO) -> None:
        """Write an archived report's PDF as it was printed (atomically for a path)."""
        from desktop.printing.template import write_atomically

        actor.require(Permission.VIEW_REPORTS)
        with self._db.reading() as uow:
            row = uow.session.get(ReportArchive, archive_id)
            if row is None:
                raise NotFound(N_("This archived report no longer exists."))
            pdf = bytes(row.pdf)

        def write(out: object) -> None:
            cast(BinaryIO, out).write(pdf)

        write_atomically(target, write)

    def changes_since_archive(
        self, actor: Actor, period: Period | str, figures: ReportFigures | None = None
    ) -> list[FigureChange]:
        """The headline figures of a fresh run that differ from the latest archived report
        of ``period`` (empty if none differ or nothing is archived)."""
        archived = self.archived(actor, period)
        if archived is None:
            return []
        fresh = (figures or self.figures(actor, period)).headline_values()
        out = []
        for key in METRICS:
            if key not in fresh and key not in archived.figures:
                continue
            old, new = archived.figures.get(key), fresh.get(key)
            if old is None and new is None:
                continue
            if old is None or new is None or abs(old - new) > 1e-9:
                out.append(FigureChange(key, old, new))
        return out
