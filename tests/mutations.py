"""Hypothesis strategies that break valid documents, for the fuzzing tests.

A mutation starts from a valid plan or observations file and changes one to three
places in it: a node deleted, replaced by a hostile value, a key added, an item
repeated; or, for CSV, characters inserted, deleted or replaced where the format
is most fragile (commas, quotes, line ends, digits). Hostile values are what files
in the wild hold: numbers across and beyond the accepted range, NaN, text with
control characters and lone surrogates, the wrong types, deep nesting.

Settings are bounded (``FUZZ``), so that the fuzzing runs in every test run,
within a few minutes on a small CI machine.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from planmodel._numbers import MAX_DIGITS, MAX_MAGNITUDE

#: Fuzzing runs in the normal test run: at most this many examples a test, however
#: many the profile asks for, with no deadline (a slow machine is not a failure).
FUZZ = settings(
    max_examples=min(settings().max_examples, 120),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


class Literal(str):
    """A value written into JSON text as it is, unquoted: NaN, -Infinity, 1e99999."""


# -- numbers ------------------------------------------------------------------------------


@st.composite
def accepted_numbers(draw: st.DrawFn) -> Decimal:
    """Any number planmodel accepts: up to 50 significant digits, between 10^-50 and
    10^50 in magnitude, either sign, drawn across the whole range rather than near 0."""
    size = draw(st.integers(1, MAX_DIGITS))
    digits = (
        draw(st.integers(10 ** (size - 1), 10**size - 1)) if size > 1 else draw(st.integers(0, 9))
    )
    exponent = draw(st.integers(-MAX_MAGNITUDE, MAX_MAGNITUDE - (size - 1)))
    sign = draw(st.sampled_from([1, -1]))
    # Built from its parts: scaleb would round to the context's 28 digits.
    return Decimal(f"{sign * digits}E{exponent}")


_BEYOND = st.sampled_from(
    [
        Literal("NaN"),
        Literal("-Infinity"),
        Literal("1e99999999999999999999"),
        Literal("1e400"),
        Literal("1e-60"),
        Literal("-0"),
    ]
) | st.sampled_from([5000, 60]).map(lambda size: Literal("9" * size))


# -- hostile values -----------------------------------------------------------------------

#: Characters that break parsers, layouts and terminals, with ordinary text around them.
_NASTY = "\x00\x07\x1b\x7f\x85\x9b\u2028\u202e\ud800\udfff\ufeff\"',\r\n\t\\<>&|*_~$#[]`"
_TEXT = st.text(st.sampled_from(_NASTY) | st.characters(codec="utf-8"), max_size=12)


def hostile_values() -> st.SearchStrategy[Any]:
    """What a file in the wild may hold where something else belongs."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**30), 10**30),
        accepted_numbers(),
        _BEYOND,
        _TEXT,
        st.sampled_from(["", " ", "2023", "2023-02-30", "value", "kind"]),
        st.just(20_000).map(lambda size: "9" * size),
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
        max_leaves=6,
    )


# -- JSON documents -----------------------------------------------------------------------


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every node below *node*, parents before children."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*path, key)
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*path, index)
            yield from _paths(value, (*path, index))


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        document = document[key]
    return document


#: Text a plan may hold (anything but blank, or a lone surrogate): hostile to
#: terminals and Markdown, yet valid, so that it reaches every report.
_SOME_TEXT = st.text(
    st.sampled_from(_NASTY.replace("\ud800", "").replace("\udfff", ""))
    | st.characters(codec="utf-8"),
    min_size=1,
    max_size=12,
).filter(lambda text: bool(text.strip()))


#: Keys whose string values are free text (a Text's languages, notes, units, URLs),
#: as opposed to ids, dates and kinds, which have a form to keep.
_FREE_TEXT = frozenset({"vi", "en", "note", "source", "unit", "url"})


@st.composite
def mutated(draw: st.DrawFn, document: dict[str, Any]) -> dict[str, Any]:
    """*document* with one to three places changed.

    Half the changes keep the document's shape (a text replaced by other text, a
    number by another accepted number), so that many mutants are still valid and
    go on to be evaluated and written; the others break it.
    """
    found = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 3))):
        paths = list(_paths(found))
        texts = [p for p in paths if type(_at(found, p)) is str and p[-1] in _FREE_TEXT]
        numbers = [p for p in paths if isinstance(_at(found, p), Decimal)]
        change = draw(
            st.sampled_from(
                ["text", "text", "number", "number", "replace", "delete", "add", "repeat"]
            )
        )
        if change == "text" and texts:
            path = draw(st.sampled_from(texts))
            _at(found, path[:-1])[path[-1]] = draw(_SOME_TEXT)
            continue
        if change == "number" and numbers:
            path = draw(st.sampled_from(numbers))
            _at(found, path[:-1])[path[-1]] = draw(accepted_numbers())
            continue
        path = draw(st.sampled_from(paths))
        parent, key = _at(found, path[:-1]), path[-1]
        if change in ("replace", "text", "number"):
            parent[key] = draw(hostile_values() | _BEYOND)
        elif change == "delete":
            del parent[key]
        elif change == "add" and isinstance(parent, dict):
            parent[draw(_TEXT | st.sampled_from(["kind", "value", "note", "lo"]))] = draw(
                hostile_values()
            )
        elif isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
    return found


def to_text(node: Any, ascii_only: bool = False) -> str:
    """JSON text for *node*; ``Literal`` values written bare, any int written out."""
    if isinstance(node, Literal):
        return str(node)
    if isinstance(node, dict):
        items = (
            f"{to_text(str(k), ascii_only)}: {to_text(v, ascii_only)}" for k, v in node.items()
        )
        return "{" + ", ".join(items) + "}"
    if isinstance(node, list):
        return "[" + ", ".join(to_text(item, ascii_only) for item in node) + "]"
    if isinstance(node, bool) or node is None:
        return json.dumps(node)
    if isinstance(node, int):
        return str(Decimal(node))  # str() of an int stops at 4,300 digits
    if isinstance(node, Decimal):
        return str(node)
    return json.dumps(node, ensure_ascii=ascii_only)


def same_leaves(written: Any, read: Any) -> bool:
    """Whether every value *read* back (a dumped document) is the value *written* at
    the same place, digit for digit: the defaults a dump leaves out aside."""
    if isinstance(read, dict):
        return isinstance(written, dict) and all(
            key in written and same_leaves(written[key], value) for key, value in read.items()
        )
    if isinstance(read, list):
        return (
            isinstance(written, list)
            and len(written) == len(read)
            and all(same_leaves(w, r) for w, r in zip(written, read, strict=True))
        )
    if isinstance(read, Decimal) or (isinstance(read, int) and not isinstance(read, bool)):
        return (
            isinstance(written, (int, Decimal))
            and not isinstance(written, bool)
            and Decimal(written).as_tuple() == Decimal(read).as_tuple()
        )
    return type(written) is type(read) and written == read


# -- CSV text -------------------------------------------------------------------------------

#: What breaks CSV: separators, quotes, line ends, digits and signs, and worse.
_CSV_PIECES = st.sampled_from(
    [
        *(",", '"', '""', "\r", "\n", "\r\n", " ", "\t", ".", "e", "-", "+", "0", "9"),
        *("²", "٣", "\x1b", "\x00", "\ud800", "NaN", "1e99999", "9" * 60, "ước"),
        *(",,", '",', ',"'),
    ]
)


@st.composite
def mutated_csv(draw: st.DrawFn, text: str) -> str:
    """*text* with one to four edits where CSV is fragile."""
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        change = draw(st.sampled_from(["insert", "delete", "replace", "cell"]))
        if change == "insert":
            text = text[:at] + draw(_CSV_PIECES) + text[at:]
        elif change == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 3)) :]
        elif change == "replace":
            text = text[:at] + draw(_CSV_PIECES) + text[at + 1 :]
        else:
            # A whole cell replaced, quoted or not: the cell from `at` to the next comma.
            end = min(
                [i for i in (text.find(",", at), text.find("\n", at)) if i >= 0] or [len(text)]
            )
            cell = draw(_TEXT | st.builds(str, accepted_numbers()))
            if draw(st.booleans()):
                cell = '"' + cell.replace('"', '""') + '"'
            text = text[:at] + cell + text[end:]
    return text
