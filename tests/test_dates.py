"""Dates known to the year, the month or the day: read, checked, ordered, written back
exactly as given."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given

from planmodel import PartialDate
from planmodel.dates import to_partial_date
from planmodel.errors import FieldError
from planmodel.strategies import partial_dates


@pytest.mark.parametrize(
    ("text", "parts", "precision"),
    [
        ("2021", (2021, None, None), "year"),
        ("2021-02", (2021, 2, None), "month"),
        ("2021-02-26", (2021, 2, 26), "day"),
    ],
)
def test_each_form_is_read_and_written_as_given(
    text: str, parts: tuple[int, int | None, int | None], precision: str
) -> None:
    date = PartialDate.parse(text)
    assert (date.year, date.month, date.day) == parts
    assert date.precision == precision
    assert str(date) == date.isoformat() == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2021-13", '"2021-13" is not a date: month 13 is outside 1-12'),
        ("2021-00", '"2021-00" is not a date: month 0 is outside 1-12'),
        ("2021-02-29", '"2021-02-29" is not a date: day 29 is outside 1-28 in 2021-02'),
        ("2021-04-31", '"2021-04-31" is not a date: day 31 is outside 1-30 in 2021-04'),
        ("1850", '"1850" is not a date: year 1850 is outside 1900-2200'),
    ],
)
def test_a_date_that_does_not_exist_is_refused_saying_why(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        PartialDate.parse(text)


@pytest.mark.parametrize(
    "text",
    ["21", "2021-2", "2021-02-3", "20210226", "2021/02", "2021-02-26T10:00", "٢٠٢١", " 2021"],
)
def test_text_of_another_shape_is_refused(text: str) -> None:
    with pytest.raises(TypeError, match=r'^expected a date "YYYY-MM-DD", "YYYY-MM" or "YYYY"'):
        PartialDate.parse(text)


def test_a_day_needs_its_month() -> None:
    with pytest.raises(FieldError, match=r"^day: a day needs its month$"):
        PartialDate(2021, None, 26)


def test_the_29th_of_february_exists_in_leap_years_only() -> None:
    assert PartialDate(2024, 2, 29).last_day == dt.date(2024, 2, 29)
    with pytest.raises(FieldError, match="day 29 is outside 1-28 in 2023-02"):
        PartialDate(2023, 2, 29)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        ("2023-02-14", dt.date(2023, 2, 14), dt.date(2023, 2, 14)),
    ],
)
def test_a_date_spans_the_days_it_may_be(text: str, first: dt.date, last: dt.date) -> None:
    date = PartialDate.parse(text)
    assert (date.first_day, date.last_day) == (first, last)


def test_dates_sort_as_their_text_does() -> None:
    texts = ["2021-02-26", "2021", "2020-12-31", "2021-02", "2021-01"]
    ordered = sorted(PartialDate.parse(text) for text in texts)
    assert [str(date) for date in ordered] == [
        "2020-12-31",
        "2021",
        "2021-01",
        "2021-02",
        "2021-02-26",
    ]


@given(partial_dates(), partial_dates())
def test_order_and_equality_follow_the_text(a: PartialDate, b: PartialDate) -> None:
    assert (a < b) == (str(a) < str(b))
    assert (a == b) == (str(a) == str(b))


@given(partial_dates())
def test_reading_what_is_written_gives_the_same_date(date: PartialDate) -> None:
    assert PartialDate.parse(str(date)) == date
    assert date.first_day <= date.last_day


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-02", PartialDate(2021, 2)),
        (dt.date(2021, 2, 26), PartialDate(2021, 2, 26)),
        (2021, PartialDate(2021)),
        (PartialDate(2021, 2), PartialDate(2021, 2)),
    ],
)
def test_python_callers_may_give_a_date_a_year_or_text(
    value: object, expected: PartialDate
) -> None:
    assert to_partial_date(value) == expected


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (dt.datetime(2021, 2, 26, 10, 0), TypeError),
        (True, TypeError),
        (2021.0, TypeError),
        (21, ValueError),
    ],
)
def test_anything_else_is_refused(value: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        to_partial_date(value)
