"""Reading a register file (.xlsx, .xls, .csv) into a table of strings.

Every cell becomes text, and a reader never turns an ID number or a phone into a number:
a CSV is read as text (pandas ``dtype=str``); a workbook's cells are taken as Excel stored
them (``dtype=object``) and written out as Excel shows them — text as it is, a date as
``1980-05-03``, a whole number with its digits. A number of 16 digits or more cannot be
held by Excel (it keeps 15 significant digits), so it is shown as Excel shows it,
``1.10105198001011E+17``: an ID number typed into a General cell has lost its last digits
and must be recognised as such, never read as the 18 digits a float happens to print.
Engines: python-calamine (fast, reads .xlsx and .xls), then
openpyxl for .xlsx and xlrd for .xls if calamine is missing or fails. A CSV is decoded
as UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text") or, failing those,
GB18030 — the superset of GBK that Chinese Excel saves in.

The header row is found by itself: registers start with a title (often merged across
the columns), a 填表单位 line, a date … The row among the first ``HEADER_SCAN`` with the
most recognised headers (:func:`desktop.exchange.fields.match_header`) is the header.
Cells merged down over several data rows (a 楼栋 or 网格 written once for its
households) are filled with their value, as a reader of the sheet understands them.
Row numbers are kept as Excel shows them, so a report can say "第 14 行".
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.common.errors import DomainError
from desktop.common.i18n import N_
from desktop.exchange.fields import INSTRUCTIONS, match_header

HEADER_SCAN = 30
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
CSV_SUFFIXES = (".csv", ".txt")
SUFFIXES = EXCEL_SUFFIXES + CSV_SUFFIXES
ENGINES: dict[str, tuple[str, ...]] = {
    ".xlsx": ("calamine", "openpyxl"),
    ".xlsm": ("calamine", "openpyxl"),
    ".xls": ("calamine", "xlrd"),
}
_ENGINE_MODULES = {"calamine": "python_calamine", "openpyxl": "openpyxl", "xlrd": "xlrd"}


@dataclass(frozen=True)
class Table:
    """One sheet as text: its header and data rows, with Excel's row numbers."""

    name: str  # the file's name
    sheet: str
    header_row: int  # the header's row number as Excel shows it (1-based)
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_numbers: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.rows)


def _unreadable(path: Path, why: object) -> DomainError:
    return DomainError(N_("The file {name} could not be read: {why}"), name=path.name, why=str(why))


def _check_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DomainError(N_("{name} is not an Excel or CSV file (.xlsx, .xls, .csv)."), name=path.name)
    if not path.is_file():
        raise DomainError(N_("The file {name} does not exist."), name=str(path))
    return suffix


def _engines(suffix: str) -> list[str]:
    return [e for e in ENGINES[suffix] if importlib.util.find_spec(_ENGINE_MODULES[e]) is not None]


def sheet_names(path: Path) -> list[str]:
    """The sheets of a workbook, in order (a CSV file has one, named after the file)."""
    suffix = _check_suffix(path)
    if suffix in CSV_SUFFIXES:
        return [path.stem]
    import pandas as pd

    problem: Exception | None = None
    for engine in _engines(suffix):
        try:
            with pd.ExcelFile(path, engine=engine) as book:
                return [str(name) for name in book.sheet_names]
        except Exception as exc:  # noqa: BLE001 - the next engine may read it
            problem = exc
    raise _unreadable(path, problem or "no reader installed")


def decode_csv(data: bytes) -> str:
    """The text of a CSV file in any of the encodings Chinese offices save in."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _read_csv(path: Path) -> Any:
    import pandas as pd

    try:
        text = decode_csv(path.read_bytes())
    except (OSError, UnicodeDecodeError) as exc:
        raise _unreadable(path, exc) from exc
    first = next((line for line in text.splitlines() if line.strip()), "")
    sep = "\t" if first.count("\t") > first.count(",") else ","
    try:
        return pd.read_csv(
            io.StringIO(text),
            sep=sep,
            header=None,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            engine="python" if sep == "\t" else "c",
        )
    except Exception as exc:  # noqa: BLE001 - a malformed file, shown to the user
        raise _unreadable(path, exc) from exc


def _read_excel(path: Path, suffix: str, sheet: str | None) -> tuple[Any, str]:
    import pandas as pd

    problem: Exception | None = None
    for engine in _engines(suffix):
        try:
            frame = pd.read_excel(
                path, sheet_name=sheet if sheet else 0, header=None, dtype=object, engine=engine
            )
        except ValueError as exc:
            if sheet and "not found" in str(exc).lower():
                raise DomainError(
                    N_("There is no sheet named {sheet} in {name}."), sheet=sheet, name=path.name
                ) from exc
            problem = exc
            continue
        except Exception as exc:  # noqa: BLE001 - the next engine may read it
            problem = exc
            continue
        return frame, engine
    raise _unreadable(path, problem or "no reader installed")


def _merged_ranges(path: Path, sheet: str | None) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The merged areas of the sheet as ((row, col), (last row, last col)), 0-based."""
    if importlib.util.find_spec("python_calamine") is None:
        return []
    try:
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(str(path))
        try:
            found = book.get_sheet_by_name(sheet) if sheet else book.get_sheet_by_index(0)
            return list(found.merged_cell_ranges or [])
        finally:
            book.close()
    except Exception:  # noqa: BLE001 - without the merged areas the cells are read as they are
        return []


EXCEL_DIGITS = 15
"""Significant digits of a number in Excel; beyond them digits are lost."""


def _cell(value: object) -> str:
    """A cell as the text Excel shows for it."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, numbers.Real):
        number = float(value)
        if abs(number) >= 10**EXCEL_DIGITS:
            return f"{number:.{EXCEL_DIGITS}G}"
        if isinstance(value, numbers.Integral) or number.is_integer():
            return str(int(number)) if not isinstance(value, numbers.Integral) else str(int(value))
        return str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).replace("\u00a0", " ").strip()


def _header_index(grid: Sequence[Sequence[str]]) -> int:
    best, best_score = -1, 0
    for i, row in enumerate(grid[:HEADER_SCAN]):
        score = len({f for f in (match_header(c) for c in row if c) if f is not None})
        if score > best_score:
            best, best_score = i, score
    if best >= 0:
        return best
    for i, row in enumerate(grid[:HEADER_SCAN]):
        if sum(1 for c in row if c) >= 2:
            return i
    raise DomainError(N_("No header row was found: the sheet has no row of column names."))


def read_table(path: Path, sheet: str | None = None) -> Table:
    """Read one sheet (the first when ``sheet`` is None) into a :class:`Table`."""
    path = Path(path)
    suffix = _check_suffix(path)
    if suffix in CSV_SUFFIXES:
        frame, merged, sheet_name = _read_csv(path), [], path.stem
    else:
        frame, engine = _read_excel(path, suffix, sheet)
        merged = _merged_ranges(path, sheet) if engine == "calamine" else []
        sheet_name = sheet or sheet_names(path)[0]
    grid = [[_cell(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    if not any(any(row) for row in grid):
        raise DomainError(N_("The sheet {sheet} is empty."), sheet=sheet_name)
    top = _header_index(grid)
    for (r0, c0), (r1, c1) in merged:
        if r0 <= top or r1 == r0 or r0 >= len(grid):
            continue  # the title, the header and merges across one row are left as they are
        value = grid[r0][c0] if c0 < len(grid[r0]) else ""
        for r in range(r0, min(r1, len(grid) - 1) + 1):
            for c in range(c0, min(c1, len(grid[r]) - 1) + 1):
                if not grid[r][c]:
                    grid[r][c] = value
    header = grid[top]
    width = max((i + 1 for i, c in enumerate(header) if c), default=0)
    for row in grid[top + 1 :]:
        width = max(width, max((i + 1 for i, c in enumerate(row) if c), default=0))
    headers = tuple(header[:width]) + ("",) * (width - len(header[:width]))
    rows: list[tuple[str, ...]] = []
    numbers: list[int] = []
    for index in range(top + 1, len(grid)):
        cells = grid[index][:width]
        if not any(cells):
            continue
        if index == top + 1 and cells and cells[0].startswith(INSTRUCTIONS):
            continue  # a template's instruction row
        rows.append(tuple(cells) + ("",) * (width - len(cells)))
        numbers.append(index + 1)
    return Table(
        name=path.name,
        sheet=sheet_name,
        header_row=top + 1,
        headers=headers,
        rows=tuple(rows),
        row_numbers=tuple(numbers),
    )
