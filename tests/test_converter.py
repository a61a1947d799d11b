"""The strict converter: no silent coercion, tagged unions, and located problems."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Optional

import pytest

from planmodel import (
    AtBaseline,
    Condition,
    Distribution,
    Measure,
    OtherMetric,
    PreviousPeriod,
    Problem,
    Schedule,
    Term,
    Text,
    at_least,
    between,
    by_deadline,
    change_from_previous,
    change_since,
    change_vs,
    count_at,
    every_year,
    over_term,
    value,
)
from planmodel._converter import CONVERTER, Invalid, problems_from, show, structure
from planmodel._json import NonFinite
from planmodel.conditions import CONDITIONS
from planmodel.measures import MEASURES, REFERENCES
from planmodel.periods import PERIOD_FORMS, Period
from planmodel.schedules import SCHEDULES


def problems(document: object, kind: Any) -> list[Problem]:
    found, located = structure(CONVERTER, document, kind)  # type: ignore[arg-type]
    assert found is None, f"expected problems, got {found!r}"
    return located


def structure_as(document: object, kind: Any) -> Any:
    """Structure with a union or alias as the target, which mypy cannot type."""
    return CONVERTER.structure(document, kind)


def one_problem(document: object, kind: Any) -> str:
    (problem,) = problems(document, kind)
    return str(problem)


# -- no silent coercion --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "shown"),
    [(5, "5"), (Decimal("5.5"), "5.5"), (True, "true"), (None, "null"), (["a"], "a list")],
)
def test_a_string_is_not_made_from_anything_else(bad: object, shown: str) -> None:
    # cattrs would str() a number; a number where an id belongs is a mistake in the file.
    with pytest.raises(Invalid, match=f"^expected a string, got {shown}$"):
        CONVERTER.structure(bad, str)


def test_a_nan_literal_is_not_a_string_either() -> None:
    with pytest.raises(Invalid, match=r"^expected a string, got NaN$"):
        CONVERTER.structure(NonFinite("NaN"), str)


@pytest.mark.parametrize(
    ("bad", "shown"),
    [("2020", '"2020"'), (True, "true"), (Decimal("2020.0"), "2020.0"), (2020.0, "2020.0")],
)
def test_a_whole_number_is_only_a_whole_number(bad: object, shown: str) -> None:
    assert one_problem({"first": bad, "last": 2025}, Term) == (
        f"$.first: expected a whole number, got {shown}"
    )


@pytest.mark.parametrize(("bad", "shown"), [(1, "1"), ("true", '"true"'), (None, "null")])
def test_true_or_false_is_only_a_boolean(bad: object, shown: str) -> None:
    assert one_problem({"kind": "at_least", "value": 1, "strict": bad}, Condition) == (
        f"$.strict: expected true or false, got {shown}"
    )


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("95", 'expected a number, got "95"'),
        (True, "expected a number, got true"),
        (None, "expected a number, got null"),
        ([95], "expected a number, got a list"),
        (NonFinite("NaN"), "expected a finite number, got NaN"),
        (NonFinite("-Infinity"), "expected a finite number, got -Infinity"),
    ],
)
def test_a_number_is_only_a_json_number(bad: object, message: str) -> None:
    assert one_problem({"kind": "at_least", "value": bad}, Condition) == f"$.value: {message}"


def test_numbers_keep_their_digits() -> None:
    condition = structure_as({"kind": "at_least", "value": Decimal("7.20")}, Condition)
    assert str(condition.value) == "7.20"
    assert CONVERTER.unstructure(condition, Condition) == {
        "kind": "at_least",
        "value": Decimal("7.20"),
    }


@pytest.mark.parametrize(
    ("bad", "shown"), [(20200820, "20200820"), ("2020-02-30", '"2020-02-30"'), ("2020", '"2020"')]
)
def test_a_date_is_an_iso_string(bad: object, shown: str) -> None:
    with pytest.raises(Invalid, match=f'^expected a date "YYYY-MM-DD", got {shown}$'):
        CONVERTER.structure(bad, dt.date)
    assert CONVERTER.structure("2020-08-20", dt.date) == dt.date(2020, 8, 20)
    assert CONVERTER.unstructure(dt.date(2020, 8, 20)) == "2020-08-20"


@pytest.mark.parametrize(("given", "period"), [(2023, 2023), ("2021-01-01", dt.date(2021, 1, 1))])
def test_a_period_is_a_year_number_or_a_date_string(given: object, period: Period) -> None:
    assert structure_as(given, Period) == period
    assert CONVERTER.unstructure(period, Period) == given


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("2023", 'a year is written as a number (2023), not as text "2023"'),
        (True, f"expected {PERIOD_FORMS}, got true"),
        (1800, "year 1800 is outside 1900-2200"),
        ("1800-01-01", "year 1800 is outside 1900-2200"),
        ("2025-Q5", f'expected {PERIOD_FORMS}, got "2025-Q5"'),
        ("2025-13", "'2025-13': month 13 is outside 1-12"),
    ],
)
def test_a_bad_period_says_what_was_expected(bad: object, message: str) -> None:
    document = {
        "kind": "change",
        "metric": "poor",
        "reference": {"kind": "baseline", "period": bad},
    }
    assert problems(document, Measure) == [Problem("$.reference.period", message)]


# -- text and distributions ----------------------------------------------------------------


def test_text_is_an_object_of_tag_to_string() -> None:
    assert CONVERTER.structure({"vi": "Thu ngân sách"}, Text) == Text(vi="Thu ngân sách")
    assert one_problem("Thu ngân sách", Text) == (
        '$: expected an object of language tag → text, e.g. {"vi": "…", "en": "…"}, '
        'got "Thu ngân sách"'
    )
    assert one_problem({"vi": "Thu ngân sách", "en": 5}, Text) == "$.en: expected a string, got 5"
    assert one_problem({"vi": ""}, Text) == "$: text for 'vi' is empty"


def test_every_bad_translation_is_reported() -> None:
    assert problems({"vi": 5, "en": 6}, Text) == [
        Problem("$.vi", "expected a string, got 5"),
        Problem("$.en", "expected a string, got 6"),
    ]


def test_a_distribution_is_an_object_of_level_to_count() -> None:
    assert CONVERTER.structure({"tot": 40, "ht": 9}, Distribution) == Distribution(ht=9, tot=40)
    assert CONVERTER.unstructure(Distribution(ht=9, tot=40)) == {"ht": 9, "tot": 40}
    assert one_problem([40, 9], Distribution) == (
        "$: expected an object of level → number of units, got a list"
    )
    assert one_problem({"tot": -1}, Distribution) == (
        "$.tot: expected a whole number of units, got -1"
    )
    assert one_problem({"tot": Decimal("1.5")}, Distribution) == (
        "$.tot: expected a whole number of units, got 1.5"
    )
    assert one_problem({}, Distribution) == "$: a distribution needs at least one level"


# -- tagged unions -------------------------------------------------------------------------

EVERY_PIECE: list[tuple[Any, Any]] = [
    (value("revenue"), Measure),
    (change_vs("revenue", "city_estimate"), Measure),
    (change_since("poor", "2021-01-01"), Measure),
    (change_from_previous("revenue"), Measure),
    (count_at("orgs", "tot"), Measure),
    (at_least(95, strict=True), Condition),
    (between(5, 10, better="higher"), Condition),
    (every_year(2021, 2025), Schedule),
    (by_deadline("2025-12-31", baseline="2021-01-01"), Schedule),
    (over_term(), Schedule),
]


@pytest.mark.parametrize(("piece", "union"), EVERY_PIECE)
def test_pieces_carry_their_kind_and_round_trip(piece: Any, union: Any) -> None:
    document = CONVERTER.unstructure(piece, union)
    assert document["kind"] == type(piece).kind
    assert next(iter(document)) == "kind"
    assert structure_as(document, union) == piece


def test_references_carry_their_kind() -> None:
    assert CONVERTER.unstructure(change_since("poor", "2021-01-01"), Measure) == {
        "kind": "change",
        "metric": "poor",
        "reference": {"kind": "baseline", "period": "2021-01-01"},
    }
    assert CONVERTER.unstructure(change_from_previous("revenue"), Measure)["reference"] == {
        "kind": "previous"
    }
    assert {cls.kind for cls in REFERENCES.types()} == {"metric", "baseline", "previous"}
    assert set(REFERENCES.types()) == {OtherMetric, AtBaseline, PreviousPeriod}


def test_defaults_are_left_out_of_the_document() -> None:
    assert CONVERTER.unstructure(at_least(95), Condition) == {
        "kind": "at_least",
        "value": Decimal(95),
    }
    assert CONVERTER.unstructure(by_deadline("2025-12-31"), Schedule) == {
        "kind": "by_deadline",
        "deadline": "2025-12-31",
    }
    assert CONVERTER.unstructure(count_at("orgs", "tot"), Measure) == {
        "kind": "count_at",
        "metric": "orgs",
        "level": "tot",
    }


@pytest.mark.parametrize(
    ("union", "types", "what"),
    [
        (Measure, MEASURES.types(), "measure"),
        (Condition, CONDITIONS.types(), "condition"),
        (Schedule, SCHEDULES.types(), "schedule"),
    ],
)
def test_an_unknown_or_missing_kind_lists_the_known_kinds(
    union: Any, types: tuple[type, ...], what: str
) -> None:
    kinds = ", ".join(sorted(cls.kind for cls in types))  # type: ignore[attr-defined]
    assert one_problem({"kind": "yearly"}, union) == (
        f'$.kind: unknown {what} kind "yearly"; expected one of: {kinds}'
    )
    assert one_problem({"kind": 5}, union) == (
        f"$.kind: unknown {what} kind 5; expected one of: {kinds}"
    )
    assert one_problem({}, union) == (
        f"$.kind: required key missing; a {what} names its kind, one of: {kinds}"
    )
    assert one_problem("yearly", union) == (
        f'$: expected a {what} object with a "kind" ({kinds}), got "yearly"'
    )


def test_optional_pieces_may_be_null() -> None:
    assert structure_as(None, Optional[Measure]) is None


# -- unknown keys and missing keys ---------------------------------------------------------


def test_an_unknown_key_is_refused_with_the_keys_expected() -> None:
    assert problems({"first": 2020, "last": 2025, "frist": 2020}, Term) == [
        Problem("$.frist", "unknown key; expected one of: first, last")
    ]
    assert problems({"kind": "at_least", "value": 1, "strickt": True}, Condition) == [
        Problem(
            "$.strickt", "unknown key; expected one of: kind, value, strict, tolerance, warning"
        )
    ]
    assert problems({"kind": "over_term", "first": 2020}, Schedule) == [
        Problem("$.first", "unknown key; expected one of: kind")
    ]


def test_a_missing_key_is_named() -> None:
    assert problems({"first": 2020}, Term) == [Problem("$.last", "required key missing")]


def test_problems_in_lists_name_the_index_and_every_one_is_found() -> None:
    document = {
        "kind": "all_of",
        "parts": [
            {
                "measure": {"kind": "value", "metric": "a"},
                "condition": {"kind": "at_least", "value": "x"},
            },
            {"measure": None, "condition": {"kind": "at_most"}},
        ],
    }
    assert problems(document, Condition) == [
        Problem("$.parts[0].condition.value", 'expected a number, got "x"'),
        Problem("$.parts[1].condition.value", "required key missing"),
    ]


def test_a_list_is_not_made_from_a_string() -> None:
    # cattrs would iterate the characters of "d1" into ("d", "1").
    assert one_problem({"kind": "all_of", "parts": "ab"}, Condition) == (
        '$.parts: expected a list, got "ab"'
    )


def test_a_list_where_an_object_belongs_says_so() -> None:
    assert problems([2020, 2025], Term) == [Problem("$", "expected an object, got a list")]


def test_a_number_where_an_object_belongs_says_so() -> None:
    document = {"kind": "all_of", "parts": [5, 6]}
    assert problems(document, Condition) == [
        Problem("$.parts[0]", "expected an object, got 5"),
        Problem("$.parts[1]", "expected an object, got 6"),
    ]


def test_a_value_outside_a_fixed_set_lists_the_choices() -> None:
    assert problems({"kind": "between", "lo": 1, "hi": 2, "better": "up"}, Condition) == [
        Problem("$.better", 'expected one of "higher", "lower", got "up"')
    ]
    document = {"kind": "growth", "metric": "revenue", "first": 2020, "last": 2025}
    assert problems({**document, "method": "geometric"}, Measure) == [
        Problem("$.method", 'expected one of "compound", "arithmetic", got "geometric"')
    ]


def test_a_rule_broken_inside_a_piece_is_reported_at_the_piece() -> None:
    assert problems({"kind": "between", "lo": 10, "hi": 5}, Condition) == [
        Problem("$.hi", "lo must not exceed hi, got lo=10, hi=5")
    ]


def test_problems_from_keeps_the_starting_path() -> None:
    with pytest.raises(Exception) as info:  # noqa: PT011 - any structuring error is under test
        CONVERTER.structure({"first": "2020", "last": 2025}, Term)
    assert problems_from(info.value, "$.term") == [
        Problem("$.term.first", 'expected a whole number, got "2020"')
    ]


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        (NonFinite("NaN"), "NaN"),
        ("abc", '"abc"'),
        (True, "true"),
        (False, "false"),
        (None, "null"),
        ({}, "an object"),
        ([], "a list"),
        (Decimal("7.20"), "7.20"),
        (5, "5"),
    ],
)
def test_bad_values_are_shown_as_json(given: object, shown: str) -> None:
    assert show(given) == shown
