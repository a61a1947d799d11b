"""Periods: a year, or a day; a year counts as of its last day."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planmodel.periods import (
    MAX_YEAR,
    MIN_YEAR,
    PERIOD_FORMS,
    Calendar,
    FiscalYear,
    Month,
    Period,
    Quarter,
    check_year,
    format_period,
    period_from_text,
    period_sort_key,
    to_date,
    to_period,
    valid_year,
)

years = st.integers(MIN_YEAR, MAX_YEAR)
days = st.dates(dt.date(MIN_YEAR, 1, 1), dt.date(MAX_YEAR, 12, 31))
periods: st.SearchStrategy[Period] = st.one_of(years, days)


@pytest.mark.parametrize("year", [MIN_YEAR, 2023, MAX_YEAR])
def test_years_within_the_sensible_range_are_accepted(year: int) -> None:
    assert check_year(year) == year


@pytest.mark.parametrize("year", [MIN_YEAR - 1, 202, 20235, MAX_YEAR + 1, -2023])
def test_years_outside_1900_2200_are_refused_as_typos(year: int) -> None:
    with pytest.raises(ValueError, match=f"year {year} is outside 1900-2200"):
        check_year(year)


@pytest.mark.parametrize("not_a_year", [True, "2023", 2023.0, None])
def test_a_year_must_be_a_whole_number(not_a_year: object) -> None:
    with pytest.raises(TypeError, match="expected a year as a whole number"):
        check_year(not_a_year)


def test_dates_are_read_from_iso_text() -> None:
    assert to_date("2021-01-01") == dt.date(2021, 1, 1)
    assert to_date(dt.date(2025, 12, 31)) == dt.date(2025, 12, 31)


@pytest.mark.parametrize("bad", ["2021-1-1", "01/01/2021", "2021-01-01T00:00", " 2021-01-01"])
def test_dates_in_other_shapes_are_refused(bad: str) -> None:
    with pytest.raises(TypeError, match="expected a date YYYY-MM-DD"):
        to_date(bad)


def test_impossible_dates_are_refused() -> None:
    with pytest.raises(
        ValueError, match="'2021-02-30' is not a date: day is out of range for month"
    ):
        to_date("2021-02-30")


def test_a_datetime_is_not_a_date() -> None:
    with pytest.raises(TypeError, match="expected a date, got the datetime"):
        to_date(dt.datetime(2021, 1, 1, 12, 0))


def test_dates_outside_the_sensible_years_are_refused() -> None:
    with pytest.raises(ValueError, match="year 1800 is outside 1900-2200"):
        to_date("1800-01-01")


def test_a_period_is_a_year_or_a_day() -> None:
    assert to_period(2023) == 2023
    assert to_period("2021-01-01") == dt.date(2021, 1, 1)
    assert to_period(dt.date(2021, 1, 1)) == dt.date(2021, 1, 1)


@pytest.mark.parametrize("bad", ["20233", True, 2023.0, "soon", None, "2025-Q0", "FY25"])
def test_anything_else_is_not_a_period(bad: object) -> None:
    with pytest.raises(TypeError, match=re.escape(f"expected {PERIOD_FORMS}")):
        to_period(bad)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2023", 2023),
        ("2025-07", Month(2025, 7)),
        ("2025-Q3", Quarter(2025, 3)),
        ("FY2025", FiscalYear(2025)),
    ],
)
def test_years_months_quarters_and_fiscal_years_are_written_as_text(
    text: str, period: Period
) -> None:
    assert to_period(text) == period
    assert format_period(period) == text


def test_a_period_in_a_csv_cell_may_be_a_bare_year() -> None:
    assert period_from_text("2023") == 2023
    assert period_from_text(" 2023 ") == 2023
    assert period_from_text("2021-01-01") == dt.date(2021, 1, 1)


@pytest.mark.parametrize("bad", ["23", "20233", "2023.0", "", "năm 2023"])
def test_a_csv_period_that_is_neither_is_refused(bad: str) -> None:
    with pytest.raises((TypeError, ValueError)):
        period_from_text(bad)


def test_a_year_counts_as_of_its_last_day() -> None:
    assert Calendar().end(2023) == dt.date(2023, 12, 31)
    assert Calendar().end(dt.date(2021, 1, 1)) == dt.date(2021, 1, 1)


def test_a_year_sorts_with_its_last_day_just_before_it() -> None:
    given_periods: list[Period] = [
        dt.date(2024, 1, 1),
        dt.date(2023, 12, 31),
        2023,
        dt.date(2023, 12, 30),
        2022,
    ]
    ordered = sorted(given_periods, key=period_sort_key)
    assert ordered == [
        2022,
        dt.date(2023, 12, 30),
        2023,
        dt.date(2023, 12, 31),
        dt.date(2024, 1, 1),
    ]


def test_periods_are_written_as_a_year_or_an_iso_date() -> None:
    assert format_period(2023) == "2023"
    assert format_period(dt.date(2021, 1, 1)) == "2021-01-01"


@given(periods)
def test_a_written_period_reads_back_as_itself(period: Period) -> None:
    assert period_from_text(format_period(period)) == period


@given(periods, periods)
def test_sorting_follows_the_time_line(a: Period, b: Period) -> None:
    if Calendar().end(a) < Calendar().end(b):
        assert period_sort_key(a) < period_sort_key(b)
    if period_sort_key(a) == period_sort_key(b):
        assert a == b


def test_the_attrs_validator_names_the_field() -> None:
    @attrs.frozen
    class Span:
        first: int = attrs.field(validator=valid_year)

    assert Span(2020).first == 2020
    with pytest.raises(ValueError, match=r"^first: year 1800 is outside 1900-2200$"):
        Span(1800)
    with pytest.raises(TypeError, match=r"^first: expected a year as a whole number"):
        Span("2020")  # type: ignore[arg-type]
