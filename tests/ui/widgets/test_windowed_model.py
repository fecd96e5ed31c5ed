"""The windowed model reads only what is asked and finds a row by id near where it was."""

from __future__ import annotations

from types import SimpleNamespace

from ui.widgets.windowed_model import Column, RowSource, ServiceRows, WindowedTableModel


class Numbers(RowSource):
    def __init__(self, n: int):
        self.n = n
        self.reads: list[tuple[int, int]] = []

    def count(self) -> int:
        return self.n

    def page(self, offset: int, limit: int):
        self.reads.append((offset, limit))
        return [SimpleNamespace(id=self.n - i) for i in range(offset, min(offset + limit, self.n))]


def test_reads_pages_on_demand_and_finds_rows_by_id(qapp):
    model = WindowedTableModel([Column("id", lambda r: r.id)], page_size=50)
    source = Numbers(1_000_000)
    model.set_source(source)
    assert model.rowCount() == 1_000_000 and source.reads == []
    assert model.data(model.index(999_999, 0)) == "1"
    assert source.reads == [(999_950, 50)]
    assert model.find_row(1_000_000 - 10) == 10  # on the first pages
    assert model.find_row(1, near_row=999_999) == 999_999  # right where it was
    assert model.find_row(500_000) is None  # not scanned: never the whole result
    assert len(source.reads) <= 4


def test_service_rows_count_once_and_read_pages_through_the_service(qapp):
    asked: list[str] = []

    def count() -> int:
        asked.append("count")
        return 250

    def rows(offset: int, limit: int):
        asked.append(f"rows {offset}+{limit}")
        return [SimpleNamespace(id=i) for i in range(offset, min(offset + limit, 250))]

    source = ServiceRows(count, rows, filter="all")
    source.prepare()  # where a page can still show an error
    model = WindowedTableModel([Column("id", lambda r: r.id)], page_size=100)
    model.set_source(source)
    assert model.rowCount() == 250 and source.filter == "all"
    assert model.data(model.index(120, 0)) == "120"
    assert asked == ["count", "rows 100+100"]
    source.prepare()  # a refresh counts again
    assert asked[-1] == "count"


def test_service_rows_from_a_search_run_once(qapp):
    searches: list[int] = []

    def search():
        searches.append(1)
        numbers = list(range(30))
        return SimpleNamespace(
            count=len(numbers), page=lambda offset, limit: numbers[offset : offset + limit]
        )

    source = ServiceRows.from_result(search, filter="zs")
    assert source.count() == 30 and source.count() == 30
    assert source.page(28, 10) == [28, 29]
    assert len(searches) == 1
    source.prepare()
    assert len(searches) == 2


def test_service_rows_from_a_list_in_hand_or_read_again(qapp):
    assert ServiceRows.from_list([1, 2, 3]).page(1, 5) == [2, 3]
    users = [["admin"]]
    source = ServiceRows.from_list(lambda: users[-1])
    assert source.count() == 1
    users.append(["admin", "qiantai"])
    assert source.count() == 1  # counted once …
    source.prepare()  # … until a refresh reads the list again
    assert source.count() == 2 and source.page(0, 10) == ["admin", "qiantai"]
