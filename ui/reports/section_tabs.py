"""The report's sections as tabs of tables (:mod:`ui.reports.sections`), filled again
in place on a refresh so the open tab, each table's selection and the scroll positions stay."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from desktop.reports.wording import NO_DATA
from ui.reports.sections import Section
from ui.reports.tables import FiguresTable, Table
from ui.widgets.i18n import desktop_text


@dataclass
class _Shown:
    """One table of a tab with its title, its empty line and its note."""

    title: QLabel
    table: FiguresTable
    empty: QLabel
    note: QLabel

    def show(self, data: Table) -> None:
        self.title.setText(data.title)
        self.table.show_table(data)
        self.table.setVisible(bool(data.rows))
        self.empty.setText(data.empty or desktop_text(NO_DATA))
        self.empty.setVisible(not data.rows)
        self.note.setText(data.note)
        self.note.setVisible(bool(data.note))


class SectionTabs(QTabWidget):
    """One tab per section; each tab scrolls its tables, each table shows all its rows."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDocumentMode(True)
        self._keys: list[str] = []
        self._shown: dict[str, list[_Shown]] = {}

    def tables(self, key: str) -> list[FiguresTable]:
        """The tables of section ``key`` (for tests)."""
        return [s.table for s in self._shown.get(key, [])]

    def section_keys(self) -> list[str]:
        return list(self._keys)

    def show_sections(self, shown: tuple[Section, ...]) -> None:
        keys = [s.key for s in shown]
        if keys != self._keys:
            current = self.currentIndex()
            self.clear()
            self._shown.clear()
            for s in shown:
                page = QScrollArea()
                page.setWidgetResizable(True)
                page.setFrameShape(QFrame.Shape.NoFrame)
                body = QWidget()
                QVBoxLayout(body).setContentsMargins(4, 8, 4, 8)
                page.setWidget(body)
                self.addTab(page, s.title)
                self._shown[s.key] = []
            self._keys = keys
            self.setCurrentIndex(max(current, 0))
        for index, s in enumerate(shown):
            self._fill(index, s)

    def _fill(self, index: int, section: Section) -> None:
        page = self.widget(index)
        assert isinstance(page, QScrollArea)
        body = page.widget()
        assert body is not None
        layout = body.layout()
        assert isinstance(layout, QVBoxLayout)
        shown = self._shown[section.key]
        if len(shown) != len(section.tables):
            while layout.count():
                item = layout.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.deleteLater()
            shown.clear()
            for _table in section.tables:
                title = QLabel()
                title.setObjectName("sectionTitle")
                empty = QLabel()
                empty.setObjectName("hint")
                note = QLabel()
                note.setObjectName("hint")
                note.setWordWrap(True)
                one = _Shown(title, FiguresTable(), empty, note)
                layout.addWidget(one.title)
                layout.addWidget(one.table, 0, Qt.AlignmentFlag.AlignLeft)  # as wide as its columns
                layout.addWidget(one.empty)
                layout.addWidget(one.note)
                layout.addSpacing(10)
                shown.append(one)
            layout.addStretch(1)
        for one, data in zip(shown, section.tables, strict=True):
            one.show(data)
