"""Text from outside planmodel: shown safely, and refused where it cannot be stored.

Plan files and figures come from anywhere, and their text reaches terminals and
error messages. It is shown as written, except for what a terminal would act on
instead of displaying (control characters: ESC starts an escape sequence that can
recolour, move the cursor or retitle the window) and what no encoding can write
(a lone surrogate, which JSON's ``\\ud800`` escape can produce): those are shown as
Python-style escapes, ``\\x1b`` and ``\\ud800``. A bad value echoed in an error
message is shortened, so that a 50 MB string where a number belongs gives a
one-line message.
"""

from __future__ import annotations

import re
import sys

#: C0 controls, DEL, C1 controls and the surrogate range: never shown raw.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")

#: How many characters of a bad value an error message repeats.
ECHO_LIMIT = 80


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, keep: str = "") -> str:
    r"""*text* with every control character and lone surrogate written as an escape,
    except the characters in *keep* (say ``"\n"`` where a line break is layout).

    >>> printable("red \x1b[31m alert")
    'red \\x1b[31m alert'
    >>> printable("a\tb\n", keep="\n")
    'a\\x09b\n'
    """
    if not _UNSHOWABLE.search(text):
        return text
    return _UNSHOWABLE.sub(lambda found: found[0] if found[0] in keep else _escape(found[0]), text)


def shorten(text: str, limit: int = ECHO_LIMIT) -> str:
    """*text* cut to *limit* characters, saying how long it was.

    >>> shorten("x" * 100, 5)
    'xxxxx…(100 characters)'
    """
    if len(text) <= limit:
        return text
    return f"{text[:limit]}…({len(text):,} characters)"


def echo(value: object) -> str:
    """A bad value as an error message repeats it: its ``repr``, cut to
    ``ECHO_LIMIT`` characters and with control characters escaped.

    >>> echo("94,10"), echo("a" * 90)[-20:]
    ("'94,10'", "aaa'…(90 characters)")
    """
    if isinstance(value, str) and len(value) > ECHO_LIMIT:
        return f"{value[:ECHO_LIMIT]!r}…({len(value):,} characters)"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 1000:
        # repr() of an int past sys.get_int_max_str_digits() raises; its size is enough.
        return f"a whole number of about {int(value.bit_length() * 0.30103):,} digits"
    return printable(shorten(repr(value)))


def lone_surrogate(text: str) -> str | None:
    """The first lone surrogate in *text*, or ``None``.

    In a Python string a surrogate is always alone: a valid pair (from JSON's
    ``\\ud83d\\ude00``) is read as the one character it encodes.
    """
    # UTF-8 writes every character but a surrogate: where encoding fails is where the
    # first surrogate is. Several times faster than searching with a pattern, and
    # every text of every plan read is checked.
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return text[exc.start]
    return None


def stream_safe(text: str, encoding: str | None, errors: str = "backslashreplace") -> str:
    """*text* with whatever *encoding* cannot write replaced by *errors*' rendering, so
    that writing it to a stream in that encoding (cp1252, say) cannot fail."""
    codec = encoding or sys.getdefaultencoding()
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return text.encode(codec, errors).decode(codec)
    except LookupError:
        return text
    return text
