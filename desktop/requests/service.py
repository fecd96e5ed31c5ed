"""Requests (诉求): registration at the front desk and every later step, with the clocks.

``RequestService`` is the one object the screens hold for requests; it is composed of
four parts, each in the module named after what it holds:

- :mod:`desktop.requests.registration` — the reception form, its checks, duplicates;
- :mod:`desktop.requests.lifecycle` — assign, accept, … merge (the state machine's steps);
- :mod:`desktop.requests.attachments` — photos and scans kept with a request;
- :mod:`desktop.requests.queries` — pick lists, paged lists, 今日待办, one request in full.

The names the screens import (the form, the result rows, the labelled choices and the
limits) are re-exported here, so ``from desktop.requests.service import …`` keeps working.
"""

from __future__ import annotations

from pathlib import Path

from db.requests import RequestFilter
from db.uow import Database
from desktop.common.clock import Clock, system_clock
from desktop.common.permissions import Actor
from desktop.requests.attachments import ATTACHMENT_MAX_BYTES, Attachments
from desktop.requests.lifecycle import NOTE_MAX, Lifecycle
from desktop.requests.queries import (
    ClockRow,
    EventRow,
    Queries,
    RequestDetail,
    RequestRow,
    TodayLists,
    date_range_warning,
)
from desktop.requests.registration import (
    DESCRIPTION_MAX,
    DUPLICATE_DAYS,
    HEAD_COUNT_MAX,
    Registration,
    RequestForm,
)
from desktop.requests.vocabulary import CHANNELS, LEVELS, SATISFACTION, URGENCIES
from desktop.residents.service import ResidentService, Revealed

__all__ = [
    "ATTACHMENT_MAX_BYTES",
    "CHANNELS",
    "DESCRIPTION_MAX",
    "DUPLICATE_DAYS",
    "HEAD_COUNT_MAX",
    "LEVELS",
    "NOTE_MAX",
    "SATISFACTION",
    "URGENCIES",
    "ClockRow",
    "EventRow",
    "RequestDetail",
    "RequestFilter",
    "RequestForm",
    "RequestRow",
    "RequestService",
    "Revealed",
    "TodayLists",
    "date_range_warning",
]


class RequestService(Registration, Lifecycle, Attachments, Queries):
    """Everything the screens do with requests, checked and in one transaction each."""

    def __init__(self, db: Database, attachments_dir: Path, now: Clock = system_clock):
        self._db = db
        self._attachments = attachments_dir
        self._now = now

    def reveal_resident(self, actor: Actor, resident_id: int) -> Revealed:
        """The full phone and ID number of a request's resident (to call them back).

        The register's own reveal: allowed only with ``REVEAL_SENSITIVE`` and written to
        the audit log exactly as a reveal on 居民档案.
        """
        return ResidentService(self._db, self._now).reveal(actor, resident_id)
