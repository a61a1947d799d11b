"""Several conditions at once, each on its own measure: "at least 95% rated good or
better, and no organisation failing its tasks"."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Optional

from attrs import field, frozen, validators

from .._ids import instance_of
from ..constraints import min_items
from ..context import Context
from ..errors import FieldError, Problem
from ..judgements import Judgement
from ..measures import Measure, Rating
from ..periods import Period, period_sort_key
from ..status import most_severe
from ..text import Text
from ..words import Each, Phrase
from .base import CONDITIONS, Assessment, Condition, JudgeLeaf

if TYPE_CHECKING:
    from ..plan import Plan

__all__ = ["AllOf", "Part"]


@frozen
class Part:
    """One condition of an ``all of``, on its own measure."""

    measure: Optional[Measure] = field(validator=validators.optional(instance_of(Measure)))
    condition: Condition = field(validator=instance_of(Condition))
    text: Optional[Text] = field(
        default=None, validator=validators.optional(validators.instance_of(Text))
    )

    def words(self, plan: Plan) -> Phrase:
        """The part in words: its measure and its condition."""
        what = self.measure.words() if self.measure is not None else ""
        return Phrase(
            "condition.part", measure=what, condition=self.condition.words(plan, self.measure)
        )


def _to_parts(parts: Iterable[Part]) -> tuple[Part, ...]:
    return tuple(parts)


@CONDITIONS.register
@frozen
class AllOf(Condition):
    """Every part must hold; the verdict is the most severe of the parts' verdicts,
    so it is ``exceeded`` only when every part is."""

    kind: ClassVar[str] = "all_of"
    accepts = None
    parts: tuple[Part, ...] = field(
        converter=_to_parts, validator=min_items(2, "all_of needs at least two parts")
    )

    @parts.validator
    def _check_parts(self, _attribute: object, value: tuple[Part, ...]) -> None:
        for item in value:
            if not isinstance(item, Part):
                raise FieldError("parts", f"expected Part, got {item!r}")

    def assess(
        self, reading: Decimal | Rating | bool, *, plan: Plan, measure: Measure
    ) -> Assessment:
        raise TypeError("an all_of is judged part by part")

    def judge(self, measure: Measure | None, period: Period, leaf: JudgeLeaf) -> Judgement:
        parts = tuple(p.condition.judge(p.measure, period, leaf) for p in self.parts)
        return Judgement(period, most_severe(p.status for p in parts), parts=parts)

    def periods(self, ctx: Context, measure: Measure | None) -> tuple[Period, ...]:
        found: dict[Period, None] = {}
        for p in self.parts:
            found.update(dict.fromkeys(p.condition.periods(ctx, p.measure)))
        return tuple(sorted(found, key=period_sort_key))

    def components(
        self, measure: Measure | None
    ) -> tuple[tuple[Text | None, Measure | None, Condition], ...]:
        return tuple((p.text, p.measure, p.condition) for p in self.parts)

    def measures(self, measure: Measure | None) -> list[Measure]:
        return [m for p in self.parts for m in p.condition.measures(p.measure)]

    def spans(self, measure: Measure | None) -> list[tuple[int, int] | None]:
        return [span for p in self.parts for span in p.condition.spans(p.measure)]

    def problems(self, plan: Plan, measure: Measure | None, path: str) -> list[Problem]:
        found = []
        if measure is not None:
            found.append(
                Problem(
                    f"{path}.measure",
                    "an all_of target has no measure of its own: each part names its measure",
                )
            )
        for index, p in enumerate(self.parts):
            where = f"{path}.condition.parts[{index}]"
            if p.measure is not None:
                measure_problems = p.measure.problems(plan, f"{where}.measure")
                found += measure_problems
                if measure_problems:
                    continue
            found += p.condition.problems(plan, p.measure, where)
        return found

    def words(self, plan: Plan, measure: Measure | None) -> Phrase:
        return Phrase(
            "condition.all_of",
            parts=Each((p.words(plan) for p in self.parts), joiner="list.semicolon"),
        )
