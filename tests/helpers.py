"""Shared pieces of the hand-made test plans, each written once.

- The Long Biên rating scale (semantics §7), under the plan file's level ids
  (``PARTY_RATING``) and under short ids (``GRADE``).
- The Long Biên plan's front matter, and ``OBSERVED_PLAN``: the metrics the reported
  figures of data/longbien_reported_figures.md fit.
- One catalogue of metrics for small plans built around a few targets (``make_plan``).
  The metrics echo the Long Biên plan 2020-2025 (budget revenue against the city's
  estimate, capital spending, health-insurance coverage, poor households, party
  organisations rated on the four-level scale), plus a few flow metrics for growth
  and totals, so that a test names what it measures in the domain's words.
- The contract's reading of a numeric condition (``Written``, ``acceptable``,
  ``contract_status``, ``contract_gap``): the oracle condition tests check against,
  written from semantics §2 and §4 rather than from the code.
- ``whole_plans``, the settings for tests that draw whole generated plans, and edits
  that break a plan document in one place.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import ModuleType
from typing import Any, Literal, Union

from attrs import frozen
from hypothesis import HealthCheck, settings

from planmodel import (
    AtLeast,
    AtMost,
    Better,
    Between,
    Condition,
    Dimension,
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
    at_least,
    at_most,
    between,
    evaluate,
    every_year,
    exactly,
    value,
)

#: Statuses most severe first, as the contract lists them.
SEVERITY = [
    "not_met",
    "off_track",
    "nearly_met",
    "no_data",
    "pending",
    "on_track",
    "met",
    "exceeded",
]

Numeric = Union[AtLeast, AtMost, Exactly, Between]

# Whole generated plans are large inputs: drawing one takes longer than Hypothesis expects
# of a strategy (tens of milliseconds, more on a busy machine), and rendering or validating
# it longer than its default deadline. Neither speed is what the tests that use it check.
whole_plans = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


def vi(words: str, en: str | None = None) -> Text:
    """Text in Vietnamese (the source language), with an English gloss when one is given."""
    return Text(vi=words) if en is None else Text(vi=words, en=en)


# -- the Long Biên rating scale -------------------------------------------------------------

#: How organisations and members completed their tasks, lowest first (semantics §7).
LEVEL_LABELS: tuple[Text, ...] = (
    vi("Không hoàn thành nhiệm vụ", "Did not complete tasks"),
    vi("Hoàn thành nhiệm vụ", "Completed tasks"),
    vi("Hoàn thành tốt nhiệm vụ", "Completed tasks well"),
    vi("Hoàn thành xuất sắc nhiệm vụ", "Completed tasks excellently"),
)


def rating_scale(scale_id: str, level_ids: Sequence[str]) -> RatingScale:
    """The Long Biên rating scale as *scale_id*, its levels named *level_ids*, lowest first."""
    levels = (
        Level(level_id, label) for level_id, label in zip(level_ids, LEVEL_LABELS, strict=True)
    )
    return RatingScale(scale_id, vi("Xếp loại", "Rating"), tuple(levels))


#: The level ids of the Long Biên plan file, lowest first.
PARTY_LEVELS = ("khong_hoan_thanh", "hoan_thanh", "hoan_thanh_tot", "hoan_thanh_xuat_sac")
#: The level ids as a message lists them.
PARTY_LEVEL_LIST = ", ".join(PARTY_LEVELS)
PARTY_RATING = rating_scale("party_rating", PARTY_LEVELS)

#: The same scale with short ids, for the rated metrics of the metric catalogue.
GRADE = rating_scale("grade", ("kht", "ht", "tot", "xs"))


# -- the Long Biên plan ---------------------------------------------------------------------


def longbien_front_matter(english_title: str | None = None) -> dict[str, Any]:
    """The Long Biên plan 2020-2025's front matter as ``Plan`` arguments, in Vietnamese.

    Built afresh on each call, as a reader would write it (dates as strings, lists),
    so that a test may check what ``Plan`` makes of it. The URL is a placeholder.
    """
    return {
        "id": "longbien-2020-2025",
        "title": vi("Văn kiện Đại hội Đảng bộ quận Long Biên lần thứ IV", english_title),
        "jurisdiction": vi("Quận Long Biên, Hà Nội"),
        "term": Term(2020, 2025),
        "adopted": "2020-08-20",
        "source": Source(
            title=vi("Văn kiện Đại hội"), url="https://example.org", published="2020-08-20"
        ),
        "source_language": "vi",
        "objective": [vi("Tiếp tục phát triển kinh tế, duy trì tốc độ tăng trưởng cao")],
    }


#: Target 3 of the Long Biên plan and the metrics the reported figures
#: (data/longbien_reported_figures.md) and the illustrative ratings fit.
OBSERVED_PLAN = Plan(
    **longbien_front_matter(),
    metrics=[
        Metric("cultural_families", vi("Tỷ lệ hộ gia đình văn hóa"), "percent", "higher"),
        Metric("new_members", vi("Đảng viên mới kết nạp"), "count", "higher"),
        Metric("party_orgs", vi("Tổ chức cơ sở đảng"), "count", scale="party_rating"),
        Metric("mass_orgs", vi("Mặt trận và các đoàn thể"), "count", scale="party_rating"),
    ],
    scales=[PARTY_RATING],
    targets=[
        Target(
            id="t3",
            text=vi("Tỷ lệ hộ gia đình được công nhận danh hiệu gia đình văn hóa"),
            measure=value("cultural_families"),
            condition=between(91, 93, better="higher"),
            schedule=every_year(2021, 2025),
        )
    ],
)


# -- small plans around a few targets -------------------------------------------------------

#: The term of every hand-made plan; wide enough for deadlines and growth spans.
FIRST, LAST = 2018, 2030


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
    fiscal_year_start: int | None = None,
) -> Plan:
    """A valid plan around *targets*, in Vietnamese with English beside it."""
    published = dt.date(first, 8, 20)
    return Plan(
        id=plan_id,
        fiscal_year_start=fiscal_year_start,
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


# -- the contract's reading of a numeric condition (semantics §2 and §4) -----------------
#
# The oracle the condition tests check planmodel against. It is written from the
# contract's words, not from conditions.py: a test draws a condition as a plan's
# text states it (``Written``: "at least 95", "between 5 and 10, higher is better"),
# builds planmodel's condition from that with the public constructors, and asks the
# oracle what the contract says of a value. It reads nothing from planmodel's
# condition objects, and computes in exact fractions.


@frozen
class Written:
    """A numeric condition as a plan states it: its kind, its number (or its two
    numbers, for ``between``), whether an end is strict ("trên"/"dưới"), and which
    side is better when the text says."""

    kind: Literal["at_least", "at_most", "exactly", "between"]
    numbers: tuple[Decimal, ...]
    lower_strict: bool = False
    upper_strict: bool = False
    better: Better | None = None

    def build(self) -> Numeric:
        """planmodel's condition for this text, made with the public constructors."""
        if self.kind == "at_least":
            return at_least(self.numbers[0], strict=self.lower_strict)
        if self.kind == "at_most":
            return at_most(self.numbers[0], strict=self.upper_strict)
        if self.kind == "exactly":
            return exactly(self.numbers[0], better=self.better)
        lo, hi = self.numbers
        return between(
            lo, hi, better=self.better, lo_strict=self.lower_strict, hi_strict=self.upper_strict
        )

    @property
    def better_side(self) -> Better | None:
        """Semantics §2: "at least" is higher-is-better, "at most" lower-is-better; the
        two-sided kinds say so themselves, or are a band."""
        if self.kind == "at_least":
            return "higher"
        if self.kind == "at_most":
            return "lower"
        return self.better

    @property
    def lowest(self) -> Fraction | None:
        """The lower end of the acceptable values, if there is one."""
        return None if self.kind == "at_most" else Fraction(self.numbers[0])

    @property
    def highest(self) -> Fraction | None:
        """The upper end of the acceptable values, if there is one."""
        return None if self.kind == "at_least" else Fraction(self.numbers[-1])


def acceptable(written: Written, v: Decimal) -> bool:
    """Semantics §2: each bound is inclusive unless the text says otherwise."""
    x = Fraction(v)
    low, high = written.lowest, written.highest
    if low is not None and (x < low or (written.lower_strict and x == low)):
        return False
    return not (high is not None and (x > high or (written.upper_strict and x == high)))


def contract_status(written: Written, v: Decimal) -> Status:
    """Semantics §2: an acceptable value is met. Beyond the *far* bound (the one on the
    better side of a condition with two bounds) a value is exceeded; anywhere else
    outside, and on every side of a band or of a one-sided condition, it is not met."""
    if acceptable(written, v):
        return Status.MET
    x = Fraction(v)
    if written.kind in ("between", "exactly") and written.better is not None:
        far = written.highest if written.better == "higher" else written.lowest
        assert far is not None
        if (x >= far) if written.better == "higher" else (x <= far):
            return Status.EXCEEDED
    return Status.NOT_MET


def contract_gap(written: Written, v: Decimal) -> Fraction:
    """Semantics §4: the distance to the nearest acceptable value; 0 for an acceptable
    value. On a strict bound the nearest acceptable values approach the bound itself,
    so the distance is to the bound (docs/readings.md)."""
    if acceptable(written, v):
        return Fraction(0)
    x = Fraction(v)
    distances = [abs(x - end) for end in (written.lowest, written.highest) if end is not None]
    # Outside the band, the nearest end is the one the value fell out over.
    return min(distances)


def worst(found: Iterable[str]) -> str:
    """The most severe of statuses written as words, by the contract's listing."""
    return min(found, key=SEVERITY.index)


# -- edits that break a plan document in one place ------------------------------------------

#: A change to a plan's JSON document, made in place.
Edit = Callable[[dict[str, Any]], None]


def set_at(*path: str | int, to: object) -> Edit:
    """An edit writing *to* at *path*: ``set_at("targets", 0, "condition", "lo", to="abc")``."""

    def change(document: dict[str, Any]) -> None:
        node: Any = document
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = to

    return change


def delete_at(*path: str | int) -> Edit:
    """An edit deleting the key or item at *path*."""

    def change(document: dict[str, Any]) -> None:
        node: Any = document
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return change


# -- metrics of the constructs real plans add: per-N ratios, yes/no, breakdowns -------------

#: The 14 wards of Long Biên (and one more, for "15/15"), for targets judged across wards.
WARDS = (
    "Bồ Đề",
    "Cự Khối",
    "Đức Giang",
    "Gia Thụy",
    "Giang Biên",
    "Long Biên",
    "Ngọc Lâm",
    "Ngọc Thụy",
    "Phúc Đồng",
    "Phúc Lợi",
    "Sài Đồng",
    "Thạch Bàn",
    "Thượng Thanh",
    "Việt Hưng",
    "Phường mới",
)

#: Metrics for per-N ratios, yes/no milestones and breakdowns, beside ``METRICS``.
MORE_METRICS: tuple[Metric, ...] = (
    metric("doctors", "count", "higher", vi="số bác sĩ"),
    metric("population", "people", vi="dân số"),
    metric("energy", "TOE", vi="năng lượng tiêu thụ"),
    metric("gdp", "billion VND", "higher", vi="GRDP"),
    metric("reached", "yes/no", vi="đạt chuẩn nông thôn mới nâng cao"),
    Metric(
        "water",
        text("clean water", "nước sạch"),
        "percent",
        "higher",
        dimensions=(Dimension("area", text("area", "khu vực"), ("urban", "rural")),),
    ),
    Metric(
        "hotspots",
        text("drug hotspots", "tụ điểm ma túy"),
        "count",
        "lower",
        dimensions=(Dimension("ward", text("ward", "phường"), WARDS),),
    ),
    Metric(
        "single",
        text("a one-member figure", "số liệu một đơn vị"),
        "count",
        "lower",
        dimensions=(Dimension("unit", text("unit", "đơn vị"), ("only",)),),
    ),
    Metric(
        "schools_by_level",
        text("pupils enrolled", "huy động học sinh"),
        "percent",
        "higher",
        # Members not listed: those that report are judged.
        dimensions=(Dimension("level", text("school level", "cấp học")),),
    ),
)


def wide_plan(targets: Iterable[Target], **options: Any) -> Plan:
    """A valid plan around *targets* reading ``METRICS`` and ``MORE_METRICS``."""
    return make_plan(targets, metrics=METRICS + MORE_METRICS, **options)


def one_wide_target(
    measure: Measure | None, condition: Condition, schedule: Schedule, **target: Any
) -> Plan:
    """A one-target plan (the target's id is ``t``) over the wide catalogue of metrics."""
    return wide_plan(
        [
            Target(
                id="t",
                text=text("target t", "chỉ tiêu t"),
                measure=measure,
                condition=condition,
                schedule=schedule,
                **target,
            )
        ]
    )


# -- the example scripts, as a reader runs them --------------------------------------------

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def load_example(name: str) -> ModuleType:
    """The script ``examples/<name>.py`` as a module. examples/ is not a package: the
    script is loaded by its path, as a reader would run it."""
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_example(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``examples/<name>.py`` run in its own process, from outside the checkout."""
    return subprocess.run(
        [sys.executable, str(EXAMPLES / f"{name}.py"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=EXAMPLES.parents[1],
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
