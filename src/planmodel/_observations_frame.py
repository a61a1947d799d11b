"""Observations to and from a pandas DataFrame with the CSV's columns.

A DataFrame is read as a CSV is (see :mod:`planmodel._observation_rows`), each
problem named by the row's index label and the column. A cell is read as what it
holds: text as written; a whole number as itself; a float by its shortest repr (a
float32 by its own); a ``Decimal`` exactly; ``True``/``False`` as yes/no; a date or a
timestamp at midnight as its ISO date. An empty cell (``None``, ``NaN``, ``pd.NA``,
``NaT``) is an empty cell: a note may be missing, a value may not.
"""

from __future__ import annotations

import math
import numbers
import sys
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from ._csv_rows import Cell, Row
from ._extras import require
from ._observation_rows import BREAKDOWN_PREFIX, CSV_COLUMNS, Place, from_rows
from ._observations_xlsx import cell_text
from ._untrusted import echo
from .errors import Problem
from .observations import Distribution, Observation, Rated
from .periods import format_period


def is_frame(source: object) -> bool:
    """Whether *source* is a pandas DataFrame (without importing pandas: if it is not
    imported, nothing is a DataFrame)."""
    pandas = sys.modules.get("pandas")
    return pandas is not None and isinstance(source, pandas.DataFrame)


def _label(value: object) -> str:
    return str(value) if isinstance(value, numbers.Integral) else echo(value)


def _is_empty(value: object, pandas: Any) -> bool:
    if value is None or value is pandas.NA or value is pandas.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _cell(value: object, column: str, pandas: Any, numpy: Any) -> tuple[str, str | None]:
    if _is_empty(value, pandas):
        return "", None
    if isinstance(value, numpy.generic) and not isinstance(value, (float, numpy.datetime64)):
        if isinstance(value, numpy.bool_):
            value = bool(value)
        elif isinstance(value, numpy.integer):
            value = int(value)
        elif isinstance(value, numpy.floating):
            if math.isnan(value):
                return "", None
            # numpy writes a float32 by the shortest digits that read back as that
            # float32: its own shortest repr, not the float64 it widens to.
            return cell_text(float(str(value)), column)
    if isinstance(value, numpy.datetime64):
        value = pandas.Timestamp(value)
        if value is pandas.NaT:
            return "", None
    if isinstance(value, Decimal):
        return str(value), None
    return cell_text(value, column)


def from_frame(frame: Any) -> tuple[list[Observation], list[str], list[Problem]]:
    """Observations from the rows of *frame*, each located by its index label."""
    pandas = require("pandas", "pandas", "reading figures from a DataFrame")
    numpy = require("numpy", "pandas", "reading figures from a DataFrame")
    header = [name if isinstance(name, str) else _label(name) for name in frame.columns]
    labels = tuple(_label(label) for label in frame.index)
    place = Place(labels=labels)
    unread: dict[int, list[Problem]] = {}
    rows = []
    # Column by column, each in its own dtype: a float32 stays a float32 (itertuples
    # would widen it to a float64, whose repr has digits nobody wrote).
    columns = [frame.iloc[:, index].to_numpy() for index in range(len(header))]
    for number, values in enumerate(zip(*columns, strict=True), start=1):
        cells = []
        for column, value in zip(header, values, strict=True):
            text, wrong = _cell(value, column, pandas, numpy)
            if wrong is not None:
                unread.setdefault(number, []).append(Problem(place.cell(number, column), wrong))
            cells.append(Cell(text, quoted=True))
        rows.append(Row(number, tuple(cells)))
    return from_rows(
        header, rows, place=place, check=lambda row, _header: unread.get(row.number, ())
    )


def to_frame(observations: Iterable[Observation]) -> Any:
    """Observations as a DataFrame with the CSV's columns, one row per figure and one
    per level of a distribution, which :func:`from_frame` reads back."""
    pandas = require("pandas", "pandas", "observations as a DataFrame")
    items = list(observations)
    dimensions = sorted({d for item in items for d, _ in item.breakdown.items_tuple})
    columns = [*CSV_COLUMNS, *(BREAKDOWN_PREFIX + d for d in dimensions)]
    rows: list[dict[str, Any]] = []
    for item in items:
        base: dict[str, Any] = {
            "metric": item.metric,
            "period": format_period(item.period),
            "source": item.source,
            "note": item.note,
            **{BREAKDOWN_PREFIX + d: m for d, m in item.breakdown.items_tuple},
        }
        value = item.value
        if isinstance(value, Distribution):
            rows += [{**base, "level": level, "count": count} for level, count in value.counts]
        elif isinstance(value, Rated):
            rows.append({**base, "level": value.level})
        else:
            rows.append({**base, "value": value})
    return pandas.DataFrame(
        {name: pandas.Series([row.get(name) for row in rows], dtype=object) for name in columns},
        columns=columns,
    )
