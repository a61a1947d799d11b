"""Words: one message catalogue per language, and a language added from outside."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given

from helpers import obs, one_target_plan, result_of, whole_plans
from planmodel import Plan, Status, at_least, evaluate, every_year, value
from planmodel.cli import main
from planmodel.periods import to_period
from planmodel.reports import render_text
from planmodel.strategies import observations_for, plans
from planmodel.units import Unit
from planmodel.words import (
    Amount,
    Marks,
    PeriodLabel,
    Phrase,
    add_language,
    add_messages,
    language,
    languages,
    remove_language,
    say,
    status_word,
)
from planmodel.words import en as english
from planmodel.words import vi as vietnamese

#: What a message key looks like when no language has its words.
UNSAID = re.compile(
    r"\b(?:measure|condition|schedule|quantifier|target|reason|remark|explain|amount|period|label|status)\.[a-z_.]+\("
)


def test_every_vietnamese_message_has_an_english_one() -> None:
    # English is every language's last fallback: it must have every key.
    assert set(vietnamese.MESSAGES) <= set(english.MESSAGES)


@pytest.mark.parametrize("status", list(Status))
def test_every_status_has_its_words(status: Status) -> None:
    assert status_word(status, "en") == status.value.replace("_", " ")
    assert status_word(status, "vi") != status_word(status, "en")
    assert status_word(Status.NEARLY_MET, "vi") == "cơ bản đạt"


@whole_plans
@given(plans(max_targets=4).flatmap(lambda plan: observations_for(plan).map(lambda o: (plan, o))))
def test_every_built_in_kind_says_itself_in_english_and_vietnamese(
    case: tuple[Plan, list[object]],
) -> None:
    plan, figures = case
    found = evaluate(plan, figures, dt.date(plan.term.last + 1, 1, 1))  # type: ignore[arg-type]
    for lang in ("en", "vi"):
        report = render_text(plan, found, lang=lang)
        assert not UNSAID.search(report), UNSAID.search(report)


def test_numbers_are_said_with_their_units() -> None:
    assert say(Amount(Decimal("1.5"), Unit("points")), "en") == "1.5 percentage points"
    assert say(Amount(Decimal("1.5"), Unit("points")), "vi") == "1,5 điểm phần trăm"
    assert say(Amount(Decimal(10), Unit("per", per=10_000)), "en") == "10 per 10,000"
    assert say(Amount(Decimal(10), Unit("per", per=10_000)), "vi") == "10 trên 10.000"
    assert say(Amount(Decimal(3), Unit("per", per=1000)), "en") == "3‰"
    assert say(Amount(Decimal(7), Unit("metric", "billion VND")), "en") == "7 billion VND"
    assert say(dt.date(2025, 6, 30), "vi") == "ngày 30/06/2025"
    assert say(dt.date(2025, 6, 30), "en") == "2025-06-30"


# -- numbers and days in each language's marks ------------------------------------------


@pytest.mark.parametrize(
    ("amount", "en", "vi"),
    [
        # Figures as given keep their digits; Vietnamese writes a decimal comma and
        # groups thousands with a dot, English writes them as given.
        (Amount(Decimal("93.0"), Unit("percent")), "93.0%", "93,0%"),
        (Amount(Decimal("5026"), Unit("metric", "USD")), "5026 USD", "5.026 USD"),
        (Amount(Decimal("-1234567.125"), Unit("count")), "-1234567.125", "-1.234.567,125"),
        (Amount(Decimal("999.5"), Unit("count")), "999.5", "999,5"),
        # Computed numbers: rounded first by the one rule, then written in the marks.
        (Amount(Decimal(1) / 3, Unit("percent"), computed=True), "≈0.33%", "≈0,33%"),
        (Amount(Decimal("104.6875"), Unit("percent"), computed=True), "≈104.69%", "≈104,69%"),
        (
            Amount(Decimal("4464.2"), Unit("metric", "USD"), computed=True),
            "4464.2 USD",
            "4.464,2 USD",
        ),
    ],
)
def test_numbers_are_written_in_each_languages_marks(amount: Amount, en: str, vi: str) -> None:
    assert (say(amount, "en"), say(amount, "vi")) == (en, vi)


def test_a_language_that_wants_only_a_decimal_comma_gets_the_rule_first() -> None:
    # A language states its marks; how many digits a computed number shows is
    # planmodel's rule, not the language's: a third is ≈0,33, not 28 digits.
    add_language("de", "Deutsch", {"amount.percent": "{number} %"}, marks=Marks(decimal=","))
    assert say(Amount(Decimal(1) / 3, Unit("percent"), computed=True), "de") == "≈0,33 %"
    assert say(Amount(Decimal("93.50"), Unit("percent")), "de") == "93,50 %"
    assert say(dt.date(2025, 6, 30), "de") == "2025-06-30"  # no pattern given: ISO


@pytest.mark.parametrize(
    ("period", "en", "vi"),
    [
        (2023, "2023", "2023"),
        (dt.date(2023, 11, 13), "2023-11-13", "13/11/2023"),
        ("2023-12", "2023-12", "12/2023"),
        ("2023-Q4", "2023-Q4", "Q4/2023"),
        ("FY2025", "FY2025", "FY2025"),
    ],
)
def test_periods_as_labels_in_each_language(period: object, en: str, vi: str) -> None:
    label = PeriodLabel(to_period(period))
    assert (say(label, "en"), say(label, "vi")) == (en, vi)


def test_periods_in_sentences_keep_their_words() -> None:
    assert say(to_period("2023-12"), "vi") == "tháng 12/2023"
    assert say(to_period("2023-Q4"), "vi") == "quý 4/2023"
    assert say(2023, "vi") == "năm 2023"
    assert say(dt.date(2023, 11, 13), "vi") == "ngày 13/11/2023"


@pytest.mark.parametrize(
    ("marks", "message"),
    [
        (lambda: Marks(decimal=""), "decimal mark must be given"),
        (lambda: Marks(decimal=",", group=","), "differ from the group mark"),
        (lambda: Marks(group="1"), "without digits"),
        (lambda: Marks(date="DD/MM"), "YYYY, MM and DD once each"),
        (lambda: Marks(date="DD/MM/YYYY/DD"), "YYYY, MM and DD once each"),
    ],
)
def test_marks_that_cannot_be_read_back_are_refused(marks: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        marks()


def test_a_day_is_written_in_the_languages_pattern() -> None:
    assert Marks(date="DD.MM.YYYY").day(dt.date(2025, 1, 2)) == "02.01.2025"
    assert Marks(date="MM/DD/YYYY").day(dt.date(899, 1, 2)) == "01/02/0899"


def test_a_message_no_language_has_is_shown_not_raised() -> None:
    assert say(Phrase("measure.unknown_kind", metric="x"), "en") == "measure.unknown_kind(metric=x)"


# -- a language added from outside ---------------------------------------------------------


def toy_language() -> None:
    """A toy language with a few words: the rest falls back to English."""
    add_language(
        "tok",
        "Toy",
        {
            "status.met": "MET!",
            "status.not_met": "NOPE",
            "condition.at_least": "≥ {bound}",
            "label.summary": "SUMMARY",
        },
        marks=Marks(decimal="'", group=" ", date="DD.MM.YYYY"),
    )


def test_a_new_language_falls_back_to_english() -> None:
    toy_language()
    assert "tok" in languages()
    plan = one_target_plan(value("coverage"), at_least("95.5"), every_year(2021, 2021))
    # Words the language lacks are English; names the plan lacks in it, the plan's own.
    assert plan.targets[0].describe(plan, "tok") == (
        "tỷ lệ bao phủ bảo hiểm y tế ≥ 95'5%, every year 2021-2021"
    )
    found = result_of(plan, [obs("coverage", 2021, 90)], "2022-01-01")
    report = render_text(
        plan, evaluate(plan, [obs("coverage", 2021, 90)], "2022-01-01"), lang="tok"
    )
    assert "SUMMARY" in report
    assert "NOPE" in report
    assert found.status is Status.NOT_MET
    add_messages("tok", {"status.not_met": "NOT YET"})
    assert status_word(Status.NOT_MET, "tok") == "NOT YET"
    remove_language("tok")
    assert "tok" not in languages()
    # A language planmodel does not know is said in English.
    assert language("zz").tag == "en"


def test_the_command_speaks_any_language_the_catalogue_has(
    capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:
    toy_language()
    assert main(["schema", "plan"]) == 0
    capsys.readouterr()
    from pathlib import Path

    folder = Path(str(tmp_path))
    plan = one_target_plan(value("coverage"), at_least(95), every_year(2021, 2021))
    from planmodel import dumps_plan

    (folder / "plan.json").write_text(dumps_plan(plan), encoding="utf-8")
    (folder / "figures.csv").write_text("metric,period,value\ncoverage,2021,90\n", encoding="utf-8")
    code = main(
        [
            "evaluate",
            str(folder / "plan.json"),
            str(folder / "figures.csv"),
            "--as-of",
            "2022-01-01",
            "--lang",
            "tok",
        ]
    )
    assert code == 0
    assert "NOPE" in capsys.readouterr().out


def test_english_cannot_be_removed() -> None:
    with pytest.raises(ValueError, match="English"):
        remove_language("en")
    with pytest.raises(ValueError, match="not a language tag"):
        add_language("not a tag", "x", {})


@pytest.mark.parametrize(
    ("unit", "en", "vi"),
    [
        ("per 10000", "15 per 10,000", "15 trên 10.000"),
        ("per 1000", "15‰", "15‰"),
        ("per 10,000 people", "15 per 10,000 people", "15 per 10,000 people"),
    ],
)
def test_a_metric_counted_per_a_power_of_ten_is_said_as_a_rate(unit: str, en: str, vi: str) -> None:
    # "per 10000" is a rate, said in each language; other unit text is shown as written.
    rate = Unit.of_metric(unit)
    assert say(Amount(Decimal(15), rate), "en") == en
    assert say(Amount(Decimal(15), rate), "vi") == vi
