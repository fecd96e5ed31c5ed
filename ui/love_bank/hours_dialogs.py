"""The dialogs that record service hours: a new activity, one volunteer's hours.

They, and the batch entry (``batch_entry``), pick dates with ``date_edit`` and
activities with ``activity_combo`` (whose items carry the ``ActivityRow``), which live
here with them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QWidget

from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import Actor
from desktop.love_bank.service import ACTIVITY_KINDS, ActivityRow, LoveBankService, VolunteerRow
from ui.love_bank.dialogs import LoveBankForm, SavingForm, Today, top_aligned
from ui.love_bank.finders import volunteer_finder
from ui.love_bank.formatting import multiplier_text, parse_hours, shown_error
from ui.widgets.date_field import to_date, to_qdate
from ui.widgets.i18n import Translator
from ui.widgets.keys import SAVE_KEYS, submit_keys

_ = Translator("lovebank")


def date_edit(value: dt.date) -> QDateEdit:
    edit = QDateEdit(to_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("2026-11-23") + 60)
    return edit


def activity_combo(activities: Sequence[ActivityRow], none_text: str) -> QComboBox:
    """A choice of ``activities`` (each item's data is its ``ActivityRow``), or none."""
    combo = QComboBox()
    combo.setMaxVisibleItems(20)
    fill_activities(combo, activities, none_text)
    return combo


def fill_activities(combo: QComboBox, activities: Sequence[ActivityRow], none_text: str) -> None:
    """(Re)fill an :func:`activity_combo` (without announcing it)."""
    blocked = combo.blockSignals(True)
    combo.clear()
    combo.addItem(none_text, None)
    for a in activities:
        combo.addItem(f"{a.held_on:%Y-%m-%d}  {a.title}  {multiplier_text(a.multiplier_percent)}", a)
    combo.blockSignals(blocked)


def activity_date(combo: QComboBox, today: dt.date) -> dt.date | None:
    """The date of the activity chosen, when hours can be recorded for it already."""
    activity = combo.currentData()
    return activity.held_on if activity is not None and activity.held_on <= today else None


def chosen_activity(combo: QComboBox) -> int | None:
    """The id of the activity chosen, if any."""
    activity = combo.currentData()
    return activity.id if activity is not None else None


# --- one activity ------------------------------------------------------------------------
class ActivityDialog(SavingForm):
    """A new activity: title, date, place, organiser, and its kind (which sets the multiplier).

    Signals:
        sig_saved(int): the activity was created; carries its id.
    """

    def __init__(
        self,
        love_bank: LoveBankService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        today: Today = dt.date.today,
    ):
        super().__init__(love_bank, actor, _("New activity"), parent, save_text=_("Create activity"))
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(100)
        self.title_edit.setPlaceholderText(_("e.g. 重阳节敬老志愿服务"))
        self.date_edit = date_edit(today())
        self.place_edit = QLineEdit()
        self.place_edit.setMaxLength(100)
        self.organiser_edit = QLineEdit()
        self.organiser_edit.setMaxLength(64)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(_("Other"), "")
        for kind in ACTIVITY_KINDS:
            self.kind_combo.addItem(kind, kind)
        self.multiplier_edit = QLineEdit("1")
        self.multiplier_edit.setToolTip(_("Points for an hour of this activity are multiplied by this"))
        self.add("title", _("Title *"), self.title_edit)
        self.add("held_on", _("Date"), self.date_edit)
        self.add("place", _("Place"), self.place_edit)
        self.add("organiser", _("Organiser"), self.organiser_edit)
        self.add("kind", _("Kind"), self.kind_combo)
        self.add("multiplier", _("Points multiplier"), self.multiplier_edit)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.title_edit.setFocus()

    def _kind_changed(self) -> None:
        percent = ACTIVITY_KINDS.get(self.kind_combo.currentData() or "", 100)
        self.multiplier_edit.setText(f"{percent / 100:g}")

    def multiplier_percent(self) -> int:
        text = self.multiplier_edit.text().strip().lstrip("×xX")
        try:
            return round(float(text) * 100)
        except ValueError:
            raise FieldErrors(
                {"multiplier": shown_error(_("Enter the multiplier as a number, e.g. 1.5."))}
            ) from None

    def store(self) -> int:
        return self._bank.add_activity(
            self._actor,
            title=self.title_edit.text(),
            held_on=to_date(self.date_edit.date()),
            place=self.place_edit.text(),
            organiser=self.organiser_edit.text(),
            kind=self.kind_combo.currentData() or "",
            multiplier_percent=self.multiplier_percent(),
        )


# --- one volunteer's hours ---------------------------------------------------------------
class RecordHoursDialog(LoveBankForm):
    """录入时长: one volunteer, a date, hours as a number (2.5), an optional activity.

    Signals:
        sig_saved(int): the record was saved (pending); carries the volunteer's id.
    """

    sig_saved = Signal(int)

    def __init__(
        self,
        love_bank: LoveBankService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        today: Today = dt.date.today,
    ):
        super().__init__(
            _("Record service hours"),
            parent,
            save_text=_("Record"),
            intro=_("The hours wait for approval; points are awarded when they are approved."),
        )
        self._bank, self._actor, self._today = love_bank, actor, today
        top_aligned(self)
        self.volunteer: VolunteerRow | None = None
        self.saved_id: int | None = None
        self.setMinimumSize(self.fontMetrics().horizontalAdvance("M") * 60, 460)
        self.finder = volunteer_finder(love_bank, actor, self)
        self.date_edit = date_edit(today())
        self.hours_edit = QLineEdit()
        self.hours_edit.setPlaceholderText(_("e.g. 2.5"))
        self.hours_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 12)
        self.activity_combo = activity_combo(love_bank.activities(), _("No activity"))
        self.description_edit = QLineEdit()
        self.description_edit.setMaxLength(500)
        self.description_edit.setPlaceholderText(_("What was done (optional)"))
        self.add("volunteer", _("Volunteer *"), self.finder)
        self.add("served_on", _("Date"), self.date_edit)
        self.add("minutes", _("Hours *"), self.hours_edit)
        self.add("activity", _("Activity"), self.activity_combo)
        self.add("description", _("Description"), self.description_edit)
        self.finder.sig_picked.connect(self.choose)
        self.finder.sig_enter.connect(self._enter_on_finder)
        self.finder.textEdited.connect(self._typed)
        self.activity_combo.currentIndexChanged.connect(self._activity_changed)
        self.date_edit.dateChanged.connect(self._date_changed)
        submit_keys(self, self._submit, SAVE_KEYS)
        self.finder.setFocus()

    def _typed(self, _text: str) -> None:
        self.volunteer = None

    def _enter_on_finder(self) -> None:
        if self.volunteer is not None:
            self.hours_edit.setFocus()

    def choose(self, volunteer: VolunteerRow) -> None:
        self.volunteer = volunteer
        self.finder.setText(volunteer.name)
        self.boxes["volunteer"].set_error(None)
        self.hours_edit.setFocus()

    def _activity_changed(self) -> None:
        held_on = activity_date(self.activity_combo, self._today())
        if held_on is not None:
            self.date_edit.setDate(to_qdate(held_on))

    def _date_changed(self) -> None:
        """A future date (a year typed ahead) is said at once, not only on saving."""
        if to_date(self.date_edit.date()) > self._today():
            self.boxes["served_on"].set_error(_("Service cannot be recorded for a future date."))

    def save(self) -> None:
        errors: dict[str, DomainError] = {}
        if self.volunteer is None:
            errors["volunteer"] = shown_error(_("Find the volunteer first: type a name and press Enter."))
        try:
            minutes = parse_hours(self.hours_edit.text())
        except DomainError as exc:
            errors["minutes"] = exc
            minutes = 0
        served_on = to_date(self.date_edit.date())
        if served_on > self._today():
            errors["served_on"] = shown_error(_("Service cannot be recorded for a future date."))
        if errors:
            raise FieldErrors(errors)
        assert self.volunteer is not None
        self.saved_id = self._bank.record_service(
            self._actor,
            self.volunteer.id,
            served_on,
            minutes,
            activity_id=chosen_activity(self.activity_combo),
            description=self.description_edit.text(),
        )
        self.sig_saved.emit(self.volunteer.id)
