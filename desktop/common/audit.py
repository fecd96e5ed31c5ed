"""One way for a service to write the audit log (操作日志): with the acting user.

Every change a service makes is recorded in the same transaction as the change, signed
by the logged-in :class:`~desktop.common.permissions.Actor`; the hash chain itself is
kept by :mod:`db.audit`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from db import audit as _chain
from desktop.common.permissions import Actor, confirm_actor


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object = "",
    *,
    before: Any = None,
    after: Any = None,
    at: dt.datetime | None = None,
) -> None:
    """Append one audit row for ``actor`` doing ``action`` to ``entity`` ``entity_id``.

    The actor's account is re-read first, in this transaction: a user deactivated or
    given another role since signing in writes nothing (``SignInAgain``)."""
    confirm_actor(session, actor)
    _chain.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=before,
        after=after,
        at=at,
    )
