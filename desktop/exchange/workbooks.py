"""Writing workbooks with openpyxl: exported lists, error reports and templates.

Every sheet gets what makes it usable at once in Excel: a bold, frozen header row,
column widths that fit the text (Chinese characters count double), dates as dates, and
ID numbers and phones as text — so Excel never shows 1.10105E+17 and never eats a digit.
A text that starts with "=" is written as text, never as a formula.

Exports and error reports are streamed (openpyxl ``write_only``): rows are written as
they come and memory stays flat at 50,000 rows; widths are measured on the first rows.
Templates are small and use the normal mode, which drop-down lists need.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.common.errors import DomainError
from desktop.common.i18n import N_
from desktop.exchange.checking import CheckedRow
from desktop.exchange.fields import (
    GENDER_CHOICES,
    HEADERS,
    INSTRUCTIONS,
    LABELS,
    RESIDENCE_STATUSES,
    TEXT_FIELDS,
    Field,
    Kind,
    fields_of,
)
from desktop.exchange.wording import Wording, reason_text, same

TEXT, DATE, DATETIME, NUMBER = "text", "date", "datetime", "number"
SAMPLE_ROWS = 500
MAX_WIDTH = 60
HEADER_FILL = "DDEBF7"
ERROR_FILL = "FFC7CE"
TEMPLATE_ROWS = 1000
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


@dataclass(frozen=True)
class Column:
    """A column of an exported sheet: its Chinese header and how its cells are written."""

    header: str
    kind: str = TEXT  # text | date | datetime | number
    as_text: bool = False  # an ID number or phone: the cell is formatted as text


def display_width(value: object) -> int:
    """Roughly how many Excel character widths a value needs (CJK counts double)."""
    text = value.isoformat(sep=" ", timespec="minutes") if isinstance(value, dt.datetime) else str(value)
    longest = max(text.split("\n"), key=len) if text else ""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in longest)


def _clean(value: object) -> object:
    if isinstance(value, str):
        if not value.isprintable():  # fast: most texts have no control characters
            value = _ILLEGAL.sub("", value)
        return value[:32767]
    return value


def _saving(path: Path, save: Callable[[Path], None]) -> None:
    """Save through a temporary file, so a failed write never leaves half a workbook."""
    path = Path(path)
    temp = path.with_name(path.name + ".part")
    try:
        save(temp)
        temp.replace(path)
    except PermissionError as exc:
        temp.unlink(missing_ok=True)
        raise DomainError(
            N_("{name} could not be written: is it open in Excel? Close it and try again."), name=path.name
        ) from exc
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise DomainError(N_("{name} could not be written: {why}"), name=path.name, why=str(exc)) from exc


class SheetWriter:
    """One write-only sheet: the header, then rows as they come."""

    def __init__(self, book: Any, title: str, columns: Sequence[Column]):
        from openpyxl.styles import Alignment, Font, PatternFill

        self.columns = list(columns)
        self.sheet = book.create_sheet(title[:31])
        self.sheet.freeze_panes = "A2"
        self._bold = Font(bold=True)
        self._header_fill = PatternFill("solid", fgColor=HEADER_FILL)
        self._wrap = Alignment(vertical="top")
        self._buffer: list[list[Any]] = []
        self._started = False
        self.rows = 0
        # One reusable cell per formatted column: a write-only row is written out when it
        # is appended, so its cells can be refilled for the next row (5x fewer objects).
        self._reusable = [self._formatted(c) for c in self.columns]

    def _formatted(self, column: Column) -> Any:
        from openpyxl.cell import WriteOnlyCell

        if column.kind not in (DATE, DATETIME) and not column.as_text:
            return None
        cell = WriteOnlyCell(self.sheet, value=None)
        cell.number_format = {DATE: "yyyy-mm-dd", DATETIME: "yyyy-mm-dd hh:mm"}.get(column.kind, "@")
        return cell

    def cell(
        self, value: object, column: Column, *, fill: str | None = None, comment: str | None = None
    ) -> Any:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.comments import Comment
        from openpyxl.styles import PatternFill

        value = _clean(value)
        if value is None:
            value = ""
        if column.kind == DATETIME and isinstance(value, dt.datetime):
            cell = WriteOnlyCell(self.sheet, value=value)
            cell.number_format = "yyyy-mm-dd hh:mm"
        elif column.kind == DATE and isinstance(value, dt.date):
            cell = WriteOnlyCell(self.sheet, value=value)
            cell.number_format = "yyyy-mm-dd"
        else:
            if column.kind != NUMBER and not isinstance(value, str):
                value = str(value)
            cell = WriteOnlyCell(self.sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # "=…" stays text, never a formula
            if column.as_text:
                cell.number_format = "@"
        if fill:
            cell.fill = PatternFill("solid", fgColor=fill)
        if comment:
            cell.comment = Comment(comment, "社区服务中心")
        return cell

    def _start(self) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.utils import get_column_letter

        widths = [display_width(c.header) for c in self.columns]
        for row in self._buffer:
            for i, value in enumerate(row[: len(widths)]):
                shown = getattr(value, "value", value)
                widths[i] = max(widths[i], display_width("" if shown is None else shown))
        for i, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 6), MAX_WIDTH)
        header = []
        for column in self.columns:
            cell = WriteOnlyCell(self.sheet, value=column.header)
            cell.font, cell.fill = self._bold, self._header_fill
            header.append(cell)
        self.sheet.append(header)
        for row in self._buffer:
            self.sheet.append(row)
        self._buffer.clear()
        self._started = True

    def append(self, cells: list[Any]) -> None:
        self.rows += 1
        if self._started:
            self.sheet.append(cells)
        else:
            self._buffer.append(cells)
            if len(self._buffer) >= SAMPLE_ROWS:
                self._start()

    def append_values(self, values: Sequence[object]) -> None:
        if not self._started:  # the first rows are kept to measure widths: cells of their own
            self.append([self.cell(v, c) for v, c in zip(values, self.columns, strict=False)])
            return
        cells: list[Any] = []
        for value, column, reusable in zip(values, self.columns, self._reusable, strict=False):
            if value is None:
                cells.append(None)
            elif reusable is not None and (column.as_text or isinstance(value, dt.date)):
                reusable.value = _clean(value if not column.as_text or isinstance(value, str) else str(value))
                if column.as_text:
                    reusable.data_type = "s"
                cells.append(reusable)
            elif column.kind == NUMBER or (isinstance(value, str) and not value.startswith("=")):
                cells.append(_clean(value))
            else:
                cells.append(self.cell(value, column))
        self.append(cells)

    def close(self) -> None:
        if not self._started:
            self._start()


def write_table(
    path: Path,
    title: str,
    columns: Sequence[Column],
    pages: Iterable[Sequence[Sequence[object]]],
    *,
    report: Callable[[int], None] | None = None,
) -> int:
    """Stream ``pages`` of rows into a one-sheet workbook at ``path``; the number of rows."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = SheetWriter(book, title, columns)
    for page in pages:
        for values in page:
            sheet.append_values(values)
        if report is not None:
            report(sheet.rows)
    sheet.close()
    _saving(path, book.save)
    return sheet.rows


# --- the error report --------------------------------------------------------------------
def write_error_report(
    path: Path,
    headers: Sequence[str],
    rows: Sequence[tuple[str, ...]],
    failed: Sequence[CheckedRow],
    columns_of: dict[Field, int],
    *,
    wording: Wording | None = None,
) -> int:
    """The rows that cannot come in, as they were in the file, each with its row number
    as Excel shows it ("第 14 行"), the bad cells highlighted with their reason as a
    comment, and every reason in the last column. The number of rows written."""
    from openpyxl import Workbook

    w = wording or same
    book = Workbook(write_only=True)
    columns = [Column("行号")] + [Column(h or f"第 {i + 1} 列", as_text=True) for i, h in enumerate(headers)]
    columns.append(Column("错误原因"))
    sheet = SheetWriter(book, "错误报告", columns)
    for row in failed:
        original = rows[row.index]
        reasons: dict[int, list[str]] = {}
        loose: list[str] = []
        for error in row.errors:
            text = reason_text(error.error, w)
            column = columns_of.get(error.field) if error.field is not None else None
            if column is None:
                label = w(LABELS[error.field]) if error.field is not None else ""
                loose.append(f"{label}：{text}" if label else text)
            else:
                reasons.setdefault(column, []).append(text)
        cells = [sheet.cell(f"第 {row.row_number} 行", columns[0])]
        for i, value in enumerate(original):
            said = reasons.get(i)
            cells.append(
                sheet.cell(
                    value,
                    columns[i + 1],
                    fill=ERROR_FILL if said else None,
                    comment="；".join(said) if said else None,
                )
            )
        summary = [
            f"{headers[i] or f'第 {i + 1} 列'}：{t}" for i, texts in sorted(reasons.items()) for t in texts
        ]
        cells.append(sheet.cell("；".join(summary + loose), columns[-1]))
        sheet.append(cells)
    sheet.close()
    _saving(path, book.save)
    return len(failed)


# --- templates (下载模板) ------------------------------------------------------------------
INSTRUCTION_TEXT: dict[Field, str] = {
    Field.NAME: f"{INSTRUCTIONS}：此行不导入。姓名必填",
    Field.GENDER: "男 / 女（有身份证号时可不填）",
    Field.ID_NUMBER: "18 位，文本格式；15 位旧号自动升位",
    Field.PHONE: "手机 11 位，座机带区号如 0533-1234567",
    Field.BIRTH_DATE: "如 1980-5-3（有身份证号时可不填）",
    Field.ADDRESS: "小区、楼栋、单元、门牌",
    Field.HOUSEHOLD_ADDRESS: "户口所在地址",
    Field.GRID: "从下拉列表选择",
    Field.BUILDING: "如 3",
    Field.UNIT: "如 2",
    Field.ROOM: "如 301",
    Field.RESIDENCE_STATUS: "人在户在 / 人在户不在 / 户在人不在",
    Field.ETHNICITY: "如 汉族",
    Field.POLITICAL_STATUS: "如 群众、中共党员",
    Field.TAGS: "从下拉列表选择；多个用、分隔",
    Field.NOTES: "",
    Field.TEAM: "服务队名称，没有的会新建",
    Field.JOINED_ON: "如 2020-3-1",
    Field.HOURS: "小时，如 120.5",
    Field.POINTS: "整数",
}


def write_template(path: Path, kind: Kind, *, grids: Sequence[str], tags: Sequence[str]) -> None:
    """A blank register to fill in: the headers, a 填写说明 row, ID and phone columns
    formatted as text, and drop-down lists for 性别, 网格, 重点人群 and 人户状态."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    fields = fields_of(kind)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "志愿者信息" if kind == Kind.VOLUNTEERS else "居民信息"
    choices = book.create_sheet("选项")
    choices.sheet_state = "hidden"
    lists = {"网格": list(grids), "重点人群": list(tags)}
    ranges: dict[str, str] = {}
    for col, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(col)
        choices.cell(row=1, column=col, value=name)
        for r, value in enumerate(values, start=2):
            choices.cell(row=r, column=col, value=value)
        ranges[name] = f"'选项'!${letter}$2:${letter}${max(len(values) + 1, 2)}"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    grey = Font(color="808080", size=9)
    last = TEMPLATE_ROWS + 2
    for col, f in enumerate(fields, start=1):
        letter = get_column_letter(col)
        header = sheet.cell(row=1, column=col, value=HEADERS[f])
        header.font, header.fill = bold, fill
        note = sheet.cell(row=2, column=col, value=INSTRUCTION_TEXT.get(f, ""))
        note.font, note.alignment = grey, Alignment(wrap_text=True, vertical="top")
        width = max(display_width(HEADERS[f]), min(display_width(INSTRUCTION_TEXT.get(f, "")), 24)) + 2
        sheet.column_dimensions[letter].width = max(width, 22 if f in TEXT_FIELDS else 8)
        if f in TEXT_FIELDS:
            sheet.column_dimensions[letter].number_format = "@"
            for r in range(3, last + 1):
                sheet.cell(row=r, column=col).number_format = "@"
        area = f"{letter}3:{letter}{last}"
        if f == Field.GENDER:
            _list(sheet, DataValidation, '"' + ",".join(GENDER_CHOICES) + '"', area)
        elif f == Field.RESIDENCE_STATUS:
            _list(sheet, DataValidation, '"' + ",".join(RESIDENCE_STATUSES) + '"', area)
        elif f == Field.GRID and grids:
            _list(sheet, DataValidation, ranges["网格"], area)
        elif f == Field.TAGS and tags:
            # Several key groups may be typed ("独居老人、低保户"): the list helps, it does not refuse.
            _list(sheet, DataValidation, ranges["重点人群"], area, strict=False)
    sheet.row_dimensions[2].height = 30
    sheet.freeze_panes = "A3"
    _saving(path, book.save)


def _list(sheet: Any, validation: Any, source: str, area: str, *, strict: bool = True) -> None:
    dv = validation(type="list", formula1=source, allow_blank=True, showErrorMessage=strict)
    dv.add(area)
    sheet.add_data_validation(dv)
