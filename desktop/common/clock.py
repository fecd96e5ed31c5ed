"""The clock every service is given, so tests and demo data can set the time.

A service never calls ``datetime.now()`` itself: it takes ``now: Clock`` in its
constructor (default :func:`system_clock`) and asks it once per operation, so one
operation has one moment and a test can walk a request through its 30135 deadlines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Clock = Callable[[], dt.datetime]
"""A zero-argument callable returning the current local time (naive, office time)."""


def system_clock() -> dt.datetime:
    """The PC's local time, to the second (what people see on the wall clock)."""
    return dt.datetime.now().replace(microsecond=0)


def fixed_clock(moment: dt.datetime) -> Clock:
    """A clock that always says ``moment`` (tests, demo generators)."""
    return lambda: moment


class MovableClock:
    """A clock that says ``now`` until it is set or moved on (tests walking a request
    through its deadlines, a volunteer through a month)."""

    def __init__(self, now: dt.datetime):
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        """Move on by ``datetime.timedelta(**delta)``, e.g. ``advance(minutes=20)``."""
        self.now += dt.timedelta(**delta)
