"""Words: every sentence planmodel writes comes from one message catalogue per language.

Model classes never write sentences. They describe themselves, and explain their
verdicts, as :class:`Phrase` s: a message key and its arguments. :func:`say` turns a
phrase into text in a language, naming metrics by their names in that language and
writing numbers with their units::

    >>> from decimal import Decimal
    >>> from planmodel.units import Unit
    >>> phrase = Phrase("condition.at_least", bound=Amount(Decimal(95), Unit("percent")))
    >>> say(phrase, "en"), say(phrase, "vi")
    ('at least 95%', 'từ 95% trở lên')

English (``en``) and Vietnamese (``vi``) are built in; :func:`add_language` adds
another, whose missing messages fall back to English, and :func:`add_messages` adds
the messages of a kind defined outside planmodel.

Numbers and days are written in two steps: planmodel's one rule for showing a number
(:func:`~planmodel._numbers.format_number`: a figure as given, a computed number with
at most two decimals and ``≈`` when rounded) comes first, then the language puts in
its :class:`Marks`: its decimal mark, its group mark and the pattern of a day::

    >>> say(Amount(Decimal("5026.5"), Unit("metric", "USD")), "vi")
    '5.026,5 USD'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Union

from attrs import frozen

from .._numbers import format_number
from ..constraints import language_tag
from ..periods import FiscalYear, Month, Quarter
from ..status import Status
from ..units import Unit
from . import en, vi
from ._marks import Marks

if TYPE_CHECKING:
    from ..plan import Plan

__all__ = [
    "Amount",
    "DimensionName",
    "Each",
    "Language",
    "LevelName",
    "Marks",
    "MetricName",
    "Per",
    "PeriodLabel",
    "Phrase",
    "add_language",
    "add_messages",
    "language",
    "languages",
    "period_label",
    "remove_language",
    "say",
]

#: A message: a ``str.format`` template, or a function of the rendered arguments.
Message = Union[str, Callable[..., str]]


@frozen(init=False)
class Phrase:
    """A message key and its arguments, to be said in any language.

    Arguments may be text, numbers, periods, dates, statuses, other phrases, or the
    references below (:class:`MetricName`, :class:`LevelName`, :class:`Amount`,
    :class:`Each`), which are resolved against the plan when said.
    """

    key: str
    args: tuple[tuple[str, Any], ...]

    def __init__(self, key: str, /, **args: Any) -> None:
        self.__attrs_init__(key, tuple(args.items()))

    def get(self, name: str) -> Any:
        for key, value in self.args:
            if key == name:
                return value
        raise KeyError(name)


@frozen
class MetricName:
    """A metric, said by its name in the reader's language."""

    metric: str


@frozen
class LevelName:
    """A level of the scale a metric is rated on, said by its label."""

    metric: str
    level: str


@frozen
class DimensionName:
    """A dimension of a breakdown, said by its name where a metric gives one."""

    dimension: str


@frozen
class Amount:
    """A number with its unit: "95%", "4.5 percentage points", "10 per 10,000".

    ``many`` marks the upper end of a range, whose unit a language may put in the
    plural whatever the number: "between 0.5 and 1 percentage points". ``computed``
    marks a number planmodel computed (a ratio, a gap, a point on a line), shown with
    at most two decimals; any other is a figure or a bound as given, shown with all
    its digits.
    """

    value: Decimal
    unit: Unit
    many: bool = False
    computed: bool = False


@frozen
class PeriodLabel:
    """A period as a table cell or a heading writes it, without the words a sentence
    puts around it: ``2023``, ``2025-06``, ``2025-Q4`` in English; ``06/2025``,
    ``Q4/2025``, ``13/11/2023`` in Vietnamese."""

    period: Any


@frozen
class Per:
    """The count a rate is given per, grouped as the language groups thousands:
    "10,000" in English, "10.000" in Vietnamese."""

    count: int


@frozen(init=False)
class Each:
    """Several items said as a list: "a, b and c", or joined by the word *joiner*
    (a message key, ``list.and`` by default)."""

    items: tuple[Any, ...]
    joiner: str

    def __init__(self, items: Iterable[Any], joiner: str = "list.and") -> None:
        self.__attrs_init__(tuple(items), joiner)


class Language:
    """The messages of one language, and the marks it writes numbers and days with."""

    def __init__(
        self,
        tag: str,
        name: str,
        messages: Mapping[str, Message],
        *,
        fallback: str | None,
        marks: Marks,
    ) -> None:
        self.tag = tag
        self.name = name
        self.messages: dict[str, Message] = dict(messages)
        self.fallback = fallback
        self.marks = marks

    def number(self, value: Decimal, *, computed: bool = False) -> str:
        """*value* by planmodel's rule (a figure as given; a *computed* number with at
        most two decimals, ``≈`` when rounded), in this language's marks."""
        return self.marks.number(format_number(value, given=not computed))

    def date(self, day: dt.date) -> str:
        """*day* in this language's pattern: ``2025-06-30``, ``30/06/2025``."""
        return self.marks.day(day)

    def __repr__(self) -> str:
        return f"<Language {self.tag} ({self.name}): {len(self.messages)} messages>"


_LANGUAGES: dict[str, Language] = {}


def add_language(
    tag: str,
    name: str,
    messages: Mapping[str, Message],
    *,
    fallback: str | None = "en",
    marks: Marks | None = None,
) -> Language:
    """Add (or replace) a language: its messages, and the :class:`Marks` it writes
    numbers and days with (by default a decimal point, no group mark and ISO days).

    A message the language lacks is taken from *fallback* (English by default), so a
    new language can start with the status words and grow.
    """
    language_tag.check("tag", tag)
    if fallback is not None and fallback not in _LANGUAGES and fallback != tag:
        raise ValueError(f"unknown fallback language {fallback!r}; known: {', '.join(languages())}")
    if marks is not None and not isinstance(marks, Marks):
        raise TypeError(f"marks: expected Marks, got {type(marks).__name__}")
    language = Language(tag, name, messages, fallback=fallback, marks=marks or Marks())
    _LANGUAGES[tag] = language
    return language


def add_messages(tag: str, messages: Mapping[str, Message]) -> None:
    """Add messages to a language, e.g. the words of a kind defined outside planmodel."""
    if tag not in _LANGUAGES:
        raise ValueError(f"unknown language {tag!r}; known: {', '.join(languages())}")
    _LANGUAGES[tag].messages.update(messages)


def remove_language(tag: str) -> None:
    """Remove a language added with :func:`add_language` (English stays)."""
    if tag == "en":
        raise ValueError("English is every language's last fallback and cannot be removed")
    del _LANGUAGES[tag]


def languages() -> tuple[str, ...]:
    """The tags of every language planmodel can write, English first."""
    return tuple(_LANGUAGES)


def language(tag: str) -> Language:
    """The language *tag*, or English when planmodel has no words for it."""
    return _LANGUAGES.get(tag) or _LANGUAGES["en"]


def message(key: str, lang: str) -> Message | None:
    """The message *key* in *lang*, following fallbacks; ``None`` if no language has it."""
    seen: set[str] = set()
    tag: str | None = lang
    while tag is not None and tag not in seen:
        seen.add(tag)
        found = _LANGUAGES.get(tag)
        if found is None:
            break
        if key in found.messages:
            return found.messages[key]
        tag = found.fallback
    english = _LANGUAGES.get("en")
    return english.messages.get(key) if english is not None else None


def word(key: str, lang: str) -> str:
    """A fixed word or label: ``word("label.summary", "vi")`` is "Tổng hợp"."""
    found = message(key, lang)
    return found if isinstance(found, str) else key


def status_word(status: Status, lang: str) -> str:
    """``not met``, ``cơ bản đạt``: a status in words."""
    return word(f"status.{status.value}", lang)


def say(item: Any, lang: str, plan: Plan | None = None) -> str:
    """*item* (a :class:`Phrase`, a reference, a number, a period, …) as text in *lang*.

    Metrics are named by their names in *lang* in *plan*, falling back to the plan's
    source language, and to the id without a plan.
    """
    if isinstance(item, Phrase):
        return _phrase(item, lang, plan)
    if isinstance(item, Status):
        return status_word(item, lang)
    if isinstance(item, str):
        return item
    if isinstance(item, bool):
        return word("flag.yes" if item else "flag.no", lang)
    if isinstance(item, Decimal):
        return language(lang).number(item)
    if isinstance(item, PeriodLabel):
        return period_label(item.period, lang, plan)
    if isinstance(item, int):
        return _phrase(Phrase("period.year", year=str(item)), lang, plan)
    if isinstance(item, MetricName):
        if plan is not None and plan.has_metric(item.metric):
            return plan.metric(item.metric).name_in(lang, plan.source_language)
        return item.metric
    if isinstance(item, LevelName):
        scale_id = plan.metric(item.metric).scale if plan and plan.has_metric(item.metric) else None
        if plan is not None and scale_id is not None and plan.has_scale(scale_id):
            scale = plan.scale(scale_id)
            if item.level in scale.level_ids:
                return scale.level(item.level).label.pick(lang, plan.source_language)
        return item.level
    if isinstance(item, DimensionName):
        if plan is not None:
            for metric in plan.metrics:
                found = metric.dimension(item.dimension)
                if found is not None and found.name is not None:
                    return found.name.pick(lang, plan.source_language)
        return item.dimension
    if isinstance(item, Amount):
        return amount(item.value, item.unit, lang, plan, many=item.many, computed=item.computed)
    if isinstance(item, Per):
        return _thousands(str(item.count), lang)
    if isinstance(item, Each):
        return _list([say(part, lang, plan) for part in item.items], item.joiner, lang)
    if isinstance(item, dt.date):
        return _phrase(Phrase("period.date", date=language(lang).date(item)), lang, plan)
    if isinstance(item, (Month, Quarter, FiscalYear)):
        return _period(item, lang, plan)
    return str(item)


def _period(period: Month | Quarter | FiscalYear, lang: str, plan: Plan | None) -> str:
    if isinstance(period, Month):
        found = Phrase("period.month", year=str(period.year), month=f"{period.month:02d}")
    elif isinstance(period, Quarter):
        found = Phrase("period.quarter", year=str(period.year), quarter=str(period.quarter))
    else:
        found = Phrase("period.fiscal_year", year=str(period.year))
    return _phrase(found, lang, plan)


def period_label(period: Any, lang: str, plan: Plan | None = None) -> str:
    """*period* as a table cell or a heading writes it in *lang* (see :class:`PeriodLabel`).

    >>> period_label(Quarter(2023, 4), "vi"), period_label(dt.date(2023, 11, 13), "vi")
    ('Q4/2023', '13/11/2023')
    """
    if isinstance(period, dt.date):
        found = Phrase("period.label.date", date=language(lang).date(period))
    elif isinstance(period, int):
        found = Phrase("period.label.year", year=str(period))
    elif isinstance(period, Month):
        found = Phrase("period.label.month", year=str(period.year), month=f"{period.month:02d}")
    elif isinstance(period, Quarter):
        found = Phrase("period.label.quarter", year=str(period.year), quarter=str(period.quarter))
    elif isinstance(period, FiscalYear):
        found = Phrase("period.label.fiscal_year", year=str(period.year))
    else:
        return str(period)
    return _phrase(found, lang, plan)


def amount(
    value: Decimal,
    unit: Unit,
    lang: str,
    plan: Plan | None = None,
    *,
    many: bool = False,
    computed: bool = False,
) -> str:
    """A number with its unit in *lang*: "95%", "4.5 percentage points"; *many* when
    the number ends a range, *computed* for a number planmodel computed (see
    :class:`Amount`)."""
    number = language(lang).number(value, computed=computed)
    if unit.kind == "per":
        key = "amount.per_mille" if unit.per == 1000 else "amount.per"
        per = str(unit.per)
        return _phrase(Phrase(key, number=number, per=_thousands(per, lang)), lang, plan)
    if unit.kind == "metric":
        return _phrase(Phrase("amount.metric", number=number, unit=unit.text), lang, plan)
    if many:
        return _phrase(Phrase(f"amount.{unit.kind}", number=number, many="many"), lang, plan)
    return _phrase(Phrase(f"amount.{unit.kind}", number=number), lang, plan)


def _thousands(digits: str, lang: str) -> str:
    # The count of a rate ("per 10,000") is a word of the unit's name, grouped as the
    # catalogue's number.thousands says: English groups it though it writes figures
    # as given, ungrouped.
    if not digits.isdigit() or len(digits) <= 3:
        return digits
    separator = word("number.thousands", lang)
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return separator.join(groups)


def _list(items: list[str], joiner: str, lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    if joiner != "list.and":
        return word(joiner, lang).join(items)
    return f"{', '.join(items[:-1])}{word('list.and', lang)}{items[-1]}"


def _phrase(phrase: Phrase, lang: str, plan: Plan | None) -> str:
    template = message(phrase.key, lang)
    args = {name: say(value, lang, plan) for name, value in phrase.args}
    if template is None:
        # A kind registered without its words still shows what it is, never crashes a report.
        inner = ", ".join(f"{name}={text}" for name, text in args.items())
        return f"{phrase.key}({inner})"
    if callable(template):
        return template(**args)
    return template.format(**args)


def _install() -> None:
    add_language("en", "English", en.MESSAGES, fallback=None, marks=en.MARKS)
    add_language("vi", "Tiếng Việt", vi.MESSAGES, marks=vi.MARKS)


_install()
