"""By a deadline: milestones, yearly lines measured in years, the final figure, the latest
available figure, and yes/no milestones (semantics §2 "Schedule", round 2).

Lines are recomputed here with ``fractions.Fraction``: a year's end is the year itself.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from helpers import (
    judgement_for,
    make_plan,
    obs,
    one_target_plan,
    one_wide_target,
    result_of,
    target,
)
from planmodel import (
    Status,
    achieved,
    all_of,
    at_least,
    at_most,
    between,
    by_deadline,
    every_year,
    part,
    value,
)
from planmodel.strategies import decimals
from planmodel.words import say

# -- a line measured in years ---------------------------------------------------------------


def test_a_figure_exactly_on_a_yearly_line_is_on_track() -> None:
    # Emissions 100 in 2010, at most 50 by 2030: 2020 is halfway, the line is at 75.
    # Counted in days, the five leap days of 2012-2028 would move the line off 75.
    plan = one_target_plan(value("x"), at_most(50), by_deadline("2030-12-31", baseline=2010))
    on = result_of(plan, [obs("x", 2010, 100), obs("x", 2020, 75)], "2021-01-01")
    assert (on.status, judgement_for(on, 2020).expected) == (Status.ON_TRACK, Decimal(75))
    off = result_of(plan, [obs("x", 2010, 100), obs("x", 2020, "75.01")], "2021-01-01")
    assert off.status is Status.OFF_TRACK


@given(
    st.integers(1990, 2100),
    st.integers(1, 30),
    st.data(),
    decimals(-500, 500, 2),
    decimals(-500, 500, 2),
)
def test_yearly_interpolation_gives_exact_fractions_for_whole_years(
    baseline: int, years: int, data: st.DataObject, start: Decimal, goal: Decimal
) -> None:
    deadline = baseline + years
    assume(deadline <= 2200)
    year = data.draw(st.integers(baseline + 1, deadline - 1)) if years > 1 else None
    assume(year is not None)
    assert year is not None
    schedule = by_deadline(dt.date(deadline, 12, 31), baseline=baseline)
    plan = make_plan(
        [target("t", value("x"), at_least(goal), schedule)], first=baseline, last=deadline
    )
    found = judgement_for(
        result_of(plan, [obs("x", baseline, start), obs("x", year, 0)], f"{year}-12-31"), year
    )
    exact = Fraction(start) + (Fraction(goal) - Fraction(start)) * Fraction(year - baseline, years)
    assert found.expected is not None
    # One rounding at most (to 28 significant digits), and none when the share terminates.
    if all(p in (2, 5) for p in _prime_factors(Fraction(year - baseline, years).denominator)):
        assert Fraction(found.expected) == exact
    else:
        assert abs(Fraction(found.expected) - exact) <= abs(exact) * Fraction(1, 10**26) + Fraction(
            1, 10**26
        )


def _prime_factors(number: int) -> set[int]:
    found, factor = set(), 2
    while number > 1:
        while number % factor == 0:
            found.add(factor)
            number //= factor
        factor += 1
    return found


def test_a_dated_baseline_sits_inside_its_year() -> None:
    # Baseline 2021-07-02 (day 183 of 365: 2020 + 183/365), deadline end of 2023 at 10,
    # from 0: at the end of 2022, (2 − 183/365) / (3 − 183/365) = 547/912 of the way.
    plan = one_target_plan(
        value("x"), at_least(10), by_deadline("2023-12-31", baseline="2021-07-02")
    )
    found = result_of(plan, [obs("x", "2021-07-02", 0), obs("x", 2022, 6)], "2023-01-01")
    expected = judgement_for(found, 2022).expected
    assert expected is not None
    assert abs(Fraction(expected) - Fraction(10 * 547, 912)) < Fraction(1, 10**25)


# -- milestones -----------------------------------------------------------------------------

#: "50% reduction from 2010 by 2030; by 2020 25%; by 2025 38%", in tonnes: 100 in 2010,
#: at most 75 by 2020, 62 by 2025 and 50 by 2030.
CLIMATE = by_deadline("2030-12-31", baseline=2010, milestones={2020: 75, 2025: 62})


def climate(figures: dict[int, object], as_of: str) -> object:
    plan = one_wide_target(value("x"), at_most(50), CLIMATE)
    return result_of(
        plan, [obs("x", 2010, 100), *(obs("x", y, v) for y, v in figures.items())], as_of
    )


@pytest.mark.parametrize(
    ("year", "figure", "expected", "status"),
    [
        # 2015: halfway from 100 (2010) to 75 (2020): 87.5.
        (2015, "87.5", "87.5", "on_track"),
        (2015, "87.49", "87.5", "on_track"),
        (2015, "87.51", "87.5", "off_track"),
        # 2022: two fifths from 75 (2020) to 62 (2025): 75 − 13 × 2/5 = 69.8.
        (2022, "69.8", "69.8", "on_track"),
        (2022, "69.81", "69.8", "off_track"),
        # 2027: two fifths from 62 (2025) to 50 (2030): 62 − 12 × 2/5 = 57.2.
        (2027, "57.2", "57.2", "on_track"),
        (2027, "57.21", "57.2", "off_track"),
    ],
)
def test_the_interim_line_runs_through_the_milestones(
    year: int, figure: str, expected: str, status: str
) -> None:
    found = climate({year: figure}, f"{year + 1}-01-01")
    judged = judgement_for(found, year)  # type: ignore[arg-type]
    assert (judged.status.value, judged.expected) == (status, Decimal(expected))


@pytest.mark.parametrize(
    ("figure", "status"), [("75", "met"), ("74.9", "met"), ("75.01", "not_met")]
)
def test_a_passed_milestone_is_judged_like_a_deadline(figure: str, status: str) -> None:
    found = climate({2020: figure}, "2021-01-01")
    judged = judgement_for(found, 2020)  # type: ignore[arg-type]
    assert (judged.status.value, judged.expected) == (status, Decimal(75))
    assert judged.remark is not None
    assert say(judged.remark, "en") == "milestone 2020"
    # The latest judgement gives the status before the deadline.
    assert found.status.value == status  # type: ignore[attr-defined]


def test_a_missed_milestone_is_overtaken_by_a_later_figure_on_the_line() -> None:
    found = climate({2020: 80, 2022: 69}, "2023-01-01")
    assert [j.status.value for j in found.judgements] == ["not_met", "on_track"]  # type: ignore[attr-defined]
    assert found.status is Status.ON_TRACK  # type: ignore[attr-defined]


def test_a_passed_milestone_without_its_figure_is_no_data() -> None:
    found = climate({}, "2021-06-30")
    (judged,) = found.judgements  # type: ignore[attr-defined]
    assert (judged.period, judged.status, judged.expected) == (2020, Status.NO_DATA, 75)


@given(
    st.integers(2000, 2010),
    st.integers(2012, 2030),
    decimals(-200, 200, 2),
    decimals(-10, 10, 2),
    st.data(),
)
def test_a_milestone_on_the_straight_line_changes_nothing(
    baseline: int, deadline: int, start: Decimal, step: Decimal, data: st.DataObject
) -> None:
    # A line that moves by *step* a year: its value at any whole year is a decimal, so a
    # milestone can sit exactly on it, wherever it is drawn.
    goal = start + step * (deadline - baseline)
    middle = data.draw(st.integers(baseline + 1, deadline - 1))
    year = data.draw(st.integers(baseline + 1, deadline - 1).filter(lambda y: y != middle))
    milestone = start + step * (middle - baseline)
    figure = data.draw(decimals(-300, 300, 2))
    plain = by_deadline(dt.date(deadline, 12, 31), baseline=baseline)
    stepped = by_deadline(
        dt.date(deadline, 12, 31), baseline=baseline, milestones={middle: milestone}
    )
    figures = [obs("x", baseline, start), obs("x", year, figure)]
    plans = [
        make_plan([target("t", value("x"), at_least(goal), one)], first=baseline, last=deadline)
        for one in (plain, stepped)
    ]
    found = [judgement_for(result_of(plan, figures, f"{year}-12-31"), year) for plan in plans]
    # Whole years on a line of whole steps: both lines are exact, and equal.
    assert found[0].expected == found[1].expected == start + step * (year - baseline)
    assert found[0].status is found[1].status


def test_milestones_need_a_condition_with_a_goal() -> None:
    with pytest.raises(ValueError, match="milestones need a condition with a goal"):
        one_target_plan(value("x"), between(5, 10), CLIMATE)
    with pytest.raises(ValueError, match="every milestone must come after the baseline"):
        by_deadline("2030-12-31", baseline=2020, milestones={2015: 1})
    with pytest.raises(ValueError, match="every milestone must come before the deadline"):
        by_deadline("2025-12-31", milestones={2026: 1})


def test_a_milestone_keeps_the_conditions_tolerance() -> None:
    plan = one_wide_target(value("x"), at_most(50, tolerance=1), CLIMATE)
    found = result_of(plan, [obs("x", 2010, 100), obs("x", 2020, 76)], "2021-01-01")
    assert judgement_for(found, 2020).status is Status.NEARLY_MET


# -- the final figure ------------------------------------------------------------------------

BY_2025 = by_deadline("2025-12-31", baseline=2020)


def coverage(figures: dict[object, object], as_of: str, schedule: object = BY_2025) -> object:
    plan = one_target_plan(value("coverage"), at_least(95), schedule)  # type: ignore[arg-type]
    rows = [obs("coverage", 2020, 90), *(obs("coverage", p, v) for p, v in figures.items())]
    return result_of(plan, rows, as_of)


def test_after_the_deadline_an_older_figure_is_not_the_final_one() -> None:
    # "đến cuối nhiệm kỳ": with only a 2024 figure in 2026, the 2025 figure is not in yet.
    found = coverage({2024: 96}, "2026-06-30")
    assert found.status is Status.NO_DATA  # type: ignore[attr-defined]
    periods = [(j.period, j.status.value) for j in found.judgements]  # type: ignore[attr-defined]
    assert periods == [(2024, "on_track"), (dt.date(2025, 12, 31), "no_data")]


def test_a_figure_dated_inside_the_deadlines_year_is_final() -> None:
    found = coverage({2024: 96, dt.date(2025, 11, 30): "94.5"}, "2026-06-30")
    assert found.status is Status.NOT_MET  # type: ignore[attr-defined]
    assert judgement_for(found, dt.date(2025, 11, 30)).status is Status.NOT_MET  # type: ignore[arg-type]


def test_the_latest_figure_within_a_window_when_the_plan_says_so() -> None:
    window = by_deadline("2025-12-31", baseline=2020, latest_within=2)
    found = coverage({2024: 96}, "2026-06-30", window)
    assert found.status is Status.MET  # type: ignore[attr-defined]
    final = judgement_for(found, 2024)  # type: ignore[arg-type]
    assert final.remark is not None
    assert say(final.remark, "en") == ("latest figure of the last 2 years (2024) taken as final")
    # Outside the window: no data.
    assert coverage({2023: 96}, "2026-06-30", window).status is Status.NO_DATA  # type: ignore[attr-defined]


def test_a_latest_window_is_at_least_a_year() -> None:
    with pytest.raises(ValueError, match="latest_within"):
        by_deadline("2025-12-31", latest_within=0)


def test_an_all_of_after_its_deadline_is_judged_on_the_deadlines_figures() -> None:
    condition = all_of(part(value("coverage"), at_least(95)), part(value("schools"), at_least(9)))
    plan = one_target_plan(None, condition, by_deadline("2025-12-31"))
    figures = [obs("coverage", 2024, 96), obs("schools", 2024, 9)]
    assert result_of(plan, figures, "2026-01-01").status is Status.NO_DATA
    figures += [obs("coverage", 2025, 96), obs("schools", 2025, 8)]
    assert result_of(plan, figures, "2026-01-01").status is Status.NOT_MET


# -- yes/no milestones ------------------------------------------------------------------------


def milestone(figures: dict[object, bool], as_of: str) -> object:
    """ "Đến năm 2025, xã đạt chuẩn nông thôn mới nâng cao"."""
    plan = one_wide_target(value("reached"), achieved(), by_deadline("2025-12-31"))
    return result_of(plan, [obs("reached", p, v) for p, v in figures.items()], as_of)


def test_a_milestone_reached_before_the_deadline_is_met_and_says_when() -> None:
    found = milestone({2023: False, 2024: True}, "2025-06-30")
    assert found.status is Status.MET  # type: ignore[attr-defined]
    reached = judgement_for(found, 2024)  # type: ignore[arg-type]
    assert reached.remark is not None
    assert say(reached.remark, "en") == "reached in 2024"
    assert say(reached.remark, "vi") == "hoàn thành năm 2024"
    # And stays met after the deadline.
    assert milestone({2024: True}, "2026-06-30").status is Status.MET  # type: ignore[attr-defined]


def test_a_milestone_not_yet_reached_is_pending_then_not_met() -> None:
    assert milestone({2023: False}, "2024-06-30").status is Status.PENDING  # type: ignore[attr-defined]
    assert milestone({2025: False}, "2026-01-01").status is Status.NOT_MET  # type: ignore[attr-defined]
    assert milestone({2024: False}, "2026-01-01").status is Status.NO_DATA  # type: ignore[attr-defined]


def test_a_dated_yes_figure_records_the_day() -> None:
    found = milestone({dt.date(2025, 3, 15): True}, "2025-06-30")
    reached = judgement_for(found, dt.date(2025, 3, 15))  # type: ignore[arg-type]
    assert reached.remark is not None
    assert say(reached.remark, "en") == "reached on 2025-03-15"
    assert say(reached.remark, "vi") == "hoàn thành ngày 15/03/2025"


def test_every_year_yes_no() -> None:
    plan = one_wide_target(value("reached"), achieved(), every_year(2021, 2022))
    found = result_of(plan, [obs("reached", 2021, True), obs("reached", 2022, False)], "2023-01-01")
    assert [j.status.value for j in found.judgements] == ["met", "not_met"]


# -- fiscal years: put in order by the plan's calendar ------------------------------------


def test_fiscal_years_are_put_in_order_by_the_plans_calendar() -> None:
    # With years starting in July, FY2024 ends on 2024-06-30 and FY2026 on 2026-06-30:
    # both come before a deadline at the end of 2026, and FY2025 before 2025-09-30.
    july = [
        by_deadline("2026-12-31", baseline="FY2024", milestones={"FY2026": 39}),
        by_deadline("2025-09-30", baseline="FY2025"),
    ]
    for schedule in july:
        plan = make_plan(
            [target("t", value("coverage"), at_least(40), schedule)],
            first=2024,
            last=2026,
            fiscal_year_start=7,
        )
        assert plan.target("t").schedule == schedule


def test_a_fiscal_year_after_the_deadline_is_refused_with_its_path() -> None:
    # FY2025 of a July plan ends on 2025-06-30: not before a deadline of 2025-03-31.
    late = by_deadline("2025-03-31", baseline="FY2025")
    with pytest.raises(ValueError, match=r"\$\.targets\[0\]\.schedule\.baseline") as raised:
        make_plan(
            [target("t", value("coverage"), at_least(40), late)],
            first=2024,
            last=2026,
            fiscal_year_start=7,
        )
    assert "FY2025 must come before the deadline 2025-03-31" in str(raised.value)


def test_calendar_periods_are_put_in_order_when_the_schedule_is_built() -> None:
    with pytest.raises(ValueError, match="must come before the deadline"):
        by_deadline("2025-03-31", baseline=2025)
    with pytest.raises(ValueError, match="every milestone must come before the deadline"):
        by_deadline("2025-12-31", baseline=2020, milestones={"2025-Q4": 1})
