"""Reading observations from JSON and CSV, and writing them back as JSON.

Real figures come from data/longbien_reported_figures.md; ratings of party
organisations are illustrative (no public figures exist), and figures marked as
mistakes are deliberately wrong.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, event, given
from hypothesis import strategies as st

from helpers import METRICS, MORE_METRICS, OBSERVED_PLAN, PARTY_LEVEL_LIST, make_plan, whole_plans
from mutations import FUZZ, accepted_numbers, mutated, mutated_csv, same_leaves, to_text
from planmodel import (
    ArgumentError,
    Distribution,
    Observation,
    Observations,
    ObservationsError,
    Plan,
    Problem,
    Rated,
    dumps_observations,
    evaluate,
    load_observations,
    load_plan,
)
from planmodel._json import read_json
from planmodel.observations_io import CSV_COLUMNS, OBSERVATIONS_SCHEMA
from planmodel.periods import PERIOD_FORMS
from planmodel.reports import render_html, render_json, render_markdown, render_text
from planmodel.strategies import observations_for, plans

KINHTEDOTHI = "kinhtedothi.vn"
HANOIMOI = "nhipsonghanoi.hanoimoi.vn"

JSON_TEXT = f"""{{
  "schema": "{OBSERVATIONS_SCHEMA}",
  "observations": [
    {{"metric": "cultural_families", "period": 2023, "value": 94.10,
      "source": "{KINHTEDOTHI}", "note": "tỷ lệ Gia đình văn hóa đạt 94,10%"}},
    {{"metric": "new_members", "period": 2022, "value": 185, "source": "{HANOIMOI}"}},
    {{"metric": "mass_orgs", "period": 2023, "level": "hoan_thanh_tot"}},
    {{"metric": "party_orgs", "period": "2023-12-31",
      "distribution": {{"hoan_thanh_xuat_sac": 10, "hoan_thanh_tot": 37, "hoan_thanh": 2}}}}
  ]
}}
"""

CSV_TEXT = f"""metric,period,value,level,count,source,note
cultural_families,2023,94.10,,,{KINHTEDOTHI},"tỷ lệ Gia đình văn hóa đạt 94,10%"
new_members,2022,185,,,{HANOIMOI},
mass_orgs,2023,,hoan_thanh_tot,,,
party_orgs,2023-12-31,,hoan_thanh_xuat_sac,10,,
party_orgs,2023-12-31,,hoan_thanh_tot,37,,
party_orgs,2023-12-31,,hoan_thanh,2,,
"""

EXPECTED = [
    Observation(
        "cultural_families", 2023, "94.10", KINHTEDOTHI, "tỷ lệ Gia đình văn hóa đạt 94,10%"
    ),
    Observation("new_members", 2022, 185, HANOIMOI),
    Observation("mass_orgs", 2023, Rated("hoan_thanh_tot")),
    Observation(
        "party_orgs",
        dt.date(2023, 12, 31),
        Distribution(hoan_thanh_xuat_sac=10, hoan_thanh_tot=37, hoan_thanh=2),
    ),
]


def errors(source: Any, plan: Plan | None = None, **options: Any) -> ObservationsError:
    with pytest.raises(ObservationsError) as info:
        load_observations(source, plan, **options)
    return info.value


# -- JSON ----------------------------------------------------------------------------------


def test_json_text_gives_numbers_ratings_and_distributions() -> None:
    data = load_observations(JSON_TEXT, OBSERVED_PLAN)
    assert list(data) == EXPECTED
    assert str(data.number("cultural_families", 2023)) == "94.10"
    assert data.locate(3) == "$.observations[3]"


def test_json_from_bytes_a_document_and_files(tmp_path: Path) -> None:
    path = tmp_path / "figures.json"
    path.write_text(JSON_TEXT, encoding="utf-8")
    document, _ = read_json(JSON_TEXT)
    for source in (JSON_TEXT.encode(), document, path, str(path)):
        assert list(load_observations(source, OBSERVED_PLAN)) == EXPECTED


def test_json_problems_name_their_path() -> None:
    text = """{"schema": "planmodel-observations/1", "extra": 1, "observations": [
      {"metric": "new_members", "period": 2022, "value": "185"},
      {"metric": "new_members", "period": 2022},
      {"metric": "new_members", "period": 2022, "value": 185, "level": "hoan_thanh"},
      {"metric": 5, "period": "2022", "value": 185, "sorce": "x"},
      {"metric": "new_members", "period": 2022, "value": NaN},
      {"metric": "party_orgs", "period": 2023, "distribution": {"hoan_thanh": -2}},
      {"metric": "mass_orgs", "period": 2023, "level": "hoàn thành"},
      7
    ]}"""
    assert set(errors(text).problems) == {
        Problem("$.extra", "unknown key; expected one of: schema, observations"),
        Problem("$.observations[0].value", 'expected a number, got "185"'),
        Problem("$.observations[1]", "expected exactly one of value, level, distribution"),
        Problem(
            "$.observations[2]",
            "expected exactly one of value, level, distribution; got value, level",
        ),
        Problem(
            "$.observations[3].sorce",
            "unknown key; expected one of: metric, period, value, level, distribution, "
            "source, note, breakdown",
        ),
        Problem("$.observations[3].metric", "expected a string, got 5"),
        Problem(
            "$.observations[3].period",
            'a year is written as a number (2022), not as text "2022"',
        ),
        Problem("$.observations[4].value", "expected a finite number, got NaN"),
        Problem(
            "$.observations[5].distribution.hoan_thanh",
            "expected a whole number of units, got -2",
        ),
        Problem("$.observations[6].level", '"hoàn thành" is not a level id'),
        Problem("$.observations[7]", "expected an object, got 7"),
    }


def test_json_needs_the_observations_schema() -> None:
    assert errors('{"observations": []}').problems == (
        Problem("$.schema", 'required key missing; expected "planmodel-observations/1"'),
    )
    assert errors('{"schema": "planmodel/1", "observations": []}').problems == (
        Problem(
            "$.schema",
            "unknown schema version 'planmodel/1'; known: planmodel-observations/1",
        ),
    )
    assert errors('{"schema": "planmodel-observations/1"}').problems == (
        Problem("$.observations", "expected a list, got null"),
    )


def test_json_that_is_not_json_gives_the_line_and_column() -> None:
    (problem,) = errors('{"schema": "planmodel-observations/1",\n "observations": [}').problems
    assert problem == Problem("$", "not valid JSON: Expecting value (line 2, column 19)")


# -- CSV -----------------------------------------------------------------------------------


def test_csv_text_gives_the_same_observations_as_json() -> None:
    data = load_observations(CSV_TEXT, OBSERVED_PLAN)
    assert list(data) == EXPECTED
    assert [data.locate(i) for i in range(4)] == ["row 2", "row 3", "row 4", "rows 5, 6, 7"]


def test_csv_files_by_path_str_or_pathlib_with_or_without_a_bom(tmp_path: Path) -> None:
    plain = tmp_path / "figures.csv"
    plain.write_text(CSV_TEXT, encoding="utf-8")
    with_bom = tmp_path / "excel.csv"
    with_bom.write_bytes(codecs.BOM_UTF8 + CSV_TEXT.encode("utf-8"))
    for source in (plain, str(plain), with_bom):
        assert list(load_observations(source, OBSERVED_PLAN)) == EXPECTED


def test_the_format_can_be_named_when_the_file_name_does_not_say(tmp_path: Path) -> None:
    path = tmp_path / "figures.txt"
    path.write_text(CSV_TEXT, encoding="utf-8")
    assert list(load_observations(path, OBSERVED_PLAN, format="csv")) == EXPECTED


def test_a_file_name_that_starts_like_json_is_a_file(tmp_path: Path) -> None:
    # '[2023].csv' was read as JSON text and refused as "not valid JSON".
    path = tmp_path / "[2023].csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    assert list(load_observations(str(path), OBSERVED_PLAN)) == EXPECTED
    error = errors("[2023].csv", OBSERVED_PLAN)
    assert error.subject == "[2023].csv"
    assert "No such file or directory" in error.problems[0].message


@pytest.mark.parametrize("suffix", [".txt", ".dat", ""])
def test_without_a_known_suffix_the_content_tells_the_format(tmp_path: Path, suffix: str) -> None:
    csv_file, json_file = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}x"
    csv_file.write_text(CSV_TEXT, encoding="utf-8")
    json_file.write_bytes(codecs.BOM_UTF8 + b"\n " + JSON_TEXT.encode("utf-8"))
    assert list(load_observations(csv_file, OBSERVED_PLAN)) == EXPECTED
    assert list(load_observations(json_file, OBSERVED_PLAN)) == EXPECTED


def test_bytes_may_be_csv_or_json() -> None:
    assert list(load_observations(CSV_TEXT.encode("utf-8"), OBSERVED_PLAN)) == EXPECTED
    assert list(load_observations(JSON_TEXT.encode("utf-8"), OBSERVED_PLAN)) == EXPECTED


def test_an_unknown_format_is_an_argument_error() -> None:
    with pytest.raises(ArgumentError) as info:
        load_observations(CSV_TEXT, OBSERVED_PLAN, format="ods")
    assert info.value.problems == (
        Problem("format", "expected one of 'json', 'csv', 'xlsx', got 'ods'"),
    )


def test_a_csv_file_that_is_not_utf8_names_the_row(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("metric,period,value,note\nnew_members,2022,185,Biên\n".encode("latin-1"))
    assert errors(path).problems == (
        Problem(
            "row 2", "not UTF-8 text (invalid continuation byte at byte 48); save the file as UTF-8"
        ),
    )


@pytest.mark.parametrize(
    ("note", "message"),
    [
        (
            '"\\ud800"',
            "expected text, got a lone surrogate (\\ud800), which is not a character and "
            "cannot be written as UTF-8",
        ),
        ("NaN", "expected a string, got NaN"),
    ],
)
def test_a_json_note_must_be_text_that_can_be_written(note: str, message: str) -> None:
    text = JSON_TEXT.replace('"source": "nhipsonghanoi.hanoimoi.vn"', f'"note": {note}')
    assert errors(text).problems == (Problem("$.observations[1].note", message),)


def test_csv_columns_may_be_left_out_and_blank_lines_are_skipped() -> None:
    text = "metric,period,value\r\nnew_members,2022,185\r\n,,\r\nnew_members,2023,190\r\n"
    data = load_observations(text, OBSERVED_PLAN)
    assert [o.value for o in data] == [185, 190]
    assert [data.locate(i) for i in range(2)] == ["row 2", "row 4"]
    assert CSV_COLUMNS == ("metric", "period", "value", "level", "count", "source", "note")


def test_csv_problems_name_the_row_and_column() -> None:
    text = (
        "metric,period,value,level,count\n"
        "new_members,2022,abc,,\n"
        "party_orgs,2023,,hoan_thanh,two\n"
        ",2022,185,,\n"
        "new_members,2022,185,hoan_thanh,\n"
        "new_members,2022,,,\n"
        "new_members,22,185,,\n"
        "new_members,2022,NaN,,\n"
        "mass_orgs,2023,,hoàn thành,\n"
        "new_members,2022,185,,,extra\n"
    )
    assert errors(text).problems == (
        Problem("row 2, column value", "expected a number, got 'abc'"),
        Problem("row 3, column count", "expected a whole number of units, got 'two'"),
        Problem("row 4, column metric", "expected a metric id, got ''"),
        Problem("row 5", "give either value, or level (with count for a distribution), not both"),
        Problem("row 6", "no value: fill value, or level (and count)"),
        Problem(
            "row 7, column period",
            f"expected {PERIOD_FORMS}, got '22'",
        ),
        Problem("row 8, column value", "expected a finite number, got 'NaN'"),
        Problem("row 9, column level", "expected a level id, got 'hoàn thành'"),
        Problem("row 10", "more cells than columns in the header"),
    )


def test_a_count_without_a_level_names_the_level_column() -> None:
    text = "metric,period,value,level,count\nparty_orgs,2023,,,3\n"
    assert errors(text).problems == (
        Problem("row 2, column level", "a count needs the level it counts"),
    )


def test_csv_header_problems_are_on_row_1() -> None:
    assert errors("metric,period,valeu\nnew_members,2022,185\n").problems == (
        Problem(
            "row 1, column 'valeu'",
            "unknown column; expected: metric, period, value, level, count, source, note, "
            "or breakdown.<dimension>",
        ),
    )
    assert errors("metric,value\nnew_members,185\n").problems == (
        Problem("row 1", "missing column 'period'"),
    )


def test_a_level_counted_twice_in_a_distribution_is_an_error() -> None:
    text = "metric,period,level,count\nparty_orgs,2023,hoan_thanh,2\nparty_orgs,2023,hoan_thanh,3\n"
    assert errors(text).problems == (
        Problem(
            "row 3, column level",
            "level 'hoan_thanh' of party_orgs for 2023 is already counted",
        ),
    )


def test_a_csv_conflict_names_both_rows() -> None:
    text = (
        "metric,period,value,level,count\n"
        "party_orgs,2023,,hoan_thanh_tot,45\n"
        "party_orgs,2023,,hoan_thanh,4\n"
        "party_orgs,2023,,hoan_thanh_tot,\n"
    )
    assert errors(text).problems == (
        Problem(
            "rows 2, 3",
            "party_orgs for 2023 is {hoan_thanh: 4, hoan_thanh_tot: 45}, "
            "but row 4 gives rated hoan_thanh_tot for 2023",
        ),
    )


# -- against a plan ------------------------------------------------------------------------


def test_misfits_are_located_in_json_and_csv() -> None:
    json_text = """{"schema": "planmodel-observations/1", "observations": [
      {"metric": "new_member", "period": 2022, "value": 185},
      {"metric": "party_orgs", "period": 2023, "value": 49},
      {"metric": "mass_orgs", "period": 2023, "level": "tot"}]}"""
    csv_text = (
        "metric,period,value,level,count\n"
        "new_member,2022,185,,\n"
        "party_orgs,2023,49,,\n"
        "mass_orgs,2023,,tot,\n"
    )
    messages = [
        "unknown metric 'new_member'; did you mean 'new_members'?",
        "party_orgs is rated on scale party_rating, got a number",
        f"unknown level 'tot' of scale party_rating; expected one of {PARTY_LEVEL_LIST}",
    ]
    assert errors(json_text, OBSERVED_PLAN).problems == tuple(
        Problem(f"$.observations[{i}]", message) for i, message in enumerate(messages)
    )
    assert errors(csv_text, OBSERVED_PLAN).problems == tuple(
        Problem(f"row {i + 2}", message) for i, message in enumerate(messages)
    )
    # Without a plan there is nothing to misfit.
    assert len(load_observations(csv_text)) == 3


# -- the acceptance test: three kinds of mistake, one error --------------------------------

# A typo'd metric, a second (deliberately wrong) figure for the same metric and year, and
# a typo'd year; the genuine figures are from data/longbien_reported_figures.md.
ACCEPTANCE_JSON = f"""{{
  "schema": "planmodel-observations/1",
  "observations": [
    {{"metric": "cultural_familes", "period": 2023, "value": 94.10, "source": "{KINHTEDOTHI}"}},
    {{"metric": "new_members", "period": 2022, "value": 185, "source": "{HANOIMOI}"}},
    {{"metric": "new_members", "period": 2022, "value": 158}},
    {{"metric": "cultural_families", "period": 20233, "value": 94.10}}
  ]
}}
"""
ACCEPTANCE_CSV = f"""metric,period,value,source
cultural_familes,2023,94.10,{KINHTEDOTHI}
new_members,2022,185,{HANOIMOI}
new_members,2022,158,
cultural_families,20233,94.10,
"""
UNKNOWN = "unknown metric 'cultural_familes'; did you mean 'cultural_families'?"


def test_acceptance_json_file_lists_all_three_mistakes_in_one_error(tmp_path: Path) -> None:
    path = tmp_path / "figures.json"
    path.write_text(ACCEPTANCE_JSON, encoding="utf-8")
    error = errors(path, OBSERVED_PLAN)
    assert set(error.problems) == {
        Problem("$.observations[0]", UNKNOWN),
        Problem(
            "$.observations[2]",
            "new_members for 2022 is 158, but $.observations[1] gives 185 for 2022",
        ),
        Problem("$.observations[3].period", "year 20233 is outside 1900-2200"),
    }
    assert error.subject == str(path)
    assert str(error).startswith(f"{path}: 3 problems found\n")


def test_acceptance_csv_file_lists_all_three_mistakes_in_one_error(tmp_path: Path) -> None:
    path = tmp_path / "figures.csv"
    path.write_text(ACCEPTANCE_CSV, encoding="utf-8")
    error = errors(path, OBSERVED_PLAN)
    assert set(error.problems) == {
        Problem("row 2", UNKNOWN),
        Problem("row 4", "new_members for 2022 is 158, but row 3 gives 185 for 2022"),
        Problem(
            "row 5, column period",
            f"expected {PERIOD_FORMS}, got '20233'",
        ),
    }
    assert error.subject == str(path)
    assert str(error).startswith(f"{path}: 3 problems found\n")


@pytest.mark.parametrize("name", ["missing.json", "missing.csv"])
def test_a_missing_file_is_an_observations_error_not_an_os_error(tmp_path: Path, name: str) -> None:
    error = errors(tmp_path / name)
    assert not isinstance(error, OSError)
    assert error.subject == str(tmp_path / name)
    (problem,) = error.problems
    assert "No such file or directory" in problem.message


@pytest.mark.parametrize("text", [ACCEPTANCE_CSV, '{"schema": '])
def test_errors_in_text_do_not_repeat_the_text(text: str) -> None:
    error = errors(text, OBSERVED_PLAN)
    assert error.subject == ""
    assert str(error).startswith(f"{len(error.problems)} problem")


# -- writing -------------------------------------------------------------------------------


def test_dumped_observations_are_deterministic_utf8_json() -> None:
    text = dumps_observations(EXPECTED)
    # The same figures read separately from CSV give the same bytes.
    assert dumps_observations(load_observations(CSV_TEXT, OBSERVED_PLAN)) == text
    assert "\\u" not in text
    assert "tỷ lệ Gia đình văn hóa đạt 94,10%" in text
    document, problems = read_json(text)
    assert problems == []
    assert document["schema"] == "planmodel-observations/1"
    assert document["observations"][0] == {
        "metric": "cultural_families",
        "period": 2023,
        "value": Decimal("94.10"),
        "source": KINHTEDOTHI,
        "note": "tỷ lệ Gia đình văn hóa đạt 94,10%",
    }
    assert document["observations"][2] == {
        "metric": "mass_orgs",
        "period": 2023,
        "level": "hoan_thanh_tot",
    }
    assert document["observations"][3] == {
        "metric": "party_orgs",
        "period": "2023-12-31",
        "distribution": {"hoan_thanh": 2, "hoan_thanh_tot": 37, "hoan_thanh_xuat_sac": 10},
    }
    assert '"value": 94.10,' in text


def test_nothing_to_write_is_an_empty_list() -> None:
    assert load_observations(dumps_observations([])).periods("new_members") == ()


@whole_plans
@given(st.data())
def test_dumped_observations_load_back_unchanged(data: st.DataObject) -> None:
    plan = data.draw(plans(max_targets=2))
    items = data.draw(observations_for(plan))
    text = dumps_observations(items)
    loaded = load_observations(text, plan)
    assert list(loaded) == items
    assert dumps_observations(loaded) == text


def test_rows_of_one_distribution_may_not_give_different_sources() -> None:
    # The distribution is one observation with one source: a second row naming another
    # source would otherwise be dropped without a word.
    text = (
        "metric,period,level,count,source\n"
        "party_orgs,2023,hoan_thanh_tot,40,Quận ủy\n"
        "party_orgs,2023,hoan_thanh,9,Báo Hà Nội mới\n"
        "party_orgs,2023,khong_hoan_thanh,0,\n"
    )
    with pytest.raises(ObservationsError) as info:
        load_observations(text)
    assert info.value.problems == (
        Problem("row 3, column source", "differs from row 2: one distribution has one source"),
    )


def test_a_count_too_large_to_compute_with_names_its_row_and_column() -> None:
    text = "metric,period,level,count\nparty_orgs,2023,hoan_thanh_tot," + "9" * 60 + "\n"
    with pytest.raises(ObservationsError) as info:
        load_observations(text)
    assert info.value.problems == (
        Problem(
            "row 2, column count",
            "a number of 60 significant digits has more than planmodel computes exactly (50)",
        ),
    )


# -- fuzzing: mutations of the Long Biên figures, and any CSV a tool writes -----------------

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
LONGBIEN = load_plan(EXAMPLES / "longbien_2020_2025.json")
#: Every kind of figure: numbers, dates, distributions, long quoted notes.
LONGBIEN_CSV = (EXAMPLES / "longbien_illustrative.csv").read_text("utf-8")
LONGBIEN_JSON: dict[str, Any] = read_json(
    dumps_observations(load_observations(LONGBIEN_CSV, LONGBIEN))
)[0]


def _report_on(data: Observations) -> None:
    """Judge and write every report on *data*: nothing may raise."""
    evaluation = evaluate(LONGBIEN, data, "2025-06-30")
    for text in (
        render_text(LONGBIEN, evaluation, color=True),
        render_markdown(LONGBIEN, evaluation, lang="vi"),
        render_html(LONGBIEN, evaluation),
        render_json(evaluation),
    ):
        text.encode("utf-8")


def _load(source: str, **options: Any) -> Observations | ObservationsError:
    try:
        return load_observations(source, LONGBIEN, **options)
    except ObservationsError as error:
        return error


@FUZZ
@given(mutated(LONGBIEN_JSON))
def test_mutated_json_observations_load_exactly_or_are_refused_with_paths(
    document: dict[str, Any],
) -> None:
    text = to_text(document)
    found = _load(text)
    event("refused" if isinstance(found, ObservationsError) else "accepted")
    if isinstance(found, ObservationsError):
        assert found.problems
        assert all(problem.where.startswith("$") for problem in found.problems)
        str(found).encode("utf-8")
        return
    rows = read_json(text)[0]["observations"]
    for index, observation in enumerate(found):
        row = rows[int(found.locate(index).removeprefix("$.observations[").rstrip("]"))]
        written = read_json(dumps_observations([observation]))[0]["observations"][0]
        assert same_leaves(row, written)
        # A null source or note is the schema's other spelling of none: written as absent.
        assert {key for key, item in row.items() if item is not None} == set(written)
    _report_on(found)


def _csv_rows(text: str) -> list[list[str]]:
    """The rows as the standard library reads them, line ends untranslated."""
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


@FUZZ
@given(mutated_csv(LONGBIEN_CSV))
def test_mutated_csv_loads_as_written_or_is_refused_with_rows(text: str) -> None:
    found = _load(text, format="csv")
    event("refused" if isinstance(found, ObservationsError) else "accepted")
    if isinstance(found, ObservationsError):
        assert found.problems
        assert all(problem.where.startswith("row") for problem in found.problems)
        str(found).encode("utf-8")
        return
    # Accepted: the figures are the standard library's reading of the same text.
    rows = _csv_rows(text)
    header = [name.strip() for name in rows[0]]
    for index, observation in enumerate(found):
        where = found.locate(index)
        if isinstance(observation.value, Distribution):
            continue  # gathered from several rows
        cells = dict(zip(header, rows[int(where.removeprefix("row ")) - 1], strict=False))
        assert observation.metric == cells["metric"].strip()
        if isinstance(observation.value, Decimal):
            assert observation.value.as_tuple() == Decimal(cells["value"].strip()).as_tuple()
        assert observation.source == (cells.get("source") or None)
        assert observation.note == (cells.get("note") or None)
    _report_on(found)


_METRICS = ("budget_revenue", "cultured_families", "health_insurance_coverage", "new_party_members")
_WRITTEN_TEXT = st.text(
    st.sampled_from("\x1b\x00\r\n\t ,\"'<>|*_~$#") | st.characters(codec="utf-8"), max_size=10
).filter(lambda text: not text.strip(" \t").isdigit())


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_METRICS),
            st.integers(2020, 2025),
            accepted_numbers(),
            _WRITTEN_TEXT,
            _WRITTEN_TEXT,
        ),
        min_size=1,
        max_size=6,
        unique_by=lambda row: row[:2],
    ),
    st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
)
def test_any_csv_the_standard_library_writes_loads_exactly(
    rows: list[tuple[str, int, Decimal, str, str]], quoting: Any, line_end: str, bom: bool
) -> None:
    # Any text in a note or a source, any accepted number, however the writer quotes:
    # what is read is what was written, to the digit and the character. (With LF line
    # ends the writer leaves a CR in a cell unquoted, which no reader can tell from a
    # line end: such a file is refused, row and column named, as a bare CR.)
    if line_end == "\n":
        assume(not any("\r" in text for row in rows for text in row[3:]))
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=quoting, lineterminator=line_end)
    writer.writerow(["metric", "period", "value", "source", "note"])
    writer.writerows(rows)
    text = ("\ufeff" if bom else "") + buffer.getvalue()
    found = load_observations(text.encode("utf-8"), LONGBIEN, format="csv")
    assert [
        (o.metric, o.period, o.value.as_tuple(), o.source, o.note)  # type: ignore[union-attr]
        for o in found
    ] == [
        (metric, year, value.as_tuple(), source or None, note or None)
        for metric, year, value, source, note in rows
    ]
    _report_on(found)


def test_a_long_unknown_metric_is_shortened_in_the_message() -> None:
    text = JSON_TEXT.replace('"metric": "new_members"', f'"metric": "{"m" * 100_000}"')
    (problem,) = errors(text, OBSERVED_PLAN).problems
    assert problem == Problem(
        "$.observations[1]", f"unknown metric {'m' * 80!r}…(100,000 characters)"
    )


def test_a_file_name_no_system_accepts_is_an_observations_error() -> None:
    error = errors("figures\x00.csv")
    assert error.problems == (Problem("file", "cannot read the file: embedded null byte"),)


# -- breakdowns and yes/no figures ------------------------------------------------------------


def test_breakdowns_and_yes_no_in_csv_and_json_read_alike() -> None:

    plan = make_plan([], metrics=METRICS + MORE_METRICS)
    csv_text = (
        "metric,period,value,breakdown.area,note\n"
        "water,2024,97.2,urban,\n"
        "water,2024,93.1,rural,\n"
        "water,2024,94.5,,the whole country\n"
        "reached,2025-Q3,Có,,\n"
        "reached,2024,no,,\n"
    )
    from_csv = load_observations(csv_text, plan)
    document = {
        "schema": "planmodel-observations/1",
        "observations": [
            {
                "metric": "water",
                "period": 2024,
                "value": Decimal("97.2"),
                "breakdown": {"area": "urban"},
            },
            {
                "metric": "water",
                "period": 2024,
                "value": Decimal("93.1"),
                "breakdown": {"area": "rural"},
            },
            {
                "metric": "water",
                "period": 2024,
                "value": Decimal("94.5"),
                "note": "the whole country",
            },
            {"metric": "reached", "period": "2025-Q3", "value": True},
            {"metric": "reached", "period": 2024, "value": False},
        ],
    }
    from_json = load_observations(document, plan)
    assert sorted(map(repr, from_csv)) == sorted(map(repr, from_json))
    assert from_json.number("water", 2024, (("area", "rural"),)) == Decimal("93.1")
    assert from_json.members("water", "area") == ("rural", "urban")
    # Written back and read again, nothing changes.
    assert list(load_observations(dumps_observations(from_json), plan)) == list(from_json)


def test_a_breakdown_must_fit_the_metric() -> None:

    plan = make_plan([], metrics=METRICS + MORE_METRICS)
    csv_text = (
        "metric,period,value,breakdown.area,breakdown.ward\n"
        "water,2024,97,suburb,\n"
        "coverage,2024,90,urban,\n"
        "water,2024,96,,Bồ Đề\n"
        "reached,2024,97,,\n"
        "coverage,2024,yes,,\n"
    )
    with pytest.raises(ObservationsError) as caught:
        load_observations(csv_text, plan)
    assert [str(p) for p in caught.value.problems] == [
        "row 2: 'suburb' is not a member of water's dimension area (members: urban, rural)",
        "row 3: coverage has no dimension 'area' (its dimensions: none)",
        "row 4: water has no dimension 'ward' (its dimensions: area)",
        "row 5: reached is yes/no, got a number",
        "row 6: coverage is a number (percent), got yes/no",
    ]


def test_a_breakdown_column_names_a_dimension() -> None:
    with pytest.raises(
        ObservationsError, match=r"unknown column; expected: .*breakdown\.<dimension>"
    ):
        load_observations("metric,period,value,breakdown.\nx,2023,1,\n")


def test_figures_for_two_members_do_not_conflict_but_two_for_one_do() -> None:
    rows = "metric,period,value,breakdown.area\nwater,2024,97,urban\nwater,2024,93,rural\n"
    assert len(load_observations(rows)) == 2
    with pytest.raises(ObservationsError, match="water \\(area=urban\\) for 2024 is 96"):
        load_observations(rows + "water,2024,96,urban\n")
