"""Exact decimals: values enter as int, str or Decimal, never as binary floats."""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import make_plan, target
from planmodel import (
    Observation,
    Status,
    at_least,
    at_most,
    between,
    evaluate,
    exactly,
    over_term,
    total,
)
from planmodel._numbers import (
    MAX_MAGNITUDE,
    add,
    annual_growth,
    div,
    format_number,
    mul,
    percent_of,
    sub,
    to_decimal,
    within_limits,
)
from planmodel.strategies import decimals


def test_point_one_plus_point_two_is_point_three() -> None:
    assert add(to_decimal("0.1"), to_decimal("0.2")) == to_decimal("0.3")
    assert at_least("0.3").holds(add(Decimal("0.1"), Decimal("0.2")))
    assert at_most("0.3").holds(add(Decimal("0.1"), Decimal("0.2")))


def test_point_one_plus_point_two_is_point_three_through_an_evaluation() -> None:
    # A total over two years of 0.1 and 0.2 is exactly 0.3: met, with no gap.
    plan = make_plan(
        [target("t1", total("spending", 2021, 2022), exactly("0.3"), over_term())],
        first=2021,
        last=2022,
    )
    data = [Observation("spending", 2021, "0.1"), Observation("spending", 2022, "0.2")]
    result = evaluate(plan, data, as_of="2023-01-01").result("t1")
    assert result.status is Status.MET
    (judgement,) = result.judgements
    assert judgement.value == Decimal("0.3")
    assert judgement.gap == 0


@pytest.mark.parametrize(
    ("given_value", "expected"),
    [(5, Decimal(5)), ("7.20", Decimal("7.20")), (" 95 ", Decimal(95)), (Decimal("1E+2"), 100)],
)
def test_ints_strings_and_decimals_become_decimals(given_value: object, expected: Decimal) -> None:
    result = to_decimal(given_value)
    assert isinstance(result, Decimal)
    assert result == expected


def test_digits_are_kept() -> None:
    assert str(to_decimal("7.20")) == "7.20"
    assert str(to_decimal("1E+2")) == "1E+2"
    assert str(at_least("7.20").value) == "7.20"


@pytest.mark.parametrize("constructor", [at_least, at_most, exactly])
def test_constructors_take_a_float_by_its_shortest_repr(
    constructor: Callable[[float], Any],
) -> None:
    assert constructor(0.1).value == Decimal("0.1")
    assert constructor(1e-7).value == Decimal("1E-7")


def test_a_float_is_converted_once_at_the_door() -> None:
    # The float sum is not 0.3; its digits are kept as the float shows them.
    assert between(6.5, 7).lo == Decimal("6.5")
    assert at_least(0.1 + 0.2).value == Decimal("0.30000000000000004")
    with pytest.raises(ValueError, match="finite"):
        at_least(float("nan"))
    with pytest.raises(ValueError, match="finite"):
        at_least(float("inf"))


@given(
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e40, max_value=1e40).filter(
        lambda number: number == 0 or abs(number) >= 1e-30
    )
)
def test_a_float_converts_to_the_decimal_that_reads_back_as_itself(number: float) -> None:
    converted = to_decimal(number)
    assert float(converted) == number
    # The shortest digits that do so: never the binary expansion's many digits.
    assert len(converted.as_tuple().digits) <= 17


@pytest.mark.parametrize(
    "non_finite", ["NaN", "nan", "sNaN", "Infinity", "-Infinity", "inf", Decimal("NaN")]
)
def test_nan_and_infinity_are_refused(non_finite: object) -> None:
    with pytest.raises(ValueError, match="expected a finite number"):
        to_decimal(non_finite)
    with pytest.raises(ValueError, match="expected a finite number"):
        at_least(non_finite)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("bad", "error"),
    [(True, TypeError), (None, TypeError), ([1], TypeError), ("abc", ValueError), ("", ValueError)],
)
def test_non_numbers_are_refused(bad: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="expected a number"):
        to_decimal(bad)


@given(decimals(-(10**12), 10**12, 12), decimals(-(10**12), 10**12, 12))
def test_sums_differences_and_products_are_exact(a: Decimal, b: Decimal) -> None:
    wide = decimal.Context(prec=100_000)
    assert add(a, b) == wide.add(a, b)
    assert sub(add(a, b), b) == a
    assert mul(a, b) == wide.multiply(a, b)


def test_a_rounding_in_exact_arithmetic_is_an_error_not_a_quiet_change() -> None:
    with pytest.raises(decimal.Inexact):
        add(Decimal("1E+2000"), Decimal(1))


def test_quotients_are_exact_when_they_terminate_and_rounded_once_otherwise() -> None:
    assert div(Decimal(1), Decimal(8)) == Decimal("0.125")
    assert div(Decimal(1), Decimal(3)) == Decimal("0.3333333333333333333333333333")
    assert div(Decimal(2), Decimal(3)) == Decimal("0.6666666666666666666666666667")
    with pytest.raises(decimal.DivisionByZero):
        div(Decimal(1), Decimal(0))


def test_percent_and_annual_growth() -> None:
    assert percent_of(Decimal(1), Decimal(4)) == 25
    assert percent_of(Decimal("8760"), Decimal("8760")) == 100
    # 100 -> 121 over two years: sqrt(1.21) = 1.1, i.e. 10% a year, exactly.
    assert str(annual_growth(Decimal("1.21"), 2)) == "10"
    # 1 -> 1000 over three years: the cube root terminates, so 900% comes out exact.
    assert str(annual_growth(Decimal(1000), 3)) == "900"
    # 1 -> 2 over three years does not terminate: rounded once, to 28 digits.
    assert str(annual_growth(Decimal(2), 3)) == "25.99210498948731647672106073"


@given(decimals(-1000, 1000, 4))
def test_a_value_equal_to_a_bound_is_inside_it(value: Decimal) -> None:
    assert at_least(value).holds(value)
    assert at_most(value).holds(value)
    assert exactly(value).holds(value)
    assert between(value, value).holds(value)
    assert not at_least(value, strict=True).holds(value)
    assert not at_most(value, strict=True).holds(value)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("7.20"), "7.20"),
        (Decimal("1E+2"), "100"),
        (Decimal("-75"), "-75"),
        (Decimal("12.5000"), "12.50"),  # exactly 12.50: nothing rounded away, no ≈
        (Decimal("0.0001"), "≈0.00"),
        (Decimal(1) / 3, "≈0.33"),
        (Decimal(2) / 3, "≈0.67"),
        (Decimal("104.6875"), "≈104.69"),
        (Decimal("99.125"), "≈99.13"),  # a half goes away from zero, as by hand
        (Decimal("-99.125"), "≈-99.13"),
        (Decimal("-0.001"), "≈0.00"),  # never ≈-0.00
        (Decimal("-0"), "0"),
    ],
)
def test_computed_numbers_show_two_decimals_at_most_and_a_mark_when_rounded(
    value: Decimal, shown: str
) -> None:
    assert format_number(value) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("0.0001"), "0.0001"),
        (Decimal("104.6875"), "104.6875"),
        (Decimal("93.50"), "93.50"),
        (Decimal("1E+3"), "1000"),
        (Decimal("1e-50"), "0." + "0" * 49 + "1"),
    ],
)
def test_figures_as_given_keep_every_digit(value: Decimal, shown: str) -> None:
    assert format_number(value, given=True) == shown


@given(decimals(-(10**6), 10**6, 6))
def test_a_computed_number_is_within_half_a_hundredth_and_marked_unless_exact(
    value: Decimal,
) -> None:
    shown = format_number(value)
    digits = Decimal(shown.removeprefix("≈"))
    assert "E" not in shown
    assert -digits.as_tuple().exponent <= 2  # type: ignore[operator]
    assert abs(Fraction(digits) - Fraction(value)) <= Fraction(1, 200)
    assert shown.startswith("≈") is (digits != value)


@given(decimals(-(10**6), 10**6, 8))
def test_a_figure_as_given_is_shown_exactly(value: Decimal) -> None:
    shown = format_number(value, given=True)
    assert "≈" not in shown
    assert "E" not in shown
    assert Decimal(shown).as_tuple() == value.as_tuple()  # the same digits, zeros and all


def test_numbers_beyond_the_exact_range_are_refused_on_the_way_in() -> None:
    # Refused when read, so that no sum or product later has to round (or fail).
    assert to_decimal("1E+50") == Decimal("1E+50")
    assert to_decimal("1E-50") == Decimal("1E-50")
    with pytest.raises(ValueError, match=r"^1E\+51 is larger than planmodel computes exactly"):
        to_decimal("1E+51")
    with pytest.raises(ValueError, match=r"^1.5E-50 has digits below what planmodel computes"):
        to_decimal("1.5E-50")
    with pytest.raises(ValueError, match=r"^a number of 51 significant digits has more than"):
        to_decimal("1" * 51)


def _within(value: Decimal) -> bool:
    try:
        within_limits(value)
    except ValueError:
        return False
    return True


_ANY_ACCEPTED = st.decimals(
    min_value=-(Decimal(10) ** MAX_MAGNITUDE),
    max_value=Decimal(10) ** MAX_MAGNITUDE,
    allow_nan=False,
    allow_infinity=False,
).filter(_within)


@given(_ANY_ACCEPTED, _ANY_ACCEPTED)
def test_sums_differences_and_products_of_accepted_numbers_are_exact(
    a: Decimal, b: Decimal
) -> None:
    # Checked against exact rationals; the exact context would also raise on any rounding.
    assert Fraction(add(a, b)) == Fraction(a) + Fraction(b)
    assert Fraction(sub(a, b)) == Fraction(a) - Fraction(b)
    assert Fraction(mul(a, b)) == Fraction(a) * Fraction(b)


# -- the whole accepted range ------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("1e28"), "10000000000000000000000000000"),
        (Decimal("-9.9e49"), "-99" + "0" * 48),
        (Decimal("1" * 44 + ".123456"), "≈" + "1" * 44 + ".12"),
        (Decimal("0.996000001"), "≈1.00"),
        (Decimal("9.999999"), "≈10.00"),
    ],
)
def test_numbers_up_to_the_limit_are_shown(value: Decimal, shown: str) -> None:
    # The default decimal context holds 28 digits: rounding a 46-digit number to two
    # places in it raised InvalidOperation.
    assert format_number(value) == shown


def test_growth_beyond_28_digits_is_written_out() -> None:
    # From 1 to 1e27 in one year: (1e27 − 1) × 100 %, rounded once to 28 digits.
    assert annual_growth(Decimal("1e27"), 1) == Decimal("99999999999999999999999999900")
    assert annual_growth(Decimal("1e100"), 1) == Decimal(10) ** 102


# Average annual growth is computed by Newton's method where that provably gives the
# same 28 digits as the 58-digit power (five times slower), which is the definition.
_POWER = decimal.Context(
    prec=58, traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow]
)


def _growth_by_power(ratio: Decimal, years: int) -> Decimal:
    factor = _POWER.power(ratio, _POWER.divide(Decimal(1), Decimal(years)))
    rounded = decimal.Context(prec=28).plus(
        _POWER.multiply(_POWER.subtract(factor, Decimal(1)), Decimal(100))
    )
    return rounded.normalize(decimal.Context(prec=28))


@given(
    st.decimals(min_value=Decimal("1e-20"), max_value=Decimal("1e20"), places=None).filter(
        lambda ratio: len(ratio.as_tuple().digits) <= 28
    ),
    st.integers(1, 60),
)
def test_annual_growth_is_the_58_digit_power_rounded_once(ratio: Decimal, years: int) -> None:
    assert annual_growth(ratio, years) == _growth_by_power(ratio, years)


@pytest.mark.parametrize(
    ("ratio", "years", "growth"),
    [
        ("1000", 3, "900"),
        ("1", 5, "0"),
        ("1.21", 2, "10"),
        ("0.81", 2, "-10"),
        ("1.1025", 2, "5"),
        ("1.4641", 4, "10"),
        ("1.00000001", 1, "0.000001"),
    ],
)
def test_a_root_that_terminates_gives_an_exact_growth(ratio: str, years: int, growth: str) -> None:
    assert annual_growth(Decimal(ratio), years) == Decimal(growth)
    assert annual_growth(Decimal(ratio), years) == _growth_by_power(Decimal(ratio), years)
