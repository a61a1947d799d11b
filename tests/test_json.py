"""JSON text in and out: numbers as exact decimals, duplicate keys found, UTF-8 kept."""

from __future__ import annotations

import codecs
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planmodel import Problem
from planmodel._json import (
    NonFinite,
    OutOfRange,
    path_join,
    read_json,
    read_json_quickly,
    write_json,
)

numbers = st.decimals(allow_nan=False, allow_infinity=False)
scalars = st.none() | st.booleans() | st.integers() | st.text() | numbers
documents: st.SearchStrategy[Any] = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


def test_numbers_are_read_as_decimals_with_their_digits() -> None:
    document, problems = read_json('{"a": 7.20, "b": 1E+2, "c": -0.0, "d": 0.1}')
    assert problems == []
    assert [str(document[key]) for key in "abcd"] == ["7.20", "1E+2", "-0.0", "0.1"]
    assert all(isinstance(document[key], Decimal) for key in "abcd")


def test_whole_numbers_stay_whole_numbers() -> None:
    document, _ = read_json('{"year": 2023, "flag": true, "none": null}')
    assert document == {"year": 2023, "flag": True, "none": None}
    assert type(document["year"]) is int


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_marked_for_refusal_not_read_as_numbers(literal: str) -> None:
    document, _ = read_json(f'{{"lo": {literal}}}')
    assert isinstance(document["lo"], NonFinite)
    assert document["lo"] == literal


def test_an_exponent_decimal_cannot_hold_is_marked_for_refusal() -> None:
    # Decimal("1e99999999999999999999") raises InvalidOperation, which is no ValueError:
    # it escaped json.loads, and every caller, as a traceback.
    document, _ = read_json('{"lo": 1e99999999999999999999, "hi": -1E-99999999999999999999}')
    assert isinstance(document["lo"], OutOfRange)
    assert isinstance(document["hi"], OutOfRange)
    assert document["lo"] == "1e99999999999999999999"


def test_a_whole_number_of_thousands_of_digits_is_read_as_a_decimal() -> None:
    # int() refuses more than 4,300 digits with an error that has no JSON path.
    document, _ = read_json('{"n": ' + "7" * 5000 + "}")
    assert document["n"] == Decimal("7" * 5000)


def test_a_path_shortens_a_key_no_one_could_type() -> None:
    assert path_join("$", "k" * 100) == f"$.{'k' * 80}…(100 characters)"
    assert path_join("$", "a b" * 50) == '$["' + ("a b" * 50)[:79] + "…(152 characters)]"


def test_duplicate_keys_are_reported_with_their_path() -> None:
    text = (
        '{"id": "a", "id": "b", '
        '"targets": [{"x": 1}, {"x": 1, "x": 2, "zh-Hant": 1, "zh-Hant": 2}]}'
    )
    document, problems = read_json(text)
    assert problems == [
        Problem("$.id", "duplicate key"),
        Problem("$.targets[1].x", "duplicate key"),
        Problem('$.targets[1]["zh-Hant"]', "duplicate key"),
    ]
    # The document is still returned so that every other problem can be found too.
    assert document["targets"][0] == {"x": 1}


def test_a_key_repeated_three_times_is_reported_twice() -> None:
    _, problems = read_json('{"a": 1, "a": 2, "a": 3}')
    assert problems == [Problem("$.a", "duplicate key"), Problem("$.a", "duplicate key")]


def test_not_json_names_the_line_and_column() -> None:
    with pytest.raises(ValueError, match=r"^not valid JSON: .* \(line 3, column 11\)$"):
        read_json('{\n  "id": "a",\n  "term": }')


def test_bytes_are_read_as_utf8_with_or_without_a_byte_order_mark() -> None:
    text = '{"title": "Quận Long Biên"}'
    assert read_json(text.encode())[0] == {"title": "Quận Long Biên"}
    assert read_json(codecs.BOM_UTF8 + text.encode())[0] == {"title": "Quận Long Biên"}


def test_bytes_that_are_not_utf8_are_refused_with_the_byte_offset() -> None:
    with pytest.raises(ValueError, match=r"^not UTF-8 text \(invalid start byte at byte 10\)$"):
        read_json(b'{"title": \xff}')


@pytest.mark.parametrize(
    ("path", "key", "joined"),
    [
        ("$", "targets", "$.targets"),
        ("$.targets", 3, "$.targets[3]"),
        ("$.title", "zh-Hant", '$.title["zh-Hant"]'),
        ("$.distribution", "hoàn thành", '$.distribution["hoàn thành"]'),
        ("$", "", '$[""]'),
    ],
)
def test_paths_use_dots_for_names_and_brackets_otherwise(
    path: str, key: str | int, joined: str
) -> None:
    assert path_join(path, key) == joined


def test_writing_is_indented_ordered_and_ends_with_a_newline() -> None:
    document = {
        "schema": "planmodel/1",
        "term": {"first": 2020, "last": 2025},
        "objective": [{"vi": "Phát triển"}],
        "empty": {},
        "none": [],
        "flag": False,
        "nothing": None,
        "value": Decimal("7.20"),
    }
    assert write_json(document) == (
        "{\n"
        '  "schema": "planmodel/1",\n'
        '  "term": {\n'
        '    "first": 2020,\n'
        '    "last": 2025\n'
        "  },\n"
        '  "objective": [\n'
        "    {\n"
        '      "vi": "Phát triển"\n'
        "    }\n"
        "  ],\n"
        '  "empty": {},\n'
        '  "none": [],\n'
        '  "flag": false,\n'
        '  "nothing": null,\n'
        '  "value": 7.20\n'
        "}\n"
    )


def test_vietnamese_is_written_as_utf8_not_escaped() -> None:
    text = write_json({"vi": "Giảm ¾ số hộ nghèo"})
    assert "Giảm ¾ số hộ nghèo" in text
    assert "\\u" not in text


def test_strings_are_escaped_where_json_requires() -> None:
    text = write_json({"note": 'say "hi"\nthen\tgo\\'})
    assert read_json(text)[0] == {"note": 'say "hi"\nthen\tgo\\'}


def test_tuples_are_written_as_lists() -> None:
    assert write_json((1, 2)) == "[\n  1,\n  2\n]\n"


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_non_finite_decimals_are_not_written(bad: Decimal) -> None:
    with pytest.raises(ValueError, match=r"^cannot write .* as JSON$"):
        write_json({"lo": bad})


@pytest.mark.parametrize("bad", [0.1, {1, 2}, object()])
def test_floats_and_other_objects_are_not_written(bad: object) -> None:
    # A float that reached the writer would carry binary rounding into the file.
    with pytest.raises(TypeError, match=r"^cannot write .* as JSON$"):
        write_json({"lo": bad})


@given(documents)
def test_text_read_and_written_again_is_byte_identical(document: Any) -> None:
    text = write_json(document)
    again, problems = read_json(text)
    assert problems == []
    assert again == document
    assert write_json(again) == text


@given(numbers)
def test_every_finite_decimal_keeps_its_digits(number: Decimal) -> None:
    document, _ = read_json(write_json({"value": number}))
    assert str(document["value"]) == str(number)


def test_negative_zero_keeps_its_sign() -> None:
    text = write_json({"value": Decimal("-0")})
    document, _ = read_json(text)
    assert str(document["value"]) == "-0"
    assert write_json(document) == text


# -- reading quickly: msgspec, where it reads what the stdlib reader reads --------------------


@given(documents)
def test_text_read_quickly_is_what_the_reader_reads(document: Any) -> None:
    text = write_json(document)
    found = read_json_quickly(text.encode("utf-8"))
    if "-0" not in text:  # msgspec reads -0 as 0: the reader is asked instead
        assert found is not None
    if found is not None:
        assert write_json(found[0]) == write_json(read_json(text)[0]) == text


@given(documents)
def test_a_plain_document_is_written_as_the_writer_writes_it(document: Any) -> None:
    assert write_json(document, plain=True) == write_json(document)


@pytest.mark.parametrize(
    "text",
    [
        b'{"a": 1, "a": 2}',  # a duplicate key: the reader reports it
        b'{"a": {"b": 1, "c": 2, "b": 3}}',
        b'{"a": NaN}',  # marked for refusal by the reader
        b'{"a": -0}',  # read as Decimal("-0") by the reader, 0 by msgspec
        b'{"a": 1e2}',  # the digits as written: 1e2, not 1E+2
        b'{"a": "\\u00e9"}',  # written otherwise: the check cannot vouch
        b'{"a": "\\ud800"}',  # a lone surrogate: refused, with its path, by the reader
        b'\xef\xbb\xbf{"a": 1}',  # a byte order mark
        b'{"a": 1',  # not JSON: the reader says where
        b"\xff",  # not UTF-8
    ],
)
def test_what_msgspec_cannot_vouch_for_is_left_to_the_reader(text: bytes) -> None:
    assert read_json_quickly(text) is None


@pytest.mark.parametrize("bad", [object(), Decimal("NaN")])
def test_a_document_said_to_be_plain_is_still_refused_what_json_cannot_hold(
    bad: object,
) -> None:
    with pytest.raises((TypeError, ValueError), match=r"^cannot write .* as JSON$"):
        write_json({"lo": bad}, plain=True)
