"""The SQL of the narratives and the archive of the reports job (report_narrative,
report_archive)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import User
from db.models_reports import ReportArchive, ReportNarrative


def narrative(session: Session, period: str) -> ReportNarrative | None:
    """The narrative row of a period (its code), if one was written."""
    return session.get(ReportNarrative, period)


def latest_archive(session: Session, period: str) -> ReportArchive | None:
    """The newest archived report of a period, if any."""
    return session.scalar(
        select(ReportArchive).where(ReportArchive.period == period).order_by(ReportArchive.id.desc()).limit(1)
    )


def archives(
    session: Session, period: str | None = None, limit: int = 200
) -> list[tuple[ReportArchive, str]]:
    """Archived reports (of one period, or all), newest first, with who made each."""
    stmt = (
        select(ReportArchive, User.full_name)
        .outerjoin(User, User.id == ReportArchive.created_by)
        .order_by(ReportArchive.id.desc())
        .limit(limit)
    )
    if period is not None:
        stmt = stmt.where(ReportArchive.period == period)
    return [(row, name or "") for row, name in session.execute(stmt)]
