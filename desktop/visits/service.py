"""The visits job's service (网格走访): every screen of the job asks :class:`VisitService`.

Built in ``desktop/opening.py`` as ``services.visits``::

    VisitService(db, now=system_clock, *, raise_request=None, files=None)

``raise_request`` registers a 网格员上报 request inside the visit's unit of work (the
requests job's rule, injected: ``desktop.requests.grid_reports``); ``files`` is the one
attachment store (``desktop.common.attachments.AttachmentStore``) that keeps photos.

Reading (permission ``VIEW_VISITS``; all return frozen dataclasses)
    ``rules(actor) -> list[RuleRow]``
        走访计划: one row per key group of the register plus every default/ruled name.
    ``grids(actor) -> list[tuple[int, str]]``, ``my_grids(actor) -> list[int]``
    ``workers(actor) -> list[WorkerRow]``: active users with their grids.
    ``visitors(actor) -> list[tuple[int, str]]``: active users, for the "who visited" pick.
    ``due(actor, f: DueFilter) -> DueResult``
        The due list as of ``f.as_of`` (default today): ``result.count``,
        ``result.by_status`` ({"overdue": n, "due": n, "done": n}, the status filter
        ignored) and ``result.page(offset, limit) -> list[DueRow]`` (overdue first, then
        due, then done; by grid and name). SQL, windowed.
    ``due_this_week(actor, limit=20) -> WeekDue``
        For 今日待办: the visits still open (overdue or due by the end of this week) in
        the user's grids (all grids when they have none assigned and may see all).
    ``history(actor, resident_id, include_replaced=False) -> list[VisitRow]``
        A resident's visits, newest first (for their page in 居民档案).
    ``visit(actor, visit_id) -> VisitRow``
    ``figures(actor, first, last) -> desktop.visits.figures.VisitFigures``
    ``ledger(actor, grid_id, month) -> LedgerData`` and
    ``build_ledger_pdf(actor, grid_id, month, target) -> LedgerData``:
        the printable monthly 走访台账 of one grid (``month``: any date in the month).
    ``photo_file(actor, sha256, name="") -> Path``: a local copy of a visit's photo to open.

Writing
    ``record(actor, form: VisitForm) -> RecordedVisit``  (``RECORD_VISITS``)
    ``record_batch(actor, grid_id, forms) -> list[RecordedVisit]``  (``RECORD_VISITS``)
        all or nothing; a bad row raises ``BatchRowError`` (``.row`` 1-based, ``.errors``).
    ``correct(actor, visit_id, form, reason) -> RecordedVisit``  (``RECORD_VISITS``)
    ``withdraw(actor, visit_id, reason) -> RecordedVisit``  (``RECORD_VISITS``)
    ``save_rule(actor, tag_name, frequency, phone_counts) -> RuleRow``  (``MANAGE_VISIT_RULES``)
    ``set_worker_grids(actor, user_id, grid_ids) -> None``  (``MANAGE_VISIT_RULES``)

Bad input raises ``FieldErrors`` (field names: resident, visited_on, method, visitor,
companions, findings, items, photos, reason, frequency) and writes nothing.

For the reports job (wired in ``desktop/opening.py``):
    ``report_section(first, last, cutoff) -> ReportSection | None``
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select

from db import settings as settings_repo
from db import visits as repo
from db.models import User
from db.models_visits import Visit, VisitRule
from db.uow import Database
from desktop.common import audit
from desktop.common.attachments import AttachmentStore
from desktop.common.clock import Clock, system_clock
from desktop.common.errors import DomainError, FieldErrors, NotFound, found
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission
from desktop.common.workcalendar import WorkCalendar
from desktop.visits import recording
from desktop.visits.figures import VisitFigures, standings, visit_figures
from desktop.visits.ledger import LedgerData, LedgerRow, ReportSection, report_section
from desktop.visits.plan import Status, rank_codes, status_of, windows_on
from desktop.visits.recording import (
    BatchRowError,
    RaiseRequest,
    RecordedVisit,
    VisitForm,
)
from desktop.visits.rules import (
    DEFAULT_RULES,
    FREQUENCY_LABELS,
    Frequency,
    Method,
    unrank,
    window,
)

__all__ = [
    "BatchRowError",
    "DueFilter",
    "DueResult",
    "DueRow",
    "LedgerData",
    "RecordedVisit",
    "ReportSection",
    "RuleRow",
    "VisitFigures",
    "VisitForm",
    "VisitRow",
    "VisitService",
    "WeekDue",
    "WorkerRow",
]


FIRST_ROWS = 100
"""Rows read with the counts when the due list opens (a screen and a half)."""


@dataclass(frozen=True)
class RuleRow:
    """One key group's rule. ``is_default`` when it is one of the "五必访" defaults;
    ``residents`` how many (not archived) residents carry the tag (0 if the register has
    no such tag yet)."""

    tag_name: str
    frequency: Frequency
    phone_counts: bool
    is_default: bool
    in_register: bool
    residents: int


@dataclass(frozen=True)
class WorkerRow:
    user_id: int
    full_name: str
    username: str
    role: str
    grid_ids: tuple[int, ...]


@dataclass(frozen=True)
class DueFilter:
    """What the 走访台账 list asks. ``status``: "overdue" | "due" | "done" | None;
    ``open_only`` leaves out the done ones; ``text`` a name or its pinyin initials."""

    grid_id: int | None = None
    worker_id: int | None = None
    status: str | None = None
    open_only: bool = False
    text: str = ""
    as_of: dt.date | None = None


@dataclass(frozen=True)
class DueRow:
    resident_id: int
    name: str
    address: str
    grid_id: int | None
    grid: str
    tags: str  # 独居老人、困难家庭
    frequency: Frequency
    phone_counts: bool
    window: str  # 2026-12, 2026年第4季度, 12-07至12-13
    due_on: dt.date
    status: Status
    last_visit_on: dt.date | None  # the last visit of any kind
    last_counted_on: dt.date | None  # the last that counts for the rule
    last_visitor: str


class DueResult:
    """One reading of the due list: its size, the counts per status, pages on demand."""

    def __init__(
        self,
        service: VisitService,
        actor: Actor,
        query: repo.DueQuery,
        count: int,
        by_status: dict[str, int],
        first: list[DueRow],
    ):
        self._service, self._actor, self._query = service, actor, query
        self.count = count
        self.by_status = by_status
        self._first = first  # read with the counts: the first screen costs one query

    def page(self, offset: int, limit: int) -> list[DueRow]:
        if offset + limit <= len(self._first) or len(self._first) == self.count:
            return self._first[offset : offset + limit]
        return self._service._due_page(self._actor, self._query, offset, limit)


@dataclass(frozen=True)
class WeekDue:
    """For 今日待办: open visits (overdue, or due by the end of this week) in the user's grids."""

    overdue: int
    due_this_week: int
    rows: tuple[DueRow, ...]
    grid_ids: tuple[int, ...]


@dataclass(frozen=True)
class VisitRow:
    id: int
    resident_id: int
    resident_name: str
    visited_on: dt.date
    method: Method
    visitor_id: int
    visitor: str
    companions: str
    findings: str
    items: tuple[str, ...]
    request_ids: tuple[int, ...]
    photos: tuple[tuple[str, str], ...]  # (sha256, file name)
    recorded_at: dt.datetime
    recorded_by: str
    supersedes_id: int | None
    withdrawn: bool
    reason: str
    replaced: bool  # a later entry corrects or withdraws this one


class VisitService:
    """The visit plan, visit records, the ledger and the figures (网格走访).

    Args:
        db: the database.
        now: the clock (today's plan, "not in the future", the stamps).
        raise_request: the requests job's hook for 网格员上报 requests (see module doc).
        files: the attachment store photos are kept in.
    """

    def __init__(
        self,
        db: Database,
        now: Clock = system_clock,
        *,
        raise_request: RaiseRequest | None = None,
        files: AttachmentStore | None = None,
    ):
        self._db = db
        self._now = now
        self._raise_request = raise_request
        self._files = files

    def _today(self) -> dt.date:
        return self._now().date()

    # --- rules and workers ----------------------------------------------------------------
    def rules(self, actor: Actor) -> list[RuleRow]:
        actor.require(Permission.VIEW_VISITS)
        with self._db.reading() as uow:
            s = uow.session
            stored = {r.tag_name: (r.frequency, r.phone_counts) for r in repo.rules(s)}
            in_register = repo.tag_ids_by_name(s)
            residents = repo.tag_counts(s)
        names = list(dict.fromkeys([*DEFAULT_RULES, *in_register, *stored]))
        rows = []
        for name in names:
            rule = stored.get(name)
            rows.append(
                RuleRow(
                    tag_name=name,
                    frequency=Frequency(rule[0]) if rule else Frequency.NONE,
                    phone_counts=bool(rule and rule[1]),
                    is_default=name in DEFAULT_RULES,
                    in_register=name in in_register,
                    residents=residents.get(name, 0),
                )
            )
        return rows

    def save_rule(self, actor: Actor, tag_name: str, frequency: str, phone_counts: bool) -> RuleRow:
        """Set how often residents of a key group are visited (``none``: not in the plan)."""
        actor.require(Permission.MANAGE_VISIT_RULES)
        name = (tag_name or "").strip()
        if frequency not in FREQUENCY_LABELS:
            raise FieldErrors(
                {"frequency": DomainError(N_("Choose how often: every week, month or quarter."))}
            )
        with self._db.writing() as uow:
            s = uow.session
            if name not in repo.tag_ids_by_name(s) and name not in DEFAULT_RULES:
                raise NotFound(N_("The register has no key group named {name}."), name=name)
            rule = s.get(VisitRule, name)
            before = (
                None if rule is None else {"frequency": rule.frequency, "phone_counts": rule.phone_counts}
            )
            after = {"frequency": frequency, "phone_counts": bool(phone_counts)}
            if before != after:
                if rule is None:
                    rule = VisitRule(tag_name=name)
                    s.add(rule)
                rule.frequency, rule.phone_counts, rule.updated_at = (
                    frequency,
                    bool(phone_counts),
                    self._now(),
                )
                audit.record(
                    s, actor, "update", "visit_rule", name, before=before, after=after, at=self._now()
                )
                uow.commit()
        return next(r for r in self.rules(actor) if r.tag_name == name)

    def grids(self, actor: Actor) -> list[tuple[int, str]]:
        actor.require(Permission.VIEW_VISITS)
        with self._db.reading() as uow:
            return repo.grids(uow.session)

    def my_grids(self, actor: Actor) -> list[int]:
        actor.require(Permission.VIEW_VISITS)
        if actor.user_id is None:
            return []
        with self._db.reading() as uow:
            return repo.worker_grids(uow.session, actor.user_id)

    def workers(self, actor: Actor) -> list[WorkerRow]:
        actor.require(Permission.VIEW_VISITS)
        with self._db.reading() as uow:
            s = uow.session
            grids: dict[int, list[int]] = {}
            for user_id, grid_id in repo.grid_workers(s):
                grids.setdefault(user_id, []).append(grid_id)
            users = s.execute(
                select(User.id, User.full_name, User.username, User.role)
                .where(User.is_active.is_(True))
                .order_by(User.full_name, User.id)
            ).all()
        return [WorkerRow(u[0], u[1], u[2], u[3], tuple(sorted(grids.get(u[0], [])))) for u in users]

    def visitors(self, actor: Actor) -> list[tuple[int, str]]:
        return [(w.user_id, w.full_name) for w in self.workers(actor)]

    def set_worker_grids(self, actor: Actor, user_id: int, grid_ids: Sequence[int]) -> None:
        """Which grids a user looks after (replaces their previous grids)."""
        actor.require(Permission.MANAGE_VISIT_RULES)
        with self._db.writing() as uow:
            s = uow.session
            user = found(s.get(User, user_id), N_("This user no longer exists."))
            known = {g for g, _n in repo.grids(s)}
            if any(g not in known for g in grid_ids):
                raise NotFound(N_("This grid no longer exists."))
            before = sorted(repo.worker_grids(s, user.id))
            after = sorted(dict.fromkeys(grid_ids))
            if before == after:
                return
            repo.set_worker_grids(s, user.id, after)
            audit.record(
                s, actor, "update", "grid_worker", user.id, before=before, after=after, at=self._now()
            )
            uow.commit()

    # --- the due list ---------------------------------------------------------------------
    def due(self, actor: Actor, f: DueFilter) -> DueResult:
        actor.require(Permission.VIEW_VISITS)
        day = f.as_of or self._today()
        with self._db.reading() as uow:
            s = uow.session
            q = repo.DueQuery(
                codes=rank_codes(s),
                windows=windows_on(WorkCalendar.from_db(s), day),
                grid_id=f.grid_id,
                worker_id=f.worker_id,
                status=f.status,
                open_only=f.open_only,
                text=f.text,
            )
            by_code, records = repo.due_first(s, q, FIRST_ROWS)
            first = self._due_rows(s, q, records)
        by_status = {k: 0 for k in ("overdue", "due", "done")}
        by_status.update({status_of(code).value: n for code, n in by_code.items()})
        if f.status is not None:
            count = by_status[f.status]
        elif f.open_only:
            count = by_status["overdue"] + by_status["due"]
        else:
            count = sum(by_status.values())
        return DueResult(self, actor, q, count, by_status, first)

    def _due_page(self, actor: Actor, q: repo.DueQuery, offset: int, limit: int) -> list[DueRow]:
        actor.require(Permission.VIEW_VISITS)
        with self._db.reading() as uow:
            s = uow.session
            return self._due_rows(s, q, repo.due_page(s, q, offset, limit))

    @staticmethod
    def _due_rows(s, q: repo.DueQuery, records: list[repo.DueRecord]) -> list[DueRow]:
        tags = repo.tag_names_of(s, [r.resident_id for r in records])
        visitors = repo.visitor_names(s, [r.last_visit_id for r in records if r.last_visit_id])
        calendar = WorkCalendar.from_db(s)
        rows = []
        for r in records:
            frequency, phone = unrank(r.code)
            w = window(calendar, frequency, q.windows.as_of)
            rows.append(
                DueRow(
                    resident_id=r.resident_id,
                    name=r.name,
                    address=r.address,
                    grid_id=r.grid_id,
                    grid=r.grid_name,
                    tags="、".join(tags.get(r.resident_id, [])),
                    frequency=frequency,
                    phone_counts=phone,
                    window=w.label,
                    due_on=w.due,
                    status=status_of(r.status),
                    last_visit_on=r.last_on,
                    last_counted_on=r.last_counted_on,
                    last_visitor=visitors.get(r.last_visit_id, "") if r.last_visit_id else "",
                )
            )
        return rows

    def due_this_week(self, actor: Actor, limit: int = 20) -> WeekDue:
        """Open visits in the user's grids: overdue ones, and those due by Sunday."""
        actor.require(Permission.VIEW_VISITS)
        grids = tuple(self.my_grids(actor))
        today = self._today()
        sunday = today + dt.timedelta(days=6 - today.weekday())
        result = self.due(actor, DueFilter(worker_id=actor.user_id if grids else None, open_only=True))
        if not grids and actor.role.value == "grid_worker":
            return WeekDue(0, 0, (), ())
        rows = result.page(0, max(limit * 5, 100))
        this_week = [r for r in rows if r.status == Status.OVERDUE or r.due_on <= sunday]
        due_soon = sum(1 for r in this_week if r.status == Status.DUE)
        return WeekDue(result.by_status["overdue"], due_soon, tuple(this_week[:limit]), grids)

    # --- visits ---------------------------------------------------------------------------
    def record(self, actor: Actor, form: VisitForm) -> RecordedVisit:
        """Record one visit; ticked items needing action become requests in the same step."""
        actor.require(Permission.RECORD_VISITS)
        now = self._now()
        with self._db.reading() as uow:
            recording.check(uow.session, actor, form, now.date())
        stored = recording.store_photos(self._files, [Path(p) for p in form.photos])
        with self._db.writing() as uow:
            s = uow.session
            checked = recording.check(s, actor, form, now.date())
            result = recording.write(s, actor, checked, now, raise_request=self._raise_request, stored=stored)
            uow.commit()
            return result

    def record_batch(self, actor: Actor, grid_id: int, forms: Sequence[VisitForm]) -> list[RecordedVisit]:
        """Record a round of visits in one grid, all or nothing. A row that fails its
        checks raises ``BatchRowError`` naming the row (1-based) and the resident."""
        actor.require(Permission.RECORD_VISITS)
        if not forms:
            raise DomainError(N_("Enter at least one visit."))
        now = self._now()
        with self._db.reading() as uow:
            self._check_rows(uow.session, actor, grid_id, forms, now.date())
        stored = [recording.store_photos(self._files, [Path(p) for p in f.photos]) for f in forms]
        with self._db.writing() as uow:
            s = uow.session
            checked = self._check_rows(s, actor, grid_id, forms, now.date())
            results = [
                recording.write(s, actor, c, now, raise_request=self._raise_request, stored=photos)
                for c, photos in zip(checked, stored, strict=True)
            ]
            uow.commit()
            return results

    @staticmethod
    def _check_rows(s, actor: Actor, grid_id: int, forms: Sequence[VisitForm], today: dt.date) -> list:
        checked = []
        seen: dict[tuple[int | None, dt.date | None], int] = {}
        for n, form in enumerate(forms, start=1):
            try:
                c = recording.check(s, actor, form, today, grid_id=grid_id)
            except FieldErrors as exc:
                from db.models import Resident

                r = s.get(Resident, form.resident_id) if form.resident_id is not None else None
                raise BatchRowError(n, r.name if r is not None else "", exc.errors) from exc
            key = (form.resident_id, form.visited_on)
            if key in seen:
                raise BatchRowError(
                    n,
                    c.resident.name,
                    {"resident": DomainError(N_("The same visit is also in row {row}."), row=seen[key])},
                )
            seen[key] = n
            checked.append(c)
        return checked

    def correct(self, actor: Actor, visit_id: int, form: VisitForm, reason: str) -> RecordedVisit:
        """Correct a visit: a new entry that supersedes it (the old one stays, marked
        replaced). The resident stays the same; requests already raised stay linked."""
        return self._replace(actor, visit_id, form, reason, withdrawn=False)

    def withdraw(self, actor: Actor, visit_id: int, reason: str) -> RecordedVisit:
        """Take back a visit recorded by mistake: an entry that supersedes it and counts
        for nothing."""
        return self._replace(actor, visit_id, None, reason, withdrawn=True)

    def _replace(
        self, actor: Actor, visit_id: int, form: VisitForm | None, reason: str, *, withdrawn: bool
    ) -> RecordedVisit:
        actor.require(Permission.RECORD_VISITS)
        reason = (reason or "").strip()
        if not reason:
            raise FieldErrors({"reason": DomainError(N_("Say why the visit is corrected."))})
        if len(reason) > recording.REASON_MAX:
            raise FieldErrors(
                {"reason": DomainError(N_("The reason has at most {n} characters."), n=recording.REASON_MAX)}
            )
        now = self._now()
        stored = recording.store_photos(self._files, [Path(p) for p in form.photos]) if form else []
        with self._db.writing() as uow:
            s = uow.session
            old = found(s.get(Visit, visit_id), N_("This visit no longer exists."))
            if repo.is_superseded(s, old.id):
                raise DomainError(N_("This visit has already been corrected; correct the latest entry."))
            if old.withdrawn:
                raise DomainError(N_("This visit was withdrawn; record a new visit instead."))
            if form is None:
                form = VisitForm(
                    old.resident_id, old.visited_on, old.method, old.visitor_id, old.companions, old.findings
                )
            elif form.resident_id != old.resident_id:
                raise FieldErrors(
                    {
                        "resident": DomainError(
                            N_(
                                "A correction is for the same resident; "
                                "withdraw the visit and record a new one."
                            )
                        )
                    }
                )
            checked = recording.check(s, actor, form, now.date())
            result = recording.write(
                s,
                actor,
                checked,
                now,
                raise_request=self._raise_request,
                stored=stored,
                supersedes=old,
                reason=reason,
                withdrawn=withdrawn,
            )
            uow.commit()
            return result

    def history(self, actor: Actor, resident_id: int, include_replaced: bool = False) -> list[VisitRow]:
        actor.require(Permission.VIEW_VISITS)
        with self._db.reading() as uow:
            s = uow.session
            return self._rows(s, repo.visits_of_resident(s, resident_id, include_replaced=include_replaced))

    def visit(self, actor: Actor, visit_id: int) -> VisitRow:
        actor.require(Permission.VIEW_VISITS)
        with self._db.reading() as uow:
            s = uow.session
            v = found(s.get(Visit, visit_id), N_("This visit no longer exists."))
            return self._rows(s, [v])[0]

    def _rows(self, s, visits: Sequence[Visit]) -> list[VisitRow]:
        from db.models import Resident

        ids = [v.id for v in visits]
        reports = repo.reports_of(s, ids)
        photos = repo.photos_of(s, ids)
        names = repo.user_names(s, [v.visitor_id for v in visits] + [v.recorded_by for v in visits])
        replaced = (
            set(s.scalars(select(Visit.supersedes_id).where(Visit.supersedes_id.in_(ids)))) if ids else set()
        )
        residents = (
            {
                i: n
                for i, n in s.execute(
                    select(Resident.id, Resident.name).where(Resident.id.in_({v.resident_id for v in visits}))
                )
            }
            if visits
            else {}
        )
        return [
            VisitRow(
                id=v.id,
                resident_id=v.resident_id,
                resident_name=residents.get(v.resident_id, ""),
                visited_on=v.visited_on,
                method=Method(v.method),
                visitor_id=v.visitor_id,
                visitor=names.get(v.visitor_id, ""),
                companions=v.companions,
                findings=v.findings,
                items=tuple(x.item for x in reports.get(v.id, [])),
                request_ids=tuple(x.request_id for x in reports.get(v.id, []) if x.request_id),
                photos=tuple((p.sha256, p.filename) for p in photos.get(v.id, [])),
                recorded_at=v.recorded_at,
                recorded_by=names.get(v.recorded_by, v.username) if v.recorded_by else v.username,
                supersedes_id=v.supersedes_id,
                withdrawn=v.withdrawn,
                reason=v.reason,
                replaced=v.id in replaced,
            )
            for v in visits
        ]

    def photo_file(self, actor: Actor, sha256: str, name: str = "") -> Path:
        actor.require(Permission.VIEW_VISITS)
        if self._files is None:
            raise DomainError(N_("Photos cannot be kept in this installation."))
        return self._files.open(sha256, name)

    # --- figures and the ledger -----------------------------------------------------------
    def figures(self, actor: Actor, first: dt.date, last: dt.date) -> VisitFigures:
        """Due, done and overdue per grid and worker, and the 七必报 items, of a period."""
        actor.require(Permission.VIEW_VISITS)
        return self._figures(first, last, self._today())

    def _figures(self, first: dt.date, last: dt.date, today: dt.date) -> VisitFigures:
        with self._db.reading() as uow:
            s = uow.session
            return visit_figures(s, WorkCalendar.from_db(s), first, last, today)

    def report_section(self, first: dt.date, last: dt.date, cutoff: dt.datetime) -> ReportSection | None:
        """The 网格走访 section of the monthly report (the reports job checked its own
        permission); None when the plan has nothing in the period."""
        figures = self._figures(first, last, cutoff.date())
        return report_section(figures)

    def ledger(self, actor: Actor, grid_id: int, month: dt.date) -> LedgerData:
        """The monthly 走访台账 of one grid: who was due, seen when and by whom."""
        actor.require(Permission.VIEW_VISITS)
        first = month.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        last = following - dt.timedelta(days=1)
        today = self._today()
        with self._db.reading() as uow:
            s = uow.session
            grid_name = dict(repo.grids(s)).get(grid_id)
            if grid_name is None:
                raise NotFound(N_("This grid no longer exists."))
            members = standings(s, WorkCalendar.from_db(s), first, last, today, grid_id=grid_id)
            tags = repo.tag_names_of(s, [m.resident_id for m in members])
            names = repo.user_names(s, [v.visitor_id for m in members for v in m.visits])
            workers = repo.user_names(s, [u for u, g in repo.grid_workers(s) if g == grid_id])
            centre = settings_repo.get(s, settings_repo.CENTRE_NAME)
        rows = tuple(
            LedgerRow(
                name=m.name,
                address=m.address,
                tags="、".join(tags.get(m.resident_id, [])),
                frequency=m.frequency,
                phone_counts=m.phone_counts,
                due_dates=tuple(w.window.due for w in m.windows),
                visits=tuple(
                    (v.visited_on, v.method, names.get(v.visitor_id, ""), v.companions) for v in m.visits
                ),
                statuses=tuple(w.status for w in m.windows),
            )
            for m in members
        )
        return LedgerData(
            centre=centre or "",
            grid=grid_name,
            first=first,
            last=last,
            printed_at=self._now(),
            workers=tuple(sorted(workers.values())),
            rows=rows,
        )

    def build_ledger_pdf(
        self, actor: Actor, grid_id: int, month: dt.date, target: str | Path | BinaryIO
    ) -> LedgerData:
        """Write the grid's monthly 走访台账 as an A4 landscape PDF (atomically for a path)."""
        from desktop.visits.ledger_pdf import build_ledger

        data = self.ledger(actor, grid_id, month)
        build_ledger(data, target)
        return data
