"""Untrusted text: control characters shown escaped, long values shortened, and text
no encoding can write told apart."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planmodel._untrusted import (
    ECHO_LIMIT,
    echo,
    lone_surrogate,
    printable,
    shorten,
    stream_safe,
)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2J\x1b]0;owned\x07", "\\x1b[2J\\x1b]0;owned\\x07"),  # clear screen, retitle
        ("a\x00b\x7fc", "a\\x00b\\x7fc"),  # NUL and DEL
        ("\x9b31m", "\\x9b31m"),  # C1: a one-character escape sequence introducer
        ("line\nnext\ttab\r", "line\\x0anext\\x09tab\\x0d"),
        ("\ud800 alone", "\\ud800 alone"),
        ("Long Biên ✓ 預算", "Long Biên ✓ 預算"),  # printable text is left alone
    ],
)
def test_control_characters_and_lone_surrogates_are_shown_escaped(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_characters_kept_for_layout_stay() -> None:
    assert printable("a\nb\x1bc", keep="\n") == "a\nb\\x1bc"


@given(st.text())
def test_printable_text_holds_no_control_character_and_encodes(text: str) -> None:
    shown = printable(text)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in shown)
    shown.encode("utf-8")  # a lone surrogate would raise here
    # Escaping adds only backslash sequences: text without control characters is unchanged.
    if all(c.isprintable() or c == " " for c in text) and lone_surrogate(text) is None:
        assert shown == text


def test_long_values_are_shortened_saying_how_long_they_were() -> None:
    assert shorten("x" * 50, 10) == "xxxxxxxxxx…(50 characters)"
    assert shorten("short") == "short"
    huge = "9" * 50_000_000
    assert echo(huge) == repr("9" * ECHO_LIMIT) + "…(50,000,000 characters)"


def test_echo_escapes_what_it_repeats() -> None:
    assert echo("\x1b[31m") == "'\\x1b[31m'"
    assert echo("\ud800") == "'\\ud800'"


def test_echo_of_an_integer_python_cannot_print() -> None:
    # str() of an int beyond 4,300 digits raises ValueError; echo says how large it is.
    assert echo(10**5000) == "a whole number of about 5,000 digits"
    assert echo(12) == "12"


def test_a_lone_surrogate_is_found() -> None:
    assert lone_surrogate("ok \ud83d") == "\ud83d"
    assert lone_surrogate("😀 a pair read as one character") is None


@pytest.mark.parametrize(
    ("errors", "written"),
    [("backslashreplace", "H\\u1ea1 N\\u1ed9i"), ("xmlcharrefreplace", "H&#7841; N&#7897;i")],
)
def test_text_for_a_stream_that_lacks_characters(errors: str, written: str) -> None:
    assert stream_safe("Hạ Nội", "cp1252", errors) == written
    assert stream_safe("Hạ Nội", "utf-8", errors) == "Hạ Nội"
    assert stream_safe("\ud800", "utf-8") == "\\ud800"
