"""The reception page (接待登记): find the resident, log the request, print the slip.

Built for the keyboard. One box finds the resident (name, pinyin initials ``zs``,
phone, ID number digits, address); Enter picks the highlighted match and jumps to the
category, where a few characters or pinyin initials (``lj`` → 垃圾清运, ``环境 垃圾``)
and Enter choose a sub-category and jump to the description; Tab goes on to the lead
department (same kind of field) and Ctrl+S registers. Everything else has a default:
channel walk-in, one visitor, urgency green, level from the department (else
community), the resident's grid. A known resident's request takes about a dozen keys
besides the description text (tests/ui/test_reception.py counts them).

Keys: Enter picks, ↓/↑ move in a list, Esc closes it; F3 or Ctrl+N registers a new
resident with what was typed; F4 edits the chosen one; Alt+1…5 set the channel;
Ctrl+S / Ctrl+Enter register; Ctrl+P prints the slip of the last registration;
Ctrl+F goes back to the resident box.

Possible duplicates (same resident, or same address and category, last 30 days) are
listed on the right as soon as the resident (and the category) is chosen; they never
block registering. After registering, the bar at the bottom shows the request number
and prints the slip (回执); the form is empty again, the cursor back in the resident box.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError, FieldErrors
from desktop.common.matching import Choice, exact_choice, match_choices
from desktop.common.permissions import Actor, Permission
from desktop.requests.service import (
    ATTACHMENT_MAX_BYTES,
    CHANNELS,
    HEAD_COUNT_MAX,
    LEVELS,
    URGENCIES,
    RequestForm,
    RequestRow,
    RequestService,
)
from desktop.requests.states import STATUS_LABELS
from desktop.residents.service import ResidentDetail, ResidentFilter, ResidentService
from ui.requests.slip import PreviewFactory, show_slip
from ui.widgets.forms import FieldBox
from ui.widgets.i18n import Translator, desktop_text, error_text, field_messages
from ui.widgets.match_popup import MatchPopup
from ui.widgets.resident_dialog import ResidentDialog
from ui.widgets.style import ICONS

_ = Translator("reception")

SEARCH_DELAY_MS = 200
RESIDENT_MATCHES = 8  # rows of the resident result list
DEFAULT_CHANNEL = "walk_in"
DEFAULT_URGENCY = "green"
DEFAULT_LEVEL = "community"
URGENCY_ORDER = ("red", "yellow", "green")
URGENCY_COLOURS = {"red": "#d64545", "yellow": "#f0b429", "green": "#3f9142"}

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

DialogFactory = Callable[..., ResidentDialog]
"""Builds the resident dialog: ``(residents, actor, resident_id, parent, prefill=...)``."""
FilePicker = Callable[[QWidget], Sequence[str]]
"""Asks for files to attach; returns their paths (empty when cancelled)."""

STYLE = """
#residentCard, #duplicatesPanel { background: white; border: 1px solid #d9e2ec; border-radius: 6px; }
#residentName { font-size: 14pt; font-weight: bold; color: #102a43; }
#cardLabel { color: #52606d; }
#keyGroups { color: #b26a00; font-weight: bold; }
#sectionTitle { font-size: 11pt; font-weight: bold; color: #102a43; }
#groupVisit { color: #b26a00; font-weight: bold; }
#matchPopup { background: white; border: 1px solid #2680c2; }
#matchPopup QTreeWidget { border: none; }
#matchPopup QTreeWidget::item { padding: 3px 2px; }
#savedBar { background: #e3f9e5; border: 1px solid #57ae5b; border-radius: 4px; }
#savedBar[tone="warning"] { background: #fffbea; border: 1px solid #f0b429; }
#savedBar[tone="error"] { background: #fff5f5; border: 1px solid #c62828; }
#savedText { font-size: 11pt; }
QPlainTextEdit[invalid="true"] { border: 1px solid #c62828; background: #fff5f5; }
/* The application style sheet has no up arrow: the number is typed, or changed with the arrow keys. */
QSpinBox { padding-top: 0px; padding-bottom: 0px; min-height: 30px; }
QSpinBox::up-button, QSpinBox::down-button { width: 0px; border: none; }
QToolButton#assistButton { padding: 4px 26px 4px 8px; border: 1px solid #bcccdc; border-radius: 3px;
    background: white; text-align: left; }
QToolButton#assistButton:focus { border: 1px solid #2680c2; }
QToolButton#assistButton::menu-indicator { image: url("@ICONS@/arrow-down.svg"); width: 12px; height: 8px;
    subcontrol-origin: padding; subcontrol-position: center right; right: 8px; }
"""


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


def _dot(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


def _age(birth: dt.date | None, today: dt.date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


# --- the page ------------------------------------------------------------------------
class ReceptionPage(QWidget):
    """The 接待登记 page.

    Args:
        requests: the request service (``categories``, ``departments``, ``check``,
            ``register``, ``duplicates``, ``add_attachment``, ``get``).
        residents: the register (``search``, ``get``, ``grids``, ``tags``; the dialog saves).
        actor: the logged-in user.
        parent: the owning widget.
        centre_name: printed at the top of the slip (see ``set_centre_name``).
        preview_factory: opens the slip preview, ``(pdf_path, title, parent)``;
            defaults to ``PdfPreviewDialog``.
        dialog_factory: builds the resident dialog (tests pass their own).
        file_picker: asks for files to attach (tests pass their own).

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
    ):
        super().__init__(parent)
        self._requests = requests
        self._residents = residents
        self._actor = actor
        self._centre_name = centre_name
        self._preview_factory = preview_factory
        self._dialog_factory = dialog_factory
        self._file_picker = file_picker or self._ask_files
        self._today = today
        self.can_register = actor.can(Permission.HANDLE_REQUESTS)
        self.can_edit_residents = actor.can(Permission.EDIT_RESIDENTS)

        self.resident: ResidentDetail | None = None
        self.category_id: int | None = None
        self.department_id: int | None = None
        self.attachments: list[Path] = []
        self.last_request_id: int | None = None
        self.last_number = ""
        self.dialog: ResidentDialog | None = None
        self.preview: Any = None
        self.duplicates: list[RequestRow] = []
        self._searched_text: str | None = None
        self._level_touched = False
        self._setting_level = False
        self._focus_after_dialog: QWidget | None = None
        self._shown_once = False
        self._saved_message: tuple[str, str] | None = None
        self.categories: list[Choice] = []
        self.departments: list[Choice] = []
        self._department_levels: dict[int, str] = {}
        self._grids: dict[int, str] = {}
        self._tags: dict[int, str] = {}
        self.assist_actions: dict[int, QAction] = {}  # department id → its entry in the 协办 menu

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

        self.setStyleSheet(STYLE.replace("@ICONS@", ICONS.as_posix()))
        self._build()
        self.reload_choices()
        self._connect_callbacks()
        self.clear_form()

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        fm = self.fontMetrics()
        self._line_height = fm.height() * 2 + 4
        self.boxes: dict[str, FieldBox] = {}
        self._box_of: dict[str, str] = {}  # field name → the row that shows its message
        self._focus_of: dict[str, QWidget] = {}

        form = QGridLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        form.setColumnStretch(1, 1)
        self._form = form

        # Resident: the one search box, and "new resident".
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_("Name, pinyin initials (zs), phone, ID number or address"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setToolTip(_("Type to search; ↓/↑ choose, Enter picks (Ctrl+F comes back here)"))
        self.new_resident_button = QPushButton(_("New resident (F3)"))
        self.new_resident_button.setToolTip(
            _("Not found? Register the resident with what you typed (F3 or Ctrl+N)")
        )
        self.new_resident_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.new_resident_button.setVisible(self.can_edit_residents)
        row = self._row_widget(self.search_edit, self.new_resident_button, stretch_first=True)
        self._add_row(_("Resident *"), "resident", row, self.search_edit)

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
        self._description_row = form.rowCount() - 1

        # Lead department (optional) and assisting departments.
        self.department_edit = QLineEdit()
        self.department_edit.setPlaceholderText(_("Optional: empty registers only"))
        self.assist_menu = CheckMenu(self)
        self.assist_button = QToolButton()
        self.assist_button.setObjectName("assistButton")
        self.assist_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.assist_button.setMenu(self.assist_menu)
        self.assist_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.assist_button.setToolTip(_("Assisting departments: Space opens the list, Space ticks"))
        self.assist_button.setMinimumHeight(self._line_height - 6)
        self.assist_button.setMinimumWidth(fm.horizontalAdvance("M") * 12)
        self.assist_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        assist_caption = QLabel(_("Assisting"))
        assist_caption.setBuddy(self.assist_button)
        row = self._row_widget(self.department_edit, assist_caption, self.assist_button, stretch_first=True)
        self._add_row(_("Lead department"), "department", row, self.department_edit)
        self._box_of["assists"] = "department"
        self._focus_of["assists"] = self.assist_button

        # Urgency, red / yellow / green.
        self.urgency_group = QButtonGroup(self)
        self.urgency_buttons: dict[str, QRadioButton] = {}
        for code in URGENCY_ORDER:
            button = QRadioButton(desktop_text(URGENCIES[code]))
            button.setIcon(_dot(URGENCY_COLOURS[code]))
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

        form.setRowStretch(self._description_row, 1)

        left = QVBoxLayout()
        left.setSpacing(8)
        left.addLayout(form, 1)

        # Right: the resident card and possible duplicates.
        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(self._build_card())
        right.addWidget(self._build_duplicates(), 1)

        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addLayout(left, 3)
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
        self.print_button.setMinimumHeight(self._line_height)
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
            button.setMinimumHeight(self._line_height)
            button.setMinimumWidth(fm.horizontalAdvance("M") * 9)
        self.save_button.setMinimumWidth(fm.horizontalAdvance(self.save_button.text()) + 40)

        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        bottom.addWidget(self.saved_bar, 1)
        self._bottom_spacer = QWidget()
        bottom.addWidget(self._bottom_spacer, 1)
        bottom.addWidget(self.clear_button)
        bottom.addWidget(self.save_button)

        keys = _("Enter: pick · F3: new resident · Alt+1…5: channel · Ctrl+S: register · Ctrl+P: print slip")
        if not self.can_register:
            keys = _("Your role may look up requests but not register them.")
        self.keys_label = QLabel(keys)
        self.keys_label.setObjectName("hint")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 12, 14, 8)
        outer.setSpacing(8)
        outer.addLayout(columns, 1)
        outer.addLayout(bottom)
        outer.addWidget(self.keys_label)

        # Floating lists (children of the page, above everything else).
        self.resident_popup = MatchPopup(
            self.search_edit,
            self,
            columns=4,
            rows=RESIDENT_MATCHES,
            min_width=fm.horizontalAdvance("M") * 62,
            before_keys=self._flush_search,
        )
        self.resident_popup.set_column_widths(
            [
                fm.horizontalAdvance("欧阳秀英") + 24,
                fm.horizontalAdvance("0533-****5678") + 24,
                fm.horizontalAdvance("110105********0021") + 24,
            ]
        )
        self.category_popup = MatchPopup(self.category_edit, self, pick_single_on_tab=True)
        self.department_popup = MatchPopup(
            self.department_edit,
            self,
            columns=2,
            min_width=fm.horizontalAdvance("区人力资源和社会保障局") + fm.horizontalAdvance("M") * 12,
            pick_single_on_tab=True,
        )
        self.department_popup.set_column_widths([fm.horizontalAdvance("区人力资源和社会保障局") + 30])

        order: list[QWidget] = [
            self.search_edit,
            *self.channel_buttons.values(),
            self.category_edit,
            self.description_edit,
            self.department_edit,
            self.assist_button,
            *self.urgency_buttons.values(),
            *self.level_buttons.values(),
            self.grid_combo,
            self.head_spin,
            self.attach_button,
            self.save_button,
            self.duplicates_tree,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

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
                w.setMinimumHeight(self._line_height - 6)
        caption = QLabel(label)
        caption.setBuddy(focus)
        if isinstance(widget, QPlainTextEdit):
            first_line = self.search_edit.sizeHint().height()
        else:
            first_line = widget.sizeHint().height()
        caption.setFixedHeight(max(first_line, caption.sizeHint().height()))
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._form.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._form.addWidget(box, row, 1)

    def _build_card(self) -> QWidget:
        self.card = QFrame()
        self.card.setObjectName("residentCard")
        self.card_stack = QStackedWidget()
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.card_stack)

        hint = QWidget()
        hint_layout = QVBoxLayout(hint)
        hint_layout.setContentsMargins(0, 0, 0, 0)
        self.card_hint = QLabel(_("Type a name, pinyin initials or phone to find the resident"))
        self.card_hint.setObjectName("emptyState")
        self.card_hint.setWordWrap(True)
        self.card_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        more = _("Not found? Press F3 to register a new resident.") if self.can_edit_residents else ""
        self.card_hint_more = QLabel(more)
        self.card_hint_more.setObjectName("hint")
        self.card_hint_more.setWordWrap(True)
        self.card_hint_more.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint_layout.addStretch(1)
        hint_layout.addWidget(self.card_hint)
        hint_layout.addWidget(self.card_hint_more)
        hint_layout.addStretch(1)
        self.card_stack.addWidget(hint)

        details = QWidget()
        grid = QGridLayout(details)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        self.card_name = QLabel()
        self.card_name.setObjectName("residentName")
        self.card_meta = QLabel()
        self.card_meta.setObjectName("cardLabel")
        self.card_edit = QPushButton(_("Edit (F4)"))
        self.card_edit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.card_edit.setToolTip(_("Edit this resident's record (F4)"))
        self.card_edit.setVisible(self.can_edit_residents)
        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(self.card_name)
        head.addWidget(self.card_meta)
        head.addStretch(1)
        head.addWidget(self.card_edit)
        grid.addLayout(head, 0, 0, 1, 2)
        self.card_values: dict[str, QLabel] = {}
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
            self.card_values[key] = value
        self.card_stack.addWidget(details)
        self.card.setMinimumHeight(self.fontMetrics().height() * 9)
        self.card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return self.card

    def _build_duplicates(self) -> QWidget:
        panel = QFrame()
        panel.setObjectName("duplicatesPanel")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        self.duplicates_title = QLabel(_("Possible duplicates"))
        self.duplicates_title.setObjectName("sectionTitle")
        explain = QLabel(_("Same resident, or same address and category, in the last 30 days"))
        explain.setObjectName("hint")
        explain.setWordWrap(True)
        self.duplicates_tree = QTreeWidget()
        self.duplicates_tree.setColumnCount(4)
        self.duplicates_tree.setHeaderLabels([_("No."), _("Date"), _("Category"), _("Status")])
        self.duplicates_tree.setRootIsDecorated(False)
        self.duplicates_tree.setUniformRowHeights(True)
        self.duplicates_tree.setAlternatingRowColors(True)
        self.duplicates_tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.duplicates_tree.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.duplicates_tree.setToolTip(_("Enter or double-click opens the request"))
        header = self.duplicates_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        fm = self.fontMetrics()
        self.duplicates_tree.setColumnWidth(0, fm.horizontalAdvance("2026-11-000123") + 16)
        self.duplicates_tree.setColumnWidth(1, fm.horizontalAdvance("11-20") + 20)
        self.duplicates_tree.setColumnWidth(3, fm.horizontalAdvance("Registered") + 16)
        self.duplicates_empty = QLabel()
        self.duplicates_empty.setObjectName("hint")
        self.duplicates_empty.setWordWrap(True)
        self.duplicates_empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.duplicates_stack = QStackedWidget()
        self.duplicates_stack.addWidget(self.duplicates_empty)
        self.duplicates_stack.addWidget(self.duplicates_tree)
        layout.addWidget(self.duplicates_title)
        layout.addWidget(explain)
        layout.addWidget(self.duplicates_stack, 1)
        return panel

    def reload_choices(self) -> None:
        """(Re)load categories, departments, grids and key groups, keeping what is chosen."""
        self.categories = []
        for top_id, top, children in self._requests.categories():
            if children:
                self.categories += [Choice(i, f"{top} / {name}", (name, top)) for i, name in children]
            else:
                self.categories.append(Choice(top_id, top, (top,)))
        departments = self._requests.departments()
        self.departments = [
            Choice(i, name, (name,), desktop_text(LEVELS.get(level, level))) for i, name, level in departments
        ]
        self._department_levels = {i: level for i, _name, level in departments}
        self._grids = dict(self._residents.grids())
        self._tags = dict(self._residents.tags())
        grid = self.grid_combo.currentData()
        self.grid_combo.blockSignals(True)
        self.grid_combo.clear()
        self.grid_combo.addItem(_("No grid"), None)
        for grid_id, name in self._grids.items():
            self.grid_combo.addItem(name, grid_id)
        self.grid_combo.setCurrentIndex(max(self.grid_combo.findData(grid), 0) if grid is not None else 0)
        self.grid_combo.blockSignals(False)
        ticked = set(self.assist_ids())
        self.assist_menu.clear()
        self.assist_actions = {}
        for choice in self.departments:
            action = self.assist_menu.addAction(choice.label)
            action.setCheckable(True)
            action.setChecked(choice.id in ticked)
            action.setData(choice.id)
            action.toggled.connect(self._update_assist_text)
            self.assist_actions[choice.id] = action
        self._sync_assists()

    def _connect_callbacks(self) -> None:
        self.search_edit.textEdited.connect(self._on_search_edited)
        self._search_timer.timeout.connect(self._run_search)
        self.resident_popup.sig_picked.connect(
            lambda rid, advance: self.choose_resident(rid, advance=advance)
        )
        self.resident_popup.sig_enter.connect(self._on_search_enter)
        self.resident_popup.sig_open.connect(self._run_search)
        self.search_edit.installEventFilter(self)
        for group in (self.channel_group, self.urgency_group, self.level_group):
            for button in group.buttons():
                button.installEventFilter(self)

        self.category_edit.textEdited.connect(self._on_category_edited)
        self.category_popup.sig_picked.connect(self._on_category_picked)
        self.category_popup.sig_enter.connect(self._on_category_enter)
        self.category_popup.sig_open.connect(
            lambda: self._open_choices(
                self.category_popup, "" if self.category_id else self.category_edit.text(), self.categories
            )
        )
        self.category_edit.editingFinished.connect(self._on_category_left)

        self.department_edit.textEdited.connect(self._on_department_edited)
        self.department_popup.sig_picked.connect(self._on_department_picked)
        self.department_popup.sig_enter.connect(self._on_department_enter)
        self.department_popup.sig_open.connect(
            lambda: self._open_choices(
                self.department_popup,
                "" if self.department_id else self.department_edit.text(),
                self.departments,
            )
        )
        self.department_edit.editingFinished.connect(self._on_department_left)

        for code, button in self.level_buttons.items():
            button.toggled.connect(lambda on, c=code: self._on_level_toggled(c, on))
        self.head_spin.valueChanged.connect(self._update_group_label)
        self.attach_button.clicked.connect(self.add_files)
        self.attach_clear.clicked.connect(self.clear_files)
        self.new_resident_button.clicked.connect(self.new_resident)
        self.card_edit.clicked.connect(self.edit_resident)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear_with_confirm)
        self.print_button.clicked.connect(self.print_slip)
        self.duplicates_tree.itemActivated.connect(
            lambda item: self.sig_open_request.emit(item.data(0, Qt.ItemDataRole.UserRole))
        )

        shortcuts: list[tuple[str, Callable[[], None]]] = [
            ("Ctrl+S", self.save),
            ("Ctrl+Return", self.save),
            ("Ctrl+Enter", self.save),
            ("Ctrl+P", self.print_slip),
            ("Ctrl+F", self.focus_default),
        ]
        if self.can_edit_residents:
            shortcuts += [
                ("F3", self.new_resident),
                ("Ctrl+N", self.new_resident),
                ("F4", self.edit_resident),
            ]
        for n, code in enumerate(CHANNELS, start=1):
            shortcuts.append((f"Alt+{n}", lambda c=code: self.set_channel(c)))
        for keys, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- the resident ----------------------------------------------------------------
    def _on_search_edited(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:
            self._search_timer.stop()
            self._searched_text = None
            self.resident_popup.hide()

    def _flush_search(self) -> bool:
        """Run a search still waiting for its timer (↓ or Enter came first); True if it ran."""
        text = self.search_edit.text().strip()
        if text and (self._search_timer.isActive() or text != self._searched_text) and self._is_query(text):
            self._run_search()
            return True
        return False

    def _is_query(self, text: str) -> bool:
        """The box holds something typed, not the name of the resident just picked."""
        return not (self.resident is not None and text == self.resident.name and self._searched_text is None)

    def _run_search(self) -> None:
        self._search_timer.stop()
        text = self.search_edit.text().strip()
        if not text:
            self.resident_popup.hide()
            return
        self._searched_text = text
        try:
            result = self._residents.search(self._actor, ResidentFilter(text=text))
            rows = result.page(0, RESIDENT_MATCHES)
        except DomainError as exc:
            self.show_message(error_text(exc), tone="error")
            return
        items = [((r.name, r.phone or "—", r.id_number or "—", r.address), r.id) for r in rows]
        footer = ""
        if result.count > len(rows):
            footer = _(
                "{shown} of {n} shown; type more to narrow down", shown=len(rows), n=f"{result.count:,}"
            )
        empty = _("No resident found.")
        if self.can_edit_residents:
            empty += " " + _("F3: register a new resident")
        self.resident_popup.set_rows(items, footer=footer, empty=empty)
        if self.search_edit.hasFocus():
            self.resident_popup.open_popup()

    def _on_search_enter(self) -> None:
        """Enter with nothing to pick: on the picked resident's name, go on to the form."""
        if self.resident is not None and not self.resident_popup.isVisible():
            self._focus_next_empty()

    def choose_resident(self, resident_id: int, *, advance: bool = True) -> bool:
        """Make a resident the one this request is for; fills the card and the grid."""
        try:
            detail = self._residents.get(self._actor, resident_id)
        except DomainError as exc:
            self.show_message(error_text(exc), tone="error")
            return False
        self.resident = detail
        self._search_timer.stop()
        self._searched_text = None
        self.resident_popup.hide()
        self.search_edit.setText(detail.name)
        self._show_card(detail)
        at = self.grid_combo.findData(detail.grid_id) if detail.grid_id is not None else 0
        self.grid_combo.setCurrentIndex(max(at, 0))
        self._set_error("resident", None)
        self.refresh_duplicates()
        if advance:
            self._focus_next_empty()
        return True

    def _show_card(self, d: ResidentDetail | None) -> None:
        if d is None:
            self.card_stack.setCurrentIndex(0)
            return
        self.card_name.setText(d.name)
        age = _age(d.birth_date, self._today())
        meta = [d.gender] if d.gender else []
        if age is not None:
            meta.append(_("{n} years", n=age))
        self.card_meta.setText(" · ".join(meta))
        none = "—"
        self.card_values["phone"].setText(d.phone_masked or none)
        self.card_values["id_number"].setText(d.id_number_masked or none)
        self.card_values["address"].setText(d.address or none)
        self.card_values["grid"].setText(self._grids.get(d.grid_id, none) if d.grid_id else none)
        tags = "、".join(self._tags[t] for t in d.tag_ids if t in self._tags)
        self.card_values["tags"].setText(tags or none)
        self.card_values["tags"].setObjectName("keyGroups" if tags else "")
        self.card_values["tags"].style().unpolish(self.card_values["tags"])
        self.card_values["tags"].style().polish(self.card_values["tags"])
        self.card_stack.setCurrentIndex(1)

    def new_resident(self) -> None:
        """F3: register a resident not found, prefilled with what was typed; then pick them."""
        if not self.can_edit_residents:
            return
        text = self.search_edit.text().strip()
        if self.resident is not None and text == self.resident.name:
            text = ""
        self._open_dialog(None, prefill=text)

    def edit_resident(self) -> None:
        if self.resident is None or not self.can_edit_residents:
            return
        self._open_dialog(self.resident.id)

    def _open_dialog(self, resident_id: int | None, prefill: str = "") -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        self.resident_popup.hide()
        self._search_timer.stop()
        try:
            dialog = self._dialog_factory(self._residents, self._actor, resident_id, self, prefill=prefill)
        except DomainError as exc:
            self.show_message(error_text(exc), tone="error")
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_saved.connect(self._on_resident_saved)
        dialog.finished.connect(self._dialog_closed)
        self._focus_after_dialog = self.search_edit if resident_id is None else self.focusWidget()
        self.dialog = dialog
        dialog.open()  # window-modal, does not block: the page waits for sig_saved
        dialog.activateWindow()

    def _on_resident_saved(self, resident_id: int) -> None:
        self.sig_resident_saved.emit(resident_id)
        creating = self.resident is None or self.resident.id != resident_id
        if self.choose_resident(resident_id, advance=False) and creating:
            self._focus_after_dialog = self._first_empty_field()

    def _dialog_closed(self) -> None:
        self.dialog = None
        target = self._focus_after_dialog or self.search_edit
        self._focus_after_dialog = None
        self.activateWindow()
        target.setFocus(Qt.FocusReason.TabFocusReason)

    # --- category and department -----------------------------------------------------
    def _open_choices(self, popup: MatchPopup, text: str, choices: Sequence[Choice]) -> None:
        matches = match_choices(choices, text)
        popup.set_rows(
            [((c.label, c.detail) if c.detail else (c.label,), c.id) for c in matches],
            empty=_("Nothing matches; try other characters"),
        )
        popup.open_popup()

    def _on_category_edited(self, text: str) -> None:
        if self.category_id is not None:
            self.category_id = None
            self.refresh_duplicates()
        if text.strip():
            self._open_choices(self.category_popup, text, self.categories)
        else:
            self.category_popup.hide()

    def _on_category_picked(self, category_id: int, advance: bool) -> None:
        self.set_category(category_id)
        if advance:
            self.description_edit.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_category_enter(self) -> None:
        if self.category_id is not None:
            self.description_edit.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self._open_choices(self.category_popup, self.category_edit.text(), self.categories)

    def _on_category_left(self) -> None:
        if self.category_id is None:
            choice = exact_choice(self.categories, self.category_edit.text())
            if choice is not None:
                self.set_category(choice.id)

    def set_category(self, category_id: int | None) -> None:
        choice = next((c for c in self.categories if c.id == category_id), None)
        self.category_id = choice.id if choice else None
        self.category_edit.setText(choice.label if choice else "")
        self.category_popup.hide()
        if choice is not None:
            self._set_error("category", None)
        self.refresh_duplicates()

    def _on_department_edited(self, text: str) -> None:
        if self.department_id is not None:
            self.department_id = None
            self._sync_assists()
        if text.strip():
            self._open_choices(self.department_popup, text, self.departments)
        else:
            self.department_popup.hide()

    def _on_department_picked(self, department_id: int, advance: bool) -> None:
        self.set_department(department_id)
        if advance:
            self.assist_button.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_department_enter(self) -> None:
        if self.department_id is not None or not self.department_edit.text().strip():
            self.assist_button.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self._open_choices(self.department_popup, self.department_edit.text(), self.departments)

    def _on_department_left(self) -> None:
        if self.department_id is None:
            choice = exact_choice(self.departments, self.department_edit.text())
            if choice is not None:
                self.set_department(choice.id)

    def set_department(self, department_id: int | None) -> None:
        """The lead department (None: register only); its level becomes the default level."""
        choice = next((c for c in self.departments if c.id == department_id), None)
        self.department_id = choice.id if choice else None
        self.department_edit.setText(choice.label if choice else "")
        self.department_popup.hide()
        if choice is not None:
            self._set_error("department", None)
            level = self._department_levels.get(choice.id)
            if not self._level_touched and level in self.level_buttons:
                self._set_level(level)
        self._sync_assists()

    def assist_ids(self) -> list[int]:
        return [i for i, a in self.assist_actions.items() if a.isChecked() and i != self.department_id]

    def set_assists(self, ids: Sequence[int]) -> None:
        for i, action in self.assist_actions.items():
            action.setChecked(i in ids)

    def _sync_assists(self) -> None:
        """The lead department cannot also assist: its entry is unticked and disabled."""
        for i, action in self.assist_actions.items():
            lead = i == self.department_id
            if lead:
                action.setChecked(False)
            action.setEnabled(not lead)
        self._update_assist_text()

    def _update_assist_text(self) -> None:
        names = [self.assist_actions[i].text() for i in self.assist_ids()]
        text = "、".join(names) if names else _("None")
        fm = self.assist_button.fontMetrics()
        self.assist_button.setText(
            fm.elidedText(text, Qt.TextElideMode.ElideRight, fm.horizontalAdvance("M") * 14)
        )
        self.assist_button.setToolTip("、".join(names) if names else _("Assisting departments (optional)"))

    # --- other fields ----------------------------------------------------------------
    def set_channel(self, code: str) -> None:
        button = self.channel_buttons.get(code)
        if button is not None:
            button.setChecked(True)

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
        for name in self._file_picker(self):
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
        self._set_error("attachments", "\n".join(problems) or None)
        self._update_files()

    def clear_files(self) -> None:
        self.attachments.clear()
        self._set_error("attachments", None)
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
                    category_id=self.category_id,
                )
            except DomainError:
                self.duplicates = []
        self.duplicates_tree.clear()
        for r in self.duplicates:
            item = QTreeWidgetItem(
                [
                    r.number,
                    f"{r.registered_at:%m-%d}",
                    r.category,
                    desktop_text(STATUS_LABELS.get(r.status, r.status)),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            tip = [
                f"{r.registered_at:%Y-%m-%d %H:%M}",
                r.resident_name,
                r.category,
                r.department or _("Not assigned yet"),
            ]
            for column in range(4):
                item.setToolTip(column, "\n".join(tip))
            if self.category_id is not None and r.category == self._category_label(self.category_id):
                for column in range(4):
                    item.setForeground(column, QColor("#b26a00"))
            self.duplicates_tree.addTopLevelItem(item)
        n = len(self.duplicates)
        self.duplicates_title.setText(_("Possible duplicates ({n})", n=n) if n else _("Possible duplicates"))
        if n:
            self.duplicates_stack.setCurrentWidget(self.duplicates_tree)
        else:
            self.duplicates_empty.setText(
                _("None in the last 30 days.")
                if self.resident is not None
                else _("Shown here once the resident is chosen.")
            )
            self.duplicates_stack.setCurrentWidget(self.duplicates_empty)

    def _category_label(self, category_id: int) -> str:
        return next((c.label for c in self.categories if c.id == category_id), "")

    # --- saving ----------------------------------------------------------------------
    def form(self) -> RequestForm:
        """What is on the screen, as the service takes it."""
        channel = next((c for c, b in self.channel_buttons.items() if b.isChecked()), "")
        urgency = next((c for c, b in self.urgency_buttons.items() if b.isChecked()), "")
        level = next((c for c, b in self.level_buttons.items() if b.isChecked()), "")
        return RequestForm(
            resident_id=self.resident.id if self.resident else None,
            channel=channel,
            category_id=self.category_id,
            description=self.description_edit.toPlainText(),
            urgency=urgency,
            level=level,
            head_count=self.head_spin.value(),
            grid_id=self.grid_combo.currentData(),
            lead_department_id=self.department_id,
            assist_ids=tuple(self.assist_ids()),
        )

    def _screen_errors(self) -> dict[str, str]:
        """What only the screen knows: text typed in a pick field but nothing picked."""
        errors: dict[str, str] = {}
        typed = self.search_edit.text().strip()
        if self.resident is not None and not typed:
            self.search_edit.setText(self.resident.name)  # the box was emptied; the card still shows who
        elif typed and (self.resident is None or typed != self.resident.name):
            # Another name typed but not picked: never register for the wrong person.
            errors["resident"] = _("Pick the resident from the list (Enter), or press F3 to register them.")
        if self.category_id is None and self.category_edit.text().strip():
            errors["category"] = _("Pick a category from the list.")
        if self.department_id is None and self.department_edit.text().strip():
            errors["department"] = _("Pick a department from the list, or leave it empty.")
        return errors

    def save(self) -> bool:
        """Register the request; on any error nothing is saved and the messages show."""
        if not self.can_register:
            return False
        self._restore_message()
        self._on_category_left()
        self._on_department_left()
        for popup in (self.resident_popup, self.category_popup, self.department_popup):
            popup.hide()
        form = self.form()
        errors: dict[str, str] = {}
        try:
            self._requests.check(form)
        except FieldErrors as exc:
            errors = field_messages(exc)
        errors.update(self._screen_errors())
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
        department = self.department_edit.text() if self.department_id is not None else ""
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
        self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _store_attachments(self, request_id: int) -> list[str]:
        """Store the files with the saved request; the request stays saved whatever fails."""
        failed: list[str] = []
        for path in self.attachments:
            try:
                self._requests.add_attachment(self._actor, request_id, path)
            except DomainError as exc:
                failed.append(error_text(exc))
            except OSError as exc:
                failed.append(f"{path.name}: {exc.strerror or exc}")
        return failed

    def _show_errors(self, errors: dict[str, str]) -> None:
        by_box: dict[str, list[str]] = {}
        unplaced: list[str] = []
        for field, message in errors.items():
            box = self._box_of.get(field)
            if box is None:
                unplaced.append(message)
            else:
                by_box.setdefault(box, []).append(message)
        for key in self.boxes:
            self._set_error(key, "\n".join(by_box.get(key, [])) or None)
        if unplaced:
            self.show_message("\n".join(unplaced), tone="error")
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

    def _set_error(self, key: str, text: str | None) -> None:
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
        """The text under a field ("" when none); for tests and callers."""
        box = self.boxes[self._box_of.get(field, field)]
        return box.error.text() if not box.error.isHidden() else ""

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
            self.saved_bar.hide()
            self._bottom_spacer.show()

    def clear_form(self) -> None:
        """Empty the form for the next visitor (defaults everywhere); keeps the message bar."""
        self._search_timer.stop()
        self._searched_text = None
        for popup in (self.resident_popup, self.category_popup, self.department_popup):
            popup.hide()
        self.resident = None
        self.search_edit.clear()
        self._show_card(None)
        self.set_channel(DEFAULT_CHANNEL)
        self.category_id = None
        self.category_edit.clear()
        self.description_edit.clear()
        self.department_id = None
        self.department_edit.clear()
        self.set_assists(())
        self._sync_assists()
        self.urgency_buttons[DEFAULT_URGENCY].setChecked(True)
        self._set_level(DEFAULT_LEVEL)
        self._level_touched = False
        self.grid_combo.setCurrentIndex(0)
        self.head_spin.setValue(1)
        self.attachments.clear()
        self._update_files()
        self._update_group_label(1)
        for key in self.boxes:
            self._set_error(key, None)
        self.refresh_duplicates()

    def is_pristine(self) -> bool:
        return (
            self.resident is None
            and not self.search_edit.text().strip()
            and self.category_id is None
            and not self.category_edit.text().strip()
            and not self.description_edit.toPlainText().strip()
            and not self.attachments
        )

    def clear_with_confirm(self) -> None:
        if self.description_edit.toPlainText().strip():
            answer = QMessageBox.question(
                self,
                _("Clear the form"),
                _("The description has not been registered. Clear the form anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.clear_form()
        self.focus_default()

    # --- the slip --------------------------------------------------------------------
    def set_centre_name(self, name: str) -> None:
        """The centre was renamed in Settings: the next slip carries the new name."""
        self._centre_name = name

    def print_slip(self) -> None:
        """Ctrl+P: build the slip of the last registered request and open its preview."""
        if self.last_request_id is None:
            return
        try:
            self.preview = show_slip(
                self._requests,
                self._actor,
                self.last_request_id,
                self._centre_name,
                self,
                self._preview_factory,
            )
        except DomainError as exc:
            self.show_message(_("The slip could not be made: {why}", why=error_text(exc)), tone="error")
        except OSError as exc:
            self.show_message(_("The slip could not be made: {why}", why=str(exc)), tone="error")

    # --- focus -----------------------------------------------------------------------
    def focus_default(self) -> None:
        """Where typing starts: the resident box (the main window calls this on showing)."""
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _first_empty_field(self) -> QWidget:
        if self.resident is None:
            return self.search_edit
        if self.category_id is None:
            return self.category_edit
        if not self.description_edit.toPlainText().strip():
            return self.description_edit
        return self.department_edit

    def _focus_next_empty(self) -> None:
        self._first_empty_field().setFocus(Qt.FocusReason.TabFocusReason)

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
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and not self.resident_popup.isVisible()
        ):
            # Esc undoes the typing: back to the chosen resident's name, or empty.
            keep = self.resident.name if self.resident is not None else ""
            if self.search_edit.text() != keep:
                self._search_timer.stop()
                self._searched_text = None
                self.search_edit.setText(keep)
                self.search_edit.selectAll()
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._shown_once and self.is_pristine():
            self.reload_choices()  # the administrator may have changed categories meanwhile
        self._shown_once = True


__all__ = ["ReceptionPage"]
