"""The rows under a report's figures — the requests of the period, the overdue list, the
service hours and the redemptions — as the Excel export lists them, with phones and ID
numbers masked (the export leaves the app; the register's reveal is the only way to a
full number).

Rows are read a page at a time (one short read transaction per page), so a district's
100,000 requests of a month never sit in memory at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from db import reports_rows as repo
from db.reports import overdue_records
from db.uow import Database
from desktop.common.labels import category_label
from desktop.common.masking import mask_id_number, mask_phone
from desktop.common.workcalendar import WorkCalendar
from desktop.reports.periods import Period
from desktop.reports.request_figures import overdue_items
from desktop.reports.wording import (
    CHANNELS_ZH,
    CLOCKS_ZH,
    LEVELS_ZH,
    SATISFACTION_ZH,
    STATUSES_ZH,
    URGENCIES_ZH,
)

PAGE = 2_000
T = TypeVar("T")
K = TypeVar("K")
Cell = str | int | float | dt.datetime | dt.date | None


@dataclass(frozen=True)
class Listing:
    """A sheet of rows: its name, column heads and widths, and the rows (read lazily)."""

    sheet: str
    headers: tuple[str, ...]
    widths: tuple[int, ...]
    rows: Callable[[], Iterator[tuple[Cell, ...]]]


def _pages(read: Callable[[K | None], list[T]], key: Callable[[T], K]) -> Iterator[T]:
    """Every row, a page at a time; each page starts after the last row of the one before."""
    after: K | None = None
    while True:
        page = read(after)
        if not page:
            return
        yield from page
        after = key(page[-1])


def request_listing(db: Database, period: Period, cutoff: dt.datetime) -> Listing:
    """The requests registered in the period (merged duplicates left out)."""
    start, end = period.window(cutoff)

    def read(after: tuple[dt.datetime, int] | None) -> list[repo.RequestExportRecord]:
        with db.reading() as uow:
            return repo.request_export_page(uow.session, start, end, after, PAGE)

    def rows() -> Iterator[tuple[Cell, ...]]:
        for r in _pages(read, lambda r: (r.registered_at, r.id)):
            yield (
                r.number,
                r.registered_at,
                r.resident,
                mask_phone(r.phone),
                mask_id_number(r.id_number),
                CHANNELS_ZH.get(r.channel, r.channel),
                category_label(r.category, r.parent_category),
                r.grid,
                LEVELS_ZH.get(r.level, r.level),
                r.department,
                URGENCIES_ZH.get(r.urgency, r.urgency),
                STATUSES_ZH.get(r.status, r.status),
                r.head_count,
                r.assigned_at,
                r.resolved_at,
                r.closed_at,
                SATISFACTION_ZH.get(r.satisfaction or "", ""),
            )

    return Listing(
        "诉求明细",
        (
            "诉求编号",
            "受理时间",
            "居民",
            "电话",
            "身份证号",
            "渠道",
            "诉求分类",
            "网格",
            "办理层级",
            "承办单位",
            "紧急程度",
            "状态",
            "人数",
            "派单时间",
            "办结时间",
            "回访时间",
            "满意度",
        ),  # fmt: skip
        (16, 17, 10, 14, 20, 10, 24, 16, 10, 20, 8, 8, 6, 17, 17, 17, 10),
        rows,
    )


def overdue_listing(db: Database, period: Period, cutoff: dt.datetime) -> Listing:
    """Every open request past a clock at the cut-off, the longest overdue first."""
    _start, end = period.window(cutoff)

    def rows() -> Iterator[tuple[Cell, ...]]:
        offset = 0
        while True:
            with db.reading() as uow:
                calendar = WorkCalendar.from_db(uow.session)
                page = overdue_items(overdue_records(uow.session, end, PAGE, offset), cutoff, calendar)
            if not page:
                return
            for o in page:
                yield (
                    o.number,
                    o.registered_at,
                    o.category,
                    o.department,
                    CLOCKS_ZH.get(o.clock, o.clock),
                    o.due_at,
                    round(o.overdue_hours, 1),
                    URGENCIES_ZH.get(o.urgency, o.urgency),
                )
            offset += len(page)

    return Listing(
        "超期清单",
        (
            "诉求编号",
            "受理时间",
            "诉求分类",
            "承办单位",
            "超期环节",
            "应完成时间",
            "已超期（工作小时）",
            "紧急程度",
        ),
        (16, 17, 24, 20, 10, 17, 12, 8),
        rows,
    )


def service_listing(db: Database, period: Period, cutoff: dt.datetime) -> Listing:
    """The approved service hours served in the period."""
    first, last = period.date_window(cutoff)

    def read(after: tuple[dt.date, int] | None) -> list[repo.ServiceExportRecord]:
        with db.reading() as uow:
            return repo.service_export_page(uow.session, first, last, after, PAGE)

    def rows() -> Iterator[tuple[Cell, ...]]:
        for r in _pages(read, lambda r: (r.served_on, r.id)):
            yield (
                r.served_on,
                r.volunteer,
                mask_phone(r.phone),
                r.team,
                round(r.minutes / 60, 2),
                r.points,
                r.description,
            )

    return Listing(
        "服务明细",
        ("服务日期", "志愿者", "电话", "所属队伍", "服务时长（小时）", "积分", "服务内容"),
        (12, 10, 14, 20, 12, 8, 40),
        rows,
    )


def redemption_listing(db: Database, period: Period, cutoff: dt.datetime) -> Listing:
    """The lines of the redemptions made in the period."""
    start, end = period.window(cutoff)

    def read(after: tuple[dt.datetime, int] | None) -> list[repo.RedemptionExportRecord]:
        with db.reading() as uow:
            return repo.redemption_export_page(uow.session, start, end, after, PAGE)

    status = {"completed": "已兑换", "frozen": "待核销", "cancelled": "已取消"}

    def rows() -> Iterator[tuple[Cell, ...]]:
        for r in _pages(read, lambda r: (r.created_at, r.redemption_id)):
            yield (
                r.redemption_id,
                r.created_at,
                r.volunteer,
                mask_phone(r.phone),
                r.item,
                r.quantity,
                r.price,
                r.quantity * r.price,
                status.get(r.status, r.status),
            )

    return Listing(
        "兑换明细",
        ("兑换单号", "兑换时间", "志愿者", "电话", "物品", "数量", "单价（积分）", "积分", "状态"),
        (10, 17, 10, 14, 20, 6, 10, 8, 8),
        rows,
    )


def listings(db: Database, period: Period, cutoff: dt.datetime) -> tuple[Listing, ...]:
    """Every listing of a report, in the order the workbook shows them."""
    return (
        request_listing(db, period, cutoff),
        overdue_listing(db, period, cutoff),
        service_listing(db, period, cutoff),
        redemption_listing(db, period, cutoff),
    )
