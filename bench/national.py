"""Benchmark of a national workload: every commune's plan, read and judged in one go.

Generates 3,321 communes (Vietnam's count at the last reorganisation), each with a plan
file of 20 targets over 2021-2025 (:mod:`synthetic`: every kind of measure, ratings and
``all of``, every-year, by-deadline and over-the-term schedules) and a CSV file of all
its figures for 2020-2025. Then, in a fresh process, reads every plan and every
figures file and evaluates each plan as of mid-2026, when every period is due; and
does it again with ``planmodel.evaluate_many(..., jobs=N)``. Prints the seconds (wall
and CPU), judgements per second, the peak resident memory, where the time goes, and
how fast the figures are read next to the standard library's ``csv.reader`` with the
same decimal conversion.

Usage::

    python bench/national.py                  # 3,321 communes, and again with --jobs 2
    python bench/national.py --communes 500   # fewer
    python bench/national.py --quick          # 40 communes: that it runs, not how fast
    python bench/national.py --dir DIR        # keep the generated files in DIR
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from synthetic import commune, figures, figures_csv

from planmodel import dumps_plan, evaluate, evaluate_many, load_observations, load_plan
from planmodel.many import pairs

COMMUNES = 3_321
AS_OF = "2026-06-30"
#: Goals the benchmark is held to, on one core.
GOAL_SECONDS = 3.0
GOAL_MEMORY = 1024  # MiB


def generate(folder: Path, communes: int, seed: int) -> None:
    """*communes* plan files in ``folder/plans`` and their figures in ``folder/figures``."""
    rng = random.Random(seed)
    (folder / "plans").mkdir(parents=True, exist_ok=True)
    (folder / "figures").mkdir(parents=True, exist_ok=True)
    for index in range(1, communes + 1):
        plan = commune(rng, index)
        (folder / "plans" / f"{plan.id}.json").write_text(dumps_plan(plan), encoding="utf-8")
        text = figures_csv(figures(rng))
        (folder / "figures" / f"{plan.id}.csv").write_text(text, encoding="utf-8")


def _peak_mib() -> float:
    """This process's peak resident memory (and its waited-for children's), in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    unit = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB elsewhere
    return (own + children) * unit / 2**20


def measure(folder: Path, jobs: int) -> dict[str, float]:
    """Read and judge every commune under *folder*; the figures of the run."""
    work = pairs([folder / "plans"], folder / "figures")
    wall, cpu = time.perf_counter(), time.process_time()
    phases = {"plans": 0.0, "figures": 0.0, "evaluate": 0.0}
    judgements = 0
    if jobs == 1:
        for plan_file, figures_file in work:
            start = time.process_time()
            plan = load_plan(Path(plan_file))
            read = time.process_time()
            data = load_observations(Path(figures_file), plan)
            judged = time.process_time()
            found = evaluate(plan, data, AS_OF)
            phases["plans"] += read - start
            phases["figures"] += judged - read
            phases["evaluate"] += time.process_time() - judged
            judgements += sum(len(result.judgements) for result in found.targets)
    else:
        outcomes = evaluate_many(work, AS_OF, jobs=jobs)
        for outcome in outcomes:
            assert not isinstance(outcome, Exception), outcome
            judgements += sum(len(result.judgements) for result in outcome.targets)
    found_wall = time.perf_counter() - wall
    found_cpu = time.process_time() - cpu
    return {
        "plans": len(work),
        "judgements": judgements,
        "wall": found_wall,
        "cpu": found_cpu,
        "peak": _peak_mib(),
        **phases,
    }


def figures_reading(folder: Path, limit: int) -> dict[str, float]:
    """Seconds to read *limit* figures files with planmodel (without and with their
    plans' checks) and with ``csv.reader`` plus ``Decimal`` of each value."""
    work = pairs([folder / "plans"], folder / "figures")[:limit]
    texts = [Path(figures_file).read_text(encoding="utf-8") for _, figures_file in work]
    plans = [load_plan(Path(plan_file)) for plan_file, _ in work]

    def stdlib() -> None:
        for text in texts:
            for row in csv.reader(io.StringIO(text)):
                if row[2] and row[2] != "value":
                    Decimal(row[2])

    def ours() -> None:
        for text in texts:
            load_observations(text, format="csv")

    def checked() -> None:
        for text, plan in zip(texts, plans, strict=True):
            load_observations(text, plan, format="csv")

    found = {}
    for name, function in (("csv.reader", stdlib), ("planmodel", ours), ("with plan", checked)):
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            function()
            best = min(best, time.process_time() - start)
        found[name] = best
    return found


def _child(folder: Path, jobs: int) -> dict[str, float]:
    """:func:`measure` in a fresh process, so that its peak memory is its own."""
    command = [sys.executable, __file__, "--measure", str(folder), "--jobs", str(jobs)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    found: dict[str, float] = json.loads(done.stdout)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--communes", type=int, default=COMMUNES, help="how many (default 3,321)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes of the second run")
    parser.add_argument("--quick", action="store_true", help="40 communes")
    parser.add_argument("--dir", type=Path, help="generate the files here, and keep them")
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure is not None:  # the fresh process
        print(json.dumps(measure(args.measure, args.jobs)))
        return 0
    communes = 40 if args.quick else args.communes
    out = print
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.dir or Path(scratch)
        start = time.perf_counter()
        generate(folder, communes, args.seed)
        out(
            f"national workload: {communes:,} communes × 20 targets × 2021-2025, figures as CSV; "
            f"as of {AS_OF}; Python {sys.version.split()[0]}, {os.cpu_count()} cores "
            f"(generated in {time.perf_counter() - start:.1f} s)"
        )
        one = _child(folder, 1)
        many = _child(folder, args.jobs)
        reading = figures_reading(folder, min(communes, 300))
    out(
        f"{'run':<18} {'wall s':>7} {'CPU s':>7} {'judgements':>11} {'judgements/s':>13} "
        f"{'peak MiB':>9}"
    )
    for name, found in (("one process", one), (f"evaluate_many ×{args.jobs}", many)):
        out(
            f"{name:<18} {found['wall']:>7.2f} {found['cpu']:>7.2f} {found['judgements']:>11,.0f} "
            f"{found['judgements'] / found['wall']:>13,.0f} {found['peak']:>9.0f}"
        )
    busy = one["plans"] + one["figures"] + one["evaluate"]
    out(
        "one process, CPU: "
        + ", ".join(
            f"{name} {one[key]:.2f} s ({one[key] / busy:.0%})"
            for name, key in (
                ("reading plans", "plans"),
                ("reading figures", "figures"),
                ("evaluating", "evaluate"),
            )
        )
    )
    out(
        f"speed-up with {args.jobs} processes: {one['wall'] / many['wall']:.2f}× "
        f"(wall; {args.jobs} cores would give at most {args.jobs}×, and this machine is shared)"
    )
    shown = min(communes, 300)
    out(
        f"figures of {shown} communes: csv.reader + Decimal {reading['csv.reader']:.3f} s, "
        f"planmodel {reading['planmodel']:.3f} s "
        f"({reading['planmodel'] / reading['csv.reader']:.1f}×, an Observation per figure), "
        f"checked against the plan {reading['with plan']:.3f} s"
    )
    verdict = "met" if one["wall"] < GOAL_SECONDS and one["peak"] < GOAL_MEMORY else "MISSED"
    out(
        f"goal: under {GOAL_SECONDS:g} s and {GOAL_MEMORY:,} MiB on one core "
        f"({COMMUNES:,} communes): {verdict if communes == COMMUNES else 'not measured (fewer)'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
