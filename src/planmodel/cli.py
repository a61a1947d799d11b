"""The ``planmodel`` command: check a plan, show it, judge figures against it, and
print the JSON Schemas of its files.

::

    planmodel validate plan.json
    planmodel validate --strict plan.json
    planmodel show plan.json --lang vi
    planmodel evaluate plan.json figures.csv --as-of 2024-12-31 --format html --output report.html
    planmodel evaluate plan.json figures.xlsx --format xlsx --output results.xlsx
    planmodel evaluate-many plans/ --figures figures/ --jobs 2 --output-dir reports/
    planmodel schema plan

Built on the standard library's argparse, so the command adds no dependency. Bad
input never ends in a traceback: every problem is written to standard error with
the file and the JSON path or CSV row, and the exit status is 2. ``evaluate
--fail-on not_met,off_track`` exits with 1 when a target has one of those
statuses, and ``validate --strict`` when a valid plan lacks the provenance a published
plan states, so that a script or CI job can act on the verdict. Anything unexpected
is one line asking for a report, and status 70, so that a broken run is never
taken for a verdict; ``--debug`` adds the traceback.

``-`` reads a plan or observations from standard input, and ``--output -`` writes
to standard output. A report written to a file is written whole or not at all, and
never over one of its inputs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import traceback
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, NoReturn, Optional, TextIO

from ._extras import MissingExtra, require
from ._files import FileError, check_not_an_input, write_atomically
from ._untrusted import printable, shorten, stream_safe
from .errors import ObservationsError, PlanLoadError, PlanModelError
from .evaluation import Evaluation, evaluate
from .many import evaluate_one, pairs, run_many
from .observations import Observations
from .observations_io import CSV_DIALECTS, load_observations
from .observations_io import FORMATS as OBSERVATIONS_FORMATS
from .periods import to_date
from .plan import Plan
from .provenance import missing_provenance
from .reports import render_html, render_json, render_markdown, render_outline, render_text
from .reports.terminal import TEXT_WIDTH
from .schema import SCHEMAS
from .serialize import load_plan
from .status import Status
from .tables import Table, to_xlsx
from .words import languages

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_FAILED",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_USAGE",
    "STANDARD_STREAM",
    "main",
]

EXIT_OK = 0
#: A check asked for failed on valid input: ``evaluate --fail-on`` found a target with
#: one of the statuses named, or ``validate --strict`` found provenance missing.
EXIT_FAILED = 1
#: Bad input or usage: a file that cannot be read or is not valid, an unknown option.
EXIT_USAGE = 2
#: Something unexpected, a bug in planmodel: ``EX_SOFTWARE`` of sysexits.h, so that
#: a pipeline can tell a broken run from a failing target (1) or bad input (2).
EXIT_INTERNAL = 70
#: The reader of the output went away; the status a shell gives a process ended by
#: SIGPIPE (128 + 13), so that it is never mistaken for a ``--fail-on`` hit.
EXIT_BROKEN_PIPE = 141

FORMATS = ("text", "markdown", "json", "html", "csv", "xlsx")
#: The file name that means standard input (for a plan or observations) or standard
#: output (for ``--output``).
STANDARD_STREAM = "-"
_STDIN_NAME = "<stdin>"

# How each report format writes what a non-UTF-8 stream (cp1252, say) cannot hold:
# HTML and JSON keep the exact character (&#7841; and \u1ea1 mean it there); text
# and Markdown show a visible \u1ea1 rather than fail or drop it.
_UNENCODABLE = {
    "html": "xmlcharrefreplace",
    "json": "backslashreplace",
    "text": "backslashreplace",
    "markdown": "backslashreplace",
    "csv": "backslashreplace",
}
#: What a CSV file starts with, so that Excel reads it as UTF-8 (it reads a CSV
#: without one in the computer's legacy code page, and Vietnamese comes out garbled).
#: Standard output gets none: it goes to programs, which take UTF-8 as it is.
_BYTE_ORDER_MARK = "\ufeff"


class UsageError(Exception):
    """The command line itself is wrong; argparse's message, shown with the usage."""

    def __init__(self, message: str, usage: str) -> None:
        super().__init__(message)
        self.usage = usage


class _Parser(argparse.ArgumentParser):
    # argparse prints and exits on a bad command line; raising instead lets main()
    # return the exit status, so that it can be called in-process.
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}", self.format_usage())


# -- argument types ---------------------------------------------------------------------


def _date(text: str) -> dt.date:
    try:
        return to_date(text)
    except (TypeError, ValueError) as exc:
        # to_date says what is wrong: the shape ("30/06/2023"), or the day ("2025-02-30").
        raise argparse.ArgumentTypeError(str(exc)) from None


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
    except (OSError, ValueError) as exc:  # ValueError: a name with a NUL byte
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise FileError(f"cannot read the {what} file {str(path)!r}: {reason}") from None


def _read_stdin() -> bytes:
    stream = sys.stdin
    if stream is None:
        raise FileError("cannot read standard input: there is none")
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read()
        return data
    # A text stream without bytes beneath (a test's StringIO): its text, as UTF-8.
    return stream.read().encode("utf-8", "surrogatepass")


def _load_plan(name: str) -> Plan:
    if name == STANDARD_STREAM:
        try:
            return load_plan(_read_stdin())
        except PlanLoadError as exc:
            raise PlanLoadError(exc.problems, subject=_STDIN_NAME) from None
    path = Path(name)
    _check_readable(path, "plan")
    # A Path, never the string: a name such as '[2023].json' is a file, not JSON text.
    return load_plan(path)


def _load_observations(name: str, plan: Plan, args: argparse.Namespace) -> Observations:
    options = {
        "format": args.observations_format,
        "sheet": args.sheet,
        "csv_dialect": args.csv_dialect,
    }
    if name == STANDARD_STREAM:
        try:
            return load_observations(_read_stdin(), plan, **options)
        except ObservationsError as exc:
            raise ObservationsError(exc.problems, subject=_STDIN_NAME) from None
    path = Path(name)
    _check_readable(path, "observations")
    return load_observations(path, plan, **options)


def _write(stream: TextIO, text: str, errors: str = "backslashreplace") -> None:
    """Write *text* to *stream* in whatever encoding it has, never failing on a
    character the encoding lacks (a redirected stream on Windows is cp1252)."""
    stream.write(stream_safe(text, getattr(stream, "encoding", None), errors))


def _say(text: str) -> None:
    """A message on standard error: control characters escaped, line breaks kept."""
    _write(sys.stderr, printable(text, keep="\n"))


# -- commands ---------------------------------------------------------------------------


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    plan = _load_plan(args.plan)
    if args.strict:
        missing = missing_provenance(plan)
        if missing:
            subject = _STDIN_NAME if args.plan == STANDARD_STREAM else args.plan
            head = f"{subject}: valid, but not publishable: {_count(len(missing), 'thing')} missing"
            _say("\n".join([f"planmodel: {head}", *(f"  {p}" for p in missing)]) + "\n")
            return EXIT_FAILED
    counts = ", ".join(
        _count(len(items), word)
        for items, word in (
            (plan.directions, "direction"),
            (plan.breakthroughs, "breakthrough"),
            (plan.targets, "target"),
        )
    )
    _write(out, f"ok: {plan.id}, term {plan.term.first}-{plan.term.last}: {counts}\n")
    return EXIT_OK


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'s' if number != 1 else ''}"


def _show(args: argparse.Namespace, out: TextIO) -> int:
    _write(out, render_outline(_load_plan(args.plan), lang=args.lang))
    return EXIT_OK


def _wants_colour(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    # https://no-color.org: any non-empty NO_COLOR turns colour off.
    return stream.isatty() and not os.environ.get("NO_COLOR")


def _width(stream: TextIO) -> int:
    """The width to wrap a text report to: the terminal's, when writing to one; else
    a fixed width, so that a report written to a file or a pipe is the same on every
    machine."""
    if stream.isatty():
        return shutil.get_terminal_size((TEXT_WIDTH, 24)).columns
    return TEXT_WIDTH


def _looks_swapped(plan: str) -> bool:
    """Whether a plan that failed to load was given the figures' place: it is named as
    a table of figures is (a CSV file, a workbook)."""
    return Path(plan).suffix.lower() in (".csv", ".tsv", ".xlsx", ".xls")


def _check_workbook_output(args: argparse.Namespace, out: TextIO) -> None:
    """A workbook is binary: it goes to a file, or to standard output that is not a
    terminal (a pipe, a redirection); and it needs openpyxl, checked before any
    input is read."""
    if args.output is None:
        raise UsageError(
            "planmodel evaluate: --format xlsx writes a binary workbook: give --output FILE",
            args.usage,
        )
    if args.output == STANDARD_STREAM and out.isatty():
        raise UsageError(
            "planmodel evaluate: --format xlsx writes a binary workbook, which a terminal "
            "cannot show: give --output FILE, or redirect standard output to a file",
            args.usage,
        )
    require("openpyxl", "excel", "--format xlsx")


def _write_binary(out: TextIO, data: bytes) -> None:
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        raise FileError("cannot write a binary workbook to this standard output: give --output")
    out.flush()
    buffer.write(data)
    buffer.flush()


def _table(evaluation: Evaluation, args: argparse.Namespace) -> Table[Any]:
    """The table ``--format csv`` writes: a row per judgement, or per target (``--brief``)."""
    return evaluation.target_rows(args.lang) if args.brief else evaluation.rows(args.lang)


def _evaluate(args: argparse.Namespace, out: TextIO) -> int:
    if args.brief and args.format not in ("text", "csv"):
        raise UsageError(
            f"planmodel evaluate: --brief shortens the text report, and makes the CSV one "
            f"row per target; it does not apply to --format {args.format}",
            args.usage,
        )
    if args.format == "xlsx":
        _check_workbook_output(args, out)
    if args.plan == STANDARD_STREAM and args.observations == STANDARD_STREAM:
        raise UsageError(
            "planmodel evaluate: the plan and the observations cannot both be read from "
            "standard input ('-')",
            args.usage,
        )
    to_stdout = args.output in (None, STANDARD_STREAM)
    if not to_stdout:
        # Checked before anything is read, so that a refused run writes nothing.
        inputs = [
            (what, Path(name))
            for what, name in (("plan", args.plan), ("observations", args.observations))
            if name != STANDARD_STREAM
        ]
        check_not_an_input(Path(args.output), inputs)
    try:
        plan = _load_plan(args.plan)
    except PlanLoadError as exc:
        if not _looks_swapped(args.plan):
            raise
        _say(_problems(exc))
        _say(
            "planmodel: the arguments look swapped: the plan comes first, then the "
            "figures: planmodel evaluate PLAN.json OBSERVATIONS\n"
        )
        return EXIT_USAGE
    observations = _load_observations(args.observations, plan, args)
    where: dict[str, set[str]] = {}
    for key, wanted in args.where:
        where.setdefault(key, set()).add(wanted)
    evaluation = evaluate(plan, observations, args.as_of or dt.date.today(), where=where or None)
    read = [_input_name(args.plan), _input_name(args.observations)]
    made = _made(args.usage)
    renderers: dict[str, Callable[[], str]] = {
        "text": lambda: render_text(
            plan,
            evaluation,
            lang=args.lang,
            color=to_stdout and _wants_colour(args.color, out),
            brief=args.brief,
            width=_width(out) if to_stdout else TEXT_WIDTH,
            inputs=read,
            made=made,
        ),
        "markdown": lambda: render_markdown(
            plan, evaluation, lang=args.lang, inputs=read, made=made
        ),
        "html": lambda: render_html(plan, evaluation, lang=args.lang, inputs=read, made=made),
        "json": lambda: render_json(evaluation, inputs=read, made=made),
        "csv": lambda: _table(evaluation, args).to_csv(),
    }
    if args.format == "xlsx":
        workbook = to_xlsx(evaluation, args.lang)
        if to_stdout:
            _write_binary(out, workbook)
        else:
            write_atomically(Path(args.output), workbook)
    else:
        report = renderers[args.format]()
        if to_stdout:
            _write(out, report, _UNENCODABLE[args.format])
        else:
            mark = _BYTE_ORDER_MARK if args.format == "csv" else ""
            write_atomically(Path(args.output), (mark + report).encode("utf-8"))
    failing = [result.target for result in evaluation.targets if result.status in args.fail_on]
    if failing:
        statuses = ", ".join(sorted(status.value for status in args.fail_on))
        _say(
            f"planmodel: {_count(len(failing), 'target')} with status {statuses}: "
            f"{', '.join(failing)}\n"
        )
        return EXIT_FAILED
    return EXIT_OK


def _input_name(name: str) -> str:
    return "standard input" if name == STANDARD_STREAM else name


def _made(usage: str) -> dt.datetime:
    """When a report is made, to the minute, in UTC: the time ``SOURCE_DATE_EPOCH``
    gives when set (the convention of reproducible builds), so that a report made
    again from the same inputs can be the same file. A value that is not whole
    seconds is refused rather than replaced by the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        when = dt.datetime.now(dt.timezone.utc)
    elif epoch.isascii() and epoch.isdigit() and len(epoch) <= 11:
        when = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    else:
        raise UsageError(
            f"planmodel: SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01, "
            f"such as 1704164645, got {printable(shorten(epoch, 40))!r}",
            usage,
        )
    return when.replace(second=0, microsecond=0)


#: What evaluate-many learns of one plan: its name, how many targets have each status
#: (``None`` when it could not be evaluated), the targets hitting --fail-on, and the
#: problems that stopped it.
Judged = tuple[str, Optional[dict[str, int]], list[str], Optional[str]]


def _judge_file(
    files: tuple[str, str],
    as_of: dt.date,
    where: dict[str, set[str]] | None,
    fail_on: frozenset[Status],
    report: tuple[str, str, str, dt.datetime] | None,
) -> Judged:
    """Evaluate one plan file against its figures, in a worker process; write its
    report into a folder when asked (*report*: the folder, the format, the language).
    Only this summary travels back."""
    plan_file, figures = files
    name = Path(plan_file).stem
    try:
        evaluation = evaluate_one(plan_file, figures, as_of, where=where)
    except PlanModelError as exc:
        return name, None, [], _problems(exc)
    if report is not None:
        folder, format, lang, made = report
        plan = evaluation.judged_plan
        assert plan is not None, "a plan read here is at hand"
        inputs = list(files)
        renderers: dict[str, Callable[[], str]] = {
            "text": lambda: render_text(plan, evaluation, lang=lang, inputs=inputs, made=made),
            "markdown": lambda: render_markdown(
                plan, evaluation, lang=lang, inputs=inputs, made=made
            ),
            "html": lambda: render_html(plan, evaluation, lang=lang, inputs=inputs, made=made),
            "json": lambda: render_json(evaluation, inputs=inputs, made=made),
        }
        target = Path(folder, f"{name}.{_SUFFIXES[format]}")
        try:
            write_atomically(target, renderers[format]().encode("utf-8"))
        except FileError as exc:
            return name, None, [], f"planmodel: {exc}\n"
    summary = {status.value: count for status, count in evaluation.summary.items() if count}
    failing = [result.target for result in evaluation.targets if result.status in fail_on]
    return name, summary, failing, None


_SUFFIXES = {"text": "txt", "markdown": "md", "json": "json", "html": "html"}


def _evaluate_many(args: argparse.Namespace, out: TextIO) -> int:
    files = pairs(args.plans, args.figures)
    if not files:
        raise UsageError("planmodel evaluate-many: no plan files found", args.usage)
    where: dict[str, set[str]] = {}
    for key, wanted in args.where:
        where.setdefault(key, set()).add(wanted)
    report = None
    if args.output_dir is not None:
        Path(args.output_dir).mkdir(parents=True, exist_ok=True)
        report = (args.output_dir, args.format, args.lang, _made(args.usage))
    judged = run_many(
        _judge_file,
        files,
        args.as_of or dt.date.today(),
        where or None,
        args.fail_on,
        report,
        jobs=args.jobs,
        modules=args.modules,
    )
    broken = failing = 0
    for name, summary, hits, problems in judged:
        if problems is not None:
            broken += 1
            _say(problems)
            continue
        assert summary is not None
        counts = ", ".join(f"{count} {status}" for status, count in summary.items())
        _write(out, f"{name}: {counts or 'no targets'}\n")
        if hits:
            failing += 1
            statuses = ", ".join(sorted(status.value for status in args.fail_on))
            _say(
                f"planmodel: {name}: {_count(len(hits), 'target')} with status {statuses}: "
                f"{', '.join(hits)}\n"
            )
    if broken:
        return EXIT_USAGE
    return EXIT_FAILED if failing else EXIT_OK


def _jobs(text: str) -> int:
    try:
        found = int(text)
    except ValueError:
        found = 0
    if found < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes from 1, got {text!r}")
    return found


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    _write(out, json.dumps(SCHEMAS[args.which](), indent=2, ensure_ascii=False) + "\n")
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
        help=f"language of the words shown: {', '.join(known)} (default: en)",
    )


def _add_selection(parser: argparse.ArgumentParser, *, fails: str) -> None:
    """``--where`` (which targets are judged) and ``--fail-on`` (when the exit status is
    1), said alike by every command that judges; *fails* says whose status counts."""
    parser.add_argument(
        "--where",
        type=_condition,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="judge only targets whose commitment or attribute NAME is VALUE "
        "(repeat for more; values of one NAME are alternatives)",
    )
    parser.add_argument(
        "--fail-on",
        type=_statuses,
        default=frozenset(),
        metavar="STATUS[,STATUS]",
        help=f"exit with 1 when {fails} one of these statuses, e.g. not_met,off_track",
    )


_DEBUG_HELP = "on an internal error, print the traceback as well"


def _debug_option() -> _Parser:
    """``--debug`` for each command, so that it may follow the command as well as
    precede it; SUPPRESS keeps it from undoing a ``--debug`` given before."""
    parent = _Parser(add_help=False)
    parent.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=_DEBUG_HELP)
    return parent


_EXIT_STATUSES = """\
exit statuses:
  0    done
  1    evaluate: a target has a --fail-on status; validate --strict: provenance missing
  2    bad input or usage: the message names the file and the JSON path or CSV row
  70   an internal error, to be reported (--debug shows the traceback)"""

_EXAMPLES = """\
examples:
  planmodel validate plan.json
  planmodel show plan.json --lang vi
  planmodel evaluate plan.json figures.csv --as-of 2025-06-30
  planmodel evaluate plan.json figures.csv --format html --output report.html
  planmodel evaluate plan.json figures.xlsx --format xlsx --output results.xlsx
  planmodel evaluate plan.json figures.csv --where commitment=binding --fail-on not_met"""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="planmodel",
        description="Typed public development plans, and exact judgements of reported figures.",
        epilog=f"{_EXAMPLES}\n\n{_EXIT_STATUSES}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"planmodel {_version()}")
    parser.add_argument("--debug", action="store_true", help=_DEBUG_HELP)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    debug = [_debug_option()]
    plan_help = "the plan file; - reads it from standard input"

    validate = commands.add_parser(
        "validate",
        help="check a plan file",
        description="Check a plan file; list every problem.",
        parents=debug,
    )
    validate.add_argument("plan", metavar="PLAN.json", help=plan_help)
    validate.add_argument(
        "--strict",
        action="store_true",
        help="also require what a published plan states: its jurisdiction, when and by "
        "whom it was adopted, and its source with a web address and a date; exit with 1 "
        "when any is missing",
    )
    validate.set_defaults(run=_validate)

    show = commands.add_parser(
        "show",
        help="print a plan as an outline",
        description="Print a plan as an outline.",
        parents=debug,
    )
    show.add_argument("plan", metavar="PLAN.json", help=plan_help)
    _add_lang(show)
    show.set_defaults(run=_show)

    ev = commands.add_parser(
        "evaluate",
        help="judge observations against a plan",
        description="Judge observed figures (JSON, CSV or an Excel workbook) against every "
        "target of a plan.",
        epilog=f"{_EXAMPLES}\n\n{_EXIT_STATUSES}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=debug,
    )
    ev.add_argument("plan", metavar="PLAN.json", help=plan_help)
    ev.add_argument(
        "observations",
        metavar="OBSERVATIONS.(json|csv|xlsx)",
        help="the figures; - reads them from standard input",
    )
    ev.add_argument(
        "--observations-format",
        choices=OBSERVATIONS_FORMATS,
        default=None,
        help="read the observations as JSON, CSV or an Excel workbook (default: by the "
        "file's suffix, else by its content: JSON starts with {, a workbook is a zip)",
    )
    ev.add_argument(
        "--sheet",
        metavar="NAME",
        default=None,
        help="read the figures from this sheet of the workbook (default: the first)",
    )
    ev.add_argument(
        "--csv-dialect",
        choices=CSV_DIALECTS,
        default=None,
        help="excel-semicolon reads a CSV as Excel writes it where the decimal mark is a "
        "comma: cells separated by ; and numbers such as 94,10 (default: rfc4180, "
        "commas and decimal points)",
    )
    ev.add_argument(
        "--as-of",
        type=_date,
        default=None,
        metavar="DATE",
        help="judge as of DATE, YYYY-MM-DD (default: today)",
    )
    _add_lang(ev)
    ev.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="report format (default: text); csv is one row per judgement, xlsx a workbook "
        "(needs --output and the extra excel)",
    )
    ev.add_argument(
        "--brief",
        action="store_true",
        help="text report: only the header, the summary and the table of targets; csv: one "
        "row per target",
    )
    ev.add_argument(
        "--output",
        metavar="FILE",
        help="write the report to FILE (UTF-8; a CSV file with a byte order mark, for "
        "Excel), whole or not at all; - for standard output",
    )
    _add_selection(ev, fails="a target has")
    ev.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report (default: auto, on a terminal unless NO_COLOR is set)",
    )
    ev.set_defaults(run=_evaluate, usage=ev.format_usage())

    many = commands.add_parser(
        "evaluate-many",
        help="judge the figures of many plans, in parallel",
        description="Judge each plan file (or each *.json file of a folder) against its "
        "figures, FIGURES/<name>.csv (or .json) for the plan <name>.json; print how many "
        "targets of each have each status, and write their reports with --output-dir.",
        parents=debug,
    )
    many.add_argument("plans", nargs="+", metavar="PLAN.json|FOLDER", help="plan files or folders")
    many.add_argument(
        "--figures", required=True, metavar="FOLDER", help="the folder of the figures files"
    )
    many.add_argument(
        "--as-of", type=_date, default=None, metavar="DATE", help="judge as of DATE (default today)"
    )
    many.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="judge in N worker processes (default 1: in this one)",
    )
    many.add_argument(
        "--import",
        dest="modules",
        action="append",
        default=[],
        metavar="MODULE",
        help="import MODULE first, in every worker too (one registering kinds or languages)",
    )
    many.add_argument(
        "--output-dir", metavar="FOLDER", help="write each plan's report to FOLDER/<name>.<format>"
    )
    many.add_argument("--format", choices=FORMATS, default="json", help="report format")
    _add_lang(many)
    _add_selection(many, fails="a target of any plan has")
    many.set_defaults(run=_evaluate_many, usage=many.format_usage())

    schema = commands.add_parser(
        "schema",
        help="print a JSON Schema",
        description="Print the JSON Schema of a file kind.",
        parents=debug,
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
    """Run the command line; return the exit status: 0 done, 1 a ``--fail-on`` hit or
    provenance missing under ``validate --strict``,
    2 bad input or usage, 70 an internal error (a bug, to be reported), 141 when the
    reader of the output went away."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        _say(f"{exc.usage}{exc}\n")
        return EXIT_USAGE
    except SystemExit as exc:  # --help and --version exit through argparse
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    run: Callable[[argparse.Namespace, TextIO], int] = args.run
    try:
        return run(args, sys.stdout)
    except UsageError as exc:
        _say(f"{exc.usage}{exc}\n")
    except PlanModelError as exc:
        _say(_problems(exc))
    except FileError as exc:
        _say(f"planmodel: {exc}\n")
    except MissingExtra as exc:
        _say(f"planmodel: {exc}\n")
    except BrokenPipeError:
        # The reader went away (``planmodel evaluate … | head``): not an error worth a
        # message; point stdout at nothing so that the final flush stays quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        _say(f"planmodel: {exc}\n")
    except Exception as exc:  # noqa: BLE001 - anything else is a bug: reported, not a traceback
        return _internal_error(exc, debug=args.debug)
    return EXIT_USAGE


def _internal_error(exc: Exception, *, debug: bool) -> int:
    """One line asking for a report (the traceback too with ``--debug``), and status 70."""
    if debug:
        _say("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    what = " ".join(f"{type(exc).__name__}: {shorten(str(exc))}".split())
    where = "" if debug else " (run with --debug for the traceback)"
    _say(f"planmodel: internal error, please report it: {what}{where}\n")
    return EXIT_INTERNAL
