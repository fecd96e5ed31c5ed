"""The three narrative sections of a report as the director types them (本月工作完成情况,
存在问题, 下月工作计划), kept per period through the core.

The panel knows which period its texts belong to, so texts typed for one period are
never saved under another, and a refresh of the figures keeps what is half-typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop.common.errors import DomainError, FieldErrors
from desktop.common.permissions import Actor, Permission
from desktop.reports.narrative import SECTIONS, Narrative, headings
from desktop.reports.periods import Period
from desktop.reports.service import ReportService
from ui.widgets.i18n import Translator, desktop_text, field_messages
from ui.widgets.messages import show_error

_ = Translator("reports")


class NarrativePanel(QFrame):
    """Three text boxes and 保存文字; read-only for a user who may not write them."""

    def __init__(self, reports: ReportService, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("figure")
        self._reports = reports
        self._actor = actor
        self.can_write = actor.can(Permission.MANAGE_REPORTS)
        self.stored = Narrative()  # as kept for ``period``
        self.period: Period | None = None  # the period the texts belong to

        layout = QVBoxLayout(self)
        heading = QLabel(_("Report texts"))
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        self.edits: dict[str, QPlainTextEdit] = {}
        self.labels: dict[str, QLabel] = {}
        for name, label, _printed in SECTIONS:
            caption = QLabel(desktop_text(label))
            edit = QPlainTextEdit()
            edit.setObjectName(f"narrative_{name}")
            edit.setTabChangesFocus(True)  # Tab moves on: the keyboard is never trapped
            edit.setReadOnly(not self.can_write)
            edit.textChanged.connect(self._edited)
            caption.setBuddy(edit)
            self.labels[name], self.edits[name] = caption, edit
            layout.addWidget(caption)
            layout.addWidget(edit, 1)
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.state_label = QLabel()
        self.state_label.setObjectName("hint")
        self.save_button = QPushButton(_("Save texts"))
        self.save_button.setToolTip(_("Keep the texts of this period (Ctrl+S)"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        if not self.can_write:  # hide only: showing a parentless button opens a window
            self.save_button.hide()
        row = QHBoxLayout()
        row.addWidget(self.state_label, 1)
        row.addWidget(self.save_button)
        layout.addWidget(self.error_label)
        layout.addLayout(row)

    def narrative(self) -> Narrative:
        """The texts as typed."""
        return Narrative(**{name: edit.toPlainText() for name, edit in self.edits.items()})

    def dirty(self) -> bool:
        """Typed and not saved yet."""
        return self.can_write and self.narrative() != self.stored

    def show_narrative(self, period: Period, stored: Narrative) -> None:
        """The stored texts of ``period`` — unless the boxes hold text typed for that same
        period and not saved yet (a refresh keeps half-typed input)."""
        if period == self.period and self.dirty():
            self.stored = stored
            self._edited()
            return
        self.period, self.stored = period, stored
        for name, printed in zip(self.labels, headings(period.kind), strict=True):
            self.labels[name].setToolTip(_("Printed as “{heading}”", heading=printed))
        for name, edit in self.edits.items():
            edit.blockSignals(True)
            edit.setPlainText(getattr(stored, name))
            edit.blockSignals(False)
        self.error_label.hide()
        self._edited()

    def _edited(self) -> None:
        if not self.can_write:
            self.state_label.setText(_("Only the director writes the texts."))
        elif self.dirty():
            self.state_label.setText(_("Not saved yet"))
        else:
            kept = any(text for _heading, text in self.stored.sections())
            self.state_label.setText(_("Saved") if kept else "")

    def save(self) -> bool:
        """Keep the typed texts for the period they were typed for; False when refused
        (a text too long: said under the boxes)."""
        if not self.dirty() or self.period is None:
            return True
        try:
            self.stored = self._reports.save_narrative(self._actor, self.period, self.narrative())
        except FieldErrors as exc:
            names = {name: desktop_text(label) for name, label, _h in SECTIONS}
            self.error_label.setText(
                "\n".join(f"{names.get(k, k)}：{m}" for k, m in field_messages(exc).items())
            )
            self.error_label.show()
            return False
        except DomainError as exc:
            show_error(self, _("Report texts"), exc)
            return False
        self.error_label.hide()
        self._edited()
        return True
