"""The learned stance classifier: candidates, scoring, claims, training, the model file, CLI.

All sentences here are written for these tests.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from accord.cli.app import app
from accord.errors import AccordError
from accord.extract.classifier import (
    NONE,
    StanceModel,
    candidates,
    explain,
    load_model,
    model_path,
    read_model,
)
from accord.extract.pipeline import analyse, extract_claims, learned_claims
from accord.extract.training import (
    AnnotatedDoc,
    GoldLine,
    examples,
    fit,
    one_standard_error,
    read_annotated,
    read_gold,
    save_model,
    train,
)

ROOT = Path(__file__).resolve().parents[2]
CLASSES = (NONE, "DEMAND", "REJECT", "PROPOSE", "ACCEPT", "THREATEN")


def toy_model(weights: dict[str, list[float]], threshold: float = 0.5) -> StanceModel:
    bias = np.array([2.0, 0, 0, 0, 0, 0])  # NONE unless a feature says otherwise
    return StanceModel(CLASSES, bias, {f: np.asarray(w, dtype=float)
                                       for f, w in weights.items()}, threshold, {})


# -- candidates ---------------------------------------------------------------------------

def test_a_pair_the_rules_left_open_is_a_candidate() -> None:
    text = "Moscow haggled over the Donbas line all week, officials in Geneva said."
    doc, sentences, rules = analyse(text, dt.date(2026, 2, 1))
    assert not [c for c in rules if c.actor == "RUS" and c.issue == "territory.donbas"]
    found = {(c.party, c.issue): c for c in candidates(doc, sentences, rules)}
    cand = found[("RUS", "territory.donbas")]
    assert "w=haggled" in cand.features and "party=RUS" in cand.features
    assert cand.mention is not None and cand.mention.text == "Moscow"
    assert text[cand.sentence.start:cand.sentence.end] == text


def test_the_rules_verdict_on_a_pair_stands() -> None:
    text = "Russia demands the withdrawal of Ukrainian forces from Donbas."
    doc, sentences, rules = analyse(text, dt.date(2026, 2, 1))
    assert ("RUS", "territory.donbas", "DEMAND") in {c.key() for c in rules}
    pairs = {(c.party, c.issue) for c in candidates(doc, sentences, rules)}
    assert ("RUS", "territory.donbas") not in pairs


def test_no_candidate_without_a_party_and_an_issue() -> None:
    text = "Talks went on late into the night. Donbas was discussed."
    doc, sentences, rules = analyse(text)
    assert candidates(doc, sentences, rules) == []


# -- the model ----------------------------------------------------------------------------

def test_probabilities_are_a_distribution_and_best_skips_none() -> None:
    m = toy_model({"w=haggled": [0, 3.0, 0, 0, 0, 0]})
    p = m.probabilities(["w=haggled", "w=unknown"])
    assert p.shape == (6,) and abs(p.sum() - 1) < 1e-12
    stance, prob = m.best(["w=haggled"])
    assert stance == "DEMAND" and prob == pytest.approx(p[1])
    # a feature the model does not know changes nothing
    assert m.best(["w=haggled", "w=zzz"]) == (stance, prob)
    assert m.best([])[0] != NONE


def test_repeated_features_count_once() -> None:
    m = toy_model({"w=haggled": [0, 3.0, 0, 0, 0, 0]})
    assert m.best(["w=haggled"]) == m.best(["w=haggled", "w=haggled"])


def test_json_round_trip_keeps_predictions(tmp_path: Path) -> None:
    m = toy_model({"w=a": [0, 1.5, -0.25, 0, 0, 0], "w=b": [0.5, 0, 2.0, 0, 0, 0]}, 0.4)
    path = tmp_path / "m.json"
    save_model(m, path)
    back = read_model(path)
    assert back.threshold == 0.4 and back.classes == m.classes
    for feats in (["w=a"], ["w=b"], ["w=a", "w=b"], []):
        assert np.allclose(back.probabilities(feats), m.probabilities(feats))
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize("content, message", [
    ("{", "not a stance model"),
    ('{"classes": ["DEMAND"], "bias": [0], "weights": {}, "threshold": 0.5}',
     "classes and weights disagree"),
    ('{"classes": ["NONE", "DEMAND"], "bias": [0, 0], "weights": {"w=a": [1]}, '
     '"threshold": 0.5}', "classes and weights disagree"),
    ('{"classes": ["NONE", "DEMAND"]}', "not a stance model"),
])
def test_a_bad_model_file_is_an_error_naming_it(tmp_path: Path, content: str,
                                                message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AccordError, match=f"bad.json: .*{message}"):
        read_model(path)


def test_explain_names_the_features_that_pushed() -> None:
    m = toy_model({"w=haggled": [0, 3.0, 0, 0, 0, 0], "w=late": [0, -0.5, 0, 0, 0, 0]})
    assert [f for f, _ in explain(m, ["w=late", "w=haggled", "w=zzz"], "DEMAND")] == [
        "w=haggled", "w=late"]


# -- claims -------------------------------------------------------------------------------

def test_the_model_adds_a_claim_with_its_span_and_rule() -> None:
    text = ("Talks resumed in Geneva on Tuesday.\n"
            "Moscow haggled over the Donbas line all week, officials said.")
    m = toy_model({"w=haggled": [0, 4.0, 0, 0, 0, 0]})
    claims = extract_claims(text, dt.date(2026, 2, 3), model=m)
    added = [c for c in claims if c.rule.startswith("model:")]
    assert [(c.actor, c.issue, c.stance, c.rule) for c in added] == [
        ("RUS", "territory.donbas", "DEMAND", "model:demand")]
    c = added[0]
    assert text[c.start:c.end] == c.text and c.text.startswith("Moscow haggled")
    assert c.speaker == "Russia" and c.date == dt.date(2026, 2, 3)
    assert 0.5 <= c.confidence <= 1.0
    # the rules alone say nothing here
    assert not extract_claims(text, dt.date(2026, 2, 3), learned=False)


def test_below_the_threshold_nothing_is_added() -> None:
    text = "Moscow haggled over the Donbas line all week."
    m = toy_model({"w=haggled": [0, 4.0, 0, 0, 0, 0]}, threshold=0.99)
    assert not [c for c in extract_claims(text, model=m) if c.rule.startswith("model:")]


def test_one_claim_per_key_where_the_model_is_surest() -> None:
    text = ("Moscow haggled over the Donbas line. "
            "Moscow haggled hard and loudly over the Donbas line.")
    m = toy_model({"w=haggled": [0, 3.0, 0, 0, 0, 0], "w=loudly": [0, 1.0, 0, 0, 0, 0]})
    doc, sentences, rules = analyse(text)
    added = learned_claims(doc, sentences, rules, m)
    assert len(added) == 1 and "loudly" in added[0].text


def test_the_model_never_repeats_a_key_the_rules_made() -> None:
    text = ("Russia demands the withdrawal of Ukrainian forces from Donbas. "
            "Moscow haggled over the Donbas line.")
    m = toy_model({"w=haggled": [0, 4.0, 0, 0, 0, 0]})
    claims = extract_claims(text, model=m)
    keys = [c.key() for c in claims]
    assert keys.count(("RUS", "territory.donbas", "DEMAND")) == 1
    assert claims[0].rule.startswith("demand")


# -- training -----------------------------------------------------------------------------

TOY_DOCS = {
    "a.txt": ("Moscow haggled over the Donbas line. Kyiv wavered on the Crimea question.",
              [("RUS", "territory.donbas", "DEMAND", "Moscow haggled over the Donbas line")]),
    "b.txt": ("Kyiv haggled over Crimea. Moscow wavered on the ceasefire.",
              [("UKR", "territory.crimea", "DEMAND", "Kyiv haggled over Crimea")]),
    "c.txt": ("Washington haggled over sanctions. Kyiv wavered on Crimea.",
              [("USA", "economy.sanctions", "DEMAND", "Washington haggled over sanctions")]),
    "d.txt": ("Moscow haggled over the ceasefire. Washington wavered on sanctions.",
              [("RUS", "ceasefire", "DEMAND", "Moscow haggled over the ceasefire")]),
}


def write_toy(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for name, (text, gold) in TOY_DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
        for actor, issue, stance, cue in gold:
            lines.append(json.dumps({"doc": name, "actor": actor, "issue": issue,
                                     "stance": stance, "option": None, "hedged": False,
                                     "optional": False, "cue": cue}))
    gold_path = folder.parent / "toy.gold.jsonl"
    gold_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return gold_path


def test_a_gold_cue_labels_the_candidate_of_its_sentence() -> None:
    text, gold = TOY_DOCS["a.txt"]
    doc = AnnotatedDoc("a.txt", text, None, tuple(GoldLine(a, i, s, False, c)
                                                   for a, i, s, c in gold))
    items, rules = examples(doc, _vocab())
    labelled = {(e.candidate.party, e.candidate.issue): e.labels for e in items}
    assert labelled[("RUS", "territory.donbas")] == {"DEMAND"}
    assert labelled[("UKR", "territory.crimea")] == frozenset()
    assert rules == set()


def test_fit_learns_what_the_labels_say(tmp_path: Path) -> None:
    docs = read_annotated([tmp_path / "toy"], [write_toy(tmp_path / "toy")])
    items = [e for d in docs for e in examples(d, _vocab())[0]]
    m = fit(items, c=10.0, min_count=1)
    haggle = [e for e in items if "w=haggled" in e.candidate.features]
    waver = [e for e in items if "w=wavered" in e.candidate.features]
    assert all(m.best(e.candidate.features) == ("DEMAND", pytest.approx(
        m.best(e.candidate.features)[1])) and m.best(e.candidate.features)[1] > 0.5
        for e in haggle)
    assert all(m.best(e.candidate.features)[1] < 0.5 for e in waver)


def test_train_cross_validates_and_records_its_data(tmp_path: Path) -> None:
    gold = write_toy(tmp_path / "toy")
    docs = read_annotated([tmp_path / "toy"], [gold])
    m = train(docs, folds=2, min_count=1, sources=[tmp_path / "toy", gold])
    meta = m.meta
    assert meta["documents"] == 4 and meta["labelled"] == 4
    assert [s["file"] for s in meta["trained_on"]] == [str(tmp_path / "toy"), str(gold)]
    curve = meta["cross_validation"]["by_threshold"]
    assert str(m.threshold) in curve and "one standard error" in meta["threshold_rule"]
    # the same data gives the same model
    again = train(docs, folds=2, min_count=1, sources=[tmp_path / "toy", gold])
    assert again.threshold == m.threshold
    assert np.allclose(again.probabilities(["w=haggled"]), m.probabilities(["w=haggled"]))


def test_one_standard_error_rule_prefers_the_higher_threshold_on_a_flat_curve() -> None:
    flat = {0.1: [0.60, 0.64, 0.56], 0.2: [0.59, 0.63, 0.57], 0.5: [0.50, 0.52, 0.48]}
    t, band = one_standard_error(flat)
    # best mean 0.60, standard error 0.04 / sqrt(3) = 0.023: 0.2 (mean 0.597) is inside
    assert t == 0.2 and band == pytest.approx(0.60 - 0.04 / 3 ** 0.5)
    # with no spread between folds only the best threshold is inside the band
    sharp = {0.1: [0.6, 0.6], 0.2: [0.59, 0.59], 0.5: [0.5, 0.5]}
    assert one_standard_error(sharp) == (0.1, 0.6)


def test_too_few_documents_is_an_error(tmp_path: Path) -> None:
    docs = read_annotated([tmp_path / "toy"], [write_toy(tmp_path / "toy")])
    with pytest.raises(AccordError, match="need at least 5"):
        train(docs, folds=5)


@pytest.mark.parametrize("content, message", [
    ('{"doc": "a.txt"}\n', r"g\.jsonl: line 1: not a gold claim"),
    ("not json\n", r"g\.jsonl: line 1: not a gold claim"),
    ('{"doc": "a.txt", "actor": "RUS", "issue": "znpp", "stance": "WANTS", "cue": "x"}\n',
     r"g\.jsonl: line 1: unknown stance 'WANTS'"),
])
def test_bad_gold_lines_are_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AccordError, match=message):
        read_gold(path)


def test_an_annotated_document_missing_from_the_corpus_is_an_error(tmp_path: Path) -> None:
    gold = write_toy(tmp_path / "toy")
    (tmp_path / "toy" / "d.txt").unlink()
    with pytest.raises(AccordError, match="1 annotated documents not found.*d.txt"):
        read_annotated([tmp_path / "toy"], [gold])


# -- the shipped model and the CLI --------------------------------------------------------

def test_the_shipped_model_is_traceable_to_shipped_data() -> None:
    m = load_model()
    assert m is not None, f"{model_path()} missing: run `make model`"
    meta = m.meta
    assert meta["documents"] >= 40 and meta["labelled"] > 0
    from accord.extract.training import _sha256

    for source in meta["trained_on"]:
        path = ROOT / source["file"]
        assert path.exists(), f"{path}: the model was trained on a file the repo lacks"
        assert _sha256(path) == source["sha256"], f"{path} changed: run `make model`"
    assert str(m.threshold) in meta["cross_validation"]["by_threshold"]
    # the model never sees the seed articles the acceptance test scores
    assert not any("seeds" in s["file"] for s in meta["trained_on"])


runner = CliRunner()


def test_cli_train_then_extract_with_the_model(tmp_path: Path, db_url: str) -> None:
    gold = write_toy(tmp_path / "toy")
    out = tmp_path / "model.json"
    r = runner.invoke(app, ["train-model", "--corpus", str(tmp_path / "toy"), "--gold",
                            str(gold), "--out", str(out), "--folds", "2", "--json"],
                      catch_exceptions=False)
    assert r.exit_code == 0, r.output
    report = json.loads(r.output)
    assert report["documents"] == 4 and out.is_file()
    assert read_model(out).threshold == report["threshold"]
    r = runner.invoke(app, ["--db", db_url, "ingest", str(tmp_path / "toy")],
                      catch_exceptions=False)
    assert r.exit_code == 0, r.output
    for extra in (["--model", str(out)], ["--rules-only"]):
        r = runner.invoke(app, ["--db", db_url, "extract", "--json", *extra],
                          catch_exceptions=False)
        assert r.exit_code == 0, r.output
        r = runner.invoke(app, ["--db", db_url, "claims", "--json"], catch_exceptions=False)
        rules = {c["rule"].split(":")[0] for c in json.loads(r.output)}
        assert ("model" in rules) == (extra[0] == "--model")
        r = runner.invoke(app, ["--db", db_url, "eval", str(gold), "--json"],
                          catch_exceptions=False)
        by = json.loads(r.output).get("by_component", {})
        assert ("model" in by) == (extra[0] == "--model")
        if "model" in by:
            assert by["model"]["predicted"] >= 1 and by["model"]["required"] == 4


def test_cli_threshold_trades_claims_for_precision(tmp_path: Path, db_url: str) -> None:
    gold = write_toy(tmp_path / "toy")
    out = tmp_path / "model.json"
    runner.invoke(app, ["train-model", "--corpus", str(tmp_path / "toy"), "--gold", str(gold),
                        "--out", str(out), "--folds", "2"], catch_exceptions=False)
    runner.invoke(app, ["--db", db_url, "ingest", str(tmp_path / "toy")], catch_exceptions=False)

    def model_claims(*extra: str) -> int:
        r = runner.invoke(app, ["--db", db_url, "extract", "--model", str(out), *extra],
                          catch_exceptions=False)
        assert r.exit_code == 0, r.output
        r = runner.invoke(app, ["--db", db_url, "claims", "--json"], catch_exceptions=False)
        return sum(c["rule"].startswith("model:") for c in json.loads(r.output))

    assert model_claims("--threshold", "0") >= model_claims() >= 1
    assert model_claims("--threshold", "1") == 0
    proc = subprocess.run([sys.executable, "-m", "accord.cli.app", "--db", db_url, "extract",
                           "--threshold", "1.5"], capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "between 0 and 1" in proc.stderr


def test_scores_by_component() -> None:
    from accord.extract.evaluate import GoldClaim, component, score

    gold = [GoldClaim("a", "RUS", "znpp", "REJECT", False, 1),
            GoldClaim("a", "UKR", "znpp", "DEMAND", False, 2)]
    pred = {("a", "RUS", "znpp", "REJECT"), ("a", "UKR", "znpp", "DEMAND"),
            ("a", "USA", "znpp", "ACCEPT")}
    made = {("a", "RUS", "znpp", "REJECT"): {component("reject:left")},
            ("a", "UKR", "znpp", "DEMAND"): {component("model:demand"), "rules"},
            ("a", "USA", "znpp", "ACCEPT"): {component("model:accept")}}
    by = score(pred, gold, components=made).by_component
    assert (by["rules"].predicted, by["rules"].correct, by["rules"].found) == (2, 2, 2)
    assert (by["model"].predicted, by["model"].correct, by["model"].found) == (2, 1, 1)
    assert component("llm:local") == "llm" and not score(pred, gold).by_component


def test_cli_bad_model_file_is_one_line_error(tmp_path: Path, db_url: str) -> None:
    bad = tmp_path / "m.json"
    bad.write_text("[]", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "accord.cli.app", "--db", db_url, "extract",
                           "--model", str(bad)], capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "m.json: not a stance model" in proc.stderr


def _vocab():  # noqa: ANN202
    from accord.extract.vocab import load_vocab

    return load_vocab()
