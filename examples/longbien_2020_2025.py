"""The Long Biên district plan 2020-2025, encoded with planmodel, and a report on it.

The plan is the one the 4th Congress of the Long Biên District Party Organisation
(Hà Nội) set for the term 2020-2025: a general objective, 5 directions, 2
breakthroughs and 12 targets. Every Vietnamese statement below is copied
character for character from the district portal's article of 20 August 2020
(``sources/longbien_2020_2025.vi.txt``), typos and punctuation included; the
English beside it is a translation.

Where the text leaves a reading open, the comment above the target and the
target's ``notes`` say which reading was chosen and what the other one would be,
so that a reader who disagrees changes one line.

Run it from anywhere::

    python examples/longbien_2020_2025.py                  # report on the real figures
    python examples/longbien_2020_2025.py --lang vi        # the same, in Vietnamese
    python examples/longbien_2020_2025.py --observations examples/longbien_illustrative.csv
    python examples/longbien_2020_2025.py --write-json     # regenerate the plan's JSON file
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

import planmodel
from planmodel import (
    Breakthrough,
    Direction,
    Level,
    Metric,
    Observations,
    Plan,
    RatingScale,
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
    every_year,
    lowest_rating,
    part,
    rating_at_least,
    ratio,
    share_at_least,
    value,
)
from planmodel.reports import render_text

HERE = Path(__file__).resolve().parent
PLAN_JSON = HERE / "longbien_2020_2025.json"
REAL_OBSERVATIONS = HERE / "longbien_observations.csv"
ILLUSTRATIVE_OBSERVATIONS = HERE / "longbien_illustrative.csv"

#: The default evaluation date: the district's last day. Quận Long Biên was dissolved
#: on 1 July 2025 (Nghị quyết 1656/NQ-UBTVQH15) and split into wards, so no district
#: figures for 2025 or for the end of the term will be published. As of this date the
#: years 2021-2024 are judged, 2025 is pending, and the end-of-2025 targets are judged
#: against their straight-line trajectories.
AS_OF = dt.date(2025, 6, 30)

#: The last day of the term: the deadline of the targets that name one ("đến cuối năm
#: 2025") and of those that name none.
END_OF_TERM = "2025-12-31"

# "Hàng năm" (every year) is read as the years 2021-2025: the article presenting the
# congress documents appeared in August 2020, when the 2020 budget and the 2020 ratings
# were already under way, so 2021 is the first year the plan could govern from its
# start. The other reading, the whole term 2020-2025, is this one line:
# ANNUAL = every_year(2020, 2025).
ANNUAL = every_year(2021, 2025)

# Level ids of the rating scale of party organisations, party members and mass
# organisations, lowest first.
NOT_DONE = "khong_hoan_thanh"
DONE = "hoan_thanh"
GOOD = "hoan_thanh_tot"
EXCELLENT = "hoan_thanh_xuat_sac"


def _t(vi: str, en: str) -> Text:
    """A statement in Vietnamese (the source language, verbatim) and English."""
    return Text(vi=vi, en=en)


# -- provenance ---------------------------------------------------------------------------

# The exact address of the article is not recorded in the source text; the district
# portal's address stands in for it (the article is on that portal, dated 20/08/2020).
SOURCE = Source(
    title=_t(
        "Những quan điểm, chủ trương, định hướng lớn nhiệm kỳ 2020 - 2025 nêu tại văn kiện "
        "Đại hội Đảng bộ quận",
        "The main viewpoints, policies and orientations for the 2020-2025 term set out in "
        "the documents of the District Party Congress",
    ),
    url="https://longbien.hanoi.gov.vn",
    published="2020-08-20",
    publisher=_t(
        "Cổng thông tin điện tử quận Long Biên",
        "Long Biên District web portal",
    ),
)

# -- general objective ----------------------------------------------------------------------

OBJECTIVE = (
    _t(
        "Tiếp tục phát triển kinh tế, duy trì tốc độ tăng trưởng cao, trọng tâm là phát triển "
        "thương mại, dịch vụ. Chủ động trong công tác quy hoạch, tiếp tục phát triển đô thị đồng "
        "bộ và hiện đại gắn với cải thiện, nâng cao chất lượng môi trường sống cho người dân. "
        "Quan tâm đầu tư, phát triển văn hóa xã hội toàn diện, hướng mạnh về cơ sở; thực hiện "
        "tốt các chế độ chính sách đối với người có công, đảm bảo an sinh xã hội; nâng cao đời "
        "sống vật chất và tinh thần cho Nhân dân. Giữ vững an ninh chính trị, trật tự an toàn xã "
        "hội, tạo môi trường chính trị ổn định để phát triển.",
        "Continue to develop the economy and keep a high growth rate, centred on trade and "
        "services. Take the initiative in planning, and keep developing the city in a "
        "coordinated and modern way, together with improving the quality of the living "
        "environment for residents. Invest in and develop culture and society comprehensively, "
        "with a strong orientation towards the grassroots; carry out well the policies for "
        "people who rendered services to the revolution, and ensure social security; raise "
        "the material and spiritual life of the People. Firmly maintain political security, "
        "social order and safety, creating a stable political environment for development.",
    ),
    _t(
        "Thực hiện thành công mô hình thí điểm chính quyền đô thị; xây dựng hệ thống chính trị "
        "từ Quận tới cơ sở đồng bộ, tinh gọn, hoạt động hiệu lực hiệu quả; đội ngũ cán bộ, đảng "
        "viên có phẩm chất chính trị, năng lực và uy tín, được chuẩn hoá cả về lý luận chính trị "
        "và chuyên môn, nghiệp vụ. Phát huy thành tích đã đạt được, xây dựng đảng bộ Quận trong "
        "sạch vững mạnh, luôn hoàn thành xuất sắc nhiệm vụ được giao.",
        "Carry out the pilot model of urban government successfully; build a political system, "
        "from the District down to the grassroots, that is coordinated, streamlined, effective "
        "and efficient; with cadres and party members of political integrity, competence and "
        "standing, qualified in both political theory and professional expertise. Build on the "
        "achievements made, and build a clean and strong District Party organisation that "
        "always completes its assigned tasks with excellence.",
    ),
)

# -- directions and breakthroughs ---------------------------------------------------------

DIRECTIONS = (
    Direction(
        "D1",
        _t(
            "Tiếp tục phát huy tiềm năng, lợi thế của Quận; hoàn thiện các quy hoạch; huy động "
            "mọi nguồn lực, phát triển đô thị đồng bộ, hiện đại; cải thiện nâng cao chất lượng "
            "môi trường. Phát triển mạnh thương mại - dịch vụ. Phấn đấu hoàn thành vượt mức kế "
            "hoạch thu ngân sách hàng năm, đảm bảo nguồn lực đáp ứng nhu cầu phát triển kinh tế "
            "- xã hội.",
            "Keep making the most of the District's potential and advantages; complete the "
            "planning schemes; mobilise every resource and develop the city in a coordinated, "
            "modern way; improve the quality of the environment. Develop trade and services "
            "strongly. Strive to exceed the budget revenue plan every year, so that resources "
            "meet the needs of socio-economic development.",
        ),
    ),
    Direction(
        "D2",
        _t(
            "Coi trọng phát triển văn hóa, thể thao. Quan tâm đầu tư cho sự nghiệp giáo dục đào "
            "tạo theo hướng chất lượng cao. Giải quyết việc làm, giảm nghèo; xử lý ô nhiễm môi "
            "trường; quan tâm chăm sóc sức khỏe và đời sống Nhân dân.",
            "Give weight to developing culture and sports. Invest in education and training "
            "towards high quality. Create jobs and reduce poverty; deal with environmental "
            "pollution; look after the People's health and living conditions.",
        ),
    ),
    Direction(
        "D3",
        _t(
            "Giữ vững an ninh chính trị, trật tự an toàn xã hội, không để bị động bất ngờ trong "
            "mọi tình huống.",
            "Firmly maintain political security, social order and safety, and never be caught "
            "unprepared or by surprise in any situation.",
        ),
    ),
    Direction(
        "D4",
        _t(
            "Xây dựng hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả; thực hiện thành "
            "công mô hình chính quyền đô thị. Đẩy mạnh cải cách hành chính; coi trọng công tác "
            "đào tạo, bồi dưỡng đội ngũ cán bộ, công chức, viên chức chuyên nghiệp từng bước đáp "
            "ứng yêu cầu hội nhập.",
            "Build a streamlined political system that works effectively and efficiently; carry "
            "out the urban government model successfully. Step up administrative reform; give "
            "weight to training and developing a professional body of cadres, civil servants "
            "and public employees that step by step meets the demands of integration.",
        ),
    ),
    Direction(
        "D5",
        _t(
            "Tạo bước chuyển biến mạnh mẽ trong công tác xây dựng chỉnh đốn Đảng; ngăn chặn, đẩy "
            "lùi tình trạng suy thoái về tư tưởng chính trị, đạo đức lối sống, những biểu hiện "
            "“tự diễn biến”, “tự chuyển hoá” trong nội bộ, đẩy mạnh học tập làm theo tư tưởng, "
            "đạo đức, phong cách Hồ Chí Minh.",
            "Bring about a strong change in building and rectifying the Party; prevent and push "
            "back the degradation of political ideology, ethics and lifestyle and the signs of "
            "“self-evolution” and “self-transformation” within the ranks; step up studying and "
            "following Hồ Chí Minh's thought, ethics and style.",
        ),
    ),
)

# The labels "Một là:" / "Hai là:" ("first" / "second") are numbering, kept in the ids.
BREAKTHROUGHS = (
    Breakthrough(
        "B1",
        _t(
            "Củng cố, kiện toàn hệ thống chính trị tinh gọn, hoạt động hiệu lực hiệu quả, trọng "
            "tâm xây dựng đội ngũ cán bộ, công chức, viên chức chuyên nghiệp, từng bước đáp ứng "
            "yêu cầu hội nhập.",
            "Consolidate and strengthen a streamlined political system that works effectively "
            "and efficiently, centred on building a professional body of cadres, civil servants "
            "and public employees that step by step meets the demands of integration.",
        ),
    ),
    Breakthrough(
        "B2",
        _t(
            "Tiếp tục hoàn thiện hệ thống hạ tầng đô thị, trọng tâm đầu tư thoát nước; đảm bảo "
            "cảnh quan, môi trường; nâng cao chất lượng cuộc sống cho người dân.",
            "Keep completing the urban infrastructure, centred on investment in drainage; "
            "safeguard the landscape and the environment; raise residents' quality of life.",
        ),
    ),
)

# -- what the targets count ---------------------------------------------------------------

TASK_COMPLETION = RatingScale(
    "task_completion",
    _t("Mức độ hoàn thành nhiệm vụ", "Task completion rating"),
    (
        Level(NOT_DONE, _t("Không hoàn thành nhiệm vụ", "Did not complete tasks")),
        Level(DONE, _t("Hoàn thành nhiệm vụ", "Completed tasks")),
        Level(GOOD, _t("Hoàn thành tốt nhiệm vụ", "Completed tasks well")),
        Level(EXCELLENT, _t("Hoàn thành xuất sắc nhiệm vụ", "Completed tasks with excellence")),
    ),
)

METRICS = (
    Metric("budget_revenue", _t("thu ngân sách", "budget revenue"), "billion VND", "higher"),
    # The estimate is a reference, neither better high nor low.
    Metric(
        "revenue_estimate",
        _t("dự toán thu ngân sách Thành phố giao", "the City's budget revenue estimate"),
        "billion VND",
    ),
    Metric(
        "capital_spending",
        _t("chi đầu tư xây dựng cơ bản", "capital construction spending"),
        "billion VND",
    ),
    Metric("total_spending", _t("tổng chi ngân sách", "total budget spending"), "billion VND"),
    Metric(
        "cultured_families",
        _t(
            "tỷ lệ hộ gia đình được công nhận gia đình văn hóa",
            "share of households recognised as cultured families",
        ),
        "percent",
        "higher",
    ),
    Metric(
        "cultured_residential_groups",
        _t(
            "tỷ lệ tổ dân phố được công nhận tổ dân phố văn hóa",
            "share of residential groups recognised as cultured residential groups",
        ),
        "percent",
        "higher",
    ),
    Metric(
        "high_quality_schools",
        _t(
            "số trường công lập thực hiện lộ trình chất lượng cao",
            "public schools on the high-quality roadmap",
        ),
        "count",
        "higher",
    ),
    Metric(
        "health_insurance_coverage",
        _t("tỷ lệ bao phủ bảo hiểm y tế", "health insurance coverage"),
        "percent",
        "higher",
    ),
    Metric(
        "poor_households",
        _t("số hộ nghèo (theo chuẩn mới)", "poor households (new standard)"),
        "households",
        "lower",
    ),
    Metric(
        "polluters_controlled",
        _t(
            "tỷ lệ cơ sở gây ô nhiễm môi trường được kiểm soát",
            "share of polluting establishments under control",
        ),
        "percent",
        "higher",
    ),
    Metric(
        "waste_collected_same_day",
        _t(
            "tỷ lệ rác thải thu gom và vận chuyển trong ngày",
            "share of waste collected and transported within the day",
        ),
        "percent",
        "higher",
    ),
    Metric(
        "party_organisations",
        _t("tổ chức đảng", "party organisations"),
        "organisations",
        scale="task_completion",
    ),
    Metric(
        "grassroots_party_organisations",
        _t("tổ chức cơ sở đảng", "grassroots party organisations"),
        "organisations",
        scale="task_completion",
    ),
    Metric(
        "party_members",
        _t("đảng viên", "party members"),
        "party members",
        scale="task_completion",
    ),
    Metric(
        "new_party_members",
        _t("số đảng viên mới được kết nạp", "new party members admitted"),
        "count",
        "higher",
    ),
    Metric(
        "mass_organisations",
        _t(
            "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội Quận",
            "the District's Fatherland Front and socio-political organisations",
        ),
        "organisations",
        scale="task_completion",
    ),
)

# -- the 12 targets -------------------------------------------------------------------------
#
# Each target: measure × condition × schedule, as semantics.md §7 reads it. The links to
# directions are this encoding's judgement of which direction each target serves.

TARGETS = (
    # T1. "Vượt ... từ 5 - 10%": the change of revenue against the City's estimate of the
    # same year, from +5% to +10%, both bounds included. More than 10% above the estimate
    # is read as over-achievement (the text asks to exceed the estimate, and D1 to exceed
    # the revenue plan). The other reading, a band in which more than +10% means a badly
    # set estimate and is not met: condition=between(5, 10).
    Target(
        id="T1",
        text=_t(
            "Thu ngân sách hàng năm vượt so với dự toán Thành phố giao từ 5 - 10%",
            "Budget revenue exceeds the estimate assigned by the City by 5-10% every year",
        ),
        measure=change_vs("budget_revenue", "revenue_estimate"),
        condition=between(5, 10, better="higher"),
        schedule=ANNUAL,
        directions=["D1"],
        notes=_t(
            "Đã chọn: thu ngân sách so với dự toán Thành phố giao cùng năm phải vượt "
            "từ 5% đến 10% (tính cả hai đầu); vượt trên 10% được tính là vượt chỉ tiêu. Cách "
            "hiểu khác: một khoảng cố định, vượt trên 10% là không đạt (dự toán giao chưa sát). "
            "“Hàng năm” được hiểu là các năm 2021-2025; cách hiểu khác: 2020-2025.",
            "Chosen: revenue must exceed the City's estimate for the same year by 5% "
            "to 10%, both bounds included; more than 10% above is exceeded (a success). "
            "Alternative: a band, where more than 10% above means a badly set estimate and is "
            "not met. “Every year” is read as 2021-2025; alternative: 2020-2025.",
        ),
    ),
    # T2. Capital construction spending as a share of total budget spending, 50% to 55%.
    # Reading chosen: higher is better, so above 55% is exceeded; "đạt" (reach) names a
    # level to reach, and D1 and breakthrough 2 push for investment. The other reading, a
    # planned allocation in which both bounds bind and above 55% is not met (less left for
    # recurrent spending): condition=between(50, 55).
    Target(
        id="T2",
        text=_t(
            "Chi đầu tư xây dựng cơ bản hàng năm đạt từ 50% - 55% trên tổng chi ngân sách",
            "Capital construction spending reaches 50%-55% of total budget spending every year",
        ),
        measure=ratio("capital_spending", "total_spending"),
        condition=between(50, 55, better="higher"),
        schedule=ANNUAL,
        directions=["D1"],
        notes=_t(
            "Đã chọn: chi đầu tư xây dựng cơ bản từ 50% đến 55% tổng chi ngân sách, "
            "cao hơn là tốt hơn: trên 55% được tính là vượt chỉ tiêu. Cách hiểu khác: một cơ "
            "cấu chi cố định, trên 55% là không đạt vì thu hẹp chi thường xuyên.",
            "Chosen: capital construction spending from 50% to 55% of total budget "
            "spending, higher being better: above 55% is exceeded. Alternative: a fixed "
            "allocation, where above 55% is not met because it squeezes recurrent spending.",
        ),
    ),
    # T3. From 91% to 93% of households recognised as cultured families each year. Reading
    # chosen: higher is better, so above 93% is exceeded. Alternatives: a band, above 93%
    # not met (condition=between(91, 93)); or a path rising from 91% in 2021 to 93% in
    # 2025, which would need one target per year rather than one line.
    Target(
        id="T3",
        text=_t(
            "Tỷ lệ hộ gia đình được công nhận danh hiệu gia đình văn hóa hàng năm từ 91% đến 93%",
            "91% to 93% of households are recognised with the title “cultured family” every year",
        ),
        measure=value("cultured_families"),
        condition=between(91, 93, better="higher"),
        schedule=ANNUAL,
        directions=["D2"],
        notes=_t(
            "Đã chọn: mỗi năm từ 91% đến 93%, cao hơn 93% được tính là vượt chỉ tiêu. "
            "Cách hiểu khác: một khoảng cố định (trên 93% là không đạt), hoặc một lộ trình tăng "
            "dần từ 91% (2021) lên 93% (2025).",
            "Chosen: 91% to 93% each year, above 93% being exceeded. Alternatives: a "
            "band (above 93% not met), or a path rising from 91% in 2021 to 93% in 2025.",
        ),
    ),
    # T4. "Hàng năm 83%": read as a floor, at least 83% each year. The other reading, that
    # 83% is the figure to hit and no more: condition=exactly(83).
    Target(
        id="T4",
        text=_t(
            "Tỷ lệ tổ dân phố được công nhận danh hiệu tổ dân phố văn hóa hàng năm 83%",
            "83% of residential groups are recognised with the title “cultured residential "
            "group” every year",
        ),
        measure=value("cultured_residential_groups"),
        condition=at_least(83),
        schedule=ANNUAL,
        directions=["D2"],
        notes=_t(
            "Đã chọn: 83% là mức sàn, từ 83% trở lên mỗi năm là đạt. Cách hiểu khác: "
            "83% là con số đúng phải đạt (exactly).",
            "Chosen: 83% is a floor; 83% or more each year is met. Alternative: 83% "
            "is the exact figure to hit.",
        ),
    ),
    # T5. Nine public schools on the high-quality roadmap. The text names no date: read as
    # by the end of the term, at least 9. It gives no starting count either, so figures
    # before the deadline are shown but not judged (pending); with the 2020 count as
    # observations, by_deadline(END_OF_TERM, baseline=2020) would judge them on track or
    # off track.
    Target(
        id="T5",
        text=_t(
            "Số trường công lập thực hiện lộ trình chất lượng cao: 9 đơn vị",
            "Number of public schools following the high-quality roadmap: 9",
        ),
        measure=value("high_quality_schools"),
        condition=at_least(9),
        schedule=by_deadline(END_OF_TERM),
        directions=["D2"],
        notes=_t(
            "Đã chọn: đến cuối nhiệm kỳ (31/12/2025) có từ 9 trường trở lên; văn bản "
            "không nêu số trường năm 2020 nên các số liệu giữa kỳ chỉ được ghi nhận, không đánh "
            "giá. Cách hiểu khác: thêm số trường năm 2020 làm mốc để đánh giá theo lộ trình.",
            "Chosen: at least 9 schools by the end of the term (2025-12-31); the text "
            "gives no 2020 count, so figures before then are shown, not judged. Alternative: "
            "take the 2020 count as a baseline and judge interim figures against the "
            "trajectory.",
        ),
    ),
    # T6. Health insurance coverage of 95% by the end of 2025, read as a floor; the
    # baseline is the end of 2020, the last figure before the term's first full year, and
    # interim figures are judged against the straight line from it to 95%. The other
    # reading of the starting point, the start of 2021, is the same day in practice.
    Target(
        id="T6",
        text=_t(
            "Tỷ lệ bao phủ bảo hiểm y tế đến cuối năm 2025: 95%",
            "Health insurance coverage by the end of 2025: 95%",
        ),
        measure=value("health_insurance_coverage"),
        condition=at_least(95),
        schedule=by_deadline(END_OF_TERM, baseline=2020),
        directions=["D2"],
        notes=_t(
            "Đã chọn: đến 31/12/2025 đạt từ 95% trở lên; số liệu giữa kỳ được so với "
            "đường thẳng từ tỷ lệ cuối năm 2020 đến 95%. Cách hiểu khác: chỉ đánh giá tại thời "
            "điểm cuối năm 2025 (bỏ mốc 2020, số liệu giữa kỳ chỉ được ghi nhận).",
            "Chosen: 95% or more by 2025-12-31; interim figures are compared with the "
            "straight line from the end-2020 coverage to 95%. Alternative: judge only at the "
            "end of 2025 (no baseline; interim figures shown, not judged).",
        ),
    ),
    # T7. "Giảm ¾ số hộ nghèo ... so với đầu năm 2021": the change in poor households since
    # 2021-01-01 must be at most -75% (a cut of three quarters or more; lower is better).
    # "Phấn đấu" (strive) is read as binding like the other targets. Counts at every date
    # must use the same (new) poverty standard as the start of 2021.
    Target(
        id="T7",
        text=_t(
            "Phấn đấu đến cuối năm 2025, giảm ¾ số hộ nghèo (theo chuẩn mới) so với đầu năm 2021",
            "Strive to cut the number of poor households (by the new standard) by ¾ by the end "
            "of 2025, compared with the start of 2021",
        ),
        measure=change_since("poor_households", "2021-01-01"),
        condition=at_most(-75),
        schedule=by_deadline(END_OF_TERM, baseline="2021-01-01"),
        directions=["D2"],
        notes=_t(
            "Đã chọn: số hộ nghèo cuối năm 2025 giảm ít nhất 75% so với ngày "
            "1/1/2021 (cùng chuẩn nghèo mới); “phấn đấu” vẫn được đánh giá như một chỉ tiêu. "
            "Cách hiểu khác: coi đây là mục tiêu định hướng, không đánh giá đạt/không đạt.",
            "Chosen: poor households at the end of 2025 at least 75% fewer than on "
            "2021-01-01 (same new poverty standard); “strive” is still judged as a target. "
            "Alternative: an aspiration, not judged met or not met.",
        ),
    ),
    # T8. "100% các cơ sở gây ô nhiễm môi trường được kiểm soát" names no year. Reading
    # chosen: a standing requirement judged every year 2021-2025. The other reading, reached
    # once by the end of the term: schedule=by_deadline(END_OF_TERM). 100% is read
    # literally: any shortfall is not met; a reader allowing for rounding in reports would
    # write at_least("99.5").
    Target(
        id="T8",
        text=_t(
            "100% các cơ sở gây ô nhiễm môi trường được kiểm soát",
            "100% of establishments causing environmental pollution are under control",
        ),
        measure=value("polluters_controlled"),
        condition=at_least(100),
        schedule=every_year(2021, 2025),
        directions=["D1", "D2"],
        notes=_t(
            "Đã chọn: văn bản không nêu thời hạn; được hiểu là yêu cầu thường xuyên, "
            "đánh giá từng năm 2021-2025, và 100% là đúng 100% (thiếu là không đạt). Cách hiểu "
            "khác: chỉ cần đạt 100% vào cuối nhiệm kỳ; hoặc chấp nhận sai số làm tròn (99,5%).",
            "Chosen: the text names no date; read as a standing requirement judged each "
            "year 2021-2025, and 100% means 100% (any shortfall is not met). Alternatives: "
            "100% only by the end of the term; or a tolerance for rounding (99.5%).",
        ),
    ),
    # T9. Waste collected and transported within the day, 100%. Same readings as T8: every
    # year 2021-2025 (other: schedule=by_deadline(END_OF_TERM)), 100% taken literally.
    Target(
        id="T9",
        text=_t(
            "Tỷ lệ rác thải thu gom và vận chuyển trong ngày đạt 100%",
            "100% of waste is collected and transported within the day",
        ),
        measure=value("waste_collected_same_day"),
        condition=at_least(100),
        schedule=every_year(2021, 2025),
        directions=["D1", "D2"],
        notes=_t(
            "Đã chọn: văn bản không nêu thời hạn; được hiểu là yêu cầu thường xuyên, "
            "đánh giá từng năm 2021-2025, và 100% là đúng 100%. Cách hiểu khác: chỉ cần đạt "
            "100% vào cuối nhiệm kỳ; hoặc chấp nhận sai số làm tròn (99,5%).",
            "Chosen: the text names no date; read as a standing requirement judged each "
            "year 2021-2025, and 100% means 100%. Alternatives: 100% only by the end of the "
            "term; or a tolerance for rounding (99.5%).",
        ),
    ),
    # T10. Two conditions, both every year: at least 95% of party organisations rated
    # "hoàn thành tốt nhiệm vụ" or better ("đạt 95%" read as a floor), and no grassroots
    # party organisation rated "không hoàn thành nhiệm vụ". The text names two sets, "tổ
    # chức đảng" (every party organisation) and "tổ chức cơ sở đảng" (the grassroots ones),
    # so each part reads its own metric; a reader who takes both to mean the grassroots
    # organisations points the first part at "grassroots_party_organisations".
    Target(
        id="T10",
        text=_t(
            "Tỷ lệ tổ chức đảng hoàn thành tốt nhiệm vụ trở lên hàng năm đạt 95%; không có tổ "
            "chức cơ sở đảng không hoàn thành nhiệm vụ",
            "95% of party organisations are rated “completed tasks well” or better every year; "
            "no grassroots party organisation is rated “did not complete tasks”",
        ),
        condition=all_of(
            part(
                share_at_least("party_organisations", GOOD),
                at_least(95),
                _t(
                    "Tỷ lệ tổ chức đảng hoàn thành tốt nhiệm vụ trở lên hàng năm đạt 95%",
                    "95% of party organisations rated “completed tasks well” or better",
                ),
            ),
            part(
                count_at("grassroots_party_organisations", NOT_DONE),
                at_most(0),
                _t(
                    "không có tổ chức cơ sở đảng không hoàn thành nhiệm vụ",
                    "no grassroots party organisation rated “did not complete tasks”",
                ),
            ),
        ),
        schedule=ANNUAL,
        directions=["D4", "D5"],
        notes=_t(
            "Đã chọn: 95% là mức sàn; “tổ chức đảng” (mọi tổ chức đảng) và “tổ chức "
            "cơ sở đảng” là hai tập hợp khác nhau, mỗi vế tính trên tập hợp của mình. Cách hiểu "
            "khác: cả hai vế cùng tính trên các tổ chức cơ sở đảng.",
            "Chosen: 95% is a floor; “tổ chức đảng” (every party organisation) and “tổ "
            "chức cơ sở đảng” (grassroots party organisations) are different sets, each part "
            "counting its own. Alternative: both parts count the grassroots organisations.",
        ),
    ),
    # T11. Two conditions every year: at least 80% of party members rated "hoàn thành tốt
    # nhiệm vụ" or better (a floor), and 180 to 200 new members admitted. Admitting more
    # than 200 is read as over-achievement (exceeded); the other reading, a band in which
    # more than 200 is not met: between(180, 200) in the second part.
    Target(
        id="T11",
        text=_t(
            "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên hàng năm đạt 80%; kết nạp đảng viên "
            "hàng năm từ 180 đến 200 đồng chí",
            "80% of party members are rated “completed tasks well” or better every year; 180 "
            "to 200 new party members are admitted every year",
        ),
        condition=all_of(
            part(
                share_at_least("party_members", GOOD),
                at_least(80),
                _t(
                    "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên hàng năm đạt 80%",
                    "80% of party members rated “completed tasks well” or better",
                ),
            ),
            part(
                value("new_party_members"),
                between(180, 200, better="higher"),
                _t(
                    "kết nạp đảng viên hàng năm từ 180 đến 200 đồng chí",
                    "180 to 200 new party members admitted",
                ),
            ),
        ),
        schedule=ANNUAL,
        directions=["D5"],
        notes=_t(
            "Đã chọn: 80% là mức sàn; kết nạp từ 180 đến 200 đảng viên, trên 200 được "
            "tính là vượt chỉ tiêu. Cách hiểu khác: 180-200 là khoảng cố định, trên 200 là "
            "không đạt.",
            "Chosen: 80% is a floor; 180 to 200 new members, more than 200 being "
            "exceeded. Alternative: 180-200 is a band, more than 200 not met.",
        ),
    ),
    # T12. The Fatherland Front and every socio-political organisation rated "hoàn thành
    # tốt nhiệm vụ" or better each year: the lowest rating among them must be at least
    # that level. The other reading, judging each organisation as a target of its own,
    # gives the same verdict with more detail but needs one metric per organisation.
    Target(
        id="T12",
        # "./." closes the article; it is kept as printed.
        text=_t(
            "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội Quận hàng năm hoàn thành tốt "
            "nhiệm vụ trở lên./.",
            "The District's Fatherland Front and socio-political organisations are rated "
            "“completed tasks well” or better every year.",
        ),
        measure=lowest_rating("mass_organisations"),
        condition=rating_at_least(GOOD),
        schedule=ANNUAL,
        directions=["D4"],
        notes=_t(
            "Đã chọn: mọi tổ chức (Mặt trận và từng đoàn thể) đều phải đạt hoàn thành "
            "tốt nhiệm vụ trở lên, tức là mức xếp loại thấp nhất phải từ mức đó trở lên. Cách "
            "hiểu khác: đánh giá riêng từng tổ chức.",
            "Chosen: every organisation (the Front and each socio-political "
            "organisation) must be rated “completed tasks well” or better, so the lowest rating "
            "among them must reach that level. Alternative: judge each organisation "
            "separately.",
        ),
    ),
)


def build_plan() -> Plan:
    """The Long Biên plan 2020-2025: provenance, objective, directions, breakthroughs,
    the 12 targets, their metrics and the rating scale."""
    return Plan(
        id="longbien-2020-2025",
        title=_t(
            "Văn kiện Đại hội Đảng bộ quận Long Biên lần thứ IV, nhiệm kỳ 2020 - 2025",
            "Documents of the 4th Congress of the Long Biên District Party Organisation, "
            "term 2020-2025",
        ),
        jurisdiction=_t("Quận Long Biên, Hà Nội", "Long Biên District, Hà Nội"),
        term=Term(2020, 2025),
        # The congress date is not in the text, nor whether the congress had already met
        # when the article appeared; the article's publication date stands in for the
        # adoption date.
        adopted="2020-08-20",
        adopted_by=_t(
            "Đại hội Đảng bộ quận Long Biên lần thứ IV",
            "4th Congress of the Long Biên District Party Organisation",
        ),
        source=SOURCE,
        source_language="vi",
        objective=OBJECTIVE,
        directions=DIRECTIONS,
        breakthroughs=BREAKTHROUGHS,
        targets=TARGETS,
        metrics=METRICS,
        scales=[TASK_COMPLETION],
    )


def plan_json(plan: Plan) -> bytes:
    """The plan file's exact bytes: UTF-8, ``\\n`` line ends on every platform."""
    return planmodel.dumps_plan(plan).encode("utf-8")


# -- what the real figures can say ----------------------------------------------------------
#
# longbien_observations.csv holds every public figure that fits a metric (see each row's
# source and note). Reported figures left out, because they would need an invented number:
#   - T1, 2020: "thu ngân sách đạt 107%" (of the estimate): no amounts, and 2020 is before
#     the years "hàng năm" is read to cover.
#   - T1, 2023: "thu ngân sách đạt 102% kế hoạch": no amounts, and the source does not say
#     the plan is the City's estimate. Were it, the change would be +2%: not met.
#   - T11, 2022: "đạt 109% kế hoạch" for the 185 new members: the year's own plan (about
#     170) is not a metric of this plan; it is kept in that row's note.
#   - "16.000 đảng viên thuộc 49 tổ chức cơ sở Đảng" (2020): context, not a rating.
#   - "hoàn thành 16/16 chỉ tiêu": a different list of 16 yearly targets set by the city
#     and the district council, not these 12.

_CAVEATS = {
    "real": {
        "en": (
            "Figures: {path}, the few public figures found (2022-2023), each with its source "
            "and caveats.\n"
            "Real public figures exist for few of the 12 targets, so most targets below have "
            "no data (or are pending where the deadline is still ahead).\n"
            "The district's press reports of “hoàn thành 16/16 chỉ tiêu” score a different "
            "list of 16 yearly targets set by the city and the district council: not these 12.\n"
            "Quận Long Biên was dissolved on 1 July 2025 (Nghị quyết 1656/NQ-UBTVQH15); no "
            "district figures for 2025 or for the end of the term exist."
        ),
        "vi": (
            "Số liệu: {path}, số ít số liệu công khai tìm được (2022-2023), mỗi số có nguồn "
            "và ghi chú.\n"
            "Chỉ rất ít trong 12 chỉ tiêu có số liệu công khai, nên phần lớn chỉ tiêu dưới đây "
            "chưa có số liệu (hoặc chưa đến hạn nếu thời hạn còn ở phía trước).\n"
            "Con số “hoàn thành 16/16 chỉ tiêu” trong các báo cáo hằng năm của quận là một "
            "danh sách khác gồm 16 chỉ tiêu năm do Thành phố và HĐND quận giao, không phải 12 "
            "chỉ tiêu này.\n"
            "Quận Long Biên chấm dứt hoạt động từ ngày 1/7/2025 (Nghị quyết "
            "1656/NQ-UBTVQH15); không có số liệu cấp quận cho năm 2025 và cuối nhiệm kỳ."
        ),
    },
    "illustrative": {
        "en": (
            "ILLUSTRATIVE FIGURES: {path} is invented, to show every status; it says nothing "
            "about Long Biên. Evaluate it as of 2025-12-31 to see targets met and exceeded."
        ),
        "vi": (
            "SỐ LIỆU MINH HỌA: {path} là số liệu giả định, để minh họa mọi trạng thái; không "
            "phản ánh Long Biên. Đánh giá tại ngày 2025-12-31 để thấy các chỉ tiêu đạt và vượt."
        ),
    },
    "other": {"en": "Figures: {path}.", "vi": "Số liệu: {path}."},
}


def caveats(path: Path, observations: Observations, lang: str) -> str:
    """What the reader must know about the figures before reading the verdicts."""
    try:
        shown = path.resolve().relative_to(HERE.parent).as_posix()
    except ValueError:
        shown = str(path)
    if path.resolve() == REAL_OBSERVATIONS:
        kind = "real"
    elif len(observations) and all("illustrative" in (o.note or "") for o in observations):
        kind = "illustrative"
    else:
        kind = "other"
    return _CAVEATS[kind][lang].format(path=shown)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def main(argv: Sequence[str] | None = None) -> int:
    """Print the report on the plan, or write the plan's JSON file."""
    parser = argparse.ArgumentParser(
        description="Judge reported figures against the Long Biên plan 2020-2025.",
    )
    parser.add_argument(
        "--observations",
        type=Path,
        default=REAL_OBSERVATIONS,
        metavar="PATH",
        help=(
            "figures to judge, CSV or JSON (default: the real public figures; "
            f"{ILLUSTRATIVE_OBSERVATIONS.name} holds invented ones that show every status)"
        ),
    )
    parser.add_argument(
        "--as-of",
        type=_date,
        default=AS_OF,
        metavar="YYYY-MM-DD",
        help=f"evaluation date (default: {AS_OF}, the district's last day)",
    )
    parser.add_argument("--lang", choices=("en", "vi"), default="en", help="report language")
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
    print(caveats(args.observations, observations, args.lang))
    print()
    print(render_text(plan, evaluation, lang=args.lang), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
