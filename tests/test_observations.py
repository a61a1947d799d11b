"""Observations: reported figures, indexed once; conflicts and misfits are errors."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import OBSERVED_PLAN, PARTY_LEVEL_LIST, whole_plans
from planmodel import (
    Distribution,
    FiscalYear,
    Observation,
    Observations,
    ObservationsError,
    Problem,
    Rated,
)
from planmodel.observations import fits, misfits
from planmodel.strategies import observations_for, plans

# -- single observations -------------------------------------------------------------------


def test_an_observation_keeps_its_figure_source_and_note() -> None:
    # data/longbien_reported_figures.md: "tỷ lệ Gia đình văn hóa đạt 94,10%" (2023).
    observation = Observation(
        "cultural_families", 2023, "94.10", "kinhtedothi.vn", "tỷ lệ Gia đình văn hóa đạt 94,10%"
    )
    assert observation.value == Decimal("94.10")
    assert str(observation.value) == "94.10"
    assert observation.source == "kinhtedothi.vn"
    assert observation.note == "tỷ lệ Gia đình văn hóa đạt 94,10%"


def test_an_observation_reads_its_period_and_value() -> None:
    assert Observation("new_members", "2022-12-31", 185).period == dt.date(2022, 12, 31)
    assert Observation("new_members", 2022, Decimal(185)).value == 185
    counts = Observation("party_orgs", 2023, {"hoan_thanh_tot": 45, "hoan_thanh": 3})
    assert counts.value == Distribution(hoan_thanh=3, hoan_thanh_tot=45)
    assert Observation("party_orgs", 2023, Rated("hoan_thanh_tot")).value == Rated("hoan_thanh_tot")


def test_an_observation_refuses_floats_bad_periods_and_bad_ids() -> None:
    # A float is taken by its shortest repr, once.
    assert Observation("cultural_families", 2023, 94.1).value == Decimal("94.1")
    with pytest.raises(ValueError, match="year 1800 is outside 1900-2200"):
        Observation("cultural_families", 1800, 90)
    with pytest.raises(TypeError, match="expected a year"):
        Observation("cultural_families", "20233", 90)
    with pytest.raises(ValueError, match="is not an identifier"):
        Observation("tỷ lệ", 2023, 90)
    with pytest.raises(ValueError, match="expected a finite number"):
        Observation("cultural_families", 2023, "NaN")


def test_a_distribution_counts_units_per_level() -> None:
    counts = Distribution({"hoan_thanh_tot": 45, "hoan_thanh": 3}, khong_hoan_thanh=1)
    assert counts.total == 49
    assert counts.as_dict() == {"hoan_thanh": 3, "hoan_thanh_tot": 45, "khong_hoan_thanh": 1}
    assert counts == Distribution(khong_hoan_thanh=1, hoan_thanh=3, hoan_thanh_tot=45)


@pytest.mark.parametrize(
    ("counts", "error", "message"),
    [
        ({}, ValueError, "a distribution needs at least one level"),
        ({"hoan_thanh": -1}, ValueError, "count for 'hoan_thanh' is negative: -1"),
        ({"hoan_thanh": True}, TypeError, "count for 'hoan_thanh' must be a whole number"),
        ({"hoan_thanh": "3"}, TypeError, "count for 'hoan_thanh' must be a whole number"),
        ({3: 1}, TypeError, "level ids are strings"),
    ],
)
def test_a_bad_distribution_is_refused(
    counts: dict[Any, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        Distribution(counts)


def test_a_rating_names_a_level_id() -> None:
    with pytest.raises(ValueError, match="is not an identifier"):
        Rated("hoàn thành tốt")


# -- the index -----------------------------------------------------------------------------


def test_the_index_sorts_periods_and_looks_figures_up() -> None:
    data = Observations(
        [
            Observation("new_members", 2023, 190),
            Observation("new_members", "2021-01-01", 170),
            Observation("new_members", 2020, 160),
            Observation("party_orgs", 2023, {"hoan_thanh_tot": 45}),
        ]
    )
    assert data.periods("new_members") == (2020, dt.date(2021, 1, 1), 2023)
    assert data.periods("party_orgs") == (2023,)
    assert data.periods("unknown") == ()
    assert data.number("new_members", 2023) == 190
    assert data.number("new_members", dt.date(2021, 1, 1)) == 170
    assert data.number("new_members", 2021) is None
    assert data.number("party_orgs", 2023) is None
    found = data.get("party_orgs", 2023)
    assert found is not None
    assert found.value == Distribution(hoan_thanh_tot=45)
    assert data.get("party_orgs", 2022) is None


def test_the_index_keeps_every_observation_in_order() -> None:
    items = [Observation("new_members", 2023, 190), Observation("new_members", 2022, 185)]
    data = Observations(items)
    assert list(data) == items
    assert len(data) == 2
    assert data.locate(1) == "observations[1]"
    assert repr(data).startswith("Observations([Observation(metric='new_members'")


def test_locations_name_where_each_observation_came_from() -> None:
    data = Observations([Observation("new_members", 2022, 185)], locations=["row 2"])
    assert data.locate(0) == "row 2"
    with pytest.raises(ValueError, match="one location per observation"):
        Observations([Observation("new_members", 2022, 185)], locations=[])


def test_only_observations_go_in_the_index() -> None:
    with pytest.raises(TypeError, match=r"observations\[0\]: expected an Observation"):
        Observations([("new_members", 2022, 185)])  # type: ignore[list-item]


def test_two_different_values_for_the_same_metric_and_period_are_an_error() -> None:
    with pytest.raises(ObservationsError) as info:
        Observations(
            [
                Observation("new_members", 2022, 185),
                Observation("cultural_families", 2022, 93),
                Observation("new_members", 2022, 158),
            ]
        )
    assert info.value.problems == (
        Problem(
            "observations[2]",
            "new_members for 2022 is 158, but observations[0] gives 185 for 2022",
        ),
    )


def test_a_year_and_its_31_december_are_the_same_moment() -> None:
    with pytest.raises(ObservationsError) as info:
        Observations(
            [Observation("new_members", 2022, 185), Observation("new_members", "2022-12-31", 180)]
        )
    assert info.value.problems == (
        Problem(
            "observations[1]",
            "new_members for 2022-12-31 is 180, but observations[0] gives 185 for 2022",
        ),
    )


def test_conflicting_ratings_are_an_error_too() -> None:
    with pytest.raises(ObservationsError) as info:
        Observations(
            [
                Observation("party_orgs", 2023, {"hoan_thanh_tot": 45}),
                Observation("party_orgs", 2023, Rated("hoan_thanh")),
            ]
        )
    assert info.value.problems == (
        Problem(
            "observations[1]",
            "party_orgs for 2023 is rated hoan_thanh, but observations[0] gives "
            "{hoan_thanh_tot: 45} for 2023",
        ),
    )


def test_every_conflict_is_listed() -> None:
    with pytest.raises(ObservationsError) as info:
        Observations(
            [
                Observation("new_members", 2022, 185),
                Observation("new_members", 2022, 158),
                Observation("new_members", 2023, 190),
                Observation("new_members", 2023, 191),
            ]
        )
    assert [p.where for p in info.value.problems] == ["observations[1]", "observations[3]"]


def test_equal_repeats_are_accepted() -> None:
    data = Observations(
        [
            Observation("new_members", 2022, 185, source="hanoimoi.vn"),
            Observation("new_members", 2022, "185.0", source="kinhtedothi.vn"),
            Observation("new_members", "2022-12-31", 185),
        ]
    )
    assert len(data) == 3
    assert data.number("new_members", 2022) == 185


def test_other_days_of_the_year_are_other_moments() -> None:
    data = Observations(
        [Observation("new_members", 2022, 185), Observation("new_members", "2022-06-30", 90)]
    )
    assert data.periods("new_members") == (dt.date(2022, 6, 30), 2022)


# -- fitting a plan ------------------------------------------------------------------------


def test_observations_that_fit_the_plan_pass_the_check() -> None:
    data = Observations(
        [
            Observation("cultural_families", 2023, "94.10"),
            Observation("party_orgs", 2023, {"hoan_thanh_tot": 45, "hoan_thanh": 4}),
            Observation("party_orgs", 2022, Rated("hoan_thanh_xuat_sac")),
        ]
    )
    assert data.problems_for(OBSERVED_PLAN) == []
    assert data.check(OBSERVED_PLAN) is data


def test_an_unknown_metric_suggests_the_closest_one() -> None:
    data = Observations([Observation("cultural_familes", 2023, "94.10")])
    assert data.problems_for(OBSERVED_PLAN) == [
        Problem(
            "observations[0]",
            "unknown metric 'cultural_familes'; did you mean 'cultural_families'?",
        )
    ]


def test_an_unknown_metric_far_from_any_gets_no_suggestion() -> None:
    data = Observations([Observation("xyz", 2023, 1)])
    assert data.problems_for(OBSERVED_PLAN) == [Problem("observations[0]", "unknown metric 'xyz'")]


def test_an_unknown_level_is_named_with_the_known_ones() -> None:
    data = Observations(
        [
            Observation("party_orgs", 2023, Rated("tot")),
            Observation("party_orgs", 2022, {"hoan_thanh_tot": 40, "xuat_sac": 2}),
        ]
    )
    assert data.problems_for(OBSERVED_PLAN) == [
        Problem(
            "observations[0]",
            f"unknown level 'tot' of scale party_rating; expected one of {PARTY_LEVEL_LIST}",
        ),
        Problem(
            "observations[1]",
            f"unknown level 'xuat_sac' of scale party_rating; expected one of {PARTY_LEVEL_LIST}",
        ),
    ]


def test_a_number_for_a_rated_metric_and_a_rating_for_a_number_are_refused() -> None:
    data = Observations(
        [
            Observation("party_orgs", 2023, 49),
            Observation("new_members", 2022, Rated("hoan_thanh_tot")),
            Observation("cultural_families", 2022, {"hoan_thanh_tot": 1}),
        ]
    )
    assert data.problems_for(OBSERVED_PLAN) == [
        Problem("observations[0]", "party_orgs is rated on scale party_rating, got a number"),
        Problem("observations[1]", "new_members is a number (count), got a rating"),
        Problem("observations[2]", "cultural_families is a number (percent), got a rating"),
    ]


def test_check_raises_one_error_with_every_misfit() -> None:
    data = Observations(
        [Observation("cultural_familes", 2023, "94.10"), Observation("party_orgs", 2023, 49)]
    )
    with pytest.raises(ObservationsError) as info:
        data.check(OBSERVED_PLAN)
    assert len(info.value.problems) == 2
    assert str(info.value).startswith("2 problems found\n")


@whole_plans
@given(st.data())
def test_the_index_does_not_depend_on_the_order_given(data: st.DataObject) -> None:
    plan = data.draw(plans(max_targets=2))
    items = data.draw(observations_for(plan))
    shuffled = data.draw(st.permutations(items))
    first, second = Observations(items), Observations(shuffled)
    for item in items:
        assert first.get(item.metric, item.period) == second.get(item.metric, item.period)
        assert first.number(item.metric, item.period) == second.number(item.metric, item.period)
    for metric in plan.metrics:
        assert first.periods(metric.id) == second.periods(metric.id)
    assert first.problems_for(plan) == []


@pytest.mark.parametrize("field", ["source", "note"])
def test_a_source_or_note_that_cannot_be_written_is_refused(field: str) -> None:
    with pytest.raises(ValueError, match=f"^{field}: holds a lone surrogate"):
        Observation("new_members", 2022, 185, **{field: "\udc80"})
    wrong: dict[str, Any] = {field: 185}
    with pytest.raises(TypeError, match=f"^{field}: expected text, got 185"):
        Observation("new_members", 2022, 185, **wrong)


def _misfit(plan: Any, item: Observation, how: int) -> Observation:
    """*item* changed so that it no longer fits *plan*, in one of several ways."""
    if how == 0:
        return attrs.evolve(item, metric="no_such_metric")
    if how == 1:
        return attrs.evolve(item, value=Rated("no_such_level"))
    if how == 2:
        return attrs.evolve(item, value=True)
    if how == 3:
        return attrs.evolve(item, period=FiscalYear(2023))
    return attrs.evolve(item, breakdown={"nowhere": "nobody"})


@whole_plans
@given(st.data())
def test_indexing_for_a_plan_finds_what_the_full_check_finds(data: st.DataObject) -> None:
    # Observations(..., plan=) checks the figures in the pass that indexes them; what it
    # finds must be exactly what the check figure by figure finds, fit or not.
    plan = data.draw(plans(max_targets=2))
    items = data.draw(observations_for(plan))
    mutated = data.draw(st.booleans())
    if items and mutated:
        index = data.draw(st.integers(0, len(items) - 1))
        items[index] = _misfit(plan, items[index], data.draw(st.integers(0, 4)))
    found = Observations(items, plan=plan)
    expected = misfits(plan, items, found.locate)
    assert found.problems_for(plan) == expected
    assert Observations(items).problems_for(plan) == expected
    assert fits(plan, items) is (expected == [])
