"""Requests a grid worker reports from a visit (网格员上报).

The visits job records a visit; a ticked 七必报 item that needs action (安全隐患 …)
becomes a request through :func:`register_grid_report`, which ``desktop/opening.py``
hands to the visits service. It writes in the visit's own unit of work, so the visit
and its requests are saved together or not at all.

The category is asked for by name (top level, sub-category). If the administrator has
renamed or disabled it, the first active sub-category of the same top level is taken,
then one under 其他, then any active one — a report is never lost over a category name;
reception can re-categorise it later.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from db.models import Category, Resident
from desktop.common.errors import DomainError, found
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission
from desktop.requests.registration import DESCRIPTION_MAX, RequestForm, create_request
from desktop.requests.states import PERMISSIONS, Action
from desktop.requests.vocabulary import URGENCIES

CHANNEL = "grid"  # 网格员上报 (desktop.requests.vocabulary.CHANNELS)
FALLBACK_TOP = "其他"


def leaf_category(session: Session, top: str, sub: str) -> int:
    """The id of an active leaf category for ``top`` / ``sub`` (see the module doc)."""
    parent = aliased(Category)
    child = aliased(Category)
    leaves = (
        select(child.id, parent.name, child.name)
        .join(parent, parent.id == child.parent_id)
        .where(child.is_active.is_(True), parent.is_active.is_(True))
        .order_by(parent.sort_order, child.sort_order, child.id)
    )
    rows = session.execute(leaves).all()
    for wanted in (
        lambda r: r[1] == top and r[2] == sub,
        lambda r: r[1] == top,
        lambda r: r[1] == FALLBACK_TOP,
        lambda r: True,
    ):
        match = next((r for r in rows if wanted(r)), None)
        if match is not None:
            return match[0]
    raise DomainError(
        N_("No request category is available; the administrator must set up the categories first.")
    )


def register_grid_report(
    session: Session,
    actor: Actor,
    *,
    resident_id: int,
    category: tuple[str, str],
    urgency: str,
    description: str,
    address: str,
    grid_id: int | None,
    received_at: dt.datetime,
    now: dt.datetime,
) -> tuple[int, str]:
    """Register a 网格员上报 request in the caller's unit of work: ``(id, number)``.

    Whoever may register requests or record visits may report one.
    """
    if not (actor.can(PERMISSIONS[Action.REGISTER]) or actor.can(Permission.RECORD_VISITS)):
        actor.require(PERMISSIONS[Action.REGISTER])
    resident = found(session.get(Resident, resident_id), N_("This resident no longer exists."))
    form = RequestForm(
        resident_id=resident.id,
        channel=CHANNEL,
        category_id=leaf_category(session, *category),
        description=description[:DESCRIPTION_MAX],
        urgency=urgency if urgency in URGENCIES else "green",
        level="community",
        grid_id=grid_id,
        address=address,
        received_at=received_at,
    )
    request = create_request(session, actor, resident, form, now)
    return request.id, request.number
