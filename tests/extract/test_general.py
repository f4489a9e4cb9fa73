"""Phrasings common across outlets, written for these tests (not taken from any article).

Each case is one general pattern in several wordings: sequencing ("before any deal",
"guarantees first"), threats of force, "priority", "called on X to", cession by share,
and the place a plan or a demilitarised zone refers to.
"""

from __future__ import annotations

import datetime as dt
import functools

import pytest
from rules_only import rule_keys

DAY = dt.date(2026, 2, 12)


keys = functools.partial(rule_keys, date=DAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is done first
        ("Kyiv insists that the security pact be signed before any peace agreement.",
         ("UKR", "process.sequencing", "DEMAND")),
        ("Sybiha said guarantees must come first, and only then a settlement.",
         ("UKR", "process.sequencing", "DEMAND")),
        ("Washington wants the ceasefire settled before the guarantees are signed.",
         ("USA", "process.sequencing", "DEMAND")),
        ("The Europeans said talks on land could start only once security guarantees are "
         "firmly in place.", ("EUR", "process.sequencing", "DEMAND")),
        ("The Americans would prefer to sign all the documents together.",
         ("USA", "process.sequencing", "PROPOSE")),
        # threats of force and of further losses
        ("Putin said Moscow would take the rest of Donbas by force if diplomacy fails.",
         ("RUS", "territory.donbas", "THREATEN")),
        ("Peskov warned that Kyiv stands to lose more territory if it keeps stalling.",
         ("RUS", "territory.donbas", "THREATEN")),
        ("Lavrov said Russia will secure control of Donetsk militarily if need be.",
         ("RUS", "territory.donbas", "THREATEN")),
        # priorities and requests
        ("\"Our first priority is a durable ceasefire,\" Umerov told reporters.",
         ("UKR", "ceasefire", "DEMAND")),
        ("Moscow has called on Kyiv to hand over the remaining 25 percent of the region.",
         ("RUS", "territory.donbas", "DEMAND")),
        ("The White House called on Moscow to agree to a prisoner swap.",
         ("USA", "humanitarian.prisoners", "DEMAND")),
        # more names for the same issues
        ("Russia demands full control of the Donets Basin.", ("RUS", "territory.donbas", "DEMAND")),
        ("The Kremlin rejects any land swap.", ("RUS", "territory.donbas", "REJECT")),
        ("Ukraine rejected the idea of a territorial exchange.",
         ("UKR", "territory.donbas", "REJECT")),
        ("Moscow opposes any Western military presence in Ukraine.",
         ("RUS", "security.foreign_forces", "REJECT")),
        ("Kyiv has shown little appetite for a deal that would cap its army at 600,000 troops.",
         ("UKR", "security.army_size", "REJECT")),
        ("NATO membership for Ukraine remains impossible, the Kremlin said.",
         ("RUS", "security.alignment", "REJECT")),
    ],
)
def test_general_phrasings(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in keys(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the later step of a sequence is not itself demanded
        ("Washington wants the ceasefire settled before the guarantees are signed.",
         ("USA", "security.guarantees", "DEMAND")),
        ("Kyiv insists that the security pact be signed before any peace agreement.",
         ("UKR", "process.framework", "DEMAND")),
        # a demilitarised zone at the plant is about the plant, not about Donbas
        ("Russia refuses to create a demilitarised zone around the nuclear plant.",
         ("RUS", "territory.donbas", "REJECT")),
        # a proposal *for* something is about that thing, not about which text is the basis
        ("Moscow rejected an American proposal for joint control of the ZNPP.",
         ("RUS", "process.framework", "REJECT")),
        # "should any deal be signed" is a condition, not a demand for the deal
        ("Putin said that should a peace treaty be signed, Kyiv would have to hold elections.",
         ("RUS", "process.framework", "DEMAND")),
        # what a party is asked to accept is not its acceptance
        ("Russia is demanding that Ukraine accept territorial losses.",
         ("UKR", "territory.donbas", "ACCEPT")),
    ],
)
def test_general_non_claims(text: str, absent: tuple[str, str, str]) -> None:
    assert absent not in keys(text)


def test_conditional_inversion_keeps_the_real_demand() -> None:
    found = keys("Putin said that should a peace treaty be signed, Kyiv would have to hold "
                 "elections.")
    assert ("RUS", "politics.elections", "DEMAND") in found


def test_demilitarised_zone_at_the_plant_is_the_plant() -> None:
    assert ("RUS", "znpp", "REJECT") in keys(
        "Russia refuses to create a demilitarised zone around the nuclear plant.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # officials the vocabulary does not know, by country and title, without a name
        ("A senior Ukrainian official said Kyiv would not withdraw from Kramatorsk.",
         ("UKR", "territory.donbas", "REJECT")),
        ("The Russian deputy foreign minister insisted on Ukraine's neutrality.",
         ("RUS", "security.alignment", "DEMAND")),
        ("Two US officials said Washington wants an energy truce first.",
         ("USA", "ceasefire", "DEMAND")),
        # "it" continues its subject; "they" and "the leaders" take the last group
        ("Russia's memorandum sets out its terms. It also demands that Kyiv drop its NATO "
         "aspirations.", ("RUS", "security.alignment", "DEMAND")),
        ("European leaders met in London on Sunday. They called for a reassurance force.",
         ("EUR", "security.foreign_forces", "DEMAND")),
        ("Nordic and European leaders gathered for hours. In a joint text published later, "
         "the leaders said a ceasefire must come before any talks on territory.",
         ("EUR", "ceasefire", "DEMAND")),
        # a plan's contents: "should include" puts them forward
        ("The Europeans said the guarantees should include a monitoring mission.",
         ("EUR", "security.foreign_forces", "PROPOSE")),
    ],
)
def test_unnamed_officials_and_pronouns(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in keys(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a capital where talks happen is a venue, not its government
        ("European leaders urged security guarantees after the Berlin talks.",
         ("DEU", "security.guarantees", "DEMAND")),
        ("After a day of meetings in Moscow, Witkoff called for a ceasefire.",
         ("RUS", "ceasefire", "DEMAND")),
        # "it" does not take an owner or the object of a preposition as antecedent
        ("Moscow says it would not object to Ukraine's EU membership, which it calls Kyiv's "
         "own business.", ("UKR", "eu_membership", "ACCEPT")),
    ],
)
def test_venues_and_antecedents(text: str, absent: tuple[str, str, str]) -> None:
    assert absent not in keys(text)


def test_drafted_in_a_capital_names_the_author() -> None:
    assert ("USA", "process.framework", "PROPOSE") in keys(
        "A 28-point peace plan drafted in Washington has leaked.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause without its own subject shares the main clause's
        ("Moscow controls most of Luhansk but has repeatedly called on Kyiv to give up "
         "Kramatorsk.", ("RUS", "territory.donbas", "DEMAND")),
        ("The Kremlin no longer demands that Kyiv leave Kherson, but still insists on "
         "Donetsk.", ("RUS", "territory.donbas", "DEMAND")),
        # two objects joined by "and" do not start a new subject
        ("Moscow is ready to work with the United States and Ukraine on the future of the "
         "nuclear plant.", ("RUS", "znpp", "ACCEPT")),
    ],
)
def test_shared_subjects_and_objects(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in keys(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The Kremlin no longer demands that Kyiv leave Kherson, but still insists on "
         "Donetsk.", ("UKR", "territory.donbas", "DEMAND")),
        # "X reads the deal, agreed between Y and Z" is not X agreeing
        ("Moscow reads the framework, quietly agreed between the two presidents at the "
         "summit, as handing it all of Donetsk.", ("RUS", "territory.donbas", "ACCEPT")),
    ],
)
def test_embedded_subjects_and_participles(text: str, absent: tuple[str, str, str]) -> None:
    assert absent not in keys(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speaker with a title after the content
        ("Any Western contingents sent to Ukraine would be legitimate targets, Deputy Foreign "
         "Minister Sergei Ryabkov said.", ("RUS", "security.foreign_forces", "THREATEN")),
        # backing the creation of something puts it forward
        ("European leaders met in Paris. They backed the creation of a European-led force.",
         ("EUR", "security.foreign_forces", "PROPOSE")),
        ("Britain endorsed the idea of a multinational force for Ukraine.",
         ("GBR", "security.foreign_forces", "PROPOSE")),
        # a list of gerunds under one verb: each is the subject's stance
        ("Washington has floated accepting Russian control of Kherson, not opposing a freeze "
         "in Donetsk, and rejecting Ukraine's NATO bid.", ("USA", "security.alignment", "REJECT")),
        ("Washington has floated accepting Russian control of Kherson, not opposing a freeze "
         "in Donetsk, and rejecting Ukraine's NATO bid.", ("USA", "territory.donbas", "ACCEPT")),
        # recognising Crimea as Russian is about Crimea too
        ("Moscow demands legal recognition of Russian sovereignty over Crimea.",
         ("RUS", "territory.crimea", "DEMAND")),
        # a threat with no issue of its own is about the land just discussed
        ("Talks on Donetsk stalled again. Ushakov said Russia would then achieve its goals on "
         "the battlefield.", ("RUS", "territory.donbas", "THREATEN")),
    ],
)
def test_more_general_phrasings(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in keys(text)


def test_gerund_list_needs_a_governing_verb() -> None:
    # "rejecting" here belongs to no list: the party next to it is the subject
    assert ("UKR", "territory.donbas", "REJECT") in keys(
        "Kyiv keeps rejecting any withdrawal from Donetsk.")


def test_a_partys_own_plan_speaks_for_it() -> None:
    found = keys("Talks resumed after Washington unveiled its plan last week. The proposed plan "
                 "would see Kyiv withdraw from Kramatorsk. Kherson would stay under "
                 "Russian control.")
    assert ("USA", "process.framework", "PROPOSE") in found
    assert ("USA", "territory.donbas", "PROPOSE") in found
    assert ("USA", "territory.south", "PROPOSE") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv hopes to secure Article 5-style guarantees from its allies.",
         ("UKR", "security.guarantees", "DEMAND")),
        ("Ukraine's neutral status is non-negotiable for Moscow.",
         ("RUS", "security.alignment", "DEMAND")),
        ("Trump said he was ready to host a meeting of the leaders in Budapest.",
         ("USA", "process.summit", "PROPOSE")),
        ("Zelensky has repeatedly invited Putin to meet in person.",
         ("UKR", "process.summit", "PROPOSE")),
        ("Russian forces will take Zaporizhzhia by force unless Kyiv withdraws, Medvedev warned.",
         ("RUS", "territory.south", "THREATEN")),
        ("Sybiha said Kyiv would never recognise Crimea as Russian.",
         ("UKR", "territory.crimea", "REJECT")),
        ("Budanov said the Ukrainian side would not agree to troop limits.",
         ("UKR", "security.army_size", "REJECT")),
        ("The Kremlin called the European counterproposal unconstructive.",
         ("RUS", "process.framework", "REJECT")),
        ("Moscow signalled it could accept European Union membership for Ukraine.",
         ("RUS", "eu_membership", "ACCEPT")),
        ("A Kremlin source said Moscow would not budge on Donbas.",
         ("RUS", "territory.donbas", "REJECT")),
        ("Withdrawing from Sloviansk is a red line for Kyiv.",
         ("UKR", "territory.donbas", "REJECT")),
    ],
)
def test_outlet_phrasings_of_stances(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in keys(text)


def test_calling_a_leader_illegitimate_is_no_rejection_of_elections() -> None:
    assert ("RUS", "politics.elections", "REJECT") not in keys(
        "Moscow has long called Zelensky illegitimate.")


def test_an_unknown_agent_is_not_the_reporter() -> None:
    # the ministry reports the demand; it does not make it
    found = keys("The occupying power demands that Kyiv give up Kherson, the Ukrainian foreign "
                 "ministry said.")
    assert ("UKR", "territory.south", "DEMAND") not in found
    # but an inanimate subject states the speaker's own view
    assert ("RUS", "security.guarantees", "DEMAND") in keys(
        "A durable peace requires guarantees for Russia's security too, Lavrov said.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "For X, ..." gives X's view
        ("For Moscow, the neutrality of Ukraine is a key condition.",
         ("RUS", "security.alignment", "DEMAND")),
        ("For Kyiv, any withdrawal from Kramatorsk is a red line.",
         ("UKR", "territory.donbas", "REJECT")),
        # a condition stated as a predicate belongs to whoever states it
        ("The Kremlin says a ban on foreign troops is an essential condition.",
         ("RUS", "security.foreign_forces", "DEMAND")),
    ],
)
def test_views_and_predicates(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in keys(text)


def test_for_inside_a_sentence_is_no_view() -> None:
    assert ("UKR", "ceasefire", "DEMAND") not in keys(
        "Guarantees for Ukraine, which were discussed, must come after a ceasefire.")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the object of a rejection is not the subject's own demand or proposal
        ("Moscow slammed the European plan to send peacekeepers.",
         ("RUS", "security.foreign_forces", "PROPOSE")),
        ("The Kremlin rebuffed calls for an unconditional ceasefire.",
         ("RUS", "ceasefire", "DEMAND")),
        # an infinitive after "willing to" is the subject's own act
        ("Witkoff said the US was willing to offer Article 5-like protections to Ukraine.",
         ("USA", "security.guarantees", "ACCEPT")),
    ],
)
def test_objects_of_rejection(text: str, absent: tuple[str, str, str]) -> None:
    assert absent not in keys(text)


def test_the_offer_inside_the_object_keeps_its_author() -> None:
    found = keys("Kyiv hailed the US offer of security guarantees.")
    assert ("USA", "security.guarantees", "PROPOSE") in found
    assert ("UKR", "security.guarantees", "ACCEPT") in found
