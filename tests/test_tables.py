"""Tables of an evaluation: one record per judgement and per target, as CSV, as an
Excel workbook and as a DataFrame.

The oracle for the records is the evaluation itself, read as the contract describes
it (a target's judgements, its members', the parts of each judgement); the oracle
for the CSV is the standard library's reader with the column types the
documentation states; for the workbook's colours, the HTML report's stylesheet.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sys
import zipfile
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import whole_plans, wide_plan
from planmodel import (
    Evaluation,
    Judgement,
    JudgementRow,
    Observation,
    Plan,
    Status,
    Table,
    Target,
    TargetRow,
    Text,
    achieved,
    all_of,
    at_least,
    at_most,
    by_deadline,
    count_at,
    evaluate,
    every,
    every_year,
    load_observations,
    load_plan,
    lowest_rating,
    part,
    rating_at_least,
    share_at_least,
    value,
)
from planmodel.reports import render_html
from planmodel.strategies import observations_for, plans
from planmodel.tables import observations_to_pandas, to_xlsx

JUDGEMENT_COLUMNS = (
    "plan",
    "target",
    "parent",
    "member",
    "part",
    "period",
    "status",
    "value",
    "level",
    "unit",
    "gap",
    "progress",
    "expected",
    "warning",
    "reason",
    "remark",
    "source",
    "note",
)
TARGET_COLUMNS = (
    "plan",
    "target",
    "parent",
    "member",
    "title",
    "status",
    "period",
    "value",
    "level",
    "unit",
    "progress",
)


def _target(target_id: str, en: str, **fields: Any) -> Target:
    return Target(id=target_id, text=Text(vi=f"chỉ tiêu {target_id}", en=en), **fields)


#: One target of each shape a table lays out: a plain one with a warning level, a
#: sub-target, an ``all of``, one judged across the members of a breakdown, a yes/no
#: milestone and a rating.
PLAN = wide_plan(
    [
        _target(
            "poverty",
            "Poverty rate at most 5%",
            measure=value("poverty_rate"),
            condition=at_most(5, warning=4),
            schedule=every_year(2021, 2023),
        ),
        _target(
            "poverty_cut",
            '=HYPERLINK("x") poverty in 2023',  # text a spreadsheet must not run
            measure=value("poverty_rate"),
            condition=at_most(6),
            schedule=every_year(2023, 2023),
            part_of="poverty",
        ),
        _target(
            "party",
            "95% of organisations rated good; none failing",
            measure=None,
            condition=all_of(
                part(share_at_least("orgs", "tot"), at_least(95)),
                part(count_at("orgs", "kht"), at_most(0)),
            ),
            schedule=every_year(2022, 2023),
        ),
        _target(
            "clean_water",
            "Clean water in every area",
            measure=value("water"),
            condition=at_least(90),
            schedule=every_year(2023, 2023),
            across=every("area"),
        ),
        _target(
            "ntm",
            "Advanced new countryside by 2025",
            measure=value("reached"),
            condition=achieved(),
            schedule=by_deadline("2025-12-31"),
        ),
        _target(
            "front",
            "The Front rated good or better",
            measure=lowest_rating("fronts"),
            condition=rating_at_least("tot"),
            schedule=every_year(2023, 2023),
        ),
    ]
)

FIGURES = [
    Observation("poverty_rate", 2021, "4.5", source="Cục Thống kê"),
    Observation("poverty_rate", 2022, "6.25"),
    Observation("poverty_rate", 2023, "3.10"),
    Observation("orgs", 2022, {"xs": 10, "tot": 40, "kht": 1}),
    Observation("orgs", 2023, {"xs": 20, "tot": 80}),
    Observation("water", 2023, "97.2", breakdown={"area": "urban"}),
    Observation("water", 2023, "88", breakdown={"area": "rural"}),
    Observation("reached", "2024-11-20", True),
    Observation("fronts", 2023, {"tot": 5, "xs": 1}),
]

EVALUATION = evaluate(PLAN, FIGURES, "2024-12-31")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _row(table: Table[Any], **wanted: Any) -> Any:
    found = [row for row in table if all(getattr(row, k) == v for k, v in wanted.items())]
    assert len(found) == 1, (wanted, found)
    return found[0]


# -- the records ------------------------------------------------------------------------


def test_the_columns_are_the_documented_ones() -> None:
    assert EVALUATION.rows().columns == JUDGEMENT_COLUMNS
    assert EVALUATION.target_rows().columns == TARGET_COLUMNS
    # An empty table knows its columns too.
    assert Table(JudgementRow, []).columns == JUDGEMENT_COLUMNS


def test_a_plain_target_gives_one_row_per_period_with_its_figures() -> None:
    rows = [row for row in EVALUATION.rows() if row.target == "poverty"]
    assert [(row.period, row.status, row.value) for row in rows] == [
        ("2021", Status.MET, Decimal("4.5")),
        ("2022", Status.NOT_MET, Decimal("6.25")),
        ("2023", Status.MET, Decimal("3.10")),
    ]
    first, second, third = rows
    assert first.warning is True  # 4.5 is met, past the warning level of 4
    assert third.warning is False
    assert str(third.value) == "3.10"  # the digits as reported
    assert second.gap == Decimal("1.25")
    assert second.unit == "percent"
    assert (first.plan, first.parent, first.member, first.part, first.level) == (
        "test-plan",
        None,
        None,
        None,
        None,
    )


def test_a_sub_target_names_its_parent() -> None:
    row = _row(EVALUATION.rows(), target="poverty_cut")
    assert row.parent == "poverty"


def test_an_all_of_gives_the_whole_and_each_part() -> None:
    rows = [row for row in EVALUATION.rows() if row.target == "party" and row.period == "2022"]
    assert [(row.part, row.status, row.unit) for row in rows] == [
        (None, Status.NOT_MET, None),
        ("1", Status.MET, "percent"),  # 50 of 51 rated good or better: 98.04%
        ("2", Status.NOT_MET, "count"),  # one failing
    ]
    whole, share, failing = rows
    assert whole.value is None
    assert share.value == Decimal(5000) / Decimal(51)
    assert failing.value == 1


def test_a_target_across_members_gives_rows_per_member() -> None:
    rows = [row for row in EVALUATION.rows() if row.target == "clean_water"]
    assert [(row.member, row.status, row.value) for row in rows] == [
        ("urban", Status.MET, Decimal("97.2")),
        ("rural", Status.NOT_MET, Decimal("88")),
    ]


def test_yes_no_figures_and_ratings_have_their_own_columns() -> None:
    ntm = _row(EVALUATION.rows(), target="ntm")
    assert (ntm.value, ntm.level, ntm.unit) == (True, None, "yes/no")
    front = _row(EVALUATION.rows(), target="front")
    assert (front.value, front.level, front.unit, front.status) == (
        None,
        "tot",
        "rating",
        Status.MET,
    )


def test_reasons_and_remarks_are_said_in_the_language_asked_for() -> None:
    plan = load_plan(EXAMPLES / "longbien_2020_2025.json")
    figures = load_observations(EXAMPLES / "longbien_observations.csv", plan)
    evaluation = evaluate(plan, figures, "2025-06-30")
    english = _row(evaluation.rows(), target="T1", period="2021")
    vietnamese = _row(evaluation.rows(lang="vi"), target="T1", period="2021")
    assert english.status is vietnamese.status is Status.NO_DATA
    assert english.reason == "no figure for budget revenue in 2021"
    assert vietnamese.reason == "chưa có số liệu thu ngân sách năm 2021"
    assert _row(evaluation.target_rows(lang="vi"), target="T1").title.startswith(
        "Thu ngân sách hàng năm"
    )


def test_target_rows_give_each_target_and_member_its_status_and_latest_figure() -> None:
    table = EVALUATION.target_rows()
    assert [(row.target, row.member, row.status) for row in table] == [
        (result.target, None, result.status) for result in EVALUATION.targets[:3]
    ] + [
        ("clean_water", None, EVALUATION.result("clean_water").status),
        ("clean_water", "urban", Status.MET),
        ("clean_water", "rural", Status.NOT_MET),
        ("ntm", None, EVALUATION.result("ntm").status),
        ("front", None, Status.MET),
    ]
    poverty = _row(table, target="poverty")
    assert (poverty.title, poverty.period, poverty.value, poverty.unit) == (
        "Poverty rate at most 5%",
        "2023",
        Decimal("3.10"),
        "percent",
    )
    party = _row(table, target="party")
    assert (party.period, party.value) == ("2023", None)  # an all of has no one figure
    water = _row(table, target="clean_water", member=None)
    assert water.period is None
    assert _row(table, target="clean_water", member="rural").value == Decimal("88")


def test_a_table_is_an_immutable_sequence_of_one_kind_of_record() -> None:
    table = EVALUATION.rows()
    assert len(table) == len(list(table))
    assert table[0] == next(iter(table))
    assert table[1:3] == Table(JudgementRow, list(table)[1:3])
    with pytest.raises(AttributeError):
        table.rows = ()  # type: ignore[misc]
    another: Any = EVALUATION.target_rows()[0]
    with pytest.raises(TypeError, match="expected JudgementRow records"):
        Table(JudgementRow, [another])


def test_records_check_what_they_hold() -> None:
    with pytest.raises(TypeError):
        JudgementRow(plan="p", target="t", status="met", value=1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'late' is not a valid Status"):
        JudgementRow(plan="p", target="t", status="late")
    assert JudgementRow(plan="p", target="t", status="met").status is Status.MET


def test_an_evaluation_without_its_plan_cannot_make_a_table() -> None:
    bare = Evaluation(EVALUATION.plan, EVALUATION.as_of, EVALUATION.targets)
    with pytest.raises(ValueError, match="does not hold the plan it judged"):
        bare.rows()


# -- rows agree with the evaluation (property) --------------------------------------------


def _judgements(judgement: Judgement, part: str | None) -> Iterator[tuple[str | None, Judgement]]:
    yield part, judgement
    for index, one in enumerate(judgement.parts, start=1):
        yield from _judgements(one, f"{part}.{index}" if part else str(index))


def _numbers(item: Judgement | JudgementRow) -> tuple[Any, ...]:
    return (item.gap, item.progress, item.expected, item.warning)


def _expected(evaluation: Evaluation) -> list[tuple[Any, ...]]:
    """Every judgement of *evaluation*, once: the target's, each member's, each part's."""
    found = []
    for result in evaluation.targets:
        series: list[tuple[str | None, Sequence[Judgement]]] = [
            (m.member, m.judgements) for m in result.members
        ] or [(None, result.judgements)]
        for member, judgements in series:
            for judgement in judgements:
                for place, one in _judgements(judgement, None):
                    figure = one.value if not isinstance(one.value, str) else None
                    level = one.value if isinstance(one.value, str) else None
                    found.append(
                        (
                            result.target,
                            member,
                            place,
                            one.period,
                            one.status,
                            figure,
                            level,
                            *_numbers(one),
                        )
                    )
    return found


@whole_plans
@given(st.data())
def test_every_judgement_appears_once_with_its_status(data: st.DataObject) -> None:
    plan = data.draw(plans(max_targets=4))
    evaluation = evaluate(plan, data.draw(observations_for(plan)), dt.date(plan.term.last, 6, 30))
    table = evaluation.rows()
    assert [
        (
            row.target,
            row.member,
            row.part,
            row.period,
            row.status,
            row.value,
            row.level,
            *_numbers(row),
        )
        for row in table
    ] == [
        (target, member, part, _period_text(period), *rest)
        for target, member, part, period, *rest in _expected(evaluation)
    ]
    targets = evaluation.target_rows()
    assert [(row.target, row.member, row.status) for row in targets] == [
        (result.target, member.member if member else None, (member or result).status)
        for result in evaluation.targets
        for member in (None, *result.members)
    ]


def _period_text(period: object) -> str | None:
    if period is None:
        return None
    if isinstance(period, dt.date):
        return period.isoformat()
    return str(period)


# -- CSV ----------------------------------------------------------------------------------

#: How the documentation says each column is written: numbers with a decimal point,
#: yes/no as true/false, a status as its JSON string, anything missing empty.
_NUMBERS = {"gap", "progress", "expected"}


def _read_cell(column: str, text: str) -> Any:
    if text == "":
        return False if column == "warning" else None
    if column == "warning":
        return {"true": True, "false": False}[text]
    if column == "value" and text in ("true", "false"):
        return text == "true"
    if column in _NUMBERS or column == "value":
        return Decimal(text)
    return text


def _read_csv(text: str, record: type[Any]) -> Table[Any]:
    """The table in CSV *text*, read with the standard library by the documented types."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    return Table(
        record,
        [
            record(**{c: _read_cell(c, cell) for c, cell in zip(header, row, strict=True)})
            for row in reader
        ],
    )


def test_csv_is_a_header_and_one_line_per_record() -> None:
    text = EVALUATION.rows().to_csv()
    lines = text.split("\n")
    assert lines[0] == ",".join(JUDGEMENT_COLUMNS)
    # The figure's source follows the judgement; it has no note.
    assert lines[1] == "test-plan,poverty,,,,2021,met,4.5,,percent,0,,,true,,,Cục Thống kê,"
    assert lines[-1] == ""  # the last row ends with a line feed too
    assert len(lines) == len(EVALUATION.rows()) + 2
    # The share of organisations rated good, written to the last digit, never 9.6E+1.
    share = _row(EVALUATION.rows(), target="party", period="2022", part="1")
    assert f",{share.value:f}," in text
    assert "E+" not in text


def test_csv_quotes_what_needs_quoting() -> None:
    text = EVALUATION.target_rows().to_csv()
    assert ',"=HYPERLINK(""x"") poverty in 2023",' in text


def test_csv_reads_back_to_the_same_records() -> None:
    for table in (EVALUATION.rows(), EVALUATION.target_rows(), EVALUATION.rows(lang="vi")):
        assert _read_csv(table.to_csv(), table.record) == table


@whole_plans
@given(st.data())
def test_any_table_written_to_csv_reads_back_the_same(data: st.DataObject) -> None:
    plan = data.draw(plans(max_targets=4))
    evaluation = evaluate(plan, data.draw(observations_for(plan)), dt.date(plan.term.last, 6, 30))
    lang = data.draw(st.sampled_from(["en", "vi"]))
    for table in (evaluation.rows(lang), evaluation.target_rows(lang)):
        assert _read_csv(table.to_csv(), table.record) == table


# -- pandas -------------------------------------------------------------------------------


def test_a_dataframe_keeps_the_decimals_as_objects() -> None:
    frame = EVALUATION.to_pandas()
    table = EVALUATION.rows()
    assert list(frame.columns) == list(JUDGEMENT_COLUMNS)
    assert len(frame) == len(table)
    for column in ("value", "gap", "progress", "expected"):
        assert frame[column].dtype == object
        assert list(frame[column]) == [getattr(row, column) for row in table]
    assert str(frame["value"][2]) == "3.10"  # not the float 3.1
    assert frame["warning"].dtype == bool
    assert list(frame["status"]) == [row.status.value for row in table]
    assert type(frame["status"][0]) is str
    assert frame["member"][0] is None
    # Converting for a plot is one call, a missing value becoming NaN.
    assert frame["gap"].astype(float).isna().sum() == sum(row.gap is None for row in table)


def test_a_dataframe_of_target_rows_and_of_an_empty_table() -> None:
    frame = EVALUATION.target_rows().to_pandas()
    assert list(frame["target"])[:2] == ["poverty", "poverty_cut"]
    empty = Table(TargetRow, []).to_pandas()
    assert list(empty.columns) == list(TARGET_COLUMNS)
    assert len(empty) == 0


def test_observations_as_a_dataframe_read_back_the_same() -> None:
    frame = observations_to_pandas(FIGURES)
    assert list(frame.columns) == [
        "metric",
        "period",
        "value",
        "level",
        "count",
        "source",
        "note",
        "breakdown.area",
    ]
    orgs = frame[frame["metric"] == "orgs"]
    assert list(zip(orgs["period"], orgs["level"], orgs["count"], strict=True)) == [
        ("2022", "kht", 1),
        ("2022", "tot", 40),
        ("2022", "xs", 10),
        ("2023", "tot", 80),
        ("2023", "xs", 20),
    ]
    assert (frame["value"][0], frame["source"][0]) == (Decimal("4.5"), "Cục Thống kê")
    assert sorted(load_observations(frame, PLAN), key=repr) == sorted(FIGURES, key=repr)


# -- Excel --------------------------------------------------------------------------------


def _workbook(evaluation: Evaluation = EVALUATION, lang: str = "en") -> Any:
    return openpyxl.load_workbook(io.BytesIO(to_xlsx(evaluation, lang)))


def _html_colours() -> dict[str, str]:
    """The background of each status in the HTML report's stylesheet."""
    page = render_html(PLAN, EVALUATION)
    return {
        status: colour.upper()
        for status, colour in re.findall(r"\.s-(\w+) \{ background: #([0-9a-fA-F]{6}); \}", page)
    }


def test_a_workbook_has_a_sheet_per_table_with_a_frozen_header_and_a_filter() -> None:
    book = _workbook()
    assert book.sheetnames == ["judgements", "targets"]
    for sheet, columns, table in (
        (book["judgements"], JUDGEMENT_COLUMNS, EVALUATION.rows()),
        (book["targets"], TARGET_COLUMNS, EVALUATION.target_rows()),
    ):
        assert tuple(cell.value for cell in sheet[1]) == columns
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.max_row == len(table) + 1
        assert sheet.freeze_panes == "C2"
        assert sheet.auto_filter.ref == sheet.dimensions


def test_status_cells_are_coloured_as_in_the_html_report() -> None:
    colours = _html_colours()
    assert set(colours) == {status.value for status in Status}
    sheet = _workbook()["judgements"]
    status_column = JUDGEMENT_COLUMNS.index("status") + 1
    seen = set()
    for (cell,) in sheet.iter_rows(min_row=2, min_col=status_column, max_col=status_column):
        assert cell.fill.fill_type == "solid"
        assert cell.fill.fgColor.rgb == "FF" + colours[cell.value]
        assert cell.font.color.rgb == "FFFFFFFF"
        seen.add(cell.value)
    assert {"met", "not_met"} <= seen


def test_numbers_are_number_cells_shown_with_their_digits() -> None:
    sheet = _workbook()["judgements"]
    columns = {name: index for index, name in enumerate(JUDGEMENT_COLUMNS)}
    rows = {
        (
            row[columns["target"]].value,
            row[columns["period"]].value,
            row[columns["part"]].value,
        ): row
        for row in sheet.iter_rows(min_row=2)
    }
    poverty = rows["poverty", "2023", None]
    cell = poverty[columns["value"]]
    assert (cell.data_type, cell.value, cell.number_format) == ("n", 3.1, "0.00")
    share = rows["party", "2022", "1"]
    progress = share[columns["progress"]]
    assert (progress.data_type, progress.number_format[-1]) == ("n", "%")
    flag = rows["ntm", "2024-11-20", None][columns["value"]]
    assert (flag.data_type, flag.value) == ("b", True)
    assert poverty[columns["warning"]].value is False


def test_the_file_holds_every_digit_of_a_number() -> None:
    with zipfile.ZipFile(io.BytesIO(to_xlsx(EVALUATION))) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    share = _row(EVALUATION.rows(), target="party", period="2022", part="1").value
    assert f"<v>{share:f}</v>" in sheet  # 96.15384615384615384615384615, all 28 digits
    assert "<v>3.10</v>" in sheet


def test_text_is_never_a_formula_and_control_characters_are_escaped() -> None:
    plan = wide_plan(
        [
            _target(
                "t",
                "a bell \x07 rings",
                measure=value("poverty_rate"),
                condition=at_most(5),
                schedule=every_year(2023, 2023),
            )
        ]
    )
    book = _workbook(evaluate(plan, [], "2024-01-01"))
    assert book["targets"]["E2"].value == "a bell \\x07 rings"
    titles = _workbook()["targets"]
    cell = titles["E3"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("x") poverty in 2023', "s")


def test_a_workbook_in_vietnamese() -> None:
    sheet = _workbook(lang="vi")["targets"]
    assert sheet["E2"].value == "chỉ tiêu poverty"


# -- without the extras -------------------------------------------------------------------


def test_without_openpyxl_a_workbook_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ModuleNotFoundError, match=r'pip install "planmodel\[excel\]"'):
        to_xlsx(EVALUATION)


def test_without_pandas_a_dataframe_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ModuleNotFoundError, match=r'pip install "planmodel\[pandas\]"'):
        EVALUATION.to_pandas()
    with pytest.raises(ModuleNotFoundError, match=r'pip install "planmodel\[pandas\]"'):
        observations_to_pandas(FIGURES)


def test_plans_from_the_examples_make_tables_in_both_languages() -> None:
    plan: Plan = load_plan(EXAMPLES / "vietnam_2021_2025.json")
    figures = load_observations(EXAMPLES / "vietnam_observations.csv", plan)
    evaluation = evaluate(plan, figures, "2025-06-30")
    for lang in ("en", "vi"):
        table = evaluation.rows(lang)
        assert _read_csv(table.to_csv(), JudgementRow) == table
        assert len(pd.DataFrame(evaluation.to_pandas(lang))) == len(table)
        assert _workbook(evaluation, lang)["judgements"].max_row == len(table) + 1
