"""Held-out sentences, written for these tests (not from any corpus), one behaviour each."""

from __future__ import annotations

import datetime as dt
import functools

import pytest
from rules_only import rule_claims, rule_keys

DAY = dt.date(2026, 2, 12)


keys = functools.partial(rule_keys, date=DAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # DEMAND, in several phrasings
        ("The Kremlin insists that Kyiv pull its troops out of Donetsk.",
         ("RUS", "territory.donbas", "DEMAND")),
        ("Ukraine is pressing for an immediate ceasefire along the front line.",
         ("UKR", "ceasefire", "DEMAND")),
        ("Peskov said Moscow wants Russian to become an official language in Ukraine.",
         ("RUS", "society.language", "DEMAND")),
        ("Sybiha called for a full prisoner exchange before the end of the year.",
         ("UKR", "humanitarian.prisoners", "DEMAND")),
        # REJECT
        ("Zelenskyy flatly rejected any withdrawal from the Donbas.",
         ("UKR", "territory.donbas", "REJECT")),
        ("Moscow has ruled out the deployment of European troops in Ukraine.",
         ("RUS", "security.foreign_forces", "REJECT")),
        ("The lifting of sanctions is out of the question, von der Leyen told reporters.",
         ("EU", "economy.sanctions", "REJECT")),
        # PROPOSE
        ("Witkoff proposed a three-way split of the Zaporizhzhia nuclear plant.",
         ("USA", "znpp", "PROPOSE")),
        ("Turkey offered to host a summit of the two presidents in Istanbul.",
         ("TUR", "process.summit", "PROPOSE")),
        # ACCEPT
        ("Kyiv is ready to freeze the line of contact in the Kherson region.",
         ("UKR", "territory.south", "ACCEPT")),
        ("Russia agreed to an energy truce for thirty days.", ("RUS", "ceasefire", "ACCEPT")),
        # THREATEN
        ("Zakharova warned that any Western peacekeepers would be legitimate targets.",
         ("RUS", "security.foreign_forces", "THREATEN")),
    ],
)
def test_each_stance(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in keys(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukraine will never accept the annexation of Crimea.",
         ("UKR", "territory.recognition", "REJECT")),
        ("Moscow would not object to Kyiv's accession to the European Union.",
         ("RUS", "eu_membership", "ACCEPT")),
        ("Russia does not want NATO membership for Ukraine.",
         ("RUS", "security.alignment", "REJECT")),
        ("The Kremlin does not rule out a truce covering energy infrastructure.",
         ("RUS", "ceasefire", "ACCEPT")),
    ],
)
def test_negation_flips_the_stance(text: str, expected: tuple[str, str, str]) -> None:
    found = keys(text)
    assert expected in found
    opposite = {"REJECT": "ACCEPT", "ACCEPT": "REJECT"}.get(expected[2])
    assert (expected[0], expected[1], opposite) not in found


def test_negated_demand_states_no_position() -> None:
    assert keys("Russia does not demand elections in Ukraine within 100 days.") == set()


def test_no_longer_insisting_is_coming_round() -> None:
    found = keys("Washington no longer insists on elections in Ukraine within 100 days.")
    assert found == {("USA", "politics.elections", "ACCEPT")}


def test_hedges_mark_the_claim() -> None:
    (claim,) = rule_claims("Russia reportedly demands control of the whole Donetsk region.",
                              DAY)
    assert claim.hedged
    (plain,) = rule_claims("Russia demands control of the whole Donetsk region.", DAY)
    assert not plain.hedged


def test_reported_chain_gives_party_hedge_and_via() -> None:
    text = ("A diplomatic source quoted by RIA Novosti said Kyiv demands guarantees for "
            "the port of Odesa.")
    claims = {c.issue: c for c in rule_claims(text, DAY)}
    claim = claims["territory.other"]
    assert claim.actor == "UKR" and claim.stance == "DEMAND"
    assert claim.hedged and claim.via == "RIA Novosti"


def test_outlet_is_never_the_party() -> None:
    text = "Reuters reported that Bloomberg rejects the plan."
    assert all(c.actor not in ("Reuters", "Bloomberg") for c in rule_claims(text, DAY))
    assert keys(text) == set()


def test_pronoun_resolves_to_the_last_person() -> None:
    text = ("Sergei Lavrov met reporters in Moscow on Tuesday. He insisted that the Russian "
            "language must regain official status.")
    claim = next(c for c in rule_claims(text, DAY) if c.issue == "society.language")
    assert claim.actor == "RUS" and claim.speaker == "Sergey Lavrov"


def test_head_of_state_description() -> None:
    text = ("Volodymyr Zelenskiy spoke after the talks. According to the head of state, "
            "Ukraine needs security guarantees before any ceasefire.")
    claim = next(c for c in rule_claims(text, DAY) if c.issue == "security.guarantees")
    assert claim.actor == "UKR" and claim.speaker == "Volodymyr Zelensky"


def test_first_person_quote_takes_the_speaker_party() -> None:
    text = '"We will never recognise the occupied territories as Russian," Sybiha said.'
    assert ("UKR", "territory.recognition", "REJECT") in keys(text)


def test_issue_anaphor_points_back() -> None:
    text = ("The Europeans want a reassurance force of several thousand troops in Ukraine. "
            "Moscow called this idea unacceptable.")
    assert ("RUS", "security.foreign_forces", "REJECT") in keys(text)


def test_person_party_depends_on_date() -> None:
    text = "Budanov said Ukraine needs security guarantees."
    (claim,) = rule_claims(text, dt.date(2026, 2, 1))
    assert claim.actor == "UKR"


def test_one_sentence_two_parties() -> None:
    text = ("Russia demands the withdrawal of Ukrainian forces from Donbas, while Ukraine "
            "insists on a ceasefire along the current line.")
    assert keys(text) == {("RUS", "territory.donbas", "DEMAND"), ("UKR", "ceasefire", "DEMAND")}


def test_one_sentence_two_issues() -> None:
    text = "Moscow insists on lifting all sanctions and on neutral status for Ukraine."
    assert keys(text) == {("RUS", "economy.sanctions", "DEMAND"),
                          ("RUS", "security.alignment", "DEMAND")}


def test_no_claim_without_a_stance_cue() -> None:
    assert keys("Delegations from Russia and Ukraine discussed Donbas in Geneva.") == set()


def test_no_claim_without_a_party() -> None:
    assert keys("Analysts demand clarity on the future of the Zaporizhzhia plant.") == set()


def test_no_claim_without_an_issue() -> None:
    assert keys("Russia insists that the talks were constructive.") == set()


def test_historical_statement_keeps_its_date() -> None:
    text = "In March 2022, Ukraine proposed permanent neutrality in exchange for guarantees."
    claims = rule_claims(text, DAY)
    assert claims and all(c.date == dt.date(2022, 3, 1) and c.date_source == "text"
                          for c in claims)


def test_day_without_year_takes_the_document_year() -> None:
    (claim,) = rule_claims("On February 9, Rubio proposed a summit in Riyadh.", DAY)
    assert claim.date == dt.date(2026, 2, 9)
    (late,) = rule_claims("On December 30, Rubio proposed a summit in Riyadh.", DAY)
    assert late.date == dt.date(2025, 12, 30)


def test_undated_statement_takes_the_document_date() -> None:
    (claim,) = rule_claims("Rubio proposed a summit in Riyadh.", DAY)
    assert claim.date == DAY and claim.date_source == "document"


def test_described_plan_speaks_for_its_author() -> None:
    text = ("Under the American plan, Ukraine's army would be capped at 600,000 troops. "
            "Elections would be held within 100 days.")
    found = keys(text)
    assert ("USA", "security.army_size", "PROPOSE") in found
    assert ("USA", "politics.elections", "PROPOSE") in found


def test_collective_subject_is_both_parties() -> None:
    found = keys("Both sides agreed on another prisoner exchange.")
    assert found == {("UKR", "humanitarian.prisoners", "ACCEPT"),
                     ("RUS", "humanitarian.prisoners", "ACCEPT")}


def test_evidence_span_matches_text() -> None:
    text = "Intro line\n\nThe Kremlin rejects any Western troops in Ukraine. More text."
    for c in rule_claims(text, DAY):
        assert text[c.start:c.end] == c.text
        assert c.rule and 0 < c.confidence <= 1


def test_speaker_runs_on_in_the_paragraph() -> None:
    text = ("Medinsky told reporters that the talks had been useful. All sanctions against "
            "Russia must be lifted.\n\nAll sanctions must be lifted.")
    claims = rule_claims(text, DAY)
    assert [(c.actor, c.issue, c.stance, c.speaker) for c in claims] == [
        ("RUS", "economy.sanctions", "DEMAND", "Vladimir Medinsky")]


def test_refused_to_accept_is_a_rejection() -> None:
    text = "The plan rests on a ceasefire that Russia has so far refused to accept."
    assert ("RUS", "ceasefire", "REJECT") in keys(text)
    assert ("RUS", "ceasefire", "ACCEPT") not in keys(text)


def test_pressing_someone_to_accept_is_a_demand_of_the_presser() -> None:
    assert keys("Washington urged Kyiv to agree to a ceasefire.") == {
        ("USA", "ceasefire", "DEMAND")}


def test_coordinated_subjects_each_get_the_claim() -> None:
    # (the plan named as the US's is also its proposal)
    assert keys("Kyiv and its European allies have rejected the 28-point plan.") == {
        ("UKR", "process.framework", "REJECT"), ("EUR", "process.framework", "REJECT"),
        ("USA", "process.framework", "PROPOSE")}


def test_rejecting_a_demand_rejects_its_content() -> None:
    found = keys("Zelenskiy rejected Russia's demand that Ukraine hold elections before a truce.")
    assert ("UKR", "politics.elections", "REJECT") in found
    assert ("RUS", "politics.elections", "DEMAND") in found


def test_a_partys_position_frames_what_follows() -> None:
    assert ("UKR", "territory.recognition", "REJECT") in keys(
        "Kyiv's position remains that it will never recognise Crimea as Russian.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kremlin spokesman Dmitry Peskov told reporters that Moscow still wanted Ukraine to "
         "withdraw from the rest of the Donetsk region.", ("RUS", "territory.donbas", "DEMAND")),
        ("Russia has said it would regard any European troops deployed in Ukraine as "
         "legitimate targets.", ("RUS", "security.foreign_forces", "THREATEN")),
        ("Putin said Russia was open to discussing a halt to strikes on energy infrastructure.",
         ("RUS", "ceasefire", "ACCEPT")),
        ("Moscow is demanding that Kyiv abandon its bid to join NATO.",
         ("RUS", "security.alignment", "DEMAND")),
        ("Ukrainian officials said they would not agree to any limits on the size of their army.",
         ("UKR", "security.army_size", "REJECT")),
        ("The EU insists that frozen Russian assets should be used to rebuild Ukraine.",
         ("EU", "economy.frozen_assets", "DEMAND")),
    ],
)
def test_wire_style_sentences(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in keys(text)


def test_passive_subject_is_not_the_agent() -> None:
    assert ("RUS", "security.guarantees", "ACCEPT") not in keys(
        "Russia demanded a veto, insisting that any response must be agreed by all guarantors.")


def test_typed_anaphor_prefers_its_kind() -> None:
    text = ("Moscow wants Kyiv to leave Donetsk. Talks on a ceasefire stalled. "
            "Kyiv refused to discuss the withdrawal.")
    found = keys(text)
    assert ("UKR", "territory.donbas", "REJECT") in found
    assert ("UKR", "ceasefire", "REJECT") not in found


def test_a_source_with_a_side_gives_that_party_hedged() -> None:
    (claim,) = rule_claims(
        "A source in the Russian delegation said Moscow would not give up its demand for "
        "Donbas.", DAY)
    assert (claim.actor, claim.issue, claim.stance, claim.hedged) == (
        "RUS", "territory.donbas", "DEMAND", True)
    (claim,) = rule_claims("A Ukrainian source told Reuters that Kyiv rejects any freeze "
                              "of the Donbas front.", DAY)
    assert (claim.actor, claim.stance, claim.hedged, claim.via) == (
        "UKR", "REJECT", True, "Reuters")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow has balked at the idea of European peacekeepers in Ukraine.",
         {("RUS", "security.foreign_forces", "REJECT")}),
        ("Kyiv is pushing back against demands to cede the Donbas.",
         {("UKR", "territory.donbas", "REJECT")}),
        ("The Kremlin has called NATO membership for Ukraine a red line.",
         {("RUS", "security.alignment", "REJECT")}),
        ("Putin has made clear that Russia will not return Crimea.",
         {("RUS", "territory.crimea", "REJECT")}),
        ("Ukraine said no to the withdrawal from Donetsk.",
         {("UKR", "territory.donbas", "REJECT")}),
        ("Moscow lays claim to all of Zaporizhzhia region.",
         {("RUS", "territory.south", "DEMAND")}),
        ("Russia warned that it would respond to any deployment of Western troops.",
         {("RUS", "security.foreign_forces", "THREATEN")}),
    ],
)
def test_more_phrasings(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv regards any freeze that leaves Russia in control of the nuclear plant as "
         "unacceptable.", ("UKR", "znpp", "REJECT")),
        ("Zelensky told Al Jazeera that Ukraine would not trade land for peace.",
         ("UKR", "territory.donbas", "REJECT")),
        ("Peskov said the Kremlin was not ready for a meeting between Putin and Zelensky.",
         ("RUS", "process.summit", "REJECT")),
        ("Among Moscow's demands are the lifting of sanctions and a ban on Ukraine joining NATO.",
         ("RUS", "security.alignment", "DEMAND")),
        ("Ukraine proposed an energy ceasefire, which Russia accepted.",
         ("RUS", "ceasefire", "ACCEPT")),
    ],
)
def test_outlet_phrasings(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in keys(text)


def test_unknown_official_takes_the_party_of_the_country() -> None:
    # (an invented official: the vocabulary lists the real ones, e.g. Sergei Ryabkov)
    (claim,) = rule_claims(
        "Russian Deputy Foreign Minister Pavel Orekhov said Moscow rejects any ceasefire.", DAY)
    assert (claim.actor, claim.stance) == ("RUS", "REJECT")
    assert claim.speaker == "Russian Deputy Foreign Minister Pavel Orekhov"
    found = keys("Ukrainian lawmaker Oleksiy Goncharenko said Kyiv rejects the plan.")
    assert found == {("UKR", "process.framework", "REJECT")}


def test_coordinated_nationality_adjectives() -> None:
    assert keys("Russian and Ukrainian delegations agreed on a prisoner exchange.") == {
        ("UKR", "humanitarian.prisoners", "ACCEPT"), ("RUS", "humanitarian.prisoners", "ACCEPT")}


def test_a_partys_own_would_is_not_the_plans() -> None:
    text = ("The US plan leaked on Friday. Russia would reject any ceasefire under such terms.")
    assert keys(text) == {("RUS", "ceasefire", "REJECT"), ("USA", "process.framework", "PROPOSE")}


def test_wire_story_end_to_end() -> None:
    story = (
        "Kremlin says no deal without Donbas\n\n"
        "The Kremlin on Friday repeated that Ukraine must pull its forces out of the Donetsk "
        "region before any ceasefire.\n\n"
        "Zelenskiy, speaking in Kyiv, said his country would not give away land that Russian "
        "troops had failed to seize. He added that Ukraine wanted firm security guarantees.\n\n"
        "Witkoff floated a demilitarised zone in Donetsk. A senior European diplomat said the "
        "idea was unworkable.\n\n"
        "Russia also wants sanctions relief, according to two people familiar with the matter.")
    claims = rule_claims(story, DAY)
    found = {(c.actor, c.issue, c.stance) for c in claims}
    assert {("RUS", "territory.donbas", "DEMAND"), ("UKR", "territory.donbas", "REJECT"),
            ("UKR", "security.guarantees", "DEMAND"), ("USA", "territory.donbas", "PROPOSE"),
            ("EUR", "territory.donbas", "REJECT"), ("RUS", "economy.sanctions", "DEMAND")} <= found
    sanctions = next(c for c in claims if c.issue == "economy.sanctions")
    assert sanctions.hedged


def test_negator_governs_only_the_next_cue() -> None:
    assert keys("Ukraine will not withdraw from Donbas, wants a ceasefire first") == {
        ("UKR", "territory.donbas", "REJECT"), ("UKR", "ceasefire", "DEMAND")}


def test_topic_put_first() -> None:
    assert keys("In Donbas, by contrast, Ukrainian negotiators say they will not withdraw.") == {
        ("UKR", "territory.donbas", "REJECT")}


def test_recognising_it_is_about_recognition() -> None:
    assert keys("Whatever line is drawn, Ukraine will not recognise it in law.") == {
        ("UKR", "territory.recognition", "REJECT")}


def test_headline_speaker_before_a_colon() -> None:
    (claim,) = rule_claims(
        "Lavrov: plans for European peacekeepers in Ukraine are unacceptable", DAY)
    assert (claim.actor, claim.issue, claim.stance, claim.speaker) == (
        "RUS", "security.foreign_forces", "REJECT", "Sergey Lavrov")
