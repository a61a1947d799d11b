"""Multilingual text: every human-readable string of a plan, by language tag."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from attrs import frozen

from ._untrusted import lone_surrogate

__all__ = ["Text"]

#: A language tag: ``vi``, ``en``, ``zh-Hant``.
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def is_language_tag(tag: object) -> bool:
    return isinstance(tag, str) and _is_tag(tag)


def _is_tag(tag: str) -> bool:
    if LANGUAGE_TAG.fullmatch(tag) is None:
        return False
    # A plan names a handful of languages thousands of times: each is matched once.
    if len(_TAGS) < _REMEMBERED:
        _TAGS.add(tag)
    return True


#: Language tags already found valid (only strings are added); bounded, so that
#: reading endless distinct tags cannot grow it without end.
_TAGS: set[str] = set()
_REMEMBERED = 1024


@frozen(init=False)
class Text:
    """A statement in one or more languages, keyed by language tag.

    The source language is kept verbatim; translations sit beside it.

    >>> t = Text(vi="Thu ngân sách", en="Budget revenue")
    >>> t["vi"], t.languages
    ('Thu ngân sách', ('en', 'vi'))
    >>> Text({"zh-Hant": "預算收入"})["zh-Hant"]
    '預算收入'
    """

    #: ``(tag, text)`` pairs sorted by tag, so that equality ignores the order given.
    items: tuple[tuple[str, str], ...]

    def __init__(self, translations: Mapping[str, str] | None = None, /, **by_tag: str) -> None:
        # Read, never changed: a mapping given alone is not copied.
        merged = {**(translations or {}), **by_tag} if by_tag else translations or {}
        if not merged:
            raise ValueError("text needs at least one language")
        for tag, text in merged.items():
            if not (type(tag) is str and tag in _TAGS) and not is_language_tag(tag):
                raise ValueError(f"{tag!r} is not a language tag (like 'vi' or 'en')")
            if type(text) is not str and not isinstance(text, str):
                raise TypeError(f"text for {tag!r} must be a string, got {text!r}")
            if not text or text.isspace():  # what strip() would leave empty
                raise ValueError(f"text for {tag!r} is empty")
            if not text.isascii() and lone_surrogate(text) is not None:
                # Refused here rather than when a report is written, far from the cause.
                raise ValueError(
                    f"text for {tag!r} holds a lone surrogate, which is not a character "
                    "and cannot be written as UTF-8"
                )
        items = tuple(merged.items())
        _SET_ITEMS(self, items if len(items) == 1 else tuple(sorted(items)))

    def __getitem__(self, tag: str) -> str:
        for key, text in self.items:
            if key == tag:
                return text
        raise KeyError(tag)

    def __contains__(self, tag: object) -> bool:
        # A loop rather than any() over a generator: asked of every text of every plan.
        for key, _ in self.items:  # noqa: SIM110
            if key == tag:
                return True
        return False

    def __iter__(self) -> Iterator[str]:
        return iter(self.languages)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(key for key, _ in self.items)

    def as_dict(self) -> dict[str, str]:
        return dict(self.items)

    def pick(self, *preferred: str) -> str:
        """The text in the first of *preferred* languages present, else any.

        >>> Text(vi="Mục tiêu", en="Objective").pick("fr", "en")
        'Objective'
        """
        for tag in preferred:
            if tag in self:
                return self[tag]
        return self.items[0][1]


_SET_ITEMS = Text.__dict__["items"].__set__
