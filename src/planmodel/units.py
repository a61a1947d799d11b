"""Units: what a measured number counts, so that words and charts show it rightly.

A metric's unit is free text ("billion VND", "years"), with words that mean more:
``"percent"``, ``"count"``, ``"yes/no"``, and ``"per 1000"``, ``"per 10000"`` … (a
rate per a power of ten, as statistics publish doctors per 10,000 people: said "per
10,000" in English, "trên 10.000" in Vietnamese); a metric without a unit counts
plain numbers, shown as a count is. A measure derives its unit from
the metrics it reads: a ratio per 10,000 is "per 10,000", a difference of two
percentages is in percentage points, a change is in percent.
"""

from __future__ import annotations

import re
from typing import Literal

from attrs import frozen

__all__ = ["COUNT", "PERCENT", "YES_NO", "Unit"]

#: Metric units with a meaning beyond their words.
PERCENT = "percent"
COUNT = "count"
#: A yes/no metric: its figures are ``true`` or ``false``, a milestone reached or not.
YES_NO = "yes/no"
#: A rate per a power of ten from 10 to a million: "per 10000" (100 is "percent").
_PER = re.compile(r"per (10|1000|10000|100000|1000000)")

UnitKind = Literal["percent", "count", "points", "per", "index", "metric", "rating", "flag"]


@frozen
class Unit:
    """What a number counts.

    ``kind`` is one of ``percent``, ``count``, ``points`` (percentage points),
    ``per`` (per ``per`` of something: per mille, per 10,000), ``index`` (the
    reference = 100), ``metric`` (a unit written out in ``text``), ``rating`` (a
    level of the scale of the metric ``text``) or ``flag`` (yes/no).

    >>> Unit.of_metric("percent"), Unit.of_metric("billion VND").text
    (Unit(kind='percent', text='', per=0), 'billion VND')
    >>> Unit.of_metric("per 10000")
    Unit(kind='per', text='', per=10000)
    """

    kind: UnitKind
    text: str = ""
    per: int = 0

    @classmethod
    def of_metric(cls, unit: str | None) -> Unit:
        """The unit a metric's figures are in, from the metric's unit text (``None``
        where the metric states none: a plain number)."""
        if unit == PERCENT:
            return PERCENT_UNIT
        if unit == COUNT or unit is None:
            return COUNT_UNIT
        if unit == YES_NO:
            return FLAG_UNIT
        rate = _PER.fullmatch(unit)
        if rate is not None:
            return cls("per", per=int(rate.group(1)))
        return cls("metric", unit)

    def difference(self) -> Unit:
        """The unit of a difference of two such numbers: percentage points for percents."""
        return POINTS_UNIT if self.kind in ("percent", "index") else self


PERCENT_UNIT = Unit("percent")
COUNT_UNIT = Unit("count")
POINTS_UNIT = Unit("points")
FLAG_UNIT = Unit("flag")
INDEX_UNIT = Unit("index")
