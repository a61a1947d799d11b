"""The cattrs converter behind every planmodel file, and its error reporting.

The converter is strict where cattrs is lenient by default: a number is not
accepted as a string, a string is not iterated as a list, floats and NaN are not
accepted as numbers, unknown keys are refused, and every measure, condition and
schedule carries a ``kind`` tag. Errors are turned into ``Problem`` s with the
JSON path of the offending value.
"""

from __future__ import annotations

import datetime as dt
import json
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Optional

import attrs
from cattrs import Converter
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from ._frozenmap import FrozenMap
from ._json import NonFinite, Unread, path_join
from ._numbers import MAX_DIGITS, to_decimal
from ._untrusted import ECHO_LIMIT, echo, lone_surrogate, shorten
from .attributes import Attributes
from .conditions import CONDITIONS
from .dates import FORMS as PARTIAL_DATE_FORMS
from .dates import PartialDate
from .errors import FieldError, PlanModelError, Problem
from .kinds import Registry
from .measures import MEASURES, REFERENCES, Measure, Subject
from .observations import Breakdown, Distribution
from .periods import PERIOD_FORMS, FiscalYear, Month, Period, Quarter, to_date, to_json, to_period
from .quantifiers import QUANTIFIERS
from .schedules import SCHEDULES
from .text import Text


class Invalid(ValueError):
    """A value of the wrong shape; ``key`` narrows the path to one of its keys."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


class Invalids(ValueError):
    """Several keys of one object are wrong: each is reported, not only the first."""

    def __init__(self, errors: list[Invalid]) -> None:
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors


def show(value: object) -> str:
    """A JSON-ish rendering of a bad value for an error message, shortened when long.

    >>> show("abc"), show(None), show("x" * 100)[-20:]
    ('"abc"', 'null', 'xx"…(100 characters)')
    """
    if isinstance(value, Unread):
        return shorten(str(value))
    if isinstance(value, str):
        quoted = json.dumps(value[:ECHO_LIMIT], ensure_ascii=False)
        return quoted if len(value) <= ECHO_LIMIT else f"{quoted}…({len(value):,} characters)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int):
        return echo(value)
    return shorten(str(value))


def _expect(what: str, value: object) -> Invalid:
    return Invalid(f"expected {what}, got {show(value)}")


def _unwritable(text: str, key: str | None = None) -> Invalid | None:
    """A problem for text holding a lone surrogate (JSON can spell one, ``"\\ud800"``,
    but no file or terminal can hold it), else ``None``."""
    found = lone_surrogate(text)
    if found is None:
        return None
    return Invalid(
        f"expected text, got a lone surrogate (\\u{ord(found):04x}), which is not a "
        "character and cannot be written as UTF-8",
        key,
    )


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str) or isinstance(value, Unread):
        raise _expect("a string", value)
    problem = _unwritable(value)
    if problem is not None:
        raise problem
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, Decimal) and len(digits := value.as_tuple().digits) > MAX_DIGITS:
        # A whole number too long to read as an int (see _json): say how long, not "not whole".
        raise Invalid(f"expected a whole number, got one of {len(digits):,} digits")
    if isinstance(value, bool) or not isinstance(value, int):
        raise _expect("a whole number", value)
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _expect("true or false", value)
    return value


def _structure_decimal(value: object, _: type) -> Decimal:
    if isinstance(value, NonFinite):
        raise Invalid(f"expected a finite number, got {value}")
    if isinstance(value, Unread):
        raise Invalid(f"{show(value)} is beyond the numbers planmodel computes exactly (10^±50)")
    if isinstance(value, float):
        raise Invalid(
            f"expected an exact number, got the float {value!r}; parse JSON with "
            "decimals (load_plan does) or write the number as a Decimal"
        )
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise _expect("a number", value)
    return to_decimal(value)


def _structure_date(value: object, _: type) -> dt.date:
    if not isinstance(value, str):
        raise _expect('a date "YYYY-MM-DD"', value)
    try:
        return to_date(value)
    except (TypeError, ValueError):
        raise _expect('a date "YYYY-MM-DD"', value) from None


def _structure_partial_date(value: object, _: type) -> PartialDate:
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        # One way to write a date in a file, to whatever precision: as ISO 8601 text.
        raise Invalid(f'a date is written as text, "{value}", not as the number {value}')
    if not isinstance(value, str) or isinstance(value, Unread):
        raise _expect(f"a date {PARTIAL_DATE_FORMS}", value)
    try:
        return PartialDate.parse(value)
    except TypeError:
        raise _expect(f"a date {PARTIAL_DATE_FORMS}", value) from None
    except ValueError as exc:
        raise Invalid(str(exc)) from None


def _structure_period(value: object, _: type) -> Period:
    if isinstance(value, Unread):
        raise _expect(PERIOD_FORMS, value)
    if isinstance(value, str) and value.isascii() and value.isdigit():
        # One way to write a year in a file: as a number, so that it round-trips.
        raise Invalid(f'a year is written as a number ({value}), not as text "{value}"')
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        try:
            return to_period(value)
        except ValueError as exc:
            raise Invalid(str(exc)) from None
        except TypeError:
            pass
    raise _expect(PERIOD_FORMS, value)


def _structure_one_kind(kind: type, words: str) -> Callable[[object, type], Any]:
    def structure(value: object, _: type) -> Any:
        found = _structure_period(value, kind) if isinstance(value, str) else None
        if not isinstance(found, kind):
            raise _expect(words, value)
        return found

    return structure


def _raise_all(errors: list[Invalid]) -> None:
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise Invalids(errors)


def _structure_text(value: object, _: type) -> Text:
    if not isinstance(value, dict):
        raise _expect('an object of language tag → text, e.g. {"vi": "…", "en": "…"}', value)
    errors = []
    for tag, text in value.items():
        if not isinstance(text, str) or isinstance(text, Unread):
            # NaN and Infinity are JSON-ish literals, not text: "NaN" would be a guess.
            errors.append(Invalid(f"expected a string, got {show(text)}", key=tag))
        elif (problem := _unwritable(text, key=tag)) is not None:
            errors.append(problem)
    _raise_all(errors)
    try:
        return Text(value)
    except ValueError as exc:
        raise Invalid(str(exc)) from None


def _structure_distribution(value: object, _: type) -> Distribution:
    if not isinstance(value, dict):
        raise _expect("an object of level → number of units", value)
    _raise_all(
        [
            Invalid(f"expected a whole number of units, got {show(count)}", key=level)
            for level, count in value.items()
            if isinstance(count, bool) or not isinstance(count, int) or count < 0
        ]
    )
    try:
        return Distribution(value)
    except ValueError as exc:
        raise Invalid(str(exc)) from None


def _structure_frozenmap(value: object, kind: type) -> FrozenMap:
    assert issubclass(kind, FrozenMap)
    if not isinstance(value, dict):
        raise _expect(f"an object of {kind.key_word} → {kind.value_word}", value)
    _raise_all(
        [
            Invalid(f"expected a string, got {show(text)}", key=key)
            for key, text in value.items()
            if not isinstance(text, str) or isinstance(text, Unread)
        ]
    )
    _raise_all(
        [
            problem
            for key, text in value.items()
            if (problem := _unwritable(text, key=key)) is not None
        ]
    )
    try:
        return kind(value)
    except ValueError as exc:
        raise Invalid(str(exc)) from None


def _object_hook(converter: Converter, cls: type) -> Callable[[object, type], Any]:
    """cattrs' structuring of an attrs class, refusing anything but a JSON object first."""
    structure_fields: Callable[[Any, Any], Any] = make_dict_structure_fn(cls, converter)

    def structure(value: object, kind: type) -> Any:
        if not isinstance(value, dict):
            raise _expect("an object", value)
        return structure_fields(value, kind)

    # Said on the hook, so that the fast path (planmodel._fast_structure) builds the
    # classes the converter builds from their fields, and no other.
    structure.from_fields = cls  # type: ignore[attr-defined]
    return structure


def _unstructure_object_hook(converter: Converter, cls: type) -> Callable[[Any], Any]:
    """cattrs' unstructuring of an attrs class, as the converter makes it by itself."""
    unstructure: Callable[[Any], Any] = converter.gen_unstructure_attrs_fromdict(cls)
    # Said on the hook, so that the fast path (planmodel._fast_unstructure) writes the
    # classes the converter writes from their fields, and no other.
    unstructure.from_fields = cls  # type: ignore[attr-defined]
    return unstructure


def _literal_hook(kind: Any) -> Callable[[object, type], Any]:
    choices = typing.get_args(kind)

    def structure(value: object, _: type) -> Any:
        if isinstance(value, bool) or value not in choices:
            raise _expect(f"one of {', '.join(show(choice) for choice in choices)}", value)
        return value

    return structure


def _add_note(exc: BaseException, note: str) -> None:
    # BaseException.add_note is new in Python 3.11; cattrs reads __notes__ on any version.
    exc.__dict__.setdefault("__notes__", []).append(note)


def _is_literal(kind: Any) -> bool:
    return typing.get_origin(kind) is typing.Literal


def _is_variadic_tuple(kind: Any) -> bool:
    return typing.get_origin(kind) is tuple and typing.get_args(kind)[-1:] == (Ellipsis,)


def _tuple_hook(converter: Converter, element: Any) -> Callable[[object, type], tuple[Any, ...]]:
    structure_element = converter.get_structure_hook(element)

    def structure(value: object, cl: type) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _expect("a list", value)
        items, errors = [], []
        for index, item in enumerate(value):
            try:
                items.append(structure_element(item, element))
            except Exception as exc:  # noqa: BLE001 - collected and re-raised as a group
                _add_note(exc, IterableValidationNote(f"item @ index {index}", index, element))
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {cl!r}", errors, cl)
        return tuple(items)

    return structure


def _register_tagged(converter: Converter, registry: Registry[Any]) -> None:
    """Structure and unstructure the members of a family by their ``kind`` tag.

    The registry is read on every call, so that kinds registered after the converter
    was built (a user's own) load and dump like the built-in ones.
    """
    base, what = registry.base, registry.family

    def structure(value: object, _: type) -> Any:
        kinds = ", ".join(sorted(registry))
        if not isinstance(value, dict):
            raise _expect(f'a {what} object with a "kind" ({kinds})', value)
        if "kind" not in value:
            raise Invalid(
                f"required key missing; a {what} names its kind, one of: {kinds}", key="kind"
            )
        kind = value["kind"]
        found = registry.get(kind) if isinstance(kind, str) else None
        if found is None:
            raise Invalid(f"unknown {what} kind {show(kind)}; expected one of: {kinds}", key="kind")
        rest = {key: item for key, item in value.items() if key != "kind"}
        return converter.structure(rest, found)

    # Each kind's own hook, found once: a plan's document dispatches on every measure,
    # condition and schedule it holds.
    hooks: dict[type, Callable[[Any], Any]] = {}

    def unstructure(value: Any) -> Any:
        if value is None:
            return None
        kind = type(value)
        hook = hooks.get(kind)
        if hook is None:
            hook = hooks[kind] = converter.get_unstructure_hook(kind)
        return {"kind": kind.kind, **hook(value)}

    optional = Optional[base]  # type: ignore[valid-type]
    converter.register_structure_hook_func(lambda t: t is base, structure)
    converter.register_structure_hook_func(
        lambda t: t == optional, lambda v, t: None if v is None else structure(v, t)
    )
    converter.register_unstructure_hook_func(lambda t: t is base or t == optional, unstructure)


#: The family's base, as cattrs takes it (mypy takes no abstract class as a type[T]).
_MEASURE: Any = Measure


def _register_subject(converter: Converter) -> None:
    """What a measure is of: a metric id (a string) or a measure (an object)."""

    def structure(value: object, _: type) -> Subject:
        if isinstance(value, dict):
            found: Measure = converter.structure(value, _MEASURE)
            return found
        if isinstance(value, str) and not isinstance(value, Unread):
            return value
        raise _expect("a metric id or a measure object", value)

    def unstructure(value: Subject) -> Any:
        return value if isinstance(value, str) else converter.unstructure(value, Measure)

    converter.register_structure_hook_func(lambda t: t == Subject, structure)
    converter.register_unstructure_hook_func(lambda t: t == Subject, unstructure)


def make_converter() -> Converter:
    converter = Converter(forbid_extra_keys=True, omit_if_default=True, detailed_validation=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, lambda value: value)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, lambda value: value.isoformat())
    converter.register_structure_hook(PartialDate, _structure_partial_date)
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    for period_type in (Period, Optional[Period]):
        converter.register_structure_hook(
            period_type,
            lambda v, t: None if v is None and t is not Period else _structure_period(v, t),
        )
        converter.register_unstructure_hook(
            period_type, lambda v: None if v is None else to_json(v)
        )
    for kind, words in (
        (Month, 'a month "YYYY-MM"'),
        (Quarter, 'a quarter "YYYY-Qn"'),
        (FiscalYear, 'a fiscal year "FYyyyy"'),
    ):
        converter.register_structure_hook(kind, _structure_one_kind(kind, words))
        converter.register_unstructure_hook(kind, to_json)
    converter.register_structure_hook(Text, _structure_text)
    converter.register_unstructure_hook(Text, Text.as_dict)
    # Said outright rather than found through cattrs' optional handling: every target,
    # metric and part has optional texts.
    converter.register_unstructure_hook(
        Optional[Text],
        lambda text: None if text is None else text.as_dict(),
    )
    converter.register_structure_hook(Distribution, _structure_distribution)
    converter.register_unstructure_hook(Distribution, lambda dist: dist.as_dict())
    for mapping in (Breakdown, Attributes):
        converter.register_structure_hook(mapping, _structure_frozenmap)
        converter.register_unstructure_hook(mapping, lambda value: dict(value.items_tuple))
    converter.register_structure_hook_factory(attrs.has, lambda cls: _object_hook(converter, cls))
    converter.register_unstructure_hook_factory(
        attrs.has, lambda cls: _unstructure_object_hook(converter, cls)
    )
    converter.register_structure_hook_factory(_is_literal, _literal_hook)
    converter.register_structure_hook_factory(
        _is_variadic_tuple,
        lambda t: _tuple_hook(converter, typing.get_args(t)[0]),
    )
    for registry in (MEASURES, CONDITIONS, SCHEDULES, REFERENCES, QUANTIFIERS):
        _register_tagged(converter, registry)
    _register_subject(converter)
    return converter


# -- turning structuring errors into located problems -----------------------------------


def _allowed_keys(cls: type) -> list[str]:
    keys = [a.alias or a.name for a in attrs.fields(cls) if a.init]
    if hasattr(cls, "kind"):
        keys.insert(0, "kind")
    return keys


def problems_from(exc: BaseException, path: str = "$") -> list[Problem]:
    """Every problem inside a (possibly nested) structuring error, with its path."""
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        found = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            key = note.index if isinstance(note, IterableValidationNote) else note.name
            found += problems_from(sub, path_join(path, key))
        for sub in without:
            found += problems_from(sub, path)
        return found
    if isinstance(exc, ForbiddenExtraKeysError):
        expected = ", ".join(_allowed_keys(exc.cl))
        return [
            Problem(path_join(path, key), f"unknown key; expected one of: {expected}")
            for key in sorted(exc.extra_fields)
        ]
    if isinstance(exc, PlanModelError):
        return list(exc.problems)
    if isinstance(exc, KeyError):
        return [Problem(path, "required key missing")]
    if isinstance(exc, FieldError):
        return [Problem(path_join(path, exc.field), exc.message)]
    if isinstance(exc, Invalids):
        return [problem for error in exc.errors for problem in problems_from(error, path)]
    if isinstance(exc, Invalid):
        return [Problem(path_join(path, exc.key) if exc.key else path, str(exc))]
    if isinstance(exc, (ValueError, TypeError)):
        return [Problem(path, str(exc))]
    return [Problem(path, f"{type(exc).__name__}: {exc}")]


def structure(
    converter: Converter, document: Mapping[str, Any], cls: type, path: str = "$"
) -> tuple[Any, list[Problem]]:
    """Structure *document* as *cls*; return the object (or None) and every problem."""
    try:
        return converter.structure(document, cls), []
    except Exception as exc:  # noqa: BLE001 - every structuring failure becomes a problem
        return None, problems_from(exc, path)


CONVERTER = make_converter()
