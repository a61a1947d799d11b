"""Tables written as an Excel workbook, one sheet a table (extra ``excel``).

A number is written to the file with its exact digits (openpyxl would write the
16-digit rendering of a float), in a number cell whose format shows the digits it
has: 94.10 is shown ``94.10``, not ``94.1``. Excel reads it as a double, keeping 15
significant digits; a number with more is shown with its first 15. Progress is
shown as a percentage. Text is always a text cell, so that a title starting with
``=`` is never taken for a formula.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ._colours import STATUS_COLOURS
from ._extras import require
from ._numbers import plain
from .errors import ArgumentError, Problem
from .status import Status

if TYPE_CHECKING:
    from .tables import Table

#: The most significant digits Excel keeps of a number.
EXCEL_DIGITS = 15
#: The longest text an Excel cell holds.
EXCEL_CELL = 32_767
#: Columns shown as a percentage: progress, 1 at the target.
_PERCENT_COLUMNS = frozenset({"progress"})
#: Columns kept in view when scrolling right: the plan and the target.
_FROZEN = "C2"
_WIDEST = 60
_HEADER_FILL = "#dddddd"
# What XML 1.0, and so a workbook, cannot hold: C0 controls but tab, LF and CR.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def number_format(value: Decimal, *, percent: bool = False) -> str:
    """The format that shows *value* with the digits it has (up to Excel's 15).

    >>> number_format(Decimal("94.10")), number_format(Decimal("185"))
    ('0.00', '0')
    >>> number_format(Decimal("1.046875"), percent=True), number_format(Decimal(1) / 3)
    ('0.0000%', '0.000000000000000')
    """
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int), "only finite numbers are written"
    places = max(0, -exponent)
    if value:
        # Beyond Excel's digits there is nothing to show but zeros.
        places = min(places, max(0, EXCEL_DIGITS - 1 - value.adjusted()))
    if percent:
        places = max(0, places - 2)
    pattern = "0." + "0" * places if places else "0"
    return pattern + "%" if percent else pattern


def _text(value: str, where: str) -> str:
    if len(value) > EXCEL_CELL:
        raise ArgumentError(
            [
                Problem(
                    where,
                    f"a text of {len(value):,} characters; an Excel cell holds at most "
                    f"{EXCEL_CELL:,}",
                )
            ]
        )
    return _ILLEGAL.sub(lambda found: f"\\x{ord(found[0]):02x}", value)


def _fill(openpyxl: Any, colour: str) -> Any:
    """A solid fill of *colour* (``#rrggbb``), opaque."""
    argb = "FF" + colour.lstrip("#").upper()
    return openpyxl.styles.PatternFill(fill_type="solid", start_color=argb, end_color=argb)


def _write_sheet(openpyxl: Any, sheet: Any, name: str, table: Table[Any]) -> None:
    sheet.title = name
    columns = table.columns
    bold = openpyxl.styles.Font(bold=True)
    header_fill = _fill(openpyxl, _HEADER_FILL)
    status_font = openpyxl.styles.Font(bold=True, color="FFFFFFFF")
    status_fills = {status: _fill(openpyxl, colour) for status, colour in STATUS_COLOURS.items()}
    widths = [len(column) for column in columns]
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column)
        cell.font, cell.fill = bold, header_fill
    for number, record in enumerate(table, start=2):
        for index, column in enumerate(columns, start=1):
            value = getattr(record, column)
            if value is None:
                continue
            cell = sheet.cell(row=number, column=index)
            if isinstance(value, Status):
                cell.value = value.value
                cell.fill, cell.font = status_fills[value], status_font
                shown = value.value
            elif isinstance(value, bool):
                cell.value = value
                shown = "TRUE" if value else "FALSE"
            elif isinstance(value, Decimal):
                shown = plain(value)
                # The digits themselves go into the file: a number cell holding text
                # is written as it is, where a Decimal would be written as a float's
                # 16-digit rendering (94.10 as 94.09999999999999).
                cell.value = shown
                cell.data_type = "n"
                cell.number_format = number_format(value, percent=column in _PERCENT_COLUMNS)
            else:
                where = f"sheet {name!r}, row {number}, column {column}"
                cell.value = shown = _text(str(value), where)
                cell.data_type = "s"  # never a formula, whatever it starts with
            # A number is shown with at most Excel's 15 digits, and its sign and point.
            widest = EXCEL_DIGITS + 3 if isinstance(value, Decimal) else _WIDEST
            widths[index - 1] = max(widths[index - 1], min(len(shown), widest))
    for index, width in enumerate(widths, start=1):
        letter = openpyxl.utils.get_column_letter(index)
        # Room for the filter's button beside a header, and for wider fonts than Excel's.
        sheet.column_dimensions[letter].width = width + 4
    sheet.freeze_panes = _FROZEN
    sheet.auto_filter.ref = sheet.dimensions
    # Printed, a sheet is as wide as the page (landscape), its header on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = "1:1"


def workbook(sheets: Sequence[tuple[str, Table[Any]]]) -> bytes:
    """A workbook of one sheet per ``(name, table)``, as the bytes of an .xlsx file."""
    openpyxl = require("openpyxl", "excel", "an Excel workbook")
    require("openpyxl.styles", "excel", "an Excel workbook")
    require("openpyxl.utils", "excel", "an Excel workbook")
    book = openpyxl.Workbook()
    book.properties.creator = "planmodel"
    for index, (name, table) in enumerate(sheets):
        sheet = book.active if index == 0 else book.create_sheet()
        _write_sheet(openpyxl, sheet, name, table)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
