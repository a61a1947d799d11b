"""Small builders for hand-made test plans: one catalogue of metrics, one rating scale.

The metrics echo the Long Biên plan 2020-2025 (budget revenue against the city's
estimate, capital spending, health-insurance coverage, poor households, party
organisations rated on the four-level scale), plus a few flow metrics for growth
and totals, so that a test names what it measures in the domain's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Union

from planmodel import (
    AtLeast,
    AtMost,
    Better,
    Between,
    Condition,
    Exactly,
    Judgement,
    Level,
    Measure,
    Metric,
    Observation,
    Plan,
    RatingScale,
    Schedule,
    Source,
    Status,
    Target,
    TargetResult,
    Term,
    Text,
    evaluate,
)

#: Statuses most severe first, as the contract lists them.
SEVERITY = ["not_met", "off_track", "no_data", "pending", "on_track", "met", "exceeded"]

Numeric = Union[AtLeast, AtMost, Exactly, Between]

#: The term of every hand-made plan; wide enough for deadlines and growth spans.
FIRST, LAST = 2018, 2030

#: The Long Biên rating scale for organisations and members, lowest first.
GRADE = RatingScale(
    "grade",
    Text(vi="Mức xếp loại", en="Rating"),
    (
        Level("kht", Text(vi="Không hoàn thành nhiệm vụ", en="Did not complete tasks")),
        Level("ht", Text(vi="Hoàn thành nhiệm vụ", en="Completed tasks")),
        Level("tot", Text(vi="Hoàn thành tốt nhiệm vụ", en="Completed tasks well")),
        Level("xs", Text(vi="Hoàn thành xuất sắc nhiệm vụ", en="Completed tasks excellently")),
    ),
)


def text(en: str, vi: str | None = None) -> Text:
    """Text in Vietnamese (the source language) and English."""
    return Text(vi=vi if vi is not None else en, en=en)


def metric(
    metric_id: str,
    unit: str = "percent",
    better: Better | None = None,
    *,
    scale: str | None = None,
    vi: str | None = None,
) -> Metric:
    return Metric(metric_id, text(metric_id.replace("_", " "), vi), unit, better, scale)


#: Every metric the hand-made plans may read.
METRICS: tuple[Metric, ...] = (
    metric("revenue", "billion VND", "higher", vi="thu ngân sách"),
    metric("estimate", "billion VND", vi="dự toán thành phố giao"),
    metric("capital", "billion VND", vi="chi đầu tư xây dựng cơ bản"),
    metric("spending", "billion VND", vi="tổng chi ngân sách"),
    metric("coverage", "percent", "higher", vi="tỷ lệ bao phủ bảo hiểm y tế"),
    metric("cultured", "percent", "higher", vi="tỷ lệ gia đình văn hóa"),
    metric("poverty_rate", "percent", "lower", vi="tỷ lệ hộ nghèo"),
    metric("poor", "households", "lower", vi="số hộ nghèo"),
    metric("schools", "count", "higher", vi="trường chất lượng cao"),
    metric("new_members", "count", "higher", vi="đảng viên mới"),
    metric("output", "billion VND", "higher", vi="giá trị sản xuất"),
    metric("investment", "billion VND", "higher", vi="vốn đầu tư"),
    metric("x", "count"),
    metric("y", "count"),
    metric("z", "count"),
    metric("orgs", "units", scale="grade", vi="tổ chức cơ sở đảng"),
    metric("members", "units", scale="grade", vi="đảng viên"),
    metric("fronts", "units", scale="grade", vi="Mặt trận và các đoàn thể"),
)


def target(
    target_id: str,
    measure: Measure | None,
    condition: Condition,
    schedule: Schedule,
) -> Target:
    return Target(
        id=target_id,
        text=text(f"target {target_id}", f"chỉ tiêu {target_id}"),
        measure=measure,
        condition=condition,
        schedule=schedule,
    )


def make_plan(
    targets: Iterable[Target],
    *,
    metrics: Sequence[Metric] = METRICS,
    first: int = FIRST,
    last: int = LAST,
    plan_id: str = "test-plan",
) -> Plan:
    """A valid plan around *targets*, in Vietnamese with English beside it."""
    published = dt.date(first, 8, 20)
    return Plan(
        id=plan_id,
        title=text("Test plan", "Kế hoạch thử"),
        jurisdiction=text("Long Bien district", "Quận Long Biên"),
        term=Term(first, last),
        adopted=published,
        source=Source(
            title=text("Resolution", "Nghị quyết"), url="https://example.org", published=published
        ),
        source_language="vi",
        objective=(text("Develop", "Phát triển"),),
        targets=tuple(targets),
        metrics=tuple(metrics),
        scales=(GRADE,),
    )


def one_target_plan(measure: Measure | None, condition: Condition, schedule: Schedule) -> Plan:
    return make_plan([target("t", measure, condition, schedule)])


def obs(metric_id: str, period: Any, value: Any) -> Observation:
    """``obs("revenue", 2023, "1074.5")``; numbers as ``str``/``int``/``Decimal``."""
    return Observation(metric_id, period, value)


def result_of(
    plan: Plan, observations: Iterable[Observation], as_of: dt.date | str, target_id: str = "t"
) -> TargetResult:
    return evaluate(plan, list(observations), as_of).result(target_id)


def judgement_for(result: TargetResult, period: object) -> Judgement:
    """The judgement of *result* for *period*; fails the test when there is none."""
    found = [j for j in result.judgements if j.period == period]
    assert len(found) == 1, f"expected one judgement for {period!r}, got {result.judgements!r}"
    return found[0]


def statuses(result: TargetResult) -> list[str]:
    return [j.status.value for j in result.judgements]


# -- an independent reading of a numeric condition ----------------------------------------


def bounds_of(condition: Numeric) -> tuple[Decimal | None, bool, Decimal | None, bool, str | None]:
    """``(lo, lo_strict, hi, hi_strict, better)`` as the contract describes each condition."""
    if isinstance(condition, AtLeast):
        return condition.value, condition.strict, None, False, "higher"
    if isinstance(condition, AtMost):
        return None, False, condition.value, condition.strict, "lower"
    if isinstance(condition, Exactly):
        return condition.value, False, condition.value, False, condition.better
    return condition.lo, condition.lo_strict, condition.hi, condition.hi_strict, condition.better


def inside(condition: Numeric, v: Decimal) -> bool:
    lo, lo_strict, hi, hi_strict, _ = bounds_of(condition)
    above_lo = lo is None or v > lo or (v == lo and not lo_strict)
    below_hi = hi is None or v < hi or (v == hi and not hi_strict)
    return above_lo and below_hi


def nearest_bound_distance(condition: Numeric, v: Decimal) -> Fraction:
    """Distance from *v* to the closed set of values between the bounds."""
    lo, _, hi, _, _ = bounds_of(condition)
    nearest = Fraction(v)
    if lo is not None:
        nearest = max(nearest, Fraction(lo))
    if hi is not None:
        nearest = min(nearest, Fraction(hi))
    return abs(Fraction(v) - nearest)


def expected_status(condition: Numeric, v: Decimal) -> Status:
    """Met inside; beyond the far bound on the better side exceeded; else not met."""
    lo, _, hi, _, better = bounds_of(condition)
    if inside(condition, v):
        return Status.MET
    two_sided = lo is not None and hi is not None
    below = lo is not None and v <= lo
    if two_sided and ((below and better == "lower") or (not below and better == "higher")):
        return Status.EXCEEDED
    return Status.NOT_MET


def worst(found: Iterable[str]) -> str:
    """The most severe of statuses written as words, by the contract's listing."""
    return min(found, key=SEVERITY.index)
