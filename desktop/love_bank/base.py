"""What every part of the love-bank service shares: the database and the clock.

``LoveBankService`` is put together from one part per sub-domain (rules, volunteers,
service hours, the shop, corrections, statements), each in its own module so that a
change to, say, the 爱心超市 opens one file of a few hundred lines. The parts are mixins
over this base: they share one constructor, so the UI keeps one service object and the
tests keep one way to make it.
"""

from __future__ import annotations

from db.uow import Database
from desktop.common.clock import Clock, system_clock


class LoveBankBase:
    """The database every operation opens a unit of work on, and the clock it asks once."""

    def __init__(self, db: Database, now: Clock = system_clock):
        self._db = db
        self._now = now
