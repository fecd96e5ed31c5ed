"""A table model that fetches only the rows on screen, for registers of any size.

Loading 200,000 rows into a model takes seconds and hundreds of MB; this model asks its
source for the row count once and then for pages of rows as the view paints them,
keeping a few recent pages. Sorting and filtering happen in SQL (the source), never in
a proxy model. The source is a :class:`ServiceRows` made from two service functions.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole row object behind a cell


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its header, how to show a row in it, and its SQL sort key (if any)."""

    header: str
    value: Callable[[T], Any]
    sort_key: str | None = None
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class RowSource(Generic[T]):
    """What the model reads from: a count and pages. Pages must be in a stable order.

    Pages do not write their own subclass: they hand their service's functions to
    :class:`ServiceRows`, the one row source of the application.
    """

    def count(self) -> int:  # pragma: no cover - interface
        raise NotImplementedError

    def page(self, offset: int, limit: int) -> Sequence[T]:  # pragma: no cover - interface
        raise NotImplementedError


class PagedResult(Protocol[T_co]):
    """A search run once whose size is known and whose rows are read page by page."""

    @property
    def count(self) -> int: ...

    def page(self, offset: int, limit: int) -> Sequence[T_co]: ...


class ServiceRows(RowSource[T]):
    """The rows of one query, read through two service functions.

    ``count()`` is asked once (in :meth:`prepare`, where a page can still show an error:
    the model must not fail in the middle of a reset) and ``rows(offset, limit)`` for each
    page the view paints. ``filter`` is what the rows were asked for; a page compares it
    with the filter bar to skip a query that would return the same rows::

        f = RequestFilter(status="open")
        source = ServiceRows(
            lambda: requests.count(actor, f),
            lambda offset, limit: requests.page(actor, f, offset, limit),
            filter=f,
        )

    :meth:`from_result` wraps a service that searches once and returns a
    :class:`PagedResult`; :meth:`from_list` shows rows already in hand.
    """

    def __init__(
        self,
        count: Callable[[], int],
        rows: Callable[[int, int], Sequence[T]],
        *,
        filter: Any = None,
    ):
        self._count_rows = count
        self._read_rows = rows
        self.filter = filter
        self._count: int | None = None

    @classmethod
    def from_result(cls, search: Callable[[], PagedResult[T]], *, filter: Any = None) -> ServiceRows[T]:
        """Rows of a search that runs once (in :meth:`prepare`) and is then paged."""
        held: list[PagedResult[T]] = []

        def count() -> int:
            held[:] = [search()]
            return held[0].count

        def rows(offset: int, limit: int) -> Sequence[T]:
            if not held:
                count()
            return held[0].page(offset, limit)

        return cls(count, rows, filter=filter)

    @classmethod
    def from_list(
        cls, rows: Sequence[T] | Callable[[], Sequence[T]], *, filter: Any = None
    ) -> ServiceRows[T]:
        """A short list read whole: rows already in hand, or a function reading them
        (then read again by each :meth:`prepare`, so a refresh shows fresh rows)."""
        read = rows if callable(rows) else (lambda: rows)
        held: list[list[T]] = []

        def count() -> int:
            held[:] = [list(read())]
            return len(held[0])

        def page(offset: int, limit: int) -> Sequence[T]:
            if not held:
                count()
            return held[0][offset : offset + limit]

        return cls(count, page, filter=filter)

    def prepare(self) -> None:
        """Count (or search) now; again on every call, so a refresh reads fresh rows."""
        self._count = self._count_rows()

    def count(self) -> int:
        if self._count is None:
            self.prepare()
        assert self._count is not None
        return self._count

    def page(self, offset: int, limit: int) -> Sequence[T]:
        return self._read_rows(offset, limit)


class WindowedTableModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]], page_size: int = 100, max_pages: int = 30):
        super().__init__()
        self._columns = list(columns)
        self._page_size = page_size
        self._max_pages = max_pages
        self._source: RowSource[T] | None = None
        self._count = 0
        self._pages: OrderedDict[int, Sequence[T]] = OrderedDict()
        self.pages_fetched = 0  # for tests and benchmarks: how much was read

    # --- source ----------------------------------------------------------------------
    def set_source(self, source: RowSource[T] | None) -> None:
        """Show another result (new search, filter or sort): one count, no rows yet."""
        self.beginResetModel()
        self._source = source
        self._pages.clear()
        self._count = source.count() if source is not None else 0
        self.endResetModel()

    def refresh(self) -> None:
        self.set_source(self._source)

    def columns(self) -> list[Column[T]]:
        return list(self._columns)

    def row_at(self, row: int) -> T | None:
        if row < 0 or row >= self._count or self._source is None:
            return None
        number, at = divmod(row, self._page_size)
        page = self._pages.get(number)
        if page is None:
            page = self._source.page(number * self._page_size, self._page_size)
            self.pages_fetched += 1
            self._pages[number] = page
            while len(self._pages) > self._max_pages:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[at] if at < len(page) else None

    def find_row(self, row_id: object, near_row: int = -1, scan: int = 100) -> int | None:
        """The row whose ``id`` is ``row_id``: looked for at ``near_row`` first, then in
        the first ``scan`` rows (never the whole result, which may be a million rows)."""
        n = self._count
        candidates = [near_row] if 0 <= near_row < n else []
        candidates += [r for r in range(min(n, scan)) if r != near_row]
        for r in candidates:
            row = self.row_at(r)
            if row is not None and getattr(row, "id", None) == row_id:
                return r
        return None

    # --- Qt model interface ----------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._columns)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.row_at(index.row())
            if row is None:
                return None
            value = self._columns[index.column()].value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self._columns[index.column()].align)
        if role == ROW_ROLE:
            return self.row_at(index.row())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header
        return str(section + 1)
