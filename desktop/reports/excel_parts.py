"""What every sheet of the report workbook (:mod:`desktop.reports.excel`) is made of: a
streaming (write-only) worksheet that counts its rows so charts can point at the cells,
tables shaped with pandas (numbers stay numbers, nothing to measure is an empty cell),
and native Excel charts (bar, pie, line) over those cells.

pandas and openpyxl are imported inside the functions: only when a workbook is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from desktop.reports.figures import Compared
from desktop.reports.wording import COUNT, METRICS, MONEY

if TYPE_CHECKING:
    import pandas as pd

HEAD_FILL = "444444"
SUBTOTAL_FILL = "D9D9D9"


def change(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def value(item: Compared, value: float | None) -> float | None:
    """A headline value as a cell: counts as they are, money to the fen, the rest to one
    decimal."""
    if value is None:
        return None
    kind = METRICS[item.key].kind
    if kind == COUNT:
        return value
    return round(value, 2) if kind == MONEY else round(value, 1)


def pct(value: float | None) -> float | None:
    """A share (0 … 1) as a percentage with one decimal."""
    return None if value is None else round(100 * value, 1)


def rate(value: float | None) -> float | None:
    """A percentage (already × 100) with one decimal."""
    return None if value is None else round(value, 1)


class Sheet:
    """A write-only worksheet with a row counter, so charts can refer to the cells."""

    def __init__(self, book: Any, title: str, widths: Sequence[int]):
        from openpyxl.utils import get_column_letter

        self.ws = book.create_sheet(title)
        for i, w in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = w
        self.row = 0
        self.charts = 0

    def line(self, *values: Any, bold: bool = False, size: float | None = None) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        cells = []
        for v in values:
            cell = WriteOnlyCell(self.ws, value=v)
            if bold or size:
                cell.font = Font(bold=bold, size=size or 11)
            cells.append(cell)
        self.ws.append(cells)
        self.row += 1

    def blank(self) -> None:
        self.ws.append([])
        self.row += 1

    def frame(
        self, df: pd.DataFrame, *, subtotal_rows: Sequence[int] = (), formats: dict[str, str] | None = None
    ) -> tuple[int, int]:
        """Write a table (head row, then the rows); returns the sheet rows of its first and
        last data row (1-based)."""
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font, PatternFill

        formats = formats or {}
        head = []
        for name in df.columns:
            cell = WriteOnlyCell(self.ws, value=str(name))
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor=HEAD_FILL)
            head.append(cell)
        self.ws.append(head)
        self.row += 1
        first = self.row + 1
        for i, values in enumerate(df.itertuples(index=False, name=None)):
            cells = []
            for name, v in zip(df.columns, values, strict=True):
                cell = WriteOnlyCell(self.ws, value=plain(v))
                if name in formats:
                    cell.number_format = formats[name]
                if i in subtotal_rows:
                    cell.font = Font(bold=True)
                    cell.fill = PatternFill("solid", fgColor=SUBTOTAL_FILL)
                cells.append(cell)
            self.ws.append(cells)
            self.row += 1
        return first, self.row

    def chart(self, chart: Any, anchor: str) -> None:
        self.ws.add_chart(chart, anchor)
        self.charts += 1


def plain(value: Any) -> Any:
    """pandas' missing values as empty cells, numpy numbers as Python numbers."""
    import pandas as pd

    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def frame(rows: Sequence[Sequence[Any]], columns: Sequence[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(list(rows), columns=list(columns))


def bar_chart(
    title: str,
    sheet: Sheet,
    data_cols: tuple[int, int],
    cat_col: int,
    rows: tuple[int, int],
    *,
    horizontal: bool = True,
    unit: str = "",
) -> Any:
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.title = title
    chart.y_axis.title = unit or None
    chart.height, chart.width = 7.5, 16
    data = Reference(
        sheet.ws, min_col=data_cols[0], max_col=data_cols[1], min_row=rows[0] - 1, max_row=rows[1]
    )
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet.ws, min_col=cat_col, min_row=rows[0], max_row=rows[1]))
    if horizontal:
        chart.x_axis.scaling.orientation = "maxMin"  # first row on top, as in the table
    return chart


def pie_chart(title: str, sheet: Sheet, data_col: int, cat_col: int, rows: tuple[int, int]) -> Any:
    from openpyxl.chart import PieChart, Reference
    from openpyxl.chart.label import DataLabelList

    chart = PieChart()
    chart.title = title
    chart.height, chart.width = 7.5, 12
    chart.add_data(
        Reference(sheet.ws, min_col=data_col, min_row=rows[0] - 1, max_row=rows[1]), titles_from_data=True
    )
    chart.set_categories(Reference(sheet.ws, min_col=cat_col, min_row=rows[0], max_row=rows[1]))
    chart.dataLabels = DataLabelList()
    chart.dataLabels.showPercent = True
    return chart


def line_chart(
    title: str, sheet: Sheet, data_cols: tuple[int, int], cat_col: int, rows: tuple[int, int], unit: str
) -> Any:
    from openpyxl.chart import LineChart, Reference

    chart = LineChart()
    chart.title = title
    chart.y_axis.title = unit
    chart.height, chart.width = 7.5, 18
    chart.add_data(
        Reference(sheet.ws, min_col=data_cols[0], max_col=data_cols[1], min_row=rows[0] - 1, max_row=rows[1]),
        titles_from_data=True,
    )
    chart.set_categories(Reference(sheet.ws, min_col=cat_col, min_row=rows[0], max_row=rows[1]))
    return chart


def headline_frame(items: Sequence[Compared]) -> pd.DataFrame:
    return frame(
        [
            [
                METRICS[i.key].printed,
                METRICS[i.key].unit,
                value(i, i.value),
                value(i, i.previous),
                change(i.month_on_month),
                value(i, i.last_year),
                change(i.year_on_year),
            ]
            for i in items
        ],
        ["指标", "单位", "本期", "上期", "环比", "去年同期", "同比"],
    )
