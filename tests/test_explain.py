"""One-sentence explanations of a target's verdict, in English and Vietnamese (semantics §4).

An explanation names the deciding period, what it measured, the target in words
and the verdict, in each of the plan's languages that planmodel writes (``en``,
``vi``); other languages fall back to English.
"""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import obs, one_target_plan, result_of
from planmodel import (
    Condition,
    Level,
    Measure,
    Metric,
    Observation,
    Plan,
    RatingScale,
    Schedule,
    Source,
    Status,
    Target,
    Term,
    Text,
    all_of,
    at_least,
    at_most,
    between,
    by_deadline,
    change_from_previous,
    change_since,
    change_vs,
    count_at,
    evaluate,
    every_year,
    exactly,
    lowest_rating,
    over_term,
    part,
    rating_at_least,
    ratio,
    share_at_least,
    total,
    value,
)


def explained(
    measure: Measure | None,
    condition: Condition,
    schedule: Schedule,
    figures: list[Observation],
    as_of: str,
) -> tuple[Status, str, str]:
    """The status and the English and Vietnamese explanations of a one-target plan."""
    found = result_of(one_target_plan(measure, condition, schedule), figures, as_of)
    return found.status, found.explanation["en"], found.explanation["vi"]


CULTURED = [obs("cultured", 2021, 83), obs("cultured", 2022, "82.5"), obs("cultured", 2023, 90)]


def test_a_full_sentence_in_each_language() -> None:
    status, en, vi = explained(
        value("cultured"), at_least(83), every_year(2021, 2023), CULTURED, "2024-01-01"
    )
    assert status is Status.NOT_MET
    # The deciding period is the first with the target's status: 2022, not met.
    assert en == "2022: cultured 82.5% — target at least 83%, every year 2021-2023: not met"
    assert vi == (
        "2022: tỷ lệ gia đình văn hóa 82,5% — chỉ tiêu từ 83% trở lên, hằng năm 2021-2023: "
        "không đạt"
    )


@pytest.mark.parametrize(
    ("condition", "en", "vi"),
    [
        (at_least(83), "at least 83%", "từ 83% trở lên"),
        (at_least(83, strict=True), "above 83%", "trên 83%"),
        (between(80, 95), "between 80 and 95%", "từ 80 đến 95%"),
        (between("82.5", "82.5"), "exactly 82.5%", "đúng 82,5%"),
        (exactly(90, better="higher"), "exactly 90%", "đúng 90%"),
    ],
)
def test_conditions_in_words(condition: Condition, en: str, vi: str) -> None:
    _, in_en, in_vi = explained(
        value("cultured"), condition, every_year(2021, 2023), CULTURED, "2024-01-01"
    )
    assert f"target {en}, every year 2021-2023" in in_en
    assert f"chỉ tiêu {vi}, hằng năm 2021-2023" in in_vi


@pytest.mark.parametrize(
    ("measure", "condition", "en", "vi"),
    [
        # A change since a baseline whose acceptable values are all falls: said as a cut.
        (change_since("poor", 2020), at_most(-75), "cut by at least 75%", "giảm ít nhất 75%"),
        (
            change_since("poor", 2020),
            at_most(-75, strict=True),
            "cut by more than 75%",
            "giảm trên 75%",
        ),
        (
            change_from_previous("poverty_rate", form="difference"),
            between("-1.5", -1, better="lower"),
            "a fall of 1 to 1.5 percentage points",
            "giảm từ 1 đến 1,5 điểm phần trăm",
        ),
        (
            change_from_previous("poverty_rate", form="difference"),
            exactly(-1, better="lower"),
            "a fall of exactly 1 percentage point",
            "giảm 1 điểm phần trăm",
        ),
        (
            change_since("poor", 2020),
            at_most(-75, tolerance=2),
            "cut by at least 75%, within 2 percentage points",
            "giảm ít nhất 75%, sai lệch cho phép 2 điểm phần trăm",
        ),
        # A condition that accepts a rise too, or no fall at all, keeps its numbers.
        (change_since("poor", 2020), at_least(-5), "at least -5%", "từ -5% trở lên"),
        (change_since("poor", 2020), at_most(0), "at most 0%", "không quá 0%"),
        (
            change_from_previous("poverty_rate", form="difference"),
            between("-1.5", "0.5", better="lower"),
            "between -1.5 and 0.5 percentage points",
            "từ -1,5 đến 0,5 điểm phần trăm",
        ),
        # Against another metric a negative change is a shortfall, not a fall; an index
        # is never negative.
        (change_vs("revenue", "estimate"), at_most(-5), "at most -5%", "không quá -5%"),
        (change_since("poor", 2020, form="index"), at_most(25), "at most 25%", "không quá 25%"),
        # A warning keeps the numbers, so that the limit and the warning read alike.
        (
            change_since("poor", 2020),
            at_most(-75, warning=-80),
            "at most -75%, with a warning above -80%",
            "không quá -75%, ngưỡng cảnh báo -80%",
        ),
    ],
)
def test_a_reduction_is_said_as_a_reduction(
    measure: Measure, condition: Condition, en: str, vi: str
) -> None:
    plan = one_target_plan(measure, condition, by_deadline("2025-12-31"))
    (target,) = plan.targets
    assert target.describe(plan, "en").endswith(f" {en}, by 2025-12-31")
    assert target.describe(plan, "vi").endswith(f" {vi}, đến ngày 31/12/2025")


@pytest.mark.parametrize(
    ("strict", "en", "vi"), [(False, "at most 2%", "không quá 2%"), (True, "below 2%", "dưới 2%")]
)
def test_upper_bounds_in_words(strict: bool, en: str, vi: str) -> None:
    _, in_en, in_vi = explained(
        value("poverty_rate"),
        at_most(2, strict=strict),
        every_year(2021, 2021),
        [obs("poverty_rate", 2021, "1.5")],
        "2022-01-01",
    )
    assert f"target {en}," in in_en
    assert f"chỉ tiêu {vi}," in in_vi


def test_schedules_in_words() -> None:
    _, en, vi = explained(
        value("schools"),
        at_least(9),
        by_deadline("2025-12-31"),
        [obs("schools", 2025, 9)],
        "2026-01-01",
    )
    assert en == "2025: schools 9 — target at least 9, by 2025-12-31: met"
    assert vi.endswith("chỉ tiêu từ 9 trở lên, đến ngày 31/12/2025: đạt")
    figures = [obs("investment", 2021, 700), obs("investment", 2022, 800)]
    _, en, vi = explained(
        total("investment", 2021, 2022), at_least(1500), over_term(), figures, "2023-01-01"
    )
    # A unit other than percent or a count is written after the number.
    assert en == (
        "2022: total investment, 2021-2022 1500 billion VND — "
        "target at least 1500 billion VND, over the term: met"
    )
    assert vi == (
        "2022: tổng vốn đầu tư 2021-2022 1.500 billion VND — "
        "chỉ tiêu từ 1.500 billion VND trở lên, cả nhiệm kỳ: đạt"
    )


def test_shortened_numbers_are_marked() -> None:
    # 1 / 3 = 33.33…%: shown rounded, with ≈.
    figures = [obs("capital", 2021, 1), obs("spending", 2021, 3)]
    _, en, vi = explained(
        ratio("capital", "spending"), between(50, 55), every_year(2021, 2021), figures, "2022-01-01"
    )
    assert "capital / spending ≈33.33%" in en
    assert "chi đầu tư xây dựng cơ bản trên tổng chi ngân sách ≈33,33%" in vi


def test_ratings_are_shown_by_their_labels() -> None:
    _, en, vi = explained(
        lowest_rating("fronts"),
        rating_at_least("tot"),
        every_year(2021, 2021),
        [obs("fronts", 2021, {"ht": 1, "tot": 3})],
        "2022-01-01",
    )
    assert en == (
        "2021: lowest rating of fronts Completed tasks — "
        "target Completed tasks well or better, every year 2021-2021: not met"
    )
    assert vi == (
        "2021: mức xếp loại thấp nhất của Mặt trận và các đoàn thể Hoàn thành nhiệm vụ — "
        "chỉ tiêu Hoàn thành tốt nhiệm vụ trở lên, hằng năm 2021-2021: không đạt"
    )


def test_all_of_names_every_part_with_its_verdict() -> None:
    condition = all_of(
        part(share_at_least("orgs", "tot"), at_least(95)), part(count_at("orgs", "kht"), at_most(0))
    )
    # 9 of 10 organisations good: 90% (not met); 1 failing (not met).
    _, en, vi = explained(
        None,
        condition,
        every_year(2021, 2021),
        [obs("orgs", 2021, {"tot": 9, "kht": 1})],
        "2022-01-01",
    )
    assert en.startswith(
        "2021: share of orgs rated Completed tasks well or above 90% (not met); "
        "number of orgs rated Did not complete tasks 1 (not met) — target "
    )
    assert vi.startswith(
        "2021: tỷ lệ tổ chức cơ sở đảng Hoàn thành tốt nhiệm vụ trở lên 90% (không đạt); "
        "số tổ chức cơ sở đảng Không hoàn thành nhiệm vụ 1 (không đạt) — chỉ tiêu "
    )


def test_a_missing_figure_is_said_plainly() -> None:
    _, en, vi = explained(value("cultured"), at_least(83), every_year(2021, 2021), [], "2022-01-01")
    # Each language carries the reason in its own words, naming the metric by its name.
    assert en.startswith("2021: cultured (no figure for cultured in 2021) — ")
    assert en.endswith(": no data")
    assert vi.startswith(
        "2021: tỷ lệ gia đình văn hóa (chưa có số liệu tỷ lệ gia đình văn hóa năm 2021) — "
    )
    assert "no figure" not in vi


def test_nothing_due_yet() -> None:
    _, en, vi = explained(
        value("schools"), at_least(9), by_deadline("2025-12-31"), [], "2024-01-01"
    )
    assert en == "nothing due yet; target at least 9, by 2025-12-31: pending"
    assert vi == "chưa đến hạn; chỉ tiêu từ 9 trở lên, đến ngày 31/12/2025: chưa đến hạn"


STATUS_CASES: list[tuple[str, Measure, Condition, Schedule, list[Observation], str]] = [
    (
        "not_met",
        value("cultured"),
        at_least(83),
        every_year(2021, 2021),
        [obs("cultured", 2021, 80)],
        "2022-01-01",
    ),
    (
        "off_track",
        value("coverage"),
        at_least(95),
        by_deadline("2025-12-31", baseline=2020),
        [obs("coverage", 2020, 90), obs("coverage", 2023, 91)],
        "2024-01-01",
    ),
    ("no_data", value("cultured"), at_least(83), every_year(2021, 2021), [], "2022-01-01"),
    ("pending", value("cultured"), at_least(83), every_year(2021, 2021), [], "2021-06-01"),
    (
        "on_track",
        value("coverage"),
        at_least(95),
        by_deadline("2025-12-31", baseline=2020),
        [obs("coverage", 2020, 90), obs("coverage", 2023, 94)],
        "2024-01-01",
    ),
    (
        "met",
        value("cultured"),
        at_least(83),
        every_year(2021, 2021),
        [obs("cultured", 2021, 90)],
        "2022-01-01",
    ),
    (
        "exceeded",
        value("cultured"),
        between(80, 85, better="higher"),
        every_year(2021, 2021),
        [obs("cultured", 2021, 90)],
        "2022-01-01",
    ),
]
WORDS = {
    "not_met": ("not met", "không đạt"),
    "off_track": ("off track", "chậm so với lộ trình"),
    "no_data": ("no data", "chưa có số liệu"),
    "pending": ("pending", "chưa đến hạn"),
    "on_track": ("on track", "đúng lộ trình"),
    "met": ("met", "đạt"),
    "exceeded": ("exceeded", "vượt"),
}


@pytest.mark.parametrize("case", STATUS_CASES, ids=[c[0] for c in STATUS_CASES])
def test_every_status_has_its_words_in_both_languages(
    case: tuple[str, Measure, Condition, Schedule, list[Observation], str],
) -> None:
    word, measure, condition, schedule, figures, as_of = case
    status, en, vi = explained(measure, condition, schedule, figures, as_of)
    assert status.value == word
    assert en.endswith(f": {WORDS[word][0]}")
    assert vi.endswith(f": {WORDS[word][1]}")


def test_status_words_are_distinct() -> None:
    assert len({en for en, _ in WORDS.values()}) == len(WORDS)
    assert len({vi for _, vi in WORDS.values()}) == len(WORDS)


# -- languages -----------------------------------------------------------------------------


def monolingual_plan(lang: str) -> Plan:
    """A plan whose every text is in *lang* only."""

    def t(words: str) -> Text:
        return Text({lang: words})

    scale = RatingScale("grade", t("grade"), (Level("low", t("low")), Level("high", t("high"))))
    return Plan(
        id="mono",
        title=t("Plan"),
        jurisdiction=t("District"),
        term=Term(2021, 2025),
        adopted=dt.date(2021, 1, 1),
        source=Source(title=t("Source"), url="https://example.org", published=dt.date(2021, 1, 1)),
        source_language=lang,
        objective=(t("Objective"),),
        metrics=(Metric("share", t("Share"), "percent", "higher"),),
        scales=(scale,),
        targets=(
            Target(
                id="t",
                text=t("Target"),
                measure=value("share"),
                condition=at_least(50),
                schedule=every_year(2021, 2021),
            ),
        ),
    )


@pytest.mark.parametrize(("lang", "written"), [("vi", ("vi",)), ("en", ("en",)), ("fr", ("en",))])
def test_explanations_follow_the_plans_languages(lang: str, written: tuple[str, ...]) -> None:
    found = evaluate(monolingual_plan(lang), [obs("share", 2021, 60)], "2022-01-01")
    explanation = found.targets[0].explanation
    assert explanation.languages == written
    # A plan in a language planmodel does not write falls back to English words.
    assert explanation[written[0]].startswith("2021: Share 60% — ")


def test_an_all_of_target_with_no_figure_by_its_deadline_is_explained() -> None:
    condition = all_of(
        part(share_at_least("orgs", "tot"), at_least(95)), part(count_at("orgs", "kht"), at_most(0))
    )
    status, en, vi = explained(None, condition, by_deadline("2024-12-31"), [], "2025-06-01")
    assert status is Status.NO_DATA
    assert en.endswith("by 2024-12-31: no data")
    assert vi.endswith("đến ngày 31/12/2024: chưa có số liệu")


def test_a_deadline_target_quotes_its_latest_figure_before_the_deadline() -> None:
    # On the line from 90 (2020) to 95 (2025): 91 in 2021 and 94 in 2023 are both on
    # track, and the verdict is the latest figure's.
    figures = [obs("coverage", 2020, 90), obs("coverage", 2021, 91), obs("coverage", 2023, 94)]
    status, en, _ = explained(
        value("coverage"),
        at_least(95),
        by_deadline("2025-12-31", baseline=2020),
        figures,
        "2024-06-30",
    )
    assert status is Status.ON_TRACK
    assert en.startswith("2023: ")


def test_a_deadline_target_without_a_final_figure_quotes_the_deadline() -> None:
    # The 2021 figure cannot be judged (no 2020 figure to draw the line from), and none
    # came for 2025: both periods are no data, and the deadline's decides.
    status, en, vi = explained(
        value("coverage"),
        at_least(95),
        by_deadline("2025-12-31", baseline=2020),
        [obs("coverage", 2021, 91)],
        "2026-06-30",
    )
    assert status is Status.NO_DATA
    assert en.startswith("2025-12-31: ")
    assert "no figure for the deadline" in en
    assert vi.startswith("31/12/2025: ")  # the deadline as Vietnamese writes a day
    assert "chưa có số liệu đến hạn ngày 31/12/2025" in vi
