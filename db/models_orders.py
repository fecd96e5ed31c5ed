"""Typed models of the orders job (点单服务): the menu, providers, funds and orders.

居民点单 → 社区制单 → 社会组织接单 → 群众评单 → 政府买单. The schema is owned by the
migration ``0004``; pytest-alembic checks that these models agree with it. The models
live beside ``db.models`` (they use its ``Base``) rather than inside it so that one job's
tables stay one file; ``db/migrations/env.py`` and every module using them import this
module, which makes ``Base.metadata`` complete (``db.models`` cannot import it back
without an import cycle).

Money is always an integer of fen (分), never a float, in 64-bit columns (a 32-bit
column would stop at 21,474,836.47 元). ``order_event``, ``fund_entry``
and ``order_payment`` are append-only (database triggers refuse UPDATE and DELETE):
what happened to an order and to a fund's money is never edited away. The fund's
``committed``/``paid`` and an order's per-fund lines are caches of ``fund_entry``.
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
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base

# --- the menu (服务清单) -----------------------------------------------------------------


class ServiceItem(Base):
    """An item of the service menu: what residents may order, under a category.

    ``provider_kinds`` lists the provider kinds allowed to deliver it (comma-separated
    ``ProviderKind`` values; empty = any). The key groups it is meant for are in
    ``service_item_tag``.
    """

    __tablename__ = "service_item"
    __table_args__ = (
        UniqueConstraint("category", "name", name="uq_service_item_category_name"),
        CheckConstraint("guide_price >= 0", name="guide_price_not_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    category: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(String(16), default="")
    guide_price: Mapped[int] = mapped_column(BigInteger, default=0)  # fen per unit
    provider_kinds: Mapped[str] = mapped_column(String(200), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class ServiceItemTag(Base):
    """A key group (重点人群) a menu item is meant for."""

    __tablename__ = "service_item_tag"

    item_id: Mapped[int] = mapped_column(ForeignKey("service_item.id"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id"), primary_key=True)


# --- providers (服务主体) ------------------------------------------------------------------


class Provider(Base):
    """Who delivers services: a social organisation, a volunteer team, a unit, a company.

    ``rating`` is the 评估等级 (1–5 for 1A–5A) with the day it was given and the day it
    expires (five years on), kept so that SQL can find expired ratings. ``discredited``
    is the 失信/活动异常 flag.
    """

    __tablename__ = "provider"
    __table_args__ = (
        UniqueConstraint("name", name="uq_provider_name"),
        UniqueConstraint("credit_code", name="uq_provider_credit_code"),
        CheckConstraint("rating IS NULL OR (rating >= 1 AND rating <= 5)", name="rating_range"),
        Index("ix_provider_kind", "kind", "is_active"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(24))
    credit_code: Mapped[str | None] = mapped_column(String(18), nullable=True)
    legacy_code: Mapped[str] = mapped_column(String(32), default="")
    leader: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str | None] = mapped_column(String(32), nullable=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"), nullable=True)
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rated_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    rating_valid_until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    discredited: Mapped[bool] = mapped_column(Boolean, default=False)
    discredited_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    discredited_note: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ProviderArea(Base):
    """A service area (a menu category) a provider works in."""

    __tablename__ = "provider_area"

    provider_id: Mapped[int] = mapped_column(ForeignKey("provider.id"), primary_key=True)
    category: Mapped[str] = mapped_column(String(32), primary_key=True)


class ProviderInspection(Base):
    """The result of a provider's 年检/年报 for one year."""

    __tablename__ = "provider_inspection"

    provider_id: Mapped[int] = mapped_column(ForeignKey("provider.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    result: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")


# --- funds (资金) -------------------------------------------------------------------------


class Fund(Base):
    """A fund or budget line of one year, and the row locked while money is committed.

    ``committed`` (bound to orders, paid or not) and ``paid`` are caches of the fund's
    ``fund_entry`` rows; ``total - committed`` is what is left. The check constraints
    are the last line of defence: committed never exceeds the total, paid never exceeds
    what is committed.
    """

    __tablename__ = "fund"
    __table_args__ = (
        UniqueConstraint("name", name="uq_fund_name"),
        CheckConstraint("total > 0", name="total_positive"),
        CheckConstraint("committed >= 0 AND committed <= total", name="committed_within_total"),
        CheckConstraint("paid >= 0 AND paid <= committed", name="paid_within_committed"),
        CheckConstraint("order_cap IS NULL OR order_cap > 0", name="order_cap_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(24))
    total: Mapped[int] = mapped_column(BigInteger)
    order_cap: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    committed: Mapped[int] = mapped_column(BigInteger, default=0)
    paid: Mapped[int] = mapped_column(BigInteger, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class FundExclusion(Base):
    """A menu category a fund may not pay for."""

    __tablename__ = "fund_exclusion"

    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id"), primary_key=True)
    category: Mapped[str] = mapped_column(String(32), primary_key=True)


# --- orders (点单) ------------------------------------------------------------------------


class ServiceOrder(Base):
    """A resident's order and its work order, where it stands and what was agreed.

    The current stage is kept here for fast lists; what happened, and when, lives in the
    append-only ``order_event`` table. ``due_at`` is the deadline of the stage the order
    is in (the accept-by moment while it waits for a provider, the end of the deadline
    day while it is being delivered, the end of the 公示), so "overdue" is an index
    range. ``attention`` says why it came back to the community (declined, expired,
    redo, objection) until the next step is taken.
    """

    __tablename__ = "service_order"
    __table_args__ = (
        Index("ix_service_order_ordered", "ordered_at"),
        Index("ix_service_order_stage", "stage", "ordered_at"),
        Index("ix_service_order_due", "due_at", "stage"),
        Index("ix_service_order_category", "category", "ordered_at"),
        Index("ix_service_order_provider", "provider_id", "ordered_at"),
        Index("ix_service_order_grid", "grid_id", "ordered_at"),
        Index("ix_service_order_resident", "resident_id", "ordered_at"),
        Index("ix_service_order_request", "request_id"),
        Index("ix_service_order_attention", "attention", "ordered_at"),
        # Providers' performance is read from this index alone (db.orders_registry.performance).
        Index(
            "ix_service_order_performance",
            "provider_id",
            "accepted_at",
            "stage",
            "finished_at",
            "on_time",
            "rating",
            "completion_percent",
            "actual_people",
        ),
        CheckConstraint("budget >= 0", name="budget_not_negative"),
        CheckConstraint("contract_amount IS NULL OR contract_amount >= 0", name="contract_not_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"))
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id"), nullable=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("request.id"), nullable=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("service_item.id"), nullable=True)
    category: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    stage: Mapped[str] = mapped_column(String(20))
    attention: Mapped[str] = mapped_column(String(16), default="")
    ordered_at: Mapped[dt.datetime] = mapped_column(DateTime)
    ordered_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    # the work order (制单)
    scope: Mapped[str] = mapped_column(Text, default="")
    planned_people: Mapped[int] = mapped_column(Integer, default=0)
    planned_sessions: Mapped[int] = mapped_column(Integer, default=0)
    deadline: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    budget: Mapped[int] = mapped_column(BigInteger, default=0)
    drafted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    needs_approval: Mapped[bool] = mapped_column(Boolean, default=False)
    publicity_days: Mapped[int] = mapped_column(Integer, default=0)
    publicity_ends: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    # dispatch and delivery
    dispatched_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    accept_by: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("provider.id"), nullable=True)
    contract_amount: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    accepted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    on_time: Mapped[bool | None] = mapped_column(Boolean, nullable=True)  # finished by the deadline
    actual_people: Mapped[int] = mapped_column(Integer, default=0)  # sums of the sessions
    actual_sessions: Mapped[int] = mapped_column(Integer, default=0)
    redo_count: Mapped[int] = mapped_column(Integer, default=0)
    rating: Mapped[str | None] = mapped_column(String(16), nullable=True)
    rating_comment: Mapped[str] = mapped_column(Text, default="")
    checked_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    completion_percent: Mapped[int | None] = mapped_column(Integer, nullable=True)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    due_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class OrderTargetTag(Base):
    """A key group the work order plans to serve."""

    __tablename__ = "order_target_tag"

    order_id: Mapped[int] = mapped_column(ForeignKey("service_order.id"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id"), primary_key=True)


class OrderCandidate(Base):
    """A provider the order is offered to; the first to accept wins.

    ``declined_at`` is set when the provider declines (the reason is in the event)."""

    __tablename__ = "order_candidate"

    order_id: Mapped[int] = mapped_column(ForeignKey("service_order.id"), primary_key=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("provider.id"), primary_key=True)
    declined_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class OrderFund(Base):
    """One fund line of an order: planned budget, currently committed, paid so far.

    ``committed`` and ``paid`` are caches of the order's ``fund_entry`` rows for the fund.
    """

    __tablename__ = "order_fund"
    __table_args__ = (
        Index("ix_order_fund_fund", "fund_id", "order_id"),
        CheckConstraint("budget > 0", name="budget_positive"),
        CheckConstraint("committed >= 0 AND paid >= 0 AND paid <= committed", name="amounts_consistent"),
    )

    order_id: Mapped[int] = mapped_column(ForeignKey("service_order.id"), primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id"), primary_key=True)
    budget: Mapped[int] = mapped_column(BigInteger)
    committed: Mapped[int] = mapped_column(BigInteger, default=0)
    paid: Mapped[int] = mapped_column(BigInteger, default=0)


class OrderEvent(Base):
    """One step in an order's life: who, when, from which stage to which, and a note.

    Append-only. ``reporter`` names the provider's person when staff record a step on a
    provider's behalf (接单, 拒单, 服务记录); ``amount`` is the money the step bound, in fen.
    """

    __tablename__ = "order_event"
    __table_args__ = (Index("ix_order_event_order", "order_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("service_order.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(20))
    from_stage: Mapped[str] = mapped_column(String(20), default="")
    to_stage: Mapped[str] = mapped_column(String(20), default="")
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("provider.id"), nullable=True)
    reporter: Mapped[str] = mapped_column(String(64), default="")
    amount: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class OrderSession(Base):
    """A session of service the provider reported: when, how many people, what was done."""

    __tablename__ = "order_session"
    __table_args__ = (
        Index("ix_order_session_order", "order_id", "held_on"),
        CheckConstraint("people >= 0", name="people_not_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("service_order.id"))
    held_on: Mapped[dt.date] = mapped_column(Date)
    people: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text, default="")
    reporter: Mapped[str] = mapped_column(String(64), default="")
    reported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    reported_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)


class OrderSessionGroup(Base):
    """People of one key group served in a session."""

    __tablename__ = "order_session_group"
    __table_args__ = (CheckConstraint("people > 0", name="people_positive"),)

    session_id: Mapped[int] = mapped_column(ForeignKey("order_session.id"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id"), primary_key=True)
    people: Mapped[int] = mapped_column(Integer)


class OrderSessionVolunteer(Base):
    """A volunteer's time in a session; ``service_record_id`` is the pending record the
    love bank made of it (None if it could not be passed on)."""

    __tablename__ = "order_session_volunteer"
    __table_args__ = (CheckConstraint("minutes > 0", name="minutes_positive"),)

    session_id: Mapped[int] = mapped_column(ForeignKey("order_session.id"), primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), primary_key=True)
    minutes: Mapped[int] = mapped_column(Integer)
    service_record_id: Mapped[int | None] = mapped_column(ForeignKey("service_record.id"), nullable=True)


class OrderPayment(Base):
    """A payment (tranche) to the order's provider from one of its fund lines. Append-only.

    ``amount`` is what was paid; ``deduction`` (核减) what was cut from the payable sum,
    with its reason. ``over_contract_reason`` is the director's written reason when the
    payments pass the contract amount.
    """

    __tablename__ = "order_payment"
    __table_args__ = (
        UniqueConstraint("voucher", name="uq_order_payment_voucher"),
        Index("ix_order_payment_order", "order_id", "provider_id", "amount"),
        Index("ix_order_payment_paid_on", "paid_on"),
        Index("ix_order_payment_fund", "fund_id", "paid_on"),
        CheckConstraint("amount >= 0 AND deduction >= 0 AND amount + deduction > 0", name="amounts_valid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("service_order.id"))
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id"))
    provider_id: Mapped[int] = mapped_column(ForeignKey("provider.id"))
    tranche: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(BigInteger)
    deduction: Mapped[int] = mapped_column(BigInteger, default=0)
    deduction_reason: Mapped[str] = mapped_column(Text, default="")
    over_contract_reason: Mapped[str] = mapped_column(Text, default="")
    paid_on: Mapped[dt.date] = mapped_column(Date)
    voucher: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    username: Mapped[str] = mapped_column(String(64))


class FundEntry(Base):
    """One movement of a fund's money: committed to or released from an order, or paid.

    Append-only. ``committed_delta`` changes what the fund has bound, ``paid_delta``
    what it has paid; their sums per fund (and per order and fund) equal the caches on
    ``fund`` and ``order_fund``.
    """

    __tablename__ = "fund_entry"
    __table_args__ = (
        Index("ix_fund_entry_fund", "fund_id", "id"),
        Index("ix_fund_entry_order", "order_id", "fund_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id"))
    order_id: Mapped[int] = mapped_column(ForeignKey("service_order.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(16))  # commit | release | pay
    committed_delta: Mapped[int] = mapped_column(BigInteger, default=0)
    paid_delta: Mapped[int] = mapped_column(BigInteger, default=0)
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("order_payment.id"), nullable=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    username: Mapped[str] = mapped_column(String(64))


class OrderAttachment(Base):
    """A file kept with an order (a session's photos, sign-in sheets) or a provider
    (certificates); the file lives in the attachment store by hash."""

    __tablename__ = "order_attachment"
    __table_args__ = (
        Index("ix_order_attachment_order", "order_id"),
        Index("ix_order_attachment_provider", "provider_id"),
        CheckConstraint("order_id IS NOT NULL OR provider_id IS NOT NULL", name="has_owner"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("service_order.id"), nullable=True)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("order_session.id"), nullable=True)
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("provider.id"), nullable=True)
    kind: Mapped[str] = mapped_column(String(16))
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
