"""The administrator's settings of the order flow, kept in the database.

- the approval threshold: a draft whose budget is above it waits for the director (待审批);
- the default 公示 period, in working days (0: no 公示 unless the draft asks for one);
- the default time a provider has to accept a dispatched order, in working days.

Reading needs no permission; saving needs ``MANAGE_SETTINGS`` and is audited.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy.orm import Session

from db import settings as settings_repo
from desktop.common import audit
from desktop.common.errors import DomainError, FieldErrors
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission
from desktop.orders.base import OrdersBase

APPROVAL_THRESHOLD_KEY = "orders.approval_threshold"
PUBLICITY_DAYS_KEY = "orders.publicity_days"
ACCEPT_DAYS_KEY = "orders.accept_days"

PUBLICITY_DAYS_MAX = 30
ACCEPT_DAYS_MAX = 30


@dataclass(frozen=True)
class OrderSettings:
    approval_threshold: int = 1_000_000  # fen: drafts above 10,000 元 need the director
    publicity_days: int = 0  # working days of 公示 a draft gets unless it says otherwise
    accept_days: int = 3  # working days a provider has to accept


def read_settings(session: Session) -> OrderSettings:
    default = OrderSettings()

    def number(key: str, fallback: int) -> int:
        try:
            return int(settings_repo.get(session, key, str(fallback)))
        except ValueError:
            return fallback

    return OrderSettings(
        approval_threshold=number(APPROVAL_THRESHOLD_KEY, default.approval_threshold),
        publicity_days=number(PUBLICITY_DAYS_KEY, default.publicity_days),
        accept_days=number(ACCEPT_DAYS_KEY, default.accept_days),
    )


class SettingsPart(OrdersBase):
    def order_settings(self) -> OrderSettings:
        with self._db.reading() as uow:
            return read_settings(uow.session)

    def save_order_settings(self, actor: Actor, settings: OrderSettings) -> None:
        actor.require(Permission.MANAGE_SETTINGS)
        errors: dict[str, DomainError] = {}
        if settings.approval_threshold < 0:
            errors["approval_threshold"] = DomainError(N_("The amount cannot be negative."))
        if not 0 <= settings.publicity_days <= PUBLICITY_DAYS_MAX:
            errors["publicity_days"] = DomainError(
                N_("The publicity period is 0 to {n} working days."), n=PUBLICITY_DAYS_MAX
            )
        if not 1 <= settings.accept_days <= ACCEPT_DAYS_MAX:
            errors["accept_days"] = DomainError(
                N_("The time to accept is 1 to {n} working days."), n=ACCEPT_DAYS_MAX
            )
        if errors:
            raise FieldErrors(errors)
        with self._db.writing() as uow:
            s = uow.session
            before = read_settings(s)
            settings_repo.put(s, APPROVAL_THRESHOLD_KEY, str(settings.approval_threshold))
            settings_repo.put(s, PUBLICITY_DAYS_KEY, str(settings.publicity_days))
            settings_repo.put(s, ACCEPT_DAYS_KEY, str(settings.accept_days))
            audit.record(
                s,
                actor,
                "update",
                "order_settings",
                after=asdict(settings),
                before=asdict(before),
                at=self._now(),
            )
            uow.commit()
