"""Who the request is for, at reception: the box that finds the resident, and the card
that shows the one chosen.

One box finds a resident by name, pinyin initials (``zs``), phone, ID number digits or
address as the user types (after a short pause, or at once on ↓ / Enter); the matches
float under it and Enter picks the highlighted one. Esc closes the list, then undoes
the typing. A resident not found is registered in place (F3, prefilled with what was
typed) and then chosen; F4 edits the chosen one — both in the resident dialog, which
opens window-modal without blocking. The card beside the form shows the chosen
resident: age, masked phone and ID number, address, grid and key groups.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Permission
from desktop.residents.service import ResidentDetail, ResidentFilter, ResidentService
from ui.widgets.i18n import Translator, error_text
from ui.widgets.match_popup import MatchPopup
from ui.widgets.resident_dialog import ResidentDialog

_ = Translator("reception")

SEARCH_DELAY_MS = 200
RESIDENT_MATCHES = 8  # rows of the resident result list

DialogFactory = Callable[..., ResidentDialog]
"""Builds the resident dialog: ``(residents, actor, resident_id, parent, prefill=...)``."""


def age_on(birth: dt.date | None, today: dt.date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


class ResidentBox(QWidget):
    """The resident row of the reception form: the search box and "New resident (F3)".

    Args:
        residents: the register (``search``, ``get``; the dialog saves).
        actor: the logged-in user.
        host: the page: the list floats over it and the resident dialog belongs to it.
        dialog_factory: builds the resident dialog (tests pass their own).
        next_field: where the focus goes once a resident is chosen (the first empty field).

    Signals:
        sig_chosen(): ``resident`` is now the chosen resident (picked, or saved in the dialog).
        sig_saved(int): the resident dialog saved a resident, new or edited; carries its id.
        sig_error(str): a search or a read failed; the page shows why.
    """

    sig_chosen = Signal()
    sig_saved = Signal(int)
    sig_error = Signal(str)

    def __init__(
        self,
        residents: ResidentService,
        actor: Actor,
        host: QWidget,
        *,
        dialog_factory: DialogFactory,
        next_field: Callable[[], QWidget],
    ):
        super().__init__()
        self._residents = residents
        self._actor = actor
        self._host = host
        self._dialog_factory = dialog_factory
        self._next_field = next_field
        self.can_edit = actor.can(Permission.EDIT_RESIDENTS)
        self.resident: ResidentDetail | None = None
        self.dialog: ResidentDialog | None = None
        self._searched_text: str | None = None
        self._focus_after_dialog: QWidget | None = None

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

        self.edit = QLineEdit()
        self.edit.setPlaceholderText(_("Name, pinyin initials (zs), phone, ID number or address"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setToolTip(_("Type to search; ↓/↑ choose, Enter picks (Ctrl+F comes back here)"))
        self.new_button = QPushButton(_("New resident (F3)"))
        self.new_button.setToolTip(_("Not found? Register the resident with what you typed (F3 or Ctrl+N)"))
        self.new_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.edit, 1)
        row.addWidget(self.new_button, 0)
        self.new_button.setVisible(self.can_edit)

        fm = self.fontMetrics()
        self.popup = MatchPopup(
            self.edit,
            host,
            columns=4,
            rows=RESIDENT_MATCHES,
            min_width=fm.horizontalAdvance("M") * 62,
            before_keys=self._flush_search,
        )
        self.popup.set_column_widths(
            [
                fm.horizontalAdvance("欧阳秀英") + 24,
                fm.horizontalAdvance("0533-****5678") + 24,
                fm.horizontalAdvance("110105********0021") + 24,
            ]
        )

        self.edit.textEdited.connect(self._on_edited)
        self._search_timer.timeout.connect(self._run_search)
        self.popup.sig_picked.connect(lambda rid, advance: self.choose(rid, advance=advance))
        self.popup.sig_enter.connect(self._on_enter)
        self.popup.sig_open.connect(self._run_search)
        self.new_button.clicked.connect(self.new_resident)
        self.edit.installEventFilter(self)  # after the popup's: Esc closes the list first

    # --- searching -------------------------------------------------------------------
    def _on_edited(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:
            self._search_timer.stop()
            self._searched_text = None
            self.popup.hide()

    def _flush_search(self) -> bool:
        """Run a search still waiting for its timer (↓ or Enter came first); True if it ran."""
        text = self.edit.text().strip()
        if text and (self._search_timer.isActive() or text != self._searched_text) and self._is_query(text):
            self._run_search()
            return True
        return False

    def _is_query(self, text: str) -> bool:
        """The box holds something typed, not the name of the resident just picked."""
        return not (self.resident is not None and text == self.resident.name and self._searched_text is None)

    def _run_search(self) -> None:
        self._search_timer.stop()
        text = self.edit.text().strip()
        if not text:
            self.popup.hide()
            return
        self._searched_text = text
        try:
            result = self._residents.search(self._actor, ResidentFilter(text=text))
            rows = result.page(0, RESIDENT_MATCHES)
        except DomainError as exc:
            self.sig_error.emit(error_text(exc))
            return
        items = [((r.name, r.phone or "—", r.id_number or "—", r.address), r.id) for r in rows]
        footer = ""
        if result.count > len(rows):
            footer = _(
                "{shown} of {n} shown; type more to narrow down", shown=len(rows), n=f"{result.count:,}"
            )
        empty = _("No resident found.")
        if self.can_edit:
            empty += " " + _("F3: register a new resident")
        self.popup.set_rows(items, footer=footer, empty=empty)
        if self.edit.hasFocus():
            self.popup.open_popup()

    def _on_enter(self) -> None:
        """Enter with nothing to pick: on the picked resident's name, go on to the form."""
        if self.resident is not None and not self.popup.isVisible():
            self._next_field().setFocus(Qt.FocusReason.TabFocusReason)

    # --- the chosen resident ---------------------------------------------------------
    def choose(self, resident_id: int, *, advance: bool = True) -> bool:
        """Make a resident the one this request is for (``sig_chosen``); False if unreadable."""
        try:
            detail = self._residents.get(self._actor, resident_id)
        except DomainError as exc:
            self.sig_error.emit(error_text(exc))
            return False
        self.resident = detail
        self._search_timer.stop()
        self._searched_text = None
        self.popup.hide()
        self.edit.setText(detail.name)
        self.sig_chosen.emit()
        if advance:
            self._next_field().setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def reread(self) -> None:
        """Read the chosen resident again (edited elsewhere); what was typed stays, unless
        it is the old name, which becomes the new one. Nothing else on the form changes."""
        if self.resident is None:
            return
        try:
            detail = self._residents.get(self._actor, self.resident.id)
        except DomainError:
            return  # kept as chosen; registering says what is wrong
        if self.edit.text() == self.resident.name and detail.name != self.resident.name:
            self.edit.setText(detail.name)
        self.resident = detail

    def screen_error(self) -> str | None:
        """What only the screen knows: another name typed but not picked."""
        typed = self.edit.text().strip()
        if self.resident is not None and not typed:
            self.edit.setText(self.resident.name)  # the box was emptied; the card still shows who
        elif typed and (self.resident is None or typed != self.resident.name):
            # Another name typed but not picked: never register for the wrong person.
            return _("Pick the resident from the list (Enter), or press F3 to register them.")
        return None

    def clear(self) -> None:
        """Nobody chosen, nothing typed."""
        self._search_timer.stop()
        self._searched_text = None
        self.popup.hide()
        self.resident = None
        self.edit.clear()

    # --- the resident dialog ---------------------------------------------------------
    def new_resident(self) -> None:
        """F3: register a resident not found, prefilled with what was typed; then pick them."""
        if not self.can_edit:
            return
        text = self.edit.text().strip()
        if self.resident is not None and text == self.resident.name:
            text = ""
        self._open_dialog(None, prefill=text)

    def edit_resident(self) -> None:
        """F4: edit the chosen resident's record."""
        if self.resident is None or not self.can_edit:
            return
        self._open_dialog(self.resident.id)

    def _open_dialog(self, resident_id: int | None, prefill: str = "") -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        self.popup.hide()
        self._search_timer.stop()
        try:
            dialog = self._dialog_factory(
                self._residents, self._actor, resident_id, self._host, prefill=prefill
            )
        except DomainError as exc:
            self.sig_error.emit(error_text(exc))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_saved.connect(self._on_saved)
        dialog.finished.connect(self._dialog_closed)
        self._focus_after_dialog = self.edit if resident_id is None else self._host.focusWidget()
        self.dialog = dialog
        dialog.open()  # window-modal, does not block: the box waits for sig_saved
        dialog.activateWindow()

    def _on_saved(self, resident_id: int) -> None:
        self.sig_saved.emit(resident_id)
        creating = self.resident is None or self.resident.id != resident_id
        if self.choose(resident_id, advance=False) and creating:
            self._focus_after_dialog = self._next_field()

    def _dialog_closed(self) -> None:
        self.dialog = None
        target = self._focus_after_dialog or self.edit
        self._focus_after_dialog = None
        self._host.activateWindow()
        target.setFocus(Qt.FocusReason.TabFocusReason)

    # --- keys ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and not self.popup.isVisible()
        ):
            # Esc undoes the typing: back to the chosen resident's name, or empty.
            keep = self.resident.name if self.resident is not None else ""
            if self.edit.text() != keep:
                self._search_timer.stop()
                self._searched_text = None
                self.edit.setText(keep)
                self.edit.selectAll()
                return True
        return super().eventFilter(watched, event)


class ResidentCard(QFrame):
    """The chosen resident beside the form; a hint what to do until one is chosen.

    Args:
        can_edit: whether "Edit (F4)" is offered.
        today: today's date (for the age).
    """

    def __init__(self, *, can_edit: bool, today: Callable[[], dt.date], parent: QWidget | None = None):
        super().__init__(parent)
        self._today = today
        self._grids: dict[int, str] = {}
        self._tags: dict[int, str] = {}
        self.setObjectName("residentCard")
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.stack)

        hint = QWidget()
        hint_layout = QVBoxLayout(hint)
        hint_layout.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel(_("Type a name, pinyin initials or phone to find the resident"))
        self.hint.setObjectName("emptyState")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        more = _("Not found? Press F3 to register a new resident.") if can_edit else ""
        self.hint_more = QLabel(more)
        self.hint_more.setObjectName("hint")
        self.hint_more.setWordWrap(True)
        self.hint_more.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint_layout.addStretch(1)
        hint_layout.addWidget(self.hint)
        hint_layout.addWidget(self.hint_more)
        hint_layout.addStretch(1)
        self.stack.addWidget(hint)

        details = QWidget()
        grid = QGridLayout(details)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        self.name = QLabel()
        self.name.setObjectName("residentName")
        self.meta = QLabel()
        self.meta.setObjectName("cardLabel")
        self.edit_button = QPushButton(_("Edit (F4)"))
        self.edit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.edit_button.setToolTip(_("Edit this resident's record (F4)"))
        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(self.name)
        head.addWidget(self.meta)
        head.addStretch(1)
        head.addWidget(self.edit_button)
        grid.addLayout(head, 0, 0, 1, 2)
        # Only once it has a parent: a button shown without one flashes as a window.
        self.edit_button.setVisible(can_edit)
        self.values: dict[str, QLabel] = {}
        for i, (key, caption) in enumerate(
            (
                ("phone", _("Phone")),
                ("id_number", _("ID number")),
                ("address", _("Address")),
                ("grid", _("Grid")),
                ("tags", _("Key groups")),
            ),
            start=1,
        ):
            label = QLabel(caption)
            label.setObjectName("cardLabel")
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if key == "tags":
                value.setObjectName("keyGroups")
            grid.addWidget(label, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, i, 1)
            self.values[key] = value
        self.stack.addWidget(details)
        self.setMinimumHeight(self.fontMetrics().height() * 9)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_names(self, grids: dict[int, str], tags: dict[int, str]) -> None:
        """The names of the grids and key groups the card shows."""
        self._grids, self._tags = grids, tags

    def show_resident(self, d: ResidentDetail | None) -> None:
        if d is None:
            self.stack.setCurrentIndex(0)
            return
        self.name.setText(d.name)
        age = age_on(d.birth_date, self._today())
        meta = [d.gender] if d.gender else []
        if age is not None:
            meta.append(_("{n} years", n=age))
        self.meta.setText(" · ".join(meta))
        none = "—"
        self.values["phone"].setText(d.phone_masked or none)
        self.values["id_number"].setText(d.id_number_masked or none)
        self.values["address"].setText(d.address or none)
        self.values["grid"].setText(self._grids.get(d.grid_id, none) if d.grid_id else none)
        tags = "、".join(self._tags[t] for t in d.tag_ids if t in self._tags)
        tag_label = self.values["tags"]
        tag_label.setText(tags or none)
        tag_label.setObjectName("keyGroups" if tags else "")
        tag_label.style().unpolish(tag_label)
        tag_label.style().polish(tag_label)
        self.stack.setCurrentIndex(1)
