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
