"""The windowed model reads only what is asked and finds a row by id near where it was."""

from __future__ import annotations

from types import SimpleNamespace

from ui.widgets.windowed_model import Column, RowSource, WindowedTableModel


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
