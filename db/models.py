"""Typed SQLAlchemy 2 models: the shape of every table the application keeps.

The schema itself is owned by the Alembic migrations in ``db/migrations``; these models
must match them (pytest-alembic checks that the two agree).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
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
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    grid: Mapped[Grid | None] = relationship()
    tags: Mapped[list[Tag]] = relationship(secondary="resident_tag", order_by="Tag.id")

    __mapper_args__ = {"eager_defaults": False}


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
