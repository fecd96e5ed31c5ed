"""The reception page (接待登记): find the resident, log the request, print the slip.

Built for the keyboard. One box finds the resident (name, pinyin initials ``zs``,
phone, ID number digits, address); Enter picks the highlighted match and jumps to the
category, where a few characters or pinyin initials (``lj`` → 垃圾清运, ``环境 垃圾``)
and Enter choose a sub-category and jump to the description; Tab goes on to the lead
department (same kind of field) and Ctrl+S registers. Everything else has a default:
channel walk-in, one visitor, urgency green, level from the department (else
community), the resident's grid. A known resident's request takes about a dozen keys
besides the description text (tests/ui/requests/test_reception.py counts them).

Keys: Enter picks, ↓/↑ move in a list, Esc closes it; F3 or Ctrl+N registers a new
resident with what was typed; F4 edits the chosen one; Alt+1…5 set the channel;
Ctrl+S / Ctrl+Enter register; Ctrl+P prints the slip of the last registration;
Ctrl+F goes back to the resident box. Other jobs may offer actions on the chosen
resident (``extra_actions``: the shell wires 居民点单 of the orders job, Ctrl+D), each a
button at the bottom with its own key; this job never knows what they do.

Possible duplicates (same resident, or same address and category, last 30 days) are
listed on the right as soon as the resident (and the category) is chosen; they never
block registering. After registering, the bar at the bottom shows the request number
and prints the slip (回执, built off the GUI thread); the form is empty again, the cursor
back in the resident box. A message under a field goes as soon as the field is
corrected; new errors replace the bar of the last registration.

When categories, departments, grids, the chosen resident or requests change elsewhere
(:mod:`ui.requests.watching`), the page reads them again without touching what is typed:
a half-filled form is never cleared by a refresh.

This module is the page shell: it lays out its parts and registers. The resident box and
card are in :mod:`ui.requests.resident_box`, the other fields in
:mod:`ui.requests.reception_form` (pick fields: :mod:`ui.requests.pick_fields`), the
duplicates in :mod:`ui.requests.duplicates_panel`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.common.changes import Changes, Topic
from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import Actor, Permission
from desktop.requests.service import CHANNELS, RequestForm, RequestRow, RequestService
from desktop.residents.service import ResidentDetail, ResidentService
from ui.requests.duplicates_panel import DuplicatesPanel
from ui.requests.reception_form import FilePicker, ReceptionForm
from ui.requests.resident_box import DialogFactory, ResidentBox, ResidentCard
from ui.requests.slip import PreviewFactory, print_slip
from ui.requests.watching import RECEPTION_TOPICS, weakly
from ui.widgets.background import Task
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.i18n import Translator, error_text, field_messages
from ui.widgets.keys import shortcut as page_shortcut
from ui.widgets.messages import ask_yes
from ui.widgets.pdf_files import failure_reason
from ui.widgets.resident_dialog import ResidentDialog

_ = Translator("reception")

RECHECK_DELAY_MS = 150
"""After a pause in typing, the fields showing an error are checked again."""


@dataclass(frozen=True)
class ResidentAction:
    """An action another job offers on the resident chosen at reception (the shell wires
    them; e.g. 居民点单). ``run(resident_id, description)`` gets the chosen resident and
    the description typed so far; it may return the dialog it opened.

    ``label`` is the button's text (the key is added to it), ``tip`` its tooltip, ``keys``
    its shortcut on the page (one the page does not use itself).
    """

    label: str
    tip: str
    keys: str
    run: Callable[[int, str], object]


class ReceptionPage(QWidget):
    """The 接待登记 page: the form on the left, the resident card and possible duplicates on
    the right, what was registered (with the slip) at the bottom.

    Args:
        requests: the request service (``categories``, ``departments``, ``check``,
            ``register``, ``duplicates``, ``add_attachment``, ``get``).
        residents: the register (``search``, ``get``, ``grids``, ``tags``; the dialog saves).
        actor: the logged-in user.
        parent: the owning widget.
        centre_name: printed at the top of the slip (see ``set_centre_name``); empty: the
            name kept in the database.
        preview_factory: opens the slip preview, ``(pdf_path, title, parent)``;
            defaults to ``PdfPreviewDialog``.
        dialog_factory: builds the resident dialog (tests pass their own).
        file_picker: asks for files to attach (tests pass their own).
        hub: announces committed changes; the page reads what it offers and shows again.
        extra_actions: what other jobs offer on the chosen resident (see
            :class:`ResidentAction`); each is a button with its key, enabled once a
            resident is chosen.

    Parts: ``resident_box`` (the resident search box), ``fields`` (the rest of the form),
    ``card`` (the chosen resident) and ``duplicates_panel``.

    Signals:
        sig_registered(int): a request was registered; carries its id.
        sig_resident_saved(int): a resident was created or edited from this page.
        sig_open_request(int): the user opened a possible duplicate (Enter / double-click).
    """

    sig_registered = Signal(int)
    sig_resident_saved = Signal(int)
    sig_open_request = Signal(int)

    def __init__(
        self,
        requests: RequestService,
        residents: ResidentService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        centre_name: str = "",
        preview_factory: PreviewFactory | None = None,
        dialog_factory: DialogFactory = ResidentDialog,
        file_picker: FilePicker | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        hub: ChangeHub | None = None,
        extra_actions: Sequence[ResidentAction] = (),
    ):
        super().__init__(parent)
        self.setObjectName("receptionPage")  # its look: ui.widgets.style
        self._requests = requests
        self._residents = residents
        self._actor = actor
        self._centre_name = centre_name
        self._preview_factory = preview_factory
        self._extra_actions = tuple(extra_actions)
        self.can_register = actor.can(Permission.HANDLE_REQUESTS)
        self.can_edit_residents = actor.can(Permission.EDIT_RESIDENTS)

        self.last_request_id: int | None = None
        self.last_number = ""
        self.preview: Any = None
        self.slip_task: Task | None = None
        self.duplicates: list[RequestRow] = []
        self._saved_message: tuple[str, str] | None = None
        self._recheck_timer = QTimer(self)
        self._recheck_timer.setSingleShot(True)
        self._recheck_timer.setInterval(RECHECK_DELAY_MS)

        self.resident_box = ResidentBox(
            residents, actor, self, dialog_factory=dialog_factory, next_field=self._first_empty_field
        )
        self.fields = ReceptionForm(self.resident_box, self.resident_box.edit, self, file_picker=file_picker)
        self.card = ResidentCard(can_edit=self.can_edit_residents, today=today)
        self.duplicates_panel = DuplicatesPanel()
        self._build()
        self.reload_choices()
        self._connect_callbacks()
        self.clear_form()
        watch(hub, self, RECEPTION_TOPICS, weakly(self.refresh))

    @property
    def resident(self) -> ResidentDetail | None:
        """The resident this request is for (None until one is chosen)."""
        return self.resident_box.resident

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        fm = self.fontMetrics()
        line_height = fm.height() * 2 + 4

        # Right: the resident card and possible duplicates.
        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(self.card)
        right.addWidget(self.duplicates_panel, 1)

        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(self.fields, 3)
        columns.addLayout(right, 2)

        # Bottom: what was saved (with the slip), and the buttons.
        self.saved_bar = QFrame()
        self.saved_bar.setObjectName("savedBar")
        self.saved_text = QLabel()
        self.saved_text.setObjectName("savedText")
        self.saved_text.setWordWrap(True)
        self.saved_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton(_("Print slip (Ctrl+P)"))
        self.print_button.setToolTip(_("Preview and print the receipt slip (回执) for the resident"))
        self.print_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.print_button.setMinimumHeight(line_height)
        bar = QHBoxLayout(self.saved_bar)
        bar.setContentsMargins(10, 4, 6, 4)
        bar.addWidget(self.saved_text, 1)
        bar.addWidget(self.print_button)
        self.saved_bar.hide()

        self.clear_button = QPushButton(_("Clear"))
        self.clear_button.setToolTip(_("Empty the form for the next visitor"))
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.save_button = QPushButton(_("Register (Ctrl+S)"))
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(_("Register the request (Ctrl+S or Ctrl+Enter)"))
        self.save_button.setEnabled(self.can_register)
        for button in (self.clear_button, self.save_button):
            button.setMinimumHeight(line_height)
            button.setMinimumWidth(fm.horizontalAdvance("M") * 9)
        self.save_button.setMinimumWidth(fm.horizontalAdvance(self.save_button.text()) + 40)

        # What other jobs offer on the chosen resident (居民点单 …), before Clear.
        self.extra_buttons: list[QPushButton] = []
        for action in self._extra_actions:
            extra = QPushButton(_("{label} ({keys})", label=action.label, keys=action.keys))
            extra.setToolTip(action.tip)
            extra.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            extra.setMinimumHeight(line_height)
            extra.setEnabled(False)  # until a resident is chosen
            self.extra_buttons.append(extra)

        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        bottom.addWidget(self.saved_bar, 1)
        self._bottom_spacer = QWidget()
        bottom.addWidget(self._bottom_spacer, 1)
        for extra in self.extra_buttons:
            bottom.addWidget(extra)
        bottom.addWidget(self.clear_button)
        bottom.addWidget(self.save_button)

        keys = _("Enter: pick · F3: new resident · Alt+1…5: channel · Ctrl+S: register · Ctrl+P: print slip")
        if not self.can_register:
            keys = _("Your role may look up requests but not register them.")
        for action in self._extra_actions:
            keys += " · " + _("{keys}: {label}", keys=action.keys, label=action.label)
        self.keys_label = QLabel(keys)
        self.keys_label.setObjectName("hint")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 12, 14, 8)
        outer.setSpacing(8)
        outer.addLayout(columns, 1)
        outer.addLayout(bottom)
        outer.addWidget(self.keys_label)

        order: list[QWidget] = [
            self.resident_box.edit,
            *self.fields.tab_chain(),
            self.save_button,
            self.duplicates_panel.tree,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def reload_choices(self) -> None:
        """(Re)load categories, departments, grids and key groups, keeping what is chosen."""
        grids = dict(self._residents.grids())
        self.fields.reload_choices(self._requests.categories(), self._requests.departments(), grids)
        self.card.set_names(grids, dict(self._residents.tags()))

    def refresh(self, changes: Changes | None = None) -> None:
        """What changed elsewhere, read again; nothing typed or chosen is lost."""
        try:
            if changes is None or changes.touches((Topic.CATALOGUE, Topic.RESIDENTS)):
                self.reload_choices()
            if changes is None or changes.touches((Topic.RESIDENTS,)):
                self.resident_box.reread()
                self.card.show_resident(self.resident)
        except DomainError as exc:
            self.show_message(error_text(exc), tone="error")
            return
        if changes is None or changes.touches((Topic.REQUESTS,)):
            self.refresh_duplicates()

    def _connect_callbacks(self) -> None:
        self.resident_box.sig_chosen.connect(self._on_resident_chosen)
        self.resident_box.edit.textEdited.connect(self._recheck_timer.start)
        self.fields.sig_edited.connect(self._recheck_timer.start)
        self._recheck_timer.timeout.connect(self.recheck)
        self.resident_box.sig_saved.connect(self.sig_resident_saved)
        self.resident_box.sig_error.connect(lambda text: self.show_message(text, tone="error"))
        self.fields.sig_category_changed.connect(self.refresh_duplicates)
        self.card.edit_button.clicked.connect(self.resident_box.edit_resident)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear_with_confirm)
        self.print_button.clicked.connect(self.print_slip)
        self.duplicates_panel.sig_open_request.connect(self.sig_open_request)

        shortcuts: list[tuple[str, Callable[[], None]]] = [
            ("Ctrl+S", self.save),
            ("Ctrl+Return", self.save),
            ("Ctrl+Enter", self.save),
            ("Ctrl+P", self.print_slip),
            ("Ctrl+F", self.focus_default),
        ]
        if self.can_edit_residents:
            shortcuts += [
                ("F3", self.resident_box.new_resident),
                ("Ctrl+N", self.resident_box.new_resident),
                ("F4", self.resident_box.edit_resident),
            ]
        for n, code in enumerate(CHANNELS, start=1):
            shortcuts.append((f"Alt+{n}", lambda c=code: self.fields.set_channel(c)))
        for keys, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for action, button in zip(self._extra_actions, self.extra_buttons, strict=True):
            run = partial(self.run_extra, action)
            button.clicked.connect(lambda _checked=False, run=run: run())
            page_shortcut(action.keys, self, run)

    # --- the resident ----------------------------------------------------------------
    def choose_resident(self, resident_id: int, *, advance: bool = True) -> bool:
        """Make a resident the one this request is for; fills the card and the grid."""
        return self.resident_box.choose(resident_id, advance=advance)

    def run_extra(self, action: ResidentAction) -> object:
        """Run an action another job offers on the chosen resident, with the description
        typed so far; without a resident it says to choose one first."""
        problem = self.resident_box.screen_error()
        if self.resident is None or problem is not None:
            self.fields.set_error("resident", problem or _("Choose the resident first (Enter picks)."))
            self.focus_default()
            return None
        return action.run(self.resident.id, self.fields.description_edit.toPlainText().strip())

    def _on_resident_chosen(self) -> None:
        detail = self.resident_box.resident
        self._update_extras()
        self.card.show_resident(detail)
        self.fields.set_grid(detail.grid_id if detail is not None else None)
        self.fields.set_error("resident", None)
        self.refresh_duplicates()

    # --- duplicates ------------------------------------------------------------------
    def refresh_duplicates(self) -> None:
        """Ask for possible duplicates of what is on the form; shown, never blocking."""
        if self.resident is None:
            self.duplicates = []
        else:
            try:
                self.duplicates = self._requests.duplicates(
                    self._actor,
                    resident_id=self.resident.id,
                    address=self.resident.address,
                    category_id=self.fields.category_id,
                )
            except DomainError:
                self.duplicates = []
        self.duplicates_panel.show_rows(
            self.duplicates,
            resident_chosen=self.resident is not None,
            same_category=self.fields.chosen_category_label(),
        )

    # --- saving ----------------------------------------------------------------------
    def form(self) -> RequestForm:
        """What is on the screen, as the service takes it."""
        return self.fields.request_form(self.resident.id if self.resident else None)

    def _screen_errors(self) -> dict[str, str]:
        """What only the screen knows: text typed in a pick field but nothing picked."""
        errors: dict[str, str] = {}
        resident = self.resident_box.screen_error()
        if resident is not None:
            errors["resident"] = resident
        errors.update(self.fields.screen_errors())
        return errors

    def _errors(self) -> dict[str, str]:
        """Every field's message for what is on the form now ({} when it can be registered)."""
        errors: dict[str, str] = {}
        try:
            self._requests.check(self.form())
        except FieldErrors as exc:
            errors = field_messages(exc)
        errors.update(self._screen_errors())
        return errors

    def recheck(self) -> None:
        """A field was changed: the messages shown are checked again, and each one whose
        field is now right goes (no new message appears before the next Register)."""
        self._recheck_timer.stop()
        if not self.fields.has_errors():
            return
        try:
            errors = self._errors()
        except DomainError:
            return  # the database could not be asked: the messages stay until Register
        self.fields.update_errors(errors)

    def save(self) -> bool:
        """Register the request; on any error nothing is saved and the messages show."""
        if not self.can_register:
            return False
        self._recheck_timer.stop()
        self._restore_message()
        self.fields.take_typed_choices()
        self.resident_box.popup.hide()
        self.fields.hide_popups()
        form = self.form()
        errors = self._errors()
        if errors:
            self._show_errors(errors)
            return False
        try:
            request_id = self._requests.register(self._actor, form)
        except FieldErrors as exc:
            self._show_errors(field_messages(exc))
            return False
        except DomainError as exc:
            self._show_errors({})
            self.show_message(error_text(exc), tone="error")
            return False
        name = self.resident.name if self.resident else ""
        failed = self._store_attachments(request_id)
        try:
            number = self._requests.get(self._actor, request_id).number
        except DomainError:
            number = ""
        self.last_request_id, self.last_number = request_id, number
        department = self.fields.department_edit.text() if self.fields.department_id is not None else ""
        if department:
            text = _(
                "Request {number} registered for {name}, sent to {department}.",
                number=number,
                name=name,
                department=department,
            )
        else:
            text = _("Request {number} registered for {name}.", number=number, name=name)
        tone = "ok"
        if failed:
            text += "\n" + _("Not attached: {files}", files="; ".join(failed))
            tone = "warning"
        self.clear_form()
        self.show_message(text, tone=tone)
        self.sig_registered.emit(request_id)
        self.resident_box.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _store_attachments(self, request_id: int) -> list[str]:
        """Store the files with the saved request; the request stays saved whatever fails."""
        failed: list[str] = []
        for path in self.fields.attachments:
            try:
                self._requests.add_attachment(self._actor, request_id, path)
            except DomainError as exc:
                failed.append(error_text(exc))
            except OSError as exc:
                failed.append(f"{path.name}: {exc.strerror or exc}")
        return failed

    def _show_errors(self, errors: dict[str, str]) -> None:
        unplaced = self.fields.show_errors(errors)
        if unplaced:
            self.show_message("\n".join(unplaced), tone="error")
        elif errors:
            self._hide_message()  # the last registration's bar is not about these errors
        self.fields.focus_first_error(errors)

    def message(self, field: str) -> str:
        """The text under a field ("" when none); for tests and callers."""
        return self.fields.message(field)

    def show_message(self, text: str, *, tone: str = "ok") -> None:
        """The bar at the bottom: what was registered (with Print slip), or what went wrong.

        ``tone``: "ok" (green), "warning" (saved, but something else failed) or "error".
        """
        if tone != "error":
            self._saved_message = (text, tone)
        self.saved_text.setText(text)
        self.saved_bar.setProperty("tone", tone)
        self.saved_bar.style().unpolish(self.saved_bar)
        self.saved_bar.style().polish(self.saved_bar)
        self.print_button.setVisible(tone != "error" and self.last_request_id is not None)
        self.saved_bar.show()
        self._bottom_spacer.hide()

    def _restore_message(self) -> None:
        """An error message goes when the user tries again; the last registration shows again."""
        if self.saved_bar.property("tone") != "error":
            return
        if self._saved_message is not None:
            self.show_message(*self._saved_message)
        else:
            self._hide_message()

    def _hide_message(self) -> None:
        self.saved_bar.hide()
        self._bottom_spacer.show()

    def clear_form(self) -> None:
        """Empty the form for the next visitor (defaults everywhere); keeps the message bar."""
        self.resident_box.clear()
        self.card.show_resident(None)
        self.fields.clear()
        self.refresh_duplicates()
        self._update_extras()

    def _update_extras(self) -> None:
        for button in self.extra_buttons:
            button.setEnabled(self.resident is not None)

    def clear_with_confirm(self) -> None:
        if self.fields.description_edit.toPlainText().strip() and not ask_yes(
            self,
            _("Clear the form"),
            _("The description has not been registered. Clear the form anyway?"),
        ):
            return
        self.clear_form()
        self.focus_default()

    # --- the slip --------------------------------------------------------------------
    def set_centre_name(self, name: str) -> None:
        """The centre was renamed in Settings: the next slip carries the new name."""
        self._centre_name = name

    def print_slip(self) -> Task | None:
        """Ctrl+P: build the slip of the last registered request off the GUI thread, then
        open its preview; a failure shows in the bar at the bottom."""
        if self.last_request_id is None:
            return None
        if self.slip_task is not None and self.slip_task.running:
            return self.slip_task
        self.slip_task = print_slip(
            self._requests,
            self._actor,
            self.last_request_id,
            self,
            centre_name=self._centre_name,
            preview_factory=self._preview_factory,
            on_opened=self._slip_opened,
            on_failed=self._slip_failed,
        )
        return self.slip_task

    def _slip_opened(self, preview: Any) -> None:
        self.preview = preview

    def _slip_failed(self, error: BaseException) -> None:
        why = failure_reason(error)
        if why is None:  # a bug: the error hook logged it and said 出错了
            return
        self.show_message(_("The slip could not be made: {why}", why=why), tone="error")

    # --- focus -----------------------------------------------------------------------
    def focus_default(self) -> None:
        """Where typing starts: the resident box (the main window calls this on showing)."""
        self.resident_box.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.resident_box.edit.selectAll()

    def _first_empty_field(self) -> QWidget:
        if self.resident is None:
            return self.resident_box.edit
        if self.fields.category_id is None:
            return self.fields.category_edit
        if not self.fields.description_edit.toPlainText().strip():
            return self.fields.description_edit
        return self.fields.department_edit


__all__ = ["ReceptionPage", "ResidentAction"]
