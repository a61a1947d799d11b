"""Observations from a pandas DataFrame with the CSV's columns, and back.

Each cell is read as what it holds (a float by its shortest repr, a Decimal exactly,
an empty cell as empty), each problem named by the row's index label and the
column; the figures must equal the same figures read from CSV.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import OBSERVED_PLAN, whole_plans
from planmodel import ArgumentError, Distribution, Observation, ObservationsError, load_observations
from planmodel.strategies import observations_for, plans
from planmodel.tables import observations_to_pandas

CSV_TEXT = """metric,period,value,level,count,source,note
cultural_families,2023,94.10,,,kinhtedothi.vn,"tỷ lệ đạt 94,10%"
new_members,2022,185,,,,
mass_orgs,2023,,hoan_thanh_tot,,,
party_orgs,2023-12-31,,hoan_thanh_xuat_sac,10,,
party_orgs,2023-12-31,,hoan_thanh_tot,37,,
"""


def problems(frame: pd.DataFrame) -> list[str]:
    with pytest.raises(ObservationsError) as info:
        load_observations(frame, OBSERVED_PLAN)
    return [str(problem) for problem in info.value.problems]


def test_a_dataframe_and_a_csv_with_the_same_figures_load_alike() -> None:
    frame = pd.DataFrame(
        {
            "metric": ["cultural_families", "new_members", "mass_orgs", "party_orgs", "party_orgs"],
            "period": [2023, 2022, 2023, "2023-12-31", "2023-12-31"],
            "value": [Decimal("94.10"), 185, None, None, None],
            "level": [None, None, "hoan_thanh_tot", "hoan_thanh_xuat_sac", "hoan_thanh_tot"],
            "count": [None, None, None, 10, 37],
            "source": ["kinhtedothi.vn", None, None, None, None],
            "note": ["tỷ lệ đạt 94,10%", float("nan"), None, None, None],
        }
    )
    found = list(load_observations(frame, OBSERVED_PLAN))
    assert found == list(load_observations(CSV_TEXT, OBSERVED_PLAN))
    assert str(found[0].value) == "94.10"  # a Decimal is read exactly
    assert found[1].note is None  # NaN: an empty cell
    assert found[-1].value == Distribution(hoan_thanh_xuat_sac=10, hoan_thanh_tot=37)


def test_floats_are_read_by_their_shortest_repr() -> None:
    frame = pd.DataFrame(
        {
            "metric": ["new_members"] * 4,
            "period": [2020, 2021, 2022, 2023],
            "value": [94.1, 0.1 + 0.2, 185.0, 1e20],
        }
    )
    assert [str(figure.value) for figure in load_observations(frame)] == [
        "94.1",
        "0.30000000000000004",
        "185",
        "1E+20",
    ]
    narrow = pd.DataFrame(
        {"metric": ["new_members"], "period": [2023], "value": np.array([94.1], dtype=np.float32)}
    )
    # A float32 by its own shortest repr: 94.1, not the 94.0999984741211 it widens to.
    assert [str(figure.value) for figure in load_observations(narrow)] == ["94.1"]


def test_numpy_integers_booleans_and_nullable_integers() -> None:
    frame = pd.DataFrame(
        {
            "metric": ["done", "done", "party_orgs", "party_orgs"],
            "period": pd.array([2022, 2023, 2023, 2023], dtype="Int64"),
            "value": [np.bool_(True), False, None, None],
            "level": [None, None, "good", "fair"],
            "count": pd.array([pd.NA, pd.NA, 40, 9], dtype="Int64"),
        }
    )
    found = list(load_observations(frame))
    assert [figure.value for figure in found] == [True, False, Distribution(good=40, fair=9)]


def test_dates_and_timestamps_at_midnight_are_iso_dates() -> None:
    frame = pd.DataFrame(
        {
            "metric": ["new_members", "new_members"],
            "period": [pd.Timestamp("2021-01-01"), dt.date(2022, 6, 30)],
            "value": [200, 210],
        }
    )
    assert [figure.period for figure in load_observations(frame)] == [
        dt.date(2021, 1, 1),
        dt.date(2022, 6, 30),
    ]
    frame = pd.DataFrame({"metric": ["new_members"], "period": [pd.Timestamp("2021-01-01 08:00")]})
    frame["value"] = 200
    assert problems(frame) == [
        "index 0, column period: a date and time (2021-01-01 08:00:00); expected a date"
    ]


def test_problems_name_the_index_label_and_the_column() -> None:
    frame = pd.DataFrame(
        {
            "metric": ["cultural_families", "new_members", "new_members", "new_members"],
            "period": [2023, 23, 2022, 2022],
            "value": ["94,10", 185, float("nan"), 186],
        },
        index=[10, 11, 12, 13],
    )
    assert problems(frame) == [
        "index 10, column value: expected a number, got '94,10'; write numbers with a decimal "
        "point and no thousands separator, e.g. 94.10",
        "index 11, column period: expected a year (2023), a date (2023-12-31), a month "
        "(2023-12), a quarter (2023-Q4) or a fiscal year (FY2023), got '23'",
        "index 12: no value: fill value, or level (and count)",  # NaN where a value is needed
    ]
    named = frame.set_axis(["a", "b", "c", "d"])
    assert problems(named)[2] == "index 'c': no value: fill value, or level (and count)"


def test_a_conflict_names_both_index_labels() -> None:
    frame = pd.DataFrame(
        {"metric": ["new_members"] * 2, "period": [2022, 2022], "value": [185, 186]},
        index=["hanoimoi", "kinhtedothi"],
    )
    assert problems(frame) == [
        "index 'kinhtedothi': new_members for 2022 is 186, but index 'hanoimoi' gives 185 for 2022"
    ]


def test_columns_are_checked_as_a_csv_header() -> None:
    frame = pd.DataFrame({"metric": ["new_members"], "year": [2022], "value": [185]})
    assert problems(frame) == [
        "column 'year': unknown column; expected: metric, period, value, level, count, "
        "source, note, or breakdown.<dimension>",
        "columns: missing column 'period'",
    ]


def test_objects_a_cell_cannot_hold_are_refused() -> None:
    frame = pd.DataFrame({"metric": ["new_members"], "period": [2022], "value": [[185]]})
    assert problems(frame) == ["index 0, column value: expected a number, got list [185]"]


def test_a_format_is_refused_with_a_dataframe() -> None:
    frame = pd.DataFrame({"metric": ["new_members"], "period": [2022], "value": [185]})
    with pytest.raises(ArgumentError, match="a DataFrame is read by its columns"):
        load_observations(frame, format="csv")


def _key(figure: Observation) -> Any:
    return repr(figure)


@whole_plans
@given(st.data())
def test_observations_round_trip_through_a_dataframe(data: st.DataObject) -> None:
    plan = data.draw(plans(max_targets=3))
    figures = data.draw(observations_for(plan))
    frame = observations_to_pandas(figures)
    assert frame["value"].dtype == object  # Decimals, never floats
    assert sorted(load_observations(frame, plan), key=_key) == sorted(figures, key=_key)
