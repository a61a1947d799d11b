"""Exact decimal arithmetic shared by every measure and condition.

Values enter as ``int``, ``str``, ``Decimal`` or ``float`` and stay ``Decimal``. A
float a caller hands in is converted once, at the door, by its shortest repr (the
digits Python shows for it: ``0.1`` is ``Decimal("0.1")``), and never again: binary
floats cannot hold most decimal fractions (``0.1 + 0.2 != 0.3``), so nothing past
the door computes with them.
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Union

from ._untrusted import echo

#: What the public constructors accept where a number is expected.
Number = Union[int, str, Decimal, float]

# Sums, differences and products are computed exactly: the precision is far beyond
# any figure a plan or a report carries, and Inexact is trapped so that a
# rounding here is an error rather than a quiet change of value.
_EXACT = decimal.Context(
    prec=1000,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow, decimal.Inexact],
)
# Quotients and powers are the only places a result may need rounding (1/3): they
# round once, correctly, to 28 significant digits.
_QUOTIENT = decimal.Context(
    prec=28, traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow]
)

# Intermediate steps of a rounded computation carry guard digits.
_GUARDED = decimal.Context(
    prec=58, traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow]
)

#: Limits on any number a plan or a figure carries: far beyond real figures, and
#: small enough that every sum, difference and product above stays exact. A number
#: outside them is refused on the way in, never rounded on the way through.
MAX_DIGITS = 50
MAX_MAGNITUDE = 50

HUNDRED = Decimal(100)
ZERO = Decimal(0)
ONE = Decimal(1)


def to_decimal(value: object) -> Decimal:
    """Return *value* as a finite ``Decimal``.

    Accepts ``int``, ``Decimal``, numeric ``str`` and ``float`` (by its shortest
    repr); refuses ``bool``, NaN and infinities with a message saying what was expected.

    >>> to_decimal("0.1") + to_decimal("0.2") == to_decimal("0.3")
    True
    >>> to_decimal(0.1)
    Decimal('0.1')
    """
    if isinstance(value, bool):
        raise TypeError(f"expected a number, got {echo(value)}")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except decimal.InvalidOperation:
            raise ValueError(f"expected a number, got {echo(value)}") from None
    elif isinstance(value, float):
        # repr gives the shortest digits that read back as the same float: the number
        # the caller wrote, in every case a float can hold it.
        result = Decimal(repr(value))
    else:
        raise TypeError(f"expected a number, got {type(value).__name__} {echo(value)}")
    if not result.is_finite():
        raise ValueError(f"expected a finite number, got {echo(value)}")
    return within_limits(result)


def within_limits(value: Decimal) -> Decimal:
    """Return *value* if it has at most ``MAX_DIGITS`` significant digits and lies
    within ``10 ** ±MAX_MAGNITUDE``; else raise ``ValueError`` saying so.

    >>> within_limits(Decimal("1E+60"))
    Traceback (most recent call last):
    ...
    ValueError: 1E+60 is larger than planmodel computes exactly (10^50)
    """
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int), "only finite values reach here"
    if len(digits) > MAX_DIGITS:
        raise ValueError(
            f"a number of {len(digits)} significant digits has more than planmodel "
            f"computes exactly ({MAX_DIGITS})"
        )
    if value.adjusted() > MAX_MAGNITUDE:
        raise ValueError(f"{value} is larger than planmodel computes exactly (10^{MAX_MAGNITUDE})")
    if exponent < -MAX_MAGNITUDE:
        raise ValueError(
            f"{value} has digits below what planmodel computes exactly (10^-{MAX_MAGNITUDE})"
        )
    return value


# The operations are the contexts' own methods rather than functions calling them:
# evaluating a country calls them millions of times, and a call less is a tenth less.

#: ``a + b``, exactly (``Inexact`` is trapped).
add = _EXACT.add
#: ``a - b``, exactly.
sub = _EXACT.subtract
#: ``a * b``, exactly.
mul = _EXACT.multiply
#: Quotient rounded once to 28 significant digits; exact when it terminates.
div = _QUOTIENT.divide


def annual_growth(ratio: Decimal, years: int) -> Decimal:
    """``(ratio ** (1 / years) − 1)`` in percent, rounded once to 28 significant digits.

    The root is taken with 30 guard digits, so that a root that terminates comes out
    exact: 1 → 1000 over 3 years is 900%, not 899.99…%.

    >>> annual_growth(Decimal(1000), 3) == 900
    True
    """
    rounded = _growth_by_newton(ratio, years)
    if rounded is None:
        factor = _GUARDED.power(ratio, _GUARDED.divide(ONE, Decimal(years)))
        rounded = _QUOTIENT.plus(_GUARDED.multiply(_GUARDED.subtract(factor, ONE), HUNDRED))
    # Trailing zeros left by the rounding carry no information: 900, not 900.000…0.
    tidy = rounded.normalize(_QUOTIENT)
    if tidy.as_tuple().exponent > 0:  # type: ignore[operator]
        # 1E+29 written out in full, in a context wide enough to hold every digit.
        return tidy.quantize(ONE, context=digits_for(tidy, 0))
    return tidy


# Newton's method for the root, carried to 70 digits: far more than the 58 of the power
# above, so that the two agree wherever the 28-digit result does not sit on a rounding
# boundary, and the result is only used where it provably does not.
_ROOT = decimal.Context(
    prec=70, traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow]
)
#: How far apart the two computations of ``(root - 1) * 100`` may be, relative to the
#: root: the power above is within a few units of its 58th digit, Newton's method
#: within one of its 68th; this allows a hundred million times more.
_AGREEMENT = Decimal("1E-50")
_CONVERGED = Decimal("1E-62")


def _growth_by_newton(ratio: Decimal, years: int) -> Decimal | None:
    """``(ratio ** (1 / years) − 1) × 100`` rounded to 28 digits as :func:`annual_growth`
    rounds it, by Newton's method (a fifth of the time of the power); ``None`` where it
    cannot vouch for every digit, and the power decides.

    Every value within the two computations' error of the root rounds to the same 28
    digits, or ``None`` is returned: so where a value is returned, the power's value
    rounds to it too.
    """
    if not ratio > 0 or ratio == ONE or not 1 < years <= 1000:
        return None
    try:
        seed = float(ratio) ** (1.0 / years)
    except (OverflowError, ZeroDivisionError):
        return None
    if not 0.0 < seed < float("inf"):
        return None
    ctx, n = _ROOT, Decimal(years)
    root = Decimal(seed)
    for _ in range(3):  # 16 correct digits, then 32, 64, and the full 70
        below = ctx.power(root, years - 1)
        excess = ctx.subtract(ctx.multiply(below, root), ratio)
        root = ctx.subtract(root, ctx.divide(excess, ctx.multiply(n, below)))
    residual = abs(ctx.subtract(ctx.power(root, years), ratio))
    if residual > ctx.multiply(ratio, _CONVERGED):
        return None
    growth = ctx.multiply(ctx.subtract(root, ONE), HUNDRED)
    error = ctx.multiply(root, _AGREEMENT)
    rounded = _QUOTIENT.plus(growth)
    low = _QUOTIENT.plus(ctx.subtract(growth, error))
    high = _QUOTIENT.plus(ctx.add(growth, error))
    if low != rounded or high != rounded:
        return None
    return rounded


def digits_for(value: Decimal, places: int) -> decimal.Context:
    """A context just wide enough to write *value* with *places* decimal places.

    ``quantize`` fails in a context too narrow for its result, and the default context
    holds 28 digits: fewer than the numbers planmodel accepts (``MAX_DIGITS``) and
    computes (a growth rate can pass 10^30).
    """
    # One digit more than the value has before the point: rounding 9.996 carries to 10.00.
    return decimal.Context(
        prec=max(value.adjusted() + 2 + places, 1),
        traps=[decimal.InvalidOperation, decimal.Overflow],
    )


def percent_of(part: Decimal, whole: Decimal) -> Decimal:
    """``part / whole`` in percent, rounding (if at all) only in the final division."""
    return div(mul(part, HUNDRED), whole)


def plain(value: Decimal) -> str:
    """A number with every digit it has and a decimal point, never an exponent, as a
    CSV cell or a spreadsheet writes it; zero without a sign.

    >>> plain(Decimal("1E+3")), plain(Decimal("94.10")), plain(Decimal("-0.0"))
    ('1000', '94.10', '0.0')
    """
    if not value:
        value = abs(value)  # -0, left by a product or a quotient
    return f"{value:f}"


#: A number planmodel computes is shown with at most this many decimals.
SHOWN_PLACES = 2
_SHOWN_STEP = Decimal(1).scaleb(-SHOWN_PLACES)


def format_number(value: Decimal, *, given: bool = False) -> str:
    """A number for people, in plain notation with a decimal point: planmodel's one
    rule for showing numbers, before a language puts in its own marks.

    A figure as *given* (a reported figure, a bound the plan states) keeps every digit
    it was given with. A number planmodel computes (a ratio, a change, a gap, progress,
    a point on a line) is shown with at most two decimals, rounded as by hand (a half
    away from zero: 99.125 is ≈99.13), and marked ``≈`` whenever what is shown is not
    the exact value.

    >>> format_number(Decimal("7.20")), format_number(Decimal(1) / 3)
    ('7.20', '≈0.33')
    >>> format_number(Decimal("104.6875")), format_number(Decimal("104.6875"), given=True)
    ('≈104.69', '104.6875')
    """
    if given:
        return f"{value:f}"
    if not value:
        value = abs(value)  # -0, left by a product or a quotient, is shown as 0
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -SHOWN_PLACES:
        return f"{value:f}"
    shortened = value.quantize(
        _SHOWN_STEP, rounding=decimal.ROUND_HALF_UP, context=digits_for(value, SHOWN_PLACES)
    )
    if shortened == value:
        return f"{shortened:f}"  # 12.5000 is exactly 12.50: nothing was rounded away
    if not shortened:
        shortened = abs(shortened)  # -0.001 is ≈0.00, not ≈-0.00
    return f"≈{shortened:f}"
