"""The list-page base: search after a pause, filters, empty state, count, keys, refresh."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox

from desktop.common.errors import PermissionDenied
from ui.widgets.list_page import ListPage
from ui.widgets.windowed_model import Column, ServiceRows, WindowedTableModel


@dataclass(frozen=True)
class Fruit:
    id: int
    name: str


@dataclass(frozen=True)
class FruitFilter:
    text: str = ""
    ripe_only: bool = False
    sort: str = "id"
    descending: bool = False


class Basket:
    """A stand-in service, counting its queries."""

    def __init__(self, names: list[str]):
        self.fruit = [Fruit(i + 1, n) for i, n in enumerate(names)]
        self.counts = 0
        self.fail = False

    def _matching(self, f: FruitFilter) -> list[Fruit]:
        found = [x for x in self.fruit if x.name.startswith(f.text) and (not f.ripe_only or x.id % 2)]
        key = (lambda x: x.name) if f.sort == "name" else (lambda x: x.id)
        return sorted(found, key=key, reverse=f.descending)

    def count(self, f: FruitFilter) -> int:
        if self.fail:
            raise PermissionDenied()
        self.counts += 1
        return len(self._matching(f))

    def page(self, f: FruitFilter, offset: int, limit: int) -> list[Fruit]:
        return self._matching(f)[offset : offset + limit]


class FruitPage(ListPage[Fruit]):
    def __init__(self, basket: Basket):
        model = WindowedTableModel([Column("Id", lambda r: r.id), Column("Name", lambda r: r.name, "name")])
        super().__init__(
            model, search_placeholder="Name", error_title="Fruit", sort=("id", False), search_delay_ms=50
        )
        self.basket = basket
        self.opened: list[int] = []
        self.ripe = QCheckBox("Ripe only")
        self.open_button = self.make_button("Open", "Enter")
        self.arrange(self.filter_bar(self.ripe), self.action_bar(self.open_button, hint="Enter: open"))
        self.ripe.toggled.connect(self.apply_filter)
        self.start()

    def current_filter(self) -> FruitFilter:
        return FruitFilter(self.search_text(), self.ripe.isChecked(), self.sort_key, self.descending)

    def new_source(self) -> ServiceRows[Fruit]:
        f = self.current_filter()
        return ServiceRows(
            lambda: self.basket.count(f), lambda offset, limit: self.basket.page(f, offset, limit), filter=f
        )

    def count_text(self, n: int) -> str:
        return f"{n} fruit"

    def empty_text(self) -> str:
        return f"No fruit like “{self.shown_filter().text}”."

    def open_row(self, row: Fruit) -> None:
        self.opened.append(row.id)

    def update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_row() is not None)


@pytest.fixture
def page(qtbot) -> FruitPage:
    shown = FruitPage(Basket(["apple", "apricot", "banana", "cherry", "avocado"]))
    qtbot.addWidget(shown)
    shown.resize(800, 500)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    return shown


def names(page: FruitPage) -> list[str]:
    return [page.model.row_at(r).name for r in range(page.model.rowCount())]


def test_typing_searches_once_after_a_pause(qtbot, page):
    assert page.count_label.text() == "5 fruit" and page.basket.counts == 1
    qtbot.keyClicks(page.search_edit, "ap")
    assert page.model_source().filter.text == ""  # not on every key …
    qtbot.waitUntil(lambda: page.model_source().filter.text == "ap")  # … after the pause
    assert names(page) == ["apple", "apricot"] and page.basket.counts == 2
    page.apply_filter()  # unchanged: no query
    assert page.basket.counts == 2


def test_a_filter_and_the_empty_state(qtbot, page):
    page.ripe.setChecked(True)
    assert names(page) == ["apple", "banana", "avocado"]
    page.search_edit.setText("kiwi")
    page.apply_filter()
    assert page.model.rowCount() == 0 and page.count_label.text() == "0 fruit"
    assert page.empty_label.isVisible() and page.empty_label.text() == "No fruit like “kiwi”."
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Escape)  # Esc clears the search
    assert page.search_edit.text() == "" and not page.empty_label.isVisible()


def test_keyboard_from_the_search_box_to_a_row(qtbot, page):
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()
    assert not page.open_button.isEnabled()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)  # into the table, on the first row
    assert page.table.hasFocus() and page.selected_row().name == "apple"
    assert page.open_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.opened == [2]


def test_sorting_in_the_source_and_refresh_keep_the_selection(qtbot, page):
    page.select_id(4)
    page.table.horizontalHeader().sectionClicked.emit(1)  # by name
    assert names(page) == ["apple", "apricot", "avocado", "banana", "cherry"]
    assert page.selected_row().name == "cherry"  # still the same fruit
    page.table.horizontalHeader().sectionClicked.emit(0)  # not sortable: nothing changes
    assert page.model_source().filter.sort == "name"
    page.basket.fruit.insert(0, Fruit(6, "acerola"))
    page.refresh()
    assert names(page)[0] == "acerola" and page.selected_row().name == "cherry"


def test_a_failing_query_is_shown_and_leaves_an_empty_table(qtbot, page, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: shown.append((title, text)))
    )
    page.basket.fail = True
    page.search_edit.setText("b")
    page.apply_filter()
    assert shown == [("Fruit", "You are not allowed to do this.")]
    assert page.model.rowCount() == 0
