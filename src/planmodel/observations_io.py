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
``true``/``false``, ``có``/``không``) in the value column; in JSON, ``true``/``false``
and ``"breakdown": {"area": "urban"}``::

    metric,period,value,breakdown.area
    clean_water,2024,97.2,urban
    clean_water,2024,93.1,rural
    ntm_advanced,2025,yes,

The CSV rules (quoting, line ends, a likely decimal comma, the semicolon dialect
of Excel) are in :mod:`planmodel._observations_csv`. An Excel workbook (extra
``excel``) and a pandas DataFrame (extra ``pandas``) hold the same columns; how
their cells are read is in :mod:`planmodel._observations_xlsx` and
:mod:`planmodel._observations_frame`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Union

from ._converter import CONVERTER, problems_from, show
from ._json import path_join, write_json
from ._observations_csv import CSV_COLUMNS, CSV_DIALECTS, from_csv
from ._observations_frame import from_frame, is_frame
from ._observations_xlsx import XLS_MAGIC, XLSX_MAGIC, XLSX_SUFFIXES, from_xlsx
from ._sources import is_text, source_name
from ._untrusted import echo
from .constraints import ID_PATTERN
from .errors import ArgumentError, ObservationsError, Problem
from .observations import (
    Breakdown,
    Distribution,
    Observation,
    Observations,
    Rated,
    Reported,
    misfits,
)
from .periods import Period
from .plan import Plan
from .serialize import check_schema, read_document

if TYPE_CHECKING:
    from pandas import DataFrame

__all__ = [
    "CSV_COLUMNS",
    "CSV_DIALECTS",
    "FORMATS",
    "OBSERVATIONS_SCHEMA",
    "dumps_observations",
    "load_observations",
]

OBSERVATIONS_SCHEMA = "planmodel-observations/1"
_JSON_KEYS = ("metric", "period", "value", "level", "distribution", "source", "note", "breakdown")
_VALUE_KEYS = ("value", "level", "distribution")

#: The formats of observations files: JSON, CSV and Excel workbooks.
FORMATS = ("json", "csv", "xlsx")

#: A file path, JSON, CSV or workbook content, a parsed JSON document, or a DataFrame.
Source = Union[str, bytes, "os.PathLike[str]", Mapping[str, Any], "DataFrame"]


def load_observations(
    source: Source,
    plan: Plan | None = None,
    *,
    format: str | None = None,
    sheet: str | None = None,
    csv_dialect: str | None = None,
) -> Observations:
    """Read observations from a file, JSON, CSV or workbook content, a parsed JSON
    document, or a pandas DataFrame.

    A ``str`` or path names a file, unless it is the content itself (it spans lines,
    or starts like JSON and does not end in ``.json``, ``.csv`` or ``.xlsx``); ``bytes``
    are content. The format is *format* (``"json"``, ``"csv"`` or ``"xlsx"``) when
    given, else the file's suffix (``.json``, ``.csv``, ``.xlsx``, ``.xlsm``), else the
    content's: JSON starts with ``{`` or ``[``, a workbook is a zip archive, anything
    else is read as CSV. A workbook (extra ``excel``) is read from its first sheet, or
    from *sheet*; a DataFrame (extra ``pandas``) from its rows, with the CSV's columns.
    *csv_dialect* ``"excel-semicolon"`` reads a CSV as Excel writes it where the
    decimal mark is a comma (``94,10;…``); such a file read without it is refused with
    a message naming it.

    With *plan*, every observation is also checked against it (unknown metrics with
    the closest known id, unknown levels, ratings where numbers belong). Raises
    :class:`~planmodel.ObservationsError` listing every problem with its JSON path, CSV
    row and column, sheet, row and column, or DataFrame index and column, and
    :class:`~planmodel.ArgumentError` for a *format*, *sheet* or *csv_dialect* that
    does not apply. Reading a workbook without openpyxl, or a DataFrame without
    pandas, raises :class:`ModuleNotFoundError` naming the extra to install.
    """
    _check_arguments(format, sheet, csv_dialect)
    name = source_name(source) if not is_frame(source) else ""
    if is_frame(source):
        if format is not None:
            raise ArgumentError(
                [Problem("format", "a DataFrame is read by its columns; leave format out")]
            )
        content = None
        kind = "frame"
    else:
        try:
            content = None if isinstance(source, Mapping) else _content(source)
        except (OSError, ValueError) as exc:  # ValueError: a file name with a NUL byte
            raise ObservationsError([Problem("file", _reason(exc))], subject=name) from None
        kind = format or _format_of(source, content)
    _check_applies(kind, sheet, csv_dialect, name)
    try:
        if kind == "frame":
            items, where, problems = from_frame(source)
        elif kind == "xlsx":
            items, where, problems = from_xlsx(_workbook(content), sheet)
        elif kind == "csv":
            assert content is not None, "a parsed document is JSON"
            items, where, problems = from_csv(_csv_text(content), csv_dialect or "rfc4180")
        else:
            _, document, problems = read_document(source if content is None else content)
            schema = check_schema(document, OBSERVATIONS_SCHEMA)
            if schema:
                raise ObservationsError(problems + schema, subject=name)
            items, where, more = _from_document(document)
            problems += more
    except ArgumentError as exc:
        raise ArgumentError(exc.problems, subject=name) from None
    except ObservationsError as exc:
        raise ObservationsError(exc.problems, subject=name) from None
    except ValueError as exc:
        raise ObservationsError([Problem("$", str(exc))], subject=name) from None
    data = None
    try:
        # Checked against the plan in the pass that indexes them (and remembered, so
        # that evaluating them against it does not check them again).
        data = Observations(items, locations=where, plan=plan)
    except ObservationsError as exc:
        problems += exc.problems
    if plan is not None:
        found = data.problems_for(plan) if data is not None else None
        problems += misfits(plan, items, where.__getitem__) if found is None else found
    if problems or data is None:
        raise ObservationsError(problems, subject=name)
    return data


def _check_arguments(format: str | None, sheet: str | None, csv_dialect: str | None) -> None:
    problems = []
    if format not in (None, *FORMATS):
        problems.append(
            Problem(
                "format", f"expected one of {', '.join(map(repr, FORMATS))}, got {echo(format)}"
            )
        )
    if csv_dialect not in (None, *CSV_DIALECTS):
        problems.append(
            Problem(
                "csv_dialect",
                f"expected one of {', '.join(map(repr, CSV_DIALECTS))}, got {echo(csv_dialect)}",
            )
        )
    if sheet is not None and (not isinstance(sheet, str) or not sheet):
        problems.append(Problem("sheet", f"expected a sheet's name, got {echo(sheet)}"))
    if problems:
        raise ArgumentError(problems)


def _check_applies(kind: str, sheet: str | None, csv_dialect: str | None, name: str) -> None:
    """Refuse an option that does not apply to what is read: it would be ignored."""
    what = {"json": "JSON", "frame": "a DataFrame", "csv": "CSV", "xlsx": "a workbook"}[kind]
    problems = []
    if sheet is not None and kind != "xlsx":
        problems.append(Problem("sheet", f"only a workbook has sheets; this is {what}"))
    if csv_dialect is not None and kind != "csv":
        problems.append(Problem("csv_dialect", f"applies to CSV only; this is {what}"))
    if problems:
        raise ArgumentError(problems, subject=name)


def _workbook(content: str | bytes | None) -> bytes:
    if not isinstance(content, bytes):
        raise ObservationsError([Problem("file", "a workbook is read from a file or its bytes")])
    return content


def _reason(exc: OSError | ValueError) -> str:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
    return f"cannot read the file: {reason}"


def _content(source: str | bytes | os.PathLike[str]) -> str | bytes:
    """The content itself, or the bytes of the file *source* names."""
    if isinstance(source, bytes) or (isinstance(source, str) and is_text(source)):
        return source
    return Path(source).read_bytes()


def _format_of(source: Source, content: str | bytes | None) -> str:
    if content is None:
        return "json"
    if not is_text(source):
        suffix = Path(str(source)).suffix.lower()
        if suffix in (".json", ".csv"):
            return suffix[1:]
        if suffix in XLSX_SUFFIXES:
            return "xlsx"
    if isinstance(content, bytes):
        if content.startswith(XLSX_MAGIC):
            return "xlsx"
        if content.startswith(XLS_MAGIC):
            raise ObservationsError(
                [
                    Problem(
                        "file",
                        "an Excel 97-2003 workbook (.xls), which planmodel does not read: "
                        "save it as an Excel Workbook (.xlsx) or as CSV UTF-8",
                    )
                ],
                subject=source_name(source),
            )
        opening = content.lstrip(b"\xef\xbb\xbf \t\r\n")[:1].decode("latin-1")
    else:
        opening = content.lstrip("\ufeff \t\r\n")[:1]
    return "json" if opening in ("{", "[") else "csv"


def _csv_text(content: str | bytes) -> str:
    """CSV content as text: UTF-8 (a byte order mark allowed), line ends untouched, so
    that a quoted cell's CRLF stays a CRLF."""
    if isinstance(content, str):
        return content.removeprefix("\ufeff")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = content.count(b"\n", 0, exc.start) + 1
        raise ObservationsError(
            [
                Problem(
                    f"row {row}",
                    f"not UTF-8 text ({exc.reason} at byte {exc.start}); save the file as UTF-8",
                )
            ]
        ) from None


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
    # Every value is a validated observation's: nothing JSON does not hold.
    return write_json({"schema": OBSERVATIONS_SCHEMA, "observations": rows}, plain=True)
