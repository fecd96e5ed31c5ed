"""The dialogs that change a volunteer: register one, create a team, adjust points.

The volunteers page opens the first two, the volunteer's own page (``volunteer_detail``)
the third; they are form dialogs over ``LoveBankService`` and share nothing with the
pages but the service.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import Actor
from desktop.love_bank.service import LoveBankService, VolunteerRow
from desktop.residents.service import ResidentService
from ui.love_bank.dialogs import LoveBankForm, SavingForm, top_aligned
from ui.love_bank.finders import resident_finder
from ui.love_bank.formatting import points_text, shown_error
from ui.widgets.i18n import Translator, error_text
from ui.widgets.keys import SAVE_KEYS, submit_keys

_ = Translator("lovebank")


class RegisterVolunteerDialog(SavingForm):
    """Make a resident of the register a volunteer: find them in one box, choose the team.

    Signals:
        sig_saved(int): the volunteer was registered; carries the new volunteer's id.
    """

    def __init__(
        self,
        love_bank: LoveBankService,
        residents: ResidentService,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        prefill: str = "",
        team_id: int | None = None,
    ):
        super().__init__(
            love_bank,
            actor,
            _("Register volunteer"),
            parent,
            save_text=_("Register"),
            intro=_(
                "Volunteers are residents of the register. Find the resident (type, then Enter), "
                "choose the team and press Ctrl+S."
            ),
        )
        self._residents = residents
        top_aligned(self)
        self.resident_id: int | None = None
        self.setMinimumSize(self.fontMetrics().horizontalAdvance("M") * 64, 420)
        self.finder = resident_finder(residents, actor, self)
        self.add("resident", _("Resident *"), self.finder)
        self.chosen_label = QLabel(_("No resident chosen yet."))
        self.chosen_label.setObjectName("hint")
        self.chosen_label.setWordWrap(True)
        self.form.addRow("", self.chosen_label)
        self.team_combo = QComboBox()
        self.team_combo.addItem(_("No team"), None)
        for team in love_bank.teams():
            self.team_combo.addItem(team.name, team.id)
        if team_id is not None:
            self.team_combo.setCurrentIndex(max(self.team_combo.findData(team_id), 0))
        self.add("team", _("Team"), self.team_combo)
        self.finder.sig_picked.connect(lambda row: self.choose_resident(row.id))
        self.finder.sig_enter.connect(self._enter_on_finder)
        self.finder.textEdited.connect(self._typed)
        submit_keys(self, self._submit, SAVE_KEYS)
        if prefill:
            self.finder.setText(prefill)
            QTimer.singleShot(0, self.finder.search_now)
        self.finder.setFocus()

    def _typed(self, _text: str) -> None:
        if self.resident_id is not None:
            self.resident_id = None
            self.chosen_label.setText(_("No resident chosen yet."))

    def _enter_on_finder(self) -> None:
        if self.resident_id is not None:
            self.team_combo.setFocus()

    def choose_resident(self, resident_id: int) -> bool:
        try:
            d = self._residents.get(self._actor, resident_id)
        except DomainError as exc:
            self.boxes["resident"].set_error(error_text(exc))
            return False
        self.resident_id = d.id
        self.finder.setText(d.name)
        facts = [d.gender, d.phone_masked, d.address]
        text = " · ".join(f for f in facts if f)
        if d.archived:
            text = _("{name} (archived)", name=d.name) + ("  " + text if text else "")
        self.chosen_label.setText(text or d.name)
        self.boxes["resident"].set_error(None)
        self.team_combo.setFocus()
        return True

    def store(self) -> int:
        if self.resident_id is None:
            raise FieldErrors(
                {"resident": shown_error(_("Find the resident first: type a name or phone and press Enter."))}
            )
        return self._bank.register_volunteer(self._actor, self.resident_id, self.team_combo.currentData())


class TeamDialog(SavingForm):
    """A new volunteer team (志愿服务队): its name and leader.

    Signals:
        sig_saved(int): the team was created; carries its id.
    """

    def __init__(self, love_bank: LoveBankService, actor: Actor, parent: QWidget | None = None):
        super().__init__(love_bank, actor, _("New team"), parent, save_text=_("Create team"))
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(32)
        self.name_edit.setPlaceholderText(_("e.g. 幸福社区助老服务队"))
        self.leader_edit = QLineEdit()
        self.leader_edit.setMaxLength(64)
        self.add("name", _("Team name *"), self.name_edit)
        self.add("leader", _("Leader"), self.leader_edit)
        self.name_edit.setFocus()

    def store(self) -> int:
        return self._bank.add_team(self._actor, self.name_edit.text(), self.leader_edit.text())


class AdjustDialog(LoveBankForm):
    """调整积分: add or deduct points, with a required reason."""

    def __init__(
        self, love_bank: LoveBankService, actor: Actor, volunteer: VolunteerRow, parent: QWidget | None = None
    ):
        super().__init__(
            _("Adjust points of {name}", name=volunteer.name),
            parent,
            save_text=_("Adjust"),
            intro=_(
                "{name} has {n} points available. A positive number adds points, a negative one "
                "deducts them. The adjustment is kept in the statement with its reason.",
                name=volunteer.name,
                n=points_text(volunteer.available),
            ),
        )
        self._bank, self._actor, self.volunteer = love_bank, actor, volunteer
        self.points_edit = QLineEdit()
        self.points_edit.setPlaceholderText(_("e.g. 20 or -20"))
        self.add("points", _("Points *"), self.points_edit)
        self.add_reason()
        submit_keys(self, self._submit)
        self.points_edit.setFocus()

    def save(self) -> None:
        self._bank.adjust(self._actor, self.volunteer.id, self.points_edit.text(), self.reason_edit.text())
