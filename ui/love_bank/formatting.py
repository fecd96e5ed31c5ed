"""How the love-bank screens write numbers, hours, stars and statuses.

Every love-bank page and dialog shows the same points (``1,250``), hours (``2.5``),
star levels (★★☆☆☆ 两星) and statuses; they are defined once here so the pages never
borrow them from each other. Nothing in this module builds a widget.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal, InvalidOperation

from desktop.common.errors import DomainError
from desktop.love_bank import ledger
from desktop.love_bank.service import (
    APPROVED,
    CANCELLED,
    COMPLETED,
    FROZEN,
    PENDING,
    REJECTED,
    STARS,
    RedemptionRow,
    StatementLine,
    next_star,
)
from ui.widgets.i18n import Translator, desktop_text

_ = Translator("lovebank")

MAX_STARS = 5


# --- stars -------------------------------------------------------------------------------
def star_text(stars: int) -> str:
    """Filled and hollow stars, e.g. ★★☆☆☆ for two stars."""
    stars = max(0, min(MAX_STARS, stars))
    return "★" * stars + "☆" * (MAX_STARS - stars)


def star_name(stars: int) -> str:
    """The level's name: 一星 … 五星 in Chinese."""
    names = {
        0: _("No star yet"),
        1: _("One star"),
        2: _("Two stars"),
        3: _("Three stars"),
        4: _("Four stars"),
        5: _("Five stars"),
    }
    return names.get(stars, names[0])


def star_legend() -> str:
    """What the levels mean, for the tooltip of every 星级: 一星 100 小时 … 五星 1500 小时."""
    levels = "\n".join(
        _("{level}: {hours} hours", level=star_name(stars), hours=hours) for hours, stars in sorted(STARS)
    )
    return _("Star level by all approved hours so far (not by the month):") + "\n" + levels


def star_progress(minutes: int) -> str:
    """What is left to the next level: 再服务 36 小时升三星."""
    following = next_star(minutes)
    if following is None:
        return _("Highest level reached")
    missing = hours_text(round(following.missing * 60))
    return _("{hours} more hours to {level}", hours=missing, level=star_name(following.stars))


# --- numbers -----------------------------------------------------------------------------
def hours_text(minutes: int) -> str:
    """Minutes as hours for the screen: 150 → 2.5, 60 → 1, 20 → 0.33."""
    return f"{round(minutes / 60, 2):g}"


def hours_with_unit(minutes: int) -> str:
    """Minutes as hours with their unit, where no column header names it: 2 小时, 1.5 小时."""
    return _("{hours} hours", hours=hours_text(minutes))


def points_text(points: int) -> str:
    return f"{points:,}"


def signed(points: int) -> str:
    return f"{points:+,}" if points else "0"


def multiplier_text(percent: int) -> str:
    """An activity's points multiplier: 150 → ×1.5."""
    return f"×{percent / 100:g}"


def format_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def parse_hours(text: str) -> int:
    """Hours typed as a number (2, 2.5, full-width ２.５) → whole minutes.

    Raises ``DomainError`` with a translated message: not a number, not above zero,
    more than 24 hours.
    """
    value = unicodedata.normalize("NFKC", text or "").strip().replace("。", ".")
    if value.lower().endswith("h"):
        value = value[:-1].strip()
    try:
        hours = Decimal(value)
    except InvalidOperation:
        hours = None
    if hours is None or not hours.is_finite():
        raise DomainError(_("Enter the hours as a number, e.g. 2.5."))
    minutes = int((hours * 60).to_integral_value())
    if minutes <= 0:
        raise DomainError(_("Hours must be more than zero."))
    if minutes > 24 * 60:
        raise DomainError(_("At most 24 hours in a day."))
    return minutes


def shown_error(text: str) -> DomainError:
    """An error whose text the screen has already translated (for ``FieldErrors``)."""
    return DomainError(text)


# --- statuses and kinds ------------------------------------------------------------------
def record_status_text(status: str) -> str:
    """A service record's status: 待审核 / 已通过 / 已驳回."""
    return {PENDING: _("Pending"), APPROVED: _("Approved"), REJECTED: _("Rejected")}.get(status, status)


def redemption_status_text(status: str) -> str:
    return {
        COMPLETED: _("Redeemed"),
        FROZEN: _("Waiting for handover"),
        CANCELLED: _("Cancelled"),
    }.get(status, status)


def redemption_items(r: RedemptionRow) -> str:
    """The basket of a redemption in one line: 大米×2、理发×1."""
    return "、".join(f"{line.name}×{line.quantity}" for line in r.lines)


def entry_kind_text(line: StatementLine) -> str:
    """The kind of a statement line (获得 / 兑换 / 调整 …), marked when it was reversed."""
    label = desktop_text(ledger.KIND_LABELS.get(line.kind, line.kind))
    if line.reversed:
        return _("{kind} (reversed)", kind=label)
    return label


def statement_note(line: StatementLine) -> str:
    """A statement line's note: an earning names its service (2026-11-23 2 小时)."""
    if line.served_on is not None and line.service_minutes is not None:
        return f"{format_date(line.served_on)} {hours_with_unit(line.service_minutes)}"
    return line.note


def item_kind_text(kind: str) -> str:
    """A reward item's kind: goods or a service."""
    return {"goods": _("Goods"), "service": _("Service")}.get(kind, kind)


def handover_text(later: bool) -> str:
    """When a reward item is handed over: at once, or later with the points frozen."""
    return _("Later (points frozen)") if later else _("At once")
