"""Tables of an evaluation: flat records for spreadsheets, CSV files and DataFrames.

:meth:`Evaluation.rows() <planmodel.Evaluation.rows>` gives one
:class:`JudgementRow` for every judgement: each period of each target, of each
member of a breakdown the target is judged across, and of each part of an ``all
of``. :meth:`Evaluation.target_rows() <planmodel.Evaluation.target_rows>` gives one
:class:`TargetRow` per target and per member: its status and latest figure. Both
are a :class:`Table`, an immutable sequence of records that knows its columns:

>>> table = evaluation.rows(lang="vi")  # doctest: +SKIP
>>> table.columns[:6]  # doctest: +SKIP
('plan', 'target', 'parent', 'member', 'part', 'period')
>>> text = table.to_csv()  # doctest: +SKIP

Values are exact: numbers are ``Decimal`` (written to CSV with every digit and a
decimal point), statuses their JSON strings, periods as observation files write
them (``2023``, ``2025-Q3``), the reason and remark said in the language asked for.
:func:`to_xlsx` writes both tables as one Excel workbook (extra ``excel``), and
:meth:`Table.to_pandas` and :func:`observations_to_pandas` give DataFrames (extra
``pandas``), numbers kept as ``Decimal`` objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Generic, Optional, TypeVar, Union, overload

import attrs
from attrs import field, frozen, validators

from ._extras import require
from ._numbers import plain
from ._observations_frame import to_frame
from ._xlsx import workbook
from .judgements import Judgement
from .periods import format_period
from .status import Status
from .units import Unit
from .words import say

if TYPE_CHECKING:
    from pandas import DataFrame

    from .conditions import Condition
    from .evaluation import Evaluation
    from .measures import Measure
    from .observations import Observation
    from .plan import Plan

__all__ = [
    "JudgementRow",
    "Table",
    "TargetRow",
    "judgement_rows",
    "observations_to_pandas",
    "target_rows",
    "to_xlsx",
]

_TEXT = validators.optional(validators.instance_of(str))
_NUMBER = validators.optional(validators.instance_of(Decimal))


def _figure(_instance: object, attribute: Any, value: object) -> None:
    if value is not None and not isinstance(value, (Decimal, bool)):
        raise TypeError(f"{attribute.name}: expected a Decimal, True or False, got {value!r}")


@frozen(kw_only=True)
class JudgementRow:
    """One judgement of an evaluation, flat: the columns of :meth:`Evaluation.rows()
    <planmodel.Evaluation.rows>`.

    ``plan`` and ``target`` are ids; ``parent`` the target this one is part of
    (``None`` for a target of the plan); ``member`` the member of the breakdown the
    target is judged across (``None`` for the target as a whole); ``part`` the part of
    an ``all of``, counted from 1 (``"2.1"`` for a part of a part; ``None`` for the
    whole, whose status is the most severe of its parts'). ``period`` is written as in
    an observations file; ``status`` is the verdict. ``value`` is the measured number,
    or ``True``/``False`` for a yes/no figure, and ``level`` the level id of a rating;
    ``unit`` is the unit of ``value`` and ``expected``, as a plan writes units
    (``percent``, ``count``, ``percentage points``, ``per 10000``, ``index``,
    ``yes/no``, ``rating``, or the metric's own unit); ``gap`` is in that unit
    (percentage points for a percent; levels for a rating); ``progress`` is 1 at the
    target. ``warning`` marks a met figure past a warning level; ``reason`` and
    ``remark`` are the judgement's words in the language the table was made in.
    ``source`` and ``note`` are those of the figure the judgement rests on
    (:meth:`Evaluation.figures() <planmodel.Evaluation.figures>`); where it rests on
    several (a baseline and a final figure, each year of an average), each is written
    after its period, ``"2020: …; 2025: …"``.
    """

    plan: str = field(validator=validators.instance_of(str))
    target: str = field(validator=validators.instance_of(str))
    parent: Optional[str] = field(default=None, validator=_TEXT)
    member: Optional[str] = field(default=None, validator=_TEXT)
    part: Optional[str] = field(default=None, validator=_TEXT)
    period: Optional[str] = field(default=None, validator=_TEXT)
    status: Status = field(converter=Status)
    value: Union[Decimal, bool, None] = field(default=None, validator=_figure)
    level: Optional[str] = field(default=None, validator=_TEXT)
    unit: Optional[str] = field(default=None, validator=_TEXT)
    gap: Optional[Decimal] = field(default=None, validator=_NUMBER)
    progress: Optional[Decimal] = field(default=None, validator=_NUMBER)
    expected: Optional[Decimal] = field(default=None, validator=_NUMBER)
    warning: bool = field(default=False, validator=validators.instance_of(bool))
    reason: Optional[str] = field(default=None, validator=_TEXT)
    remark: Optional[str] = field(default=None, validator=_TEXT)
    source: Optional[str] = field(default=None, validator=_TEXT)
    note: Optional[str] = field(default=None, validator=_TEXT)


@frozen(kw_only=True)
class TargetRow:
    """One target, or one member of a breakdown it is judged across, with its status
    and latest figure: the columns of :meth:`Evaluation.target_rows()
    <planmodel.Evaluation.target_rows>`.

    ``title`` is the target's text in the table's language. ``period`` is the latest
    period with a figure, judged or not, and ``value``, ``level``, ``unit`` and
    ``progress`` are that figure's, as in :class:`JudgementRow`. An ``all of`` has its
    latest period but no single figure (its parts' are in the judgement rows), and a
    target judged across members has them in its members' rows.
    """

    plan: str = field(validator=validators.instance_of(str))
    target: str = field(validator=validators.instance_of(str))
    parent: Optional[str] = field(default=None, validator=_TEXT)
    member: Optional[str] = field(default=None, validator=_TEXT)
    title: str = field(validator=validators.instance_of(str))
    status: Status = field(converter=Status)
    period: Optional[str] = field(default=None, validator=_TEXT)
    value: Union[Decimal, bool, None] = field(default=None, validator=_figure)
    level: Optional[str] = field(default=None, validator=_TEXT)
    unit: Optional[str] = field(default=None, validator=_TEXT)
    progress: Optional[Decimal] = field(default=None, validator=_NUMBER)


Record = TypeVar("Record", JudgementRow, TargetRow)


@frozen
class Table(Sequence[Record], Generic[Record]):
    """An immutable sequence of records of one kind, which knows its columns: the
    fields of the records, in order, even when there are none.

    >>> table = Table(TargetRow, [])
    >>> table.columns[:4], len(table)
    (('plan', 'target', 'parent', 'member'), 0)
    """

    record: type[Record]
    rows: tuple[Record, ...] = field(converter=tuple)

    @rows.validator
    def _of_one_kind(self, _attribute: object, rows: tuple[Record, ...]) -> None:
        for row in rows:
            if type(row) is not self.record:
                raise TypeError(f"expected {self.record.__name__} records, got {row!r}")

    @property
    def columns(self) -> tuple[str, ...]:
        """The column names: the records' fields, in order."""
        return tuple(column.name for column in attrs.fields(self.record))

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Record]:
        return iter(self.rows)

    @overload
    def __getitem__(self, index: int) -> Record: ...

    @overload
    def __getitem__(self, index: slice) -> Table[Record]: ...

    def __getitem__(self, index: int | slice) -> Record | Table[Record]:
        if isinstance(index, slice):
            return Table(self.record, self.rows[index])
        return self.rows[index]

    def to_csv(self) -> str:
        """The table as CSV text: a header row of the column names, then one row per
        record; cells separated by commas and quoted where RFC 4180 needs it, rows
        ended by a line feed. Numbers are written with every digit and a decimal
        point (never an exponent), ``True``/``False`` as ``true``/``false``, a missing
        value as an empty cell. Saved with a byte order mark (``encoding="utf-8-sig"``),
        Excel reads its text as UTF-8.
        """
        lines = [",".join(_csv_cell(name) for name in self.columns)]
        lines += [
            ",".join(_csv_cell(cell_text(getattr(row, name))) for name in self.columns)
            for row in self.rows
        ]
        return "\n".join(lines) + "\n"

    def to_pandas(self) -> DataFrame:
        """The table as a pandas DataFrame (extra ``pandas``), one column per field.

        Numbers stay exact: the columns ``value``, ``gap``, ``progress`` and
        ``expected`` hold ``Decimal`` objects (``object`` dtype), never floats.
        ``df["progress"].astype(float)`` converts a column for plotting, a missing
        value becoming ``NaN``. Statuses are their JSON strings, missing values
        ``None``, and ``warning`` is a ``bool`` column.
        """
        pandas = require("pandas", "pandas", "a table as a DataFrame")
        data = {
            name: pandas.Series(
                [_plain(getattr(row, name)) for row in self.rows],
                dtype=bool if name == "warning" else object,
            )
            for name in self.columns
        }
        return pandas.DataFrame(data, columns=list(self.columns))


def cell_text(value: object) -> str:
    """A value as a CSV cell writes it.

    >>> cell_text(Decimal("1E+3")), cell_text(True), cell_text(Status.MET)
    ('1000', 'true', 'met')
    """
    if value is None:
        return ""
    if isinstance(value, Status):
        return value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return plain(value)
    return str(value)


def _csv_cell(text: str) -> str:
    if any(char in text for char in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _plain(value: object) -> object:
    return value.value if isinstance(value, Status) else value


# -- building the tables ----------------------------------------------------------------

_UNIT_WORDS = {
    "percent": "percent",
    "count": "count",
    "points": "percentage points",
    "index": "index",
    "rating": "rating",
    "flag": "yes/no",
}


def unit_text(unit: Unit) -> str:
    """A unit as a plan writes it: ``percent``, ``per 10000``, ``billion VND``.

    >>> unit_text(Unit("points")), unit_text(Unit("per", per=10000))
    ('percentage points', 'per 10000')
    """
    if unit.kind == "metric":
        return unit.text
    if unit.kind == "per":
        return f"per {unit.per}"
    return _UNIT_WORDS[unit.kind]


def _judged_plan(evaluation: Evaluation) -> Plan:
    plan = evaluation.judged_plan
    if plan is None:
        raise ValueError(
            f"the evaluation of {evaluation.plan!r} does not hold the plan it judged, which "
            "a table needs for its units and words: make it with evaluate()"
        )
    return plan


def _combined(measure: Measure | None, condition: Condition) -> bool:
    """Whether the condition is judged in parts (an ``all of``)."""
    return len(condition.components(measure)) > 1


def _figures(judgement: Judgement) -> tuple[Decimal | bool | None, str | None]:
    value = judgement.value
    if isinstance(value, str):
        return None, value
    return value, None


def _walk(
    plan: Plan,
    judgement: Judgement,
    measure: Measure | None,
    condition: Condition,
    part: str | None,
) -> Iterator[tuple[str | None, Judgement, str | None]]:
    """The judgement and those of its parts, depth first: ``(part, judgement, unit)``."""
    combined = _combined(measure, condition)
    unit = None if combined or measure is None else unit_text(measure.unit(plan))
    yield part, judgement, unit
    if not judgement.parts:
        return  # judged as a whole (no figure by a deadline): it stands for every part
    pieces = condition.components(measure)
    if len(pieces) != len(judgement.parts):
        raise ValueError(f"{len(judgement.parts)} parts judged of {len(pieces)}")
    for index, (sub, (_text, one, judged)) in enumerate(
        zip(judgement.parts, pieces, strict=True), start=1
    ):
        yield from _walk(plan, sub, one, judged, f"{part}.{index}" if part else str(index))


def judgement_rows(evaluation: Evaluation, lang: str = "en") -> Table[JudgementRow]:
    """One record per judgement of *evaluation*, in the order of its targets, members,
    periods and parts; reasons and remarks said in *lang*.

    Raises ``ValueError`` for an evaluation that does not hold the plan it judged.
    """
    plan = _judged_plan(evaluation)
    rows = []
    for result in evaluation.targets:
        target = plan.target(result.target)
        version = result.version
        series: list[tuple[str | None, Sequence[Judgement]]] = [
            (member.member, member.judgements) for member in result.members
        ] or [(None, result.judgements)]
        for member, judgements in series:
            for judgement in judgements:
                for part, one, unit in _walk(
                    plan, judgement, version.measure, version.condition, None
                ):
                    value, level = _figures(one)
                    source, note = _provenance(evaluation, result.target, one, member, part)
                    rows.append(
                        JudgementRow(
                            plan=evaluation.plan,
                            target=result.target,
                            parent=target.part_of,
                            member=member,
                            part=part,
                            period=format_period(one.period) if one.period is not None else None,
                            status=one.status,
                            value=value,
                            level=level,
                            unit=unit,
                            gap=one.gap,
                            progress=one.progress,
                            expected=one.expected,
                            warning=one.warning,
                            reason=say(one.reason, lang, plan) if one.reason is not None else None,
                            remark=say(one.remark, lang, plan) if one.remark is not None else None,
                            source=source,
                            note=note,
                        )
                    )
    return Table(JudgementRow, rows)


def _provenance(
    evaluation: Evaluation,
    target: str,
    judgement: Judgement,
    member: str | None,
    part: str | None,
) -> tuple[str | None, str | None]:
    """The source and the note of the figures a judgement rests on, each after its
    period when there are several; nothing for a judgement without a figure, or an
    evaluation that no longer holds its observations."""
    if judgement.value is None or evaluation.observations is None:
        return None, None
    index = int(part.split(".")[0]) - 1 if part is not None else None
    figures = evaluation.figures(target, judgement, member=member, part=index)

    def joined(texts: list[tuple[Observation, str | None]]) -> str | None:
        found = [(figure, text) for figure, text in texts if text]
        if len(figures) == 1 or len({text for _, text in found}) <= 1:
            return found[0][1] if found else None
        return "; ".join(f"{format_period(figure.period)}: {text}" for figure, text in found)

    return (
        joined([(figure, figure.source) for figure in figures]),
        joined([(figure, figure.note) for figure in figures]),
    )


def _latest(
    plan: Plan, judgements: Sequence[Judgement], measure: Measure | None, condition: Condition
) -> dict[str, Any]:
    """The latest period with a figure, and the figure when there is one."""
    combined = _combined(measure, condition)
    for judgement in reversed(judgements):
        found = [one for _part, one, _unit in _walk(plan, judgement, measure, condition, None)]
        if not any(one.value is not None for one in found):
            continue
        period = format_period(judgement.period) if judgement.period is not None else None
        if combined:
            return {"period": period}
        value, level = _figures(judgement)
        unit = unit_text(measure.unit(plan)) if measure is not None else None
        return {
            "period": period,
            "value": value,
            "level": level,
            "unit": unit,
            "progress": judgement.progress,
        }
    return {}


def target_rows(evaluation: Evaluation, lang: str = "en") -> Table[TargetRow]:
    """One record per target of *evaluation*, followed by one per member of the
    breakdown it is judged across; titles said in *lang*.

    Raises ``ValueError`` for an evaluation that does not hold the plan it judged.
    """
    plan = _judged_plan(evaluation)
    rows = []
    for result in evaluation.targets:
        target = plan.target(result.target)
        version = result.version
        title = target.text.pick(lang, plan.source_language)
        series: list[tuple[str | None, Status, Sequence[Judgement]]] = [
            (None, result.status, result.judgements)
        ]
        series += [(member.member, member.status, member.judgements) for member in result.members]
        rows += [
            TargetRow(
                plan=evaluation.plan,
                target=result.target,
                parent=target.part_of,
                member=member,
                title=title,
                status=status,
                **_latest(plan, judgements, version.measure, version.condition),
            )
            for member, status, judgements in series
        ]
    return Table(TargetRow, rows)


# -- other forms ------------------------------------------------------------------------


def to_xlsx(evaluation: Evaluation, lang: str = "en") -> bytes:
    """*evaluation* as an Excel workbook (extra ``excel``): a sheet ``judgements`` with
    :meth:`~planmodel.Evaluation.rows` and a sheet ``targets`` with
    :meth:`~planmodel.Evaluation.target_rows`, in *lang*.

    Each sheet has a header row, frozen with the plan and target columns, and a
    filter. Status cells are coloured as in the HTML report. Numbers are number cells
    holding every digit in the file, shown with the digits they have (``94.10`` as
    94.10; progress as a percentage); Excel itself keeps 15 significant digits, so a
    computed quotient (a progress of 1/3) shows its first 15, where the CSV and the
    DataFrame keep all. Text cells are text, never formulas, and control characters
    (which a workbook cannot hold) are written as escapes (``\\x1b``).
    """
    return workbook(
        [
            ("judgements", judgement_rows(evaluation, lang)),
            ("targets", target_rows(evaluation, lang)),
        ]
    )


def observations_to_pandas(observations: Iterable[Observation]) -> DataFrame:
    """Observations as a pandas DataFrame with the CSV's columns (extra ``pandas``):
    ``metric, period, value, level, count, source, note`` and one
    ``breakdown.<dimension>`` column per dimension, one row per figure and one per
    level of a distribution. Numbers stay ``Decimal`` objects; periods are text.
    :func:`~planmodel.load_observations` reads it back.
    """
    frame: DataFrame = to_frame(observations)
    return frame
