"""Metrics and rating scales: what a plan counts, and the ordinal scales it rates on."""

from __future__ import annotations

import pytest

from helpers import PARTY_RATING
from planmodel import (
    Level,
    Metric,
    Observation,
    Plan,
    RatingScale,
    Target,
    Term,
    Text,
    at_least,
    by_deadline,
    evaluate,
    every_year,
    ratio,
    value,
)


def test_a_metric_has_an_id_a_name_a_unit_and_a_better_side() -> None:
    revenue = Metric("revenue", Text(vi="Thu ngân sách"), "billion VND", better="higher")
    assert (revenue.id, revenue.unit, revenue.better, revenue.scale) == (
        "revenue",
        "billion VND",
        "higher",
        None,
    )
    assert Metric("orgs", Text(vi="Tổ chức đảng"), "count").better is None


def test_a_rated_metric_names_its_scale() -> None:
    orgs = Metric("party_orgs", Text(vi="Tổ chức đảng"), "count", scale="party_rating")
    assert orgs.scale == "party_rating"


@pytest.mark.parametrize("better", ["up", "Higher", "", "more"])
def test_better_is_higher_lower_or_none(better: str) -> None:
    with pytest.raises(ValueError, match="better"):
        Metric("revenue", Text(vi="Thu ngân sách"), "billion VND", better=better)  # type: ignore[arg-type]


def test_a_metric_needs_only_an_id() -> None:
    insured = Metric("insured")
    assert (insured.name, insured.unit, insured.better, insured.holds) == (
        None,
        None,
        None,
        "number",
    )
    assert insured.name_in("en") == "insured"


def test_a_metric_is_named_in_the_first_language_it_has() -> None:
    revenue = Metric("revenue", Text(vi="Thu ngân sách", en="Budget revenue"))
    assert revenue.name_in("fr", "en") == "Budget revenue"
    assert Metric("pm25", Text(en="PM2.5")).name_in("zh") == "PM2.5"


def test_figures_of_a_metric_without_name_or_unit_are_shown_by_its_id_as_plain_numbers() -> None:
    plan = Plan(
        id="insured",
        title=Text(en="Health insurance for all"),
        source_language="en",
        term=Term(2020, 2025),
        metrics=[Metric("insured"), Metric("doctors", unit="count"), Metric("wards")],
        targets=[
            Target(
                id="t1",
                text=Text(en="95 insured by the end of 2025"),
                measure=value("insured"),
                condition=at_least(95),
                schedule=by_deadline("2025-12-31", baseline=2020),
            ),
            Target(
                id="t2",
                text=Text(en="At least one doctor per ward"),
                measure=ratio("doctors", "wards", per=1),
                condition=at_least(1),
                schedule=every_year(2021, 2021),
            ),
        ],
    )
    figures = [
        Observation("insured", 2020, 88),
        Observation("insured", 2023, "93.5"),
        Observation("doctors", 2021, 3),
        Observation("wards", 2021, 2),
    ]
    result = evaluate(plan, figures, as_of="2024-03-01")
    assert result.result("t1").explanation["en"] == (
        "2023: insured 93.5 — target at least 95, by 2025-12-31: on track"
    )
    # Without the unit of wards, the quotient's is unknown: a plain number.
    assert result.result("t2").explanation["en"] == (
        "2021: doctors per wards 1.5 — target at least 1, every year 2021-2021: met"
    )


@pytest.mark.parametrize("unit", ["", "  "])
def test_a_unit_given_is_not_empty(unit: str) -> None:
    with pytest.raises(
        ValueError, match="unit: must not be empty \\(use 'count' for plain counts\\)"
    ):
        Metric("revenue", Text(vi="Thu ngân sách"), unit)


@pytest.mark.parametrize("bad_id", ["", "-revenue", "thu ngân sách", "revenue!", "_x"])
def test_a_metric_id_is_an_identifier(bad_id: str) -> None:
    with pytest.raises(ValueError, match=r"^id: .* is not an identifier") as info:
        Metric(bad_id, Text(vi="Thu ngân sách"), "billion VND")
    assert repr(bad_id) in str(info.value)


def test_a_scale_name_must_be_an_identifier_too() -> None:
    with pytest.raises(ValueError, match=r"^scale: 'party rating' is not an identifier"):
        Metric("orgs", Text(vi="Tổ chức đảng"), "count", scale="party rating")


def test_the_name_must_be_text() -> None:
    with pytest.raises(TypeError, match="name"):
        Metric("revenue", "Thu ngân sách", "billion VND")  # type: ignore[arg-type]


def test_levels_are_ranked_from_lowest() -> None:
    assert PARTY_RATING.level_ids == (
        "khong_hoan_thanh",
        "hoan_thanh",
        "hoan_thanh_tot",
        "hoan_thanh_xuat_sac",
    )
    assert PARTY_RATING.rank("khong_hoan_thanh") == 0
    assert PARTY_RATING.rank("hoan_thanh_xuat_sac") == 3
    assert PARTY_RATING.rank("hoan_thanh_tot") > PARTY_RATING.rank("hoan_thanh")
    assert PARTY_RATING.level("hoan_thanh_tot").label["vi"] == "Hoàn thành tốt nhiệm vụ"


def test_an_unknown_level_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        PARTY_RATING.rank("tot")
    with pytest.raises(KeyError):
        PARTY_RATING.level("tot")


def test_levels_given_as_a_list_are_stored_as_a_tuple() -> None:
    scale = RatingScale("party_rating", PARTY_RATING.name, list(PARTY_RATING.levels))
    assert isinstance(scale.levels, tuple)


def test_a_scale_needs_two_levels() -> None:
    with pytest.raises(ValueError, match="levels: a scale needs at least two levels"):
        RatingScale("grade", Text(vi="Xếp loại"), [Level("pass", Text(vi="Đạt"))])


def test_level_ids_are_unique_within_a_scale() -> None:
    with pytest.raises(ValueError, match="levels: duplicate level ids \\['pass'\\]"):
        RatingScale(
            "grade",
            Text(vi="Xếp loại"),
            [Level("pass", Text(vi="Đạt")), Level("pass", Text(vi="Đạt lại"))],
        )


def test_a_level_id_is_an_identifier() -> None:
    with pytest.raises(ValueError, match=r"^id: 'hoàn thành' is not an identifier"):
        Level("hoàn thành", Text(vi="Hoàn thành"))


def test_a_unit_that_cannot_be_written_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^unit: holds a lone surrogate"):
        Metric("revenue", Text(vi="Thu ngân sách"), "t\udcff", "higher")
