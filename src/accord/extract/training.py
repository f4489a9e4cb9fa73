"""Training the stance classifier of :mod:`accord.extract.classifier` on annotated text.

Input: documents (any format ``accord ingest`` reads) and gold files in the ontology's JSON
Lines format, whose ``cue`` is a verbatim piece of the document. Each gold line labels the
(party, issue) candidate of the sentence its cue is in; every other candidate is ``NONE``.

Pairs the rules claimed are training examples as well (the model learns what a claim
looks like, not only what the rules miss) but are never decided by the model.

The threshold is chosen by k-fold cross-validation over documents: for each threshold the
folds' held-out documents are scored like ``accord eval`` scores them (the rules' claims
plus the model's). The kept threshold is the highest whose mean F1 over the folds is within
one standard error of the best (the "one-standard-error rule" of Hastie, Tibshirani and
Friedman, *Elements of Statistical Learning*, 7.10): when the folds cannot tell thresholds
apart, the more precise one wins. The figures go into the
model file, with the names and hashes of the files it was trained on, so a model can be
traced to its data. scikit-learn's ``LogisticRegression`` (lbfgs, L2) does the fitting;
inference needs only the weights (:class:`~accord.extract.classifier.StanceModel`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from accord.errors import AccordError
from accord.extract.classifier import NONE, Candidate, StanceModel, candidates
from accord.extract.pipeline import analyse
from accord.extract.vocab import STANCES, Vocab, load_vocab

CLASSES = (NONE, *STANCES)
THRESHOLDS = tuple(round(0.1 + 0.05 * i, 2) for i in range(15))  # 0.10 … 0.80
Progress = Callable[[str], None]


@dataclass(frozen=True)
class GoldLine:
    actor: str
    issue: str
    stance: str
    optional: bool
    cue: str


@dataclass(frozen=True)
class AnnotatedDoc:
    name: str
    text: str
    date: dt.date | None
    gold: tuple[GoldLine, ...]


@dataclass(frozen=True)
class Example:
    """One candidate with its labels (several when the gold gives two stances)."""

    doc: str
    candidate: Candidate
    labels: frozenset[str]


def read_gold(path: Path) -> dict[str, list[GoldLine]]:
    """Gold lines by document name; a bad line is an error naming the file and line."""
    out: dict[str, list[GoldLine]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise AccordError(f"{path}: cannot read ({exc.strerror})") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            g = json.loads(line)
            item = GoldLine(g["actor"], g["issue"], g["stance"], bool(g.get("optional")),
                            g["cue"])
            doc = g["doc"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise AccordError(f"{path}: line {n}: not a gold claim ({exc})") from exc
        if item.stance not in STANCES:
            raise AccordError(f"{path}: line {n}: unknown stance {item.stance!r}")
        out.setdefault(doc, []).append(item)
    return out


def read_annotated(corpus: Sequence[Path], gold_files: Sequence[Path]) -> list[AnnotatedDoc]:
    """The documents under ``corpus`` that a gold file annotates, cleaned as ingest cleans."""
    from accord.corpus.ingest import prepare
    from accord.corpus.sources import SourceError, find_files, read_source

    gold: dict[str, list[GoldLine]] = {}
    for path in gold_files:
        for doc, lines in read_gold(path).items():
            gold.setdefault(doc, []).extend(lines)
    docs: list[AnnotatedDoc] = []
    for found in find_files(list(corpus)):
        if isinstance(found, SourceError):
            raise found
        if found.name.startswith(("README", "SOURCES")):
            continue
        for raw in read_source(found):
            if raw.file in gold:
                p = prepare(raw)
                docs.append(AnnotatedDoc(raw.file, p.text, p.date, tuple(gold[raw.file])))
    missing = sorted(set(gold) - {d.name for d in docs})
    if missing:
        raise AccordError(f"{gold_files[0]}: {len(missing)} annotated documents not found "
                          f"under the corpus, e.g. {missing[0]}")
    return docs


def examples(doc: AnnotatedDoc, vocab: Vocab) -> tuple[list[Example], set[tuple[str, str, str]]]:
    """Labelled candidates of one document, and the rules' (party, issue, stance) keys."""
    mentions, sentences, rules = analyse(doc.text, doc.date, vocab)
    labels: dict[tuple[int, str, str], set[str]] = {}
    for g in doc.gold:
        start = doc.text.find(g.cue)
        while start >= 0:
            labels.setdefault((start, g.actor, g.issue), set()).add(g.stance)
            start = doc.text.find(g.cue, start + 1)
    out = []
    # pairs the rules claimed are examples too: without them the model would learn only
    # from what the rules missed, where a plain "X demands Y" is nearly always a non-claim
    for cand in candidates(mentions, sentences, rules, ruled=True):
        s = cand.sentence
        found = set()
        for (pos, actor, issue), stances in labels.items():
            if s.start <= pos < s.end and actor == cand.party and issue == cand.issue:
                found |= stances
        out.append(Example(doc.name, cand, frozenset(found)))
    return out, {c.key() for c in rules}


def fit(items: Sequence[Example], c: float = 1.0, min_count: int = 2,
        meta: dict | None = None, threshold: float = 0.5) -> StanceModel:
    """A multinomial logistic regression over the examples' features."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for e in items:
        for f in set(e.candidate.features):
            counts[f] = counts.get(f, 0) + 1
    keep = {f for f, n in counts.items() if n >= min_count}
    rows, y = [], []
    for e in items:
        row = {f: 1 for f in e.candidate.features if f in keep}
        for label in sorted(e.labels) or [NONE]:
            rows.append(row)
            y.append(label)
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x, y)
    classes = tuple(str(k) for k in model.classes_)
    if NONE not in classes:
        raise AccordError("training data has no candidate without a claim")
    coef = model.coef_ if len(classes) > 2 else np.vstack([-model.coef_[0], model.coef_[0]])
    bias = model.intercept_ if len(classes) > 2 else np.array([-model.intercept_[0],
                                                              model.intercept_[0]])
    weights = {name: coef[:, j].copy() for j, name in enumerate(vec.feature_names_)}
    return StanceModel(classes, np.asarray(bias, dtype=float), weights, threshold, meta or {})


def doc_keys(items: Iterable[Example], rules: set[tuple[str, str, str]], model: StanceModel,
             threshold: float) -> set[tuple[str, str, str]]:
    """What extraction would claim for one document: the rules' keys and the model's."""
    keys = set(rules)
    for e in items:
        if e.candidate.ruled:
            continue  # at run time the rules' verdict on these stands
        stance, p = model.best(e.candidate.features)
        if p >= threshold:
            keys.add((e.candidate.party, e.candidate.issue, stance))
    return keys


def _score(pred: set, gold: Iterable[GoldLine]) -> tuple[int, int, int, int]:
    every = {(g.actor, g.issue, g.stance) for g in gold}
    required = {(g.actor, g.issue, g.stance) for g in gold if not g.optional}
    return len(pred & every), len(pred), len(pred & required), len(required)


def _figures(t: np.ndarray) -> dict[str, float]:
    correct, predicted, found, required = (int(x) for x in t)
    p = correct / predicted if predicted else 1.0
    r = found / required if required else 1.0
    return {"precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "predicted": predicted, "required": required}


def train(docs: Sequence[AnnotatedDoc], *, vocab: Vocab | None = None, c: float = 1.0,
          folds: int = 5, min_count: int = 2, sources: Sequence[Path] = (),
          progress: Progress | None = None) -> StanceModel:
    """Cross-validate the threshold, then fit on every document."""
    if len(docs) < folds:
        raise AccordError(f"{len(docs)} annotated documents: need at least {folds}")
    vocab = vocab or load_vocab()
    per_doc = []
    for d in docs:
        if progress:
            progress(d.name)
        per_doc.append(examples(d, vocab))
    order = sorted(range(len(docs)), key=lambda i: hashlib.sha256(
        docs[i].name.encode()).hexdigest())  # folds that do not depend on file order
    fold_of = {i: k % folds for k, i in enumerate(order)}
    totals = {t: np.zeros(4) for t in THRESHOLDS}
    per_fold = {t: [np.zeros(4) for _ in range(folds)] for t in THRESHOLDS}
    rules_only = np.zeros(4)
    for k in range(folds):
        train_items = [e for i, (ex, _) in enumerate(per_doc) if fold_of[i] != k for e in ex]
        model = fit(train_items, c, min_count)
        for i, (ex, rules) in enumerate(per_doc):
            if fold_of[i] != k:
                continue
            rules_only += _score(rules, docs[i].gold)
            for t in THRESHOLDS:
                score = _score(doc_keys(ex, rules, model, t), docs[i].gold)
                totals[t] += score
                per_fold[t][k] += score
    curve = {str(t): _figures(v) for t, v in totals.items()}
    best, band = one_standard_error(
        {t: [_figures(v)["f1"] for v in per_fold[t]] for t in THRESHOLDS})
    meta = {
        "trained_on": [{"file": str(p), "sha256": _sha256(p)} for p in sources],
        "documents": len(docs),
        "candidates": sum(len(ex) for ex, _ in per_doc),
        "labelled": sum(1 for ex, _ in per_doc for e in ex if e.labels),
        "c": c, "min_count": min_count, "folds": folds,
        "cross_validation": {"rules_only": _figures(rules_only), "by_threshold": curve},
        "threshold_rule": "highest threshold within one standard error of the best mean "
                          "fold F1 of rules plus model",
        "f1_band": round(band, 4),
    }
    all_items = [e for ex, _ in per_doc for e in ex]
    return fit(all_items, c, min_count, meta, best)


def one_standard_error(fold_f1: dict[float, list[float]]) -> tuple[float, float]:
    """The highest threshold whose mean fold F1 is within one standard error of the best.

    Returns the threshold and the F1 it had to reach.
    """
    means = {t: float(np.mean(v)) for t, v in fold_f1.items()}
    top = max(means, key=lambda t: (means[t], -t))
    spread = fold_f1[top]
    se = float(np.std(spread, ddof=1) / np.sqrt(len(spread))) if len(spread) > 1 else 0.0
    band = means[top] - se
    return max(t for t, m in means.items() if m >= band), band


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for p in files:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def save_model(model: StanceModel, path: Path) -> None:
    """Write atomically: a half-written model file never replaces a good one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(model.to_json(), ensure_ascii=False, sort_keys=True) + "\n",
                   encoding="utf-8")
    tmp.replace(path)
