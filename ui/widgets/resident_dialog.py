"""The create/edit dialog of the residents register (居民档案).

The form asks the service to validate (``ResidentService.check``) while the user types
(when the ID number, phone, name or address field is left) and again on save. Each
error appears in red directly under its field; a warning (an area code that is no longer
listed) appears in orange and does not block saving. A valid ID number fills in the
birth date and gender. Nothing is saved while any field has an error.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import Actor
from desktop.common.validation import check_id_number, normalise_text
from desktop.residents.service import ADDRESS_MAX, GENDERS, NAME_MAX, ResidentForm, ResidentService
from ui.widgets.date_field import DateField, to_date, to_qdate
from ui.widgets.forms import FieldBox
from ui.widgets.i18n import Translator, desktop_text, error_text, field_messages

_ = Translator("residents")

# Fields of ResidentForm as the service names them in FieldErrors.
FIELDS = (
    "name",
    "id_number",
    "gender",
    "birth_date",
    "phone",
    "address",
    "grid_id",
    "tags",
    "notes",
)

_NO_DATE = QDate(1900, 1, 1)  # shown as "Not given": a date field has no empty value


def guess_prefill(text: str) -> dict[str, str]:
    """Which field a search that found nobody belongs in: ``{"name": "张三"}`` etc.

    Used when the user searched, found nothing and presses "New": what they typed is
    carried into the form instead of being typed twice.
    """
    q = normalise_text(text)
    if not q:
        return {}
    digits = q.replace("-", "").upper()
    if q.isascii() and digits and all(c.isdigit() or c == "X" for c in digits):
        if len(digits) == 18:
            return {"id_number": digits}
        if "X" not in digits and len(digits) >= 7:
            return {"phone": q}
        return {}
    if not q.isascii() and not any(c.isdigit() for c in q) and len(q) <= 6:
        return {"name": q}
    return {}


class ResidentDialog(QDialog):
    """Create (``resident_id`` None) or edit one resident.

    Args:
        residents: the register service; the dialog calls ``get``, ``check``, ``save``,
            ``grids`` and ``tags``.
        actor: the logged-in user, who saves.
        resident_id: the resident to edit, or None for a new one.
        parent: the owning widget.
        prefill: what the user searched for; a name, ID number or phone is carried
            into the matching field of a new resident.

    Signals:
        sig_saved(int): the resident was saved (created or updated); carries its id.
    """

    sig_saved = Signal(int)
    """Emitted with the resident's id after a successful save, just before closing."""

    def __init__(
        self,
        residents: ResidentService,
        actor: Actor,
        resident_id: int | None = None,
        parent: QWidget | None = None,
        *,
        prefill: str = "",
    ):
        super().__init__(parent)
        self._residents = residents
        self._actor = actor
        self._resident_id = resident_id
        self._touched: set[str] = set()
        self._closed = False
        self._errors: dict[str, str] = {}
        self._warnings: dict[str, str] = {}
        self.saved_id: int | None = None
        # Load before building: a resident that no longer exists raises NotFound here.
        self._detail = residents.get(actor, resident_id) if resident_id is not None else None
        self._build()
        self._fill()
        self._connect_callbacks()
        if self._detail is None and prefill:
            self._apply_prefill(prefill)
        self.name_edit.setFocus()

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        if self._detail is None:
            self.setWindowTitle(_("New resident"))
        else:
            self.setWindowTitle(_("Edit resident: {name}", name=self._detail.name))
        self.setModal(True)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 52)

        form = QGridLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(10)
        form.setColumnStretch(1, 1)
        self.boxes: dict[str, FieldBox] = {}

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(NAME_MAX)
        self.name_edit.setPlaceholderText(_("Required"))
        self._add_row(form, _("Name *"), "name", self.name_edit)

        self.id_edit = QLineEdit()
        self.id_edit.setMaxLength(24)
        self._add_row(form, _("ID number"), "id_number", self.id_edit)

        gender_box = QWidget()
        gender_row = QHBoxLayout(gender_box)
        gender_row.setContentsMargins(0, 0, 0, 0)
        gender_row.setSpacing(20)
        self.gender_group = QButtonGroup(self)
        self.gender_buttons: dict[str, QRadioButton] = {}
        choices = ((GENDERS[0], GENDERS[0]), (GENDERS[1], GENDERS[1]), ("", _("Not given")))
        for value, text in choices:
            button = QRadioButton(text)
            self.gender_group.addButton(button)
            self.gender_buttons[value] = button
            gender_row.addWidget(button)
        gender_row.addStretch(1)
        self.gender_buttons[""].setChecked(True)
        self._add_row(form, _("Gender"), "gender", gender_box)

        date_box = QWidget()
        date_row = QHBoxLayout(date_box)
        date_row.setContentsMargins(0, 0, 0, 0)
        self.birth_edit = DateField()
        self.birth_edit.setDisplayFormat("yyyy-MM-dd")
        self.birth_edit.setCalendarPopup(True)
        self.birth_edit.setMinimumDate(_NO_DATE)
        self.birth_edit.setMaximumDate(QDate.currentDate())
        self.birth_edit.setSpecialValueText(_("Not given"))
        self.birth_edit.setDate(_NO_DATE)
        self.birth_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("2000-00-00") + 60)
        self.birth_clear = QPushButton(_("Clear"))
        self.birth_clear.setAutoDefault(False)
        self.birth_clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.from_id_hint = QLabel(_("Filled from the ID number"))
        self.from_id_hint.setObjectName("hint")
        self.from_id_hint.hide()
        date_row.addWidget(self.birth_edit)
        date_row.addWidget(self.birth_clear)
        date_row.addWidget(self.from_id_hint)
        date_row.addStretch(1)
        self._add_row(form, _("Birth date"), "birth_date", date_box)

        self.phone_edit = QLineEdit()
        self.phone_edit.setMaxLength(20)
        self._add_row(form, _("Phone"), "phone", self.phone_edit)

        self.address_edit = QLineEdit()
        self.address_edit.setMaxLength(ADDRESS_MAX)
        self._add_row(form, _("Address"), "address", self.address_edit)

        self.grid_combo = QComboBox()
        self.grid_combo.addItem(_("No grid"), None)
        for grid_id, name in self._residents.grids():
            self.grid_combo.addItem(name, grid_id)
        self.grid_combo.setMaxVisibleItems(20)
        self._add_row(form, _("Grid"), "grid_id", self.grid_combo)

        tags_box = QWidget()
        tags_grid = QGridLayout(tags_box)
        tags_grid.setContentsMargins(0, 0, 0, 0)
        tags_grid.setHorizontalSpacing(16)
        tags_grid.setVerticalSpacing(4)
        self.tag_boxes: dict[int, QCheckBox] = {}
        for i, (tag_id, name) in enumerate(self._residents.tags()):
            box = QCheckBox(name)
            self.tag_boxes[tag_id] = box
            tags_grid.addWidget(box, i // 4, i % 4)
        self._add_row(form, _("Key groups"), "tags", tags_box)

        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        # Three lines high. A style sheet rule, since the application's style sheet sets a
        # min-height on editors that would override a plain setFixedHeight().
        lines = self.notes_edit.fontMetrics().lineSpacing() * 3 + 8
        self.notes_edit.setStyleSheet(f"QPlainTextEdit {{ min-height: {lines}px; max-height: {lines}px; }}")
        self.notes_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._add_row(form, _("Notes"), "notes", self.notes_edit)

        self.general_error = QLabel()
        self.general_error.setWordWrap(True)
        self.general_error.setObjectName("fieldError")
        self.general_error.hide()

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(_("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setToolTip(_("Save (Ctrl+S or Enter)"))
        self.cancel_button = self.buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setToolTip(_("Close without saving (Esc)"))
        height = self.fontMetrics().height() * 2 + 8
        for button in (self.save_button, self.cancel_button):
            button.setMinimumHeight(height)
            button.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 9)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 16, 18, 14)
        outer.addLayout(form)
        outer.addStretch(1)
        outer.addWidget(self.general_error)
        outer.addSpacing(6)
        outer.addWidget(self.buttons)
        # Only now is the dialog the button's window, so it stays the default (Enter)
        # after focus has been on another button.
        self.save_button.setDefault(True)

        order: list[QWidget] = [
            self.name_edit,
            self.id_edit,
            *self.gender_buttons.values(),
            self.birth_edit,
            self.phone_edit,
            self.address_edit,
            self.grid_combo,
            *self.tag_boxes.values(),
            self.notes_edit,
            self.save_button,
            self.cancel_button,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _add_row(self, form: QGridLayout, label: str, field: str, widget: QWidget) -> None:
        """A field with its message line (error or warning) directly underneath."""
        row = form.rowCount()
        box = FieldBox(widget)
        self.boxes[field] = box
        widget.ensurePolished()  # the application's style sheet sets the field heights
        caption = QLabel(label)
        caption.setBuddy(widget)
        # As high as the field's first line, so the caption sits level with the field
        # and not in the middle of field plus message.
        if isinstance(widget, QPlainTextEdit):
            first_line = self.name_edit.sizeHint().height()
        elif widget.layout() is not None and widget.layout().count():
            first_line = widget.layout().itemAt(0).sizeHint().height()
        else:
            first_line = min(widget.sizeHint().height(), widget.maximumHeight())
        caption.setFixedHeight(max(first_line, caption.sizeHint().height()))
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.addWidget(box, row, 1)

    def _fill(self) -> None:
        d = self._detail
        if d is None:
            self.id_edit.setPlaceholderText(_("18 characters; fills in birth date and gender"))
            self.phone_edit.setPlaceholderText(_("Mobile, or landline with area code"))
            return
        self.name_edit.setText(d.name)
        if d.has_id_number:
            masked = d.id_number_masked
            self.id_edit.setPlaceholderText(_("Leave empty to keep {value}", value=masked))
        else:
            self.id_edit.setPlaceholderText(_("18 characters; fills in birth date and gender"))
        if d.has_phone:
            masked = d.phone_masked
            self.phone_edit.setPlaceholderText(_("Leave empty to keep {value}", value=masked))
        else:
            self.phone_edit.setPlaceholderText(_("Mobile, or landline with area code"))
        self.gender_buttons.get(d.gender, self.gender_buttons[""]).setChecked(True)
        self.birth_edit.setDate(to_qdate(d.birth_date) if d.birth_date else _NO_DATE)
        self.address_edit.setText(d.address)
        at = self.grid_combo.findData(d.grid_id) if d.grid_id is not None else 0
        self.grid_combo.setCurrentIndex(max(at, 0))
        for tag_id, box in self.tag_boxes.items():
            box.setChecked(tag_id in d.tag_ids)
        self.notes_edit.setPlainText(d.notes)

    def _apply_prefill(self, text: str) -> None:
        values = guess_prefill(text)
        if "name" in values:
            self.name_edit.setText(values["name"])
        if "id_number" in values:
            self.id_edit.setText(values["id_number"])
            self._fill_from_id()
        if "phone" in values:
            self.phone_edit.setText(values["phone"])

    def _connect_callbacks(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        self.birth_clear.clicked.connect(lambda: self.birth_edit.setDate(_NO_DATE))
        for field, edit in self._live_fields().items():
            edit.setProperty("field", field)
            edit.editingFinished.connect(self._on_field_left)
        self.id_edit.textChanged.connect(self._fill_from_id)

    # --- reading the form ------------------------------------------------------------
    def form(self) -> ResidentForm:
        """What the user entered, as the service takes it."""
        gender = next((v for v, b in self.gender_buttons.items() if b.isChecked()), "")
        date = self.birth_edit.date()
        birth = None if date == _NO_DATE else to_date(date)
        id_number: str | None = self.id_edit.text().strip()
        phone: str | None = self.phone_edit.text().strip()
        if self._detail is not None:
            # Empty on edit means "keep the stored value", which the dialog never sees.
            id_number = id_number or (None if self._detail.has_id_number else "")
            phone = phone or (None if self._detail.has_phone else "")
        return ResidentForm(
            name=self.name_edit.text(),
            gender=gender,
            birth_date=birth,
            id_number=id_number,
            phone=phone,
            address=self.address_edit.text(),
            grid_id=self.grid_combo.currentData(),
            tag_ids=tuple(t for t, box in self.tag_boxes.items() if box.isChecked()),
            notes=self.notes_edit.toPlainText(),
            version=None if self._detail is None else self._detail.version,
        )

    # --- validation ------------------------------------------------------------------
    def _fill_from_id(self) -> None:
        """A valid ID number fixes birth date and gender: fill them in and lock them."""
        text = self.id_edit.text().strip()
        try:
            info = check_id_number(text) if text else None
        except DomainError:
            info = None
        locked = info is not None
        if info is not None:
            self.birth_edit.setDate(to_qdate(info.birth_date))
            self.gender_buttons[info.gender].setChecked(True)
        for widget in (*self.gender_buttons.values(), self.birth_edit, self.birth_clear):
            widget.setEnabled(not locked)
        self.from_id_hint.setVisible(locked)
        self.birth_clear.setVisible(not locked)

    def _live_fields(self) -> dict[str, QLineEdit]:
        """Fields checked as soon as the user leaves them."""
        return {
            "name": self.name_edit,
            "id_number": self.id_edit,
            "phone": self.phone_edit,
            "address": self.address_edit,
        }

    def _on_field_left(self) -> None:
        sender = self.sender()
        if self._closed or not self.isVisible() or sender is None:
            return
        self._touched.add(sender.property("field"))
        self.validate(only_touched=True)

    def done(self, result: int) -> None:
        # Closing moves the focus out of a field; nothing to check any more.
        if not self._closed:
            self._closed = True
            for edit in self._live_fields().values():
                edit.editingFinished.disconnect(self._on_field_left)
        super().done(result)

    def validate(self, *, only_touched: bool = False) -> bool:
        """Ask the service; show its messages under the fields. True if there are no errors.

        With ``only_touched`` only fields the user has already left are judged, so a
        name not typed yet is not called missing while the ID number is being checked.
        """
        try:
            checked = self._residents.check(self.form(), resident_id=self._resident_id)
        except FieldErrors as exc:
            errors = field_messages(exc)
            warnings: dict[str, str] = {}
        else:
            errors = {}
            warnings = {f: error_text(w) for f, w in checked.warnings.items()}
        if "id_number" not in errors and "id_number" not in warnings:
            warnings.update(self._id_warnings())
        if only_touched:
            errors = {f: m for f, m in errors.items() if f in self._touched}
        self._show_messages(errors, warnings)
        return not errors

    def _id_warnings(self) -> dict[str, str]:
        """Warnings of a valid ID number, also while another field still has an error."""
        text = self.id_edit.text().strip()
        if not text:
            return {}
        try:
            info = check_id_number(text)
        except DomainError:
            return {}
        if not info.warnings:
            return {}
        return {"id_number": desktop_text(info.warnings[0], code=info.number[:6])}

    def _show_messages(self, errors: dict[str, str], warnings: dict[str, str]) -> None:
        self._errors = errors
        self._warnings = warnings
        unplaced = [m for f, m in errors.items() if f not in self.boxes]
        for field, box in self.boxes.items():
            if field in errors:
                box.set_error(errors[field])
            elif field in warnings:
                box.set_error(None)
                box.set_warning(warnings[field])
            else:
                box.set_error(None)
        self._show_general("\n".join(unplaced))
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow or shrink with the message lines, so fields keep their even spacing."""
        if self.isVisible():
            self.layout().activate()
            self.resize(self.width(), self.minimumSizeHint().height())

    def _show_general(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.setVisible(bool(text))

    def message(self, field: str) -> str:
        """The text under a field ("" when none is shown); for tests and callers."""
        label = self.boxes[field].error
        return label.text() if not label.isHidden() else ""

    # --- saving ----------------------------------------------------------------------
    def save(self) -> None:
        """Validate everything, then save in one go; on any error nothing is saved."""
        self._touched.update(FIELDS)
        if not self.validate():
            self._focus_first_error()
            return
        try:
            resident_id = self._residents.save(self._actor, self.form(), self._resident_id)
        except FieldErrors as exc:
            self._show_messages(field_messages(exc), self._warnings)
            self._focus_first_error()
            return
        except DomainError as exc:
            self._show_general(error_text(exc))
            return
        self.saved_id = resident_id
        self.sig_saved.emit(resident_id)
        self.accept()

    def _focus_first_error(self) -> None:
        widgets = {
            "name": self.name_edit,
            "id_number": self.id_edit,
            "phone": self.phone_edit,
            "address": self.address_edit,
            "birth_date": self.birth_edit,
            "grid_id": self.grid_combo,
            "notes": self.notes_edit,
        }
        for field in FIELDS:
            if field in self._errors and field in widgets:
                widgets[field].setFocus()
                if isinstance(widgets[field], QLineEdit):
                    widgets[field].selectAll()
                return
