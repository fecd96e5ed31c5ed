"""Providers (服务主体): the registry, and what to warn about each of them.

Registry fields: name, kind, 统一社会信用代码 (GB 32100; a failed check character is only
a warning, and for a 民政 code the second character must match the kind), a legacy
code, 负责人 and phone (masked in lists; revealed by an audited action), address, service
areas, 评估等级 1A–5A with the day given and the day it expires (five years on), 年检/年报
per year, the 失信/活动异常 flag with its date, a love-bank team for a volunteer team,
active or not. Warnings: an expired rating, a failed or missing 年检, the 失信 flag, a
credit code that does not check.

Reading needs ``VIEW_ORDERS``; changes ``MANAGE_PROVIDERS``; all are audited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from db import orders_registry as registry
from db.models import Team
from db.models_orders import Provider, ProviderInspection
from desktop.common import audit
from desktop.common.errors import DomainError, FieldErrors, NotFound
from desktop.common.i18n import N_
from desktop.common.masking import mask_phone
from desktop.common.permissions import Actor, Permission
from desktop.common.pinyin import initials
from desktop.common.validation import CIVIL_AFFAIRS_TYPES, check_credit_code, check_phone, form_text
from desktop.orders.base import OrdersBase
from desktop.orders.vocabulary import (
    INSPECTION_LABELS,
    PROVIDER_KIND_LABELS,
    RATING_YEARS,
    InspectionResult,
    ProviderKind,
    rating_label,
)

NAME_MAX = 100
LEADER_MAX = 64
ADDRESS_MAX = 200
LEGACY_MAX = 32
NOTES_MAX = 2_000


@dataclass(frozen=True)
class CreditCodeCheck:
    """A normalised credit code (or "" when none was typed) and its warnings."""

    code: str
    warnings: tuple[DomainError, ...] = ()


@dataclass(frozen=True)
class ProviderRow:
    """A provider as lists and pick lists show it: masked phone, warnings."""

    id: int
    name: str
    kind: ProviderKind
    credit_code: str
    legacy_code: str
    leader: str
    phone: str  # masked
    address: str
    areas: tuple[str, ...]
    team_id: int | None
    team: str
    rating: int | None  # 1–5
    rating_label: str  # "4A"
    rated_on: dt.date | None
    rating_valid_until: dt.date | None
    rating_expired: bool
    latest_inspection: tuple[int, InspectionResult] | None  # (year, result)
    discredited: bool
    discredited_on: dt.date | None
    is_active: bool
    has_legal_personality: bool
    warnings: tuple[DomainError, ...]


@dataclass(frozen=True)
class InspectionRow:
    year: int
    result: InspectionResult
    note: str


@dataclass(frozen=True)
class ProviderForm:
    name: str
    kind: str
    credit_code: str = ""
    legacy_code: str = ""
    leader: str = ""
    phone: str | None = ""  # None on edit: keep the phone (the screens show it masked)
    address: str = ""
    areas: Sequence[str] = field(default_factory=tuple)
    team_id: int | None = None
    rating: int | None = None  # 1–5 for 1A–5A
    rated_on: dt.date | None = None
    notes: str = ""


@dataclass(frozen=True)
class ProviderSaved:
    id: int
    warnings: tuple[DomainError, ...]


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` ``years`` years on (29 February → 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def credit_code_check(code: str, kind: str) -> CreditCodeCheck:
    """Check a credit code for a provider of ``kind``: ``DomainError`` for a malformed code;
    warnings for a check character that fails or a 民政 type that does not match the kind."""
    if not (code or "").strip():
        warnings: list[DomainError] = []
        if kind in set(ProviderKind) and ProviderKind(kind).registered_by_civil_affairs:
            warnings.append(DomainError(N_("A registered social organisation should have a credit code.")))
        return CreditCodeCheck("", tuple(warnings))
    info = check_credit_code(code)
    warnings = list(info.warnings)
    expected = next((p for p, k in CIVIL_AFFAIRS_TYPES.items() if k == kind), None)
    if info.civil_affairs_type is not None and info.civil_affairs_type != kind:
        warnings.append(
            DomainError(
                N_("The code {prefix}… is that of a “{code_kind}”, not a “{kind}”."),
                prefix=info.code[:2],
                code_kind=PROVIDER_KIND_LABELS[info.civil_affairs_type],
                kind=PROVIDER_KIND_LABELS.get(kind, kind),
            )
        )
    elif expected is not None and info.code[:1] == "5" and info.code[:2] != expected:
        warnings.append(
            DomainError(
                N_("A “{kind}” registered by civil affairs has a code starting with {prefix}."),
                kind=PROVIDER_KIND_LABELS[kind],
                prefix=expected,
            )
        )
    return CreditCodeCheck(info.code, tuple(warnings))


def provider_warnings(p: Provider, latest: tuple[int, str] | None, today: dt.date) -> tuple[DomainError, ...]:
    """What a desk should know before giving this provider work."""
    out: list[DomainError] = []
    if p.discredited:
        out.append(
            DomainError(
                N_("Listed as discredited / abnormal since {day}."),
                day=p.discredited_on.isoformat() if p.discredited_on else "?",
            )
        )
    if p.rating_valid_until is not None and p.rating_valid_until < today:
        out.append(
            DomainError(
                N_("The rating {grade} expired on {day}."),
                grade=rating_label(p.rating),
                day=p.rating_valid_until.isoformat(),
            )
        )
    if latest is not None and latest[1] in (InspectionResult.FAILED, InspectionResult.MISSING):
        out.append(
            DomainError(
                N_("Annual inspection {year}: {result}."), year=latest[0], result=INSPECTION_LABELS[latest[1]]
            )
        )
    if p.credit_code:
        try:
            out.extend(credit_code_check(p.credit_code, p.kind).warnings)
        except DomainError as exc:
            out.append(exc)
    return tuple(out)


def provider_row(
    p: Provider,
    areas: Sequence[str],
    latest: tuple[int, str] | None,
    teams: dict[int, str],
    today: dt.date,
) -> ProviderRow:
    kind = ProviderKind(p.kind)
    return ProviderRow(
        id=p.id,
        name=p.name,
        kind=kind,
        credit_code=p.credit_code or "",
        legacy_code=p.legacy_code,
        leader=p.leader,
        phone=mask_phone(p.phone),
        address=p.address,
        areas=tuple(areas),
        team_id=p.team_id,
        team=teams.get(p.team_id, "") if p.team_id is not None else "",
        rating=p.rating,
        rating_label=rating_label(p.rating),
        rated_on=p.rated_on,
        rating_valid_until=p.rating_valid_until,
        rating_expired=p.rating_valid_until is not None and p.rating_valid_until < today,
        latest_inspection=(latest[0], InspectionResult(latest[1])) if latest else None,
        discredited=p.discredited,
        discredited_on=p.discredited_on,
        is_active=p.is_active,
        has_legal_personality=kind.has_legal_personality,
        warnings=provider_warnings(p, latest, today),
    )


def provider_rows(s: Session, found: Sequence[Provider], today: dt.date) -> list[ProviderRow]:
    areas = registry.provider_areas(s, [p.id for p in found])
    latest = registry.latest_inspections(s)
    teams = registry.team_names(s)
    return [provider_row(p, areas.get(p.id, []), latest.get(p.id), teams, today) for p in found]


class ProvidersPart(OrdersBase):
    def providers(
        self, actor: Actor, *, include_inactive: bool = True, kind: str | None = None, area: str | None = None
    ) -> list[ProviderRow]:
        """The registry in pinyin order of the names, with warnings (``area``: only those
        serving that category)."""
        actor.require(Permission.VIEW_ORDERS)
        today = self._now().date()
        with self._db.reading() as uow:
            s = uow.session
            rows = provider_rows(s, registry.providers(s, active_only=not include_inactive, kind=kind), today)
        return sorted((r for r in rows if area is None or area in r.areas), key=name_order)

    def provider(self, actor: Actor, provider_id: int) -> ProviderRow:
        actor.require(Permission.VIEW_ORDERS)
        with self._db.reading() as uow:
            s = uow.session
            p = s.get(Provider, provider_id)
            if p is None:
                raise NotFound(N_("This provider no longer exists."))
            return provider_rows(s, [p], self._now().date())[0]

    def provider_inspections(self, actor: Actor, provider_id: int) -> list[InspectionRow]:
        actor.require(Permission.VIEW_ORDERS)
        with self._db.reading() as uow:
            return [
                InspectionRow(i.year, InspectionResult(i.result), i.note)
                for i in registry.inspections(uow.session, provider_id)
            ]

    def provider_notes(self, actor: Actor, provider_id: int) -> tuple[str, str]:
        """(notes, the note of the 失信/活动异常 flag)."""
        actor.require(Permission.VIEW_ORDERS)
        with self._db.reading() as uow:
            p = uow.session.get(Provider, provider_id)
            if p is None:
                raise NotFound(N_("This provider no longer exists."))
            return p.notes, p.discredited_note

    def check_provider_code(self, code: str, kind: str) -> CreditCodeCheck:
        """Check a credit code as the form is typed (no database)."""
        return credit_code_check(code, kind)

    def save_provider(
        self, actor: Actor, form: ProviderForm, provider_id: int | None = None
    ) -> ProviderSaved:
        """Add a provider (``provider_id`` None) or change one; returns its id and warnings."""
        actor.require(Permission.MANAGE_PROVIDERS)
        now = self._now()
        errors: dict[str, DomainError] = {}
        name = (form.name or "").strip()
        if not name:
            errors["name"] = DomainError(N_("Enter a name."))
        elif len(name) > NAME_MAX:
            errors["name"] = DomainError(N_("At most {n} characters."), n=NAME_MAX)
        try:
            kind = ProviderKind(form.kind)
        except ValueError:
            errors["kind"] = DomainError(N_("Choose the kind of provider."))
            kind = ProviderKind.ENTERPRISE
        code = CreditCodeCheck("")
        try:
            code = credit_code_check(form.credit_code, kind)
        except DomainError as exc:
            errors["credit_code"] = exc
        phone: str | None = None
        if (form.phone or "").strip():
            try:
                phone = check_phone(form.phone or "")
            except DomainError as exc:
                errors["phone"] = exc
        for key, value, limit in (
            ("leader", form.leader, LEADER_MAX),
            ("address", form.address, ADDRESS_MAX),
            ("legacy_code", form.legacy_code, LEGACY_MAX),
            ("notes", form.notes, NOTES_MAX),
        ):
            if len((value or "").strip()) > limit:
                errors[key] = DomainError(N_("At most {n} characters."), n=limit)
        # A NUL character in any text (the lengths are checked above).
        for key in ("name", "leader", "address", "legacy_code", "notes"):
            form_text(errors, key, getattr(form, key), None)
        if form.rating is not None:
            if not 1 <= form.rating <= 5:
                errors["rating"] = DomainError(N_("The rating is 1A to 5A."))
            elif form.rated_on is None:
                errors["rated_on"] = DomainError(N_("Enter the day the rating was given."))
            elif form.rated_on > now.date():
                errors["rated_on"] = DomainError(N_("The day the rating was given cannot be in the future."))
        if form.team_id is not None and kind != ProviderKind.VOLUNTEER_TEAM:
            errors["team"] = DomainError(N_("Only a volunteer team is linked to a love-bank team."))
        if errors:
            raise FieldErrors(errors)
        with self._db.writing() as uow:
            s = uow.session
            other = registry.provider_id_by(s, name=name)
            if other is not None and other != provider_id:
                raise FieldErrors({"name": DomainError(N_("A provider of this name is already registered."))})
            if code.code:
                other = registry.provider_id_by(s, credit_code=code.code)
                if other is not None and other != provider_id:
                    raise FieldErrors(
                        {
                            "credit_code": DomainError(
                                N_("A provider with this credit code is already registered.")
                            )
                        }
                    )
            if form.team_id is not None and s.get(Team, form.team_id) is None:
                raise FieldErrors({"team": DomainError(N_("This team no longer exists."))})
            if provider_id is None:
                p = Provider(created_at=now, is_active=True, discredited=False, discredited_note="")
                s.add(p)
                before = None
            else:
                found = s.get(Provider, provider_id)
                if found is None:
                    raise NotFound(N_("This provider no longer exists."))
                p = found
                before = _provider_dict(p)
            p.name, p.kind, p.credit_code = name, kind.value, code.code or None
            p.legacy_code = (form.legacy_code or "").strip()
            p.leader = (form.leader or "").strip()
            if form.phone is not None or provider_id is None:
                p.phone = phone
            p.address, p.notes = (form.address or "").strip(), (form.notes or "").strip()
            p.team_id = form.team_id
            p.rating = form.rating
            p.rated_on = form.rated_on if form.rating is not None else None
            p.rating_valid_until = add_years(p.rated_on, RATING_YEARS) if p.rated_on else None
            p.updated_at = now
            s.flush()
            registry.replace_areas(s, p.id, [a.strip() for a in form.areas if a.strip()])
            audit.record(
                s,
                actor,
                "create" if before is None else "update",
                "provider",
                p.id,
                before=before,
                after=_provider_dict(p),
                at=now,
            )
            warnings = provider_warnings(p, repo_latest(s, p.id), now.date())
            uow.commit()
            return ProviderSaved(p.id, warnings)

    def record_inspection(
        self, actor: Actor, provider_id: int, year: int, result: str, note: str = ""
    ) -> None:
        """Record (or correct) a provider's 年检/年报 result for a year."""
        actor.require(Permission.MANAGE_PROVIDERS)
        now = self._now()
        try:
            outcome = InspectionResult(result)
        except ValueError:
            raise FieldErrors({"result": DomainError(N_("Choose the result."))}) from None
        if not 2000 <= year <= now.year:
            raise FieldErrors({"year": DomainError(N_("Enter a year from 2000 to {year}."), year=now.year)})
        with self._db.writing() as uow:
            s = uow.session
            p = s.get(Provider, provider_id)
            if p is None:
                raise NotFound(N_("This provider no longer exists."))
            row = s.get(ProviderInspection, (provider_id, year))
            before = {"result": row.result, "note": row.note} if row else None
            if row is None:
                row = ProviderInspection(provider_id=provider_id, year=year)
                s.add(row)
            row.result, row.note = outcome.value, (note or "").strip()[:NOTES_MAX]
            p.updated_at = now
            audit.record(
                s,
                actor,
                "inspection",
                "provider",
                provider_id,
                before=before,
                after={"year": year, "result": outcome.value, "note": row.note},
                at=now,
            )
            uow.commit()

    def set_discredited(
        self, actor: Actor, provider_id: int, flagged: bool, on: dt.date | None = None, note: str = ""
    ) -> None:
        """Set or clear the 失信/活动异常 flag (with the day it was listed and why)."""
        actor.require(Permission.MANAGE_PROVIDERS)
        now = self._now()
        if flagged and on is None:
            raise FieldErrors({"on": DomainError(N_("Enter the day it was listed."))})
        if flagged and on is not None and on > now.date():
            raise FieldErrors({"on": DomainError(N_("The day cannot be in the future."))})
        with self._db.writing() as uow:
            s = uow.session
            p = s.get(Provider, provider_id)
            if p is None:
                raise NotFound(N_("This provider no longer exists."))
            before = {
                "discredited": p.discredited,
                "on": p.discredited_on.isoformat() if p.discredited_on else None,
            }
            p.discredited = flagged
            p.discredited_on = on if flagged else None
            p.discredited_note = (note or "").strip()[:NOTES_MAX]
            p.updated_at = now
            audit.record(
                s,
                actor,
                "discredit" if flagged else "clear_discredit",
                "provider",
                provider_id,
                before=before,
                after={
                    "discredited": flagged,
                    "on": on.isoformat() if on and flagged else None,
                    "note": note,
                },
                at=now,
            )
            uow.commit()

    def set_provider_active(self, actor: Actor, provider_id: int, active: bool) -> None:
        actor.require(Permission.MANAGE_PROVIDERS)
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            p = s.get(Provider, provider_id)
            if p is None:
                raise NotFound(N_("This provider no longer exists."))
            if p.is_active != active:
                p.is_active = active
                p.updated_at = now
                audit.record(s, actor, "enable" if active else "disable", "provider", provider_id, at=now)
            uow.commit()

    def reveal_provider_phone(self, actor: Actor, provider_id: int) -> str:
        """The full phone of a provider's 负责人; audited as ``reveal`` like a resident's."""
        actor.require(Permission.REVEAL_SENSITIVE)
        with self._db.writing() as uow:
            p = uow.session.get(Provider, provider_id)
            if p is None:
                raise NotFound(N_("This provider no longer exists."))
            audit.record(
                uow.session, actor, "reveal", "provider", p.id, after={"fields": ["phone"]}, at=self._now()
            )
            uow.commit()
            return p.phone or ""


def name_order(row: ProviderRow) -> tuple[str, str]:
    """Pinyin order (幸福… under x), the same on every database whatever its collation."""
    return initials(row.name, surname_first=False), row.name


def repo_latest(s: Session, provider_id: int) -> tuple[int, str] | None:
    rows = registry.inspections(s, provider_id)
    return (rows[0].year, rows[0].result) if rows else None


def _provider_dict(p: Provider) -> dict[str, object]:
    return {
        "name": p.name,
        "kind": p.kind,
        "credit_code": p.credit_code,
        "leader": p.leader,
        "rating": p.rating,
        "rated_on": p.rated_on.isoformat() if p.rated_on else None,
        "team_id": p.team_id,
    }
