"""Conditions: which values are acceptable, and the status, gap and progress of a figure.

The properties follow the contract (semantics §2-4); each is checked end to end, by
evaluating a one-target plan, against figures computed independently here with
``fractions.Fraction``.
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from helpers import (
    GRADE,
    SEVERITY,
    Numeric,
    Written,
    acceptable,
    contract_gap,
    contract_status,
    make_plan,
    obs,
    one_target_plan,
    result_of,
    target,
)
from planmodel import (
    AtLeast,
    AtMost,
    Better,
    Between,
    Condition,
    Judgement,
    Measure,
    Observation,
    PlanValidationError,
    Rated,
    Status,
    all_of,
    at_least,
    at_most,
    between,
    by_deadline,
    change_from_previous,
    change_since,
    change_vs,
    every_year,
    exactly,
    lowest_rating,
    part,
    rating_at_least,
    ratio,
    value,
)
from planmodel.strategies import decimals

# -- strategies ----------------------------------------------------------------------------

bounds = decimals(-200, 200, 2)
betters: st.SearchStrategy[Better | None] = st.sampled_from([None, "higher", "lower"])


@st.composite
def numeric_conditions(draw: st.DrawFn, strict: bool | None = None) -> Written:
    """Any numeric condition as a plan states it; ``strict=False`` for inclusive bounds only."""
    flag = st.just(False) if strict is False else st.booleans()
    kind = draw(st.sampled_from(["at_least", "at_most", "exactly", "between"]))
    if kind == "at_least":
        return Written("at_least", (draw(bounds),), lower_strict=draw(flag))
    if kind == "at_most":
        return Written("at_most", (draw(bounds),), upper_strict=draw(flag))
    if kind == "exactly":
        return Written("exactly", (draw(bounds),), better=draw(betters))
    lo, hi = sorted([draw(bounds), draw(bounds)])
    lo_strict, hi_strict = draw(flag), draw(flag)
    if lo == hi:
        lo_strict = hi_strict = False
    return Written("between", (lo, hi), lo_strict, hi_strict, draw(betters))


@st.composite
def values_near(draw: st.DrawFn, written: Written) -> Decimal:
    """Values on, just beside, or anywhere around the condition's numbers."""
    step = draw(st.sampled_from([Decimal(0), Decimal("0.01"), Decimal("-0.01"), Decimal("0.001")]))
    near = st.sampled_from(written.numbers).map(lambda b: b + step)
    return draw(st.one_of(near, near, decimals(-300, 300, 3)))


# -- judging through a one-target plan -----------------------------------------------------


def judge(
    condition: Condition, v: Decimal | int | str, measure: Measure | None = None
) -> Judgement:
    """The judgement of *v* (metric ``x`` in 2021) under *condition*, evaluated after 2021."""
    plan = one_target_plan(measure or value("x"), condition, every_year(2021, 2021))
    found = result_of(plan, [obs("x", 2021, v)], "2022-01-01")
    assert found.status is found.judgements[0].status
    return found.judgements[0]


def judge_with_baseline(condition: Condition, baseline: Decimal, v: Decimal) -> Judgement:
    """The final judgement of *v* in 2025 for a target due by 2025-12-31, baseline 2020."""
    plan = one_target_plan(value("x"), condition, by_deadline("2025-12-31", baseline=2020))
    found = result_of(plan, [obs("x", 2020, baseline), obs("x", 2025, v)], "2026-01-01")
    assert found.judgements[-1].period == 2025
    return found.judgements[-1]


# -- bounds ---------------------------------------------------------------------------------


@given(numeric_conditions(strict=False), st.data())
def test_a_value_equal_to_an_inclusive_bound_is_inside_it(
    written: Written, data: st.DataObject
) -> None:
    bound = data.draw(st.sampled_from(written.numbers))
    found = judge(written.build(), bound)
    assert found.status is Status.MET
    assert found.gap == 0


def test_a_value_equal_to_a_bound_is_inside_it_with_exact_decimals() -> None:
    # In decimals 0.1 + 0.2 is 0.3 exactly (in binary floats it is 0.30000000000000004),
    # so the sum lies on each of these bounds.
    for condition in (exactly("0.3"), at_most("0.3"), at_least("0.3"), between("0.3", "0.4")):
        assert judge(condition, Decimal("0.1") + Decimal("0.2")).status is Status.MET


@given(bounds, st.sampled_from(["at_least", "at_most", "lo", "hi"]), betters)
def test_a_strict_bound_excludes_the_bound(
    bound: Decimal, which: str, better: Better | None
) -> None:
    condition: Numeric
    if which == "at_least":
        condition = at_least(bound, strict=True)
    elif which == "at_most":
        condition = at_most(bound, strict=True)
    elif which == "lo":
        condition = between(bound, bound + 10, better=better, lo_strict=True)
    else:
        condition = between(bound - 10, bound, better=better, hi_strict=True)
    found = judge(condition, bound)
    assert found.status is not Status.MET
    # Beyond a far bound on the better side is a success; otherwise the bound is missed.
    far_and_better = (which == "lo" and better == "lower") or (which == "hi" and better == "higher")
    assert found.status is (Status.EXCEEDED if far_and_better else Status.NOT_MET)
    # Reading settled in the core: the gap on a strict bound is the distance to the bound.
    assert found.gap == 0
    # Just past the bound on the acceptable side is inside.
    step = Decimal("0.001")
    inner = bound + step if which in ("at_least", "lo") else bound - step
    assert judge(condition, inner).status is Status.MET


@given(numeric_conditions(strict=False).flatmap(lambda c: st.tuples(st.just(c), values_near(c))))
def test_gap_is_zero_exactly_when_the_condition_holds(case: tuple[Written, Decimal]) -> None:
    written, v = case
    found = judge(written.build(), v)
    assert (found.gap == 0) is acceptable(written, v)
    assert (found.gap == 0) is (found.status is Status.MET)


@given(numeric_conditions().flatmap(lambda c: st.tuples(st.just(c), values_near(c))))
def test_gap_is_the_distance_to_the_nearest_acceptable_value(case: tuple[Written, Decimal]) -> None:
    written, v = case
    found = judge(written.build(), v)
    assert found.gap is not None
    assert Fraction(found.gap) == contract_gap(written, v)
    assert found.value == v


@given(numeric_conditions().flatmap(lambda c: st.tuples(st.just(c), values_near(c))))
def test_status_inside_and_beyond_the_bounds(case: tuple[Written, Decimal]) -> None:
    written, v = case
    assert judge(written.build(), v).status is contract_status(written, v)


@pytest.mark.parametrize(
    ("better", "figure", "status", "gap"),
    [
        # between 5 and 10, higher is better (T1): 12 is 2 above the far bound.
        ("higher", "12", "exceeded", "2"),
        ("higher", "3", "not_met", "2"),
        # a band (both bounds bind): outside either side is not met.
        (None, "12", "not_met", "2"),
        (None, "3", "not_met", "2"),
        # lower is better: below the far bound is a success.
        ("lower", "3", "exceeded", "2"),
        ("lower", "12", "not_met", "2"),
        (None, "5", "met", "0"),
        (None, "10", "met", "0"),
    ],
)
def test_exceeded_or_not_met_beyond_between_follows_better(
    better: Better | None, figure: str, status: str, gap: str
) -> None:
    found = judge(between(5, 10, better=better), figure)
    assert (found.status.value, found.gap) == (status, Decimal(gap))


@pytest.mark.parametrize(
    ("better", "figure", "status"),
    [
        ("higher", 10, "exceeded"),
        ("higher", 8, "not_met"),
        ("lower", 8, "exceeded"),
        ("lower", 10, "not_met"),
        (None, 10, "not_met"),
        (None, 8, "not_met"),
        (None, 9, "met"),
    ],
)
def test_exactly_with_and_without_a_better_side(
    better: Better | None, figure: int, status: str
) -> None:
    # T5-style "exactly 9 schools": one more is a success only when higher is better.
    found = judge(exactly(9, better=better), figure)
    assert found.status.value == status
    assert found.gap == abs(figure - 9)


def test_one_sided_conditions_are_met_not_exceeded_far_beyond() -> None:
    assert judge(at_least(95), 100).status is Status.MET
    assert judge(at_most(0), -5).status is Status.MET


# -- monotonicity ---------------------------------------------------------------------------


@given(numeric_conditions(), decimals(-300, 300, 3), decimals(0, 300, 3))
def test_raising_a_value_never_turns_met_into_not_met_where_higher_is_better(
    written: Written, v: Decimal, rise: Decimal
) -> None:
    assume(written.better_side == "higher")
    condition = written.build()
    low, high = judge(condition, v).status, judge(condition, v + rise).status
    if low.is_success:
        assert high.is_success
    assert SEVERITY.index(high.value) >= SEVERITY.index(low.value) or high.is_success


@given(numeric_conditions(), decimals(-300, 300, 3), decimals(0, 300, 3))
def test_lowering_a_value_never_turns_met_into_not_met_where_lower_is_better(
    written: Written, v: Decimal, fall: Decimal
) -> None:
    assume(written.better_side == "lower")
    condition = written.build()
    high, low = judge(condition, v).status, judge(condition, v - fall).status
    if high.is_success:
        assert low.is_success
    assert SEVERITY.index(low.value) >= SEVERITY.index(high.value) or low.is_success


@given(bounds, decimals(-300, 300, 3), decimals(0, 300, 3))
def test_at_least_and_at_most_are_monotone(bound: Decimal, v: Decimal, step: Decimal) -> None:
    # The contract's own wording: on a higher-is-better at-least target, raising the value
    # never turns met into not met; mirrored for lower-is-better.
    if judge(at_least(bound), v).status is Status.MET:
        assert judge(at_least(bound), v + step).status is Status.MET
    if judge(at_most(bound), v).status is Status.MET:
        assert judge(at_most(bound), v - step).status is Status.MET


# -- progress -------------------------------------------------------------------------------


@given(decimals(1, 500, 2), decimals(-300, 600, 3))
def test_progress_without_a_baseline_is_value_over_target(goal: Decimal, v: Decimal) -> None:
    found = judge(at_least(goal), v)
    assert found.progress is not None
    assert (found.progress == 1) is (v == goal)
    assert (found.progress > 1) is (v > goal)
    exact = Fraction(v) / Fraction(goal)
    assert abs(Fraction(found.progress) - exact) <= abs(exact) * Fraction(1, 10**26)


@given(
    st.one_of(
        decimals(1, 200, 2).map(at_least),
        st.tuples(decimals(1, 100, 2), decimals(0, 100, 2)).map(
            lambda t: between(t[0], t[0] + t[1], better="higher")
        ),
        decimals(1, 200, 2).map(lambda b: exactly(b, better="higher")),
    ),
    decimals(-300, 300, 3),
    decimals(0, 300, 3),
)
def test_progress_without_a_baseline_rises_with_the_value(
    condition: Numeric, v: Decimal, rise: Decimal
) -> None:
    before, after = judge(condition, v).progress, judge(condition, v + rise).progress
    assert before is not None
    assert after is not None
    assert after >= before


@st.composite
def aimed_conditions(draw: st.DrawFn) -> tuple[Numeric, Decimal, Decimal, str]:
    """A condition with a goal, its target as a range (the goal, and the far bound:
    the goal again for a one-sided condition), and the better side."""
    goal = draw(bounds)
    kind = draw(st.sampled_from(["at_least", "at_most", "between", "exactly"]))
    if kind == "at_least":
        return at_least(goal), goal, goal, "higher"
    if kind == "at_most":
        return at_most(goal), goal, goal, "lower"
    better: Better = draw(st.sampled_from(["higher", "lower"]))
    if kind == "exactly":
        return exactly(goal, better=better), goal, goal, better
    width = draw(decimals(0, 50, 2))
    if better == "higher":
        return between(goal, goal + width, better="higher"), goal, goal + width, better
    return between(goal - width, goal, better="lower"), goal, goal - width, better


def nearest_in_target(v: Fraction, goal: Fraction, far: Fraction) -> Fraction:
    """The point of the target (the range from the goal to the far bound) nearest to v:
    progress is measured against it, so that it is 1 anywhere in the range."""
    low, high = min(goal, far), max(goal, far)
    return min(max(v, low), high)


@given(aimed_conditions(), bounds, decimals(-300, 300, 3))
def test_progress_with_a_baseline(
    aimed: tuple[Numeric, Decimal, Decimal, str], baseline: Decimal, v: Decimal
) -> None:
    condition, goal, far, better = aimed
    found = judge_with_baseline(condition, baseline, v)
    distance = Fraction(goal) - Fraction(baseline)
    if distance == 0 or (distance < 0) != (better == "lower"):
        # The target equals the baseline or lies behind it: progress has no meaning.
        assert found.progress is None
        return
    assert found.progress is not None
    aim = nearest_in_target(Fraction(v), Fraction(goal), Fraction(far))
    exact = (Fraction(v) - Fraction(baseline)) / (aim - Fraction(baseline))
    assert abs(Fraction(found.progress) - exact) <= abs(exact) * Fraction(1, 10**26)
    within = min(goal, far) <= v <= max(goal, far)
    assert (found.progress == 1) is within
    beyond = v > far if better == "higher" else v < far
    assert (found.progress > 1) is beyond


@given(
    st.tuples(decimals(1, 100, 2), decimals(0, 100, 2)),
    decimals(-300, 300, 3),
)
def test_progress_in_a_range_without_a_baseline(
    range_: tuple[Decimal, Decimal], v: Decimal
) -> None:
    # Without a baseline, v over the point of the range nearest to v: v / lo below it,
    # 1 within it, v / hi above it.
    lo, width = range_
    found = judge(between(lo, lo + width, better="higher"), v)
    aim = nearest_in_target(Fraction(v), Fraction(lo), Fraction(lo + width))
    exact = Fraction(v) / aim
    assert found.progress is not None
    assert abs(Fraction(found.progress) - exact) <= abs(exact) * Fraction(1, 10**26)
    assert (found.progress == 1) is (lo <= v <= lo + width)


def test_progress_in_a_range_reads_as_the_range() -> None:
    # 8% inside "5-10%, more is better" has reached the target: 100%, not 8 / 5 = 160%.
    assert judge(between(5, 10, better="higher"), 8).progress == 1
    assert judge(between(5, 10, better="higher"), 4).progress == Decimal("0.8")  # 4 / 5
    assert judge(between(5, 10, better="higher"), 12).progress == Decimal("1.2")  # 12 / 10
    # With a baseline of 2: (4 − 2) / (5 − 2) below, 1 within, (12 − 2) / (10 − 2) above.
    higher = between(5, 10, better="higher")
    assert judge_with_baseline(higher, Decimal(2), Decimal(4)).progress == Decimal(2) / 3
    assert judge_with_baseline(higher, Decimal(2), Decimal(7)).progress == 1
    assert judge_with_baseline(higher, Decimal(2), Decimal(12)).progress == Decimal("1.25")
    # A fall of 1 to 1.5 points from a baseline change of 0: −0.5 is halfway to −1,
    # −1.2 within, −3 is twice −1.5.
    fall = between("-1.5", -1, better="lower")
    assert judge_with_baseline(fall, Decimal(0), Decimal("-0.5")).progress == Decimal("0.5")
    assert judge_with_baseline(fall, Decimal(0), Decimal("-1.2")).progress == 1
    assert judge_with_baseline(fall, Decimal(0), Decimal(-3)).progress == 2


@given(aimed_conditions(), bounds, decimals(-300, 300, 3), decimals(0, 300, 3))
def test_progress_with_a_baseline_rises_as_the_value_improves(
    aimed: tuple[Numeric, Decimal, Decimal, str], baseline: Decimal, v: Decimal, step: Decimal
) -> None:
    condition, _goal, _far, better = aimed
    improved = v + step if better == "higher" else v - step
    before = judge_with_baseline(condition, baseline, v).progress
    after = judge_with_baseline(condition, baseline, improved).progress
    assert (before is None) is (after is None)
    if before is not None and after is not None:
        assert after >= before


def test_progress_one_at_the_target_with_and_without_a_baseline() -> None:
    # Without a baseline: 95 / 95 = 1. With baseline 90: (95 − 90) / (95 − 90) = 1.
    assert judge(at_least(95), 95).progress == 1
    assert judge_with_baseline(at_least(95), Decimal(90), Decimal(95)).progress == 1
    # Halfway: (92.5 − 90) / 5 = 0.5; beyond: (97 − 90) / 5 = 1.4.
    assert judge_with_baseline(at_least(95), Decimal(90), Decimal("92.5")).progress == Decimal(
        "0.5"
    )
    assert judge_with_baseline(at_least(95), Decimal(90), Decimal(97)).progress == Decimal("1.4")
    # T7: poor households reduced by ¾: baseline change 0, target −75: −60 / −75 = 0.8.
    assert judge_with_baseline(at_most(-75), Decimal(0), Decimal(-60)).progress == Decimal("0.8")


@pytest.mark.parametrize(
    "condition",
    [
        at_most(10),  # lower is better, no baseline
        between(5, 10),  # a band
        exactly(9),  # exactly, neither side better
        at_least(0),  # a goal that is not positive
        at_least(-5),
    ],
    ids=["at_most", "band", "exactly", "zero goal", "negative goal"],
)
def test_progress_is_absent_where_it_has_no_meaning(condition: Condition) -> None:
    assert judge(condition, 7).progress is None


def test_progress_is_absent_when_the_target_is_the_baseline_or_behind_it() -> None:
    assert judge_with_baseline(at_least(95), Decimal(95), Decimal(96)).progress is None
    assert judge_with_baseline(at_least(95), Decimal(97), Decimal(96)).progress is None
    assert judge_with_baseline(at_most(-75), Decimal(-80), Decimal(-76)).progress is None


def test_progress_is_absent_for_ratings() -> None:
    plan = one_target_plan(lowest_rating("fronts"), rating_at_least("tot"), every_year(2021, 2021))
    judged = result_of(plan, [obs("fronts", 2021, Rated("xs"))], "2022-01-01").judgements[0]
    assert judged.status is Status.MET
    assert judged.progress is None


# -- ratings --------------------------------------------------------------------------------


@given(st.sampled_from(GRADE.level_ids), st.sampled_from(GRADE.level_ids))
def test_rating_at_least_a_level(rated: str, required: str) -> None:
    plan = one_target_plan(
        lowest_rating("fronts"), rating_at_least(required), every_year(2021, 2021)
    )
    found = result_of(plan, [obs("fronts", 2021, Rated(rated))], "2022-01-01").judgements[0]
    short = GRADE.rank(required) - GRADE.rank(rated)
    assert found.status is (Status.MET if short <= 0 else Status.NOT_MET)
    assert found.gap == max(short, 0)
    assert found.value == rated


# -- relative change is unit-free ----------------------------------------------------------

_WIDE = decimal.Context(prec=200)
factors = decimals(0, 1000, 3).filter(lambda k: k > 0)


def scaled(figures: list[Observation], factor: Decimal) -> list[Observation]:
    found = []
    for o in figures:
        assert isinstance(o.value, Decimal)
        found.append(obs(o.metric, o.period, _WIDE.multiply(o.value, factor)))
    return found


@given(
    st.sampled_from(["vs", "since", "previous", "ratio"]),
    numeric_conditions().map(Written.build),
    decimals(-500, 500, 3),
    decimals(-500, 500, 3).filter(lambda r: r != 0),
    factors,
)
def test_relative_change_is_unit_free(
    kind: str, condition: Numeric, v: Decimal, reference: Decimal, factor: Decimal
) -> None:
    measure: Measure
    if kind == "vs":
        measure = change_vs("x", "y")
        figures = [obs("x", 2021, v), obs("y", 2021, reference)]
    elif kind == "ratio":
        measure = ratio("x", "y")
        figures = [obs("x", 2021, v), obs("y", 2021, reference)]
    else:
        measure = change_since("x", 2020) if kind == "since" else change_from_previous("x")
        figures = [obs("x", 2021, v), obs("x", 2020, reference)]
    plan = one_target_plan(measure, condition, every_year(2021, 2021))
    original = result_of(plan, figures, "2022-01-01")
    rescaled = result_of(plan, scaled(figures, factor), "2022-01-01")
    assert original.status is rescaled.status
    before, after = original.judgements[0], rescaled.judgements[0]
    assert before.value is not None
    assert (before.value, before.status, before.gap, before.progress) == (
        after.value,
        after.status,
        after.gap,
        after.progress,
    )


# -- all of ---------------------------------------------------------------------------------


@given(
    st.lists(
        st.tuples(numeric_conditions(), st.one_of(st.none(), decimals(-300, 300, 3))),
        min_size=2,
        max_size=3,
    ),
    st.booleans(),
)
def test_all_of_is_the_most_severe_part_and_exceeded_only_when_every_part_is(
    parts: list[tuple[Written, Decimal | None]], due: bool
) -> None:
    metrics = ["x", "y", "z"][: len(parts)]
    built = [written.build() for written, _ in parts]
    condition = all_of(*(part(value(m), c) for m, c in zip(metrics, built, strict=True)))
    alone = [
        target(f"alone_{m}", value(m), c, every_year(2021, 2021))
        for m, c in zip(metrics, built, strict=True)
    ]
    plan = make_plan([target("t", None, condition, every_year(2021, 2021)), *alone])
    figures = [obs(m, 2021, v) for m, (_, v) in zip(metrics, parts, strict=True) if v is not None]
    as_of = "2022-01-01" if due else "2021-06-30"
    found = result_of(plan, figures, as_of)
    whole = found.judgements[0]
    # Each part as the contract judges it: its own condition, no data, or not yet due.
    expected = [
        (contract_status(written, v) if v is not None else Status.NO_DATA)
        if due
        else Status.PENDING
        for written, v in parts
    ]
    assert [j.status for j in whole.parts] == expected
    statuses = [status.value for status in expected]
    assert whole.status.value == min(statuses, key=SEVERITY.index)
    assert (whole.status is Status.EXCEEDED) is all(s == "exceeded" for s in statuses)
    assert found.status is whole.status
    # Each part is judged exactly as the same condition would be on its own.
    for m, judged in zip(metrics, whole.parts, strict=True):
        assert judged == result_of(plan, figures, as_of, f"alone_{m}").judgements[0]


def test_all_of_exceeded_only_when_every_part_is() -> None:
    share = part(value("x"), between(80, 90, better="higher"))
    members = part(value("y"), between(180, 200, better="higher"))
    plan = one_target_plan(None, all_of(share, members), every_year(2021, 2022))
    figures = [obs("x", 2021, 95), obs("y", 2021, 210), obs("x", 2022, 95), obs("y", 2022, 190)]
    found = result_of(plan, figures, "2023-01-01")
    # 2021: 95 > 90 exceeded, 210 > 200 exceeded → exceeded.
    # 2022: 95 exceeded, 190 met → met (the more severe).
    assert [j.status.value for j in found.judgements] == ["exceeded", "met"]
    assert found.status is Status.MET


def test_all_of_needs_parts_with_their_own_measures() -> None:
    with pytest.raises(ValueError, match="at least two parts"):
        all_of(part(value("x"), at_least(1)))
    with pytest.raises(PlanValidationError, match=r"targets\[0\]\.measure"):
        one_target_plan(
            value("x"),
            all_of(part(value("x"), at_least(1)), part(value("y"), at_most(2))),
            every_year(2021, 2021),
        )


# -- building conditions -------------------------------------------------------------------


def test_numbers_must_be_exact() -> None:
    assert at_least(0.3).value == Decimal("0.3")
    with pytest.raises(ValueError, match="finite"):
        at_least("NaN")
    with pytest.raises(ValueError, match="finite"):
        at_most("Infinity")


def test_between_needs_lo_not_above_hi_and_a_nonempty_band() -> None:
    with pytest.raises(ValueError, match="lo must not exceed hi"):
        between(10, 5)
    with pytest.raises(ValueError, match="strictly within"):
        between(5, 5, lo_strict=True)
    assert judge(between(5, 5), 5).status is Status.MET


def test_a_condition_must_agree_with_its_metrics_better_side() -> None:
    # Coverage is higher-is-better: "at most 95" contradicts it.
    with pytest.raises(PlanValidationError, match="higher is better"):
        one_target_plan(value("coverage"), at_most(95), every_year(2021, 2021))


def test_numeric_conditions_refuse_ratings() -> None:
    with pytest.raises(PlanValidationError, match="rating_at_least"):
        one_target_plan(lowest_rating("fronts"), at_least(1), every_year(2021, 2021))
    with pytest.raises(PlanValidationError, match="yields a number"):
        one_target_plan(value("x"), rating_at_least("tot"), every_year(2021, 2021))


def test_condition_constructors() -> None:
    assert at_least(95) == AtLeast(Decimal(95), False)
    assert at_least(95, strict=True).strict
    assert at_most("0") == AtMost(Decimal(0), False)
    assert between("6.5", 7, better="higher") == Between(Decimal("6.5"), Decimal(7), "higher")
    assert exactly(9, better="higher").better == "higher"
