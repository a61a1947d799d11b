"""Measures: the number (or rating) a target looks at (semantics §2, table of measures).

Every figure below is worked out by hand in a comment; the library must give it
exactly (quotients that do not terminate are rounded once, to 28 significant digits).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from helpers import obs, one_target_plan, result_of
from planmodel import (
    AtBaseline,
    Condition,
    Judgement,
    Measure,
    Observation,
    OtherMetric,
    Plan,
    PreviousPeriod,
    Rated,
    Status,
    at_least,
    at_most,
    change_from_previous,
    change_since,
    change_vs,
    count_at,
    count_below,
    every_year,
    exactly,
    growth,
    lowest_rating,
    over_term,
    rating_at_least,
    ratio,
    share_at_least,
    total,
    value,
)
from planmodel.words import say

#: After every year of the hand-made plans' term has closed.
AS_OF = "2031-01-01"


def measured(
    measure: Measure,
    observations: Sequence[Observation],
    period: int = 2021,
    condition: Condition | None = None,
) -> Judgement:
    """The judgement of *measure* for *period* (the span's last year for growth, totals)."""
    found = result_of(plan_for(measure, period, condition), observations, AS_OF)
    assert len(found.judgements) == 1
    return found.judgements[0]


def plan_for(measure: Measure, period: int, condition: Condition | None = None) -> Plan:
    """A one-target plan judging *measure* in *period* (over the term for spans)."""
    schedule = over_term() if measure.span() is not None else every_year(period, period)
    if condition is None:
        condition = rating_at_least("kht") if measure.kind == "lowest_rating" else exactly(0)
    return one_target_plan(measure, condition, schedule)


def value_of(measure: Measure, observations: Sequence[Observation], period: int = 2021) -> object:
    found = measured(measure, observations, period)
    assert found.status is not Status.NO_DATA, found.reason
    return found.value


def missing(measure: Measure, observations: Sequence[Observation], period: int = 2021) -> str:
    """The reason a measure could not be computed, in English; fails when it could."""
    found = measured(measure, observations, period)
    assert found.status is Status.NO_DATA
    assert found.value is None
    assert found.reason is not None
    plan = plan_for(measure, period)
    # Every reason is said in Vietnamese too, from the Vietnamese catalogue.
    assert say(found.reason, "vi", plan) != say(found.reason, "en", plan)
    return say(found.reason, "en", plan)


# -- value ---------------------------------------------------------------------------------


def test_value_is_the_observed_figure_with_its_digits() -> None:
    # T6: health-insurance coverage 93.50% in 2021 is read as 93.50, not 93.5 (nor a float).
    found = value_of(value("coverage"), [obs("coverage", 2021, "93.50")])
    assert found == Decimal("93.50")
    assert str(found) == "93.50"


def test_value_without_a_figure_is_no_data_naming_the_metric_and_year() -> None:
    reason = missing(value("coverage"), [obs("coverage", 2022, 90)])
    assert "coverage" in reason
    assert "2021" in reason


# -- ratio ---------------------------------------------------------------------------------


def test_ratio_is_the_numerator_as_a_percentage_of_the_denominator() -> None:
    # T2: capital spending 5,150 / total spending 10,000 = 0.515 = 51.5%.
    found = value_of(
        ratio("capital", "spending"), [obs("capital", 2021, 5150), obs("spending", 2021, 10000)]
    )
    assert found == Decimal("51.5")


def test_ratio_that_does_not_terminate_is_rounded_once_to_28_digits() -> None:
    # 1 / 3 = 33.333…%; rounded once to 28 significant digits.
    found = value_of(
        ratio("capital", "spending"), [obs("capital", 2021, 1), obs("spending", 2021, 3)]
    )
    assert found == Decimal("33.33333333333333333333333333")


def test_ratio_with_a_zero_denominator_is_no_data_with_a_reason() -> None:
    reason = missing(
        ratio("capital", "spending"), [obs("capital", 2021, 5), obs("spending", 2021, 0)]
    )
    assert "zero" in reason
    assert "spending" in reason


def test_ratio_needs_both_figures() -> None:
    reason = missing(ratio("capital", "spending"), [obs("capital", 2021, 5)])
    assert "spending" in reason


# -- change against a reference -----------------------------------------------------------


def test_change_against_another_metric_of_the_same_year() -> None:
    # T1: revenue 1,074 against the city's estimate 1,000: (1,074 − 1,000) / 1,000 = 7.4%.
    found = value_of(
        change_vs("revenue", "estimate"), [obs("revenue", 2021, 1074), obs("estimate", 2021, 1000)]
    )
    assert found == Decimal("7.4")


def test_change_against_a_zero_reference_is_no_data_with_a_reason() -> None:
    reason = missing(
        change_vs("revenue", "estimate"), [obs("revenue", 2021, 10), obs("estimate", 2021, 0)]
    )
    assert "zero" in reason


def test_reduction_since_a_baseline_is_a_negative_change() -> None:
    # T7: poor households 400 at 2021-01-01 and 100 in 2025: (100 − 400) / 400 = −75%.
    found = value_of(
        change_since("poor", "2021-01-01"),
        [obs("poor", "2021-01-01", 400), obs("poor", 2025, 100)],
        period=2025,
    )
    assert found == Decimal(-75)


@pytest.mark.parametrize(
    ("households", "change", "status", "gap"),
    [
        # 100 left of 400: (100 − 400) / 400 = −75%, exactly on the bound: met.
        (100, "-75", "met", "0"),
        # 99: −301 / 400 = −75.25%, a deeper cut: met.
        (99, "-75.25", "met", "0"),
        # 101: −299 / 400 = −74.75%, a quarter point short: not met, gap 0.25.
        (101, "-74.75", "not_met", "0.25"),
    ],
)
def test_t7_reduce_poor_households_by_three_quarters(
    households: int, change: str, status: str, gap: str
) -> None:
    found = measured(
        change_since("poor", "2021-01-01"),
        [obs("poor", "2021-01-01", 400), obs("poor", 2025, households)],
        period=2025,
        condition=at_most(-75),
    )
    assert (found.value, found.status.value, found.gap) == (Decimal(change), status, Decimal(gap))


def test_change_since_a_baseline_without_the_baseline_figure_is_no_data() -> None:
    reason = missing(change_since("poor", "2021-01-01"), [obs("poor", 2025, 100)], period=2025)
    assert "2021-01-01" in reason


def test_change_from_the_previous_year() -> None:
    # Revenue 1,000 in 2020 and 1,080 in 2021: (1,080 − 1,000) / 1,000 = 8%.
    found = value_of(
        change_from_previous("revenue"), [obs("revenue", 2020, 1000), obs("revenue", 2021, 1080)]
    )
    assert found == Decimal(8)


def test_change_from_the_previous_year_needs_that_year() -> None:
    reason = missing(change_from_previous("revenue"), [obs("revenue", 2021, 1080)])
    assert "2020" in reason


def test_change_constructors_name_their_reference() -> None:
    assert change_vs("revenue", "estimate").reference == OtherMetric("estimate")
    assert change_since("poor", "2021-01-01").reference == AtBaseline(dt.date(2021, 1, 1))
    assert change_since("poor", 2020).reference == AtBaseline(2020)
    assert change_from_previous("revenue").reference == PreviousPeriod()


# -- growth -------------------------------------------------------------------------------


def test_compound_growth() -> None:
    # 100 in 2021 → 121 in 2023, two years: (121 / 100) ^ (1/2) − 1 = 1.1 − 1 = 10%.
    found = value_of(
        growth("output", 2021, 2023), [obs("output", 2021, 100), obs("output", 2023, 121)]
    )
    assert found == Decimal(10)


def test_compound_growth_needs_only_the_end_years() -> None:
    # 100 → 161.051 over five years: 1.61051 = 1.1^5, so 10% a year; 2022-2025 are not needed.
    found = value_of(
        growth("output", 2020, 2025), [obs("output", 2020, 100), obs("output", 2025, "161.051")]
    )
    assert found == Decimal(10)


def test_arithmetic_growth_is_the_mean_of_the_year_on_year_rates() -> None:
    # 100 → 120 (+20%) → 108 (−10%): mean (20 − 10) / 2 = 5%.
    # (Compound over the same figures: √1.08 − 1 ≈ 3.923%.)
    figures = [obs("output", 2021, 100), obs("output", 2022, 120), obs("output", 2023, 108)]
    assert value_of(growth("output", 2021, 2023, "arithmetic"), figures) == Decimal(5)
    compound = value_of(growth("output", 2021, 2023), figures)
    assert isinstance(compound, Decimal)
    # √1.08 = 1.0392304845413263761164678049…; the root is rounded to 28 significant
    # digits, so the rate in percent is good to about 1e-24.
    assert abs(compound - Decimal("3.9230484541326376116467804900")) < Decimal("1e-24")


def test_arithmetic_growth_needs_every_year() -> None:
    reason = missing(
        growth("output", 2021, 2023, "arithmetic"),
        [obs("output", 2021, 100), obs("output", 2023, 108)],
    )
    assert "2022" in reason


def test_growth_without_the_last_year_is_no_data() -> None:
    reason = missing(growth("output", 2021, 2023), [obs("output", 2021, 100)])
    assert "2023" in reason


@pytest.mark.parametrize("start", [0, -5])
def test_growth_from_a_figure_that_is_not_positive_is_no_data(start: int) -> None:
    reason = missing(
        growth("output", 2021, 2023), [obs("output", 2021, start), obs("output", 2023, 10)]
    )
    assert "positive" in reason


def test_growth_spans_at_least_one_year() -> None:
    with pytest.raises(ValueError, match="last > first"):
        growth("output", 2021, 2021)


@given(
    start=st.integers(1, 10_000),
    rate=st.integers(-90, 900),
    years=st.integers(1, 9),
)
@example(start=1, rate=900, years=3)
def test_compound_growth_is_exact_when_the_root_terminates(
    start: int, rate: int, years: int
) -> None:
    # start × (1 + rate/100)^years is an exact decimal, and its root is 1 + rate/100
    # exactly: the average growth is rate%, and "at least rate%" must be met.
    end = Fraction(start) * Fraction(100 + rate, 100) ** years
    found = measured(
        growth("output", 2020, 2020 + years),
        [obs("output", 2020, start), obs("output", 2020 + years, _written_out(end))],
        condition=at_least(rate),
    )
    assert found.value == Decimal(rate)
    assert found.status is Status.MET


def _written_out(number: Fraction) -> Decimal:
    """A fraction whose denominator divides a power of ten, as an exact decimal."""
    digits = 0
    while (number * 10**digits).denominator != 1:
        digits += 1
    return Decimal(f"{(number * 10**digits).numerator}E-{digits}")


# -- total --------------------------------------------------------------------------------


def test_total_sums_every_year_of_the_span() -> None:
    # 100 + 200 + 300 + 400 + 500 = 1,500 over 2021-2025.
    figures = [obs("investment", year, 100 * (year - 2020)) for year in range(2021, 2026)]
    assert value_of(total("investment", 2021, 2025), figures, period=2025) == Decimal(1500)


def test_total_keeps_decimals_exact() -> None:
    # 0.1 + 0.2 = 0.3 exactly, so "exactly 0.3" is met.
    figures = [obs("investment", 2021, "0.1"), obs("investment", 2022, "0.2")]
    found = measured(total("investment", 2021, 2022), figures, condition=exactly("0.3"))
    assert found.value == Decimal("0.3")
    assert found.status is Status.MET


def test_total_missing_a_year_is_no_data_never_a_partial_sum() -> None:
    figures = [obs("investment", year, 100) for year in (2021, 2022, 2024, 2025)]
    reason = missing(total("investment", 2021, 2025), figures, period=2025)
    assert "2023" in reason


# -- ratings ------------------------------------------------------------------------------


def test_share_at_or_above_a_level() -> None:
    # T10: 50 organisations: 2 excellent + 45 good = 47 rated "good" or above; 47 / 50 = 94%.
    found = value_of(
        share_at_least("orgs", "tot"), [obs("orgs", 2021, {"xs": 2, "tot": 45, "ht": 3})]
    )
    assert found == Decimal(94)


def test_share_of_a_single_rating() -> None:
    # One unit rated excellent: 1 / 1 at or above "good" = 100%; rated "completed": 0%.
    assert value_of(share_at_least("orgs", "tot"), [obs("orgs", 2021, Rated("xs"))]) == 100
    assert value_of(share_at_least("orgs", "tot"), [obs("orgs", 2021, Rated("ht"))]) == 0


def test_share_of_no_units_is_no_data() -> None:
    reason = missing(share_at_least("orgs", "tot"), [obs("orgs", 2021, {"tot": 0, "ht": 0})])
    assert "no units" in reason


def test_count_at_exactly_a_level() -> None:
    # T10 "no organisation fails its tasks": 1 rated "did not complete" among 44.
    figures = [obs("orgs", 2021, {"kht": 1, "ht": 3, "tot": 40})]
    assert value_of(count_at("orgs", "kht"), figures) == 1
    assert value_of(count_at("orgs", "xs"), figures) == 0


def test_count_below_a_level() -> None:
    # Below "good": kht 1 + ht 3 = 4.
    figures = [obs("orgs", 2021, {"kht": 1, "ht": 3, "tot": 40})]
    assert value_of(count_below("orgs", "tot"), figures) == 4
    assert value_of(count_below("orgs", "kht"), figures) == 0


def test_lowest_rating_ignores_levels_with_no_units() -> None:
    # T12: no unit at "did not complete" (count 0), so the lowest is "completed".
    figures = [obs("fronts", 2021, {"kht": 0, "ht": 2, "tot": 10})]
    assert value_of(lowest_rating("fronts"), figures) == "ht"


def test_lowest_rating_of_a_single_rating() -> None:
    assert value_of(lowest_rating("fronts"), [obs("fronts", 2021, Rated("tot"))]) == "tot"


def test_lowest_rating_of_no_units_is_no_data() -> None:
    reason = missing(lowest_rating("fronts"), [obs("fronts", 2021, {"tot": 0})])
    assert "no units" in reason


def test_measures_without_ratings_are_no_data() -> None:
    reason = missing(share_at_least("orgs", "tot"), [obs("orgs", 2022, Rated("xs"))])
    assert "orgs" in reason
    assert "2021" in reason


def test_measure_kinds_are_the_tags_written_in_files() -> None:
    kinds = {
        value("x").kind,
        ratio("x", "y").kind,
        change_vs("x", "y").kind,
        growth("x", 2020, 2021).kind,
        total("x", 2020, 2021).kind,
        share_at_least("orgs", "tot").kind,
        count_at("orgs", "tot").kind,
        lowest_rating("orgs").kind,
    }
    assert kinds == {
        "value",
        "ratio",
        "change",
        "growth",
        "total",
        "share_at_least",
        "count_at",
        "lowest_rating",
    }


def test_a_neutral_condition_does_not_change_the_measured_value() -> None:
    # The value is measured whatever the condition: at_least(0) and exactly(0) read the same.
    figures = [obs("x", 2021, 7)]
    assert (
        measured(value("x"), figures, condition=at_least(0)).value
        == measured(value("x"), figures).value
    )


def test_growth_far_beyond_28_digits_is_judged() -> None:
    # evaluate() raised decimal.InvalidOperation: the result needs 30 digits.
    found = measured(
        growth("output", 2020, 2021),
        [obs("output", 2020, 1), obs("output", 2021, "1e27")],
        condition=at_least(5),
    )
    assert found.value == Decimal("99999999999999999999999999900")
    assert found.status.value == "met"
