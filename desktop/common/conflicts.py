"""Two desks, one record: a form saved after another desk changed the record is refused.

A record that people edit in a form (the resident's record) carries a version that every
change raises (``version`` in ``db.models``, SQLAlchemy's version counter). The form keeps
the version it was opened at; the service locks the row in its write transaction and
compares (:func:`check_version`). A stale form gets :class:`Conflict` — who changed the
record and when, read from the audit log — and nothing is written; the user reopens the
record and sees the other desk's change instead of silently overwriting it.

Steps of a state machine (a request's 答复, an order's 验收, a redemption's 核销) need no
version: each locks its row and checks the current state inside the write, so the second
desk is told the record is already in the new state.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from db.conflicts import last_change
from desktop.common.errors import DomainError
from desktop.common.i18n import N_


class Conflict(DomainError):
    """The record changed at another desk after this form was opened."""


def check_version(
    session: Session,
    *,
    entity: str,
    entity_id: object,
    current: int,
    expected: int | None,
    today: dt.date | None = None,
) -> None:
    """Raise :class:`Conflict` if the form was opened at another ``expected`` version
    than the record's ``current`` one (``expected`` None: no form, no check)."""
    if expected is None or expected == current:
        return
    change = last_change(session, entity, entity_id)
    if change is None:
        raise Conflict(
            N_(
                "This record was changed at another desk after you opened it. Nothing was saved; "
                "close it and open it again to see the change."
            )
        )
    who, at = change
    same_day = today is None or at.date() == today
    raise Conflict(
        N_(
            "{who} changed this record at {time}, after you opened it. Nothing was saved; "
            "close it and open it again to see the change."
        ),
        who=who,
        time=at.strftime("%H:%M") if same_day else at.strftime("%m-%d %H:%M"),
    )
