"""Observations from an Excel workbook: the CSV's columns on a sheet, every cell read
as what it holds, every problem named by sheet, row and column.

The workbooks are built here with openpyxl, cell by cell, as a spreadsheet program
would save them; what they must load to is written from the documented rules (a
number cell by its shortest repr, a date shown with its day as its ISO date), and
checked against the same figures written as CSV.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import OBSERVED_PLAN, whole_plans
from planmodel import (
    ArgumentError,
    Distribution,
    Observation,
    ObservationsError,
    Rated,
    load_observations,
)
from planmodel.cli import main
from planmodel.periods import format_period
from planmodel.strategies import observations_for, plans

CSV_TEXT = """metric,period,value,level,count,source,note
cultural_families,2023,94.10,,,kinhtedothi.vn,"tỷ lệ đạt 94,10%"
new_members,2022,185,,,,
mass_orgs,2023,,hoan_thanh_tot,,,
party_orgs,2023-12-31,,hoan_thanh_xuat_sac,10,,
party_orgs,2023-12-31,,hoan_thanh_tot,37,,
"""


def workbook(
    *rows: Sequence[Any], title: str = "Figures", formats: dict[str, str] | None = None
) -> bytes:
    """A workbook whose sheet *title* holds *rows* from A1; *formats* gives cells
    (``"B2"``) a number format."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=number, column=column, value=value)
            if isinstance(value, Number):
                cell.data_type = "n"
    for where, shown in (formats or {}).items():
        sheet[where].number_format = shown
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class Number(str):
    """A number cell holding exactly these digits in the file, as a spreadsheet program
    may write them (openpyxl writes a float with 16 digits only)."""


def problems(content: bytes, **options: Any) -> list[str]:
    with pytest.raises(ObservationsError) as info:
        load_observations(content, OBSERVED_PLAN, **options)
    return [str(problem) for problem in info.value.problems]


HEADER = ("metric", "period", "value", "level", "count", "source", "note")


def test_a_workbook_and_a_csv_with_the_same_figures_load_alike() -> None:
    content = workbook(
        HEADER,
        ("cultural_families", 2023, "94.10", None, None, "kinhtedothi.vn", "tỷ lệ đạt 94,10%"),
        ("new_members", 2022, 185),
        ("mass_orgs", 2023, None, "hoan_thanh_tot"),
        ("party_orgs", dt.date(2023, 12, 31), None, "hoan_thanh_xuat_sac", 10),
        ("party_orgs", dt.date(2023, 12, 31), None, "hoan_thanh_tot", 37),
    )
    from_workbook = list(load_observations(content, OBSERVED_PLAN))
    assert from_workbook == list(load_observations(CSV_TEXT, OBSERVED_PLAN))
    assert str(from_workbook[0].value) == "94.10"  # written as text: its digits kept
    assert from_workbook[-1] == Observation(
        "party_orgs",
        dt.date(2023, 12, 31),
        Distribution(hoan_thanh_xuat_sac=10, hoan_thanh_tot=37),
    )
    assert from_workbook[2].value == Rated("hoan_thanh_tot")


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        (94.1, "94.1"),  # the double nearest 94.1, by its shortest repr
        (Number("0.30000000000000004"), "0.30000000000000004"),  # what the cell holds
        (Number("94.099999999999994"), "94.1"),  # 17 digits of the double nearest 94.1
        (185.0, "185"),  # a whole number without ".0"
        (185, "185"),
        (1e20, "1E+20"),
        (-3.5, "-3.5"),
    ],
)
def test_a_number_cell_is_read_by_its_shortest_repr(cell: float | Number, read: str) -> None:
    (found,) = load_observations(
        workbook(("metric", "period", "value"), ("new_members", 2022, cell))
    )
    assert str(found.value) == read


def test_a_number_format_does_not_add_digits() -> None:
    # 94.10 typed into a cell is the number 94.1, however it is shown.
    content = workbook(
        ("metric", "period", "value"), ("cultural_families", 2023, 94.1), formats={"C2": "0.00"}
    )
    (found,) = load_observations(content)
    assert str(found.value) == "94.1"


def test_true_and_false_are_yes_and_no() -> None:
    content = workbook(("metric", "period", "value"), ("done", 2023, True), ("done", 2024, False))
    assert [figure.value for figure in load_observations(content)] == [True, False]


def test_a_date_shown_with_its_day_is_its_iso_date() -> None:
    content = workbook(
        ("metric", "period", "value", "note"),
        ("new_members", dt.datetime(2021, 1, 1), 200, dt.datetime(2022, 12, 14)),
        formats={"B2": "dd/mm/yyyy", "D2": "d/m/yy"},
    )
    (found,) = load_observations(content)
    assert (found.period, found.note) == (dt.date(2021, 1, 1), "2022-12-14")


@pytest.mark.parametrize(
    "shown", ["mm/yyyy", "mmm-yy", "yyyy", '"Tháng "mm/yyyy', "[$-42A]mmmm yyyy"]
)
def test_a_date_shown_without_its_day_is_refused_not_read_as_the_first(shown: str) -> None:
    content = workbook(
        ("metric", "period", "value"),
        ("new_members", dt.datetime(2025, 7, 1), 200),
        formats={"B2": shown},
    )
    assert problems(content) == [
        f"sheet 'Figures', row 2, column period: a date shown without its day (format "
        f"{shown!r}), which may mean a month or a year; write the period as text (2025-07 "
        "for a month, 2025 for a year) or show the day (2025-07-01)"
    ]


def test_times_and_dates_where_they_do_not_belong_are_refused() -> None:
    content = workbook(
        ("metric", "period", "value", "level"),
        ("new_members", dt.datetime(2025, 7, 1, 8, 30), 200),
        ("new_members", 2024, dt.datetime(2024, 1, 1)),
        ("mass_orgs", 2024, None, dt.time(8, 30)),
    )
    assert problems(content) == [
        "sheet 'Figures', row 2, column period: a date and time (2025-07-01 08:30:00); "
        "expected a date",
        "sheet 'Figures', row 3, column value: a date (2024-01-01); expected a number",
        "sheet 'Figures', row 4, column level: a time (08:30:00); expected text",
    ]


def test_every_problem_names_the_sheet_the_row_and_the_column() -> None:
    content = workbook(
        ("metric", "period", "value", "level", "count"),
        ("cultural_families", 2023, "94,10"),
        (),
        ("cultural_families", 23, 94.1),
        ("party_orgs", 2023, None, "hoan_thanh_tot", "many"),
        ("unknown_metric", 2023, 5),
        title="Số liệu",
    )
    assert problems(content) == [
        "sheet 'Số liệu', row 2, column value: expected a number, got '94,10'; write numbers "
        "with a decimal point and no thousands separator, e.g. 94.10",
        "sheet 'Số liệu', row 4, column period: expected a year (2023), a date (2023-12-31), "
        "a month (2023-12), a quarter (2023-Q4) or a fiscal year (FY2023), got '23'",
        "sheet 'Số liệu', row 5, column count: expected a whole number of units, got 'many'",
        "sheet 'Số liệu', row 6: unknown metric 'unknown_metric'",
    ]


def test_header_problems_are_on_row_1_of_the_sheet() -> None:
    content = workbook(("metric", "perod", "value"), ("new_members", 2022, 185))
    assert problems(content) == [
        "sheet 'Figures', row 1, column 'perod': unknown column; expected: metric, period, "
        "value, level, count, source, note, or breakdown.<dimension>",
        "sheet 'Figures', row 1: missing column 'period'",
    ]
    assert problems(workbook()) == [
        "sheet 'Figures', row 1: missing column 'metric'",
        "sheet 'Figures', row 1: missing column 'period'",
    ]


def test_a_cell_beyond_the_header_is_refused_and_empty_ones_are_not() -> None:
    content = workbook(("metric", "period", "value"), ("new_members", 2022, 185, None, "stray"))
    assert problems(content) == ["sheet 'Figures', row 2: more cells than columns in the header"]
    content = workbook(("metric", "period", "value", None), ("new_members", 2022, 185, None))
    assert len(load_observations(content)) == 1


def test_a_conflict_names_both_rows_of_the_sheet() -> None:
    content = workbook(
        ("metric", "period", "value"), ("new_members", 2022, 185), ("new_members", 2022, 186)
    )
    assert problems(content) == [
        "sheet 'Figures', row 3: new_members for 2022 is 186, but sheet 'Figures', row 2 "
        "gives 185 for 2022"
    ]


def test_an_error_value_is_refused_and_the_row_is_not_taken_for_empty() -> None:
    content = workbook(("metric", "period", "value"), (None, None, "#N/A"))
    assert problems(content) == ["sheet 'Figures', row 2, column value: an error value '#N/A'"]


def _patched(content: bytes, find: str, replace: str) -> bytes:
    """*content* with the first sheet's XML edited: what a spreadsheet program saves
    and openpyxl does not write (a formula with its computed value)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as old, zipfile.ZipFile(out, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                assert find in text
                data = text.replace(find, replace, 1).encode("utf-8")
            new.writestr(item, data)
    return out.getvalue()


def test_a_formula_is_read_by_its_computed_value() -> None:
    content = workbook(("metric", "period", "value"), ("new_members", 2022, "=180+5"))
    assert problems(content) == [
        "sheet 'Figures', row 2, column value: a formula ('=180+5') whose value was never "
        "computed: open and save the file in a spreadsheet program, or paste the values"
    ]
    computed = _patched(content, "<f>180+5</f><v />", "<f>180+5</f><v>185</v>")
    (found,) = load_observations(computed)
    assert found.value == Decimal(185)


def test_a_named_sheet_is_read_and_an_unknown_one_is_an_argument_error(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["nothing here"])
    figures = book.create_sheet("2023")
    figures.append(["metric", "period", "value"])
    figures.append(["new_members", 2022, 185])
    path = tmp_path / "figures.xlsx"
    book.save(path)
    (found,) = load_observations(path, OBSERVED_PLAN, sheet="2023")
    assert found.value == 185
    assert problems(path.read_bytes()) == [
        "sheet 'Notes', row 1, column 'nothing here': unknown column; expected: metric, "
        "period, value, level, count, source, note, or breakdown.<dimension>",
        "sheet 'Notes', row 1: missing column 'metric'",
        "sheet 'Notes', row 1: missing column 'period'",
    ]
    with pytest.raises(ArgumentError) as info:
        load_observations(path, sheet="2024")
    assert str(info.value) == (
        f"{path}: 1 problem found\n  sheet: no sheet named '2024'; the workbook has 'Notes', '2023'"
    )


def test_a_sheet_is_refused_for_what_has_none() -> None:
    with pytest.raises(ArgumentError) as info:
        load_observations(CSV_TEXT, sheet="Figures")
    assert [str(p) for p in info.value.problems] == [
        "sheet: only a workbook has sheets; this is CSV"
    ]


def test_a_workbook_is_told_by_its_suffix_or_its_content(tmp_path: Path) -> None:
    content = workbook(("metric", "period", "value"), ("new_members", 2022, 185))
    for name in ("figures.xlsx", "figures.XLSM", "figures.dat"):
        (tmp_path / name).write_bytes(content)
        assert len(load_observations(tmp_path / name)) == 1
        assert len(load_observations(str(tmp_path / name))) == 1
    assert len(load_observations(content)) == 1
    assert len(load_observations(content, format="xlsx")) == 1


def test_what_is_not_a_workbook_is_a_located_problem(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    [message] = problems(broken.read_bytes())
    assert message.startswith("file: not a readable Excel workbook (.xlsx): ")
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    with pytest.raises(ObservationsError) as info:
        load_observations(old)
    assert str(info.value) == (
        f"{old}: 1 problem found\n  file: an Excel 97-2003 workbook (.xls), which planmodel "
        "does not read: save it as an Excel Workbook (.xlsx) or as CSV UTF-8"
    )
    with pytest.raises(ObservationsError, match="a workbook is read from a file or its bytes"):
        load_observations(CSV_TEXT, format="xlsx")


def test_without_openpyxl_a_workbook_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    content = workbook(("metric", "period", "value"), ("new_members", 2022, 185))
    path = tmp_path / "figures.xlsx"
    path.write_bytes(content)
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    message = (
        "reading figures from an Excel workbook needs openpyxl, which is not installed: "
        'pip install "planmodel[excel]"'
    )
    with pytest.raises(ModuleNotFoundError, match=re.escape(message)):
        load_observations(content)
    plan = tmp_path / "plan.json"
    plan.write_text((Path(__file__).parent / "bad_inputs" / "good-plan.json").read_text("utf-8"))
    assert main(["evaluate", str(plan), str(path)]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", f"planmodel: {message}\n")


# -- the same figures from CSV and from a workbook (property) ---------------------------------


def _csv(figures: list[Observation]) -> str:
    """*figures* as a CSV file, following docs/howto/csv.md."""
    dimensions = sorted({d for figure in figures for d, _ in figure.breakdown.items_tuple})
    lines = [",".join([*HEADER, *(f"breakdown.{d}" for d in dimensions)])]
    for figure in figures:
        cells = _cells(figure)
        for value, level, count in cells:
            members = dict(figure.breakdown.items_tuple)
            row = [
                figure.metric,
                format_period(figure.period),
                value,
                level,
                count,
                figure.source or "",
                figure.note or "",
                *(members.get(d, "") for d in dimensions),
            ]
            lines.append(",".join(f'"{cell}"' if "," in cell else cell for cell in row))
    return "\n".join(lines) + "\n"


def _cells(figure: Observation) -> list[tuple[str, str, str]]:
    value = figure.value
    if isinstance(value, Distribution):
        return [("", level, str(count)) for level, count in value.counts]
    if isinstance(value, Rated):
        return [("", value.level, "")]
    if isinstance(value, bool):
        return [("yes" if value else "no", "", "")]
    return [(str(value), "", "")]


def _workbook_of(figures: list[Observation]) -> bytes:
    """*figures* as a spreadsheet holds them: numbers as number cells, years as
    numbers, days as date cells, yes/no as TRUE/FALSE."""
    dimensions = sorted({d for figure in figures for d, _ in figure.breakdown.items_tuple})
    rows: list[list[Any]] = [[*HEADER, *(f"breakdown.{d}" for d in dimensions)]]
    days = []
    for figure in figures:
        value = figure.value
        period: Any = figure.period
        if isinstance(period, dt.date):
            days.append(len(rows) + 1)
        elif not isinstance(period, int):
            period = format_period(period)
        members = dict(figure.breakdown.items_tuple)
        for shown, level, count in _cells(figure):
            cell: Any = float(value) if isinstance(value, Decimal) else shown or None
            if isinstance(value, bool):
                cell = value
            rows.append(
                [
                    figure.metric,
                    period,
                    cell,
                    level or None,
                    int(count) if count else None,
                    figure.source,
                    figure.note,
                    *(members.get(d) for d in dimensions),
                ]
            )
    return workbook(*rows, formats={f"B{row}": "yyyy-mm-dd" for row in days})


@whole_plans
@given(st.data())
def test_figures_load_alike_from_a_csv_and_from_a_workbook(data: st.DataObject) -> None:
    plan = data.draw(plans(max_targets=3))
    figures = data.draw(observations_for(plan))
    from_csv = load_observations(_csv(figures), plan, format="csv")
    from_workbook = load_observations(_workbook_of(figures), plan)
    assert list(from_workbook) == list(from_csv)
    assert sorted(from_csv, key=repr) == sorted(figures, key=repr)
