"""The dialogs of the request detail's action buttons: 派单, 受理, 退回, 答复, 办结, 回访,
催办, 督办, 合并.

Each is a ``FormDialog``: the service's ``FieldErrors`` appear under the fields (a
missing reason under the note), any other ``DomainError`` above the buttons, and the
dialog closes (accepted) only when the service has recorded the action. Ctrl+Enter saves
from a multi-line field. The follow-up dialog shows the number to call masked; a role
allowed to see it whole reveals it there (显示电话), audited like a reveal on 居民档案.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import Actor, Permission
from desktop.requests.service import (
    LEVELS,
    SATISFACTION,
    RequestDetail,
    RequestFilter,
    RequestRow,
    RequestService,
)
from desktop.requests.states import ACTION_LABELS, RULES, STATUS_LABELS, Action
from ui.widgets.forms import FormDialog, field_row
from ui.widgets.i18n import Translator, desktop_text, error_text
from ui.widgets.keys import submit_keys

_ = Translator("requests")

LOOKUP_DELAY_MS = 250


def shown_error(text: str) -> DomainError:
    """An error for a field whose text the screen has already translated."""
    return DomainError(text)


def note_edit(placeholder: str = "", lines: int = 4) -> QPlainTextEdit:
    """A multi-line note about ``lines`` high; Tab leaves it, Ctrl+Enter saves the dialog."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    line = edit.fontMetrics().lineSpacing()
    edit.setMinimumHeight(line * lines + 16)
    edit.setMaximumHeight(line * (lines * 2) + 16)
    return edit


@dataclass(frozen=True)
class ActionTexts:
    """What an action's dialog says: its title (naming the request), its save button,
    the line above the fields and, for an action that takes only a note, the note's label."""

    title: str
    save: str
    intro: str
    note: str


def action_texts(action: Action, detail: RequestDetail) -> ActionTexts:
    """The texts of ``action``'s dialog on the request ``detail``, in the user's language."""
    number = detail.number
    title, save = {
        Action.ASSIGN: (_("Assign request {number}", number=number), _("Assign")),
        Action.ACCEPT: (_("Accept request {number}", number=number), _("Accept")),
        Action.RETURN: (_("Return request {number}", number=number), _("Return")),
        Action.ANSWER: (_("Answer request {number}", number=number), _("Record answer")),
        Action.RESOLVE: (_("Resolve request {number}", number=number), _("Resolve")),
        Action.FOLLOW_UP: (_("Follow-up call for request {number}", number=number), _("Record follow-up")),
        Action.REMIND: (_("Remind about request {number}", number=number), _("Record reminder")),
        Action.SUPERVISE: (_("Supervise request {number}", number=number), _("Record supervision")),
        Action.MERGE: (_("Merge request {number}", number=number), _("Merge")),
    }[action]
    intro = {
        Action.ASSIGN: _("The 30135 clocks start when the request is assigned."),
        Action.ACCEPT: _("Record that the lead department has accepted the request (the 30-minute clock)."),
        Action.RETURN: _(
            "Return the request because it was routed to the wrong department. "
            "It then waits to be assigned again."
        ),
        Action.ANSWER: _("Write the answer given to the resident; a template can be inserted and edited."),
        Action.RESOLVE: _("Record that the request is resolved. A follow-up call is then due."),
        Action.FOLLOW_UP: _(
            "Call {who} and ask whether the request was handled well.", who=detail.resident_name
        ),
        Action.REMIND: _("Record a reminder (催办) to the lead department. The status does not change."),
        Action.SUPERVISE: _("Record supervision (督办) by the director. The status does not change."),
        Action.MERGE: _(
            "Merge this request, a duplicate, into the request you name. Both keep their history; "
            "this one is closed as merged and its events show in the other's timeline."
        ),
    }[action]
    return ActionTexts(title, save, intro, _("Reason") if action == Action.RETURN else _("Note"))


class ActionDialog(FormDialog):
    """The common part: the request it acts on, the texts of its action, Ctrl+Enter to
    save. A dialog adds its fields in :meth:`build`."""

    action: Action

    def __init__(
        self, requests: RequestService, actor: Actor, detail: RequestDetail, parent: QWidget | None = None
    ):
        self.texts = action_texts(self.action, detail)
        super().__init__(self.texts.title, parent, save_text=self.texts.save, intro=self.texts.intro)
        self.setMinimumWidth(560)
        self._requests = requests
        self._actor = actor
        self.detail = detail
        submit_keys(self, self._submit)
        self.build()

    def build(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


# --- simple notes: accept, return, resolve, remind, supervise ----------------------------
NOTE_ACTIONS = (Action.ACCEPT, Action.RETURN, Action.RESOLVE, Action.REMIND, Action.SUPERVISE)


class NoteDialog(ActionDialog):
    """An action that takes only a note (a reason, for 退回)."""

    def __init__(
        self,
        requests: RequestService,
        actor: Actor,
        detail: RequestDetail,
        action: Action,
        parent: QWidget | None = None,
    ):
        self.action = action
        super().__init__(requests, actor, detail, parent)

    def build(self) -> None:
        required = RULES[self.action].needs_note
        self.note = note_edit(_("Required") if required else _("Optional"))
        self.add("note", self.texts.note, self.note)
        self.note.setFocus()

    def save(self) -> None:
        note = self.note.toPlainText()
        calls = {
            Action.ACCEPT: self._requests.accept,
            Action.RETURN: self._requests.return_,
            Action.RESOLVE: self._requests.resolve,
            Action.REMIND: self._requests.remind,
            Action.SUPERVISE: self._requests.supervise,
        }
        calls[self.action](self._actor, self.detail.id, note)


# --- 派单 assign ------------------------------------------------------------------------
class AssignDialog(ActionDialog):
    """Choose the lead department (主办), any assisting ones (协办) and add a note."""

    action = Action.ASSIGN

    def build(self) -> None:
        detail = self.detail
        departments = self._requests.departments()
        self.lead = QComboBox()
        self.lead.setMaxVisibleItems(20)
        self.lead.addItem(_("Choose the lead department…"), None)
        for d in departments:
            level = desktop_text(LEVELS.get(d.level, d.level))
            self.lead.addItem(_("{name} ({level})", name=d.name, level=level), d.id)
        if detail.lead_department_id is not None:
            self.lead.setCurrentIndex(max(self.lead.findData(detail.lead_department_id), 0))
        self.assists = QListWidget()
        self.assists.setSpacing(2)
        self.assists.setToolTip(_("Space ticks or unticks the department"))
        for d in departments:
            item = QListWidgetItem(d.name)
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = d.name in detail.assists
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.assists.addItem(item)
        self.assists.setMinimumHeight((self.assists.fontMetrics().height() + 8) * 8)
        self.note = note_edit(_("Optional"), lines=3)
        self.add("department", _("Lead department"), self.lead)
        self.add("assists", _("Assisting departments"), self.assists)
        self.add("note", _("Note"), self.note)
        self.lead.currentIndexChanged.connect(self._lead_changed)
        self._lead_changed()
        self.lead.setFocus()

    def _lead_changed(self) -> None:
        """The lead cannot also assist: its line in the list is unticked and disabled."""
        lead = self.lead.currentData()
        for i in range(self.assists.count()):
            item = self.assists.item(i)
            is_lead = item.data(Qt.ItemDataRole.UserRole) == lead
            flags = item.flags()
            if is_lead:
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled)

    def assist_ids(self) -> list[int]:
        return [
            self.assists.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.assists.count())
            if self.assists.item(i).checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> None:
        self._requests.assign(
            self._actor,
            self.detail.id,
            self.lead.currentData(),
            self.assist_ids(),
            self.note.toPlainText(),
        )


# --- 答复 answer ------------------------------------------------------------------------
class AnswerDialog(ActionDialog):
    """The answer to the resident, optionally started from a response template."""

    action = Action.ANSWER

    def build(self) -> None:
        self.setMinimumWidth(640)
        self.template = QComboBox()
        self.template.setMaxVisibleItems(20)
        self.template.addItem(_("Choose a template…"), None)
        for t in self._requests.templates(self.detail.category_id):
            self.template.addItem(t.title, t.body)
            self.template.setItemData(self.template.count() - 1, t.body, Qt.ItemDataRole.ToolTipRole)
        self.insert_button = QPushButton(_("&Insert"))
        self.insert_button.setToolTip(_("Insert the chosen template at the cursor (Alt+I)"))
        self.insert_button.setAutoDefault(False)
        self.insert_button.clicked.connect(self.insert_template)
        row = field_row(self.template, self.insert_button, grow=self.template)
        self.template.setEnabled(self.template.count() > 1)
        self.insert_button.setEnabled(self.template.count() > 1)
        self.note = note_edit(_("Required"), lines=7)
        self.add("template", _("Template"), row)
        self.add("note", _("Answer"), self.note)
        self.note.setFocus()

    def choose_template(self, title: str) -> None:
        self.template.setCurrentIndex(max(self.template.findText(title), 0))

    def insert_template(self) -> None:
        body = self.template.currentData()
        if not body:
            return
        cursor = self.note.textCursor()
        if self.note.toPlainText().strip() and cursor.positionInBlock() > 0:
            cursor.insertText("\n")
        cursor.insertText(body)
        self.note.setTextCursor(cursor)
        self.note.setFocus()

    def save(self) -> None:
        self._requests.answer(self._actor, self.detail.id, self.note.toPlainText())


# --- 回访 follow-up ---------------------------------------------------------------------
class FollowUpDialog(ActionDialog):
    """The follow-up call: how satisfied the resident is; 不满意 reopens the request."""

    action = Action.FOLLOW_UP

    def build(self) -> None:
        detail = self.detail
        # The number to call: masked, and whole for a role allowed to see it (audited).
        self.phone_label = QLabel(detail.resident_phone or _("not recorded"))
        self.phone_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal_button = QPushButton(_("Show phone"))
        self.reveal_button.setToolTip(
            _("Show the whole number to call; the look-up is recorded in the audit log")
        )
        self.reveal_button.setAutoDefault(False)
        can_reveal = self._actor.can(Permission.REVEAL_SENSITIVE)
        self.reveal_button.setVisible(can_reveal and bool(detail.resident_phone))
        self.reveal_button.clicked.connect(self.reveal_phone)
        self.add("phone", _("Phone"), field_row(self.phone_label, self.reveal_button, stretch=True))
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        mnemonics = {
            "satisfied": _("&Satisfied"),
            "basically": _("&Basically satisfied"),
            "unsatisfied": _("&Unsatisfied"),
        }
        for key in SATISFACTION:
            radio = QRadioButton(mnemonics.get(key, desktop_text(SATISFACTION[key])))
            self.group.addButton(radio)
            self.radios[key] = radio
            radio.toggled.connect(self._satisfaction_changed)
        self.comment = note_edit(_("What the resident said"), lines=4)
        self.add("satisfaction", _("Satisfaction"), field_row(*self.radios.values(), stretch=True))
        self.add("comment", _("Comment"), self.comment)
        self.reopen_label = QLabel(
            _("Unsatisfied reopens the request: it goes round again from a new assignment. Write the reason.")
        )
        self.reopen_label.setObjectName("fieldWarning")
        self.reopen_label.setWordWrap(True)
        self.reopen_label.hide()
        self.form.addRow("", self.reopen_label)
        self._save_button = next(b for b in self.findChildren(QPushButton) if b.isDefault())
        self.radios["satisfied"].setFocus()

    def reveal_phone(self) -> None:
        """显示电话: the whole number, through the register's audited reveal."""
        try:
            revealed = self._requests.reveal_resident(self._actor, self.detail.resident_id)
        except DomainError as exc:
            self.boxes["phone"].set_error(error_text(exc))
            return
        self.phone_label.setText(revealed.phone or _("not recorded"))
        self.reveal_button.hide()
        self.boxes["phone"].set_warning(_("This look-up is recorded in the audit log."))

    def satisfaction(self) -> str | None:
        return next((k for k, r in self.radios.items() if r.isChecked()), None)

    def _satisfaction_changed(self) -> None:
        unsatisfied = self.satisfaction() == "unsatisfied"
        self.reopen_label.setVisible(unsatisfied)
        self._save_button.setText(_("Reopen request") if unsatisfied else _("Record follow-up"))

    def save(self) -> None:
        self._requests.follow_up(
            self._actor, self.detail.id, self.satisfaction() or "", self.comment.toPlainText()
        )


# --- 合并 merge -------------------------------------------------------------------------
class MergeDialog(ActionDialog):
    """Merge this request (a duplicate) into another one, named by its number."""

    action = Action.MERGE

    def build(self) -> None:
        self.number = QLineEdit()
        self.number.setPlaceholderText(_("e.g. {number}", number=self.detail.number))
        self.found_label = QLabel()
        self.found_label.setWordWrap(True)
        self.found_label.setObjectName("hint")
        self.note = note_edit(_("Optional"), lines=3)
        self.add("number", _("Merge into number"), self.number)
        self.form.addRow("", self.found_label)
        self.add("note", _("Note"), self.note)
        self.target: RequestRow | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LOOKUP_DELAY_MS)
        self.number.textChanged.connect(self._timer.start)
        self._timer.timeout.connect(self._show_lookup)
        self.number.setFocus()

    def lookup(self) -> RequestRow:
        """The request the number names, or a ``FieldErrors`` for the number field."""
        text = self.number.text().strip()
        if not text:
            raise FieldErrors({"number": shown_error(_("Type the number of the request to merge into."))})
        f = RequestFilter(number=text)
        n = self._requests.count(self._actor, f)
        rows = self._requests.page(self._actor, f, 0, min(n, 20)) if n else []
        exact = next((r for r in rows if r.number == text), None)
        if exact is None and n == 1:
            exact = rows[0]
        if exact is None:
            if n == 0:
                message = _("No request has the number “{number}”.", number=text)
            else:
                message = _("{n} requests start with “{number}”; type the whole number.", n=n, number=text)
            raise FieldErrors({"number": shown_error(message)})
        if exact.id == self.detail.id:
            raise FieldErrors({"number": shown_error(_("This is the request itself; name the other one."))})
        return exact

    def _show_lookup(self) -> None:
        self._timer.stop()
        box = self.boxes["number"]
        box.set_error(None)
        self.target = None
        self.found_label.clear()
        if not self.number.text().strip():
            return
        try:
            self.target = self.lookup()
        except FieldErrors as exc:
            box.set_error(exc.errors["number"].template)
            return
        except DomainError:
            return
        r = self.target
        self.found_label.setText(
            " · ".join(
                [
                    r.number,
                    r.resident_name,
                    r.category,
                    desktop_text(STATUS_LABELS.get(r.status, r.status)),
                ]
            )
        )

    def save(self) -> None:
        self._show_lookup()
        target = self.lookup()
        self._requests.merge(self._actor, self.detail.id, target.id, self.note.toPlainText())


def dialog_for(
    action: Action, requests: RequestService, actor: Actor, detail: RequestDetail, parent: QWidget | None
) -> ActionDialog:
    """The dialog of a detail button."""
    special = {
        Action.ASSIGN: AssignDialog,
        Action.ANSWER: AnswerDialog,
        Action.FOLLOW_UP: FollowUpDialog,
        Action.MERGE: MergeDialog,
    }
    if action in special:
        return special[action](requests, actor, detail, parent)
    if action in NOTE_ACTIONS:
        return NoteDialog(requests, actor, detail, action, parent)
    raise ValueError(f"no dialog for {desktop_text(ACTION_LABELS[action])}")
