"""Possible duplicates (疑似重复诉求) beside the reception form.

Requests of the same resident, or at the same address in the same category, registered
in the last 30 days, listed as soon as the resident (and the category) is chosen so the
front desk sees a repeat visit before registering it again. They never block
registering. Enter or a double-click on one opens it (``sig_open_request``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.requests.service import RequestRow
from desktop.requests.states import STATUS_LABELS
from ui.widgets.i18n import Translator, desktop_text
from ui.widgets.palette import AMBER

_ = Translator("reception")


class DuplicatesPanel(QFrame):
    """The list of possible duplicates, or a line saying why there is none.

    Signals:
        sig_open_request(int): the user opened one (Enter / double-click); carries its id.
    """

    sig_open_request = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("duplicatesPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        self.title = QLabel(_("Possible duplicates"))
        self.title.setObjectName("sectionTitle")
        explain = QLabel(_("Same resident, or same address and category, in the last 30 days"))
        explain.setObjectName("hint")
        explain.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([_("No."), _("Date"), _("Category"), _("Status")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.tree.setToolTip(_("Enter or double-click opens the request"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        fm = self.fontMetrics()
        self.tree.setColumnWidth(0, fm.horizontalAdvance("2026-11-000123") + 16)
        self.tree.setColumnWidth(1, fm.horizontalAdvance("11-20") + 20)
        self.tree.setColumnWidth(3, fm.horizontalAdvance("Registered") + 16)
        self.empty = QLabel()
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.tree)
        layout.addWidget(self.title)
        layout.addWidget(explain)
        layout.addWidget(self.stack, 1)
        self.tree.itemActivated.connect(
            lambda item: self.sig_open_request.emit(item.data(0, Qt.ItemDataRole.UserRole))
        )

    def show_rows(
        self, rows: Sequence[RequestRow], *, resident_chosen: bool, same_category: str | None = None
    ) -> None:
        """Show ``rows``; those in ``same_category`` (the form's category label) stand out."""
        self.tree.clear()
        for r in rows:
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
            if same_category is not None and r.category == same_category:
                for column in range(4):
                    item.setForeground(column, QColor(AMBER))
            self.tree.addTopLevelItem(item)
        n = len(rows)
        self.title.setText(_("Possible duplicates ({n})", n=n) if n else _("Possible duplicates"))
        if n:
            self.stack.setCurrentWidget(self.tree)
        else:
            self.empty.setText(
                _("None in the last 30 days.")
                if resident_chosen
                else _("Shown here once the resident is chosen.")
            )
            self.stack.setCurrentWidget(self.empty)
