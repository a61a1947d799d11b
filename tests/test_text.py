"""Text: every human-readable string of a plan, by language tag, kept verbatim."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planmodel import Text
from planmodel._converter import CONVERTER
from planmodel.strategies import texts

# The source's own words (sources/longbien_2020_2025.vi.txt, target 6).
COVERAGE_VI = "Tỷ lệ bao phủ bảo hiểm y tế đến cuối năm 2025: 95%"

tags = st.from_regex(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,2}", fullmatch=True)
statements = st.text(min_size=1).filter(lambda s: s.strip() != "")


def test_text_is_looked_up_by_language_tag() -> None:
    text = Text(vi=COVERAGE_VI, en="Health-insurance coverage by the end of 2025: 95%")
    assert text["vi"] == COVERAGE_VI
    assert text["en"].startswith("Health-insurance")
    assert "vi" in text
    assert "fr" not in text
    with pytest.raises(KeyError):
        text["fr"]


def test_tags_with_subtags_are_accepted_through_the_mapping_form() -> None:
    # "zh-Hant" is not a Python keyword argument; the mapping form takes any tag.
    text = Text({"zh-Hant": "預算收入", "vi": "Thu ngân sách"})
    assert text["zh-Hant"] == "預算收入"
    assert text.languages == ("vi", "zh-Hant")


def test_mapping_and_keywords_merge_with_keywords_winning() -> None:
    text = Text({"vi": "cũ", "en": "budget"}, vi="mới")
    assert text.as_dict() == {"en": "budget", "vi": "mới"}


def test_languages_are_sorted_so_equality_ignores_the_order_given() -> None:
    first = Text(vi="Thu ngân sách", en="Budget revenue")
    second = Text(en="Budget revenue", vi="Thu ngân sách")
    assert first == second
    assert hash(first) == hash(second)
    assert first.languages == ("en", "vi")
    assert list(first) == ["en", "vi"]


def test_different_wording_is_a_different_text() -> None:
    assert Text(vi="Thu ngân sách") != Text(vi="Thu ngân sách ")
    assert Text(vi="Thu ngân sách") != Text(vi="Thu ngân sách", en="Budget revenue")


def test_the_source_text_is_kept_verbatim() -> None:
    # Decomposed diacritics are not normalised: the source language is kept as given.
    decomposed = unicodedata.normalize("NFD", COVERAGE_VI)
    assert decomposed != COVERAGE_VI
    assert Text(vi=decomposed)["vi"] == decomposed
    padded = "  Thu ngân sách\n"
    assert Text(vi=padded)["vi"] == padded


def test_pick_takes_the_first_preferred_language_present() -> None:
    text = Text(vi="Mục tiêu", en="Objective")
    assert text.pick("fr", "en") == "Objective"
    assert text.pick("vi", "en") == "Mục tiêu"


def test_pick_falls_back_to_some_language_rather_than_failing() -> None:
    assert Text(vi="Mục tiêu").pick("en", "fr") == "Mục tiêu"


@pytest.mark.parametrize("blank", ["", " ", "\n\t "])
def test_empty_text_is_refused(blank: str) -> None:
    with pytest.raises(ValueError, match="text for 'vi' is empty"):
        Text(vi=blank)


def test_text_needs_at_least_one_language() -> None:
    with pytest.raises(ValueError, match="text needs at least one language"):
        Text()
    with pytest.raises(ValueError, match="text needs at least one language"):
        Text({})


@pytest.mark.parametrize("tag", ["v", "vietnamese", "vi_VN", "vi-", "-vi", "vi-VN-", "1a", "en!"])
def test_a_bad_language_tag_is_refused(tag: str) -> None:
    with pytest.raises(ValueError, match="is not a language tag \\(like 'vi' or 'en'\\)") as info:
        Text({tag: "text"})
    assert repr(tag) in str(info.value)


def test_text_must_be_a_string() -> None:
    with pytest.raises(TypeError, match="text for 'vi' must be a string, got 5"):
        Text({"vi": 5})  # type: ignore[dict-item]


@given(st.dictionaries(tags, statements, min_size=1, max_size=4))
def test_any_mapping_of_tags_to_statements_is_kept_exactly(
    translations: dict[str, str],
) -> None:
    text = Text(translations)
    assert text.as_dict() == translations
    assert text.languages == tuple(sorted(translations))
    for tag, statement in translations.items():
        assert text[tag] == statement
        assert text.pick(tag) == statement


@given(texts())
def test_text_round_trips_through_its_json_form(text: Text) -> None:
    document = CONVERTER.unstructure(text, Text)
    assert document == text.as_dict()
    assert CONVERTER.structure(document, Text) == text


def test_a_lone_surrogate_is_refused_where_the_text_is_made() -> None:
    # It cannot be written as UTF-8: refused here, not when a report is written.
    with pytest.raises(ValueError, match="text for 'en' holds a lone surrogate"):
        Text(vi="Mục tiêu", en="\ud800")


def test_tags_found_valid_are_remembered_within_a_bound() -> None:
    from planmodel import text as module

    for index in range(module._REMEMBERED + 10):
        assert Text({f"xx-{index}": "word"}).languages == (f"xx-{index}",)
    assert len(module._TAGS) <= module._REMEMBERED
    with pytest.raises(ValueError, match="not a language tag"):
        Text({"not a tag": "word"})
    assert "not a tag" not in module._TAGS
