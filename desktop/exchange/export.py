"""导出 Excel: the rows a list's current filter shows, as a workbook to hand on.

``python main.py export residents|requests|volunteers|ledger|orders|redemptions FILE.xlsx`` and every
list page call :meth:`ExportService.export` with the list's filter. The workbook has
Chinese headers (the ones the importer recognises, so an exported register can be
imported again without losing a digit), dates as dates, ID numbers and phones as text.
ID numbers and phones are masked unless the user's role may see them in full
(``REVEAL_SENSITIVE``); every export is written to the audit log, with whether it held
the full numbers. Rows are read and written a page at a time (streaming), so memory
stays flat for the whole district.

Codes other jobs store (a request's status, a ledger entry's kind, an order's stage, a
redemption's status) are
written as their Chinese labels; the labels belong to those jobs and are handed in by
``desktop.opening`` as a :class:`Vocabulary`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from db import exchange as repo
from db.exchange import LedgerFilter, OrderFilter, RedemptionFilter
from db.requests import RequestFilter
from db.residents import ResidentFilter
from db.uow import Database
from desktop.common import audit
from desktop.common.clock import Clock, system_clock
from desktop.common.errors import DomainError
from desktop.common.i18n import N_
from desktop.common.labels import category_label
from desktop.common.masking import mask_id_number, mask_phone
from desktop.common.permissions import Actor, Permission
from desktop.exchange.fields import HEADERS, Field
from desktop.exchange.wording import Wording, same
from desktop.exchange.workbooks import DATE, DATETIME, NUMBER, Column, write_table


class ListName(StrEnum):
    RESIDENTS = "residents"
    REQUESTS = "requests"
    VOLUNTEERS = "volunteers"
    LEDGER = "ledger"
    ORDERS = "orders"
    REDEMPTIONS = "redemptions"


LIST_LABELS: dict[ListName, str] = {
    ListName.RESIDENTS: N_("Residents"),
    ListName.REQUESTS: N_("Requests"),
    ListName.VOLUNTEERS: N_("Volunteers"),
    ListName.LEDGER: N_("Points ledger"),
    ListName.ORDERS: N_("Service orders"),
    ListName.REDEMPTIONS: N_("Redemptions"),
}
SHEET_TITLES: dict[ListName, str] = {
    ListName.RESIDENTS: "居民档案",
    ListName.REQUESTS: "诉求",
    ListName.VOLUNTEERS: "志愿者",
    ListName.LEDGER: "积分台账",
    ListName.ORDERS: "服务订单",
    ListName.REDEMPTIONS: "兑换记录",
}
VIEW: dict[ListName, Permission] = {
    ListName.RESIDENTS: Permission.VIEW_RESIDENTS,
    ListName.REQUESTS: Permission.VIEW_REQUESTS,
    ListName.VOLUNTEERS: Permission.VIEW_LOVE_BANK,
    ListName.LEDGER: Permission.VIEW_LOVE_BANK,
    ListName.ORDERS: Permission.VIEW_ORDERS,
    ListName.REDEMPTIONS: Permission.VIEW_LOVE_BANK,
}


@dataclass(frozen=True)
class VolunteerFilter:
    text: str = ""
    team_id: int | None = None


@dataclass(frozen=True)
class Vocabulary:
    """Code → ``N_`` label of what other jobs store; wired by ``desktop.opening``."""

    request_status: Mapping[str, str] = field(default_factory=dict)
    channel: Mapping[str, str] = field(default_factory=dict)
    urgency: Mapping[str, str] = field(default_factory=dict)
    ledger_kind: Mapping[str, str] = field(default_factory=dict)
    order_stage: Mapping[str, str] = field(default_factory=dict)
    order_rating: Mapping[str, str] = field(default_factory=dict)
    redemption_status: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    masked: bool


Filter = (
    ResidentFilter | RequestFilter | VolunteerFilter | LedgerFilter | OrderFilter | RedemptionFilter | None
)

_STATUS = {False: "在册", True: "已归档"}
_ACTIVE = {True: "在册", False: "停用"}


def _hours(minutes: int) -> float:
    return round(minutes / 60, 2)


def _yuan(fen: int | None) -> float | None:
    return None if fen is None else round(fen / 100, 2)


class ExportService:
    """Exports of the lists.

    Args:
        db: the database.
        vocabulary: labels of the codes other jobs store.
        now: the clock (the colour filters of requests depend on the time).
    """

    def __init__(self, db: Database, *, vocabulary: Vocabulary | None = None, now: Clock = system_clock):
        self._db = db
        self._words = vocabulary or Vocabulary()
        self._now = now

    def lists(self, actor: Actor) -> list[ListName]:
        """The lists this user may export (service orders only where the database has them)."""
        names = [n for n in ListName if actor.can(VIEW[n])]
        if ListName.ORDERS in names:
            with self._db.reading() as uow:
                if not repo.has_orders(uow.session):
                    names.remove(ListName.ORDERS)
        return names

    def export(
        self,
        actor: Actor,
        name: ListName,
        path: Path,
        *,
        filter: Filter = None,
        wording: Wording | None = None,
        report: Callable[[int], None] | None = None,
        check: Callable[[], None] | None = None,
    ) -> ExportResult:
        """Write the list as the filter shows it to ``path`` (.xlsx); audited."""
        name = ListName(name)
        actor.require(VIEW[name])
        path = Path(path)
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        full = actor.can(Permission.REVEAL_SENSITIVE)
        w = wording or same
        builders = {
            ListName.RESIDENTS: self._residents,
            ListName.REQUESTS: self._requests,
            ListName.VOLUNTEERS: self._volunteers,
            ListName.LEDGER: self._ledger,
            ListName.ORDERS: self._orders,
            ListName.REDEMPTIONS: self._redemptions,
        }

        def reported(done: int) -> None:
            if check is not None:
                check()
            if report is not None:
                report(done)

        with self._db.reading() as uow:
            if name == ListName.ORDERS and not repo.has_orders(uow.session):
                raise DomainError(N_("This database has no service orders."))
            columns, pages = builders[name](uow.session, filter, full, w)
            rows = write_table(path, SHEET_TITLES[name], columns, pages, report=reported)
        with self._db.writing() as uow:
            audit.record(
                uow.session,
                actor,
                "export",
                name.value,
                after={"file": path.name, "rows": rows, "full_numbers": full, "filter": _describe(filter)},
                at=self._now(),
            )
            uow.commit()
        return ExportResult(path=path, rows=rows, masked=not full)

    # --- the lists ---------------------------------------------------------------------
    @staticmethod
    def _sensitive(full: bool) -> tuple[Callable[[Any], str], Callable[[Any], str]]:
        if full:
            return (lambda v: v or ""), (lambda v: v or "")
        return mask_id_number, mask_phone

    def _residents(
        self, session: Any, f: Filter, full: bool, w: Wording
    ) -> tuple[list[Column], Iterator[list]]:
        if not isinstance(f, ResidentFilter):
            f = ResidentFilter()
        id_text, phone_text = self._sensitive(full)
        columns = [
            Column("编号", NUMBER),
            Column(HEADERS[Field.NAME]),
            Column(HEADERS[Field.GENDER]),
            Column(HEADERS[Field.BIRTH_DATE], DATE),
            Column(HEADERS[Field.ID_NUMBER], as_text=True),
            Column(HEADERS[Field.PHONE], as_text=True),
            Column(HEADERS[Field.ADDRESS]),
            Column(HEADERS[Field.GRID]),
            Column(HEADERS[Field.TAGS]),
            Column(HEADERS[Field.NOTES]),
            Column("档案状态"),
            Column("建档时间", DATETIME),
        ]

        def pages() -> Iterator[list]:
            for page in repo.resident_rows(session, f):
                yield [
                    (
                        rid,
                        name,
                        gender,
                        birth,
                        id_text(idn),
                        phone_text(phone),
                        addr,
                        grid,
                        tags,
                        notes,
                        _STATUS[bool(archived)],
                        created,
                    )
                    for (
                        rid,
                        name,
                        gender,
                        birth,
                        idn,
                        phone,
                        addr,
                        grid,
                        tags,
                        notes,
                        archived,
                        created,
                    ) in page
                ]

        return columns, pages()

    def _volunteers(
        self, session: Any, f: Filter, full: bool, w: Wording
    ) -> tuple[list[Column], Iterator[list]]:
        if not isinstance(f, VolunteerFilter):
            f = VolunteerFilter()
        id_text, phone_text = self._sensitive(full)
        columns = [
            Column("编号", NUMBER),
            Column(HEADERS[Field.NAME]),
            Column(HEADERS[Field.GENDER]),
            Column(HEADERS[Field.ID_NUMBER], as_text=True),
            Column(HEADERS[Field.PHONE], as_text=True),
            Column(HEADERS[Field.ADDRESS]),
            Column(HEADERS[Field.TEAM]),
            Column(HEADERS[Field.JOINED_ON], DATE),
            Column(HEADERS[Field.HOURS], NUMBER),
            Column(HEADERS[Field.POINTS], NUMBER),
            Column("冻结积分", NUMBER),
            Column("状态"),
        ]

        def pages() -> Iterator[list]:
            for page in repo.volunteer_rows(session, f.text, f.team_id):
                yield [
                    (
                        vid,
                        name,
                        gender,
                        id_text(idn),
                        phone_text(phone),
                        addr,
                        team,
                        joined,
                        _hours(minutes),
                        available,
                        frozen,
                        _ACTIVE[bool(active)],
                    )
                    for (
                        vid,
                        name,
                        gender,
                        idn,
                        phone,
                        addr,
                        team,
                        joined,
                        minutes,
                        available,
                        frozen,
                        active,
                    ) in page
                ]

        return columns, pages()

    def _ledger(self, session: Any, f: Filter, full: bool, w: Wording) -> tuple[list[Column], Iterator[list]]:
        if not isinstance(f, LedgerFilter):
            f = LedgerFilter()
        kinds = self._words.ledger_kind
        columns = [
            Column("流水号", NUMBER),
            Column("时间", DATETIME),
            Column("志愿者"),
            Column("类型"),
            Column("可用积分变动", NUMBER),
            Column("冻结积分变动", NUMBER),
            Column("经办人"),
            Column("备注"),
        ]

        def pages() -> Iterator[list]:
            for page in repo.ledger_rows(session, f):
                yield [
                    (eid, at, name, w(kinds.get(kind, kind)), delta, frozen, staff, note)
                    for eid, at, name, kind, delta, frozen, staff, note in page
                ]

        return columns, pages()

    def _redemptions(
        self, session: Any, f: Filter, full: bool, w: Wording
    ) -> tuple[list[Column], Iterator[list]]:
        if not isinstance(f, RedemptionFilter):
            f = RedemptionFilter()
        _id_text, phone_text = self._sensitive(full)
        statuses = self._words.redemption_status
        columns = [
            Column("兑换单号"),
            Column("兑换时间", DATETIME),
            Column("志愿者"),
            Column(HEADERS[Field.PHONE], as_text=True),
            Column("状态"),
            Column("积分", NUMBER),
            Column("兑换物品"),
            Column("经办人"),
            Column("核销/取消时间", DATETIME),
            Column("备注"),
        ]

        def pages() -> Iterator[list]:
            for page in repo.redemption_rows(session, f):
                yield [
                    (
                        f"DH{rid:06d}",  # the number on the receipt and the lists
                        at,
                        name,
                        phone_text(phone),
                        w(statuses.get(status, status)),
                        points,
                        items,
                        staff,
                        closed,
                        note,
                    )
                    for rid, at, name, phone, status, points, items, staff, closed, note in page
                ]

        return columns, pages()

    def _requests(
        self, session: Any, f: Filter, full: bool, w: Wording
    ) -> tuple[list[Column], Iterator[list]]:
        if not isinstance(f, RequestFilter):
            f = RequestFilter()
        _id_text, phone_text = self._sensitive(full)
        v = self._words
        columns = [
            Column("编号"),
            Column("登记时间", DATETIME),
            Column("居民"),
            Column(HEADERS[Field.PHONE], as_text=True),
            Column("渠道"),
            Column("分类"),
            Column("紧急程度"),
            Column("状态"),
            Column("主办单位"),
            Column("当前时限", DATETIME),
            Column("诉求内容"),
            Column("地址"),
            Column(HEADERS[Field.GRID]),
            Column("办结时间", DATETIME),
        ]
        now = self._now()

        def pages() -> Iterator[list]:
            for page in repo.request_rows(session, f, now):
                yield [
                    (
                        number,
                        registered,
                        resident,
                        phone_text(phone),
                        w(v.channel.get(channel, channel)),
                        category_label(category, parent),
                        w(v.urgency.get(urgency, urgency)),
                        w(v.request_status.get(status, status)),
                        department,
                        due,
                        description,
                        address,
                        grid,
                        closed,
                    )
                    for (
                        _id,
                        number,
                        registered,
                        resident,
                        phone,
                        channel,
                        category,
                        parent,
                        urgency,
                        status,
                        department,
                        due,
                        description,
                        address,
                        grid,
                        closed,
                    ) in page
                ]

        return columns, pages()

    def _orders(self, session: Any, f: Filter, full: bool, w: Wording) -> tuple[list[Column], Iterator[list]]:
        if not isinstance(f, OrderFilter):
            f = OrderFilter()
        v = self._words
        columns = [
            Column("单号"),
            Column("下单时间", DATETIME),
            Column("居民"),
            Column("服务类别"),
            Column("服务内容"),
            Column("阶段"),
            Column("服务主体"),
            Column("合同金额（元）", NUMBER),
            Column("截止日期", DATE),
            Column("评价"),
            Column("完成时间", DATETIME),
        ]

        def pages() -> Iterator[list]:
            for page in repo.order_rows(session, f):
                yield [
                    (
                        number,
                        ordered,
                        resident,
                        category,
                        title,
                        w(v.order_stage.get(stage, stage)),
                        provider or "",
                        _yuan(amount),
                        deadline,
                        w(v.order_rating.get(rating, rating)) if rating else "",
                        finished,
                    )
                    for (
                        _id,
                        number,
                        ordered,
                        resident,
                        category,
                        title,
                        stage,
                        provider,
                        amount,
                        deadline,
                        rating,
                        finished,
                    ) in page
                ]

        return columns, pages()


def _describe(f: Filter) -> dict[str, Any]:
    """The filter as the audit log keeps it (only what was set)."""
    if f is None:
        return {}
    out: dict[str, Any] = {}
    for key, value in vars(f).items():
        if value in (None, "", False):
            continue
        out[key] = value.isoformat() if isinstance(value, dt.date) else value
    return out
