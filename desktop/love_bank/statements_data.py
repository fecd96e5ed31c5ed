"""What a volunteer's statement (积分明细) and the 志愿之星 rankings show.

The data only: ``desktop.love_bank.statement`` lays the statement out as a PDF, the
volunteer dialog shows it on screen. Each statement line carries the running available
balance, whether it was later reversed, and who made it by their full name (张志强),
the way colleagues know each other, not by login. An earning line also carries the day
and the length of the service it pays for, so screens and the printed statement say
"2026-11-23 2 小时" in their own words rather than repeating the stored note.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db import love_bank as queries
from desktop.common.permissions import Actor, Permission
from desktop.love_bank.base import LoveBankBase


@dataclass(frozen=True)
class StatementLine:
    id: int
    at: dt.datetime
    kind: str
    delta: int
    frozen_delta: int
    balance: int
    note: str
    username: str
    reversed: bool
    reverses_id: int | None
    served_on: dt.date | None = None  # an earning: the day of the service it pays for
    service_minutes: int | None = None  # … and its length


@dataclass(frozen=True)
class RankRow:
    volunteer_id: int
    name: str
    team: str
    minutes: int
    points: int


def _period(year: int, month: int | None) -> tuple[dt.date, dt.date]:
    """[start, end) of a calendar month, or of the whole year when ``month`` is None."""
    if not month:
        return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    start = dt.date(year, month, 1)
    return start, dt.date(year + (month == 12), month % 12 + 1, 1)


class StatementsPart(LoveBankBase):
    """A volunteer's statement and the rankings of approved service."""

    def statement(self, actor: Actor, volunteer_id: int) -> list[StatementLine]:
        """Every entry, oldest first, with the available balance after it."""
        actor.require(Permission.VIEW_LOVE_BANK)
        with self._db.reading() as uow:
            s = uow.session
            entries = queries.ledger_entries(s, volunteer_id)
            reversed_ids = queries.reversed_entry_ids(s, volunteer_id)
            services = queries.entry_services(s, volunteer_id)
            people = queries.staff_names(s)
            balance = 0
            lines = []
            for e in entries:
                balance += e.delta
                served_on, minutes = services.get(e.id, (None, None))
                lines.append(
                    StatementLine(
                        e.id,
                        e.at,
                        e.kind,
                        e.delta,
                        e.frozen_delta,
                        balance,
                        e.note,
                        people.get(e.username, e.username),
                        e.id in reversed_ids,
                        e.reverses_id,
                        served_on,
                        minutes,
                    )
                )
        return lines

    def rankings(self, actor: Actor, year: int, month: int | None = None, limit: int = 20) -> list[RankRow]:
        """志愿之星: most approved service time in a month or a year."""
        actor.require(Permission.VIEW_LOVE_BANK)
        start, end = _period(year, month)
        with self._db.reading() as uow:
            ranked = queries.service_ranking(uow.session, start, end, limit)
        return [RankRow(r.volunteer_id, r.name, r.team, r.minutes, r.points) for r in ranked]
