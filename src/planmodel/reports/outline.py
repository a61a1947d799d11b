"""A plan as a readable outline: provenance, objective, directions, breakthroughs,
and every target in words ("at least 95%, by 2025-12-31").

Provenance is shown as far as the plan states it, dates as given (``2021``,
``2021-02``, ``2021-02-26``); what it leaves out is left out, not filled in.

The outline is for a terminal: control characters in the plan's text are shown
escaped (``\x1b``), never sent raw.
"""

from __future__ import annotations

from collections.abc import Callable

from .._untrusted import printable
from ..plan import Plan, Source
from ..text import Text
from ..words import say
from ._words import label

__all__ = ["render_outline"]


def _numbered(items: list[tuple[str, str]]) -> list[str]:
    return [f"  {number}. [{item_id}] {text}" for number, (item_id, text) in enumerate(items, 1)]


def _adoption(plan: Plan, lang: str, pick: Callable[[Text], str]) -> str | None:
    """ "adopted 2020-08-20 by the District Congress", as far as the plan says."""
    if plan.adopted is None and plan.adopted_by is None:
        return None
    words = [label("adopted", lang)]
    if plan.adopted is not None:
        words.append(str(plan.adopted))
    if plan.adopted_by is not None:
        words += [label("by", lang), pick(plan.adopted_by)]
    return " ".join(words)


def source_words(source: Source, lang: str, pick: Callable[[Text], str]) -> str:
    """ "Resolution (Publisher, published 2020-08-20) https://…": where a plan's text
    was published."""
    details = [pick(source.publisher)] if source.publisher is not None else []
    if source.published is not None:
        details.append(f"{label('published', lang)} {source.published}")
    line = pick(source.title)
    if details:
        line += f" ({', '.join(details)})"
    if source.url is not None:
        line += f" {source.url}"
    return line


def render_outline(plan: Plan, *, lang: str = "en") -> str:
    """The plan in words, in *lang* where the plan has it (else its source language).

    Each target shows its text as written, then what it requires as the model reads
    it, so that a reader can check the encoding against the text.
    """

    def pick(text: Text) -> str:
        return text.pick(lang, plan.source_language)

    header = [plan.id]
    if plan.jurisdiction is not None:
        header.append(pick(plan.jurisdiction))
    header.append(f"{label('term', lang)} {plan.term.first}-{plan.term.last}")
    adoption = _adoption(plan, lang, pick)
    if adoption is not None:
        header.append(adoption)
    lines = [pick(plan.title), " · ".join(header)]
    if plan.source is not None:
        lines.append(f"{label('source', lang)}: {source_words(plan.source, lang, pick)}")
    if plan.objective:
        lines += ["", f"{label('objective', lang)}:"]
        lines += [f"  - {pick(statement)}" for statement in plan.objective]
    if plan.directions:
        lines += ["", f"{label('directions', lang)}:"]
        lines += _numbered([(d.id, pick(d.text)) for d in plan.directions])
    if plan.breakthroughs:
        lines += ["", f"{label('breakthroughs', lang)}:"]
        lines += _numbered([(b.id, pick(b.text)) for b in plan.breakthroughs])
    if plan.targets:
        lines += ["", f"{label('targets', lang)}:"]

        for number, depth, target in plan.numbered():
            pad = "  " * (depth + 1)
            lines.append(f"{pad}{number}. [{target.id}] {pick(target.text)}")
            lines.append(f"{pad}   → {target.describe(plan, lang)}")
            if target.commitment is not None:
                commitment = label(f"commitment.{target.commitment}", lang)
                lines.append(f"{pad}   {label('commitment', lang)}: {commitment}")
            if target.directions:
                lines.append(f"{pad}   {label('serves', lang)}: {', '.join(target.directions)}")
            if target.attributes:
                shown = ", ".join(f"{k}: {v}" for k, v in target.attributes.items_tuple)
                lines.append(f"{pad}   {label('attributes', lang)}: {shown}")
            for revision in target.revisions:
                lines.append(
                    f"{pad}   {label('revised', lang)}: {say(revision.replaced, lang, plan)}"
                )
            if target.notes is not None:
                lines.append(f"{pad}   {label('notes', lang)}: {pick(target.notes)}")
    if plan.metrics:
        lines += ["", f"{label('metrics', lang)}:"]
        for metric in plan.metrics:
            facts = [metric.unit] if metric.unit is not None else []
            if metric.better is not None:
                facts.append(label(f"{metric.better}_better", lang))
            if metric.scale is not None:
                facts.append(metric.scale)
            if metric.currency is not None:
                facts.append(f"{label('currency', lang)} {metric.currency}")
            if metric.price_basis is not None:
                facts.append(f"{label('price_basis', lang)}: {pick(metric.price_basis)}")
            if metric.definition is not None:
                facts.append(f"{label('definition', lang)}: {pick(metric.definition)}")
            if metric.dimensions:
                dims = "; ".join(
                    d.id + (f" ({', '.join(d.members)})" if d.members else "")
                    for d in metric.dimensions
                )
                facts.append(f"{label('dimensions', lang)}: {dims}")
            line = f"  - {metric.id}"
            if metric.name is not None:
                line += f": {pick(metric.name)}"
            if facts:
                line += f" ({', '.join(facts)})"
            lines.append(line)
    if plan.scales:
        lines += ["", f"{label('scales', lang)}:"]
        for scale in plan.scales:
            levels = " < ".join(pick(level.label) for level in scale.levels)
            lines.append(f"  - {scale.id}: {pick(scale.name)}: {levels}")
    return "\n".join(printable(line) for line in lines) + "\n"
