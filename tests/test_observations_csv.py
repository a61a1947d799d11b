"""Observations from CSV: the header, the cells of each row, and the figures they make.

Every rule that refuses something is shown refusing it with the row and column, and
every reading that keeps text is shown keeping it exactly.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given

from helpers import OBSERVED_PLAN
from mutations import FUZZ, mutated_csv
from planmodel import (
    ArgumentError,
    Distribution,
    Observation,
    ObservationsError,
    load_observations,
)
from planmodel._observations_csv import from_strict_rows
from planmodel._observations_plain import from_plain_lines, plain_lines
from planmodel.periods import PERIOD_FORMS


def problems(text: str) -> list[str]:
    with pytest.raises(ObservationsError) as info:
        load_observations(text, OBSERVED_PLAN)
    return [str(problem) for problem in info.value.problems]


def one(text: str) -> Observation:
    (found,) = load_observations(text, OBSERVED_PLAN)
    return found


# -- the header -----------------------------------------------------------------------------


def test_a_column_named_twice_is_refused_not_half_read() -> None:
    # csv.DictReader keeps the last of the two: 95 would be read, 94 dropped.
    assert problems("metric,period,value,value\ncultural_families,2023,94,95\n") == [
        "row 1, column 'value': column 3 has the same name: a column may appear once, or "
        "one of the two would be dropped"
    ]


def test_header_cells_may_have_spaces_around_them() -> None:
    assert one("metric, period , value\ncultural_families,2023,94\n").value == 94


# -- a likely decimal comma ---------------------------------------------------------------


def test_an_unquoted_decimal_comma_is_refused_with_the_fix() -> None:
    # Read as written, this is 94 with the note "10": a different figure, silently.
    assert problems("metric,period,value,note\ncultural_families,2023,94,10\n") == [
        "row 2, column value: 94,10 looks like one number written with a comma, read as "
        "value 94 and note 10: write numbers with a decimal point and no thousands "
        'separator (94.10), or quote the note ("10") if it is text'
    ]


def test_a_decimal_comma_without_a_column_after_value() -> None:
    assert problems("metric,period,value\ncultural_families,2023,94,10\n") == [
        "row 2, column value: 94,10 looks like one number written with a comma, read as "
        "value 94 and an extra cell 10: write numbers with a decimal point and no "
        "thousands separator (94.10)"
    ]


def test_a_quoted_number_in_the_next_column_is_text() -> None:
    found = one('metric,period,value,note\ncultural_families,2023,94,"10"\n')
    assert (found.value, found.note) == (Decimal(94), "10")


def test_a_quoted_decimal_comma_is_refused_with_a_hint() -> None:
    assert problems('metric,period,value\ncultural_families,2023,"94,10"\n') == [
        "row 2, column value: expected a number, got '94,10'; write numbers with a decimal "
        "point and no thousands separator, e.g. 94.10"
    ]


# -- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["94.10", "-3", "+5", ".5", "5.", "1e6", "1E-3", "1e28"])
def test_numbers_keep_the_digits_they_are_written_with(written: str) -> None:
    found = one(f"metric,period,value\ncultural_families,2023,{written}\n").value
    assert isinstance(found, Decimal)
    assert found.as_tuple() == Decimal(written).as_tuple()


@pytest.mark.parametrize(
    "written",
    [
        "1_000",  # Python reads it as 1000; a spreadsheet would not
        "٩٤",  # Arabic-Indic digits, which Python reads as 94
        "９４",  # fullwidth digits
        "94 10",
        "0x1F",
    ],
)
def test_numbers_are_written_in_ascii_digits(written: str) -> None:
    assert problems(f"metric,period,value\ncultural_families,2023,{written}\n") == [
        f"row 2, column value: expected a number, got {written!r}"
    ]


def test_a_superscript_count_is_refused_not_a_crash() -> None:
    # str.isdigit() accepts "²", and Decimal("²") then raised InvalidOperation.
    assert problems("metric,period,level,count\nparty_orgs,2023,hoan_thanh,²\n") == [
        "row 2, column count: expected a whole number of units, got '²'"
    ]


def test_a_year_in_other_digits_is_refused() -> None:
    assert problems("metric,period,value\ncultural_families,٢٠٢٣,94\n") == [
        f"row 2, column period: expected {PERIOD_FORMS}, got '٢٠٢٣'"
    ]


def test_numbers_of_thousands_of_digits_are_refused_with_their_row() -> None:
    assert problems(f"metric,period,value\ncultural_families,2023,{'9' * 5000}\n") == [
        "row 2, column value: a number of 5000 significant digits has more than planmodel "
        "computes exactly (50)"
    ]
    assert problems(f"metric,period,level,count\nparty_orgs,2023,hoan_thanh,{'9' * 5000}\n") == [
        "row 2, column count: a number of 5000 significant digits has more than planmodel "
        "computes exactly (50)"
    ]


def test_a_long_bad_value_is_shortened_in_the_message() -> None:
    (message,) = problems(f"metric,period,value\ncultural_families,2023,{'x' * 30_000}\n")
    assert (
        message == f"row 2, column value: expected a number, got {'x' * 80!r}…(30,000 characters)"
    )


# -- text cells -------------------------------------------------------------------------------


def test_quoted_text_is_kept_exactly() -> None:
    found = one('metric,period,value,source,note\ncultural_families,2023,94," a ","x\r\n  y "\n')
    assert (found.source, found.note) == (" a ", "x\r\n  y ")


def test_unquoted_text_is_kept_exactly_and_other_cells_lose_their_spaces() -> None:
    # A spreadsheet does not quote " ước" for its space: trimming it would change the note.
    found = one("metric,period,value,note\ncultural_families , 2023 , 94 ,  ước \n")
    assert (found.metric, found.period, found.value, found.note) == (
        "cultural_families",
        2023,
        Decimal(94),
        "  ước ",
    )


def test_a_file_keeps_the_line_ends_of_quoted_text(tmp_path: Path) -> None:
    path = tmp_path / "figures.csv"
    path.write_bytes(b'metric,period,value,note\r\ncultural_families,2023,94,"a\r\nb"\r\n')
    (found,) = load_observations(path, OBSERVED_PLAN)
    assert found.note == "a\r\nb"


def test_a_lone_surrogate_in_text_is_refused_with_its_cell() -> None:
    assert problems('metric,period,value,note\ncultural_families,2023,94,"\ud800"\n') == [
        "row 2, column note: holds a lone surrogate, which is not a character and cannot be written"
    ]


def test_a_distribution_from_quoted_cells() -> None:
    text = 'metric,period,level,count\n"party_orgs","2023","hoan_thanh"," 3"\n'
    assert one(text).value == Distribution(hoan_thanh=3)


# -- the reproducers, end to end --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("metric,period,level,count\nparty_orgs,2023,hoan_thanh,²\n", "row 2, column count"),
        (
            f"metric,period,value,note\ncultural_families,2023,94,{'n' * 140_000}\n",
            "row 2, column note",
        ),
        ("metric,period,value\ncultural_families,2023,94\r10\n", "row 2, column value"),
        ("metric,period,value,value\ncultural_families,2023,94,95\n", "row 1, column 'value'"),
        (
            'metric,period,value,note\ncultural_families,2023,94,"oops\nnew_members,2022,185,\n',
            "row 2, column note",
        ),
        ("metric,period,value,note\ncultural_families,2023,94,10\n", "row 2, column value"),
    ],
    ids=["superscript", "huge cell", "bare CR", "duplicate column", "open quote", "comma"],
)
def test_each_csv_reproducer_is_a_located_error(text: str, where: str) -> None:
    (found,) = problems(text)
    assert found.startswith(f"{where}: ")


# -- text without quotes: read by splitting, as the strict reader would read it ------------

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
LONGBIEN_CSV = (EXAMPLES / "longbien_illustrative.csv").read_text(encoding="utf-8")


def _plainly(text: str) -> tuple[list[Observation], list[str]] | None:
    lines = plain_lines(text)
    return None if lines is None else from_plain_lines(lines)


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_the_long_bien_figures_are_read_plainly_as_the_strict_reader_reads_them(
    line_end: str,
) -> None:
    text = LONGBIEN_CSV.replace("\n", line_end)
    plainly = _plainly(text)
    assert plainly is not None
    assert from_strict_rows(text) == (*plainly, [])
    # The same digits too, which equal decimals need not have (1.0 and 1.00).
    assert repr(from_strict_rows(text)) == repr((*plainly, []))


@FUZZ
@given(mutated_csv(LONGBIEN_CSV))
def test_changed_figures_are_read_plainly_only_as_the_strict_reader_reads_them(
    text: str,
) -> None:
    plainly = _plainly(text)
    if plainly is None:
        return  # read by the strict reader, which names every problem
    assert repr(from_strict_rows(text)) == repr((*plainly, []))


@pytest.mark.parametrize(
    "text",
    [
        'metric,period,value\nrevenue,2023,"1,5"\n',  # a quote: the strict reader reads it
        "metric,period,value\rrevenue,2023,1\r",  # bare CRs
        "",
        "metric,period,value\nrevenue,2023,94,10\n",  # a likely decimal comma: a problem
        "metric,period,value\nrevenue,20x3,1\n",  # a bad period: a problem
        "metric,period,value,source\nrevenue,2023,1,a\ud800\n",  # a lone surrogate
        "metric,period,value\nrevenue,2023,1e99\n",  # beyond the limits
        "metric,period,value\nrevenue,2023," + "1" * 51 + "\n",  # too many digits
    ],
)
def test_text_the_plain_path_does_not_vouch_for_is_left_to_the_strict_reader(text: str) -> None:
    assert _plainly(text) is None


# -- CSV as Excel writes it where the decimal mark is a comma --------------------------------

#: What Excel set to Vietnamese saves as "CSV UTF-8": a byte order mark, semicolons,
#: decimal commas, CRLF line ends, and quotes only around a cell that needs them (one
#: holding a semicolon, a quote or a line break).
EXCEL_VI = (
    "\ufeffmetric;period;value;level;count;source;note\r\n"
    'cultural_families;2023;94,1;;;kinhtedothi.vn;"tỷ lệ đạt 94,10%; ước ""sơ bộ"""\r\n'
    "new_members;2022;185;;;;\r\n"
    "party_orgs;2023;;hoan_thanh_tot;37;;\r\n"
    "party_orgs;2023;;hoan_thanh;2;;\r\n"
    'cultural_families;2022;-0,5;;;;"hai\r\ndòng"\r\n'
)


def semicolon_problems(text: str) -> list[str]:
    with pytest.raises(ObservationsError) as info:
        load_observations(text.encode("utf-8"), OBSERVED_PLAN, csv_dialect="excel-semicolon")
    return [str(problem) for problem in info.value.problems]


def test_the_excel_semicolon_dialect_reads_decimal_commas_exactly() -> None:
    found = list(load_observations(EXCEL_VI.encode("utf-8"), csv_dialect="excel-semicolon"))
    assert [(o.metric, o.period, o.value, o.note) for o in found] == [
        ("cultural_families", 2023, Decimal("94.1"), 'tỷ lệ đạt 94,10%; ước "sơ bộ"'),
        ("new_members", 2022, Decimal("185"), None),
        ("cultural_families", 2022, Decimal("-0.5"), "hai\r\ndòng"),
        ("party_orgs", 2023, Distribution(hoan_thanh_tot=37, hoan_thanh=2), None),
    ]
    assert str(found[0].value) == "94.1"  # the digits as written, the comma a point


def test_a_semicolon_file_without_the_dialect_is_refused_naming_the_option() -> None:
    assert problems(EXCEL_VI) == [
        "row 1: the columns are separated by semicolons, as Excel writes CSV where the "
        "decimal mark is a comma: read the file with csv_dialect='excel-semicolon' (on the "
        "command line --csv-dialect excel-semicolon)"
    ]
    # However its header is quoted, and when Excel names its delimiter on a first line.
    assert len(problems('"metric";"period";"value"\r\nnew_members;2022;185\r\n')) == 1
    assert problems("sep=;\nmetric;period;value\nnew_members;2022;185\n")[0].startswith(
        "row 1: the columns are separated by semicolons"
    )


def test_a_comma_file_read_in_the_semicolon_dialect_is_refused_naming_the_default() -> None:
    assert semicolon_problems("metric,period,value\nnew_members,2022,185\n") == [
        "row 1: the columns are separated by commas: read the file with "
        "csv_dialect='rfc4180' (the default; on the command line --csv-dialect rfc4180)"
    ]


def test_excel_names_its_delimiter_on_a_line_that_is_not_a_row() -> None:
    text = "sep=;\r\nmetric;period;value\r\nnew_members;2022;185\r\nnew_members;2023;x\r\n"
    assert semicolon_problems(text) == ["row 3, column value: expected a number, got 'x'"]
    assert problems("sep=,\nmetric,period,value\nnew_members,2023,x\n") == [
        "row 2, column value: expected a number, got 'x'"
    ]


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        (
            "8.760",
            "; the decimal mark of this file is a comma, so a point can only separate "
            "thousands: write numbers without a thousands separator, e.g. 8760 or 94,10",
        ),
        ("1.234,5", "; the decimal mark of this file is a comma, so a point can only"),
        ("94,10%", "; write a percentage without the % sign, e.g. 94.10 for 94.10%"),
        ("94,1,0", ""),
    ],
)
def test_numbers_in_the_semicolon_dialect_are_refused_rather_than_guessed(
    written: str, hint: str
) -> None:
    (message,) = semicolon_problems(f"metric;period;value\nnew_members;2022;{written}\n")
    assert message.startswith(f"row 2, column value: expected a number, got {written!r}{hint}")


def test_a_date_written_day_first_is_refused_with_the_iso_form() -> None:
    (message,) = semicolon_problems("metric;period;value\nnew_members;31/12/2023;185\n")
    assert message.endswith(
        "got '31/12/2023'; write a date as 2023-12-31 (31/12/2023 is read differently in "
        "different languages)"
    )


def test_the_strict_reader_keeps_its_guarantees_in_the_semicolon_dialect() -> None:
    assert semicolon_problems('metric;period;value;note\nnew_members;2022;185;"open\n') == [
        "row 2, column note: the quoted cell opened here (line 2) never closes: a closing "
        "quote is missing, so every later row would be read into this cell"
    ]
    assert semicolon_problems('metric;period;value;note\nnew_members;2022;185;a "b"\n') == [
        "row 2, column note: a quote inside an unquoted cell; quote the whole cell and "
        'double the quotes inside it ("say ""yes""")'
    ]


def test_an_unknown_dialect_is_an_argument_error() -> None:
    with pytest.raises(ArgumentError) as info:
        load_observations("metric,period,value\n", csv_dialect="excel")
    assert [str(p) for p in info.value.problems] == [
        "csv_dialect: expected one of 'rfc4180', 'excel-semicolon', got 'excel'"
    ]
    with pytest.raises(ArgumentError, match="csv_dialect: applies to CSV only; this is JSON"):
        load_observations(
            '{"schema": "planmodel-observations/1", "observations": []}',
            csv_dialect="excel-semicolon",
        )
