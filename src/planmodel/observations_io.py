"""Reading observations from JSON and CSV, and writing them as JSON.

JSON::

    {"schema": "planmodel-observations/1",
     "observations": [
       {"metric": "revenue", "period": 2023, "value": 102, "source": "…"},
       {"metric": "front_rating", "period": 2023, "level": "good"},
       {"metric": "party_orgs", "period": 2023, "distribution": {"good": 40, "fair": 9}}]}

CSV, one row per observation and one row per level of a distribution, with the
header ``metric,period,value,level,count,source,note`` (``value``, ``level``,
``count``, ``source`` and ``note`` may be left out when unused)::

    metric,period,value,level,count,source
    revenue,2023,102,,,kinhtedothi.vn
    party_orgs,2023,,good,40,Quận ủy
    party_orgs,2023,,fair,9,

The rows of one distribution share one source and note: give them on the first
row; a later row may leave them empty, but not name different ones.

A breakdown takes one column per dimension, named ``breakdown.<dimension>``; an
empty cell means the whole. A yes/no figure is written ``yes``/``no`` (also
``true``/``false``, ``có``/``không``) in the value column::

    metric,period,value,breakdown.area
    clean_water,2024,97.2,urban
    clean_water,2024,93.1,rural
    ntm_advanced,2025,yes,
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional, Union

from attrs import define

from ._converter import CONVERTER, problems_from, show
from ._json import path_join, write_json
from ._numbers import to_decimal, within_limits
from ._sources import is_text, source_name
from .constraints import ID_PATTERN
from .errors import ObservationsError, Problem
from .observations import (
    Breakdown,
    Distribution,
    Observation,
    Observations,
    Rated,
    Reported,
    misfits,
)
from .periods import PERIOD_FORMS, Period, format_period, period_from_text
from .plan import Plan
from .serialize import check_schema, read_document

__all__ = ["CSV_COLUMNS", "OBSERVATIONS_SCHEMA", "dumps_observations", "load_observations"]

OBSERVATIONS_SCHEMA = "planmodel-observations/1"
CSV_COLUMNS = ("metric", "period", "value", "level", "count", "source", "note")
_JSON_KEYS = ("metric", "period", "value", "level", "distribution", "source", "note", "breakdown")
#: The CSV columns of a breakdown: ``breakdown.area``, ``breakdown.commune``.
BREAKDOWN_PREFIX = "breakdown."
#: The words a CSV value cell may hold for yes/no figures (any case).
YES_WORDS = frozenset({"yes", "true", "có"})
NO_WORDS = frozenset({"no", "false", "không"})
_VALUE_KEYS = ("value", "level", "distribution")

#: A file path, JSON or CSV text, or a parsed JSON document.
Source = Union[str, bytes, "os.PathLike[str]", Mapping[str, Any]]


def load_observations(
    source: Source, plan: Plan | None = None, *, format: str | None = None
) -> Observations:
    """Read observations from a ``.json`` or ``.csv`` file, JSON or CSV text, or a document.

    Text is told from a path by its content: JSON text starts with ``{``, CSV text
    has a line break. *format* (``"json"`` or ``"csv"``) overrides the guess. With
    *plan*, every observation is also checked against it (unknown metrics with the
    closest known id, unknown levels, ratings where numbers belong). Raises
    :class:`~planmodel.ObservationsError` listing every problem with its JSON path
    or CSV row and column.
    """
    kind = format or _guess_format(source)
    if kind not in ("json", "csv"):
        raise ValueError(f"format must be 'json' or 'csv', got {format!r}")
    name = source_name(source)
    try:
        if kind == "csv":
            if isinstance(source, bytes):
                text = source.decode("utf-8-sig")
            elif isinstance(source, str) and is_text(source):
                text = source.removeprefix("\ufeff")
            else:
                text = Path(str(source)).read_text("utf-8-sig")
            items, where, problems = _from_csv(text)
        else:
            _, document, problems = read_document(source)
            schema = check_schema(document, OBSERVATIONS_SCHEMA)
            if schema:
                raise ObservationsError(problems + schema, subject=name)
            items, where, more = _from_document(document)
            problems += more
    except ObservationsError:
        raise
    except (OSError, ValueError) as exc:
        where_read = "$" if kind == "json" else "file"
        raise ObservationsError([Problem(where_read, str(exc))], subject=name) from None
    data = None
    try:
        data = Observations(items, locations=where)
    except ObservationsError as exc:
        problems += exc.problems
    if plan is not None:
        problems += misfits(plan, items, where.__getitem__)
    if problems or data is None:
        raise ObservationsError(problems, subject=name)
    return data


def _guess_format(source: Source) -> str:
    if isinstance(source, (Mapping, bytes)):
        return "json"
    text = str(source)
    if text.lstrip().startswith(("{", "[")):
        return "json"
    if text.lower().endswith(".csv") or is_text(text):
        return "csv"
    return "json"


# -- JSON -------------------------------------------------------------------------------


def _from_document(
    document: Mapping[str, Any],
) -> tuple[list[Observation], list[str], list[Problem]]:
    problems: list[Problem] = []
    extra = sorted(set(document) - {"schema", "observations"})
    problems += [
        Problem(f"$.{key}", "unknown key; expected one of: schema, observations") for key in extra
    ]
    rows = document.get("observations")
    if not isinstance(rows, list):
        return [], [], [*problems, Problem("$.observations", f"expected a list, got {show(rows)}")]
    items, where = [], []
    for index, row in enumerate(rows):
        path = f"$.observations[{index}]"
        found, row_problems = _observation_from_json(row, path)
        problems += row_problems
        if found is not None:
            items.append(found)
            where.append(path)
    return items, where, problems


def _field(path: str, key: str, value: object, kind: Any) -> tuple[Any, list[Problem]]:
    try:
        return CONVERTER.structure(value, kind), []
    except Exception as exc:  # noqa: BLE001 - becomes a located problem
        return None, problems_from(exc, path_join(path, key))


def _observation_from_json(row: object, path: str) -> tuple[Observation | None, list[Problem]]:
    if not isinstance(row, dict):
        return None, [Problem(path, f"expected an object, got {show(row)}")]
    problems = [
        Problem(path_join(path, key), f"unknown key; expected one of: {', '.join(_JSON_KEYS)}")
        for key in row
        if key not in _JSON_KEYS
    ]
    for key in ("metric", "period"):
        if key not in row:
            problems.append(Problem(path_join(path, key), "required key missing"))
    given = [key for key in _VALUE_KEYS if key in row]
    if len(given) != 1:
        problems.append(
            Problem(
                path,
                "expected exactly one of value, level, distribution"
                + (f"; got {', '.join(given)}" if given else ""),
            )
        )
    metric, p1 = _field(path, "metric", row.get("metric", ""), str)
    period, p2 = _field(path, "period", row.get("period", 2000), Period)
    source, p3 = _field(path, "source", row.get("source"), Optional[str])
    note, p4 = _field(path, "note", row.get("note"), Optional[str])
    breakdown, p5 = _field(path, "breakdown", row.get("breakdown", {}), Breakdown)
    reported: Reported | None = None
    more: list[Problem] = []
    if len(given) == 1:
        key = given[0]
        if key == "value" and isinstance(row[key], bool):
            reported = row[key]
        elif key == "value":
            reported, more = _field(path, key, row[key], Decimal)
        elif key == "level":
            level, more = _field(path, key, row[key], str)
            reported = Rated(level) if not more and _is_id(level) else None
            if not more and reported is None:
                more = [Problem(path_join(path, key), f"{show(level)} is not a level id")]
        else:
            reported, more = _field(path, key, row[key], Distribution)
    problems += p1 + p2 + p3 + p4 + p5 + more
    if problems or reported is None:
        return None, problems
    try:
        return Observation(metric, period, reported, source, note, breakdown), []
    except (TypeError, ValueError) as exc:
        return None, [Problem(path, str(exc))]


def _is_id(text: str) -> bool:
    return bool(ID_PATTERN.fullmatch(text))


# -- CSV --------------------------------------------------------------------------------


@define
class _Gathered:
    """A distribution being gathered from its rows, one row per level."""

    lines: list[int]
    counts: dict[str, int]
    source: str | None
    note: str | None

    def where(self) -> str:
        if len(self.lines) == 1:
            return f"row {self.lines[0]}"
        return "rows " + ", ".join(str(line) for line in self.lines)


def _is_breakdown_column(name: str) -> bool:
    return name.startswith(BREAKDOWN_PREFIX) and _is_id(name[len(BREAKDOWN_PREFIX) :])


def _header_problems(header: Sequence[str]) -> list[Problem]:
    problems = [
        Problem(
            f"row 1, column {name!r}",
            f"unknown column; expected: {', '.join(CSV_COLUMNS)}, or breakdown.<dimension>",
        )
        for name in header
        if name not in CSV_COLUMNS and not _is_breakdown_column(name)
    ]
    return problems + [
        Problem("row 1", f"missing column {name!r}")
        for name in ("metric", "period")
        if name not in header
    ]


def _row_problems(line: int, cells: Mapping[str, str]) -> list[Problem]:
    """What is wrong with a row's shape, before its cells are read."""
    problems = []
    if not cells["metric"] or not _is_id(cells["metric"]):
        problems.append(
            Problem(f"row {line}, column metric", f"expected a metric id, got {cells['metric']!r}")
        )
    value, level, count = cells["value"], cells["level"], cells["count"]
    if value and (level or count):
        problems.append(
            Problem(
                f"row {line}",
                "give either value, or level (with count for a distribution), not both",
            )
        )
    elif count and not level:
        problems.append(Problem(f"row {line}, column level", "a count needs the level it counts"))
    elif not value and not level:
        problems.append(Problem(f"row {line}", "no value: fill value, or level (and count)"))
    elif level and not _is_id(level):
        problems.append(Problem(f"row {line}, column level", f"expected a level id, got {level!r}"))
    elif count and not count.isdigit():
        problems.append(
            Problem(f"row {line}, column count", f"expected a whole number of units, got {count!r}")
        )
    elif count:
        try:
            within_limits(Decimal(count))
        except ValueError as exc:
            problems.append(Problem(f"row {line}, column count", str(exc)))
    return problems


def _from_csv(text: str) -> tuple[list[Observation], list[str], list[Problem]]:
    reader = csv.DictReader(io.StringIO(text))
    problems = _header_problems(reader.fieldnames or [])
    if problems:
        return [], [], problems
    items: list[Observation] = []
    where: list[str] = []
    gathered: dict[tuple[str, Period, Breakdown], _Gathered] = {}
    dimensions = [name for name in reader.fieldnames or [] if _is_breakdown_column(name)]
    for row in reader:
        line = reader.line_num
        if None in row:
            problems.append(Problem(f"row {line}", "more cells than columns in the header"))
            continue
        cells = {key: (row.get(key) or "").strip() for key in CSV_COLUMNS}
        members = {
            name[len(BREAKDOWN_PREFIX) :]: (row.get(name) or "").strip() for name in dimensions
        }
        if not any(cells.values()) and not any(members.values()):
            continue
        breakdown = Breakdown({key: member for key, member in members.items() if member})
        row_problems = _row_problems(line, cells)
        period: Period | None = None
        try:
            period = period_from_text(cells["period"])
        except (TypeError, ValueError):
            row_problems.append(
                Problem(
                    f"row {line}, column period",
                    f"expected {PERIOD_FORMS}, got {cells['period']!r}",
                )
            )
        if row_problems or period is None:
            problems += row_problems
            continue
        metric, level, count = cells["metric"], cells["level"], cells["count"]
        source, note = cells["source"] or None, cells["note"] or None
        if cells["value"]:
            try:
                figure = _figure(cells["value"])
                items.append(Observation(metric, period, figure, source, note, breakdown))
                where.append(f"row {line}")
            except (TypeError, ValueError) as exc:
                problems.append(Problem(f"row {line}, column value", str(exc)))
        elif not count:
            items.append(Observation(metric, period, Rated(level), source, note, breakdown))
            where.append(f"row {line}")
        else:
            problems += _gather(
                gathered,
                line,
                metric=metric,
                period=period,
                breakdown=breakdown,
                level=level,
                count=int(count),
                source=source,
                note=note,
            )
    for (metric, period, breakdown), rows in gathered.items():
        items.append(
            Observation(
                metric, period, Distribution(rows.counts), rows.source, rows.note, breakdown
            )
        )
        where.append(rows.where())
    return items, where, problems


def _figure(cell: str) -> Decimal | bool:
    """A value cell: a number, or yes/no in any of the accepted words."""
    word = cell.casefold()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    return to_decimal(cell)


def _gather(
    gathered: dict[tuple[str, Period, Breakdown], _Gathered],
    line: int,
    *,
    metric: str,
    period: Period,
    breakdown: Breakdown,
    level: str,
    count: int,
    source: str | None,
    note: str | None,
) -> list[Problem]:
    """Add one level's row to its distribution; a repeated level, or a source or note
    that differs from the first row's, is a problem rather than a silent choice."""
    rows = gathered.setdefault((metric, period, breakdown), _Gathered([], {}, source, note))
    if level in rows.counts:
        return [
            Problem(
                f"row {line}, column level",
                f"level {level!r} of {metric} for {format_period(period)} is already counted",
            )
        ]
    problems = [
        Problem(
            f"row {line}, column {name}",
            f"differs from row {rows.lines[0]}: one distribution has one {name}",
        )
        for name, mine, first in (("source", source, rows.source), ("note", note, rows.note))
        if rows.lines and mine is not None and mine != first
    ]
    if not problems:
        rows.counts[level] = count
        rows.lines.append(line)
    return problems


# -- writing ----------------------------------------------------------------------------


def dumps_observations(observations: Iterable[Observation]) -> str:
    """Observations as deterministic JSON text that :func:`load_observations` reads back."""
    rows = []
    for observation in observations:
        row: dict[str, Any] = {
            "metric": observation.metric,
            "period": CONVERTER.unstructure(observation.period, Period),
        }
        if observation.breakdown:
            row["breakdown"] = dict(observation.breakdown.items_tuple)
        value = observation.value
        if isinstance(value, Rated):
            row["level"] = value.level
        elif isinstance(value, Distribution):
            row["distribution"] = value.as_dict()
        else:
            row["value"] = value
        for key in ("source", "note"):
            if getattr(observation, key) is not None:
                row[key] = getattr(observation, key)
        rows.append(row)
    return write_json({"schema": OBSERVATIONS_SCHEMA, "observations": rows})
