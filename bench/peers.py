"""The planmodel/1 plan format written with the libraries a user would otherwise pick:
a pydantic v2 model and a msgspec model, for :mod:`load` to time planmodel against.

Both read the same files as :func:`planmodel.load_plan` and check what their library
checks cheaply: every measure, condition, schedule, reference and quantifier is a tagged
union on ``kind``; unknown keys are refused; identifiers match planmodel's pattern;
numbers are decimals and booleans are not numbers. Neither checks what only planmodel
does (cross-references, duplicate keys, the limits of exact arithmetic), so each does
less work than planmodel, never more. Where a library cannot do what the format asks,
the model does what the library can, and says so here:

- pydantic reads a JSON number into a ``Decimal`` through a binary float (exact to
  about 17 significant digits; pydantic issue 9180), and takes a decimal written as a
  string even in strict mode;
- msgspec reads numbers into ``Decimal`` exactly, and also takes decimal strings.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal, Optional, Union

import msgspec
from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints

__all__ = ["MsgspecPlan", "PydanticPlan", "msgspec_decoder", "msgspec_encoder"]

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"

# -- pydantic ------------------------------------------------------------------------------

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Number = Annotated[Decimal, Strict()]
PText = dict[str, str]
PPeriod = Union[int, str]
Better = Optional[Literal["higher", "lower"]]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class PTolerance(_Model):
    value: Number
    relative: bool = False


class PValue(_Model):
    kind: Literal["value"]
    metric: Id


class PRatio(_Model):
    kind: Literal["ratio"]
    numerator: Id
    denominator: Id
    per: int = 100


class PSelect(_Model):
    kind: Literal["select"]
    measure: PMeasure
    breakdown: dict[str, str]


class POtherMetric(_Model):
    kind: Literal["metric"]
    metric: PSubject


class PAtBaseline(_Model):
    kind: Literal["baseline"]
    period: PPeriod


class PPrevious(_Model):
    kind: Literal["previous"]


PReference = Annotated[Union[POtherMetric, PAtBaseline, PPrevious], Field(discriminator="kind")]
Form = Literal["relative", "difference", "index"]


class PChange(_Model):
    kind: Literal["change"]
    metric: PSubject
    reference: PReference
    form: Form = "relative"


class PDifference(_Model):
    kind: Literal["difference"]
    minuend: PSubject
    subtrahend: PSubject


class PGrowth(_Model):
    kind: Literal["growth"]
    metric: PSubject
    first: int
    last: int
    method: Literal["compound", "arithmetic"] = "compound"
    form: Form = "relative"


class PTotal(_Model):
    kind: Literal["total"]
    metric: PSubject
    first: int
    last: int


class PAverage(_Model):
    kind: Literal["average"]
    metric: PSubject
    first: int
    last: int
    method: Literal["arithmetic", "compound"] = "arithmetic"


class PShareAtLeast(_Model):
    kind: Literal["share_at_least"]
    metric: Id
    level: Id


class PCountAt(_Model):
    kind: Literal["count_at"]
    metric: Id
    level: Id
    relation: Literal["exactly", "below", "at_least"] = "exactly"


class PLowestRating(_Model):
    kind: Literal["lowest_rating"]
    metric: Id


PMeasure = Annotated[
    Union[
        PValue,
        PRatio,
        PSelect,
        PChange,
        PDifference,
        PGrowth,
        PTotal,
        PAverage,
        PShareAtLeast,
        PCountAt,
        PLowestRating,
    ],
    Field(discriminator="kind"),
]
PSubject = Union[Id, PMeasure]


class PAtLeast(_Model):
    kind: Literal["at_least"]
    value: Number
    strict: bool = False
    tolerance: Optional[PTolerance] = None
    warning: Optional[Number] = None


class PAtMost(_Model):
    kind: Literal["at_most"]
    value: Number
    strict: bool = False
    tolerance: Optional[PTolerance] = None
    warning: Optional[Number] = None


class PExactly(_Model):
    kind: Literal["exactly"]
    value: Number
    better: Better = None
    tolerance: Optional[PTolerance] = None


class PBetween(_Model):
    kind: Literal["between"]
    lo: Number
    hi: Number
    better: Better = None
    lo_strict: bool = False
    hi_strict: bool = False
    tolerance: Optional[PTolerance] = None


class PRatingAtLeast(_Model):
    kind: Literal["rating_at_least"]
    level: Id


class PAchieved(_Model):
    kind: Literal["achieved"]


class PPart(_Model):
    measure: Optional[PMeasure] = None
    condition: PCondition
    text: Optional[PText] = None


class PAllOf(_Model):
    kind: Literal["all_of"]
    parts: list[PPart]


PCondition = Annotated[
    Union[PAtLeast, PAtMost, PExactly, PBetween, PRatingAtLeast, PAchieved, PAllOf],
    Field(discriminator="kind"),
]


class PEveryYear(_Model):
    kind: Literal["every_year"]
    first: int
    last: int


class PEveryQuarter(_Model):
    kind: Literal["every_quarter"]
    first: str
    last: str


class PEveryMonth(_Model):
    kind: Literal["every_month"]
    first: str
    last: str


class PMilestone(_Model):
    period: PPeriod
    goal: Number


class PByDeadline(_Model):
    kind: Literal["by_deadline"]
    deadline: dt.date
    baseline: Optional[PPeriod] = None
    milestones: list[PMilestone] = []
    latest_within: Optional[int] = None


class POverTerm(_Model):
    kind: Literal["over_term"]


PSchedule = Annotated[
    Union[PEveryYear, PEveryQuarter, PEveryMonth, PByDeadline, POverTerm],
    Field(discriminator="kind"),
]


class PEvery(_Model):
    kind: Literal["every"]
    dimension: Id


class PAtLeastMembers(_Model):
    kind: Literal["at_least_members"]
    dimension: Id
    count: int


class PShareOfMembers(_Model):
    kind: Literal["share_of_members"]
    dimension: Id
    percent: Number


PQuantifier = Annotated[
    Union[PEvery, PAtLeastMembers, PShareOfMembers], Field(discriminator="kind")
]


class PRevision(_Model):
    replaced: dt.date
    reason: Optional[PText] = None
    text: Optional[PText] = None
    measure: Optional[PMeasure] = None
    condition: PCondition
    schedule: PSchedule
    across: Optional[PQuantifier] = None


class PTarget(_Model):
    id: Id
    text: PText
    measure: Optional[PMeasure] = None
    condition: PCondition
    schedule: PSchedule
    directions: list[Id] = []
    notes: Optional[PText] = None
    part_of: Optional[Id] = None
    across: Optional[PQuantifier] = None
    commitment: Optional[Literal["binding", "expected", "indicative"]] = None
    attributes: dict[str, str] = {}
    revisions: list[PRevision] = []


class PDimension(_Model):
    id: Id
    name: Optional[PText] = None
    members: list[str] = []


class PMetric(_Model):
    id: Id
    name: PText
    unit: str
    better: Better = None
    scale: Optional[Id] = None
    dimensions: list[PDimension] = []
    price_basis: Optional[PText] = None
    currency: Optional[str] = None
    definition: Optional[PText] = None
    attributes: dict[str, str] = {}


class PLevel(_Model):
    id: Id
    label: PText


class PRatingScale(_Model):
    id: Id
    name: PText
    levels: list[PLevel]


class PStatement(_Model):
    id: Id
    text: PText


class PTerm(_Model):
    first: int
    last: int


class PSource(_Model):
    title: PText
    url: str
    published: dt.date
    publisher: Optional[PText] = None


class PydanticPlan(_Model):
    """A planmodel/1 plan as a pydantic v2 model."""

    schema_: Literal["planmodel/1"] = Field(alias="schema")
    id: Id
    title: PText
    jurisdiction: PText
    term: PTerm
    adopted: dt.date
    adopted_by: Optional[PText] = None
    source: PSource
    source_language: str
    fiscal_year_start: Optional[int] = None
    objective: list[PText]
    directions: list[PStatement] = []
    breakthroughs: list[PStatement] = []
    targets: list[PTarget] = []
    metrics: list[PMetric] = []
    scales: list[PRatingScale] = []


for _model in (PSelect, POtherMetric, PChange, PDifference, PGrowth, PTotal, PAverage, PPart):
    _model.model_rebuild()
PAllOf.model_rebuild()
PRevision.model_rebuild()
PTarget.model_rebuild()
PydanticPlan.model_rebuild()

# -- msgspec -------------------------------------------------------------------------------

MId = Annotated[str, msgspec.Meta(pattern=ID_PATTERN)]
MText = dict[str, str]
MPeriod = Union[int, str]
MBetter = Union[Literal["higher", "lower"], None]


class _Struct(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    pass


class _Kind(_Struct, tag_field="kind"):
    pass


class MTolerance(_Struct):
    value: Decimal
    relative: bool = False


class MValue(_Kind, tag="value"):
    metric: MId


class MRatio(_Kind, tag="ratio"):
    numerator: MId
    denominator: MId
    per: int = 100


class MSelect(_Kind, tag="select"):
    measure: MMeasure
    breakdown: dict[str, str]


class MOtherMetric(_Kind, tag="metric"):
    metric: MSubject


class MAtBaseline(_Kind, tag="baseline"):
    period: MPeriod


class MPrevious(_Kind, tag="previous"):
    pass


MReference = Union[MOtherMetric, MAtBaseline, MPrevious]
MForm = Literal["relative", "difference", "index"]


class MChange(_Kind, tag="change"):
    metric: MSubject
    reference: MReference
    form: MForm = "relative"


class MDifference(_Kind, tag="difference"):
    minuend: MSubject
    subtrahend: MSubject


class MGrowth(_Kind, tag="growth"):
    metric: MSubject
    first: int
    last: int
    method: Literal["compound", "arithmetic"] = "compound"
    form: MForm = "relative"


class MTotal(_Kind, tag="total"):
    metric: MSubject
    first: int
    last: int


class MAverage(_Kind, tag="average"):
    metric: MSubject
    first: int
    last: int
    method: Literal["arithmetic", "compound"] = "arithmetic"


class MShareAtLeast(_Kind, tag="share_at_least"):
    metric: MId
    level: MId


class MCountAt(_Kind, tag="count_at"):
    metric: MId
    level: MId
    relation: Literal["exactly", "below", "at_least"] = "exactly"


class MLowestRating(_Kind, tag="lowest_rating"):
    metric: MId


MMeasure = Union[
    MValue,
    MRatio,
    MSelect,
    MChange,
    MDifference,
    MGrowth,
    MTotal,
    MAverage,
    MShareAtLeast,
    MCountAt,
    MLowestRating,
]
MSubject = Union[MId, MMeasure]


class MAtLeast(_Kind, tag="at_least"):
    value: Decimal
    strict: bool = False
    tolerance: Optional[MTolerance] = None
    warning: Optional[Decimal] = None


class MAtMost(_Kind, tag="at_most"):
    value: Decimal
    strict: bool = False
    tolerance: Optional[MTolerance] = None
    warning: Optional[Decimal] = None


class MExactly(_Kind, tag="exactly"):
    value: Decimal
    better: MBetter = None
    tolerance: Optional[MTolerance] = None


class MBetween(_Kind, tag="between"):
    lo: Decimal
    hi: Decimal
    better: MBetter = None
    lo_strict: bool = False
    hi_strict: bool = False
    tolerance: Optional[MTolerance] = None


class MRatingAtLeast(_Kind, tag="rating_at_least"):
    level: MId


class MAchieved(_Kind, tag="achieved"):
    pass


class MPart(_Struct):
    condition: MCondition
    measure: Optional[MMeasure] = None
    text: Optional[MText] = None


class MAllOf(_Kind, tag="all_of"):
    parts: list[MPart]


MCondition = Union[MAtLeast, MAtMost, MExactly, MBetween, MRatingAtLeast, MAchieved, MAllOf]


class MEveryYear(_Kind, tag="every_year"):
    first: int
    last: int


class MEveryQuarter(_Kind, tag="every_quarter"):
    first: str
    last: str


class MEveryMonth(_Kind, tag="every_month"):
    first: str
    last: str


class MMilestone(_Struct):
    period: MPeriod
    goal: Decimal


class MByDeadline(_Kind, tag="by_deadline"):
    deadline: dt.date
    baseline: Optional[MPeriod] = None
    milestones: list[MMilestone] = []
    latest_within: Optional[int] = None


class MOverTerm(_Kind, tag="over_term"):
    pass


MSchedule = Union[MEveryYear, MEveryQuarter, MEveryMonth, MByDeadline, MOverTerm]


class MEvery(_Kind, tag="every"):
    dimension: MId


class MAtLeastMembers(_Kind, tag="at_least_members"):
    dimension: MId
    count: int


class MShareOfMembers(_Kind, tag="share_of_members"):
    dimension: MId
    percent: Decimal


MQuantifier = Union[MEvery, MAtLeastMembers, MShareOfMembers]


class MRevision(_Struct):
    replaced: dt.date
    condition: MCondition
    schedule: MSchedule
    reason: Optional[MText] = None
    text: Optional[MText] = None
    measure: Optional[MMeasure] = None
    across: Optional[MQuantifier] = None


class MTarget(_Struct):
    id: MId
    text: MText
    condition: MCondition
    schedule: MSchedule
    measure: Optional[MMeasure] = None
    directions: list[MId] = []
    notes: Optional[MText] = None
    part_of: Optional[MId] = None
    across: Optional[MQuantifier] = None
    commitment: Optional[Literal["binding", "expected", "indicative"]] = None
    attributes: dict[str, str] = {}
    revisions: list[MRevision] = []


class MDimension(_Struct):
    id: MId
    name: Optional[MText] = None
    members: list[str] = []


class MMetric(_Struct):
    id: MId
    name: MText
    unit: str
    better: MBetter = None
    scale: Optional[MId] = None
    dimensions: list[MDimension] = []
    price_basis: Optional[MText] = None
    currency: Optional[str] = None
    definition: Optional[MText] = None
    attributes: dict[str, str] = {}


class MLevel(_Struct):
    id: MId
    label: MText


class MRatingScale(_Struct):
    id: MId
    name: MText
    levels: list[MLevel]


class MStatement(_Struct):
    id: MId
    text: MText


class MTerm(_Struct):
    first: int
    last: int


class MSource(_Struct):
    title: MText
    url: str
    published: dt.date
    publisher: Optional[MText] = None


class MsgspecPlan(_Struct):
    """A planmodel/1 plan as a msgspec struct."""

    schema: Literal["planmodel/1"]
    id: MId
    title: MText
    jurisdiction: MText
    term: MTerm
    adopted: dt.date
    source: MSource
    source_language: str
    objective: list[MText]
    adopted_by: Optional[MText] = None
    fiscal_year_start: Optional[int] = None
    directions: list[MStatement] = []
    breakthroughs: list[MStatement] = []
    targets: list[MTarget] = []
    metrics: list[MMetric] = []
    scales: list[MRatingScale] = []


def msgspec_decoder() -> msgspec.json.Decoder[MsgspecPlan]:
    """A decoder of plans (strict: no number is read from a string of another type)."""
    return msgspec.json.Decoder(MsgspecPlan)


def msgspec_encoder() -> msgspec.json.Encoder:
    """An encoder writing decimals as JSON numbers, as planmodel does."""
    return msgspec.json.Encoder(decimal_format="number")
