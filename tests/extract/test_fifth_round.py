"""Fifth round of general patterns, from misses on unseen real articles. Every sentence is
written for these tests (none is taken from an article)."""

from __future__ import annotations

import datetime as dt
import functools

import pytest
from rules_only import rule_keys

DAY = dt.date(2025, 12, 2)


keys = functools.partial(rule_keys, date=DAY)


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a deal in general is not a framework text
        ("Kyiv insists that any peace agreement must include firm security guarantees.",
         ("UKR", "security.guarantees", "DEMAND"), ("UKR", "process.framework", "DEMAND")),
        ("Berlin wants a lasting peace deal that keeps sanctions in place.",
         ("DEU", "economy.sanctions", "DEMAND"), ("DEU", "process.framework", "DEMAND")),
        # a verdict verb: what lies between the verb and the verdict word is judged
        ("Zakharova called Kyiv's plan to drive Russian troops out of Crimea an illusion.",
         ("RUS", "territory.crimea", "REJECT"), ("UKR", "territory.crimea", "REJECT")),
        ("Peskov described the idea of returning Zaporizhzhia to Ukraine as a fantasy.",
         ("RUS", "territory.south", "REJECT"), ("UKR", "territory.south", "REJECT")),
        # "it is time for X to ...": whoever says so demands it
        ("Vance said it was high time for Kyiv to hold an election.",
         ("USA", "politics.elections", "DEMAND"), ("UKR", "politics.elections", "DEMAND")),
        ("It is time for Moscow to agree to a full ceasefire, Starmer told parliament.",
         ("GBR", "ceasefire", "DEMAND"), ("RUS", "ceasefire", "ACCEPT")),
        # an accusation of failing to do X demands X; it is no stance of the accused
        ("Zakharova accused the Kyiv regime of refusing to hold presidential elections.",
         ("RUS", "politics.elections", "DEMAND"), ("UKR", "politics.elections", "REJECT")),
        ("Rubio accused Moscow of stalling on a ceasefire.",
         ("USA", "ceasefire", "DEMAND"), ("RUS", "ceasefire", "REJECT")),
        # a goal named as someone's
        ("Membership of the North Atlantic alliance remains Ukraine's strategic goal.",
         ("UKR", "security.alignment", "DEMAND"), ("RUS", "security.alignment", "DEMAND")),
        ("Sybiha said that joining NATO remains their goal.",
         ("UKR", "security.alignment", "DEMAND"), ("UKR", "security.alignment", "REJECT")),
        # a signed declaration of intent puts the commitment on the table
        ("Paris and London signed a declaration of intent to station troops in Ukraine once "
         "the fighting stops.",
         ("FRA", "security.foreign_forces", "PROPOSE"), ("RUS", "security.foreign_forces",
                                                         "PROPOSE")),
        # warning of consequences is a threat
        ("The Kremlin warned Brussels of severe consequences if it confiscates Russian "
         "assets.", ("RUS", "economy.frozen_assets", "THREATEN"),
         ("EU", "economy.frozen_assets", "THREATEN")),
        # assets named by where they were seized
        ("Lavrov demanded that the reserves frozen in Europe be handed back.",
         ("RUS", "economy.frozen_assets", "DEMAND"), ("EU", "economy.frozen_assets", "DEMAND")),
        # which comes first
        ("Umerov said guarantees had to be in place before any withdrawal is discussed.",
         ("UKR", "process.sequencing", "DEMAND"), ("UKR", "process.sequencing", "REJECT")),
    ],
)
def test_party_and_stance(text: str, expected: tuple, absent: tuple) -> None:
    got = keys(text)
    assert expected in got
    assert absent not in got


def test_object_relative_with_title() -> None:
    # "X, which <title> <name> has ruled out": X is what the named party rejects
    got = keys("Moscow offered a treaty in place of NATO membership, which Russian Foreign "
               "Minister Sergei Lavrov has ruled out.")
    assert ("RUS", "security.alignment", "REJECT") in got


def test_object_relative_with_trailing_verb() -> None:
    got = keys("Kyiv wants the return of the Zaporizhzhia plant, which Moscow refuses to "
               "negotiate.")
    assert ("UKR", "znpp", "DEMAND") in got
    assert ("RUS", "znpp", "REJECT") in got


def test_substitute_is_not_offered() -> None:
    got = keys("Russia proposed treaty guarantees instead of NATO membership for Ukraine.")
    assert ("RUS", "security.guarantees", "PROPOSE") in got
    assert ("RUS", "security.alignment", "PROPOSE") not in got


def test_passive_list_before_agent() -> None:
    # every term of the list before "were rejected by X" is rejected
    got = keys("Moscow's terms, among them a cap on the army and the lifting of sanctions, "
               "were rejected by Kyiv.")
    assert ("UKR", "security.army_size", "REJECT") in got
    assert ("UKR", "economy.sanctions", "REJECT") in got


def test_readiness_to_accept_a_proposal() -> None:
    # the readiness is to accept what the proposal offers; the proposal stays its author's
    got = keys("Kyiv signalled its readiness to accept an American proposal for a 30-day "
               "truce.")
    assert ("UKR", "ceasefire", "ACCEPT") in got
    assert ("USA", "ceasefire", "PROPOSE") in got


def test_relative_antecedent_after_preposition() -> None:
    # "a nonstarter for Kyiv, which wants X and has demanded Y": Kyiv wants and demands
    got = keys("The offer looks like a nonstarter for Kyiv, which seeks NATO membership and "
               "has demanded that Russia pull its troops out of all Ukrainian territory.")
    assert ("UKR", "security.alignment", "DEMAND") in got
    assert ("UKR", "territory.donbas", "DEMAND") in got
    assert ("UKR", "security.alignment", "REJECT") not in got


def test_nonstarter_for_names_who_rejects() -> None:
    got = keys("Moscow wants Ukraine to drop its NATO bid, a non-starter for Kyiv.")
    assert ("UKR", "security.alignment", "REJECT") in got
    assert ("RUS", "security.alignment", "REJECT") not in got


def test_promise_with_a_weekday() -> None:
    got = keys("Putin vowed on Thursday to halt the fighting at once if Kyiv pulls its forces "
               "out of the four occupied regions.")
    assert ("RUS", "ceasefire", "PROPOSE") in got
    assert ("RUS", "territory.donbas", "DEMAND") in got


def test_agent_named_after_a_nominal_demand() -> None:
    # "the demands that X listed included ...": X's demands, whatever the article says
    got = keys("Among the demands that the Kremlin outlined were limits on Ukraine's armed "
               "forces and protection for Russian speakers.")
    assert ("RUS", "security.army_size", "DEMAND") in got
    assert ("RUS", "society.language", "DEMAND") in got


def test_it_is_not_the_object_of_a_giving_verb() -> None:
    # "The plan offers Russia X. It also proposes Y": "it" is the plan, not Russia
    got = keys("The draft offers Russia a pullback from the east. It also proposes keeping "
               "Ukraine's army at 800,000 troops.")
    assert ("RUS", "security.army_size", "PROPOSE") not in got


def test_wanting_another_among_those_offering() -> None:
    got = keys("Kyiv wants Ankara to be among the states offering security guarantees.")
    assert ("UKR", "security.guarantees", "DEMAND") in got
    assert ("TUR", "security.guarantees", "PROPOSE") not in got


def test_zero_relative_after_a_proposal_noun() -> None:
    got = keys("The Kremlin wants Kyiv to hand over Kramatorsk, a demand Ukraine has "
               "flatly rejected.")
    assert ("RUS", "territory.donbas", "DEMAND") in got
    assert ("UKR", "territory.donbas", "REJECT") in got


def test_appeal_to_refrain_from_strikes() -> None:
    got = keys("Macron appealed to Putin to refrain from striking power plants over winter.")
    assert ("FRA", "ceasefire", "DEMAND") in got
    assert ("RUS", "ceasefire", "DEMAND") not in got


def test_numbered_clauses_after_a_heading() -> None:
    # "The memorandum includes two sections and 20 clauses." / "Part One" / "  1. ..."
    text = ("The Russian memorandum, handed over on Monday, includes two sections and 20 "
            "clauses.\nPart One\n  1. Caps on the size of the Ukrainian armed forces.\n"
            "  2. Official status for the Russian language.\n")
    got = keys(text)
    assert ("RUS", "security.army_size", "DEMAND") in got
    assert ("RUS", "society.language", "DEMAND") in got


def test_unnumbered_conditions_after_a_colon() -> None:
    text = ("Moscow delivered its memorandum at the talks. Its main conditions are:\n"
            "A neutral status for Ukraine;\nLifting of all Western sanctions;\n"
            "Kyiv called the text an ultimatum.\n")
    got = keys(text)
    assert ("RUS", "security.alignment", "DEMAND") in got
    assert ("RUS", "economy.sanctions", "DEMAND") in got
    assert ("RUS", "security.alignment", "PROPOSE") not in got


def test_lines_without_an_intro_are_no_points() -> None:
    text = ("Moscow delivered its memorandum at the talks.\nA neutral status for Ukraine;\n"
            "Lifting of all Western sanctions;\n")
    got = keys(text)
    assert ("RUS", "economy.sanctions", "DEMAND") not in got
