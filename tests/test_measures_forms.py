"""Measures real plans add: ratios per N, change forms, averages, measures of measures,
differences, counts at or above a level, one member of a breakdown, yes/no figures.

Every figure is worked out by hand in a comment (semantics §2, measures).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import obs, one_wide_target, result_of
from planmodel import (
    Condition,
    Judgement,
    Measure,
    Observation,
    PlanValidationError,
    Status,
    achieved,
    at_least,
    average,
    change_from_previous,
    change_since,
    count_at_least,
    difference,
    every_year,
    exactly,
    growth,
    over_term,
    ratio,
    select,
    total,
    value,
)
from planmodel.strategies import decimals
from planmodel.words import say

AS_OF = "2031-01-01"


def judged(
    measure: Measure,
    figures: Sequence[Observation],
    period: int = 2021,
    condition: Condition | None = None,
) -> Judgement:
    """The judgement of *measure* for *period* (the span's last year for spans)."""
    schedule = over_term() if measure.span() is not None else every_year(period, period)
    if condition is None:
        condition = achieved() if measure == value("reached") else exactly(0)
    plan = one_wide_target(measure, condition, schedule)
    found = result_of(plan, figures, AS_OF)
    assert len(found.judgements) == 1
    return found.judgements[0]


def reading(measure: Measure, figures: Sequence[Observation], period: int = 2021) -> object:
    found = judged(measure, figures, period)
    assert found.status is not Status.NO_DATA, found.reason
    return found.value


def reason(measure: Measure, figures: Sequence[Observation], period: int = 2021) -> str:
    found = judged(measure, figures, period)
    assert found.status is Status.NO_DATA
    assert found.reason is not None
    schedule = over_term() if measure.span() is not None else every_year(period, period)
    return say(found.reason, "en", one_wide_target(measure, exactly(0), schedule))


# -- ratios per N ---------------------------------------------------------------------------


def test_doctors_per_ten_thousand_people() -> None:
    # "Có 10 bác sĩ/1 vạn dân": 98,000 doctors for 98.5 million people is
    # 98,000 × 10,000 / 98,500,000 = 9.949238578680203045685279188 per 10,000.
    figures = [obs("doctors", 2021, 98_000), obs("population", 2021, 98_500_000)]
    assert reading(ratio("doctors", "population", per=10_000), figures) == Decimal(
        "9.949238578680203045685279188"
    )


@pytest.mark.parametrize(("per", "expected"), [(1, "0.25"), (100, "25"), (1000, "250")])
def test_per_scales_the_same_quotient(per: int, expected: str) -> None:
    figures = [obs("doctors", 2021, 1), obs("population", 2021, 4)]
    assert reading(ratio("doctors", "population", per=per), figures) == Decimal(expected)


@given(decimals(1, 10**6, 2), decimals(1, 10**6, 2), st.sampled_from([10, 1000, 10**5, 10**6]))
def test_per_scales_exactly(top: Decimal, bottom: Decimal, per: int) -> None:
    figures = [obs("doctors", 2021, top), obs("population", 2021, bottom)]
    plain = reading(ratio("doctors", "population", per=1), figures)
    scaled = reading(ratio("doctors", "population", per=per), figures)
    assert isinstance(plain, Decimal)
    assert isinstance(scaled, Decimal)
    # Both are one rounding of the exact quotient, to 28 significant digits.
    assert abs(scaled - plain * per) <= abs(scaled) * Decimal("1e-26")


def test_per_must_be_a_power_of_ten() -> None:
    with pytest.raises(ValueError, match="expected one of 1, 10, 100"):
        ratio("doctors", "population", per=250)


def test_a_ratio_per_n_is_said_per_n_never_as_percent() -> None:
    plan = one_wide_target(
        ratio("doctors", "population", per=10_000), at_least(10), every_year(2021, 2021)
    )
    assert plan.targets[0].describe(plan, "en") == (
        "doctors per 10,000 population at least 10 per 10,000, every year 2021-2021"
    )
    per_mille = one_wide_target(
        ratio("doctors", "population", per=1000), at_least(2), every_year(2021, 2021)
    )
    assert "at least 2‰" in per_mille.targets[0].describe(per_mille, "en")
    each = one_wide_target(ratio("gdp", "population", per=1), at_least(2), every_year(2021, 2021))
    assert "at least 2 billion VND/people" in each.targets[0].describe(each, "en")


# -- change forms -----------------------------------------------------------------------------


def test_a_change_in_percentage_points() -> None:
    # "giảm 1 - 1,5 điểm phần trăm mỗi năm": 5.2% → 4.1% is −1.1 points (relative: −21.15…%).
    figures = [obs("poverty_rate", 2020, "5.2"), obs("poverty_rate", 2021, "4.1")]
    assert reading(change_from_previous("poverty_rate", form="difference"), figures) == Decimal(
        "-1.1"
    )
    assert reading(change_from_previous("poverty_rate"), figures) == Decimal(
        "-21.15384615384615384615384615"
    )


def test_an_index_against_a_baseline() -> None:
    # "bằng 109,4% so với năm 2020": 547 against 500 is 109.4.
    figures = [obs("revenue", 2020, 500), obs("revenue", 2023, 547)]
    assert reading(change_since("revenue", 2020, form="index"), figures, 2023) == Decimal("109.4")


def test_a_difference_needs_no_nonzero_reference() -> None:
    figures = [obs("poverty_rate", 2020, 0), obs("poverty_rate", 2021, "0.5")]
    assert reading(change_from_previous("poverty_rate", form="difference"), figures) == Decimal(
        "0.5"
    )
    assert "is zero" in reason(change_from_previous("poverty_rate", form="index"), figures)


@given(decimals(1, 1000, 2), decimals(-1000, 1000, 2))
def test_index_is_100_plus_relative(reference: Decimal, current: Decimal) -> None:
    figures = [obs("revenue", 2020, reference), obs("revenue", 2021, current)]
    relative = reading(change_from_previous("revenue"), figures)
    index = reading(change_from_previous("revenue", form="index"), figures)
    assert isinstance(relative, Decimal)
    assert isinstance(index, Decimal)
    assert abs(index - (100 + relative)) <= Decimal("1e-24")


def test_a_difference_of_percentages_is_in_points() -> None:
    plan = one_wide_target(
        change_since("coverage", 2020, form="difference"), at_least(3), every_year(2021, 2021)
    )
    assert "at least 3 percentage points" in plan.targets[0].describe(plan, "en")


# -- measures of measures, and differences ----------------------------------------------------


def test_energy_per_unit_of_gdp_falls_by_13_5_percent() -> None:
    # Energy intensity 2020: 60 / 8000; 2025: 55 / 8500. Change: (55/8500) / (60/8000) − 1
    # = (55 × 8000) / (60 × 8500) − 1 = 440000 / 510000 − 1 = −13.7254…%: met (≤ −13.5).
    intensity = ratio("energy", "gdp", per=1)
    measure = change_since(intensity, 2020)
    figures = [
        obs("energy", 2020, 60),
        obs("gdp", 2020, 8000),
        obs("energy", 2025, 55),
        obs("gdp", 2025, 8500),
    ]
    found = judged(measure, figures, 2025, condition=at_least(-100))
    assert found.value is not None
    assert abs(Decimal(found.value) - Decimal("-13.72549019607843137254901961")) < Decimal("1e-24")


def test_productivity_grows_faster_than_gdp() -> None:
    # Output 100 → 121 over 2 years: 10% a year; investment 100 → 144: 20% a year.
    gap = difference(growth("investment", 2021, 2023), growth("output", 2021, 2023))
    figures = [
        obs("investment", 2021, 100),
        obs("investment", 2023, 144),
        obs("output", 2021, 100),
        obs("output", 2023, 121),
    ]
    assert reading(gap, figures, 2023) == 10
    plan = one_wide_target(gap, at_least(0, strict=True), over_term())
    assert "percentage points" in plan.targets[0].describe(plan, "en")


@given(decimals(-1000, 1000, 2))
def test_a_difference_of_a_measure_with_itself_is_zero(figure: Decimal) -> None:
    assert reading(difference("revenue", "revenue"), [obs("revenue", 2021, figure)]) == 0


def test_a_difference_needs_both_sides_alike() -> None:
    with pytest.raises(PlanValidationError, match="both sides must be measures over a span"):
        one_wide_target(
            difference(growth("output", 2021, 2023), "revenue"), at_least(0), over_term()
        )


def test_a_subject_measure_must_yield_numbers() -> None:
    with pytest.raises(PlanValidationError, match="is yes/no, not a number"):
        one_wide_target(change_from_previous("reached"), at_least(0), every_year(2021, 2021))


# -- averages ---------------------------------------------------------------------------------


def test_the_average_of_yearly_deficits() -> None:
    # "bội chi bình quân 3,7% GDP giai đoạn 2021-2025": the mean of five yearly ratios,
    # (4 + 3 + 3.5 + 4 + 4) / 5 = 3.7.
    deficits = {2021: 4, 2022: 3, 2023: "3.5", 2024: 4, 2025: 4}
    figures = [obs("capital", year, share) for year, share in deficits.items()]
    figures += [obs("spending", year, 100) for year in deficits]
    mean = average(ratio("capital", "spending"), 2021, 2025)
    assert reading(mean, figures, 2025) == Decimal("3.7")


def test_an_average_names_every_missing_year() -> None:
    figures = [obs("output", 2021, 10), obs("output", 2023, 30)]
    found = reason(average("output", 2021, 2024), figures, 2024)
    assert found == "no figures for output in 2022 and 2024"


def test_growth_as_an_average_annual_difference() -> None:
    # Life expectancy 73.7 (2020) → 74.5 (2025): (74.5 − 73.7) / 5 = 0.16 years a year.
    figures = [obs("output", 2020, "73.7"), obs("output", 2025, "74.5")]
    assert reading(growth("output", 2020, 2025, form="difference"), figures, 2025) == Decimal(
        "0.16"
    )


def test_a_span_may_start_before_the_term() -> None:
    # The hand-made plans' term starts in 2018; a five-year growth from 2015 is accepted.
    figures = [obs("output", 2015, 100), obs("output", 2020, 200)]
    found = reading(growth("output", 2015, 2020), figures, 2020)
    assert isinstance(found, Decimal)
    assert total("output", 2015, 2018).span() == (2015, 2018)


def test_a_span_ending_after_the_term_points_at_the_measure() -> None:
    with pytest.raises(PlanValidationError, match=r"\$\.targets\[0\]\.measure\.last: year 2031"):
        one_wide_target(growth("output", 2021, 2031), at_least(5), over_term())


# -- counts, members, yes/no ------------------------------------------------------------------


def test_counting_units_rated_at_a_level_or_above() -> None:
    # "at least 3 units rated good or better": 2 excellent + 2 good = 4.
    figures = [obs("orgs", 2021, {"xs": 2, "tot": 2, "ht": 5, "kht": 1})]
    assert reading(count_at_least("orgs", "tot"), figures) == 4


def test_one_member_of_a_breakdown() -> None:
    figures = [
        Observation("water", 2021, "97.2", breakdown={"area": "urban"}),
        Observation("water", 2021, "93.1", breakdown={"area": "rural"}),
        Observation("water", 2021, "94.5"),
    ]
    assert reading(select(value("water"), area="urban"), figures) == Decimal("97.2")
    assert reading(select(value("water"), area="rural"), figures) == Decimal("93.1")
    assert reading(value("water"), figures) == Decimal("94.5")
    assert "(rural)" in reason(select(value("water"), area="rural"), figures[:1])


def test_selecting_a_dimension_no_metric_has_is_refused() -> None:
    with pytest.raises(PlanValidationError, match="no metric this measure reads has the dimension"):
        one_wide_target(
            select(value("coverage"), area="urban"), at_least(95), every_year(2021, 2021)
        )
    with pytest.raises(PlanValidationError, match="'suburb' is not a member"):
        one_wide_target(select(value("water"), area="suburb"), at_least(95), every_year(2021, 2021))


def test_a_yes_no_metric_reads_true_or_false() -> None:
    assert judged(value("reached"), [obs("reached", 2021, True)]).status is Status.MET
    assert judged(value("reached"), [obs("reached", 2021, False)]).status is Status.NOT_MET
    with pytest.raises(PlanValidationError, match="achieved needs a yes/no figure"):
        one_wide_target(value("coverage"), achieved(), every_year(2021, 2021))
    with pytest.raises(PlanValidationError, match="compares numbers, but value yields yes/no"):
        one_wide_target(value("reached"), at_least(1), every_year(2021, 2021))


def test_a_compounded_average_of_yearly_growth_rates() -> None:
    # 0% then 21%: 1.00 × 1.21 = 1.21 = 1.1², a compounded average of exactly 10% a year
    # (the arithmetic mean of the rates is 10.5%).
    figures = [obs("output", 2021, 0), obs("output", 2022, 21)]
    assert reading(average("output", 2021, 2022, method="compound"), figures, 2022) == 10
    assert reading(average("output", 2021, 2022), figures, 2022) == Decimal("10.5")
    # A fall of 100% or more has no compounded average.
    falls = [obs("output", 2021, -100), obs("output", 2022, 5)]
    assert "positive" in reason(average("output", 2021, 2022, method="compound"), falls, 2022)


@given(st.lists(decimals(-50, 50, 2), min_size=1, max_size=6))
def test_a_compounded_average_of_equal_rates_is_that_rate(rates: list[Decimal]) -> None:
    same = [obs("output", 2021 + i, rates[0]) for i in range(len(rates))]
    found = reading(
        average("output", 2021, 2020 + len(rates), method="compound"), same, 2020 + len(rates)
    )
    assert isinstance(found, Decimal)
    assert abs(found - rates[0]) <= Decimal("1e-24")
