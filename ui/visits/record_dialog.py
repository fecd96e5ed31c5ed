"""记录走访: one visit recorded in under a minute, keyboard first.

The resident is found in one box as at reception (Enter picks, and the keyboard moves
on to the date); the date is today unless changed (a date in the future is refused
with the reason under the field); how (入户 / 电话 / 到中心, Alt+1/2/3), who visited (the
signed-in user unless another is chosen) and who came along; what was found, with a
tick for each 七必报 item; photos. Enter on the date (or Ctrl+Enter anywhere) saves.

The core records it all in one step: a ticked item that needs action (安全隐患,
不稳定因素, 环境卫生不洁, 居民重病住院) becomes a request (channel 网格员上报) linked to the
visit, and the dialog then says which request numbers were made; items for the register
(房屋出租, 新增流动人口, 新增孕妇) come back as reminders to update the resident's record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.common.permissions import Actor
from desktop.residents.service import ResidentRow, ResidentService
from desktop.visits.recording import RecordedVisit, VisitForm
from desktop.visits.rules import Method
from desktop.visits.service import VisitService
from ui.visits.finders import resident_finder
from ui.visits.formatting import ITEMS, METHODS, for_register, item_text, method_text, needs_action
from ui.widgets.date_field import DateField, to_date, to_qdate
from ui.widgets.forms import FormDialog
from ui.widgets.i18n import Translator, desktop_text
from ui.widgets.keys import submit_keys
from ui.widgets.messages import show_info

_ = Translator("visits")

Today = Callable[[], dt.date]
PickFiles = Callable[[QWidget], list[str]]
"""Asks for photo files: ``parent → paths`` (tests answer it)."""
Tell = Callable[[QWidget, str, str], None]
"""Tells the user what the save did: ``(parent, title, text)``."""


def pick_photos(parent: QWidget) -> list[str]:
    paths, _filter = QFileDialog.getOpenFileNames(
        parent, _("Add photos of the visit"), "", _("Images (*.jpg *.jpeg *.png *.bmp *.gif *.heic)")
    )
    return list(paths)


def date_field(day: dt.date) -> DateField:
    """A date field showing ``day`` as 2026-12-06, with a calendar on ↓ or a click."""
    field = DateField(to_qdate(day))
    field.setCalendarPopup(True)
    field.setDisplayFormat("yyyy-MM-dd")
    field.setMinimumWidth(field.fontMetrics().horizontalAdvance("2026-12-31") + 48)
    return field


def saved_text(recorded: RecordedVisit, name: str) -> str:
    """What the user is told after a save: the requests made, the register to update."""
    lines = [_("The visit to {name} is recorded.", name=name)]
    for raised in recorded.requests:
        lines.append(
            _(
                "A request {number} (grid worker report) was created for: {item}.",
                number=raised.number,
                item=item_text(raised.item),
            )
        )
    for prompt in recorded.prompts:
        lines.append(_("Please update in the residents register: {item}", item=item_text(prompt.item)))
        lines.append("    " + desktop_text(prompt.message))
    return "\n".join(lines)


class RecordVisitDialog(FormDialog):
    """Record a visit (记录走访).

    Args:
        visits: the visits service (``record``, ``visitors``).
        residents: the register, to find the resident.
        actor: the signed-in user (needs ``RECORD_VISITS``; the core checks it).
        parent: the owning widget.
        resident: the resident already chosen (id, name), e.g. from the due list.
        today: the day the date field proposes and the future starts after.
        pick_files: asks for photo files.
        tell: says what the save did (the requests made, the register to update).

    Signals:
        sig_saved(int): the visit was recorded; carries its id.
    """

    sig_saved = Signal(int)

    def __init__(
        self,
        visits: VisitService,
        residents: ResidentService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        resident: tuple[int, str] | None = None,
        today: Today = dt.date.today,
        pick_files: PickFiles = pick_photos,
        tell: Tell = show_info,
    ):
        super().__init__(
            _("Record a visit"),
            parent,
            save_text=_("Save visit"),
            intro=_("Enter on the date saves (Ctrl+Enter from any field)."),
        )
        self.setObjectName("recordVisitDialog")
        self._visits, self._actor, self._today = visits, actor, today
        self._pick_files, self._tell = pick_files, tell
        self.resident_id: int | None = resident[0] if resident else None
        self.resident_name = resident[1] if resident else ""
        self.recorded: RecordedVisit | None = None
        self.photos: list[Path] = []
        fm = self.fontMetrics()
        self.setMinimumWidth(max(fm.horizontalAdvance("M") * 60, fm.horizontalAdvance("走") * 48))

        # The resident.
        self.resident_edit = resident_finder(residents, actor, self)
        self.resident_card = QLabel(_("Nobody chosen yet: type a name and press Enter."))
        self.resident_card.setObjectName("hint")
        self.resident_card.setWordWrap(True)
        who = QWidget()
        column = QVBoxLayout(who)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.resident_edit)
        column.addWidget(self.resident_card)
        self.add("resident", _("&Resident"), who)

        # When and how.
        self.date_edit = date_field(today())
        self.date_edit.setToolTip(_("The day of the visit (not after today); Enter saves"))
        self.add("visited_on", _("&Date"), self.date_edit)
        self.method_group = QButtonGroup(self)
        self.method_buttons: dict[str, QRadioButton] = {}
        methods = QWidget()
        row = QHBoxLayout(methods)
        row.setContentsMargins(0, 0, 0, 0)
        for n, method in enumerate(METHODS, start=1):
            button = QRadioButton(f"{method_text(method)} (&{n})")
            self.method_group.addButton(button)
            self.method_buttons[method] = button
            row.addWidget(button)
        row.addStretch(1)
        self.method_buttons[Method.HOME].setChecked(True)
        self.add("method", _("How"), methods)

        # Who.
        self.visitor_combo = QComboBox()
        self.visitor_combo.setMinimumContentsLength(8)
        for user_id, name in visits.visitors(actor):
            self.visitor_combo.addItem(name, user_id)
        if self.visitor_combo.findData(actor.user_id) < 0:
            self.visitor_combo.addItem(actor.full_name or actor.username, actor.user_id)
        self.visitor_combo.setCurrentIndex(self.visitor_combo.findData(actor.user_id))
        self.companions_edit = QLineEdit()
        self.companions_edit.setMaxLength(200)
        self.companions_edit.setPlaceholderText(_("Companions, e.g. 楼长 王芳"))
        people = QWidget()
        row = QHBoxLayout(people)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.visitor_combo)
        row.addWidget(self.companions_edit, 1)
        self.add("visitor", _("&Visited by"), people)

        # What was found.
        self.findings_edit = QPlainTextEdit()
        self.findings_edit.setTabChangesFocus(True)
        self.findings_edit.setPlaceholderText(
            _("What was found: living conditions, needs, problems (required when an item below needs action)")
        )
        self.findings_edit.setFixedHeight(fm.height() * 4 + 14)
        self.add("findings", _("&Findings"), self.findings_edit)
        self.item_checks: dict[str, QCheckBox] = {}
        items = QWidget()
        grid = QGridLayout(items)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        for n, item in enumerate(ITEMS):
            check = QCheckBox(item_text(item))
            if needs_action(item):
                check.setToolTip(_("Saving creates a request (grid worker report) for this"))
            elif for_register(item):
                check.setToolTip(_("Saving reminds you to update the residents register"))
            self.item_checks[item] = check
            grid.addWidget(check, n // 3, n % 3)
        note = QLabel(_("Safety, instability, sanitation and hospital become requests at once."))
        note.setObjectName("hint")
        grid.addWidget(note, 3, 0, 1, 3)
        self.add("items", _("Reports (七必报)"), items)

        # Photos.
        self.photo_button = QPushButton(_("Add photos…"))
        self.photo_button.setAutoDefault(False)
        self.photo_button.clicked.connect(self.add_photos)
        self.clear_photos_button = QPushButton(_("Remove photos"))
        self.clear_photos_button.setAutoDefault(False)
        self.clear_photos_button.clicked.connect(self.clear_photos)
        self.photos_label = QLabel(_("No photos"))
        self.photos_label.setObjectName("hint")
        self.photos_label.setWordWrap(True)
        photos = QWidget()
        row = QHBoxLayout(photos)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.photo_button)
        row.addWidget(self.clear_photos_button)
        row.addWidget(self.photos_label, 1)
        self.add("photos", _("Photos"), photos)
        self._show_photos()

        self.resident_edit.sig_picked.connect(self.pick_resident)
        self.date_edit.dateChanged.connect(self._check_date)
        submit_keys(self, self._submit)
        if resident is not None:
            self.resident_edit.setText(resident[1])
            self.resident_card.setText(_("Chosen from the list."))
            self.date_edit.setFocus()
        else:
            self.resident_edit.setFocus()

    # --- the resident ----------------------------------------------------------------
    def pick_resident(self, row: ResidentRow) -> None:
        """The resident picked in the box; the keyboard moves on to the date."""
        self.resident_id, self.resident_name = row.id, row.name
        self.resident_edit.setText(row.name)
        parts = [p for p in (row.grid, row.tags, row.address) if p]
        self.resident_card.setText(" · ".join(parts) or row.name)
        self.boxes["resident"].set_error(None)
        self.date_edit.setFocus(Qt.FocusReason.TabFocusReason)

    def _check_date(self) -> None:
        if to_date(self.date_edit.date()) > self._today():
            self.boxes["visited_on"].set_error(
                _("This date is in the future: a visit is recorded after it took place.")
            )
        else:
            self.boxes["visited_on"].set_error(None)

    # --- photos ----------------------------------------------------------------------
    def add_photos(self) -> None:
        for name in self._pick_files(self):
            path = Path(name)
            if path not in self.photos:
                self.photos.append(path)
        self._show_photos()

    def clear_photos(self) -> None:
        self.photos.clear()
        self._show_photos()

    def _show_photos(self) -> None:
        self.photos_label.setText("、".join(p.name for p in self.photos) if self.photos else _("No photos"))
        self.clear_photos_button.setEnabled(bool(self.photos))

    # --- saving ----------------------------------------------------------------------
    def method(self) -> str:
        return next((m for m, b in self.method_buttons.items() if b.isChecked()), Method.HOME)

    def visit_form(self) -> VisitForm:
        typed = self.resident_edit.text().strip()
        resident_id = self.resident_id if typed and typed == self.resident_name else None
        return VisitForm(
            resident_id=resident_id,
            visited_on=to_date(self.date_edit.date()),
            method=self.method(),
            visitor_id=self.visitor_combo.currentData(),
            companions=self.companions_edit.text(),
            findings=self.findings_edit.toPlainText(),
            items=tuple(i for i, c in self.item_checks.items() if c.isChecked()),
            photos=tuple(self.photos),
        )

    def _submit(self) -> None:
        if self.resident_edit.popup.isVisible() or self.recorded is not None:
            return  # Ctrl+Enter while choosing: the pick comes first
        typed = self.resident_edit.text().strip()
        if typed and typed != self.resident_name:
            # Another name typed but not picked: never record a visit to the wrong person.
            self.boxes["resident"].set_error(_("Pick the resident from the list (Enter)."))
            self.resident_edit.setFocus()
            return
        super()._submit()

    def save(self) -> None:
        """Record the visit (raises what the core refuses: shown under the fields)."""
        self.recorded = self._visits.record(self._actor, self.visit_form())

    def accept(self) -> None:
        super().accept()
        if self.recorded is None:
            return
        self.sig_saved.emit(self.recorded.visit_id)
        if self.recorded.requests or self.recorded.prompts:
            parent = self.parentWidget() or self
            self._tell(parent, _("Visit recorded"), saved_text(self.recorded, self.resident_name))
