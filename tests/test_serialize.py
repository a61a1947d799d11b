"""Plan files: lossless round trips, deterministic UTF-8 output, and load errors that
name every problem with its JSON path."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from helpers import PARTY_RATING, Edit, delete_at, one_target_plan, set_at, vi, whole_plans
from mutations import FUZZ, mutated, same_leaves, to_text
from planmodel import (
    AllOf,
    AtLeast,
    Between,
    Breakthrough,
    Change,
    Dimension,
    Direction,
    Measure,
    Metric,
    Observation,
    ObservationsError,
    PartialDate,
    Plan,
    PlanLoadError,
    Problem,
    Revision,
    Source,
    Status,
    Target,
    Term,
    Tolerance,
    achieved,
    all_of,
    at_least,
    at_least_members,
    at_most,
    average,
    between,
    by_deadline,
    change_from_previous,
    change_since,
    change_vs,
    count_at,
    count_at_least,
    difference,
    dump_evaluation,
    dump_plan,
    dumps_evaluation,
    dumps_plan,
    evaluate,
    every,
    every_month,
    every_quarter,
    every_year,
    exactly,
    growth,
    load_observations,
    load_plan,
    lowest_rating,
    over_term,
    part,
    rating_at_least,
    ratio,
    select,
    share_at_least,
    share_of_members,
    total,
    value,
)
from planmodel._json import read_json, write_json
from planmodel._numbers import within_limits
from planmodel.conditions import CONDITIONS
from planmodel.measures import MEASURES, REFERENCES
from planmodel.quantifiers import QUANTIFIERS
from planmodel.reports import (
    render_html,
    render_json,
    render_markdown,
    render_outline,
    render_text,
)
from planmodel.schedules import SCHEDULES
from planmodel.serialize import EVALUATION_SCHEMA, PLAN_KEY_ORDER, PLAN_SCHEMA
from planmodel.strategies import plans

# -- a plan using every kind of measure, condition and schedule ----------------------------
#
# Targets t1-t12 are the Long Biên district plan 2020-2025, quoted verbatim from
# sources/longbien_2020_2025.vi.txt and encoded as in semantics §7. Targets x1-x3 are
# illustrative (not in that plan): they complete the set of kinds. The URL is a
# placeholder and the adoption date is the article's date; the source gives neither.


def _metric(metric_id: str, name: str, unit: str, better: Any = None, scale: Any = None) -> Metric:
    return Metric(metric_id, vi(name), unit, better, scale)


EVERY_YEAR = every_year(2021, 2025)
BY_2025 = "2025-12-31"


def every_kind_plan() -> Plan:
    return Plan(
        id="longbien-2020-2025",
        title=vi(
            "Văn kiện Đại hội Đảng bộ quận Long Biên lần thứ IV, nhiệm kỳ 2020 - 2025",
            "Long Biên district Party Congress plan, 2020-2025",
        ),
        jurisdiction=vi("Quận Long Biên, Hà Nội", "Long Biên district, Hà Nội"),
        term=Term(2020, 2025),
        adopted="2020-08-20",
        adopted_by=vi("Đại hội Đảng bộ quận Long Biên lần thứ IV"),
        source=Source(
            title=vi(
                "Những quan điểm, chủ trương, định hướng lớn nhiệm kỳ 2020 - 2025 "
                "nêu tại văn kiện Đại hội Đảng bộ quận"
            ),
            url="https://example.org/longbien-2020-2025",
            published="2020-08-20",
            publisher=vi("Quận Long Biên"),
        ),
        source_language="vi",
        objective=[
            vi(
                "Tiếp tục phát triển kinh tế, duy trì tốc độ tăng trưởng cao, trọng tâm là "
                "phát triển thương mại, dịch vụ."
            )
        ],
        directions=[
            Direction("d1", vi("Phát triển mạnh thương mại - dịch vụ.")),
            Direction("d2", vi("Coi trọng phát triển văn hóa, thể thao.")),
            Direction("d3", vi("Giữ vững an ninh chính trị, trật tự an toàn xã hội.")),
            Direction("d4", vi("Đẩy mạnh cải cách hành chính.")),
            Direction(
                "d5", vi("Tạo bước chuyển biến mạnh mẽ trong công tác xây dựng chỉnh đốn Đảng.")
            ),
        ],
        breakthroughs=[
            Breakthrough("b1", vi("Củng cố, kiện toàn hệ thống chính trị tinh gọn.")),
            Breakthrough("b2", vi("Tiếp tục hoàn thiện hệ thống hạ tầng đô thị.")),
        ],
        metrics=[
            _metric("revenue", "Thu ngân sách", "billion VND", "higher"),
            _metric("city_estimate", "Dự toán Thành phố giao", "billion VND"),
            _metric("capital_spending", "Chi đầu tư xây dựng cơ bản", "billion VND"),
            _metric("total_spending", "Tổng chi ngân sách", "billion VND"),
            _metric("cultural_families", "Tỷ lệ hộ gia đình văn hóa", "percent", "higher"),
            _metric("cultural_groups", "Tỷ lệ tổ dân phố văn hóa", "percent", "higher"),
            _metric("hq_schools", "Số trường công lập chất lượng cao", "count", "higher"),
            _metric("health_insurance", "Tỷ lệ bao phủ bảo hiểm y tế", "percent", "higher"),
            _metric("poor_households", "Số hộ nghèo", "households", "lower"),
            _metric(
                "polluters_controlled", "Cơ sở gây ô nhiễm được kiểm soát", "percent", "higher"
            ),
            _metric("waste_collected", "Rác thải thu gom trong ngày", "percent", "higher"),
            _metric("party_orgs", "Tổ chức đảng", "count", scale="party_rating"),
            _metric("party_members", "Đảng viên", "count", scale="party_rating"),
            _metric("new_members", "Đảng viên mới kết nạp", "count", "higher"),
            _metric("mass_orgs", "Mặt trận và các đoàn thể", "count", scale="party_rating"),
            # For the illustrative targets below.
            _metric("gdp", "GRDP", "billion VND", "higher"),
            _metric("deficit", "Bội chi ngân sách", "billion VND", "lower"),
            _metric("public_debt", "Nợ công", "billion VND", "lower"),
            _metric("productivity", "Năng suất lao động", "million VND", "higher"),
            _metric("poverty_rate", "Tỷ lệ hộ nghèo", "percent", "lower"),
            _metric("doctors", "Số bác sĩ", "count", "higher"),
            _metric("population", "Dân số", "people"),
            _metric("civilised", "Đạt chuẩn văn minh đô thị", "yes/no"),
            Metric(
                "clean_water",
                vi("Tỷ lệ dân cư sử dụng nước sạch"),
                "percent",
                "higher",
                dimensions=[Dimension("area", vi("khu vực"), ["urban", "rural"])],
                definition=vi("Nước sạch đáp ứng quy chuẩn kỹ thuật quốc gia"),
            ),
            Metric(
                "drug_hotspots",
                vi("Số tụ điểm ma túy"),
                "count",
                "lower",
                dimensions=[Dimension("ward", vi("phường"), ["Bồ Đề", "Cự Khối", "Đức Giang"])],
                attributes={"source_table": "CA quận"},
            ),
            Metric(
                "revenue_real",
                vi("Thu ngân sách (giá so sánh)"),
                "billion VND",
                "higher",
                price_basis=vi("giá so sánh 2010"),
                currency="VND",
            ),
        ],
        scales=[PARTY_RATING],
        targets=[
            Target(
                id="t1",
                text=vi(
                    "Thu ngân sách hàng năm vượt so với dự toán Thành phố giao từ 5 - 10%",
                    "Budget revenue exceeds the city's estimate by 5-10% every year",
                ),
                measure=change_vs("revenue", "city_estimate"),
                condition=between(5, 10, better="higher"),
                schedule=EVERY_YEAR,
                directions=["d1"],
            ),
            Target(
                id="t2",
                text=vi(
                    "Chi đầu tư xây dựng cơ bản hàng năm đạt từ 50% - 55% trên tổng chi ngân sách"
                ),
                measure=ratio("capital_spending", "total_spending"),
                condition=between(50, 55),
                schedule=EVERY_YEAR,
                notes=vi(
                    "Đọc là một khoảng: trên 55% cũng không đạt.",
                    "Read as a band: above 55% is not met either.",
                ),
            ),
            Target(
                id="t3",
                text=vi(
                    "Tỷ lệ hộ gia đình được công nhận danh hiệu gia đình văn hóa hàng năm "
                    "từ 91% đến 93%"
                ),
                measure=value("cultural_families"),
                condition=between(91, 93, better="higher"),
                schedule=EVERY_YEAR,
                directions=["d2"],
            ),
            Target(
                id="t4",
                text=vi(
                    "Tỷ lệ tổ dân phố được công nhận danh hiệu tổ dân phố văn hóa hàng năm 83%"
                ),
                measure=value("cultural_groups"),
                condition=at_least(83),
                schedule=EVERY_YEAR,
                directions=["d2"],
            ),
            Target(
                id="t5",
                text=vi("Số trường công lập thực hiện lộ trình chất lượng cao: 9 đơn vị"),
                measure=value("hq_schools"),
                condition=exactly(9, better="higher"),
                schedule=by_deadline(BY_2025),
            ),
            Target(
                id="t6",
                text=vi("Tỷ lệ bao phủ bảo hiểm y tế đến cuối năm 2025: 95%"),
                measure=value("health_insurance"),
                condition=at_least(95),
                schedule=by_deadline(BY_2025, baseline=2020),
            ),
            Target(
                id="t7",
                text=vi(
                    "Phấn đấu đến cuối năm 2025, giảm ¾ số hộ nghèo (theo chuẩn mới) so với "
                    "đầu năm 2021"
                ),
                measure=change_since("poor_households", "2021-01-01"),
                condition=at_most(-75),
                schedule=by_deadline(BY_2025, baseline="2021-01-01"),
            ),
            Target(
                id="t8",
                text=vi("100% các cơ sở gây ô nhiễm môi trường được kiểm soát"),
                measure=value("polluters_controlled"),
                condition=at_least(100),
                schedule=EVERY_YEAR,
            ),
            Target(
                id="t9",
                text=vi("Tỷ lệ rác thải thu gom và vận chuyển trong ngày đạt 100%"),
                measure=value("waste_collected"),
                condition=at_least(100),
                schedule=EVERY_YEAR,
            ),
            Target(
                id="t10",
                text=vi(
                    "Tỷ lệ tổ chức đảng hoàn thành tốt nhiệm vụ trở lên hàng năm đạt 95%; không "
                    "có tổ chức cơ sở đảng không hoàn thành nhiệm vụ"
                ),
                condition=all_of(
                    part(
                        share_at_least("party_orgs", "hoan_thanh_tot"),
                        at_least(95),
                        vi("Tỷ lệ tổ chức đảng hoàn thành tốt nhiệm vụ trở lên đạt 95%"),
                    ),
                    part(
                        count_at("party_orgs", "khong_hoan_thanh"),
                        at_most(0),
                        vi("Không có tổ chức cơ sở đảng không hoàn thành nhiệm vụ"),
                    ),
                ),
                schedule=EVERY_YEAR,
                directions=["d5"],
            ),
            Target(
                id="t11",
                text=vi(
                    "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên hàng năm đạt 80%; kết nạp "
                    "đảng viên hàng năm từ 180 đến 200 đồng chí"
                ),
                condition=all_of(
                    part(share_at_least("party_members", "hoan_thanh_tot"), at_least(80)),
                    part(value("new_members"), between(180, 200, better="higher")),
                ),
                schedule=EVERY_YEAR,
                directions=["d5"],
            ),
            Target(
                id="t12",
                text=vi(
                    "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội Quận hàng năm hoàn "
                    "thành tốt nhiệm vụ trở lên"
                ),
                measure=lowest_rating("mass_orgs"),
                condition=rating_at_least("hoan_thanh_tot"),
                schedule=EVERY_YEAR,
            ),
            # Illustrative targets, not in the Long Biên plan.
            Target(
                id="x1",
                text=vi("Thu ngân sách tăng bình quân 6,5 - 7%/năm", "Revenue grows 6.5-7% a year"),
                measure=growth("revenue", 2020, 2025),
                condition=between("6.5", 7, better="higher"),
                schedule=over_term(),
            ),
            Target(
                id="x2",
                text=vi("Tổng chi đầu tư xây dựng cơ bản 5 năm trên 20.000 tỷ đồng"),
                measure=total("capital_spending", 2021, 2025),
                condition=at_least(20000, strict=True),
                schedule=over_term(),
            ),
            Target(
                id="x3",
                text=vi("Thu ngân sách năm sau cao hơn năm trước, không quá 20%"),
                measure=change_from_previous("revenue"),
                condition=between(0, 20, better="higher", lo_strict=True),
                schedule=EVERY_YEAR,
            ),
            # Sentences from other plans (the national plan 2021-2025, climate plans),
            # completing the kinds and options of round 2.
            Target(
                id="x4",
                text=vi("Tỷ lệ bội chi ngân sách bình quân 3,7% GDP giai đoạn 2021-2025"),
                measure=average(ratio("deficit", "gdp"), 2021, 2025),
                condition=at_most("3.7", tolerance=Tolerance(5, relative=True)),
                schedule=over_term(),
                commitment="binding",
                attributes={"programme": "tài chính công"},
            ),
            Target(
                id="x5",
                text=vi("Tỷ lệ dân cư thành thị sử dụng nước sạch 95 - 100%"),
                measure=select(value("clean_water"), area="urban"),
                condition=between(95, 100, better="higher", tolerance="0.5"),
                schedule=by_deadline(BY_2025, baseline=2020, latest_within=2),
                commitment="expected",
            ),
            Target(
                id="x5.1",
                text=vi("Nông thôn 93 - 95%"),
                measure=select(value("clean_water"), area="rural"),
                condition=between(93, 95, better="higher"),
                schedule=by_deadline(BY_2025),
                part_of="x5",
            ),
            Target(
                id="x6",
                text=vi("Tốc độ tăng năng suất lao động cao hơn tốc độ tăng GRDP"),
                measure=difference(growth("productivity", 2020, 2025), growth("gdp", 2020, 2025)),
                condition=at_least(0, strict=True),
                schedule=over_term(),
            ),
            Target(
                id="x7",
                text=vi("Đến năm 2025, quận đạt chuẩn văn minh đô thị"),
                measure=value("civilised"),
                condition=achieved(),
                schedule=by_deadline(BY_2025),
            ),
            Target(
                id="x8",
                text=vi("Thu ngân sách mỗi quý đạt ít nhất 20% dự toán năm"),
                measure=ratio("revenue", "city_estimate"),
                condition=at_least(20),
                schedule=every_quarter("2025-Q1", "2025-Q4"),
            ),
            Target(
                id="x9",
                text=vi("Hằng tháng thu gom 100% rác thải trong ngày"),
                measure=value("waste_collected"),
                condition=at_least(100),
                schedule=every_month("2025-01", "2025-12"),
            ),
            Target(
                id="x10",
                text=vi("3/3 phường không có tụ điểm ma túy"),
                measure=value("drug_hotspots"),
                condition=at_most(0),
                schedule=EVERY_YEAR,
                across=every("ward"),
            ),
            Target(
                id="x11",
                text=vi("Ít nhất 2 phường, 2/3 số phường không có tụ điểm ma túy"),
                measure=value("drug_hotspots"),
                condition=at_most(0),
                schedule=EVERY_YEAR,
                across=at_least_members("ward", 2),
                revisions=[
                    Revision(
                        replaced="2023-01-01",
                        reason=vi("Điều chỉnh giữa nhiệm kỳ"),
                        text=vi("Ít nhất 2/3 số phường không có tụ điểm ma túy"),
                        measure=value("drug_hotspots"),
                        condition=at_most(0),
                        schedule=EVERY_YEAR,
                        across=share_of_members("ward", "66.7"),
                    )
                ],
            ),
            Target(
                id="x12",
                text=vi("Giảm tỷ lệ hộ nghèo 1 - 1,5 điểm phần trăm mỗi năm"),
                measure=change_from_previous("poverty_rate", form="difference"),
                condition=between(-1.5, -1, better="lower"),
                schedule=EVERY_YEAR,
            ),
            Target(
                id="x13",
                text=vi("Đến năm 2025 thu ngân sách (giá so sánh) bằng 150% so với năm 2020"),
                measure=change_since("revenue_real", 2020, form="index"),
                condition=at_least(150),
                schedule=by_deadline(BY_2025, baseline=2020, milestones={2023: 130}),
            ),
            Target(
                id="x14",
                text=vi("Nợ công không quá 60% GRDP, ngưỡng an toàn 55%"),
                measure=ratio("public_debt", "gdp"),
                condition=at_most(60, warning=55),
                schedule=EVERY_YEAR,
            ),
            Target(
                id="x15",
                text=vi("Có 10 bác sĩ/1 vạn dân; ít nhất 40 tổ chức đảng tốt trở lên"),
                condition=all_of(
                    part(ratio("doctors", "population", per=10_000), at_least(10)),
                    part(count_at_least("party_orgs", "hoan_thanh_tot"), at_least(40)),
                ),
                schedule=by_deadline(BY_2025),
            ),
        ],
    )


def _measures(plan: Plan) -> Iterator[Measure]:
    def inside(measure: Measure) -> Iterator[Measure]:
        yield measure
        for found in vars_of(measure):
            if isinstance(found, Measure):
                yield from inside(found)

    for target in plan.targets:
        for measure in target.condition.measures(target.measure):
            yield from inside(measure)


def vars_of(item: Any) -> list[Any]:
    """The field values of an attrs instance, and of the references inside it."""
    found = [getattr(item, field.name) for field in attrs.fields(type(item))]
    return found + [v for value in found if attrs.has(type(value)) for v in vars_of(value)]


def _conditions(plan: Plan) -> Iterator[object]:
    for target in plan.targets:
        yield target.condition
        if isinstance(target.condition, AllOf):
            yield from (p.condition for p in target.condition.parts)


def test_the_every_kind_plan_uses_every_kind() -> None:
    # Breaks when a kind is added without a place here.
    plan = every_kind_plan()
    assert {type(m) for m in _measures(plan)} == set(MEASURES.types())
    assert {type(c) for c in _conditions(plan)} == set(CONDITIONS.types())
    assert {type(t.schedule) for t in plan.targets} == set(SCHEDULES.types())
    references = {type(m.reference) for m in _measures(plan) if isinstance(m, Change)}
    assert references == set(REFERENCES.types())
    versions = [version for target in plan.targets for version in target.versions()]
    quantifiers = {type(version.across) for version in versions if version.across is not None}
    assert quantifiers == set(QUANTIFIERS.types())


def test_the_every_kind_plan_round_trips_byte_identically() -> None:
    plan = every_kind_plan()
    text = dumps_plan(plan)
    again = load_plan(text)
    assert again == plan
    assert dumps_plan(again) == text


def test_the_file_keeps_vietnamese_as_utf8() -> None:
    text = dumps_plan(every_kind_plan())
    assert "\\u" not in text
    assert "giảm ¾ số hộ nghèo (theo chuẩn mới)" in text
    assert "Quận Long Biên, Hà Nội" in text
    assert "Quận Long Biên, Hà Nội".encode() in text.encode("utf-8")


def test_the_file_starts_with_the_schema_and_carries_every_kind() -> None:
    document = dump_plan(every_kind_plan())
    assert next(iter(document)) == "schema"
    assert document["schema"] == PLAN_SCHEMA == "planmodel/1"
    first = document["targets"][0]
    assert first["measure"] == {
        "kind": "change",
        "metric": "revenue",
        "reference": {"kind": "metric", "metric": "city_estimate"},
    }
    assert first["condition"] == {
        "kind": "between",
        "lo": Decimal(5),
        "hi": Decimal(10),
        "better": "higher",
    }
    assert first["schedule"] == {"kind": "every_year", "first": 2021, "last": 2025}
    assert dumps_plan(every_kind_plan()).startswith('{\n  "schema": "planmodel/1",\n')


def test_the_text_is_indented_and_ends_with_a_newline() -> None:
    text = dumps_plan(every_kind_plan())
    assert text.endswith("}\n")
    assert '\n  "term": {\n    "first": 2020,\n    "last": 2025\n  },\n' in text


# -- dates as given, provenance as known ---------------------------------------------------

#: A plan file as written, with ``{adopted}`` and ``{published}`` to fill in.
DATED_PLAN = """{{
  "schema": "planmodel/1",
  "id": "insured",
  "title": {{
    "en": "Health insurance for all"
  }},
  "term": {{
    "first": 2021,
    "last": 2025
  }},
  "adopted": "{adopted}",
  "source": {{
    "title": {{
      "en": "Official gazette"
    }},
    "published": "{published}"
  }},
  "source_language": "en",
  "metrics": [
    {{
      "id": "insured",
      "unit": "percent"
    }}
  ]
}}
"""


@pytest.mark.parametrize("when", ["2021", "2021-02", "2021-02-26"])
def test_each_partial_date_form_round_trips_byte_identically(when: str) -> None:
    text = DATED_PLAN.format(adopted=when, published=when)
    plan = load_plan(text)
    assert plan.source is not None
    assert str(plan.adopted) == str(plan.source.published) == when
    assert dumps_plan(plan) == text


def test_dates_of_different_precision_keep_their_own() -> None:
    text = DATED_PLAN.format(adopted="2021", published="2021-03-05")
    plan = load_plan(text)
    assert plan.source is not None
    assert (plan.adopted, plan.source.published) == (
        PartialDate(2021),
        PartialDate(2021, 3, 5),
    )
    assert dumps_plan(plan) == text


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2021", 'a date is written as text, "2021", not as the number 2021'),
        ('"2021-13"', '"2021-13" is not a date: month 13 is outside 1-12'),
        ('"2021-2"', 'expected a date "YYYY-MM-DD", "YYYY-MM" or "YYYY", got "2021-2"'),
        ("true", 'expected a date "YYYY-MM-DD", "YYYY-MM" or "YYYY", got true'),
    ],
)
def test_a_date_written_otherwise_is_refused_with_its_path(written: str, message: str) -> None:
    text = DATED_PLAN.format(adopted="2021", published="2021").replace(
        '"adopted": "2021"', f'"adopted": {written}'
    )
    assert load_errors(text).problems == (Problem("$.adopted", message),)


def test_a_plan_file_keeps_the_order_of_its_keys() -> None:
    # The order planmodel/1 files have always been written in, so that a file written
    # before provenance became optional is written again byte for byte the same.
    keys = [key for key in dump_plan(every_kind_plan()) if key != "schema"]
    assert keys == [key for key in PLAN_KEY_ORDER if key in keys]
    assert set(PLAN_KEY_ORDER) == {field.name for field in attrs.fields(Plan) if field.init}


# -- round-trip properties -----------------------------------------------------------------


@whole_plans
@given(plans())
def test_object_to_text_to_object_is_equal(plan: Plan) -> None:
    assert load_plan(dumps_plan(plan)) == plan


@whole_plans
@given(plans())
def test_text_to_object_to_text_is_byte_identical_and_utf8(plan: Plan) -> None:
    text = dumps_plan(plan)
    assert dumps_plan(load_plan(text)) == text
    assert dumps_plan(load_plan(text.encode("utf-8"))) == text
    assert "\\u" not in text
    assert plan.title["vi"] in text


@whole_plans
@given(plans())
def test_dumping_is_deterministic(plan: Plan) -> None:
    # An equal plan built separately (here: from the dict form) gives the same bytes.
    rebuilt = load_plan(dump_plan(plan))
    assert rebuilt is not plan
    assert dumps_plan(rebuilt) == dumps_plan(plan)


# -- exact numbers -------------------------------------------------------------------------


def _plan_with(condition: Any) -> Plan:
    """A one-target plan: health-insurance coverage by 2025 under *condition*."""
    return one_target_plan(value("coverage"), condition, by_deadline(BY_2025))


def _accepted(number: Decimal) -> bool:
    try:
        within_limits(number)
    except ValueError:
        return False
    return True


# Any decimal a plan accepts: finite, and within the range computed exactly.
finite_decimals = st.decimals(allow_nan=False, allow_infinity=False).filter(_accepted)


@given(finite_decimals)
def test_any_decimal_dumps_and_reloads_to_exactly_itself(number: Decimal) -> None:
    text = dumps_plan(_plan_with(at_least(number)))
    loaded = load_plan(text).targets[0].condition
    assert isinstance(loaded, AtLeast)
    assert isinstance(loaded.value, Decimal)
    assert loaded.value == number
    assert str(loaded.value) == str(number)


@pytest.mark.parametrize("digits", ["7.20", "1E+2", "0.1", "95.000", "-75", "1E-7"])
def test_json_numbers_are_read_as_decimals_with_their_digits(digits: str) -> None:
    text = dumps_plan(_plan_with(at_least(95))).replace('"value": 95', f'"value": {digits}')
    plan = load_plan(text)
    condition = plan.targets[0].condition
    assert isinstance(condition, AtLeast)
    assert str(condition.value) == digits
    assert dumps_plan(plan) == text


def test_point_one_plus_point_two_is_point_three_after_a_round_trip() -> None:
    plan = load_plan(dumps_plan(_plan_with(between("0.1", "0.3"))))
    condition = plan.targets[0].condition
    assert isinstance(condition, Between)
    assert isinstance(condition.lo, Decimal)
    assert condition.lo + Decimal("0.2") == condition.hi


def test_nan_in_python_is_refused() -> None:
    with pytest.raises(ValueError, match="expected a finite number, got 'NaN'"):
        _plan_with(at_least("NaN"))


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_in_json_text_is_refused_with_its_path(literal: str) -> None:
    text = dumps_plan(_plan_with(at_least(95))).replace('"value": 95', f'"value": {literal}')
    with pytest.raises(PlanLoadError) as info:
        load_plan(text)
    assert info.value.problems == (
        Problem("$.targets[0].condition.value", f"expected a finite number, got {literal}"),
    )


def test_a_float_in_a_parsed_document_is_refused_with_a_helpful_message() -> None:
    # json.load() without parse_float=Decimal gives floats; the message should say so.
    document = dump_plan(_plan_with(at_least(95)))
    document["targets"][0]["condition"]["value"] = 0.5
    with pytest.raises(PlanLoadError) as info:
        load_plan(document)
    assert info.value.problems == (
        Problem(
            "$.targets[0].condition.value",
            "expected an exact number, got the float 0.5; parse JSON with decimals "
            "(load_plan does) or write the number as a Decimal",
        ),
    )


# -- load errors ---------------------------------------------------------------------------

NAN, INFINITY = "<<NaN>>", "<<Infinity>>"


def base_document() -> dict[str, Any]:
    document, _ = read_json(dumps_plan(every_kind_plan()))
    assert isinstance(document, dict)
    return document


#: A placeholder for a number literal Decimal cannot read, written bare by render().
HUGE_EXPONENT = "__1e99999999999999999999__"


def render(document: dict[str, Any]) -> str:
    """JSON text for *document*, with the placeholders written as bare literals."""
    return (
        write_json(document)
        .replace(f'"{NAN}"', "NaN")
        .replace(f'"-{INFINITY}"', "-Infinity")
        .replace(f'"{INFINITY}"', "Infinity")
        .replace(f'"{HUGE_EXPONENT}"', "1e99999999999999999999")
    )


def load_errors(source: Any) -> PlanLoadError:
    with pytest.raises(PlanLoadError) as info:
        load_plan(source)
    return info.value


def rename_title(document: dict[str, Any]) -> None:
    document["tittle"] = document.pop("title")


PLAN_KEYS = (
    "id, title, jurisdiction, term, adopted, adopted_by, source, source_language, "
    "fiscal_year_start, objective, directions, breakthroughs, targets, metrics, scales"
)
CONDITION_KINDS = "achieved, all_of, at_least, at_most, between, exactly, rating_at_least"
TYPO = [
    Problem("$.title", "required key missing"),
    Problem("$.tittle", f"unknown key; expected one of: {PLAN_KEYS}"),
]
STRING_FOR_NUMBER = Problem("$.targets[0].condition.lo", 'expected a number, got "abc"')
DUPLICATE_KEY = Problem("$.id", "duplicate key")
NAN_HI = Problem("$.targets[1].condition.hi", "expected a finite number, got NaN")
UNKNOWN_KIND = Problem(
    "$.targets[2].condition.kind",
    f'unknown condition kind "at_leest"; expected one of: {CONDITION_KINDS}',
)


def _duplicate_id(text: str) -> str:
    return text.replace('"id": "longbien-2020-2025",', '"id": "longbien-2020-2025",\n  "id": "lb",')


LOAD_ERRORS: list[tuple[str, Edit, list[Problem]]] = [
    ("typo'd key", rename_title, TYPO),
    ("string for a number", set_at("targets", 0, "condition", "lo", to="abc"), [STRING_FOR_NUMBER]),
    (
        "NaN",
        set_at("targets", 0, "condition", "lo", to=NAN),
        [Problem("$.targets[0].condition.lo", "expected a finite number, got NaN")],
    ),
    (
        "Infinity",
        set_at("targets", 0, "condition", "hi", to=INFINITY),
        [Problem("$.targets[0].condition.hi", "expected a finite number, got Infinity")],
    ),
    (
        "unknown kind",
        set_at("targets", 0, "condition", "kind", to="at_leest"),
        [
            Problem(
                "$.targets[0].condition.kind",
                f'unknown condition kind "at_leest"; expected one of: {CONDITION_KINDS}',
            )
        ],
    ),
    (
        "missing kind",
        delete_at("targets", 0, "schedule", "kind"),
        [
            Problem(
                "$.targets[0].schedule.kind",
                "required key missing; a schedule names its kind, one of: "
                "by_deadline, every_month, every_quarter, every_year, over_term",
            )
        ],
    ),
    (
        "missing required key",
        delete_at("targets", 0, "schedule", "first"),
        [Problem("$.targets[0].schedule.first", "required key missing")],
    ),
    (
        "a number where a string belongs",
        set_at("id", to=2020),
        [Problem("$.id", "expected a string, got 2020")],
    ),
    (
        "a number where a direction id belongs",
        set_at("targets", 0, "directions", to=[1]),
        [Problem("$.targets[0].directions[0]", "expected a string, got 1")],
    ),
    (
        "a string where a list belongs",
        set_at("targets", 0, "directions", to="d1"),
        [Problem("$.targets[0].directions", 'expected a list, got "d1"')],
    ),
    (
        "a bool where a number belongs",
        set_at("targets", 0, "condition", "lo", to=True),
        [Problem("$.targets[0].condition.lo", "expected a number, got true")],
    ),
    (
        "a year as a string",
        set_at("term", "first", to="2020"),
        [Problem("$.term.first", 'expected a whole number, got "2020"')],
    ),
    (
        "a bad date",
        set_at("adopted", to="2020-02-30"),
        [Problem("$.adopted", '"2020-02-30" is not a date: day 30 is outside 1-29 in 2020-02')],
    ),
    (
        "a date in another shape",
        set_at("source", "published", to="20/08/2020"),
        [
            Problem(
                "$.source.published",
                'expected a date "YYYY-MM-DD", "YYYY-MM" or "YYYY", got "20/08/2020"',
            )
        ],
    ),
    (
        "null where text belongs",
        set_at("title", to=None),
        [
            Problem(
                "$.title",
                'expected an object of language tag → text, e.g. {"vi": "…", "en": "…"}, got null',
            )
        ],
    ),
    (
        "an unknown key deep inside",
        set_at("targets", 9, "condition", "parts", 1, "condition", "valeu", to=0),
        [
            Problem(
                "$.targets[9].condition.parts[1].condition.valeu",
                "unknown key; expected one of: kind, value, strict, tolerance, warning",
            )
        ],
    ),
    (
        "NaN where text belongs",
        set_at("title", "vi", to=NAN),
        [Problem("$.title.vi", "expected a string, got NaN")],
    ),
    (
        "-Infinity where text belongs",
        set_at("jurisdiction", "en", to=f"-{INFINITY}"),
        [Problem("$.jurisdiction.en", "expected a string, got -Infinity")],
    ),
    (
        "a whole number of 5,000 digits",
        set_at("targets", 0, "condition", "lo", to=Decimal("1" + "0" * 4999)),
        [
            Problem(
                "$.targets[0].condition.lo",
                "a number of 5000 significant digits has more than planmodel computes exactly (50)",
            )
        ],
    ),
    (
        "a year of 5,000 digits",
        set_at("term", "first", to=Decimal("1" + "0" * 4999)),
        [Problem("$.term.first", "expected a whole number, got one of 5,000 digits")],
    ),
    (
        "an exponent beyond Decimal's",
        set_at("targets", 0, "condition", "lo", to=HUGE_EXPONENT),
        [
            Problem(
                "$.targets[0].condition.lo",
                "1e99999999999999999999 is beyond the numbers planmodel computes exactly (10^±50)",
            )
        ],
    ),
    (
        "wrong schema version",
        set_at("schema", to="planmodel/2"),
        [Problem("$.schema", "unknown schema version 'planmodel/2'; known: planmodel/1")],
    ),
    (
        "missing schema",
        delete_at("schema"),
        [Problem("$.schema", 'required key missing; expected "planmodel/1"')],
    ),
]


@pytest.mark.parametrize(
    ("change", "expected"),
    [(c, e) for _, c, e in LOAD_ERRORS],
    ids=[name for name, _, _ in LOAD_ERRORS],
)
def test_each_load_error_names_its_path_and_what_was_expected(
    change: Edit, expected: list[Problem]
) -> None:
    document = base_document()
    change(document)
    assert sorted(load_errors(render(document)).problems, key=str) == sorted(expected, key=str)


def test_a_duplicate_key_is_refused_even_with_the_same_meaning() -> None:
    text = dumps_plan(every_kind_plan()).replace(
        '"source_language": "vi",', '"source_language": "vi",\n  "source_language": "vi",'
    )
    assert load_errors(text).problems == (Problem("$.source_language", "duplicate key"),)


def test_a_duplicate_key_with_another_value_is_refused() -> None:
    text = _duplicate_id(dumps_plan(every_kind_plan()))
    assert load_errors(text).problems == (DUPLICATE_KEY,)


def test_one_file_with_five_mistakes_lists_them_all_in_one_exception() -> None:
    document = base_document()
    rename_title(document)
    set_at("targets", 0, "condition", "lo", to="abc")(document)
    set_at("targets", 1, "condition", "hi", to=NAN)(document)
    set_at("targets", 2, "condition", "kind", to="at_leest")(document)
    text = _duplicate_id(render(document))
    error = load_errors(text)
    assert sorted(error.problems, key=str) == sorted(
        [*TYPO, STRING_FOR_NUMBER, DUPLICATE_KEY, NAN_HI, UNKNOWN_KIND], key=str
    )
    message = str(error)
    assert message.startswith("6 problems found\n")
    for problem in (*TYPO, STRING_FOR_NUMBER, DUPLICATE_KEY, NAN_HI, UNKNOWN_KIND):
        assert f"\n  {problem}" in message


def test_an_unknown_kind_lists_the_known_kinds() -> None:
    document = base_document()
    set_at("targets", 0, "measure", "kind", to="valu")(document)
    set_at("targets", 0, "schedule", "kind", to="yearly")(document)
    problems = load_errors(render(document)).problems
    kinds = {p.where: p.message for p in problems}
    assert kinds["$.targets[0].measure.kind"] == (
        'unknown measure kind "valu"; expected one of: average, change, count_at, difference, '
        "growth, lowest_rating, ratio, select, share_at_least, total, value"
    )
    assert kinds["$.targets[0].schedule.kind"] == (
        'unknown schedule kind "yearly"; expected one of: by_deadline, every_month, '
        "every_quarter, every_year, over_term"
    )


def test_text_that_is_not_json_gives_the_line_and_column() -> None:
    error = load_errors('{"schema": "planmodel/1",\n "id": }')
    assert error.problems == (Problem("$", "not valid JSON: Expecting value (line 2, column 8)"),)


@pytest.mark.parametrize("text", ["[]", "[1, 2]"])
def test_a_document_that_is_not_an_object_is_refused(text: str) -> None:
    assert load_errors(text).problems == (Problem("$", "expected a JSON object"),)


def test_a_list_where_an_object_belongs_is_refused_plainly() -> None:
    document = base_document()
    document["term"] = [2020, 2025]
    assert load_errors(render(document)).problems == (
        Problem("$.term", "expected an object, got a list"),
    )


def test_validation_rules_are_load_errors_too() -> None:
    document = base_document()
    set_at("targets", 0, "measure", "metric", to="revenu")(document)
    set_at("targets", 3, "directions", to=["d9"])(document)
    error = load_errors(render(document))
    assert isinstance(error, PlanLoadError)
    assert error.problems == (
        Problem("$.targets[0].measure.metric", "unknown metric 'revenu'"),
        Problem("$.targets[3].directions[0]", "unknown direction 'd9'"),
    )


# -- what load_plan reads ------------------------------------------------------------------


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "longbien.json"
    path.write_text(dumps_plan(every_kind_plan()), encoding="utf-8")
    return path


def test_load_plan_reads_a_path_as_str_or_pathlib(plan_file: Path) -> None:
    assert load_plan(plan_file) == every_kind_plan()
    assert load_plan(str(plan_file)) == every_kind_plan()


def test_load_plan_reads_json_text_bytes_and_a_document() -> None:
    text = dumps_plan(every_kind_plan())
    assert load_plan(text) == every_kind_plan()
    assert load_plan("\n  " + text) == every_kind_plan()
    assert load_plan(text.encode("utf-8")) == every_kind_plan()
    assert load_plan(b"\xef\xbb\xbf" + text.encode("utf-8")) == every_kind_plan()
    assert load_plan(dump_plan(every_kind_plan())) == every_kind_plan()


def test_a_missing_file_is_a_load_error_not_an_os_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-plan.json"
    for source in (missing, str(missing)):
        error = load_errors(source)
        assert not isinstance(error, OSError)
        assert error.subject == str(missing)
        (problem,) = error.problems
        assert problem.where == "$"
        assert "No such file or directory" in problem.message


def test_errors_in_a_file_name_the_file(plan_file: Path) -> None:
    plan_file.write_text(
        plan_file.read_text(encoding="utf-8").replace('"title"', '"tittle"', 1), encoding="utf-8"
    )
    error = load_errors(str(plan_file))
    assert error.subject == str(plan_file)
    assert str(error).startswith(f"{plan_file}: 2 problems found\n")


def test_a_file_that_is_not_utf8_is_a_load_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"schema": "planmodel/1", "id": "Long Biên"}'.encode("latin-1"))
    error = load_errors(str(path))
    (problem,) = error.problems
    assert problem.message.startswith("not UTF-8 text")


@pytest.mark.parametrize("as_bytes", [False, True])
def test_errors_in_json_text_do_not_repeat_the_text(as_bytes: bool) -> None:
    text = '{"schema": "planmodel/1",\n "id": }'
    error = load_errors(text.encode() if as_bytes else text)
    assert error.subject == ""
    assert str(error).startswith("1 problem found\n")


# -- evaluations ---------------------------------------------------------------------------

# Reported figures from data/longbien_reported_figures.md (kinhtedothi.vn, March 2024).
REPORTED_2023 = [
    Observation("cultural_families", 2023, "94.10", "kinhtedothi.vn", "tỷ lệ Gia đình văn hóa"),
    Observation("cultural_groups", 2023, "93.27", "kinhtedothi.vn", "tỷ lệ Tổ dân phố văn hóa"),
]


def test_an_evaluation_dumps_with_schema_summary_and_exact_values() -> None:
    plan = every_kind_plan()
    evaluation = evaluate(plan, REPORTED_2023, as_of="2024-03-01")
    document = dump_evaluation(evaluation)
    assert list(document) == ["schema", "plan", "as_of", "summary", "targets"]
    assert document["schema"] == EVALUATION_SCHEMA == "planmodel-evaluation/1"
    assert document["plan"] == "longbien-2020-2025"
    assert document["as_of"] == "2024-03-01"
    assert list(document["summary"]) == [status.value for status in Status]
    assert sum(document["summary"].values()) == len(plan.targets)
    assert [t["target"] for t in document["targets"]] == [t.id for t in plan.targets]
    assert all(isinstance(t["status"], str) for t in document["targets"])

    text = dumps_evaluation(evaluation)
    assert text == dumps_evaluation(evaluate(plan, list(reversed(REPORTED_2023)), "2024-03-01"))
    again, problems = read_json(text)
    assert problems == []
    t4 = next(t for t in again["targets"] if t["target"] == "t4")
    (judged_2023,) = [j for j in t4["judgements"] if j["period"] == 2023]
    assert str(judged_2023["value"]) == "93.27"
    assert judged_2023["status"] == "met"
    assert "\\u" not in text


def test_dates_in_an_evaluation_are_iso_text() -> None:
    evaluation = evaluate(every_kind_plan(), REPORTED_2023, as_of=dt.date(2024, 3, 1))
    assert dump_evaluation(evaluation)["as_of"] == "2024-03-01"


# -- text that cannot be trusted -----------------------------------------------------------


def test_a_lone_surrogate_in_plan_text_is_refused_with_its_path() -> None:
    # JSON can spell one ("\ud800"); it passed validation, then show and evaluate died
    # with UnicodeEncodeError when they wrote it.
    text = render(base_document()).replace('"vi": "Văn kiện', '"vi": "\\ud800 Văn kiện', 1)
    assert load_errors(text).problems == (
        Problem(
            "$.title.vi",
            "expected text, got a lone surrogate (\\ud800), which is not a character and "
            "cannot be written as UTF-8",
        ),
    )


def test_a_lone_surrogate_anywhere_a_string_is_read_is_refused() -> None:
    document = base_document()
    document["metrics"][0]["unit"] = "\udfff"
    (problem,) = load_errors(render(document)).problems
    assert problem.where == "$.metrics[0].unit"


def test_a_huge_string_where_a_number_belongs_is_not_repeated_whole() -> None:
    document = base_document()
    document["targets"][0]["condition"]["lo"] = "9" * 50_000_000
    (problem,) = load_errors(render(document)).problems
    assert problem == Problem(
        "$.targets[0].condition.lo",
        f'expected a number, got "{"9" * 80}"…(50,000,000 characters)',
    )


def test_a_huge_unknown_key_is_shortened_in_its_path() -> None:
    document = base_document()
    document["x" * 1000] = 1
    (problem,) = load_errors(render(document)).problems
    assert problem.where == f"$.{'x' * 80}…(1,000 characters)"


def test_control_characters_in_a_bad_value_are_shown_escaped() -> None:
    document = base_document()
    document["targets"][0]["condition"]["lo"] = "\x1b[2J\x1b]0;owned\x07"
    (problem,) = load_errors(render(document)).problems
    assert problem.message == 'expected a number, got "\\u001b[2J\\u001b]0;owned\\u0007"'
    assert "\x1b" not in str(load_errors(render(document)))


# -- fuzzing: mutations of a real plan ------------------------------------------------------

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
LONGBIEN_DOCUMENT: dict[str, Any] = read_json((EXAMPLES / "longbien_2020_2025.json").read_bytes())[
    0
]
LONGBIEN_FIGURES = (EXAMPLES / "longbien_observations.csv").read_bytes()


def _every_output(plan: Plan) -> None:
    """Evaluate *plan* on the Long Biên figures (none, if they no longer fit it) and
    write every report and the outline: none may raise."""
    try:
        figures: Any = load_observations(LONGBIEN_FIGURES, plan)
    except ObservationsError:
        figures = []
    evaluation = evaluate(plan, figures, "2025-06-30")
    for lang in ("en", "vi"):
        for text in (
            render_text(plan, evaluation, lang=lang, color=True),
            render_markdown(plan, evaluation, lang=lang),
            render_html(plan, evaluation, lang=lang),
            render_outline(plan, lang=lang),
        ):
            text.encode("utf-8")
    render_json(evaluation).encode("utf-8")


@FUZZ
@given(mutated(LONGBIEN_DOCUMENT), st.booleans())
def test_a_mutated_plan_loads_exactly_as_written_or_is_refused_with_paths(
    document: dict[str, Any], ascii_only: bool
) -> None:
    text = to_text(document, ascii_only)
    try:
        plan = load_plan(text)
    except PlanLoadError as error:
        refused: PlanLoadError | None = error
    else:
        refused = None
    event("refused" if refused else "accepted")
    if refused is not None:
        assert refused.problems
        assert all(problem.where.startswith("$") for problem in refused.problems)
        str(refused).encode("utf-8")  # printable, whatever the file held
        return
    # Accepted: every value reads back as written, digit for digit.
    assert same_leaves(read_json(text)[0], read_json(dumps_plan(plan))[0])
    _every_output(plan)
