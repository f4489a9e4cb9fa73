import datetime as dt

from accord.positions import build_matrix, load_claims
from accord.positions.weights import load_weights, strength_of, tied_outlet

from .helpers import claim, make_store


def test_prevailing_stance_is_the_heaviest_and_hedging_counts_less():
    claims = [
        claim(1, "UKR", "znpp", "REJECT", "ru_control"),
        claim(2, "UKR", "znpp", "ACCEPT", "ru_control", hedged=True),
        claim(3, "UKR", "znpp", "ACCEPT", "ru_control", hedged=True, date="2026-02-05"),
    ]
    cell = build_matrix(claims).get("UKR", "znpp")
    # two hedged acceptances (0.5 each, one a day older) weigh less than one direct rejection
    assert cell.label == "REJECT ru_control"
    assert [e.claim.id for e in cell.supporting] == [1]
    assert sorted(e.claim.id for e in cell.contradicting) == [2, 3]
    assert 0.5 < cell.share < 0.51
    # three unhedged acceptances would outweigh it
    more = [claim(4, "UKR", "znpp", "ACCEPT", "ru_control")] + claims
    assert build_matrix(more).get("UKR", "znpp").stance == "ACCEPT"


def test_strength_levels_from_stance_and_words():
    book = load_weights()
    assert strength_of(claim(1, "UKR", "znpp", "REJECT", text="remains unacceptable"),
                       book) == "red_line"
    assert strength_of(claim(1, "RUS", "znpp", "REJECT", text="rejects it"), book) == "demand"
    assert strength_of(claim(1, "RUS", "znpp", "DEMAND", text="Nevertheless, it insists"),
                       book) == "demand"
    assert strength_of(claim(1, "RUS", "znpp", "DEMAND", text="x", cue="Never"),
                       book) == "red_line"
    assert strength_of(claim(1, "RUS", "x", "DEMAND", text="insists"), book) == "demand"
    assert strength_of(claim(1, "RUS", "x", "PROPOSE"), book) == "preference"
    assert strength_of(claim(1, "RUS", "x", "ACCEPT"), book) == "openness"
    assert strength_of(claim(1, "RUS", "x", "THREATEN"), book) == "red_line"
    assert strength_of(claim(1, "RUS", "x", "THREATEN", hedged=True), book) == "demand"


def test_partisan_outlet_about_the_other_side_counts_half_and_is_marked():
    book = load_weights()
    tass_on_ukr = claim(1, "UKR", "territory.other", "DEMAND", "guarantee_no_offensive",
                        via="TASS")
    assert tied_outlet(tass_on_ukr, book).party == "RUS"
    assert tied_outlet(claim(2, "UKR", "x", "DEMAND", outlet="Reuters"), book) is None
    # "RT" must match only as a word, not inside "report"
    assert tied_outlet(claim(3, "UKR", "x", "DEMAND", via="a report"), book) is None
    assert tied_outlet(claim(4, "UKR", "x", "DEMAND", url="https://www.rt.com/news/1"),
                       book).name == "RT"
    m = build_matrix([tass_on_ukr])
    cell = m.get("UKR", "territory.other")
    assert cell.single_partisan_source == "TASS"
    assert cell.supporting[0].weight == book.partisan_about_other
    # TASS on Russia's own position is not discounted
    own = build_matrix([claim(5, "RUS", "territory.donbas", "DEMAND", via="TASS")])
    assert own.get("RUS", "territory.donbas").supporting[0].weight == 1.0
    # a second, independent source lifts the mark
    both = build_matrix([tass_on_ukr, claim(6, "UKR", "territory.other", "DEMAND",
                                            "guarantee_no_offensive", outlet="Reuters")])
    assert both.get("UKR", "territory.other").single_partisan_source is None


def test_as_of_leaves_out_later_and_undated_claims():
    claims = [
        claim(1, "RUS", "eu_membership", "REJECT", "allowed", date="2025-06-01"),
        claim(2, "RUS", "eu_membership", "ACCEPT", "allowed", date="2026-02-01"),
        claim(3, "RUS", "ceasefire", "ACCEPT", "partial_energy", date=None),
    ]
    early = build_matrix(claims, as_of=dt.date(2025, 12, 31))
    assert early.get("RUS", "eu_membership").label == "REJECT allowed"
    assert early.get("RUS", "ceasefire") is None
    assert early.undated_left_out == 1
    late = build_matrix(claims, as_of=dt.date(2026, 2, 28))
    # the newer statement outweighs the older one: evidence fades with a 120-day half-life
    assert late.get("RUS", "eu_membership").label == "ACCEPT allowed"
    assert late.get("RUS", "eu_membership").latest == dt.date(2026, 2, 1)
    assert build_matrix(claims).get("RUS", "ceasefire").label == "ACCEPT partial_energy"


def test_claims_without_option_support_the_prevailing_option():
    claims = [
        claim(1, "RUS", "territory.recognition", "DEMAND", "de_jure_international"),
        claim(2, "RUS", "territory.recognition", "DEMAND", None),
        claim(3, "RUS", "territory.recognition", "ACCEPT", "de_facto_only"),
    ]
    cell = build_matrix(claims).get("RUS", "territory.recognition")
    assert cell.option == "de_jure_international"
    assert [e.claim.id for e in cell.supporting] == [1, 2]
    assert [e.claim.id for e in cell.other] == [3]


def test_load_claims_reads_spans_and_document_facts(db_url):
    text = "Moscow demands that Kyiv withdraw from Donbas. Kyiv says this is unacceptable."
    make_store(db_url, [{
        "text": text, "date": "2026-02-06", "outlet": "Kyiv Independent",
        "claims": [("demands that Kyiv withdraw from Donbas", "RUS", "territory.donbas",
                    "DEMAND", "ua_withdraws", {}),
                   ("this is unacceptable", "UKR", "territory.donbas", "REJECT",
                    "ua_withdraws", {"date": "2026-02-05"})],
    }])
    from accord.store.db import connect

    claims = load_claims(connect(db_url))
    assert {c.actor for c in claims} == {"RUS", "UKR"}
    rus = next(c for c in claims if c.actor == "RUS")
    assert text[rus.start:rus.end] == rus.text
    assert rus.date == dt.date(2026, 2, 6)  # from the document
    assert rus.outlet == "Kyiv Independent" and rus.doc == "d0.txt"
    ukr = next(c for c in claims if c.actor == "UKR")
    assert ukr.date == dt.date(2026, 2, 5)  # the claim's own date wins
    cell = build_matrix(claims).get("UKR", "territory.donbas")
    assert cell.strength == "red_line"


def test_a_syndicated_copy_is_not_a_second_source():
    original = claim(1, "RUS", "territory.donbas", "DEMAND", "ua_withdraws", via="TASS",
                     outlet="Wire")
    copy = claim(2, "RUS", "territory.donbas", "DEMAND", "ua_withdraws", doc=9,
                 outlet="Gulf daily", copy_of=1)
    other = claim(3, "RUS", "territory.donbas", "DEMAND", "ua_withdraws", doc=9,
                  outlet="Gulf daily")  # same text but not marked as a copy
    cell = build_matrix([original, copy]).get("RUS", "territory.donbas")
    assert [e.weight for e in cell.supporting] == [1.0, 0.0]
    assert "syndicated copy" in cell.supporting[1].notes[0]
    assert cell.single_partisan_source == "TASS"  # the copy adds no independent source
    assert build_matrix([original, other]).get("RUS", "territory.donbas") \
        .single_partisan_source is None


def test_an_unnamed_acceptance_is_not_backed_by_an_unnamed_demand():
    claims = [
        claim(1, "RUS", "territory.south", "DEMAND", date="2025-06-02"),
        claim(2, "RUS", "territory.south", "ACCEPT", date="2026-02-06"),
        claim(3, "RUS", "territory.south", "ACCEPT", date="2026-02-06"),
    ]
    cell = build_matrix(claims).get("RUS", "territory.south")
    assert cell.stance == "ACCEPT"
    assert [e.claim.id for e in cell.supporting] == [2, 3]
    assert [e.claim.id for e in cell.other] == [1]
    assert cell.share < 1.0
    # a proposal naming no option still backs an unnamed demand
    both = build_matrix([claim(4, "RUS", "x", "DEMAND"), claim(5, "RUS", "x", "PROPOSE")])
    assert len(both.get("RUS", "x").supporting) == 2
