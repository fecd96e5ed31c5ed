"""Typed models of the reports job (月度报表): the narratives typed for a period, the
archive of generated reports, and the covering indexes the report figures are counted
from.

The schema is owned by the migration ``0005``; pytest-alembic checks that these models
agree with it. Like ``db.models_orders`` they live beside ``db.models`` (using its
``Base``); ``db/migrations/env.py`` and every module using them import this module.

The indexes below belong to tables of other jobs (requests, the love bank) but exist for
the reports alone: each lets a figure be counted as index ranges over one time column,
without reading table rows (see ``db.reports``). They are declared here, next to the
queries' owner, so that the tables' own models stay as their jobs wrote them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base, FollowUp, LedgerEntry, Redemption, Request, RequestEvent, ServiceRecord
from db.models_orders import OrderEvent, ServiceOrder


class ReportNarrative(Base):
    """The three narrative sections of one period's report (本月工作完成情况, 存在问题,
    下月工作计划), kept while the director writes them; ``period`` is the period's code
    (``2026-10``, ``2026-Q3``, ``2026``)."""

    __tablename__ = "report_narrative"

    period: Mapped[str] = mapped_column(String(16), primary_key=True)
    done: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    plans: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)


class ReportArchive(Base):
    """A report generated for a closed period, kept as printed: the PDF itself, its
    headline figures (JSON) and the cut-off it was counted at. Reprinting takes the PDF
    from here, so a reprint is the same document after later changes to the data; the
    figures let a fresh run show what changed since. Append-only: a new generation is a
    new row, the latest one of a period is its archived report."""

    __tablename__ = "report_archive"
    __table_args__ = (Index("ix_report_archive_period", "period", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(16))
    cutoff: Mapped[dt.datetime] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    figures: Mapped[str] = mapped_column(Text)
    narrative: Mapped[str] = mapped_column(Text, default="")
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    pdf_sha256: Mapped[str] = mapped_column(String(64))


# --- covering indexes for the figures ----------------------------------------------------------
REPORT_INDEXES = (
    # registrations per category × channel, per level, per status (merged, resolved), visitors
    Index("ix_request_report_category", Request.category_id, Request.channel, Request.registered_at),
    Index("ix_request_report_level", Request.level, Request.registered_at),
    Index("ix_request_report_status", Request.status, Request.registered_at),
    Index("ix_request_report_visitors", Request.registered_at, Request.head_count),
    # handling time, overdue clocks, follow-up answers per department
    Index(
        "ix_request_report_resolved",
        Request.resolved_at,
        Request.assigned_at,
        Request.lead_department_id,
        Request.level,
    ),
    Index("ix_request_report_due", Request.due_at, Request.clock, Request.lead_department_id),
    Index("ix_request_report_closed", Request.lead_department_id, Request.satisfaction, Request.closed_at),
    Index("ix_request_report_answered", Request.lead_department_id, Request.answered_at),
    # steps per action and on-time flag; assignments per department
    Index(
        "ix_request_event_report",
        RequestEvent.action,
        RequestEvent.on_time,
        RequestEvent.at,
        RequestEvent.request_id,
        RequestEvent.round,
    ),
    Index("ix_request_event_assigned", RequestEvent.action, RequestEvent.department_id, RequestEvent.at),
    Index("ix_follow_up_report", FollowUp.satisfaction, FollowUp.done_at),
    # the love bank
    Index(
        "ix_service_record_served",
        ServiceRecord.status,
        ServiceRecord.served_on,
        ServiceRecord.volunteer_id,
        ServiceRecord.minutes,
        ServiceRecord.points,
    ),
    Index(
        "ix_service_record_decided",
        ServiceRecord.status,
        ServiceRecord.decided_at,
        ServiceRecord.volunteer_id,
        ServiceRecord.minutes,
    ),
    Index(
        "ix_ledger_entry_report",
        LedgerEntry.at,
        LedgerEntry.kind,
        LedgerEntry.redemption_id,
        LedgerEntry.reverses_id,
        LedgerEntry.delta,
        LedgerEntry.frozen_delta,
    ),
    Index("ix_redemption_created", Redemption.created_at),
    Index("ix_redemption_closed", Redemption.status, Redemption.closed_at),
    # service orders: closed and finished in a window, ratings given in a window
    Index("ix_service_order_report_closed", ServiceOrder.closed_at),
    Index(
        "ix_service_order_report_finished",
        ServiceOrder.finished_at,
        ServiceOrder.provider_id,
        ServiceOrder.on_time,
    ),
    Index("ix_order_event_report", OrderEvent.action, OrderEvent.at, OrderEvent.order_id),
)
