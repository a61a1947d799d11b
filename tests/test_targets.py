"""Targets: sub-targets ("trong đó"), commitments and attributes, and revisions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from helpers import make_plan, obs, result_of, text, wide_plan
from planmodel import (
    PlanValidationError,
    Revision,
    Status,
    Target,
    at_least,
    by_deadline,
    dumps_plan,
    evaluate,
    every_year,
    load_plan,
    value,
)
from planmodel.reports import render_markdown, render_outline, render_text


def sub_target(target_id: str, parent: str | None, figure_metric: str = "coverage") -> Target:
    return Target(
        id=target_id,
        text=text(f"target {target_id}"),
        measure=value(figure_metric),
        condition=at_least(80),
        schedule=every_year(2021, 2021),
        part_of=parent,
    )


# -- sub-targets --------------------------------------------------------------------------


def test_a_sub_target_is_judged_on_its_own_and_nested_in_reports() -> None:
    # "Tỉ lệ xã đạt chuẩn nông thôn mới tối thiểu 80%, trong đó ít nhất 10% đạt chuẩn
    # nông thôn mới kiểu mẫu": the parent's status is its own.
    parent = Target(
        id="t15",
        text=text("Communes meeting the new-rural standard: at least 80%"),
        measure=value("coverage"),
        condition=at_least(80),
        schedule=every_year(2021, 2021),
    )
    child = Target(
        id="t15.1",
        text=text("of which at least 10% the model standard"),
        measure=value("cultured"),
        condition=at_least(10),
        schedule=every_year(2021, 2021),
        part_of="t15",
    )
    other = sub_target("t16", None)
    plan = make_plan([parent, other, child])
    figures = [obs("coverage", 2021, 82), obs("cultured", 2021, 7)]
    found = evaluate(plan, figures, "2022-01-01")
    assert [(r.target, r.status) for r in found.targets] == [
        ("t15", Status.MET),
        ("t16", Status.MET),
        ("t15.1", Status.NOT_MET),
    ]
    assert plan.parts_of("t15") == (child,)
    report = render_text(plan, found)
    # Reports list a sub-target right after its parent, numbered under it.
    assert report.index("1. t15") < report.index("1.1. t15.1") < report.index("2. t16")
    assert "   part of: t15" in report
    assert "#### 1.1. t15.1" in render_markdown(plan, found)
    outline = render_outline(plan)
    assert outline.index("[t15]") < outline.index("[t15.1]") < outline.index("[t16]")


def test_a_sub_target_listed_between_targets_takes_no_number_of_theirs() -> None:
    # Listed as the resolution lists them: 15, 15.1, 16. The plan's targets are 1 and 2,
    # the sub-target 1.1, in the outline and in every report.
    plan = make_plan([sub_target("t15", None), sub_target("t15.1", "t15"), sub_target("t16", None)])
    assert [(number, depth, t.id) for number, depth, t in plan.numbered()] == [
        ("1", 0, "t15"),
        ("1.1", 1, "t15.1"),
        ("2", 0, "t16"),
    ]
    outline = render_outline(plan)
    assert "  1. [t15]" in outline
    assert "    1.1. [t15.1]" in outline
    assert "  2. [t16]" in outline
    report = render_text(plan, evaluate(plan, [], "2022-01-01"))
    assert "\n2. t16 — " in report


def test_sub_targets_name_an_existing_parent_without_cycles() -> None:
    with pytest.raises(PlanValidationError, match=r"part_of: unknown target 'nope'"):
        make_plan([sub_target("a", "nope")])
    with pytest.raises(PlanValidationError, match="targets belong to each other: a → b → a"):
        make_plan([sub_target("a", "b"), sub_target("b", "a")])
    with pytest.raises(PlanValidationError, match="targets belong to each other: a → a"):
        make_plan([sub_target("a", "a")])


# -- commitments and attributes -------------------------------------------------------------


def committed(target_id: str, commitment: str | None, **attributes: str) -> Target:
    return Target(
        id=target_id,
        text=text(f"target {target_id}"),
        measure=value("coverage"),
        condition=at_least(80),
        schedule=every_year(2021, 2021),
        commitment=commitment,  # type: ignore[arg-type]
        attributes=attributes,
    )


def test_targets_can_be_filtered_by_commitment_or_attribute() -> None:
    plan = make_plan(
        [
            committed("a", "binding", programme="finance"),
            committed("b", "expected", programme="health"),
            committed("c", None),
        ]
    )
    figures = [obs("coverage", 2021, 82)]
    assert [
        r.target
        for r in evaluate(plan, figures, "2022-01-01", where={"commitment": "binding"}).targets
    ] == ["a"]
    by_programme = evaluate(plan, figures, "2022-01-01", where={"programme": ["health", "finance"]})
    assert [r.target for r in by_programme.targets] == ["a", "b"]
    by_function = evaluate(plan, figures, "2022-01-01", where=lambda t: t.commitment is None)
    assert [r.target for r in by_function.targets] == ["c"]


def test_commitments_and_attributes_round_trip_and_show() -> None:
    plan = make_plan([committed("a", "binding", programme="finance")])
    assert load_plan(dumps_plan(plan)) == plan
    assert '"commitment": "binding"' in dumps_plan(plan)
    found = evaluate(plan, [obs("coverage", 2021, 82)], "2022-01-01")
    report = render_text(plan, found, lang="vi")
    assert "tính chất: bắt buộc" in report
    assert "thuộc tính: programme: finance" in report
    with pytest.raises(ValueError, match="commitment"):
        committed("x", "mandatory")


# -- revisions -----------------------------------------------------------------------------

#: "27% … revised to 32% in 2018": coverage at least 32% since 2018-06-01, 27% before.
REVISED = Target(
    id="t",
    text=text("Coverage at least 32%"),
    measure=value("coverage"),
    condition=at_least(32),
    schedule=every_year(2018, 2019),
    revisions=[
        Revision(
            replaced="2018-06-01",
            reason=text("Mid-term review raised the target"),
            text=text("Coverage at least 27%"),
            measure=value("coverage"),
            condition=at_least(27),
            schedule=every_year(2018, 2019),
        )
    ],
)


def test_a_revised_target_is_judged_by_the_version_in_force_on_the_date() -> None:
    plan = make_plan([REVISED])
    figures = [obs("coverage", 2017, 30)]
    before = result_of(plan, figures, "2018-01-01")
    after = result_of(plan, figures, "2019-01-01")
    assert before.revision == 0
    assert after.revision is None
    # The same figures, the target in force at the time.
    plan_2017 = make_plan([REVISED], first=2017)
    figures_2017 = [obs("coverage", 2018, 30)]
    assert result_of(plan_2017, figures_2017, "2018-05-31").judgements[0].value == Decimal(30)
    old = result_of(plan_2017, figures_2017, "2018-05-31")
    new = result_of(plan_2017, figures_2017, "2019-01-01")
    assert old.version.condition == at_least(27)
    assert new.version.condition == at_least(32)
    assert (old.status, new.status) == (Status.PENDING, Status.NOT_MET)
    assert "judged on the version in force until 2018-06-01" in old.explanation["en"]


def test_revisions_round_trip_and_reports_say_when() -> None:
    plan = make_plan([REVISED])
    assert load_plan(dumps_plan(plan)) == plan
    found = evaluate(plan, [obs("coverage", 2018, 33)], "2019-01-01")
    report = render_text(plan, found)
    assert "revised: until 2018-06-01: coverage at least 27%" in report
    assert "(Mid-term review raised the target)" in report


def test_revisions_are_listed_oldest_first_and_checked_like_targets() -> None:
    older = Revision(replaced="2019-01-01", condition=at_least(1), schedule=every_year(2018, 2018))
    newer = Revision(replaced="2020-01-01", condition=at_least(2), schedule=every_year(2018, 2018))
    with pytest.raises(ValueError, match="oldest first"):
        Target(
            id="t",
            text=text("t"),
            measure=value("coverage"),
            condition=at_least(3),
            schedule=every_year(2018, 2018),
            revisions=[newer, older],
        )
    wrong = Revision(
        replaced="2019-01-01",
        measure=value("nope"),
        condition=at_least(1),
        schedule=every_year(2018, 2018),
    )
    with pytest.raises(
        PlanValidationError, match=r"revisions\[0\]\.measure\.metric: unknown metric"
    ):
        make_plan(
            [
                Target(
                    id="t",
                    text=text("t"),
                    measure=value("coverage"),
                    condition=at_least(3),
                    schedule=every_year(2018, 2018),
                    revisions=[wrong],
                )
            ]
        )


def test_a_deadline_revision_keeps_its_own_baseline() -> None:
    revised = Target(
        id="t",
        text=text("t"),
        measure=value("coverage"),
        condition=at_least(95),
        schedule=by_deadline("2025-12-31", baseline=2020),
        revisions=[
            Revision(
                replaced=dt.date(2023, 1, 1),
                measure=value("coverage"),
                condition=at_least(90),
                schedule=by_deadline("2025-12-31", baseline=2020),
            )
        ],
    )
    plan = wide_plan([revised])
    found = result_of(plan, [obs("coverage", 2020, 80), obs("coverage", 2021, 82)], "2022-06-30")
    # The old line: from 80 to 90 over five years, 82 at one year in.
    assert (found.status, found.judgements[0].expected) == (Status.ON_TRACK, Decimal(82))
