"""Finding a volunteer or a resident in one box, as the reception page finds a person.

``FinderEdit`` searches as the user types and floats the matches under the box; ↓/↑
choose and Enter picks. The register-volunteer, record-hours, batch-entry and redemption
dialogs all find people this way, so the box lives here rather than in one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from desktop.love_bank.service import LoveBankService
from desktop.residents.service import ResidentFilter, ResidentService
from ui.love_bank.formatting import points_text
from ui.widgets.i18n import Translator, error_text
from ui.widgets.list_page import SEARCH_DELAY_MS
from ui.widgets.match_popup import MatchPopup

_ = Translator("lovebank")

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


def volunteer_finder(
    love_bank: LoveBankService, actor: Actor, host: QWidget, *, placeholder: str = ""
) -> FinderEdit:
    """A ``FinderEdit`` over the volunteers; picks a ``VolunteerRow``."""

    def lookup(text: str) -> tuple[list[tuple[Sequence[str], Any]], int]:
        rows = love_bank.volunteers(actor, text=text, limit=MATCH_ROWS)
        total = len(rows)
        if total == MATCH_ROWS:
            total = love_bank.count_volunteers(actor, text=text)
        shown = [
            (
                (
                    r.name if r.is_active else _("{name} (inactive)", name=r.name),
                    r.phone or "—",
                    r.team or "—",
                    _("{n} points", n=points_text(r.available)),
                ),
                r,
            )
            for r in rows
        ]
        return shown, total

    fm = host.fontMetrics()
    return FinderEdit(
        lookup,
        host,
        columns=4,
        widths=[
            fm.horizontalAdvance("欧阳秀英（停用）") + 24,
            fm.horizontalAdvance("138****5678") + 24,
            fm.horizontalAdvance("幸福社区助老服务队") + 24,
        ],
        min_width=fm.horizontalAdvance("M") * 46,
        placeholder=placeholder or _("Volunteer: name, pinyin initials (zs) or phone"),
        empty_text=_("No volunteer found."),
    )


def resident_finder(residents: ResidentService, actor: Actor, host: QWidget) -> FinderEdit:
    """A ``FinderEdit`` over the residents register (archived ones marked); picks an id."""

    def lookup(text: str) -> tuple[list[tuple[Sequence[str], Any]], int]:
        result = residents.search(actor, ResidentFilter(text=text, include_archived=True))
        rows = result.page(0, MATCH_ROWS)
        shown = [
            (
                (
                    _("{name} (archived)", name=r.name) if r.archived else r.name,
                    r.phone or "—",
                    r.id_number or "—",
                    r.address,
                ),
                r.id,
            )
            for r in rows
        ]
        return shown, result.count

    fm = host.fontMetrics()
    return FinderEdit(
        lookup,
        host,
        columns=4,
        widths=[
            fm.horizontalAdvance("欧阳秀英（已归档）") + 24,
            fm.horizontalAdvance("0533-****5678") + 24,
            fm.horizontalAdvance("110105********0021") + 24,
        ],
        min_width=fm.horizontalAdvance("M") * 60,
        placeholder=_("Resident: name, pinyin initials (zs), phone, ID number or address"),
        empty_text=_("No resident found."),
    )
