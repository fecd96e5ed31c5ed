"""Sections other jobs add to the monthly report, without the reports job knowing them.

A job that has figures for the report (the visits job's 网格走访, say) gives
``desktop/opening.py`` a provider: ``provider(first, last, cutoff) -> ExtraSection | None``
for the period's first and last day. :class:`~desktop.reports.service.ReportService`
asks every provider when it reads the figures; the PDF prints each section after the
service orders (a heading, its paragraphs, its tables) and the Excel workbook gives each
one a sheet. A provider that has nothing for the period returns None.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ExtraTable:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # relative widths of the columns
    unit: str = ""


@dataclass(frozen=True)
class ExtraSection:
    """A section as printed text: Simplified Chinese, already formatted."""

    heading: str
    sheet: str  # the Excel sheet's name (at most 31 characters)
    paragraphs: tuple[str, ...]
    tables: tuple[ExtraTable, ...]


ExtraSectionProvider = Callable[[dt.date, dt.date, dt.datetime], "ExtraSection | None"]


def read_sections(
    providers: tuple[ExtraSectionProvider, ...], first: dt.date, last: dt.date, cutoff: dt.datetime
) -> tuple[ExtraSection, ...]:
    sections = (provider(first, last, cutoff) for provider in providers)
    return tuple(s for s in sections if s is not None)


def pdf_section(b: Any, section: ExtraSection) -> None:
    """Print ``section`` with the report's builder (:class:`desktop.reports.pdf_builder.Builder`)."""
    b.heading(section.heading)
    for text in section.paragraphs:
        b.story.append(b.para(text))
    for t in section.tables:
        b.sub(t.title)
        b.table(list(t.headers), [list(r) for r in t.rows], list(t.widths), unit=t.unit)
