"""The fields of a request at reception, in screen and Tab order, each with its message
line underneath (as in the resident dialog).

Resident (the :class:`~ui.requests.resident_box.ResidentBox`), channel (a row of radio
buttons, walk-in by default), category and lead department (picked by typing, see
:class:`~ui.requests.pick_fields.ChoiceField`), the assisting departments (ticked in a
menu; the lead cannot also assist), urgency (red / yellow / green), level (the lead
department's unless the user chose one), grid and number of visitors (more than one is
a group visit), and attachments (stored once the request is saved). A row of radio
buttons is one Tab stop, entered at its checked button. The page reads the form with
:meth:`ReceptionForm.request_form` and shows the service's messages with
:meth:`ReceptionForm.show_errors`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from desktop.common.labels import category_label
from desktop.common.matching import Choice
from desktop.requests.catalogue import CategoryNode, DepartmentRow
from desktop.requests.service import (
    ATTACHMENT_MAX_BYTES,
    CHANNELS,
    HEAD_COUNT_MAX,
    LEVELS,
    URGENCIES,
    RequestForm,
)
from ui.requests.formatting import urgency_dot
from ui.requests.pick_fields import AssistPicker, ChoiceField
from ui.widgets.forms import FieldBox
from ui.widgets.i18n import Translator, desktop_text
from ui.widgets.match_popup import MatchPopup

_ = Translator("reception")

DEFAULT_CHANNEL = "walk_in"
DEFAULT_URGENCY = "green"
DEFAULT_LEVEL = "community"
URGENCY_ORDER = ("red", "yellow", "green")

# The form's fields in screen (and tab) order, as RequestService.check names them.
FIELDS = (
    "resident",
    "channel",
    "category",
    "description",
    "department",
    "assists",
    "urgency",
    "level",
    "grid",
    "head_count",
    "attachments",
    "received_at",
)

FilePicker = Callable[[QWidget], Sequence[str]]
"""Asks for files to attach; returns their paths (empty when cancelled)."""


class ReceptionForm(QWidget):
    """The left column of the reception page.

    Args:
        resident_row: the resident box, the form's first row.
        resident_edit: its search box (the row's caption and errors point there).
        host: the page: the pick lists float over it, the file dialog belongs to it.
        file_picker: asks for files to attach (tests pass their own).

    Signals:
        sig_category_changed(): the category was picked, or typing un-picked it.
        sig_edited(): the user changed a field (the page checks the fields showing an
            error again, so a message goes as soon as its field is corrected).
    """

    sig_category_changed = Signal()
    sig_edited = Signal()

    def __init__(
        self,
        resident_row: QWidget,
        resident_edit: QLineEdit,
        host: QWidget,
        *,
        file_picker: FilePicker | None = None,
    ):
        super().__init__()
        self._resident_edit = resident_edit
        self._host = host
        self._file_picker = file_picker or self._ask_files
        self.attachments: list[Path] = []
        self._level_touched = False
        self._setting_level = False
        self._department_levels: dict[int, str] = {}
        self._build(resident_row)
        self._connect_callbacks()

    # --- layout ----------------------------------------------------------------------
    def _build(self, resident_row: QWidget) -> None:
        fm = self.fontMetrics()
        self.line_height = fm.height() * 2 + 4
        self.boxes: dict[str, FieldBox] = {}
        self._box_of: dict[str, str] = {}  # field name → the row that shows its message
        self._focus_of: dict[str, QWidget] = {}

        form = QGridLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        form.setColumnStretch(1, 1)
        self._form = form

        # Resident: the one search box, and "new resident".
        self._add_row(_("Resident *"), "resident", resident_row, self._resident_edit)

        # Channel: a row of radio buttons, Alt+1…5.
        self.channel_group = QButtonGroup(self)
        self.channel_buttons: dict[str, QRadioButton] = {}
        channel_widgets: list[QWidget] = []
        for n, (code, label) in enumerate(CHANNELS.items(), start=1):
            button = QRadioButton(desktop_text(label))
            button.setToolTip(_("Alt+{n}", n=n))
            self.channel_group.addButton(button)
            self.channel_buttons[code] = button
            channel_widgets.append(button)
        channel_hint = QLabel(_("Alt+1…5"))
        channel_hint.setObjectName("hint")
        row = self._row_widget(*channel_widgets, channel_hint, spacing=14)
        self._add_row(_("Channel *"), "channel", row, self.channel_buttons[DEFAULT_CHANNEL])

        # Category: type to choose from "Parent / Child".
        self.category_edit = QLineEdit()
        self.category_edit.setPlaceholderText(_("Type a few characters or pinyin initials; ↓ lists all"))
        self._add_row(_("Category *"), "category", self.category_edit, self.category_edit)

        # Description.
        self.description_edit = QPlainTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setPlaceholderText(_("What the resident asks for, in their words"))
        self.description_edit.setMinimumHeight(fm.lineSpacing() * 4 + 12)
        self.description_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._add_row(_("Description *"), "description", self.description_edit, self.description_edit)
        description_row = form.rowCount() - 1

        # Lead department (optional) and assisting departments.
        self.department_edit = QLineEdit()
        self.department_edit.setPlaceholderText(_("Optional: empty registers only"))
        self.assists = AssistPicker(self)
        self.assists.setMinimumHeight(self.line_height - 6)
        self.assists.setMinimumWidth(fm.horizontalAdvance("M") * 12)
        self.assists.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        assist_caption = QLabel(_("Assisting"))
        assist_caption.setBuddy(self.assists)
        row = self._row_widget(self.department_edit, assist_caption, self.assists, stretch_first=True)
        self._add_row(_("Lead department"), "department", row, self.department_edit)
        self._box_of["assists"] = "department"
        self._focus_of["assists"] = self.assists

        # Urgency, red / yellow / green.
        self.urgency_group = QButtonGroup(self)
        self.urgency_buttons: dict[str, QRadioButton] = {}
        for code in URGENCY_ORDER:
            button = QRadioButton(desktop_text(URGENCIES[code]))
            button.setIcon(urgency_dot(code, size=12, diameter=11))
            self.urgency_group.addButton(button)
            self.urgency_buttons[code] = button
        row = self._row_widget(*self.urgency_buttons.values(), spacing=18)
        self._add_row(_("Urgency"), "urgency", row, self.urgency_buttons[DEFAULT_URGENCY])

        # Handling level.
        self.level_group = QButtonGroup(self)
        self.level_buttons: dict[str, QRadioButton] = {}
        for code, label in LEVELS.items():
            button = QRadioButton(desktop_text(label))
            self.level_group.addButton(button)
            self.level_buttons[code] = button
        row = self._row_widget(*self.level_buttons.values(), spacing=18)
        self._add_row(_("Level"), "level", row, self.level_buttons[DEFAULT_LEVEL])

        # Grid and head count.
        self.grid_combo = QComboBox()
        self.grid_combo.setMaxVisibleItems(20)
        self.grid_combo.setMinimumWidth(fm.horizontalAdvance("幸福社区第10网格") + 50)
        self.head_spin = QSpinBox()
        self.head_spin.setRange(1, HEAD_COUNT_MAX)
        self.head_spin.setToolTip(_("More than 1: a group visit (集体访); type the number or use ↑/↓"))
        self.head_spin.setMinimumWidth(fm.horizontalAdvance("10000") + 40)
        head_caption = QLabel(_("Visitors"))
        head_caption.setBuddy(self.head_spin)
        self.group_label = QLabel()
        self.group_label.setObjectName("groupVisit")
        self.group_label.setMinimumWidth(fm.horizontalAdvance(_("Group visit")) + 4)
        row = self._row_widget(self.grid_combo, QLabel(" "), head_caption, self.head_spin, self.group_label)
        self._add_row(_("Grid"), "grid", row, self.grid_combo)
        self._box_of["head_count"] = "grid"
        self._focus_of["head_count"] = self.head_spin

        # Attachments, stored once the request is saved.
        self.attach_button = QPushButton(_("Add files…"))
        self.attach_button.setToolTip(_("Photos or scans; stored with the request when it is registered"))
        self.attach_button.setAutoDefault(False)
        self.attach_label = QLabel()
        self.attach_label.setObjectName("hint")
        self.attach_label.setMinimumWidth(40)
        self.attach_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.attach_clear = QPushButton(_("Remove"))
        self.attach_clear.setAutoDefault(False)
        self.attach_clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = self._row_widget(self.attach_button, self.attach_label, self.attach_clear)
        row.layout().setStretch(1, 1)
        self._add_row(_("Attachments"), "attachments", row, self.attach_button)

        form.setRowStretch(description_row, 1)

        # The pick lists float over the page, above everything else.
        self.category = ChoiceField(
            self.category_edit,
            MatchPopup(self.category_edit, self._host, pick_single_on_tab=True),
            pick=self.set_category,
            cleared=self.sig_category_changed.emit,
            next_field=self.description_edit,
        )
        department_popup = MatchPopup(
            self.department_edit,
            self._host,
            columns=2,
            min_width=fm.horizontalAdvance("区人力资源和社会保障局") + fm.horizontalAdvance("M") * 12,
            pick_single_on_tab=True,
        )
        department_popup.set_column_widths([fm.horizontalAdvance("区人力资源和社会保障局") + 30])
        self.department = ChoiceField(
            self.department_edit,
            department_popup,
            pick=self.set_department,
            cleared=lambda: self.assists.set_lead(None),
            next_field=self.assists,
            optional=True,
        )

    def _row_widget(self, *widgets: QWidget, spacing: int = 8, stretch_first: bool = False) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(spacing)
        for i, w in enumerate(widgets):
            row.addWidget(w, 1 if stretch_first and i == 0 else 0)
        if not stretch_first:
            row.addStretch(1)
        return box

    def _add_row(self, label: str, key: str, widget: QWidget, focus: QWidget) -> None:
        """A captioned field with its message line underneath (as in the resident dialog)."""
        row = self._form.rowCount()
        box = FieldBox(widget)
        self.boxes[key] = box
        self._box_of[key] = key
        self._focus_of[key] = focus
        for w in (widget, *widget.findChildren(QWidget)):
            w.ensurePolished()
            if isinstance(w, QLineEdit | QComboBox | QSpinBox):
                w.setMinimumHeight(self.line_height - 6)
        caption = QLabel(label)
        caption.setBuddy(focus)
        if isinstance(widget, QPlainTextEdit):
            first_line = self._resident_edit.sizeHint().height()
        else:
            first_line = widget.sizeHint().height()
        caption.setFixedHeight(max(first_line, caption.sizeHint().height()))
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._form.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._form.addWidget(box, row, 1)

    def tab_chain(self) -> list[QWidget]:
        """The fields after the resident box, in Tab order."""
        return [
            *self.channel_buttons.values(),
            self.category_edit,
            self.description_edit,
            self.department_edit,
            self.assists,
            *self.urgency_buttons.values(),
            *self.level_buttons.values(),
            self.grid_combo,
            self.head_spin,
            self.attach_button,
        ]

    def _connect_callbacks(self) -> None:
        for group in (self.channel_group, self.urgency_group, self.level_group):
            for button in group.buttons():
                button.installEventFilter(self)
        for code, button in self.level_buttons.items():
            button.toggled.connect(lambda on, c=code: self._on_level_toggled(c, on))
        self.head_spin.valueChanged.connect(self._update_group_label)
        self.attach_button.clicked.connect(self.add_files)
        self.attach_clear.clicked.connect(self.clear_files)
        edited = self.sig_edited  # a signal relays another, its arguments dropped
        for group in (self.channel_group, self.urgency_group, self.level_group):
            group.buttonToggled.connect(edited)
        for edit in (self.category_edit, self.department_edit):
            edit.textChanged.connect(edited)
        self.description_edit.textChanged.connect(edited)
        self.grid_combo.currentIndexChanged.connect(edited)
        self.head_spin.valueChanged.connect(edited)
        self.assists.check_menu.triggered.connect(edited)

    def reload_choices(
        self, categories: Iterable[CategoryNode], departments: Iterable[DepartmentRow], grids: dict[int, str]
    ) -> None:
        """(Re)load categories, departments and grids, keeping what is chosen."""
        self.category.choices = []
        for top in categories:
            if top.children:
                self.category.choices += [
                    Choice(c.id, category_label(c.name, top.name), (c.name, top.name)) for c in top.children
                ]
            else:
                self.category.choices.append(Choice(top.id, top.name, (top.name,)))
        departments = list(departments)
        self.department.choices = [
            Choice(d.id, d.name, (d.name,), desktop_text(LEVELS.get(d.level, d.level))) for d in departments
        ]
        self._department_levels = {d.id: d.level for d in departments}
        self.category.relabel()
        self.department.relabel()
        grid = self.grid_combo.currentData()
        self.grid_combo.blockSignals(True)
        self.grid_combo.clear()
        self.grid_combo.addItem(_("No grid"), None)
        for grid_id, name in grids.items():
            self.grid_combo.addItem(name, grid_id)
        self.grid_combo.setCurrentIndex(max(self.grid_combo.findData(grid), 0) if grid is not None else 0)
        self.grid_combo.blockSignals(False)
        self.assists.set_departments(self.departments)

    # --- category and department -----------------------------------------------------
    @property
    def categories(self) -> list[Choice]:
        return self.category.choices

    @property
    def departments(self) -> list[Choice]:
        return self.department.choices

    @property
    def category_id(self) -> int | None:
        return self.category.chosen_id

    @property
    def department_id(self) -> int | None:
        return self.department.chosen_id

    def set_category(self, category_id: int | None) -> None:
        choice = self.category.show_choice(category_id)
        if choice is not None:
            self.set_error("category", None)
        self.sig_category_changed.emit()

    def chosen_category_label(self) -> str | None:
        """The chosen category as the lists write it (None when none is chosen)."""
        return None if self.category_id is None else self.category.label_of(self.category_id)

    def set_department(self, department_id: int | None) -> None:
        """The lead department (None: register only); its level becomes the default level."""
        choice = self.department.show_choice(department_id)
        if choice is not None:
            self.set_error("department", None)
            level = self._department_levels.get(choice.id)
            if not self._level_touched and level in self.level_buttons:
                self._set_level(level)
        self.assists.set_lead(self.department_id)

    def take_typed_choices(self) -> None:
        """Text naming a category or department exactly counts as picked (before saving)."""
        self.category.take_exact()
        self.department.take_exact()

    def hide_popups(self) -> None:
        self.category.popup.hide()
        self.department.popup.hide()

    # --- other fields ----------------------------------------------------------------
    def set_channel(self, code: str) -> None:
        button = self.channel_buttons.get(code)
        if button is not None:
            button.setChecked(True)

    def set_grid(self, grid_id: int | None) -> None:
        at = self.grid_combo.findData(grid_id) if grid_id is not None else 0
        self.grid_combo.setCurrentIndex(max(at, 0))

    def _set_level(self, code: str) -> None:
        self._setting_level = True
        try:
            self.level_buttons[code].setChecked(True)
        finally:
            self._setting_level = False

    def _on_level_toggled(self, code: str, on: bool) -> None:
        if on and not self._setting_level:
            self._level_touched = True

    def _update_group_label(self, n: int) -> None:
        self.group_label.setText(_("Group visit") if n > 1 else "")

    def _ask_files(self, parent: QWidget) -> Sequence[str]:
        files, _filter = QFileDialog.getOpenFileNames(
            parent,
            _("Attach photos or scans"),
            "",
            _("Photos and scans (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.heic *.pdf);;All files (*)"),
        )
        return files

    def add_files(self) -> None:
        problems: list[str] = []
        for name in self._file_picker(self._host):
            path = Path(name)
            try:
                size = path.stat().st_size
            except OSError:
                problems.append(_("{name} cannot be read.", name=path.name))
                continue
            if size == 0:
                problems.append(_("{name} is empty.", name=path.name))
            elif size > ATTACHMENT_MAX_BYTES:
                problems.append(
                    _(
                        "{name} is {mb} MB; at most {max} MB.",
                        name=path.name,
                        mb=round(size / 1024 / 1024),
                        max=ATTACHMENT_MAX_BYTES // 1024 // 1024,
                    )
                )
            elif path not in self.attachments:
                self.attachments.append(path)
        self.set_error("attachments", "\n".join(problems) or None)
        self._update_files()

    def clear_files(self) -> None:
        self.attachments.clear()
        self.set_error("attachments", None)
        self._update_files()

    def _update_files(self) -> None:
        if self.attachments:
            names = "、".join(p.name for p in self.attachments)
            self.attach_label.setText(_("{n} file(s): {names}", n=len(self.attachments), names=names))
            self.attach_label.setToolTip("\n".join(str(p) for p in self.attachments))
        else:
            self.attach_label.setText(_("No files"))
            self.attach_label.setToolTip("")
        self.attach_clear.setVisible(bool(self.attachments))

    # --- reading and messages --------------------------------------------------------
    def request_form(self, resident_id: int | None) -> RequestForm:
        """What is on the screen, as the service takes it."""
        channel = next((c for c, b in self.channel_buttons.items() if b.isChecked()), "")
        urgency = next((c for c, b in self.urgency_buttons.items() if b.isChecked()), "")
        level = next((c for c, b in self.level_buttons.items() if b.isChecked()), "")
        return RequestForm(
            resident_id=resident_id,
            channel=channel,
            category_id=self.category_id,
            description=self.description_edit.toPlainText(),
            urgency=urgency,
            level=level,
            head_count=self.head_spin.value(),
            grid_id=self.grid_combo.currentData(),
            lead_department_id=self.department_id,
            assist_ids=tuple(self.assists.ids()),
        )

    def screen_errors(self) -> dict[str, str]:
        """What only the screen knows: text typed in a pick field but nothing picked."""
        errors: dict[str, str] = {}
        if self.category.typed_not_picked():
            errors["category"] = _("Pick a category from the list.")
        if self.department.typed_not_picked():
            errors["department"] = _("Pick a department from the list, or leave it empty.")
        return errors

    def _by_box(self, errors: dict[str, str]) -> tuple[dict[str, str], list[str]]:
        """The messages joined per row that shows them, and those without a row."""
        by_box: dict[str, list[str]] = {}
        unplaced = [m for f, m in errors.items() if f not in self._box_of]
        for field, message in errors.items():
            if field in self._box_of:
                by_box.setdefault(self._box_of[field], []).append(message)
        return {key: "\n".join(texts) for key, texts in by_box.items()}, unplaced

    def show_errors(self, errors: dict[str, str]) -> list[str]:
        """Each message under its field (none elsewhere); returns those without a field."""
        by_box, unplaced = self._by_box(errors)
        for key in self.boxes:
            self.set_error(key, by_box.get(key))
        return unplaced

    def update_errors(self, errors: dict[str, str]) -> None:
        """The form was changed: each message shown is replaced by its field's current one,
        or goes when the field is now right. No new message appears (that waits for the
        next Register), and the files' message stays (it is about files not added)."""
        by_box, _unplaced = self._by_box(errors)
        for key, box in self.boxes.items():
            if key != "attachments" and not box.error.isHidden():
                self.set_error(key, by_box.get(key))

    def has_errors(self) -> bool:
        """Whether a message shows under a field the form check knows."""
        return any(not b.error.isHidden() for k, b in self.boxes.items() if k != "attachments")

    def focus_first_error(self, errors: dict[str, str]) -> None:
        """The focus goes to the first field, in screen order, that has a message."""
        for field in FIELDS:
            if field in errors and field in self._focus_of:
                widget = self._focus_of[field]
                if isinstance(widget, QRadioButton):
                    group = widget.group()
                    checked = group.checkedButton() if group is not None else None
                    widget = checked or widget
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                if isinstance(widget, QLineEdit):
                    widget.selectAll()
                break

    def set_error(self, key: str, text: str | None) -> None:
        box = self.boxes.get(key)
        if box is None:
            return
        box.set_error(text)
        widget = self._focus_of.get(key)
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.setProperty("invalid", bool(text))
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def message(self, field: str) -> str:
        """The text under a field ("" when none)."""
        box = self.boxes[self._box_of.get(field, field)]
        return box.error.text() if not box.error.isHidden() else ""

    def clear(self) -> None:
        """Every field back to its default, no messages."""
        self.hide_popups()
        self.set_channel(DEFAULT_CHANNEL)
        self.category.clear()
        self.description_edit.clear()
        self.department.clear()
        self.assists.set_ids(())
        self.assists.set_lead(None)
        self.urgency_buttons[DEFAULT_URGENCY].setChecked(True)
        self._set_level(DEFAULT_LEVEL)
        self._level_touched = False
        self.grid_combo.setCurrentIndex(0)
        self.head_spin.setValue(1)
        self.attachments.clear()
        self._update_files()
        self._update_group_label(1)
        for key in self.boxes:
            self.set_error(key, None)

    # --- keys ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            isinstance(watched, QRadioButton)
            and event.type() == QEvent.Type.FocusIn
            and event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
            and not watched.isChecked()
        ):
            # A row of radio buttons is one Tab stop, entered at its checked button (↑/↓/←/→
            # move within the row), whichever end Tab comes from.
            group = watched.group()
            checked = group.checkedButton() if group is not None else None
            if checked is not None:
                checked.setFocus(event.reason())
                return False
        return super().eventFilter(watched, event)
