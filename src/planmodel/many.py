"""Evaluating many plans at once: every commune of a country, every ward of a city.

:func:`evaluate_one` judges one plan, given as a :class:`~planmodel.Plan` or a file,
against its figures, given as observations or a file (CSV or JSON).
:func:`evaluate_many` does so for each of many pairs, in worker processes when asked
(``jobs=``), and returns each evaluation, or the error that stopped it, in order: one
bad file does not stop the others.

Nothing ships a plan back and forth. A worker is told which pair to judge: a path,
or, for work given in memory, its place in the list, which a worker made by forking
already holds. What comes back is the evaluation, which refers to its plan without
carrying it (:class:`~planmodel.Evaluation`): in the calling process it is given back
the plan it was given, or reads a plan file again, checked to be the file judged,
when an explanation is asked for.

Kinds and languages registered by a user's modules reach the workers: a worker made
by forking (the default where the platform allows it and no other thread runs)
starts with everything the calling process has; elsewhere, the worker imports the
modules named in ``modules=`` before its first plan, and a module that registers
kinds when imported is all that needs naming.

The same :func:`evaluate_one` can be mapped over a cluster engine instead (Dask,
Ray): it takes paths and returns a picklable evaluation; see the how-to guide on
evaluating many plans.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar, Union

from .errors import ArgumentError, PlanLoadError, PlanModelError, Problem
from .evaluation import Evaluation, Where, evaluate
from .observations import Observation, Observations
from .observations_io import load_observations
from .periods import to_date
from .plan import Plan
from .serialize import load_plan

__all__ = ["FiguresSource", "Outcome", "PlanFile", "PlanSource", "evaluate_many", "evaluate_one"]

#: A plan, or the path of a plan file.
PlanSource = Union[Plan, str, "os.PathLike[str]"]
#: Observations, or the path of a figures file (CSV or JSON).
FiguresSource = Union[Observations, Iterable[Observation], str, "os.PathLike[str]"]
#: What :func:`evaluate_many` gives for each pair: the evaluation, or what stopped it.
Outcome = Union[Evaluation, PlanModelError]

T = TypeVar("T")
R = TypeVar("R")


class PlanFile:
    """A plan file as it was when judged: read again on demand, refused if it changed.

    What an evaluation made from a file refers to its plan by, once pickled (see
    :meth:`Evaluation.reading_plan_with <planmodel.Evaluation.reading_plan_with>`).
    """

    __slots__ = ("digest", "path")

    def __init__(self, path: str, digest: str) -> None:
        self.path, self.digest = path, digest

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> tuple[PlanFile, Plan]:
        """The file at *path* and the plan it holds; raises
        :class:`~planmodel.PlanLoadError` naming the file, as :func:`~planmodel.load_plan`."""
        name = os.fspath(path)
        try:
            content = Path(name).read_bytes()
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
            raise PlanLoadError([Problem("$", str(exc))], subject=name) from None
        try:
            plan = load_plan(content)
        except PlanLoadError as exc:
            raise PlanLoadError(exc.problems, subject=name) from None
        return cls(name, hashlib.sha256(content).hexdigest()), plan

    def __call__(self) -> Plan:
        found, plan = PlanFile.read(self.path)
        if found.digest != self.digest:
            raise LookupError(
                f"{self.path} has changed since it was evaluated; load it and evaluate again"
            )
        return plan

    def __getstate__(self) -> tuple[str, str]:
        return (self.path, self.digest)

    def __setstate__(self, state: tuple[str, str]) -> None:
        self.path, self.digest = state

    def __repr__(self) -> str:
        return f"PlanFile({self.path!r})"


def _when(as_of: dt.date | str) -> dt.date:
    try:
        return to_date(as_of)
    except (TypeError, ValueError) as exc:
        raise ArgumentError([Problem("as_of", str(exc))]) from None


def evaluate_one(
    plan: PlanSource,
    figures: FiguresSource,
    as_of: dt.date | str,
    *,
    where: Where | None = None,
) -> Evaluation:
    """:func:`~planmodel.evaluate` of a plan and its figures, either of them a file.

    A plan read from a file is referred to by the file: the evaluation pickles to its
    own size, and reads the file again (refusing it if it changed) where the plan is
    needed and not at hand. Raises what :func:`~planmodel.load_plan`,
    :func:`~planmodel.load_observations` and :func:`~planmodel.evaluate` raise.
    """
    when = _when(as_of)
    source = None
    if not isinstance(plan, Plan):
        source, plan = PlanFile.read(plan)
    if isinstance(figures, (str, os.PathLike)):
        figures = load_observations(figures, plan)
    found = evaluate(plan, figures, when, where=where)
    return found if source is None else found.reading_plan_with(source)


def _outcome(
    item: tuple[PlanSource, FiguresSource], as_of: dt.date, where: Where | None
) -> Outcome:
    try:
        return evaluate_one(item[0], item[1], as_of, where=where)
    except PlanModelError as exc:
        return exc


def evaluate_many(
    work: Iterable[tuple[PlanSource, FiguresSource]],
    as_of: dt.date | str,
    *,
    where: Where | None = None,
    jobs: int = 1,
    modules: Sequence[str] = (),
) -> list[Outcome]:
    """:func:`evaluate_one` of each (plan, figures) pair of *work*, in order: the
    evaluation, or the :class:`~planmodel.PlanModelError` that stopped it.

    With *jobs* above one, pairs are judged in that many worker processes; *modules*
    are imported by each worker first (those registering a user's kinds or languages,
    where workers are not made by forking). A plan given in memory comes back
    attached to its evaluation; one given as a file is read again when needed.
    Raises :class:`~planmodel.ArgumentError` for an *as_of* that is not a date.
    """
    when = _when(as_of)
    items = list(work)
    found = run_many(_outcome, items, when, where, jobs=jobs, modules=modules)
    for (plan, _), outcome in zip(items, found, strict=True):
        if isinstance(plan, Plan) and isinstance(outcome, Evaluation):
            outcome.attach(plan)  # pickled without it on the way back
    return found


# -- the pool ------------------------------------------------------------------------------

#: The function, the items and the arguments common to all.
Work = tuple[Callable[..., Any], Sequence[Any], tuple[Any, ...]]

#: What the workers work on, under "work": set before the pool starts (a forked worker
#: finds it here) or sent to each worker once, when it starts.
_SHARED: dict[str, Work] = {}


def _start(modules: Sequence[str], work: Work | None) -> None:
    for name in modules:
        importlib.import_module(name)
    if work is not None:
        _SHARED["work"] = work


def _run(index: int) -> Any:
    function, items, arguments = _SHARED["work"]
    return function(items[index], *arguments)


def _context() -> multiprocessing.context.BaseContext:
    """Forking, where the platform has it and no other thread runs (forking a process
    with threads can deadlock the child); else the platform's default."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def run_many(
    function: Callable[..., R],
    items: Sequence[T],
    *arguments: Any,
    jobs: int = 1,
    modules: Sequence[str] = (),
) -> list[R]:
    """``function(item, *arguments)`` for each of *items*, in order, in *jobs* worker
    processes (here when *jobs* is one). *function* must be importable by name (a
    module's function) and return something picklable.

    Forked workers find the items in memory; others are sent them once each, when they
    start. Either way a task is an index, and only results travel back.
    """
    if jobs <= 1 or len(items) <= 1:
        for name in modules:
            importlib.import_module(name)
        return [function(item, *arguments) for item in items]
    context = _context()
    work = (function, items, arguments)
    forked = context.get_start_method() == "fork"
    if forked:
        _SHARED["work"] = work
    try:
        with ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=context,
            initializer=_start,
            initargs=(tuple(modules), None if forked else work),
        ) as pool:
            # Chunks of a few dozen items: few round trips, and the workers end together.
            chunk = max(1, min(64, len(items) // (jobs * 8)))
            return list(pool.map(_run, range(len(items)), chunksize=chunk))
    finally:
        _SHARED.pop("work", None)


def pairs(
    plans: Iterable[str | os.PathLike[str]], figures: str | os.PathLike[str]
) -> list[tuple[str, str]]:
    """Each plan file with its figures file: ``<figures>/<name>.csv`` (or ``.json``)
    for the plan ``<name>.json``; a folder among *plans* stands for its ``*.json`` files.

    The figures path is given even when the file does not exist: reading it says so.
    """
    found = []
    for one in plans:
        path = Path(one)
        files = sorted(path.glob("*.json")) if path.is_dir() else [path]
        for plan in files:
            csv, json_ = Path(figures, plan.stem + ".csv"), Path(figures, plan.stem + ".json")
            found.append((str(plan), str(json_ if json_.exists() and not csv.exists() else csv)))
    return found
