"""Tolerance ("khoảng", nearly met) and warning levels on numeric conditions.

The oracle is the contract's wording (semantics §4): a value that fails a condition
but lies within the condition's tolerance of the nearest acceptable value is
``nearly_met``; a tolerance never turns a ``met`` or ``exceeded`` judgement into
anything else. Distances are recomputed here with ``fractions.Fraction``.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import obs, one_target_plan, result_of
from planmodel import (
    Better,
    Bounded,
    Judgement,
    Status,
    Tolerance,
    at_least,
    at_most,
    between,
    every_year,
    exactly,
    value,
)
from planmodel.strategies import decimals


def judged(condition: Bounded, figure: object) -> Judgement:
    """The judgement of *figure* (metric ``x`` in 2021) under *condition*."""
    plan = one_target_plan(value("x"), condition, every_year(2021, 2021))
    found = result_of(plan, [obs("x", 2021, figure)], "2022-01-01")
    return found.judgements[0]


# -- "khoảng": hand-computed figures on, just inside and just outside ----------------------


@pytest.mark.parametrize(
    ("figure", "status", "gap"),
    [
        ("45", "met", "0"),
        ("46", "met", "0"),
        ("44.5", "nearly_met", "0.5"),  # on the tolerance
        ("44.51", "nearly_met", "0.49"),
        ("44.49", "not_met", "0.51"),  # just outside it
    ],
)
def test_about_45_percent_read_as_at_least_with_half_a_point(
    figure: str, status: str, gap: str
) -> None:
    # "Tỉ lệ đô thị hoá khoảng 45%", read as at least 45 within half a percentage point.
    found = judged(at_least(45, tolerance="0.5"), figure)
    assert (found.status.value, found.gap) == (status, Decimal(gap))


@pytest.mark.parametrize(
    ("figure", "status"),
    [("60", "met"), ("63", "nearly_met"), ("63.01", "not_met"), ("57", "met")],
)
def test_a_relative_tolerance_is_a_share_of_the_bound(figure: str, status: str) -> None:
    # At most 60, within 5% of the bound: 3 above it is nearly met.
    found = judged(at_most(60, tolerance=Tolerance(5, relative=True)), figure)
    assert found.status.value == status


@pytest.mark.parametrize(
    ("figure", "status"),
    [
        ("6.5", "met"),
        ("6.3", "nearly_met"),
        ("6.29", "not_met"),
        ("7", "met"),
        ("7.5", "exceeded"),  # beyond the far bound on the better side: a success
    ],
)
def test_about_6_5_to_7_percent_a_year(figure: str, status: str) -> None:
    # "khoảng 6,5 - 7%/năm": between 6.5 and 7, higher is better, within 0.2 points.
    found = judged(between("6.5", 7, better="higher", tolerance="0.2"), figure)
    assert found.status.value == status


@pytest.mark.parametrize(
    ("figure", "status"),
    [("92", "nearly_met"), ("91.9", "not_met"), ("96", "nearly_met"), ("96.1", "not_met")],
)
def test_a_band_is_nearly_met_on_either_side(figure: str, status: str) -> None:
    # "nông thôn 93 - 95%" read as a band (both bounds bind), within one point.
    found = judged(between(93, 95, tolerance=1), figure)
    assert found.status.value == status


def test_a_value_on_a_strict_bound_is_nearly_met_with_a_gap_of_zero() -> None:
    # "trên 25%" (strict) with a tolerance: 25 itself fails, by nothing.
    found = judged(at_least(25, strict=True, tolerance=1), 25)
    assert (found.status, found.gap) == (Status.NEARLY_MET, Decimal(0))


def test_exactly_with_a_tolerance_is_nearly_met_on_both_sides() -> None:
    condition = exactly(9, tolerance=1)
    assert [judged(condition, v).status.value for v in (8, 9, 10, "10.5")] == [
        "nearly_met",
        "met",
        "nearly_met",
        "not_met",
    ]


def test_a_tolerance_must_be_positive() -> None:
    with pytest.raises(ValueError, match="greater than 0"):
        at_least(45, tolerance=0)
    with pytest.raises(ValueError, match="greater than 0"):
        Tolerance(-1, relative=True)


def test_a_nearly_met_judgement_keeps_its_progress() -> None:
    # Progress without a baseline is v / t: 44.5 / 45.
    found = judged(at_least(45, tolerance="0.5"), "44.5")
    assert found.progress == Decimal("44.5") / 45


# -- properties ---------------------------------------------------------------------------


@st.composite
def tolerated(draw: st.DrawFn) -> tuple[Bounded, Bounded, Fraction, Fraction | None]:
    """A condition without and with a tolerance, and the tolerance around each bound."""
    bound = draw(decimals(-200, 200, 2))
    width = draw(decimals(0, 50, 2))
    amount = draw(decimals(0, 20, 2).filter(lambda d: d > 0))
    relative = draw(st.booleans())
    tolerance = Tolerance(amount, relative=relative)
    better: Better | None = draw(st.sampled_from([None, "higher", "lower"]))
    strict = draw(st.booleans())
    kind = draw(st.sampled_from(["at_least", "at_most", "exactly", "between"]))
    pair: tuple[Bounded, Bounded]
    lo: Decimal | None
    hi: Decimal | None
    if kind == "at_least":
        pair = at_least(bound, strict=strict), at_least(bound, strict=strict, tolerance=tolerance)
        lo, hi = bound, None
    elif kind == "at_most":
        pair = at_most(bound, strict=strict), at_most(bound, strict=strict, tolerance=tolerance)
        lo, hi = None, bound
    elif kind == "exactly":
        pair = exactly(bound, better=better), exactly(bound, better=better, tolerance=tolerance)
        lo = hi = bound
    else:
        lo, hi = bound, bound + width
        pair = between(lo, hi, better=better), between(lo, hi, better=better, tolerance=tolerance)

    def around(edge: Decimal | None) -> Fraction | None:
        if edge is None:
            return None
        return Fraction(amount) * (abs(Fraction(edge)) / 100 if relative else 1)

    return pair[0], pair[1], around(lo) or Fraction(0), around(hi)


@given(tolerated(), decimals(-300, 300, 3))
def test_a_tolerance_never_turns_a_success_into_anything_else(
    case: tuple[Bounded, Bounded, Fraction, Fraction | None], figure: Decimal
) -> None:
    plain, with_tolerance, _, _ = case
    before, after = plain.verdict(figure), with_tolerance.verdict(figure)
    if before[0].is_success:
        assert after == before
    # A tolerance changes nothing but not_met into nearly_met, and never the gap.
    assert after[1] == before[1]
    assert after[0] is before[0] or (before[0], after[0]) == (Status.NOT_MET, Status.NEARLY_MET)


@given(tolerated(), decimals(-300, 300, 3))
def test_nearly_met_only_within_the_tolerance_of_the_bound_crossed(
    case: tuple[Bounded, Bounded, Fraction, Fraction | None], figure: Decimal
) -> None:
    plain, with_tolerance, below, above = case
    status, gap = with_tolerance.verdict(figure)
    lo = with_tolerance.bounds()[0]
    if plain.verdict(figure)[0] is not Status.NOT_MET:
        assert status is not Status.NEARLY_MET
        return
    # The bound crossed is the lower one when the figure lies at or below it.
    crossed_low = lo is not None and figure <= lo
    allowed = below if crossed_low else above
    assert allowed is not None
    within = Fraction(gap) <= allowed
    assert (status is Status.NEARLY_MET) == within


@given(st.sampled_from([at_least(0), at_most(0), between(-1, 1), exactly(0)]), decimals())
def test_without_a_tolerance_nothing_is_nearly_met(condition: Bounded, figure: Decimal) -> None:
    assert condition.verdict(figure)[0] is not Status.NEARLY_MET


# -- warning levels ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("figure", "status", "warning"),
    [
        ("50", "met", False),
        ("55", "met", False),  # on the safe threshold: not past it
        ("55.01", "met", True),
        ("60", "met", True),
        ("60.01", "not_met", False),  # a failure is not a warning
    ],
)
def test_public_debt_at_most_60_with_a_safe_threshold_of_55(
    figure: str, status: str, warning: bool
) -> None:
    # "nợ công không quá 60% GDP, ngưỡng an toàn nợ công khoảng 55% GDP".
    found = judged(at_most(60, warning=55), figure)
    assert (found.status.value, found.warning) == (status, warning)


@pytest.mark.parametrize(
    ("figure", "status", "warning"),
    [("94.9", "not_met", False), ("95", "met", True), ("96.99", "met", True), ("97", "met", False)],
)
def test_at_least_with_a_warning_above_the_bound(figure: str, status: str, warning: bool) -> None:
    found = judged(at_least(95, warning=97), figure)
    assert (found.status.value, found.warning) == (status, warning)


def test_a_warning_lies_on_the_acceptable_side() -> None:
    with pytest.raises(ValueError, match="lies below 60"):
        at_most(60, warning=65)
    with pytest.raises(ValueError, match="lies above 95"):
        at_least(95, warning=90)


@given(decimals(-100, 100, 2), decimals(0, 50, 2).filter(lambda d: d > 0), decimals(-200, 200, 2))
def test_a_warning_never_changes_the_status(
    bound: Decimal, margin: Decimal, figure: Decimal
) -> None:
    plain, warned = at_most(bound), at_most(bound, warning=bound - margin)
    assert warned.verdict(figure) == plain.verdict(figure)
    found = judged(warned, figure)
    assert found.warning == (found.status is Status.MET and figure > bound - margin)


def test_conditions_with_a_tolerance_or_a_warning_describe_it() -> None:
    plan = one_target_plan(value("coverage"), at_least(45, tolerance="0.5"), every_year(2021, 2021))
    assert plan.targets[0].describe(plan, "en") == (
        "coverage at least 45%, within 0.5 percentage points, every year 2021-2021"
    )
    assert "sai lệch cho phép 0,5 điểm phần trăm" in plan.targets[0].describe(plan, "vi")
    debt = one_target_plan(value("poverty_rate"), at_most(60, warning=55), every_year(2021, 2021))
    assert "at most 60%, with a warning above 55%" in debt.targets[0].describe(debt, "en")
