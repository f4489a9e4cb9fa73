"""Each pipeline component on its own: vocabularies, sentences, mentions, attribution, dates."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from accord.errors import AccordError
from accord.extract.attribution import find_frames, find_quotes
from accord.extract.dates import find_date
from accord.extract.mentions import find_actors, find_cues, find_issues, resolve_coreference
from accord.extract.text import clause_bounds, split_sentences
from accord.extract.vocab import load_vocab, load_vocab_from

VOCAB_DIR = Path(__file__).resolve().parents[2] / "src" / "accord" / "data" / "vocab"


@pytest.fixture(scope="module")
def vocab():  # noqa: ANN201
    return load_vocab()


def _ontology_ids(shared_dir: Path) -> tuple[set[str], set[str]]:
    text = (shared_dir / "spec" / "ontology.md").read_text(encoding="utf-8")
    actors = set(re.findall(r"^\| ([A-Z]{2,5}) \|", text, re.M))
    issues = set(re.findall(r"^\| ([a-z_]+(?:\.[a-z_]+)?) \|", text, re.M))
    issues -= {"issue", "stance", "id"}
    return actors, issues


def test_vocab_covers_the_ontology(vocab, shared_dir: Path) -> None:  # noqa: ANN001
    actors, issues = _ontology_ids(shared_dir)
    assert actors and issues
    assert actors <= set(vocab.party_ids)
    assert issues <= set(vocab.issue_ids)


def test_every_person_in_the_reference_is_known(vocab, shared_dir: Path) -> None:  # noqa: ANN001
    ontology = (shared_dir / "spec" / "ontology.md").read_text(encoding="utf-8")
    for name in ("Rustem Umerov", "Kirill Dmitriev", "Yuri Ushakov", "Alexus Grynkewich",
                 "Rafael Grossi", "Hakan Fidan", "Dan Driscoll"):
        assert name in ontology
        assert [m.name for m in find_actors(f"{name} said.", vocab, None)][0] == name


@pytest.mark.parametrize("spelling", ["Zelensky", "Zelenskyy", "Zelenskiy"])
def test_spelling_variants(vocab, spelling: str) -> None:  # noqa: ANN001
    (m,) = find_actors(f"{spelling} spoke.", vocab, None)
    assert m.name == "Volodymyr Zelensky" and m.party == "UKR"


def test_sergey_and_sergei(vocab) -> None:  # noqa: ANN001
    names = {m.name for m in find_actors("Sergei Lavrov and Sergey Lavrov", vocab, None)}
    assert names == {"Sergey Lavrov"}


def test_odesa_and_odessa_are_the_same_issue(vocab) -> None:  # noqa: ANN001
    assert {i.issue for i in find_issues("Odesa, Odessa", vocab)} == {"territory.other"}


def test_metonyms(vocab) -> None:  # noqa: ANN001
    found = [m.party for m in find_actors("Kyiv, the Kremlin and the White House", vocab, None)]
    assert found == ["UKR", "RUS", "USA"]


def test_office_dates_resolve_the_role(vocab) -> None:  # noqa: ANN001
    before = find_actors("Budanov", vocab, dt.date(2025, 6, 1))[0]
    after = find_actors("Budanov", vocab, dt.date(2026, 2, 1))[0]
    assert before.role == "head of military intelligence"
    assert after.role == "head of the presidential office"
    assert before.party == after.party == "UKR"


def test_us_pronoun_is_not_the_country(vocab) -> None:  # noqa: ANN001
    kinds = {m.text: m.kind for m in find_actors("the US told us", vocab, None)}
    assert kinds["US"] == "party" and kinds["us"] == "first_person"


def test_bad_yaml_names_the_file(tmp_path: Path) -> None:
    for name in ("actors.yaml", "issues.yaml", "cues.yaml"):
        shutil.copy(VOCAB_DIR / name, tmp_path / name)
    (tmp_path / "issues.yaml").write_text("issues: [\n  - id: x\n", encoding="utf-8")
    with pytest.raises(AccordError, match=r"issues\.yaml.*line"):
        load_vocab_from(tmp_path)


def test_bad_pattern_names_the_entry(tmp_path: Path) -> None:
    for name in ("actors.yaml", "issues.yaml", "cues.yaml"):
        shutil.copy(VOCAB_DIR / name, tmp_path / name)
    text = (tmp_path / "issues.yaml").read_text(encoding="utf-8")
    (tmp_path / "issues.yaml").write_text(text.replace("- 'Crimean peninsula'", "- 'Crimea(n'"),
                                          encoding="utf-8")
    with pytest.raises(AccordError, match=r"territory\.crimea.*bad pattern"):
        load_vocab_from(tmp_path)


def test_unknown_party_of_a_person(tmp_path: Path) -> None:
    for name in ("actors.yaml", "issues.yaml", "cues.yaml"):
        shutil.copy(VOCAB_DIR / name, tmp_path / name)
    text = (tmp_path / "actors.yaml").read_text(encoding="utf-8")
    (tmp_path / "actors.yaml").write_text(text.replace("party: IAEA", "party: MOON"),
                                          encoding="utf-8")
    with pytest.raises(AccordError, match="actors.yaml.*MOON"):
        load_vocab_from(tmp_path)


def test_sentences_keep_offsets_and_headings() -> None:
    text = "Kyiv Rejects Plan\nRussia insists. Ukraine refuses.\n\n  Indented line here."
    sents = split_sentences(text)
    assert [text[s.start:s.end] for s in sents] == [
        "Kyiv Rejects Plan", "Russia insists.", "Ukraine refuses.", "Indented line here."]
    assert [s.heading for s in sents] == [True, False, False, False]


def test_clauses_split_on_contrast() -> None:
    text = "Russia wants Donbas, while Ukraine wants a truce; talks go on."
    parts = [text[a:b].strip() for a, b in clause_bounds(text, 0, len(text))]
    assert parts == ["Russia wants Donbas", "Ukraine wants a truce", "talks go on."]


def test_cue_inside_an_issue_term_is_not_a_cue(vocab) -> None:  # noqa: ANN001
    text = "Lavrov called the Western proposals absurd."
    cues = find_cues(text, vocab, find_issues(text, vocab))
    assert "proposals" not in [c.text for c in cues]
    assert "absurd" in [c.text for c in cues]


def test_coreference_of_he_and_the_source(vocab) -> None:  # noqa: ANN001
    text = "A source cited by TASS spoke. Peskov spoke. He left. The source added more."
    from accord.extract.mentions import attach_source_outlets
    mentions = find_actors(text, vocab, None)
    mentions = resolve_coreference(attach_source_outlets(mentions, split_sentences(text)))
    he = next(m for m in mentions if m.text == "He")
    the_source = next(m for m in mentions if m.text == "The source")
    assert he.name == "Dmitry Peskov" and he.party == "RUS"
    assert the_source.via == "TASS" and the_source.party is None


def test_frames_said_that_and_according_to(vocab) -> None:  # noqa: ANN001
    text = "Umerov said that Kyiv wants peace."
    (frame,) = find_frames(text, find_actors(text, vocab, None), vocab)
    assert frame.speaker.name == "Rustem Umerov" and text[frame.start:].startswith(" that")
    text = "According to Ushakov, Moscow wants more."
    (frame,) = find_frames(text, find_actors(text, vocab, None), vocab)
    assert frame.speaker.name == "Yuri Ushakov" and (frame.start, frame.end) == (0, len(text))


def test_trailing_speaker_owns_the_sentence(vocab) -> None:  # noqa: ANN001
    text = "The withdrawal is a precondition, the Russian negotiators stressed."
    (frame,) = find_frames(text, find_actors(text, vocab, None), vocab)
    assert frame.speaker.party == "RUS" and (frame.start, frame.end) == (0, len(text))


def test_quote_speaker_after_and_before(vocab) -> None:  # noqa: ANN001
    text = ('"We will not give up a single village," Zelenskyy said. '
            'Lavrov told reporters: "Our conditions have not changed at all since June."')
    quotes = find_quotes(text, find_actors(text, vocab, None), vocab)
    assert [q.speaker.name for q in quotes] == ["Volodymyr Zelensky", "Sergey Lavrov"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He spoke on 5 February about it.", dt.date(2026, 2, 5)),
        ("at the end of January 2025 they met", dt.date(2025, 1, 28)),
        ("since 2022 it has said so", dt.date(2022, 1, 1)),
        ("They may meet soon.", None),
        ("In 2026 they met.", None),  # the document's own year says nothing new
    ],
)
def test_dates(sentence: str, expected: dt.date | None) -> None:
    assert find_date(sentence, dt.date(2026, 2, 10))[0] == expected


def test_an_aliased_term_list_serves_both_issues(vocab) -> None:  # noqa: ANN001
    # "Russia must leave all of Ukraine" is about every occupied region: one list, two issues
    text = "Kyiv insists that Russian forces withdraw from all of Ukraine's territory."
    found = {m.issue for m in find_issues(text, vocab)}
    assert {"territory.donbas", "territory.south"} <= found
    from accord.extract.vocab import Issue

    issue = Issue(id="x", label="x", terms=["a", ["b", "c"]], options={"o": [["d"], "e"]})
    assert issue.terms == ["a", "b", "c"] and issue.options == {"o": ["d", "e"]}
