"""Observations from an Excel workbook: the CSV's columns on one sheet.

The sheet's first row is the header; every later row is read as a CSV row is (see
:mod:`planmodel._observation_rows`), each problem named by sheet, row and column.
A cell is read as what it holds:

- text as written (a number written as text, ``94.10``, keeps its digits);
- a number cell by its shortest repr, the digits Python writes for the double
  Excel stores (``94.1``; a whole number without ``.0``): a float converted once, at
  the door, and never read inexactly. A number's display format is not read: a cell
  holding 94.1 shown as ``94.10`` is 94.1;
- TRUE and FALSE as yes and no;
- a date, in ``period`` (and as text in ``source`` and ``note``), as its ISO date,
  ``2023-12-31``, when it is shown with its day: a date shown as ``07/2025`` may
  mean the month, so it is refused, never read as the 1st;
- a formula by the value the spreadsheet last computed for it; a formula never
  computed (a file written by a program that does not compute), an error value
  (``#N/A``) and a time are refused.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from typing import Any

from ._csv_rows import Cell, Row
from ._extras import require
from ._observation_rows import TEXT_COLUMNS, Place, from_rows
from ._untrusted import echo
from .errors import ArgumentError, ObservationsError, Problem
from .observations import Observation

#: What starts a workbook file (a zip archive), and an Excel 97-2003 one.
XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"
XLSX_SUFFIXES = (".xlsx", ".xlsm")

# In a number format, what is not a code: "quoted text", [colours and locales], \x.
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def _letter(column: int) -> str:
    """A column's letter, as Excel names it: 1 is A, 27 is AA."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _shows_day(number_format: str) -> bool:
    return "d" in _FORMAT_LITERALS.sub("", number_format).lower()


def number_text(value: float) -> str:
    """A float as the digits of its shortest repr; a whole number without ``.0``.

    >>> number_text(94.1), number_text(2023.0), number_text(1e20), number_text(0.1 + 0.2)
    ('94.1', '2023', '1e+20', '0.30000000000000004')
    """
    # float(): numpy's floats write their repr as "np.float64(94.1)".
    return repr(float(value)).removesuffix(".0")


def cell_text(value: object, column: str, shown: str | None = None) -> tuple[str, str | None]:
    """A cell's value as the text a CSV cell would hold, or why it cannot be read;
    *shown* is the cell's number format, for a date."""
    if value is None:
        return "", None
    if isinstance(value, str):
        return value, None
    if isinstance(value, bool):
        return ("true" if value else "false"), None
    if isinstance(value, int):
        return str(value), None
    if isinstance(value, float):
        if not math.isfinite(value):
            return "", f"expected a finite number, got {value!r}"
        return number_text(value), None
    if isinstance(value, (dt.datetime, dt.date)):
        return _date_text(value, column, shown)
    if isinstance(value, (dt.time, dt.timedelta)):
        return "", f"a time ({value}); expected {_expected(column)}"
    return "", f"expected {_expected(column)}, got {type(value).__name__} {echo(value)}"


def _expected(column: str) -> str:
    if column in ("value", "count"):
        return "a number"
    if column == "period":
        return "a period"
    return "text"


def _date_text(value: dt.date, column: str, shown: str | None) -> tuple[str, str | None]:
    day = value.date() if isinstance(value, dt.datetime) else value
    if column != "period" and column not in TEXT_COLUMNS:
        return "", f"a date ({day.isoformat()}); expected {_expected(column)}"
    if isinstance(value, dt.datetime) and value.time() != dt.time():
        return "", f"a date and time ({value.isoformat(sep=' ')}); expected a date"
    if column == "period" and shown is not None and not _shows_day(shown):
        return "", (
            f"a date shown without its day (format {shown!r}), which may mean a month or a "
            f"year; write the period as text ({day:%Y-%m} for a month, {day.year} for a "
            f"year) or show the day ({day.isoformat()})"
        )
    return day.isoformat(), None


def _pick_sheet(book: Any, sheet: str | None) -> Any:
    worksheets = book.worksheets
    if sheet is None:
        if not worksheets:
            raise ObservationsError([Problem("file", "the workbook has no worksheet")])
        return worksheets[0]
    for found in worksheets:
        if found.title == sheet:
            return found
    names = ", ".join(repr(found.title) for found in worksheets)
    raise ArgumentError(
        [Problem("sheet", f"no sheet named {echo(sheet)}; the workbook has {names}")]
    )


def _load(openpyxl: Any, content: bytes, *, data_only: bool) -> Any:
    try:
        return openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=data_only)
    except Exception as exc:  # noqa: BLE001 - whatever the zip or XML holds becomes a located problem
        reason = str(exc) or type(exc).__name__
        raise ObservationsError(
            [Problem("file", f"not a readable Excel workbook (.xlsx): {reason}")]
        ) from None


def _rows(worksheet: Any) -> list[list[Any]]:
    # A file may declare a smaller size than it has (some programs write "A1"): read
    # every row there is, never only the declared ones.
    worksheet.reset_dimensions()
    return [list(row) for row in worksheet.iter_rows(min_row=1)]


def from_xlsx(
    content: bytes, sheet: str | None = None
) -> tuple[list[Observation], list[str], list[Problem]]:
    """Observations from the workbook *content*, from its first sheet or *sheet*."""
    openpyxl = require("openpyxl", "excel", "reading figures from an Excel workbook")
    book = _load(openpyxl, content, data_only=False)
    try:
        worksheet = _pick_sheet(book, sheet)
        title = worksheet.title
        rows = _rows(worksheet)
    finally:
        book.close()
    formulas = any(cell.data_type == "f" for row in rows for cell in row)
    computed: list[list[Any]] = []
    if formulas:
        values = _load(openpyxl, content, data_only=True)
        try:
            computed = _rows(_pick_sheet(values, title))
        finally:
            values.close()
    place = Place(f"sheet {echo(title)}, ")
    header = [_header_name(cell.value) for cell in rows[0]] if rows else []
    while header and not header[-1]:
        header.pop()
    # Problems of cells that hold no figure, by row: reported in their row's turn.
    unread: dict[int, list[Problem]] = {}
    read: list[Row] = []
    for number, row in enumerate(rows[1:], start=2):
        cells: list[Cell] = []
        problems = unread.setdefault(number, [])
        for index, cell in enumerate(row):
            column = header[index] if index < len(header) else _letter(index + 1)
            value = cell.value
            if cell.data_type == "f":
                found = computed[number - 1] if number - 1 < len(computed) else []
                value = found[index].value if index < len(found) else None
                if value is None:
                    problems.append(
                        Problem(
                            place.cell(number, column),
                            f"a formula ({echo(cell.value)}) whose value was never computed: "
                            "open and save the file in a spreadsheet program, or paste the "
                            "values",
                        )
                    )
                    cells.append(Cell("", quoted=True))  # keeps the later cells in place
                    continue
            if cell.data_type == "e":
                problems.append(
                    Problem(place.cell(number, column), f"an error value {echo(value)}")
                )
                cells.append(Cell("", quoted=True))
                continue
            text, wrong = cell_text(value, column, getattr(cell, "number_format", None))
            if wrong is not None:
                problems.append(Problem(place.cell(number, column), wrong))
            cells.append(Cell(text, quoted=True))
        while len(cells) > len(header) and not cells[-1].text:
            cells.pop()
        read.append(Row(number, tuple(cells)))
    return from_rows(
        header, read, place=place, check=lambda row, _header: unread.get(row.number, ())
    )


def _header_name(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip(" \t")
    return str(value)
