"""Each period: quarters, months, and the fiscal years a plan declares (semantics §5)."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import make_plan, obs, result_of, target
from planmodel import (
    FiscalYear,
    Month,
    ObservationsError,
    Plan,
    Quarter,
    Status,
    Target,
    at_least,
    by_deadline,
    every_month,
    every_quarter,
    every_year,
    growth,
    over_term,
    value,
)


def test_every_quarter_judges_each_closed_quarter() -> None:
    plan = make_plan(
        [target("t", value("revenue"), at_least(100), every_quarter("2025-Q1", "2025-Q4"))]
    )
    figures = [obs("revenue", f"2025-Q{q}", v) for q, v in ((1, 120), (2, 90), (3, 130))]
    found = result_of(plan, figures, "2025-09-30")
    assert [(j.period, j.status.value) for j in found.judgements] == [
        (Quarter(2025, 1), "met"),
        (Quarter(2025, 2), "not_met"),
        (Quarter(2025, 3), "met"),  # closes on 30 September, the evaluation date
        (Quarter(2025, 4), "pending"),
    ]
    assert found.status is Status.NOT_MET


def test_every_month_across_a_new_year() -> None:
    schedule = every_month("2024-11", "2025-02")
    plan = make_plan([target("t", value("revenue"), at_least(10), schedule)])
    figures = [obs("revenue", f"{y}-{m:02d}", 12) for y, m in ((2024, 11), (2024, 12), (2025, 1))]
    found = result_of(plan, figures, "2025-02-10")
    assert [j.period for j in found.judgements] == [
        Month(2024, 11),
        Month(2024, 12),
        Month(2025, 1),
        Month(2025, 2),
    ]
    assert found.status is Status.ON_TRACK


def test_a_year_figure_is_not_a_quarters_figure() -> None:
    plan = make_plan(
        [target("t", value("revenue"), at_least(100), every_quarter("2025-Q4", "2025-Q4"))]
    )
    found = result_of(plan, [obs("revenue", 2025, 400)], "2026-01-01")
    assert found.status is Status.NO_DATA


def test_quarters_and_months_must_be_in_order() -> None:
    with pytest.raises(ValueError, match="first <= last"):
        every_quarter("2025-Q3", "2025-Q1")
    with pytest.raises(ValueError, match="first <= last"):
        every_month("2025-03", "2024-12")
    with pytest.raises(TypeError, match="expected a quarter"):
        every_quarter("2025-03", "2025-06")


# -- fiscal years ------------------------------------------------------------------------


def fiscal_plan(*targets: Target) -> Plan:
    """A plan whose years start in July: FY2025 runs from 2024-07-01 to 2025-06-30."""
    return make_plan(list(targets), fiscal_year_start=7)


def test_a_fiscal_plans_years_are_its_fiscal_years() -> None:
    plan = fiscal_plan(target("t", value("revenue"), at_least(100), every_year(2024, 2025)))
    figures = [obs("revenue", "FY2024", 120), obs("revenue", "FY2025", 110)]
    # On 30 June 2025, FY2025 has closed.
    found = result_of(plan, figures, "2025-06-30")
    assert [(j.period, j.status.value) for j in found.judgements] == [
        (FiscalYear(2024), "met"),
        (FiscalYear(2025), "met"),
    ]
    assert found.status is Status.MET
    # The day before, it has not.
    assert result_of(plan, figures, "2025-06-29").status is Status.ON_TRACK


def test_a_calendar_years_figure_is_not_a_fiscal_years() -> None:
    plan = fiscal_plan(target("t", value("revenue"), at_least(100), every_year(2025, 2025)))
    found = result_of(plan, [obs("revenue", 2025, 120)], "2026-01-01")
    assert found.status is Status.NO_DATA


def test_growth_over_fiscal_years() -> None:
    # FY2021 100 → FY2023 121: 10% a year.
    plan = fiscal_plan(target("t", growth("output", 2021, 2023), at_least(10), over_term()))
    figures = [obs("output", "FY2021", 100), obs("output", "FY2023", 121)]
    found = result_of(plan, figures, "2023-07-01")
    assert (found.status, found.judgements[0].period) == (Status.MET, FiscalYear(2023))


def test_a_deadline_in_a_fiscal_plan_takes_the_fiscal_years_figure() -> None:
    plan = fiscal_plan(target("t", value("coverage"), at_least(95), by_deadline("2025-06-30")))
    found = result_of(plan, [obs("coverage", "FY2025", 96)], "2025-07-01")
    assert found.status is Status.MET
    early = result_of(plan, [obs("coverage", dt.date(2024, 12, 31), 96)], "2025-07-01")
    # A figure dated inside FY2025 is final too.
    assert early.status is Status.MET


def test_a_fiscal_figure_needs_a_fiscal_plan() -> None:
    plan = make_plan([target("t", value("coverage"), at_least(95), every_year(2025, 2025))])
    with pytest.raises(ObservationsError, match="FY2025 is a fiscal year, but the plan declares"):
        result_of(plan, [obs("coverage", "FY2025", 96)], "2026-01-01")


def test_a_fiscal_year_start_is_a_month() -> None:
    with pytest.raises(ValueError, match="fiscal_year_start"):
        make_plan([], fiscal_year_start=13)
