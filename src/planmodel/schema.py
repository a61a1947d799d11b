"""JSON Schemas (draft 2020-12) of the three files planmodel reads and writes.

The plan and evaluation schemas are generated from the attrs classes the files are
loaded into and dumped from (every measure, condition and schedule with its
``kind``, unknown keys refused, required keys being the fields without defaults),
so a schema cannot drift from the code. Only what the classes do not carry in
their types is written by hand: the shape of a multilingual text, identifiers,
years, the file headers. A schema checks the shape of a file; what only the whole
plan can tell (cross-references, ``lo`` ≤ ``hi``, the source language present in
every statement) is checked by :func:`planmodel.load_plan`.

>>> plan_schema()["properties"]["schema"]
{'const': 'planmodel/1'}
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from decimal import Decimal
from typing import Any, Literal, Union

import attrs

from .attributes import Attributes
from .conditions import CONDITIONS
from .constraints import constraints_of, identifier, year
from .dates import SCHEMA_PATTERN as PARTIAL_DATE_PATTERN
from .dates import PartialDate
from .judgements import Judgement
from .kinds import Registry
from .measures import MEASURES, REFERENCES, Subject
from .observations import Breakdown
from .observations_io import OBSERVATIONS_SCHEMA
from .periods import FiscalYear, Month, Period, Quarter
from .plan import Plan, Source
from .quantifiers import QUANTIFIERS
from .schedules import SCHEDULES
from .serialize import EVALUATION_SCHEMA, PLAN_SCHEMA
from .status import Status
from .text import LANGUAGE_TAG as LANGUAGE_TAG_PATTERN
from .text import Text
from .words import Phrase

__all__ = ["evaluation_schema", "observations_schema", "plan_schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: JSON Schema, as a JSON-ready ``dict``.
Schema = dict[str, Any]

IDENTIFIER: Schema = identifier.schema
YEAR: Schema = year.schema
DATE: Schema = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
PARTIAL_DATE: Schema = {
    "type": "string",
    "pattern": PARTIAL_DATE_PATTERN,
    "description": 'a date to the day "YYYY-MM-DD", the month "YYYY-MM" or the year "YYYY"',
}
MONTH: Schema = {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"}
QUARTER: Schema = {"type": "string", "pattern": r"^\d{4}-Q[1-4]$"}
FISCAL_YEAR: Schema = {"type": "string", "pattern": r"^FY\d{4}$"}
PERIOD: Schema = {
    "anyOf": [YEAR, DATE, MONTH, QUARTER, FISCAL_YEAR],
    "description": 'a year (2023), a date "YYYY-MM-DD", a month "YYYY-MM", a quarter '
    '"YYYY-Qn" or a fiscal year "FYyyyy"',
}
LANGUAGE_TAG = f"^{LANGUAGE_TAG_PATTERN.pattern}$"
TEXT: Schema = {
    "type": "object",
    "description": 'text by language tag, e.g. {"vi": "…", "en": "…"}',
    "minProperties": 1,
    "propertyNames": {"pattern": LANGUAGE_TAG},
    "additionalProperties": {"type": "string", "pattern": r"\S"},
}
DISTRIBUTION: Schema = {
    "type": "object",
    "description": "how many units were rated at each level",
    "minProperties": 1,
    "propertyNames": IDENTIFIER,
    "additionalProperties": {"type": "integer", "minimum": 0},
}
BREAKDOWN: Schema = {
    "type": "object",
    "description": 'which member of each dimension a figure is for, e.g. {"area": "urban"}',
    "propertyNames": IDENTIFIER,
    "additionalProperties": {"type": "string", "pattern": r"\S"},
}
ATTRIBUTES: Schema = {
    "type": "object",
    "description": "free attributes, name → text",
    "propertyNames": IDENTIFIER,
    "additionalProperties": {"type": "string", "pattern": r"\S"},
}

#: Types written in files as something other than an object of their fields.
_SHARED: dict[object, tuple[str, Schema]] = {
    Period: ("Period", PERIOD),
    dt.date: ("Date", DATE),
    PartialDate: ("PartialDate", PARTIAL_DATE),
    Month: ("Month", MONTH),
    Quarter: ("Quarter", QUARTER),
    FiscalYear: ("FiscalYear", FISCAL_YEAR),
    Text: ("Text", TEXT),
    # Phrases (reasons, remarks) are written said, in each language.
    Phrase: ("Text", TEXT),
    Breakdown: ("Breakdown", BREAKDOWN),
    Attributes: ("Attributes", ATTRIBUTES),
}

# The families of kinds, by their base class: each member is an object with a
# constant "kind", read from the registry when the schema is made.
_FAMILIES: dict[object, tuple[str, Registry[Any]]] = {
    registry.base: (registry.base.__name__, registry)
    for registry in (MEASURES, CONDITIONS, SCHEDULES, REFERENCES, QUANTIFIERS)
}


class _Generator:
    """Builds the schema of a class graph, one ``$defs`` entry per class and family."""

    def __init__(self) -> None:
        self.defs: dict[str, Schema] = {}

    def ref(self, name: str) -> Schema:
        return {"$ref": f"#/$defs/{name}"}

    def of_type(self, kind: Any) -> Schema:
        if kind in _FAMILIES:
            return self.family(kind)
        if kind == Subject:
            return {"anyOf": [dict(IDENTIFIER), self.family(MEASURES.base)]}
        if kind in _SHARED:
            return self.shared(*_SHARED[kind])
        origin = typing.get_origin(kind)
        if origin in (Union, types.UnionType):
            return self.of_union(typing.get_args(kind))
        if origin is Literal:
            return {"enum": list(typing.get_args(kind))}
        if origin is tuple:
            element, *rest = typing.get_args(kind)
            assert rest == [Ellipsis], f"only variadic tuples are written to files, not {kind}"
            return {"type": "array", "items": self.of_type(element)}
        simple: dict[object, Schema] = {
            str: {"type": "string"},
            bool: {"type": "boolean"},
            int: {"type": "integer"},
            Decimal: {"type": "number"},
            Status: {"enum": [status.value for status in Status]},
        }
        if kind in simple:
            return dict(simple[kind])
        if attrs.has(kind):
            return self.of_class(kind)
        raise TypeError(f"no JSON Schema for {kind!r}")

    def of_union(self, members: tuple[Any, ...]) -> Schema:
        rest = tuple(member for member in members if member is not type(None))
        options: list[Schema] = []
        for member in rest:
            found = self.of_type(member)
            options += found["anyOf"] if list(found) == ["anyOf"] else [found]
        if len(rest) < len(members):
            options.append({"type": "null"})
        return options[0] if len(options) == 1 else {"anyOf": options}

    def shared(self, name: str, schema: Schema) -> Schema:
        self.defs.setdefault(name, schema)
        return self.ref(name)

    def family(self, base: object) -> Schema:
        name, registry = _FAMILIES[base]
        if name not in self.defs:
            self.defs[name] = {}  # claimed before the members, which may refer back
            self.defs[name] = {"oneOf": [self.of_class(member) for member in registry.types()]}
        return self.ref(name)

    def of_class(self, cls: type) -> Schema:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # claimed first: a class may contain itself (Judgement)
            self.defs[name] = self.object_of(cls)
        return self.ref(name)

    def object_of(self, cls: type) -> Schema:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Schema] = {}
        required: list[str] = []
        kind = getattr(cls, "kind", None)
        if isinstance(kind, str):
            properties["kind"] = {"const": kind}
            required.append("kind")
        for field in attrs.fields(cls):
            if not field.init:
                continue
            key = field.alias or field.name
            properties[key] = self.of_field(field, hints[field.name])
            if field.default is attrs.NOTHING:
                required.append(key)
        schema: Schema = {"type": "object", "properties": properties}
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        doc = (cls.__doc__ or "").strip().split("\n\n")[0]
        if doc:
            schema["description"] = " ".join(doc.split())
        return schema

    def of_field(self, field: attrs.Attribute[Any], kind: Any) -> Schema:
        """The field's type, narrowed by every constraint declared on it."""
        found = constraints_of(field.validator)
        if found and not _is_optional(kind) and kind in (str, int, Decimal):
            schema: Schema = {}
        else:
            schema = self.of_type(kind)
        narrowing: Schema = {}
        for constraint in found:
            narrowing.update(constraint.schema)
        if not narrowing:
            return schema
        if _is_optional(kind):
            # An optional field may be null, as the loader accepts; the constraint
            # narrows the value when there is one.
            inner = [option for option in schema["anyOf"] if option != {"type": "null"}]
            return {"anyOf": [{**option, **narrowing} for option in inner] + [{"type": "null"}]}
        return {**schema, **narrowing}


def _is_optional(kind: Any) -> bool:
    origin = typing.get_origin(kind)
    return origin in (Union, types.UnionType) and type(None) in typing.get_args(kind)


def _document(title: str, version: str, body: Schema, defs: dict[str, Schema]) -> Schema:
    properties = {"schema": {"const": version}, **body["properties"]}
    schema: Schema = {
        "$schema": DIALECT,
        "title": title,
        "type": "object",
        "properties": properties,
        "required": ["schema", *body.get("required", [])],
        "additionalProperties": False,
    }
    if "description" in body:
        schema["description"] = body["description"]
    schema["$defs"] = dict(sorted(defs.items()))
    return schema


def plan_schema() -> Schema:
    """The schema of a plan file (``"schema": "planmodel/1"``)."""
    generator = _Generator()
    body = generator.object_of(Plan)
    return _document("planmodel plan", PLAN_SCHEMA, body, generator.defs)


def evaluation_schema() -> Schema:
    """The schema of an evaluation file, as written by :func:`planmodel.dumps_evaluation`.

    The judgements are generated from :class:`~planmodel.Judgement` (fields that are
    ``None`` are left out of the file); the envelope around them is the shape
    :func:`planmodel.dump_evaluation` writes.
    """
    generator = _Generator()
    judgements: Schema = {"type": "array", "items": generator.of_class(Judgement)}
    # Not a field of a Judgement: the observations it rests on, written beside it.
    generator.defs["Judgement"]["properties"]["figures"] = {
        "type": "array",
        "description": "the observations the judgement rests on, with their sources",
        "items": {
            "type": "object",
            "properties": {
                "metric": IDENTIFIER,
                "period": generator.of_type(Period),
                "breakdown": {"type": "object", "additionalProperties": {"type": "string"}},
                "source": {"type": "string"},
                "note": {"type": "string"},
            },
            "required": ["metric", "period"],
            "additionalProperties": False,
        },
    }
    member: Schema = {
        "type": "object",
        "description": "how one member of a breakdown stands on a target judged across members",
        "properties": {
            "member": {"type": "string"},
            "status": generator.of_type(Status),
            "judgements": judgements,
        },
        "required": ["member", "status", "judgements"],
        "additionalProperties": False,
    }
    target_result: Schema = {
        "type": "object",
        "description": "how one target stands: its status, the judgement of each period "
        "(or of each member) and a one-sentence explanation by language",
        "properties": {
            "target": IDENTIFIER,
            "status": generator.of_type(Status),
            "judgements": judgements,
            "explanation": generator.of_type(Text),
            "members": {"type": "array", "items": member},
            "revision": {
                "type": "integer",
                "minimum": 0,
                "description": "the index of the earlier version of the target judged",
            },
        },
        "required": ["target", "status", "judgements", "explanation"],
        "additionalProperties": False,
    }
    generator.defs["TargetResult"] = target_result
    summary: Schema = {
        "type": "object",
        "description": "how many targets have each status",
        "properties": {status.value: {"type": "integer", "minimum": 0} for status in Status},
        "required": [status.value for status in Status],
        "additionalProperties": False,
    }
    body: Schema = {
        "description": "the verdict on every target of a plan as of a date",
        "properties": {
            "plan": IDENTIFIER,
            "as_of": generator.of_type(dt.date),
            "summary": summary,
            "targets": {"type": "array", "items": generator.ref("TargetResult")},
            "report": {
                "type": "object",
                "description": "what a JSON report was made from: the plan's source, the "
                "files read, the planmodel version and when it was made",
                "properties": {
                    "source": {"anyOf": [generator.of_class(Source), {"type": "null"}]},
                    "inputs": {"type": "array", "items": {"type": "string"}},
                    "planmodel": {"type": "string"},
                    "made": {"type": "string", "format": "date-time"},
                },
                "required": ["source", "inputs", "planmodel"],
                "additionalProperties": False,
            },
        },
        "required": ["plan", "as_of", "summary", "targets"],
    }
    return _document("planmodel evaluation", EVALUATION_SCHEMA, body, generator.defs)


def observations_schema() -> Schema:
    """The schema of an observations file in JSON (``"schema": "planmodel-observations/1"``).

    Each observation gives exactly one of ``value`` (a number, or ``true``/``false``
    for a yes/no metric), ``level`` (a rating) or ``distribution`` (units by level),
    and may name the member of a breakdown it is for.
    """
    nullable_text: Schema = {"type": ["string", "null"]}
    observation: Schema = {
        "type": "object",
        "description": "one reported figure: a metric's value for a period",
        "properties": {
            "metric": IDENTIFIER,
            "period": {"$ref": "#/$defs/Period"},
            "value": {"type": ["number", "boolean"]},
            "level": IDENTIFIER,
            "distribution": {"$ref": "#/$defs/Distribution"},
            "source": nullable_text,
            "note": nullable_text,
            "breakdown": {"$ref": "#/$defs/Breakdown"},
        },
        "required": ["metric", "period"],
        "oneOf": [
            {"required": ["value"]},
            {"required": ["level"]},
            {"required": ["distribution"]},
        ],
        "additionalProperties": False,
    }
    body: Schema = {
        "properties": {"observations": {"type": "array", "items": {"$ref": "#/$defs/Observation"}}},
        "required": ["observations"],
    }
    defs = {
        "Observation": observation,
        "Period": PERIOD,
        "Distribution": DISTRIBUTION,
        "Breakdown": BREAKDOWN,
    }
    return _document("planmodel observations", OBSERVATIONS_SCHEMA, body, defs)


#: The schemas by the name the command line uses.
SCHEMAS = {
    "plan": plan_schema,
    "observations": observations_schema,
    "evaluation": evaluation_schema,
}
