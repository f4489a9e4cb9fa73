"""Vocabulary coverage: issue terms and actor names in the ways outlets word them.

Each sentence was written for these tests (no article is quoted). It exercises one family of
issue terms (issues.yaml) or actor groups, aliases and persons (actors.yaml) and names the
(party, issue, stance) it must yield. The last cases use the same terms where no party
states a position and must yield nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest
from rules_only import rule_claims

DAY = dt.date(2026, 2, 12)

ISSUE_TERMS = [
    # territory: Russia leaving all of Ukraine covers every occupied region
    ("Kyiv insists that Moscow withdraw its army from all of its territory.",
     ("UKR", "territory.donbas", "DEMAND")),
    ("Kyiv insists that Moscow withdraw its army from all of its territory.",
     ("UKR", "territory.south", "DEMAND")),
    ("Kyiv again called for the withdrawal of all Russian troops from Ukraine.",
     ("UKR", "territory.south", "DEMAND")),
    # the line a freeze would follow
    ("The Kremlin is ready to discuss a freeze along the current front line, Peskov said.",
     ("RUS", "territory.donbas", "ACCEPT")),
    ("Kyiv proposed that the existing line of contact become the starting point.",
     ("UKR", "territory.donbas", "PROPOSE")),
    # generic cession: "an inch of land", "territory under Ukraine's control"
    ("Zelensky refused to give Moscow a single inch of Ukrainian land.",
     ("UKR", "territory.donbas", "REJECT")),
    ("Russia demands that Ukraine withdraw from the Ukrainian-held parts of the region.",
     ("RUS", "territory.donbas", "DEMAND")),
    ("Moscow insists on the DPR and LPR becoming Russian in full.",
     ("RUS", "territory.donbas", "DEMAND")),
    # recognition: legitimising, acknowledging, recognising gains
    ("Moscow wants the world to legitimise the annexation of Ukrainian land.",
     ("RUS", "territory.recognition", "DEMAND")),
    ("Kyiv refuses to acknowledge any loss of territory.",
     ("UKR", "territory.recognition", "REJECT")),
    ("The Kremlin demands that Kyiv recognise Russia's territorial gains.",
     ("RUS", "territory.recognition", "DEMAND")),
    ("Ukraine rejects any legalization of the occupation, the foreign minister said.",
     ("UKR", "territory.recognition", "REJECT")),
    # Crimea by its date
    ("Washington wants Kyiv to give up its claim to the land annexed in 2014.",
     ("USA", "territory.crimea", "DEMAND")),
    # army size
    ("Russia insists on military limitations for Ukraine after the war.",
     ("RUS", "security.army_size", "DEMAND")),
    ("Lavrov demanded a reduction in the size of Ukraine's armed forces.",
     ("RUS", "security.army_size", "DEMAND")),
    # alignment: the alliance by description, bids and aspirations
    ("Moscow rejects Ukraine's membership in the Western alliance.",
     ("RUS", "security.alignment", "REJECT")),
    ("Washington wants Kyiv to drop its NATO membership bid.",
     ("USA", "security.alignment", "DEMAND")),
    ("The Kremlin demands that Ukraine stay out of NATO.",
     ("RUS", "security.alignment", "DEMAND")),
    # guarantees: deterrence, arrangements
    ("Macron proposed boosting Kyiv's deterrence capabilities after a truce.",
     ("FRA", "security.guarantees", "PROPOSE")),
    ("Starmer called for security arrangements that deter future Russian aggression.",
     ("GBR", "security.guarantees", "DEMAND")),
    # foreign forces: more nationalities, forces that back a deal
    ("Peskov rejected the deployment of German troops in Ukraine.",
     ("RUS", "security.foreign_forces", "REJECT")),
    ("Moscow rejects any coalition forces supporting a peace settlement.",
     ("RUS", "security.foreign_forces", "REJECT")),
    # sanctions: pressure, the EU's legal term, payment systems
    ("Kaja Kallas called for more economic pressure on Russia.",
     ("EU", "economy.sanctions", "DEMAND")),
    ("The European Commission proposed new restrictive measures against Moscow.",
     ("EU", "economy.sanctions", "PROPOSE")),
    ("Russia demands that its banks be reconnected to SWIFT.",
     ("RUS", "economy.sanctions", "DEMAND")),
    # frozen assets by other names
    ("Brussels proposed to use Russia's central bank reserves to fund Ukraine.",
     ("EU", "economy.frozen_assets", "PROPOSE")),
    # ceasefire: pauses and strike moratoria
    ("The French president proposed a pause in the war of thirty days.",
     ("FRA", "ceasefire", "PROPOSE")),
    ("Washington proposed that both sides refrain from strikes on energy facilities for a month.",
     ("USA", "ceasefire", "PROPOSE")),
    # prisoners: number words, children
    ("The two sides agreed on a thousand-for-thousand swap of captives.",
     ("RUS", "humanitarian.prisoners", "ACCEPT")),
    ("Kyiv demands the return of deported children.",
     ("UKR", "humanitarian.prisoners", "DEMAND")),
    # accountability
    ("Ukraine demands that the war criminals be brought to justice.",
     ("UKR", "justice.amnesty", "DEMAND")),
    # elections: the mandate
    ("Putin insisted that Zelensky's expired mandate made any deal void.",
     ("RUS", "politics.elections", "DEMAND")),
    # summit: formats of leaders' meetings
    ("The Kremlin proposed holding a trilateral meeting of the leaders in Istanbul.",
     ("RUS", "process.summit", "PROPOSE")),
    ("Erdogan offered to host a Putin-Zelensky meeting.",
     ("TUR", "process.summit", "PROPOSE")),
    # language and church
    ("Moscow demands protection for Russian-language schools and Russophone citizens.",
     ("RUS", "society.language", "DEMAND")),
    ("Lavrov condemned the ban on the Moscow-linked church.",  # condemning a ban demands
     ("RUS", "society.church", "DEMAND")),                    # the church back
    # EU membership
    ("Ukraine seeks a fast-track EU membership bid.",
     ("UKR", "eu_membership", "DEMAND")),
    # sequencing: the order named right after the ceasefire word
    ("Kyiv wants a truce before any talks on territory.",
     ("UKR", "process.sequencing", "DEMAND")),
    ("Kyiv wants a truce before any talks on territory.",
     ("UKR", "ceasefire", "DEMAND")),
    ("Moscow rejects Ukraine's admission to NATO.",
     ("RUS", "security.alignment", "REJECT")),
    ("Zelensky proposed a 30-day pause on strikes against ports.",
     ("UKR", "ceasefire", "PROPOSE")),
    ("Kyiv insists on the de-occupation of all occupied territories.",
     ("UKR", "territory.donbas", "DEMAND")),
    # towns under either spelling; the northern buffer zone is other land
    ("The Kremlin insists on Ukraine leaving Kramatorsk and Slavyansk.",
     ("RUS", "territory.donbas", "DEMAND")),
    ("Zelensky rejected the expansion of the buffer zone in the Sumy region.",
     ("UKR", "territory.other", "REJECT")),
    ("Washington proposed recognising Russia's sovereignty over Crimea.",
     ("USA", "territory.recognition", "PROPOSE")),
    ("Washington proposed recognising Russia's sovereignty over Crimea.",
     ("USA", "territory.crimea", "PROPOSE")),
    ("Kyiv wants guarantees that protect it against renewed Russian aggression.",
     ("UKR", "security.guarantees", "DEMAND")),
    ("Russia threatened to resume strikes on energy facilities.",
     ("RUS", "ceasefire", "THREATEN")),
    ("Lavrov rejected any NATO military infrastructure in Ukraine.",
     ("RUS", "security.foreign_forces", "REJECT")),
]

# terms whose stance the cue rules decide (a third party's wish for a leaders' meeting is
# read as a demand or a proposal): only the party and the issue are checked
ISSUE_ONLY = [
    # the modal stays outside the term, where it is a cue
    ("Trump said Putin and Zelensky should meet soon.", ("USA", "process.summit")),
    ("Trump called on Putin and Zelensky to meet soon.", ("USA", "process.summit")),
]

ACTOR_NAMES = [
    ("Kyiv's backers rejected the idea of Ukrainian neutrality.",
     ("WEST", "security.alignment", "REJECT")),
    ("The Trump team proposed a thirty-day truce.",
     ("USA", "ceasefire", "PROPOSE")),
    ("Ukraine's European allies demand an immediate ceasefire.",
     ("EUR", "ceasefire", "DEMAND")),
    ("The NATO chief rejected any veto by Moscow over Ukraine's NATO membership.",
     ("NATO", "security.alignment", "REJECT")),
    ("The Chinese foreign ministry called for a ceasefire.",
     ("CHN", "ceasefire", "DEMAND")),
    ("Baerbock called for more sanctions on Russia.",
     ("DEU", "economy.sanctions", "DEMAND")),
    ("Russia's negotiators rejected the deployment of European peacekeepers.",
     ("RUS", "security.foreign_forces", "REJECT")),
    ("Trump's special envoy proposed a prisoner exchange.",
     ("USA", "humanitarian.prisoners", "PROPOSE")),
    ("Downing Street called for an unconditional ceasefire.",
     ("GBR", "ceasefire", "DEMAND")),
    ("Kalin offered to host a meeting between the presidents in Istanbul.",
     ("TUR", "process.summit", "PROPOSE")),
    ("Ulyanov rejected IAEA control of the Zaporizhzhia plant.",
     ("RUS", "znpp", "REJECT")),
    ("The Elysée Palace proposed an aerial truce.",
     ("FRA", "ceasefire", "PROPOSE")),
    ("Zelenski demanded security guarantees.",
     ("UKR", "security.guarantees", "DEMAND")),
    ("The Verkhovna Rada rejected any recognition of the annexation.",
     ("UKR", "territory.recognition", "REJECT")),
    # a country and a title the list does not hold still give the party
    ("Ukrainian Ombudsman Olena Petrenko called for an all-for-all exchange.",
     ("UKR", "humanitarian.prisoners", "DEMAND")),
    ("Moskalkova proposed an exchange of detained civilians.",
     ("RUS", "humanitarian.prisoners", "PROPOSE")),
    # the parties at the table together
    ("Russian and Ukrainian negotiators agreed to exchange more prisoners.",
     ("UKR", "humanitarian.prisoners", "ACCEPT")),
    ("The warring parties agreed on an Easter truce.",
     ("RUS", "ceasefire", "ACCEPT")),
    ("All three delegations agreed to continue the talks on the 20-point plan.",
     ("USA", "process.framework", "ACCEPT")),
]

# the same terms where nobody states a position
NO_CLAIM = [
    "The front line barely moved last week, the general staff said.",
    "Fighting continued along the line of contact overnight.",
    "Russian strikes on energy facilities knocked out power in Kharkiv on Monday.",
    "German troops took part in NATO drills in Lithuania.",
    "Captured soldiers described their ordeal to reporters.",
    "Heavy shelling continued near the frontline town.",
    "Officials said the price cap on Russian oil was being reviewed.",
    "Journalists filmed troops on the ground near Pokrovsk.",
    "He spoke about the Korean peninsula and the Balkan peninsula.",
    # the 1994 memorandum is no Russian document
    "Kyiv cited the Budapest Memorandum as proof that paper promises fail.",
]


def _keys(text: str) -> set[tuple[str, str, str]]:
    return {(c.actor, c.issue, c.stance) for c in rule_claims(text, DAY)}


@pytest.mark.parametrize(("text", "expected"), ISSUE_TERMS)
def test_issue_term_families(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _keys(text)


@pytest.mark.parametrize(("text", "expected"), ISSUE_ONLY)
def test_issue_terms_whatever_the_stance(text: str, expected: tuple[str, str]) -> None:
    assert expected in {(c.actor, c.issue) for c in rule_claims(text, DAY)}


@pytest.mark.parametrize(("text", "expected"), ACTOR_NAMES)
def test_actor_groups_aliases_and_persons(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _keys(text)


@pytest.mark.parametrize("text", NO_CLAIM)
def test_terms_without_a_stance_yield_nothing(text: str) -> None:
    assert _keys(text) == set()


def test_a_freeze_in_the_south_is_not_donbas() -> None:
    keys = _keys("Kyiv is ready to freeze the line in Zaporizhzhia and Kherson.")
    assert ("UKR", "territory.south", "ACCEPT") in keys
    assert ("UKR", "territory.donbas", "ACCEPT") not in keys


def test_a_ceasefire_along_the_line_is_not_a_territorial_claim() -> None:
    keys = _keys("Kyiv is pressing for a ceasefire along the current line of contact.")
    assert ("UKR", "ceasefire", "DEMAND") in keys
    assert ("UKR", "territory.donbas", "DEMAND") not in keys


# second round: justice, church and language variants, elections wording, frozen-asset
# seizure and return, Black Sea shipping, children, the four regions by adjectives, EU
# accession wording, direct leader talks, army limits "to/for"; groups and persons
ISSUE_TERMS_2 = [
    ("Kyiv rejected any amnesties for the invading troops.",
     ("UKR", "justice.amnesty", "REJECT")),
    ("Moscow is seeking a blanket pardon for fighters on both sides.",
     ("RUS", "justice.amnesty", "DEMAND")),
    ("Sybiha insisted that the aggressor must be punished.",
     ("UKR", "justice.amnesty", "DEMAND")),
    ("The Kremlin wants the canonical Orthodox church shielded from bans.",
     ("RUS", "society.church", "DEMAND")),
    ("Lavrov called for the protection of Russian compatriots in Ukraine.",
     ("RUS", "society.language", "DEMAND")),
    ("Zelensky said Kyiv is ready to hold the votes once the fighting stops.",
     ("UKR", "politics.elections", "ACCEPT")),
    ("Washington wants Kyiv to stage presidential and parliamentary ballots this spring.",
     ("USA", "politics.elections", "DEMAND")),
    ("Moscow insists that Ukrainians go to the polls before any treaty is signed.",
     ("RUS", "politics.elections", "DEMAND")),
    ("Kyiv wants the EU to confiscate the frozen assets outright.",
     ("UKR", "economy.frozen_assets", "DEMAND")),
    ("The Kremlin demands the return of its immobilised reserves.",
     ("RUS", "economy.frozen_assets", "DEMAND")),
    ("Ankara offered to guarantee safe shipping in the Black Sea.",
     ("TUR", "ceasefire", "PROPOSE")),
    ("Zelensky demanded the return of children deported to Russia.",
     ("UKR", "humanitarian.prisoners", "DEMAND")),
    ("Kyiv called for an end to the deportation of Ukrainian children.",
     ("UKR", "humanitarian.prisoners", "DEMAND")),
    ("The Kremlin's chief negotiator offered to swap a thousand prisoners.",
     ("RUS", "humanitarian.prisoners", "PROPOSE")),
    ("The White House would accept Russian control over the four partially occupied regions.",
     ("USA", "territory.south", "ACCEPT")),
    ("The Ukrainian envoy said Kyiv wants to become a full member of the EU by 2030.",
     ("UKR", "eu_membership", "DEMAND")),
    ("Budanov refused to negotiate directly with the Russian president.",
     ("UKR", "process.summit", "REJECT")),
    ("Zelensky again proposed a one-on-one meeting with the Kremlin leader.",
     ("UKR", "process.summit", "PROPOSE")),
]

ISSUE_ONLY_2 = [
    ("Merz said there must be no limitations for the Ukrainian army.",
     ("DEU", "security.army_size")),
]

ACTOR_NAMES_2 = [
    ("The head of Ukraine's delegation demanded an all-for-all swap.",
     ("UKR", "humanitarian.prisoners", "DEMAND")),
    ("Members of the coalition offered to send troops once the guns fall silent.",
     ("EUR", "security.foreign_forces", "PROPOSE")),
    ("Coalition leaders called for a month-long truce.",
     ("EUR", "ceasefire", "DEMAND")),
    ("The Commission President proposed a new package of sanctions.",
     ("EU", "economy.sanctions", "PROPOSE")),
    ("EU member states rejected the lifting of sanctions.",
     ("EU", "economy.sanctions", "REJECT")),
    ("Kubilius called for tougher sanctions on Moscow.",
     ("EU", "economy.sanctions", "DEMAND")),
    ("China's foreign minister called for an end to the fighting.",
     ("CHN", "ceasefire", "DEMAND")),
    ("Geng Shuang urged the parties to agree a ceasefire.",
     ("CHN", "ceasefire", "DEMAND")),
    ("Turkey's foreign minister offered Istanbul as a venue for a leaders' summit.",
     ("TUR", "process.summit", "PROPOSE")),
    ("Trump's son-in-law proposed a joint investment fund using the frozen assets.",
     ("USA", "economy.frozen_assets", "PROPOSE")),
    ("Putin's foreign policy aide dismissed the idea of a truce.",
     ("RUS", "ceasefire", "REJECT")),
    ("Rosatom rejected any American role at the Zaporizhzhia plant.",
     ("RUS", "znpp", "REJECT")),
    ("Lvova-Belova rejected the return of Ukrainian children.",
     ("RUS", "humanitarian.prisoners", "REJECT")),
    ("Palisa said Kyiv wants a full ceasefire in the air and at sea.",
     ("UKR", "ceasefire", "DEMAND")),
    ("The IAEA head called for a safety zone around the Zaporizhzhia plant.",
     ("IAEA", "znpp", "DEMAND")),
]

NO_CLAIM_2 = [
    "Officials in Brussels discussed how the four partially occupied regions are governed.",
    "Voters went to the polls in Moldova on Sunday.",
    "Police seized the assets of a drug cartel.",
    "Ships crossed the Black Sea safely last month, port data showed.",
    "The coalition government in Berlin agreed a budget.",
]


@pytest.mark.parametrize(("text", "expected"), ISSUE_TERMS_2 + ACTOR_NAMES_2)
def test_second_round_families(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _keys(text)


@pytest.mark.parametrize(("text", "expected"), ISSUE_ONLY_2)
def test_second_round_issue_only(text: str, expected: tuple[str, str]) -> None:
    assert expected in {(c.actor, c.issue) for c in rule_claims(text, DAY)}


@pytest.mark.parametrize("text", NO_CLAIM_2)
def test_second_round_terms_without_a_stance(text: str) -> None:
    assert _keys(text) == set()


# third round: leaving the land Russia has occupied, a physical presence and air or sea
# missions, truce monitors, returning the fallen, replacing the president, easing
# restrictions on Russian firms, halts to long-range strikes, invitations and hosts
ISSUE_TERMS_3 = [
    ("Kyiv insists that Russia vacate the land it has seized since 2014.",
     ("UKR", "territory.donbas", "DEMAND")),
    ("Paris proposed a European physical presence in Ukraine once a truce holds.",
     ("FRA", "security.foreign_forces", "PROPOSE")),
    ("London offered an air and sea mission over Ukraine.",
     ("GBR", "security.foreign_forces", "PROPOSE")),
    ("Moscow rejected the idea of truce monitors along the line of contact.",
     ("RUS", "security.foreign_forces", "REJECT")),
    ("Russia offered to hand over the remains of the fallen.",
     ("RUS", "humanitarian.prisoners", "PROPOSE")),
    ("The Kremlin wants Zelensky to be replaced before a treaty is signed.",
     ("RUS", "politics.elections", "DEMAND")),
    ("Washington offered to ease some restrictions on Russian airlines.",
     ("USA", "economy.sanctions", "PROPOSE")),
    ("Zelensky proposed a mutual halt to long-range strikes.",
     ("UKR", "ceasefire", "PROPOSE")),
    ("Zelensky rejected Putin's invitation to Moscow.",
     ("UKR", "process.summit", "REJECT")),
    ("Erdogan offered to host the two presidents in Istanbul.",
     ("TUR", "process.summit", "PROPOSE")),
    ("Zelensky rejected the plan to give up the rest of the east.",
     ("UKR", "process.framework", "REJECT")),
]

NO_CLAIM_3 = [
    # a plan to do something outside the talks is no peace plan
    "Washington urged Brussels to speed up its plan to phase out Russian gas.",
    "Drone attacks on Kyiv continued through the night.",
    "The restrictions on Russian airlines have been in force since 2022.",
    "Rescuers recovered the bodies of the dead after the strike.",
]


@pytest.mark.parametrize(("text", "expected"), ISSUE_TERMS_3)
def test_third_round_families(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _keys(text)


@pytest.mark.parametrize("text", NO_CLAIM_3)
def test_third_round_terms_without_a_stance(text: str) -> None:
    assert _keys(text) == set()


# a country's official by a possessive title ("Russia's deputy foreign minister"), and the
# Group of Seven as the Western partners
POSSESSIVE_TITLES = [
    ("Ukraine's spy chief ruled out any territorial concessions.",
     ("UKR", "territory.donbas", "REJECT")),
    ("Kyiv's top negotiator offered a new prisoner swap.",
     ("UKR", "humanitarian.prisoners", "PROPOSE")),
    ("Russia's deputy foreign minister rejected the deployment of peacekeepers.",
     ("RUS", "security.foreign_forces", "REJECT")),
    ("Moscow's UN ambassador rejected any foreign troops in Ukraine.",
     ("RUS", "security.foreign_forces", "REJECT")),
    ("Trump's national security adviser called for a thirty-day truce.",
     ("USA", "ceasefire", "DEMAND")),
    ("Britain's defence secretary proposed a reassurance force.",
     ("GBR", "security.foreign_forces", "PROPOSE")),
    ("Germany's foreign minister called for tougher sanctions.",
     ("DEU", "economy.sanctions", "DEMAND")),
    ("France's armed forces minister offered to send troops after a truce.",
     ("FRA", "security.foreign_forces", "PROPOSE")),
    ("G7 leaders called for an unconditional ceasefire.",
     ("WEST", "ceasefire", "DEMAND")),
]


@pytest.mark.parametrize(("text", "expected"), POSSESSIVE_TITLES)
def test_possessive_titles(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _keys(text)
