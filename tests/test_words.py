"""Words: one message catalogue per language, and a language added from outside."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from hypothesis import given

from helpers import obs, one_target_plan, result_of, whole_plans
from planmodel import Plan, Status, at_least, evaluate, every_year, value
from planmodel.cli import main
from planmodel.reports import render_text
from planmodel.strategies import observations_for, plans
from planmodel.units import Unit
from planmodel.words import (
    Amount,
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
    assert say(Amount(Decimal("1.5"), Unit("points")), "vi") == "1.5 điểm phần trăm"
    assert say(Amount(Decimal(10), Unit("per", per=10_000)), "en") == "10 per 10,000"
    assert say(Amount(Decimal(10), Unit("per", per=10_000)), "vi") == "10 trên 10.000"
    assert say(Amount(Decimal(3), Unit("per", per=1000)), "en") == "3‰"
    assert say(Amount(Decimal(7), Unit("metric", "billion VND")), "en") == "7 billion VND"
    assert say(dt.date(2025, 6, 30), "vi") == "ngày 30/06/2025"
    assert say(dt.date(2025, 6, 30), "en") == "2025-06-30"


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
        number=lambda number: f"#{number}",
    )


def test_a_new_language_falls_back_to_english() -> None:
    toy_language()
    assert "tok" in languages()
    plan = one_target_plan(value("coverage"), at_least(95), every_year(2021, 2021))
    # Words the language lacks are English; names the plan lacks in it, the plan's own.
    assert plan.targets[0].describe(plan, "tok") == (
        "tỷ lệ bao phủ bảo hiểm y tế ≥ #95%, every year 2021-2021"
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
