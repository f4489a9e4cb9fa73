"""Reported plan texts: an article reproduces or summarises a plan's provisions.

Each provision that names an issue is a proposal of the plan's author (a Russian memorandum
carries demands). Sentences written for these tests, not taken from any article.
"""

from __future__ import annotations

import datetime as dt
import functools

import pytest
from rules_only import rule_keys

DAY = dt.date(2025, 11, 25)


keys = functools.partial(rule_keys, date=DAY)


LIST_TEXT = (
    "Officials in Berlin circulated the European counter-proposal on Sunday.\n"
    "The draft sets out the following points:\n"
    "1. Robust security guarantees for Ukraine from its partners.\n"
    "2. A cap of 800,000 troops for the Ukrainian military.\n"
    "3. A path for Kyiv to EU membership.\n"
)


def test_numbered_items_after_a_list_intro_are_the_authors_proposals() -> None:
    got = keys(LIST_TEXT)
    for issue in ("security.guarantees", "security.army_size", "eu_membership"):
        assert ("EUR", issue, "PROPOSE") in got


def test_items_split_from_their_numbers_still_count() -> None:
    text = ("The American plan contains these provisions:\n1.\nA general amnesty for all "
            "combatants.\n2.\nNo foreign troops on Ukrainian soil.\n")
    got = keys(text)
    assert ("USA", "justice.amnesty", "PROPOSE") in got
    assert ("USA", "security.foreign_forces", "PROPOSE") in got


def test_parties_named_inside_a_point_are_content_not_speakers() -> None:
    text = ("The European plan includes the following points:\n"
            "- No NATO troops to be stationed in Ukraine after the war.\n")
    got = keys(text)
    assert ("EUR", "security.foreign_forces", "PROPOSE") in got
    assert not any(actor == "NATO" for actor, _, _ in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The US plan also grants Kyiv a path to EU membership.",
         ("USA", "eu_membership", "PROPOSE")),
        ("The 28-point plan further stipulates that frozen Russian assets fund reconstruction.",
         ("USA", "economy.frozen_assets", "PROPOSE")),
        ("The European proposal does not prohibit Kyiv from joining NATO at a later date.",
         ("EUR", "security.alignment", "PROPOSE")),
        ("Zelensky's 20-point plan envisages a demilitarised zone at the nuclear plant.",
         ("UKR", "znpp", "PROPOSE")),
        ("The Russian memorandum states that Ukraine must hold elections within 100 days.",
         ("RUS", "politics.elections", "DEMAND")),
    ],
)
def test_a_plan_as_subject_with_a_verb_of_content(text: str, expected: tuple) -> None:
    assert expected in keys(text)


def test_according_to_the_text_gives_the_plan_not_the_named_party() -> None:
    text = ("Washington's peace plan was handed to Kyiv last week. Ukraine should also agree "
            "never to deploy foreign troops, according to the document.")
    got = keys(text)
    assert ("USA", "security.foreign_forces", "PROPOSE") in got
    assert ("UKR", "security.foreign_forces", "REJECT") not in got


def test_a_future_statement_right_after_a_point_continues_it() -> None:
    text = ("The American draft grants Kyiv a path to EU membership. Crimea will be treated "
            "as Russian in practice under the arrangement.")
    assert ("USA", "territory.crimea", "PROPOSE") in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        # the plan is an object, not the subject describing its content
        "Elements of the US plan require more talks on security guarantees for Ukraine.",
        "Moscow has rejected the 28-point plan's clause on frozen assets, critics said.",
        # a list after a text that is no plan
        "Reporters asked the following questions:\n1. Will Kyiv get security guarantees?\n",
    ],
)
def test_no_plan_point(text: str) -> None:
    got = keys(text)
    assert not any(stance == "PROPOSE" and actor in ("USA", "EUR") and
                   issue in ("security.guarantees", "economy.frozen_assets")
                   for actor, issue, stance in got)


@pytest.mark.parametrize(
    "text",
    [
        "The 28-point plan — drafted over several weeks in Miami — would cap Ukraine's army "
        "at 600,000 troops.",
        "The 28-point plan, which was leaked on Thursday, would cap Ukraine's army at 600,000 "
        "troops.",
    ],
)
def test_a_parenthesis_between_the_plan_and_its_verb(text: str) -> None:
    assert ("USA", "security.army_size", "PROPOSE") in keys(text)
