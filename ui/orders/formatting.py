"""How the service-order screens write what the core gives them: money in 元, days and
times, the core's labels (stages, actions, kinds, ratings …) translated, providers'
performance figures, and the colours of stages, bands and warnings.

The board, the order's page, the dialogs and the registry pages all show the same
things the same way, so these helpers live here, not in one of the pages.
"""

from __future__ import annotations

import datetime as dt

from desktop.orders.money import format_yuan
from desktop.orders.performance import ProviderPerformance
from desktop.orders.states import ACTION_LABELS, STAGE_LABELS, Stage
from desktop.orders.vocabulary import (
    ATTACHMENT_KIND_LABELS,
    ATTENTION_LABELS,
    COMPLETION_BAND_LABELS,
    FUND_KIND_LABELS,
    INSPECTION_LABELS,
    PROVIDER_KIND_LABELS,
    RATING_LABELS,
    TRANCHE_LABELS,
    CompletionBand,
)
from ui.widgets.i18n import Translator, desktop_text
from ui.widgets.palette import AMBER, BLUE, FADED, GREEN, GREY, INK, MUTED, RED

_ = Translator("orders")

NONE = "—"

STAGE_COLOURS: dict[str, str] = {
    Stage.PENDING_REVIEW: BLUE,
    Stage.TO_DRAFT: BLUE,
    Stage.PENDING_APPROVAL: AMBER,
    Stage.PUBLICITY: AMBER,
    Stage.TO_DISPATCH: BLUE,
    Stage.TO_ACCEPT: BLUE,
    Stage.IN_PROGRESS: INK,
    Stage.TO_RATE: INK,
    Stage.TO_CHECK: AMBER,
    Stage.TO_PAY: AMBER,
    Stage.SETTLED: GREEN,
    Stage.REJECTED: GREY,
    Stage.TERMINATED: FADED,
    Stage.CANCELLED: FADED,
}
"""Badge colour of a stage in the order's page (white text on it)."""

BAND_COLOURS: dict[str, str] = {
    CompletionBand.FULL: GREEN,
    CompletionBand.HIGH: BLUE,
    CompletionBand.MEDIUM: AMBER,
    CompletionBand.LOW: RED,
}
"""Colour of the completion rate by its band (≥100, 80–100, 60–80, <60 %)."""

OVERDUE_COLOUR = RED
ATTENTION_COLOUR = AMBER
WARNING_COLOUR = AMBER
DANGER_COLOUR = RED
INACTIVE_COLOUR = GREY
HINT_COLOUR = MUTED


def yuan(fen: int | None) -> str:
    """``123450`` → ``1,234.50``; None → ``—``."""
    return NONE if fen is None else format_yuan(fen)


def yuan_unit(fen: int | None) -> str:
    """``123450`` → ``1,234.50 元``."""
    return NONE if fen is None else _("{amount} yuan", amount=format_yuan(fen))


def yuan_plain(fen: int) -> str:
    """For an input field: ``123450`` → ``1234.50`` (no grouping, no unit)."""
    return format_yuan(fen, grouping=False)


def day_text(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return NONE
    return value.strftime("%Y-%m-%d")


def time_text(value: dt.datetime | None) -> str:
    return NONE if value is None else value.strftime("%Y-%m-%d %H:%M")


def stage_text(stage: str) -> str:
    return desktop_text(STAGE_LABELS.get(stage, stage))


def action_text(action: str) -> str:
    return desktop_text(ACTION_LABELS.get(action, action))


def kind_text(kind: str) -> str:
    return desktop_text(PROVIDER_KIND_LABELS.get(kind, kind))


def fund_kind_text(kind: str) -> str:
    return desktop_text(FUND_KIND_LABELS.get(kind, kind))


def rating_text(rating: str | None) -> str:
    return desktop_text(RATING_LABELS[rating]) if rating else NONE


def tranche_text(tranche: str) -> str:
    return desktop_text(TRANCHE_LABELS.get(tranche, tranche))


def band_text(band: str) -> str:
    return desktop_text(COMPLETION_BAND_LABELS.get(band, band))


def attention_text(attention: str) -> str:
    return desktop_text(ATTENTION_LABELS.get(attention, attention)) if attention else ""


def inspection_text(result: str) -> str:
    return desktop_text(INSPECTION_LABELS.get(result, result))


def attachment_kind_text(kind: str) -> str:
    return desktop_text(ATTACHMENT_KIND_LABELS.get(kind, kind))


def minutes_text(minutes: int) -> str:
    """``90`` → ``1.5 h`` (小时)."""
    return _("{n} h", n=f"{round(minutes / 60, 2):g}")


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return _("{n} MB", n=f"{size / 1024 / 1024:.1f}")
    return _("{n} KB", n=max(1, round(size / 1024)))


# --- performance ------------------------------------------------------------------------
def rate_text(rate: float | None) -> str:
    """A share 0–1 as a whole percent; None (nothing to measure yet) as ``—``."""
    return NONE if rate is None else f"{round(rate * 100)}%"


def rating_average_text(p: ProviderPerformance) -> str:
    """The mean of 满意 3, 基本满意 2, 不满意 1, with how many ratings it is over."""
    if p.average_rating is None:
        return NONE
    return _("{score} ({n})", score=f"{p.average_rating:.1f}", n=p.rated)


def completion_rate_text(p: ProviderPerformance) -> str:
    return NONE if p.completion_rate is None else f"{round(p.completion_rate)}%"


def cost_text(p: ProviderPerformance) -> str:
    return yuan(p.cost_per_person)


def performance_tip() -> str:
    return _(
        "Orders taken; on time = finished by the deadline; rating = mean of satisfied 3, "
        "basically satisfied 2, unsatisfied 1; completion = mean rate at acceptance; "
        "cost = paid on settled orders per person served"
    )
