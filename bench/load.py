"""Benchmark of loading and dumping plan files, against pydantic v2 and msgspec.

Two files: the Long Biên plan (``examples/longbien_2020_2025.json``) and a generated
plan of 300 targets (:mod:`synthetic`). Each is loaded (text to validated objects) and
dumped (objects to text) by planmodel and by models of the same planmodel/1 format
written with pydantic and msgspec (:mod:`peers`), all in this one process. Rounds are
interleaved (planmodel, pydantic, msgspec, planmodel, …) so that a busy moment of a
shared machine falls on all three alike; the best round of each is kept, and the
ratios of the best times are printed, with their spread over the rounds.

The peers check less than planmodel: no cross-references, no duplicate keys, no
limits on numbers, and pydantic reads a JSON number into a Decimal through a float.
See :mod:`peers`.

Usage::

    python bench/load.py              # 15 rounds
    python bench/load.py --rounds 40  # steadier figures
    python bench/load.py --quick      # 3 short rounds: that it runs, not how fast
    python bench/load.py --breakdown  # and where planmodel's load time goes
"""

from __future__ import annotations

import argparse
import functools
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import attrs
import msgspec
from peers import PydanticPlan, msgspec_decoder, msgspec_encoder
from synthetic import plan_with

from planmodel import Plan, Text, dumps_plan, load_plan
from planmodel._json import read_json_quickly

ROOT = Path(__file__).resolve().parents[1]
LONG_BIEN = ROOT / "examples" / "longbien_2020_2025.json"
#: Goals the benchmark is held to: planmodel's time over pydantic's, at most.
GOAL_LOAD = GOAL_DUMP = 1.0


def _best(function: Callable[[], object], calls: int) -> float:
    """Seconds per call of *function*, over *calls* calls."""
    start = time.perf_counter()
    for _ in range(calls):
        function()
    return (time.perf_counter() - start) / calls


def interleaved(
    contenders: dict[str, Callable[[], object]], rounds: int, calls: int
) -> dict[str, list[float]]:
    """Seconds per call of each contender, one figure per round, taken in turn."""
    found: dict[str, list[float]] = {name: [] for name in contenders}
    names = list(contenders)
    for round_ in range(rounds):
        # The order turns each round, so that none always runs first after a pause.
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            found[name].append(_best(contenders[name], calls))
    return found


def cases(generated_targets: int) -> list[tuple[str, bytes]]:
    """The files timed: Long Biên, and a generated plan of *generated_targets* targets."""
    generated = plan_with(random.Random(2020), 1, generated_targets, notes=True)
    return [
        ("Long Biên plan", LONG_BIEN.read_bytes()),
        (f"{generated_targets}-target plan", dumps_plan(generated).encode("utf-8")),
    ]


def _msgspec_dump(encoder: msgspec.json.Encoder, struct: object) -> bytes:
    return msgspec.json.format(encoder.encode(struct), indent=2)


def _spread(times: Sequence[float]) -> str:
    """The best time in µs and how far the median round is above it."""
    best, median = min(times), statistics.median(times)
    return f"{best * 1e6:9.1f} (+{(median / best - 1) * 100:3.0f}%)"


def _constructions(plan: Plan) -> list[tuple[type, Any]]:
    """Each attrs object of *plan*, innermost first, with what it was built from."""
    found: list[tuple[type, Any]] = []

    def walk(value: object) -> None:
        if isinstance(value, tuple):
            for item in value:
                walk(item)
        elif isinstance(value, Text):
            found.append((Text, dict(value.items)))
        elif attrs.has(type(value)):
            kind: Any = type(value)
            given = {}
            for field in attrs.fields(kind):
                if field.init:
                    walk(getattr(value, field.name))
                    given[field.alias or field.name] = getattr(value, field.name)
            found.append((kind, given))

    walk(plan)
    return found


def _build(constructions: list[tuple[type, Any]]) -> None:
    for cls, given in constructions:
        if cls is Text:
            Text(given)
        else:
            cls(**given)


def breakdown(text: bytes, rounds: int, calls: int) -> dict[str, float]:
    """Seconds of what loading *text* is made of: reading the JSON (msgspec and the
    check that it read every key and digit), the attrs constructors alone (each object
    built again from its fields, with its validators, the plan's included), and within
    them the plan's cross-reference checks."""
    plan = load_plan(text)
    constructions = _constructions(plan)
    found = interleaved(
        {
            "reading": functools.partial(read_json_quickly, text),
            "constructors": functools.partial(_build, constructions),
            "cross-references": lambda: list(plan._problems()),
        },
        rounds,
        calls,
    )
    return {name: min(times) for name, times in found.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=15, help="interleaved rounds (default 15)")
    parser.add_argument("--quick", action="store_true", help="3 short rounds, a small plan")
    parser.add_argument(
        "--breakdown", action="store_true", help="also time the parts of planmodel's load"
    )
    args = parser.parse_args(argv)
    rounds = 3 if args.quick else max(1, args.rounds)
    out = print
    decoder, encoder = msgspec_decoder(), msgspec_encoder()
    out(
        f"load and dump of plan files; Python {sys.version.split()[0]}, pydantic "
        f"{metadata.version('pydantic')}, msgspec {msgspec.__version__}; "
        f"best of {rounds} interleaved rounds (+ median over best)"
    )
    out(
        f"{'file':<24} {'op':<4} {'planmodel µs':>18} {'pydantic µs':>18} {'msgspec µs':>18} "
        f"{'÷ pydantic':>10} {'÷ msgspec':>9}"
    )
    missed = []
    parts: list[tuple[str, dict[str, float], float]] = []
    for name, text in cases(30 if args.quick else 300):
        plan = load_plan(text)
        peer, struct = PydanticPlan.model_validate_json(text), decoder.decode(text)
        # Each reads the file as planmodel writes it, and planmodel writes it back as read.
        assert dumps_plan(plan).encode("utf-8") == text
        calls = max(1, int(20_000 / len(text) * (0.2 if args.quick else 1)))
        loads = interleaved(
            {
                "planmodel": functools.partial(load_plan, text),
                "pydantic": functools.partial(PydanticPlan.model_validate_json, text),
                "msgspec": functools.partial(decoder.decode, text),
            },
            rounds,
            calls,
        )
        dumps = interleaved(
            {
                "planmodel": functools.partial(dumps_plan, plan),
                "pydantic": functools.partial(
                    peer.model_dump_json, indent=2, exclude_defaults=True, by_alias=True
                ),
                "msgspec": functools.partial(_msgspec_dump, encoder, struct),
            },
            rounds,
            calls,
        )
        label = f"{name} ({len(text) / 1000:.0f} kB)"
        for op, found, goal in (("load", loads, GOAL_LOAD), ("dump", dumps, GOAL_DUMP)):
            ours, theirs, fastest = (
                min(found[key]) for key in ("planmodel", "pydantic", "msgspec")
            )
            ratio = ours / theirs
            if ratio > goal:
                missed.append(f"{op} {name}: {ratio:.2f}× pydantic (goal ≤ {goal:g}×)")
            out(
                f"{label:<24} {op:<4} {_spread(found['planmodel']):>18} "
                f"{_spread(found['pydantic']):>18} {_spread(found['msgspec']):>18} "
                f"{ratio:>9.2f}× {ours / fastest:>8.2f}×"
            )
            label = ""
        if args.breakdown:
            parts.append((name, breakdown(text, rounds, calls), min(loads["pydantic"])))
    out(
        "planmodel loads with every check (unknown and duplicate keys, exact decimals and their "
        "limits,\ncross-references) and dumps byte-identical text; the peers check less (see "
        "bench/peers.py)"
    )
    out("goals: load and dump at most 1.0× pydantic: " + ("met" if not missed else "MISSED"))
    for line in missed:
        out(f"  {line}")
    for name, timed, theirs in parts:
        out(
            f"{name}, parts of planmodel's load (µs, ÷ pydantic's whole load): "
            + ", ".join(
                f"{part} {seconds * 1e6:.0f} ({seconds / theirs:.2f}×)"
                for part, seconds in timed.items()
            )
        )
    if parts:
        out(
            "constructors: the attrs objects built again from their fields, validators and the "
            "plan's\ncross-reference checks included; no structuring could load in less than "
            "reading + constructors"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
