"""JSON text in and out without losing digits or hiding duplicate keys.

The standard library reads numbers as floats and keeps the last of two equal
keys; here numbers are read as ``Decimal``, ``NaN``/``Infinity`` are marked for
the structuring step to refuse, and duplicate keys are reported with their path.
"""

from __future__ import annotations

import decimal
import json
from decimal import Decimal
from typing import Any

import msgspec

from ._untrusted import shorten
from .errors import Problem


class Unread(str):
    """A number literal kept as its text because it cannot be read as a number; the
    structuring step refuses it, with its JSON path, wherever a value is expected."""


class NonFinite(Unread):
    """Placeholder for a ``NaN`` or ``Infinity`` literal, refused where a number is expected."""


class OutOfRange(Unread):
    """Placeholder for a number whose exponent is beyond ``Decimal``: ``1e99999999999999999999``."""


class _Object(dict[str, Any]):
    """A JSON object that remembers which of its keys were repeated."""

    duplicates: list[str]


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    result = _Object()
    result.duplicates = []
    for key, value in pairs:
        if key in result:
            result.duplicates.append(key)
        result[key] = value
    return result


#: Longer integers are read as decimals: int() refuses more than 4,300 digits with
#: an error that names no JSON path, and nothing planmodel reads has half as many.
_LONGEST_INT = 60


def _decimal(text: str) -> Decimal | OutOfRange:
    try:
        return Decimal(text)
    except decimal.InvalidOperation:
        return OutOfRange(text)


def _integer(text: str) -> int | Decimal:
    # int("-0") is 0: the sign would be lost, and with it the round trip's exact digits.
    return Decimal(text) if text == "-0" or len(text) > _LONGEST_INT else int(text)


def path_join(path: str, key: str | int) -> str:
    """*path* extended by an object key or a list index: ``$.targets[3].text``.

    A key that could not be typed (one of thousands of characters) is shortened.
    """
    if isinstance(key, int):
        return f"{path}[{key}]"
    if key.isidentifier():
        return f"{path}.{shorten(key)}"
    return f"{path}[{shorten(json.dumps(key, ensure_ascii=False))}]"


def _duplicates(node: Any, path: str) -> list[Problem]:
    found = []
    if isinstance(node, _Object):
        found += [Problem(path_join(path, key), "duplicate key") for key in node.duplicates]
        for key, value in node.items():
            found += _duplicates(value, path_join(path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _duplicates(value, path_join(path, index))
    return found


def read_json(text: str | bytes) -> tuple[Any, list[Problem]]:
    """Parse JSON text; return the document and the duplicate-key problems.

    Raises ``ValueError`` with the line and column when the text is not JSON.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValueError(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    try:
        document = json.loads(
            text,
            parse_float=_decimal,
            parse_int=_integer,
            parse_constant=NonFinite,
            object_pairs_hook=_object,
        )
        duplicates = _duplicates(document, "$")
    except json.JSONDecodeError as exc:
        raise ValueError(
            f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise ValueError("not valid here: JSON nested deeper than Python can read") from None
    return document, duplicates


_DECODE = msgspec.json.Decoder(float_hook=Decimal)
_ENCODE = msgspec.json.Encoder(decimal_format="number")


def read_json_quickly(text: bytes) -> tuple[Any] | None:
    """``(document,)``: the document *text* holds, read by msgspec, when it is the
    document :func:`read_json` reads and has no duplicate key; ``None`` when that cannot
    be vouched for (the caller then reads it with :func:`read_json`).

    msgspec reads numbers as the stdlib reader is told to (floats as ``Decimal`` of
    their text), but keeps the last of two equal keys without a word. Writing the
    document back compactly shows whether anything was lost: when the text, stripped
    of its spaces, is exactly what msgspec writes for the document, no key was dropped
    (a written document has no duplicate keys) and every number and string was read
    as written. A duplicate, an escape written otherwise (``\u00e9``), a number such
    as ``1e2`` or ``-0``, NaN, a lone surrogate or a byte order mark all take the
    stdlib's path, which reads and locates them as before.
    """
    try:
        document = _DECODE.decode(text)
        if msgspec.json.format(text, indent=-1) != _ENCODE.encode(document):
            return None
    except Exception:  # noqa: BLE001 - whatever msgspec refuses, the stdlib reader reports
        return None
    return (document,)


def write_json(document: Any, *, plain: bool = False) -> str:
    """Deterministic JSON text: two-space indent, UTF-8 kept, exact decimals, final newline.

    With *plain*, the caller vouches that the document holds nothing but objects with
    string keys, lists, tuples, strings, whole numbers, booleans, ``None`` and decimals
    (as a document planmodel builds from its own kinds does): it is then written by
    msgspec and laid out by its formatter, which give the same text as the writer below
    (the standard library's escapes, ``str()`` of each decimal, two-space indent) in a
    tenth of the time. msgspec would also write a float or a set, which must not reach
    a file; so without *plain*, or where msgspec will not write something (a NaN), the
    writer below writes the document, and says what it cannot write.
    """
    if plain:
        try:
            encoded = msgspec.json.format(_ENCODE.encode(document), indent=2)
            # The line end added to the bytes: a shorter copy than of the text.
            return (encoded + b"\n").decode("utf-8")
        except Exception:  # noqa: BLE001 - the writer below raises the error to report
            pass
    return _write(document, 0) + "\n"


def _write(node: Any, depth: int) -> str:
    pad, inner = "  " * depth, "  " * (depth + 1)
    if isinstance(node, dict):
        if not node:
            return "{}"
        items = [
            f"{inner}{json.dumps(key, ensure_ascii=False)}: {_write(value, depth + 1)}"
            for key, value in node.items()
        ]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(node, (list, tuple)):
        if not node:
            return "[]"
        return "[\n" + ",\n".join(f"{inner}{_write(v, depth + 1)}" for v in node) + f"\n{pad}]"
    if isinstance(node, Decimal):
        if not node.is_finite():
            raise ValueError(f"cannot write {node} as JSON")
        return str(node)
    if isinstance(node, (str, bool, int)) or node is None:
        return json.dumps(node, ensure_ascii=False)
    raise TypeError(f"cannot write {type(node).__name__} as JSON")
