"""A search box with a floating list of matches, as the reception page finds a person.

``FinderEdit`` searches as the user types and floats the matches under the box
(:class:`~ui.widgets.match_popup.MatchPopup`); ↓/↑ choose and Enter picks. The love
bank's dialogs find volunteers and residents with it, the service orders find residents
and volunteers with it: :func:`resident_finder` is the one over the register (shared by
every job, as the register is), and a job builds its own with :func:`sized_finder` and a
``Lookup`` over its own service.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from desktop.residents.service import ResidentFilter, ResidentService
from ui.widgets.i18n import Translator, error_text
from ui.widgets.list_page import SEARCH_DELAY_MS
from ui.widgets.match_popup import MatchPopup

_ = Translator("finder")

MATCH_ROWS = 8  # rows of a finder's floating list


Lookup = Callable[[str], tuple[Sequence[tuple[Sequence[str], Any]], int]]
"""``text → (rows of (texts per column, data), total matches)``."""


class FinderEdit(QLineEdit):
    """A search box with a floating list of matches: type, ↓/↑ choose, Enter picks.

    Args:
        lookup: runs the search (see ``Lookup``); may raise ``DomainError``.
        host: the widget the list floats over (the dialog or page).
        columns: how many texts each row has; ``widths`` sizes all but the last.
        empty_text: shown in the list when nothing matches.

    Signals:
        sig_picked(object): a row was picked (Enter or click); carries its data.
        sig_enter(): Enter with nothing to pick (e.g. on a name already picked).
    """

    sig_picked = Signal(object)
    sig_enter = Signal()

    def __init__(
        self,
        lookup: Lookup,
        host: QWidget,
        *,
        columns: int = 1,
        widths: Sequence[int] = (),
        min_width: int = 0,
        placeholder: str = "",
        empty_text: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._lookup = lookup
        self.empty_text = empty_text or _("Nothing found.")
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._searched: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.popup = MatchPopup(
            self, host, columns=columns, rows=MATCH_ROWS, min_width=min_width, before_keys=self._flush
        )
        if widths:
            self.popup.set_column_widths(widths)
        self.popup.sig_picked.connect(self._picked)
        self.popup.sig_enter.connect(self.sig_enter)
        self.popup.sig_open.connect(self._open)
        self.textEdited.connect(self._edited)
        self.error = ""

    def _edited(self, text: str) -> None:
        self._searched = None
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()
            self.popup.hide()

    def _flush(self) -> bool:
        """Run a search still waiting for its timer (↓ or Enter came first); True if it ran."""
        text = self.text().strip()
        if text and (self._timer.isActive() or self._searched is None and self.isModified()):
            self.search_now()
            return True
        return False

    def _open(self) -> None:
        if self.text().strip():
            self.search_now()

    def search_now(self) -> None:
        """Search for what is in the box and show the matches under it."""
        self._timer.stop()
        text = self.text().strip()
        if not text:
            self.popup.hide()
            return
        self._searched = text
        try:
            rows, total = self._lookup(text)
        except DomainError as exc:
            self.popup.set_rows([], empty=error_text(exc))
            self.popup.open_popup()
            return
        footer = ""
        if total > len(rows):
            footer = _("{shown} of {n} shown; type more to narrow down", shown=len(rows), n=f"{total:,}")
        self.popup.set_rows(list(rows), footer=footer, empty=self.empty_text)
        self.popup.open_popup()

    def pick_current(self) -> bool:
        """Pick the highlighted match (what Enter does); False when there is none."""
        data = self.popup.current_data() if self.popup.isVisible() else None
        if data is None:
            return False
        self.popup.hide()
        self._picked(data, True)
        return True

    def _picked(self, data: Any, _advance: bool) -> None:
        self._searched = None
        self.setModified(False)
        self.sig_picked.emit(data)

    def reset(self) -> None:
        self._timer.stop()
        self.popup.hide()
        self.clear()
        self._searched = None


def sized_finder(
    lookup: Lookup,
    host: QWidget,
    samples: Sequence[str],
    *,
    chars: int,
    placeholder: str,
    empty_text: str,
) -> FinderEdit:
    """A finder whose list has a column for each of ``samples`` (as wide as that text) and
    one for the rest, and is at least ``chars`` wide."""
    fm = host.fontMetrics()
    return FinderEdit(
        lookup,
        host,
        columns=len(samples) + 1,
        widths=[fm.horizontalAdvance(sample) + 24 for sample in samples],
        min_width=fm.horizontalAdvance("M") * chars,
        placeholder=placeholder,
        empty_text=empty_text,
    )


def resident_finder(
    residents: ResidentService, actor: Actor, host: QWidget, *, include_archived: bool = False
) -> FinderEdit:
    """A finder over the residents register, its matches shown as at reception (name,
    masked phone and ID number, address); picks a ``ResidentRow``. With
    ``include_archived`` archived residents are offered too, marked as such."""

    def lookup(text: str) -> tuple[list[tuple[Sequence[str], Any]], int]:
        result = residents.search(actor, ResidentFilter(text=text, include_archived=include_archived))
        shown: list[tuple[Sequence[str], Any]] = [
            (
                (
                    _("{name} (archived)", name=r.name) if r.archived else r.name,
                    r.phone or "—",
                    r.id_number or "—",
                    r.address,
                ),
                r,
            )
            for r in result.page(0, MATCH_ROWS)
        ]
        return shown, result.count

    return sized_finder(
        lookup,
        host,
        ("欧阳秀英（已归档）" if include_archived else "欧阳秀英", "0533-****5678", "110105********0021"),
        chars=60,
        placeholder=_("Resident: name, pinyin initials (zs), phone, ID number or address"),
        empty_text=_("No resident found."),
    )


__all__ = ["MATCH_ROWS", "FinderEdit", "Lookup", "resident_finder", "sized_finder"]
