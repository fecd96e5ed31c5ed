"""The one palette: every colour a page or a PDF preview paints with, named by meaning.

Pages never write a hex colour of their own; they take it from here, so the 红/黄/绿
of urgency and of the deadline clocks is the same everywhere (the style sheet in
:mod:`ui.widgets.style` uses the same values).
"""

from __future__ import annotations

RED = "#c62828"
"""Errors, overdue, urgent (红)."""
AMBER = "#b26a00"
"""Warnings, due soon (黄)."""
GREEN = "#2e7d32"
"""On time, done (绿)."""
BLUE = "#2a6fb0"
"""Information, follow-up calls."""
INK = "#102a43"
"""Headings and totals."""
MUTED = "#52606d"
"""Hints and secondary text."""

URGENCY_COLOURS: dict[str, str] = {"red": "#d64545", "yellow": "#e3a008", "green": "#3f9142"}
"""Dots for a request's urgency (红/黄/绿) in forms and lists."""

CLOCK_COLOURS: dict[str, str] = {"red": RED, "yellow": AMBER, "green": GREEN}
"""Text colour of a running 30135 clock by its state."""

GREY = "#8a8a8a"
"""Rows out of play: archived residents, inactive volunteers, withdrawn items, reversed or
rejected entries."""
GOLD = "#d69e00"
"""The stars of a volunteer's level (志愿之星)."""
DARK_RED = "#a61b1b"
"""Points taken away; text on a pale red cell."""
DARK_GREEN = "#1e6b35"
"""Points added."""
DARK_AMBER = "#7a5200"
"""Text on a pale amber cell."""
PALE_RED = "#fde2e1"
"""Background of a cell that is wrong or empty (bad hours typed in, out of stock)."""
PALE_AMBER = "#fff2c6"
"""Background of a cell running low (low stock)."""
PALE_GREEN = "#e3f4e6"
"""Background of a cell that is on time (a deadline met or still far)."""
DISABLED = "#9aa5b1"
"""Text of what can no longer be chosen: a disabled category or department, an unknown urgency."""
FADED = "#7b8794"
"""A count of nothing on the start page; a merged request."""

CLOCK_BACKGROUNDS: dict[str, str] = {"red": PALE_RED, "yellow": PALE_AMBER, "green": PALE_GREEN}
"""Soft background of a running deadline (当前时限) by its clock colour, in lists and the detail."""
CLOCK_FOREGROUNDS: dict[str, str] = {"red": DARK_RED, "yellow": DARK_AMBER, "green": DARK_GREEN}
"""Text on :data:`CLOCK_BACKGROUNDS`: dark, of the same hue, readable and not garish."""
DONE_CLOCK_COLOURS: dict[str, tuple[str, str]] = {
    "done_on_time": (PALE_GREEN, DARK_GREEN),
    "done_late": ("#f3e8e8", "#8a2c2c"),
}
"""(background, text) of a deadline that is over: met in time, or late."""
STOPPED_CLOCK_COLOURS = ("#eef2f7", MUTED)
"""(background, text) of a deadline that no longer runs (its request was merged or returned)."""
PLAIN_CLOCK_COLOURS = ("#eef2f7", "#1f2933")
"""(background, text) of a deadline state without colours of its own."""
STATUS_COLOURS: dict[str, str] = {
    "registered": MUTED,
    "assigned": BLUE,
    "accepted": BLUE,
    "answered": BLUE,
    "resolved": "#2f7d32",
    "closed": "#3e4c59",
    "returned": AMBER,
    "reopened": AMBER,
    "merged": FADED,
}
"""Badge of a request's status in its detail (white text on it)."""
