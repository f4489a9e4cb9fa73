"""Stance categories found by studying misses on unseen real articles, each as a general
pattern in several wordings written for these tests (not taken from any article)."""

from __future__ import annotations

import datetime as dt
import functools

import pytest
from rules_only import rule_keys

DAY = dt.date(2025, 11, 25)


keys = functools.partial(rule_keys, date=DAY)


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a settlement that rests on the other side accepting X: X is demanded
        ("Ryabkov argued that normal relations rest on Kyiv accepting that Kherson is gone.",
         ("RUS", "territory.south", "DEMAND"), ("RUS", "territory.south", "ACCEPT")),
        ("Zakharova said the talks depend on Ukraine accepting the loss of Zaporizhzhia.",
         ("RUS", "territory.south", "DEMAND"), ("RUS", "territory.south", "ACCEPT")),
        # an obligation the speaker puts on another party is the speaker's demand
        ("Ushakov told reporters that Kyiv would need to pull its troops out of Donbas first.",
         ("RUS", "territory.donbas", "DEMAND"), ("UKR", "territory.donbas", "DEMAND")),
        # a verdict on content is the speaker's, not the party's named inside it
        ("Lammy stated that a Russian veto on NATO enlargement was unacceptable.",
         ("GBR", "security.alignment", "REJECT"), ("RUS", "security.alignment", "REJECT")),
        # a participle's agent follows "by"
        ("A new peace plan circulated by the White House drew criticism in Kyiv.",
         ("USA", "process.framework", "PROPOSE"), ("UKR", "process.framework", "PROPOSE")),
    ],
)
def test_party_and_stance(text: str, expected: tuple, absent: tuple) -> None:
    got = keys(text)
    assert expected in got
    assert absent not in got


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # "X will not happen until Y": X is only the consequence, not demanded
        ("Ushakov said the ceasefire would not begin until Western sanctions on Russian banks "
         "are eased.", ("RUS", "ceasefire", "DEMAND")),
        ("The Kremlin says the truce can never start unless sanctions on its fertiliser "
         "exports are dropped.", ("RUS", "ceasefire", "DEMAND")),
    ],
)
def test_conditions_until(text: str, absent: tuple) -> None:
    assert absent not in keys(text)


def test_only_after_is_about_order() -> None:
    got = keys("Vance indicated that American guarantees for Kyiv could apply only after a "
               "settlement is signed.")
    assert ("USA", "process.sequencing", "DEMAND") in got
    assert ("USA", "security.guarantees", "DEMAND") not in got


@pytest.mark.parametrize(
    "text",
    [
        "Lavrov has long presented the Donbas withdrawal as a matter of security.",
        "The Kremlin presents the Donbas withdrawal as a matter of security.",
    ],
)
def test_framing_is_no_proposal(text: str) -> None:
    assert not any(stance == "PROPOSE" for _, _, stance in keys(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # agreements to a truce in other words: navigation, energy strikes, naval activity
        ("Moscow and Washington agreed to guarantee safe navigation for grain ships.",
         {("USA", "ceasefire", "ACCEPT"), ("RUS", "ceasefire", "ACCEPT")}),
        ("Kyiv and Moscow have committed to a moratorium on strikes against power plants and "
         "other energy sites.", {("UKR", "ceasefire", "ACCEPT"), ("RUS", "ceasefire", "ACCEPT")}),
        ("Russia and Ukraine reached an agreement to halt military operations in the Black Sea.",
         {("UKR", "ceasefire", "ACCEPT"), ("RUS", "ceasefire", "ACCEPT")}),
        # summit venues
        ("The Kremlin insisted that any meeting between Putin and Zelensky take place in "
         "Moscow.", {("RUS", "process.summit", "DEMAND")}),
        ("Zelensky said he would not travel to Moscow and instead invited the Russian "
         "president to Kyiv.",
         {("UKR", "process.summit", "REJECT"), ("UKR", "process.summit", "PROPOSE")}),
        ("Putin invited Zelensky to Moscow.", {("RUS", "process.summit", "PROPOSE")}),
        ("Sybiha said Ukraine flatly refused the idea of meeting the Russian president in "
         "Minsk.", {("UKR", "process.summit", "REJECT")}),
    ],
)
def test_truce_agreements_and_summit_venues(text: str, expected: set) -> None:
    assert expected <= keys(text)


@pytest.mark.parametrize(
    "text",
    [
        # an agenda item is nobody's demand; a passive invitee does not propose
        "The parties raised the issue of a ceasefire at the Istanbul round.",
        "Both delegations discussed the possibility of a ceasefire over Easter.",
        "The Ukrainian president was repeatedly invited to come to Moscow.",
        # an envoy's meeting is no leaders' summit
        "Rubio said he had asked his envoy to meet the Russian president next week.",
    ],
)
def test_no_stance(text: str) -> None:
    assert not keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Macron said Kyiv must give up Donbas in any peace deal.",
        "Vance said Ukraine would have to cede Donbas as part of a future peace agreement.",
    ],
)
def test_a_deal_in_general_is_no_framework(text: str) -> None:
    got = keys(text)
    assert any(issue == "territory.donbas" and stance == "DEMAND" for _, issue, stance in got)
    assert not any(issue == "process.framework" for _, issue, _ in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what threatens a party is what it rejects
        ("Ryabkov said NATO membership for Kyiv would pose a grave threat to Russia.",
         ("RUS", "security.alignment", "REJECT")),
        # seeing no prospect, not regarding it as viable
        ("Kellogg said Washington did not see any prospect of Ukrainian NATO membership.",
         ("USA", "security.alignment", "REJECT")),
        ("Rubio said the US does not regard NATO membership for Kyiv as a viable option.",
         ("USA", "security.alignment", "REJECT")),
        # preparing to call a vote is putting it forward
        ("Zelensky is said to be preparing to call early elections.",
         ("UKR", "politics.elections", "PROPOSE")),
    ],
)
def test_rejection_and_proposal_in_other_words(text: str, expected: tuple) -> None:
    assert expected in keys(text)


def test_a_threat_without_an_issue_gives_nothing() -> None:
    assert not keys("Russia is a threat to Europe, Macron said.")
