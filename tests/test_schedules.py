"""Schedules: when a condition is judged (semantics §2 "Schedule", §4 aggregation).

The line from the baseline to the target is recomputed here with
``fractions.Fraction``, measured in years as the contract says: a year's end is the
year itself, any other day its year minus one plus the share of its year passed.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import (
    Written,
    contract_status,
    judgement_for,
    obs,
    one_target_plan,
    result_of,
    statuses,
    worst,
)
from planmodel import (
    Better,
    ByDeadline,
    EveryYear,
    OverTerm,
    Plan,
    PlanValidationError,
    Rated,
    Status,
    all_of,
    at_least,
    at_most,
    between,
    by_deadline,
    change_since,
    every_year,
    growth,
    lowest_rating,
    over_term,
    part,
    rating_at_least,
    share_at_least,
    total,
    value,
)
from planmodel.strategies import decimals
from planmodel.words import say

Period = int | dt.date


def end_of(period: Period) -> dt.date:
    """The day a period counts as of: a year's 31 December, or the day itself."""
    return dt.date(period, 12, 31) if isinstance(period, int) else period


# -- every year -----------------------------------------------------------------------------

#: T1's reading: between 5 and 10 (%), higher is better.
T1_BAND = between(5, 10, better="higher")
OUTCOMES = {
    "met": decimals(5, 10, 3),
    "exceeded": decimals(10, 100, 3).filter(lambda v: v > 10),
    "not_met": decimals(-100, 5, 3).filter(lambda v: v < 5),
}


@given(
    st.lists(st.sampled_from(["met", "exceeded", "not_met", "missing"]), min_size=1, max_size=6),
    st.dates(dt.date(2020, 1, 1), dt.date(2028, 12, 31)),
    st.data(),
)
def test_every_year_judges_due_years_and_leaves_later_ones_pending(
    outcomes: list[str], as_of: dt.date, data: st.DataObject
) -> None:
    first = 2021
    years = list(range(first, first + len(outcomes)))
    figures = {
        year: data.draw(OUTCOMES[outcome])
        for year, outcome in zip(years, outcomes, strict=True)
        if outcome != "missing"
    }
    plan = one_target_plan(value("x"), T1_BAND, every_year(years[0], years[-1]))
    found = result_of(plan, [obs("x", y, v) for y, v in figures.items()], as_of)

    due = [year for year in years if dt.date(year, 12, 31) <= as_of]
    expected = {
        year: ("no_data" if outcome == "missing" else outcome) if year in due else "pending"
        for year, outcome in zip(years, outcomes, strict=True)
    }
    assert [j.period for j in found.judgements] == years
    assert statuses(found) == [expected[year] for year in years]
    # A year's figure is shown even while the year is still open.
    for judged in found.judgements:
        assert isinstance(judged.period, int)
        assert judged.value == figures.get(judged.period)
    if not due:
        overall = "pending"
    else:
        overall = worst(expected[year] for year in due)
        if overall in ("met", "exceeded") and len(due) < len(years):
            overall = "on_track"
    assert found.status.value == overall
    # A due year without a figure is never silently met.
    if any(expected[year] == "no_data" for year in due):
        assert not found.status.is_success
        assert found.status is not Status.ON_TRACK


def test_every_year_on_track_then_met() -> None:
    # T4-style "at least 83% every year 2021-2023".
    plan = one_target_plan(value("cultured"), at_least(83), every_year(2021, 2023))
    figures = [obs("cultured", 2021, 83), obs("cultured", 2022, "84.5"), obs("cultured", 2023, 90)]
    # 2021 and 2022 closed and met, 2023 still open: on track; its figure is shown, pending.
    mid = result_of(plan, figures, "2023-06-30")
    assert mid.status is Status.ON_TRACK
    assert statuses(mid) == ["met", "met", "pending"]
    assert judgement_for(mid, 2023).value == 90
    # On 31 December 2023 the last year has closed (a year counts as of its last day).
    end = result_of(plan, figures, "2023-12-31")
    assert end.status is Status.MET
    assert statuses(end) == ["met", "met", "met"]
    # The day before, it has not.
    assert result_of(plan, figures, "2023-12-30").status is Status.ON_TRACK


def test_every_year_exceeded_only_when_every_year_is() -> None:
    plan = one_target_plan(value("x"), T1_BAND, every_year(2021, 2022))
    all_above = result_of(plan, [obs("x", 2021, 11), obs("x", 2022, 12)], "2023-01-01")
    assert all_above.status is Status.EXCEEDED
    one_met = result_of(plan, [obs("x", 2021, 11), obs("x", 2022, 7)], "2023-01-01")
    assert one_met.status is Status.MET


def test_every_year_missing_year_is_no_data_not_dropped() -> None:
    plan = one_target_plan(value("cultured"), at_least(83), every_year(2021, 2023))
    found = result_of(plan, [obs("cultured", 2021, 90), obs("cultured", 2023, 90)], "2024-01-01")
    assert statuses(found) == ["met", "no_data", "met"]
    assert found.status is Status.NO_DATA
    reason = judgement_for(found, 2022).reason
    assert reason is not None
    assert "2022" in say(reason, "en", plan)
    assert "2022" in say(reason, "vi", plan)


def test_every_year_before_any_year_closes_is_pending() -> None:
    plan = one_target_plan(value("cultured"), at_least(83), every_year(2021, 2023))
    found = result_of(plan, [obs("cultured", 2021, 50)], "2021-12-30")
    assert found.status is Status.PENDING
    assert statuses(found) == ["pending", "pending", "pending"]


def test_every_year_takes_the_years_figure_not_a_figure_dated_inside_it() -> None:
    # A figure dated 2021-06-30 is not the figure for the year 2021.
    plan = one_target_plan(value("cultured"), at_least(83), every_year(2021, 2021))
    found = result_of(plan, [obs("cultured", dt.date(2021, 6, 30), 90)], "2022-01-01")
    assert found.status is Status.NO_DATA


def test_every_year_needs_first_not_after_last_and_years_in_the_term() -> None:
    with pytest.raises(ValueError, match="first <= last"):
        every_year(2023, 2021)
    with pytest.raises(PlanValidationError, match=r"\$\.targets\[0\]\.schedule\.last"):
        one_target_plan(value("x"), at_least(1), every_year(2021, 2031))


# -- by a deadline: the straight line from the baseline to the target ----------------------


@st.composite
def aimed(draw: st.DrawFn) -> tuple[Written, Decimal, Better]:
    """A condition as a plan states it, with its goal (what the line aims at) and its
    better side."""
    goal = draw(decimals(-200, 200, 2))
    width = draw(decimals(0, 50, 2))
    choices: list[tuple[Written, Decimal, Better]] = [
        (Written("at_least", (goal,)), goal, "higher"),
        (Written("at_most", (goal,)), goal, "lower"),
        (Written("between", (goal, goal + width), better="higher"), goal, "higher"),
        (Written("between", (goal - width, goal), better="lower"), goal, "lower"),
        (Written("exactly", (goal,), better="higher"), goal, "higher"),
        (Written("exactly", (goal,), better="lower"), goal, "lower"),
    ]
    return draw(st.sampled_from(choices))


def periods_between(start: dt.date, stop: dt.date) -> st.SearchStrategy[Period]:
    """A year or a day whose moment lies in ``[start, stop]``."""
    years = [y for y in range(start.year, stop.year + 1) if start <= dt.date(y, 12, 31) <= stop]
    days = st.dates(start, stop)
    return st.one_of(st.sampled_from(years), days) if years else days


@st.composite
def trajectories(draw: st.DrawFn) -> tuple[Period, Period, dt.date, dt.date]:
    """``(baseline, interim period, deadline, as_of)`` in this order on the time line."""
    baseline = draw(periods_between(dt.date(2018, 1, 1), dt.date(2026, 12, 31)))
    start = end_of(baseline)
    period = draw(periods_between(start + dt.timedelta(days=1), dt.date(2029, 12, 30)))
    deadline = draw(st.dates(end_of(period) + dt.timedelta(days=1), dt.date(2030, 12, 31)))
    as_of = draw(st.dates(end_of(period), deadline - dt.timedelta(days=1)))
    return baseline, period, deadline, as_of


def in_years(day: dt.date) -> Fraction:
    """Where *day* falls on a time line in years: 31 December 2023 is 2023."""
    days_in_year = (dt.date(day.year, 12, 31) - dt.date(day.year - 1, 12, 31)).days
    day_of_year = (day - dt.date(day.year - 1, 12, 31)).days
    return day.year - 1 + Fraction(day_of_year, days_in_year)


def line_at(
    start: Decimal, goal: Decimal, baseline: Period, deadline: dt.date, when: Period
) -> Fraction:
    """The straight line from (baseline, start) to (deadline, goal), at *when*."""
    elapsed = in_years(end_of(when)) - in_years(end_of(baseline))
    whole = in_years(deadline) - in_years(end_of(baseline))
    return Fraction(start) + (Fraction(goal) - Fraction(start)) * elapsed / whole


@given(aimed(), trajectories(), decimals(-300, 300, 3), decimals(-300, 300, 3))
def test_before_the_deadline_a_figure_is_judged_against_the_line_from_the_baseline(
    aim: tuple[Written, Decimal, Better],
    when: tuple[Period, Period, dt.date, dt.date],
    start: Decimal,
    v: Decimal,
) -> None:
    written, goal, better = aim
    baseline, period, deadline, as_of = when
    plan = one_target_plan(value("x"), written.build(), by_deadline(deadline, baseline=baseline))
    found = result_of(plan, [obs("x", baseline, start), obs("x", period, v)], as_of)

    line = line_at(start, goal, baseline, deadline, period)
    on_the_right_side = Fraction(v) >= line if better == "higher" else Fraction(v) <= line
    # A figure that already meets the target is on track even where the line runs the
    # other way (a target set behind its baseline): docs/readings.md.
    acceptable = on_the_right_side or contract_status(written, v).is_success
    judged = judgement_for(found, period)
    assert judged.status is (Status.ON_TRACK if acceptable else Status.OFF_TRACK)
    assert found.status is judged.status
    assert judged.value == v
    assert judged.expected is not None
    assert abs(Fraction(judged.expected) - line) <= Fraction(1, 10**20)
    # The baseline figure describes the starting point: it is not judged.
    assert [j.period for j in found.judgements] == [period]


@given(aimed(), trajectories(), decimals(-300, 300, 3))
def test_before_the_deadline_without_a_baseline_a_figure_is_pending(
    aim: tuple[Written, Decimal, Better],
    when: tuple[Period, Period, dt.date, dt.date],
    v: Decimal,
) -> None:
    written, _, _ = aim
    _, period, deadline, as_of = when
    plan = one_target_plan(value("x"), written.build(), by_deadline(deadline))
    found = result_of(plan, [obs("x", period, v)], as_of)
    assert found.status is Status.PENDING
    judged = judgement_for(found, period)
    assert (judged.status, judged.value, judged.expected) == (Status.PENDING, v, None)


@given(
    aimed(),
    st.dictionaries(st.integers(2019, 2027), decimals(-300, 300, 3), max_size=6),
    st.dates(dt.date(2021, 1, 1), dt.date(2026, 12, 31)),
    st.one_of(st.none(), st.integers(2018, 2020)),
)
def test_after_the_deadline_only_the_deadlines_own_figure_is_final(
    aim: tuple[Written, Decimal, Better],
    figures: dict[int, Decimal],
    deadline: dt.date,
    baseline: int | None,
) -> None:
    written, _, _ = aim
    plan = one_target_plan(value("x"), written.build(), by_deadline(deadline, baseline=baseline))
    found = result_of(plan, [obs("x", y, v) for y, v in figures.items()], deadline)
    shown = [
        y
        for y in sorted(figures)
        if dt.date(y, 12, 31) <= deadline and (baseline is None or y > baseline)
    ]
    # With yearly figures, the deadline's own figure is the year ending on the deadline.
    final = deadline.year if deadline.month == 12 and deadline.day == 31 else None
    if final not in shown:
        # An older figure is not the final one: the final figure is simply not in.
        assert found.status is Status.NO_DATA
        assert found.judgements[-1].period == deadline
        assert found.judgements[-1].reason
        assert [j.period for j in found.judgements[:-1]] == shown
        return
    assert found.status is contract_status(written, figures[final])
    assert judgement_for(found, final).status is found.status
    # Figures after the deadline, or at or before the baseline, are not judged.
    assert [j.period for j in found.judgements] == shown


def coverage_plan(goal: int, deadline: str) -> Plan:
    """Health-insurance coverage at least *goal*% by *deadline*, baseline the end of 2020."""
    return one_target_plan(value("coverage"), at_least(goal), by_deadline(deadline, baseline=2020))


def test_t6_coverage_on_track_against_the_line() -> None:
    # T6: coverage 90% at the end of 2020, at least 95% by 2025-12-31.
    # 2023 is 3 of the 5 years in: the line is at 90 + 5 × 3 / 5 = 93, exactly (counted in
    # days, 2024's leap day would move it to 92.998…).
    plan = coverage_plan(95, "2025-12-31")
    on = result_of(plan, [obs("coverage", 2020, 90), obs("coverage", 2023, "93.5")], "2024-03-01")
    assert on.status is Status.ON_TRACK
    assert judgement_for(on, 2023).expected == 93
    # Progress: (93.5 − 90) / (95 − 90) = 0.7.
    assert judgement_for(on, 2023).progress == Decimal("0.7")
    off = result_of(plan, [obs("coverage", 2020, 90), obs("coverage", 2023, "92.9")], "2024-03-01")
    assert off.status is Status.OFF_TRACK


def test_t7_reduction_on_track_against_the_line() -> None:
    # T7: reduce poor households by ¾ (change at most −75%) from 2021-01-01 by 2025-12-31.
    # 2021-01-01 sits 1/365 of a year after 2020; 2023 is 3 − 1/365 years on, of 5 − 1/365.
    # Line at 2023: 0 + (−75) × 1,094 / 1,824 = −44.98…%.
    # 150 households: (150 − 400) / 400 = −62.5% ≤ −44.96: on track.
    # 250 households: −37.5% > −44.96: off track.
    plan = one_target_plan(
        change_since("poor", "2021-01-01"),
        at_most(-75),
        by_deadline("2025-12-31", baseline="2021-01-01"),
    )
    start = obs("poor", "2021-01-01", 400)
    on = result_of(plan, [start, obs("poor", 2023, 150)], "2024-01-01")
    assert (on.status, judgement_for(on, 2023).value) == (Status.ON_TRACK, Decimal("-62.5"))
    off = result_of(plan, [start, obs("poor", 2023, 250)], "2024-01-01")
    assert (off.status, judgement_for(off, 2023).value) == (Status.OFF_TRACK, Decimal("-37.5"))
    # The count at the baseline itself is the starting point, not a judged figure.
    assert [j.period for j in on.judgements] == [2023]


@pytest.mark.parametrize(
    ("figure", "status"),
    [("93", "on_track"), ("93.001", "on_track"), ("92.999", "off_track")],
)
def test_a_figure_on_the_line_is_on_track(figure: str, status: str) -> None:
    # Baseline 90 at the end of 2020, 96 by 2022-12-31: 2021 is one of two years in,
    # halfway, so the line is at 90 + 6 / 2 = 93.
    plan = coverage_plan(96, "2022-12-31")
    found = result_of(
        plan, [obs("coverage", 2020, 90), obs("coverage", 2021, figure)], "2022-06-30"
    )
    assert found.status.value == status
    assert judgement_for(found, 2021).expected == 93


def test_at_the_deadline_the_final_figure_is_met_or_not() -> None:
    # Figures in 2023 and 2025; the 2026 figure comes after the deadline and is ignored.
    plan = one_target_plan(value("schools"), at_least(9), by_deadline("2025-12-31"))
    figures = [obs("schools", 2023, 7), obs("schools", 2025, 9), obs("schools", 2026, 5)]
    found = result_of(plan, figures, "2026-06-30")
    assert found.status is Status.MET
    assert [(j.period, j.status.value) for j in found.judgements] == [
        (2023, "pending"),
        (2025, "met"),
    ]
    # Before the deadline, without a baseline: pending, with the figures shown.
    early = result_of(plan, figures, "2024-06-30")
    assert early.status is Status.PENDING
    assert [(j.period, j.value) for j in early.judgements] == [(2023, Decimal(7))]


def test_a_deadline_with_no_figure_is_no_data_naming_the_deadline() -> None:
    plan = one_target_plan(value("schools"), at_least(9), by_deadline("2025-12-31"))
    found = result_of(plan, [obs("schools", 2026, 10)], "2026-01-01")
    assert found.status is Status.NO_DATA
    assert found.judgements[-1].period == dt.date(2025, 12, 31)
    reason = found.judgements[-1].reason
    assert reason is not None
    assert "2025-12-31" in say(reason, "en", plan)
    assert "31/12/2025" in say(reason, "vi", plan)
    # Before the deadline, nothing reported yet is pending.
    assert result_of(plan, [], "2025-12-30").status is Status.PENDING


def test_the_deadline_day_itself_is_judged() -> None:
    # A year counts as of its last day: the 2025 figure is at the deadline 2025-12-31.
    plan = one_target_plan(value("schools"), at_least(9), by_deadline("2025-12-31"))
    found = result_of(plan, [obs("schools", 2025, 8)], "2025-12-31")
    assert found.status is Status.NOT_MET
    assert judgement_for(found, 2025).gap == 1


def test_figures_at_or_before_the_baseline_are_not_judged() -> None:
    plan = coverage_plan(95, "2025-12-31")
    figures = [obs("coverage", 2019, 99), obs("coverage", 2020, 90), obs("coverage", 2021, 91)]
    found = result_of(plan, figures, "2024-01-01")
    assert [j.period for j in found.judgements] == [2021]
    # 91% one year into five is on the line from 90% to 95%.
    assert found.status is Status.ON_TRACK


def test_a_baseline_without_a_figure_makes_interim_figures_no_data() -> None:
    plan = coverage_plan(95, "2025-12-31")
    found = result_of(plan, [obs("coverage", 2023, 94)], "2024-01-01")
    judged = judgement_for(found, 2023)
    assert judged.status is Status.NO_DATA
    assert judged.reason is not None
    assert "2020" in say(judged.reason, "en", plan)
    assert judged.value == 94
    assert not found.status.is_success
    assert found.status not in (Status.ON_TRACK, Status.OFF_TRACK)


def test_a_year_baseline_and_its_31_december_are_the_same_moment() -> None:
    # Baseline "2020"; the starting figure is reported as of 2020-12-31.
    plan = coverage_plan(96, "2022-12-31")
    found = result_of(
        plan, [obs("coverage", "2020-12-31", 90), obs("coverage", 2021, 93)], "2022-06-30"
    )
    assert [j.period for j in found.judgements] == [2021]
    assert found.status is Status.ON_TRACK
    assert judgement_for(found, 2021).expected == 93


def test_a_dated_baseline_finds_the_figure_of_the_year_ending_that_day() -> None:
    plan = one_target_plan(
        value("coverage"), at_least(96), by_deadline("2022-12-31", baseline="2020-12-31")
    )
    found = result_of(plan, [obs("coverage", 2020, 90), obs("coverage", 2021, 93)], "2022-06-30")
    assert found.status is Status.ON_TRACK
    assert judgement_for(found, 2021).expected == 93


def test_ratings_before_a_deadline_are_shown_pending() -> None:
    plan = one_target_plan(
        lowest_rating("fronts"), rating_at_least("tot"), by_deadline("2025-12-31", baseline=2020)
    )
    figures = [obs("fronts", 2020, Rated("ht")), obs("fronts", 2023, Rated("kht"))]
    found = result_of(plan, figures, "2024-01-01")
    assert found.status is Status.PENDING
    assert (judgement_for(found, 2023).status, judgement_for(found, 2023).value) == (
        Status.PENDING,
        "kht",
    )
    final = result_of(plan, [*figures, obs("fronts", 2025, Rated("tot"))], "2026-01-01")
    assert final.status is Status.MET


def test_all_of_before_a_deadline_judges_each_part_against_its_own_line() -> None:
    # Organisations and members rated good or above: each 90% at the end of 2020, at least
    # 96% by 2022-12-31; the end of 2021 is halfway, so each part's line is at 93.
    condition = all_of(
        part(share_at_least("orgs", "tot"), at_least(96)),
        part(share_at_least("members", "tot"), at_least(96)),
    )
    plan = one_target_plan(None, condition, by_deadline("2022-12-31", baseline=2020))
    figures = [
        obs("orgs", 2020, {"tot": 90, "ht": 10}),
        obs("members", 2020, {"tot": 90, "ht": 10}),
        obs("orgs", 2021, {"tot": 94, "ht": 6}),  # 94% ≥ 93: on track
        obs("members", 2021, {"tot": 92, "ht": 8}),  # 92% < 93: off track
    ]
    found = result_of(plan, figures, "2022-06-30")
    judged = judgement_for(found, 2021)
    assert [p.status.value for p in judged.parts] == ["on_track", "off_track"]
    assert [p.expected for p in judged.parts] == [93, 93]
    assert judged.status is Status.OFF_TRACK
    assert found.status is Status.OFF_TRACK


def test_by_deadline_needs_the_baseline_before_the_deadline() -> None:
    with pytest.raises(ValueError, match="before the deadline"):
        by_deadline("2025-12-31", baseline=2025)
    with pytest.raises(ValueError, match="before the deadline"):
        by_deadline("2025-06-30", baseline="2025-07-01")
    assert by_deadline("2025-12-31", baseline=2020) == ByDeadline(dt.date(2025, 12, 31), 2020)


# -- over the term --------------------------------------------------------------------------


def test_over_the_term_is_pending_until_the_span_closes() -> None:
    # Total investment 2021-2023: 100 + 200 + 300 = 600, at least 600.
    plan = one_target_plan(total("investment", 2021, 2023), at_least(600), over_term())
    figures = [obs("investment", y, 100 * (y - 2020)) for y in (2021, 2022, 2023)]
    early = result_of(plan, figures, "2023-12-30")
    assert early.status is Status.PENDING
    assert (early.judgements[0].status, early.judgements[0].value) == (
        Status.PENDING,
        Decimal(600),
    )
    done = result_of(plan, figures, "2023-12-31")
    assert done.status is Status.MET
    assert [(j.period, j.value) for j in done.judgements] == [(2023, Decimal(600))]


def test_over_the_term_with_a_missing_year_is_no_data() -> None:
    plan = one_target_plan(total("investment", 2021, 2023), at_least(600), over_term())
    found = result_of(plan, [obs("investment", 2021, 600)], "2024-01-01")
    assert found.status is Status.NO_DATA


def test_schedules_fit_their_measures() -> None:
    with pytest.raises(PlanValidationError, match="over_term"):
        one_target_plan(growth("output", 2021, 2023), at_least(5), every_year(2021, 2023))
    with pytest.raises(PlanValidationError, match="span of years"):
        one_target_plan(value("x"), at_least(5), over_term())


def test_schedule_kinds_are_the_tags_written_in_files() -> None:
    kinds = [EveryYear.kind, ByDeadline.kind, OverTerm.kind]
    assert kinds == ["every_year", "by_deadline", "over_term"]
