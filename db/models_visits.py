"""Typed models of the visits job (网格走访): the visit plan's rules, the visits, what
they found, their photos, and which grids each worker looks after.

The schema is owned by the migration ``0009``. Like ``db.models_orders`` these models
live beside ``db.models`` (using its ``Base``); ``db/migrations/env.py`` and every module
using them import this module.

``visit``, ``visit_report`` and ``visit_photo`` are append-only (database triggers refuse
UPDATE and DELETE): a visit once recorded stays; a correction is a new ``visit`` row
whose ``supersedes_id`` names the entry it replaces (unique: an entry is superseded at
most once). ``visit_summary`` is a cache of the visits per resident (the last counted
visit in person and by any way), kept in the same transaction as every visit written,
so the due list of 20,000 residents is one indexed join instead of 20,000 look-ups.

Rules are keyed by the key group's *name* (``tag.name``), not its id: the defaults
("五必访": 困难家庭、重点帮扶、失业人员、独居老人、流动党员, every month) are written by
the migration before any tag exists, and apply as soon as the register has the tag.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.changes import Topic, register_table
from db.models import Base

FREQUENCIES = ("weekly", "monthly", "quarterly", "none")
METHODS = ("home", "phone", "centre")


class VisitRule(Base):
    """走访计划: how often residents of a key group are visited, and whether a phone call
    counts as a visit. ``frequency`` 'none' keeps the group out of the plan."""

    __tablename__ = "visit_rule"
    __table_args__ = (
        CheckConstraint("frequency IN ('weekly', 'monthly', 'quarterly', 'none')", name="frequency_known"),
    )

    tag_name: Mapped[str] = mapped_column(String(32), primary_key=True)
    frequency: Mapped[str] = mapped_column(String(16))
    phone_counts: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class Visit(Base):
    """One visit (走访) to a resident; append-only.

    ``grid_id`` is the resident's grid when the visit was recorded. A correction is a new
    row with ``supersedes_id`` set (and ``withdrawn`` when the visit should not have been
    recorded at all): the current visits are those no other row supersedes.
    """

    __tablename__ = "visit"
    __table_args__ = (
        Index("ix_visit_resident", "resident_id", "visited_on"),
        Index("ix_visit_visited_on", "visited_on", "grid_id"),
        Index("ix_visit_visitor", "visitor_id", "visited_on"),
        UniqueConstraint("supersedes_id", name="uq_visit_supersedes_id"),
        CheckConstraint("method IN ('home', 'phone', 'centre')", name="method_known"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"))
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id"), nullable=True)
    visited_on: Mapped[dt.date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(16))
    visitor_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    companions: Mapped[str] = mapped_column(String(200), default="")
    findings: Mapped[str] = mapped_column(Text, default="")
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"), nullable=True)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    username: Mapped[str] = mapped_column(String(64))


class VisitReport(Base):
    """A 七必报 item ticked on a visit; an item needing action names the request it
    became (channel 网格员上报). Append-only."""

    __tablename__ = "visit_report"
    __table_args__ = (UniqueConstraint("visit_id", "item", name="uq_visit_report_visit_item"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"), index=True)
    item: Mapped[str] = mapped_column(String(24))
    request_id: Mapped[int | None] = mapped_column(ForeignKey("request.id"), nullable=True)


class VisitPhoto(Base):
    """A photo taken on a visit; the file is kept by the attachment store. Append-only."""

    __tablename__ = "visit_photo"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)


class VisitSummary(Base):
    """Per resident, the date of the last current visit (any way) and in person (入户 or
    到中心): a cache of ``visit`` rewritten with every visit recorded for the resident."""

    __tablename__ = "visit_summary"

    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"), primary_key=True)
    last_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    last_in_person_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    last_visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"), nullable=True)


class GridWorker(Base):
    """A user who looks after a grid (网格员): their due list and 今日待办 show its residents."""

    __tablename__ = "grid_worker"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grid.id"), primary_key=True, index=True)


VISIT_APPEND_ONLY = ("visit", "visit_report", "visit_photo")

for _table, _attribute in (
    ("visit", "resident_id"),
    ("visit_report", "visit_id"),
    ("visit_photo", "visit_id"),
    ("visit_summary", "resident_id"),
    ("visit_rule", "tag_name"),
    ("grid_worker", "grid_id"),
):
    register_table(_table, Topic.VISITS, _attribute)
