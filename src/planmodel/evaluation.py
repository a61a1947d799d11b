"""Judging observed figures against every target of a plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Optional, Union

from attrs import field, frozen

from ._explain import explanation
from .context import Context
from .errors import ArgumentError, ObservationsError, Problem
from .judgements import Judgement
from .observations import Observation, Observations
from .periods import to_date
from .plan import Plan
from .quantifiers import members_of
from .status import Status
from .tables import JudgementRow, Table, TargetRow, judgement_rows, target_rows
from .targets import Target, Version
from .text import Text
from .words import languages, say

if TYPE_CHECKING:
    from pandas import DataFrame

__all__ = ["Evaluation", "MemberResult", "TargetResult", "Where", "evaluate"]


@frozen
class MemberResult:
    """How one member of a breakdown stands on a target judged across members."""

    member: str
    status: Status
    judgements: tuple[Judgement, ...]


@frozen
class TargetResult:
    """How one target stands: its overall status and the judgement of each period.

    A target judged across the members of a breakdown has a :class:`MemberResult`
    per member in ``members`` instead of judgements of its own. ``revision`` is the
    index of the earlier version judged (``None`` for the target as it stands).
    ``explanation`` is one sentence in the plan's languages, written when asked for:
    evaluating many plans in bulk does not pay for prose nobody reads.
    """

    target: str
    status: Status
    judgements: tuple[Judgement, ...]
    _plan: Plan = field(eq=False, repr=False)
    members: tuple[MemberResult, ...] = ()
    revision: Optional[int] = None

    @property
    def version(self) -> Version:
        """The version of the target that was judged."""
        target = self._plan.target(self.target)
        return target.versions()[self.revision] if self.revision is not None else target.current

    @property
    def short(self) -> tuple[str, ...]:
        """The members that fall short (any status but met or exceeded)."""
        return tuple(m.member for m in self.members if not m.status.is_success)

    def explanation_words(self) -> object:
        """The explanation as a phrase, to be said in any language."""
        target = self._plan.target(self.target)
        replaced = target.revisions[self.revision].replaced if self.revision is not None else None
        return explanation(
            self._plan,
            version=self.version,
            status=self.status,
            judgements=self.judgements,
            members=tuple((m.member, m.status) for m in self.members),
            replaced=replaced,
        )

    @property
    def explanation(self) -> Text:
        """E.g. en: "2023: revenue vs estimate 7.2% — target between 5 and 10%, …: met"."""
        plan = self._plan
        words = self.explanation_words()
        return Text({lang: say(words, lang, plan) for lang in report_languages(plan)})


def report_languages(plan: Plan) -> list[str]:
    """The plan's languages that planmodel can write, or English."""
    known = languages()
    return [tag for tag in plan.languages if tag in known] or ["en"]


@frozen
class Evaluation:
    """The verdict on every target of a plan as of a date."""

    plan: str
    as_of: dt.date
    targets: tuple[TargetResult, ...]
    _source: Optional[Plan] = field(default=None, eq=False, repr=False)

    @property
    def judged_plan(self) -> Plan | None:
        """The plan that was judged, when the evaluation was made by :func:`evaluate`."""
        return self._source

    @property
    def summary(self) -> dict[Status, int]:
        """How many targets have each status, in severity order (zeros included)."""
        counts = dict.fromkeys(Status, 0)
        for result in self.targets:
            counts[result.status] += 1
        return counts

    def say(self, phrase: object, lang: str = "en") -> str:
        """A judgement's ``reason`` or ``remark`` (any phrase) as text in *lang*,
        naming metrics by their names in the judged plan.

        >>> evaluation.say(judgement.reason)  # doctest: +SKIP
        'no figure for budget revenue in 2021'
        """
        return say(phrase, lang, self._source)

    def rows(self, lang: str = "en") -> Table[JudgementRow]:
        """The evaluation as a flat table: one :class:`~planmodel.JudgementRow`
        per judgement (each period of each target, member and part), reasons and
        remarks in *lang*. See :mod:`planmodel.tables`.
        """
        return judgement_rows(self, lang)

    def target_rows(self, lang: str = "en") -> Table[TargetRow]:
        """One :class:`~planmodel.TargetRow` per target and per member judged:
        its status and latest figure, its title in *lang*."""
        return target_rows(self, lang)

    def to_pandas(self, lang: str = "en") -> DataFrame:
        """:meth:`rows` as a pandas DataFrame (extra ``pandas``), numbers kept as
        ``Decimal`` objects; see :meth:`~planmodel.Table.to_pandas`."""
        return self.rows(lang).to_pandas()

    def result(self, target_id: str) -> TargetResult:
        for result in self.targets:
            if result.target == target_id:
                return result
        raise KeyError(target_id)


#: Which targets to judge: a predicate, or attributes to match (``{"commitment":
#: "binding"}``; a collection of values matches any of them).
Where = Union[Callable[[Target], bool], Mapping[str, Union[str, Collection[str]]]]


def _matches(target: Target, where: Where | None) -> bool:
    if where is None:
        return True
    if callable(where):
        return bool(where(target))
    for key, wanted in where.items():
        found = target.commitment if key == "commitment" else target.attributes.get(key)
        choices = {wanted} if isinstance(wanted, str) else set(wanted)
        if found not in choices:
            return False
    return True


def judge_target(target: Target, ctx: Context, when: dt.date) -> TargetResult:
    """The verdict on one target, in the version in force on *when*."""
    version = target.version_on(when)
    across = version.across
    if across is None:
        status, judgements = version.schedule.judge(version.measure, version.condition, ctx, when)
        return TargetResult(target.id, status, judgements, ctx.plan, revision=version.revision)
    found, declared = members_of(ctx.plan, version.metric_ids(), across.dimension, ctx.data)
    members = []
    for member in found:
        narrowed = ctx.select(across.dimension, member)
        status, judgements = version.schedule.judge(
            version.measure, version.condition, narrowed, when
        )
        members.append(MemberResult(member, status, judgements))
    overall = across.status([m.status for m in members], declared)
    return TargetResult(
        target.id, overall, (), ctx.plan, members=tuple(members), revision=version.revision
    )


def evaluate(
    plan: Plan,
    observations: Observations | Iterable[Observation],
    as_of: dt.date | str,
    *,
    where: Where | None = None,
) -> Evaluation:
    """Judge every target of *plan* against *observations* as of a date.

    Each target is judged in the version in force on *as_of*. *where* keeps only the
    targets it matches: ``where={"commitment": "binding"}``, or any function of a
    :class:`~planmodel.Target`. Observations that do not fit the plan (unknown metrics,
    levels, dimensions or members; ratings where numbers belong) raise
    :class:`~planmodel.ObservationsError`, never skipped; an *as_of* that is not a date,
    or not a real one ("2025-02-30"), raises :class:`~planmodel.ArgumentError`. The
    result does not depend on the order of the observations.
    """
    try:
        when = to_date(as_of)
    except (TypeError, ValueError) as exc:
        raise ArgumentError([Problem("as_of", str(exc))]) from None
    data = observations if isinstance(observations, Observations) else Observations(observations)
    problems = data.problems_for(plan)
    if problems:
        raise ObservationsError(problems)
    ctx = Context(plan, data)
    results = tuple(
        judge_target(target, ctx, when) for target in plan.targets if _matches(target, where)
    )
    return Evaluation(plan.id, when, results, plan)
