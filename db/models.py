"""Typed SQLAlchemy 2 models: the shape of every table the application keeps.

The schema itself is owned by the Alembic migrations in ``db/migrations``; these models
must match them (pytest-alembic checks that the two agree).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    """Key/value settings that belong to the database (shared by every PC using it)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class User(Base):
    """A person who logs in. Lock-out state lives here so it survives a restart."""

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Grid(Base):
    """A 网格: the smallest unit of community management a resident belongs to."""

    __tablename__ = "grid"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class Tag(Base):
    """A key group (重点人群) such as 独居老人; residents carry any number of them."""

    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(32), unique=True)


class ResidentTag(Base):
    __tablename__ = "resident_tag"

    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id"), primary_key=True, index=True)


class Resident(Base):
    """A person in the residents register (居民档案).

    ``name_initials`` holds the pinyin initials (张三 → ``zs``) and the ``*_rev``
    columns the reversed phone and ID number, so that "last four digits" searches are
    index prefix look-ups instead of table scans.
    """

    __tablename__ = "resident"
    __table_args__ = (
        # ``archived`` rides along in every search index so that counting the matches
        # of a search never has to visit the table rows.
        Index("ix_resident_name", "name", "archived"),
        Index("ix_resident_name_initials", "name_initials", "archived"),
        Index("ix_resident_phone", "phone", "archived"),
        Index("ix_resident_phone_rev", "phone_rev", "archived"),
        Index("ix_resident_id_number", "id_number", "archived"),
        Index("ix_resident_id_number_rev", "id_number_rev", "archived"),
        Index("ix_resident_grid_id", "grid_id"),
        Index("ix_resident_archived", "archived"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    name_initials: Mapped[str] = mapped_column(String(64), default="")
    gender: Mapped[str] = mapped_column(String(8), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    id_number: Mapped[str | None] = mapped_column(String(18), nullable=True)
    id_number_rev: Mapped[str | None] = mapped_column(String(18), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(32), nullable=True)
    phone_rev: Mapped[str | None] = mapped_column(String(32), nullable=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id"), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set when this record was merged into another (合并重复居民); it is archived then.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("resident.id"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    # Raised by every change of the row (SQLAlchemy's version counter): a form opened
    # before another desk saved is refused instead of overwriting (desktop.common.conflicts).
    version: Mapped[int] = mapped_column(Integer, server_default="1")

    grid: Mapped[Grid | None] = relationship()
    tags: Mapped[list[Tag]] = relationship(secondary="resident_tag", order_by="Tag.id")

    __mapper_args__ = {"eager_defaults": False, "version_id_col": version}


class AuditEntry(Base):
    """One row of the append-only audit log: who changed what, before and after.

    Rows are chained: ``hash`` covers the row's content and the previous row's hash, so
    ``python main.py check`` can tell whether anything was altered or removed. Database
    triggers refuse UPDATE and DELETE.
    """

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_entity", "entity", "entity_id"),
        UniqueConstraint("hash", name="uq_audit_log_hash"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    chain: Mapped[int] = mapped_column(SmallInteger, default=1, server_default="1")
    """How ``hash`` was made: 1 plain SHA-256 (rows before revision 0007 and before the
    database's key was made), 2 HMAC-SHA-256 with the key kept outside the database."""


# --- reception and requests (诉求) ---------------------------------------------------------


class Category(Base):
    """A request category (诉求分类), two levels: ``parent_id`` is None for the top level."""

    __tablename__ = "category"
    __table_args__ = (UniqueConstraint("parent_id", "name", name="uq_category_parent_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"), nullable=True)
    name: Mapped[str] = mapped_column(String(64))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class Department(Base):
    """A department or organisation requests are routed to (承办单位), at one handling level."""

    __tablename__ = "department"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    level: Mapped[str] = mapped_column(String(16))  # community | town | district
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class Request(Base):
    """A resident's request (诉求) and where it stands.

    The current state is kept here for fast lists; what happened, and when, lives in the
    append-only ``request_event`` table. ``clock``/``warn_at``/``due_at`` describe the
    30135 clock that is running now (accept, answer, resolve or follow_up), so the list
    can filter by colour in SQL: red when ``due_at`` has passed, yellow from ``warn_at``.
    """

    __tablename__ = "request"
    __table_args__ = (
        Index("ix_request_status_due", "status", "due_at"),
        Index("ix_request_due", "due_at"),
        Index("ix_request_warn", "warn_at"),
        Index("ix_request_registered", "registered_at"),
        Index("ix_request_resident", "resident_id", "registered_at"),
        Index("ix_request_category", "category_id", "registered_at"),
        Index("ix_request_department", "lead_department_id", "registered_at"),
        Index("ix_request_grid", "grid_id", "registered_at"),
        Index("ix_request_channel", "channel", "registered_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"))
    channel: Mapped[str] = mapped_column(String(16))
    head_count: Mapped[int] = mapped_column(Integer, default=1)
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"))
    description: Mapped[str] = mapped_column(Text)
    address: Mapped[str] = mapped_column(String(200), default="")
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id"), nullable=True)
    urgency: Mapped[str] = mapped_column(String(8))  # red | yellow | green
    level: Mapped[str] = mapped_column(String(16))  # community | town | district
    lead_department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"), nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    round: Mapped[int] = mapped_column(Integer, default=1)
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime)
    registered_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    assigned_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    accepted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    answered_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    clock: Mapped[str | None] = mapped_column(String(16), nullable=True)
    warn_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    due_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("request.id"), nullable=True)
    satisfaction: Mapped[str | None] = mapped_column(String(16), nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class RequestAssist(Base):
    """An assisting department (协办) of a request; the lead (主办) is on the request."""

    __tablename__ = "request_assist"

    request_id: Mapped[int] = mapped_column(ForeignKey("request.id"), primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), primary_key=True)


class RequestEvent(Base):
    """One step in a request's life: who, when, from which state to which, and a note.

    Append-only (database triggers refuse UPDATE and DELETE): the timeline of a request
    is exactly its events, and nothing is ever edited away.
    """

    __tablename__ = "request_event"
    __table_args__ = (Index("ix_request_event_request", "request_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("request.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    from_status: Mapped[str] = mapped_column(String(16), default="")
    to_status: Mapped[str] = mapped_column(String(16), default="")
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"), nullable=True)
    round: Mapped[int] = mapped_column(Integer, default=1)
    note: Mapped[str] = mapped_column(Text, default="")
    # For clock events: which clock, and whether it was met (on-time rates per clock).
    clock: Mapped[str] = mapped_column(String(16), default="")
    on_time: Mapped[bool | None] = mapped_column(Boolean, nullable=True)


class FollowUp(Base):
    """A follow-up call (回访) to the resident after resolution: a task with its due date."""

    __tablename__ = "follow_up"
    __table_args__ = (Index("ix_follow_up_due", "done_at", "due_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("request.id"))
    round: Mapped[int] = mapped_column(Integer)
    due_at: Mapped[dt.datetime] = mapped_column(DateTime)
    done_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    done_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    satisfaction: Mapped[str | None] = mapped_column(String(16), nullable=True)
    comment: Mapped[str] = mapped_column(Text, default="")


class Attachment(Base):
    """A photo or scan attached to a request; the file lives in the data folder by hash."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("request.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)


class ResponseTemplate(Base):
    """A ready answer for common requests (答复模板), optionally for one category."""

    __tablename__ = "response_template"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"), nullable=True)


class ClockLimit(Base):
    """Limits of the four clocks for an urgency and/or category (None = any).

    The most specific row wins: urgency and category, then category, then urgency, then
    the default row (both None), which carries the 30135 rule.
    """

    __tablename__ = "clock_limit"
    __table_args__ = (UniqueConstraint("urgency", "category_id", name="uq_clock_limit_scope"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    urgency: Mapped[str | None] = mapped_column(String(8), nullable=True)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"), nullable=True)
    accept_minutes: Mapped[int] = mapped_column(Integer)
    answer_days: Mapped[int] = mapped_column(Integer)
    resolve_days: Mapped[int] = mapped_column(Integer)
    follow_up_days: Mapped[int] = mapped_column(Integer)


class CalendarOverride(Base):
    """An admin's correction of the official calendar: a holiday or a make-up working day."""

    __tablename__ = "calendar_override"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    is_workday: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(64), default="")


# --- love bank (爱心银行) ------------------------------------------------------------------


class Team(Base):
    """A volunteer team (志愿服务队)."""

    __tablename__ = "team"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    leader: Mapped[str] = mapped_column(String(64), default="")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class Volunteer(Base):
    """A volunteer: always a resident of the register, never retyped."""

    __tablename__ = "volunteer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"), unique=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"), nullable=True, index=True)
    joined_on: Mapped[dt.date] = mapped_column(Date)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class PointAccount(Base):
    """A volunteer's cached balance, and the row locked (PostgreSQL) while points move.

    ``available`` and ``frozen`` always equal the sums of the ledger; ``main.py check``
    recomputes them and reports any difference. ``approved_minutes`` caches total
    approved service time for star levels and rankings.
    """

    __tablename__ = "point_account"
    __table_args__ = (
        CheckConstraint("available >= 0", name="available_not_negative"),
        CheckConstraint("frozen >= 0", name="frozen_not_negative"),
    )

    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), primary_key=True)
    available: Mapped[int] = mapped_column(Integer, default=0)
    frozen: Mapped[int] = mapped_column(Integer, default=0)
    approved_minutes: Mapped[int] = mapped_column(Integer, default=0)


class Activity(Base):
    """A volunteer activity: its date, place, organiser and points multiplier (percent)."""

    __tablename__ = "activity"
    __table_args__ = (Index("ix_activity_date", "held_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    held_on: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(100), default="")
    organiser: Mapped[str] = mapped_column(String(64), default="")
    kind: Mapped[str] = mapped_column(String(32), default="")
    multiplier_percent: Mapped[int] = mapped_column(Integer, default=100)


class ServiceRecord(Base):
    """Hours of service waiting for, or having had, a coordinator's decision.

    Approval awards points by the rules in force (an ``earn`` ledger entry); a rejected
    record stays with its reason.
    """

    __tablename__ = "service_record"
    __table_args__ = (
        Index("ix_service_record_status", "status", "served_on"),
        Index("ix_service_record_volunteer", "volunteer_id", "served_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"))
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activity.id"), nullable=True)
    served_on: Mapped[dt.date] = mapped_column(Date)
    minutes: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16))  # pending | approved | rejected
    reason: Mapped[str] = mapped_column(Text, default="")
    points: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)


class LedgerEntry(Base):
    """One movement of points; append-only (triggers refuse UPDATE and DELETE).

    ``delta`` changes the available balance, ``frozen_delta`` the frozen points: a
    freeze moves points from available to frozen, a release back, a handover (核销)
    takes them out of frozen. A correction is a ``reversal`` entry naming the entry it
    reverses; ``reverses_id`` is unique, so an entry is reversed at most once.
    """

    __tablename__ = "ledger_entry"
    __table_args__ = (
        Index("ix_ledger_entry_volunteer", "volunteer_id", "delta", "frozen_delta"),
        Index("ix_ledger_entry_at", "at"),
        UniqueConstraint("reverses_id", name="uq_ledger_entry_reverses_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(16))
    delta: Mapped[int] = mapped_column(Integer, default=0)
    frozen_delta: Mapped[int] = mapped_column(Integer, default=0)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_entry.id"), nullable=True)
    service_record_id: Mapped[int | None] = mapped_column(ForeignKey("service_record.id"), nullable=True)
    redemption_id: Mapped[int | None] = mapped_column(ForeignKey("redemption.id"), nullable=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    username: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")


class RewardItem(Base):
    """An item of the 爱心超市: goods or a service, its points price and stock."""

    __tablename__ = "reward_item"
    __table_args__ = (
        CheckConstraint("stock >= 0", name="stock_not_negative"),
        CheckConstraint("price > 0", name="price_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="goods")  # goods | service
    price: Mapped[int] = mapped_column(Integer)
    stock: Mapped[int] = mapped_column(Integer, default=0)
    handed_over_later: Mapped[bool] = mapped_column(Boolean, default=False)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class Redemption(Base):
    """A volunteer taking items from the 爱心超市 for points.

    ``idempotency_key`` is made when the dialog opens, so a double click or a retry
    after a crash finds the redemption already made instead of making a second one.
    """

    __tablename__ = "redemption"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))  # completed | frozen | cancelled
    points: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class RedemptionLine(Base):
    __tablename__ = "redemption_line"

    redemption_id: Mapped[int] = mapped_column(ForeignKey("redemption.id"), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("reward_item.id"), primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer)
    price: Mapped[int] = mapped_column(Integer)


# --- several desks at once (revision 0008) ---------------------------------------------
class ChangeCounter(Base):
    """One row per topic of :mod:`db.changes`, its version raised by every committed write
    that touches the topic, in the same transaction. Other desks (processes) poll the
    versions every few seconds to hear what changed (:mod:`db.change_counter`)."""

    __tablename__ = "change_counter"

    topic: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)


class StoredFile(Base):
    """The bytes of an attachment, keyed by their SHA-256, when the database is a server
    that several PCs share (:mod:`desktop.common.attachments`). One row per content: the
    same photo attached twice is kept once."""

    __tablename__ = "stored_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)
