"""The error types: one catchable family, every problem listed with where it is."""

from __future__ import annotations

import pickle

import pytest

from planmodel import (
    ArgumentError,
    ObservationsError,
    PlanError,
    PlanLoadError,
    PlanModelError,
    PlanValidationError,
    Problem,
)


def test_a_problem_reads_as_where_then_what() -> None:
    problem = Problem("$.targets[3].condition.lo", 'expected a number, got "abc"')
    assert str(problem) == '$.targets[3].condition.lo: expected a number, got "abc"'


def test_problems_compare_by_value() -> None:
    assert Problem("row 2", "x") == Problem("row 2", "x")
    assert Problem("row 2", "x") != Problem("row 3", "x")
    assert len({Problem("row 2", "x"), Problem("row 2", "x")}) == 1


@pytest.mark.parametrize(
    ("error", "parents"),
    [
        (PlanLoadError, (PlanError, PlanModelError, ValueError)),
        (PlanValidationError, (PlanError, PlanModelError, ValueError)),
        (ObservationsError, (PlanModelError, ValueError)),
        (ArgumentError, (PlanModelError, ValueError)),
    ],
)
def test_one_family_can_be_caught_at_once(
    error: type[PlanModelError], parents: tuple[type[Exception], ...]
) -> None:
    assert issubclass(error, parents)
    with pytest.raises(PlanModelError):
        raise error([Problem("$", "bad")])


def test_observation_errors_are_not_plan_errors() -> None:
    # A caller that handles a bad plan file must not swallow bad figures by accident.
    assert not issubclass(ObservationsError, PlanError)
    assert not issubclass(PlanLoadError, PlanValidationError)
    assert not issubclass(PlanValidationError, PlanLoadError)


def test_the_message_lists_every_problem_on_its_own_line() -> None:
    error = PlanLoadError(
        [Problem("$.tittle", "unknown key"), Problem("$.term.first", "expected a whole number")],
        subject="plan.json",
    )
    assert str(error) == (
        "plan.json: 2 problems found\n"
        "  $.tittle: unknown key\n"
        "  $.term.first: expected a whole number"
    )
    assert error.subject == "plan.json"


def test_one_problem_is_singular_and_no_subject_means_no_prefix() -> None:
    error = ObservationsError([Problem("row 4, column period", "expected a year")])
    assert str(error) == "1 problem found\n  row 4, column period: expected a year"
    assert error.subject == ""


def test_problems_are_kept_as_a_tuple_in_order() -> None:
    found = (Problem(f"$.targets[{i}]", "bad") for i in range(3))
    error = PlanValidationError(found)
    assert error.problems == (
        Problem("$.targets[0]", "bad"),
        Problem("$.targets[1]", "bad"),
        Problem("$.targets[2]", "bad"),
    )


def test_errors_survive_pickling() -> None:
    # Errors cross process boundaries (multiprocessing, test runners) by pickling.
    error = PlanLoadError([Problem("$.a", "bad")], subject="plan.json")
    copy = pickle.loads(pickle.dumps(error))
    assert copy.problems == error.problems
    assert copy.subject == "plan.json"
    assert str(copy) == str(error)


def test_a_problem_shows_control_characters_escaped() -> None:
    # Problems repeat what was read and end up on terminals: ESC must not reach one.
    problem = Problem('$["\x1b[2J"]', "got \x1b]0;owned\x07 and \ud800")
    assert str(problem) == '$["\\x1b[2J"]: got \\x1b]0;owned\\x07 and \\ud800'
    error = PlanLoadError([problem], subject="plan\x1b[31m.json")
    assert "\x1b" not in str(error)
    assert str(error).startswith("plan\\x1b[31m.json: 1 problem found")


def test_a_problem_message_is_kept_readable_whatever_it_repeats() -> None:
    problem = Problem("$.id", "x" * 5000)
    assert problem.message == "x" * 1000 + "…(5,000 characters)"
