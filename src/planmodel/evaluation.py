"""Judging observed figures against every target of a plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Optional, Union

from attrs import field, frozen

from ._explain import explanation
from ._judging import Shape, shape, shape_in_plan
from ._plan_cache import derived
from ._plan_ref import PlanRef
from ._rows import STATUSES, Judgements, status
from .context import Context
from .errors import ArgumentError, ObservationsError, Problem
from .judgements import Judgement
from .observations import Observation, Observations
from .periods import to_date
from .plan import Plan
from .quantifiers import members_of
from .schedules import Schedule
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


def _plan_of(ref: PlanRef | None) -> Plan:
    plan = None if ref is None else ref.plan
    if plan is None:
        raise LookupError(
            "this evaluation was pickled without its plan (results never carry it): "
            "give it back with Evaluation.attach(plan)"
        )
    return plan


@frozen
class TargetResult:
    """How one target stands: its overall status and the judgement of each period.

    A target judged across the members of a breakdown has a :class:`MemberResult`
    per member in ``members`` instead of judgements of its own. ``revision`` is the
    index of the earlier version judged (``None`` for the target as it stands).
    ``explanation`` is one sentence in the plan's languages, written when asked for:
    evaluating many plans in bulk does not pay for prose nobody reads. The judgements
    are kept compactly and made :class:`~planmodel.Judgement` objects when read; the
    result refers to the plan it judged without carrying it (a pickled result is its
    own size).
    """

    target: str
    status: Status
    judgements: tuple[Judgement, ...]
    _plan: PlanRef = field(eq=False, repr=False)
    members: tuple[MemberResult, ...] = ()
    revision: Optional[int] = None

    @property
    def version(self) -> Version:
        """The version of the target that was judged."""
        target = _plan_of(self._plan).target(self.target)
        return target.versions()[self.revision] if self.revision is not None else target.current

    @property
    def short(self) -> tuple[str, ...]:
        """The members that fall short (any status but met or exceeded)."""
        return tuple(m.member for m in self.members if not m.status.is_success)

    def explanation_words(self) -> object:
        """The explanation as a phrase, to be said in any language."""
        plan = _plan_of(self._plan)
        target = plan.target(self.target)
        replaced = target.revisions[self.revision].replaced if self.revision is not None else None
        return explanation(
            plan,
            version=self.version,
            status=self.status,
            judgements=self.judgements,
            members=tuple((m.member, m.status) for m in self.members),
            replaced=replaced,
        )

    @property
    def explanation(self) -> Text:
        """E.g. en: "2023: revenue vs estimate 7.2% — target between 5 and 10%, …: met"."""
        plan = _plan_of(self._plan)
        words = self.explanation_words()
        return Text({lang: say(words, lang, plan) for lang in report_languages(plan)})


def report_languages(plan: Plan) -> list[str]:
    """The plan's languages that planmodel can write, or English."""
    known = languages()
    return [tag for tag in plan.languages if tag in known] or ["en"]


def _optional_plan_ref(found: PlanRef | Plan | None) -> PlanRef | None:
    return PlanRef(found.id, found) if isinstance(found, Plan) else found


class _Kept:
    """A value kept in this process only: pickled, it is left behind, so that results
    sent back from worker processes do not carry every figure they judged."""

    __slots__ = ("value",)

    def __init__(self, value: Observations | None) -> None:
        self.value = value

    def __reduce__(self) -> tuple[type[_Kept], tuple[None]]:
        return _Kept, (None,)


def _kept(value: _Kept | Observations | None) -> _Kept:
    # A holder of its own for each evaluation (attrs.evolve hands the old one over), so
    # that attaching observations to one never changes another.
    return _Kept(value.value if isinstance(value, _Kept) else value)


@frozen
class Evaluation:
    """The verdict on every target of a plan as of a date.

    It refers to the plan it judged without carrying it: pickled (as results come back
    from :func:`~planmodel.evaluate_many`'s worker processes), it keeps the plan's id,
    and :meth:`attach` gives the plan back where explanations are wanted.
    """

    plan: str
    as_of: dt.date
    targets: tuple[TargetResult, ...]
    _source: Optional[PlanRef] = field(
        default=None, eq=False, repr=False, converter=_optional_plan_ref
    )
    _data: _Kept = field(factory=lambda: _Kept(None), eq=False, repr=False, converter=_kept)

    @property
    def observations(self) -> Observations | None:
        """The observations judged, when the evaluation was made by :func:`evaluate` in
        this process (they are not pickled with it)."""
        return self._data.value

    def figures(
        self,
        target: str,
        judgement: Judgement,
        *,
        member: str | None = None,
        part: int | None = None,
    ) -> tuple[Observation, ...]:
        """The observations *judgement* of *target* rests on, with their ``source`` and
        ``note``: the figures its measure read for its period, and for the baseline
        that progress runs from. *member* names the member of a breakdown it judges;
        *part*, the index of the part of an ``all of`` (``None``: every part).

        Raises ``LookupError`` when the plan or the observations are not at hand (an
        evaluation unpickled, or built by hand).

        >>> [figure.source for figure in evaluation.figures("T1", judgement)]  # doctest: +SKIP
        ['Cục Thống kê, 2024-01-05']
        """
        plan, data = _plan_of(self._source), self._data.value
        if data is None:
            raise LookupError(
                "this evaluation does not hold the observations it judged: it was "
                "unpickled or built by hand; evaluate the plan again to trace its figures"
            )
        version = self.result(target).version
        ctx = Context(plan, data)
        if member is not None:
            if version.across is None:
                raise ValueError(f"target {target!r} is not judged across members")
            ctx = ctx.select(version.across.dimension, member)
        measure, condition = version.measure, version.condition
        if part is not None:
            _, measure, condition = condition.components(measure)[part]
        if judgement.period is None:
            return ()
        periods = version.schedule.reads(judgement.period)
        return ctx.figures_read(condition.measures(measure), periods)

    @property
    def judged_plan(self) -> Plan | None:
        """The plan that was judged, when the evaluation was made by :func:`evaluate`
        (or the plan was attached, or can be read again from its file)."""
        return None if self._source is None else self._source.plan

    def attach(
        self, plan: Plan, observations: Observations | Iterable[Observation] | None = None
    ) -> Evaluation:
        """Give the evaluation back the plan it judged (after unpickling), and the
        *observations* it judged, whose sources :meth:`figures` and the reports trace;
        returns self.

        Raises ``ValueError`` for another plan (another id).
        """
        if plan.id != self.plan:
            raise ValueError(f"this evaluation is of plan {self.plan!r}, not {plan.id!r}")
        if observations is not None:
            if not isinstance(observations, Observations):
                observations = Observations(observations)
            self._data.value = observations
        source = self._source
        if source is None:
            # An evaluation built by hand: its results refer to their own plans.
            object.__setattr__(self, "_source", PlanRef(plan.id, plan))
        else:
            source.attach(plan)
        return self

    def reading_plan_with(self, load: Callable[[], Plan]) -> Evaluation:
        """Read the plan with *load* (picklable: a file's path, say) when it is needed and
        not at hand, as after unpickling; returns self. How
        :func:`~planmodel.evaluate_one` lets an evaluation made in a worker process
        explain itself in the process it is sent to."""
        if self._source is None:
            object.__setattr__(self, "_source", PlanRef(self.plan))
        assert self._source is not None
        self._source.reads_with(load)
        return self

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
        return say(phrase, lang, self.judged_plan)

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


def judge_target(
    target: Target, ctx: Context, when: dt.date, plan: PlanRef | None = None
) -> TargetResult:
    """The verdict on one target, in the version in force on *when*."""
    ref = PlanRef(ctx.plan.id, ctx.plan) if plan is None else plan
    version = target.version_on(when)
    measure, condition, schedule = version.measure, version.condition, version.schedule
    across = version.across
    if across is None:
        judging = shape_in_plan(measure, condition, ctx.plan).bind(ctx)
        level, rows = schedule.judge_rows(judging, when)
        return TargetResult(target.id, status(level), Judgements(rows), ref, (), version.revision)
    found, declared = members_of(ctx.plan, version.metric_ids(), across.dimension, ctx.data)
    members = []
    for member in found:
        narrowed = ctx.select(across.dimension, member)
        judging = shape_in_plan(measure, condition, ctx.plan).bind(narrowed)
        level, rows = schedule.judge_rows(judging, when)
        members.append(MemberResult(member, status(level), Judgements(rows)))
    overall = across.status([m.status for m in members], declared)
    return TargetResult(target.id, overall, Judgements(), ref, tuple(members), version.revision)


class _Program:
    """A target made ready to judge, once per plan: a target as it stands, judged as a
    whole, has its schedule and the shape of its judging at hand; any other (revised,
    or judged across members) is judged by :func:`judge_target`."""

    __slots__ = ("id", "plain", "target")

    def __init__(self, target: Target, plan: Plan) -> None:
        self.target, self.id = target, target.id
        self.plain: tuple[Schedule, Shape] | None = None
        if not target.revisions and target.across is None:
            self.plain = (target.schedule, shape(target.measure, target.condition, plan))

    def judge(self, ctx: Context, when: dt.date, ref: PlanRef) -> TargetResult:
        plain = self.plain
        if plain is None:
            return judge_target(self.target, ctx, when, ref)
        level, rows = plain[0].judge_rows(plain[1].bind(ctx), when)
        return TargetResult(self.id, STATUSES[level], Judgements(rows), ref, (), None)


def _programs(plan: Plan) -> tuple[_Program, ...]:
    return tuple(_Program(target, plan) for target in plan.targets)


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
    if isinstance(observations, Observations):
        data = observations
    else:
        data = Observations(observations, plan=plan)
    problems = data.problems_for(plan)
    if problems:
        raise ObservationsError(problems)
    ctx = Context(plan, data)
    ref = PlanRef(plan.id, plan)
    programs = derived(plan, "evaluation.programs", _programs)
    if where is None:
        results = tuple(program.judge(ctx, when, ref) for program in programs)
    else:
        results = tuple(
            program.judge(ctx, when, ref) for program in programs if _matches(program.target, where)
        )
    return Evaluation(plan.id, when, results, ref, data)
