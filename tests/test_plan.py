"""A plan is validated as a whole: every rule, every problem at once, each with its path.

Each rule is shown failing twice: built in Python (``PlanValidationError``, or the
constructor's ``ValueError`` for a rule inside one piece), and loaded from JSON
(``PlanLoadError``), where the same problem must carry the same JSON path.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from typing import Any

import attrs
import pytest

from helpers import (
    PARTY_LEVEL_LIST,
    PARTY_LEVELS,
    PARTY_RATING,
    Edit,
    longbien_front_matter,
    set_at,
    vi,
)
from planmodel import (
    Breakthrough,
    Dimension,
    Direction,
    Level,
    Metric,
    PartialDate,
    Plan,
    PlanLoadError,
    PlanValidationError,
    Problem,
    RatingScale,
    Revision,
    Source,
    Target,
    Term,
    Text,
    all_of,
    at_least,
    at_most,
    between,
    by_deadline,
    change_since,
    change_vs,
    count_at,
    dump_plan,
    every_year,
    growth,
    load_plan,
    lowest_rating,
    over_term,
    part,
    rating_at_least,
    share_at_least,
    total,
    value,
)
from planmodel._converter import CONVERTER

# Statements quoted from sources/longbien_2020_2025.vi.txt (the Long Biên plan 2020-2025).
T1_VI = "Thu ngân sách hàng năm vượt so với dự toán Thành phố giao từ 5 - 10%"
T6_VI = "Tỷ lệ bao phủ bảo hiểm y tế đến cuối năm 2025: 95%"
T7_VI = "Phấn đấu đến cuối năm 2025, giảm ¾ số hộ nghèo (theo chuẩn mới) so với đầu năm 2021"
T12_VI = (
    "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội Quận hàng năm "
    "hoàn thành tốt nhiệm vụ trở lên"
)
D2_VI = "Coi trọng phát triển văn hóa, thể thao."


def coverage_target(**changes: Any) -> Target:
    """Target 6, valid as given; *changes* break it in one place."""
    fields: dict[str, Any] = {
        "id": "t6",
        "text": vi(T6_VI),
        "measure": value("health_insurance"),
        "condition": at_least(95),
        "schedule": by_deadline("2025-12-31", baseline=2020),
    }
    return Target(**{**fields, **changes})


BASE: dict[str, Any] = {
    # The English title makes the plan bilingual: Vietnamese first, then English.
    **longbien_front_matter(english_title="Long Biên plan"),
    "directions": [Direction("d2", vi(D2_VI))],
    "breakthroughs": [Breakthrough("b1", vi("Củng cố, kiện toàn hệ thống chính trị"))],
    "metrics": [
        Metric("revenue", vi("Thu ngân sách"), "billion VND", "higher"),
        Metric("city_estimate", vi("Dự toán Thành phố giao"), "billion VND"),
        Metric("health_insurance", vi("Bao phủ bảo hiểm y tế"), "percent", "higher"),
        Metric("poor_households", vi("Số hộ nghèo"), "households", "lower"),
        Metric("mass_orgs", vi("Mặt trận và đoàn thể"), "count", scale="party_rating"),
    ],
    "scales": [PARTY_RATING],
    "targets": [coverage_target()],
}


def build(**changes: Any) -> Plan:
    return Plan(**{**BASE, **changes})


_FIELD_TYPES: dict[str, Any] = {
    "targets": tuple[Target, ...],
    "metrics": tuple[Metric, ...],
    "directions": tuple[Direction, ...],
    "title": Text,
}


def document_with(**changes: Any) -> dict[str, Any]:
    """The JSON document of the valid plan with *changes* written in."""
    document = dump_plan(build())
    for key, replacement in changes.items():
        document[key] = CONVERTER.unstructure(replacement, _FIELD_TYPES[key])
    return document


def load_problems(document: dict[str, Any]) -> tuple[Problem, ...]:
    with pytest.raises(PlanLoadError) as info:
        load_plan(document)
    return info.value.problems


def test_the_base_plan_is_valid() -> None:
    plan = build()
    assert plan.target("t6").measure == value("health_insurance")
    assert load_plan(document_with()) == plan


# -- rules checked on the whole plan --------------------------------------------------------

PLAN_RULES: list[tuple[str, dict[str, Any], Problem]] = [
    (
        "duplicate id",
        {"directions": [Direction("d2", vi(D2_VI)), Direction("revenue", vi(D2_VI))]},
        Problem("$.directions[1].id", "duplicate id 'revenue' (first used at $.metrics[0].id)"),
    ),
    (
        "unknown metric in a measure",
        {"targets": [coverage_target(measure=value("health_insurence"))]},
        Problem("$.targets[0].measure.metric", "unknown metric 'health_insurence'"),
    ),
    (
        "unknown reference metric",
        {"targets": [coverage_target(measure=change_vs("revenue", "city_estimat"))]},
        Problem("$.targets[0].measure.reference.metric", "unknown metric 'city_estimat'"),
    ),
    (
        "unknown metric inside an all_of part",
        {
            "targets": [
                coverage_target(
                    measure=None,
                    condition=all_of(
                        part(value("health_insurance"), at_least(95)),
                        part(value("revenu"), at_least(1)),
                    ),
                )
            ]
        },
        Problem("$.targets[0].condition.parts[1].measure.metric", "unknown metric 'revenu'"),
    ),
    (
        "unknown scale on a metric",
        {"metrics": [*BASE["metrics"], Metric("members", vi("Đảng viên"), "count", scale="grade")]},
        Problem("$.metrics[5].scale", "unknown scale 'grade'"),
    ),
    (
        "unknown level in share_at_least",
        {"targets": [coverage_target(measure=share_at_least("mass_orgs", "tot"))]},
        Problem(
            "$.targets[0].measure.level",
            f"unknown level 'tot' of scale party_rating; expected one of {PARTY_LEVEL_LIST}",
        ),
    ),
    (
        "unknown level in count_at",
        {"targets": [coverage_target(measure=count_at("mass_orgs", "kht"), condition=at_most(0))]},
        Problem(
            "$.targets[0].measure.level",
            f"unknown level 'kht' of scale party_rating; expected one of {PARTY_LEVEL_LIST}",
        ),
    ),
    (
        "unknown level in rating_at_least",
        {
            "targets": [
                coverage_target(
                    measure=lowest_rating("mass_orgs"), condition=rating_at_least("tot")
                )
            ]
        },
        Problem(
            "$.targets[0].condition.level",
            f"unknown level 'tot' of scale party_rating; expected one of {PARTY_LEVEL_LIST}",
        ),
    ),
    (
        "a rating measure on a number metric",
        {"targets": [coverage_target(measure=share_at_least("revenue", "hoan_thanh_tot"))]},
        Problem("$.targets[0].measure.metric", "metric 'revenue' has no rating scale"),
    ),
    (
        "a number measure on a rated metric",
        {"targets": [coverage_target(measure=value("mass_orgs"))]},
        Problem("$.targets[0].measure.metric", "metric 'mass_orgs' is rated, not a number"),
    ),
    (
        "rating_at_least on a numeric measure",
        {"targets": [coverage_target(condition=rating_at_least("hoan_thanh_tot"))]},
        Problem(
            "$.targets[0].condition",
            "rating_at_least needs a rating, but value yields a number; rate units on a scale "
            "and use lowest_rating",
        ),
    ),
    (
        "a numeric condition on lowest_rating",
        {"targets": [coverage_target(measure=lowest_rating("mass_orgs"))]},
        Problem(
            "$.targets[0].condition",
            "at_least compares numbers, but lowest_rating yields a rating; use rating_at_least for "
            "a rating, achieved for a yes/no",
        ),
    ),
    (
        "every_year outside the term",
        {"targets": [coverage_target(schedule=every_year(2019, 2025))]},
        Problem("$.targets[0].schedule.first", "year 2019 is outside the plan's term 2020-2025"),
    ),
    (
        "deadline outside the term",
        {"targets": [coverage_target(schedule=by_deadline("2026-06-30"))]},
        Problem("$.targets[0].schedule.deadline", "year 2026 is outside the plan's term 2020-2025"),
    ),
    (
        "a growth span ending outside the term",
        {
            "targets": [
                coverage_target(
                    measure=growth("revenue", 2019, 2026),
                    condition=at_least("6.5"),
                    schedule=over_term(),
                )
            ]
        },
        Problem("$.targets[0].measure.last", "year 2026 is outside the plan's term 2020-2025"),
    ),
    (
        "over_term with a per-period measure",
        {"targets": [coverage_target(schedule=over_term())]},
        Problem(
            "$.targets[0].schedule",
            "over_term needs measures over a span of years (growth, total, average); judge a "
            "per-period measure with every_year or by_deadline",
        ),
    ),
    (
        "growth with every_year",
        {
            "targets": [
                coverage_target(
                    measure=growth("revenue", 2020, 2025),
                    condition=at_least("6.5"),
                    schedule=every_year(2021, 2025),
                )
            ]
        },
        Problem(
            "$.targets[0].schedule",
            "every_year judges a figure per period; a measure over a span of years (growth, "
            "total, average) needs over_term",
        ),
    ),
    (
        "a total inside an all_of judged by deadline",
        {
            "targets": [
                coverage_target(
                    measure=None,
                    condition=all_of(
                        part(value("health_insurance"), at_least(95)),
                        part(total("revenue", 2021, 2025), at_least(40000)),
                    ),
                )
            ]
        },
        Problem(
            "$.targets[0].schedule",
            "by_deadline judges a figure per period; a measure over a span of years (growth, "
            "total, average) needs over_term",
        ),
    ),
    (
        "all_of with a target-level measure",
        {
            "targets": [
                coverage_target(
                    condition=all_of(
                        part(value("health_insurance"), at_least(95)),
                        part(value("revenue"), at_least(1)),
                    )
                )
            ]
        },
        Problem(
            "$.targets[0].measure",
            "an all_of target has no measure of its own: each part names its measure",
        ),
    ),
    (
        "a non-all_of target without a measure",
        {"targets": [coverage_target(measure=None)]},
        Problem("$.targets[0].measure", "the condition at_least needs a measure"),
    ),
    (
        "unknown direction referenced by a target",
        {"targets": [coverage_target(directions=["d2", "d5"])]},
        Problem("$.targets[0].directions[1]", "unknown direction 'd5'"),
    ),
    (
        "missing source-language text",
        {"title": Text(en="Long Biên plan")},
        Problem("$.title", "no text in the source language 'vi'"),
    ),
    (
        "the condition's better side conflicting with the metric's",
        {"targets": [coverage_target(condition=between(90, 95, better="lower"))]},
        Problem(
            "$.targets[0].condition",
            "the condition treats lower as better, but the metric says higher is better",
        ),
    ),
]


@pytest.mark.parametrize(
    ("changes", "expected"), [(c, p) for _, c, p in PLAN_RULES], ids=[n for n, _, _ in PLAN_RULES]
)
def test_each_rule_fails_a_plan_built_in_python(changes: dict[str, Any], expected: Problem) -> None:
    with pytest.raises(PlanValidationError) as info:
        build(**changes)
    assert info.value.problems == (expected,)
    assert str(expected) in str(info.value)


@pytest.mark.parametrize(
    ("changes", "expected"), [(c, p) for _, c, p in PLAN_RULES], ids=[n for n, _, _ in PLAN_RULES]
)
def test_each_rule_fails_a_loaded_plan_at_the_same_path(
    changes: dict[str, Any], expected: Problem
) -> None:
    assert load_problems(document_with(**changes)) == (expected,)


def test_all_problems_are_listed_at_once() -> None:
    with pytest.raises(PlanValidationError) as info:
        build(
            title=Text(en="Long Biên plan"),
            directions=[Direction("d2", vi(D2_VI)), Direction("d2", vi("Một phương hướng khác"))],
            targets=[coverage_target(measure=value("health_insurence"))],
        )
    assert set(info.value.problems) == {
        Problem("$.directions[1].id", "duplicate id 'd2' (first used at $.directions[0].id)"),
        Problem("$.targets[0].measure.metric", "unknown metric 'health_insurence'"),
        Problem("$.title", "no text in the source language 'vi'"),
    }
    assert str(info.value).startswith("3 problems found\n")


def test_problems_with_several_targets_name_each_target() -> None:
    with pytest.raises(PlanValidationError) as info:
        build(
            targets=[
                coverage_target(id="t6", schedule=every_year(2019, 2025)),
                coverage_target(id="t7", measure=value("poor_householdz")),
            ]
        )
    assert [p.where for p in info.value.problems] == [
        "$.targets[0].schedule.first",
        "$.targets[1].measure.metric",
    ]


def test_a_duplicated_metric_is_reported_without_a_cascade_of_follow_ups() -> None:
    revenue = BASE["metrics"][0]
    with pytest.raises(PlanValidationError) as info:
        build(metrics=[*BASE["metrics"], revenue])
    assert info.value.problems == (
        Problem("$.metrics[5].id", "duplicate id 'revenue' (first used at $.metrics[0].id)"),
    )


def test_the_reference_readings_of_the_long_bien_targets_are_valid() -> None:
    plan = build(
        targets=[
            coverage_target(
                id="t1",
                text=vi(T1_VI),
                measure=change_vs("revenue", "city_estimate"),
                condition=between(5, 10, better="higher"),
                schedule=every_year(2021, 2025),
                directions=["d2"],
            ),
            coverage_target(),
            coverage_target(
                id="t7",
                text=vi(T7_VI),
                measure=change_since("poor_households", "2021-01-01"),
                condition=at_most(-75),
                schedule=by_deadline("2025-12-31", baseline="2021-01-01"),
            ),
            coverage_target(
                id="t12",
                text=vi(T12_VI),
                measure=lowest_rating("mass_orgs"),
                condition=rating_at_least("hoan_thanh_tot"),
                schedule=every_year(2021, 2025),
            ),
        ]
    )
    assert [t.id for t in plan.targets] == ["t1", "t6", "t7", "t12"]


# -- rules inside one piece: the constructor refuses it ------------------------------------

# (name, the failing construction, the message, where the JSON problem is, how to break
# the JSON document). A rule on one field should be reported at that field's path.
PieceRule = tuple[str, Callable[[], object], str, str, Edit]


ONE_PART = {
    "measure": {"kind": "value", "metric": "revenue"},
    "condition": {"kind": "at_least", "value": 1},
}

PIECE_RULES: list[PieceRule] = [
    (
        "lo above hi in between",
        lambda: between(10, 5),
        "lo must not exceed hi, got lo=10, hi=5",
        "$.targets[0].condition.hi",
        set_at("targets", 0, "condition", to={"kind": "between", "lo": 10, "hi": 5}),
    ),
    (
        "baseline not before the deadline",
        lambda: by_deadline("2025-12-31", baseline=2025),
        "2025 must come before the deadline 2025-12-31",
        "$.targets[0].schedule.baseline",
        set_at("targets", 0, "schedule", "baseline", to=2025),
    ),
    (
        "empty text",
        lambda: Text(vi=" "),
        "text for 'vi' is empty",
        "$.title",
        set_at("title", to={"vi": " "}),
    ),
    (
        "bad language tag",
        lambda: Text({"vi": "Văn kiện", "english!": "Plan"}),
        "'english!' is not a language tag (like 'vi' or 'en')",
        "$.title",
        set_at("title", to={"vi": "Văn kiện", "english!": "Plan"}),
    ),
    (
        "year outside 1900-2200",
        lambda: Term(1800, 2025),
        "year 1800 is outside 1900-2200",
        "$.term.first",
        set_at("term", "first", to=1800),
    ),
    (
        "term ends before it starts",
        lambda: Term(2025, 2020),
        "the term ends (2020) before it starts (2025)",
        "$.term.last",
        set_at("term", to={"first": 2025, "last": 2020}),
    ),
    (
        "every_year ends before it starts",
        lambda: every_year(2025, 2021),
        "every_year needs first <= last, got 2025-2021",
        "$.targets[0].schedule.last",
        set_at("targets", 0, "schedule", to={"kind": "every_year", "first": 2025, "last": 2021}),
    ),
    (
        "growth last not after first",
        lambda: growth("revenue", 2025, 2025),
        "growth needs last > first, got 2025-2025",
        "$.targets[0].measure.last",
        set_at(
            "targets",
            0,
            "measure",
            to={"kind": "growth", "metric": "revenue", "first": 2025, "last": 2025},
        ),
    ),
    (
        "all_of with fewer than two parts",
        lambda: all_of(part(value("revenue"), at_least(1))),
        "all_of needs at least two parts",
        "$.targets[0].condition.parts",
        set_at("targets", 0, "condition", to={"kind": "all_of", "parts": [ONE_PART]}),
    ),
    (
        "bad identifier",
        lambda: Direction("d 2", vi(D2_VI)),
        "'d 2' is not an identifier (letters, digits, '_', '.', '-'; "
        "starting with a letter or digit)",
        "$.directions[0].id",
        set_at("directions", 0, "id", to="d 2"),
    ),
]


@pytest.mark.parametrize(
    ("construct", "message"), [(r[1], r[2]) for r in PIECE_RULES], ids=[r[0] for r in PIECE_RULES]
)
def test_each_piece_rule_is_refused_by_its_constructor(
    construct: Callable[[], object], message: str
) -> None:
    # A rule on one field names it first ("first: year 1800 …"); others say it all.
    with pytest.raises(ValueError, match=re.escape(message) + "$"):
        construct()


@pytest.mark.parametrize(
    ("message", "where", "breaking"),
    [(r[2], r[3], r[4]) for r in PIECE_RULES],
    ids=[r[0] for r in PIECE_RULES],
)
def test_each_piece_rule_fails_a_load_near_its_place(
    message: str, where: str, breaking: Callable[[dict[str, Any]], None]
) -> None:
    """The rule fires on load, at the offending value or the object holding it; the
    next test pins the value's own path."""
    document = document_with()
    breaking(document)
    (problem,) = load_problems(document)
    assert problem.where in (where, where.rsplit(".", 1)[0])
    assert problem.message.endswith(message)


@pytest.mark.parametrize(
    ("where", "message", "breaking"),
    [pytest.param(r[3], r[2], r[4], id=r[0]) for r in PIECE_RULES],
)
def test_each_piece_rule_is_located_at_the_offending_value(
    where: str, message: str, breaking: Callable[[dict[str, Any]], None]
) -> None:
    document = document_with()
    breaking(document)
    assert load_problems(document) == (Problem(where, message),)


# -- look-ups and the plan's own fields -----------------------------------------------------


def test_look_ups_find_items_by_id_and_kind() -> None:
    plan = build()
    assert plan.metric("revenue").unit == "billion VND"
    assert plan.has_metric("revenue")
    assert not plan.has_metric("d2")
    assert plan.scale("party_rating").level_ids == PARTY_LEVELS
    assert plan.target("t6").text["vi"] == T6_VI


@pytest.mark.parametrize(
    ("look_up", "message"),
    [
        (lambda plan: plan.metric("d2"), "no metric 'd2' in plan longbien-2020-2025"),
        (lambda plan: plan.scale("grade"), "no ratingscale 'grade' in plan longbien-2020-2025"),
        (lambda plan: plan.target("t99"), "no target 't99' in plan longbien-2020-2025"),
    ],
)
def test_a_missing_item_is_a_key_error_naming_it(
    look_up: Callable[[Plan], object], message: str
) -> None:
    with pytest.raises(KeyError) as info:
        look_up(build())
    assert info.value.args == (message,)


def test_the_source_language_comes_first() -> None:
    assert build().languages == ("vi", "en")
    assert build(title=Text(vi="Văn kiện", en="Plan", fr="Plan")).languages == ("vi", "en", "fr")


def test_lists_are_stored_as_tuples_and_dates_are_parsed() -> None:
    plan = build()
    assert isinstance(plan.objective, tuple)
    assert isinstance(plan.targets, tuple)
    assert plan.adopted == PartialDate(2020, 8, 20)
    assert plan.source is not None
    assert plan.source.published == PartialDate(2020, 8, 20)


def test_plans_compare_by_value_not_by_their_index() -> None:
    # The look-up index is built per instance and left out of equality.
    plan = build()
    assert plan == build()
    assert plan != build(id="other")


def test_evolving_a_plan_validates_it_again() -> None:
    with pytest.raises(PlanValidationError):
        attrs.evolve(build(), targets=[coverage_target(measure=value("nothing"))])


def test_items_of_the_wrong_type_are_refused() -> None:
    with pytest.raises(TypeError, match="objective"):
        build(objective=["Tiếp tục phát triển kinh tế"])
    with pytest.raises(TypeError, match="term"):
        build(term=(2020, 2025))


def test_a_target_describes_itself() -> None:
    plan = build()
    assert plan.target("t6").describe(plan, "vi") == (
        "Bao phủ bảo hiểm y tế từ 95% trở lên, đến ngày 31/12/2025"
    )


def test_building_does_not_change_the_arguments() -> None:
    arguments = copy.deepcopy(BASE)
    build()
    assert arguments == BASE


def test_the_source_language_must_be_a_language_tag() -> None:
    with pytest.raises(ValueError, match=r"^source_language: 'Vietnamese!' is not a language tag"):
        build(source_language="Vietnamese!")
    document = document_with()
    document["source_language"] = "Vietnamese!"
    assert load_problems(document) == (
        Problem("$.source_language", "'Vietnamese!' is not a language tag (like 'vi')"),
    )


def test_a_source_url_that_cannot_be_written_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^url: holds a lone surrogate"):
        Source(title=vi("Nghị quyết"), url="https://example.org/\ud800", published="2020-08-20")


# -- a plan states what is known, and nothing else -----------------------------------------

#: The one target of the short plans below, and the metric it measures.
INSURED = Target(
    id="t1",
    text=Text(en="95% insured by the end of 2025"),
    measure=value("insured"),
    condition=at_least(95),
    schedule=by_deadline("2025-12-31", baseline=2020),
)

#: A short plan, as a person writes it by hand: no provenance, no objective, a metric
#: with neither name nor unit.
SHORT_PLAN = """{
  "schema": "planmodel/1",
  "id": "insured",
  "title": {"en": "Health insurance for all"},
  "term": {"first": 2021, "last": 2025},
  "source_language": "en",
  "metrics": [{"id": "insured"}],
  "targets": [
    {
      "id": "t1",
      "text": {"en": "95% insured by the end of 2025"},
      "measure": {"kind": "value", "metric": "insured"},
      "condition": {"kind": "at_least", "value": 95},
      "schedule": {"kind": "by_deadline", "deadline": "2025-12-31", "baseline": 2020}
    }
  ]
}"""


def test_a_plan_needs_no_provenance_objective_or_metric_name() -> None:
    built = Plan(
        id="insured",
        title=Text(en="Health insurance for all"),
        term=Term(2021, 2025),
        source_language="en",
        metrics=[Metric("insured")],
        targets=[INSURED],
    )
    assert (built.jurisdiction, built.adopted, built.adopted_by, built.source) == (None,) * 4
    assert built.objective == ()
    assert load_plan(SHORT_PLAN) == built
    written = dump_plan(built)
    assert [key for key in written if key in PROVENANCE_KEYS] == []
    assert written["metrics"] == [{"id": "insured"}]


PROVENANCE_KEYS = ("jurisdiction", "adopted", "adopted_by", "source", "objective")


@pytest.mark.parametrize("missing", ["id", "title", "term", "source_language"])
def test_what_a_plan_needs_is_still_required(missing: str) -> None:
    document = json.loads(SHORT_PLAN)
    del document[missing]
    assert load_problems(document) == (Problem(f"$.{missing}", "required key missing"),)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org",
        "http://longbien.hanoi.gov.vn/tin-tuc/van-kien.html?id=12#muc-2",
        "https://hà-nội.vn/kế-hoạch",
        "https://[2001:db8::1]:8443/plan",
    ],
)
def test_a_web_address_is_accepted(url: str) -> None:
    assert Source(title=vi("Nghị quyết"), url=url).url == url


@pytest.mark.parametrize(
    "url",
    [
        "example.org",
        "www.example.org/plan",
        "ftp://example.org/plan.pdf",
        "https://",
        "https:///plan",
        "https://example.org/a plan",
        "https://user:secret@example.org",
        "mailto:office@example.org",
        "",
    ],
)
def test_a_url_that_is_not_a_web_address_is_refused(url: str) -> None:
    message = (
        f"{url!r} is not a web address (http:// or https://, then a host name, with no spaces)"
    )
    with pytest.raises(ValueError, match=f"^url: {re.escape(message)}$"):
        Source(title=vi("Nghị quyết"), url=url)
    document = document_with()
    document["source"]["url"] = url
    assert load_problems(document) == (Problem("$.source.url", message),)


# -- the source-language rule covers the plan's statements ---------------------------------

# From the table of main indicators of the 14th Five-Year Plan of the People's Republic of
# China (2021-2025): the surveyed urban unemployment rate kept within 5.5%.
ZH_TITLE = "中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要"
ZH_TARGET = "城镇调查失业率控制在5.5%以内"


def zh(words: str) -> Text:
    return Text({"zh": words, "en": "(translation)"})


def chinese_plan(**changes: Any) -> dict[str, Any]:
    """A Chinese-language plan whose encoder named everything of their own in English."""
    rating = RatingScale(
        "rating",
        Text(en="Assessment"),
        (Level("weak", Text(en="Weak")), Level("good", Text(en="Good"))),
    )
    return {
        "id": "cn-14th-fyp",
        "title": zh(ZH_TITLE),
        "term": Term(2021, 2025),
        "source_language": "zh",
        "jurisdiction": Text(en="People's Republic of China"),
        "objective": [zh("经济发展取得新成效")],
        "directions": [Direction("d1", zh("坚持创新驱动发展"))],
        "breakthroughs": [Breakthrough("b1", zh("全面深化改革"))],
        "metrics": [
            Metric(
                "unemployment",
                Text(en="Surveyed urban unemployment rate"),
                "percent",
                "lower",
                dimensions=[Dimension("region", Text(en="Region"))],
                definition=Text(en="Surveyed, not registered, unemployment"),
            ),
            Metric("provinces", Text(en="Provincial governments"), scale="rating"),
        ],
        "scales": [rating],
        "targets": [
            Target(
                id="t1",
                text=zh(ZH_TARGET),
                measure=value("unemployment"),
                condition=at_most("5.5"),
                schedule=every_year(2021, 2025),
                notes=Text(en="'Within 5.5%' is read as at most 5.5, inclusive."),
                revisions=[
                    Revision(
                        replaced="2022-01-01",
                        text=zh("城镇调查失业率控制在6%以内"),
                        reason=Text(en="An illustrative earlier wording."),
                        measure=value("unemployment"),
                        condition=at_most(6),
                        schedule=every_year(2021, 2025),
                    )
                ],
            ),
            Target(
                id="t2",
                text=zh("地方政府考核良好"),
                measure=lowest_rating("provinces"),
                condition=rating_at_least("good"),
                schedule=every_year(2021, 2025),
            ),
        ],
        **changes,
    }


def test_a_chinese_plan_with_english_names_labels_and_notes_is_valid() -> None:
    plan = Plan(**chinese_plan())
    assert plan.metric("unemployment").name == Text(en="Surveyed urban unemployment rate")
    assert load_plan(dump_plan(plan)) == plan


def test_the_statements_are_the_title_objective_directions_breakthroughs_and_targets() -> None:
    assert [where for where, _ in Plan(**chinese_plan()).statements()] == [
        "$.title",
        "$.objective[0]",
        "$.directions[0].text",
        "$.breakthroughs[0].text",
        "$.targets[0].text",
        "$.targets[1].text",
        "$.targets[0].revisions[0].text",
    ]


ENGLISH_ONLY = Text(en="In English only")


def _english_target(plan: dict[str, Any]) -> dict[str, Any]:
    first, second = plan["targets"]
    return {"targets": [first, attrs.evolve(second, text=ENGLISH_ONLY)]}


def _english_revision(plan: dict[str, Any]) -> dict[str, Any]:
    first, second = plan["targets"]
    revision = attrs.evolve(first.revisions[0], text=ENGLISH_ONLY)
    return {"targets": [attrs.evolve(first, revisions=[revision]), second]}


#: Each statement: its path, where it sits in the file, and the plan with it in English only.
STATEMENTS: list[tuple[str, tuple[str | int, ...], Callable[[dict[str, Any]], dict[str, Any]]]] = [
    ("$.title", ("title",), lambda plan: {"title": ENGLISH_ONLY}),
    ("$.objective[0]", ("objective", 0), lambda plan: {"objective": [ENGLISH_ONLY]}),
    (
        "$.directions[0].text",
        ("directions", 0, "text"),
        lambda plan: {"directions": [Direction("d1", ENGLISH_ONLY)]},
    ),
    (
        "$.breakthroughs[0].text",
        ("breakthroughs", 0, "text"),
        lambda plan: {"breakthroughs": [Breakthrough("b1", ENGLISH_ONLY)]},
    ),
    ("$.targets[1].text", ("targets", 1, "text"), _english_target),
    (
        "$.targets[0].revisions[0].text",
        ("targets", 0, "revisions", 0, "text"),
        _english_revision,
    ),
]


@pytest.mark.parametrize(
    ("where", "path", "change"), STATEMENTS, ids=[where for where, _, _ in STATEMENTS]
)
def test_a_statement_without_source_language_text_is_refused_with_its_path(
    where: str,
    path: tuple[str | int, ...],
    change: Callable[[dict[str, Any]], dict[str, Any]],
) -> None:
    expected = (Problem(where, "no text in the source language 'zh'"),)
    with pytest.raises(PlanValidationError) as info:
        Plan(**chinese_plan(**change(chinese_plan())))
    assert info.value.problems == expected
    document = dump_plan(Plan(**chinese_plan()))
    set_at(*path, to=ENGLISH_ONLY.as_dict())(document)
    assert load_problems(document) == expected
