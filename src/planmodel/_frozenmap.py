"""An immutable mapping of text to text, for breakdowns and attributes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from .constraints import ID_PATTERN


class FrozenMap(Mapping[str, str]):
    """Identifier keys to non-blank text, sorted by key so that equality ignores order.

    Subclasses name what the keys and values are, for messages.
    """

    __slots__ = ("_items",)
    key_word: ClassVar[str] = "key"
    value_word: ClassVar[str] = "value"

    _items: tuple[tuple[str, str], ...]

    def __init__(self, pairs: Mapping[str, str] | None = None, /, **by_key: str) -> None:
        merged = {**(pairs or {}), **by_key}
        for key, text in merged.items():
            if not isinstance(key, str) or not ID_PATTERN.fullmatch(key):
                raise ValueError(f"{key!r} is not a {self.key_word} id")
            if not isinstance(text, str):
                raise TypeError(f"{self.value_word} for {key!r} must be text, got {text!r}")
            if not text.strip():
                raise ValueError(f"{self.value_word} for {key!r} is empty")
        object.__setattr__(self, "_items", tuple(sorted(merged.items())))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    @property
    def items_tuple(self) -> tuple[tuple[str, str], ...]:
        """The pairs, sorted by key: hashable, and the same whatever the order given."""
        return self._items

    def __getitem__(self, key: str) -> str:
        for found, text in self._items:
            if found == key:
                return text
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return (key for key, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap) and type(other) is type(self):
            return self._items == other._items
        return NotImplemented

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._items))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self._items)!r})"

    def __reduce__(self) -> tuple[type[FrozenMap], tuple[dict[str, str]]]:
        return (type(self), (dict(self._items),))

    def __bool__(self) -> bool:
        return bool(self._items)
