"""The providers' registry dialogs: a provider (new or changed), a year's 年检/年报 result,
and the 失信/活动异常 flag.

The 统一社会信用代码 is checked as it is typed (GB 32100): a malformed code is an error,
a check character that fails or a 民政 type that does not match the kind is only an
orange warning (some early codes are legal yet fail the check). A 备案 community
organisation or a volunteer team is told at once that it cannot sign a contract or be
paid in its own name. On edit the phone shows masked; left empty it stays as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from desktop.orders.providers import ProviderRow
from desktop.orders.service import OrderService, ProviderForm, ProviderSaved
from desktop.orders.vocabulary import NO_LEGAL_PERSONALITY, InspectionResult, ProviderKind, rating_label
from ui.orders.fields import OrdersForm, Tick, date_edit, note_edit, raise_if, tick_list, ticked, to_date
from ui.orders.formatting import inspection_text, kind_text
from ui.widgets.i18n import Translator, desktop_text, error_text

_ = Translator("orders")


class ProviderDialog(OrdersForm):
    """Register a provider (``provider`` None) or change one.

    Args:
        orders: the order service.
        actor: the user (needs ``MANAGE_PROVIDERS``; the core checks it).
        provider: the provider to change, or None for a new one.
        parent: the owning widget.
        teams: ``[(team id, name)]`` of the love bank, for a volunteer team.
        today: the last day a rating may be given on.

    After saving, ``saved`` holds the id and the warnings the core found.
    """

    def __init__(
        self,
        orders: OrderService,
        actor: Actor,
        provider: ProviderRow | None,
        parent: QWidget | None = None,
        *,
        teams: list[tuple[int, str]] | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(
            orders,
            actor,
            parent,
            title=_("Edit provider {name}", name=provider.name) if provider else _("New provider"),
            save_text=_("Save"),
            width=900,
        )
        self.setObjectName("providerDialog")
        self.provider = provider
        self.saved: ProviderSaved | None = None
        p = provider
        notes, _flag_note = orders.provider_notes(actor, p.id) if p else ("", "")

        self.name = QLineEdit(p.name if p else "")
        self.add("name", _("&Name"), self.name)
        self.kind = QComboBox()
        for kind in ProviderKind:
            self.kind.addItem(kind_text(kind), kind.value)
        self.kind.setCurrentIndex(
            max(0, self.kind.findData(p.kind.value if p else ProviderKind.NON_ENTERPRISE.value))
        )
        self.add("kind", _("&Kind"), self.kind)
        self.kind_note = QLabel()
        self.kind_note.setObjectName("fieldWarning")
        self.kind_note.setWordWrap(True)
        self.form.addRow("", self.kind_note)
        self.credit_code = QLineEdit(p.credit_code if p else "")
        self.credit_code.setMaxLength(24)
        self.credit_code.setPlaceholderText(_("18 characters, e.g. 52370303MJE123456X"))
        self.add("credit_code", _("&Credit code"), self.credit_code)
        self.legacy_code = QLineEdit(p.legacy_code if p else "")
        self.legacy_code.setPlaceholderText(_("Optional: an old registration number"))
        self.add("legacy_code", _("&Legacy code"), self.legacy_code)
        self.leader = QLineEdit(p.leader if p else "")
        self.add("leader", _("&Person in charge"), self.leader)
        self.phone = QLineEdit()
        self.phone.setMaxLength(20)
        if p and p.phone:
            self.phone.setPlaceholderText(_("Leave empty to keep {value}", value=p.phone))
        else:
            self.phone.setPlaceholderText(_("Mobile, or landline with area code"))
        self.add("phone", _("P&hone"), self.phone)
        self.address = QLineEdit(p.address if p else "")
        self.add("address", _("&Address"), self.address)
        categories = list(dict.fromkeys([*orders.menu_categories(), *(p.areas if p else ())]))
        chosen = set(p.areas if p else ())
        self.areas = tick_list((Tick(c, c, checked=c in chosen) for c in categories), rows=5)
        self.add_right("areas", _("Service a&reas"), self.areas)
        self.team = QComboBox()
        self.team.addItem(_("No love-bank team"), None)
        for team_id, name in teams or []:
            self.team.addItem(name, team_id)
        if p and p.team_id is not None:
            self.team.setCurrentIndex(max(0, self.team.findData(p.team_id)))
        self.add_right("team", _("Love-bank &team"), self.team)
        self.rating = QComboBox()
        self.rating.addItem(_("Not rated"), None)
        for grade in range(1, 6):
            self.rating.addItem(rating_label(grade), grade)
        if p and p.rating:
            self.rating.setCurrentIndex(self.rating.findData(p.rating))
        self.add_right("rating", _("Assessment &grade"), self.rating)
        self.rated_on = date_edit(p.rated_on if p and p.rated_on else today())
        self.rated_on.setToolTip(_("The grade is valid for five years from this day"))
        self.add_right("rated_on", _("Rated &on"), self.rated_on)
        self.notes = note_edit(_("Optional"), lines=3)
        self.notes.setPlainText(notes)
        self.add_right("notes", _("Notes"), self.notes)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.rating.currentIndexChanged.connect(self._rating_changed)
        self.credit_code.editingFinished.connect(self.check_code)
        self._kind_changed()
        self._rating_changed()
        if p and p.credit_code:
            self.check_code()
        self.name.setFocus()

    def _kind_changed(self) -> None:
        kind = ProviderKind(self.kind.currentData())
        note = NO_LEGAL_PERSONALITY.get(kind)
        self.kind_note.setText(desktop_text(note) if note else "")
        self.kind_note.setVisible(note is not None)
        self.team.setEnabled(kind == ProviderKind.VOLUNTEER_TEAM)
        if kind != ProviderKind.VOLUNTEER_TEAM:
            self.team.setCurrentIndex(0)
        if self.credit_code.text().strip():
            self.check_code()

    def _rating_changed(self) -> None:
        self.rated_on.setEnabled(self.rating.currentData() is not None)

    def check_code(self) -> None:
        """The credit code's error (red) or warnings (orange) under the field."""
        box = self.boxes["credit_code"]
        box.set_error(None)
        try:
            found = self._orders.check_provider_code(self.credit_code.text(), self.kind.currentData())
        except DomainError as exc:
            box.set_error(error_text(exc))
            return
        box.set_warning("；".join(error_text(w) for w in found.warnings) or None)

    def form_value(self) -> ProviderForm:
        rating = self.rating.currentData()
        phone = self.phone.text().strip()
        return ProviderForm(
            name=self.name.text(),
            kind=self.kind.currentData(),
            credit_code=self.credit_code.text(),
            legacy_code=self.legacy_code.text(),
            leader=self.leader.text(),
            phone=None if self.provider is not None and not phone else phone,
            address=self.address.text(),
            areas=ticked(self.areas),
            team_id=self.team.currentData(),
            rating=rating,
            rated_on=to_date(self.rated_on.date()) if rating is not None else None,
            notes=self.notes.toPlainText(),
        )

    def save(self) -> None:
        provider_id = self.provider.id if self.provider else None
        self.saved = self._orders.save_provider(self._actor, self.form_value(), provider_id)


class InspectionDialog(OrdersForm):
    """Record (or correct) a provider's 年检/年报 result of a year."""

    def __init__(
        self,
        orders: OrderService,
        actor: Actor,
        provider: ProviderRow,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        latest = orders.provider_inspections(actor, provider.id)
        history = "；".join(f"{i.year} {inspection_text(i.result)}" for i in latest[:5])
        super().__init__(
            orders,
            actor,
            parent,
            title=_("Annual inspection of {name}", name=provider.name),
            save_text=_("Save"),
            intro=_("Recorded so far: {history}", history=history) if history else "",
        )
        self.provider = provider
        self.year = QSpinBox()
        self.year.setRange(2000, today().year)
        self.year.setValue(today().year - 1)
        self.add("year", _("&Year"), self.year)
        self.outcome = QComboBox()  # not "result": that is QDialog.result()
        for result in InspectionResult:
            self.outcome.addItem(inspection_text(result), result.value)
        self.add("result", _("&Result"), self.outcome)
        self.note = note_edit(_("Optional"), lines=2)
        self.add("note", _("&Note"), self.note)
        self.year.setFocus()

    def save(self) -> None:
        self._orders.record_inspection(
            self._actor,
            self.provider.id,
            self.year.value(),
            self.outcome.currentData(),
            self.note.toPlainText(),
        )


class DiscreditDialog(OrdersForm):
    """Set or clear the 失信/活动异常 flag of a provider (with the day it was listed)."""

    def __init__(
        self,
        orders: OrderService,
        actor: Actor,
        provider: ProviderRow,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(
            orders,
            actor,
            parent,
            title=_("Discredited / abnormal: {name}", name=provider.name),
            save_text=_("Save"),
            intro=_("A provider listed as discredited or abnormal cannot be given orders."),
        )
        self.provider = provider
        _notes, flag_note = orders.provider_notes(actor, provider.id)
        self.flagged = QCheckBox(_("&Listed as discredited / abnormal"))
        self.flagged.setChecked(provider.discredited)
        self.add("flagged", "", self.flagged)
        self.on = date_edit(provider.discredited_on or today())
        self.add("on", _("Listed &on"), self.on)
        self.note = note_edit(_("Where it was listed and why"), lines=2)
        self.note.setPlainText(flag_note)
        self.add("note", _("&Note"), self.note)
        self.flagged.toggled.connect(self.on.setEnabled)
        self.on.setEnabled(provider.discredited)
        self.flagged.setFocus()

    def save(self) -> None:
        flagged = self.flagged.isChecked()
        if flagged and not self.note.toPlainText().strip():
            raise_if({"note": DomainError(_("Write where it was listed and why."))})
        self._orders.set_discredited(
            self._actor,
            self.provider.id,
            flagged,
            to_date(self.on.date()) if flagged else None,
            self.note.toPlainText(),
        )
