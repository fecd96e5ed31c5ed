"""实施: a session the provider reports — the day, the people served (also by key group),
the volunteers who took part and their hours, what was done and who reported it.

The volunteers are found in one box like everywhere in the love bank (Enter adds the
one highlighted); each gets a time in hours, 0.5 h steps. Their time becomes pending
service records in the love bank once the session is saved (approved there as usual);
``result`` then says whose time could not be passed on, to enter by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from desktop.opening import Services
from desktop.orders.queries import OrderDetail
from desktop.orders.service import SessionForm, SessionResult, VolunteerTime
from desktop.orders.states import Action
from ui.orders.fields import ActionDialog, count_spin, date_edit, note_edit, raise_if, to_date
from ui.orders.finders import volunteer_finder
from ui.orders.formatting import action_text
from ui.orders.steps import reporter_edit
from ui.widgets.i18n import Translator

_ = Translator("orders")

GROUP_COLUMNS = 3
DEFAULT_HOURS = 2.0


class SessionDialog(ActionDialog):
    """Report a session of an order in progress (服务记录)."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        detail: OrderDetail,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(
            services.orders,
            actor,
            detail,
            parent,
            title=action_text(Action.REPORT_SESSION),
            save_text=_("Record session"),
            intro=_("The volunteers' hours go to the love bank as pending records, approved there."),
            width=720,
        )
        self.result_value: SessionResult | None = None
        self.held_on = date_edit(today())
        self.add("held_on", _("&Day"), self.held_on)
        self.people = count_spin(100_000, 0, _(" people"))
        self.add("people", _("&People served"), self.people)

        # People by key group: the order's target groups first.
        planned = set(detail.targets.planned_groups)
        groups = sorted(services.orders.key_groups(), key=lambda g: (g[1] not in planned, g[0]))
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.group_spins: dict[int, QSpinBox] = {}
        for n, (tag_id, name) in enumerate(groups):
            row, col = divmod(n, GROUP_COLUMNS)
            label = QLabel(name)
            spin = count_spin(100_000)
            spin.setToolTip(_("People of “{group}” among those served", group=name))
            label.setBuddy(spin)
            grid.addWidget(label, row, col * 2)
            grid.addWidget(spin, row, col * 2 + 1)
            self.group_spins[tag_id] = spin
        grid.setColumnStretch(GROUP_COLUMNS * 2, 1)
        first = next(iter(self.group_spins.values()), None)
        self.add("groups", _("Of them, &key groups"), box, first)

        # Volunteers: a finder, then one line per volunteer with their hours.
        self.finder = volunteer_finder(services, actor, self)
        self.finder.sig_picked.connect(self.add_volunteer)
        self.volunteer_lines = QWidget()
        self.volunteer_grid = QGridLayout(self.volunteer_lines)
        self.volunteer_grid.setContentsMargins(0, 0, 0, 0)
        self.volunteer_grid.setVerticalSpacing(2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.volunteer_lines)
        line = self.fontMetrics().height() + 14
        scroll.setMinimumHeight(line * 2)
        scroll.setMaximumHeight(line * 4 + 6)
        self.no_volunteers = QLabel(_("No volunteer added."))
        self.no_volunteers.setObjectName("hint")
        volunteers = QWidget()
        column = QVBoxLayout(volunteers)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.finder)
        column.addWidget(self.no_volunteers)
        column.addWidget(scroll)
        self._scroll = scroll
        self.volunteers: dict[int, tuple[str, QDoubleSpinBox, list[QWidget]]] = {}
        self.add("volunteers", _("&Volunteers"), volunteers, self.finder)

        self.content = note_edit(_("What was done"), lines=2)
        self.add("content", _("&What was done"), self.content)
        self.reporter = reporter_edit()
        self.add("reporter", _("&Reported by"), self.reporter)
        self._show_volunteers()
        self.held_on.setFocus()

    # --- volunteers --------------------------------------------------------------------
    def add_volunteer(self, row) -> None:
        """Add a picked volunteer (``VolunteerRow``) with the default hours; focus them."""
        self.finder.reset()
        if row.id in self.volunteers:
            self.volunteers[row.id][1].setFocus()
            return
        at = self.volunteer_grid.rowCount()
        name = QLabel(row.name)
        hours = QDoubleSpinBox()
        hours.setRange(0, 24)
        hours.setSingleStep(0.5)
        hours.setDecimals(1)
        hours.setValue(DEFAULT_HOURS)
        hours.setSuffix(_(" h"))
        hours.setToolTip(_("Hours {name} served", name=row.name))
        remove = QPushButton(_("Remove"))
        remove.setAutoDefault(False)
        remove.setToolTip(_("Remove {name} from the session", name=row.name))
        remove.clicked.connect(lambda _checked=False, vid=row.id: self.remove_volunteer(vid))
        self.volunteer_grid.addWidget(name, at, 0)
        self.volunteer_grid.addWidget(hours, at, 1)
        self.volunteer_grid.addWidget(remove, at, 2)
        self.volunteer_grid.setColumnStretch(3, 1)
        self.volunteers[row.id] = (row.name, hours, [name, hours, remove])
        self._show_volunteers()
        hours.setFocus()
        hours.selectAll()

    def remove_volunteer(self, volunteer_id: int) -> None:
        found = self.volunteers.pop(volunteer_id, None)
        if found is None:
            return
        for widget in found[2]:
            self.volunteer_grid.removeWidget(widget)
            widget.deleteLater()
        self._show_volunteers()
        self.finder.setFocus()

    def _show_volunteers(self) -> None:
        self.no_volunteers.setVisible(not self.volunteers)
        self._scroll.setVisible(bool(self.volunteers))

    # --- saving ------------------------------------------------------------------------
    def form_value(self) -> SessionForm:
        return SessionForm(
            held_on=to_date(self.held_on.date()),
            people=self.people.value(),
            reporter=self.reporter.text(),
            content=self.content.toPlainText(),
            groups={tag: spin.value() for tag, spin in self.group_spins.items() if spin.value() > 0},
            volunteers=tuple(
                VolunteerTime(vid, round(spin.value() * 60))
                for vid, (_name, spin, _w) in self.volunteers.items()
            ),
        )

    def save(self) -> None:
        if self.finder.text().strip():
            raise_if(
                {"volunteers": DomainError(_("Pick the volunteer from the list (Enter) or clear the box."))}
            )
        self.result_value = self._orders.report_session(self._actor, self.detail.id, self.form_value())
