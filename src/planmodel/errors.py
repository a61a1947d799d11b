"""The exceptions planmodel raises for bad plans and bad figures.

Each carries every problem found, not only the first, and each problem names
where it is: a JSON path such as ``$.targets[3].condition.lo`` or a CSV row and
column.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import field, frozen

from ._untrusted import printable, shorten

__all__ = [
    "ArgumentError",
    "ObservationsError",
    "PlanError",
    "PlanLoadError",
    "PlanModelError",
    "PlanValidationError",
    "Problem",
]


#: The longest message a problem keeps. Messages shorten the bad values they repeat;
#: this is the backstop for any that does not, so that an error stays readable.
MAX_MESSAGE = 1000


def _shown(text: str) -> str:
    # Problems repeat what was read, and end up on terminals: control characters
    # (ESC, which starts escape sequences) are shown escaped, never raw.
    return printable(shorten(text, MAX_MESSAGE))


@frozen
class Problem:
    r"""One thing wrong with an input: where it is, and what was expected.

    >>> str(Problem("$.targets[3].condition.lo", 'expected a number, got "abc"'))
    '$.targets[3].condition.lo: expected a number, got "abc"'

    Both parts are safe to print: control characters are shown as escapes.

    >>> Problem("$.title.en", "bell \x07 here").message
    'bell \\x07 here'
    """

    where: str = field(converter=_shown)
    message: str = field(converter=_shown)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class FieldError(ValueError):
    """A value refused by a class's validator; ``field`` names the offending field,
    so that a loader can point at ``$.term.first`` rather than at ``$.term``."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def __reduce__(self) -> tuple[type[FieldError], tuple[str, str]]:
        return (type(self), (self.field, self.message))


class FieldTypeError(FieldError, TypeError):
    """A field given a value of the wrong type (a string where a year belongs)."""


class PlanModelError(ValueError):
    """Base of every planmodel error that lists problems with an input."""

    #: What was being read, e.g. a file name; shown before the problems.
    subject: str
    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem], subject: str = "") -> None:
        self.problems = tuple(problems)
        self.subject = subject
        super().__init__(self._render())

    def __reduce__(self) -> tuple[type[PlanModelError], tuple[tuple[Problem, ...], str]]:
        return (type(self), (self.problems, self.subject))

    def _render(self) -> str:
        count = len(self.problems)
        head = f"{printable(self.subject)}: " if self.subject else ""
        lines = [f"{head}{count} problem{'s' if count != 1 else ''} found"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)


class PlanError(PlanModelError):
    """A plan, or a document claiming to be one, is not valid."""


class PlanValidationError(PlanError):
    """A plan built in Python breaks a rule: a dangling reference, a duplicate id, …"""


class PlanLoadError(PlanError):
    """A plan file could not be read; lists every problem with its JSON path."""


class ObservationsError(PlanModelError):
    """Observations could not be read or do not fit the plan; lists every problem."""


class ArgumentError(PlanModelError):
    """An argument of a planmodel function is not valid, such as an ``as_of`` date that
    does not exist; each problem names the argument."""
