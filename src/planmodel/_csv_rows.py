"""Splitting CSV text into rows of cells, strictly.

The standard library's ``csv`` module is lenient where a silent change would follow:
a quote that never closes swallows every later row into one cell, a carriage
return inside an unquoted cell is an exception with no row, and a quoted cell is
not told from an unquoted one. This reader follows RFC 4180 and reports, with the
row and column, whatever does not:

- rows end with LF or CRLF; a bare CR outside quotes is a problem (old Mac files);
- a cell is quoted when it starts with ``"``; inside, ``""`` is one quote, and line
  breaks and spaces are kept exactly; the closing quote must end the cell;
- a ``"`` inside an unquoted cell is a problem (quote the cell, double the quote);
- a quote that never closes is a problem at the row where it opened;
- a cell longer than ``MAX_CELL`` characters is a problem.

Cells are separated by commas, or by the delimiter given: a semicolon, as Excel
writes CSV where the decimal mark is a comma.

Rows are numbered as a spreadsheet numbers them, the header being row 1, so a cell
spanning lines does not shift the numbers of the rows after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import frozen

from ._untrusted import echo
from .errors import Problem

#: The longest cell read, in characters: what a spreadsheet cell holds at most
#: (Excel's limit), and far more than any figure, source or note needs.
MAX_CELL = 32_767

#: The delimiters a CSV file may separate its cells with.
DELIMITERS = (",", ";")


@frozen
class Cell:
    """One cell as written: its text (quotes removed, ``""`` undoubled) and whether
    it was quoted."""

    text: str
    quoted: bool = False


@frozen
class Row:
    """One row: its number (the header is 1), its cells, and whether it has a problem
    (its cells are then not to be read)."""

    number: int
    cells: tuple[Cell, ...]
    broken: bool = False


def _column(header: Sequence[str], index: int) -> str:
    """A column as a message names it: by its header, else by its position."""
    if index < len(header) and header[index]:
        return header[index]
    return str(index + 1)


class _Reader:
    """A cursor over the text, collecting rows and problems."""

    def __init__(self, text: str, delimiter: str = ",") -> None:
        if delimiter not in DELIMITERS:
            raise ValueError(f"expected one of {DELIMITERS} as the delimiter, got {delimiter!r}")
        self.text = text
        self.delimiter = delimiter
        # An unquoted cell runs to the next delimiter, line end or quote; a malformed
        # cell's rest to the next delimiter or line end.
        self.unquoted = re.compile(f'[^{delimiter}\r\n"]*')
        self.rest = re.compile(f"[^{delimiter}\r\n]*")
        self.at = 0
        self.rows: list[Row] = []
        self.problems: list[Problem] = []
        self.header: tuple[str, ...] = ()

    def where(self, row: int, column: int) -> str:
        return f"row {row}, column {_column(self.header, column)}"

    def read(self) -> None:
        text, end = self.text, len(self.text)
        while self.at < end:
            number = len(self.rows) + 1
            cells: list[Cell] = []
            broken = False
            while True:
                cell, ok = self._cell(number, len(cells))
                cells.append(cell)
                broken = broken or not ok
                if self.at >= end:
                    break
                if text[self.at] == self.delimiter:
                    self.at += 1
                    continue
                # The cell ended at a line end (LF or CRLF); a bare CR was reported.
                self.at += 2 if text.startswith("\r\n", self.at) else 1
                break
            if not broken:
                broken = self._oversized(number, cells)
            self.rows.append(Row(number, tuple(cells), broken))
            if number == 1:
                self.header = tuple(cell.text.strip() for cell in cells)

    def _cell(self, row: int, column: int) -> tuple[Cell, bool]:
        """Read one cell from the cursor; leave the cursor on what ends it."""
        text = self.text
        if self.at < len(text) and text[self.at] == '"':
            return self._quoted(row, column)
        found = self.unquoted.match(text, self.at)
        assert found is not None, "the pattern matches the empty string"
        self.at = found.end()
        value = found[0]
        if self.at < len(text) and text[self.at] == '"':
            self.problems.append(
                Problem(
                    self.where(row, column),
                    "a quote inside an unquoted cell; quote the whole cell and double "
                    'the quotes inside it ("say ""yes""")',
                )
            )
            self._skip_cell()
            return Cell(value), False
        if self._at_bare_cr():
            self._bare_cr(row, column)
            return Cell(value), False
        return Cell(value), True

    def _at_bare_cr(self) -> bool:
        return self.text.startswith("\r", self.at) and not self.text.startswith("\r\n", self.at)

    def _bare_cr(self, row: int, column: int) -> None:
        self.problems.append(
            Problem(
                self.where(row, column),
                "a carriage return (CR) not followed by a line feed; rows end with LF "
                "or CRLF, and a line break inside a cell needs the cell quoted",
            )
        )
        # The row's layout past a bare CR is unknown: read on from the next line.
        newline = self.text.find("\n", self.at)
        self.at = len(self.text) if newline == -1 else newline

    def _quoted(self, row: int, column: int) -> tuple[Cell, bool]:
        text, opened = self.text, self.at
        pieces: list[str] = []
        start = self.at + 1
        while True:
            close = text.find('"', start)
            if close == -1:
                self.problems.append(
                    Problem(
                        self.where(row, column),
                        f"the quoted cell opened here (line {_line(text, opened)}) never "
                        "closes: a closing quote is missing, so every later row would be "
                        "read into this cell",
                    )
                )
                self.at = len(text)
                return Cell(text[opened + 1 :], quoted=True), False
            pieces.append(text[start:close])
            if text.startswith('""', close):
                pieces.append('"')
                start = close + 2
                continue
            self.at = close + 1
            break
        value = "".join(pieces)
        if self._at_bare_cr():
            self._bare_cr(row, column)
            return Cell(value, quoted=True), False
        if self.at < len(text) and text[self.at] not in (self.delimiter, "\r", "\n"):
            hint = (
                f"; the quoted cell runs from line {_line(text, opened)} to line "
                f"{_line(text, self.at)}: is a closing quote missing earlier?"
                if "\n" in value
                else ""
            )
            self.problems.append(
                Problem(
                    self.where(row, column),
                    f"text after the closing quote ({echo(self._rest_of_cell())}); "
                    f"quote the whole cell and double the quotes inside it{hint}",
                )
            )
            self._skip_cell()
            return Cell(value, quoted=True), False
        return Cell(value, quoted=True), True

    def _rest_of_cell(self) -> str:
        found = self.rest.match(self.text, self.at)
        assert found is not None
        return found[0]

    def _skip_cell(self) -> None:
        """Move past the rest of a malformed cell, to the delimiter or line end after it."""
        self.at += len(self._rest_of_cell())
        if self._at_bare_cr():
            newline = self.text.find("\n", self.at)
            self.at = len(self.text) if newline == -1 else newline

    def _oversized(self, row: int, cells: list[Cell]) -> bool:
        found = False
        for column, cell in enumerate(cells):
            if len(cell.text) > MAX_CELL:
                self.problems.append(
                    Problem(
                        self.where(row, column),
                        f"a cell of {len(cell.text):,} characters; a cell holds at most "
                        f"{MAX_CELL:,}",
                    )
                )
                found = True
        return found


def _line(text: str, offset: int) -> int:
    """The line (from 1) that character *offset* of *text* is on."""
    return text.count("\n", 0, offset) + 1


def read_rows(text: str, delimiter: str = ",") -> tuple[list[Row], list[Problem]]:
    """Every row of CSV *text*, and every problem found, each with its row and column.

    >>> rows, problems = read_rows('metric,note\\nrevenue," kept\\r\\nexactly "\\n')
    >>> rows[1].cells[1], problems
    (Cell(text=' kept\\r\\nexactly ', quoted=True), [])
    >>> [problem.where for problem in read_rows('metric,value\\nrevenue,"94\\n')[1]]
    ['row 2, column value']
    """
    reader = _Reader(text, delimiter)
    reader.read()
    return reader.rows, reader.problems
