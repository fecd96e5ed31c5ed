"""The report settings: how departments are scored and named, and what counts as satisfied.

Places differ in how they rank their departments, so these are settings of the
database (shared by every PC), kept as one JSON value in the ``setting`` table:

* the weights of the department score — on-time (按时办结率), satisfaction (满意率) and
  not reopened (1 − 重办率) — by default 30 / 35 / 35;
* the minimum number of requests routed to a department in the period before it is
  ranked (default 5);
* the thresholds under which a department is named for 整改 — 回复率 92 %, 满意率 85 %;
* whether 基本满意 counts as satisfied (default yes);
* how many categories the hotspot list shows (10), how many departments 红榜 and 黑榜
  name (5), and the stock at or below which an item of the 爱心超市 is low (5).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields

from sqlalchemy.orm import Session

from db import settings as settings_repo
from desktop.common.errors import DomainError, FieldErrors
from desktop.common.i18n import N_

SETTINGS_KEY = "report_settings"
MAX_LIST = 50


@dataclass(frozen=True)
class ReportSettings:
    """How a report scores, ranks and names (see the module docstring)."""

    weight_on_time: int = 30
    weight_satisfaction: int = 35
    weight_reopen: int = 35
    minimum_requests: int = 5
    reply_threshold: float = 92.0  # percent
    satisfaction_threshold: float = 85.0  # percent
    basically_counts: bool = True
    hotspots: int = 10
    honour_list: int = 5  # departments on 红榜 and on 黑榜
    low_stock: int = 5

    @property
    def weights(self) -> tuple[int, int, int]:
        return self.weight_on_time, self.weight_satisfaction, self.weight_reopen


def _whole(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().rstrip("%"))
        except ValueError:
            return None
    return None


def validate(**values: object) -> ReportSettings:
    """Settings from ``values`` (the defaults for the ones not given), or ``FieldErrors``
    naming each wrong field."""
    known = {f.name for f in fields(ReportSettings)}
    unknown = set(values) - known
    if unknown:
        raise TypeError(f"unknown report settings: {sorted(unknown)}")
    base = asdict(ReportSettings())
    base.update(values)
    errors: dict[str, DomainError] = {}
    out: dict[str, object] = {}
    weights: list[int] = []
    for name in ("weight_on_time", "weight_satisfaction", "weight_reopen"):
        n = _whole(base[name])
        if n is None or not 0 <= n <= 100:
            errors[name] = DomainError(N_("A weight is a whole number from 0 to 100."))
        else:
            weights.append(n)
        out[name] = n
    if len(weights) == 3 and not sum(weights):
        errors["weight_on_time"] = DomainError(N_("At least one weight must be above zero."))
    for name, low, high in (
        ("minimum_requests", 1, 10_000),
        ("hotspots", 1, MAX_LIST),
        ("honour_list", 1, MAX_LIST),
        ("low_stock", 0, 100_000),
    ):
        n = _whole(base[name])
        if n is None or not low <= n <= high:
            errors[name] = DomainError(N_("Enter a whole number from {low} to {high}."), low=low, high=high)
        out[name] = n
    for name in ("reply_threshold", "satisfaction_threshold"):
        x = _number(base[name])
        if x is None or not 0 <= x <= 100:
            errors[name] = DomainError(N_("A threshold is a percentage from 0 to 100."))
        out[name] = x
    if not isinstance(base["basically_counts"], bool):
        errors["basically_counts"] = DomainError(N_("Choose whether 基本满意 counts as satisfied."))
    out["basically_counts"] = base["basically_counts"]
    if errors:
        raise FieldErrors(errors)
    return ReportSettings(**out)  # type: ignore[arg-type]


def read_settings(session: Session) -> ReportSettings:
    """The settings in force; the defaults where none were saved or a saved one is unreadable."""
    raw = settings_repo.get(session, SETTINGS_KEY)
    if not raw:
        return ReportSettings()
    try:
        stored = json.loads(raw)
        known = {f.name for f in fields(ReportSettings)}
        return validate(**{k: v for k, v in stored.items() if k in known})
    except (ValueError, TypeError, AttributeError, DomainError):
        return ReportSettings()


def write_settings(session: Session, settings: ReportSettings) -> None:
    """Store the settings (the caller checks the permission and writes the audit row)."""
    settings_repo.put(session, SETTINGS_KEY, json.dumps(asdict(settings), ensure_ascii=False, sort_keys=True))
