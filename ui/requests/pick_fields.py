"""The pick fields of the reception form: one entry picked by typing (the category, the
lead department) and several ticked in a menu (the assisting departments).

In a :class:`ChoiceField`, a few characters or pinyin initials (``lj`` → 垃圾清运,
``环境 垃圾``) list the matching entries in a :class:`~ui.widgets.match_popup.MatchPopup`
under the field; Enter or a click picks the highlighted one and moves on, Tab takes the
only match, ↓ in an empty field lists everything, and text naming one entry exactly is
taken when the field is left. Both fields behave alike, so that is written once, here.
The :class:`AssistPicker` names the ticked departments on a button whose menu stays
open while entries are ticked (Space opens it, Space ticks).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMenu, QToolButton, QWidget

from desktop.common.matching import Choice, exact_choice, match_choices
from ui.widgets.i18n import Translator
from ui.widgets.match_popup import MatchPopup

_ = Translator("reception")


class ChoiceField(QObject):
    """Picks one of ``choices`` in ``edit``; what a pick means is the owner's business.

    Args:
        edit: the line edit typed in.
        popup: the list floating under it.
        pick: sets the chosen entry by id — the owner's ``set_…``, which calls
            :meth:`show_choice` and then does whatever the choice implies.
        cleared: typing changed a chosen entry's text: nothing is chosen any more.
        next_field: where the focus goes after a pick with Enter or a click.
        optional: an empty field is a valid answer (Enter in it moves on).
    """

    def __init__(
        self,
        edit: QLineEdit,
        popup: MatchPopup,
        *,
        pick: Callable[[int], None],
        cleared: Callable[[], None],
        next_field: QWidget,
        optional: bool = False,
    ):
        super().__init__(edit)
        self.edit = edit
        self.popup = popup
        self.choices: list[Choice] = []
        self.chosen_id: int | None = None
        self._pick = pick
        self._cleared = cleared
        self._next_field = next_field
        self._optional = optional
        edit.textEdited.connect(self._on_edited)
        popup.sig_picked.connect(self._on_picked)
        popup.sig_enter.connect(self._on_enter)
        popup.sig_open.connect(lambda: self.open_choices("" if self.chosen_id else self.edit.text()))
        edit.editingFinished.connect(self.take_exact)

    def open_choices(self, text: str) -> None:
        """List the entries matching ``text`` (all of them for an empty text)."""
        matches = match_choices(self.choices, text)
        self.popup.set_rows(
            [((c.label, c.detail) if c.detail else (c.label,), c.id) for c in matches],
            empty=_("Nothing matches; try other characters"),
        )
        self.popup.open_popup()

    def show_choice(self, choice_id: int | None) -> Choice | None:
        """Show an entry as the chosen one (None or an unknown id: nothing); returns it."""
        choice = next((c for c in self.choices if c.id == choice_id), None)
        self.chosen_id = choice.id if choice else None
        self.edit.setText(choice.label if choice else "")
        self.popup.hide()
        return choice

    def label_of(self, choice_id: int) -> str:
        return next((c.label for c in self.choices if c.id == choice_id), "")

    def relabel(self) -> None:
        """After the choices were read again: the chosen entry shows its current label."""
        label = self.label_of(self.chosen_id) if self.chosen_id is not None else ""
        if label and self.edit.text() != label:
            self.edit.setText(label)

    def typed_not_picked(self) -> bool:
        """Text was typed but no entry picked (the screen refuses to register that)."""
        return self.chosen_id is None and bool(self.edit.text().strip())

    def clear(self) -> None:
        self.chosen_id = None
        self.edit.clear()

    def take_exact(self) -> None:
        """On leaving the field: a text naming exactly one entry picks it."""
        if self.chosen_id is None:
            choice = exact_choice(self.choices, self.edit.text())
            if choice is not None:
                self._pick(choice.id)

    def _on_edited(self, text: str) -> None:
        if self.chosen_id is not None:
            self.chosen_id = None
            self._cleared()
        if text.strip():
            self.open_choices(text)
        else:
            self.popup.hide()

    def _on_picked(self, choice_id: int, advance: bool) -> None:
        self._pick(choice_id)
        if advance:
            self._next_field.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_enter(self) -> None:
        if self.chosen_id is not None or (self._optional and not self.edit.text().strip()):
            self._next_field.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.open_choices(self.edit.text())


class CheckMenu(QMenu):
    """A menu of checkable entries that stays open while entries are ticked (click or Space)."""

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        action = self.activeAction()
        if event.key() == Qt.Key.Key_Space and action is not None and action.isCheckable():
            if action.isEnabled():
                action.trigger()
            return
        super().keyPressEvent(event)


class AssistPicker(QToolButton):
    """The assisting departments (协办): a button naming those ticked, a menu ticking them.

    The lead department cannot also assist: :meth:`set_lead` unticks and disables it.

    Args:
        menu_parent: owns the menu (the form).
    """

    def __init__(self, menu_parent: QWidget):
        super().__init__()
        self.setObjectName("assistButton")
        self.check_menu = CheckMenu(menu_parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(self.check_menu)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setToolTip(_("Assisting departments: Space opens the list, Space ticks"))
        self.entries: dict[int, QAction] = {}  # department id → its entry in the menu
        self._lead: int | None = None

    def set_departments(self, departments: Sequence[Choice]) -> None:
        """(Re)fill the menu, keeping what is ticked."""
        ticked = set(self.ids())
        self.check_menu.clear()
        self.entries = {}
        for choice in departments:
            action = self.check_menu.addAction(choice.label)
            action.setCheckable(True)
            action.setChecked(choice.id in ticked)
            action.setData(choice.id)
            action.toggled.connect(self._update_text)
            self.entries[choice.id] = action
        self.set_lead(self._lead)

    def ids(self) -> list[int]:
        """The ticked departments, the lead left out."""
        return [i for i, a in self.entries.items() if a.isChecked() and i != self._lead]

    def set_ids(self, ids: Sequence[int]) -> None:
        for i, action in self.entries.items():
            action.setChecked(i in ids)

    def set_lead(self, lead_id: int | None) -> None:
        """The lead department (None: none): its entry is unticked and disabled."""
        self._lead = lead_id
        for i, action in self.entries.items():
            lead = i == lead_id
            if lead:
                action.setChecked(False)
            action.setEnabled(not lead)
        self._update_text()

    def _update_text(self) -> None:
        names = [self.entries[i].text() for i in self.ids()]
        text = "、".join(names) if names else _("None")
        fm = self.fontMetrics()
        self.setText(fm.elidedText(text, Qt.TextElideMode.ElideRight, fm.horizontalAdvance("M") * 14))
        self.setToolTip("、".join(names) if names else _("Assisting departments (optional)"))
