"""The dashboard's headline cards: one figure, big, with 环比 and 同比 under it.

A card that leads to a list can be clicked, or reached with Tab and opened with Enter.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.reports.figures import Compared
from desktop.reports.wording import METRICS
from ui.reports.formatting import DASH, change_colour, change_text, metric_value, unit
from ui.widgets.i18n import Translator

_ = Translator("reports")


class FigureCard(QFrame):
    """A headline figure: its name, its value with the unit, and how it changed.

    Signals:
        sig_clicked(): the user clicked the card (or pressed Enter on it).
    """

    sig_clicked = Signal()

    def __init__(self, key: str, title: str, parent: QWidget | None = None, *, clickable: bool = False):
        super().__init__(parent)
        self.key = key
        self.setObjectName("figure")
        self.setProperty("clickable", clickable)
        self._clickable = clickable
        self.title_label = QLabel(title)
        self.title_label.setObjectName("figureTitle")
        self.value_label = QLabel(DASH)
        self.value_label.setObjectName("figureValue")
        self.unit_label = QLabel("")
        self.unit_label.setObjectName("figureTitle")
        self.month_label = QLabel()
        self.month_label.setObjectName("figureChange")
        self.year_label = QLabel()
        self.year_label.setObjectName("figureChange")
        value_row = QHBoxLayout()
        value_row.setSpacing(4)
        value_row.addWidget(self.value_label)
        value_row.addWidget(self.unit_label, 0, Qt.AlignmentFlag.AlignBottom)
        value_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title_label)
        layout.addLayout(value_row)
        layout.addWidget(self.month_label)
        layout.addWidget(self.year_label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if clickable:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setToolTip(_("Click (or Enter) to open the matching list"))
        self.show_compared(None)

    def show_compared(self, c: Compared | None) -> None:
        """The figure of the period with its 环比 and 同比 (None: not loaded yet)."""
        if c is None:
            self.value_label.setText(DASH)
            self.unit_label.setText("")
            self._change(self.month_label, _("vs last month"), DASH, "")
            self._change(self.year_label, _("vs a year ago"), DASH, "")
            return
        kind = METRICS[c.key].kind
        self.value_label.setText(metric_value(c.key, c.value))
        self.unit_label.setText(unit(c.key))
        self._change(
            self.month_label,
            _("vs last month"),
            change_text(kind, c.month_on_month),
            change_colour(c.key, c.month_on_month),
        )
        self._change(
            self.year_label,
            _("vs a year ago"),
            change_text(kind, c.year_on_year),
            change_colour(c.key, c.year_on_year),
        )

    def show_count(self, value: int, unit_text: str, note: str) -> None:
        """A figure without comparison (超期未办: a count at the cut-off)."""
        self.value_label.setText(f"{value:,}")
        self.unit_label.setText(unit_text)
        self.month_label.setText(note)
        self.month_label.setStyleSheet("")
        self.year_label.setText("")

    def _change(self, label: QLabel, name: str, text: str, colour: str) -> None:
        label.setText(f"{name} {text}")
        label.setStyleSheet(f"color: {colour};" if colour else "")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if (
            self._clickable
            and event.button() == Qt.MouseButton.LeftButton
            and self.rect().contains(event.position().toPoint())
        ):
            self.sig_clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self._clickable and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.sig_clicked.emit()
            return
        super().keyPressEvent(event)
