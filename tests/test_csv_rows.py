"""The strict CSV reader: RFC 4180 rows and cells, and every departure from it
reported with its row and column rather than read some other way."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planmodel._csv_rows import MAX_CELL, Cell, read_rows


def cells(text: str) -> list[list[str]]:
    rows, problems = read_rows(text)
    assert problems == []
    return [[cell.text for cell in row.cells] for row in rows]


def problems(text: str) -> list[str]:
    return [str(problem) for problem in read_rows(text)[1]]


def test_rows_end_with_lf_or_crlf() -> None:
    assert cells("a,b\n1,2\r\n3,4") == [["a", "b"], ["1", "2"], ["3", "4"]]
    assert cells("a,b\n1,2\n") == [["a", "b"], ["1", "2"]]
    assert cells("a\n\n1\n") == [["a"], [""], ["1"]]  # an empty line is an empty row
    assert cells("") == []


def test_a_quoted_cell_is_kept_exactly() -> None:
    rows, found = read_rows('note,x\n" two\r\nlines, ""quoted"" ",1\n')
    assert found == []
    assert rows[1].cells == (Cell(' two\r\nlines, "quoted" ', quoted=True), Cell("1"))


def test_rows_are_numbered_as_a_spreadsheet_numbers_them() -> None:
    # A cell spanning three lines is one row: the row after it is row 3, not row 5.
    rows, _ = read_rows('note,x\n"a\nb\nc",1\nd,2\n')
    assert [row.number for row in rows] == [1, 2, 3]
    assert problems('note,x\n"a\nb\nc",1\nd,"2\n') == [
        "row 3, column x: the quoted cell opened here (line 5) never closes: a closing "
        "quote is missing, so every later row would be read into this cell"
    ]


def test_a_quote_that_never_closes_is_reported_where_it_opened() -> None:
    # The standard library reads the second row into the first one's note, silently.
    text = 'metric,period,value,note\nrevenue,2023,94,"oops\nrevenue,2024,95,\n'
    assert len(list(csv.reader(io.StringIO(text)))) == 2
    assert problems(text) == [
        "row 2, column note: the quoted cell opened here (line 2) never closes: a closing "
        "quote is missing, so every later row would be read into this cell"
    ]


def test_text_after_a_closing_quote_is_refused() -> None:
    assert problems('a,b\n"x"y,1\n') == [
        "row 2, column a: text after the closing quote ('y'); quote the whole cell and "
        "double the quotes inside it"
    ]
    # A closing quote far below suggests where one is missing.
    assert problems('a,b\n"x,1\n2,"3"\n')[0].endswith(
        "the quoted cell runs from line 2 to line 3: is a closing quote missing earlier?"
    )


def test_a_quote_inside_an_unquoted_cell_is_refused() -> None:
    assert problems('a,b\n5" screen,1\nok,2\n') == [
        "row 2, column a: a quote inside an unquoted cell; quote the whole cell and double "
        'the quotes inside it ("say ""yes""")'
    ]
    rows, _ = read_rows('a,b\n5" screen,1\nok,2\n')
    assert [row.broken for row in rows] == [False, True, False]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("metric,period,value\nrevenue,2023,94\r10\n", "row 2, column value"),  # the case
        ('metric,note\nrevenue,"x"\rmore\n', "row 2, column note"),
        ("metric,value\rrevenue,1\r", "row 1, column 2"),  # a file with old Mac line ends
    ],
)
def test_a_bare_carriage_return_is_refused(text: str, where: str) -> None:
    assert problems(text) == [
        f"{where}: a carriage return (CR) not followed by a line feed; rows end with LF "
        "or CRLF, and a line break inside a cell needs the cell quoted"
    ]


def test_a_bare_carriage_return_inside_quotes_is_text() -> None:
    assert cells('a\n"x\ry"\n') == [["a"], ["x\ry"]]


def test_a_cell_longer_than_a_spreadsheet_holds_is_refused() -> None:
    at_limit = "x" * MAX_CELL
    assert cells(f"a\n{at_limit}\n") == [["a"], [at_limit]]
    assert problems(f"a,b\n1,{at_limit}y\n") == [
        "row 2, column b: a cell of 32,768 characters; a cell holds at most 32,767"
    ]
    # Beyond the standard library's own limit (131,072), which raises _csv.Error.
    assert problems(f'a\n"{"y" * 200_000}"\n') == [
        "row 2, column a: a cell of 200,000 characters; a cell holds at most 32,767"
    ]


_CELL = st.text(st.sampled_from('ab ,"\r\n\t\x1bé'), max_size=6)


@given(st.lists(st.lists(_CELL, min_size=1, max_size=4), min_size=1, max_size=5))
def test_what_the_standard_library_writes_is_read_back_exactly(table: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(table)
    rows, found = read_rows(buffer.getvalue())
    assert found == []
    assert [[cell.text for cell in row.cells] for row in rows] == table
