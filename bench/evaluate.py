"""Benchmark of :func:`planmodel.evaluate`: judgements per second and peak memory.

Synthesises plans of 20 targets judged over five years (2021-2025), shaped like the
Long Biên targets (every measure, condition and schedule kind), with figures for
every metric and year drawn from a seeded ``random.Random``, and evaluates them
as of mid-2026, when every period is due.

Each evaluation starts from a plain list of observations, as a caller that has just
read a file would, so indexing and checking the figures is part of the time.

A *judgement* is one per-period verdict; the parts of an ``all of`` are verdicts
too and are counted separately, so both counts are printed. Speed and memory are
measured in separate runs: tracing allocations slows Python down.

Usage::

    python bench/evaluate.py                      # 300 and 3,000 plans
    python bench/evaluate.py --plans 1000         # any sizes, repeatable
    python bench/evaluate.py --quick              # 30 and 300 plans, one run each
    python bench/evaluate.py --profile            # where the time goes, by function
    python bench/evaluate.py --kinds              # what judging one target costs, by kind
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import functools
import gc
import io
import operator
import pstats
import random
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from decimal import Decimal

from planmodel import (
    Better,
    Condition,
    Evaluation,
    Judgement,
    Level,
    Measure,
    Metric,
    Observation,
    Observations,
    Plan,
    Rated,
    RatingScale,
    Schedule,
    Source,
    Target,
    Term,
    Text,
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

TARGETS_PER_PLAN = 20
FIRST_YEAR, LAST_YEAR = 2021, 2025
AS_OF = dt.date(2026, 6, 30)
#: Goals the benchmark is held to.
GOAL_RATE = 500_000
GOAL_SCALING = 11.0

LEVELS = ("kht", "ht", "tot", "xs")
EVERY_YEAR = every_year(FIRST_YEAR, LAST_YEAR)


def _text(words: str) -> Text:
    return Text(vi=words, en=words)


SCALE = RatingScale("grade", _text("grade"), tuple(Level(id_, _text(id_)) for id_ in LEVELS))

# Numeric metrics: (id, unit, better).
NUMBERS: tuple[tuple[str, str, Better | None], ...] = (
    ("revenue", "billion VND", "higher"),
    ("estimate", "billion VND", None),
    ("capital", "billion VND", None),
    ("spending", "billion VND", None),
    ("cultured", "percent", "higher"),
    ("groups", "percent", "higher"),
    ("coverage", "percent", "higher"),
    ("poor", "households", "lower"),
    ("schools", "count", "higher"),
    ("polluters", "percent", "higher"),
    ("waste", "percent", "higher"),
    ("new_members", "count", "higher"),
    ("output", "billion VND", "higher"),
    ("investment", "billion VND", "higher"),
    ("poverty_rate", "percent", "lower"),
    ("budget", "billion VND", "higher"),
)
RATED = ("orgs", "members", "fronts")


def _number(rng: random.Random, low: int, high: int, places: int = 2) -> Decimal:
    """A decimal between *low* and *high* with *places* decimal places."""
    scale = 10**places
    return Decimal(rng.randint(low * scale, high * scale)).scaleb(-places)


def _targets(rng: random.Random) -> list[tuple[Measure | None, Condition, Schedule]]:
    """The 20 targets of a plan: measure, condition and schedule, with drawn bounds."""
    lo = rng.randint(3, 6)
    return [
        (change_vs("revenue", "estimate"), between(lo, lo + 5, better="higher"), EVERY_YEAR),
        (ratio("capital", "spending"), between(50, 55), EVERY_YEAR),
        (value("cultured"), between(91, 93, better="higher"), EVERY_YEAR),
        (value("groups"), at_least(83), EVERY_YEAR),
        (value("schools"), at_least(9), by_deadline("2025-12-31")),
        (value("coverage"), at_least(95), by_deadline("2025-12-31", baseline=2020)),
        (
            change_since("poor", "2021-01-01"),
            at_most(-75),
            by_deadline("2025-12-31", baseline="2021-01-01"),
        ),
        (value("polluters"), at_least(100), EVERY_YEAR),
        (value("waste"), at_least(100), EVERY_YEAR),
        (
            None,
            all_of(
                part(share_at_least("orgs", "tot"), at_least(95)),
                part(count_at("orgs", "kht"), at_most(0)),
            ),
            EVERY_YEAR,
        ),
        (
            None,
            all_of(
                part(share_at_least("members", "tot"), at_least(80)),
                part(value("new_members"), between(180, 200, better="higher")),
            ),
            EVERY_YEAR,
        ),
        (lowest_rating("fronts"), rating_at_least("tot"), EVERY_YEAR),
        (value("poverty_rate"), at_most(2, strict=True), EVERY_YEAR),
        (value("new_members"), exactly(190, better="higher"), EVERY_YEAR),
        (change_from_previous("budget"), at_least(8), EVERY_YEAR),
        (count_below("members", "tot"), at_most(20), EVERY_YEAR),
        (share_at_least("fronts", "ht"), at_least(100), EVERY_YEAR),
        (growth("output", 2020, 2025), between("6.5", 7, better="higher"), over_term()),
        (growth("budget", 2020, 2025, "arithmetic"), at_least(8), over_term()),
        (total("investment", 2021, 2025), at_least(5000), over_term()),
    ]


def synthesise(rng: random.Random, index: int) -> tuple[Plan, list[Observation]]:
    """Plan number *index* with its figures for 2020-2025 (and the start of 2021)."""
    specs = _targets(rng)
    assert len(specs) == TARGETS_PER_PLAN
    metrics = [Metric(id_, _text(id_), unit, better) for id_, unit, better in NUMBERS]
    metrics += [Metric(id_, _text(id_), "units", scale="grade") for id_ in RATED]
    targets = [
        Target(
            id=f"t{i + 1}",
            text=_text(f"target {i + 1}"),
            measure=measure,
            condition=condition,
            schedule=schedule,
        )
        for i, (measure, condition, schedule) in enumerate(specs)
    ]
    plan = Plan(
        id=f"plan-{index}",
        title=_text(f"Plan {index}"),
        jurisdiction=_text(f"Ward {index}"),
        term=Term(2020, 2025),
        adopted="2020-08-20",
        source=Source(title=_text("Resolution"), url="https://example.org", published="2020-08-20"),
        source_language="vi",
        objective=(_text("Develop"),),
        targets=targets,
        metrics=metrics,
        scales=(SCALE,),
    )
    return plan, _figures(rng)


def _figures(rng: random.Random) -> list[Observation]:
    """Figures near each target's bounds, so that every status turns up."""
    ranges = {
        "revenue": (1000, 1150),
        "estimate": (1000, 1000),
        "capital": (4800, 5700),
        "spending": (10000, 10000),
        "cultured": (89, 95),
        "groups": (80, 86),
        "coverage": (88, 97),
        "poor": (80, 400),
        "schools": (6, 11),
        "polluters": (97, 100),
        "waste": (97, 100),
        "new_members": (170, 210),
        "output": (100, 150),
        "investment": (800, 1200),
        "poverty_rate": (1, 3),
        "budget": (1000, 1600),
    }
    figures = [
        Observation(metric, year, _number(rng, low, high))
        for metric, (low, high) in ranges.items()
        for year in range(2020, LAST_YEAR + 1)
    ]
    figures.append(Observation("poor", "2021-01-01", _number(rng, 380, 420, 0)))
    for metric in RATED:
        for year in range(2020, LAST_YEAR + 1):
            if metric == "fronts" and rng.random() < 0.5:
                figures.append(Observation(metric, year, Rated(rng.choice(LEVELS[1:]))))
                continue
            counts = {level: rng.randint(0, 3) for level in LEVELS[:2]}
            counts.update({level: rng.randint(20, 60) for level in LEVELS[2:]})
            figures.append(Observation(metric, year, counts))
    return figures


def workload(plans: int, seed: int) -> list[tuple[Plan, list[Observation]]]:
    rng = random.Random(seed)
    return [synthesise(rng, index) for index in range(plans)]


def count(evaluations: Sequence[Evaluation]) -> tuple[int, int]:
    """Per-period judgements of the targets, and judgements of the parts of ``all of``."""

    def parts(judgement: Judgement) -> int:
        return sum(1 + parts(p) for p in judgement.parts)

    periods = inner = 0
    for evaluation in evaluations:
        for result in evaluation.targets:
            periods += len(result.judgements)
            inner += sum(parts(j) for j in result.judgements)
    return periods, inner


def evaluate_all(work: Sequence[tuple[Plan, list[Observation]]]) -> list[Evaluation]:
    return [evaluate(plan, figures, AS_OF) for plan, figures in work]


def timed(
    work: Sequence[tuple[Plan, list[Observation]]], repeat: int
) -> tuple[float, float, int, int]:
    """Best CPU and wall times of *repeat* runs, and the judgement counts.

    CPU time (``time.process_time``) is what the goals are judged on: on a shared
    machine, wall time also counts the time other processes held the core.
    """
    best_cpu = best_wall = float("inf")
    results: list[Evaluation] = []
    for _ in range(repeat):
        del results[:]
        gc.collect()
        cpu, wall = time.process_time(), time.perf_counter()
        results = evaluate_all(work)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    periods, inner = count(results)
    return best_cpu, best_wall, periods, inner


def peak_memory(work: Sequence[tuple[Plan, list[Observation]]]) -> int:
    """Peak bytes allocated while evaluating *work* and holding the results."""
    gc.collect()
    tracemalloc.start()
    try:
        results = evaluate_all(work)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del results
    return peak


def profile(
    work: Sequence[tuple[Plan, list[Observation]]], top: int, out: Callable[[str], None]
) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    evaluate_all(work)
    profiler.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.sort_stats("tottime").print_stats(top)
    out(stream.getvalue())


def _best_of(function: Callable[[], object], calls: int = 20, rounds: int = 3) -> float:
    """Seconds per call of *function*: the best of *rounds* rounds of *calls* calls."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            function()
        best = min(best, (time.perf_counter() - start) / calls)
    return best


def kinds(work: Sequence[tuple[Plan, list[Observation]]], out: Callable[[str], None]) -> None:
    """What judging one target costs, by its measure, condition and schedule: an
    evaluation of the target alone (``where=``) less one that judges nothing."""
    cost: dict[tuple[str, str, str], list[float]] = {}

    def none(_: Target) -> bool:
        return False

    for plan, figures in work:
        data = Observations(figures, plan=plan)
        judge = functools.partial(evaluate, plan, data, AS_OF)
        judge()  # the plan's judging worked out, as in a timed run
        nothing = _best_of(functools.partial(judge, where=none))
        for target in plan.targets:
            alone = functools.partial(judge, where=functools.partial(operator.is_, target))
            seconds = _best_of(alone) - nothing
            (result,) = alone().targets
            key = (
                type(target.measure).__name__ if target.measure is not None else "-",
                type(target.condition).__name__,
                type(target.schedule).__name__,
            )
            found = cost.setdefault(key, [0.0, 0.0, 0.0])
            found[0] += seconds
            found[1] += len(result.judgements)
            found[2] += 1
    out(f"judging one target, by kind ({len(work)} plans; µs, best of 3 rounds of 20)")
    out(
        f"{'measure':<14} {'condition':<14} {'schedule':<11} {'µs':>6} {'judgements':>10} "
        f"{'µs each':>8}"
    )
    for (measure, condition, schedule), (seconds, judged, targets) in sorted(
        cost.items(), key=lambda item: item[1][0] / item[1][1]
    ):
        out(
            f"{measure:<14} {condition:<14} {schedule:<11} {seconds / targets * 1e6:>6.1f} "
            f"{judged / targets:>10.1f} {seconds / judged * 1e6:>8.2f}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--plans", type=int, action="append", help="number of plans (repeatable; default 300 3000)"
    )
    parser.add_argument("--quick", action="store_true", help="30 and 300 plans, one run each")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per size (best is kept)")
    parser.add_argument("--seed", type=int, default=2020, help="seed of the synthetic plans")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory runs")
    parser.add_argument(
        "--profile", action="store_true", help="profile the largest size instead of timing"
    )
    parser.add_argument("--top", type=int, default=25, help="functions shown with --profile")
    parser.add_argument(
        "--kinds", action="store_true", help="time judging one target of each kind instead"
    )
    args = parser.parse_args(argv)
    sizes = args.plans or ([30, 300] if args.quick else [300, 3000])
    repeat = 1 if args.quick else max(1, args.repeat)
    out = print

    if args.kinds:
        kinds(workload(5 if args.quick else 50, args.seed), out)
        return 0

    if args.profile:
        work = workload(max(sizes), args.seed)
        out(f"profile of evaluating {len(work)} plans (sorted by own time)")
        profile(work, args.top, out)
        return 0

    out(
        f"planmodel.evaluate: {TARGETS_PER_PLAN} targets × {FIRST_YEAR}-{LAST_YEAR} per plan, "
        f"as of {AS_OF}; Python {sys.version.split()[0]}, one core; best of {repeat}"
    )
    out(
        f"{'plans':>7} {'judgements':>11} {'+ parts':>8} {'CPU s':>8} {'wall s':>8} "
        f"{'judgements/s':>13} {'incl. parts/s':>14} {'peak MiB':>9}"
    )
    times: dict[int, float] = {}
    rates: list[float] = []
    for size in sizes:
        work = workload(size, args.seed)
        cpu, wall, periods, inner = timed(work, repeat)
        peak = None if args.no_memory else peak_memory(work)
        times[size] = cpu
        rates.append(periods / cpu)
        memory = "-" if peak is None else f"{peak / 2**20:.1f}"
        out(
            f"{size:>7} {periods:>11} {inner:>8} {cpu:>8.3f} {wall:>8.3f} "
            f"{periods / cpu:>13,.0f} {(periods + inner) / cpu:>14,.0f} {memory:>9}"
        )
        del work
    out(
        "judgements: one per target and period; '+ parts': the verdicts of the parts of "
        "all_of targets;\nrates are per CPU second; peak MiB: allocations while evaluating "
        "and holding the results (a separate, traced run)"
    )
    slowest = min(rates)
    verdict = "met" if slowest >= GOAL_RATE else "MISSED"
    out(f"rate: {slowest:,.0f} judgements/s at the slowest size (goal >= {GOAL_RATE:,}): {verdict}")
    if len(sizes) >= 2:
        small, large = min(sizes), max(sizes)
        ratio_ = times[large] / times[small]
        allowed = GOAL_SCALING * large / small / 10
        verdict = "met" if ratio_ <= allowed else "MISSED"
        out(
            f"scaling: time({large}) / time({small}) = {ratio_:.2f} "
            f"for {large / small:g}x the plans (goal <= {allowed:g}): {verdict}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
