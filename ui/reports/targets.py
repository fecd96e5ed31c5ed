"""Where a figure leads: the lists the reports screens ask the shell to open.

A figure always leads to its records: a click on a bar, a card or a ranking row calls
the page's ``open_list(target, filters)`` callback, given by the shell, which shows the
matching list. The reports job knows no other job's pages, so it names the list and
its filters in this small vocabulary and the shell routes them:

``"requests"`` — 全部诉求, narrowed by the fields of its filter (``RequestFilter``):
    ``date_from``, ``date_to`` (``datetime.date``, inclusive): registered in those days;
    ``channel`` (a channel code: ``walk_in``, ``phone``, ``hotline`` …);
    ``category_id`` (a top-level category includes its sub-categories);
    ``department_id`` (the lead department);
    ``colour`` — ``"red"``: overdue (a running 30135 clock past its deadline now).
    Filters not named are "any" (the list clears its others).
``"service_hours"`` — 服务时长 (the service records): ``{}``.
``"orders"`` — the service orders' list: ``date_from``, ``date_to`` as above (placed
    in those days).

The shell ignores a target it cannot route (a page the user may not open).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from desktop.reports.periods import Period

REQUESTS = "requests"
SERVICE_HOURS = "service_hours"
ORDERS = "orders"

OpenList = Callable[[str, dict[str, Any]], None]
"""``open_list(target, filters)``: show the list of ``target`` narrowed by ``filters``."""

OVERDUE = {"colour": "red"}
"""The filter of overdue requests (the 30135 clock is past its deadline now)."""


def days(period: Period, cutoff: dt.datetime) -> dict[str, Any]:
    """The ``date_from`` / ``date_to`` filter of a period's days up to the cut-off."""
    first, end = period.date_window(cutoff)
    last = max(end - dt.timedelta(days=1), first)
    return {"date_from": first, "date_to": last}


def requests_in(period: Period, cutoff: dt.datetime, **filters: Any) -> dict[str, Any]:
    """The requests registered in ``period`` (up to the cut-off), with more filters."""
    return {**days(period, cutoff), **filters}
