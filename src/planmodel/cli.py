"""The ``planmodel`` command: check a plan, show it, judge figures against it, and
print the JSON Schemas of its files.

::

    planmodel validate plan.json
    planmodel show plan.json --lang vi
    planmodel evaluate plan.json figures.csv --as-of 2024-12-31 --format html --output report.html
    planmodel schema plan

Built on the standard library's argparse, so the command adds no dependency. Bad
input never ends in a traceback: every problem is written to standard error with
the file and the JSON path or CSV row, and the exit status is 2. ``evaluate
--fail-on not_met,off_track`` exits with 1 when a target has one of those
statuses, so that a script or CI job can act on the verdict.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import NoReturn, TextIO

from .errors import PlanModelError
from .evaluation import evaluate
from .observations_io import load_observations
from .periods import to_date
from .plan import Plan
from .reports import render_html, render_json, render_markdown, render_outline, render_text
from .schema import SCHEMAS
from .serialize import load_plan
from .status import Status
from .words import languages

__all__ = ["EXIT_BROKEN_PIPE", "EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK = 0
#: ``evaluate --fail-on``: some target has one of the statuses named.
EXIT_FAILED = 1
#: Bad input or usage: a file that cannot be read or is not valid, an unknown option.
EXIT_USAGE = 2
#: The reader of the output went away; the status a shell gives a process ended by
#: SIGPIPE (128 + 13), so that it is never mistaken for a ``--fail-on`` hit.
EXIT_BROKEN_PIPE = 141

FORMATS = ("text", "markdown", "json", "html")


class UsageError(Exception):
    """The command line itself is wrong; argparse's message, shown with the usage."""

    def __init__(self, message: str, usage: str) -> None:
        super().__init__(message)
        self.usage = usage


class FileError(Exception):
    """A file cannot be read or written; the message names it and says why."""


class _Parser(argparse.ArgumentParser):
    # argparse prints and exits on a bad command line; raising instead lets main()
    # return the exit status, so that it can be called in-process.
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}", self.format_usage())


# -- argument types ---------------------------------------------------------------------


def _date(text: str) -> dt.date:
    try:
        return to_date(text)
    except (TypeError, ValueError):
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def _condition(text: str) -> tuple[str, str]:
    key, equals, wanted = text.partition("=")
    if not equals or not key.strip() or not wanted.strip():
        raise argparse.ArgumentTypeError(
            f"expected NAME=VALUE (e.g. commitment=binding), got {text!r}"
        )
    return key.strip(), wanted.strip()


def _statuses(text: str) -> frozenset[Status]:
    known = [status.value for status in Status]
    found = set()
    for word in text.split(","):
        name = word.strip()
        if name not in known:
            raise argparse.ArgumentTypeError(
                f"unknown status {name!r}; expected one or more of: {', '.join(known)}"
            )
        found.add(Status(name))
    return frozenset(found)


# -- reading inputs ---------------------------------------------------------------------


def _check_readable(path: Path, what: str) -> None:
    """Refuse a missing or unreadable file with a plain message, before parsing."""
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise FileError(f"cannot read the {what} file {str(path)!r}: {reason}") from None


def _load_plan(name: str) -> Plan:
    path = Path(name)
    _check_readable(path, "plan")
    return load_plan(path)


# -- commands ---------------------------------------------------------------------------


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    plan = _load_plan(args.plan)
    counts = ", ".join(
        _count(len(items), word)
        for items, word in (
            (plan.directions, "direction"),
            (plan.breakthroughs, "breakthrough"),
            (plan.targets, "target"),
        )
    )
    out.write(f"ok: {plan.id}, term {plan.term.first}-{plan.term.last}: {counts}\n")
    return EXIT_OK


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'s' if number != 1 else ''}"


def _show(args: argparse.Namespace, out: TextIO) -> int:
    out.write(render_outline(_load_plan(args.plan), lang=args.lang))
    return EXIT_OK


def _wants_colour(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    # https://no-color.org: any non-empty NO_COLOR turns colour off.
    return stream.isatty() and not os.environ.get("NO_COLOR")


def _evaluate(args: argparse.Namespace, out: TextIO) -> int:
    plan = _load_plan(args.plan)
    path = Path(args.observations)
    _check_readable(path, "observations")
    observations = load_observations(path, plan)
    where: dict[str, set[str]] = {}
    for key, wanted in args.where:
        where.setdefault(key, set()).add(wanted)
    evaluation = evaluate(plan, observations, args.as_of or dt.date.today(), where=where or None)
    renderers: dict[str, Callable[[], str]] = {
        "text": lambda: render_text(
            plan,
            evaluation,
            lang=args.lang,
            color=args.output is None and _wants_colour(args.color, out),
        ),
        "markdown": lambda: render_markdown(plan, evaluation, lang=args.lang),
        "html": lambda: render_html(plan, evaluation, lang=args.lang),
        "json": lambda: render_json(evaluation),
    }
    report = renderers[args.format]()
    if args.output is None:
        out.write(report)
    else:
        try:
            Path(args.output).write_text(report, encoding="utf-8")
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise FileError(f"cannot write the report to {args.output!r}: {reason}") from None
    failing = [result.target for result in evaluation.targets if result.status in args.fail_on]
    if failing:
        statuses = ", ".join(sorted(status.value for status in args.fail_on))
        sys.stderr.write(
            f"planmodel: {_count(len(failing), 'target')} with status {statuses}: "
            f"{', '.join(failing)}\n"
        )
        return EXIT_FAILED
    return EXIT_OK


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    out.write(json.dumps(SCHEMAS[args.which](), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


# -- the parser -------------------------------------------------------------------------


def _version() -> str:
    try:
        return metadata.version("planmodel")
    except metadata.PackageNotFoundError:
        return "unknown"


def _add_lang(parser: argparse.ArgumentParser) -> None:
    known = languages()
    parser.add_argument(
        "--lang",
        choices=known,
        default="en",
        help=f"language of the words shown ({', '.join(known)})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="planmodel",
        description="Typed public development plans, and exact judgements of reported figures.",
    )
    parser.add_argument("--version", action="version", version=f"planmodel {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate", help="check a plan file", description="Check a plan file; list every problem."
    )
    validate.add_argument("plan", metavar="PLAN.json")
    validate.set_defaults(run=_validate)

    show = commands.add_parser(
        "show", help="print a plan as an outline", description="Print a plan as an outline."
    )
    show.add_argument("plan", metavar="PLAN.json")
    _add_lang(show)
    show.set_defaults(run=_show)

    ev = commands.add_parser(
        "evaluate",
        help="judge observations against a plan",
        description="Judge observed figures (JSON or CSV) against every target of a plan.",
    )
    ev.add_argument("plan", metavar="PLAN.json")
    ev.add_argument("observations", metavar="OBSERVATIONS.(json|csv)")
    ev.add_argument(
        "--as-of", type=_date, default=None, metavar="DATE", help="judge as of DATE (default today)"
    )
    _add_lang(ev)
    ev.add_argument("--format", choices=FORMATS, default="text", help="report format")
    ev.add_argument("--output", metavar="FILE", help="write the report to FILE (UTF-8)")
    ev.add_argument(
        "--where",
        type=_condition,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="judge only targets whose commitment or attribute NAME is VALUE "
        "(repeat for more; values of one NAME are alternatives)",
    )
    ev.add_argument(
        "--fail-on",
        type=_statuses,
        default=frozenset(),
        metavar="STATUS[,STATUS]",
        help="exit with 1 when a target has one of these statuses, e.g. not_met,off_track",
    )
    ev.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report (auto: on a terminal, unless NO_COLOR is set)",
    )
    ev.set_defaults(run=_evaluate)

    schema = commands.add_parser(
        "schema", help="print a JSON Schema", description="Print the JSON Schema of a file kind."
    )
    schema.add_argument("which", nargs="?", choices=tuple(SCHEMAS), default="plan")
    schema.set_defaults(run=_schema)
    return parser


def _problems(exc: PlanModelError) -> str:
    head = f"{exc.subject}: " if exc.subject else ""
    lines = [f"planmodel: {head}{_count(len(exc.problems), 'problem')} found"]
    lines += [f"  {problem}" for problem in exc.problems]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 ``--fail-on`` hit, 2 bad input)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        sys.stderr.write(f"{exc.usage}{exc}\n")
        return EXIT_USAGE
    except SystemExit as exc:  # --help and --version exit through argparse
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    run: Callable[[argparse.Namespace, TextIO], int] = args.run
    try:
        return run(args, sys.stdout)
    except PlanModelError as exc:
        sys.stderr.write(_problems(exc))
    except FileError as exc:
        sys.stderr.write(f"planmodel: {exc}\n")
    except BrokenPipeError:
        # The reader went away (``planmodel evaluate … | head``): not an error worth a
        # message; point stdout at nothing so that the final flush stays quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        sys.stderr.write(f"planmodel: {exc}\n")
    return EXIT_USAGE
