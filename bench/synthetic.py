"""Plans and figures generated for the benchmarks, from a seed.

A commune's plan has the twenty targets of a ward plan like Long Biên's: every kind of
measure (values, ratios, changes against another metric, a baseline or the previous
year, growth, totals, shares and counts of units rated, the lowest rating), numeric,
rating and ``all of`` conditions, and every-year, by-deadline and over-the-term
schedules, each with its text in Vietnamese and English. Its figures cover every
metric from 2020 to 2025 and are drawn near each target's bounds, so that every status
turns up. The numbers are invented; only the shapes are a real plan's.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from decimal import Decimal

from planmodel import (
    Better,
    Condition,
    Direction,
    Distribution,
    Level,
    Measure,
    Metric,
    Observation,
    Plan,
    Rated,
    RatingScale,
    Schedule,
    Source,
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
    count_below,
    every_year,
    exactly,
    growth,
    lowest_rating,
    over_term,
    part,
    rating_at_least,
    ratio,
    share_at_least,
    total,
    value,
)

__all__ = ["LEVELS", "commune", "figures", "figures_csv", "plan_with"]

FIRST_YEAR, LAST_YEAR = 2021, 2025
LEVELS = ("kht", "ht", "tot", "xs")
_LEVEL_WORDS = {
    "kht": ("Không hoàn thành nhiệm vụ", "Did not complete tasks"),
    "ht": ("Hoàn thành nhiệm vụ", "Completed tasks"),
    "tot": ("Hoàn thành tốt nhiệm vụ", "Completed tasks well"),
    "xs": ("Hoàn thành xuất sắc nhiệm vụ", "Completed tasks with excellence"),
}

#: Numeric metrics: id, Vietnamese and English names, unit, which way is better, and the
#: range their figures are drawn from.
NUMBERS: tuple[tuple[str, str, str, str, Better | None, tuple[int, int]], ...] = (
    ("revenue", "thu ngân sách", "budget revenue", "billion VND", "higher", (1000, 1150)),
    ("estimate", "dự toán thu", "revenue estimate", "billion VND", None, (1000, 1000)),
    (
        "capital",
        "chi đầu tư xây dựng cơ bản",
        "capital spending",
        "billion VND",
        None,
        (4800, 5700),
    ),
    ("spending", "tổng chi ngân sách", "total spending", "billion VND", None, (10000, 10000)),
    ("cultured", "gia đình văn hóa", "cultured families", "percent", "higher", (89, 95)),
    ("groups", "tổ dân phố văn hóa", "cultured residential groups", "percent", "higher", (80, 86)),
    ("coverage", "bảo hiểm y tế", "health insurance coverage", "percent", "higher", (88, 97)),
    ("poor", "hộ nghèo", "poor households", "households", "lower", (80, 400)),
    ("schools", "trường đạt chuẩn", "standard schools", "count", "higher", (6, 11)),
    (
        "polluters",
        "cơ sở gây ô nhiễm được xử lý",
        "polluters handled",
        "percent",
        "higher",
        (97, 100),
    ),
    ("waste", "rác thải được thu gom", "waste collected", "percent", "higher", (97, 100)),
    ("new_members", "đảng viên mới", "new party members", "count", "higher", (170, 210)),
    ("output", "giá trị sản xuất", "production value", "billion VND", "higher", (100, 150)),
    ("investment", "vốn đầu tư", "investment", "billion VND", "higher", (800, 1200)),
    ("poverty_rate", "tỷ lệ hộ nghèo", "poverty rate", "percent", "lower", (1, 3)),
    ("budget", "thu ngân sách xã", "commune budget", "billion VND", "higher", (1000, 1600)),
)
RATED = (
    ("orgs", "tổ chức đảng", "party organisations"),
    ("members", "đảng viên", "party members"),
    ("fronts", "Mặt trận và đoàn thể", "front and mass organisations"),
)


def _text(vi: str, en: str) -> Text:
    return Text(vi=vi, en=en)


def _targets(rng: random.Random) -> list[tuple[Measure | None, Condition, Schedule, str]]:
    """The twenty targets: measure, condition, schedule and what the plan says."""
    lo = rng.randint(3, 6)
    yearly = every_year(FIRST_YEAR, LAST_YEAR)
    return [
        (change_vs("revenue", "estimate"), between(lo, lo + 5, better="higher"), yearly,
         f"thu ngân sách vượt dự toán {lo}-{lo + 5}%"),
        (ratio("capital", "spending"), between(50, 55), yearly, "chi đầu tư 50-55% tổng chi"),
        (value("cultured"), between(91, 93, better="higher"), yearly, "gia đình văn hóa 91-93%"),
        (value("groups"), at_least(83), yearly, "tổ dân phố văn hóa 83%"),
        (value("schools"), at_least(9), by_deadline("2025-12-31"), "9 trường đạt chuẩn"),
        (value("coverage"), at_least(95), by_deadline("2025-12-31", baseline=2020),
         "bảo hiểm y tế 95% cuối 2025"),
        (change_since("poor", "2021-01-01"), at_most(-75),
         by_deadline("2025-12-31", baseline="2021-01-01"), "giảm ¾ hộ nghèo so với đầu 2021"),
        (value("polluters"), at_least(100), yearly, "100% cơ sở gây ô nhiễm được xử lý"),
        (value("waste"), at_least(100), yearly, "100% rác thải được thu gom trong ngày"),
        (None, all_of(part(share_at_least("orgs", "tot"), at_least(95)),
                      part(count_at("orgs", "kht"), at_most(0))), yearly,
         "tổ chức đảng 95% tốt trở lên; không có tổ chức không hoàn thành"),
        (None, all_of(part(share_at_least("members", "tot"), at_least(80)),
                      part(value("new_members"), between(180, 200, better="higher"))), yearly,
         "đảng viên 80% tốt trở lên; kết nạp 180-200"),
        (lowest_rating("fronts"), rating_at_least("tot"), yearly,
         "Mặt trận và đoàn thể hoàn thành tốt trở lên"),
        (value("poverty_rate"), at_most(2, strict=True), yearly, "tỷ lệ hộ nghèo dưới 2%"),
        (value("new_members"), exactly(190, better="higher"), yearly, "kết nạp 190 đảng viên"),
        (change_from_previous("budget"), at_least(8), yearly, "thu ngân sách tăng 8%/năm"),
        (count_below("members", "tot"), at_most(20), yearly, "không quá 20 đảng viên dưới mức tốt"),
        (share_at_least("fronts", "ht"), at_least(100), yearly, "100% đoàn thể hoàn thành"),
        (growth("output", 2020, 2025), between("6.5", 7, better="higher"), over_term(),
         "giá trị sản xuất tăng bình quân 6,5-7%/năm"),
        (growth("budget", 2020, 2025, "arithmetic"), at_least(8), over_term(),
         "thu ngân sách tăng bình quân 8%/năm"),
        (total("investment", 2021, 2025), at_least(5000), over_term(),
         "tổng vốn đầu tư 5 năm 5.000 tỷ đồng"),
    ]  # fmt: skip


def _metrics() -> list[Metric]:
    metrics = [Metric(id_, _text(vi, en), unit, better) for id_, vi, en, unit, better, _ in NUMBERS]
    metrics += [Metric(id_, _text(vi, en), "units", scale="grade") for id_, vi, en in RATED]
    return metrics


SCALE = RatingScale(
    "grade",
    _text("mức xếp loại", "rating"),
    tuple(Level(level, _text(*_LEVEL_WORDS[level])) for level in LEVELS),
)


def plan_with(rng: random.Random, index: int, targets: int, *, notes: bool = False) -> Plan:
    """A plan of *targets* targets (the twenty kinds, repeated), numbered *index*."""
    shapes: list[tuple[Measure | None, Condition, Schedule, str]] = []
    while len(shapes) < targets:
        shapes += _targets(rng)
    directions = [Direction(f"D{i}", _text(f"Phương hướng {i}", f"Direction {i}")) for i in (1, 2)]
    return Plan(
        id=f"xa-{index:05d}",
        title=_text(
            f"Nghị quyết Đại hội Đảng bộ xã số {index} nhiệm kỳ 2020-2025",
            f"Resolution of the Party Congress of commune {index}, term 2020-2025",
        ),
        jurisdiction=_text(f"Xã số {index}", f"Commune {index}"),
        term=Term(2020, 2025),
        adopted="2020-08-20",
        source=Source(
            title=_text("Văn kiện Đại hội", "Congress documents"),
            url=f"https://example.org/xa/{index}",
            published="2020-08-20",
        ),
        source_language="vi",
        objective=(_text("Phát triển kinh tế - xã hội bền vững", "Sustainable development"),),
        directions=directions,
        targets=[
            Target(
                id=f"T{i + 1}",
                text=_text(words, f"target {i + 1}: {words}"),
                measure=measure,
                condition=condition,
                schedule=schedule,
                directions=("D1",) if i % 2 else ("D2",),
                notes=_text("Cách hiểu đã chọn: chỉ tiêu là mức sàn", "Reading chosen: a floor")
                if notes
                else None,
            )
            for i, (measure, condition, schedule, words) in enumerate(shapes[:targets])
        ],
        metrics=_metrics(),
        scales=(SCALE,),
    )


def commune(rng: random.Random, index: int) -> Plan:
    """Commune number *index*'s plan: the twenty targets."""
    return plan_with(rng, index, 20)


def _number(rng: random.Random, low: int, high: int, places: int = 2) -> Decimal:
    scale = 10**places
    return Decimal(rng.randint(low * scale, high * scale)).scaleb(-places)


def figures(rng: random.Random) -> list[Observation]:
    """A commune's figures: every metric from 2020 to 2025, and the start of 2021."""
    found = [
        Observation(id_, year, _number(rng, *span), "Thống kê xã")
        for id_, _, _, _, _, span in NUMBERS
        for year in range(2020, LAST_YEAR + 1)
    ]
    found.append(Observation("poor", "2021-01-01", _number(rng, 380, 420, 0), "Thống kê xã"))
    for id_, _, _ in RATED:
        for year in range(2020, LAST_YEAR + 1):
            if id_ == "fronts" and rng.random() < 0.5:
                found.append(Observation(id_, year, Rated(rng.choice(LEVELS[1:])), "Thống kê xã"))
                continue
            counts = {level: rng.randint(0, 3) for level in LEVELS[:2]}
            counts.update({level: rng.randint(20, 60) for level in LEVELS[2:]})
            found.append(Observation(id_, year, Distribution(counts), "Thống kê xã"))
    return found


def _rows(found: list[Observation]) -> Iterator[str]:
    for one in found:
        period = one.period if isinstance(one.period, int) else str(one.period)
        if isinstance(one.value, Distribution):
            for level, count in one.value.counts:
                yield f"{one.metric},{period},,{level},{count},{one.source}"
        elif isinstance(one.value, Rated):
            yield f"{one.metric},{period},,{one.value.level},,{one.source}"
        else:
            yield f"{one.metric},{period},{one.value},,,{one.source}"


def figures_csv(found: list[Observation]) -> str:
    """*found* as a CSV file: a row per figure, and per level of a distribution."""
    return "\n".join(["metric,period,value,level,count,source", *_rows(found)]) + "\n"
