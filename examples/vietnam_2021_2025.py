"""Viet Nam's national targets for 2021-2025, encoded with planmodel, and a report on them.

Twenty targets are the "Định hướng các chỉ tiêu chủ yếu về phát triển kinh tế - xã hội
5 năm 2021 - 2025" of the resolution of the 13th National Congress of the Communist
Party of Viet Nam (adopted on 1 February 2021); three public-finance targets come from
the National Assembly's Resolution 16/2021/QH15 on the five-year socio-economic plan
(27 July 2021). Every Vietnamese statement below is copied character for character from
``sources/vietnam_2021_2025.vi.txt`` (where that file got each text, and what could not
be checked against the official publication, is written there); the English beside it
is a translation.

Where the text leaves a reading open, the comment above the target and the target's
``notes`` say which reading was chosen and what the other would be, so that a reader
who disagrees changes one line. "khoảng" (about) is read with a tolerance: a figure
that rounds to the stated value at the precision the text states it is nearly met
("cơ bản đạt") — half a unit of the text's last digit below (or above) the bound.

Run it from anywhere::

    python examples/vietnam_2021_2025.py                    # report on the real figures
    python examples/vietnam_2021_2025.py --lang vi          # the same, in Vietnamese
    python examples/vietnam_2021_2025.py --as-of 2025-06-30 # mid-2025, before the end
    python examples/vietnam_2021_2025.py --write-json       # regenerate the plan's JSON file
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

import planmodel
from planmodel import (
    Better,
    Commitment,
    Condition,
    Dimension,
    Measure,
    Metric,
    Plan,
    Schedule,
    Source,
    Target,
    Term,
    Text,
    Tolerance,
    all_of,
    at_least,
    at_most,
    average,
    between,
    by_deadline,
    change_from_previous,
    every_year,
    over_term,
    part,
    select,
    value,
)
from planmodel.reports import render_text
from planmodel.words import languages

HERE = Path(__file__).resolve().parent
PLAN_JSON = HERE / "vietnam_2021_2025.json"
OBSERVATIONS = HERE / "vietnam_observations.csv"

#: The default evaluation date: a year after the term, when the figures for 2025
#: published in January 2026 (most of them estimates) are in.
AS_OF = dt.date(2026, 6, 30)

#: The end of the term, the deadline of the targets "đến năm 2025" and of those that
#: name no date (the resolution sets them for the five years 2021-2025).
END = "2025-12-31"

#: Where the figures of 2020 stand: the baseline of targets with a figure for 2020.
BASELINE = 2020


def _t(vi: str, en: str) -> Text:
    """A statement in Vietnamese (the source language, verbatim) and English."""
    return Text(vi=vi, en=en)


def about(step: str) -> Tolerance:
    """The tolerance of "khoảng": half a unit of the text's last digit (*step*)."""
    return Tolerance(step)


# -- provenance ---------------------------------------------------------------------------

SOURCE = Source(
    title=_t(
        "Toàn văn Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
        "Full text of the Resolution of the 13th National Congress of the Party",
    ),
    url=(
        "https://baochinhphu.vn/toan-van-nghi-quyet-dai-hoi-dai-bieu-toan-quoc-lan-thu-xiii-"
        "cua-dang-102288263.htm"
    ),
    published="2021-02-26",
    publisher=_t("Báo Điện tử Chính phủ", "Government Electronic Newspaper"),
)

OBJECTIVE = (
    _t(
        "Đến năm 2025, kỷ niệm 50 năm giải phóng hoàn toàn miền Nam, thống nhất đất nước: Là "
        "nước đang phát triển, có công nghiệp theo hướng hiện đại, vượt qua mức thu nhập trung "
        "bình thấp.",
        "By 2025, the 50th anniversary of the complete liberation of the South and the "
        "reunification of the country: a developing country with a modernising industry, "
        "past the lower-middle-income level.",
    ),
)

# Which document a target comes from, and its area: attributes a reader can filter on
# (planmodel evaluate … --where document=NQ16/2021/QH15).
CONGRESS = "Nghị quyết Đại hội XIII"
ASSEMBLY = "NQ16/2021/QH15"

# The Congress resolution calls its list "Định hướng các chỉ tiêu chủ yếu" (orientations
# for the main targets): indicative. Resolution 16 is the National Assembly's plan; the
# text available here does not say more, so its targets carry no commitment.
INDICATIVE: Commitment = "indicative"

# -- what the targets count ---------------------------------------------------------------

PERCENT = "percent"
PER_10K = "per 10000"  # a rate per 10,000 people: "15 per 10,000", "15 trên 10.000"
CONSTANT_2010 = _t("giá so sánh 2010", "constant 2010 prices")


def _metric(
    metric_id: str,
    vi: str,
    en: str,
    unit: str,
    better: Better | None,
    *,
    price_basis: Text | None = None,
    currency: str | None = None,
    definition: Text | None = None,
    dimensions: tuple[Dimension, ...] = (),
) -> Metric:
    return Metric(
        metric_id,
        _t(vi, en),
        unit,
        better,
        dimensions=dimensions,
        price_basis=price_basis,
        currency=currency,
        definition=definition,
    )


METRICS = (
    _metric(
        "gdp_growth",
        "tốc độ tăng GDP so với năm trước",
        "GDP growth on the year before",
        PERCENT,
        "higher",
        price_basis=CONSTANT_2010,
    ),
    _metric(
        "gdp_per_capita_usd",
        "GDP bình quân đầu người",
        "GDP per capita",
        "USD",
        "higher",
        currency="USD",
        price_basis=_t("giá hiện hành", "current prices"),
    ),
    _metric(
        "tfp_contribution",
        "đóng góp của TFP vào tăng trưởng",
        "contribution of TFP to growth",
        PERCENT,
        "higher",
    ),
    _metric(
        "labour_productivity_growth",
        "tốc độ tăng năng suất lao động xã hội",
        "growth of social labour productivity",
        PERCENT,
        "higher",
        price_basis=CONSTANT_2010,
    ),
    _metric(
        "urbanisation_rate",
        "tỉ lệ đô thị hoá",
        "urbanisation rate",
        PERCENT,
        "higher",
        definition=_t(
            "theo cách tính của Bộ Xây dựng (dân số các đô thị), không phải tỉ lệ dân số thành "
            "thị của Tổng cục Thống kê",
            "as the Ministry of Construction counts it (the population of urban areas), not "
            "the statistics office's share of urban population",
        ),
    ),
    _metric(
        "manufacturing_share_gdp",
        "tỉ trọng công nghiệp chế biến, chế tạo trong GDP",
        "manufacturing share of GDP",
        PERCENT,
        "higher",
    ),
    _metric(
        "digital_economy_share_gdp",
        "tỉ trọng kinh tế số trong GDP",
        "digital economy share of GDP",
        PERCENT,
        "higher",
    ),
    _metric(
        "agri_labour_share",
        "tỉ trọng lao động nông nghiệp trong tổng lao động xã hội",
        "agricultural share of employment",
        PERCENT,
        "lower",
    ),
    _metric(
        "trained_labour_share",
        "tỉ lệ lao động qua đào tạo",
        "share of trained workers",
        PERCENT,
        "higher",
        definition=_t(
            "gồm cả lao động qua đào tạo không có bằng cấp, chứng chỉ",
            "including workers trained without a degree or certificate",
        ),
    ),
    _metric(
        "urban_unemployment_rate",
        "tỉ lệ thất nghiệp khu vực thành thị",
        "urban unemployment rate",
        PERCENT,
        "lower",
        definition=_t("lao động trong độ tuổi", "of the working-age labour force"),
    ),
    _metric(
        "multidim_poverty_rate",
        "tỉ lệ hộ nghèo đa chiều",
        "multidimensional poverty rate (households)",
        PERCENT,
        "lower",
        definition=_t(
            "theo chuẩn nghèo đa chiều giai đoạn 2022-2025 (Nghị định 07/2021/NĐ-CP)",
            "by the multidimensional poverty standard for 2022-2025 (Decree 07/2021/ND-CP)",
        ),
    ),
    _metric(
        "doctors_per_10k",
        "số bác sĩ trên 1 vạn dân",
        "doctors per 10,000 people",
        PER_10K,
        "higher",
    ),
    _metric(
        "hospital_beds_per_10k",
        "số giường bệnh trên 1 vạn dân",
        "hospital beds per 10,000 people",
        PER_10K,
        "higher",
    ),
    _metric(
        "health_insurance_coverage",
        "tỉ lệ tham gia bảo hiểm y tế",
        "health insurance coverage",
        PERCENT,
        "higher",
    ),
    _metric("life_expectancy", "tuổi thọ trung bình", "life expectancy", "years", "higher"),
    _metric(
        "ntm_commune_share",
        "tỉ lệ xã đạt chuẩn nông thôn mới",
        "share of communes meeting the new-rural standard",
        PERCENT,
        "higher",
    ),
    _metric(
        "ntm_model_commune_share",
        "tỉ lệ xã đạt chuẩn nông thôn mới kiểu mẫu",
        "share meeting the model new-rural standard",
        PERCENT,
        "higher",
        definition=_t(
            "trên số xã đạt chuẩn nông thôn mới",
            "of the communes meeting the new-rural standard",
        ),
    ),
    _metric(
        "clean_water_share",
        "tỉ lệ dân cư sử dụng nước sạch, nước hợp vệ sinh",
        "share of people using clean or hygienic water",
        PERCENT,
        "higher",
        dimensions=(Dimension("area", _t("khu vực", "area"), ("urban", "rural")),),
    ),
    _metric(
        "urban_solid_waste_treated_share",
        "tỉ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý đạt chuẩn",
        "share of urban household solid waste collected and treated to standard",
        PERCENT,
        "higher",
    ),
    _metric(
        "industrial_zone_wastewater_share",
        "tỉ lệ khu công nghiệp, khu chế xuất có hệ thống xử lý nước thải đạt chuẩn",
        "share of industrial zones with wastewater treatment to standard",
        PERCENT,
        "higher",
    ),
    _metric(
        "serious_polluters_treated_share",
        "tỉ lệ cơ sở gây ô nhiễm nghiêm trọng được xử lý",
        "share of serious polluters dealt with",
        PERCENT,
        "higher",
    ),
    _metric("forest_cover", "tỉ lệ che phủ rừng", "forest cover", PERCENT, "higher"),
    _metric(
        "budget_deficit_gdp",
        "bội chi ngân sách nhà nước so với GDP",
        "state budget deficit, share of GDP",
        PERCENT,
        "lower",
    ),
    _metric("public_debt_gdp", "nợ công so với GDP", "public debt, share of GDP", PERCENT, "lower"),
    _metric(
        "government_debt_gdp",
        "nợ Chính phủ so với GDP",
        "government debt, share of GDP",
        PERCENT,
        "lower",
    ),
)


def _target(
    target_id: str,
    text: Text,
    *,
    notes: Text,
    area: str,
    measure: Measure | None = None,
    condition: Condition,
    schedule: Schedule,
    document: str = CONGRESS,
) -> Target:
    return Target(
        id=target_id,
        text=text,
        notes=notes,
        commitment=INDICATIVE if document == CONGRESS else None,
        attributes={"document": document, "area": area},
        measure=measure,
        condition=condition,
        schedule=schedule,
    )


ECONOMY, SOCIETY, ENVIRONMENT, FINANCE = "kinh tế", "xã hội", "môi trường", "tài chính công"

TARGETS = (
    # T1: "bình quân 5 năm" is the constant yearly rate that compounds to the five years'
    # growth, computed from the yearly rates the statistics office publishes (it publishes
    # no GDP levels at constant prices in the sources found). "khoảng 6,5 - 7": between
    # 6.5 and 7, higher being better, nearly met down to 6.45.
    _target(
        "T1",
        _t(
            "Tốc độ tăng trưởng kinh tế (GDP) bình quân 5 năm đạt khoảng 6,5 - 7%/năm",
            "Average GDP growth over the five years of about 6.5-7% a year",
        ),
        notes=_t(
            "Bình quân 5 năm: tốc độ tăng bình quân năm tính lũy kế từ tốc độ tăng từng năm "
            "2021-2025. Khoảng: cơ bản đạt từ 6,45%. Trên 7% là vượt.",
            "The 5-year average: the constant yearly rate compounding to the growth of "
            "2021-2025, from each year's rate. About: nearly met from 6.45%. Above 7% is "
            "exceeded. Alternative: the arithmetic mean of the yearly rates.",
        ),
        area=ECONOMY,
        measure=average(value("gdp_growth"), 2021, 2025, method="compound"),
        condition=between("6.5", 7, better="higher", tolerance=about("0.05")),
        schedule=over_term(),
    ),
    # T2: a level in 2025; "khoảng 4.700 - 5.000 USD" counts in hundreds: nearly met from
    # 4,650 USD; above 5,000 is exceeded.
    _target(
        "T2",
        _t(
            "Đến năm 2025, GDP bình quân đầu người khoảng 4.700 - 5.000 USD",
            "By 2025, GDP per capita of about 4,700-5,000 USD",
        ),
        notes=_t(
            "Theo giá hiện hành, USD. Khoảng: cơ bản đạt từ 4.650 USD; trên 5.000 USD là vượt.",
            "Current prices, USD. About: nearly met from 4,650 USD; above 5,000 USD is "
            "exceeded. Interim figures are compared with the line from the 2020 figure.",
        ),
        area=ECONOMY,
        measure=value("gdp_per_capita_usd"),
        condition=between(4700, 5000, better="higher", tolerance=about("50")),
        schedule=by_deadline(END, baseline=BASELINE),
    ),
    # T3: TFP's contribution to growth over the five years, read as the mean of the yearly
    # contributions (the statistics office publishes them only in some years).
    _target(
        "T3",
        _t(
            "đóng góp của năng suất các nhân tố tổng hợp (TFP) vào tăng trưởng đạt khoảng 45%",
            "The contribution of total factor productivity (TFP) to growth of about 45%",
        ),
        notes=_t(
            "Bình quân các năm 2021-2025. Khoảng: cơ bản đạt từ 44,5%.",
            "The mean of the years 2021-2025. About: nearly met from 44.5%. Alternative: the "
            "contribution the statistics office publishes for the whole period.",
        ),
        area=ECONOMY,
        measure=average(value("tfp_contribution"), 2021, 2025),
        condition=at_least(45, tolerance=about("0.5")),
        schedule=over_term(),
    ),
    # T4: "bình quân trên 6,5%/năm": compounded like T1, strictly above 6.5.
    _target(
        "T4",
        _t(
            "tốc độ tăng năng suất lao động xã hội bình quân trên 6,5%/năm",
            "Average growth of social labour productivity above 6.5% a year",
        ),
        notes=_t(
            "Bình quân năm tính lũy kế 2021-2025; trên 6,5% (không kể 6,5%).",
            "The compounded yearly average of 2021-2025; above 6.5% (6.5% itself is not met).",
        ),
        area=ECONOMY,
        measure=average(value("labour_productivity_growth"), 2021, 2025, method="compound"),
        condition=at_least("6.5", strict=True),
        schedule=over_term(),
    ),
    # T5-T7: in the resolution these clauses follow "Đến năm 2025" in one sentence: levels
    # in 2025. For urbanisation on the target's basis only "nearly 40%" was found for
    # 2020, not a figure to draw a line from, so T5 has no baseline (interim figures are
    # shown, not judged).
    _target(
        "T5",
        _t("tỉ lệ đô thị hoá khoảng 45%", "An urbanisation rate of about 45%"),
        notes=_t(
            "Năm 2025. Khoảng: cơ bản đạt từ 44,5%.",
            "In 2025. About: nearly met from 44.5%. The rate as the Ministry of Construction "
            "counts it; the statistics office's urban population share is some 6 points lower.",
        ),
        area=ECONOMY,
        measure=value("urbanisation_rate"),
        condition=at_least(45, tolerance=about("0.5")),
        schedule=by_deadline(END),
    ),
    _target(
        "T6",
        _t(
            "tỉ trọng công nghiệp chế biến, chế tạo trong GDP đạt trên 25%",
            "A manufacturing share of GDP above 25%",
        ),
        notes=_t(
            "Năm 2025; trên 25% (không kể 25%).",
            "In 2025; above 25% (25% itself is not met).",
        ),
        area=ECONOMY,
        measure=value("manufacturing_share_gdp"),
        condition=at_least(25, strict=True),
        schedule=by_deadline(END, baseline=BASELINE),
    ),
    _target(
        "T7",
        _t("kinh tế số đạt khoảng 20% GDP", "A digital economy of about 20% of GDP"),
        notes=_t(
            "Năm 2025. Khoảng: cơ bản đạt từ 19,5%.",
            "In 2025. About: nearly met from 19.5%.",
        ),
        area=ECONOMY,
        measure=value("digital_economy_share_gdp"),
        condition=at_least(20, tolerance=about("0.5")),
        schedule=by_deadline(END, baseline=BASELINE),
    ),
    # T8: the plan wants fewer workers in agriculture: "khoảng 25%" read as at most 25.
    _target(
        "T8",
        _t(
            "Đến năm 2025, tỉ trọng lao động nông nghiệp trong tổng lao động xã hội khoảng 25%",
            "By 2025, agriculture's share of total employment of about 25%",
        ),
        notes=_t(
            "Không quá 25%; cơ bản đạt đến 25,5%.",
            "At most 25% (the plan reduces it); nearly met up to 25.5%. Alternative: exactly "
            "about 25%, where a share well below would not be met.",
        ),
        area=SOCIETY,
        measure=value("agri_labour_share"),
        condition=at_most(25, tolerance=about("0.5")),
        schedule=by_deadline(END, baseline=BASELINE),
    ),
    _target(
        "T9",
        _t("tỉ lệ lao động qua đào tạo là 70%", "A share of trained workers of 70%"),
        notes=_t(
            "Năm 2025; từ 70% trở lên.",
            "In 2025; at least 70%. The total share, workers trained without a certificate "
            "included; the share with a degree or certificate is some 40 points lower.",
        ),
        area=SOCIETY,
        measure=value("trained_labour_share"),
        condition=at_least(70),
        schedule=by_deadline(END, baseline=BASELINE),
    ),
    # T10: the text names the year: judged on the 2025 figure only.
    _target(
        "T10",
        _t(
            "tỉ lệ thất nghiệp ở khu vực thành thị năm 2025 dưới 4%",
            "Urban unemployment below 4% in 2025",
        ),
        notes=_t("Năm 2025; dưới 4% (không kể 4%).", "In 2025; below 4% (4% itself is not met)."),
        area=SOCIETY,
        measure=value("urban_unemployment_rate"),
        condition=at_most(4, strict=True),
        schedule=by_deadline(END),
    ),
    # T11: "giảm 1 - 1,5% hằng năm" of a rate is read in percentage points. The 2022-2025
    # standard begins with the review of 2021: the first decrease on one standard is 2022's.
    _target(
        "T11",
        _t(
            "tỉ lệ nghèo đa chiều duy trì mức giảm 1 - 1,5% hằng năm",
            "The multidimensional poverty rate keeps falling by 1-1.5 points a year",
        ),
        notes=_t(
            "Giảm 1 - 1,5 điểm phần trăm mỗi năm 2022-2025 theo chuẩn 2022-2025; giảm hơn "
            "1,5 điểm là vượt.",
            "A fall of 1-1.5 percentage points each year 2022-2025, on the 2022-2025 "
            "standard; a larger fall is exceeded. 2021's fall would compare two standards. "
            "Alternative: a relative fall of 1-1.5% of the rate.",
        ),
        area=SOCIETY,
        measure=change_from_previous("multidim_poverty_rate", form="difference"),
        condition=between("-1.5", -1, better="lower"),
        schedule=every_year(2022, 2025),
    ),
    _target(
        "T12",
        _t(
            "có 10 bác sĩ và 30 giường bệnh/1 vạn dân",
            "10 doctors and 30 hospital beds per 10,000 people",
        ),
        notes=_t(
            "Năm 2025; cả hai chỉ số từ mức nêu trở lên.",
            "In 2025; both at least the figure stated.",
        ),
        area=SOCIETY,
        condition=all_of(
            part(value("doctors_per_10k"), at_least(10), _t("10 bác sĩ", "10 doctors")),
            part(
                value("hospital_beds_per_10k"),
                at_least(30),
                _t("30 giường bệnh/1 vạn dân", "30 hospital beds per 10,000 people"),
            ),
        ),
        schedule=by_deadline(END, baseline=BASELINE),
    ),
    _target(
        "T13",
        _t(
            "tỉ lệ tham gia bảo hiểm y tế đạt 95% dân số",
            "Health insurance covering 95% of the population",
        ),
        notes=_t("Năm 2025; từ 95% trở lên.", "In 2025; at least 95%."),
        area=SOCIETY,
        measure=value("health_insurance_coverage"),
        condition=at_least(95),
        schedule=by_deadline(END, baseline=BASELINE),
    ),
    _target(
        "T14",
        _t("tuổi thọ trung bình đạt khoảng 74,5 tuổi", "Life expectancy of about 74.5 years"),
        notes=_t(
            "Năm 2025. Khoảng: cơ bản đạt từ 74,45 tuổi.",
            "In 2025. About: nearly met from 74.45 years. The 2023 figure is on a revised "
            "series (first released as 73.7): the years before 2023 are not comparable.",
        ),
        area=SOCIETY,
        measure=value("life_expectancy"),
        condition=at_least("74.5", tolerance=about("0.05")),
        schedule=by_deadline(END, baseline=BASELINE),
    ),
    # T15 and its "trong đó": the sub-target is judged on its own; "10%" is read as a share
    # of the communes meeting the new-rural standard, as the programme reports it.
    _target(
        "T15",
        _t(
            "tỉ lệ xã đạt tiêu chuẩn nông thôn mới tối thiểu 80%",
            "At least 80% of communes meeting the new-rural standard",
        ),
        notes=_t("Năm 2025; từ 80% trở lên.", "In 2025; at least 80%."),
        area=SOCIETY,
        measure=value("ntm_commune_share"),
        condition=at_least(80),
        schedule=by_deadline(END),
    ),
    Target(
        id="T15.1",
        text=_t(
            "trong đó ít nhất 10% đạt chuẩn nông thôn mới kiểu mẫu",
            "Of which at least 10% meeting the model new-rural standard",
        ),
        notes=_t(
            "10% của số xã đạt chuẩn nông thôn mới.",
            "10% of the communes meeting the new-rural standard. Alternative: 10% of all communes.",
        ),
        part_of="T15",
        commitment=INDICATIVE,
        attributes={"document": CONGRESS, "area": SOCIETY},
        measure=value("ntm_model_commune_share"),
        condition=at_least(10),
        schedule=by_deadline(END),
    ),
    # T16: one sentence, two areas: both must hold. Above a band's top is exceeded.
    _target(
        "T16",
        _t(
            "Đến năm 2025, tỉ lệ sử dụng nước sạch, nước hợp vệ sinh của dân cư thành thị là "
            "95 - 100%, nông thôn là 93 - 95%",
            "By 2025, 95-100% of urban and 93-95% of rural residents using clean or hygienic water",
        ),
        notes=_t(
            "Cả thành thị và nông thôn; trên mức trên của khoảng là vượt.",
            "Both urban and rural; above the top of a band is exceeded. Figures of "
            "standard-compliant clean water (a narrower concept) are not this metric.",
        ),
        area=ENVIRONMENT,
        condition=all_of(
            part(
                select(value("clean_water_share"), area="urban"),
                between(95, 100, better="higher"),
                _t("thành thị là 95 - 100%", "urban: 95-100%"),
            ),
            part(
                select(value("clean_water_share"), area="rural"),
                between(93, 95, better="higher"),
                _t("nông thôn là 93 - 95%", "rural: 93-95%"),
            ),
        ),
        schedule=by_deadline(END, baseline=BASELINE),
    ),
    _target(
        "T17",
        _t(
            "tỉ lệ thu gom và xử lý chất thải rắn sinh hoạt đô thị bảo đảm tiêu chuẩn, quy "
            "chuẩn đạt 90%",
            "90% of urban household solid waste collected and treated to standard",
        ),
        notes=_t("Năm 2025; từ 90% trở lên.", "In 2025; at least 90%."),
        area=ENVIRONMENT,
        measure=value("urban_solid_waste_treated_share"),
        condition=at_least(90),
        schedule=by_deadline(END),
    ),
    _target(
        "T18",
        _t(
            "tỉ lệ khu công nghiệp, khu chế xuất đang hoạt động có hệ thống xử lý nước thải "
            "tập trung đạt tiêu chuẩn môi trường là 92%",
            "92% of operating industrial and export-processing zones with central wastewater "
            "treatment meeting environmental standards",
        ),
        notes=_t(
            "Năm 2025; từ 92% trở lên.",
            "In 2025; at least 92%. The share of zones that merely have a system is a "
            "different figure.",
        ),
        area=ENVIRONMENT,
        measure=value("industrial_zone_wastewater_share"),
        condition=at_least(92),
        schedule=by_deadline(END),
    ),
    _target(
        "T19",
        _t(
            "tỉ lệ cơ sở gây ô nhiễm môi trường nghiêm trọng được xử lý đạt 100%",
            "100% of seriously polluting establishments dealt with",
        ),
        notes=_t("Năm 2025.", "In 2025."),
        area=ENVIRONMENT,
        measure=value("serious_polluters_treated_share"),
        condition=at_least(100),
        schedule=by_deadline(END),
    ),
    # T20: "giữ … ổn định 42%" (keep stable at 42%): at least 42% every year of the term.
    _target(
        "T20",
        _t("giữ tỉ lệ che phủ rừng ổn định 42%", "Forest cover kept stable at 42%"),
        notes=_t(
            "Hằng năm 2021-2025, từ 42% trở lên.",
            "Every year 2021-2025, at least 42%. Alternative: about 42%, where a much "
            "higher cover would also fail to be 'stable'.",
        ),
        area=ENVIRONMENT,
        measure=value("forest_cover"),
        condition=at_least(42),
        schedule=every_year(2021, 2025),
    ),
    # T21-T23: Resolution 16/2021/QH15.
    _target(
        "T21",
        _t(
            "Tỷ lệ bội chi ngân sách nhà nước giai đoạn 2021-2025 bình quân 3,7% GDP",
            "State budget deficit averaging 3.7% of GDP over 2021-2025",
        ),
        notes=_t(
            "Bình quân các năm 2021-2025, không quá 3,7%.",
            "The mean of the yearly deficits 2021-2025, at most 3.7% (a ceiling). "
            "Alternative: the five years' deficit over the five years' GDP.",
        ),
        document=ASSEMBLY,
        area=FINANCE,
        measure=average(value("budget_deficit_gdp"), 2021, 2025),
        condition=at_most("3.7"),
        schedule=over_term(),
    ),
    # T22-T23: two tiers: the ceiling binds, the safe threshold warns.
    _target(
        "T22",
        _t(
            "Tỷ lệ nợ công hằng năm trong phạm vi trần nợ công không quá 60% GDP, ngưỡng an "
            "toàn nợ công khoảng 55% GDP",
            "Public debt each year within the ceiling of at most 60% of GDP, with a safe "
            "threshold of about 55% of GDP",
        ),
        notes=_t(
            "Hằng năm 2021-2025; không quá 60%, cảnh báo trên 55%.",
            "Every year 2021-2025; at most 60%, with a warning above 55%.",
        ),
        document=ASSEMBLY,
        area=FINANCE,
        measure=value("public_debt_gdp"),
        condition=at_most(60, warning=55),
        schedule=every_year(2021, 2025),
    ),
    _target(
        "T23",
        _t(
            "Tỷ lệ nợ Chính phủ không quá 50% GDP, ngưỡng an toàn nợ Chính phủ khoảng 45% GDP",
            "Government debt at most 50% of GDP, with a safe threshold of about 45% of GDP",
        ),
        notes=_t(
            "Hằng năm 2021-2025 như nợ công; không quá 50%, cảnh báo trên 45%.",
            "Every year 2021-2025, like public debt; at most 50%, with a warning above 45%.",
        ),
        document=ASSEMBLY,
        area=FINANCE,
        measure=value("government_debt_gdp"),
        condition=at_most(50, warning=45),
        schedule=every_year(2021, 2025),
    ),
)


def build_plan() -> Plan:
    """The national targets 2021-2025 as a validated :class:`planmodel.Plan`."""
    return Plan(
        id="vietnam-2021-2025",
        title=_t(
            "Định hướng các chỉ tiêu chủ yếu về phát triển kinh tế - xã hội 5 năm 2021 - 2025",
            "Main socio-economic targets for the five years 2021-2025",
        ),
        jurisdiction=_t("Việt Nam", "Viet Nam"),
        term=Term(2021, 2025),
        adopted="2021-02-01",
        adopted_by=_t(
            "Đại hội đại biểu toàn quốc lần thứ XIII Đảng Cộng sản Việt Nam",
            "13th National Congress of the Communist Party of Viet Nam",
        ),
        source=SOURCE,
        source_language="vi",
        objective=OBJECTIVE,
        targets=TARGETS,
        metrics=METRICS,
    )


def plan_json(plan: Plan) -> bytes:
    """The plan file's exact bytes: UTF-8, ``\\n`` line ends on every platform."""
    return planmodel.dumps_plan(plan).encode("utf-8")


_CAVEATS = {
    "en": (
        "Figures: {path}, published national figures for 2020-2025, each with its source; "
        "most 2025 figures are estimates made in late 2025 or January 2026.\n"
        "Targets 21-23 come from Resolution 16/2021/QH15, whose text could not be checked "
        "against its official publication (see sources/vietnam_2021_2025.vi.txt)."
    ),
    "vi": (
        "Số liệu: {path}, số liệu cả nước đã công bố 2020-2025, mỗi số có nguồn; phần lớn "
        "số liệu năm 2025 là số ước tính cuối năm 2025 hoặc tháng 1/2026.\n"
        "Các chỉ tiêu 21-23 lấy từ Nghị quyết 16/2021/QH15, văn bản chưa đối chiếu được với "
        "bản công bố chính thức (xem sources/vietnam_2021_2025.vi.txt)."
    ),
}


def caveats(path: Path, lang: str) -> str:
    """What the reader must know about the figures before reading the verdicts."""
    try:
        shown = path.resolve().relative_to(HERE.parent).as_posix()
    except ValueError:
        shown = str(path)
    return _CAVEATS.get(lang, _CAVEATS["en"]).format(path=shown)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def main(argv: Sequence[str] | None = None) -> int:
    """Print the report on the plan, or write the plan's JSON file."""
    parser = argparse.ArgumentParser(
        description="Judge published figures against Viet Nam's national targets 2021-2025.",
    )
    parser.add_argument(
        "--observations",
        type=Path,
        default=OBSERVATIONS,
        metavar="PATH",
        help="figures to judge, CSV or JSON (default: the published national figures)",
    )
    parser.add_argument(
        "--as-of",
        type=_date,
        default=AS_OF,
        metavar="YYYY-MM-DD",
        help=f"evaluation date (default: {AS_OF}, with the figures for 2025 in)",
    )
    parser.add_argument("--lang", choices=languages(), default="en", help="report language")
    parser.add_argument(
        "--write-json",
        nargs="?",
        const=PLAN_JSON,
        type=Path,
        metavar="PATH",
        help=f"write the plan as JSON (default path: {PLAN_JSON.name} beside this script)",
    )
    args = parser.parse_args(argv)
    plan = build_plan()
    if args.write_json is not None:
        try:
            args.write_json.write_bytes(plan_json(plan))
        except OSError as exc:
            print(f"cannot write {args.write_json}: {exc.strerror}", file=sys.stderr)
            return 1
        print(f"wrote {args.write_json}")
        return 0
    try:
        observations = planmodel.load_observations(args.observations, plan)
        evaluation = planmodel.evaluate(plan, observations, args.as_of)
    except planmodel.PlanModelError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(caveats(args.observations, args.lang))
    print()
    print(render_text(plan, evaluation, lang=args.lang), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
