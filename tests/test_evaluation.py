"""Evaluating a plan: the acceptance test of the contract, and the shape of the result.

The acceptance plan has a target of every measure, condition and schedule kind,
and figures placed exactly on, just inside and just outside each bound. Every
expected figure is worked out by hand in the comments beside it.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
import random
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers import METRICS, SEVERITY, make_plan, metric, obs, one_target_plan, target, worst
from planmodel import (
    ArgumentError,
    Better,
    Bounded,
    Evaluation,
    EveryYear,
    FiscalYear,
    Judgement,
    Observation,
    Observations,
    ObservationsError,
    Plan,
    PlanModelError,
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
    count_at,
    count_below,
    dump_evaluation,
    dumps_evaluation,
    evaluate,
    every_year,
    exactly,
    growth,
    lowest_rating,
    over_term,
    part,
    rating_at_least,
    ratio,
    share_at_least,
    total,
    value,
)
from planmodel.strategies import observations_for, plans

AS_OF = "2026-06-30"
#: The single-figure targets come three times: figure on the bound, just inside, just outside.
PLACES = ("on", "in", "out")

# -- the acceptance plan --------------------------------------------------------------------


def acceptance_plan() -> Plan:
    stems: list[tuple[str, str, Better]] = [
        ("coverage", "percent", "higher"),
        ("poor", "households", "lower"),
        ("schools", "count", "higher"),
        ("output", "billion VND", "higher"),
        ("exports", "billion VND", "higher"),
        ("investment", "billion VND", "higher"),
    ]
    placed = [
        metric(f"{stem}_{place}", unit, better) for stem, unit, better in stems for place in PLACES
    ]
    metrics = [*METRICS, metric("budget", "billion VND", "higher"), *placed]
    years = every_year(2021, 2025)
    three = every_year(2021, 2023)
    targets = [
        # T1: revenue 5-10% above the city's estimate, higher is better.
        target("t1", change_vs("revenue", "estimate"), between(5, 10, better="higher"), years),
        # T2: capital spending 50-55% of spending, read as a band (both bounds bind).
        target("t2", ratio("capital", "spending"), between(50, 55), years),
        # Poverty rate 1-2%, lower is better; and "below 2%" (dưới: strict).
        target("t3", value("poverty_rate"), between(1, 2, better="lower"), years),
        target("t3_strict", value("poverty_rate"), at_most(2, strict=True), years),
        # T4: cultured residential groups at least 83%; and "above 83%" (trên: strict).
        target("t4", value("cultured"), at_least(83), three),
        target("t4_strict", value("cultured"), at_least(83, strict=True), three),
        # Members rated below "completed": at most 2.
        target("members_below", count_below("members", "ht"), at_most(2), three),
        # New members exactly 190, with and without a better side.
        target("new_exactly_higher", value("new_members"), exactly(190, better="higher"), years),
        target("new_exactly", value("new_members"), exactly(190), years),
        # T10: ≥ 95% of organisations rated good or above; none failing its tasks.
        target(
            "t10",
            None,
            all_of(
                part(share_at_least("orgs", "tot"), at_least(95)),
                part(count_at("orgs", "kht"), at_most(0)),
            ),
            three,
        ),
        # T11: ≥ 80% of members rated good or above; 180-200 new members, higher is better.
        target(
            "t11",
            None,
            all_of(
                part(share_at_least("members", "tot"), at_least(80)),
                part(value("new_members"), between(180, 200, better="higher")),
            ),
            years,
        ),
        # T12: the Fatherland Front and mass organisations all rated good or above.
        target("t12", lowest_rating("fronts"), rating_at_least("tot"), three),
        # Budget growing at least 8% on the previous year.
        target("budget_yoy", change_from_previous("budget"), at_least(8), three),
    ]
    for place in PLACES:
        targets += [
            # T6: coverage at least 95% by the end of 2025, from 90% at the end of 2020.
            target(
                f"t6_{place}",
                value(f"coverage_{place}"),
                at_least(95),
                by_deadline("2025-12-31", baseline=2020),
            ),
            # T7: poor households down by ¾ from 2021-01-01 by the end of 2025.
            target(
                f"t7_{place}",
                change_since(f"poor_{place}", "2021-01-01"),
                at_most(-75),
                by_deadline("2025-12-31", baseline="2021-01-01"),
            ),
            # T5: at least 9 high-quality public schools by the end of 2025 (no baseline).
            target(
                f"t5_{place}", value(f"schools_{place}"), at_least(9), by_deadline("2025-12-31")
            ),
            # Output grows at least 10% a year on average (compound), 2020-2022.
            target(
                f"growth_{place}", growth(f"output_{place}", 2020, 2022), at_least(10), over_term()
            ),
            # Exports grow at least 5% a year on average (mean of yearly rates), 2020-2022.
            target(
                f"mean_growth_{place}",
                growth(f"exports_{place}", 2020, 2022, "arithmetic"),
                at_least(5),
                over_term(),
            ),
            # Total investment 2021-2025 at least 1,500.
            target(
                f"total_{place}",
                total(f"investment_{place}", 2021, 2025),
                at_least(1500),
                over_term(),
            ),
        ]
    return make_plan(targets, metrics=metrics)


def series(metric_id: str, first: int, figures: Sequence[Any]) -> list[Observation]:
    return [obs(metric_id, first + i, figure) for i, figure in enumerate(figures)]


def acceptance_figures() -> list[Observation]:
    figures = [
        *series("revenue", 2021, [1050, 1100, 2150, "1049.99", "1100.01"]),
        *series("estimate", 2021, [1000, 1000, 2000, 1000, 1000]),
        *series("capital", 2021, [5000, 5500, 5150, 4999, 5501]),
        *series("spending", 2021, [10000] * 5),
        *series("poverty_rate", 2021, [1, 2, "1.5", "0.99", "2.01"]),
        *series("cultured", 2021, [83, "83.001", "82.999"]),
        *series(
            "members",
            2021,
            [
                {"kht": 2, "ht": 18, "tot": 70, "xs": 10},
                {"kht": 1, "ht": 9, "tot": 80, "xs": 10},
                {"kht": 3, "ht": 18, "tot": 69, "xs": 10},
                {"kht": 0, "ht": 15, "tot": 75, "xs": 10},
                {"ht": 10, "tot": 80, "xs": 10},
            ],
        ),
        *series("new_members", 2021, [180, 200, 190, 179, 201]),
        *series(
            "orgs",
            2021,
            [
                {"xs": 10, "tot": 85, "ht": 5},
                {"xs": 20, "tot": 77, "ht": 3},
                {"tot": 189, "ht": 10, "kht": 1},
            ],
        ),
        *series("fronts", 2021, [{"tot": 3, "xs": 2}, Rated("xs"), {"ht": 1, "xs": 4}]),
        *series("budget", 2020, [1000, 1080, 1200, "1294.8"]),
    ]
    final: dict[str, dict[str, int | str]] = {
        "coverage": {"on": 95, "in": "95.01", "out": "94.99"},
        "poor": {"on": 100, "in": 99, "out": 101},
        "schools": {"on": 9, "in": 10, "out": 8},
        "output": {"on": 121, "in": "121.01", "out": "120.99"},
        "exports": {"on": 108, "in": "109.2", "out": "107.88"},
        "investment": {"on": 500, "in": 501, "out": 499},
    }
    for place in PLACES:
        figures += [
            obs(f"coverage_{place}", 2020, 90),
            obs(f"coverage_{place}", 2023, "92.9" if place == "out" else "93.5"),
            obs(f"coverage_{place}", 2025, final["coverage"][place]),
            obs(f"poor_{place}", "2021-01-01", 400),
            obs(f"poor_{place}", 2025, final["poor"][place]),
            obs(f"schools_{place}", 2023, 7),
            obs(f"schools_{place}", 2025, final["schools"][place]),
            obs(f"output_{place}", 2020, 100),
            obs(f"output_{place}", 2022, final["output"][place]),
            *series(f"exports_{place}", 2020, [100, 120, final["exports"][place]]),
            *series(f"investment_{place}", 2021, [100, 200, 300, 400, final["investment"][place]]),
        ]
    return figures


Row = tuple[object, str, object, object]


def rows(judgements: Sequence[Judgement]) -> list[Row]:
    """``(period, status, value, gap)`` of each judgement."""
    return [(j.period, j.status.value, j.value, j.gap) for j in judgements]


def n(text: str) -> Decimal:
    return Decimal(text)


#: target → (overall status, [(period, status, value, gap)]), all hand-computed.
EXPECTED: dict[str, tuple[str, list[Row]]] = {
    # (revenue − estimate) / estimate: 50/1000 = 5% on lo; 100/1000 = 10% on hi;
    # 150/2000 = 7.5% inside; 49.99/1000 = 4.999% just below (gap 5 − 4.999 = 0.001);
    # 100.01/1000 = 10.001% just above hi, higher is better: exceeded (gap 0.001).
    "t1": (
        "not_met",
        [
            (2021, "met", n("5"), n("0")),
            (2022, "met", n("10"), n("0")),
            (2023, "met", n("7.5"), n("0")),
            (2024, "not_met", n("4.999"), n("0.001")),
            (2025, "exceeded", n("10.001"), n("0.001")),
        ],
    ),
    # capital / spending: 5,000/10,000 = 50% on lo; 55% on hi; 51.5% inside;
    # 49.99% below (gap 0.01); 55.01% above a band: not met (gap 0.01).
    "t2": (
        "not_met",
        [
            (2021, "met", n("50"), n("0")),
            (2022, "met", n("55"), n("0")),
            (2023, "met", n("51.5"), n("0")),
            (2024, "not_met", n("49.99"), n("0.01")),
            (2025, "not_met", n("55.01"), n("0.01")),
        ],
    ),
    # 1-2%, lower is better: 1 and 2 on the bounds, 1.5 inside; 0.99 below the far
    # bound on the better side: exceeded (gap 0.01); 2.01 above: not met (gap 0.01).
    "t3": (
        "not_met",
        [
            (2021, "met", n("1"), n("0")),
            (2022, "met", n("2"), n("0")),
            (2023, "met", n("1.5"), n("0")),
            (2024, "exceeded", n("0.99"), n("0.01")),
            (2025, "not_met", n("2.01"), n("0.01")),
        ],
    ),
    # below 2 (strict): 2 itself is not met, gap 0 (the distance to the bound).
    "t3_strict": (
        "not_met",
        [
            (2021, "met", n("1"), n("0")),
            (2022, "not_met", n("2"), n("0")),
            (2023, "met", n("1.5"), n("0")),
            (2024, "met", n("0.99"), n("0")),
            (2025, "not_met", n("2.01"), n("0.01")),
        ],
    ),
    # at least 83: 83 on, 83.001 inside, 82.999 outside (gap 0.001).
    "t4": (
        "not_met",
        [
            (2021, "met", n("83"), n("0")),
            (2022, "met", n("83.001"), n("0")),
            (2023, "not_met", n("82.999"), n("0.001")),
        ],
    ),
    # above 83 (strict): 83 itself is not met, gap 0.
    "t4_strict": (
        "not_met",
        [
            (2021, "not_met", n("83"), n("0")),
            (2022, "met", n("83.001"), n("0")),
            (2023, "not_met", n("82.999"), n("0.001")),
        ],
    ),
    # members rated below "completed" (kht): 2 on the bound, 1 inside, 3 outside (gap 1).
    "members_below": (
        "not_met",
        [
            (2021, "met", n("2"), n("0")),
            (2022, "met", n("1"), n("0")),
            (2023, "not_met", n("3"), n("1")),
        ],
    ),
    # exactly 190, higher is better: 200 and 201 exceeded; 180 and 179 not met.
    "new_exactly_higher": (
        "not_met",
        [
            (2021, "not_met", n("180"), n("10")),
            (2022, "exceeded", n("200"), n("10")),
            (2023, "met", n("190"), n("0")),
            (2024, "not_met", n("179"), n("11")),
            (2025, "exceeded", n("201"), n("11")),
        ],
    ),
    # exactly 190, neither side better: anything else is not met.
    "new_exactly": (
        "not_met",
        [
            (2021, "not_met", n("180"), n("10")),
            (2022, "not_met", n("200"), n("10")),
            (2023, "met", n("190"), n("0")),
            (2024, "not_met", n("179"), n("11")),
            (2025, "not_met", n("201"), n("11")),
        ],
    ),
    # T10 parts below; the whole is the most severe part.
    "t10": (
        "not_met",
        [
            (2021, "met", None, None),
            (2022, "met", None, None),
            (2023, "not_met", None, None),
        ],
    ),
    # T11: 2025 has one part met and one exceeded: met, not exceeded.
    "t11": (
        "not_met",
        [
            (2021, "met", None, None),
            (2022, "met", None, None),
            (2023, "not_met", None, None),
            (2024, "not_met", None, None),
            (2025, "met", None, None),
        ],
    ),
    # lowest rating: "tot" on the required level; "xs" above; "ht" one level short.
    "t12": (
        "not_met",
        [
            (2021, "met", "tot", n("0")),
            (2022, "met", "xs", n("0")),
            (2023, "not_met", "ht", n("1")),
        ],
    ),
    # (1,080 − 1,000)/1,000 = 8% on the bound; (1,200 − 1,080)/1,080 = 11.1…% inside
    # (28 significant digits); (1,294.8 − 1,200)/1,200 = 7.9% outside (gap 0.1).
    "budget_yoy": (
        "not_met",
        [
            (2021, "met", n("8"), n("0")),
            (2022, "met", n("11.11111111111111111111111111"), n("0")),
            (2023, "not_met", n("7.9"), n("0.1")),
        ],
    ),
    # T6: line at the end of 2023 is 90 + 5 × 1,095/1,826 = 92.998…: 93.5 on track,
    # 92.9 off track. Final 2025: 95 on the bound, 95.01 inside, 94.99 outside (gap 0.01).
    "t6_on": ("met", [(2023, "on_track", n("93.5"), n("1.5")), (2025, "met", n("95"), n("0"))]),
    "t6_in": (
        "met",
        [(2023, "on_track", n("93.5"), n("1.5")), (2025, "met", n("95.01"), n("0"))],
    ),
    "t6_out": (
        "not_met",
        [(2023, "off_track", n("92.9"), n("2.1")), (2025, "not_met", n("94.99"), n("0.01"))],
    ),
    # T7: (100 − 400)/400 = −75% on the bound; 99: −75.25% inside;
    # 101: −299/400 = −74.75% outside (gap 0.25).
    "t7_on": ("met", [(2025, "met", n("-75"), n("0"))]),
    "t7_in": ("met", [(2025, "met", n("-75.25"), n("0"))]),
    "t7_out": ("not_met", [(2025, "not_met", n("-74.75"), n("0.25"))]),
    # T5: no baseline, so the 2023 figure is shown, pending; 2025: 9 on, 10 in, 8 out.
    "t5_on": ("met", [(2023, "pending", n("7"), n("2")), (2025, "met", n("9"), n("0"))]),
    "t5_in": ("met", [(2023, "pending", n("7"), n("2")), (2025, "met", n("10"), n("0"))]),
    "t5_out": (
        "not_met",
        [(2023, "pending", n("7"), n("2")), (2025, "not_met", n("8"), n("1"))],
    ),
    # arithmetic growth: 100 → 120 (+20%) → 108 (−10%): mean 5% on the bound;
    # → 109.2 (−9%): 5.5% inside; → 107.88 (−10.1%): 4.95% outside (gap 0.05).
    "mean_growth_on": ("met", [(2022, "met", n("5"), n("0"))]),
    "mean_growth_in": ("met", [(2022, "met", n("5.5"), n("0"))]),
    "mean_growth_out": ("not_met", [(2022, "not_met", n("4.95"), n("0.05"))]),
    # total: 100 + 200 + 300 + 400 + 500 = 1,500 on; 1,501 inside; 1,499 outside (gap 1).
    "total_on": ("met", [(2025, "met", n("1500"), n("0"))]),
    "total_in": ("met", [(2025, "met", n("1501"), n("0"))]),
    "total_out": ("not_met", [(2025, "not_met", n("1499"), n("1"))]),
}


@pytest.fixture(scope="module")
def acceptance() -> Evaluation:
    return evaluate(acceptance_plan(), acceptance_figures(), AS_OF)


@pytest.mark.parametrize("target_id", sorted(EXPECTED))
def test_acceptance_statuses_and_figures(acceptance: Evaluation, target_id: str) -> None:
    overall, expected = EXPECTED[target_id]
    found = acceptance.result(target_id)
    assert rows(found.judgements) == expected
    assert found.status.value == overall


def test_acceptance_all_of_parts(acceptance: Evaluation) -> None:
    t10 = acceptance.result("t10").judgements
    # 2021: (10 + 85)/100 = 95% on the bound, none failing; 2022: 97%, none failing;
    # 2023: 189/200 = 94.5% (gap 0.5) and 1 failing (gap 1).
    assert [rows(j.parts) for j in t10] == [
        [(2021, "met", n("95"), n("0")), (2021, "met", n("0"), n("0"))],
        [(2022, "met", n("97"), n("0")), (2022, "met", n("0"), n("0"))],
        [(2023, "not_met", n("94.5"), n("0.5")), (2023, "not_met", n("1"), n("1"))],
    ]
    t11 = acceptance.result("t11").judgements
    # share of members good or above: 80% on, 90% in, 79% out (gap 1), 85%, 90%;
    # new members 180 on lo, 200 on hi, 190 in, 179 out (gap 1), 201 exceeded (gap 1).
    assert [[(p.status.value, p.value, p.gap) for p in j.parts] for j in t11] == [
        [("met", n("80"), n("0")), ("met", n("180"), n("0"))],
        [("met", n("90"), n("0")), ("met", n("200"), n("0"))],
        [("not_met", n("79"), n("1")), ("met", n("190"), n("0"))],
        [("met", n("85"), n("0")), ("not_met", n("179"), n("1"))],
        [("met", n("90"), n("0")), ("exceeded", n("201"), n("1"))],
    ]


def test_acceptance_compound_growth(acceptance: Evaluation) -> None:
    # 100 → 121 over two years: √1.21 = 1.1, so 10% on the bound.
    on = acceptance.result("growth_on")
    assert rows(on.judgements) == [(2022, "met", n("10"), n("0"))]
    assert on.status is Status.MET
    # 121.01: √1.2101 ≈ 1.100045 → ≈ 10.0045% inside; 120.99: ≈ 9.99545% outside.
    for place, end, status in (("in", "1.2101", "met"), ("out", "1.2099", "not_met")):
        found = acceptance.result(f"growth_{place}")
        judged = found.judgements[0]
        assert (found.status.value, judged.status.value) == (status, status)
        assert isinstance(judged.value, Decimal)
        squared = (1 + Fraction(judged.value) / 100) ** 2
        assert abs(squared - Fraction(end)) < Fraction(1, 10**25)
        assert judged.gap == (0 if status == "met" else 10 - judged.value)


def test_acceptance_progress(acceptance: Evaluation) -> None:
    def progress(target_id: str, period: object) -> Decimal | None:
        found = [j for j in acceptance.result(target_id).judgements if j.period == period]
        return found[0].progress

    # T1 without a baseline, a range 5-10 whose whole is the target: 1 on lo (5), on hi
    # (10) and inside (7.5); 4.999/5 just below; 10.001/10 just beyond the far bound.
    assert [progress("t1", year) for year in (2021, 2022, 2023)] == [1, 1, 1]
    assert progress("t1", 2024) == n("0.9998")
    assert progress("t1", 2025) == n("1.0001")
    # T6 with baseline 90: (95 − 90)/(95 − 90) = 1; (95.01 − 90)/5 = 1.002; 4.99/5 = 0.998.
    assert [progress(f"t6_{p}", 2025) for p in PLACES] == [1, n("1.002"), n("0.998")]
    # T7 with baseline change 0: −75/−75 = 1; −75.25/−75 = 1.00333…; −74.75/−75 = 0.99666….
    assert progress("t7_on", 2025) == 1
    assert progress("t7_in", 2025) == n("1.003333333333333333333333333")
    assert progress("t7_out", 2025) == n("0.9966666666666666666666666667")
    # T5 without a baseline: 9/9 = 1, 10/9 > 1, 8/9 < 1.
    assert progress("t5_on", 2025) == 1
    t5_in, t5_out = progress("t5_in", 2025), progress("t5_out", 2025)
    assert t5_in is not None
    assert t5_out is not None
    assert t5_in > 1 > t5_out
    # No meaning: a band (T2), lower-is-better without a baseline (T3), ratings (T12).
    assert progress("t2", 2021) is None
    assert progress("t3", 2021) is None
    assert progress("t12", 2021) is None


def test_acceptance_trajectory_points(acceptance: Evaluation) -> None:
    # T6 line at the end of 2023, three of five years in: 90 + (95 − 90) × 3/5 = 93, exactly.
    judged = acceptance.result("t6_on").judgements[0]
    assert judged.expected == 93


def test_acceptance_summary(acceptance: Evaluation) -> None:
    # Every every-year target has one figure outside its bounds (13 not met); of the
    # single-figure targets (6 kinds × 3 places) the "on" and "in" ones are met.
    assert acceptance.summary == {
        Status.NOT_MET: 13 + 6,
        Status.OFF_TRACK: 0,
        Status.NEARLY_MET: 0,
        Status.NO_DATA: 0,
        Status.PENDING: 0,
        Status.ON_TRACK: 0,
        Status.MET: 12,
        Status.EXCEEDED: 0,
    }


def test_acceptance_midway() -> None:
    # As of 2024-06-30: 2021-2023 have closed, 2024 and 2025 have not.
    found = evaluate(acceptance_plan(), acceptance_figures(), "2024-06-30")
    statuses = {r.target: r.status.value for r in found.targets}
    # T1: 2021-2023 met, later years pending → on track.
    assert statuses["t1"] == "on_track"
    assert [j.status.value for j in found.result("t1").judgements][3:] == ["pending", "pending"]
    # T4 (2021-2023) has closed with 2023 not met.
    assert statuses["t4"] == "not_met"
    # T6: 93.5 above the line → on track; 92.9 below → off track.
    assert (statuses["t6_on"], statuses["t6_out"]) == ("on_track", "off_track")
    # T5 without a baseline: pending. T7: nothing reported since the baseline yet: pending.
    assert (statuses["t5_on"], statuses["t7_on"]) == ("pending", "pending")
    # Totals over 2021-2025 have not closed; growth over 2020-2022 has.
    assert (statuses["total_on"], statuses["growth_on"]) == ("pending", "met")
    assert found.summary[Status.OFF_TRACK] == 1  # t6_out
    assert sum(found.summary.values()) == len(found.targets)


# -- the result ---------------------------------------------------------------------------


def test_one_result_per_target_in_plan_order(acceptance: Evaluation) -> None:
    plan = acceptance_plan()
    assert [r.target for r in acceptance.targets] == [t.id for t in plan.targets]
    assert acceptance.plan == plan.id
    assert acceptance.as_of == dt.date(2026, 6, 30)
    assert acceptance.result("t1") is acceptance.targets[0]
    with pytest.raises(KeyError):
        acceptance.result("t99")


def test_summary_lists_every_status_in_severity_order_with_zeros() -> None:
    plan = one_target_plan(value("x"), at_least(1), every_year(2021, 2021))
    found = evaluate(plan, [obs("x", 2021, 1)], "2022-01-01")
    assert list(found.summary) == list(Status)
    assert found.summary == {status: (1 if status is Status.MET else 0) for status in Status}


def test_explanations_in_english_and_vietnamese(acceptance: Evaluation) -> None:
    for result in acceptance.targets:
        explanation = result.explanation
        assert set(explanation.languages) == {"en", "vi"}
        assert explanation["en"]
        assert explanation["vi"]


def test_as_of_accepts_a_date_or_an_iso_string() -> None:
    plan = acceptance_plan()
    assert evaluate(plan, acceptance_figures(), AS_OF) == evaluate(
        plan, Observations(acceptance_figures()), dt.date(2026, 6, 30)
    )


@pytest.mark.parametrize(
    ("as_of", "message"),
    [
        ("2025-02-30", "'2025-02-30' is not a date: day is out of range for month"),
        ("2025", "expected a date YYYY-MM-DD, got '2025'"),
        (2025, "expected a date YYYY-MM-DD, got 2025"),
        (dt.datetime(2025, 6, 30, 12), "expected a date, got the datetime"),
        ("1066-10-14", "year 1066 is outside 1900-2200"),
    ],
)
def test_a_bad_as_of_is_an_argument_error_naming_it(as_of: Any, message: str) -> None:
    # These raised a bare ValueError or TypeError, which a caller catching
    # PlanModelError (as the command does) could not tell from a bug.
    with pytest.raises(ArgumentError) as info:
        evaluate(acceptance_plan(), acceptance_figures(), as_of)
    (problem,) = info.value.problems
    assert problem.where == "as_of"
    assert problem.message.startswith(message)
    assert isinstance(info.value, PlanModelError)


def test_evaluation_is_repeatable(acceptance: Evaluation) -> None:
    again = evaluate(acceptance_plan(), acceptance_figures(), AS_OF)
    assert again == acceptance
    assert dumps_evaluation(again) == dumps_evaluation(acceptance)


# -- the JSON result ----------------------------------------------------------------------


def test_dump_evaluation_shape(acceptance: Evaluation) -> None:
    document = dump_evaluation(acceptance)
    assert list(document) == ["schema", "plan", "as_of", "summary", "targets"]
    assert document["schema"] == "planmodel-evaluation/1"
    assert document["plan"] == "test-plan"
    assert document["as_of"] == "2026-06-30"
    assert list(document["summary"]) == [s.value for s in Status]
    assert document["summary"]["not_met"] == 19
    first = document["targets"][0]
    assert list(first) == ["target", "status", "judgements", "explanation"]
    assert set(first["explanation"]) == {"en", "vi"}
    assert first["judgements"][0] == {
        "period": 2021,
        "status": "met",
        "value": Decimal(5),
        "gap": Decimal(0),
        "progress": Decimal(1),
        # The figures the ratio of revenue to its estimate read, with no source given.
        "figures": [{"metric": "revenue", "period": 2021}, {"metric": "estimate", "period": 2021}],
    }


def test_dump_evaluation_omits_absent_fields(acceptance: Evaluation) -> None:
    document = dump_evaluation(acceptance)
    by_id = {t["target"]: t for t in document["targets"]}
    # A band has no progress, and nothing else is absent but parts, expected, reason.
    assert set(by_id["t2"]["judgements"][0]) == {"period", "status", "value", "gap", "figures"}
    # An interim figure against a line carries the expected point.
    assert "expected" in by_id["t6_on"]["judgements"][0]
    # An all_of carries its parts, and no figures of its own.
    t10 = by_id["t10"]["judgements"][0]
    assert set(t10) == {"period", "status", "parts"}
    assert [set(p) for p in t10["parts"]] == [
        {"period", "status", "value", "gap", "progress", "figures"},
        {"period", "status", "value", "gap", "figures"},
    ]
    # A rating's value is the level id.
    assert by_id["t12"]["judgements"][0]["value"] == "tot"
    # A missing figure has a reason and no figures.
    plan = one_target_plan(value("x"), at_least(1), every_year(2021, 2021))
    missing = dump_evaluation(evaluate(plan, [], "2022-01-01"))["targets"][0]["judgements"][0]
    assert set(missing) == {"period", "status", "reason"}
    assert missing["status"] == "no_data"
    # Dates are ISO strings.
    dated = one_target_plan(value("x"), at_least(1), by_deadline("2025-06-30"))
    deadline = dump_evaluation(evaluate(dated, [], "2025-07-01"))["targets"][0]["judgements"]
    assert deadline[0]["period"] == "2025-06-30"


def test_dumps_evaluation_writes_exact_numbers_and_readable_text(acceptance: Evaluation) -> None:
    text = dumps_evaluation(acceptance)
    assert text.endswith("\n")
    assert '"value": 51.5' in text
    assert '"value": 11.11111111111111111111111111' in text
    assert "Quận" not in text  # the jurisdiction is not part of the result
    assert "chỉ tiêu" in text  # Vietnamese is kept as UTF-8, not \u escapes
    parsed = json.loads(text, parse_float=Decimal)
    assert parsed["summary"] == {s.value: c for s, c in acceptance.summary.items()}
    assert dumps_evaluation(acceptance) == text


# -- observations that do not fit ------------------------------------------------------------


def test_evaluate_refuses_observations_that_do_not_fit_the_plan() -> None:
    plan = one_target_plan(value("coverage"), at_least(95), every_year(2021, 2021))
    figures = [
        obs("coverage", 2021, 95),
        obs("coverag", 2021, 95),  # a typo
        obs("orgs", 2021, 5),  # a number where ratings belong
        obs("coverage", 2022, Rated("tot")),  # a rating where a number belongs
        obs("orgs", 2022, {"tot": 4, "great": 1}),  # an unknown level
    ]
    with pytest.raises(ObservationsError) as caught:
        evaluate(plan, figures, "2022-01-01")
    problems = caught.value.problems
    assert [p.where for p in problems] == [
        "observations[1]",
        "observations[2]",
        "observations[3]",
        "observations[4]",
    ]
    assert "did you mean 'coverage'" in problems[0].message
    assert "rated" in problems[1].message
    assert "number" in problems[2].message
    assert "great" in problems[3].message


def test_evaluate_refuses_two_values_for_the_same_moment() -> None:
    # The year 2021 and 2021-12-31 are the same moment.
    plan = one_target_plan(value("coverage"), at_least(95), every_year(2021, 2021))
    with pytest.raises(ObservationsError, match="2021-12-31"):
        evaluate(plan, [obs("coverage", 2021, 95), obs("coverage", "2021-12-31", 96)], "2022-01-01")


def test_the_same_figure_twice_is_accepted() -> None:
    plan = one_target_plan(value("coverage"), at_least(95), every_year(2021, 2021))
    found = evaluate(plan, [obs("coverage", 2021, 95), obs("coverage", 2021, 95)], "2022-01-01")
    assert found.targets[0].status is Status.MET


def test_equal_figures_written_differently_do_not_make_the_output_order_dependent() -> None:
    plan = one_target_plan(value("cultured"), at_least(83), every_year(2021, 2021))
    figures = [obs("cultured", 2021, "150.0"), obs("cultured", 2021, "150")]
    forward = dumps_evaluation(evaluate(plan, figures, "2022-01-01"))
    backward = dumps_evaluation(evaluate(plan, figures[::-1], "2022-01-01"))
    assert forward == backward


# -- any plan, any figures ------------------------------------------------------------------


@st.composite
def evaluation_cases(draw: st.DrawFn) -> tuple[Plan, list[Observation], dt.date, list[Observation]]:
    """A generated plan, fitting figures, a date, and the same figures shuffled."""
    plan = draw(plans())
    figures = draw(observations_for(plan))
    as_of = draw(st.dates(dt.date(plan.term.first - 1, 1, 1), dt.date(plan.term.last + 2, 12, 31)))
    shuffled = list(figures)
    draw(st.randoms(use_true_random=False)).shuffle(shuffled)
    return plan, figures, as_of, shuffled


# Generating a whole plan with its figures takes about 60 ms, far more on a busy machine
# (the strategy's cost; evaluating it takes well under 1 ms): the health check for slow
# input is off, and the CI profile's 300 examples are capped at 100 per test.
SLOW_INPUTS = settings(
    suppress_health_check=[HealthCheck.too_slow],
    max_examples=min(settings().max_examples, 100),
)


def year_end(plan: Plan, period: object) -> dt.date:
    """The last day of a year of *plan*: 31 December, or the day before its fiscal years
    start (a fiscal year is named by the calendar year it ends in)."""
    assert isinstance(period, (int, FiscalYear))
    year = period if isinstance(period, int) else period.year
    start = plan.fiscal_year_start
    if start is None or start == 1:
        return dt.date(year, 12, 31)
    return dt.date(year, start, 1) - dt.timedelta(days=1)


@SLOW_INPUTS
@given(evaluation_cases())
def test_evaluating_any_plan_follows_the_contracts_aggregation(
    case: tuple[Plan, list[Observation], dt.date, list[Observation]],
) -> None:
    plan, figures, as_of, shuffled = case
    found = evaluate(plan, figures, as_of)
    assert [r.target for r in found.targets] == [t.id for t in plan.targets]
    assert sum(found.summary.values()) == len(plan.targets)
    for result in found.targets:
        for judged in result.judgements:
            # An all of takes the most severe status of its parts (semantics §4).
            if judged.parts:
                assert judged.status.value == worst(p.status.value for p in judged.parts)
            # A judgement with a status of success has a figure and, where a gap has a
            # meaning (not for yes/no), no gap when met and a gap when exceeded: beyond
            # the far bound, or exactly on it when it is strict (readings: a strict
            # bound's gap is the distance to the bound itself).
            if judged.status.is_success and not judged.parts:
                assert judged.value is not None
                if not isinstance(judged.value, bool):
                    on_strict = _on_a_strict_bound(result.version.condition, judged.value)
                    assert (judged.gap == 0) is (judged.status is Status.MET or on_strict)
        version = result.version
        if isinstance(version.schedule, EveryYear) and version.across is None:
            # The most severe due year; pending before any; on track while years remain.
            due = [j.status.value for j in result.judgements if year_end(plan, j.period) <= as_of]
            expected = worst(due) if due else "pending"
            if expected in ("met", "exceeded") and len(due) < len(result.judgements):
                expected = "on_track"
            assert result.status.value == expected
    # The JSON speaks the contract's words.
    document = json.loads(dumps_evaluation(found))
    assert {t["status"] for t in document["targets"]} <= set(SEVERITY)
    # Shuffling the figures changes nothing.
    assert evaluate(plan, shuffled, as_of) == found


def _on_a_strict_bound(condition: object, value: object) -> bool:
    if not isinstance(condition, Bounded):
        return False
    lo, lo_strict, hi, hi_strict = condition.bounds()
    return (lo_strict and value == lo) or (hi_strict and value == hi)


def _all_of_without_figures() -> tuple[Plan, list[Observation], dt.date, list[Observation]]:
    """An all_of target due by a deadline with nothing reported (explaining it once failed)."""
    condition = all_of(
        part(share_at_least("orgs", "tot"), at_least(95)), part(value("x"), at_most(0))
    )
    plan = one_target_plan(None, condition, by_deadline("2024-12-31"))
    return plan, [], dt.date(2025, 6, 1), []


@SLOW_INPUTS
@given(evaluation_cases())
@example(_all_of_without_figures())
def test_json_of_any_evaluation_is_deterministic_and_order_free(
    case: tuple[Plan, list[Observation], dt.date, list[Observation]],
) -> None:
    plan, figures, as_of, shuffled = case
    found = evaluate(plan, figures, as_of)
    text = dumps_evaluation(found)
    assert dumps_evaluation(evaluate(plan, shuffled, as_of)) == text
    document = json.loads(text, parse_float=Decimal)
    assert document["schema"] == "planmodel-evaluation/1"
    for result in found.targets:
        assert set(result.explanation.languages) == {"en", "vi"}


def _shuffle(figures: list[Observation], seed: int) -> list[Observation]:
    shuffled = list(figures)
    random.Random(seed).shuffle(shuffled)
    return shuffled


@pytest.mark.parametrize("seed", range(5))
def test_acceptance_does_not_depend_on_the_order_of_the_figures(
    acceptance: Evaluation, seed: int
) -> None:
    found = evaluate(acceptance_plan(), _shuffle(acceptance_figures(), seed), AS_OF)
    assert found == acceptance
    assert dumps_evaluation(found) == dumps_evaluation(acceptance)


# -- results refer to the plan without carrying it -----------------------------------------


def test_a_pickled_evaluation_is_its_own_size_not_its_plans(acceptance: Evaluation) -> None:
    # The plan is what would make a result large: a pool of worker processes sending
    # results back must not send plans with them.
    shipped = pickle.dumps(acceptance)
    assert len(shipped) < len(pickle.dumps(acceptance_plan())) / 2
    copy = pickle.loads(shipped)
    assert copy == acceptance
    assert copy.judged_plan is None
    assert [r.judgements for r in copy.targets] == [r.judgements for r in acceptance.targets]


def test_an_unpickled_evaluation_explains_itself_once_given_its_plan(
    acceptance: Evaluation,
) -> None:
    copy = pickle.loads(pickle.dumps(acceptance))
    with pytest.raises(LookupError, match="attach"):
        copy.targets[0].explanation  # noqa: B018 - the property is what is tested
    plan = acceptance_plan()
    assert copy.attach(plan) is copy
    assert copy.judged_plan is plan
    assert [r.explanation for r in copy.targets] == [r.explanation for r in acceptance.targets]
    # The observations are not pickled: the figures' sources are traced again once they
    # are given back.
    assert copy.observations is None
    with pytest.raises(LookupError, match="observations"):
        copy.figures("t1", copy.targets[0].judgements[0])
    assert "figures" not in dumps_evaluation(copy)
    copy.attach(plan, acceptance_figures())
    assert dumps_evaluation(copy) == dumps_evaluation(acceptance)


def test_an_evaluation_takes_back_only_its_own_plan(acceptance: Evaluation) -> None:
    copy = pickle.loads(pickle.dumps(acceptance))
    other = make_plan(
        [target("t", value("x"), at_least(1), every_year(2021, 2022))], plan_id="another"
    )
    with pytest.raises(ValueError, match="not 'another'"):
        copy.attach(other)
